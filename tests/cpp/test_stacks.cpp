// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// -k's stacks without the kernel: a record carrying this very thread's registers and stack, as
// bpf/stack.bpf.h copies them, unwound and named; strace's frame lines.
#include <pthread.h>
#include <unistd.h>

#include <algorithm>

#include <cstring>
#include <string>
#include <vector>

#include "check.h"
#include "decode.h"
#include "stacks.h"

using namespace observer;

namespace {

std::string record(Event e, const std::vector<std::pair<uint8_t, std::string>>& stack) {
  string_tail tail{};
  std::string data;
  for (const auto& [arg, bytes] : stack) {
    unsigned i = tail.count++;
    tail.len[i] = static_cast<uint16_t>(bytes.size());
    tail.arg[i] = arg;
    tail.kind[i] = ITEM_STACK;
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
#endif
  records_without_a_stack_have_none();
  frames_are_written_as_strace_writes_them();
  return check::report("stacks");
}
