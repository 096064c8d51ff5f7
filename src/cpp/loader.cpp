// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "loader.h"

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <linux/types.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "capture_plan.h"
#include "error.h"
#include "event.h"
#include "feature_probe.h"
#include "syscall_facts.h"
#include "syscalls.skel.h"

namespace observer {

namespace {

int g_verbosity = 0;
std::string g_log;  // libbpf output of the current load, for LoadError

// -P's view of syscall nr (enum path_role): its path arguments (the string arguments the
// decoder knows), whether argument 0 is an fd (the *at calls' dirfd included: strace's -P
// looks at both), and whether it returns a new fd on what it names or closes one, as its row
// says (data/syscalls/facts.tsv).
uint16_t path_roles(int nr) {
  const SyscallInfo* row = syscall_row(nr);
  if (!row) return 0;
  uint16_t roles = string_arg_mask(nr);
  if (row->roles & kRoleFdArg0) roles |= PATH_FD_ARG0;
  if (row->roles & kRoleFdResult) roles |= PATH_FD_RESULT;
  if (row->roles & kRoleFdClose) roles |= PATH_FD_CLOSE;
  if (row->roles & kRoleFdFcntl) roles |= PATH_FD_FCNTL;
  return roles;
}

// libbpf hands the verifier's log over in one message that can be megabytes long: format it
// at its full size, so the reason at its end is kept.
int print_libbpf(enum libbpf_print_level level, const char* format, va_list args) {
  va_list copy;
  va_copy(copy, args);
  int n = vsnprintf(nullptr, 0, format, copy);
  va_end(copy);
  if (n <= 0) return 0;
  std::string line(static_cast<size_t>(n) + 1, '\0');
  vsnprintf(line.data(), line.size(), format, args);
  line.resize(static_cast<size_t>(n));
  g_log += line;
  if (g_verbosity > 0 && (level != LIBBPF_DEBUG || g_verbosity > 1)) fputs(line.c_str(), stderr);
  return 0;
}

// Whether this machine runs 32-bit calls (int 0x80): a child makes getpid by its i386 number
// (20) that way. Where the kernel has no IA32 emulation, or has it off (ia32_emulation=0,
// Linux 6.7), the instruction faults. Asked once; a child that cannot be made counts as yes.
bool runs_32bit_calls() {
#if defined(__x86_64__)
  static int answer = -1;
  if (answer >= 0) return answer;
  pid_t pid = fork();
  if (pid < 0) {
    answer = 1;
    return true;
  }
  if (pid == 0) {
    long ret = 20;
    asm volatile("int $0x80" : "+a"(ret) : : "memory", "r8", "r9", "r10", "r11");
    _exit(ret > 0 ? 0 : 1);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  answer = !WIFSIGNALED(status);
  return answer;
#else
  return true;
#endif
}

// Where tracefs lists the events (libbpf attaches a tracepoint by the id it finds there):
// mounted at /sys/kernel/tracing (Linux 4.1) or under debugfs, else mounted now. Empty if
// neither.
std::string tracefs_dir() {
  for (const char* dir : {"/sys/kernel/tracing", "/sys/kernel/debug/tracing"})
    if (access((std::string(dir) + "/events/syscalls").c_str(), F_OK) == 0) return dir;
  if (mount("nodev", "/sys/kernel/tracing", "tracefs", 0, nullptr) == 0 &&
      access("/sys/kernel/tracing/events/syscalls", F_OK) == 0)
    return "/sys/kernel/tracing";
  return "";
}

// A syscall's per-syscall events are named after its SYSCALL_DEFINE, which for these is not
// the table's name (fs/stat.c, kernel/sys.c, fs/read_write.c, fs/namespace.c).
std::string event_name(const std::string& dir, std::string_view name, bool exits) {
  static constexpr std::pair<std::string_view, std::string_view> kDefined[] = {
      {"stat", "newstat"}, {"fstat", "newfstat"}, {"lstat", "newlstat"},
      {"uname", "newuname"}, {"sendfile", "sendfile64"}, {"umount2", "umount"}};
  std::string event(name);
  for (auto [table, defined] : kDefined)
    if (name == table) event = defined;
  auto exists = [&](const char* kind) {
    return access((dir + "/events/syscalls/" + kind + event).c_str(), F_OK) == 0;
  };
  return exists("sys_enter_") && (!exits || exists("sys_exit_")) ? event : "";
}

void set_autoload(bpf_program* prog, bool on) {
  check(bpf_program__set_autoload(prog, on), std::string("configure ") + bpf_program__name(prog));
}

}  // namespace

void set_verbosity(int level) {
  g_verbosity = level;
  libbpf_set_print(print_libbpf);
}

// A map type in the kernel's enum bpf_map_type: BPF_MAP_TYPE_RINGBUF (Linux 5.8, commit
// 457f44363a88), BPF_MAP_TYPE_TASK_STORAGE (5.11, commit 4cf1bc1f1045).
// Whether the kernel's enum (bpf_map_type, bpf_func_id) has the value name: what its BPF
// knows of, as its BTF says.
static bool btf_has_enum_value(const btf* vmlinux, const char* enum_name, const char* name) {
  int id = btf__find_by_name_kind(vmlinux, enum_name, BTF_KIND_ENUM);
  if (id < 0) return false;
  const btf_type* type = btf__type_by_id(vmlinux, static_cast<__u32>(id));
  const struct btf_enum* values = btf_enum(type);
  for (int i = 0; i < btf_vlen(type); ++i)
    if (strcmp(btf__name_by_offset(vmlinux, values[i].name_off), name) == 0) return true;
  return false;
}

// The kernel's release, for the messages that say which one observer needs.
static std::string kernel_release() {
  utsname uts{};
  return uname(&uts) == 0 ? std::string("this is Linux ") + uts.release : "";
}

// /proc/sys/kernel/pid_max, within 1..PID_LIMIT; PID_LIMIT if it cannot be read.
static uint32_t pid_max() {
  std::ifstream in("/proc/sys/kernel/pid_max");
  long value = 0;
  if (!(in >> value) || value <= 0 || value > PID_LIMIT) return PID_LIMIT;
  return static_cast<uint32_t>(value);
}

// The bytes of a msghdr's control messages strace reads: net.core.optmem_max rounded up to
// 8, or its fallback when the file cannot be read (decode_msg_control in strace's msghdr.c).
static uint32_t optmem_max() {
  std::ifstream in("/proc/sys/net/core/optmem_max");
  long value = 0;
  if (!(in >> value) || value <= 0 || value > (1l << 30)) return 8 * (2 * 1024 + 512);
  return static_cast<uint32_t>((value + 7) & ~7l);
}

// -k: whether the kernel has the open-coded VMA iterator (Linux 6.7) that sends a process's
// mappings with its calls (bpf/stack.bpf.h).
static bool kernel_sends_maps() {
  static const bool found = [] {
    btf* vmlinux = btf__load_vmlinux_btf();
    if (!vmlinux) return false;
    bool has = btf__find_by_name_kind(vmlinux, "bpf_iter_task_vma_new", BTF_KIND_FUNC) > 0;
    btf__free(vmlinux);
    return has;
  }();
  return found;
}

SyscallEvents syscall_events(const Spec& spec) {
  SyscallEvents out;
  if (!spec.syscall_tracepoints || spec.syscalls.empty()) return out;
  auto raw = [&](std::string why) {
    out.names.clear();
    out.why_raw = "raw tracepoints for the selection: " + why;
    return out;
  };
#if !defined(__x86_64__)
  return raw("per-syscall tracepoints are used on x86_64 only");
#else
  // -k's mappings are sent again after any mmap or mprotect with PROT_EXEC, selected or not.
  if (spec.stack_trace && kernel_sends_maps())
    return raw("-k follows every mmap and mprotect that maps code");
  // The per-syscall tracepoints do not fire for 32-bit calls (ARCH_TRACE_IGNORE_COMPAT_SYSCALLS
  // in arch/x86/include/asm/ftrace.h), and an exec into a 32-bit program returns as one.
  bool compat = !spec.compat_syscalls.empty();
  bool exec = false;
  for (int nr : spec.syscalls) {
    std::string_view name = syscall_name(nr);
    if (!spec.compat_syscalls_set && compat_syscall_number(name) >= 0) compat = true;
    if (name == "execve" || name == "execveat") exec = true;
  }
  if ((compat || exec) && runs_32bit_calls())
    return raw(compat ? "32-bit calls (int 0x80) are selected too, and the per-syscall "
                        "tracepoints do not see them (select name@64 for 64-bit calls only)"
                      : "an exec into a 32-bit program returns as a 32-bit call, which the "
                        "per-syscall tracepoints do not see");
  if (spec.probe_root != "/" && spec.probe_root != "")
    return raw("the feature probe looks at another tree");
  btf* vmlinux = btf__parse("/sys/kernel/btf/vmlinux", nullptr);
  bool regs = vmlinux && btf_has_enum_value(vmlinux, "bpf_func_id", "BPF_FUNC_task_pt_regs");
  btf__free(vmlinux);
  if (!regs) return raw("this kernel has no bpf_task_pt_regs (Linux 5.15)");
  std::string dir = tracefs_dir();
  if (dir.empty()) return raw("tracefs is not mounted and could not be mounted");
  for (int nr : spec.syscalls) {
    std::string name = event_name(dir, syscall_name(nr), spec.capture_exit);
    if (name.empty())
      return raw("no tracepoint syscalls:sys_enter_" + std::string(syscall_name(nr)));
    out.names.push_back(name);
  }
  return out;
#endif
}

std::vector<std::string> tracepoints(const Spec& spec) {
  std::vector<std::string> names{"sys_enter"};
  if (spec.capture_exit) names.push_back("sys_exit");
  // --cgroup remembers each thread's answer until it forks or a task changes cgroup.
  // -P: the fds a child inherits that were opened on a path.
  if (spec.follow || spec.cgroup_id || !spec.paths.empty())
    names.push_back("sched_process_fork");
  if (spec.cgroup_id) names.push_back("cgroup_attach_task");
  if (!spec.comms.empty()) names.push_back("sched_process_exec");
  // Targets leave the traced map at exit; full records write a thread's unfinished call.
  if (!spec.whole_system() || spec.exit_records || (spec.capture_exit && spec.emit_records))
    names.push_back("sched_process_exit");
  if (spec.exit_records && spec.capture_exit) names.push_back("signal_deliver");
  if (spec.count_stats) names.push_back("sched_switch");  // CPU time of a call: -c
  return names;
}

std::vector<std::string> probe_features(const Spec& spec) {
  std::string root = spec.probe_root;
  if (root.empty() || root.back() != '/') root += '/';
  // An unreadable status or one without CapEff cannot tell: let the bpf() calls decide.
  auto status = SystemFeatures(root).read("/proc/self/status");
  if (status && has_bpf_capabilities(*status) == false) throw Error("load BPF programs", EPERM);

  std::string path = root + "sys/kernel/btf/vmlinux";
  if (access(path.c_str(), R_OK) != 0)
    throw FeatureError("find kernel BTF", errno,
                       path + " is missing: observer needs a kernel built with "
                              "CONFIG_DEBUG_INFO_BTF=y (Linux >= 5.8)");
  btf* vmlinux = btf__parse(path.c_str(), nullptr);
  if (!vmlinux) throw FeatureError("read kernel BTF", errno, path + " is not valid BTF");
  bool ringbuf = btf_has_enum_value(vmlinux, "bpf_map_type", "BPF_MAP_TYPE_RINGBUF");
  bool task_storage = btf_has_enum_value(vmlinux, "bpf_map_type", "BPF_MAP_TYPE_TASK_STORAGE");
  // -n walks a path with bpf_loop, -P compares paths with bpf_strncmp: both Linux 5.17
  // (commits e6f2dd0f8067 and c5fb19937455).
  const char* needs_5_17 = nullptr;
  if (!spec.comms.empty() && !btf_has_enum_value(vmlinux, "bpf_func_id", "BPF_FUNC_loop"))
    needs_5_17 = "-n/--comm";
  if (!spec.paths.empty() && !btf_has_enum_value(vmlinux, "bpf_func_id", "BPF_FUNC_strncmp"))
    needs_5_17 = "-P/--path";
  std::string missing;
  for (const auto& name : tracepoints(spec))
    if (missing.empty() &&
        btf__find_by_name_kind(vmlinux, ("btf_trace_" + name).c_str(), BTF_KIND_TYPEDEF) < 0)
      missing = name;
  btf__free(vmlinux);

  // A fake tree describes its kernel through its BTF; only the real root asks the kernel too.
  if (ringbuf && root == "/") {
    int ret = libbpf_probe_bpf_map_type(BPF_MAP_TYPE_RINGBUF, nullptr);
    if (ret < 0) throw Error("probe BPF ring buffer", -ret);
    ringbuf = ret > 0;
  }
  if (!ringbuf)
    throw FeatureError("probe BPF ring buffer", ENOTSUP,
                       "this kernel has no BPF ring buffer: observer needs Linux >= 5.8");
  // Where a call's start waits between sys_enter and sys_exit, in every mode.
  if (!task_storage)
    throw FeatureError("probe task storage", ENOTSUP,
                       "this kernel has no task storage for BPF programs: observer needs "
                       "Linux >= 5.12 (" + kernel_release() + ")");
  if (needs_5_17)
    throw FeatureError("probe BPF helpers", ENOTSUP,
                       std::string(needs_5_17) + " needs Linux >= 5.17 (" + kernel_release() +
                           "); the other options work here");
  if (!missing.empty())
    throw FeatureError("find tracepoint " + missing, ENOENT,
                       "the kernel has no tracepoint " + missing + " (no btf_trace_" + missing +
                           " in " + path + "), so it cannot be attached");

  // tp_btf programs attach through BTF and the bpf() syscall; tracefs is only for humans.
  std::vector<std::string> notes;
  if (access((root + "sys/kernel/tracing/trace").c_str(), F_OK) != 0 &&
      access((root + "sys/kernel/debug/tracing/trace").c_str(), F_OK) != 0)
    notes.push_back("tracefs is not mounted; not needed: observer attaches through BTF");
  return notes;
}

Loader::Loader(const Spec& spec) {
  libbpf_set_print(print_libbpf);
  g_log.clear();

  // Open: parse the embedded object.
  skel_ = syscalls_bpf::open();
  if (!skel_) throw LoadError("open BPF object", errno, g_log);

  // Configure: read-only globals and map sizes, fixed from here on.
  auto* ro = skel_->rodata;
  ro->filter_self_tgid = spec.self_tgid ? spec.self_tgid : static_cast<uint32_t>(getpid());
  ro->filter_tgids = !spec.whole_system();
  ro->follow_forks = spec.follow && !spec.whole_system();
  ro->filter_syscalls = spec.filters_syscalls();
  auto check_number = [](int nr) {
    if (nr < 0 || nr >= MAX_SYSCALLS)
      throw Error("configure syscall filter", EINVAL,
                  "syscall number " + std::to_string(nr) + " is out of range 0-" +
                      std::to_string(MAX_SYSCALLS - 1));
  };
  for (int nr : spec.syscalls) {
    check_number(nr);
    ro->filter_syscall_bits[nr / 64] |= 1ull << (nr % 64);
    if (spec.compat_syscalls_set) continue;
    // The same syscall by its 32-bit number, so that int 0x80 cannot slip past -s.
    int compat = compat_syscall_number(syscall_name(nr));
    if (compat >= 0 && compat < MAX_SYSCALLS)
      ro->filter_syscall_bits_compat[compat / 64] |= 1ull << (compat % 64);
  }
  for (int nr : spec.compat_syscalls) {
    check_number(nr);
    ro->filter_syscall_bits_compat[nr / 64] |= 1ull << (nr % 64);
  }
  if (spec.string_limit > STRING_MAX - 1)
    throw Error("configure string capture", EINVAL,
                "string limit must be at most " + std::to_string(STRING_MAX - 1) + " bytes");
  if (spec.data_limit > BLOB_MAX)
    throw Error("configure BPF object", EINVAL,
                "data limit must be at most " + std::to_string(BLOB_MAX) + " bytes");
  if ((spec.count_stats || spec.failed_only || spec.successful_only || spec.unfinished_only ||
       spec.string_limit ||
       spec.data_limit || spec.fd_paths || spec.absolute_paths || !spec.resume_pids.empty() ||
       !spec.paths.empty() || spec.stack_trace) &&
      !spec.capture_exit)
    // -P learns at sys_exit which fds an open of the path returned.
    throw Error("configure recording", EINVAL,
                "summaries, failed-only filtering, strings, fd paths, stacks, -P and resumed "
                "calls need capture_exit");
#if !defined(__x86_64__)
  if (spec.stack_trace)
    throw Error("configure stack traces", ENOTSUP, "stack traces are unwound on x86_64 only");
#endif
  ro->capture_stack = spec.stack_trace;
  ro->capture_maps = spec.stack_trace && kernel_sends_maps();
  if (spec.stack_trace && !ro->capture_maps)
    notes_.push_back("-k: this kernel has no VMA iterator (Linux 6.7): frames are named by "
                     "/proc/PID/maps when written, and a process gone by then by its address");
  if (!ro->capture_maps)
    check(bpf_map__set_max_entries(skel_->maps.maps_sent, 1), "configure stack mappings");
  ro->capture_exit = spec.capture_exit;
  ro->emit_records = spec.emit_records;
  ro->compact_records = spec.compact_records && !spec.capture_exit && !spec.capture_time;
  ro->count_stats = spec.count_stats;
  if (spec.count_latency && !spec.count_stats)
    throw Error("configure recording", EINVAL, "latency histograms are part of the summary");
  ro->count_latency = spec.count_latency;
  // 1.5 KB per syscall number: allocated only when asked for.
  if (!spec.count_latency)
    check(bpf_map__set_max_entries(skel_->maps.latency, 1), "configure latency histograms");
  ro->filter_failed = spec.failed_only;
  ro->filter_successful = spec.successful_only;
  ro->filter_unfinished = spec.unfinished_only;
  ro->emit_exits = spec.exit_records && spec.capture_exit;
  // In a pid namespace (a container, unshare --pid), user space knows pids as the namespace
  // numbers them, and so must the programs. 0xEFFFFFFC is the initial namespace's inode
  // (PROC_PID_INIT_INO), where nothing needs translating.
  struct stat ns {};
  if (stat("/proc/self/ns/pid", &ns) == 0 && ns.st_ino != 0xEFFFFFFCu) {
    ro->pidns_dev = ns.st_dev;
    ro->pidns_ino = ns.st_ino;
  }
  ro->filter_cgroup_id = spec.cgroup_id;
  ro->filter_cgroup_level = spec.cgroup_level;
  // A 4-byte answer per pid the kernel hands out now (a larger pid_max later: those tids ask
  // the kernel at every call).
  check(bpf_map__set_max_entries(skel_->maps.cgroup_seen, spec.cgroup_id ? pid_max() : 1),
        "configure cgroup filter");
  ro->filter_uid = spec.uid >= 0;
  ro->filter_uid_value = spec.uid >= 0 ? static_cast<uint32_t>(spec.uid) : 0;
  ro->string_limit = spec.string_limit;
  ro->capture_blobs = spec.data_limit > 0;
  ro->argv_limit = spec.data_limit;  // execve's strings are cut as strace's -s cuts them
  ro->control_limit = optmem_max();
  ro->decode_fds = spec.fd_paths;
  ro->absolute_paths = spec.absolute_paths;
  ro->capture_envp = spec.envp_strings && spec.data_limit > 0;
  // A call begun before attach returns as "<... resumed>", except where a filter cannot pass
  // it, as strace writes none then: it returned (never status=unfinished), and its entry was
  // never seen (-P cannot know what it touched).
  ro->resume_calls = !spec.resume_pids.empty() && !spec.unfinished_only && spec.paths.empty();
  ro->ring_bytes = spec.ring_size;
  // What each syscall's full record carries, by native and by i386 number: decided here,
  // read-only for the programs.
  if (spec.capture_exit && spec.emit_records) {
    uring_layouts(ro->uring_layouts);
    ioc_ptr_layouts(ro->ioc_ptrs);
    bpf_string_offsets(ro->bpf_strings);
    ptrace_reads(ro->ptrace_reads, ro->ptrace_regsets);
    CaptureOptions options{spec.string_limit > 0, spec.data_limit > 0, spec.fd_paths,
                           spec.absolute_paths};
    for (int compat = 0; compat < 2; ++compat) {
      for (int nr = 0; nr < MAX_SYSCALLS; ++nr) {
        auto& slots = ro->capture_plan[compat][nr];
        const SyscallInfo* info = compat ? compat_syscall_info(nr) : syscall_info(nr);
        bool whole = spec.whole_data && info && moves_data_at_fd(*info);
        if (spec.data_limit) capture_plan(nr, whole ? BLOB_MAX : spec.data_limit, slots, compat);
        ro->plans[compat][nr] = plan_call(nr, compat, options, slots);
      }
    }
    if (spec.data_limit)
      ioctl_plain_plan(ro->ioc_plain_row, ro->ioc_plain);
  }
  if (spec.paths.size() > MAX_PATHS)
    throw Error("configure -P", E2BIG, "at most " + std::to_string(MAX_PATHS) + " paths");
  for (const auto& path : spec.paths)
    if (path.empty() || path.size() >= NAME_LEN || path.find('\0') != std::string::npos)
      throw Error("configure -P", ENAMETOOLONG,
                  "a path must be 1-" + std::to_string(NAME_LEN - 1) + " bytes");
  if (!spec.paths.empty()) {
    ro->filter_paths = static_cast<uint8_t>(spec.paths.size());
    for (size_t i = 0; i < spec.paths.size(); ++i)
      std::memcpy(const_cast<char*>(ro->filter_path[i]), spec.paths[i].data(),
                  spec.paths[i].size());
    for (int nr = 0; nr < MAX_SYSCALLS; ++nr) ro->path_roles[nr] = path_roles(nr);
  }
  ro->capture_time = spec.capture_time || spec.capture_exit;
  check(bpf_map__set_max_entries(skel_->maps.events, spec.ring_size), "configure ring buffer size");

  // Each program is named after its tracepoint; load only those spec needs. The task
  // iterator reports, at detach, the calls full records are still waiting for; -P has a fork
  // program of its own.
  std::vector<std::string> needed = tracepoints(spec);
  // A selection's calls at their own tracepoints, where that keeps every guarantee.
  SyscallEvents events = syscall_events(spec);
  events_ = events.names;
  if (!events.why_raw.empty()) notes_.push_back(events.why_raw);
  if (!events_.empty()) {
    notes_.push_back("per-syscall tracepoints for the " + std::to_string(events_.size()) +
                     " selected syscalls: the others run no program of observer's");
    std::replace(needed.begin(), needed.end(), std::string("sys_enter"),
                 std::string("syscalls_enter"));
    std::replace(needed.begin(), needed.end(), std::string("sys_exit"),
                 std::string("syscalls_exit"));
  }
  if (spec.capture_exit && spec.emit_records) needed.push_back("iter_task");
  if (!spec.paths.empty()) needed.push_back("sched_process_fork_paths");
  bpf_program* prog;
  bpf_object__for_each_program(prog, skel_->obj) {
    set_autoload(prog, std::find(needed.begin(), needed.end(), bpf_program__name(prog)) !=
                           needed.end());
  }

  // Load: create maps, relocate against the kernel's BTF, verify.
  int err = syscalls_bpf::load(skel_);
  if (err) {
    std::string log = std::move(g_log);
    syscalls_bpf::destroy(skel_);
    skel_ = nullptr;
    // Task storage exists since 5.11 but tracing programs may use it since 5.12 (commit
    // a10787e6d58c): say so rather than show the verifier's words.
    if (log.find("bpf_task_storage_get") != std::string::npos &&
        (log.find("unknown func") != std::string::npos ||
         log.find("cannot") != std::string::npos))
      throw FeatureError("load BPF programs", ENOTSUP,
                         "this kernel does not let tracing programs use task storage: observer "
                         "needs Linux >= 5.12 (" + kernel_release() + ")");
    throw LoadError("load BPF programs", -err, log);
  }
}

Loader::~Loader() {
  for (bpf_link* link : event_links_) bpf_link__destroy(link);
  if (skel_) syscalls_bpf::destroy(skel_);
}

void Loader::attach() {
  bpf_program* progs[] = {skel_->progs.sys_enter, skel_->progs.sys_exit,
                          skel_->progs.sched_process_fork, skel_->progs.sched_process_exec,
                          skel_->progs.sched_process_exit, skel_->progs.signal_deliver,
                          skel_->progs.sched_switch, skel_->progs.cgroup_attach_task,
                          skel_->progs.sched_process_fork_paths};
  bpf_link** links[] = {&skel_->links.sys_enter, &skel_->links.sys_exit,
                        &skel_->links.sched_process_fork, &skel_->links.sched_process_exec,
                        &skel_->links.sched_process_exit, &skel_->links.signal_deliver,
                        &skel_->links.sched_switch, &skel_->links.cgroup_attach_task,
                        &skel_->links.sched_process_fork_paths};
  // Process-lifetime hooks first, so no fork or exec slips between them and sys_enter.
  // (The task iterator is not attached: detach() reads it once.)
  for (int i = static_cast<int>(std::size(progs)) - 1; i >= 0; --i) {
    if (!bpf_program__autoload(progs[i])) continue;
    bpf_link* link = bpf_program__attach(progs[i]);
    if (!link) {
      int err = errno;
      detach();
      throw AttachError(std::string("attach ") + bpf_program__section_name(progs[i]), err);
    }
    *links[i] = link;
  }
  // Or the selected syscalls' own tracepoints: every exit before any entry, as above.
  for (auto [prog, kind] : {std::pair{skel_->progs.syscalls_exit, "sys_exit_"},
                            std::pair{skel_->progs.syscalls_enter, "sys_enter_"}}) {
    if (!bpf_program__autoload(prog)) continue;
    for (const auto& name : events_) {
      std::string event = kind + name;
      bpf_link* link = bpf_program__attach_tracepoint(prog, "syscalls", event.c_str());
      if (!link) {
        int err = errno;
        detach();
        throw AttachError("attach syscalls/" + event, err);
      }
      event_links_.push_back(link);
    }
  }
}

bool Loader::detach() noexcept {
  if (!skel_) return true;
  for (bpf_link* link : event_links_) bpf_link__destroy(link);
  event_links_.clear();
  syscalls_bpf::detach(skel_);
  return report_running();
}

bool Loader::report_running() noexcept {
  bpf_program* prog = skel_->progs.iter_task;
  if (reported_ || !bpf_program__autoload(prog)) return true;
  reported_ = true;
  // Reading the iterator runs the program once per task (iter/task, Linux 5.8).
  bpf_link* link = bpf_program__attach_iter(prog, nullptr);
  if (!link) return false;
  int fd = bpf_iter_create(bpf_link__fd(link));
  bool ok = fd >= 0;
  if (ok) {
    char buf[64];
    ssize_t n;
    while ((n = read(fd, buf, sizeof(buf))) > 0 || (n < 0 && errno == EINTR)) {
    }
    ok = n == 0;
    close(fd);
  }
  bpf_link__destroy(link);
  return ok;
}

}  // namespace observer
