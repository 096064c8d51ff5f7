"""The sequence analyses of observer.analysis on Dask (``engine="dask"`` or a
``distributed.Client``), for datasets spread over many files, such as many hosts' datasets
copied into one directory.

One task per Parquet file reads only the columns it needs (comm, pid, nr; host from the file's
``host=`` directory) and cuts its rows into pieces of sequences, one per (host, comm, pid) as
``analysis.sequences()`` cuts them. A task returns what is whole inside its file (the n-gram
counts of its windows, or stide's flags for them) and, per piece, its first and last k - 1
numbers; the client then adds the windows that span two files (a process traced across a
file rotation), in order, from those edges alone. So no rows move between workers, a worker
holds one file at a time, and the results equal the in-memory and DuckDB ones (sequences in
first-seen order, files in path order). Needs dask (``pip install observer[dask]``); a
``distributed`` client, given or current, runs the tasks on its workers, and without one
dask's local scheduler does.
"""

from __future__ import annotations

import os
from typing import Any, NamedTuple

import numpy as np

from observer._ngrams import MAX_SYSCALLS, pack, unpack, window_keys
from observer._partitions import dataset_files

__all__ = ["distinct_numbers", "ngram_table", "window_flags"]


class FilePart(NamedTuple):
    """What one file's task returns: its pieces of sequences in first-seen order (keys,
    first row, first and last k - 1 numbers, the count of inner windows), the syscall
    numbers' range, and the inner windows' counts (keys, counts) or flags."""

    keys: list[tuple[Any, ...]]
    first_rows: np.ndarray
    heads: list[np.ndarray]
    tails: list[np.ndarray]
    inner: np.ndarray  # windows inside each piece
    low: int
    high: int
    grams: np.ndarray  # counts: the distinct inner windows' keys; flags: empty
    counts: np.ndarray  # counts: how often each; flags: each inner window's flag
    numbers: np.ndarray  # the distinct syscall numbers


def _pieces(file: str, host: str | None, partitioned: bool) -> tuple[list[tuple[Any, ...]],
                                                                      np.ndarray,
                                                                      list[np.ndarray]]:
    """The file's rows cut into (host, comm, pid) pieces: keys, first rows, numbers."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    names = pq.read_schema(file).names
    columns = ["comm", "pid", "nr"] + (["host"] if "host" in names and not partitioned else [])
    table = pq.read_table(file, columns=columns, partitioning=None)
    rows = table.num_rows
    if rows == 0:
        return [], np.empty(0, np.int64), []

    def encoded(name: str) -> tuple[np.ndarray, list[Any]]:
        if name not in table.column_names:
            return np.zeros(rows, np.int64), [host]
        column = table.column(name).cast(pa.string()).combine_chunks().dictionary_encode()
        nulls = column.indices.is_null().to_numpy(zero_copy_only=False)
        codes = column.indices.fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64)
        values = column.dictionary.to_pylist() + [None]
        return np.where(nulls, len(values) - 1, codes), values

    host_codes, hosts = encoded("host")
    comm_codes, comms = encoded("comm")
    pid = table.column("pid").to_numpy().astype(np.int64)
    combined = (host_codes * len(comms) + comm_codes) << 32 | pid
    _, first, inverse = np.unique(combined, return_index=True, return_inverse=True)
    inverse = inverse.reshape(-1)
    # Pieces in first-seen order, rows in file order within each.
    rank = np.empty(len(first), np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first))
    ordered = rank[inverse]
    order = np.argsort(ordered, kind="stable")
    bounds = np.flatnonzero(np.diff(ordered[order])) + 1
    nr = table.column("nr").to_numpy().astype(np.int64)
    pieces = np.split(nr[order], bounds)
    starts = np.sort(first)
    keys = [(hosts[host_codes[row]], comms[comm_codes[row]], int(pid[row])) for row in starts]
    return keys, starts, pieces


def _file_part(file: str, host: str | None, partitioned: bool, k: int,
               common: np.ndarray | None) -> FilePart:
    """One file's task: counts (common None) or stide's flags against common (packed keys
    of the baseline's n-grams) of the windows inside its pieces."""
    keys, starts, pieces = _pieces(file, host, partitioned)
    every = np.concatenate(pieces) if pieces else np.empty(0, np.int64)
    low = int(every.min()) if every.size else 0
    high = int(every.max()) if every.size else 0
    if every.size and (low < 0 or high >= MAX_SYSCALLS):
        return FilePart(keys, starts, [], [], np.empty(0, np.int64), low, high,
                        np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int64))
    edge = k - 1
    heads = [piece[:edge] for piece in pieces]
    tails = [piece[len(piece) - edge:] if len(piece) > edge else piece for piece in pieces]
    inner = np.array([max(len(piece) - edge, 0) for piece in pieces], np.int64)
    windows = window_keys(pieces, k)
    grams: np.ndarray
    counts: np.ndarray
    if common is None:
        grams, counts = np.unique(windows, return_counts=True)
    else:
        grams, counts = windows[:0], ~np.isin(windows, common)
    return FilePart(keys, starts, heads, tails, inner, low, high, grams, counts,
                    np.unique(every))


