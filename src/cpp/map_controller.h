// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// User-space side of the BPF maps and counters: which processes and names are traced, and
// what the kernel counted. Valid while the Loader that owns the skeleton lives.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

struct syscalls_bpf;

namespace observer {

struct Counters {
  uint64_t lost = 0;            // records dropped because the ring was full
  uint64_t untraced_forks = 0;  // children not followed because the traced map was full
  int64_t traced_alive = 0;     // traced processes that have not exited
  // Not the kernel's: records taken from the ring and dropped because the user-space backlog
  // was full (Tracer::counters() fills it in).
  uint64_t dropped = 0;
};

class MapController {
 public:
  explicit MapController(syscalls_bpf* skel) : skel_(skel) {}

  // Traces every thread of process tgid; false if it already was traced. Throws MapError if
  // the map is full.
  bool add_tgid(uint32_t tgid);
  bool traced(uint32_t tgid) const;
  // Stops tracing tgid (it exited before the kernel could see it go).
  void erase_tgid(uint32_t tgid);
  // Entries in the traced map, by walking its keys: O(entries), for tests and diagnostics.
  // Concurrent forks and exits may change the map during the walk.
  size_t traced_count() const;
  // Traces processes that exec a program whose basename or comm is name.
  void add_comm(const std::string& name);
  Counters counters() const;

 private:
  syscalls_bpf* skel_;
};

}  // namespace observer
