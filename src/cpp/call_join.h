// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Full records travel in halves when a call has data to keep from its entry (strings,
// buffers it reads, fd paths): the kernel sends the entry half (EVENT_ENTRY) at sys_enter,
// so nothing of it waits in the kernel, and the record that ends the call (its exit, or an
// unfinished record) says EVENT_JOIN. CallJoiner puts the two back together.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "event.h"

namespace observer {

// Not thread-safe: used by the one thread that reads the ring.
class CallJoiner {
 public:
  // Takes one record from the ring, in ring order (a thread's entry half always comes
  // before the record that ends its call). Returns the record to write: data itself, the
  // joined record (valid until the next call), or an empty view for an entry half, which
  // waits for its end.
  std::string_view take(const void* data, uint32_t size);

  // Entry halves still waiting for their end.
  size_t waiting() const noexcept { return entries_.size(); }
  // Forgets the entry halves whose end never came: the kernel counted those calls lost (their
  // exit did not fit in the ring) or left them out (-Z).
  void clear() noexcept { entries_.clear(); }
  // Forgets the entry halves of threads that alive(tgid, tid) says are gone: a thread's last
  // call left out by -Z would otherwise wait for ever. Returns how many.
  template <class Alive>
  size_t forget_dead(Alive&& alive);

 private:
  // By tid: a newer entry half of the same thread replaces one whose end was lost.
  std::unordered_map<uint32_t, std::vector<uint8_t>> entries_;
  std::vector<uint8_t> joined_;
};

template <class Alive>
size_t CallJoiner::forget_dead(Alive&& alive) {
  size_t n = 0;
  for (auto it = entries_.begin(); it != entries_.end();) {
    Event e;
    std::memcpy(&e, it->second.data(), sizeof(e));
    if (alive(e.tgid, e.tid)) {
      ++it;
    } else {
      it = entries_.erase(it);
      ++n;
    }
  }
  return n;
}

// The record of entry half entry and the record end that ends the same call: end's event,
// then entry's items and end's (a string end read again only if entry lacks it). Pure.
void join_halves(std::string_view entry, std::string_view end, std::vector<uint8_t>& out);

}  // namespace observer
