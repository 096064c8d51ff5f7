// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Calls whose arguments point to structures strace shows the members of: openat2's open_how,
// fcntl's struct flock, sendfile's offset, wait4's and waitid's rusage and siginfo, timespecs,
// itimerspecs, itimervals, rlimits, statx, epoll's events and timex. Each with valid values,
// unknown bits, NULL and a bad pointer, and a pointer whose struct ends at an unreadable page.
// Raw syscalls where the C library would call another one (its waitid passes no rusage, its
// nanosleep is clock_nanosleep, its setrlimit is prlimit64, its clock_getres is the vDSO's).
// Built and run by tests/integration/test_decode_structs.py under strace and observer.
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/openat2.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timex.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BAD ((void *)8)

static void on_alarm(int sig) { (void)sig; }

// Memory whose last size bytes end where an unreadable page begins.
static void *at_page_end(size_t size) {
  long page = sysconf(_SC_PAGESIZE);
  char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) exit(1);
  mprotect(p + page, page, PROT_NONE);
  return p + page - size;
}

static void open_how(void) {
  struct open_how how = {.flags = O_RDONLY | O_DIRECTORY, .resolve = RESOLVE_NO_SYMLINKS};
  long fd = syscall(SYS_openat2, AT_FDCWD, ".", &how, sizeof(how));
  if (fd >= 0) close((int)fd);
  struct open_how create = {.flags = O_WRONLY | O_CREAT | O_EXCL, .mode = 0600,
                            .resolve = RESOLVE_BENEATH | RESOLVE_NO_XDEV | 0x4000};
  syscall(SYS_openat2, -1, "new", &create, sizeof(create));
  struct open_how unknown = {.flags = O_RDWR, .resolve = 0x4000};
  syscall(SYS_openat2, -1, "x", &unknown, sizeof(unknown));
  // Larger than the struct: zeros after it, then bytes that are not (E2BIG), then none at all.
  struct {
    struct open_how how;
    uint64_t more;
  } big = {{.flags = O_RDONLY}, 0};
  syscall(SYS_openat2, -1, "x", &big, sizeof(big));
  big.more = 0x8081828384858687;
  syscall(SYS_openat2, -1, "x", &big, sizeof(big));
  struct open_how *end = at_page_end(sizeof(how));
  *end = how;
  syscall(SYS_openat2, -1, "x", end, sizeof(how) + 8);
  syscall(SYS_openat2, -1, "x", &how, 16);
  syscall(SYS_openat2, -1, "x", BAD, sizeof(how));
  syscall(SYS_openat2, -1, "x", NULL, sizeof(how));
}

static void locks(void) {
  int fd = open("lock.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
  struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10};
  fcntl(fd, F_SETLK, &fl);
  struct flock ask = {.l_type = F_RDLCK, .l_whence = SEEK_CUR, .l_start = 5, .l_len = 0};
  fcntl(fd, F_GETLK, &ask);
  fl.l_type = F_UNLCK;
  fcntl(fd, F_SETLKW, &fl);
  struct flock ofd = {.l_type = F_RDLCK, .l_whence = SEEK_END, .l_start = -1, .l_len = 1};
  fcntl(fd, F_OFD_SETLK, &ofd);
  ofd.l_type = F_WRLCK;
  fcntl(fd, F_OFD_GETLK, &ofd);
  struct flock odd = {.l_type = 7, .l_whence = 9, .l_start = 1, .l_len = 1};
  fcntl(fd, F_SETLK, &odd);
  fcntl(fd, F_SETLK, BAD);
  fcntl(fd, F_GETLK, BAD);
  close(fd);
  unlink("lock.tmp");
}

static void offsets(void) {
  int in = open("/proc/self/exe", O_RDONLY), fds[2];
  if (pipe(fds)) exit(1);
  off_t offset = 16;
  sendfile(fds[1], in, &offset, 100);
  sendfile(fds[1], in, NULL, 10);
  offset = -1;
  sendfile(fds[1], in, &offset, 1);
  sendfile(fds[1], in, BAD, 1);
  close(fds[0]);
  close(fds[1]);
  close(in);
}

static void children(void) {
  struct rusage ru;
  int status;
  // SIGCHLD blocked: strace (ptrace) would see it even where the kernel discards it.
  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigprocmask(SIG_BLOCK, &chld, NULL);
  pid_t pid = fork();
  if (pid == 0) _exit(3);
  wait4(pid, &status, 0, &ru);
  wait4(-1, &status, WNOHANG, &ru);
  pid = fork();
  if (pid == 0) _exit(4);
  siginfo_t si;
  syscall(SYS_waitid, P_PID, pid, &si, WEXITED, &ru);
  syscall(SYS_waitid, P_ALL, 0, &si, WEXITED | WNOHANG, NULL);
  getrusage(RUSAGE_SELF, &ru);
  getrusage(RUSAGE_CHILDREN, &ru);
  getrusage(7, BAD);
}

