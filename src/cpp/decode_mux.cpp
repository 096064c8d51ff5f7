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
#include <linux/elf.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <sys/user.h>

#include <algorithm>
#include <cstring>

#include "decode_io.h"
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

// keyctl's structs' spare words, ", __spare=[0, 0x1, ...]", only when not all zeros.
template <size_t N>
char* put_spare(char* out, const uint32_t (&words)[N]) {
  bool spare = false;
  for (uint32_t w : words) spare = spare || w;
  if (!spare) return out;
  out = put(out, ", __spare=[");
  for (size_t k = 0; k < N; ++k) out = put_hex(k ? put(out, ", ") : out, words[k]);
  return put(out, "]");
}

// keyctl's struct keyctl_pkey_params as strace's fetch_print_pkey_params shows it:
// {key_id=..., in_len=10, out_len=10} (in2_len for KEYCTL_PKEY_VERIFY), its spare words only
// when not zeros.
char* put_pkey_params(char* out, const keyctl_pkey_params& p, bool verify) {
  out = put_mux_arg(put(out, "{key_id="), Arg::kKeySerial, static_cast<uint32_t>(p.key_id));
  out = put_num(put(out, ", in_len="), p.in_len);
  out = put_num(put(out, verify ? ", in2_len=" : ", out_len="), p.out_len);
  return put(put_spare(out, p.__spare), "}");
}

// len bytes of a buffer as strace's printstrn shows them, from the bytes read at addr (at
// most its first 33, fewer where its memory ends): "" for none, the address when fewer were
// read than it shows.
char* put_sized_bytes(char* out, uint64_t addr, uint64_t len, const std::string_view* bytes) {
  if (!addr) return put(out, "NULL");
  if (len == 0) return put(out, "\"\"");
  uint64_t shown = len < kStrLimit ? len : kStrLimit;
  if (!bytes || bytes->size() < shown) return put_hex(out, addr);
  return put_quoted(out, bytes->substr(0, shown), len > kStrLimit);
}

