// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Where records go once they leave the ring. A Sink is used from one thread at a time.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "cgroup_paths.h"
#include "event.h"
#include "text.h"

namespace observer {

struct Strings;  // decode.h
class Stacks;    // stacks.h

class Sink {
 public:
  virtual ~Sink() = default;
  virtual void write(const Event& event) = 0;
  // A whole ring record: the event and, with EVENT_HAS_STRINGS, its string tail. Sinks that
  // show strings override this; the others see the event only.
  virtual void write_record(const void* data, uint32_t size) {
    (void)size;
    write(*static_cast<const Event*>(data));
  }
  // Whether the sink writes a call in two parts when other lines come between its entry and
  // its exit, as strace does. Such a sink takes every record through write_part(), in the
  // order of call_order.h: a call that returned at its entry (kEntry) and at its exit (kExit),
  // any other record once (kWhole). A record stays valid until its kExit is written.
  virtual bool splits_calls() const noexcept { return false; }
  virtual void write_part(const void* data, uint32_t size, CallPart part) {
    if (part != CallPart::kEntry) write_record(data, size);
  }
  // Pushes buffered records out; throws SinkError if they cannot be written.
  virtual void flush() = 0;
  // Records that reached the output in full.
  uint64_t written() const noexcept { return written_; }

 protected:
  uint64_t written_ = 0;
};

// Why an output path is refused: outputs are never redirected through a symlink.
inline constexpr const char* kSymlinkRefused =
    "it is a symbolic link, which observer does not follow";

// Appends the escaped comm: printable ASCII as is, '\' as "\\", other bytes as "\xHH", so one
// record is always one line and the name round-trips. Writes at most 4 * TASK_COMM_LEN bytes.
char* escape_comm(char* out, const char (&comm)[TASK_COMM_LEN]) noexcept;

// Line-oriented output to a file descriptor: subclasses format one record per line into a
// large buffer with std::to_chars (no iostreams, no printf), written with write(2).
//
// If a write fails (disk full, closed pipe), the file is cut back to its last complete line,
// written() counts exactly the lines it holds, and SinkError is thrown.
class FileSink : public Sink {
 public:
  FileSink(int fd, bool owns_fd, std::string name);
  ~FileSink() override;
  FileSink(const FileSink&) = delete;
  FileSink& operator=(const FileSink&) = delete;

  void flush() override;

  // Opens (creates, truncates; with append, creates or appends) path; "-" is standard output.
  // Returns (fd, owned, name).
  static std::tuple<int, bool, std::string> open_fd(const std::string& path,
                                                    bool append = false);
  // The same for name in the directory dir (a descriptor, or AT_FDCWD), called shown in
  // errors: never through a symlink, and a regular file is left 0600 whatever the umask and
  // whatever mode it had. Returns the descriptor.
  static int open_at(int dir, const std::string& name, const std::string& shown, bool append);

 protected:
  // Room for one line of at most max bytes; commit its end (after the '\n') when done.
  char* line(size_t max) {
    if (buffer_.size() - used_ < max) {
      flush();
      if (buffer_.size() < max) buffer_.resize(max);
    }
    return buffer_.data() + used_;
  }
  void commit(char* end) {
    used_ = static_cast<size_t>(end - buffer_.data());
    ++buffered_;
  }
  // What ends a record: a failed write keeps the file up to the last one ('\n': lines).
  char separator_ = '\n';
  // Commits a line that is not a record (a header): written() does not count it.
  void commit_header(char* end) {
    used_ = static_cast<size_t>(end - buffer_.data());
    header_ends_.push_back(used_);
  }

 private:
  static constexpr size_t kBufferSize = 1 << 20;

  int fd_;
  bool owns_fd_;
  bool failed_ = false;
  std::string name_;
  std::vector<char> buffer_;
  size_t used_ = 0;
  uint64_t buffered_ = 0;            // record lines in buffer_
  std::vector<size_t> header_ends_;  // where each header line in buffer_ ends
  off_t offset_ = -1;                // end of the last complete line, for regular files only
};

// Counts records and drops them: what is left in the ring once the output has failed.
class DiscardSink : public Sink {
 public:
  void write(const Event&) override { ++written_; }
  void flush() override {}
};

// The trace log of seed 001: one line per syscall, "tgid:nr:comm".
class TextSink : public FileSink {
 public:
  // Opens (creates, truncates) path; "-" writes to standard output.
  static std::unique_ptr<TextSink> open(const std::string& path);
  using FileSink::FileSink;

  void write(const Event& event) override;

 protected:
  static constexpr size_t kMaxLine = 16 * 3 + 4 * TASK_COMM_LEN;
};

// The log with thread ids: a first line kTidLogHeader, then "pid:tid:nr:comm" per syscall
// (--tid). A class of its own so that the default log's write() stays as it is.
class TidTextSink : public TextSink {
 public:
  static constexpr const char* kHeader = "# pid:tid:syscall_id:comm\n";
  static std::unique_ptr<TidTextSink> open(const std::string& path);
  TidTextSink(int fd, bool owns_fd, std::string name);

  void write(const Event& event) override;
};

// How records show time: none, wall-clock seconds (-t), with microseconds (-tt), and the
// duration (-T). Wall-clock time is CLOCK_REALTIME - CLOCK_MONOTONIC at open plus ts_ns.
struct TimeFormat {
  int timestamps = 0;  // 0, 1 (-t), 2 (-tt) or 3 (-ttt: seconds since the epoch)
  bool durations = false;
  bool relative = false;  // -r: time since the time the previous line shows
};

// One JSON object per line with every field of the record: names and numbers, the
// decoded error, the captured strings (valid UTF-8 as text, other bytes as \udcXX: Python's
// surrogateescape gives them back) and wall-clock time.
//
// Every record says where it came from: "host" (the node's name, when one is given), and
// with its cgroup id the "container_id" and "pod_uid" its cgroup's path shows
// (cgroup_origin), when it shows them.
class JsonSink : public FileSink {
 public:
  static std::unique_ptr<JsonSink> open(const std::string& path, const std::string& host = "");
  JsonSink(int fd, bool owns_fd, std::string name, const std::string& host = "");

