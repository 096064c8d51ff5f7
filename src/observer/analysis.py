"""Syscall-sequence analysis: n-grams, Markov transitions, stide/t-stide, bags of syscalls, plots.

A *sequence* is a 1-D integer array of syscall numbers in the order one process made them;
``sequences()`` cuts a DataFrame (observer.to_pandas, observer.read_log) into one per (host,
comm, pid) (per (comm, pid) for records without a host column, such as a log's), and
observer.read_split_dir reads them from the formatter's files or ADFA-LD. The counting
functions (``ngram_counts``, ``transition_matrix``, ``stide``, ``tstide`` and their scores)
also take such a DataFrame, or the path of a Parquet dataset (``--format parquet``,
``to_parquet``, or many hosts' datasets copied into one directory). ``engine`` says what
analyses a dataset: ``"duckdb"`` (the default: out of core, in bounded memory;
observer._dataset), ``"dask"`` or a ``distributed.Client`` (one task per file on the
cluster's workers; observer._distributed) or ``"memory"`` (read whole, then as in memory).
Every engine gives the same results.

In memory, an n-gram of length k <= 6 is packed into one int64, base ``MAX_SYSCALLS`` (1024, the
in-kernel filter's bound, so numbers must be 0..1023), which turns counting and set membership
into ``numpy.unique`` and ``numpy.isin`` over packed keys: a million syscalls take well under a
second per k. Longer n-grams are fixed-size byte strings handled by the same functions. Windows
never span two sequences.

stide (Forrest et al., "A sense of self for Unix processes", 1996) flags each length-k window of
a trace that never occurs in the baseline ("foreign"); t-stide (Warrender et al., 1999) also
flags windows that are rare in the baseline. Pure functions, thread-safe; matplotlib is imported
only by the plot functions, pandas only by the functions that take or return DataFrames.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Union

import numpy as np

from observer import _dataset
from observer._ngrams import MAX_K, MAX_SYSCALLS, window_keys
from observer._ngrams import pack as _pack
from observer._ngrams import unpack as _unpack
from observer._partitions import dataset_files

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = [
    "ENGINES",
    "Engine",
    "MAX_K",
    "MAX_SYSCALLS",
    "NGramCounts",
    "RocCurve",
    "Transitions",
    "bag_of_syscalls",
    "locality_frame_count",
    "ngram_counts",
    "ngram_keys",
    "ngram_surprisal",
    "plot_roc",
    "plot_timeline",
    "plot_top_syscalls",
    "plot_transition_heatmap",
    "roc_curve",
    "sequences",
    "stide",
    "stide_score",
    "transition_matrix",
    "tstide",
    "tstide_score",
]


SequenceLike = Union[np.ndarray, Sequence[int]]
SequencesLike = Union[SequenceLike, Iterable[SequenceLike], Mapping[Any, SequenceLike]]
#: What the counting functions take: sequences, a DataFrame of records, or a dataset path.
Source = Union[SequencesLike, "pd.DataFrame", str, "os.PathLike[str]"]
#: What analyses a dataset path: a name of ENGINES, a distributed.Client, or None (DuckDB).
Engine = Union[str, Any, None]
ENGINES = ("duckdb", "dask", "memory")


def sequences(df: pd.DataFrame) -> dict[tuple[Any, ...], np.ndarray]:
    """One int32 array of syscall numbers per (host, comm, pid), in row order, keyed in
    first-seen order; records without a host column (a log's) per (comm, pid). A null host
    (records of an older observer) is None.

    A process that execs changes comm, so its syscalls before and after the exec are two
    sequences, as in the formatter's files; the same pid on two hosts is two processes. A
    pid used again on one host (once pids wrapped, pid_max processes later) by a program of the
    same name continues the first one's sequence, as its lines would continue the
    formatter's ``<comm>:<pid>.log``: a trace that long is best split by time first.
    """
    import pandas as pd

    if df.empty:
        return {}
    names = ["host", "comm", "pid"] if "host" in df.columns else ["comm", "pid"]
    combined = np.zeros(len(df), dtype=np.int64)
    for name in names:
        # Null is a value of its own here (a code past the others), not a row left out.
        column_codes, column_values = pd.factorize(df[name], sort=False)
        column_codes = np.where(column_codes < 0, len(column_values), column_codes)
        combined = combined * (len(column_values) + 1) + column_codes
    codes, _ = pd.factorize(combined)
    order = np.argsort(codes, kind="stable")
    bounds = np.flatnonzero(np.diff(codes[order])) + 1
    firsts = order[np.r_[0, bounds]]
    nrs = df["nr"].to_numpy(dtype=np.int32)[order]
    keys = df[names].iloc[firsts].itertuples(index=False, name=None)

    def key(values: tuple[Any, ...]) -> tuple[Any, ...]:
        *host, comm, pid = values
        return (*(None if pd.isna(h) else str(h) for h in host), str(comm), int(pid))

    return {key(values): part for values, part in zip(keys, np.split(nrs, bounds))}


def _engine(engine: Engine) -> Engine:
    """engine, checked: a name of ENGINES, a distributed.Client (has submit and gather), or
    None; raises ValueError."""
    if engine is None or (engine in ENGINES if isinstance(engine, str) else
                          hasattr(engine, "submit") and hasattr(engine, "gather")):
        return engine
    raise ValueError(f"unknown engine {engine!r}: expected one of {', '.join(ENGINES)} or a "
                     "distributed.Client")


def _dataset_sequences(path: str | os.PathLike[str]) -> dict[tuple[Any, ...], np.ndarray]:
    """The sequences of a dataset path, read whole (engine="memory")."""
    from observer.arrow import to_frame
    from observer.frames import read_table

    if not dataset_files(path):  # an empty directory: an empty dataset, as on the others
        return {}
    table = read_table(os.fspath(path), format="parquet").select(["host", "comm", "pid", "nr"])
    return sequences(to_frame(table))


def _in_memory(seqs: Any) -> Any:
    """A DataFrame of records as its sequences(); anything else as it is."""
    if hasattr(seqs, "columns") and hasattr(seqs, "iloc"):
        return sequences(seqs)
    return seqs


def _as_list(seqs: SequencesLike) -> list[np.ndarray]:
    """A sequence, a list of sequences or a {key: sequence} mapping, as a list of int64 arrays."""
    seqs = _in_memory(seqs)
    if isinstance(seqs, Mapping):
        items = list(seqs.values())
    elif isinstance(seqs, np.ndarray) and seqs.ndim == 1:
        items = [seqs]
    else:
        items = list(seqs)
        if items and np.ndim(items[0]) == 0:
            items = [np.asarray(items)]
    arrays = [np.asarray(item, dtype=np.int64).reshape(-1) for item in items]
    for array in arrays:
        if array.size and (array.min() < 0 or array.max() >= MAX_SYSCALLS):
            raise ValueError(f"syscall numbers must be 0..{MAX_SYSCALLS - 1}")
    return arrays


def _check_k(k: int) -> None:
    if k < 1:
        raise ValueError(f"n-gram length must be at least 1, not {k}")


def ngram_keys(seqs: SequencesLike, k: int) -> np.ndarray:
    """The key of every length-k window of every sequence, in order.

    Up to ``MAX_K`` the key is an int64, sum(nr[i + j] * 1024 ** (k - 1 - j)) (decode with
    ``divmod`` by powers of 1024); longer windows are 2k-byte strings of big-endian 16-bit
    numbers (numpy void), which sort, compare and count the same way, at 2k bytes a window.
    """
    _check_k(k)
    return window_keys(_as_list(seqs), k)


class NGramCounts(NamedTuple):
    """Distinct n-grams (``grams[i]``, a row of k syscall numbers) and how often each occurs,
    most frequent first (ties in n-gram order)."""

    grams: np.ndarray
    counts: np.ndarray

    def as_dict(self) -> dict[tuple[int, ...], int]:
        """``{(nr, ...): count}``; builds one Python tuple per distinct n-gram."""
        return {tuple(gram): count for gram, count in zip(self.grams.tolist(),
                                                          self.counts.tolist())}


def ngram_counts(seqs: Source, k: int, engine: Engine = None) -> NGramCounts:
    """How often each length-k window occurs in seqs (sequences, a DataFrame of records or a
    Parquet dataset path, analysed by ``engine``)."""
    _check_k(k)
    engine = _engine(engine)
    if isinstance(seqs, (str, os.PathLike)):
        if engine == "memory":
            return ngram_counts(_dataset_sequences(seqs), k)
        if engine not in (None, "duckdb"):
            from observer import _distributed

            return NGramCounts(*_distributed.ngram_table(seqs, k, engine))
        return NGramCounts(*_dataset.ngram_table(seqs, k))
    keys, counts = np.unique(ngram_keys(seqs, k), return_counts=True)
    order = np.argsort(-counts, kind="stable")
    return NGramCounts(_unpack(keys[order], k), counts[order])


class Transitions(NamedTuple):
    """A first-order Markov chain over syscalls.

    ``states`` are the syscall numbers seen (sorted); ``counts[i, j]`` is how often
    ``states[j]`` directly followed ``states[i]``; ``matrix`` is ``counts`` with each row divided
    by its sum, so every row with an outgoing transition sums to 1 (a state seen only at the end
    of sequences has an all-zero row).
    """

    states: np.ndarray
    counts: np.ndarray
    matrix: np.ndarray


def transition_matrix(seqs: Source, engine: Engine = None) -> Transitions:
    """Estimate the syscall-to-syscall transition probabilities of seqs (maximum likelihood);
    seqs may be a DataFrame of records or a Parquet dataset path (analysed by ``engine``)."""
    engine = _engine(engine)
    if isinstance(seqs, (str, os.PathLike)) and engine == "memory":
        seqs = _dataset_sequences(seqs)
    if isinstance(seqs, (str, os.PathLike)):
        if engine not in (None, "duckdb"):
            from observer import _distributed

            states = _distributed.distinct_numbers(seqs, engine)
        else:
            states = _dataset.distinct_numbers(seqs)
        pairs = ngram_counts(seqs, 2, engine)
    else:
        arrays = _as_list(seqs)
        states = np.unique(np.concatenate(arrays)) if arrays else np.empty(0, dtype=np.int64)
        pairs = ngram_counts(arrays, 2)
    n = len(states)
    counts = np.zeros((n, n), dtype=np.int64)
    if len(pairs.counts):
        rows, cols = np.searchsorted(states, pairs.grams[:, 0]), np.searchsorted(
            states, pairs.grams[:, 1])
        counts[rows, cols] = pairs.counts
    totals = counts.sum(axis=1, keepdims=True)
    matrix = np.divide(counts, totals, out=np.zeros((n, n)), where=totals > 0)
    return Transitions(states, counts, matrix)


def _flags(trace: Source, common: np.ndarray, k: int, engine: Engine = None) -> np.ndarray:
    """For each length-k window of trace, True if it is not a row of common (n-grams)."""
    if isinstance(trace, (str, os.PathLike)) and engine == "memory":
        trace = _dataset_sequences(trace)
    if isinstance(trace, (str, os.PathLike)):
        if engine not in (None, "duckdb"):
            from observer import _distributed

            return _distributed.window_flags(trace, k, common, engine)
        return _dataset.window_flags(trace, k, common)
    result: np.ndarray = ~np.isin(ngram_keys(trace, k), _pack(common, k))
    return result


def stide(trace: Source, baseline: Source, k: int = 6, engine: Engine = None) -> np.ndarray:
    """For each length-k window of trace, True if it never occurs in baseline (foreign).
    Either may be a DataFrame of records or a Parquet dataset path (analysed by
    ``engine``)."""
    engine = _engine(engine)
    return _flags(trace, ngram_counts(baseline, k, engine).grams, k, engine)


def stide_score(trace: Source, baseline: Source, k: int = 6, engine: Engine = None) -> float:
    """The fraction of trace's length-k windows that are foreign to baseline (0 if none)."""
    flags = stide(trace, baseline, k, engine)
    return float(flags.mean()) if flags.size else 0.0


def tstide(trace: Source, baseline: Source, k: int = 6,
           threshold: float = 0.001, engine: Engine = None) -> np.ndarray:
    """t-stide: True for windows that are foreign or make up less than ``threshold`` of the
    baseline's windows (Warrender, Forrest and Pearlmutter 1999 use 0.001). Either may be a
    DataFrame of records or a Parquet dataset path (analysed by ``engine``)."""
    engine = _engine(engine)
    base = ngram_counts(baseline, k, engine)
    common = base.grams[base.counts / max(int(base.counts.sum()), 1) >= threshold]
    return _flags(trace, common, k, engine)


def tstide_score(trace: Source, baseline: Source, k: int = 6,
                 threshold: float = 0.001, engine: Engine = None) -> float:
    """The fraction of trace's windows flagged by tstide (0 if none)."""
    flags = tstide(trace, baseline, k, threshold, engine)
    return float(flags.mean()) if flags.size else 0.0


def ngram_surprisal(trace: SequencesLike, baseline: SequencesLike, k: int = 3) -> float:
    """The mean surprisal, in bits, of trace's length-k windows under the baseline's n-gram
    frequencies: -log2((count + 1) / (total + distinct + 1)) per window, so a foreign window
    costs the most and a common one little (add-one smoothing keeps foreign windows finite).
    The frequency-based score next to stide's set membership; 0 for a trace without windows."""
    base_keys, base_counts = np.unique(ngram_keys(baseline, k), return_counts=True)
    keys = ngram_keys(trace, k)
    if not keys.size:
        return 0.0
    count = np.zeros(keys.shape, dtype=np.float64)
    if base_keys.size:
        pos = np.clip(np.searchsorted(base_keys, keys), 0, len(base_keys) - 1)
        count = np.where(base_keys[pos] == keys, base_counts[pos], 0).astype(np.float64)
    denominator = base_counts.sum() + base_keys.size + 1
    return float(np.mean(-np.log2((count + 1) / denominator)))


class RocCurve(NamedTuple):
    """A receiver operating characteristic: at each threshold (descending), the share of
    positives (anomalous runs) and of negatives (normal runs) scoring at or above it."""

    fpr: np.ndarray
    tpr: np.ndarray
    thresholds: np.ndarray
    auc: float


def roc_curve(scores: Sequence[float] | np.ndarray,
              labels: Sequence[bool] | np.ndarray) -> RocCurve:
    """The ROC curve and its area for scores where higher means more anomalous; labels are
    True for anomalous. The curve starts at (0, 0) and ends at (1, 1); tied scores move both
    rates at once, so the area counts a tie as half (the Mann-Whitney statistic). Raises
    ValueError unless there is at least one of each label and as many labels as scores."""
    score = np.asarray(scores, dtype=np.float64)
    label = np.asarray(labels, dtype=bool)
    if score.shape != label.shape or score.ndim != 1:
        raise ValueError("scores and labels must be 1-D and of the same length")
    positives, negatives = int(label.sum()), int((~label).sum())
    if not positives or not negatives:
        raise ValueError("a ROC curve needs at least one anomalous and one normal run")
    order = np.argsort(-score, kind="stable")
    score, label = score[order], label[order]
    # One point per distinct score: the last index of each run of equal scores.
    last = np.r_[np.flatnonzero(np.diff(score)), score.size - 1]
    tp = np.cumsum(label)[last]
    fp = np.cumsum(~label)[last]
    tpr = np.r_[0.0, tp / positives]
    fpr = np.r_[0.0, fp / negatives]
    area = float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
    return RocCurve(fpr, tpr, np.r_[np.inf, score[last]], area)


def locality_frame_count(flags: np.ndarray, frame: int = 20) -> np.ndarray:
    """Mismatches among the last ``frame`` windows at each window (Forrest et al.'s LFC).

    Anomalies cluster, so a high LFC is a stronger signal than a scattered mismatch rate.
    """
    counts = np.cumsum(np.asarray(flags, dtype=np.int64))
    shifted = np.concatenate([np.zeros(frame, dtype=np.int64), counts])[: len(counts)]
    result: np.ndarray = counts - shifted
    return result


def bag_of_syscalls(seqs: SequencesLike, vocabulary: np.ndarray | None = None,
                    normalize: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Counts of each syscall per sequence: ``(matrix[n_sequences, n_vocabulary], vocabulary)``.

    ``vocabulary`` defaults to the sorted syscall numbers seen; numbers outside it are ignored.
    With ``normalize`` rows are frequencies (each non-empty row sums to 1).
    """
    arrays = _as_list(seqs)
    if vocabulary is None:
        vocabulary = (np.unique(np.concatenate(arrays)) if arrays
                      else np.empty(0, dtype=np.int64))
    vocabulary = np.asarray(vocabulary, dtype=np.int64)
    lookup = np.full(MAX_SYSCALLS, -1, dtype=np.int64)
    lookup[vocabulary] = np.arange(len(vocabulary))
    matrix = np.zeros((len(arrays), len(vocabulary)), dtype=np.int64)
    for row, seq in enumerate(arrays):
        idx = lookup[seq]
        matrix[row] = np.bincount(idx[idx >= 0], minlength=len(vocabulary))
    if normalize:
        totals = matrix.sum(axis=1, keepdims=True)
        return np.divide(matrix, totals, out=np.zeros(matrix.shape), where=totals > 0), vocabulary
    return matrix, vocabulary


# Plots -----------------------------------------------------------------------------------------


def _axes(ax: Axes | None, **figure: Any) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(**figure)
    axes: Axes = new
    return axes


def _label(nr: int) -> str:
    from observer import syscalls

    try:
        return syscalls.name(int(nr)) or str(nr)
    except Exception:  # a machine without a table: numbers are still meaningful
        return str(nr)


def plot_top_syscalls(df: pd.DataFrame, n: int = 15, by: str | None = None,
                      ax: Axes | None = None) -> Axes:
    """Horizontal bars of the n most frequent syscalls; with ``by`` (e.g. "comm"), stacked."""
    ax = _axes(ax, figsize=(7, 0.3 * n + 1))
    top = df["syscall"].value_counts().head(n)
    if by is None:
        top[::-1].plot.barh(ax=ax)
    else:
        table = (df[df["syscall"].isin(top.index)].groupby(["syscall", by]).size()
                 .unstack(fill_value=0).reindex(top.index[::-1]))
        table.plot.barh(ax=ax, stacked=True)
    ax.set_xlabel("calls")
    ax.set_ylabel("")
    ax.set_title(f"top {len(top)} syscalls")
    return ax


def plot_timeline(df: pd.DataFrame, n: int = 8, ax: Axes | None = None) -> Axes:
    """One row per process (comm:pid): a dot per syscall at its time, coloured by syscall for
    the n most frequent ones. Needs the ``time`` column (capture_time)."""
    ax = _axes(ax, figsize=(9, 3))
    timed = df[df["time"].notna()] if "time" in df else df.iloc[:0]
    if timed.empty:
        raise ValueError("no timestamps: trace with capture_time=True")
    lanes = (timed["comm"].astype(str) + ":" + timed["pid"].astype(str))
    order = list(dict.fromkeys(lanes))
    lane = lanes.map({name: i for i, name in enumerate(order)}).to_numpy()
    seconds = (timed["time"] - timed["time"].min()).dt.total_seconds().to_numpy()
    top = list(timed["syscall"].value_counts().index[:n])
    names = timed["syscall"].to_numpy()
    other = ~np.isin(names, top)
    ax.scatter(seconds[other], lane[other], s=4, c="lightgray", label="other", marker="|")
    for name in top:
        mask = names == name
        ax.scatter(seconds[mask], lane[mask], s=12, label=name, marker="|")
    ax.set_yticks(range(len(order)), order)
    ax.set_xlabel("seconds since the first syscall")
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize="small", frameon=False)
    return ax


def plot_roc(curves: Mapping[str, RocCurve], ax: Axes | None = None) -> Axes:
    """ROC curves of several scores on one plot, each labelled with its area."""
    ax = _axes(ax, figsize=(4.5, 4.5))
    for name, curve in curves.items():
        ax.step(curve.fpr, curve.tpr, where="post", label=f"{name} (AUC {curve.auc:.2f})")
    ax.plot([0, 1], [0, 1], color="lightgray", linestyle="--", linewidth=1)
    ax.set_xlabel("false positive rate (normal runs flagged)")
    ax.set_ylabel("true positive rate (anomalous runs flagged)")
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.legend(loc="lower right", fontsize="small")
    return ax


def plot_transition_heatmap(transitions: Transitions, n: int = 15,
                            ax: Axes | None = None) -> Axes:
    """The transition probabilities among the n most frequent source syscalls, as a heatmap."""
    ax = _axes(ax, figsize=(7, 6))
    busiest = np.argsort(-transitions.counts.sum(axis=1), kind="stable")[:n]
    matrix = transitions.matrix[np.ix_(busiest, busiest)]
    labels = [_label(transitions.states[i]) for i in busiest]
    image = ax.imshow(matrix, cmap="viridis", vmin=0.0, vmax=1.0)
    ax.set_xticks(range(len(labels)), labels, rotation=90, fontsize="small")
    ax.set_yticks(range(len(labels)), labels, fontsize="small")
    ax.set_xlabel("next syscall")
    ax.set_ylabel("syscall")
    ax.figure.colorbar(image, ax=ax, label="P(next | syscall)")
    return ax
