"""Escaping of process names (comm) in the trace log and in file names.

A comm is whatever the task wrote with prctl(PR_SET_NAME) or exec'd, so it may hold any byte except
NUL: newlines that would forge log records, ``:`` (the log's field separator), ``/`` and terminal
escape sequences. The trace log writes it in a canonical, reversible ASCII form:

* bytes 0x20..0x7e other than ``\\`` are kept as-is (``:`` included; readers split from the left);
* ``\\`` becomes ``\\\\``;
* every other byte (controls, 0x7f, 0x80..0xff) becomes ``\\xHH`` with lowercase hex.

Every function here is pure and thread-safe.
"""

from __future__ import annotations

import re

__all__ = ["comm_filename_part", "comm_from_filename_part", "escape_comm", "unescape_comm"]

_BACKSLASH = 0x5C
_SLASH_ESCAPE = "\\x2f"

# Output of escape_comm for each byte value, indexed by the byte.
_ESCAPED: tuple[str, ...] = tuple(
    "\\\\" if byte == _BACKSLASH else chr(byte) if 0x20 <= byte <= 0x7E else f"\\x{byte:02x}"
    for byte in range(256)
)

# One token of the canonical form: a run of kept characters, an escaped backslash, or a hex escape
# of a byte that escape_comm would itself escape. Anything else (\q, \xZZ, \x1B, \x41,
# a lone \, a non-ASCII or control character) is rejected, so unescape_comm inverts
# escape_comm exactly and two different texts never decode to the same bytes.
_TOKEN = re.compile(r"[ -\[\]-~]+|\\\\|\\x(?:[01][0-9a-f]|7f|[89a-f][0-9a-f])")


def escape_comm(raw: bytes) -> str:
    """Return the canonical ASCII form of the comm bytes ``raw`` (see the module docstring)."""
    return "".join(_ESCAPED[byte] for byte in raw)


def unescape_comm(text: str) -> bytes:
    """Return the comm bytes that ``escape_comm`` turned into ``text``.

    Strict: raises ValueError unless ``text`` is exactly what ``escape_comm`` produces for some
    input (a trailing ``\\``, ``\\xZZ``, ``\\q``, upper-case or needless hex escapes, raw control or
    non-ASCII characters), so ``escape_comm(unescape_comm(text)) == text`` whenever it returns.
    """
    out = bytearray()
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            raise ValueError(f"malformed escape at offset {pos} in {text!r}")
        token = match.group()
        if token == "\\\\":
            out.append(_BACKSLASH)
        elif token.startswith("\\x"):
            out.append(int(token[2:], 16))
        else:
            out += token.encode("ascii")
        pos = match.end()
    return bytes(out)


def comm_filename_part(escaped: str) -> str:
    """Turn an escaped comm into text safe to use inside a single path component.

    ``/`` becomes ``\\x2f``. The mapping stays injective because ``escape_comm`` never emits
    ``\\x2f`` itself (``/`` is printable, and a literal ``\\x2f`` in a comm is written ``\\\\x2f``).
    The result contains no ``/`` or NUL; it can still be ``""``, ``.`` or ``..``, so callers must
    add a suffix (the formatter appends ``:<pid>.log``) before using it as a whole file name.
    """
    return escaped.replace("/", _SLASH_ESCAPE)


# In a file name part, an escaped backslash and the slash escape, scanned left to right so that
# a literal "\\x2f" (an escaped backslash, then "x2f") is never read as a slash.
_FILENAME_TOKEN = re.compile(r"\\\\|\\x2f")


def comm_from_filename_part(part: str) -> bytes:
    """Return the comm bytes whose escaped form ``comm_filename_part`` turned into ``part``.

    The inverse of ``comm_filename_part`` followed by ``escape_comm``; raises ValueError as
    ``unescape_comm`` does for text that neither could have produced.
    """
    escaped = _FILENAME_TOKEN.sub(lambda m: "/" if m.group() == _SLASH_ESCAPE else m.group(), part)
    return unescape_comm(escaped)
