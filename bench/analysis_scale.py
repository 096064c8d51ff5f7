"""Sequence analysis past memory: n-gram counts, a transition matrix and stide over a synthetic
Parquet dataset of the record schema, through DuckDB (observer.analysis on a dataset path).

Usage: ``python bench/analysis_scale.py [--rows 100000000] [--dir DIR] [--keep]``

The dataset is generated first (``generate``, also used by tests/test_dataset.py): processes
of a few program kinds, each a Markov chain over a kind's syscalls, so that n-grams repeat as in
real traces; rows are written as observer writes them (files of the record schema, rows
grouped by pid). Then each analysis runs once, timed, with the peak RSS of this process (DuckDB
runs in it) and the spill directory's peak size printed next to it. Goal: minutes for 100 M
rows on 2 cores with memory bounded by DuckDB's limit (observer._dataset.MEMORY_LIMIT).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

#: Program kinds: (name, syscall numbers its chain walks over).
KINDS = (("sh", (0, 1, 3, 9, 11, 12, 39, 56, 59, 61, 257, 262)),
         ("cat", (0, 1, 3, 9, 10, 11, 12, 17, 257, 262)),
         ("make", (0, 1, 3, 4, 5, 9, 12, 13, 14, 56, 59, 61, 72, 257, 262, 318)))


def generate(path: str | Path, rows: int, processes: int = 1000, files: int = 4,
             seed: int = 1) -> Path:
    """A dataset directory of ``rows`` syscall records from ``processes`` processes, in
    ``files`` Parquet files of the record schema. Deterministic for a seed."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from observer import arrow

    out = Path(path)
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    # One transition matrix per kind: each state prefers a few successors.
    chains = []
    for _, numbers in KINDS:
        weights = rng.random((len(numbers), len(numbers))) ** 4
        chains.append((np.array(numbers, np.int32), np.cumsum(weights / weights.sum(1)[:, None],
                                                              axis=1)))
    per_file = -(-processes // files)
    lengths = rng.multinomial(rows, np.full(processes, 1 / processes))
    schema = arrow.schema()
    for f in range(files):
        pids = range(f * per_file, min(processes, (f + 1) * per_file))
        with pq.ParquetWriter(out / f"part-{f:05d}.parquet", schema) as writer:
            for pid in pids:
                n = int(lengths[pid])
                if not n:
                    continue
                kind = pid % len(KINDS)
                numbers, cumulative = chains[kind]
                states = np.empty(n, np.int64)
                states[0] = 0
                draws = rng.random(n)
                for i in range(1, n):  # a Markov walk; vectorised per step would not chain
                    states[i] = np.searchsorted(cumulative[states[i - 1]], draws[i])
                nr = numbers[np.minimum(states, len(numbers) - 1)]
                columns = {"pid": pa.array(np.full(n, 1000 + pid, np.uint32)),
                           "comm": pa.DictionaryArray.from_arrays(
                               pa.array(np.zeros(n, np.int32)), pa.array([KINDS[kind][0]])),
                           "nr": pa.array(nr.astype(np.int32))}
                table = arrow.conform(pa.table(columns))
                writer.write_table(table, row_group_size=1 << 20)
    return out


def generate_fast(path: str | Path, rows: int, processes: int = 1000, files: int = 8,
                  seed: int = 1) -> Path:
    """As generate, for large sizes: each process repeats a few random motifs of its kind
    (vectorised), which gives repeating n-grams without a per-row Markov walk."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from observer import arrow

    out = Path(path)
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    per_file = -(-processes // files)
    lengths = rng.multinomial(rows, np.full(processes, 1 / processes))
    schema = arrow.schema()
    for f in range(files):
        with pq.ParquetWriter(out / f"part-{f:05d}.parquet", schema) as writer:
            for pid in range(f * per_file, min(processes, (f + 1) * per_file)):
                n = int(lengths[pid])
                kind = pid % len(KINDS)
                numbers = np.array(KINDS[kind][1], np.int32)
                motifs = rng.integers(0, len(numbers), size=(8, 16))
                picks = rng.integers(0, 8, size=-(-n // 16))
                nr = numbers[motifs[picks].reshape(-1)[:n]]
                noise = rng.random(n) < 0.01
                nr[noise] = rng.choice(numbers, int(noise.sum()))
                for start in range(0, n, 1 << 22):
                    part = nr[start:start + (1 << 22)]
                    m = len(part)
                    table = arrow.conform(pa.table({
                        "pid": pa.array(np.full(m, 1000 + pid, np.uint32)),
                        "comm": pa.DictionaryArray.from_arrays(
                            pa.array(np.zeros(m, np.int32)), pa.array([KINDS[kind][0]])),
                        "nr": pa.array(part)}))
                    writer.write_table(table, row_group_size=1 << 20)
    return out


def directory_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000_000)
    parser.add_argument("--processes", type=int, default=1000)
    parser.add_argument("--dir", type=Path, default=None,
                        help="where to write the dataset (default: a temporary directory)")
    parser.add_argument("--keep", action="store_true", help="keep the dataset")
    parser.add_argument("-k", type=int, default=3, help="n-gram length (default 3)")
    args = parser.parse_args()

    from observer import analysis

    tmp = Path(tempfile.mkdtemp(prefix="observer-scale-", dir=args.dir))
    try:
        data = tmp / "dataset"
        start = time.perf_counter()
        generate_fast(data, args.rows, args.processes)
        print(f"dataset: {args.rows:,} syscalls of {args.processes:,} processes, "
              f"{directory_size(data) / 1e6:,.0f} MB of Parquet, generated in "
              f"{time.perf_counter() - start:.0f} s")
        baseline = tmp / "baseline"
        generate_fast(baseline, max(args.rows // 10, 1000), args.processes // 10 or 1,
                      files=2, seed=2)
        steps = [
            (f"ngram_counts(k={args.k})", lambda: len(analysis.ngram_counts(data, args.k).counts)),
            ("transition_matrix", lambda: len(analysis.transition_matrix(data).states)),
            (f"stide(k={args.k}) vs a 10% baseline",
             lambda: int(analysis.stide(data, baseline, args.k).sum())),
        ]
        print(f"{'analysis':<34}{'s':>8}{'rows/s':>14}{'peak RSS MB':>13}  result")
        for name, run in steps:
            start = time.perf_counter()
            result = run()
            elapsed = time.perf_counter() - start
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{name:<34}{elapsed:>8.1f}{args.rows / elapsed:>14,.0f}{rss:>13,.0f}  "
                  f"{result:,}", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"kept {tmp}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
