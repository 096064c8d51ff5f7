// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Values strace reads from the traced memory that belong to no family of their own: strings it
// reads no further than its -s limit (reboot's argument, memfd_create's name, prctl's task
// name), extended attributes' values and name lists, time zones and timevals, iovec arrays
// shown by address, SysV messages, _sysctl's arguments and the pointers and offsets a call
// fills or reads (io_setup's AIO context among them). As strace 6.1 shows them (its util.c
// printstr_ex, xattr.c, time.c, process_vm.c, mem.c, print_msgbuf.c, sysctl.c).
#include <stddef.h>  // linux/sysctl.h uses size_t without it
#include <linux/sysctl.h>
#include <sys/time.h>
#include <sys/uio.h>

#include <cstring>

#include "decode_printers.h"
#include "decode_structs.h"
#include "event.h"
#include "text.h"

namespace observer {

namespace {

using namespace text;

// strace's -s: the bytes of a string or buffer it shows before "...".
uint64_t shown_limit() {
  uint32_t limit = display().data_limit;
  return limit ? limit : 32;
}

// The largest value of an extended attribute (linux/limits.h's XATTR_SIZE_MAX): strace shows
// the address of one said to be longer.
constexpr uint64_t kXattrSizeMax = 65536;

}  // namespace

char* put_counted_read(char* out, uint64_t addr, const std::string_view* bytes, uint64_t len,
                       Counted style) noexcept {
  if (!addr) return put(out, "NULL");
  uint64_t limit = shown_limit();
  uint64_t shown = len < limit ? len : limit;
  if (!bytes || bytes->size() < shown) return put_hex(out, addr);
  std::string_view text = bytes->substr(0, shown);
  if (style == Counted::kHex) return put_hex_quoted(out, text, len > limit);
  if (style == Counted::kOmitNul && !text.empty() && text.back() == '\0') text.remove_suffix(1);
  return put_quoted(out, text, len > limit);
}

char* put_string_read(char* out, uint64_t addr, const std::string_view* bytes,
                      uint64_t len) noexcept {
  if (!addr) return put(out, "NULL");
  uint64_t limit = shown_limit();
  uint64_t want = limit + 1 < len ? limit + 1 : len;  // what strace reads
  if (!bytes) return put_hex(out, addr);
  std::string_view read = bytes->substr(0, want < bytes->size() ? want : bytes->size());
  size_t nul = read.find('\0');
  if (nul != std::string_view::npos) return put_quoted(out, read.substr(0, nul), false);
  if (read.size() < want) return put_hex(out, addr);  // it ran into unreadable memory
  return put_quoted(out, read.substr(0, want < limit ? want : limit), true);
}

char* put_value_arg(char* out, Arg type, const Event& e, const Strings& items,
                    unsigned i) noexcept {
  uint64_t v = e.args[i];
  bool cut = false;
  const std::string_view* bytes = items.find_blob(i, &cut);
  bool failed = !(e.flags & EVENT_HAS_RET) || is_error(e.ret);
  uint64_t next = i + 1 < 6 ? e.args[i + 1] : 0;
  switch (type) {
    case Arg::kShortStr:
      return put_string_read(out, v, bytes, UINT64_MAX);
    case Arg::kXattrValIn:
      return next > kXattrSizeMax ? put_addr(out, v) : put_counted_read(out, v, bytes, next, Counted::kOmitNul);
    case Arg::kXattrValOut: {  // as many bytes as it returned
      auto got = static_cast<uint64_t>(e.ret);
      if (failed || got > kXattrSizeMax) return put_addr(out, v);
      return put_counted_read(out, v, bytes, got, Counted::kOmitNul);
    }
    case Arg::kXattrList:  // nothing read when it was asked for the size only
      if (failed || next == 0) return put_addr(out, v);
      return put_counted_read(out, v, bytes, static_cast<uint64_t>(e.ret), Counted::kPlain);
    case Arg::kTimevalIn:
    case Arg::kTimevalOut:
      return v && bytes ? put_timeval(out, *bytes) : put_addr(out, v);
    case Arg::kTimezoneIn:
    case Arg::kTimezoneOut: {
      struct timezone tz;
      if (!v || !bytes || !load_at(*bytes, 0, &tz)) return put_addr(out, v);
      out = put_num(put(out, "{tz_minuteswest="), tz.tz_minuteswest);
      return put(put_num(put(out, ", tz_dsttime="), tz.tz_dsttime), "}");
    }
    case Arg::kIovecAddrs:
      return put_array(out, v, next, sizeof(struct iovec), bytes ? *bytes : std::string_view(),
                       [](char* o, const char* p) {
        struct iovec iov;
        std::memcpy(&iov, p, sizeof(iov));
        o = put_addr(put(o, "{iov_base="), reinterpret_cast<uint64_t>(iov.iov_base));
        return put(put_num(put(o, ", iov_len="), static_cast<uint64_t>(iov.iov_len)), "}");
      });
    case Arg::kMsgbufIn:
    case Arg::kMsgbufOut: {  // struct msgbuf: a long mtype and at least a byte of text
      constexpr size_t kMsgbuf = 2 * sizeof(int64_t);
      int64_t mtype;
      if (!v || !bytes || bytes->size() < kMsgbuf || !load_at(*bytes, 0, &mtype))
        return put_addr(out, v);
      std::string_view text = bytes->substr(sizeof(mtype));
      uint64_t want = shown_limit() + 1 < next ? shown_limit() + 1 : next;
      out = put_num(put(out, "{mtype="), mtype);
      out = put(out, ", mtext=");
      out = text.size() < want ? put_hex(out, v + sizeof(mtype))
                               : put_counted_read(out, v + sizeof(mtype), &text, next, Counted::kPlain);
      return put(out, "}");
    }
    case Arg::kSysctlArgs: {
      struct __sysctl_args a;
      if (!v || !bytes || !load_at(*bytes, 0, &a)) return put_addr(out, v);
      out = put_addr(put(out, "{name="), reinterpret_cast<uint64_t>(a.name));
      out = put_num(put(out, ", nlen="), a.nlen);
      out = put_addr(put(out, ", oldval="), reinterpret_cast<uint64_t>(a.oldval));
      out = put_addr(put(out, ", oldlenp="), reinterpret_cast<uint64_t>(a.oldlenp));
      out = put_addr(put(out, ", newval="), reinterpret_cast<uint64_t>(a.newval));
      return put(put_num(put(out, ", newlen="), static_cast<uint64_t>(a.newlen)), "}");
    }
    case Arg::kPtrOut:
    case Arg::kUlongOut: {  // what the call wrote, when it succeeded
      uint64_t word;
      if (failed || !v || !bytes || !load_at(*bytes, 0, &word)) return put_addr(out, v);
      out = put(out, "[");
      out = type == Arg::kPtrOut ? put_addr(out, word) : put_num(out, word);
      return put(out, "]");
    }
    case Arg::kLoffIn: {
      int64_t offset;
      if (!v || !bytes || !load_at(*bytes, 0, &offset)) return put_addr(out, v);
      return put(put_num(put(out, "["), offset), "]");
    }
    case Arg::kCpuSetIn: {  // strace reads no more than its cpu_set_t of 128 bytes
      constexpr uint64_t kCpuSetMax = 128;
      uint64_t len = i > 0 ? static_cast<uint32_t>(e.args[i - 1]) : 0;
      if (!v) return put(out, "NULL");
      if (!len) return put(out, "[]");
      if (!bytes) return put_hex(out, v);
      out = put_cpu_set(out, *bytes);
      if (len <= kCpuSetMax) return out;
      out[-1] = ' ';
      return put(bytes->find_first_not_of('\0') == std::string_view::npos ? out - 1 : out,
                 "...]");
    }
    default:
      return nullptr;
  }
}

}  // namespace observer
