/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The observer developers */
/* Shared between the BPF program and user space: sizes, enums and the event record. No logic. */
#ifndef OBSERVER_SYSCALLS_H
#define OBSERVER_SYSCALLS_H

#define TASK_COMM_LEN 16
/* Syscall numbers below this fit the in-kernel bitmap (Linux 6.19 ends at 470 on both arches). */
#define MAX_SYSCALLS 1024
#define SYSCALL_WORDS (MAX_SYSCALLS / 64)
/* Upper bound of processes traced at once; entries leave the map when the process exits. */
#define MAX_TRACED 65536
/* Longest program name matched by --comm (a file name component, NAME_MAX). */
#define NAME_LEN 256
#define MAX_NAMES 64

/* event.flags */
enum event_flag {
	EVENT_HAS_RET = 1,  /* ret and duration_ns are valid (recorded at syscall exit) */
	EVENT_HAS_TIME = 2, /* ts_ns is valid */
};

/* Why a tgid is in the traced map. */
enum traced_reason {
	TRACED_TARGET = 1, /* named by the user (-p, -- CMD) */
	TRACED_FORK = 2,   /* child of a traced process (--follow) */
	TRACED_COMM = 3,   /* exec'd a program named by --comm */
};

/*
 * One syscall. Fixed-width fields, largest first, no implicit padding: the same layout
 * is declared as a NumPy dtype (src/cpp/event.h checks sizes and offsets).
 */
struct event {
	__u64 ts_ns;       /* CLOCK_MONOTONIC at entry */
	__u64 args[6];     /* raw syscall arguments */
	__s64 ret;         /* return value (EVENT_HAS_RET) */
	__u64 duration_ns; /* entry to exit (EVENT_HAS_RET) */
	__u32 tgid;        /* process id, what ps calls the pid */
	__u32 tid;         /* thread id */
	__s32 nr;          /* syscall number of the native ABI */
	__u32 flags;       /* enum event_flag */
	char comm[TASK_COMM_LEN];
};

#endif /* OBSERVER_SYSCALLS_H */
