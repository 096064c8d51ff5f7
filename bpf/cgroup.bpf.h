/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The observer developers */
/*
 * --cgroup, --unit, --container: whether a task is in the traced cgroup v2 directory or below
 * it. The map that remembers each thread's answer (cgroup_seen) and the test behind it
 * (cgroup_member) are in syscalls.bpf.h, where the bench's floor program finds them too.
 * Used by sys_enter; by sys_exit, signal_deliver and sched_process_exit through
 * task_selected (filter.bpf.h); cgroup_attach_task counts the moves and sched_process_fork
 * forgets a new thread's answer.
 */
#ifndef OBSERVER_CGROUP_BPF_H
#define OBSERVER_CGROUP_BPF_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "syscalls.bpf.h"

/* --cgroup/--unit/--container: only tasks in the cgroup v2 directory of this id (its inode)
 * or below it, i.e. whose ancestor at filter_cgroup_level is that cgroup. */
const volatile __u64 filter_cgroup_id = 0;
const volatile __u32 filter_cgroup_level = 0;

__u32 cgroup_moves = 0; /* --cgroup: migrations into a cgroup v2 since attach */

/* --cgroup/--unit/--container: whether the current task is in the cgroup or below it
 * (syscalls.bpf.h). Pruned when not asked. */
static __always_inline bool cgroup_selected(struct task_struct *task)
{
	return !filter_cgroup_id || cgroup_member(task, *(volatile __u32 *)&cgroup_moves,
						  filter_cgroup_level, filter_cgroup_id);
}

#endif /* OBSERVER_CGROUP_BPF_H */
