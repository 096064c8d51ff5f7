"""Records as pandas DataFrames and Parquet datasets; reading the CLI's formats back.

Every function here speaks observer's one record schema (observer.arrow: ``COLUMNS``): records
from ``Tracer.batches()`` or NumPy arrays (``to_pandas``), the readers of the CLI's formats
(``read_table`` for Arrow, ``read_log``, ``read_jsonl`` and ``read_strace`` for pandas) and the
Parquet datasets of ``--format parquet`` and ``to_parquet``. A format that records less gives
fewer columns of the same types: a ``log`` (pid:syscall_id:comm) holds ``LOG_COLUMNS``; jsonl,
strace text and Parquet give every column, null where the file does not say.

Rows keep the order of the source: per thread, the order the syscalls were made. Needs pyarrow
and pandas (``pip install observer[analysis]``); reading a log or strace text also needs the
compiled core (its parser and argument tables). All functions are pure apart from the files
they are asked to read or write.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

import numpy as np

from observer import _partitions, syscalls
from observer._clock import clock_offset_ns as measure
from observer._escape import comm_from_filename_part, unescape_comm
from observer._files import open_directory, open_subdirectory, replace_file
from observer._formats import SNIFF_BYTES, detect_file, mismatch
from observer._options import parse_host
from observer._partitions import dataset_files
from observer.arrow import (
    COLUMNS,
    LOG_COLUMNS,
    NARGS,
    _frame,
    conform,
    dictionary_column,
    from_records,
    syscall_names,
    to_frame,
)

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = ["COLUMNS", "LOG_COLUMNS", "ParquetStream", "read_jsonl", "read_log",
           "read_split_dir", "read_strace", "read_table", "to_pandas", "to_parquet"]

# bpf/syscalls.h enum event_flag
HAS_RET = 1
HAS_TIME = 2

Batches = Union[np.ndarray, Iterable[np.ndarray], "pa.RecordBatch", "pa.Table",
                Iterable["pa.RecordBatch"]]
SequenceKey = tuple[str, Union[int, None]]


def _comm_text(raw: bytes) -> str:
    return raw.decode("utf-8", "backslashreplace")


def _measured(clock_offset_ns: int | None) -> int:
    if clock_offset_ns is not None:
        return clock_offset_ns

    return measure()


def _arrow_parts(batches: Batches, clock_offset_ns: int | None) -> Iterator[Any]:
    """Record batches of the schema from arrays of event_dtype or Arrow data."""
    import pyarrow as pa

    items: Iterable[Any] = ([batches] if isinstance(batches, (np.ndarray, pa.RecordBatch,
                                                                pa.Table)) else batches)
    offset = clock_offset_ns
    for item in items:
        if isinstance(item, pa.Table):
            yield from conform(item).to_batches()
        elif isinstance(item, pa.RecordBatch):
            yield item
        else:
            events = np.asarray(item)
            if offset is None:
                offset = _measured(None) if (events["flags"] & HAS_TIME).any() else 0
            yield from_records(events, offset)


def _renamed(table: Any, arch: str | None) -> Any:
    """table with its syscall names from the table of ``arch`` (the C++ core knows only this
    machine's)."""
    if arch is None or arch == syscalls.native_arch():
        return table
    index = table.column_names.index("syscall")
    return table.set_column(index, "syscall", syscall_names(table.column("nr").to_numpy(), arch))


def to_pandas(
    batches: Batches, clock_offset_ns: int | None = None, arch: str | None = None,
    dtype_backend: str = "numpy_nullable",
) -> pd.DataFrame:
    """One DataFrame of ``COLUMNS`` from Arrow batches or tables of the record schema
    (``Tracer.batches()``), or from arrays of ``observer.event_dtype``
    (``batches(format="numpy")``, fixed fields only), consumed once.

    For arrays, ``time`` is ``ts_ns`` plus ``clock_offset_ns`` (CLOCK_REALTIME -
    CLOCK_MONOTONIC; measured now if None, right for records of this boot unless the wall
    clock was stepped since), converted in C++ as the tracer converts ring records. ``arch``
    names the syscall table (default: this machine's). ``dtype_backend`` is to_frame's
    (observer.arrow): "pyarrow" wraps the Arrow columns without a copy.
    """
    import pyarrow as pa

    parts = list(_arrow_parts(batches, clock_offset_ns))
    table = pa.Table.from_batches(parts) if parts else conform(
        pa.table({"pid": pa.array([], pa.uint32()), "nr": pa.array([], pa.int32())}))
    return to_frame(_renamed(table, arch), dtype_backend)


# Readers ---------------------------------------------------------------------------------------


def _read_text_log(path: Path, arch: str | None) -> tuple[Any, int]:
    """The CLI's log: ``pid:nr:comm`` per line (comm escaped by observer._escape), or with
    --tid a first line ``# pid:tid:syscall_id:comm`` and then ``pid:tid:nr:comm``, as an
    Arrow table of LOG_COLUMNS and the count of lines that do not parse.

    The compiled core splits the lines in one pass into pid and nr arrays and codes into the
    distinct comm texts; each distinct comm is then unescaped once here. A line that does not
    parse (a cut last line after a crash, say), or whose comm is not canonically escaped, is
    skipped and counted.
    """
    import pyarrow as pa

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
    columns = {"pid": pa.array(pid, pa.uint32()), "comm": dictionary_column(
        codes, [name or "" for name in names]), "nr": pa.array(nr, pa.int32()),
        "syscall": syscall_names(nr, arch)}
    if tid is None:
        return conform(pa.table(columns), LOG_COLUMNS), malformed
    # A log written with --tid: the thread ids after the pids, as in the full records.
    columns["tid"] = pa.array(tid, pa.uint32())
    return conform(pa.table(columns), ("pid", "tid", *LOG_COLUMNS[1:])), malformed


def _jsonl_schema() -> Any:
    import pyarrow as pa

    item = pa.list_(pa.struct([("arg", pa.int64()), ("value", pa.string()),
                               ("truncated", pa.bool_())]))
    return pa.schema([("kind", pa.string()),
                      ("ts_ns", pa.uint64()), ("wall_ns", pa.int64()), ("tgid", pa.uint32()),
                      ("tid", pa.uint32()), ("comm", pa.string()), ("host", pa.string()),
                      ("cgroup_id", pa.uint64()), ("cgroup", pa.string()),
                      ("container_id", pa.string()), ("pod_uid", pa.string()), ("nr", pa.int32()),
                      ("compat", pa.bool_()), ("args", pa.list_(pa.uint64())),
                      ("ret", pa.int64()), ("error", pa.string()),
                      ("duration_ns", pa.uint64()), ("flags", pa.int64()),
                      ("strings", item), ("buffers", item),
                      ("fd_paths", pa.list_(pa.struct([("of", pa.string()),
                                                       ("path", pa.string())])))])


#: The JSON sink writes a byte that is not part of valid UTF-8 as the lone surrogate
#: \udcXX (Python's surrogateescape), which pyarrow's JSON parser refuses. Before parsing,
#: each such escape becomes the valid surrogate pair of the private-use character base + XX,
#: with a base in plane 16 whose 128 characters the file does not hold itself, and after
#: parsing those characters become the bytes again.
_SURROGATE_ESCAPE = re.compile(rb"(?<!\\)((?:\\\\)*)\\udc([89a-fA-F][0-9a-fA-F])")


def _bytes_escaped(data: bytes) -> tuple[bytes, int]:
    """(data with each \\udcXX escape as the pair of base + XX, base); base 0 if none."""
    if b"\\udc" not in data:
        return data, 0
    for base in range(0x10FF00, 0x100000, -0x100):
        chars = (chr(base + 0x80).encode(), chr(base + 0xC0).encode())  # 64 per 3-byte prefix
        if not any(c[:3] in data for c in chars):
            break
    high = 0xD800 + ((base - 0x10000) >> 10)
    low = 0xDC00 + ((base - 0x10000) & 0x3FF)
    pair = f"\\\\u{high:04x}\\\\u{low >> 8:02x}".encode()
    return _SURROGATE_ESCAPE.sub(rb"\1" + pair + rb"\2", data), base


def _json_bytes(values: Any, binary: bool, base: int) -> Any:
    """JSON strings as the bytes the sink wrote (see _bytes_escaped) in Arrow text (valid
    UTF-8 as is, other bytes \\xHH, as the C++ builder writes) or, with binary, the bytes.
    Only values with a non-ASCII character go through Python."""
    import pyarrow as pa
    import pyarrow.compute as pc

    ascii_only = pc.string_is_ascii(values).fill_null(True)
    if pc.all(ascii_only).as_py() is not False:
        return values.cast(pa.binary() if binary else pa.string())
    out = [None if v is None else _json_raw(v, base) if binary else _comm_text(_json_raw(v, base))
           for v in values.to_pylist()]
    return pa.array(out, pa.binary() if binary else pa.string())


def _json_raw(value: str, base: int) -> bytes:
    """The bytes of one JSON string: the characters base + 0x80 to base + 0xFF are the bytes
    the sink escaped, the rest is UTF-8."""
    if base:
        value = "".join(chr(0xDC00 + ord(c) - base) if base + 0x80 <= ord(c) <= base + 0xFF
                        else c for c in value)
    return value.encode("utf-8", "surrogateescape")


def _element(lists: Any, j: int) -> tuple[Any, np.ndarray]:
    """The j-th element of each list (null where shorter) and where it exists."""
    import pyarrow as pa

    lists = lists.combine_chunks() if isinstance(lists, pa.ChunkedArray) else lists
    offsets = lists.offsets.to_numpy()
    lengths = np.diff(offsets)
    valid = lists.is_valid().to_numpy(zero_copy_only=False)
    has = valid & (lengths > j)
    values = lists.values
    if len(values) == 0:
        return pa.nulls(len(lists), values.type), has
    # A null index takes a null: one pass, no select afterwards.
    index = pa.array(offsets[:-1].astype(np.int64) + j, pa.int64(), mask=~has)
    return values.take(index), has


def _nonempty(lists: Any) -> tuple[np.ndarray, list[Any]]:
    """The rows whose list has an element, and those lists as Python objects: what only a
    few rows hold (paths of fds, buffers) goes through Python for those rows alone."""
    import pyarrow.compute as pc

    rows = np.flatnonzero(pc.list_value_length(lists).fill_null(0).to_numpy(
        zero_copy_only=False))
    return rows, (lists.take(rows).to_pylist() if rows.size else [])


def _argv(blob: bytes) -> tuple[list[str], bool]:
    """execve's argv blob (bpf/syscalls.h enum argv_tag; src/cpp/argv_blob.h) as its
    strings, and whether any string or element was cut or could not be read."""
    items: list[str] = []
    cut = False
    at = 0
    while at < len(blob):
        tag = blob[at]
        if tag in (_ARGV_STRING, _ARGV_STRING_CUT):
            end = blob.find(b"\0", at + 1)
            if end < 0:
                break
            items.append(_comm_text(blob[at + 1:end]))
            at = end + 1
        elif tag in (_ARGV_POINTER, _ARGV_UNREAD):
            at += _ARGV_MARK_SIZE
        elif tag != _ARGV_MORE:
            break
        else:
            at += 1
        cut |= tag != _ARGV_STRING
    return items, cut


#: bpf/syscalls.h enum argv_tag, and the size of a pointer's element.
_ARGV_STRING, _ARGV_STRING_CUT, _ARGV_MORE, _ARGV_POINTER, _ARGV_UNREAD = range(1, 6)
_ARGV_MARK_SIZE = 9


#: The fds whose paths fd_path may show, first choice first: the result, then the arguments.
_FD_OWNERS = {"ret": 0, **{f"arg{i}": i + 1 for i in range(NARGS)}}


def _first_fd_path(fd_paths: Any, base: int) -> Any:
    """fd_path from the jsonl fd_paths lists: the returned fd's path, else the lowest fd
    argument's (what RecordBatchBuilder::append_items picks). Only rows with paths go through
    Python."""
    import pyarrow as pa

    if fd_paths.null_count == len(fd_paths):  # no -y: nothing to look at
        return pa.nulls(len(fd_paths), pa.string())
    out: list[str | None] = [None] * len(fd_paths)
    for row, items in zip(*_nonempty(fd_paths)):
        owned = [(_FD_OWNERS[item["of"]], item["path"]) for item in items
                 if item.get("of") in _FD_OWNERS and item.get("path") is not None]
        out[row] = _comm_text(_json_raw(min(owned)[1], base)) if owned else None
    return pa.array(out, pa.string())


def _items(table: Any, nr: np.ndarray, compat: np.ndarray, base: int) -> dict[str, Any]:
    """path, path2, fd_path, argv, data, data2 and truncated from the jsonl strings, buffers
    and fd_paths lists, as the C++ builder maps a record's tail
    (RecordBatchBuilder::append_items)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    n = table.num_rows
    strings, buffers = table.column("strings"), table.column("buffers")
    columns: dict[str, Any] = {}
    any_item = np.zeros(n, dtype=bool)
    cut = np.zeros(n, dtype=bool)
    for name, j in (("path", 0), ("path2", 1)):
        element, has = _element(strings, j)
        any_item |= has
        columns[name] = _json_bytes(pc.struct_field(element, "value"), False, base)
        cut |= pc.struct_field(element, "truncated").fill_null(False).to_numpy(
            zero_copy_only=False)
    columns["fd_path"] = _first_fd_path(table.column("fd_paths"), base)
    argv_arg = {syscalls.number(name): arg for name, arg in (("execve", 1), ("execveat", 2))
                if name in syscalls.table().values()}
    # Buffers: the argv of an execve, then data and data2 in order.
    data: list[list[bytes | None]] = [[None] * n, [None] * n]
    argv: list[list[str] | None] = [None] * n
    for row, items in zip(*_nonempty(buffers)):
        any_item[row] = True
        kept = 0
        for item in items:
            value = _json_raw(item["value"], base)
            cut[row] |= bool(item["truncated"])
            if not compat[row] and argv_arg.get(int(nr[row])) == item["arg"]:
                argv[row], more = _argv(value)
                cut[row] |= more
            elif kept < 2:
                data[kept][row] = value
                kept += 1
    columns["argv"] = pa.array(argv, pa.list_(pa.string()))
    columns["data"] = pa.array(data[0], pa.binary())
    columns["data2"] = pa.array(data[1], pa.binary())
    columns["truncated"] = pa.array(cut, mask=~any_item)
    return columns


def _cgroup_paths(ids: Any, declared: Any, base: int) -> Any:
    """The cgroup column: each record's cgroup_id looked up in the file's
    {"kind":"cgroup","cgroup_id":N,"cgroup":"/path"} lines (null where none names it)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if declared.num_rows == 0:
        return pa.nulls(len(ids), pa.string()).dictionary_encode()
    paths = _json_bytes(declared.column("cgroup").combine_chunks(), False, base)
    found = pc.index_in(ids, value_set=declared.column("cgroup_id").combine_chunks())
    return pc.take(paths, found).dictionary_encode()


def _declarations(table: Any) -> tuple[Any, Any]:
    """The {"kind":"cgroup",...} lines of what pyarrow's JSON reader found, and its syscall
    records: lines of other kinds (no tgid or nr: a process's exit, a signal, the counts at
    the end) are not syscalls and are left out."""
    import pyarrow.compute as pc

    declared = table.filter(pc.equal(table.column("kind"), "cgroup"))
    return declared, table.filter(pc.and_(table.column("tgid").is_valid(),
                                          table.column("nr").is_valid()))


def _jsonl_table(table: Any, declared: Any, clock_offset_ns: int | None, arch: str | None,
                 base: int = 0) -> Any:
    """The record schema from the columns of the syscall records pyarrow's JSON reader found
    (every field may be absent: older files, hand-written ones) and the cgroup declarations
    (_declarations)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    n = table.num_rows
    compat = table.column("compat").fill_null(False).to_numpy(zero_copy_only=False)
    nr = _native_numbers(table.column("nr").to_numpy(zero_copy_only=False), compat)
    texts = {
        "host": _json_bytes(table.column("host"), False, base).dictionary_encode(),
        "comm": _json_bytes(table.column("comm"), False, base).dictionary_encode(),
        "cgroup": _cgroup_paths(table.column("cgroup_id"), declared, base),
        "container_id": table.column("container_id").dictionary_encode(),
        "pod_uid": table.column("pod_uid").dictionary_encode(),
        "error": table.column("error").dictionary_encode(),
    }
    args = table.column("args").combine_chunks()
    lengths = pc.list_value_length(args).fill_null(0).to_numpy(zero_copy_only=False)
    for i in range(NARGS):
        element, _ = _element(args, i) if n else (pa.nulls(0, pa.uint64()), None)
        texts[f"arg{i}"] = pc.if_else(pa.array(lengths == NARGS), element,
                                      pa.nulls(n, pa.uint64())) if n else element
    texts.update(_items(table, nr, compat, base))
    return _record_table(table, nr, texts, clock_offset_ns, arch)


def _native_numbers(nr: np.ndarray, compat: np.ndarray) -> np.ndarray:
    """One numbering, as in the log: 32-bit calls by their native numbers."""
    nr = nr.astype(np.int32)
    if compat.any():
        nr = nr.copy()
        nr[compat] = [syscalls.native_of_compat(int(v)) for v in nr[compat]]
    return nr


def _record_table(table: Any, nr: np.ndarray, columns: dict[str, Any],
                  clock_offset_ns: int | None, arch: str | None) -> Any:
    """The record schema from a jsonl file's fixed fields (table: ts_ns, wall_ns, tgid, tid,
    cgroup_id, compat, ret, duration_ns, flags), its syscall numbers in one numbering (nr) and
    the columns made from its texts, arguments and items."""
    import pyarrow as pa
    import pyarrow.compute as pc

    n = table.num_rows
    flags = table.column("flags")
    known = flags.is_valid()
    flags_known = flags.null_count < n
    flags = flags.fill_null(0)

    def masked(name: str, bit: int) -> Any:
        column = table.column(name)
        if bit and flags_known:  # a file without flags keeps every value
            keep = pc.or_(pc.invert(known), pc.not_equal(pc.bit_wise_and(flags, bit), 0))
            column = pc.if_else(keep, column, pa.nulls(n, column.type))
        return column

    ts_ns = masked("ts_ns", HAS_TIME)
    if clock_offset_ns is None and table.column("wall_ns").null_count < n:
        wall = pc.if_else(ts_ns.is_valid(), table.column("wall_ns"), pa.nulls(n, pa.int64()))
    else:
        offset = _measured(clock_offset_ns) if ts_ns.null_count < n else 0
        wall = pc.add(ts_ns.cast(pa.int64()), offset)
    columns.update({
        "time": wall.cast(pa.timestamp("ns")),
        "ts_ns": ts_ns,
        "pid": table.column("tgid"),
        "tid": table.column("tid"),
        "cgroup_id": table.column("cgroup_id"),
        "nr": pa.array(nr, pa.int32()),
        "syscall": syscall_names(nr, arch),
        "compat": table.column("compat"),
        "ret": masked("ret", HAS_RET),
        "duration_ns": masked("duration_ns", HAS_RET),
    })
    return conform(pa.table(columns))


def _own_jsonl(path: Path, clock_offset_ns: int | None, arch: str | None) -> Any:
    """A file as JsonSink writes it, through the compiled core's reader of exactly that
    shape (no Python per row); None when some line has another shape."""
    import pyarrow as pa

    from observer import _core

    names = syscalls.table().values()
    found = _core.read_jsonl_columns(str(path), *(
        syscalls.number(name) if name in names else -1 for name in ("execve", "execveat")))
    if found is None:
        return None
    n = found["rows"]

    def nullable(values: np.ndarray, has: np.ndarray, kind: Any) -> Any:
        return pa.array(values, kind, mask=has == 0)

    def bitmap(valid: np.ndarray) -> Any:
        return pa.py_buffer(np.packbits(valid.view(bool), bitorder="little"))

    def values(name: str, kind: Any) -> Any:
        offsets, data, valid = found[name]
        return pa.Array.from_buffers(kind, len(valid), [bitmap(valid), pa.py_buffer(offsets),
                                                         pa.py_buffer(data)])

    def dictionary(name: str) -> Any:
        codes, texts = found[name]
        return pa.DictionaryArray.from_arrays(pa.array(codes, mask=codes < 0),
                                              pa.array(texts, pa.string()))

    compat = found["compat"].view(bool)
    table = pa.table({
        "ts_ns": pa.array(found["ts_ns"], pa.uint64()),
        "wall_ns": pa.array(found["wall_ns"], pa.int64()),
        "tgid": pa.array(found["tgid"], pa.uint32()),
        "tid": pa.array(found["tid"], pa.uint32()),
        "cgroup_id": nullable(found["cgroup_id"], found["has_cgroup_id"], pa.uint64()),
        "compat": pa.array(compat, pa.bool_()),
        "ret": nullable(found["ret"], found["has_ret"], pa.int64()),
        "duration_ns": nullable(found["duration_ns"], found["has_duration"], pa.uint64()),
        "flags": pa.nulls(n, pa.int64()),
    })
    columns = {name: dictionary(name)
               for name in ("host", "comm", "cgroup", "container_id", "pod_uid", "error")}
    for i, values_i in enumerate(found["args"]):
        columns[f"arg{i}"] = pa.array(values_i, pa.uint64())
    for name in ("path", "path2", "fd_path"):
        columns[name] = values(name, pa.string())
    for name in ("data", "data2"):
        columns[name] = values(name, pa.binary())
    argv_offsets, argv_valid = found["argv"]
    columns["argv"] = pa.Array.from_buffers(
        pa.list_(pa.string()), n, [bitmap(argv_valid), pa.py_buffer(argv_offsets)],
        children=[values("argv_values", pa.string())])
    columns["truncated"] = pa.array(found["truncated"].view(bool),
                                    mask=found["has_items"] == 0)
    nr = _native_numbers(found["nr"], compat)
    del found
    return _record_table(table, nr, columns, clock_offset_ns, arch)


def _has_escapes(path: Path) -> bool:
    """Whether the file holds a \\udc escape (a byte that is not UTF-8), read in blocks."""
    tail = b""
    with open(path, "rb") as file:
        while block := file.read(16 << 20):
            if b"\\udc" in block or b"\\udc" in tail + block[:4]:
                return True
            tail = block[-4:]
    return False


def _read_jsonl(path: Path, clock_offset_ns: int | None, arch: str | None) -> tuple[Any, int]:
    """JSON Lines as the sink writes them through the compiled core (_own_jsonl), other
    JSON Lines (an older observer's, a file edited by hand or cut by a crash) through
    pyarrow's reader (_any_jsonl): one table either way."""
    table = _own_jsonl(path, clock_offset_ns, arch)
    if table is not None:
        return table, 0
    return _any_jsonl(path, clock_offset_ns, arch)


def _any_jsonl(path: Path, clock_offset_ns: int | None, arch: str | None) -> tuple[Any, int]:
    """JSON Lines through pyarrow's reader, from the file in blocks (the whole text in memory
    only when it has escapes to rewrite, see _bytes_escaped); when some line does not parse
    (a line cut by a crash), the lines that do are read again without it, and the others
    counted."""
    import io

    import pyarrow as pa
    import pyarrow.json as pj

    options = pj.ParseOptions(explicit_schema=_jsonl_schema(), unexpected_field_behavior="ignore")
    blocks = pj.ReadOptions(block_size=16 << 20)
    malformed = 0
    data: bytes | None = None
    base = 0
    try:
        if _has_escapes(path) or not hasattr(pj, "open_json"):
            data, base = _bytes_escaped(Path(path).read_bytes())
            table = pj.read_json(pa.BufferReader(data), read_options=blocks,
                                 parse_options=options)
        else:
            table = pj.open_json(str(path), read_options=blocks,
                                 parse_options=options).read_all()
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        if data is None:
            data, base = _bytes_escaped(Path(path).read_bytes())
        good = []
        for line in data.splitlines(keepends=True):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if row.get("kind") == "cgroup":  # a cgroup's path, for the records after it
                    int(row["cgroup_id"]), str(row["cgroup"])
                    good.append(line if line.endswith(b"\n") else line + b"\n")
                    continue
                int(row["tgid"]), int(row["nr"]), str(row["comm"])
                if "kind" not in row:
                    pj.read_json(io.BytesIO(line), parse_options=options)
            except (ValueError, KeyError, TypeError, pa.ArrowInvalid):
                if "kind" not in line.decode("utf-8", "replace"):
                    malformed += 1
                continue
            good.append(line if line.endswith(b"\n") else line + b"\n")
        table = (pj.read_json(io.BytesIO(b"".join(good)), read_options=blocks,
                              parse_options=options) if good
                 else _jsonl_schema().empty_table())
    del data  # the text, as large as the file, is not needed for the columns
    # pyarrow's allocator keeps what it freed (the parser's blocks, the steps of the
    # columns) for reuse; reading is done with it, so it goes back to the system.
    # The records alone, as a copy: the table as read is freed here, not held while the
    # columns are built from the copy.
    declared, table = _declarations(table)
    pool = pa.default_memory_pool()
    pool.release_unused()
    columns = _jsonl_table(table, declared, clock_offset_ns, arch, base)
    del table
    pool.release_unused()
    return columns, malformed


#: What read_table reads; read_log takes the text formats among them.
READABLE = ("log", "jsonl", "strace", "parquet")


def _detect(path: Path, format: str | None, readable: tuple[str, ...],
            name: Path) -> str | None:
    """The format to read path as (None: an empty file); raises ValueError for a file of
    another format, naming what it looks like (and the file as name)."""

    if format is not None and format not in readable:
        raise ValueError(f"unknown trace format {format!r}: expected one of "
                         f"{', '.join(readable)}")
    found = detect_file(path)
    # The directory --format parquet writes reads as the Parquet files it holds.
    kind = "parquet" if found == "dataset" else found
    wanted = format or (kind if kind in readable else "log")
    if found is not None and kind != wanted:
        raise ValueError(mismatch(name, found, wanted))
    if found is None:
        with open(path, "rb") as file:
            if file.read(SNIFF_BYTES).strip():
                raise ValueError(mismatch(name, None, wanted))
        return None
    return wanted


@contextlib.contextmanager
def _rereadable(path: Path) -> Iterator[Path]:
    """path, or for a stream (a pipe, a terminal, a socket: what /dev/stdin is under a pipe)
    the path of a private unnamed copy of all it holds: the readers look at a file's head,
    then read it from the start, once or in parts."""
    try:
        mode = os.stat(path).st_mode
    except OSError:  # the reader's open says why
        mode = stat.S_IFREG
    if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISSOCK(mode)):
        yield path
        return
    import shutil
    import tempfile

    # Unlinked from the start (O_TMPFILE where it exists) and 0600: what the trace holds of
    # programs' data is never in a named file.
    with open(path, "rb") as source, tempfile.TemporaryFile() as copy:
        shutil.copyfileobj(source, copy, 1 << 20)
        copy.flush()
        yield Path(f"/proc/self/fd/{copy.fileno()}")


