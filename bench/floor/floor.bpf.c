// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The benchmark's own sys_enter programs, from an empty one (the floor: what attaching the
// tracepoint costs) up to the steps observer's hot path takes, one step more per program, so
// that the cost of each step is the difference of two runs. The loader attaches exactly one.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

char LICENSE[] SEC("license") = "Dual MIT/GPL";

/* Same size and layout as observer's struct event (bpf/syscalls.h). */
struct record {
	__u64 ts_ns;
	__u64 args[6];
	__s64 ret;
	__u64 duration_ns;
	__u32 tgid;
	__u32 tid;
	__s32 nr;
	__u32 flags;
	char comm[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 16 << 20);
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 65536);
	__type(key, __u32);
	__type(value, __u32);
} traced SEC(".maps");

__u64 lost = 0;

SEC("tp_btf/sys_enter")
int empty(__u64 *ctx)
{
	return 0;
}

/* What every syscall of a process observer does not trace pays: pid and one hash lookup. */
SEC("tp_btf/sys_enter")
int filter(__u64 *ctx)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;

	if (!bpf_map_lookup_elem(&traced, &tgid))
		return 0;
	return 0;
}

static __always_inline struct record *record(__u64 *ctx)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 tgid = pid_tgid >> 32;
	struct record *r;

	if (!bpf_map_lookup_elem(&traced, &tgid))
		return NULL;
	r = bpf_ringbuf_reserve(&events, sizeof(*r), 0);
	if (!r) {
		__sync_fetch_and_add(&lost, 1);
		return NULL;
	}
	r->tgid = tgid;
	r->tid = (__u32)pid_tgid;
	r->nr = ctx[1];
	r->ts_ns = 0;
	r->ret = 0;
	r->duration_ns = 0;
	r->flags = 0;
	return r;
}

/* + one ring buffer record per syscall (no comm, never wakes the consumer). */
SEC("tp_btf/sys_enter")
int ring(__u64 *ctx)
{
	struct record *r = record(ctx);

	if (r)
		bpf_ringbuf_submit(r, BPF_RB_NO_WAKEUP);
	return 0;
}

/* + the process name, as observer writes it in every record. */
SEC("tp_btf/sys_enter")
int ring_comm(__u64 *ctx)
{
	struct record *r = record(ctx);

	if (r) {
		bpf_get_current_comm(r->comm, sizeof(r->comm));
		bpf_ringbuf_submit(r, BPF_RB_NO_WAKEUP);
	}
	return 0;
}

/* + observer's wakeup decision: a ring buffer query per record. */
SEC("tp_btf/sys_enter")
int ring_comm_query(__u64 *ctx)
{
	struct record *r = record(ctx);

	if (r) {
		bpf_get_current_comm(r->comm, sizeof(r->comm));
		bpf_ringbuf_submit(r, bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) >= (4 << 20)
					      ? BPF_RB_FORCE_WAKEUP
					      : BPF_RB_NO_WAKEUP);
	}
	return 0;
}
