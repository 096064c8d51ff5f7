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
	unsigned long bp, bx, r10, r9, r8, cx, dx, si, di, orig_ax;
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

struct signal_struct {
	atomic_t live; /* threads not yet exiting; 0 once the whole group is dying */
};

typedef struct {
	unsigned int val;
} kuid_t;

struct cred {
	kuid_t euid;
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
	const struct cred *cred;
};

/* Read as 48 raw bytes (the siginfo layout is ABI), never by field. */
struct kernel_siginfo;
struct k_sigaction;

/* The executed file's own name, for -n: the dentry of bprm->file. */
struct qstr {
	const unsigned char *name;
};

struct dentry {
	struct qstr d_name;
};

struct path {
	struct dentry *dentry;
};

struct file {
	struct path f_path;
};

struct linux_binprm {
	struct file *file;
	const char *filename;
};

#pragma clang attribute pop

#endif /* OBSERVER_VMLINUX_H */
