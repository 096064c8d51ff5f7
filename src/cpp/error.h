// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// One exception hierarchy for the core. Every failing libbpf or system call is converted, at
// the first line after the call, into an Error carrying the operation and errno; the bindings
// translate these into the Python classes of observer._errors.
#pragma once

#include <stdexcept>
#include <string>

namespace observer {

// "EPERM" for EPERM, or "errno N" for a value without a name.
std::string errno_name(int err);

class Error : public std::runtime_error {
 public:
  // Message form: "<op>: <strerror> (<ENAME>)", or "<op>: <detail>" when detail is given.
  Error(std::string op, int err, const std::string& detail = {});
  const std::string& op() const noexcept { return op_; }
  int error_code() const noexcept { return errno_; }

 private:
  std::string op_;
  int errno_;
};

// Loading (verifier) failed; log() holds libbpf's full output, what() its last lines.
class LoadError : public Error {
 public:
  LoadError(std::string op, int err, std::string log);
  const std::string& log() const noexcept { return log_; }

 private:
  std::string log_;
};

class AttachError : public Error {
  using Error::Error;
};

class MapError : public Error {
  using Error::Error;
};

// The kernel lacks something observer needs (BTF, ring buffer, a tracepoint).
class FeatureError : public Error {
  using Error::Error;
};

// Writing the output failed (disk full, closed pipe, I/O error).
class SinkError : public Error {
  using Error::Error;
};

// Throws Error(op, errno) when a libbpf 1.0 style call returned a negative error code.
inline void check(int ret, const std::string& op) {
  if (ret < 0) throw Error(op, -ret);
}

}  // namespace observer
