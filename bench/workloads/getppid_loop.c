// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
// Calls getppid() N times (argv[1], default 2,000,000) and prints ns per call to stderr.
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char** argv) {
  long n = argc > 1 ? atol(argv[1]) : 2000000;
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  for (long i = 0; i < n; i++) syscall(SYS_getppid);
  clock_gettime(CLOCK_MONOTONIC, &b);
  double ns = (b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec);
  fprintf(stderr, "%.1f ns/call\n", ns / n);
  return 0;
}
