/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The observer developers */
/*
 * -k: the user stack of a call, copied at sys_enter into the entry half for user space to
 * unwind with DWARF call frame information (as perf record --call-graph dwarf does). The
 * kernel's own frame-pointer walk (bpf_get_stack with BPF_F_USER_STACK) stops at the first
 * function built without frame pointers, which on Debian is already libc's syscall wrapper:
 * it skips the wrapper's caller and goes astray from there. Used by send_entry (calls.bpf.h).
 */
#ifndef OBSERVER_STACK_BPF_H
#define OBSERVER_STACK_BPF_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "syscalls.h"
#include "record.bpf.h"

const volatile __u8 capture_stack = 0; /* -k: the user stack of every call */

#define STACK_PAGE 4096
/* Bytes copied above the main thread's start of stack (argc, then argv's pointers): what an
 * unwinder may read of _start's frame. */
#define STACK_TOP_SLACK 64

/* Copies len (at most ITEM_MAX) bytes of the user stack at sp to where item at starts, plus
 * skip; when they cannot all be read (the stack's top is nearer), the bytes up to the end of
 * sp's page. Returns the bytes copied. */
static __always_inline __u32 copy_stack(struct record *r, long at, __u32 skip, __u32 len,
					__u64 sp)
{
	__u32 rest = STACK_PAGE - (sp & (STACK_PAGE - 1));

	if (len > ITEM_MAX)
		len = ITEM_MAX;
	if (!bpf_probe_read_user(ITEM_AT(r, at, skip), len, (void *)sp))
		return len;
	if (rest >= len)
		return 0;
	rest &= STACK_PAGE - 1;
	if (!rest || bpf_probe_read_user(ITEM_AT(r, at, skip), rest, (void *)sp))
		return 0;
	return rest;
}

/* Appends the registers and up to STACK_ITEMS items of the stack above regs->sp: on the main
 * thread's stack only up to where it began (a few KiB at most in most programs, where a
 * fixed copy would take 12), elsewhere (threads' stacks) as much as fits. */
static __always_inline void read_stack(struct record *r, struct pt_regs *regs,
				       struct task_struct *task)
{
#if defined(__TARGET_ARCH_x86)
	const __u32 first = ITEM_MAX - sizeof(struct stack_head);
	struct stack_head *head;
	struct mm_struct *mm = task->mm;
	__u64 sp = regs->sp, top = mm ? mm->start_stack : 0;
	__u64 want = STACK_ITEMS * ITEM_MAX;
	__u32 len;
	long at = next_item(r);

	if (at < 0)
		return;
	if (top >= sp && top - sp < want - STACK_TOP_SLACK)
		want = top - sp + STACK_TOP_SLACK;
	head = (struct stack_head *)ITEM_AT(r, at, 0);
	head->regs[STACK_IP] = regs->ip;
	head->regs[STACK_SP] = sp;
	head->regs[STACK_BP] = regs->bp;
	head->regs[STACK_BX] = regs->bx;
	head->regs[STACK_R12] = regs->r12;
	head->regs[STACK_R13] = regs->r13;
	head->regs[STACK_R14] = regs->r14;
	head->regs[STACK_R15] = regs->r15;
	head->start_stack = top;
	len = copy_stack(r, at, sizeof(*head), want < first ? want : first, sp);
	add_item(r, ITEM_STACK, 0, sizeof(*head) + len, len < first && len < want, false);
	if (len < first || want <= first)
		return;
	sp += first;
	want -= first;
	for (__u32 k = 1; k < STACK_ITEMS && want; k++) {
		at = next_item(r);
		if (at < 0)
			return;
		len = copy_stack(r, at, 0, want < ITEM_MAX ? want : ITEM_MAX, sp);
		if (!len)
			return;
		add_item(r, ITEM_STACK, k, len, len < ITEM_MAX && len < want, false);
		if (len < ITEM_MAX || want <= ITEM_MAX)
			return;
		sp += ITEM_MAX;
		want -= ITEM_MAX;
	}
#endif
}

#endif /* OBSERVER_STACK_BPF_H */
