// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// JsonSink's lines (sink_records.cpp) read back field by field, in the order it writes them.
#include "jsonl_reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <limits>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>

#include "argv_blob.h"
#include "log_reader.h"

namespace observer {

namespace {

constexpr int kArgs = 6;

// Each distinct value's code, by its bytes and by its text (two byte strings may show as one
// text: a byte that is not UTF-8 and the four characters of its \xHH).
class Interner {
 public:
  explicit Interner(JsonlDictionary& column) : column_(column) {}

  int32_t code(const std::string& bytes) {
    if (last_ >= 0 && bytes == last_bytes_) return last_;
    auto found = by_bytes_.find(bytes);
    if (found == by_bytes_.end()) {
      Buffer text;
      append_text(text, bytes);
      std::string key(reinterpret_cast<const char*>(text.data()), text.size());
      auto [at, added] = by_text_.emplace(key, static_cast<int32_t>(column_.texts.size()));
      if (added) column_.texts.push_back(std::move(key));
      found = by_bytes_.emplace(bytes, at->second).first;
    }
    last_bytes_ = bytes;
    return last_ = found->second;
  }
  // The code of a text (another parser's), added if new.
  int32_t code_of_text(const std::string& text) {
    auto [at, added] = by_text_.emplace(text, static_cast<int32_t>(column_.texts.size()));
    if (added) column_.texts.push_back(text);
    return at->second;
  }
  void push(const std::string& bytes) { column_.codes.push_back(code(bytes)); }
  void push_null() { column_.codes.push_back(-1); }
  void push_code(int32_t code) { column_.codes.push_back(code); }

 private:
  JsonlDictionary& column_;
  std::unordered_map<std::string, int32_t> by_bytes_, by_text_;
  std::string last_bytes_;
  int32_t last_ = -1;
};

bool push_value(JsonlValues& column, std::string_view bytes, bool text) {
  if (text)
    append_text(column.data, bytes);
  else
    column.data.append(bytes.data(), bytes.size());
  if (column.data.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max())) return false;
  column.offsets.push_back(static_cast<int32_t>(column.data.size()));
  column.valid.push_back(1);
  return true;
}

void push_null(JsonlValues& column) {
  column.offsets.push_back(column.offsets.back());
  column.valid.push_back(0);
}

// The fds whose path fd_path shows, first choice first (observer.frames _FD_OWNERS).
int fd_owner(std::string_view of) {
  if (of == "ret") return 0;
  if (of.size() == 4 && of.substr(0, 3) == "arg" && of[3] >= '0' && of[3] < '0' + kArgs)
    return 1 + (of[3] - '0');
  return -1;
}

class Parser {
 public:
  Parser(JsonlColumns& columns, ArgvSyscalls argv)
      : c_(columns), argv_(argv), host_(c_.host), comm_(c_.comm),
        container_(c_.container_id), pod_(c_.pod_uid), error_(c_.error) {}

  // Parses the complete lines of text (each ending in '\n'); false at a line it does not know.
  bool lines(std::string_view text) {
    const char* at = text.data();
    const char* stop = at + text.size();
    while (at < stop) {
      auto* eol = static_cast<const char*>(std::memchr(at, '\n', static_cast<size_t>(stop - at)));
      if (!eol) return false;
      p_ = at;
      end_ = eol;
      if (!line()) return false;
      at = eol + 1;
    }
    return true;
  }

