// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "syscall_facts.h"

#include <array>
#include <iterator>

#include "event.h"
#include "syscall_rows.h"
#include "syscall_table.h"

namespace observer {

namespace {

#if defined(__x86_64__)
constexpr auto& kNames = syscall_table::k_x86_64;
constexpr auto& kRows = syscall_rows::k_x86_64;
constexpr auto& kCompatNames = syscall_table::k_i386;
constexpr auto& kCompatRows = syscall_rows::k_i386;
#elif defined(__aarch64__)
constexpr auto& kNames = syscall_table::k_aarch64;
constexpr auto& kRows = syscall_rows::k_aarch64;
constexpr std::string_view kCompatNames[1] = {""};
constexpr SyscallInfo kCompatRows[1] = {{"", 0, {}, Ret::kInt, Decoder::kNone, kEntryByTypes, 0,
                                         false, false}};
#else
#error "observer supports x86_64 and aarch64"
#endif

constexpr size_t kTableSize = std::size(kNames);
static_assert(std::size(kRows) == kTableSize && std::size(kCompatRows) == std::size(kCompatNames));

}  // namespace

std::string_view compat_syscall_name(int nr) noexcept {
  if (nr < 0 || static_cast<size_t>(nr) >= std::size(kCompatNames)) return {};
  return kCompatNames[nr];
}

int compat_syscall_number(std::string_view name) noexcept {
  if (name.empty()) return -1;
  for (size_t nr = 0; nr < std::size(kCompatNames); ++nr)
    if (kCompatNames[nr] == name) return static_cast<int>(nr);
  return -1;
}

int native_number_of_compat(int nr) noexcept {
  static const auto table = [] {
    std::array<int, std::size(kCompatNames)> native{};
    for (size_t i = 0; i < native.size(); ++i) {
      native[i] = MAX_SYSCALLS + static_cast<int>(i);
      for (size_t n = 0; n < kTableSize && !kCompatNames[i].empty(); ++n)
        if (kNames[n] == kCompatNames[i]) native[i] = static_cast<int>(n);
    }
    return native;
  }();
  if (nr < 0 || static_cast<size_t>(nr) >= table.size()) return MAX_SYSCALLS + nr;
  return table[static_cast<size_t>(nr)];
}

std::string_view syscall_name(int nr) noexcept {
  if (nr < 0 || static_cast<size_t>(nr) >= kTableSize) return {};
  return kNames[nr];
}

const SyscallInfo* syscall_row(int nr, bool compat) noexcept {
  size_t size = compat ? std::size(kCompatRows) : std::size(kRows);
  if (nr < 0 || static_cast<size_t>(nr) >= size) return nullptr;
  return compat ? &kCompatRows[nr] : &kRows[nr];
}

const SyscallInfo* syscall_info(int nr) noexcept {
  const SyscallInfo* row = syscall_row(nr);
  return row && row->declared ? row : nullptr;
}

const SyscallInfo* compat_syscall_info(int nr) noexcept {
  const SyscallInfo* row = syscall_row(nr, true);
  return row && row->declared ? row : nullptr;
}

bool hand_written(const SyscallInfo* info) noexcept { return info && info->hand_written; }

Decoding decoding(const SyscallInfo* info) noexcept {
  if (!info) return Decoding::kRaw;
  for (unsigned i = 0; i < info->nargs; ++i)
    if (info->args[i] == Arg::kRawPtr || info->args[i] == Arg::kRawFlags ||
        info->args[i] == Arg::kRawEnum)
      return Decoding::kPartial;
  return Decoding::kFull;
}

std::string_view arg_name(Arg type) noexcept {
  static constexpr std::string_view kArgNames[] = {
      "hex", "int", "long", "uint", "uint32", "ptr", "fd", "dirfd", "path", "str",
      "open_flags", "fd_flags", "mode", "prot", "mmap_flags", "access", "at_flags", "signal",
      "whence", "clone_flags", "fcntl_cmd", "sighow", "futex_op", "family", "sock_type",
      "buf_in", "buf_in_hex", "buf_out", "sockbuf_in", "sockbuf_out", "cwd", "stat", "statx", "sigaction_in", "sigaction_out",
      "sigset_in", "sigset_out", "rlimit_in", "rlimit_out", "sockaddr_in", "int_pair",
      "wait_status", "timespec_in", "timespec_out", "utsname", "argv", "envp", "dirents",
      "iovec_in", "iovec_out", "msghdr_in", "msghdr_out", "poll_fds", "stat64", "sockaddr_out",
      "socklen", "sysinfo", "fd_set", "fd_set_entry", "timespec_left", "timeval_left",
      "pselect_sig", "statx_mask", "statx_flags", "rlimit_resource", "arch_prctl", "ioctl_cmd",
      "grnd_flags", "wait_options", "clock_id", "timer_flags", "fadvise", "sock_proto",
      "sock_flags", "rename_flags", "access_at_flags", "epoll_flags", "epoll_event_in",
      "epoll_events", "timex", "eventfd_flags", "madvise", "clone_args", "cpu_set_out", "stack_in", "stack_out", "utimes", "statfs",
      "groups_out", "sock_level", "sockopt_get", "sockopt_set", "sockopt_in", "sockopt_out",
      "msg_flags", "uid", "mode_type", "dev", "open_how", "offset_in_out", "rusage_out",
      "siginfo_out", "siginfo_in", "user_desc_in", "user_desc_out", "ldt_desc", "timespec_rem",
      "itimerspec_in", "itimerspec_out", "itimerval_in", "itimerval_out", "idtype", "rusage_who", "itimer_which", "timerfd_flags", "perf_event_attr",
      "bpf_cmd", "bpf_attr", "uring_params",
      "mount_flags",
      "fsopen_flags", "fspick_flags", "fsmount_flags", "mount_attr_flags", "move_mount_flags",
      "mount_setattr_flags",
      "fan_mark_flags", "fan_event_mask", "fan_dirfd", "mpol_mode", "mbind_flags",
      "mremap_flags", "close_range_flags", "kexec_file_flags", "ptrace_request", "pkey_access",
      "landlock_ruleset_flags", "landlock_rule_type", "uring_enter_flags", "uring_register_op",
      "key_serial", "personality", "mmsg_send", "mmsg_recv", "rwf_flags",
      "perf_flags", "offset_high",
      "ipc_key", "ipc_flags", "shm_flags", "msgctl_cmd", "semctl_cmd", "shmctl_cmd",
      "shmat_flags", "ipc_msg_flags", "msync_flags", "setns_type", "unshare_flags",
      "sched_policy", "epoll_ctl_op", "pidfd_open_flags", "open_tree_flags",
      "delete_module_flags", "module_init_flags", "fan_init_flags", "seccomp_op",
      "seccomp_flags", "xattr_flags", "prio_which", "memfd_flags", "secretmem_flags",
      "uffd_flags", "kcmp_type", "kcmp_idx", "kcmp_idx2", "ioprio_who", "ioprio",
      "mlock_flags", "mlockall_flags", "flock_op", "sync_file_range_flags", "falloc_mode",
      "inotify_mask", "inotify_init_flags", "kexec_flags", "reboot_magic1", "reboot_magic2",
      "reboot_cmd", "membarrier_cmd", "membarrier_flags", "swap_flags",
      "sfd_flags", "tfd_flags", "splice_flags", "shutdown_how", "handle_at_flags",
      "uid_out", "get_mempolicy_flags",
      "uint_out", "sched_param_in", "sched_param_out", "timeval_pair", "mincore_vec",
      "sembuf", "seccomp_arg", "msgctl_buf", "shmctl_buf", "semctl_arg",
      "sched_attr_in", "sched_attr_out", "mq_attr_in", "mq_attr_out",
      "sigevent", "kexec_segments",
      "buf_out_before", "groups_in", "cap_header", "cap_data_in", "cap_data_out",
      "landlock_ruleset_attr", "landlock_rule_attr", "mount_attr", "mpol_mode_out",
      "nodemask_in", "nodemask_out", "pages_in", "nodes_in", "page_status_out", "futex_waitv",
      "short_str", "xattr_val_in", "xattr_val_out", "xattr_list", "timeval_in", "timeval_out",
      "timezone_in", "timezone_out", "iovec_addrs", "msgbuf_in", "msgbuf_out", "sysctl_args",
      "cpu_set_in", "ptr_out", "ulong_out", "loff_in",
      "iocbs", "iocb_in", "io_event_out", "io_events",
      "raw_ptr",
      "raw_flags", "raw_enum"};
  static_assert(std::size(kArgNames) == static_cast<size_t>(Arg::kRawEnum) + 1,
                "every Arg has a name");
  auto i = static_cast<size_t>(type);
  return i < std::size(kArgNames) ? kArgNames[i] : "?";
}

uint8_t string_arg_mask(int nr) noexcept {
  const SyscallInfo* info = syscall_info(nr);
  if (!info) return 0;
  uint8_t mask = 0;
  for (unsigned i = 0; i < info->nargs; ++i)
    if (info->args[i] == Arg::kPath || info->args[i] == Arg::kStr) mask |= 1u << i;
  return mask;
}

}  // namespace observer
