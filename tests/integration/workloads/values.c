// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Values strace reads from memory, for the comparison with strace (test_decode_structs.py):
// strings it reads no further than -s + 1 bytes (reboot's argument, memfd_create's name,
// prctl's task name), whole, cut and ending where an unreadable page begins; what prctl's
// getters fill; extended attributes' values and name lists, set, read back and asked for
// their size; time zones and timevals; iovecs shown by address (process_madvise,
// process_vm_readv's and process_vm_writev's remote ones) and with their data; a SysV
// message sent and received; NUMA node masks of several lengths; _sysctl's struct;
// quotactl_fd's command; fsconfig's binary value; pselect6's and io_pgetevents' signal mask
// structs; sched_setaffinity's mask, kcmp's epoll slot, the modules' names and arguments,
// poll's negative fds; get_robust_list's head and length; splice's and copy_file_range's
// offsets, vmsplice's iovecs; clone's flags of a signal alone.
// Nothing changes outside the process: reboot's magic is wrong, settimeofday's time
// invalid, the fds of the calls that would act are -1, the modules' calls fail (ENOSYS,
// EPERM or EBADF).
#define _GNU_SOURCE
#include <linux/aio_abi.h>
#include <linux/mempolicy.h>
#include <linux/quota.h>
#include <linux/reboot.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <poll.h>
#include <sys/msg.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <fcntl.h>
#include <unistd.h>

#include "page_end.h"

#define LONG_NAME "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

static char *at_page_end(const char *s, size_t n) {
  char *p = page_end(n);
  memcpy(p, s, n);
  return p;
}

