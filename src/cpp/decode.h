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

// How one argument is shown. The types of every syscall are generated from the kernel's own
// declarations (data/syscalls/*.args); the hand-written rows of decode.cpp override them.
// A syscall with neither is shown as six raw hex words.
enum class Arg : uint8_t {
  kHex,        // 0x1f
  kInt,        // signed decimal of a C int (32 bits)
  kLong,       // signed decimal of 64 bits (off_t, loff_t, long)
  kUint,       // unsigned decimal
  kUint32,     // unsigned decimal of a C unsigned int (32 bits)
  kPtr,        // NULL or 0x7ffd...
  kFd,         // signed decimal (int)
  kDirFd,      // AT_FDCWD or fd
  kPath,       // string captured at entry (a file name)
  kStr,        // string captured at entry (another name)
  kOpenFlags,  // O_RDONLY|O_CLOEXEC
  kFdFlags,    // O_CLOEXEC|O_NONBLOCK (no access mode: pipe2, dup3 ...)
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
  // Captured by the kernel side (capture_plan): shown decoded when the bytes are there, as a
  // pointer otherwise (the call failed, or capture is off).
  kBufIn,          // "data"... the call filled (read), as many bytes as it returned
  kBufInHex,       // "\x5e\x4d..." the same, every byte in hex (getrandom's random bytes)
  kBufOut,         // "data"... the call reads (write), as many bytes as the next argument
  kCwd,            // "/path" the call filled (getcwd)
  kStat,           // {st_mode=S_IFREG|0644, st_size=..., ...}
  kStatx,          // {stx_mask=..., stx_attributes=0, stx_mode=..., stx_size=..., ...}
  kSigactionIn,    // {sa_handler=..., sa_mask=[...], sa_flags=...}
  kSigactionOut,
  kSigsetIn,       // [INT CHLD]
  kSigsetOut,
  kRlimitIn,       // {rlim_cur=..., rlim_max=...}
  kRlimitOut,
  kSockaddrIn,     // {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("...")}
  kIntPair,        // [3, 4]
  kWaitStatus,     // [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]
  kTimespecIn,     // {tv_sec=0, tv_nsec=1000000}
  kTimespecOut,
  kUtsname,        // {sysname="Linux", nodename="vm", ...}
  kArgv,           // ["ls", "-la"]
  kEnvp,           // 0x7ffd... /* 21 vars */
  kDirents,        // 0x55d0... /* 20 entries */ (getdents64)
  kIovecIn,        // [{iov_base="ab", iov_len=2}, ...] the call reads (writev); count next
  kIovecOut,       // the same, filled by the call (readv): as many bytes as it returned
  kMsghdrIn,       // {msg_name=NULL, msg_namelen=0, msg_iov=[...], ...} (sendmsg)
  kMsghdrOut,      // the same, filled by the call (recvmsg), msg_namelen=128 => 16
  kPollFds,        // [{fd=3, events=POLLIN}] at entry, ([{fd=3, revents=POLLIN}]) after ret
  kStat64,         // {st_mode=..., st_size=..., ...} of the i386 struct stat64
  kSockaddrOut,    // {sa_family=AF_INET, ...} the call filled (accept, getsockname, recvfrom)
  kSocklen,        // [16], or [128 => 16]: the socklen_t given and returned
  kSysinfo,        // {uptime=4289, loads=[...], totalram=..., ...}
  kFdSet,          // select's [3 4] at entry, its "in [3]" / "out [4]" after the result
  kFdSetEntry,     // the same, read at entry only (exceptfds)
  kTimespecLeft,   // {tv_sec=1, tv_nsec=0} at entry, its "left {...}" after the result
  kTimevalLeft,    // {tv_sec=1, tv_usec=0} likewise (select)
  kPselectSig,     // {sigmask=[], sigsetsize=8}
  // Constants of one syscall's argument.
  kStatxMask,      // STATX_BASIC_STATS
  kStatxFlags,     // AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW
  kRlimitResource, // RLIMIT_STACK
  kArchPrctl,      // ARCH_SET_FS
  kIoctlCmd,       // TCGETS
  kGrndFlags,      // GRND_NONBLOCK
  kWaitOptions,    // WNOHANG
  kClockId,        // CLOCK_MONOTONIC
  kTimerFlags,     // TIMER_ABSTIME
  kFadvise,        // POSIX_FADV_SEQUENTIAL
  kSockProto,      // IPPROTO_IP, or the number (the family decides)
  kSockFlags,      // SOCK_CLOEXEC|SOCK_NONBLOCK (accept4)
  kRenameFlags,    // RENAME_NOREPLACE
  kAccessAtFlags,  // AT_SYMLINK_NOFOLLOW|AT_EACCESS (faccessat2)
  kEpollFlags,     // EPOLL_CLOEXEC
  kEventfdFlags,   // EFD_SEMAPHORE|EFD_CLOEXEC|EFD_NONBLOCK
  kMadvise,        // MADV_DONTNEED
  // More structs and arrays the kernel side captures (capture_plan).
  kCloneArgs,      // {flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD, stack=..., ...} (clone3)
  kCpuSetOut,      // [0 1]: the CPUs of a mask the call filled (sched_getaffinity)
  kStackIn,        // {ss_sp=0x..., ss_flags=0, ss_size=65536} (sigaltstack)
  kStackOut,
  kUtimes,         // [{tv_sec=0, tv_nsec=0}, UTIME_NOW] (utimensat)
  kStatfs,         // {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, ...}
  kGroupsOut,      // [0, 27]: the groups the call filled, as many as it returned (getgroups)
  // What strace decodes further and observer shows as a number: the syscall is decoded
  // only partly (docs/formats.md, "Decoding coverage").
  kRawPtr,    // 0x7ffd... or NULL: a struct or array strace shows the members of
  kRawFlags,  // 0x80800: flags strace names (the low 32 bits)
  kRawEnum,   // 3: a constant strace names (a C int)
};

