// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The structs and arrays calls read or fill beside their flags, for the comparison with
// strace (test_decode_structs.py): clone3's struct clone_args (flags of clone3 only, NULL
// pointers, bytes past the struct), capget's and capset's header and sets, setgroups' groups,
// the AIO calls' context, kexec_file_load's command line, landlock's rules,
// mount_setattr's struct mount_attr, the NUMA calls' policies, node masks and pages,
// futex_waitv's waiters, modify_ldt's and the thread areas' struct user_desc, the values
// setxattr reads and io_pgetevents' signal set; NULL, bad pointers, sizes the kernel refuses
// and structs that end where an unreadable page begins. What succeeds changes nothing: the capabilities
// set are the ones the process has, the AIO context is destroyed, the memory policy ends as
// the default one and the pages are queried only.
#define _GNU_SOURCE
#if defined(__x86_64__)
#include <asm/ldt.h>
#endif
#include <fcntl.h>
#include <linux/aio_abi.h>
#include <linux/futex.h>
#include <linux/capability.h>
#include <linux/kexec.h>
#include <linux/landlock.h>
#include <linux/mempolicy.h>
#include <linux/mount.h>
#include <linux/sched.h>
#include <stdint.h>
#include <time.h>
#include <string.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "page_end.h"

#define BAD ((void *)0xfacefeedfffff000ULL)

// Strings in memory the process has written, as the kernel side reads only pages that are
// there (a string constant's page may not be yet, where the call fails before reading it).
static char cmdline[] = "abcdef", empty[] = "";

// clone3 with args, size bytes of them, refused: a stack's size without a stack (where the
// struct is read whole), so that no child comes of it.
static void clone3_args(struct clone_args *args, size_t size) {
  args->stack_size = 0x1000;
  if (syscall(SYS_clone3, args, size) == 0)
    _exit(0);
}

