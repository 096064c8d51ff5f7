"""Syscall numbers and names for x86_64 and aarch64 (Linux 6.19 tables, generated at build time)."""

from __future__ import annotations

import difflib
import platform
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
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
    numbers = _numbers(arch)
    if text in numbers:
        return numbers[text]
    close = difflib.get_close_matches(text, numbers, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else "; see --list-syscalls"
    raise UsageError(f"unknown syscall {text!r} on {arch}{hint}")


#: The ABI suffixes of strace 6: name@64 is the native call only, name@32 the 32-bit one
#: (i386, int 0x80 on x86_64) only.
PERSONALITIES = ("64", "32")


@dataclass(frozen=True)
class Selection:
    """Which syscalls -s / -e trace= select, as the kernel's filter takes them.

    ``native``: sorted native numbers (empty with ``compat`` None: every syscall, no filter).
    ``compat``: sorted numbers of the 32-bit ABI, or None for the 32-bit calls of ``native``
    (the same names), so that int 0x80 cannot slip past a selection. ``numbers``: the items
    given as bare numbers (``-s 128``), which strace users may mean as a string size."""

    native: list[int] = field(default_factory=list)
    compat: list[int] | None = None
    numbers: list[str] = field(default_factory=list)

    @property
    def filters(self) -> bool:
        """Whether anything is filtered out (``-e trace=all`` filters nothing)."""
        return bool(self.native) or self.compat is not None


def _names_of(item: str, arch: str, kind: str) -> set[str]:
    """Names of the arch's table that item (a name, %class, /regex or all) stands for."""
    names = set(table(arch).values())
    if item == "all":
        return names
    if item.startswith("/"):
        try:
            pattern = re.compile(item[1:])
        except re.error as err:
            raise UsageError(f"invalid regular expression {item!r}: {err}") from None
        return {name for name in names if pattern.search(name)}
    if item.startswith("%"):
        # The one class table, also behind -l %CLASS (imported here: it imports this module).
        from observer import syscall_classes

        return syscall_classes.members(item, kind)
    return {item} & names


def _resolve(item: str, arch: str, abi: str | None) -> tuple[set[int], set[int]]:
    """(native numbers, 32-bit numbers) of one item; abi '64' or '32' keeps one side.
    Raises UsageError for a name neither table has."""
    compat_arch = "i386" if "i386" in TABLES and arch == "x86_64" else None
    if item.isdigit() or (item.startswith("-") and item[1:].isdigit()):
        if abi == "32" and compat_arch is not None:
            nr = int(item)
            if nr not in table(compat_arch):
                raise UsageError(f"invalid system call '{item}@32': {compat_arch} has no "
                                 f"syscall {nr}")
            return set(), {nr}
        nr = number(item, arch)
        return {nr}, ({_numbers(compat_arch)[name(nr, arch) or ""]}
                      if compat_arch and abi != "64" and name(nr, arch) in _numbers(compat_arch)
                      else set())
    native = ({_numbers(arch)[n] for n in _names_of(item, arch, arch)} if abi != "32"
              else set())
    compat = ({_numbers(compat_arch)[n] for n in _names_of(item, compat_arch, compat_arch)}
              if compat_arch and abi != "64" else set())
    if not native and not compat and not item.startswith(("/", "%")) and item != "all":
        number(item, arch)  # raises with the suggestions for a name
    return native, compat


def parse_selection(values: Iterable[str], arch: str | None = None) -> Selection:
    """The Selection of repeatable, comma-separated -s values, as strace 6 reads them.

    Items: names, numbers, %classes, ``/REGEX`` (names it matches anywhere), ``all``,
    ``none``; ``name@64`` or ``name@32`` keep one ABI; ``?item`` ignores an item that selects
    nothing here; ``!item`` removes, and a list of removals alone starts from every
    syscall (strace's ``-e trace=!open``). Raises UsageError."""
    arch = arch or native_arch()
    chosen: tuple[set[int], set[int]] = (set(), set())
    removed: tuple[set[int], set[int]] = (set(), set())
    positive = given = nothing = False
    optional_only = True  # every positive item was a ?item
    numbers: list[str] = []
    for value in values:
        for raw in value.split(","):
            text = raw.strip()
            negated = text.startswith("!")
            text = text[1:].strip() if negated else text
            optional = text.startswith("?")
            text = text[1:].strip() if optional else text
            item, _, abi = text.rpartition("@") if "@" in text else (text, "", "")
            if abi and abi not in PERSONALITIES:
                raise UsageError(f"unknown ABI in {raw.strip()!r}: expected @64 or @32")
            if not item:
                raise UsageError(f"empty syscall name in {value!r}")
            given = True
            if item == "none":
                nothing = nothing or not negated
                continue
            try:
                native, compat = _resolve(item, arch, abi or None)
            except UsageError:
                if not optional:
                    raise
                native, compat = set(), set()  # ?name: selects nothing here, quietly
            if item.isdigit() and not negated and not abi:
                numbers.append(item)
            side = removed if negated else chosen
            side[0].update(native)
            side[1].update(compat)
            positive = positive or not negated
            optional_only = optional_only and (optional or negated)
    if not given:
        return Selection()
    if not positive and not nothing:  # removals alone start from every syscall
        chosen = _resolve("all", arch, None)
    kept = (sorted(chosen[0] - removed[0]), sorted(chosen[1] - removed[1]))
    if not kept[0] and not kept[1]:
        if nothing or optional_only:
            return Selection([], [], numbers)  # none, or only ?items that matched nothing
        raise UsageError("the syscall selection is empty")
    if kept[0] == sorted(table(arch)) and kept[1] == sorted(_compat_all(arch)):
        return Selection([], None, numbers)  # all: nothing to filter
    if kept[1] == sorted(_compat_of(kept[0], arch)):
        return Selection(kept[0], None, numbers)
    return Selection(kept[0], kept[1], numbers)


def _compat_all(arch: str) -> set[int]:
    return set(table("i386")) if arch == "x86_64" and "i386" in TABLES else set()


def _compat_of(native: list[int], arch: str) -> set[int]:
    """The 32-bit numbers of the native calls' names (what the kernel filter derives)."""
    if arch != "x86_64" or "i386" not in TABLES:
        return set()
    compat = _numbers("i386")
    return {compat[n] for n in (name(nr, arch) for nr in native) if n in compat}


def parse_list(values: Iterable[str], arch: str | None = None) -> list[int]:
    """The native numbers of parse_selection(values, arch)."""
    return parse_selection(values, arch).native
