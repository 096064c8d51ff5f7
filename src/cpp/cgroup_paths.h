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

// Where a cgroup v2 path says its tasks run, by the directory names container runtimes and
// the kubelet give: the container's id (64 lowercase hex digits) and the Kubernetes pod's
// uid (8-4-4-4-12 hex digits with dashes), each "" when the path has no known shape. The one
// copy of these rules: the record columns, jsonl and --container all use it.
struct CgroupOrigin {
  std::string container_id;
  std::string pod_uid;
};

// The origin of path (as /proc/PID/cgroup writes it, "/" first; the innermost match wins,
// so a container nested in another, or a pod in a node container of kind, is the inner one):
// - a container: "docker-<id>.scope" (docker, systemd driver), "cri-containerd-<id>.scope"
//   (containerd's CRI), "crio-<id>.scope" (CRI-O), "libpod-<id>.scope" (podman),
//   "containerd-<id>.scope"; the cgroupfs drivers' names without ".scope"; and a bare <id>
//   right below "docker" (docker, cgroupfs driver) or below a kubelet pod directory
//   (containerd and CRI-O, cgroupfs driver). A runtime's helpers ("crio-conmon-<id>.scope",
//   "libpod-conmon-<id>.scope") are not the container.
// - a pod: "pod<uid>" below a "kubepods" directory (cgroupfs driver:
//   /kubepods/burstable/pod<uid>/...), or "kubepods[-burstable|-besteffort]-pod<uid>.slice"
//   with the uid's dashes as underscores (systemd driver, which keeps '-' for nesting; kind's
//   "kubelet-kubepods-..." too), given back with dashes.
CgroupOrigin cgroup_origin(std::string_view path);

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
