// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// One record per syscall into a BPF ring buffer, filtered in the kernel.
//
// Two recording modes, chosen before load (capture_exit):
//  - entry only (the default log): sys_enter alone writes the record. exit/exit_group and
//    execve appear exactly once because each has exactly one entry.
//  - entry + exit (full records): sys_enter keeps the arguments and start time in task
//    storage, sys_exit writes one record with the return value and duration. Syscalls
//    that never return (exit, exit_group) are written at entry. A successful execve exits in
//    the new image; task storage belongs to the task_struct, which survives exec (even
//    de_thread's pid change), so its record is completed there. Path and name arguments
//    (string_args) are copied at entry, before the syscall can change them, and follow the
//    event as a struct string_tail; the record is built in task storage and copied out.
//  - summary (count_stats): sys_exit adds to a per-CPU array of per-syscall totals; with
//    emit_records off nothing else is written, so summary mode moves no per-event data.
//    sched_switch, attached in this mode only, adds up the time a thread with a syscall in
//    flight spends off its CPU, so that a call's CPU time is its wall time minus that
//    (strace -c's system time; -w keeps the wall time). With count_latency, each call's wall
//    time also goes into its syscall's log2 histogram (-c --latency).
//
// Records never wake the consumer (BPF_RB_NO_WAKEUP): a wakeup costs microseconds per event,
// and even asking whether one is due (bpf_ringbuf_query) measurably slows every record. The
// consumer drains on a 10 ms timer instead; the 16 MiB default ring holds 50 ms at 3 M
// records/s, and whatever does not fit is counted in lost_events.
//
// Minimum kernel: 5.11 (tp_btf 5.5, ring buffer 5.8, task storage for tracing 5.11).
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_tracing.h>
#include "syscalls.bpf.h"
#include "syscalls.h"

char LICENSE[] SEC("license") = "Dual MIT/GPL";

/* Configuration, set by user space before load; the verifier prunes disabled paths. */
const volatile __u32 filter_self_tgid = 0;
const volatile __u8 filter_tgids = 0;
const volatile __u8 filter_syscalls = 0;
const volatile __u64 filter_syscall_bits[SYSCALL_WORDS] = {};
const volatile __u64 filter_syscall_bits_compat[SYSCALL_WORDS] = {}; /* i386 numbers */
const volatile __u8 capture_exit = 0;
const volatile __u8 capture_time = 0;
const volatile __u8 emit_records = 1;     /* write records to the ring */
const volatile __u8 compact_records = 0;  /* entry records as struct log_event (the log) */
const volatile __u8 count_stats = 0;      /* add to the stats map (-c) */
const volatile __u8 count_latency = 0;    /* and to the latency map (-c --latency) */
const volatile __u8 filter_failed = 0;    /* only syscalls that returned an error (-Z) */
const volatile __u8 filter_successful = 0; /* only the others (-e status=successful) */
const volatile __u8 emit_exits = 0;       /* a record when a traced process ends */
const volatile __u32 string_limit = 0;    /* bytes per string argument, 0 = no strings */
/* --cgroup/--unit/--container: only tasks in the cgroup v2 directory of this id (its inode)
 * or below it, i.e. whose ancestor at filter_cgroup_level is that cgroup. */
const volatile __u64 filter_cgroup_id = 0;
const volatile __u32 filter_cgroup_level = 0;
/* The tracer's pid namespace when it is not the initial one (dev and inode of
 * /proc/self/ns/pid): pids are then taken, filtered and recorded as that namespace sees them,
 * the numbers user space knows. 0: the initial namespace, where nothing is translated. */
const volatile __u64 pidns_dev = 0;
const volatile __u64 pidns_ino = 0;
/* -u/--uid: only tasks whose real or effective uid is filter_uid_value. */
const volatile __u8 filter_uid = 0;
const volatile __u32 filter_uid_value = 0;
const volatile __u8 string_args[MAX_SYSCALLS] = {}; /* bit i: argument i is a string */
const volatile __u8 capture_blobs = 0;    /* capture_plan is in use */
const volatile __u32 argv_limit = 0;      /* bytes kept of each execve argv string */
const volatile struct capture_slot capture_plan[MAX_SYSCALLS][MAX_BLOBS] = {};

