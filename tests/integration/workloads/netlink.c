// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Netlink messages sent on real sockets, for test_decode_netlink.py: NETLINK_ROUTE and
// NETLINK_SOCK_DIAG requests with their get/new/delete flags, unknown types and flags, several
// messages in one buffer, lengths shorter than a header or running past the data, an
// NLMSG_ERROR with the message it answers and its extended-ack attributes, NLMSG_DONE, a
// message whose payload runs into an unreadable page, more messages than -s shows, and the
// kernel's answer read back with recvfrom, and with sendmsg and recvmsg. Sent with MSG_DONTWAIT to the kernel, which
// answers or drops them; the traced calls are what matters. rtnetlink's structs and their
// attributes: an ifinfomsg with strings, integers, kinds, families, a bridge port's, a
// virtual function's, XDP's and statistics; an if_stats_msg and extended statistics; an
// ifaddrmsg, rtmsg, ndmsg, fib_rule_hdr and tcmsg with their addresses, nested metrics, next
// hops, ranges and statistics; structs cut short or unreadable. The other rtnetlink messages:
// actions, neighbour tables, netconf, namespace ids, address labels, next hops, DCB, the
// multicast database, with their attributes; links' nested attributes by family and kind.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/dcbnl.h>
#include <linux/fib_rules.h>
#include <linux/if_addr.h>
#include <linux/if_bridge.h>
#include <linux/if_ether.h>
#include <linux/if_addrlabel.h>
#include <linux/if_link.h>
#include <linux/if_tun.h>
#include <linux/ip.h>
#include <linux/inet_diag.h>
#include <linux/mpls.h>
#include <linux/mroute.h>
#include <linux/neighbour.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <linux/gen_stats.h>
#include <linux/net_namespace.h>
#include <linux/netconf.h>
#include <linux/netlink.h>
#include <linux/nexthop.h>
#include <linux/pkt_cls.h>
#include <linux/pkt_sched.h>
#include <net/if.h>
#include <linux/rtnetlink.h>
#include <linux/selinux_netlink.h>
#include <linux/sock_diag.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "page_end.h"

static int fd;

// A socket of protocol, when the kernel has it, bound; -1 otherwise.
static int maybe_bound(int protocol) {
	struct sockaddr_nl nl = {.nl_family = AF_NETLINK};
	int s = socket(AF_NETLINK, SOCK_RAW, protocol);

	if (s >= 0 && bind(s, (struct sockaddr *)&nl, sizeof(nl))) {
		close(s);
		return -1;
	}
	return s;
}

// A socket of protocol, bound (the kernel picks its port id): strace finds a socket's protocol
// by asking NETLINK_SOCK_DIAG, which lists bound sockets only.
static int bound(int protocol) {
	int s = maybe_bound(protocol);

	if (s < 0)
		_exit(1);
	return s;
}

static void send_bytes(const void *buf, size_t len) {
	sendto(fd, buf, len, MSG_DONTWAIT, NULL, 0);
}

// One header of type and flags, then payload bytes, at the end of a page; nlmsg_len as
// given (0: the real length).
static void one(uint16_t type, uint16_t flags, uint32_t nlmsg_len, const void *payload,
		size_t size) {
	size_t len = NLMSG_HDRLEN + size;
	struct nlmsghdr *h = (struct nlmsghdr *)page_end(len);
	h->nlmsg_len = nlmsg_len ? nlmsg_len : len;
	h->nlmsg_type = type;
	h->nlmsg_flags = flags;
	h->nlmsg_seq = 7;
	h->nlmsg_pid = 0;
	memcpy(NLMSG_DATA(h), payload, size);
	send_bytes(h, len);
}

