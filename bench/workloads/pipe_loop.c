// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
// pipe_loop N: writes 64 bytes into a pipe and reads them back, N times (2 syscalls each, both
// carrying data: the worst case of data capture), and prints ns per write/read pair to stderr.
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "timing.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: pipe_loop N\n");
    return 2;
  }
  long n = atol(argv[1]);
  int fds[2];
  if (pipe(fds) < 0) {
    perror("pipe");
    return 1;
  }
  char out[64], in[64];
  for (int i = 0; i < 64; i++) out[i] = (char)('a' + i % 26);
  struct timing timer;
  timing_start(&timer);
  for (long i = 0; i < n; i++) {
    if (write(fds[1], out, sizeof(out)) != sizeof(out) || read(fds[0], in, sizeof(in)) <= 0) {
      perror("pipe_loop");
      return 1;
    }
  }
  timing_report(&timer, n, "iteration");
  return 0;
}
