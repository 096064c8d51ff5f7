// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Syscall names, errno names and strace-style rendering of records built by hand.
#include <fcntl.h>

#include <cerrno>
#include <string>
#include <vector>

#include "check.h"
#include "records.h"
#include "capture_plan.h"
#include "decode.h"

using namespace observer;
using check::nr_of;

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

// Syscalls without a hand-written row take their count and types from the kernel's own
// declarations (data/syscalls/*.args): ints are 32-bit and signed, sizes unsigned.
void generated_rows_give_every_syscall_its_arguments() {
  CHECK_EQ(call(returned("setpgid", nr_of("setpgid"), 0, {0, 0, 1, 0x7f92, 0x69, 7})),
           "setpgid(0, 0) = 0");
  CHECK_EQ(call(returned("copy_file_range", nr_of("copy_file_range"), 5,
                         {3, 0, 4, 0, 65536, 0})),
           "copy_file_range(3, NULL, 4, NULL, 65536, 0) = 5");
  // pid_t and int: the low 32 bits, signed; the signal by name.
  CHECK_EQ(call(returned("tkill", nr_of("tkill"), 0, {0xffffffffffffbb67ull, 15})),
           "tkill(-17561, SIGTERM) = 0");
  // A struct pointer strace would decode is still its address.
  CHECK_EQ(call(returned("time", nr_of("time"), 0, {0x7ffd1000})), "time(0x7ffd1000) = 0");
  // adjtimex's struct not kept: its address, and no clock state after the result.
  CHECK_EQ(call(returned("adjtimex", nr_of("adjtimex"), 5, {0x7ffd1000})),
           "adjtimex(0x7ffd1000) = 5");
  const SyscallInfo* info = syscall_info(nr_of("setpgid"));
  CHECK(info != nullptr && !hand_written(info));
  CHECK(decoding(info) == Decoding::kFull);
  CHECK(decoding(syscall_info(nr_of("time"))) == Decoding::kPartial);
  CHECK(decoding(syscall_info(nr_of("adjtimex"))) == Decoding::kFull);
  CHECK(hand_written(syscall_info(nr_of("openat"))));
  // Path arguments of generated rows are captured like those of hand-written ones.
  CHECK_EQ(string_arg_mask(nr_of("utime")), 1);
  CHECK_EQ(string_arg_mask(nr_of("renameat2")), (1 << 1) | (1 << 3));
  capture_slot slots[MAX_BLOBS];
  CHECK_EQ(capture_plan(nr_of("utime"), 32, slots), 0u);
  CHECK_EQ(arg_name(Arg::kFd), "fd");
  CHECK_EQ(arg_name(Arg::kRawEnum), "raw_enum");
#if defined(__x86_64__)
  // Numbers the kernel does not implement have no declaration: six raw words.
  CHECK(syscall_info(nr_of("afs_syscall")) == nullptr);
  CHECK(decoding(nullptr) == Decoding::kRaw);
#endif
}

// Constants and results as strace writes them.
void constants_and_results_like_strace() {
  CHECK_EQ(call(returned("umask", nr_of("umask"), 022, {0})), "umask(000) = 022");
  CHECK_EQ(call(returned("umask", nr_of("umask"), 0777, {07})), "umask(007) = 0777");
  CHECK_EQ(call(returned("accept4", nr_of("accept4"), -EINVAL, {5, 0, 0, 0})),
           "accept4(5, NULL, NULL, 0) = -1 EINVAL (Invalid argument)");
  CHECK_EQ(call(returned("faccessat2", nr_of("faccessat2"), 0,
                         {static_cast<uint64_t>(AT_FDCWD), 0, 0, AT_EACCESS})),
           "faccessat2(AT_FDCWD, NULL, F_OK, AT_EACCESS) = 0");
  CHECK_EQ(call(returned("epoll_create1", nr_of("epoll_create1"), 3, {O_CLOEXEC})),
           "epoll_create1(EPOLL_CLOEXEC) = 3");
  CHECK_EQ(call(returned("madvise", nr_of("madvise"), 0, {0, 0, 4})),
           "madvise(NULL, 0, MADV_DONTNEED) = 0");
  CHECK_EQ(call(returned("ioctl", nr_of("ioctl"), -95, {4, 0x40049409, 3})),
           "ioctl(4, BTRFS_IOC_CLONE or FICLONE, 3) = -1 EOPNOTSUPP (Operation not supported)");
  // getgroups(0, list) asks for the count: strace shows the empty list it filled.
  CHECK_EQ(call(returned("getgroups", nr_of("getgroups"), 1, {0, 0x7ffd1000})),
           "getgroups(0, []) = 1");
  // clone3's struct, with the fields its flags use.
  uint64_t args[11] = {0x4100 /* CLONE_VM|CLONE_VFORK */, 0, 0, 0, 17, 0x7f0000, 0x9000};
  Strings items;
  items.count = 1;
  items.kind[0] = ITEM_BLOB;
  items.arg[0] = 0;
  items.value[0] = std::string_view(reinterpret_cast<const char*>(args), 88);
  CHECK_EQ(call(returned("clone3", nr_of("clone3"), 1234, {0x7ffd2000, 88}), items),
           "clone3({flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD, stack=0x7f0000, "
           "stack_size=0x9000}, 88) = 1234");
}

