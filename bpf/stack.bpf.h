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
#include "fd_path.bpf.h"

const volatile __u8 capture_stack = 0; /* -k: the user stack of every call */
/* -k on a kernel with the VMA iterator kfuncs: the process's file mappings as records of
 * their own (EVENT_MAPS), so that user space names the frames of a process gone by the time
 * it writes them. Without it user space reads /proc/PID/maps then. */
const volatile __u8 capture_maps = 0;

extern int bpf_iter_task_vma_new(struct bpf_iter_task_vma *it, struct task_struct *task,
				 __u64 addr) __weak __ksym;
extern struct vm_area_struct *bpf_iter_task_vma_next(struct bpf_iter_task_vma *it) __weak __ksym;
extern void bpf_iter_task_vma_destroy(struct bpf_iter_task_vma *it) __weak __ksym;

#define PROT_EXEC 4
#define VM_EXEC 4
#define MAP_FAILED_MAX 4095 /* a result in [-4095, -1] is an error */

/* The process whose mappings were sent last, by the mm they were taken from: another mm (an
 * exec, or a new process with the tgid of one gone) sends them again, as does 0, which
 * an mmap or mprotect that added executable memory leaves. user space sizes it to 1 entry
 * without capture_maps. */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, MAX_TRACED);
	__type(key, __u32);   /* tgid */
	__type(value, __u64); /* the mm */
} maps_sent SEC(".maps");

/* The file whose mappings are being written (map_vma), kept out of the iterating loop so
 * that the verifier sees the same state at each of its steps. */
struct maps_run {
	__u64 inode;  /* the file of the ranges item being written; 0: none */
	__u64 ts_ns;  /* the snapshot's event */
	__u64 pid_tgid;
	__u64 start_stack;
	__s64 at;     /* where the ranges item starts in the record */
	__u32 ranges; /* mappings in it so far */
	__u32 exec;   /* one of them is executable */
	__u32 count;  /* the record's items before the file's path item */
	__u32 used;   /* and their bytes: a file with no executable mapping is taken back */
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct maps_run);
} maps_runs SEC(".maps");

static __always_inline void begin_maps(struct record *r, const struct maps_run *m, __u64 first)
{
	struct task_struct *task = bpf_get_current_task_btf();

	r->e.ts_ns = m->ts_ns;
	r->e.args[MAPS_ARG_FIRST] = first;
	r->e.args[MAPS_ARG_START_STACK] = m->start_stack;
	r->e.args[2] = r->e.args[3] = r->e.args[4] = r->e.args[5] = 0;
	r->e.ret = 0;
	r->e.duration_ns = 0;
	r->e.tgid = m->pid_tgid >> 32;
	r->e.tid = (__u32)m->pid_tgid;
	r->e.nr = 0;
	r->e.flags = EVENT_MAPS | EVENT_HAS_TIME;
	read_task(&r->e, task);
	begin_items(r);
}

/* Ends the file being written: its ranges item, or, none of them executable, nothing of it. */
static __always_inline void end_map_file(struct record *r, struct maps_run *m)
{
	if (!m->inode)
		return;
	m->inode = 0;
	if (m->exec && m->at >= 0) {
		add_item(r, ITEM_MAP_RANGES, 0,
			 sizeof(struct map_file) + (m->ranges & (MAP_RANGES_MAX * 2 - 1)) *
							   sizeof(struct map_range),
			 false, false);
		return;
	}
	r->t.count = m->count;
	r->used = m->used;
}

/* One step of send_maps: the mapping [start, end) of file at offset (0: the walk is over).
 * A global function, verified once, called from the iterating loop. */
__noinline int map_vma(__u64 start, __u64 end, __u64 offset, __u64 flags, __u64 file)
{
	struct record *r = record_buffer();
	__u32 zero = 0;
	struct maps_run *m = bpf_map_lookup_elem(&maps_runs, &zero);
	struct map_range *range;
	struct map_file *head;
	struct inode *inode;

	if (!r || !m)
		return 0;
	inode = file ? BPF_CORE_READ((struct file *)file, f_inode) : NULL;
	if (!file || (__u64)inode != m->inode || m->ranges >= MAP_RANGES_MAX) {
		end_map_file(r, m);
		if (!file)
			return 0;
		/* A file takes two items and up to ITEM_MAX bytes of names: a full record goes
		 * out first, and the snapshot goes on in the next. */
		if (r->t.count + 2 > MAX_ITEMS || r->used + 2 * ITEM_MAX > ITEMS_START_MAX) {
			send(r);
			begin_maps(r, m, 0);
		}
		m->count = r->t.count;
		m->used = r->used;
		fd_item((__u32)ITEM_MAP_PATH << 8, -1, file);
		m->at = next_item(r);
		if (r->t.count != m->count + 1 || m->at < 0) {
			r->t.count = m->count;
			r->used = m->used;
			return 0;
		}
		/* Written in place: the stack of the calls that lead here is near its bound. */
		head = (struct map_file *)ITEM_AT(r, m->at, 0);
		head->ino = BPF_CORE_READ(inode, i_ino);
		head->dev = BPF_CORE_READ(inode, i_sb, s_dev);
		head->__pad = 0;
		m->inode = (__u64)inode;
		m->ranges = 0;
		m->exec = 0;
	}
	if (m->at < 0)
		return 0;
	range = (struct map_range *)ITEM_AT(r, m->at, sizeof(struct map_file) +
						       (m->ranges & (MAP_RANGES_MAX - 1)) *
							       sizeof(*range));
	range->start = start;
	range->end = end;
	range->offset = offset;
	m->ranges++;
	if (flags & VM_EXEC)
		m->exec = 1;
	return 0;
}

