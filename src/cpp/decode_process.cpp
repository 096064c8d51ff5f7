// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The constants of processes, signals and clocks, and the calls whose arguments depend on
// one another: futex (by operation), clone and clone3 (by flags).
#include <linux/futex.h>
#include <sched.h>

#include <cstring>

#include "decode_printers.h"
#include "decode_structs.h"
#include "text.h"
#include "uapi_consts.h"

namespace observer {

namespace {

using namespace text;

char* put_futex_op(char* out, uint64_t v) {
  out = put_enum(out, static_cast<int64_t>(v & FUTEX_CMD_MASK), uapi::k_futex_ops);
  if (v & FUTEX_PRIVATE_FLAG) out = put(out, "_PRIVATE");
  if (v & FUTEX_CLOCK_REALTIME) out = put(out, "|FUTEX_CLOCK_REALTIME");
  return out;
}

// clone as strace shows it, with argument names; the ones shown depend on the flags. x86_64
// passes flags, stack, parent_tid, child_tid, tls; arm64 flags, stack, parent_tid, tls,
// child_tid (CONFIG_CLONE_BACKWARDS).
#if defined(__x86_64__)
constexpr unsigned kCloneChildTid = 3, kCloneTls = 4;
#else
constexpr unsigned kCloneChildTid = 4, kCloneTls = 3;
#endif

// What clone3 wrote (ELEM_CLONE_OUT): " => {pidfd=[3], parent_tid=[1234]}", as strace shows
// them after the struct; nothing if it wrote neither.
char* put_clone3_wrote(char* out, const std::string_view* wrote) {
  int32_t v[2];
  if (!wrote || wrote->size() != sizeof(v)) return out;
  std::memcpy(v, wrote->data(), sizeof(v));
  if (v[0] < 0 && v[1] < 0) return out;
  out = put(out, " => {");
  if (v[0] >= 0) out = put(put_num(put(out, "pidfd=["), v[0]), "]");
  if (v[1] >= 0) {
    out = put(out, v[0] >= 0 ? ", parent_tid=[" : "parent_tid=[");
    out = put(put_num(out, v[1]), "]");
  }
  return put(out, "}");
}

}  // namespace

char* put_signal(char* out, int64_t sig) noexcept {
  std::string_view name = sig > 0 && sig <= 64 ? signal_name(static_cast<int>(sig)) : "";
  return name.empty() ? put_num(out, sig) : put(out, name);
}

char* put_process_arg(char* out, Arg type, uint64_t v) noexcept {
  auto si = static_cast<int32_t>(v);
  switch (type) {
    case Arg::kSignal:
      return put_signal(out, si);
    case Arg::kCloneFlags: {
      // The low byte is the signal sent to the parent at exit, strace's "|SIGCHLD".
      uint64_t sig = v & 0xff;
      out = put_flags(out, v & ~uint64_t{0xff}, uapi::k_clone_flags, "0", "CLONE_???");
      if (sig) out = put_signal(put(out, "|"), static_cast<int64_t>(sig));
      return out;
    }
    case Arg::kSigHow:
      return put_enum(out, si, uapi::k_sighow, "SIG_???");
    case Arg::kFutexOp:
      return put_futex_op(out, v);
    case Arg::kRlimitResource:
      return put_enum(out, si, uapi::k_rlimits, "RLIMIT_???");
    case Arg::kArchPrctl:
      return put_named(out, si, uapi::k_arch_prctl, "ARCH_???");
    case Arg::kGrndFlags:
      return put_flags(out, v, uapi::k_grnd_flags, "0", "GRND_???");
    case Arg::kWaitOptions:
      return put_flags(out, static_cast<uint32_t>(v), uapi::k_wait_options, "0", "W???");
    case Arg::kClockId:
      return put_enum(out, si, uapi::k_clocks);
    case Arg::kTimerFlags:
      return put_flags(out, v, uapi::k_timer_flags, "0", "TIMER_???");
    case Arg::kIdType:
      return put_named(out, si, uapi::k_idtypes, "P_???");
    case Arg::kRusageWho:
      return put_named(out, si, uapi::k_rusage_who, "RUSAGE_???");
    case Arg::kItimerWhich:
      return put_named(out, si, uapi::k_itimer_which, "ITIMER_???");
    case Arg::kTimerfdFlags:
      return put_flags(out, v, uapi::k_timerfd_timer_flags, "0", "TFD_TIMER_???");
    case Arg::kPerfFlags:
      return put_flags(out, v, uapi::k_perf_event_open_flags, "0", "PERF_FLAG_???");
    case Arg::kRwfFlags:
      return put_flags(out, static_cast<uint32_t>(v), uapi::k_rwf_flags, "0", "RWF_???");
    default:
      return nullptr;
  }
}

char* put_clone3(char* out, std::string_view bytes, const std::string_view* wrote) noexcept {
  struct {
    uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid,
        set_tid_size, cgroup;
  } a{};
  if (bytes.size() < 64 || bytes.size() > sizeof(a)) return put(out, "{...}");
  std::memcpy(&a, bytes.data(), bytes.size());
  out = put_flags(put(out, "{flags="), a.flags, uapi::k_clone_flags);
  if (a.flags & CLONE_PIDFD) out = put_hex(put(out, ", pidfd="), a.pidfd);
  if (a.flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
    out = put_hex(put(out, ", child_tid="), a.child_tid);
  if (a.flags & CLONE_PARENT_SETTID) out = put_hex(put(out, ", parent_tid="), a.parent_tid);
  out = put(out, ", exit_signal=");
  out = a.exit_signal ? put_signal(out, static_cast<int64_t>(a.exit_signal)) : put(out, "0");
  out = put(out, ", stack=");
  out = a.stack ? put_hex(out, a.stack) : put(out, "NULL");
  out = put_hex(put(out, ", stack_size="), a.stack_size);
  if (a.flags & CLONE_SETTLS) out = put_hex(put(out, ", tls="), a.tls);
  if (a.set_tid_size) {
    out = put_hex(put(out, ", set_tid="), a.set_tid);
    out = put_num(put(out, ", set_tid_size="), a.set_tid_size);
  }
  if (a.flags & 0x200000000ull) out = put_num(put(out, ", cgroup="), a.cgroup);  // INTO_CGROUP
  return put_clone3_wrote(put(out, "}"), wrote);
}

char* put_futex_call(char* out, const Event& e, const Strings& items) noexcept {
  // The arguments depend on the operation: strace shows the ones the operation reads.
  uint64_t op = e.args[1];
  out = put_futex_op(put(put_hex(out, e.args[0]), ", "), op);
  out = put_num(put(out, ", "), static_cast<int32_t>(e.args[2]));
  auto timeout = [&](char* o) {
    return put_arg(put(o, ", "), Arg::kTimespecIn, e.args[3], items, 3, e.args);
  };
  switch (op & FUTEX_CMD_MASK) {
    case FUTEX_WAKE:
      return out;
    case FUTEX_WAIT:
      return timeout(out);
    case FUTEX_WAIT_BITSET:
    case FUTEX_WAKE_BITSET: {
      if ((op & FUTEX_CMD_MASK) == FUTEX_WAIT_BITSET) out = timeout(out);
      uint32_t mask = static_cast<uint32_t>(e.args[5]);
      return mask == FUTEX_BITSET_MATCH_ANY ? put(out, ", FUTEX_BITSET_MATCH_ANY")
                                            : put_hex(put(out, ", "), mask);
    }
    default:
      for (unsigned i = 3; i < 6; ++i) out = put_hex(put(out, ", "), e.args[i]);
      return out;
  }
}

char* put_clone_call(char* out, const Event& e) noexcept {
  uint64_t flags = e.args[0];
  out = put(out, "child_stack=");
  out = e.args[1] ? put_hex(out, e.args[1]) : put(out, "NULL");
  out = put_process_arg(put(out, ", flags="), Arg::kCloneFlags, flags);
  if (flags & CLONE_PARENT_SETTID) out = put_hex(put(out, ", parent_tid="), e.args[2]);
  if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
    out = put_hex(put(out, ", child_tidptr="), e.args[kCloneChildTid]);
  if (flags & CLONE_SETTLS) out = put_hex(put(out, ", tls="), e.args[kCloneTls]);
  return out;
}

}  // namespace observer
