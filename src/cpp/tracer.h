// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// A tracing session: the loaded programs, their maps, the ring-buffer reader and the pipeline
// that drains it (pipeline.h), driven by poll() from one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "call_join.h"
#include "call_order.h"
#include "loader.h"
#include "map_controller.h"
#include "pipeline.h"
#include "ring_buffer_consumer.h"
#include "sink.h"

namespace observer {

// Totals of one syscall over all CPUs, from summary mode (Spec::count_stats). nr is the
// native number, or COMPAT_STATS + the i386 number of a 32-bit call.
struct SyscallStats {
  int nr = 0;
  uint64_t calls = 0;
  uint64_t errors = 0;
  uint64_t total_ns = 0;  // wall time, entry to exit
  uint64_t max_ns = 0;    // the longest call's wall time
  uint64_t cpu_ns = 0;    // time on a CPU between entry and exit
  uint64_t returned = 0;  // calls that returned, which the next three cover
  uint64_t min_ns = 0;    // the shortest returned call's wall time
  uint64_t min_cpu_ns = 0;  // the least and the most CPU time of a returned call
  uint64_t max_cpu_ns = 0;
  // With Spec::count_latency: calls per bucket of wall time (LATENCY_BUCKETS, bpf/syscalls.h:
  // bucket b < 4 holds b ns, then four buckets per power of two); empty otherwise.
  std::vector<uint64_t> latency;
};

// Ordering: records of one thread reach the sink in the order the thread made its syscalls.
// Full records whose entry half went ahead (EVENT_ENTRY) are joined before they are written.
// With capture_exit, records are written at syscall exit, so records of different threads
// would follow exit order; each drain pass (everything committed when it started, about every
// 10 ms) is sorted by entry time (ts_ns, stable) before it reaches the sink. A sink that
// splits calls (strace's text) gets the pass in time order instead, each call at its entry
// and at its exit (call_order.h), so that a call's result follows what other threads did
// meanwhile. A syscall still running at a pass (a blocking read, wait4) lands in a later one,
// after records that entered after it: its result comes after what it waited for, but its
// entry too can only be written then.
//
// Threads: attach() starts the drain thread, which copies records out of the ring into the
// backlog as they come; poll() and drain() format them on the caller's thread. Records wait
// in the backlog while the caller is busy elsewhere, up to spec.backlog_size bytes.
class Tracer {
 public:
  // Checks kernel features, loads the programs and registers spec's pids and names.
  // Throws FeatureError, LoadError, MapError.
  explicit Tracer(const Spec& spec);

  // Attaches the programs and starts draining the ring.
  void attach();
  // Detaches the programs and stops the drain thread: what it has not taken stays in the
  // ring for drain(). With full records the calls still running are then written as
  // unfinished (<detached ...>) into the ring, and with resume_pids the calls begun before
  // attach and still running are read from /proc. Idempotent.
  void detach() noexcept;

  // Waits up to timeout_ms until records are drained (less if a watched fd fires), then
  // writes them to sink, about 8 MiB of them at most, and flushes it. Returns the number of
  // records. If the sink throws, the drain pass being written is not written (consumed()
  // counts it) and later ones wait for the next call.
  size_t poll(Sink& sink, int timeout_ms);
  // Makes poll() return as soon as fd is readable, once (a pidfd: when its process exits).
  void watch(int fd) { reader_->watch(fd); }
  // Stops the drain thread and writes every record left in the backlog and the ring, waiting
  // up to kDrainWaitMs for ones still being written (reserved on another CPU just before
  // detach); what is still not committed then is counted in abandoned(). Call after detach()
  // to end a session without losing its tail.
  size_t drain(Sink& sink);
  static constexpr int kDrainWaitMs = 100;
  // Records the last drain() could not wait for, and so never wrote.
  uint64_t abandoned() const noexcept { return abandoned_; }
  // Drops every record left in the backlog and the ring (a Python Tracer closed before it
  // read them all); they count as lost (discarded()). Returns how many.
  size_t discard();

  // Records taken for a sink (entry halves joined), over all calls; those of a pass the sink
  // threw on count too, so once drain() has returned, those not written are what a failed
  // sink could not take.
  uint64_t consumed() const noexcept { return consumed_; }
  // Of those, calls written unfinished (EVENT_UNFINISHED) and resumed (EVENT_RESUMED).
  uint64_t unfinished() const noexcept { return unfinished_; }
  uint64_t resumed() const noexcept { return resumed_; }
  // Records dropped by discard().
  uint64_t discarded() const noexcept { return discarded_; }
  // Bytes of records waiting for poll() now, and the most that waited at once.
  size_t backlog() const { return pipeline_->backlog(); }
  size_t peak_backlog() const { return pipeline_->peak_backlog(); }
  // What probe_features() noted at start-up: absent features that are not needed.
  const std::vector<std::string>& notes() const noexcept { return notes_; }
  // Per-syscall totals so far, syscalls with calls only, by number. Empty without count_stats.
  std::vector<SyscallStats> stats() const;

  MapController& maps() noexcept { return maps_; }
  // The kernel's counters, and records dropped because the backlog was full.
  Counters counters() const;
  const Spec& spec() const noexcept { return spec_; }

 private:
  // A record of a pass, for sorting by entry time.
  struct Ref {
    uint64_t ts;
    const void* data;  // nullptr until the pass is read: then staged_ + offset
    size_t offset;
    uint32_t size;
  };
  size_t write(Sink& sink, std::vector<Chunk>&& chunks);
  size_t write_pass(Sink& sink, const Chunk* chunks, size_t count);
  // Counts rec, about to go to a sink.
  void count_record(std::string_view rec) noexcept;
  // Forgets, now and then, the entry halves of threads that are gone.
  void forget_gone_threads();
  // The calls threads of resume_pids were in when tracing began and are still in: as
  // /proc/TGID/task/TID/syscall says, unfinished (EVENT_DETACHED).
  std::vector<Event> calls_begun_before(const std::string& proc_root) const;

  Spec spec_;
  std::vector<std::string> notes_;  // before loader_: the probe runs before anything loads
  Loader loader_;
  MapController maps_;
  std::unique_ptr<RingBufferReader> reader_;
  uint64_t abandoned_ = 0;
  uint64_t consumed_ = 0;
  uint64_t unfinished_ = 0;
  uint64_t resumed_ = 0;
  uint64_t discarded_ = 0;
  CallJoiner joiner_;
  static constexpr size_t kSweepAt = 4096;  // entry halves waiting before gone threads' go
  int64_t last_sweep_s_ = 0;
  bool detached_ = false;
  std::vector<Event> still_running_;    // calls_begun_before() at detach, for drain()
  std::unique_ptr<Pipeline> pipeline_;  // after reader_: stopped before the reader goes
  std::vector<Ref> refs_;               // the pass being sorted
  std::vector<uint8_t> staged_;         // joined records of the pass, 8-byte aligned
  std::vector<Moment> moments_;         // the pass in time order, for sinks that split calls
};

}  // namespace observer
