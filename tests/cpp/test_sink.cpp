// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The sinks' formatting, written to real files: the log line, JSON Lines, strace lines, and
// what a failing output leaves behind.
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "call_order.h"
#include "check.h"
#include "decode.h"
#include "error.h"
#include "records.h"
#include "sink.h"
#include "split_sink.h"

using namespace observer;
using check::nr_of;

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

// Every record, syscalls and the others, names its host; a hostile name stays one JSON
// string on one line.
void json_lines_name_their_host() {
  TempFile file;
  {
    auto sink = JsonSink::open(file.path, "node-7/../\"x\"\n");
    Event e = event(42, 3, "cat");
    e.flags = EVENT_HAS_RET | EVENT_HAS_TIME;
    sink->write(e);
    Event exit = event(42, 0, "cat");
    exit.flags = EVENT_PROCESS_EXIT;
    sink->write(exit);
  }
  std::string text = file.read();
  std::string host = "\"host\":\"node-7/../\\\"x\\\"\\u000a\",\"tgid\":42,";
  size_t first = text.find(host);
  CHECK(first != std::string::npos);
  CHECK(text.find(host, first + 1) != std::string::npos);
  CHECK(text.find("\"kind\":\"exit\"") != std::string::npos);
  CHECK_EQ(std::count(text.begin(), text.end(), '\n'), 2L);
  // No cgroup id: nothing about a container or pod.
  CHECK(text.find("container_id") == std::string::npos);
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


// A call of thread tid (its own process) that entered at ts and took duration ns.
Event call(uint32_t tid, std::string_view name, uint64_t ts, uint64_t duration, int64_t ret,
           std::vector<uint64_t> args = {}) {
  Event e = event(tid, nr_of(name), "x");
  e.tid = tid;
  e.ts_ns = ts;
  e.duration_ns = duration;
  e.ret = ret;
  e.flags = EVENT_HAS_RET | EVENT_HAS_TIME;
  for (size_t i = 0; i < args.size(); ++i) e.args[i] = args[i];
  return e;
}

// Writes a pass's records, given in ring order, as Tracer does to a sink that splits calls.
void write_pass(Sink& sink, const std::vector<Event>& ring) {
  std::vector<Moment> moments;
  for (size_t i = 0; i < ring.size(); ++i) add_moments(moments, ring[i], static_cast<uint32_t>(i));
  sort_moments(moments);
  for (const Moment& m : moments) sink.write_part(&ring[m.record], sizeof(Event), m.part);
}

// The lines of text with runs of spaces made one (the result's padding aside).
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out(1);
  for (char c : text) {
    if (c == '\n')
      out.emplace_back();
    else if (c != ' ' || out.back().empty() || out.back().back() != ' ')
      out.back() += c;
  }
  out.pop_back();
  return out;
}

// The kernel writes a call's record at its exit: a shell's wait4 comes after its child's
// lines in the ring but entered before them. strace's text shows the wait begun, the child's
// lines, then the wait's result.
void a_wait_ends_after_the_lines_of_the_child_it_returns() {
  TempFile file;
  uint64_t minus_one = static_cast<uint64_t>(-1);
  Event exit_group = call(200, "exit_group", 4000, 0, 0);
  exit_group.flags = EVENT_HAS_TIME;  // never returns
  Event end = event(200, -1, "x");
  end.tid = 200;
  end.ts_ns = 4500;
  end.flags = EVENT_PROCESS_EXIT | EVENT_HAS_TIME;
  std::vector<Event> ring = {call(100, "getppid", 1000, 100, 1),
                             call(200, "getpid", 2000, 100, 200),
                             call(200, "close", 3000, 100, 0, {3}),
                             exit_group,
                             end,
                             call(100, "wait4", 1500, 4000, 200, {minus_one, 0, 0, 0}),
                             call(100, "getpid", 6000, 100, 100)};
  {
    auto sink = StraceSink::open(file.path, TimeFormat{});
    write_pass(*sink, ring);
    sink->flush();
    CHECK_EQ(sink->written(), uint64_t{7});  // the wait's first line is not a record
  }
  std::vector<std::string> expected = {"100 getppid() = 1",
                                       "100 wait4(-1, <unfinished ...>",
                                       "200 getpid() = 200",
                                       "200 close(3) = 0",
                                       "200 exit_group(0) = ?",
                                       "200 +++ exited with 0 +++",
                                       "100 <... wait4 resumed>NULL, 0, NULL) = 200",
                                       "100 getpid() = 100"};
  std::vector<std::string> lines = lines_of(file.read());
  CHECK_EQ(lines.size(), expected.size());
  for (size_t i = 0; i < lines.size() && i < expected.size(); ++i) CHECK_EQ(lines[i], expected[i]);
}

