/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The observer developers */
/*
 * What a full record carries besides the registers, as items of the per-CPU record
 * (record.bpf.h): string arguments, and the buffers and structs of each syscall's capture
 * plan (execve's argv, iovecs, msghdrs, getdents64's count, ...), read at entry for what the
 * call reads and at exit for what it filled. The plans are decided in user space (decode.cpp)
 * and read-only here. Used by sys_enter (the entry half) and sys_exit (the exit half, and a
 * resumed call), through calls.bpf.h and unfinished.bpf.h.
 */
#ifndef OBSERVER_CAPTURE_BPF_H
#define OBSERVER_CAPTURE_BPF_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "syscalls.bpf.h"
#include "syscalls.h"
#include "record.bpf.h"
#include "fd_path.bpf.h"

const volatile __u32 string_limit = 0; /* bytes per string argument, 0 = no strings */
const volatile __u8 capture_blobs = 0;  /* capture_plan is in use */
const volatile __u32 argv_limit = 0;    /* bytes kept of each execve argv string */
const volatile __u8 capture_envp = 0;   /* execve's envp as strings too (strace -v) */
const volatile __u32 control_limit = 0; /* net.core.optmem_max: bytes of msg_control read */

/* Per syscall, by native number ([0]) and by i386 number ([1], 32-bit calls). */
const volatile struct call_plan plans[2][MAX_SYSCALLS] = {};
const volatile struct capture_slot capture_plan[2][MAX_SYSCALLS][MAX_BLOBS] = {};
/* ELEM_IOC's plain numbers, and the sized requests read at another time than their
 * direction says: a type's row + 1 (0: none), then by row and number the direction and
 * size, as _IOC() puts them in a request's top 16 bits. */
const volatile __u8 ioc_plain_row[256] = {};
const volatile __u16 ioc_plain[IOC_PLAIN_TYPES][256] = {};
/* Where the strings bpf's attr points to are, by command (ELEM_BPF_STRINGS). */
const volatile struct bpf_strings bpf_strings[BPF_CMDS] = {};
/* What io_uring_register's argument points to, by opcode (ELEM_URING). */
const volatile struct uring_layout uring_layouts[URING_OPS] = {};
/* What ptrace's requests read at entry ([0]) and fill at exit ([1]), by index (ELEM_PTRACE). */
const volatile struct ptrace_read ptrace_reads[2][PTRACE_REQS] = {};
/* What the structs of some ioctl requests point to (ELEM_IOC_PTRS). */
const volatile struct ioc_ptr_layout ioc_ptrs[IOC_PTR_LAYOUTS] = {};
/* The bytes of the regsets strace shows, by NT_* type (ELEM_PTRACE's iovec). */
const volatile __u16 ptrace_regsets[PTRACE_REGSETS] = {};

static __always_inline const volatile struct call_plan *plan_of(long nr, bool compat)
{
	return &plans[compat][(unsigned long)nr & (MAX_SYSCALLS - 1)];
}

/* The global functions below, and fd_item (fd_path.bpf.h), fill the per-CPU record
 * themselves: each is verified once, whatever calls it (Linux 5.6, commit 51c39bb1d5d1),
 * which keeps the programs that call them in series short to verify. They take only scalars,
 * as 5.12 requires. */

/* Copies the string args[arg] points to as the next item. Reads limit + 2 bytes so that a
 * string of exactly limit bytes (limit + 1 with its NUL) is told apart from a longer one;
 * the read stops at the NUL, so a short string costs the same whatever the limit. A string
 * that runs into unreadable memory before its NUL or its limit + 1 bytes is not kept (strace
 * prints such a path as its address). */
__noinline int string_item(__u32 arg)
{
	struct record *r = record_buffer();
	__u32 limit = string_limit;
	bool cut = false;
	long start, n;

	if (!r || arg >= 6)
		return 0;
	start = next_item(r);
	if (start < 0)
		return 0;
	if (limit > STRING_MAX - 1)
		limit = STRING_MAX - 1;
	n = bpf_probe_read_user_str(ITEM_AT(r, start, 0), limit + 2, (const void *)arg_value(r, arg));
	/* Unreadable at its last byte only: limit + 1 bytes with no NUL are still a string cut
	 * at the limit, as strace reads it. */
	if (n < 0 && bpf_probe_read_user_str(ITEM_AT(r, start, 0), limit + 1,
					     (const void *)arg_value(r, arg)) == limit + 1)
		n = limit + 2;
	if (n <= 0) {
		r->unread = 1;
		return 0;
	}
	n -= 1;
	if (n > limit) {
		n = limit;
		cut = true;
	}
	add_item(r, ITEM_STRING, arg, n, cut, false);
	return 0;
}

/* Every string argument of the call (plan->strings), in argument order. */
static __always_inline void read_strings(const volatile struct call_plan *plan)
{
	__u8 mask = string_limit ? plan->strings : 0;

	for (__u32 arg = 0; arg < 6; arg++)
		if (mask & (1u << arg))
			string_item(arg);
}

/* An array of strings (argv) written into the per-CPU record as the item at start: each
 * string cut at cap bytes, behind its enum argv_tag and followed by a NUL. Pointers are 8 bytes, or 4
 * (a 32-bit call: the low half of an 8-byte read, which at worst fails on the terminating
 * NULL at the end of a page and ends there). Returns the item's length, -1 if the array is
 * unreadable from its start. A global function,
 * verified once (Linux 5.6, commit 51c39bb1d5d1), so its arguments are scalars. */
