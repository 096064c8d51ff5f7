// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The reader of JsonSink's lines: fields, escapes, items, cgroup lines, lines of another shape.
#include <stdlib.h>
#include <unistd.h>

#include <string>

#include "check.h"
#include "error.h"
#include "jsonl_reader.h"

using namespace observer;

namespace {

std::string file_of(const std::string& text) {
  char name[] = "/tmp/observer-jsonl-XXXXXX";
  int fd = mkstemp(name);
  CHECK(fd >= 0);
  CHECK_EQ(write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
  close(fd);
  return name;
}

JsonlColumns read(const std::string& text) {
  std::string name = file_of(text);
  JsonlColumns c = read_jsonl_columns(name, ArgvSyscalls{59, 322});
  unlink(name.c_str());
  return c;
}

std::string record(int i, const std::string& comm, const std::string& tail) {
  return "{\"ts_ns\":" + std::to_string(i) + ",\"wall_ns\":" + std::to_string(-i) +
         ",\"tgid\":7,\"tid\":8,\"comm\":\"" + comm +
         "\",\"cgroup_id\":5,\"nr\":59,\"syscall\":\"execve\",\"compat\":false,"
         "\"args\":[1,2,3,4,5,18446744073709551615],\"ret\":-2,\"error\":\"ENOENT\","
         "\"duration_ns\":9," + tail + "}\n";
}

void fields_escapes_and_items() {
  JsonlColumns c = read(
      "{\"kind\":\"cgroup\",\"cgroup_id\":5,\"cgroup\":\"/a\\udcff\"}\n" +
      record(1, "a\\\"b\\\\c\\u000ad\\udcfe",
             "\"strings\":[{\"arg\":0,\"value\":\"/bin/x\\udcff\",\"truncated\":false}],"
             "\"buffers\":[{\"arg\":1,\"value\":\"\\u0001x\\u0000\\u0002y\\u0000\\u0001z\\u0000\\u0003\","
             "\"truncated\":false,\"at_exit\":false},{\"arg\":2,\"value\":\"\\udc80\","
             "\"truncated\":false,\"at_exit\":false}],"
             "\"fd_paths\":[{\"of\":\"arg1\",\"path\":\"/b\"},{\"of\":\"ret\",\"path\":\"/r\","
             "\"deleted\":true}]") +
      "{\"kind\":\"exit\",\"ts_ns\":3,\"tgid\":7,\"status\":0,\"exit_code\":0}\n" +
      record(2, "a\\\"b\\\\c\\u000ad\\udcfe", "\"strings\":[],\"buffers\":[]"));
  CHECK(c.recognised);
  CHECK_EQ(c.rows, uint64_t{2});
  CHECK_EQ(c.wall_ns.at(1), int64_t{-2});
  CHECK_EQ(c.args[5].at(0), uint64_t{18446744073709551615u});
  CHECK_EQ(c.ret.at(0), int64_t{-2});
  CHECK_EQ(c.comm.texts.size(), size_t{1});
  CHECK_EQ(c.comm.texts.at(0), "a\"b\\c\nd\\xfe");
  CHECK_EQ(c.cgroup.texts.at(0), "/a\\xff");
  CHECK_EQ(c.cgroup.codes.at(1), 0);
  CHECK_EQ(c.host.codes.at(0), -1);
  // execve's argv: "x", "y" cut, "z", then elements not kept; the other buffer is data.
  CHECK_EQ(c.argv_offsets.at(1), 3);
  CHECK(c.argv_valid.at(0) && !c.argv_valid.at(1));
  CHECK(c.truncated.at(0) && c.has_items.at(0) && !c.has_items.at(1));
  CHECK_EQ(c.data.offsets.at(1), 1);
  CHECK_EQ(c.data.data.data()[0], uint8_t{0x80});
  CHECK_EQ(std::string(reinterpret_cast<const char*>(c.fd_path.data.data()),
                       c.fd_path.offsets.at(1)), "/r");
}

void lines_of_another_shape_are_not_read() {
  std::string good = record(1, "a", "\"strings\":[],\"buffers\":[]");
  CHECK(read(good).recognised);
  CHECK(!read(good + "{\"tgid\":1,\"ts_ns\":1}\n").recognised);  // fields in another order
  CHECK(!read(good + good.substr(0, 20)).recognised);             // a cut last line
  CHECK(!read(good + "\n").recognised);                          // a blank line
  std::string spaced = good;
  spaced.insert(1, " ");
  CHECK(!read(spaced).recognised);
  CHECK(!read(record(1, "\\u00e9", "\"strings\":[],\"buffers\":[]")).recognised);
}

void a_file_is_read_across_block_edges() {
  std::string text;
  for (int i = 0; i < 120000; ++i)
    text += record(i, "p" + std::to_string(i % 7),
                   "\"strings\":[{\"arg\":1,\"value\":\"/usr/lib/x86_64-linux-gnu/libc.so.6/"
                   "and-some-more-path-to-make-the-line-long-enough\",\"truncated\":false}],"
                   "\"buffers\":[]");
  JsonlColumns c = read(text);
  CHECK(c.recognised);
  CHECK_EQ(c.rows, uint64_t{120000});
  CHECK_EQ(c.comm.texts.size(), size_t{7});
  bool ordered = true;
  for (uint32_t i = 0; i < c.rows; ++i)
    ordered = ordered && c.ts_ns[i] == i &&
              c.comm.texts[c.comm.codes[i]] == "p" + std::to_string(i % 7);
  CHECK(ordered);
}

void a_missing_file_is_an_error() {
  bool thrown = false;
  try {
    read_jsonl_columns("/nonexistent/trace.jsonl", ArgvSyscalls{});
  } catch (const Error&) {
    thrown = true;
  }
  CHECK(thrown);
}

}  // namespace

int main() {
  fields_escapes_and_items();
  lines_of_another_shape_are_not_read();
  a_file_is_read_across_block_edges();
  a_missing_file_is_an_error();
  return check::report("jsonl_reader");
}
