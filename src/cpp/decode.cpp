// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "decode.h"

#include <fcntl.h>
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <charconv>
#include <cstring>

#include "syscall_table.h"

namespace observer {

namespace {

#if defined(__x86_64__)
constexpr auto& kNames = syscall_table::k_x86_64;
constexpr unsigned kOLargefile = 0100000;  // glibc defines O_LARGEFILE as 0 on 64-bit
#elif defined(__aarch64__)
constexpr auto& kNames = syscall_table::k_aarch64;
constexpr unsigned kOLargefile = 0400000;
#else
#error "observer supports x86_64 and aarch64"
#endif

using A = Arg;

// The most common syscalls (what `strace -c` of a shell session, ls, make and python shows),
// by name so one table serves both architectures; names missing on one are ignored there.
constexpr SyscallInfo kInfo[] = {
    {"read", 3, {A::kFd, A::kPtr, A::kUint}, Ret::kInt},
    {"write", 3, {A::kFd, A::kPtr, A::kUint}, Ret::kInt},
    {"open", 3, {A::kPath, A::kOpenFlags, A::kMode}, Ret::kInt},
    {"close", 1, {A::kFd}, Ret::kInt},
    {"stat", 2, {A::kPath, A::kPtr}, Ret::kInt},
    {"fstat", 2, {A::kFd, A::kPtr}, Ret::kInt},
    {"lstat", 2, {A::kPath, A::kPtr}, Ret::kInt},
    {"poll", 3, {A::kPtr, A::kUint, A::kInt}, Ret::kInt},
    {"lseek", 3, {A::kFd, A::kInt, A::kWhence}, Ret::kInt},
    {"mmap", 6, {A::kPtr, A::kUint, A::kProt, A::kMmapFlags, A::kFd, A::kHex}, Ret::kHex},
    {"mprotect", 3, {A::kPtr, A::kUint, A::kProt}, Ret::kInt},
    {"munmap", 2, {A::kPtr, A::kUint}, Ret::kInt},
    {"brk", 1, {A::kPtr}, Ret::kHex},
    {"rt_sigaction", 4, {A::kSignal, A::kPtr, A::kPtr, A::kUint}, Ret::kInt},
    {"rt_sigprocmask", 4, {A::kSigHow, A::kPtr, A::kPtr, A::kUint}, Ret::kInt},
    {"rt_sigreturn", 0, {}, Ret::kInt},
    {"ioctl", 3, {A::kFd, A::kHex, A::kHex}, Ret::kInt},
    {"pread64", 4, {A::kFd, A::kPtr, A::kUint, A::kInt}, Ret::kInt},
    {"pwrite64", 4, {A::kFd, A::kPtr, A::kUint, A::kInt}, Ret::kInt},
    {"readv", 3, {A::kFd, A::kPtr, A::kInt}, Ret::kInt},
    {"writev", 3, {A::kFd, A::kPtr, A::kInt}, Ret::kInt},
    {"access", 2, {A::kPath, A::kAccess}, Ret::kInt},
    {"pipe", 1, {A::kPtr}, Ret::kInt},
    {"pipe2", 2, {A::kPtr, A::kOpenFlags}, Ret::kInt},
    {"select", 5, {A::kInt, A::kPtr, A::kPtr, A::kPtr, A::kPtr}, Ret::kInt},
    {"sched_yield", 0, {}, Ret::kInt},
    {"mremap", 5, {A::kPtr, A::kUint, A::kUint, A::kHex, A::kPtr}, Ret::kHex},
    {"msync", 3, {A::kPtr, A::kUint, A::kHex}, Ret::kInt},
    {"madvise", 3, {A::kPtr, A::kUint, A::kInt}, Ret::kInt},
    {"dup", 1, {A::kFd}, Ret::kInt},
    {"dup2", 2, {A::kFd, A::kFd}, Ret::kInt},
    {"dup3", 3, {A::kFd, A::kFd, A::kOpenFlags}, Ret::kInt},
    {"nanosleep", 2, {A::kPtr, A::kPtr}, Ret::kInt},
    {"getpid", 0, {}, Ret::kInt},
    {"sendfile", 4, {A::kFd, A::kFd, A::kPtr, A::kUint}, Ret::kInt},
    {"socket", 3, {A::kFamily, A::kSockType, A::kInt}, Ret::kInt},
    {"connect", 3, {A::kFd, A::kPtr, A::kInt}, Ret::kInt},
    {"accept", 3, {A::kFd, A::kPtr, A::kPtr}, Ret::kInt},
    {"accept4", 4, {A::kFd, A::kPtr, A::kPtr, A::kSockType}, Ret::kInt},
    {"sendto", 6, {A::kFd, A::kPtr, A::kUint, A::kHex, A::kPtr, A::kInt}, Ret::kInt},
    {"recvfrom", 6, {A::kFd, A::kPtr, A::kUint, A::kHex, A::kPtr, A::kPtr}, Ret::kInt},
    {"sendmsg", 3, {A::kFd, A::kPtr, A::kHex}, Ret::kInt},
    {"recvmsg", 3, {A::kFd, A::kPtr, A::kHex}, Ret::kInt},
    {"shutdown", 2, {A::kFd, A::kInt}, Ret::kInt},
    {"bind", 3, {A::kFd, A::kPtr, A::kInt}, Ret::kInt},
    {"listen", 2, {A::kFd, A::kInt}, Ret::kInt},
    {"getsockname", 3, {A::kFd, A::kPtr, A::kPtr}, Ret::kInt},
    {"getpeername", 3, {A::kFd, A::kPtr, A::kPtr}, Ret::kInt},
    {"socketpair", 4, {A::kFamily, A::kSockType, A::kInt, A::kPtr}, Ret::kInt},
    {"setsockopt", 5, {A::kFd, A::kInt, A::kInt, A::kPtr, A::kInt}, Ret::kInt},
    {"getsockopt", 5, {A::kFd, A::kInt, A::kInt, A::kPtr, A::kPtr}, Ret::kInt},
    {"clone", 5, {A::kCloneFlags, A::kPtr, A::kPtr, A::kPtr, A::kHex}, Ret::kInt},
    {"clone3", 2, {A::kPtr, A::kUint}, Ret::kInt},
    {"fork", 0, {}, Ret::kInt},
    {"vfork", 0, {}, Ret::kInt},
    {"execve", 3, {A::kPath, A::kPtr, A::kPtr}, Ret::kInt},
    {"execveat", 5, {A::kDirFd, A::kPath, A::kPtr, A::kPtr, A::kAtFlags}, Ret::kInt},
    {"exit", 1, {A::kInt}, Ret::kInt},
    {"exit_group", 1, {A::kInt}, Ret::kInt},
    {"wait4", 4, {A::kInt, A::kPtr, A::kHex, A::kPtr}, Ret::kInt},
    {"kill", 2, {A::kInt, A::kSignal}, Ret::kInt},
    {"tgkill", 3, {A::kInt, A::kInt, A::kSignal}, Ret::kInt},
    {"uname", 1, {A::kPtr}, Ret::kInt},
    {"fcntl", 3, {A::kFd, A::kFcntlCmd, A::kHex}, Ret::kInt},
    {"flock", 2, {A::kFd, A::kHex}, Ret::kInt},
    {"fsync", 1, {A::kFd}, Ret::kInt},
    {"fdatasync", 1, {A::kFd}, Ret::kInt},
    {"truncate", 2, {A::kPath, A::kInt}, Ret::kInt},
    {"ftruncate", 2, {A::kFd, A::kInt}, Ret::kInt},
    {"getdents64", 3, {A::kFd, A::kPtr, A::kUint}, Ret::kInt},
    {"getcwd", 2, {A::kPtr, A::kUint}, Ret::kInt},
    {"chdir", 1, {A::kPath}, Ret::kInt},
    {"fchdir", 1, {A::kFd}, Ret::kInt},
    {"chroot", 1, {A::kPath}, Ret::kInt},
    {"rename", 2, {A::kPath, A::kPath}, Ret::kInt},
    {"mkdir", 2, {A::kPath, A::kMode}, Ret::kInt},
    {"rmdir", 1, {A::kPath}, Ret::kInt},
    {"creat", 2, {A::kPath, A::kMode}, Ret::kInt},
    {"link", 2, {A::kPath, A::kPath}, Ret::kInt},
    {"unlink", 1, {A::kPath}, Ret::kInt},
    {"symlink", 2, {A::kPath, A::kPath}, Ret::kInt},
    {"readlink", 3, {A::kPath, A::kPtr, A::kUint}, Ret::kInt},
    {"chmod", 2, {A::kPath, A::kMode}, Ret::kInt},
    {"fchmod", 2, {A::kFd, A::kMode}, Ret::kInt},
    {"chown", 3, {A::kPath, A::kInt, A::kInt}, Ret::kInt},
    {"fchown", 3, {A::kFd, A::kInt, A::kInt}, Ret::kInt},
    {"lchown", 3, {A::kPath, A::kInt, A::kInt}, Ret::kInt},
    {"mknod", 3, {A::kPath, A::kMode, A::kHex}, Ret::kInt},
    {"utimes", 2, {A::kPath, A::kPtr}, Ret::kInt},
    {"umask", 1, {A::kMode}, Ret::kInt},
    {"statfs", 2, {A::kPath, A::kPtr}, Ret::kInt},
    {"fstatfs", 2, {A::kFd, A::kPtr}, Ret::kInt},
    {"gettimeofday", 2, {A::kPtr, A::kPtr}, Ret::kInt},
    {"getrlimit", 2, {A::kInt, A::kPtr}, Ret::kInt},
    {"getuid", 0, {}, Ret::kInt},
    {"getgid", 0, {}, Ret::kInt},
    {"geteuid", 0, {}, Ret::kInt},
    {"getegid", 0, {}, Ret::kInt},
    {"getppid", 0, {}, Ret::kInt},
    {"getpgrp", 0, {}, Ret::kInt},
    {"setsid", 0, {}, Ret::kInt},
    {"gettid", 0, {}, Ret::kInt},
    {"sigaltstack", 2, {A::kPtr, A::kPtr}, Ret::kInt},
    {"prctl", 5, {A::kInt, A::kHex, A::kHex, A::kHex, A::kHex}, Ret::kInt},
    {"arch_prctl", 2, {A::kHex, A::kHex}, Ret::kInt},
    {"futex", 6, {A::kPtr, A::kFutexOp, A::kInt, A::kPtr, A::kPtr, A::kInt}, Ret::kInt},
    {"sched_getaffinity", 3, {A::kInt, A::kUint, A::kPtr}, Ret::kInt},
    {"set_tid_address", 1, {A::kPtr}, Ret::kInt},
    {"set_robust_list", 2, {A::kPtr, A::kUint}, Ret::kInt},
    {"clock_gettime", 2, {A::kInt, A::kPtr}, Ret::kInt},
    {"clock_nanosleep", 4, {A::kInt, A::kHex, A::kPtr, A::kPtr}, Ret::kInt},
    {"epoll_wait", 4, {A::kFd, A::kPtr, A::kInt, A::kInt}, Ret::kInt},
    {"epoll_pwait", 6, {A::kFd, A::kPtr, A::kInt, A::kInt, A::kPtr, A::kUint}, Ret::kInt},
    {"epoll_ctl", 4, {A::kFd, A::kInt, A::kFd, A::kPtr}, Ret::kInt},
    {"epoll_create1", 1, {A::kOpenFlags}, Ret::kInt},
    {"eventfd2", 2, {A::kUint, A::kOpenFlags}, Ret::kInt},
    {"openat", 4, {A::kDirFd, A::kPath, A::kOpenFlags, A::kMode}, Ret::kInt},
    {"openat2", 4, {A::kDirFd, A::kPath, A::kPtr, A::kUint}, Ret::kInt},
    {"mkdirat", 3, {A::kDirFd, A::kPath, A::kMode}, Ret::kInt},
    {"mknodat", 4, {A::kDirFd, A::kPath, A::kMode, A::kHex}, Ret::kInt},
    {"fchownat", 5, {A::kDirFd, A::kPath, A::kInt, A::kInt, A::kAtFlags}, Ret::kInt},
    {"newfstatat", 4, {A::kDirFd, A::kPath, A::kPtr, A::kAtFlags}, Ret::kInt},
    {"unlinkat", 3, {A::kDirFd, A::kPath, A::kAtFlags}, Ret::kInt},
    {"renameat", 4, {A::kDirFd, A::kPath, A::kDirFd, A::kPath}, Ret::kInt},
    {"renameat2", 5, {A::kDirFd, A::kPath, A::kDirFd, A::kPath, A::kHex}, Ret::kInt},
    {"linkat", 5, {A::kDirFd, A::kPath, A::kDirFd, A::kPath, A::kAtFlags}, Ret::kInt},
    {"symlinkat", 3, {A::kPath, A::kDirFd, A::kPath}, Ret::kInt},
    {"readlinkat", 4, {A::kDirFd, A::kPath, A::kPtr, A::kUint}, Ret::kInt},
    {"fchmodat", 3, {A::kDirFd, A::kPath, A::kMode}, Ret::kInt},
    {"fchmodat2", 4, {A::kDirFd, A::kPath, A::kMode, A::kAtFlags}, Ret::kInt},
    {"faccessat", 3, {A::kDirFd, A::kPath, A::kAccess}, Ret::kInt},
    {"faccessat2", 4, {A::kDirFd, A::kPath, A::kAccess, A::kAtFlags}, Ret::kInt},
    {"utimensat", 4, {A::kDirFd, A::kPath, A::kPtr, A::kAtFlags}, Ret::kInt},
    {"statx", 5, {A::kDirFd, A::kPath, A::kAtFlags, A::kHex, A::kPtr}, Ret::kInt},
    {"pselect6", 6, {A::kInt, A::kPtr, A::kPtr, A::kPtr, A::kPtr, A::kPtr}, Ret::kInt},
    {"ppoll", 5, {A::kPtr, A::kUint, A::kPtr, A::kPtr, A::kUint}, Ret::kInt},
    {"prlimit64", 4, {A::kInt, A::kInt, A::kPtr, A::kPtr}, Ret::kInt},
    {"getrandom", 3, {A::kPtr, A::kUint, A::kHex}, Ret::kInt},
    {"memfd_create", 2, {A::kStr, A::kHex}, Ret::kInt},
    {"rseq", 4, {A::kPtr, A::kUint, A::kHex, A::kHex}, Ret::kInt},
    {"close_range", 3, {A::kFd, A::kFd, A::kHex}, Ret::kInt},
    {"mount", 5, {A::kStr, A::kPath, A::kStr, A::kHex, A::kPtr}, Ret::kInt},
    {"umount2", 2, {A::kPath, A::kHex}, Ret::kInt},
    {"getxattr", 4, {A::kPath, A::kStr, A::kPtr, A::kUint}, Ret::kInt},
    {"lgetxattr", 4, {A::kPath, A::kStr, A::kPtr, A::kUint}, Ret::kInt},
    {"setxattr", 5, {A::kPath, A::kStr, A::kPtr, A::kUint, A::kHex}, Ret::kInt},
    {"inotify_add_watch", 3, {A::kFd, A::kPath, A::kHex}, Ret::kInt},
    {"sethostname", 2, {A::kStr, A::kUint}, Ret::kInt},
    {"swapon", 2, {A::kPath, A::kHex}, Ret::kInt},
    {"swapoff", 1, {A::kPath}, Ret::kInt},
    {"acct", 1, {A::kPath}, Ret::kInt},
    {"pivot_root", 2, {A::kPath, A::kPath}, Ret::kInt},
};

constexpr size_t kTableSize = std::size(kNames);

// nr -> index into kInfo + 1 (0 = none), built once from the names.
const std::array<uint8_t, kTableSize>& info_index() {
  static_assert(std::size(kInfo) < 255);
  static const auto index = [] {
    std::array<uint8_t, kTableSize> idx{};
    for (size_t nr = 0; nr < kTableSize; ++nr)
      for (size_t i = 0; i < std::size(kInfo); ++i)
        if (kNames[nr] == kInfo[i].name) idx[nr] = static_cast<uint8_t>(i + 1);
    return idx;
  }();
  return index;
}

struct Flag {
  uint64_t value;
  std::string_view name;
};

char* put(char* out, std::string_view s) noexcept {
  std::memcpy(out, s.data(), s.size());
  return out + s.size();
}

char* put_dec(char* out, int64_t v) noexcept { return std::to_chars(out, out + 24, v).ptr; }
char* put_udec(char* out, uint64_t v) noexcept { return std::to_chars(out, out + 24, v).ptr; }
char* put_hex(char* out, uint64_t v) noexcept {
  if (v == 0) return put(out, "0");
  out = put(out, "0x");
  return std::to_chars(out, out + 20, v, 16).ptr;
}

// A|B|0x40 for the known bits of v and hex for the rest; zero as `zero` (or "0").
template <size_t N>
char* put_flags(char* out, uint64_t v, const Flag (&flags)[N], std::string_view zero = "0") {
  if (v == 0) return put(out, zero);
  bool first = true;
  for (const Flag& f : flags) {
    if (f.value && (v & f.value) == f.value) {
      if (!first) *out++ = '|';
      out = put(out, f.name);
      v &= ~f.value;
      first = false;
    }
  }
  if (v) {
    if (!first) *out++ = '|';
    out = put_hex(out, v);
  }
  return out;
}

template <size_t N>
char* put_enum(char* out, int64_t v, const Flag (&values)[N]) {
  for (const Flag& f : values)
    if (static_cast<int64_t>(f.value) == v) return put(out, f.name);
  return put_dec(out, v);
}

// Composite flags (O_SYNC includes O_DSYNC, O_TMPFILE includes O_DIRECTORY) come first.
constexpr Flag kOpenFlags[] = {
    {O_CREAT, "O_CREAT"},         {O_EXCL, "O_EXCL"},           {O_NOCTTY, "O_NOCTTY"},
    {O_TRUNC, "O_TRUNC"},         {O_APPEND, "O_APPEND"},       {O_NONBLOCK, "O_NONBLOCK"},
    {O_SYNC, "O_SYNC"},           {O_DSYNC, "O_DSYNC"},         {O_ASYNC, "O_ASYNC"},
    {O_DIRECT, "O_DIRECT"},       {kOLargefile, "O_LARGEFILE"}, {O_TMPFILE, "O_TMPFILE"},
    {O_DIRECTORY, "O_DIRECTORY"}, {O_NOFOLLOW, "O_NOFOLLOW"},   {O_NOATIME, "O_NOATIME"},
    {O_CLOEXEC, "O_CLOEXEC"},     {O_PATH, "O_PATH"},
};

char* put_open_flags(char* out, uint64_t v) {
  static constexpr std::string_view kAccess[] = {"O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"};
  out = put(out, kAccess[v & O_ACCMODE]);
  v &= ~static_cast<uint64_t>(O_ACCMODE);
  if (v) {
    *out++ = '|';
    out = put_flags(out, v, kOpenFlags);
  }
  return out;
}

constexpr Flag kProt[] = {{PROT_READ, "PROT_READ"}, {PROT_WRITE, "PROT_WRITE"},
                          {PROT_EXEC, "PROT_EXEC"}, {PROT_GROWSDOWN, "PROT_GROWSDOWN"},
                          {PROT_GROWSUP, "PROT_GROWSUP"}};

constexpr Flag kMmapFlags[] = {
    {MAP_SHARED_VALIDATE, "MAP_SHARED_VALIDATE"},
    {MAP_SHARED, "MAP_SHARED"},
    {MAP_PRIVATE, "MAP_PRIVATE"},
    {MAP_FIXED_NOREPLACE, "MAP_FIXED_NOREPLACE"},
    {MAP_FIXED, "MAP_FIXED"},
    {MAP_ANONYMOUS, "MAP_ANONYMOUS"},
    {MAP_GROWSDOWN, "MAP_GROWSDOWN"},
    {MAP_DENYWRITE, "MAP_DENYWRITE"},
    {MAP_EXECUTABLE, "MAP_EXECUTABLE"},
    {MAP_LOCKED, "MAP_LOCKED"},
    {MAP_NORESERVE, "MAP_NORESERVE"},
    {MAP_POPULATE, "MAP_POPULATE"},
    {MAP_NONBLOCK, "MAP_NONBLOCK"},
    {MAP_STACK, "MAP_STACK"},
    {MAP_HUGETLB, "MAP_HUGETLB"},
    {MAP_SYNC, "MAP_SYNC"},
};

constexpr Flag kAccessFlags[] = {{R_OK, "R_OK"}, {W_OK, "W_OK"}, {X_OK, "X_OK"}};

constexpr Flag kAtFlags[] = {
    {AT_SYMLINK_NOFOLLOW, "AT_SYMLINK_NOFOLLOW"}, {AT_REMOVEDIR, "AT_REMOVEDIR"},
    {AT_SYMLINK_FOLLOW, "AT_SYMLINK_FOLLOW"},     {AT_NO_AUTOMOUNT, "AT_NO_AUTOMOUNT"},
    {AT_EMPTY_PATH, "AT_EMPTY_PATH"},             {AT_STATX_FORCE_SYNC, "AT_STATX_FORCE_SYNC"},
    {AT_STATX_DONT_SYNC, "AT_STATX_DONT_SYNC"},
};

constexpr Flag kWhence[] = {{SEEK_SET, "SEEK_SET"}, {SEEK_CUR, "SEEK_CUR"},
                            {SEEK_END, "SEEK_END"}, {SEEK_DATA, "SEEK_DATA"},
                            {SEEK_HOLE, "SEEK_HOLE"}};

constexpr Flag kCloneFlags[] = {
    {CLONE_VM, "CLONE_VM"},
    {CLONE_FS, "CLONE_FS"},
    {CLONE_FILES, "CLONE_FILES"},
    {CLONE_SIGHAND, "CLONE_SIGHAND"},
    {CLONE_PIDFD, "CLONE_PIDFD"},
    {CLONE_PTRACE, "CLONE_PTRACE"},
    {CLONE_VFORK, "CLONE_VFORK"},
    {CLONE_PARENT, "CLONE_PARENT"},
    {CLONE_THREAD, "CLONE_THREAD"},
    {CLONE_NEWNS, "CLONE_NEWNS"},
    {CLONE_SYSVSEM, "CLONE_SYSVSEM"},
    {CLONE_SETTLS, "CLONE_SETTLS"},
    {CLONE_PARENT_SETTID, "CLONE_PARENT_SETTID"},
    {CLONE_CHILD_CLEARTID, "CLONE_CHILD_CLEARTID"},
    {CLONE_UNTRACED, "CLONE_UNTRACED"},
    {CLONE_CHILD_SETTID, "CLONE_CHILD_SETTID"},
    {CLONE_NEWCGROUP, "CLONE_NEWCGROUP"},
    {CLONE_NEWUTS, "CLONE_NEWUTS"},
    {CLONE_NEWIPC, "CLONE_NEWIPC"},
    {CLONE_NEWUSER, "CLONE_NEWUSER"},
    {CLONE_NEWPID, "CLONE_NEWPID"},
    {CLONE_NEWNET, "CLONE_NEWNET"},
    {CLONE_IO, "CLONE_IO"},
};

constexpr Flag kFcntlCmds[] = {
    {F_DUPFD, "F_DUPFD"},     {F_GETFD, "F_GETFD"},   {F_SETFD, "F_SETFD"},
    {F_GETFL, "F_GETFL"},     {F_SETFL, "F_SETFL"},   {F_GETLK, "F_GETLK"},
    {F_SETLK, "F_SETLK"},     {F_SETLKW, "F_SETLKW"}, {F_SETOWN, "F_SETOWN"},
    {F_GETOWN, "F_GETOWN"},   {F_SETSIG, "F_SETSIG"}, {F_GETSIG, "F_GETSIG"},
    {F_OFD_GETLK, "F_OFD_GETLK"}, {F_OFD_SETLK, "F_OFD_SETLK"}, {F_OFD_SETLKW, "F_OFD_SETLKW"},
    {F_DUPFD_CLOEXEC, "F_DUPFD_CLOEXEC"}, {F_SETPIPE_SZ, "F_SETPIPE_SZ"},
    {F_GETPIPE_SZ, "F_GETPIPE_SZ"}, {F_ADD_SEALS, "F_ADD_SEALS"}, {F_GET_SEALS, "F_GET_SEALS"},
};

constexpr Flag kSigHow[] = {{SIG_BLOCK, "SIG_BLOCK"}, {SIG_UNBLOCK, "SIG_UNBLOCK"},
                            {SIG_SETMASK, "SIG_SETMASK"}};

constexpr Flag kFutexOps[] = {
    {FUTEX_WAIT, "FUTEX_WAIT"},           {FUTEX_WAKE, "FUTEX_WAKE"},
    {FUTEX_FD, "FUTEX_FD"},               {FUTEX_REQUEUE, "FUTEX_REQUEUE"},
    {FUTEX_CMP_REQUEUE, "FUTEX_CMP_REQUEUE"}, {FUTEX_WAKE_OP, "FUTEX_WAKE_OP"},
    {FUTEX_LOCK_PI, "FUTEX_LOCK_PI"},     {FUTEX_UNLOCK_PI, "FUTEX_UNLOCK_PI"},
    {FUTEX_TRYLOCK_PI, "FUTEX_TRYLOCK_PI"}, {FUTEX_WAIT_BITSET, "FUTEX_WAIT_BITSET"},
    {FUTEX_WAKE_BITSET, "FUTEX_WAKE_BITSET"}, {FUTEX_WAIT_REQUEUE_PI, "FUTEX_WAIT_REQUEUE_PI"},
    {FUTEX_CMP_REQUEUE_PI, "FUTEX_CMP_REQUEUE_PI"}, {FUTEX_LOCK_PI2, "FUTEX_LOCK_PI2"},
};

char* put_futex_op(char* out, uint64_t v) {
  out = put_enum(out, static_cast<int64_t>(v & FUTEX_CMD_MASK), kFutexOps);
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
  if (v & SOCK_NONBLOCK) out = put(out, "|SOCK_NONBLOCK");
  if (v & SOCK_CLOEXEC) out = put(out, "|SOCK_CLOEXEC");
  if (uint64_t rest = v & ~uint64_t{0xf | SOCK_NONBLOCK | SOCK_CLOEXEC}) {
    *out++ = '|';
    out = put_hex(out, rest);
  }
  return out;
}

char* put_signal(char* out, int64_t sig) {
  const char* abbrev = sig > 0 && sig < 65 ? sigabbrev_np(static_cast<int>(sig)) : nullptr;
  if (!abbrev) return put_dec(out, sig);
  return put(put(out, "SIG"), abbrev);
}

char* put_mode(char* out, uint64_t mode) {
  *out++ = '0';
  if (mode == 0) return out;
  return std::to_chars(out, out + 24, mode, 8).ptr;
}

char* put_arg(char* out, Arg type, uint64_t v, const std::string_view* str, bool truncated) {
  auto sv = static_cast<int64_t>(v);
  auto si = static_cast<int32_t>(v);
  switch (type) {
    case Arg::kHex:
      return put_hex(out, v);
    case Arg::kInt:
      return put_dec(out, sv);
    case Arg::kUint:
      return put_udec(out, v);
    case Arg::kPtr:
      return v ? put_hex(out, v) : put(out, "NULL");
    case Arg::kFd:
      return put_dec(out, si);
    case Arg::kDirFd:
      return si == AT_FDCWD ? put(out, "AT_FDCWD") : put_dec(out, si);
    case Arg::kPath:
    case Arg::kStr:
      if (str) return quote_string(out, *str, truncated);
      return v ? put_hex(out, v) : put(out, "NULL");
    case Arg::kOpenFlags:
      return put_open_flags(out, v);
    case Arg::kMode:
      return put_mode(out, v);
    case Arg::kProt:
      return put_flags(out, v, kProt, "PROT_NONE");
    case Arg::kMmapFlags:
      return put_flags(out, v, kMmapFlags);
    case Arg::kAccess:
      return put_flags(out, v, kAccessFlags, "F_OK");
    case Arg::kAtFlags:
      return put_flags(out, v, kAtFlags);
    case Arg::kSignal:
      return put_signal(out, si);
    case Arg::kWhence:
      return put_enum(out, si, kWhence);
    case Arg::kCloneFlags: {
      // The low byte is the signal sent to the parent at exit, strace's "|SIGCHLD".
      uint64_t sig = v & 0xff;
      out = put_flags(out, v & ~uint64_t{0xff}, kCloneFlags);
      if (sig) out = put_signal(put(out, "|"), static_cast<int64_t>(sig));
      return out;
    }
    case Arg::kFcntlCmd:
      return put_enum(out, si, kFcntlCmds);
    case Arg::kSigHow:
      return put_enum(out, si, kSigHow);
    case Arg::kFutexOp:
      return put_futex_op(out, v);
    case Arg::kFamily:
      return put_enum(out, si, kFamilies);
    case Arg::kSockType:
      return put_sock_type(out, v);
  }
  return put_hex(out, v);
}

}  // namespace

std::string_view syscall_name(int nr) noexcept {
  if (nr < 0 || static_cast<size_t>(nr) >= kTableSize) return {};
  return kNames[nr];
}

const SyscallInfo* syscall_info(int nr) noexcept {
  if (nr < 0 || static_cast<size_t>(nr) >= kTableSize) return nullptr;
  uint8_t i = info_index()[static_cast<size_t>(nr)];
  return i ? &kInfo[i - 1] : nullptr;
}

uint8_t string_arg_mask(int nr) noexcept {
  const SyscallInfo* info = syscall_info(nr);
  if (!info) return 0;
  uint8_t mask = 0;
  for (unsigned i = 0; i < info->nargs; ++i)
    if (info->args[i] == Arg::kPath || info->args[i] == Arg::kStr) mask |= 1u << i;
  return mask;
}

const std::string_view* Strings::find(unsigned a, bool* truncated_out) const noexcept {
  for (unsigned i = 0; i < count; ++i) {
    if (arg[i] == a) {
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
  if (tail.count > MAX_STRINGS) return s;
  const char* data = static_cast<const char*>(record) + kHead;
  size_t offset = 0;
  for (unsigned i = 0; i < tail.count; ++i) {
    if (kHead + offset + tail.len[i] > size || tail.arg[i] > 5) return Strings{};
    s.value[i] = std::string_view(data + offset, tail.len[i]);
    s.arg[i] = tail.arg[i];
    offset += tail.len[i];
  }
  s.count = tail.count;
  s.truncated = tail.truncated;
  return s;
}

std::string_view errno_symbol(int err) noexcept {
  const char* name = strerrorname_np(err);
  return name ? name : "";
}

std::string_view errno_description(int err) noexcept {
  const char* text = strerrordesc_np(err);
  return text ? text : "";
}

char* quote_string(char* out, std::string_view value, bool truncated) noexcept {
  static constexpr char kHex[] = "0123456789abcdef";
  *out++ = '"';
  for (char ch : value) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '\n': out = put(out, "\\n"); break;
      case '\t': out = put(out, "\\t"); break;
      case '"': out = put(out, "\\\""); break;
      case '\\': out = put(out, "\\\\"); break;
      default:
        if (c >= 0x20 && c < 0x7f) {
          *out++ = static_cast<char>(c);
        } else {
          *out++ = '\\';
          *out++ = 'x';
          *out++ = kHex[c >> 4];
          *out++ = kHex[c & 0xf];
        }
    }
  }
  *out++ = '"';
  if (truncated) out = put(out, "...");
  return out;
}

char* format_call(char* out, const Event& e, const Strings& strings) noexcept {
  const SyscallInfo* info = syscall_info(e.nr);
  std::string_view name = syscall_name(e.nr);
  if (name.empty()) {
    out = put(out, "syscall_");
    out = put_dec(out, e.nr);
  } else {
    out = put(out, name);
  }
  *out++ = '(';
  unsigned nargs = info ? info->nargs : 6;
  for (unsigned i = 0; i < nargs; ++i) {
    // Like strace, open's mode only when the flags can create a file.
    if (info && info->args[i] == Arg::kMode && i > 0 && info->args[i - 1] == Arg::kOpenFlags &&
        !(e.args[i - 1] & (O_CREAT | __O_TMPFILE)))
      break;
    if (i) out = put(out, ", ");
    bool truncated = false;
    const std::string_view* str = strings.find(i, &truncated);
    out = put_arg(out, info ? info->args[i] : Arg::kHex, e.args[i], str, truncated);
  }
  out = put(out, ") = ");
  if (!(e.flags & EVENT_HAS_RET)) return put(out, "?");
  if (is_error(e.ret)) {
    int err = static_cast<int>(-e.ret);
    std::string_view ename = errno_symbol(err);
    out = put(out, "-1 ");
    if (ename.empty()) return put_dec(put(out, "errno "), err);
    out = put(out, ename);
    return put(put(put(out, " ("), errno_description(err)), ")");
  }
  if (info && info->ret == Ret::kHex) return put_hex(out, static_cast<uint64_t>(e.ret));
  return put_dec(out, e.ret);
}

}  // namespace observer
