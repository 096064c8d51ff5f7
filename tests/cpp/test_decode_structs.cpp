// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// strace's rendering of captured buffers and structs, on bytes built by hand.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <cstring>
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

int main() {
  buffers_quote_like_strace();
  stat_shows_mode_and_size_or_device();
  signal_sets_and_actions();
  limits_addresses_and_small_structs();
  siginfo_like_strace();
  return check::report("decode_structs");
}
