// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// How arguments are printed across syscalls, for the comparison with strace
// (test_decode_args.py): int arguments with junk in their upper half, which the kernel
// ignores; uid_t and gid_t above 2^31 and -1; values and flags no table knows; NULL arrays;
// mknod's mode by file type; paths up to PATH_MAX, longer ones, and ones that run into an
// unreadable page. Every call fails or changes nothing: paths lie under a directory that
// does not exist, fds are -1. The calls start after the marker
// access("/args-begin", F_OK), so the C library's start-up stays out of the comparison.
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <linux/fanotify.h>
#include <linux/falloc.h>
#include <sys/inotify.h>
#include <linux/kcmp.h>
#include <linux/kexec.h>
#include <linux/module.h>
#include <linux/mount.h>
#include <linux/reboot.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/file.h>
#include <sys/msg.h>
#include <sys/pidfd.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/swap.h>
#include <sys/timerfd.h>
#include <sys/xattr.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
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
  syscall(SYS_perf_event_open, NULL, -1, -1, -1, 0x8 | 0x100);
  syscall(SYS_perf_event_open, NULL, 0, -1, -1, 0);

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

  // Paths are shown whole up to PATH_MAX - 1 bytes, longer ones cut there; one that runs into
  // an unreadable page before its end is shown as its address. The second page is unreadable.
  char *page = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  static char path[PATH_MAX + 2];
  if (page == MAP_FAILED || mprotect(page + 4096, 4096, PROT_NONE)) return 1;
  strcpy(path, MISSING);
  for (size_t len = 257; len <= PATH_MAX; len += 1919) {
    memset(path + strlen(MISSING), 'x', len - strlen(MISSING));
    path[len] = '\0';
    syscall(SYS_chdir, path);  // 257, 2176 and 4095 bytes: whole
  }
  memset(path + strlen(MISSING), 'y', PATH_MAX + 1 - strlen(MISSING));
  path[PATH_MAX] = 'z';  // 4096 and 4097 bytes: cut
  syscall(SYS_mkdir, path, 0755);
  path[PATH_MAX + 1] = '\0';
  syscall(SYS_rename, path, path + 3000);
  memset(page, '/', 4096);
  page[4095] = '\0';
  syscall(SYS_chdir, page);  // 4095 bytes ending where the page ends: whole
  page[4095] = '/';
  syscall(SYS_chdir, page + 4096 - 300);  // no end before the unreadable page
  syscall(SYS_creat, page, 0600);

  // preadv2's and pwritev2's flags follow the offset's two halves; iovec arrays that end at
  // the unreadable page, or whose data lies there.
  syscall(SYS_preadv2, -1, NULL, 0xfacefeed00000003ULL, 5, JUNK, RWF_HIPRI | RWF_NOWAIT | 0x100);
  syscall(SYS_pwritev2, -1, NULL, 1, 0, 0, 0);
  struct iovec *iov = (struct iovec *)(page + 4096) - 1;
  iov->iov_base = "data";
  iov->iov_len = 4;
  syscall(SYS_pwritev, -1, iov, 2, 0);
  syscall(SYS_pwritev, -1, iov + 1, 1, 0);
  iov->iov_base = page + 4096;
  syscall(SYS_pwritev2, -1, iov, 1, 0, 0, RWF_DSYNC);

  // execve's arrays: unreadable from the start, and ones that run into the unreadable page
  // before their NULL.
  char **env = (char **)(page + 4096) - 2;
  env[0] = "A=1";
  env[1] = "B=2";
  syscall(SYS_execve, MISSING, NULL, page + 4096);
  syscall(SYS_execve, MISSING, page + 4096, env);
  syscall(SYS_execve, MISSING, NULL, env + 1);
  // An argv with a string that cannot be read, running into the unreadable page.
  char **av = (char **)(page + 4096) - 3;
  av[0] = "a";
  av[1] = (char *)-1;
  av[2] = "c";
  syscall(SYS_execve, MISSING, av, NULL);
  // Strings holding bytes 1 to 5, at their start and inside: an argv shows them all, so
  // that no string can end the array early or hide the strings after it.
  char *hostile[] = {"\x01" "a", "\x02hidden", "b\x01" "c", "\x03\x04\x05", "", "end", NULL};
  syscall(SYS_execve, MISSING, hostile, NULL);

  // One call's commands and flags: SysV IPC on ids and keys that do not exist, namespaces,
  // policies, modules, seccomp, kcmp, reboot with wrong magic numbers and more, each failing
  // or asking only.
  syscall(SYS_msgget, 0xfdb9f531, IPC_EXCL | IPC_NOWAIT | 0xface1000 | 0125);
  syscall(SYS_semget, 0xfdb9f531, 1, 0600);
  syscall(SYS_shmget, 0xfdb9f531, 1, SHM_HUGETLB | 21U << 26 | 0600);
  syscall(SYS_shmget, 0xfdb9f531, 1, 0x2ce0000 | 0600);
  syscall(SYS_shmget, 0xfdb9f531, 1, 0);
  syscall(SYS_msgctl, -1, MSG_STAT, NULL);
  syscall(SYS_semctl, -1, 0, 0x100 | IPC_RMID, NULL);
  syscall(SYS_shmctl, -1, 0xbad, NULL);
  syscall(SYS_shmat, -1, NULL, SHM_RDONLY | SHM_RND | 0x1);
  syscall(SYS_msgsnd, -1, NULL, 0, IPC_NOWAIT | MSG_NOERROR);
  syscall(SYS_msgrcv, -1, NULL, 0, 0, MSG_EXCEPT | 0x1);
  syscall(SYS_setns, -1, CLONE_NEWNET);
  syscall(SYS_setns, -1, 0x81fdff7f);
  syscall(SYS_unshare, 0x81f8f07fULL);
  syscall(SYS_sched_get_priority_min, 0xface);
  syscall(SYS_sched_getscheduler, 0);
  syscall(SYS_sched_setscheduler, 0, SCHED_FIFO, NULL);
  syscall(SYS_epoll_ctl, -1, EPOLL_CTL_DEL, -1, NULL);
  syscall(SYS_pidfd_open, 0, PIDFD_NONBLOCK | 0x1);
  syscall(SYS_open_tree, -1, MISSING, OPEN_TREE_CLOEXEC | AT_RECURSIVE);
  syscall(SYS_delete_module, "nonexistent_module", O_NONBLOCK | O_TRUNC | 0x1);
  syscall(SYS_finit_module, -1, "", MODULE_INIT_IGNORE_VERMAGIC);
  syscall(SYS_fanotify_init, 0xc | FAN_CLOEXEC | 0x80000000, O_RDONLY);
  syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0xffffffc0, NULL);
  syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 1, NULL);
  syscall(SYS_fsetxattr, -1, "user.x", NULL, 0, XATTR_CREATE | XATTR_REPLACE);
  syscall(SYS_setpriority, 0xface, 0, 0);
  syscall(SYS_memfd_create, NULL, MFD_CLOEXEC | 30U << 26);
  syscall(SYS_userfaultfd, 0xfff00000);
  syscall(SYS_kcmp, -1, -1, KCMP_VM, 1, 2);
  syscall(SYS_kcmp, -1, -1, KCMP_FILE, 3, 4);
  syscall(SYS_kcmp, -1, -1, KCMP_EPOLL_TFD, 3, NULL);
  syscall(SYS_kcmp, -1, -1, 0xda7a, 1, 2);
  syscall(SYS_ioprio_set, 0xfa57, 0, 8191);
  syscall(SYS_ioprio_set, 1, 0, 2 << 13 | 4); /* IOPRIO_WHO_PROCESS: best effort, 4 */
  syscall(SYS_ioprio_get, 1, 0);
  syscall(SYS_mlock2, 0, 0, MLOCK_ONFAULT | 2);
  syscall(SYS_mlockall, 0xf0000);
  syscall(SYS_flock, -1, LOCK_EX | LOCK_NB);
  syscall(SYS_sync_file_range, -1, 0, 0, SYNC_FILE_RANGE_WRITE | 8);
  syscall(SYS_fallocate, -1, FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE, 0, 1);
  syscall(SYS_inotify_add_watch, -1, MISSING, IN_MODIFY | IN_ONESHOT);
  syscall(SYS_inotify_init1, 0x3);
  syscall(SYS_kexec_load, 0, 0, NULL, 0xdead0000 | KEXEC_ON_CRASH);
  syscall(SYS_reboot, 0, 0, LINUX_REBOOT_CMD_CAD_OFF, NULL);
  syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, 0x13111992, LINUX_REBOOT_CMD_RESTART2, "x");
  syscall(SYS_membarrier, 3, 0xff, -1);
  syscall(SYS_swapon, MISSING, SWAP_FLAG_PREFER | 42);
  syscall(SYS_msync, 0, 0, MS_SYNC | MS_INVALIDATE);
  syscall(SYS_remap_file_pages, 0, 0, PROT_READ, 0, MAP_NONBLOCK);
  syscall(SYS_shutdown, -1, SHUT_RDWR);
  syscall(SYS_tee, -1, -2, 0, SPLICE_F_MOVE | 0x10);
  syscall(SYS_timerfd_create, CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK | 0x4);
  syscall(SYS_ioperm, 0xdeafbeefffffffffULL, 1, 0);
  syscall(SYS_ustat, 0xffffffffULL, NULL);
  syscall(SYS_name_to_handle_at, AT_FDCWD, MISSING, NULL, NULL, AT_SYMLINK_FOLLOW | 0x1);
  syscall(SYS_openat, -1, MISSING, O_RDONLY | 04000000);  // the kernel's __O_SYNC alone
  syscall(SYS_openat, -1, MISSING, O_WRONLY | 020000000);  // __O_TMPFILE: a mode follows
  syscall(SYS_unlinkat, AT_FDCWD, MISSING, 0xffffffff);

  // Ids the call fills; signal sets as long as their size says, addresses for a size the
  // kernel refuses.
  unsigned int ids[3];
  syscall(SYS_getresuid, &ids[0], &ids[1], &ids[2]);
  unsigned long long pending = ~0ULL;
  syscall(SYS_rt_sigpending, &pending, 4);
  syscall(SYS_rt_sigpending, &pending, 0);
  syscall(SYS_rt_sigprocmask, SIG_BLOCK, &pending, NULL, 16);

  // POSIX message queues: open's mode only with O_CREAT; what is sent, on no queue.
  syscall(SYS_mq_open, NULL, O_RDONLY, 0777, NULL);
  syscall(SYS_mq_open, "/nonexistent-args-queue", O_RDWR | O_NONBLOCK, 0, NULL);
  syscall(SYS_mq_timedsend, -1, "message", 7, 1, NULL);
  syscall(SYS_mq_timedreceive, -1, NULL, 0, NULL, NULL);
  syscall(SYS_getitimer, 0xffffffff00000000ULL | 0xdeadbeef, NULL);
  syscall(SYS_get_mempolicy, NULL, NULL, 0, 0xfacefeeddeadbeefULL, 0xffffffff);
  syscall(SYS_fadvise64, -1, 0, 0xbadc0ded00000000ULL, 0);
  syscall(SYS_sched_setattr, -1, NULL, 0xdeadc0de);

  // Small structs and arrays these calls read or fill: the node getcpu wrote (the cpu may
  // differ from one run to the next), a scheduling priority each way, futimesat's timevals,
  // mincore's vector of pages made resident, semop's sembufs (the second one past the end
  // of its memory), seccomp's action and notification sizes.
  unsigned int node = ~0U;
  syscall(SYS_getcpu, NULL, &node, NULL);
  struct sched_param param = {.sched_priority = -1};
  syscall(SYS_sched_setparam, 0, &param);
  syscall(SYS_sched_getparam, 0, &param);
  struct timeval times[2] = {{1, 2}, {1700000000, 0}};
  syscall(SYS_futimesat, AT_FDCWD, MISSING, times);
  long page_size = sysconf(_SC_PAGESIZE);
  unsigned char *pages = mmap(NULL, 3 * page_size, PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
  if (pages != MAP_FAILED && munmap(pages + 2 * page_size, page_size) == 0) {
    unsigned char *end = pages + 2 * page_size;  // unmapped from here on
    syscall(SYS_mincore, pages, page_size + 1, end - 2);
    struct sembuf *sops = (struct sembuf *)end - 1;
    *sops = (struct sembuf){.sem_num = 1, .sem_op = -2, .sem_flg = SEM_UNDO | IPC_NOWAIT | 0x2};
    syscall(SYS_semop, -1, sops, 1);
    syscall(SYS_semop, -1, sops, 2);
    struct timespec wait = {0, 1000};
    syscall(SYS_semtimedop, -1, sops, 1, &wait);
    munmap(pages, 2 * page_size);
  }
  unsigned int action = SECCOMP_RET_LOG;
  syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action);
  action = 0xffffffff;
  syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action);
  struct seccomp_notif_sizes sizes;
  syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &sizes);

  // SysV IPC structs by command: what IPC_SET reads (shown even where the id does not exist)
  // and what IPC_INFO fills.
  struct msqid_ds msq = {.msg_perm = {.uid = 1, .gid = -1, .mode = 0640}, .msg_qbytes = 4096};
  syscall(SYS_msgctl, -1, IPC_SET, &msq);
  struct msginfo msginfo;
  syscall(SYS_msgctl, 0, IPC_INFO, &msginfo);
  struct shmid_ds shm = {.shm_perm = {.uid = 2, .gid = 3, .mode = 0600}};
  syscall(SYS_shmctl, -1, IPC_SET, &shm);
  struct semid_ds sem = {.sem_perm = {.uid = 4, .gid = 5, .mode = 0666}};
  syscall(SYS_semctl, -1, 0, IPC_SET, &sem);
  syscall(SYS_semctl, -1, 0, IPC_STAT, &sem);

  // struct sched_attr (linux/sched/types.h, whose struct sched_param <sched.h> has too): a
  // size the kernel refuses and writes its own over, flags that keep the policy and
  // parameters, a size past the fields known.
  struct {
    uint32_t size, sched_policy;
    uint64_t sched_flags;
    int32_t sched_nice;
    uint32_t sched_priority;
    uint64_t sched_runtime, sched_deadline, sched_period;
    uint32_t sched_util_min, sched_util_max;
    uint64_t more;
  } attr = {.size = 1};
  syscall(SYS_sched_setattr, 0, &attr, 0);
  attr = (typeof(attr)){.size = 48, .sched_policy = 0xbad, .sched_flags = 0x18 | 0x100,
                        .sched_nice = -3, .sched_priority = 4};
  syscall(SYS_sched_setattr, -1, &attr, 0);
  attr.size = 64;
  attr.sched_flags = 0x1;
  syscall(SYS_sched_setattr, -1, &attr, 0);
  syscall(SYS_sched_getattr, -1, &attr, 0, 0);

  // struct mq_attr: mq_open's in hex (on no name, so that nothing is made), mq_getsetattr's
  // flags by name.
  long mq_attr[8] = {O_NONBLOCK | 0x1, 2, 64, 3};
  syscall(SYS_mq_open, NULL, O_RDWR | O_CREAT, 0600, mq_attr);
  syscall(SYS_mq_getsetattr, -1, mq_attr, NULL);

  // struct sigevent by its notification: a signal, a thread's function, one no table knows.
  struct sigevent sev = {.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGALRM,
                         .sigev_value.sival_ptr = (void *)0xdeadbeef};
  syscall(SYS_mq_notify, -1, &sev);
  sev.sigev_notify = SIGEV_THREAD;
  sev.sigev_notify_function = (void (*)(union sigval))0xbadc0ded;
  syscall(SYS_mq_notify, -1, &sev);
  sev = (struct sigevent){.sigev_notify = 0xdefaced, .sigev_signo = 3};
  syscall(SYS_mq_notify, -1, &sev);
  syscall(SYS_timer_create, CLOCK_MONOTONIC, &sev, NULL);

  // kexec_load's segments: one with NULL pointers and one set; more than the kernel takes.
  struct kexec_segment segments[2] = {{NULL, 1, NULL, 2},
                                      {(void *)0xbadc0ded, 3, (void *)0xfacefeed, 4}};
  syscall(SYS_kexec_load, 0, 2, segments, 0xdead0000);
  syscall(SYS_kexec_load, 0, 17, segments, 0);
  return 0;
}