static void route(void) {
	static const char abcd[] = "abcd";
	struct rtgenmsg gen = {.rtgen_family = AF_UNSPEC};

	fd = bound(NETLINK_ROUTE);
	one(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 0, &gen, 0);
	one(RTM_NEWADDR, NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK, 0, NULL, 0);
	one(RTM_DELROUTE, NLM_F_REQUEST | NLM_F_NONREC, 0, NULL, 0);
	one(RTM_DELACTION, NLM_F_REQUEST | NLM_F_ROOT, 0, NULL, 0);
	one(0xffff, NLM_F_REQUEST | 0x8000, 0, abcd, 4);          // unknown type, flag bit
	one(0xffff, 0x8000, 0, abcd, 1);                           // no flag known
	one(0xfffe, NLM_F_REQUEST, 0, "\xfd" "1234", 5);           // unknown family
	one(NLMSG_NOOP, NLM_F_REQUEST | NLM_F_DUMP, 0, abcd, 4);   // control: no get flags
	one(NLMSG_NOOP, NLM_F_REQUEST, 8, abcd, 4);                // length under a header
	one(NLMSG_NOOP, NLM_F_REQUEST, 28, abcd, 4);               // length past the data
	one(NLMSG_DONE, NLM_F_MULTI, 0, "\xed\xfe\xce\xfa", 4);   // an int
	one(NLMSG_DONE, NLM_F_MULTI, 0, "42", 2);                  // not an int

	// Two messages, and a third cut to fewer bytes than a header.
	struct {
		struct nlmsghdr h1;
		char p1[4];
		struct nlmsghdr h2;
		uint32_t tail;
	} two = {{20, NLMSG_NOOP, NLM_F_REQUEST, 1, 0}, "abcd",
		 {16, NLMSG_NOOP, NLM_F_REQUEST, 2, 0}, 20};
	send_bytes(&two, sizeof(two));
	send_bytes(&two, sizeof(two) - 4);

	// More messages than -s 32 shows.
	static struct nlmsghdr many[40];
	for (int i = 0; i < 40; i++)
		many[i] = (struct nlmsghdr){16, NLMSG_NOOP, NLM_F_REQUEST, (uint32_t)i, 0};
	send_bytes(many, sizeof(many));

	// A second message whose header is in an unreadable page.
	char *edge = page_end(20);
	memcpy(edge, &two, 20);
	sendto(fd, edge, 40, MSG_DONTWAIT, NULL, 0);

	// NLMSG_ERROR: the message it answers, whole, capped, and with ack attributes.
	struct {
		struct nlmsghdr h;
		struct nlmsgerr err;
		char payload[4];
	} error = {{sizeof(error), NLMSG_ERROR, NLM_F_REQUEST, 0, 0},
		   {-EACCES, {20, RTM_NEWPREFIX, NLM_F_REQUEST | NLM_F_DUMP, 42, 1234}},
		   "abcd"};
	send_bytes(&error, sizeof(error));
	error.h.nlmsg_len = NLMSG_HDRLEN + 4;
	send_bytes(&error, NLMSG_HDRLEN + 4);  // shorter than a struct nlmsgerr
	struct {
		struct nlmsghdr h;
		struct nlmsgerr err;
		struct nlattr a1;
		uint32_t offs;
		struct nlattr a2;
		char msg[8];
		struct nlattr a3;
		uint8_t cookie[4];
	} ack = {{sizeof(ack), NLMSG_ERROR, NLM_F_REQUEST | NLM_F_CAPPED | NLM_F_ACK_TLVS, 0, 0},
		 {-EINVAL, {36, RTM_NEWLINK, NLM_F_REQUEST, 3, 0}},
		 {8, NLMSGERR_ATTR_OFFS}, 16,
		 {12, NLMSGERR_ATTR_MSG}, "no way",
		 {8, NLMSGERR_ATTR_COOKIE}, {1, 2, 3, 4}};
	send_bytes(&ack, sizeof(ack));

	close(fd);

	// A request the kernel refuses, on a socket of its own, and its answer read back: an
	// NLMSG_ERROR holding the request.
	struct {
		struct nlmsghdr h;
		struct rtgenmsg g;
	} req = {{sizeof(req), RTM_NEWPREFIX, NLM_F_REQUEST | NLM_F_ACK, 9, 0}, {AF_PACKET}};
	char answer[64];
	fd = bound(NETLINK_ROUTE);
	send_bytes(&req, sizeof(req));
	recvfrom(fd, answer, sizeof(answer), 0, NULL, NULL);

	// The same with sendmsg and recvmsg to and from the kernel's address, the messages in
	// iovecs (the request split over two); without the address, the bytes as text.
	struct sockaddr_nl kernel = {.nl_family = AF_NETLINK};
	struct iovec out[2] = {{&req, NLMSG_HDRLEN}, {&req.g, sizeof(req) - NLMSG_HDRLEN}},
		     in = {answer, sizeof(answer)};
	struct msghdr msg = {.msg_name = &kernel, .msg_namelen = sizeof(kernel), .msg_iov = out,
			     .msg_iovlen = 2};
	sendmsg(fd, &msg, MSG_DONTWAIT);
	msg.msg_iov = &in;
	msg.msg_iovlen = 1;
	recvmsg(fd, &msg, MSG_DONTWAIT);
	msg.msg_name = NULL;
	msg.msg_namelen = 0;
	msg.msg_iov = out;
	msg.msg_iovlen = 1;
	sendmsg(fd, &msg, MSG_DONTWAIT);
	close(fd);
}

// An attribute of type with size bytes of data at *at, which moves past it.
static void attr(char **at, uint16_t type, const void *data, size_t size) {
	struct nlattr *a = (struct nlattr *)*at;
	a->nla_len = NLA_HDRLEN + size;
	a->nla_type = type;
	memcpy(*at + NLA_HDRLEN, data, size);
	*at += NLA_ALIGN(a->nla_len);
}

