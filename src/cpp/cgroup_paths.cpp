// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "cgroup_paths.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

namespace observer {

namespace {

// A mountinfo field with its \ooo escapes (space, tab, newline, backslash) undone.
std::string unescape(std::string_view field) {
  std::string out;
  for (size_t i = 0; i < field.size(); ++i) {
    auto octal = [&](size_t k) { return field[k] >= '0' && field[k] <= '7'; };
    if (field[i] == '\\' && i + 3 < field.size() && octal(i + 1) && octal(i + 2) &&
        octal(i + 3)) {
      out += static_cast<char>((field[i + 1] - '0') * 64 + (field[i + 2] - '0') * 8 +
                               (field[i + 3] - '0'));
      i += 3;
    } else {
      out += field[i];
    }
  }
  return out;
}

// kernfs's file handle type (include/linux/exportfs.h FILEID_KERNFS): 8 bytes, the node id.
constexpr int kFileIdKernfs = 0xfe;

}  // namespace

std::string cgroup2_mount(std::string_view mountinfo) {
  while (!mountinfo.empty()) {
    size_t end = mountinfo.find('\n');
    std::string_view line = mountinfo.substr(0, end);
    mountinfo.remove_prefix(end == std::string_view::npos ? mountinfo.size() : end + 1);
    // "ID PARENT MAJ:MIN ROOT MOUNT OPTIONS [TAGS...] - FSTYPE SOURCE SUPER": the fifth field,
    // and the one after " - ".
    size_t dash = line.find(" - ");
    if (dash == std::string_view::npos || line.substr(dash + 3, 8) != "cgroup2 ") continue;
    std::string_view fields = line.substr(0, dash);
    for (int skip = 0; skip < 4; ++skip) {
      size_t space = fields.find(' ');
      if (space == std::string_view::npos) return "";
      fields.remove_prefix(space + 1);
    }
    return unescape(fields.substr(0, fields.find(' ')));
  }
  return "";
}

CgroupPaths::CgroupPaths(std::string mountinfo) : mountinfo_(std::move(mountinfo)) {}

const std::string* CgroupPaths::find(uint64_t id) {
  if (id == 0) return nullptr;
  // Consecutive records mostly come from one task: skip the hash for a repeat.
  if (id == last_id_) return last_;
  auto it = known_.find(id);
  if (it == known_.end()) it = known_.emplace(id, look_up(id)).first;
  last_id_ = id;
  last_ = it->second ? &*it->second : nullptr;
  return last_;
}

std::optional<std::string> CgroupPaths::look_up(uint64_t id) {
  if (!mount_read_) {
    std::ifstream in(mountinfo_);
    std::stringstream text;
    text << in.rdbuf();
    mount_ = cgroup2_mount(text.str());
    mount_read_ = true;
  }
  // Opened for each lookup, which is rare, so that the many sinks of -ff hold no fd each.
  int mount_fd = mount_.empty() ? -1 : open(mount_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (mount_fd < 0) return std::nullopt;
  alignas(file_handle) unsigned char bytes[sizeof(file_handle) + sizeof(id)];
  auto* handle = reinterpret_cast<file_handle*>(bytes);
  handle->handle_bytes = sizeof(id);
  handle->handle_type = kFileIdKernfs;
  std::memcpy(handle->f_handle, &id, sizeof(id));
  int fd = open_by_handle_at(mount_fd, handle, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  close(mount_fd);
  if (fd < 0) return std::nullopt;
  char link[64], target[kMaxCgroupPath + 1];
  snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, target, sizeof(target));
  close(fd);
  if (n <= 0 || static_cast<size_t>(n) >= sizeof(target)) return std::nullopt;
  std::string_view path(target, static_cast<size_t>(n));
  // The directory below the mount; the mount itself is the root, "/".
  if (path.substr(0, mount_.size()) != mount_) return std::nullopt;
  path.remove_prefix(mount_.size());
  if (mount_ == "/") return "/" + std::string(path);
  return path.empty() ? std::string("/") : std::string(path);
}

}  // namespace observer
