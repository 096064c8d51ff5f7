// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "decode_structs.h"

#include "argv_blob.h"
#include "decode_fields.h"
#include "decode_printers.h"
#include "event.h"
#include "text.h"
#include "uapi_consts.h"

#include <arpa/inet.h>
#include <linux/audit.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <linux/if_alg.h>
#include <linux/if_arp.h>
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
#include <sys/timex.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

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
// is its family and raw bytes. AF_IEEE802154's struct is strace's own (20 bytes).
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
    {AF_IEEE802154, 20},
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

// An AF_INET address's fields after its family: sin_port=htons(80), sin_addr=...; with -X
// raw their bytes, with -X verbose the bytes and what they say.
char* put_in_fields(char* out, std::string_view bytes) {
  sockaddr_in in{};
  std::memcpy(&in, bytes.data(), std::min(bytes.size(), sizeof(in)));
  auto hex = [](const auto& field) {
    return [&field](char* o) { return put_hex_quoted(o, bytes_of(field), false); };
  };
  out = put_xlat(put(out, "sin_port="), hex(in.sin_port), [&](char* o) {
    return put(put_num(put(o, "htons("), ntohs(in.sin_port)), ")");
  });
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
  out = put_xlat(put(out, "sin6_port="), hex(in6.sin6_port), [&](char* o) {
    return put(put_num(put(o, "htons("), ntohs(in6.sin6_port)), ")");
  });
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

// A field's value as strace's PRINT_FIELD_XVAL writes it: by name, else in hex with a comment
// naming the kind when there is one (0x8c /* VMADDR_FLAG_??? */); with always_verbose
// (PRINT_FIELD_XVAL_VERBOSE), the number and the name in a comment but under -X raw. Names
// match on the value's 32 bits (VMADDR_CID_ANY is -1U).
template <size_t N>
char* put_field_val(char* out, uint64_t v, const Flag (&table)[N], std::string_view unknown,
                    bool always_verbose = false) noexcept {
  std::string_view name;
  for (const Flag& f : table)
    if (f.value == v || (v <= UINT32_MAX && static_cast<uint32_t>(f.value) == v)) {
      name = f.name;
      break;
    }
  Xlat style = display().xlat;
  if (always_verbose && style == Xlat::kAbbrev) style = Xlat::kVerbose;
  if (style == Xlat::kAbbrev && !name.empty()) return put(out, name);
  out = put_hex(out, v);
  if (style == Xlat::kRaw) return out;
  if (name.empty()) name = unknown;
  return name.empty() ? out : put(put(put(out, " /* "), name), " */");
}

// A field's bytes as strace's PRINT_FIELD_HEX_ARRAY writes them: "\x8d\x8e\x8f".
template <class T>
char* put_hex_field(char* out, const T& field) noexcept {
  return put_hex_quoted(out, bytes_of(field), false);
}

// A field strace prints with QUOTE_0_TERMINATED | QUOTE_EXPECT_TRAILING_0 from its size bytes:
// up to its NUL within the first size - 1, "..." after when there is none.
char* put_cstring_field(char* out, std::string_view field) noexcept {
  std::string_view s = field.substr(0, field.empty() ? 0 : field.size() - 1);
  size_t nul = s.find('\0');
  if (nul != std::string_view::npos) return put_quoted(out, s.substr(0, nul), false);
  return put(put_quoted(out, s, false), "...");
}

// Flags as strace's PRINT_FIELD_FLAGS_VERBOSE writes them: 0, or the number and the names in
// a comment (but under -X raw).
template <size_t N>
char* put_flags_verbose(char* out, uint64_t v, const Flag (&flags)[N],
                        std::string_view unknown) noexcept {
  out = put_hex(out, v);
  if (!v || display().xlat == Xlat::kRaw) return out;
  uint64_t known = 0;
  for (const Flag& f : flags) known |= f.value;
  if (!(v & known)) return put(put(put(out, " /* "), unknown), " */");
  NamesOnly names;
  return put(put_flags(put(out, " /* "), v, flags), " */");
}

// printf's "%#0*x" of twice the size of a byte field: 0x41, or 00 (strace's PRINT_VAL_0X).
char* put_byte_0x(char* out, uint8_t v) noexcept {
  return v ? put_hex(out, v) : put(out, "00");
}

// Whether an AX.25 call sign (7 bytes) is shown by name, by name after its bytes, or by its
// bytes alone: strace's check_ax25_address.
Xlat ax25_style(const ax25_address& a) noexcept {
  Xlat style = display().xlat;
  bool space_seen = false, char_seen = false, odd = false;
  for (size_t i = 0; i + 1 < sizeof(a.ax25_call); ++i) {
    auto c = static_cast<unsigned char>(a.ax25_call[i]);
    if (c & 1) odd = true;
    c >>= 1;
    if (c == ' ') space_seen = true;
    else char_seen = true;
    if ((c < '0' || c > '9') && (c < 'A' || c > 'Z') && c != ' ') odd = true;
    if (c != ' ' && space_seen) odd = true;
    if (c < ' ' || c > 0x7e || c == '*' || c == '/') return Xlat::kRaw;
  }
  auto ssid = static_cast<unsigned char>(a.ax25_call[6]);
  if ((ssid & ~0x1e) || (!char_seen && ssid)) odd = true;
  return odd ? Xlat::kVerbose : style;
}

// An AX.25 address: VALID-13 (its call sign less trailing spaces, and its SSID), "*" for the
// empty one, after {ax25_call="\xa6..."} where its bytes are not a sane call sign.
char* put_ax25(char* out, const ax25_address& a) noexcept {
  Xlat style = ax25_style(a);
  if (style != Xlat::kAbbrev) {
    std::string_view call(a.ax25_call, sizeof(a.ax25_call));
    out = put(put_hex_quoted(put(out, "{ax25_call="), call, false), "}");
  }
  if (style == Xlat::kRaw) return out;
  char text[16];
  char* p = text;
  size_t end = sizeof(a.ax25_call) - 1;
  while (end && (static_cast<unsigned char>(a.ax25_call[end - 1]) >> 1) == ' ') --end;
  for (size_t i = 0; i < end; ++i) *p++ = static_cast<char>(static_cast<unsigned char>(a.ax25_call[i]) >> 1);
  *p++ = '-';
  unsigned ssid = (static_cast<unsigned char>(a.ax25_call[6]) >> 1) & 0xf;
  if (ssid > 9) {
    *p++ = '1';
    ssid -= 10;
  }
  *p++ = static_cast<char>('0' + ssid);
  std::string_view name(text, p - text);
  if (name == "-0") name = "*";
  return style == Xlat::kVerbose ? put(put(put(out, " /* "), name), " */") : put(out, name);
}

// struct full_sockaddr_ax25: the address, its digipeaters as far as the length holds them and
// its count asks for (sax25_ndigis, at most 8), "..." for the bytes past them.
char* put_ax25_fields(char* out, std::string_view bytes) noexcept {
  full_sockaddr_ax25 sa{};
  std::memcpy(&sa, bytes.data(), std::min(bytes.size(), sizeof(sa)));
  size_t len = bytes.size();
  bool full = sa.fsa_ax25.sax25_ndigis || len > sizeof(sockaddr_ax25);
  if (full) out = put(out, "fsa_ax25={");
  out = put_ax25(put(out, "sax25_call="), sa.fsa_ax25.sax25_call);
  out = put_num(put(out, ", sax25_ndigis="), sa.fsa_ax25.sax25_ndigis);
  if (!full) return out;
  out = put(out, "}");
  constexpr size_t kMax = std::size(sa.fsa_digipeater), kSize = sizeof(ax25_address);
  size_t has = std::min((len - sizeof(sockaddr_ax25)) / kSize, kMax);
  size_t want = std::min<size_t>(std::max(sa.fsa_ax25.sax25_ndigis, 0), kMax);
  size_t digis = std::min(has, want);
  if (want) {
    out = put(out, ", fsa_digipeater=[");
    for (size_t i = 0; i < digis; ++i) out = put_ax25(i ? put(out, ", ") : out, sa.fsa_digipeater[i]);
    if (want > has) out = put(out, digis ? ", ..." : "...");
    out = put(out, "]");
  }
  if (len > has * kSize + sizeof(sockaddr_ax25)) out = put(out, ", ...");
  return out;
}

// struct sockaddr_ll: the protocol as htons(ETH_P_ALL), the interface, hardware type, packet
// type, and the address's bytes as far as the length holds them.
char* put_ll_fields(char* out, std::string_view bytes) noexcept {
  sockaddr_ll ll{};
  std::memcpy(&ll, bytes.data(), std::min(bytes.size(), sizeof(ll)));
  out = put_xlat(put(out, "sll_protocol="),
                 [&](char* o) { return put_hex_quoted(o, bytes_of(ll.sll_protocol), false); },
                 [&](char* o) {
                   o = put(o, "htons(");
                   uint16_t proto = ntohs(ll.sll_protocol);
                   bool known = false;
                   for (const Flag& f : uapi::k_ethernet_protocols)
                     if (f.value == proto) {
                       o = put(o, f.name);
                       known = true;
                       break;
                     }
                   if (!known) o = put(put_hex(o, proto), " /* ETH_P_??? */");
                   return put(o, ")");
                 });
  out = put_ifindex(put(out, ", sll_ifindex="), static_cast<uint32_t>(ll.sll_ifindex));
  out = put_xval(put(out, ", sll_hatype="), ll.sll_hatype, uapi::k_arp_hardware_types,
                 "ARPHRD_???");
  out = put_xval(put(out, ", sll_pkttype="), ll.sll_pkttype, uapi::k_af_packet_types,
                 "PACKET_???");
  out = put_num(put(out, ", sll_halen="), unsigned{ll.sll_halen});
  if (!ll.sll_halen) return out;
  size_t oob = bytes.size() - offsetof(sockaddr_ll, sll_addr);
  out = put(out, ", sll_addr=[");
  for (size_t i = 0; i < ll.sll_halen; ++i) {
    if (i) out = put(out, ", ");
    if (i >= oob) {
      out = put(out, "...");
      break;
    }
    out = put_byte_0x(out, static_cast<uint8_t>(bytes[offsetof(sockaddr_ll, sll_addr) + i]));
  }
  return put(out, "]");
}

// From the kernel's drivers: ETH_ALEN of Ethernet, AX25_ADDR_LEN, INFINIBAND_ALEN...
size_t hwaddr_size(uint16_t type) noexcept {
  switch (type) {
    case ARPHRD_NETROM: case ARPHRD_AX25: return 7;
    case ARPHRD_ETHER: case ARPHRD_IEEE802: case ARPHRD_LOOPBACK: case ARPHRD_FDDI:
    case ARPHRD_HIPPI: case ARPHRD_IEEE80211: case ARPHRD_IEEE80211_PRISM:
    case ARPHRD_IEEE80211_RADIOTAP: return 6;
    case ARPHRD_ARCNET: case ARPHRD_MCTP: case ARPHRD_LOCALTLK: case ARPHRD_PHONET:
    case ARPHRD_PHONET_PIPE: return 1;
    case ARPHRD_DLCI: return sizeof(short);
    case ARPHRD_IEEE1394: case ARPHRD_TUNNEL6: case ARPHRD_IP6GRE: return 16;
    case ARPHRD_EUI64: case ARPHRD_IEEE802154: case ARPHRD_IEEE802154_MONITOR:
    case ARPHRD_6LOWPAN: return 8;
    case ARPHRD_INFINIBAND: return 20;
    case ARPHRD_ROSE: return 5;
    case ARPHRD_TUNNEL: case ARPHRD_SIT: case ARPHRD_IPGRE: case ARPHRD_IRDA: return 4;
    case ARPHRD_SLIP: case ARPHRD_X25: case ARPHRD_CAN: case ARPHRD_PPP: case ARPHRD_RAWHDLC:
    case ARPHRD_RAWIP: case ARPHRD_IPDDP: case ARPHRD_PIMREG: case ARPHRD_CAIF:
    case ARPHRD_NETLINK: case ARPHRD_VSOCKMON: return 0;
    default: return SIZE_MAX;
  }
}

char* put_mac_addr(char* out, std::string_view bytes, size_t shown) noexcept {
  return put_xlat(out, [bytes](char* o) { return put_hex_quoted(o, bytes, false); },
                  [bytes, shown](char* o) {
                    static constexpr char kDigits[] = "0123456789abcdef";
                    for (size_t i = 0; i < bytes.size() && i < shown; ++i) {
                      auto b = static_cast<uint8_t>(bytes[i]);
                      if (i) *o++ = ':';
                      *o++ = kDigits[b >> 4];
                      *o++ = kDigits[b & 15];
                    }
                    return o;
                  });
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
      // (fs/afs), outside the uapi headers: shown by number and name.
      sockaddr_rxrpc rx;
      if (!load_at(bytes, 0, &rx)) break;
      out = put(put_family(put(out, "{sa_family="), AF_RXRPC), ", srx_service=");
      out = put_field_val(out, rx.srx_service, uapi::k_rxrpc_services, "???_SERVICE", true);
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
    case AF_IPX: {
      sockaddr_ipx ipx;
      if (!load(bytes.substr(0, sizeof(ipx)), &ipx)) break;
      out = put(put_family(put(out, "{sa_family="), AF_IPX), ", sipx_port=");
      out = put_xlat(out, [&](char* o) { return put_hex_quoted(o, bytes_of(ipx.sipx_port), false); },
                     [&](char* o) { return put(put_num(put(o, "htons("), ntohs(ipx.sipx_port)), ")"); });
      out = put(put_hex(put(out, ", sipx_network=htonl("), ntohl(ipx.sipx_network)), ")");
      out = put(out, ", sipx_node=[");
      for (size_t i = 0; i < sizeof(ipx.sipx_node); ++i)
        out = put_byte_0x(i ? put(out, ", ") : out, ipx.sipx_node[i]);
      out = put_byte_0x(put(out, "], sipx_type="), ipx.sipx_type);
      if (ipx.sipx_zero) out = put_hex(put(out, ", sipx_zero="), static_cast<uint8_t>(ipx.sipx_zero));
      return put(out, "}");
    }
    case AF_X25: {
      // Its address up to its NUL, "..." after when none is within its 16 bytes.
      sockaddr_x25 x25;
      if (!load(bytes.substr(0, sizeof(x25)), &x25)) break;
      std::string_view addr(x25.sx25_addr.x25_addr, sizeof(x25.sx25_addr.x25_addr));
      size_t nul = addr.find('\0');
      out = put(put_family(put(out, "{sa_family="), AF_X25), ", sx25_addr={x25_addr=");
      out = put_quoted(out, addr.substr(0, nul == std::string_view::npos ? addr.size() - 1 : nul),
                       false);
      if (nul == std::string_view::npos) out = put(out, "...");
      return put(out, "}}");
    }
    case AF_AX25:
      if (bytes.size() < sizeof(sockaddr_ax25)) break;
      out = put(put_family(put(out, "{sa_family="), AF_AX25), ", ");
      return put(put_ax25_fields(out, bytes), "}");
    case AF_PACKET:
      if (bytes.size() < sizeof(sockaddr_ll)) break;
      out = put(put_family(put(out, "{sa_family="), AF_PACKET), ", ");
      return put(put_ll_fields(out, bytes), "}");
    case AF_BLUETOOTH:
      // Of its lengths, a struct sockaddr_hci without its channel: hci_dev=htobs(0); strace
      // shows the bytes of those of no Bluetooth struct's length.
      if (bytes.size() == 4) {
        uint16_t dev;
        std::memcpy(&dev, bytes.data() + 2, sizeof(dev));
        out = put(put_family(put(out, "{sa_family="), AF_BLUETOOTH), ", hci_dev=htobs(");
        return put(put_num(out, dev), ")}");
      }
      if (bytes.size() != 6 && bytes.size() != 8 && bytes.size() != 10 && bytes.size() != 12 &&
          bytes.size() != 14) {
        out = put_family(put(out, "{sa_family="), AF_BLUETOOTH);
        return bytes.size() > sizeof(sa_family_t) ? put_sa_data(out, bytes) : put(out, "}");
      }
      break;
    case AF_VSOCK: {
      sockaddr_vm vm;
      if (!load(bytes.substr(0, sizeof(vm)), &vm)) break;
      out = put(put_family(put(out, "{sa_family="), AF_VSOCK), ", ");
      if (vm.svm_reserved1) out = put(put_hex(put(out, "svm_reserved1="), vm.svm_reserved1), ", ");
      out = put_field_val(put(out, "svm_cid="), vm.svm_cid, uapi::k_vsock_cids, {});
      out = put_field_val(put(out, ", svm_port="), vm.svm_port, uapi::k_vsock_ports, {});
      out = put_flag_set(put(out, ", svm_flags="), vm.svm_flags, uapi::k_vsock_flags,
                         "VMADDR_FLAG_???");
      if (vm.svm_zero[0] || vm.svm_zero[1] || vm.svm_zero[2])
        out = put_hex_field(put(out, ", svm_zero="), vm.svm_zero);
      return put(out, "}");
    }
    case AF_QIPCRTR: {
      sockaddr_qrtr q;
      if (!load(bytes.substr(0, sizeof(q)), &q)) break;
      out = put(put_family(put(out, "{sa_family="), AF_QIPCRTR), ", sq_node=");
      out = put_field_val(out, q.sq_node, uapi::k_qipcrtr_nodes, {});
      return put(put_field_val(put(out, ", sq_port="), q.sq_port, uapi::k_qipcrtr_ports, {}),
                 "}");
    }
    case AF_XDP: {
      // The shared umem's descriptor as a descriptor when the flags say it is one.
      sockaddr_xdp x;
      if (!load(bytes.substr(0, sizeof(x)), &x)) break;
      out = put(put_family(put(out, "{sa_family="), AF_XDP), ", sxdp_flags=");
      out = put_flag_set(out, x.sxdp_flags, uapi::k_xdp_sockaddr_flags, "XDP_???");
      out = put_ifindex(put(out, ", sxdp_ifindex="), x.sxdp_ifindex);
      out = put_num(put(out, ", sxdp_queue_id="), x.sxdp_queue_id);
      if (x.sxdp_flags & XDP_SHARED_UMEM)
        out = put_num(put(out, ", sxdp_shared_umem_fd="), static_cast<int32_t>(x.sxdp_shared_umem_fd));
      else if (x.sxdp_shared_umem_fd)
        out = put_hex(put(out, ", sxdp_shared_umem_fd="), x.sxdp_shared_umem_fd);
      return put(out, "}");
    }
    case AF_MCTP: {
      sockaddr_mctp mc;
      if (!load(bytes.substr(0, sizeof(mc)), &mc)) break;
      out = put(put_family(put(out, "{sa_family="), AF_MCTP), ", ");
      if (mc.__smctp_pad0) out = put(put_hex(put(out, "__smctp_pad0="), mc.__smctp_pad0), ", ");
      out = put_field_val(put(out, "smctp_network="), mc.smctp_network, uapi::k_mctp_nets, {});
      out = put_field_val(put(out, ", smctp_addr={s_addr="), mc.smctp_addr.s_addr,
                          uapi::k_mctp_addrs, {});
      out = put_hex(put(out, "}, smctp_type="), mc.smctp_type);
      out = put_hex(put(out, ", smctp_tag="), mc.smctp_tag);
      if (mc.__smctp_pad1) out = put_hex(put(out, ", __smctp_pad1="), mc.__smctp_pad1);
      return put(out, "}");
    }
    case AF_ALG: {
      // struct sockaddr_alg_new: the type, the flags, the name of the length's bytes left.
      constexpr size_t kType = offsetof(sockaddr_alg_new, salg_type);
      constexpr size_t kName = offsetof(sockaddr_alg_new, salg_name);
      if (bytes.size() <= kName) break;
      sockaddr_alg_new alg;
      std::memcpy(&alg, bytes.data(), kName);
      out = put(put_family(put(out, "{sa_family="), AF_ALG), ", salg_type=");
      out = put_cstring_field(out, bytes.substr(kType, sizeof(alg.salg_type)));
      out = put_flags_verbose(put(out, ", salg_feat="), alg.salg_feat, uapi::k_alg_sockaddr_flags,
                              "CRYPTO_ALG_???");
      out = put_flags_verbose(put(out, ", salg_mask="), alg.salg_mask, uapi::k_alg_sockaddr_flags,
                              "CRYPTO_ALG_???");
      out = put_cstring_field(put(out, ", salg_name="), bytes.substr(kName));
      return put(out, "}");
    }
    case AF_NFC: {
      // struct sockaddr_nfc, then as struct sockaddr_nfc_llcp (of a 64-bit process: its
      // service_name_len a u64 at 88) when the length holds that whole, else "..." for more.
      sockaddr_nfc nfc;
      if (!load(bytes.substr(0, sizeof(nfc)), &nfc)) break;
      out = put(put_family(put(out, "{sa_family="), AF_NFC), ", dev_idx=");
      out = put_ifindex(out, nfc.dev_idx);
      out = put_hex(put(out, ", target_idx="), nfc.target_idx);
      out = put_field_val(put(out, ", nfc_protocol="), nfc.nfc_protocol,
                          uapi::k_nfc_sockaddr_protocols, "NFC_PROTO_???");
      constexpr size_t kSap = 16, kServiceName = 18, kNameMax = 63, kLlcp = 96, kNameLen = 88;
      if (bytes.size() < kLlcp) return put(out, bytes.size() > sizeof(nfc) ? ", ...}" : "}");
      uint64_t name_len;
      std::memcpy(&name_len, bytes.data() + kNameLen, sizeof(name_len));
      out = put_field_val(put(out, ", dsap="), static_cast<uint8_t>(bytes[kSap]), uapi::k_nfc_saps,
                          {}, true);
      out = put_field_val(put(out, ", ssap="), static_cast<uint8_t>(bytes[kSap + 1]),
                          uapi::k_nfc_saps, {}, true);
      out = put_quoted(put(out, ", service_name="),
                       bytes.substr(kServiceName, std::min<uint64_t>(kNameMax, name_len)), false);
      return put(put_num(put(out, ", service_name_len="), name_len), "}");
    }
    case AF_IEEE802154: {
      // strace's own struct: {sa_family_t; {int addr_type; u16 pan_id; union {u8 hwaddr[8];
      // u16 short_addr;}}}, 20 bytes; the address by its type, a long one in the colon form.
      constexpr size_t kSize = 20, kType = 4, kPan = 8, kAddr = 10;
      if (bytes.size() < kSize) break;
      uint32_t type;
      uint16_t pan, short_addr;
      std::memcpy(&type, bytes.data() + kType, 4);
      std::memcpy(&pan, bytes.data() + kPan, 2);
      std::memcpy(&short_addr, bytes.data() + kAddr, 2);
      out = put(put_family(put(out, "{sa_family="), AF_IEEE802154), ", addr={addr_type=");
      out = put_field_val(out, type, uapi::k_ieee802154_addr_types, "IEEE802154_ADDR_???", true);
      out = put_field_val(put(out, ", pan_id="), pan, uapi::k_ieee802154_pan_ids, {}, true);
      if (type == 2) {  // IEEE802154_ADDR_SHORT
        out = put_field_val(put(out, ", short_addr="), short_addr, uapi::k_ieee802154_addrs, {},
                            true);
      } else if (type != 0) {  // not IEEE802154_ADDR_NONE: a long one
        out = put_mac_addr(put(out, ", hwaddr="), bytes.substr(kAddr, 8));
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

namespace {

// strace's print_si_code: the codes any signal takes, then those of its own.
std::string_view si_code_name(int32_t code, int signo) noexcept {
  auto find = [code](const auto& table) -> std::string_view {
    for (const Flag& f : table)
      if (static_cast<int32_t>(f.value) == code) return f.name;
    return {};
  };
  if (std::string_view name = find(uapi::k_siginfo_codes); !name.empty()) return name;
  switch (signo) {
    case SIGTRAP: return find(uapi::k_sigtrap_codes);
    case SIGCHLD: return find(uapi::k_sigchld_codes);
    case SIGIO: return find(uapi::k_sigpoll_codes);
    case SIGILL: return find(uapi::k_sigill_codes);
    case SIGFPE: return find(uapi::k_sigfpe_codes);
    case SIGSEGV: return find(uapi::k_sigsegv_codes);
    case SIGBUS: return find(uapi::k_sigbus_codes);
    case SIGSYS: return find(uapi::k_sigsys_codes);
    default: return {};
  }
}

}  // namespace

#if defined(__x86_64__)
constexpr uint32_t kNativeAuditArch = AUDIT_ARCH_X86_64;
#elif defined(__aarch64__)
constexpr uint32_t kNativeAuditArch = AUDIT_ARCH_AARCH64;
#else
constexpr uint32_t kNativeAuditArch = 0;
#endif

// A syscall number as strace names it for arch: __NR_read for the tracee's own architecture,
// the number otherwise (strace's PRINT_FIELD_SYSCALL_NAME).
char* put_si_syscall(char* out, uint64_t nr, uint32_t arch) noexcept {
  std::string_view name = arch == kNativeAuditArch && nr < MAX_SYSCALLS
                              ? syscall_name(static_cast<int>(nr)) : std::string_view{};
  if (name.empty()) return put_num(out, nr);
  return put_xlat(out, [nr](char* o) { return put_num(o, nr); },
                  [name](char* o) { return put(put(o, "__NR_"), name); });
}

namespace {

// A clock_t in clock ticks, and in seconds in a comment when there are any, 10 /* 0.10 s */
// (strace's print_clock_t: as many decimals as the ticks of a second have digits less one).
char* put_clock_t(char* out, uint64_t ticks) noexcept {
  out = put_num(out, ticks);
  static const long tck = sysconf(_SC_CLK_TCK);
  if (display().xlat == Xlat::kRaw || tck <= 0 || ticks == 0) return out;
  int width = 0;
  for (long t = tck; t >= 10; t /= 10) ++width;
  char frac[32];
  auto tick = static_cast<uint64_t>(tck);
  auto end = std::to_chars(frac, frac + sizeof(frac), static_cast<double>(ticks % tick) / tick,
                           std::chars_format::fixed, width).ptr;
  // "0.10" or "1.00" (a fraction rounded up): the whole seconds go before its point.
  out = put_num(put(out, " /* "), ticks / tick + (frac[0] - '0'));
  return put(put(out, std::string_view(frac + 1, static_cast<size_t>(end - frac - 1))), " s */");
}

}  // namespace

char* put_siginfo(char* out, std::string_view bytes) noexcept {
  // The ABI's layout (asm-generic/siginfo.h): signo, errno, code, then the union at 16, of
  // which strace reads the first 32 bytes: the kernel's struct kernel_siginfo.
  if (bytes.size() < 48) return put(out, "{...}");
  auto i32 = [&](size_t at) {
    int32_t v;
    std::memcpy(&v, bytes.data() + at, sizeof(v));
    return v;
  };
  auto u64 = [&](size_t at) {
    uint64_t v;
    std::memcpy(&v, bytes.data() + at, sizeof(v));
    return v;
  };
  auto ptr = [&](char* o, std::string_view field, size_t at) {
    uint64_t v = u64(at);
    o = put(put(put(o, ", "), field), "=");
    return put_addr(o, v);
  };
  // The sender, si_pid and si_uid (an id: -1 as -1); the value, si_int and si_ptr.
  auto source = [&](char* o) {
    o = put_num(put(o, ", si_pid="), i32(16));
    auto uid = static_cast<uint32_t>(i32(20));
    return uid == UINT32_MAX ? put(o, ", si_uid=-1") : put_num(put(o, ", si_uid="), uid);
  };
  auto value = [&](char* o) { return ptr(put_num(put(o, ", si_int="), i32(24)), "si_ptr", 24); };
  int signo = i32(0), code = i32(8);
  auto err = static_cast<uint32_t>(i32(4));
  out = put(out, "{");
  if (signo == 0) return put(out, "}");
  out = put_signal(put(out, "si_signo="), signo);
  std::string_view name = si_code_name(code, signo);
  out = put_xlat_hex(put(out, ", si_code="), static_cast<uint32_t>(code), [&](char* o) {
    return name.empty() ? put_hex(o, static_cast<uint32_t>(code)) : put(o, name);
  });
  if (err) {
    std::string_view symbol = errno_symbol(static_cast<int>(err));
    out = put_xlat_dec(put(out, ", si_errno="), err, [&](char* o) {
      return symbol.empty() ? put_num(o, err) : put(o, symbol);
    });
  }
  if (code <= 0) {  // sent by a process: kill, tkill, sigqueue, a timer, queued SIGIO
    switch (code) {
      case SI_USER: case SI_TKILL:
        out = source(out);
        break;
      case SI_TIMER:
        out = put_hex(put(out, ", si_timerid="), static_cast<uint32_t>(i32(16)));
        out = value(put_num(put(out, ", si_overrun="), i32(20)));
        break;
      case SI_SIGIO:
        out = put_num(put(out, ", si_band="), static_cast<int64_t>(u64(16)));
        out = put_num(put(out, ", si_fd="), i32(24));
        break;
      default:
        out = source(out);
        if (u64(24)) out = value(out);
    }
    return put(out, "}");
  }
  switch (signo) {
    case SIGCHLD:
      out = put(source(out), ", si_status=");
      out = code == CLD_EXITED ? put_num(out, i32(24)) : put_signal(out, i32(24));
      out = put_clock_t(put(out, ", si_utime="), u64(32));
      out = put_clock_t(put(out, ", si_stime="), u64(40));
      break;
    case SIGILL: case SIGFPE: case SIGTRAP:
      out = ptr(out, "si_addr", 16);
      break;
    case SIGBUS:
      out = ptr(out, "si_addr", 16);
      if (code == BUS_MCEERR_AR || code == BUS_MCEERR_AO) {
        uint16_t lsb;
        std::memcpy(&lsb, bytes.data() + 24, sizeof(lsb));
        out = put_hex(put(out, ", si_addr_lsb="), lsb);
      }
      break;
    case SIGSEGV:
      out = ptr(out, "si_addr", 16);
      if (code == SEGV_BNDERR) out = ptr(ptr(out, "si_lower", 32), "si_upper", 40);
      if (code == SEGV_PKUERR) out = put_num(put(out, ", si_pkey="), static_cast<uint32_t>(i32(32)));
      break;
    case SIGIO:
      if (code >= POLL_IN && code <= POLL_HUP) {
        out = put_num(put(out, ", si_band="), static_cast<int64_t>(u64(16)));
        out = put_num(put(out, ", si_fd="), i32(24));
      }
      break;
    case SIGSYS: {
      auto arch = static_cast<uint32_t>(i32(28));
      out = ptr(out, "si_call_addr", 16);
      out = put_si_syscall(put(out, ", si_syscall="), static_cast<uint32_t>(i32(24)), arch);
      out = put_xval(put(out, ", si_arch="), arch, uapi::k_audit_arch, "AUDIT_ARCH_???");
      break;
    }
    default:
      if (i32(16) || i32(20)) out = source(out);
      if (u64(24)) out = value(out);
  }
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

namespace {

constexpr int64_t kUtimeNow = (1l << 30) - 1l;   // UTIME_NOW
constexpr int64_t kUtimeOmit = (1l << 30) - 2l;  // UTIME_OMIT

// {tv_sec=1, tv_nsec=2} /* 1970-01-01T00:00:01.000000002+0000 */, or UTIME_NOW/UTIME_OMIT.
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

namespace {

// struct timex as strace's print_timex writes it; time's tv_usec unsigned, as strace's is.
constexpr fields::Field kTimexTime[] = {
    {OBS_FIELD(timeval, tv_sec)},
    {"tv_usec", static_cast<uint32_t>(offsetof(timeval, tv_usec)), sizeof(timeval::tv_usec),
     false}};
constexpr fields::Field kTimex[] = {
    {OBS_FIELD(timex, modes), fields::flags(uapi::k_adjtimex_modes, "ADJ_???")},
    {OBS_FIELD(timex, offset)},    {OBS_FIELD(timex, freq)},
    {OBS_FIELD(timex, maxerror)},  {OBS_FIELD(timex, esterror)},
    {OBS_FIELD(timex, status), fields::flags(uapi::k_adjtimex_status, "STA_???")},
    {OBS_FIELD(timex, constant)},  {OBS_FIELD(timex, precision)},
    {OBS_FIELD(timex, tolerance)}, {OBS_FIELD(timex, time), fields::nested(kTimexTime)},
    {OBS_FIELD(timex, tick)},      {OBS_FIELD(timex, ppsfreq)},
    {OBS_FIELD(timex, jitter)},    {OBS_FIELD(timex, shift)},
    {OBS_FIELD(timex, stabil)},    {OBS_FIELD(timex, jitcnt)},
    {OBS_FIELD(timex, calcnt)},    {OBS_FIELD(timex, errcnt)},
    {OBS_FIELD(timex, stbcnt)},    {OBS_FIELD(timex, tai)}};

}  // namespace

char* put_timex(char* out, std::string_view bytes) noexcept {
  struct timex tx;
  return load(bytes, &tx) ? fields::put_fields(out, tx, kTimex) : put(out, "{...}");
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
  return put(put_struct_tail(out, whole, sizeof(h), size), "}");
}

char* put_struct_tail(char* out, const std::string_view* whole, size_t known,
                      uint64_t size) noexcept {
  if (size <= known) return out;
  // What follows the struct, up to a page: nothing if zeros, strace's "???" if unreadable.
  if (!whole || whole->size() <= known) return put(out, ", ???");
  std::string_view rest = whole->substr(known);
  if (rest.find_first_not_of('\0') == std::string_view::npos) return out;
  out = put_num(put(out, ", /* bytes "), known);
  out = put(put_num(put(out, ".."), known + rest.size() - 1), " */ ");
  constexpr size_t kShown = 32;  // strace's default string limit (-s)
  return put_hex_quoted(out, rest.substr(0, kShown), rest.size() > kShown);
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

namespace {

constexpr size_t kUserDescSize = 16;

// x86's struct user_desc (asm/ldt.h) as strace's print_user_desc writes it, without its
// closing brace: "{entry_number=12" alone and ", ..." when only the entry number is known
// (asked, and nothing filled), else every field; the entry the call filled after " => "
// when it is not the one asked about.
char* put_user_desc(char* out, std::string_view asked, const std::string_view* filled) noexcept {
  uint32_t w[4] = {};
  std::memcpy(w, asked.data(), std::min(asked.size(), sizeof(w)));
  auto id = [](char* o, uint32_t v) { return v == UINT32_MAX ? put(o, "-1") : put_num(o, v); };
  out = id(put(out, "{entry_number="), w[0]);
  if (asked.size() < kUserDescSize && !filled) return put(out, ", ...}");
  if (filled) {
    uint32_t entry = w[0];
    std::memcpy(w, filled->data(), sizeof(w));
    if (w[0] != entry) out = id(put(out, " => "), w[0]);
  }
  // strace's "%#08x": 0 as 00000000, small values padded to eight characters.
  auto hex = [](char* o, uint32_t v) {
    if (!v) return put(o, "00000000");
    char digits[8];
    auto* end = std::to_chars(digits, digits + sizeof(digits), v, 16).ptr;
    o = put(o, "0x");
    for (ptrdiff_t pad = 6 - (end - digits); pad > 0; --pad) *o++ = '0';
    return put(o, std::string_view(digits, static_cast<size_t>(end - digits)));
  };
  out = hex(put(out, ", base_addr="), w[1]);
  out = hex(put(out, ", limit="), w[2]);
  uint32_t bits = w[3];
  static constexpr std::pair<std::string_view, int> kFields[] = {
      {"seg_32bit", 1}, {"contents", 2}, {"read_exec_only", 1}, {"limit_in_pages", 1},
      {"seg_not_present", 1}, {"useable", 1}, {"lm", 1}};
  for (const auto& [name, width] : kFields) {
    out = put_num(put(put(put(out, ", "), name), "="), bits & ((1u << width) - 1));
    bits >>= width;
  }
  return out;
}

}  // namespace

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
    case Arg::kUserDescIn:
    case Arg::kLdtDesc: {
      const std::string_view* desc = items.find_blob(i, &cut);
      if (!v) return put(out, "NULL");
      if (type == Arg::kLdtDesc && (i + 1 >= 6 || e.args[i + 1] != kUserDescSize))
        return put_hex(out, v);
      if (!desc || desc->size() < kUserDescSize) return put_hex(out, v);
      return put(put_user_desc(out, *desc, nullptr), "}");
    }
    case Arg::kUserDescOut: {
      // The entry asked about at entry; after a success, the rest the call filled
      // (strace's print_user_desc).
      const std::string_view* asked = items.find_blob(i, &cut);
      const std::string_view* filled = items.find_exit_blob(i);
      if (!v) return put(out, "NULL");
      if (!asked || asked->size() != sizeof(uint32_t)) return put_hex(out, v);
      bool ok = e.flags & EVENT_HAS_RET && !is_error(e.ret);
      if (!ok || !filled || filled->size() < kUserDescSize) return put_user_desc(out, *asked, nullptr);
      return put(put_user_desc(out, *asked, filled), "}");
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
