// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// -k: a known chain of calls, main -> outer -> inner -> write, whose write's user stack must
// show every one of them in order. Built with and without frame pointers (libc has none
// either way). The functions are kept apart (noinline) and do work after their call, so
// that no call becomes a jump that leaves its caller's frame out. Then it waits for its
// standard input, or the file argv[1] names (a FIFO), to end: a tracer names frames by the
// process's mappings, which it can read only while the process lives.
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

__attribute__((noinline)) int inner(int fd) {
  static const char text[] = "stack\n";
  // Read first, so that its page is in memory when the kernel side reads the string.
  if (*(const volatile char*)text != 's') abort();
  int n = (int)write(fd, text, sizeof(text) - 1);
  if (n < 0) abort();
  return n;
}

__attribute__((noinline)) int outer(int fd) {
  int n = inner(fd);
  if (n != 6) abort();
  return n + 1;
}

int main(int argc, char** argv) {
  char byte;
  if (outer(1) != 7) return 1;
  int fd = argc > 1 ? open(argv[1], O_RDONLY) : 0;
  while (read(fd, &byte, 1) > 0) {
  }
  return 0;
}
