/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The observer developers */
/*
 * Calls the trace sees only one end of. Unfinished: a call whose exit does not come is
 * written from its start (calls.bpf.h), by sys_exit when SIGKILL is pending, by
 * sched_process_exit for a thread that dies in it, and by iter_task at detach for one still
 * running. Resumed (-p): the exit of a call a target's thread was in at attach, written by
 * sys_exit from the registers. Used by sys_exit, sched_process_exit and iter_task.
 */
#ifndef OBSERVER_UNFINISHED_BPF_H
#define OBSERVER_UNFINISHED_BPF_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "syscalls.bpf.h"
#include "syscalls.h"
#include "record.bpf.h"
#include "filter.bpf.h"
#include "capture.bpf.h"
#include "fd_path.bpf.h"
#include "calls.bpf.h"

/* SIGKILL is pending: the thread dies on its way out of the call (kill -9, a sibling's
 * exit_group or exec). ptrace reports no exit for such a call and strace shows it
 * unfinished; so does observer. */
static __always_inline bool killed(struct task_struct *task)
{
	return task->pending.signal.sig[0] & (1UL << (9 - 1));
}

/* A fatal signal the kernel ends the process with at once: when the process is not ptraced,
 * complete_signal() makes group_exit_code the signal and sends every thread SIGKILL, and the
 * signal itself stays queued. Under ptrace (strace) it is delivered instead: the thread that
 * takes it returns from its call, shows the signal, then the process is killed by it. The
 * thread that takes it here: the one it was sent to (tgkill), or for one sent to the process
 * (kill) its leader. Returns the signal, or 0 (SIGKILL itself, an exit_group or exec, whose
 * group_exit_code is a status << 8 or 0, and a signal that dumps core, which is dequeued). */
static __always_inline int fatal_signal_taken(struct task_struct *task)
{
	struct signal_struct *signal = task->signal;
	int sig = signal->group_exit_code;
	unsigned long bit;

	if (sig <= 0 || sig > 64 || sig == 9)
		return 0;
	bit = 1UL << (sig - 1);
	if (task->pending.signal.sig[0] & bit)
		return sig;
	if ((signal->shared_pending.signal.sig[0] & bit) && task->group_leader == task)
		return sig;
	return 0;
}

/* The thread dies in its call: SIGKILL is pending, and not as the way a fatal signal it
 * takes ends the process (fatal_signal_taken). */
static __always_inline bool dies_in_call(struct task_struct *task)
{
	return killed(task) && !fatal_signal_taken(task);
}

/* A call that never returned, from its start: flags says why (EVENT_DETACHED or 0). */
static __always_inline void send_unfinished(const struct start *s, __u32 started,
					    struct task_struct *task, __u32 why)
{
	struct event *e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);

	if (!e) {
		__sync_fetch_and_add(&lost_events, 1);
		return;
	}
	e->ts_ns = s->ts_ns;
	for (int i = 0; i < 6; i++)
		e->args[i] = s->args[i];
	e->ret = 0;
	e->duration_ns = 0;
	e->tgid = s->tgid;
	e->tid = s->tid;
	e->nr = s->nr;
	read_task(e, task);
	e->flags = EVENT_UNFINISHED | EVENT_HAS_TIME | why | (started & EVENT_COMPAT) |
		   (started & START_ENTRY_SENT ? EVENT_JOIN : 0);
	bpf_ringbuf_submit(e, BPF_RB_NO_WAKEUP);
}

/* -p: the exit of a call a target's thread was in when tracing began, written as resumed:
 * its arguments are still in the registers, its start and entry data are unknown. */
static __always_inline void resume_call(struct pt_regs *regs, long ret, __u64 pid_tgid,
					struct task_struct *task)
{
	__u32 tid = (__u32)pid_tgid;
	struct record *r;
	bool compat;
	long nr;

	if (!resume_left || bpf_map_delete_elem(&resuming, &tid))
		return;
	__sync_fetch_and_add(&resume_left, -1);
	compat = in_compat(task);
	nr = syscall_nr(regs);
	if (!syscall_selected(nr, compat) || !task_selected(task) || !status_selected(ret) ||
	    dies_in_call(task))
		return;
	r = record_buffer();
	if (!r)
		return;
	r->e.ts_ns = bpf_ktime_get_ns();
	read_call_args(regs, nr, r->e.args, compat);
	r->e.ret = ret;
	r->e.duration_ns = 0;
	r->e.tgid = pid_tgid >> 32;
	r->e.tid = tid;
	r->e.nr = nr;
	read_task(&r->e, task);
	r->e.flags = EVENT_HAS_RET | EVENT_HAS_TIME | EVENT_RESUMED | (compat ? EVENT_COMPAT : 0);
	begin_items(r);
	if (capture_blobs)
		read_blobs(nr, compat, CAPTURE_EXIT, ret);
	if (decode_fds && ret >= 0 && (unsigned long)nr < MAX_SYSCALLS)
		read_fd_results(r, plan_of(nr, compat), ret);
	send(r);
}

#endif /* OBSERVER_UNFINISHED_BPF_H */
