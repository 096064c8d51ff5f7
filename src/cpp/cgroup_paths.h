// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The paths of cgroup v2 directories by the id records carry (the directory's inode number),
// below the v2 root as /proc/PID/cgroup writes them: "/system.slice/cron.service", "/" for
// the root.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace observer {

// The longest path find() gives, in bytes.
constexpr size_t kMaxCgroupPath = 4095;

// The mount point of the cgroup v2 hierarchy in the text of a /proc/PID/mountinfo, octal
// escapes undone, or "" if there is none.
std::string cgroup2_mount(std::string_view mountinfo);

// Finds each id once (open_by_handle_at on the v2 mount, which needs CAP_DAC_READ_SEARCH, as
// root has) and remembers it; ids are not reused, so an id that is gone stays unknown. Not
// thread-safe: one per sink.
class CgroupPaths {
 public:
  explicit CgroupPaths(std::string mountinfo = "/proc/self/mountinfo");
  // last_ points into known_: not copied.
  CgroupPaths(const CgroupPaths&) = delete;
  CgroupPaths& operator=(const CgroupPaths&) = delete;

  // The path of cgroup id, or nullptr: id 0 (not known), no cgroup v2 mounted, a cgroup
  // removed before it was looked up, or no privilege to look.
  const std::string* find(uint64_t id);

 private:
  std::optional<std::string> look_up(uint64_t id);

  std::string mountinfo_;
  std::string mount_;  // "" if there is no cgroup v2 here
  bool mount_read_ = false;
  std::unordered_map<uint64_t, std::optional<std::string>> known_;
  uint64_t last_id_ = 0;
  const std::string* last_ = nullptr;
};

}  // namespace observer