// rtnetlink's structs: an ifinfomsg with attributes (strings, integers, nested kinds,
// families, a bridge port's, statistics), an if_stats_msg, structs cut short and unreadable.
static void route_structs(void) {
	static char buf[512];
	struct nlmsghdr *h = (struct nlmsghdr *)buf;
	struct ifinfomsg *ifi = NLMSG_DATA(h);
	char *at = (char *)ifi + NLMSG_ALIGN(sizeof(*ifi)), *nest;
	uint32_t mtu = 1500, cost = 7;
	uint8_t state = 3;
	struct rtnl_link_stats st = {.rx_packets = 1, .tx_packets = 2, .rx_nohandler = 9};

	fd = bound(NETLINK_ROUTE);
	*h = (struct nlmsghdr){0, RTM_NEWLINK, NLM_F_REQUEST | NLM_F_CREATE, 11, 0};
	*ifi = (struct ifinfomsg){.ifi_family = AF_UNSPEC, .ifi_type = 1 /* ARPHRD_ETHER */,
				  .ifi_index = 1, .ifi_flags = IFF_UP | IFF_RUNNING};
	attr(&at, IFLA_IFNAME, "dummy7", 7);
	attr(&at, IFLA_MTU, &mtu, sizeof(mtu));
	attr(&at, IFLA_OPERSTATE, &state, 1);
	attr(&at, IFLA_STATS, &st, sizeof(st));
	nest = at;
	attr(&at, IFLA_LINKINFO, NULL, 0);
	attr(&at, IFLA_INFO_KIND, "veth", 5);
	attr(&at, IFLA_INFO_SLAVE_KIND, "abcd", 4);  // no NUL
	((struct nlattr *)nest)->nla_len = at - nest;
	nest = at;
	attr(&at, IFLA_AF_SPEC, NULL, 0);
	attr(&at, AF_PACKET, "\x01\x02\x03\x04", 4);
	((struct nlattr *)nest)->nla_len = at - nest;
	attr(&at, 0x3ff, "xyz", 3);  // unknown
	h->nlmsg_len = at - buf;
	send_bytes(buf, h->nlmsg_len);

	// A bridge port.
	at = (char *)ifi + NLMSG_ALIGN(sizeof(*ifi));
	*h = (struct nlmsghdr){0, RTM_GETLINK, NLM_F_REQUEST, 12, 0};
	ifi->ifi_family = AF_BRIDGE;
	nest = at;
	attr(&at, IFLA_PROTINFO, NULL, 0);
	attr(&at, IFLA_BRPORT_STATE, &state, 1);
	attr(&at, IFLA_BRPORT_COST, &cost, sizeof(cost));
	uint64_t ticks = 150;
	struct ifla_bridge_id root = {{0x80, 0}, {0x02, 0, 0, 0xab, 0xcd, 0xef}};
	attr(&at, IFLA_BRPORT_HOLD_TIMER, &ticks, sizeof(ticks));
	attr(&at, IFLA_BRPORT_ROOT_ID, &root, sizeof(root));
	((struct nlattr *)nest)->nla_len = at - nest;
	h->nlmsg_len = at - buf;
	send_bytes(buf, h->nlmsg_len);

	// A virtual function's settings: its MAC address, link state, VLANs and counters.
	at = (char *)ifi + NLMSG_ALIGN(sizeof(*ifi));
	*h = (struct nlmsghdr){0, RTM_GETLINK, NLM_F_REQUEST, 16, 0};
	ifi->ifi_family = AF_UNSPEC;
	struct ifla_vf_mac vf_mac = {.vf = 1, .mac = {0x02, 0, 0, 0xab, 0xcd, 0xef}};
	struct ifla_vf_link_state vf_state = {1, IFLA_VF_LINK_STATE_DISABLE};
	struct ifla_vf_vlan_info vf_vlan = {1, 100, 2, htons(ETH_P_8021AD)};
	uint64_t packets = 42;
	char *list, *info, *inner;
	list = at;
	attr(&at, IFLA_VFINFO_LIST, NULL, 0);
	info = at;
	attr(&at, IFLA_VF_INFO, NULL, 0);
	attr(&at, IFLA_VF_MAC, &vf_mac, sizeof(vf_mac));
	attr(&at, IFLA_VF_LINK_STATE, &vf_state, sizeof(vf_state));
	inner = at;
	attr(&at, IFLA_VF_VLAN_LIST, NULL, 0);
	attr(&at, IFLA_VF_VLAN_INFO, &vf_vlan, sizeof(vf_vlan));
	((struct nlattr *)inner)->nla_len = at - inner;
	inner = at;
	attr(&at, IFLA_VF_STATS, NULL, 0);
	attr(&at, IFLA_VF_STATS_RX_PACKETS, &packets, sizeof(packets));
	((struct nlattr *)inner)->nla_len = at - inner;
	((struct nlattr *)info)->nla_len = at - info;
	((struct nlattr *)list)->nla_len = at - list;
	h->nlmsg_len = at - buf;
	send_bytes(buf, h->nlmsg_len);

	// An XDP program's attributes and why a link is down.
	at = (char *)ifi + NLMSG_ALIGN(sizeof(*ifi));
	*h = (struct nlmsghdr){0, RTM_GETLINK, NLM_F_REQUEST, 17, 0};
	int32_t xdp_fd = -1;
	uint32_t xdp_flags = XDP_FLAGS_SKB_MODE | XDP_FLAGS_UPDATE_IF_NOEXIST, reason = 0xf0;
	uint8_t attached = XDP_ATTACHED_SKB;
	nest = at;
	attr(&at, IFLA_XDP, NULL, 0);
	attr(&at, IFLA_XDP_FD, &xdp_fd, sizeof(xdp_fd));
	attr(&at, IFLA_XDP_FLAGS, &xdp_flags, sizeof(xdp_flags));
	attr(&at, IFLA_XDP_ATTACHED, &attached, 1);
	((struct nlattr *)nest)->nla_len = at - nest;
	nest = at;
	attr(&at, IFLA_PROTO_DOWN_REASON, NULL, 0);
	attr(&at, IFLA_PROTO_DOWN_REASON_VALUE, &reason, sizeof(reason));
	((struct nlattr *)nest)->nla_len = at - nest;
	h->nlmsg_len = at - buf;
	send_bytes(buf, h->nlmsg_len);

	// Statistics asked for.
	struct {
		struct nlmsghdr h;
		struct if_stats_msg st;
	} stats = {{sizeof(stats), RTM_GETSTATS, NLM_F_REQUEST | NLM_F_DUMP, 13, 0},
		   {.family = AF_UNSPEC, .ifindex = 1,
		    .filter_mask = 1 << IFLA_STATS_LINK_64 | 1 << IFLA_STATS_AF_SPEC | 1u << 30}};
	send_bytes(&stats, sizeof(stats));

	// Its extended statistics: a bridge's STP counters, MPLS's per family.
	struct if_stats_msg *ism = NLMSG_DATA(h);
	*h = (struct nlmsghdr){0, RTM_GETSTATS, NLM_F_REQUEST, 15, 0};
	*ism = (struct if_stats_msg){.family = AF_UNSPEC, .ifindex = 1,
				     .filter_mask = 1 << IFLA_STATS_LINK_XSTATS};
	at = (char *)ism + NLMSG_ALIGN(sizeof(*ism));
	struct bridge_stp_xstats stp = {1, 2, 3, 4, 5, 6};
	struct mpls_link_stats mpls = {.rx_packets = 7, .rx_noroute = 8};
	nest = at;
	attr(&at, IFLA_STATS_LINK_XSTATS, NULL, 0);
	inner = at;
	attr(&at, LINK_XSTATS_TYPE_BRIDGE, NULL, 0);
	attr(&at, BRIDGE_XSTATS_STP, &stp, sizeof(stp));
	((struct nlattr *)inner)->nla_len = at - inner;
	((struct nlattr *)nest)->nla_len = at - nest;
	nest = at;
	attr(&at, IFLA_STATS_AF_SPEC, NULL, 0);
	inner = at;
	attr(&at, AF_MPLS, NULL, 0);
	attr(&at, MPLS_STATS_LINK, &mpls, sizeof(mpls));
	((struct nlattr *)inner)->nla_len = at - inner;
	((struct nlattr *)nest)->nla_len = at - nest;
	h->nlmsg_len = at - buf;
	send_bytes(buf, h->nlmsg_len);

	// Multicast routing cache reports: IPv4's attributes, and another family's data.
	struct {
		struct rtgenmsg g;
		char pad[3];
		struct nlattr a;
		uint32_t vif;
	} report = {{RTNL_FAMILY_IPMR}, {0}, {8, IPMRA_CREPORT_VIF_ID}, 3};
	one(RTM_NEWCACHEREPORT, NLM_F_REQUEST, 0, &report, sizeof(report));
	one(RTM_NEWCACHEREPORT, NLM_F_REQUEST, 0, "\x4f\x00\x00\x00\xab\xcd", 6);

	// Shorter than their struct, and unreadable after the family.
	one(RTM_NEWADDR, NLM_F_REQUEST, 0, "\x02\x00\x00", 3);
	one(RTM_GETROUTE, NLM_F_REQUEST, 0, "\x0a", 1);
	struct nlmsghdr *edge = (struct nlmsghdr *)page_end(NLMSG_HDRLEN + 1);
	*edge = (struct nlmsghdr){NLMSG_HDRLEN + sizeof(struct ifaddrmsg), RTM_NEWADDR,
				  NLM_F_REQUEST, 14, 0};
	*(char *)NLMSG_DATA(edge) = AF_INET;
	sendto(fd, edge, NLMSG_HDRLEN + sizeof(struct ifaddrmsg), MSG_DONTWAIT, NULL, 0);
	close(fd);
}

