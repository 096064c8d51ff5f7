"""Records as pandas DataFrames and Parquet datasets; reading logs and split directories back.

Records (``to_pandas``) and JSON Lines (``read_log``) come as ``COLUMNS``; the log format
records less, and ``read_log`` returns just what it holds, ``LOG_COLUMNS`` (pid, comm, nr,
syscall), with the same dtypes:

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
(``pip install observer[analysis]``); reading ``jsonl`` and ``to_parquet`` also need pyarrow, and
reading a log the compiled core (its parser). All functions are pure apart from the files they
are asked to read or write.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

import numpy as np

from observer import syscalls
from observer._escape import comm_from_filename_part, unescape_comm

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMNS", "LOG_COLUMNS", "ParquetStream", "read_log", "read_split_dir", "to_pandas",
           "to_parquet"]

COLUMNS = ("time", "ts_ns", "pid", "tid", "comm", "nr", "syscall", "ret", "duration_ns",
           "arg0", "arg1", "arg2", "arg3", "arg4", "arg5")
#: What the log format (pid:syscall_id:comm) records, and so what read_log returns for it.
LOG_COLUMNS = ("pid", "comm", "nr", "syscall")
NARGS = 6
# bpf/syscalls.h enum event_flag
HAS_RET = 1
HAS_TIME = 2
COMPAT = 16  # a 32-bit call: nr is its i386 number

Batches = Union[np.ndarray, Iterable[np.ndarray]]
SequenceKey = tuple[str, Union[int, None]]


def _comm_text(raw: bytes) -> str:
    return raw.decode("utf-8", "backslashreplace")


def _json_text(value: object) -> str:
    """A jsonl string as the live records show it: the JSON sink writes bytes that are not
    UTF-8 as lone surrogates (surrogateescape), which become ``\\xHH`` here as in _comm_text."""
    text = str(value)
    return _comm_text(text.encode("utf-8", "surrogateescape")) if not text.isascii() else text


def _labels(codes: np.ndarray, names: list[str]) -> Any:
    """A ``str`` column of ``names[codes]``, built through Arrow when it is there (no Python
    object per row), else through an object array."""
    import pandas as pd

    try:
        import pyarrow as pa
    except ImportError:
        return pd.array(np.array(names, dtype=object)[codes], dtype=str)
    dictionary = pa.DictionaryArray.from_arrays(pa.array(codes.astype(np.int32, copy=False)),
                                                pa.array(names, pa.string()))
    return pd.array(dictionary.cast(pa.string()), dtype=str)


def _names(nrs: np.ndarray, arch: str | None) -> Any:
    """The syscall column for ``nrs``: names looked up once per distinct number."""
    table = syscalls.table(arch)
    if nrs.size and 0 <= nrs.min() and nrs.max() < 1 << 20:
        # Small non-negative numbers (every real syscall): a lookup table instead of a sort.
        present = np.zeros(int(nrs.max()) + 1, dtype=bool)
        present[nrs] = True
        uniq = np.flatnonzero(present)
        inverse = (np.cumsum(present) - 1)[nrs]
    else:
        uniq, inverse = np.unique(nrs, return_inverse=True)
    return _labels(inverse.reshape(-1), [table.get(int(nr), str(int(nr))) for nr in uniq])


def _nullable(values: np.ndarray, valid: np.ndarray | None, dtype: str) -> Any:
    """A masked (nullable) column over values, without copying them when they already have
    the dtype's numpy type."""
    import pandas as pd

    numpy_type = np.dtype(dtype.lower())
    mask = np.zeros(len(values), dtype=bool) if valid is None else ~valid
    return pd.arrays.IntegerArray(values.astype(numpy_type, copy=False), mask)


def _frame(
    *,
    pid: np.ndarray,
    nr: np.ndarray,
    comm: tuple[np.ndarray, list[str]],
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
    """Builds a frame of COLUMNS; absent columns are all-NA of their dtype. ``comm`` is given
    as codes into a list of distinct names."""
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
        "comm": _labels(*comm),
        "nr": nr.astype(np.int32),
        "syscall": pd.array(_names(nr, arch), dtype=str),
        "ret": _nullable(ret.astype(np.int64), has_ret, "Int64"),
        "duration_ns": _nullable(duration_ns.astype(np.uint64), has_ret, "UInt64"),
    }
    for i in range(NARGS):
        data[f"arg{i}"] = _nullable(np.ascontiguousarray(args[:, i]).astype(np.uint64), has_args,
                                    "UInt64")
    return pd.DataFrame(data, columns=list(COLUMNS))


