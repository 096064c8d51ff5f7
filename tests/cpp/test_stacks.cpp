// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// -k's stacks without the kernel: a record carrying this very thread's registers and stack, as
// bpf/stack.bpf.h copies them, unwound and named; strace's frame lines.
#include <pthread.h>
#include <unistd.h>

#include <algorithm>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "check.h"
#include "decode.h"
#include "stacks.h"

using namespace observer;

namespace {

// A record with items of kind (ITEM_STACK unless given), each an arg and its bytes.
std::string record(Event e, const std::vector<std::pair<uint8_t, std::string>>& stack,
                   const std::vector<uint8_t>& kinds = {}) {
  string_tail tail{};
  std::string data;
  for (const auto& [arg, bytes] : stack) {
    unsigned i = tail.count++;
    tail.len[i] = static_cast<uint16_t>(bytes.size());
    tail.arg[i] = arg;
    tail.kind[i] = i < kinds.size() ? kinds[i] : static_cast<uint8_t>(ITEM_STACK);
    data += bytes;
  }
  if (tail.count) e.flags |= EVENT_HAS_STRINGS;
  std::string out(reinterpret_cast<const char*>(&e), sizeof(e));
  if (tail.count) out += std::string(reinterpret_cast<const char*>(&tail), sizeof(tail)) + data;
  return out;
}

const std::vector<StackFrame>& unwind(Stacks& stacks, const std::string& rec) {
  Strings items = parse_strings(rec.data(), static_cast<uint32_t>(rec.size()));
  return stacks.unwind(*reinterpret_cast<const Event*>(rec.data()), items);
}

std::string text(const std::vector<StackFrame>& frames) {
  std::string out(stack_text_bound(frames), '\0');
  out.resize(static_cast<size_t>(put_strace_stack(out.data(), frames) - out.data()));
  return out;
}

#if defined(__x86_64__)
// This thread's record of a call made here: its registers and up to 8 KiB of its stack (less
// where its top is nearer), in two items as the kernel side sends them.
__attribute__((noinline)) std::string record_here() {
  stack_head head{};
  uint64_t* r = reinterpret_cast<uint64_t*>(head.regs);
  asm volatile(
      "lea 0(%%rip), %%rax\n\tmov %%rax, 0(%0)\n\tmov %%rsp, 8(%0)\n\tmov %%rbp, 16(%0)\n\t"
      "mov %%rbx, 24(%0)\n\tmov %%r12, 32(%0)\n\tmov %%r13, 40(%0)\n\tmov %%r14, 48(%0)\n\t"
      "mov %%r15, 56(%0)"
      :
      : "r"(r)
      : "rax", "memory");
  const char* sp = reinterpret_cast<const char*>(r[STACK_SP]);
  pthread_attr_t attr;
  void* low = nullptr;
  size_t size = 0;
  CHECK(pthread_getattr_np(pthread_self(), &attr) == 0);
  CHECK(pthread_attr_getstack(&attr, &low, &size) == 0);
  pthread_attr_destroy(&attr);
  size_t above = static_cast<size_t>(static_cast<const char*>(low) + size - sp);
  size_t n = std::min(above, ITEM_MAX - sizeof(head));
  std::string first(reinterpret_cast<const char*>(&head), sizeof(head));
  first.append(sp, n);
  std::string second(sp + n, std::min<size_t>(above - n, ITEM_MAX));
  Event e{};
  e.tgid = static_cast<uint32_t>(getpid());
  e.tid = static_cast<uint32_t>(gettid());
  e.flags = EVENT_HAS_RET | EVENT_HAS_TIME;
  return record(e, {{0, first}, {1, second}});
}

__attribute__((noinline)) void own_stack_unwinds() {
  if (!Stacks::available()) return;
  Stacks stacks;
  std::string rec = record_here();
  const std::vector<StackFrame>& frames = unwind(stacks, rec);
  CHECK(frames.size() >= 3);
  CHECK(frames[0].symbol.find("record_here") != std::string::npos);
  CHECK(frames[1].symbol.find("own_stack_unwinds") != std::string::npos);
  CHECK_EQ(frames[2].symbol, std::string("main"));
  char self[4096] = {};
  CHECK(readlink("/proc/self/exe", self, sizeof(self) - 1) > 0);
  CHECK_EQ(frames[0].module, std::string(self));
  // A caller's frame is at its return address, and the offsets are the return address's.
  CHECK(frames[1].offset - frames[1].symbol_offset < frames[1].offset);
  std::string lines = text(frames);
  CHECK(lines.rfind(" > " + std::string(self) + "(", 0) == 0);
  // Named again from what the first unwinding learnt: the same frames.
  CHECK_EQ(text(unwind(stacks, rec)), lines);
}

// What the kernel sends of this process's mappings (bpf/stack.bpf.h), from its
// /proc/self/maps: per file with an executable mapping, its path (as fd_path: the names from
// the file up) and its mappings, in EVENT_MAPS records of at most MAX_ITEMS items.
std::vector<std::string> maps_records(uint32_t tgid) {
  struct File {
    std::string path;
    std::vector<map_range> ranges;
    bool exec = false;
    map_file where{};
  };
  std::vector<File> files;
  FILE* f = std::fopen("/proc/self/maps", "r");
  CHECK(f != nullptr);
  char line[4096];
  while (f && std::fgets(line, sizeof(line), f)) {
    unsigned long long start, end, offset, ino;
    unsigned major, minor;
    char perms[8];
    int at = 0;
    if (std::sscanf(line, "%llx-%llx %7s %llx %x:%x %llu %n", &start, &end, perms, &offset,
                    &major, &minor, &ino, &at) < 7)
      continue;
    std::string path = line + at;
    if (!path.empty() && path.back() == '\n') path.pop_back();
    if (path.empty() || path[0] != '/') continue;
    if (files.empty() || files.back().path != path)
      files.push_back({path, {}, false, {ino, major << 20 | minor, 0}});
    files.back().ranges.push_back({start, end, offset});
    files.back().exec |= perms[2] == 'x';
  }
  if (f) std::fclose(f);
  std::vector<std::string> out;
  std::vector<std::pair<uint8_t, std::string>> items;
  std::vector<uint8_t> kinds;
  Event e{};
  e.tgid = e.tid = tgid;
  e.flags = EVENT_MAPS | EVENT_HAS_TIME;
  auto flush = [&] {
    e.args[MAPS_ARG_FIRST] = out.empty();
    out.push_back(record(e, items, kinds));
    items.clear();
    kinds.clear();
  };
  for (const File& file : files) {
    if (!file.exec) continue;
    if (items.size() + 2 > MAX_ITEMS) flush();
    fd_path head{};
    head.type = FD_PATH_FILE;
    std::string names;
    for (size_t end = file.path.size(), slash; end > 0; end = slash) {
      slash = file.path.rfind('/', end - 1);
      names.append(file.path, slash + 1, end - slash - 1).push_back('\0');
      ++head.names;
    }
    items.push_back({0, std::string(reinterpret_cast<const char*>(&head), sizeof(head)) + names});
    kinds.push_back(ITEM_MAP_PATH);
    std::string ranges(reinterpret_cast<const char*>(&file.where), sizeof(file.where));
    for (const map_range& r : file.ranges)
      ranges.append(reinterpret_cast<const char*>(&r), sizeof(r));
    items.push_back({0, ranges});
    kinds.push_back(ITEM_MAP_RANGES);
  }
  flush();
  return out;
}

// A process gone (no /proc/PID/maps to read) whose mappings the kernel sent is named by them.
__attribute__((noinline)) void a_process_gone_is_named_by_the_mappings_it_sent() {
  if (!Stacks::available()) return;
  const uint32_t gone = 0x7ffffff0;  // above pid_max's limit: no such process
  std::string rec = record_here();
  reinterpret_cast<Event*>(rec.data())->tgid = gone;
  Stacks stacks;
  CHECK_EQ(text(unwind(stacks, rec)).rfind(" > unexpected_backtracing_error [", 0), size_t{0});
  Stacks sent;
  std::vector<std::string> maps = maps_records(gone);
  CHECK(maps.size() >= 1);
  for (const std::string& m : maps) sent.map(m.data(), static_cast<uint32_t>(m.size()));
  const std::vector<StackFrame>& frames = unwind(sent, rec);
  CHECK(frames.size() >= 3);
  CHECK(frames[0].symbol.find("record_here") != std::string::npos);
  CHECK(frames[1].symbol.find("a_process_gone_is_named") != std::string::npos);
  char self[4096] = {};
  CHECK(readlink("/proc/self/exe", self, sizeof(self) - 1) > 0);
  CHECK_EQ(frames[0].module, std::string(self));
  // Once it has ended, nothing of it is kept.
  sent.forget(gone);
  CHECK_EQ(text(unwind(sent, rec)).rfind(" > unexpected_backtracing_error [", 0), size_t{0});
}
#endif

void records_without_a_stack_have_none() {
  Stacks stacks;
  Event e{};
  e.tgid = e.tid = static_cast<uint32_t>(getpid());
  CHECK(unwind(stacks, record(e, {})).empty());
  // A process gone, never seen: the address the call was made from, alone.
  stack_head head{};
  head.regs[STACK_IP] = 0x7f0011223344;
  e.tgid = e.tid = 0x7ffffff0;  // above pid_max's limit: no such process
  std::string rec = record(e, {{0, std::string(reinterpret_cast<const char*>(&head), sizeof(head))}});
  CHECK_EQ(text(unwind(stacks, rec)), std::string(" > unexpected_backtracing_error [0x7f0011223344]\n"));
}

void frames_are_written_as_strace_writes_them() {
  std::vector<StackFrame> frames(3);
  frames[0] = {0x7f00000f8350, 0xf8350, 0x10, "/usr/lib/x86_64-linux-gnu/libc.so.6", "__write"};
  frames[1] = {0x55000000060c4, 0x60c4, 0, "/usr/bin/echo", ""};
  frames[2] = {0x1234, 0x1234, 0, "", ""};
  CHECK_EQ(text(frames),
           std::string(" > /usr/lib/x86_64-linux-gnu/libc.so.6(__write+0x10) [0xf8350]\n"
                       " > /usr/bin/echo() [0x60c4]\n"
                       " > unexpected_backtracing_error [0x1234]\n"));
  frames[0].symbol_offset = 0;
  CHECK(text(frames).find("(__write+0x0) [0xf8350]") != std::string::npos);
}

}  // namespace

int main() {
#if defined(__x86_64__)
  own_stack_unwinds();
  a_process_gone_is_named_by_the_mappings_it_sent();
#endif
  records_without_a_stack_have_none();
  frames_are_written_as_strace_writes_them();
  return check::report("stacks");
}
