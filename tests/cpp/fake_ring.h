// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// A BPF ring buffer in memory, written as bpf_ringbuf_reserve/submit leave it (8-byte header
// with busy and discard bits, 8-byte alignment, the data mapped once, as the reader maps it), for the reader and
// pipeline tests. One producer thread; the reader may run on another.
#pragma once

#include <linux/bpf.h>

#include <cstdint>
#include <string>
#include <vector>

#include "ring_buffer_consumer.h"

namespace check {

struct FakeRing {
  explicit FakeRing(size_t size) : size(size), data(size) {}

  size_t size;
  uint64_t consumer = 0;
  uint64_t producer = 0;
  std::vector<uint8_t> data;

  // Appends a record if it fits (the producer's reserve would fail otherwise) and returns
  // its position, or UINT64_MAX if the ring is full. flags: BPF_RINGBUF_BUSY_BIT (reserved,
  // not yet committed) or BPF_RINGBUF_DISCARD_BIT.
  uint64_t add(const std::string& payload, uint32_t flags = 0) {
    uint64_t at = producer;
    uint64_t step = (payload.size() + BPF_RINGBUF_HDR_SZ + 7) & ~uint64_t{7};
    if (at + step - __atomic_load_n(&consumer, __ATOMIC_ACQUIRE) > size) return UINT64_MAX;
    uint32_t header[2] = {static_cast<uint32_t>(payload.size()) | flags, 0};
    put(at + BPF_RINGBUF_HDR_SZ, payload.data(), payload.size());
    put(at, header, sizeof(header));
    __atomic_store_n(&producer, at + step, __ATOMIC_RELEASE);
    return at;
  }
  void commit(uint64_t at) {
    uint32_t len;
    __builtin_memcpy(&len, &data[at & (size - 1)], sizeof(len));
    len &= ~static_cast<uint32_t>(BPF_RINGBUF_BUSY_BIT);
    put(at, &len, sizeof(len));
  }
  void put(uint64_t pos, const void* src, size_t n) {
    for (size_t i = 0; i < n; ++i)
      data[(pos + i) & (size - 1)] = static_cast<const uint8_t*>(src)[i];
  }
  observer::RingBufferReader reader() {
    return observer::RingBufferReader(&consumer, &producer, data.data(), size);
  }
};

}  // namespace check