int main(void) {
  // clone3: a struct shorter than its first version, flags only clone3 takes, pointers the
  // flags name left NULL, an exit signal past a signal's range, set_tid without its size,
  // bytes after the struct (zeros, not zeros, unreadable).
  struct clone_args *args = (void *)page_end(sizeof(*args) + 8);
  memset(args, 0, sizeof(*args) + 8);
  clone3_args(args, 56);
  args->flags = CLONE_CLEAR_SIGHAND | CLONE_PARENT_SETTID;
  clone3_args(args, sizeof(*args));
  args->flags = CLONE_PIDFD | CLONE_CHILD_SETTID | CLONE_SETTLS | 0xbad0000000000000ULL;
  args->exit_signal = 0xdeadfeedfacefeedULL;
  clone3_args(args, 64);
  args->flags = 0xdec0deac00400000ULL;
  args->exit_signal = 0;
  clone3_args(args, 64);
  args->flags = CLONE_INTO_CGROUP;
  args->set_tid = 0xfacefeedcafebabeULL;
  clone3_args(args, sizeof(*args));
  args->flags = 0;
  args->set_tid = 0;
  args->set_tid_size = 3;
  clone3_args(args, sizeof(*args));
  args->set_tid_size = 0;
  clone3_args(args, sizeof(*args) + 8);
  ((uint64_t *)(args + 1))[0] = 0xfacefeeddeadc0deULL;
  clone3_args(args, sizeof(*args) + 8);
  clone3_args(args, sizeof(*args) + 16);

  // capget and capset: versions known and not, the sets of each version, what the process
  // has set again.
  struct __user_cap_header_struct *head = (void *)page_end(sizeof(*head));
  struct __user_cap_data_struct *data = (void *)page_end(2 * sizeof(*data));
  head->version = _LINUX_CAPABILITY_VERSION_3;
  head->pid = 0;
  syscall(SYS_capget, head, NULL);
  syscall(SYS_capget, head, data);
  syscall(SYS_capset, head, data);
  syscall(SYS_capget, NULL, data);
  head->version = _LINUX_CAPABILITY_VERSION_1;
  syscall(SYS_capget, head, data + 1);
  head->version = 0xbadc0ded;
  head->pid = -1;
  syscall(SYS_capset, head, data);
  syscall(SYS_capset, BAD, data);

  // setgroups: none, groups the kernel refuses (-1), an array that runs into an unreadable
  // page, more than NGROUPS_MAX.
  uint32_t *gids = (void *)page_end(2 * sizeof(*gids));
  gids[0] = 0;
  gids[1] = -1;
  syscall(SYS_setgroups, 2, gids);
  syscall(SYS_setgroups, 3, gids);
  syscall(SYS_setgroups, 65537, gids);
  syscall(SYS_setgroups, 1, NULL);

  // The AIO context: set up, used with nothing to do, destroyed; bad contexts and 0.
  aio_context_t ctx = 0;
  syscall(SYS_io_setup, 1, &ctx);
  syscall(SYS_io_submit, ctx, 0, NULL);
  syscall(SYS_io_getevents, ctx, 0, 0, NULL, NULL);
  syscall(SYS_io_destroy, ctx);
  syscall(SYS_io_destroy, 0xface1e55deadbeefULL);
  syscall(SYS_io_cancel, 0xface1e55deadbeefULL, NULL, NULL);
  syscall(SYS_io_submit, 0, 0, NULL);  // a context of 0: NULL, as strace's printaddr
  syscall(SYS_io_getevents, 0, 1, 2, NULL, NULL);
  syscall(SYS_io_cancel, 0, NULL, NULL);
  syscall(SYS_io_destroy, 0);
  syscall(SYS_io_setup, 1, NULL);
  uint64_t aio_sig[2] = {(uintptr_t)&(uint64_t){1 << (SIGHUP - 1)}, 8};
  syscall(SYS_io_pgetevents, 0xface1e55deadbeefULL, 0, 0, NULL, NULL, aio_sig);

  // kexec_file_load's command line, as long as its length says (its NUL too); refused for
  // its bad fds.
  syscall(SYS_kexec_file_load, -1, -1, 7, cmdline, 0);
  syscall(SYS_kexec_file_load, -1, -1, 3, cmdline, KEXEC_FILE_NO_INITRAMFS);
  syscall(SYS_kexec_file_load, -1, -1, 0, NULL, 0);
  syscall(SYS_kexec_file_load, -1, -1, 4, BAD, 0);

  // landlock: a ruleset's handled accesses (too short a size, longer ones), a rule on no
  // ruleset.
  struct landlock_ruleset_attr *ruleset = (void *)page_end(sizeof(*ruleset));
  ruleset->handled_access_fs = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_DIR;
  syscall(SYS_landlock_create_ruleset, ruleset, 4, 0);
  syscall(SYS_landlock_create_ruleset, ruleset, 12, 0);
  ruleset->handled_access_fs = 0xdebeefeddecac000ULL;
  syscall(SYS_landlock_create_ruleset, ruleset, sizeof(*ruleset), 0);
  struct landlock_path_beneath_attr rule = {
      .allowed_access = LANDLOCK_ACCESS_FS_MAKE_REG | 0x80000000ULL, .parent_fd = -1};
  syscall(SYS_landlock_add_rule, -1, LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
  syscall(SYS_landlock_add_rule, -1, 2, &rule, 0);
  syscall(SYS_landlock_add_rule, -1, LANDLOCK_RULE_PATH_BENEATH, BAD, 0);

  // mount_setattr on no fd: its struct, a size shorter than its first version, bytes after
  // it (zeros, not zeros, unreadable).
  struct mount_attr *attr = (void *)page_end(sizeof(*attr) + 8);
  memset(attr, 0, sizeof(*attr) + 8);
  attr->attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID;
  attr->attr_clr = MOUNT_ATTR__ATIME | 0x8000000000ULL;
  attr->propagation = MS_SLAVE;
  attr->userns_fd = 3;
  syscall(SYS_mount_setattr, -1, empty, AT_EMPTY_PATH, attr, sizeof(*attr));
  syscall(SYS_mount_setattr, -1, empty, AT_EMPTY_PATH, attr, 16);
  syscall(SYS_mount_setattr, -1, empty, AT_EMPTY_PATH, attr, sizeof(*attr) + 8);
  ((uint64_t *)(attr + 1))[0] = 0x8081828384858687ULL;
  attr->propagation = 0x14;
  syscall(SYS_mount_setattr, -1, empty, AT_EMPTY_PATH, attr, sizeof(*attr) + 8);
  syscall(SYS_mount_setattr, -1, empty, AT_EMPTY_PATH, attr, sizeof(*attr) + 16);

  // The NUMA calls: the policy and node mask get_mempolicy filled (of 1, 64, 65 and 130
  // nodes, and of more than are shown), a policy bound to node 0 and the default one again,
  // move_pages' pages, nodes and status (a page there, one that is not).
  int mode = -1;
  uint64_t *mask = (void *)page_end(3 * sizeof(*mask));
  syscall(SYS_get_mempolicy, &mode, NULL, 0, NULL, 0);
  syscall(SYS_get_mempolicy, NULL, mask, 1, NULL, 0);
  syscall(SYS_get_mempolicy, NULL, mask, 64, NULL, 0);
  syscall(SYS_get_mempolicy, NULL, mask, 130, NULL, 0);
  syscall(SYS_get_mempolicy, NULL, mask, 194, NULL, 0);
  static uint64_t big[40];
  syscall(SYS_get_mempolicy, NULL, big, sizeof(big) * 8, NULL, 0);
  mask[0] = 0x8000000000000001ULL;
  syscall(SYS_set_mempolicy, MPOL_BIND, mask, 65);
  syscall(SYS_mbind, NULL, 0, MPOL_BIND, mask, 2, MPOL_MF_STRICT);
  syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0);
  void **pages = (void *)page_end(2 * sizeof(*pages));
  int *nodes = (void *)page_end(2 * sizeof(*nodes)), *status = (void *)page_end(2 * sizeof(*nodes));
  pages[0] = mask;
  pages[1] = NULL;
  syscall(SYS_move_pages, 0, 2, pages, NULL, status, MPOL_MF_MOVE);
  syscall(SYS_move_pages, 0, 0, pages, NULL, status, MPOL_MF_MOVE);
  nodes[0] = 0;
  nodes[1] = -559038751;
  syscall(SYS_move_pages, 0, 2, pages, nodes, status, MPOL_MF_MOVE);
  syscall(SYS_move_pages, 0, 3, pages, nodes, NULL, MPOL_MF_MOVE);

  // futex_waitv: waiters whose words hold another value (it returns at once), one with
  // unknown flags, an array that runs into an unreadable page, none.
  static uint32_t word;
  struct futex_waitv *waiters = (void *)page_end(2 * sizeof(*waiters));
  memset(waiters, 0, 2 * sizeof(*waiters));
  waiters[0] = (struct futex_waitv){.val = 1, .uaddr = (uintptr_t)&word,
                                    .flags = FUTEX_32 | FUTEX_PRIVATE_FLAG};
  waiters[1] = (struct futex_waitv){.val = 0xdeadbeeffacefeedULL, .uaddr = (uintptr_t)&word,
                                    .flags = FUTEX_32};
  struct timespec soon = {0, 1000};
  syscall(SYS_futex_waitv, waiters, 2, 0, &soon, CLOCK_MONOTONIC);
  waiters[1].flags = 0xffffff7d;
  waiters[1].__reserved = 0xffffffff;
  syscall(SYS_futex_waitv, waiters, 2, 0, NULL, CLOCK_REALTIME);
  syscall(SYS_futex_waitv, waiters, 3, 0, NULL, CLOCK_MONOTONIC);
  syscall(SYS_futex_waitv, NULL, 0, 1, NULL, CLOCK_MONOTONIC);

  // Extended attributes' values, with a NUL inside and at their end (not shown), refused
  // on no fd, of a name no file system takes.
  static char value[] = "foo\0bar";
  syscall(SYS_fsetxattr, -1, "user.observer", value, 8, XATTR_CREATE);
  syscall(SYS_fsetxattr, -1, "user.observer", value, 7, XATTR_REPLACE);
  syscall(SYS_setxattr, "/", "bad.observer", value, 3, 0);
  syscall(SYS_lsetxattr, "/", "bad.observer", NULL, 0, 0);
  syscall(SYS_fsetxattr, -1, "user.observer", value, 65537, 0);

#if defined(__x86_64__)
  // modify_ldt's struct user_desc, of its size and not, with a function no kernel has: its
  // result is an unsigned int, an error's above 0xfffff000.
  struct user_desc *desc = (void *)page_end(sizeof(*desc));
  memset(desc, 0, sizeof(*desc));
  desc->entry_number = -1;
  desc->base_addr = 0x87868584;
  desc->seg_32bit = 1;
  desc->seg_not_present = 1;
  syscall(SYS_modify_ldt, 0x11, desc, sizeof(*desc));
  syscall(SYS_modify_ldt, 0x11, desc, 8);
  syscall(SYS_modify_ldt, 0x11, NULL, sizeof(*desc));
  // x86_64 has no thread areas (ENOSYS): what set_thread_area would read, the entry number
  // get_thread_area would, of a struct whose rest is unreadable.
  syscall(SYS_set_thread_area, desc);
  uint32_t *entry = (void *)page_end(sizeof(*entry));
  *entry = 12;
  syscall(SYS_get_thread_area, entry);
  syscall(SYS_get_thread_area, NULL);
#endif
  return 0;
}
