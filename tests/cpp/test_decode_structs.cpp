// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// strace's rendering of captured buffers and structs, on bytes built by hand.
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/resource.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "check.h"
#include "decode_structs.h"

using namespace observer;

namespace {

template <class F, class... A>
std::string text(F f, A... args) {
  std::vector<char> out(4096);
  char* end = f(out.data(), args...);
  return std::string(out.data(), end);
}

template <class T>
std::string_view bytes_of(const T& value) {
  return std::string_view(reinterpret_cast<const char*>(&value), sizeof(value));
}

void buffers_quote_like_strace() {
  CHECK_EQ(text(put_quoted, std::string_view("root:x\n"), false), "\"root:x\\n\"");
  // Octal, with three digits only when an octal digit follows.
  CHECK_EQ(text(put_quoted, std::string_view("\177ELF\2\1", 6), false),
           "\"\\177ELF\\2\\1\"");
  CHECK_EQ(text(put_quoted, std::string_view("\0" "1\0a", 4), true), "\"\\0001\\0a\"...");
  CHECK_EQ(text(put_quoted, std::string_view("\t\r\v\f\"\\\xff"), false),
           "\"\\t\\r\\v\\f\\\"\\\\\\377\"");
  CHECK_EQ(text(put_c_string, std::string_view("/tmp\0junk", 9)), "\"/tmp\"");
}

void directory_entries_counted_here_or_by_the_kernel() {
  // Two struct linux_dirent64 records of 24 bytes: d_reclen (u16) at offset 16.
  std::string two(48, '\0');
  two[16] = 24;
  two[24 + 16] = 24;
  char* (*dirents)(char*, uint64_t, std::string_view, bool, const std::string_view*) =
      put_dirents;
  CHECK_EQ(text(dirents, uint64_t{0x1000}, std::string_view(two), false, nullptr),
           "0x1000 /* 2 entries */");
  // Cut at the blob's size: the kernel's count, or none without one.
  uint32_t counted = 798;
  std::string_view count = bytes_of(counted);
  CHECK_EQ(text(dirents, uint64_t{0x1000}, std::string_view(two), true, &count),
           "0x1000 /* 798 entries */");
  CHECK_EQ(text(dirents, uint64_t{0x1000}, std::string_view(two), true, nullptr), "0x1000");
  CHECK_EQ(text(dirents, uint64_t{0x1000}, std::string_view(two.data(), 24), false, nullptr),
           "0x1000 /* 1 entry */");
}

void stat_shows_mode_and_size_or_device() {
  struct stat st {};
  st.st_mode = S_IFREG | 0644;
  st.st_size = 36151;
  CHECK_EQ(text(put_stat, bytes_of(st)), "{st_mode=S_IFREG|0644, st_size=36151, ...}");
  st.st_mode = S_IFDIR | S_ISVTX | 0777;
  CHECK_EQ(text(put_stat, bytes_of(st)), "{st_mode=S_IFDIR|S_ISVTX|0777, st_size=36151, ...}");
  st.st_mode = S_IFCHR | 0666;
  st.st_rdev = makedev(1, 3);
  CHECK_EQ(text(put_stat, bytes_of(st)),
           "{st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}");
  CHECK_EQ(text(put_stat, std::string_view("short")), "{...}");
}

void signal_sets_and_actions() {
  CHECK_EQ(text(put_sigset, uint64_t{0}), "[]");
  uint64_t int_chld = (1ull << (SIGINT - 1)) | (1ull << (SIGCHLD - 1));
  CHECK_EQ(text(put_sigset, int_chld), "[INT CHLD]");
  // All but 32 and 33: strace writes the complement.
  CHECK_EQ(text(put_sigset, ~((1ull << 31) | (1ull << 32))), "~[RTMIN RT_1]");
  CHECK_EQ(signal_name(SIGTERM), "SIGTERM");
  CHECK_EQ(signal_name(34), "SIGRT_2");
  uint64_t action[4] = {0, 0, 0, 0};  // SIG_DFL, no flags
  CHECK_EQ(text(put_sigaction, bytes_of(action)), "{sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}");
  uint64_t handled[4] = {0x1000, 0x04000000 | SA_RESTART, 0x2000, int_chld};
  CHECK_EQ(text(put_sigaction, bytes_of(handled)),
           "{sa_handler=0x1000, sa_mask=[INT CHLD], sa_flags=SA_RESTORER|SA_RESTART, "
           "sa_restorer=0x2000}");
}

void limits_addresses_and_small_structs() {
  uint64_t stack[2] = {8192 * 1024, ~uint64_t{0}};
  CHECK_EQ(text(put_rlimit, bytes_of(stack)), "{rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}");
  sockaddr_un un{};
  un.sun_family = AF_UNIX;
  std::strcpy(un.sun_path, "/run/x");
  CHECK_EQ(text(put_sockaddr, std::string_view(reinterpret_cast<const char*>(&un), 2 + 7)),
           "{sa_family=AF_UNIX, sun_path=\"/run/x\"}");
  sockaddr_in in{};
  in.sin_family = AF_INET;
  in.sin_port = htons(80);
  in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  CHECK_EQ(text(put_sockaddr, bytes_of(in)),
           "{sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"127.0.0.1\")}");
  int fds[2] = {3, 4};
  CHECK_EQ(text(put_int_pair, bytes_of(fds)), "[3, 4]");
  int exited = 3 << 8;
  CHECK_EQ(text(put_wait_status, bytes_of(exited)), "[{WIFEXITED(s) && WEXITSTATUS(s) == 3}]");
  int killed = SIGKILL;
  CHECK_EQ(text(put_wait_status, bytes_of(killed)),
           "[{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}]");
  int64_t ts[2] = {0, 1000000};
  CHECK_EQ(text(put_timespec, bytes_of(ts)), "{tv_sec=0, tv_nsec=1000000}");
  CHECK_EQ(text(put_statx_mask, uint64_t{0x7ff | 0x1000}), "STATX_BASIC_STATS|STATX_MNT_ID");
}

void siginfo_like_strace() {
  int32_t chld[12] = {};
  chld[0] = SIGCHLD;
  chld[2] = 2;  // CLD_KILLED
  chld[4] = 42;
  chld[6] = SIGKILL;
  CHECK_EQ(text(put_siginfo, std::string_view(reinterpret_cast<const char*>(chld), 48)),
           "{si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=42, si_uid=0, si_status=SIGKILL, "
           "si_utime=0, si_stime=0}");
  int32_t alarm[12] = {SIGALRM, 0, 0x80};
  CHECK_EQ(text(put_siginfo, std::string_view(reinterpret_cast<const char*>(alarm), 48)),
           "{si_signo=SIGALRM, si_code=SI_KERNEL}");
  int32_t term[12] = {SIGTERM, 0, 0, 0, 7, 1000};
  CHECK_EQ(text(put_siginfo, std::string_view(reinterpret_cast<const char*>(term), 48)),
           "{si_signo=SIGTERM, si_code=SI_USER, si_pid=7, si_uid=1000}");
}

}  // namespace

