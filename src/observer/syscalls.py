"""Syscall numbers and names for x86_64 and aarch64 (Linux 6.19 tables, generated at build time)."""

from __future__ import annotations

import difflib
import platform
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
def numbers_by_name(arch: str) -> dict[str, int]:
    """Name -> number for arch's table."""
    return {name: nr for nr, name in table(arch).items()}


def source(arch: str | None = None) -> str:
    """Where the table of ``arch`` was generated from."""
    return SOURCES[arch or native_arch()]


#: Where 32-bit-only calls go in the native numbering (bpf/syscalls.h MAX_SYSCALLS).
COMPAT_BASE = 1024


def compat_table() -> dict[int, str]:
    """Number -> name of the 32-bit ABI (i386; empty where there is none)."""
    return TABLES.get("i386", {})


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
    numbers = numbers_by_name(arch)
    if text in numbers:
        return numbers[text]
    close = difflib.get_close_matches(text, numbers, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else "; see --list-syscalls"
    raise UsageError(f"unknown syscall {text!r} on {arch}{hint}")
