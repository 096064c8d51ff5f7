"""n-grams of syscall numbers packed into sortable keys, shared by observer.analysis (in
memory) and observer._distributed (on Dask workers). Pure NumPy.

Up to ``MAX_K`` a key is an int64, sum(nr[i + j] * 1024 ** (k - 1 - j)); longer windows are
2k-byte strings of big-endian 16-bit numbers (numpy void), which sort, compare and count the
same way.
"""

from __future__ import annotations

import numpy as np

__all__ = ["MAX_K", "MAX_SYSCALLS", "pack", "unpack", "window_keys"]

MAX_SYSCALLS = 1024
MAX_K = 6  # the longest n-gram packed into one int64 (6 * log2(1024) = 60 bits)


def window_keys(arrays: list[np.ndarray], k: int) -> np.ndarray:
    """The key of every length-k window of every int64 array, in order."""
    windows = [np.lib.stride_tricks.sliding_window_view(seq, k) for seq in arrays
               if len(seq) >= k]
    if k > MAX_K:
        void = np.dtype(f"V{2 * k}")
        rows = [np.ascontiguousarray(w, dtype=">u2").view(void).reshape(-1) for w in windows]
        return np.concatenate(rows) if rows else np.empty(0, dtype=void)
    weights = MAX_SYSCALLS ** np.arange(k - 1, -1, -1, dtype=np.int64)
    parts = [w @ weights for w in windows]
    return np.concatenate(parts) if parts else np.empty(0, dtype=np.int64)


def pack(grams: np.ndarray, k: int) -> np.ndarray:
    """The keys (as ngram_keys makes them) of n-gram rows grams[n, k]."""
    if k > MAX_K:
        void = np.dtype(f"V{2 * k}")
        return np.ascontiguousarray(grams, dtype=">u2").view(void).reshape(-1)
    weights = MAX_SYSCALLS ** np.arange(k - 1, -1, -1, dtype=np.int64)
    packed: np.ndarray = np.asarray(grams, dtype=np.int64).reshape(-1, k) @ weights
    return packed


def unpack(keys: np.ndarray, k: int) -> np.ndarray:
    """(n, k) array of the syscall numbers in keys."""
    if k > MAX_K:
        return np.frombuffer(keys.tobytes(), dtype=">u2").reshape(-1, k).astype(np.int64)
    shifts = MAX_SYSCALLS ** np.arange(k - 1, -1, -1, dtype=np.int64)
    return (keys[:, None] // shifts) % MAX_SYSCALLS