__noinline int argv_item(__u64 array, __u32 cap, int ptr32, __u32 start)
{
	struct record *r = record_buffer();
	__u32 len = 0, step = ptr32 ? 4 : 8, size;

	if (!r)
		return 0;
	if (cap > ARGV_STRING_MAX)
		cap = ARGV_STRING_MAX;
	/* cap + 2 bytes tells a string of cap bytes (cap + 1 with its NUL) from a longer one.
	 * The mask, which the compiler must keep, bounds the copy for the verifier. */
	size = cap + 2;
	barrier_var(size);
	size &= 2 * ARGV_STRING_MAX - 1;
	for (__u32 k = 0; k < ARGV_MAX + 1; k++) {
		__u64 ptr = 0;
		__u32 at = len;
		__u8 tag;
		long n;

		if (bpf_probe_read_user(&ptr, sizeof(ptr), (const void *)(array + k * step))) {
			__u64 addr = array + k * step;

			if (!k)
				return -1;
			if (len + ARGV_MARK_SIZE > BLOB_MAX)
				return len;
			*ITEM_AT(r, start, at) = ARGV_UNREAD;
			bpf_probe_read_kernel(ITEM_AT(r, start, at + 1), sizeof(addr), &addr);
			return len + ARGV_MARK_SIZE;
		}
		if (ptr32)
			ptr = (__u32)ptr;
		if (!ptr)
			break;
		if (k == ARGV_MAX || len + 1 + ARGV_STRING_MAX + 2 > BLOB_MAX) {
			*ITEM_AT(r, start, at) = ARGV_MORE;
			len++;
			break;
		}
		n = bpf_probe_read_user_str(ITEM_AT(r, start, at + 1), size, (const void *)ptr);
		if (n <= 0) {
			*ITEM_AT(r, start, at) = ARGV_POINTER;
			bpf_probe_read_kernel(ITEM_AT(r, start, at + 1), sizeof(ptr), &ptr);
			len = forget(r, len + ARGV_MARK_SIZE);
			continue;
		}
		n -= 1; /* without its NUL */
		tag = ARGV_STRING;
		if (n > cap) {
			n = cap;
			tag = ARGV_STRING_CUT;
		}
		*ITEM_AT(r, start, at) = tag;
		*ITEM_AT(r, start, at + 1 + n) = 0;
		len = forget(r, len + 1 + n + 1);
		if (len > BLOB_MAX)
			break;
	}
	return len;
}

/* How many pointers an array (envp) holds before its NULL, up to ENVP_MAX, with
 * ENVP_UNTERMINATED if it ran into unreadable memory first. Global, as argv_item. */
__noinline int count_pointers(__u64 array, int ptr32)
{
	__u32 k, step = ptr32 ? 4 : 8;

	for (k = 0; k < ENVP_MAX; k++) {
		__u64 ptr = 0;

		if (bpf_probe_read_user(&ptr, sizeof(ptr), (const void *)(array + k * step)))
			return k | ENVP_UNTERMINATED;
		if (ptr32)
			ptr = (__u32)ptr;
		if (!ptr)
			break;
	}
	return k;
}

/* execve and execveat: argv as strings and envp as a count, read at entry from the old image;
 * with capture_envp envp's strings too, as argv's, and its count as an ITEM_COUNT. Kept out
 * of read_blobs' loop so that the verifier walks their loops once. */
static __always_inline void read_exec_args(struct record *r, __u8 how)
{
	__u8 argv = how & ARGV_ARG_MASK;
	int ptr32 = (how & ARGV_32BIT) != 0;
	__u32 count;
	long start;
	int len;

	if (argv > 4)
		return;
	start = next_item(r);
	if (start < 0)
		return;
	len = argv_item(r->e.args[argv], argv_limit, ptr32, start);
	if (len >= 0)
		add_item(r, ITEM_BLOB, argv, len, false, false);
	start = next_item(r);
	if (start < 0)
		return;
	count = count_pointers(r->e.args[argv + 1], ptr32);
	if (capture_envp) {
		len = argv_item(r->e.args[argv + 1], argv_limit, ptr32, start);
		if (len >= 0) /* unreadable from its start: the count alone */
			add_item(r, ITEM_BLOB, argv + 1, len, false, false);
		start = next_item(r);
		if (start < 0)
			return;
		__builtin_memcpy(ITEM_AT(r, start, 0), &count, sizeof(count));
		add_item(r, ITEM_COUNT, argv + 1, sizeof(count), false, false);
		return;
	}
	__builtin_memcpy(ITEM_AT(r, start, 0), &count, sizeof(count));
	add_item(r, ITEM_BLOB, argv + 1, sizeof(count), false, false);
}

/* An iovec array (readv, writev; a msghdr's) written into the per-CPU record at x in the
 * item at start: struct iov_head, then per element kept its struct iov_item and data, each
 * cut at cap bytes and at most budget bytes in all (at exit, what the call returned; -1 at
 * entry). Returns the new x. A global function, verified once, so its arguments are scalars
 * and few: where packs start << 12 | x, and cap_compat is cap | 1 << 31 for a 32-bit call. */
__noinline int iovec_item(__u64 iov, __u64 count, long budget, __u32 cap_compat, __u32 where)
{
	struct iov_head head = { .count = count > 0xffffffff ? 0xffffffff : count };
	struct record *r = record_buffer();
	__u32 start = where >> 12, x = where & (ITEM_MAX - 1), at = x + sizeof(head);
	__u32 cap = cap_compat & 0x7fffffff, size = cap_compat >> 31 ? 8 : 16;

	if (!r)
		return x;
	for (__u32 k = 0; k < IOV_KEPT && k < count; k++) {
		struct iov_item item = {};
		__u64 raw[2] = {}, want, filled;

		/* struct iovec: two longs, or two 32-bit words for a 32-bit call. */
		if (bpf_probe_read_user(raw, size, (const void *)(iov + k * size))) {
			head.unread = 1;
			break;
		}
		item.base = size == 8 ? (__u32)raw[0] : raw[0];
		item.len = size == 8 ? raw[0] >> 32 : raw[1];
		/* The bytes the call read or filled of this element, and those kept of them. */
		filled = budget >= 0 && item.len > (__u64)budget ? budget : item.len;
		want = filled < cap ? filled : cap;
		/* What is left of the budget and what to keep go through memory, as at does:
		 * the paths that computed them then meet in one state. */
		if (budget >= 0) {
			*(volatile __s64 *)&r->budget = budget - filled;
			budget = *(volatile __s64 *)&r->budget;
		}
		want = forget(r, want);
		if (want > ITEM_MAX || at + sizeof(item) + want > ITEM_MAX)
			break;
		if (want && bpf_probe_read_user(ITEM_AT(r, start, at + sizeof(item)), want,
						(const void *)item.base)) {
			want = 0;
			item.unread = 1;
		}
		item.kept = want;
		bpf_probe_read_kernel(ITEM_AT(r, start, at), sizeof(item), &item);
		at = forget(r, at + sizeof(item) + want);
		if (at > ITEM_MAX)
			break;
		head.kept++;
	}
	bpf_probe_read_kernel(ITEM_AT(r, start, x), sizeof(head), &head);
	return at;
}