/* -k: sends the current process's file mappings (EVENT_MAPS records) when it has none sent
 * for its mm, before the record of the call made at ts. Uses the per-CPU record. A global
 * function: its iterator's frame is not added to the caller's, whose calls are near the
 * stack's bound. */
__noinline int send_maps(__u64 pid_tgid, __u64 ts)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct bpf_iter_task_vma it;
	struct vm_area_struct *vma;
	struct mm_struct *mm = task->mm;
	__u32 tgid = task->tgid, zero = 0; /* the kernel's number, as maps_changed has it */
	__u64 *sent = bpf_map_lookup_elem(&maps_sent, &tgid), now = (__u64)mm;
	struct record *r;
	struct maps_run *m;

	if (!mm || (sent && *sent == now))
		return 0;
	r = record_buffer();
	m = bpf_map_lookup_elem(&maps_runs, &zero);
	if (!r || !m)
		return 0;
	m->inode = 0;
	m->ts_ns = ts;
	m->pid_tgid = pid_tgid;
	m->start_stack = mm->start_stack;
	m->at = -1;
	begin_maps(r, m, 1);
	bpf_iter_task_vma_new(&it, task, 0);
	while ((vma = bpf_iter_task_vma_next(&it))) {
		__u64 file = 0;

		/* Copied, as a number: a global function takes no pointer to the kernel's. */
		bpf_probe_read_kernel(&file, sizeof(file), &vma->vm_file);
		if (file)
			map_vma(vma->vm_start, vma->vm_end, (__u64)vma->vm_pgoff << 12, vma->vm_flags,
				file);
	}
	bpf_iter_task_vma_destroy(&it);
	map_vma(0, 0, 0, 0, 0);
	if (send(r))
		bpf_map_update_elem(&maps_sent, &tgid, &now, BPF_ANY);
	return 0;
}

/* -k at any call's exit, selected or not: an mmap or mprotect that made executable memory
 * (a library loaded, code generated) has the mappings sent again at the process's next call
 * with a stack (only a process that has had them sent has an entry to clear). Mappings gone
 * (munmap) or moved (mremap) are left: no frame falls in them until the place is made
 * executable again, by one of these. */
static __always_inline void maps_changed(struct pt_regs *regs, long ret, struct task_struct *task)
{
#if defined(__TARGET_ARCH_x86)
	/* x86_64's numbers (-k unwinds on x86_64 only); a 32-bit call taken for one of them
	 * only sends the mappings again. */
	long nr = regs->orig_ax;
	__u32 tgid;
	__u64 none = 0;

	if (!((nr == 9 /* mmap */ && (unsigned long)ret < -MAP_FAILED_MAX) ||
	      (nr == 10 /* mprotect */ && ret == 0)) ||
	    !(regs->dx & PROT_EXEC))
		return;
	tgid = task->tgid;
	bpf_map_update_elem(&maps_sent, &tgid, &none, BPF_EXIST);
#endif
}

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

/* -k: a call that never returns (exit, exit_group), written whole at its entry as any such
 * call is, with its stack, which strace shows too. A global function (the caller's stack is
 * near its bound): the registers come from the task, as the per-syscall programs read them. */
__noinline int send_last_call(__u64 pid_tgid, __s64 id)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct pt_regs *regs = (struct pt_regs *)bpf_task_pt_regs(task);
	__u64 ts = bpf_ktime_get_ns();
	struct record *r;

	/* Its mappings first, when new: the per-CPU record is free until they are sent. */
	if (capture_maps)
		send_maps(pid_tgid, ts);
	r = record_buffer();
	if (!r)
		return 0;
	r->e.ts_ns = ts;
	read_call_args(regs, id, r->e.args, false);
	r->e.ret = 0;
	r->e.duration_ns = 0;
	r->e.tgid = pid_tgid >> 32;
	r->e.tid = (__u32)pid_tgid;
	r->e.nr = id;
	r->e.flags = EVENT_HAS_TIME;
	read_task(&r->e, task);
	begin_items(r);
	read_stack(r, regs, task);
	send(r);
	return 0;
}

#endif /* OBSERVER_STACK_BPF_H */
