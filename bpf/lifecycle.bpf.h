/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The observer developers */
/*
 * Which processes are traced as they come and go: -f (a traced parent's child, at
 * sched_process_fork), -n (a program by name, at sched_process_exec), and a process's end
 * (sched_process_exit clears its bit), with the records that say so: its exit and the
 * signals it takes. traced_alive tells user space when the last traced process is gone.
 * Used by sched_process_fork, sched_process_exec, signal_deliver and sched_process_exit.
 */
#ifndef OBSERVER_LIFECYCLE_BPF_H
#define OBSERVER_LIFECYCLE_BPF_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "syscalls.h"
#include "record.bpf.h"
#include "filter.bpf.h"

const volatile __u8 follow_forks = 0; /* -f: children of traced processes are traced */
const volatile __u8 emit_exits = 0;   /* a record when a traced process ends or takes a signal */

/* Read by user space through the mmap'ed .bss. */
__u64 untraced_forks = 0; /* children not followed because the traced map was full */
__u64 untraced_execs = 0; /* -n: programs not traced because the traced map was full */
__s64 traced_alive = 0;   /* processes in the traced map, counting user-space inserts */

/* -n: the program names to trace. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_NAMES);
	__type(key, char[NAME_LEN]); /* program name, zero padded */
	__type(value, __u8);
} comms SEC(".maps");

/* When a traced process ends (its last thread exits): strace's "+++ exited with 0 +++". */
static __always_inline void emit_exit(struct task_struct *task, __u64 pid_tgid)
{
	struct event *e;

	if (!tgid_selected(pid_tgid >> 32) || !task_selected(task))
		return;
	e = reserve(pid_tgid, -1, &lost_notices, task);
	if (!e)
		return;
	e->ts_ns = bpf_ktime_get_ns();
	__builtin_memset(e->args, 0, sizeof(e->args));
	e->ret = task->exit_code; /* the wait status: exit code << 8, or the signal */
	e->duration_ns = 0;
	e->flags = EVENT_PROCESS_EXIT | EVENT_HAS_TIME;
	bpf_ringbuf_submit(e, BPF_RB_NO_WAKEUP);
}

#endif /* OBSERVER_LIFECYCLE_BPF_H */