// Multiplexers: the command picks how many arguments follow and what they are, and what an
// unknown command or bit looks like (strace 6.1's prctl.c, syslog.c, keyctl.c and others).
void multiplexers_show_what_the_command_takes() {
  CHECK_EQ(call(returned("prctl", nr_of("prctl"), 0, {7 /* PR_GET_KEEPCAPS */, 0xdead})),
           "prctl(PR_GET_KEEPCAPS) = 0");
  CHECK_EQ(call(returned("prctl", nr_of("prctl"), -22, {0xffffffff, 1, 2, 3, 4})),
           "prctl(0xffffffff /* PR_??? */, 0x1, 0x2, 0x3, 0x4) = -1 EINVAL (Invalid argument)");
  CHECK_EQ(call(returned("prctl", nr_of("prctl"), 0, {47 /* PR_CAP_AMBIENT */, 2, 21, 0, 0})),
           "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_SYS_ADMIN, 0, 0) = 0");
  CHECK_EQ(call(returned("prctl", nr_of("prctl"), 1, {3 /* PR_GET_DUMPABLE */})),
           "prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER)");
  CHECK_EQ(call(returned("syslog", nr_of("syslog"), 0, {0, 0xfacefeed, 0xffffffff})),
           "syslog(0 /* SYSLOG_ACTION_CLOSE */) = 0");
  CHECK_EQ(call(returned("syslog", nr_of("syslog"), -22, {99, 0, 5})),
           "syslog(99 /* SYSLOG_ACTION_??? */, NULL, 5) = -1 EINVAL (Invalid argument)");
  CHECK_EQ(call(returned("syslog", nr_of("syslog"), 0, {8, 0, 8})),
           "syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, NULL, 8 /* LOGLEVEL_DEBUG+1 */) = 0");
  CHECK_EQ(call(returned("prctl", nr_of("prctl"), 0, {28 /* PR_SET_SECUREBITS */, 0x111})),
           "prctl(PR_SET_SECUREBITS, SECBIT_NOROOT|SECBIT_KEEP_CAPS|0x100) = 0");
  CHECK_EQ(call(returned("keyctl", nr_of("keyctl"), 5, {0, 0xfffffffd, 1, 7, 8})),
           "keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 1) = 5");
  CHECK_EQ(call(returned("personality", nr_of("personality"), 0x40000, {0x10006})),
           "personality(PER_BSD|0x10000) = 0x40000 (PER_LINUX|ADDR_NO_RANDOMIZE)");
  CHECK_EQ(call(returned("personality", nr_of("personality"), 0x1f, {0xffffffff})),
           "personality(0xffffffff) = 0x1f (0x1f /* PER_??? */)");
  CHECK_EQ(call(returned("close_range", nr_of("close_range"), -22, {3, 0xffffffff, 0x1})),
           "close_range(3, 4294967295, 0x1 /* CLOSE_RANGE_??? */) = -1 EINVAL (Invalid argument)");
  CHECK_EQ(call(returned("mbind", nr_of("mbind"), 0, {0, 0, 0x8002, 0, 0, 3})),
           "mbind(NULL, 0, MPOL_BIND|MPOL_F_STATIC_NODES, NULL, 0, MPOL_MF_STRICT|MPOL_MF_MOVE) = 0");
  CHECK_EQ(call(returned("futex", nr_of("futex"), 0, {0x1000, 7 /* FUTEX_UNLOCK_PI */, 1, 2})),
           "futex(0x1000, FUTEX_UNLOCK_PI) = 0");
  CHECK_EQ(call(returned("futex", nr_of("futex"), -38, {0, 0x101, 0xdeadbee1})),
           "futex(NULL, 0x101 /* FUTEX_??? */, 3735928545) = -1 ENOSYS (Function not implemented)");
  CHECK_EQ(call(returned("futex", nr_of("futex"), 0,
                         {0x1000, 0x85 /* FUTEX_WAKE_OP_PRIVATE */, 1, 1, 0x2000, 0x12001002})),
           "futex(0x1000, FUTEX_WAKE_OP_PRIVATE, 1, 1, 0x2000, "
           "FUTEX_OP_ADD<<28|0x1<<12|FUTEX_OP_CMP_LT<<24|0x2) = 0");
#if defined(__x86_64__)
  CHECK_EQ(call(returned("arch_prctl", nr_of("arch_prctl"), 0, {0x1011, 0xdeadc0de})),
           "arch_prctl(ARCH_GET_CPUID) = 0");
  CHECK_EQ(call(returned("arch_prctl", nr_of("arch_prctl"), -22, {0xffffffffdeadc0de, 0})),
           "arch_prctl(0xdeadc0de /* ARCH_??? */, 0) = -1 EINVAL (Invalid argument)");
#endif
  CHECK_EQ(call(returned("fsconfig", nr_of("fsconfig"), -22, {3, 6 /* CMD_CREATE */, 0x10, 0, 7})),
           "fsconfig(3, FSCONFIG_CMD_CREATE, 0x10, NULL, 7) = -1 EINVAL (Invalid argument)");
  CHECK_EQ(call(returned("quotactl", nr_of("quotactl"), -19, {0x80000300, 0, 0xffffffff, 0})),
           "quotactl(QCMD(Q_QUOTAOFF, USRQUOTA), NULL) = -1 ENODEV (No such device)");
  CHECK_EQ(call(returned("quotactl", nr_of("quotactl"), -22, {0xbadc0ded, 0, 5, 0})),
           "quotactl(QCMD(0xbadc0d /* Q_??? */, 0xed /* ???QUOTA */), NULL, 5, NULL) = -1 EINVAL "
           "(Invalid argument)");
  // A bind leaves mount's type and data unread: strace shows their addresses.
  CHECK_EQ(call(returned("mount", nr_of("mount"), 0, {0, 0, 0x1000, 0xc0ed1000, 0x2000})),
           "mount(NULL, NULL, 0x1000, MS_MGC_VAL|MS_BIND, 0x2000) = 0");
}

