// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Records built by hand for the sink and batch tests.
#pragma once

#include <cstdint>
#include <cstring>

#include "event.h"

namespace check {

// A syscall record of process tgid (thread tgid + 1) with nothing else set.
inline observer::Event event(uint32_t tgid, int nr, const char* comm) {
  observer::Event e{};
  e.tgid = tgid;
  e.tid = tgid + 1;
  e.nr = nr;
  std::strncpy(e.comm, comm, TASK_COMM_LEN);
  return e;
}

}  // namespace check
