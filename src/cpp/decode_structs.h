// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// strace's rendering of the buffers and structs the kernel side captured (capture_plan):
// each function appends text at out and returns the new end. Bytes that are not exactly the
// struct's size are shown as "{...}" rather than guessed at. Pure and thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace observer {

// The T at offset of bytes, if they hold one.
template <class T>
bool load_at(std::string_view bytes, size_t offset, T* value) noexcept {
  if (offset > bytes.size() || bytes.size() - offset < sizeof(T)) return false;
  std::memcpy(value, bytes.data() + offset, sizeof(T));
  return true;
}

// A buffer as strace quotes it: \n \t \r \v \f \" \\ escaped, other non-printable bytes in
// octal (three digits when an octal digit follows), then "..." if it was cut.
char* put_quoted(char* out, std::string_view bytes, bool truncated) noexcept;

// Every byte as \xHH, as strace shows random bytes (getrandom), then "..." if it was cut.
char* put_hex_quoted(char* out, std::string_view bytes, bool truncated) noexcept;

// Buffers that hold a NUL-terminated string (getcwd): up to the first NUL.
char* put_c_string(char* out, std::string_view bytes) noexcept;

// strace's date comment of a time, " /* 2026-01-01T00:00:01.000002+0000 */" in the local time
// zone, its fraction part of width digits (of at most max); none for the epoch or a fraction
// out of range.
char* put_date_comment(char* out, int64_t sec, uint64_t part, uint64_t max, int width) noexcept;

// A device number, makedev(0x88, 0): strace writes each part in hex, 0 without a prefix.
char* put_makedev(char* out, uint64_t dev) noexcept;

// {st_mode=S_IFREG|0644, st_size=36151, ...}; devices show st_rdev=makedev(0x1, 0x3).
char* put_stat(char* out, std::string_view bytes) noexcept;
// The same of a 32-bit call's struct stat64 (stat64, fstat64, lstat64, fstatat64).
char* put_stat64(char* out, std::string_view bytes) noexcept;
// {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_attributes=0, stx_mode=..., stx_size=..., ...}
char* put_statx(char* out, std::string_view bytes) noexcept;
// statx's mask argument: STATX_MODE|STATX_NLINK|... or STATX_BASIC_STATS.
char* put_statx_mask(char* out, uint64_t mask) noexcept;

// The kernel's struct sigaction: {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}.
char* put_sigaction(char* out, std::string_view bytes) noexcept;
// A signal set as strace writes it: [INT CHLD], or ~[RTMIN RT_1] when most are set.
char* put_sigset(char* out, uint64_t set) noexcept;
char* put_sigset_bytes(char* out, std::string_view bytes) noexcept;

// {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}
char* put_rlimit(char* out, std::string_view bytes) noexcept;

// {sa_family=AF_UNIX, sun_path="/run/x"}, AF_INET, AF_INET6 and AF_NETLINK; others by family.
char* put_sockaddr(char* out, std::string_view bytes) noexcept;

// How much of a hardware address its device type (ARPHRD_*) uses, as strace's print_hwaddr
// knows it; SIZE_MAX (all of it) for the types it does not know.
size_t hwaddr_size(uint16_t type) noexcept;
// strace's print_hwaddr: the first shown bytes as 00:11:22:33:44:55, the bytes quoted in hex
// with -X raw, both with -X verbose.
char* put_mac_addr(char* out, std::string_view bytes, size_t shown = SIZE_MAX) noexcept;

// [3, 4] (pipe, pipe2, socketpair).
char* put_int_pair(char* out, std::string_view bytes) noexcept;
// [{WIFEXITED(s) && WEXITSTATUS(s) == 0}] (wait4's status).
char* put_wait_status(char* out, std::string_view bytes) noexcept;
// {tv_sec=0, tv_nsec=1000000}
char* put_timespec(char* out, std::string_view bytes) noexcept;
// {sysname="Linux", nodename="vm", ...}
char* put_utsname(char* out, std::string_view bytes) noexcept;

// execve's argv: ["ls", "-la"], each string cut as captured, "..." for elements not kept.
char* put_argv(char* out, std::string_view bytes) noexcept;
// execve's envp: the pointer and /* 21 vars */.
char* put_envp(char* out, uint64_t pointer, std::string_view bytes) noexcept;

// getdents64's buffer: the pointer and /* 20 entries */.
// With truncated (the call returned more than was kept), the count is the kernel's, counted
// (an ITEM_COUNT), or none is shown.
char* put_dirents(char* out, uint64_t pointer, std::string_view bytes, bool truncated,
                  const std::string_view* counted = nullptr) noexcept;

