// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// bpf(2)'s union bpf_attr as strace 6.1 shows it for a command (its bpf.c): the fields each
// command reads, as far as the size argument reaches, and ", ..." when bytes past them are
// not zero. Decoded here: the map commands and their batches, attach, detach and query, the
// id lookups, BPF_PROG_LOAD (its license and log buffer as strings), BPF_OBJ_PIN and
// BPF_OBJ_GET (the path), BPF_OBJ_GET_INFO_BY_FD, BPF_BTF_LOAD, BPF_TASK_FD_QUERY,
// BPF_RAW_TRACEPOINT_OPEN, BPF_PROG_TEST_RUN, BPF_LINK_CREATE and BPF_LINK_UPDATE; the
// others show the address still. What the kernel writes back is shown where the record holds
// it (next_id, info_len); elsewhere the fields as the call was given them, which a failed
// call leaves alone, and the buffers they point to as addresses.
#include <linux/bpf.h>

#include <cstring>

#include "decode_printers.h"
#include "decode_structs.h"
#include "text.h"
#include "uapi_consts.h"

namespace observer {

namespace {

using namespace text;

// strace reads the attr whole up to a page.
constexpr uint64_t kAttrMax = 4096;

// The fields of one command, written while the size reaches them.
class Attr {
 public:
  Attr(char* out, std::string_view bytes) : out_(out), bytes_(bytes) {}

  // Whether the field at offset is within the size given (strace stops at the first one
  // that is not).
  bool has(size_t offset) const { return offset < bytes_.size(); }

  template <class T>
  T get(size_t offset) const {
    T v{};
    if (offset < bytes_.size())
      std::memcpy(&v, bytes_.data() + offset, std::min(sizeof(T), bytes_.size() - offset));
    return v;
  }

  // Opens a struct inside the attr, "name={", whose fields follow.
  void open(std::string_view field) {
    out_ = put(name(field), "{");
    first_ = true;
    inner_ = true;
  }
  void close() {
    out_ = put(out_, "}");
    inner_ = false;
  }

  char* name(std::string_view field) {
    out_ = put(out_, first_ ? (inner_ ? "" : "{") : ", ");
    first_ = false;
    return put(put(out_, field), "=");
  }
  void u32(std::string_view field, size_t offset) {
    out_ = put_num(name(field), get<uint32_t>(offset));
  }
  void fd(std::string_view field, size_t offset) {
    out_ = put_num(name(field), get<int32_t>(offset));
  }
  void addr(std::string_view field, size_t offset) {
    auto v = get<uint64_t>(offset);
    out_ = v ? put_hex(name(field), v) : put(name(field), "NULL");
  }
  template <size_t N>
  void xval(std::string_view field, size_t offset, const Flag (&values)[N],
            std::string_view unknown) {
    out_ = put_xval(name(field), get<uint32_t>(offset), values, unknown);
  }
  template <size_t N>
  void flags(std::string_view field, size_t offset, const Flag (&values)[N],
             std::string_view unknown) {
    out_ = put_flag_set(name(field), get<uint32_t>(offset), values, unknown);
  }
  // A NUL-terminated name of at most n bytes: "name", or its n - 1 bytes and "..." when no
  // NUL ends it there.
  void cstring(std::string_view field, size_t offset, size_t n) {
    std::string_view s = bytes_.substr(offset, n);
    char* o = name(field);
    size_t nul = s.find('\0');
    out_ = nul != std::string_view::npos
               ? put_quoted(o, s.substr(0, nul), false)
               : put_quoted(o, s.substr(0, s.empty() ? 0 : s.size() - 1), true);
  }
  // ", ..." when bytes past the command's struct (of size bytes) are not zero; then "}".
  char* end(size_t size) {
    if (bytes_.size() > size &&
        bytes_.substr(size).find_first_not_of('\0') != std::string_view::npos)
      out_ = put(out_, ", ...");
    return put(out_, first_ ? "{}" : "}");
  }
  char* out() const { return out_; }
  void set_out(char* out) { out_ = out; }

