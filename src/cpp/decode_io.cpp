// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "decode_io.h"

#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>

#include "decode_printers.h"
#include "decode_structs.h"
#include "text.h"
#include "uapi_consts.h"

namespace observer {

namespace {

using namespace text;

// Bytes as strace writes them inside -y's <...>: its string escapes without the quotes, and
// '<' and '>' in octal so that the brackets stay unambiguous.
char* put_unquoted(char* out, std::string_view bytes) noexcept {
  while (!bytes.empty()) {
    size_t special = bytes.find_first_of("<>");
    std::string_view part = bytes.substr(0, special);
    if (!part.empty()) {
      char* start = out;
      char* end = put_quoted(out, part, false);
      std::memmove(start, start + 1, static_cast<size_t>(end - start - 2));
      out = end - 2;
    }
    if (special == std::string_view::npos) break;
    out = put(out, bytes[special] == '<' ? "\\74" : "\\76");
    bytes.remove_prefix(special + 1);
  }
  return out;
}

// The next NUL-terminated name of names, or an empty view at the end.
std::string_view take_name(std::string_view& names) noexcept {
  size_t end = names.find('\0');
  if (end == std::string_view::npos) {
    names = {};
    return {};
  }
  std::string_view name = names.substr(0, end);
  names.remove_prefix(end + 1);
  return name;
}

}  // namespace

char* put_fd_path_bytes(char* out, std::string_view item, bool* deleted) noexcept {
  fd_path head;
  *deleted = false;
  if (!load_at(item, 0, &head)) return out;
  std::string_view names = item.substr(sizeof(head));
  switch (head.type) {
    case FD_PATH_PIPE:
      return put(put_num(put(out, "pipe:["), head.ino), "]");
    case FD_PATH_SOCKET:
      return put(put_num(put(out, "socket:["), head.ino), "]");
    case FD_PATH_ANON:
      return put(put(out, "anon_inode:"), take_name(names));
    case FD_PATH_FILE:
      break;
    default:
      return out;
  }
  *deleted = head.flags & FD_PATH_DELETED;
  // The names come from the file up: write them from the root down.
  std::string_view parts[FD_PATH_DEPTH];
  unsigned n = 0;
  while (n < head.names && n < FD_PATH_DEPTH && !names.empty()) parts[n++] = take_name(names);
  if (head.flags & FD_PATH_CUT) out = put(out, "...");
  if (n == 0) return put(out, "/");
  for (unsigned i = n; i-- > 0;) out = put(put(out, "/"), parts[i]);
  return out;
}

char* put_fd_path(char* out, std::string_view item) noexcept {
  char path[ITEM_MAX + 64];
  bool deleted;
  char* end = put_fd_path_bytes(path, item, &deleted);
  *out++ = '<';
  out = put_unquoted(out, std::string_view(path, static_cast<size_t>(end - path)));
  *out++ = '>';
  return deleted ? put(out, "(deleted)") : out;
}

char* put_fd_suffix(char* out, const Strings& items, unsigned arg) noexcept {
  const std::string_view* item = items.find_item(ITEM_FD_PATH, arg);
  return item ? put_fd_path(out, *item) : out;
}

char* put_absolute_bytes(char* out, std::string_view base, std::string_view relative) noexcept {
  bool deleted;
  char* start = out;
  char* end = put_fd_path_bytes(out, base, &deleted);
  // A directory that is not a file (an fd of a socket given as dirfd): the path as it is.
  if (end == start || *start != '/') return put(start, relative);
  if (end == start + 1) end = start;  // the root: its names start after it
  while (!relative.empty()) {
    size_t slash = relative.find('/');
    std::string_view name = relative.substr(0, slash);
    relative.remove_prefix(slash == std::string_view::npos ? relative.size() : slash + 1);
    if (name.empty() || name == ".") continue;
    if (name == "..") {
      while (end > start && *--end != '/') {
      }
      continue;
    }
    end = put(put(end, "/"), name);
  }
  if (end == start) *end++ = '/';
  return end;
}

char* put_absolute(char* out, std::string_view base, std::string_view relative,
                   bool truncated) noexcept {
  char path[2 * ITEM_MAX + 64];
  char* end = put_absolute_bytes(path, base, relative);
  return put_quoted(out, std::string_view(path, static_cast<size_t>(end - path)), truncated);
}

namespace {


constexpr Flag kMsgFlags[] = {
    {MSG_OOB, "MSG_OOB"},         {MSG_PEEK, "MSG_PEEK"},       {MSG_DONTROUTE, "MSG_DONTROUTE"},
    {MSG_CTRUNC, "MSG_CTRUNC"},   {MSG_PROXY, "MSG_PROXY"},     {MSG_TRUNC, "MSG_TRUNC"},
    {MSG_DONTWAIT, "MSG_DONTWAIT"}, {MSG_EOR, "MSG_EOR"},       {MSG_WAITALL, "MSG_WAITALL"},
    {MSG_FIN, "MSG_FIN"},         {MSG_SYN, "MSG_SYN"},         {MSG_CONFIRM, "MSG_CONFIRM"},
    {MSG_RST, "MSG_RST"},         {MSG_ERRQUEUE, "MSG_ERRQUEUE"}, {MSG_NOSIGNAL, "MSG_NOSIGNAL"},
    {MSG_MORE, "MSG_MORE"},       {MSG_WAITFORONE, "MSG_WAITFORONE"},
    {MSG_CMSG_CLOEXEC, "MSG_CMSG_CLOEXEC"},
};

// The kernel's struct user_msghdr on a 64-bit ABI (include/linux/socket.h).
struct Msghdr {
  uint64_t name;
  uint32_t namelen;
  uint32_t pad;
  uint64_t iov;
  uint64_t iovlen;
  uint64_t control;
  uint64_t controllen;
  uint32_t flags;
  uint32_t pad2;
};
static_assert(sizeof(Msghdr) == 56);

// An iovec blob (struct iov_head, then iov_item and data per element kept) as strace writes
// it: data when the call read or filled it (with_data), else the elements' addresses. ret is
// the bytes the call filled in all (readv), or -1 when every element was read (writev).
char* put_iovec_bytes(char* out, std::string_view bytes, bool with_data, int64_t ret,
                      uint64_t addr, const socket_item* netlink = nullptr) noexcept {
  char* const begin = out;
  iov_head head;
  if (!load_at(bytes, 0, &head)) return put(out, "[...]");
  // An array unreadable from its start is its address; one that becomes unreadable ends
  // with the address of the element that could not be read, as strace writes them.
  if (head.unread && head.kept == 0) return put_hex(out, addr);
  *out++ = '[';
  uint32_t kept = 0;
  // Kept whole for a dump (-e read=/write=), each shown as --data-limit says.
  uint32_t limit = display().data_limit;
  int64_t count = each_iovec(bytes, ret, &kept, [&](uint32_t k, const IovecElement& e) {
    if (k) out = put(out, ", ");
    out = put(out, "{iov_base=");
    char* decoded = nullptr;
    if (with_data && !e.unread && netlink)
      decoded = put_netlink_data(out, e.data, e.base, e.moved, netlink->protocol,
                                 e.data.size() < e.moved);
    if (decoded) {
      out = decoded;
    } else if (with_data && !e.unread) {
      bool cut = limit && e.data.size() > limit;
      out = put_quoted(out, cut ? e.data.substr(0, limit) : e.data, cut || e.data.size() < e.moved);
    } else {
      out = e.base ? put_hex(out, e.base) : put(out, "NULL");
    }
    out = put_num(put(out, ", iov_len="), e.len);
    *out++ = '}';
  });
  if (count < 0) return put(begin, "[...]");
  if (head.unread)
    out = put(put_hex(put(out, ", ... /* "), addr + kept * sizeof(struct iovec)), " */");
  else if (kept < count)
    out = put(out, kept ? ", ..." : "...");
  *out++ = ']';
  return out;
}

// A msghdr blob: the struct, the u32 length of the name kept, the name, the control
// messages (struct control_head and the bytes kept), the iovec blob.
// entry is recvmsg's struct as it was given (for msg_namelen=128 => 16), or nullptr. netlink:
// the call's netlink socket, whose messages the elements hold when msg_name is a netlink
// address (as strace tells them), or nullptr.
char* put_msghdr(char* out, std::string_view bytes, const std::string_view* entry,
                 int64_t ret, const socket_item* netlink = nullptr) noexcept {
  Msghdr msg;
  uint32_t name_kept;
  if (!load_at(bytes, 0, &msg) || !load_at(bytes, sizeof(msg), &name_kept) ||
      bytes.size() < sizeof(msg) + 4 + name_kept)
    return put(out, "{...}");
  Msghdr given = msg;
  if (entry) load_at(*entry, 0, &given);
  std::string_view name = bytes.substr(sizeof(msg) + 4, name_kept);
  // No longer than the room it was given, as strace reads it; shorter than a family, the
  // pointer.
  uint32_t name_len = std::min(msg.namelen, given.namelen);
  if (name_kept < std::min<uint32_t>(name_len, sizeof(sockaddr_storage))) name_len = 0;
  out = put(out, "{msg_name=");
  if (!msg.name)
    out = put(out, "NULL");
  else if (name_len >= sizeof(sa_family_t))
    out = put_sockaddr(out, name.substr(0, name_len));
  else
    out = put_hex(out, msg.name);
  out = put_num(put(out, ", msg_namelen="), given.namelen);
  if (given.namelen != msg.namelen) out = put_num(put(out, " => "), msg.namelen);
  std::string_view rest = bytes.substr(sizeof(msg) + 4 + name_kept);
  control_head control;
  size_t control_size = load_at(rest, 0, &control) ? sizeof(control) + control.kept : 0;
  std::string_view iov = rest.substr(std::min(control_size, rest.size()));
  out = put(out, ", msg_iov=");
  sa_family_t family = 0;
  if (msg.name && name_len >= sizeof(family)) std::memcpy(&family, name.data(), sizeof(family));
  if (family != AF_NETLINK) netlink = nullptr;
  out = msg.iov ? put_iovec_bytes(out, iov, true, ret, msg.iov, netlink) : put(out, "NULL");
  out = put_num(put(out, ", msg_iovlen="), msg.iovlen);
  out = put_msg_control(out, msg.control, msg.controllen, rest.substr(0, control_size));
  out = put_num(put(out, ", msg_controllen="), msg.controllen);
  out = put_flags(put(out, ", msg_flags="), msg.flags, kMsgFlags);
  return put(out, "}");
}

// sendmmsg's and recvmmsg's array (an ELEM_MMSG blob at addr): the first shown elements,
// at most strace's 32, each {msg_hdr={...}, msg_len=8} with msg_len for the first with_len;
// recv: each element's data no more than its msg_len. An element not kept (unreadable) ends
// the array with where it is, as strace ends it.
char* put_mmsgs(char* out, std::string_view bytes, uint64_t addr, uint64_t shown,
                uint64_t with_len, bool recv) noexcept {
  constexpr uint64_t kShown = 32, kMmsghdr = sizeof(Msghdr) + 8;
  mmsg_head head;
  if (!load_at(bytes, 0, &head) || (shown && !head.kept)) return put_hex(out, addr);
  size_t at = sizeof(head);
  *out++ = '[';
  for (uint64_t k = 0; k < shown; ++k) {
    if (k) out = put(out, ", ");
    if (k >= kShown) {
      out = put(out, "...");
      break;
    }
    mmsg_item item;
    if (k >= head.kept || !load_at(bytes, at, &item) ||
        bytes.size() - at - sizeof(item) < item.size) {
      out = put(put_hex(put(out, "... /* "), addr + k * kMmsghdr), " */");
      break;
    }
    out = put_msghdr(put(out, "{msg_hdr="), bytes.substr(at + sizeof(item), item.size), nullptr,
                     recv ? static_cast<int64_t>(item.msg_len) : -1);
    if (k < with_len) out = put_num(put(out, ", msg_len="), item.msg_len);
    *out++ = '}';
    at += sizeof(item) + item.size;
  }
  return put(out, "]");
}

// One struct epoll_event (12 bytes, packed), as strace's print_epoll_event: the events, and
// the data both as the u32 and as the u64 it may be.
char* put_epoll_event(char* out, const char* p) noexcept {
  uint32_t events;
  uint64_t data;
  std::memcpy(&events, p, sizeof(events));
  std::memcpy(&data, p + sizeof(events), sizeof(data));
  out = put_flag_set(put(out, "{events="), events, uapi::k_epoll_events, "EPOLL???");
  out = put_num(put(out, ", data={u32="), static_cast<uint32_t>(data));
  return put(put_num(put(out, ", u64="), data), "}}");
}

// poll's array: [{fd=3, events=POLLIN}, ...], each fd with what it names under -y; "..."
// where it was cut.
char* put_pollfds(char* out, uint64_t addr, uint32_t nfds, std::string_view bytes,
                  const Strings& items) noexcept {
  // The elements of the count the kernel reads (its low 32 bits), as many as were kept: 32,
  // then "...", as strace's print_array; where they ran into unreadable memory, its address.
  return put_array(out, addr, nfds, sizeof(pollfd), bytes, [&](char* o, const char* at) {
    pollfd p;
    std::memcpy(&p, at, sizeof(p));
    o = put_num(put(o, "{fd="), p.fd);
    o = put_fd_suffix(o, items, ITEM_ARG_ELEM + static_cast<unsigned>((at - bytes.data()) /
                                                                       sizeof(pollfd)));
    if (p.fd >= 0)  // the kernel ignores a negative fd's events, and strace leaves them out
      o = put_flags(put(o, ", events="), static_cast<uint16_t>(p.events), uapi::k_poll_events);
    return put(o, "}");
  });
}

}  // namespace

namespace {

// select's sets as strace writes them: the fds whose bits are set, [3 4], with what they
// name under -y (items, for fds below 64) if given.
char* put_fd_set(char* out, std::string_view bytes, const Strings* items = nullptr) noexcept {
  *out++ = '[';
  bool first = true;
  for (size_t i = 0; i < bytes.size() * 8; ++i) {
    if (!(static_cast<uint8_t>(bytes[i / 8]) & (1u << (i % 8)))) continue;
    if (!first) *out++ = ' ';
    first = false;
    out = put_num(out, i);
    if (items && i < 64) out = put_fd_suffix(out, *items, ITEM_ARG_FD + static_cast<unsigned>(i));
  }
  *out++ = ']';
  return out;
}

// After select's result: (in [3], out [4], left {...}) of the sets and time it returned, or
// (Timeout).
char* put_select_result(char* out, const SyscallInfo& info, const Event& e,
                        const Strings& items) noexcept {
  if (e.ret == 0) return put(out, " (Timeout)");
  static constexpr std::string_view kSets[] = {"in", "out"};
  bool first = true;
  auto part = [&](std::string_view name) {
    out = put(put(put(out, first ? " (" : ", "), name), " ");
    first = false;
  };
  for (unsigned i = 1; i <= 2; ++i) {
    const std::string_view* set = items.find_exit_blob(i);
    if (!set || set->find_first_not_of('\0') == std::string_view::npos) continue;
    part(kSets[i - 1]);
    out = put_fd_set(out, *set);
  }
  const std::string_view* left = info.nargs > 4 ? items.find_exit_blob(4) : nullptr;
  if (left) {
    part("left");
    out = info.args[4] == Arg::kTimevalLeft ? put_timeval(out, *left) : put_timespec(out, *left);
  }
  return first ? out : put(out, ")");
}

}  // namespace

bool is_io_arg(Arg type) noexcept {
  switch (type) {
    case Arg::kIovecIn: case Arg::kIovecOut: case Arg::kMsghdrIn: case Arg::kMsghdrOut:
    case Arg::kMmsgSend: case Arg::kMmsgRecv: case Arg::kPollFds: case Arg::kIntPair: case Arg::kSockaddrOut: case Arg::kSocklen:
    case Arg::kFdSet: case Arg::kFdSetEntry: case Arg::kTimespecLeft: case Arg::kTimevalLeft:
    case Arg::kPselectSig: case Arg::kEpollEventIn: case Arg::kEpollEvents:
      return true;
    default:
      return false;
  }
}

char* put_iovec_blob(char* out, std::string_view bytes, bool with_data, uint64_t addr,
                     int64_t budget) noexcept {
  return put_iovec_bytes(out, bytes, with_data, budget, addr);
}

char* put_io_arg(char* out, Arg type, const Event& e, const Strings& items, unsigned i) noexcept {
  uint64_t v = e.args[i];
  if (!v) return put(out, "NULL");  // no array or struct, whatever was captured there
  bool truncated = false;
  const std::string_view* bytes = items.find_blob(i, &truncated);
  bool returned = (e.flags & EVENT_HAS_RET) && !is_error(e.ret);
  switch (type) {
    case Arg::kIovecIn:
      if (bytes) return put_iovec_bytes(out, *bytes, true, -1, v);
      break;
    case Arg::kIovecOut:
      // readv's elements: their data if it returned, else where they were.
      if (bytes) return put_iovec_bytes(out, *bytes, returned, returned ? e.ret : -1, v);
      break;
    case Arg::kMsghdrIn: {
      socket_item sock;
      if (bytes) return put_msghdr(out, *bytes, nullptr, -1, netlink_socket(items, &sock));
      break;
    }
    case Arg::kMsghdrOut: {
      const std::string_view* filled = items.find_exit_blob(i);
      socket_item sock;
      if (filled && returned)
        return put_msghdr(out, *filled, bytes, e.ret, netlink_socket(items, &sock));
      Msghdr given;  // failed: the name's room it was given, as strace shows it
      if ((e.flags & EVENT_HAS_RET) && is_error(e.ret) && bytes && load_at(*bytes, 0, &given))
        return put(put_num(put(out, "{msg_namelen="), static_cast<int32_t>(given.namelen)), "}");
      break;
    }
    case Arg::kMmsgSend: case Arg::kMmsgRecv: {
      // sendmmsg's whole vector, failed or not; recvmmsg's as many as it returned.
      const std::string_view* vec = items.find_exit_blob(i);
      bool recv = type == Arg::kMmsgRecv;
      if (!vec || (recv && !returned)) break;
      uint64_t sent = returned ? static_cast<uint64_t>(e.ret) : 0;
      return put_mmsgs(out, *vec, v, recv ? sent : static_cast<uint32_t>(e.args[i + 1]), sent,
                       recv);
    }
    case Arg::kEpollEventIn:  // EPOLL_CTL_DEL reads none: its address, as strace shows it
      if (bytes && bytes->size() == sizeof(epoll_event) &&
          static_cast<uint32_t>(e.args[1]) != EPOLL_CTL_DEL)
        return put_epoll_event(out, bytes->data());
      break;
    case Arg::kEpollEvents:  // as many as it returned; a failed call's array, its address
      // (-e verbose= without the call reads no elements: [] still, else the address)
      if (returned)
        return put_array(out, v, static_cast<uint64_t>(e.ret), sizeof(epoll_event),
                         bytes && display().verbose ? *bytes : std::string_view(),
                         put_epoll_event);
      break;
    case Arg::kPollFds:
      if (bytes && i + 1 < 6)
        return put_pollfds(out, v, static_cast<uint32_t>(e.args[i + 1]), *bytes, items);
      break;
    case Arg::kSockaddrOut: {
      // What the call filled, as long as it said and no longer than the room it was given,
      // as strace reads it: the pointer where that is shorter than a family or unreadable (a
      // length larger than the room may have left only the bytes to the end of the page).
      const std::string_view* filled = items.find_exit_blob(i);
      if (!filled || !returned || i + 1 >= 6) break;
      const std::string_view* given = items.find_blob(i + 1, &truncated);
      const std::string_view* got = items.find_exit_blob(i + 1);
      int32_t given_len, got_len;
      size_t want = filled->size();
      if (got && load_at(*got, 0, &got_len) && got_len >= 0)
        want = std::min<size_t>(static_cast<size_t>(got_len), sizeof(sockaddr_storage));
      if (given && load_at(*given, 0, &given_len) && given_len >= 0)
        want = std::min(want, static_cast<size_t>(given_len));
      if (want < sizeof(sa_family_t) || filled->size() < want) break;
      std::string_view addr = filled->substr(0, want);
      filled = &addr;
      // An unnamed AF_UNIX socket's address is its family alone, as strace writes it.
      if (filled->size() <= sizeof(sa_family_t) && filled->size() >= 2 &&
          static_cast<uint8_t>((*filled)[0]) == AF_UNIX && (*filled)[1] == 0)
        return put(out, "{sa_family=AF_UNIX}");
      return put_sockaddr(out, *filled);
    }
    case Arg::kSocklen: {  // [16]: the length given, and " => 16" when the call changed it
      int32_t given, got;  // signed, as strace shows them: [-1]
      const std::string_view* after = items.find_exit_blob(i);
      if (!bytes || !load_at(*bytes, 0, &given)) break;
      out = put_num(put(out, "["), given);
      if (returned && after && load_at(*after, 0, &got) && got != given)
        out = put_num(put(out, " => "), got);
      return put(out, "]");
    }
    case Arg::kFdSet:
    case Arg::kFdSetEntry:  // no fds to read for nfds <= 0: the address, as strace shows it
      if (bytes && static_cast<int32_t>(e.args[0]) > 0) return put_fd_set(out, *bytes, &items);
      break;
    case Arg::kTimespecLeft:
      if (bytes) return put_timespec(out, *bytes);
      break;
    case Arg::kTimevalLeft:
      if (bytes) return put_timeval(out, *bytes);
      break;
    case Arg::kPselectSig: {  // the set when it was read, else its address
      uint64_t sig[3];
      if (!bytes || !load_at(*bytes, 0, &sig[0]) || !load_at(*bytes, 8, &sig[1])) break;
      out = put(out, "{sigmask=");
      if (load_at(*bytes, 16, &sig[2]))
        out = put_sigset(out, sig[2]);
      else
        out = sig[0] ? put_hex(out, sig[0]) : put(out, "NULL");
      return put(put_num(put(out, ", sigsetsize="), sig[1]), "}");
    }
    case Arg::kIntPair:  // pipe's fds, with what they name under -y
      if (bytes && returned && bytes->size() == 8) {
        int32_t fds[2];
        std::memcpy(fds, bytes->data(), sizeof(fds));
        out = put_fd_suffix(put_num(put(out, "["), fds[0]), items, ITEM_ARG_PAIR);
        out = put_fd_suffix(put_num(put(out, ", "), fds[1]), items, ITEM_ARG_PAIR + 1);
        return put(out, "]");
      }
      if (bytes && returned) return put_int_pair(out, *bytes);
      break;
    default:
      break;
  }
  return put_addr(out, v);
}

char* put_result_detail(char* out, const SyscallInfo& info, const Event& e,
                        const Strings& items) noexcept {
  if (!(e.flags & EVENT_HAS_RET) || is_error(e.ret) || info.nargs < 2) return out;
  if (info.args[1] == Arg::kFdSet) return put_select_result(out, info, e, items);
  if (info.args[1] == Arg::kIoctlCmd) return put_ioctl_result(out, e);
  if (info.nargs > 4 && info.args[4] == Arg::kTimespecLeft) {  // recvmmsg: the time left
    if (e.ret == 0) return put(out, " (Timeout)");
    const std::string_view* left = e.args[4] ? items.find_exit_blob(4) : nullptr;
    return left ? put(put_timespec(put(out, " (left "), *left), ")") : out;
  }
  if (info.args[0] != Arg::kPollFds) return out;
  if (e.ret == 0) return put(out, " (Timeout)");
  const std::string_view* bytes = items.find_exit_blob(0);
  if (!bytes) return out;
  // Only the fds with events, as strace shows them, of the count the kernel reads.
  out = put(out, " ([");
  bool first = true;
  size_t end = std::min<size_t>(bytes->size(),
                                size_t{static_cast<uint32_t>(e.args[1])} * sizeof(pollfd));
  for (size_t at = 0; at + sizeof(pollfd) <= end; at += sizeof(pollfd)) {
    pollfd p;
    std::memcpy(&p, bytes->data() + at, sizeof(p));
    if (!p.revents) continue;
    if (!first) out = put(out, ", ");
    first = false;
    out = put_num(put(out, "{fd="), p.fd);
    out = put_flags(put(out, ", revents="), static_cast<uint16_t>(p.revents),
                    uapi::k_poll_events);
    *out++ = '}';
  }
  out = put(out, "]");
  // ppoll: the time it had left.
  const std::string_view* left =
      info.nargs > 2 && info.args[2] == Arg::kTimespecLeft ? items.find_exit_blob(2) : nullptr;
  if (left) out = put_timespec(put(out, ", left "), *left);
  return put(out, ")");
}

}  // namespace observer
