// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Owns the BPF skeleton through its lifecycle: open -> configure -> load -> attach.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct syscalls_bpf;
struct bpf_link;

namespace observer {

// What to trace: a deterministic description, validated before anything is loaded.
struct Spec {
  std::vector<uint32_t> pids;      // trace these processes (all threads)
  std::vector<int> syscalls;       // only these syscall numbers; empty = all
  // The 32-bit (i386) numbers selected on their own (-s name@32, name@64, none), when
  // compat_syscalls_set; else those of `syscalls`, by name, so that int 0x80 cannot slip past
  // -s. Set with both lists empty, no syscall is traced (-e trace=none).
  std::vector<int> compat_syscalls;
  bool compat_syscalls_set = false;
  std::vector<std::string> comms;  // trace processes that exec a program of this name
  std::vector<std::string> paths;  // -P: only syscalls that name one of these or use its fd
  bool follow = false;             // trace children of traced processes
  bool capture_exit = false;       // record at exit: return value and duration
  bool capture_time = false;       // timestamp every record
  bool emit_records = true;        // write records to the ring (off: summary only)
  // Entry records as struct log_event (tgid, tid, nr, comm: the log's line), not struct event;
  // only without capture_exit and capture_time, else ignored.
  bool compact_records = false;
  bool count_stats = false;        // per-syscall totals in the kernel (-c); needs capture_exit
  bool count_latency = false;      // and a latency histogram per syscall (-c --latency)
  bool failed_only = false;        // only syscalls that returned an error; needs capture_exit
  bool successful_only = false;    // only syscalls that did not return an error; needs capture_exit
  bool unfinished_only = false;    // only syscalls that never returned (unfinished); likewise
  bool exit_records = false;       // a record (EVENT_PROCESS_EXIT) when a traced process ends
  uint32_t string_limit = 0;       // bytes per captured string argument, 0 = none
  uint32_t data_limit = 0;         // bytes of I/O data per buffer; 0 = no buffers or structs
  bool fd_paths = false;           // -y: what fd arguments and results name; needs capture_exit
  bool absolute_paths = false;     // --absolute: where relative paths start; needs capture_exit
  bool envp_strings = false;       // execve's environment as strings (strace -v), not a count
  // -k: every call's entry half carries its user registers and stack (x86_64 only; see
  // stacks.h); needs capture_exit.
  bool stack_trace = false;
  // -e read=/write=: the buffers of calls that move data at an fd are kept whole (BLOB_MAX
  // bytes) for their dumps; the strace format still shows data_limit bytes of them.
  bool whole_data = false;
  // -p: processes already running, whose threads' calls in progress at attach are written
  // as resumed when they return (EVENT_RESUMED); needs capture_exit.
  std::vector<uint32_t> resume_pids;
  uint32_t ring_size = 16u << 20;  // bytes, a power of two >= page size
  // Bytes of drained records that may wait for the writer (Tracer); 0 = 16 ring sizes, at
  // most 1 GiB.
  uint64_t backlog_size = 0;
  uint32_t self_tgid = 0;          // never traced; 0 = this process
  uint64_t cgroup_id = 0;          // only tasks in this cgroup v2 (its inode) or below; 0 = any
  uint32_t cgroup_level = 0;       // depth of cgroup_id below the v2 root (root = 0)
  int64_t uid = -1;                // only tasks with this real or effective uid; -1 = any
  // With a selection, attach the per-syscall tracepoints (syscalls:sys_enter_<name>,
  // sys_exit_<name>) of the selected syscalls instead of the raw ones, so that the others run
  // no program; only where they keep every guarantee (no 32-bit call can be selected, every
  // event exists, tracefs is there or can be mounted), else the raw ones (Loader::notes says
  // which, and why).
  bool syscall_tracepoints = false;
  std::string probe_root = "/";    // where probe_features() looks for /proc and /sys

  bool whole_system() const { return pids.empty() && comms.empty(); }
  bool filters_syscalls() const { return !syscalls.empty() || compat_syscalls_set; }
};

// libbpf's own messages: 0 = keep them for error reports only, 1+ = also print to stderr.
void set_verbosity(int level);

// The tracepoints spec needs; each BPF program is named after the tracepoint it attaches to.
std::vector<std::string> tracepoints(const Spec& spec);

// Checks what the kernel must offer before loading: privileges, BTF, the BPF ring buffer and
// each tracepoint spec needs (found in the kernel BTF as btf_trace_<name>). Throws Error(EPERM)
// without privileges and FeatureError naming what is missing. Returns notes about features
// that are absent but not needed (tracefs). spec.probe_root replaces "/" so tests can point the
// probe at a fake tree; the kernel itself is then only asked what the tree cannot say.
std::vector<std::string> probe_features(const Spec& spec);

// Which tracepoints a selection's calls are taken at: the per-syscall events' names (without
// the sys_enter_/sys_exit_ prefix), or none and why the raw tracepoints are used instead.
struct SyscallEvents {
  std::vector<std::string> names;
  std::string why_raw;  // empty when names are used
};

// Decides, for spec.syscall_tracepoints, between per-syscall and raw tracepoints; may mount
// tracefs at /sys/kernel/tracing when it is not mounted. x86_64 only.
SyscallEvents syscall_events(const Spec& spec);

// Opens, configures and loads the programs and maps for spec.
// Minimum kernel: 5.12 (tp_btf 5.5, ring buffer 5.8, task iterator 5.8, task storage in
// tracing programs 5.12, global functions 5.6, bounded loops 5.3); --comm needs 5.17 (bpf_loop).
class Loader {
 public:
  explicit Loader(const Spec& spec);
  ~Loader();
  Loader(const Loader&) = delete;
  Loader& operator=(const Loader&) = delete;

  // Attaches every loaded program; throws AttachError naming the tracepoint that failed.
  void attach();
  // Detaches all programs; records already in the ring stay readable. The first time, with
  // full records, it then writes the calls still running as unfinished (EVENT_DETACHED) into
  // the ring, through the task iterator; returns false if that failed.
  bool detach() noexcept;
  syscalls_bpf* skeleton() const noexcept { return skel_; }
  // What the loader chose that the user may want to know (-v): the tracepoints a selection's
  // calls are taken at.
  const std::vector<std::string>& notes() const noexcept { return notes_; }

 private:
  // Writes the calls traced threads are still in (the task iterator); false on failure.
  bool report_running() noexcept;

  syscalls_bpf* skel_ = nullptr;
  bool reported_ = false;
  std::vector<std::string> events_;        // per-syscall tracepoints to attach, or none
  std::vector<bpf_link*> event_links_;     // theirs, owned
  std::vector<std::string> notes_;
};

}  // namespace observer