  void write(const Event& event) override { write_record(&event, sizeof(event)); }
  void write_record(const void* data, uint32_t size) override;
  // The last line: {"kind":"end","written":...,"lost":...} with the run's counts, in order.
  // Not a record: written() does not count it. Flushes.
  void write_end(const std::vector<std::pair<std::string, int64_t>>& counts);
  // -k: each call's "stack" (shared by the files of -ff).
  void set_stacks(std::shared_ptr<Stacks> stacks) { stacks_ = std::move(stacks); }

 private:
  // {"kind":"KIND","ts_ns":...,"wall_ns":...,"host":...,"tgid":...,"tid":...,"comm":"..." of
  // records that are not syscalls (a process's exit, a signal), and where they ran.
  char* put_kind(char* p, std::string_view kind, const Event& e);
  // ,"cgroup_id":N,"container_id":"...","pod_uid":"..." as far as the record knows them.
  char* put_cgroup(char* p, const Event& e);
  // Before the first record of a cgroup: a line with its id and path.
  void declare_cgroup(const Event& e);
  // Room for a record's line of at most max bytes and where it ran.
  char* record_line(size_t max) { return line(max + host_json_.size() + kMaxOriginJson); }

  // ,"container_id":"<64>","pod_uid":"<36>"
  static constexpr size_t kMaxOriginJson = 160;

  int64_t realtime_offset_;
  std::string host_json_;  // ,"host":"..." or ""
  CgroupPaths cgroups_;
  std::unordered_set<uint64_t> declared_;  // cgroup ids with their line in this file
  uint64_t last_declared_ = 0;
  std::unordered_map<uint64_t, CgroupOrigin> origins_;  // by cgroup id, once looked up
  uint64_t last_origin_id_ = 0;
  const CgroupOrigin* last_origin_ = nullptr;
  std::shared_ptr<Stacks> stacks_;
};

// How strace lines show values: strace's -x and -X for every call, and per syscall (by native
// number; 32-bit calls take the defaults) -e raw=, -e abbrev= (-v) and -e verbose=, and the
// hex dumps of -e read= and -e write=.
struct StraceDisplay {
  enum Call : uint8_t {
    kRaw = 1,           // -e raw=: arguments and result as hex numbers
    kUnabbreviated = 2,  // not in -e abbrev= (-v): structures with every member
    kNoStructs = 4,     // not in -e verbose=: structures by their address
  };
  text::Display display;         // hex_strings and xlat; the rest comes from calls
  std::vector<uint8_t> calls;    // Call bits by native syscall number
  std::vector<int> read_fds;     // -e read=: a dump of what calls read from these fds
  std::vector<int> write_fds;    // -e write=: a dump of what calls wrote to them

  // The display of one record's line.
  text::Display of(const Event& e) const noexcept;
  bool dumps() const noexcept { return !read_fds.empty() || !write_fds.empty(); }
};

// strace's output: "tid [time ]name(decoded args) = ret[ ERRNO (text)][ <duration>]".
//
// Calls come in parts (splits_calls): a call's entry waits for what comes next. If it is the
// call's exit, the call is one line; if it is anything else, the entry is written as strace
// writes it, "tid name(args <unfinished ...>", a line that is not a record (written() does not
// count it), and the exit later as "tid <... name resumed>args) = ret". With -t the exit's
// line shows when the call returned, with -T how long it took.
class StraceSink : public FileSink {
 public:
  static std::unique_ptr<StraceSink> open(const std::string& path, TimeFormat time,
                                          StraceDisplay display = {});
  StraceSink(int fd, bool owns_fd, std::string name, TimeFormat time,
             StraceDisplay display = {});

  void write(const Event& event) override { write_record(&event, sizeof(event)); }
  void write_record(const void* data, uint32_t size) override;
  bool splits_calls() const noexcept override { return true; }
  void write_part(const void* data, uint32_t size, CallPart part) override;
  // Also writes the entry still waiting for what follows it, as begun.
  void flush() override;
  // -k: each call's stack after its line, as strace -k shows it (shared by the files of -ff).
  void set_stacks(std::shared_ptr<Stacks> stacks) { stacks_ = std::move(stacks); }

 private:
  void write_line(const void* data, uint32_t size, CallPart part);
  // Writes the waiting entry, if any, as "<unfinished ...>".
  void end_entry();
  char* put_time(char* out, uint64_t ts_ns);
  // strace's -e read=/write= dump of the data of e's call, after its line.
  char* put_dump(char* out, const Event& e, const Strings& strings) const;

  const void* entered_ = nullptr;  // the call whose entry came last, until something follows
  uint32_t entered_size_ = 0;

  TimeFormat time_;
  StraceDisplay display_;
  int64_t realtime_offset_;
  uint64_t previous_ns_ = 0;  // the time the previous line shows, for -r
  int64_t cached_second_ = -1;  // the wall-clock second whose HH:MM:SS is in cached_clock_
  char cached_clock_[8] = {};
  std::shared_ptr<Stacks> stacks_;
};

// Collects records in memory, for the Python batch API.
class BatchSink : public Sink {
 public:
  void write(const Event& event) override {
    events_.push_back(event);
    ++written_;
  }
  void flush() override {}
  // Hands over the records collected so far.
  std::vector<Event> take() { return std::exchange(events_, {}); }

 private:
  std::vector<Event> events_;
};

}  // namespace observer