def _codes(values: list[str]) -> tuple[np.ndarray, list[str]]:
    """values as codes into the list of its distinct values."""
    index: dict[str, int] = {}
    codes = np.array([index.setdefault(v, len(index)) for v in values], dtype=np.int32)
    return codes, list(index)


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
                      comm=(np.empty(0, np.int32), []), clock_offset_ns=0, arch=arch)
    flags = events["flags"]
    nr = events["nr"]
    compat = (flags & COMPAT) != 0
    if compat.any():  # one numbering, as in the log: 32-bit calls by their native numbers
        nr = nr.copy()
        nr[compat] = [syscalls.native_of_compat(int(n)) for n in nr[compat]]
    uniq, inverse = np.unique(events["comm"], return_inverse=True)
    comm = (inverse.reshape(-1), [_comm_text(bytes(c)) for c in uniq])
    return _frame(
        pid=events["tgid"], tid=events["tid"], nr=nr, comm=comm,
        ts_ns=events["ts_ns"], has_time=(flags & HAS_TIME) != 0,
        ret=events["ret"], has_ret=(flags & HAS_RET) != 0, duration_ns=events["duration_ns"],
        args=events["args"], clock_offset_ns=clock_offset_ns, arch=arch,
    )


# Readers ---------------------------------------------------------------------------------------


def _read_text_log(path: Path, arch: str | None) -> pd.DataFrame:
    """The CLI's log: ``pid:nr:comm`` per line (comm escaped by observer._escape), or with
    --tid a first line ``# pid:tid:syscall_id:comm`` and then ``pid:tid:nr:comm``.

    The compiled core splits the lines in one pass into pid and nr arrays and codes into the
    distinct comm texts; each distinct comm is then unescaped once here. A line that does not
    parse (a cut last line after a crash, say), or whose comm is not canonically escaped, is
    skipped and counted.
    """
    from observer import _core

    pid, nr, codes, texts, malformed, tid = _core.read_log_columns(str(path))
    names: list[str | None] = []
    for raw in texts:
        try:
            names.append(_comm_text(unescape_comm(raw.decode("ascii"))))
        except (UnicodeDecodeError, ValueError):
            names.append(None)
    valid = np.array([name is not None for name in names], dtype=bool)
    if not valid.all():
        keep = valid[codes]
        malformed += int(keep.size - keep.sum())
        pid, nr, codes = pid[keep], nr[keep], codes[keep]
        tid = None if tid is None else tid[keep]
    frame = _log_frame(pid, nr, (codes, [name or "" for name in names]), arch, tid)
    frame.attrs["malformed"] = malformed
    return frame


def _log_frame(pid: np.ndarray, nr: np.ndarray, comm: tuple[np.ndarray, list[str]],
               arch: str | None, tid: np.ndarray | None = None) -> pd.DataFrame:
    """A frame of LOG_COLUMNS: what the log format records (and tid after pid, for a log
    written with --tid)."""
    import pandas as pd

    columns = {"pid": pid, "comm": _labels(*comm), "nr": nr, "syscall": _names(nr, arch)}
    if tid is not None:
        columns = {"pid": pid, "tid": tid, **{k: v for k, v in columns.items() if k != "pid"}}
    return pd.DataFrame(columns, columns=list(columns))


def _jsonl_schema() -> Any:
    import pyarrow as pa

    return pa.schema([("ts_ns", pa.uint64()), ("tgid", pa.uint32()), ("tid", pa.uint32()),
                      ("comm", pa.string()), ("nr", pa.int32()), ("args", pa.list_(pa.uint64())),
                      ("ret", pa.int64()), ("duration_ns", pa.uint64()), ("flags", pa.int64())])


