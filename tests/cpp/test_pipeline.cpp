// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The pipeline over a fake ring: a producer thread writes numbered records as fast as the ring
// takes them, the drain thread copies them into chunks, and the test takes the chunks as a
// sink's thread would. Every record arrives once, in order, or is counted as dropped.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "call_join.h"
#include "check.h"
#include "event.h"
#include "fake_ring.h"
#include "pipeline.h"

using observer::Chunk;
using observer::Event;
using observer::Pipeline;

namespace {

// A record carrying its number, padded to the size of a full event.
std::string numbered(uint64_t i) {
  std::string payload(sizeof(observer::Event), '\0');
  std::memcpy(payload.data(), &i, sizeof(i));
  return payload;
}

// The numbers of the records in chunks, in order.
std::vector<uint64_t> numbers(const std::vector<Chunk>& chunks) {
  std::vector<uint64_t> out;
  for (const Chunk& c : chunks) {
    size_t n = observer::for_each_record(c.data(), c.size, [&](const void* p, uint32_t size) {
      CHECK_EQ(size, uint32_t{sizeof(observer::Event)});
      uint64_t i;
      std::memcpy(&i, p, sizeof(i));
      out.push_back(i);
    });
    CHECK_EQ(n, c.records);
  }
  return out;
}

// A 64 KiB ring, its reader and a pipeline with room for everything, without a drain thread.
struct Setup {
  check::FakeRing ring{64 << 10};
  observer::RingBufferReader reader = ring.reader();
  Pipeline pipeline{reader, 64 << 20};

  void add(uint64_t from, uint64_t to) {
    for (uint64_t i = from; i < to; ++i) ring.add(numbered(i));
  }
};

// 0, 1, 2, ... with nothing missing or repeated.
bool counting(const std::vector<uint64_t>& numbers) {
  for (size_t i = 0; i < numbers.size(); ++i)
    if (numbers[i] != i) return false;
  return true;
}

// Writes count records into ring, waiting whenever it is full (as if the consumer kept up).
void produce(check::FakeRing& ring, uint64_t count) {
  for (uint64_t i = 0; i < count;)
    if (ring.add(numbered(i)) != UINT64_MAX)
      ++i;
    else
      std::this_thread::yield();
}

void a_drain_thread_delivers_every_record_in_order() {
  check::FakeRing ring(1 << 20);  // 22 MB of records pass through it
  auto reader = ring.reader();
  Pipeline pipeline(reader, 64 << 20);
  pipeline.start();
  constexpr uint64_t kCount = 200000;
  std::thread producer([&] { produce(ring, kCount); });
  std::vector<uint64_t> seen;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (seen.size() < kCount && std::chrono::steady_clock::now() < deadline) {
    std::vector<Chunk> chunks = pipeline.take(Pipeline::kDrainMs, 1 << 20);
    for (uint64_t i : numbers(chunks)) seen.push_back(i);
    pipeline.recycle(std::move(chunks));
  }
  producer.join();
  pipeline.stop();
  CHECK_EQ(seen.size(), size_t{kCount});
  CHECK(counting(seen));
  CHECK_EQ(pipeline.taken(), kCount);
  CHECK_EQ(pipeline.dropped(), uint64_t{0});
  CHECK_EQ(pipeline.backlog(), size_t{0});
}

void a_full_backlog_drops_records_and_counts_them() {
  check::FakeRing ring(64 << 10);
  auto reader = ring.reader();
  // Room for four rings' worth; nothing leaves the backlog while the test does not take.
  Pipeline pipeline(reader, 256 << 10);
  pipeline.start();
  constexpr uint64_t kCount = 20000;
  produce(ring, kCount);  // completes only because the drain thread empties the ring
  while (pipeline.taken() + pipeline.dropped() < kCount) std::this_thread::yield();
  pipeline.stop();
  CHECK(pipeline.dropped() > 0);
  CHECK(pipeline.taken() > 0);
  CHECK(pipeline.backlog() <= size_t{256 << 10});
  std::vector<uint64_t> kept;
  for (;;) {
    std::vector<Chunk> chunks = pipeline.take(0, SIZE_MAX);
    if (chunks.empty()) break;
    for (uint64_t i : numbers(chunks)) kept.push_back(i);
  }
  CHECK_EQ(kept.size() + pipeline.dropped(), size_t{kCount});
  CHECK_EQ(uint64_t{kept.size()}, pipeline.taken());
  // What was kept came first: the backlog filled, then the rest was dropped.
  bool ordered = true;
  for (size_t i = 1; i < kept.size(); ++i) ordered = ordered && kept[i] > kept[i - 1];
  CHECK(ordered);
}

// Full records of a call with data read at entry come in two halves: dropped together, they
// are one call lost, so the count of dropped calls leaves the entry halves out.
void dropped_entry_halves_are_not_counted_as_calls() {
  check::FakeRing ring(64 << 10);
  auto reader = ring.reader();
  Pipeline pipeline(reader, 256 << 10);
  pipeline.start();
  constexpr uint64_t kCount = 20000;  // even: entry halves, odd: the ends of their calls
  for (uint64_t i = 0; i < kCount;) {
    observer::Event e{};
    e.ts_ns = i;
    e.flags = i % 2 == 0 ? EVENT_ENTRY : EVENT_HAS_RET;
    std::string payload(reinterpret_cast<const char*>(&e), sizeof(e));
    if (ring.add(payload) != UINT64_MAX)
      ++i;
    else
      std::this_thread::yield();
  }
  while (reader.pending() > 0) std::this_thread::yield();
  pipeline.stop();
  uint64_t ends_kept = 0;
  for (;;) {
    std::vector<Chunk> chunks = pipeline.take(0, SIZE_MAX);
    if (chunks.empty()) break;
    for (uint64_t i : numbers(chunks)) ends_kept += i % 2;
  }
  CHECK(pipeline.dropped() > 0);
  CHECK_EQ(ends_kept + pipeline.dropped(), kCount / 2);
}

// The halves of call number i of thread tid, as the kernel sends a call with a path argument:
// the entry half carries the path, the record that ends the call says EVENT_JOIN.
std::string entry_half(uint32_t tid, uint64_t i) {
  Event e{};
  e.ts_ns = i;
  e.tgid = e.tid = tid;
  e.nr = 257;  // openat
  e.flags = EVENT_ENTRY | EVENT_HAS_STRINGS | EVENT_HAS_TIME;
  const std::string path = "/tmp/file-" + std::to_string(i);
  string_tail tail{};
  tail.count = 1;
  tail.len[0] = static_cast<uint16_t>(path.size());
  tail.arg[0] = 1;
  tail.kind[0] = ITEM_STRING;
  std::string out(reinterpret_cast<const char*>(&e), sizeof(e));
  out.append(reinterpret_cast<const char*>(&tail), sizeof(tail));
  return out + path;
}

std::string end_half(uint32_t tid, uint64_t i) {
  Event e{};
  e.ts_ns = i;
  e.tgid = e.tid = tid;
  e.nr = 257;
  e.ret = 3;
  e.flags = EVENT_JOIN | EVENT_HAS_RET | EVENT_HAS_TIME;
  return std::string(reinterpret_cast<const char*>(&e), sizeof(e));
}

// A call without an entry half (getppid): one record.
std::string whole_call(uint32_t tid, uint64_t i) {
  Event e{};
  e.ts_ns = i;
  e.tgid = e.tid = tid;
  e.nr = 110;
  e.flags = EVENT_HAS_RET | EVENT_HAS_TIME;
  return std::string(reinterpret_cast<const char*>(&e), sizeof(e));
}

// What a sink gets of chunks, joined as Tracer does it: the calls, and of them those with a
// path argument that came without it (an end written without its entry half).
struct Written {
  observer::CallJoiner joiner;
  uint64_t calls = 0;
  uint64_t without_path = 0;

