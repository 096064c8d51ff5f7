// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Socket options and message flags, for test_decode_net.py: each option with a valid value,
// a length shorter and longer than its type, NULL, a bad pointer and a value that ends where
// an unreadable page begins; unknown levels, names and flag bits. Then socket ioctls, known
// and unknown, fcntl's lease, signal, notify and seal commands, and AF_UNIX addresses: an
// abstract name with NULs in it, and lengths beyond struct sockaddr_un; the addresses of other
// families strace decodes, with unknown values, padding that is not zero and lengths that cut
// them short, and MCAST_JOIN_GROUP's struct group_req.
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <linux/sockios.h>
#include <linux/x25.h>
#include <net/if_arp.h>
#include <netax25/ax25.h>
#include <netipx/ipx.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <linux/rxrpc.h> /* after netinet/in.h, whose structs they would define again */
#include <linux/if_alg.h>
#include <linux/if_xdp.h>
#include <linux/mctp.h>
#include <linux/nfc.h>
#include <linux/qrtr.h>
#include <linux/vm_sockets.h>
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "page_end.h"

int main(void) {
	int *ival = (int *)page_end(sizeof(int));
	struct linger *lg = (struct linger *)page_end(sizeof(*lg));
	struct ip_mreq *mreq = (struct ip_mreq *)page_end(sizeof(*mreq));
	struct ipv6_mreq *mreq6 = (struct ipv6_mreq *)page_end(sizeof(*mreq6));
	socklen_t *len = (socklen_t *)page_end(sizeof(socklen_t));
	void *bad = (void *)16;
	int udp = socket(AF_INET, SOCK_DGRAM, 0);
	int tcp = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
	int nl = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	int pair[2];

	// SOL_SOCKET: ints, as long as an int, longer (the page ends after 4 bytes), shorter.
	*ival = 1;
	setsockopt(udp, SOL_SOCKET, SO_REUSEADDR, ival, sizeof(int));
	setsockopt(udp, SOL_SOCKET, SO_REUSEADDR, ival, sizeof(int) + 1);
	setsockopt(udp, SOL_SOCKET, SO_REUSEADDR, ival, 2);
	setsockopt(udp, SOL_SOCKET, SO_REUSEADDR, NULL, sizeof(int));
	setsockopt(udp, SOL_SOCKET, SO_REUSEADDR, bad, sizeof(int));
	*ival = 65536;
	setsockopt(udp, SOL_SOCKET, SO_SNDBUF, ival, sizeof(int));
	*len = sizeof(int);
	getsockopt(udp, SOL_SOCKET, SO_SNDBUF, ival, len);
	*len = sizeof(int);
	getsockopt(udp, SOL_SOCKET, SO_TYPE, ival, len);
	*len = sizeof(int) - 1;
	getsockopt(udp, SOL_SOCKET, SO_RCVBUF, ival, len);
	*len = 0;
	getsockopt(udp, SOL_SOCKET, SO_RCVBUF, NULL, len);
	getsockopt(udp, SOL_SOCKET, SO_RCVBUF, ival, NULL);
	getsockopt(udp, SOL_SOCKET, SO_RCVBUF, ival, bad);
	*len = sizeof(int);
	getsockopt(udp, SOL_SOCKET, SO_ERROR, ival, len);
	*len = sizeof(int);
	getsockopt(-1, SOL_SOCKET, SO_ERROR, ival, len);

	// struct linger, whole, cut, and in a length longer than its memory.
	lg->l_onoff = 1;
	lg->l_linger = 5;
	setsockopt(udp, SOL_SOCKET, SO_LINGER, lg, sizeof(*lg));
	setsockopt(udp, SOL_SOCKET, SO_LINGER, lg, sizeof(*lg) + 8);
	setsockopt(udp, SOL_SOCKET, SO_LINGER, lg, sizeof(int));
	*len = sizeof(*lg);
	getsockopt(udp, SOL_SOCKET, SO_LINGER, lg, len);
	*len = sizeof(int);
	getsockopt(udp, SOL_SOCKET, SO_LINGER, lg, len);

	// Unknown names and levels.
	setsockopt(udp, SOL_SOCKET, 200, ival, sizeof(int));
	setsockopt(udp, 1000, 1, ival, sizeof(int));
	setsockopt(udp, SOL_IP, 250, ival, sizeof(int));

	// Other levels: an int, multicast groups, TCP and netlink.
	*ival = 1;
	setsockopt(udp, SOL_IP, IP_RECVERR, ival, sizeof(int));
	mreq->imr_multiaddr.s_addr = htonl(0xe0000003);
	mreq->imr_interface.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(udp, SOL_IP, IP_ADD_MEMBERSHIP, mreq, sizeof(*mreq));
	setsockopt(udp, SOL_IP, IP_DROP_MEMBERSHIP, mreq, sizeof(*mreq) - 1);
	memset(mreq6, 0, sizeof(*mreq6));
	mreq6->ipv6mr_multiaddr.s6_addr[0] = 0xff;
	mreq6->ipv6mr_multiaddr.s6_addr[1] = 0x02;
	mreq6->ipv6mr_multiaddr.s6_addr[15] = 0x01;
	mreq6->ipv6mr_interface = 0;
	setsockopt(tcp, SOL_IPV6, IPV6_ADD_MEMBERSHIP, mreq6, sizeof(*mreq6));
	mreq6->ipv6mr_interface = 1; /* lo: if_nametoindex("lo"), as -X asks */
	setsockopt(tcp, SOL_IPV6, IPV6_DROP_MEMBERSHIP, mreq6, sizeof(*mreq6));
	*ival = 1;
	setsockopt(tcp, SOL_TCP, TCP_NODELAY, ival, sizeof(int));
	*len = sizeof(int);
	getsockopt(tcp, SOL_TCP, TCP_NODELAY, ival, len);
	setsockopt(tcp, SOL_IPV6, IPV6_V6ONLY, ival, sizeof(int));
	setsockopt(nl, SOL_NETLINK, NETLINK_PKTINFO, ival, sizeof(int));
	*len = sizeof(int);
	getsockopt(nl, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, ival, len);
	*len = 3;  // room for no group: [] (the kernel says how much they need)
	getsockopt(nl, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, (char *)ival + 1, len);

	// Message flags: known, unknown bits, none.
	socketpair(AF_UNIX, SOCK_DGRAM, 0, pair);
	char buf[8];
	sendto(pair[0], "ab", 2, MSG_DONTWAIT | MSG_NOSIGNAL, NULL, 0);
	recvfrom(pair[1], buf, sizeof(buf), MSG_PEEK | MSG_TRUNC, NULL, NULL);
	recvfrom(pair[1], buf, sizeof(buf), 0, NULL, NULL);
	sendto(pair[0], "cd", 2, 0x10000000, NULL, 0);
	recvfrom(pair[1], buf, sizeof(buf), MSG_DONTWAIT | MSG_CMSG_CLOEXEC, NULL, NULL);

	// Addresses: a link-local IPv6 one with its interface and without a scope id, an
	// abstract AF_UNIX name with NULs in it, a family with no decoder (raw bytes), a netlink
	// address with groups and padding, RxRPC's.
	struct sockaddr_in6 in6 = {.sin6_family = AF_INET6, .sin6_port = htons(7),
				   .sin6_scope_id = 1};
	in6.sin6_addr.s6_addr[0] = 0xfe;
	in6.sin6_addr.s6_addr[1] = 0x80;
	in6.sin6_addr.s6_addr[15] = 1;
	connect(-1, (struct sockaddr *)&in6, sizeof(in6));
	connect(-1, (struct sockaddr *)&in6, sizeof(in6) - sizeof(in6.sin6_scope_id));
	struct sockaddr_un un = {.sun_family = AF_UNIX, .sun_path = "\0ab\0\001c"};
	connect(-1, (struct sockaddr *)&un, offsetof(struct sockaddr_un, sun_path) + 7);
	struct sockaddr raw = {.sa_family = AF_APPLETALK, .sa_data = "xyz"};
	connect(-1, &raw, 5);
	struct sockaddr_nl snl = {.nl_family = AF_NETLINK, .nl_pad = 3, .nl_groups = 5};
	connect(-1, (struct sockaddr *)&snl, sizeof(snl));
	// AF_RXRPC: an AF_INET transport, one cut short by its length, one of another family.
	struct sockaddr_rxrpc rx = {.srx_family = AF_RXRPC, .srx_service = 0x1234,
				    .transport_type = SOCK_DGRAM,
				    .transport_len = sizeof(struct sockaddr_in)};
	rx.transport.sin.sin_family = AF_INET;
	rx.transport.sin.sin_port = htons(7001);
	rx.transport.sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	connect(-1, (struct sockaddr *)&rx, sizeof(rx));
	rx.transport_len = 6;
	connect(-1, (struct sockaddr *)&rx, sizeof(rx));
	rx.transport.family = AF_UNIX;
	rx.transport_type = 77;
	connect(-1, (struct sockaddr *)&rx, sizeof(rx));

	// AF_PACKET, AF_IPX, AF_X25, AF_AX25 (a call sign, one that is not, digipeaters fewer
	// than asked for) and AF_BLUETOOTH addresses.
	struct sockaddr_ll ll = {.sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_IP),
				 .sll_ifindex = 1, .sll_hatype = ARPHRD_ETHER,
				 .sll_pkttype = PACKET_BROADCAST, .sll_halen = 9,
				 .sll_addr = {0x02, 0, 0, 0xab, 0xcd, 0xef}};
	connect(-1, (struct sockaddr *)&ll, sizeof(ll));
	ll.sll_halen = 0;
	connect(-1, (struct sockaddr *)&ll, sizeof(ll));
	struct sockaddr_ipx ipx = {.sipx_family = AF_IPX, .sipx_port = htons(4),
				   .sipx_network = htonl(0xfeed), .sipx_node = {1, 0, 0, 0, 0, 2},
				   .sipx_type = 3};
	connect(-1, (struct sockaddr *)&ipx, sizeof(ipx));
	struct sockaddr_x25 x25 = {.sx25_family = AF_X25, .sx25_addr = {"12345"}};
	connect(-1, (struct sockaddr *)&x25, sizeof(x25));
	memset(x25.sx25_addr.x25_addr, '7', sizeof(x25.sx25_addr.x25_addr));
	connect(-1, (struct sockaddr *)&x25, sizeof(x25));
	struct full_sockaddr_ax25 ax = {.fsa_ax25 = {.sax25_family = AF_AX25, .sax25_ndigis = 3}};
	const char call[] = "TEST  ", digi[] = "AB1   ";
	for (int i = 0; i < 6; ++i) {
		ax.fsa_ax25.sax25_call.ax25_call[i] = call[i] << 1;
		ax.fsa_digipeater[0].ax25_call[i] = digi[i] << 1;
	}
	ax.fsa_ax25.sax25_call.ax25_call[6] = 5 << 1;
	ax.fsa_digipeater[1].ax25_call[0] = 0x21;  // not a call sign's byte
	connect(-1, (struct sockaddr *)&ax, sizeof(struct sockaddr_ax25) + 2 * sizeof(ax25_address));
	ax.fsa_ax25.sax25_ndigis = 0;
	connect(-1, (struct sockaddr *)&ax, sizeof(struct sockaddr_ax25));
	struct sockaddr bt = {.sa_family = AF_BLUETOOTH, .sa_data = {2, 0, 1}};
	connect(-1, &bt, 4);
	connect(-1, &bt, 5);

	// AF_VSOCK, AF_QIPCRTR, AF_XDP, AF_MCTP, AF_ALG, AF_NFC (short and as an LLCP address)
	// and AF_IEEE802154 (strace's own struct: a short address, a long one, cut short).
	struct sockaddr_vm vm = {.svm_family = AF_VSOCK, .svm_cid = VMADDR_CID_HOST, .svm_port = 5,
				 .svm_flags = VMADDR_FLAG_TO_HOST | 0x10};
	connect(-1, (struct sockaddr *)&vm, sizeof(vm));
	struct sockaddr_qrtr qrtr = {.sq_family = AF_QIPCRTR, .sq_node = QRTR_NODE_BCAST, .sq_port = 3};
	connect(-1, (struct sockaddr *)&qrtr, sizeof(qrtr));
	struct sockaddr_xdp xdp = {.sxdp_family = AF_XDP, .sxdp_flags = XDP_SHARED_UMEM | XDP_COPY,
				   .sxdp_ifindex = 1, .sxdp_queue_id = 2, .sxdp_shared_umem_fd = 3};
	connect(-1, (struct sockaddr *)&xdp, sizeof(xdp));
	struct sockaddr_mctp mctp = {.smctp_family = AF_MCTP, .smctp_network = MCTP_NET_ANY,
				     .smctp_addr = {MCTP_ADDR_ANY}, .smctp_type = 1, .smctp_tag = 8};
	connect(-1, (struct sockaddr *)&mctp, sizeof(mctp));
	struct sockaddr_alg alg = {.salg_family = AF_ALG, .salg_type = "hash",
				   .salg_feat = 0x1000, .salg_mask = 0x10, .salg_name = "sha256"};
	connect(-1, (struct sockaddr *)&alg, sizeof(alg));
	struct sockaddr_nfc_llcp llcp = {.sa_family = AF_NFC, .dev_idx = 1, .target_idx = 2,
					 .nfc_protocol = NFC_PROTO_NFC_DEP, .dsap = 1, .ssap = 9,
					 .service_name = "urn:nfc:sn:snep", .service_name_len = 15};
	connect(-1, (struct sockaddr *)&llcp, sizeof(struct sockaddr_nfc));
	connect(-1, (struct sockaddr *)&llcp, sizeof(struct sockaddr_nfc) + 4);
	connect(-1, (struct sockaddr *)&llcp, sizeof(llcp));
	struct {
		sa_family_t family;
		int32_t addr_type;
		uint16_t pan_id;
		uint8_t addr[8];
	} wpan;
	memset(&wpan, 0, sizeof(wpan));  // its padding too: each run's bytes alike
	wpan.family = AF_IEEE802154;
	wpan.addr_type = 2;
	wpan.pan_id = 0xffff;
	wpan.addr[0] = 0xfe;
	wpan.addr[1] = 0xff;
	connect(-1, (struct sockaddr *)&wpan, sizeof(wpan));
	wpan.addr_type = 3;
	connect(-1, (struct sockaddr *)&wpan, sizeof(wpan));
	connect(-1, (struct sockaddr *)&wpan, sizeof(wpan) - 1);

	// MCAST_JOIN_GROUP's struct group_req, IPv4's and IPv6's, and one cut short.
	int mc = socket(AF_INET, SOCK_DGRAM, 0);
	struct group_req greq = {.gr_interface = 1};
	struct sockaddr_in *group = (struct sockaddr_in *)&greq.gr_group;
	group->sin_family = AF_INET;
	group->sin_addr.s_addr = htonl(0xe0000003);
	setsockopt(mc, SOL_IP, MCAST_JOIN_GROUP, &greq, sizeof(greq));
	setsockopt(mc, SOL_IP, MCAST_LEAVE_GROUP, &greq, sizeof(greq));
	setsockopt(mc, SOL_IP, MCAST_JOIN_GROUP, &greq, sizeof(greq) - 1);
	struct sockaddr_in6 *group6 = (struct sockaddr_in6 *)&greq.gr_group;
	group6->sin6_family = AF_INET6;
	inet_pton(AF_INET6, "ff02::1", &group6->sin6_addr);
	setsockopt(mc, SOL_IPV6, MCAST_JOIN_GROUP, &greq, sizeof(greq));
	close(mc);

	// Unknown values and bits, padding that is not zero, a length that cuts the address short.
	ll.sll_halen = 6;
	connect(-1, (struct sockaddr *)&ll, offsetof(struct sockaddr_ll, sll_addr) + 3);
	ll.sll_protocol = htons(0x1234);
	ll.sll_pkttype = 42;
	connect(-1, (struct sockaddr *)&ll, sizeof(ll));
	vm.svm_reserved1 = 7;
	vm.svm_cid = 1234;
	vm.svm_port = VMADDR_PORT_ANY;
	vm.svm_flags = 0x80;
	vm.svm_zero[1] = 1;
	connect(-1, (struct sockaddr *)&vm, sizeof(vm));
	qrtr.sq_node = 5;
	qrtr.sq_port = QRTR_PORT_CTRL;
	connect(-1, (struct sockaddr *)&qrtr, sizeof(qrtr));
	xdp.sxdp_flags = XDP_COPY | 0x100;
	connect(-1, (struct sockaddr *)&xdp, sizeof(xdp));
	mctp.__smctp_pad0 = 2;
	mctp.smctp_network = 9;
	mctp.smctp_addr.s_addr = 0x42;
	connect(-1, (struct sockaddr *)&mctp, sizeof(mctp));

	// An address longer than the room given for it: strace shows as much as fitted.
	int us = socket(AF_UNIX, SOCK_DGRAM, 0);
	struct sockaddr_un bound = {.sun_family = AF_UNIX, .sun_path = "net.sock.with.a.long.name"};
	bind(us, (struct sockaddr *)&bound, sizeof(bound));
	socklen_t *room = (socklen_t *)page_end(sizeof(socklen_t));
	*room = 16;
	getsockname(us, (struct sockaddr *)page_end(16), room);
	*room = 1;
	getsockname(us, (struct sockaddr *)page_end(16), room);
	unlink(bound.sun_path);

	// ioctl: commands by name, with a pointer or NULL; unknown ones as _IOC().
	ioctl(-1, SIOCGIFFLAGS, NULL);
	ioctl(-1, SIOCGIFINDEX, bad);
	ioctl(-1, FIOGETOWN, NULL);
	ioctl(-1, _IOC(_IOC_NONE, 0x89, 0xff, 0), 0);
	ioctl(-1, _IOC(_IOC_READ | _IOC_WRITE, 0xfe, 0x12, 0x34), 0x56);

	// fcntl: a lease, a signal, directory notices and seals, by name.
	int fd = open("net.fcntl", O_RDWR | O_CREAT | O_TRUNC, 0600);
	fcntl(fd, F_SETSIG, SIGUSR1);
	fcntl(fd, F_GETSIG);
	fcntl(fd, F_SETSIG, 0);
	fcntl(fd, F_GETSIG);
	fcntl(fd, F_GETLEASE);
	fcntl(-1, F_SETLEASE, F_RDLCK);
	fcntl(-1, F_SETLEASE, 77);
	fcntl(-1, F_NOTIFY, DN_ACCESS | DN_MULTISHOT);
	fcntl(fd, F_ADD_SEALS, F_SEAL_GROW | F_SEAL_SHRINK);
	fcntl(fd, F_GET_SEALS);
	unlink("net.fcntl");

	struct {
		struct sockaddr_un un;
		char beyond[32];
	} addr = {{AF_UNIX, ""}, ""};
	addr.un.sun_path[1] = 1;
	memset(addr.un.sun_path + 3, '0', sizeof(addr.un.sun_path) - 3);
	memset(addr.beyond, 0xff, sizeof(addr.beyond));
	connect(-1, (struct sockaddr *)&addr, sizeof(addr.un));
	connect(-1, (struct sockaddr *)&addr, sizeof(addr.un) + 2);
	connect(-1, (struct sockaddr *)&addr, 14);
	addr.un.sun_path[0] = '0';
	connect(-1, (struct sockaddr *)&addr, sizeof(addr.un) + 19);
	connect(-1, (struct sockaddr *)&addr, 14);
	memset(addr.un.sun_path, '0', sizeof(addr.un.sun_path));
	connect(-1, (struct sockaddr *)&addr, sizeof(addr.un) + 19);
	return 0;
}