def _jsonl_frame(column: Any, pid: np.ndarray, nr: np.ndarray,
                 comm: tuple[np.ndarray, list[str]], args: np.ndarray | None,
                 clock_offset_ns: int | None, arch: str | None) -> pd.DataFrame:
    """A frame of COLUMNS from jsonl fields; ``column(name, dtype)`` returns a field's values
    (0 where absent) and where it is present. ``flags``, when present, says which of ``ts_ns``
    and ``ret`` are valid."""
    flags, known = column("flags", np.int64)
    ts_ns, has_time = column("ts_ns", np.uint64)
    has_time &= ~known | ((flags & HAS_TIME) != 0)
    ret, has_ret = column("ret", np.int64)
    has_ret &= ~known | ((flags & HAS_RET) != 0)
    duration, _ = column("duration_ns", np.uint64)
    tid, has_tid = column("tid", np.uint32)
    return _frame(
        pid=pid.astype(np.uint32), nr=nr.astype(np.int32), comm=comm,
        tid=tid if len(pid) and has_tid.all() else None,
        ts_ns=ts_ns, has_time=has_time, ret=ret, has_ret=has_ret, duration_ns=duration,
        args=args, clock_offset_ns=clock_offset_ns, arch=arch,
    )


def _read_jsonl_arrow(path: Path, clock_offset_ns: int | None, arch: str | None
                      ) -> pd.DataFrame | None:
    """jsonl through pyarrow's parallel JSON reader; None if some line does not parse (the
    line-by-line reader then skips and counts it)."""
    import pyarrow as pa
    import pyarrow.json as pj

    try:
        table = pj.read_json(path, read_options=pj.ReadOptions(block_size=16 << 20),
                             parse_options=pj.ParseOptions(explicit_schema=_jsonl_schema(),
                                                           unexpected_field_behavior="ignore"))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    # Records of other kinds (no tgid or nr) are not syscalls.
    table = table.filter(table.column("tgid").is_valid().to_numpy(zero_copy_only=False)
                         & table.column("nr").is_valid().to_numpy(zero_copy_only=False))
    n = table.num_rows

    def column(name: str, dtype: Any) -> tuple[np.ndarray, np.ndarray]:
        array = table.column(name)
        valid = array.is_valid().to_numpy(zero_copy_only=False)
        return array.fill_null(0).to_numpy().astype(dtype), valid

    args = None
    lists = table.column("args")
    if n and lists.null_count == 0 and (pa.compute.list_value_length(lists).to_numpy()
                                        == NARGS).all():
        args = pa.compute.list_flatten(lists).to_numpy().reshape(n, NARGS)
    encoded = table.column("comm").combine_chunks().dictionary_encode()
    comm = (encoded.indices.to_numpy(zero_copy_only=False), encoded.dictionary.to_pylist())
    frame = _jsonl_frame(column, table.column("tgid").to_numpy(), table.column("nr").to_numpy(),
                         comm, args, clock_offset_ns, arch)
    frame.attrs["malformed"] = 0
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

    def column(name: str, dtype: Any) -> tuple[np.ndarray, np.ndarray]:
        values = [row.get(name) for row in rows]
        valid = np.array([v is not None for v in values], dtype=bool)
        return np.array([0 if v is None else v for v in values], dtype=dtype), valid

    arg_lists = [row.get("args") for row in rows]
    args = None
    if n and all(isinstance(a, list) and len(a) == NARGS for a in arg_lists):
        args = np.array(arg_lists, dtype=np.uint64)
    frame = _jsonl_frame(column, np.array([row["tgid"] for row in rows], dtype=np.uint32),
                         np.array([row["nr"] for row in rows], dtype=np.int32),
                         _codes([_json_text(row["comm"]) for row in rows]), args,
                         clock_offset_ns, arch)
    frame.attrs["malformed"] = malformed
    return frame


READABLE = ("log", "jsonl")


