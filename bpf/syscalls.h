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
/* -P: at most MAX_PATHS paths, each shorter than NAME_LEN; fds opened on them, per process. */
#define MAX_PATHS 8
#define MAX_PATH_FDS 65536

/* path_roles[nr]: which arguments of a syscall -P looks at. The low 6 bits: argument i is a
 * path. */
enum path_role {
	PATH_FD_ARG0 = 64,    /* argument 0 is a file descriptor (or the dirfd of an *at call) */
	PATH_FD_RESULT = 128, /* the call returns a new fd on what it names (open, dup) */
	PATH_FD_CLOSE = 256,  /* the call ends its argument-0 fd (close) */
	PATH_FD_FCNTL = 512,  /* fcntl: F_DUPFD and F_DUPFD_CLOEXEC return a new fd */
};
/* Bytes of one string argument captured at entry: --string-limit is at most STRING_MAX - 2
 * (one byte to detect truncation, one for the NUL). At most MAX_STRINGS per syscall. */
#define STRING_MAX 4096
#define MAX_STRINGS 2
/* Buffers and structs captured per syscall (capture_plan), at most BLOB_MAX bytes each: I/O
 * data up to --data-limit, structs the kernel reads (entry) or fills (exit) in full. */
#define MAX_BLOBS 2
#define BLOB_MAX 4096
/* Items (strings, then blobs) that follow one event. */
#define MAX_ITEMS (MAX_STRINGS + MAX_BLOBS)

/* event.flags */
enum event_flag {
	EVENT_HAS_RET = 1,  /* ret and duration_ns are valid (recorded at syscall exit) */
	EVENT_HAS_TIME = 2, /* ts_ns is valid */
	EVENT_HAS_STRINGS = 4, /* struct string_tail and its bytes follow the event */
	EVENT_PROCESS_EXIT = 8, /* not a syscall: the process ended; ret is its wait status */
	EVENT_COMPAT = 16,      /* a 32-bit call (x86_64's int 0x80 / ia32): nr is an i386 number */
	EVENT_SIGNAL = 32,      /* not a syscall: signal nr delivered; args hold its siginfo */
};

/* Summary slots of 32-bit calls: COMPAT_STATS + their i386 number. */
#define COMPAT_STATS 512

/* string_tail.truncated bits: item i was longer than the limit */
#define STRING_TRUNCATED(i) (1u << (i))

/* capture_slot.flags: when a blob is read and where its length comes from. */
enum capture_flag {
	CAPTURE_ENTRY = 1,    /* the syscall reads it: copy at entry */
	CAPTURE_EXIT = 2,     /* the syscall fills it: copy at exit, if it succeeded */
	CAPTURE_SIZE_ARG = 4, /* length is argument size_arg (else fixed: size) */
	CAPTURE_SIZE_RET = 8, /* length is the return value */
};

/* execve's argv is captured as one blob: each string, cut at --data-limit bytes, then a byte
 * saying how it ended; ARGV_MORE ends the blob when the array had more elements than were
 * kept. Its envp is captured as the number of its pointers, a __u32. */
enum argv_end { ARGV_END = 0, ARGV_CUT = 1, ARGV_MORE = 2 };
#define ARGV_MAX 32	     /* elements kept of an argv, as strace shows */
#define ARGV_STRING_MAX 256 /* bytes kept of one argv string */
#define ENVP_MAX 1024	     /* pointers counted of an envp (a loop the verifier walks) */

/* One buffer or struct to capture for a syscall: argument arg points to it. At most size
 * bytes are kept; a longer one is marked truncated. Decided in user space (decode.cpp). */
struct capture_slot {
	__u32 size;
	__u8 arg;
	__u8 flags; /* enum capture_flag; 0 = unused slot */
	__u8 size_arg;
	__u8 __pad;
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

/*
 * The default log's record (compact_records): what a "tgid:nr:comm" line needs, a third of
 * struct event. User space tells the two apart by their size.
 */
struct log_event {
	__u32 tgid;
	__u32 tid;
	__s32 nr;
	__u32 flags; /* EVENT_COMPAT or 0 */
	char comm[TASK_COMM_LEN];
};

/*
 * Follows struct event in the ring when EVENT_HAS_STRINGS is set: count items, item 0's
 * len[0] bytes first, then item 1's..., strings without NULs. Strings come first, then blobs
 * (bit i of blob set). The record's size covers them all.
 */
struct string_tail {
	__u16 len[MAX_ITEMS]; /* bytes of each item */
	__u8 arg[MAX_ITEMS];  /* which syscall argument (0-5) each item is */
	__u8 count;           /* items that follow, 0-MAX_ITEMS */
	__u8 truncated;       /* STRING_TRUNCATED(i) */
	__u8 blob;            /* bit i: item i is a buffer or struct, not a string */
	__u8 __pad[5];
};

/* Per-syscall totals of summary mode (-c), one slot per syscall number in a per-CPU array. */
struct syscall_stats {
	__u64 calls;
	__u64 errors;   /* returned -4095..-1 */
	__u64 total_ns; /* wall time, entry to exit (strace -c -w) */
	__u64 max_ns;   /* the longest call's wall time */
	__u64 cpu_ns;   /* time on a CPU between entry and exit (strace -c's system time) */
};

/*
 * Latency histograms of -c --latency, one per syscall number: a call of d ns (wall time) is
 * counted in the bucket of d's highest set bit and the LATENCY_SUB_BITS bits below it, so
 * each power of two has 1 << LATENCY_SUB_BITS buckets (a quarter-octave: percentiles within
 * 19%). d < (1 << LATENCY_SUB_BITS) is its own bucket; from 2^LATENCY_POWERS ns (78 hours)
 * on, the last bucket.
 */
#define LATENCY_SUB_BITS 2
#define LATENCY_POWERS 48
#define LATENCY_BUCKETS (LATENCY_POWERS << LATENCY_SUB_BITS)

struct latency_hist {
	__u64 count[LATENCY_BUCKETS];
};

#endif /* OBSERVER_SYSCALLS_H */
