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

#include "decode.h"
#include "error.h"
#include "syscalls.skel.h"

namespace observer {

Tracer::Tracer(const Spec& spec)
    : spec_(spec), notes_(probe_features(spec)), loader_(spec_), maps_(loader_.skeleton()) {
  for (uint32_t pid : spec_.pids) maps_.add_tgid(pid);
  for (const auto& name : spec_.comms) maps_.add_comm(name);
  for (uint32_t pid : spec_.resume_pids) maps_.add_resuming(pid);
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
      // (Entry records are never unfinished or resumed.)
      ++consumed_;
    });
    sink.flush();
    return n;
  }
  // Exit records: copy the batch out of the ring (entry halves joined with their ends),
  // sort by entry time, then write.
  staged_.clear();
  struct Ref {
    uint64_t ts;
    size_t offset;
    uint32_t size;
  };
  std::vector<Ref> refs;
  size_t n = reader_->consume([&](const void* data, uint32_t size) {
    if (size < sizeof(Event)) throw Error("read ring buffer", EPROTO, "short record");
    std::string_view rec = joiner_.take(data, size);
    if (rec.empty()) return;  // an entry half: it waits for its end
    Event e;
    std::memcpy(&e, rec.data(), sizeof(e));
    refs.push_back({e.ts_ns, staged_.size(), static_cast<uint32_t>(rec.size())});
    count(rec);  // out of the ring now: if the sink fails below, it counts as not written
    staged_.insert(staged_.end(), rec.begin(), rec.end());
  });
  // Entry halves of threads that are gone will never be joined (their last call was left out
  // by -Z or -e status=): now and then, forget them, so they cannot pile up.
  if (joiner_.waiting() > kSweepAt) {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (now.tv_sec - last_sweep_s_ >= 1) {
      last_sweep_s_ = now.tv_sec;
      joiner_.forget_dead([](uint32_t tgid, uint32_t tid) {
        std::string path = "/proc/" + std::to_string(tgid) + "/task/" + std::to_string(tid);
        return access(path.c_str(), F_OK) == 0;
      });
    }
  }
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
      s.max_ns = std::max<uint64_t>(s.max_ns, c.max_ns);
    }
    if (s.calls) out.push_back(s);
  }
  return out;
}

size_t Tracer::poll(Sink& sink, int timeout_ms) {
  // Records never wake us, so sleep only while the ring is nearly empty: a consumer that is
  // behind drains back to back instead of idling for a timer with the ring filling up.
  if (reader_->pending() < spec_.ring_size / 16) reader_->wait(timeout_ms);
  return consume(sink);
}

void Tracer::detach() noexcept {
  loader_.detach();
  if (detached_) return;
  detached_ = true;
  if (spec_.resume_pids.empty() || !spec_.emit_records || spec_.failed_only ||
      spec_.successful_only)
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
    if (!spec_.syscalls.empty() &&
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

void Tracer::count(std::string_view rec) noexcept {
  Event e;
  std::memcpy(&e, rec.data(), sizeof(e));
  ++consumed_;
  if (e.flags & EVENT_UNFINISHED) ++unfinished_;
  if (e.flags & EVENT_RESUMED) ++resumed_;
}

size_t Tracer::drain(Sink& sink) {
  size_t total = consume(sink);
  // A program that reserved a record before detach may still be writing it: give it 100 ms.
  for (int i = 0; i < 100 && reader_->pending() > 0; ++i) {
    timespec ms{0, 1000000};
    nanosleep(&ms, nullptr);
    total += consume(sink);
  }
  // Entry halves still waiting belong to calls the kernel counted lost or left out.
  joiner_.clear();
  for (const Event& e : still_running_) {
    count(std::string_view(reinterpret_cast<const char*>(&e), sizeof(e)));
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