def read_log(
    path: str | Path, format: str | None = None, clock_offset_ns: int | None = None,
    arch: str | None = None,
) -> pd.DataFrame:
    """Read a trace written by the CLI (``log`` or ``jsonl``) into a DataFrame.

    ``format`` is told from the file's first line when None. A ``log`` gives ``LOG_COLUMNS``
    (it has no time, thread id, return value or arguments); ``jsonl`` gives ``COLUMNS``. For ``jsonl``, ``time`` is
    ``ts_ns + clock_offset_ns`` (measured now if None, right only for a trace of this boot).
    Lines that do not parse (a line cut by a crash) are skipped and counted in
    ``df.attrs["malformed"]``; a file of another format (strace text, Parquet, a split file) is
    a ValueError that names what it looks like, never an empty frame. Raises OSError if the
    file cannot be read (an ObserverError from the log parser).
    """
    from observer._formats import SNIFF_BYTES, detect_file, mismatch

    if format is not None and format not in READABLE:
        raise ValueError(f"unknown trace format {format!r}: expected 'log' or 'jsonl'")
    path = Path(path)
    found = detect_file(path)
    wanted = format or (found if found in READABLE else "log")
    if found is not None and found != wanted:
        raise ValueError(mismatch(path, found, wanted))
    if found is None:
        with open(path, "rb") as file:
            if file.read(SNIFF_BYTES).strip():
                raise ValueError(mismatch(path, None, wanted))
        return _log_frame(np.empty(0, np.uint32), np.empty(0, np.int32),
                          (np.empty(0, np.int32), []), arch)
    if wanted == "log":
        return _read_text_log(path, arch)
    frame = _read_jsonl_arrow(path, clock_offset_ns, arch)
    if frame is not None:
        return frame
    with open(path, "rb") as file:
        return _read_jsonl(file, clock_offset_ns, arch)


_SPLIT_NAME = re.compile(r"(?P<comm>.*):(?P<pid>[0-9]+)\.log")


def _tokens_to_numbers(text: str, arch: str | None, path: Path) -> np.ndarray:
    tokens = text.split()
    try:
        return np.array(tokens, dtype=np.int64).astype(np.int32)
    except ValueError:
        pass
    numbers = {name: nr for nr, name in syscalls.table(arch).items()}
    try:
        return np.array([int(t) if t.lstrip("-").isdigit() else numbers[t] for t in tokens],
                        dtype=np.int32)
    except KeyError as err:
        raise ValueError(f"{path}: unknown syscall name {err.args[0]!r}") from None


def read_split_dir(directory: str | Path, arch: str | None = None
                   ) -> dict[SequenceKey, np.ndarray]:
    """Read per-process sequence files into ``{key: int32 array of syscall numbers}``.

    Files written by ``python -m observer.formatter`` (``<comm>:<pid>.log``, numbers or
    ``--names``) get the key ``(comm, pid)`` with comm decoded from the formatter's escaping,
    names that start with '.' included (a common way to hide a process). Any other regular
    file, searched recursively as in ADFA-LD's ``Attack_Data_Master/<attack>/*.txt``, is read as
    space-separated syscall IDs and keyed ``(relative path, None)``; there hidden files and
    directories are skipped. Keys are sorted by path. Raises OSError, or ValueError for a token
    that is neither a number nor a syscall name of ``arch`` or a file name the formatter cannot
    have written.
    """
    root = Path(directory)
    if not root.is_dir():
        raise NotADirectoryError(f"not a directory: {root}")
    result: dict[SequenceKey, np.ndarray] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        match = _SPLIT_NAME.fullmatch(path.name) if path.parent == root else None
        hidden = any(part.startswith(".") for part in rel.parts)
        if not path.is_file() or (hidden and match is None):
            continue
        key: SequenceKey = (str(rel), None)
        if match is not None:
            try:
                key = (_comm_text(comm_from_filename_part(match["comm"])), int(match["pid"]))
            except ValueError:
                raise ValueError(f"{path}: not a name the formatter writes: the process name "
                                 "is not escaped as observer escapes it") from None
        result[key] = _tokens_to_numbers(path.read_text(encoding="ascii"), arch, path)
    return result


# Parquet ---------------------------------------------------------------------------------------


#: Rows per Parquet row group: large enough for good compression and statistics.
ROW_GROUP_ROWS = 1 << 20


