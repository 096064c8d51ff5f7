// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The constants of sockets: address families, socket types and flags, protocols, levels and
// options, message flags; and socket option values by their type.
#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <linux/filter.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/ip_icmp.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>
#include <initializer_list>

#include "decode_printers.h"
#include "decode_structs.h"
#include "text.h"
#include "uapi_consts.h"

namespace observer {

namespace {

using namespace text;

// SOCK_* are the C library's (sys/socket.h): no uapi header defines them (nor AF_*: the
// families are decode_structs.cpp's).

constexpr Flag kSockTypes[] = {{SOCK_STREAM, "SOCK_STREAM"}, {SOCK_DGRAM, "SOCK_DGRAM"},
                               {SOCK_RAW, "SOCK_RAW"},       {SOCK_SEQPACKET, "SOCK_SEQPACKET"},
                               {SOCK_RDM, "SOCK_RDM"},       {SOCK_DCCP, "SOCK_DCCP"},
                               {SOCK_PACKET, "SOCK_PACKET"}};

constexpr Flag kSockFlags[] = {{SOCK_CLOEXEC, "SOCK_CLOEXEC"}, {SOCK_NONBLOCK, "SOCK_NONBLOCK"}};

// The levels of socket options are the C library's (bits/socket.h, netinet/in.h: the uapi
// headers define SOL_SOCKET alone), in strace's order. AF_VSOCK is a level of its own
// (net/vmw_vsock/af_vsock.c reads it as one).
constexpr Flag kSockLevels[] = {
    {SOL_IP, "SOL_IP"},         {SOL_SOCKET, "SOL_SOCKET"},       {SOL_TCP, "SOL_TCP"},
    {SOL_UDP, "SOL_UDP"},       {AF_VSOCK, "AF_VSOCK"},           {SOL_IPV6, "SOL_IPV6"},
    {SOL_ICMPV6, "SOL_ICMPV6"}, {100, "SOL_CAN_BASE"},            {101, "SOL_CAN_RAW"},
    {132, "SOL_SCTP"},          {136, "SOL_UDPLITE"},             {SOL_RAW, "SOL_RAW"},
    {256, "SOL_IPX"},           {257, "SOL_AX25"},                {258, "SOL_ATALK"},
    {259, "SOL_NETROM"},        {260, "SOL_ROSE"},                {SOL_DECNET, "SOL_DECNET"},
    {SOL_X25, "SOL_X25"},       {SOL_PACKET, "SOL_PACKET"},       {SOL_ATM, "SOL_ATM"},
    {SOL_AAL, "SOL_AAL"},       {SOL_IRDA, "SOL_IRDA"},           {SOL_NETBEUI, "SOL_NETBEUI"},
    {SOL_LLC, "SOL_LLC"},       {SOL_DCCP, "SOL_DCCP"},           {SOL_NETLINK, "SOL_NETLINK"},
    {SOL_TIPC, "SOL_TIPC"},     {SOL_RXRPC, "SOL_RXRPC"},         {SOL_PPPOL2TP, "SOL_PPPOL2TP"},
    {SOL_BLUETOOTH, "SOL_BLUETOOTH"}, {SOL_PNPIPE, "SOL_PNPIPE"}, {SOL_RDS, "SOL_RDS"},
    {SOL_IUCV, "SOL_IUCV"},     {SOL_CAIF, "SOL_CAIF"},           {SOL_ALG, "SOL_ALG"},
    {SOL_NFC, "SOL_NFC"},       {SOL_KCM, "SOL_KCM"},             {SOL_TLS, "SOL_TLS"},
    {SOL_XDP, "SOL_XDP"}};

// MSG_* are the C library's (bits/socket.h): the kernel's are in include/linux/socket.h,
// outside the uapi headers. strace's order; MSG_SENDPAGE_NOTLAST and MSG_NO_SHARED_FRAGS are
// the kernel's internal bits of the same values.
constexpr Flag kMsgFlagNames[] = {
    {0x1, "MSG_OOB"},           {0x2, "MSG_PEEK"},          {0x4, "MSG_DONTROUTE"},
    {0x8, "MSG_CTRUNC"},        {0x10, "MSG_PROBE"},        {0x20, "MSG_TRUNC"},
    {0x40, "MSG_DONTWAIT"},     {0x80, "MSG_EOR"},          {0x100, "MSG_WAITALL"},
    {0x200, "MSG_FIN"},         {0x400, "MSG_SYN"},         {0x800, "MSG_CONFIRM"},
    {0x1000, "MSG_RST"},        {0x2000, "MSG_ERRQUEUE"},   {0x4000, "MSG_NOSIGNAL"},
    {0x8000, "MSG_MORE"},       {0x10000, "MSG_WAITFORONE"}, {0x20000, "MSG_SENDPAGE_NOTLAST"},
    {0x40000, "MSG_BATCH"},     {0x80000, "MSG_NO_SHARED_FRAGS"},
    {0x4000000, "MSG_ZEROCOPY"}, {0x20000000, "MSG_FASTOPEN"},
    {0x40000000, "MSG_CMSG_CLOEXEC"}, {0x80000000, "MSG_CMSG_COMPAT"}};

// SOL_RAW's one option (linux/icmp.h, which cannot be included with net/if.h), and the ICMP
// types (netinet/ip_icmp.h) as strace names the bits of its filter.
constexpr uint32_t kIcmpFilter = 1;
constexpr Flag kIcmpTypes[] = {
    {ICMP_ECHOREPLY, "ICMP_ECHOREPLY"},       {ICMP_DEST_UNREACH, "ICMP_DEST_UNREACH"},
    {ICMP_SOURCE_QUENCH, "ICMP_SOURCE_QUENCH"}, {ICMP_REDIRECT, "ICMP_REDIRECT"},
    {ICMP_ECHO, "ICMP_ECHO"},                 {ICMP_TIME_EXCEEDED, "ICMP_TIME_EXCEEDED"},
    {ICMP_PARAMETERPROB, "ICMP_PARAMETERPROB"}, {ICMP_TIMESTAMP, "ICMP_TIMESTAMP"},
    {ICMP_TIMESTAMPREPLY, "ICMP_TIMESTAMPREPLY"}, {ICMP_INFO_REQUEST, "ICMP_INFO_REQUEST"},
    {ICMP_INFO_REPLY, "ICMP_INFO_REPLY"},     {ICMP_ADDRESS, "ICMP_ADDRESS"},
    {ICMP_ADDRESSREPLY, "ICMP_ADDRESSREPLY"}};

char* put_sock_level(char* out, uint32_t level) {
  return put_xval(out, level, kSockLevels, "SOL_??");
}

// An option's name, by its level: SOL_SOCKET's SO_SNDBUF. getsockopt and setsockopt differ
// in one name of SOL_SOCKET (SO_GET_FILTER, SO_ATTACH_FILTER).
char* put_sockopt_names(char* out, uint32_t level, uint32_t name, bool get);

// The same as -X asks: hex for the levels whose options have names, as strace's printxval.
char* put_sockopt_name(char* out, uint32_t level, uint32_t name, bool get) {
  switch (level) {
    case SOL_SOCKET: case SOL_IP: case SOL_IPV6: case SOL_TCP: case SOL_UDP: case SOL_NETLINK:
    case SOL_PACKET: case SOL_RAW:
      return put_xlat_hex(out, name, [=](char* o) {
        return put_sockopt_names(o, level, name, get);
      });
    default:
      return put_num(out, name);
  }
}

char* put_sockopt_names(char* out, uint32_t level, uint32_t name, bool get) {
  switch (level) {
    case SOL_SOCKET:
      for (const Flag& f : uapi::k_sock_options)
        if (f.value == name) return put(out, f.name);
      return get ? put_xval(out, name, uapi::k_getsock_options, "SO_???")
                 : put_xval(out, name, uapi::k_setsock_options, "SO_???");
    case SOL_IP:
      return put_xval(out, name, uapi::k_sock_ip_options, "IP_???");
    case SOL_IPV6:
      return put_xval(out, name, uapi::k_sock_ipv6_options, "IPV6_???");
    case SOL_TCP:
      return put_xval(out, name, uapi::k_sock_tcp_options, "TCP_???");
    case SOL_UDP:
      return put_xval(out, name, uapi::k_sock_udp_options, "UDP_???");
    case SOL_NETLINK:
      return put_xval(out, name, uapi::k_sock_netlink_options, "NETLINK_???");
    case SOL_PACKET:
      return put_xval(out, name, uapi::k_sock_packet_options, "PACKET_???");
    case SOL_RAW: {
      constexpr Flag kRaw[] = {{kIcmpFilter, "ICMP_FILTER"}};
      return put_xval(out, name, kRaw, "RAW_???");
    }
    default:
      return put_num(out, name);
  }
}

// The SOL_SOCKET options whose value is an int (strace's list, net/core/sock.c).
bool int_sockopt(uint32_t name) {
  switch (name) {
    case SO_DEBUG: case SO_REUSEADDR: case SO_DONTROUTE: case SO_BROADCAST: case SO_SNDBUF:
    case SO_RCVBUF: case SO_KEEPALIVE: case SO_OOBINLINE: case SO_NO_CHECK: case SO_PRIORITY:
    case SO_BSDCOMPAT: case SO_REUSEPORT: case SO_PASSCRED: case SO_RCVLOWAT: case SO_SNDLOWAT:
    case SO_DETACH_FILTER: case SO_TIMESTAMP_OLD: case SO_ACCEPTCONN: case SO_SNDBUFFORCE:
    case SO_RCVBUFFORCE: case SO_PASSSEC: case SO_TIMESTAMPNS_OLD: case SO_MARK:
    case SO_TIMESTAMPING_OLD: case SO_RXQ_OVFL: case SO_WIFI_STATUS: case SO_PEEK_OFF:
    case SO_NOFCS: case SO_LOCK_FILTER: case SO_SELECT_ERR_QUEUE: case SO_BUSY_POLL:
    case SO_INCOMING_CPU: case SO_CNX_ADVICE: case SO_INCOMING_NAPI_ID: case SO_ZEROCOPY:
    case SO_TIMESTAMP_NEW: case SO_TIMESTAMPNS_NEW: case SO_TIMESTAMPING_NEW:
    case SO_DETACH_REUSEPORT_BPF: case SO_PREFER_BUSY_POLL: case SO_BUSY_POLL_BUDGET:
    case SO_RESERVE_MEM: case SO_RCVMARK:
      return true;
    default:
      return false;
  }
}

int32_t int_at(std::string_view bytes, size_t at) {
  int32_t v = 0;
  if (bytes.size() >= at + sizeof(v)) std::memcpy(&v, bytes.data() + at, sizeof(v));
  return v;
}

char* put_int_value(char* out, int32_t v) { return put(put_num(put(out, "["), v), "]"); }

char* put_txrehash(char* out, int32_t v) {
  for (const Flag& f : uapi::k_txrehash)
    if (static_cast<int64_t>(f.value) == v) return put(put(put(out, "["), f.name), "]");
  return put(put_num(put(out, "["), v), " /* SOCK_TXREHASH_??? */]");
}

// inet_addr("224.0.0.3"); with -X raw the four bytes, "\xe0\x00\x00\x03", and with -X
// verbose the bytes and the words in a comment, as strace writes ip_mreq's addresses.
char* put_inet_addr(char* out, const void* addr) {
  char text[INET_ADDRSTRLEN] = {};
  inet_ntop(AF_INET, addr, text, sizeof(text));
  std::string_view bytes(static_cast<const char*>(addr), 4);
  return put_xlat(out, [bytes](char* o) { return put_hex_quoted(o, bytes, false); },
                  [&text](char* o) { return put(put(put(o, "inet_addr(\""), text), "\")"); });
}


// Fields of a struct strace shows while they fit in len: {pid=1, uid=0}, and the bytes of a
// field cut short in hex, {pid="\xe4\x44\x00"}. Fields from unsigned_from on are unsigned.
char* put_int_fields(char* out, std::string_view bytes, size_t len,
                     std::initializer_list<std::string_view> names, size_t unsigned_from) {
  *out++ = '{';
  size_t at = 0, k = 0;
  for (std::string_view name : names) {
    if (at >= len) break;
    if (at) out = put(out, ", ");
    out = put(put(out, name), "=");
    if (len - at < sizeof(int32_t)) {
      out = put_hex_quoted(out, bytes.substr(at, len - at), false);
      break;
    }
    int32_t v = int_at(bytes, at);
    out = k++ >= unsigned_from ? put_num(out, static_cast<uint32_t>(v)) : put_num(out, v);
    at += sizeof(int32_t);
  }
  return put(out, "}");
}

// packet_mreq's mr_type (linux/if_packet.h).
constexpr Flag kPacketMreqTypes[] = {
    {PACKET_MR_MULTICAST, "PACKET_MR_MULTICAST"}, {PACKET_MR_PROMISC, "PACKET_MR_PROMISC"},
    {PACKET_MR_ALLMULTI, "PACKET_MR_ALLMULTI"},   {PACKET_MR_UNICAST, "PACKET_MR_UNICAST"}};

char* put_packet_mreq(char* out, std::string_view bytes) {
  packet_mreq m;
  std::memcpy(&m, bytes.data(), sizeof(m));
  out = put_ifindex(put(out, "{mr_ifindex="), static_cast<uint32_t>(m.mr_ifindex));
  out = put_xval(put(out, ", mr_type="), m.mr_type, kPacketMreqTypes, "PACKET_MR_???");
  out = put_num(put(out, ", mr_alen="), m.mr_alen);
  out = put(out, ", mr_address=");
  size_t n = std::min<size_t>(m.mr_alen, sizeof(m.mr_address));
  static constexpr char kHex[] = "0123456789abcdef";
  for (size_t k = 0; k < n; ++k) {
    if (k) *out++ = ':';
    *out++ = kHex[m.mr_address[k] >> 4];
    *out++ = kHex[m.mr_address[k] & 15];
  }
  return put(out, "}");
}

char* put_icmp_filter(char* out, std::string_view bytes, int len) {
  uint32_t data = ~0u;
  std::memcpy(&data, bytes.data(), std::min<size_t>(len, sizeof(data)));
  // More than half the bits set: the ones not set, after a ~.
  if (__builtin_popcount(data) > 16) {
    data = ~data;
    *out++ = '~';
  }
  *out++ = '[';
  bool first = true;
  for (unsigned bit = 0; bit < 32; ++bit) {
    if (!(data & (1u << bit))) continue;
    if (!first) *out++ = ' ';
    first = false;
    out = put_xval(out, bit, kIcmpTypes, "ICMP_???");
  }
  return put(out, "]");
}

// getsockopt's value: rlen bytes the call filled (ulen: the room it was given).
char* put_getsockopt_value(char* out, uint32_t level, uint32_t name, std::string_view bytes,
                           int ulen, int rlen) {
  auto len = static_cast<size_t>(rlen);
  // What was readable of it: the whole but for NETLINK_LIST_MEMBERSHIPS, whose length is
  // what the groups need and may be more than the room given.
  bool whole = bytes.size() >= len;
  if (!whole && !(level == SOL_NETLINK && name == NETLINK_LIST_MEMBERSHIPS)) return nullptr;
  switch (level) {
    case SOL_SOCKET:
      if (name == SO_ATTACH_FILTER) return nullptr;  // SO_GET_FILTER: its program under -v
      if (name == SO_LINGER)
        return put_int_fields(out, bytes, std::min<size_t>(len, 8), {"l_onoff", "l_linger"}, 2);
      if (name == SO_PEERCRED)
        return put_int_fields(out, bytes, std::min<size_t>(len, 12), {"pid", "uid", "gid"}, 1);
      if (name == SO_ERROR) {
        if (len < sizeof(int32_t)) return put_hex_quoted(out, bytes.substr(0, len), false);
        auto err = static_cast<uint32_t>(int_at(bytes, 0));
        std::string_view symbol = errno_symbol(static_cast<int>(err));
        return put(symbol.empty() ? put_num(put(out, "["), err) : put(put(out, "["), symbol),
                   "]");
      }
      if (name == SO_TXREHASH)
        return len < sizeof(int32_t) ? put_hex_quoted(out, bytes.substr(0, len), false)
                                     : put_txrehash(out, int_at(bytes, 0));
      if (int_sockopt(name))
        return len < sizeof(int32_t) ? put_hex_quoted(out, bytes.substr(0, len), false)
                                     : put_int_value(out, int_at(bytes, 0));
      break;
    case SOL_RAW:
      if (name == kIcmpFilter) return put_icmp_filter(out, bytes, rlen);
      break;
    case SOL_PACKET:
      if (name == PACKET_STATISTICS)
        return put_int_fields(out, bytes, std::min<size_t>(len, 12),
                              {"tp_packets", "tp_drops", "tp_freeze_q_cnt"}, 0);
      break;
    case SOL_NETLINK:
      if (name == NETLINK_LIST_MEMBERSHIPS) {
        size_t count = std::min<size_t>(std::min(ulen, rlen), bytes.size()) / sizeof(uint32_t);
        *out++ = '[';
        for (size_t k = 0; k < count; ++k)
          out = put_num(put(out, k ? ", " : ""), static_cast<uint32_t>(int_at(bytes, 4 * k)));
        return put(out, "]");
      }
      return len < sizeof(int32_t) ? nullptr : put_int_value(out, int_at(bytes, 0));
    default:
      break;
  }
  if (len == sizeof(int32_t)) return put_int_value(out, int_at(bytes, 0));
  return put_quoted(out, bytes.substr(0, len), false);
}

// The most of a socket option's value captured, at least (capture_plan.cpp's kSockoptMax).
constexpr size_t kSockoptMax = sizeof(group_req);

// MCAST_JOIN_GROUP's and MCAST_LEAVE_GROUP's struct group_req: the interface, the group's
// address; its address (nullptr) when len is shorter.
char* put_group_req(char* out, std::string_view bytes, int len) {
  if (len < static_cast<int>(sizeof(group_req)) || bytes.size() < sizeof(group_req))
    return nullptr;
  group_req req;
  std::memcpy(&req, bytes.data(), sizeof(req));
  out = put_ifindex(put(out, "{gr_interface="), req.gr_interface);
  std::string_view group = bytes.substr(offsetof(group_req, gr_group), sizeof(req.gr_group));
  return put(put_sockaddr(put(out, ", gr_group="), group), "}");
}

// setsockopt's value: len bytes given.
char* put_setsockopt_value(char* out, uint32_t level, uint32_t name, std::string_view bytes,
                           int len) {
  auto need = [&](size_t size) { return len >= 0 && static_cast<size_t>(len) >= size &&
                                        bytes.size() >= size; };
  switch (level) {
    case SOL_SOCKET:
      if (name == SO_LINGER) {
        if (!need(8)) return nullptr;
        return put_int_fields(out, bytes, 8, {"l_onoff", "l_linger"}, 2);
      }
      if (name == SO_TXREHASH) return need(4) ? put_txrehash(out, int_at(bytes, 0)) : nullptr;
      if (name == SO_ATTACH_FILTER || name == SO_ATTACH_REUSEPORT_CBPF) {
        // struct sock_fprog: the instructions only under strace -v.
        if (len != sizeof(sock_fprog) || bytes.size() < sizeof(sock_fprog)) return nullptr;
        sock_fprog prog;
        std::memcpy(&prog, bytes.data(), sizeof(prog));
        out = put_num(put(out, "{len="), prog.len);
        return put(put_hex(put(out, ", filter="), reinterpret_cast<uintptr_t>(prog.filter)),
                   "}");
      }
      if (int_sockopt(name)) return need(4) ? put_int_value(out, int_at(bytes, 0)) : nullptr;
      break;
    case SOL_IP:
      if (name == MCAST_JOIN_GROUP || name == MCAST_LEAVE_GROUP)
        return put_group_req(out, bytes, len);
      if (name == IP_ADD_MEMBERSHIP || name == IP_DROP_MEMBERSHIP) {
        if (!need(sizeof(ip_mreq))) return nullptr;
        ip_mreq m;
        std::memcpy(&m, bytes.data(), sizeof(m));
        out = put_inet_addr(put(out, "{imr_multiaddr="), &m.imr_multiaddr);
        out = put_inet_addr(put(out, ", imr_interface="), &m.imr_interface);
        return put(out, "}");
      }
      break;
    case SOL_IPV6:
      if (name == MCAST_JOIN_GROUP || name == MCAST_LEAVE_GROUP)
        return put_group_req(out, bytes, len);
      if (name == IPV6_ADD_MEMBERSHIP || name == IPV6_DROP_MEMBERSHIP ||
          name == IPV6_JOIN_ANYCAST || name == IPV6_LEAVE_ANYCAST) {
        if (!need(sizeof(ipv6_mreq))) return nullptr;
        ipv6_mreq m;
        std::memcpy(&m, bytes.data(), sizeof(m));
        char text[INET6_ADDRSTRLEN] = {};
        inet_ntop(AF_INET6, &m.ipv6mr_multiaddr, text, sizeof(text));
        if (display().xlat == Xlat::kAbbrev) {
          out = put(put(put(out, "{inet_pton(AF_INET6, \""), text), "\", &ipv6mr_multiaddr)");
        } else {  // the bytes, and with -X verbose the words in a comment
          std::string_view addr(reinterpret_cast<const char*>(&m.ipv6mr_multiaddr), 16);
          out = put_hex_quoted(put(out, "{ipv6mr_multiaddr="), addr, false);
          if (display().xlat == Xlat::kVerbose)
            out = put(put(put(out, " /* inet_pton(AF_INET6, \""), text), "\") */");
        }
        out = put_ifindex(put(out, ", ipv6mr_interface="), m.ipv6mr_interface);
        return put(out, "}");
      }
      break;
    case SOL_PACKET:
      if (name == PACKET_ADD_MEMBERSHIP || name == PACKET_DROP_MEMBERSHIP) {
        if (len != sizeof(packet_mreq) || bytes.size() < sizeof(packet_mreq)) return nullptr;
        return put_packet_mreq(out, bytes);
      }
      if (name == PACKET_RX_RING || name == PACKET_TX_RING) {
        if (len != sizeof(tpacket_req) || bytes.size() < sizeof(tpacket_req)) return nullptr;
        return put_int_fields(out, bytes, sizeof(tpacket_req),
                              {"tp_block_size", "tp_block_nr", "tp_frame_size", "tp_frame_nr"},
                              0);
      }
      break;
    case SOL_RAW:
      if (name == kIcmpFilter) {
        if (len <= 0 || bytes.empty()) return nullptr;
        return put_icmp_filter(out, bytes, std::min<int>(len, static_cast<int>(bytes.size())));
      }
      break;
    case SOL_NETLINK:
      return need(4) ? put_int_value(out, int_at(bytes, 0)) : nullptr;
    default:
      break;
  }
  if (len == sizeof(int32_t)) return need(4) ? put_int_value(out, int_at(bytes, 0)) : nullptr;
  // Bytes, unless only their readable start was read (less than the slot's size): strace
  // shows the pointer of what it cannot read whole.
  if (len < 0 || (bytes.size() < static_cast<size_t>(len) && bytes.size() < kSockoptMax))
    return nullptr;
  return put_quoted(out, bytes.substr(0, std::min<size_t>(len, bytes.size())),
                    bytes.size() < static_cast<size_t>(len));
}

// The type, then its flags: two constants under -X, 0x1 /* SOCK_STREAM */|0x80800 /* ... */.
char* put_sock_type(char* out, uint64_t v) {
  auto type = static_cast<int64_t>(v & 0xf);
  out = put_xlat_hex(out, static_cast<uint64_t>(type),
                     [type](char* o) { return put_enum_name(o, type, kSockTypes, {}); });
  uint64_t flags = v & ~uint64_t{0xf};
  if (!flags) return out;
  return put_xlat_hex(put(out, "|"), flags, [flags](char* o) {
    const char* start = o;
    if (flags & SOCK_CLOEXEC) o = put(o, "SOCK_CLOEXEC");
    if (flags & SOCK_NONBLOCK) o = put(o == start ? o : put(o, "|"), "SOCK_NONBLOCK");
    if (uint64_t rest = flags & ~uint64_t{SOCK_NONBLOCK | SOCK_CLOEXEC})
      o = put_hex(o == start ? o : put(o, "|"), rest);
    return o;
  });
}


// Control messages (sendmsg, recvmsg; strace's msghdr.c). SCM_RIGHTS and SCM_CREDENTIALS are
// the C library's (bits/socket.h), SCM_SECURITY the kernel's outside the uapi headers
// (include/linux/socket.h); the other types of SOL_SOCKET and SOL_IP are uapi::k_scm_types
// and uapi::k_ip_cmsg_types.
constexpr Flag kScmLibc[] = {
    {SCM_RIGHTS, "SCM_RIGHTS"}, {SCM_CREDENTIALS, "SCM_CREDENTIALS"}, {3, "SCM_SECURITY"}};
constexpr uint32_t kScmSecurity = 3;
// The elements strace shows of an array before "...": its default -s.
constexpr size_t kArrayShown = 32;

// [1, 2, ...]: the elements of type T in data (n of them, as many as were kept), in
// decimal or (hex) in hex.
template <class T>
char* put_array(char* out, std::string_view data, size_t n, bool hex) {
  *out++ = '[';
  for (size_t i = 0; i < n; ++i) {
    if (i) out = put(out, ", ");
    if (i >= kArrayShown || (i + 1) * sizeof(T) > data.size()) {
      out = put(out, "...");
      break;
    }
    T v;
    std::memcpy(&v, data.data() + i * sizeof(T), sizeof(T));
    out = hex ? put_hex(out, v) : put_num(out, v);
  }
  *out++ = ']';
  return out;
}

// strace's {tv_sec=1, tv_usec=2} of a cmsg (struct timeval and __kernel_sock_timeval are the
// same two 64-bit words here), or ??? when the data is shorter.
char* put_cmsg_timeval(char* out, std::string_view data) {
  int64_t tv[2];
  if (data.size() < sizeof(tv)) return put(out, "???");
  std::memcpy(tv, data.data(), sizeof(tv));
  return put(put_num(put(put_num(put(out, "{tv_sec="), tv[0]), ", tv_usec="), tv[1]), "}");
}

// count struct __kernel_timespec in a row, [{...}, ...] when more than one.
char* put_cmsg_timespecs(char* out, std::string_view data, size_t count) {
  constexpr size_t kSize = 16;
  if (data.size() < count * kSize) return put(out, "???");
  if (count > 1) *out++ = '[';
  for (size_t i = 0; i < count; ++i) {
    if (i) out = put(out, ", ");
    out = put_timespec(out, data.substr(i * kSize, kSize));
  }
  if (count > 1) *out++ = ']';
  return out;
}

char* put_cmsg_id(char* out, uint32_t id) {
  return id == UINT32_MAX ? put(out, "-1") : put_num(out, id);
}

// A cmsg's type, then ", cmsg_data=..." where strace decodes its level and type and the data
// (len bytes, of which data holds those kept) is long enough.
char* put_cmsg_type_data(char* out, int32_t level, int32_t type, std::string_view data,
                         uint64_t len) {
  uint32_t utype = static_cast<uint32_t>(type);
  auto data_field = [&](uint64_t min_len) {
    if (len < min_len) return false;
    out = put(out, ", cmsg_data=");
    return true;
  };
  data = data.substr(0, std::min<uint64_t>(len, data.size()));
  if (level == SOL_SOCKET) {
    bool known = false;
    for (const Flag& f : kScmLibc) known = known || f.value == utype;
    out = known ? put_xval(out, utype, kScmLibc, "SCM_???")
                : put_xval(out, utype, uapi::k_scm_types, "SCM_???");
    switch (utype) {
      case SCM_RIGHTS:
        if (data_field(sizeof(int32_t))) out = put_array<int32_t>(out, data, len / 4, false);
        break;
      case SCM_CREDENTIALS: {
        ucred uc;
        if (!data_field(sizeof(uc))) break;
        if (data.size() < sizeof(uc)) return put(out, "{...}");
        std::memcpy(&uc, data.data(), sizeof(uc));
        out = put_num(put(out, "{pid="), uc.pid);
        out = put_cmsg_id(put(out, ", uid="), uc.uid);
        out = put(put_cmsg_id(put(out, ", gid="), uc.gid), "}");
        break;
      }
      case kScmSecurity:
        if (data_field(1)) out = put_quoted(out, data, false);
        break;
      case SO_TIMESTAMP_OLD: case SO_TIMESTAMP_NEW:
        if (data_field(1)) out = put_cmsg_timeval(out, data);
        break;
      case SO_TIMESTAMPNS_OLD: case SO_TIMESTAMPNS_NEW:
        if (data_field(1)) out = put_cmsg_timespecs(out, data, 1);
        break;
      case SO_TIMESTAMPING_OLD: case SO_TIMESTAMPING_NEW:
        if (data_field(1)) out = put_cmsg_timespecs(out, data, 3);
        break;
      default:
        break;
    }
    return out;
  }
  if (level != SOL_IP) return put_hex(out, utype);
  out = utype == kScmSecurity ? put(out, "SCM_SECURITY")
                              : put_xval(out, utype, uapi::k_ip_cmsg_types, "IP_???");
  switch (utype) {
    case IP_PKTINFO: {
      in_pktinfo info;
      if (!data_field(sizeof(info))) break;
      if (data.size() < sizeof(info)) return put(out, "{...}");
      std::memcpy(&info, data.data(), sizeof(info));
      out = put_ifindex(put(out, "{ipi_ifindex="), static_cast<uint32_t>(info.ipi_ifindex));
      out = put_inet_addr(put(out, ", ipi_spec_dst="), &info.ipi_spec_dst);
      out = put(put_inet_addr(put(out, ", ipi_addr="), &info.ipi_addr), "}");
      break;
    }
    case IP_TTL: case IP_CHECKSUM:
      if (data_field(sizeof(uint32_t))) out = put_array<uint32_t>(out, data, len / 4, false);
      break;
    case IP_TOS: case IP_RECVOPTS: case IP_RETOPTS:
      if (data_field(1)) out = put_array<uint8_t>(out, data, len, true);
      break;
    case IP_RECVERR: {
      struct {
        uint32_t ee_errno;
        uint8_t ee_origin, ee_type, ee_code, ee_pad;
        uint32_t ee_info, ee_data;
      } ee;
      static_assert(sizeof(ee) == 16);
      if (!data_field(sizeof(ee) + sizeof(sockaddr_in))) break;
      if (data.size() < sizeof(ee) + sizeof(sockaddr_in)) return put(out, "{...}");
      std::memcpy(&ee, data.data(), sizeof(ee));
      out = put_num(put(out, "{ee_errno="), ee.ee_errno);
      out = put_num(put(out, ", ee_origin="), ee.ee_origin);
      out = put_num(put(out, ", ee_type="), ee.ee_type);
      out = put_num(put(out, ", ee_code="), ee.ee_code);
      out = put_num(put(out, ", ee_info="), ee.ee_info);
      out = put_num(put(out, ", ee_data="), ee.ee_data);
      out = put_sockaddr(put(out, ", offender="), data.substr(sizeof(ee), sizeof(sockaddr_in)));
      out = put(out, "}");
      break;
    }
    case IP_ORIGDSTADDR:
      if (data_field(sizeof(sockaddr_in)))
        out = put_sockaddr(out, data.substr(0, sizeof(sockaddr_storage)));
      break;
    case kScmSecurity:
      if (data_field(1)) out = put_quoted(out, data, false);
      break;
    default:
      break;
  }
  return out;
}

}  // namespace

char* put_net_arg(char* out, Arg type, uint64_t v, const __u64* args) noexcept {
  auto si = static_cast<int32_t>(v);
  switch (type) {
    case Arg::kFamily:
      return put_family(out, si);
    case Arg::kSockType:
      return put_sock_type(out, v);
    case Arg::kSockProto: {
      // The protocol's names depend on the family (argument 0): IPPROTO_ for AF_INET(6).
      int family = static_cast<int32_t>(args[0]);
      if (family == AF_INET || family == AF_INET6)
        return put_enum(out, si, uapi::k_inet_protocols);
      if (family == AF_NETLINK)
        return put_xval(out, static_cast<uint32_t>(si), uapi::k_netlink_protocols, "NETLINK_???");
      return put_num(out, si);
    }
    case Arg::kSockFlags:
      return put_flags(out, static_cast<uint32_t>(v), kSockFlags);
    case Arg::kSockLevel:
      return put_sock_level(out, static_cast<uint32_t>(v));
    case Arg::kSockoptGet:
    case Arg::kSockoptSet:
      return put_sockopt_name(out, static_cast<uint32_t>(args[1]), static_cast<uint32_t>(v),
                              type == Arg::kSockoptGet);
    case Arg::kMsgFlags:
      return put_flag_set(out, static_cast<uint32_t>(v), kMsgFlagNames, "MSG_???");
    default:
      return nullptr;
  }
}

bool is_net_value(Arg type) noexcept {
  return type == Arg::kSockoptIn || type == Arg::kSockoptOut;
}

char* put_net_value(char* out, Arg type, const Event& e, const Strings& items,
                    unsigned i) noexcept {
  uint64_t v = e.args[i];
  bool truncated = false;
  const std::string_view* bytes = v ? items.find_blob(i, &truncated) : nullptr;
  auto level = static_cast<uint32_t>(e.args[1]), name = static_cast<uint32_t>(e.args[2]);
  char* end = nullptr;
  if (bytes && type == Arg::kSockoptIn) {
    end = put_setsockopt_value(out, level, name, *bytes, static_cast<int32_t>(e.args[4]));
  } else if (type == Arg::kSockoptOut && (e.flags & EVENT_HAS_RET) && !is_error(e.ret)) {
    // The lengths given and returned (argument 4, read at entry and exit).
    const std::string_view* given = items.find_blob(4, &truncated);
    const std::string_view* got = items.find_exit_blob(4);
    const std::string_view* filled = v ? items.find_exit_blob(i) : nullptr;
    int ulen = given && given->size() >= 4 ? int_at(*given, 0) : 0;
    int rlen = got && got->size() >= 4 ? int_at(*got, 0) : 0;
    if (filled && ulen > 0 && rlen > 0)
      end = put_getsockopt_value(out, level, name, *filled, ulen, rlen);
    // Netlink groups of a room too short for one: none to read, [] whatever the memory.
    else if (v && level == SOL_NETLINK && name == NETLINK_LIST_MEMBERSHIPS && ulen > 0 &&
             rlen > 0 && std::min(ulen, rlen) < static_cast<int>(sizeof(uint32_t)))
      end = put(out, "[]");
  }
  if (end) return end;
  return put_addr(out, v);
}

char* put_sock_type_name(char* out, uint32_t type) noexcept {
  return put_xval(out, type, kSockTypes, "SOCK_???");
}

char* put_ifindex(char* out, uint32_t index) noexcept {
  char name[IF_NAMESIZE] = {};
  if (!index || !if_indextoname(index, name)) return put_num(out, index);
  return put_xlat_dec(out, index, [&name](char* o) {
    return put(put(put(o, "if_nametoindex(\""), name), "\")");
  });
}

char* put_msg_control(char* out, uint64_t addr, uint64_t controllen,
                      std::string_view blob) noexcept {
  if (!controllen) return out;
  out = put(out, ", msg_control=");
  control_head head;
  if (!load_at(blob, 0, &head) || !head.len || blob.size() < sizeof(head) + head.kept)
    return put_addr(out, addr);
  // struct cmsghdr of a 64-bit ABI: a size_t length, the level and the type.
  struct {
    uint64_t len;
    int32_t level, type;
  } cmsg;
  static_assert(sizeof(cmsg) == 16);
  std::string_view buf = blob.substr(sizeof(head), head.kept);
  uint64_t left = head.len;  // strace's buf_len: what is left of what it read
  size_t at = 0;
  *out++ = '[';
  while (left >= sizeof(cmsg) && at + sizeof(cmsg) <= buf.size()) {
    std::memcpy(&cmsg, buf.data() + at, sizeof(cmsg));
    if (at) out = put(out, ", ");
    out = put_num(put(out, "{cmsg_len="), cmsg.len);
    out = put_xval(put(out, ", cmsg_level="), static_cast<uint32_t>(cmsg.level), kSockLevels,
                   "SOL_???");
    uint64_t len = std::min(cmsg.len, left);
    out = put_cmsg_type_data(put(out, ", cmsg_type="), cmsg.level, cmsg.type,
                             buf.substr(at + sizeof(cmsg)),
                             len > sizeof(cmsg) ? len - sizeof(cmsg) : 0);
    *out++ = '}';
    if (len < sizeof(cmsg)) {
      left -= sizeof(cmsg);
      break;
    }
    uint64_t step = (cmsg.len + 7) & ~uint64_t{7};
    if (cmsg.len > UINT64_MAX - 7 || step >= left) {
      left = 0;
      break;
    }
    at += step;
    left -= step;
  }
  if (left) {
    out = put(out, ", ...");
    out = put(put_hex(put(out, " /* "), addr + (head.len - left)), " */");
  } else if (head.len < controllen) {
    out = put(out, ", ...");
  }
  return put(out, "]");
}

}  // namespace observer
