"""The generated syscall tables against the data files they came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from observer import syscalls

DATA = Path(__file__).resolve().parent.parent / "data" / "syscalls"


def rows(arch: str) -> dict[int, str]:
    table = {}
    for line in (DATA / f"{arch}.tbl").read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        fields = line.split()
        if len(fields) == 3 and fields[1] == "x32":
            continue
        table[int(fields[0])] = fields[-1]
    return table


@pytest.mark.parametrize("arch", ["x86_64", "aarch64"])
def test_table_matches_data_file(arch: str) -> None:
    assert syscalls.table(arch) == rows(arch)
    assert "Linux 6.19" in syscalls.source(arch)


def test_well_known_numbers() -> None:
    assert syscalls.number("openat", "x86_64") == 257
    assert syscalls.number("openat", "aarch64") == 56
    assert syscalls.name(231, "x86_64") == "exit_group"
    assert syscalls.name(94, "aarch64") == "exit_group"
    assert syscalls.name(999, "x86_64") is None


def test_x32_numbers_are_not_native() -> None:
    assert all(nr < 512 for nr in syscalls.table("x86_64"))


def test_unknown_arch() -> None:
    with pytest.raises(syscalls.UsageError, match="unknown architecture"):
        syscalls.table("mips")


def test_a_number_no_syscall_has_is_refused_as_strace_does() -> None:
    from observer._errors import UsageError

    with pytest.raises(UsageError, match="invalid system call '999'"):
        syscalls.parse_list(["999"], arch="x86_64")
    assert syscalls.parse_list(["1"], arch="x86_64") == [1]
