/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The observer developers */
/*
 * -c: per-syscall totals in a per-CPU array (calls, errors, wall and CPU time, the shortest
 * and the longest call) and, with --latency, a log2 histogram of each syscall's wall times. Used by sys_enter
 * (calls that never return) and sys_exit; the time off the CPU that sys_exit takes out of a
 * call's CPU time is added up by sched_switch in the call's start (calls.bpf.h).
 */
#ifndef OBSERVER_STATS_BPF_H
#define OBSERVER_STATS_BPF_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "syscalls.h"

const volatile __u8 count_stats = 0;   /* add to the stats map (-c) */
const volatile __u8 count_latency = 0; /* and to the latency map (-c --latency) */

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, MAX_SYSCALLS);
	__type(key, __u32);
	__type(value, struct syscall_stats);
} stats SEC(".maps");

/* -c --latency; user space sizes it to one entry otherwise. Shared by all CPUs (a per-CPU
 * copy would cost 1.5 KB per syscall per CPU): its counts are added atomically. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, MAX_SYSCALLS);
	__type(key, __u32);
	__type(value, struct latency_hist);
} latency SEC(".maps");

/* The latency bucket of d ns (bpf/syscalls.h): its highest set bit and the bits below it. */
static __always_inline __u32 latency_bucket(__u64 d)
{
	__u32 msb = 0, bucket;
	__u64 v = d;

	if (d < (1 << LATENCY_SUB_BITS))
		return d;
	for (__u32 shift = 32; shift; shift >>= 1) { /* binary search for the highest bit */
		if (v >> shift) {
			v >>= shift;
			msb += shift;
		}
	}
	bucket = ((msb - LATENCY_SUB_BITS + 1) << LATENCY_SUB_BITS) +
		 ((d >> (msb - LATENCY_SUB_BITS)) & ((1 << LATENCY_SUB_BITS) - 1));
	return bucket < LATENCY_BUCKETS ? bucket : LATENCY_BUCKETS - 1;
}

/* Per-CPU slot: a concurrent update needs a preemption inside this program on the same CPU
 * (tracing programs run with migration disabled), which would lose at most one count. */
static __always_inline void add_stats(long nr, long ret, __u64 duration, __u64 cpu, bool compat,
				      bool returned)
{
	__u32 key = compat ? COMPAT_STATS + nr : nr;
	struct syscall_stats *s;
	struct latency_hist *h;

	if (key >= MAX_SYSCALLS || (compat && nr >= COMPAT_STATS))
		return;
	s = bpf_map_lookup_elem(&stats, &key);
	if (!s)
		return;
	s->calls++;
	if (ret < 0 && ret >= -4095)
		s->errors++;
	s->total_ns += duration;
	s->cpu_ns += cpu;
	if (duration > s->max_ns)
		s->max_ns = duration;
	if (returned) { /* the shortest and longest of calls that took a time at all */
		if (!s->returned || duration < s->min_ns)
			s->min_ns = duration;
		if (!s->returned || cpu < s->min_cpu_ns)
			s->min_cpu_ns = cpu;
		if (cpu > s->max_cpu_ns)
			s->max_cpu_ns = cpu;
		s->returned++;
	}
	if (count_latency && returned) {
		__u32 bucket = latency_bucket(duration);

		h = bpf_map_lookup_elem(&latency, &key);
		if (h && bucket < LATENCY_BUCKETS)
			__sync_fetch_and_add(&h->count[bucket], 1);
	}
}

#endif /* OBSERVER_STATS_BPF_H */
