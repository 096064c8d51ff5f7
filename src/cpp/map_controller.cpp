// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "map_controller.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <linux/types.h>

#include <dirent.h>
#include <sys/mman.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include "error.h"
#include "event.h"
#include "syscalls.skel.h"

namespace observer {

namespace {

constexpr size_t kTracedBytes = TRACED_WORDS * sizeof(uint64_t);

}  // namespace

MapController::MapController(syscalls_bpf* skel) : skel_(skel) {
  // BPF_F_MMAPABLE (Linux 5.5, commit fc9702273e2e): user space sets and clears bits with the
  // same atomic operations as the programs, which a read-modify-write through bpf() could not.
  void* words = mmap(nullptr, kTracedBytes, PROT_READ | PROT_WRITE, MAP_SHARED,
                     bpf_map__fd(skel_->maps.traced), 0);
  if (words == MAP_FAILED) throw MapError("mmap the traced map", errno);
  traced_ = static_cast<uint64_t*>(words);
}

MapController::~MapController() { munmap(traced_, kTracedBytes); }

bool MapController::add_tgid(uint32_t tgid) {
  if (tgid >= PID_LIMIT)
    throw MapError("add pid " + std::to_string(tgid) + " to the traced map", ERANGE);
  uint64_t bit = uint64_t{1} << (tgid % 64);
  if (__atomic_fetch_or(&traced_[tgid / 64], bit, __ATOMIC_SEQ_CST) & bit) return false;
  __atomic_fetch_add(&skel_->bss->traced_alive, 1, __ATOMIC_RELAXED);
  return true;
}

bool MapController::traced(uint32_t tgid) const {
  return tgid < PID_LIMIT &&
         (__atomic_load_n(&traced_[tgid / 64], __ATOMIC_RELAXED) & (uint64_t{1} << (tgid % 64)));
}

void MapController::erase_tgid(uint32_t tgid) {
  if (tgid >= PID_LIMIT) return;
  uint64_t bit = uint64_t{1} << (tgid % 64);
  if (__atomic_fetch_and(&traced_[tgid / 64], ~bit, __ATOMIC_SEQ_CST) & bit)
    __atomic_fetch_sub(&skel_->bss->traced_alive, 1, __ATOMIC_RELAXED);
}

size_t MapController::traced_count() const {
  size_t n = 0;
  for (size_t i = 0; i < TRACED_WORDS; ++i)
    n += static_cast<size_t>(__builtin_popcountll(__atomic_load_n(&traced_[i], __ATOMIC_RELAXED)));
  return n;
}

void MapController::add_comm(const std::string& name) {
  char key[NAME_LEN] = {};
  if (name.empty() || name.size() >= NAME_LEN || name.find('/') != std::string::npos)
    throw Error("add program name", EINVAL,
                "program name must be 1-" + std::to_string(NAME_LEN - 1) +
                    " bytes without '/': '" + name + "'");
  std::memcpy(key, name.data(), name.size());
  uint8_t one = 1;
  int err = bpf_map__update_elem(skel_->maps.comms, key, sizeof(key), &one, sizeof(one), BPF_ANY);
  if (err) throw MapError("add program name " + name, -err);
}

size_t MapController::add_resuming(uint32_t tgid, const std::string& proc_root) {
  std::string dir = proc_root + "/" + std::to_string(tgid) + "/task";
  DIR* tasks = opendir(dir.c_str());
  if (!tasks) return 0;  // gone already: nothing of it is running
  size_t n = 0;
  while (dirent* entry = readdir(tasks)) {
    char* end = nullptr;
    unsigned long tid = strtoul(entry->d_name, &end, 10);
    if (!*entry->d_name || *end || tid == 0 || tid > UINT32_MAX) continue;
    auto key = static_cast<uint32_t>(tid);
    if (bpf_map__update_elem(skel_->maps.resuming, &key, sizeof(key), &tgid, sizeof(tgid),
                             BPF_NOEXIST) == 0) {
      __atomic_fetch_add(&skel_->bss->resume_left, 1, __ATOMIC_RELAXED);
      ++n;
    }
  }
  closedir(tasks);
  return n;
}

std::vector<std::pair<uint32_t, uint32_t>> MapController::resuming() const {
  std::vector<std::pair<uint32_t, uint32_t>> threads;
  uint32_t tid = 0, prev, tgid;
  int err = bpf_map__get_next_key(skel_->maps.resuming, nullptr, &tid, sizeof(tid));
  while (err == 0) {
    if (bpf_map__lookup_elem(skel_->maps.resuming, &tid, sizeof(tid), &tgid, sizeof(tgid), 0) ==
        0)
      threads.emplace_back(tid, tgid);
    prev = tid;
    err = bpf_map__get_next_key(skel_->maps.resuming, &prev, &tid, sizeof(tid));
  }
  return threads;
}

Counters MapController::counters() const {
  const auto* bss = skel_->bss;
  Counters c;
  c.lost_ring = __atomic_load_n(&bss->lost_events, __ATOMIC_RELAXED);
  c.lost_storage = __atomic_load_n(&bss->lost_storage, __ATOMIC_RELAXED);
  c.lost_oversized = __atomic_load_n(&bss->lost_oversized, __ATOMIC_RELAXED);
  c.lost_notices = __atomic_load_n(&bss->lost_notices, __ATOMIC_RELAXED);
  c.lost = c.lost_ring + c.lost_storage + c.lost_oversized + c.lost_notices;
  c.untraced_forks = __atomic_load_n(&bss->untraced_forks, __ATOMIC_RELAXED);
  c.untraced_execs = __atomic_load_n(&bss->untraced_execs, __ATOMIC_RELAXED);
  c.traced_alive = __atomic_load_n(&bss->traced_alive, __ATOMIC_RELAXED);
  return c;
}

}  // namespace observer
