// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// bpf(2)'s commands and union bpf_attr, for the comparison with strace
// (test_decode_structs.py): an array map created, updated, read, walked and frozen, a map
// created with every field and unknown flags, attach and detach on no cgroup, id lookups of
// ids no object has, an attr shorter than its command's struct and one with bytes past it,
// NULL, an unknown command, a trivial socket filter program loaded, and queries, info and
// batches on objects that are not there.
#define _GNU_SOURCE
#include <linux/bpf.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static long sys_bpf(long cmd, void *attr, unsigned long size) {
	return syscall(SYS_bpf, cmd, attr, size);
}

int main(void) {
	union bpf_attr attr;
	memset(&attr, 0, sizeof(attr));
	attr.map_type = BPF_MAP_TYPE_ARRAY;
	attr.key_size = 4;
	attr.value_size = 8;
	attr.max_entries = 2;
	memcpy(attr.map_name, "counts", 7);
	int map = sys_bpf(BPF_MAP_CREATE, &attr, sizeof(attr));

	uint32_t key = 1, next = 0;
	uint64_t value = 42;
	memset(&attr, 0, sizeof(attr));
	attr.map_fd = map;
	attr.key = (uintptr_t)&key;
	attr.value = (uintptr_t)&value;
	attr.flags = BPF_ANY;
	sys_bpf(BPF_MAP_UPDATE_ELEM, &attr, sizeof(attr));
	attr.flags = 0;
	sys_bpf(BPF_MAP_LOOKUP_ELEM, &attr, sizeof(attr));
	attr.next_key = (uintptr_t)&next;
	sys_bpf(BPF_MAP_GET_NEXT_KEY, &attr, sizeof(attr));
	sys_bpf(BPF_MAP_DELETE_ELEM, &attr, sizeof(attr));
	memset(&attr, 0, sizeof(attr));
	attr.map_fd = map;
	sys_bpf(BPF_MAP_FREEZE, &attr, sizeof(attr));

	// Every field of a map, unknown flags and type, a name without its NUL.
	memset(&attr, 0, sizeof(attr));
	attr.map_type = 0x7777;
	attr.key_size = 4;
	attr.map_flags = BPF_F_NO_PREALLOC | BPF_F_NUMA_NODE | 0x10000000;
	attr.inner_map_fd = -1;
	attr.numa_node = -1;
	memcpy(attr.map_name, "0123456789abcdef", 16);
	attr.map_ifindex = 1;
	attr.btf_fd = -1;
	attr.map_extra = 7;
	sys_bpf(BPF_MAP_CREATE, &attr, sizeof(attr));
	sys_bpf(BPF_MAP_CREATE, &attr, 36);
	sys_bpf(BPF_MAP_CREATE, &attr, 4);

	memset(&attr, 0, sizeof(attr));
	attr.target_fd = -1;
	attr.attach_bpf_fd = -1;
	attr.attach_type = BPF_CGROUP_INET_EGRESS;
	attr.attach_flags = BPF_F_ALLOW_MULTI | 0x100;
	sys_bpf(BPF_PROG_ATTACH, &attr, sizeof(attr));
	sys_bpf(BPF_PROG_DETACH, &attr, sizeof(attr));

	memset(&attr, 0, sizeof(attr));
	attr.prog_id = 0xdeadbeef;
	attr.open_flags = BPF_F_RDONLY;
	sys_bpf(BPF_PROG_GET_FD_BY_ID, &attr, sizeof(attr));
	sys_bpf(BPF_MAP_GET_FD_BY_ID, &attr, 8);
	sys_bpf(BPF_BTF_GET_FD_BY_ID, &attr, sizeof(attr));
	sys_bpf(BPF_LINK_GET_FD_BY_ID, &attr, 4);
	// Bytes past the command's struct.
	char big[sizeof(attr) + 16];
	memset(big, 0, sizeof(big));
	memcpy(big, &attr, sizeof(attr));
	big[sizeof(big) - 1] = 1;
	sys_bpf(BPF_BTF_GET_FD_BY_ID, big, sizeof(big));

	// Links of no program: by attach type, with what each adds.
	memset(&attr, 0, sizeof(attr));
	attr.link_create.prog_fd = -1;
	attr.link_create.target_fd = -1;
	attr.link_create.attach_type = BPF_CGROUP_INET_INGRESS;
	sys_bpf(BPF_LINK_CREATE, &attr, sizeof(attr));
	attr.link_create.attach_type = BPF_PERF_EVENT;
	attr.link_create.perf_event.bpf_cookie = 0xc00c1e;
	sys_bpf(BPF_LINK_CREATE, &attr, sizeof(attr));
	memset(&attr.link_create.perf_event, 0, sizeof(attr.link_create.perf_event));
	attr.link_create.attach_type = BPF_TRACE_KPROBE_MULTI;
	attr.link_create.kprobe_multi.flags = BPF_F_KPROBE_MULTI_RETURN;
	sys_bpf(BPF_LINK_CREATE, &attr, sizeof(attr));
	attr.link_create.attach_type = 0;
	attr.link_create.kprobe_multi.flags = 0;
	attr.link_create.target_btf_id = 77;
	sys_bpf(BPF_LINK_CREATE, &attr, 20);

	// A trivial socket filter: r0 = 0; exit. Then one with a log buffer and a name, on a type
	// that refuses it, a path that is not pinned and a tracepoint of no program.
	struct bpf_insn insns[2] = {{.code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0},
				    {.code = BPF_JMP | BPF_EXIT}};
	memset(&attr, 0, sizeof(attr));
	attr.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	attr.insn_cnt = 2;
	attr.insns = (uintptr_t)insns;
	attr.license = (uintptr_t)"GPL";
	int prog = sys_bpf(BPF_PROG_LOAD, &attr, sizeof(attr));
	if (prog >= 0)
		close(prog);
	static char log[64] = "log";
	attr.prog_type = BPF_PROG_TYPE_TRACING;
	attr.log_level = 1;
	attr.log_size = sizeof(log);
	attr.log_buf = (uintptr_t)log;
	attr.kern_version = 0x60100;
	attr.prog_flags = BPF_F_SLEEPABLE;
	memcpy(attr.prog_name, "filter", 7);
	sys_bpf(BPF_PROG_LOAD, &attr, sizeof(attr));
	sys_bpf(BPF_PROG_LOAD, &attr, 48);
	memset(&attr, 0, sizeof(attr));
	attr.pathname = (uintptr_t)"/sys/fs/bpf/nonexistent-observer";
	sys_bpf(BPF_OBJ_GET, &attr, sizeof(attr));
	attr.bpf_fd = -1;
	attr.file_flags = BPF_F_WRONLY;
	sys_bpf(BPF_OBJ_PIN, &attr, sizeof(attr));
	memset(&attr, 0, sizeof(attr));
	attr.raw_tracepoint.name = (uintptr_t)"sys_enter";
	attr.raw_tracepoint.prog_fd = -1;
	sys_bpf(BPF_RAW_TRACEPOINT_OPEN, &attr, sizeof(attr));

	memset(&attr, 0, sizeof(attr));
	attr.link_update.link_fd = -1;
	attr.link_update.new_prog_fd = -1;
	attr.link_update.flags = BPF_F_REPLACE;
	attr.link_update.old_prog_fd = -1;
	sys_bpf(BPF_LINK_UPDATE, &attr, sizeof(attr));

	memset(&attr, 0, sizeof(attr));
	attr.test.prog_fd = -1;
	attr.test.repeat = 3;
	attr.test.flags = BPF_F_TEST_RUN_ON_CPU;
	attr.test.cpu = 1;
	sys_bpf(BPF_PROG_TEST_RUN, &attr, sizeof(attr));
	sys_bpf(BPF_PROG_TEST_RUN, &attr, 40);

	// Info of an fd of no object, a query, BTF, a task's fd and batches: the fields as the
	// call gives them (a real map's empty lookup batch succeeds and changes nothing).
	memset(&attr, 0, sizeof(attr));
	attr.info.bpf_fd = -1;
	attr.info.info_len = 16;
	sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &attr, sizeof(attr));
	// In an attr of 4 bytes: info_len, past them, reads as 0 before and after the call.
	sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &attr, 4);
	memset(&attr, 0, sizeof(attr));
	attr.query.target_fd = -1;
	attr.query.attach_type = BPF_CGROUP_INET_INGRESS;
	attr.query.query_flags = BPF_F_QUERY_EFFECTIVE | 0x10;
	attr.query.attach_flags = BPF_F_ALLOW_MULTI;
	sys_bpf(BPF_PROG_QUERY, &attr, 28);
	attr.query.prog_cnt = 4;
	sys_bpf(BPF_PROG_QUERY, &attr, sizeof(attr));
	memset(&attr, 0, sizeof(attr));
	attr.btf_log_size = 64;
	attr.btf_log_level = 1;
	sys_bpf(BPF_BTF_LOAD, &attr, sizeof(attr));
	memset(&attr, 0, sizeof(attr));
	attr.task_fd_query.pid = 1;
	attr.task_fd_query.fd = -1;
	attr.task_fd_query.fd_type = BPF_FD_TYPE_UPROBE;
	attr.task_fd_query.probe_offset = 0x1000;
	sys_bpf(BPF_TASK_FD_QUERY, &attr, sizeof(attr));
	memset(&attr, 0, sizeof(attr));
	attr.batch.map_fd = map;
	sys_bpf(BPF_MAP_LOOKUP_BATCH, &attr, sizeof(attr));
	attr.batch.map_fd = -1;
	attr.batch.count = 3;
	attr.batch.elem_flags = BPF_F_LOCK;
	attr.batch.flags = 0x4;
	sys_bpf(BPF_MAP_LOOKUP_AND_DELETE_BATCH, &attr, sizeof(attr));
	sys_bpf(BPF_MAP_UPDATE_BATCH, &attr, 56);
	sys_bpf(BPF_MAP_DELETE_BATCH, &attr, 40);

	sys_bpf(BPF_MAP_CREATE, NULL, sizeof(attr));
	sys_bpf(0x7777, &attr, sizeof(attr));
	if (map >= 0)
		close(map);
	return 0;
}
