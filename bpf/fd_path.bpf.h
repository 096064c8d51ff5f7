/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The observer developers */
/*
 * -y and --absolute: what an fd names, as an item of the per-CPU record (record.bpf.h): the
 * names from its file up to the task's root, or what kind of file it is (pipe, socket, anon
 * inode). At entry for fd arguments, pollfd arrays, fd_sets and the directory a relative
 * path starts from; at exit for the fds a call returned or wrote. Used by sys_enter (the
 * entry half) and sys_exit (the exit half, and a resumed call).
 */
#ifndef OBSERVER_FD_PATH_BPF_H
#define OBSERVER_FD_PATH_BPF_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include "syscalls.h"
#include "record.bpf.h"

const volatile __u8 decode_fds = 0;     /* -y: what fd arguments and results name */
const volatile __u8 absolute_paths = 0; /* --absolute: where relative paths start */

#define PIPEFS_MAGIC 0x50495045
#define SOCKFS_MAGIC 0x534F434B
#define ANON_INODE_FS_MAGIC 0x09041934
#define PID_FS_MAGIC 0x50494446 /* pidfds since 6.9 (commit cb12fd8e0dab), anon inodes before */
#define AT_FDCWD -100
#define F_DUPFD 0
#define F_DUPFD_CLOEXEC 1030

/* The open file of the current task's fd, or NULL. task->files->fdt is read through the
 * trusted task pointer; the fd array is not typed for the verifier, so its slot is copied. */
static __always_inline struct file *fd_file(struct task_struct *task, int fd)
{
	struct fdtable *fdt = task->files->fdt;
	struct file **fds, *file = NULL;

	if (fd < 0 || (unsigned int)fd >= fdt->max_fds)
		return NULL;
	fds = fdt->fd;
	bpf_probe_read_kernel(&file, sizeof(file), fds + fd);
	return file;
}

/*
 * Appends what fd names (AT_FDCWD: the current directory), or the file at file_addr when it
 * is not 0 (-k's mappings), as the next item, of kind for arg
 * (kind_arg packs kind << 8 | arg, an argument or ITEM_ARG_*): struct fd_path, then the names
 * from the file up to the task's root, each NUL-terminated, crossing from a mount's root to
 * where it is mounted. Nothing if fd is not open. The walk is bounded (FD_PATH_DEPTH steps,
 * ITEM_MAX bytes): deeper paths are marked FD_PATH_CUT.
 */
__noinline int fd_item(__u32 kind_arg, int fd, __u64 file_addr)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct record *r = record_buffer();
	struct fd_path head = {};
	struct path at = {}, root = {};
	struct dentry *mnt_root;
	const unsigned char *name;
	__u32 x = sizeof(head), i;
	long start, n;

	if (!r)
		return 0;
	start = next_item(r);
	if (start < 0)
		return 0;
	if (fd == AT_FDCWD) {
		if (BPF_CORE_READ_INTO(&at, task, fs, pwd))
			return 0;
	} else {
		struct file *file = file_addr ? (struct file *)file_addr : fd_file(task, fd);
		struct inode *inode;

		if (!file || BPF_CORE_READ_INTO(&at, file, f_path))
			return 0;
		inode = BPF_CORE_READ(file, f_inode);
		head.ino = BPF_CORE_READ(inode, i_ino);
		switch (BPF_CORE_READ(inode, i_sb, s_magic)) {
		case PIPEFS_MAGIC:
			head.type = FD_PATH_PIPE;
			goto done;
		case SOCKFS_MAGIC:
			head.type = FD_PATH_SOCKET;
			goto done;
		case PID_FS_MAGIC:
			head.type = FD_PATH_ANON;
			head.names = 1;
			__builtin_memcpy(ITEM_AT(r, start, x), "[pidfd]", 8);
			x += 8;
			goto done;
		case ANON_INODE_FS_MAGIC:
			head.type = FD_PATH_ANON;
			name = BPF_CORE_READ(at.dentry, d_name.name);
			n = bpf_probe_read_kernel_str(ITEM_AT(r, start, x), NAME_LEN, name);
			if (n > 0) {
				x += n;
				head.names = 1;
			}
			goto done;
		}
	}
	if (BPF_CORE_READ_INTO(&root, task, fs, root))
		return 0;
	mnt_root = BPF_CORE_READ(at.mnt, mnt_root);
	if (BPF_CORE_READ(at.dentry, d_parent) == at.dentry && at.dentry != mnt_root) {
		/* A file with no place in a tree (memfd_create's, shmem_file_setup's): the kernel
		 * names it "/" + its name + " (deleted)" (simple_dname). */
		name = BPF_CORE_READ(at.dentry, d_name.name);
		n = bpf_probe_read_kernel_str(ITEM_AT(r, start, x), NAME_LEN, name);
		if (n > 0) {
			x += n;
			head.names = 1;
		}
		head.flags |= FD_PATH_DELETED;
		goto done;
	}
	/* d_unlinked(): unhashed and not a root. */
	if (!BPF_CORE_READ(at.dentry, d_hash.pprev))
		head.flags |= FD_PATH_DELETED;
	for (i = 0; i < FD_PATH_DEPTH; i++) {
		struct dentry *d = at.dentry, *parent;

		if (d == root.dentry && at.mnt == root.mnt)
			break;
		if (d == mnt_root) {
			/* A mount's root: go on from where it is mounted, in its parent mount. */
			struct mount *m = (void *)at.mnt - bpf_core_field_offset(struct mount, mnt);
			struct mount *up = BPF_CORE_READ(m, mnt_parent);

			if (!up || up == m) /* the namespace's root, or a mount no longer attached */
				break;
			at.dentry = BPF_CORE_READ(m, mnt_mountpoint);
			at.mnt = (void *)up + bpf_core_field_offset(struct mount, mnt);
			mnt_root = BPF_CORE_READ(at.mnt, mnt_root);
			continue;
		}
		parent = BPF_CORE_READ(d, d_parent);
		if (!parent || parent == d) /* the root of a filesystem that is not mounted */
			break;
		if (x > ITEM_MAX - NAME_LEN) {
			head.flags |= FD_PATH_CUT;
			break;
		}
		name = BPF_CORE_READ(d, d_name.name);
		n = bpf_probe_read_kernel_str(ITEM_AT(r, start, x), NAME_LEN, name);
		if (n <= 0)
			break;
		x = forget(r, x + n);
		head.names++;
		at.dentry = parent;
	}
	if (i == FD_PATH_DEPTH)
		head.flags |= FD_PATH_CUT;
