// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Finding the cgroup v2 mount in mountinfo text, what CgroupPaths gives without one, and the
// container ids and pod uids of the runtimes' and the kubelet's cgroup paths.
#include <stdlib.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "cgroup_paths.h"
#include "check.h"

using namespace observer;

namespace {

void pure_v2_mount() {
  CHECK_EQ(cgroup2_mount("30 23 0:26 / /sys/fs/cgroup rw,nosuid shared:4 - cgroup2 cgroup2 "
                         "rw,nsdelegate\n"),
           "/sys/fs/cgroup");
}

void hybrid_mount_among_v1_ones() {
  std::string text =
      "25 30 0:23 / /sys/fs/cgroup ro,nosuid shared:9 - tmpfs tmpfs ro,mode=755\n"
      "26 25 0:24 / /sys/fs/cgroup/unified rw,nosuid shared:10 - cgroup2 cgroup2 rw\n"
      "27 25 0:25 / /sys/fs/cgroup/memory rw shared:11 - cgroup cgroup rw,memory\n";
  CHECK_EQ(cgroup2_mount(text), "/sys/fs/cgroup/unified");
}

void escaped_mount_point_and_optional_fields() {
  // A space in the path is \040; any number of optional fields come before " - ".
  CHECK_EQ(cgroup2_mount("40 1 0:30 / /mnt/my\\040cg rw shared:2 master:3 - cgroup2 none rw"),
           "/mnt/my cg");
}

void none_at_all() {
  CHECK_EQ(cgroup2_mount(""), "");
  CHECK_EQ(cgroup2_mount("27 25 0:25 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n"),
           "");
  // A file system whose type only starts with "cgroup2" is not one.
  CHECK_EQ(cgroup2_mount("27 25 0:25 / /x rw - cgroup2x none rw\n"), "");
}

void nothing_found_without_a_v2_mount() {
  char path[] = "/tmp/observer-mountinfo-XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  close(fd);
  std::ofstream(path) << "27 25 0:25 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n";
  CgroupPaths paths(path);
  CHECK(paths.find(0) == nullptr);
  CHECK(paths.find(1) == nullptr);
  CHECK(paths.find(1) == nullptr);  // remembered, not looked up again
  unlink(path);
}

const std::string kId = "3f2a9c0d1e2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5";
const std::string kInner = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const std::string kUid = "8d3e5f2a-1b4c-4d6e-9f0a-b1c2d3e4f5a6";
const std::string kUid_ = "8d3e5f2a_1b4c_4d6e_9f0a_b1c2d3e4f5a6";

void container_runtimes() {
  for (const std::string& path : {
           "/docker/" + kId,                                      // docker, cgroupfs
           "/system.slice/docker-" + kId + ".scope",              // docker, systemd
           "/system.slice/containerd-" + kId + ".scope",
           "/machine.slice/libpod-" + kId + ".scope",             // podman, rootful
           "/machine.slice/libpod-" + kId + ".scope/container",   // podman's inner cgroup
           "/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-" + kId + ".scope",
           "/libpod_parent/libpod-" + kId,                        // podman, cgroupfs
           "/system.slice/crio-" + kId + ".scope",
       }) {
    CgroupOrigin origin = cgroup_origin(path);
    CHECK_EQ(origin.container_id, kId);
    CHECK_EQ(origin.pod_uid, "");
  }
}

void kubelet_pods() {
  struct Case {
    std::string path, pod, container;
  };
  const Case cases[] = {
      // cgroupfs driver: dashed uid, bare or prefixed container ids below the pod.
      {"/kubepods/burstable/pod" + kUid + "/" + kId, kUid, kId},
      {"/kubepods/besteffort/pod" + kUid + "/" + kId, kUid, kId},
      {"/kubepods/pod" + kUid + "/" + kId, kUid, kId},  // guaranteed QoS
      {"/kubepods/burstable/pod" + kUid + "/crio-" + kId, kUid, kId},
      {"/kubepods/burstable/pod" + kUid, kUid, ""},  // the pod, no container
      // systemd driver: underscores in the slice, given back dashed.
      {"/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" + kUid_ +
           ".slice/cri-containerd-" + kId + ".scope",
       kUid, kId},
      {"/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod" + kUid_ +
           ".slice/crio-" + kId + ".scope",
       kUid, kId},
      {"/kubepods.slice/kubepods-pod" + kUid_ + ".slice/docker-" + kId + ".scope", kUid, kId},
      // kind: a node container whose kubelet nests its pods below it; the inner one wins.
      {"/docker/" + kInner + "/kubelet.slice/kubelet-kubepods.slice/"
           "kubelet-kubepods-besteffort.slice/kubelet-kubepods-besteffort-pod" + kUid_ +
           ".slice/cri-containerd-" + kId + ".scope",
       kUid, kId},
      {"/docker/" + kInner + "/kubepods/burstable/pod" + kUid + "/" + kId, kUid, kId},
  };
  for (const Case& c : cases) {
    CgroupOrigin origin = cgroup_origin(c.path);
    CHECK_EQ(origin.pod_uid, c.pod);
    CHECK_EQ(origin.container_id, c.container);
  }
}

void no_known_shape_is_no_guess() {
  for (const std::string& path : {
           std::string("/"), std::string(""), std::string("/init.scope"),
           std::string("/system.slice/docker.service"),
           std::string("/user.slice/user-1000.slice/session-3.scope"),
           "/system.slice/crio-conmon-" + kId + ".scope",     // CRI-O's monitor
           "/machine.slice/libpod-conmon-" + kId + ".scope",  // podman's monitor
           "/" + kId,                                         // a bare id anywhere else
           "/demo.slice/" + kId,
           "/system.slice/docker-" + kId.substr(1) + ".scope",  // 63 digits
           "/system.slice/docker-" + kId + "0.scope",           // 65
           "/docker/" + kId.substr(0, 63) + "G",                // not hex
           std::string("/docker/3F2A9C0D1E2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F708192A3B4C5"),
           "/pod" + kUid + "/" + kId,                 // a pod directory outside kubepods
           "/kubepods/burstable/pod" + kUid_,        // cgroupfs with underscores
           "/kubepods/burstable/pod" + kUid.substr(0, 35),
           "/kubepods.slice/kubepods-burstable-pod" + kUid + ".slice",  // systemd with dashes
           "/kubepods.slice/notkubepods-pod" + kUid_ + ".slice",
           "/kubepods.slice/kubepods-guaranteed-pod" + kUid_ + ".slice",
       }) {
    CgroupOrigin origin = cgroup_origin(path);
    CHECK_EQ(origin.container_id, "");
    CHECK_EQ(origin.pod_uid, "");
  }
}

}  // namespace

int main() {
  container_runtimes();
  kubelet_pods();
  no_known_shape_is_no_guess();
  pure_v2_mount();
  hybrid_mount_among_v1_ones();
  escaped_mount_point_and_optional_fields();
  none_at_all();
  nothing_found_without_a_v2_mount();
  return check::report("cgroup_paths");
}