// A request of type whose struct (size bytes of head) is followed by the attributes
// attrs(at) writes, sent when attrs is done.
static void request(uint16_t type, uint32_t seq, const void *head, size_t size,
		    void (*attrs)(char **at)) {
	static char buf[512];
	struct nlmsghdr *h = (struct nlmsghdr *)buf;
	char *at = (char *)NLMSG_DATA(h) + NLMSG_ALIGN(size);

	memset(buf, 0, sizeof(buf));
	*h = (struct nlmsghdr){0, type, NLM_F_REQUEST, seq, 0};
	memcpy(NLMSG_DATA(h), head, size);
	if (attrs)
		attrs(&at);
	h->nlmsg_len = at - buf;
	send_bytes(buf, h->nlmsg_len);
}

// The end of a nested attribute that starts at nest.
static void close_nest(char *nest, char *at) {
	((struct nlattr *)nest)->nla_len = at - nest;
}

static void action_attrs(char **at) {
	uint32_t index = 7, flags = TCA_ACT_FLAGS_SKIP_HW | 0x100, hw = TCA_ACT_HW_STATS_DELAYED;
	struct gnet_stats_basic basic = {.bytes = 1000, .packets = 10};
	char *nest;

	attr(at, TCA_ACT_KIND, "gact", 5);
	attr(at, TCA_ACT_INDEX, &index, sizeof(index));
	attr(at, TCA_ACT_FLAGS, &flags, sizeof(flags));
	attr(at, TCA_ACT_HW_STATS, &hw, sizeof(hw));
	nest = *at;
	attr(at, TCA_ACT_STATS, NULL, 0);
	attr(at, TCA_STATS_BASIC, &basic, sizeof(basic));
	close_nest(nest, *at);
	attr(at, TCA_ACT_COOKIE, "\x01\x02", 2);
}

static void neightbl_attrs(char **at) {
	struct ndt_config config = {.ndtc_key_len = 4, .ndtc_entry_size = 64, .ndtc_entries = 3,
				    .ndtc_hash_mask = 0xff, .ndtc_proxy_qlen = 64};
	struct ndt_stats stats = {.ndts_allocs = 5, .ndts_lookups = 9, .ndts_table_fulls = 1};
	uint32_t lo = 1, probes = 3;
	uint64_t reachable = 30000;
	char *nest;

	attr(at, NDTA_NAME, "arp_cache", 10);
	attr(at, NDTA_CONFIG, &config, sizeof(config));
	nest = *at;
	attr(at, NDTA_PARMS, NULL, 0);
	attr(at, NDTPA_IFINDEX, &lo, sizeof(lo));
	attr(at, NDTPA_REACHABLE_TIME, &reachable, sizeof(reachable));
	attr(at, NDTPA_UCAST_PROBES, &probes, sizeof(probes));
	close_nest(nest, *at);
	attr(at, NDTA_STATS, &stats, sizeof(stats));
}

static void netconf_attrs(char **at) {
	int32_t lo = 1, on = 1;

	attr(at, NETCONFA_IFINDEX, &lo, sizeof(lo));
	attr(at, NETCONFA_FORWARDING, &on, sizeof(on));
	attr(at, 0x3fff, "abcd", 4);  // unknown
}

