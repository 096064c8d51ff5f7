// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The constants of files and descriptors: open flags, modes, *at flags, fcntl and ioctl
// commands, and fcntl's arguments and results.
#include <fcntl.h>
#include <linux/fs.h>
#include <linux/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <charconv>

#include "decode_printers.h"
#include "decode_structs.h"
#include "text.h"
#include "uapi_consts.h"

namespace observer {

namespace {

using namespace text;

// R_OK and friends are the C library's (unistd.h): no uapi header defines them.
constexpr Flag kAccessFlags[] = {{R_OK, "R_OK"}, {W_OK, "W_OK"}, {X_OK, "X_OK"}};

// EFD_* are the C library's (sys/eventfd.h): the uapi headers have them only since Linux 6.9.
constexpr Flag kEventfdFlags[] = {{1, "EFD_SEMAPHORE"}, {O_CLOEXEC, "EFD_CLOEXEC"},
                                  {O_NONBLOCK, "EFD_NONBLOCK"}};

// statx's flags as strace writes them: the sync type first, then the other AT_* flags, bits
// no name covers in hex with no comment.
char* put_statx_flags(char* out, uint64_t v) {
  uint64_t sync = v & AT_STATX_SYNC_TYPE;
  if (sync != AT_STATX_SYNC_AS_STAT)
    out = put_flags(out, sync, uapi::k_at_statx_sync_types);
  else if (display().xlat != Xlat::kRaw)  // with -X raw strace writes it as nothing: "|0x800"
    out = put_xlat_hex(out, 0, [](char* o) { return put(o, "AT_STATX_SYNC_AS_STAT"); });
  v &= ~uint64_t{AT_STATX_SYNC_TYPE};
  return v ? put_flags(put(out, "|"), v, uapi::k_at_flags) : out;
}

bool known_file_type(uint64_t type) {
  switch (type) {
    case 0: case S_IFREG: case S_IFSOCK: case S_IFIFO: case S_IFLNK: case S_IFDIR: case S_IFBLK:
    case S_IFCHR:
      return true;
    default:
      return false;
  }
}

// mknod's mode as strace's print_symbolic_mode_t writes it: S_IFCHR|S_ISUID|0600, the
// number alone when the type is none it knows.
char* put_symbolic_mode(char* out, uint64_t mode) {
  static constexpr Flag kTypes[] = {{S_IFREG, "S_IFREG"}, {S_IFSOCK, "S_IFSOCK"},
                                    {S_IFIFO, "S_IFIFO"}, {S_IFLNK, "S_IFLNK"},
                                    {S_IFDIR, "S_IFDIR"}, {S_IFBLK, "S_IFBLK"},
                                    {S_IFCHR, "S_IFCHR"}};
  if (uint64_t type = mode & S_IFMT) {
    const Flag* named = nullptr;
    for (const Flag& t : kTypes)
      if (t.value == type) named = &t;
    if (!named) return put_mode(out, mode);
    out = put(put(out, named->name), "|");
  }
  if (mode & S_ISUID) out = put(out, "S_ISUID|");
  if (mode & S_ISGID) out = put(out, "S_ISGID|");
  if (mode & S_ISVTX) out = put(out, "S_ISVTX|");
  return put_mode(out, mode & ~uint64_t{S_IFMT | S_ISUID | S_ISGID | S_ISVTX});
}

}  // namespace

bool is_device_mode(uint64_t mode) noexcept { return S_ISCHR(mode) || S_ISBLK(mode); }

char* put_open_flags(char* out, uint64_t v) noexcept {
  return put_xlat(out, [v](char* o) { return put_hex(o, v); }, [v](char* o) {
    static constexpr std::string_view kAccess[] = {"O_RDONLY", "O_WRONLY", "O_RDWR",
                                                   "O_ACCMODE"};
    o = put(o, kAccess[v & O_ACCMODE]);
    uint64_t rest = v & ~static_cast<uint64_t>(O_ACCMODE);
    return rest ? put_flag_names(put(o, "|"), rest, uapi::k_open_flags, "0", {}) : o;
  });
}

namespace {

// An ioctl command by every name of its value ("BTRFS_IOC_CLONE or FICLONE"), or as the
// _IOC() that makes it (asm-generic/ioctl.h's fields): _IOC(_IOC_READ, 0x89, 0x6, 0x10).
char* put_ioctl_cmd(char* out, uint32_t cmd) {
  if (char* end = put_ioctl_request(out, cmd)) return end;
  bool named = false;
  for (const Flag& f : uapi::k_ioctls) {
    if (f.value != cmd) continue;
    out = put(named ? put(out, " or ") : out, f.name);
    named = true;
  }
  if (named) return out;
  static constexpr std::string_view kDirs[] = {"_IOC_NONE", "_IOC_WRITE", "_IOC_READ",
                                               "_IOC_READ|_IOC_WRITE"};
  out = put(put(out, "_IOC("), kDirs[(cmd >> _IOC_DIRSHIFT) & _IOC_DIRMASK]);
  out = put_hex(put(out, ", "), (cmd >> _IOC_TYPESHIFT) & _IOC_TYPEMASK);
  out = put_hex(put(out, ", "), (cmd >> _IOC_NRSHIFT) & _IOC_NRMASK);
  out = put_hex(put(out, ", "), (cmd >> _IOC_SIZESHIFT) & _IOC_SIZEMASK);
  return put(out, ")");
}

}  // namespace

char* put_ioctl_arg(char* out, uint32_t cmd, uint64_t v) noexcept {
  // FICLONE's argument is the file to clone from.
  if (cmd == FICLONE) return put_num(out, static_cast<int32_t>(v));
  if (char* end = put_device_ioctl_arg(out, cmd, v)) return end;
  // A command strace knows is decoded, its argument at least a pointer; others' in hex.
  for (const Flag& f : uapi::k_ioctls)
    if (f.value == cmd) return put_addr(out, v);
  return put_hex(out, v);
}

char* put_mode(char* out, uint64_t mode) noexcept {
  *out++ = '0';
  if (mode < 010) *out++ = '0';
  return std::to_chars(out, out + 24, mode, 8).ptr;
}

char* put_fs_arg(char* out, Arg type, uint64_t v) noexcept {
  auto si = static_cast<int32_t>(v);
  switch (type) {
    case Arg::kOpenFlags:
      return put_open_flags(out, v);
    case Arg::kFdFlags:
      return put_flags(out, static_cast<uint32_t>(v), uapi::k_open_flags, "0", "O_???");
    case Arg::kMode:  // a umode_t, as strace's print_numeric_umode_t (umask's is an int)
      return put_mode(out, v & 0xffff);
    case Arg::kModeType:  // with -X verbose strace writes the comment even for 000 /* 000 */
      if (display().xlat == Xlat::kAbbrev) return put_symbolic_mode(out, v & 0xffff);
      out = put_mode(out, v & 0xffff);
      // A file type it has no name for: the number alone.
      if (display().xlat == Xlat::kRaw || !known_file_type(v & S_IFMT)) return out;
      return put(put_symbolic_mode(put(out, " /* "), v & 0xffff), " */");
    case Arg::kDev:  // strace's print_dev_t
      return put_xlat_hex(out, v, [v](char* o) {
        o = put_hex(put(o, "makedev("), major(static_cast<dev_t>(v)));
        return put(put_hex(put(o, ", "), minor(static_cast<dev_t>(v))), ")");
      });
    case Arg::kAccess:
      return put_flags(out, v, kAccessFlags, "F_OK", "?_OK");
    case Arg::kAtFlags:
      return put_flags(out, v, uapi::k_at_flags, "0", "AT_???");
    case Arg::kWhence:
      return put_enum(out, si, uapi::k_whence, "SEEK_???");
    case Arg::kFcntlCmd:
      return put_enum(out, si, uapi::k_fcntl_cmds, "F_???");
    case Arg::kStatxMask:
      return put_statx_mask(out, v);
    case Arg::kStatxFlags:
      return put_statx_flags(out, v);
    case Arg::kIoctlCmd:
      return put_xlat_hex(out, static_cast<uint32_t>(v),
                          [v](char* o) { return put_ioctl_cmd(o, static_cast<uint32_t>(v)); });
    case Arg::kFadvise:
      return put_enum(out, si, uapi::k_fadvise, "POSIX_FADV_???");
    case Arg::kRenameFlags:
      return put_flags(out, static_cast<uint32_t>(v), uapi::k_rename_flags, "0", "RENAME_??");
    case Arg::kAccessAtFlags:
      return put_flags(out, static_cast<uint32_t>(v), uapi::k_access_at_flags, "0",
                       "AT_???");
    case Arg::kEpollFlags:
      return put_flags(out, static_cast<uint32_t>(v), uapi::k_epoll_flags, "0", "EPOLL_???");
    case Arg::kEventfdFlags:
      return put_flags(out, static_cast<uint32_t>(v), kEventfdFlags, "0", "EFD_???");
    default:
      return nullptr;
  }
}

bool fcntl_without_arg(int cmd) noexcept {
  switch (cmd) {
    case F_GETFD: case F_GETFL: case F_GETOWN: case F_GETSIG: case F_GETLEASE:
    case F_GETPIPE_SZ: case F_GET_SEALS:
      return true;
    default:
      return false;
  }
}

char* put_fcntl_arg(char* out, int cmd, uint64_t v) noexcept {
  switch (cmd) {
    case F_DUPFD: case F_DUPFD_CLOEXEC: case F_SETOWN: case F_SETPIPE_SZ:
      return put_num(out, static_cast<int32_t>(v));
    case F_SETFD:
      return put_flags(out, v, uapi::k_fd_flags, "0", "FD_???");
    case F_SETFL:
      return put_open_flags(out, v);
    case F_SETSIG:
      return put_signal(out, static_cast<int32_t>(v));
    case F_SETLEASE:
      return put_xval(out, v, uapi::k_lease_types, "F_???");
    case F_NOTIFY:
      return put_flag_set(out, v, uapi::k_notify_flags, "DN_???");
    case F_ADD_SEALS:
      return put_flag_set(out, v, uapi::k_seal_flags, "F_SEAL_???");
    default:
      return put_hex(out, v);
  }
}

char* put_fcntl_result(char* out, int cmd, int64_t ret) noexcept {
  auto u = static_cast<uint64_t>(ret);
  // strace's words after the getters' results: 0x2 (F_UNLCK), 1 (SIGHUP), 0x1 (seals ...).
  if (cmd == F_GETLEASE) {
    for (const Flag& f : uapi::k_lease_types)
      if (f.value == u) return put(put(put(put_hex(out, u), " ("), f.name), ")");
    return put_hex(out, u);
  }
  NamesOnly words;  // strace writes these by name whatever -X says
  if (cmd == F_GETSIG) {
    out = put_num(out, ret);
    return ret ? put(put_signal(put(out, " ("), ret), ")") : out;
  }
  if (cmd == F_GET_SEALS) {
    if (ret == 0) return put(out, "0");
    return put(put_flags(put(put_hex(out, u), " (seals "), u, uapi::k_seal_flags), ")");
  }
  if (cmd != F_GETFD && cmd != F_GETFL) return nullptr;
  // strace names the flags the getters return: 0x1 (flags FD_CLOEXEC).
  if (cmd == F_GETFD && ret == 0) return put(out, "0");
  out = put(put_hex(out, static_cast<uint64_t>(ret)), " (flags ");
  out = cmd == F_GETFD ? put_flags(out, static_cast<uint64_t>(ret), uapi::k_fd_flags)
                       : put_open_flags(out, static_cast<uint64_t>(ret));
  return put(out, ")");
}

}  // namespace observer
