// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "decode_structs.h"

#include "argv_blob.h"
#include "decode_printers.h"
#include "event.h"
#include "text.h"
#include "uapi_consts.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <linux/if_alg.h>
#include <linux/if_packet.h>
#include <linux/if_xdp.h>
#include <linux/mctp.h>
#include <linux/netlink.h>
#include <linux/nfc.h>
#include <linux/qrtr.h>
#include <linux/rxrpc.h>
#include <linux/vm_sockets.h>
#include <linux/x25.h>
#include <netax25/ax25.h>
#include <netipx/ipx.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <string>

namespace observer {

namespace {

using namespace text;

template <class T>
bool load(std::string_view bytes, T* value) noexcept {
  if (bytes.size() != sizeof(T)) return false;
  std::memcpy(value, bytes.data(), sizeof(T));
  return true;
}

char* put_file_mode_names(char* out, uint32_t mode) noexcept;

// S_IFREG|S_ISVTX|0644, as strace writes st_mode; 0100644 with -X raw.
char* put_file_mode(char* out, uint32_t mode) noexcept {
  return put_xlat(
      out,
      [mode](char* o) {
        *o++ = '0';
        return mode ? std::to_chars(o, o + 12, mode, 8).ptr : o;
      },
      [mode](char* o) { return put_file_mode_names(o, mode); });
}

char* put_file_mode_names(char* out, uint32_t mode) noexcept {
  static constexpr std::pair<uint32_t, std::string_view> kTypes[] = {
      {S_IFREG, "S_IFREG"}, {S_IFDIR, "S_IFDIR"}, {S_IFLNK, "S_IFLNK"}, {S_IFCHR, "S_IFCHR"},
      {S_IFBLK, "S_IFBLK"}, {S_IFIFO, "S_IFIFO"}, {S_IFSOCK, "S_IFSOCK"}};
  bool named = false;
  for (const auto& [type, name] : kTypes) {
    if ((mode & S_IFMT) == type) {
      out = put(put(out, name), "|");
      named = true;
    }
  }
  if (!named && (mode & S_IFMT)) out = put(put_hex(out, mode & S_IFMT), "|");
  if (mode & S_ISUID) out = put(out, "S_ISUID|");
  if (mode & S_ISGID) out = put(out, "S_ISGID|");
  if (mode & S_ISVTX) out = put(out, "S_ISVTX|");
  *out++ = '0';
  uint32_t perm = mode & 0777;
  return perm ? std::to_chars(out, out + 8, perm, 8).ptr : out;
}

char* put_mode_and_size(char* out, uint32_t mode, uint64_t rdev, int64_t size,
                        std::string_view prefix) noexcept {
  out = put_file_mode(put(put(out, prefix), "mode="), mode);
  if (S_ISCHR(mode) || S_ISBLK(mode))
    return put(put_makedev(put(put(put(out, ", "), prefix), "rdev="), rdev), ", ...}");
  return put(put_num(put(put(put(out, ", "), prefix), "size="), size), ", ...}");
}

// SA_RESTORER is the kernel's only (asm/signal.h): the first name of the sa_flags table.
constexpr uint64_t kSaRestorer = uapi::k_sa_flags[0].value;
static_assert(uapi::k_sa_flags[0].name == "SA_RESTORER");

// The kernel's struct sigaction on x86_64 and arm64: handler, flags, restorer, mask.
struct KernelSigaction {
  uint64_t handler;
  uint64_t flags;
  uint64_t restorer;
  uint64_t mask;
};

// The names of signals 1..64: the classic ones from the uapi headers (data/uapi/signals.tsv),
// real-time ones as strace names them (RTMIN for 32, RT_n for 32 + n), built once.
const std::array<std::string, 65>& signal_names() {
  static const auto names = [] {
    std::array<std::string, 65> n{};
    for (const Flag& sig : uapi::k_signals) n[sig.value] = sig.name;
    n[32] = "SIGRTMIN";
    for (int sig = 33; sig <= 64; ++sig) n[static_cast<size_t>(sig)] = "SIGRT_" + std::to_string(sig - 32);
    return n;
  }();
  return names;
}

}  // namespace

char* put_makedev(char* out, uint64_t dev) noexcept {
  return put_xlat_hex(out, dev, [dev](char* o) {
    o = put_hex(put(o, "makedev("), major(dev));
    return put(put_hex(put(o, ", "), minor(dev)), ")");
  });
}

std::string_view signal_name(int sig) noexcept {
  if (sig < 1 || sig > 64) return {};
  return signal_names()[static_cast<size_t>(sig)];
}

namespace {

// strace's -x: a string with a byte that is neither printable ASCII nor one of \t\n\v\f\r
// is written all in hex; -xx: every string.
bool wants_hex(std::string_view bytes) noexcept {
  uint8_t x = display().hex_strings;
  if (x > 1) return true;
  if (x == 0) return false;
  for (char ch : bytes) {
    auto c = static_cast<unsigned char>(ch);
    if (c > 0x7e || (c < ' ' && (c < '\t' || c > '\r'))) return true;
  }
  return false;
}

}  // namespace

char* put_quoted(char* out, std::string_view bytes, bool truncated) noexcept {
  if (wants_hex(bytes)) return put_hex_quoted(out, bytes, truncated);
  *out++ = '"';
  for (size_t i = 0; i < bytes.size(); ++i) {
    auto c = static_cast<unsigned char>(bytes[i]);
    switch (c) {
      case '"': out = put(out, "\\\""); continue;
      case '\\': out = put(out, "\\\\"); continue;
      case '\f': out = put(out, "\\f"); continue;
      case '\n': out = put(out, "\\n"); continue;
      case '\r': out = put(out, "\\r"); continue;
      case '\t': out = put(out, "\\t"); continue;
      case '\v': out = put(out, "\\v"); continue;
      default: break;
    }
    if (c >= 0x20 && c < 0x7f) {
      *out++ = static_cast<char>(c);
      continue;
    }
    *out++ = '\\';
    bool digit_follows = i + 1 < bytes.size() && bytes[i + 1] >= '0' && bytes[i + 1] <= '7';
    if (digit_follows || c >= 0100) *out++ = static_cast<char>('0' + (c >> 6));
    if (digit_follows || c >= 010) *out++ = static_cast<char>('0' + ((c >> 3) & 7));
    *out++ = static_cast<char>('0' + (c & 7));
  }
  *out++ = '"';
  return truncated ? put(out, "...") : out;
}

char* put_hex_quoted(char* out, std::string_view bytes, bool truncated) noexcept {
  static constexpr char kHex[] = "0123456789abcdef";
  *out++ = '"';
  for (char ch : bytes) {
    auto c = static_cast<unsigned char>(ch);
    out = put(out, "\\x");
    *out++ = kHex[c >> 4];
    *out++ = kHex[c & 0xf];
  }
  *out++ = '"';
  return truncated ? put(out, "...") : out;
}

char* put_c_string(char* out, std::string_view bytes) noexcept {
  size_t end = bytes.find('\0');
  return put_quoted(out, bytes.substr(0, end), false);
}

namespace {

// st_atime=1796643489 /* 2026-12-07T11:38:09.648369238+0000 */, st_atime_nsec=648369238
char* put_stat_time(char* out, std::string_view name, int64_t sec, int64_t nsec) noexcept {
  out = put_num(put(put(put(out, ", st_"), name), "="), sec);
  time_t t = static_cast<time_t>(sec);
  tm local{};
  if (localtime_r(&t, &local)) {
    char date[64];
    size_t n = strftime(date, sizeof(date), "%FT%T", &local);
    out = put(put(out, " /* "), std::string_view(date, n));
    if (nsec) out = put_padded(put(out, "."), static_cast<uint64_t>(nsec), 9);  // as strace
    n = strftime(date, sizeof(date), "%z", &local);
    out = put(put(out, std::string_view(date, n)), " */");
  }
  return put_num(put(put(put(out, ", st_"), name), "_nsec="), nsec);
}

// Every member, as strace -v writes struct stat.
char* put_full_stat(char* out, const struct stat& st) noexcept {
  out = put_makedev(put(out, "{st_dev="), st.st_dev);
  out = put_num(put(out, ", st_ino="), st.st_ino);
  out = put_file_mode(put(out, ", st_mode="), st.st_mode);
  out = put_num(put(out, ", st_nlink="), st.st_nlink);
  out = put_num(put(out, ", st_uid="), st.st_uid);
  out = put_num(put(out, ", st_gid="), st.st_gid);
  out = put_num(put(out, ", st_blksize="), st.st_blksize);
  out = put_num(put(out, ", st_blocks="), st.st_blocks);
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
    out = put_makedev(put(out, ", st_rdev="), st.st_rdev);
  else
    out = put_num(put(out, ", st_size="), st.st_size);
  out = put_stat_time(out, "atime", st.st_atim.tv_sec, st.st_atim.tv_nsec);
  out = put_stat_time(out, "mtime", st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
  out = put_stat_time(out, "ctime", st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
  return put(out, "}");
}

}  // namespace

char* put_stat(char* out, std::string_view bytes) noexcept {
  struct stat st;
  if (!load(bytes, &st)) return put(out, "{...}");
  if (!display().abbrev) return put_full_stat(out, st);
  return put_mode_and_size(put(out, "{"), st.st_mode, st.st_rdev, st.st_size, "st_");
}

char* put_stat64(char* out, std::string_view bytes) noexcept {
  // The i386 struct stat64 (arch/x86/include/uapi/asm/stat.h): 96 bytes, st_mode at 16,
  // st_rdev at 32, st_size at 44.
  if (bytes.size() != 96) return put(out, "{...}");
  uint32_t mode;
  uint64_t rdev;
  int64_t size;
  std::memcpy(&mode, bytes.data() + 16, sizeof(mode));
  std::memcpy(&rdev, bytes.data() + 32, sizeof(rdev));
  std::memcpy(&size, bytes.data() + 44, sizeof(size));
  return put_mode_and_size(put(out, "{"), mode, rdev, size, "st_");
}

char* put_statx_mask(char* out, uint64_t mask) noexcept {
  return put_flags(out, mask, uapi::k_statx_mask);
}

char* put_statx(char* out, std::string_view bytes) noexcept {
  // struct statx: stx_mask at 0, stx_attributes at 8, stx_mode at 28, stx_size at 40
  // (uapi/linux/stat.h, stable since v4.11). Unlike stat's, strace's short form shows the
  // size of a device too, not its stx_rdev, and each of the two only when the mask has it.
  if (bytes.size() < 256) return put(out, "{...}");
  uint32_t mask;
  uint16_t mode;
  uint64_t attributes, size;
  std::memcpy(&mask, bytes.data(), 4);
  std::memcpy(&attributes, bytes.data() + 8, 8);
  std::memcpy(&mode, bytes.data() + 28, 2);
  std::memcpy(&size, bytes.data() + 40, 8);
  out = put_statx_mask(put(out, "{stx_mask="), mask);
  out = put_flags(put(out, ", stx_attributes="), attributes, uapi::k_statx_attrs, "0",
                  "STATX_ATTR_???");
  if (mask & (STATX_TYPE | STATX_MODE)) out = put_file_mode(put(out, ", stx_mode="), mode);
  if (mask & STATX_SIZE) out = put_num(put(out, ", stx_size="), size);
  return put(out, ", ...}");
}

char* put_sigset(char* out, uint64_t set) noexcept {
  // strace prints the complement when more than half of the signals are in the set.
  bool invert = __builtin_popcountll(set) > 32;
  if (invert) {
    set = ~set;
    *out++ = '~';
  }
  *out++ = '[';
  bool first = true;
  for (int sig = 1; sig <= 64; ++sig) {
    if (!(set & (uint64_t{1} << (sig - 1)))) continue;
    if (!first) *out++ = ' ';
    out = put_xlat_dec(out, sig, [sig](char* o) { return put(o, signal_name(sig).substr(3)); });
    first = false;
  }
  *out++ = ']';
  return out;
}

char* put_sigset_bytes(char* out, std::string_view bytes) noexcept {
  // A set of fewer bytes (rt_sigpending's size) holds the first signals only.
  uint64_t set = 0;
  if (bytes.empty() || bytes.size() > sizeof(set)) return put(out, "[...]");
  std::memcpy(&set, bytes.data(), bytes.size());
  return put_sigset(out, set);
}

char* put_sigaction(char* out, std::string_view bytes) noexcept {
  KernelSigaction sa;
  if (!load(bytes, &sa)) return put(out, "{...}");
  out = put(out, "{sa_handler=");
  if (sa.handler == reinterpret_cast<uint64_t>(SIG_DFL))
    out = put_xlat_hex(out, sa.handler, [](char* o) { return put(o, "SIG_DFL"); });
  else if (sa.handler == reinterpret_cast<uint64_t>(SIG_IGN))
    out = put_xlat_hex(out, sa.handler, [](char* o) { return put(o, "SIG_IGN"); });
  else
    out = put_hex(out, sa.handler);
  out = put_sigset(put(out, ", sa_mask="), sa.mask);
  out = put_flags(put(out, ", sa_flags="), sa.flags, uapi::k_sa_flags);
  if (sa.flags & kSaRestorer) out = put_hex(put(out, ", sa_restorer="), sa.restorer);
  return put(out, "}");
}

namespace {

// 8192*1024, RLIM64_INFINITY or the number, as strace writes limits.
char* put_limit(char* out, uint64_t v) noexcept {
  return put_xlat(out, [v](char* o) { return put_num(o, v); }, [v](char* o) {
    if (v == RLIM64_INFINITY) return put(o, "RLIM64_INFINITY");
    if (v > 1024 && v % 1024 == 0) return put(put_num(o, v / 1024), "*1024");
    return put_num(o, v);
  });
}

}  // namespace

char* put_rlimit(char* out, std::string_view bytes) noexcept {
  uint64_t lim[2];
  if (bytes.size() != sizeof(lim)) return put(out, "{...}");
  std::memcpy(lim, bytes.data(), sizeof(lim));
  out = put_limit(put(out, "{rlim_cur="), lim[0]);
  return put(put_limit(put(out, ", rlim_max="), lim[1]), "}");
}

// Address families, strace's addrfams: the C library's (bits/socket.h), which no uapi header
// defines.
constexpr Flag kAddressFamilies[] = {
    {AF_UNSPEC, "AF_UNSPEC"}, {AF_UNIX, "AF_UNIX"}, {AF_INET, "AF_INET"}, {AF_AX25, "AF_AX25"},
    {AF_IPX, "AF_IPX"}, {AF_APPLETALK, "AF_APPLETALK"}, {AF_NETROM, "AF_NETROM"},
    {AF_BRIDGE, "AF_BRIDGE"}, {AF_ATMPVC, "AF_ATMPVC"}, {AF_X25, "AF_X25"},
    {AF_INET6, "AF_INET6"}, {AF_ROSE, "AF_ROSE"}, {AF_DECnet, "AF_DECnet"},
    {AF_NETBEUI, "AF_NETBEUI"}, {AF_SECURITY, "AF_SECURITY"}, {AF_KEY, "AF_KEY"},
    {AF_NETLINK, "AF_NETLINK"}, {AF_PACKET, "AF_PACKET"}, {AF_ASH, "AF_ASH"},
    {AF_ECONET, "AF_ECONET"}, {AF_ATMSVC, "AF_ATMSVC"}, {AF_RDS, "AF_RDS"}, {AF_SNA, "AF_SNA"},
    {AF_IRDA, "AF_IRDA"}, {AF_PPPOX, "AF_PPPOX"}, {AF_WANPIPE, "AF_WANPIPE"}, {AF_LLC, "AF_LLC"},
    {AF_IB, "AF_IB"}, {AF_MPLS, "AF_MPLS"}, {AF_CAN, "AF_CAN"}, {AF_TIPC, "AF_TIPC"},
    {AF_BLUETOOTH, "AF_BLUETOOTH"}, {AF_IUCV, "AF_IUCV"}, {AF_RXRPC, "AF_RXRPC"},
    {AF_ISDN, "AF_ISDN"}, {AF_PHONET, "AF_PHONET"}, {AF_IEEE802154, "AF_IEEE802154"},
    {AF_CAIF, "AF_CAIF"}, {AF_ALG, "AF_ALG"}, {AF_NFC, "AF_NFC"}, {AF_VSOCK, "AF_VSOCK"},
    {AF_KCM, "AF_KCM"}, {AF_QIPCRTR, "AF_QIPCRTR"}, {AF_SMC, "AF_SMC"}, {AF_XDP, "AF_XDP"},
    {AF_MCTP, "AF_MCTP"}};

// The families strace decodes (its sa_printers), from the length it needs: a shorter address
// is its family and raw bytes.
struct StraceSockaddr {
  sa_family_t family;
  size_t min_len;
};
constexpr StraceSockaddr kStraceSockaddrs[] = {
    {AF_INET, sizeof(sockaddr_in)},
    {AF_INET6, offsetof(sockaddr_in6, sin6_scope_id)},  // strace's SIN6_MIN_LEN
    {AF_NETLINK, sizeof(sockaddr_nl)},
    {AF_AX25, sizeof(sockaddr_ax25)},
    {AF_IPX, sizeof(sockaddr_ipx)},
    {AF_X25, sizeof(sockaddr_x25)},
    {AF_PACKET, sizeof(sockaddr_ll)},
    {AF_BLUETOOTH, sizeof(sa_family_t) + 1},
    {AF_RXRPC, sizeof(sockaddr_rxrpc)},
    {AF_IEEE802154, 20},  // strace's own struct sockaddr_ieee802154
    {AF_ALG, sizeof(sockaddr_alg_new) + 1},
    {AF_NFC, sizeof(sockaddr_nfc)},
    {AF_VSOCK, sizeof(sockaddr_vm)},
    {AF_QIPCRTR, sizeof(sockaddr_qrtr)},
    {AF_XDP, sizeof(sockaddr_xdp)},
    {AF_MCTP, sizeof(sockaddr_mctp)}};

// The bytes of a field, as strace -X raw shows them.
template <class T>
std::string_view bytes_of(const T& field) noexcept {
  return {reinterpret_cast<const char*>(&field), sizeof(field)};
}

// A 16-bit field in network order as strace's PRINT_FIELD_NET_PORT writes it: htons(80), its
// bytes with -X raw, both with -X verbose; value(o, host_order) writes what htons() holds.
template <class Value>
char* put_htons(char* out, uint16_t be, Value value) {
  return put_xlat(out, [&](char* o) { return put_hex_quoted(o, bytes_of(be), false); },
                  [&](char* o) { return put(value(put(o, "htons("), ntohs(be)), ")"); });
}
char* put_htons(char* out, uint16_t be) {
  return put_htons(out, be, [](char* o, uint16_t v) { return put_num(o, v); });
}

// An AF_INET address's fields after its family: sin_port=htons(80), sin_addr=...; with -X
// raw their bytes, with -X verbose the bytes and what they say.
char* put_in_fields(char* out, std::string_view bytes) {
  sockaddr_in in{};
  std::memcpy(&in, bytes.data(), std::min(bytes.size(), sizeof(in)));
  auto hex = [](const auto& field) {
    return [&field](char* o) { return put_hex_quoted(o, bytes_of(field), false); };
  };
  out = put_htons(put(out, "sin_port="), in.sin_port);
  return put_xlat(put(out, ", sin_addr="), hex(in.sin_addr), [&](char* o) {
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &in.sin_addr, text, sizeof(text));
    return put(put(put(o, "inet_addr(\""), text), "\")");
  });
}

// An AF_INET6 address's, the scope id only where the length holds it, as the interface of
// a link-local address.
char* put_in6_fields(char* out, std::string_view bytes) {
  sockaddr_in6 in6{};
  std::memcpy(&in6, bytes.data(), std::min(bytes.size(), sizeof(in6)));
  auto hex = [](const auto& field) {
    return [&field](char* o) { return put_hex_quoted(o, bytes_of(field), false); };
  };
  char text[INET6_ADDRSTRLEN];
  inet_ntop(AF_INET6, &in6.sin6_addr, text, sizeof(text));
  out = put_htons(put(out, "sin6_port="), in6.sin6_port);
  out = put_xlat(put(out, ", sin6_flowinfo="), hex(in6.sin6_flowinfo), [&](char* o) {
    return put(put_num(put(o, "htonl("), ntohl(in6.sin6_flowinfo)), ")");
  });
  // By name the address is a call that fills the field: inet_pton(AF_INET6, "::1", &sin6_addr).
  if (display().xlat == Xlat::kAbbrev)
    out = put(put(put(out, ", inet_pton(AF_INET6, \""), text), "\", &sin6_addr)");
  else
    out = put_xlat(put(out, ", sin6_addr="), hex(in6.sin6_addr), [&](char* o) {
      return put(put(put(o, "inet_pton(AF_INET6, \""), text), "\")");
    });
  if (bytes.size() <= offsetof(sockaddr_in6, sin6_scope_id)) return out;
  out = put(out, ", sin6_scope_id=");
  if (IN6_IS_ADDR_LINKLOCAL(&in6.sin6_addr) || IN6_IS_ADDR_MC_LINKLOCAL(&in6.sin6_addr))
    return put_ifindex(out, in6.sin6_scope_id);
  return put_num(out, in6.sin6_scope_id);
}

// The bytes after the family as strace's print_sockaddr_data_raw shows them.
char* put_sa_data(char* out, std::string_view bytes) {
  return put(put_quoted(put(out, ", sa_data="), bytes.substr(sizeof(sa_family_t)), false), "}");
}

// A byte as strace's PRINT_VAL_0X writes it, %#0*x of width 2: 0x61, 0x1, 00.
char* put_byte_0x(char* out, unsigned char v) {
  char digits[8];
  int n = std::snprintf(digits, sizeof(digits), "%#02x", v);
  return put(out, std::string_view(digits, static_cast<size_t>(n)));
}

// strace's printxval without a default: the name of v, else v in hex.
template <size_t N>
char* put_name_or_hex(char* out, uint64_t v, const Flag (&values)[N]) {
  return put_xlat(out, [v](char* o) { return put_hex(o, v); }, [&](char* o) {
    for (const Flag& f : values)
      if (f.value == v) return put(o, f.name);
    return put_hex(o, v);
  });
}

// The fields after the family of the sockaddrs of AF_PACKET, AF_IPX, AF_X25, AF_NFC,
// AF_VSOCK, AF_QIPCRTR, AF_XDP and AF_MCTP, as strace's print_sockaddr_data_* (sockaddr.c)
// write them, bytes holding at least the family's struct; nullptr for another family.
char* put_family_fields(char* out, sa_family_t family, std::string_view bytes) {
  switch (family) {
    case AF_PACKET: {
      sockaddr_ll ll;
      if (!load_at(bytes, 0, &ll)) return nullptr;
      out = put_htons(put(out, "sll_protocol="), ll.sll_protocol, [](char* o, uint16_t v) {
        return put_xval(o, v, uapi::k_ethernet_protocols, "ETH_P_???");
      });
      out = put_ifindex(put(out, ", sll_ifindex="), static_cast<uint32_t>(ll.sll_ifindex));
      out = put_xval(put(out, ", sll_hatype="), ll.sll_hatype, uapi::k_arp_hardware_types,
                     "ARPHRD_???");
      out = put_xval(put(out, ", sll_pkttype="), ll.sll_pkttype, uapi::k_af_packet_types,
                     "PACKET_???");
      out = put_num(put(out, ", sll_halen="), ll.sll_halen);
      if (!ll.sll_halen) return out;
      out = put(out, ", sll_addr=[");
      size_t at = offsetof(sockaddr_ll, sll_addr);
      for (size_t k = 0; k < ll.sll_halen; ++k) {
        if (k) out = put(out, ", ");
        if (at + k >= bytes.size()) {  // past the length given
          out = put(out, "...");
          break;
        }
        out = put_byte_0x(out, static_cast<unsigned char>(bytes[at + k]));
      }
      return put(out, "]");
    }
    case AF_IPX: {
      sockaddr_ipx ipx;
      if (!load_at(bytes, 0, &ipx)) return nullptr;
      out = put_htons(put(out, "sipx_port="), ipx.sipx_port);
      out = put(put_hex(put(out, ", sipx_network=htonl("), ntohl(ipx.sipx_network)), ")");
      out = put(out, ", sipx_node=[");
      for (size_t k = 0; k < sizeof(ipx.sipx_node); ++k)
        out = put_byte_0x(k ? put(out, ", ") : out, ipx.sipx_node[k]);
      out = put_byte_0x(put(out, "], sipx_type="), ipx.sipx_type);
      if (ipx.sipx_zero) out = put_hex(put(out, ", sipx_zero="), ipx.sipx_zero);
      return out;
    }
    case AF_X25: {  // the address up to its NUL, or its first 15 bytes and "..."
      sockaddr_x25 x25;
      if (!load_at(bytes, 0, &x25)) return nullptr;
      std::string_view addr = bytes_of(x25.sx25_addr.x25_addr);
      size_t nul = addr.find('\0');
      out = put(out, "sx25_addr={x25_addr=");
      out = nul != std::string_view::npos ? put_quoted(out, addr.substr(0, nul), false)
                                          : put_quoted(out, addr.substr(0, addr.size() - 1), true);
      return put(out, "}");
    }
    case AF_NFC: {
      sockaddr_nfc nfc;
      if (!load_at(bytes, 0, &nfc)) return nullptr;
      out = put_ifindex(put(out, "dev_idx="), nfc.dev_idx);
      out = put_hex(put(out, ", target_idx="), nfc.target_idx);
      out = put_xval(put(out, ", nfc_protocol="), nfc.nfc_protocol,
                     uapi::k_nfc_sockaddr_protocols, "NFC_PROTO_???");
      // struct sockaddr_nfc_llcp, its service_name_len a 64-bit size_t.
      constexpr size_t kSaps = offsetof(sockaddr_nfc_llcp, dsap);
      constexpr size_t kName = offsetof(sockaddr_nfc_llcp, service_name);
      constexpr size_t kNameLen = offsetof(sockaddr_nfc_llcp, service_name_len);
      if (bytes.size() < sizeof(sockaddr_nfc_llcp))
        return bytes.size() > sizeof(sockaddr_nfc) ? put(out, ", ...") : out;
      uint64_t name_len;
      load_at(bytes, kNameLen, &name_len);
      out = put_hex(put(out, ", dsap="), static_cast<unsigned char>(bytes[kSaps]));
      out = put_hex(put(out, ", ssap="), static_cast<unsigned char>(bytes[kSaps + 1]));
      size_t shown = std::min<uint64_t>(NFC_LLCP_MAX_SERVICE_NAME, name_len);
      out = put_quoted(put(out, ", service_name="), bytes.substr(kName, shown), false);
      return put_num(put(out, ", service_name_len="), name_len);
    }
    case AF_VSOCK: {
      sockaddr_vm vm;
      if (!load_at(bytes, 0, &vm)) return nullptr;
      if (vm.svm_reserved1)
        out = put(put_hex(put(out, "svm_reserved1="), vm.svm_reserved1), ", ");
      out = put_name_or_hex(put(out, "svm_cid="), vm.svm_cid, uapi::k_vsock_cids);
      out = put_name_or_hex(put(out, ", svm_port="), vm.svm_port, uapi::k_vsock_ports);
      out = put_flag_set(put(out, ", svm_flags="), vm.svm_flags, uapi::k_vsock_flags,
                         "VMADDR_FLAG_???");
      std::string_view zero = bytes_of(vm.svm_zero);
      if (zero.find_first_not_of('\0') != std::string_view::npos)
        out = put_hex_quoted(put(out, ", svm_zero="), zero, false);
      return out;
    }
    case AF_QIPCRTR: {
      sockaddr_qrtr qrtr;
      if (!load_at(bytes, 0, &qrtr)) return nullptr;
      out = put_name_or_hex(put(out, "sq_node="), qrtr.sq_node, uapi::k_qipcrtr_nodes);
      return put_name_or_hex(put(out, ", sq_port="), qrtr.sq_port, uapi::k_qipcrtr_ports);
    }
    case AF_XDP: {
      sockaddr_xdp xdp;
      if (!load_at(bytes, 0, &xdp)) return nullptr;
      out = put_flag_set(put(out, "sxdp_flags="), xdp.sxdp_flags, uapi::k_xdp_sockaddr_flags,
                         "XDP_???");
      out = put_ifindex(put(out, ", sxdp_ifindex="), xdp.sxdp_ifindex);
      out = put_num(put(out, ", sxdp_queue_id="), xdp.sxdp_queue_id);
      if (xdp.sxdp_flags & XDP_SHARED_UMEM)  // an fd
        return put_num(put(out, ", sxdp_shared_umem_fd="),
                       static_cast<int32_t>(xdp.sxdp_shared_umem_fd));
      if (xdp.sxdp_shared_umem_fd)
        out = put_hex(put(out, ", sxdp_shared_umem_fd="), xdp.sxdp_shared_umem_fd);
      return out;
    }
    case AF_MCTP: {
      sockaddr_mctp mctp;
      if (!load_at(bytes, 0, &mctp)) return nullptr;
      if (mctp.__smctp_pad0)
        out = put(put_hex(put(out, "__smctp_pad0="), mctp.__smctp_pad0), ", ");
      out = put_name_or_hex(put(out, "smctp_network="), mctp.smctp_network, uapi::k_mctp_nets);
      out = put_name_or_hex(put(out, ", smctp_addr={s_addr="), mctp.smctp_addr.s_addr,
                            uapi::k_mctp_addrs);
      out = put_hex(put(out, "}, smctp_type="), mctp.smctp_type);
      out = put_hex(put(out, ", smctp_tag="), mctp.smctp_tag);
      if (mctp.__smctp_pad1) out = put_hex(put(out, ", __smctp_pad1="), mctp.__smctp_pad1);
      return out;
    }
    default:
      return nullptr;
  }
}

char* put_family(char* out, int64_t family) noexcept {
  return put_xval(out, static_cast<uint32_t>(family), kAddressFamilies, "AF_???");
}

char* put_sockaddr(char* out, std::string_view bytes) noexcept {
  sa_family_t family;
  if (bytes.size() < sizeof(family)) return put(out, "{...}");
  std::memcpy(&family, bytes.data(), sizeof(family));
  switch (family) {
    case AF_UNIX: {
      // As strace: no more than a struct sockaddr_un of the length given; a path up to its
      // NUL, an abstract name (strace's @ prefix) whole, NULs and all.
      std::string_view path = bytes.substr(0, sizeof(sockaddr_un))
                                  .substr(offsetof(sockaddr_un, sun_path));
      if (path.empty()) return put(put_family(put(out, "{sa_family="), AF_UNIX), "}");
      out = put(put_family(put(out, "{sa_family="), AF_UNIX), ", sun_path=");
      if (path[0] == '\0')
        out = put_quoted(put(out, "@"), path.substr(1), false);
      else
        out = put_quoted(out, path.substr(0, path.find('\0')), false);
      return put(out, "}");
    }
    case AF_INET:
      if (bytes.size() < sizeof(sockaddr_in)) break;
      out = put(put_family(put(out, "{sa_family="), AF_INET), ", ");
      return put(put_in_fields(out, bytes), "}");
    case AF_INET6:
      if (bytes.size() < offsetof(sockaddr_in6, sin6_scope_id)) break;
      out = put(put_family(put(out, "{sa_family="), AF_INET6), ", ");
      return put(put_in6_fields(out, bytes), "}");
    case AF_RXRPC: {
      // The service and the transport's type, length and address (an AF_INET or AF_INET6
      // one, strace's print_sockaddr_data_rxrpc). The services' names are the AFS client's
      // (fs/afs), outside the uapi headers: shown by number.
      sockaddr_rxrpc rx;
      if (!load_at(bytes, 0, &rx)) break;
      out = put(put_family(put(out, "{sa_family="), AF_RXRPC), ", srx_service=");
      out = put_hex(out, rx.srx_service);
      if (display().xlat != Xlat::kRaw) out = put(out, " /* ???_SERVICE */");
      out = put_sock_type_name(put(out, ", transport_type="), rx.transport_type);
      out = put_num(put(out, ", transport_len="), rx.transport_len);
      out = put(out, ", transport={");
      size_t at = offsetof(sockaddr_rxrpc, transport);
      std::string_view transport =
          bytes.substr(at, std::min<size_t>(rx.transport_len, bytes.size() - at));
      std::string_view rest = transport.substr(std::min(transport.size(), sizeof(sa_family_t)));
      sa_family_t inner = rx.transport.family;
      if (inner == AF_INET || inner == AF_INET6) {
        bool in4 = inner == AF_INET;
        out = put_family(put(out, in4 ? "sin={sin_family=" : "sin6={sin6_family="), inner);
        size_t need = in4 ? sizeof(sockaddr_in) : offsetof(sockaddr_in6, sin6_scope_id);
        if (rx.transport_len >= need)
          out = in4 ? put_in_fields(put(out, ", "), transport)
                    : put_in6_fields(put(out, ", "), transport);
        else if (!rest.empty())
          out = put_quoted(put(out, ", "), rest, false);
        out = put(out, "}");
      } else {
        out = put_xval(put(out, "family="), inner, kAddressFamilies, "AF_???");
        if (!rest.empty()) out = put_quoted(put(out, ", "), rest, false);
      }
      return put(out, "}}");
    }
    case AF_NETLINK: {
      sockaddr_nl nl;
      if (!load(bytes.substr(0, sizeof(nl)), &nl)) break;
      out = put(put_family(put(out, "{sa_family="), AF_NETLINK), ", ");
      if (nl.nl_pad) out = put(put_hex(put(out, "nl_pad="), nl.nl_pad), ", ");
      out = put_num(put(out, "nl_pid="), nl.nl_pid);
      // strace's %#08x: 00000000, 0x000001.
      char groups[16];
      int n = std::snprintf(groups, sizeof(groups), "%#08x", nl.nl_groups);
      return put(put(put(out, ", nl_groups="), std::string_view(groups, n)), "}");
    }
    default:
      break;
  }
  out = put_xval(put(out, "{sa_family="), family, kAddressFamilies, "AF_???");
  if (bytes.size() <= sizeof(family)) return put(out, "}");
  for (const StraceSockaddr& f : kStraceSockaddrs) {
    if (f.family != family || bytes.size() < f.min_len) continue;
    char* fields = put(out, ", ");
    if (char* end = put_family_fields(fields, family, bytes)) return put(end, "}");
  }
  // A family strace decodes and observer does not: what it is, and that more follows.
  for (const StraceSockaddr& f : kStraceSockaddrs)
    if (f.family == family && bytes.size() >= f.min_len) return put(out, ", ...}");
  return put_sa_data(out, bytes);
}

namespace {

// Two numbers of type T as open first second close: "[3, 4]", "{tv_sec=0, tv_nsec=5}".
template <class T>
char* put_two(char* out, std::string_view bytes, std::string_view open, std::string_view second,
              std::string_view close) noexcept {
  T v[2];
  if (bytes.size() != sizeof(v)) return put(put(put(out, open), "..."), close);
  std::memcpy(v, bytes.data(), sizeof(v));
  return put(put_num(put(put_num(put(out, open), v[0]), second), v[1]), close);
}

}  // namespace

char* put_int_pair(char* out, std::string_view bytes) noexcept {
  return put_two<int32_t>(out, bytes, "[", ", ", "]");
}

char* put_wait_status(char* out, std::string_view bytes) noexcept {
  int status;
  if (!load(bytes, &status)) return put(out, "[...]");
  out = put(out, "[{");
  if (WIFEXITED(status)) {
    out = put_num(put(out, "WIFEXITED(s) && WEXITSTATUS(s) == "), WEXITSTATUS(status));
  } else if (WIFSIGNALED(status)) {
    out = put(put(out, "WIFSIGNALED(s) && WTERMSIG(s) == "), signal_name(WTERMSIG(status)));
    if (WCOREDUMP(status)) out = put(out, " && WCOREDUMP(s)");
  } else if (WIFSTOPPED(status)) {
    out = put(put(out, "WIFSTOPPED(s) && WSTOPSIG(s) == "), signal_name(WSTOPSIG(status)));
  } else if (WIFCONTINUED(status)) {
    out = put(out, "WIFCONTINUED(s)");
  } else {
    out = put_hex(out, static_cast<uint32_t>(status));
  }
  return put(out, "}]");
}

char* put_timespec(char* out, std::string_view bytes) noexcept {
  return put_two<int64_t>(out, bytes, "{tv_sec=", ", tv_nsec=", "}");
}

char* put_utsname(char* out, std::string_view bytes) noexcept {
  utsname u;
  if (!load(bytes, &u)) return put(out, "{...}");
  out = put_c_string(put(out, "{sysname="), std::string_view(u.sysname, sizeof(u.sysname)));
  out = put_c_string(put(out, ", nodename="), std::string_view(u.nodename, sizeof(u.nodename)));
  return put(out, ", ...}");
}

char* put_argv(char* out, std::string_view bytes) noexcept {
  *out++ = '[';
  bool first = true;
  ArgvElement e;
  while (next_argv_element(bytes, e)) {
    if (!first) out = put(out, ", ");
    first = false;
    if (e.tag == ARGV_MORE) {
      out = put(out, "...");
      break;
    }
    if (e.tag == ARGV_UNREAD) {  // the array ends in unreadable memory there
      out = put(put_hex(put(out, "... /* "), e.address), " */");
      break;
    }
    if (e.tag == ARGV_POINTER)  // a string that could not be read
      out = put_hex(out, e.address);
    else
      out = put_quoted(out, e.text, e.tag == ARGV_STRING_CUT);
  }
  *out++ = ']';
  return out;
}

char* put_dirents(char* out, uint64_t pointer, std::string_view bytes, bool truncated,
                  const std::string_view* counted) noexcept {
  out = put_hex(out, pointer);
  unsigned entries = 0;
  if (truncated) {
    if (!counted || counted->size() != sizeof(uint32_t)) return out;
    uint32_t n;
    std::memcpy(&n, counted->data(), sizeof(n));
    entries = n;
  } else {
    // struct linux_dirent64: d_ino, d_off, then d_reclen (u16) at offset 16.
    for (size_t at = 0; at + 18 <= bytes.size(); ++entries) {
      uint16_t reclen;
      std::memcpy(&reclen, bytes.data() + at + 16, sizeof(reclen));
      if (reclen == 0) return out;
      at += reclen;
    }
  }
  return put(put_num(put(out, " /* "), entries), entries == 1 ? " entry */" : " entries */");
}

char* put_siginfo(char* out, std::string_view bytes) noexcept {
  // The ABI's layout: signo, errno, code, then the union at 16 (pid, uid; for SIGCHLD status,
  // utime, stime; for faults the address).
  if (bytes.size() < 48) return put(out, "{...}");
  auto i32 = [&](size_t at) {
    int32_t v;
    std::memcpy(&v, bytes.data() + at, sizeof(v));
    return v;
  };
  auto i64 = [&](size_t at) {
    int64_t v;
    std::memcpy(&v, bytes.data() + at, sizeof(v));
    return v;
  };
  int signo = i32(0), code = i32(8);
  out = put_xlat_dec(put(out, "{si_signo="), signo,
                     [signo](char* o) { return put(o, signal_name(signo)); });
  static constexpr Flag kCodes[] = {{0, "SI_USER"},  {0x80, "SI_KERNEL"}, {uint64_t(-1), "SI_QUEUE"},
                                    {uint64_t(-2), "SI_TIMER"}, {uint64_t(-3), "SI_MESGQ"},
                                    {uint64_t(-4), "SI_ASYNCIO"}, {uint64_t(-5), "SI_SIGIO"},
                                    {uint64_t(-6), "SI_TKILL"}};
  static constexpr Flag kChild[] = {{1, "CLD_EXITED"}, {2, "CLD_KILLED"}, {3, "CLD_DUMPED"},
                                    {4, "CLD_TRAPPED"}, {5, "CLD_STOPPED"}, {6, "CLD_CONTINUED"}};
  static constexpr Flag kSegv[] = {{1, "SEGV_MAPERR"}, {2, "SEGV_ACCERR"}};
  out = put(out, ", si_code=");
  if (signo == SIGCHLD && code > 0) {
    out = put_xlat_hex(out, static_cast<uint32_t>(code),
                       [code](char* o) { return put_enum_name(o, code, kChild, {}); });
    out = put_num(put(out, ", si_pid="), i32(16));
    out = put_num(put(out, ", si_uid="), static_cast<uint32_t>(i32(20)));
    out = put(out, ", si_status=");
    out = code == 1 ? put_num(out, i32(24)) : put(out, signal_name(i32(24)));
    out = put_num(put(out, ", si_utime="), i64(32));
    return put(put_num(put(out, ", si_stime="), i64(40)), "}");
  }
  if ((signo == SIGSEGV || signo == SIGBUS) && code > 0) {
    out = put_enum(out, code, kSegv);
    uint64_t addr = static_cast<uint64_t>(i64(16));
    return put(addr ? put_hex(put(out, ", si_addr="), addr) : put(out, ", si_addr=NULL"), "}");
  }
  out = put_enum(out, code, kCodes);
  if (code <= 0)  // sent by a process: kill, tkill, sigqueue
    out = put_num(put(put_num(put(out, ", si_pid="), i32(16)), ", si_uid="),
                  static_cast<uint32_t>(i32(20)));
  return put(out, "}");
}

char* put_envp(char* out, uint64_t pointer, std::string_view bytes) noexcept {
  uint32_t count;
  out = put_hex(out, pointer);
  if (!load(bytes, &count) || count == ENVP_UNTERMINATED) return out;
  bool unterminated = count & ENVP_UNTERMINATED;
  count &= ~ENVP_UNTERMINATED;
  out = put(put_num(put(out, " /* "), count), count == 1 ? " var" : " vars");
  return put(out, unterminated ? ", unterminated */" : " */");
}

char* put_cpu_set(char* out, std::string_view bytes) noexcept {
  *out++ = '[';
  bool first = true;
  for (size_t i = 0; i < bytes.size() * 8; ++i) {
    if (!(static_cast<unsigned char>(bytes[i / 8]) & (1u << (i % 8)))) continue;
    if (!first) *out++ = ' ';
    out = put_num(out, i);
    first = false;
  }
  *out++ = ']';
  return out;
}

namespace {

constexpr int64_t kUtimeNow = (1l << 30) - 1l;   // UTIME_NOW
constexpr int64_t kUtimeOmit = (1l << 30) - 2l;  // UTIME_OMIT

// {tv_sec=1, tv_nsec=2} /* 1970-01-01T00:00:01.000000002+0000 */, or UTIME_NOW/UTIME_OMIT.
// strace's date comment of a time: " /* 2026-01-01T00:00:01.000002+0000 */" in the local time
// zone, the fraction of width digits when there is one; none for the epoch itself or a
// fraction out of range.
char* put_date_comment(char* out, int64_t sec, uint64_t part, uint64_t max, int width) noexcept {
  if ((sec == 0 && part == 0) || part > max) return out;
  time_t t = static_cast<time_t>(sec);
  tm local{};
  if (!localtime_r(&t, &local)) return out;
  char date[64];
  size_t n = strftime(date, sizeof(date), "%FT%T", &local);
  out = put(put(out, " /* "), std::string_view(date, n));
  if (part > 0) {
    char digits[24];
    auto* end = std::to_chars(digits, digits + sizeof(digits), part).ptr;
    out = put(out, ".");
    for (ptrdiff_t pad = width - (end - digits); pad > 0; --pad) *out++ = '0';
    out = put(out, std::string_view(digits, static_cast<size_t>(end - digits)));
  }
  n = strftime(date, sizeof(date), "%z", &local);
  return put(put(out, std::string_view(date, n)), " */");
}

char* put_utime(char* out, int64_t sec, int64_t nsec) noexcept {
  if (nsec == kUtimeNow) return put(out, "UTIME_NOW");
  if (nsec == kUtimeOmit) return put(out, "UTIME_OMIT");
  out = put(put_num(put(put_num(put(out, "{tv_sec="), sec), ", tv_nsec="), nsec), "}");
  return put_date_comment(out, sec, static_cast<uint64_t>(nsec), 999999999, 9);
}

// Filesystem magic numbers strace names (linux/magic.h); others in hex.
constexpr Flag kFsMagic[] = {
    {0xef53, "EXT2_SUPER_MAGIC"},        {0x01021994, "TMPFS_MAGIC"},
    {0x9fa0, "PROC_SUPER_MAGIC"},        {0x62656572, "SYSFS_MAGIC"},
    {0x63677270, "CGROUP2_SUPER_MAGIC"}, {0x27e0eb, "CGROUP_SUPER_MAGIC"},
    {0x794c7630, "OVERLAYFS_SUPER_MAGIC"}, {0x58465342, "XFS_SUPER_MAGIC"},
    {0x9123683e, "BTRFS_SUPER_MAGIC"},   {0x1cd1, "DEVPTS_SUPER_MAGIC"},
    {0x64626720, "DEBUGFS_MAGIC"},       {0x74726163, "TRACEFS_MAGIC"},
    {0xcafe4a11, "BPF_FS_MAGIC"},        {0x6969, "NFS_SUPER_MAGIC"},
    {0x65735546, "FUSE_SUPER_MAGIC"},    {0x73717368, "SQUASHFS_MAGIC"},
    {0x858458f6, "RAMFS_MAGIC"},         {0x73636673, "SECURITYFS_MAGIC"},
    {0x958458f6, "HUGETLBFS_MAGIC"},     {0x19800202, "MQUEUE_MAGIC"},
    {0x50495045, "PIPEFS_MAGIC"},        {0x534f434b, "SOCKFS_MAGIC"},
    {0x4d44, "MSDOS_SUPER_MAGIC"},       {0xf2f52010, "F2FS_SUPER_MAGIC"},
    {0x01021997, "V9FS_MAGIC"},          {0x0187, "AUTOFS_SUPER_MAGIC"},
    {0x62656570, "CONFIGFS_MAGIC"},      {0x6165676c, "PSTOREFS_MAGIC"},
    {0xde5e81e4, "EFIVARFS_MAGIC"},      {0x42494e4d, "BINFMTFS_MAGIC"},
    {0x9660, "ISOFS_SUPER_MAGIC"},       {0x5346544e, "NTFS_SB_MAGIC"},
};

constexpr Flag kStatfsFlags[] = {
    {0x0001, "ST_RDONLY"},   {0x0002, "ST_NOSUID"},     {0x0004, "ST_NODEV"},
    {0x0008, "ST_NOEXEC"},   {0x0010, "ST_SYNCHRONOUS"}, {0x0020, "ST_VALID"},
    {0x0040, "ST_MANDLOCK"}, {0x0400, "ST_NOATIME"},    {0x0800, "ST_NODIRATIME"},
    {0x1000, "ST_RELATIME"}, {0x2000, "ST_NOSYMFOLLOW"},
};

}  // namespace

char* put_stack(char* out, std::string_view bytes) noexcept {
  stack_t ss;
  if (!load(bytes, &ss)) return put(out, "{...}");
  out = put(out, "{ss_sp=");
  out = ss.ss_sp ? put_hex(out, reinterpret_cast<uint64_t>(ss.ss_sp)) : put(out, "NULL");
  out = put_flags(put(out, ", ss_flags="), static_cast<uint32_t>(ss.ss_flags),
                  uapi::k_stack_flags);
  return put(put_num(put(out, ", ss_size="), ss.ss_size), "}");
}

char* put_utimes(char* out, std::string_view bytes) noexcept {
  int64_t t[4];
  if (bytes.size() != sizeof(t)) return put(out, "[...]");
  std::memcpy(t, bytes.data(), sizeof(t));
  out = put_utime(put(out, "["), t[0], t[1]);
  return put(put_utime(put(out, ", "), t[2], t[3]), "]");
}

char* put_timeval(char* out, std::string_view bytes) noexcept {
  int64_t tv[2];
  if (!load_at(bytes, 0, &tv)) return put(out, "{...}");
  out = put_num(put(out, "{tv_sec="), tv[0]);
  return put(put_num(put(out, ", tv_usec="), static_cast<uint64_t>(tv[1])), "}");
}

char* put_timevals(char* out, std::string_view bytes) noexcept {
  int64_t t[4];
  if (bytes.size() != sizeof(t)) return put(out, "[...]");
  std::memcpy(t, bytes.data(), sizeof(t));
  out = put(out, "[");
  for (int k = 0; k < 2; ++k) {
    if (k) out = put(out, ", ");
    out = put(put_num(put(put_num(put(out, "{tv_sec="), t[2 * k]), ", tv_usec="), t[2 * k + 1]),
              "}");
    out = put_date_comment(out, t[2 * k], static_cast<uint64_t>(t[2 * k + 1]), 999999, 6);
  }
  return put(out, "]");
}

namespace {

// ", name=value" for each field, in order, as strace lists a struct's members.
struct Field {
  std::string_view name;
  uint64_t value;
};

char* put_fields(char* out, std::initializer_list<Field> fields) noexcept {
  for (const Field& f : fields) out = put_num(put(put(put(out, ", "), f.name), "="), f.value);
  return out;
}

}  // namespace

char* put_sysinfo(char* out, std::string_view bytes) noexcept {
  struct sysinfo si;
  if (!load(bytes, &si)) return put(out, "{...}");
  out = put_num(put(out, "{uptime="), si.uptime);
  out = put_num(put(out, ", loads=["), si.loads[0]);
  out = put_num(put(out, ", "), si.loads[1]);
  out = put(put_num(put(out, ", "), si.loads[2]), "]");
  out = put_fields(out, {{"totalram", si.totalram}, {"freeram", si.freeram},
                         {"sharedram", si.sharedram}, {"bufferram", si.bufferram},
                         {"totalswap", si.totalswap}, {"freeswap", si.freeswap},
                         {"procs", si.procs}, {"totalhigh", si.totalhigh},
                         {"freehigh", si.freehigh}, {"mem_unit", si.mem_unit}});
  return put(out, "}");
}

char* put_statfs(char* out, std::string_view bytes) noexcept {
  struct statfs st;
  if (!load(bytes, &st)) return put(out, "{...}");
  out = put(out, "{f_type=");
  auto type = static_cast<uint64_t>(st.f_type);
  const Flag* magic = std::find_if(std::begin(kFsMagic), std::end(kFsMagic),
                                   [type](const Flag& f) { return f.value == type; });
  out = magic != std::end(kFsMagic) ? put(out, magic->name) : put_hex(out, type);
  out = put_fields(out, {{"f_bsize", static_cast<uint64_t>(st.f_bsize)},
                         {"f_blocks", st.f_blocks}, {"f_bfree", st.f_bfree},
                         {"f_bavail", st.f_bavail}, {"f_files", st.f_files},
                         {"f_ffree", st.f_ffree}});
  uint32_t fsid[2];
  std::memcpy(fsid, &st.f_fsid, sizeof(fsid));
  out = put_hex(put(out, ", f_fsid={val=["), fsid[0]);
  out = put(put_hex(put(out, ", "), fsid[1]), "]}");
  out = put_fields(out, {{"f_namelen", static_cast<uint64_t>(st.f_namelen)},
                         {"f_frsize", static_cast<uint64_t>(st.f_frsize)}});
  out = put_flags(put(out, ", f_flags="), static_cast<uint64_t>(st.f_flags), kStatfsFlags);
  return put(out, "}");
}

namespace {

// {tv_sec=1, tv_usec=0} or {tv_sec=1, tv_nsec=0} of two longs at bytes.
char* put_time_pair(char* out, const char* bytes, std::string_view fraction) noexcept {
  int64_t t[2];
  std::memcpy(t, bytes, sizeof(t));
  out = put_num(put(put_num(put(out, "{tv_sec="), t[0]), fraction), t[1]);
  return put(out, "}");
}

// {it_interval=..., it_value=...} of two time pairs (struct itimerspec, struct itimerval).
char* put_interval(char* out, std::string_view bytes, std::string_view fraction) noexcept {
  if (bytes.size() != 4 * sizeof(int64_t)) return put(out, "{...}");
  out = put_time_pair(put(out, "{it_interval="), bytes.data(), fraction);
  out = put_time_pair(put(out, ", it_value="), bytes.data() + 2 * sizeof(int64_t), fraction);
  return put(out, "}");
}

}  // namespace

char* put_rusage(char* out, std::string_view bytes) noexcept {
  // struct rusage begins with ru_utime and ru_stime, two struct timeval (long, long).
  if (bytes.size() != sizeof(struct rusage)) return put(out, "{...}");
  out = put_time_pair(put(out, "{ru_utime="), bytes.data(), ", tv_usec=");
  out = put_time_pair(put(out, ", ru_stime="), bytes.data() + offsetof(struct rusage, ru_stime),
                      ", tv_usec=");
  return put(out, ", ...}");
}

char* put_siginfo_out(char* out, std::string_view bytes) noexcept {
  int32_t signo;
  if (bytes.size() < sizeof(signo)) return put(out, "{...}");
  std::memcpy(&signo, bytes.data(), sizeof(signo));
  return signo == 0 ? put(out, "{}") : put_siginfo(out, bytes);
}

char* put_itimerspec(char* out, std::string_view bytes) noexcept {
  return put_interval(out, bytes, ", tv_nsec=");
}

char* put_itimerval(char* out, std::string_view bytes) noexcept {
  return put_interval(out, bytes, ", tv_usec=");
}

char* put_flock(char* out, std::string_view bytes, bool with_pid) noexcept {
  struct flock fl;
  if (!load(bytes, &fl)) return put(out, "{...}");
  out = put(out, "{l_type=");
  out = put_named(out, fl.l_type, uapi::k_lock_types, "F_???");
  out = put_named(put(out, ", l_whence="), fl.l_whence, uapi::k_whence, "SEEK_???");
  out = put_num(put(out, ", l_start="), static_cast<int64_t>(fl.l_start));
  out = put_num(put(out, ", l_len="), static_cast<int64_t>(fl.l_len));
  if (with_pid) out = put_num(put(out, ", l_pid="), fl.l_pid);
  return put(out, "}");
}

char* put_f_owner_ex(char* out, std::string_view bytes) noexcept {
  struct f_owner_ex owner;
  if (!load(bytes, &owner)) return put(out, "{...}");
  out = put_named(put(out, "{type="), owner.type, uapi::k_f_owner_types, "F_OWNER_???");
  return put(put_num(put(out, ", pid="), owner.pid), "}");
}

char* put_open_how(char* out, std::string_view how, const std::string_view* whole,
                   uint64_t size) noexcept {
  struct open_how h;
  if (!load(how, &h)) return put(out, "{...}");
  out = put_open_flags(put(out, "{flags="), h.flags);
  // The mode shows where the flags can create a file, or where it is set anyway. The C
  // library's __O_TMPFILE holds O_DIRECTORY too: the kernel's bit alone is O_TMPFILE's other.
  constexpr uint64_t kTmpfile = O_TMPFILE & ~O_DIRECTORY;
  if ((h.flags & (O_CREAT | kTmpfile)) || h.mode) out = put_mode(put(out, ", mode="), h.mode);
  out = put(out, ", resolve=");
  out = put_flags(out, h.resolve, uapi::k_resolve_flags, "0", "RESOLVE_???");
  if (size > sizeof(h)) {
    // What follows the struct, up to a page: nothing if zeros, strace's "???" if unreadable.
    if (!whole || whole->size() <= sizeof(h)) return put(out, ", ???}");
    std::string_view rest = whole->substr(sizeof(h));
    if (rest.find_first_not_of('\0') != std::string_view::npos) {
      out = put_num(put(out, ", /* bytes "), sizeof(h));
      out = put(put_num(put(out, ".."), sizeof(h) + rest.size() - 1), " */ ");
      constexpr size_t kShown = 32;  // strace's default string limit (-s)
      out = put_hex_quoted(out, rest.substr(0, kShown), rest.size() > kShown);
    }
  }
  return put(out, "}");
}

char* put_gids(char* out, std::string_view bytes, uint64_t count) noexcept {
  *out++ = '[';
  for (uint64_t i = 0; i < count && (i + 1) * sizeof(gid_t) <= bytes.size(); ++i) {
    gid_t gid;
    std::memcpy(&gid, bytes.data() + i * sizeof(gid_t), sizeof(gid));
    if (i) out = put(out, ", ");
    out = put_num(out, gid);
  }
  *out++ = ']';
  return out;
}

char* put_struct_arg(char* out, Arg type, const Event& e, const Strings& items,
                     unsigned i) noexcept {
  uint64_t v = e.args[i];
  bool cut = false;
  switch (type) {
    case Arg::kOpenHow: {
      // The struct, and separately all the size argument says (see capture_plan): the
      // second may be missing where the bytes after the struct cannot be read.
      uint64_t size = i + 1 < 6 ? e.args[i + 1] : 0;
      const std::string_view* how = items.find_blob(i, &cut);
      if (!v) return put(out, "NULL");
      if (!how || size < sizeof(struct open_how)) return put_hex(out, v);
      const std::string_view* whole = nullptr;
      for (unsigned k = 0; k < items.count; ++k)
        if (items.arg[k] == i && items.kind[k] == ITEM_BLOB && items.value[k].size() > how->size())
          whole = &items.value[k];
      return put_open_how(out, *how, whole, size);
    }
    case Arg::kPerfEventAttr:
      return put_perf_event_attr(out, e, items, i);
    case Arg::kUringParams:
      return put_uring_params(out, e, items, i);
    case Arg::kBpfAttr:
      return i + 1 < 6 ? put_bpf_attr(out, e, items, i) : nullptr;
    case Arg::kOffsetInOut: {
      // [offset], and " => [offset]" where the call moved it (it succeeded and did something).
      const std::string_view* in = items.find_blob(i, &cut);
      uint64_t offset;
      if (!v) return put(out, "NULL");
      if (!in || !load(*in, &offset)) return put_hex(out, v);
      out = put(put_num(put(out, "["), offset), "]");
      if (!(e.flags & EVENT_HAS_RET) || is_error(e.ret) || e.ret == 0) return out;
      const std::string_view* moved = items.find_exit_blob(i);
      if (!moved || !load(*moved, &offset)) return put_hex(put(out, " => "), v);
      return put(put_num(put(out, " => ["), offset), "]");
    }
    default:
      return put_sys_struct(out, type, e, items, i);
  }
}

char* put_fcntl_struct(char* out, const Event& e, const Strings& items) noexcept {
  bool cut = false;
  const std::string_view* bytes = items.find_blob(2, &cut);
  if (!bytes || !e.args[2]) return nullptr;
  switch (static_cast<int32_t>(e.args[1])) {
    case F_SETLK: case F_SETLKW: case F_OFD_SETLK: case F_OFD_SETLKW:
      return put_flock(out, *bytes, false);
    case F_GETLK: case F_OFD_GETLK:
      return put_flock(out, *bytes, true);
    case F_SETOWN_EX: case F_GETOWN_EX:
      return put_f_owner_ex(out, *bytes);
    default:
      return nullptr;
  }
}

}  // namespace observer
