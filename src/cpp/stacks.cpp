// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "stacks.h"

#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "decode_io.h"
#include "syscall_facts.h"
#include "text.h"

#if defined(OBSERVER_HAVE_LIBDW) && defined(__x86_64__)
#include <elfutils/libdwfl.h>
#include <gelf.h>
#define OBSERVER_UNWINDS 1
#endif

namespace observer {

namespace {

// strace -k shows at most this many frames (its tcb_walk's stack_depth).
constexpr size_t kMaxFrames = 256;

// The call's registers and the stack bytes above sp, put back together from its items.
struct Sample {
  uint32_t tid = 0;
  stack_head head{};
  std::string bytes;  // from head.regs[STACK_SP] up
};

// Reads e's ITEM_STACK items into sample; false when it has none.
bool read_sample(const Event& e, const Strings& items, Sample& sample) {
  sample.bytes.clear();
  bool found = false;
  unsigned next = 0;
  for (unsigned i = 0; i < items.count; ++i) {
    if (items.kind[i] != ITEM_STACK || items.arg[i] != next) continue;
    std::string_view v = items.value[i];
    if (next == 0) {
      if (v.size() < sizeof(stack_head)) return false;
      std::memcpy(&sample.head, v.data(), sizeof(stack_head));
      v.remove_prefix(sizeof(stack_head));
      found = true;
    }
    sample.bytes.append(v);
    ++next;
  }
  sample.tid = e.tid;
  return found;
}

// An EVENT_MAPS record's mappings as /proc/PID/maps lines, which libdwfl reads (and only
// their addresses, offset, device, inode and path).
void append_maps(const Strings& items, std::string& maps) {
  char path[ITEM_MAX + 64];
  std::string_view file;
  for (unsigned i = 0; i < items.count; ++i) {
    std::string_view v = items.value[i];
    if (items.kind[i] == ITEM_MAP_PATH) {
      bool deleted = false;
      char* end = put_fd_path_bytes(path, v, &deleted);
      if (deleted) end = text::put(end, " (deleted)");  // as the kernel shows one
      file = std::string_view(path, static_cast<size_t>(end - path));
      continue;
    }
    if (items.kind[i] != ITEM_MAP_RANGES || v.size() < sizeof(map_file) || file.empty())
      continue;
    map_file head;
    std::memcpy(&head, v.data(), sizeof(head));
    v.remove_prefix(sizeof(head));
    for (; v.size() >= sizeof(map_range); v.remove_prefix(sizeof(map_range))) {
      map_range r;
      std::memcpy(&r, v.data(), sizeof(r));
      char line[160];
      int n = std::snprintf(line, sizeof(line), "%llx-%llx r-xp %llx %x:%x %llu ",
                            static_cast<unsigned long long>(r.start),
                            static_cast<unsigned long long>(r.end),
                            static_cast<unsigned long long>(r.offset), head.dev >> 20,
                            head.dev & 0xfffff, static_cast<unsigned long long>(head.ino));
      maps.append(line, static_cast<size_t>(n)).append(file).push_back('\n');
    }
  }
}

// execve and execveat: the calls with an argv.
bool execs(const Event& e) {
  const SyscallInfo* info = syscall_row(e.nr, e.flags & EVENT_COMPAT);
  if (!info) return false;
  for (unsigned i = 0; i < info->nargs && i < 6; ++i)
    if (info->args[i] == Arg::kArgv) return true;
  return false;
}

}  // namespace

#ifdef OBSERVER_UNWINDS

namespace {

// The thread of the sample being unwound: libdwfl asks for it by these callbacks, its
// registers from the sample and its memory from the stack copied.
pid_t next_thread(Dwfl*, void* arg, void** thread_arg) {
  if (*thread_arg) return 0;
  *thread_arg = arg;
  return static_cast<pid_t>(static_cast<Sample*>(arg)->tid);
}

bool get_thread(Dwfl*, pid_t tid, void* arg, void** thread_arg) {
  if (static_cast<uint32_t>(tid) != static_cast<Sample*>(arg)->tid) return false;
  *thread_arg = arg;
  return true;
}

// Only the stack as it was at the call: the process has moved on since.
bool memory_read(Dwfl*, Dwarf_Addr addr, Dwarf_Word* result, void* arg) {
  const Sample& s = *static_cast<Sample*>(arg);
  uint64_t sp = s.head.regs[STACK_SP];
  if (addr < sp || addr - sp > s.bytes.size() || s.bytes.size() - (addr - sp) < sizeof(*result))
    return false;
  std::memcpy(result, s.bytes.data() + (addr - sp), sizeof(*result));
  return true;
}

// x86_64's DWARF register numbers (the psABI's table): rbx 3, rbp 6, rsp 7, r12-r15 12-15,
// the return address 16.
bool set_initial_registers(Dwfl_Thread* thread, void* arg) {
  const auto* r = static_cast<Sample*>(arg)->head.regs;
  Dwarf_Word bx = r[STACK_BX], bp_sp[2] = {r[STACK_BP], r[STACK_SP]},
             high[4] = {r[STACK_R12], r[STACK_R13], r[STACK_R14], r[STACK_R15]}, ip = r[STACK_IP];
  return dwfl_thread_state_registers(thread, 3, 1, &bx) &&
         dwfl_thread_state_registers(thread, 6, 2, bp_sp) &&
         dwfl_thread_state_registers(thread, 12, 4, high) &&
         dwfl_thread_state_registers(thread, 16, 1, &ip);
}

// Where address (the process's) is in mod's file, as strace shows it: through the loadable
// segment that holds it (a position-dependent executable's addresses are not its offsets).
uint64_t file_offset(Dwfl_Module* mod, Dwarf_Addr address) {
  Dwarf_Addr bias = 0;
  Elf* elf = dwfl_module_getelf(mod, &bias);
  size_t count = 0;
  if (elf && elf_getphdrnum(elf, &count) == 0) {
    Dwarf_Addr at = address - bias;
    for (size_t i = 0; i < count; ++i) {
      GElf_Phdr phdr;
      if (!gelf_getphdr(elf, static_cast<int>(i), &phdr) || phdr.p_type != PT_LOAD) continue;
      if (at >= phdr.p_vaddr && at - phdr.p_vaddr < phdr.p_memsz)
        return at - phdr.p_vaddr + phdr.p_offset;
    }
  }
  Dwarf_Addr relative = address;
  dwfl_module_relocate_address(mod, &relative);
  return relative;
}

const Dwfl_Thread_Callbacks kThreadCallbacks = {next_thread, get_thread, memory_read,
                                                set_initial_registers, nullptr, nullptr};

char* debuginfo_path = nullptr;  // libdwfl's default: the file's directory, /usr/lib/debug
const Dwfl_Callbacks kCallbacks = {dwfl_linux_proc_find_elf, dwfl_standard_find_debuginfo,
                                   nullptr, &debuginfo_path};

}  // namespace

struct Stacks::Impl {
  // What is known of one process: its modules (libdwfl's, with their CFI and symbols, loaded
  // as frames need them) and the frames named so far by address.
  struct Process {
    Dwfl* dwfl = nullptr;
    bool attached = false;
    uint64_t start_stack = 0;  // of the program whose mappings these are
    bool kernel = false;       // the mappings come from the kernel (EVENT_MAPS): never /proc
    bool reported = false;     // maps is what libdwfl has
    std::string maps;          // the kernel's, as /proc/PID/maps lines
    std::unordered_map<uint64_t, StackFrame> named;
    std::unordered_set<uint64_t> outside;  // addresses no mapping held after a fresh read
    ~Process() {
      if (dwfl) dwfl_end(dwfl);
    }
  };
  std::unordered_map<uint32_t, std::unique_ptr<Process>> processes;
  Sample sample;

