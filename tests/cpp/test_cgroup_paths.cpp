// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Finding the cgroup v2 mount in mountinfo text, and what CgroupPaths gives without one.
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

}  // namespace

int main() {
  pure_v2_mount();
  hybrid_mount_among_v1_ones();
  escaped_mount_point_and_optional_fields();
  none_at_all();
  nothing_found_without_a_v2_mount();
  return check::report("cgroup_paths");
}
