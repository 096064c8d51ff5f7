// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// NETLINK_SOCK_DIAG's requests and answers, for test_decode_netlink.py: real requests of each
// family (a dump of this host's TCP sockets among them, its answer left unread as it varies
// by host), the kernel's answer to a request for a socket that does not exist read back, and
// answers of every family written here with their attributes, sent to the kernel (which
// ignores what is not a request) as strace's own tests do. Structs cut short, an attribute
// running into an unreadable page, unknown attributes.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <linux/filter.h>
#include <linux/inet_diag.h>
#include <linux/mptcp.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/smc_diag.h>
#include <linux/sock_diag.h>
#include <linux/tcp.h>
#include <linux/tls.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "page_end.h"

#ifndef AF_SMC
#define AF_SMC 43
#endif

static int fd;
static char buf[4096] __attribute__((aligned(8)));
static char *at;

// A socket of NETLINK_SOCK_DIAG, bound: strace finds a socket's protocol by asking
// NETLINK_SOCK_DIAG, which lists bound sockets only.
static int diag_socket(void) {
	struct sockaddr_nl nl = {.nl_family = AF_NETLINK};
	int s = socket(AF_NETLINK, SOCK_RAW, NETLINK_SOCK_DIAG);

	if (s < 0 || bind(s, (struct sockaddr *)&nl, sizeof(nl)))
		_exit(1);
	return s;
}

// A message of type and flags starting with the struct s of size bytes; attributes follow.
static void start(uint16_t type, uint16_t flags, const void *s, size_t size) {
	struct nlmsghdr *h = (struct nlmsghdr *)buf;

	memset(buf, 0, sizeof(buf));
	*h = (struct nlmsghdr){0, type, flags, 5, 0};
	memcpy(NLMSG_DATA(h), s, size);
	at = (char *)NLMSG_DATA(h) + NLMSG_ALIGN(size);
}

static void attr(uint16_t type, const void *data, size_t size) {
	struct nlattr *a = (struct nlattr *)at;

	a->nla_len = NLA_HDRLEN + size;
	a->nla_type = type;
	if (size)
		memcpy(at + NLA_HDRLEN, data, size);
	at += NLA_ALIGN(a->nla_len);
}

// An attribute holding the attributes added until nest_end.
static struct nlattr *nest(uint16_t type) {
	struct nlattr *a = (struct nlattr *)at;

	attr(type, NULL, 0);
	return a;
}

static void nest_end(struct nlattr *a) {
	a->nla_len = at - (char *)a;
}

static void send_msg(void) {
	struct nlmsghdr *h = (struct nlmsghdr *)buf;

	h->nlmsg_len = at - buf;
	sendto(fd, buf, h->nlmsg_len, MSG_DONTWAIT, NULL, 0);
}

static void sockid(struct inet_diag_sockid *id, int family) {
	id->idiag_sport = htons(12345);
	id->idiag_dport = htons(443);
	inet_pton(family, family == AF_INET ? "127.0.0.1" : "::1", id->idiag_src);
	inet_pton(family, family == AF_INET ? "10.1.2.3" : "fe80::1", id->idiag_dst);
	id->idiag_if = 1;
	id->idiag_cookie[0] = 7;
	id->idiag_cookie[1] = 8;
}

// Real requests: a dump of TCP sockets (its answer not read), and a request for a UNIX
// socket that does not exist, whose NLMSG_ERROR answer holds the request.
static void requests(void) {
	struct inet_diag_req_v2 inet = {
		.sdiag_family = AF_INET, .sdiag_protocol = IPPROTO_TCP,
		.idiag_ext = 1 << (INET_DIAG_MEMINFO - 1) | 1 << (INET_DIAG_INFO - 1),
		.idiag_states = 1 << 10 /* TCP_LISTEN */ | 1 << 1 /* TCP_ESTABLISHED */};
	struct unix_diag_req unix_req = {
		.sdiag_family = AF_UNIX, .udiag_states = ~0u, .udiag_ino = 1,
		.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER | 0x1000,
		.udiag_cookie = {~0u, ~0u}};
	char answer[256];

	fd = diag_socket();
	start(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, &inet, sizeof(inet));
	send_msg();
	close(fd);

	fd = diag_socket();
	start(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &unix_req, sizeof(unix_req));
	send_msg();
	recvfrom(fd, answer, sizeof(answer), 0, NULL, NULL);
	close(fd);
}