// -T on the line of the result, -ttt at the time each line stands for.
void the_parts_of_a_call_show_their_own_times() {
  TempFile file;
  std::vector<Event> ring = {call(200, "getpid", 2'000'000'000, 1000, 200),
                             call(100, "wait4", 1'000'000'000, 2'500'000'000, 200)};
  {
    auto sink = StraceSink::open(file.path, TimeFormat{3, true, false});
    write_pass(*sink, ring);
  }
  std::vector<std::string> lines = lines_of(file.read());
  CHECK_EQ(lines.size(), size_t{3});
  if (lines.size() != 3) return;
  auto stamp = [](const std::string& line) { return std::stod(line.substr(line.find(' ') + 1)); };
  CHECK(stamp(lines[1]) - stamp(lines[0]) > 0.99 && stamp(lines[1]) - stamp(lines[0]) < 1.01);
  CHECK(stamp(lines[2]) - stamp(lines[0]) > 2.49 && stamp(lines[2]) - stamp(lines[0]) < 2.51);
  CHECK(lines[0].find("<unfinished ...>") != std::string::npos);
  CHECK_EQ(lines[0].find(" <2."), std::string::npos);
  CHECK(lines[2].size() > 11 && lines[2].substr(lines[2].size() - 11) == " <2.500000>");
}

// -ff: a file shows one process, and only its own lines split its calls. A file closed while
// a call's entry waits (more processes than open files) writes it begun.
void per_process_strace_files_split_calls_by_their_own_lines() {
  TempDir dir;
  std::string base = dir.path + "/t";
  std::vector<Event> ring = {call(200, "getpid", 2000, 100, 200),
                             call(101, "getpid", 2500, 100, 100),
                             call(100, "wait4", 1000, 4000, 200)};
  uint32_t others = SplitSink::kMaxOpen + 1;
  std::vector<Event> many;
  for (uint32_t i = 0; i < others; ++i) many.push_back(call(1000 + i, "getpid", 1100 + i, 1, 7));
  many.push_back(call(300, "getppid", 1000, 2000, 1));
  {
    SplitSink sink(base, SplitSink::Kind::kStrace);
    CHECK(sink.splits_calls());
    ring[1].tgid = 100;  // a second thread of process 100
    write_pass(sink, ring);
    write_pass(sink, many);
    sink.close();
    CHECK_EQ(sink.written(), uint64_t{ring.size() + many.size()});
  }
  CHECK(lines_of(dir.read("t.200")) == std::vector<std::string>{"200 getpid() = 200"});
  std::vector<std::string> expected = {"100 wait4(0, <unfinished ...>", "101 getpid() = 100",
                                       "100 <... wait4 resumed>NULL, 0, NULL) = 200"};
  CHECK(lines_of(dir.read("t.100")) == expected);
  expected = {"300 getppid( <unfinished ...>", "300 <... getppid resumed>) = 1"};
  CHECK(lines_of(dir.read("t.300")) == expected);
}

// A write that fails part way keeps the lines written: written() counts the records among
// them, and not the first lines of split calls, wherever they fall.
void a_failed_write_counts_the_records_it_kept() {
  int fds[2];
  if (pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0 || fcntl(fds[1], F_SETPIPE_SZ, 4096) < 0) {
    std::printf("sink: no small pipe, skipping the partial-write check\n");
    return;
  }
  StraceSink sink(fds[1], true, "pipe", TimeFormat{});
  std::vector<Event> ring;
  for (uint32_t i = 0; i < 100; ++i) {  // 100 split calls, about 60 bytes a line
    ring.push_back(call(300 + i, "getpid", 10 * i + 5, 1, 7));
    ring.push_back(call(200, "close", 10 * i, 10, 0, {i}));
  }
  write_pass(sink, ring);
  bool thrown = false;
  try {
    sink.flush();
  } catch (const SinkError&) {
    thrown = true;
  }
  CHECK(thrown);
  std::string text(8192, '\0');
  ssize_t n = read(fds[0], text.data(), text.size());
  close(fds[0]);
  text.resize(n > 0 ? static_cast<size_t>(n) : 0);
  text.resize(text.rfind('\n') + 1);  // the line the pipe cut is not kept
  uint64_t records = 0;
  for (const std::string& line : lines_of(text))
    records += line.find("<unfinished ...>") == std::string::npos;
  CHECK(records > 10 && records < 300);
  CHECK_EQ(sink.written(), records);
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
  json_lines_name_their_host();
  strace_lines_start_with_the_thread_and_align_results();
  a_full_disk_counts_nothing_as_written();
  a_wait_ends_after_the_lines_of_the_child_it_returns();
  the_parts_of_a_call_show_their_own_times();
  per_process_strace_files_split_calls_by_their_own_lines();
  a_failed_write_counts_the_records_it_kept();
  return check::report("sink");
}
