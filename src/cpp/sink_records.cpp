// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The full-record sinks: JSON Lines and strace-style text.
#include <sys/wait.h>
#include <time.h>

#include <charconv>
#include <cstring>
#include <string_view>
#include <utility>

#include "decode.h"
#include "decode_io.h"
#include "decode_structs.h"
#include "sink.h"
#include "stacks.h"
#include "text.h"

namespace observer {

namespace {

int64_t realtime_minus_monotonic() {
  timespec mono{}, real{};
  clock_gettime(CLOCK_MONOTONIC, &mono);
  clock_gettime(CLOCK_REALTIME, &real);
  return (real.tv_sec - mono.tv_sec) * 1000000000LL + (real.tv_nsec - mono.tv_nsec);
}

using namespace text;

// Length of the valid UTF-8 sequence at s[i] (2-4 bytes; the rules of RFC 3629: no overlong
// forms, no surrogates, nothing past U+10FFFF), or 0 if there is none.
size_t utf8_length(std::string_view s, size_t i) noexcept {
  auto at = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  auto cont = [&](size_t k) { return (at(k) & 0xc0) == 0x80; };
  unsigned char c = at(0);
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    unsigned char lo = c == 0xe0 ? 0xa0 : 0x80, hi = c == 0xed ? 0x9f : 0xbf;
    return at(1) >= lo && at(1) <= hi && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    unsigned char lo = c == 0xf0 ? 0x90 : 0x80, hi = c == 0xf4 ? 0x8f : 0xbf;
    return at(1) >= lo && at(1) <= hi && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

// A JSON string of bytes: valid UTF-8 as is (so jq and pandas show the text), '"', '\' and
// control bytes escaped, and each byte that is not part of valid UTF-8 as \udcXX, the lone
// surrogate U+DC00 + byte: Python's surrogateescape (PEP 383), so that
// json.loads(line)[key].encode("utf-8", "surrogateescape") gives back the exact bytes.
char* put_json_string(char* out, std::string_view value) noexcept {
  static constexpr char kHex[] = "0123456789abcdef";
  *out++ = '"';
  for (size_t i = 0; i < value.size(); ++i) {
    auto c = static_cast<unsigned char>(value[i]);
    if (c == '"' || c == '\\') {
      *out++ = '\\';
      *out++ = static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7f) {
      *out++ = static_cast<char>(c);
    } else if (size_t n = c >= 0x80 ? utf8_length(value, i) : 0) {
      std::memcpy(out, value.data() + i, n);
      out += n;
      i += n - 1;
    } else {
      out = put(out, c >= 0x80 ? "\\udc" : "\\u00");
      *out++ = kHex[c >> 4];
      *out++ = kHex[c & 0xf];
    }
  }
  *out++ = '"';
  return out;
}

// -k: ,"stack":[{"address":N,"module":"..."|null,"offset":N,"symbol":"..."|null,
// "symbol_offset":N|null},...], innermost first; nothing without frames.
char* put_json_stack(char* out, const std::vector<StackFrame>& frames) noexcept {
  if (frames.empty()) return out;
  out = put(out, ",\"stack\":[");
  for (size_t i = 0; i < frames.size(); ++i) {
    const StackFrame& f = frames[i];
    out = put_num(put(out, i ? ",{\"address\":" : "{\"address\":"), f.address);
    out = put(out, ",\"module\":");
    out = f.module.empty() ? put(out, "null") : put_json_string(out, f.module);
    out = put_num(put(out, ",\"offset\":"), f.offset);
    out = put(out, ",\"symbol\":");
    if (f.symbol.empty())
      out = put(out, "null,\"symbol_offset\":null}");
    else
      out = put(put_num(put(put_json_string(out, f.symbol), ",\"symbol_offset\":"),
                        f.symbol_offset), "}");
  }
  return put(out, "]");
}

std::string_view comm_view(const Event& e) {
  return std::string_view(e.comm, strnlen(e.comm, TASK_COMM_LEN));
}

// Every captured byte may take 6 characters (\u00XX), and a base directory may be written
// before each string (--absolute).
constexpr size_t kMaxJsonLine = 2048 + 6 * (ITEMS_SPACE + MAX_STRINGS * ITEM_MAX + TASK_COMM_LEN);
// A cgroup's line: its id and its path.
constexpr size_t kMaxCgroupJson = 64 + 6 * kMaxCgroupPath;

// Whose fd a path is in jsonl: "arg0".."arg5", "ret", or "pair[0]" and "pair[1]" for the
// fds pipe and socketpair wrote.
char* put_fd_owner(char* out, unsigned arg) noexcept {
  if (arg == ITEM_ARG_RET) return put(out, "\"ret\"");
  if (arg >= ITEM_ARG_PAIR) return put(put_num(put(out, "\"pair["), arg - ITEM_ARG_PAIR), "]\"");
  return put(put_num(put(out, "\"arg"), arg), "\"");
}

}  // namespace

std::unique_ptr<JsonSink> JsonSink::open(const std::string& path, const std::string& host) {
  auto [fd, owned, name] = open_fd(path);
  return std::make_unique<JsonSink>(fd, owned, name, host);
}

JsonSink::JsonSink(int fd, bool owns_fd, std::string name, const std::string& host)
    : FileSink(fd, owns_fd, std::move(name)), realtime_offset_(realtime_minus_monotonic()) {
  if (host.empty()) return;
  // Written once here, copied into every line.
  std::string json(16 + 6 * host.size(), '\0');
  char* end = put_json_string(put(json.data(), ",\"host\":"), host);
  json.resize(static_cast<size_t>(end - json.data()));
  host_json_ = std::move(json);
}

char* JsonSink::put_kind(char* p, std::string_view kind, const Event& e) {
  p = put(put(put(p, "{\"kind\":\""), kind), "\",\"ts_ns\":");
  p = put_num(p, e.ts_ns);
  p = put_num(put(p, ",\"wall_ns\":"), static_cast<int64_t>(e.ts_ns) + realtime_offset_);
  p = put(p, host_json_);
  p = put_num(put(p, ",\"tgid\":"), e.tgid);
  p = put_num(put(p, ",\"tid\":"), e.tid);
  return put_cgroup(put_json_string(put(p, ",\"comm\":"), comm_view(e)), e);
}

// ,"cgroup_id":N when the record knows its cgroup, and the container and pod its path shows.
char* JsonSink::put_cgroup(char* p, const Event& e) {
  if (!e.cgroup_id) return p;
  p = put_num(put(p, ",\"cgroup_id\":"), e.cgroup_id);
  // Consecutive records mostly come from one cgroup: skip the map for a repeat.
  if (e.cgroup_id != last_origin_id_) {
    auto found = origins_.find(e.cgroup_id);
    if (found == origins_.end()) {
      const std::string* path = cgroups_.find(e.cgroup_id);
      found = origins_.emplace(e.cgroup_id, path ? cgroup_origin(*path) : CgroupOrigin{}).first;
    }
    last_origin_id_ = e.cgroup_id;
    last_origin_ = &found->second;  // node-based map: stays valid as it grows
  }
  if (!last_origin_->container_id.empty())
    p = put_json_string(put(p, ",\"container_id\":"), last_origin_->container_id);
  if (!last_origin_->pod_uid.empty())
    p = put_json_string(put(p, ",\"pod_uid\":"), last_origin_->pod_uid);
  return p;
}

// The first record of a cgroup in this file comes after a line that names it,
// {"kind":"cgroup","cgroup_id":N,"cgroup":"/path"}: a path (a container's is about 90 bytes)
// once, not on every line. A cgroup whose path cannot be found gets none.
void JsonSink::declare_cgroup(const Event& e) {
  // Consecutive records mostly come from one cgroup: skip the set for a repeat.
  if (!e.cgroup_id || e.cgroup_id == last_declared_) return;
  last_declared_ = e.cgroup_id;
  if (!declared_.insert(e.cgroup_id).second) return;
  const std::string* path = cgroups_.find(e.cgroup_id);
  if (!path) return;
  char* p = put(line(kMaxCgroupJson), "{\"kind\":\"cgroup\",\"cgroup_id\":");
  p = put_num(p, e.cgroup_id);
  p = put_json_string(put(p, ",\"cgroup\":"), *path);
  commit_header(put(p, "}\n"));
}

void JsonSink::write_maps(const void* data, uint32_t size) {
  if (stacks_) stacks_->map(data, size);
}

void JsonSink::write_record(const void* data, uint32_t size) {
  const Event& e = *static_cast<const Event*>(data);
  declare_cgroup(e);
  if (e.flags & EVENT_SIGNAL) {
    // Its own kind of record: {"kind":"signal", ..., "signal":"SIGCHLD","siginfo":"{...}"}.
    char* p = put_kind(record_line(1024), "signal", e);
    p = put_json_string(put(p, ",\"signal\":"), signal_name(e.nr));
    char info[512];
    char* end = put_siginfo(info, std::string_view(reinterpret_cast<const char*>(e.args),
                                                   sizeof(e.args)));
    p = put_json_string(put(p, ",\"siginfo\":"), std::string_view(info, end - info));
    commit(put(p, "}\n"));
    return;
  }
  if (e.flags & EVENT_PROCESS_EXIT) {
    if (stacks_) stacks_->forget(e.tgid);
    // Its own kind of record: {"kind":"exit", ..., "status": the wait status, and either
    // "exit_code" or "signal"}.
    char* p = put_kind(record_line(512), "exit", e);
    p = put_num(put(p, ",\"status\":"), e.ret);
    int status = static_cast<int>(e.ret);
    if (WIFSIGNALED(status))
      p = put_json_string(put(p, ",\"signal\":"), signal_name(WTERMSIG(status)));
    else
      p = put_num(put(p, ",\"exit_code\":"), WEXITSTATUS(status));
    p = put(p, "}\n");
    commit(p);
    return;
  }
  Strings strings = parse_strings(data, size);
  const std::vector<StackFrame>* stack = stacks_ ? &stacks_->unwind(e, strings) : nullptr;
  bool has_ret = e.flags & EVENT_HAS_RET;
  char* p = record_line(kMaxJsonLine + (stack ? stack_text_bound(*stack) : 0));
  p = put(p, "{\"ts_ns\":");
  p = put_num(p, e.ts_ns);
  p = put(p, ",\"wall_ns\":");
  p = put_num(p, static_cast<int64_t>(e.ts_ns) + realtime_offset_);
  p = put(p, host_json_);
  p = put(p, ",\"tgid\":");
  p = put_num(p, e.tgid);
  p = put(p, ",\"tid\":");
  p = put_num(p, e.tid);
  p = put(p, ",\"comm\":");
  p = put_json_string(p, comm_view(e));
  p = put_cgroup(p, e);
  p = put(p, ",\"nr\":");
  p = put_num(p, e.nr);
  p = put(p, ",\"syscall\":");
  bool compat = e.flags & EVENT_COMPAT;
  std::string_view name = compat ? compat_syscall_name(e.nr) : syscall_name(e.nr);
  if (name.empty()) {
    p = put_num(put(p, "\"syscall_"), e.nr);
    *p++ = '"';
  } else {
    p = put_json_string(p, name);
  }
  p = put(p, compat ? ",\"compat\":true" : ",\"compat\":false");
  p = put(p, ",\"args\":[");
  for (int i = 0; i < 6; ++i) {
    if (i) *p++ = ',';
    p = put_num(p, e.args[i]);
  }
  p = put(p, "],\"ret\":");
  p = has_ret ? put_num(p, e.ret) : put(p, "null");
  p = put(p, ",\"error\":");
  if (has_ret && is_error(e.ret) && !errno_symbol(static_cast<int>(-e.ret)).empty())
    p = put_json_string(p, errno_symbol(static_cast<int>(-e.ret)));
  else
    p = put(p, "null");
  p = put(p, ",\"duration_ns\":");
  p = has_ret ? put_num(p, e.duration_ns) : put(p, "null");
  if (e.flags & EVENT_UNFINISHED)
    p = put(p, (e.flags & EVENT_DETACHED) ? ",\"unfinished\":\"detached\""
                                          : ",\"unfinished\":\"killed\"");
  if (e.flags & EVENT_RESUMED) p = put(p, ",\"resumed\":true");
  // Strings, then buffers and structs as their raw bytes (decoded in --format strace).
  auto put_items = [&](char* out, uint8_t kind) {
    bool first = true;
    for (unsigned i = 0; i < strings.count; ++i) {
      if (strings.kind[i] != kind) continue;
      if (!first) *out++ = ',';
      first = false;
      out = put_num(put(out, "{\"arg\":"), strings.arg[i]);
      out = put_json_string(put(out, ",\"value\":"), strings.value[i]);
      bool cut = strings.truncated & STRING_TRUNCATED(i);
      out = put(out, cut ? ",\"truncated\":true" : ",\"truncated\":false");
      if (kind == ITEM_BLOB)
        out = put(out, (strings.at_exit & (1u << i)) ? ",\"at_exit\":true" : ",\"at_exit\":false");
      // --absolute: the path from the directory it was resolved in.
      const std::string_view* base =
          kind == ITEM_STRING ? strings.find_item(ITEM_BASE, strings.arg[i]) : nullptr;
      if (base) {
        char path[2 * ITEM_MAX + 64];
        char* end = put_absolute_bytes(path, *base, strings.value[i]);
        out = put_json_string(put(out, ",\"absolute\":"),
                              std::string_view(path, static_cast<size_t>(end - path)));
      }
      *out++ = '}';
    }
    return out;
  };
  p = put_items(put(p, ",\"strings\":["), ITEM_STRING);
  p = put_items(put(p, "],\"buffers\":["), ITEM_BLOB);
  p = put(p, "]");
  // -y: what the fds name, {"of":"arg0","path":"/etc/passwd"}, "deleted":true if unlinked.
  bool any_fd = false;
  for (unsigned i = 0; i < strings.count; ++i) {
    if (strings.kind[i] != ITEM_FD_PATH) continue;
    p = put(p, any_fd ? "," : ",\"fd_paths\":[");
    any_fd = true;
    p = put_fd_owner(put(p, "{\"of\":"), strings.arg[i]);
    char path[kMaxFdPathText];
    bool deleted;
    char* end = put_fd_path_bytes(path, strings.value[i], &deleted);
    p = put_json_string(put(p, ",\"path\":"), std::string_view(path, static_cast<size_t>(end - path)));
    p = put(p, deleted ? ",\"deleted\":true}" : "}");
  }
  if (any_fd) *p++ = ']';
  if (stack) p = put_json_stack(p, *stack);
  p = put(p, "}\n");
  commit(p);
}

void JsonSink::write_end(const std::vector<std::pair<std::string, int64_t>>& counts) {
  char* p = put(line(64 + 48 * counts.size()), "{\"kind\":\"end\"");
  for (const auto& [name, value] : counts) {
    p = put_json_string(put(p, ","), name.substr(0, 32));
    p = put_num(put(p, ":"), value);
  }
  commit(put(p, "}\n"));
  flush();
  --written_;  // the end line is not a record
}

text::Display StraceDisplay::of(const Event& e) const noexcept {
  text::Display d = display;
  bool native = !(e.flags & EVENT_COMPAT) && e.nr >= 0;
  auto nr = static_cast<size_t>(e.nr);
  uint8_t bits = native && nr < calls.size() ? calls[nr] : 0;
  d.raw = bits & kRaw;
  d.abbrev = !(bits & kUnabbreviated);
  d.verbose = !(bits & kNoStructs);
  return d;
}

std::unique_ptr<StraceSink> StraceSink::open(const std::string& path, TimeFormat time,
                                             StraceDisplay display) {
  auto [fd, owned, name] = open_fd(path);
  return std::make_unique<StraceSink>(fd, owned, name, time, std::move(display));
}

StraceSink::StraceSink(int fd, bool owns_fd, std::string name, TimeFormat time,
                       StraceDisplay display)
    : FileSink(fd, owns_fd, std::move(name)),
      time_(time),
      display_(std::move(display)),
      realtime_offset_(realtime_minus_monotonic()) {}

namespace {

// The most a dump takes: 80 characters per 16 bytes of the largest buffer captured, and per
// iovec element a line of its own and one partly filled.
constexpr size_t kMaxDumpText = (BLOB_MAX / 16 + 1 + 2 * IOV_KEPT) * 80;

// strace's dumpstr: " | 00000  68 65 6c 6c 6f 0a 01 ff  20 77 ...  hello... world.  |"
// lines of 16 bytes each, in two groups of 8, then the printable ones.
char* put_hex_dump(char* out, std::string_view bytes) noexcept {
  static constexpr char kHex[] = "0123456789abcdef";
  for (size_t at = 0; at < bytes.size(); at += 16) {
    out = put(out, " | ");
    for (int shift = 16; shift >= 0; shift -= 4) *out++ = kHex[(at >> shift) & 0xf];
    out = put(out, "  ");
    std::string_view row = bytes.substr(at, 16);
    for (size_t j = 0; j < 16; ++j) {
      if (j < row.size()) {
        auto c = static_cast<unsigned char>(row[j]);
        *out++ = kHex[c >> 4];
        *out++ = kHex[c & 0xf];
        *out++ = ' ';
      } else {
        out = put(out, "   ");
      }
      if (j == 7) *out++ = ' ';
    }
    *out++ = ' ';
    for (size_t j = 0; j < 16; ++j) {
      auto c = j < row.size() ? static_cast<unsigned char>(row[j]) : ' ';
      *out++ = c >= 0x20 && c < 0x7f ? static_cast<char>(c) : '.';
    }
    out = put(out, " |\n");
  }
  return out;
}

bool has_fd(const std::vector<int>& fds, int fd) {
  for (int f : fds)
    if (f == fd) return true;
  return false;
}

}  // namespace

char* StraceSink::put_dump(char* out, const Event& e, const Strings& strings) const {
  const SyscallInfo* info = (e.flags & EVENT_COMPAT) ? nullptr : syscall_info(e.nr);
  if (!info || !moves_data_at_fd(*info)) return out;
  int fd = static_cast<int32_t>(e.args[0]);
  bool cut = false;
  const std::string_view* bytes = strings.find_blob(1, &cut);
  if (!bytes) return out;
  bool read = (e.flags & EVENT_HAS_RET) && !is_error(e.ret) && has_fd(display_.read_fds, fd);
  bool wrote = has_fd(display_.write_fds, fd);
  switch (info->args[1]) {
    case Arg::kBufOut:
    case Arg::kSockBufOut:
      return wrote ? put_hex_dump(out, *bytes) : out;
    case Arg::kBufIn:  // what a read returned, as far as it was captured
    case Arg::kSockBufIn:
      return read ? put_hex_dump(out, bytes->substr(0, static_cast<size_t>(e.ret))) : out;
    case Arg::kIovecIn:  // writev: each element whole, strace's "* 5 bytes in buffer 0"
    case Arg::kIovecOut: {  // readv: as far as the result reached
      bool in = info->args[1] == Arg::kIovecIn;
      if (!(in ? wrote : read)) return out;
      uint32_t kept = 0;
      each_iovec(*bytes, in ? -1 : e.ret, &kept, [&](uint32_t k, const IovecElement& element) {
        out = put(put_num(put(put_num(put(out, " * "), element.moved), " bytes in buffer "),
                          k), "\n");
        out = put_hex_dump(out, element.data.substr(0, element.moved));
      });
      return out;
    }
    default:
      return out;
  }
}

char* StraceSink::put_time(char* out, uint64_t ts_ns) {
  int64_t wall = static_cast<int64_t>(ts_ns) + realtime_offset_;
  int64_t second = wall / 1000000000;
  if (time_.relative) {
    // strace -r: "%6ld.%06ld ", the first record at 0.
    uint64_t delta = previous_ns_ && ts_ns > previous_ns_ ? ts_ns - previous_ns_ : 0;
    previous_ns_ = ts_ns;
    char digits[24];
    char* end = put_num(digits, delta / 1000000000);
    for (ptrdiff_t pad = 6 - (end - digits); pad > 0; --pad) *out++ = ' ';
    out = put(out, std::string_view(digits, static_cast<size_t>(end - digits)));
    *out++ = '.';
    return put(put_padded(out, (delta % 1000000000) / 1000, 6), " ");
  }
  if (time_.timestamps > 2) {  // -ttt: 1795363164.774356
    out = put_num(out, second);
    *out++ = '.';
    return put(put_padded(out, static_cast<uint64_t>(wall % 1000000000) / 1000, 6), " ");
  }
  if (second != cached_second_) {
    // localtime_r only once per second of records: it may read the time zone file.
    time_t t = static_cast<time_t>(second);
    tm local{};
    localtime_r(&t, &local);
    char* c = cached_clock_;
    c = put_padded(c, static_cast<uint64_t>(local.tm_hour), 2);
    *c++ = ':';
    c = put_padded(c, static_cast<uint64_t>(local.tm_min), 2);
    *c++ = ':';
    put_padded(c, static_cast<uint64_t>(local.tm_sec), 2);
    cached_second_ = second;
  }
  out = put(out, std::string_view(cached_clock_, sizeof(cached_clock_)));
  if (time_.timestamps > 1) {
    *out++ = '.';
    out = put_padded(out, static_cast<uint64_t>(wall % 1000000000) / 1000, 6);
  }
  *out++ = ' ';
  return out;
}

void StraceSink::write_maps(const void* data, uint32_t size) {
  if (stacks_) stacks_->map(data, size);
}

void StraceSink::write_record(const void* data, uint32_t size) {
  end_entry();
  write_line(data, size, CallPart::kWhole);
}

void StraceSink::write_part(const void* data, uint32_t size, CallPart part) {
  if (part == CallPart::kWhole) return write_record(data, size);
  if (part == CallPart::kEntry) {
    end_entry();
    entered_ = data;
    entered_size_ = size;
    return;
  }
  if (entered_ == data) {  // nothing came between the call's entry and its exit
    entered_ = nullptr;
    return write_line(data, size, CallPart::kWhole);
  }
  end_entry();
  write_line(data, size, CallPart::kExit);
}

void StraceSink::end_entry() {
  if (!entered_) return;
  const void* data = std::exchange(entered_, nullptr);
  write_line(data, entered_size_, CallPart::kEntry);
}

void StraceSink::flush() {
  end_entry();
  FileSink::flush();
}

void StraceSink::write_line(const void* data, uint32_t size, CallPart part) {
  const Event& e = *static_cast<const Event*>(data);
  Strings strings = parse_strings(data, size);
  DisplayScope scope(display_.of(e));
  bool dumps = display_.dumps();
  // -k: the stack follows the line that ends the call.
  const std::vector<StackFrame>* stack =
      stacks_ && part != CallPart::kEntry ? &stacks_->unwind(e, strings) : nullptr;
  char* const begin = line(kMaxCallText + 128 + (dumps ? kMaxDumpText : 0) +
                           (stack ? stack_text_bound(*stack) : 0));
  // strace -f's "%-5d " before each line; a process's end is its leader's, whichever thread
  // ends last (KVM's worker threads outlive the ones that ran the guest).
  char* p = put_num(begin, e.flags & EVENT_PROCESS_EXIT ? e.tgid : e.tid);
  while (p - begin < 5) *p++ = ' ';
  *p++ = ' ';
  if ((time_.timestamps || time_.relative) && (e.flags & EVENT_HAS_TIME))
    p = put_time(p, part == CallPart::kExit ? e.ts_ns + e.duration_ns : e.ts_ns);
  if (e.flags & EVENT_SIGNAL) {
    const std::string_view prefix(begin, static_cast<size_t>(p - begin));  // tid and time
    p = put(put(put(p, "--- "), signal_name(e.nr)), " ");
    p = put_siginfo(p, std::string_view(reinterpret_cast<const char*>(e.args), sizeof(e.args)));
    p = put(p, " ---\n");
    // The process stops: strace's line when the stop takes effect, on the same thread.
    if (e.flags & EVENT_STOPPED)
      p = put(put(put(put(p, prefix), "--- stopped by "), signal_name(e.nr)), " ---\n");
    commit(p);
    return;
  }
  if (e.flags & EVENT_PROCESS_EXIT) {
    if (stacks_) stacks_->forget(e.tgid);
    int status = static_cast<int>(e.ret);
    if (WIFSIGNALED(status)) {
      p = put(put(p, "+++ killed by "), signal_name(WTERMSIG(status)));
      if (WCOREDUMP(status)) p = put(p, " (core dumped)");
      p = put(p, " +++\n");
    } else {
      p = put(put_num(put(p, "+++ exited with "), WEXITSTATUS(status)), " +++\n");
    }
    commit(p);
    return;
  }
  p = format_call(p, e, strings, static_cast<size_t>(p - begin), part);
  if (part == CallPart::kEntry) {
    *p++ = '\n';
    commit_header(p);  // the call's record is its exit's line
    return;
  }
  if (time_.durations && (e.flags & EVENT_HAS_RET)) {
    p = put(p, " <");
    p = put_num(p, e.duration_ns / 1000000000);
    *p++ = '.';
    p = put_padded(p, (e.duration_ns % 1000000000) / 1000, 6);
    *p++ = '>';
  }
  *p++ = '\n';
  if (dumps && !(e.flags & EVENT_UNFINISHED)) p = put_dump(p, e, strings);
  if (stack) p = put_strace_stack(p, *stack);
  commit(p);
}

}  // namespace observer
