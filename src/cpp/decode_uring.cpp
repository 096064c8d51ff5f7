// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// io_uring_register's argument by its opcode, as strace 6.1 shows it (its io_uring.c): the
// fds, iovecs, restrictions and ring fds of the arrays it reads, the structs of resource
// registrations and updates with the arrays they point to, the probe the kernel fills, and
// the buffer ring's registration. The kernel side keeps them as uring_layouts says
// (capture_plan.cpp): struct uring_head, then the struct or array at the argument, then the
// arrays the struct points to.
#include <linux/io_uring.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstring>

#include "decode_fields.h"
#include "decode_printers.h"
#include "decode_structs.h"
#include "text.h"
#include "uapi_consts.h"

namespace observer {

namespace {

using namespace text;

// The elements strace shows of an array before "..." (its default -s).
constexpr uint64_t kShown = 32;

template <class T>
T at(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof(v));
  return v;
}

// A reserved field strace shows only when it is not zero: ", name=0x..".
char* put_resv(char* out, std::string_view name, uint64_t v) {
  if (!v) return out;
  return put_hex(put(put(put(out, ", "), name), "="), v);
}

// [0x1, 0, 0xffffffff] of n 32-bit words, or nothing when all are zero, as ", name=[...]".
char* put_resv_words(char* out, std::string_view name, const char* p, size_t n) {
  bool any = false;
  for (size_t k = 0; k < n; ++k) any |= at<uint32_t>(p + 4 * k) != 0;
  if (!any) return out;
  out = put(put(put(out, ", "), name), "=[");
  for (size_t k = 0; k < n; ++k) out = put_hex(k ? put(out, ", ") : out, at<uint32_t>(p + 4 * k));
  return put(out, "]");
}

// A constant strace writes in decimal when unknown (XLAT_STYLE_FMT_U): `47 /* IORING_OP_??? */`.
template <size_t N>
char* put_xval_u(char* out, uint64_t v, const Flag (&values)[N], std::string_view unknown) {
  return put_xlat_dec(out, static_cast<int64_t>(v), [&](char* o) {
    for (const Flag& f : values)
      if (f.value == v) return put(o, f.name);
    return put(put(put(put_num(o, v), " /* "), unknown), " */");
  });
}

char* put_fd_elem(char* out, const char* p) { return put_num(out, at<int32_t>(p)); }

// An fd to update with: IORING_REGISTER_FILES_SKIP below -1, else the fd.
char* put_update_fd(char* out, const char* p) {
  auto fd = at<int32_t>(p);
  if (fd >= -1) return put_num(out, fd);
  return put_xlat_dec(out, fd, [fd](char* o) {
    return put_enum_name(o, fd, uapi::k_uring_files_update_fds, "");
  });
}

char* put_iovec_elem(char* out, const char* p) {
  out = put_addr(put(out, "{iov_base="), at<uint64_t>(p));
  return put(put_num(put(out, ", iov_len="), at<uint64_t>(p + 8)), "}");
}

char* put_xint64_elem(char* out, const char* p) { return put_hex(out, at<uint64_t>(p)); }

char* put_restriction(char* out, const char* p) {
  struct io_uring_restriction r;
  std::memcpy(&r, p, sizeof(r));
  out = put_xval(put(out, "{opcode="), r.opcode, uapi::k_uring_restriction_opcodes,
                 "IORING_RESTRICTION_???");
  switch (r.opcode) {
    case IORING_RESTRICTION_REGISTER_OP:
      out = put_xval(put(out, ", register_op="), r.register_op, uapi::k_uring_register_opcodes,
                     "IORING_REGISTER_???");
      break;
    case IORING_RESTRICTION_SQE_OP:
      out = put_xval(put(out, ", sqe_op="), r.sqe_op, uapi::k_uring_ops, "IORING_OP_???");
      break;
    case IORING_RESTRICTION_SQE_FLAGS_ALLOWED:
    case IORING_RESTRICTION_SQE_FLAGS_REQUIRED:
      out = put_flag_set(put(out, ", sqe_flags="), r.sqe_flags, uapi::k_uring_sqe_flags,
                         "IOSQE_???");
      break;
    default:
      out = put(put_hex(put(out, " /* op: "), r.register_op), " */");
  }
  out = put_resv(out, "resv", r.resv);
  out = put_resv_words(out, "resv2", reinterpret_cast<const char*>(r.resv2), 3);
  return put(out, "}");
}

char* put_probe_op(char* out, const char* p) {
  struct io_uring_probe_op op;
  std::memcpy(&op, p, sizeof(op));
  out = put_xval_u(put(out, "{op="), op.op, uapi::k_uring_ops, "IORING_OP_???");
  out = put_resv(out, "resv", op.resv);
  out = put_flag_set(put(out, ", flags="), op.flags, uapi::k_uring_op_flags, "IO_URING_OP_???");
  out = put_resv(out, "resv2", op.resv2);
  return put(out, "}");
}

// The probe's struct and count of its ops (the whole of them was read); ", ..." after them
// when the kernel has more than the room given.
char* put_probe(char* out, std::string_view bytes, uint64_t count, bool more) {
  struct io_uring_probe probe;
  std::memcpy(&probe, bytes.data(), sizeof(probe));
  out = put_xval_u(put(out, "{last_op="), probe.last_op, uapi::k_uring_ops, "IORING_OP_???");
  out = put_num(put(out, ", ops_len="), probe.ops_len);
  out = put_resv(out, "resv", probe.resv);
  out = put_resv_words(out, "resv2", bytes.data() + offsetof(struct io_uring_probe, resv2), 3);
  out = put(out, ", ops=[");
  const char* ops = bytes.data() + sizeof(probe);
  for (uint64_t k = 0; k < count; ++k) {
    if (k) out = put(out, ", ");
    if (k >= kShown) {
      out = put(out, "...");
      more = false;
      break;
    }
    out = put_probe_op(out, ops + k * sizeof(struct io_uring_probe_op));
  }
  if (more) out = put(count ? put(out, ", ") : out, "...");
  return put(out, "]}");
}

char* put_ringfd_register(char* out, const char* p) {
  struct io_uring_rsrc_update u;
  std::memcpy(&u, p, sizeof(u));
  out = put(out, "{offset=");
  out = u.offset == UINT32_MAX ? put(out, "-1") : put_num(out, u.offset);
  out = put_resv(out, "resv", u.resv);
  return put(put_num(put(out, ", data="), static_cast<int32_t>(u.data)), "}");
}

char* put_ringfd_unregister(char* out, const char* p) {
  struct io_uring_rsrc_update u;
  std::memcpy(&u, p, sizeof(u));
  out = put_num(put(out, "{offset="), u.offset);
  out = put_resv(out, "resv", u.resv);
  return put(put_resv(out, "data", u.data), "}");
}

// [[IO_WQ_BOUND]=4, [IO_WQ_UNBOUND]=8]: the io-wq's two kinds of workers are the kernel's
// own enum (io_uring/io-wq.h), in no uapi header.
char* put_iowq_max(char* out, uint64_t addr, uint64_t count, std::string_view kept) {
  uint64_t index = 0;
  return put_array(out, addr, count, sizeof(uint32_t), kept, [&](char* o, const char* p) {
    o = put(o, "[");
    if (index == 0 || index == 1)
      o = put_xlat_dec(o, static_cast<int64_t>(index), [&](char* n) {
        return put(n, index == 0 ? "IO_WQ_BOUND" : "IO_WQ_UNBOUND");
      });
    else
      o = put(put_num(o, index), " /* IO_WQ_??? */");
    ++index;
    return put_num(put(o, "]="), at<uint32_t>(p));
  });
}

// The bytes of the CPU mask strace reads: no more than the kernel's mask (what
// sched_getaffinity(2) returns, as strace asks it).
size_t cpuset_size() {
  static const size_t size = [] {
    unsigned long mask[128] = {};
    long n = syscall(SYS_sched_getaffinity, 0, sizeof(mask), mask);
    return n > 0 ? static_cast<size_t>(n) : sizeof(unsigned long);
  }();
  return size;
}

// The bytes after a struct of size bytes up to len (at most a page): nothing when zero,
// ", ???" when unreadable, else ", /* bytes 32..39 */ \"\\x..\"".
char* put_tail(char* out, std::string_view bytes, size_t size, uint64_t len) {
  if (len <= size) return out;
  uint64_t end = len < 4096 ? len : 4096;
  if (bytes.size() <= size) return put(out, ", ???");
  std::string_view rest = bytes.substr(size);
  if (rest.find_first_not_of('\0') == std::string_view::npos) return out;
  out = put_num(put(out, ", /* bytes "), size);
  out = put(put_num(put(out, ".."), end - 1), " */ ");
  return put_hex_quoted(out, rest.substr(0, kShown), rest.size() > kShown || end > bytes.size());
}

// The parts of a blob: the struct or array at the argument, and the two arrays after it.
struct UringParts {
  std::string_view main, first, second;
};

bool split(std::string_view blob, UringParts* parts) {
  struct uring_head head;
  if (blob.size() < sizeof(head)) return false;
  std::memcpy(&head, blob.data(), sizeof(head));
  uint64_t need = sizeof(head) + uint64_t{head.len[0]} + head.len[1] + head.len[2];
  if (need > blob.size()) return false;
  parts->main = blob.substr(sizeof(head), head.len[0]);
  parts->first = blob.substr(sizeof(head) + head.len[0], head.len[1]);
  parts->second = blob.substr(sizeof(head) + head.len[0] + head.len[1], head.len[2]);
  return true;
}

// A resource's data (fds or iovecs by opcode) and tags: ", data=[...], tags=[...]".
char* put_rsrc_arrays(char* out, uint32_t op, uint64_t data, uint64_t tags, uint32_t nr,
                      const UringParts& parts) {
  out = put(out, ", data=");
  if (op == IORING_REGISTER_FILES2)
    out = put_array(out, data, nr, 4, parts.first, put_fd_elem);
  else if (op == IORING_REGISTER_FILES_UPDATE2)
    out = put_array(out, data, nr, 4, parts.first, put_update_fd);
  else
    out = put_array(out, data, nr, 16, parts.first, put_iovec_elem);
  out = put(out, ", tags=");
  return put_array(out, tags, nr, 8, parts.second, put_xint64_elem);
}

// The argument at the call's entry, from the blob read then; nullptr where strace shows the
// address.
char* put_uring_arg(char* out, uint32_t op, uint64_t addr, uint64_t nargs,
                    const UringParts& p) {
  switch (op) {
    case IORING_REGISTER_BUFFERS:
      return put_array(out, addr, nargs, 16, p.main, put_iovec_elem);
    case IORING_REGISTER_FILES:
    case IORING_REGISTER_EVENTFD:
    case IORING_REGISTER_EVENTFD_ASYNC:
      return put_array(out, addr, nargs, 4, p.main, put_fd_elem);
    case IORING_REGISTER_FILES_UPDATE: {
      struct io_uring_files_update u;
      if (p.main.size() < sizeof(u)) return nullptr;
      std::memcpy(&u, p.main.data(), sizeof(u));
      out = put_num(put(out, "{offset="), u.offset);
      out = put_resv(out, "resv", u.resv);
      out = put(out, ", fds=");
      return put(put_array(out, u.fds, nargs, 4, p.first, put_update_fd), "}");
    }
    case IORING_REGISTER_RESTRICTIONS:
      return put_array(out, addr, nargs, 16, p.main, put_restriction);
    case IORING_REGISTER_FILES2:
    case IORING_REGISTER_BUFFERS2: {
      struct io_uring_rsrc_register r;
      if (nargs < sizeof(r) || p.main.size() < sizeof(r)) return nullptr;
      std::memcpy(&r, p.main.data(), sizeof(r));
      out = put_num(put(out, "{nr="), r.nr);
      out = put_flags(put(out, ", flags="), r.flags, uapi::k_uring_register_rsrc_flags, "0",
                      "IORING_RSRC_REGISTER_???");
      out = put_resv(out, "resv2", r.resv2);
      out = put_rsrc_arrays(out, op, r.data, r.tags, r.nr, p);
      return put(put_tail(out, p.main, sizeof(r), nargs), "}");
    }
    case IORING_REGISTER_FILES_UPDATE2:
    case IORING_REGISTER_BUFFERS_UPDATE: {
      struct io_uring_rsrc_update2 u;
      if (nargs < sizeof(u) || p.main.size() < sizeof(u)) return nullptr;
      std::memcpy(&u, p.main.data(), sizeof(u));
      out = put_num(put(out, "{offset="), u.offset);
      out = put_resv(out, "resv", u.resv);
      out = put_rsrc_arrays(out, op, u.data, u.tags, u.nr, p);
      out = put_num(put(out, ", nr="), u.nr);
      out = put_resv(out, "resv2", u.resv2);
      return put(put_tail(out, p.main, sizeof(u), nargs), "}");
    }
    case IORING_REGISTER_IOWQ_AFF: {
      if (!addr) return put(out, "NULL");
      if (!nargs) return put(out, "[]");
      size_t want = nargs < cpuset_size() ? nargs : cpuset_size();
      if (p.main.size() < want) return nullptr;
      return put_cpu_set(out, p.main.substr(0, want));
    }
    case IORING_REGISTER_IOWQ_MAX_WORKERS:
      return put_iowq_max(out, addr, nargs, p.main);
    case IORING_REGISTER_RING_FDS:
      return put_array(out, addr, nargs, 16, p.main, put_ringfd_register);
    case IORING_UNREGISTER_RING_FDS:
      return put_array(out, addr, nargs, 16, p.main, put_ringfd_unregister);
    case IORING_REGISTER_PBUF_RING:
    case IORING_UNREGISTER_PBUF_RING: {
      struct io_uring_buf_reg r;
      if (p.main.size() < sizeof(r)) return nullptr;
      std::memcpy(&r, p.main.data(), sizeof(r));
      out = put_addr(put(out, "{ring_addr="), r.ring_addr);
      out = put_num(put(out, ", ring_entries="), r.ring_entries);
      out = put_num(put(out, ", bgid="), r.bgid);
      out = put_resv(out, "pad", r.pad);
      bool resv = r.resv[0] || r.resv[1] || r.resv[2];
      if (resv) {
        out = put(out, ", resv=[");
        for (int k = 0; k < 3; ++k) out = put_hex(k ? put(out, ", ") : out, r.resv[k]);
        out = put(out, "]");
      }
      return put(out, "}");
    }
    default:
      return nullptr;
  }
}

bool all_zero(std::string_view bytes) {
  return bytes.find_first_not_of('\0') == std::string_view::npos;
}

// The rings' offsets: {head=0, tail=4, ...} and the reserved words that are not zero.
using SqOffsets = io_sqring_offsets;
using CqOffsets = io_cqring_offsets;
constexpr fields::Field kSqOffsets[] = {
    {OBS_FIELD(SqOffsets, head)},      {OBS_FIELD(SqOffsets, tail)},
    {OBS_FIELD(SqOffsets, ring_mask)}, {OBS_FIELD(SqOffsets, ring_entries)},
    {OBS_FIELD(SqOffsets, flags)},     {OBS_FIELD(SqOffsets, dropped)},
    {OBS_FIELD(SqOffsets, array)},
    {OBS_FIELD(SqOffsets, resv1), fields::hex, fields::When::kNonZero},
    {OBS_FIELD(SqOffsets, resv2), fields::hex, fields::When::kNonZero}};
constexpr fields::Field kCqOffsets[] = {
    {OBS_FIELD(CqOffsets, head)},      {OBS_FIELD(CqOffsets, tail)},
    {OBS_FIELD(CqOffsets, ring_mask)}, {OBS_FIELD(CqOffsets, ring_entries)},
    {OBS_FIELD(CqOffsets, overflow)},  {OBS_FIELD(CqOffsets, cqes)},
    {OBS_FIELD(CqOffsets, flags)},
    {OBS_FIELD(CqOffsets, resv1), fields::hex, fields::When::kNonZero},
    {OBS_FIELD(CqOffsets, resv2), fields::hex, fields::When::kNonZero}};

}  // namespace

