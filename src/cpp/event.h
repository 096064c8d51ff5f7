// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The kernel record as C++ sees it. bpf/syscalls.h is shared with the BPF program; the
// assertions pin the layout that the NumPy dtype (bindings.cpp) and the Python readers rely on.
#pragma once

#include <linux/types.h>

#include <cstddef>
#include <cstdint>

#include "syscalls.h"

namespace observer {

using Event = ::event;
using LogEvent = ::log_event;

static_assert(sizeof(Event) == 112, "struct event layout changed: update the NumPy dtype");
static_assert(offsetof(Event, ts_ns) == 0);
static_assert(offsetof(Event, args) == 8);
static_assert(offsetof(Event, ret) == 56);
static_assert(offsetof(Event, duration_ns) == 64);
static_assert(offsetof(Event, tgid) == 72);
static_assert(offsetof(Event, tid) == 76);
static_assert(offsetof(Event, nr) == 80);
static_assert(offsetof(Event, flags) == 84);
static_assert(offsetof(Event, comm) == 88);
static_assert(offsetof(Event, cgroup_id) == 104);
// What one line shows of a call: all of it, or, when lines of other threads come between its
// entry and its exit, what strace writes at the entry ("<unfinished ...>") or at the exit
// ("<... resumed>").
enum class CallPart : uint8_t { kWhole, kEntry, kExit };

// The largest record the kernel side sends: event, tail and every item at its maximum.
inline constexpr size_t kMaxRecord = sizeof(Event) + sizeof(string_tail) + ITEMS_SPACE;

// Tracer tells the log's record from an event by its size.
static_assert(sizeof(LogEvent) == 32 && sizeof(LogEvent) < sizeof(Event));

}  // namespace observer
