// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The generated rows of data/syscalls/facts.tsv and the constant tables of data/uapi/*.tsv:
// what the printers, the capture plan and -P read from them.
#include <string>
#include <vector>

#include "check.h"
#include "records.h"
#include "decode.h"
#include "syscall_facts.h"
#include "uapi_consts.h"

using namespace observer;
using check::nr_of;

namespace {


std::string call(std::string_view name, std::vector<uint64_t> args, int64_t ret = 0) {
  Event e{};
  e.nr = nr_of(name);
  e.ret = ret;
  e.flags = EVENT_HAS_RET | EVENT_HAS_TIME;
  for (size_t i = 0; i < args.size() && i < 6; ++i) e.args[i] = args[i];
  std::vector<char> out(kMaxCallText);
  return std::string(out.data(), format_call(out.data(), e, Strings{}, kResultColumn));
}

template <size_t N>
std::string_view named(const text::Flag (&table)[N], uint64_t value) {
  for (const text::Flag& f : table)
    if (f.value == value) return f.name;
  return {};
}

void every_number_has_its_row() {
  for (int nr = 0; nr < MAX_SYSCALLS; ++nr) {
    const SyscallInfo* row = syscall_row(nr);
    if (!row) break;
    CHECK_EQ(row->name, syscall_name(nr));
    CHECK(row->nargs <= 6);
    CHECK(!row->hand_written || row->declared);
    CHECK((syscall_info(nr) != nullptr) == row->declared);
  }
  CHECK(syscall_row(-1) == nullptr);
  CHECK(syscall_row(MAX_SYSCALLS) == nullptr);
}

void rows_carry_the_facts() {
  const SyscallInfo* openat = syscall_info(nr_of("openat"));
  CHECK(openat != nullptr && openat->hand_written && openat->ret == Ret::kFd);
  CHECK_EQ(openat->roles, kRoleFdArg0 | kRoleFdResult);
  CHECK(syscall_info(nr_of("futex"))->decoder == Decoder::kFutex);
  CHECK(syscall_info(nr_of("clone"))->decoder == Decoder::kClone);
  CHECK(syscall_info(nr_of("fcntl"))->decoder == Decoder::kFcntl);
  CHECK_EQ(syscall_info(nr_of("close"))->roles, kRoleFdArg0 | kRoleFdClose);
  CHECK_EQ(syscall_info(nr_of("pipe2"))->roles, kRoleFdPair);
  CHECK_EQ(syscall_info(nr_of("symlinkat"))->roles, kRoleLinkTarget);
  CHECK_EQ(syscall_info(nr_of("clock_nanosleep"))->entry, 3);
  CHECK_EQ(syscall_info(nr_of("accept4"))->entry, 1);
  CHECK_EQ(syscall_info(nr_of("read"))->entry, kEntryByTypes);
  // A row the kernel's declaration alone types: no facts of its own.
  const SyscallInfo* setpgid = syscall_info(nr_of("setpgid"));
  CHECK(setpgid != nullptr && !setpgid->hand_written && setpgid->decoder == Decoder::kNone);
  CHECK_EQ(setpgid->roles, 0);
#if defined(__x86_64__)
  // i386's fcntl64 has no declaration but still returns an fd for F_DUPFD.
  const SyscallInfo* fcntl64 = syscall_row(compat_syscall_number("fcntl64"), true);
  CHECK(fcntl64 != nullptr && !fcntl64->declared && (fcntl64->roles & kRoleDupFd));
#endif
}

void constants_come_from_the_uapi_headers() {
  CHECK_EQ(named(uapi::k_madvise, 24), "MADV_DONTNEED_LOCKED");
  CHECK_EQ(named(uapi::k_madvise, 25), "MADV_COLLAPSE");
  CHECK_EQ(named(uapi::k_signals, 29), "SIGIO");  // not SIGPOLL, as strace names it
  CHECK_EQ(named(uapi::k_signals, 6), "SIGABRT");
  CHECK_EQ(named(uapi::k_statx_mask, 0x4000), "STATX_MNT_ID_UNIQUE");  // newer than the headers
  CHECK_EQ(named(uapi::k_poll_events, 0x2000), "POLLRDHUP");
#if defined(__x86_64__)
  CHECK_EQ(named(uapi::k_open_flags, 0100000), "O_LARGEFILE");
  CHECK_EQ(named(uapi::k_arch_prctl, 0x5001), "ARCH_SHSTK_ENABLE");
#elif defined(__aarch64__)
  CHECK_EQ(named(uapi::k_open_flags, 0400000), "O_LARGEFILE");
#endif
  CHECK_EQ(call("madvise", {0x7f0000, 4096, 25}), "madvise(0x7f0000, 4096, MADV_COLLAPSE) = 0");
  CHECK_EQ(call("madvise", {0x7f0000, 4096, 24}),
           "madvise(0x7f0000, 4096, MADV_DONTNEED_LOCKED) = 0");
  CHECK_EQ(call("madvise", {0, 0, 26}), "madvise(NULL, 0, 0x1a /* MADV_??? */) = 0");
#if defined(__x86_64__)
  CHECK_EQ(call("arch_prctl", {0x5001, 1}), "arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0");
  CHECK_EQ(call("arch_prctl", {0x3001, 1}),
           "arch_prctl(0x3001 /* ARCH_??? */, 0x1) = 0");
#endif
  CHECK_EQ(call("openat", {static_cast<uint64_t>(-100), 0, 02000000 | 0200000 | 0100}, 3),
           "openat(AT_FDCWD, NULL, O_RDONLY|O_CREAT|O_CLOEXEC|O_DIRECTORY, 000) = 3");
}

// The kernel reads an int argument as the low 32 bits of its register (a umode_t as 16), and
// so do the printers; unknown values and flags are written as strace writes them.
void arguments_are_read_as_the_kernel_types_them() {
#if defined(__x86_64__)  // creat, chown and friends are not arm64's
  constexpr uint64_t kJunk = 0xdefaced00000000;
  constexpr auto neg = [](int64_t v) { return static_cast<uint64_t>(v); };
  CHECK_EQ(call("creat", {0, 0xffffffffffff0000}, neg(-14)),
           "creat(NULL, 000) = -1 EFAULT (Bad address)");
  CHECK_EQ(call("faccessat", {neg(-1), 0, kJunk | 4}), "faccessat(-1, NULL, R_OK) = 0");
  CHECK_EQ(call("faccessat", {kJunk | 0xffffff9c, 0, 8}),
           "faccessat(AT_FDCWD, NULL, 0x8 /* ?_OK */) = 0");
  CHECK_EQ(call("kill", {0xffffffff00000000 | 0x7fffffff, kJunk | 9}),
           "kill(2147483647, SIGKILL) = 0");
  CHECK_EQ(call("lseek", {kJunk | 3, neg(-2), 7}), "lseek(3, -2, 0x7 /* SEEK_??? */) = 0");
  CHECK_EQ(call("prlimit64", {0, 16, 0, 0}),
           "prlimit64(0, 0x10 /* RLIMIT_??? */, NULL, NULL) = 0");
  // uid_t and gid_t are unsigned, -1 ("unchanged") aside.
  CHECK_EQ(call("chown", {0, 0xffff0000, neg(-1)}), "chown(NULL, 4294901760, -1) = 0");
  CHECK_EQ(call("setuid", {kJunk | 1000}), "setuid(1000) = 0");
  CHECK_EQ(call("fchownat", {neg(-100), 0, 0, 0, 0x10000000}),
           "fchownat(AT_FDCWD, NULL, 0, 0, 0x10000000 /* AT_??? */) = 0");
#endif
}

}  // namespace

int main() {
  every_number_has_its_row();
  rows_carry_the_facts();
  constants_come_from_the_uapi_headers();
  arguments_are_read_as_the_kernel_types_them();
  return check::report("syscall_facts");
}
