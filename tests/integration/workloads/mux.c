// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The multiplexers and the flag arguments of the mount API, fanotify, NUMA policies, keys,
// landlock, io_uring_enter's flags and io_uring_register's opcodes, for the comparison with
// strace (test_decode_structs.py): prctl, arch_prctl, syslog, keyctl and futex with commands
// that take no, one or several arguments, unknown commands and bits, personality's result.
// Every call fails or changes nothing: fds are -1, paths do not exist, lengths are 0, and
// the queries only read.
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/close_range.h>
#include <linux/fanotify.h>
#include <linux/futex.h>
#include <linux/io_uring.h>
#include <linux/kexec.h>
#include <linux/keyctl.h>
#include <linux/landlock.h>
#include <linux/mempolicy.h>
#include <linux/mount.h>
#include <linux/prctl.h>
#include <linux/ptrace.h>
#include <linux/capability.h>
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#include <asm/prctl.h>
#endif

#define JUNK 0xbadc0ded00000000ULL
#define MISSING "/nonexistent-mux-dir/f"

int main(void) {
  // prctl: no argument, one, several, a result named, an unknown option.
  syscall(SYS_prctl, JUNK | PR_GET_KEEPCAPS, 0xfacefeedULL);
  syscall(SYS_prctl, PR_GET_DUMPABLE, 0, 0, 0, 0);
  syscall(SYS_prctl, PR_SET_DUMPABLE, 5, 0, 0, 0);
  syscall(SYS_prctl, PR_CAPBSET_READ, CAP_SYS_ADMIN, 0, 0, 0);
  syscall(SYS_prctl, PR_CAPBSET_READ, 1000, 0, 0, 0);
  syscall(SYS_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_CHOWN, 0, 0);
  syscall(SYS_prctl, PR_CAP_AMBIENT, 99, 1, 2, 3);
  syscall(SYS_prctl, PR_MCE_KILL_GET, 0, 0, 0, 0);
  syscall(SYS_prctl, PR_SET_SECCOMP, -1, 1, 2, 3);
  syscall(SYS_prctl, PR_SET_UNALIGN, 0x100, 0, 0, 0);
  syscall(SYS_prctl, PR_GET_PDEATHSIG, NULL, 0, 0, 0);
  syscall(SYS_prctl, 0xffffffff, 1, 2, 3, 4);

#if defined(__x86_64__)
  syscall(SYS_arch_prctl, ARCH_GET_CPUID, 0xdeadc0de);
  syscall(SYS_arch_prctl, ARCH_GET_FS, NULL);
  // What the getters wrote, and the XSAVE components asked for by number.
  unsigned long long base = 1;
  syscall(SYS_arch_prctl, ARCH_GET_FS, &base);
  syscall(SYS_arch_prctl, ARCH_GET_GS, &base);
  syscall(SYS_arch_prctl, ARCH_GET_XCOMP_SUPP, &base);
  syscall(SYS_arch_prctl, ARCH_GET_XCOMP_PERM, &base);
  syscall(SYS_arch_prctl, ARCH_REQ_XCOMP_PERM, 18);
  syscall(SYS_arch_prctl, ARCH_REQ_XCOMP_PERM, 11);
  syscall(SYS_arch_prctl, 0xffffffffdeadc0deULL, 0);
#endif

  // syslog: actions without arguments, one that reads the buffer, an unknown one.
  syscall(SYS_syslog, 0, 0xfacefeeddeadbeefULL, -1);
  syscall(SYS_syslog, 10, NULL, 0);
  syscall(SYS_syslog, 99, NULL, 5);

  // Keys: the special keyrings by name, commands with their own arguments, an unknown one.
  syscall(SYS_add_key, NULL, NULL, NULL, 0, KEY_SPEC_THREAD_KEYRING);
  syscall(SYS_add_key, "user", NULL, "abc", 3, -1234567890);
  syscall(SYS_request_key, NULL, NULL, NULL, KEY_SPEC_SESSION_KEYRING);
  syscall(SYS_keyctl, KEYCTL_REVOKE, 0, 1, 2, 3);
  syscall(SYS_keyctl, KEYCTL_LINK, KEY_SPEC_USER_KEYRING, 0, 2, 3);
  syscall(SYS_keyctl, KEYCTL_SET_TIMEOUT, 0, 10, 2, 3);
  syscall(SYS_keyctl, 0xfacefeed, 1, 2, 3, 4);

  // futex: by operation, and operations strace's table has no name for.
  uint32_t word = 0, other = 0;
  syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
  syscall(SYS_futex, &word, FUTEX_WAIT, 1, NULL, NULL, 0);
  syscall(SYS_futex, &word, FUTEX_UNLOCK_PI, 1, NULL, NULL, 0);
  syscall(SYS_futex, &word, FUTEX_WAKE_OP_PRIVATE, 1, 1, &other,
          FUTEX_OP(FUTEX_OP_ADD, 1, FUTEX_OP_CMP_LT, 2));
  syscall(SYS_futex, &word, FUTEX_WAKE_BITSET, 1, NULL, NULL, FUTEX_BITSET_MATCH_ANY);
  syscall(SYS_futex, &word, FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, NULL, NULL, 0);
  syscall(SYS_futex, &word, 99, 1, NULL, NULL, 0x1234);

  // personality: the query, its result as flags.
  syscall(SYS_personality, 0xffffffff);

  // The mount API: flags known and not, mount's old magic number.
  syscall(SYS_mount, "none", MISSING, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV, "size=1m");
  syscall(SYS_mount, "none", MISSING, NULL, MS_MGC_VAL | MS_BIND | MS_REC, NULL);
  syscall(SYS_mount, NULL, MISSING, NULL, 0x200, NULL);
  syscall(SYS_fsopen, "nonexistent-fs", FSOPEN_CLOEXEC);
  syscall(SYS_fsopen, NULL, 0x2);
  syscall(SYS_fspick, -1, NULL, FSPICK_CLOEXEC | FSPICK_EMPTY_PATH);
  syscall(SYS_fsmount, -1, FSMOUNT_CLOEXEC, MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOATIME);
  syscall(SYS_fsmount, -1, 0, 0x40000000);
  syscall(SYS_move_mount, -1, "", AT_FDCWD, MISSING, MOVE_MOUNT_F_EMPTY_PATH);
  syscall(SYS_mount_setattr, -1, "", AT_EMPTY_PATH | AT_RECURSIVE, NULL, 0);
  syscall(SYS_mount_setattr, -1, NULL, 0x40, NULL, 0);

  // fanotify_mark's flags, event mask and FAN_NOFD.
  syscall(SYS_fanotify_mark, -1, FAN_MARK_ADD | FAN_MARK_ONLYDIR, FAN_OPEN | FAN_ONDIR,
          AT_FDCWD, "/");
  syscall(SYS_fanotify_mark, -1, 0, 0, -1, NULL);
  syscall(SYS_fanotify_mark, -1, 0x80000000, 0x100000000000ULL, 5, NULL);

  // NUMA policies and mremap's flags.
  syscall(SYS_mbind, NULL, 0, MPOL_DEFAULT, NULL, 0, 0);
  syscall(SYS_mbind, NULL, 0, MPOL_BIND | MPOL_F_STATIC_NODES, NULL, 0, MPOL_MF_STRICT);
  syscall(SYS_mbind, NULL, 0, 99, NULL, 0, 0x80);
  syscall(SYS_set_mempolicy, MPOL_BIND | MPOL_F_RELATIVE_NODES, NULL, 0);
  syscall(SYS_set_mempolicy, 0xffff1fff, NULL, 0);
  syscall(SYS_move_pages, 0, 1, (void *)8, NULL, (void *)8, MPOL_MF_MOVE_ALL);
  syscall(SYS_move_pages, 0, 1, (void *)8, NULL, (void *)8, MPOL_MF_MOVE | 0x80);
  syscall(SYS_mremap, NULL, 0, 0, MREMAP_MAYMOVE | 0x100, NULL);

  // close_range with its first fd past its last (nothing closed), landlock.
  syscall(SYS_close_range, ~0U, 3, CLOSE_RANGE_CLOEXEC);
  syscall(SYS_close_range, ~0U, 3, 0x1);
  // kexec_file_load's flags (64 bits); an unknown bit makes it fail, loading nothing.
  syscall(SYS_kexec_file_load, -1, -1, 0, NULL,
          KEXEC_FILE_UNLOAD | KEXEC_FILE_ON_CRASH | 0x80000000UL);
  syscall(SYS_kexec_file_load, -1, -1, 0, NULL, 0xbadc0ded00000008ULL);
  syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
  syscall(SYS_landlock_create_ruleset, NULL, 0, 0xbadcaffe);

  // pkey_alloc's access rights (64 bits), refused for its unknown flags.
  syscall(SYS_pkey_alloc, 0x10, 0x1 | 0x4 | 0x100);
  syscall(SYS_pkey_alloc, 0x10, 0xbadc0ded00000002ULL);
  // ptrace's requests, known and unknown, on a pid that is not there.
  syscall(SYS_ptrace, PTRACE_PEEKDATA, -1, 0x10, 0x20);
  syscall(SYS_ptrace, PTRACE_GETEVENTMSG, -1, 0x10, 0x20);
  syscall(SYS_ptrace, 0xdeadbeeffffffeedULL, -1, NULL, NULL);
  syscall(SYS_ptrace, PTRACE_KILL, -1, 0x10, 0x20);
  syscall(SYS_ptrace, PTRACE_CONT, -1, 0x10, SIGUSR1);
  syscall(SYS_ptrace, PTRACE_DETACH, -1, NULL, 0);
  syscall(SYS_ptrace, PTRACE_SETOPTIONS, -1, NULL, PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL);
  syscall(SYS_ptrace, PTRACE_SEIZE, -1, NULL, 0x7fffffff);
  syscall(SYS_ptrace, PTRACE_SECCOMP_GET_FILTER, -1, 42, NULL);
#if defined(__x86_64__)
  syscall(SYS_ptrace, PTRACE_GETREGS, -1, 0x10, 0x20);
  syscall(SYS_ptrace, PTRACE_GETFPXREGS, -1, NULL, NULL);
  syscall(SYS_ptrace, PTRACE_ARCH_PRCTL, -1, NULL, NULL);
#endif
  syscall(SYS_landlock_add_rule, -1, 2, NULL, 0);

  // io_uring_register's opcodes on no ring: known ones whose argument strace shows as an
  // address, one newer than strace 6.1 and one no kernel has.
  syscall(SYS_io_uring_register, -1, IORING_UNREGISTER_BUFFERS, NULL, 0);
  syscall(SYS_io_uring_register, -1, IORING_REGISTER_ENABLE_RINGS, NULL, 0);
  syscall(SYS_io_uring_register, -1, 24, NULL, 0);
  syscall(SYS_io_uring_register, -1, 0xbadc0ded, NULL, 3);
  // io_uring_enter's flags, known and unknown, on no ring.
  syscall(SYS_io_uring_enter, -1, 1, 2, IORING_ENTER_GETEVENTS | IORING_ENTER_EXT_ARG | 0x40,
          NULL, 8);
  syscall(SYS_io_uring_enter, -1, 0, 0, 0x40, NULL, 8);
  return 0;
}