char* put_uring_params(char* out, const Event& e, const Strings& items, unsigned i) noexcept {
  uint64_t addr = e.args[i];
  bool cut = false;
  const std::string_view* given = addr ? items.find_blob(i, &cut) : nullptr;
  struct io_uring_params p;
  if (!given || given->size() != sizeof(p)) return put_addr(out, addr);
  std::memcpy(&p, given->data(), sizeof(p));
  out = put_flags(put(out, "{flags="), p.flags, uapi::k_uring_setup_flags, "0",
                  "IORING_SETUP_???");
  out = put_hex(put(out, ", sq_thread_cpu="), p.sq_thread_cpu);
  out = put_num(put(out, ", sq_thread_idle="), p.sq_thread_idle);
  if (p.flags & IORING_SETUP_ATTACH_WQ) out = put_num(put(out, ", wq_fd="), static_cast<int32_t>(p.wq_fd));
  out = put_resv_words(out, "resv", reinterpret_cast<const char*>(p.resv), 3);
  const std::string_view* filled = items.find_exit_blob(i);
  if ((e.flags & EVENT_HAS_RET) && !is_error(e.ret) && filled && filled->size() == sizeof(p)) {
    std::memcpy(&p, filled->data(), sizeof(p));
    out = put_num(put(out, ", sq_entries="), p.sq_entries);
    out = put_num(put(out, ", cq_entries="), p.cq_entries);
    out = put_flags(put(out, ", features="), p.features, uapi::k_uring_setup_features, "0",
                    "IORING_FEAT_???");
    out = fields::put_fields(put(out, ", sq_off="), p.sq_off, kSqOffsets);
    out = fields::put_fields(put(out, ", cq_off="), p.cq_off, kCqOffsets);
  }
  return put(out, "}");
}

