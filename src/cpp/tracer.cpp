// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "tracer.h"

#include <bpf/libbpf.h>
#include <linux/types.h>
#include <time.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "decode.h"
#include "error.h"
#include "syscalls.skel.h"

namespace observer {

Tracer::Tracer(const Spec& spec)
    : spec_(spec), notes_(probe_features(spec)), loader_(spec_), maps_(loader_.skeleton()) {
  for (uint32_t pid : spec_.pids) maps_.add_tgid(pid);
  for (const auto& name : spec_.comms) maps_.add_comm(name);
  bpf_map* events = loader_.skeleton()->maps.events;
  reader_ = std::make_unique<RingBufferReader>(bpf_map__fd(events), bpf_map__max_entries(events));
}

size_t Tracer::consume(Sink& sink) {
  if (!spec_.capture_exit) {
    // Entry records are reserved, hence ordered, at syscall entry: write them as they come.
    size_t n = reader_->consume([this, &sink](const void* data, uint32_t size) {
      if (size < sizeof(Event)) throw Error("read ring buffer", EPROTO, "short record");
      sink.write_record(data, size);
      // Not counted if write_record() threw: the ring keeps that record for the next consume.
      ++consumed_;
    });
    sink.flush();
    return n;
  }
  // Exit records: copy the batch out of the ring, sort by entry time, then write.
  staged_.clear();
  struct Ref {
    uint64_t ts;
    size_t offset;
    uint32_t size;
  };
  std::vector<Ref> refs;
  size_t n = reader_->consume([&](const void* data, uint32_t size) {
    if (size < sizeof(Event)) throw Error("read ring buffer", EPROTO, "short record");
    refs.push_back({static_cast<const Event*>(data)->ts_ns, staged_.size(), size});
    ++consumed_;  // out of the ring now: if the sink fails below, it counts as not written
    const auto* bytes = static_cast<const uint8_t*>(data);
    staged_.insert(staged_.end(), bytes, bytes + size);
  });
  std::stable_sort(refs.begin(), refs.end(),
                   [](const Ref& a, const Ref& b) { return a.ts < b.ts; });
  for (const Ref& r : refs) {
    // Copy back to an aligned Event: staged_ offsets are not 8-byte aligned.
    alignas(Event) static thread_local uint8_t record[kMaxRecord];
    uint32_t size = std::min<uint32_t>(r.size, sizeof(record));
    std::memcpy(record, staged_.data() + r.offset, size);
    sink.write_record(record, size);
  }
  sink.flush();
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
  // Records never wake us, so sleep only while the ring is nearly empty: a consumer that is
  // behind drains back to back instead of idling for a timer with the ring filling up.
  if (reader_->pending() < spec_.ring_size / 16) reader_->wait(timeout_ms);
  return consume(sink);
}

size_t Tracer::drain(Sink& sink) {
  size_t total = consume(sink);
  // A program that reserved a record before detach may still be writing it (a record blocks
  // the ones after it until committed): wait for it, 1 ms at a time, for kDrainWaitMs.
  for (int i = 0; i < kDrainWaitMs && reader_->pending() > 0; ++i) {
    timespec ms{0, 1000000};
    nanosleep(&ms, nullptr);
    total += consume(sink);
  }
  abandoned_ = reader_->records();
  return total;
}

}  // namespace observer
