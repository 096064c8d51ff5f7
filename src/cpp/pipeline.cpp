// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "pipeline.h"

#include <pthread.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <utility>

#include "error.h"
#include "event.h"

namespace observer {

namespace {

// Full-size chunks are mapped and unmapped whole, so that the memory of a backlog that has
// drained goes back to the system (malloc would keep it in its arenas); small ones come from
// malloc, which does not spend a mapping on each.
constexpr size_t kMapFrom = 256 << 10;
constexpr size_t kFreeChunks = 4;  // full-size chunks kept for reuse: 4 MiB

static_assert(Pipeline::kChunkBytes >= kMaxRecord + BPF_RINGBUF_HDR_SZ,
              "a chunk must hold the largest record");

// A compacted record: its size (a varint), then a 16-bit mask of its first 8-byte words (those
// of a struct event, or all of a shorter record such as the log's) that differ from the same
// words of the record before (all zero before the first), each as a varint of the zigzagged
// difference, then the rest of the record (its items: strings, buffers). The rest is kept
// against the last record of the same size, syscall and flags, whose rest a loop's calls
// often repeat (a pipe's bytes written and read back, a path opened again): a bitmap of its
// words that differ from that record's, those words, then its last size % 8 bytes. A rest with no such
// record, or longer than kRestMax, is kept as it is. Discarded records are left out.
constexpr size_t kWords = sizeof(Event) / 8;
static_assert(sizeof(Event) % 8 == 0 && kWords <= 16, "an event's words fit the mask");

// The most a block of ring records takes compacted: an event's 112 bytes and 8-byte header
// (120) become at most 5 + 2 + 14 * 10 (147), the log's 32 and 8 (40) at most 5 + 2 + 40; a
// rest of n bytes at most n + n / 64 + 1.
constexpr size_t compacted_bound(size_t bytes) { return bytes + bytes / 4 + 64; }

// The rests of the last records by size, syscall and flags (a loop's write entry halves
// against each other, not against its reads' exit halves of the same size), which
// compaction and expansion keep alike. A record with a rest is a whole struct event and more.
class Rests {
 public:
  static constexpr size_t kRestMax = 1024;
  // The rest of the last record like e of size bytes kept, or nullptr.
  const uint8_t* of(const Event& e, size_t size) const {
    const Slot& s = slots_[slot(e, size)];
    return s.size == size && s.nr == e.nr && s.flags == e.flags ? s.rest : nullptr;
  }
  void keep(const Event& e, size_t size, const uint8_t* rest, size_t bytes) {
    if (bytes > kRestMax) return;
    Slot& s = slots_[slot(e, size)];
    s.size = size;
    s.nr = e.nr;
    s.flags = e.flags;
    std::memcpy(s.rest, rest, bytes);
  }

