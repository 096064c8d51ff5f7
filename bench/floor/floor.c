// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// floor OBJECT PROGRAMS [TGID]: loads OBJECT, attaches only PROGRAMS (comma-separated names:
// a sys_enter program and a sys_exit one make the two-program floor), marks TGID as traced,
// prints "ready" and drains the ring buffer every 10 ms until standard input closes; then prints
// "records N lost M".
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

static unsigned long long records;

static int count(void *ctx, void *data, size_t size)
{
	records++;
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: floor OBJECT PROGRAM[,PROGRAM...] [TGID]\n");
		return 2;
	}
	struct bpf_object *obj = bpf_object__open_file(argv[1], NULL);
	if (!obj) {
		fprintf(stderr, "floor: open %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	struct bpf_program *prog, *chosen[8];
	int n = 0;
	for (char *name = strtok(argv[2], ","); name; name = strtok(NULL, ",")) {
		prog = bpf_object__find_program_by_name(obj, name);
		if (!prog || n == 8) {
			fprintf(stderr, "floor: no program %s in %s\n", name, argv[1]);
			return 2;
		}
		chosen[n++] = prog;
	}
	bpf_object__for_each_program(prog, obj)
	{
		int on = 0;
		for (int i = 0; i < n; i++)
			on |= prog == chosen[i];
		bpf_program__set_autoload(prog, on);
	}
	int err = bpf_object__load(obj);
	if (err) {
		fprintf(stderr, "floor: load: %s\n", strerror(-err));
		return 1;
	}
	if (argc > 3) {
		__u32 tgid = (__u32)atoi(argv[3]), word = tgid / 64, one = 1;
		__u64 bit = 1ULL << (tgid % 64);
		if (bpf_map_update_elem(bpf_object__find_map_fd_by_name(obj, "traced"), &word, &bit,
					BPF_ANY) ||
		    bpf_map_update_elem(bpf_object__find_map_fd_by_name(obj, "traced_hash"), &tgid,
					&one, BPF_ANY)) {
			fprintf(stderr, "floor: update traced: %s\n", strerror(errno));
			return 1;
		}
	}
	struct ring_buffer *rb = ring_buffer__new(bpf_object__find_map_fd_by_name(obj, "events"),
						  count, NULL, NULL);
	if (!rb) {
		fprintf(stderr, "floor: ring buffer: %s\n", strerror(errno));
		return 1;
	}
	struct bpf_link *links[8];
	for (int i = 0; i < n; i++) {
		links[i] = bpf_program__attach(chosen[i]);
		if (!links[i]) {
			fprintf(stderr, "floor: attach %s: %s\n", bpf_program__name(chosen[i]),
				strerror(errno));
			return 1;
		}
	}
	printf("ready\n");
	fflush(stdout);
	/* The programs never wake us (BPF_RB_NO_WAKEUP), so drain on a 10 ms timer. */
	struct pollfd in = {.fd = 0, .events = POLLIN};
	char buf[64];
	for (;;) {
		ring_buffer__consume(rb);
		if (poll(&in, 1, 10) > 0 && read(0, buf, sizeof(buf)) <= 0)
			break;
	}
	for (int i = 0; i < n; i++)
		bpf_link__destroy(links[i]);
	ring_buffer__consume(rb);
	struct bpf_map *bss = bpf_object__find_map_by_name(obj, ".bss");
	__u64 lost = 0;
	__u32 zero = 0;
	if (bss)
		bpf_map_lookup_elem(bpf_map__fd(bss), &zero, &lost);
	printf("records %llu lost %llu\n", records, (unsigned long long)lost);
	ring_buffer__free(rb);
	bpf_object__close(obj);
	return 0;
}