// How completely a syscall is decoded: every argument as strace shows it, some still as
// numbers or addresses (kRaw*), or nothing known of its arguments (six hex words).
enum class Decoding : uint8_t { kFull, kPartial, kRaw };

// How the return value is shown: decimal, hex for addresses (mmap, brk), octal (umask), or
// an fd (decimal; with -y its path follows: 3</etc/passwd>).
enum class Ret : uint8_t { kInt, kHex, kOctal, kFd };

struct SyscallInfo {
  std::string_view name;
  uint8_t nargs;
  Arg args[6];
  Ret ret;
};

// Name of a native syscall number, "" if the table has none.
std::string_view syscall_name(int nr) noexcept;
// Name of a 32-bit call's number (the i386 table on x86_64; none elsewhere), "" if none.
std::string_view compat_syscall_name(int nr) noexcept;
// The 32-bit number of a syscall name, or -1.
int compat_syscall_number(std::string_view name) noexcept;
// Where the log writes a 32-bit call: the native number of the same syscall, or, for calls
// only the 32-bit ABI has (socketcall, ...), MAX_SYSCALLS + its i386 number.
int native_number_of_compat(int nr) noexcept;
// Argument types of native syscall nr: its hand-written row in decode.cpp, else the row
// generated from the kernel's declaration; nullptr for a number without either (shown as six
// hex args).
const SyscallInfo* syscall_info(int nr) noexcept;
// The same for a 32-bit call's i386 number (x86_64 only). A hand-written row of the same name
// is used when its argument count matches the i386 declaration's (i386's mmap is old_mmap).
const SyscallInfo* compat_syscall_info(int nr) noexcept;
// Whether info (nullptr: unknown) shows every argument as strace does.
Decoding decoding(const SyscallInfo* info) noexcept;
// True if info is one of decode.cpp's hand-written rows.
bool hand_written(const SyscallInfo* info) noexcept;
// The name of an argument kind: "fd", "path", "raw_ptr" ...
std::string_view arg_name(Arg type) noexcept;
// Bit i set: argument i of nr is a string the kernel should capture at entry.
uint8_t string_arg_mask(int nr) noexcept;
// The buffers and structs of nr to capture (capture_slot.flags 0 = unused); I/O data is cut
// at data_limit bytes. compat: nr is a 32-bit call's i386 number, and only structs whose
// 32-bit layout is known are planned. Returns how many slots it filled.
unsigned capture_plan(int nr, uint32_t data_limit, capture_slot (&slots)[MAX_BLOBS],
                      bool compat = false) noexcept;

