// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// perf_event_open's struct perf_event_attr, for the comparison with strace
// (test_decode_structs.py): a software counter of the process itself, a hardware cache
// event's config, a breakpoint, an unknown type, a size the kernel answers E2BIG to with its
// own, a size of 0, NULL and an attr that ends where an unreadable page begins.
#define _GNU_SOURCE
#include <linux/hw_breakpoint.h>
#include <linux/perf_event.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "page_end.h"

static long open_event(const void *attr, int pid, int cpu, int group, unsigned long flags) {
	return syscall(SYS_perf_event_open, attr, pid, cpu, group, flags);
}

int main(void) {
	struct perf_event_attr attr;
	memset(&attr, 0, sizeof(attr));
	attr.type = PERF_TYPE_SOFTWARE;
	attr.size = sizeof(attr);
	attr.config = PERF_COUNT_SW_TASK_CLOCK;
	attr.disabled = 1;
	attr.exclude_kernel = 1;
	int fd = open_event(&attr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
	if (fd >= 0)
		close(fd);

	attr.type = PERF_TYPE_HW_CACHE;
	attr.config = PERF_COUNT_HW_CACHE_LL | PERF_COUNT_HW_CACHE_OP_WRITE << 8 |
		      PERF_COUNT_HW_CACHE_RESULT_MISS << 16 | 0x5ULL << 32;
	attr.freq = 1;
	attr.sample_freq = 1000;
	attr.sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_TID | PERF_SAMPLE_BRANCH_STACK;
	attr.read_format = PERF_FORMAT_ID | 0x100;
	attr.precise_ip = 2;
	attr.branch_sample_type = PERF_SAMPLE_BRANCH_USER | PERF_SAMPLE_BRANCH_ANY;
	open_event(&attr, -1, 0, -1, 0);

	memset(&attr, 0, sizeof(attr));
	attr.type = PERF_TYPE_BREAKPOINT;
	attr.size = PERF_ATTR_SIZE_VER1;
	attr.bp_type = HW_BREAKPOINT_W;
	attr.bp_addr = (unsigned long)&attr;
	attr.bp_len = HW_BREAKPOINT_LEN_4;
	attr.watermark = 1;
	attr.wakeup_watermark = 4096;
	open_event(&attr, 12345678, -1, -1, 0);

	memset(&attr, 0, sizeof(attr));
	attr.type = 0x99;
	attr.config = 0xabcdef;
	attr.use_clockid = 1;
	attr.clockid = 1;
	open_event(&attr, 0, -1, -1, 0x40);

	// Longer than the kernel's struct, with a byte it does not know: E2BIG, and the kernel
	// writes its own size.
	char big[sizeof(attr) + 64];
	memset(big, 0, sizeof(big));
	memcpy(big, &attr, sizeof(attr));
	((struct perf_event_attr *)big)->size = sizeof(big);
	big[sizeof(big) - 1] = 1;
	open_event(big, 0, -1, -1, 0);

	open_event(NULL, 0, -1, -1, 0);
	struct perf_event_attr *end = (struct perf_event_attr *)page_end(PERF_ATTR_SIZE_VER0);
	memset(end, 0, PERF_ATTR_SIZE_VER0);
	end->type = PERF_TYPE_SOFTWARE;
	end->size = PERF_ATTR_SIZE_VER0;
	open_event(end, 0, -1, -1, 0);
	end->size = PERF_ATTR_SIZE_VER5;
	open_event(end, 0, -1, -1, 0);
	return 0;
}