/* -P: only syscalls whose path argument is one of filter_path (as the program wrote it), or
 * whose fd argument was opened on one (path_fds). Needs bpf_strncmp (v5.17, commit
 * c5fb19937455), as -n needs bpf_loop. */
const volatile __u8 filter_paths = 0;             /* how many of filter_path are set */
const volatile char filter_path[MAX_PATHS][NAME_LEN] = {};
const volatile __u16 path_roles[MAX_SYSCALLS] = {}; /* enum path_role, and path argument bits */

/* Counters read by user space through the mmap'ed .bss. */
__u64 lost_events = 0;     /* records dropped because the ring was full */
__u64 untraced_forks = 0;  /* children not followed because the traced map was full */
__s64 traced_alive = 0;    /* processes in the traced map, counting user-space inserts */

/* Bytes of the items area: strings start below MAX_STRINGS * STRING_MAX, each blob below
 * that plus its predecessors, and the verifier bounds every copy by mask + maximum length. */
#define ITEMS_MASK (2 * MAX_STRINGS * STRING_MAX - 1)
#define ITEMS_SPACE (ITEMS_MASK + 1 + BLOB_MAX)

/* The record under construction between sys_enter and sys_exit, laid out as it is sent. */
struct pending {
	struct event e;
	struct string_tail t;
	char data[ITEMS_SPACE];
	__u32 active;
	__u32 unread; /* a string could not be read at entry (page not yet faulted in) */
	__u32 used;   /* bytes of data taken by the items so far */
	__u32 compat; /* a 32-bit call: EVENT_COMPAT */
	__u64 off_cpu_ns;    /* summary mode: time off the CPU since entry (sched_switch) */
	__u64 off_cpu_since; /* when it last left the CPU with the call in flight; 0 = on it */
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 16 << 20);
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_TRACED);
	__type(key, __u32);   /* tgid */
	__type(value, __u32); /* enum traced_reason */
} traced SEC(".maps");

/* In a pid namespace: children of traced processes, by their initial-namespace tgid, until
 * their first syscall tells their pid in the namespace (sched_process_fork runs in the
 * parent, and the helper that translates pids knows only the current task's). */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_TRACED);
	__type(key, __u32);   /* tgid in the initial namespace */
	__type(value, __u32); /* enum traced_reason */
} forked SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_NAMES);
	__type(key, char[NAME_LEN]); /* program name, zero padded */
	__type(value, __u8);
} comms SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct pending);
} pending SEC(".maps");

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

/* -P: threads in a selected call that returns an fd (open, dup), from entry to exit. */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, MAX_PATH_FDS);
	__type(key, __u32); /* tid */
	__type(value, __u8);
} path_opening SEC(".maps");

struct name_scratch {
	char path[NAME_LEN];
	char key[NAME_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct name_scratch);
} scratch SEC(".maps");

/* -s: the same names select 64-bit calls by their numbers and 32-bit ones by theirs. */
static __always_inline bool syscall_selected(long nr, bool compat)
{
	if (!filter_syscalls)
		return true;
	if ((unsigned long)nr >= MAX_SYSCALLS)
		return false;
	if (compat)
		return filter_syscall_bits_compat[(unsigned long)nr / 64] &
		       (1ULL << ((unsigned long)nr % 64));
	return filter_syscall_bits[(unsigned long)nr / 64] & (1ULL << ((unsigned long)nr % 64));
}

/* The current task's pid and tgid (bpf_get_current_pid_tgid's layout) as the tracer sees
 * them: in its pid namespace through bpf_get_ns_current_pid_tgid (v5.7, commit
 * b4490c5c4e02); false for a task outside that namespace, which the tracer cannot name. In
 * the initial namespace the test is pruned at load time and costs nothing. */
static __always_inline bool current_ids(__u64 *pid_tgid)
{
	struct bpf_pidns_info ns;

	if (!pidns_ino) {
		*pid_tgid = bpf_get_current_pid_tgid();
		return true;
	}
	if (bpf_get_ns_current_pid_tgid(pidns_dev, pidns_ino, &ns, sizeof(ns)))
		return false;
	*pid_tgid = ((__u64)ns.tgid << 32) | ns.pid;
	return true;
}

/* In a pid namespace, a child forked by a traced process is traced from its first syscall:
 * then it is moved from forked (initial-namespace tgid) to traced (the namespace's). */