/* The 64-bit struct user_msghdr (include/linux/socket.h): 56 bytes. */
struct user_msghdr64 {
	__u64 name;
	__u32 namelen;
	__u32 __pad;
	__u64 iov;
	__u64 iovlen;
	__u64 control;
	__u64 controllen;
	__u32 flags;
	__u32 __pad2;
};
#define SOCKADDR_MAX 128

/* A msghdr's control messages at x in the item at start: struct control_head, then the
 * bytes kept. The whole of what strace reads must be readable (its last byte is tried), else
 * strace shows the pointer. Returns the new x. */
static __always_inline __u32 control_item(struct record *r, __u32 start, __u32 x, __u64 control,
					  __u64 controllen)
{
	struct control_head head = {};
	__u64 len = controllen < control_limit ? controllen : control_limit;
	__u8 last;

	if (control && len >= 16 && len <= 0xffffffff &&
	    !bpf_probe_read_user(&last, sizeof(last), (const void *)(control + len - 1))) {
		head.kept = len < CONTROL_KEPT ? len : CONTROL_KEPT;
		if (bpf_probe_read_user(ITEM_AT(r, start, x + sizeof(head)),
					head.kept & (CONTROL_KEPT * 2 - 1), (const void *)control))
			head.kept = 0;
		else
			head.len = len;
	}
	__builtin_memcpy(ITEM_AT(r, start, x), &head, sizeof(head));
	return x + sizeof(head) + (head.kept & (CONTROL_KEPT * 2 - 1));
}

/* sendmsg (entry) and recvmsg (exit) as the item at start: the struct user_msghdr at msg,
 * the u32 length of the name kept, the name, its control messages as control_item writes
 * them, and its iovec as iovec_item writes it, from offset x in the item: where packs
 * start << 12 | x. Returns where it ends in the item, 0 if msg is unreadable. Global, as
 * iovec_item. */
__noinline int msghdr_item(__u64 msg_ptr, __u32 cap, long budget, __u32 where)
{
	struct record *r = record_buffer();
	struct user_msghdr64 *msg; /* read where it is kept: the stack of mmsghdr_item's calls
				    * has no room for it */
	__u32 start = where >> 12, x = where & (ITEM_MAX - 1), name = 0;

	if (!r)
		return 0;
	msg = (struct user_msghdr64 *)ITEM_AT(r, start, x);
	if (bpf_probe_read_user(msg, sizeof(*msg), (const void *)msg_ptr))
		return 0;
	if (msg->name && msg->namelen) {
		name = msg->namelen < SOCKADDR_MAX ? msg->namelen : SOCKADDR_MAX;
		if (bpf_probe_read_user(ITEM_AT(r, start, x + sizeof(*msg) + 4),
					name & (SOCKADDR_MAX * 2 - 1), (const void *)msg->name)) {
			/* recvmsg's msg_namelen may have grown past the room it gave: what is
			 * left of the page, where that room may end. */
			__u32 rest = 4096 - (msg->name & 4095);

			name = rest < name ? rest : 0;
			if (name && bpf_probe_read_user(ITEM_AT(r, start, x + sizeof(*msg) + 4),
							name & (SOCKADDR_MAX * 2 - 1),
							(const void *)msg->name))
				name = 0;
		}
	}
	__builtin_memcpy(ITEM_AT(r, start, x + sizeof(*msg)), &name, sizeof(name));
	x = control_item(r, start, x + sizeof(*msg) + 4 + (name & (SOCKADDR_MAX * 2 - 1)),
			 msg->control, msg->controllen);
	return iovec_item(msg->iov, msg->iovlen, budget, cap & 0x7fffffff,
			  (start & (ITEMS_START_MAX - 1)) << 12 | (x & (ITEM_MAX - 1)));
}

/* The most a msghdr takes before its iovec: the struct, the name and its length, the
 * control messages and their head, the iovec's head. */
#define MSGHDR_ROOM (sizeof(struct user_msghdr64) + 4 + SOCKADDR_MAX + \
		     sizeof(struct control_head) + CONTROL_KEPT + sizeof(struct iov_head))

/* sendmmsg's and recvmmsg's array at exit as the item at start (ELEM_MMSG): struct
 * mmsg_head, then per element its struct mmsg_item and its msghdr, while one fits. recv:
 * each element's data is no more than its msg_len. Returns the item's length. */
__noinline int mmsghdr_item(__u64 vec, __u64 vlen, __u32 cap, __u32 start, __u32 recv)
{
	/* Written straight into the record: the stack of this chain of calls (blob_item,
	 * msghdr_item, iovec_item) has no room to spare. */
	struct record *r = record_buffer();
	__u32 x = sizeof(struct mmsg_head), kept = 0;
	struct mmsg_item *item;

	if (!r)
		return 0;
	for (__u32 k = 0; k < MMSG_KEPT && k < vlen; k++) {
		__u64 elem = vec + k * 64; /* struct mmsghdr: the msghdr, msg_len, padding */
		int end;

		if (x + sizeof(*item) + MSGHDR_ROOM > ITEM_MAX)
			break;
		item = (struct mmsg_item *)ITEM_AT(r, start, x);
		if (bpf_probe_read_user(&item->msg_len, sizeof(item->msg_len),
					(const void *)(elem + sizeof(struct user_msghdr64))))
			break;
		end = msghdr_item(elem, cap, recv ? (long)item->msg_len : -1,
				  (start & (ITEMS_START_MAX - 1)) << 12 | (x + sizeof(*item)));
		if (end <= 0 || end > ITEM_MAX || end < x + sizeof(*item))
			break;
		item = (struct mmsg_item *)ITEM_AT(r, start, x);
		item->size = end - x - sizeof(*item);
		x = end;
		kept++;
	}
	((struct mmsg_head *)ITEM_AT(r, start, 0))->count = vlen > 0xffffffff ? 0xffffffff : vlen;
	((struct mmsg_head *)ITEM_AT(r, start, 0))->kept = kept;
	return x;
}