  // Appends the rows later read of the lines after this parser's; false if the text
  // columns would pass 2 GiB.
  bool absorb(Parser& later) {
    JsonlColumns &c = c_, &l = later.c_;
    auto append = [](auto& to, const auto& from) { to.insert(to.end(), from.begin(), from.end()); };
    for (int i = 0; i < kArgs; ++i) append(c.args[i], l.args[i]);
    append(c.ts_ns, l.ts_ns);
    append(c.wall_ns, l.wall_ns);
    append(c.tgid, l.tgid);
    append(c.tid, l.tid);
    append(c.nr, l.nr);
    append(c.compat, l.compat);
    append(c.ret, l.ret);
    append(c.duration_ns, l.duration_ns);
    append(c.cgroup_id, l.cgroup_id);
    append(c.has_ret, l.has_ret);
    append(c.has_duration, l.has_duration);
    append(c.has_cgroup_id, l.has_cgroup_id);
    append(c.truncated, l.truncated);
    append(c.has_items, l.has_items);
    append(c.argv_valid, l.argv_valid);
    std::pair<Interner*, JsonlDictionary*> dictionaries[] = {
        {&host_, &l.host}, {&comm_, &l.comm}, {&container_, &l.container_id},
        {&pod_, &l.pod_uid}, {&error_, &l.error}};
    for (auto [to, from] : dictionaries) {
      std::vector<int32_t> codes;
      for (const std::string& text : from->texts) codes.push_back(to->code_of_text(text));
      for (int32_t code : from->codes) to->push_code(code < 0 ? -1 : codes[code]);
    }
    auto values = [](JsonlValues& to, JsonlValues& from) {
      size_t base = to.data.size();
      if (base + from.data.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max()))
        return false;
      to.data.append(from.data.data(), from.data.size());
      for (size_t i = 1; i < from.offsets.size(); ++i)
        to.offsets.push_back(static_cast<int32_t>(base) + from.offsets[i]);
      to.valid.insert(to.valid.end(), from.valid.begin(), from.valid.end());
      return true;
    };
    auto strings = static_cast<int32_t>(c.argv.valid.size());
    for (size_t i = 1; i < l.argv_offsets.size(); ++i)
      c.argv_offsets.push_back(strings + l.argv_offsets[i]);
    for (auto [to, from] : {std::pair{&c.path, &l.path}, {&c.path2, &l.path2},
                            {&c.fd_path, &l.fd_path}, {&c.data, &l.data}, {&c.data2, &l.data2},
                            {&c.argv, &l.argv}})
      if (!values(*to, *from)) return false;
    for (auto& [id, name] : later.declared_) declared_.emplace(id, std::move(name));
    c.rows += l.rows;
    return true;
  }

  // The cgroup column from the declarations, once every line is read.
  void finish() {
    JsonlDictionary& out = c_.cgroup;
    out.codes.assign(c_.rows, -1);
    if (declared_.empty()) return;
    Interner paths(out);
    for (size_t i = 0; i < c_.rows; ++i) {
      if (!c_.has_cgroup_id[i]) continue;
      auto found = declared_.find(c_.cgroup_id[i]);
      if (found != declared_.end()) out.codes[i] = paths.code(found->second);
    }
  }

 private:
  // The literal s next, then skipped. Its length is a constant, so that the comparison
  // compiles to a few loads rather than a call to memcmp (a tenth of the reader's time).
  template <size_t N>
  bool lit(const char (&s)[N]) {
    if (!peek(s)) return false;
    p_ += N - 1;
    return true;
  }
  template <size_t N>
  bool peek(const char (&s)[N]) const {
    return static_cast<size_t>(end_ - p_) >= N - 1 && std::memcmp(p_, s, N - 1) == 0;
  }

  // A JSON number as the sink writes it: no '+', no leading zero, no fraction or exponent.
  bool unsigned_number(uint64_t limit, uint64_t* out) {
    if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
    if (*p_ == '0' && p_ + 1 < end_ && p_[1] >= '0' && p_[1] <= '9') return false;
    uint64_t v = 0;
    for (; p_ < end_ && *p_ >= '0' && *p_ <= '9'; ++p_) {
      unsigned d = static_cast<unsigned>(*p_ - '0');
      if (v > (limit - d) / 10) return false;
      v = v * 10 + d;
    }
    *out = v;
    return true;
  }
  template <class T>
  bool number(T* out) {
    constexpr uint64_t kMax = static_cast<uint64_t>(std::numeric_limits<T>::max());
    uint64_t v;
    if (std::numeric_limits<T>::is_signed && p_ < end_ && *p_ == '-') {
      ++p_;
      if (!unsigned_number(kMax + 1, &v) || v == 0) return false;  // "-0": not the sink's
      *out = static_cast<T>(-static_cast<int64_t>(v - 1) - 1);
      return true;
    }
    if (!unsigned_number(kMax, &v)) return false;
    *out = static_cast<T>(v);
    return true;
  }
  bool boolean(bool* out) {
    if (lit("true")) return *out = true;
    if (lit("false")) return !(*out = false);
    return false;
  }

