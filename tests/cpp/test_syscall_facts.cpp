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
  CHECK_EQ(call("madvise", {0, 0, 26}), "madvise(NULL, 0, 26) = 0");
#if defined(__x86_64__)
  CHECK_EQ(call("arch_prctl", {0x5001, 1}), "arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0");
  CHECK_EQ(call("arch_prctl", {0x3001, 1}),
           "arch_prctl(0x3001 /* ARCH_??? */, 0x1) = 0");
#endif
  CHECK_EQ(call("openat", {static_cast<uint64_t>(-100), 0, 02000000 | 0200000 | 0100}, 3),
           "openat(AT_FDCWD, NULL, O_RDONLY|O_CREAT|O_CLOEXEC|O_DIRECTORY, 000) = 3");
}

}  // namespace

int main() {
  every_number_has_its_row();
  rows_carry_the_facts();
  constants_come_from_the_uapi_headers();
  return check::report("syscall_facts");
}