/* Appends how many struct linux_dirent64 records the len bytes at buf hold as an ITEM_COUNT
 * for arg (getdents64's result, larger than its blob): each record's d_reclen, at offset 16,
 * read from user memory. Nothing if a record cannot be read or there are more than
 * DIRENTS_MAX. */
__noinline int dirents_item(__u64 buf, long len, __u32 arg)
{
	struct record *r = record_buffer();
	__u32 entries = 0;
	long start, at = 0;

	if (!r || len <= 0)
		return 0;
	start = next_item(r);
	if (start < 0)
		return 0;
	for (__u32 i = 0; i < DIRENTS_MAX && at < len; i++) {
		__u16 reclen = 0;

		if (at + 18 > len ||
		    bpf_probe_read_user(&reclen, sizeof(reclen), (const void *)(buf + at + 16)) ||
		    reclen == 0)
			return 0;
		at += reclen;
		entries++;
	}
	if (at != len)
		return 0;
	__builtin_memcpy(ITEM_AT(r, start, 0), &entries, sizeof(entries));
	add_item(r, ITEM_COUNT, arg & 7, sizeof(entries), false, true);
	return 0;
}

/* Reads the want bytes at addr to x in the item at start, or, where they run past readable
 * memory, those to the end of its page, whole elements of elem bytes. Returns the bytes read. */
static __always_inline __u32 read_elems(struct record *r, __u32 start, __u32 x, __u64 addr,
					__u32 want, __u32 elem)
{
	__u32 room = 4096 - (addr & 4095);

	if (!addr || !want || x + want > ITEM_MAX)
		return 0;
	barrier_var(want);
	if (!bpf_probe_read_user(ITEM_AT(r, start, x), want & (ITEM_MAX - 1), (const void *)addr))
		return want;
	if (!elem || room >= want)
		return 0;
	room -= room % elem;
	barrier_var(room);
	if (room && !bpf_probe_read_user(ITEM_AT(r, start, x), room & (ITEM_MAX - 1),
					 (const void *)addr))
		return room;
	return 0;
}

/* io_uring_register's argument as uring_layouts[op] says (ELEM_URING) as the item at start:
 * struct uring_head, the struct or array at addr (nargs: its size argument), the arrays the
 * struct points to. Returns the item's length, 0 if addr is unreadable. Global, as
 * iovec_item. */
__noinline int uring_item(__u64 addr, __u64 nargs, __u32 op, __u32 start)
{
	struct record *r = record_buffer();
	struct uring_head head = {};
	const volatile struct uring_layout *l;
	__u32 x = sizeof(head), want, size, elem;
	__u64 count;

	if (!r || op >= URING_OPS || !addr)
		return 0;
	l = &uring_layouts[op];
	size = l->size;
	elem = l->elem;
	if (size > 256)
		return 0;
	if (l->whole) {
		/* The struct and nargs elements after it, all or nothing. */
		if (nargs > (URING_WHOLE_MAX - size) / (elem ? elem : 1))
			return 0;
		want = size + elem * (__u32)nargs;
		if (want > URING_WHOLE_MAX)
			return 0;
		barrier_var(want);
		if (bpf_probe_read_user(ITEM_AT(r, start, x), want & (ITEM_MAX - 1), (const void *)addr))
			return 0;
		head.len[0] = want;
		x += want;
	} else if (!size) {
		/* An array of nargs elements. */
		count = nargs < URING_KEPT ? nargs : URING_KEPT;
		head.len[0] = read_elems(r, start, x, addr, count * elem, elem);
		x += head.len[0] & (ITEM_MAX - 1);
	} else {
		/* The struct, the bytes after it up to nargs, and the arrays it points to. */
		__u32 tail = nargs > size ? nargs - size : 0;

		if (tail > l->tail)
			tail = l->tail;
		want = size + tail;
		barrier_var(want);
		if (want > 512 ||
		    bpf_probe_read_user(ITEM_AT(r, start, x), want & 511, (const void *)addr)) {
			want = size;
			barrier_var(want);
			if (bpf_probe_read_user(ITEM_AT(r, start, x), want & 511, (const void *)addr))
				return 0;
		}
		head.len[0] = want;
		count = nargs;
		if (l->count_off) {
			__u32 n = 0;

			bpf_probe_read_kernel(&n, sizeof(n), ITEM_AT(r, start, x + ((l->count_off - 1) & 255)));
			count = n;
		}
		if (count > URING_KEPT)
			count = URING_KEPT;
		x += want & 511;
		for (int k = 0; k < 2; k++) {
			__u8 off = l->ptr_off[k], pelem = l->ptr_elem[k];
			__u64 ptr = 0;

			if (!off)
				continue;
			bpf_probe_read_kernel(&ptr, sizeof(ptr), ITEM_AT(r, start, sizeof(head) + ((off - 1) & 255)));
			head.len[1 + k] = read_elems(r, start, x, ptr, count * pelem, pelem);
			x += head.len[1 + k] & (ITEM_MAX - 1);
		}
	}
	__builtin_memcpy(ITEM_AT(r, start, 0), &head, sizeof(head));
	return x;
}

/* The strings bpf's attr at attr (size bytes) points to for command cmd, as the item at start
 * (ELEM_BPF_STRINGS), at the call's entry or (read again) its exit. Returns the item's
 * length. Global, as iovec_item. */