// More of what strace decodes by default: filesystem and system statistics, alternate
// stacks, CPU masks, file times, group lists.
void statistics_stacks_masks_and_times() {
  struct statfs fs {};
  fs.f_type = 0xef53;
  fs.f_bsize = 4096;
  fs.f_blocks = 100;
  fs.f_namelen = 255;
  fs.f_frsize = 4096;
  fs.f_flags = 0x1020;
  CHECK_EQ(text(put_statfs, bytes_of(fs)),
           "{f_type=EXT2_SUPER_MAGIC, f_bsize=4096, f_blocks=100, f_bfree=0, f_bavail=0, "
           "f_files=0, f_ffree=0, f_fsid={val=[0, 0]}, f_namelen=255, f_frsize=4096, "
           "f_flags=ST_VALID|ST_RELATIME}");
  struct sysinfo si {};
  si.uptime = 1735;
  si.loads[0] = 81344;
  si.procs = 112;
  si.mem_unit = 1;
  CHECK_EQ(text(put_sysinfo, bytes_of(si)),
           "{uptime=1735, loads=[81344, 0, 0], totalram=0, freeram=0, sharedram=0, "
           "bufferram=0, totalswap=0, freeswap=0, procs=112, totalhigh=0, freehigh=0, "
           "mem_unit=1}");
  stack_t ss{};
  ss.ss_sp = reinterpret_cast<void*>(0x5599559442a0);
  ss.ss_size = 65536;
  CHECK_EQ(text(put_stack, bytes_of(ss)), "{ss_sp=0x5599559442a0, ss_flags=0, ss_size=65536}");
  ss.ss_flags = SS_DISABLE;
  ss.ss_sp = nullptr;
  CHECK_EQ(text(put_stack, bytes_of(ss)), "{ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=65536}");
  uint64_t cpus[2] = {0x3, 0x1};
  CHECK_EQ(text(put_cpu_set, bytes_of(cpus)), "[0 1 64]");
  timespec times[2] = {{0, (1l << 30) - 1}, {5, (1l << 30) - 2}};
  CHECK_EQ(text(put_utimes, bytes_of(times)), "[UTIME_NOW, UTIME_OMIT]");
  timespec epoch[2] = {{0, 0}, {0, 0}};
  CHECK_EQ(text(put_utimes, bytes_of(epoch)), "[{tv_sec=0, tv_nsec=0}, {tv_sec=0, tv_nsec=0}]");
  setenv("TZ", "UTC", 1);
  tzset();
  timespec later[2] = {{1, 2}, {3, 0}};
  CHECK_EQ(text(put_utimes, bytes_of(later)),
           "[{tv_sec=1, tv_nsec=2} /* 1970-01-01T00:00:01.000000002+0000 */, "
           "{tv_sec=3, tv_nsec=0} /* 1970-01-01T00:00:03+0000 */]");
  gid_t gids[3] = {0, 27, 100};
  CHECK_EQ(text(put_gids, bytes_of(gids), uint64_t{2}), "[0, 27]");
  CHECK_EQ(text(put_gids, std::string_view(), uint64_t{0}), "[]");
  CHECK_EQ(text(put_hex_quoted, std::string_view("\x13P\xab", 3), false), "\"\\x13\\x50\\xab\"");
}

