"""Sequence analysis past memory: n-gram counts, a transition matrix and stide over a synthetic
Parquet dataset of the record schema, through DuckDB and through Dask (observer.analysis on a
dataset path, engine="duckdb" and a two-worker distributed.LocalCluster).

Usage: ``python bench/analysis_scale.py [--rows 100000000] [--engines duckdb,dask] [--dir DIR]
[--keep]``

The dataset is generated first (``generate``, also used by tests/test_dataset.py): processes
of a few program kinds, each a Markov chain over a kind's syscalls, so that n-grams repeat as in
real traces; rows are written as observer writes them (files of the record schema, rows
grouped by pid). Then each analysis runs once per engine, timed, with the peak RSS of this
process (DuckDB runs in it; with Dask, the client that gathers the results: run one engine
per invocation to keep the two apart) and, for Dask, the largest peak RSS of a worker
process. Goal: minutes for 100 M rows on 2 cores with
memory bounded by DuckDB's limit (observer._dataset.MEMORY_LIMIT), or by one file per Dask
task.
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


def peak_rss_kb() -> int:
    """This process's peak RSS in KiB since its last exec (VmHWM): a worker's own, where
    getrusage's would keep the peak of the process that started it."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def run_engine(engine: str, data: Path, baseline: Path, rows: int, k: int) -> None:
    """Times each analysis on engine; for Dask, on a LocalCluster of two worker processes
    of one thread each, reporting the largest peak RSS of a worker."""
    from contextlib import ExitStack

    from observer import analysis

    with ExitStack() as stack:
        used: object = engine
        client = None
        if engine == "dask":
            from dask.distributed import Client, LocalCluster

            cluster = stack.enter_context(LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                memory_limit=0, dashboard_address=None))
            client = stack.enter_context(Client(cluster))
            used = client
        steps = [
            (f"ngram_counts(k={k})", lambda: len(analysis.ngram_counts(data, k, engine=used).counts)),
            ("transition_matrix", lambda: len(analysis.transition_matrix(data, engine=used).states)),
            (f"stide(k={k}) vs a 10% baseline",
             lambda: int(analysis.stide(data, baseline, k, engine=used).sum())),
        ]
        for name, run in steps:
            start = time.perf_counter()
            result = run()
            elapsed = time.perf_counter() - start
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            worker = "-"
            if client is not None:
                peaks = client.run(peak_rss_kb)
                worker = f"{max(peaks.values()) / 1024:,.0f}"
            print(f"{engine:<8}{name:<34}{elapsed:>8.1f}{rows / elapsed:>14,.0f}{rss:>13,.0f}"
                  f"{worker:>11}  {result:,}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000_000)
    parser.add_argument("--processes", type=int, default=1000)
    parser.add_argument("--dir", type=Path, default=None,
                        help="where to write the dataset (default: a temporary directory)")
    parser.add_argument("--keep", action="store_true", help="keep the dataset")
    parser.add_argument("-k", type=int, default=3, help="n-gram length (default 3)")
    parser.add_argument("--engines", default="duckdb,dask",
                        help="comma-separated: duckdb, dask (default both)")
    args = parser.parse_args()

    from observer import analysis

    engines = args.engines.split(",")
    if not set(engines) <= {"duckdb", "dask"}:
        parser.error(f"--engines: duckdb or dask, not {args.engines!r}")

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
        print(f"{'engine':<8}{'analysis':<34}{'s':>8}{'rows/s':>14}{'peak RSS MB':>13}"
              f"{'worker MB':>11}  result")
        for engine in engines:
            run_engine(engine, data, baseline, args.rows, args.k)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"kept {tmp}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
