// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// How fast the writers format records: synthetic records, as the ring hands them over,
// written through each sink into /dev/null. Two kinds: a getppid call (the event alone) and
// a read that returned 32 bytes (the event, its tail and the captured buffer). Prints one
// JSON object per (sink, record) on stdout. bench/run.py compiles it with observer_core's
// sources and reports the rates against the goals. Usage: writers [RECORDS]
#include <sys/syscall.h>
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "decode.h"
#include "sink.h"

using namespace observer;

namespace {

double now_s() {
  timespec t{};
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

Event base(int nr) {
  Event e{};
  e.ts_ns = 1000000000;
  e.tgid = e.tid = 43210;
  e.nr = nr;
  e.flags = EVENT_HAS_RET | EVENT_HAS_TIME;
  e.duration_ns = 412;
  std::memcpy(e.comm, "getppid_loop", 12);
  return e;
}

// getppid() = 43200: nothing but the event.
std::vector<uint8_t> getppid_record() {
  Event e = base(SYS_getppid);
  e.ret = 43200;
  std::vector<uint8_t> out(sizeof(e));
  std::memcpy(out.data(), &e, sizeof(e));
  return out;
}

// read(3, "...32 bytes...", 4096) = 32, its buffer captured at exit as a blob of argument 1.
std::vector<uint8_t> read_record() {
  static const char data[33] = "observer\tline 1\nline 2 \"quoted\"";
  Event e = base(SYS_read);
  e.args[0] = 3;
  e.args[1] = 0x7ffd1000;
  e.args[2] = 4096;
  e.ret = 32;
  e.flags |= EVENT_HAS_STRINGS;
  string_tail tail{};
  tail.count = 1;
  tail.len[0] = 32;
  tail.arg[0] = 1;
  tail.kind[0] = ITEM_BLOB;
  tail.at_exit = 1;
  std::vector<uint8_t> out(sizeof(e) + sizeof(tail) + 32);
  std::memcpy(out.data(), &e, sizeof(e));
  std::memcpy(out.data() + sizeof(e), &tail, sizeof(tail));
  std::memcpy(out.data() + sizeof(e) + sizeof(tail), data, 32);
  return out;
}

std::unique_ptr<Sink> open_sink(const std::string& kind) {
  if (kind == "strace") return StraceSink::open("/dev/null", TimeFormat{});
  if (kind == "jsonl") return JsonSink::open("/dev/null");
  return TextSink::open("/dev/null");
}

// Records per second of writing n copies of record through a new sink of kind, best of
// three (the machine may be shared).
double rate(const std::string& kind, const std::vector<uint8_t>& record, long n) {
  double best = 0;
  for (int round = 0; round < 3; ++round) {
    auto sink = open_sink(kind);
    auto* event = reinterpret_cast<Event*>(const_cast<uint8_t*>(record.data()));
    double start = now_s();
    for (long i = 0; i < n; ++i) {
      event->ts_ns += 1000;  // records differ, as they would
      sink->write_record(record.data(), static_cast<uint32_t>(record.size()));
    }
    sink->flush();
    double elapsed = now_s() - start;
    if (sink->written() != static_cast<uint64_t>(n)) {
      std::fprintf(stderr, "writers: %s wrote %llu of %ld records\n", kind.c_str(),
                   static_cast<unsigned long long>(sink->written()), n);
      std::exit(1);
    }
    if (elapsed > 0 && n / elapsed > best) best = n / elapsed;
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  long n = argc > 1 ? std::atol(argv[1]) : 2000000;
  if (n <= 0) {
    std::fprintf(stderr, "writers: RECORDS must be > 0\n");
    return 2;
  }
  struct Case {
    const char* name;
    std::vector<uint8_t> record;
  } cases[] = {{"getppid", getppid_record()}, {"read32", read_record()}};
  for (const char* kind : {"strace", "jsonl", "log"}) {
    for (auto& c : cases) {
      std::vector<uint8_t> record = c.record;
      std::printf("{\"sink\":\"%s\",\"record\":\"%s\",\"records\":%ld,\"per_s\":%.0f}\n", kind,
                  c.name, n, rate(kind, record, n));
      std::fflush(stdout);
    }
  }
  return 0;
}
