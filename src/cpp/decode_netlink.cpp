// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Netlink messages as strace writes a netlink socket's data (sendto's, recvfrom's): each
// struct nlmsghdr with its type and flags by the socket's protocol, an NLMSG_ERROR's
// struct nlmsgerr and the message it answers, NLMSG_DONE's int, other payloads in hex; where
// the bytes end or were not readable, strace's forms of what it could not fetch.
#include <arpa/inet.h>  // first: the C library's netinet/in.h before linux/in.h
#include <linux/cryptouser.h>
#include <linux/gen_stats.h>
#include <linux/genetlink.h>
#include <linux/dcbnl.h>
#include <linux/fib_rules.h>
#include <linux/if_addr.h>
#include <linux/if_addrlabel.h>
#include <linux/if_bonding.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/lwtunnel.h>
#include <linux/mpls.h>
#include <linux/mroute.h>
#include <linux/mroute6.h>
#include <linux/inet_diag.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nf_tables_compat.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_acct.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <linux/netfilter/nfnetlink_cthelper.h>
#include <linux/netfilter/nfnetlink_cttimeout.h>
#include <linux/netfilter/nfnetlink_hook.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/smc_diag.h>
#include <linux/unix_diag.h>
#include <linux/neighbour.h>
#include <linux/net_namespace.h>
#include <linux/netconf.h>
#include <linux/nexthop.h>
#include <linux/pkt_cls.h>
#include <linux/pkt_sched.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/selinux_netlink.h>
#include <linux/xfrm.h>
#include <linux/filter.h>
#include <linux/mptcp.h>
#include <linux/sock_diag.h>
#include <linux/tcp.h>
#include <linux/tls.h>
#include <sys/socket.h>  // AF_NETLINK: the C library's
#include <unistd.h>      // sysconf

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <type_traits>
#include <span>

#include "decode.h"
#include "decode_fields.h"
#include "decode_printers.h"
#include "decode_structs.h"
#include "text.h"
#include "uapi_consts.h"

namespace observer {

namespace {

using namespace text;
using namespace fields;
using Table = std::span<const Flag>;

// What was captured of the call's data: the bytes from addr that could be read, and how
// many the call moved (len); past bytes.size() strace would have failed to read them.
struct Memory {
  std::string_view bytes;
  uint64_t addr;

  bool readable(uint64_t off, uint64_t n) const noexcept {
    return off <= bytes.size() && n <= bytes.size() - off;
  }
  template <class T>
  T at(uint64_t off) const noexcept {
    T v;
    std::memcpy(&v, bytes.data() + off, sizeof(v));
    return v;
  }
};

// strace's printflags_ex over two tables: the bits of the first, then the second's, the
// rest in hex; none known at all: hex and a comment.
char* put_flags2(char* out, uint64_t v, Table first, Table second,
                 std::string_view unknown) noexcept {
  auto named = [&](char* o) {
    if (v == 0) {  // a flag of value 0 by its name (NUD_NONE)
      for (Table t : {first, second})
        for (const Flag& f : t)
          if (f.value == 0) return put(o, f.name);
      return put(o, "0");
    }
    uint64_t rest = v;
    bool any = false;
    for (Table t : {first, second})
      for (const Flag& f : t)
        if (f.value && (rest & f.value) == f.value) {
          o = put(any ? put(o, "|") : o, f.name);
          rest &= ~f.value;
          any = true;
        }
    if (rest) {
      o = put_hex(any ? put(o, "|") : o, rest);
      if (!any) o = put(put(put(o, " /* "), unknown), " */");
    }
    return o;
  };
  if (display().xlat != Xlat::kAbbrev)
    return put_xlat(out, [v](char* o) { return put_hex(o, v); }, named);
  return named(out);
}

// The elements strace shows of an array of messages or attributes before "...": -s.
bool past_limit(unsigned elt) noexcept {
  return display().abbrev && display().data_limit && elt == display().data_limit;
}

// strace's printstr_ex(QUOTE_FORCE_HEX): n bytes at off in hex, cut at -s, or the address
// when they cannot all be read.
char* put_hex_bytes(char* out, const Memory& m, uint64_t off, uint64_t n) noexcept {
  if (!m.readable(off, n)) return put_hex(out, m.addr + off);
  uint32_t limit = display().data_limit;
  if (limit && n > limit) return put_hex_quoted(out, m.bytes.substr(off, limit), true);
  return put_hex_quoted(out, m.bytes.substr(off, n), false);
}

// What cannot be fetched of an element of an array: "... /* 0x7ffd... */" within one, the
// address alone otherwise.
char* put_unfetched(char* out, uint64_t addr, bool in_array) noexcept {
  if (!in_array) return put_hex(out, addr);
  return put(put_hex(put(out, "... /* "), addr), " */");
}

constexpr uint64_t align4(uint64_t n) { return (n + 3) & ~uint64_t{3}; }

// strace's walk of netlink messages and of attributes alike: elements of len bytes at off,
// each head bytes or more with its length at its start (length(off)), each written by
// element(out, off, room) with the bytes left from its start; an array of them when more
// than one fits. What ends them: fewer bytes than a head (in hex), an unreadable head, -s
// elements, a length shorter than a head or running past the end.
template <class Length, class Element>
char* put_chain(char* out, const Memory& m, uint64_t off, uint64_t len, uint32_t head,
                Length length, Element element) noexcept {
  bool in_array = false;
  for (unsigned elt = 0;; ++elt) {
    if (len < head) {
      out = put_hex_bytes(out, m, off, len);
      break;
    }
    if (!m.readable(off, head)) {
      out = put_unfetched(out, m.addr + off, in_array);
      break;
    }
    if (past_limit(elt)) {
      out = put(out, "...");
      break;
    }
    uint64_t own = length(off), next_len = 0;
    if (own >= head) next_len = len >= align4(own) ? len - align4(own) : 0;
    if (!in_array && next_len) {
      out = put(out, "[");
      in_array = true;
    }
    out = element(out, off, len);
    if (!next_len) break;
    out = put(out, ", ");
    off += align4(own);
    len = next_len;
  }
  return in_array ? put(out, "]") : out;
}

// ------------------------------------------------------------------ attributes

constexpr uint32_t kNlaHdr = NLA_HDRLEN;

// A decoder of one attribute's value, from its payload at off, len bytes: false when it
// does not apply (the payload is then shown in hex).
// ctx: what the message says that its attributes depend on (ifinfomsg's family).
using AttrValue = bool (*)(char** out, const Memory& m, uint64_t off, uint32_t len,
                           uint16_t type, uint64_t ctx);
// How an attribute's type is named: from a table, or as an address family (IFLA_AF_SPEC's).
using TypeName = char* (*)(char* out, uint16_t type);

// strace's decode_nlattr: [{nla_len=, nla_type=}, value] for each attribute of len bytes at
// off, an array of them when more than one fits.
char* put_nlattrs(char* out, const Memory& m, uint64_t off, uint64_t len, Table types,
                  std::string_view unknown, AttrValue value, uint64_t ctx = 0,
                  TypeName type_name = nullptr) noexcept {
  auto length = [&](uint64_t at) { return m.at<uint16_t>(at); };
  return put_chain(out, m, off, len, kNlaHdr, length, [&](char* o, uint64_t at, uint64_t room) {
    auto nla_len = m.at<uint16_t>(at);
    auto nla_type = m.at<uint16_t>(at + 2);
    auto shown = static_cast<uint32_t>(nla_len < room ? nla_len : room);
    if (shown > kNlaHdr) o = put(o, "[");
    o = put(put_num(put(o, "{nla_len="), nla_len), ", nla_type=");
    if (nla_type & NLA_F_NESTED) o = put(o, "NLA_F_NESTED|");
    if (nla_type & NLA_F_NET_BYTEORDER) o = put(o, "NLA_F_NET_BYTEORDER|");
    auto type = static_cast<uint16_t>(nla_type & NLA_TYPE_MASK);
    o = put(type_name ? type_name(o, type) : put_xval(o, type, types, unknown), "}");
    if (shown <= kNlaHdr) return o;
    o = put(o, ", ");
    if (!value || !value(&o, m, at + kNlaHdr, shown - kNlaHdr, type, ctx))
      o = put_hex_bytes(o, m, at + kNlaHdr, shown - kNlaHdr);
    return put(o, "]");
  });
}

// strace's decode_nla_str: the bytes as a string (at most -s of them) less a trailing NUL,
// "..." after when there is none. Unreadable: the address.
bool put_nla_str(char** out, const Memory& m, uint64_t off, uint32_t len) noexcept {
  if (!m.readable(off, len)) {
    *out = put_hex(*out, m.addr + off);
    return true;
  }
  std::string_view str = m.bytes.substr(off, len);
  uint32_t limit = display().data_limit;
  bool cut = true;
  if (limit && str.size() > limit) {
    str = str.substr(0, limit);
  } else if (!str.empty() && str.back() == '\0') {
    str.remove_suffix(1);
    cut = false;
  }
  *out = put_quoted(*out, str, cut && len);
  return true;
}

// The same of a C string (IFLA_INFO_KIND): up to its first NUL, "..." after when none is
// within the bytes shown.
bool put_nla_cstr(char** out, const Memory& m, uint64_t off, uint32_t len) noexcept {
  if (!m.readable(off, len)) {
    *out = put_hex(*out, m.addr + off);
    return true;
  }
  std::string_view str = m.bytes.substr(off, len);
  uint32_t limit = display().data_limit;
  if (limit && str.size() > limit) str = str.substr(0, limit);
  size_t nul = str.find('\0');
  if (nul != std::string_view::npos) str = str.substr(0, nul);
  *out = put_quoted(*out, str, nul == std::string_view::npos && len);
  return true;
}

// strace's decode_nla_u32 and friends: the first bytes as the integer T (false when fewer
// bytes than a T: shown in hex), the address when unreadable.
template <class T>
bool put_nla_int(char** out, const Memory& m, uint64_t off, uint32_t len) noexcept {
  if (len < sizeof(T)) return false;
  if (!m.readable(off, sizeof(T)))
    *out = put_hex(*out, m.addr + off);
  else
    *out = put_num(*out, m.at<T>(off));
  return true;
}

// A field's or attribute's integer of size bytes (1, 2, 4 or 8) at off.
uint64_t uint_at(const Memory& m, uint64_t off, uint32_t size) noexcept {
  uint64_t v = 0;
  std::memcpy(&v, m.bytes.data() + off, size);  // little-endian, as the kernels we run on
  return v;
}

// strace's decode_nla_xval and decode_nla_flags: the value of size bytes (of up to 8 the
// attribute has, when size is 0) named from table or as flags; false for other lengths.
bool put_nla_xval(char** out, const Memory& m, uint64_t off, uint32_t len, uint32_t size,
                  Table table, std::string_view unknown, bool flags = false) noexcept {
  if (len > 8 || len < size) return false;
  if (size) len = size;
  if (!m.readable(off, len)) {
    *out = put_hex(*out, m.addr + off);
    return true;
  }
  uint64_t v = uint_at(m, off, len);
  *out = flags ? put_flags2(*out, v, table, {}, unknown) : put_xval(*out, v, table, unknown);
  return true;
}

// strace's decode_nla_ifindex: a u32 interface index.
bool put_nla_index(char** out, const Memory& m, uint64_t off, uint32_t len) noexcept {
  if (len < 4) return false;
  *out = m.readable(off, 4) ? put_ifindex(*out, m.at<uint32_t>(off)) : put_hex(*out, m.addr + off);
  return true;
}

// strace's decode_nla_be16 and be64: htons(80), htobe64(1).
template <class T>
bool put_nla_be(char** out, const Memory& m, uint64_t off, uint32_t len) noexcept {
  if (len < sizeof(T)) return false;
  if (!m.readable(off, sizeof(T))) {
    *out = put_hex(*out, m.addr + off);
    return true;
  }
  T v = m.at<T>(off);
  if constexpr (sizeof(T) == 2)
    *out = put(put_num(put(*out, "htons("), __builtin_bswap16(v)), ")");
  else
    *out = put(put_num(put(*out, "htobe64("), __builtin_bswap64(v)), ")");
  return true;
}

// A struct of T fields strace prints all unsigned ({ifa_prefered=1, ifa_valid=2, ...}):
// false when len is shorter than it, the address when unreadable.
template <class T>
bool put_nla_uints(char** out, const Memory& m, uint64_t off, uint32_t len,
                   std::initializer_list<std::string_view> names) noexcept {
  uint64_t size = names.size() * sizeof(T);
  if (len < size) return false;
  if (!m.readable(off, size)) {
    *out = put_hex(*out, m.addr + off);
    return true;
  }
  char* o = put(*out, "{");
  uint64_t at = off;
  for (std::string_view name : names) {
    if (at != off) o = put(o, ", ");
    o = put_num(put(put(o, name), "="), m.at<T>(at));
    at += sizeof(T);
  }
  *out = put(o, "}");
  return true;
}

// strace's decode_inet_addr: an AF_INET or AF_INET6 address of the message's family as
// inet_addr("10.0.0.1") or inet_pton(AF_INET6, "::1") (the bytes too by -X), other families'
// and shorter ones in hex.
bool put_nla_inet(char** out, const Memory& m, uint64_t off, uint32_t len,
                  uint64_t family) noexcept {
  uint32_t size = family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
  if (!size || len < size) {
    *out = put_hex_bytes(*out, m, off, len);
    return true;
  }
  if (!m.readable(off, size)) {
    *out = put_hex(*out, m.addr + off);
    return true;
  }
  char text[INET6_ADDRSTRLEN] = {};
  inet_ntop(static_cast<int>(family), m.bytes.data() + off, text, sizeof(text));
  std::string_view bytes = m.bytes.substr(off, size);
  *out = put_xlat(*out, [bytes](char* o) { return put_hex_quoted(o, bytes, false); },
                  [&](char* o) {
                    if (family == AF_INET) return put(put(put(o, "inet_addr(\""), text), "\")");
                    return put(put(put(o, "inet_pton(AF_INET6, \""), text), "\")");
                  });
  return true;
}

// strace's decode_nla_hwaddr without a device type: a MAC address of up to MAX_ADDR_LEN.
bool put_nla_hwaddr(char** out, const Memory& m, uint64_t off, uint32_t len) noexcept {
  constexpr uint32_t kMaxAddrLen = 32;  // MAX_ADDR_LEN, linux/netdevice.h
  if (len > kMaxAddrLen) return false;
  *out = m.readable(off, len) ? put_mac_addr(*out, m.bytes.substr(off, len))
                              : put_hex(*out, m.addr + off);
  return true;
}

// IFLA_ADDRESS and the others of an ifinfomsg: strace's decode_nla_hwaddr_family, which is
// given the message's family for a device type (ARPHRD_*): an address of that type's size
// (ARPHRD_NETROM's 7 bytes for AF_UNSPEC, ARPHRD_ARCNET's 1 for AF_BRIDGE...).
bool put_nla_family_hwaddr(char** out, const Memory& m, uint64_t off, uint32_t len,
                           uint8_t family) noexcept {
  size_t shown = hwaddr_size(family);
  constexpr uint32_t kMaxAddrLen = 32;  // MAX_ADDR_LEN, linux/netdevice.h
  if (len > kMaxAddrLen) return false;
  *out = m.readable(off, len) ? put_mac_addr(*out, m.bytes.substr(off, len), shown)
                              : put_hex(*out, m.addr + off);
  return true;
}

// The routing table of RTA_TABLE and FRA_TABLE: RT_TABLE_MAIN, or the number in hex.
bool put_nla_rt_class(char** out, const Memory& m, uint64_t off, uint32_t len) noexcept {
  if (len < 4) return false;
  return put_nla_xval(out, m, off, 4, 4, uapi::k_routing_table_ids, "");
}

// strace's decode_nla_clock_t: clock ticks of up to 8 bytes, and in a comment the seconds
// they are at sysconf(_SC_CLK_TCK) a second: 150 /* 1.50 s */.
bool put_nla_clock_t(char** out, const Memory& m, uint64_t off, uint32_t len) noexcept {
  if (len > 8) return false;
  if (!m.readable(off, len)) {
    *out = put_hex(*out, m.addr + off);
    return true;
  }
  uint64_t v = uint_at(m, off, len);
  char* o = put_num(*out, v);
  static const long tck = sysconf(_SC_CLK_TCK);
  if (display().xlat != Xlat::kRaw && tck > 0 && v > 0) {
    uint64_t scale = 1;
    int width = 0;
    for (long t = tck; t >= 10 && width < 9; t /= 10, ++width) scale *= 10;
    uint64_t ticks = static_cast<uint64_t>(tck);
    uint64_t frac = ((v % ticks) * scale * 2 + ticks) / (ticks * 2);  // rounded, as %.*f
    uint64_t whole = v / ticks;
    if (frac >= scale) {
      frac -= scale;
      ++whole;
    }
    o = put_num(put(o, " /* "), whole);
    if (width) {
      char digits[16];
      char* d = digits + width;
      for (uint64_t f = frac; d > digits; f /= 10) *--d = static_cast<char>('0' + f % 10);
      o = put(put(o, "."), std::string_view(digits, static_cast<size_t>(width)));
    }
    o = put(o, " s */");
  }
  *out = o;
  return true;
}

// NLMSGERR_ATTR_*: the message (a string), the offset of the error (a u32), a cookie
// (bytes as numbers).
bool put_nlmsgerr_attr(char** out, const Memory& m, uint64_t off, uint32_t len,
                       uint16_t type, uint64_t) noexcept {
  switch (type) {
    case NLMSGERR_ATTR_MSG:
      return put_nla_str(out, m, off, len);
    case NLMSGERR_ATTR_OFFS:
      if (len < 4 || !m.readable(off, 4)) return false;
      *out = put_num(*out, m.at<uint32_t>(off));
      return true;
    case NLMSGERR_ATTR_COOKIE:
      if (!m.readable(off, len)) return false;
      *out = put(*out, "[");
      for (uint32_t i = 0; i < len; ++i) {
        if (i) *out = put(*out, ", ");
        if (past_limit(i)) {
          *out = put(*out, "...");
          break;
        }
        *out = put_num(*out, static_cast<uint8_t>(m.bytes[off + i]));
      }
      *out = put(*out, "]");
      return true;
    default:
      return false;
  }
}

// ------------------------------------------------------------------ attribute values

// Flags named "1<<NAME" for each value v of an enum (TCP's states), or "1<<(NAME-1)" for
// v - 1 (the INET_DIAG_* attributes an inet_diag_req's idiag_ext asks for), from v = 1 on.
template <const auto& kValues, bool kMinusOne>
Table shifted_flags() noexcept {
  constexpr size_t kN = std::size(kValues);
  struct Built {
    std::array<std::string, kN> names;
    std::array<Flag, kN> flags;
    size_t count = 0;
  };
  // Built once, on first use (thread-safe), from the table of the values.
  static const Built built = [] {
    Built b;
    for (const Flag& f : kValues) {
      if (kMinusOne && f.value == 0) continue;
      std::string name(f.name);
      b.names[b.count] = kMinusOne ? "1<<(" + name + "-1)" : "1<<" + name;
      b.flags[b.count] = Flag{uint64_t{1} << (f.value - (kMinusOne ? 1 : 0)), b.names[b.count]};
      ++b.count;
    }
    return b;
  }();
  return Table(built.flags.data(), built.count);
}

// What strace writes of a value its tables take from outside the uapi headers: the number
// and the names in a comment whatever -X says, but for -X raw.
struct AlwaysVerbose {
  DisplayScope scope;
  static Display verbose() noexcept {
    Display d = display();
    if (d.xlat != Xlat::kRaw) d.xlat = Xlat::kVerbose;
    return d;
  }
  AlwaysVerbose() noexcept : scope(verbose()) {}
};

// printf's "%#0*llx" of width (twice the field's size, as strace's PRINT_VAL_0X): 0x0a,
// the width counting the 0x; 0 as that many zeros, as printf writes it.
char* put_0x(char* out, uint64_t v, int width) noexcept {
  if (!v) {
    for (int i = 0; i < width; ++i) *out++ = '0';
    return out;
  }
  char digits[16];
  char* end = std::to_chars(digits, digits + sizeof(digits), v, 16).ptr;
  out = put(out, "0x");
  for (auto n = end - digits + 2; n < width; ++n) *out++ = '0';
  return put(out, std::string_view(digits, static_cast<size_t>(end - digits)));
}

// A byte as "%#04x" (0x01, 00), a u32 as "%#010x" (0x0000abcd).
char* put_0x2(char* out, uint8_t v) noexcept { return put_0x(out, v, 2); }
char* put_0x10(char* out, uint32_t v) noexcept { return put_0x(out, v, 10); }

// The first n bytes of an array (all when n is larger) in hex, "\x01\x02".
template <size_t N>
char* put_hex_upto(char* out, const uint8_t (&bytes)[N], size_t n) noexcept {
  return put_hex_quoted(out, {reinterpret_cast<const char*>(bytes), std::min(n, N)}, false);
}

// A uid as strace's printuid writes it: -1, or the number.
char* put_uid(char* out, uint32_t uid) noexcept {
  return uid == UINT32_MAX ? put(out, "-1") : put_num(out, uid);
}

// A port in network order: htons(80); the bytes with -X raw, both with -X verbose.
char* put_net_port(char* out, uint16_t port) noexcept {
  std::string_view bytes(reinterpret_cast<const char*>(&port), sizeof(port));
  return put_xlat(out, [&](char* o) { return put_hex_quoted(o, bytes, false); },
                  [&](char* o) { return put(put_num(put(o, "htons("), ntohs(port)), ")"); });
}

// An address field of len bytes as strace's print_inet_addr writes it by family:
// name=inet_addr("1.2.3.4"), inet_pton(AF_INET6, "::1", &name), else name="\x..." (the
// bytes, also with -X raw).
char* put_inet_addr_field(char* out, uint8_t family, const void* addr, size_t len,
                          std::string_view name) noexcept {
  std::string_view bytes(static_cast<const char*>(addr), len);
  auto hex = [&](char* o) { return put_hex_quoted(o, bytes, false); };
  char text[INET6_ADDRSTRLEN] = {};
  if (family == AF_INET && len >= 4 && inet_ntop(AF_INET, addr, text, sizeof(text)))
    return put_xlat(put(put(out, name), "="), hex, [&](char* o) {
      return put(put(put(o, "inet_addr(\""), text), "\")");
    });
  if (family == AF_INET6 && len >= 16 && inet_ntop(AF_INET6, addr, text, sizeof(text))) {
    if (display().xlat == Xlat::kAbbrev)
      return put(put(put(put(put(out, "inet_pton(AF_INET6, \""), text), "\", &"), name), ")");
    return put_xlat(put(put(out, name), "="), hex, [&](char* o) {
      return put(put(put(o, "inet_pton(AF_INET6, \""), text), "\")");
    });
  }
  return hex(put(put(out, name), "="));
}

// [1, 2]: a socket's cookie.
char* put_cookie(char* out, const uint32_t (&cookie)[2]) noexcept {
  return put(put_num(put(put_num(put(out, "["), cookie[0]), ", "), cookie[1]), "]");
}

// struct inet_diag_sockid, its addresses of family.
char* put_sockid(char* out, const inet_diag_sockid& id, uint8_t family) noexcept {
  out = put_net_port(put(out, "{idiag_sport="), id.idiag_sport);
  out = put_net_port(put(out, ", idiag_dport="), id.idiag_dport);
  out = put_inet_addr_field(put(out, ", "), family, id.idiag_src, sizeof(id.idiag_src),
                            "idiag_src");
  out = put_inet_addr_field(put(out, ", "), family, id.idiag_dst, sizeof(id.idiag_dst),
                            "idiag_dst");
  out = put_ifindex(put(out, ", idiag_if="), id.idiag_if);
  return put(put_cookie(put(out, ", idiag_cookie="), id.idiag_cookie), "}");
}

// An attribute's struct T when len holds it (else false: hex), its address when unreadable,
// else what print(out, value) writes.
template <class T, class Print>
bool put_nla_struct(char** out, const Memory& m, uint64_t off, uint32_t len,
                    Print print) noexcept {
  if (len < sizeof(T)) return false;
  if (!m.readable(off, sizeof(T))) {
    *out = put_hex(*out, m.addr + off);
    return true;
  }
  *out = print(*out, m.at<T>(off));
  return true;
}

// The same of a struct T written by its rows.
template <class T>
bool put_nla_fields(char** out, const Memory& m, uint64_t off, uint32_t len,
                    std::span<const Field> rows) noexcept {
  return put_nla_struct<T>(out, m, off, len,
                           [rows](char* o, const T& v) { return put_fields(o, v, rows); });
}

// strace's print_array: nmemb elements of size bytes at off, each by element(out, at, index):
// [a, b], "..." past -s elements, "... /* 0x7ffd... */" at the first unreadable one, the
// address when none can be read.
template <class Element>
char* put_array(char* out, const Memory& m, uint64_t off, uint64_t nmemb, uint64_t size,
                Element element) noexcept {
  for (uint64_t i = 0; i < nmemb; ++i) {
    uint64_t at = off + i * size;
    if (i) out = put(out, ", ");
    if (!m.readable(at, size)) {
      if (!i) return put_hex(out, m.addr + at);
      out = put(put_hex(put(out, "... /* "), m.addr + at), " */");
      break;
    }
    if (!i) out = put(out, "[");
    if (past_limit(static_cast<unsigned>(i))) {
      out = put(out, "...");
      break;
    }
    out = element(out, at, i);
  }
  return put(out, "]");
}

// decode_nla_flags: the value's bits in table, read as decode_nla_xval reads it.
bool put_nla_flags(char** out, const Memory& m, uint64_t off, uint32_t len, uint32_t size,
                   Table table, std::string_view unknown) noexcept {
  return put_nla_xval(out, m, off, len, size, table, unknown, true);
}

// An IPPROTO_* of an attribute's bytes.
bool put_nla_ip_proto(char** out, const Memory& m, uint64_t off, uint32_t len) noexcept {
  return put_nla_xval(out, m, off, len, 0, uapi::k_inet_protocols, "IPPROTO_???");
}

// A number in hex, of 1, 2, 4 or 8 bytes (decode_nla_xint), or of T.
template <class T>
bool put_nla_hex(char** out, const Memory& m, uint64_t off, uint32_t len) noexcept {
  if (len < sizeof(T)) return false;
  *out = m.readable(off, sizeof(T)) ? put_hex(*out, m.at<T>(off)) : put_hex(*out, m.addr + off);
  return true;
}

bool put_nla_xint(char** out, const Memory& m, uint64_t off, uint32_t len) noexcept {
  switch (len) {
    case 1: return put_nla_hex<uint8_t>(out, m, off, len);
    case 2: return put_nla_hex<uint16_t>(out, m, off, len);
    case 4: return put_nla_hex<uint32_t>(out, m, off, len);
    case 8: return put_nla_hex<uint64_t>(out, m, off, len);
    default: return false;
  }
}

bool put_nla_uid(char** out, const Memory& m, uint64_t off, uint32_t len) noexcept {
  if (len < 4) return false;
  *out = m.readable(off, 4) ? put_uid(*out, m.at<uint32_t>(off)) : put_hex(*out, m.addr + off);
  return true;
}

// strace's print_array_ex with PAF_PRINT_INDICES: the attribute's Ts, each after its index
// named from table ([[SK_MEMINFO_RMEM_ALLOC]=0, ...]); with minus_one, index i is named as
// the constant of value i + 1 and "-1" ([IPV4_DEVCONF_FORWARDING-1]=1).
template <class T>
bool put_nla_indexed(char** out, const Memory& m, uint64_t off, uint32_t len, Table table,
                     std::string_view unknown, bool minus_one = false) noexcept {
  if (len < sizeof(T)) return false;
  *out = put_array(*out, m, off, len / sizeof(T), sizeof(T), [&](char* o, uint64_t at,
                                                                  uint64_t i) {
    o = put_xlat(put(o, "["), [i](char* p) { return put_num(p, i); }, [&](char* p) {
      for (const Flag& f : table)
        if (f.value == i + (minus_one ? 1 : 0)) return put(put(p, f.name), minus_one ? "-1" : "");
      return put(put(put(put_num(p, i), " /* "), unknown), " */");
    });
    return put_num(put(o, "]="), m.at<T>(at));
  });
  return true;
}

// A socket's memory counters (INET_DIAG_SKMEMINFO and the others' MEMINFO): u32s by their
// SK_MEMINFO_* index.
bool put_nla_meminfo(char** out, const Memory& m, uint64_t off, uint32_t len) noexcept {
  return put_nla_indexed<uint32_t>(out, m, off, len, uapi::k_sk_meminfo_indices,
                                   "SK_MEMINFO_???");
}

// A netlink attribute that holds only its own attributes: types named from table, values by
// value.
bool put_nla_nested(char** out, const Memory& m, uint64_t off, uint32_t len, Table types,
                    std::string_view unknown, AttrValue value) noexcept {
  *out = put_nlattrs(*out, m, off, len, types, unknown, value);
  return true;
}

// The shutdown bits of a socket (RCV_SHUTDOWN, SEND_SHUTDOWN: the kernel's own, so strace
// writes their number too).
bool put_nla_shutdown(char** out, const Memory& m, uint64_t off, uint32_t len) noexcept {
  AlwaysVerbose verbose;
  return put_nla_flags(out, m, off, len, 1, uapi::k_sock_shutdown_flags, "???_SHUTDOWN");
}

// ------------------------------------------------------------------ rtnetlink

// A message strace knows only the family of: {family=AF_INET, data="\x..."}.
char* put_family_data(char* out, const Memory& m, uint64_t off, uint64_t len) noexcept {
  out = put_family(put(out, "{family="), static_cast<uint8_t>(m.bytes[off]));
  if (len > 1) out = put_hex_bytes(put(out, ", data="), m, off + 1, len - 1);
  return put(out, "}");
}


// IFLA_AF_SPEC's attributes, one per address family: named as the family.
char* put_family_type(char* out, uint16_t type) noexcept { return put_family(out, type); }

// struct rtnl_link_stats (T = __u32: IFLA_STATS) and rtnl_link_stats64 (IFLA_STATS64,
// IFLA_STATS_LINK_64), linux/if_link.h: their fields in order, as many as strace shows of
// len bytes: all of them when len holds the struct, else the fields up to tx_compressed, or
// up to rx_nohandler, when len is exactly that long; other lengths in hex.
template <class T>
bool put_link_stats(char** out, const Memory& m, uint64_t off, uint32_t len) noexcept {
  static constexpr std::string_view kFields[] = {
      "rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors", "tx_errors",
      "rx_dropped", "tx_dropped", "multicast", "collisions", "rx_length_errors",
      "rx_over_errors", "rx_crc_errors", "rx_frame_errors", "rx_fifo_errors",
      "rx_missed_errors", "tx_aborted_errors", "tx_carrier_errors", "tx_fifo_errors",
      "tx_heartbeat_errors", "tx_window_errors", "rx_compressed", "tx_compressed",
      "rx_nohandler", "rx_otherhost_dropped"};
  constexpr uint64_t kWhole = std::is_same_v<T, uint64_t> ? sizeof(rtnl_link_stats64)
                                                          : sizeof(rtnl_link_stats);
  static_assert(kWhole / sizeof(T) <= std::size(kFields), "the fields of Linux 6.1");
  constexpr uint64_t kMin = 23 * sizeof(T), kNohandler = 24 * sizeof(T);
  uint64_t size = len >= kWhole ? kWhole : len == kNohandler ? kNohandler : len == kMin ? kMin : 0;
  if (!size) return false;
  if (!m.readable(off, size)) {
    *out = put_hex(*out, m.addr + off);
    return true;
  }
  char* o = put(*out, "{");
  for (uint64_t i = 0; i < size / sizeof(T); ++i) {
    if (i) o = put(o, ", ");
    o = put_num(put(put(o, kFields[i]), "="), m.at<T>(off + i * sizeof(T)));
  }
  *out = put(o, "}");
  return true;
}

// struct ifla_bridge_id: {prio=[128, 0], addr=00:11:22:33:44:55}.
bool put_nla_bridge_id(char** out, const Memory& m, uint64_t off, uint32_t len) noexcept {
  if (len < sizeof(ifla_bridge_id)) return false;
  if (!m.readable(off, sizeof(ifla_bridge_id))) {
    *out = put_hex(*out, m.addr + off);
    return true;
  }
  auto id = m.at<ifla_bridge_id>(off);
  char* o = put_num(put(*out, "{prio=["), id.prio[0]);
  o = put(put_num(put(o, ", "), id.prio[1]), "], addr=");
  o = put_mac_addr(o, m.bytes.substr(off + offsetof(ifla_bridge_id, addr), sizeof(id.addr)));
  *out = put(o, "}");
  return true;
}

// A bridge port's IFLA_PROTINFO: its IFLA_BRPORT_* values as strace decodes them (timers
// in clock ticks).
bool put_brport_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                     uint64_t) noexcept {
  switch (type) {
    case IFLA_BRPORT_STATE: case IFLA_BRPORT_MODE: case IFLA_BRPORT_GUARD:
    case IFLA_BRPORT_PROTECT: case IFLA_BRPORT_FAST_LEAVE: case IFLA_BRPORT_LEARNING:
    case IFLA_BRPORT_UNICAST_FLOOD: case IFLA_BRPORT_PROXYARP: case IFLA_BRPORT_LEARNING_SYNC:
    case IFLA_BRPORT_PROXYARP_WIFI: case IFLA_BRPORT_TOPOLOGY_CHANGE_ACK:
    case IFLA_BRPORT_CONFIG_PENDING: case IFLA_BRPORT_MULTICAST_ROUTER:
    case IFLA_BRPORT_MCAST_FLOOD: case IFLA_BRPORT_MCAST_TO_UCAST: case IFLA_BRPORT_VLAN_TUNNEL:
    case IFLA_BRPORT_BCAST_FLOOD: case IFLA_BRPORT_NEIGH_SUPPRESS: case IFLA_BRPORT_ISOLATED:
    case IFLA_BRPORT_MRP_RING_OPEN: case IFLA_BRPORT_MRP_IN_OPEN: case IFLA_BRPORT_LOCKED:
      return put_nla_int<uint8_t>(out, m, off, len);
    case IFLA_BRPORT_PRIORITY: case IFLA_BRPORT_DESIGNATED_PORT:
    case IFLA_BRPORT_DESIGNATED_COST: case IFLA_BRPORT_ID: case IFLA_BRPORT_NO:
      return put_nla_int<uint16_t>(out, m, off, len);
    case IFLA_BRPORT_COST: case IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT:
    case IFLA_BRPORT_MCAST_EHT_HOSTS_CNT:
      return put_nla_int<uint32_t>(out, m, off, len);
    case IFLA_BRPORT_ROOT_ID: case IFLA_BRPORT_BRIDGE_ID:
      return put_nla_bridge_id(out, m, off, len);
    case IFLA_BRPORT_MESSAGE_AGE_TIMER: case IFLA_BRPORT_FORWARD_DELAY_TIMER:
    case IFLA_BRPORT_HOLD_TIMER:
      return put_nla_clock_t(out, m, off, len);
    case IFLA_BRPORT_GROUP_FWD_MASK:
      if (len < 2) return false;
      *out = m.readable(off, 2) ? put_hex(*out, m.at<uint16_t>(off)) : put_hex(*out, m.addr + off);
      return true;
    case IFLA_BRPORT_BACKUP_PORT:
      if (len < 4) return false;
      *out = m.readable(off, 4) ? put_ifindex(*out, m.at<uint32_t>(off)) : put_hex(*out, m.addr + off);
      return true;
    default:
      return false;
  }
}

// IFLA_BR_MCAST_QUERIER_STATE's BRIDGE_QUERIER_*: the queriers' addresses, ports, timers.
bool put_br_querier_attr(char** out, const Memory& m, uint64_t off, uint32_t len,
                         uint16_t type, uint64_t) noexcept {
  switch (type) {
    case BRIDGE_QUERIER_IP_ADDRESS:
      return put_nla_inet(out, m, off, len, AF_INET);
    case BRIDGE_QUERIER_IPV6_ADDRESS:
      return put_nla_inet(out, m, off, len, AF_INET6);
    case BRIDGE_QUERIER_IP_PORT: case BRIDGE_QUERIER_IPV6_PORT:
      return put_nla_index(out, m, off, len);
    case BRIDGE_QUERIER_IP_OTHER_TIMER: case BRIDGE_QUERIER_IPV6_OTHER_TIMER:
      return put_nla_clock_t(out, m, off, len);
    default:
      return false;
  }
}

// A bridge's IFLA_INFO_DATA, IFLA_BR_*: timers in clock ticks, integers, its ids, its
// VLAN protocol, its group address, boolean options as 1<<BR_BOOLOPT_* flags.
bool put_br_info_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                      uint64_t) noexcept {
  switch (type) {
    case IFLA_BR_FORWARD_DELAY: case IFLA_BR_HELLO_TIME: case IFLA_BR_MAX_AGE:
    case IFLA_BR_AGEING_TIME: case IFLA_BR_HELLO_TIMER: case IFLA_BR_TCN_TIMER:
    case IFLA_BR_TOPOLOGY_CHANGE_TIMER: case IFLA_BR_GC_TIMER:
    case IFLA_BR_MCAST_LAST_MEMBER_INTVL: case IFLA_BR_MCAST_MEMBERSHIP_INTVL:
    case IFLA_BR_MCAST_QUERIER_INTVL: case IFLA_BR_MCAST_QUERY_INTVL:
    case IFLA_BR_MCAST_QUERY_RESPONSE_INTVL: case IFLA_BR_MCAST_STARTUP_QUERY_INTVL:
      return put_nla_clock_t(out, m, off, len);
    case IFLA_BR_STP_STATE: case IFLA_BR_ROOT_PATH_COST: case IFLA_BR_MCAST_HASH_ELASTICITY:
    case IFLA_BR_MCAST_HASH_MAX: case IFLA_BR_MCAST_LAST_MEMBER_CNT:
    case IFLA_BR_MCAST_STARTUP_QUERY_CNT:
      return put_nla_int<uint32_t>(out, m, off, len);
    case IFLA_BR_PRIORITY: case IFLA_BR_ROOT_PORT: case IFLA_BR_VLAN_DEFAULT_PVID:
      return put_nla_int<uint16_t>(out, m, off, len);
    case IFLA_BR_VLAN_FILTERING: case IFLA_BR_TOPOLOGY_CHANGE:
    case IFLA_BR_TOPOLOGY_CHANGE_DETECTED: case IFLA_BR_MCAST_ROUTER:
    case IFLA_BR_MCAST_SNOOPING: case IFLA_BR_MCAST_QUERY_USE_IFADDR:
    case IFLA_BR_MCAST_QUERIER: case IFLA_BR_NF_CALL_IPTABLES: case IFLA_BR_NF_CALL_IP6TABLES:
    case IFLA_BR_NF_CALL_ARPTABLES: case IFLA_BR_VLAN_STATS_ENABLED:
    case IFLA_BR_MCAST_STATS_ENABLED: case IFLA_BR_MCAST_IGMP_VERSION:
    case IFLA_BR_MCAST_MLD_VERSION: case IFLA_BR_VLAN_STATS_PER_PORT:
      return put_nla_int<uint8_t>(out, m, off, len);
    case IFLA_BR_VLAN_PROTOCOL:
      if (len < 2) return false;
      if (!m.readable(off, 2)) {
        *out = put_hex(*out, m.addr + off);
        return true;
      }
      *out = put(put_xval(put(*out, "htons("), ntohs(m.at<uint16_t>(off)),
                         uapi::k_ethernet_protocols, "ETH_P_???"), ")");
      return true;
    case IFLA_BR_GROUP_FWD_MASK:
      return put_nla_hex<uint16_t>(out, m, off, len);
    case IFLA_BR_ROOT_ID: case IFLA_BR_BRIDGE_ID:
      return put_nla_bridge_id(out, m, off, len);
    case IFLA_BR_GROUP_ADDR:
      return put_nla_hwaddr(out, m, off, len);
    case IFLA_BR_MULTI_BOOLOPT:
      return put_nla_struct<br_boolopt_multi>(out, m, off, len,
                                              [](char* o, const br_boolopt_multi& b) {
        Table flags = shifted_flags<uapi::k_rtnl_ifla_br_boolopts, false>();
        o = put_flags2(put(o, "{optval="), b.optval, flags, {}, "1<<BR_BOOLOPT_???");
        return put(put_flags2(put(o, ", optmask="), b.optmask, flags, {}, "1<<BR_BOOLOPT_???"),
                   "}");
      });
    case IFLA_BR_MCAST_QUERIER_STATE:
      return put_nla_nested(out, m, off, len, uapi::k_rtnl_ifla_br_mcast_querier_attrs,
                            "BRIDGE_QUERIER_???", put_br_querier_attr);
    default:
      return false;
  }
}