// A delivered signal's kernel_siginfo (48 bytes) as strace shows it:
// {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=42, si_uid=0, si_status=0, si_utime=0, ...}.
char* put_siginfo(char* out, std::string_view bytes) noexcept;
// A syscall number of an AUDIT_ARCH_* architecture (a seccomp SIGSYS's si_syscall,
// PTRACE_GET_SYSCALL_INFO's nr): __NR_read for the tracer's own, the number otherwise.
char* put_si_syscall(char* out, uint64_t nr, uint32_t arch) noexcept;

// [0 1]: the CPUs set in a cpu_set_t.
char* put_cpu_set(char* out, std::string_view bytes) noexcept;
// stack_t: {ss_sp=0x7f..., ss_flags=0, ss_size=65536}.
char* put_stack(char* out, std::string_view bytes) noexcept;
// utimensat's two timespecs: [{tv_sec=1, tv_nsec=2} /* 1970-01-01T00:00:01.000000002+0000 */,
// UTIME_NOW]; the time comment in the local time zone, as strace writes it.
char* put_utimes(char* out, std::string_view bytes) noexcept;
// A timeval, {tv_sec=1, tv_usec=2} (tv_usec unsigned, as strace's print_timeval writes it).
char* put_timeval(char* out, std::string_view bytes) noexcept;
// futimesat's and utimes's two timevals, the same way: [{tv_sec=1, tv_usec=2} /* ... */, ...].
char* put_timevals(char* out, std::string_view bytes) noexcept;
// {uptime=1735, loads=[247776, 199872, 131552], totalram=..., ..., mem_unit=1}
char* put_sysinfo(char* out, std::string_view bytes) noexcept;
// adjtimex's struct timex: {modes=0, offset=0, ..., time={tv_sec=..., tv_usec=...}, ...}.
char* put_timex(char* out, std::string_view bytes) noexcept;
// {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, ..., f_flags=ST_VALID|ST_RELATIME}
char* put_statfs(char* out, std::string_view bytes) noexcept;
// [0, 27]: the first count gid_t of bytes.
char* put_gids(char* out, std::string_view bytes, uint64_t count) noexcept;

// struct rusage: {ru_utime={tv_sec=0, tv_usec=1000}, ru_stime={tv_sec=0, tv_usec=0}, ...}.
char* put_rusage(char* out, std::string_view bytes) noexcept;
// A siginfo_t a call filled (waitid): put_siginfo's, or {} when no child was waited for.
char* put_siginfo_out(char* out, std::string_view bytes) noexcept;
// struct itimerspec {it_interval={tv_sec=0, tv_nsec=0}, it_value={...}}, and with usec
// itimerval's {it_interval={tv_sec=0, tv_usec=0}, it_value={...}}.
char* put_itimerspec(char* out, std::string_view bytes) noexcept;
char* put_itimerval(char* out, std::string_view bytes) noexcept;
// struct flock as fcntl's lock commands show it: {l_type=F_RDLCK, l_whence=SEEK_SET,
// l_start=0, l_len=0}, with l_pid=... for what F_GETLK filled.
char* put_flock(char* out, std::string_view bytes, bool with_pid) noexcept;
// struct f_owner_ex: {type=F_OWNER_PID, pid=1234}.
char* put_f_owner_ex(char* out, std::string_view bytes) noexcept;
// openat2's struct open_how, size bytes long: {flags=O_RDONLY, mode=0644,
// resolve=RESOLVE_BENEATH}, then what follows its 24 bytes when not zeros (whole: all size
// bytes, up to a page; nullptr: unreadable, strace's "???").
char* put_open_how(char* out, std::string_view how, const std::string_view* whole,
                   uint64_t size) noexcept;
// What follows the known bytes of a struct of size bytes (strace's print_nonzero_bytes), as
// ", /* bytes 24..31 */ \"\\x01...\"": nothing when they are zeros or size is no more than
// known, ", ???" when unreadable (whole: the size bytes, up to a page, or nullptr).
char* put_struct_tail(char* out, const std::string_view* whole, size_t known,
                      uint64_t size) noexcept;

// The names strace gives signals: "SIGINT"; real-time ones SIGRTMIN, SIGRT_1 ...; "" if none.
// Without the "SIG" prefix in sets.
std::string_view signal_name(int sig) noexcept;

}  // namespace observer
