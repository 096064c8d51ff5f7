// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// What a record means: syscall names (generated from data/syscalls/*.tbl), the argument types
// of the common syscalls, and strace-style rendering of arguments and return values.
// All functions are pure and thread-safe; formatting writes into caller-provided buffers with
// std::to_chars (no iostreams, no printf).
#pragma once

#include <cstdint>
#include <string_view>

#include "event.h"

namespace observer {

// How one argument is shown. Everything not in the table is shown as raw hex.
enum class Arg : uint8_t {
  kHex,        // 0x1f
  kInt,        // signed decimal
  kUint,       // unsigned decimal
  kPtr,        // NULL or 0x7ffd...
  kFd,         // signed decimal (int)
  kDirFd,      // AT_FDCWD or fd
  kPath,       // string captured at entry (a file name)
  kStr,        // string captured at entry (another name)
  kOpenFlags,  // O_RDONLY|O_CLOEXEC
  kMode,       // 0644
  kProt,       // PROT_READ|PROT_WRITE
  kMmapFlags,  // MAP_PRIVATE|MAP_ANONYMOUS
  kAccess,     // R_OK|W_OK
  kAtFlags,    // AT_SYMLINK_NOFOLLOW
  kSignal,     // SIGTERM
  kWhence,     // SEEK_SET
  kCloneFlags, // CLONE_VM|...|SIGCHLD
  kFcntlCmd,   // F_GETFL
  kSigHow,     // SIG_BLOCK
  kFutexOp,    // FUTEX_WAIT_PRIVATE
  kFamily,     // AF_INET
  kSockType,   // SOCK_STREAM|SOCK_CLOEXEC
};

// How the return value is shown: decimal, or hex for addresses (mmap, brk).
enum class Ret : uint8_t { kInt, kHex };

struct SyscallInfo {
  std::string_view name;
  uint8_t nargs;
  Arg args[6];
  Ret ret;
};

// Name of a native syscall number, "" if the table has none.
std::string_view syscall_name(int nr) noexcept;
// Argument types of nr, or nullptr for syscalls without a table entry (shown as 6 hex args).
const SyscallInfo* syscall_info(int nr) noexcept;
// Bit i set: argument i of nr is a string the kernel should capture at entry.
uint8_t string_arg_mask(int nr) noexcept;

// The strings that follow an event with EVENT_HAS_STRINGS, as views into the record.
struct Strings {
  uint8_t count = 0;
  uint8_t truncated = 0;  // STRING_TRUNCATED(i)
  uint8_t arg[MAX_STRINGS] = {};
  std::string_view value[MAX_STRINGS];

  // The string captured for argument arg, or nullptr.
  const std::string_view* find(unsigned arg, bool* truncated_out) const noexcept;
};

// Parses the tail of a record of size bytes; an inconsistent tail yields no strings.
Strings parse_strings(const void* record, uint32_t size) noexcept;

// True for the kernel's error returns, -4095..-1.
inline bool is_error(int64_t ret) noexcept { return ret < 0 && ret >= -4095; }
// "ENOENT" and "No such file or directory"; "" for an unknown errno.
std::string_view errno_symbol(int err) noexcept;
std::string_view errno_description(int err) noexcept;

// Longest output of format_call for one record: every string byte may become "\xHH".
inline constexpr size_t kMaxCallText = 1024 + MAX_STRINGS * 4 * STRING_MAX;

// Writes `name(arg, ...) = ret[ ERRNO (text)]` the way strace does; "= ?" if the syscall did
// not return. Needs kMaxCallText bytes at out. Returns the new end.
char* format_call(char* out, const Event& event, const Strings& strings) noexcept;

// Appends a quoted C string with \n, \t, \", \\ and \xHH escapes, then "..." if truncated.
char* quote_string(char* out, std::string_view value, bool truncated) noexcept;

}  // namespace observer
