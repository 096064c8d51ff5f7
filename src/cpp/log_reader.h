// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Reads the trace log ("pid:nr:comm" lines, as TextSink writes them) into columns: one pass,
// no allocation per line, each distinct comm stored once. What a comm's escapes mean is the
// caller's business (observer._escape): the reader keeps its escaped text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace observer {

// The first line of a log with thread ids (TidTextSink, --tid): "pid:tid:nr:comm" lines.
inline constexpr std::string_view kTidLogHeader = "# pid:tid:syscall_id:comm\n";

struct LogColumns {
  bool has_tid = false;            // the text began with kTidLogHeader
  std::vector<uint32_t> pid;
  std::vector<uint32_t> tid;       // with has_tid only
  std::vector<int32_t> nr;
  std::vector<uint32_t> comm;      // index into comms
  std::vector<std::string> comms;  // distinct escaped comm texts, in first-seen order
  uint64_t malformed = 0;          // non-blank lines that are not "pid:nr:comm"
};

// Appends the records of complete lines in text to columns; blank lines are skipped. Text that
// starts with kTidLogHeader is a log with thread ids.
// A line is malformed unless it is ASCII, its pid is 1-10 digits up to UINT32_MAX and its nr
// 1-10 digits up to INT32_MAX. Thread-compatible (one columns object per thread).
void parse_log_lines(std::string_view text, LogColumns& columns);

// Reads the file at path in blocks of block_size bytes and calls parse with each block's
// complete lines (up to its last '\n', joined to what the block before left), until the end or
// until parse returns false; returns the text after the last line parse was given (a last line
// without '\n', or what was not read). Throws Error (op "read PATH").
// Only the bytes from offset from up to to, when given (a part of the file that starts a
// line).
std::string read_lines(const std::string& path, size_t block_size,
                       const std::function<bool(std::string_view)>& parse, uint64_t from = 0,
                       uint64_t to = UINT64_MAX);

// parse_log_lines over the whole file at path, read in blocks. Throws Error (op "read PATH").
LogColumns read_log_columns(const std::string& path);

}  // namespace observer
