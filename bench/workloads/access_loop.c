// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// N access(2) calls on one path: the cheapest syscall that carries a string argument, so a
// tracer capturing strings gets one path per record.
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char** argv) {
  long n = argc > 1 ? atol(argv[1]) : 1000000;
  const char* path = argc > 2 ? argv[2] : "/etc/hostname";
  for (long i = 0; i < n; ++i) access(path, F_OK);
  return 0;
}
