// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// perf_event_open's struct perf_event_attr as strace 6.1 shows it (its perf.c): the type, the
// size with the kernel's own where it answered E2BIG, the config as the type reads it, the
// sample and read formats, the bit flags (those set, or all with -v), and with -v the fields
// after them as far as the size reaches.
#include <linux/hw_breakpoint.h>
#include <linux/perf_event.h>

#include <cstring>

#include "decode_printers.h"
#include "text.h"
#include "uapi_consts.h"

namespace observer {

namespace {

using namespace text;

// strace reads no more than the struct of its headers (Linux 6.1: PERF_ATTR_SIZE_VER7).
constexpr uint32_t kAttrMax = PERF_ATTR_SIZE_VER7;
static_assert(sizeof(struct perf_event_attr) == kAttrMax, "perf_event_attr of Linux 6.1");
// The flags end the part strace shows without -v.
constexpr uint32_t kAbbrevSize = offsetof(struct perf_event_attr, wakeup_events);

char* put_field_u(char* out, std::string_view name, uint64_t v) {
  return put_num(put(put(put(out, ", "), name), "="), v);
}
char* put_field_x(char* out, std::string_view name, uint64_t v) {
  return put_hex(put(put(put(out, ", "), name), "="), v);
}

// "0xfaceca75<<32|": the bits of a config above those its type names.
char* put_shifted(char* out, uint64_t v, int shift) {
  return put(put_num(put(put_hex(out, v), "<<"), shift), "|");
}

char* put_config(char* out, const struct perf_event_attr& a) {
  out = put(out, ", config=");
  switch (a.type) {
    case PERF_TYPE_HARDWARE:
      if (a.config >> 32) out = put_shifted(out, a.config >> 32, 32);
      return put_xval(out, a.config & PERF_HW_EVENT_MASK, uapi::k_perf_hw_id, "PERF_COUNT_HW_???");
    case PERF_TYPE_SOFTWARE:
      return put_xval(out, a.config, uapi::k_perf_sw_ids, "PERF_COUNT_SW_???");
    case PERF_TYPE_TRACEPOINT:
      return put_num(out, a.config);
    case PERF_TYPE_HW_CACHE:
      if (a.config >> 32) out = put_shifted(out, a.config >> 32, 32);
      if ((a.config & PERF_HW_EVENT_MASK) >> 24)
        out = put_shifted(out, (a.config & PERF_HW_EVENT_MASK) >> 24, 24);
      out = put_xval(out, (a.config >> 16) & 0xff, uapi::k_perf_hw_cache_op_result_id,
                     "PERF_COUNT_HW_CACHE_RESULT_???");
      out = put_xval(put(out, "<<16|"), (a.config >> 8) & 0xff, uapi::k_perf_hw_cache_op_id,
                     "PERF_COUNT_HW_CACHE_OP_???");
      return put_xval(put(out, "<<8|"), a.config & 0xff, uapi::k_perf_hw_cache_id,
                      "PERF_COUNT_HW_CACHE_???");
    default:
      return put_hex(out, a.config);
  }
}

// The bit flags in the struct's order: each when set, or all of them with -v.
char* put_bit_flags(char* out, const struct perf_event_attr& a, bool all) {
  auto flag = [&](std::string_view name, uint64_t v) {
    if (all || v) out = put_field_u(out, name, v);
  };
  flag("disabled", a.disabled);
  flag("inherit", a.inherit);
  flag("pinned", a.pinned);
  flag("exclusive", a.exclusive);
  flag("exclude_user", a.exclude_user);
  flag("exclude_kernel", a.exclude_kernel);
  flag("exclude_hv", a.exclude_hv);
  flag("exclude_idle", a.exclude_idle);
  flag("mmap", a.mmap);
  flag("comm", a.comm);
  flag("freq", a.freq);
  flag("inherit_stat", a.inherit_stat);
  flag("enable_on_exec", a.enable_on_exec);
  flag("task", a.task);
  flag("watermark", a.watermark);
  static constexpr std::string_view kSkid[] = {"arbitrary skid", "constant skid",
                                                "requested to have 0 skid", "must have 0 skid"};
  out = put(put(put(put_field_u(out, "precise_ip", a.precise_ip), " /* "), kSkid[a.precise_ip]),
            " */");
  flag("mmap_data", a.mmap_data);
  flag("sample_id_all", a.sample_id_all);
  flag("exclude_host", a.exclude_host);
  flag("exclude_guest", a.exclude_guest);
  flag("exclude_callchain_kernel", a.exclude_callchain_kernel);
  flag("exclude_callchain_user", a.exclude_callchain_user);
  flag("mmap2", a.mmap2);
  flag("comm_exec", a.comm_exec);
  flag("use_clockid", a.use_clockid);
  flag("context_switch", a.context_switch);
  flag("write_backward", a.write_backward);
  flag("namespaces", a.namespaces);
  flag("ksymbol", a.ksymbol);
  flag("bpf_event", a.bpf_event);
  flag("aux_output", a.aux_output);
  flag("cgroup", a.cgroup);
  flag("text_poke", a.text_poke);
  flag("build_id", a.build_id);
  flag("inherit_thread", a.inherit_thread);
  flag("remove_on_exec", a.remove_on_exec);
  flag("sigtrap", a.sigtrap);
  if (a.__reserved_1)
    out = put(put_field_x(out, "__reserved_1", a.__reserved_1), " /* Bits 63..38 */");
  return out;
}

// The fields after the flags (-v), while size holds them.
char* put_rest(char* out, const struct perf_event_attr& a, uint32_t size) {
  auto has = [size](size_t offset) { return offset < size; };
  out = a.watermark ? put_field_u(out, "wakeup_watermark", a.wakeup_watermark)
                    : put_field_u(out, "wakeup_events", a.wakeup_events);
  bool bp = a.type == PERF_TYPE_BREAKPOINT;
  if (bp) {
    constexpr uint32_t kValid = HW_BREAKPOINT_X | HW_BREAKPOINT_RW;
    out = put_xval(put(out, ", bp_type="), a.bp_type, uapi::k_hw_breakpoint_type,
                   a.bp_type <= kValid ? "HW_BREAKPOINT_INVALID" : "HW_BREAKPOINT_???");
    out = put_field_x(out, "bp_addr", a.bp_addr);
  } else {
    out = put_field_x(out, "config1", a.config1);
  }
  if (!has(offsetof(struct perf_event_attr, bp_len))) return out;
  out = bp ? put_field_u(out, "bp_len", a.bp_len) : put_field_x(out, "config2", a.config2);
  if (!has(offsetof(struct perf_event_attr, branch_sample_type))) return out;
  if (a.sample_type & PERF_SAMPLE_BRANCH_STACK)
    out = put_flag_set(put(out, ", branch_sample_type="), a.branch_sample_type,
                       uapi::k_perf_branch_sample_type, "PERF_SAMPLE_BRANCH_???");
  if (!has(offsetof(struct perf_event_attr, sample_regs_user))) return out;
  out = put_field_x(out, "sample_regs_user", a.sample_regs_user);
  if (!has(offsetof(struct perf_event_attr, sample_stack_user))) return out;
  if (a.sample_type & PERF_SAMPLE_STACK_USER)
    out = put_field_x(out, "sample_stack_user", a.sample_stack_user);
  if (a.use_clockid) {
    if (!has(offsetof(struct perf_event_attr, clockid))) return out;
    out = put_xval(put(out, ", clockid="), static_cast<uint32_t>(a.clockid), uapi::k_clocks,
                   "CLOCK_???");
  }
  if (!has(offsetof(struct perf_event_attr, sample_regs_intr))) return out;
  out = put_field_x(out, "sample_regs_intr", a.sample_regs_intr);
  if (!has(offsetof(struct perf_event_attr, aux_watermark))) return out;
  out = put_field_u(out, "aux_watermark", a.aux_watermark);
  if (!has(offsetof(struct perf_event_attr, sample_max_stack))) return out;
  out = put_field_u(out, "sample_max_stack", a.sample_max_stack);
  if (!has(offsetof(struct perf_event_attr, __reserved_2))) return out;
  if (a.__reserved_2) out = put(put_hex(put(out, " /* bytes 110..111: "), a.__reserved_2), " */");
  if (!has(offsetof(struct perf_event_attr, aux_sample_size))) return out;
  out = put_field_u(out, "aux_sample_size", a.aux_sample_size);
  if (!has(offsetof(struct perf_event_attr, __reserved_3))) return out;
  if (a.__reserved_3) out = put(put_hex(put(out, " /* bytes 116..119: "), a.__reserved_3), " */");
  if (!has(offsetof(struct perf_event_attr, sig_data))) return out;
  return put_field_x(out, "sig_data", a.sig_data);
}

}  // namespace

char* put_perf_event_attr(char* out, const Event& e, const Strings& items, unsigned i) noexcept {
  uint64_t addr = e.args[i];
  bool cut = false;
  const std::string_view* bytes = addr && display().verbose ? items.find_blob(i, &cut) : nullptr;
  struct perf_event_attr a {};
  constexpr size_t kSizeEnd = offsetof(struct perf_event_attr, size) + sizeof(a.size);
  if (!bytes || bytes->size() < kSizeEnd) return put_addr(out, addr);
  uint32_t given;
  std::memcpy(&given, bytes->data() + offsetof(struct perf_event_attr, size), sizeof(given));
  uint32_t size = given > kAttrMax ? kAttrMax : given ? given : PERF_ATTR_SIZE_VER0;
  if (size < PERF_ATTR_SIZE_VER0) return put_hex(out, addr);
  bool all = !display().abbrev;
  if (!all) size = kAbbrevSize;
  if (bytes->size() < size) return put_hex(out, addr);
  std::memcpy(&a, bytes->data(), size);
  out = put_xval(put(out, "{type="), a.type, uapi::k_perf_type_id, "PERF_TYPE_???");
  out = put_xval(put(out, ", size="), a.size, uapi::k_perf_attr_size, "PERF_ATTR_SIZE_???");
  // E2BIG: the kernel wrote the size it knows there.
  if ((e.flags & EVENT_HAS_RET) && e.ret == -E2BIG) {
    const std::string_view* after = items.find_exit_blob(i);
    uint32_t known;
    out = put(out, " => ");
    if (after && after->size() >= kSizeEnd) {
      std::memcpy(&known, after->data() + offsetof(struct perf_event_attr, size), sizeof(known));
      out = put_xval(out, known, uapi::k_perf_attr_size, "PERF_ATTR_SIZE_???");
    } else {
      out = put(out, "???");
    }
  }
  out = put_config(out, a);
  out = a.freq ? put_field_u(out, "sample_freq", a.sample_freq)
               : put_field_u(out, "sample_period", a.sample_period);
  out = put_flag_set(put(out, ", sample_type="), a.sample_type, uapi::k_perf_event_sample_format,
                     "PERF_SAMPLE_???");
  out = put_flag_set(put(out, ", read_format="), a.read_format, uapi::k_perf_event_read_format,
                     "PERF_FORMAT_???");
  out = put_bit_flags(out, a, all);
  if (all) out = put_rest(out, a, size);
  if ((a.size && a.size > size) || (!a.size && size < PERF_ATTR_SIZE_VER0)) out = put(out, ", ...");
  return put(out, "}");
}

}  // namespace observer