static void nsid_attrs(char **at) {
	int32_t nsid = -1;
	uint32_t pid = 1;

	attr(at, NETNSA_NSID, &nsid, sizeof(nsid));
	attr(at, NETNSA_PID, &pid, sizeof(pid));
}

static void addrlabel_attrs(char **at) {
	struct in6_addr v6;
	uint32_t label = 5;

	inet_pton(AF_INET6, "2001:db8::1", &v6);
	attr(at, IFAL_ADDRESS, &v6, sizeof(v6));
	attr(at, IFAL_LABEL, &label, sizeof(label));
}

static void nexthop_attrs(char **at) {
	struct nexthop_grp group[2] = {{.id = 1, .weight = 2}, {.id = 3, .resvd2 = 4}};
	struct in_addr v4;
	uint32_t id = 9, lo = 1;
	uint16_t group_type = NEXTHOP_GRP_TYPE_RES, buckets = 8;
	char *nest;

	inet_pton(AF_INET, "192.0.2.1", &v4);
	attr(at, NHA_ID, &id, sizeof(id));
	attr(at, NHA_GROUP, group, sizeof(group));
	attr(at, NHA_GROUP_TYPE, &group_type, sizeof(group_type));
	attr(at, NHA_OIF, &lo, sizeof(lo));
	attr(at, NHA_GATEWAY, &v4, sizeof(v4));
	nest = *at;
	attr(at, NHA_RES_GROUP, NULL, 0);
	attr(at, NHA_RES_GROUP_BUCKETS, &buckets, sizeof(buckets));
	close_nest(nest, *at);
}

static void mdb_attrs(char **at) {
	struct br_mdb_entry entry = {.ifindex = 1, .state = MDB_PERMANENT,
				     .flags = MDB_FLAGS_OFFLOAD, .vid = 10,
				     .addr = {.proto = htons(AF_INET)}};
	uint32_t lo = 1;
	uint8_t router = MDB_RTR_TYPE_PERM;
	char *mdb, *entries, *routers, *port;

	inet_pton(AF_INET, "239.1.2.3", &entry.addr.u.ip4);
	mdb = *at;
	attr(at, MDBA_MDB, NULL, 0);
	entries = *at;
	attr(at, MDBA_MDB_ENTRY, NULL, 0);
	attr(at, MDBA_MDB_ENTRY_INFO, &entry, sizeof(entry));
	close_nest(entries, *at);
	close_nest(mdb, *at);
	routers = *at;
	attr(at, MDBA_ROUTER, NULL, 0);
	port = *at;
	attr(at, MDBA_ROUTER_PORT, &lo, sizeof(lo));
	attr(at, MDBA_ROUTER_PATTR_TYPE, &router, 1);
	close_nest(port, *at);
	close_nest(routers, *at);
}

static void qdisc_attrs(char **at) {
	struct tc_sizespec spec = {.cell_log = 3, .size_log = 2, .cell_align = -1,
				   .overhead = -4, .linklayer = 1, .mpu = 64, .mtu = 1500,
				   .tsize = 2};
	uint16_t data[2] = {10, 20};
	char *nest;

	attr(at, TCA_KIND, "pfifo", 6);
	nest = *at;
	attr(at, TCA_STAB, NULL, 0);
	attr(at, TCA_STAB_BASE, &spec, sizeof(spec));
	attr(at, TCA_STAB_DATA, data, sizeof(data));
	close_nest(nest, *at);
}

static void link_attrs(char **at) {
	struct rtnl_link_ifmap map = {.mem_start = 0xd0000, .mem_end = 0xdffff, .irq = 11,
				      .dma = 2, .port = 1};
	struct ifla_port_vsi vsi = {.vsi_mgr_id = 1, .vsi_type_id = {1, 2, 3},
				    .vsi_type_version = 4};
	struct in6_addr token;
	uint32_t mask = RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS, vf = 2, forwarding[2] = {1, 0};
	uint32_t ageing = 30000, owner = 0;
	uint16_t vlan_proto = htons(ETH_P_8021Q);
	uint8_t mode = IN6_ADDR_GEN_MODE_NONE, tun_type = IFF_TAP & 0xff;
	char *nest, *inner, *family;

	inet_pton(AF_INET6, "::1:2", &token);
	attr(at, IFLA_ADDRESS, "\x02\x00\x00\xab\xcd\xef\x01\x02", 8);
	attr(at, IFLA_MAP, &map, sizeof(map));
	attr(at, IFLA_EXT_MASK, &mask, sizeof(mask));
	nest = *at;
	attr(at, IFLA_PORT_SELF, NULL, 0);
	attr(at, IFLA_PORT_PROFILE, "profile", 8);
	attr(at, IFLA_PORT_VSI_TYPE, &vsi, sizeof(vsi));
	close_nest(nest, *at);
	nest = *at;
	attr(at, IFLA_VF_PORTS, NULL, 0);
	inner = *at;
	attr(at, IFLA_VF_PORT, NULL, 0);
	attr(at, IFLA_PORT_VF, &vf, sizeof(vf));
	close_nest(inner, *at);
	close_nest(nest, *at);
	nest = *at;
	attr(at, IFLA_AF_SPEC, NULL, 0);
	family = *at;
	attr(at, AF_INET, NULL, 0);
	attr(at, IFLA_INET_CONF, forwarding, sizeof(forwarding));
	close_nest(family, *at);
	family = *at;
	attr(at, AF_INET6, NULL, 0);
	attr(at, IFLA_INET6_TOKEN, &token, sizeof(token));
	attr(at, IFLA_INET6_ADDR_GEN_MODE, &mode, 1);
	close_nest(family, *at);
	close_nest(nest, *at);
	// A bridge's data, then a tun device's (the kind says which).
	nest = *at;
	attr(at, IFLA_LINKINFO, NULL, 0);
	attr(at, IFLA_INFO_KIND, "bridge", 7);
	inner = *at;
	attr(at, IFLA_INFO_DATA, NULL, 0);
	attr(at, IFLA_BR_AGEING_TIME, &ageing, sizeof(ageing));
	attr(at, IFLA_BR_VLAN_PROTOCOL, &vlan_proto, sizeof(vlan_proto));
	close_nest(inner, *at);
	close_nest(nest, *at);
	nest = *at;
	attr(at, IFLA_LINKINFO, NULL, 0);
	attr(at, IFLA_INFO_KIND, "tun", 4);
	inner = *at;
	attr(at, IFLA_INFO_DATA, NULL, 0);
	attr(at, IFLA_TUN_OWNER, &owner, sizeof(owner));
	attr(at, IFLA_TUN_TYPE, &tun_type, 1);
	close_nest(inner, *at);
	close_nest(nest, *at);
}

