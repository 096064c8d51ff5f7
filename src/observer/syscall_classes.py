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

- ``%pure``, ``%creds``, ``%clock``, and the stat classes ``%stat``, ``%lstat``, ``%fstat``,
  ``%%stat``, ``%statfs``, ``%fstatfs``, ``%%statfs``

A syscall can belong to several classes (``openat`` is both ``%file`` and ``%desc``). The
classes are the last column of ``data/syscalls/facts.tsv``, one row per syscall name over
both architectures; :func:`members` keeps those of the table asked for.
"""

from __future__ import annotations

from observer import syscalls
from observer._errors import UsageError
from observer._syscall_table import CLASSES as _GENERATED

#: Class name (without ``%``) -> syscall names, over both architectures: the classes column of
#: data/syscalls/facts.tsv, generated at build time. The stat classes follow strace's: %stat,
#: %lstat, %fstat by variant, %%stat all of them (key ``"%stat"``).
CLASSES: dict[str, frozenset[str]] = dict(_GENERATED)
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
