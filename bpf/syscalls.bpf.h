/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The observer developers */
/* BPF-only helpers of syscalls.bpf.c and of the bench's floor program: architecture details,
 * name handling, the remembered --cgroup test (cgroup.bpf.h builds on it) and where a call's
 * start waits for its exit (calls.bpf.h builds on it). */
#ifndef OBSERVER_SYSCALLS_BPF_H
#define OBSERVER_SYSCALLS_BPF_H

#include "syscalls.h"

#if defined(__TARGET_ARCH_x86)
#define NR_EXIT 60
#define NR_EXIT_GROUP 231
#define NR_EXECVE 59
#define NR_EXECVEAT 322
#define NR_RT_SIGRETURN 15
#elif defined(__TARGET_ARCH_arm64)
#define NR_EXIT 93
#define NR_EXIT_GROUP 94
#define NR_EXECVE 221
#define NR_EXECVEAT 281
#endif

#define NR32_EXIT 1
#define NR32_EXIT_GROUP 252
#define NR32_EXECVE 11
#define NR32_EXECVEAT 358
#define TS_COMPAT 0x0002 /* arch/x86/include/asm/thread_info.h */
#define CLONE_PIDFD 0x00001000        /* include/uapi/linux/sched.h */
#define CLONE_PARENT_SETTID 0x00100000

/* A 32-bit syscall of an x86_64 task: in_ia32_syscall(), which int 0x80 sets too. */
static __always_inline bool in_compat(struct task_struct *task)
{
#if defined(__TARGET_ARCH_x86)
	return task->thread_info.status & TS_COMPAT;
#else
	return false;
#endif
}

/* --cgroup: whether each thread (by its kernel tid) is in the cgroup, as the helper found at
 * its first syscall since the last migration: (moves + 1) << 1, plus 1 if it is in (moves:
 * the migrations counted so far). A thread's cgroup changes only at fork (a new tid: the
 * fork clears its entry) and at a migration (which moves the count on, and so makes every
 * entry stale). A bystander's syscall then costs an array lookup, not a helper call. User
 * space sizes it to pid_max, or to one entry without --cgroup; a tid past it asks the helper.
 * The bench's floor object has it too. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, PID_LIMIT);
	__type(key, __u32);
	__type(value, __u32);
} cgroup_seen SEC(".maps");

/* Whether the current task is in the cgroup id at level, or below it: as cgroup_seen
 * remembers it, else from bpf_get_current_ancestor_cgroup_id (tracing programs since v5.8,
 * commit 0f09abd105da), which is remembered. The caller reads moves before the helper runs:
 * a migration that ends after that moves the count on, so what is remembered is already
 * stale. */
static __always_inline bool cgroup_member(struct task_struct *task, __u32 moves, __u32 level,
					  __u64 id)
{
	__u32 tid = task->pid, now = (moves + 1) << 1, *seen;
	bool inside;

	seen = bpf_map_lookup_elem(&cgroup_seen, &tid);
	if (seen && (*seen & ~1u) == now)
		return *seen & 1;
	inside = bpf_get_current_ancestor_cgroup_id(level) == id;
	if (seen)
		*seen = now | inside;
	return inside;
}

/* What a traced thread keeps between sys_enter and sys_exit under full records: only the
 * start of its call, 88 bytes (calls.bpf.h). Its entry data went out as an entry half; its
 * exit half is built in a record. The bench's floor object has it too. */
struct start {
	__u64 ts_ns;
	__u64 args[6];
	__u64 off_cpu_ns;    /* summary mode: time off the CPU since entry (sched_switch) */
	__u64 off_cpu_since; /* when it last left the CPU with the call in flight; 0 = on it */
	__u32 tgid; /* as the tracer sees them: the iterator at detach runs in another task */
	__u32 tid;
	__s32 nr;
	__u32 flags; /* enum start_flag and EVENT_COMPAT */
};

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct start);
} starts SEC(".maps");

/* The current call's start, if the task has one: a task no BPF program ever gave storage to
 * (a process observer does not trace) is told by one load from the task, without the helper
 * call and its locking (task storage since Linux 5.11, commit 4cf1bc1f1045). */
static __always_inline struct start *start_of(struct task_struct *task)
{
	if (bpf_core_field_exists(task->bpf_storage) && !task->bpf_storage)
		return NULL;
	return bpf_task_storage_get(&starts, task, 0, 0);
}

/* exit and exit_group never reach sys_exit. */
static __always_inline bool never_returns(long nr, bool compat)
{
	if (compat)
		return nr == NR32_EXIT || nr == NR32_EXIT_GROUP;
	return nr == NR_EXIT || nr == NR_EXIT_GROUP;
}

