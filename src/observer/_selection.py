"""-s and -e trace=: which syscalls a selection names, as strace 6 reads it (names, numbers,
%classes, /REGEX, all, none, ?name, name@64 and name@32), for the kernel's filter."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from observer import syscall_classes
from observer._errors import UsageError
from observer._syscall_table import TABLES
from observer.syscalls import numbers_by_name, name, native_arch, number, table

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
        return {nr}, ({numbers_by_name(compat_arch)[name(nr, arch) or ""]}
                      if compat_arch and abi != "64" and name(nr, arch) in numbers_by_name(compat_arch)
                      else set())
    native = ({numbers_by_name(arch)[n] for n in _names_of(item, arch, arch)} if abi != "32"
              else set())
    compat = ({numbers_by_name(compat_arch)[n] for n in _names_of(item, compat_arch, compat_arch)}
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
    compat = numbers_by_name("i386")
    return {compat[n] for n in (name(nr, arch) for nr in native) if n in compat}


def parse_list(values: Iterable[str], arch: str | None = None) -> list[int]:
    """The native numbers of parse_selection(values, arch)."""
    return parse_selection(values, arch).native
