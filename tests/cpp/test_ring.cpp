// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// RingBufferReader over a fake ring: records are laid out as the kernel's BPF ring buffer
// writes them (8-byte header, 8-byte alignment, busy and discard bits, data mapped twice).
#include <linux/bpf.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "check.h"
#include "fake_ring.h"
#include "ring_buffer_consumer.h"

using observer::RingBufferReader;

namespace {

constexpr size_t kSize = 4096;

struct FakeRing : check::FakeRing {
  FakeRing() : check::FakeRing(kSize) {}
};

// Copies what is committed into a block, as the pipeline's chunks hold it, and reads it back.
std::vector<std::string> drain(RingBufferReader& reader, size_t capacity = 2 * kSize) {
  std::vector<uint8_t> block(capacity);
  size_t records = 0;
  size_t bytes = reader.copy(block.data(), block.size(), reader.producer(), &records);
  std::vector<std::string> seen;
  size_t n = observer::for_each_record(block.data(), bytes, [&](const void* p, uint32_t size) {
    seen.emplace_back(static_cast<const char*>(p), size);
  });
  CHECK_EQ(n, records);
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
  auto seen = drain(reader);
  CHECK_EQ(seen.size(), size_t{1});
  CHECK_EQ(seen.at(0), "kept");
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

void a_copy_takes_whole_records_up_to_its_capacity() {
  FakeRing ring;
  ring.add(std::string(20, 'a'));  // 8 + 20 -> 32 bytes in the ring
  ring.add(std::string(20, 'b'));
  ring.add(std::string(20, 'c'));
  RingBufferReader reader = ring.reader();
  auto seen = drain(reader, 70);  // room for two records and part of the third
  CHECK_EQ(seen.size(), size_t{2});
  CHECK_EQ(ring.consumer, uint64_t{64});
  seen = drain(reader);
  CHECK_EQ(seen.size(), size_t{1});
  CHECK_EQ(seen.at(0), std::string(20, 'c'));
}

void a_copy_stops_at_the_end_it_was_given() {
  FakeRing ring;
  ring.add("before");
  uint64_t end = ring.producer;
  ring.add("after");
  RingBufferReader reader = ring.reader();
  std::vector<uint8_t> block(kSize);
  size_t records = 0;
  size_t bytes = reader.copy(block.data(), block.size(), end, &records);
  CHECK_EQ(records, size_t{1});
  CHECK_EQ(uint64_t{bytes}, end);
  CHECK_EQ(ring.consumer, end);
}

void a_copy_without_a_buffer_releases_and_counts() {
  FakeRing ring;
  ring.add("one");
  ring.add("two", BPF_RINGBUF_DISCARD_BIT);
  ring.add("three");
  RingBufferReader reader = ring.reader();
  size_t records = 0;
  size_t bytes = reader.copy(nullptr, SIZE_MAX, ring.producer, &records);
  CHECK_EQ(records, size_t{2});
  CHECK_EQ(uint64_t{bytes}, ring.producer);
  CHECK_EQ(reader.pending(), size_t{0});
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
  a_copy_takes_whole_records_up_to_its_capacity();
  a_copy_stops_at_the_end_it_was_given();
  a_copy_without_a_buffer_releases_and_counts();
  a_size_that_is_not_a_power_of_two_is_refused();
  return check::report("ring");
}
