"""observer's one record schema, in Apache Arrow, and the conversions around it.

Every way records reach Python has this schema: ``Tracer.batches()`` (record batches built in
C++ from the ring), ``--format parquet`` and ``to_parquet`` (datasets), and the readers of the
CLI's formats (``read_table``, ``read_log``, ``read_jsonl``, ``read_strace``). A format that
records less has fewer columns, never other types: a ``log`` has ``LOG_COLUMNS``.

=========== ======================== ======================================================
column      Arrow type               meaning
=========== ======================== ======================================================
time        timestamp[ns]            wall-clock time of the syscall entry
ts_ns       uint64                   CLOCK_MONOTONIC of the entry, as the kernel recorded it
host        dictionary<string>       the node the record was made on (--host, NODE_NAME, or
                                     the hostname); in a Parquet dataset, the host= directory
pid         uint32 (never null)      process id (tgid)
tid         uint32                   thread id
comm        dictionary<string>       process name (UTF-8; other bytes as \\xHH)
cgroup_id   uint64                   the task's cgroup v2: its directory's inode number
cgroup      dictionary<string>       that directory below the v2 root, as /proc/PID/cgroup
                                     writes it (/system.slice/cron.service)
container_id dictionary<string>      the container that cgroup is (docker, containerd,
                                     CRI-O, podman: 64 hex digits), by the runtime's path
pod_uid     dictionary<string>       the Kubernetes pod that cgroup is in (its uid, dashed),
                                     by the kubelet's path (cgroupfs and systemd drivers)
nr          int32 (never null)       syscall number of the native ABI (a 32-bit call: the
                                     native number of its syscall, or 1024 + its i386 number)
syscall     dictionary<string>       syscall name (the number as text if no table has it)
compat      bool                     a 32-bit call (x86_64's int 0x80)
ret         int64                    return value (full records)
error       dictionary<string>       errno name of a failed call (ENOENT)
duration_ns uint64                   entry to exit (full records)
arg0..arg5  uint64                   raw syscall arguments (x86_64's rt_sigreturn, which takes
                                     none: arg0 is the stack pointer, its signal frame)
path        string                   the first string argument (a file name for most calls)
path2       string                   the second string argument (rename's new name ...)
fd_path     string                   what an fd names (-y/``decode_fds``): the one the call
                                     returned, else its lowest fd argument
argv        list<string>             execve's argument vector
data        binary                   the first captured buffer or struct, raw bytes
data2       binary                   the second one (rt_sigaction's old action ...)
truncated   bool                     a captured string, argv or buffer was cut at its limit
=========== ======================== ======================================================

Null means "not recorded": no time without ``capture_time``, no ``ret`` without full records,
no ``path`` unless strings are captured (``--string-limit``, full-record formats) and the
call has one, no ``fd_path`` without ``-y``, no ``cgroup`` for a cgroup removed before it was
looked up (or without the privilege to look: CAP_DAC_READ_SEARCH), no ``container_id`` or
``pod_uid`` for a cgroup path of no known runtime's shape (never a guess), and none of the
three in data of an older observer, which had no such columns. Text bytes that are not
UTF-8 appear as ``\\xHH`` (Python's backslashreplace).
Needs pyarrow; pandas only for ``to_frame``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Union

import numpy as np

from observer import syscalls

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = ["COLUMNS", "DTYPE_BACKENDS", "LOG_COLUMNS", "ORIGIN_COLUMNS", "conform", "dictionary_column",
           "from_records", "import_batch", "log_schema", "schema", "syscall_names", "to_frame"]

NARGS = 6
COLUMNS = ("time", "ts_ns", "host", "pid", "tid", "comm", "cgroup_id", "cgroup", "container_id",
           "pod_uid", "nr", "syscall", "compat", "ret", "error", "duration_ns",
           *(f"arg{i}" for i in range(NARGS)), "path", "path2", "fd_path", "argv", "data",
           "data2", "truncated")
#: Where a record came from: the node and, from its cgroup's path, the container and pod.
ORIGIN_COLUMNS = ("host", "container_id", "pod_uid")
#: What the log format (pid:syscall_id:comm) records.
LOG_COLUMNS = ("pid", "comm", "nr", "syscall")
#: to_frame's dtype_backend values, as pandas names them.
DTYPE_BACKENDS = ("numpy_nullable", "pyarrow")

ArrowData = Union["pa.Table", "pa.RecordBatch", Iterable["pa.RecordBatch"]]


@lru_cache(maxsize=None)
def schema() -> pa.Schema:
    """The record schema (the columns above, in order)."""
    import pyarrow as pa

    label = pa.dictionary(pa.int32(), pa.string())
    fields = [
        pa.field("time", pa.timestamp("ns")),
        pa.field("ts_ns", pa.uint64()),
        pa.field("host", label),
        pa.field("pid", pa.uint32(), nullable=False),
        pa.field("tid", pa.uint32()),
        pa.field("comm", label),
        pa.field("cgroup_id", pa.uint64()),
        pa.field("cgroup", label),
        pa.field("container_id", label),
        pa.field("pod_uid", label),
        pa.field("nr", pa.int32(), nullable=False),
        pa.field("syscall", label),
        pa.field("compat", pa.bool_()),
        pa.field("ret", pa.int64()),
        pa.field("error", label),
        pa.field("duration_ns", pa.uint64()),
        *(pa.field(f"arg{i}", pa.uint64()) for i in range(NARGS)),
        pa.field("path", pa.string()),
        pa.field("path2", pa.string()),
        pa.field("fd_path", pa.string()),
        pa.field("argv", pa.list_(pa.string())),
        pa.field("data", pa.binary()),
        pa.field("data2", pa.binary()),
        pa.field("truncated", pa.bool_()),
    ]
    assert tuple(f.name for f in fields) == COLUMNS
    return pa.schema(fields)


def log_schema() -> pa.Schema:
    """The columns a log holds, typed as in schema()."""
    import pyarrow as pa

    full = schema()
    return pa.schema([full.field(name) for name in LOG_COLUMNS])


def import_batch(capsules: tuple[Any, Any]) -> pa.RecordBatch:
    """The record batch of a (schema, array) pair of Arrow PyCapsules from observer._core.

    pyarrow takes the columns' memory over (no copy)."""
    import pyarrow as pa

    schema_capsule, array_capsule = capsules
    return pa.RecordBatch._import_from_c_capsule(schema_capsule, array_capsule)