__noinline int bpf_strings_item(__u64 attr, __u64 size, __u32 cmd, __u32 start, __u32 entry)
{
	struct record *r = record_buffer();
	__u32 limit = string_limit, x = 0;
	bool retry = false;

	if (!r || cmd >= BPF_CMDS)
		return 0;
	if (limit > 256)
		limit = 256;
	for (int k = 0; k < 2; k++) {
		__u32 off = bpf_strings[cmd].off[k], len = BPF_STRING_UNREAD;
		__u64 ptr = 0;
		long n;

		if (!off)
			break;
		if (off - 1 + sizeof(ptr) <= size &&
		    !bpf_probe_read_user(&ptr, sizeof(ptr), (const void *)(attr + off - 1)) && ptr) {
			n = bpf_probe_read_user_str(ITEM_AT(r, start, x + 4), (limit + 2) & 511,
						    (const void *)ptr);
			if (n > 0)
				len = n - 1;
			else if (entry)
				retry = true;
		}
		__builtin_memcpy(ITEM_AT(r, start, x), &len, sizeof(len));
		x += 4 + (len == BPF_STRING_UNREAD ? 0 : len & 511);
		if (x > 1024)
			break;
	}
	/* A string in a page not faulted in yet: all of them again at exit, none now. */
	if (retry) {
		r->unread = 1;
		return 0;
	}
	return x;
}

/* struct iocb of linux/aio_abi.h (64 bytes), the fields read here. */
struct aio_iocb {
	__u64 data;
	__u32 key;
	__u32 rw_flags;
	__u16 lio_opcode;
	__s16 reqprio;
	__u32 fildes;
	__u64 buf;
	__u64 nbytes;
	__s64 offset;
	__u64 reserved2;
	__u32 flags;
	__u32 resfd;
};
#define IOCB_CMD_PWRITE 1 /* enum of linux/aio_abi.h */
#define IOCB_CMD_PREADV 7
#define IOCB_CMD_PWRITEV 8

/* io_submit's array of pointers to struct iocb (ELEM_IOCBS), slot b of nr's capture plan
 * (which packs them as blob_item's does), as the next item: struct iocbs_head, then per
 * element its struct iocb_item, its struct and what its buffer holds, a PWRITE's data cut at
 * the slot's size and a vector's iovec (a PWRITEV's data likewise). Nothing when the first
 * pointer is unreadable. */
static __always_inline int iocbs_item(__u32 which)
{
	const volatile struct capture_slot *slot =
		&capture_plan[0][(which >> 4) & (MAX_SYSCALLS - 1)][which & (MAX_BLOBS - 1)];
	struct record *r = record_buffer();
	__u64 array, nr;
	__u32 cap = slot->size;
	long start;
	/* Written where they are kept: the stack of this chain of calls (sys_enter, blob_item,
	 * this, iovec_item) has no room for them. */
	struct iocbs_head *head;
	struct iocb_item *item;
	struct aio_iocb *cb;
	__u32 x = sizeof(*head);

	if (!r || slot->arg >= 6 || slot->size_arg >= 6)
		return 0;
	start = next_item(r);
	if (start < 0)
		return 0;
	array = arg_value(r, slot->arg);
	nr = arg_value(r, slot->size_arg);
	head = (struct iocbs_head *)ITEM_AT(r, start, 0);
	head->count = nr > 0xffffffff ? 0xffffffff : nr;
	head->kept = 0;
	head->unread = 0;
	head->__pad = 0;
	for (__u32 k = 0; k < IOCBS_KEPT && k < nr; k++) {
		__u32 at = x + sizeof(*item);
		__u64 want, ptr = 0;

		if (at + sizeof(*cb) > ITEM_MAX)
			break;
		if (bpf_probe_read_user(&ptr, sizeof(ptr), (const void *)(array + k * 8))) {
			head->unread = 1;
			break;
		}
		item = (struct iocb_item *)ITEM_AT(r, start, x);
		item->ptr = ptr;
		item->read = 0;
		item->size = 0;
		cb = (struct aio_iocb *)ITEM_AT(r, start, at);
		if (k + 1 < IOCBS_KEPT && !bpf_probe_read_user(cb, sizeof(*cb), (const void *)ptr)) {
			item->read = IOCB_READ;
			at += sizeof(*cb);
			if (cb->lio_opcode == IOCB_CMD_PWRITE && (__s64)cb->nbytes >= 0) {
				want = cb->nbytes < cap ? cb->nbytes : cap;
				want = forget(r, want);
				if (want >= ITEM_MAX || at + want > ITEM_MAX)
					break;
				if (want && bpf_probe_read_user(ITEM_AT(r, start, at), want,
								(const void *)cb->buf)) {
					item->read |= IOCB_DATA_UNREAD;
					want = 0;
				}
				item->size = want;
			} else if ((cb->lio_opcode == IOCB_CMD_PREADV ||
				    cb->lio_opcode == IOCB_CMD_PWRITEV) && (__s64)cb->nbytes >= 0) {
				if (at + sizeof(struct iov_head) > ITEM_MAX)
					break;
				want = iovec_item(cb->buf, cb->nbytes, -1,
						  cb->lio_opcode == IOCB_CMD_PWRITEV ? cap & 0x7fffffff : 0,
						  (start & (ITEMS_START_MAX - 1)) << 12 | at);
				if (want < at || want > ITEM_MAX)
					break;
				/* iovec_item's calls leave item where it was written. */
				item = (struct iocb_item *)ITEM_AT(r, start, x);
				item->size = want - at;
			}
		}
		x = forget(r, at + item->size);
		if (x > ITEM_MAX)
			break;
		head->kept++;
	}
	if (head->kept || !head->unread)
		add_item(r, ITEM_BLOB, slot->arg, x, false, false);
	return 0;
}

/* The little-endian unsigned number of size bytes (1 to 8) at off in the item at start. */
static __always_inline __u64 item_number(struct record *r, long start, __u32 off, __u8 size)
{
	__u64 v = 0;

	bpf_probe_read_kernel(&v, ((size - 1) & 7) + 1, ITEM_AT(r, start, off & 255));
	return v;
}

/* ioctl's struct and what it points to (ELEM_IOC_PTRS), slot b of nr's plan (which packs them
 * as blob_item's does), at when, as the next item: struct ioc_ptrs_head, the struct, the
 * buffers of this end. Nothing for a request no layout has, or a struct whose guard cannot
 * be read. */