static void times(void) {
  struct timespec ts = {0, 1000}, rem = {0, 0};
  syscall(SYS_clock_getres, CLOCK_MONOTONIC, &ts);
  syscall(SYS_clock_settime, CLOCK_MONOTONIC, &ts);
  sched_rr_get_interval(0, &ts);
  // A sleep a timer interrupts shows the time it left; one that ends does not.
  struct sigaction sa = {.sa_handler = on_alarm};
  sigaction(SIGALRM, &sa, NULL);
  struct itimerval it = {{0, 0}, {0, 20000}}, old;
  setitimer(ITIMER_REAL, &it, NULL);
  getitimer(ITIMER_REAL, &old);
  struct timespec long_sleep = {5, 0};
  syscall(SYS_nanosleep, &long_sleep, &rem);
  struct timespec short_sleep = {0, 1000};
  syscall(SYS_nanosleep, &short_sleep, &rem);
  struct timespec past = {1, 0};
  clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &past, &rem);
  int tfd = timerfd_create(CLOCK_MONOTONIC, 0);
  struct itimerspec its = {{1, 0}, {30, 0}}, oits;
  timerfd_settime(tfd, 0, &its, &oits);
  timerfd_gettime(tfd, &oits);
  timerfd_settime(tfd, 0, BAD, NULL);
  close(tfd);
}

static void limits(void) {
  struct rlimit rl;
  getrlimit(RLIMIT_NOFILE, &rl);
  syscall(SYS_setrlimit, RLIMIT_NOFILE, &rl);
  syscall(SYS_setrlimit, RLIMIT_CORE, BAD);
}

// statx's short form: the mode and size the mask asks for, a device's size and not its rdev.
static void statxs(void) {
  struct statx stx;
  statx(AT_FDCWD, "/dev/null", 0, STATX_BASIC_STATS, &stx);
  statx(AT_FDCWD, "/", 0, STATX_MODE, &stx);
  syscall(SYS_statx, AT_FDCWD, "/", 0, STATX_SIZE, &stx);
  // Its flags: the sync type first, then the others, unknown bits in hex.
  syscall(SYS_statx, AT_FDCWD, "/", AT_STATX_DONT_SYNC | AT_SYMLINK_NOFOLLOW, STATX_SIZE, &stx);
  syscall(SYS_statx, AT_FDCWD, "/", AT_STATX_SYNC_TYPE | AT_RECURSIVE | AT_EMPTY_PATH | 0x10000,
          STATX_SIZE, &stx);
}

// epoll's events: added, changed (an unknown bit too) and deleted (whose event is not read),
// none ready, one ready, a set of signals, a wait that fails and a wait with a timeout.
static void epolls(void) {
  int ep = epoll_create1(EPOLL_CLOEXEC), fds[2];
  struct epoll_event ev = {.events = EPOLLIN | EPOLLET, .data.u64 = 0x100000005ULL}, got[4];
  struct timespec wait = {0, 1000};
  sigset_t set;
  if (pipe(fds)) return;
  epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], &ev);
  ev.events = EPOLLIN | 0x1000;
  epoll_ctl(ep, EPOLL_CTL_MOD, fds[0], &ev);
  ev.events = EPOLLIN;
  epoll_ctl(ep, EPOLL_CTL_MOD, fds[0], &ev);
  epoll_wait(ep, got, 4, 0);
  if (write(fds[1], "x", 1) != 1) return;
  epoll_wait(ep, got, 4, 0);
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  epoll_pwait(ep, got, 4, 0, &set);
  syscall(SYS_epoll_pwait, ep, got, 4, 0, &set, 7);
  syscall(SYS_epoll_pwait2, ep, got, 4, &wait, NULL, 8);
  epoll_wait(-1, got, 4, 0);
  epoll_ctl(ep, EPOLL_CTL_DEL, fds[0], &ev);
  epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], NULL);
  close(fds[0]);
  close(fds[1]);
  close(ep);
}

// adjtimex's struct timex as the call left it (modes 0 changes nothing, ADJ_OFFSET_SS_READ
// only reads), clock_adjtime's alike, and NULL.
static void timexes(void) {
  struct timex tx;
  memset(&tx, 0, sizeof(tx));
  syscall(SYS_adjtimex, &tx);
  tx.modes = ADJ_OFFSET_SS_READ;
  syscall(SYS_adjtimex, &tx);
  memset(&tx, 0, sizeof(tx));
  syscall(SYS_clock_adjtime, CLOCK_REALTIME, &tx);
  syscall(SYS_adjtimex, NULL);
}

int main(void) {
  open_how();
  locks();
  offsets();
  children();
  times();
  limits();
  statxs();
  epolls();
  timexes();
  return 0;
}
