"""The analyses of a dataset on every engine (in memory, DuckDB, Dask) give equal results: a
Hive-partitioned dataset of several hosts whose processes span files, beside an older
observer's flat files, with the same pid on two hosts."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import observer
from observer import _partitions, analysis, arrow, frames

pa = pytest.importorskip("pyarrow")
pytest.importorskip("duckdb")
pytest.importorskip("dask")

ENGINES = ("memory", "duckdb", "dask")


def part(host: str | None, rows: list[tuple[str, int, int]]) -> object:
    """A table of the record schema: (comm, pid, nr) rows of host, made on 2026-05-01."""
    comm, pid, nr = zip(*rows)
    table = pa.table({"time": pa.array([1_777_600_000_000_000_000] * len(rows),
                                       pa.timestamp("ns")),
                      "host": pa.array([host] * len(rows), pa.string()).dictionary_encode(),
                      "comm": pa.array(comm).dictionary_encode(),
                      "pid": pa.array(pid, pa.uint32()), "nr": pa.array(nr, pa.int32())})
    return arrow.conform(table)


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    out = tmp_path / "fleet"
    rng = np.random.default_rng(7)

    def walk(n: int) -> list[int]:
        return rng.choice([0, 1, 3, 9, 39, 257], size=n).tolist()

    # Each add is its own file (max_bytes=1): sh 10 on h1 spans four, one piece of them
    # a single call (shorter than a window's edge), interleaved with other processes.
    for host in ("h1", "h2"):
        stream = frames.ParquetStream(out, clock_offset_ns=0, max_bytes=1, host=host)
        for n, others in ((40, 30), (1, 5), (2, 0), (50, 20)):
            rows = [("sh", 10, nr) for nr in walk(n)]
            rows += [("cat", 11, nr) for nr in walk(others)]
            stream.add(part(host, rows[::-1] if host == "h2" else rows))
        stream.close()
    # An older observer's file: flat, without host or time columns.
    old = pa.table({"pid": pa.array([10] * 30, pa.uint32()),
                    "comm": pa.array(["sh"] * 30).dictionary_encode(),
                    "nr": pa.array(walk(30), pa.int32())})
    import pyarrow.parquet as pq

    pq.write_table(old, out / "part-00000.parquet")
    return out


@pytest.mark.parametrize("k", [1, 2, 3, 6, 7])
def test_ngrams_and_stide_agree_on_every_engine(dataset: Path, tmp_path: Path, k: int) -> None:
    baseline = tmp_path / "baseline"
    stream = frames.ParquetStream(baseline, clock_offset_ns=0, max_bytes=1, host="b")
    stream.add(part("b", [("sh", 10, nr) for nr in [0, 1, 3, 9, 39, 257] * 20]))
    stream.close()
    results = {}
    for engine in ENGINES:
        counts = analysis.ngram_counts(dataset, k, engine=engine)
        flags = analysis.stide(dataset, baseline, k, engine=engine)
        rare = analysis.tstide(dataset, baseline, k, threshold=0.05, engine=engine)
        results[engine] = (counts.grams.tolist(), counts.counts.tolist(), flags.tolist(),
                           rare.tolist())
    assert results["memory"] == results["duckdb"] == results["dask"]
    # Every window once: the pieces of a process across files are one sequence, the same
    # pid on two hosts two sequences, and the old files' host-less one a third.
    seqs = analysis.sequences(arrow.to_frame(observer.read_table(dataset)))
    assert sum(results["dask"][1]) == sum(max(len(s) - k + 1, 0) for s in seqs.values())
    assert {key[:3] for key in seqs if key[2] == 10} == {("h1", "sh", 10), ("h2", "sh", 10),
                                                        (None, "sh", 10)}
    assert len(results["dask"][2]) == sum(results["dask"][1])


def test_transitions_agree_and_bad_engines_are_refused(dataset: Path) -> None:
    matrices = [analysis.transition_matrix(dataset, engine=engine) for engine in ENGINES]
    for other in matrices[1:]:
        np.testing.assert_array_equal(matrices[0].states, other.states)
        np.testing.assert_array_equal(matrices[0].counts, other.counts)
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        analysis.ngram_counts(dataset, 2, engine="spark")


def test_the_partition_values_round_trip_hostile_names(tmp_path: Path) -> None:
    names = ["/", "..", ".", "a/../../b", "line\nbreak", "x" * 80, "caf\u00e9 %2F=",
             "__HIVE_DEFAULT_PARTITION__x"]
    for name in names:
        encoded = _partitions.encode(name)
        # One path component that is neither "." nor "..", whatever the value.
        assert "/" not in encoded and "\n" not in encoded and "\0" not in encoded
        assert _partitions.decode(encoded) == name
    out = tmp_path / "d"
    for name in names:
        stream = frames.ParquetStream(out, clock_offset_ns=0, host=name)
        stream.add(part(name, [("sh", 1, 0)]))
        stream.close()
    assert sorted(p.name for p in out.iterdir()) == sorted(
        "host=" + _partitions.encode(n) for n in names)
    assert [p.parent.parent.parent for p in out.rglob("*.parquet")] == [out] * len(names)
    back = observer.read_table(out)
    assert sorted(back.column("host").to_pylist()) == sorted(names)


@pytest.mark.parametrize("name", ["", "a\0b", "x" * 251, "\u00e9" * 42,
                                  "__HIVE_DEFAULT_PARTITION__"])
def test_host_names_that_cannot_be_a_partition_are_refused(name: str) -> None:
    with pytest.raises(observer.UsageError, match="host="):
        frames.ParquetStream("/nonexistent/never", host=name)
