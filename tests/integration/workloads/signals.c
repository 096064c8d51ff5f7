// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Signals as strace shows them: a child stops itself and is continued, another kills itself
// with a signal whose default action ends it, a third is killed by another process. The
// parent blocks SIGCHLD, which the kernel would otherwise discard unseen where strace
// (ptrace) still sees it. Run by tests/integration/test_decode_structs.py under strace and
// observer.
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void on_cont(int sig) { (void)sig; }
static void on_usr1(int sig) { _exit(sig); }

// Waits until pid is blocked in pause() (34 on x86_64), as /proc/PID/syscall says.
static void wait_in_pause(pid_t pid) {
  char path[64], text[32] = "";
  snprintf(path, sizeof(path), "/proc/%d/syscall", pid);
  for (;;) {
    FILE *f = fopen(path, "r");
    if (!f) return;
    size_t n = fread(text, 1, sizeof(text) - 1, f);
    fclose(f);
    text[n] = 0;
    if (atoi(text) == SYS_pause) return;
    usleep(1000);
  }
}

int main(void) {
  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigprocmask(SIG_BLOCK, &chld, NULL);
  int status;
  pid_t pid = fork();
  if (pid == 0) {
    struct sigaction sa = {.sa_handler = on_cont};
    sigaction(SIGCONT, &sa, NULL);
    syscall(SYS_tgkill, getpid(), getpid(), SIGSTOP);
    _exit(0);
  }
  waitpid(pid, &status, WSTOPPED);
  kill(pid, SIGCONT);
  waitpid(pid, &status, 0);
  pid = fork();
  if (pid == 0) {
    syscall(SYS_tgkill, getpid(), getpid(), SIGUSR1);
    _exit(1);
  }
  waitpid(pid, &status, 0);
  // Killed, then ended by its handler, while in pause(): each says when it is there.
  int ready[2];
  char byte;
  if (pipe(ready)) return 1;
  pid = fork();
  if (pid == 0) {
    write(ready[1], "", 1);
    pause();
    _exit(1);
  }
  read(ready[0], &byte, 1);
  wait_in_pause(pid);
  kill(pid, SIGTERM);
  waitpid(pid, &status, 0);
  pid = fork();
  if (pid == 0) {
    struct sigaction sa = {.sa_handler = on_usr1};
    sigaction(SIGUSR1, &sa, NULL);
    write(ready[1], "", 1);
    pause();
    _exit(1);
  }
  read(ready[0], &byte, 1);
  wait_in_pause(pid);
  kill(pid, SIGUSR1);
  waitpid(pid, &status, 0);
  return 0;
}
