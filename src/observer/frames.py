"""Records as pandas DataFrames and Parquet datasets; reading logs and split directories back.

Every reader returns the same schema (``COLUMNS``), whatever the source:

========== =================== ===========================================================
column     dtype               meaning
========== =================== ===========================================================
time       datetime64[ns]      wall-clock time of the syscall entry (NaT if not recorded)
ts_ns      UInt64 (nullable)   CLOCK_MONOTONIC of the entry, as the kernel recorded it
pid        uint32              process id (tgid)
tid        UInt32 (nullable)   thread id (not in the text log)
comm       str                 process name (bytes decoded as UTF-8, others as \\xHH)
nr         int32               syscall number of the traced machine's native ABI
syscall    str                 syscall name (the number as text if the table lacks it)
ret        Int64 (nullable)    return value (recorded with capture_exit)
duration_ns UInt64 (nullable)  entry to exit (recorded with capture_exit)
arg0..arg5 UInt64 (nullable)   raw syscall arguments (not in the text log)
========== =================== ===========================================================

Rows keep the order of the source: per thread, the order the syscalls were made. Needs pandas
(``pip install observer[analysis]``); ``to_parquet`` also needs pyarrow. The compiled core is not
needed. All functions are pure apart from the files they are asked to read or write.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

import numpy as np

from observer import syscalls
from observer._escape import unescape_comm

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMNS", "read_log", "read_split_dir", "to_pandas", "to_parquet"]

COLUMNS = ("time", "ts_ns", "pid", "tid", "comm", "nr", "syscall", "ret", "duration_ns",
           "arg0", "arg1", "arg2", "arg3", "arg4", "arg5")
NARGS = 6
# bpf/syscalls.h enum event_flag
HAS_RET = 1
HAS_TIME = 2

Batches = Union[np.ndarray, Iterable[np.ndarray]]
SequenceKey = tuple[str, Union[int, None]]


def _comm_text(raw: bytes) -> str:
    return raw.decode("utf-8", "backslashreplace")


def _names(nrs: np.ndarray, arch: str | None) -> np.ndarray:
    """Syscall names of ``nrs``, looked up once per distinct number."""
    table = syscalls.table(arch)
    uniq, inverse = np.unique(nrs, return_inverse=True)
    labels = np.array([table.get(int(nr), str(int(nr))) for nr in uniq], dtype=object)
    return labels[inverse.reshape(-1)]


def _nullable(values: np.ndarray, valid: np.ndarray | None, dtype: str) -> Any:
    import pandas as pd

    array = pd.array(values, dtype=dtype)
    if valid is not None:
        array[~valid] = pd.NA
    return array


def _frame(
    *,
    pid: np.ndarray,
    nr: np.ndarray,
    comm: np.ndarray,
    tid: np.ndarray | None = None,
    ts_ns: np.ndarray | None = None,
    has_time: np.ndarray | None = None,
    ret: np.ndarray | None = None,
    has_ret: np.ndarray | None = None,
    duration_ns: np.ndarray | None = None,
    args: np.ndarray | None = None,
    clock_offset_ns: int | None = None,
    arch: str | None = None,
) -> pd.DataFrame:
    """Builds a frame of COLUMNS; absent columns are all-NA of their dtype."""
    import pandas as pd

    n = len(pid)
    none = np.zeros(n, dtype=bool)
    zeros = np.zeros(n, dtype=np.uint64)
    if ts_ns is None:
        ts_ns, has_time = zeros, none
    elif has_time is None:
        has_time = np.ones(n, dtype=bool)
    if clock_offset_ns is None:
        from observer.tracer import clock_offset_ns as measure

        clock_offset_ns = measure() if has_time.any() else 0
    wall = np.where(has_time, ts_ns.astype(np.int64) + clock_offset_ns, np.iinfo(np.int64).min)
    if ret is None:
        ret, has_ret = np.zeros(n, dtype=np.int64), none
    if duration_ns is None:
        duration_ns = zeros
    if args is None:
        args, has_args = np.zeros((n, NARGS), dtype=np.uint64), none
    else:
        has_args = np.ones(n, dtype=bool)
    data = {
        "time": wall.astype("datetime64[ns]"),
        "ts_ns": _nullable(ts_ns.astype(np.uint64), has_time, "UInt64"),
        "pid": pid.astype(np.uint32),
        "tid": (_nullable(tid.astype(np.uint32), None, "UInt32") if tid is not None
                else _nullable(np.zeros(n, np.uint32), none, "UInt32")),
        "comm": pd.array(comm, dtype=str),
        "nr": nr.astype(np.int32),
        "syscall": pd.array(_names(nr, arch), dtype=str),
        "ret": _nullable(ret.astype(np.int64), has_ret, "Int64"),
        "duration_ns": _nullable(duration_ns.astype(np.uint64), has_ret, "UInt64"),
    }
    for i in range(NARGS):
        data[f"arg{i}"] = _nullable(np.ascontiguousarray(args[:, i]).astype(np.uint64), has_args,
                                    "UInt64")
    return pd.DataFrame(data, columns=list(COLUMNS))


def _concat(batches: Batches) -> np.ndarray | None:
    if isinstance(batches, np.ndarray):
        return batches
    parts = [np.asarray(batch) for batch in batches]
    if not parts:
        return None
    return np.concatenate(parts)


def to_pandas(
    batches: Batches, clock_offset_ns: int | None = None, arch: str | None = None
) -> pd.DataFrame:
    """One DataFrame (schema ``COLUMNS``) from an array or an iterable of record arrays.

    ``batches`` are arrays of ``observer.event_dtype`` (``Tracer.batches()``), consumed once.
    ``time`` is ``ts_ns`` plus ``clock_offset_ns`` (CLOCK_REALTIME - CLOCK_MONOTONIC; measured
    now if None, right for records of this boot unless the wall clock was stepped since).
    ``arch`` names the syscall table (default: this machine's). Vectorised: comm is decoded once
    per distinct name, syscall names are looked up once per distinct number.
    """
    events = _concat(batches)
    if events is None:
        return _frame(pid=np.empty(0, np.uint32), nr=np.empty(0, np.int32),
                      comm=np.empty(0, dtype=object), clock_offset_ns=0, arch=arch)
    flags = events["flags"]
    uniq, inverse = np.unique(events["comm"], return_inverse=True)
    comm = np.array([_comm_text(bytes(c)) for c in uniq], dtype=object)[inverse.reshape(-1)]
    return _frame(
        pid=events["tgid"], tid=events["tid"], nr=events["nr"], comm=comm,
        ts_ns=events["ts_ns"], has_time=(flags & HAS_TIME) != 0,
        ret=events["ret"], has_ret=(flags & HAS_RET) != 0, duration_ns=events["duration_ns"],
        args=events["args"], clock_offset_ns=clock_offset_ns, arch=arch,
    )


# Readers ---------------------------------------------------------------------------------------


def _read_text_log(lines: Iterable[bytes], arch: str | None) -> pd.DataFrame:
    """The CLI's log: ``pid:nr:comm`` per line (comm escaped by observer._escape)."""
    pids: list[int] = []
    nrs: list[int] = []
    comms: list[str] = []
    decoded: dict[bytes, str | None] = {}
    malformed = 0
    for line in lines:
        fields = line.rstrip(b"\n").split(b":", 2)
        if len(fields) != 3 or not fields[0].isdigit() or not fields[1].isdigit():
            malformed += 1
            continue
        if fields[2] not in decoded:
            try:
                decoded[fields[2]] = _comm_text(unescape_comm(fields[2].decode("ascii")))
            except (UnicodeDecodeError, ValueError):
                decoded[fields[2]] = None
        comm = decoded[fields[2]]
        if comm is None:
            malformed += 1
            continue
        pids.append(int(fields[0]))
        nrs.append(int(fields[1]))
        comms.append(comm)
    frame = _frame(pid=np.array(pids, dtype=np.uint32), nr=np.array(nrs, dtype=np.int32),
                   comm=np.array(comms, dtype=object), clock_offset_ns=0, arch=arch)
    frame.attrs["malformed"] = malformed
    return frame


def _read_jsonl(lines: Iterable[bytes], clock_offset_ns: int | None, arch: str | None
                ) -> pd.DataFrame:
    """One JSON object per line with the record's field names (``tgid``, ``nr``, ``comm``, ...).

    ``comm`` is the decoded name; ``ts_ns``, ``tid``, ``ret``, ``duration_ns`` and ``args`` may be
    missing or null; ``flags`` (if present) says which of ``ts_ns``/``ret`` are valid.
    """
    rows: list[dict[str, Any]] = []
    malformed = 0
    for line in lines:
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            int(row["tgid"]), int(row["nr"]), str(row["comm"])
        except (ValueError, KeyError, TypeError):
            malformed += 1
            continue
        rows.append(row)
    n = len(rows)

    def column(name: str, dtype: Any, default: Any = 0) -> tuple[np.ndarray, np.ndarray]:
        values = [row.get(name) for row in rows]
        valid = np.array([v is not None for v in values], dtype=bool)
        return np.array([default if v is None else v for v in values], dtype=dtype), valid

    flags = np.array([row.get("flags", -1) for row in rows], dtype=np.int64)
    known = flags >= 0
    ts_ns, has_time = column("ts_ns", np.uint64)
    has_time &= ~known | ((flags & HAS_TIME) != 0)
    ret, has_ret = column("ret", np.int64)
    has_ret &= ~known | ((flags & HAS_RET) != 0)
    duration, _ = column("duration_ns", np.uint64)
    tid, has_tid = column("tid", np.uint32)
    arg_lists = [row.get("args") for row in rows]
    args = None
    if n and all(isinstance(a, list) and len(a) == NARGS for a in arg_lists):
        args = np.array(arg_lists, dtype=np.uint64)
    frame = _frame(
        pid=np.array([row["tgid"] for row in rows], dtype=np.uint32),
        nr=np.array([row["nr"] for row in rows], dtype=np.int32),
        comm=np.array([str(row["comm"]) for row in rows], dtype=object),
        tid=tid if n and has_tid.all() else None,
        ts_ns=ts_ns, has_time=has_time, ret=ret, has_ret=has_ret, duration_ns=duration,
        args=args, clock_offset_ns=clock_offset_ns, arch=arch,
    )
    frame.attrs["malformed"] = malformed
    return frame


def read_log(
    path: str | Path, format: str | None = None, clock_offset_ns: int | None = None,
    arch: str | None = None,
) -> pd.DataFrame:
    """Read a trace written by the CLI (``log`` or ``jsonl``) into a DataFrame of ``COLUMNS``.

    ``format`` is guessed from the first non-blank line when None (``{`` starts a jsonl record).
    The ``log`` format has no time, thread id, return value or arguments: those columns are NA.
    For ``jsonl``, ``time`` is ``ts_ns + clock_offset_ns`` (measured now if None, right only for
    a trace of this boot). Malformed lines are skipped and counted in ``df.attrs["malformed"]``.
    Raises OSError if the file cannot be read and ValueError for an unknown format.
    """
    with open(path, "rb") as file:
        lines: Iterator[bytes] = iter(file)
        first = b""
        for first in lines:
            if first.strip():
                break
        if format is None:
            format = "jsonl" if first.lstrip().startswith(b"{") else "log"
        everything = _chain(first, lines)
        if format == "log":
            return _read_text_log(everything, arch)
        if format == "jsonl":
            return _read_jsonl(everything, clock_offset_ns, arch)
    raise ValueError(f"unknown trace format {format!r}: expected 'log' or 'jsonl'")


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    if first.strip():
        yield first
    yield from rest


_SPLIT_NAME = re.compile(r"(?P<comm>.*):(?P<pid>[0-9]+)\.log")


def _tokens_to_numbers(text: str, arch: str | None, path: Path) -> np.ndarray:
    tokens = text.split()
    try:
        return np.array(tokens, dtype=np.int64).astype(np.int32)
    except ValueError:
        pass
    numbers = {name: nr for nr, name in syscalls.table(arch).items()}
    try:
        return np.array([int(t) if t.isdigit() else numbers[t] for t in tokens], dtype=np.int32)
    except KeyError as err:
        raise ValueError(f"{path}: unknown syscall name {err.args[0]!r}") from None


def read_split_dir(directory: str | Path, arch: str | None = None
                   ) -> dict[SequenceKey, np.ndarray]:
    """Read per-process sequence files into ``{key: int32 array of syscall numbers}``.

    Files written by ``python -m observer.formatter`` (``<comm>:<pid>.log``, numbers or
    ``--names``) get the key ``(comm, pid)`` with comm unescaped as in to_pandas. Any other
    regular file, searched recursively as in ADFA-LD's ``Attack_Data_Master/<attack>/*.txt``, is
    read as space-separated syscall IDs and keyed ``(relative path, None)``. Hidden files are
    skipped. Keys are sorted by path. Raises OSError, or ValueError for a token that is neither a
    number nor a syscall name of ``arch``.
    """
    root = Path(directory)
    if not root.is_dir():
        raise NotADirectoryError(f"not a directory: {root}")
    result: dict[SequenceKey, np.ndarray] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if not path.is_file() or any(part.startswith(".") for part in rel.parts):
            continue
        sequence = _tokens_to_numbers(path.read_text(encoding="ascii"), arch, path)
        match = _SPLIT_NAME.fullmatch(path.name) if path.parent == root else None
        key: SequenceKey = (str(rel), None)
        if match is not None:
            try:
                comm = _comm_text(unescape_comm(match["comm"].replace("\\x2f", "/")))
                key = (comm, int(match["pid"]))
            except ValueError:
                pass
        result[key] = sequence
    return result


# Parquet ---------------------------------------------------------------------------------------


def to_parquet(data: pd.DataFrame | Batches, path: str | Path,
               clock_offset_ns: int | None = None) -> None:
    """Write records as a Parquet dataset under ``path``, partitioned by comm and pid.

    ``data`` is a DataFrame of ``COLUMNS`` or record batches (converted with to_pandas). The
    layout is Hive style (``path/comm=ls/pid=4242/<part>.parquet``, values URI-escaped), which
    ``pandas.read_parquet(path)``, DuckDB (``read_parquet('path/**/*.parquet',
    hive_partitioning=1)``) and Spark read directly. Existing files under ``path`` are kept, so
    several traces can be added to one dataset. Needs pyarrow.
    """
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    frame = data if isinstance(data, pd.DataFrame) else to_pandas(data, clock_offset_ns)
    table = pa.Table.from_pandas(frame, preserve_index=False)
    pq.write_to_dataset(table, root_path=str(path), partition_cols=["comm", "pid"])
