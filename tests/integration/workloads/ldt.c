// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// x86's struct user_desc: set_thread_area's and modify_ldt's (given), get_thread_area's
// (the entry asked about), with NULL, a bad pointer, a struct that runs into an unreadable
// page and a size modify_ldt does not take. x86_64's 64-bit set_thread_area and
// get_thread_area fail with ENOSYS; modify_ldt returns its error as an unsigned int.
#include <asm/ldt.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "page_end.h"

#define BAD ((void *)0xbadc0ded)

int main(void) {
#if defined(__x86_64__)
	struct user_desc desc = {
		.entry_number = 12, .base_addr = 0x10, .limit = 0xfffff, .seg_32bit = 1,
		.contents = 2, .limit_in_pages = 1, .useable = 1, .lm = 1,
	};
	struct user_desc *end = (struct user_desc *)page_end(4);
	end->entry_number = (unsigned)-1;
	syscall(SYS_set_thread_area, &desc);
	syscall(SYS_set_thread_area, NULL);
	syscall(SYS_set_thread_area, BAD);
	syscall(SYS_set_thread_area, end);
	syscall(SYS_get_thread_area, &desc);
	syscall(SYS_get_thread_area, NULL);
	syscall(SYS_get_thread_area, end);
	desc.entry_number = (unsigned)-1;
	desc.base_addr = 0;
	syscall(SYS_modify_ldt, 1, &desc, sizeof(desc));
	syscall(SYS_modify_ldt, 1, &desc, 8);
	syscall(SYS_modify_ldt, 1, NULL, sizeof(desc));
	syscall(SYS_modify_ldt, 1, BAD, sizeof(desc));
#endif
	return 0;
}
