// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "loader.h"

#include <bpf/libbpf.h>
#include <linux/types.h>
#include <unistd.h>

#include <cerrno>
#include <cstdarg>
#include <cstdio>

#include "error.h"
#include "event.h"
#include "feature_probe.h"
#include "syscalls.skel.h"

namespace observer {

namespace {

int g_verbosity = 0;
std::string g_log;  // libbpf output of the current load, for LoadError

int print_libbpf(enum libbpf_print_level level, const char* format, va_list args) {
  char line[1024];
  va_list copy;
  va_copy(copy, args);
  vsnprintf(line, sizeof(line), format, copy);
  va_end(copy);
  g_log += line;
  if (g_verbosity > 0 && (level != LIBBPF_DEBUG || g_verbosity > 1)) fputs(line, stderr);
  return 0;
}

void set_autoload(bpf_program* prog, bool on) {
  check(bpf_program__set_autoload(prog, on), std::string("configure ") + bpf_program__name(prog));
}

}  // namespace

void set_verbosity(int level) {
  g_verbosity = level;
  libbpf_set_print(print_libbpf);
}

void probe_features(const std::string& probe_root) {
  // An unreadable status or one without CapEff cannot tell: let the bpf() calls decide.
  auto status = SystemFeatures(probe_root).read("/proc/self/status");
  if (status && has_bpf_capabilities(*status) == false) throw Error("load BPF programs", EPERM);
  std::string btf = probe_root + "sys/kernel/btf/vmlinux";
  if (access(btf.c_str(), R_OK) != 0)
    throw FeatureError("find kernel BTF", errno,
                       btf + " is missing: observer needs a kernel built with "
                             "CONFIG_DEBUG_INFO_BTF=y (Linux >= 5.8)");
  int ret = libbpf_probe_bpf_map_type(BPF_MAP_TYPE_RINGBUF, nullptr);
  if (ret == 0)
    throw FeatureError("probe BPF ring buffer", ENOTSUP,
                       "this kernel has no BPF ring buffer: observer needs Linux >= 5.8");
  if (ret < 0) throw Error("probe BPF ring buffer", -ret);
}

Loader::Loader(const Spec& spec) {
  libbpf_set_print(print_libbpf);
  g_log.clear();

  // Open: parse the embedded object.
  skel_ = syscalls_bpf::open();
  if (!skel_) throw LoadError("open BPF object", errno, g_log);

  // Configure: read-only globals and map sizes, fixed from here on.
  auto* ro = skel_->rodata;
  ro->filter_self_tgid = spec.self_tgid ? spec.self_tgid : static_cast<uint32_t>(getpid());
  ro->filter_tgids = !spec.whole_system();
  ro->filter_syscalls = !spec.syscalls.empty();
  for (int nr : spec.syscalls) {
    if (nr < 0 || nr >= MAX_SYSCALLS)
      throw Error("configure syscall filter", EINVAL,
                  "syscall number " + std::to_string(nr) + " is out of range 0-" +
                      std::to_string(MAX_SYSCALLS - 1));
    ro->filter_syscall_bits[nr / 64] |= 1ull << (nr % 64);
  }
  ro->capture_exit = spec.capture_exit;
  ro->capture_time = spec.capture_time || spec.capture_exit;
  // Force a wakeup once a quarter of the ring is unread; below that the consumer's timer drains.
  ro->wakeup_bytes = spec.ring_size / 4;
  check(bpf_map__set_max_entries(skel_->maps.events, spec.ring_size), "configure ring buffer size");

  set_autoload(skel_->progs.sys_exit, spec.capture_exit);
  set_autoload(skel_->progs.sched_process_fork, spec.follow);
  set_autoload(skel_->progs.sched_process_exec, !spec.comms.empty());
  set_autoload(skel_->progs.sched_process_exit, !spec.whole_system());

  // Load: create maps, relocate against the kernel's BTF, verify.
  int err = syscalls_bpf::load(skel_);
  if (err) {
    std::string log = std::move(g_log);
    syscalls_bpf::destroy(skel_);
    skel_ = nullptr;
    throw LoadError("load BPF programs", -err, log);
  }
}

Loader::~Loader() {
  if (skel_) syscalls_bpf::destroy(skel_);
}

void Loader::attach() {
  bpf_program* progs[] = {skel_->progs.sys_enter, skel_->progs.sys_exit,
                          skel_->progs.sched_process_fork, skel_->progs.sched_process_exec,
                          skel_->progs.sched_process_exit};
  bpf_link** links[] = {&skel_->links.sys_enter, &skel_->links.sys_exit,
                        &skel_->links.sched_process_fork, &skel_->links.sched_process_exec,
                        &skel_->links.sched_process_exit};
  // Process-lifetime hooks first, so no fork or exec slips between them and sys_enter.
  for (int i = 4; i >= 0; --i) {
    if (!bpf_program__autoload(progs[i])) continue;
    bpf_link* link = bpf_program__attach(progs[i]);
    if (!link) {
      int err = errno;
      detach();
      throw AttachError(std::string("attach ") + bpf_program__section_name(progs[i]), err);
    }
    *links[i] = link;
  }
}

void Loader::detach() noexcept {
  if (skel_) syscalls_bpf::detach(skel_);
}

}  // namespace observer