static __always_inline bool adopt_forked(__u32 tgid)
{
	__u32 host = bpf_get_current_pid_tgid() >> 32;
	__u32 *reason = bpf_map_lookup_elem(&forked, &host);
	__u32 value;

	if (!reason)
		return false;
	value = *reason;
	bpf_map_update_elem(&traced, &tgid, &value, BPF_NOEXIST);
	bpf_map_delete_elem(&forked, &host);
	return true;
}

static __always_inline bool tgid_selected(__u32 tgid)
{
	if (tgid == filter_self_tgid)
		return false;
	if (!filter_tgids || bpf_map_lookup_elem(&traced, &tgid))
		return true;
	return pidns_ino && adopt_forked(tgid);
}

/* The task-level filters that are not about which process: its cgroup and its uid. Both are
 * off (and pruned by the verifier) unless asked for. The cgroup test is one helper call:
 * bpf_get_current_ancestor_cgroup_id (tracing programs since v5.8, commit 0f09abd105da). */
static __always_inline bool task_selected(void)
{
	if (filter_cgroup_id && bpf_get_current_ancestor_cgroup_id(filter_cgroup_level) !=
					filter_cgroup_id)
		return false;
	if (filter_uid) {
		struct task_struct *task = bpf_get_current_task_btf();

		if ((__u32)bpf_get_current_uid_gid() != filter_uid_value &&
		    BPF_CORE_READ(task, cred, euid.val) != filter_uid_value)
			return false;
	}
	return true;
}

static __always_inline struct event *reserve(__u64 pid_tgid, __s32 nr)
{
	struct event *e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);

	if (!e) {
		__sync_fetch_and_add(&lost_events, 1);
		return NULL;
	}
	e->tgid = pid_tgid >> 32;
	e->tid = (__u32)pid_tgid;
	e->nr = nr;
	read_comm(e->comm);
	return e;
}

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
	if (count_latency && returned) {
		__u32 bucket = latency_bucket(duration);

		h = bpf_map_lookup_elem(&latency, &key);
		if (h && bucket < LATENCY_BUCKETS)
			__sync_fetch_and_add(&h->count[bucket], 1);
	}
}

/* Copies user string *ptr to data + offset. Reads limit + 2 bytes so that a string of exactly
 * limit bytes (limit + 1 with its NUL) is told apart from a longer one. Returns its length. */
static __always_inline __u32 read_string(struct pending *p, __u32 i, __u32 offset, __u64 ptr)
{
	__u32 limit = string_limit;
	long n;

	if (limit > STRING_MAX - 2)
		limit = STRING_MAX - 2;
	n = bpf_probe_read_user_str(p->data + (offset & (STRING_MAX - 1)), limit + 2,
				    (const void *)ptr);
	if (n <= 0) {
		p->unread = 1;
		return 0;
	}
	n -= 1;
	if (n > limit) {
		n = limit;
		p->t.truncated |= STRING_TRUNCATED(i);
	}
	return n;
}

static __always_inline void read_strings(struct pending *p, long nr)
{
	__u32 offset = 0, len;
	__u8 mask;

	p->t.count = 0;
	p->t.truncated = 0;
	p->t.blob = 0;
	p->unread = 0;
	p->used = 0;
	if ((unsigned long)nr >= MAX_SYSCALLS)
		return;
	mask = string_limit ? string_args[nr] : 0;
	for (__u32 arg = 0; arg < 6 && mask; arg++) {
		if (!(mask & (1u << arg)))
			continue;
		mask &= ~(1u << arg);
		__u32 i = p->t.count;
		if (i >= MAX_STRINGS)
			break;
		len = read_string(p, i, offset, p->e.args[arg]);
		p->t.len[i] = len;
		p->t.arg[i] = arg;
		p->t.count = i + 1;
		offset += len;
	}
	p->used = offset;
}

/* An array of strings (argv) as one blob at data + offset: each string cut at cap bytes and
 * followed by its enum argv_end byte. Returns the blob's length. */
