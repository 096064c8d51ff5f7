// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Control messages of sendmsg and recvmsg, for test_decode_net.py: descriptors passed over a
// socketpair and received (with MSG_CTRUNC when the room is too small), headers cut short by
// msg_controllen or longer than it, a control buffer shorter than a header, unreadable and
// NULL, SOL_IP's types and unknown levels and types, and msghdrs without an iovec; the
// vectors of sendmmsg and recvmmsg.
#define _GNU_SOURCE
#include <netinet/in.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "page_end.h"

// One control message of level and type with len bytes of data, at the end of a page, in
// a control buffer of controllen bytes.
static struct msghdr *one(int level, int type, const void *data, size_t len, size_t controllen) {
	static struct msghdr mh;
	size_t room = CMSG_SPACE(len) > controllen ? CMSG_SPACE(len) : CMSG_ALIGN(controllen);
	struct cmsghdr *c = (struct cmsghdr *)page_end(room);
	memset(&mh, 0, sizeof(mh));
	c->cmsg_len = CMSG_LEN(len);
	c->cmsg_level = level;
	c->cmsg_type = type;
	memcpy(CMSG_DATA(c), data, len);
	mh.msg_control = c;
	mh.msg_controllen = controllen;
	return &mh;
}

int main(void) {
	int sv[2], fds[3] = {0, 1, 2};
	char byte = 'x', got[4];
	struct iovec iov = {&byte, 1}, in = {got, sizeof(got)};
	union {
		char buf[CMSG_SPACE(3 * sizeof(int))];
		struct cmsghdr align;
	} room;
	struct msghdr mh, rh;
	unsigned int ttl = 64;
	struct in_pktinfo info = {.ipi_ifindex = 1};
	static const char tos[3] = {1, 0x10, (char)0xff};

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv))
		return 1;

	// Three descriptors passed and received, then received with room for one only.
	for (int round = 0; round < 2; round++) {
		memset(&mh, 0, sizeof(mh));
		mh.msg_iov = &iov;
		mh.msg_iovlen = 1;
		mh.msg_control = room.buf;
		mh.msg_controllen = CMSG_SPACE(sizeof(fds));
		struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
		c->cmsg_len = CMSG_LEN(sizeof(fds));
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		memcpy(CMSG_DATA(c), fds, sizeof(fds));
		sendmsg(sv[0], &mh, 0);
		memset(&rh, 0, sizeof(rh));
		memset(&room, 0, sizeof(room));
		rh.msg_iov = &in;
		rh.msg_iovlen = 1;
		rh.msg_control = room.buf;
		rh.msg_controllen = round ? CMSG_SPACE(sizeof(int)) : sizeof(room.buf);
		recvmsg(sv[1], &rh, 0);
	}

	// A failed recvmsg: the name's room it was given.
	rh.msg_namelen = 12;
	recvmsg(-1, &rh, 0);

	// sendmmsg and recvmmsg: two messages, each with its length; then a vector whose second
	// element cannot be read.
	char in2[8];
	struct iovec two[2] = {{"ab", 2}, {"cde", 3}}, back[2] = {{got, sizeof(got)}, {in2, 8}};
	struct mmsghdr mm[2] = {{.msg_hdr = {.msg_iov = &two[0], .msg_iovlen = 1}},
				{.msg_hdr = {.msg_iov = &two[1], .msg_iovlen = 1}}};
	sendmmsg(sv[0], mm, 2, 0);
	struct mmsghdr rm[2] = {{.msg_hdr = {.msg_iov = &back[0], .msg_iovlen = 1}},
				{.msg_hdr = {.msg_iov = &back[1], .msg_iovlen = 1}}};
	recvmmsg(sv[1], rm, 2, MSG_DONTWAIT, NULL);
	struct mmsghdr *last = (struct mmsghdr *)page_end(sizeof(*last));
	memcpy(last, &mm[0], sizeof(*last));
	sendmmsg(-1, last, 2, 0);

	// Cut short, longer than the buffer, shorter than a header, unreadable, NULL.
	struct msghdr *m = one(SOL_SOCKET, SCM_RIGHTS, fds, sizeof(fds), CMSG_LEN(sizeof(int)));
	sendmsg(-1, m, 0);
	m = one(SOL_SOCKET, SCM_RIGHTS, fds, sizeof(int), CMSG_SPACE(sizeof(int)) + 20);
	sendmsg(-1, m, 0);
	m->msg_controllen = 8;
	sendmsg(-1, m, 0);
	m->msg_control = (void *)16;
	m->msg_controllen = 32;
	sendmsg(-1, m, 0);
	m->msg_control = NULL;
	sendmsg(-1, m, 0);

	// SOL_IP's types, SCM_SECURITY, an unknown type and an unknown level.
	sendmsg(-1, one(SOL_IP, IP_TTL, &ttl, sizeof(ttl), CMSG_SPACE(sizeof(ttl))), 0);
	sendmsg(-1, one(SOL_IP, IP_PKTINFO, &info, sizeof(info), CMSG_SPACE(sizeof(info))), 0);
	sendmsg(-1, one(SOL_IP, IP_TOS, tos, sizeof(tos), CMSG_SPACE(sizeof(tos))), 0);
	sendmsg(-1, one(SOL_SOCKET, 3, "label", 5, CMSG_SPACE(5)), 0);
	sendmsg(-1, one(SOL_SOCKET, 0x7777, tos, 1, CMSG_SPACE(1)), 0);
	sendmsg(-1, one(IPPROTO_TCP, 5, tos, 1, CMSG_SPACE(1)), 0);
	return 0;
}