def from_records(events: np.ndarray, clock_offset_ns: int, host: str = "") -> pa.RecordBatch:
    """Records of ``observer.event_dtype`` (fixed fields only) as one batch of schema(),
    built in C++ as ``Tracer.batches()`` builds them; ``host`` in every row ("": null)."""
    from observer import _core

    return import_batch(_core.record_batch(np.ascontiguousarray(events), clock_offset_ns,
                                           host))


def _table(data: ArrowData) -> pa.Table:
    import pyarrow as pa

    if isinstance(data, pa.Table):
        return data
    if isinstance(data, pa.RecordBatch):
        return pa.Table.from_batches([data])
    batches = list(data)
    if not batches:
        return schema().empty_table()
    return pa.Table.from_batches(batches)


def conform(table: pa.Table, columns: Iterable[str] = COLUMNS) -> pa.Table:
    """table with exactly ``columns`` of schema(), in its order and types: missing columns
    are added as nulls, others cast (a reader's int64 ts_ns, a plain string comm)."""
    import pyarrow as pa

    full = schema()
    arrays = []
    fields = []
    for name in columns:
        field = full.field(name)
        if name in table.column_names:
            array = table.column(name)
            if array.type != field.type:
                array = array.cast(field.type)
        else:
            array = pa.nulls(table.num_rows, field.type)
        arrays.append(array)
        fields.append(field)
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


# pandas ------------------------------------------------------------------------------------

_NULLABLE_INTEGERS = {"uint64": "UInt64", "uint32": "UInt32", "int64": "Int64",
                      "int32": "Int32"}


