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

void parse_into(std::string_view text, LogColumns& columns, CommIndex& comms) {
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.empty()) continue;
    size_t first = line.find(':');
    size_t second = first == std::string_view::npos ? first : line.find(':', first + 1);
    uint64_t pid = 0;
    int32_t nr = 0;
    if (second == std::string_view::npos || !is_ascii(line) ||
        !parse_decimal(line.substr(0, first), std::numeric_limits<uint32_t>::max(), &pid) ||
        !parse_nr(line.substr(first + 1, second - first - 1), &nr)) {
      ++columns.malformed;
      continue;
    }
    columns.pid.push_back(static_cast<uint32_t>(pid));
    columns.nr.push_back(nr);
    columns.comm.push_back(comms.find(line.substr(second + 1)));
  }
}

}  // namespace

void parse_log_lines(std::string_view text, LogColumns& columns) {
  CommIndex comms(columns);
  parse_into(text, columns, comms);
}

LogColumns read_log_columns(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error("read " + path, errno);
  LogColumns columns;
  CommIndex comms(columns);
  std::string buffer;
  std::vector<char> block(1 << 20);
  for (;;) {
    ssize_t n = ::read(fd, block.data(), block.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      throw Error("read " + path, err);
    }
    if (n == 0) break;
    buffer.append(block.data(), static_cast<size_t>(n));
    // Parse the complete lines; keep the partial last one for the next block.
    size_t last = buffer.rfind('\n');
    if (last == std::string::npos) continue;
    parse_into(std::string_view(buffer).substr(0, last + 1), columns, comms);
    buffer.erase(0, last + 1);
  }
  ::close(fd);
  parse_into(buffer, columns, comms);  // a last line without '\n'
  return columns;
}

}  // namespace observer