// A tun device's IFLA_INFO_DATA, IFLA_TUN_*: its owner, group, type, settings.
bool put_tun_info_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                       uint64_t) noexcept {
  switch (type) {
    case IFLA_TUN_OWNER: case IFLA_TUN_GROUP:
      return put_nla_uid(out, m, off, len);
    case IFLA_TUN_TYPE:
      return put_nla_xval(out, m, off, len, 1, uapi::k_tun_device_types, "IFF_???");
    case IFLA_TUN_PI: case IFLA_TUN_VNET_HDR: case IFLA_TUN_PERSIST: case IFLA_TUN_MULTI_QUEUE:
      return put_nla_int<uint8_t>(out, m, off, len);
    case IFLA_TUN_NUM_QUEUES: case IFLA_TUN_NUM_DISABLED_QUEUES:
      return put_nla_int<uint32_t>(out, m, off, len);
    default:
      return false;
  }
}

// What IFLA_LINKINFO's kinds say its data are: the kind, up to its NUL, of those shorter than
// the buffers strace keeps them in (64 bytes); empty otherwise.
struct LinkKinds {
  std::string_view kind, slave_kind;
};

std::string_view link_kind(const Memory& m, uint64_t off, uint32_t len) noexcept {
  constexpr uint32_t kSize = 64;
  if (len >= kSize || !m.readable(off, len)) return {};
  std::string_view bytes = m.bytes.substr(off, len);
  size_t nul = bytes.find('\0');
  return nul == std::string_view::npos ? std::string_view{} : bytes.substr(0, nul);
}

// IFLA_LINKINFO's: the kinds as strings; the data by kind (a bridge's, a tun's; a bridge
// port's as IFLA_PROTINFO's); a CAN device's extended statistics.
bool put_linkinfo_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                       uint64_t ctx) noexcept {
  auto* kinds = reinterpret_cast<LinkKinds*>(static_cast<uintptr_t>(ctx));
  switch (type) {
    case IFLA_INFO_KIND:
      kinds->kind = link_kind(m, off, len);
      return put_nla_cstr(out, m, off, len);
    case IFLA_INFO_SLAVE_KIND:
      kinds->slave_kind = link_kind(m, off, len);
      return put_nla_cstr(out, m, off, len);
    case IFLA_INFO_DATA:
      if (kinds->kind == "bridge")
        return put_nla_nested(out, m, off, len, uapi::k_rtnl_ifla_info_data_bridge_attrs,
                              "IFLA_BR_???", put_br_info_attr);
      if (kinds->kind == "tun")
        return put_nla_nested(out, m, off, len, uapi::k_rtnl_ifla_info_data_tun_attrs,
                              "IFLA_TUN_???", put_tun_info_attr);
      return false;
    case IFLA_INFO_SLAVE_DATA:
      return kinds->slave_kind == "bridge" &&
             put_nla_nested(out, m, off, len, uapi::k_rtnl_ifla_brport_attrs, "IFLA_BRPORT_???",
                            put_brport_attr);
    case IFLA_INFO_XSTATS:
      // struct can_device_stats (linux/can/netlink.h): six u32s.
      return kinds->kind == "can" &&
             put_nla_uints<uint32_t>(out, m, off, len,
                                     {"bus_error", "error_warning", "error_passive", "bus_off",
                                      "arbitration_lost", "restarts"});
    default:
      return false;
  }
}

// IFLA_VF_STATS' counters, u64s.
bool put_vf_stats_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                       uint64_t) noexcept {
  return type != IFLA_VF_STATS_PAD && type <= IFLA_VF_STATS_TX_DROPPED &&
         put_nla_int<uint64_t>(out, m, off, len);
}

// IFLA_VF_VLAN_LIST's struct ifla_vf_vlan_info, its protocol as htons(ETH_P_8021Q).
bool put_vf_vlan_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                      uint64_t) noexcept {
  if (type != IFLA_VF_VLAN_INFO || len < sizeof(ifla_vf_vlan_info)) return false;
  if (!m.readable(off, sizeof(ifla_vf_vlan_info))) {
    *out = put_hex(*out, m.addr + off);
    return true;
  }
  auto v = m.at<ifla_vf_vlan_info>(off);
  char* o = put_num(put(*out, "{vf="), v.vf);
  o = put_num(put(o, ", vlan="), v.vlan);
  o = put_num(put(o, ", qos="), v.qos);
  o = put_xval(put(o, ", vlan_proto=htons("), __builtin_bswap16(v.vlan_proto),
              uapi::k_ethernet_protocols, "ETH_P_???");
  *out = put(o, ")}");
  return true;
}

// A struct {__u32 vf; __u8 mac[32];} (ifla_vf_mac), or the broadcast address alone
// (ifla_vf_broadcast): {vf=0, mac=00:11:...}.
bool put_vf_mac(char** out, const Memory& m, uint64_t off, uint32_t len,
                std::string_view field, bool with_vf) noexcept {
  constexpr uint32_t kMac = 32;
  uint32_t size = (with_vf ? 4 : 0) + kMac;
  if (len < size) return false;
  if (!m.readable(off, size)) {
    *out = put_hex(*out, m.addr + off);
    return true;
  }
  char* o = put(*out, "{");
  if (with_vf) o = put(put_num(put(o, "vf="), m.at<uint32_t>(off)), ", ");
  o = put_mac_addr(put(put(o, field), "="), m.bytes.substr(off + size - kMac, kMac));
  *out = put(o, "}");
  return true;
}

// IFLA_VF_*: a virtual function's structs (each its vf and settings), statistics, GUIDs,
// VLANs.
bool put_vf_info_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                      uint64_t) noexcept {
  switch (type) {
    case IFLA_VF_MAC:
      return put_vf_mac(out, m, off, len, "mac", true);
    case IFLA_VF_BROADCAST:
      return put_vf_mac(out, m, off, len, "broadcast", false);
    case IFLA_VF_VLAN:
      return put_nla_uints<uint32_t>(out, m, off, len, {"vf", "vlan", "qos"});
    case IFLA_VF_TX_RATE:
      return put_nla_uints<uint32_t>(out, m, off, len, {"vf", "rate"});
    case IFLA_VF_SPOOFCHK: case IFLA_VF_RSS_QUERY_EN: case IFLA_VF_TRUST:
      return put_nla_uints<uint32_t>(out, m, off, len, {"vf", "setting"});
    case IFLA_VF_RATE:
      return put_nla_uints<uint32_t>(out, m, off, len, {"vf", "min_tx_rate", "max_tx_rate"});
    case IFLA_VF_LINK_STATE: {
      if (len < sizeof(ifla_vf_link_state)) return false;
      if (!m.readable(off, sizeof(ifla_vf_link_state))) {
        *out = put_hex(*out, m.addr + off);
        return true;
      }
      auto ls = m.at<ifla_vf_link_state>(off);
      char* o = put_num(put(*out, "{vf="), ls.vf);
      o = put_xval(put(o, ", link_state="), ls.link_state, uapi::k_rtnl_ifla_vf_link_states,
                  "IFLA_VF_LINK_STATE_???");
      *out = put(o, "}");
      return true;
    }
    case IFLA_VF_STATS:
      *out = put_nlattrs(*out, m, off, len, uapi::k_rtnl_ifla_vf_stats_attrs,
                         "IFLA_VF_STATS_???", put_vf_stats_attr);
      return true;
    case IFLA_VF_IB_NODE_GUID: case IFLA_VF_IB_PORT_GUID: {
      // struct ifla_vf_guid's guid is packed after vf (12 bytes) or aligned (16), as the
      // compiler of the sender put it.
      if (len != 12 && len != 16) return false;
      if (!m.readable(off, len)) {
        *out = put_hex(*out, m.addr + off);
        return true;
      }
      char* o = put_num(put(*out, "{vf="), m.at<uint32_t>(off));
      *out = put(put_hex(put(o, ", guid="), m.at<uint64_t>(off + len - 8)), "}");
      return true;
    }
    case IFLA_VF_VLAN_LIST:
      *out = put_nlattrs(*out, m, off, len, uapi::k_rtnl_ifla_vf_vlan_list_attrs,
                         "IFLA_VF_VLAN_INFO_???", put_vf_vlan_attr);
      return true;
    default:
      return false;
  }
}