def _array(column: Any) -> tuple[Any, bool]:
    """column as one Array, and whether it is a new one (its chunks concatenated)."""
    if not hasattr(column, "num_chunks"):
        return column, False
    if column.num_chunks == 1:
        return column.chunk(0), False
    return column.combine_chunks(), True


def _values(array: Any, kind: Any, fresh: bool, private: list[tuple[int, int]] | None
            ) -> np.ndarray:
    """A primitive array's values (its nulls' slots whatever they hold) as a writable NumPy
    array: a view of its buffer where that buffer is the frame's alone (a new array, or a
    private table's buffer that no other column uses: private lists the ranges taken), else a
    copy. Read-only views would make the frame's setitem fail."""
    import pyarrow as pa

    dtype = np.dtype("datetime64[ns]" if pa.types.is_timestamp(kind) else kind.to_pandas_dtype())
    buffer = array.buffers()[1]
    if buffer is None or len(array) == 0:
        return np.zeros(len(array), dtype)
    start = buffer.address + array.offset * dtype.itemsize
    stop = start + len(array) * dtype.itemsize
    mine = fresh
    if not mine and private is not None and buffer.is_mutable:
        mine = all(stop <= a or b <= start for a, b in private)
        if mine:
            private.append((start, stop))
    values = np.frombuffer(buffer, dtype, len(array), array.offset * dtype.itemsize)
    return values if mine and values.flags.writeable else values.copy()


def _numpy_nullable(column: Any, field: Any, private: list[tuple[int, int]] | None = None
                    ) -> Any:
    """One column as the numpy_nullable backend has it (see to_frame), in arrays of the
    frame's own (writable, shared with nothing else): private as _values takes it."""
    import pandas as pd
    import pyarrow as pa

    kind = field.type
    if pa.types.is_dictionary(kind):
        # A categorical over the dictionary: a code per row, not a string (3 M rows of a log:
        # 3 MB instead of about 50 MB a column); its categories sorted, whichever order the
        # records gave them, so that two readers of one trace give equal frames.
        names = column.to_pandas().array
        names = names.reorder_categories(sorted(names.categories))
        if not names.codes.flags.writeable:
            names = pd.Categorical.from_codes(names.codes.copy(), dtype=names.dtype)
        return names
    if pa.types.is_string(kind):
        # Through Arrow: no Python object per row for pandas' Arrow-backed str dtype.
        text = column.cast(pa.string())
        text = text.combine_chunks() if isinstance(text, pa.ChunkedArray) else text
        if not isinstance(pd.api.types.pandas_dtype(str), pd.StringDtype):
            # pandas < 3: str means Python objects, and a null would become the text "None".
            return pd.array(text.to_numpy(zero_copy_only=False), dtype="string")
        return pd.array(text, dtype=str)
    if pa.types.is_timestamp(kind) or pa.types.is_integer(kind):
        array, fresh = _array(column)
        if not array.null_count:
            values = _values(array, kind, fresh, private)
            if pa.types.is_timestamp(kind) or not field.nullable:
                return values
            return pd.arrays.IntegerArray(values, np.zeros(len(values), bool))
        if pa.types.is_timestamp(kind):  # NaT for a null
            nat = array.cast(pa.int64()).fill_null(np.iinfo(np.int64).min)
            return _values(nat.cast(kind), kind, True, None)
        mask = array.is_null().to_numpy(zero_copy_only=False)
        return pd.arrays.IntegerArray(_values(array.fill_null(0), kind, True, None), mask)
    if pa.types.is_boolean(kind):
        array, _ = _array(column)
        mask = array.is_null().to_numpy(zero_copy_only=False)
        values = array.fill_null(False).to_numpy(zero_copy_only=False)
        return pd.arrays.BooleanArray(*(a if a.flags.writeable else a.copy()
                                        for a in (values, mask)))
    if pa.types.is_list(kind):
        values = np.empty(len(column), dtype=object)
        if column.null_count < len(column):
            values[:] = column.to_pylist()
        return values
    values = column.to_numpy(zero_copy_only=False)
    return values if values.flags.writeable else values.copy()


