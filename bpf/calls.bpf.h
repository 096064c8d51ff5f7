/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The observer developers */
/*
 * A call in full records, from sys_enter to sys_exit: its start kept in task storage
 * (starts, in syscalls.bpf.h), the entry half sent at once with what must be read at entry, and the exit half
 * written with the return value and what the call filled. With -p, the threads that were
 * in a call at attach (resuming) leave that set by starting a call. Used by sys_enter
 * (start_call), sys_exit (finish_call), sched_switch (the time off the CPU, kept in the
 * start), and through unfinished.bpf.h by sched_process_exit and iter_task.
 */
#ifndef OBSERVER_CALLS_BPF_H
#define OBSERVER_CALLS_BPF_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "syscalls.bpf.h"
#include "syscalls.h"
#include "record.bpf.h"
#include "capture.bpf.h"
#include "fd_path.bpf.h"
#include "stack.bpf.h"

const volatile __u8 resume_calls = 0; /* -p: a call running at attach ends resumed */

__s64 resume_left = 0; /* threads in resuming: user space sets it before attaching */

enum start_flag {
	START_ACTIVE = 1 << 16,     /* in a call */
	START_ENTRY_SENT = 1 << 17, /* its entry half is in the ring */
	START_UNREAD = 1 << 18,     /* a string could not be read at entry: read it at exit */
	START_LOST = 1 << 19,       /* its entry half was lost, and counted: write nothing */
	START_SEEN = 1 << 20,       /* the thread made a call since attach (resuming) */
};

/* -p: the threads of the targets when tracing began, until each makes a call or returns
 * from the one it was in (that exit is written as resumed). Those left at detach are still
 * in it: user space writes them as detached. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, MAX_TRACED);
	__type(key, __u32);   /* tid */
	__type(value, __u32); /* its tgid */
} resuming SEC(".maps");

/* The event of a call from its start: identity and comm as they are now. */
static __always_inline void event_of(struct event *e, const struct start *s, __u64 pid_tgid,
				     struct task_struct *task)
{
	e->ts_ns = s->ts_ns;
	for (int i = 0; i < 6; i++)
		e->args[i] = s->args[i];
	e->ret = 0;
	e->duration_ns = 0;
	e->tgid = pid_tgid >> 32;
	e->tid = (__u32)pid_tgid;
	e->nr = s->nr;
	read_task(e, task);
}

/* The entry half of a call with data to read at entry: sent now, joined in user space with
 * the exit half. Marks s with what became of it. */
static __always_inline void send_entry(struct pt_regs *regs, struct start *s, __u64 pid_tgid,
				       long nr, bool compat, struct task_struct *task)
{
	const volatile struct call_plan *plan = plan_of(nr, compat);
	struct record *r = record_buffer();

	if (!r)
		return;
	event_of(&r->e, s, pid_tgid, task);
	r->e.flags = EVENT_ENTRY | EVENT_HAS_TIME | (compat ? EVENT_COMPAT : 0);
	begin_items(r);
	read_strings(plan);
	if (absolute_paths)
		read_bases(r, plan);
	if (capture_blobs) {
		if (plan->work & WORK_EXEC)
			read_exec_args(r, plan->argv);
		else
			read_blobs(nr, compat, CAPTURE_ENTRY, 0);
	}
	if (decode_fds)
		read_fd_args(r, plan);
	if (capture_stack && !compat)
		read_stack(r, regs, task);
	if (r->unread)
		s->flags |= START_UNREAD;
	if (!r->t.count)
		return;
	s->flags |= send(r) ? START_ENTRY_SENT : START_LOST;
}

/* sys_enter of a full record: keep the start, and send the entry half if there is one. */
static __always_inline void start_call(struct pt_regs *regs, long id, bool compat, __u64 pid_tgid,
				       struct task_struct *task)
{
	struct start *s = bpf_task_storage_get(&starts, task, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
	__u32 seen, tid = (__u32)pid_tgid;

	if (!s) {
		__sync_fetch_and_add(&lost_storage, 1);
		return;
	}
	seen = s->flags & START_SEEN;
	s->ts_ns = bpf_ktime_get_ns();
	s->off_cpu_ns = 0;
	s->off_cpu_since = 0;
	s->nr = id;
	s->flags = START_ACTIVE | START_SEEN | (compat ? EVENT_COMPAT : 0);
	/* A thread of a -p target that makes a call was not in one at attach. */
	if (resume_calls && !seen && resume_left && bpf_map_delete_elem(&resuming, &tid) == 0)
		__sync_fetch_and_add(&resume_left, -1);
	if (!emit_records)
		return;
	read_call_args(regs, id, s->args, compat);
	s->tgid = pid_tgid >> 32;
	s->tid = tid;
	/* -k: every call has an entry half, its stack. */
	if ((unsigned long)id < MAX_SYSCALLS &&
	    (capture_stack || (plan_of(id, compat)->work & WORK_ENTRY)))
		send_entry(regs, s, pid_tgid, id, compat, task);
}

/* The exit half of a call: the return value and what the call filled. */
static __always_inline void finish_call(const struct start *s, __u32 started, long ret,
					__u64 duration, __u64 pid_tgid, struct task_struct *task)
{
	bool compat = started & EVENT_COMPAT;
	const volatile struct call_plan *plan = plan_of(s->nr, compat);
	bool reread = (started & START_UNREAD) && !(plan->work & WORK_EXEC);
	__u32 flags = EVENT_HAS_RET | EVENT_HAS_TIME | (started & EVENT_COMPAT) |
		      (started & START_ENTRY_SENT ? EVENT_JOIN : 0);
	struct record *r;
	struct event *e;

	if (!(plan->work & WORK_EXIT) && !reread) {
		e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
		if (!e) {
			__sync_fetch_and_add(&lost_events, 1);
			return;
		}
		event_of(e, s, pid_tgid, task);
		e->ret = ret;
		e->duration_ns = duration;
		e->flags = flags;
		bpf_ringbuf_submit(e, BPF_RB_NO_WAKEUP);
		return;
	}
	r = record_buffer();
	if (!r)
		return;
	event_of(&r->e, s, pid_tgid, task);
	r->e.ret = ret;
	r->e.duration_ns = duration;
	r->e.flags = flags;
	begin_items(r);
	/* A string or buffer in a page the program had not touched yet cannot be read without
	 * sleeping; the syscall itself has faulted it in by now, so read it again (same
	 * pointer, and what the call reads it does not change). */
	if (reread) {
		read_strings(plan);
		if (capture_blobs)
			read_blobs(s->nr, compat, CAPTURE_ENTRY, 0);
	}
	if (capture_blobs)
		read_blobs(s->nr, compat, CAPTURE_EXIT, ret);
	if (decode_fds && ret >= 0)
		read_fd_results(r, plan, ret);
	send(r);
}

#endif /* OBSERVER_CALLS_BPF_H */
