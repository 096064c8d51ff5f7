// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The log reader on text and on files: records, comm codes, malformed lines, block edges.
#include <stdlib.h>
#include <unistd.h>

#include <limits>
#include <string>

#include "check.h"
#include "error.h"
#include "log_reader.h"

using namespace observer;

namespace {

LogColumns parse(std::string_view text) {
  LogColumns columns;
  parse_log_lines(text, columns);
  return columns;
}

void records_and_distinct_comms() {
  LogColumns c = parse("12:39:sh\n13:0:ls\n12:1:sh\n14:2:a:b\n");
  CHECK_EQ(c.pid.size(), size_t{4});
  CHECK_EQ(c.pid.at(3), uint32_t{14});
  CHECK_EQ(c.nr.at(1), int32_t{0});
  CHECK_EQ(c.comms.size(), size_t{3});
  CHECK_EQ(c.comm.at(0), c.comm.at(2));
  CHECK_EQ(c.comms.at(c.comm.at(3)), "a:b");  // the comm is everything after the 2nd ':'
  CHECK_EQ(c.malformed, uint64_t{0});
}

void malformed_lines_are_counted_and_blank_ones_skipped() {
  LogColumns c = parse(
      "1:0:ok\n\n1:2\nx:1:a\n1:-0:a\n12345678901:1:a\n1:1:caf\xc3\xa9\n:1:a\n1:2147483648:a\n"
      "4294967295:2147483647:\n1:-2147483649:a\n1:--1:a\n");
  CHECK_EQ(c.pid.size(), size_t{2});
  CHECK_EQ(c.pid.at(1), uint32_t{4294967295u});
  CHECK_EQ(c.nr.at(1), int32_t{2147483647});
  CHECK_EQ(c.comms.at(c.comm.at(1)), "");
  CHECK_EQ(c.malformed, uint64_t{9});
  // syscall(-1) is recorded as the kernel passes it: nr -1, down to INT32_MIN.
  LogColumns negative = parse("7:-1:a\n7:-2147483648:a\n");
  CHECK_EQ(negative.malformed, uint64_t{0});
  CHECK_EQ(negative.nr.at(0), int32_t{-1});
  CHECK_EQ(negative.nr.at(1), std::numeric_limits<int32_t>::min());
  // A last line without its newline still counts.
  CHECK_EQ(parse("1:0:a\n2:0:b").pid.size(), size_t{2});
}

void a_log_with_thread_ids_is_read_after_its_header() {
  LogColumns c = parse("# pid:tid:syscall_id:comm\n12:13:39:sh\n12:14:-1:a:b\n12:39:x\n");
  CHECK(c.has_tid);
  CHECK_EQ(c.pid.size(), size_t{2});
  CHECK_EQ(c.tid.at(0), uint32_t{13});
  CHECK_EQ(c.tid.at(1), uint32_t{14});
  CHECK_EQ(c.nr.at(1), int32_t{-1});
  CHECK_EQ(c.comms.at(c.comm.at(1)), "a:b");
  CHECK_EQ(c.malformed, uint64_t{1});  // "12:39:x" has no tid field
  // The header only counts as the first line; the default log has no tid column.
  LogColumns plain = parse("12:39:sh\n# pid:tid:syscall_id:comm\n");
  CHECK(!plain.has_tid && plain.tid.empty());
  CHECK_EQ(plain.malformed, uint64_t{1});
}

void a_file_is_read_across_block_edges() {
  char name[] = "/tmp/observer-log-XXXXXX";
  int fd = mkstemp(name);
  CHECK(fd >= 0);
  std::string text;
  // Lines of varying length over several 1 MiB blocks, the last without a newline.
  for (int i = 0; i < 200000; ++i)
    text += std::to_string(i) + ":" + std::to_string(i % 300) + ":p" + std::to_string(i % 7) +
            (i == 199999 ? "" : "\n");
  CHECK_EQ(write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
  close(fd);
  LogColumns c = read_log_columns(name);
  unlink(name);
  CHECK_EQ(c.pid.size(), size_t{200000});
  CHECK_EQ(c.malformed, uint64_t{0});
  CHECK_EQ(c.comms.size(), size_t{7});
  bool ordered = true;
  for (uint32_t i = 0; i < c.pid.size(); ++i)
    ordered = ordered && c.pid[i] == i && c.nr[i] == static_cast<int32_t>(i % 300) &&
              c.comms[c.comm[i]] == "p" + std::to_string(i % 7);
  CHECK(ordered);
}

void a_missing_file_names_the_path() {
  bool thrown = false;
  try {
    read_log_columns("/nonexistent/trace.log");
  } catch (const Error& err) {
    thrown = std::string(err.what()).find("/nonexistent/trace.log") != std::string::npos &&
             err.error_code() == ENOENT;
  }
  CHECK(thrown);
}

}  // namespace

int main() {
  records_and_distinct_comms();
  malformed_lines_are_counted_and_blank_ones_skipped();
  a_log_with_thread_ids_is_read_after_its_header();
  a_file_is_read_across_block_edges();
  a_missing_file_names_the_path();
  return check::report("log_reader");
}
