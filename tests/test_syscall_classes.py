"""strace-style syscall classes and ``-l PATTERN``."""

from __future__ import annotations

import re

import pytest

from observer import cli, syscall_classes, syscalls
from observer._errors import UsageError
from observer._selection import parse_list


def test_every_listed_name_is_a_syscall_of_some_architecture() -> None:
    known = set().union(*(syscalls.table(arch).values() for arch in syscalls.ARCHES))
    for name, members in syscall_classes.CLASSES.items():
        assert members <= known, (name, sorted(members - known))


@pytest.mark.parametrize(("cls", "inside", "outside"), [
    ("%file", {"open", "openat", "stat", "execve", "unlink", "chmod"}, {"read", "close", "fstat"}),
    ("%desc", {"read", "close", "fstat", "open", "openat", "epoll_wait"}, {"stat", "socket", "kill"}),
    ("%process", {"clone", "fork", "execve", "exit_group", "wait4", "kill"}, {"getpid", "read"}),
    ("%net", {"socket", "connect", "sendmsg", "accept4"}, {"read", "pipe"}),
    ("%network", {"socket"}, {"read"}),
    ("%signal", {"kill", "rt_sigaction", "tgkill", "signalfd4"}, {"wait4"}),
    ("%ipc", {"shmget", "semop", "msgsnd"}, {"pipe", "mq_open"}),
    ("%memory", {"mmap", "brk", "munmap", "madvise", "mprotect"}, {"read"}),
])
def test_class_membership_follows_strace(cls: str, inside: set[str], outside: set[str]) -> None:
    members = syscall_classes.members(cls, "x86_64")
    assert inside <= members
    assert not outside & members


def test_members_are_those_of_the_architecture() -> None:
    x86 = syscall_classes.members("file", "x86_64")
    arm = syscall_classes.members("%file", "aarch64")
    assert "open" in x86 and "open" not in arm  # aarch64 has only openat
    assert arm <= set(syscalls.table("aarch64").values())


def test_unknown_class() -> None:
    with pytest.raises(UsageError,
                       match=r"unknown syscall class .%files.: choose from %%stat, %%statfs"):
        syscall_classes.members("%files")


def test_list_glob(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["-l", "open*"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("matching open*")
    names = [line.split()[1] for line in out[1:]]
    assert "openat" in names and all(name.startswith("open") for name in names)
    expected = sorted((nr, n) for nr, n in syscalls.table().items() if n.startswith("open"))
    assert [(int(line.split()[0]), line.split()[1]) for line in out[1:]] == expected


def test_list_class(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["-l", "%signal"]) == 0
    names = {line.split()[1] for line in capsys.readouterr().out.splitlines()[1:]}
    assert names == syscall_classes.members("%signal")


def test_list_class_names(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["-l", "%"]) == 0
    out = capsys.readouterr().out
    for name in syscall_classes.names():
        assert f"\n{name} " in out


@pytest.mark.parametrize(("pattern", "message"), [
    ("nosuch*", "no syscall on .* matches 'nosuch\\*'"),
    ("%nosuch", "unknown syscall class '%nosuch'"),
])
def test_list_without_match_is_a_usage_error(
        pattern: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["-l", pattern]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert re.match(f"observer: error: {message}", err)


def test_selection_and_listing_read_one_table() -> None:
    # -s %CLASS and -l %CLASS once disagreed (kill in one %process, not the other).
    for name in syscall_classes.names():
        numbers = parse_list([name], arch="x86_64")
        listed = syscall_classes.members(name, "x86_64")
        assert {syscalls.name(nr, "x86_64") for nr in numbers} == listed, name
    assert "kill" in syscall_classes.members("%process", "x86_64")
    assert "socket" not in syscall_classes.members("%desc", "x86_64")
    assert syscall_classes.members("%%stat", "x86_64") == {"stat", "lstat", "fstat",
                                                           "newfstatat", "statx"}
