// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Syscall names, errno names and strace-style rendering of records built by hand.
#include <fcntl.h>

#include <cerrno>
#include <string>
#include <vector>

#include "check.h"
#include "decode.h"

using namespace observer;

namespace {

Event returned(const char* name_hint, int nr, int64_t ret, std::vector<uint64_t> args = {}) {
  (void)name_hint;
  Event e{};
  e.nr = nr;
  e.ret = ret;
  e.flags = EVENT_HAS_RET | EVENT_HAS_TIME;
  for (size_t i = 0; i < args.size() && i < 6; ++i) e.args[i] = args[i];
  return e;
}

std::string call(const Event& e, const Strings& strings = {}) {
  std::vector<char> out(kMaxCallText);
  char* end = format_call(out.data(), e, strings);
  return std::string(out.data(), end);
}

std::string quoted(std::string_view value, bool truncated) {
  std::vector<char> out(4 * value.size() + 8);
  char* end = quote_string(out.data(), value, truncated);
  return std::string(out.data(), end);
}

int nr_of(std::string_view name) {
  for (int nr = 0; nr < MAX_SYSCALLS; ++nr)
    if (syscall_name(nr) == name) return nr;
  return -1;
}

void names_come_from_the_native_table() {
#if defined(__x86_64__)
  CHECK_EQ(syscall_name(0), "read");
  CHECK_EQ(syscall_name(59), "execve");
  CHECK_EQ(syscall_name(110), "getppid");
  CHECK_EQ(compat_syscall_name(20), "getpid");  // the i386 table: int 0x80 calls
  CHECK_EQ(compat_syscall_name(4), "write");
  CHECK_EQ(native_number_of_compat(4), 1);       // the log writes it as native write
  CHECK_EQ(native_number_of_compat(102), MAX_SYSCALLS + 102);  // socketcall: 32-bit only
  CHECK_EQ(compat_syscall_number("exit_group"), 252);
#endif
  CHECK_EQ(syscall_name(-1), "");
  CHECK_EQ(syscall_name(MAX_SYSCALLS + 5), "");
  CHECK(nr_of("openat") >= 0);
}

void errno_names_and_texts() {
  CHECK_EQ(errno_symbol(ENOENT), "ENOENT");
  CHECK_EQ(errno_description(ENOENT), "No such file or directory");
  CHECK_EQ(errno_symbol(EACCES), "EACCES");
  CHECK(is_error(-1));
  CHECK(is_error(-4095));
  CHECK(!is_error(-4096));
  CHECK(!is_error(0));
  CHECK_EQ(errno_symbol(512), "ERESTARTSYS");
  CHECK_EQ(errno_description(516), "Interrupted by signal");
}

void calls_render_like_strace() {
  CHECK_EQ(call(returned("getppid", nr_of("getppid"), 4242)), "getppid() = 4242");
  CHECK_EQ(call(returned("close", nr_of("close"), 0, {3})), "close(3) = 0");
  CHECK_EQ(call(returned("close", nr_of("close"), -EBADF, {99})),
           "close(99) = -1 EBADF (Bad file descriptor)");
  // Interrupted by a signal: strace's "= ? ERESTARTSYS (To be restarted if SA_RESTART is set)".
  CHECK_EQ(call(returned("read", nr_of("close"), -512, {3})),
           "close(3) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)");
  Event unfinished = returned("close", nr_of("close"), 0, {3});
  unfinished.flags = EVENT_HAS_TIME;
  CHECK_EQ(call(unfinished), "close(3) = ?");
  // A number with no name in the table still renders, with its number.
  std::string unknown = call(returned("", 1000, 0));
  CHECK(unknown.rfind("syscall_1000(", 0) == 0);
}

void path_strings_are_quoted() {
  Strings strings;
  strings.count = 1;
  strings.arg[0] = 1;
  strings.value[0] = "/etc/passwd";
  Event e = returned("openat", nr_of("openat"), 3,
                     {static_cast<uint64_t>(AT_FDCWD), 0x1000, O_RDONLY | O_CLOEXEC});
  std::string line = call(e, strings);
  CHECK(line.rfind("openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC", 0) == 0);
  CHECK_EQ(line.substr(line.rfind(")")), ") = 3");
  e.ret = -ENOENT;
  line = call(e, strings);
  CHECK(line.find("= -1 ENOENT (No such file or directory)") != std::string::npos);
}

void strings_escape_what_a_terminal_would_misread() {
  CHECK_EQ(quoted("plain", false), "\"plain\"");
  CHECK_EQ(quoted("a\"b\\c", false), "\"a\\\"b\\\\c\"");
  CHECK_EQ(quoted("line\n\ttab", false), "\"line\\n\\ttab\"");
  CHECK_EQ(quoted("cut", true), "\"cut\"...");
  // Non-printable bytes never reach the output raw.
  std::string binary = quoted(std::string("\x01\xff", 2), false);
  CHECK(binary.find('\x01') == std::string::npos);
  CHECK(binary.find('\xff') == std::string::npos);
}

}  // namespace

int main() {
  names_come_from_the_native_table();
  errno_names_and_texts();
  calls_render_like_strace();
  path_strings_are_quoted();
  strings_escape_what_a_terminal_would_misread();
  return check::report("decode");
}
