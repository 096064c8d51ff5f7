/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The observer developers */
/*
 * Which calls are traced: the syscalls (-s), the processes (the traced bitmap, which user
 * space, -f and -n fill; in a pid namespace, forked until a child's first syscall), the ids
 * as the tracer's pid namespace sees them, the uid (-u), the result (-Z, -e status=), and
 * task_selected, which joins -u to --cgroup (cgroup.bpf.h). The per-CPU room for a name being
 * matched is here too, for -n and -P. Used by sys_enter, sys_exit, sched_process_fork,
 * sched_process_exec, signal_deliver and sched_process_exit.
 */
#ifndef OBSERVER_FILTER_BPF_H
#define OBSERVER_FILTER_BPF_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include "syscalls.bpf.h"
#include "syscalls.h"
#include "cgroup.bpf.h"

const volatile __u32 filter_self_tgid = 0; /* the tracer's own process, never traced */
const volatile __u8 filter_tgids = 0;      /* only the processes set in traced */
const volatile __u8 filter_syscalls = 0;   /* -s: only the calls set in the bits below */
const volatile __u64 filter_syscall_bits[SYSCALL_WORDS] = {};
const volatile __u64 filter_syscall_bits_compat[SYSCALL_WORDS] = {}; /* i386 numbers */
const volatile __u8 filter_failed = 0;     /* only syscalls that returned an error (-Z) */
const volatile __u8 filter_successful = 0; /* only the others (-e status=successful) */
const volatile __u8 filter_unfinished = 0; /* only calls that never return (-e status=unfinished) */

/* The tracer's pid namespace when it is not the initial one (dev and inode of
 * /proc/self/ns/pid): pids are then taken, filtered and recorded as that namespace sees them,
 * the numbers user space knows. 0: the initial namespace, where nothing is translated. */
const volatile __u64 pidns_dev = 0;
const volatile __u64 pidns_ino = 0;

/* -u/--uid: only tasks whose real or effective uid is filter_uid_value. */
const volatile __u8 filter_uid = 0;
const volatile __u32 filter_uid_value = 0;

/* The traced processes: bit tgid % 64 of word tgid / 64, for every pid the kernel can hand
 * out (512 KiB). The test each syscall of every process makes is then an array lookup the
 * verifier inlines and a bit test, not a hash lookup (about 30 ns less per call on the
 * benchmark's VM, bench/floor). Changed with atomic or/and (Linux 5.12, commit 981f94c3e921),
 * by user space too, through the mmap'ed words. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(map_flags, BPF_F_MMAPABLE);
	__uint(max_entries, TRACED_WORDS);
	__type(key, __u32);
	__type(value, __u64);
} traced SEC(".maps");

/* In a pid namespace: children of traced processes, by their initial-namespace tgid, until
 * their first syscall tells their pid in the namespace (sched_process_fork runs in the
 * parent, and the helper that translates pids knows only the current task's). forked_waiting
 * counts them, so that while none waits no syscall looks there. */
__s64 forked_waiting = 0;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_TRACED);
	__type(key, __u32);  /* tgid in the initial namespace */
	__type(value, __u8); /* 1 */
} forked SEC(".maps");

/* Room for a name being matched, one per CPU: the executed path and the key looked up in comms
 * (-n, sched_process_exec), or a path argument compared with filter_path (-P). */
struct name_scratch {
	char path[NAME_LEN];
	char key[NAME_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct name_scratch);
} scratch SEC(".maps");

/* -s: the same names select 64-bit calls by their numbers and 32-bit ones by theirs. */
static __always_inline bool syscall_selected(long nr, bool compat)
{
	if (!filter_syscalls)
		return true;
	if ((unsigned long)nr >= MAX_SYSCALLS)
		return false;
	if (compat)
		return filter_syscall_bits_compat[(unsigned long)nr / 64] &
		       (1ULL << ((unsigned long)nr % 64));
	return filter_syscall_bits[(unsigned long)nr / 64] & (1ULL << ((unsigned long)nr % 64));
}

/* The current task's pid and tgid (bpf_get_current_pid_tgid's layout) as the tracer sees
 * them: in its pid namespace through bpf_get_ns_current_pid_tgid (v5.7, commit
 * b4490c5c4e02); false for a task outside that namespace, which the tracer cannot name. In
 * the initial namespace the test is pruned at load time and the ids are two loads from task
 * (the current one), which the caller has already: no helper call. */
static __always_inline bool current_ids(struct task_struct *task, __u64 *pid_tgid)
{
	struct bpf_pidns_info ns;

	if (!pidns_ino) {
		*pid_tgid = ((__u64)(__u32)task->tgid << 32) | (__u32)task->pid;
		return true;
	}
	if (bpf_get_ns_current_pid_tgid(pidns_dev, pidns_ino, &ns, sizeof(ns)))
		return false;
	*pid_tgid = ((__u64)ns.tgid << 32) | ns.pid;
	return true;
}

static __always_inline bool is_traced(__u32 tgid)
{
	__u32 key = tgid / 64;
	__u64 *word = bpf_map_lookup_elem(&traced, &key);

	return word && (*word & (1ULL << (tgid % 64)));
}

/* Marks tgid traced; false if it already was, or is past every pid. */
static __always_inline bool trace_tgid(__u32 tgid)
{
	__u32 key = tgid / 64;
	__u64 bit = 1ULL << (tgid % 64), *word = bpf_map_lookup_elem(&traced, &key);

	return word && !(__sync_fetch_and_or(word, bit) & bit);
}

/* Marks tgid untraced; false if it was not traced. */
static __always_inline bool untrace_tgid(__u32 tgid)
{
	__u32 key = tgid / 64;
	__u64 bit = 1ULL << (tgid % 64), *word = bpf_map_lookup_elem(&traced, &key);

	return word && (__sync_fetch_and_and(word, ~bit) & bit);
}

/* In a pid namespace, a child forked by a traced process is traced from its first syscall:
 * then it is moved from forked (initial-namespace tgid) to traced (the namespace's). */
static __always_inline bool adopt_forked(__u32 tgid)
{
	__u32 host;

	if (!*(volatile __s64 *)&forked_waiting)
		return false;
	host = bpf_get_current_pid_tgid() >> 32;
	if (!bpf_map_lookup_elem(&forked, &host))
		return false;
	trace_tgid(tgid);
	if (bpf_map_delete_elem(&forked, &host) == 0)
		__sync_fetch_and_add(&forked_waiting, -1);
	return true;
}

static __always_inline bool tgid_selected(__u32 tgid)
{
	if (tgid == filter_self_tgid)
		return false;
	if (!filter_tgids || is_traced(tgid))
		return true;
	return pidns_ino && adopt_forked(tgid);
}

/* -u/--uid: whether the task's real or effective uid is the one asked for. Pruned when not
 * asked. */
static __always_inline bool uid_selected(struct task_struct *task)
{
	return !filter_uid || (__u32)bpf_get_current_uid_gid() == filter_uid_value ||
	       BPF_CORE_READ(task, cred, euid.val) == filter_uid_value;
}

/* The task-level filters that are not about which process: its cgroup and its uid. */
static __always_inline bool task_selected(struct task_struct *task)
{
	return cgroup_selected(task) && uid_selected(task);
}

/* Whether a call's result passes -Z / -e status=successful. */
static __always_inline bool status_selected(long ret)
{
	if (filter_failed && ret >= 0)
		return false;
	if (filter_successful && ret < 0 && ret >= -4095)
		return false;
	return true;
}

#endif /* OBSERVER_FILTER_BPF_H */
