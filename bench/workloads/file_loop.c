// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
// file_loop DIR N: opens, reads and closes DIR/0 ... DIR/15 round robin, N times in all
// (3 syscalls each), and prints ns per open/read/close to stderr.
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "timing.h"

#define FILES 16

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: file_loop DIR N\n");
    return 2;
  }
  long n = atol(argv[2]);
  char paths[FILES][4096];
  for (int i = 0; i < FILES; i++) snprintf(paths[i], sizeof(paths[i]), "%s/%d", argv[1], i);
  char buf[4096];
  struct timing timer;
  timing_start(&timer);
  for (long i = 0; i < n; i++) {
    int fd = open(paths[i % FILES], O_RDONLY);
    if (fd < 0) {
      perror(paths[i % FILES]);
      return 1;
    }
    if (read(fd, buf, sizeof(buf)) < 0) return 1;
    close(fd);
  }
  timing_report(&timer, n, "iteration");
  return 0;
}
