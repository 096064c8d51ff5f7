// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "log_reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <functional>
#include <limits>
#include <unordered_map>

#include "error.h"

namespace observer {

namespace {

// Parses 1-10 decimal digits up to max; false for anything else.
bool parse_decimal(std::string_view s, uint64_t max, uint64_t* out) {
  if (s.empty() || s.size() > 10) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  if (v > max) return false;
  *out = v;
  return true;
}

// The nr field: a decimal, or a negative one down to INT32_MIN (syscall(-1) is recorded as
// the kernel passes it, nr -1); "-0" is not canonical.
bool parse_nr(std::string_view s, int32_t* out) {
  uint64_t v = 0;
  if (!s.empty() && s[0] == '-') {
    if (!parse_decimal(s.substr(1), uint64_t{1} << 31, &v) || v == 0) return false;
    *out = static_cast<int32_t>(-static_cast<int64_t>(v));
    return true;
  }
  if (!parse_decimal(s, std::numeric_limits<int32_t>::max(), &v)) return false;
  *out = static_cast<int32_t>(v);
  return true;
}

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// Hash and equality that look a std::string key up by string_view, without a copy (C++20).
struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// Maps comm texts to their index in columns.comms.
class CommIndex {
 public:
  explicit CommIndex(LogColumns& columns) : columns_(columns) {
    for (uint32_t i = 0; i < columns_.comms.size(); ++i) index_.emplace(columns_.comms[i], i);
  }
  uint32_t find(std::string_view comm) {
    // The previous line's comm is the most likely one: skip the hash then.
    if (last_ != kNone && columns_.comms[last_] == comm) return last_;
    auto it = index_.find(comm);
    if (it == index_.end()) {
      it = index_.emplace(std::string(comm), static_cast<uint32_t>(columns_.comms.size())).first;
      columns_.comms.emplace_back(comm);
    }
    return last_ = it->second;
  }

 private:
  static constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
  LogColumns& columns_;
  std::unordered_map<std::string, uint32_t, TextHash, std::equal_to<>> index_;
  uint32_t last_ = kNone;
};

// The next ':'-terminated field of line from pos (pos moves past the ':'), or false.
bool next_field(std::string_view line, size_t* pos, std::string_view* field) {
  size_t end = line.find(':', *pos);
  if (end == std::string_view::npos) return false;
  *field = line.substr(*pos, end - *pos);
  *pos = end + 1;
  return true;
}

void parse_into(std::string_view text, LogColumns& columns, CommIndex& comms) {
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.empty()) continue;
    size_t pos = 0;
    std::string_view pid_text, tid_text, nr_text;
    uint64_t pid = 0, tid = 0;
    int32_t nr = 0;
    if (!is_ascii(line) || !next_field(line, &pos, &pid_text) ||
        (columns.has_tid && !next_field(line, &pos, &tid_text)) ||
        !next_field(line, &pos, &nr_text) ||
        !parse_decimal(pid_text, std::numeric_limits<uint32_t>::max(), &pid) ||
        (columns.has_tid &&
         !parse_decimal(tid_text, std::numeric_limits<uint32_t>::max(), &tid)) ||
        !parse_nr(nr_text, &nr)) {
      ++columns.malformed;
      continue;
    }
    columns.pid.push_back(static_cast<uint32_t>(pid));
    if (columns.has_tid) columns.tid.push_back(static_cast<uint32_t>(tid));
    columns.nr.push_back(nr);
    columns.comm.push_back(comms.find(line.substr(pos)));
  }
}

// Takes the header of a log with thread ids off the front of text, if it is there.
std::string_view take_header(std::string_view text, LogColumns& columns) {
  if (text.substr(0, kTidLogHeader.size()) != kTidLogHeader) return text;
  columns.has_tid = true;
  return text.substr(kTidLogHeader.size());
}

}  // namespace

void parse_log_lines(std::string_view text, LogColumns& columns) {
  CommIndex comms(columns);
  parse_into(take_header(text, columns), columns, comms);
}

std::string read_lines(const std::string& path, size_t block_size,
                       const std::function<bool(std::string_view)>& parse, uint64_t from,
                       uint64_t to) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error("read " + path, errno);
  // One buffer: the partial last line of a block moves to its front, and the next block is
  // read after it (no second copy of the text).
  const bool whole = from == 0 && to == UINT64_MAX;
  std::string buffer(block_size, '\0');
  size_t kept = 0;
  for (;;) {
    if (buffer.size() - kept < block_size / 2) buffer.resize(kept + block_size);  // a long line
    size_t room = buffer.size() - kept;
    if (to - from < room) room = static_cast<size_t>(to - from);
    // A part by its offsets; the whole file as it comes (a pipe has no offsets).
    ssize_t n = !room ? 0
                : whole ? ::read(fd, buffer.data() + kept, room)
                        : ::pread(fd, buffer.data() + kept, room, static_cast<off_t>(from));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      throw Error("read " + path, err);
    }
    if (n == 0) break;
    from += static_cast<uint64_t>(n);
    size_t have = kept + static_cast<size_t>(n);
    // Parse the complete lines; keep the partial last one for the next block.
    size_t last = std::string_view(buffer.data(), have).rfind('\n');
    kept = have;
    if (last == std::string_view::npos) continue;
    if (!parse(std::string_view(buffer.data(), last + 1))) break;
    kept = have - (last + 1);
    std::memmove(buffer.data(), buffer.data() + last + 1, kept);
  }
  ::close(fd);
  buffer.resize(kept);
  return buffer;
}

LogColumns read_log_columns(const std::string& path) {
  LogColumns columns;
  CommIndex comms(columns);
  bool start = true;  // the header, if any, is the first line
  std::string rest = read_lines(path, 1 << 20, [&](std::string_view complete) {
    parse_into(start ? take_header(complete, columns) : complete, columns, comms);
    start = false;
    return true;
  });
  // A last line without '\n'.
  parse_into(start ? take_header(rest, columns) : std::string_view(rest), columns, comms);
  return columns;
}

}  // namespace observer