static __always_inline __u32 read_argv(struct pending *p, __u32 offset, __u64 array, __u32 cap)
{
	__u32 len = 0;

	if (cap > ARGV_STRING_MAX)
		cap = ARGV_STRING_MAX;
	for (__u32 k = 0; k < ARGV_MAX + 1; k++) {
		__u64 ptr = 0;
		__u32 at = offset + len;
		__u8 end;
		long n;

		if (bpf_probe_read_user(&ptr, sizeof(ptr), (const void *)(array + k * sizeof(ptr))) ||
		    !ptr)
			break;
		if (k == ARGV_MAX || len + ARGV_STRING_MAX + 2 > BLOB_MAX) {
			barrier_var(at);
			p->data[at & ITEMS_MASK] = ARGV_MORE;
			len++;
			break;
		}
		barrier_var(at);
		/* cap + 2 bytes tells a string of cap bytes (cap + 1 with its NUL) from a longer one. */
		n = bpf_probe_read_user_str(p->data + (at & ITEMS_MASK), cap + 2, (const void *)ptr);
		if (n <= 0)
			break;
		n -= 1; /* without the NUL, whose place takes the end byte */
		end = ARGV_END;
		if (n > cap) {
			n = cap;
			end = ARGV_CUT;
		}
		at += n;
		barrier_var(at);
		p->data[at & ITEMS_MASK] = end;
		/* The mask forgets how len was reached, so the verifier's states of one iteration
		 * are alike whichever strings came before: without it, they double per element. */
		len = (len + n + 1) & (2 * BLOB_MAX - 1);
	}
	return len;
}

/* How many pointers an array (envp) holds before its NULL, up to ENVP_MAX. */
static __always_inline __u32 count_pointers(__u64 array)
{
	__u32 k;

	for (k = 0; k < ENVP_MAX; k++) {
		__u64 ptr = 0;

		if (bpf_probe_read_user(&ptr, sizeof(ptr), (const void *)(array + k * sizeof(ptr))) ||
		    !ptr)
			break;
	}
	return k;
}

/* Copies the blobs of nr's capture plan that are due now (when: CAPTURE_ENTRY or
 * CAPTURE_EXIT) after the items already there. ret is the return value at exit. */
static __always_inline void read_blobs(struct pending *p, long nr, __u8 when, long ret)
{
	if (!capture_blobs || (unsigned long)nr >= MAX_SYSCALLS)
		return;
	for (__u32 b = 0; b < MAX_BLOBS; b++) {
		const volatile struct capture_slot *slot = &capture_plan[nr][b];
		__u32 i = p->t.count, cap = slot->size, offset = p->used;
		__u64 want;
		__u8 flags = slot->flags;

		if (!(flags & when) || i >= MAX_ITEMS || slot->arg >= 6 || offset > ITEMS_MASK)
			continue;
		if (flags & CAPTURE_SIZE_RET)
			want = ret > 0 ? ret : 0;
		else if ((flags & CAPTURE_SIZE_ARG) && slot->size_arg < 6)
			want = p->e.args[slot->size_arg];
		else
			want = cap;
		if (want > cap) {
			p->t.truncated |= STRING_TRUNCATED(i);
			want = cap;
		}
		if (want > BLOB_MAX || slot->arg >= 6 || offset > ITEMS_MASK)
			continue;
		/* Keep the mask in the code the verifier sees: the compiler drops it after the test
		 * above, and the verifier needs it to bound the copy. */
		barrier_var(offset);
		if (want && bpf_probe_read_user(p->data + (offset & ITEMS_MASK), want,
						(const void *)p->e.args[slot->arg]))
			continue; /* unreadable: shown as the pointer, as strace does */
		p->t.len[i] = want;
		p->t.arg[i] = slot->arg;
		p->t.blob |= 1u << i;
		p->t.count = i + 1;
		p->used = offset + want;
	}
}

/* Appends item i (a blob of len bytes already at data + used) for argument arg. */
static __always_inline void keep_blob(struct pending *p, __u8 arg, __u32 len)
{
	__u32 i = p->t.count;

	if (i >= MAX_ITEMS)
		return;
	p->t.len[i] = len;
	p->t.arg[i] = arg;
	p->t.blob |= 1u << i;
	p->t.count = i + 1;
	p->used += len;
}

/* execve and execveat: argv as strings and envp as a count, read at entry from the old image.
 * Kept out of read_blobs' loop so that the verifier walks their loops once. */
