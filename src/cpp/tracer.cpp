// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "tracer.h"

#include <bpf/libbpf.h>
#include <linux/types.h>
#include <time.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iterator>

#include "decode.h"
#include "error.h"
#include "syscalls.skel.h"

namespace observer {

namespace {

// What one poll() writes at most: about 75,000 records, 30 ms of the JSON writer, so that the
// caller sees a deadline or Ctrl-C in time while a large backlog drains.
constexpr size_t kPollBytes = 8 << 20;

// The log's record as the event the sinks take: no arguments, no time.
Event widen(const LogEvent& l) {
  Event e{};
  e.tgid = l.tgid;
  e.tid = l.tid;
  e.nr = l.nr;
  e.flags = l.flags;
  std::memcpy(e.comm, l.comm, sizeof(e.comm));
  return e;
}

}  // namespace

Tracer::Tracer(const Spec& spec)
    : spec_(spec), notes_(probe_features(spec)), loader_(spec_), maps_(loader_.skeleton()) {
  for (uint32_t pid : spec_.pids) maps_.add_tgid(pid);
  for (const auto& name : spec_.comms) maps_.add_comm(name);
  bpf_map* events = loader_.skeleton()->maps.events;
  reader_ = std::make_unique<RingBufferReader>(bpf_map__fd(events), bpf_map__max_entries(events));
  // By default 16 rings' worth (256 MiB for the default ring), at most 1 GiB: what a slow
  // writer may fall behind before records are dropped.
  size_t backlog = spec_.backlog_size
                       ? spec_.backlog_size
                       : std::min(size_t{16} * spec_.ring_size, size_t{1} << 30);
  pipeline_ = std::make_unique<Pipeline>(*reader_, backlog);
}

void Tracer::attach() {
  loader_.attach();
  pipeline_->start();
}

Counters Tracer::counters() const {
  Counters c = maps_.counters();
  c.dropped = pipeline_->dropped();
  return c;
}

size_t Tracer::write_pass(Sink& sink, const Chunk* chunks, size_t count) {
  size_t n = 0;
  if (!spec_.capture_exit) {
    // Entry records are reserved, hence ordered, at syscall entry: write them as they come.
    for (size_t i = 0; i < count; ++i)
      n += for_each_record(chunks[i].data(), chunks[i].size, [&](const void* data, uint32_t size) {
        if (size == sizeof(LogEvent)) {
          sink.write(widen(*static_cast<const LogEvent*>(data)));
          return;
        }
        if (size < sizeof(Event)) throw Error("read ring buffer", EPROTO, "short record");
        sink.write_record(data, size);
      });
    return n;
  }
  // Exit records: sort the pass by entry time, then write. Records are 8-byte aligned in
  // their chunk, so they are written from there.
  refs_.clear();
  for (size_t i = 0; i < count; ++i)
    n += for_each_record(chunks[i].data(), chunks[i].size, [&](const void* data, uint32_t size) {
      if (size < sizeof(Event)) throw Error("read ring buffer", EPROTO, "short record");
      refs_.push_back({static_cast<const Event*>(data)->ts_ns, data, size});
    });
  auto earlier = [](const Ref& a, const Ref& b) { return a.ts < b.ts; };
  // One thread's records come in entry order already: most passes need no sort.
  if (!std::is_sorted(refs_.begin(), refs_.end(), earlier))
    std::stable_sort(refs_.begin(), refs_.end(), earlier);
  for (const Ref& r : refs_) sink.write_record(r.data, r.size);
  return n;
}

size_t Tracer::write(Sink& sink, std::vector<Chunk>&& chunks) {
  size_t n = 0, next = 0;
  try {
    for (size_t begin = 0; begin < chunks.size(); begin = next) {
      next = begin;
      while (next < chunks.size() && chunks[next].pass == chunks[begin].pass) ++next;
      n += write_pass(sink, chunks.data() + begin, next - begin);
    }
    sink.flush();
  } catch (...) {
    // The pass being written is given up; the passes after it wait for the next sink.
    std::vector<Chunk> rest(std::make_move_iterator(chunks.begin() + next),
                            std::make_move_iterator(chunks.end()));
    chunks.erase(chunks.begin() + next, chunks.end());
    pipeline_->put_back(std::move(rest));
    pipeline_->recycle(std::move(chunks));
    throw;
  }
  pipeline_->recycle(std::move(chunks));
  return n;
}

std::vector<SyscallStats> Tracer::stats() const {
  std::vector<SyscallStats> out;
  if (!spec_.count_stats) return out;
  int ncpu = libbpf_num_possible_cpus();
  if (ncpu < 0) throw Error("count CPUs", -ncpu);
  std::vector<syscall_stats> percpu(static_cast<size_t>(ncpu));
  bpf_map* map = loader_.skeleton()->maps.stats;
  for (uint32_t nr = 0; nr < MAX_SYSCALLS; ++nr) {
    int err = bpf_map__lookup_elem(map, &nr, sizeof(nr), percpu.data(),
                                   percpu.size() * sizeof(syscall_stats), 0);
    if (err) throw MapError("read syscall stats", -err);
    SyscallStats s;
    s.nr = static_cast<int>(nr);
    for (const auto& c : percpu) {
      s.calls += c.calls;
      s.errors += c.errors;
      s.total_ns += c.total_ns;
      s.cpu_ns += c.cpu_ns;
      s.max_ns = std::max<uint64_t>(s.max_ns, c.max_ns);
    }
    if (s.calls) out.push_back(std::move(s));
  }
  if (!spec_.count_latency) return out;
  bpf_map* latency = loader_.skeleton()->maps.latency;
  latency_hist hist;
  for (SyscallStats& s : out) {
    auto key = static_cast<uint32_t>(s.nr);
    int err = bpf_map__lookup_elem(latency, &key, sizeof(key), &hist, sizeof(hist), 0);
    if (err) throw MapError("read latency histograms", -err);
    s.latency.assign(std::begin(hist.count), std::end(hist.count));
  }
  return out;
}

size_t Tracer::poll(Sink& sink, int timeout_ms) {
  return write(sink, pipeline_->take(timeout_ms, kPollBytes));
}

size_t Tracer::drain(Sink& sink) {
  pipeline_->stop();
  // The backlog first, then the ring, which take() now drains itself.
  size_t total = 0;
  for (;;) {
    std::vector<Chunk> chunks = pipeline_->take(0, SIZE_MAX);
    if (chunks.empty()) break;
    total += write(sink, std::move(chunks));
  }
  // A program that reserved a record before detach may still be writing it (a record blocks
  // the ones after it until committed): wait for it, 1 ms at a time, for kDrainWaitMs.
  for (int i = 0; i < kDrainWaitMs && reader_->pending() > 0; ++i) {
    timespec ms{0, 1000000};
    nanosleep(&ms, nullptr);
    total += write(sink, pipeline_->take(0, SIZE_MAX));
  }
  abandoned_ = reader_->records();
  return total;
}

}  // namespace observer
