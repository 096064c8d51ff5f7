"""strace-style text back into the record schema: ``observer --format strace`` and strace's own
output (``-f``'s ``[pid N]``, ``-t``/``-tt``/``-ttt``, ``-T``, ``<unfinished ...>`` lines).

What the text says becomes columns: the thread (``tid``), the syscall, its string arguments
(``path``, ``path2``), what an fd names with ``-y`` (``fd_path``: the returned fd's, else the
first fd argument's), execve's ``argv``, quoted data buffers (``data``), the return value and
errno name, the duration (``-T``) and, with ``-ttt``, the time. What it does not say is
reconstructed where the text allows and null otherwise:

- ``pid``: the thread group, followed through ``clone`` calls (``CLONE_THREAD`` makes a
  thread of the caller's process, anything else a new process); a thread first seen without
  a known parent counts as its own process. Output without thread ids (strace without -f)
  has ``pid`` and ``tid`` 0.
- ``comm``: after a successful execve, the first 15 bytes of the program's file name, as the
  kernel sets it, inherited by threads and children; null before.
- ``time``: only ``-ttt`` stamps carry a date; ``-t``/``-tt``/``-r`` leave it null.
- ``ts_ns`` and the raw ``arg0``..``arg5`` (shown decoded) are null, structs are not kept.
"""

from __future__ import annotations

import errno
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from observer import syscalls
from observer.arrow import conform, syscall_names

__all__ = ["read_strace_table", "split_args", "unquote"]

_LINE = re.compile(
    r"(?:\[pid\s+(?P<pid>\d+)\]\s+|(?P<tid>\d+)\s+)?"
    r"(?P<time>\d+(?:\.\d+)?\s+|\d\d:\d\d:\d\d(?:\.\d+)?\s+|\s*\d+\.\d+\s+)?"
    r"(?P<rest>.*)")
_CALL = re.compile(r"(?P<name>[a-z_][a-z0-9_]*)\((?P<args>.*)\)\s+=\s+(?P<ret>.*)", re.S)
_RESUMED = re.compile(r"<\.\.\. (?P<name>[a-z_][a-z0-9_]*) resumed>(?P<rest>.*)", re.S)
_RET = re.compile(r"(?P<value>-?\d+|0x[0-9a-f]+|\?)(?:<(?P<fd_path>.*?)>)?"
                  r"(?:\s+(?P<error>E[A-Z0-9_]+)\b[^<]*)?"
                  r"(?:\s*<(?P<duration>\d+\.\d+)>)?\s*$")
# -y: an fd argument with what it names, 3</etc/passwd> or AT_FDCWD</home>.
_FD_ARG = re.compile(r"(?:-?\d+|AT_FDCWD)<(?P<path>.*)>")
_DELETED = " (deleted)"
# The kernel's restart codes (include/linux/errno.h), which Python's errno does not know.
_RESTART = {"ERESTARTSYS": 512, "ERESTARTNOINTR": 513, "ERESTARTNOHAND": 514,
            "ERESTART_RESTARTBLOCK": 516}
_ESCAPES = {"n": 10, "t": 9, "r": 13, "v": 11, "f": 12, "\"": 34, "\\": 92, "a": 7, "b": 8,
            "e": 27}
_COMM_LEN = 15  # TASK_COMM_LEN - 1


def split_args(text: str) -> list[str]:
    """The top-level, comma-separated arguments of a call's text (quotes, [], {} and () kept
    whole)."""
    args: list[str] = []
    depth = 0
    quoted = False
    start = 0
    i = 0
    while i < len(text):
        c = text[i]
        if quoted:
            if c == "\\":
                i += 1
            elif c == "\"":
                quoted = False
        elif c == "\"":
            quoted = True
        elif c in "[{(":
            depth += 1
        elif c in "]})":
            depth -= 1
        elif c == "," and depth == 0:
            args.append(text[start:i].strip())
            start = i + 1
        i += 1
    tail = text[start:].strip()
    if tail or args:
        args.append(tail)
    return args