static void inet6_protinfo_attrs(char **at) {
	uint32_t flags = 0x80000000 | 0x10;  // IF_READY | IF_RS_SENT
	char *nest = *at;

	attr(at, IFLA_PROTINFO, NULL, 0);
	attr(at, IFLA_INET6_FLAGS, &flags, sizeof(flags));
	close_nest(nest, *at);
}

static void bridge_spec_attrs(char **at) {
	uint16_t flags = BRIDGE_FLAGS_SELF;
	struct bridge_vlan_info vlan = {.flags = BRIDGE_VLAN_INFO_PVID, .vid = 5};
	char *nest;

	attr(at, IFLA_BROADCAST, "\xff\xff\xff\xff\xff\xff", 6);
	nest = *at;
	attr(at, IFLA_AF_SPEC, NULL, 0);
	attr(at, IFLA_BRIDGE_FLAGS, &flags, sizeof(flags));
	attr(at, IFLA_BRIDGE_VLAN_INFO, &vlan, sizeof(vlan));
	close_nest(nest, *at);
}

// The other rtnetlink messages asked for (get requests): traffic control actions, neighbour
// tables, netconf, namespace ids, address labels, next hops, DCB, the multicast database, a
// queueing discipline's size table; links' maps, ports, masks, per-family settings and data by
// link kind; an IPv6 device's and a bridge's; structs cut short.
static void route_families(void) {
	struct tcamsg tca = {.tca_family = AF_UNSPEC};
	struct ndtmsg ndt = {.ndtm_family = AF_INET};
	struct netconfmsg ncm = {.ncm_family = AF_INET};
	struct rtgenmsg gen = {.rtgen_family = AF_UNSPEC};
	struct ifaddrlblmsg ifal = {.ifal_family = AF_INET6, .ifal_prefixlen = 64, .ifal_index = 1};
	struct nhmsg nh = {.nh_family = AF_INET, .nh_scope = RT_SCOPE_LINK,
			   .nh_protocol = RTPROT_STATIC, .nh_flags = RTNH_F_ONLINK};
	struct dcbmsg dcb = {.dcb_family = AF_UNSPEC, .cmd = DCB_CMD_GSTATE};
	struct br_port_msg bpm = {.family = AF_BRIDGE, .ifindex = 1};
	struct tcmsg tc = {.tcm_family = AF_UNSPEC, .tcm_ifindex = 1};
	struct ifinfomsg ifi = {.ifi_family = AF_UNSPEC, .ifi_index = 1};

	fd = bound(NETLINK_ROUTE);
	request(RTM_GETACTION, 21, &tca, sizeof(tca), action_attrs);
	request(RTM_GETNEIGHTBL, 22, &ndt, sizeof(ndt), neightbl_attrs);
	request(RTM_GETNETCONF, 23, &ncm, sizeof(ncm), netconf_attrs);
	request(RTM_GETNSID, 24, &gen, sizeof(gen), nsid_attrs);
	request(RTM_GETADDRLABEL, 25, &ifal, sizeof(ifal), addrlabel_attrs);
	request(RTM_GETNEXTHOP, 26, &nh, sizeof(nh), nexthop_attrs);
	request(RTM_GETDCB, 27, &dcb, sizeof(dcb), NULL);
	request(RTM_GETMDB, 28, &bpm, sizeof(bpm), mdb_attrs);
	request(RTM_GETQDISC, 29, &tc, sizeof(tc), qdisc_attrs);
	request(RTM_GETLINK, 30, &ifi, sizeof(ifi), link_attrs);
	ifi.ifi_family = AF_INET6;
	request(RTM_GETLINK, 31, &ifi, sizeof(ifi), inet6_protinfo_attrs);
	ifi.ifi_family = AF_BRIDGE;
	request(RTM_GETLINK, 32, &ifi, sizeof(ifi), bridge_spec_attrs);
	// Cut short: the family alone.
	one(RTM_GETADDRLABEL, NLM_F_REQUEST, 0, "\x0a\x00", 2);
	one(RTM_GETNEXTHOP, NLM_F_REQUEST, 0, "\x02", 1);
	close(fd);
}

