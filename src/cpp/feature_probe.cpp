// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "feature_probe.h"

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <fcntl.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sstream>

#include "error.h"

#ifndef OBSERVER_LIBBPF_BUILD_VERSION
#define OBSERVER_LIBBPF_BUILD_VERSION "unknown"
#endif

namespace observer {

namespace {

constexpr const char* kPrivilegeHint = "run as root, or grant CAP_BPF and CAP_PERFMON";

// A probe result as a report line: 1 yes, 0 no, EPERM/EACCES "cannot tell". Without
// privileges a 0 cannot tell either: libbpf 1.1's map and program probes return 0 for any
// failure, EPERM included, so "no" would claim what was never tested.
Feature from_probe(std::string name, int ret, std::string use, bool required,
                   bool unprivileged) {
  Feature f{std::move(name), std::nullopt, std::move(use), required};
  if (ret == 1) {
    f.available = true;
  } else if (ret == 0 && !unprivileged) {
    f.available = false;
  } else if (ret == 0 || ret == -EPERM || ret == -EACCES) {
    f.detail = "cannot probe without privileges (" + std::string(kPrivilegeHint) + ")";
  } else {
    f.detail = "probe failed: " + std::string(std::strerror(-ret)) + " (" + errno_name(-ret) + ")";
  }
  return f;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

std::string SystemFeatures::at(const std::string& path) const {
  if (root_.empty() || root_ == "/") return path;
  std::string root = root_;
  if (root.back() == '/') root.pop_back();
  return root + path;
}

std::optional<std::string> SystemFeatures::read(const std::string& path) const {
  FILE* f = fopen(at(path).c_str(), "re");
  if (!f) return std::nullopt;
  std::string text;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), f)) > 0) text.append(buf, n);
  fclose(f);
  return text;
}

bool SystemFeatures::readable(const std::string& path) const {
  return access(at(path).c_str(), R_OK) == 0;
}

int SystemFeatures::probe_map(int map_type) const {
  return libbpf_probe_bpf_map_type(static_cast<bpf_map_type>(map_type), nullptr);
}

int SystemFeatures::probe_program(int prog_type) const {
  return libbpf_probe_bpf_prog_type(static_cast<bpf_prog_type>(prog_type), nullptr);
}

int SystemFeatures::probe_helper(int prog_type, int helper) const {
  return libbpf_probe_bpf_helper(static_cast<bpf_prog_type>(prog_type),
                                 static_cast<bpf_func_id>(helper), nullptr);
}

int SystemFeatures::probe_tp_btf(const std::string& name) const {
  // libbpf 1.1 cannot probe BPF_PROG_TYPE_TRACING: load "r0 = 0; exit" against the
  // tracepoint's BTF type, as the real programs will be, and never attach it.
  btf* vmlinux = btf__load_vmlinux_btf();
  if (!vmlinux) return errno == ENOENT ? 0 : -errno;
  int id = btf__find_by_name_kind(vmlinux, ("btf_trace_" + name).c_str(), BTF_KIND_TYPEDEF);
  btf__free(vmlinux);
  if (id < 0) return 0;
  bpf_insn insns[2] = {};
  insns[0].code = BPF_ALU64 | BPF_MOV | BPF_K;
  insns[0].dst_reg = BPF_REG_0;
  insns[1].code = BPF_JMP | BPF_EXIT;
  bpf_prog_load_opts opts = {};
  opts.sz = sizeof(opts);
  opts.expected_attach_type = BPF_TRACE_RAW_TP;
  opts.attach_btf_id = static_cast<__u32>(id);
  int fd = bpf_prog_load(BPF_PROG_TYPE_TRACING, "probe_tp_btf", "GPL", insns, 2, &opts);
  if (fd >= 0) {
    close(fd);
    return 1;
  }
  return errno == EPERM || errno == EACCES ? -errno : 0;
}

std::optional<bool> has_bpf_capabilities(const std::string& status) {
  std::istringstream lines(status);
  std::string line;
  while (std::getline(lines, line)) {
    unsigned long long caps = 0;
    if (sscanf(line.c_str(), "CapEff: %llx", &caps) != 1) continue;
    auto has = [caps](int cap) { return ((caps >> cap) & 1) != 0; };
    // CAP_SYS_ADMIN = 21 on any kernel; CAP_BPF = 39 with CAP_PERFMON = 38 since Linux 5.8.
    return has(21) || (has(39) && has(38));
  }
  return std::nullopt;
}

