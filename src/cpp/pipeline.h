// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Draining the ring apart from writing the records: a drain thread copies committed records
// out of the ring as they come into owned chunks, and the caller's thread takes the chunks and
// formats them. Between the two sits a backlog bounded in bytes.
//
// Why two threads: formatting full records (jsonl, strace, Arrow) runs at 1-3 M records/s on
// one core, a tight syscall loop produces them faster, and a 16 MiB ring holds about 50 ms of
// them. A single loop that drains and formats loses records in every burst and in every pause
// of the caller (a Python import, a slow write); the copy alone keeps up with any producer.
//
// Compaction: while the backlog is over kCompactFrom bytes (the writer has fallen behind),
// the drain thread stores each chunk compacted: each record's fixed part (struct event, or
// the whole of the log's short record) as the differences from the record before it, which
// in a burst of one thread's calls are its time and duration, a few bytes (a getppid record,
// 120 bytes in the ring, takes about 6; the log's, 40 bytes, about 3); and the rest (items:
// strings, buffers) as the words that differ from the last record of the same size, syscall
// and flags, which a loop's calls mostly repeat (a pipe loop's write and read with 32 bytes
// of data, 284 bytes a call in the ring, about 30).
// take() gives the chunks back in ring form, so the writer sees the same records either way.
// A compacted chunk is its own pass, so that a writer takes about a chunk of them at a time.
//
// Counts: every record taken from the ring is either queued (taken(), for the sink) or, when
// the backlog is full, dropped and counted (dropped()). The kernel counts what did not fit in
// the ring (Counters::lost). Nothing is dropped without being counted.
//
// A call sent in two halves (call_join.h) is dropped whole or not at all: when its entry half
// is dropped, the record that ends it is dropped too, even if it comes when the backlog has
// room again, and the call is counted once, at its end. (Counted at the end because a status
// filter may leave the end out: then the call was never going to be written.)
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "event.h"
#include "ring_buffer_consumer.h"

namespace observer {

// Records copied out of the ring by one drain pass, as RingBufferReader::copy() writes them
// (read them with for_each_record). Owns its memory; move-only.
class Chunk {
 public:
  explicit Chunk(size_t capacity);
  ~Chunk();
  Chunk(Chunk&& other) noexcept;
  Chunk& operator=(Chunk&& other) noexcept;
  Chunk(const Chunk&) = delete;
  Chunk& operator=(const Chunk&) = delete;

  uint8_t* data() const noexcept { return data_; }
  size_t capacity() const noexcept { return capacity_; }

  size_t size = 0;     // bytes of records
  size_t records = 0;  // records in them (discarded ones not counted)
  uint64_t pass = 0;   // the drain pass: what was committed when it started
  size_t raw = 0;      // compacted: the bytes of its records in ring form; 0: in ring form

 private:
  uint8_t* data_ = nullptr;
  size_t capacity_ = 0;
};

// Thread-safety: start(), stop(), take(), put_back() and recycle() are called from one thread
// (the caller's); the counters may be read from any thread.
class Pipeline {
 public:
  // Full-size chunks; a pass with less to copy gets a smaller one.
  static constexpr size_t kChunkBytes = 1 << 20;
  // The drain thread sleeps this long while the ring is nearly empty (records never wake it),
  // less for a ring under 10 MiB: 1 ms per MiB, at least 1 ms. A ring fills at about 0.5 MiB
  // per ms at most (a tight syscall loop), so a sleep never lasts long enough to fill half.
  static constexpr int kDrainMs = 10;
  // A backlog of this many bytes or more is compacted (the description above).
  static constexpr size_t kCompactFrom = 2 << 20;
  // Threads whose dropped entry half waits for its end, at most (about 4 MiB of them).
  static constexpr size_t kMaxDroppedEntries = 1 << 16;

