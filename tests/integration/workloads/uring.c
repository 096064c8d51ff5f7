// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// io_uring_register's arguments, for the comparison with strace (test_decode_structs.py): a
// real ring's probe (zeros given, the ops the kernel filled, fewer than it has), fds
// registered and updated, buffers, worker limits, and on no ring the structs of resource
// registrations and updates with their data and tags, restrictions, ring fds and a buffer
// ring, with NULL, empty and unknown values and arrays that run into an unreadable page.
#define _GNU_SOURCE
#include <linux/io_uring.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "page_end.h"

static long reg(int fd, unsigned op, const void *arg, unsigned nargs) {
	return syscall(SYS_io_uring_register, fd, op, arg, nargs);
}

int main(void) {
	struct io_uring_params params;
	memset(&params, 0, sizeof(params));
	int ring = syscall(SYS_io_uring_setup, 4, &params);
	// Refused: a work queue to attach to that is no ring, unknown flags, a reserved word.
	struct io_uring_params bad;
	memset(&bad, 0, sizeof(bad));
	bad.flags = IORING_SETUP_ATTACH_WQ | IORING_SETUP_CLAMP | 0x80000000;
	bad.wq_fd = -1;
	bad.resv[1] = 5;
	syscall(SYS_io_uring_setup, 2, &bad);
	syscall(SYS_io_uring_setup, 2, NULL);
	int pipes[2];
	if (pipe(pipes))
		return 1;

	// The probe: zeros given, then what the kernel filled, 4 ops of more.
	char probe_room[sizeof(struct io_uring_probe) + 4 * sizeof(struct io_uring_probe_op)];
	memset(probe_room, 0, sizeof(probe_room));
	reg(ring, IORING_REGISTER_PROBE, probe_room, 4);
	// Not zeros: shown at entry too, then as filled.
	memset(probe_room, 0, sizeof(probe_room));
	probe_room[sizeof(struct io_uring_probe)] = 1;
	reg(ring, IORING_REGISTER_PROBE, probe_room, 4);
	reg(-1, IORING_REGISTER_PROBE, probe_room, 1);

	// fds registered, updated (one skipped) and unregistered.
	int fds[3] = {pipes[0], pipes[1], -1};
	reg(ring, IORING_REGISTER_FILES, fds, 3);
	struct io_uring_files_update update = {.offset = 1, .fds = (uintptr_t)fds};
	int skip[2] = {IORING_REGISTER_FILES_SKIP, pipes[0]};
	update.fds = (uintptr_t)skip;
	reg(ring, IORING_REGISTER_FILES_UPDATE, &update, 2);
	reg(ring, IORING_UNREGISTER_FILES, NULL, 0);
	reg(-1, IORING_REGISTER_EVENTFD, fds, 1);

	// Buffers, and an array that runs into an unreadable page.
	static char data[64];
	struct iovec iov[2] = {{data, 16}, {data + 16, 32}};
	reg(ring, IORING_REGISTER_BUFFERS, iov, 2);
	reg(ring, IORING_UNREGISTER_BUFFERS, NULL, 0);
	struct iovec *end = (struct iovec *)page_end(sizeof(*end));
	*end = iov[0];
	reg(-1, IORING_REGISTER_BUFFERS, end, 3);
	int *last = (int *)page_end(sizeof(int));
	*last = 7;
	reg(-1, IORING_REGISTER_FILES, last, 2);
	reg(-1, IORING_REGISTER_FILES, NULL, 2);
	reg(-1, IORING_REGISTER_FILES, fds, 0);

	// Worker limits: set, and the old ones returned in their place.
	unsigned workers[2] = {0, 0};
	reg(ring, IORING_REGISTER_IOWQ_MAX_WORKERS, workers, 2);

	// Resource registrations and updates (on no ring): fds and iovecs with tags, sparse,
	// unknown flags and reserved words, a size too small and bytes after the struct.
	uint64_t tags[2] = {0xdeadbeef, 0};
	struct io_uring_rsrc_register rr = {.nr = 2, .data = (uintptr_t)fds,
					    .tags = (uintptr_t)tags};
	reg(-1, IORING_REGISTER_FILES2, &rr, sizeof(rr));
	rr.data = (uintptr_t)iov;
	rr.flags = IORING_RSRC_REGISTER_SPARSE | 0x10;
	rr.resv2 = 0x1234;
	reg(-1, IORING_REGISTER_BUFFERS2, &rr, sizeof(rr));
	reg(-1, IORING_REGISTER_BUFFERS2, &rr, sizeof(rr) - 1);
	rr.data = (uintptr_t)fds;
	char big[sizeof(rr) + 8];
	memset(big, 0, sizeof(big));
	memcpy(big, &rr, sizeof(rr));
	reg(-1, IORING_REGISTER_FILES2, big, sizeof(big));
	big[sizeof(rr) + 3] = 'x';
	reg(-1, IORING_REGISTER_FILES2, big, sizeof(big));
	struct io_uring_rsrc_register *tail = (void *)page_end(sizeof(*tail));
	*tail = rr;
	tail->data = 0;
	reg(-1, IORING_REGISTER_FILES2, tail, sizeof(*tail) + 8);
	struct io_uring_rsrc_update2 u2 = {.offset = 3, .data = (uintptr_t)skip,
					   .tags = (uintptr_t)tags, .nr = 2, .resv2 = 5};
	reg(-1, IORING_REGISTER_FILES_UPDATE2, &u2, sizeof(u2));
	u2.data = (uintptr_t)iov;
	u2.resv2 = 0;
	reg(-1, IORING_REGISTER_BUFFERS_UPDATE, &u2, sizeof(u2));

	// Restrictions of each kind and an unknown one.
	struct io_uring_restriction res[5];
	memset(res, 0, sizeof(res));
	res[0].opcode = IORING_RESTRICTION_REGISTER_OP;
	res[0].register_op = IORING_REGISTER_FILES;
	res[1].opcode = IORING_RESTRICTION_SQE_OP;
	res[1].sqe_op = IORING_OP_READV;
	res[2].opcode = IORING_RESTRICTION_SQE_FLAGS_ALLOWED;
	res[2].sqe_flags = IOSQE_FIXED_FILE | IOSQE_ASYNC;
	res[3].opcode = IORING_RESTRICTION_SQE_FLAGS_REQUIRED;
	res[3].sqe_flags = 0;
	res[3].resv = 9;
	res[4].opcode = 7;
	res[4].register_op = 2;
	res[4].resv2[1] = 0xabc;
	reg(-1, IORING_REGISTER_RESTRICTIONS, res, 5);

	// Ring fds registered and unregistered, a buffer ring.
	struct io_uring_rsrc_update ringfds[2] = {{.offset = -1U, .data = ring},
						  {.offset = 2, .resv = 1, .data = 3}};
	reg(-1, IORING_REGISTER_RING_FDS, ringfds, 2);
	reg(-1, IORING_UNREGISTER_RING_FDS, ringfds, 2);
	struct io_uring_buf_reg br = {.ring_addr = (uintptr_t)data, .ring_entries = 8, .bgid = 1};
	reg(-1, IORING_REGISTER_PBUF_RING, &br, 1);
	br.pad = 3;
	br.resv[1] = 4;
	reg(-1, IORING_UNREGISTER_PBUF_RING, &br, 1);
	unsigned char cpus[2] = {0x3, 0x80};
	reg(-1, IORING_REGISTER_IOWQ_AFF, cpus, 2);
	close(ring);
	return 0;
}