def _read(path: str | Path, format: str | None, clock_offset_ns: int | None,
          arch: str | None, readable: tuple[str, ...]) -> tuple[Any, int]:
    with _rereadable(Path(path)) as file:
        return _read_file(file, format, clock_offset_ns, arch, readable, Path(path))


def _read_file(path: Path, format: str | None, clock_offset_ns: int | None,
               arch: str | None, readable: tuple[str, ...], name: Path) -> tuple[Any, int]:
    import pyarrow as pa

    kind = _detect(path, format, readable, name)
    if kind is None:
        return conform(pa.table({"pid": pa.array([], pa.uint32()),
                                 "nr": pa.array([], pa.int32())}), LOG_COLUMNS), 0
    if kind == "log":
        return _read_text_log(path, arch)
    if kind == "jsonl":
        return _read_jsonl(path, clock_offset_ns, arch)
    if kind == "strace":
        from observer._strace import read_strace_table

        return read_strace_table(path, arch)
    return _renamed(_read_parquet(path), arch), 0


#: What a dataset's reader adds after the record schema: the partition column that is not
#: one of the schema's (host is).
DATASET_COLUMNS = (*COLUMNS, "date")


def _partition_column(value: Any, rows: int, kind: Any) -> Any:
    """A column of rows copies of a partition's value (null: None) of type kind."""
    import pyarrow as pa

    if pa.types.is_dictionary(kind):
        if value is None:
            return pa.nulls(rows, kind)
        return pa.DictionaryArray.from_arrays(pa.array(np.zeros(rows, np.int32)),
                                              pa.array([value], pa.string()))
    return pa.repeat(pa.scalar(value, kind), rows)


