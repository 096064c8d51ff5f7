// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The sinks' formatting, written to real files: the log line, JSON Lines, strace lines, and
// what a failing output leaves behind.
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "check.h"
#include "decode.h"
#include "error.h"
#include "records.h"
#include "sink.h"
#include "split_sink.h"

using namespace observer;

namespace {

using check::event;

// A temporary file that is removed at the end of the scope.
struct TempFile {
  std::string path;
  TempFile() {
    char name[] = "/tmp/observer-sink-XXXXXX";
    int fd = mkstemp(name);
    if (fd >= 0) close(fd);
    path = name;
  }
  ~TempFile() { unlink(path.c_str()); }
  std::string read() const {
    std::string text;
    int fd = ::open(path.c_str(), O_RDONLY);
    char buf[4096];
    ssize_t n;
    while (fd >= 0 && (n = ::read(fd, buf, sizeof(buf))) > 0) text.append(buf, n);
    if (fd >= 0) close(fd);
    return text;
  }
};

std::string escaped(const char* comm) {
  char in[TASK_COMM_LEN] = {};
  std::strncpy(in, comm, TASK_COMM_LEN);
  char out[4 * TASK_COMM_LEN];
  return std::string(out, escape_comm(out, in));
}

void comm_escaping_keeps_one_record_per_line() {
  CHECK_EQ(escaped("bash"), "bash");
  CHECK_EQ(escaped("a\\b"), "a\\\\b");
  CHECK_EQ(escaped("x\ny:z"), "x\\x0ay:z");
  CHECK_EQ(escaped("\xff"), "\\xff");
}

void the_log_is_pid_nr_comm() {
  TempFile file;
  {
    auto sink = TextSink::open(file.path);
    sink->write(event(42, 39, "sh"));
    sink->write(event(7, 257, "we\\ird\n"));
    sink->flush();
    CHECK_EQ(sink->written(), uint64_t{2});
  }
  CHECK_EQ(file.read(), "42:39:sh\n7:257:we\\\\ird\\x0a\n");
}

void json_lines_carry_names_results_and_errors() {
  TempFile file;
  {
    auto sink = JsonSink::open(file.path);
    Event e = event(42, 3, "cat");
    e.args[0] = 99;
    e.ret = -9;
    e.flags = EVENT_HAS_RET | EVENT_HAS_TIME;
    sink->write(e);
  }
  std::string line = file.read();
  CHECK(line.find("\"tgid\":42,") != std::string::npos);
  CHECK(line.find("\"comm\":\"cat\"") != std::string::npos);
  CHECK(line.find(std::string("\"syscall\":\"") + std::string(syscall_name(3)) + "\"") !=
        std::string::npos);
  CHECK(line.find("\"ret\":-9,") != std::string::npos);
  CHECK(line.find("\"error\":\"EBADF\"") != std::string::npos);
  CHECK(!line.empty() && line.back() == '\n');
  CHECK_EQ(line.find('\n'), line.size() - 1);
}

// strace -f's layout: the thread id in 5 columns, the result at column 40 unless the call
// is longer.
void strace_lines_start_with_the_thread_and_align_results() {
  TempFile file;
  {
    auto sink = StraceSink::open(file.path, TimeFormat{});
    Event e = event(42, 3, "cat");
    e.args[0] = 5;
    e.flags = EVENT_HAS_RET | EVENT_HAS_TIME;
    sink->write(e);
    e.tid = 1234567;
    sink->write(e);
    e.flags = EVENT_HAS_TIME;  // exit_group: never returns
    sink->write(e);
  }
  std::string name(syscall_name(3));
  std::string call = name + "(5)";
  std::string pad(40 - 6 - call.size() - 1, ' ');
  CHECK_EQ(file.read(), "43    " + call + " " + pad + "= 0\n" +
                            "1234567 " + call + std::string(pad.size() - 2, ' ') + " = 0\n" +
                            "1234567 " + call + std::string(pad.size() - 2, ' ') + " = ?\n");
  TempFile wide;
  {
    auto sink = StraceSink::open(wide.path, TimeFormat{});
    Event e = event(42, 3, "cat");
    e.args[0] = 5;
    e.flags = EVENT_HAS_RET | EVENT_HAS_TIME;
    e.tid = 1000000000;  // "1000000000 close(5) " is 21 columns: padded as well
    sink->write(e);
  }
  std::string text = wide.read();
  CHECK_EQ(text.find('='), size_t{40});
}

void a_full_disk_counts_nothing_as_written() {
  int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
  if (fd < 0) {
    std::printf("sink: /dev/full missing, skipping the full-disk check\n");
    return;
  }
  TextSink sink(fd, true, "/dev/full");
  sink.write(event(1, 0, "x"));
  bool thrown = false;
  try {
    sink.flush();
  } catch (const SinkError& err) {
    thrown = std::string(err.what()).find("/dev/full") != std::string::npos;
  }
  CHECK(thrown);
  CHECK_EQ(sink.written(), uint64_t{0});
}

// A temporary directory whose files are removed at the end of the scope.
struct TempDir {
  std::string path;
  TempDir() {
    char name[] = "/tmp/observer-split-XXXXXX";
    path = mkdtemp(name) ? name : "";
  }
  ~TempDir() {
    std::string command = "rm -rf '" + path + "'";
    (void)!system(command.c_str());
  }
  std::string read(const std::string& name) const {
    TempFile file;
    file.path = path + "/" + name;
    std::string text = file.read();
    file.path = "/nonexistent";  // not removed by its destructor: the directory's
    return text;
  }
};

void the_log_with_thread_ids_has_its_header() {
  TempFile file;
  {
    auto sink = TidTextSink::open(file.path);
    sink->write(event(42, 39, "sh"));
    sink->flush();
    CHECK_EQ(sink->written(), uint64_t{1});  // the header is not a record
  }
  CHECK_EQ(file.read(), "# pid:tid:syscall_id:comm\n42:43:39:sh\n");
}

void per_process_files_survive_more_processes_than_open_files() {
  TempDir dir;
  const uint32_t processes = SplitSink::kMaxOpen + 50;
  {
    SplitSink sink(dir.path, SplitSink::Kind::kSequence);
    // Round robin, twice: every file is closed (evicted) and opened again to append.
    for (int round = 0; round < 2; ++round)
      for (uint32_t pid = 1; pid <= processes; ++pid) sink.write(event(pid, round + 1, "p/q"));
    sink.write(event(7, 60, "p/q"));
    sink.close();
    CHECK_EQ(sink.written(), uint64_t{2 * processes + 1});
    CHECK_EQ(sink.files(), size_t{processes});
  }
  CHECK_EQ(dir.read("p\\x2fq:1.log"), "1 2\n");
  CHECK_EQ(dir.read("p\\x2fq:7.log"), "1 2 60\n");
  CHECK_EQ(dir.read("p\\x2fq:" + std::to_string(processes) + ".log"), "1 2\n");
}

mode_t mode_of(const std::string& path) {
  struct stat st{};
  return lstat(path.c_str(), &st) == 0 ? st.st_mode & 07777 : 0;
}

// Records can hold what programs read: a file that was there (0644) and a new one under umask
// 0 are both 0600, the directory -ff creates 0700.
void outputs_are_private_whatever_the_umask() {
  mode_t mask = umask(0);
  TempFile file;
  chmod(file.path.c_str(), 0644);
  TextSink::open(file.path)->write(event(1, 0, "x"));
  CHECK_EQ(mode_of(file.path), mode_t{0600});
  TempDir dir;
  std::string split = dir.path + "/split";
  {
    SplitSink sink(split + "/", SplitSink::Kind::kSequence);
    sink.write(event(7, 0, "sh"));
    sink.close();
  }
  CHECK_EQ(mode_of(split), mode_t{0700});
  CHECK_EQ(mode_of(split + "/sh:7.log"), mode_t{0600});
  {
    SplitSink sink(dir.path + "/t.jsonl", SplitSink::Kind::kJson);
    sink.write(event(8, 0, "sh"));
    sink.close();
  }
  CHECK_EQ(mode_of(dir.path + "/t.jsonl.8"), mode_t{0600});
  umask(mask);
}

// -ff's directory may not be a symlink, with or without a trailing slash.
void a_symlinked_split_directory_is_refused() {
  TempDir dir;
  std::string link = dir.path + "/link";
  CHECK_EQ(symlink(dir.path.c_str(), link.c_str()), 0);
  for (const std::string& given : {link, link + "/"}) {
    std::string what;
    try {
      SplitSink sink(given, SplitSink::Kind::kSequence);
    } catch (const SinkError& err) {
      what = err.what();
    }
    CHECK_EQ(what, "open " + link + ": " + kSymlinkRefused);
  }
}

}  // namespace

int main() {
  outputs_are_private_whatever_the_umask();
  a_symlinked_split_directory_is_refused();
  the_log_with_thread_ids_has_its_header();
  per_process_files_survive_more_processes_than_open_files();
  comm_escaping_keeps_one_record_per_line();
  the_log_is_pid_nr_comm();
  json_lines_carry_names_results_and_errors();
  strace_lines_start_with_the_thread_and_align_results();
  a_full_disk_counts_nothing_as_written();
  return check::report("sink");
}