// What changes the kernel's work for a full record beyond the limits.
struct CaptureOptions {
  bool strings = false;   // path and name arguments
  bool blobs = false;     // buffers and structs (a data limit > 0)
  bool fd_paths = false;  // -y: what fd arguments and results name
  bool absolute = false;  // --absolute: where relative path arguments start
};
// The kernel's plan for nr (compat: its i386 number), given the plan's blobs.
call_plan plan_call(int nr, bool compat, const CaptureOptions& options,
                    const capture_slot (&slots)[MAX_BLOBS]) noexcept;

// The items that follow an event with EVENT_HAS_STRINGS, as views into the record.
struct Strings {
  uint8_t count = 0;
  uint16_t truncated = 0;  // STRING_TRUNCATED(i)
  uint16_t at_exit = 0;    // bit i: blob i was read at the call's exit
  uint8_t arg[MAX_ITEMS] = {};
  uint8_t kind[MAX_ITEMS] = {};  // enum item_kind
  std::string_view value[MAX_ITEMS];

  // The string captured for argument arg, or nullptr.
  const std::string_view* find(unsigned arg, bool* truncated_out) const noexcept;
  // The buffer or struct captured for argument arg, or nullptr (the entry's, of two).
  const std::string_view* find_blob(unsigned arg, bool* truncated_out) const noexcept;
  // The one read at exit, for arguments read twice (poll), or nullptr.
  const std::string_view* find_exit_blob(unsigned arg) const noexcept;
  // The item of kind (ITEM_FD_PATH, ITEM_BASE) for arg (an argument or ITEM_ARG_*).
  const std::string_view* find_item(uint8_t kind, unsigned arg) const noexcept;
};

// The largest record the kernel side sends: event, tail and every item at its maximum.
inline constexpr size_t kMaxRecord = sizeof(Event) + sizeof(string_tail) + ITEMS_SPACE;

// Parses the tail of a record of size bytes; an inconsistent tail yields no strings.
Strings parse_strings(const void* record, uint32_t size) noexcept;

// True for the kernel's error returns, -4095..-1.
inline bool is_error(int64_t ret) noexcept { return ret < 0 && ret >= -4095; }
// "ENOENT" and "No such file or directory"; "" for an unknown errno.
std::string_view errno_symbol(int err) noexcept;
std::string_view errno_description(int err) noexcept;

// Longest output of format_call for one record: every captured byte may take 4 characters,
// and a base directory may be written before each of the strings.
inline constexpr size_t kMaxCallText = 4096 + 4 * ITEMS_SPACE + 4 * MAX_STRINGS * ITEM_MAX;

// The column strace aligns results at (its -a 40 default).
inline constexpr size_t kResultColumn = 40;

// Writes `name(arg, ...) = ret[ ERRNO (text)]` the way strace does; "= ?" if the syscall did
// not return; strace's `name(arg, <unfinished ...>) = ?` for one its thread never returned
// from, `<detached ...>` for one still running when tracing stopped, and `<... name
// resumed>) = ret` for one that began before tracing did. With fd paths captured (-y) an fd
// is followed by what it names, 3</etc/passwd>; with base directories (--absolute) a
// relative path is written from its directory. column is where out starts on its line
// (after the tid and time): " = " is padded so that '=' is at kResultColumn, as strace does
// for calls shorter than that. part kEntry writes a call's entry as strace does when other
// lines follow it, `name(arg, <unfinished ...>`, and kExit the rest, `<... name resumed>arg)
// = ret`: the two read together as the whole line. Needs kMaxCallText bytes at out. Returns
// the new end.
char* format_call(char* out, const Event& event, const Strings& strings,
                  size_t column = kResultColumn, CallPart part = CallPart::kWhole) noexcept;

// Appends a quoted C string with \n, \t, \", \\ and \xHH escapes, then "..." if truncated.
char* quote_string(char* out, std::string_view value, bool truncated) noexcept;

}  // namespace observer
