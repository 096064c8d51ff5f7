// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The benchmark's own sys_enter programs, from an empty one (the floor: what attaching the
// tracepoint costs) up to the steps observer's hot path takes, one step more per program, so
// that the cost of each step is the difference of two runs. They use observer's own record
// layouts (bpf/syscalls.h) and helpers (bpf/syscalls.bpf.h). The loader attaches the ones it
// is named: a sys_enter program alone, or with a sys_exit one (full records' steps).
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_tracing.h>
#include "syscalls.bpf.h"
#include "syscalls.h"

char LICENSE[] SEC("license") = "Dual MIT/GPL";

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 16 << 20);
} events SEC(".maps");

/* observer's traced map: one bit per pid (bpf/syscalls.h). */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, TRACED_WORDS);
	__type(key, __u32);
	__type(value, __u64);
} traced SEC(".maps");

/* For comparison: the hash map of tgids observer used before the bitmap. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 65536);
	__type(key, __u32);
	__type(value, __u32);
} traced_hash SEC(".maps");

__u64 lost = 0;

SEC("tp_btf/sys_enter")
int BPF_PROG(empty, struct pt_regs *regs, long id)
{
	return 0;
}

/* With empty, the two-program floor: what every syscall pays once both tracepoints have a
 * program, as full records need. */
SEC("tp_btf/sys_exit")
int BPF_PROG(empty_exit, struct pt_regs *regs, long ret)
{
	return 0;
}

/* What a process observer does not trace pays at sys_exit under full records: the current
 * task, and one load from it that tells it has no task storage (observer's start_of). */
SEC("tp_btf/sys_exit")
int BPF_PROG(exit_lookup, struct pt_regs *regs, long ret)
{
	struct start *s = start_of(bpf_get_current_task_btf());

	if (!s)
		return 0;
	return 0;
}

/* For comparison: the task-storage helper at every exit (what start_of saves). */
SEC("tp_btf/sys_exit")
int BPF_PROG(exit_helper, struct pt_regs *regs, long ret)
{
	struct start *s = bpf_task_storage_get(&starts, bpf_get_current_task_btf(), 0, 0);

	if (!s)
		return 0;
	return 0;
}

/* The per-syscall tracepoint of a call the loop does not make: what a selection of openat
 * (-s openat) would cost the other calls, attached there instead of to the raw tracepoint. */
SEC("tp/syscalls/sys_enter_openat")
int tp_openat(void *ctx)
{
	return 0;
}

/* The per-syscall tracepoints of the loop's own call, empty: what a selected call pays there,
 * against the raw two-program floor. */
SEC("tp/syscalls/sys_enter_getppid")
int tp_getppid(void *ctx)
{
	return 0;
}

SEC("tp/syscalls/sys_exit_getppid")
int tp_exit_getppid(void *ctx)
{
	return 0;
}

static __always_inline bool traced_tgid(__u32 tgid)
{
	__u32 word = tgid / 64;
	__u64 *bits = bpf_map_lookup_elem(&traced, &word);

	return bits && (*bits & (1ULL << (tgid % 64)));
}

/* What every syscall of a process observer does not trace pays: the current task (the one
 * helper call), its tgid, and a bit test in an array map the verifier inlines. */
SEC("tp_btf/sys_enter")
int BPF_PROG(filter, struct pt_regs *regs, long id)
{
	struct task_struct *task = bpf_get_current_task_btf();

	if (!traced_tgid(task->tgid))
		return 0;
	return 0;
}

/* For comparison: the pid helper and a hash lookup instead. */
SEC("tp_btf/sys_enter")
int BPF_PROG(filter_hash, struct pt_regs *regs, long id)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;

	if (!bpf_map_lookup_elem(&traced_hash, &tgid))
		return 0;
	return 0;
}

/* A --cgroup bystander: the current task, its tid and its remembered answer (no migration
 * is counted, so the kernel is asked once per thread), as observer's cgroup_selected. The
 * cgroup is level 1 of the root's id, which no task is in. */
SEC("tp_btf/sys_enter")
int BPF_PROG(cgroup_seen_test, struct pt_regs *regs, long id)
{
	if (!cgroup_member(bpf_get_current_task_btf(), 0, 1, 1))
		return 0;
	return 0;
}

/* For comparison: asking the kernel at every call (what the test cost before it was
 * remembered). */
SEC("tp_btf/sys_enter")
int BPF_PROG(cgroup_helper, struct pt_regs *regs, long id)
{
	if (bpf_get_current_ancestor_cgroup_id(1) != 1)
		return 0;
	return 0;
}

/* The steps every record takes: the test hits, then a record of size bytes is reserved. */
static __always_inline void *reserve(struct task_struct *task, __u64 size)
{
	void *r;

	if (!traced_tgid(task->tgid))
		return NULL;
	r = bpf_ringbuf_reserve(&events, size, 0);
	if (!r)
		__sync_fetch_and_add(&lost, 1);
	return r;
}

