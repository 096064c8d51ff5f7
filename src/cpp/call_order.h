// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// strace's text follows time: a call's line starts at its entry and ends at its exit, and when
// another thread's line comes in between, the call is written in two parts (CallPart). The
// kernel writes a call's record at its exit, so a sink that shows calls this way
// (Sink::splits_calls) is given each record of a drain pass at the times it stands for: a
// call twice, at its entry and at its exit. Then a parent's wait4 ends after every line of
// the child it returns (the child's records reach the ring first, in the same pass or an
// earlier one), and within a pass a child's first line follows the entry of its clone.
#pragma once

#include <cstdint>
#include <vector>

#include "event.h"

namespace observer {

// One time of one record of a pass: a call's entry or exit, or a record that stands for one
// time only (kWhole).
struct Moment {
  uint64_t ns;      // CLOCK_MONOTONIC, as ts_ns
  uint32_t record;  // the record's place in the pass
  CallPart part;
};

// Appends the moments of e, the pass's record number record: a call that returned has its
// entry (ts_ns) and its exit (ts_ns + duration_ns); a process's end, a signal, a call that
// never returned and one begun before tracing (stamped at its exit) have one.
void add_moments(std::vector<Moment>& out, const Event& e, uint32_t record);

// Puts moments in the order of their times; moments of one time keep the order they had (a
// call's entry before its exit, records of one thread in ring order).
void sort_moments(std::vector<Moment>& moments);

}  // namespace observer
