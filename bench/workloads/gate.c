// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
// gate CMD ARGS: waits for one byte on standard input, then execs CMD. While it waits it makes a
// poll() syscall every 10 ms, so a tracer attached to it shows that it is attached by writing.
#include <poll.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: gate CMD [ARGS...]\n");
    return 2;
  }
  struct pollfd fd = {.fd = 0, .events = POLLIN};
  while (poll(&fd, 1, 10) == 0) {
  }
  char byte;
  if (read(0, &byte, 1) != 1) return 1;
  execvp(argv[1], argv + 1);
  perror(argv[1]);
  return 127;
}
