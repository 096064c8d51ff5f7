"""strace's syscall classes (``%file``, ``%process``, ...) for x86_64 and aarch64.

Membership follows strace's syscall tables (the TRACE_FILE, TRACE_DESC, ... flags of its
``syscallent.h`` files), so ``-s %file`` selects what ``strace -e trace=%file`` traces:

- ``%file``: takes a file name argument (open, stat, chmod, unlink, execve, ...)
- ``%desc``: takes or returns a file descriptor (read, close, openat, epoll_wait, ...)
- ``%process``: process lifecycle (fork, clone, execve, exit, wait4, ...)
- ``%net``: network (socket, connect, sendmsg, ...); ``%network`` is the same class
- ``%signal``: signal related (kill, rt_sigaction, signalfd, ...)
- ``%ipc``: System V IPC (shmget, semop, msgsnd, ...)
- ``%memory``: memory mapping (mmap, brk, madvise, ...)

A syscall can belong to several classes (``openat`` is both ``%file`` and ``%desc``). The
lists name syscalls of both architectures; :func:`members` keeps those of the table asked for.
"""

from __future__ import annotations

from observer import syscalls
from observer._errors import UsageError

_FILE = """
    access acct chdir chmod chown chroot creat execve execveat faccessat faccessat2 fanotify_mark
    fchmodat fchmodat2 fchownat file_getattr file_setattr fsconfig fspick futimesat getcwd
    getxattr getxattrat inotify_add_watch lchown lgetxattr link linkat listxattr listxattrat
    llistxattr lremovexattr lsetxattr lstat mkdir mkdirat mknod mknodat mount mount_setattr
    move_mount name_to_handle_at newfstatat open open_tree open_tree_attr openat openat2
    pivot_root quotactl readlink readlinkat removexattr removexattrat rename renameat renameat2
    rmdir setxattr setxattrat stat statfs statx swapoff swapon symlink symlinkat truncate
    umount2 unlink unlinkat uselib utime utimensat utimes
"""

_DESC = """
    bpf cachestat close close_range copy_file_range creat dup dup2 dup3 epoll_create
    epoll_create1 epoll_ctl epoll_pwait epoll_pwait2 epoll_wait eventfd eventfd2 faccessat
    faccessat2 fadvise64 fallocate fanotify_init fanotify_mark fchdir fchmod fchmodat fchmodat2
    fchown fchownat fcntl fdatasync fgetxattr file_getattr file_setattr finit_module
    flistxattr flock fremovexattr fsconfig fsetxattr fsmount fsopen fspick fstat fstatfs fsync
    ftruncate futimesat getdents getdents64 getxattrat inotify_add_watch inotify_init
    inotify_init1 inotify_rm_watch io_uring_enter io_uring_register io_uring_setup ioctl
    kexec_file_load landlock_add_rule landlock_create_ruleset landlock_restrict_self linkat
    listxattrat lseek memfd_create memfd_secret mkdirat mknodat mmap mount_setattr move_mount
    mq_getsetattr mq_notify mq_open mq_timedreceive mq_timedsend name_to_handle_at newfstatat
    open open_by_handle_at open_tree open_tree_attr openat openat2 perf_event_open pidfd_getfd
    pidfd_open pidfd_send_signal pipe pipe2 poll ppoll pread64 preadv preadv2 process_madvise
    process_mrelease pselect6 pwrite64 pwritev pwritev2 quotactl_fd read readahead readlinkat
    readv removexattrat renameat renameat2 select sendfile setns setxattrat signalfd
    signalfd4 splice statx symlinkat sync_file_range syncfs tee timerfd_create timerfd_gettime
    timerfd_settime unlinkat userfaultfd utimensat vmsplice write writev
"""

# strace's %process has the signal senders too (strace -e trace=%process shows kill).
_PROCESS = """
    clone clone3 execve execveat exit exit_group fork kill pidfd_open pidfd_send_signal
    rt_sigqueueinfo rt_tgsigqueueinfo tgkill tkill unshare vfork wait4 waitid
"""

_NET = """
    accept accept4 bind connect getpeername getpmsg getsockname getsockopt listen putpmsg
    recvfrom recvmmsg recvmsg sendfile sendmmsg sendmsg sendto setsockopt shutdown socket
    socketpair
"""

_SIGNAL = """
    kill pause pidfd_send_signal rt_sigaction rt_sigpending rt_sigprocmask rt_sigqueueinfo
    rt_sigreturn rt_sigsuspend rt_sigtimedwait rt_tgsigqueueinfo sigaltstack signalfd signalfd4
    tgkill tkill
"""

_IPC = """
    msgctl msgget msgrcv msgsnd semctl semget semop semtimedop shmat shmctl shmdt shmget
"""

_MEMORY = """
    brk get_mempolicy io_destroy io_setup map_shadow_stack mbind migrate_pages mincore mlock
    mlock2 mlockall mmap move_pages mprotect mremap mseal msync munlock munlockall munmap
    madvise pkey_mprotect remap_file_pages set_mempolicy set_mempolicy_home_node shmat shmdt
"""

# Calls that take no argument and cannot fail.
_PURE = "getegid geteuid getgid getpgrp getpid getppid gettid getuid"

_CREDS = """
    capget capset getegid geteuid getgid getgroups getresgid getresuid getuid setfsgid setfsuid
    setgid setgroups setregid setresgid setresuid setreuid setuid
"""

_CLOCK = """
    adjtimex clock_adjtime clock_getres clock_gettime clock_settime gettimeofday settimeofday
    time
"""

#: Class name (without ``%``) -> syscall names, over both architectures. The stat classes
#: follow strace's: %stat, %lstat, %fstat by variant, %%stat all of them.
CLASSES: dict[str, frozenset[str]] = {
    "file": frozenset(_FILE.split()),
    "desc": frozenset(_DESC.split()),
    "process": frozenset(_PROCESS.split()),
    "net": frozenset(_NET.split()),
    "signal": frozenset(_SIGNAL.split()),
    "ipc": frozenset(_IPC.split()),
    "memory": frozenset(_MEMORY.split()),
    "pure": frozenset(_PURE.split()),
    "creds": frozenset(_CREDS.split()),
    "clock": frozenset(_CLOCK.split()),
    "stat": frozenset({"stat"}),
    "lstat": frozenset({"lstat"}),
    "fstat": frozenset({"fstat", "newfstatat"}),
    "%stat": frozenset({"stat", "lstat", "fstat", "newfstatat", "statx"}),
    "statfs": frozenset({"statfs"}),
    "fstatfs": frozenset({"fstatfs"}),
    "%statfs": frozenset({"statfs", "fstatfs"}),
}
_ALIASES = {"network": "net"}


def names() -> list[str]:
    """The class names as written on the command line: ``['%desc', '%file', ...]``."""
    return [f"%{name}" for name in sorted(CLASSES)]


def members(class_name: str, arch: str | None = None) -> set[str]:
    """Syscall names of class ``class_name`` (``'%file'`` or ``'file'``) in the table of
    ``arch`` (default: this machine). Raises UsageError for an unknown class."""
    key = class_name.removeprefix("%")
    key = _ALIASES.get(key, key)
    if key not in CLASSES:
        raise UsageError(f"unknown syscall class {class_name!r}: choose from {', '.join(names())}")
    return set(CLASSES[key] & set(syscalls.table(arch).values()))