bool put_vfinfo_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                     uint64_t) noexcept {
  if (type != IFLA_VF_INFO) return false;
  *out = put_nlattrs(*out, m, off, len, uapi::k_rtnl_ifla_vf_info_attrs, "IFLA_VF_???",
                     put_vf_info_attr);
  return true;
}

// IFLA_XDP's: descriptors, its attach mode and flags, program ids.
bool put_xdp_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                  uint64_t) noexcept {
  switch (type) {
    case IFLA_XDP_FD: case IFLA_XDP_EXPECTED_FD:
      return put_nla_int<int32_t>(out, m, off, len);
    case IFLA_XDP_ATTACHED:
      return put_nla_xval(out, m, off, len, 1, uapi::k_rtnl_ifla_xdp_attached_mode,
                          "XDP_ATTACHED_???");
    case IFLA_XDP_FLAGS:
      if (len < 4) return false;
      return put_nla_xval(out, m, off, 4, 4, uapi::k_xdp_flags, "XDP_FLAGS_???", true);
    case IFLA_XDP_PROG_ID: case IFLA_XDP_DRV_PROG_ID: case IFLA_XDP_SKB_PROG_ID:
    case IFLA_XDP_HW_PROG_ID:
      return put_nla_int<uint32_t>(out, m, off, len);
    default:
      return false;
  }
}

// IFLA_PROTO_DOWN_REASON's mask and value, in hex.
bool put_proto_down_reason_attr(char** out, const Memory& m, uint64_t off, uint32_t len,
                                uint16_t type, uint64_t) noexcept {
  if (type != IFLA_PROTO_DOWN_REASON_MASK && type != IFLA_PROTO_DOWN_REASON_VALUE) return false;
  if (len < 4) return false;
  *out = m.readable(off, 4) ? put_hex(*out, m.at<uint32_t>(off)) : put_hex(*out, m.addr + off);
  return true;
}

// IFLA_PORT_*: a port's VF, profile, struct ifla_port_vsi, request and response.
bool put_port_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                   uint64_t) noexcept {
  switch (type) {
    case IFLA_PORT_VF:
      return put_nla_int<uint32_t>(out, m, off, len);
    case IFLA_PORT_PROFILE:
      return put_nla_str(out, m, off, len);
    case IFLA_PORT_REQUEST:
      return put_nla_int<uint8_t>(out, m, off, len);
    case IFLA_PORT_RESPONSE:
      return put_nla_int<uint16_t>(out, m, off, len);
    case IFLA_PORT_VSI_TYPE:
      return put_nla_struct<ifla_port_vsi>(out, m, off, len, [&](char* o, const ifla_port_vsi& v) {
        auto bytes = [&](const auto& field) {
          return std::string_view(reinterpret_cast<const char*>(field), sizeof(field));
        };
        o = put_num(put(o, "{vsi_mgr_id="), static_cast<unsigned>(v.vsi_mgr_id));
        o = put_hex_quoted(put(o, ", vsi_type_id="), bytes(v.vsi_type_id), false);
        o = put_num(put(o, ", vsi_type_version="), static_cast<unsigned>(v.vsi_type_version));
        if (v.pad[0] || v.pad[1] || v.pad[2])
          o = put_hex_quoted(put(o, ", pad="), bytes(v.pad), false);
        return put(o, "}");
      });
    default:
      return false;
  }
}

// IFLA_VF_PORTS' IFLA_VF_PORT, each its IFLA_PORT_* (unknown ones named as strace names them).
bool put_vf_port_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                      uint64_t) noexcept {
  return type == IFLA_VF_PORT &&
         put_nla_nested(out, m, off, len, uapi::k_rtnl_ifla_port_attrs, "IFLA_VF_PORT_???",
                        put_port_attr);
}

// IFLA_INET_CONF: an IPv4 device's settings, ints by IPV4_DEVCONF_* - 1.
bool put_inet_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                   uint64_t) noexcept {
  return type == IFLA_INET_CONF &&
         put_nla_indexed<int32_t>(out, m, off, len, uapi::k_inet_devconf, "IPV4_DEVCONF_???",
                                  true);
}

// IFLA_INET6_*: an IPv6 device's flags, settings, statistics, struct ifla_cacheinfo, token,
// address generation mode, MTU.
bool put_inet6_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                    uint64_t) noexcept {
  switch (type) {
    case IFLA_INET6_FLAGS:
      return put_nla_flags(out, m, off, len, 4, uapi::k_inet6_if_flags, "IF_???");
    case IFLA_INET6_CONF:
      return put_nla_indexed<int32_t>(out, m, off, len, uapi::k_inet6_devconf_indices,
                                      "DEVCONF_???");
    case IFLA_INET6_STATS:
      return put_nla_indexed<uint64_t>(out, m, off, len, uapi::k_snmp_ip_stats,
                                       "IPSTATS_MIB_???");
    case IFLA_INET6_ICMP6STATS:
      return put_nla_indexed<uint64_t>(out, m, off, len, uapi::k_snmp_icmp6_stats,
                                       "ICMP6_MIB_???");
    case IFLA_INET6_CACHEINFO:
      return put_nla_uints<uint32_t>(out, m, off, len,
                                     {"max_reasm_len", "tstamp", "reachable_time",
                                      "retrans_time"});
    case IFLA_INET6_TOKEN:
      return put_nla_inet(out, m, off, len, AF_INET6);
    case IFLA_INET6_ADDR_GEN_MODE:
      return put_nla_xval(out, m, off, len, 1, uapi::k_in6_addr_gen_mode,
                          "IN6_ADDR_GEN_MODE_???");
    case IFLA_INET6_RA_MTU:
      return put_nla_int<uint32_t>(out, m, off, len);
    default:
      return false;
  }
}

bool put_mctp_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                   uint64_t) noexcept {
  return type == IFLA_MCTP_NET && put_nla_int<uint32_t>(out, m, off, len);
}

// IFLA_AF_SPEC's attributes, one per address family (its type): IPv4's, IPv6's and MCTP's
// attributes, other families' in hex.
bool put_af_spec_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                      uint64_t) noexcept {
  switch (type) {
    case AF_INET:
      return put_nla_nested(out, m, off, len, uapi::k_rtnl_ifla_af_spec_inet_attrs,
                            "IFLA_INET_???", put_inet_attr);
    case AF_INET6:
      return put_nla_nested(out, m, off, len, uapi::k_rtnl_ifla_af_spec_inet6_attrs,
                            "IFLA_INET6_???", put_inet6_attr);
    case AF_MCTP:
      return put_nla_nested(out, m, off, len, uapi::k_rtnl_ifla_af_spec_mctp_attrs,
                            "IFLA_MCTP_???", put_mctp_attr);
    default:
      return false;
  }
}

// IFLA_BRIDGE_VLAN_TUNNEL_*: a tunnel's id, VLAN, flags.
bool put_bridge_tunnel_attr(char** out, const Memory& m, uint64_t off, uint32_t len,
                            uint16_t type, uint64_t) noexcept {
  switch (type) {
    case IFLA_BRIDGE_VLAN_TUNNEL_ID:
      return put_nla_int<uint32_t>(out, m, off, len);
    case IFLA_BRIDGE_VLAN_TUNNEL_VID:
      return put_nla_int<uint16_t>(out, m, off, len);
    case IFLA_BRIDGE_VLAN_TUNNEL_FLAGS:
      return put_nla_flags(out, m, off, len, 2, uapi::k_nl_bridge_vlan_flags,
                           "BRIDGE_VLAN_INFO_???");
    default:
      return false;
  }
}

// A bridge's IFLA_AF_SPEC, IFLA_BRIDGE_*: flags, mode, struct bridge_vlan_info (and the bytes
// after it in hex), VLAN tunnels.
bool put_bridge_af_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                        uint64_t) noexcept {
  switch (type) {
    case IFLA_BRIDGE_FLAGS:
      return put_nla_flags(out, m, off, len, 2, uapi::k_rtnl_ifla_bridge_flags,
                           "BRIDGE_FLAGS_???");
    case IFLA_BRIDGE_MODE:
      return put_nla_xval(out, m, off, len, 2, uapi::k_rtnl_ifla_bridge_modes,
                          "BRIDGE_MODE_???");
    case IFLA_BRIDGE_VLAN_INFO: {
      constexpr uint32_t kSize = sizeof(bridge_vlan_info);
      bool whole = put_nla_struct<bridge_vlan_info>(out, m, off, len,
                                                    [](char* o, const bridge_vlan_info& v) {
        o = put_flags2(put(o, "{flags="), v.flags, uapi::k_nl_bridge_vlan_flags, {},
                       "BRIDGE_VLAN_INFO_???");
        return put(put_num(put(o, ", vid="), v.vid), "}");
      });
      if (whole && len > kSize && m.readable(off, kSize))
        *out = put_hex_bytes(put(*out, ", "), m, off + kSize, len - kSize);
      return whole;
    }
    case IFLA_BRIDGE_VLAN_TUNNEL_INFO:
      return put_nla_nested(out, m, off, len,
                            uapi::k_rtnl_ifla_af_spec_bridge_vlan_tunnel_info_attrs,
                            "IFLA_BRIDGE_VLAN_TUNNEL_???", put_bridge_tunnel_attr);
    default:
      return false;
  }
}

// IFLA_PROP_LIST's: alternative names.
bool put_prop_list_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                        uint64_t) noexcept {
  return type == IFLA_ALT_IFNAME && put_nla_str(out, m, off, len);
}

constexpr Field kLinkIfmap[] = {
    {OBS_FIELD(rtnl_link_ifmap, mem_start), hex}, {OBS_FIELD(rtnl_link_ifmap, mem_end), hex},
    {OBS_FIELD(rtnl_link_ifmap, base_addr), hex}, {OBS_FIELD(rtnl_link_ifmap, irq)},
    {OBS_FIELD(rtnl_link_ifmap, dma)},            {OBS_FIELD(rtnl_link_ifmap, port)}};

// IFLA_* values strace decodes as a string, an integer or an interface index; the others
// (nested and struct ones among them) in hex.
bool put_ifla_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                   uint64_t family) noexcept {
  switch (type) {
    case IFLA_IFNAME: case IFLA_QDISC: case IFLA_IFALIAS: case IFLA_PHYS_PORT_NAME:
    case IFLA_ALT_IFNAME: case IFLA_PARENT_DEV_NAME: case IFLA_PARENT_DEV_BUS_NAME:
      return put_nla_str(out, m, off, len);
    case IFLA_MTU: case IFLA_LINK: case IFLA_MASTER: case IFLA_TXQLEN: case IFLA_WEIGHT:
    case IFLA_NET_NS_PID: case IFLA_NUM_VF: case IFLA_GROUP: case IFLA_PROMISCUITY:
    case IFLA_NUM_TX_QUEUES: case IFLA_NUM_RX_QUEUES: case IFLA_CARRIER_CHANGES:
    case IFLA_GSO_MAX_SEGS: case IFLA_GSO_MAX_SIZE: case IFLA_CARRIER_UP_COUNT:
    case IFLA_CARRIER_DOWN_COUNT: case IFLA_MIN_MTU: case IFLA_MAX_MTU:
    case IFLA_GRO_MAX_SIZE: case IFLA_TSO_MAX_SIZE: case IFLA_TSO_MAX_SEGS:
      return put_nla_int<uint32_t>(out, m, off, len);
    case IFLA_OPERSTATE: case IFLA_LINKMODE: case IFLA_CARRIER: case IFLA_PROTO_DOWN:
      return put_nla_int<uint8_t>(out, m, off, len);
    case IFLA_LINK_NETNSID: case IFLA_NEW_NETNSID: case IFLA_IF_NETNSID:
      return put_nla_int<int32_t>(out, m, off, len);
    case IFLA_NEW_IFINDEX:
      if (len < 4) return false;
      *out = m.readable(off, 4) ? put_ifindex(*out, m.at<uint32_t>(off)) : put_hex(*out, m.addr + off);
      return true;
    case IFLA_STATS:
      return put_link_stats<uint32_t>(out, m, off, len);
    case IFLA_STATS64:
      return put_link_stats<uint64_t>(out, m, off, len);
    case IFLA_LINKINFO: {
      LinkKinds kinds;
      *out = put_nlattrs(*out, m, off, len, uapi::k_rtnl_ifla_info_attrs, "IFLA_INFO_???",
                         put_linkinfo_attr, reinterpret_cast<uintptr_t>(&kinds));
      return true;
    }
    case IFLA_XDP:
      *out = put_nlattrs(*out, m, off, len, uapi::k_rtnl_ifla_xdp_attrs, "IFLA_XDP_???",
                         put_xdp_attr);
      return true;
    case IFLA_PROTO_DOWN_REASON:
      *out = put_nlattrs(*out, m, off, len, uapi::k_rtnl_ifla_proto_down_reason_attrs,
                         "IFLA_PROTO_DOWN_REASON_???", put_proto_down_reason_attr);
      return true;
    case IFLA_VFINFO_LIST:
      *out = put_nlattrs(*out, m, off, len, uapi::k_rtnl_ifla_vfinfo_list_attrs,
                         "IFLA_VF_INFO_???", put_vfinfo_attr);
      return true;
    case IFLA_PROTINFO:  // a bridge port's, an IPv6 device's
      if (family == AF_BRIDGE)
        return put_nla_nested(out, m, off, len, uapi::k_rtnl_ifla_brport_attrs,
                              "IFLA_BRPORT_???", put_brport_attr);
      if (family == AF_INET6)
        return put_nla_nested(out, m, off, len, uapi::k_rtnl_ifla_af_spec_inet6_attrs,
                              "IFLA_INET6_???", put_inet6_attr);
      return false;
    case IFLA_AF_SPEC:
      // A bridge's are IFLA_BRIDGE_* attributes, the others' one per address family.
      if (family == AF_BRIDGE)
        return put_nla_nested(out, m, off, len, uapi::k_rtnl_ifla_af_spec_bridge_attrs,
                              "IFLA_BRIDGE_???", put_bridge_af_attr);
      *out = put_nlattrs(*out, m, off, len, {}, "AF_???", put_af_spec_attr, 0, put_family_type);
      return true;
    case IFLA_ADDRESS: case IFLA_BROADCAST: case IFLA_PERM_ADDRESS:
      return put_nla_family_hwaddr(out, m, off, len, static_cast<uint8_t>(family));
    case IFLA_MAP:  // struct rtnl_link_ifmap up to its port
      if (len < offsetof(rtnl_link_ifmap, port) + 1) return false;
      if (!m.readable(off, offsetof(rtnl_link_ifmap, port) + 1)) {
        *out = put_hex(*out, m.addr + off);
        return true;
      } else {
        rtnl_link_ifmap map{};
        std::memcpy(&map, m.bytes.data() + off, offsetof(rtnl_link_ifmap, port) + 1);
        *out = put_fields(*out, map, kLinkIfmap);
        return true;
      }
    case IFLA_VF_PORTS:
      return put_nla_nested(out, m, off, len, uapi::k_rtnl_ifla_vf_port_attrs,
                            "IFLA_VF_PORT_???", put_vf_port_attr);
    case IFLA_PORT_SELF:
      return put_nla_nested(out, m, off, len, uapi::k_rtnl_ifla_port_attrs, "IFLA_VF_PORT_???",
                            put_port_attr);
    case IFLA_EXT_MASK:
      return put_nla_flags(out, m, off, len, 4, uapi::k_rtnl_ifla_ext_filter_flags,
                           "RTEXT_FILTER_???");
    case IFLA_EVENT:
      return put_nla_xval(out, m, off, len, 4, uapi::k_rtnl_ifla_events, "IFLA_EVENT_???");
    case IFLA_NET_NS_FD:
      return put_nla_int<int32_t>(out, m, off, len);
    case IFLA_PROP_LIST:
      return put_nla_nested(out, m, off, len, uapi::k_rtnl_link_attrs, "IFLA_???",
                            put_prop_list_attr);
    default:
      return false;
  }
}

// struct ifinfomsg (RTM_NEWLINK ... RTM_SETLINK), then its IFLA_* attributes.
char* put_ifinfomsg(char* out, const Memory& m, uint64_t off, uint64_t len) noexcept {
  auto family = static_cast<uint8_t>(m.bytes[off]);
  out = put(put_family(put(out, "{ifi_family="), family), ", ");
  constexpr uint64_t kSize = sizeof(ifinfomsg);
  if (len < kSize) return put(out, "...}");
  if (!m.readable(off, kSize)) return put(put_hex(out, m.addr + off + 1), "}");
  ifinfomsg ifi;
  std::memcpy(&ifi, m.bytes.data() + off, sizeof(ifi));
  out = put_xval(put(out, "ifi_type="), ifi.ifi_type, uapi::k_arp_hardware_types, "ARPHRD_???");
  out = put_ifindex(put(out, ", ifi_index="), static_cast<uint32_t>(ifi.ifi_index));
  out = put_flags2(put(out, ", ifi_flags="), ifi.ifi_flags, uapi::k_iff_flags, {}, "IFF_???");
  out = put(put_hex(put(out, ", ifi_change="), ifi.ifi_change), "}");
  if (len > align4(kSize))
    out = put_nlattrs(put(out, ", "), m, off + align4(kSize), len - align4(kSize),
                      uapi::k_rtnl_link_attrs, "IFLA_???", put_ifla_attr, family);
  return out;
}

// What follows a struct of size bytes in an attribute of len: ", " and the bytes in hex.
char* put_struct_rest(char* out, const Memory& m, uint64_t off, uint32_t len,
                      uint64_t size) noexcept {
  if (len <= size) return out;
  return put_hex_bytes(put(out, ", "), m, off + size, len - size);
}

// A struct of u64 fields, some of them arrays indexed by BR_MCAST_DIR_* (count 2):
// {igmp_v1queries=[[BR_MCAST_DIR_RX]=1, [BR_MCAST_DIR_TX]=2], igmp_parse_errors=3, ...},
// then the bytes past it in hex. False when len is shorter than it.
struct U64Field {
  std::string_view name;
  unsigned count;
};
bool put_u64_struct(char** out, const Memory& m, uint64_t off, uint32_t len,
                    std::initializer_list<U64Field> fields) noexcept {
  uint64_t size = 0;
  for (const U64Field& f : fields) size += f.count * 8;
  if (len < size) return false;
  if (!m.readable(off, size)) {
    *out = put_hex(*out, m.addr + off);
    return true;
  }
  char* o = put(*out, "{");
  uint64_t at = off;
  for (const U64Field& f : fields) {
    if (at != off) o = put(o, ", ");
    o = put(put(o, f.name), "=");
    if (f.count == 1) {
      o = put_num(o, m.at<uint64_t>(at));
      at += 8;
      continue;
    }
    o = put(o, "[");
    for (unsigned i = 0; i < f.count; ++i, at += 8) {
      if (i) o = put(o, ", ");
      o = put(put_xval(put(o, "["), i, uapi::k_ifstats_xstats_bridge_mcast_indices, ""), "]=");
      o = put_num(o, m.at<uint64_t>(at));
    }
    o = put(o, "]");
  }
  *out = put_struct_rest(put(o, "}"), m, off, len, size);
  return true;
}

// A bridge's extended statistics, BRIDGE_XSTATS_*: struct bridge_vlan_xstats,
// br_mcast_stats, bridge_stp_xstats (linux/if_bridge.h).
constexpr Field kBridgeVlanXstats[] = {
    {OBS_FIELD(bridge_vlan_xstats, rx_bytes)},   {OBS_FIELD(bridge_vlan_xstats, rx_packets)},
    {OBS_FIELD(bridge_vlan_xstats, tx_bytes)},   {OBS_FIELD(bridge_vlan_xstats, tx_packets)},
    {OBS_FIELD(bridge_vlan_xstats, vid)},
    {OBS_FIELD(bridge_vlan_xstats, flags),
     printflags(uapi::k_nl_bridge_vlan_flags, "BRIDGE_VLAN_INFO_???")},
    {OBS_FIELD(bridge_vlan_xstats, pad2), hex, When::kNonZero}};

bool put_xstats_bridge_attr(char** out, const Memory& m, uint64_t off, uint32_t len,
                            uint16_t type, uint64_t) noexcept {
  switch (type) {
    case BRIDGE_XSTATS_VLAN: {
      if (len < sizeof(bridge_vlan_xstats)) return false;
      if (!m.readable(off, sizeof(bridge_vlan_xstats))) {
        *out = put_hex(*out, m.addr + off);
        return true;
      }
      *out = put_fields(*out, m.at<bridge_vlan_xstats>(off), kBridgeVlanXstats);
      *out = put_struct_rest(*out, m, off, len, sizeof(bridge_vlan_xstats));
      return true;
    }
    case BRIDGE_XSTATS_MCAST:
      static_assert(sizeof(br_mcast_stats) == 30 * 8, "the fields of Linux 6.1");
      return put_u64_struct(out, m, off, len,
                            {{"igmp_v1queries", 2}, {"igmp_v2queries", 2}, {"igmp_v3queries", 2},
                             {"igmp_leaves", 2}, {"igmp_v1reports", 2}, {"igmp_v2reports", 2},
                             {"igmp_v3reports", 2}, {"igmp_parse_errors", 1},
                             {"mld_v1queries", 2}, {"mld_v2queries", 2}, {"mld_leaves", 2},
                             {"mld_v1reports", 2}, {"mld_v2reports", 2},
                             {"mld_parse_errors", 1}, {"mcast_bytes", 2},
                             {"mcast_packets", 2}});
    case BRIDGE_XSTATS_STP:
      static_assert(sizeof(bridge_stp_xstats) == 6 * 8, "the fields of Linux 6.1");
      return put_u64_struct(out, m, off, len,
                            {{"transition_blk", 1}, {"transition_fwd", 1}, {"rx_bpdu", 1},
                             {"tx_bpdu", 1}, {"rx_tcn", 1}, {"tx_tcn", 1}});
    default:
      return false;
  }
}

// A bond's: BOND_XSTATS_3AD's counters, u64s.
bool put_xstats_3ad_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                         uint64_t) noexcept {
  return type < BOND_3AD_STAT_PAD && put_nla_int<uint64_t>(out, m, off, len);
}

bool put_xstats_bond_attr(char** out, const Memory& m, uint64_t off, uint32_t len,
                          uint16_t type, uint64_t) noexcept {
  if (type != BOND_XSTATS_3AD) return false;
  *out = put_nlattrs(*out, m, off, len, uapi::k_ifstats_xstats_bond_3ad_attrs,
                     "BOND_XSTATS_???", put_xstats_3ad_attr);
  return true;
}

// IFLA_STATS_LINK_XSTATS(_SLAVE)'s LINK_XSTATS_TYPE_*: a bridge's or a bond's.
bool put_xstats_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                     uint64_t) noexcept {
  if (type == LINK_XSTATS_TYPE_BRIDGE)
    *out = put_nlattrs(*out, m, off, len, uapi::k_ifstats_xstats_bridge_attrs,
                       "BRIDGE_XSTATS_???", put_xstats_bridge_attr);
  else if (type == LINK_XSTATS_TYPE_BOND)
    *out = put_nlattrs(*out, m, off, len, uapi::k_ifstats_xstats_bond_attrs,
                       "BOND_XSTATS_???", put_xstats_bond_attr);
  else
    return false;
  return true;
}

bool put_offload_xstats_attr(char** out, const Memory& m, uint64_t off, uint32_t len,
                             uint16_t type, uint64_t) noexcept {
  return type == IFLA_OFFLOAD_XSTATS_CPU_HIT && put_link_stats<uint64_t>(out, m, off, len);
}

