// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// -k: a library loaded after the program started (dlopen) whose function makes a write, so
// that the write's stack falls in a module the process's first mappings did not hold. Built
// twice: with -DSTACK_LIB -shared -fPIC the library (lib_write), else the program, which
// loads the library argv[1] names, calls it and exits at once.
#ifdef STACK_LIB
#include <stdlib.h>
#include <unistd.h>

__attribute__((noinline)) int lib_write(int fd) {
  static const char text[] = "dlopen\n";
  if (*(const volatile char*)text != 'd') abort();  // its page in memory for the string
  int n = (int)write(fd, text, sizeof(text) - 1);
  if (n < 0) abort();
  return n + 1;
}
#else
#include <dlfcn.h>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  void* lib = dlopen(argv[1], RTLD_NOW);
  if (!lib) return 3;
  int (*lib_write)(int) = (int (*)(int))dlsym(lib, "lib_write");
  if (!lib_write || lib_write(1) != 8) return 4;
  return 0;
}
#endif
