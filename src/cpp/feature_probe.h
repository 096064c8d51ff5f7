// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// What the running kernel offers and what observer will use, for `observer --info`. The
// probes go through a FeatureSource, so tests can simulate a machine that lacks something
// (an unmounted tracefs, no BTF, no privileges) without changing the real one. (Not named
// features.h: src/cpp is on the include path and that would shadow glibc's <features.h>.)
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace observer {

// Where the probes look. Thread-safe if the implementation is (SystemFeatures is).
class FeatureSource {
 public:
  virtual ~FeatureSource() = default;
  // Contents of an absolute path such as "/proc/self/mounts", or nullopt if unreadable.
  virtual std::optional<std::string> read(const std::string& path) const = 0;
  virtual bool readable(const std::string& path) const = 0;
  // libbpf_probe_* conventions: 1 supported, 0 not supported, negative errno on failure.
  virtual int probe_map(int map_type) const = 0;
  virtual int probe_program(int prog_type) const = 0;
  virtual int probe_helper(int prog_type, int helper) const = 0;
  // Loads a tp_btf program for the BTF tracepoint `name` (e.g. "sys_enter"), never attached.
  virtual int probe_tp_btf(const std::string& name) const = 0;
};

// The real machine: files under root (default "/"), BPF probes through the bpf() syscall.
class SystemFeatures : public FeatureSource {
 public:
  explicit SystemFeatures(std::string root = "/") : root_(std::move(root)) {}
  std::optional<std::string> read(const std::string& path) const override;
  bool readable(const std::string& path) const override;
  int probe_map(int map_type) const override;
  int probe_program(int prog_type) const override;
  int probe_helper(int prog_type, int helper) const override;
  int probe_tp_btf(const std::string& name) const override;

 private:
  std::string at(const std::string& path) const;
  std::string root_;
};

// One line of the report.
struct Feature {
  std::string name;              // "BTF", "ring buffer", "tracefs", ...
  std::optional<bool> available;  // nullopt: could not tell (e.g. no privileges to probe)
  std::string detail;            // what was found, or why it matters
  bool required = false;         // observer cannot trace without it
};

// Probes everything `observer --info` reports, in display order. Never throws for a missing
// feature: that is a line with available == false.
std::vector<Feature> probe_kernel(const FeatureSource& source);

// True if the CapEff line of a /proc/<pid>/status text allows loading tracing programs:
// CAP_SYS_ADMIN, or CAP_BPF with CAP_PERFMON (Linux >= 5.8). nullopt if there is no CapEff.
std::optional<bool> has_bpf_capabilities(const std::string& status);

}  // namespace observer