def _arrow_table(frame: pd.DataFrame) -> Any:
    """frame as an Arrow table for Parquet: comm and syscall dictionary-encoded, rows stably
    sorted by pid so that each process's records are together (tight min/max statistics per
    row group) and in their order."""
    import pyarrow as pa

    frame = frame.iloc[np.argsort(frame["pid"].to_numpy(), kind="stable")]
    table = pa.Table.from_pandas(frame, preserve_index=False)
    for name in ("comm", "syscall"):
        if name in table.column_names:
            index = table.column_names.index(name)
            table = table.set_column(index, name, table.column(name).dictionary_encode())
    return table


class ParquetStream:
    """Writes records into a Parquet dataset directory as they come, bounded in memory.

    Records are buffered and written as complete files (``<prefix>-<n>.parquet``, each written
    under a hidden temporary name and renamed), so a kill or an out-of-memory end leaves every
    file already written readable: at most the last ``max_seconds`` (or ``max_bytes`` of
    records) is lost. comm and pid are columns, not directories, so any number of processes fit.
    pandas (``read_parquet(path)``), DuckDB (``read_parquet('path/*.parquet')``), Spark and Dask
    read the directory as one dataset; existing files are kept. Needs pyarrow. Not thread-safe.
    """

    def __init__(self, path: str | Path, clock_offset_ns: int | None = None,
                 max_bytes: int = 64 << 20, max_seconds: float = 5.0) -> None:
        import secrets
        import time

        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.clock_offset_ns = clock_offset_ns
        self.max_bytes = max_bytes
        self.max_seconds = max_seconds
        self.prefix = f"part-{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"
        #: Rows in files that are complete on disk.
        self.written = 0
        self.files: list[Path] = []
        self._pending: list[Any] = []
        self._pending_rows = 0
        self._pending_bytes = 0
        self._since = time.monotonic()

    def add(self, data: pd.DataFrame | np.ndarray) -> None:
        """Buffers a DataFrame of COLUMNS or an array of records; writes a file once the
        buffer holds max_bytes or max_seconds have passed since the last file."""
        import time

        if len(data):
            self._pending.append(data)
            self._pending_rows += len(data)
            self._pending_bytes += int(data.nbytes) if isinstance(data, np.ndarray) else int(
                data.memory_usage(deep=False).sum())
        if (self._pending_bytes >= self.max_bytes
                or time.monotonic() - self._since >= self.max_seconds):
            self.flush()

    def flush(self) -> None:
        """Writes what is buffered as one more complete file (nothing if the buffer is
        empty). Raises OSError; the buffered rows are then dropped, not counted as written."""
        import os
        import time

        import pandas as pd
        import pyarrow.parquet as pq

        self._since = time.monotonic()
        if not self._pending_rows:
            return
        parts, self._pending = self._pending, []
        rows, self._pending_rows, self._pending_bytes = self._pending_rows, 0, 0
        frames = [part if isinstance(part, pd.DataFrame) else to_pandas(part, self.clock_offset_ns)
                  for part in parts]
        frame = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
        name = f"{self.prefix}-{len(self.files):05d}.parquet"
        tmp = self.path / f".{name}.tmp"
        try:
            pq.write_table(_arrow_table(frame), tmp, row_group_size=ROW_GROUP_ROWS)
            os.replace(tmp, self.path / name)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        self.files.append(self.path / name)
        self.written += rows

    def close(self) -> None:
        """Writes what is still buffered."""
        self.flush()


def to_parquet(data: pd.DataFrame | Batches, path: str | Path,
               clock_offset_ns: int | None = None) -> None:
    """Write records as one more file of the Parquet dataset directory ``path``.

    ``data`` is a DataFrame (``COLUMNS``, or ``LOG_COLUMNS`` from a log) or record batches
    (converted with to_pandas). comm and pid are columns, rows grouped by pid in their order;
    existing files under ``path`` are kept, so several traces can be added to one dataset, which
    ``pandas.read_parquet(path)``, DuckDB (``read_parquet('path/*.parquet')``) and Spark read
    directly. Needs pyarrow.
    """
    import pandas as pd

    stream = ParquetStream(path, clock_offset_ns, max_bytes=1 << 62, max_seconds=float("inf"))
    if isinstance(data, pd.DataFrame):
        stream.add(data)
    else:
        for batch in ([data] if isinstance(data, np.ndarray) else data):
            stream.add(np.asarray(batch))
    stream.close()