  // A JSON string as put_json_string writes it, into out as the bytes it stands for:
  // \" and \\, \u00XX for a control byte, \udcXX for a byte that is not UTF-8, valid UTF-8
  // as is.
  bool string(std::string* out) {
    out->clear();
    if (p_ == end_ || *p_++ != '"') return false;
    for (;;) {
      const char* run = p_;
      while (p_ < end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20 &&
             static_cast<unsigned char>(*p_) < 0x80)
        ++p_;
      out->append(run, static_cast<size_t>(p_ - run));
      if (p_ == end_) return false;
      auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c >= 0x80) {
        auto* u = reinterpret_cast<const uint8_t*>(p_);
        size_t n = utf8_sequence(u, reinterpret_cast<const uint8_t*>(end_));
        if (!n) return false;
        out->append(p_, n);
        p_ += n;
        continue;
      }
      if (c != '\\' || end_ - p_ < 2) return false;  // a raw control byte
      char e = p_[1];
      if (e == '"' || e == '\\') {
        out->push_back(e);
        p_ += 2;
        continue;
      }
      if (e != 'u' || end_ - p_ < 6) return false;
      int hi = hex(p_[4]), lo = hex(p_[5]);
      if (hi < 0 || lo < 0) return false;
      int byte = hi * 16 + lo;
      bool control = p_[2] == '0' && p_[3] == '0' && (byte < 0x20 || byte == 0x7f);
      bool escaped = p_[2] == 'd' && p_[3] == 'c' && byte >= 0x80;
      if (!control && !escaped) return false;
      out->push_back(static_cast<char>(byte));
      p_ += 6;
    }
  }
  static int hex(char h) {
    if (h >= '0' && h <= '9') return h - '0';
    if (h >= 'a' && h <= 'f') return h - 'a' + 10;
    return -1;
  }

  bool line() {
    if (lit("{\"kind\":\"")) return kind_line();
    return record() && p_ == end_;
  }

  // {"kind":"cgroup","cgroup_id":N,"cgroup":"/path"} names a cgroup (the first naming counts,
  // as in the general reader); the other kinds (a signal, a process's exit, the counts at the
  // end) are not syscalls and are not rows.
  bool kind_line() {
    if (lit("cgroup\",\"cgroup_id\":")) {
      uint64_t id;
      if (!number(&id) || !lit(",\"cgroup\":") || !string(&scratch_) || !lit("}") || p_ != end_)
        return false;
      declared_.emplace(id, scratch_);
      return true;
    }
    if (!lit("signal\",") && !lit("exit\",") && !lit("end\"")) return false;
    std::string_view rest(p_, static_cast<size_t>(end_ - p_));
    return !rest.empty() && rest.back() == '}' && rest.find("\"nr\":") == std::string_view::npos;
  }

  bool record() {
    JsonlColumns& c = c_;
    uint64_t ts, cgroup = 0;
    int64_t wall;
    uint32_t tgid, tid;
    int32_t nr;
    if (!lit("{\"ts_ns\":") || !number(&ts) || !lit(",\"wall_ns\":") || !number(&wall))
      return false;
    if (lit(",\"host\":")) {
      if (!string(&scratch_)) return false;
      host_.push(scratch_);
    } else {
      host_.push_null();
    }
    if (!lit(",\"tgid\":") || !number(&tgid) || !lit(",\"tid\":") || !number(&tid) ||
        !lit(",\"comm\":") || !string(&scratch_))
      return false;
    comm_.push(scratch_);
    bool has_cgroup = lit(",\"cgroup_id\":");
    if (has_cgroup && !number(&cgroup)) return false;
    if (has_cgroup && lit(",\"container_id\":")) {
      if (!string(&scratch_)) return false;
      container_.push(scratch_);
    } else {
      container_.push_null();
    }
    if (has_cgroup && lit(",\"pod_uid\":")) {
      if (!string(&scratch_)) return false;
      pod_.push(scratch_);
    } else {
      pod_.push_null();
    }
    bool compat;
    if (!lit(",\"nr\":") || !number(&nr) || !lit(",\"syscall\":") || !string(&scratch_) ||
        !lit(",\"compat\":") || !boolean(&compat) || !lit(",\"args\":["))
      return false;
    for (int i = 0; i < kArgs; ++i) {
      uint64_t arg;
      if ((i && !lit(",")) || !number(&arg)) return false;
      c.args[i].push_back(arg);
    }
    int64_t ret = 0;
    uint64_t duration = 0;
    if (!lit("],\"ret\":")) return false;
    bool has_ret = !lit("null");
    if (has_ret && !number(&ret)) return false;
    if (!lit(",\"error\":")) return false;
    if (lit("null")) {
      error_.push_null();
    } else {
      if (!string(&scratch_)) return false;
      error_.push(scratch_);
    }
    if (!lit(",\"duration_ns\":")) return false;
    bool has_duration = !lit("null");
    if (has_duration && !number(&duration)) return false;
    if (lit(",\"unfinished\":") && !string(&scratch_)) return false;
    if (lit(",\"resumed\":") && !lit("true")) return false;
    c.ts_ns.push_back(ts);
    c.wall_ns.push_back(wall);
    c.tgid.push_back(tgid);
    c.tid.push_back(tid);
    c.nr.push_back(nr);
    c.compat.push_back(compat);
    c.ret.push_back(ret);
    c.has_ret.push_back(has_ret);
    c.duration_ns.push_back(duration);
    c.has_duration.push_back(has_duration);
    c.cgroup_id.push_back(cgroup);
    c.has_cgroup_id.push_back(has_cgroup);
    ++c.rows;
    return items(nr, compat);
  }

  // One {"arg":N,"value":"...","truncated":B[,"at_exit":B][,"absolute":"..."]} into value.
  bool item(uint64_t* arg, std::string* value, bool* cut) {
    bool at_exit;
    if (!lit("{\"arg\":") || !unsigned_number(std::numeric_limits<int64_t>::max(), arg) ||
        !lit(",\"value\":") || !string(value) || !lit(",\"truncated\":") || !boolean(cut))
      return false;
    if (lit(",\"at_exit\":") && !boolean(&at_exit)) return false;
    if (lit(",\"absolute\":") && !string(&scratch_)) return false;
    return lit("}");
  }

  // strings, buffers and fd_paths as the columns path, path2, argv, data, data2, truncated
  // and fd_path (observer.frames _items).
  bool items(int32_t nr, bool compat) {
    JsonlColumns& c = c_;
    bool any = false, cut = false, more;
    uint64_t arg;
    size_t strings = 0;
    if (!lit(",\"strings\":[")) return false;
    while (!lit("]")) {
      if ((strings && !lit(",")) || !item(&arg, &value_[strings < 2 ? strings : 2], &more))
        return false;
      if (strings < 2) cut |= more;
      ++strings;
      any = true;
    }
    for (size_t j = 0; j < 2; ++j) {
      JsonlValues& column = j ? c.path2 : c.path;
      if (j < strings ? !push_value(column, value_[j], true) : (push_null(column), false))
        return false;
    }
    // Buffers: execve's argv, then data and data2 in order.
    int32_t argv_arg = compat ? -1 : nr == argv_.execve && nr >= 0 ? 1
                                   : nr == argv_.execveat && nr >= 0 ? 2 : -1;
    size_t kept = 0, buffers = 0;
    bool has_argv = false;
    if (!lit(",\"buffers\":[")) return false;
    while (!lit("]")) {
      if ((buffers && !lit(",")) || !item(&arg, &scratch_, &more)) return false;
      ++buffers;
      any = true;
      cut |= more;
      if (argv_arg >= 0 && arg == static_cast<uint64_t>(argv_arg)) {
        has_argv = true;
        cut |= split_argv(scratch_);
      } else if (kept < 2) {
        std::swap(value_[kept], scratch_);
        ++kept;
      }
    }
    for (size_t j = 0; j < 2; ++j) {
      JsonlValues& column = j ? c.data2 : c.data;
      if (j < kept ? !push_value(column, value_[j], false) : (push_null(column), false))
        return false;
    }
    if (has_argv) {
      for (const auto& s : argv_items_)
        if (!push_value(c.argv, s, true)) return false;
    }
    c.argv_offsets.push_back(static_cast<int32_t>(c.argv.valid.size()));
    c.argv_valid.push_back(has_argv);
    c.truncated.push_back(cut);
    c.has_items.push_back(any);
    // -y: the returned fd's path, else the lowest fd argument's.
    int best = -1;
    if (lit(",\"fd_paths\":[")) {
      bool first = true, deleted;
      while (!lit("]")) {
        if ((!first && !lit(",")) || !lit("{\"of\":") || !string(&scratch_)) return false;
        first = false;
        int owner = fd_owner(scratch_);
        if (!lit(",\"path\":") || !string(&scratch_)) return false;
        if (lit(",\"deleted\":") && !boolean(&deleted)) return false;
        if (!lit("}")) return false;
        if (owner < 0) continue;
        if (owner == best) return false;  // two paths of one fd: not the sink's
        if (best < 0 || owner < best) {
          best = owner;
          std::swap(fd_best_, scratch_);
        }
      }
    }
    if (best < 0) {
      push_null(c.fd_path);
    } else if (!push_value(c.fd_path, fd_best_, true)) {
      return false;
    }
    return (!lit(",\"stack\":[") || stack()) && lit("}");
  }

  // -k's frames, after ,"stack":[ (the record schema has no column for them): read, to tell
  // the sink's shape, and left out.
  bool stack() {
    uint64_t n;
    for (bool first = true; !lit("]"); first = false) {
      if ((!first && !lit(",")) || !lit("{\"address\":") || !number(&n) ||
          !lit(",\"module\":") || !(lit("null") || string(&scratch_)) ||
          !lit(",\"offset\":") || !number(&n) || !lit(",\"symbol\":"))
        return false;
      if (lit("null")) {
        if (!lit(",\"symbol_offset\":null}")) return false;
      } else if (!string(&scratch_) || !lit(",\"symbol_offset\":") || !number(&n) ||
                 !lit("}")) {
        return false;
      }
    }
    return true;
  }

  // execve's argv blob (argv_blob.h) into argv_items_; whether any string or element was
  // cut (observer.frames _argv).
  bool split_argv(std::string_view blob) {
    argv_items_.clear();
    bool cut = false;
    ArgvElement e;
    while (next_argv_element(blob, e)) {
      if (e.tag == ARGV_STRING || e.tag == ARGV_STRING_CUT) argv_items_.emplace_back(e.text);
      cut |= e.tag != ARGV_STRING;
    }
    return cut;
  }

  JsonlColumns& c_;
  ArgvSyscalls argv_;
  const char* p_ = nullptr;
  const char* end_ = nullptr;
  Interner host_, comm_, container_, pod_, error_;
  std::unordered_map<uint64_t, std::string> declared_;
  std::string scratch_, fd_best_;
  std::string value_[3];
  std::vector<std::string> argv_items_;
};

}  // namespace

