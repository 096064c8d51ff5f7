// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "tracer.h"

#include <bpf/libbpf.h>
#include <linux/types.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>

#include "call_order.h"
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
  notes_.insert(notes_.end(), loader_.notes().begin(), loader_.notes().end());
  for (uint32_t pid : spec_.pids) maps_.add_tgid(pid);
  for (const auto& name : spec_.comms) maps_.add_comm(name);
  for (uint32_t pid : spec_.resume_pids) maps_.add_resuming(pid);
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
    // The whole pass counts as taken first: if the sink fails, what it did not write of it
    // is counted not written. (Entry records are never unfinished or resumed.)
    for (size_t i = 0; i < count; ++i)
      consumed_ += for_each_record(chunks[i].data(), chunks[i].size, [](const void*, uint32_t) {});
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
  // Exit records: join entry halves with their ends, sort the pass by entry time, then
  // write. Records are 8-byte aligned in their chunk and are written from there; joined ones
  // are copied into staged_ (8-byte aligned too), whose place is known once it stops growing.
  refs_.clear();
  staged_.clear();
  for (size_t i = 0; i < count; ++i)
    n += for_each_record(chunks[i].data(), chunks[i].size, [&](const void* data, uint32_t size) {
      if (size < sizeof(Event)) throw Error("read ring buffer", EPROTO, "short record");
      // -k's mappings: in their place among the calls, but no record of the output.
      if (static_cast<const Event*>(data)->flags & EVENT_MAPS) {
        refs_.push_back({static_cast<const Event*>(data)->ts_ns, data, 0, size});
        return;
      }
      std::string_view rec = joiner_.take(data, size);
      if (rec.empty()) return;  // an entry half: it waits for its end
      count_record(rec);  // taken now: if the sink fails below, it counts as not written
      uint64_t ts = reinterpret_cast<const Event*>(rec.data())->ts_ns;
      auto len = static_cast<uint32_t>(rec.size());
      if (rec.data() == data) {
        refs_.push_back({ts, data, 0, len});
        return;
      }
      refs_.push_back({ts, nullptr, staged_.size(), len});
      staged_.insert(staged_.end(), rec.begin(), rec.end());
      staged_.resize((staged_.size() + 7) & ~size_t{7});
    });
  for (Ref& r : refs_)
    if (!r.data) r.data = staged_.data() + r.offset;
  if (sink.splits_calls()) {
    // strace's text: each call at its entry and at its exit (call_order.h).
    moments_.clear();
    for (size_t i = 0; i < refs_.size(); ++i)
      add_moments(moments_, *static_cast<const Event*>(refs_[i].data), static_cast<uint32_t>(i));
    sort_moments(moments_);
    for (const Moment& m : moments_) {
      const Ref& r = refs_[m.record];
      if (static_cast<const Event*>(r.data)->flags & EVENT_MAPS)
        sink.write_maps(r.data, r.size);
      else
        sink.write_part(r.data, r.size, m.part);
    }
    return n;
  }
  auto earlier = [](const Ref& a, const Ref& b) { return a.ts < b.ts; };
  // One thread's records come in entry order already: most passes need no sort.
  if (!std::is_sorted(refs_.begin(), refs_.end(), earlier))
    std::stable_sort(refs_.begin(), refs_.end(), earlier);
  for (const Ref& r : refs_) {
    if (static_cast<const Event*>(r.data)->flags & EVENT_MAPS)
      sink.write_maps(r.data, r.size);
    else
      sink.write_record(r.data, r.size);
  }
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
  forget_gone_threads();
  return n;
}

