"""The generated syscall tables against the data files they came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from observer import syscalls
from observer._errors import UsageError
from observer._selection import Selection, parse_list, parse_selection

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
        parse_list(["999"], arch="x86_64")
    assert parse_list(["1"], arch="x86_64") == [1]


# strace 6's selection syntax, on x86_64's tables (64-bit and i386 numbers).
I386 = {name: nr for nr, name in syscalls.table("i386").items()}


def select(*values: str) -> Selection:
    return parse_selection(values, "x86_64")


def test_all_selects_without_a_filter_and_none_filters_everything() -> None:
    assert select("all") == Selection([], None)
    assert not select("all").filters and not select("!none").filters
    nothing = select("none")
    assert nothing.native == [] and nothing.compat == [] and nothing.filters
    everything_but_read = select("all,!read")
    assert everything_but_read == select("!read")
    assert syscalls.number("read", "x86_64") not in everything_but_read.native
    assert everything_but_read.compat is not None and I386["read"] not in everything_but_read.compat


def test_a_regex_selects_the_names_it_matches_anywhere() -> None:
    chosen = {syscalls.name(nr, "x86_64") for nr in select("/^open").native}
    assert chosen == {"open", "openat", "openat2", "open_by_handle_at", "open_tree",
                      "open_tree_attr"} & set(syscalls.table("x86_64").values())
    assert "fanotify_init" in {syscalls.name(nr, "x86_64") for nr in select("/notify").native}
    with pytest.raises(UsageError, match="invalid regular expression"):
        select("/(")


def test_a_question_mark_ignores_a_name_unknown_here() -> None:
    assert select("?no_such_call,read").native == [0]
    assert select("?no_such_call") == Selection([], [])  # selects nothing at all
    with pytest.raises(UsageError, match="unknown syscall 'no_such_call'"):
        select("no_such_call,read")


def test_an_abi_suffix_keeps_one_abi() -> None:
    assert select("open@64") == Selection([2], [])
    assert select("open@32") == Selection([], [I386["open"]])
    # Without one, the 32-bit calls of the same names come along (int 0x80 cannot slip past).
    assert select("open") == Selection([2], None)
    # A call only the 32-bit ABI has is selected by its name too.
    assert select("socketcall") == Selection([], [I386["socketcall"]])
    assert select("20@32") == Selection([], [20])
    with pytest.raises(UsageError, match="unknown ABI in 'open@x32'"):
        select("open@x32")


def test_bare_numbers_are_remembered_for_the_string_size_hint() -> None:
    assert select("128").numbers == ["128"]
    assert select("read,!128").numbers == []
