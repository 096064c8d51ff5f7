// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Reads a BPF ring buffer map through its mmap'ed pages.
//
// libbpf's ring_buffer__consume() calls back and stores consumer_pos after every record; this
// reader copies the committed records out as the ring holds them, in as few memcpy calls as
// the caller's buffers allow, and stores consumer_pos once per copy: the kernel's ringbuf
// benchmark shows per-record stores cost 20-30%. The BPF side submits with BPF_RB_NO_WAKEUP,
// so wait() normally just times out and the caller drains on that timer.
//
// Not thread-safe: one reader per ring, used from one thread at a time (watch() excepted).
#pragma once

#include <linux/bpf.h>

#include <cstddef>
#include <cstdint>

namespace observer {

class RingBufferReader {
 public:
  // map_fd must stay open for the reader's lifetime. size is the map's max_entries.
  RingBufferReader(int map_fd, size_t size);
  // A reader over memory laid out as the kernel maps a ring (size bytes of data at data),
  // owned by the caller: the seam the unit tests drive with a fake
  // producer. watch() needs a map fd and is not available on it.
  RingBufferReader(uint64_t* consumer_pos, const uint64_t* producer_pos, const uint8_t* data,
                   size_t size);
  ~RingBufferReader();
  RingBufferReader(const RingBufferReader&) = delete;
  RingBufferReader& operator=(const RingBufferReader&) = delete;

  // Wait until a producer forces a wakeup, a watched fd fires or timeout_ms passes. Returns
  // true on a wakeup. (observer's programs never force one: callers drain on this timer.)
  // A reader without a map just sleeps for timeout_ms.
  bool wait(int timeout_ms);
  // Also end wait() once when fd becomes readable (e.g. a pidfd when its process exits).
  // fd must stay open while the reader lives.
  void watch(int fd);

  // Copies the committed records that start before end (a producer() value) to out, as
  // the ring holds them: each an 8-byte header (its size and flags, BPF_RINGBUF_HDR_SZ) and
  // its data padded to 8 bytes, so a block is read back with for_each_record(). At most
  // capacity bytes, whole records only; stops at the first record still being written.
  // Releases what it copied; out == nullptr releases the records without copying them
  // (capacity still bounds how many). Returns the bytes; *records counts the records in them
  // that are not discarded.
  size_t copy(void* out, size_t capacity, uint64_t end, size_t* records);

  // Where the producers are: every record before it is committed or being written.
  uint64_t producer() const { return __atomic_load_n(producer_pos_, __ATOMIC_ACQUIRE); }
  // Bytes written by producers and not yet consumed (committed or not).
  size_t pending() const;
  // Records not yet consumed, committed or still being written (a reserved record's header
  // holds its length from the start); discarded ones do not count.
  size_t records() const;
  // Bytes of data: the map's max_entries.
  size_t size() const noexcept { return size_; }
  // Whether the reader has a map to wait on (the test seam has none).
  bool mapped() const noexcept { return epoll_fd_ >= 0; }

 private:
  void unmap() noexcept;
  void release(uint64_t pos) {
    __atomic_store_n(consumer_pos_, pos, __ATOMIC_RELEASE);
  }

  int epoll_fd_ = -1;
  size_t size_;
  size_t page_size_ = 0;  // 0: the memory is the caller's
  uint64_t* consumer_pos_ = nullptr;  // read-write page
  void* producer_page_ = nullptr;     // read-only: producer_pos, then the data
  const uint64_t* producer_pos_ = nullptr;
  const uint8_t* data_ = nullptr;
};

// Calls on_record(const void* data, uint32_t size) for each record of a block that copy()
// wrote, skipping discarded ones. Returns how many it called on_record for.
template <class F>
size_t for_each_record(const uint8_t* block, size_t bytes, F&& on_record) {
  size_t count = 0;
  for (size_t at = 0; at + BPF_RINGBUF_HDR_SZ <= bytes;) {
    uint32_t len;
    __builtin_memcpy(&len, block + at, sizeof(len));
    uint32_t size = len & ~(BPF_RINGBUF_BUSY_BIT | BPF_RINGBUF_DISCARD_BIT);
    if (!(len & BPF_RINGBUF_DISCARD_BIT)) {
      on_record(static_cast<const void*>(block + at + BPF_RINGBUF_HDR_SZ), size);
      ++count;
    }
    at += (size + BPF_RINGBUF_HDR_SZ + 7) & ~size_t{7};
  }
  return count;
}

}  // namespace observer
