// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The held command: its exit status, and a host that reaps it first (waitpid(-1), SIGCHLD
// ignored). A destructor that threw would end this test in std::terminate.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <optional>
#include <string>

#include "check.h"
#include "child.h"
#include "error.h"

using observer::Child;

namespace {

// The errno of the Error that call throws, or 0 if it throws none.
template <class F>
int error_of(F&& call, std::string* message = nullptr) {
  try {
    call();
  } catch (const observer::Error& e) {
    if (message) *message = e.what();
    return e.error_code();
  }
  return 0;
}

void wait_returns_the_exit_status() {
  Child child("/bin/sh", {"sh", "-c", "exit 3"});
  child.release();
  CHECK_EQ(child.wait(), 3);
  CHECK_EQ(child.wait(), 3);  // kept: asking again does not wait again
  CHECK(child.poll() == std::optional<int>(3));
}

void a_killed_child_reads_as_128_plus_the_signal() {
  Child child("/bin/sleep", {"sleep", "100"});
  child.release();
  child.kill(SIGKILL);
  CHECK_EQ(child.wait(), 128 + SIGKILL);
}

void a_child_the_host_reaped_makes_wait_and_poll_throw_and_goes_quietly() {
  std::string message;
  {
    Child child("/bin/true", {"true"});
    child.release();
    int status;
    CHECK_EQ(waitpid(-1, &status, 0), child.pid());
    CHECK_EQ(error_of([&] { child.wait(); }, &message), ECHILD);
    CHECK_EQ(error_of([&] { child.poll(); }), ECHILD);
    child.kill(SIGKILL);  // must not reach another process that got the pid since
  }  // the destructor finds nothing to reap: no throw
  CHECK(message.rfind("wait for /bin/true: ", 0) == 0);
  {
    Child child("/bin/true", {"true"});
    child.release();
    int status;
    CHECK_EQ(waitpid(-1, &status, 0), child.pid());
  }  // destroyed without a wait
}

void a_held_child_the_host_reaped_cannot_be_released() {
  Child child("/bin/true", {"true"});
  ::kill(child.pid(), SIGKILL);
  int status;
  CHECK_EQ(waitpid(child.pid(), &status, 0), child.pid());
  CHECK(error_of([&] { child.release(); }) != 0);
}

void with_sigchld_ignored_wait_throws() {
  struct sigaction ignore {}, previous{};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGCHLD, &ignore, &previous);
  {
    Child child("/bin/true", {"true"});
    child.release();
    CHECK_EQ(error_of([&] { child.wait(); }), ECHILD);
  }
  sigaction(SIGCHLD, &previous, nullptr);
}

}  // namespace

int main() {
  // As in Python: a write to the pipe of a child that died is EPIPE, not a fatal signal.
  signal(SIGPIPE, SIG_IGN);
  wait_returns_the_exit_status();
  a_killed_child_reads_as_128_plus_the_signal();
  a_child_the_host_reaped_makes_wait_and_poll_throw_and_goes_quietly();
  a_held_child_the_host_reaped_cannot_be_released();
  with_sigchld_ignored_wait_throws();
  return check::report("child");
}