// inet's requests: the filter's bytecode and the protocol, the old request.
static void inet_requests(void) {
	struct inet_diag_req_v2 v2 = {.sdiag_family = AF_INET6, .sdiag_protocol = IPPROTO_UDP,
				      .idiag_ext = 1 << (INET_DIAG_TOS - 1) | 0x80,
				      .idiag_states = 0x40000000};
	struct inet_diag_req old = {.idiag_family = AF_INET, .idiag_src_len = 4,
				    .idiag_ext = 1 << (INET_DIAG_CONG - 1),
				    .idiag_states = 1 << 7 /* TCP_CLOSE */, .idiag_dbs = 9};
	struct {
		struct inet_diag_bc_op op;
		struct inet_diag_hostcond cond;
		uint8_t addr[4];
	} host = {{INET_DIAG_BC_S_COND, 4, 8}, {AF_INET, 24, 80}, {192, 168, 0, 0}};
	struct {
		struct inet_diag_bc_op op;
		uint32_t ifindex;
	} dev = {{INET_DIAG_BC_DEV_COND, 4, 8}, 1};
	struct {
		struct inet_diag_bc_op op;
		struct inet_diag_markcond mark;
	} mark = {{INET_DIAG_BC_MARK_COND, 4, 12}, {0x10, 0xff}};
	struct inet_diag_bc_op jmp[2] = {{INET_DIAG_BC_S_GE, 8, 12}, {0, 0, 1024}};
	struct inet_diag_bc_op unknown = {0x7f, 1, 2};
	uint8_t proto = IPPROTO_MPTCP & 0xff;
	uint32_t mptcp = IPPROTO_MPTCP;

	sockid(&v2.id, AF_INET6);
	sockid(&old.id, AF_INET);
	fd = diag_socket();
	start(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &v2, sizeof(v2));
	attr(INET_DIAG_REQ_BYTECODE, &host, sizeof(host));
	attr(INET_DIAG_REQ_BYTECODE, &dev, sizeof(dev));
	attr(INET_DIAG_REQ_BYTECODE, &mark, sizeof(mark));
	attr(INET_DIAG_REQ_BYTECODE, jmp, sizeof(jmp));
	attr(INET_DIAG_REQ_BYTECODE, &unknown, sizeof(unknown));
	attr(INET_DIAG_REQ_PROTOCOL, &proto, 1);
	attr(INET_DIAG_REQ_PROTOCOL, &mptcp, sizeof(mptcp));
	attr(0x20, "ab", 2);
	send_msg();
	start(TCPDIAG_GETSOCK, NLM_F_REQUEST, &old, sizeof(old));
	send_msg();
	start(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &v2, sizeof(v2) - 1);  // cut short
	send_msg();
}

