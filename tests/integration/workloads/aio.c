// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The AIO calls' structs, for the comparison with strace (test_decode_structs.py): a real
// context's writes, reads and vectors on a memfd and the events they made, then on a bad fd
// (nothing runs) every opcode's fields, flags, keys, priorities and eventfds, unknown opcodes
// and lengths no ssize_t holds, NULL and unreadable elements, an array that runs into an
// unreadable page and one longer than strace shows; io_cancel's struct and event.
#define _GNU_SOURCE
#include <linux/aio_abi.h>
#include <linux/fs.h>
#include <linux/ioprio.h>
#include <poll.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "page_end.h"

static long submit(aio_context_t ctx, long nr, struct iocb **cbs) {
	return syscall(SYS_io_submit, ctx, nr, cbs);
}

static struct iocb cb_of(unsigned op, int fd, void *buf, uint64_t nbytes, int64_t offset) {
	struct iocb cb;
	memset(&cb, 0, sizeof(cb));
	cb.aio_data = 0x1000 + op;
	cb.aio_lio_opcode = op;
	cb.aio_fildes = fd;
	cb.aio_buf = (uintptr_t)buf;
	cb.aio_nbytes = nbytes;
	cb.aio_offset = offset;
	return cb;
}

int main(void) {
	aio_context_t ctx = 0;
	if (syscall(SYS_io_setup, 8, &ctx))
		return 1;
	int fd = memfd_create("aio", 0);
	if (fd < 0)
		return 1;

	// A write and a vector write, then a read and a vector read of what they wrote.
	static char text[] = "data written by io_submit, more than thirty-two bytes of it";
	static char got[128];
	struct iovec wv[2] = {{text, 4}, {text + 4, 8}};
	struct iovec rv[2] = {{got, 4}, {got + 4, 8}};
	struct iocb w = cb_of(IOCB_CMD_PWRITE, fd, text, sizeof(text) - 1, 0);
	struct iocb wvec = cb_of(IOCB_CMD_PWRITEV, fd, wv, 2, 64);
	struct iocb *writes[2] = {&w, &wvec};
	submit(ctx, 2, writes);
	struct io_event events[4];
	struct timespec wait = {5, 0};
	syscall(SYS_io_getevents, ctx, 2, 4, events, &wait);
	struct iocb r = cb_of(IOCB_CMD_PREAD, fd, got, 16, 0);
	struct iocb rvec = cb_of(IOCB_CMD_PREADV, fd, rv, 2, 64);
	r.aio_reqprio = 3;
	struct iocb *reads[2] = {&r, &rvec};
	submit(ctx, 2, reads);
	syscall(SYS_io_getevents, ctx, 2, 4, events, &wait);
	syscall(SYS_io_getevents, ctx, 0, 4, events, &(struct timespec){0, 0});

	// On a bad fd: every opcode, the fields shown only when set, and lengths no ssize_t holds.
	struct iocb all[10];
	all[0] = cb_of(IOCB_CMD_FSYNC, -1, NULL, 0, 0);
	all[1] = cb_of(IOCB_CMD_FDSYNC, -1, NULL, 0, 0);
	all[2] = cb_of(IOCB_CMD_POLL, -1, (void *)(uintptr_t)(POLLIN | POLLOUT), 0, 0);
	all[3] = cb_of(IOCB_CMD_NOOP, -1, NULL, 0, 0);
	all[4] = cb_of(IOCB_CMD_PWRITE, -1, text, 4, -1);
	all[4].aio_key = 7;
	all[4].aio_rw_flags = RWF_HIPRI | RWF_DSYNC;
	all[4].aio_flags = IOCB_FLAG_RESFD | IOCB_FLAG_IOPRIO;
	all[4].aio_resfd = 5;
	all[4].aio_reqprio = IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4);
	all[5] = cb_of(IOCB_CMD_PWRITE, -1, text, UINT64_MAX - 1, 0);
	all[5].aio_resfd = 9;
	all[5].aio_flags = 0x40;
	all[6] = cb_of(IOCB_CMD_PWRITEV, -1, wv, UINT64_MAX, 0);
	all[7] = cb_of(99, -1, text, 4, 0);
	all[7].aio_reqprio = -2;
	all[8] = cb_of(IOCB_CMD_PWRITE, -1, NULL, 4, 0);
	all[9] = cb_of(IOCB_CMD_PWRITEV, -1, NULL, 2, 0);
	struct iocb *list[13];
	for (int k = 0; k < 10; ++k)
		list[k] = &all[k];
	list[10] = NULL;
	list[11] = (struct iocb *)(uintptr_t)-1;
	list[12] = &all[0];
	submit(ctx, 13, list);

	// A write whose buffer is unreadable, an array that runs into an unreadable page, one
	// that starts there, a negative count, NULL and nothing.
	struct iocb gone = cb_of(IOCB_CMD_PWRITE, -1, page_end(0), 8, 0);
	struct iocb *one[1] = {&gone};
	submit(ctx, 1, one);
	struct iocb **end = (struct iocb **)page_end(2 * sizeof(*end));
	end[0] = &all[3];
	end[1] = &all[4];
	submit(ctx, 4, end);
	submit(ctx, 1, end + 2);
	submit(ctx, -1, list);
	submit(ctx, 1, NULL);
	submit(ctx, 0, list);

	// More elements than strace shows, and exactly as many.
	struct iocb *many[40];
	for (int k = 0; k < 40; ++k)
		many[k] = &all[k % 4];
	submit(ctx, 40, many);
	submit(ctx, 32, many);
	submit(ctx, 33, many);

	// io_cancel's struct (its head only) and the event it would fill.
	struct io_event ev;
	syscall(SYS_io_cancel, ctx, &all[4], &ev);
	syscall(SYS_io_cancel, ctx, NULL, &ev);
	syscall(SYS_io_destroy, ctx);
	return 0;
}
