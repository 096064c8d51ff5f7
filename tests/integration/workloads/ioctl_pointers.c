// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// ioctl structs that point to more, for the comparison with strace (test_decode_ioctl.py),
// on fd -1: a TEE's session and invocation arguments with their parameters of every type
// behind tee_ioctl_buf_data, logins by group and unknown ones, a count of parameters that
// does not fit the length, lengths the kernel refuses, NULL and unreadable arguments and
// parameters that run into an unreadable page; SG_IO's v3 and v4 headers with the command,
// data and sense buffers behind them, sent and received, plain and as iovecs, a residue, an
// unknown interface id, a header unreadable but for its id, and NULL.
#define _GNU_SOURCE
#include <linux/bsg.h>
#include <linux/tee.h>
#include <scsi/sg.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/uio.h>
#include <unistd.h>

#include "page_end.h"

static void params(struct tee_ioctl_param *p, unsigned n) {
	for (unsigned k = 0; k < n; ++k) {
		p[k].attr = k;
		p[k].a = 0x1000 + k;
		p[k].b = 0xdeadbeef;
		p[k].c = k * 3;
	}
	if (n > 7)
		p[7].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT | TEE_IOCTL_PARAM_ATTR_META;
}

static void tee(unsigned long cmd, void *arg, size_t len) {
	struct tee_ioctl_buf_data buf = {.buf_ptr = (uintptr_t)arg, .buf_len = len};
	ioctl(-1, cmd, &buf);
}

static void sg_io(void) {
	static unsigned char cmd[6] = {0x12, 0, 0, 0, 0x24, 0};
	static unsigned char data[64] = "\x01\x02sent\xff", sense[8] = {0x70, 0, 5};
	struct iovec iov[2] = {{data, 2}, {data + 2, 8}};
	struct sg_io_hdr h;
	memset(&h, 0, sizeof(h));
	h.interface_id = 'S';
	h.cmd_len = sizeof(cmd);
	h.cmdp = cmd;
	h.mx_sb_len = sizeof(sense);
	h.sbp = sense;
	h.sb_len_wr = 3;
	h.dxferp = data;
	h.dxfer_len = 7;
	h.timeout = 1000;
	int dirs[] = {SG_DXFER_NONE, SG_DXFER_TO_DEV, SG_DXFER_FROM_DEV, SG_DXFER_TO_FROM_DEV, -9};
	for (unsigned k = 0; k < sizeof(dirs) / sizeof(dirs[0]); ++k) {
		h.dxfer_direction = dirs[k];
		h.flags = k == 1 ? SG_FLAG_DIRECT_IO | 0x10 : k == 4 ? 0x40000 : 0;
		h.resid = k == 2 ? 3 : 0;
		h.info = k;
		ioctl(-1, SG_IO, &h);
	}
	// Its data as an iovec array, sent and received; a NULL command.
	h.iovec_count = 2;
	h.dxferp = iov;
	h.dxfer_direction = SG_DXFER_TO_DEV;
	ioctl(-1, SG_IO, &h);
	h.dxfer_direction = SG_DXFER_FROM_DEV;
	h.cmdp = NULL;
	ioctl(-1, SG_IO, &h);

	struct sg_io_v4 v4;
	memset(&v4, 0, sizeof(v4));
	v4.guard = 'Q';
	v4.protocol = BSG_PROTOCOL_SCSI;
	v4.subprotocol = 7;
	v4.request = (uintptr_t)cmd;
	v4.request_len = sizeof(cmd);
	v4.request_tag = 0xabcdef;
	v4.max_response_len = sizeof(sense);
	v4.response = (uintptr_t)sense;
	v4.response_len = 2;
	v4.dout_xferp = (uintptr_t)data;
	v4.dout_xfer_len = 5;
	v4.din_xferp = (uintptr_t)data;
	v4.din_xfer_len = 6;
	v4.din_resid = 2;
	v4.flags = BSG_FLAG_Q_AT_TAIL | 0x100;
	v4.info = SG_INFO_CHECK;
	ioctl(-1, SG_IO, &v4);
	v4.dout_iovec_count = 2;
	v4.dout_xferp = (uintptr_t)iov;
	v4.din_iovec_count = 2;
	v4.din_xferp = (uintptr_t)iov;
	v4.protocol = 3;
	ioctl(-1, SG_IO, &v4);

	// An unknown id, headers unreadable but for their id, NULL.
	int id = 'Z';
	ioctl(-1, SG_IO, &id);
	int *only = (int *)page_end(sizeof(int));
	*only = 'S';
	ioctl(-1, SG_IO, only);
	*only = 'Q';
	ioctl(-1, SG_IO, only);
	ioctl(-1, SG_IO, NULL);
}