def unquote(text: str) -> tuple[bytes, bool] | None:
    """A quoted C string as strace writes it (\\n, \\xHH, octal, then ``...`` if cut) as its
    bytes and whether it was cut; None if text is not one."""
    text = text.strip()
    if not text.startswith("\""):
        return None
    out = bytearray()
    i = 1
    while i < len(text):
        c = text[i]
        if c == "\"":
            rest = text[i + 1:].strip()
            return bytes(out), rest.startswith("...")
        if c != "\\":
            out += c.encode("utf-8", "surrogateescape")
            i += 1
            continue
        nxt = text[i + 1:i + 2]
        if nxt == "x" and re.fullmatch(r"[0-9a-fA-F]{2}", text[i + 2:i + 4]):
            out.append(int(text[i + 2:i + 4], 16))
            i += 4
        elif nxt.isdigit():
            digits = re.match(r"[0-7]{1,3}", text[i + 1:i + 4])
            assert digits is not None
            out.append(int(digits.group(), 8) & 0xFF)
            i += 1 + len(digits.group())
        else:
            out.append(_ESCAPES.get(nxt, ord(nxt) if nxt else 92))
            i += 2
    return None


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "backslashreplace")


#: What the reader takes from an argument, by the decoder's kind of it: a string ("s"),
#: execve's argv ("a"), a data buffer ("b"); anything else is ".".
_KINDS = {"path": "s", "str": "s", "argv": "a", "buf_in": "b", "buf_out": "b", "sockbuf_in": "b",
          "sockbuf_out": "b", "cwd": "b",
          "fd": "f", "dirfd": "f"}


@lru_cache(maxsize=None)
def _kinds_by_number() -> dict[int, str]:
    from observer import _core

    return {nr: "".join(_KINDS.get(kind, ".") for kind in args or ())
            for nr, _, _, _, args in _core.decoding_table()}


def _kinds(nr: int) -> str:
    """One character per argument of native syscall nr (see _KINDS); "" if unknown."""
    return _kinds_by_number().get(nr, "")


def _argv(text: str) -> tuple[list[str], bool] | None:
    text = text.strip()
    if not text.startswith("[") or not text.endswith("]"):
        return None
    items: list[str] = []
    cut = False
    for item in split_args(text[1:-1]):
        if item == "...":
            cut = True
            continue
        quoted = unquote(item)
        if quoted is None:
            continue
        items.append(_text(quoted[0]))
        cut |= quoted[1]
    return items, cut


def _errno(name: str) -> int | None:
    return _RESTART.get(name, getattr(errno, name, None))


class _Columns:
    """The record schema's columns as Python lists, one row per syscall line."""

    NAMES = ("time", "pid", "tid", "comm", "nr", "syscall", "ret", "error", "duration_ns",
             "path", "path2", "fd_path", "argv", "data", "data2", "truncated")

    def __init__(self) -> None:
        self.values: dict[str, list[Any]] = {name: [] for name in self.NAMES}

    def add(self, **row: Any) -> None:
        for name in self.NAMES:
            self.values[name].append(row.get(name))


