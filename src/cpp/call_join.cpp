// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "call_join.h"

#include <cstring>

#include "decode.h"

namespace observer {

namespace {

bool has_entry_item(const Strings& items, uint8_t kind, uint8_t arg) {
  for (unsigned i = 0; i < items.count; ++i)
    if (items.kind[i] == kind && items.arg[i] == arg && !(items.at_exit & (1u << i)))
      return true;
  return false;
}

}  // namespace

void join_halves(std::string_view entry, std::string_view end, std::vector<uint8_t>& out) {
  Event e;
  std::memcpy(&e, end.data(), sizeof(e));
  Strings first = parse_strings(entry.data(), static_cast<uint32_t>(entry.size()));
  Strings second = parse_strings(end.data(), static_cast<uint32_t>(end.size()));
  string_tail tail{};
  size_t bytes = 0;
  const std::string_view* values[MAX_ITEMS];
  auto add = [&](const Strings& from, unsigned i, bool from_end) {
    if (tail.count >= MAX_ITEMS) return;
    unsigned k = tail.count++;
    tail.len[k] = static_cast<uint16_t>(from.value[i].size());
    tail.arg[k] = from.arg[i];
    tail.kind[k] = from.kind[i];
    if (from.truncated & STRING_TRUNCATED(i)) tail.truncated |= STRING_TRUNCATED(k);
    if (from_end && (from.at_exit & (1u << i))) tail.at_exit |= 1u << k;
    values[k] = &from.value[i];
    bytes += from.value[i].size();
  };
  for (unsigned i = 0; i < first.count; ++i) add(first, i, false);
  for (unsigned i = 0; i < second.count; ++i) {
    // A string or entry buffer read again at exit (its page was not in memory at entry)
    // only if the entry half has none for that argument.
    bool again = second.kind[i] == ITEM_STRING ||
                 (second.kind[i] == ITEM_BLOB && !(second.at_exit & (1u << i)));
    if (again && has_entry_item(first, second.kind[i], second.arg[i])) continue;
    add(second, i, true);
  }
  e.flags &= ~(EVENT_JOIN | EVENT_ENTRY | EVENT_HAS_STRINGS);
  if (tail.count) e.flags |= EVENT_HAS_STRINGS;
  out.resize(sizeof(e) + (tail.count ? sizeof(tail) + bytes : 0));
  uint8_t* p = out.data();
  std::memcpy(p, &e, sizeof(e));
  if (!tail.count) return;
  std::memcpy(p + sizeof(e), &tail, sizeof(tail));
  p += sizeof(e) + sizeof(tail);
  for (unsigned k = 0; k < tail.count; ++k) {
    std::memcpy(p, values[k]->data(), values[k]->size());
    p += values[k]->size();
  }
}

std::string_view CallJoiner::take(const void* data, uint32_t size) {
  std::string_view record(static_cast<const char*>(data), size);
  Event e;
  std::memcpy(&e, data, sizeof(e));
  if (e.flags & EVENT_ENTRY) {
    entries_[e.tid].assign(record.begin(), record.end());
    return {};
  }
  if (!(e.flags & EVENT_JOIN)) return record;
  auto same_call = [&e](const std::vector<uint8_t>& waiting) {
    Event w;
    std::memcpy(&w, waiting.data(), sizeof(w));
    return w.tgid == e.tgid && w.nr == e.nr && w.ts_ns == e.ts_ns &&
           (w.flags & EVENT_COMPAT) == (e.flags & EVENT_COMPAT);
  };
  auto it = entries_.find(e.tid);
  if (it != entries_.end() && !same_call(it->second)) {
    entries_.erase(it);  // a call whose end was lost: this record ends another
    it = entries_.end();
  }
  if (it == entries_.end()) {
    // A successful exec by a thread other than the leader takes the leader's tid
    // (de_thread): its entry half is the one of the same process and call.
    for (it = entries_.begin(); it != entries_.end(); ++it)
      if (same_call(it->second)) break;
  }
  if (it == entries_.end()) {
    // The entry half is not here (never sent): the end alone, as it is.
    joined_.assign(record.begin(), record.end());
    Event* alone = reinterpret_cast<Event*>(joined_.data());
    alone->flags &= ~EVENT_JOIN;
    return std::string_view(reinterpret_cast<const char*>(joined_.data()), joined_.size());
  }
  std::string_view entry(reinterpret_cast<const char*>(it->second.data()), it->second.size());
  join_halves(entry, record, joined_);
  entries_.erase(it);
  return std::string_view(reinterpret_cast<const char*>(joined_.data()), joined_.size());
}

}  // namespace observer