// MPLS_STATS_LINK: struct mpls_link_stats (linux/mpls.h).
bool put_mpls_stats_attr(char** out, const Memory& m, uint64_t off, uint32_t len,
                         uint16_t type, uint64_t) noexcept {
  if (type != MPLS_STATS_LINK) return false;
  static_assert(sizeof(mpls_link_stats) == 9 * 8, "the fields of Linux 6.1");
  return put_u64_struct(out, m, off, len,
                        {{"rx_packets", 1}, {"tx_packets", 1}, {"rx_bytes", 1}, {"tx_bytes", 1},
                         {"rx_errors", 1}, {"tx_errors", 1}, {"rx_dropped", 1},
                         {"tx_dropped", 1}, {"rx_noroute", 1}});
}

// IFLA_STATS_AF_SPEC's attributes, one per address family: MPLS's statistics, others' in hex.
bool put_ifstats_af_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                         uint64_t) noexcept {
  if (type == AF_MPLS)
    *out = put_nlattrs(*out, m, off, len, uapi::k_ifstats_af_spec_mpls_attrs, "MPLS_STATS_???",
                       put_mpls_stats_attr);
  else
    *out = put_hex_bytes(*out, m, off, len);
  return true;
}

// IFLA_STATS_*: the link's statistics, extended ones by link type, offloaded ones, per family.
bool put_ifstats_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                      uint64_t) noexcept {
  switch (type) {
    case IFLA_STATS_LINK_64:
      return put_link_stats<uint64_t>(out, m, off, len);
    case IFLA_STATS_LINK_XSTATS: case IFLA_STATS_LINK_XSTATS_SLAVE:
      *out = put_nlattrs(*out, m, off, len, uapi::k_ifstats_xstats_type_attrs,
                         "LINK_XSTATS_TYPE_???", put_xstats_attr);
      return true;
    case IFLA_STATS_LINK_OFFLOAD_XSTATS:
      *out = put_nlattrs(*out, m, off, len, uapi::k_ifstats_offload_attrs,
                         "IFLA_OFFLOAD_XSTATS_???", put_offload_xstats_attr);
      return true;
    case IFLA_STATS_AF_SPEC:
      *out = put_nlattrs(*out, m, off, len, {}, "AF_???", put_ifstats_af_attr, 0,
                         put_family_type);
      return true;
    default:
      return false;
  }
}

// struct if_stats_msg (RTM_NEWSTATS, RTM_GETSTATS), then its IFLA_STATS_* attributes.
char* put_ifstatsmsg(char* out, const Memory& m, uint64_t off, uint64_t len) noexcept {
  out = put(put_family(put(out, "{family="), static_cast<uint8_t>(m.bytes[off])), ", ");
  constexpr uint64_t kSize = sizeof(if_stats_msg);
  if (len < kSize) return put(out, "...}");
  if (!m.readable(off, kSize)) return put(put_hex(out, m.addr + off + 1), "}");
  if_stats_msg st;
  std::memcpy(&st, m.bytes.data() + off, sizeof(st));
  if (st.pad1) out = put(put_hex(put(out, "pad1="), st.pad1), ", ");
  if (st.pad2) out = put(put_hex(put(out, "pad2="), st.pad2), ", ");
  out = put_ifindex(put(out, "ifindex="), st.ifindex);
  out = put_flags2(put(out, ", filter_mask="), st.filter_mask,
                   shifted_flags<uapi::k_ifstats_attrs, false>(), {}, "1<<IFLA_STATS_???");
  out = put(out, "}");
  if (len > align4(kSize))
    out = put_nlattrs(put(out, ", "), m, off + align4(kSize), len - align4(kSize),
                      uapi::k_ifstats_attrs, "IFLA_STATS_???", put_ifstats_attr);
  return out;
}

// A multicast routing cache report's family: RTNL_FAMILY_IPMR, an address family, or hex and
// a comment.
char* put_rtnl_family(char* out, uint8_t family) noexcept {
  auto named = [family](char* o) {
    for (const Flag& f : uapi::k_rtnl_families)
      if (f.value == family) return put(o, f.name);
    char name[64];
    char* end;
    {
      NamesOnly by_name;
      end = put_family(name, family);
    }
    std::string_view text(name, static_cast<size_t>(end - name));
    if (text.substr(0, 3) == "AF_") return put(o, text);
    return put(put_hex(o, family), " /* RTNL_FAMILY_??? */");
  };
  if (display().xlat != Xlat::kAbbrev)
    return put_xlat(out, [family](char* o) { return put_hex(o, family); }, named);
  return named(out);
}

// The attributes of an IPv4 or IPv6 cache report: the message type, the interface numbers
// and table as integers, the addresses, the packet in hex.
bool put_creport_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                      uint64_t family) noexcept {
  bool ipmr = family == RTNL_FAMILY_IPMR;
  if (type == IPMRA_CREPORT_MSGTYPE)  // IP6MRA_CREPORT_MSGTYPE alike
    return ipmr ? put_nla_xval(out, m, off, len, 1, uapi::k_ipmra_msg_types, "IGMPMSG_???")
                : put_nla_xval(out, m, off, len, 1, uapi::k_ip6mra_msg_types, "MRT6MSG_???");
  if (type == IPMRA_CREPORT_SRC_ADDR || type == IPMRA_CREPORT_DST_ADDR)  // and IP6MRA's
    return put_nla_inet(out, m, off, len, ipmr ? AF_INET : AF_INET6);
  bool u32 = ipmr ? type == IPMRA_CREPORT_VIF_ID || type == IPMRA_CREPORT_TABLE
                  : type == IP6MRA_CREPORT_MIF_ID;
  return u32 && put_nla_int<uint32_t>(out, m, off, len);
}

// RTM_NEWCACHEREPORT: {rtgen_family=}, then the report's attributes by its family.
char* put_cachereport(char* out, const Memory& m, uint64_t off, uint64_t len) noexcept {
  auto family = static_cast<uint8_t>(m.bytes[off]);
  out = put(put_rtnl_family(put(out, "{rtgen_family="), family), "}");
  constexpr uint64_t kAt = align4(sizeof(rtgenmsg));
  if (len <= kAt) return out;
  out = put(out, ", ");
  if (family == RTNL_FAMILY_IPMR)
    return put_nlattrs(out, m, off + kAt, len - kAt, uapi::k_ipmra_creport_attrs,
                       "IPMRA_CREPORT_???", put_creport_attr, family);
  if (family == RTNL_FAMILY_IP6MR)
    return put_nlattrs(out, m, off + kAt, len - kAt, uapi::k_ip6mra_creport_attrs,
                       "IP6MRA_CREPORT_???", put_creport_attr, family);
  return put_hex_bytes(out, m, off + kAt, len - kAt);
}

// The struct that starts each rtnetlink message strace decodes, by its type: what strace
// calls its family field, and its size. Of those not decoded here, strace's forms of a
// message shorter than its struct ({ifa_family=AF_INET, ...}) and of one whose struct
// cannot be read ({ifa_family=AF_INET, 0x7ffd...}) are written; the rest as the family and
// the data in hex.
struct RouteStruct {
  std::string_view family;
  uint64_t size;
};

RouteStruct route_struct(uint16_t type, uint8_t family) noexcept {
  switch (type) {
    case RTM_NEWADDR: case RTM_DELADDR: case RTM_GETADDR: case RTM_GETMULTICAST:
    case RTM_GETANYCAST:
      return {"ifa_family", sizeof(ifaddrmsg)};
    case RTM_NEWROUTE: case RTM_DELROUTE: case RTM_GETROUTE:
      return {"rtm_family", sizeof(rtmsg)};
    case RTM_GETNEIGH:  // a bridge's is an ifinfomsg
      if (family == AF_BRIDGE) return {"ifi_family", sizeof(ifinfomsg)};
      return {"ndm_family", sizeof(ndmsg)};
    case RTM_NEWNEIGH: case RTM_DELNEIGH:
      return {"ndm_family", sizeof(ndmsg)};
    case RTM_NEWRULE: case RTM_DELRULE: case RTM_GETRULE:
      return {"family", sizeof(fib_rule_hdr)};
    case RTM_NEWQDISC: case RTM_DELQDISC: case RTM_GETQDISC: case RTM_NEWTCLASS:
    case RTM_DELTCLASS: case RTM_GETTCLASS: case RTM_NEWTFILTER: case RTM_DELTFILTER:
    case RTM_GETTFILTER: case RTM_NEWCHAIN: case RTM_DELCHAIN: case RTM_GETCHAIN:
      return {"tcm_family", sizeof(tcmsg)};
    case RTM_NEWACTION: case RTM_DELACTION: case RTM_GETACTION:
      return {"tca_family", sizeof(tcamsg)};
    case RTM_NEWNEIGHTBL: case RTM_GETNEIGHTBL: case RTM_SETNEIGHTBL:
      return {"ndtm_family", sizeof(ndtmsg)};
    case RTM_NEWADDRLABEL: case RTM_DELADDRLABEL: case RTM_GETADDRLABEL:
      return {"ifal_family", sizeof(ifaddrlblmsg)};
    case RTM_GETDCB: case RTM_SETDCB:
      return {"dcb_family", sizeof(dcbmsg)};
    case RTM_NEWNETCONF: case RTM_DELNETCONF: case RTM_GETNETCONF:
      return {"ncm_family", sizeof(netconfmsg)};
    case RTM_NEWMDB: case RTM_DELMDB: case RTM_GETMDB:
      return {"family", sizeof(br_port_msg)};
    case RTM_NEWNSID: case RTM_DELNSID: case RTM_GETNSID:
      return {"rtgen_family", sizeof(rtgenmsg)};
    case RTM_NEWSTATS: case RTM_GETSTATS:
      return {"family", sizeof(if_stats_msg)};
    case RTM_NEWNEXTHOP: case RTM_DELNEXTHOP: case RTM_GETNEXTHOP:
      return {"nh_family", sizeof(nhmsg)};
    default:
      return {};
  }
}

// A struct strace cannot show whole: shorter than rs ({ifa_family=AF_INET, ...}), or
// unreadable after its family ({ifa_family=AF_INET, 0x7ffd...}).
char* put_struct_start(char* out, const Memory& m, const RouteStruct& rs, uint8_t family,
                       uint64_t off, uint64_t len) noexcept {
  out = put_family(put(put(put(out, "{"), rs.family), "="), family);
  if (len < rs.size) return put(out, ", ...}");
  return put(put_hex(put(out, ", "), m.addr + off + 1), "}");
}

// ------------------------------------------------------------------ rtnetlink: addresses,
// routes, neighbours, rules

// A struct that starts a message (ifaddrmsg, rtmsg...): "{ifa_family=AF_INET, " written;
// true when its size bytes can be read (its fields are then written by the caller), else
// strace's forms of one cut short or unreadable, closed.
bool put_struct_head(char** out, const Memory& m, std::string_view field, uint8_t family,
                     uint64_t off, uint64_t len, uint64_t size) noexcept {
  *out = put(put_family(put(put(put(*out, "{"), field), "="), family), ", ");
  if (len < size) {
    *out = put(*out, "...}");
    return false;
  }
  if (!m.readable(off, size)) {
    *out = put(put_hex(*out, m.addr + off + 1), "}");
    return false;
  }
  return true;
}

// The attributes after a message's struct of size bytes, when len leaves any: ", [...]".
char* put_attrs_after(char* out, const Memory& m, uint64_t off, uint64_t len, uint64_t size,
                      Table types, std::string_view unknown, AttrValue value,
                      uint64_t family) noexcept {
  uint64_t at = align4(size);
  if (len <= at) return out;
  return put_nlattrs(put(out, ", "), m, off + at, len - at, types, unknown, value, family);
}

// A message's struct T of len bytes at off: its family (named head), its other fields by
// rows, then its attributes, of types, each by value (given the family).
template <class T>
char* put_family_msg(char* out, const Memory& m, uint64_t off, uint64_t len,
                     std::string_view head, std::span<const Field> rows, Table types,
                     std::string_view unknown, AttrValue value) noexcept {
  auto family = static_cast<uint8_t>(m.bytes[off]);
  if (!put_struct_head(&out, m, head, family, off, len, sizeof(T))) return out;
  out = put(put_field_list(out, m.bytes.data() + off, rows), "}");
  return put_attrs_after(out, m, off, len, sizeof(T), types, unknown, value, family);
}

constexpr Show kIfindex = value<put_ifindex>();
constexpr Show kScope = xval(uapi::k_routing_scopes, "");
constexpr Show kTos = printflags(uapi::k_ip_type_of_services, "IPTOS_TOS_???");

// IFA_*: addresses of the message's family, the label, struct ifa_cacheinfo, flags.
bool put_ifa_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                  uint64_t family) noexcept {
  switch (type) {
    case IFA_ADDRESS: case IFA_LOCAL: case IFA_BROADCAST: case IFA_ANYCAST: case IFA_MULTICAST:
      return put_nla_inet(out, m, off, len, family);
    case IFA_LABEL:
      return put_nla_str(out, m, off, len);
    case IFA_CACHEINFO:
      return put_nla_uints<uint32_t>(out, m, off, len,
                                     {"ifa_prefered", "ifa_valid", "cstamp", "tstamp"});
    case IFA_FLAGS:
      if (len < 4) return false;
      return put_nla_xval(out, m, off, 4, 4, uapi::k_ifaddrflags, "IFA_F_???", true);
    case IFA_RT_PRIORITY:
      return put_nla_int<uint32_t>(out, m, off, len);
    case IFA_TARGET_NETNSID:
      return put_nla_int<int32_t>(out, m, off, len);
    default:
      return false;
  }
}

constexpr Field kIfaddrmsg[] = {
    {OBS_FIELD(ifaddrmsg, ifa_prefixlen)},
    {OBS_FIELD(ifaddrmsg, ifa_flags), printflags(uapi::k_ifaddrflags, "IFA_F_???")},
    {OBS_FIELD(ifaddrmsg, ifa_scope), kScope},
    {OBS_FIELD(ifaddrmsg, ifa_index), kIfindex}};

// struct ifaddrmsg (RTM_NEWADDR...), then its IFA_* attributes.
char* put_ifaddrmsg(char* out, const Memory& m, uint64_t off, uint64_t len) noexcept {
  return put_family_msg<ifaddrmsg>(out, m, off, len, "ifa_family", kIfaddrmsg,
                                   uapi::k_rtnl_addr_attrs, "IFA_???", put_ifa_attr);
}

// RTA_METRICS' RTAX_* attributes: u32s but for the congestion control's name.
bool put_rtax_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                   uint64_t) noexcept {
  if (type == RTAX_CC_ALGO) return put_nla_str(out, m, off, len);
  if (type == RTAX_UNSPEC || type > RTAX_CC_ALGO) return false;
  return put_nla_int<uint32_t>(out, m, off, len);
}

bool put_rta_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                  uint64_t family) noexcept;

// RTA_MULTIPATH: struct rtnexthop, each followed by its RTA_* attributes.
bool put_rta_multipath(char** out, const Memory& m, uint64_t off, uint32_t len,
                       uint64_t family) noexcept {
  constexpr uint32_t kNh = sizeof(rtnexthop);
  if (len < kNh) return false;
  char* o = *out;
  bool in_array = false;
  uint64_t at = off, left = len;
  for (;;) {
    if (!m.readable(at, kNh)) {
      o = put_hex(o, m.addr + at);
      break;
    }
    auto nh = m.at<rtnexthop>(at);
    uint64_t nh_len = nh.rtnh_len < left ? nh.rtnh_len : left;
    if (at == off && nh.rtnh_len < len) {
      o = put(o, "[");
      in_array = true;
    }
    if (at > off) o = put(o, ", ");
    constexpr uint64_t kAt = RTNH_ALIGN(sizeof(rtnexthop));
    if (nh_len > kAt) o = put(o, "[");
    o = put_num(put(o, "{rtnh_len="), nh.rtnh_len);
    o = put_flags2(put(o, ", rtnh_flags="), nh.rtnh_flags, uapi::k_route_nexthop_flags, {},
                   "RTNH_F_???");
    o = put_num(put(o, ", rtnh_hops="), nh.rtnh_hops);
    o = put(put_ifindex(put(o, ", rtnh_ifindex="), static_cast<uint32_t>(nh.rtnh_ifindex)), "}");
    if (nh_len > kAt) {
      o = put_nlattrs(put(o, ", "), m, at + kAt, nh_len - kAt, uapi::k_rtnl_route_attrs,
                      "RTA_???", put_rta_attr, family);
      o = put(o, "]");
    }
    if (RTNH_ALIGN(nh_len) >= left) break;
    at += RTNH_ALIGN(nh_len);
    left -= RTNH_ALIGN(nh_len);
  }
  *out = in_array ? put(o, "]") : o;
  return true;
}

constexpr Field kRtaCacheinfo[] = {
    {OBS_FIELD(rta_cacheinfo, rta_clntref)},
    {OBS_FIELD(rta_cacheinfo, rta_lastuse)},
    {OBS_FIELD(rta_cacheinfo, rta_expires), as_unsigned(dec)},
    {OBS_FIELD(rta_cacheinfo, rta_error)},
    {OBS_FIELD(rta_cacheinfo, rta_used)},
    {OBS_FIELD(rta_cacheinfo, rta_id), hex},
    {OBS_FIELD(rta_cacheinfo, rta_ts)},
    {OBS_FIELD(rta_cacheinfo, rta_tsage)}};

// RTA_*: addresses of the message's family, interfaces, metrics, next hops, structs.
bool put_rta_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                  uint64_t family) noexcept {
  switch (type) {
    case RTA_DST: case RTA_SRC: case RTA_GATEWAY: case RTA_PREFSRC: case RTA_NEWDST:
      return put_nla_inet(out, m, off, len, family);
    case RTA_IIF: case RTA_OIF:
      return put_nla_index(out, m, off, len);
    case RTA_PRIORITY: case RTA_PROTOINFO: case RTA_FLOW: case RTA_MP_ALGO: case RTA_MARK:
    case RTA_UID:
      return put_nla_int<uint32_t>(out, m, off, len);
    case RTA_METRICS:
      *out = put_nlattrs(*out, m, off, len, uapi::k_rtnl_rta_metrics_attrs, "RTAX_???",
                         put_rtax_attr);
      return true;
    case RTA_MULTIPATH:
      return put_rta_multipath(out, m, off, len, family);
    case RTA_CACHEINFO: {
      if (len < sizeof(rta_cacheinfo)) return false;
      if (!m.readable(off, sizeof(rta_cacheinfo))) {
        *out = put_hex(*out, m.addr + off);
        return true;
      }
      *out = put_fields(*out, m.at<rta_cacheinfo>(off), kRtaCacheinfo);
      return true;
    }
    case RTA_TABLE:
      return put_nla_rt_class(out, m, off, len);
    case RTA_MFC_STATS:
      return put_nla_uints<uint64_t>(out, m, off, len,
                                     {"mfcs_packets", "mfcs_bytes", "mfcs_wrong_if"});
    case RTA_VIA: {
      constexpr uint32_t kFamily = offsetof(rtvia, rtvia_addr);
      if (len < sizeof(rtvia)) return false;
      if (!m.readable(off, kFamily)) {
        *out = put_hex(*out, m.addr + off);
        return true;
      }
      auto via_family = m.at<uint16_t>(off);
      char* o = put_family(put(*out, "{rtvia_family="), via_family);
      if (len > kFamily) {
        o = put(o, ", ");
        uint32_t size = via_family == AF_INET ? 4 : via_family == AF_INET6 ? 16 : 0;
        // By name the address is the field strace fills: inet_pton(AF_INET6, "::1", &rtvia_addr).
        if (size && len - kFamily >= size && m.readable(off + kFamily, size) &&
            display().xlat == Xlat::kAbbrev && via_family == AF_INET6) {
          char text[INET6_ADDRSTRLEN] = {};
          inet_ntop(AF_INET6, m.bytes.data() + off + kFamily, text, sizeof(text));
          o = put(put(put(o, "inet_pton(AF_INET6, \""), text), "\", &rtvia_addr)");
        } else {
          o = put(o, "rtvia_addr=");
          put_nla_inet(&o, m, off + kFamily, len - kFamily, via_family);
        }
      }
      *out = put(o, "}");
      return true;
    }
    case RTA_PREF: case RTA_TTL_PROPAGATE:
      return put_nla_int<uint8_t>(out, m, off, len);
    case RTA_IP_PROTO:
      return put_nla_xval(out, m, off, len, 0, uapi::k_inet_protocols, "IPPROTO_???");
    case RTA_ENCAP_TYPE:
      if (len < 2) return false;
      return put_nla_xval(out, m, off, 2, 2, uapi::k_lwtunnel_encap_types,
                          "LWTUNNEL_ENCAP_???");
    case RTA_EXPIRES:
      return put_nla_int<uint64_t>(out, m, off, len);
    case RTA_SPORT: case RTA_DPORT:
      return put_nla_int<uint16_t>(out, m, off, len);
    default:
      return false;
  }
}

constexpr Field kRtmsg[] = {
    {OBS_FIELD(rtmsg, rtm_dst_len)},
    {OBS_FIELD(rtmsg, rtm_src_len)},
    {OBS_FIELD(rtmsg, rtm_tos), kTos},
    {OBS_FIELD(rtmsg, rtm_table), xval(uapi::k_routing_table_ids, "")},
    {OBS_FIELD(rtmsg, rtm_protocol), xval(uapi::k_routing_protocols, "RTPROT_???")},
    {OBS_FIELD(rtmsg, rtm_scope), kScope},
    {OBS_FIELD(rtmsg, rtm_type), xval(uapi::k_routing_types, "RTN_???")},
    {OBS_FIELD(rtmsg, rtm_flags), printflags(uapi::k_routing_flags, "RTM_F_???")}};

// struct rtmsg (RTM_NEWROUTE...), then its RTA_* attributes.
char* put_rtmsg(char* out, const Memory& m, uint64_t off, uint64_t len) noexcept {
  return put_family_msg<rtmsg>(out, m, off, len, "rtm_family", kRtmsg, uapi::k_rtnl_route_attrs,
                               "RTA_???", put_rta_attr);
}

// NDA_FDB_EXT_ATTRS' NFEA_*: the activity notification's flags.
bool put_nfea_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                   uint64_t) noexcept {
  // FDB_NOTIFY_BIT and FDB_NOTIFY_INACTIVE_BIT, linux/neighbour.h (enums strace names).
  static constexpr Flag kFdbNotify[] = {{FDB_NOTIFY_BIT, "FDB_NOTIFY_BIT"},
                                        {FDB_NOTIFY_INACTIVE_BIT, "FDB_NOTIFY_INACTIVE_BIT"}};
  if (type != NFEA_ACTIVITY_NOTIFY) return false;
  return put_nla_xval(out, m, off, len, 1, kFdbNotify, "FDB_NOTIFY_???", true);
}

// NDA_*: the neighbour's address of the message's family, its link-layer address, struct
// nda_cacheinfo, integers, interfaces, flags.
bool put_nda_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                  uint64_t family) noexcept {
  switch (type) {
    case NDA_DST:
      return put_nla_inet(out, m, off, len, family);
    case NDA_LLADDR:
      return put_nla_hwaddr(out, m, off, len);
    case NDA_CACHEINFO:
      return put_nla_uints<uint32_t>(out, m, off, len,
                                     {"ndm_confirmed", "ndm_used", "ndm_updated", "ndm_refcnt"});
    case NDA_PROBES: case NDA_VNI: case NDA_LINK_NETNSID: case NDA_SRC_VNI: case NDA_NH_ID:
      return put_nla_int<uint32_t>(out, m, off, len);
    case NDA_VLAN:
      return put_nla_int<uint16_t>(out, m, off, len);
    case NDA_PORT:
      return put_nla_be<uint16_t>(out, m, off, len);
    case NDA_IFINDEX: case NDA_MASTER:
      return put_nla_index(out, m, off, len);
    case NDA_PROTOCOL:
      return put_nla_xval(out, m, off, len, 0, uapi::k_inet_protocols, "IPPROTO_???");
    case NDA_FDB_EXT_ATTRS:
      *out = put_nlattrs(*out, m, off, len, uapi::k_rtnl_neigh_fdb_ext_attrs, "NFEA_???",
                         put_nfea_attr);
      return true;
    case NDA_FLAGS_EXT:
      return put_nla_xval(out, m, off, len, 4, uapi::k_neighbor_cache_entry_ext_flags,
                          "NTF_EXT_???", true);
    case NDA_NDM_STATE_MASK:
      return put_nla_xval(out, m, off, len, 2, uapi::k_neighbor_cache_entry_states, "NUD_???",
                          true);
    case NDA_NDM_FLAGS_MASK:
      return put_nla_xval(out, m, off, len, 1, uapi::k_neighbor_cache_entry_flags, "NTF_???",
                          true);
    default:
      return false;
  }
}

