// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// A command started for tracing: forked at once, exec'd only when released, so the tracer can
// add its pid to the traced map and attach before the command's first syscall.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace observer {

class Child {
 public:
  // Forks; the child blocks until release() and then execs path with argv. path is not
  // searched in PATH (the caller resolves it, so no failed execve calls appear in the trace).
  // The child is killed if the tracer dies first (PR_SET_PDEATHSIG), when it is forked from
  // the main thread; from another thread only the destructor ends it.
  Child(const std::string& path, const std::vector<std::string>& argv);
  // Kills and reaps a child that is still running. Never throws: a child that another waiter
  // reaped first is simply gone.
  ~Child();
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  pid_t pid() const noexcept { return pid_; }
  // Lets the child exec; throws Error if the exec fails (e.g. ENOENT for an unknown command).
  void release();
  // The exit status if the child has exited (shell style: 128 + signal when killed). The
  // child is this process's: if another waiter in it reaped the child first (a host program's
  // waitpid(-1), or SIGCHLD set to SIG_IGN, which has the kernel reap it), the status is lost
  // and these throw Error (ECHILD), now and on every later call.
  std::optional<int> poll();
  int wait();
  // Sends sig to the child, unless it has been reaped (by anyone: the child is held by a
  // pidfd, so a process that was given its pid since is never hit).
  void kill(int sig) noexcept;

 private:
  // waitid on the pidfd with options, retried on EINTR; notes the status or that the child
  // was reaped elsewhere. Returns 0, or the errno of a failure.
  int collect(int options) noexcept;
  std::optional<int> reap(int options);

  pid_t pid_ = -1;
  int pidfd_ = -1;     // the child's, for its signals and waits
  int go_fd_ = -1;     // write end: one byte lets the child exec
  int error_fd_ = -1;  // read end: the child's exec errno, or EOF on success
  std::string name_;
  std::optional<int> status_;
  bool reaped_elsewhere_ = false;  // by another waiter: the status is unknown
};

}  // namespace observer