def _day(text: str | None) -> Any:
    import datetime

    try:
        return None if text is None else datetime.date.fromisoformat(text)
    except ValueError:  # a partition of someone else's naming
        return None


def _read_parquet(path: str | Path) -> Any:
    """A Parquet dataset (a directory, Hive-partitioned or flat, or one file of it) as one
    table of DATASET_COLUMNS in file order: files of an older observer lack columns, which
    are null; host and date come from the host=/date= directories a file is in (a file's own
    host column where it is in none)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    parts = []
    files = dataset_files(path)
    for file, values in files:
        table = conform(pq.read_table(file, partitioning=None))
        rows = table.num_rows
        if "host" in values:
            index = table.column_names.index("host")
            table = table.set_column(index, "host", _partition_column(
                values["host"], rows, table.schema.field("host").type))
        day = _partition_column(_day(values.get("date")), rows, pa.date32())
        table = table.append_column(pa.field("date", pa.date32()), day)
        parts.append(table)
    if not parts:
        empty = conform(pa.table({"pid": pa.array([], pa.uint32()),
                                  "nr": pa.array([], pa.int32())}))
        return empty.append_column(pa.field("date", pa.date32()), pa.array([], pa.date32()))
    return pa.concat_tables(parts).unify_dictionaries() if len(parts) > 1 else parts[0]


def read_table(path: str | Path, format: str | None = None, clock_offset_ns: int | None = None,
               arch: str | None = None) -> pa.Table:
    """Read a trace the CLI wrote (``log``, ``jsonl``, ``strace``, or the ``parquet`` dataset
    directory of ``--format parquet`` or one file of it) as an Arrow table of the record
    schema: ``LOG_COLUMNS`` for a log, ``COLUMNS`` for the others.

    ``format`` is told from the file's first lines when None. For jsonl, ``time`` is the
    file's wall clock (``wall_ns``), or ``ts_ns + clock_offset_ns`` when that is given. Lines
    that do not parse (a line cut by a crash) are skipped and counted in
    ``table.schema.metadata[b"malformed"]``; a file of another format is a ValueError that
    names what it looks like, never an empty table. A pipe (``/dev/stdin`` under ``|``) is
    read whole into a private unnamed file first. Raises OSError if the file cannot be read.
    """
    table, malformed = _read(path, format, clock_offset_ns, arch, READABLE)
    return table.replace_schema_metadata({"malformed": str(malformed)})


def read_log(
    path: str | Path, format: str | None = None, clock_offset_ns: int | None = None,
    arch: str | None = None, dtype_backend: str = "numpy_nullable",
) -> pd.DataFrame:
    """Read a trace the CLI wrote (``log``, ``jsonl`` or ``strace``) into a DataFrame.

    As read_table, then observer.arrow.to_frame; the count of lines that do not parse is
    ``df.attrs["malformed"]``. A ``log`` gives ``LOG_COLUMNS`` (it has no time, thread id,
    return value or arguments); the others give ``COLUMNS``.
    """
    table, malformed = _read(path, format, clock_offset_ns, arch, READABLE[:3])
    frame = _frame(table, dtype_backend, private=True)  # the table is dropped on return
    frame.attrs["malformed"] = malformed
    return frame


def read_jsonl(path: str | Path, clock_offset_ns: int | None = None, arch: str | None = None,
               dtype_backend: str = "numpy_nullable") -> pd.DataFrame:
    """read_log of a ``--format jsonl`` file (refuses any other format)."""
    return read_log(path, "jsonl", clock_offset_ns, arch, dtype_backend)


def read_strace(path: str | Path, arch: str | None = None,
                dtype_backend: str = "numpy_nullable") -> pd.DataFrame:
    """read_log of strace-style text: ``observer --format strace`` or strace's own output
    (``-f``, ``-t``/``-tt``/``-ttt``, ``-T``, ``-y`` paths are kept as written). See
    observer._strace for what such text says and what it cannot."""
    return read_log(path, "strace", None, arch, dtype_backend)


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


def _as_table(data: Any, clock_offset_ns: int | None) -> Any:
    """A DataFrame (COLUMNS, or LOG_COLUMNS from a log), an array of event_dtype or Arrow
    data, as an Arrow table of the record schema (a log's fewer columns kept as they are)."""
    import pandas as pd
    import pyarrow as pa

    if isinstance(data, pd.DataFrame):
        # Columns of the caller's own (a run label) are kept, after the schema's.
        table = pa.Table.from_pandas(data, preserve_index=False)
        present = [name for name in COLUMNS if name in table.column_names]
        known = conform(table, present if set(present) <= set(LOG_COLUMNS) else COLUMNS)
        for name in table.column_names:
            if name not in COLUMNS:
                known = known.append_column(table.schema.field(name), table.column(name))
        return known
    return pa.Table.from_batches(list(_arrow_parts(data, clock_offset_ns)))


def _close_all(fds: list[int]) -> None:
    import os

    while fds:
        os.close(fds.pop())


def _partition_keys(table: Any, host: str) -> tuple[np.ndarray, list[tuple[str, Any]]]:
    """Each row's partition (an index into the list) and the partitions' (host, date): the
    host column's value (host where a row has none) and the UTC date of the time column (of
    a date column without one; today's where a row has none)."""
    import datetime

    import pyarrow as pa
    import pyarrow.compute as pc

    rows = table.num_rows
    names = table.column_names
    if "host" in names:
        hosts = table.column("host").cast(pa.string()).combine_chunks().dictionary_encode()
        host_codes = hosts.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
        host_values = hosts.dictionary.to_pylist()
    else:
        host_codes, host_values = np.full(rows, -1, np.int64), []
    if "time" in names:
        ns = pc.cast(table.column("time"), pa.int64())
        days = np.floor_divide(ns.fill_null(0).to_numpy(), 86_400 * 10**9)
        known = ns.is_valid().to_numpy(zero_copy_only=False)
    elif "date" in names:
        day = pc.cast(table.column("date"), pa.int32())
        days = day.fill_null(0).to_numpy().astype(np.int64)
        known = day.is_valid().to_numpy(zero_copy_only=False)
    else:
        days, known = np.zeros(rows, np.int64), np.zeros(rows, bool)
    # One number per (host, day): days since the epoch + 1 (0: none) in the low 32 bits.
    keys = (host_codes + 1) << 32 | np.where(known, days + 1, 0)
    unique, inverse = np.unique(keys, return_inverse=True)
    epoch = datetime.date(1970, 1, 1)
    today = datetime.datetime.now(datetime.timezone.utc).date()
    partitions: list[tuple[str, Any]] = []
    for key in unique.tolist():
        code, day = (key >> 32) - 1, key & 0xFFFFFFFF
        partitions.append((host_values[code] if code >= 0 else host,
                           epoch + datetime.timedelta(days=day - 1) if day else today))
    # Rows without a host or time may share others' partitions: one entry each.
    distinct = list(dict.fromkeys(partitions))
    remap = np.array([distinct.index(part) for part in partitions], np.int64)
    return remap[inverse.reshape(-1)], distinct


class ParquetStream:
    """Writes records into a Parquet dataset directory as they come, bounded in memory.

    The dataset is Hive-partitioned by the node and the day the records were made:
    ``host=<node>/date=<yyyy-mm-dd>/<prefix>-<n>.parquet`` (values percent-encoded by
    observer._partitions), so datasets of many hosts copied into one directory are one
    dataset. ``date`` is the UTC day of ``time``; records without a time (a log's) go under
    the day they are written, records without a host (arrays of event_dtype, a log's) under
    ``host`` (default: this machine's node name, as ``--host`` defaults), so that no partition
    is null (pyarrow cannot type a partition key that is null everywhere). host and date are
    the directories, not columns of the files (as Hive, Spark and pyarrow write them);
    observer's readers, DuckDB (``hive_partitioning``), pyarrow, Dask and Spark restore them.
    Records are buffered and written as complete files (each under a hidden temporary name,
    then renamed), so a kill or an out-of-memory end leaves every file already written
    readable: at most the last ``max_seconds`` (or ``max_bytes`` of records) is lost. Files
    have the record schema (observer.arrow) less host; comm and pid are columns, not
    directories, so any number of processes fit, and rows are grouped by pid (tight min/max
    statistics per row group). Existing files are kept. Needs pyarrow. Not thread-safe.

    The records can hold what programs read and write: the directory, if created (with its
    missing parents), and the partitions' directories are 0700 and the files 0600, whatever
    the umask. An existing directory is used as it is. A symlink at ``path``, at a partition's
    directory or at a file's name is refused (OSError), never followed: the directories are
    held open from here to close().
    """

    def __init__(self, path: str | Path, clock_offset_ns: int | None = None,
                 max_bytes: int = 64 << 20, max_seconds: float = 5.0,
                 host: str | None = None) -> None:
        import secrets
        import time
        import weakref

        #: The host of records that name none.
        self.host = parse_host(host, "host=")
        self.path = Path(path)
        #: The directory, then each partition's, as they are opened.
        self._fds = [open_directory(self.path, parents=True)]
        self._dir = self._fds[0]
        self._close_dir = weakref.finalize(self, _close_all, self._fds)
        self._partitions: dict[str, int] = {}
        self.clock_offset_ns = clock_offset_ns
        self.max_bytes = max_bytes
        self.max_seconds = max_seconds
        self.prefix = f"part-{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"
        #: Rows in files that are complete on disk.
        self.written = 0
        self.files: list[Path] = []
        self._flushes = 0
        self._pending: list[Any] = []
        self._pending_rows = 0
        self._pending_bytes = 0
        self._since = time.monotonic()

    def add(self, data: Any) -> None:
        """Buffers records (Arrow batches or tables of the record schema, an array of
        event_dtype or a DataFrame of COLUMNS); writes a file once the buffer holds
        max_bytes or max_seconds have passed since the last file."""
        import time

        if len(data):
            table = _as_table(data, self.clock_offset_ns)
            self._pending.append(table)
            self._pending_rows += table.num_rows
            self._pending_bytes += int(table.nbytes)
        if (self._pending_bytes >= self.max_bytes
                or time.monotonic() - self._since >= self.max_seconds):
            self.flush()

    def _partition(self, host: str, date: Any) -> tuple[int, Path]:
        """The directory of a partition (opened, created if missing) and its path."""
        relative = _partitions.directory(host, date)
        if relative not in self._partitions:
            fd = self._dir
            for name in relative.split("/"):
                fd = open_subdirectory(fd, name, self.path / relative)
                self._fds.append(fd)
            self._partitions[relative] = fd
        return self._partitions[relative], self.path / relative

    def flush(self) -> None:
        """Writes what is buffered as one more complete file per partition it holds (nothing
        if the buffer is empty). Raises OSError; the buffered rows are then dropped, not
        counted as written."""
        import time

        import pyarrow as pa
        import pyarrow.parquet as pq

        self._since = time.monotonic()
        if not self._pending_rows:
            return
        if not self._close_dir.alive:
            raise ValueError(f"the stream into {self.path} is closed")
        parts, self._pending = self._pending, []
        rows, self._pending_rows, self._pending_bytes = self._pending_rows, 0, 0
        table = pa.concat_tables(parts, promote_options="none").unify_dictionaries()
        table = table.take(pa.array(np.argsort(table.column("pid").to_numpy(), kind="stable")))
        which, partitions = _partition_keys(table, self.host)
        # The partition keys are directories, not columns.
        table = table.drop([name for name in ("host", "date") if name in table.column_names])
        name = f"{self.prefix}-{self._flushes:05d}.parquet"
        self._flushes += 1
        for index, (host, date) in enumerate(partitions):
            part = table if len(partitions) == 1 else table.take(
                pa.array(np.flatnonzero(which == index)))
            fd, where = self._partition(host, date)
            replace_file(fd, name, where / name,
                         lambda file: pq.write_table(part, file, row_group_size=ROW_GROUP_ROWS))
            self.files.append(where / name)
        self.written += rows

    def close(self) -> None:
        """Writes what is still buffered and lets the directories go. Idempotent."""
        try:
            self.flush()
        finally:
            self._close_dir()


def to_parquet(data: pd.DataFrame | Batches, path: str | Path,
               clock_offset_ns: int | None = None, host: str | None = None) -> None:
    """Write records as one more file of the Parquet dataset directory ``path``.

    ``data`` is a DataFrame (``COLUMNS``, or ``LOG_COLUMNS`` from a log), Arrow batches or
    tables of the record schema, or arrays of event_dtype. The dataset is ParquetStream's,
    partitioned ``host=<node>/date=<yyyy-mm-dd>`` (``host`` names the node of records that
    name none; default this machine's, as ``--host``); comm and pid are columns, rows grouped
    by pid in their order; existing files under ``path`` are kept, so several traces can be
    added to one dataset, which ``pandas.read_parquet(path)``, DuckDB
    (``read_parquet('path/**/*.parquet', hive_partitioning=true)``), Dask and Spark read
    directly. Needs pyarrow.
    """
    import pandas as pd
    import pyarrow as pa

    stream = ParquetStream(path, clock_offset_ns, max_bytes=1 << 62, max_seconds=float("inf"),
                           host=host)
    if isinstance(data, (pd.DataFrame, np.ndarray, pa.RecordBatch, pa.Table)):
        stream.add(data)
    else:
        for batch in data:
            stream.add(batch)
    stream.close()
