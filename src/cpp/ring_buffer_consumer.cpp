// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "ring_buffer_consumer.h"

#include <sys/epoll.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "error.h"

namespace observer {

RingBufferReader::RingBufferReader(int map_fd, size_t size)
    : size_(size), page_size_(static_cast<size_t>(sysconf(_SC_PAGESIZE))) {
  if (size == 0 || (size & (size - 1)) != 0)
    throw Error("read ring buffer", EINVAL, "size must be a power of two");
  // Consumer page (writable), then producer page + data. The kernel lets a reader map the data
  // twice in a row, so that a record wrapping around the end reads as one block, but it maps
  // every page of a ring at mmap, so the second copy would count the ring twice in the
  // tracer's resident set (16 MiB more with the default ring): the data is mapped once and a
  // block that wraps is copied in two pieces.
  void* cons = mmap(nullptr, page_size_, PROT_READ | PROT_WRITE, MAP_SHARED, map_fd, 0);
  if (cons == MAP_FAILED) throw MapError("mmap ring buffer consumer page", errno);
  consumer_pos_ = static_cast<uint64_t*>(cons);
  void* prod = mmap(nullptr, page_size_ + size_, PROT_READ, MAP_SHARED, map_fd,
                    static_cast<off_t>(page_size_));
  if (prod == MAP_FAILED) {
    int err = errno;
    munmap(cons, page_size_);
    throw MapError("mmap ring buffer data", err);
  }
  producer_page_ = prod;
  producer_pos_ = static_cast<const uint64_t*>(prod);
  data_ = static_cast<const uint8_t*>(prod) + page_size_;

  epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
  epoll_event ev{};
  ev.events = EPOLLIN;
  if (epoll_fd_ < 0 || epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, map_fd, &ev) < 0) {
    int err = errno;
    unmap();
    throw MapError("epoll ring buffer", err);
  }
}

RingBufferReader::RingBufferReader(uint64_t* consumer_pos, const uint64_t* producer_pos,
                                   const uint8_t* data, size_t size)
    : size_(size), consumer_pos_(consumer_pos), producer_pos_(producer_pos), data_(data) {
  if (size == 0 || (size & (size - 1)) != 0)
    throw Error("read ring buffer", EINVAL, "size must be a power of two");
}

RingBufferReader::~RingBufferReader() { unmap(); }

void RingBufferReader::unmap() noexcept {
  if (epoll_fd_ >= 0) close(epoll_fd_);
  if (page_size_ == 0) return;
  if (producer_page_) munmap(producer_page_, page_size_ + size_);
  if (consumer_pos_) munmap(consumer_pos_, page_size_);
  epoll_fd_ = -1;
  producer_page_ = nullptr;
  consumer_pos_ = nullptr;
}

void RingBufferReader::watch(int fd) {
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLONESHOT;  // once: an exited process stays readable
  if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev) < 0) throw Error("watch fd", errno);
}

bool RingBufferReader::wait(int timeout_ms) {
  if (epoll_fd_ < 0) {
    timespec pause{timeout_ms / 1000, (timeout_ms % 1000) * 1000000L};
    nanosleep(&pause, nullptr);
    return false;
  }
  epoll_event ev{};
  int n = epoll_wait(epoll_fd_, &ev, 1, timeout_ms);
  if (n < 0 && errno != EINTR) throw Error("wait for ring buffer", errno);
  return n > 0;
}

size_t RingBufferReader::copy(void* out, size_t capacity, uint64_t end, size_t* records) {
  uint64_t start = __atomic_load_n(consumer_pos_, __ATOMIC_ACQUIRE);
  uint64_t stop = std::min(producer(), end);
  uint64_t cons = start;
  size_t count = 0;
  while (cons < stop) {
    // Acquire: a committed header makes its record's data visible.
    uint32_t len = __atomic_load_n(reinterpret_cast<const uint32_t*>(data_ + (cons & (size_ - 1))),
                                   __ATOMIC_ACQUIRE);
    if (len & BPF_RINGBUF_BUSY_BIT) break;
    uint32_t size = len & ~(BPF_RINGBUF_BUSY_BIT | BPF_RINGBUF_DISCARD_BIT);
    uint64_t next = cons + ((size + BPF_RINGBUF_HDR_SZ + 7) & ~uint64_t{7});
    if (next - start > capacity) break;
    if (!(len & BPF_RINGBUF_DISCARD_BIT)) ++count;
    cons = next;
  }
  size_t bytes = static_cast<size_t>(cons - start);
  if (out && bytes) {
    // Headers are 8-byte aligned, so only a record's data wraps around the end of the ring.
    size_t at = static_cast<size_t>(start & (size_ - 1));
    size_t first = std::min(bytes, size_ - at);
    std::memcpy(out, data_ + at, first);
    if (first < bytes) std::memcpy(static_cast<uint8_t*>(out) + first, data_, bytes - first);
  }
  release(cons);
  *records = count;
  return bytes;
}

size_t RingBufferReader::pending() const {
  uint64_t cons = __atomic_load_n(consumer_pos_, __ATOMIC_ACQUIRE);
  uint64_t prod = __atomic_load_n(producer_pos_, __ATOMIC_ACQUIRE);
  return static_cast<size_t>(prod - cons);
}

size_t RingBufferReader::records() const {
  uint64_t cons = __atomic_load_n(consumer_pos_, __ATOMIC_ACQUIRE);
  uint64_t prod = __atomic_load_n(producer_pos_, __ATOMIC_ACQUIRE);
  size_t count = 0;
  while (cons < prod) {
    uint32_t len = __atomic_load_n(reinterpret_cast<const uint32_t*>(data_ + (cons & (size_ - 1))),
                                   __ATOMIC_ACQUIRE);
    if (!(len & BPF_RINGBUF_DISCARD_BIT)) ++count;
    cons += ((len & ~(BPF_RINGBUF_BUSY_BIT | BPF_RINGBUF_DISCARD_BIT)) + BPF_RINGBUF_HDR_SZ + 7) &
            ~uint64_t{7};
  }
  return count;
}

}  // namespace observer
