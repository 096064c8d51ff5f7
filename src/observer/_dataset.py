"""The sequence analyses of observer.analysis as DuckDB queries over a Parquet dataset, for
traces larger than memory: DuckDB streams the files, sorts and groups out of core (spilling to
a temporary directory) and returns only the results.

A dataset is a directory of the record schema's Parquet files (``--format parquet``,
``to_parquet``: Hive-partitioned by host and date, or an older observer's flat directory, or
many hosts' copied into one), a single file, or a glob (observer._partitions.dataset_files).
Sequences are as ``analysis.sequences()`` cuts a DataFrame read from it: one per (host, comm,
pid), host from the ``host=`` directories, rows in file order (files in path order), keyed in
first-seen order; windows never span two sequences. Results equal the in-memory functions'
exactly (tests/test_dataset.py compares them). Needs duckdb (``pip install observer[analysis]``).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

from observer._partitions import dataset_files

__all__ = ["connect", "is_dataset", "ngram_table", "source", "window_flags"]

MAX_SYSCALLS = 1024
#: DuckDB's memory limit for these queries: beyond it, sorts and groups spill to disk.
MEMORY_LIMIT = "2GB"


def is_dataset(value: object) -> bool:
    """True for a path (str or os.PathLike): what the analysis functions read with DuckDB."""
    return isinstance(value, (str, os.PathLike))


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def source(path: str | os.PathLike[str]) -> str:
    """The read_parquet() call of a dataset's files, with file names and row numbers (the
    order of the rows); files of older observers, with fewer columns, by name. Raises
    FileNotFoundError if there are none."""
    files = ", ".join(_quoted(file) for file, _ in dataset_files(path))
    return (f"read_parquet([{files}], filename=true, file_row_number=true, "
            "union_by_name=true)")


def register_files(con: Any, path: str | os.PathLike[str]) -> None:
    """The table ``files`` in con: each file of the dataset (``file``), its place in path
    order from 1 (``f``) and the host of its ``host=`` directory (``host``, null if none)."""
    import pyarrow as pa

    files = dataset_files(path)
    con.register("files", pa.table({
        "file": pa.array([file for file, _ in files], pa.string()),
        "f": pa.array(range(1, len(files) + 1), pa.int64()),
        "host": pa.array([values.get("host") for _, values in files], pa.string()),
    }))


@contextmanager
def connect(threads: int | None = None) -> Iterator[Any]:
    """An in-memory DuckDB connection with bounded memory, spilling into a temporary
    directory that is removed afterwards."""
    try:
        import duckdb
    except ImportError:
        raise ImportError("analysis of a Parquet dataset needs duckdb: pip install duckdb "
                          "(or observer[analysis])") from None
    with tempfile.TemporaryDirectory(prefix="observer-duckdb-") as spill:
        con = duckdb.connect(":memory:")
        try:
            con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
            con.execute(f"SET temp_directory = '{spill}'")
            con.execute("SET preserve_insertion_order = false")
            if threads:
                con.execute(f"SET threads = {int(threads)}")
            yield con
        finally:
            con.close()


def _windows(path: str | os.PathLike[str], k: int) -> str:
    """SQL of every length-k window of the dataset: seq (first-seen order), i (position),
    g0..g{k-1} (its syscall numbers). Needs the table ``files`` (register_files). Only the
    one window sort is over all rows; files and sequences are numbered in small tables."""
    grams = ", ".join(f"lead(nr, {j}) OVER w AS g{j}" if j else "nr AS g0" for j in range(k))
    return f"""
        WITH rows AS (
            SELECT files.host, comm, pid, nr, files.f * 1099511627776 + file_row_number AS row
            FROM {source(path)} data JOIN files ON data.filename = files.file
        ),
        seqs AS (
            SELECT host, comm, pid, row_number() OVER (ORDER BY min(row)) AS seq
            FROM rows GROUP BY host, comm, pid
        ),
        ranked AS (
            SELECT seqs.seq, rows.nr, rows.row
            FROM rows JOIN seqs ON rows.host IS NOT DISTINCT FROM seqs.host
                               AND rows.comm IS NOT DISTINCT FROM seqs.comm
                               AND rows.pid = seqs.pid
        )
        SELECT seq, row AS i, {grams}
        FROM ranked
        WINDOW w AS (PARTITION BY seq ORDER BY row)
        QUALIFY lead(nr, {k - 1}) OVER w IS NOT NULL
    """


def check_range(con: Any, path: str | os.PathLike[str]) -> None:
    """Raises ValueError, as the in-memory functions do, for numbers outside 0..1023."""
    ((low, high),) = con.execute(f"SELECT min(nr), max(nr) FROM {source(path)}").fetchall()
    if low is not None and (low < 0 or high >= MAX_SYSCALLS):
        raise ValueError(f"syscall numbers must be 0..{MAX_SYSCALLS - 1}")


def ngram_table(path: str | os.PathLike[str], k: int,
                threads: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(grams[n, k], counts[n]) of the dataset's length-k windows, most frequent first, ties
    in n-gram order: analysis.ngram_counts' result."""
    columns = ", ".join(f"g{j}" for j in range(k))
    if not dataset_files(path):
        return np.empty((0, k), dtype=np.int64), np.empty(0, dtype=np.int64)
    with connect(threads) as con:
        check_range(con, path)
        register_files(con, path)
        result = con.execute(f"""
            SELECT {columns}, count(*) AS n FROM ({_windows(path, k)})
            GROUP BY {columns} ORDER BY n DESC, {columns}
        """).fetchnumpy()
    grams = np.column_stack([result[f"g{j}"].astype(np.int64) for j in range(k)]) if len(
        result["n"]) else np.empty((0, k), dtype=np.int64)
    return grams, np.asarray(result["n"], dtype=np.int64)


def window_flags(path: str | os.PathLike[str], k: int, grams: np.ndarray,
                 threads: int | None = None) -> np.ndarray:
    """For each length-k window of the dataset, in order, True if it is not a row of grams
    (the baseline's distinct n-grams): stide's flags, computed in DuckDB."""
    import pyarrow as pa

    columns = [f"g{j}" for j in range(k)]
    baseline = pa.table({name: pa.array(grams[:, j], pa.int64())
                         for j, name in enumerate(columns)})
    on = " AND ".join(f"w.{c} = b.{c}" for c in columns)
    if not dataset_files(path):
        return np.empty(0, dtype=bool)
    with connect(threads) as con:
        check_range(con, path)
        register_files(con, path)
        con.register("baseline", baseline)
        result = con.execute(f"""
            SELECT NOT EXISTS (SELECT 1 FROM baseline b WHERE {on}) AS foreign_window
            FROM ({_windows(path, k)}) w ORDER BY w.seq, w.i
        """).fetchnumpy()
    return np.asarray(result["foreign_window"], dtype=bool)


def distinct_numbers(path: str | os.PathLike[str], threads: int | None = None) -> np.ndarray:
    """The sorted syscall numbers the dataset holds."""
    if not dataset_files(path):
        return np.empty(0, dtype=np.int64)
    with connect(threads) as con:
        check_range(con, path)
        result = con.execute(f"SELECT DISTINCT nr FROM {source(path)} ORDER BY nr").fetchnumpy()
    return np.asarray(result["nr"], dtype=np.int64)