char* put_uring_register_call(char* out, const Event& e, const Strings& items) noexcept {
  const __u64* a = e.args;
  auto op = static_cast<uint32_t>(a[1]);
  uint64_t addr = a[2];
  auto nargs = static_cast<uint32_t>(a[3]);
  out = put_arg(out, Arg::kFd, a[0], items, 0, a);
  out = put_mux_arg(put(out, ", "), Arg::kUringRegisterOp, op);
  out = put(out, ", ");
  bool cut = false;
  const std::string_view* entry = addr ? items.find_blob(2, &cut) : nullptr;
  const std::string_view* exit = addr ? items.find_exit_blob(2) : nullptr;
  bool returned = (e.flags & EVENT_HAS_RET) && !is_error(e.ret);
  UringParts parts;
  if (op == IORING_REGISTER_PROBE) {
    // Shown at entry unless all zeros, as strace does, then as the kernel filled it.
    constexpr size_t kHead = sizeof(struct io_uring_probe);
    constexpr size_t kOp = sizeof(struct io_uring_probe_op);
    bool shown = false;
    if (nargs <= 256 && entry && split(*entry, &parts) && parts.main.size() >= kHead &&
        !all_zero(parts.main)) {
      out = put_probe(out, parts.main, nargs, false);
      shown = true;
    }
    UringParts filled;
    if (nargs <= 256 && returned && exit && split(*exit, &filled) && filled.main.size() >= kHead) {
      struct io_uring_probe probe;
      std::memcpy(&probe, filled.main.data(), sizeof(probe));
      uint64_t count = probe.ops_len < nargs ? probe.ops_len : nargs;
      if ((filled.main.size() - kHead) / kOp >= count) {
        if (shown) out = put(out, " => ");
        out = put_probe(out, filled.main, count, nargs < probe.ops_len);
        shown = true;
      }
    }
    if (!shown) out = put_addr(out, addr);
    return put_num(put(out, ", "), nargs);
  }
  char* end = entry && split(*entry, &parts) ? put_uring_arg(out, op, addr, nargs, parts) : nullptr;
  if (!end) {
    // Nothing read: NULL, or the address; an empty array as strace's "[]".
    bool array = op == IORING_REGISTER_BUFFERS || op == IORING_REGISTER_FILES ||
                 op == IORING_REGISTER_EVENTFD || op == IORING_REGISTER_EVENTFD_ASYNC ||
                 op == IORING_REGISTER_RESTRICTIONS || op == IORING_REGISTER_IOWQ_AFF ||
                 op == IORING_REGISTER_IOWQ_MAX_WORKERS || op == IORING_REGISTER_RING_FDS ||
                 op == IORING_UNREGISTER_RING_FDS;
    end = array && addr && !nargs ? put(out, "[]") : put_addr(out, addr);
  } else if (op == IORING_REGISTER_IOWQ_MAX_WORKERS && nargs && addr &&
             parts.main.size() >= uint64_t{nargs} * 4) {
    // The limits it set, and the ones it returned in their place (the address where it
    // failed, as strace reads nothing then).
    UringParts filled;
    out = put(end, " => ");
    end = returned && exit && split(*exit, &filled) ? put_iowq_max(out, addr, nargs, filled.main)
                                                    : put_addr(out, addr);
  }
  return put_num(put(end, ", "), nargs);
}

}  // namespace observer
