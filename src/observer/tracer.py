"""``observer.Tracer``: trace syscalls from Python and receive them as Arrow or NumPy batches.

The options are the command line's (``-p``, ``-s``, ``-n``, ``-f``, ``-- CMD``) and are validated
by the same functions. Records reach Python only in batches: the C++ core polls the ring buffer
with the GIL released and copies every record into columns (an Arrow record batch of the record
schema, observer.arrow) or a NumPy structured array that Python then owns, so the cost per
syscall on the Python side is a share of one batch, not a Python call.

Thread-safety: a Tracer is used from one thread. Minimum kernel: Linux 5.12 (5.17 for ``comms``).
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any

from observer import _core, _options, _session
from observer._clock import clock_offset_ns
from observer._files import check_output
from observer._selection import parse_selection
from observer._errors import UsageError

if TYPE_CHECKING:
    from pathlib import Path

    import numpy as np
    import pandas as pd
    import pyarrow as pa

__all__ = ["Tracer", "clock_offset_ns", "event_dtype"]

#: The NumPy dtype of one record, mirroring bpf/syscalls.h struct event.
event_dtype = _core.event_dtype()


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

    The options are the command line's, by its long names, and are validated by the same
    functions: ``pids`` (-p: ints or comma-separated strings), ``syscalls`` (-s: names,
    numbers, classes), ``comms`` (-n), ``paths`` (-P), ``follow`` (-f), ``command`` (``-- CMD ARGS``, started
    gated so its first syscall is traced), ``cgroup``/``unit``/``container``, ``user``/``uid``,
    ``failed`` (-Z), ``successful`` and ``unfinished`` (-e status=successful|unfinished),
    ``duration`` (-d, seconds),
    ``summary`` (-c: counts only; see summary()) and ``with_summary`` (-C), ``string_limit``
    and ``data_limit``, ``decode_fds`` (-y: what each fd names, the ``fd_path`` column) and
    ``absolute`` (--absolute), and ``output``/``format`` (-o, --format: see write()) with
    ``timestamps`` (1-3: -t, -tt, -ttt), ``durations`` (-T), ``relative`` (-r), ``tid``
    (--tid) and ``per_process`` (-ff). With none of ``pids``, ``command`` and ``comms`` the
    whole system is traced, except this process.
    ``capture_time`` stamps each record (``ts_ns``, CLOCK_MONOTONIC; the DataFrame's ``time``
    column); ``capture_exit`` records at syscall exit with the return value, the duration and
    the strings, argv and data the Arrow batches' columns hold (on by itself with ``failed``,
    ``successful``, ``unfinished``, ``decode_fds`` and the summaries). ``ring_size`` is the ring
    buffer size in MiB (a power of two, as ``--ring-size``). A thread of the C++ core drains
    the ring as records come, also while Python is busy elsewhere; ``backlog_size`` (MiB, as
    ``--backlog``; default 16 ring sizes, at most 1024) bounds what it holds until batches()
    takes it, and what does not fit is counted in ``dropped``.

    The run is the command line's (observer._session.Session): it ends after ``duration``,
    or once every traced process has exited when there are pids or a command. A command that
    still runs when the trace ends or the Tracer closes is ended with its whole tree: SIGTERM,
    SIGKILL after 1 s; ``exit_status`` then says 143 (or 137).

    Raises UsageError for bad options, TracerPermissionError without privileges and the other
    ObserverError subclasses when the kernel refuses the programs. Not thread-safe; it may be
    opened in any thread (the command outlives a worker thread that started it).
    """

    #: The session class, for tests that interpose on a phase.
    session_class: type[_session.Session] = _session.Session

    def __init__(
        self,
        pids: int | str | Iterable[int | str] | None = None,
        syscalls: int | str | Iterable[int | str] | None = None,
        comms: str | Iterable[str] | None = None,
        follow: bool = False,
        command: str | bytes | Iterable[str | bytes] | None = None,
        *,
        capture_time: bool = True,
        capture_exit: bool = False,
        ring_size: int = 16,
        failed: bool = False,
        successful: bool = False,
        unfinished: bool = False,
        decode_fds: bool = False,
        absolute: bool = False,
        summary: bool = False,
        with_summary: bool = False,
        duration: float | None = None,
        string_limit: int = 256,
        data_limit: int = 32,
        paths: str | Iterable[str] | None = None,
        cgroup: str | None = None,
        unit: str | None = None,
        container: str | None = None,
        user: str | int | None = None,
        uid: int | None = None,
        output: str | None = None,
        format: str | None = None,
        timestamps: int = 0,
        durations: bool = False,
        relative: bool = False,
        tid: bool = False,
        per_process: bool = False,
        backlog_size: int | None = None,
    ) -> None:
        # str or bytes (arguments need not be UTF-8); kept as str, bytes as surrogates.
        commands = [command] if isinstance(command, (str, bytes)) else list(command or [])
        if ring_size <= 0 or ring_size & (ring_size - 1) or ring_size > 1024:
            raise UsageError(f"ring size must be a power of two from 1 to 1024 MiB, not {ring_size}")
        if duration is not None and not duration > 0:
            raise UsageError(f"duration must be > 0 seconds, not {duration}")
        if backlog_size is not None and not 1 <= backlog_size <= 1 << 20:
            raise UsageError(f"backlog size must be from 1 to 1048576 MiB, not {backlog_size}")
        if failed + successful + unfinished > 1:
            raise UsageError("failed, successful and unfinished select nothing together")
        if not 1 <= string_limit <= _options.STRING_LIMIT_MAX:
            raise UsageError(f"string limit must be 1-{_options.STRING_LIMIT_MAX} bytes, not "
                             f"{string_limit}")
        if not 0 <= data_limit <= _options.DATA_LIMIT_MAX:
            raise UsageError(f"data limit must be 0-{_options.DATA_LIMIT_MAX} bytes, not {data_limit}")
        if format is not None and format not in _options.FORMATS:
            raise UsageError(f"unknown format {format!r}: expected one of "
                             f"{', '.join(_options.FORMATS)}")
        self.format = format or ("log" if output is not None else None)
        if (timestamps or durations or relative) and self.format != "strace":
            raise UsageError("timestamps, durations and relative shape format='strace' output")
        if tid and self.format != "log":
            raise UsageError("tid shapes format='log' output")
        if per_process and (output is None or self.format == "parquet"):
            raise UsageError("per_process writes one file per process of output: give output= "
                             "and a format other than parquet")
        follow = follow or per_process  # -ff is -f writing one file per process
        if not 0 <= timestamps <= 3:
            raise UsageError(f"timestamps must be 0-3 (-t, -tt, -ttt), not {timestamps}")
        #: The strace and log writers' shapes, as -t/-tt/-ttt, -T, -r, --tid and -ff give them.
        self.timestamps, self.durations, self.relative = timestamps, durations, relative
        self.tid, self.per_process = tid, per_process
        if self.format == "parquet" and output is None:
            output = "trace.parquet"
        self.output = output
        selection = parse_selection(_strings(syscalls))
        self.settings = _session.Settings(
            pids=_options.parse_pids(_strings(pids)),
            syscalls=selection.native,
            compat_syscalls=selection.compat,
            paths=_options.parse_paths([paths] if isinstance(paths, str) else list(paths or [])),
            comms=_options.parse_comms(_strings(comms)),
            command=[os.fsdecode(c) for c in commands],
            follow=follow,
            cgroup=_options.parse_cgroup(cgroup, unit, container),
            uid=_options.parse_user(None if user is None else str(user), uid),
            duration=duration,
            ring_size=ring_size << 20,
            backlog_size=(backlog_size or 0) << 20,
            capture_time=capture_time,
            capture_exit=capture_exit,
            emit_records=not summary or with_summary,
            count_stats=summary or with_summary,
            failed=failed,
            successful=successful,
            unfinished=unfinished,
            fd_paths=decode_fds,
            absolute_paths=absolute,
        )
        _session.set_format(self.settings, self.format, string_limit, data_limit)
        if self.settings.pids and self.settings.command:
            raise UsageError("give either pids or command, not both")
        if follow and not (self.settings.pids or self.settings.command or self.settings.comms):
            raise UsageError("follow traces the children of pids, comms or a command: give one")
        #: CLOCK_REALTIME - CLOCK_MONOTONIC when the tracer started (see clock_offset_ns()).
        self.clock_offset_ns = 0
        #: The command's exit status (128 + N if killed by signal N), once it has ended.
        self.exit_status: int | None = None
        self._session: _session.Session | None = None
        self._sink: Any = None
        self._done = False
        self._reading = False  # batches(), write() or summary() has begun reading records
        self._drained = False  # the records were read to the end of the trace
        self._undelivered = 0  # records taken from the core but never handed to the caller
        self._counters: Any = None

    # The options as attributes, as before they were grouped in settings.
    @property
    def pids(self) -> list[int]:
        return self.settings.pids

    @property
    def syscalls(self) -> list[int]:
        return self.settings.syscalls

    @property
    def comms(self) -> list[str]:
        return self.settings.comms

    @property
    def command(self) -> list[str]:
        return self.settings.command

    @property
    def follow(self) -> bool:
        return self.settings.follow

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
        if self._session is not None:
            raise UsageError("this Tracer is already open")
        session = self.session_class(self.settings)
        if self.output is not None:
            check_output(self.output, self.format or "log", self.per_process)
        session.start()
        try:
            self.clock_offset_ns = clock_offset_ns()
            session.begin()
            session.release()  # the command execs first: if that fails, no output is created
            if self.output is not None:
                # -c -o FILE: the table goes to the file at the end, records nowhere.
                self._sink = _session.Output(
                    self.format if self.settings.emit_records else None, self.output, timestamps=self.timestamps,
                    durations=self.durations, relative=self.relative, tid=self.tid,
                    per_process=self.per_process, clock_offset_ns=self.clock_offset_ns)
            else:
                self._sink = _core.BatchSink()
        except BaseException:
            session.finish()
            raise
        self._session = session

    def close(self) -> None:
        """Detach, end ``command`` and its tree if it still runs (SIGTERM, then SIGKILL after
        1 s) and keep the final counters.

        Records still in the ring or the backlog are dropped unless they were read to the end
        (a batches() loop left early), and counted in ``lost``. Idempotent.
        """
        if self._session is None or self._counters is not None:
            return
        tracer = self._session.tracer
        if tracer is not None:
            tracer.detach()
            if not self._drained:
                # What the ring still holds will never be read: counted lost, not dropped
                # silently.
                tracer.discard()
        self._done = True
        self.exit_status = self._session.finish()
        self._counters = self._session.tracer.counters()

    # Counters -------------------------------------------------------------------------------

    def _counter(self, name: str) -> int:
        if self._counters is not None:
            return int(getattr(self._counters, name))
        if self._session is None:
            return 0
        return int(getattr(self._session.tracer.counters(), name))

    def _tracer_count(self, name: str) -> int:
        """One of the core Tracer's own counts (not the kernel's), 0 before open()."""
        tracer = self._session.tracer if self._session is not None else None
        return int(getattr(tracer, name)) if tracer is not None else 0

    @property
    def lost(self) -> int:
        """Calls not recorded: the kernel could not queue them (ring full, no task storage,
        larger than the ring), or they were never read: still in the ring or the backlog when
        the tracer closed, or in a batch that a batches() loop left early did not reach."""
        return (self._counter("lost") + self._tracer_count("discarded")
                + self._undelivered)

    @property
    def unfinished(self) -> int:
        """Calls recorded without a return (flag EVENT_UNFINISHED): their thread was killed in
        them, or they were still running when tracing stopped (EVENT_DETACHED too)."""
        return self._tracer_count("unfinished")

    @property
    def resumed(self) -> int:
        """Calls of ``pids`` already running when tracing began, recorded at their return
        (flag EVENT_RESUMED)."""
        return self._tracer_count("resumed")

    @property
    def abandoned(self) -> int:
        """Records still being written when the trace ended (after the drain's 100 ms wait),
        never received; counted apart from ``lost``."""
        return self._tracer_count("abandoned")

    @property
    def dropped(self) -> int:
        """Records drained from the ring but dropped because the backlog (``backlog_size``)
        was full: batches were not taken for that long."""
        return self._counter("dropped")

    @property
    def untraced_forks(self) -> int:
        """Children not followed (``follow``): in a pid namespace, because its map of children
        not yet started was full."""
        return self._counter("untraced_forks")

    @property
    def traced_alive(self) -> int:
        """Traced processes still running."""
        return self._counter("traced_alive")

    # Records --------------------------------------------------------------------------------

    def _polls(self, sink: Any, timeout: float | None) -> Iterator[None]:
        """The session's poll loop into sink, once per Tracer; ``timeout`` stops it as -d
        does. Yields after each poll; ends detached and drained."""
        if self._session is None:
            raise UsageError("open the Tracer first: 'with observer.Tracer(...) as tracer:'")
        if self._reading:
            raise UsageError("this Tracer's records were already read (batches() runs once, to "
                             "the end of the trace); keep the result of the first call")
        if self._done:
            raise UsageError("this Tracer is closed: its records were dropped with it")
        session = self._session
        deadline = None if timeout is None else time.monotonic() + timeout
        self._reading = True
        for _ in session.polls(sink):
            yield
            if deadline is not None and time.monotonic() >= deadline:
                session.stop(signal.SIGTERM)
        # Only a loop that ran to here has drained the ring: one left early leaves records
        # in the ring and the backlog for close() to count.
        self._drained = True
        self._done = True

    def batches(self, timeout: float | None = None, format: str = "arrow"
                ) -> Iterator[pa.RecordBatch] | Iterator[np.ndarray]:
        """Yield batches of records as the kernel fills the ring.

        ``format="arrow"`` (the default) yields ``pyarrow.RecordBatch``es of the record schema
        (observer.arrow: fixed fields, process, cgroup, syscall and errno names and, when
        captured, paths, argv
        and data), built in C++; pyarrow, pandas (``to_pandas(types_mapper=pd.ArrowDtype)``),
        Polars (``pl.from_arrow``) and DuckDB take their columns without copying them.
        ``format="numpy"`` yields arrays of dtype ``observer.event_dtype``: the fixed fields
        only, the fastest form, without pyarrow.

        Ends when ``timeout`` seconds have passed since the call (or ``duration`` since the
        start), or, when tracing ``pids`` or ``command``, once every traced process has exited;
        then the programs are detached and the rest of the ring is drained, so no record of a
        finished run is lost. Without either it runs until the caller stops iterating or Ctrl-C.

        Each poll waits at most 10 ms in C++ with the GIL released (other Python threads run);
        the interpreter handles pending signals between polls, so Ctrl-C raises
        KeyboardInterrupt within about 10 ms. Each batch owns its memory (a copy of the
        records, never a view into the ring) and stays valid after the tracer is closed.
        """
        if format not in ("arrow", "numpy"):
            raise UsageError(f"unknown batch format {format!r}: expected 'arrow' or 'numpy'")
        if self.output is not None:
            raise UsageError(f"this Tracer writes its records to {self.output}: call write()")
        sink, take = _batch_sink(format, self.clock_offset_ns)
        pending: list[Any] = []
        try:
            for _ in self._polls(sink, timeout):
                pending = take()
                while pending:
                    yield pending.pop(0)
        finally:
            # A loop left early never sees the rest of the poll's batches: they count as lost.
            self._undelivered += sum(len(batch) for batch in pending)

    def write(self, timeout: float | None = None) -> int:
        """Trace to the end (as batches() does) writing ``output`` in ``format``, as the command
        line's -o and --format do; returns how many records were written."""
        if self.output is None:
            raise UsageError("give output= (and format=) to write records to a file")
        if not (self.settings.emit_records or self._drained):
            for _ in self._polls(self._sink.sink, timeout):
                pass
        elif self.settings.emit_records:
            for _ in self._polls(self._sink.sink, timeout):
                self._sink.feed()
            self._sink.feed(final=True)
        if not self.settings.emit_records:  # summary alone: the table, as -c -o FILE
            from observer import summary

            assert self._session is not None
            _session.write_summary_file(self.output, summary.format_table(
                self._session.tracer.stats()))
        return int(self._sink.written)

    def summary(self, timeout: float | None = None) -> pd.DataFrame:
        """The -c table as a DataFrame, one row per syscall (the columns of
        observer.summary.records(): CPU time in ``seconds`` and ``usecs_per_call``, wall time in
        ``wall_ns``), sorted by time. Needs ``summary`` or ``with_summary``; with ``summary``
        alone it traces to the end first."""
        import pandas as pd

        from observer import summary

        if not self.settings.count_stats:
            raise UsageError("give summary=True (or with_summary=True) to count per syscall")
        if self._session is None:
            raise UsageError("open the Tracer first: 'with observer.Tracer(...) as tracer:'")
        if not self.settings.emit_records and not self._drained:
            sink = self._sink.sink if isinstance(self._sink, _session.Output) else self._sink
            for _ in self._polls(sink, timeout):
                pass
        columns = ["syscall", "nr", "compat", "calls", "errors", "seconds", "usecs_per_call",
                   "cpu_ns", "wall_ns", "max_usecs", "p50_us", "p99_us"]
        return pd.DataFrame(summary.records(self._session.tracer.stats()), columns=columns)

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

