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

// The operation as strace's futexops table names it: the command, _PRIVATE, and
// |FUTEX_CLOCK_REALTIME for the waits that take a clock; any other mix as a number,
// 0x101 /* FUTEX_??? */.
char* put_futex_op(char* out, uint64_t v) {
  auto op = static_cast<uint32_t>(v);
  uint32_t cmd = op & ~uint32_t{FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME};
  bool clock = op & FUTEX_CLOCK_REALTIME, priv = op & FUTEX_PRIVATE_FLAG;
  bool clocked = cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET || cmd == FUTEX_WAIT_REQUEUE_PI;
  std::string_view name;
  for (const Flag& f : uapi::k_futex_ops)
    if (f.value == cmd) name = f.name;
  if (name.empty() || (clock && !clocked))
    return put(put_hex(out, op), " /* FUTEX_??? */");
  out = put(out, name);
  if (priv) out = put(out, cmd == FUTEX_FD ? "|FUTEX_PRIVATE_FLAG" : "_PRIVATE");
  return clock ? put(out, "|FUTEX_CLOCK_REALTIME") : out;
}

// FUTEX_WAKE_OP's val3, strace's way:
// FUTEX_OP_SET<<28|0x1<<12|FUTEX_OP_CMP_EQ<<24|0x2, an unknown part as 0x7<<28 /* FUTEX_OP_??? */.
template <size_t N>
char* put_wake_op_part(char* out, uint32_t v, const Flag (&table)[N], std::string_view shift,
                       std::string_view unknown) {
  // strace's -X raw writes every part as an unknown one; -X verbose names it after its number.
  Xlat x = display().xlat;
  for (const Flag& f : table) {
    if (f.value != v || x == Xlat::kRaw) continue;
    if (x == Xlat::kAbbrev) return put(put(out, f.name), shift);
    return put(put(put(put(put_hex(out, v), " /* "), f.name), " */"), shift);
  }
  return put(put(put(put(put_hex(out, v), shift), " /* "), unknown), " */");
}

char* put_futex_wake_op(char* out, uint32_t v) {
  if ((v >> 28) & FUTEX_OP_OPARG_SHIFT) out = put(out, "FUTEX_OP_OPARG_SHIFT<<28|");
  out = put_wake_op_part(out, (v >> 28) & 7, uapi::k_futex_wake_ops, "<<28", "FUTEX_OP_???");
  out = put(put_hex(put(out, "|"), (v >> 12) & 0xfff), "<<12|");
  out = put_wake_op_part(out, (v >> 24) & 0xf, uapi::k_futex_wake_cmps, "<<24",
                         "FUTEX_OP_CMP_???");
  return put_hex(put(out, "|"), v & 0xfff);
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
char* put_clone3_wrote(char* out, uint64_t pidfd, uint64_t parent_tid,
                       const std::string_view* wrote) {
  int32_t v[2];
  if (!wrote || wrote->size() != sizeof(v)) return out;
  std::memcpy(v, wrote->data(), sizeof(v));
  if (v[0] < 0 && v[1] < 0) return out;
  // Where a pointer is NULL the kernel wrote nothing: NULL, as strace shows it.
  auto wrote_at = [](char* o, uint64_t at, int32_t n) {
    return at ? put(put_num(put(o, "["), n), "]") : put(o, "NULL");
  };
  out = put(out, " => {");
  if (v[0] >= 0) out = wrote_at(put(out, "pidfd="), pidfd, v[0]);
  if (v[1] >= 0)
    out = wrote_at(put(out, v[0] >= 0 ? ", parent_tid=" : "parent_tid="), parent_tid, v[1]);
  return put(out, "}");
}

}  // namespace

char* put_signal(char* out, int64_t sig) noexcept {
  std::string_view name = sig > 0 && sig <= 64 ? signal_name(static_cast<int>(sig)) : "";
  return put_xlat_dec(out, sig, [&](char* o) { return name.empty() ? put_num(o, sig) : put(o, name); });
}