// Structures of file locks, openat2, children's resources and timers.
void locks_open_how_usage_and_timers() {
  struct flock fl {};
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_END;
  fl.l_start = -1;
  fl.l_len = 10;
  fl.l_pid = 42;
  CHECK_EQ(text(put_flock, bytes_of(fl), false),
           "{l_type=F_WRLCK, l_whence=SEEK_END, l_start=-1, l_len=10}");
  CHECK_EQ(text(put_flock, bytes_of(fl), true),
           "{l_type=F_WRLCK, l_whence=SEEK_END, l_start=-1, l_len=10, l_pid=42}");
  fl.l_type = 7;
  fl.l_whence = 9;
  CHECK_EQ(text(put_flock, bytes_of(fl), false),
           "{l_type=0x7 /* F_??? */, l_whence=0x9 /* SEEK_??? */, l_start=-1, l_len=10}");
  struct f_owner_ex owner {F_OWNER_PGRP, 1234};
  CHECK_EQ(text(put_f_owner_ex, bytes_of(owner)), "{type=F_OWNER_PGRP, pid=1234}");

  struct {
    open_how how;
    uint64_t more;
  } big{{O_WRONLY | O_CREAT, 0644, RESOLVE_BENEATH | 0x4000}, 0};
  std::string_view how(reinterpret_cast<const char*>(&big.how), sizeof(big.how));
  std::string_view whole = bytes_of(big);
  CHECK_EQ(text(put_open_how, how, &whole, uint64_t{24}),
           "{flags=O_WRONLY|O_CREAT, mode=0644, resolve=RESOLVE_BENEATH|0x4000}");
  CHECK_EQ(text(put_open_how, how, &whole, uint64_t{32}),
           "{flags=O_WRONLY|O_CREAT, mode=0644, resolve=RESOLVE_BENEATH|0x4000}");
  big.more = 0x0102;
  CHECK_EQ(text(put_open_how, how, &whole, uint64_t{32}),
           "{flags=O_WRONLY|O_CREAT, mode=0644, resolve=RESOLVE_BENEATH|0x4000, "
           "/* bytes 24..31 */ \"\\x02\\x01\\x00\\x00\\x00\\x00\\x00\\x00\"}");
  const std::string_view* unreadable = nullptr;
  CHECK_EQ(text(put_open_how, how, unreadable, uint64_t{32}),
           "{flags=O_WRONLY|O_CREAT, mode=0644, resolve=RESOLVE_BENEATH|0x4000, ???}");
  // No mode where the flags cannot create a file and it is 0; a resolve of unknown bits only.
  big.how = open_how{O_RDONLY | O_DIRECTORY, 0, 0x4000};
  CHECK_EQ(text(put_open_how, how, &whole, uint64_t{24}),
           "{flags=O_RDONLY|O_DIRECTORY, resolve=0x4000 /* RESOLVE_??? */}");
  big.how = open_how{O_RDWR | O_TMPFILE, 0, 0};
  CHECK_EQ(text(put_open_how, how, &whole, uint64_t{24}),
           "{flags=O_RDWR|O_TMPFILE, mode=000, resolve=0}");

  struct rusage ru {};
  ru.ru_utime = {1, 2};
  ru.ru_stime = {0, 300};
  CHECK_EQ(text(put_rusage, bytes_of(ru)),
           "{ru_utime={tv_sec=1, tv_usec=2}, ru_stime={tv_sec=0, tv_usec=300}, ...}");
  siginfo_t none {};
  CHECK_EQ(text(put_siginfo_out, bytes_of(none)), "{}");
  int64_t its[4] = {0, 5, 30, 0};
  CHECK_EQ(text(put_itimerspec, bytes_of(its)),
           "{it_interval={tv_sec=0, tv_nsec=5}, it_value={tv_sec=30, tv_nsec=0}}");
  CHECK_EQ(text(put_itimerval, bytes_of(its)),
           "{it_interval={tv_sec=0, tv_usec=5}, it_value={tv_sec=30, tv_usec=0}}");
  CHECK_EQ(text(put_itimerval, std::string_view("ab")), "{...}");
  int continued = 0xffff;
  CHECK_EQ(text(put_wait_status, bytes_of(continued)), "[{WIFCONTINUED(s)}]");
}

int main() {
  locks_open_how_usage_and_timers();
  statistics_stacks_masks_and_times();
  buffers_quote_like_strace();
  directory_entries_counted_here_or_by_the_kernel();
  stat_shows_mode_and_size_or_device();
  signal_sets_and_actions();
  limits_addresses_and_small_structs();
  siginfo_like_strace();
  return check::report("decode_structs");
}
