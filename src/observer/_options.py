"""What the command line and observer.Tracer take, checked alike: the formats, the limits and
the parsers of the values both faces accept (pids, program names, paths, sizes, cgroups,
users). No argparse and no output: each parser returns a value or raises UsageError."""

from __future__ import annotations

import os
import re
from typing import Any

from observer._errors import UsageError

FORMATS = ("log", "jsonl", "strace", "parquet")
STRING_LIMIT_MAX = 4094  # bpf/syscalls.h STRING_MAX - 2
DATA_LIMIT_MAX = 4096  # bpf/syscalls.h BLOB_MAX
NAME_MAX = 255  # longest program name -n matches (bpf/syscalls.h NAME_LEN - 1)
MAX_NAMES = 64  # names -n takes (bpf/syscalls.h MAX_NAMES)


def parse_pids(values: list[str]) -> list[int]:
    """Repeatable, comma-separated -p values as sorted unique pids; raises UsageError."""
    pids: list[int] = []
    for value in values:
        for item in value.split(","):
            text = item.strip()
            if not text.lstrip("-").isdigit():
                raise UsageError(f"invalid pid {text!r}: expected a positive number")
            pid = int(text)
            if pid <= 0 or pid > 0x3FFFFFFF:
                raise UsageError(f"invalid pid {pid}: expected a positive number")
            pids.append(pid)
    return sorted(set(pids))


def parse_comms(values: list[str]) -> list[str]:
    """Repeatable, comma-separated -n values as sorted unique names; raises UsageError."""
    comms: list[str] = []
    for value in values:
        for item in value.split(","):
            if not item or "/" in item or len(os.fsencode(item)) > NAME_MAX:
                raise UsageError(f"invalid program name {item!r}: expected 1-{NAME_MAX} bytes "
                                 "without '/'")
            comms.append(item)
    unique = sorted(set(comms))
    if len(unique) > MAX_NAMES:
        raise UsageError(f"{len(unique)} program names for -n: at most {MAX_NAMES}")
    return unique


MAX_PATHS = 8  # paths -P takes (bpf/syscalls.h MAX_PATHS)


def parse_paths(values: list[str]) -> list[str]:
    """-P values as the paths the kernel compares: each as given and, as strace adds it, its
    resolved form when that differs; raises UsageError past MAX_PATHS or NAME_MAX bytes."""
    paths: list[str] = []
    for value in values:
        if not value or "\0" in value:
            raise UsageError(f"invalid path {value!r} for -P")
        for path in (value, os.path.realpath(value)):
            if len(os.fsencode(path)) > NAME_MAX:
                raise UsageError(f"path {path!r} for -P is longer than {NAME_MAX} bytes")
            if path not in paths:
                paths.append(path)
    if len(paths) > MAX_PATHS:
        raise UsageError(f"{len(paths)} paths for -P (with their resolved forms): at most "
                         f"{MAX_PATHS}")
    return paths


def parse_size(text: str, power_of_two: bool = True, name: str = "rotate size") -> int:
    """Bytes from "16", "16M" or "64K" (no suffix = MiB): a ring size (a power of two) or,
    with power_of_two=False, a size called name (--rotate, --backlog); raises UsageError."""
    page = os.sysconf("SC_PAGE_SIZE")
    match = re.fullmatch(r"(\d{1,10})([KkMmGg]?)", text.strip())
    shift = {"k": 10, "m": 20, "": 20, "g": 30}[match.group(2).lower()] if match else 0
    size = int(match.group(1)) << shift if match else 0
    if not power_of_two:
        if not 1 << 10 <= size <= 1 << 40:
            raise UsageError(f"{name} must be from 1K to 1024G, not {text!r}")
        return size
    if not page <= size <= 1 << 30 or size & (size - 1):
        raise UsageError(f"ring size must be a power of two from {page // 1024}K to 1G "
                         f"(a bare number is MiB: 16 = 16M), not {text!r}")
    return size


def parse_cgroup(path: str | None, unit: str | None, container: str | None) -> Any:
    """The cgroup of --cgroup, --unit or --container (at most one), or None; raises
    UsageError."""
    from observer import _cgroups

    given = [(flag, value) for flag, value in (("--cgroup", path), ("--unit", unit),
                                               ("--container", container)) if value is not None]
    if len(given) > 1:
        raise UsageError(f"give one of {' and '.join(flag for flag, _ in given)}, not both")
    if path is not None:
        return _cgroups.resolve_cgroup(path)
    if unit is not None:
        return _cgroups.unit_cgroup(unit)
    if container is not None:
        return _cgroups.container_cgroup(container)
    return None


def parse_user(user: str | None, uid: int | None) -> int | None:
    """The uid of -u USER (a name or a number) or --uid UID, or None; raises UsageError."""
    import pwd

    if user is not None and uid is not None:
        raise UsageError("give --user or --uid, not both")
    if user is not None:
        if user.isdigit():
            uid = int(user)
        else:
            try:
                uid = pwd.getpwnam(user).pw_uid
            except KeyError:
                raise UsageError(f"unknown user {user!r}") from None
    if uid is not None and not 0 <= uid < 2**32 - 1:
        raise UsageError(f"invalid uid {uid}: expected 0 to 4294967294")
    return uid
