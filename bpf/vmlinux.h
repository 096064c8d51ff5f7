/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The observer developers */
/*
 * The few kernel types observer reads, declared by hand for CO-RE.
 *
 * A generated vmlinux.h is several megabytes and ties the tree to one kernel's dump. CO-RE
 * matches fields by name, not by layout, so declaring only the fields the program touches,
 * with preserve_access_index, is enough: libbpf relocates every access against the running
 * kernel's BTF at load time. UAPI definitions (map types, helper flags) come from the stable
 * <linux/bpf.h>.
 */
#ifndef OBSERVER_VMLINUX_H
#define OBSERVER_VMLINUX_H

#include <linux/types.h>
#include <linux/bpf.h>

typedef _Bool bool;
enum { false = 0, true = 1 };

#pragma clang attribute push(__attribute__((preserve_access_index)), apply_to = record)

#if defined(__TARGET_ARCH_x86)
struct pt_regs {
	unsigned long bp, bx, r10, r9, r8, cx, dx, si, di, orig_ax; /* orig_ax: the syscall number */
	unsigned long sp;
	unsigned long ip, r12, r13, r14, r15; /* -k: where a user stack's unwinding starts */
};

/* status & TS_COMPAT: the task is in a 32-bit syscall (int 0x80 or ia32 compat). */
struct thread_info {
	unsigned int status;
};
#elif defined(__TARGET_ARCH_arm64)
struct pt_regs {
	unsigned long long regs[31];
	unsigned long long orig_x0;
	int syscallno;
};
#else
#error "observer supports x86_64 and arm64"
#endif

typedef struct {
	int counter;
} atomic_t;

struct list_head {
	struct list_head *next;
	struct list_head *prev;
};

/* A signal queued with its siginfo: the entries of a sigpending's list. */
struct kernel_siginfo {
	int si_signo; /* read as 48 raw bytes at &info, as the ABI lays them out */
};
struct sigqueue {
	struct list_head list;
	struct kernel_siginfo info;
};

typedef struct {
	unsigned int val;
} kuid_t;

struct cred {
	kuid_t euid;
};

/* What an fd or a directory names: the dentry chain up to the root, across mounts. */
struct qstr {
	const unsigned char *name;
};

struct hlist_bl_node {
	struct hlist_bl_node *next, **pprev; /* pprev is NULL once the dentry is unhashed */
};

struct super_block {
	unsigned long s_magic;
	__u32 s_dev; /* dev_t: -k's mappings, as /proc/PID/maps shows their device */
};

struct inode {
	unsigned long i_ino;
	struct super_block *i_sb;
};

struct dentry {
	struct hlist_bl_node d_hash;
	struct dentry *d_parent;
	struct qstr d_name;
	struct inode *d_inode;
};

struct vfsmount {
	struct dentry *mnt_root;
};

/* fs/mount.h: a vfsmount is the mnt member of its struct mount. */
struct mount {
	struct mount *mnt_parent;
	struct dentry *mnt_mountpoint;
	struct vfsmount mnt;
};

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

struct file {
	struct path f_path;
	struct inode *f_inode;
	void *private_data; /* a socket's file: its struct socket */
};

/* include/net/sock.h: the family and protocol of a socket (sk_protocol a __u16 since 5.6,
 * commit bf9765145b85). */
struct sock_common {
	unsigned short skc_family;
};

struct sock {
	struct sock_common __sk_common;
	__u16 sk_protocol;
};

struct socket {
	struct sock *sk;
};

struct fdtable {
	unsigned int max_fds;
	struct file **fd;
};

struct files_struct {
	struct fdtable *fdt;
};

struct fs_struct {
	struct path root, pwd;
};

typedef struct {
	unsigned long sig[1];
} sigset_t;

struct sigpending {
	struct list_head list; /* struct sigqueue entries */
	sigset_t signal;
};

struct signal_struct {
	atomic_t live; /* threads not yet exiting; 0 once the whole group is dying */
	struct sigpending shared_pending; /* signals sent to the whole process */
	int group_exit_code; /* a fatal signal's number while the group dies of it */
};

struct sigaction {
	void *sa_handler;
};
struct k_sigaction {
	struct sigaction sa;
};

/* A cgroup's hierarchy (--cgroup tells cgroup v2's from the v1 ones by it), and its
 * directory, whose id (u64 since Linux 5.5) is the directory's inode number. */
struct cgroup_root;
struct kernfs_node {
	__u64 id;
};
struct cgroup {
	struct cgroup_root *root;
	struct kernfs_node *kn;
};

struct css_set {
	struct cgroup *dfl_cgrp; /* the task's cgroup v2 */
};

/* -k: where the main thread's stack began (its argc), the top of what a stack copy needs. */
struct mm_struct {
	unsigned long start_stack;
};

struct task_struct {
#if defined(__TARGET_ARCH_x86)
	struct thread_info thread_info;
#endif
	int pid;
	int tgid;
	int exit_code;
	char comm[16];
	struct signal_struct *signal;
	struct task_struct *group_leader;
	const struct cred *cred;
	struct fs_struct *fs;
	struct files_struct *files;
	struct sigpending pending; /* signals sent to this thread: SIGKILL lands here */
	struct css_set *cgroups;
	struct bpf_local_storage *bpf_storage; /* the task's BPF task storage, NULL if none */
	struct mm_struct *mm;
};

/* -k: a process's mappings, walked with the open-coded VMA iterator (Linux 6.7, commit
 * 4ac454682158), whose state is this opaque struct. */
struct vm_area_struct {
	unsigned long vm_start;
	unsigned long vm_end;
	unsigned long vm_flags;
	unsigned long vm_pgoff; /* where it starts in its file, in pages */
	struct file *vm_file;   /* NULL: anonymous memory */
};
struct bpf_iter_task_vma {
	__u64 __opaque[1];
} __attribute__((aligned(8)));

/* The context of an iter/task program (Linux 5.8, commit eaaacd23910f). */
struct bpf_iter_meta;
struct bpf_iter__task {
	struct bpf_iter_meta *meta;
	struct task_struct *task;
};


/* The program being executed (-n): its path, and its file, whose dentry names it. */
struct linux_binprm {
	struct file *file;
	const char *filename;
};

#pragma clang attribute pop

#endif /* OBSERVER_VMLINUX_H */
