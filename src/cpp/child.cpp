// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
#include "child.h"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

#include "error.h"

namespace observer {

Child::Child(const std::string& path, const std::vector<std::string>& argv) : name_(path) {
  if (argv.empty()) throw Error("start command", EINVAL, "no command given");
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  int go[2], error[2];
  if (pipe2(go, O_CLOEXEC) < 0) throw Error("start " + name_, errno);
  if (pipe2(error, O_CLOEXEC) < 0) {
    int err = errno;
    close(go[0]);
    close(go[1]);
    throw Error("start " + name_, err);
  }
  // The name the kernel gives the program at exec (the basename of the file, cut to 15 bytes),
  // taken now: the records of the child's last syscalls before the exec then carry the
  // command's name, as the ones after it do, in every format.
  std::string comm = path.substr(path.rfind('/') + 1).substr(0, 15);
  pid_t parent = getpid();
  // PR_SET_PDEATHSIG fires when the forking *thread* exits: from a worker thread (a Tracer
  // opened there) it would kill the command as soon as that thread ends. Only the main
  // thread's exit is the tracer's death.
  bool main_thread = gettid() == parent;
  pid_ = fork();
  if (pid_ == 0) {
    // Child: only async-signal-safe calls until exec.
    if (main_thread) {
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (getppid() != parent) _exit(127);
    }
    prctl(PR_SET_NAME, comm.c_str());
    // Undo what the Python parent set: ignored SIGPIPE would survive exec.
    signal(SIGPIPE, SIG_DFL);
    signal(SIGXFSZ, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    // Tell the parent that every syscall before the exec has been made, except this
    // read: nothing of the launcher is traced once the parent attaches.
    char byte = 0;
    (void)!write(error[1], &byte, 1);
    ssize_t n;
    do n = read(go[0], &byte, 1);
    while (n < 0 && errno == EINTR);
    if (n != 1) _exit(127);
    execv(path.c_str(), args.data());
    int err = errno;
    (void)!write(error[1], &err, sizeof(err));
    _exit(127);
  }
  int err = errno;
  close(go[0]);
  close(error[1]);
  if (pid_ < 0) {
    close(go[1]);
    close(error[0]);
    throw Error("start " + name_, err);
  }
  go_fd_ = go[1];
  error_fd_ = error[0];
  // From here the child is signalled and waited for through a pidfd (pidfd_open since Linux
  // 5.3, waitid(P_PIDFD) since 5.4): once another waiter in this process has reaped it, its
  // pid may be given to an unrelated process, or to another child of the host, which a kill
  // or a waitpid by pid would then reach. The child is held until release(), so the pid is
  // still its own now, unless something outside killed it and SIGCHLD is ignored.
  pidfd_ = static_cast<int>(syscall(SYS_pidfd_open, pid_, 0));
  if (pidfd_ < 0) {
    err = errno;
    ::kill(pid_, SIGKILL);
    pid_t r;
    do r = waitpid(pid_, nullptr, 0);
    while (r < 0 && errno == EINTR);
    close(go_fd_);
    close(error_fd_);
    throw Error("start " + name_, err);
  }
  char ready;
  ssize_t n;
  do n = read(error_fd_, &ready, 1);
  while (n < 0 && errno == EINTR);
  if (n != 1) {
    close(go_fd_);
    close(error_fd_);
    collect(0);
    close(pidfd_);
    throw Error("start " + name_, ECHILD, "the command's process died before its exec");
  }
}

Child::~Child() {
  if (go_fd_ >= 0) close(go_fd_);
  if (error_fd_ >= 0) close(error_fd_);
  if (!status_ && !reaped_elsewhere_) {
    kill(SIGKILL);
    collect(0);
  }
  close(pidfd_);
}

void Child::release() {
  char byte = 1;
  ssize_t n = write(go_fd_, &byte, 1);
  close(go_fd_);
  go_fd_ = -1;
  if (n != 1) throw Error("start " + name_, errno ? errno : EPIPE);
  int err = 0;
  do n = read(error_fd_, &err, sizeof(err));
  while (n < 0 && errno == EINTR);
  close(error_fd_);
  error_fd_ = -1;
  if (n == sizeof(err)) {
    collect(0);  // the exec's error is the one to report, whoever reaps the child
    throw Error("run " + name_, err);
  }
}

int Child::collect(int options) noexcept {
  if (status_ || reaped_elsewhere_) return 0;
  siginfo_t info{};
  int r;
  do r = waitid(P_PIDFD, static_cast<id_t>(pidfd_), &info, WEXITED | options);
  while (r < 0 && errno == EINTR);
  if (r < 0) {
    int err = errno;
    reaped_elsewhere_ = err == ECHILD;
    return err;
  }
  if (info.si_pid == 0) return 0;  // WNOHANG, still running
  status_ = info.si_code == CLD_EXITED ? info.si_status : 128 + info.si_status;
  return 0;
}

std::optional<int> Child::reap(int options) {
  int err = collect(options);
  if (reaped_elsewhere_)
    throw Error("wait for " + name_, ECHILD,
                "reaped by another waiter in this process (a waitpid(-1), or SIGCHLD set to "
                "SIG_IGN); its exit status is unknown");
  if (err) throw Error("wait for " + name_, err);
  return status_;
}

std::optional<int> Child::poll() { return reap(WNOHANG); }

int Child::wait() { return *reap(0); }

void Child::kill(int sig) noexcept {
  // pidfd_send_signal (Linux 5.1) fails with ESRCH once the child has been reaped.
  if (!status_ && !reaped_elsewhere_) syscall(SYS_pidfd_send_signal, pidfd_, sig, nullptr, 0);
}

}  // namespace observer
