// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// User-space side of the BPF maps and counters: which processes and names are traced, and
// what the kernel counted. Valid while the Loader that owns the skeleton lives.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

struct syscalls_bpf;

namespace observer {

// Every call a traced thread makes while attached is written (in full or unfinished) or lost,
// and each way of losing one is counted.
struct Counters {
  uint64_t lost = 0;            // records dropped, all causes: the sum of the next four
  uint64_t lost_ring = 0;       // calls dropped because the ring was full
  uint64_t lost_storage = 0;    // calls whose start could not be kept (task storage)
  uint64_t lost_oversized = 0;  // records larger than the ring
  uint64_t lost_notices = 0;    // process exits and signals dropped: the ring was full
  uint64_t untraced_forks = 0;  // children not followed: in a pid namespace, its map was full
  uint64_t untraced_execs = 0;  // -n: programs not traced (a pid past the traced bitmap)
  int64_t traced_alive = 0;     // traced processes that have not exited
  // Not the kernel's: records taken from the ring and dropped because the user-space backlog
  // was full (Tracer::counters() fills it in).
  uint64_t dropped = 0;
};

class MapController {
 public:
  // Maps the traced bitmap (its words are shared with the programs); throws MapError.
  explicit MapController(syscalls_bpf* skel);
  ~MapController();
  MapController(const MapController&) = delete;
  MapController& operator=(const MapController&) = delete;

  // Traces every thread of process tgid; false if it already was traced. Throws MapError for
  // a tgid past every pid (PID_LIMIT).
  bool add_tgid(uint32_t tgid);
  bool traced(uint32_t tgid) const;
  // Stops tracing tgid (it exited before the kernel could see it go).
  void erase_tgid(uint32_t tgid);
  // Processes traced now, by counting the bitmap's bits: for tests and diagnostics.
  size_t traced_count() const;
  // Traces processes that exec a program whose basename or comm is name.
  void add_comm(const std::string& name);
  // Remembers the threads of process tgid, so that the calls they are in now are written as
  // resumed when they return (Spec::resume_pids). Call before attach(). Returns how many.
  size_t add_resuming(uint32_t tgid, const std::string& proc_root = "/proc");
  // The (tid, tgid) of those threads that have neither made a call nor returned from one
  // since: after detach, still in the call they were in when tracing began.
  std::vector<std::pair<uint32_t, uint32_t>> resuming() const;
  Counters counters() const;

 private:
  syscalls_bpf* skel_;
  uint64_t* traced_ = nullptr;  // TRACED_WORDS words, mmap'ed from the traced map
};

}  // namespace observer
