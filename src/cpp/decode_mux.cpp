// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The constants of the mount API, fanotify, NUMA policies, landlock, keys, personality and
// io_uring (io_uring_enter's flags, io_uring_register's opcodes), and the multiplexers:
// prctl, arch_prctl, syslog, keyctl, fsconfig and quotactl, whose command picks how many
// arguments follow and what they are, and personality, whose result is a personality too.
// As strace 6.1 shows them (its prctl.c, syslog.c, keyctl.c, fsconfig.c, quota.c,
// personality.c, io_uring.c).
#if defined(__x86_64__)
#include <asm/prctl.h>
#endif
#include <linux/keyctl.h>
#include <linux/mount.h>
#include <linux/prctl.h>
#include <linux/ptrace.h>
#include <linux/quota.h>
#include <linux/dqblk_xfs.h>
#include <linux/seccomp.h>

#include "decode_printers.h"
#include "decode_structs.h"
#include "text.h"
#include "uapi_consts.h"

namespace observer {

namespace {

using namespace text;

// strace's XLAT_STYLE_VERBOSE for one value: the number, then its name in a comment,
// `0x2 /* PIDTYPE_PGID */`, `0x4 /* PIDTYPE_??? */`.
template <size_t N>
char* put_verbose(char* out, uint64_t v, const Flag (&values)[N], std::string_view unknown) {
  std::string_view name = unknown;
  for (const Flag& f : values)
    if (f.value == v) name = f.name;
  return put(put(put(put_hex(out, v), " /* "), name), " */");
}

// The same with the number in decimal (strace's XLAT_STYLE_FMT_D): `0 /* SYSLOG_ACTION_CLOSE */`.
template <size_t N>
char* put_verbose_dec(char* out, int64_t v, const Flag (&values)[N],
                      std::string_view unknown) {
  std::string_view name = unknown;
  for (const Flag& f : values)
    if (static_cast<int64_t>(f.value) == v) name = f.name;
  return put(put(put(put_num(out, v), " /* "), name), " */");
}

// ", 0x1, 0x2": the arguments from first on, in hex, as strace shows the ones a command
// does not read (prctl's print_prctl_args).
char* put_hex_args(char* out, const __u64* args, unsigned first, unsigned end) {
  for (unsigned i = first; i < end; ++i) out = put_hex(put(out, ", "), args[i]);
  return out;
}

char* put_addr(char* out, uint64_t v) { return v ? put_hex(out, v) : put(out, "NULL"); }

// strace's printstr limit: a string of more bytes shows its first 32 and "...".
constexpr size_t kStrLimit = 32;

// Argument i as the string captured at entry, or its address when nothing was read there.
// One of at least cut_from bytes shows its first shown bytes and "...": strace's printstr
// shows 32 of a longer string (cut_from 33).
char* put_string_arg(char* out, const __u64* a, const Strings& items, unsigned i,
                     size_t shown = SIZE_MAX, size_t cut_from = SIZE_MAX) {
  bool truncated = false;
  const std::string_view* str = a[i] ? items.find(i, &truncated) : nullptr;
  if (!str) return put_addr(out, a[i]);
  if (str->size() >= cut_from) return put_quoted(out, str->substr(0, shown), true);
  return put_quoted(out, *str, truncated);
}

char* put_short_string_arg(char* out, const __u64* a, const Strings& items, unsigned i) {
  return put_string_arg(out, a, items, i, kStrLimit, kStrLimit + 1);
}

// fsconfig's key, value and aux as its command reads them (strace's fsconfig.c).
char* put_fsconfig_args(char* out, const __u64* a, const Strings& items) {
  auto cmd = static_cast<uint32_t>(a[1]);
  auto aux = static_cast<int32_t>(a[4]);
  bool cut = false;
  out = put_arg(out, Arg::kFd, a[0], items, 0, a);
  out = put_xval(put(out, ", "), cmd, uapi::k_fsconfig_cmds, "FSCONFIG_???");
  out = put(out, ", ");
  bool keyed = cmd <= FSCONFIG_SET_FD;  // SET_FLAG to SET_FD name a key
  out = keyed ? put_short_string_arg(out, a, items, 2) : put_addr(out, a[2]);
  out = put(out, ", ");
  if (cmd == FSCONFIG_SET_STRING)
    out = put_short_string_arg(out, a, items, 3);
  else if (cmd == FSCONFIG_SET_PATH || cmd == FSCONFIG_SET_PATH_EMPTY)
    out = put_string_arg(out, a, items, 3);
  else if (cmd == FSCONFIG_SET_BINARY && aux >= 0 && aux <= (1 << 20))  // aux bytes, in hex
    out = put_counted_read(out, a[3], items.find_blob(3, &cut), static_cast<uint64_t>(aux),
                           Counted::kHex);
  else
    out = put_addr(out, a[3]);
  out = put(out, ", ");
  if ((cmd == FSCONFIG_SET_PATH || cmd == FSCONFIG_SET_PATH_EMPTY) && aux == -100)
    return put(out, "AT_FDCWD");
  return put_num(out, aux);
}

// A personality: its type, then its flags, PER_BSD|ADDR_NO_RANDOMIZE|0x10000; all ones as
// the number (strace shows 0xffffffff, the query, so).
char* put_personality(char* out, uint32_t v) {
  constexpr uint32_t kPerMask = 0xff;
  out = put_xval(out, v & kPerMask, uapi::k_personality_types, "PER_???");
  if (v & ~kPerMask) out = put_flags(put(out, "|"), v & ~kPerMask, uapi::k_personality_flags);
  return out;
}

// A vector length of SVE or SME with its flags: PR_SVE_VL_INHERIT|0x100.
template <size_t N>
char* put_vector_length(char* out, uint64_t v, const Flag (&flags)[N]) {
  constexpr uint64_t kLenMask = 0xffff;  // PR_SVE_VL_LEN_MASK, PR_SME_VL_LEN_MASK
  if (v & ~kLenMask) out = put(put_flags(out, v & ~kLenMask, flags), "|");
  return put_hex(out, v & kLenMask);
}

// prctl's PR_{SET,GET}_TAGGED_ADDR_CTRL value: PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_SYNC|...,
// strace's sprint_tagged_addr_val.
char* put_tagged_addr(char* out, uint64_t v) {
  constexpr uint64_t kTcfMask = PR_MTE_TCF_MASK, kTagMask = PR_MTE_TAG_MASK;
  out = put(out, (v & PR_TAGGED_ADDR_ENABLE) ? "PR_TAGGED_ADDR_ENABLE|" : "!PR_TAGGED_ADDR_ENABLE|");
  out = put_xval(out, v & kTcfMask, uapi::k_pr_mte_tcf, "PR_MTE_TCF_???");
  if (v & kTagMask)
    out = put(put_hex(put(out, "|"), (v & kTagMask) >> PR_MTE_TAG_SHIFT), "<<PR_MTE_TAG_SHIFT");
  uint64_t rest = v & ~(uint64_t{PR_TAGGED_ADDR_ENABLE} | kTcfMask | kTagMask);
  if (rest) out = put_hex(put(out, "|"), rest);
  return out;
}

// What a prctl getter wrote where its second argument points, when the call succeeded:
// [SIGINT] (PR_GET_PDEATHSIG), [PR_TSC_SIGSEGV], [PR_UNALIGN_NOPRINT], [0]
// (PR_GET_CHILD_SUBREAPER), [0x7f...] (PR_GET_TID_ADDRESS); nullptr for other options or
// when nothing was read.
char* put_prctl_filled(char* out, const Event& e, const Strings& items) {
  auto option = static_cast<uint32_t>(e.args[0]);
  const std::string_view* got = items.find_exit_blob(1);
  uint32_t u;
  uint64_t ptr;
  if (!got || !e.args[1] || !(e.flags & EVENT_HAS_RET) || is_error(e.ret)) return nullptr;
  if (option == PR_GET_TID_ADDRESS) {
    if (!load_at(*got, 0, &ptr)) return nullptr;
    return put(put_addr(put(out, "["), ptr), "]");
  }
  if (!load_at(*got, 0, &u)) return nullptr;
  out = put(out, "[");
  switch (option) {
    case PR_GET_PDEATHSIG:
      out = put_signal(out, static_cast<int32_t>(u));
      break;
    case PR_GET_TSC:
      out = put_xval(out, u, uapi::k_pr_tsc, "PR_TSC_???");
      break;
    case PR_GET_UNALIGN:
      out = put_flag_set(out, u, uapi::k_pr_unalign_flags, "PR_UNALIGN_???");
      break;
    case PR_GET_CHILD_SUBREAPER:
      out = put_num(out, u);
      break;
    default:
      return nullptr;
  }
  return put(out, "]");
}

// The arguments of prctl after its option, as strace's SYS_FUNC(prctl) at entry. What an
// option fills is shown as its address (put_prctl_filled writes what it filled).
char* put_prctl_args(char* out, const __u64* a, const Strings& items) {
  auto option = static_cast<uint32_t>(a[0]);
  switch (option) {
    case PR_GET_KEEPCAPS: case PR_GET_SECCOMP: case PR_GET_TIMERSLACK: case PR_GET_TIMING:
    case PR_TASK_PERF_EVENTS_DISABLE: case PR_TASK_PERF_EVENTS_ENABLE:
    case PR_GET_DUMPABLE: case PR_GET_SECUREBITS: case PR_GET_FP_MODE: case PR_SVE_GET_VL:
    case PR_SME_GET_VL:
      return out;
    case PR_GET_CHILD_SUBREAPER: case PR_GET_ENDIAN: case PR_GET_FPEMU: case PR_GET_FPEXC:
    case PR_GET_NAME: case PR_GET_PDEATHSIG: case PR_GET_TID_ADDRESS: case PR_GET_TSC:
    case PR_GET_UNALIGN:
      return put_addr(put(out, ", "), a[1]);
    case PR_SVE_SET_VL:
      return put_vector_length(put(out, ", "), a[1], uapi::k_pr_sve_vl_flags);
    case PR_SME_SET_VL:
      return put_vector_length(put(out, ", "), a[1], uapi::k_pr_sme_vl_flags);
    case PR_GET_SPECULATION_CTRL:
      return put_xval(put(out, ", "), a[1], uapi::k_pr_spec_cmds, "PR_SPEC_???");
    case PR_SET_TAGGED_ADDR_CTRL:
      return put_hex_args(put_tagged_addr(put(out, ", "), a[1]), a, 2, 5);
    case PR_SET_CHILD_SUBREAPER: case PR_SET_ENDIAN: case PR_SET_FPEMU: case PR_SET_FPEXC:
    case PR_SET_KEEPCAPS: case PR_SET_TIMING:
      return put_num(put(out, ", "), a[1]);
    case PR_SET_DUMPABLE:
      return put_xval(put(out, ", "), a[1], uapi::k_pr_dumpable, "SUID_DUMP_???");
    case PR_CAPBSET_DROP: case PR_CAPBSET_READ:
      return put_xval(put(out, ", "), a[1], uapi::k_capabilities, "CAP_???");
    case PR_CAP_AMBIENT:
      out = put_xval(put(out, ", "), a[1], uapi::k_pr_cap_ambient, "PR_CAP_AMBIENT_???");
      if (a[1] != PR_CAP_AMBIENT_RAISE && a[1] != PR_CAP_AMBIENT_LOWER &&
          a[1] != PR_CAP_AMBIENT_IS_SET)
        return put_hex_args(out, a, 2, 5);
      out = put_xval(put(out, ", "), a[2], uapi::k_capabilities, "CAP_???");
      return put_hex_args(out, a, 3, 5);
    case PR_MCE_KILL:
      out = put_xval(put(out, ", "), a[1], uapi::k_pr_mce_kill, "PR_MCE_KILL_???");
      out = put(out, ", ");
      out = a[1] == PR_MCE_KILL_SET
                ? put_xval(out, a[2], uapi::k_pr_mce_kill_policy, "PR_MCE_KILL_???")
                : put_hex(out, a[2]);
      return put_hex_args(out, a, 3, 5);
    case PR_SET_VMA:
      out = put_xval(put(out, ", "), a[1], uapi::k_pr_set_vma, "PR_SET_VMA_???");
      if (a[1] != PR_SET_VMA_ANON_NAME) return put_hex_args(out, a, 2, 5);
      out = put_num(put(put_addr(put(out, ", "), a[2]), ", "), a[3]);
      return put_short_string_arg(put(out, ", "), a, items, 4);
    case PR_SET_MM:
      out = put_xval(put(out, ", "), static_cast<uint32_t>(a[1]), uapi::k_pr_set_mm,
                     "PR_SET_MM_???");
      return put_hex_args(out, a, 2, 5);
    case PR_SET_PDEATHSIG:
      out = put(out, ", ");
      return a[1] > 128 ? put_num(out, a[1]) : put_signal(out, static_cast<int64_t>(a[1]));
    case PR_SET_PTRACER:
      out = put(out, ", ");
      return static_cast<int32_t>(a[1]) == -1 ? put(out, "PR_SET_PTRACER_ANY")
                                              : put_num(out, static_cast<int32_t>(a[1]));
    case PR_SET_SECCOMP:
      out = put_xval(put(out, ", "), a[1], uapi::k_seccomp_mode, "SECCOMP_MODE_???");
      if (a[1] == SECCOMP_MODE_STRICT) return out;
      if (a[1] == SECCOMP_MODE_FILTER) return put_addr(put(out, ", "), a[2]);
      return put_hex_args(out, a, 2, 5);
    case PR_SET_SECUREBITS:
      return put_flag_set(put(out, ", "), a[1], uapi::k_secbits, "SECBIT_???");
    case PR_SET_TIMERSLACK:
      return put_num(put(out, ", "), static_cast<int64_t>(a[1]));
    case PR_SET_TSC:
      return put_xval(put(out, ", "), static_cast<uint32_t>(a[1]), uapi::k_pr_tsc, "PR_TSC_???");
    case PR_SET_UNALIGN:
      return put_flag_set(put(out, ", "), static_cast<uint32_t>(a[1]), uapi::k_pr_unalign_flags,
                          "PR_UNALIGN_???");
    case PR_SET_NO_NEW_PRIVS: case PR_SET_THP_DISABLE: case PR_SET_IO_FLUSHER:
      return put_hex_args(put_num(put(out, ", "), a[1]), a, 2, 5);
    case PR_SET_FP_MODE:
      return put_flag_set(put(out, ", "), static_cast<uint32_t>(a[1]), uapi::k_pr_fp_mode,
                          "PR_FP_MODE_???");
    case PR_SET_SPECULATION_CTRL:
      out = put_xval(put(out, ", "), a[1], uapi::k_pr_spec_cmds, "PR_SPEC_???");
      out = put(out, ", ");
      if (a[1] == PR_SPEC_STORE_BYPASS || a[1] == PR_SPEC_INDIRECT_BRANCH ||
          a[1] == PR_SPEC_L1D_FLUSH)
        return put_xval(out, a[2], uapi::k_pr_spec_set_flags, "PR_SPEC_???");
      return put_hex(out, a[2]);
    case PR_PAC_RESET_KEYS:
      out = put_flag_set(put(out, ", "), a[1], uapi::k_pr_pac_keys, "PR_PAC_???");
      return put_hex_args(out, a, 2, 5);
    case PR_PAC_SET_ENABLED_KEYS:
      out = put_flag_set(put(out, ", "), a[1], uapi::k_pr_pac_enabled_keys, "PR_PAC_???");
      out = put_flag_set(put(out, ", "), a[2], uapi::k_pr_pac_enabled_keys, "PR_PAC_???");
      return put_hex_args(out, a, 3, 5);
    case PR_SET_SYSCALL_USER_DISPATCH:
      out = put_xval(put(out, ", "), a[1], uapi::k_pr_sud_cmds, "PR_SYS_DISPATCH_???");
      out = put_hex(put(put_hex(put(out, ", "), a[2]), ", "), a[3]);
      return put_addr(put(out, ", "), a[4]);
    case PR_SCHED_CORE:
      out = put_xval(put(out, ", "), static_cast<uint32_t>(a[1]), uapi::k_pr_sched_core_cmds,
                     "PR_SCHED_CORE_???");
      out = put_num(put(out, ", "), static_cast<int32_t>(a[2]));
      out = put_verbose(put(out, ", "), static_cast<uint32_t>(a[3]),
                        uapi::k_pr_sched_core_pidtypes, "PIDTYPE_???");
      return put_addr(put(out, ", "), a[4]);
    default:
      return put_hex_args(out, a, 1, 5);
  }
}

// What strace adds to prctl's result: the name of what it returned, or its flags after the
// number in hex. nullptr when it shows the number alone.
char* put_prctl_result(char* out, const __u64* a, int64_t ret) {
  auto r = static_cast<uint64_t>(ret);
  auto hex_and = [&](char* o) { return put(put_hex(o, r), " ("); };
  switch (static_cast<uint32_t>(a[0])) {
    case PR_GET_DUMPABLE:
      for (const Flag& f : uapi::k_pr_dumpable)
        if (f.value == r) return put(put(put(put_num(out, ret), " ("), f.name), ")");
      return nullptr;
    case PR_MCE_KILL_GET:
      for (const Flag& f : uapi::k_pr_mce_kill_policy)
        if (f.value == r) return put(put(put(put_num(out, ret), " ("), f.name), ")");
      return nullptr;
    case PR_GET_SECUREBITS:
      if (!r) return nullptr;
      return put(put_flags(hex_and(out), r, uapi::k_secbits), ")");
    case PR_GET_FP_MODE:
      if (!r) return nullptr;
      return put(put_flags(hex_and(out), r, uapi::k_pr_fp_mode), ")");
    case PR_PAC_GET_ENABLED_KEYS:
      if (!r) return nullptr;
      return put(put_flags(hex_and(out), r, uapi::k_pr_pac_enabled_keys), ")");
    case PR_SVE_SET_VL: case PR_SVE_GET_VL:
      if (!r) return nullptr;
      if (!(r & ~uint64_t{0xffff})) return put_hex(out, r);
      return put(put_vector_length(hex_and(out), r, uapi::k_pr_sve_vl_flags), ")");
    case PR_SME_SET_VL: case PR_SME_GET_VL:
      if (!r) return nullptr;
      if (!(r & ~uint64_t{0xffff})) return put_hex(out, r);
      return put(put_vector_length(hex_and(out), r, uapi::k_pr_sme_vl_flags), ")");
    case PR_GET_SPECULATION_CTRL:
      if (a[1] != PR_SPEC_STORE_BYPASS && a[1] != PR_SPEC_INDIRECT_BRANCH &&
          a[1] != PR_SPEC_L1D_FLUSH)
        return nullptr;
      return put(put_flags(hex_and(out), r, uapi::k_pr_spec_get_flags, "PR_SPEC_NOT_AFFECTED"),
                 ")");
    case PR_GET_TAGGED_ADDR_CTRL:
      return put(put_tagged_addr(hex_and(out), r), ")");
    default:
      return nullptr;
  }
}

// The arguments of keyctl after its command, as strace's SYS_FUNC(keyctl) at entry; the
// buffers and strings a command reads or fills are shown as their addresses.
char* put_keyctl_args(char* out, const __u64* a, const Strings& items) {
  auto cmd = static_cast<int32_t>(a[0]);
  auto key = [&](char* o, uint64_t v) { return put_mux_arg(put(o, ", "), Arg::kKeySerial, v); };
  auto dec = [&](char* o, uint64_t v) { return put_num(put(o, ", "), static_cast<int32_t>(v)); };
  auto udec = [&](char* o, uint64_t v) { return put_num(put(o, ", "), v); };
  auto uint = [&](char* o, uint64_t v) {
    return put_num(put(o, ", "), static_cast<uint32_t>(v));
  };
  auto addr = [&](char* o, uint64_t v) { return put_addr(put(o, ", "), v); };
  switch (cmd) {
    case KEYCTL_GET_KEYRING_ID:
      return dec(key(out, a[1]), a[2]);
    case KEYCTL_JOIN_SESSION_KEYRING:
      return put_string_arg(put(out, ", "), a, items, 1);
    case KEYCTL_UPDATE:
      return udec(addr(key(out, a[1]), a[2]), a[3]);
    case KEYCTL_REVOKE: case KEYCTL_CLEAR: case KEYCTL_INVALIDATE:
    case KEYCTL_ASSUME_AUTHORITY:
      return key(out, a[1]);
    case KEYCTL_LINK: case KEYCTL_UNLINK:
      return key(key(out, a[1]), a[2]);
    case KEYCTL_DESCRIBE: case KEYCTL_READ: case KEYCTL_GET_SECURITY:
      return udec(addr(key(out, a[1]), a[2]), a[3]);
    case KEYCTL_SEARCH:
      out = put_string_arg(put(key(out, a[1]), ", "), a, items, 2);
      return key(put_string_arg(put(out, ", "), a, items, 3), a[4]);
    case KEYCTL_CHOWN: {
      out = key(out, a[1]);
      for (unsigned i = 2; i < 4; ++i) {
        auto id = static_cast<uint32_t>(a[i]);
        out = id == UINT32_MAX ? put(out, ", -1") : uint(out, id);
      }
      return out;
    }
    case KEYCTL_SETPERM:
      return put_hex(put(key(out, a[1]), ", "), static_cast<uint32_t>(a[2]));
    case KEYCTL_INSTANTIATE:
      return key(udec(addr(key(out, a[1]), a[2]), a[3]), a[4]);
    case KEYCTL_NEGATE:
      return key(uint(key(out, a[1]), a[2]), a[3]);
    case KEYCTL_SET_REQKEY_KEYRING:
      return put_enum(put(out, ", "), static_cast<int32_t>(a[1]), uapi::k_key_reqkeys);
    case KEYCTL_SET_TIMEOUT:
      return uint(key(out, a[1]), a[2]);
    case KEYCTL_SESSION_TO_PARENT:
      return out;
    case KEYCTL_REJECT:
      return key(uint(uint(key(out, a[1]), a[2]), a[3]), a[4]);
    case KEYCTL_INSTANTIATE_IOV:
      return key(udec(addr(key(out, a[1]), a[2]), a[3]), a[4]);
    case KEYCTL_GET_PERSISTENT:
      return key(dec(out, a[1]), a[2]);
    case KEYCTL_MOVE:
      out = key(key(key(out, a[1]), a[2]), a[3]);
      return put_flag_set(put(out, ", "), static_cast<uint32_t>(a[4]),
                          uapi::k_keyctl_move_flags, "KEYCTL_MOVE_???");
    case KEYCTL_RESTRICT_KEYRING:
      return addr(addr(key(out, a[1]), a[2]), a[3]);
    case KEYCTL_CAPABILITIES:
      return udec(addr(out, a[1]), a[2]);
    default:
      return put_hex_args(out, a, 1, 5);
  }
}

// quotactl's arguments, its command and type, QCMD(Q_GETQUOTA, USRQUOTA), and its device
// (quotactl_fd's fd before them), as strace's quota.c at entry; the structs a command reads or
// fills are addresses.
char* put_quotactl_args(char* out, const __u64* a, const Strings& items, bool fd) {
  auto qcmd = static_cast<uint32_t>(a[fd ? 1 : 0]), id = static_cast<uint32_t>(a[2]);
  uint32_t cmd = qcmd >> SUBCMDSHIFT;
  if (fd) out = put(put_arg(out, Arg::kFd, a[0], items, 0, a), ", ");
  // The number in decimal as -X asks, QCMD(...) by name.
  out = put_xlat(out, [qcmd](char* o) { return put_num(o, qcmd); }, [qcmd, cmd](char* o) {
    o = put_xval(put(o, "QCMD("), cmd, uapi::k_quota_cmds, "Q_???");
    return put(put_xval(put(o, ", "), qcmd & SUBCMDMASK, uapi::k_quota_types, "???QUOTA"), ")");
  });
  if (!fd) out = put_arg(put(out, ", "), Arg::kPath, a[1], items, 1, a);
  auto uid = [&](char* o) {
    return put_arg(put(o, ", "), Arg::kUid, id, items, 2, a);
  };
  switch (cmd) {
    case Q_QUOTAOFF: case Q_SYNC: case Q_XQUOTASYNC:
      return out;
    case Q_QUOTAON:
      out = put_xval(put(out, ", "), id, uapi::k_quota_formats, "QFMT_VFS_???");
      return put_string_arg(put(out, ", "), a, items, 3);
    case Q_GETFMT: case Q_GETINFO: case Q_SETINFO: case Q_XGETQSTAT: case Q_XGETQSTATV:
    case Q_XQUOTAON: case Q_XQUOTAOFF: case Q_XQUOTARM:
      return put_addr(put(out, ", "), a[3]);
    default:
      return put_addr(put(uid(out), ", "), a[3]);
  }
}

}  // namespace

char* put_mux_arg(char* out, Arg type, uint64_t v) noexcept {
  auto u = static_cast<uint32_t>(v);
  switch (type) {
    case Arg::kMountFlags: {
      // mount(2): the old magic number in the upper half goes first.
      if ((v & MS_MGC_MSK) == MS_MGC_VAL) {
        out = put_xlat_hex(out, MS_MGC_VAL, [](char* o) { return put(o, "MS_MGC_VAL"); });
        v &= ~uint64_t{MS_MGC_MSK};
        if (!v) return out;
        out = put(out, "|");
      }
      return put_flag_set(out, v, uapi::k_mount_flags, "MS_???");
    }
    case Arg::kFsopenFlags:
      return put_flag_set(out, u, uapi::k_fsopen_flags, "FSOPEN_???");
    case Arg::kFspickFlags:
      return put_flag_set(out, u, uapi::k_fspick_flags, "FSPICK_???");
    case Arg::kFsmountFlags:
      return put_flag_set(out, u, uapi::k_fsmount_flags, "FSMOUNT_???");
    case Arg::kMountAttrFlags:
      return put_flag_set(out, u, uapi::k_mount_attr_flags, "MOUNT_ATTR_???");
    case Arg::kMoveMountFlags:
      return put_flag_set(out, u, uapi::k_move_mount_flags, "MOVE_MOUNT_???");
    case Arg::kMountSetattrFlags:
      return put_flag_set(out, u, uapi::k_mount_setattr_flags, "AT_???");
    case Arg::kFanMarkFlags:
      return put_flag_set(out, u, uapi::k_fan_mark_flags, "FAN_MARK_???");
    case Arg::kFanEventMask:
      return put_flag_set(out, v, uapi::k_fan_event_flags, "FAN_???");
    case Arg::kFanDirFd: {
      auto fd = static_cast<int32_t>(v);
      return put_xlat_dec(out, fd, [fd](char* o) {
        if (fd == -1) return put(o, "FAN_NOFD");  // FAN_NOFD of linux/fanotify.h
        return fd == -100 ? put(o, "AT_FDCWD") : put_num(o, fd);
      });
    }
    case Arg::kMpolMode: {
      constexpr uint64_t kModeFlags = 0xe000;  // MPOL_F_STATIC_NODES|RELATIVE_NODES|NUMA_BALANCING
      uint64_t mode = v & ~kModeFlags, flags = v & kModeFlags;
      if (!flags) return put_xval(out, mode, uapi::k_mpol_modes, "MPOL_???");
      return put_xlat_hex(out, v, [=](char* o) {
        for (const Flag& f : uapi::k_mpol_modes)
          if (f.value == mode)
            return put_flags(put(put(o, f.name), "|"), flags, uapi::k_mpol_mode_flags);
        return put_flag_set(o, v, uapi::k_mpol_mode_flags, "MPOL_???");
      });
    }
    case Arg::kMbindFlags:
      return put_flag_set(out, u, uapi::k_mbind_flags, "MPOL_???");
    case Arg::kMremapFlags:
      return put_flag_set(out, v, uapi::k_mremap_flags, "MREMAP_???");
    case Arg::kCloseRangeFlags:
      return put_flag_set(out, u, uapi::k_close_range_flags, "CLOSE_RANGE_???");
    case Arg::kKexecFileFlags:
      return put_flag_set(out, v, uapi::k_kexec_file_load_flags, "KEXEC_FILE_???");
    case Arg::kPkeyAccess:
      return put_flag_set(out, v, uapi::k_pkey_access_rights, "PKEY_???");
    case Arg::kPtraceRequest:
#if defined(__x86_64__)
      for (const Flag& f : uapi::k_ptrace_cmds_x86)
        if (f.value == v) return put_xval(out, v, uapi::k_ptrace_cmds_x86, "PTRACE_???");
#endif
      return put_xval(out, v, uapi::k_ptrace_cmds, "PTRACE_???");
    case Arg::kLandlockRulesetFlags:
      return put_flag_set(out, u, uapi::k_landlock_create_ruleset_flags,
                          "LANDLOCK_CREATE_RULESET_???");
    case Arg::kLandlockRuleType:
      return put_xval(out, u, uapi::k_landlock_rule_types, "LANDLOCK_RULE_???");
    case Arg::kUringEnterFlags:
      return put_flag_set(out, u, uapi::k_uring_enter_flags, "IORING_ENTER_???");
    case Arg::kUringRegisterOp:
      return put_xval(out, u, uapi::k_uring_register_opcodes, "IORING_REGISTER_???");
    case Arg::kBpfCmd:
      return put_bpf_cmd(out, v);
    case Arg::kKeySerial:
      return put_xlat_dec(out, static_cast<int32_t>(v), [v](char* o) {
        return put_enum(o, static_cast<int32_t>(v), uapi::k_key_spec);
      });
    case Arg::kPersonality:
      return u == UINT32_MAX ? put(out, "0xffffffff") : put_personality(out, u);
    default:
      return nullptr;
  }
}

// ptrace's request, then what the request reads: none of pid, addr and data for
// PTRACE_TRACEME, no addr and data for those that only name the tracee, a signal as the data
// of those that resume it, options as the data of those that set them, and a number, not an
// address, as the addr of some.
char* put_ptrace_args(char* out, const __u64* a) noexcept {
  out = put_mux_arg(out, Arg::kPtraceRequest, a[0]);
  if (a[0] == PTRACE_TRACEME) return out;
  out = put_num(put(out, ", "), static_cast<int32_t>(a[1]));
  switch (a[0]) {
    case PTRACE_ATTACH: case PTRACE_INTERRUPT: case PTRACE_KILL: case PTRACE_LISTEN:
      return out;
#if defined(__x86_64__)
    case PTRACE_GETREGS: case PTRACE_SETREGS: case PTRACE_GETFPREGS: case PTRACE_SETFPREGS:
      return put_addr(put(out, ", "), a[3]);  // the registers' buffer; addr is ignored
#endif
    case PTRACE_GETSIGMASK: case PTRACE_SETSIGMASK: case PTRACE_SECCOMP_GET_FILTER:
    case PTRACE_SECCOMP_GET_METADATA: case PTRACE_GET_SYSCALL_INFO:
      out = put_num(put(out, ", "), a[2]);
      break;
    default:
      out = put_addr(put(out, ", "), a[2]);
  }
  switch (a[0]) {
    case PTRACE_CONT: case PTRACE_DETACH: case PTRACE_SYSCALL: case PTRACE_SINGLESTEP:
    case PTRACE_SYSEMU: case PTRACE_SYSEMU_SINGLESTEP:
#if defined(__x86_64__)
    case PTRACE_SINGLEBLOCK:
#endif
      return put_signal(put(out, ", "), static_cast<int64_t>(a[3]));
    case PTRACE_SETOPTIONS: case PTRACE_SEIZE:
#if defined(__x86_64__)
    case PTRACE_OLDSETOPTIONS:
#endif
      return put_flag_set(put(out, ", "), a[3], uapi::k_ptrace_setoptions_flags, "PTRACE_O_???");
    default:
      return put_addr(put(out, ", "), a[3]);
  }
}

bool mount_arg_unread(uint64_t flags, unsigned i) noexcept {
  if ((flags & MS_MGC_MSK) == MS_MGC_VAL) flags &= ~uint64_t{MS_MGC_MSK};
  constexpr uint64_t kNoTypeNoData =
      MS_BIND | MS_MOVE | MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE;
  if (i == 2) return flags & (MS_REMOUNT | kNoTypeNoData);
  return i == 4 && !(flags & MS_REMOUNT) && (flags & kNoTypeNoData);
}

char* put_mux_call(char* out, Decoder decoder, const Event& e, const Strings& items) noexcept {
  const __u64* a = e.args;
  switch (decoder) {
    case Decoder::kPrctl: {
      auto option = static_cast<uint32_t>(a[0]);
      out = put_xval(out, option, uapi::k_prctl_options, "PR_???");
      // The task name: the 15 bytes PR_SET_NAME reads, the 16 PR_GET_NAME filled.
      bool cut = false;
      if (option == PR_SET_NAME)
        return put_string_read(put(out, ", "), a[1], items.find_blob(1, &cut), TASK_COMM_LEN - 1);
      if (option == PR_GET_NAME && (e.flags & EVENT_HAS_RET) && !is_error(e.ret))
        return put_string_read(put(out, ", "), a[1], items.find_exit_blob(1), TASK_COMM_LEN);
      if (char* end = put_prctl_filled(put(out, ", "), e, items)) return end;
      return put_prctl_args(out, a, items);
    }
    case Decoder::kSyslog: {
      auto type = static_cast<int32_t>(a[0]);
      out = put_verbose_dec(out, type, uapi::k_syslog_actions, "SYSLOG_ACTION_???");
      // CLOSE, OPEN, CLEAR, CONSOLE_OFF, CONSOLE_ON, SIZE_UNREAD and SIZE_BUFFER ignore
      // the buffer and the length.
      if (type == 0 || type == 1 || (type >= 5 && type <= 7) || type == 9 || type == 10)
        return out;
      out = put_addr(put(out, ", "), a[1]);
      if (type == 8)  // SYSLOG_ACTION_CONSOLE_LEVEL: the length is a log level
        return put_verbose_dec(put(out, ", "), static_cast<int32_t>(a[2]),
                               uapi::k_syslog_console_levels, "LOGLEVEL_???");
      return put_num(put(out, ", "), static_cast<int32_t>(a[2]));
    }
    case Decoder::kKeyctl:
      out = put_xval(out, static_cast<uint32_t>(a[0]), uapi::k_keyctl_commands, "KEYCTL_???");
      return put_keyctl_args(out, a, items);
    case Decoder::kPersonality:
      return put_mux_arg(out, Arg::kPersonality, a[0]);
    case Decoder::kFsconfig:
      return put_fsconfig_args(out, a, items);
    case Decoder::kQuotactl:
    case Decoder::kQuotactlFd:
      return put_quotactl_args(out, a, items, decoder == Decoder::kQuotactlFd);
    case Decoder::kPtrace:
      return put_ptrace_args(out, a);
    case Decoder::kUringRegister:
      return put_uring_register_call(out, e, items);
#if defined(__x86_64__)
    case Decoder::kArchPrctl:
      out = put_process_arg(out, Arg::kArchPrctl, a[0]);
      switch (static_cast<uint32_t>(a[0])) {
        case ARCH_GET_CPUID:  // takes no argument
          return out;
        case ARCH_GET_FS: case ARCH_GET_GS:  // where it wrote the base, when it succeeded
        case ARCH_GET_XCOMP_SUPP: case ARCH_GET_XCOMP_PERM: case ARCH_GET_XCOMP_GUEST_PERM: {
          const std::string_view* wrote = items.find_exit_blob(1);
          uint64_t v;
          if (!wrote || wrote->size() < sizeof(v)) return put_addr(put(out, ", "), a[1]);
          std::memcpy(&v, wrote->data(), sizeof(v));
          out = put(out, ", [");
          auto option = static_cast<uint32_t>(a[0]);
          if (option == ARCH_GET_FS || option == ARCH_GET_GS) return put(put_addr(out, v), "]");
          // The XSAVE components as strace writes them: the number, the names in a comment.
          out = put_hex(out, v);
          if (display().xlat != Xlat::kRaw && v)
            out = put(put_flag_names(put(out, " /* "), v, uapi::k_x86_xfeatures, "0",
                                     "XFEATURE_MASK_???"),
                      " */");
          return put(out, "]");
        }
        case ARCH_REQ_XCOMP_PERM: case ARCH_REQ_XCOMP_GUEST_PERM: {  // a component's number
          out = put_hex(put(out, ", "), a[1]);
          if (display().xlat == Xlat::kRaw) return out;
          std::string_view name;
          for (const Flag& f : uapi::k_x86_xfeature_bits)
            if (f.value == a[1]) name = f.name;
          return put(put(put(out, " /* "), name.empty() ? "XFEATURE_???" : name), " */");
        }
        default:
          return put_hex(put(out, ", "), a[1]);
      }
#endif
    default:
      return nullptr;
  }
}

char* put_mux_result(char* out, Decoder decoder, const Event& e) noexcept {
  switch (decoder) {
    case Decoder::kPrctl:
      return put_prctl_result(out, e.args, e.ret);
    case Decoder::kPersonality: {
      auto r = static_cast<uint32_t>(e.ret);
      return put(put_personality(put(put_hex(out, r), " ("), r), ")");
    }
    default:
      return nullptr;
  }
}

}  // namespace observer