constexpr Field kNdmsg[] = {
    {OBS_FIELD(ndmsg, ndm_ifindex), kIfindex},
    {OBS_FIELD(ndmsg, ndm_state), printflags(uapi::k_neighbor_cache_entry_states, "NUD_???")},
    {OBS_FIELD(ndmsg, ndm_flags), printflags(uapi::k_neighbor_cache_entry_flags, "NTF_???")},
    {OBS_FIELD(ndmsg, ndm_type), xval(uapi::k_routing_types, "RTN_???")}};

// struct ndmsg (RTM_NEWNEIGH...), then its NDA_* attributes.
char* put_ndmsg(char* out, const Memory& m, uint64_t off, uint64_t len) noexcept {
  return put_family_msg<ndmsg>(out, m, off, len, "ndm_family", kNdmsg, uapi::k_rtnl_neigh_attrs,
                               "NDA_???", put_nda_attr);
}

// FRA_*: addresses of the message's family, names, integers, the table, ranges.
bool put_fra_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                  uint64_t family) noexcept {
  switch (type) {
    case FRA_DST: case FRA_SRC:
      return put_nla_inet(out, m, off, len, family);
    case FRA_IIFNAME: case FRA_OIFNAME:
      return put_nla_str(out, m, off, len);
    case FRA_GOTO: case FRA_PRIORITY: case FRA_FWMARK: case FRA_FLOW:
    case FRA_SUPPRESS_IFGROUP: case FRA_SUPPRESS_PREFIXLEN: case FRA_FWMASK:
      return put_nla_int<uint32_t>(out, m, off, len);
    case FRA_TUN_ID:
      return put_nla_be<uint64_t>(out, m, off, len);
    case FRA_TABLE:
      return put_nla_rt_class(out, m, off, len);
    case FRA_L3MDEV:
      return put_nla_int<uint8_t>(out, m, off, len);
    case FRA_UID_RANGE:
      return put_nla_uints<uint32_t>(out, m, off, len, {"start", "end"});
    case FRA_PROTOCOL:
      if (len < 1) return false;
      return put_nla_xval(out, m, off, 1, 1, uapi::k_routing_protocols, "RTPROT_???");
    case FRA_IP_PROTO:
      return put_nla_xval(out, m, off, len, 0, uapi::k_inet_protocols, "IPPROTO_???");
    case FRA_SPORT_RANGE: case FRA_DPORT_RANGE:
      return put_nla_uints<uint16_t>(out, m, off, len, {"start", "end"});
    default:
      return false;
  }
}

constexpr Field kFibRuleHdr[] = {
    {OBS_FIELD(fib_rule_hdr, dst_len)},
    {OBS_FIELD(fib_rule_hdr, src_len)},
    {OBS_FIELD(fib_rule_hdr, tos), kTos},
    {OBS_FIELD(fib_rule_hdr, table), xval(uapi::k_routing_table_ids, "RT_TABLE_???")},
    {OBS_FIELD(fib_rule_hdr, action), xval(uapi::k_fib_rule_actions, "FR_ACT_???")},
    {OBS_FIELD(fib_rule_hdr, flags), printflags(uapi::k_fib_rule_flags, "FIB_RULE_???")}};

// struct fib_rule_hdr (RTM_NEWRULE...), then its FRA_* attributes.
char* put_fib_rule_hdr(char* out, const Memory& m, uint64_t off, uint64_t len) noexcept {
  return put_family_msg<fib_rule_hdr>(out, m, off, len, "family", kFibRuleHdr,
                                      uapi::k_rtnl_rule_attrs, "FRA_???", put_fra_attr);
}

// TCA_STATS2's TCA_STATS_*: the gnet_stats structs (linux/gen_stats.h), as far as strace
// reads them.
bool put_tca_stats_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                        uint64_t) noexcept {
  switch (type) {
    case TCA_STATS_BASIC: case TCA_STATS_BASIC_HW: {
      constexpr uint32_t kSize = 12;  // bytes and packets, without the struct's padding
      if (len < kSize) return false;
      if (!m.readable(off, kSize)) {
        *out = put_hex(*out, m.addr + off);
        return true;
      }
      char* o = put_num(put(*out, "{bytes="), m.at<uint64_t>(off));
      *out = put(put_num(put(o, ", packets="), m.at<uint32_t>(off + 8)), "}");
      return true;
    }
    case TCA_STATS_RATE_EST:
      return put_nla_uints<uint32_t>(out, m, off, len, {"bps", "pps"});
    case TCA_STATS_QUEUE:
      return put_nla_uints<uint32_t>(out, m, off, len,
                                     {"qlen", "backlog", "drops", "requeues", "overlimits"});
    case TCA_STATS_RATE_EST64:
      return put_nla_uints<uint64_t>(out, m, off, len, {"bps", "pps"});
    case TCA_STATS_PKT64:
      return put_nla_int<uint64_t>(out, m, off, len);
    default:
      return false;
  }
}

constexpr Field kSizespec[] = {
    {OBS_FIELD(tc_sizespec, cell_log)}, {OBS_FIELD(tc_sizespec, size_log)},
    {OBS_FIELD(tc_sizespec, cell_align)}, {OBS_FIELD(tc_sizespec, overhead)},
    {OBS_FIELD(tc_sizespec, linklayer)}, {OBS_FIELD(tc_sizespec, mpu)},
    {OBS_FIELD(tc_sizespec, mtu)}, {OBS_FIELD(tc_sizespec, tsize)}};

// TCA_STAB_*: struct tc_sizespec, the table of u16s.
bool put_tca_stab_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                       uint64_t) noexcept {
  switch (type) {
    case TCA_STAB_BASE:
      return put_nla_fields<tc_sizespec>(out, m, off, len, kSizespec);
    case TCA_STAB_DATA:
      if (len < 2) return false;
      *out = put_array(*out, m, off, len / 2, 2, [&](char* o, uint64_t at, uint64_t) {
        return put_num(o, m.at<uint16_t>(at));
      });
      return true;
    default:
      return false;
  }
}

constexpr Field kTcStats[] = {
    {OBS_FIELD(tc_stats, bytes)}, {OBS_FIELD(tc_stats, packets)},
    {OBS_FIELD(tc_stats, drops)}, {OBS_FIELD(tc_stats, overlimits)},
    {OBS_FIELD(tc_stats, bps)},   {OBS_FIELD(tc_stats, pps)},
    {OBS_FIELD(tc_stats, qlen)},  {OBS_FIELD(tc_stats, backlog)}};

// TCA_*: the kind, struct tc_stats and tc_estimator, TCA_STATS2's, integers.
bool put_tca_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                  uint64_t) noexcept {
  switch (type) {
    case TCA_KIND:
      return put_nla_str(out, m, off, len);
    case TCA_STATS: {
      constexpr uint32_t kSize = offsetof(tc_stats, backlog) + sizeof(uint32_t);
      if (len < kSize) return false;
      if (!m.readable(off, kSize)) {
        *out = put_hex(*out, m.addr + off);
        return true;
      }
      *out = put_fields(*out, m.at<tc_stats>(off), kTcStats);
      return true;
    }
    case TCA_RATE: {
      if (len < sizeof(tc_estimator)) return false;
      if (!m.readable(off, sizeof(tc_estimator))) {
        *out = put_hex(*out, m.addr + off);
        return true;
      }
      auto est = m.at<tc_estimator>(off);
      char* o = put_num(put(*out, "{interval="), static_cast<int>(est.interval));
      *out = put(put_num(put(o, ", ewma_log="), static_cast<unsigned>(est.ewma_log)), "}");
      return true;
    }
    case TCA_STATS2:
      *out = put_nlattrs(*out, m, off, len, uapi::k_rtnl_tca_stats_attrs, "TCA_STATS_???",
                         put_tca_stats_attr);
      return true;
    case TCA_STAB:
      return put_nla_nested(out, m, off, len, uapi::k_rtnl_tca_stab_attrs, "TCA_STAB_???",
                            put_tca_stab_attr);
    case TCA_FCNT: case TCA_CHAIN: case TCA_INGRESS_BLOCK: case TCA_EGRESS_BLOCK:
    case TCA_DUMP_FLAGS:
      return put_nla_int<uint32_t>(out, m, off, len);
    case TCA_HW_OFFLOAD:
      return put_nla_int<uint8_t>(out, m, off, len);
    default:
      return false;
  }
}

constexpr Field kTcmsg[] = {
    {OBS_FIELD(tcmsg, tcm_ifindex), kIfindex}, {OBS_FIELD(tcmsg, tcm_handle)},
    {OBS_FIELD(tcmsg, tcm_parent)}, {OBS_FIELD(tcmsg, tcm_info)}};

// struct tcmsg (RTM_NEWQDISC, ...TCLASS, ...TFILTER, ...CHAIN), then its TCA_* attributes.
char* put_tcmsg(char* out, const Memory& m, uint64_t off, uint64_t len) noexcept {
  return put_family_msg<tcmsg>(out, m, off, len, "tcm_family", kTcmsg, uapi::k_rtnl_tc_attrs,
                               "TCA_???", put_tca_attr);
}

// ------------------------------------------------------------------ rtnetlink: actions,
// neighbour tables, netconf, namespaces, address labels, next hops, DCB, multicast database

// A message whose struct strace shows only the family of ({tca_family=AF_INET}), then its
// attributes after the struct of size bytes.
char* put_family_attrs(char* out, const Memory& m, uint64_t off, uint64_t len,
                       std::string_view field, uint64_t size, Table types,
                       std::string_view unknown, AttrValue value) noexcept {
  auto family = static_cast<uint8_t>(m.bytes[off]);
  out = put(put_family(put(put(put(out, "{"), field), "="), family), "}");
  return put_attrs_after(out, m, off, len, size, types, unknown, value, family);
}

// TCA_ACT_*: the kind, the index, statistics (as TCA_STATS2's), flags.
bool put_tca_act_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                      uint64_t) noexcept {
  switch (type) {
    case TCA_ACT_KIND:
      return put_nla_str(out, m, off, len);
    case TCA_ACT_INDEX: case TCA_ACT_IN_HW_COUNT:
      return put_nla_int<uint32_t>(out, m, off, len);
    case TCA_ACT_STATS:
      return put_nla_nested(out, m, off, len, uapi::k_rtnl_tca_stats_attrs, "TCA_STATS_???",
                            put_tca_stats_attr);
    case TCA_ACT_FLAGS:
      return put_nla_flags(out, m, off, len, 4, uapi::k_rtnl_tca_act_flags, "TCA_ACT_FLAGS_???");
    case TCA_ACT_HW_STATS: case TCA_ACT_USED_HW_STATS:
      return put_nla_flags(out, m, off, len, 4, uapi::k_rtnl_tca_act_hw_stats,
                           "TCA_ACT_HW_STATS_???");
    default:
      return false;
  }
}

// NDTPA_*: a neighbour table's parameters, u32s and u64s (times in milliseconds).
bool put_ndtpa_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                    uint64_t) noexcept {
  switch (type) {
    case NDTPA_IFINDEX:
      return put_nla_index(out, m, off, len);
    case NDTPA_REFCNT: case NDTPA_QUEUE_LEN: case NDTPA_APP_PROBES: case NDTPA_UCAST_PROBES:
    case NDTPA_MCAST_PROBES: case NDTPA_PROXY_QLEN: case NDTPA_QUEUE_LENBYTES:
    case NDTPA_MCAST_REPROBES:
      return put_nla_int<uint32_t>(out, m, off, len);
    case NDTPA_REACHABLE_TIME: case NDTPA_BASE_REACHABLE_TIME: case NDTPA_RETRANS_TIME:
    case NDTPA_GC_STALETIME: case NDTPA_DELAY_PROBE_TIME: case NDTPA_ANYCAST_DELAY:
    case NDTPA_PROXY_DELAY: case NDTPA_LOCKTIME: case NDTPA_INTERVAL_PROBE_TIME_MS:
      return put_nla_int<uint64_t>(out, m, off, len);
    default:
      return false;
  }
}

constexpr Field kNdtConfig[] = {
    {OBS_FIELD(ndt_config, ndtc_key_len)},     {OBS_FIELD(ndt_config, ndtc_entry_size)},
    {OBS_FIELD(ndt_config, ndtc_entries)},     {OBS_FIELD(ndt_config, ndtc_last_flush)},
    {OBS_FIELD(ndt_config, ndtc_last_rand)},   {OBS_FIELD(ndt_config, ndtc_hash_rnd)},
    {OBS_FIELD(ndt_config, ndtc_hash_mask), value<put_0x10>()},
    {OBS_FIELD(ndt_config, ndtc_hash_chain_gc)}, {OBS_FIELD(ndt_config, ndtc_proxy_qlen)}};

// NDTA_*: the table's name, thresholds, struct ndt_config, its parameters, struct
// ndt_stats (without ndts_table_fulls when the attribute ends before it).
bool put_ndta_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                   uint64_t) noexcept {
  switch (type) {
    case NDTA_NAME:
      return put_nla_str(out, m, off, len);
    case NDTA_THRESH1: case NDTA_THRESH2: case NDTA_THRESH3:
      return put_nla_int<uint32_t>(out, m, off, len);
    case NDTA_GC_INTERVAL:
      return put_nla_int<uint64_t>(out, m, off, len);
    case NDTA_CONFIG:
      return put_nla_fields<ndt_config>(out, m, off, len, kNdtConfig);
    case NDTA_PARMS:
      return put_nla_nested(out, m, off, len, uapi::k_rtnl_neightbl_parms_attrs, "NDTPA_???",
                            put_ndtpa_attr);
    case NDTA_STATS: {
      static constexpr std::string_view kFields[] = {
          "ndts_allocs", "ndts_destroys", "ndts_hash_grows", "ndts_res_failed", "ndts_lookups",
          "ndts_hits", "ndts_rcv_probes_mcast", "ndts_rcv_probes_ucast",
          "ndts_periodic_gc_runs", "ndts_forced_gc_runs", "ndts_table_fulls"};
      static_assert(sizeof(ndt_stats) == std::size(kFields) * 8, "the fields of Linux 6.1");
      constexpr uint32_t kMin = offsetof(ndt_stats, ndts_table_fulls);
      uint32_t size = len >= sizeof(ndt_stats) ? sizeof(ndt_stats) : len == kMin ? kMin : 0;
      if (!size) return false;
      if (!m.readable(off, size)) {
        *out = put_hex(*out, m.addr + off);
        return true;
      }
      char* o = put(*out, "{");
      for (uint32_t i = 0; i < size / 8; ++i)
        o = put_num(put(put(i ? put(o, ", ") : o, kFields[i]), "="), m.at<uint64_t>(off + i * 8));
      *out = put(o, "}");
      return true;
    }
    default:
      return false;
  }
}

// NETCONFA_*: the interface, the settings as ints.
bool put_netconfa_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                       uint64_t) noexcept {
  if (type == NETCONFA_IFINDEX) return put_nla_index(out, m, off, len);
  return type > NETCONFA_IFINDEX && type <= NETCONFA_BC_FORWARDING &&
         put_nla_int<int32_t>(out, m, off, len);
}

// NETNSA_*: namespace ids, a pid, a descriptor.
bool put_netnsa_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                     uint64_t) noexcept {
  switch (type) {
    case NETNSA_NSID: case NETNSA_FD: case NETNSA_TARGET_NSID: case NETNSA_CURRENT_NSID:
      return put_nla_int<int32_t>(out, m, off, len);
    case NETNSA_PID:
      return put_nla_int<uint32_t>(out, m, off, len);
    default:
      return false;
  }
}

// IFAL_*: the address of the message's family, the label.
bool put_ifal_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                   uint64_t family) noexcept {
  if (type == IFAL_ADDRESS) return put_nla_inet(out, m, off, len, family);
  return type == IFAL_LABEL && put_nla_int<uint32_t>(out, m, off, len);
}

constexpr Field kIfaddrlblmsg[] = {
    {OBS_FIELD(ifaddrlblmsg, ifal_prefixlen)}, {OBS_FIELD(ifaddrlblmsg, ifal_flags)},
    {OBS_FIELD(ifaddrlblmsg, ifal_index), kIfindex}, {OBS_FIELD(ifaddrlblmsg, ifal_seq)}};

// struct ifaddrlblmsg (RTM_NEWADDRLABEL...), then its IFAL_* attributes.
char* put_ifaddrlblmsg(char* out, const Memory& m, uint64_t off, uint64_t len) noexcept {
  return put_family_msg<ifaddrlblmsg>(out, m, off, len, "ifal_family", kIfaddrlblmsg,
                                      uapi::k_rtnl_addrlabel_attrs, "IFAL_???", put_ifal_attr);
}

// NHA_RES_GROUP_* and NHA_RES_BUCKET_*: a resilient group's buckets and timers.
bool put_nha_res_group_attr(char** out, const Memory& m, uint64_t off, uint32_t len,
                            uint16_t type, uint64_t) noexcept {
  if (type == NHA_RES_GROUP_BUCKETS) return put_nla_int<uint16_t>(out, m, off, len);
  return type > NHA_RES_GROUP_BUCKETS && type <= NHA_RES_GROUP_UNBALANCED_TIME &&
         put_nla_clock_t(out, m, off, len);
}

bool put_nha_res_bucket_attr(char** out, const Memory& m, uint64_t off, uint32_t len,
                             uint16_t type, uint64_t) noexcept {
  switch (type) {
    case NHA_RES_BUCKET_INDEX: return put_nla_int<uint16_t>(out, m, off, len);
    case NHA_RES_BUCKET_IDLE_TIME: return put_nla_clock_t(out, m, off, len);
    case NHA_RES_BUCKET_NH_ID: return put_nla_int<uint32_t>(out, m, off, len);
    default: return false;
  }
}

// NHA_*: ids, groups (struct nexthop_grp each), interfaces, the gateway of the message's
// family, the encapsulation's type.
bool put_nha_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                  uint64_t family) noexcept {
  switch (type) {
    case NHA_ID: case NHA_BLACKHOLE: case NHA_GROUPS: case NHA_FDB:
      return put_nla_int<uint32_t>(out, m, off, len);
    case NHA_OIF: case NHA_MASTER:
      return put_nla_index(out, m, off, len);
    case NHA_GATEWAY:
      return put_nla_inet(out, m, off, len, family);
    case NHA_GROUP_TYPE:
      return put_nla_xval(out, m, off, len, 2, uapi::k_rtnl_nexthop_grp_types,
                          "NEXTHOP_GRP_TYPE_???");
    case NHA_ENCAP_TYPE:
      return put_nla_xval(out, m, off, len, 2, uapi::k_lwtunnel_encap_types,
                          "LWTUNNEL_ENCAP_???");
    case NHA_GROUP:
      if (len < sizeof(nexthop_grp)) return false;
      *out = put_array(*out, m, off, len / sizeof(nexthop_grp), sizeof(nexthop_grp),
                       [&](char* o, uint64_t at, uint64_t) {
                         // {__u32 id; __u8 weight; __u8 resvd1; __u16 resvd2;} as strace
                         // knows it (Linux 6.1's; newer ones have weight_high for resvd1).
                         o = put_num(put(o, "{id="), m.at<uint32_t>(at));
                         o = put_num(put(o, ", weight="), unsigned{m.at<uint8_t>(at + 4)});
                         if (auto r = m.at<uint8_t>(at + 5)) o = put_hex(put(o, ", resvd1="), r);
                         if (auto r = m.at<uint16_t>(at + 6)) o = put_hex(put(o, ", resvd2="), r);
                         return put(o, "}");
                       });
      return true;
    case NHA_RES_GROUP:
      return put_nla_nested(out, m, off, len, uapi::k_rtnl_nha_res_group_attrs,
                            "NHA_RES_GROUP_???", put_nha_res_group_attr);
    case NHA_RES_BUCKET:
      return put_nla_nested(out, m, off, len, uapi::k_rtnl_nha_res_bucket_attrs,
                            "NHA_RES_BUCKET_???", put_nha_res_bucket_attr);
    default:
      return false;
  }
}

constexpr Field kNhmsg[] = {
    {OBS_FIELD(nhmsg, nh_scope), kScope},
    {OBS_FIELD(nhmsg, nh_protocol), xval(uapi::k_routing_protocols, "RTPROT_???")},
    {OBS_FIELD(nhmsg, resvd), hex, When::kNonZero},
    {OBS_FIELD(nhmsg, nh_flags), printflags(uapi::k_route_nexthop_flags, "RTNH_F_???")}};

// struct nhmsg (RTM_NEWNEXTHOP...), its reserved byte when set, then its NHA_* attributes.
char* put_nhmsg(char* out, const Memory& m, uint64_t off, uint64_t len) noexcept {
  return put_family_msg<nhmsg>(out, m, off, len, "nh_family", kNhmsg,
                               uapi::k_rtnl_nexthop_attrs, "NHA_???", put_nha_attr);
}

constexpr Field kDcbmsg[] = {{OBS_FIELD(dcbmsg, cmd), xval(uapi::k_dcb_commands, "DCB_CMD_???")}};

// struct dcbmsg (RTM_GETDCB, RTM_SETDCB), then its DCB_ATTR_* attributes, in hex.
char* put_dcbmsg(char* out, const Memory& m, uint64_t off, uint64_t len) noexcept {
  return put_family_msg<dcbmsg>(out, m, off, len, "dcb_family", kDcbmsg, uapi::k_rtnl_dcb_attrs,
                                "DCB_ATTR_???", nullptr);
}

// MDBA_MDB_EATTR_*: an entry's timer.
bool put_mdb_eattr_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                        uint64_t) noexcept {
  return type == MDBA_MDB_EATTR_TIMER && put_nla_clock_t(out, m, off, len);
}

// MDBA_MDB_ENTRY_INFO: struct br_mdb_entry, then its MDBA_MDB_EATTR_* attributes.
bool put_mdb_entry_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                        uint64_t) noexcept {
  if (type != MDBA_MDB_ENTRY_INFO || len < sizeof(br_mdb_entry)) return false;
  if (!m.readable(off, sizeof(br_mdb_entry))) {
    *out = put_hex(*out, m.addr + off);
  } else {
    auto e = m.at<br_mdb_entry>(off);
    char* o = put_ifindex(put(*out, "{ifindex="), e.ifindex);
    o = put_xval(put(o, ", state="), e.state, uapi::k_mdb_states, "MDB_???");
    o = put_flags2(put(o, ", flags="), e.flags, uapi::k_mdb_flags, {}, "MDB_FLAGS_???");
    o = put_num(put(o, ", vid="), e.vid);
    // strace takes the protocol for an address family, in both.
    uint16_t proto = ntohs(e.addr.proto);
    auto family = static_cast<uint8_t>(proto <= 0xff ? proto : 0);
    o = put_inet_addr_field(put(o, ", addr={"), family, &e.addr.u, sizeof(e.addr.u), "u");
    o = put_family(put(o, ", proto=htons("), proto);
    *out = put(o, ")}}");
  }
  constexpr uint64_t kAt = align4(sizeof(br_mdb_entry));
  if (len > kAt)
    *out = put_nlattrs(put(*out, ", "), m, off + kAt, len - kAt,
                       uapi::k_rtnl_mdba_mdb_eattr_attrs, "MDBA_MDB_EATTR_???",
                       put_mdb_eattr_attr);
  return true;
}

