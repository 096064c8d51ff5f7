// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The AIO calls' structs as strace 6.1 shows them (its aio.c): io_submit's array of
// pointers to struct iocb, each with what its buffer holds (a write's data, a vector's
// iovec), io_cancel's iocb and the event it filled, io_getevents' events.
#include <linux/aio_abi.h>

#include <cstring>

#include "decode_io.h"
#include "decode_printers.h"
#include "decode_structs.h"
#include "uapi_consts.h"

namespace observer {

namespace {

using namespace text;

static_assert(sizeof(struct iocb) == IOCB_SIZE && sizeof(struct io_event) == 32,
              "the structs of linux/aio_abi.h the kernel side reads");

// An opcode by name; an unknown one in decimal and a comment (strace's XLAT_STYLE_FMT_U).
char* put_opcode(char* out, uint16_t op) {
  return put_xlat_dec(out, op, [op](char* o) {
    for (const Flag& f : uapi::k_aio_cmds)
      if (f.value == op) return put(o, f.name);
    return put(put_num(o, op), " /* IOCB_CMD_??? */");
  });
}

// strace's print_iocb_header: the fields of every opcode.
char* put_iocb_head(char* out, const struct iocb& cb) {
  out = put_hex(put(out, "aio_data="), cb.aio_data);
  if (cb.aio_key) out = put_num(put(out, ", aio_key="), cb.aio_key);
  if (cb.aio_rw_flags)
    out = put_process_arg(put(out, ", aio_rw_flags="), Arg::kRwfFlags, cb.aio_rw_flags);
  out = put_opcode(put(out, ", aio_lio_opcode="), cb.aio_lio_opcode);
  if (cb.aio_flags & IOCB_FLAG_IOPRIO)
    out = put_ioprio_value(put(out, ", aio_reqprio="), static_cast<uint16_t>(cb.aio_reqprio));
  else if (cb.aio_reqprio)
    out = put_num(put(out, ", aio_reqprio="), cb.aio_reqprio);
  return put_num(put(out, ", aio_fildes="), static_cast<int32_t>(cb.aio_fildes));
}

// The flags and the eventfd to signal, when there are any (print_common_flags).
char* put_iocb_flags(char* out, const struct iocb& cb) {
  if (cb.aio_flags)
    out = put_flag_set(put(out, ", aio_flags="), cb.aio_flags, uapi::k_aio_iocb_flags,
                       "IOCB_FLAG_???");
  if (cb.aio_flags & IOCB_FLAG_RESFD)
    return put_num(put(out, ", aio_resfd="), static_cast<int32_t>(cb.aio_resfd));
  if (cb.aio_resfd) return put_hex(put(out, ", aio_resfd="), cb.aio_resfd);
  return out;
}

// A whole struct iocb (print_iocb), data its buffer's bytes as the kernel side kept them
// (struct iocb_item's read and size).
char* put_iocb(char* out, const struct iocb& cb, std::string_view data, uint32_t read) {
  out = put_iocb_head(put(out, "{"), cb);
  // A length a ssize_t takes (iocb_is_valid: the buffer's and the length's widths are the
  // kernel's on a 64-bit ABI).
  bool valid = static_cast<int64_t>(cb.aio_nbytes) >= 0;
  const std::string_view* kept = (read & IOCB_DATA_UNREAD) ? nullptr : &data;
  switch (cb.aio_lio_opcode) {
    case IOCB_CMD_PREAD:
    case IOCB_CMD_PWRITE:
      out = put(out, ", aio_buf=");
      out = cb.aio_lio_opcode == IOCB_CMD_PWRITE && valid
                ? put_counted_read(out, cb.aio_buf, kept, cb.aio_nbytes, Counted::kPlain)
                : put_hex(out, cb.aio_buf);
      out = put_num(put(out, ", aio_nbytes="), cb.aio_nbytes);
      out = put_num(put(out, ", aio_offset="), cb.aio_offset);
      return put(put_iocb_flags(out, cb), "}");
    case IOCB_CMD_PREADV:
    case IOCB_CMD_PWRITEV:
      if (valid) {
        out = put(out, ", aio_buf=");
        out = cb.aio_buf ? put_iovec_blob(out, data, cb.aio_lio_opcode == IOCB_CMD_PWRITEV,
                                          cb.aio_buf)
                         : put(out, "NULL");
      } else {
        out = put_hex(put(out, ", aio_buf="), cb.aio_buf);
        out = put_num(put(out, ", aio_nbytes="), cb.aio_nbytes);
      }
      out = put_num(put(out, ", aio_offset="), cb.aio_offset);
      return put(put_iocb_flags(out, cb), "}");
    case IOCB_CMD_POLL:
      out = put_flag_set(put(out, ", aio_buf="), cb.aio_buf, uapi::k_poll_events, "POLL???");
      return put(put_iocb_flags(out, cb), "}");
    default:
      return put(out, "}");
  }
}

// io_submit's array of nr pointers at addr (print_array of print_iocbp), from its
// ELEM_IOCBS blob: NULL, [], its address when no pointer could be read or the array wraps
// around, each element's struct or, unreadable, its address; "..." after 32 of them, and
// "... /* address */" where the readable pointers end.
char* put_iocbs(char* out, uint64_t addr, int64_t nr, const std::string_view* blob) {
  constexpr uint64_t kShown = 32;
  if (!addr) return put(out, "NULL");
  if (nr < 0) return put_hex(out, addr);
  if (nr == 0) return put(out, "[]");
  auto count = static_cast<uint64_t>(nr);
  iocbs_head head;
  if (count > UINT64_MAX / 8 || addr + count * 8 <= addr || !blob || !load_at(*blob, 0, &head) ||
      head.kept == 0)
    return put_hex(out, addr);
  size_t at = sizeof(head);
  *out++ = '[';
  for (uint64_t k = 0; k < count; ++k) {
    if (k) out = put(out, ", ");
    iocb_item item;
    if (k >= head.kept || !load_at(*blob, at, &item)) {
      out = head.unread ? put(put_hex(put(out, "... /* "), addr + k * 8), " */") : put(out, "...");
      break;
    }
    if (k >= kShown) {
      out = put(out, "...");
      break;
    }
    at += sizeof(item);
    struct iocb cb;
    if (!(item.read & IOCB_READ) || !load_at(*blob, at, &cb)) {
      out = put_addr(out, item.ptr);
      continue;
    }
    at += sizeof(cb);
    std::string_view data = blob->substr(std::min(at, blob->size()), item.size);
    out = put_iocb(out, cb, data, item.read);
    at += item.size;
  }
  return put(out, "]");
}

char* put_io_event(char* out, const char* bytes) {
  struct io_event ev;
  std::memcpy(&ev, bytes, sizeof(ev));
  out = put_hex(put(out, "{data="), ev.data);
  out = put_hex(put(out, ", obj="), ev.obj);
  out = put_num(put(out, ", res="), ev.res);
  return put(put_num(put(out, ", res2="), ev.res2), "}");
}

}  // namespace

char* put_aio_arg(char* out, Arg type, const Event& e, const Strings& items,
                  unsigned i) noexcept {
  uint64_t v = e.args[i];
  bool cut = false;
  const std::string_view* blob = items.find_blob(i, &cut);
  bool failed = !(e.flags & EVENT_HAS_RET) || is_error(e.ret);
  switch (type) {
    case Arg::kIocbs:
      return i > 0 ? put_iocbs(out, v, static_cast<int64_t>(e.args[i - 1]), blob) : nullptr;
    case Arg::kIocbIn: {
      struct iocb cb;
      if (!v || !blob || !load_at(*blob, 0, &cb)) return put_addr(out, v);
      return put(put_iocb_head(put(out, "{"), cb), "}");
    }
    case Arg::kIoEventOut:
      if (failed || !v || !blob || blob->size() < sizeof(struct io_event)) return put_addr(out, v);
      return put_io_event(out, blob->data());
    case Arg::kIoEvents:
      if (failed || !blob) return put_addr(out, v);
      return put_array(out, v, static_cast<uint64_t>(e.ret), sizeof(struct io_event), *blob,
                       put_io_event);
    default:
      return nullptr;
  }
}

}  // namespace observer
