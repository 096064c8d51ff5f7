// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Where records go once they leave the ring. A Sink is used from one thread at a time.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "event.h"

namespace observer {

class Sink {
 public:
  virtual ~Sink() = default;
  virtual void write(const Event& event) = 0;
  // Pushes buffered records out; throws SinkError if they cannot be written.
  virtual void flush() = 0;
  // Records that reached the output in full.
  uint64_t written() const noexcept { return written_; }

 protected:
  uint64_t written_ = 0;
};

// Appends the escaped comm: printable ASCII as is, '\' as "\\", other bytes as "\xHH", so one
// record is always one line and the name round-trips. Writes at most 4 * TASK_COMM_LEN bytes.
char* escape_comm(char* out, const char (&comm)[TASK_COMM_LEN]) noexcept;

// The trace log of seed 001: one line per syscall, "tgid:nr:comm". Formats into a large
// buffer with std::to_chars (no iostreams, no printf) and writes with write(2).
//
// If a write fails (disk full, closed pipe), the file is cut back to its last complete line,
// written() counts exactly the lines it holds, and SinkError is thrown.
class TextSink : public Sink {
 public:
  // Opens (creates, truncates) path; "-" writes to standard output.
  static std::unique_ptr<TextSink> open(const std::string& path);
  TextSink(int fd, bool owns_fd, std::string name);
  ~TextSink() override;
  TextSink(const TextSink&) = delete;
  TextSink& operator=(const TextSink&) = delete;

  void write(const Event& event) override;
  void flush() override;

 private:
  static constexpr size_t kBufferSize = 1 << 20;
  static constexpr size_t kMaxLine = 16 * 3 + 4 * TASK_COMM_LEN;

  int fd_;
  bool owns_fd_;
  bool failed_ = false;
  std::string name_;
  std::vector<char> buffer_;
  size_t used_ = 0;
  uint64_t buffered_ = 0;  // lines in buffer_
  off_t offset_ = -1;      // end of the last complete line, for regular files only
};

// Counts records and drops them: what is left in the ring once the output has failed.
class DiscardSink : public Sink {
 public:
  void write(const Event&) override { ++written_; }
  void flush() override {}
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
