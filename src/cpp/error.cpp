// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "error.h"

#include <cerrno>
#include <cstring>
#include <utility>

namespace observer {

std::string errno_name(int err) {
  switch (err) {
    case EPERM: return "EPERM";
    case ENOENT: return "ENOENT";
    case ESRCH: return "ESRCH";
    case EINTR: return "EINTR";
    case EIO: return "EIO";
    case E2BIG: return "E2BIG";
    case EBADF: return "EBADF";
    case ENOMEM: return "ENOMEM";
    case EACCES: return "EACCES";
    case EFAULT: return "EFAULT";
    case EBUSY: return "EBUSY";
    case EEXIST: return "EEXIST";
    case EINVAL: return "EINVAL";
    case ENOSPC: return "ENOSPC";
    case EPIPE: return "EPIPE";
    case ENOSYS: return "ENOSYS";
    case ENOTSUP: return "ENOTSUP";
    case EROFS: return "EROFS";
    case EDQUOT: return "EDQUOT";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
  }
  return "errno " + std::to_string(err);
}

static std::string format(const std::string& op, int err, const std::string& detail) {
  std::string msg = op;
  msg += ": ";
  if (!detail.empty()) return msg + detail;
  msg += std::strerror(err);
  msg += " (";
  msg += errno_name(err);
  msg += ")";
  return msg;
}

Error::Error(std::string op, int err, const std::string& detail)
    : std::runtime_error(format(op, err, detail)), op_(std::move(op)), errno_(err) {}

// The verifier log can run to megabytes; the message keeps its last lines, which say why.
static std::string tail_lines(const std::string& log, int lines) {
  size_t pos = log.size();
  while (pos > 0 && (log[pos - 1] == '\n')) --pos;
  size_t end = pos;
  for (int i = 0; i < lines && pos > 0; ++i) {
    pos = log.rfind('\n', pos - 1);
    if (pos == std::string::npos) {
      pos = 0;
      break;
    }
  }
  return log.substr(pos == 0 ? 0 : pos + 1, end - (pos == 0 ? 0 : pos + 1));
}

static std::string load_detail(int err, const std::string& log) {
  std::string detail = std::strerror(err);
  detail += " (";
  detail += errno_name(err);
  detail += ")";
  if (!log.empty()) {
    detail += "\n";
    detail += tail_lines(log, 3);
  }
  return detail;
}

LoadError::LoadError(std::string op, int err, std::string log)
    : Error(op, err, load_detail(err, log)), log_(std::move(log)) {}

}  // namespace observer