bool put_mdb_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                  uint64_t) noexcept {
  return type == MDBA_MDB_ENTRY &&
         put_nla_nested(out, m, off, len, uapi::k_rtnl_mdba_mdb_entry_attrs,
                        "MDBA_MDB_ENTRY_???", put_mdb_entry_attr);
}

// MDBA_ROUTER_PATTR_*: a router port's timers and type.
bool put_mdb_pattr_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                        uint64_t) noexcept {
  switch (type) {
    case MDBA_ROUTER_PATTR_TIMER: case MDBA_ROUTER_PATTR_INET_TIMER:
    case MDBA_ROUTER_PATTR_INET6_TIMER:
      return put_nla_clock_t(out, m, off, len);
    case MDBA_ROUTER_PATTR_TYPE:
      if (!m.readable(off, 1)) {
        *out = put_hex(*out, m.addr + off);
        return true;
      }
      *out = put_xval(*out, m.at<uint8_t>(off), uapi::k_multicast_router_types,
                     "MDB_RTR_TYPE_???");
      return true;
    default:
      return false;
  }
}

// MDBA_ROUTER_PORT: an interface index, then its MDBA_ROUTER_PATTR_* attributes.
bool put_mdb_router_attr(char** out, const Memory& m, uint64_t off, uint32_t len,
                         uint16_t type, uint64_t) noexcept {
  if (type != MDBA_ROUTER_PORT || !put_nla_index(out, m, off, len)) return false;
  if (len > 4)
    *out = put_nlattrs(put(*out, ", "), m, off + 4, len - 4, uapi::k_rtnl_mdba_router_pattr_attrs,
                       "MDBA_ROUTER_PATTR_???", put_mdb_pattr_attr);
  return true;
}

bool put_mdba_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                   uint64_t) noexcept {
  switch (type) {
    case MDBA_MDB:
      return put_nla_nested(out, m, off, len, uapi::k_rtnl_mdba_mdb_attrs, "MDBA_MDB_???",
                            put_mdb_attr);
    case MDBA_ROUTER:
      return put_nla_nested(out, m, off, len, uapi::k_rtnl_mdba_router_attrs,
                            "MDBA_ROUTER_???", put_mdb_router_attr);
    default:
      return false;
  }
}

constexpr Field kBrPortMsg[] = {{OBS_FIELD(br_port_msg, ifindex), kIfindex}};

// struct br_port_msg (RTM_NEWMDB...), then its MDBA_* attributes.
char* put_br_port_msg(char* out, const Memory& m, uint64_t off, uint64_t len) noexcept {
  return put_family_msg<br_port_msg>(out, m, off, len, "family", kBrPortMsg,
                                     uapi::k_rtnl_mdb_attrs, "MDBA_???", put_mdba_attr);
}

// An rtnetlink message's payload of len bytes at off (its first byte readable).
char* put_route(char* out, const Memory& m, uint16_t type, uint64_t off, uint64_t len) noexcept {
  auto family = static_cast<uint8_t>(m.bytes[off]);
  RouteStruct rs = route_struct(type, family);
  if (rs.family == "ifi_family" || (type >= RTM_NEWLINK && type <= RTM_SETLINK))
    return put_ifinfomsg(out, m, off, len);
  if (type == RTM_NEWSTATS || type == RTM_GETSTATS) return put_ifstatsmsg(out, m, off, len);
  if (type == RTM_NEWCACHEREPORT) return put_cachereport(out, m, off, len);
  switch (type) {
    case RTM_NEWADDR: case RTM_DELADDR: case RTM_GETADDR: case RTM_GETMULTICAST:
    case RTM_GETANYCAST:
      return put_ifaddrmsg(out, m, off, len);
    case RTM_NEWROUTE: case RTM_DELROUTE: case RTM_GETROUTE:
      return put_rtmsg(out, m, off, len);
    case RTM_NEWNEIGH: case RTM_DELNEIGH: case RTM_GETNEIGH:
      return put_ndmsg(out, m, off, len);
    case RTM_NEWRULE: case RTM_DELRULE: case RTM_GETRULE:
      return put_fib_rule_hdr(out, m, off, len);
    case RTM_NEWQDISC: case RTM_DELQDISC: case RTM_GETQDISC: case RTM_NEWTCLASS:
    case RTM_DELTCLASS: case RTM_GETTCLASS: case RTM_NEWTFILTER: case RTM_DELTFILTER:
    case RTM_GETTFILTER: case RTM_NEWCHAIN: case RTM_DELCHAIN: case RTM_GETCHAIN:
      return put_tcmsg(out, m, off, len);
    case RTM_NEWACTION: case RTM_DELACTION: case RTM_GETACTION:
      return put_family_attrs(out, m, off, len, "tca_family", sizeof(tcamsg),
                              uapi::k_rtnl_tc_action_attrs, "TCA_ACT_???", put_tca_act_attr);
    case RTM_NEWNEIGHTBL: case RTM_GETNEIGHTBL: case RTM_SETNEIGHTBL:
      return put_family_attrs(out, m, off, len, "ndtm_family", sizeof(ndtmsg),
                              uapi::k_rtnl_neightbl_attrs, "NDTA_???", put_ndta_attr);
    case RTM_NEWNETCONF: case RTM_DELNETCONF: case RTM_GETNETCONF:
      return put_family_attrs(out, m, off, len, "ncm_family", sizeof(netconfmsg),
                              uapi::k_rtnl_netconf_attrs, "NETCONFA_???", put_netconfa_attr);
    case RTM_NEWNSID: case RTM_DELNSID: case RTM_GETNSID:
      return put_family_attrs(out, m, off, len, "rtgen_family", sizeof(rtgenmsg),
                              uapi::k_rtnl_nsid_attrs, "NETNSA_???", put_netnsa_attr);
    case RTM_NEWADDRLABEL: case RTM_DELADDRLABEL: case RTM_GETADDRLABEL:
      return put_ifaddrlblmsg(out, m, off, len);
    case RTM_NEWNEXTHOP: case RTM_DELNEXTHOP: case RTM_GETNEXTHOP:
      return put_nhmsg(out, m, off, len);
    case RTM_GETDCB: case RTM_SETDCB:
      return put_dcbmsg(out, m, off, len);
    case RTM_NEWMDB: case RTM_DELMDB: case RTM_GETMDB:
      return put_br_port_msg(out, m, off, len);
    default:
      break;
  }
  if (rs.size > 1 && (len < rs.size || !m.readable(off, rs.size)))
    return put_struct_start(out, m, rs, family, off, len);
  return put_family_data(out, m, off, len);
}

// ------------------------------------------------------------------ sock_diag

// ---- inet_diag

// TLS_INFO_*: the version, cipher and configurations by name.
bool put_tls_info_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                       uint64_t) noexcept {
  switch (type) {
    case TLS_INFO_VERSION:
      return put_nla_xval(out, m, off, len, 2, uapi::k_tls_info_versions, "TLS_???_VERSION");
    case TLS_INFO_CIPHER:
      return put_nla_xval(out, m, off, len, 2, uapi::k_tls_info_ciphers, "TLS_CIPHER_???");
    case TLS_INFO_TXCONF: case TLS_INFO_RXCONF:
      return put_nla_xval(out, m, off, len, 2, uapi::k_tls_info_configs, "TLS_CONF_???");
    default:
      return false;
  }
}

// MPTCP_SUBFLOW_ATTR_*: tokens in hex, sequence numbers, lengths and ids, the flags.
bool put_mptcp_subflow_attr(char** out, const Memory& m, uint64_t off, uint32_t len,
                            uint16_t type, uint64_t) noexcept {
  switch (type) {
    case MPTCP_SUBFLOW_ATTR_TOKEN_REM: case MPTCP_SUBFLOW_ATTR_TOKEN_LOC:
      return put_nla_hex<uint32_t>(out, m, off, len);
    case MPTCP_SUBFLOW_ATTR_RELWRITE_SEQ: case MPTCP_SUBFLOW_ATTR_MAP_SFSEQ:
    case MPTCP_SUBFLOW_ATTR_SSN_OFFSET:
      return put_nla_int<uint32_t>(out, m, off, len);
    case MPTCP_SUBFLOW_ATTR_MAP_SEQ:
      return put_nla_int<uint64_t>(out, m, off, len);
    case MPTCP_SUBFLOW_ATTR_MAP_DATALEN:
      return put_nla_int<uint16_t>(out, m, off, len);
    case MPTCP_SUBFLOW_ATTR_FLAGS:
      return put_nla_flags(out, m, off, len, 4, uapi::k_mptcp_subflow_flags,
                           "MPTCP_SUBFLOW_FLAG_???");
    case MPTCP_SUBFLOW_ATTR_ID_REM: case MPTCP_SUBFLOW_ATTR_ID_LOC:
      return put_nla_int<uint8_t>(out, m, off, len);
    default:
      return false;
  }
}

// INET_DIAG_ULP_INFO's: the upper layer protocol's name, then TLS's or MPTCP's attributes
// (each protocol has attributes of its own types).
bool put_ulp_info_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                       uint64_t) noexcept {
  switch (type) {
    case INET_ULP_INFO_NAME:
      return put_nla_str(out, m, off, len);
    case INET_ULP_INFO_TLS:
      return put_nla_nested(out, m, off, len, uapi::k_tls_info_attrs, "TLS_INFO_???",
                            put_tls_info_attr);
    case INET_ULP_INFO_MPTCP:
      return put_nla_nested(out, m, off, len, uapi::k_mptcp_subflow_attrs,
                            "MPTCP_SUBFLOW_ATTR_???", put_mptcp_subflow_attr);
    default:
      return false;
  }
}

// SK_DIAG_BPF_STORAGE's: the map's id and the value in hex.
bool put_bpf_storage_attr(char** out, const Memory& m, uint64_t off, uint32_t len,
                          uint16_t type, uint64_t) noexcept {
  if (type == SK_DIAG_BPF_STORAGE_MAP_ID) return put_nla_int<uint32_t>(out, m, off, len);
  if (type == SK_DIAG_BPF_STORAGE_MAP_VALUE) return put_nla_xint(out, m, off, len);
  return false;
}

bool put_bpf_storages_attr(char** out, const Memory& m, uint64_t off, uint32_t len,
                           uint16_t type, uint64_t) noexcept {
  if (type != SK_DIAG_BPF_STORAGE) return false;
  return put_nla_nested(out, m, off, len, uapi::k_sk_bpf_storage_attrs,
                        "SK_DIAG_BPF_STORAGE_???", put_bpf_storage_attr);
}

// INET_DIAG_SOCKOPT's two bytes of bit fields (struct inet_diag_sockopt, Linux 5.10): those
// set (all of them with -v), the unused bits' value, then what follows them if not zero.
bool put_inet_sockopt(char** out, const Memory& m, uint64_t off, uint32_t len) noexcept {
  if (len < 2) return false;
  if (!m.readable(off, 2)) {
    *out = put_hex(*out, m.addr + off);
    return true;
  }
  static constexpr std::string_view kBits[] = {
      "recverr", "is_icsk", "freebind", "hdrincl", "mc_loop", "transparent", "mc_all",
      "nodefrag", "bind_address_no_port", "recverr_rfc4884", "defer_connect"};
  auto bits = m.at<uint16_t>(off);
  char* o = put(*out, "{");
  bool first = true;
  for (size_t i = 0; i < std::size(kBits); ++i) {
    bool set = bits >> i & 1;
    if (display().abbrev && !set) continue;
    o = put_num(put(put(first ? o : put(o, ", "), kBits[i]), "="), set ? 1 : 0);
    first = false;
  }
  auto unused = static_cast<uint16_t>(bits >> std::size(kBits));
  if (!display().abbrev || unused)
    o = put(put_hex(put(first ? o : put(o, ", "), "unused="), unused), " /* bits 3..8 */");
  o = put(o, "}");
  // print_nonzero_bytes: the rest of the attribute, up to a page, when any of it is set.
  uint64_t rest = std::min<uint64_t>(len, 4096);
  if (rest > 2) {
    if (!m.readable(off + 2, rest - 2)) {
      o = put(o, ", ???");
    } else {
      std::string_view tail = m.bytes.substr(off + 2, rest - 2);
      if (tail.find_first_not_of('\0') != std::string_view::npos) {
        o = put(put_num(put(put_num(put(o, ", /* bytes "), 2), ".."), rest - 1), " */ ");
        uint32_t limit = display().data_limit;
        bool cut = limit && tail.size() > limit;
        o = put_hex_quoted(o, cut ? tail.substr(0, limit) : tail, cut);
      }
    }
  }
  *out = o;
  return true;
}

// struct tcp_diag_md5sig (an element of INET_DIAG_MD5SIG's array).
char* put_md5sig(char* out, const tcp_diag_md5sig& sig) noexcept {
  out = put_family(put(out, "{tcpm_family="), sig.tcpm_family);
  out = put_num(put(out, ", tcpm_prefixlen="), sig.tcpm_prefixlen);
  out = put_num(put(out, ", tcpm_keylen="), sig.tcpm_keylen);
  out = put_inet_addr_field(put(out, ", "), sig.tcpm_family, sig.tcpm_addr,
                            sizeof(sig.tcpm_addr), "tcpm_addr");
  return put(put_hex_upto(put(out, ", tcpm_key="), sig.tcpm_key, sig.tcpm_keylen), "}");
}

constexpr Field kDiagMeminfo[] = {
    {OBS_FIELD(inet_diag_meminfo, idiag_rmem)}, {OBS_FIELD(inet_diag_meminfo, idiag_wmem)},
    {OBS_FIELD(inet_diag_meminfo, idiag_fmem)}, {OBS_FIELD(inet_diag_meminfo, idiag_tmem)}};
constexpr Field kVegasInfo[] = {
    {OBS_FIELD(tcpvegas_info, tcpv_enabled)}, {OBS_FIELD(tcpvegas_info, tcpv_rttcnt)},
    {OBS_FIELD(tcpvegas_info, tcpv_rtt)}, {OBS_FIELD(tcpvegas_info, tcpv_minrtt)}};
constexpr Field kDctcpInfo[] = {
    {OBS_FIELD(tcp_dctcp_info, dctcp_enabled)}, {OBS_FIELD(tcp_dctcp_info, dctcp_ce_state)},
    {OBS_FIELD(tcp_dctcp_info, dctcp_alpha)}, {OBS_FIELD(tcp_dctcp_info, dctcp_ab_ecn)},
    {OBS_FIELD(tcp_dctcp_info, dctcp_ab_tot)}};
constexpr Field kBbrInfo[] = {
    {OBS_FIELD(tcp_bbr_info, bbr_bw_lo), hex}, {OBS_FIELD(tcp_bbr_info, bbr_bw_hi), hex},
    {OBS_FIELD(tcp_bbr_info, bbr_min_rtt)}, {OBS_FIELD(tcp_bbr_info, bbr_pacing_gain)},
    {OBS_FIELD(tcp_bbr_info, bbr_cwnd_gain)}};

// INET_DIAG_*: the answer's extensions as strace decodes them (INET_DIAG_INFO's tcp_info, as
// strace, in hex).
bool put_inet_diag_attr(char** out, const Memory& m, uint64_t off, uint32_t len,
                        uint16_t type, uint64_t) noexcept {
  switch (type) {
    case INET_DIAG_MEMINFO:
      return put_nla_fields<inet_diag_meminfo>(out, m, off, len, kDiagMeminfo);
    case INET_DIAG_VEGASINFO:
      return put_nla_fields<tcpvegas_info>(out, m, off, len, kVegasInfo);
    case INET_DIAG_CONG:
      return put_nla_str(out, m, off, len);
    case INET_DIAG_TOS: case INET_DIAG_TCLASS: case INET_DIAG_SKV6ONLY:
      return put_nla_int<uint8_t>(out, m, off, len);
    case INET_DIAG_SKMEMINFO:
      return put_nla_meminfo(out, m, off, len);
    case INET_DIAG_SHUTDOWN:
      return put_nla_shutdown(out, m, off, len);
    case INET_DIAG_DCTCPINFO:
      return put_nla_fields<tcp_dctcp_info>(out, m, off, len, kDctcpInfo);
    case INET_DIAG_PROTOCOL:
      return put_nla_ip_proto(out, m, off, len);
    case INET_DIAG_LOCALS: case INET_DIAG_PEERS:
      if (len < sizeof(sockaddr_storage)) return false;
      *out = put_array(*out, m, off, len / sizeof(sockaddr_storage), sizeof(sockaddr_storage),
                       [&](char* o, uint64_t at, uint64_t) {
                         return put_sockaddr(o, m.bytes.substr(at, sizeof(sockaddr_storage)));
                       });
      return true;
    case INET_DIAG_MARK: case INET_DIAG_CLASS_ID:
      return put_nla_int<uint32_t>(out, m, off, len);
    case INET_DIAG_BBRINFO:
      return put_nla_fields<tcp_bbr_info>(out, m, off, len, kBbrInfo);
    case INET_DIAG_MD5SIG:
      if (len < sizeof(tcp_diag_md5sig)) return false;
      *out = put_array(*out, m, off, len / sizeof(tcp_diag_md5sig), sizeof(tcp_diag_md5sig),
                       [&](char* o, uint64_t at, uint64_t) {
                         return put_md5sig(o, m.at<tcp_diag_md5sig>(at));
                       });
      return true;
    case INET_DIAG_ULP_INFO:
      return put_nla_nested(out, m, off, len, uapi::k_inet_diag_ulp_info_attrs,
                            "INET_ULP_INFO_???", put_ulp_info_attr);
    case INET_DIAG_SK_BPF_STORAGES:
      return put_nla_nested(out, m, off, len, uapi::k_sk_bpf_storages_attrs,
                            "SK_DIAG_BPF_STORAGE_???", put_bpf_storages_attr);
    case INET_DIAG_CGROUP_ID:
      return put_nla_int<uint64_t>(out, m, off, len);
    case INET_DIAG_SOCKOPT:
      return put_inet_sockopt(out, m, off, len);
    default:
      return false;
  }
}

constexpr Field kMarkCond[] = {{OBS_FIELD(inet_diag_markcond, mark)},
                              {OBS_FIELD(inet_diag_markcond, mask)}};

// INET_DIAG_REQ_BYTECODE's operation and what its code takes after it.
char* put_bc_op(char* out, const inet_diag_bc_op& op) noexcept {
  out = put_xval(put(out, "{code="), op.code, uapi::k_inet_diag_bytecodes, "INET_DIAG_BC_???");
  return put(put_num(put(put_num(put(out, ", yes="), op.yes), ", no="), op.no), "}");
}

char* put_bytecode_data(char* out, const Memory& m, uint64_t off, uint32_t len,
                        uint8_t code) noexcept {
  auto small = [&](size_t size) { return len < size; };
  switch (code) {
    case INET_DIAG_BC_S_COND: case INET_DIAG_BC_D_COND: {
      if (small(sizeof(inet_diag_hostcond))) break;
      if (!m.readable(off, sizeof(inet_diag_hostcond))) return put_hex(out, m.addr + off);
      auto cond = m.at<inet_diag_hostcond>(off);
      out = put_family(put(out, "{family="), cond.family);
      out = put_num(put(out, ", prefix_len="), cond.prefix_len);
      out = put_num(put(out, ", port="), cond.port);
      if (len > sizeof(cond)) {
        // The address after the struct: of the family's size, else its bytes in hex.
        uint64_t at = off + sizeof(cond), n = len - sizeof(cond);
        size_t size = cond.family == AF_INET ? 4 : cond.family == AF_INET6 ? 16 : 0;
        out = put(out, ", ");
        if (!size || n < size)
          out = put_hex_bytes(put(out, "addr="), m, at, n);
        else if (!m.readable(at, size))
          out = put_hex(put(out, "addr="), m.addr + at);
        else
          out = put_inet_addr_field(out, cond.family, m.bytes.data() + at, size, "addr");
      }
      return put(out, "}");
    }
    case INET_DIAG_BC_DEV_COND:
      if (small(4)) break;
      if (!m.readable(off, 4)) return put_hex(out, m.addr + off);
      return put_ifindex(out, m.at<uint32_t>(off));
    case INET_DIAG_BC_S_GE: case INET_DIAG_BC_S_LE: case INET_DIAG_BC_D_GE:
    case INET_DIAG_BC_D_LE:
      if (small(sizeof(inet_diag_bc_op))) break;
      if (!m.readable(off, sizeof(inet_diag_bc_op))) return put_hex(out, m.addr + off);
      return put_bc_op(out, m.at<inet_diag_bc_op>(off));
    case INET_DIAG_BC_MARK_COND:
      if (small(sizeof(inet_diag_markcond))) break;
      if (!m.readable(off, sizeof(inet_diag_markcond))) return put_hex(out, m.addr + off);
      return put_fields(out, m.at<inet_diag_markcond>(off), kMarkCond);
    default:
      break;
  }
  return put_hex_bytes(out, m, off, len);
}

// INET_DIAG_REQ_*: the filter's bytecode (an operation, then its condition), the protocol.
bool put_inet_diag_req_attr(char** out, const Memory& m, uint64_t off, uint32_t len,
                            uint16_t type, uint64_t) noexcept {
  if (type == INET_DIAG_REQ_PROTOCOL) return put_nla_ip_proto(out, m, off, len);
  if (type != INET_DIAG_REQ_BYTECODE || len < sizeof(inet_diag_bc_op)) return false;
  if (!m.readable(off, sizeof(inet_diag_bc_op))) {
    *out = put_hex(*out, m.addr + off);
    return true;
  }
  auto op = m.at<inet_diag_bc_op>(off);
  *out = put_bc_op(*out, op);
  if (len > sizeof(op))
    *out = put_bytecode_data(put(*out, ", "), m, off + sizeof(op), len - sizeof(op), op.code);
  return true;
}

// ---- unix_diag, netlink_diag, packet_diag, smc_diag

constexpr Field kRqlen[] = {{OBS_FIELD(unix_diag_rqlen, udiag_rqueue)},
                            {OBS_FIELD(unix_diag_rqlen, udiag_wqueue)}};
constexpr Field kNetlinkRing[] = {
    {OBS_FIELD(netlink_diag_ring, ndr_block_size)}, {OBS_FIELD(netlink_diag_ring, ndr_block_nr)},
    {OBS_FIELD(netlink_diag_ring, ndr_frame_size)}, {OBS_FIELD(netlink_diag_ring, ndr_frame_nr)}};
constexpr Field kPacketRing[] = {
    {OBS_FIELD(packet_diag_ring, pdr_block_size)}, {OBS_FIELD(packet_diag_ring, pdr_block_nr)},
    {OBS_FIELD(packet_diag_ring, pdr_frame_size)}, {OBS_FIELD(packet_diag_ring, pdr_frame_nr)},
    {OBS_FIELD(packet_diag_ring, pdr_retire_tmo)},
    {OBS_FIELD(packet_diag_ring, pdr_sizeof_priv)},
    {OBS_FIELD(packet_diag_ring, pdr_features)}};

bool put_unix_diag_attr(char** out, const Memory& m, uint64_t off, uint32_t len,
                        uint16_t type, uint64_t) noexcept {
  switch (type) {
    case UNIX_DIAG_NAME:
      return put_nla_str(out, m, off, len);
    case UNIX_DIAG_VFS:
      return put_nla_struct<unix_diag_vfs>(out, m, off, len, [](char* o, const auto& v) {
        o = put_makedev(put(o, "{udiag_vfs_dev="), v.udiag_vfs_dev);
        return put(put_num(put(o, ", udiag_vfs_ino="), v.udiag_vfs_ino), "}");
      });
    case UNIX_DIAG_PEER:
      return put_nla_int<uint32_t>(out, m, off, len);
    case UNIX_DIAG_ICONS:
      if (len < 4) return false;
      *out = put_array(*out, m, off, len / 4, 4, [&](char* o, uint64_t at, uint64_t) {
        return put_num(o, m.at<uint32_t>(at));
      });
      return true;
    case UNIX_DIAG_RQLEN:
      return put_nla_fields<unix_diag_rqlen>(out, m, off, len, kRqlen);
    case UNIX_DIAG_MEMINFO:
      return put_nla_meminfo(out, m, off, len);
    case UNIX_DIAG_SHUTDOWN:
      return put_nla_int<uint8_t>(out, m, off, len);
    case UNIX_DIAG_UID:
      return put_nla_uid(out, m, off, len);
    default:
      return false;
  }
}

