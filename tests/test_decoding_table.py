"""docs/formats.md's table of how each syscall is decoded, kept true to the decoder's own tables.

When the decoders change, this test fails and prints the table they now give: paste it
between the markers in docs/formats.md.
"""

from __future__ import annotations

import platform
from pathlib import Path

import pytest

FORMATS = Path(__file__).resolve().parent.parent / "docs" / "formats.md"
BEGIN = "<!-- BEGIN decoding table: tests/test_decoding_table.py writes it -->"
END = "<!-- END decoding table -->"
LEVELS = [
    ("full", "fully: every argument as strace shows it"),
    ("partial", "partly: some arguments as numbers or addresses that strace decodes further"),
    ("raw", "raw: no declaration known, shown as six hex words"),
]


def table() -> str:
    """The markdown table of the native (x86_64) syscalls, by how completely they are decoded;
    hand-written decoders in bold."""
    from observer import _core

    rows = _core.decoding_table()
    lines = [BEGIN, "| decoded | syscalls |", "|---|---|"]
    for level, title in LEVELS:
        names = sorted((name for _, name, got, _, _ in rows if got == level))
        hand = {name for _, name, got, hand_written, _ in rows if got == level and hand_written}
        cell = ", ".join(f"**`{n}`**" if n in hand else f"`{n}`" for n in names)
        lines.append(f"| {title} ({len(names)}) | {cell} |")
    lines.append(END)
    return "\n".join(lines)


def test_every_syscall_is_in_one_row() -> None:
    from observer import _core, syscalls

    rows = _core.decoding_table()
    assert [name for _, name, _, _, _ in rows] == [syscalls.table()[nr] for nr, *_ in rows]
    for _, name, level, hand_written, args in rows:
        assert (args is None) == (level == "raw"), name
        assert level != "full" or not any(a.startswith("raw_") for a in args or []), name
        assert not hand_written or args is not None, name
    by_name = {name: (level, args) for _, name, level, _, args in rows}
    assert by_name["openat"] == ("full", ["dirfd", "path", "open_flags", "mode"])
    assert by_name["poll"] == ("full", ["poll_fds", "uint", "int"])
    assert by_name["epoll_wait"] == ("full", ["fd", "epoll_events", "int", "int"])
    assert by_name["time"][0] == "partial"  # its time_t, filled, is still an address
    compat = {name: args for _, name, _, _, args in _core.decoding_table(compat=True)}
    assert compat["mmap"] == ["raw_ptr"]  # i386's old_mmap: one pointer, not mmap's six


@pytest.mark.skipif(platform.machine() != "x86_64", reason="docs/formats.md shows the x86_64 table")
def test_formats_table_matches_the_decoders() -> None:
    text = FORMATS.read_text()
    assert BEGIN in text and END in text, f"docs/formats.md lacks the markers {BEGIN} ... {END}"
    current = text[text.index(BEGIN):text.index(END) + len(END)]
    expected = table()
    assert current == expected, ("docs/formats.md's decoding table is out of date; the decoders now "
                                 f"give:\n\n{expected}\n")