static __always_inline void read_exec_args(struct pending *p, long nr)
{
	__u8 argv = nr == NR_EXECVE ? 1 : 2;
	__u32 count, offset = p->used;

	if (offset > ITEMS_MASK)
		return;
	keep_blob(p, argv, read_argv(p, offset, p->e.args[argv], argv_limit));
	offset = p->used;
	if (offset > ITEMS_MASK)
		return;
	count = count_pointers(p->e.args[argv + 1]);
	barrier_var(offset);
	__builtin_memcpy(p->data + (offset & ITEMS_MASK), &count, sizeof(count));
	keep_blob(p, argv + 1, sizeof(count));
}

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

/* -P at syscall exit: the fd a selected open or dup returned is on the path too. */
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
}

SEC("tp_btf/sys_enter")
int BPF_PROG(sys_enter, struct pt_regs *regs, long id)
{
	struct pending *p;
	struct event *e;
	__u64 pid_tgid;
	bool compat;

	/* Cheapest test first. Whether the call is 32-bit is asked (a helper call) only when
	 * the syscall filter needs it before the others, else once the others have passed. */
	if (filter_syscalls) {
		compat = in_compat();
		if (!syscall_selected(id, compat))
			return 0;
	}
	if (!current_ids(&pid_tgid) || !tgid_selected(pid_tgid >> 32) || !task_selected())
		return 0;
	if (!filter_syscalls)
		compat = in_compat();
	if (filter_paths && !path_selected(regs, id, compat, pid_tgid))
		return 0;

	if (capture_exit && !never_returns(id, compat)) {
		p = bpf_task_storage_get(&pending, bpf_get_current_task_btf(), 0,
					 BPF_LOCAL_STORAGE_GET_F_CREATE);
		if (!p) {
			__sync_fetch_and_add(&lost_events, 1);
			return 0;
		}
		p->e.ts_ns = bpf_ktime_get_ns();
		p->e.nr = id;
		p->active = 1;
		p->off_cpu_ns = 0;
		p->off_cpu_since = 0;
		p->compat = compat ? EVENT_COMPAT : 0;
		if (emit_records) {
			read_args(regs, p->e.args, compat);
			/* Capture plans are by native number: 32-bit calls show their raw arguments. */
			p->t.count = 0;
			p->unread = 0;
			if ((string_limit || capture_blobs) && !compat) {
				read_strings(p, id);
				if (capture_blobs && is_exec(id))
					read_exec_args(p, id);
				else
					read_blobs(p, id, CAPTURE_ENTRY, 0);
			}
		}
		return 0;
	}

	/* Here the syscall never returns (or exit is not captured): never a failure. */
	if (filter_failed)
		return 0;
	if (count_stats)
		add_stats(id, 0, 0, 0, compat, false);
	if (!emit_records)
		return 0;
	if (compact_records) {
		/* The log's line needs no arguments and no time: a 32-byte record. */
		struct log_event *l = bpf_ringbuf_reserve(&events, sizeof(*l), 0);

		if (!l) {
			__sync_fetch_and_add(&lost_events, 1);
			return 0;
		}
		l->tgid = pid_tgid >> 32;
		l->tid = (__u32)pid_tgid;
		l->nr = id;
		l->flags = compat ? EVENT_COMPAT : 0;
		read_comm(l->comm);
		bpf_ringbuf_submit(l, BPF_RB_NO_WAKEUP);
		return 0;
	}
	e = reserve(pid_tgid, id);
	if (!e)
		return 0;
	e->ts_ns = capture_time ? bpf_ktime_get_ns() : 0;
	read_args(regs, e->args, compat);
	e->ret = 0;
	e->duration_ns = 0;
	e->flags = (capture_time ? EVENT_HAS_TIME : 0) | (compat ? EVENT_COMPAT : 0);
	bpf_ringbuf_submit(e, BPF_RB_NO_WAKEUP);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(sys_exit, struct pt_regs *regs, long ret)
{
	struct pending *p;
	__u64 duration, size;
	__u64 pid_tgid;

	if (!current_ids(&pid_tgid) || (__u32)(pid_tgid >> 32) == filter_self_tgid)
		return 0;
	if (filter_paths)
		path_exit(pid_tgid, ret);
	p = bpf_task_storage_get(&pending, bpf_get_current_task_btf(), 0, 0);
	if (!p || !p->active)
		return 0;
	p->active = 0;
	if (filter_failed && ret >= 0)
		return 0;
	if (filter_successful && ret < 0 && ret >= -4095)
		return 0;
	duration = bpf_ktime_get_ns() - p->e.ts_ns;
	if (count_stats)
		add_stats(p->e.nr, ret, duration,
			  duration > p->off_cpu_ns ? duration - p->off_cpu_ns : 0, p->compat, true);
	if (!emit_records)
		return 0;

	/* Identity at exit: a successful execve may have changed tid (de_thread) and comm. */
	p->e.tgid = pid_tgid >> 32;
	p->e.tid = (__u32)pid_tgid;
	read_comm(p->e.comm);
	p->e.ret = ret;
	p->e.duration_ns = duration;
	p->e.flags = EVENT_HAS_RET | EVENT_HAS_TIME | p->compat;
	size = sizeof(struct event);
	/* A string in a page the program had not touched yet cannot be read without sleeping;
	 * the syscall itself has faulted it in by now, so read it again (same pointer). */
	/* Entry buffers are not read again (read_strings starts the items afresh): their loops
	 * would make sys_exit too long to verify. */
	if (p->unread && !is_exec(p->e.nr) && !p->compat)
		read_strings(p, p->e.nr);
	/* A failed call filled nothing: its buffers are shown as pointers, as strace does. */
	if (ret >= 0 && !p->compat)
		read_blobs(p, p->e.nr, CAPTURE_EXIT, ret);
	if (p->t.count) {
		p->e.flags |= EVENT_HAS_STRINGS;
		size += sizeof(struct string_tail) + p->used;
	}
	if (size > __builtin_offsetof(struct pending, data) + ITEMS_SPACE)
		return 0;
	if (bpf_ringbuf_output(&events, p, size, BPF_RB_NO_WAKEUP))
		__sync_fetch_and_add(&lost_events, 1);
	return 0;
}

/* Summary mode: the time a thread with a syscall in flight spends off its CPU (blocked or
 * preempted), which is not the call's CPU time. Two task-storage lookups per context switch,
 * of threads that made a traced syscall; others have no storage. The first three arguments
 * are the same on every kernel (5.18 appended prev_state). */
SEC("tp_btf/sched_switch")
int BPF_PROG(sched_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	__u64 now = bpf_ktime_get_ns();
	struct pending *p;

	p = bpf_task_storage_get(&pending, prev, 0, 0);
	if (p && p->active)
		p->off_cpu_since = now;
	p = bpf_task_storage_get(&pending, next, 0, 0);
	if (p && p->active && p->off_cpu_since) {
		p->off_cpu_ns += now - p->off_cpu_since;
		p->off_cpu_since = 0;
	}
	return 0;
}

/* Follow forks: a new process whose parent is traced is traced from its first syscall.
 * The tracepoint runs in the parent before the child is first scheduled. */
SEC("tp_btf/sched_process_fork")
int BPF_PROG(sched_process_fork, struct task_struct *parent, struct task_struct *child)
{
	__u32 child_tgid = child->tgid;
	__u32 reason = TRACED_FORK;
	__u32 parent_tgid;
	__u64 ids;

	/* The parent is the current task: its ids as the tracer sees them. */
	if (parent->tgid == child->tgid || !current_ids(&ids))
		return 0;
	parent_tgid = ids >> 32;
	if (!bpf_map_lookup_elem(&traced, &parent_tgid))
		return 0;
	if (bpf_map_update_elem(pidns_ino ? (void *)&forked : (void *)&traced, &child_tgid, &reason,
				BPF_NOEXIST) == 0)
		__sync_fetch_and_add(&traced_alive, 1);
	else
		__sync_fetch_and_add(&untraced_forks, 1);
	return 0;
}

/* Trace by name: decided once per exec, from the full basename of the executed path, the
 * executed file's name or the new comm. A process stays traced across later execs. */
SEC("tp_btf/sched_process_exec")
int BPF_PROG(sched_process_exec, struct task_struct *task, int old_pid, struct linux_binprm *bprm)
{
	__u32 reason = TRACED_COMM;
	struct name_scratch *s;
	__u32 zero = 0, tgid;
	__u64 ids;

	if (!current_ids(&ids)) /* the task is the current one */
		return 0;
	tgid = ids >> 32;
	if (tgid == filter_self_tgid || bpf_map_lookup_elem(&traced, &tgid))
		return 0;
	s = bpf_map_lookup_elem(&scratch, &zero);
	if (!s)
		return 0;
	/* The path's basename, else the file's own name (a path past NAME_LEN bytes, fexecve),
	 * else the new comm. */
	if ((!basename_key(s->key, s->path, bprm->filename) ||
	     !bpf_map_lookup_elem(&comms, s->key)) &&
	    (!file_key(s->key, bprm) || !bpf_map_lookup_elem(&comms, s->key))) {
		comm_key(s->key);
		if (!bpf_map_lookup_elem(&comms, s->key))
			return 0;
	}
	if (bpf_map_update_elem(&traced, &tgid, &reason, BPF_NOEXIST) == 0)
		__sync_fetch_and_add(&traced_alive, 1);
	return 0;
}

/* When a traced process ends (its last thread exits): strace's "+++ exited with 0 +++". */
static __always_inline void emit_exit(struct task_struct *task, __u64 pid_tgid)
{
	struct event *e;

	if (!tgid_selected(pid_tgid >> 32) || !task_selected())
		return;
	e = reserve(pid_tgid, -1);
	if (!e)
		return;
	e->ts_ns = bpf_ktime_get_ns();
	__builtin_memset(e->args, 0, sizeof(e->args));
	e->ret = task->exit_code; /* the wait status: exit code << 8, or the signal */
	e->duration_ns = 0;
	e->flags = EVENT_PROCESS_EXIT | EVENT_HAS_TIME;
	bpf_ringbuf_submit(e, BPF_RB_NO_WAKEUP);
}

/* A signal delivered to a traced thread (strace's "--- SIGCHLD {...} ---"): runs in the
 * receiving thread when it takes the signal. The args carry the kernel_siginfo's 48 bytes. */
SEC("tp_btf/signal_deliver")
int BPF_PROG(signal_deliver, int sig, struct kernel_siginfo *info, struct k_sigaction *ka)
{
	struct event *e;
	__u64 pid_tgid;

	/* SIGKILL is never taken by a handler: the process's end says it ("+++ killed by"). */
	if (!emit_exits || !emit_records || sig == 9 || !current_ids(&pid_tgid) ||
	    !tgid_selected(pid_tgid >> 32) || !task_selected())
		return 0;
	e = reserve(pid_tgid, sig);
	if (!e)
		return 0;
	e->ts_ns = bpf_ktime_get_ns();
	if (!info || bpf_probe_read_kernel(e->args, sizeof(e->args), info))
		__builtin_memset(e->args, 0, sizeof(e->args));
	e->ret = 0;
	e->duration_ns = 0;
	e->flags = EVENT_SIGNAL | EVENT_HAS_TIME;
	bpf_ringbuf_submit(e, BPF_RB_NO_WAKEUP);
	return 0;
}

/* Forget a process when its last thread exits, so a reused pid starts untraced; and say that
 * it ended, if asked to. */
SEC("tp_btf/sched_process_exit")
int BPF_PROG(sched_process_exit, struct task_struct *task)
{
	__u32 host = task->tgid, tgid;
	__u64 ids;

	/* do_exit() decrements signal->live (group_dead = atomic_dec_and_test()) before this
	 * tracepoint on every kernel since 2.6, so it reads 0 once every thread is exiting: when
	 * the leader exits first its threads keep the process alive, and exit_group from any
	 * thread ends it when the last one gets here. Two threads exiting together may both read
	 * 0; the second delete fails, so traced_alive drops once. Since 6.16 the tracepoint also
	 * passes group_dead, but older kernels' prototype has only the task, so reading live
	 * works on both with one program. */
	if (task->signal->live.counter != 0 || !current_ids(&ids)) /* task is current */
		return 0;
	tgid = ids >> 32;
	if (emit_exits && emit_records)
		emit_exit(task, ids);
	if (filter_tgids && (bpf_map_delete_elem(&traced, &tgid) == 0 ||
			     /* a child in a pid namespace that died before its first syscall */
			     (pidns_ino && bpf_map_delete_elem(&forked, &host) == 0)))
		__sync_fetch_and_add(&traced_alive, -1);
	return 0;
}
