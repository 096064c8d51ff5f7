// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// -k: a call's user stack, as strace -k shows it. The kernel copies the registers and the
// stack above sp at the call's entry (bpf/stack.bpf.h); here they are unwound with the DWARF
// call frame information of the process's modules (elfutils' libdwfl, as strace -k and perf's
// --call-graph dwarf do), and each frame named by its module, the symbol around it (.symtab,
// else .dynsym, or a separate debug file) and its offset in the module.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "decode.h"
#include "event.h"

namespace observer {

struct StackFrame {
  uint64_t address = 0;        // the instruction of the call, or a caller's return address
  uint64_t offset = 0;         // where address is in its module's file (strace's [0x...])
  uint64_t symbol_offset = 0;  // address from the start of the symbol
  std::string module;          // its file as the process maps it; "" when none holds it
  std::string symbol;          // "" when no symbol covers it
};

// Unwinds and names the stacks of the records of many processes. Each process's mappings
// are read from /proc/PID/maps at its first stack, and again when an address falls in none
// of them or the process has exec'd; a process gone by then is named by the mappings read
// before, or, never read, shown as its innermost address only. What is known of a process
// is kept until its end is written (forget). Not thread-safe: one sink's (or -ff's files').
class Stacks {
 public:
  Stacks();
  ~Stacks();
  Stacks(const Stacks&) = delete;
  Stacks& operator=(const Stacks&) = delete;

  // Whether this build unwinds (it has libdw and runs on x86_64).
  static bool available() noexcept;

  // The frames of the call of record e, innermost first, from its ITEM_STACK items; empty
  // when it has none. Valid until the next call.
  const std::vector<StackFrame>& unwind(const Event& e, const Strings& items);
  // Forgets what is known of process tgid: it has ended (its last record has come).
  void forget(uint32_t tgid);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<StackFrame> frames_;
};

// Bytes put_strace_stack or jsonl's "stack" may write for frames.
size_t stack_text_bound(const std::vector<StackFrame>& frames) noexcept;
// strace -k's lines, " > /usr/lib/x86_64-linux-gnu/libc.so.6(__write+0x10) [0xf8350]\n" per
// frame, " > MODULE() [0xOFFSET]" without a symbol, " > unexpected_backtracing_error
// [0xADDRESS]" outside every module.
char* put_strace_stack(char* out, const std::vector<StackFrame>& frames) noexcept;

}  // namespace observer
