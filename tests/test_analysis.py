"""observer.analysis against small examples computed by hand."""

from __future__ import annotations

import numpy as np
import pytest

from observer import analysis

pd = pytest.importorskip("pandas")


def test_ngram_counts_of_a_short_sequence() -> None:
    seq = [1, 2, 3, 1, 2, 3, 1]
    assert analysis.ngram_counts(seq, 1).as_dict() == {(1,): 3, (2,): 2, (3,): 2}
    assert analysis.ngram_counts(seq, 2).as_dict() == {(1, 2): 2, (2, 3): 2, (3, 1): 2}
    assert analysis.ngram_counts(seq, 3).as_dict() == {(1, 2, 3): 2, (2, 3, 1): 2, (3, 1, 2): 1}
    assert analysis.ngram_counts(seq, 6).as_dict() == {
        (1, 2, 3, 1, 2, 3): 1, (2, 3, 1, 2, 3, 1): 1}


def test_ngrams_never_span_two_sequences() -> None:
    assert analysis.ngram_counts([[5, 6], [7, 8]], 2).as_dict() == {(5, 6): 1, (7, 8): 1}
    assert analysis.ngram_counts({"a": [5], "b": [6, 7]}, 2).as_dict() == {(6, 7): 1}


def test_ngram_keys_pack_large_numbers_without_collisions() -> None:
    keys = analysis.ngram_keys([1023, 0, 1023, 0, 1023, 0, 1], 6)
    assert len(set(keys.tolist())) == 2
    assert analysis.ngram_counts([1023] * 7, 6).as_dict() == {(1023,) * 6: 2}


def test_ngrams_longer_than_a_packed_key() -> None:
    seq = [1023, 5, 1, 2, 3, 4, 5, 6, 7, 1023, 5, 1, 2, 3, 4, 5, 6, 7]
    counts = analysis.ngram_counts(seq, 8)
    assert counts.as_dict()[(1023, 5, 1, 2, 3, 4, 5, 6)] == 2
    assert counts.counts.sum() == len(seq) - 7
    # The same windows as k = 6 finds, extended: set membership works the same way.
    assert analysis.stide(seq[:9], seq, k=8).tolist() == [False, False]
    assert analysis.stide([9, 9, 9, 9, 9, 9, 9, 9], seq, k=8).tolist() == [True]


def test_bad_k_and_numbers_are_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        analysis.ngram_counts([1, 2], 0)
    with pytest.raises(ValueError, match="0..1023"):
        analysis.ngram_counts([1, 1024], 1)


def test_transition_matrix_rows_sum_to_one() -> None:
    t = analysis.transition_matrix([[0, 1, 0, 2], [0, 1, 1]])
    assert t.states.tolist() == [0, 1, 2]
    # 0->1 twice, 1->0 once, 1->1 once, 0->2 once; 2 is only ever last.
    assert t.counts.tolist() == [[0, 2, 1], [1, 1, 0], [0, 0, 0]]
    assert t.matrix[0].tolist() == pytest.approx([0, 2 / 3, 1 / 3])
    assert t.matrix[1].tolist() == pytest.approx([0.5, 0.5, 0])
    assert t.matrix.sum(axis=1).tolist() == pytest.approx([1, 1, 0])


def test_stide_flags_exactly_the_foreign_windows() -> None:
    baseline = [[1, 2, 3, 4, 1, 2, 3, 4]]
    trace = [1, 2, 3, 4, 9, 2, 3, 4]
    # Windows of 3: 123 234 349* 492* 923* 234 -> three contain the foreign call 9.
    flags = analysis.stide(trace, baseline, k=3)
    assert flags.tolist() == [False, False, True, True, True, False]
    assert analysis.stide_score(trace, baseline, k=3) == pytest.approx(3 / 6)
    assert analysis.stide_score(baseline[0], baseline, k=3) == 0.0
    assert analysis.locality_frame_count(flags, frame=2).tolist() == [0, 0, 1, 2, 2, 1]


def test_tstide_also_flags_rare_windows() -> None:
    baseline = [[1, 2] * 50 + [7, 7]]
    trace = [1, 2, 7, 7, 8]
    # Windows of 2: 12 (common), 27 (seen once in 101), 77 (once), 78 (foreign).
    assert analysis.stide(trace, baseline, k=2).tolist() == [False, False, False, True]
    assert analysis.tstide(trace, baseline, k=2, threshold=0.02).tolist() == [
        False, True, True, True]
    assert analysis.tstide_score(trace, baseline, k=2, threshold=0.02) == 0.75