bool put_netlink_diag_attr(char** out, const Memory& m, uint64_t off, uint32_t len,
                           uint16_t type, uint64_t) noexcept {
  switch (type) {
    case NETLINK_DIAG_MEMINFO:
      return put_nla_meminfo(out, m, off, len);
    case NETLINK_DIAG_GROUPS:
      // The bitmap of groups, in the kernel's longs (64-bit: the 32-bit ABI is not decoded).
      if (len < 8) return false;
      *out = put_array(*out, m, off, len / 8, 8, [&](char* o, uint64_t at, uint64_t) {
        return put_0x(o, m.at<uint64_t>(at), 16);
      });
      return true;
    case NETLINK_DIAG_RX_RING: case NETLINK_DIAG_TX_RING:
      return put_nla_fields<netlink_diag_ring>(out, m, off, len, kNetlinkRing);
    case NETLINK_DIAG_FLAGS:
      if (len < 4) return false;
      *out = m.readable(off, 4)
                 ? put_flags2(*out, m.at<uint32_t>(off), uapi::k_netlink_socket_flags, {},
                              "NDIAG_FLAG_???")
                 : put_hex(*out, m.addr + off);
      return true;
    default:
      return false;
  }
}

// struct packet_diag_mclist, an element of PACKET_DIAG_MCLIST's array.
char* put_packet_mclist(char* out, const packet_diag_mclist& ml) noexcept {
  out = put_ifindex(put(out, "{pdmc_index="), ml.pdmc_index);
  out = put_num(put(out, ", pdmc_count="), ml.pdmc_count);
  out = put_num(put(out, ", pdmc_type="), ml.pdmc_type);
  out = put_num(put(out, ", pdmc_alen="), ml.pdmc_alen);
  return put(put_hex_upto(put(out, ", pdmc_addr="), ml.pdmc_addr, ml.pdmc_alen), "}");
}

// A classic BPF instruction's code by its parts, as strace's print_bpf_filter_code:
// BPF_LD|BPF_W|BPF_ABS, BPF_RET|BPF_K, bits no part names in hex.
char* put_bpf_code(char* out, uint16_t code) noexcept {
  uint16_t cls = BPF_CLASS(code), rest = code & ~cls;
  auto unknown_bits = [&](char* o, uint16_t bits) {
    return bits ? put(put_hex(put(o, "|"), bits), " /* BPF_??? */") : o;
  };
  out = put_xval(out, cls, uapi::k_bpf_classes, "BPF_???");
  switch (cls) {
    case BPF_ST: case BPF_STX:
      return unknown_bits(out, rest);
    case BPF_LD: case BPF_LDX:
      out = put_xval(put(out, "|"), BPF_SIZE(code), uapi::k_bpf_sizes, "BPF_???");
      return put_xval(put(out, "|"), BPF_MODE(code), uapi::k_bpf_modes, "BPF_???");
    case BPF_MISC:
      out = put_xval(put(out, "|"), BPF_MISCOP(code), uapi::k_bpf_miscops, "BPF_???");
      return unknown_bits(out, rest & ~BPF_MISCOP(code));
    case BPF_ALU: case BPF_JMP:
      out = put_xval(put(out, "|"), BPF_SRC(code), uapi::k_bpf_srcs, "BPF_???");
      return put_xval(put(out, "|"), BPF_OP(code),
                     cls == BPF_ALU ? Table(uapi::k_bpf_alu_ops) : Table(uapi::k_bpf_jmp_ops),
                     "BPF_???");
    default:  // BPF_RET
      out = put_xval(put(out, "|"), BPF_RVAL(code), uapi::k_bpf_rvals, "BPF_???");
      return unknown_bits(out, rest & ~BPF_RVAL(code));
  }
}

// A socket filter's instruction: BPF_STMT(code, k), or BPF_JUMP(code, k, jt, jf) when it
// jumps; a packet load's offset into ancillary data, the network or the link layer as
// SKF_AD_OFF+SKF_AD_PROTOCOL, SKF_NET_OFF+14.
char* put_sock_filter(char* out, const sock_filter& f) noexcept {
  bool jump = f.jt || f.jf;
  out = put_bpf_code(put(out, jump ? "BPF_JUMP(" : "BPF_STMT("), f.code);
  out = put(out, ", ");
  auto k = f.k;
  auto offset = [&](char* o, uint32_t base, std::string_view name) {
    return put_xlat(o, [base](char* p) { return put_hex(p, base); },
                    [name](char* p) { return put(p, name); });
  };
  if (!jump && BPF_CLASS(f.code) == BPF_LD && BPF_MODE(f.code) == BPF_ABS &&
      k >= static_cast<uint32_t>(SKF_LL_OFF)) {
    if (k >= static_cast<uint32_t>(SKF_AD_OFF)) {
      out = put(offset(out, static_cast<uint32_t>(SKF_AD_OFF), "SKF_AD_OFF"), "+");
      return put(put_xval(out, k - static_cast<uint32_t>(SKF_AD_OFF), uapi::k_skf_ad,
                         "SKF_AD_???"), ")");
    }
    uint32_t base = static_cast<uint32_t>(k >= static_cast<uint32_t>(SKF_NET_OFF) ? SKF_NET_OFF
                                                                                  : SKF_LL_OFF);
    out = offset(out, base, base == static_cast<uint32_t>(SKF_NET_OFF) ? "SKF_NET_OFF"
                                                                       : "SKF_LL_OFF");
    return put(put_num(put(out, "+"), k - base), ")");
  }
  out = put_hex(out, k);
  if (jump) out = put_hex(put(put_hex(put(out, ", "), f.jt), ", "), f.jf);
  return put(out, ")");
}

bool put_packet_diag_attr(char** out, const Memory& m, uint64_t off, uint32_t len,
                          uint16_t type, uint64_t) noexcept {
  switch (type) {
    case PACKET_DIAG_INFO:
      return put_nla_struct<packet_diag_info>(out, m, off, len, [](char* o, const auto& v) {
        o = put_ifindex(put(o, "{pdi_index="), v.pdi_index);
        o = put_xval(put(o, ", pdi_version="), v.pdi_version, uapi::k_af_packet_versions,
                    "TPACKET_???");
        o = put_num(put(o, ", pdi_reserve="), v.pdi_reserve);
        o = put_num(put(o, ", pdi_copy_thresh="), v.pdi_copy_thresh);
        o = put_num(put(o, ", pdi_tstamp="), v.pdi_tstamp);
        o = put_flags2(put(o, ", pdi_flags="), v.pdi_flags, uapi::k_packet_diag_info_flags, {},
                       "PDI_???");
        return put(o, "}");
      });
    case PACKET_DIAG_MCLIST:
      if (len < sizeof(packet_diag_mclist)) return false;
      *out = put_array(*out, m, off, len / sizeof(packet_diag_mclist),
                       sizeof(packet_diag_mclist), [&](char* o, uint64_t at, uint64_t) {
                         return put_packet_mclist(o, m.at<packet_diag_mclist>(at));
                       });
      return true;
    case PACKET_DIAG_RX_RING: case PACKET_DIAG_TX_RING:
      return put_nla_fields<packet_diag_ring>(out, m, off, len, kPacketRing);
    case PACKET_DIAG_FANOUT:
      return put_nla_int<uint32_t>(out, m, off, len);
    case PACKET_DIAG_UID:
      return put_nla_uid(out, m, off, len);
    case PACKET_DIAG_MEMINFO:
      return put_nla_meminfo(out, m, off, len);
    case PACKET_DIAG_FILTER: {
      // Classic BPF instructions: their address, and with -v each of them (fewer than
      // strace's BPF_MAXINSNS in the 4 KiB kept).
      uint64_t n = len / sizeof(sock_filter);
      if (!n || n > UINT16_MAX) return false;
      if (display().abbrev) {
        *out = put_hex(*out, m.addr + off);
        return true;
      }
      *out = put_array(*out, m, off, n, sizeof(sock_filter), [&](char* o, uint64_t at,
                                                                uint64_t) {
        return put_sock_filter(o, m.at<sock_filter>(at));
      });
      return true;
    }
    default:
      return false;
  }
}

// An SMC cursor, {reserved=0, wrap=0, count=0}.
constexpr Field kSmcCursor[] = {{OBS_FIELD(smc_diag_cursor, reserved)},
                                {OBS_FIELD(smc_diag_cursor, wrap)},
                                {OBS_FIELD(smc_diag_cursor, count)}};

using ConnInfo = smc_diag_conninfo;
constexpr Show kCursor = nested(kSmcCursor);
constexpr Field kSmcConnInfo[] = {
    {OBS_FIELD(ConnInfo, token)},
    {OBS_FIELD(ConnInfo, sndbuf_size)},
    {OBS_FIELD(ConnInfo, rmbe_size)},
    {OBS_FIELD(ConnInfo, peer_rmbe_size)},
    {OBS_FIELD(ConnInfo, rx_prod), kCursor},
    {OBS_FIELD(ConnInfo, rx_cons), kCursor},
    {OBS_FIELD(ConnInfo, tx_prod), kCursor},
    {OBS_FIELD(ConnInfo, tx_cons), kCursor},
    {OBS_FIELD(ConnInfo, rx_prod_flags), value<put_0x2>()},
    {OBS_FIELD(ConnInfo, rx_conn_state_flags), value<put_0x2>()},
    {OBS_FIELD(ConnInfo, tx_prod_flags), value<put_0x2>()},
    {OBS_FIELD(ConnInfo, tx_conn_state_flags), value<put_0x2>()},
    {OBS_FIELD(ConnInfo, tx_prep), kCursor},
    {OBS_FIELD(ConnInfo, tx_sent), kCursor},
    {OBS_FIELD(ConnInfo, tx_fin), kCursor}};
constexpr Field kDmbInfo[] = {
    {OBS_FIELD(smcd_diag_dmbinfo, linkid)}, {OBS_FIELD(smcd_diag_dmbinfo, peer_gid), hex},
    {OBS_FIELD(smcd_diag_dmbinfo, my_gid), hex}, {OBS_FIELD(smcd_diag_dmbinfo, token), hex},
    {OBS_FIELD(smcd_diag_dmbinfo, peer_token), hex}};

// A char array's string as strace's print_quoted_cstring: up to its NUL, "..." after when
// none ends it before the array's last byte.
template <size_t N>
char* put_char_array(char* out, const uint8_t (&chars)[N]) noexcept {
  std::string_view s(reinterpret_cast<const char*>(chars), N - 1);
  size_t nul = s.find('\0');
  bool cut = nul == std::string_view::npos && chars[N - 1] != 0;
  return put_quoted(out, s.substr(0, nul), cut);
}

char* put_smc_lgrinfo(char* out, const smc_diag_lgrinfo& info) noexcept {
  const smc_diag_linkinfo& l = info.lnk[0];
  out = put_num(put(out, "{lnk=[{link_id="), l.link_id);
  out = put_char_array(put(out, ", ibname="), l.ibname);
  out = put_num(put(out, ", ibport="), l.ibport);
  out = put_char_array(put(out, ", gid="), l.gid);
  out = put_char_array(put(out, ", peer_gid="), l.peer_gid);
  out = put_xval(put(out, "}], role="), info.role, uapi::k_smc_link_group_roles, "SMC_???");
  return put(out, "}");
}

bool put_smc_diag_attr(char** out, const Memory& m, uint64_t off, uint32_t len, uint16_t type,
                       uint64_t) noexcept {
  switch (type) {
    case SMC_DIAG_CONNINFO:
      return put_nla_fields<smc_diag_conninfo>(out, m, off, len, kSmcConnInfo);
    case SMC_DIAG_LGRINFO:
      return put_nla_struct<smc_diag_lgrinfo>(out, m, off, len, put_smc_lgrinfo);
    case SMC_DIAG_SHUTDOWN:
      return put_nla_flags(out, m, off, len, 1, uapi::k_sock_shutdown_flags, "???_SHUTDOWN");
    case SMC_DIAG_DMBINFO:
      return put_nla_fields<smcd_diag_dmbinfo>(out, m, off, len, kDmbInfo);
    case SMC_DIAG_FALLBACK:
      // The reasons are the kernel's own (net/smc/smc_clc.h): with their number.
      return put_nla_struct<smc_diag_fallback>(out, m, off, len, [](char* o, const auto& v) {
        AlwaysVerbose verbose;
        o = put_xval(put(o, "{reason="), v.reason, uapi::k_smc_decl_codes, "SMC_CLC_DECL_???");
        o = put_xval(put(o, ", peer_diagnosis="), v.peer_diagnosis, uapi::k_smc_decl_codes,
                    "SMC_CLC_DECL_???");
        return put(o, "}");
      });
    default:
      return false;
  }
}


// ---- the structs

// The struct of a sock_diag request (NLM_F_REQUEST) or answer, by the family in its first
// byte: what strace calls its family field, and its size; none for other families.
RouteStruct diag_struct(uint8_t family, bool request, uint16_t type) noexcept {
  switch (family) {
    case AF_UNIX:
      return request ? RouteStruct{"sdiag_family", sizeof(unix_diag_req)}
                     : RouteStruct{"udiag_family", sizeof(unix_diag_msg)};
    case AF_INET: case AF_INET6:
      if (!request) return {"idiag_family", sizeof(inet_diag_msg)};
      // The requests of before sock_diag (Linux 3.3) take the old struct.
      if (type == TCPDIAG_GETSOCK || type == DCCPDIAG_GETSOCK)
        return {"idiag_family", sizeof(inet_diag_req)};
      return {"sdiag_family", sizeof(inet_diag_req_v2)};
    case AF_NETLINK:
      return request ? RouteStruct{"sdiag_family", sizeof(netlink_diag_req)}
                     : RouteStruct{"ndiag_family", sizeof(netlink_diag_msg)};
    case AF_PACKET:
      return request ? RouteStruct{"sdiag_family", sizeof(packet_diag_req)}
                     : RouteStruct{"pdiag_family", sizeof(packet_diag_msg)};
    case AF_SMC:
      return {"diag_family", request ? sizeof(smc_diag_req) : sizeof(smc_diag_msg)};
    default:
      return {};
  }
}

// The fields of a readable struct after its family, and the table of the attributes that
// follow it (none for requests but inet's).
struct DiagAttrs {
  Table types;
  std::string_view unknown;
  AttrValue value = nullptr;
};

DiagAttrs put_diag_fields(char** out, const Memory& m, uint8_t family, bool request,
                          uint16_t type, uint64_t off) noexcept {
  char* o = *out;
  DiagAttrs attrs;
  switch (family) {
    case AF_UNIX:
      if (request) {
        auto r = m.at<unix_diag_req>(off);
        o = put_num(put(o, "sdiag_protocol="), r.sdiag_protocol);
        o = put_flags2(put(o, ", udiag_states="), r.udiag_states,
                       shifted_flags<uapi::k_tcp_states, false>(), {}, "1<<TCP_???");
        o = put_num(put(o, ", udiag_ino="), r.udiag_ino);
        o = put_flags2(put(o, ", udiag_show="), r.udiag_show, uapi::k_unix_diag_show, {},
                       "UDIAG_SHOW_???");
        o = put_cookie(put(o, ", udiag_cookie="), r.udiag_cookie);
      } else {
        auto d = m.at<unix_diag_msg>(off);
        o = put_sock_type_name(put(o, "udiag_type="), d.udiag_type);
        o = put_xval(put(o, ", udiag_state="), d.udiag_state, uapi::k_tcp_states, "TCP_???");
        o = put_num(put(o, ", udiag_ino="), d.udiag_ino);
        o = put_cookie(put(o, ", udiag_cookie="), d.udiag_cookie);
        attrs = {uapi::k_unix_diag_attrs, "UNIX_DIAG_???", put_unix_diag_attr};
      }
      break;
    case AF_INET: case AF_INET6:
      if (request && (type == TCPDIAG_GETSOCK || type == DCCPDIAG_GETSOCK)) {
        auto r = m.at<inet_diag_req>(off);
        o = put_num(put(o, "idiag_src_len="), r.idiag_src_len);
        o = put_num(put(o, ", idiag_dst_len="), r.idiag_dst_len);
        o = put_flags2(put(o, ", idiag_ext="), r.idiag_ext,
                       shifted_flags<uapi::k_inet_diag_attrs, true>(), {},
                       "1<<INET_DIAG_\?\?\?-1");
        o = put_sockid(put(o, ", id="), r.id, family);
        o = put_flags2(put(o, ", idiag_states="), r.idiag_states,
                       shifted_flags<uapi::k_tcp_states, false>(), {}, "1<<TCP_???");
        o = put_num(put(o, ", idiag_dbs="), r.idiag_dbs);
        attrs = {uapi::k_inet_diag_req_attrs, "INET_DIAG_REQ_???", put_inet_diag_req_attr};
      } else if (request) {
        auto r = m.at<inet_diag_req_v2>(off);
        o = put_xval(put(o, "sdiag_protocol="), r.sdiag_protocol, uapi::k_inet_protocols,
                    "IPPROTO_???");
        o = put_flags2(put(o, ", idiag_ext="), r.idiag_ext,
                       shifted_flags<uapi::k_inet_diag_attrs, true>(), {},
                       "1<<INET_DIAG_\?\?\?-1");
        o = put_flags2(put(o, ", idiag_states="), r.idiag_states,
                       shifted_flags<uapi::k_tcp_states, false>(), {}, "1<<TCP_???");
        o = put_sockid(put(o, ", id="), r.id, family);
        attrs = {uapi::k_inet_diag_req_attrs, "INET_DIAG_REQ_???", put_inet_diag_req_attr};
      } else {
        auto d = m.at<inet_diag_msg>(off);
        o = put_xval(put(o, "idiag_state="), d.idiag_state, uapi::k_tcp_states, "TCP_???");
        o = put_num(put(o, ", idiag_timer="), d.idiag_timer);
        o = put_num(put(o, ", idiag_retrans="), d.idiag_retrans);
        o = put_sockid(put(o, ", id="), d.id, family);
        o = put_num(put(o, ", idiag_expires="), d.idiag_expires);
        o = put_num(put(o, ", idiag_rqueue="), d.idiag_rqueue);
        o = put_num(put(o, ", idiag_wqueue="), d.idiag_wqueue);
        o = put_num(put(o, ", idiag_uid="), d.idiag_uid);
        o = put_num(put(o, ", idiag_inode="), d.idiag_inode);
        attrs = {uapi::k_inet_diag_attrs, "INET_DIAG_???", put_inet_diag_attr};
      }
      break;
    case AF_NETLINK:
      if (request) {
        auto r = m.at<netlink_diag_req>(off);
        o = put(o, "sdiag_protocol=");
        if (r.sdiag_protocol == NDIAG_PROTO_ALL) {
          static constexpr Flag kAll[] = {{NDIAG_PROTO_ALL, "NDIAG_PROTO_ALL"}};
          o = put_xval(o, r.sdiag_protocol, kAll, "");
        } else {
          o = put_xval(o, r.sdiag_protocol, uapi::k_netlink_protocols, "NETLINK_???");
        }
        o = put_num(put(o, ", ndiag_ino="), r.ndiag_ino);
        o = put_flags2(put(o, ", ndiag_show="), r.ndiag_show, uapi::k_netlink_diag_show, {},
                       "NDIAG_SHOW_???");
        o = put_cookie(put(o, ", ndiag_cookie="), r.ndiag_cookie);
      } else {
        auto d = m.at<netlink_diag_msg>(off);
        o = put_sock_type_name(put(o, "ndiag_type="), d.ndiag_type);
        o = put_xval(put(o, ", ndiag_protocol="), d.ndiag_protocol, uapi::k_netlink_protocols,
                    "NETLINK_???");
        o = put_xval(put(o, ", ndiag_state="), d.ndiag_state, uapi::k_netlink_states,
                    "NETLINK_???");
        o = put_num(put(o, ", ndiag_portid="), d.ndiag_portid);
        o = put_num(put(o, ", ndiag_dst_portid="), d.ndiag_dst_portid);
        o = put_num(put(o, ", ndiag_dst_group="), d.ndiag_dst_group);
        o = put_num(put(o, ", ndiag_ino="), d.ndiag_ino);
        o = put_cookie(put(o, ", ndiag_cookie="), d.ndiag_cookie);
        attrs = {uapi::k_netlink_diag_attrs, "NETLINK_DIAG_???", put_netlink_diag_attr};
      }
      break;
    case AF_PACKET:
      if (request) {
        auto r = m.at<packet_diag_req>(off);
        o = put_hex(put(o, "sdiag_protocol="), r.sdiag_protocol);
        o = put_num(put(o, ", pdiag_ino="), r.pdiag_ino);
        o = put_flags2(put(o, ", pdiag_show="), r.pdiag_show, uapi::k_packet_diag_show, {},
                       "PACKET_SHOW_???");
        o = put_cookie(put(o, ", pdiag_cookie="), r.pdiag_cookie);
      } else {
        auto d = m.at<packet_diag_msg>(off);
        o = put_sock_type_name(put(o, "pdiag_type="), d.pdiag_type);
        o = put_xval(put(o, ", pdiag_num="), d.pdiag_num, uapi::k_ethernet_protocols,
                    "ETH_P_???");
        o = put_num(put(o, ", pdiag_ino="), d.pdiag_ino);
        o = put_cookie(put(o, ", pdiag_cookie="), d.pdiag_cookie);
        attrs = {uapi::k_packet_diag_attrs, "PACKET_DIAG_???", put_packet_diag_attr};
      }
      break;
    case AF_SMC:
      // SMC keeps the AF_INET address of its TCP socket in the sockid.
      if (request) {
        auto r = m.at<smc_diag_req>(off);
        o = put_flags2(put(o, "diag_ext="), r.diag_ext,
                       shifted_flags<uapi::k_smc_diag_attrs, true>(), {},
                       "1<<SMC_DIAG_\?\?\?-1");
        o = put_sockid(put(o, ", id="), r.id, AF_INET);
      } else {
        auto d = m.at<smc_diag_msg>(off);
        o = put_xval(put(o, "diag_state="), d.diag_state, uapi::k_smc_states, "SMC_???");
        o = put_xval(put(o, ", diag_fallback="), d.diag_fallback, uapi::k_smc_diag_modes,
                    "SMC_DIAG_MODE_???");
        o = put_num(put(o, ", diag_shutdown="), d.diag_shutdown);
        o = put_sockid(put(o, ", id="), d.id, AF_INET);
        o = put_num(put(o, ", diag_uid="), d.diag_uid);
        o = put_num(put(o, ", diag_inode="), d.diag_inode);
        attrs = {uapi::k_smc_diag_attrs, "SMC_DIAG_???", put_smc_diag_attr};
      }
      break;
    default:
      break;
  }
  *out = o;
  return attrs;
}

// A sock_diag message's payload of len bytes at off (its first byte readable): the request's
// or answer's struct of its family and the attributes after it, the short and unreadable
// forms of the struct, else the family and the data in hex.
char* put_diag(char* out, const Memory& m, uint16_t type, uint16_t flags, uint64_t off,
               uint64_t len) noexcept {
  auto family = static_cast<uint8_t>(m.bytes[off]);
  bool request = flags & NLM_F_REQUEST;
  RouteStruct ds = diag_struct(family, request, type);
  if (len <= 1 || !ds.size) return put_family_data(out, m, off, len);
  if (len < ds.size || !m.readable(off, ds.size))
    return put_struct_start(out, m, ds, family, off, len);
  out = put(put_family(put(put(put(out, "{"), ds.family), "="), family), ", ");
  DiagAttrs attrs = put_diag_fields(&out, m, family, request, type, off);
  out = put(out, "}");
  uint64_t at = align4(ds.size);
  if (attrs.value && len > at)
    out = put_nlattrs(put(out, ", "), m, off + at, len - at, attrs.types, attrs.unknown,
                      attrs.value);
  return out;
}

// ------------------------------------------------------------------ messages

constexpr uint32_t kNlmsgHdr = NLMSG_HDRLEN;

struct Header {
  uint32_t len;
  uint16_t type, flags;
  uint32_t seq, pid;
};