void Tracer::forget_gone_threads() {
  // Entry halves of threads that are gone will never be joined (their last call was left out
  // by -Z or -e status=): now and then, forget them, so they cannot pile up.
  if (joiner_.waiting() <= kSweepAt) return;
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  if (now.tv_sec - last_sweep_s_ < 1) return;
  last_sweep_s_ = now.tv_sec;
  joiner_.forget_dead([](uint32_t tgid, uint32_t tid) {
    std::string path = "/proc/" + std::to_string(tgid) + "/task/" + std::to_string(tid);
    return access(path.c_str(), F_OK) == 0;
  });
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
      if (c.returned) {
        s.min_ns = s.returned ? std::min<uint64_t>(s.min_ns, c.min_ns) : c.min_ns;
        s.min_cpu_ns = s.returned ? std::min<uint64_t>(s.min_cpu_ns, c.min_cpu_ns) : c.min_cpu_ns;
        s.max_cpu_ns = std::max<uint64_t>(s.max_cpu_ns, c.max_cpu_ns);
        s.returned += c.returned;
      }
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

void Tracer::detach() noexcept {
  loader_.detach();
  pipeline_->stop();
  if (detached_) return;
  detached_ = true;
  // Calls still running from before attach: never with -P, which saw no entry of theirs.
  if (spec_.resume_pids.empty() || !spec_.emit_records || spec_.failed_only ||
      spec_.successful_only || !spec_.paths.empty())
    return;
  try {
    still_running_ = calls_begun_before("/proc");
  } catch (...) {
    // Reading /proc failed (out of memory): those calls go unreported, as before attach.
    still_running_.clear();
  }
}

std::vector<Event> Tracer::calls_begun_before(const std::string& proc_root) const {
  std::vector<Event> calls;
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  for (auto [tid, tgid] : maps_.resuming()) {
    std::string dir = proc_root + "/" + std::to_string(tgid) + "/task/" + std::to_string(tid);
    // "NR ARG1 ... ARG6 SP PC" while in a call; "running" or "-1 SP PC" otherwise.
    char text[256] = {};
    FILE* f = fopen((dir + "/syscall").c_str(), "re");
    if (!f) continue;
    size_t n = fread(text, 1, sizeof(text) - 1, f);
    fclose(f);
    text[n] = '\0';
    Event e{};
    char* p = text;
    char* end = nullptr;
    long nr = strtol(p, &end, 10);
    if (end == p || nr < 0 || nr >= MAX_SYSCALLS) continue;
    if (spec_.filters_syscalls() &&
        std::find(spec_.syscalls.begin(), spec_.syscalls.end(), nr) == spec_.syscalls.end())
      continue;
    p = end;
    for (auto& arg : e.args) {
      arg = strtoull(p, &end, 16);
      p = end;
    }
    e.nr = static_cast<int32_t>(nr);
    e.tgid = tgid;
    e.tid = tid;
    e.ts_ns = static_cast<uint64_t>(now.tv_sec) * 1000000000ull + static_cast<uint64_t>(now.tv_nsec);
    e.flags = EVENT_UNFINISHED | EVENT_DETACHED | EVENT_HAS_TIME;
    if (FILE* c = fopen((dir + "/comm").c_str(), "re")) {
      size_t len = fread(e.comm, 1, TASK_COMM_LEN - 1, c);
      fclose(c);
      if (len && e.comm[len - 1] == '\n') e.comm[len - 1] = '\0';
    }
    calls.push_back(e);
  }
  return calls;
}

void Tracer::count_record(std::string_view rec) noexcept {
  Event e;
  std::memcpy(&e, rec.data(), sizeof(e));
  ++consumed_;
  if (e.flags & EVENT_UNFINISHED) ++unfinished_;
  if (e.flags & EVENT_RESUMED) ++resumed_;
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
  // Entry halves still waiting belong to calls the kernel counted lost or left out.
  joiner_.clear();
  for (const Event& e : still_running_) {
    count_record(std::string_view(reinterpret_cast<const char*>(&e), sizeof(e)));
    sink.write_record(&e, sizeof(e));
    ++total;
  }
  still_running_.clear();
  sink.flush();
  return total;
}

size_t Tracer::discard() {
  DiscardSink sink;
  uint64_t before = consumed_;
  drain(sink);
  uint64_t dropped = consumed_ - before;
  discarded_ += dropped;
  return dropped;
}

}  // namespace observer