 private:
  static constexpr size_t kSlots = 16;
  static size_t slot(const Event& e, size_t size) {
    return (size / 8 + static_cast<uint32_t>(e.nr) * 7 + e.flags) % kSlots;
  }
  struct Slot {
    size_t size = 0;
    int32_t nr = 0;
    uint32_t flags = 0;
    uint8_t rest[kRestMax];
  };
  Slot slots_[kSlots];
};

inline uint8_t* put_varint(uint8_t* p, uint64_t v) {
  while (v >= 0x80) {
    *p++ = static_cast<uint8_t>(v) | 0x80;
    v >>= 7;
  }
  *p++ = static_cast<uint8_t>(v);
  return p;
}

inline const uint8_t* get_varint(const uint8_t* p, uint64_t* v) {
  uint64_t out = 0;
  for (int shift = 0;; shift += 7) {
    uint8_t b = *p++;
    out |= uint64_t{b & 0x7fu} << shift;
    if (!(b & 0x80)) break;
  }
  *v = out;
  return p;
}

// A record's rest of bytes at rest, against like (the last one like it, or nullptr).
uint8_t* compact_rest(const uint8_t* rest, size_t bytes, const uint8_t* like, uint8_t* out) {
  if (!like) {
    std::memcpy(out, rest, bytes);
    return out + bytes;
  }
  size_t words = bytes / 8;
  uint8_t* bits = out;
  std::memset(bits, 0, (words + 7) / 8);
  out += (words + 7) / 8;
  for (size_t i = 0; i < words; ++i) {
    if (std::memcmp(rest + 8 * i, like + 8 * i, 8) == 0) continue;
    bits[i / 8] |= static_cast<uint8_t>(1u << (i % 8));
    std::memcpy(out, rest + 8 * i, 8);
    out += 8;
  }
  std::memcpy(out, rest + 8 * words, bytes % 8);
  return out + bytes % 8;
}

// The rest compact_rest wrote at in, into rest; returns where in ends.
const uint8_t* expand_rest(const uint8_t* in, size_t bytes, const uint8_t* like, uint8_t* rest) {
  if (!like) {
    std::memcpy(rest, in, bytes);
    return in + bytes;
  }
  size_t words = bytes / 8;
  const uint8_t* bits = in;
  in += (words + 7) / 8;
  for (size_t i = 0; i < words; ++i) {
    const uint8_t* from = like + 8 * i;
    if (bits[i / 8] & (1u << (i % 8))) {
      from = in;
      in += 8;
    }
    std::memcpy(rest + 8 * i, from, 8);
  }
  std::memcpy(rest + 8 * words, in, bytes % 8);
  return in + bytes % 8;
}

uint8_t* compact_block(const uint8_t* block, size_t bytes, uint8_t* out) {
  uint64_t prev[kWords] = {};
  auto rests = std::make_unique<Rests>();
  for_each_record(block, bytes, [&](const void* data, uint32_t size) {
    const auto* d = static_cast<const uint8_t*>(data);
    out = put_varint(out, size);
    size_t words = std::min<size_t>(size / 8, kWords);
    uint8_t* mask_at = out;
    out += 2;
    uint16_t mask = 0;
    for (size_t i = 0; i < words; ++i) {
      uint64_t word;
      std::memcpy(&word, d + 8 * i, sizeof(word));
      if (word == prev[i]) continue;
      mask |= static_cast<uint16_t>(1u << i);
      uint64_t delta = word - prev[i];
      out = put_varint(out, (delta << 1) ^ static_cast<uint64_t>(static_cast<int64_t>(delta) >> 63));
      prev[i] = word;
    }
    std::memcpy(mask_at, &mask, sizeof(mask));
    size_t rest = size - 8 * words;
    if (rest == 0) return;
    if (size < sizeof(Event)) {  // a short record's last bytes
      std::memcpy(out, d + 8 * words, rest);
      out += rest;
      return;
    }
    Event e;
    std::memcpy(&e, d, sizeof(e));
    out = compact_rest(d + 8 * words, rest, rests->of(e, size), out);
    rests->keep(e, size, d + 8 * words, rest);
  });
  return out;
}

// The records of a compacted block in ring form at out; returns the end.
uint8_t* expand_block(const uint8_t* in, size_t bytes, uint8_t* out) {
  const uint8_t* end = in + bytes;
  uint64_t prev[kWords] = {};
  auto rests = std::make_unique<Rests>();
  while (in < end) {
    uint64_t size;
    in = get_varint(in, &size);
    auto len = static_cast<uint32_t>(size);
    uint32_t header[2] = {len, 0};
    std::memcpy(out, header, sizeof(header));
    uint8_t* rec = out + BPF_RINGBUF_HDR_SZ;
    size_t words = std::min<size_t>(size / 8, kWords);
    uint16_t mask;
    std::memcpy(&mask, in, sizeof(mask));
    in += 2;
    for (size_t i = 0; i < words; ++i) {
      if (mask & (1u << i)) {
        uint64_t z;
        in = get_varint(in, &z);
        prev[i] += (z >> 1) ^ (0 - (z & 1));
      }
    }
    std::memcpy(rec, prev, 8 * words);
    size_t rest = size - 8 * words;
    if (rest && size < sizeof(Event)) {
      std::memcpy(rec + 8 * words, in, rest);
      in += rest;
    } else if (rest) {
      Event e;
      std::memcpy(&e, rec, sizeof(e));
      in = expand_rest(in, rest, rests->of(e, size), rec + 8 * words);
      rests->keep(e, size, rec + 8 * words, rest);
    }
    out += (size + BPF_RINGBUF_HDR_SZ + 7) & ~size_t{7};
  }
  return out;
}

}  // namespace

Chunk::Chunk(size_t capacity) : capacity_(capacity) {
  void* p;
  if (capacity >= kMapFrom) {
    p = mmap(nullptr, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
  } else {
    p = std::malloc(capacity);
    if (!p) throw std::bad_alloc();
  }
  data_ = static_cast<uint8_t*>(p);
}

Chunk::~Chunk() {
  if (!data_) return;
  if (capacity_ >= kMapFrom)
    munmap(data_, capacity_);
  else
    std::free(data_);
}

Chunk::Chunk(Chunk&& other) noexcept
    : size(other.size),
      records(other.records),
      pass(other.pass),
      raw(other.raw),
      data_(std::exchange(other.data_, nullptr)),
      capacity_(std::exchange(other.capacity_, 0)) {}

Chunk& Chunk::operator=(Chunk&& other) noexcept {
  Chunk moved(std::move(other));
  std::swap(size, moved.size);
  std::swap(records, moved.records);
  std::swap(pass, moved.pass);
  std::swap(raw, moved.raw);
  std::swap(data_, moved.data_);
  std::swap(capacity_, moved.capacity_);
  return *this;
}

Pipeline::Pipeline(RingBufferReader& reader, size_t backlog_bytes)
    : reader_(reader),
      limit_(backlog_bytes),
      sleep_ms_(static_cast<int>(std::clamp<size_t>(reader.size() >> 20, 1, kDrainMs))) {}

Pipeline::~Pipeline() {
  stop();
  if (stop_fd_ >= 0) close(stop_fd_);
}

void Pipeline::start() {
  if (thread_.joinable() || stopping_) return;
  if (reader_.mapped() && stop_fd_ < 0) {
    stop_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (stop_fd_ < 0) throw Error("create eventfd", errno);
    reader_.watch(stop_fd_);
  }
  // The thread blocks every signal (it inherits the mask set around its creation): Ctrl-C
  // and the like go to the threads of the program that uses the tracer, not to this one.
  sigset_t all, previous;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &previous);
  try {
    thread_ = std::thread([this] { run(); });
  } catch (...) {
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    throw;
  }
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  // Named, so that top -H and /proc show which thread drains.
  pthread_setname_np(thread_.native_handle(), "observer-drain");
}

void Pipeline::stop() noexcept {
  stopping_ = true;
  if (!thread_.joinable()) return;
  if (stop_fd_ >= 0) {
    uint64_t one = 1;
    ssize_t n = write(stop_fd_, &one, sizeof(one));
    (void)n;  // if it failed, the thread still sees stopping_ within kDrainMs
  }
  thread_.join();
}

void Pipeline::run() noexcept {
  try {
    while (!stopping_) {
      wait(sleep_ms_);
      if (stopping_) break;
      pass();
    }
  } catch (...) {
    std::lock_guard lock(mutex_);
    failure_ = std::current_exception();
    ready_.notify_all();
  }
}

void Pipeline::wait(int timeout_ms) {
  // Sleep only while the ring is nearly empty: one that is filling is drained back to back.
  if (reader_.pending() >= reader_.size() / 16) return;
  if (reader_.wait(timeout_ms)) {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
}

Chunk Pipeline::chunk(size_t bytes) {
  if (bytes > kChunkBytes / 2) {
    std::lock_guard lock(mutex_);
    if (!free_.empty()) {
      Chunk c = std::move(free_.back());
      free_.pop_back();
      return c;
    }
    return Chunk(kChunkBytes);
  }
  return Chunk(std::max<size_t>((bytes + 4095) & ~size_t{4095}, 4096));
}

void Pipeline::pass() {
  const uint64_t end = reader_.producer();
  const uint64_t number = passes_++;
  std::vector<Chunk> chunks;
  size_t bytes = 0;  // capacity of chunks
  uint64_t kept = 0, dropped = 0;
  for (;;) {
    size_t want = std::min(reader_.pending(), kChunkBytes);
    if (want == 0) break;
    size_t queued;
    {
      std::lock_guard lock(mutex_);
      queued = queued_;
    }
    size_t records = 0;
    if (queued + bytes + want > limit_) {
      // The backlog is full: empty the ring anyway, counting the calls dropped, so that the
      // count is exact and the kernel keeps room for what comes after.
      if (dropping_.empty()) dropping_.resize(kChunkBytes);
      size_t got = reader_.copy(dropping_.data(), dropping_.size(), end, &records);
      if (got == 0) break;
      dropped += drop(dropping_.data(), got);
      continue;
    }
    Chunk c = chunk(want);
    c.size = reader_.copy(c.data(), c.capacity(), end, &records);
    if (c.size == 0) {
      // Nothing committed before end (a record still being written): keep c for reuse.
      if (c.capacity() == kChunkBytes) {
        std::lock_guard lock(mutex_);
        if (free_.size() < kFreeChunks) free_.push_back(std::move(c));
      }
      break;
    }
    if (!dropped_entries_.empty()) {
      uint64_t ends = drop_ends(c);
      records -= ends;
      dropped += ends;
    }
    c.records = records;
    c.pass = number;
    if (queued + bytes >= kCompactFrom) {
      c = compact(std::move(c));
      c.pass = passes_++;
    }
    kept += records;
    bytes += c.capacity();
    chunks.push_back(std::move(c));
  }
  std::lock_guard lock(mutex_);
  for (Chunk& c : chunks) {
    queued_ += c.capacity();
    queue_.push_back(std::move(c));
  }
  peak_ = std::max(peak_, queued_);
  taken_.fetch_add(kept, std::memory_order_relaxed);
  dropped_.fetch_add(dropped, std::memory_order_relaxed);
  if (!chunks.empty() || woken_) ready_.notify_all();
}

Chunk Pipeline::compact(Chunk&& c) {
  compacting_.resize(compacted_bound(kChunkBytes));
  size_t bytes = static_cast<size_t>(compact_block(c.data(), c.size, compacting_.data()) -
                                     compacting_.data());
  Chunk small((bytes + 4095) & ~size_t{4095});
  std::memcpy(small.data(), compacting_.data(), bytes);
  small.size = bytes;
  small.records = c.records;
  small.raw = c.size;
  if (c.capacity() == kChunkBytes) {
    std::lock_guard lock(mutex_);
    if (free_.size() < kFreeChunks) free_.push_back(std::move(c));
  }
  return small;
}

Chunk Pipeline::expand(const Chunk& c) {
  Chunk out = chunk(kChunkBytes);
  out.size = static_cast<size_t>(expand_block(c.data(), c.size, out.data()) - out.data());
  out.records = c.records;
  out.pass = c.pass;
  return out;
}

uint64_t Pipeline::drop(const uint8_t* block, size_t bytes) {
  uint64_t calls = 0;
  for_each_record(block, bytes, [&](const void* data, uint32_t size) {
    Event e;
    if (size < sizeof(e)) {  // the log's compact record: a call
      ++calls;
      return;
    }
    std::memcpy(&e, data, sizeof(e));
    if (!(e.flags & EVENT_ENTRY)) {
      ends_dropped_call(e);
      ++calls;
      return;
    }
    // Its call counts when its end comes. Ends that never come (left out by a status
    // filter, or lost in the ring, by threads that have made no call since) would pile up
    // over a long run: past kMaxDroppedEntries threads, those waiting are forgotten, and
    // their ends, should they come, are written alone.
    if (dropped_entries_.size() >= kMaxDroppedEntries && !dropped_entries_.count(e.tid))
      dropped_entries_.clear();
    dropped_entries_[e.tid] = {e.ts_ns, e.tgid, e.nr, e.flags & EVENT_COMPAT};
  });
  return calls;
}

uint64_t Pipeline::drop_ends(Chunk& c) {
  uint64_t n = 0;
  for (size_t at = 0; at + BPF_RINGBUF_HDR_SZ <= c.size && !dropped_entries_.empty();) {
    uint8_t* header = c.data() + at;
    uint32_t len;
    std::memcpy(&len, header, sizeof(len));
    uint32_t size = len & ~(BPF_RINGBUF_BUSY_BIT | BPF_RINGBUF_DISCARD_BIT);
    at += (size + BPF_RINGBUF_HDR_SZ + 7) & ~size_t{7};
    Event e;
    if ((len & BPF_RINGBUF_DISCARD_BIT) || size < sizeof(e)) continue;
    std::memcpy(&e, header + BPF_RINGBUF_HDR_SZ, sizeof(e));
    if (e.flags & EVENT_ENTRY) {
      dropped_entries_.erase(e.tid);  // the thread has moved on: that end will not come
      continue;
    }
    if (!ends_dropped_call(e)) continue;
    len |= BPF_RINGBUF_DISCARD_BIT;  // for_each_record skips it, as the kernel's discards
    std::memcpy(header, &len, sizeof(len));
    ++n;
  }
  return n;
}

bool Pipeline::ends_dropped_call(const Event& e) {
  if (!(e.flags & EVENT_JOIN) || dropped_entries_.empty()) return false;
  auto same_call = [&e](const DroppedEntry& d) {
    return d.tgid == e.tgid && d.nr == e.nr && d.ts_ns == e.ts_ns &&
           d.compat == (e.flags & EVENT_COMPAT);
  };
  auto it = dropped_entries_.find(e.tid);
  if (it != dropped_entries_.end() && !same_call(it->second)) {
    dropped_entries_.erase(it);  // a call whose end was lost: this record ends another
    it = dropped_entries_.end();
  }
  if (it == dropped_entries_.end() && e.tid == e.tgid) {
    // A successful exec by a thread other than the leader ends with the leader's tid
    // (de_thread), as CallJoiner::take knows too.
    it = std::find_if(dropped_entries_.begin(), dropped_entries_.end(),
                      [&](const auto& entry) { return same_call(entry.second); });
  }
  if (it == dropped_entries_.end()) return false;
  dropped_entries_.erase(it);
  return true;
}

std::vector<Chunk> Pipeline::take(int timeout_ms, size_t max_bytes) {
  if (!thread_.joinable()) {
    bool queued;
    {
      std::lock_guard lock(mutex_);
      queued = !queue_.empty();
    }
    if (!queued) wait(timeout_ms);
    pass();
    timeout_ms = 0;
  }
  std::unique_lock lock(mutex_);
  ready_.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                  [this] { return !queue_.empty() || woken_ || failure_; });
  if (failure_) std::rethrow_exception(failure_);
  woken_ = false;
  std::vector<Chunk> out;
  size_t bytes = 0;
  bool compacted = false;
  while (!queue_.empty()) {
    Chunk& c = queue_.front();
    // Compacted chunks, about one at a time: each expands to up to a full-size chunk.
    if (c.raw) max_bytes = std::min(max_bytes, kChunkBytes);
    if (!out.empty() && bytes >= max_bytes && c.pass != out.back().pass) break;
    bytes += c.raw ? c.raw : c.size;
    compacted |= c.raw != 0;
    queued_ -= c.capacity();
    out.push_back(std::move(c));
    queue_.pop_front();
  }
  if (compacted) {
    lock.unlock();
    for (Chunk& c : out)
      if (c.raw) c = expand(c);
  }
  return out;
}

void Pipeline::put_back(std::vector<Chunk>&& chunks) {
  std::lock_guard lock(mutex_);
  for (auto it = chunks.rbegin(); it != chunks.rend(); ++it) {
    queued_ += it->capacity();
    queue_.push_front(std::move(*it));
  }
  chunks.clear();
}

void Pipeline::recycle(std::vector<Chunk>&& chunks) {
  std::vector<Chunk> unused = std::move(chunks);  // freed on return, outside the lock
  std::lock_guard lock(mutex_);
  for (Chunk& c : unused)
    if (c.capacity() == kChunkBytes && free_.size() < kFreeChunks) free_.push_back(std::move(c));
}

size_t Pipeline::backlog() const {
  std::lock_guard lock(mutex_);
  return queued_;
}

size_t Pipeline::peak_backlog() const {
  std::lock_guard lock(mutex_);
  return peak_;
}

}  // namespace observer
