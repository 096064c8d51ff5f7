// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "sink.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>

#include "error.h"
#include "syscall_facts.h"

namespace observer {

char* escape_comm(char* out, const char (&comm)[TASK_COMM_LEN]) noexcept {
  static constexpr char kHex[] = "0123456789abcdef";
  for (size_t i = 0; i < TASK_COMM_LEN && comm[i] != '\0'; ++i) {
    auto c = static_cast<unsigned char>(comm[i]);
    if (c == '\\') {
      *out++ = '\\';
      *out++ = '\\';
    } else if (c >= 0x20 && c < 0x7f) {
      *out++ = static_cast<char>(c);
    } else {
      *out++ = '\\';
      *out++ = 'x';
      *out++ = kHex[c >> 4];
      *out++ = kHex[c & 0xf];
    }
  }
  return out;
}

std::tuple<int, bool, std::string> FileSink::open_fd(const std::string& path, bool append) {
  if (path == "-") return {STDOUT_FILENO, false, "standard output"};
  return {open_at(AT_FDCWD, path, path, append), true, path};
}

int FileSink::open_at(int dir, const std::string& name, const std::string& shown, bool append) {
  // 0600: records can hold what programs read and write. O_NOFOLLOW: a symlink planted at
  // the path must not redirect the output onto another file.
  int fd = ::openat(dir, name.c_str(),
                    O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC) | O_CLOEXEC | O_NOFOLLOW,
                    0600);
  if (fd < 0 && errno == ELOOP) throw SinkError("open " + shown, ELOOP, kSymlinkRefused);
  if (fd < 0) throw SinkError("open " + shown, errno);
  // A file that was there keeps its mode through O_TRUNC, and the umask may have taken bits
  // from a new one: what it holds now is the trace, so it becomes 0600. Another user's file
  // (EPERM) stays as its owner set it.
  struct stat st{};
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 07777) != 0600 &&
      fchmod(fd, 0600) < 0 && errno != EPERM) {
    int err = errno;
    ::close(fd);
    throw SinkError("chmod " + shown, err);
  }
  // At the end, so that the constructor's offset (kept to cut a failed write back) is right.
  if (append) lseek(fd, 0, SEEK_END);
  return fd;
}

std::unique_ptr<TextSink> TextSink::open(const std::string& path) {
  auto [fd, owned, name] = open_fd(path);
  return std::make_unique<TextSink>(fd, owned, name);
}

FileSink::FileSink(int fd, bool owns_fd, std::string name)
    : fd_(fd), owns_fd_(owns_fd), name_(std::move(name)), buffer_(kBufferSize) {
  struct stat st{};
  if (fstat(fd_, &st) == 0 && S_ISREG(st.st_mode)) offset_ = lseek(fd_, 0, SEEK_CUR);
}

FileSink::~FileSink() {
  if (!failed_) {
    try {
      flush();
    } catch (const Error&) {
      // Destructors cannot report; callers that care call flush() first.
    }
  }
  if (owns_fd_) close(fd_);
}

void TextSink::write(const Event& event) {
  char* p = line(kMaxLine);
  char* end = p + kMaxLine;
  p = std::to_chars(p, end, event.tgid).ptr;
  *p++ = ':';
  // The log has one numbering: a 32-bit call is written as the same syscall's native number.
  int nr = (event.flags & EVENT_COMPAT) ? native_number_of_compat(event.nr) : event.nr;
  p = std::to_chars(p, end, nr).ptr;
  *p++ = ':';
  p = escape_comm(p, event.comm);
  *p++ = '\n';
  commit(p);
}

std::unique_ptr<TidTextSink> TidTextSink::open(const std::string& path) {
  auto [fd, owned, name] = open_fd(path);
  return std::make_unique<TidTextSink>(fd, owned, name);
}

TidTextSink::TidTextSink(int fd, bool owns_fd, std::string name)
    : TextSink(fd, owns_fd, std::move(name)) {
  size_t n = std::strlen(kHeader);
  char* p = line(n);
  std::memcpy(p, kHeader, n);
  commit_header(p + n);
}

void TidTextSink::write(const Event& event) {
  char* p = line(kMaxLine);
  char* end = p + kMaxLine;
  p = std::to_chars(p, end, event.tgid).ptr;
  *p++ = ':';
  p = std::to_chars(p, end, event.tid).ptr;
  *p++ = ':';
  int nr = (event.flags & EVENT_COMPAT) ? native_number_of_compat(event.nr) : event.nr;
  p = std::to_chars(p, end, nr).ptr;
  *p++ = ':';
  p = escape_comm(p, event.comm);
  *p++ = '\n';
  commit(p);
}

void FileSink::flush() {
  if (failed_) throw SinkError("write " + name_, EIO, "output already failed");
  size_t done = 0;
  while (done < used_) {
    ssize_t n = ::write(fd_, buffer_.data() + done, used_ - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int err = n < 0 ? errno : ENOSPC;
      // Keep only complete lines: count them and cut a regular file after the last one.
      const char* begin = buffer_.data();
      const char* last = static_cast<const char*>(memrchr(begin, separator_, done));
      size_t complete = last ? static_cast<size_t>(last - begin) + 1 : 0;
      uint64_t lines = static_cast<uint64_t>(std::count(begin, begin + complete, separator_));
      // Header lines may come between records: only those that were written are not records.
      auto headers = static_cast<uint64_t>(
          std::count_if(header_ends_.begin(), header_ends_.end(),
                        [complete](size_t end) { return end <= complete; }));
      written_ += lines - headers;
      if (offset_ >= 0 && ftruncate(fd_, offset_ + static_cast<off_t>(complete)) == 0)
        offset_ += static_cast<off_t>(complete);
      failed_ = true;
      used_ = 0;
      buffered_ = 0;
      header_ends_.clear();
      throw SinkError("write " + name_, err);
    }
    done += static_cast<size_t>(n);
  }
  if (offset_ >= 0) offset_ += static_cast<off_t>(used_);
  written_ += buffered_;
  used_ = 0;
  buffered_ = 0;
  header_ends_.clear();
}

}  // namespace observer
