// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// One record per syscall into a BPF ring buffer, filtered in the kernel.
//
// Two recording modes, chosen before load (capture_exit):
//  - entry only (the default log): sys_enter alone writes the record. exit/exit_group and
//    execve appear exactly once because each has exactly one entry. Nothing below the
//    capture_exit test runs for it.
//  - entry + exit (full records): sys_enter keeps only the call's start (88 bytes of task
//    storage: time, arguments, ids) and sys_exit writes the record with the return value,
//    the duration and what the call filled (capture_plan: buffers, structs, the fds it made).
//    What must be read at entry (path strings, buffers the call reads, execve's argv, what
//    fd arguments name) goes out at once as an entry half (EVENT_ENTRY), which user space
//    joins with the exit half: nothing waits per thread. Both halves are put together in a
//    per-CPU record. Each syscall's work is decided in user space (plans, read-only), so a
//    getppid pays for its start and its exit only. Syscalls that never return (exit,
//    exit_group) are written at entry. A successful execve exits in the new image; task
//    storage belongs to the task_struct, which survives exec (even de_thread's pid change),
//    so its record is completed there. A call that never returns is written unfinished: at
//    sys_exit when SIGKILL is pending (killed in the call), at sched_process_exit, and at
//    detach by the task iterator (still running). With -p, a call its thread was already
//    in ends as a resumed record.
//  - summary (count_stats): sys_exit adds to a per-CPU array of per-syscall totals; with
//    emit_records off nothing else is written, so summary mode moves no per-event data.
//    sched_switch, attached in this mode only, adds up the time a thread with a syscall in
//    flight spends off its CPU, so that a call's CPU time is its wall time minus that
//    (strace -c's system time; -w keeps the wall time). With count_latency, each call's wall
//    time also goes into its syscall's log2 histogram (-c --latency).
//
// Records never wake the consumer (BPF_RB_NO_WAKEUP): a wakeup costs microseconds per event,
// and even asking whether one is due (bpf_ringbuf_query) measurably slows every record. The
// consumer drains on a 10 ms timer instead; the 16 MiB default ring holds 50 ms at 3 M
// records/s, and whatever does not fit is counted in lost_events.
//
// Minimum kernel: 5.12, for task storage in tracing programs (commit a10787e6d58c). Also used:
// bounded loops (5.3), tp_btf (5.5), global functions (5.6), the ring buffer and the task
// iterator (5.8), bpf_get_current_task_btf (5.11); -n needs bpf_loop (5.17).
//
// This file holds the programs and the recording mode. Each concern's maps, globals and
// helpers are in a header of its own, each using only those included before it:
//  - record.bpf.h: the ring buffer, what is lost on the way to it, the per-CPU record
//  - cgroup.bpf.h: --cgroup (the map and the test it remembers are in syscalls.bpf.h)
//  - filter.bpf.h: which calls are traced: -s, the traced processes, pid namespace ids, -u, -Z
//  - stats.bpf.h: the -c totals and --latency histograms
//  - capture.bpf.h: strings, buffers and structs, by each syscall's capture plan
//  - fd_path.bpf.h: what an fd names (-y) and where a relative path starts (--absolute)
//  - stack.bpf.h: -k, the user stack of a call
//  - path_filter.bpf.h: -P
//  - calls.bpf.h: a call's start in task storage, its entry and exit halves
//  - unfinished.bpf.h: calls seen at one end only: unfinished and resumed
//  - lifecycle.bpf.h: processes followed through fork (-f), exec (-n) and exit
// syscalls.bpf.h holds architecture details and name handling; syscalls.h what user space
// shares. Every const volatile global is set by user space before load, and the verifier
// prunes the paths it turns off.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_tracing.h>
#include "syscalls.bpf.h"
#include "syscalls.h"
#include "record.bpf.h"
#include "cgroup.bpf.h"
#include "filter.bpf.h"
#include "stats.bpf.h"
#include "capture.bpf.h"
#include "fd_path.bpf.h"
#include "stack.bpf.h"
#include "path_filter.bpf.h"
#include "calls.bpf.h"
#include "unfinished.bpf.h"
#include "lifecycle.bpf.h"

char LICENSE[] SEC("license") = "Dual MIT/GPL";

/* The recording mode. */
const volatile __u8 capture_exit = 0;    /* full records: the call's start kept until its exit */
const volatile __u8 capture_time = 0;    /* entry records carry their time */
const volatile __u8 compact_records = 0; /* entry records as struct log_event (the log) */