def test_bag_of_syscalls() -> None:
    matrix, vocabulary = analysis.bag_of_syscalls([[3, 1, 3], [1, 5]])
    assert vocabulary.tolist() == [1, 3, 5]
    assert matrix.tolist() == [[1, 2, 0], [1, 0, 1]]
    freq, _ = analysis.bag_of_syscalls([[3, 1, 3], [1, 5]], vocabulary=[1, 3], normalize=True)
    assert freq == pytest.approx(np.array([[1 / 3, 2 / 3], [1.0, 0.0]]))


def test_sequences_split_by_comm_and_pid_in_order() -> None:
    df = pd.DataFrame({"comm": ["sh", "ls", "sh", "ls", "sh"], "pid": [1, 2, 1, 2, 3],
                       "nr": [10, 20, 11, 21, 12]})
    seqs = analysis.sequences(df)
    assert list(seqs) == [("sh", 1), ("ls", 2), ("sh", 3)]
    assert [s.tolist() for s in seqs.values()] == [[10, 11], [20, 21], [12]]


def test_a_million_syscalls_vectorised() -> None:
    rng = np.random.default_rng(1)
    seq = rng.integers(0, 40, 1_000_000)
    counts = analysis.ngram_counts(seq, 6)
    assert counts.counts.sum() == len(seq) - 5
    assert counts.grams.shape == (len(counts.counts), 6)
    assert (np.diff(counts.counts) <= 0).all()
    t = analysis.transition_matrix(seq)
    assert t.counts.sum() == len(seq) - 1


def test_plots_draw_on_given_axes() -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    df = pd.DataFrame({
        "time": pd.to_datetime([0, 10, 20, 30], unit="ms"),
        "comm": ["a", "a", "b", "b"], "pid": [1, 1, 2, 2], "nr": [0, 1, 0, 0],
        "syscall": ["read", "write", "read", "read"],
    })
    fig, axes = plt.subplots(1, 3)
    analysis.plot_top_syscalls(df, ax=axes[0])
    assert [p.get_width() for p in axes[0].patches] == [1, 3]
    analysis.plot_timeline(df, ax=axes[1])
    assert [t.get_text() for t in axes[1].get_yticklabels()] == ["a:1", "b:2"]
    analysis.plot_transition_heatmap(analysis.transition_matrix(analysis.sequences(df)),
                                     ax=axes[2])
    assert axes[2].images[0].get_array().shape == (2, 2)
    plt.close(fig)


def test_surprisal_ranks_foreign_above_rare_above_common() -> None:
    baseline = [np.array([1, 2, 3] * 50 + [4, 5, 6])]
    common = analysis.ngram_surprisal(np.array([1, 2, 3, 1, 2]), baseline, k=3)
    rare = analysis.ngram_surprisal(np.array([3, 4, 5, 6]), baseline, k=3)
    foreign = analysis.ngram_surprisal(np.array([9, 8, 7, 9]), baseline, k=3)
    assert 0 < common < rare < foreign
    assert analysis.ngram_surprisal(np.array([1]), baseline, k=3) == 0.0


def test_roc_curve_of_perfect_random_and_tied_scores() -> None:
    perfect = analysis.roc_curve([0.9, 0.8, 0.2, 0.1], [True, True, False, False])
    assert perfect.auc == 1.0
    assert perfect.tpr.tolist() == [0.0, 0.5, 1.0, 1.0, 1.0]
    assert perfect.fpr.tolist() == [0.0, 0.0, 0.0, 0.5, 1.0]
    inverted = analysis.roc_curve([0.1, 0.2, 0.8, 0.9], [True, True, False, False])
    assert inverted.auc == 0.0
    # All scores tied: one step from (0, 0) to (1, 1), half the area (Mann-Whitney).
    tied = analysis.roc_curve([0.5] * 4, [True, False, True, False])
    assert tied.auc == 0.5 and tied.fpr.tolist() == [0.0, 1.0]
    # One positive tied with one of two negatives: it beats one and ties one, 0.75.
    assert analysis.roc_curve([0.5, 0.5, 0.1], [True, False, False]).auc == 0.75
    with pytest.raises(ValueError, match="at least one"):
        analysis.roc_curve([0.1, 0.2], [False, False])
    with pytest.raises(ValueError, match="same length"):
        analysis.roc_curve([0.1, 0.2], [True])