  // reader must outlive the pipeline. backlog_bytes bounds the chunks waiting to be taken.
  Pipeline(RingBufferReader& reader, size_t backlog_bytes);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Starts the drain thread: from now until stop() only it reads the ring.
  void start();
  // Stops and joins the drain thread; idempotent. take() then drains the ring itself.
  void stop() noexcept;

  // Waits up to timeout_ms until chunks are queued or a watched fd fires, then takes the
  // queued chunks of whole passes, in order, until about max_bytes (at least one pass if any
  // is queued). Without a running drain thread it waits on the ring and makes a pass itself.
  // Rethrows what stopped the drain thread, if anything did.
  std::vector<Chunk> take(int timeout_ms, size_t max_bytes);
  // Returns taken chunks that were not written to the front of the queue, in their order.
  void put_back(std::vector<Chunk>&& chunks);
  // Hands written chunks back for reuse.
  void recycle(std::vector<Chunk>&& chunks);

  // Records taken from the ring into the backlog, in total.
  uint64_t taken() const noexcept { return taken_.load(std::memory_order_relaxed); }
  // Calls whose records were taken from the ring and dropped because the backlog was full, in
  // total (an entry half, EVENT_ENTRY, is half of a call whose end counts; that end is dropped
  // with it).
  uint64_t dropped() const noexcept { return dropped_.load(std::memory_order_relaxed); }
  // Bytes of chunks queued now, and the most there have been at once.
  size_t backlog() const;
  size_t peak_backlog() const;

 private:
  void run() noexcept;
  // Sleeps up to timeout_ms while the ring is under 1/16 full; notes a watched fd's wakeup.
  void wait(int timeout_ms);
  // Copies what is committed now into chunks and queues them, or drops it if the backlog is
  // full. Called by the drain thread, or by take() when there is none.
  void pass();
  Chunk chunk(size_t bytes);
  // c (ring form, whole) compacted; c goes back for reuse.
  Chunk compact(Chunk&& c);
  // c (compacted) back in ring form, in a full-size chunk.
  Chunk expand(const Chunk& c);
  // Drops the records of block (as copy() wrote it); returns the calls they end.
  uint64_t drop(const uint8_t* block, size_t bytes);
  // Marks discarded the ends of calls in c whose entry half was dropped; returns how many.
  uint64_t drop_ends(Chunk& c);
  // Whether record e, not an entry half, ends a call whose entry half was dropped. Forgets
  // that entry half, and one its thread has moved on from (its end was lost or left out).
  bool ends_dropped_call(const Event& e);

  // A call whose entry half was dropped, as CallJoiner tells calls apart.
  struct DroppedEntry {
    uint64_t ts_ns;
    uint32_t tgid;
    int32_t nr;
    uint32_t compat;  // EVENT_COMPAT or 0
  };

  RingBufferReader& reader_;
  std::vector<uint8_t> dropping_;  // records read to be counted when the backlog is full
  std::vector<uint8_t> compacting_;  // a chunk being compacted, by whichever thread makes passes
  // By tid, until their end comes; used by whichever thread makes passes. At most one per
  // thread: the thread's next entry half, kept or dropped, ends the wait of the last.
  std::unordered_map<uint32_t, DroppedEntry> dropped_entries_;
  const size_t limit_;
  const int sleep_ms_;
  uint64_t passes_ = 0;  // by whichever thread makes passes
  int stop_fd_ = -1;     // an eventfd that ends the drain thread's wait
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<uint64_t> taken_{0};
  std::atomic<uint64_t> dropped_{0};

  mutable std::mutex mutex_;  // guards what follows
  std::condition_variable ready_;
  std::deque<Chunk> queue_;
  std::vector<Chunk> free_;  // full-size chunks to reuse
  size_t queued_ = 0;        // capacity of the chunks in queue_
  size_t peak_ = 0;
  bool woken_ = false;  // a watched fd fired since the last take()
  std::exception_ptr failure_;
};

}  // namespace observer