static __always_inline struct log_event *log_record(struct task_struct *task, long id)
{
	struct log_event *l = reserve(task, sizeof(*l));

	if (!l)
		return NULL;
	l->tgid = task->tgid;
	l->tid = task->pid;
	l->nr = id;
	l->flags = in_compat(task) ? EVENT_COMPAT : 0;
	return l;
}

/* + the log's 32-byte record, ids and number only: the ring buffer's reserve and commit. */
SEC("tp_btf/sys_enter")
int BPF_PROG(log_ring, struct pt_regs *regs, long id)
{
	struct log_event *l = log_record(bpf_get_current_task_btf(), id);

	if (l)
		bpf_ringbuf_submit(l, BPF_RB_NO_WAKEUP);
	return 0;
}

/* + the process name: observer's default log record, complete. */
SEC("tp_btf/sys_enter")
int BPF_PROG(log_comm, struct pt_regs *regs, long id)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct log_event *l = log_record(task, id);

	if (l) {
		read_comm(l->comm, task);
		bpf_ringbuf_submit(l, BPF_RB_NO_WAKEUP);
	}
	return 0;
}

static __always_inline struct event *event_record(long id)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct event *e = reserve(task, sizeof(*e));

	if (!e)
		return NULL;
	e->tgid = task->tgid;
	e->tid = task->pid;
	e->nr = id;
	e->flags = in_compat(task) ? EVENT_COMPAT : 0;
	e->ts_ns = 0;
	e->ret = 0;
	e->duration_ns = 0;
	read_comm(e->comm, task);
	e->cgroup_id = task->cgroups->dfl_cgrp->kn->id;
	return e;
}

/* The same as a 112-byte struct event, with the cgroup (what the record was before the log
 * had its own). */
SEC("tp_btf/sys_enter")
int BPF_PROG(event_comm, struct pt_regs *regs, long id)
{
	struct event *e = event_record(id);

	if (e)
		bpf_ringbuf_submit(e, BPF_RB_NO_WAKEUP);
	return 0;
}

/* + the six arguments: the entry record the Python API's NumPy batches carry. */
SEC("tp_btf/sys_enter")
int BPF_PROG(event_args, struct pt_regs *regs, long id)
{
	struct event *e = event_record(id);

	if (e) {
		read_args(regs, e->args, e->flags & EVENT_COMPAT);
		bpf_ringbuf_submit(e, BPF_RB_NO_WAKEUP);
	}
	return 0;
}

/* One read of the clock full records take twice (bpf_ktime_get_ns), after the test hits. */
__u64 clock_sink;

SEC("tp_btf/sys_enter")
int BPF_PROG(clock, struct pt_regs *regs, long id)
{
	struct task_struct *task = bpf_get_current_task_btf();

	if (traced_tgid(task->tgid))
		clock_sink = bpf_ktime_get_ns();
	return 0;
}

/* A full record's entry: the test hits, and the call's start (time, arguments, ids) goes to
 * task storage, as observer's start_call for a call with nothing to read at entry. Without
 * clock, the same with no time: what the record costs besides its two clock reads. */
static __always_inline int start_record(struct pt_regs *regs, long id, bool clock)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct start *s;

	if (!traced_tgid(task->tgid))
		return 0;
	s = bpf_task_storage_get(&starts, task, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!s)
		return 0;
	s->ts_ns = clock ? bpf_ktime_get_ns() : 0;
	s->nr = id;
	s->flags = 1 | (in_compat(task) ? EVENT_COMPAT : 0);
	read_args(regs, s->args, s->flags & EVENT_COMPAT);
	s->tgid = task->tgid;
	s->tid = task->pid;
	return 0;
}

/* Its exit: the start found and closed, the duration, and the 112-byte record of the call. */
static __always_inline int finish_record(long ret, bool clock)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct start *s = bpf_task_storage_get(&starts, task, 0, 0);
	struct event *e;

	if (!s || !(s->flags & 1))
		return 0;
	s->flags &= ~1;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e) {
		__sync_fetch_and_add(&lost, 1);
		return 0;
	}
	e->ts_ns = s->ts_ns;
	for (int i = 0; i < 6; i++)
		e->args[i] = s->args[i];
	e->ret = ret;
	e->duration_ns = clock ? bpf_ktime_get_ns() - s->ts_ns : 0;
	e->tgid = s->tgid;
	e->tid = s->tid;
	e->nr = s->nr;
	e->flags = EVENT_HAS_RET | EVENT_HAS_TIME | (s->flags & EVENT_COMPAT);
	read_comm(e->comm, task);
	e->cgroup_id = task->cgroups->dfl_cgrp->kn->id;
	bpf_ringbuf_submit(e, BPF_RB_NO_WAKEUP);
	return 0;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(start, struct pt_regs *regs, long id)
{
	return start_record(regs, id, true);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(finish, struct pt_regs *regs, long ret)
{
	return finish_record(ret, true);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(start_unclocked, struct pt_regs *regs, long id)
{
	return start_record(regs, id, false);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(finish_unclocked, struct pt_regs *regs, long ret)
{
	return finish_record(ret, false);
}