Header header_at(const Memory& m, uint64_t off) noexcept {
  return Header{m.at<uint32_t>(off), m.at<uint16_t>(off + 4), m.at<uint16_t>(off + 6),
                m.at<uint32_t>(off + 8), m.at<uint32_t>(off + 12)};
}

// The message types of a protocol's own messages (NLMSG_MIN_TYPE and up), and what strace
// calls an unknown one.
struct Protocol {
  Table types;
  std::string_view unknown;
};

Protocol protocol_types(uint16_t protocol) noexcept {
  switch (protocol) {
    case NETLINK_ROUTE: return {uapi::k_nl_route_types, "RTM_???"};
    case NETLINK_SOCK_DIAG: return {uapi::k_nl_sock_diag_types, "SOCK_DIAG_???"};
    case NETLINK_AUDIT: return {uapi::k_nl_audit_types, "AUDIT_???"};
    case NETLINK_CRYPTO: return {uapi::k_nl_crypto_types, "CRYPTO_MSG_???"};
    case NETLINK_SELINUX: return {uapi::k_nl_selinux_types, "SELNL_MSG_???"};
    case NETLINK_XFRM: return {uapi::k_nl_xfrm_types, "XFRM_MSG_???"};
    case NETLINK_GENERIC: return {{}, "GENERIC_FAMILY_???"};
    default: return {uapi::k_netlink_types, "NLMSG_???"};
  }
}

// A netfilter subsystem's messages (the low byte of the type), by the subsystem (the high).
Protocol netfilter_types(uint8_t subsys) noexcept {
  switch (subsys) {
    case NFNL_SUBSYS_CTNETLINK: return {uapi::k_nf_ctnetlink_msg_types, "IPCTNL_MSG_CT_???"};
    case NFNL_SUBSYS_CTNETLINK_EXP:
      return {uapi::k_nf_ctnetlink_exp_msg_types, "IPCTNL_MSG_EXP_???"};
    case NFNL_SUBSYS_QUEUE: return {uapi::k_nf_queue_msg_types, "NFQNL_MSG_???"};
    case NFNL_SUBSYS_ULOG: return {uapi::k_nf_ulog_msg_types, "NFULNL_MSG_???"};
    case NFNL_SUBSYS_OSF: return {uapi::k_nf_osf_msg_types, "OSF_MSG_???"};
    case NFNL_SUBSYS_IPSET: return {uapi::k_nf_ipset_msg_types, "IPSET_CMD_???"};
    case NFNL_SUBSYS_ACCT: return {uapi::k_nf_acct_msg_types, "NFNL_MSG_ACCT_???"};
    case NFNL_SUBSYS_CTNETLINK_TIMEOUT:
      return {uapi::k_nf_cttimeout_msg_types, "IPCTNL_MSG_TIMEOUT_???"};
    case NFNL_SUBSYS_CTHELPER: return {uapi::k_nf_cthelper_msg_types, "NFNL_MSG_CTHELPER_???"};
    case NFNL_SUBSYS_NFTABLES: return {uapi::k_nf_nftables_msg_types, "NFT_MSG_???"};
    case NFNL_SUBSYS_NFT_COMPAT: return {uapi::k_nf_nft_compat_msg_types, "NFNL_MSG_COMPAT_???"};
    case NFNL_SUBSYS_HOOK: return {uapi::k_nf_hook_msg_types, "NFT_MSG_HOOK_???"};
    default: return {};
  }
}

char* put_type(char* out, uint16_t type, uint16_t protocol) noexcept {
  if (type < NLMSG_MIN_TYPE) return put_xval(out, type, uapi::k_netlink_types, "NLMSG_???");
  if (protocol == NETLINK_NETFILTER) {
    // The control messages, else a subsystem and its message: NFNL_SUBSYS_x<<8|0x1.
    for (const Flag& f : uapi::k_nl_netfilter_msg_types)
      if (f.value == type) return put_xval(out, type, uapi::k_nl_netfilter_msg_types, "");
    out = put_xval(out, type >> 8, uapi::k_nl_netfilter_subsys_ids, "NFNL_SUBSYS_???");
    out = put(out, "<<8|");
    Protocol p = netfilter_types(static_cast<uint8_t>(type >> 8));
    if (p.unknown.empty()) return put_hex(out, type & 0xff);
    return put_xval(out, type & 0xff, p.types, p.unknown);
  }
  // Generic netlink's families are numbered as the kernel registers them, but for its
  // controller's fixed id (linux/genetlink.h), which the kernel names "nlctrl".
  if (protocol == NETLINK_GENERIC && type == GENL_ID_CTRL) {
    static constexpr Flag kCtrl[] = {{GENL_ID_CTRL, "nlctrl"}};
    return put_xval(out, type, kCtrl, "");
  }
  Protocol p = protocol_types(protocol);
  return put_xval(out, type, p.types, p.unknown);
}

// The flags besides netlink_flags that a message type's request takes: a "get"'s
// NLM_F_ROOT..., a "new"'s NLM_F_REPLACE..., a "delete"'s NLM_F_NONREC..., an error's
// NLM_F_CAPPED...
enum class FlagKind { kNone, kGet, kNew, kDelete };

// A netfilter message's flags, by its subsystem and message.
FlagKind netfilter_flag_kind(uint8_t subsys, uint8_t msg) noexcept {
  switch (subsys) {
    case NFNL_SUBSYS_CTNETLINK:
      switch (msg) {
        case IPCTNL_MSG_CT_NEW: return FlagKind::kNew;
        case IPCTNL_MSG_CT_GET: case IPCTNL_MSG_CT_GET_CTRZERO: case IPCTNL_MSG_CT_GET_STATS_CPU:
        case IPCTNL_MSG_CT_GET_STATS: case IPCTNL_MSG_CT_GET_DYING:
        case IPCTNL_MSG_CT_GET_UNCONFIRMED:
          return FlagKind::kGet;
        case IPCTNL_MSG_CT_DELETE: return FlagKind::kDelete;
        default: return FlagKind::kNone;
      }
    case NFNL_SUBSYS_CTNETLINK_EXP:
      switch (msg) {
        case IPCTNL_MSG_EXP_NEW: return FlagKind::kNew;
        case IPCTNL_MSG_EXP_GET: case IPCTNL_MSG_EXP_GET_STATS_CPU: return FlagKind::kGet;
        case IPCTNL_MSG_EXP_DELETE: return FlagKind::kDelete;
        default: return FlagKind::kNone;
      }
    case NFNL_SUBSYS_ACCT:
      switch (msg) {
        case NFNL_MSG_ACCT_NEW: return FlagKind::kNew;
        case NFNL_MSG_ACCT_GET: case NFNL_MSG_ACCT_GET_CTRZERO: return FlagKind::kGet;
        case NFNL_MSG_ACCT_DEL: return FlagKind::kDelete;
        default: return FlagKind::kNone;
      }
    case NFNL_SUBSYS_CTNETLINK_TIMEOUT:
      switch (msg) {
        case IPCTNL_MSG_TIMEOUT_NEW: return FlagKind::kNew;
        case IPCTNL_MSG_TIMEOUT_GET: return FlagKind::kGet;
        case IPCTNL_MSG_TIMEOUT_DELETE: return FlagKind::kDelete;
        default: return FlagKind::kNone;
      }
    case NFNL_SUBSYS_CTHELPER:
      switch (msg) {
        case NFNL_MSG_CTHELPER_NEW: return FlagKind::kNew;
        case NFNL_MSG_CTHELPER_GET: return FlagKind::kGet;
        case NFNL_MSG_CTHELPER_DEL: return FlagKind::kDelete;
        default: return FlagKind::kNone;
      }
    case NFNL_SUBSYS_NFTABLES:
      switch (msg) {
        case NFT_MSG_NEWTABLE: case NFT_MSG_NEWCHAIN: case NFT_MSG_NEWRULE: case NFT_MSG_NEWSET:
        case NFT_MSG_NEWSETELEM: case NFT_MSG_NEWGEN: case NFT_MSG_NEWOBJ:
        case NFT_MSG_NEWFLOWTABLE:
          return FlagKind::kNew;
        case NFT_MSG_GETTABLE: case NFT_MSG_GETCHAIN: case NFT_MSG_GETRULE: case NFT_MSG_GETSET:
        case NFT_MSG_GETSETELEM: case NFT_MSG_GETGEN: case NFT_MSG_GETOBJ:
        case NFT_MSG_GETOBJ_RESET: case NFT_MSG_GETFLOWTABLE:
          return FlagKind::kGet;
        case NFT_MSG_DELTABLE: case NFT_MSG_DELCHAIN: case NFT_MSG_DELRULE: case NFT_MSG_DELSET:
        case NFT_MSG_DELSETELEM: case NFT_MSG_DELOBJ: case NFT_MSG_DELFLOWTABLE:
          return FlagKind::kDelete;
        default: return FlagKind::kNone;
      }
    case NFNL_SUBSYS_NFT_COMPAT:
      return msg == NFNL_MSG_COMPAT_GET ? FlagKind::kGet : FlagKind::kNone;
    case NFNL_SUBSYS_HOOK:
      return msg == NFNL_MSG_HOOK_GET ? FlagKind::kGet : FlagKind::kNone;
    default:
      return FlagKind::kNone;
  }
}

FlagKind flag_kind(uint16_t type, uint16_t protocol) noexcept {
  switch (protocol) {
    case NETLINK_ROUTE:
      if (type == RTM_DELACTION) return FlagKind::kGet;  // it takes NLM_F_ROOT
      // RTM_NEW*, RTM_DEL*, RTM_GET* and RTM_SET* in turn from RTM_BASE (linux/rtnetlink.h).
      switch (type & 3) {
        case 0: return FlagKind::kNew;
        case 1: return FlagKind::kDelete;
        case 2: return FlagKind::kGet;
        default: return FlagKind::kNone;
      }
    case NETLINK_SOCK_DIAG:
      return FlagKind::kGet;
    case NETLINK_CRYPTO:
      switch (type) {
        case CRYPTO_MSG_NEWALG: return FlagKind::kNew;
        case CRYPTO_MSG_DELALG: case CRYPTO_MSG_DELRNG: return FlagKind::kDelete;
        case CRYPTO_MSG_GETALG: return FlagKind::kGet;
        default: return FlagKind::kNone;
      }
    case NETLINK_NETFILTER:
      return netfilter_flag_kind(static_cast<uint8_t>(type >> 8), static_cast<uint8_t>(type));
    case NETLINK_XFRM:
      switch (type) {
        case XFRM_MSG_NEWSA: case XFRM_MSG_NEWPOLICY: case XFRM_MSG_NEWAE:
        case XFRM_MSG_NEWSADINFO: case XFRM_MSG_NEWSPDINFO:
          return FlagKind::kNew;
        case XFRM_MSG_DELSA: case XFRM_MSG_DELPOLICY:
          return FlagKind::kDelete;
        case XFRM_MSG_GETSA: case XFRM_MSG_GETPOLICY: case XFRM_MSG_GETAE:
        case XFRM_MSG_GETSADINFO: case XFRM_MSG_GETSPDINFO:
          return FlagKind::kGet;
        default: return FlagKind::kNone;
      }
    default:
      return FlagKind::kNone;
  }
}

char* put_msg_flags(char* out, uint16_t flags, uint16_t type, uint16_t protocol) noexcept {
  Table more;
  if (type < NLMSG_MIN_TYPE) {
    if (type == NLMSG_ERROR) more = uapi::k_netlink_ack_flags;
  } else {
    switch (flag_kind(type, protocol)) {
      case FlagKind::kGet: more = uapi::k_netlink_get_flags; break;
      case FlagKind::kNew: more = uapi::k_netlink_new_flags; break;
      case FlagKind::kDelete: more = uapi::k_netlink_delete_flags; break;
      case FlagKind::kNone: break;
    }
  }
  return put_flags2(out, flags, uapi::k_netlink_flags, more, "NLM_F_???");
}

char* put_header(char* out, const Header& h, uint16_t protocol) noexcept {
  out = put_num(put(out, "{nlmsg_len="), h.len);
  out = put_type(put(out, ", nlmsg_type="), h.type, protocol);
  out = put_msg_flags(put(out, ", nlmsg_flags="), h.flags, h.type, protocol);
  out = put_num(put(out, ", nlmsg_seq="), h.seq);
  return put(put_num(put(out, ", nlmsg_pid="), static_cast<int32_t>(h.pid)), "}");
}

char* put_message(char* out, const Memory& m, const Header& h, uint64_t off, uint64_t len,
                  uint16_t protocol) noexcept;

// An error's errno as strace writes it: -EACCES, or the number.
char* put_error(char* out, int32_t err) noexcept {
  if (err < 0) {
    std::string_view name = errno_symbol(-err);
    if (!name.empty()) {
      if (display().xlat == Xlat::kAbbrev) return put(put(out, "-"), name);
      out = put_num(out, err);
      if (display().xlat == Xlat::kRaw) return out;
      return put(put(put(out, " /* -"), name), " */");
    }
  }
  return put_num(out, err);
}

// NLMSG_ERROR's struct nlmsgerr: the error, the header of the message it answers (and that
// message's payload unless NLM_F_CAPPED), then extended-ack attributes.
char* put_nlmsgerr(char* out, const Memory& m, uint64_t off, uint64_t len, bool capped,
                   uint16_t protocol) noexcept {
  constexpr uint64_t kErr = sizeof(nlmsgerr);
  if (len < kErr) return put_hex_bytes(out, m, off, len);
  if (!m.readable(off, kErr)) return put_hex(out, m.addr + off);
  auto error = m.at<int32_t>(off);
  Header msg = header_at(m, off + 4);
  off += 4;
  len -= 4;
  uint64_t msg_len = msg.len > kNlmsgHdr ? msg.len : kNlmsgHdr;
  uint64_t payload = capped ? kNlmsgHdr : msg_len;
  if (payload > len) payload = len;
  if (len > payload) out = put(out, "[");
  out = put_error(put(out, "{error="), error);
  out = put(put_message(put(out, ", msg="), m, msg, off, payload, protocol), "}");
  if (len > payload) {
    out = put_nlattrs(put(out, ", "), m, off + payload, len - payload,
                      uapi::k_nlmsgerr_attrs, "NLMSGERR_ATTR_???", put_nlmsgerr_attr);
    out = put(out, "]");
  }
  return out;
}

// NETLINK_NETFILTER's struct nfgenmsg, then its attributes (of no table: types in hex), a
// batch's bytes in hex. res_id as strace writes it, htons(10), with its NFNL_SUBSYS_NFTABLES
// of either byte order for nf_tables.
char* put_nfgenmsg(char* out, const Memory& m, const Header& h, uint64_t off,
                   uint64_t len) noexcept {
  if (len < sizeof(nfgenmsg)) return put_hex_bytes(out, m, off, len);
  if (!m.readable(off, sizeof(nfgenmsg))) return put_hex(out, m.addr + off);
  auto nf = m.at<nfgenmsg>(off);
  out = put_family(put(out, "{nfgen_family="), nf.nfgen_family);
  out = put_xval(put(out, ", version="), nf.version, uapi::k_netfilter_versions, "NFNETLINK_???");
  out = put(out, ", res_id=");
  bool nftables = (h.type >> 8) == NFNL_SUBSYS_NFTABLES;
  uint16_t res_id = ntohs(nf.res_id);
  if (nftables && (res_id == NFNL_SUBSYS_NFTABLES || nf.res_id == NFNL_SUBSYS_NFTABLES)) {
    std::string_view name = res_id == NFNL_SUBSYS_NFTABLES ? "htons(NFNL_SUBSYS_NFTABLES)"
                                                           : "NFNL_SUBSYS_NFTABLES";
    out = put_xlat(out, [&](char* o) { return put_hex(o, nf.res_id); },
                   [&](char* o) { return put(o, name); });
  } else {
    out = put(put_num(put(out, "htons("), res_id), ")");
  }
  out = put(out, "}");
  constexpr uint64_t kAt = align4(sizeof(nfgenmsg));
  if (len <= kAt) return out;
  out = put(out, ", ");
  if ((h.type >= NFNL_MSG_BATCH_BEGIN && h.type <= NFNL_MSG_BATCH_END) ||
      h.type < NLMSG_MIN_TYPE)
    return put_hex_bytes(out, m, off + kAt, len - kAt);
  return put_nlattrs(out, m, off + kAt, len - kAt, {}, {}, nullptr);
}

// NETLINK_SELINUX's notices: SELNL_MSG_SETENFORCE's {val=1}, SELNL_MSG_POLICYLOAD's
// {seqno=2}; false for other types.
bool put_selinux(char** out, const Memory& m, uint16_t type, uint64_t off,
                 uint64_t len) noexcept {
  if (type != SELNL_MSG_SETENFORCE && type != SELNL_MSG_POLICYLOAD) return false;
  if (len < 4) {
    *out = put_hex_bytes(*out, m, off, len);
  } else if (!m.readable(off, 4)) {
    *out = put_hex(*out, m.addr + off);
  } else if (type == SELNL_MSG_SETENFORCE) {
    *out = put(put_num(put(*out, "{val="), m.at<int32_t>(off)), "}");
  } else {
    *out = put(put_num(put(*out, "{seqno="), m.at<uint32_t>(off)), "}");
  }
  return true;
}

// The protocol's own messages: true when written (rtnetlink's and sock_diag's, whose first
// byte is a family; netfilter's, SELinux's).
bool put_protocol_payload(char** out, const Memory& m, const Header& h, uint64_t off,
                          uint64_t len, uint16_t protocol) noexcept {
  if (h.type == NLMSG_DONE) return false;
  if (protocol == NETLINK_NETFILTER) {
    *out = put_nfgenmsg(*out, m, h, off, len);
    return true;
  }
  if (protocol == NETLINK_SELINUX) return put_selinux(out, m, h.type, off, len);
  if (protocol != NETLINK_ROUTE && protocol != NETLINK_SOCK_DIAG) return false;
  if (!m.readable(off, 1)) {
    *out = put_hex(*out, m.addr + off);
    return true;
  }
  if (protocol == NETLINK_ROUTE)
    *out = put_route(*out, m, h.type, off, len);
  else if (protocol == NETLINK_SOCK_DIAG)
    *out = put_diag(*out, m, h.type, h.flags, off, len);
  else
    *out = put_family_data(*out, m, off, len);
  return true;
}

char* put_payload(char* out, const Memory& m, const Header& h, uint64_t off, uint64_t len,
                  uint16_t protocol) noexcept {
  if (h.type == NLMSG_ERROR) return put_nlmsgerr(out, m, off, len, h.flags & NLM_F_CAPPED, protocol);
  if ((h.type >= NLMSG_MIN_TYPE || h.type == NLMSG_DONE) &&
      put_protocol_payload(&out, m, h, off, len, protocol))
    return out;
  if (h.type == NLMSG_DONE && len == sizeof(int32_t)) {
    if (!m.readable(off, 4)) return put_hex(out, m.addr + off);
    return put_num(out, m.at<int32_t>(off));
  }
  return put_hex_bytes(out, m, off, len);
}

// One message, its header h at off: [header, payload] when len leaves it one.
char* put_message(char* out, const Memory& m, const Header& h, uint64_t off, uint64_t len,
                  uint16_t protocol) noexcept {
  uint64_t shown = h.len < len ? h.len : len;
  if (shown > kNlmsgHdr) out = put(out, "[");
  out = put_header(out, h, protocol);
  if (shown > kNlmsgHdr) {
    out = put_payload(put(out, ", "), m, h, off + kNlmsgHdr, shown - kNlmsgHdr, protocol);
    out = put(out, "]");
  }
  return out;
}

// The messages of len bytes at addr, of which bytes were captured.
char* put_netlink(char* out, std::string_view bytes, uint64_t addr, uint64_t len,
                  uint16_t protocol) noexcept {
  Memory m{bytes, addr};
  auto length = [&](uint64_t at) { return m.at<uint32_t>(at); };
  return put_chain(out, m, 0, len, kNlmsgHdr, length, [&](char* o, uint64_t at, uint64_t room) {
    return put_message(o, m, header_at(m, at), at, room, protocol);
  });
}

// A NETLINK_KOBJECT_UEVENT message of len bytes that libudev sent: its struct
// udev_monitor_netlink_header (systemd's, which strace copies), then the rest as text cut at
// the data limit; nullptr for the kernel's own, plain text.
char* put_udev(char* out, std::string_view bytes, uint64_t len, bool cut) noexcept {
  struct Header {  // struct udev_monitor_netlink_header
    char prefix[8];
    uint32_t magic, header_size, properties_off, properties_len, filter_subsystem_hash,
        filter_devtype_hash, filter_tag_bloom_hi, filter_tag_bloom_lo;
  } uh;
  if (len < sizeof(uh) || bytes.size() < sizeof(uh)) return nullptr;
  std::memcpy(&uh, bytes.data(), sizeof(uh));
  if (std::string_view(uh.prefix, sizeof(uh.prefix)) != std::string_view("libudev", 8))
    return nullptr;
  auto htonl_x = [](char* o, std::string_view name, uint32_t v) {
    return put(put_hex(put(put(o, name), "=htonl("), ntohl(v)), ")");
  };
  if (len > sizeof(uh)) out = put(out, "[");
  out = htonl_x(put(out, "{prefix=\"libudev\", "), "magic", uh.magic);
  out = put_num(put(out, ", header_size="), uh.header_size);
  out = put_num(put(out, ", properties_off="), uh.properties_off);
  out = put_num(put(out, ", properties_len="), uh.properties_len);
  out = htonl_x(put(out, ", "), "filter_subsystem_hash", uh.filter_subsystem_hash);
  out = htonl_x(put(out, ", "), "filter_devtype_hash", uh.filter_devtype_hash);
  out = htonl_x(put(out, ", "), "filter_tag_bloom_hi", uh.filter_tag_bloom_hi);
  out = put(htonl_x(put(out, ", "), "filter_tag_bloom_lo", uh.filter_tag_bloom_lo), "}");
  if (len <= sizeof(uh)) return out;
  std::string_view rest = bytes.substr(sizeof(uh), len - sizeof(uh));
  uint32_t limit = display().data_limit;
  if (limit && rest.size() > limit)
    out = put_quoted(put(out, ", "), rest.substr(0, limit), true);
  else
    out = put_quoted(put(out, ", "), rest, cut);
  return put(out, "]");
}

}  // namespace

char* put_netlink_data(char* out, std::string_view bytes, uint64_t addr, uint64_t len,
                       uint16_t protocol, bool cut) noexcept {
  if (protocol == NETLINK_KOBJECT_UEVENT) return put_udev(out, bytes, len, cut);
  return put_netlink(out, bytes, addr, len, protocol);
}

const socket_item* netlink_socket(const Strings& items, socket_item* sock) noexcept {
  const std::string_view* socket = items.find_item(ITEM_SOCKET, 0);
  if (!socket || socket->size() < sizeof(*sock)) return nullptr;
  std::memcpy(sock, socket->data(), sizeof(*sock));
  return sock->family == AF_NETLINK ? sock : nullptr;
}

char* put_netlink_arg(char* out, Arg type, const Event& e, const Strings& items,
                      unsigned i) noexcept {
  if ((type != Arg::kSockBufIn && type != Arg::kSockBufOut) || !display().verbose || i > 4)
    return nullptr;
  const std::string_view* socket = items.find_item(ITEM_SOCKET, 0);
  socket_item sock{};
  if (!socket || socket->size() < sizeof(sock)) return nullptr;
  std::memcpy(&sock, socket->data(), sizeof(sock));
  bool cut = false;
  const std::string_view* bytes = items.find_blob(i, &cut);
  if (sock.family != AF_NETLINK || !bytes || !e.args[i]) return nullptr;
  uint64_t len = e.args[i + 1];
  if (type == Arg::kSockBufIn) {
    // What the call returned, no more than the buffer (a truncating MSG_TRUNC says more).
    if (!(e.flags & EVENT_HAS_RET) || is_error(e.ret)) return nullptr;
    if (static_cast<uint64_t>(e.ret) < len) len = static_cast<uint64_t>(e.ret);
  }
  // NETLINK_KOBJECT_UEVENT's data is text, written as any buffer (cut at -s), but for
  // libudev's header.
  return put_netlink_data(out, *bytes, e.args[i], len, sock.protocol, cut);
}

}  // namespace observer
