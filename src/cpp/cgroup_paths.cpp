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

bool lower_hex(std::string_view s) {
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

// A pod uid, 8-4-4-4-12 lowercase hex digits separated by sep, as dashed text; "" if not.
std::string pod_uid_of(std::string_view s, char sep) {
  if (s.size() != 36) return "";
  std::string uid(s);
  for (size_t i = 0; i < uid.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (uid[i] == sep)) return "";
    if (dash)
      uid[i] = '-';
    else if (!lower_hex(s.substr(i, 1)))
      return "";
  }
  return uid;
}

constexpr size_t kContainerIdLength = 64;

// The container id a directory's name gives, or "": a runtime's prefix and the id, with
// ".scope" (systemd drivers) or without (cgroupfs drivers), or the bare id where bare is true.
std::string_view container_id_of(std::string_view name, bool bare) {
  static constexpr std::string_view kPrefixes[] = {"docker-", "cri-containerd-", "crio-",
                                                    "libpod-", "containerd-"};
  constexpr std::string_view kScope = ".scope";
  if (name.size() > kScope.size() && name.substr(name.size() - kScope.size()) == kScope)
    name.remove_suffix(kScope.size());
  else if (name.size() == kContainerIdLength)
    return bare && lower_hex(name) ? name : std::string_view();
  for (std::string_view prefix : kPrefixes) {
    if (name.substr(0, prefix.size()) != prefix) continue;
    std::string_view id = name.substr(prefix.size());
    return id.size() == kContainerIdLength && lower_hex(id) ? id : std::string_view();
  }
  return {};
}

// The pod uid of a systemd driver's slice, "kubepods-besteffort-pod<uid_>.slice", or "".
std::string systemd_pod_uid(std::string_view name) {
  constexpr std::string_view kSlice = ".slice", kPod = "-pod";
  if (name.size() <= kSlice.size() || name.substr(name.size() - kSlice.size()) != kSlice)
    return "";
  name.remove_suffix(kSlice.size());
  size_t pod = name.rfind(kPod);
  if (pod == std::string_view::npos) return "";
  std::string_view qos = name.substr(0, pod);
  // The slice's parents, '-'-joined: "kubepods" and its QoS class, maybe below "kubelet".
  for (std::string_view tail : {"kubepods", "kubepods-burstable", "kubepods-besteffort"}) {
    if (qos.size() < tail.size() || qos.substr(qos.size() - tail.size()) != tail) continue;
    if (qos.size() > tail.size() && qos[qos.size() - tail.size() - 1] != '-') continue;
    return pod_uid_of(name.substr(pod + kPod.size()), '_');
  }
  return "";
}

// kernfs's file handle type (include/linux/exportfs.h FILEID_KERNFS): 8 bytes, the node id.
constexpr int kFileIdKernfs = 0xfe;

}  // namespace

CgroupOrigin cgroup_origin(std::string_view path) {
  CgroupOrigin origin;
  bool kubepods = false;  // a "kubepods" directory above (cgroupfs driver)
  bool below_pod = false, below_docker = false;  // the parent's kind: a bare id may follow
  while (!path.empty()) {
    size_t slash = path.find('/');
    std::string_view name = path.substr(0, slash);
    path.remove_prefix(slash == std::string_view::npos ? path.size() : slash + 1);
    if (name.empty()) continue;
    std::string_view id = container_id_of(name, below_pod || below_docker);
    if (!id.empty()) origin.container_id = id;
    std::string pod = kubepods && name.substr(0, 3) == "pod" ? pod_uid_of(name.substr(3), '-')
                                                             : systemd_pod_uid(name);
    if (!pod.empty()) origin.pod_uid = pod;
    below_pod = !pod.empty();
    below_docker = name == "docker";
    kubepods |= name == "kubepods";
  }
  return origin;
}

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