// inet's answer with its extensions.
static void inet_answer(void) {
	struct inet_diag_msg msg = {.idiag_family = AF_INET6, .idiag_state = 1, .idiag_timer = 2,
				    .idiag_retrans = 3, .idiag_expires = 4, .idiag_rqueue = 5,
				    .idiag_wqueue = 6, .idiag_uid = 1000, .idiag_inode = 12345};
	struct inet_diag_meminfo mem = {1, 2, 3, 4};
	struct tcpvegas_info vegas = {1, 2, 3, 4};
	struct tcp_dctcp_info dctcp = {1, 2, 3, 4, 5};
	struct tcp_bbr_info bbr = {0xdeadbeef, 0x1, 100, 256, 512};
	uint32_t sk_mem[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
	uint8_t tos = 0x10, shutdown = 3, unknown_shutdown = 0xfc, v6only = 1;
	uint32_t mark = 0x42;
	uint64_t cgroup = 0x123456789;
	struct sockaddr_storage local = {0};
	struct sockaddr_in *in = (struct sockaddr_in *)&local;
	struct tcp_diag_md5sig sig = {.tcpm_family = AF_INET, .tcpm_prefixlen = 32,
				      .tcpm_keylen = 4, .tcpm_key = {1, 2, 3, 4}};
	uint16_t version = TLS_1_3_VERSION, cipher = TLS_CIPHER_AES_GCM_256, conf = TLS_CONF_SW;
	uint32_t flags = MPTCP_SUBFLOW_FLAG_MCAP_REM | MPTCP_SUBFLOW_FLAG_CONNECTED | 0x8000;
	uint32_t token = 0xcafe, map_id = 3, value = 0xabcd;
	uint16_t opts = 1 | 1 << 3 | 1 << 12;
	struct nlattr *ulp, *inner, *storages, *storage;

	sockid(&msg.id, AF_INET6);
	in->sin_family = AF_INET;
	in->sin_port = htons(80);
	in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	inet_pton(AF_INET, "10.0.0.1", sig.tcpm_addr);

	start(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, &msg, sizeof(msg));
	attr(INET_DIAG_MEMINFO, &mem, sizeof(mem));
	attr(INET_DIAG_INFO, "\x01\x02\x03", 3);
	attr(INET_DIAG_VEGASINFO, &vegas, sizeof(vegas));
	attr(INET_DIAG_CONG, "cubic", 6);
	attr(INET_DIAG_TOS, &tos, 1);
	attr(INET_DIAG_SKMEMINFO, sk_mem, sizeof(sk_mem));
	attr(INET_DIAG_SHUTDOWN, &shutdown, 1);
	attr(INET_DIAG_SHUTDOWN, &unknown_shutdown, 1);
	attr(INET_DIAG_DCTCPINFO, &dctcp, sizeof(dctcp));
	attr(INET_DIAG_SKV6ONLY, &v6only, 1);
	attr(INET_DIAG_LOCALS, &local, sizeof(local));
	attr(INET_DIAG_MARK, &mark, sizeof(mark));
	attr(INET_DIAG_BBRINFO, &bbr, sizeof(bbr));
	attr(INET_DIAG_MD5SIG, &sig, sizeof(sig));
	ulp = nest(INET_DIAG_ULP_INFO);
	attr(INET_ULP_INFO_NAME, "tls", 4);
	inner = nest(INET_ULP_INFO_TLS);
	attr(TLS_INFO_VERSION, &version, sizeof(version));
	attr(TLS_INFO_CIPHER, &cipher, sizeof(cipher));
	attr(TLS_INFO_TXCONF, &conf, sizeof(conf));
	nest_end(inner);
	inner = nest(INET_ULP_INFO_MPTCP);
	attr(MPTCP_SUBFLOW_ATTR_TOKEN_REM, &token, sizeof(token));
	attr(MPTCP_SUBFLOW_ATTR_FLAGS, &flags, sizeof(flags));
	nest_end(inner);
	nest_end(ulp);
	storages = nest(INET_DIAG_SK_BPF_STORAGES);
	storage = nest(SK_DIAG_BPF_STORAGE);
	attr(SK_DIAG_BPF_STORAGE_MAP_ID, &map_id, sizeof(map_id));
	attr(SK_DIAG_BPF_STORAGE_MAP_VALUE, &value, sizeof(value));
	nest_end(storage);
	nest_end(storages);
	attr(INET_DIAG_CGROUP_ID, &cgroup, sizeof(cgroup));
	attr(INET_DIAG_SOCKOPT, &opts, sizeof(opts));
	attr(0x40, "xyz", 3);
	send_msg();
}

// UNIX, netlink and packet sockets: requests, and answers with their attributes.
static void other_families(void) {
	struct unix_diag_msg umsg = {.udiag_family = AF_UNIX, .udiag_type = SOCK_STREAM,
				     .udiag_state = 10, .udiag_ino = 99, .udiag_cookie = {1, 2}};
	struct unix_diag_vfs vfs = {.udiag_vfs_ino = 7, .udiag_vfs_dev = makedev(8, 1)};
	struct unix_diag_rqlen rqlen = {1, 128};
	uint32_t peer = 100, icons[3] = {5, 6, 7}, mem[2] = {11, 12}, uid = ~0u;
	uint8_t shutdown = 1;
	struct netlink_diag_req nreq = {.sdiag_family = AF_NETLINK, .sdiag_protocol = NDIAG_PROTO_ALL,
					.ndiag_ino = 3, .ndiag_show = NDIAG_SHOW_GROUPS | 0x100};
	struct netlink_diag_msg nmsg = {.ndiag_family = AF_NETLINK, .ndiag_type = SOCK_RAW,
					.ndiag_protocol = NETLINK_ROUTE, .ndiag_state = 1,
					.ndiag_portid = 4, .ndiag_dst_portid = 5,
					.ndiag_dst_group = 6, .ndiag_ino = 7};
	uint64_t groups[2] = {0x1, 0xdeadbeefbadc0ded};
	struct netlink_diag_ring ring = {4096, 2, 2048, 4};
	uint32_t nflags = NDIAG_FLAG_CB_RUNNING | NDIAG_FLAG_CAP_ACK;
	struct packet_diag_req preq = {.sdiag_family = AF_PACKET, .pdiag_ino = 8,
				       .pdiag_show = PACKET_SHOW_INFO | PACKET_SHOW_FILTER};
	struct packet_diag_msg pmsg = {.pdiag_family = AF_PACKET, .pdiag_type = SOCK_DGRAM,
				       .pdiag_num = 0x0800, .pdiag_ino = 9};
	struct packet_diag_info info = {.pdi_index = 1, .pdi_version = 2, .pdi_reserve = 3,
					.pdi_copy_thresh = 4, .pdi_tstamp = 5,
					.pdi_flags = PDI_RUNNING | PDI_LOSS};
	struct packet_diag_mclist ml = {.pdmc_index = 1, .pdmc_count = 2, .pdmc_type = 3,
					.pdmc_alen = 6, .pdmc_addr = {1, 2, 3, 4, 5, 6}};
	struct packet_diag_ring pring = {1, 2, 3, 4, 5, 6, 7};
	struct sock_filter filter[] = {
		BPF_STMT(BPF_LD | BPF_H | BPF_ABS, SKF_AD_OFF + SKF_AD_PROTOCOL),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0x800, 0, 3),
		BPF_STMT(BPF_LD | BPF_B | BPF_ABS, SKF_NET_OFF + 9),
		BPF_STMT(BPF_LDX | BPF_W | BPF_LEN, 0),
		BPF_STMT(BPF_MISC | BPF_TXA, 0),
		BPF_STMT(BPF_ALU | BPF_AND | BPF_X, 0),
		BPF_STMT(BPF_RET | BPF_K, 0xffff),
		BPF_STMT(BPF_RET | BPF_A, 0)};
	struct unix_diag_req ureq = {.sdiag_family = AF_UNIX, .udiag_states = 1 << 10,
				     .udiag_show = UDIAG_SHOW_VFS};

	start(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, &ureq, sizeof(ureq));
	send_msg();
	start(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, &umsg, sizeof(umsg));
	attr(UNIX_DIAG_NAME, "/run/x.sock", 12);
	attr(UNIX_DIAG_VFS, &vfs, sizeof(vfs));
	attr(UNIX_DIAG_PEER, &peer, sizeof(peer));
	attr(UNIX_DIAG_ICONS, icons, sizeof(icons));
	attr(UNIX_DIAG_RQLEN, &rqlen, sizeof(rqlen));
	attr(UNIX_DIAG_MEMINFO, mem, sizeof(mem));
	attr(UNIX_DIAG_SHUTDOWN, &shutdown, 1);
	attr(UNIX_DIAG_UID, &uid, sizeof(uid));
	send_msg();

	start(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, &nreq, sizeof(nreq));
	send_msg();
	start(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, &nmsg, sizeof(nmsg));
	attr(NETLINK_DIAG_GROUPS, groups, sizeof(groups));
	attr(NETLINK_DIAG_RX_RING, &ring, sizeof(ring));
	attr(NETLINK_DIAG_FLAGS, &nflags, sizeof(nflags));
	attr(NETLINK_DIAG_MEMINFO, mem, sizeof(mem));
	send_msg();

	start(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, &preq, sizeof(preq));
	send_msg();
	start(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, &pmsg, sizeof(pmsg));
	attr(PACKET_DIAG_INFO, &info, sizeof(info));
	attr(PACKET_DIAG_MCLIST, &ml, sizeof(ml));
	attr(PACKET_DIAG_RX_RING, &pring, sizeof(pring));
	attr(PACKET_DIAG_FANOUT, &peer, sizeof(peer));
	attr(PACKET_DIAG_UID, &peer, sizeof(peer));
	attr(PACKET_DIAG_FILTER, filter, sizeof(filter));
	send_msg();
}