// Addresses, routes, neighbours, rules and a queueing discipline asked for (get requests, which change nothing),
// each struct followed by its attributes: addresses by the message's family, interfaces,
// tables, nested metrics and next hops, link-layer addresses, ports, ranges, flags.
static void route_lookups(void) {
	static char buf[512];
	struct nlmsghdr *h = (struct nlmsghdr *)buf;
	char *body = NLMSG_DATA(h), *at, *nest;
	uint32_t lo = 1, table = RT_TABLE_MAIN, mtu = 1400, ifa_flags = IFA_F_PERMANENT | 0x10000;
	struct in_addr v4;
	struct in6_addr v6;

	inet_pton(AF_INET, "10.1.2.3", &v4);
	inet_pton(AF_INET6, "fe80::1", &v6);
	fd = bound(NETLINK_ROUTE);

	*h = (struct nlmsghdr){0, RTM_GETADDR, NLM_F_REQUEST, 21, 0};
	*(struct ifaddrmsg *)body = (struct ifaddrmsg){AF_INET, 8, IFA_F_SECONDARY, RT_SCOPE_HOST, 1};
	at = body + NLMSG_ALIGN(sizeof(struct ifaddrmsg));
	attr(&at, IFA_LOCAL, &v4, sizeof(v4));
	attr(&at, IFA_LABEL, "lo:1", 5);
	struct ifa_cacheinfo ci = {1, 2, 3, 4};
	attr(&at, IFA_CACHEINFO, &ci, sizeof(ci));
	attr(&at, IFA_FLAGS, &ifa_flags, sizeof(ifa_flags));
	attr(&at, IFA_ADDRESS, "\x01\x02", 2);  // shorter than an address
	h->nlmsg_len = at - buf;
	send_bytes(buf, h->nlmsg_len);

	*h = (struct nlmsghdr){0, RTM_GETROUTE, NLM_F_REQUEST, 22, 0};
	*(struct rtmsg *)body = (struct rtmsg){AF_INET6, 128, 0, IPTOS_LOWDELAY, RT_TABLE_MAIN,
					       RTPROT_STATIC, RT_SCOPE_UNIVERSE, RTN_UNICAST,
					       RTM_F_LOOKUP_TABLE};
	at = body + NLMSG_ALIGN(sizeof(struct rtmsg));
	attr(&at, RTA_DST, &v6, sizeof(v6));
	attr(&at, RTA_OIF, &lo, sizeof(lo));
	attr(&at, RTA_TABLE, &table, sizeof(table));
	nest = at;
	attr(&at, RTA_METRICS, NULL, 0);
	attr(&at, RTAX_MTU, &mtu, sizeof(mtu));
	attr(&at, RTAX_CC_ALGO, "cubic", 6);
	((struct nlattr *)nest)->nla_len = at - nest;
	nest = at;
	attr(&at, RTA_MULTIPATH, NULL, 0);
	struct rtnexthop *nh = (struct rtnexthop *)at;  // a next hop with its gateway, one bare
	*nh = (struct rtnexthop){0, RTNH_F_ONLINK, 1, 1};
	at += RTNH_ALIGN(sizeof(*nh));
	attr(&at, RTA_GATEWAY, &v6, sizeof(v6));
	nh->rtnh_len = at - (char *)nh;
	nh = (struct rtnexthop *)at;
	*nh = (struct rtnexthop){sizeof(*nh), 0, 2, 1};
	at += sizeof(*nh);
	((struct nlattr *)nest)->nla_len = at - nest;
	h->nlmsg_len = at - buf;
	send_bytes(buf, h->nlmsg_len);

	*h = (struct nlmsghdr){0, RTM_GETNEIGH, NLM_F_REQUEST, 23, 0};
	*(struct ndmsg *)body = (struct ndmsg){.ndm_family = AF_INET, .ndm_ifindex = 1,
					       .ndm_state = NUD_REACHABLE | NUD_PERMANENT,
					       .ndm_flags = NTF_PROXY, .ndm_type = RTN_LOCAL};
	at = body + NLMSG_ALIGN(sizeof(struct ndmsg));
	uint16_t port = htons(4789), none = 0;
	attr(&at, NDA_DST, &v4, sizeof(v4));
	attr(&at, NDA_LLADDR, "\x02\x00\xab\xcd\xef\x01", 6);
	attr(&at, NDA_PORT, &port, sizeof(port));
	attr(&at, NDA_NDM_STATE_MASK, &none, sizeof(none));
	h->nlmsg_len = at - buf;
	send_bytes(buf, h->nlmsg_len);

	*h = (struct nlmsghdr){0, RTM_GETRULE, NLM_F_REQUEST, 24, 0};
	*(struct fib_rule_hdr *)body = (struct fib_rule_hdr){.family = AF_INET, .dst_len = 8,
		.table = RT_TABLE_LOCAL, .action = FR_ACT_TO_TBL, .flags = FIB_RULE_INVERT};
	at = body + NLMSG_ALIGN(sizeof(struct fib_rule_hdr));
	struct fib_rule_uid_range uids = {1000, 2000};
	struct fib_rule_port_range ports = {80, 443};
	uint64_t tun = 0x0100000000000000ULL;  // htobe64(1)
	uint8_t proto = RTPROT_BOOT, ipproto = IPPROTO_TCP;
	attr(&at, FRA_DST, &v4, sizeof(v4));
	attr(&at, FRA_IIFNAME, "lo", 3);
	attr(&at, FRA_TABLE, &table, sizeof(table));
	attr(&at, FRA_UID_RANGE, &uids, sizeof(uids));
	attr(&at, FRA_DPORT_RANGE, &ports, sizeof(ports));
	attr(&at, FRA_TUN_ID, &tun, sizeof(tun));
	attr(&at, FRA_PROTOCOL, &proto, 1);
	attr(&at, FRA_IP_PROTO, &ipproto, 1);
	h->nlmsg_len = at - buf;
	send_bytes(buf, h->nlmsg_len);

	*h = (struct nlmsghdr){0, RTM_GETQDISC, NLM_F_REQUEST, 25, 0};
	*(struct tcmsg *)body = (struct tcmsg){.tcm_family = AF_UNSPEC, .tcm_ifindex = 1,
					       .tcm_handle = 0x10000, .tcm_parent = TC_H_ROOT};
	at = body + NLMSG_ALIGN(sizeof(struct tcmsg));
	struct tc_estimator est = {-2, 3};
	struct gnet_stats_queue queue = {1, 2, 3, 4, 5};
	attr(&at, TCA_KIND, "pfifo", 6);
	attr(&at, TCA_RATE, &est, sizeof(est));
	nest = at;
	attr(&at, TCA_STATS2, NULL, 0);
	attr(&at, TCA_STATS_QUEUE, &queue, sizeof(queue));
	((struct nlattr *)nest)->nla_len = at - nest;
	h->nlmsg_len = at - buf;
	send_bytes(buf, h->nlmsg_len);
	close(fd);
}

