"""Syscall numbers and names for x86_64 and aarch64 (Linux 6.19 tables, generated at build time)."""

from __future__ import annotations

import difflib
import platform
from collections.abc import Iterable
from functools import lru_cache

from observer._errors import UsageError
from observer._syscall_table import SOURCES, TABLES

ARCHES = tuple(sorted(TABLES))
#: Highest syscall number + 1 that the in-kernel filter accepts (bpf/syscalls.h MAX_SYSCALLS).
MAX_SYSCALLS = 1024
_MACHINE_ARCH = {"x86_64": "x86_64", "amd64": "x86_64", "aarch64": "aarch64", "arm64": "aarch64"}


def native_arch() -> str:
    """The table of the running machine ('x86_64' or 'aarch64')."""
    machine = platform.machine().lower()
    if machine not in _MACHINE_ARCH:
        raise UsageError(f"no syscall table for machine {machine!r}: supported are {ARCHES}")
    return _MACHINE_ARCH[machine]


def table(arch: str | None = None) -> dict[int, str]:
    """Number -> name for ``arch`` (default: this machine)."""
    arch = arch or native_arch()
    if arch not in TABLES:
        raise UsageError(f"unknown architecture {arch!r}: choose from {', '.join(ARCHES)}")
    return TABLES[arch]


@lru_cache(maxsize=None)
def _numbers(arch: str) -> dict[str, int]:
    return {name: nr for nr, name in table(arch).items()}


def source(arch: str | None = None) -> str:
    """Where the table of ``arch`` was generated from."""
    return SOURCES[arch or native_arch()]


#: Where 32-bit-only calls go in the native numbering (bpf/syscalls.h MAX_SYSCALLS).
COMPAT_BASE = 1024


def native_of_compat(nr: int) -> int:
    """The native number of the syscall a 32-bit call (i386 number nr, x86_64's int 0x80) is,
    or COMPAT_BASE + nr for calls only the 32-bit ABI has; as the log writes them."""
    compat = TABLES.get("i386", {}).get(nr)
    native = {n: number for number, n in table().items()}
    return native.get(compat, COMPAT_BASE + nr) if compat else COMPAT_BASE + nr


def name(nr: int, arch: str | None = None) -> str | None:
    """The name of syscall ``nr``, or None if the table has no such number."""
    return table(arch).get(nr)


