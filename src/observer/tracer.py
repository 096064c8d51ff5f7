"""``observer.Tracer``: trace syscalls from Python and receive them as Arrow or NumPy batches.

The options are the command line's (``-p``, ``-s``, ``-n``, ``-f``, ``-- CMD``) and are validated
by the same functions. Records reach Python only in batches: the C++ core polls the ring buffer
with the GIL released and copies every record into columns (an Arrow record batch of the record
schema, observer.arrow) or a NumPy structured array that Python then owns, so the cost per
syscall on the Python side is a share of one batch, not a Python call.

Thread-safety: a Tracer is used from one thread. Minimum kernel: Linux 5.11 (5.17 for ``comms``).
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any

from observer import _core, _session, syscalls
from observer._session import POLL_MS
from observer._errors import UsageError

if TYPE_CHECKING:
    from pathlib import Path

    import numpy as np
    import pandas as pd
    import pyarrow as pa

__all__ = ["Tracer", "clock_offset_ns", "event_dtype"]

#: The NumPy dtype of one record, mirroring bpf/syscalls.h struct event.
event_dtype = _core.event_dtype()



def clock_offset_ns(samples: int = 5) -> int:
    """CLOCK_REALTIME minus CLOCK_MONOTONIC, in ns: add it to a record's ``ts_ns`` for wall time.

    The kernel stamps records with ``bpf_ktime_get_ns()`` (CLOCK_MONOTONIC). The offset is read
    ``samples`` times, each bracketed by two monotonic reads, and the tightest bracket wins, so
    the error is at most that bracket (well under a microsecond). It changes only when the wall
    clock is stepped (NTP, settimeofday). Thread-safe.
    """
    best: tuple[int, int] | None = None
    for _ in range(samples):
        before = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
        real = time.clock_gettime_ns(time.CLOCK_REALTIME)
        after = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
        if best is None or after - before < best[0]:
            best = (after - before, real - (before + after) // 2)
    assert best is not None
    return best[1]


def _strings(values: int | str | Iterable[int | str] | None) -> list[str]:
    """The CLI's repeatable-option form of a Python argument: 5, "5,6", [5, "6"] all work."""
    if values is None:
        return []
    if isinstance(values, (int, str)):
        return [str(values)]
    return [str(value) for value in values]


