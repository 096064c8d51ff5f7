"""Which of observer's output formats a file holds, told from its first bytes.

Readers use it to refuse a file of another format with an error that names what the file looks
like, instead of skipping every line as malformed and returning nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["SNIFF_BYTES", "TID_LOG_HEADER", "detect", "detect_file", "mismatch"]

#: Bytes read from the start of a file to tell its format.
SNIFF_BYTES = 64 << 10
#: The first line of a log with thread ids (observer --tid): then pid:tid:syscall_id:comm.
TID_LOG_HEADER = b"# pid:tid:syscall_id:comm\n"

_LOG = re.compile(rb"[0-9]{1,10}:-?[0-9]{1,10}:")
# observer's and strace's own lines: [pid ][time ]name(... , or the +++ / --- event lines.
_STRACE = re.compile(rb"(?:\[pid +)?[0-9]*\]? *(?:[0-9:.]+ +)?(?:[a-z_][a-z0-9_]*\(|\+\+\+ |--- )")

_SPLIT = re.compile(rb"[0-9]+( +[0-9]+)*")

_NAMES = {
    "log": "an observer trace log (pid:syscall_id:comm lines)",
    "jsonl": "observer JSON Lines (--format jsonl)",
    "strace": "strace-style text (strace, or observer --format strace)",
    "parquet": "a Parquet file",
    "dataset": "a Parquet dataset directory (--format parquet)",
    "split": "a per-process sequence file (space-separated syscall ids)",
}


def detect(head: bytes) -> str | None:
    """'log', 'jsonl', 'strace', 'parquet', 'split' or None for the first bytes of a file.

    The first line that looks like one of the formats decides, so a few garbled lines at the
    start (a log whose head was cut) do not hide it; None for empty or unrecognised input.
    """
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(TID_LOG_HEADER):
        return "log"
    for line in head.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith(b"{"):
            return "jsonl"
        if _STRACE.match(line):  # first: "12:00:01 read(" would also pass as a log line
            return "strace"
        if _LOG.match(line):
            return "log"
        if _SPLIT.fullmatch(line):
            return "split"
    return None


def detect_file(path: str | Path) -> str | None:
    """detect() of the first SNIFF_BYTES of the file at path, or 'dataset' for a directory
    that holds Parquet files (what --format parquet writes); raises OSError."""
    if Path(path).is_dir():
        if any(Path(path).rglob("*.parquet")):
            return "dataset"
        raise IsADirectoryError(f"{path} is a directory without Parquet files: give a trace "
                                "file or a dataset directory that --format parquet wrote")
    with open(path, "rb") as file:
        return detect(file.read(SNIFF_BYTES))


def mismatch(path: str | Path, found: str | None, wanted: str) -> str:
    """The one-line reason why a file that detect() called ``found`` is not ``wanted``."""
    looks = _NAMES.get(found or "", "none of observer's formats")
    return f"{path} is not {_NAMES[wanted]}: it looks like {looks}"