// SMC's request and answer, an attribute running into an unreadable page.
static void smc(void) {
	struct smc_diag_req req = {.diag_family = AF_SMC,
				   .diag_ext = 1 << (SMC_DIAG_CONNINFO - 1) | 0x40};
	struct smc_diag_msg msg = {.diag_family = AF_SMC, .diag_state = 1, .diag_fallback = 1,
				   .diag_shutdown = 2, .diag_uid = 3, .diag_inode = 4};
	struct smc_diag_conninfo conn = {.token = 1, .sndbuf_size = 2, .rmbe_size = 3,
					 .peer_rmbe_size = 4, .rx_prod = {0, 1, 2},
					 .rx_prod_flags = 0xa, .tx_fin = {1, 2, 3}};
	struct smc_diag_lgrinfo lgr = {.lnk = {{.link_id = 1, .ibname = "mlx5_0", .ibport = 1,
						.gid = "fe80::1", .peer_gid = "fe80::2"}},
				       .role = 1};
	uint8_t shutdown = 2;
	struct smcd_diag_dmbinfo dmb = {1, 0x2, 0x3, 0x4, 0x5};
	struct smc_diag_fallback fallback = {0x03030000, 0x12345678};
	uint32_t mem[2] = {1, 2};
	struct inet_diag_msg inet = {.idiag_family = AF_INET};

	sockid(&req.id, AF_INET);
	sockid(&msg.id, AF_INET);
	start(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, &req, sizeof(req));
	send_msg();
	start(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, &msg, sizeof(msg));
	attr(SMC_DIAG_CONNINFO, &conn, sizeof(conn));
	attr(SMC_DIAG_LGRINFO, &lgr, sizeof(lgr));
	attr(SMC_DIAG_SHUTDOWN, &shutdown, 1);
	attr(SMC_DIAG_DMBINFO, &dmb, sizeof(dmb));
	attr(SMC_DIAG_FALLBACK, &fallback, sizeof(fallback));
	send_msg();

	// An answer whose SK_MEMINFO array's second element is in an unreadable page.
	start(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, &inet, sizeof(inet));
	attr(INET_DIAG_SKMEMINFO, mem, sizeof(mem));
	size_t len = at - buf;
	char *edge = page_end(len - 4);
	((struct nlmsghdr *)buf)->nlmsg_len = len;
	memcpy(edge, buf, len - 4);
	sendto(fd, edge, len, MSG_DONTWAIT, NULL, 0);
}

int main(void) {
	requests();
	inet_requests();
	inet_answer();
	other_families();
	smc();
	close(fd);
	return 0;
}
