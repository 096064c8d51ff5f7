"""Tests for observer._escape: the comm escaping shared by the trace log and the formatter."""

from __future__ import annotations

import itertools
import random
import re

import pytest

from observer._escape import comm_filename_part, escape_comm, unescape_comm

HOSTILE_COMMS = [
    b"../../x",
    b"a/b",
    b"a\\x2fb",
    b"a:b:c",
    b"\n",
    b"\t",
    b"\x1b[31m",
    b"\xff\xfe\x80",
    b"caf\xc3\xa9",
    b"",
    b"..",
    b".",
    b"/",
    b"\\",
    b"\\\\x2f",
]


def _random_comms(count: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    return [rng.randbytes(rng.randint(0, 15)) for _ in range(count)]


@pytest.mark.parametrize("byte", range(256))
def test_single_byte_round_trip_and_rule(byte: int) -> None:
    raw = bytes([byte])
    text = escape_comm(raw)
    assert unescape_comm(text) == raw
    if 0x20 <= byte <= 0x7E and byte != 0x5C:
        assert text == chr(byte)
    elif byte == 0x5C:
        assert text == "\\\\"
    else:
        assert re.fullmatch(r"\\x[0-9a-f]{2}", text)
        assert int(text[2:], 16) == byte


def test_all_bytes_in_one_comm_round_trip() -> None:
    raw = bytes(range(256))
    assert unescape_comm(escape_comm(raw)) == raw


def test_random_round_trip_is_printable_ascii() -> None:
    for raw in _random_comms(2000, seed=1):
        text = escape_comm(raw)
        assert unescape_comm(text) == raw
        assert all(0x20 <= ord(char) <= 0x7E for char in text)


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"bash", "bash"),
        (b"a:b:c", "a:b:c"),
        (b"a\\b", "a\\\\b"),
        (b"\n", "\\x0a"),
        (b"\t", "\\x09"),
        (b"\x1b[31m", "\\x1b[31m"),
        (b"\x7f", "\\x7f"),
        (b"\xff\xc3", "\\xff\\xc3"),
        (b"", ""),
        (b"../x", "../x"),
    ],
)
def test_escape_examples(raw: bytes, text: str) -> None:
    assert escape_comm(raw) == text
    assert unescape_comm(text) == raw


@pytest.mark.parametrize(
    "text",
    [
        "\\",  # trailing backslash
        "abc\\",
        "\\xZZ",
        "\\x4",  # truncated hex
        "\\q",
        "\\n",  # C escapes are not part of the format
        "\\x1B",  # upper-case hex is not canonical
        "\\x41",  # 'A' is printable, so escaping it is not canonical
        "\\x5c",  # backslash has its own escape
        "\\x2f",  # '/' is printable; only file names use this escape
        "a\nb",  # raw control character
        "\x7f",
        "caf\u00e9",  # non-ASCII character
        "\x00",
    ],
)
def test_unescape_rejects_malformed(text: str) -> None:
    with pytest.raises(ValueError):
        unescape_comm(text)


def test_unescape_accepts_only_canonical_text() -> None:
    # Every short string over an alphabet of escape pieces is rejected or re-escapes to itself.
    accepted = 0
    for length in range(6):
        for chars in itertools.product("\\x0a2fZ", repeat=length):
            text = "".join(chars)
            try:
                raw = unescape_comm(text)
            except ValueError:
                continue
            accepted += 1
            assert escape_comm(raw) == text
    assert accepted > 100


@pytest.mark.parametrize("raw", HOSTILE_COMMS)
def test_filename_part_is_one_safe_component(raw: bytes) -> None:
    part = comm_filename_part(escape_comm(raw))
    assert "/" not in part
    assert "\x00" not in part
    assert all(0x20 <= ord(char) <= 0x7E for char in part)


def test_filename_part_slash_and_literal_escape_differ() -> None:
    slash = comm_filename_part(escape_comm(b"a/b"))
    literal = comm_filename_part(escape_comm(b"a\\x2fb"))
    assert slash == "a\\x2fb"
    assert literal == "a\\\\x2fb"
    assert slash != literal


def test_filename_part_is_injective() -> None:
    # Exhaustive over short comms of the bytes that could collide, plus random and hostile ones.
    pieces = [b"/", b"\\", b"x", b"2", b"f"]
    comms = {b"".join(p) for n in range(6) for p in itertools.product(pieces, repeat=n)}
    comms.update(_random_comms(2000, seed=2))
    comms.update(HOSTILE_COMMS)
    parts = {comm_filename_part(escape_comm(raw)) for raw in comms}
    assert len(parts) == len(comms)
