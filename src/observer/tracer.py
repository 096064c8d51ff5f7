"""``observer.Tracer``: trace syscalls from Python and receive them as NumPy batches.

The options are the command line's (``-p``, ``-s``, ``-n``, ``-f``, ``-- CMD``) and are validated
by the same functions. Records reach Python only in batches: the C++ core polls the ring buffer
with the GIL released and copies every record into an array that Python then owns, so the cost
per syscall on the Python side is a share of one ``numpy`` allocation, not a Python call.

Thread-safety: a Tracer is used from one thread. Minimum kernel: Linux 5.12 (5.17 for ``comms``).
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
    import numpy as np
    import pandas as pd

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
    ``ring_size`` is the ring buffer size in MiB (a power of two, as ``--ring-size``).

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
        if self.pids and self.command:
            raise UsageError("give either pids or command, not both")
        #: CLOCK_REALTIME - CLOCK_MONOTONIC when the tracer started (see clock_offset_ns()).
        self.clock_offset_ns = 0
        #: The command's exit status (128 + N if killed by signal N), once it has ended.
        self.exit_status: int | None = None
        self._core: Any = None
        self._child: Any = None
        self._sink: Any = None
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
        self._sink = _core.BatchSink()
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
        # Calls the pids are in now end as resumed records (EVENT_RESUMED).
        spec.resume_pids = self.pids if self.capture_exit else []
        spec.ring_size = self.ring_size << 20
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

        Records still in the ring are dropped unless batches() ran to its end. Idempotent.
        """
        if self._core is None or self._counters is not None:
            return
        self._core.detach()
        if not self._drained:
            # What the ring still holds will never be read: counted lost, not dropped silently.
            self._core.discard()
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
        """Calls not recorded: the kernel could not queue them (ring full, no task storage,
        larger than the ring), or they were still in the ring when the tracer closed."""
        discarded = int(self._core.discarded) if self._core is not None else 0
        return self._counter("lost") + discarded

    @property
    def unfinished(self) -> int:
        """Calls recorded without a return (flag EVENT_UNFINISHED): their thread was killed in
        them, or they were still running when tracing stopped (EVENT_DETACHED too)."""
        return int(self._core.unfinished) if self._core is not None else 0

    @property
    def resumed(self) -> int:
        """Calls of ``pids`` already running when tracing began, recorded at their return
        (flag EVENT_RESUMED)."""
        return int(self._core.resumed) if self._core is not None else 0

    @property
    def untraced_forks(self) -> int:
        """Children not followed (``follow``) because the traced-process map was full."""
        return self._counter("untraced_forks")

    @property
    def traced_alive(self) -> int:
        """Traced processes still running."""
        return self._counter("traced_alive")

    # Records --------------------------------------------------------------------------------

    def batches(self, timeout: float | None = None) -> Iterator[np.ndarray]:
        """Yield arrays of dtype ``observer.event_dtype`` as the kernel fills the ring.

        Ends when ``timeout`` seconds have passed since the call, or, when tracing ``pids`` or
        ``command`` (without ``comms``), once every traced process has exited; then the
        programs are detached and the rest of the ring is drained, so no record of a finished
        run is lost. Without either it runs until the caller stops iterating or Ctrl-C.

        Each poll waits at most 10 ms in C++ with the GIL released (other Python threads run);
        the interpreter handles pending signals between polls, so Ctrl-C raises
        KeyboardInterrupt within about 10 ms. Each array owns its memory (a copy of the
        records, never a view into the ring) and stays valid after the tracer is closed.
        """
        if self._core is None:
            raise UsageError("open the Tracer first: 'with observer.Tracer(...) as tracer:'")
        if self._drained:
            raise UsageError("this Tracer's records were already read (batches() runs once, to "
                             "the end of the trace); keep the result of the first call")
        if self._done:
            raise UsageError("this Tracer is closed: its records were dropped with it")
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            self._core.poll(self._sink, POLL_MS)
            batch = self._sink.take()
            if len(batch):
                yield batch
            if deadline is not None and time.monotonic() >= deadline:
                break
            if self._targeted and self._core.counters().traced_alive <= 0:
                break
        self._core.detach()
        self._core.drain(self._sink)
        self._done = self._drained = True
        batch = self._sink.take()
        if len(batch):
            yield batch

    def events(self, timeout: float | None = None) -> np.ndarray:
        """All records of batches(timeout) in one array."""
        import numpy as np

        parts = list(self.batches(timeout))
        return np.concatenate(parts) if parts else np.empty(0, dtype=event_dtype)

    def to_pandas(self, timeout: float | None = None) -> pd.DataFrame:
        """The records of batches(timeout) as a DataFrame (see observer.to_pandas)."""
        from observer.frames import to_pandas

        return to_pandas(self.batches(timeout), clock_offset_ns=self.clock_offset_ns)

    def run(self, callback: Callable[[Any], object], timeout: float | None = None) -> int:
        """Call ``callback(record)`` once per record, BCC style; returns how many records.

        Slow by design: one Python call per syscall costs far more than the kernel side (see
        bench/python_api.py), so a busy target fills the ring and records are lost (``lost``).
        Prefer batches(). ``record`` is a NumPy structured scalar (``record["nr"]``,
        ``record["comm"]``); it is only valid during the call unless copied.
        """
        count = 0
        for batch in self.batches(timeout):
            for record in batch:
                callback(record)
            count += len(batch)
        return count


def _syscall_numbers(values: int | str | Iterable[int | str] | None) -> list[int]:
    return syscalls.parse_list(_strings(values))
