// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "decode.h"

#include <fcntl.h>
#include <linux/fs.h>
#include <linux/mman.h>
#include <time.h>

#include <cstring>
#include <utility>

#include "decode_io.h"
#include "decode_printers.h"
#include "decode_structs.h"
#include "text.h"

namespace observer {

namespace {

using namespace text;

char* put_dec(char* out, int64_t v) noexcept { return put_num(out, v); }
char* put_udec(char* out, uint64_t v) noexcept { return put_num(out, v); }

// Buffers and structs: decoded from the captured bytes, or the pointer when there are none.
char* put_captured(char* out, Arg type, uint64_t v, const Strings& items, unsigned i) {
  bool truncated = false;
  const std::string_view* bytes = items.find_blob(i, &truncated);
  if (!bytes || !v) return put_addr(out, v);
  switch (type) {
    case Arg::kBufIn:
    case Arg::kBufOut:
    case Arg::kBufOutBefore:
    case Arg::kSockBufIn:  // a socket's data that is not netlink messages
    case Arg::kSockBufOut: {
      // Kept whole for a dump (-e read=/write=), shown as --data-limit says.
      uint32_t limit = display().data_limit;
      if (limit && bytes->size() > limit) return put_quoted(out, bytes->substr(0, limit), true);
      return put_quoted(out, *bytes, truncated);
    }
    case Arg::kBufInHex:
      return put_hex_quoted(out, *bytes, truncated);
    case Arg::kCwd:
      return put_c_string(out, *bytes);
    case Arg::kStat:
      return put_stat(out, *bytes);
    case Arg::kStat64:
      return put_stat64(out, *bytes);
    case Arg::kStatx:
      return put_statx(out, *bytes);
    case Arg::kSigactionIn:
    case Arg::kSigactionOut:
      return put_sigaction(out, *bytes);
    case Arg::kSigsetIn:
    case Arg::kSigsetOut:
      return put_sigset_bytes(out, *bytes);
    case Arg::kRlimitIn:
    case Arg::kRlimitOut:
      return put_rlimit(out, *bytes);
    case Arg::kSockaddrIn:
      return put_sockaddr(out, *bytes);
    case Arg::kWaitStatus:
      return put_wait_status(out, *bytes);
    case Arg::kUidOut: {
      uint32_t id;
      if (bytes->size() != sizeof(id)) return put_hex(out, v);
      std::memcpy(&id, bytes->data(), sizeof(id));
      out = put(out, "[");  // strace's printuid: -1 as -1
      out = id == UINT32_MAX ? put(out, "-1") : put_udec(out, id);
      return put(out, "]");
    }
    case Arg::kTimespecIn:
    case Arg::kTimespecOut:
      return put_timespec(out, *bytes);
    case Arg::kUtsname:
      return put_utsname(out, *bytes);
    case Arg::kSysinfo:
      return put_sysinfo(out, *bytes);
    case Arg::kTimex:
      return put_timex(out, *bytes);
    case Arg::kArgv:
      return put_argv(out, *bytes);
    case Arg::kEnvp:
      // Captured as strings too (strace -v): its number follows them.
      if (const std::string_view* count = items.find_item(ITEM_COUNT, i))
        return display().abbrev ? put_envp(out, v, *count) : put_argv(out, *bytes);
      return put_envp(out, v, *bytes);
    case Arg::kDirents:  // more than the blob holds: the kernel counted them
      return put_dirents(out, v, *bytes, truncated, items.find_item(ITEM_COUNT, i));
    case Arg::kCloneArgs: {
      // Cut at the struct: the size said more, all of it read apart (nullptr: unreadable).
      const std::string_view* whole = nullptr;
      for (unsigned k = 0; truncated && k < items.count; ++k)
        if (items.arg[k] == i && items.kind[k] == ITEM_BLOB && items.value[k].size() > bytes->size())
          whole = &items.value[k];
      return put_clone3(out, v, *bytes, items.find_exit_blob(i), truncated, whole);
    }
    case Arg::kCpuSetOut:
      return put_cpu_set(out, *bytes);
    case Arg::kStackIn:
    case Arg::kStackOut:
      return put_stack(out, *bytes);
    case Arg::kUtimes:
      return put_utimes(out, *bytes);
    case Arg::kStatfs:
      return put_statfs(out, *bytes);
    case Arg::kRusageOut:
      return put_rusage(out, *bytes);
    case Arg::kSiginfoOut:
      return put_siginfo_out(out, *bytes);
    case Arg::kSiginfoIn:
      return put_siginfo(out, *bytes);
    case Arg::kTimespecRem:  // read only when the sleep was interrupted
      return put_timespec(out, *bytes);
    case Arg::kItimerspecIn:
    case Arg::kItimerspecOut:
      return put_itimerspec(out, *bytes);
    case Arg::kItimervalIn:
    case Arg::kItimervalOut:
      return put_itimerval(out, *bytes);
    default:
      return put_hex(out, v);
  }
}

// A signal set strace shows as its address for the size after it: one a set given to the
// kernel must be whole (8 bytes), one it fills may be shorter (rt_sigpending), not empty.
bool sigset_unsized(const SyscallInfo& info, const Event& e, unsigned i) {
  if (info.args[i] != Arg::kSigsetIn && info.args[i] != Arg::kSigsetOut) return false;
  for (unsigned j = i + 1; j < info.nargs; ++j) {
    if (info.args[j] != Arg::kUint) continue;
    uint64_t size = e.args[j];
    return info.args[i] == Arg::kSigsetIn ? size != sizeof(uint64_t)
                                          : size == 0 || size > sizeof(uint64_t);
  }
  return false;
}

// strace's -e verbose=: outside the set, the structures and arrays a call reads or fills
// show as their address (its data buffers and strings do not).
bool by_address(Arg type) noexcept {
  if (display().verbose) return false;
  switch (type) {
    case Arg::kStat: case Arg::kStat64: case Arg::kStatx: case Arg::kIntPair: case Arg::kArgv:
    case Arg::kEnvp: case Arg::kRlimitIn: case Arg::kRlimitOut: case Arg::kSigactionIn:
    case Arg::kSigactionOut: case Arg::kSigsetIn: case Arg::kSigsetOut: case Arg::kWaitStatus:
    case Arg::kUidOut:
    case Arg::kTimespecIn: case Arg::kTimespecOut: case Arg::kTimespecRem:
    case Arg::kTimevalLeft: case Arg::kRusageOut: case Arg::kSiginfoOut: case Arg::kSiginfoIn:
    case Arg::kItimerspecIn: case Arg::kItimerspecOut: case Arg::kItimervalIn:
    case Arg::kItimervalOut: case Arg::kSocklen: case Arg::kIovecIn: case Arg::kIovecOut:
    case Arg::kMsghdrIn: case Arg::kMsghdrOut: case Arg::kEpollEventIn: case Arg::kTimex:
      return true;
    default:
      return is_net_value(type);
  }
}

}  // namespace

char* put_arg(char* out, Arg type, uint64_t v, const Strings& items, unsigned i,
              const __u64* args) noexcept {
  auto sv = static_cast<int64_t>(v);
  auto si = static_cast<int32_t>(v);
  bool truncated = false;
  const std::string_view* str = items.find(i, &truncated);
  switch (type) {
    case Arg::kHex:
      return put_hex(out, v);
    case Arg::kInt:  // C int: 32 bits, as the kernel reads it
      return put_dec(out, si);
    case Arg::kLong:
      return put_dec(out, sv);
    case Arg::kUint:
      return put_udec(out, v);
    case Arg::kUint32:
      return put_udec(out, static_cast<uint32_t>(v));
    case Arg::kUid:  // strace's printuid
      return static_cast<uint32_t>(v) == UINT32_MAX ? put(out, "-1")
                                                   : put_udec(out, static_cast<uint32_t>(v));
    case Arg::kPtr:
    case Arg::kRawPtr:
      return put_addr(out, v);
    case Arg::kRawFlags:
      return put_hex(out, v);
    case Arg::kRawEnum:
      return put_dec(out, si);
    case Arg::kFd:
      return put_fd_suffix(put_dec(out, si), items, i);
    case Arg::kDirFd:
      out = si != AT_FDCWD ? put_dec(out, si)
                           : put_xlat(out, [si](char* o) { return put_dec(o, si); },
                                      [](char* o) { return put(o, "AT_FDCWD"); });
      return put_fd_suffix(out, items, i);
    case Arg::kPath:
    case Arg::kStr:
      if (!v) return put(out, "NULL");  // a string read at NULL has no bytes, not ""
      if (str) {
        // --absolute: a relative path from the directory it was resolved in.
        const std::string_view* base = items.find_item(ITEM_BASE, i);
        return base ? put_absolute(out, *base, *str, truncated)
                    : put_quoted(out, *str, truncated);
      }
      return put_hex(out, v);
    default:
      break;
  }
  if (char* end = put_fs_arg(out, type, v)) return end;
  if (char* end = put_mem_arg(out, type, v)) return end;
  if (char* end = put_net_arg(out, type, v, args)) return end;
  if (char* end = put_process_arg(out, type, v)) return end;
  if (char* end = put_mux_arg(out, type, v)) return end;
  if (char* end = put_sys_arg(out, type, v, args)) return end;
  if (char* end = put_sys_pointee(out, type, v, items, i, args)) return end;
  return put_captured(out, type, v, items, i);
}

const std::string_view* Strings::find_blob(unsigned a, bool* truncated_out) const noexcept {
  for (unsigned i = 0; i < count; ++i) {
    if (arg[i] == a && kind[i] == ITEM_BLOB) {
      *truncated_out = truncated & STRING_TRUNCATED(i);
      return &value[i];
    }
  }
  return nullptr;
}

const std::string_view* Strings::find_exit_blob(unsigned a) const noexcept {
  for (unsigned i = 0; i < count; ++i)
    if (arg[i] == a && kind[i] == ITEM_BLOB && (at_exit & (1u << i))) return &value[i];
  return nullptr;
}

const std::string_view* Strings::find_item(uint8_t k, unsigned a) const noexcept {
  for (unsigned i = 0; i < count; ++i)
    if (arg[i] == a && kind[i] == k) return &value[i];
  return nullptr;
}

const std::string_view* Strings::find(unsigned a, bool* truncated_out) const noexcept {
  for (unsigned i = 0; i < count; ++i) {
    if (arg[i] == a && kind[i] == ITEM_STRING) {
      *truncated_out = truncated & STRING_TRUNCATED(i);
      return &value[i];
    }
  }
  return nullptr;
}

Strings parse_strings(const void* record, uint32_t size) noexcept {
  Strings s;
  const auto* e = static_cast<const Event*>(record);
  constexpr size_t kHead = sizeof(Event) + sizeof(string_tail);
  if (!(e->flags & EVENT_HAS_STRINGS) || size < kHead) return s;
  string_tail tail;
  std::memcpy(&tail, static_cast<const char*>(record) + sizeof(Event), sizeof(tail));
  if (tail.count > MAX_ITEMS) return s;
  const char* data = static_cast<const char*>(record) + kHead;
  size_t offset = 0;
  for (unsigned i = 0; i < tail.count; ++i) {
    if (kHead + offset + tail.len[i] > size || tail.kind[i] > ITEM_MAP_RANGES ||  // the last kind
        (tail.arg[i] > ITEM_ARG_POINTED && tail.arg[i] < ITEM_ARG_ELEM) ||
        (tail.arg[i] >= ITEM_ARG_ELEM + FD_ELEMS && tail.arg[i] < ITEM_ARG_FD) ||
        tail.arg[i] >= ITEM_ARG_FD + 64)
      return Strings{};
    s.value[i] = std::string_view(data + offset, tail.len[i]);
    s.arg[i] = tail.arg[i];
    s.kind[i] = tail.kind[i];
    offset += tail.len[i];
  }
  s.count = tail.count;
  s.truncated = tail.truncated;
  s.at_exit = tail.at_exit;
  return s;
}

namespace {

// The kernel's restart codes (include/linux/errno.h): a syscall interrupted by a signal
// returns one of them at its exit, before the signal's delivery turns it into EINTR or a
// restart. strace shows them with these words.
struct Restart {
  int code;
  std::string_view name, text;
};
constexpr Restart kRestarts[] = {
    {512, "ERESTARTSYS", "To be restarted if SA_RESTART is set"},
    {513, "ERESTARTNOINTR", "To be restarted"},
    {514, "ERESTARTNOHAND", "To be restarted if no handler"},
    {516, "ERESTART_RESTARTBLOCK", "Interrupted by signal"},
};

const Restart* restart(int err) {
  for (const Restart& r : kRestarts)
    if (r.code == err) return &r;
  return nullptr;
}

}  // namespace

std::string_view errno_symbol(int err) noexcept {
  if (const Restart* r = restart(err)) return r->name;
  const char* name = strerrorname_np(err);
  return name ? name : "";
}

std::string_view errno_description(int err) noexcept {
  if (const Restart* r = restart(err)) return r->text;
  const char* text = strerrordesc_np(err);
  return text ? text : "";
}

namespace text {

namespace {
thread_local Display t_display;
}  // namespace

const Display& display() noexcept { return t_display; }

NamesOnly::NamesOnly() noexcept : saved_(std::exchange(t_display.xlat, Xlat::kAbbrev)) {}

NamesOnly::~NamesOnly() { t_display.xlat = saved_; }

}  // namespace text

DisplayScope::DisplayScope(const text::Display& display) noexcept
    : saved_(std::exchange(text::t_display, display)) {}

DisplayScope::~DisplayScope() { text::t_display = saved_; }

char* quote_string(char* out, std::string_view value, bool truncated) noexcept {
  return put_quoted(out, value, truncated);
}

namespace {

// The arguments strace writes at a call's entry: its row's count, or those before the first
// one the call fills (read's buffer, wait4's status, accept's address), which it writes at
// the exit. A call whose exit is not seen ends there, and a call whose entry is not seen
// starts there.
unsigned entry_args(const SyscallInfo* info, unsigned nargs) {
  if (!info) return nargs;
  if (info->entry != kEntryByTypes) return nargs < info->entry ? nargs : info->entry;
  for (unsigned i = 0; i < nargs; ++i) {
    switch (info->args[i]) {
      case Arg::kBufIn: case Arg::kSockBufIn: case Arg::kCwd: case Arg::kStat: case Arg::kStat64: case Arg::kStatx:
      case Arg::kSigactionOut: case Arg::kSigsetOut: case Arg::kRlimitOut: case Arg::kIntPair:
      case Arg::kWaitStatus: case Arg::kTimespecOut: case Arg::kUtsname: case Arg::kDirents:
      case Arg::kIovecOut: case Arg::kMsghdrOut: case Arg::kSockaddrOut: case Arg::kSocklen:
      case Arg::kSysinfo: case Arg::kBufInHex: case Arg::kCpuSetOut: case Arg::kStackOut:
      case Arg::kStatfs: case Arg::kGroupsOut: case Arg::kSockoptOut: case Arg::kRusageOut:
      case Arg::kSiginfoOut: case Arg::kTimespecRem: case Arg::kItimerspecOut:
      case Arg::kItimervalOut: case Arg::kMmsgSend: case Arg::kMmsgRecv: case Arg::kUidOut:
      case Arg::kUintOut: case Arg::kSchedParamOut: case Arg::kMincoreVec: case Arg::kSchedAttrOut:
      case Arg::kMqAttrOut: case Arg::kMpolModeOut: case Arg::kNodemaskOut:
      case Arg::kPageStatusOut: case Arg::kXattrValOut: case Arg::kXattrList:
      case Arg::kTimevalOut: case Arg::kTimezoneOut: case Arg::kMsgbufOut: case Arg::kPtrOut:
      case Arg::kUlongOut: case Arg::kIoEventOut: case Arg::kIoEvents: case Arg::kEpollEvents:
      case Arg::kTimex:
        return i;
      default:
        break;
    }
  }
  return nargs;
}

// Whether adjtimex's struct timex was shown (its state follows only then, as strace's does):
// read, and not by address under -e verbose=.
bool timex_shown(const SyscallInfo& info, const Event& e, const Strings& strings) {
  unsigned i = info.args[0] == Arg::kTimex ? 0 : 1;
  bool cut = false;
  return e.args[i] && strings.find_blob(i, &cut) && display().verbose;
}

}  // namespace

char* format_call(char* out, const Event& raw, const Strings& strings, size_t column,
                  CallPart part) noexcept {
  const char* begin = out;
  // A 32-bit call is named and typed by the i386 table.
  bool compat = raw.flags & EVENT_COMPAT;
  std::string_view name = compat ? compat_syscall_name(raw.nr) : syscall_name(raw.nr);
  const SyscallInfo* info = compat ? compat_syscall_info(raw.nr) : syscall_info(raw.nr);
  // Every argument as the kernel reads it: the low bits its declaration types.
  Event narrowed = raw;
  if (info)
    for (unsigned i = 0; i < 6; ++i) narrowed.args[i] = narrow(raw.args[i], info->widths[i]);
  const Event& e = narrowed;
  bool unfinished = (e.flags & EVENT_UNFINISHED) || part == CallPart::kEntry;
  bool resumed = (e.flags & EVENT_RESUMED) || part == CallPart::kExit;
  if (resumed) out = put(out, "<... ");
  if (name.empty()) {
    out = put(out, "syscall_");
    out = put_dec(out, e.nr);
  } else {
    out = put(out, name);
  }
  out = resumed ? put(out, " resumed>") : put(out, "(");
  Decoder decoder = info ? info->decoder : Decoder::kNone;
  bool fcntl = decoder == Decoder::kFcntl;
  unsigned nargs = info ? info->nargs : 6;
  unsigned first = resumed ? entry_args(info, nargs) : 0;
  unsigned last = unfinished ? entry_args(info, nargs) : nargs;
  if (display().raw) {
    // strace's -e raw=: the arguments as the numbers they are.
    for (unsigned i = first; i < last; ++i) out = put_hex(i > first ? put(out, ", ") : out, e.args[i]);
    if (unfinished && last > 0 && last < nargs) out = put(out, ", ");
  } else if (decoder == Decoder::kFutex && !resumed) {
    out = put_futex_call(out, e, strings);
  } else if (decoder == Decoder::kClone && !resumed) {
    out = put_clone_call(out, e);
  } else if (char* end = resumed ? nullptr : put_mux_call(out, decoder, e, strings)) {
    out = end;
  } else if (decoder == Decoder::kSigreturn && !resumed && !compat) {
    // The mask it restores ({mask=[]}), when it was read from the signal frame.
    bool cut = false;
    if (const std::string_view* mask = strings.find_blob(0, &cut))
      out = put(put_sigset_bytes(put(out, "{mask="), *mask), "}");
  } else {
    for (unsigned i = first; i < last; ++i) {
      // Like strace, open's mode only when the flags can create a file.
      if (info && info->args[i] == Arg::kMode && i > 0 && info->args[i - 1] == Arg::kOpenFlags &&
          !(e.args[i - 1] & (O_CREAT | (O_TMPFILE & ~O_DIRECTORY))))  // the kernel's __O_TMPFILE
        break;
      // mremap's new address only when the flags move the mapping there.
      if (info && i > 0 && info->args[i - 1] == Arg::kMremapFlags &&
          (e.args[i - 1] & (MREMAP_MAYMOVE | MREMAP_FIXED)) != (MREMAP_MAYMOVE | MREMAP_FIXED))
        break;
      // mknod's device only for a device's mode.
      if (info && i > 0 && info->args[i] == Arg::kDev && !is_device_mode(e.args[i - 1])) break;
      // FIOCLEX, RTC_AIE_ON and others take no argument.
      if (info && info->args[i - (i > 0)] == Arg::kIoctlCmd && i == 2 &&
          ioctl_without_arg(static_cast<uint32_t>(e.args[1])))
        break;
      if (fcntl && i == 2 && fcntl_without_arg(static_cast<int32_t>(e.args[1]))) break;
      if (info && i > 0 && sys_args_end(info->args[i - 1], e.args[i - 1])) break;
      if (info && info->args[i] == Arg::kOffsetHigh) continue;
      if (i > first) out = put(out, ", ");
      if (fcntl && i == 2) {
        char* end = put_fcntl_struct(out, e, strings);
        if (end && !display().verbose) end = put_arg(out, Arg::kPtr, e.args[2], {}, i, e.args);
        out = end ? end : put_fcntl_arg(out, static_cast<int32_t>(e.args[1]), e.args[2]);
        continue;
      }
      if (info && i == 2 && info->args[1] == Arg::kIoctlCmd) {
        char* end = put_ioctl_pointee(out, e, strings);
        out = end ? end : put_ioctl_arg(out, static_cast<uint32_t>(e.args[1]), e.args[2]);
        continue;
      }
      // getgroups shows as many groups as it returned: [] when asked for the count only.
      if (info && info->args[i] == Arg::kGroupsOut && e.args[i] && (e.flags & EVENT_HAS_RET) &&
          !is_error(e.ret)) {
        bool cut = false;
        const std::string_view* gids = strings.find_blob(i, &cut);
        uint64_t count = e.args[0] ? static_cast<uint64_t>(e.ret) : 0;
        if (gids || count == 0) {
          out = put_gids(out, gids ? *gids : std::string_view(), count);
          continue;
        }
      }
      // wait4 with WNOHANG that found no child filled no status, nor its rusage; nor does
      // an absolute clock_nanosleep write the time left.
      bool unfilled = info && ((info->args[i] == Arg::kWaitStatus && e.ret == 0) ||
                               (info->args[i] == Arg::kRusageOut && i == 3 &&
                                info->args[1] == Arg::kWaitStatus && e.ret == 0) ||
                               (info->args[i] == Arg::kTimespecRem && i == 3 &&
                                info->args[1] == Arg::kTimerFlags && (e.args[1] & TIMER_ABSTIME)));
      // mount's file system type and data, where its flags leave them unread.
      unfilled = unfilled || (info && (i == 2 || i == 4) && nargs == 5 &&
                              info->args[3] == Arg::kMountFlags &&
                              mount_arg_unread(e.args[3], i));
      // epoll_pwait's timeout and sigmask, which strace reads at the exit: a failed call's
      // are their addresses.
      unfilled = unfilled || (info && info->args[1] == Arg::kEpollEvents &&
                              (info->args[i] == Arg::kTimespecIn ||
                               info->args[i] == Arg::kSigsetIn) &&
                              (!(e.flags & EVENT_HAS_RET) || is_error(e.ret)));
      if (unfilled || (info && by_address(info->args[i]))) {
        out = put_arg(out, Arg::kPtr, e.args[i], Strings{}, i, e.args);
        continue;
      }
      if (char* end = info ? put_netlink_arg(out, info->args[i], e, strings, i) : nullptr) {
        out = end;
        continue;
      }
      if (char* end = info ? put_aio_arg(out, info->args[i], e, strings, i) : nullptr) {
        out = display().verbose ? end : put_arg(out, Arg::kPtr, e.args[i], {}, i, e.args);
        continue;
      }
      if (char* end = info ? put_struct_arg(out, info->args[i], e, strings, i) : nullptr) {
        out = display().verbose ? end : put_arg(out, Arg::kPtr, e.args[i], {}, i, e.args);
        continue;
      }
      if (info && is_io_arg(info->args[i])) {
        out = put_io_arg(out, info->args[i], e, strings, i);
        continue;
      }
      if (info && is_net_value(info->args[i])) {
        out = put_net_value(out, info->args[i], e, strings, i);
        continue;
      }
      Arg type = info ? info->args[i] : Arg::kHex;
      if (info && sigset_unsized(*info, e, i)) type = Arg::kPtr;
      // i386's 16-bit ids (chown16's old_uid_t): -1 is 0xffff.
      if (type == Arg::kUid && info->widths[i] == Width::kU16 && e.args[i] == 0xffff) {
        out = put(out, "-1");
        continue;
      }
      // i386's long is 32 bits, and so is a long kind on an int.
      if (type == Arg::kLong && (compat || info->widths[i] == Width::kS32)) type = Arg::kInt;
      out = put_arg(out, type, e.args[i], strings, i, e.args);
    }
    // strace's "read(3, " before its marker: the arguments it writes at the exit follow.
    if (unfinished && last > 0 && last < nargs) out = put(out, ", ");
  }
  if (part == CallPart::kEntry) return put(out, " <unfinished ...>");
  if (unfinished)
    return put(out, (e.flags & EVENT_DETACHED) ? " <detached ...>" : " <unfinished ...>) = ?");
  // strace's -a 40: the result starts at column 40 when the call is shorter.
  out = put(out, ") ");
  size_t at = column + static_cast<size_t>(out - begin);
  if (at < kResultColumn) {
    std::memset(out, ' ', kResultColumn - at);
    out += kResultColumn - at;
  }
  out = put(out, "= ");
  if (!(e.flags & EVENT_HAS_RET)) return put(out, "?");
  if (is_error(e.ret)) {
    int err = static_cast<int>(-e.ret);
    std::string_view ename = errno_symbol(err);
    // A restart code is not the call's result yet: strace writes "? ERESTARTSYS (...)".
    out = put(out, restart(err) ? "? " : "-1 ");
    if (ename.empty()) return put_dec(put(out, "errno "), err);
    out = put(out, ename);
    return put(put(put(out, " ("), errno_description(err)), ")");
  }
  if ((info && info->ret == Ret::kHex) || display().raw)
    return put_hex(out, static_cast<uint64_t>(e.ret));
  if (info && info->ret == Ret::kOctal) return put_mode(out, static_cast<uint64_t>(e.ret));
  if (fcntl) {
    if (char* end = put_fcntl_result(out, static_cast<int32_t>(e.args[1]), e.ret)) return end;
  }
  if (char* end = put_mux_result(out, decoder, e)) return end;
  if (info && (info->ret != Ret::kAdjtimex || timex_shown(*info, e, strings))) {
    if (char* end = put_sys_result(out, info->ret, e)) return end;
  }
  out = put_fd_suffix(put_dec(out, e.ret), strings, ITEM_ARG_RET);
  return info ? put_result_detail(out, *info, e, strings) : out;
}

}  // namespace observer
