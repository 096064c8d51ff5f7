/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The observer developers */
/*
 * -P: only the calls on given paths: a path argument that is one of filter_path, or an fd
 * argument opened on one (path_fds: the fds a selected open or dup returned, and those a
 * fork's child inherits). Used by sys_enter (path_selected), sys_exit (path_exit) and
 * sched_process_fork_paths (inherit_path_fds).
 */
#ifndef OBSERVER_PATH_FILTER_BPF_H
#define OBSERVER_PATH_FILTER_BPF_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "syscalls.bpf.h"
#include "syscalls.h"
#include "filter.bpf.h"

/* -P: only syscalls whose path argument is one of filter_path (as the program wrote it), or
 * whose fd argument was opened on one (path_fds). Needs bpf_strncmp (v5.17, commit
 * c5fb19937455), as -n needs bpf_loop. */
const volatile __u8 filter_paths = 0; /* how many of filter_path are set */
const volatile char filter_path[MAX_PATHS][NAME_LEN] = {};
const volatile __u16 path_roles[MAX_SYSCALLS] = {}; /* enum path_role, and path argument bits */

struct path_fd {
	__u32 tgid;
	__s32 fd;
};

/* -P: fds opened on a path (LRU: a process that ends leaves its entries to age out). */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, MAX_PATH_FDS);
	__type(key, struct path_fd);
	__type(value, __u8);
} path_fds SEC(".maps");

/* -P: the processes that have had an fd in path_fds, so that only their forks look there. */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, MAX_PATH_FDS);
	__type(key, __u32); /* tgid */
	__type(value, __u8);
} path_owners SEC(".maps");

/* -P: threads in a selected call that returns an fd (open, dup), from entry to exit. */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, MAX_PATH_FDS);
	__type(key, __u32); /* tid */
	__type(value, __u8);
} path_opening SEC(".maps");

/* -P: whether the string at ptr is one of filter_path. */
static __always_inline bool path_matches(__u64 ptr)
{
	struct name_scratch *s;
	__u32 zero = 0;
	long n;

	s = bpf_map_lookup_elem(&scratch, &zero);
	if (!s)
		return false;
	n = bpf_probe_read_user_str(s->path, NAME_LEN, (const void *)ptr);
	if (n <= 0 || n >= NAME_LEN) /* unreadable, or longer than any -P path */
		return false;
#pragma unroll
	for (int i = 0; i < MAX_PATHS; i++) {
		if (i >= filter_paths)
			break;
		if (bpf_strncmp(s->path, NAME_LEN, (const char *)filter_path[i]) == 0)
			return true;
	}
	return false;
}

/* -P at syscall entry: a path argument names one of the paths, or argument 0 is an fd opened
 * on one. A selected call that returns an fd is remembered until its exit (path_exit). 32-bit
 * calls are not looked at. */
static __always_inline bool path_selected(struct pt_regs *regs, long id, bool compat,
					  __u64 pid_tgid)
{
	struct path_fd key;
	__u64 args[6];
	bool hit = false;
	__u16 roles;
	__u32 tid;

	if (compat || (unsigned long)id >= MAX_SYSCALLS)
		return false;
	roles = path_roles[id];
	if (!roles)
		return false;
	read_args(regs, args, compat);
	if (roles & PATH_FD_ARG0) {
		key.tgid = pid_tgid >> 32;
		key.fd = (__s32)args[0];
		hit = bpf_map_lookup_elem(&path_fds, &key) != NULL;
		if (hit && (roles & PATH_FD_CLOSE))
			bpf_map_delete_elem(&path_fds, &key);
	}
#pragma unroll
	for (int arg = 0; arg < 6; arg++)
		if (!hit && (roles & (1u << arg)))
			hit = path_matches(args[arg]);
	/* fcntl's F_DUPFD (0) and F_DUPFD_CLOEXEC (1030, include/uapi/linux/fcntl.h) dup. */
	if ((roles & PATH_FD_FCNTL) && (args[1] == 0 || args[1] == 1030))
		roles |= PATH_FD_RESULT;
	if (hit && (roles & PATH_FD_RESULT)) {
		tid = (__u32)pid_tgid;
		__u8 one = 1;
		bpf_map_update_elem(&path_opening, &tid, &one, BPF_ANY);
	}
	return hit;
}

/* -P: whether a call may return an fd on what it names (an open, a dup, fcntl's F_DUPFD).
 * 32-bit calls are not looked at. */
static __always_inline bool returns_path_fd(long nr, bool compat)
{
	return !compat && (unsigned long)nr < MAX_SYSCALLS &&
	       (path_roles[nr] & (PATH_FD_RESULT | PATH_FD_FCNTL));
}

/* -P at syscall exit of a selected call that may return an fd: the fd a selected open or dup
 * returned is on the path too. */
static __always_inline void path_exit(__u64 pid_tgid, long ret)
{
	__u32 tid = (__u32)pid_tgid;
	struct path_fd key;
	__u8 one = 1;

	if (bpf_map_delete_elem(&path_opening, &tid) || ret < 0)
		return;
	key.tgid = pid_tgid >> 32;
	key.fd = (__s32)ret;
	bpf_map_update_elem(&path_fds, &key, &one, BPF_ANY);
	bpf_map_update_elem(&path_owners, &key.tgid, &one, BPF_ANY);
}

/* -P: a child inherits its parent's fds, and with them those opened on a path. The parent's
 * are collected first, on the stack (a hash map is not added to while it is walked), at most
 * INHERITED_FDS of them. */
#define INHERITED_FDS 32
struct bpf_map; /* collect_path_fd's first argument, which it does not read */
struct inherited {
	__u32 parent;
	__u32 count;
	__s32 fds[INHERITED_FDS];
};

static long collect_path_fd(struct bpf_map *map, struct path_fd *key, __u8 *value,
			    struct inherited *found)
{
	__u32 i = found->count;

	if (key->tgid != found->parent)
		return 0;
	if (i >= INHERITED_FDS)
		return 1;
	found->fds[i] = key->fd;
	found->count = i + 1;
	return 0;
}

static __always_inline void inherit_path_fds(__u32 parent, __u32 child)
{
	struct inherited found = {.parent = parent};
	__u8 one = 1;

	if (!bpf_map_lookup_elem(&path_owners, &parent))
		return;
	bpf_for_each_map_elem(&path_fds, collect_path_fd, &found, 0);
	for (__u32 i = 0; i < INHERITED_FDS && i < found.count; i++) {
		struct path_fd key = {.tgid = child, .fd = found.fds[i]};

		bpf_map_update_elem(&path_fds, &key, &one, BPF_ANY);
	}
	if (found.count)
		bpf_map_update_elem(&path_owners, &child, &one, BPF_ANY);
}

#endif /* OBSERVER_PATH_FILTER_BPF_H */