static __always_inline int ioc_ptrs_item(__u32 which, __u32 when)
{
	const volatile struct capture_slot *slot =
		&capture_plan[0][(which >> 4) & (MAX_SYSCALLS - 1)][which & (MAX_BLOBS - 1)];
	struct record *r = record_buffer();
	const volatile struct ioc_ptr_layout *l;
	struct ioc_ptrs_head *head;
	__u32 cmd, guard = 0, k, x = sizeof(*head), size, cap = slot->size;
	__u64 addr;
	long start;

	if (!r)
		return 0;
	cmd = (__u32)arg_value(r, 1);
	addr = arg_value(r, 2);
	for (k = 0; k < IOC_PTR_LAYOUTS; k++)
		if (ioc_ptrs[k].cmd && ioc_ptrs[k].cmd == cmd)
			break;
	if (k >= IOC_PTR_LAYOUTS || !addr)
		return 0;
	start = next_item(r);
	if (start < 0)
		return 0;
	head = (struct ioc_ptrs_head *)ITEM_AT(r, start, 0);
	__builtin_memset(head, 0, sizeof(*head));
	/* A struct told apart by its first u32 (SG_IO's interface id): the layout of that. */
	if (ioc_ptrs[k].guard) {
		if (bpf_probe_read_user(&guard, sizeof(guard), (const void *)addr))
			return 0;
		for (; k < IOC_PTR_LAYOUTS; k++)
			if (ioc_ptrs[k].cmd == cmd && ioc_ptrs[k].guard == guard)
				break;
	}
	l = &ioc_ptrs[k & (IOC_PTR_LAYOUTS - 1)];
	size = l->size;
	if (k >= IOC_PTR_LAYOUTS || size > 256 ||
	    bpf_probe_read_user(ITEM_AT(r, start, x), size & 511, (const void *)addr)) {
		if (!guard)
			return 0;
		/* The guard alone: no layout has it, or the rest is unreadable. */
		__builtin_memcpy(ITEM_AT(r, start, x), &guard, sizeof(guard));
		head->size = sizeof(guard);
		add_item(r, ITEM_BLOB, ITEM_ARG_POINTED, x + sizeof(guard), false,
			 when == CAPTURE_EXIT);
		return 0;
	}
	head->size = size;
	x += size;
	for (__u32 b = 0; b < IOC_PTR_BUFS; b++) {
		const volatile struct ioc_ptr_buf *p = &l->bufs[b];
		__u32 got = 0, most = p->max ? p->max : cap;
		__u64 ptr, len, count = 0;

		if (!p->ptr_off || p->when != when)
			continue;
		ptr = item_number(r, start, sizeof(*head) + p->ptr_off - 1, 8);
		len = item_number(r, start, sizeof(*head) + p->len_off, p->len_size);
		if (p->count_off)
			count = item_number(r, start, sizeof(*head) + p->count_off - 1, p->count_size);
		if (count) {
			int end;

			if (x + sizeof(struct iov_head) > ITEM_MAX)
				break;
			end = iovec_item(ptr, count, len, most & 0x7fffffff,
					 (start & (ITEMS_START_MAX - 1)) << 12 | x);
			if (end < x || end > ITEM_MAX)
				break;
			got = end - x;
		} else {
			__u32 want = len < most ? len : most;

			want = forget(r, want);
			if (want >= ITEM_MAX || x + want > ITEM_MAX)
				break;
			if (want && bpf_probe_read_user(ITEM_AT(r, start, x), want, (const void *)ptr)) {
				/* Its readable start: what strace reads may be less (SG_IO's data
				 * received, its length less the residue; a TEE's parameters one
				 * by one). */
				got = read_elems(r, start, x, ptr, want, 1);
				if (!got)
					got = IOC_PTR_UNREAD;
			} else {
				got = want;
			}
		}
		head = (struct ioc_ptrs_head *)ITEM_AT(r, start, 0);
		head->len[b & (IOC_PTR_BUFS - 1)] = got;
		x = forget(r, x + (got & (ITEM_MAX - 1)));
		if (x > ITEM_MAX)
			break;
	}
	add_item(r, ITEM_BLOB, ITEM_ARG_POINTED, x, false, when == CAPTURE_EXIT);
	return 0;
}

/* The slots whose structs point to more structs (ELEM_IOCBS, ELEM_IOC_PTRS), slot b of nr's
 * plan (which packs them as blob_item's does) at when. One global function, verified once,
 * that finds its arguments itself: blob_item calls it first, while which is at hand, and
 * its stack stays as it was (the chain down to mmsghdr_item's iovec_item is at the
 * verifier's 512 bytes). */
__noinline int pointee_item(__u32 which, __u32 when)
{
	const volatile struct capture_slot *slot =
		&capture_plan[0][(which >> 4) & (MAX_SYSCALLS - 1)][which & (MAX_BLOBS - 1)];

	if (slot->elem == ELEM_IOCBS)
		return iocbs_item(which);
	return ioc_ptrs_item(which, when);
}

/* ELEM_SOCKBUF: the family and protocol of the socket fd is, as an ITEM_SOCKET of argument 0;
 * the family, or 0 when fd is not a socket. */
static __always_inline __u32 socket_item(struct record *r, int fd)
{
	struct file *file = fd_file(bpf_get_current_task_btf(), fd);
	struct socket_item item = {};
	struct socket *sock;
	struct sock *sk;
	long start;

	if (!file || BPF_CORE_READ(file, f_inode, i_sb, s_magic) != SOCKFS_MAGIC)
		return 0;
	sock = BPF_CORE_READ(file, private_data);
	sk = BPF_CORE_READ(sock, sk);
	if (!sk)
		return 0;
	item.family = BPF_CORE_READ(sk, __sk_common.skc_family);
	item.protocol = BPF_CORE_READ(sk, sk_protocol);
	start = next_item(r);
	if (start < 0)
		return 0;
	__builtin_memcpy(ITEM_AT(r, start, 0), &item, sizeof(item));
	add_item(r, ITEM_SOCKET, 0, sizeof(item), false, false);
	return item.family;
}

/* Copies blob b of nr's capture plan as the next item if it is due now (when: CAPTURE_ENTRY
 * or CAPTURE_EXIT). ret is the return value at exit. which packs compat << 16 | nr << 4 | b. */
