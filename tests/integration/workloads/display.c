// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Calls whose lines strace's display options change (-x, -xx, -X, -v, -e raw=, -e
// verbose=, -e read=, -e write=): strings printable or not, flags, enums, a directory fd,
// a mode, a struct stat, and data through a pipe. argv[1] is a directory holding a file
// named "stable" that nothing changes between runs (its stat is compared in full). It ends
// by exec'ing /bin/true with an environment of its own (-v shows it).
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 2 || chdir(argv[1]) != 0) return 2;
  access("/display-begin", F_OK);
  // Buffers on the stack: their pages are present when the call reads them.
  char name[] = "f\303\251\001.txt";
  char text[] = "plain text\n";
  char bytes[] = "hello\n\001\377 world\t";
  char longer[] = "0123456789abcdefghij0123456789abcdefghij";  // past -s 32
  int fd = openat(AT_FDCWD, name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  write(fd, text, strlen(text));
  write(fd, bytes, strlen(bytes));
  close(fd);
  fd = open(name, O_RDONLY);
  char buf[64];
  read(fd, buf, 11);
  lseek(fd, 2, SEEK_CUR);
  lseek(fd, 0, SEEK_SET);
  close(fd);
  int stable = open("stable", O_RDONLY | O_CLOEXEC);
  struct stat st;
  fstat(stable, &st);
  close(stable);
  access(".", R_OK | W_OK);
  mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  int pipes[2];
  if (pipe(pipes) != 0) return 3;
  write(pipes[1], longer, strlen(longer));
  read(pipes[0], buf, sizeof buf);
  write(pipes[1], bytes, strlen(bytes));
  read(pipes[0], buf, sizeof buf);
  struct iovec out[2] = {{text, strlen(text)}, {longer, strlen(longer)}};
  writev(pipes[1], out, 2);
  char small[4];
  struct iovec in[2] = {{small, sizeof small}, {buf, sizeof buf}};
  readv(pipes[0], in, 2);
  char program[] = "/bin/true", arg0[] = "true", var0[] = "A=1", var1[] = "B=two words";
  char* args[] = {arg0, NULL};
  char* env[] = {var0, var1, NULL};
  execve(program, args, env);
  return 4;
}