/* A syscall's entry, from either kind of tracepoint: the raw one every syscall passes, or the
 * per-syscall one of a selected call. task is the current one, got by the one helper call
 * every syscall of a process pays for: the filters and the record read the task's fields
 * directly. */
static __always_inline int enter_call(struct pt_regs *regs, long id, struct task_struct *task)
{
	struct event *e;
	__u64 pid_tgid;
	bool compat = false;

	/* A cgroup comes first: in a system-wide trace of one, it is all another process pays.
	 * Whether the call is 32-bit is read only when the syscall filter needs it before the
	 * others, else once the others have passed. */
	if (!cgroup_selected(task))
		return 0;
	if (filter_syscalls) {
		compat = in_compat(task);
		if (!syscall_selected(id, compat))
			return 0;
	}
	if (!current_ids(task, &pid_tgid) || !tgid_selected(pid_tgid >> 32) || !uid_selected(task))
		return 0;
	if (!filter_syscalls)
		compat = in_compat(task);
	if (filter_paths && !path_selected(regs, id, compat, pid_tgid))
		return 0;

	if (capture_exit && !never_returns(id, compat)) {
		start_call(regs, id, compat, pid_tgid, task);
		return 0;
	}

	/* Here the syscall never returns (or exit is not captured): never a failure. */
	if (filter_failed)
		return 0;
	if (count_stats)
		add_stats(id, 0, 0, 0, compat, false);
	if (!emit_records)
		return 0;
	if (compact_records) {
		/* The log's line needs no arguments and no time: a 32-byte record. */
		struct log_event *l = bpf_ringbuf_reserve(&events, sizeof(*l), 0);

		if (!l) {
			__sync_fetch_and_add(&lost_events, 1);
			return 0;
		}
		l->tgid = pid_tgid >> 32;
		l->tid = (__u32)pid_tgid;
		l->nr = id;
		l->flags = compat ? EVENT_COMPAT : 0;
		read_comm(l->comm, task);
		bpf_ringbuf_submit(l, BPF_RB_NO_WAKEUP);
		return 0;
	}
	e = reserve(pid_tgid, id, &lost_events, task);
	if (!e)
		return 0;
	e->ts_ns = capture_time ? bpf_ktime_get_ns() : 0;
	read_call_args(regs, id, e->args, compat);
	e->ret = 0;
	e->duration_ns = 0;
	e->flags = (capture_time ? EVENT_HAS_TIME : 0) | (compat ? EVENT_COMPAT : 0);
	bpf_ringbuf_submit(e, BPF_RB_NO_WAKEUP);
	return 0;
}