/* A successful exec returns in the new image, with the leader's thread id (de_thread). */
static __always_inline bool is_exec(long nr, bool compat)
{
	if (compat)
		return nr == NR32_EXECVE || nr == NR32_EXECVEAT;
	return nr == NR_EXECVE || nr == NR_EXECVEAT;
}

/* regs is a trusted BTF pointer in tp_btf: plain loads, no probe-read helpers. A 32-bit call
 * passes its arguments in ebx, ecx, edx, esi, edi, ebp. */
static __always_inline void read_args(struct pt_regs *regs, __u64 *args, bool compat)
{
#if defined(__TARGET_ARCH_x86)
	if (compat) {
		args[0] = (__u32)regs->bx;
		args[1] = (__u32)regs->cx;
		args[2] = (__u32)regs->dx;
		args[3] = (__u32)regs->si;
		args[4] = (__u32)regs->di;
		args[5] = (__u32)regs->bp;
		return;
	}
	args[0] = regs->di;
	args[1] = regs->si;
	args[2] = regs->dx;
	args[3] = regs->r10;
	args[4] = regs->r8;
	args[5] = regs->r9;
#elif defined(__TARGET_ARCH_arm64)
	args[0] = regs->orig_x0;
	args[1] = regs->regs[1];
	args[2] = regs->regs[2];
	args[3] = regs->regs[3];
	args[4] = regs->regs[4];
	args[5] = regs->regs[5];
#endif
}

/* The arguments of call nr. x86_64's rt_sigreturn takes none: its args[0] is the stack
 * pointer instead, where the signal frame it restores starts (ELEM_SIGFRAME). */
static __always_inline void read_call_args(struct pt_regs *regs, long nr, __u64 *args,
					   bool compat)
{
	read_args(regs, args, compat);
#if defined(__TARGET_ARCH_x86)
	if (!compat && nr == NR_RT_SIGRETURN)
		args[0] = regs->sp;
#endif
}

struct slash_scan {
	const char *path;
	long len;
	__u32 start;
};

static long scan_slash(__u32 i, void *data)
{
	struct slash_scan *scan = data;

	if (i >= scan->len)
		return 1;
	if (scan->path[i & (NAME_LEN - 1)] == '/')
		scan->start = i + 1;
	return 0;
}

/* The syscall number at sys_exit, which passes only the return value. */
static __always_inline long syscall_nr(struct pt_regs *regs)
{
#if defined(__TARGET_ARCH_x86)
	return (long)regs->orig_ax;
#elif defined(__TARGET_ARCH_arm64)
	return regs->syscallno;
#endif
}

/* A task's comm as two 8-byte loads through the trusted task pointer, instead of the
 * bpf_get_current_comm() helper call and its byte-wise copy. The kernel zero-pads comm
 * (__set_task_comm uses strscpy_pad), so the bytes after the name are zeros. */
static __always_inline void read_comm(char *comm, struct task_struct *task)
{
	const __u64 *src = (const __u64 *)task->comm;

	((__u64 *)comm)[0] = src[0];
	((__u64 *)comm)[1] = src[1];
}

/* Fill key (NAME_LEN bytes) with the basename of the kernel string filename, zero padded.
 * path is scratch space of NAME_LEN bytes. Returns false if filename cannot be read.
 * bpf_loop (v5.17, commit e6f2dd0f8067) keeps the verifier from walking every iteration. */
static __always_inline bool basename_key(char *key, char *path, const char *filename)
{
	struct slash_scan scan = { .path = path, .start = 0 };

	/* A path cut at NAME_LEN would give a wrong basename: file_key names it instead. */
	scan.len = bpf_probe_read_kernel_str(path, NAME_LEN, filename);
	if (scan.len <= 0 || scan.len >= NAME_LEN)
		return false;
	bpf_loop(NAME_LEN, scan_slash, &scan, 0);
	__builtin_memset(key, 0, NAME_LEN);
	bpf_probe_read_kernel_str(key, NAME_LEN, path + (scan.start & (NAME_LEN - 1)));
	return true;
}

/* Fill key (NAME_LEN bytes) with the name of the file being executed, from its dentry: right
 * where the path is not (longer than NAME_LEN, or fexecve's "/dev/fd/N"). */
static __always_inline bool file_key(char *key, struct linux_binprm *bprm)
{
	__builtin_memset(key, 0, NAME_LEN);
	return bpf_probe_read_kernel_str(key, NAME_LEN, bprm->file->f_path.dentry->d_name.name) > 0;
}

/* Fill key (NAME_LEN bytes) with the current task's comm, zero padded. */
static __always_inline void comm_key(char *key)
{
	bpf_get_current_comm(key, TASK_COMM_LEN);
	for (__u32 i = TASK_COMM_LEN; i < NAME_LEN; i++)
		key[i] = 0;
}

#endif /* OBSERVER_SYSCALLS_BPF_H */