  // Reads pid's mappings (again); false when it has none: the process is gone and none were
  // read before. A process gone keeps those read before.
  bool report(Process& p, uint32_t pid) {
    // A report that fails ends with no modules: look first (the vdso is found by the
    // process's auxv, which only dwfl_linux_proc_report reads).
    std::string path = "/proc/" + std::to_string(pid) + "/maps";
    if (access(path.c_str(), R_OK) != 0) return p.attached;
    if (!p.dwfl) p.dwfl = dwfl_begin(&kCallbacks);
    if (!p.dwfl) return false;
    dwfl_report_begin(p.dwfl);
    int err = dwfl_linux_proc_report(p.dwfl, static_cast<pid_t>(pid));
    dwfl_report_end(p.dwfl, nullptr, nullptr);
    return reported(p, pid, err);
  }

  // After a report: the names found before may have moved, and the process's state is
  // attached once, after its first report that succeeded (the architecture comes from the
  // first module, kept across reports).
  bool reported(Process& p, uint32_t pid, int err) {
    p.named.clear();
    p.outside.clear();
    if (!err && !p.attached)
      p.attached = dwfl_attach_state(p.dwfl, nullptr, static_cast<pid_t>(pid), &kThreadCallbacks,
                                     &sample);
    return p.attached;
  }