void JsonlColumns::reserve(size_t n) {
  for (auto* v : {&ts_ns, &duration_ns, &cgroup_id}) v->reserve(n);
  for (auto& v : args) v.reserve(n);
  for (auto* v : {&wall_ns, &ret}) v->reserve(n);
  for (auto* v : {&tgid, &tid}) v->reserve(n);
  for (auto* v : {&compat, &has_ret, &has_duration, &has_cgroup_id, &argv_valid, &truncated,
                  &has_items})
    v->reserve(n);
  nr.reserve(n);
  argv_offsets.reserve(n + 1);
  for (auto* d : {&host, &comm, &container_id, &pod_uid, &error}) d->codes.reserve(n);
  for (auto* v : {&path, &path2, &fd_path, &data, &data2}) {
    v->offsets.reserve(n + 1);
    v->valid.reserve(n);
  }
}

namespace {

// Parses the lines of path from byte from to byte to into columns, with room reserved for the
// records of about bytes bytes; false at a line not in the sink's shape or a last line
// without its '\n'.
bool parse_part(const std::string& path, Parser& parser, JsonlColumns& columns, uint64_t from,
                uint64_t to, uint64_t bytes) {
  bool known = true, first = true;
  std::string rest = read_lines(
      path, 16 << 20,
      [&](std::string_view lines) {
        if (first) {
          // Room for as many records as the first block's lines promise, and a few more
          // (pages not written to are not taken).
          auto count = static_cast<double>(std::count(lines.begin(), lines.end(), '\n'));
          columns.reserve(static_cast<size_t>(static_cast<double>(bytes) /
                                              static_cast<double>(lines.size()) * count * 1.05) +
                          64);
          first = false;
        }
        return known = parser.lines(lines);
      },
      from, to);
  // The sink ends every line with '\n': a last line without one was cut.
  return known && rest.empty();
}

// Where the first line after byte at of the file starts, or its size.
uint64_t line_after(const std::string& path, uint64_t at, uint64_t size) {
  uint64_t found = size;
  read_lines(
      path, 64 << 10,
      [&](std::string_view lines) {
        found = at + lines.find('\n') + 1;
        return false;
      },
      at, size);
  return found;
}

}  // namespace