__noinline int blob_item(__u32 which, __u32 when, long ret)
{
	struct record *r = record_buffer();
	__u32 nr = (which >> 4) & (MAX_SYSCALLS - 1), b = which & (MAX_BLOBS - 1);
	bool compat = which >> 16;
	const volatile struct capture_slot *slot = &capture_plan[compat][nr][b];
	__u32 cap = slot->size;
	__u8 flags = slot->flags, arg = slot->arg, size_arg = slot->size_arg;
	long start;
	__u64 want;

	/* First, while which is at hand: later it would take a slot of the stack. */
	if ((slot->elem == ELEM_IOCBS || slot->elem == ELEM_IOC_PTRS) && !(flags & CAPTURE_COUNT))
		return (flags & when) && !compat ? pointee_item(which, when) : 0;
	if (!r || !(flags & when) || arg >= 6 || size_arg >= 6)
		return 0;
	if (slot->cmds) {
		/* The command is a C int (fcntl's cmd): its low 32 bits, as the kernel reads it. */
		__u32 cmd_arg = plan_of(nr, compat)->cmd_arg, cmd;

		if (cmd_arg == 0 || cmd_arg > 6)
			return 0;
		cmd = (__u32)arg_value(r, cmd_arg - 1) - ((__u32)plan_of(nr, compat)->cmd_base << 12);
		if (cmd >= 64 || !(slot->cmds & (1ull << cmd)))
			return 0;
	}
	/* A netlink socket's messages whole, sendmsg's and recvmsg's iovecs' alike. */
	if ((slot->elem == ELEM_SOCKBUF ||
	     ((flags & CAPTURE_MSGHDR) && slot->elem != ELEM_MMSG && slot->elem != ELEM_MMSG_RECV)) &&
	    socket_item(r, (int)arg_value(r, 0)) == AF_NETLINK_FAMILY)
		cap = BLOB_MAX;
	start = next_item(r);
	if (start < 0)
		return 0;
	/* A failed call filled nothing: its buffers are shown as pointers, as strace does; an
	 * iovec array still shows its elements' addresses and lengths. */
	if (when == CAPTURE_EXIT && slot->elem == ELEM_RESTARTED) {
		if (ret < -516 || ret > -512)
			return 0;
	} else if (when == CAPTURE_EXIT && ret < 0 && !(flags & CAPTURE_IOVEC) &&
		   slot->elem != ELEM_MMSG &&
		   /* a counted array's elem is its elements' size: epoll_event's is 12 */
		   (slot->elem != ELEM_ANY_RESULT || (flags & CAPTURE_COUNT))) {
		return 0;
	}
	if ((flags & CAPTURE_MSGHDR) && (slot->elem == ELEM_MMSG || slot->elem == ELEM_MMSG_RECV)) {
		bool recv = slot->elem == ELEM_MMSG_RECV;

		want = compat ? 0 : mmsghdr_item(arg_value(r, arg),
						 recv ? ret : arg_value(r, size_arg), cap, start, recv);
		if (want)
			add_item(r, ITEM_BLOB, arg, want, false, true);
		return 0;
	}
	if (slot->elem == ELEM_BPF_STRINGS) {
		want = compat ? 0 : bpf_strings_item(arg_value(r, arg), arg_value(r, arg + 1 < 6 ? arg + 1 : 5),
						     (__u32)arg_value(r, size_arg), start,
						     when == CAPTURE_ENTRY);
		if (want)
			add_item(r, ITEM_BLOB, ITEM_ARG_POINTED, want, false, false);
		return 0;
	}
	if (slot->elem == ELEM_URING) {
		/* nr_args is a C unsigned int: its low 32 bits, as the kernel reads it. */
		want = compat ? 0 : uring_item(arg_value(r, arg), (__u32)arg_value(r, 3),
					       (__u32)arg_value(r, size_arg), start);
		if (want)
			add_item(r, ITEM_BLOB, arg, want, false, when == CAPTURE_EXIT);
		return 0;
	}
	if (flags & CAPTURE_MSGHDR) {
		want = compat ? 0 : msghdr_item(arg_value(r, arg), cap, when == CAPTURE_EXIT ? ret : -1,
						(start & (ITEMS_START_MAX - 1)) << 12);
		if (want)
			add_item(r, ITEM_BLOB, arg, want, false, when == CAPTURE_EXIT);
		return 0;
	}
	if (flags & CAPTURE_IOVEC) {
		want = iovec_item(arg_value(r, arg), arg_value(r, size_arg),
				  when == CAPTURE_EXIT ? (ret > 0 ? ret : 0) : -1,
				  (cap & 0x7fffffff) | (compat ? 1u << 31 : 0),
				  (start & (ITEMS_START_MAX - 1)) << 12);
		add_item(r, ITEM_BLOB, arg, want, false, when == CAPTURE_EXIT);
		return 0;
	}
	if (slot->elem == ELEM_PTRACE) {
		/* The request is a long: the whole argument, as the kernel reads it. */
		__u64 req = arg_value(r, 0), k;
		const volatile struct ptrace_read *p;

		if (req < 64)
			k = req;
		else if (req - PTRACE_HIGH < 64)
			k = 64 + (req - PTRACE_HIGH);
		else
			return 0;
		/* The bound the compiler proved, kept for the verifier. */
		barrier_var(k);
		p = &ptrace_reads[when == CAPTURE_EXIT][k & (PTRACE_REQS - 1)];
		if (!p->arg || p->arg > 6)
			return 0;
		arg = p->arg - 1;
		cap = p->size;
		if (p->iovec) {
			__u64 nt = arg_value(r, 2);

			cap = cap ? ptrace_regsets[nt < PTRACE_REGSETS ? nt : 0] : 0;
			want = iovec_item(arg_value(r, arg), 1, -1, cap & 0x7fffffff,
					  (start & (ITEMS_START_MAX - 1)) << 12);
			add_item(r, ITEM_BLOB, arg, want, false, when == CAPTURE_EXIT);
			return 0;
		}
		if (p->size_arg)
			want = arg_value(r, p->size_arg - 1);
		else if (p->ret_elem)
			want = (ret > 0 && ret <= BLOB_MAX ? ret : 0) * p->ret_elem;
		else
			want = cap;
	} else if (flags & CAPTURE_SIZE_RET) {
		want = ret > 0 ? ret : 0;
	} else if (flags & CAPTURE_SIZE_PTR) {
		__u32 len = 0;

		if (bpf_probe_read_user(&len, sizeof(len), (const void *)arg_value(r, size_arg)))
			return 0;
		want = len;
	} else if (flags & CAPTURE_COUNT) {
		want = arg_value(r, size_arg) * slot->elem;
	} else if ((flags & CAPTURE_SIZE_ARG) && slot->elem == ELEM_FD_SET) {
		/* select's nfds: the longs of each fd_set that hold fds 0 to nfds - 1. */
		want = (((__u32)arg_value(r, size_arg) + 63) / 64) * 8;
	} else if ((flags & CAPTURE_SIZE_ARG) && slot->elem == ELEM_IOC) {
		/* The request's direction says when, its size how much (asm-generic/ioctl.h). */
		__u32 req = (__u32)arg_value(r, size_arg);
		__u32 top = req >> 16;
		__u8 row = ioc_plain_row[(req >> 8) & 0xff];

		if (row) {
			/* A plain number's, or a sized one's direction when the table says
			 * otherwise for its size. */
			__u16 plain = ioc_plain[(row - 1) & (IOC_PLAIN_TYPES - 1)][req & 0xff];

			if (!top || (plain && (plain & 0x3fff) == (top & 0x3fff)))
				top = plain;
		}
		if (!((top >> 14) & (when == CAPTURE_ENTRY ? 1 : 2)))
			return 0;
		want = top & 0x3fff;
		if (!want)
			return 0;
	} else if (flags & CAPTURE_SIZE_ARG) {
		want = arg_value(r, size_arg);
	} else {
		want = cap;
	}
	if (slot->elem == ELEM_CLONE_OUT) {
		/* The flags and the pidfd, child_tid and parent_tid pointers, then the ints the
		 * call wrote at two of them (include/uapi/linux/sched.h). */
		__u64 head[4];
		__s32 wrote[2] = {-1, -1};

		if (ret <= 0 || bpf_probe_read_user(head, sizeof(head), (const void *)arg_value(r, arg)))
			return 0;
		if (head[0] & CLONE_PIDFD)
			bpf_probe_read_user(&wrote[0], sizeof(wrote[0]), (const void *)head[1]);
		if (head[0] & CLONE_PARENT_SETTID)
			bpf_probe_read_user(&wrote[1], sizeof(wrote[1]), (const void *)head[3]);
		__builtin_memcpy(ITEM_AT(r, start, 0), wrote, sizeof(wrote));
		add_item(r, ITEM_BLOB, arg, sizeof(wrote), false, true);
		return 0;
	}
	if (slot->elem == ELEM_SIGMASK && !(flags & CAPTURE_SIZE_ARG)) {
		/* pselect6's sigmask: its struct (the set's address and size), then the 8-byte
		 * set when the size is that and it could be read. */
		__u64 sig[3];
		__u32 len = 16;

		if (!arg_value(r, arg) ||
		    bpf_probe_read_user(sig, 16, (const void *)arg_value(r, arg)))
			return 0;
		if (sig[0] && sig[1] == 8 && !bpf_probe_read_user(&sig[2], 8, (const void *)sig[0]))
			len = 24;
		__builtin_memcpy(ITEM_AT(r, start, 0), sig, sizeof(sig));
		add_item(r, ITEM_BLOB, arg, len, false, when == CAPTURE_EXIT);
		return 0;
	}
	if (compat && (flags & (CAPTURE_COUNT | CAPTURE_SIZE_ARG)))
		want = (__u32)want;
	if (want > cap) {
		want = cap;
		r->t.truncated |= STRING_TRUNCATED(r->t.count & (MAX_ITEMS - 1));
	}
	if (want > ITEM_MAX)
		return 0;
	/* Keep the bound in the code the verifier sees: the compiler drops it after the test
	 * above, and the verifier needs it to bound the copy. */
	barrier_var(want);
	if (want && bpf_probe_read_user(ITEM_AT(r, start, 0), want & (2 * ITEM_MAX - 1),
					(const void *)(arg_value(r, arg) +
						       (slot->elem == ELEM_SIGFRAME ?
								SIGFRAME_MASK_OFFSET : 0)))) {
		__u64 at = arg_value(r, arg);
		__u64 room = PAGE_PREFIX_SIZE - (at & (PAGE_PREFIX_SIZE - 1));

		/* The readable start of a value that runs past its memory (an ioctl's struct
		 * whose head is all the call reads: KDGKBSENT's key), or of an array (poll's
		 * fds, whose elem is their size, not an ELEM_*): strace shows the elements it
		 * could read. */
		if (((flags & CAPTURE_COUNT) || slot->elem == ELEM_PAGE_PREFIX ||
		     slot->elem == ELEM_IOC || slot->elem == ELEM_SOCKBUF) && room < want &&
		    !bpf_probe_read_user(ITEM_AT(r, start, 0), room & (2 * ITEM_MAX - 1),
					 (const void *)at)) {
			r->t.truncated |= STRING_TRUNCATED(r->t.count & (MAX_ITEMS - 1));
			add_item(r, ITEM_BLOB, arg, room, false, when == CAPTURE_EXIT);
			return 0;
		}
		/* Unreadable: shown as the pointer, as strace does. At entry that may be a page
		 * not yet faulted in, which the call itself brings in: read it again at exit. */
		if (when == CAPTURE_ENTRY && at)
			r->unread = 1;
		return 0;
	}
	add_item(r, ITEM_BLOB, arg, want, false, when == CAPTURE_EXIT);
	if (slot->elem == ELEM_DIRENTS && ret > want)
		dirents_item(arg_value(r, arg), ret, arg);
	return 0;
}

/* The blobs of nr's capture plan that are due now, after the items already there. */
static __always_inline void read_blobs(long nr, bool compat, __u8 when, long ret)
{
	__u32 used;

	if ((unsigned long)nr >= MAX_SYSCALLS)
		return;
	used = plan_of(nr, compat)->blobs;
	for (__u32 b = 0; b < MAX_BLOBS && b < used; b++)
		blob_item((compat ? 1u << 16 : 0) | (__u32)nr << 4 | b, when, ret);
}

#endif /* OBSERVER_CAPTURE_BPF_H */
