// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// -ff: one output file per process, as strace writes them. Used from one thread at a time.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "sink.h"

namespace observer {

// A process's syscall numbers, space-separated, then a newline at the end: the layout of
// `python -m observer.formatter`'s <comm>:<pid>.log files, written while tracing.
class SequenceSink : public FileSink {
 public:
  SequenceSink(int fd, bool owns_fd, std::string name);
  void write(const Event& event) override;
  // Turns the trailing space of the file name in the directory dir into the final newline;
  // shown names it in errors.
  static void end(int dir, const std::string& name, const std::string& shown);

 private:
  static constexpr size_t kMaxToken = 12;
};

// Routes each record to the file of its process: for the log format the formatter's
// DIR/<comm>:<pid>.log (comm escaped as in the log, '/' as \x2f; a process that execs starts
// a new file, as the formatter splits the images), for jsonl and strace FILE.<pid>.
//
// Files are 0600 and opened relative to their directory, held open from the start, and never
// through a symlink. DIR is created 0700 if missing (an existing one is used as it is) and may
// not be a symlink itself.
//
// At most kMaxOpen files are open at once: the least recently written is closed and opened
// again, appending, when its process writes next, so any number of processes fit.
class SplitSink : public Sink {
 public:
  enum class Kind { kSequence, kJson, kStrace };
  // Opens (for the log, creates) the directory; throws SinkError.
  // host: what each jsonl record names as its host ("": none).
  SplitSink(std::string base, Kind kind, TimeFormat time = {}, std::string host = "",
            StraceDisplay display = {});
  ~SplitSink() override;
  SplitSink(const SplitSink&) = delete;
  SplitSink& operator=(const SplitSink&) = delete;

  void write(const Event& event) override { write_record(&event, sizeof(event)); }
  void write_record(const void* data, uint32_t size) override;
  // strace's files split calls as StraceSink does, each file by its own lines: a call is
  // split only by a line of its own process.
  bool splits_calls() const noexcept override { return kind_ == Kind::kStrace; }
  void write_part(const void* data, uint32_t size, CallPart part) override;
  void flush() override;
  // Flushes and closes every file (sequence files get their final newline). Idempotent.
  void close();
  // Files created so far.
  size_t files() const noexcept { return created_.size(); }
  // -k: the stacks of jsonl and strace files, one unwinder for them all.
  void set_stacks(std::shared_ptr<Stacks> stacks) { stacks_ = std::move(stacks); }

  static constexpr size_t kMaxOpen = 256;

 private:
  struct Open {
    std::unique_ptr<FileSink> sink;
    std::list<std::string>::iterator lru;
  };
  // The file of event's process: its name in dir_ (the key of open_ and created_).
  std::string name_of(const Event& event) const;
  // The name as the user knows it, for errors: DIR/<comm>:<pid>.log or FILE.<pid>.
  std::string shown(const std::string& name) const;
  FileSink& sink_for(const std::string& name);
  void evict();

  std::string base_;
  Kind kind_;
  std::string host_;
  TimeFormat time_;
  StraceDisplay display_;
  int dir_ = -1;             // DIR, or the directory FILE is in
  std::string name_prefix_;  // "" (DIR/...), or FILE's last component and "."
  std::unordered_map<std::string, Open> open_;
  std::list<std::string> lru_;  // most recently written first
  std::unordered_set<std::string> created_;
  uint64_t closed_written_ = 0;  // records of files closed since
  bool closed_ = false;
  std::shared_ptr<Stacks> stacks_;
};

}  // namespace observer
