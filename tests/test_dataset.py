"""observer.analysis on a Parquet dataset (DuckDB, out of core) gives exactly the results of the
same analysis on the dataset read into pandas."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from observer import analysis

pd = pytest.importorskip("pandas")
pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")


@pytest.fixture(scope="module")
def datasets(tmp_path_factory: pytest.TempPathFactory,
             bench_script: Callable[[str], ModuleType]) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("datasets")
    scale = bench_script("analysis_scale")
    trace = scale.generate(tmp / "trace", rows=20_000, processes=30, files=3, seed=1)
    baseline = scale.generate(tmp / "baseline", rows=5_000, processes=8, files=2, seed=2)
    return trace, baseline


@pytest.mark.parametrize("k", [1, 3, 7])
def test_ngram_counts_match(datasets: tuple[Path, Path], k: int) -> None:
    trace, _ = datasets
    frame = pd.read_parquet(trace)
    duck = analysis.ngram_counts(trace, k)
    memory = analysis.ngram_counts(frame, k)
    assert len(duck.counts) > 10
    np.testing.assert_array_equal(duck.grams, memory.grams)
    np.testing.assert_array_equal(duck.counts, memory.counts)
    assert duck.counts.sum() == sum(max(len(s) - k + 1, 0)
                                    for s in analysis.sequences(frame).values())


def test_transition_matrix_matches(datasets: tuple[Path, Path]) -> None:
    trace, _ = datasets
    duck = analysis.transition_matrix(str(trace))
    memory = analysis.transition_matrix(pd.read_parquet(trace))
    np.testing.assert_array_equal(duck.states, memory.states)
    np.testing.assert_array_equal(duck.counts, memory.counts)
    np.testing.assert_array_equal(duck.matrix, memory.matrix)


@pytest.mark.parametrize("k", [2, 4])
def test_stide_and_tstide_match_in_every_combination(datasets: tuple[Path, Path],
                                                     k: int) -> None:
    trace, baseline = datasets
    trace_frame, baseline_frame = pd.read_parquet(trace), pd.read_parquet(baseline)
    memory = analysis.stide(trace_frame, baseline_frame, k)
    assert 0 < memory.sum() < memory.size
    for t in (trace, trace_frame):
        for b in (baseline, baseline_frame):
            np.testing.assert_array_equal(analysis.stide(t, b, k), memory)
    rare = analysis.tstide(trace_frame, baseline_frame, k, threshold=0.01)
    assert rare.sum() > memory.sum()
    np.testing.assert_array_equal(analysis.tstide(trace, baseline, k, threshold=0.01), rare)
    assert analysis.stide_score(trace, baseline, k) == pytest.approx(memory.mean())


def test_a_missing_dataset_is_an_error_and_an_empty_one_has_no_windows(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such Parquet dataset"):
        analysis.ngram_counts(tmp_path / "missing.parquet", 2)
    with pytest.raises(FileNotFoundError, match="no Parquet files match"):
        analysis.ngram_counts(str(tmp_path / "*.parquet"), 2)
    # A directory a tracer has not written into yet: no windows, as from no sequences.
    counts = analysis.ngram_counts(tmp_path, 2)
    assert counts.grams.shape == (0, 2) and counts.counts.size == 0
    assert analysis.stide(tmp_path, [[1, 2, 3]], 2).size == 0
    assert analysis.transition_matrix(tmp_path).states.size == 0