def read_strace_table(path: str | Path, arch: str | None = None) -> tuple[Any, int]:
    """(Arrow table of the record schema, count of lines that are neither a call nor one of
    strace's ``---``/``+++`` event lines)."""
    import pyarrow as pa

    numbers = {name: nr for nr, name in syscalls.table(arch).items()}
    columns = _Columns()
    group: dict[int, int] = {}  # tid -> pid
    comm: dict[int, str] = {}   # pid -> name after its last exec
    pending: dict[int, str] = {}  # tid -> text of an <unfinished ...> call
    malformed = 0
    with open(path, encoding="utf-8", errors="surrogateescape") as file:
        for raw in file:
            line = raw.rstrip("\n")
            if not line.strip():
                continue
            match = _LINE.match(line)
            assert match is not None
            tid_text = match["pid"] or match["tid"]
            tid = int(tid_text) if tid_text else 0
            rest = match["rest"]
            if rest.startswith(("---", "+++")):
                continue
            if rest.endswith("<unfinished ...>"):
                pending[tid] = rest[: -len("<unfinished ...>")].rstrip()
                continue
            resumed = _RESUMED.match(rest)
            if resumed is not None:
                head = pending.pop(tid, f"{resumed['name']}(")
                rest = head + resumed["rest"]
            call = _CALL.fullmatch(rest)
            if call is None:
                malformed += 1
                continue
            name = call["name"]
            nr = numbers.get(name)
            if nr is None and name.startswith("syscall_"):
                number = name[len("syscall_"):]
                nr = int(number, 16) if number.startswith("0x") else int(number or -1)
            ret_match = _RET.match(call["ret"])
            if nr is None or ret_match is None:
                malformed += 1
                continue
            pid = group.setdefault(tid, tid)
            value = ret_match["value"]
            ret = None if value == "?" else int(value, 0)
            if ret is not None and ret >= 1 << 63:
                ret -= 1 << 64
            error = ret_match["error"]
            if error is not None and ret is not None:
                code = _errno(error)
                ret = -code if code is not None else ret
            if error is not None and value == "?":
                code = _errno(error)
                ret = -code if code is not None else None
            args = split_args(call["args"])
            row: dict[str, Any] = {"pid": pid, "tid": tid, "nr": nr, "syscall": name,
                                   "ret": ret, "error": error}
            if ret_match["duration"] is not None:
                row["duration_ns"] = round(float(ret_match["duration"]) * 1e9)
            stamp = (match["time"] or "").strip()
            if stamp and ":" not in stamp and float(stamp) > 1e8:  # -ttt: seconds of the epoch
                seconds, _, fraction = stamp.partition(".")
                row["time"] = int(seconds) * 10**9 + int((fraction + "000000000")[:9])
            _captured(row, args, _kinds(nr))
            _fd_path(row, args, _kinds(nr), ret_match["fd_path"])
            if name in ("clone", "clone3", "fork", "vfork") and ret is not None and ret > 0:
                group[ret] = pid if "CLONE_THREAD" in call["args"] else ret
                # A child whose lines came before its parent's clone returned (strace writes
                # lines in time order) already has its name, maybe from its own exec.
                if pid in comm and group[ret] != pid and ret not in comm:
                    comm[ret] = comm[pid]
            if name in ("execve", "execveat") and ret == 0 and row.get("path") is not None:
                comm[pid] = row["path_bytes"].rsplit(b"/", 1)[-1][:_COMM_LEN].decode(
                    "utf-8", "backslashreplace")
            row["comm"] = comm.get(pid)
            columns.add(**row)
    values = columns.values
    nrs = np.array(values["nr"], dtype=np.int32)
    table = pa.table({
        "time": pa.array(values["time"], pa.int64()).cast(pa.timestamp("ns")),
        "pid": pa.array(values["pid"], pa.uint32()),
        "tid": pa.array(values["tid"], pa.uint32()),
        "comm": pa.array(values["comm"], pa.string()).dictionary_encode(),
        "nr": pa.array(nrs, pa.int32()),
        "ret": pa.array(values["ret"], pa.int64()),
        "error": pa.array(values["error"], pa.string()).dictionary_encode(),
        "duration_ns": pa.array(values["duration_ns"], pa.uint64()),
        "path": pa.array(values["path"], pa.string()),
        "path2": pa.array(values["path2"], pa.string()),
        "fd_path": pa.array(values["fd_path"], pa.string()),
        "argv": pa.array(values["argv"], pa.list_(pa.string())),
        "data": pa.array(values["data"], pa.binary()),
        "data2": pa.array(values["data2"], pa.binary()),
        "truncated": pa.array(values["truncated"], pa.bool_()),
    })
    table = table.append_column("syscall", syscall_names(nrs, arch))
    compat = pa.array(np.zeros(len(nrs), dtype=bool))
    return conform(table.append_column("compat", compat)), malformed


def _fd_path(row: dict[str, Any], args: list[str], kinds: str, returned: str | None) -> None:
    """fd_path of -y output: what the fd the call returned names, else its first fd argument
    (RecordBatchBuilder::append_items' choice), without strace's " (deleted)"."""
    path = returned
    if path is None:
        fds = (_FD_ARG.fullmatch(arg.strip()) for arg, kind in zip(args, kinds) if kind == "f")
        path = next((match["path"] for match in fds if match is not None), None)
    if path is not None:
        row["fd_path"] = path[: -len(_DELETED)] if path.endswith(_DELETED) else path


def _captured(row: dict[str, Any], args: list[str], kinds: str) -> None:
    """The string, argv and buffer arguments of one call into row, as the C++ builder maps a
    record's captured items (RecordBatchBuilder::append_items)."""
    strings: list[tuple[bytes, bool]] = []
    buffers: list[tuple[bytes, bool]] = []
    for arg, kind in zip(args, kinds):
        if kind == "a":
            argv = _argv(arg)
            if argv is not None:
                row["argv"] = argv[0]
                row["truncated"] = bool(row.get("truncated")) or argv[1]
            continue
        if kind not in "sb":
            continue
        quoted = unquote(arg)
        if quoted is not None:
            (strings if kind == "s" else buffers).append(quoted)
    for name, item in zip(("path", "path2"), strings):
        row[name] = _text(item[0])
    if strings:
        row["path_bytes"] = strings[0][0]
    for name, item in zip(("data", "data2"), buffers):
        row[name] = item[0]
    if strings or buffers or "argv" in row:
        row["truncated"] = (bool(row.get("truncated")) or any(cut for _, cut in strings[:2])
                            or any(cut for _, cut in buffers[:2]))