std::vector<Feature> probe_kernel(const FeatureSource& source) {
  std::vector<Feature> report;

  utsname uts{};
  uname(&uts);
  auto release = source.read("/proc/sys/kernel/osrelease");
  report.push_back({"kernel", true,
                    "Linux " + (release ? trim(*release) : std::string(uts.release)) + " " +
                        uts.machine,
                    false});

  report.push_back({"libbpf", true,
                    std::string(libbpf_version_string()) + " (built with " +
                        OBSERVER_LIBBPF_BUILD_VERSION + ")",
                    false});

  Feature priv{"privileges", std::nullopt, "cannot read /proc/self/status", true};
  if (auto status = source.read("/proc/self/status")) {
    priv.available = has_bpf_capabilities(*status);
    if (!priv.available)
      priv.detail = "no CapEff line in /proc/self/status";
    else if (*priv.available)
      priv.detail = "may load BPF programs (CAP_SYS_ADMIN or CAP_BPF + CAP_PERFMON)";
    else
      priv.detail = kPrivilegeHint;
  }
  report.push_back(priv);
  bool unprivileged = priv.available == false;

  const std::string btf = "/sys/kernel/btf/vmlinux";
  bool has_btf = source.readable(btf);
  report.push_back({"BTF", has_btf,
                    has_btf ? btf : btf + " missing: needs CONFIG_DEBUG_INFO_BTF=y (Linux >= 5.8)",
                    true});

  report.push_back(from_probe("ring buffer", source.probe_map(BPF_MAP_TYPE_RINGBUF),
                              "records to user space (Linux >= 5.8)", true, unprivileged));
  report.push_back(from_probe("task storage", source.probe_map(BPF_MAP_TYPE_TASK_STORAGE),
                              "each call's start, for return values and durations "
                              "(Linux >= 5.12)",
                              true, unprivileged));
  report.push_back(from_probe("tp_btf", source.probe_tp_btf("sys_enter"),
                              "used: raw_syscalls sys_enter/sys_exit, sched_process_* "
                              "(Linux >= 5.5)",
                              true, unprivileged));
  report.push_back(from_probe("raw_tp", source.probe_program(BPF_PROG_TYPE_RAW_TRACEPOINT),
                              "not used (tp_btf reads arguments without copies)", false,
                              unprivileged));
  report.push_back(from_probe("tp", source.probe_program(BPF_PROG_TYPE_TRACEPOINT),
                              "not used (needs tracefs)", false, unprivileged));
  // libbpf's helper probe reads "yes" into a load refused for lack of privileges: unknown.
  report.push_back(from_probe("bpf_loop",
                              unprivileged ? 0
                                           : source.probe_helper(BPF_PROG_TYPE_RAW_TRACEPOINT,
                                                                 BPF_FUNC_loop),
                              "used by -n/--comm (Linux >= 5.17)", false, unprivileged));
  // --cgroup, --unit, --container: the helper that reads a task's ancestor cgroup, and the
  // tracepoint that says a task moved (its threads' answers are kept until then).
  int ancestor = unprivileged ? 0
                              : source.probe_helper(BPF_PROG_TYPE_RAW_TRACEPOINT,
                                                    BPF_FUNC_get_current_ancestor_cgroup_id);
  report.push_back(from_probe("cgroup filter",
                              ancestor == 1 ? source.probe_tp_btf("cgroup_attach_task") : ancestor,
                              "used by --cgroup/--unit/--container (Linux >= 5.8)",
                              false, unprivileged));

  Feature tracefs{"tracefs", false, "not mounted (observer does not need it)", false};
  if (auto mounts = source.read("/proc/self/mounts")) {
    std::istringstream lines(*mounts);
    std::string line, points;
    while (std::getline(lines, line)) {
      std::istringstream fields(line);
      std::string device, point, type;
      if (fields >> device >> point >> type && type == "tracefs")
        points += (points.empty() ? "" : ", ") + point;
    }
    if (!points.empty()) {
      tracefs.available = true;
      tracefs.detail = "mounted at " + points + " (observer does not need it)";
    }
  } else {
    tracefs.available = std::nullopt;
    tracefs.detail = "cannot read /proc/self/mounts";
  }
  report.push_back(tracefs);
  return report;
}

}  // namespace observer
