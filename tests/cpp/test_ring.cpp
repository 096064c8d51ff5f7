// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// RingBufferReader over a fake ring: records are laid out as the kernel's BPF ring buffer
// writes them (8-byte header, 8-byte alignment, busy and discard bits, data mapped twice).
#include <linux/bpf.h>

#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "check.h"
#include "ring_buffer_consumer.h"

using observer::RingBufferReader;

namespace {

constexpr size_t kSize = 4096;

// A producer that writes records as bpf_ringbuf_reserve/submit leave them.
struct FakeRing {
  uint64_t consumer = 0;
  uint64_t producer = 0;
  alignas(8) uint8_t data[2 * kSize] = {};

  // Appends a record; flags are BPF_RINGBUF_BUSY_BIT or BPF_RINGBUF_DISCARD_BIT.
  uint64_t add(const std::string& payload, uint32_t flags = 0) {
    uint64_t at = producer;
    uint32_t header[2] = {static_cast<uint32_t>(payload.size()) | flags, 0};
    put(at, header, sizeof(header));
    put(at + BPF_RINGBUF_HDR_SZ, payload.data(), payload.size());
    producer += (payload.size() + BPF_RINGBUF_HDR_SZ + 7) & ~uint64_t{7};
    return at;
  }
  void commit(uint64_t at) {
    uint32_t len;
    std::memcpy(&len, data + (at & (kSize - 1)), sizeof(len));
    len &= ~static_cast<uint32_t>(BPF_RINGBUF_BUSY_BIT);
    put(at, &len, sizeof(len));
  }
  // Both copies of the data, as the kernel's double mapping shows them.
  void put(uint64_t pos, const void* src, size_t n) {
    for (size_t i = 0; i < n; ++i) {
      size_t off = (pos + i) & (kSize - 1);
      data[off] = data[off + kSize] = static_cast<const uint8_t*>(src)[i];
    }
  }
  RingBufferReader reader() { return RingBufferReader(&consumer, &producer, data, kSize); }
};

std::vector<std::string> drain(RingBufferReader& reader) {
  std::vector<std::string> seen;
  reader.consume([&](const void* p, uint32_t n) {
    seen.emplace_back(static_cast<const char*>(p), n);
  });
  return seen;
}

void records_come_out_in_order_and_are_released() {
  FakeRing ring;
  ring.add("one");
  ring.add("second record");
  ring.add(std::string(100, 'x'));
  RingBufferReader reader = ring.reader();
  CHECK_EQ(reader.pending(), size_t{ring.producer});
  auto seen = drain(reader);
  CHECK_EQ(seen.size(), size_t{3});
  CHECK_EQ(seen.at(0), "one");
  CHECK_EQ(seen.at(1), "second record");
  CHECK_EQ(seen.at(2).size(), size_t{100});
  CHECK_EQ(ring.consumer, ring.producer);
  CHECK_EQ(reader.pending(), size_t{0});
  CHECK(drain(reader).empty());
}

void a_busy_record_stops_the_reader_until_committed() {
  FakeRing ring;
  ring.add("done");
  uint64_t busy = ring.add("in flight", BPF_RINGBUF_BUSY_BIT);
  ring.add("after");
  RingBufferReader reader = ring.reader();
  auto seen = drain(reader);
  CHECK_EQ(seen.size(), size_t{1});
  CHECK_EQ(ring.consumer, busy);
  ring.commit(busy);
  seen = drain(reader);
  CHECK_EQ(seen.size(), size_t{2});
  CHECK_EQ(seen.at(0), "in flight");
  CHECK_EQ(seen.at(1), "after");
}

void records_counts_what_is_left_committed_or_not() {
  FakeRing ring;
  ring.add("done");
  ring.add("in flight", BPF_RINGBUF_BUSY_BIT);
  ring.add("dropped", BPF_RINGBUF_DISCARD_BIT);
  ring.add("after");
  RingBufferReader reader = ring.reader();
  CHECK_EQ(reader.records(), size_t{3});
  CHECK_EQ(drain(reader).size(), size_t{1});
  // What a drain that cannot wait longer leaves behind: the busy record and the one after.
  CHECK_EQ(reader.records(), size_t{2});
}

void discarded_records_are_skipped_but_consumed() {
  FakeRing ring;
  ring.add("dropped", BPF_RINGBUF_DISCARD_BIT);
  ring.add("kept");
  RingBufferReader reader = ring.reader();
  size_t count = reader.consume([](const void*, uint32_t) {});
  CHECK_EQ(count, size_t{1});
  CHECK_EQ(ring.consumer, ring.producer);
}

void a_record_wrapping_the_end_reads_as_one_block() {
  FakeRing ring;
  // Fill to 16 bytes before the end, consume, then write a record that wraps around.
  ring.add(std::string(kSize - 16 - BPF_RINGBUF_HDR_SZ, 'a'));
  RingBufferReader reader = ring.reader();
  CHECK_EQ(drain(reader).size(), size_t{1});
  std::string wrapping = "0123456789abcdefghijklmnopqrstuvwxyz";
  ring.add(wrapping);
  auto seen = drain(reader);
  CHECK_EQ(seen.size(), size_t{1});
  CHECK_EQ(seen.at(0), wrapping);
  CHECK_EQ(ring.consumer, ring.producer);
}

void a_throwing_callback_releases_the_records_before_it() {
  FakeRing ring;
  ring.add("ok");
  uint64_t bad = ring.add("bad");
  ring.add("later");
  RingBufferReader reader = ring.reader();
  bool thrown = false;
  try {
    reader.consume([](const void* p, uint32_t n) {
      if (std::string(static_cast<const char*>(p), n) == "bad") throw std::runtime_error("x");
    });
  } catch (const std::runtime_error&) {
    thrown = true;
  }
  CHECK(thrown);
  CHECK_EQ(ring.consumer, bad);
  auto seen = drain(reader);
  CHECK_EQ(seen.size(), size_t{2});
  CHECK_EQ(seen.at(0), "bad");
}

void a_size_that_is_not_a_power_of_two_is_refused() {
  uint64_t cons = 0, prod = 0;
  uint8_t data[16] = {};
  bool thrown = false;
  try {
    RingBufferReader reader(&cons, &prod, data, 12);
  } catch (const std::exception& err) {
    thrown = std::string(err.what()).find("power of two") != std::string::npos;
  }
  CHECK(thrown);
}

}  // namespace

int main() {
  records_come_out_in_order_and_are_released();
  a_busy_record_stops_the_reader_until_committed();
  records_counts_what_is_left_committed_or_not();
  discarded_records_are_skipped_but_consumed();
  a_record_wrapping_the_end_reads_as_one_block();
  a_throwing_callback_releases_the_records_before_it();
  a_size_that_is_not_a_power_of_two_is_refused();
  return check::report("ring");
}
