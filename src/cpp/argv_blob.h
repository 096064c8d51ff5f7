// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// execve's argv blob (bpf/syscalls.h enum argv_tag), element by element: what the strace
// format prints, the argv column and the jsonl reader all read it through this one walk.
#pragma once

#include <linux/types.h>

#include <cstdint>
#include <cstring>
#include <string_view>

#include "syscalls.h"

namespace observer {

struct ArgvElement {
  uint8_t tag = 0;         // enum argv_tag
  std::string_view text;   // ARGV_STRING and ARGV_STRING_CUT: the string's bytes
  uint64_t address = 0;    // ARGV_POINTER: the string's pointer; ARGV_UNREAD: the element's
};

// Takes the next element off the front of blob into e; false at its end, or where the bytes
// are in no element's shape (a blob cut short).
inline bool next_argv_element(std::string_view& blob, ArgvElement& e) noexcept {
  if (blob.empty()) return false;
  e.tag = static_cast<uint8_t>(blob[0]);
  switch (e.tag) {
    case ARGV_STRING:
    case ARGV_STRING_CUT: {
      size_t end = blob.find('\0', 1);
      if (end == std::string_view::npos) return false;
      e.text = blob.substr(1, end - 1);
      blob.remove_prefix(end + 1);
      return true;
    }
    case ARGV_MORE:
      blob.remove_prefix(1);
      return true;
    case ARGV_POINTER:
    case ARGV_UNREAD:
      if (blob.size() < ARGV_MARK_SIZE) return false;
      std::memcpy(&e.address, blob.data() + 1, sizeof(e.address));
      blob.remove_prefix(ARGV_MARK_SIZE);
      return true;
    default:
      return false;
  }
}

}  // namespace observer