int main(void) {
	struct {
		struct tee_ioctl_invoke_arg arg;
		struct tee_ioctl_param p[8];
	} invoke;
	memset(&invoke, 0, sizeof(invoke));
	invoke.arg.func = 7;
	invoke.arg.session = 0x1234;
	invoke.arg.cancel_id = 9;
	invoke.arg.num_params = 8;
	params(invoke.p, 8);
	tee(TEE_IOC_INVOKE, &invoke, sizeof(invoke));
	// No parameters: NULL; one more said than there is room for: the address.
	invoke.arg.num_params = 0;
	tee(TEE_IOC_INVOKE, &invoke, sizeof(invoke.arg));
	invoke.arg.num_params = 9;
	tee(TEE_IOC_INVOKE, &invoke, sizeof(invoke));
	// Lengths the kernel refuses, NULL and an unreadable struct.
	tee(TEE_IOC_INVOKE, &invoke, 8);
	tee(TEE_IOC_INVOKE, &invoke, TEE_MAX_ARG_SIZE + 1);
	tee(TEE_IOC_INVOKE, NULL, sizeof(invoke));
	tee(TEE_IOC_INVOKE, page_end(0), sizeof(invoke));
	ioctl(-1, TEE_IOC_INVOKE, NULL);

	struct {
		struct tee_ioctl_open_session_arg arg;
		struct tee_ioctl_param p[2];
	} open;
	memset(&open, 0, sizeof(open));
	for (unsigned k = 0; k < sizeof(open.arg.uuid); ++k)
		open.arg.uuid[k] = (uint8_t)(0x11 * k + 0x0f);
	open.arg.cancel_id = 5;
	open.arg.num_params = 2;
	params(open.p, 2);
	uint32_t logins[] = {TEE_IOCTL_LOGIN_PUBLIC, TEE_IOCTL_LOGIN_GROUP,
			     TEE_IOCTL_LOGIN_GROUP_APPLICATION, 0x7f};
	for (unsigned k = 0; k < sizeof(logins) / sizeof(logins[0]); ++k) {
		open.arg.clnt_login = logins[k];
		uint32_t gid = k == 2 ? UINT32_MAX : 1000 + k;
		memcpy(open.arg.clnt_uuid, &gid, sizeof(gid));
		tee(TEE_IOC_OPEN_SESSION, &open, sizeof(open));
	}

	struct {
		struct tee_iocl_supp_recv_arg arg;
		struct tee_ioctl_param p[1];
	} recv = {.arg = {.func = 3, .num_params = 1}};
	params(recv.p, 1);
	tee(TEE_IOC_SUPPL_RECV, &recv, sizeof(recv));
	struct {
		struct tee_iocl_supp_send_arg arg;
		struct tee_ioctl_param p[3];
	} send = {.arg = {.ret = 1, .num_params = 3}};
	params(send.p, 3);
	tee(TEE_IOC_SUPPL_SEND, &send, sizeof(send));

	// Parameters that run into an unreadable page after the first.
	size_t room = sizeof(struct tee_iocl_supp_send_arg) + sizeof(struct tee_ioctl_param);
	struct tee_iocl_supp_send_arg *cut = (struct tee_iocl_supp_send_arg *)page_end(room);
	cut->num_params = 3;
	params((struct tee_ioctl_param *)(cut + 1), 1);
	tee(TEE_IOC_SUPPL_SEND, cut, sizeof(*cut) + 3 * sizeof(struct tee_ioctl_param));
	sg_io();
	return 0;
}
