// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// ioctl structs that point to more, for the comparison with strace (test_decode_ioctl.py),
// on fd -1: a TEE's session and invocation arguments with their parameters of every type
// behind tee_ioctl_buf_data, logins by group and unknown ones, a count of parameters that
// does not fit the length, lengths the kernel refuses, NULL and unreadable arguments and
// parameters that run into an unreadable page.
#define _GNU_SOURCE
#include <linux/tee.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
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
	return 0;
}