// The arguments of keyctl after its command, as strace's SYS_FUNC(keyctl) shows them: the
// payloads and descriptions a command reads or filled, keyctl's structs by command, and the
// buffers the kernel side did not read as their addresses.
char* put_keyctl_args(char* out, const Event& e, const Strings& items) {
  const __u64* a = e.args;
  auto cmd = static_cast<int32_t>(a[0]);
  bool returned = (e.flags & EVENT_HAS_RET) && !is_error(e.ret);
  bool cut = false;
  auto key = [&](char* o, uint64_t v) { return put_mux_arg(put(o, ", "), Arg::kKeySerial, v); };
  auto dec = [&](char* o, uint64_t v) { return put_num(put(o, ", "), static_cast<int32_t>(v)); };
  auto udec = [&](char* o, uint64_t v) { return put_num(put(o, ", "), v); };
  auto uint = [&](char* o, uint64_t v) {
    return put_num(put(o, ", "), static_cast<uint32_t>(v));
  };
  auto uid = [&](char* o, uint64_t v) {  // strace's printuid: -1 as -1
    return put_arg(put(o, ", "), Arg::kUid, v, {}, 0, a);
  };
  auto addr = [&](char* o, uint64_t v) { return put_addr(put(o, ", "), v); };
  auto str = [&](char* o, unsigned i) { return put_string_arg(put(o, ", "), a, items, i); };
  // What the call read at entry, or filled (its result's bytes, no more than the buffer's
  // length), as strace's printstrn; a description's NUL is left out.
  auto payload = [&](char* o, unsigned i) {
    const std::string_view* bytes = a[i] ? items.find_blob(i, &cut) : nullptr;
    return bytes ? put_quoted(put(o, ", "), *bytes, cut) : addr(o, a[i]);
  };
  auto filled = [&](char* o, unsigned i, uint64_t len, bool omit_nul) {
    const std::string_view* bytes = returned && a[i] ? items.find_blob(i, &cut) : nullptr;
    uint64_t n = static_cast<uint64_t>(e.ret) < len ? static_cast<uint64_t>(e.ret) : len;
    if (!bytes || bytes->size() < n) return addr(o, a[i]);
    std::string_view shown = bytes->substr(0, n);
    if (omit_nul && !shown.empty() && shown.back() == '\0') shown.remove_suffix(1);
    return put_quoted(put(o, ", "), shown.substr(0, kStrLimit), shown.size() > kStrLimit);
  };
  switch (cmd) {
    case KEYCTL_GET_KEYRING_ID:
      return dec(key(out, a[1]), a[2]);
    case KEYCTL_JOIN_SESSION_KEYRING:
      return str(out, 1);
    case KEYCTL_UPDATE:
      return udec(payload(key(out, a[1]), 2), a[3]);
    case KEYCTL_REVOKE: case KEYCTL_CLEAR: case KEYCTL_INVALIDATE:
    case KEYCTL_ASSUME_AUTHORITY:
      return key(out, a[1]);
    case KEYCTL_LINK: case KEYCTL_UNLINK:
      return key(key(out, a[1]), a[2]);
    case KEYCTL_DESCRIBE: case KEYCTL_READ: case KEYCTL_GET_SECURITY:
      return udec(filled(key(out, a[1]), 2, a[3], cmd != KEYCTL_READ), a[3]);
    case KEYCTL_SEARCH:
      return key(str(str(key(out, a[1]), 2), 3), a[4]);
    case KEYCTL_CHOWN:
      return uid(uid(key(out, a[1]), a[2]), a[3]);
    case KEYCTL_SETPERM:
      return put_flag_set(put(key(out, a[1]), ", "), static_cast<uint32_t>(a[2]),
                          uapi::k_key_perms, "KEY_???");
    case KEYCTL_INSTANTIATE:
      return key(udec(payload(key(out, a[1]), 2), a[3]), a[4]);
    case KEYCTL_NEGATE:
      return key(uint(key(out, a[1]), a[2]), a[3]);
    case KEYCTL_SET_REQKEY_KEYRING: {
      // In decimal whatever -X says, an unknown one as "-1 /* KEY_REQKEY_DEFL_??? */"
      // (strace's XLAT_STYLE_FMT_D).
      auto v = static_cast<int32_t>(a[1]);
      for (const Flag& f : uapi::k_key_reqkeys)
        if (static_cast<int32_t>(f.value) == v)
          return put_xlat_dec(put(out, ", "), v, [&f](char* o) { return put(o, f.name); });
      if (display().xlat == Xlat::kRaw) return put_num(put(out, ", "), v);
      return put_verbose_dec(put(out, ", "), v, uapi::k_key_reqkeys, "KEY_REQKEY_DEFL_???");
    }
    case KEYCTL_SET_TIMEOUT:
      return uint(key(out, a[1]), a[2]);
    case KEYCTL_SESSION_TO_PARENT:
      return out;
    case KEYCTL_REJECT:
    {  // the error, by its name (strace's print_err)
      out = put(uint(key(out, a[1]), a[2]), ", ");
      auto err = static_cast<uint32_t>(a[3]);
      std::string_view name = err < 4096 ? errno_symbol(static_cast<int>(err)) : "";
      out = name.empty() ? put_num(out, err)
                         : put_xlat_dec(out, err, [name](char* o) { return put(o, name); });
      return key(out, a[4]);
    }
    case KEYCTL_INSTANTIATE_IOV:
      out = put_io_arg(put(key(out, a[1]), ", "), Arg::kIovecIn, e, items, 2);
      return key(udec(out, a[3]), a[4]);
    case KEYCTL_GET_PERSISTENT:
      return key(put_arg(put(out, ", "), Arg::kUid, a[1], {}, 1, a), a[2]);
    case KEYCTL_DH_COMPUTE: {  // the params read at entry, what the call wrote, the KDF
      const std::string_view* params = a[1] ? items.find_blob(1, &cut) : nullptr;
      struct keyctl_dh_params dh;
      if (params && load_at(*params, 0, &dh)) {
        out = put_mux_arg(put(out, ", {private="), Arg::kKeySerial, static_cast<uint32_t>(dh.priv));
        out = put_mux_arg(put(out, ", prime="), Arg::kKeySerial, static_cast<uint32_t>(dh.prime));
        out = put_mux_arg(put(out, ", base="), Arg::kKeySerial, static_cast<uint32_t>(dh.base));
        out = put(out, "}");
      } else {
        out = addr(out, a[1]);
      }
      out = udec(filled(out, 2, a[3], false), a[3]);
      // The KDF's struct shows where it points to no strings: its hash name and other
      // information are not read.
      const std::string_view* kdf = a[4] ? items.find_blob(4, &cut) : nullptr;
      struct keyctl_kdf_params k;
      if (!kdf || !load_at(*kdf, 0, &k) || k.hashname || (k.otherinfo && k.otherinfolen))
        return addr(out, a[4]);
      out = put(out, ", {hashname=NULL, otherinfo=");
      out = put_addr(out, reinterpret_cast<uint64_t>(k.otherinfo));
      out = put_num(put(out, ", otherinfolen="), k.otherinfolen);
      return put(put_spare(out, k.__spare), "}");
    }
    case KEYCTL_PKEY_QUERY:  // the struct it filled is not read
      out = put_hex(put(key(out, a[1]), ", "), a[2]);
      return addr(str(out, 3), a[4]);
    case KEYCTL_PKEY_ENCRYPT: case KEYCTL_PKEY_DECRYPT: case KEYCTL_PKEY_SIGN:
    case KEYCTL_PKEY_VERIFY: {
      bool verify = cmd == KEYCTL_PKEY_VERIFY;
      const std::string_view* params = a[1] ? items.find_blob(1, &cut) : nullptr;
      struct keyctl_pkey_params p;
      if (!params || !load_at(*params, 0, &p))
        return addr(addr(str(addr(out, a[1]), 2), a[3]), a[4]);
      out = str(put_pkey_params(put(out, ", "), p, verify), 2);
      // The input, as long as the params say.
      out = put_sized_bytes(put(out, ", "), a[3], p.in_len, items.find_blob(3, &cut));
      // The output, filled (not read here), or the second input, shown only when empty.
      if (verify) return put_sized_bytes(put(out, ", "), a[4], p.out_len, nullptr);
      return addr(out, a[4]);
    }
    case KEYCTL_MOVE:
      out = key(key(key(out, a[1]), a[2]), a[3]);
      return put_flag_set(put(out, ", "), static_cast<uint32_t>(a[4]),
                          uapi::k_keyctl_move_flags, "KEYCTL_MOVE_???");
    case KEYCTL_RESTRICT_KEYRING:
      return str(str(key(out, a[1]), 2), 3);
    case KEYCTL_CAPABILITIES: {  // a byte of KEYCTL_CAPS0_*, one of KEYCTL_CAPS1_*, then hex
      const std::string_view* caps = returned && a[1] ? items.find_blob(1, &cut) : nullptr;
      uint64_t n = static_cast<uint64_t>(e.ret) < a[2] ? static_cast<uint64_t>(e.ret) : a[2];
      if (!caps) return udec(addr(out, a[1]), a[2]);
      out = put_array(put(out, ", "), a[1], n, 1, *caps, [&, pos = 0](char* o, const char* b) mutable {
        auto byte = static_cast<uint8_t>(*b);
        switch (pos++) {
          case 0: return put_flag_set(o, byte, uapi::k_keyctl_caps0, "KEYCTL_CAPS0_???");
          case 1: return put_flag_set(o, byte, uapi::k_keyctl_caps1, "KEYCTL_CAPS1_???");
          default: return put_hex(o, byte);
        }
      });
      return udec(out, a[2]);
    }
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

namespace {

// The blob of argument a read at the call's entry (at_exit false) or exit, or nullptr.
const std::string_view* blob_at(const Strings& items, unsigned a, bool at_exit) noexcept {
  for (unsigned i = 0; i < items.count; ++i)
    if (items.arg[i] == a && items.kind[i] == ITEM_BLOB &&
        static_cast<bool>(items.at_exit & (1u << i)) == at_exit)
      return &items.value[i];
  return nullptr;
}

// The pointer, or what it points to as put_value writes it when its bytes were kept (size
// of them at least).
template <class F>
char* put_pointee(char* out, uint64_t addr, const std::string_view* bytes, size_t size,
                  F put_value) {
  if (!addr) return put(out, "NULL");
  if (!bytes || bytes->size() < size) return put_hex(out, addr);
  return put_value(out, *bytes);
}

// A sigset of len bytes at addr (PTRACE_SETSIGMASK, PTRACE_GETSIGMASK): strace's
// print_sigset_addr_len reads one only of the kernel's size.
char* put_ptrace_sigset(char* out, uint64_t addr, uint64_t len,
                        const std::string_view* bytes) noexcept {
  if (len != sizeof(uint64_t)) return put_addr(out, addr);
  return put_pointee(out, addr, bytes, sizeof(uint64_t), put_sigset_bytes);
}

// struct ptrace_syscall_info as PTRACE_GET_SYSCALL_INFO filled it: as many bytes as the
// call and the room given both allow, up to the seccomp member's end (strace's
// print_ptrace_syscall_info).
char* put_syscall_info(char* out, std::string_view bytes, uint64_t room, int64_t ret) noexcept {
  constexpr size_t kSeccompEnd = offsetof(struct ptrace_syscall_info, seccomp.ret_data) +
                                 sizeof(uint32_t);
  constexpr size_t kExitEnd = offsetof(struct ptrace_syscall_info, exit.is_error) + 1;
  size_t size = std::min<uint64_t>({bytes.size(), room, static_cast<uint64_t>(ret), kSeccompEnd});
  struct ptrace_syscall_info info {};
  std::memcpy(&info, bytes.data(), size);
  out = put_xval(put(out, "{op="), info.op, uapi::k_ptrace_syscall_info_op,
                 "PTRACE_SYSCALL_INFO_???");
  auto has = [size](size_t end) { return size >= end; };
  if (has(offsetof(struct ptrace_syscall_info, instruction_pointer)))
    out = put_xval(put(out, ", arch="), info.arch, uapi::k_audit_arch, "AUDIT_ARCH_???");
  if (has(offsetof(struct ptrace_syscall_info, stack_pointer)))
    out = put_addr(put(out, ", instruction_pointer="), info.instruction_pointer);
  if (has(offsetof(struct ptrace_syscall_info, entry)))
    out = put_addr(put(out, ", stack_pointer="), info.stack_pointer);
  if (!has(offsetof(struct ptrace_syscall_info, entry.args))) return put(out, "}");
  auto nr_args = [&](std::string_view field, uint64_t nr, const __u64* args, size_t args_at) {
    out = put(put(put(out, ", "), field), "={nr=");
    out = put_si_syscall(out, nr, info.arch);
    size_t n = std::min<size_t>((size - args_at) / sizeof(uint64_t), 6);
    if (n) {
      out = put(out, ", args=[");
      for (size_t k = 0; k < n; ++k) out = put_hex(k ? put(out, ", ") : out, args[k]);
      out = put(out, "]");
    }
  };
  switch (info.op) {
    case PTRACE_SYSCALL_INFO_ENTRY:
      nr_args("entry", info.entry.nr, info.entry.args,
              offsetof(struct ptrace_syscall_info, entry.args));
      out = put(out, "}");
      break;
    case PTRACE_SYSCALL_INFO_SECCOMP:
      nr_args("seccomp", info.seccomp.nr, info.seccomp.args,
              offsetof(struct ptrace_syscall_info, seccomp.args));
      if (has(kSeccompEnd)) out = put_num(put(out, ", ret_data="), info.seccomp.ret_data);
      out = put(out, "}");
      break;
    case PTRACE_SYSCALL_INFO_EXIT: {
      out = put(out, ", exit={rval=");
      int64_t rval = info.exit.rval;
      std::string_view symbol = has(kExitEnd) && info.exit.is_error && rval < 0
                                    ? errno_symbol(static_cast<int>(-rval)) : std::string_view{};
      out = put_xlat_dec(out, rval, [&](char* o) {
        return symbol.empty() ? put_num(o, rval) : put(put(o, "-"), symbol);
      });
      if (has(kExitEnd)) out = put_num(put(out, ", is_error="), info.exit.is_error);
      out = put(out, "}");
      break;
    }
    default:
      break;
  }
  return put(out, "}");
}

// A struct iovec kept as a CAPTURE_IOVEC blob of one element (struct iov_head, struct
// iov_item, the data kept).
struct KeptIovec {
  uint64_t base = 0, len = 0;
  std::string_view data;
};
bool load_iovec(const std::string_view* blob, KeptIovec* iov) noexcept {
  iov_head head;
  iov_item item;
  if (!blob || blob->size() < sizeof(head) + sizeof(item)) return false;
  std::memcpy(&head, blob->data(), sizeof(head));
  std::memcpy(&item, blob->data() + sizeof(head), sizeof(item));
  if (head.kept != 1 || blob->size() < sizeof(head) + sizeof(item) + item.kept) return false;
  *iov = {item.base, item.len, blob->substr(sizeof(head) + sizeof(item), item.kept)};
  return true;
}

#if defined(__x86_64__)
// x86_64's struct user_regs_struct and struct user_fpregs_struct (sys/user.h) as strace's
// arch_decode_prstatus_regset and arch_decode_fpregset write them: the fields that begin
// within size bytes (the first always), the arrays as far as those bytes go, ", ..." when
// size is more than the struct.
constexpr std::string_view kRegNames[] = {
    "r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10", "r9", "r8", "rax", "rcx", "rdx",
    "rsi", "rdi", "orig_rax", "rip", "cs", "eflags", "rsp", "ss", "fs_base", "gs_base", "ds",
    "es", "fs", "gs"};
static_assert(sizeof(kRegNames) / sizeof(kRegNames[0]) * 8 == sizeof(struct user_regs_struct),
              "every register of struct user_regs_struct");

char* put_user_regs(char* out, std::string_view bytes, uint64_t size) noexcept {
  uint64_t regs[sizeof(kRegNames) / sizeof(kRegNames[0])] = {};
  size_t fetched = std::min<size_t>(bytes.size(), sizeof(regs));
  std::memcpy(regs, bytes.data(), fetched);
  out = put(out, "{");
  for (size_t k = 0; k < std::size(regs) && (k == 0 || fetched > k * 8); ++k)
    out = put_hex(put(put(put(out, k ? ", " : ""), kRegNames[k]), "="), regs[k]);
  return put(out, size > sizeof(regs) ? ", ...}" : "}");
}

char* put_user_fpregs(char* out, std::string_view bytes, uint64_t size) noexcept {
  using Fp = struct user_fpregs_struct;
  Fp fp{};
  size_t fetched = std::min<size_t>(bytes.size(), sizeof(fp));
  std::memcpy(&fp, bytes.data(), fetched);
  auto field = [&](std::string_view name, size_t at, uint64_t v) {
    if (at == 0 || fetched > at) out = put_hex(put(put(put(out, at ? ", " : ""), name), "="), v);
  };
  auto array = [&](std::string_view name, size_t at, const uint32_t* words, size_t n) {
    if (fetched <= at) return;
    n = std::min(n, (fetched - at) / 4);
    out = put(put(put(out, ", "), name), "=[");
    for (size_t k = 0; k < n; ++k) {
      if (k == 32 && display().abbrev) {  // strace's -s for arrays, unless -v
        out = put(out, ", ...");
        break;
      }
      out = put_hex(k ? put(out, ", ") : out, words[k]);
    }
    out = put(out, "]");
  };
  out = put(out, "{");
  field("cwd", offsetof(Fp, cwd), fp.cwd);
  field("swd", offsetof(Fp, swd), fp.swd);
  field("ftw", offsetof(Fp, ftw), fp.ftw);
  field("fop", offsetof(Fp, fop), fp.fop);
  field("rip", offsetof(Fp, rip), fp.rip);
  field("rdp", offsetof(Fp, rdp), fp.rdp);
  field("mxcsr", offsetof(Fp, mxcsr), fp.mxcsr);
  field("mxcr_mask", offsetof(Fp, mxcr_mask), fp.mxcr_mask);
  array("st_space", offsetof(Fp, st_space), fp.st_space, std::size(fp.st_space));
  array("xmm_space", offsetof(Fp, xmm_space), fp.xmm_space, std::size(fp.xmm_space));
  array("padding", offsetof(Fp, padding), fp.padding, std::size(fp.padding));
  return put(out, size > sizeof(fp) ? ", ...}" : "}");
}
#endif

// The regset of type nt (GETREGSET's, SETREGSET's) at addr, size bytes, as far as the data
// kept of it goes (strace's decode_regset): the registers, the FPU state, else the address;
// the address too for a size that is not whole words or bytes that could not be read.
char* put_regset(char* out, uint64_t nt, uint64_t addr, uint64_t size,
                 std::string_view data) noexcept {
#if defined(__x86_64__)
  size_t whole = nt == NT_PRSTATUS ? sizeof(struct user_regs_struct)
                 : nt == NT_PRFPREG ? sizeof(struct user_fpregs_struct) : 0;
  if (whole && size && !(size & 7) && data.size() >= std::min<uint64_t>(size, whole))
    return nt == NT_PRSTATUS ? put_user_regs(out, data, size) : put_user_fpregs(out, data, size);
#else
  (void)nt, (void)size, (void)data;
#endif
  return put_addr(out, addr);
}

// GETREGSET's and SETREGSET's struct iovec: the regset SETREGSET gave at entry, the one
// GETREGSET got after a success (at its failure, the address), and iov_len, with " => " the
// length the kernel left where it changed it.
char* put_regset_iovec(char* out, const Event& e, const std::string_view* entry,
                       const std::string_view* exit) noexcept {
  KeptIovec given, left;
  if (!load_iovec(entry, &given)) return put_addr(out, e.args[3]);
  bool got = e.args[0] == PTRACE_GETREGSET;
  bool changed = load_iovec(exit, &left) && left.len != given.len;
  out = put(out, "{iov_base=");
  if (got)
    out = exit && load_iovec(exit, &left) ? put_regset(out, e.args[2], left.base, left.len, left.data)
                                          : put_addr(out, given.base);
  else
    out = put_regset(out, e.args[2], given.base, given.len, given.data);
  out = put_num(put(out, ", iov_len="), given.len);
  if (changed) out = put_num(put(out, " => "), left.len);
  return put(out, "}");
}

}  // namespace

// ptrace's request, then what the request reads: none of pid, addr and data for
// PTRACE_TRACEME, no addr and data for those that only name the tracee, a signal as the data
// of those that resume it, options as the data of those that set them, a number, not an
// address, as the addr of some, and the structs the kernel side kept as ptrace_reads says
// (capture_plan.cpp): at entry what the request reads (a siginfo, a mask, PEEKSIGINFO's
// arguments), at exit what it filled (strace's decode_ptrace_exiting).
char* put_ptrace_args(char* out, const Event& e, const Strings& items) noexcept {
  const __u64* a = e.args;
  bool ok = e.flags & EVENT_HAS_RET && !is_error(e.ret);
  const std::string_view* entry = blob_at(items, 3, false);
  const std::string_view* exit = ok ? blob_at(items, 3, true) : nullptr;
  out = put_mux_arg(out, Arg::kPtraceRequest, a[0]);
  if (a[0] == PTRACE_TRACEME) return out;
  out = put_num(put(out, ", "), static_cast<int32_t>(a[1]));
  switch (a[0]) {
    case PTRACE_ATTACH: case PTRACE_INTERRUPT: case PTRACE_KILL: case PTRACE_LISTEN:
      return out;
#if defined(__x86_64__)
    // The registers' buffer (addr is ignored): what SETREGS and SETFPREGS set, what
    // GETREGS and GETFPREGS got.
    case PTRACE_SETREGS: case PTRACE_GETREGS: case PTRACE_SETFPREGS: case PTRACE_GETFPREGS: {
      bool fp = a[0] == PTRACE_SETFPREGS || a[0] == PTRACE_GETFPREGS;
      bool set = a[0] == PTRACE_SETREGS || a[0] == PTRACE_SETFPREGS;
      size_t size = fp ? sizeof(struct user_fpregs_struct) : sizeof(struct user_regs_struct);
      return put_pointee(put(out, ", "), a[3], set ? entry : exit, size,
                         [fp](char* o, std::string_view b) {
                           return fp ? put_user_fpregs(o, b, b.size())
                                     : put_user_regs(o, b, b.size());
                         });
    }
#endif
    case PTRACE_GETREGSET: case PTRACE_SETREGSET:
      out = put_xval(put(out, ", "), a[2], uapi::k_nt_descriptor_types, "NT_???");
      return put_regset_iovec(put(out, ", "), e, entry, blob_at(items, 3, true));
    case PTRACE_GETSIGMASK: case PTRACE_SETSIGMASK: case PTRACE_SECCOMP_GET_FILTER:
    case PTRACE_SECCOMP_GET_METADATA: case PTRACE_GET_SYSCALL_INFO:
      out = put_num(put(out, ", "), a[2]);
      break;
    case PTRACE_PEEKSIGINFO:  // struct ptrace_peeksiginfo_args
      out = put_pointee(put(out, ", "), a[2], blob_at(items, 2, false),
                        sizeof(struct ptrace_peeksiginfo_args), [](char* o, std::string_view b) {
        struct ptrace_peeksiginfo_args psi;
        std::memcpy(&psi, b.data(), sizeof(psi));
        o = put_num(put(o, "{off="), psi.off);
        o = put_flag_set(put(o, ", flags="), psi.flags, uapi::k_ptrace_peeksiginfo_flags,
                         "PTRACE_PEEKSIGINFO_???");
        return put(put_num(put(o, ", nr="), psi.nr), "}");
      });
      break;
    default:
      out = put_addr(put(out, ", "), a[2]);
  }
  out = put(out, ", ");
  switch (a[0]) {
    case PTRACE_CONT: case PTRACE_DETACH: case PTRACE_SYSCALL: case PTRACE_SINGLESTEP:
    case PTRACE_SYSEMU: case PTRACE_SYSEMU_SINGLESTEP:
#if defined(__x86_64__)
    case PTRACE_SINGLEBLOCK:
#endif
      return put_signal(out, static_cast<int64_t>(a[3]));
    case PTRACE_SETOPTIONS: case PTRACE_SEIZE:
#if defined(__x86_64__)
    case PTRACE_OLDSETOPTIONS:
#endif
      return put_flag_set(out, a[3], uapi::k_ptrace_setoptions_flags, "PTRACE_O_???");
    case PTRACE_SETSIGINFO:
      return put_pointee(out, a[3], entry, sizeof(siginfo_t), put_siginfo);
    case PTRACE_GETSIGINFO:
      return put_pointee(out, a[3], exit, sizeof(siginfo_t), put_siginfo);
    case PTRACE_SETSIGMASK:
      return put_ptrace_sigset(out, a[3], a[2], entry);
    case PTRACE_GETSIGMASK:
      return put_ptrace_sigset(out, a[3], a[2], exit);
    case PTRACE_PEEKTEXT: case PTRACE_PEEKDATA: case PTRACE_PEEKUSR:
      return put_pointee(out, a[3], exit, sizeof(uint64_t), [](char* o, std::string_view b) {
        uint64_t word;
        std::memcpy(&word, b.data(), sizeof(word));
        return put(put_addr(put(o, "["), word), "]");
      });
    case PTRACE_GETEVENTMSG:
      return put_pointee(out, a[3], exit, sizeof(uint64_t), [](char* o, std::string_view b) {
        uint64_t msg;
        std::memcpy(&msg, b.data(), sizeof(msg));
        return put(put_num(put(o, "["), msg), "]");
      });
    case PTRACE_PEEKSIGINFO:
      if (!exit) return put_addr(out, a[3]);
      return put_array(out, a[3], static_cast<uint64_t>(e.ret), sizeof(siginfo_t), *exit,
                       [](char* o, const char* elem) {
                         return put_siginfo(o, std::string_view(elem, sizeof(siginfo_t)));
                       });
    case PTRACE_SECCOMP_GET_METADATA: {
      // The filter asked about at entry; after a success, its flags when the room given
      // holds them (strace's decode_seccomp_metadata).
      if (a[2] < sizeof(uint64_t) || !a[3] || !entry || entry->size() < sizeof(uint64_t))
        return put_addr(out, a[3]);
      struct seccomp_metadata md {};
      std::memcpy(&md.filter_off, entry->data(), sizeof(md.filter_off));
      out = put_num(put(out, "{filter_off="), md.filter_off);
      if (ok && a[2] > sizeof(uint64_t)) {
        if (a[2] < sizeof(md) || !exit || exit->size() < sizeof(md)) return put(out, ", ???}");
        std::memcpy(&md, exit->data(), sizeof(md));
        out = put_flag_set(put(out, ", flags="), md.flags, uapi::k_seccomp_filter_flags,
                           "SECCOMP_FILTER_FLAG_???");
        if (a[2] > sizeof(md)) out = put(out, ", ...");
      }
      return put(out, "}");
    }
    case PTRACE_GET_SYSCALL_INFO:
      if (!exit || exit->empty() || e.ret <= 0) return put_addr(out, a[3]);
      return put_syscall_info(out, *exit, a[2], e.ret);
    default:
      return put_addr(out, a[3]);
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
      return put_keyctl_args(out, e, items);
    case Decoder::kPersonality:
      return put_mux_arg(out, Arg::kPersonality, a[0]);
    case Decoder::kFsconfig:
      return put_fsconfig_args(out, a, items);
    case Decoder::kQuotactl:
    case Decoder::kQuotactlFd:
      return put_quotactl_args(out, a, items, decoder == Decoder::kQuotactlFd);
    case Decoder::kPtrace:
      return put_ptrace_args(out, e, items);
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
