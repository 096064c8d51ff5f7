/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The observer developers */
/*
 * The ring buffer and the records written to it: the ring (events), what could not go into
 * it (the lost_* counters), a plain struct event reserved in place, and the per-CPU record in
 * which an event with items (strings, buffers, fd paths) is put together and then sent. Used
 * by every program that writes: sys_enter, sys_exit, signal_deliver, sched_process_exit and
 * iter_task.
 */
#ifndef OBSERVER_RECORD_BPF_H
#define OBSERVER_RECORD_BPF_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "syscalls.bpf.h"
#include "syscalls.h"

const volatile __u8 emit_records = 1;     /* write records to the ring */
const volatile __u32 ring_bytes = 16 << 20; /* the ring's size: larger records cannot fit */

/* Counters read by user space through the mmap'ed .bss. Every call a traced thread makes
 * while attached is written, written unfinished, or counted here. */
__u64 lost_events = 0;     /* records of calls dropped because the ring was full */
__u64 lost_notices = 0;    /* process exits and signals dropped because the ring was full */
__u64 lost_storage = 0;    /* calls not recorded: their thread's start could not be stored */
__u64 lost_oversized = 0;  /* records larger than the ring (a ring of a few pages) */

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 16 << 20);
} events SEC(".maps");

/* Where an item's bytes go: its start (masked below ITEMS_START_MAX) plus an offset inside it
 * (masked below ITEM_MAX). The masks are for the verifier, which bounds every copy by them
 * plus the copy's largest size; the code keeps each item within ITEM_MAX itself. */
#define ITEM_AT(r, start, x)                                                               \
	((r)->data + ((start) & (ITEMS_START_MAX - 1)) + ((x) & (ITEM_MAX - 1)))

/* A record being put together: the event, its tail and its items, as they are sent. One per
 * CPU: the syscall tracepoints run their programs with preemption disabled (__DO_TRACE; since
 * syscall tracepoints may fault, the preempt_notrace guard of their BPF probes in
 * include/trace/bpf_probe.h), so nothing else on the CPU uses it until the record is sent. */
struct record {
	struct event e;
	struct string_tail t;
	char data[ITEMS_SPACE + ITEM_MAX]; /* room for the verifier's bound of the last item */
	__u32 used;   /* bytes of data taken by the items so far */
	__u32 unread; /* a string could not be read at entry (page not yet faulted in) */
	__u32 cursor; /* where a loop writes next: see forget() */
	__u32 __pad;
	__s64 budget; /* what a loop may still read: see forget() */
};

/* Returns x through memory, so that the verifier knows only that it is a __u32: a loop that
 * writes at x (the bytes so far) then has states alike at each step, whatever came before,
 * and they are pruned, instead of one more per step. The caller bounds it again. */
static __always_inline __u32 forget(struct record *r, __u32 x)
{
	*(volatile __u32 *)&r->cursor = x;
	return *(volatile __u32 *)&r->cursor;
}

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct record);
} records SEC(".maps");

static __always_inline struct record *record_buffer(void)
{
	__u32 zero = 0;

	return bpf_map_lookup_elem(&records, &zero);
}

/* What an event says of its task besides the ids: its name, and its cgroup v2 (the number
 * bpf_get_current_cgroup_id gives, read from the task: no helper call, any task). */
static __always_inline void read_task(struct event *e, struct task_struct *task)
{
	read_comm(e->comm, task);
	e->cgroup_id = task->cgroups->dfl_cgrp->kn->id;
}

/* A record of its own for pid_tgid; a full ring counts it in *lost. */
static __always_inline struct event *reserve(__u64 pid_tgid, __s32 nr, __u64 *lost,
					     struct task_struct *task)
{
	struct event *e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);

	if (!e) {
		__sync_fetch_and_add(lost, 1);
		return NULL;
	}
	e->tgid = pid_tgid >> 32;
	e->tid = (__u32)pid_tgid;
	e->nr = nr;
	read_task(e, task);
	return e;
}

static __always_inline void begin_items(struct record *r)
{
	r->t.count = 0;
	r->t.truncated = 0;
	r->t.at_exit = 0;
	r->used = 0;
	r->unread = 0;
}

/* args[i] of the record, i < 6. The mask keeps the index bounded for the verifier where the
 * compiler has moved the caller's test away from the load. */
static __always_inline __u64 arg_value(const struct record *r, __u32 i)
{
	barrier_var(i);
	return r->e.args[i & 7];
}

/* Where the next item starts, or -1 when no more fit. */
static __always_inline long next_item(const struct record *r)
{
	if (r->t.count >= MAX_ITEMS || r->used >= ITEMS_START_MAX)
		return -1;
	return r->used;
}

/* Takes the len bytes written at next_item() as item kind for argument arg. */
static __always_inline void add_item(struct record *r, __u8 kind, __u8 arg, __u32 len, bool cut,
				     bool at_exit)
{
	__u32 i = r->t.count;

	if (i >= MAX_ITEMS)
		return;
	r->t.len[i] = len;
	r->t.arg[i] = arg;
	r->t.kind[i] = kind;
	if (cut)
		r->t.truncated |= STRING_TRUNCATED(i);
	if (at_exit)
		r->t.at_exit |= 1u << i;
	r->t.count = i + 1;
	r->used += len;
}

/* Sends r with its items; false (and counted) if it could not be queued. */
static __always_inline bool send(struct record *r)
{
	__u64 size = sizeof(struct event);

	if (r->t.count) {
		r->e.flags |= EVENT_HAS_STRINGS;
		size += sizeof(struct string_tail) + r->used;
	}
	if (size > sizeof(struct event) + sizeof(struct string_tail) + ITEMS_SPACE)
		return false;
	if (size + BPF_RINGBUF_HDR_SZ > ring_bytes) {
		__sync_fetch_and_add(&lost_oversized, 1);
		return false;
	}
	if (bpf_ringbuf_output(&events, r, size, BPF_RB_NO_WAKEUP)) {
		__sync_fetch_and_add(&lost_events, 1);
		return false;
	}
	return true;
}

#endif /* OBSERVER_RECORD_BPF_H */