int main(void) {
  // Strings read to -s + 1 bytes: short, long, and unterminated at a page's end. On the stack:
  // a page of the program's constants may not be in memory yet where the kernel side reads.
  char short_name[] = "short", long_name[] = LONG_NAME;
  syscall(SYS_reboot, 0x13111992, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_RESTART2, short_name);
  syscall(SYS_reboot, 0x13111992, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_RESTART2, long_name);
  syscall(SYS_reboot, 0x13111992, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_RESTART2,
          at_page_end("abc", 3));
  syscall(SYS_reboot, 0x13111992, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_RESTART2,
          at_page_end("abc", 4));
  syscall(SYS_reboot, 0x13111992, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_RESTART2,
          at_page_end(LONG_NAME, 40));
  int memfd = syscall(SYS_memfd_create, "values", MFD_CLOEXEC);
  if (memfd >= 0) close(memfd);
  syscall(SYS_memfd_create, LONG_NAME LONG_NAME LONG_NAME LONG_NAME LONG_NAME, 0);
  syscall(SYS_memfd_create, at_page_end(LONG_NAME, 20), 0);
  syscall(SYS_memfd_secret, 0xde97face);  // unknown flags, without a comment
  syscall(SYS_memfd_secret, O_CLOEXEC | 0x4);

  // prctl's task name: 15 bytes read of a name given, 16 of the one filled.
  char name[16];
  prctl(PR_SET_NAME, "values");
  prctl(PR_SET_NAME, "0123456789abcde");
  prctl(PR_SET_NAME, LONG_NAME);
  prctl(PR_SET_NAME, at_page_end("0123456789abcdef", 16));
  prctl(PR_SET_NAME, at_page_end("0123456789", 10));
  prctl(PR_GET_NAME, name);
  prctl(PR_SET_NAME, "values");
  prctl(PR_GET_NAME, name);
  prctl(PR_GET_NAME, NULL);
  // What the other getters fill (or the address, where the kernel has no such option).
  int got_int = -1;
  void *got_ptr = NULL;
  prctl(PR_SET_PDEATHSIG, SIGINT);
  prctl(PR_GET_PDEATHSIG, &got_int);
  prctl(PR_GET_TSC, &got_int);
  prctl(PR_GET_UNALIGN, &got_int);
  prctl(PR_GET_CHILD_SUBREAPER, &got_int);
  prctl(PR_GET_TID_ADDRESS, &got_ptr);
  prctl(PR_GET_PDEATHSIG, page_end(2));
  prctl(PR_SET_PDEATHSIG, 0);

  // Extended attributes of a file of the workload's own (where the file system has them, the
  // calls succeed; where not, they fail the same way under both tracers).
  int fd = open("values.xattr", O_RDWR | O_CREAT | O_TRUNC, 0600);
  char value[64];
  char list[256];
  setxattr("values.xattr", "user.one", "foo\0bar", 8, XATTR_CREATE);
  lsetxattr("values.xattr", "user.two", LONG_NAME, 40, 0);
  fsetxattr(fd, "user.three", "", 0, 0);
  syscall(SYS_fsetxattr, fd, "user.big", value, 70000, 0);  // more than the kernel takes
  getxattr("values.xattr", "user.one", value, sizeof(value));
  lgetxattr("values.xattr", "user.two", value, sizeof(value));
  fgetxattr(fd, "user.one", NULL, 0);
  getxattr("values.xattr", "user.none", value, sizeof(value));
  listxattr("values.xattr", list, sizeof(list));
  flistxattr(fd, NULL, 0);
  llistxattr("values.xattr", list, 1);
  close(fd);
  unlink("values.xattr");

  // Timevals and time zones.
  struct timeval tv;
  struct timezone tz;
  syscall(SYS_gettimeofday, &tv, &tz);
  syscall(SYS_gettimeofday, NULL, NULL);
  tv.tv_usec = 1000000;
  syscall(SYS_settimeofday, &tv, &tz);
  syscall(SYS_settimeofday, NULL, page_end(4));

  // iovecs by address, and process_vm_readv's data.
  char src[8] = "abcdefg", dst[8];
  struct iovec local = {dst, sizeof(dst)}, remote = {src, sizeof(src)};
  struct iovec two[2] = {{(void *)0x1000, 10}, {NULL, 0}};
  syscall(SYS_process_madvise, -1, two, 2, MADV_COLD, 0);
  syscall(SYS_process_madvise, -1, two, 0, MADV_PAGEOUT, 0);
  syscall(SYS_process_madvise, -1, page_end(sizeof(struct iovec)), 2, MADV_COLD, 0);
  syscall(SYS_process_vm_readv, getpid(), &local, 1, &remote, 1, 0);
  syscall(SYS_process_vm_readv, getpid(), &local, 1, two, 1, 0);
  syscall(SYS_process_vm_writev, getpid(), &remote, 1, &local, 1, 0);

  // A SysV message, sent and received.
  struct {
    long mtype;
    char mtext[40];
  } msg = {42, "message"}, got = {0, ""};
  int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
  if (q >= 0) {
    syscall(SYS_msgsnd, q, &msg, 8, 0);
    syscall(SYS_msgsnd, q, &msg, 40, IPC_NOWAIT);
    syscall(SYS_msgrcv, q, &got, sizeof(got.mtext), 0, 0);
    syscall(SYS_msgrcv, q, &got, sizeof(got.mtext), 0, IPC_NOWAIT);
    syscall(SYS_msgctl, q, IPC_RMID, NULL);
  }
  syscall(SYS_msgsnd, -1, page_end(4), 4, 0);

  // NUMA node masks: the default policy with masks of several lengths.
  unsigned long nodes[3] = {0, 0, 0};
  syscall(SYS_set_mempolicy, MPOL_DEFAULT, nodes, 2);
  syscall(SYS_set_mempolicy, MPOL_DEFAULT, nodes, 130);
  syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0);
  syscall(SYS_set_mempolicy, MPOL_DEFAULT, nodes, 1);
  syscall(SYS_set_mempolicy, MPOL_DEFAULT, page_end(sizeof(long)), 129);
  void *area = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  syscall(SYS_mbind, area, 4096, MPOL_DEFAULT, nodes, 65, 0);

  // _sysctl's struct (the call is gone: ENOSYS), quotactl_fd's command.
  struct {
    int *name;
    int nlen;
    void *oldval;
    size_t *oldlenp;
    void *newval;
    size_t newlen;
    unsigned long unused[4];
  } sysctl_args = {NULL, 2, NULL, NULL, (void *)0x10, 7, {0}};
  syscall(SYS__sysctl, &sysctl_args);
  syscall(SYS__sysctl, page_end(8));
  syscall(SYS_quotactl_fd, -1, QCMD(Q_GETFMT, USRQUOTA), 0, (void *)0x1000);
  syscall(SYS_quotactl_fd, -1, QCMD(Q_SYNC, GRPQUOTA), 0, NULL);

  // fsconfig's binary value (FSCONFIG_SET_BINARY, 2), in hex.
  syscall(SYS_fsconfig, -1, 2, "key", "\x01\x02value", 7);
  syscall(SYS_fsconfig, -1, 2, "key", LONG_NAME, 50);
  syscall(SYS_fsconfig, -1, 2, "key", "", 0);
  syscall(SYS_fsconfig, -1, 2, "key", "x", -1);

  // Signal mask structs: a set, none, one of another size.
  uint64_t mask = 1u << (SIGHUP - 1);
  struct {
    const void *set;
    size_t size;
  } with_set = {&mask, 8}, no_set = {NULL, 8}, odd = {&mask, 16};
  struct timespec ts = {0, 0};
  syscall(SYS_pselect6, 0, NULL, NULL, NULL, &ts, &with_set);
  syscall(SYS_pselect6, 0, NULL, NULL, NULL, &ts, &no_set);
  syscall(SYS_pselect6, -1, NULL, &mask, NULL, &ts, &odd);
  syscall(SYS_io_pgetevents, 0xdeadbeefUL, 0, 0, NULL, &ts, &with_set);
  syscall(SYS_io_pgetevents, 0, 1, 2, NULL, NULL, NULL);

  // sched_setaffinity's mask, kcmp's epoll slot, delete_module's name cut at -s, poll's fds
  // of which the negative ones show no events.
  uint64_t cpus = 1;
  syscall(SYS_sched_setaffinity, 0, 0, &cpus);
  syscall(SYS_sched_setaffinity, 0, sizeof(cpus), &cpus);
  syscall(SYS_sched_setaffinity, 0, sizeof(cpus), NULL);
  struct {
    uint32_t efd, tfd, toff;
  } slot = {0xdeadbeef, 42, 0xfffffff0};
  syscall(SYS_kcmp, getpid(), -1, 7 /* KCMP_EPOLL_TFD */, 23, &slot);
  syscall(SYS_kcmp, getpid(), -1, 7, 23, NULL);
  syscall(SYS_delete_module, long_name, O_NONBLOCK);
  syscall(SYS_init_module, NULL, 0, long_name);
  syscall(SYS_finit_module, -1, short_name, 0);
  struct pollfd pfds[2] = {{-1, POLLIN, 0}, {1, POLLOUT, 0}};
  syscall(SYS_poll, pfds, 2, 0);
  syscall(SYS_poll, pfds, 0xfaceb00c00000002ULL, 0);  // the kernel reads the count's low half
  struct pollfd *last = (struct pollfd *)page_end(sizeof(struct pollfd));
  *last = pfds[1];
  syscall(SYS_poll, last, 2, 0);  // the second runs into an unreadable page

  // The offsets splice and copy_file_range read, vmsplice's iovecs with their data.
  int64_t off_in = -5, off_out = 4096;
  syscall(SYS_splice, -1, &off_in, -2, &off_out, 16, 1 /* SPLICE_F_MOVE */);
  syscall(SYS_copy_file_range, -1, &off_in, -2, NULL, 1, 0);
  int pipe_fds[2];
  if (pipe(pipe_fds) == 0) {
    struct iovec pieces[2] = {{src, 3}, {src + 3, 4}};
    syscall(SYS_vmsplice, pipe_fds[1], pieces, 2, 0);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
  }

  // get_robust_list's head and length.
  void *robust_head;
  size_t robust_len;
  syscall(SYS_get_robust_list, 0, &robust_head, &robust_len);
  syscall(SYS_get_robust_list, -1, &robust_head, &robust_len);

  // clone with a signal and no flags (SIGCHLD blocked: the child's end is its wait4 only).
  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigprocmask(SIG_BLOCK, &chld, NULL);
  pid_t child = syscall(SYS_clone, SIGCHLD, NULL, NULL, NULL, 0);
  if (child == 0) _exit(0);
  if (child > 0) waitpid(child, NULL, 0);
  return 0;
}