char* put_process_arg(char* out, Arg type, uint64_t v) noexcept {
  auto si = static_cast<int32_t>(v);
  switch (type) {
    case Arg::kSignal:
      return put_signal(out, si);
    case Arg::kCloneFlags: {
      // The low byte is the signal sent to the parent at exit, strace's "|SIGCHLD".
      uint64_t sig = v & 0xff;
      if (sig && !(v & ~uint64_t{0xff})) return put_signal(out, static_cast<int64_t>(sig));
      out = put_flags(out, v & ~uint64_t{0xff}, uapi::k_clone_flags, "0", "CLONE_???");
      if (sig) out = put_signal(put(out, "|"), static_cast<int64_t>(sig));
      return out;
    }
    case Arg::kSigHow:
      return put_enum(out, si, uapi::k_sighow, "SIG_???");
    case Arg::kFutexOp:
      return put_xlat_hex(out, v, [v](char* o) { return put_futex_op(o, v); });
    case Arg::kRlimitResource:
      return put_enum(out, si, uapi::k_rlimits, "RLIMIT_???");
    case Arg::kArchPrctl:
      return put_named(out, static_cast<uint32_t>(v), uapi::k_arch_prctl, "ARCH_???");
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
    case Arg::kItimerWhich:  // a C int: an unknown one as its 32 bits
      return put_xval(out, static_cast<uint32_t>(v), uapi::k_itimer_which, "ITIMER_???");
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

char* put_clone3(char* out, uint64_t addr, std::string_view bytes, const std::string_view* wrote,
                 bool longer, const std::string_view* whole) noexcept {
  struct {
    uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid,
        set_tid_size, cgroup;
  } a{};
  // Shorter than CLONE_ARGS_SIZE_VER0 (up to tls): the address, as strace shows it.
  if (bytes.size() < 64 || bytes.size() > sizeof(a)) return put_hex(out, addr);
  std::memcpy(&a, bytes.data(), bytes.size());
  out = put_flags(put(out, "{flags="), a.flags, uapi::k_clone3_flags, "0", "CLONE_???");
  if (a.flags & CLONE_PIDFD) out = put_addr(put(out, ", pidfd="), a.pidfd);
  if (a.flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
    out = put_addr(put(out, ", child_tid="), a.child_tid);
  if (a.flags & CLONE_PARENT_SETTID) out = put_addr(put(out, ", parent_tid="), a.parent_tid);
  out = put(out, ", exit_signal=");
  // A signal number below INT_MAX (strace's printsignal), else the number as it is.
  if (a.exit_signal >= INT32_MAX) out = put_num(out, a.exit_signal);
  else out = a.exit_signal ? put_signal(out, static_cast<int64_t>(a.exit_signal)) : put(out, "0");
  out = put_addr(put(out, ", stack="), a.stack);
  out = put_hex(put(out, ", stack_size="), a.stack_size);
  if (a.flags & CLONE_SETTLS) out = put_addr(put(out, ", tls="), a.tls);
  if (a.set_tid || a.set_tid_size) {
    out = put_addr(put(out, ", set_tid="), a.set_tid);
    out = put_num(put(out, ", set_tid_size="), a.set_tid_size);
  }
  if (bytes.size() > offsetof(decltype(a), cgroup) &&
      (a.cgroup || (a.flags & 0x200000000ull)))  // CLONE_INTO_CGROUP
    out = put_num(put(out, ", cgroup="), a.cgroup);
  if (longer) out = put_struct_tail(out, whole, sizeof(a), sizeof(a) + 1);
  return put_clone3_wrote(put(out, "}"), a.pidfd, a.parent_tid, wrote);
}

char* put_futex_call(char* out, const Event& e, const Strings& items) noexcept {
  // The arguments depend on the command: strace shows the ones it reads (its futex.c).
  const __u64* a = e.args;
  auto val = static_cast<uint32_t>(a[2]), val2 = static_cast<uint32_t>(a[3]),
       val3 = static_cast<uint32_t>(a[5]);
  auto num = [](char* o, uint32_t v) { return put_num(put(o, ", "), v); };
  auto timeout = [&](char* o) {
    return put_arg(put(o, ", "), Arg::kTimespecIn, a[3], items, 3, a);
  };
  auto bitset = [&](char* o) {
    o = put(o, ", ");
    return put_xlat_hex(o, val3, [val3](char* n) {
      return val3 == FUTEX_BITSET_MATCH_ANY ? put(n, "FUTEX_BITSET_MATCH_ANY") : put_hex(n, val3);
    });
  };
  out = put_xlat_hex(put(put_addr(out, a[0]), ", "), a[1],
                     [op = a[1]](char* o) { return put_futex_op(o, op); });
  switch (a[1] & 127) {
    case FUTEX_WAIT:
      return timeout(num(out, val));
    case FUTEX_LOCK_PI:
    case FUTEX_LOCK_PI2:
      return timeout(out);
    case FUTEX_WAIT_BITSET:
      return bitset(timeout(num(out, val)));
    case FUTEX_WAKE_BITSET:
      return bitset(num(out, val));
    case FUTEX_REQUEUE:
      return put_addr(put(num(num(out, val), val2), ", "), a[4]);
    case FUTEX_CMP_REQUEUE:
    case FUTEX_CMP_REQUEUE_PI:
      return num(put_addr(put(num(num(out, val), val2), ", "), a[4]), val3);
    case FUTEX_WAKE_OP:
      out = put_addr(put(num(num(out, val), val2), ", "), a[4]);
      return put_futex_wake_op(put(out, ", "), val3);
    case FUTEX_WAIT_REQUEUE_PI:
      return put_addr(put(timeout(num(out, val)), ", "), a[4]);
    case FUTEX_FD:
    case FUTEX_WAKE:
      return num(out, val);
    case FUTEX_UNLOCK_PI:
    case FUTEX_TRYLOCK_PI:
      return out;
    default:
      out = put_addr(put(put_addr(put(num(out, val), ", "), a[3]), ", "), a[4]);
      return put_hex(put(out, ", "), val3);
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