static void sock_diag(void) {
	fd = bound(NETLINK_SOCK_DIAG);
	one(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, 0, NULL, 0);
	one(SOCK_DESTROY, NLM_F_REQUEST, 0, "\xff" "12", 3);  // unknown family
	one(0x30, NLM_F_REQUEST, 0, NULL, 0);                   // unknown type
	// Requests and answers shorter than their struct, and one unreadable after its family.
	one(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, 0, "\x01\x02", 2);     // AF_UNIX request
	one(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, 0, "\x11\x00", 2);       // AF_PACKET answer
	one(TCPDIAG_GETSOCK, NLM_F_REQUEST, 0, "\x02\x00\x00", 3);    // the old inet request
	one(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, 0, "\x10", 1);         // the family alone
	struct nlmsghdr *edge = (struct nlmsghdr *)page_end(NLMSG_HDRLEN + 1);
	*edge = (struct nlmsghdr){NLMSG_HDRLEN + 24, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, 8, 0};
	*(char *)NLMSG_DATA(edge) = AF_NETLINK;
	sendto(fd, edge, NLMSG_HDRLEN + 24, MSG_DONTWAIT, NULL, 0);
	close(fd);
}

// NETLINK_NETFILTER: a subsystem's messages by name, with their get/new/delete flags.
static void table_name(char **at) {
	attr(at, NFTA_TABLE_NAME, "no-such-table", 14);
}

static void netfilter(void) {
	struct nfgenmsg nf = {.nfgen_family = AF_INET, .version = NFNETLINK_V0,
			      .res_id = htons(NFNL_SUBSYS_NFTABLES)};
	struct {
		struct nfgenmsg nf;
		char rest[4];
	} batch = {{AF_UNSPEC, NFNETLINK_V0, htons(10)}, "1234"};

	fd = bound(NETLINK_NETFILTER);
	one(NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_GET, NLM_F_REQUEST | NLM_F_DUMP, 0, NULL, 0);
	one(NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWTABLE, NLM_F_REQUEST | NLM_F_CREATE, 0, NULL, 0);
	one(NFNL_SUBSYS_ACCT << 8 | 0xff, NLM_F_REQUEST, 0, NULL, 0);  // unknown message
	one(NFNL_MSG_BATCH_BEGIN, NLM_F_REQUEST, 0, NULL, 0);
	// struct nfgenmsg: nf_tables' resource id in either byte order, its attributes (no
	// names: strace has no table of them), a batch's bytes, one cut short.
	request(NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_GETTABLE, 40, &nf, sizeof(nf), table_name);
	nf.res_id = NFNL_SUBSYS_NFTABLES;
	request(NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_GETTABLE, 41, &nf, sizeof(nf), NULL);
	request(NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_GET, 42, &nf, sizeof(nf), NULL);
	one(NFNL_MSG_BATCH_BEGIN, NLM_F_REQUEST, 0, &batch, sizeof(batch));
	one(NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_GETTABLE, NLM_F_REQUEST, 0, "\x02\x00", 2);
	close(fd);
}

// SELinux's notices, and a libudev message on a NETLINK_KOBJECT_UEVENT socket: its header,
// then its properties as text.
static void selinux_and_uevent(void) {
	struct selnl_msg_setenforce enforce = {.val = -1};
	struct selnl_msg_policyload load = {.seqno = 7};
	struct {
		char prefix[8];
		uint32_t magic, header_size, properties_off, properties_len, subsystem, devtype,
			bloom_hi, bloom_lo;
		char properties[16];
	} udev = {"libudev", htonl(0xfeedcafe), 40, 40, 16, htonl(0x1234), 0, htonl(1), 0,
		  "ACTION=add\0SEQ="};

	fd = maybe_bound(NETLINK_SELINUX);
	if (fd >= 0) {
		one(SELNL_MSG_SETENFORCE, NLM_F_REQUEST, 0, &enforce, sizeof(enforce));
		one(SELNL_MSG_POLICYLOAD, NLM_F_REQUEST, 0, &load, sizeof(load));
		one(SELNL_MSG_POLICYLOAD, NLM_F_REQUEST, 0, "\x01", 1);
		close(fd);
	}
	fd = maybe_bound(NETLINK_KOBJECT_UEVENT);
	if (fd >= 0) {
		send_bytes(&udev, sizeof(udev));
		send_bytes(&udev, 40);
		send_bytes("add@/devices/virtual", 20);  // the kernel's: text
		close(fd);
	}
}

int main(void) {
	route();
	netfilter();
	selinux_and_uevent();
	route_structs();
	route_lookups();
	route_families();
	sock_diag();
	return 0;
}
