// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The constants of sockets: address families, socket types and flags, protocols.
#include <sys/socket.h>

#include "decode_printers.h"
#include "text.h"
#include "uapi_consts.h"

namespace observer {

namespace {

using namespace text;

// AF_* and SOCK_* are the C library's (sys/socket.h): no uapi header defines them.
constexpr Flag kFamilies[] = {{AF_UNIX, "AF_UNIX"},       {AF_INET, "AF_INET"},
                              {AF_INET6, "AF_INET6"},     {AF_NETLINK, "AF_NETLINK"},
                              {AF_PACKET, "AF_PACKET"},   {AF_UNSPEC, "AF_UNSPEC"}};

constexpr Flag kSockTypes[] = {{SOCK_STREAM, "SOCK_STREAM"}, {SOCK_DGRAM, "SOCK_DGRAM"},
                               {SOCK_RAW, "SOCK_RAW"},       {SOCK_SEQPACKET, "SOCK_SEQPACKET"},
                               {SOCK_RDM, "SOCK_RDM"},       {SOCK_PACKET, "SOCK_PACKET"}};

constexpr Flag kSockFlags[] = {{SOCK_CLOEXEC, "SOCK_CLOEXEC"}, {SOCK_NONBLOCK, "SOCK_NONBLOCK"}};

char* put_sock_type(char* out, uint64_t v) {
  out = put_enum(out, static_cast<int64_t>(v & 0xf), kSockTypes);
  if (v & SOCK_CLOEXEC) out = put(out, "|SOCK_CLOEXEC");
  if (v & SOCK_NONBLOCK) out = put(out, "|SOCK_NONBLOCK");
  if (uint64_t rest = v & ~uint64_t{0xf | SOCK_NONBLOCK | SOCK_CLOEXEC}) {
    *out++ = '|';
    out = put_hex(out, rest);
  }
  return out;
}

}  // namespace

char* put_net_arg(char* out, Arg type, uint64_t v, const __u64* args) noexcept {
  auto si = static_cast<int32_t>(v);
  switch (type) {
    case Arg::kFamily:
      return put_enum(out, si, kFamilies);
    case Arg::kSockType:
      return put_sock_type(out, v);
    case Arg::kSockProto: {
      // The protocol's names depend on the family (argument 0): IPPROTO_ for AF_INET(6).
      int family = static_cast<int32_t>(args[0]);
      if (family == AF_INET || family == AF_INET6)
        return put_enum(out, si, uapi::k_inet_protocols);
      return put_num(out, si);
    }
    case Arg::kSockFlags:
      return put_flags(out, static_cast<uint32_t>(v), kSockFlags);
    default:
      return nullptr;
  }
}

}  // namespace observer
