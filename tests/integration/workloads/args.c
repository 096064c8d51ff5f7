// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// How arguments are printed across syscalls, for the comparison with strace
// (test_decode_args.py): int arguments with junk in their upper half, which the kernel
// ignores; uid_t and gid_t above 2^31 and -1; values and flags no table knows; NULL arrays;
// mknod's mode by file type. Every call fails or changes nothing: paths lie under a
// directory that does not exist, fds are -1. The calls start after the marker
// access("/args-begin", F_OK), so the C library's start-up stays out of the comparison.
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <unistd.h>

#define JUNK 0xdefaced00000000ULL
#define MISSING "/nonexistent-args-dir/f"

int main(void) {
  syscall(SYS_access, "/args-begin", F_OK);

  // int and umode_t arguments: the kernel reads their low 32 and 16 bits.
  syscall(SYS_creat, MISSING, 0xffffffffffff0000ULL | 0644);
  syscall(SYS_mkdir, MISSING, JUNK | 0755);
  syscall(SYS_faccessat, -1, NULL, JUNK | R_OK);
  syscall(SYS_faccessat, JUNK | (unsigned)AT_FDCWD, MISSING, W_OK | X_OK);
  syscall(SYS_kill, 0xffffffff00000000ULL | 0x7fffffff, JUNK);
  syscall(SYS_lseek, JUNK | 0xffffffffULL, 0, SEEK_END);
  syscall(SYS_fchmod, -1, JUNK | 04755);

  // uid_t and gid_t: unsigned, -1 aside.
  syscall(SYS_chown, MISSING, 0xffff0000U, 0);
  syscall(SYS_chown, MISSING, -1, -1);
  syscall(SYS_fchown, -1, 1000, 0xfffffffeU);
  syscall(SYS_fchownat, AT_FDCWD, MISSING, 0x80000000U, -1, AT_SYMLINK_NOFOLLOW);

  // Values and flags no table knows.
  syscall(SYS_prlimit64, 0, 16, NULL, NULL);
  syscall(SYS_faccessat, -1, NULL, 8);
  syscall(SYS_faccessat, -1, NULL, R_OK | 8);
  syscall(SYS_lseek, -1, 0, 7);
  syscall(SYS_madvise, NULL, 0, 0x7777);
  syscall(SYS_fchownat, -1, MISSING, 0, 0, 0x10000000);
  syscall(SYS_pipe2, NULL, 0x4);

  // NULL where an array or a struct goes.
  struct timeval tv = {0, 0};
  syscall(SYS_select, 0, NULL, NULL, NULL, &tv);
  syscall(SYS_preadv, -1, NULL, 1, 0);
  syscall(SYS_pipe, NULL);

  // mknod: the mode by file type, the device only for a device.
  syscall(SYS_mknod, MISSING, 0);
  syscall(SYS_mknod, MISSING, S_IFREG | 0600);
  syscall(SYS_mknod, MISSING, S_IFIFO | S_ISUID | 0644);
  syscall(SYS_mknod, MISSING, S_IFCHR | 0620, makedev(4, 1));
  syscall(SYS_mknodat, -1, MISSING, S_IFBLK | S_ISVTX, makedev(8, 0));
  syscall(SYS_mknod, MISSING, 0177777, 5);
  return 0;
}