JsonlColumns read_jsonl_columns(const std::string& path, ArgvSyscalls argv) {
  // A large file is read in two parts at once, the second from the first line past its
  // middle, and the second part's rows appended to the first's: the parse is most of
  // read_log's time.
  constexpr uint64_t kSplitFrom = 32 << 20;
  struct stat st{};
  uint64_t size = ::stat(path.c_str(), &st) == 0 && st.st_size > 0
                      ? static_cast<uint64_t>(st.st_size) : 0;
  uint64_t middle = size >= kSplitFrom ? line_after(path, size / 2, size) : size;
  JsonlColumns columns, later;
  Parser parser(columns, argv), parser_later(later, argv);
  bool known = true, known_later = true;
  std::exception_ptr failed;
  std::thread second;
  if (middle < size)
    second = std::thread([&] {
      try {
        known_later = parse_part(path, parser_later, later, middle, size, size - middle);
      } catch (...) {
        failed = std::current_exception();
      }
    });
  try {
    // A file of unknown size (a pipe) is read whole.
    known = parse_part(path, parser, columns, 0, middle < size ? middle : UINT64_MAX,
                       std::max<uint64_t>(size, 1));
  } catch (...) {
    if (second.joinable()) second.join();
    throw;
  }
  if (second.joinable()) second.join();
  if (failed) std::rethrow_exception(failed);
  if (!known || !known_later || (middle < size && !parser.absorb(parser_later))) {
    JsonlColumns none;
    none.recognised = false;
    return none;
  }
  parser.finish();
  return columns;
}

}  // namespace observer
