// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "call_order.h"

#include <algorithm>

namespace observer {

void add_moments(std::vector<Moment>& out, const Event& e, uint32_t record) {
  constexpr uint32_t kOneTime =
      EVENT_RESUMED | EVENT_UNFINISHED | EVENT_PROCESS_EXIT | EVENT_SIGNAL;
  if (!(e.flags & EVENT_HAS_RET) || (e.flags & kOneTime)) {
    out.push_back({e.ts_ns, record, CallPart::kWhole});
    return;
  }
  out.push_back({e.ts_ns, record, CallPart::kEntry});
  out.push_back({e.ts_ns + e.duration_ns, record, CallPart::kExit});
}

void sort_moments(std::vector<Moment>& moments) {
  auto earlier = [](const Moment& a, const Moment& b) { return a.ns < b.ns; };
  // One thread's calls do not overlap: a pass of one thread is in order already.
  if (!std::is_sorted(moments.begin(), moments.end(), earlier))
    std::stable_sort(moments.begin(), moments.end(), earlier);
}

}  // namespace observer