def _client(engine: Any) -> Any:
    """The distributed client given, or None for dask's current scheduler."""
    return None if isinstance(engine, str) else engine


def _run(path: str | os.PathLike[str], k: int, common: np.ndarray | None,
         engine: Any) -> list[FilePart]:
    """Every file's part, in path order, computed by the engine's scheduler."""
    try:
        from dask.base import compute
        from dask.delayed import delayed
    except ImportError:
        raise ImportError("engine='dask' needs dask and distributed: pip install "
                          "'observer[dask]'") from None
    files = dataset_files(path)
    client = _client(engine)
    if common is not None and client is not None:
        common = client.scatter(common, broadcast=True)
    shared = delayed(common, pure=True) if common is not None and client is None else common
    tasks = [delayed(_file_part, pure=True)(file, values.get("host"), "host" in values, k,
                                            shared)
             for file, values in files]
    if not tasks:
        return []
    if client is not None:
        return list(client.gather(client.compute(tasks)))
    return list(compute(*tasks))  # type: ignore[no-untyped-call]  # dask leaves it untyped


def _check(parts: list[FilePart]) -> None:
    for part in parts:
        if part.first_rows.size and (part.low < 0 or part.high >= MAX_SYSCALLS):
            raise ValueError(f"syscall numbers must be 0..{MAX_SYSCALLS - 1}")


def _sequences(parts: list[FilePart]) -> list[list[tuple[int, int]]]:
    """Each sequence's pieces as (file, piece) pairs in file order, sequences in first-seen
    order (by the file, then the row, each first appears at)."""
    found: dict[tuple[Any, ...], list[tuple[int, int]]] = {}
    for f, part in enumerate(parts):
        for j, key in enumerate(part.keys):
            found.setdefault(key, []).append((f, j))
    return list(found.values())  # dicts keep insertion order: files in order, rows in order


def _boundary(parts: list[FilePart], pieces: list[tuple[int, int]], k: int
              ) -> list[np.ndarray]:
    """For each piece of one sequence, the windows that begin in an earlier piece and end
    in it, as (n, k) arrays in order."""
    edge = k - 1
    carry = np.empty(0, np.int64)
    out = []
    for f, j in pieces:
        head, tail = parts[f].heads[j], parts[f].tails[j]
        joined = np.concatenate([carry, head])
        starts = [p for p in range(len(carry)) if p + k <= len(joined)]
        out.append(np.array([joined[p:p + k] for p in starts], np.int64).reshape(-1, k))
        kept = np.concatenate([carry, tail])
        carry = kept[max(len(kept) - edge, 0):]
    return out


def ngram_table(path: str | os.PathLike[str], k: int, engine: Any
                ) -> tuple[np.ndarray, np.ndarray]:
    """(grams[n, k], counts[n]) as analysis.ngram_counts gives them."""
    parts = _run(path, k, None, engine)
    _check(parts)
    keys = [part.grams for part in parts]
    counts = [part.counts for part in parts]
    for pieces in _sequences(parts):
        for windows in _boundary(parts, pieces, k):
            if len(windows):
                keys.append(pack(windows, k))
                counts.append(np.ones(len(windows), np.int64))
    if not keys or not sum(len(key) for key in keys):
        return np.empty((0, k), np.int64), np.empty(0, np.int64)
    every = np.concatenate(keys)
    distinct, inverse = np.unique(every, return_inverse=True)
    totals = np.bincount(inverse.reshape(-1), weights=np.concatenate(counts),
                         minlength=len(distinct)).astype(np.int64)
    order = np.argsort(-totals, kind="stable")
    return unpack(distinct[order], k), totals[order]


def window_flags(path: str | os.PathLike[str], k: int, grams: np.ndarray, engine: Any
                 ) -> np.ndarray:
    """stide's flags of every window in order, as analysis.stide gives them."""
    common = pack(np.asarray(grams, np.int64).reshape(-1, k), k)
    parts = _run(path, k, common, engine)
    _check(parts)
    # Each file's flags split by piece.
    split = [np.split(part.counts, np.cumsum(part.inner)[:-1]) if len(part.inner) else []
             for part in parts]
    out: list[np.ndarray] = []
    for pieces in _sequences(parts):
        for (f, j), windows in zip(pieces, _boundary(parts, pieces, k)):
            if len(windows):
                out.append(~np.isin(pack(windows, k), common))
            out.append(split[f][j])
    return np.concatenate(out).astype(bool) if out else np.empty(0, bool)


def distinct_numbers(path: str | os.PathLike[str], engine: Any) -> np.ndarray:
    """The sorted syscall numbers the dataset holds."""
    parts = _run(path, 1, None, engine)
    _check(parts)
    numbers = [part.numbers for part in parts]
    return np.unique(np.concatenate(numbers)).astype(np.int64) if numbers else np.empty(
        0, np.int64)