#if defined(__x86_64__)
// 32-bit calls are typed by the i386 declarations: a long is 32 bits, and a hand-written row
// of the same name serves only if its argument count is the i386 one.
void compat_calls_use_the_i386_declarations() {
  Event e = returned("_llseek", 140, 0, {3, 0, 0xfffffff6, 0x5000, 0});
  e.flags |= EVENT_COMPAT;
  CHECK_EQ(call(e), "_llseek(3, 0, 4294967286, 0x5000, SEEK_SET) = 0");
  Event old_mmap = returned("mmap", 90, 0x1000, {0xffd0});
  old_mmap.flags |= EVENT_COMPAT;
  CHECK_EQ(call(old_mmap), "mmap(0xffd0) = 4096");
  Event lseek = returned("lseek", 19, 0, {3, 0xfffffffe, 1});
  lseek.flags |= EVENT_COMPAT;
  CHECK_EQ(call(lseek), "lseek(3, -2, SEEK_CUR) = 0");
  CHECK(compat_syscall_info(20) != nullptr && compat_syscall_info(20)->nargs == 0);  // getpid
}
#endif

}  // namespace

int main() {
  generated_rows_give_every_syscall_its_arguments();
  constants_and_results_like_strace();
  multiplexers_show_what_the_command_takes();
#if defined(__x86_64__)
  compat_calls_use_the_i386_declarations();
#endif
  names_come_from_the_native_table();
  errno_names_and_texts();
  calls_render_like_strace();
  path_strings_are_quoted();
  strings_escape_what_a_terminal_would_misread();
  return check::report("decode");
}