/* A syscall's exit, from either kind of tracepoint; task is the current one. */
static __always_inline int exit_call(struct pt_regs *regs, long ret, struct task_struct *task)
{
	struct start *s;
	__u64 duration, pid_tgid;
	__u32 started;

	/* Only threads that made a traced call have a start: never the tracer's own, and no
	 * process observer does not trace, which pays for this test alone (with -p, while a
	 * target's thread may still return from a call begun before attach, also for its ids and
	 * a bit test). */
	s = start_of(task);
	if (!s || !(s->flags & START_ACTIVE)) {
		if (resume_calls && emit_records && resume_left && current_ids(task, &pid_tgid) &&
		    is_traced(pid_tgid >> 32))
			resume_call(regs, ret, pid_tgid, task);
		return 0;
	}
	started = s->flags;
	s->flags = started & ~START_ACTIVE;
	/* -P: only a selected call has a start, and the fd an open or dup of it returned is on
	 * the path too. */
	if (filter_paths && returns_path_fd(s->nr, started & EVENT_COMPAT))
		path_exit(((__u64)s->tgid << 32) | s->tid, ret);
	/* -e status=unfinished: of the calls that reach here, only those killed in them. */
	if (filter_unfinished) {
		if (emit_records && !(started & START_LOST) && dies_in_call(task))
			send_unfinished(s, started, task, 0);
		return 0;
	}
	if (!status_selected(ret))
		return 0;
	duration = bpf_ktime_get_ns() - s->ts_ns;
	if (count_stats)
		add_stats(s->nr, ret, duration,
			  duration > s->off_cpu_ns ? duration - s->off_cpu_ns : 0,
			  started & EVENT_COMPAT, true);
	if (!emit_records || (started & START_LOST))
		return 0;
	if (dies_in_call(task)) {
		send_unfinished(s, started, task, 0);
		return 0;
	}
	/* The ids of the call's start, unless an exec changed them (de_thread gives the thread
	 * that execs the leader's id): then the current ones. */
	if (is_exec(s->nr, started & EVENT_COMPAT)) {
		if (!current_ids(task, &pid_tgid))
			return 0;
	} else {
		pid_tgid = ((__u64)s->tgid << 32) | s->tid;
	}
	finish_call(s, started, ret, duration, pid_tgid, task);
	return 0;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(sys_enter, struct pt_regs *regs, long id)
{
	return enter_call(regs, id, bpf_get_current_task_btf());
}

SEC("tp_btf/sys_exit")
int BPF_PROG(sys_exit, struct pt_regs *regs, long ret)
{
	return exit_call(regs, ret, bpf_get_current_task_btf());
}

/* The per-syscall tracepoints, syscalls:sys_enter_<name> and sys_exit_<name>, attached by
 * user space to each selected syscall instead of the raw ones (-s), so that the calls a
 * selection leaves out run no program of ours. Their context is what perf_call_bpf_enter and
 * perf_call_bpf_exit (kernel/trace/trace_syscalls.c) build: the syscall number and its
 * arguments, or its return value. The registers come from bpf_task_pt_regs (Linux 5.15), as
 * the code shared with the raw programs reads them. These tracepoints never
 * fire for 32-bit calls (ARCH_TRACE_IGNORE_COMPAT_SYSCALLS, arch/x86/include/asm/ftrace.h):
 * user space uses them only where no 32-bit call can be selected. */
struct syscall_enter_args {
	__u64 common;
	__u32 nr; /* an int, never negative here: unsigned, so the verifier sees its bound */
	__u32 __pad;
	__u64 args[6];
};

struct syscall_exit_args {
	__u64 common;
	__s32 nr;
	__u32 __pad;
	__s64 ret;
};

SEC("tracepoint")
int syscalls_enter(struct syscall_enter_args *ctx)
{
	struct task_struct *task = bpf_get_current_task_btf();

	return enter_call((struct pt_regs *)bpf_task_pt_regs(task), ctx->nr, task);
}

SEC("tracepoint")
int syscalls_exit(struct syscall_exit_args *ctx)
{
	struct task_struct *task = bpf_get_current_task_btf();

	return exit_call((struct pt_regs *)bpf_task_pt_regs(task), ctx->ret, task);
}

/* Summary mode: the time a thread with a syscall in flight spends off its CPU (blocked or
 * preempted), which is not the call's CPU time. Two task-storage lookups per context switch,
 * of threads that made a traced syscall; others have no storage. The first three arguments
 * are the same on every kernel (5.18 appended prev_state). */
SEC("tp_btf/sched_switch")
int BPF_PROG(sched_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	__u64 now = bpf_ktime_get_ns();
	struct start *s;

	s = start_of(prev);
	if (s && (s->flags & START_ACTIVE))
		s->off_cpu_since = now;
	s = start_of(next);
	if (s && (s->flags & START_ACTIVE) && s->off_cpu_since) {
		s->off_cpu_ns += now - s->off_cpu_since;
		s->off_cpu_since = 0;
	}
	return 0;
}

/* Follow forks (-f): a new process whose parent is traced is traced from its first syscall.
 * The tracepoint runs in the parent before the child is first scheduled. With --cgroup, every
 * new thread's tid is forgotten by cgroup_seen: a reused tid, and a child that clone3 put
 * in another cgroup (CLONE_INTO_CGROUP), are asked about at their first syscall. */
SEC("tp_btf/sched_process_fork")
int BPF_PROG(sched_process_fork, struct task_struct *parent, struct task_struct *child)
{
	__u32 child_tgid = child->tgid, child_tid = child->pid;
	__u8 one = 1;
	__u32 parent_tgid, *seen;
	__u64 ids;

	if (filter_cgroup_id) {
		seen = bpf_map_lookup_elem(&cgroup_seen, &child_tid);
		if (seen)
			*seen = 0;
	}
	/* The parent is the current task: its ids as the tracer sees them. */
	if (!follow_forks || parent->tgid == child->tgid || !current_ids(parent, &ids))
		return 0;
	parent_tgid = ids >> 32;
	if (!is_traced(parent_tgid))
		return 0;
	if (pidns_ino && bpf_map_update_elem(&forked, &child_tgid, &one, BPF_NOEXIST) == 0) {
		__sync_fetch_and_add(&forked_waiting, 1);
		__sync_fetch_and_add(&traced_alive, 1);
	} else if (!pidns_ino && trace_tgid(child_tgid)) {
		__sync_fetch_and_add(&traced_alive, 1);
	} else {
		__sync_fetch_and_add(&untraced_forks, 1);
	}
	return 0;
}

/* -P: the fork's child inherits the fds its parent opened on a path. A program of its own,
 * loaded only with -P: bpf_for_each_map_elem (v5.13, commit 69c087ba6225) would keep a
 * 5.12 kernel from loading the fork program -f needs. In a pid namespace the child's pid is
 * not known here, and inherited fds are not followed. */
SEC("tp_btf/sched_process_fork")
int BPF_PROG(sched_process_fork_paths, struct task_struct *parent, struct task_struct *child)
{
	if (!pidns_ino && parent->tgid != child->tgid)
		inherit_path_fds(parent->tgid, child->tgid);
	return 0;
}

/* --cgroup: a task moved to a cgroup v2 directory (writing cgroup.procs or cgroup.threads)
 * may have entered or left the traced one. The tracepoint runs once the move is done, and for
 * a whole process names only its leader: every thread asks again at its next syscall. Moves
 * in cgroup v1 hierarchies (another root) change nothing. */
SEC("tp_btf/cgroup_attach_task")
int BPF_PROG(cgroup_attach_task, struct cgroup *dst_cgrp, const char *path,
	     struct task_struct *task, bool threadgroup)
{
	struct task_struct *current = bpf_get_current_task_btf();

	if (dst_cgrp->root == current->cgroups->dfl_cgrp->root)
		__sync_fetch_and_add(&cgroup_moves, 1);
	return 0;
}

/* Trace by name: decided once per exec, from the full basename of the executed path, the
 * executed file's name or the new comm. A process stays traced across later execs. */
SEC("tp_btf/sched_process_exec")
int BPF_PROG(sched_process_exec, struct task_struct *task, int old_pid, struct linux_binprm *bprm)
{
	struct name_scratch *s;
	__u32 zero = 0, tgid;
	__u64 ids;

	if (!current_ids(task, &ids)) /* the task is the current one */
		return 0;
	tgid = ids >> 32;
	if (tgid == filter_self_tgid || is_traced(tgid))
		return 0;
	s = bpf_map_lookup_elem(&scratch, &zero);
	if (!s)
		return 0;
	/* The path's basename, else the file's own name (a path past NAME_LEN bytes, fexecve),
	 * else the new comm. */
	if ((!basename_key(s->key, s->path, bprm->filename) ||
	     !bpf_map_lookup_elem(&comms, s->key)) &&
	    (!file_key(s->key, bprm) || !bpf_map_lookup_elem(&comms, s->key))) {
		comm_key(s->key);
		if (!bpf_map_lookup_elem(&comms, s->key))
			return 0;
	}
	if (trace_tgid(tgid))
		__sync_fetch_and_add(&traced_alive, 1);
	else
		__sync_fetch_and_add(&untraced_execs, 1);
	return 0;
}

/* A signal delivered to a traced thread (strace's "--- SIGCHLD {...} ---"): runs in the
 * receiving thread when it takes the signal. The args carry the kernel_siginfo's 48 bytes. */
/* The siginfo of signal sig queued in pending (a task's or its process's), as the 48 raw
 * bytes the ABI lays out, into out; false if it is not among the first entries. */
static __always_inline bool queued_siginfo(struct sigpending *pending, int sig, __u64 *out)
{
	struct list_head *head = &pending->list, *pos = NULL;

	if (bpf_core_read(&pos, sizeof(pos), &pending->list.next))
		return false;
	for (int i = 0; i < 8 && pos && pos != head; i++) {
		struct sigqueue *q = (struct sigqueue *)pos; /* list is its first member */

		if (bpf_core_read(out, 48, &q->info))
			return false;
		if ((int)out[0] == sig)
			return true;
		if (bpf_core_read(&pos, sizeof(pos), &pos->next))
			return false;
	}
	return false;
}

SEC("tp_btf/signal_deliver")
int BPF_PROG(signal_deliver, int sig, struct kernel_siginfo *info, struct k_sigaction *ka)
{
	struct task_struct *task = bpf_get_current_task_btf();
	int fatal = 0;
	struct event *e;
	__u64 pid_tgid;

	if (!emit_exits || !emit_records || !current_ids(task, &pid_tgid) ||
	    !tgid_selected(pid_tgid >> 32) || !task_selected(task))
		return 0;
	/* SIGKILL is never taken by a handler: the process's end says it ("+++ killed by"). But
	 * where it is how a fatal signal ends the process, the thread that takes that signal
	 * shows it, as under strace, with the siginfo still queued. */
	if (sig == 9 && !(fatal = fatal_signal_taken(task)))
		return 0;
	e = reserve(pid_tgid, fatal ? fatal : sig, &lost_notices, task);
	if (!e)
		return 0;
	e->ts_ns = bpf_ktime_get_ns();
	if (fatal) {
		if (!queued_siginfo(&task->pending, fatal, e->args) &&
		    !queued_siginfo(&task->signal->shared_pending, fatal, e->args))
			__builtin_memset(e->args, 0, sizeof(e->args));
	} else if (!info || bpf_probe_read_kernel(e->args, sizeof(e->args), info)) {
		__builtin_memset(e->args, 0, sizeof(e->args));
	}
	e->ret = 0;
	e->duration_ns = 0;
	e->flags = EVENT_SIGNAL | EVENT_HAS_TIME;
	/* SIGSTOP, SIGTSTP, SIGTTIN and SIGTTOU without a handler stop the process. */
	if (!fatal && sig >= 19 && sig <= 22 && ka && !ka->sa.sa_handler)
		e->flags |= EVENT_STOPPED;
	bpf_ringbuf_submit(e, BPF_RB_NO_WAKEUP);
	return 0;
}

/* Forget a process when its last thread exits, so a reused pid starts untraced; and say that
 * it ended, if asked to. */
SEC("tp_btf/sched_process_exit")
int BPF_PROG(sched_process_exit, struct task_struct *task)
{
	__u32 host = task->tgid, tgid;
	__u64 ids;

	/* -p: a target's thread that dies in the call it was in at attach never returns from it;
	 * it leaves resuming now, so that resume_left can reach 0. */
	if (resume_calls && *(volatile __s64 *)&resume_left && current_ids(task, &ids)) {
		__u32 tid = (__u32)ids;

		if (bpf_map_delete_elem(&resuming, &tid) == 0)
			__sync_fetch_and_add(&resume_left, -1);
	}
	/* Every exiting thread: a call it is still in never returns (do_exit from inside it).
	 * A call killed by a signal has returned to sys_exit first and is written there. */
	if (capture_exit && emit_records) {
		struct start *s = start_of(task);

		if (s && (s->flags & START_ACTIVE)) {
			__u32 started = s->flags;

			s->flags = started & ~START_ACTIVE;
			if (!(started & START_LOST))
				send_unfinished(s, started, task, 0);
		}
	}

	/* do_exit() decrements signal->live (group_dead = atomic_dec_and_test()) before this
	 * tracepoint on every kernel since 2.6, so it reads 0 once every thread is exiting: when
	 * the leader exits first its threads keep the process alive, and exit_group from any
	 * thread ends it when the last one gets here. Two threads exiting together may both read
	 * 0; the second finds the bit clear, so traced_alive drops once. Since 6.16 the tracepoint also
	 * passes group_dead, but older kernels' prototype has only the task, so reading live
	 * works on both with one program. */
	if (task->signal->live.counter != 0 || !current_ids(task, &ids)) /* task is current */
		return 0;
	tgid = ids >> 32;
	if (emit_exits && emit_records)
		emit_exit(task, ids);
	if (filter_tgids && untrace_tgid(tgid)) {
		__sync_fetch_and_add(&traced_alive, -1);
	} else if (filter_tgids && pidns_ino && bpf_map_delete_elem(&forked, &host) == 0) {
		/* a child in a pid namespace that died before its first syscall */
		__sync_fetch_and_add(&forked_waiting, -1);
		__sync_fetch_and_add(&traced_alive, -1);
	}
	return 0;
}

/* At detach, over every task: the calls still running are written unfinished, as strace
 * writes "<detached ...>" (iter/task since Linux 5.8, commit eaaacd23910f; task storage in
 * tracing programs since 5.12, commit a10787e6d58c). Run by user space once the other
 * programs are detached, so no exit can race with it. */
SEC("iter/task")
int iter_task(struct bpf_iter__task *ctx)
{
	struct task_struct *task = ctx->task;
	struct start *s;
	__u32 started;

	if (!task)
		return 0;
	s = start_of(task);
	if (!s || !(s->flags & START_ACTIVE))
		return 0;
	started = s->flags;
	s->flags = started & ~START_ACTIVE;
	if (!(started & START_LOST))
		send_unfinished(s, started, task, EVENT_DETACHED);
	return 0;
}