  // Gives libdwfl the mappings the kernel sent; false when none of them is a module.
  bool report_sent(Process& p, uint32_t pid) {
    p.reported = true;
    if (!p.dwfl) p.dwfl = dwfl_begin(&kCallbacks);
    if (!p.dwfl) return false;
    FILE* f = fmemopen(p.maps.data(), p.maps.size(), "r");
    if (!f) return p.attached;
    dwfl_report_begin(p.dwfl);
    int err = p.maps.empty() ? ENOENT : dwfl_linux_proc_maps_report(p.dwfl, f);
    dwfl_report_end(p.dwfl, nullptr, nullptr);
    std::fclose(f);
    return reported(p, pid, err);
  }

  void exec(uint32_t tgid) {
    auto it = processes.find(tgid);
    if (it != processes.end() && !it->second->kernel) processes.erase(it);
  }

  void map(const Event& e, const Strings& items) {
    auto& slot = processes[e.tgid];
    uint64_t start_stack = e.args[MAPS_ARG_START_STACK];
    // Another program's (an exec): what was known of the one before goes.
    if (!slot || slot->start_stack != start_stack) {
      slot = std::make_unique<Process>();
      slot->start_stack = start_stack;
    }
    if (e.args[MAPS_ARG_FIRST]) slot->maps.clear();
    slot->kernel = true;
    slot->reported = false;
    append_maps(items, slot->maps);
  }

  struct Walk {
    Process* process;
    std::vector<StackFrame>* frames;
    bool may_read = false;  // an address in no module may read the mappings again
    bool missed = false;    // and one did: walk again after reading them
  };

  static int frame(Dwfl_Frame* state, void* arg) {
    Walk& w = *static_cast<Walk*>(arg);
    Dwarf_Addr pc;
    bool activation;
    if (!dwfl_frame_pc(state, &pc, &activation)) return DWARF_CB_ABORT;
    auto known = w.process->named.find(pc);
    if (known != w.process->named.end()) {
      w.frames->push_back(known->second);
      return w.frames->size() < kMaxFrames ? DWARF_CB_OK : DWARF_CB_ABORT;
    }
    // A caller's frame is at its return address, after the call: the function is the one
    // around the instruction before it (the call may be a noreturn function's last). The
    // offsets shown are the return address's, as strace shows them.
    Dwarf_Addr call = activation ? pc : pc - 1;
    StackFrame f;
    f.address = f.offset = pc;
    Dwfl_Module* mod = dwfl_addrmodule(dwfl_thread_dwfl(dwfl_frame_thread(state)), call);
    if (mod) {
      const char* name = dwfl_module_info(mod, nullptr, nullptr, nullptr, nullptr, nullptr,
                                          nullptr, nullptr);
      GElf_Off off = 0;
      GElf_Sym sym;
      const char* symbol = dwfl_module_addrinfo(mod, call, &off, &sym, nullptr, nullptr, nullptr);
      uint64_t offset = file_offset(mod, call);
      f.module = name ? name : "";
      // A symbol's version (__libc_start_main@@GLIBC_2.34) is not part of its name.
      f.symbol = symbol ? std::string_view(symbol).substr(0, std::strcspn(symbol, "@")) : "";
      f.symbol_offset = off + (pc - call);
      f.offset = offset + (pc - call);
      w.process->named.emplace(pc, f);
    } else if (w.may_read && !w.process->outside.count(pc)) {
      w.missed = true;
      return DWARF_CB_ABORT;
    } else {
      w.process->outside.insert(pc);  // generated code, or a mapping gone since
    }
    w.frames->push_back(std::move(f));
    return w.frames->size() < kMaxFrames ? DWARF_CB_OK : DWARF_CB_ABORT;
  }