 private:
  char* out_;
  std::string_view bytes_;
  bool first_ = true;
  bool inner_ = false;
};

#define OFF(field) offsetof(union bpf_attr, field)

char* put_map_create(Attr& a) {
  a.xval("map_type", OFF(map_type), uapi::k_bpf_map_types, "BPF_MAP_TYPE_???");
  a.u32("key_size", OFF(key_size));
  a.u32("value_size", OFF(value_size));
  a.u32("max_entries", OFF(max_entries));
  constexpr size_t kSize = OFF(map_extra) + sizeof(__u64);
  if (!a.has(OFF(map_flags))) return a.end(kSize);
  a.flags("map_flags", OFF(map_flags), uapi::k_bpf_map_flags, "BPF_F_???");
  if (!a.has(OFF(inner_map_fd))) return a.end(kSize);
  a.fd("inner_map_fd", OFF(inner_map_fd));
  if (!a.has(OFF(numa_node))) return a.end(kSize);
  if (a.get<uint32_t>(OFF(map_flags)) & BPF_F_NUMA_NODE) {
    // NUMA_NO_NODE (-1) is the kernel's own (include/linux/numa.h), in no uapi header.
    // strace writes the number, and its name but with -X raw.
    auto node = a.get<uint32_t>(OFF(numa_node));
    char* o = put_num(a.name("numa_node"), node);
    bool named = node == UINT32_MAX && display().xlat != Xlat::kRaw;
    a.set_out(named ? put(o, " /* NUMA_NO_NODE */") : o);
  }
  if (!a.has(OFF(map_name))) return a.end(kSize);
  a.cstring("map_name", OFF(map_name), BPF_OBJ_NAME_LEN);
  if (!a.has(OFF(map_ifindex))) return a.end(kSize);
  auto ifindex = a.get<uint32_t>(OFF(map_ifindex));
  a.set_out(put_ifindex(a.name("map_ifindex"), ifindex));
  if (!a.has(OFF(btf_fd))) return a.end(kSize);
  a.fd("btf_fd", OFF(btf_fd));
  a.u32("btf_key_type_id", OFF(btf_key_type_id));
  a.u32("btf_value_type_id", OFF(btf_value_type_id));
  if (!a.has(OFF(btf_vmlinux_value_type_id))) return a.end(kSize);
  a.u32("btf_vmlinux_value_type_id", OFF(btf_vmlinux_value_type_id));
  if (!a.has(OFF(map_extra))) return a.end(kSize);
  a.set_out(put_num(a.name("map_extra"), a.get<uint64_t>(OFF(map_extra))));
  return a.end(kSize);
}

// BPF_MAP_LOOKUP_ELEM and friends: the map, its key, and what each reads besides.
// A map element's flags: zero by its name, BPF_ANY, as strace's flags show a table's zero.
void elem_flags(Attr& a, std::string_view field, size_t offset) {
  if (a.get<uint32_t>(offset) == 0)
    a.xval(field, offset, uapi::k_bpf_map_lookup_elem_flags, "BPF_???");
  else
    a.flags(field, offset, uapi::k_bpf_map_lookup_elem_flags, "BPF_???");
}

char* put_map_elem(Attr& a, uint32_t cmd) {
  a.fd("map_fd", OFF(map_fd));
  if (cmd == BPF_MAP_FREEZE) return a.end(sizeof(__u32));
  a.addr("key", OFF(key));
  if (cmd == BPF_MAP_DELETE_ELEM) return a.end(OFF(value));
  a.addr(cmd == BPF_MAP_GET_NEXT_KEY ? "next_key" : "value", OFF(value));
  if (cmd == BPF_MAP_GET_NEXT_KEY) return a.end(OFF(flags));
  constexpr size_t kSize = OFF(flags) + sizeof(__u64);
  if (cmd == BPF_MAP_UPDATE_ELEM) {
    a.xval("flags", OFF(flags), uapi::k_bpf_map_update_elem_flags, "BPF_???");
    return a.end(kSize);
  }
  if (!a.has(OFF(flags))) return a.end(kSize);
  elem_flags(a, "flags", OFF(flags));
  return a.end(kSize);
}

// An array the attr points to: NULL, [] or its address (its elements are not read).
void array_addr(Attr& a, std::string_view field, size_t offset, uint32_t count) {
  auto v = a.get<uint64_t>(offset);
  char* o = a.name(field);
  a.set_out(!v ? put(o, "NULL") : !count ? put(o, "[]") : put_hex(o, v));
}

// BPF_MAP_LOOKUP_BATCH and the other batches: {batch={...}} of the fields each reads.
char* put_map_batch(Attr& a, uint32_t cmd) {
  bool lookup = cmd == BPF_MAP_LOOKUP_BATCH || cmd == BPF_MAP_LOOKUP_AND_DELETE_BATCH;
  a.open("batch");
  if (lookup) {
    a.addr("in_batch", OFF(batch.in_batch));
    a.addr("out_batch", OFF(batch.out_batch));
  }
  a.addr("keys", OFF(batch.keys));
  if (cmd != BPF_MAP_DELETE_BATCH) a.addr("values", OFF(batch.values));
  a.u32("count", OFF(batch.count));
  a.fd("map_fd", OFF(batch.map_fd));
  elem_flags(a, "elem_flags", OFF(batch.elem_flags));
  a.set_out(put_hex(a.name("flags"), a.get<uint64_t>(OFF(batch.flags))));
  a.close();
  return a.end(OFF(batch.flags) + sizeof(__u64));
}

// " => N" where the kernel rewrote the u32 at offset (after: the attr's head at the exit); a
// field past the size given reads as zero, then as now, as strace reads it.
void changed(Attr& a, const std::string_view* after, size_t offset) {
  uint32_t now;
  if (!a.has(offset + sizeof(now) - 1) || !after || after->size() < offset + sizeof(now)) return;
  std::memcpy(&now, after->data() + offset, sizeof(now));
  if (now != a.get<uint32_t>(offset)) a.set_out(put_num(put(a.out(), " => "), now));
}

// BPF_OBJ_GET_INFO_BY_FD: {info={bpf_fd=..., info_len=... => what the kernel filled,
// info=...}}; the info struct shows as its address.
char* put_obj_info(Attr& a, const std::string_view* after) {
  a.open("info");
  a.fd("bpf_fd", OFF(info.bpf_fd));
  a.u32("info_len", OFF(info.info_len));
  changed(a, after, OFF(info.info_len));
  a.addr("info", OFF(info.info));
  a.close();
  return a.end(OFF(info.info) + sizeof(__u64));
}

// BPF_PROG_QUERY: {query={...}} as strace 6.1 knows it, up to prog_cnt.
char* put_prog_query(Attr& a) {
  a.open("query");
  a.fd("target_fd", OFF(query.target_fd));
  a.xval("attach_type", OFF(query.attach_type), uapi::k_bpf_attach_type, "BPF_???");
  a.flags("query_flags", OFF(query.query_flags), uapi::k_bpf_query_flags, "BPF_F_QUERY_???");
  a.flags("attach_flags", OFF(query.attach_flags), uapi::k_bpf_attach_flags, "BPF_F_???");
  array_addr(a, "prog_ids", OFF(query.prog_ids), a.get<uint32_t>(OFF(query.prog_cnt)));
  a.u32("prog_cnt", OFF(query.prog_cnt));
  a.close();
  return a.end(OFF(query.prog_cnt) + sizeof(__u32));
}

// BPF_BTF_LOAD: the BTF data shows as its address (strace shows its bytes).
char* put_btf_load(Attr& a) {
  a.addr("btf", OFF(btf));
  a.addr("btf_log_buf", OFF(btf_log_buf));
  a.u32("btf_size", OFF(btf_size));
  a.u32("btf_log_size", OFF(btf_log_size));
  a.u32("btf_log_level", OFF(btf_log_level));
  return a.end(OFF(btf_log_level) + sizeof(__u32));
}

// BPF_TASK_FD_QUERY: {task_fd_query={pid=..., ...}}; the name buffer shows as its address.
char* put_task_fd_query(Attr& a) {
  a.open("task_fd_query");
  a.u32("pid", OFF(task_fd_query.pid));
  a.fd("fd", OFF(task_fd_query.fd));
  a.u32("flags", OFF(task_fd_query.flags));
  a.u32("buf_len", OFF(task_fd_query.buf_len));
  a.addr("buf", OFF(task_fd_query.buf));
  a.u32("prog_id", OFF(task_fd_query.prog_id));
  a.xval("fd_type", OFF(task_fd_query.fd_type), uapi::k_bpf_task_fd_type, "BPF_FD_TYPE_???");
  a.set_out(put_hex(a.name("probe_offset"), a.get<uint64_t>(OFF(task_fd_query.probe_offset))));
  a.set_out(put_hex(a.name("probe_addr"), a.get<uint64_t>(OFF(task_fd_query.probe_addr))));
  a.close();
  return a.end(OFF(task_fd_query.probe_addr) + sizeof(__u64));
}

char* put_attach(Attr& a, uint32_t cmd) {
  a.fd("target_fd", OFF(target_fd));
  if (cmd == BPF_PROG_ATTACH) a.fd("attach_bpf_fd", OFF(attach_bpf_fd));
  a.xval("attach_type", OFF(attach_type), uapi::k_bpf_attach_type, "BPF_???");
  if (cmd == BPF_PROG_DETACH) return a.end(OFF(attach_flags));
  a.flags("attach_flags", OFF(attach_flags), uapi::k_bpf_attach_flags, "BPF_F_???");
  constexpr size_t kSize = OFF(replace_bpf_fd) + sizeof(__u32);
  if (!a.has(OFF(replace_bpf_fd))) return a.end(kSize);
  a.fd("replace_bpf_fd", OFF(replace_bpf_fd));
  return a.end(kSize);
}

// The id lookups: {start_id=1, next_id=0} and what the call wrote to next_id (" => 5").
char* put_ids(Attr& a, uint32_t cmd, const std::string_view* after) {
  constexpr size_t kSize = OFF(open_flags) + sizeof(__u32);
  switch (cmd) {
    case BPF_BTF_GET_FD_BY_ID:
      a.u32("btf_id", OFF(btf_id));
      return a.end(sizeof(__u32));
    case BPF_LINK_GET_FD_BY_ID:
      a.u32("link_id", OFF(link_id));
      return a.end(sizeof(__u32));
    case BPF_PROG_GET_FD_BY_ID:
      a.u32("prog_id", OFF(prog_id));
      break;
    case BPF_MAP_GET_FD_BY_ID:
      a.u32("map_id", OFF(map_id));
      break;
    default:
      a.u32("start_id", OFF(start_id));
  }
  a.u32("next_id", OFF(next_id));
  bool next = cmd != BPF_PROG_GET_FD_BY_ID && cmd != BPF_MAP_GET_FD_BY_ID;
  if (next) changed(a, after, OFF(next_id));
  if (!a.has(OFF(open_flags))) return a.end(kSize);
  a.flags("open_flags", OFF(open_flags), uapi::k_bpf_file_mode_flags, "BPF_F_???");
  return a.end(kSize);
}

// The strings the attr points to (ELEM_BPF_STRINGS): k-th, or nullptr where it was not read.
struct Pointed {
  std::string_view text[2];
  bool read[2] = {false, false};
};

Pointed pointed_strings(const std::string_view* blob) {
  Pointed p;
  if (!blob) return p;
  size_t at = 0;
  for (int k = 0; k < 2 && at + sizeof(uint32_t) <= blob->size(); ++k) {
    uint32_t len;
    std::memcpy(&len, blob->data() + at, sizeof(len));
    at += sizeof(len);
    if (len == BPF_STRING_UNREAD) continue;
    if (at + len > blob->size()) break;
    p.text[k] = blob->substr(at, len);
    p.read[k] = true;
    at += len;
  }
  return p;
}

// strace's printstr of a pointer in the attr: NULL, the address where unreadable, else the
// string, its first 32 bytes and "..." when longer; with limit, printstr_ex of a buffer of
// limit bytes ended by a NUL (QUOTE_0_TERMINATED): "..." when no NUL ends it within them.
void string_field(Attr& a, std::string_view field, size_t offset, const Pointed& p, int k,
                  uint64_t limit = UINT64_MAX) {
  constexpr size_t kShown = 32;  // strace's default -s
  auto v = a.get<uint64_t>(offset);
  char* o = a.name(field);
  if (!v) return a.set_out(put(o, "NULL"));
  if (!p.read[k]) return a.set_out(put_hex(o, v));
  std::string_view s = p.text[k];
  uint64_t room = limit < kShown ? limit : kShown;
  if (limit != UINT64_MAX && s.size() >= room)
    return a.set_out(put_quoted(o, s.substr(0, room), limit > 0 || !s.empty()));
  a.set_out(put_quoted(o, s.substr(0, kShown), s.size() > kShown));
}

char* put_prog_load(Attr& a, const Pointed& p) {
  constexpr size_t kSize = 128;  // strace 6.1's BPF_PROG_LOAD struct: up to fd_array
  a.xval("prog_type", OFF(prog_type), uapi::k_bpf_prog_types, "BPF_PROG_TYPE_???");
  a.u32("insn_cnt", OFF(insn_cnt));
  a.addr("insns", OFF(insns));
  string_field(a, "license", OFF(license), p, 0);
  if (!a.has(OFF(log_level))) return a.end(kSize);
  a.u32("log_level", OFF(log_level));
  a.u32("log_size", OFF(log_size));
  string_field(a, "log_buf", OFF(log_buf), p, 1, a.get<uint32_t>(OFF(log_size)));
  if (!a.has(OFF(kern_version))) return a.end(kSize);
  // KERNEL_VERSION(a, b, c) of the version's three parts; the number with -X.
  auto version = a.get<uint32_t>(OFF(kern_version));
  a.set_out(put_xlat(a.name("kern_version"), [version](char* o) { return put_hex(o, version); },
                     [version](char* o) {
                       o = put_num(put(o, "KERNEL_VERSION("), version >> 16);
                       o = put_num(put(o, ", "), (version >> 8) & 0xff);
                       return put(put_num(put(o, ", "), version & 0xff), ")");
                     }));
  if (!a.has(OFF(prog_flags))) return a.end(kSize);
  a.flags("prog_flags", OFF(prog_flags), uapi::k_bpf_prog_flags, "BPF_F_???");
  if (!a.has(OFF(prog_name))) return a.end(kSize);
  a.cstring("prog_name", OFF(prog_name), BPF_OBJ_NAME_LEN);
  if (!a.has(OFF(prog_ifindex))) return a.end(kSize);
  auto ifindex = a.get<uint32_t>(OFF(prog_ifindex));
  a.set_out(put_ifindex(a.name("prog_ifindex"), ifindex));
  if (!a.has(OFF(expected_attach_type))) return a.end(kSize);
  a.xval("expected_attach_type", OFF(expected_attach_type), uapi::k_bpf_attach_type, "BPF_???");
  if (!a.has(OFF(prog_btf_fd))) return a.end(kSize);
  a.fd("prog_btf_fd", OFF(prog_btf_fd));
  a.u32("func_info_rec_size", OFF(func_info_rec_size));
  a.addr("func_info", OFF(func_info));
  a.u32("func_info_cnt", OFF(func_info_cnt));
  a.u32("line_info_rec_size", OFF(line_info_rec_size));
  a.addr("line_info", OFF(line_info));
  a.u32("line_info_cnt", OFF(line_info_cnt));
  if (!a.has(OFF(attach_btf_id))) return a.end(kSize);
  a.u32("attach_btf_id", OFF(attach_btf_id));
  if (!a.has(OFF(attach_prog_fd))) return a.end(kSize);
  a.fd("attach_prog_fd", OFF(attach_prog_fd));
  if (!a.has(OFF(fd_array))) return a.end(kSize);
  a.addr("fd_array", OFF(fd_array));
  return a.end(kSize);
}

char* put_obj_pin(Attr& a, const Pointed& p) {
  constexpr size_t kSize = OFF(file_flags) + sizeof(__u32);
  // A path: whole, as strace's printpath shows it.
  auto v = a.get<uint64_t>(OFF(pathname));
  char* o = a.name("pathname");
  a.set_out(!v ? put(o, "NULL") : !p.read[0] ? put_hex(o, v) : put_quoted(o, p.text[0], false));
  a.fd("bpf_fd", OFF(bpf_fd));
  if (!a.has(OFF(file_flags))) return a.end(kSize);
  a.flags("file_flags", OFF(file_flags), uapi::k_bpf_file_mode_flags, "BPF_F_???");
  return a.end(kSize);
}

char* put_raw_tracepoint(Attr& a, const Pointed& p) {
  constexpr uint64_t kNameSize = 128;  // strace's TP_NAME_SIZE
  a.open("raw_tracepoint");
  string_field(a, "name", OFF(raw_tracepoint.name), p, 0, kNameSize);
  a.fd("prog_fd", OFF(raw_tracepoint.prog_fd));
  a.close();
  return a.end(OFF(raw_tracepoint.prog_fd) + sizeof(__u32));
}

// BPF_PROG_TEST_RUN: {test={prog_fd=..., retval=..., ...}}, the context, flags and batch
// size as far as the size reaches.
char* put_test_run(Attr& a) {
  a.open("test");
  a.fd("prog_fd", OFF(test.prog_fd));
  a.u32("retval", OFF(test.retval));
  a.u32("data_size_in", OFF(test.data_size_in));
  a.u32("data_size_out", OFF(test.data_size_out));
  a.addr("data_in", OFF(test.data_in));
  a.addr("data_out", OFF(test.data_out));
  a.u32("repeat", OFF(test.repeat));
  a.u32("duration", OFF(test.duration));
  if (a.has(OFF(test.ctx_size_in))) {
    a.u32("ctx_size_in", OFF(test.ctx_size_in));
    a.u32("ctx_size_out", OFF(test.ctx_size_out));
    a.addr("ctx_in", OFF(test.ctx_in));
    a.addr("ctx_out", OFF(test.ctx_out));
  }
  if (a.has(OFF(test.flags))) {
    a.flags("flags", OFF(test.flags), uapi::k_bpf_test_run_flags, "BPF_F_???");
    a.u32("cpu", OFF(test.cpu));
  }
  if (a.has(OFF(test.batch_size))) a.u32("batch_size", OFF(test.batch_size));
  a.close();
  return a.end(OFF(test.batch_size) + sizeof(__u32));
}

// BPF_LINK_UPDATE: {link_update={link_fd=..., new_prog_fd=..., flags=...}}, and the program
// it replaces with BPF_F_REPLACE.
char* put_link_update(Attr& a) {
  a.open("link_update");
  a.fd("link_fd", OFF(link_update.link_fd));
  a.fd("new_prog_fd", OFF(link_update.new_prog_fd));
  a.flags("flags", OFF(link_update.flags), uapi::k_bpf_attach_flags, "BPF_F_???");
  if (a.get<uint32_t>(OFF(link_update.flags)) & BPF_F_REPLACE)
    a.fd("old_prog_fd", OFF(link_update.old_prog_fd));
  a.close();
  return a.end(OFF(link_update.old_prog_fd) + sizeof(__u32));
}

// BPF_LINK_CREATE: {link_create={prog_fd=..., ...}} and what its attach type adds.
char* put_link_create(Attr& a) {
  a.open("link_create");
  a.fd("prog_fd", OFF(link_create.prog_fd));
  a.fd("target_fd", OFF(link_create.target_fd));
  a.xval("attach_type", OFF(link_create.attach_type), uapi::k_bpf_attach_type, "BPF_???");
  a.set_out(put_hex(a.name("flags"), a.get<uint32_t>(OFF(link_create.flags))));
  size_t size = OFF(link_create.kprobe_multi.cookies) + sizeof(__u64);  // strace's 48 bytes
  if (a.has(OFF(link_create.target_btf_id))) {
    switch (a.get<uint32_t>(OFF(link_create.attach_type))) {
      case 0:
        if (a.get<uint32_t>(OFF(link_create.target_btf_id)))
          a.u32("target_btf_id", OFF(link_create.target_btf_id));
        size = OFF(link_create.target_btf_id) + sizeof(__u32);
        break;
      case BPF_TRACE_ITER: {
        auto len = a.get<uint32_t>(OFF(link_create.iter_info_len));
        array_addr(a, "iter_info", OFF(link_create.iter_info), len);
        a.u32("iter_info_len", OFF(link_create.iter_info_len));
        size = OFF(link_create.iter_info_len) + sizeof(__u32);
        break;
      }
      case BPF_PERF_EVENT:
        a.open("perf_event");
        a.set_out(put_hex(a.name("bpf_cookie"), a.get<uint64_t>(OFF(link_create.perf_event.bpf_cookie))));
        a.close();
        size = OFF(link_create.perf_event.bpf_cookie) + sizeof(__u64);
        break;
      case BPF_TRACE_KPROBE_MULTI: {
        auto cnt = a.get<uint32_t>(OFF(link_create.kprobe_multi.cnt));
        a.open("kprobe_multi");
        a.flags("flags", OFF(link_create.kprobe_multi.flags),
                uapi::k_bpf_link_create_kprobe_multi_flags, "BPF_F_???");
        a.u32("cnt", OFF(link_create.kprobe_multi.cnt));
        array_addr(a, "syms", OFF(link_create.kprobe_multi.syms), cnt);
        array_addr(a, "addrs", OFF(link_create.kprobe_multi.addrs), cnt);
        array_addr(a, "cookies", OFF(link_create.kprobe_multi.cookies), cnt);
        a.close();
        break;
      }
      default:
        size = OFF(link_create.flags) + sizeof(__u32);
    }
  }
  a.close();
  return a.end(size);
}

#undef OFF

}  // namespace

char* put_bpf_cmd(char* out, uint64_t cmd) noexcept {
  return put_xval(out, static_cast<uint32_t>(cmd), uapi::k_bpf_commands, "BPF_???");
}

bool bpf_attr_captured(uint32_t cmd) noexcept {
  switch (cmd) {
    case BPF_MAP_CREATE: case BPF_MAP_LOOKUP_ELEM: case BPF_MAP_UPDATE_ELEM:
    case BPF_MAP_DELETE_ELEM: case BPF_MAP_GET_NEXT_KEY: case BPF_MAP_LOOKUP_AND_DELETE_ELEM:
    case BPF_MAP_FREEZE: case BPF_PROG_ATTACH: case BPF_PROG_DETACH:
    case BPF_PROG_GET_NEXT_ID: case BPF_MAP_GET_NEXT_ID: case BPF_BTF_GET_NEXT_ID:
    case BPF_LINK_GET_NEXT_ID: case BPF_PROG_GET_FD_BY_ID: case BPF_MAP_GET_FD_BY_ID:
    case BPF_BTF_GET_FD_BY_ID: case BPF_LINK_GET_FD_BY_ID: case BPF_LINK_CREATE:
    case BPF_PROG_LOAD: case BPF_OBJ_PIN: case BPF_OBJ_GET: case BPF_RAW_TRACEPOINT_OPEN:
    case BPF_LINK_UPDATE: case BPF_PROG_TEST_RUN: case BPF_OBJ_GET_INFO_BY_FD:
    case BPF_PROG_QUERY: case BPF_BTF_LOAD: case BPF_TASK_FD_QUERY: case BPF_MAP_LOOKUP_BATCH:
    case BPF_MAP_LOOKUP_AND_DELETE_BATCH: case BPF_MAP_UPDATE_BATCH: case BPF_MAP_DELETE_BATCH:
      return true;
    default:
      return false;
  }
}

char* put_bpf_attr(char* out, const Event& e, const Strings& items, unsigned i) noexcept {
  auto cmd = static_cast<uint32_t>(e.args[0]);
  uint64_t addr = e.args[i];
  auto size = static_cast<uint32_t>(e.args[i + 1]);
  bool cut = false;
  const std::string_view* bytes =
      addr && size && size <= kAttrMax && bpf_attr_captured(cmd) && display().verbose
          ? items.find_blob(i, &cut)
          : nullptr;
  if (!bytes || bytes->size() != size) return put_addr(out, addr);
  Attr a(out, *bytes);
  switch (cmd) {
    case BPF_MAP_CREATE:
      return put_map_create(a);
    case BPF_PROG_ATTACH: case BPF_PROG_DETACH:
      return put_attach(a, cmd);
    case BPF_LINK_CREATE:
      return put_link_create(a);
    case BPF_LINK_UPDATE:
      return put_link_update(a);
    case BPF_PROG_TEST_RUN:
      return put_test_run(a);
    case BPF_OBJ_GET_INFO_BY_FD:
      return put_obj_info(a, items.find_exit_blob(i));
    case BPF_PROG_QUERY:
      return put_prog_query(a);
    case BPF_BTF_LOAD:
      return put_btf_load(a);
    case BPF_TASK_FD_QUERY:
      return put_task_fd_query(a);
    case BPF_MAP_LOOKUP_BATCH: case BPF_MAP_LOOKUP_AND_DELETE_BATCH: case BPF_MAP_UPDATE_BATCH:
    case BPF_MAP_DELETE_BATCH:
      return put_map_batch(a, cmd);
    case BPF_PROG_LOAD:
      return put_prog_load(a, pointed_strings(items.find_item(ITEM_BLOB, ITEM_ARG_POINTED)));
    case BPF_OBJ_PIN: case BPF_OBJ_GET:
      return put_obj_pin(a, pointed_strings(items.find_item(ITEM_BLOB, ITEM_ARG_POINTED)));
    case BPF_RAW_TRACEPOINT_OPEN:
      return put_raw_tracepoint(a, pointed_strings(items.find_item(ITEM_BLOB, ITEM_ARG_POINTED)));
    case BPF_PROG_GET_NEXT_ID: case BPF_MAP_GET_NEXT_ID: case BPF_BTF_GET_NEXT_ID:
    case BPF_LINK_GET_NEXT_ID: case BPF_PROG_GET_FD_BY_ID: case BPF_MAP_GET_FD_BY_ID:
    case BPF_BTF_GET_FD_BY_ID: case BPF_LINK_GET_FD_BY_ID:
      return put_ids(a, cmd, items.find_exit_blob(i));
    default:
      return put_map_elem(a, cmd);
  }
}

}  // namespace observer