done:
	__builtin_memcpy(ITEM_AT(r, start, 0), &head, sizeof(head));
	add_item(r, kind_arg >> 8, kind_arg & 0xff, x, false, false);
	return 0;
}

static __always_inline void add_fd_path(__u8 kind, __u8 arg, int fd)
{
	fd_item((__u32)kind << 8 | arg, fd, 0);
}

/* -y at entry: what each fd argument names (a directory fd's AT_FDCWD: the current one), and
 * the fds of a pollfd array. */
static __always_inline void read_fd_args(struct record *r, const volatile struct call_plan *plan)
{
	__u8 fds = plan->fds, dirfds = plan->dirfds, array = plan->fd_array;

	for (__u32 arg = 0; arg < 6; arg++) {
		int fd = (int)r->e.args[arg];

		if (((fds | dirfds) & (1u << arg)) &&
		    (fd >= 0 || ((dirfds & (1u << arg)) && fd == AT_FDCWD)))
			add_fd_path(ITEM_FD_PATH, arg, fd);
	}
	if (array && array < 6) {
		/* struct pollfd: the int fd, then two shorts. */
		__u64 elems = arg_value(r, array - 1), count = arg_value(r, array);
		__s32 pollfds[2 * FD_ELEMS] = {};

		if (count > FD_ELEMS)
			count = FD_ELEMS;
		if (bpf_probe_read_user(pollfds, count * 8, (const void *)elems))
			return;
		for (__u32 k = 0; k < FD_ELEMS && k < count; k++)
			if (pollfds[2 * k] >= 0)
				add_fd_path(ITEM_FD_PATH, ITEM_ARG_ELEM + k, pollfds[2 * k]);
	}
	if (plan->fd_sets) {
		/* select's sets: each fd below 64 in any of them, once. */
		__u64 fds = 0;

		for (__u32 arg = 1; arg < 4; arg++) {
			__u64 bits = 0;

			if ((plan->fd_sets & (1u << arg)) && r->e.args[arg] &&
			    !bpf_probe_read_user(&bits, sizeof(bits), (const void *)r->e.args[arg]))
				fds |= bits;
		}
		for (__u32 fd = 0; fd < 64 && fds; fd++) {
			if (fds & 1)
				add_fd_path(ITEM_FD_PATH, ITEM_ARG_FD + fd, fd);
			fds >>= 1;
		}
	}
}

/* --absolute: for each relative path argument, the directory it starts from. The strings are
 * the first items, in argument order. */
static __always_inline void read_bases(struct record *r, const volatile struct call_plan *plan)
{
	__u8 paths = plan->paths, dirfds = plan->dirfds;
	__u32 start = 0;

	for (__u32 i = 0; i < MAX_STRINGS; i++) {
		__u32 len, arg;

		if (i >= r->t.count || r->t.kind[i] != ITEM_STRING)
			break;
		len = r->t.len[i];
		arg = r->t.arg[i] & 7;
		if ((paths & (1u << arg)) && len && *ITEM_AT(r, start, 0) != '/') {
			int dirfd = arg && (dirfds & (1u << (arg - 1))) ? (int)arg_value(r, arg - 1)
									   : AT_FDCWD;

			add_fd_path(ITEM_BASE, arg, dirfd);
		}
		start += len;
	}
}

/* -y at exit: what the fd the call returned names, or the two it wrote (pipe). */
static __always_inline void read_fd_results(struct record *r,
					    const volatile struct call_plan *plan, long ret)
{
	__u8 how = plan->fd_ret, pair = plan->fd_pair;

	if (how == FD_RET_ALWAYS ||
	    (how == FD_RET_DUPFD && ((int)r->e.args[1] == F_DUPFD ||
				     (int)r->e.args[1] == F_DUPFD_CLOEXEC)))
		add_fd_path(ITEM_FD_PATH, ITEM_ARG_RET, ret);
	if (pair && pair <= 6) {
		int fds[2];

		if (bpf_probe_read_user(fds, sizeof(fds), (const void *)arg_value(r, pair - 1)))
			return;
		add_fd_path(ITEM_FD_PATH, ITEM_ARG_PAIR, fds[0]);
		add_fd_path(ITEM_FD_PATH, ITEM_ARG_PAIR + 1, fds[1]);
	}
}

#endif /* OBSERVER_FD_PATH_BPF_H */