def number(syscall: str, arch: str | None = None) -> int:
    """The number of a syscall name, or of a decimal number in range; raises UsageError."""
    arch = arch or native_arch()
    text = syscall.strip()
    if text.isdigit():
        nr = int(text)
        if nr >= MAX_SYSCALLS:
            raise UsageError(f"syscall number {nr} is out of range 0-{MAX_SYSCALLS - 1}")
        if nr not in table(arch):
            # As strace says it: a filter on a number no syscall has would trace nothing.
            raise UsageError(f"invalid system call '{text}': {arch} has no syscall {nr} "
                             "(observer -l lists them)")
        return nr
    if text.startswith("-") and text[1:].isdigit():
        raise UsageError(f"syscall number {text} is out of range 0-{MAX_SYSCALLS - 1}")
    numbers = _numbers(arch)
    if text in numbers:
        return numbers[text]
    close = difflib.get_close_matches(text, numbers, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else "; see --list-syscalls"
    raise UsageError(f"unknown syscall {text!r} on {arch}{hint}")


#: strace's syscall classes (strace(1) -e trace=%CLASS), by name; names a table lacks are
#: skipped, so one list serves both architectures.
CLASSES: dict[str, frozenset[str]] = {
    "file": frozenset("""
        open openat openat2 creat execve execveat stat lstat newfstatat statx statfs access
        faccessat faccessat2 unlink unlinkat mkdir mkdirat mknod mknodat rmdir rename renameat
        renameat2 link linkat symlink symlinkat readlink readlinkat chdir chroot chmod fchmodat
        fchmodat2 chown lchown fchownat truncate utime utimes utimensat futimesat mount umount2
        pivot_root swapon swapoff acct getxattr lgetxattr setxattr lsetxattr listxattr
        llistxattr removexattr lremovexattr getxattrat setxattrat listxattrat removexattrat
        inotify_add_watch fanotify_mark name_to_handle_at open_tree open_tree_attr move_mount
        mount_setattr fsconfig quotactl uselib file_getattr file_setattr""".split()),
    "process": frozenset("""
        clone clone3 fork vfork execve execveat exit exit_group wait4 waitid kill tkill tgkill
        rt_sigqueueinfo rt_tgsigqueueinfo pidfd_open pidfd_send_signal unshare""".split()),
    "net": frozenset("""
        socket socketpair bind connect listen accept accept4 getsockname getpeername sendto
        recvfrom sendmsg recvmsg sendmmsg recvmmsg shutdown setsockopt getsockopt""".split()),
    "signal": frozenset("""
        rt_sigaction rt_sigprocmask rt_sigreturn rt_sigpending rt_sigtimedwait rt_sigsuspend
        rt_sigqueueinfo rt_tgsigqueueinfo sigaltstack signalfd signalfd4 kill tkill tgkill pause
        pidfd_send_signal""".split()),
    "ipc": frozenset("""
        msgget msgsnd msgrcv msgctl semget semop semctl semtimedop shmget shmat shmctl
        shmdt""".split()),
    "desc": frozenset("""
        read write open openat openat2 creat close close_range fstat newfstatat statx lseek
        pread64 pwrite64 readv writev preadv pwritev preadv2 pwritev2 pipe pipe2 dup dup2 dup3
        fcntl ioctl flock fsync fdatasync ftruncate fallocate getdents getdents64 fchdir fchmod
        fchmodat fchmodat2 fchown fchownat fstatfs select pselect6 poll ppoll epoll_create
        epoll_create1 epoll_ctl epoll_wait epoll_pwait epoll_pwait2 eventfd eventfd2 signalfd
        signalfd4 timerfd_create timerfd_settime timerfd_gettime inotify_init inotify_init1
        inotify_add_watch inotify_rm_watch fanotify_init fanotify_mark memfd_create mmap
        sendfile splice tee vmsplice copy_file_range readahead sync_file_range syncfs
        fadvise64 faccessat faccessat2 mkdirat mknodat unlinkat renameat renameat2 linkat
        symlinkat readlinkat utimensat futimesat execveat fgetxattr fsetxattr flistxattr
        fremovexattr socket socketpair bind connect listen accept accept4 getsockname
        getpeername sendto recvfrom sendmsg recvmsg sendmmsg recvmmsg shutdown setsockopt
        getsockopt pidfd_open pidfd_getfd io_uring_setup io_uring_enter io_uring_register
        userfaultfd perf_event_open bpf fsopen fsmount fspick open_tree move_mount
        name_to_handle_at open_by_handle_at landlock_create_ruleset""".split()),
    "memory": frozenset("""
        brk mmap munmap mprotect mremap msync mincore madvise mlock mlock2 munlock mlockall
        munlockall mbind set_mempolicy get_mempolicy migrate_pages move_pages remap_file_pages
        pkey_mprotect process_madvise process_mrelease mseal map_shadow_stack""".split()),
}


def _resolve(item: str, arch: str | None) -> set[int]:
    if item.startswith("%"):
        cls = CLASSES.get(item[1:])
        if cls is None:
            raise UsageError(f"unknown syscall class {item!r}: choose from "
                             + ", ".join("%" + c for c in sorted(CLASSES)))
        numbers = _numbers(arch or native_arch())
        return {numbers[n] for n in cls if n in numbers}
    return {number(item, arch)}


def parse_list(values: Iterable[str], arch: str | None = None) -> list[int]:
    """Resolve repeatable, comma-separated names, numbers and %classes to sorted unique numbers.

    An item starting with ``!`` is removed from the selection; if every item is negated, the
    selection starts from every syscall of the table (strace's ``-e trace=!open``).
    """
    chosen: set[int] = set()
    removed: set[int] = set()
    positive = False
    for value in values:
        for item in value.split(","):
            text = item.strip()
            negated = text.startswith("!")
            text = text[1:].strip() if negated else text
            if not text:
                raise UsageError(f"empty syscall name in {value!r}")
            if negated:
                removed |= _resolve(text, arch)
            else:
                chosen |= _resolve(text, arch)
                positive = True
    if not positive and removed:
        chosen = set(table(arch))
    result = chosen - removed
    if (positive or removed) and not result:
        raise UsageError("the syscall selection is empty")
    return sorted(result)
