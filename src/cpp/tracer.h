// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// A tracing session: the loaded programs, their maps and the ring-buffer reader, driven by
// poll() from one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "call_join.h"
#include "loader.h"
#include "map_controller.h"
#include "ring_buffer_consumer.h"
#include "sink.h"

namespace observer {

// Totals of one syscall over all CPUs, from summary mode (Spec::count_stats).
struct SyscallStats {
  int nr = 0;
  uint64_t calls = 0;
  uint64_t errors = 0;
  uint64_t total_ns = 0;
  uint64_t max_ns = 0;
};

// Ordering: records of one thread reach the sink in the order the thread made its syscalls.
// Full records whose entry half went ahead (EVENT_ENTRY) are joined before they are written.
// With capture_exit, records are written at syscall exit, so records of different threads
// would follow exit order; each drained batch (everything committed at one poll) is sorted
// by entry time (ts_ns, stable) before it reaches the sink. A syscall still running at a poll
// (a blocking read, wait4) lands in a later batch, after records that entered after it.
class Tracer {
 public:
  // Checks kernel features, loads the programs and registers spec's pids and names.
  // Throws FeatureError, LoadError, MapError.
  explicit Tracer(const Spec& spec);

  void attach() { loader_.attach(); }
  // Detaches the programs; with full records the calls still running are then written as
  // unfinished (<detached ...>) into the ring, for drain() to write, and with resume_pids
  // the calls begun before attach and still running are read from /proc. Idempotent.
  void detach() noexcept;

  // Waits up to timeout_ms (not at all if the ring is over 1/16 full, less if a watched fd
  // fires), then writes every
  // committed record to sink and flushes it. Returns the number of records.
  size_t poll(Sink& sink, int timeout_ms);
  // Makes poll() return as soon as fd is readable, once (a pidfd: when its process exits).
  void watch(int fd) { reader_->watch(fd); }
  // Writes every record left in the ring, waiting briefly for ones still being written.
  // Call after detach() to end a session without losing its tail.
  size_t drain(Sink& sink);
  // Drops every record left in the ring (a Python Tracer closed before it read them all);
  // they count as lost (discarded()). Returns how many.
  size_t discard();

  // Records taken from the ring for a sink (entry halves joined), over all calls; those the
  // sink threw on count too.
  uint64_t consumed() const noexcept { return consumed_; }
  // Of those, calls written unfinished (EVENT_UNFINISHED) and resumed (EVENT_RESUMED).
  uint64_t unfinished() const noexcept { return unfinished_; }
  uint64_t resumed() const noexcept { return resumed_; }
  // Records dropped by discard().
  uint64_t discarded() const noexcept { return discarded_; }
  // What probe_features() noted at start-up: absent features that are not needed.
  const std::vector<std::string>& notes() const noexcept { return notes_; }
  // Per-syscall totals so far, syscalls with calls only, by number. Empty without count_stats.
  std::vector<SyscallStats> stats() const;

  MapController& maps() noexcept { return maps_; }
  Counters counters() const { return maps_.counters(); }
  const Spec& spec() const noexcept { return spec_; }

 private:
  size_t consume(Sink& sink);

  Spec spec_;
  std::vector<std::string> notes_;  // before loader_: the probe runs before anything loads
  Loader loader_;
  MapController maps_;
  std::unique_ptr<RingBufferReader> reader_;
  // Counts rec, about to go to a sink.
  void count(std::string_view rec) noexcept;
  // The calls threads of resume_pids were in when tracing began and are still in: as
  // /proc/TGID/task/TID/syscall says, unfinished (EVENT_DETACHED).
  std::vector<Event> calls_begun_before(const std::string& proc_root) const;

  uint64_t consumed_ = 0;
  uint64_t unfinished_ = 0;
  uint64_t resumed_ = 0;
  uint64_t discarded_ = 0;
  CallJoiner joiner_;
  static constexpr size_t kSweepAt = 4096;  // entry halves waiting before gone threads' go
  int64_t last_sweep_s_ = 0;
  bool detached_ = false;
  std::vector<Event> still_running_;  // calls_begun_before() at detach, for drain()
  std::vector<uint8_t> staged_;        // records of the batch being sorted, back to back
};

}  // namespace observer