  void walk(Walk& w) {
    w.frames->clear();
    w.missed = false;
    // The end of the stack copied, or of the frames, ends the walk: not an error to show.
    if (w.process->attached)
      dwfl_getthread_frames(w.process->dwfl, static_cast<pid_t>(sample.tid), frame, &w);
  }

  void unwind(uint32_t tgid, std::vector<StackFrame>& frames) {
    auto& slot = processes[tgid];
    // A new start of stack is a new program: the process exec'd (its exec may be a call
    // left out of the trace), and its mappings are read again.
    if (slot && slot->start_stack != sample.head.start_stack) slot.reset();
    bool fresh = !slot;
    if (fresh) {
      slot = std::make_unique<Process>();
      slot->start_stack = sample.head.start_stack;
      report(*slot, tgid);
    } else if (slot->kernel && !slot->reported) {
      report_sent(*slot, tgid);
    }
    // The kernel's mappings are those of the call: an address outside them is in none.
    Walk w{slot.get(), &frames, !fresh && !slot->kernel};
    walk(w);
    if (w.missed) {
      // Mapped since the last read (an mmap, a dlopen): read the mappings again.
      report(*slot, tgid);
      w.may_read = false;
      walk(w);
    }
    if (frames.empty()) {
      StackFrame f;
      f.address = f.offset = sample.head.regs[STACK_IP];
      frames.push_back(std::move(f));
    }
  }
};

#else

struct Stacks::Impl {
  Sample sample;
  void map(const Event&, const Strings&) {}
  void exec(uint32_t tgid) { processes.erase(tgid); }
  void unwind(uint32_t, std::vector<StackFrame>& frames) {
    StackFrame f;
    f.address = f.offset = sample.head.regs[STACK_IP];
    frames.assign(1, f);
  }
  struct Process {};
  std::unordered_map<uint32_t, std::unique_ptr<Process>> processes;
};

#endif

Stacks::Stacks() : impl_(std::make_unique<Impl>()) {}
Stacks::~Stacks() = default;

bool Stacks::available() noexcept {
#ifdef OBSERVER_UNWINDS
  return true;
#else
  return false;
#endif
}

const std::vector<StackFrame>& Stacks::unwind(const Event& e, const Strings& items) {
  frames_.clear();
  if (!read_sample(e, items, impl_->sample)) return frames_;
  impl_->unwind(e.tgid, frames_);
  // A successful exec replaces the process's mappings: read them again at its next stack
  // (the kernel's come before the exec's own stack, the new program's entry).
  if ((e.flags & EVENT_HAS_RET) && e.ret == 0 && execs(e)) impl_->exec(e.tgid);
  return frames_;
}

void Stacks::map(const void* record, uint32_t size) {
  Event e;
  std::memcpy(&e, record, sizeof(e));
  impl_->map(e, parse_strings(record, size));
}

void Stacks::forget(uint32_t tgid) { impl_->processes.erase(tgid); }

size_t stack_text_bound(const std::vector<StackFrame>& frames) noexcept {
  size_t n = 16;
  for (const StackFrame& f : frames) n += 6 * (f.module.size() + f.symbol.size()) + 160;
  return n;
}

namespace {

// strace's 0x%lx: 0 as 0x0.
char* put_0x(char* out, uint64_t v) noexcept {
  return std::to_chars(text::put(out, "0x"), out + 24, v, 16).ptr;
}

}  // namespace

char* put_strace_stack(char* out, const std::vector<StackFrame>& frames) noexcept {
  using text::put;
  for (const StackFrame& f : frames) {
    if (f.module.empty()) {
      out = put_0x(put(out, " > unexpected_backtracing_error ["), f.address);
    } else {
      out = put(put(out, " > "), f.module);
      if (f.symbol.empty())
        out = put(out, "()");
      else
        out = put(put_0x(put(put(put(out, "("), f.symbol), "+"), f.symbol_offset), ")");
      out = put_0x(put(out, " ["), f.offset);
    }
    out = put(out, "]\n");
  }
  return out;
}

}  // namespace observer