  void add(const std::vector<Chunk>& chunks) {
    for (const Chunk& c : chunks)
      observer::for_each_record(c.data(), c.size, [&](const void* data, uint32_t size) {
        std::string_view rec = joiner.take(data, size);
        if (rec.empty()) return;
        ++calls;
        Event e;
        std::memcpy(&e, rec.data(), sizeof(e));
        if (e.nr == 257 && !(e.flags & EVENT_HAS_STRINGS)) ++without_path;
      });
  }
};

// An entry half dropped while the backlog is full makes its call lost: when its end comes
// after the backlog has room again, the end is dropped too, and the call is counted once.
void the_end_of_a_call_whose_entry_half_was_dropped_is_dropped_and_counted() {
  check::FakeRing ring(64 << 10);
  auto reader = ring.reader();
  Pipeline pipeline(reader, 4096);  // one small chunk fills it
  Written out;
  ring.add(whole_call(1, 0));
  std::vector<Chunk> first = pipeline.take(0, SIZE_MAX);
  CHECK_EQ(first.size(), size_t{1});
  pipeline.put_back(std::move(first));  // the backlog is full now
  ring.add(entry_half(2, 1));
  out.add(pipeline.take(0, SIZE_MAX));  // drops the entry half, then takes call 0
  CHECK_EQ(pipeline.backlog(), size_t{0});
  ring.add(end_half(2, 1));
  ring.add(entry_half(3, 2));
  ring.add(end_half(3, 2));
  ring.add(whole_call(2, 3));
  out.add(pipeline.take(0, SIZE_MAX));
  CHECK_EQ(out.without_path, uint64_t{0});
  CHECK_EQ(pipeline.dropped(), uint64_t{1});
  CHECK_EQ(out.calls, uint64_t{3});
  CHECK_EQ(out.calls + pipeline.dropped(), uint64_t{4});
  CHECK_EQ(pipeline.taken(), uint64_t{4});  // call 0, the halves of call 2, call 3
  CHECK_EQ(out.joiner.waiting(), size_t{0});
}

// The same under load: threads make calls in halves while the sink takes the backlog in
// bursts, so it fills and empties again and again. Every call is written whole or dropped.
void calls_in_halves_are_written_whole_or_counted_dropped() {
  check::FakeRing ring(64 << 10);
  auto reader = ring.reader();
  Pipeline pipeline(reader, 128 << 10);
  pipeline.start();
  constexpr uint32_t kThreads = 7;
  constexpr uint64_t kCalls = kThreads * 14000;
  std::atomic<bool> produced{false};
  std::thread producer([&] {
    auto put = [&](const std::string& record) {
      while (ring.add(record) == UINT64_MAX) std::this_thread::yield();
    };
    // Each thread's entry half, then the others', then the ends: halves of different calls
    // interleave in the ring as they do when threads run on several CPUs.
    for (uint64_t i = 0; i < kCalls; i += kThreads) {
      for (uint32_t t = 0; t < kThreads; ++t) put(entry_half(100 + t, i + t));
      for (uint32_t t = 0; t < kThreads; ++t) put(end_half(100 + t, i + t));
    }
    produced = true;
  });
  Written out;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  // The sink stalls until the backlog has overflowed once (a state, not a time: on a loaded
  // machine the producer may get little CPU), then takes it in bursts.
  while (pipeline.dropped() == 0 && !produced && std::chrono::steady_clock::now() < deadline)
    std::this_thread::yield();
  for (int round = 0; std::chrono::steady_clock::now() < deadline; ++round) {
    if (round % 2) std::this_thread::sleep_for(std::chrono::milliseconds(2));  // the sink stalls
    std::vector<Chunk> chunks = pipeline.take(Pipeline::kDrainMs, 64 << 10);
    out.add(chunks);
    pipeline.recycle(std::move(chunks));
    if (out.calls + pipeline.dropped() >= kCalls && reader.pending() == 0 &&
        pipeline.backlog() == 0)
      break;
  }
  producer.join();
  pipeline.stop();
  for (;;) {
    std::vector<Chunk> chunks = pipeline.take(0, SIZE_MAX);
    if (chunks.empty()) break;
    out.add(chunks);
  }
  CHECK(pipeline.dropped() > 0);
  CHECK_EQ(out.without_path, uint64_t{0});
  CHECK_EQ(out.calls + pipeline.dropped(), kCalls);
}

// Record i of many shapes: full events whose words change by small and large steps (and
// negative ones), some with a tail of i % 50 bytes, and the log's short records, some with
// a few bytes more.
std::string shaped(uint64_t i) {
  if (i % 7 == 3) {
    observer::LogEvent l{};
    l.tgid = static_cast<uint32_t>(i);
    l.nr = 39;
    std::memcpy(l.comm, "short", 5);
    std::string out(reinterpret_cast<const char*>(&l), sizeof(l));
    if (i % 14 == 10) out.append(5, 'x');  // shorter than an event, not of whole words
    return out;
  }
  Event e{};
  e.ts_ns = 1000 * i;
  e.duration_ns = i % 3 ? 200 : ~uint64_t{0} - i;  // up and down by nearly 2^64
  e.args[0] = i * 0x9e3779b97f4a7c15ULL;             // every bit changing
  e.args[5] = i % 11;
  e.ret = -static_cast<int64_t>(i % 5);
  e.tgid = e.tid = 4242;
  e.nr = static_cast<int32_t>(i % 400);
  e.flags = EVENT_HAS_RET | EVENT_HAS_TIME;
  std::memcpy(e.comm, "getppid_loop", 12);
  std::string out(reinterpret_cast<const char*>(&e), sizeof(e));
  if (i % 5 == 0) out.append(i % 50, static_cast<char>('a' + i % 26));
  return out;
}

// Record i of a pipe loop's: full events of two syscalls with a 136-byte rest (a tail and
// 64 bytes of data) that repeats, but for one word in every 16th record and the last bytes
// of every 10th.
std::string piped(uint64_t i) {
  std::string out = shaped(i);
  out.resize(sizeof(Event));
  int32_t nr = i % 2;  // read, write
  std::memcpy(&out[offsetof(Event, nr)], &nr, sizeof(nr));
  std::string rest(136, 'p');
  if (i % 16 == 0) std::memcpy(&rest[40], &i, sizeof(i));
  if (i % 10 == 0) rest.back() = static_cast<char>(i);
  if (i % 3 == 0) rest.resize(133);  // two sizes, each against its own last record
  return out + rest;
}

// A writer that falls behind: the backlog past kCompactFrom is held compacted, in less than
// most_bytes a record, and take() gives back every record as it was, in order.
void a_backlog_held_compacted_comes_back_exactly(std::string (*record)(uint64_t),
                                                  size_t most_bytes) {
  check::FakeRing ring(64 << 10);
  auto reader = ring.reader();
  Pipeline pipeline(reader, 64 << 20);
  pipeline.start();
  constexpr uint64_t kCount = 60000;  // 6.5 to 15 MB in ring form
  for (uint64_t i = 0; i < kCount;)
    if (ring.add(record(i)) != UINT64_MAX)
      ++i;
    else
      std::this_thread::yield();
  while (pipeline.taken() < kCount) std::this_thread::yield();
  pipeline.stop();
  CHECK(pipeline.backlog() < size_t{kCount} * most_bytes);
  uint64_t i = 0;
  bool same = true;
  for (;;) {
    std::vector<Chunk> chunks = pipeline.take(0, SIZE_MAX);
    if (chunks.empty()) break;
    for (const Chunk& c : chunks)
      observer::for_each_record(c.data(), c.size, [&](const void* data, uint32_t size) {
        std::string want = record(i++);
        same = same && want == std::string_view(static_cast<const char*>(data), size);
      });
    pipeline.recycle(std::move(chunks));
  }
  CHECK_EQ(i, kCount);
  CHECK(same);
  CHECK_EQ(pipeline.dropped(), uint64_t{0});
  CHECK_EQ(pipeline.backlog(), size_t{0});
}

void without_a_thread_take_drains_the_ring_itself() {
  Setup s;
  s.add(0, 10);
  std::vector<Chunk> chunks = s.pipeline.take(0, SIZE_MAX);
  CHECK_EQ(numbers(chunks).size(), size_t{10});
  CHECK_EQ(s.reader.pending(), size_t{0});
  CHECK(s.pipeline.take(0, SIZE_MAX).empty());
}

void take_stops_after_max_bytes_at_a_pass_boundary() {
  Setup s;
  // Three passes of 100 records each, made by take() with nothing queued.
  std::vector<Chunk> passes;
  for (uint64_t pass = 0; pass < 3; ++pass) {
    s.add(pass * 100, pass * 100 + 100);
    std::vector<Chunk> chunks = s.pipeline.take(0, SIZE_MAX);
    CHECK_EQ(chunks.size(), size_t{1});
    for (Chunk& c : chunks) passes.push_back(std::move(c));
  }
  s.pipeline.put_back(std::move(passes));
  // Queued in order; one byte asks for one pass, which comes whole.
  std::vector<Chunk> first = s.pipeline.take(0, 1);
  CHECK_EQ(first.size(), size_t{1});
  std::vector<uint64_t> got = numbers(first);
  CHECK_EQ(got.size(), size_t{100});
  std::vector<Chunk> rest = s.pipeline.take(0, SIZE_MAX);
  CHECK_EQ(rest.size(), size_t{2});
  CHECK_EQ(numbers(rest).size(), size_t{200});
  CHECK_EQ(got.front(), uint64_t{0});
  CHECK_EQ(numbers(rest).front(), uint64_t{100});
}

void put_back_returns_chunks_to_the_front() {
  Setup s;
  s.add(0, 5);
  std::vector<Chunk> chunks = s.pipeline.take(0, SIZE_MAX);
  size_t bytes = chunks.front().capacity();
  s.pipeline.put_back(std::move(chunks));
  CHECK_EQ(s.pipeline.backlog(), bytes);
  s.add(5, 8);
  std::vector<uint64_t> all = numbers(s.pipeline.take(0, SIZE_MAX));
  CHECK_EQ(all.size(), size_t{8});
  CHECK(counting(all));
}

}  // namespace

int main() {
  a_drain_thread_delivers_every_record_in_order();
  a_full_backlog_drops_records_and_counts_them();
  dropped_entry_halves_are_not_counted_as_calls();
  the_end_of_a_call_whose_entry_half_was_dropped_is_dropped_and_counted();
  calls_in_halves_are_written_whole_or_counted_dropped();
  a_backlog_held_compacted_comes_back_exactly(shaped, 64);
  // 256 bytes a record in the ring, about 180 with their rests kept as they are.
  a_backlog_held_compacted_comes_back_exactly(piped, 96);
  without_a_thread_take_drains_the_ring_itself();
  take_stops_after_max_bytes_at_a_pass_boundary();
  put_back_returns_chunks_to_the_front();
  return check::report("pipeline");
}
