// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Records built by hand for the sink, batch and decoder tests.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "event.h"
#include "syscall_facts.h"

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

// The native number of a syscall name, or -1.
inline int nr_of(std::string_view name) {
  for (int nr = 0; nr < MAX_SYSCALLS; ++nr)
    if (observer::syscall_name(nr) == name) return nr;
  return -1;
}

}  // namespace check