class Tracer:
    """Trace syscalls of processes, a command, programs by name, or the whole system.

    Use it as a context manager: ``__enter__`` loads and attaches the BPF programs (and starts
    ``command``), ``__exit__`` detaches them and ends the command::

        with observer.Tracer(command=["ls", "/"], syscalls="openat,read") as tracer:
            df = tracer.to_pandas()

    Arguments mirror the command line: ``pids`` (-p: ints or comma-separated strings),
    ``syscalls`` (-s: names or numbers), ``comms`` (-n), ``follow`` (-f) and ``command``
    (``-- CMD ARGS``, started gated so its first syscall is traced). With none of ``pids``,
    ``command`` and ``comms`` the whole system is traced, except this process.
    ``capture_time`` stamps each record (``ts_ns``, CLOCK_MONOTONIC; the DataFrame's ``time``
    column); ``capture_exit`` records at syscall exit with the return value and duration.
    ``ring_size`` is the ring buffer size in MiB (a power of two, as ``--ring-size``). A thread
    of the C++ core drains the ring as records come, also while Python is busy elsewhere;
    ``backlog_size`` (MiB, as ``--backlog``; default 16 ring sizes, at most 1024) bounds what
    it holds until batches() takes it, and what does not fit is counted in ``dropped``.

    Raises UsageError for bad options, TracerPermissionError without privileges and the other
    ObserverError subclasses when the kernel refuses the programs. Not thread-safe.
    """

    def __init__(
        self,
        pids: int | str | Iterable[int | str] | None = None,
        syscalls: int | str | Iterable[int | str] | None = None,
        comms: str | Iterable[str] | None = None,
        follow: bool = False,
        command: str | Iterable[str] | None = None,
        *,
        capture_time: bool = True,
        capture_exit: bool = False,
        ring_size: int = 16,
        backlog_size: int | None = None,
    ) -> None:
        self.pids = _session.parse_pids(_strings(pids))
        self.syscalls = _syscall_numbers(syscalls)
        self.comms = _session.parse_comms(_strings(comms))
        self.follow = follow
        # str or bytes (arguments need not be UTF-8); kept as str, bytes as surrogates.
        commands = [command] if isinstance(command, (str, bytes)) else list(command or [])
        self.command = [os.fsdecode(c) for c in commands]
        self.capture_time = capture_time
        self.capture_exit = capture_exit
        if ring_size <= 0 or ring_size & (ring_size - 1) or ring_size > 1024:
            raise UsageError(f"ring size must be a power of two from 1 to 1024 MiB, not {ring_size}")
        self.ring_size = ring_size
        if backlog_size is not None and not 1 <= backlog_size <= 1 << 20:
            raise UsageError(f"backlog size must be from 1 to 1048576 MiB, not {backlog_size}")
        self.backlog_size = backlog_size
        if self.pids and self.command:
            raise UsageError("give either pids or command, not both")
        #: CLOCK_REALTIME - CLOCK_MONOTONIC when the tracer started (see clock_offset_ns()).
        self.clock_offset_ns = 0
        #: The command's exit status (128 + N if killed by signal N), once it has ended.
        self.exit_status: int | None = None
        self._core: Any = None
        self._child: Any = None
        self._done = False
        self._drained = False  # batches() ran to the end of the trace
        self._counters: Any = None

    # Lifecycle -------------------------------------------------------------------------------

    def __enter__(self) -> Tracer:
        self.open()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def open(self) -> None:
        """Load and attach the programs, then let ``command`` start. Called by ``with``."""
        if self._counters is not None:
            raise UsageError("this Tracer is closed: create a new one to trace again")
        if self._core is not None:
            raise UsageError("this Tracer is already open")
        self.pids = _session.resolve_pids(self.pids)
        path = _session.resolve_command(self.command[0]) if self.command else ""
        self._child = (_core.Child(os.fsencode(path), _session.fs_bytes(self.command))
                       if self.command else None)
        try:
            self._load()
        except BaseException:
            # The command waits for its release: end it rather than leave it waiting.
            if self._child is not None:
                self._child.kill(signal.SIGKILL)
                self._child.wait()
                self._child = None
            self._core = None
            raise

    def _load(self) -> None:
        spec = _core.Spec()
        spec.pids = self.pids + ([self._child.pid] if self._child else [])
        spec.syscalls = self.syscalls
        spec.comms = _session.fs_bytes(self.comms)
        spec.follow = self.follow
        spec.capture_time = self.capture_time
        spec.capture_exit = self.capture_exit
        spec.ring_size = self.ring_size << 20
        spec.backlog_size = (self.backlog_size or 0) << 20
        self._targeted = bool(spec.pids) and not self.comms
        self.clock_offset_ns = clock_offset_ns()
        self._core = _core.Tracer(spec)
        self._core.attach()
        # A target that died between the check and its insertion would never be seen exiting;
        # nor would a zombie, which kill(pid, 0) still finds.
        for pid in self.pids:
            if _session.has_exited(pid):
                self._core.erase_pid(pid)
        if self._child:
            self._child.release()

    def close(self) -> None:
        """Detach, end ``command`` (SIGTERM, then SIGKILL) and keep the final counters.

        Records still in the ring or the backlog are dropped unless batches() ran to its end.
        Idempotent.
        """
        if self._core is None or self._counters is not None:
            return
        self._core.detach()
        self._done = True
        if self._child is not None:
            self.exit_status = _session.finish_child(self._child)
        self._counters = self._core.counters()

    # Counters -------------------------------------------------------------------------------

    def _counter(self, name: str) -> int:
        if self._counters is not None:
            return int(getattr(self._counters, name))
        if self._core is None:
            return 0
        return int(getattr(self._core.counters(), name))

    @property
    def lost(self) -> int:
        """Records the kernel could not queue because the ring buffer was full."""
        return self._counter("lost")

    @property
    def dropped(self) -> int:
        """Records drained from the ring but dropped because the backlog (``backlog_size``)
        was full: batches were not taken for that long."""
        return self._counter("dropped")

    @property
    def untraced_forks(self) -> int:
        """Children not followed (``follow``) because the traced-process map was full."""
        return self._counter("untraced_forks")

    @property
    def traced_alive(self) -> int:
        """Traced processes still running."""
        return self._counter("traced_alive")

    # Records --------------------------------------------------------------------------------

    def batches(self, timeout: float | None = None, format: str = "arrow"
                ) -> Iterator[pa.RecordBatch] | Iterator[np.ndarray]:
        """Yield batches of records as the kernel fills the ring.

        ``format="arrow"`` (the default) yields ``pyarrow.RecordBatch``es of the record schema
        (observer.arrow: fixed fields, names, errno names and, when captured, paths, argv
        and data), built in C++; pyarrow, pandas (``to_pandas(types_mapper=pd.ArrowDtype)``),
        Polars (``pl.from_arrow``) and DuckDB take their columns without copying them.
        ``format="numpy"`` yields arrays of dtype ``observer.event_dtype``: the fixed fields
        only, the fastest form, without pyarrow.

        Ends when ``timeout`` seconds have passed since the call, or, when tracing ``pids`` or
        ``command`` (without ``comms``), once every traced process has exited; then the
        programs are detached and the rest of the ring is drained, so no record of a finished
        run is lost. Without either it runs until the caller stops iterating or Ctrl-C.

        Each poll waits at most 10 ms in C++ with the GIL released (other Python threads run);
        the interpreter handles pending signals between polls, so Ctrl-C raises
        KeyboardInterrupt within about 10 ms. Each batch owns its memory (a copy of the
        records, never a view into the ring) and stays valid after the tracer is closed.
        """
        if format not in ("arrow", "numpy"):
            raise UsageError(f"unknown batch format {format!r}: expected 'arrow' or 'numpy'")
        if self._core is None:
            raise UsageError("open the Tracer first: 'with observer.Tracer(...) as tracer:'")
        if self._drained:
            raise UsageError("this Tracer's records were already read (batches() runs once, to "
                             "the end of the trace); keep the result of the first call")
        if self._done:
            raise UsageError("this Tracer is closed: its records were dropped with it")
        sink, take = _batch_sink(format, self.clock_offset_ns)
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            self._core.poll(sink, POLL_MS)
            yield from take()
            if deadline is not None and time.monotonic() >= deadline:
                break
            if self._targeted and self._core.counters().traced_alive <= 0:
                break
        self._core.detach()
        self._core.drain(sink)
        self._done = self._drained = True
        yield from take()

    def events(self, timeout: float | None = None, format: str = "arrow"
               ) -> pa.Table | np.ndarray:
        """All records of batches(timeout, format) at once: a ``pyarrow.Table``, or with
        ``format="numpy"`` one array."""
        if format == "numpy":
            import numpy as np

            parts = list(self.batches(timeout, format))
            return np.concatenate(parts) if parts else np.empty(0, dtype=event_dtype)
        from observer.arrow import _table

        return _table(self.batches(timeout, format))

    def to_pandas(self, timeout: float | None = None, dtype_backend: str = "numpy_nullable"
                  ) -> pd.DataFrame:
        """The records of batches(timeout) as a DataFrame of the record schema (see
        observer.arrow.to_frame; ``dtype_backend="pyarrow"`` wraps the columns, no copy)."""
        from observer.arrow import to_frame

        return to_frame(self.batches(timeout), dtype_backend)

    def to_parquet(self, path: str | Path, timeout: float | None = None) -> int:
        """Write the records of batches(timeout) into the Parquet dataset directory ``path``
        as they come (observer.frames.ParquetStream: bounded memory, each finished file
        readable after a kill); returns the rows written."""
        from observer.frames import ParquetStream

        stream = ParquetStream(path, self.clock_offset_ns)
        for batch in self.batches(timeout):
            stream.add(batch)
        stream.close()
        return stream.written

    def run(self, callback: Callable[[Any], object], timeout: float | None = None) -> int:
        """Call ``callback(record)`` once per record, BCC style; returns how many records.

        Slow by design: one Python call per syscall costs far more than the kernel side (see
        bench/python_api.py), so a busy target fills the backlog and records are dropped
        (``dropped``).
        Prefer batches(). ``record`` is a NumPy structured scalar (``record["nr"]``,
        ``record["comm"]``); it is only valid during the call unless copied.
        """
        count = 0
        for batch in self.batches(timeout, format="numpy"):
            for record in batch:
                callback(record)
            count += len(batch)
        return count


def _batch_sink(format: str, clock_offset_ns: int) -> tuple[Any, Callable[[], list[Any]]]:
    """The C++ sink of a batch format and the function that takes its batches."""
    if format == "numpy":
        arrays = _core.BatchSink()

        def take_arrays() -> list[Any]:
            batch = arrays.take()
            return [batch] if len(batch) else []

        return arrays, take_arrays
    try:
        from observer.arrow import import_batch
        import pyarrow  # noqa: F401
    except ImportError:
        raise UsageError("Arrow batches need pyarrow (pip install 'observer[analysis]'); "
                         "batches(format='numpy') needs only NumPy") from None
    sink = _core.RecordBatchSink(clock_offset_ns)

    def take_batches() -> list[Any]:
        return [import_batch(capsules) for capsules in sink.take()]

    return sink, take_batches


def _syscall_numbers(values: int | str | Iterable[int | str] | None) -> list[int]:
    return syscalls.parse_list(_strings(values))
