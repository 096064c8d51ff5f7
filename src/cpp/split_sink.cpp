// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "split_sink.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>

#include "error.h"
#include "syscall_facts.h"

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

void SequenceSink::end(int dir, const std::string& name, const std::string& shown) {
  int fd = ::openat(dir, name.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) throw SinkError("open " + shown, errno);
  struct stat st{};
  int err = 0;
  if (fstat(fd, &st) < 0)
    err = errno;
  else if (st.st_size > 0 && pwrite(fd, "\n", 1, st.st_size - 1) != 1)
    err = errno ? errno : EIO;
  ::close(fd);
  if (err) throw SinkError("write " + shown, err);
}

namespace {

// -ff's directory for the log format: created 0700 (whatever the umask) if missing, an
// existing one used as it is, never a symlink. Returns a descriptor of it.
int make_directory(const std::string& path) {
  bool created = ::mkdir(path.c_str(), 0700) == 0;
  if (!created && errno != EEXIST) throw SinkError("create " + path, errno);
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0 && (errno == ENOTDIR || errno == ELOOP)) {
    // O_DIRECTORY | O_NOFOLLOW fails on a symlink with ENOTDIR, as on a file.
    struct stat st{};
    if (lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode))
      throw SinkError("open " + path, ELOOP, kSymlinkRefused);
    throw SinkError("open " + path, ENOTDIR,
                    "not a directory (-ff with the log format writes one file per process "
                    "into a directory)");
  }
  if (fd < 0) throw SinkError("open " + path, errno);
  if (created && fchmod(fd, 0700) < 0) {
    int err = errno;
    ::close(fd);
    throw SinkError("chmod " + path, err);
  }
  return fd;
}

}  // namespace

SplitSink::SplitSink(std::string base, Kind kind, TimeFormat time, std::string host,
                     StraceDisplay display)
    : base_(std::move(base)),
      kind_(kind),
      host_(std::move(host)),
      time_(time),
      display_(std::move(display)) {
  if (kind_ == Kind::kSequence) {
    // "DIR/" would make open(2) follow a symlink at DIR.
    while (base_.size() > 1 && base_.back() == '/') base_.pop_back();
    dir_ = make_directory(base_);
    return;
  }
  // FILE.<pid>: beside FILE, in a directory of the user's (followed as given).
  size_t slash = base_.rfind('/');
  std::string parent = slash == std::string::npos ? "."
                       : slash == 0                ? "/"
                                                   : base_.substr(0, slash);
  name_prefix_ = base_.substr(slash == std::string::npos ? 0 : slash + 1) + ".";
  dir_ = ::open(parent.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (dir_ < 0) throw SinkError("open " + parent, errno);
}

SplitSink::~SplitSink() {
  try {
    close();
  } catch (const Error&) {
    // Destructors cannot report; callers that care call close() first.
  }
  if (dir_ >= 0) ::close(dir_);
}

std::string SplitSink::name_of(const Event& event) const {
  char pid[16];
  std::string tgid(pid, std::to_chars(pid, pid + sizeof(pid), event.tgid).ptr);
  if (kind_ != Kind::kSequence) return name_prefix_ + tgid;
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
  return name + ":" + tgid + ".log";
}

std::string SplitSink::shown(const std::string& name) const {
  if (kind_ == Kind::kSequence) return base_ + "/" + name;
  return base_ + name.substr(name_prefix_.size() - 1);  // FILE and ".<pid>"
}

FileSink& SplitSink::sink_for(const std::string& name) {
  auto it = open_.find(name);
  if (it != open_.end()) {
    lru_.splice(lru_.begin(), lru_, it->second.lru);
    return *it->second.sink;
  }
  if (open_.size() >= kMaxOpen) evict();
  // A file this run created is opened again to append; a new one replaces what was there.
  bool again = created_.count(name) > 0;
  std::string path = shown(name);
  int fd = FileSink::open_at(dir_, name, path, again);
  std::unique_ptr<FileSink> sink;
  if (kind_ == Kind::kSequence)
    sink = std::make_unique<SequenceSink>(fd, true, path);
  else if (kind_ == Kind::kJson) {
    auto json = std::make_unique<JsonSink>(fd, true, path, host_);
    json->set_stacks(stacks_);
    sink = std::move(json);
  } else {
    auto strace = std::make_unique<StraceSink>(fd, true, path, time_, display_);
    strace->set_stacks(stacks_);
    sink = std::move(strace);
  }
  created_.insert(name);
  lru_.push_front(name);
  FileSink& ref = *sink;
  open_.emplace(name, Open{std::move(sink), lru_.begin()});
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
  sink_for(name_of(*static_cast<const Event*>(data))).write_record(data, size);
}

void SplitSink::write_part(const void* data, uint32_t size, CallPart part) {
  if (closed_) throw SinkError("write " + base_, EBADF, "output already closed");
  sink_for(name_of(*static_cast<const Event*>(data))).write_part(data, size, part);
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
    for (const auto& name : created_) SequenceSink::end(dir_, name, shown(name));
}

}  // namespace observer
