// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "split_sink.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>

#include "decode.h"
#include "error.h"

namespace observer {

SequenceSink::SequenceSink(int fd, bool owns_fd, std::string name)
    : FileSink(fd, owns_fd, std::move(name)) {
  separator_ = ' ';  // each number is written with a space after it
}

void SequenceSink::write(const Event& event) {
  char* p = line(kMaxToken);
  // One numbering, as in the log: a 32-bit call is written as the same syscall's native one.
  int nr = (event.flags & EVENT_COMPAT) ? native_number_of_compat(event.nr) : event.nr;
  p = std::to_chars(p, p + kMaxToken, nr).ptr;
  *p++ = ' ';
  commit(p);
}

void SequenceSink::end(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) throw SinkError("open " + path, errno);
  struct stat st{};
  int err = 0;
  if (fstat(fd, &st) < 0)
    err = errno;
  else if (st.st_size > 0 && pwrite(fd, "\n", 1, st.st_size - 1) != 1)
    err = errno ? errno : EIO;
  ::close(fd);
  if (err) throw SinkError("write " + path, err);
}

SplitSink::SplitSink(std::string base, Kind kind, TimeFormat time)
    : base_(std::move(base)), kind_(kind), time_(time) {}

SplitSink::~SplitSink() {
  try {
    close();
  } catch (const Error&) {
    // Destructors cannot report; callers that care call close() first.
  }
}

std::string SplitSink::path_of(const Event& event) const {
  char pid[16];
  std::string tgid(pid, std::to_chars(pid, pid + sizeof(pid), event.tgid).ptr);
  if (kind_ != Kind::kSequence) return base_ + "." + tgid;
  // The formatter's name: the log's escaping of comm, then '/' as \x2f (escape_comm never
  // writes "\x2f" itself, so the name maps back to one comm).
  char escaped[4 * TASK_COMM_LEN];
  char* end = escape_comm(escaped, event.comm);
  std::string name;
  for (const char* c = escaped; c < end; ++c) {
    if (*c == '/')
      name += "\\x2f";
    else
      name += *c;
  }
  return base_ + "/" + name + ":" + tgid + ".log";
}

FileSink& SplitSink::sink_for(const std::string& path) {
  auto it = open_.find(path);
  if (it != open_.end()) {
    lru_.splice(lru_.begin(), lru_, it->second.lru);
    return *it->second.sink;
  }
  if (open_.size() >= kMaxOpen) evict();
  // A file this run created is opened again to append; a new one replaces what was there.
  bool again = created_.count(path) > 0;
  auto [fd, owned, name] = FileSink::open_fd(path, again);
  std::unique_ptr<FileSink> sink;
  if (kind_ == Kind::kSequence)
    sink = std::make_unique<SequenceSink>(fd, owned, name);
  else if (kind_ == Kind::kJson)
    sink = std::make_unique<JsonSink>(fd, owned, name);
  else
    sink = std::make_unique<StraceSink>(fd, owned, name, time_);
  created_.insert(path);
  lru_.push_front(path);
  FileSink& ref = *sink;
  open_.emplace(path, Open{std::move(sink), lru_.begin()});
  return ref;
}

void SplitSink::evict() {
  const std::string& path = lru_.back();
  auto it = open_.find(path);
  it->second.sink->flush();
  closed_written_ += it->second.sink->written();
  open_.erase(it);
  lru_.pop_back();
}

void SplitSink::write_record(const void* data, uint32_t size) {
  if (closed_) throw SinkError("write " + base_, EBADF, "output already closed");
  sink_for(path_of(*static_cast<const Event*>(data))).write_record(data, size);
}

void SplitSink::write_part(const void* data, uint32_t size, CallPart part) {
  if (closed_) throw SinkError("write " + base_, EBADF, "output already closed");
  sink_for(path_of(*static_cast<const Event*>(data))).write_part(data, size, part);
}

void SplitSink::flush() {
  uint64_t total = closed_written_;
  for (auto& [path, open] : open_) {
    open.sink->flush();
    total += open.sink->written();
  }
  written_ = total;
}

void SplitSink::close() {
  if (closed_) return;
  flush();
  closed_ = true;
  open_.clear();
  lru_.clear();
  if (kind_ == Kind::kSequence)
    for (const auto& path : created_) SequenceSink::end(path);
}

}  // namespace observer
