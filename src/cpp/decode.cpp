// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "decode.h"

#include <fcntl.h>
#include <linux/fs.h>
#include <linux/futex.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sched.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <charconv>
#include <cstring>

#include "decode_io.h"
#include "decode_structs.h"
#include "text.h"
#include "uapi_consts.h"

namespace observer {

namespace {

using namespace text;

char* put_dec(char* out, int64_t v) noexcept { return put_num(out, v); }
char* put_udec(char* out, uint64_t v) noexcept { return put_num(out, v); }

char* put_open_flags(char* out, uint64_t v) {
  static constexpr std::string_view kAccess[] = {"O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"};
  out = put(out, kAccess[v & O_ACCMODE]);
  v &= ~static_cast<uint64_t>(O_ACCMODE);
  if (v) {
    *out++ = '|';
    out = put_flags(out, v, uapi::k_open_flags);
  }
  return out;
}

// R_OK and friends, AF_*, SOCK_* are the C library's (unistd.h, sys/socket.h): no uapi header
// defines them.
constexpr Flag kAccessFlags[] = {{R_OK, "R_OK"}, {W_OK, "W_OK"}, {X_OK, "X_OK"}};

char* put_futex_op(char* out, uint64_t v) {
  out = put_enum(out, static_cast<int64_t>(v & FUTEX_CMD_MASK), uapi::k_futex_ops);
  if (v & FUTEX_PRIVATE_FLAG) out = put(out, "_PRIVATE");
  if (v & FUTEX_CLOCK_REALTIME) out = put(out, "|FUTEX_CLOCK_REALTIME");
  return out;
}

constexpr Flag kFamilies[] = {{AF_UNIX, "AF_UNIX"},       {AF_INET, "AF_INET"},
                              {AF_INET6, "AF_INET6"},     {AF_NETLINK, "AF_NETLINK"},
                              {AF_PACKET, "AF_PACKET"},   {AF_UNSPEC, "AF_UNSPEC"}};

constexpr Flag kSockTypes[] = {{SOCK_STREAM, "SOCK_STREAM"}, {SOCK_DGRAM, "SOCK_DGRAM"},
                               {SOCK_RAW, "SOCK_RAW"},       {SOCK_SEQPACKET, "SOCK_SEQPACKET"},
                               {SOCK_RDM, "SOCK_RDM"},       {SOCK_PACKET, "SOCK_PACKET"}};

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

char* put_signal(char* out, int64_t sig) {
  std::string_view name = sig > 0 && sig <= 64 ? signal_name(static_cast<int>(sig)) : "";
  return name.empty() ? put_dec(out, sig) : put(out, name);
}

// strace's "%#03o": 000, 007, 022, 0644.
char* put_mode(char* out, uint64_t mode) {
  *out++ = '0';
  if (mode < 010) *out++ = '0';
  return std::to_chars(out, out + 24, mode, 8).ptr;
}

constexpr Flag kSockFlags[] = {{SOCK_CLOEXEC, "SOCK_CLOEXEC"}, {SOCK_NONBLOCK, "SOCK_NONBLOCK"}};

// EFD_* are the C library's (sys/eventfd.h): the uapi headers have them only since Linux 6.9.
constexpr Flag kEventfdFlags[] = {{1, "EFD_SEMAPHORE"}, {O_CLOEXEC, "EFD_CLOEXEC"},
                                  {O_NONBLOCK, "EFD_NONBLOCK"}};

// AT_STATX_SYNC_AS_STAT (0) is named, as strace does, before the other AT_ flags.
char* put_statx_flags(char* out, uint64_t v) {
  if ((v & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_AS_STAT) {
    out = put(out, "AT_STATX_SYNC_AS_STAT");
    if (v) *out++ = '|';
  }
  return v ? put_flags(out, v, uapi::k_at_flags) : out;
}

// A constant by every name of its value, as strace writes ioctl commands ("BTRFS_IOC_CLONE or
// FICLONE"); an unknown one as the number in hex and a comment.
template <size_t N>
char* put_named(char* out, int64_t v, const Flag (&values)[N], std::string_view unknown) {
  bool named = false;
  for (const Flag& f : values) {
    if (static_cast<int64_t>(f.value) != v) continue;
    out = put(named ? put(out, " or ") : out, f.name);
    named = true;
  }
  if (named) return out;
  return put(put(put(put_hex(out, static_cast<uint64_t>(v)), " /* "), unknown), " */");
}

// clone3's struct clone_args, with the fields strace shows for its flags.
char* put_clone3_args(char* out, std::string_view bytes) {
  struct {
    uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid,
        set_tid_size, cgroup;
  } a{};
  if (bytes.size() < 64 || bytes.size() > sizeof(a)) return put(out, "{...}");
  std::memcpy(&a, bytes.data(), bytes.size());
  out = put_flags(put(out, "{flags="), a.flags, uapi::k_clone_flags);
  if (a.flags & CLONE_PIDFD) out = put_hex(put(out, ", pidfd="), a.pidfd);
  if (a.flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
    out = put_hex(put(out, ", child_tid="), a.child_tid);
  if (a.flags & CLONE_PARENT_SETTID) out = put_hex(put(out, ", parent_tid="), a.parent_tid);
  out = put(out, ", exit_signal=");
  out = a.exit_signal ? put_signal(out, static_cast<int64_t>(a.exit_signal)) : put(out, "0");
  out = put(out, ", stack=");
  out = a.stack ? put_hex(out, a.stack) : put(out, "NULL");
  out = put_hex(put(out, ", stack_size="), a.stack_size);
  if (a.flags & CLONE_SETTLS) out = put_hex(put(out, ", tls="), a.tls);
  if (a.set_tid_size) {
    out = put_hex(put(out, ", set_tid="), a.set_tid);
    out = put_num(put(out, ", set_tid_size="), a.set_tid_size);
  }
  if (a.flags & 0x200000000ull) out = put_num(put(out, ", cgroup="), a.cgroup);  // INTO_CGROUP
  return put(out, "}");
}

// What clone3 wrote (ELEM_CLONE_OUT): " => {pidfd=[3], parent_tid=[1234]}", as strace shows
// them after the struct; nothing if it wrote neither.
char* put_clone3_wrote(char* out, const std::string_view* wrote) {
  int32_t v[2];
  if (!wrote || wrote->size() != sizeof(v)) return out;
  std::memcpy(v, wrote->data(), sizeof(v));
  if (v[0] < 0 && v[1] < 0) return out;
  out = put(out, " => {");
  if (v[0] >= 0) out = put(put_dec(put(out, "pidfd=["), v[0]), "]");
  if (v[1] >= 0) {
    out = put(out, v[0] >= 0 ? ", parent_tid=[" : "parent_tid=[");
    out = put(put_dec(out, v[1]), "]");
  }
  return put(out, "}");
}

// Buffers and structs: decoded from the captured bytes, or the pointer when there are none.
char* put_captured(char* out, Arg type, uint64_t v, const Strings& items, unsigned i) {
  bool truncated = false;
  const std::string_view* bytes = items.find_blob(i, &truncated);
  if (!bytes || !v) return v ? put_hex(out, v) : put(out, "NULL");
  switch (type) {
    case Arg::kBufIn:
    case Arg::kBufOut:
      return put_quoted(out, *bytes, truncated);
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
    case Arg::kTimespecIn:
    case Arg::kTimespecOut:
      return put_timespec(out, *bytes);
    case Arg::kUtsname:
      return put_utsname(out, *bytes);
    case Arg::kSysinfo:
      return put_sysinfo(out, *bytes);
    case Arg::kArgv:
      return put_argv(out, *bytes);
    case Arg::kEnvp:
      return put_envp(out, v, *bytes);
    case Arg::kDirents:  // more than the blob holds: the kernel counted them
      return put_dirents(out, v, *bytes, truncated, items.find_item(ITEM_COUNT, i));
    case Arg::kCloneArgs:
      return put_clone3_wrote(put_clone3_args(out, *bytes), items.find_exit_blob(i));
    case Arg::kCpuSetOut:
      return put_cpu_set(out, *bytes);
    case Arg::kStackIn:
    case Arg::kStackOut:
      return put_stack(out, *bytes);
    case Arg::kUtimes:
      return put_utimes(out, *bytes);
    case Arg::kStatfs:
      return put_statfs(out, *bytes);
    default:
      return put_hex(out, v);
  }
}

char* put_arg(char* out, Arg type, uint64_t v, const Strings& items, unsigned i,
              const __u64* args) {
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
    case Arg::kPtr:
    case Arg::kRawPtr:
      return v ? put_hex(out, v) : put(out, "NULL");
    case Arg::kRawFlags:
      return put_hex(out, v);
    case Arg::kRawEnum:
      return put_dec(out, si);
    case Arg::kFd:
      return put_fd_suffix(put_dec(out, si), items, i);
    case Arg::kDirFd:
      out = si == AT_FDCWD ? put(out, "AT_FDCWD") : put_dec(out, si);
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
    case Arg::kOpenFlags:
      return put_open_flags(out, v);
    case Arg::kFdFlags:
      return put_flags(out, static_cast<uint32_t>(v), uapi::k_open_flags);
    case Arg::kMode:
      return put_mode(out, v);
    case Arg::kProt:
      return put_flags(out, v, uapi::k_prot, "PROT_NONE");
    case Arg::kMmapFlags:
      return put_flags(out, v, uapi::k_mmap_flags);
    case Arg::kAccess:
      return put_flags(out, v, kAccessFlags, "F_OK");
    case Arg::kAtFlags:
      return put_flags(out, v, uapi::k_at_flags);
    case Arg::kSignal:
      return put_signal(out, si);
    case Arg::kWhence:
      return put_enum(out, si, uapi::k_whence);
    case Arg::kCloneFlags: {
      // The low byte is the signal sent to the parent at exit, strace's "|SIGCHLD".
      uint64_t sig = v & 0xff;
      out = put_flags(out, v & ~uint64_t{0xff}, uapi::k_clone_flags);
      if (sig) out = put_signal(put(out, "|"), static_cast<int64_t>(sig));
      return out;
    }
    case Arg::kFcntlCmd:
      return put_enum(out, si, uapi::k_fcntl_cmds);
    case Arg::kSigHow:
      return put_enum(out, si, uapi::k_sighow);
    case Arg::kFutexOp:
      return put_futex_op(out, v);
    case Arg::kFamily:
      return put_enum(out, si, kFamilies);
    case Arg::kSockType:
      return put_sock_type(out, v);
    case Arg::kStatxMask:
      return put_statx_mask(out, v);
    case Arg::kStatxFlags:
      return put_statx_flags(out, v);
    case Arg::kRlimitResource:
      return put_enum(out, si, uapi::k_rlimits);
    case Arg::kArchPrctl:
      return put_named(out, si, uapi::k_arch_prctl, "ARCH_???");
    case Arg::kIoctlCmd:
      return put_named(out, static_cast<uint32_t>(v), uapi::k_ioctls, "_IOC_???");
    case Arg::kGrndFlags:
      return put_flags(out, v, uapi::k_grnd_flags);
    case Arg::kWaitOptions:
      return put_flags(out, static_cast<uint32_t>(v), uapi::k_wait_options);
    case Arg::kClockId:
      return put_enum(out, si, uapi::k_clocks);
    case Arg::kTimerFlags:
      return put_flags(out, v, uapi::k_timer_flags);
    case Arg::kFadvise:
      return put_enum(out, si, uapi::k_fadvise);
    case Arg::kSockProto: {
      // The protocol's names depend on the family (argument 0): IPPROTO_ for AF_INET(6).
      int family = static_cast<int32_t>(args[0]);
      if (family == AF_INET || family == AF_INET6) return put_enum(out, si, uapi::k_inet_protocols);
      return put_dec(out, si);
    }
    case Arg::kSockFlags:
      return put_flags(out, static_cast<uint32_t>(v), kSockFlags);
    case Arg::kRenameFlags:
      return put_flags(out, static_cast<uint32_t>(v), uapi::k_rename_flags);
    case Arg::kAccessAtFlags:
      return put_flags(out, static_cast<uint32_t>(v), uapi::k_access_at_flags);
    case Arg::kEpollFlags:
      return put_flags(out, static_cast<uint32_t>(v), uapi::k_epoll_flags);
    case Arg::kEventfdFlags:
      return put_flags(out, static_cast<uint32_t>(v), kEventfdFlags);
    case Arg::kMadvise:
      return put_enum(out, si, uapi::k_madvise);
    default:
      return put_captured(out, type, v, items, i);
  }
}

}  // namespace

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
    if (kHead + offset + tail.len[i] > size || tail.kind[i] > ITEM_COUNT ||  // the last kind
        (tail.arg[i] > ITEM_ARG_PAIR + 1 && tail.arg[i] < ITEM_ARG_ELEM) ||
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

char* quote_string(char* out, std::string_view value, bool truncated) noexcept {
  return put_quoted(out, value, truncated);
}

namespace {

// How many of fcntl's arguments strace shows, by command: the getters take none.
bool fcntl_without_arg(int cmd) {
  switch (cmd) {
    case F_GETFD: case F_GETFL: case F_GETOWN: case F_GETSIG: case F_GETLEASE:
    case F_GETPIPE_SZ: case F_GET_SEALS:
      return true;
    default:
      return false;
  }
}

char* put_fcntl_arg(char* out, int cmd, uint64_t v) {
  switch (cmd) {
    case F_DUPFD: case F_DUPFD_CLOEXEC: case F_SETOWN: case F_SETSIG: case F_SETPIPE_SZ:
      return put_dec(out, static_cast<int32_t>(v));
    case F_SETFD:
      return put_flags(out, v, uapi::k_fd_flags);
    case F_SETFL:
      return put_open_flags(out, v);
    default:
      return put_hex(out, v);
  }
}

// futex's arguments depend on its operation: strace shows the ones the operation reads.
char* put_futex_args(char* out, const Event& e, const Strings& items) {
  uint64_t op = e.args[1];
  out = put_futex_op(put(put_hex(out, e.args[0]), ", "), op);
  out = put_dec(put(out, ", "), static_cast<int32_t>(e.args[2]));
  auto timeout = [&](char* o) {
    return put_arg(put(o, ", "), Arg::kTimespecIn, e.args[3], items, 3, e.args);
  };
  switch (op & FUTEX_CMD_MASK) {
    case FUTEX_WAKE:
      return out;
    case FUTEX_WAIT:
      return timeout(out);
    case FUTEX_WAIT_BITSET:
    case FUTEX_WAKE_BITSET: {
      if ((op & FUTEX_CMD_MASK) == FUTEX_WAIT_BITSET) out = timeout(out);
      uint32_t mask = static_cast<uint32_t>(e.args[5]);
      return mask == 0xffffffff ? put(out, ", FUTEX_BITSET_MATCH_ANY") : put_hex(put(out, ", "), mask);
    }
    default:
      for (unsigned i = 3; i < 6; ++i) out = put_hex(put(out, ", "), e.args[i]);
      return out;
  }
}

// clone as strace shows it, with argument names; the ones shown depend on the flags. x86_64
// passes flags, stack, parent_tid, child_tid, tls; arm64 flags, stack, parent_tid, tls,
// child_tid (CONFIG_CLONE_BACKWARDS).
#if defined(__x86_64__)
constexpr unsigned kCloneChildTid = 3, kCloneTls = 4;
#else
constexpr unsigned kCloneChildTid = 4, kCloneTls = 3;
#endif

char* put_clone_args(char* out, const Event& e) {
  uint64_t flags = e.args[0];
  out = put(out, "child_stack=");
  out = e.args[1] ? put_hex(out, e.args[1]) : put(out, "NULL");
  out = put_arg(put(out, ", flags="), Arg::kCloneFlags, flags, Strings{}, 0, e.args);
  if (flags & CLONE_PARENT_SETTID) out = put_hex(put(out, ", parent_tid="), e.args[2]);
  if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
    out = put_hex(put(out, ", child_tidptr="), e.args[kCloneChildTid]);
  if (flags & CLONE_SETTLS) out = put_hex(put(out, ", tls="), e.args[kCloneTls]);
  return out;
}

// The arguments strace writes at a call's entry: its row's count, or those before the first
// one the call fills (read's buffer, wait4's status, accept's address), which it writes at
// the exit. A call whose exit is not seen ends there, and a call whose entry is not seen
// starts there.
unsigned entry_args(const SyscallInfo* info, unsigned nargs) {
  if (!info) return nargs;
  if (info->entry != kEntryByTypes) return nargs < info->entry ? nargs : info->entry;
  for (unsigned i = 0; i < nargs; ++i) {
    switch (info->args[i]) {
      case Arg::kBufIn: case Arg::kCwd: case Arg::kStat: case Arg::kStat64: case Arg::kStatx:
      case Arg::kSigactionOut: case Arg::kSigsetOut: case Arg::kRlimitOut: case Arg::kIntPair:
      case Arg::kWaitStatus: case Arg::kTimespecOut: case Arg::kUtsname: case Arg::kDirents:
      case Arg::kIovecOut: case Arg::kMsghdrOut: case Arg::kSockaddrOut: case Arg::kSocklen:
      case Arg::kSysinfo: case Arg::kBufInHex: case Arg::kCpuSetOut: case Arg::kStackOut:
      case Arg::kStatfs: case Arg::kGroupsOut:
        return i;
      default:
        break;
    }
  }
  return nargs;
}

}  // namespace

char* format_call(char* out, const Event& e, const Strings& strings, size_t column,
                  CallPart part) noexcept {
  const char* begin = out;
  // A 32-bit call is named and typed by the i386 table.
  bool compat = e.flags & EVENT_COMPAT;
  std::string_view name = compat ? compat_syscall_name(e.nr) : syscall_name(e.nr);
  const SyscallInfo* info = compat ? compat_syscall_info(e.nr) : syscall_info(e.nr);
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
  if (decoder == Decoder::kFutex && !resumed) {
    out = put_futex_args(out, e, strings);
  } else if (decoder == Decoder::kClone && !resumed) {
    out = put_clone_args(out, e);
  } else if (decoder == Decoder::kSigreturn && !resumed && !compat) {
    // The mask it restores ({mask=[]}), when it was read from the signal frame.
    bool cut = false;
    if (const std::string_view* mask = strings.find_blob(0, &cut))
      out = put(put_sigset_bytes(put(out, "{mask="), *mask), "}");
  } else {
    for (unsigned i = first; i < last; ++i) {
      // Like strace, open's mode only when the flags can create a file.
      if (info && info->args[i] == Arg::kMode && i > 0 && info->args[i - 1] == Arg::kOpenFlags &&
          !(e.args[i - 1] & O_CREAT) && (e.args[i - 1] & O_TMPFILE) != O_TMPFILE)
        break;
      // FIOCLEX and FIONCLEX take no argument.
      if (info && info->args[i - (i > 0)] == Arg::kIoctlCmd && i == 2 &&
          (e.args[1] == FIOCLEX || e.args[1] == FIONCLEX))
        break;
      if (fcntl && i == 2 && fcntl_without_arg(static_cast<int32_t>(e.args[1]))) break;
      if (i > first) out = put(out, ", ");
      if (fcntl && i == 2) {
        out = put_fcntl_arg(out, static_cast<int32_t>(e.args[1]), e.args[2]);
        continue;
      }
      // FICLONE's argument is the file to clone from.
      if (info && i == 2 && info->args[1] == Arg::kIoctlCmd && e.args[1] == FICLONE) {
        out = put_dec(out, static_cast<int32_t>(e.args[2]));
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
      // wait4 with WNOHANG that found no child filled no status.
      if (info && info->args[i] == Arg::kWaitStatus && e.ret == 0) {
        out = put_arg(out, Arg::kPtr, e.args[i], Strings{}, i, e.args);
        continue;
      }
      if (info && is_io_arg(info->args[i])) {
        out = put_io_arg(out, info->args[i], e, strings, i);
        continue;
      }
      Arg type = info ? info->args[i] : Arg::kHex;
      if (compat && type == Arg::kLong) type = Arg::kInt;  // i386's long is 32 bits
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
  if (info && info->ret == Ret::kHex) return put_hex(out, static_cast<uint64_t>(e.ret));
  if (info && info->ret == Ret::kOctal) return put_mode(out, static_cast<uint64_t>(e.ret));
  if (fcntl && (static_cast<int32_t>(e.args[1]) == F_GETFD ||
                static_cast<int32_t>(e.args[1]) == F_GETFL)) {
    // strace names the flags the getters return: 0x1 (flags FD_CLOEXEC).
    if (static_cast<int32_t>(e.args[1]) == F_GETFD && e.ret == 0) return put(out, "0");
    out = put(put_hex(out, static_cast<uint64_t>(e.ret)), " (flags ");
    out = static_cast<int32_t>(e.args[1]) == F_GETFD
              ? put_flags(out, static_cast<uint64_t>(e.ret), uapi::k_fd_flags)
              : put_open_flags(out, static_cast<uint64_t>(e.ret));
    return put(out, ")");
  }
  out = put_fd_suffix(put_dec(out, e.ret), strings, ITEM_ARG_RET);
  return info ? put_result_detail(out, *info, e, strings) : out;
}

}  // namespace observer