def to_frame(data: ArrowData, dtype_backend: str = "numpy_nullable") -> pd.DataFrame:
    """Records of schema() (a Table, a RecordBatch or an iterable of batches) as a DataFrame.

    ``dtype_backend="numpy_nullable"`` (the default) gives NumPy and pandas' nullable dtypes:
    ``time`` datetime64[ns] (NaT if not recorded), ``pid`` uint32 and ``nr`` int32, the other
    integers nullable (UInt64, Int64, ...), the names (``comm``, ``syscall``, ``error``)
    ``category``, paths ``str`` (``string`` on pandas 2), ``compat`` and ``truncated``
    ``boolean``, ``argv`` lists and ``data`` bytes as objects.
    ``dtype_backend="pyarrow"`` wraps the Arrow columns without copying them
    (``pd.ArrowDtype``; comm, syscall and error become categoricals over their dictionaries).
    """
    return _frame(data, dtype_backend, private=False)


def _frame(data: ArrowData, dtype_backend: str, private: bool) -> pd.DataFrame:
    """to_frame; private: data is the caller's alone and dropped after, so that the frame
    may take its buffers instead of copies."""
    import pandas as pd
    import pyarrow as pa

    if dtype_backend not in DTYPE_BACKENDS:
        raise ValueError(f"unknown dtype_backend {dtype_backend!r}: expected one of "
                         f"{', '.join(DTYPE_BACKENDS)}")
    table = _table(data)
    if dtype_backend == "pyarrow":
        def mapper(kind: Any) -> Any:
            return None if pa.types.is_dictionary(kind) else pd.ArrowDtype(kind)

        return table.to_pandas(types_mapper=mapper)
    taken: list[tuple[int, int]] | None = [] if private else None
    columns = {}
    for field, column in zip(table.schema, table.columns):
        values = _numpy_nullable(column, field, taken)
        if isinstance(values, np.ndarray) and values.dtype == object:
            # Objects already: pandas would look at each to infer a type (15 ms a 1 M rows).
            values = pd.Series(values, dtype=object, copy=False)
        columns[field.name] = values
    # Every column is the frame's own already: no copy of each (pandas copies a dict's).
    return pd.DataFrame(columns, columns=table.column_names, copy=False)


def syscall_names(nrs: np.ndarray, arch: str | None) -> Any:
    """The syscall column (dictionary) for native numbers ``nrs``, as the C++ builder names
    them: the table's name, a 32-bit-only call's i386 name (1024 + its number), or the number
    as text. Looked up once per distinct number."""
    import pyarrow as pa

    table = syscalls.table(arch)
    compat = syscalls.compat_table()
    if nrs.size and 0 <= nrs.min() and nrs.max() < 1 << 20:
        # Small non-negative numbers (every real syscall): a lookup table instead of a sort.
        present = np.zeros(int(nrs.max()) + 1, dtype=bool)
        present[nrs] = True
        uniq = np.flatnonzero(present)
        inverse = (np.cumsum(present) - 1)[nrs]
    else:
        uniq, inverse = np.unique(nrs, return_inverse=True)
    labels = []
    for nr in uniq.tolist():
        name = table.get(nr) or (compat.get(nr - syscalls.COMPAT_BASE)
                                 if nr >= syscalls.COMPAT_BASE else None)
        labels.append(name or str(nr))
    return dictionary_column(inverse.reshape(-1), labels)


def dictionary_column(codes: np.ndarray, labels: list[str]) -> Any:
    """A dictionary<int32, string> column of labels[codes], with labels made distinct."""
    import pyarrow as pa

    distinct: dict[str, int] = {}
    remap = np.array([distinct.setdefault(label, len(distinct)) for label in labels],
                     dtype=np.int32)
    indices = remap[codes] if len(labels) else np.empty(0, np.int32)
    return pa.DictionaryArray.from_arrays(pa.array(indices, pa.int32()),
                                          pa.array(list(distinct), pa.string()))
