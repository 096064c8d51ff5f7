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
from observer import summary as tables  # the name summary is the -c keyword here
from observer._clock import clock_offset_ns
from observer._files import check_output
from observer._outputs import Output, write_summary
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

    The options are the command line's, by its long names, in one model with it
    (observer._options.Options, validated by the same check): ``pids`` (-p: ints or
    comma-separated strings), ``syscalls`` (-s: names, numbers, classes), ``comms`` (-n),
    ``paths`` (-P), ``follow`` (-f), ``command`` (``-- CMD ARGS``, started gated so its first
    syscall is traced), ``cgroup``/``unit``/``container``, ``user``/``uid``, ``failed`` (-Z),
    ``successful`` and ``unfinished`` (-e status=successful|unfinished), ``duration`` (-d,
    seconds), ``summary`` (-c: counts only; see summary()) and ``with_summary`` (-C) with
    ``summary_wall`` (-w) and ``latency`` (--latency), ``string_limit`` and ``data_limit``,
    ``decode_fds`` (-y: what each fd names, the ``fd_path`` column) and ``absolute``
    (--absolute), ``stack_trace`` (-k: each call's user stack; the strace format and jsonl),
    and ``output``/``format`` (-o, --format: see write()) with ``timestamps``
    (1-3: -t, -tt, -ttt), ``durations`` (-T), ``relative`` (-r), ``tid`` (--tid),
    ``per_process`` (-ff) and ``rotate`` (--rotate), and ``host`` (--host: the node name
    the records carry; default the NODE_NAME environment variable, else the hostname). As on
    the command line, ``timestamps``,
    ``durations``, ``relative``, ``decode_fds``, ``absolute`` or ``stack_trace`` with an
    output and no format
    choose the strace format. With none of ``pids``, ``command`` and ``comms`` the whole
    system is traced, except this process.
    ``capture_time`` stamps each record (``ts_ns``, CLOCK_MONOTONIC; the DataFrame's ``time``
    column); ``capture_exit`` records at syscall exit with the return value, the duration and
    the strings, argv and data the Arrow batches' columns hold (on by itself with ``failed``,
    ``successful``, ``unfinished``, ``decode_fds`` and the summaries). ``ring_size`` is the ring
    buffer size, a power of two: MiB, or a string with a K, M or G suffix (as
    ``--ring-size``). A thread of the C++ core drains the ring as records come, also while
    Python is busy elsewhere; ``backlog_size`` (MiB or a suffixed string, as ``--backlog``;
    default 16 ring sizes, at most 1 GiB) bounds what it holds until batches() takes it, and
    what does not fit is counted in ``dropped``. ``verbose`` (1, 2) prints notes and
    libbpf's messages, and in the strace format shows structures in full, as strace -v.

    The strace format shows values as strace's display options say: ``hex_strings`` (1: -x,
    strings with a non-ASCII byte in hex; 2: -xx, all), ``xlat`` (-X: "raw", "abbrev",
    "verbose"), ``raw_syscalls``, ``abbrev_syscalls`` and ``verbose_syscalls`` (-e raw=,
    abbrev=, verbose=: syscalls as ``syscalls`` takes them) and ``read_fds``/``write_fds``
    (-e read=, write=: hex dumps of the data). Like ``timestamps`` they choose the strace
    format when an output is given without one, and are refused with another format.

    The run is the command line's (observer._session.Session): it ends after ``duration``,
    or once every traced process has exited when there are pids or a command. A command that
    still runs when the trace ends or the Tracer closes is ended with its whole tree: SIGTERM,
    SIGKILL after 1 s; ``exit_status`` then says 143 (or 137). report() gives what was
    written and lost by cause, as the command line's closing line does.

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
        ring_size: int | str = 16,
        failed: bool = False,
        successful: bool = False,
        unfinished: bool = False,
        decode_fds: bool = False,
        absolute: bool = False,
        stack_trace: bool = False,
        summary: bool = False,
        with_summary: bool = False,
        duration: float | None = None,
        string_limit: int = _options.STRING_LIMIT_MAX,
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
        backlog_size: int | str | None = None,
        rotate: int | str = 64,
        host: str | None = None,
        summary_wall: bool = False,
        latency: bool = False,
        summary_sort: str = "time",
        summary_columns: str | None = None,
        hex_strings: int = 0,
        xlat: str = "abbrev",
        raw_syscalls: int | str | Iterable[int | str] | None = None,
        abbrev_syscalls: int | str | Iterable[int | str] | None = None,
        verbose_syscalls: int | str | Iterable[int | str] | None = None,
        read_fds: int | str | Iterable[int | str] | None = None,
        write_fds: int | str | Iterable[int | str] | None = None,
        verbose: int = 0,
    ) -> None:
        # str or bytes (arguments need not be UTF-8); kept as str, bytes as surrogates.
        commands = [command] if isinstance(command, (str, bytes)) else list(command or [])
        selection = parse_selection(_strings(syscalls))
        #: The options, as the command line's -p, -s, ... fill them (observer._options).
        self.options = _options.Options(
            pids=_options.parse_pids(_strings(pids)),
            syscalls=selection.native,
            compat_syscalls=selection.compat,
            numeric_syscalls=selection.numbers,
            paths=_options.parse_paths([paths] if isinstance(paths, str) else list(paths or [])),
            comms=_options.parse_comms(_strings(comms)),
            command=[os.fsdecode(c) for c in commands],
            follow=follow,
            cgroup=_options.parse_cgroup(cgroup, unit, container),
            uid=_options.parse_user(None if user is None else str(user), uid),
            failed=failed, successful=successful, unfinished=unfinished,
            summary=summary and not with_summary, with_summary=with_summary,
            summary_wall=summary_wall, latency=latency,
            summary_sort=tables.parse_sort(summary_sort),
            summary_columns=(None if summary_columns is None
                             else tables.parse_columns(summary_columns)),
            capture_time=capture_time, capture_exit=capture_exit,
            string_limit=string_limit, data_limit=data_limit,
            decode_fds=decode_fds, absolute=absolute, stack_trace=stack_trace,
            output=None if output is None else os.fspath(output), format=format,
            timestamps=timestamps, durations=durations, relative=relative, tid=tid,
            per_process=per_process,
            rotate=_options.parse_size(rotate, power_of_two=False),
            host=_options.parse_host(host, "host="),
            duration=duration,
            ring_size=_options.parse_size(ring_size),
            backlog=(0 if backlog_size is None else
                     _options.parse_size(backlog_size, power_of_two=False, name="backlog size")),
            hex_strings=hex_strings, xlat=_options.parse_xlat(xlat, "xlat="),
            raw_syscalls=_options.display_selection(_strings(raw_syscalls)) or [],
            abbrev_syscalls=_options.display_selection(_strings(abbrev_syscalls)),
            verbose_syscalls=_options.display_selection(_strings(verbose_syscalls)),
            read_fds=_options.parse_fds(_strings(read_fds), "read_fds="),
            write_fds=_options.parse_fds(_strings(write_fds), "write_fds="),
            verbose=verbose, face="api",
        ).check()
        #: CLOCK_REALTIME - CLOCK_MONOTONIC when the tracer started (see clock_offset_ns()).
        self.clock_offset_ns = 0
        #: The command's exit status (128 + N if killed by signal N), once it has ended.
        self.exit_status: int | None = None
        self._session: _session.Session | None = None
        self._output: Output | None = None  # output= or format=: the file of write()
        self._closed = False
        self._reading = False  # batches(), write() or summary() has begun reading records
        self._drained = False  # the records were read to the end of the trace
        self._delivered = 0  # records handed to the caller in batches

    # The options as attributes.
    @property
    def pids(self) -> list[int]:
        return self.options.pids

    @property
    def syscalls(self) -> list[int]:
        return self.options.syscalls

    @property
    def comms(self) -> list[str]:
        return self.options.comms

    @property
    def command(self) -> list[str]:
        return self.options.command

    @property
    def follow(self) -> bool:
        return self.options.follow

    @property
    def output(self) -> str | None:
        """Where write() writes (output=, or the default file of format=), else None."""
        return None if self.options.batches else self.options.output_path

    @property
    def format(self) -> str | None:
        return self.options.format

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
        if self._closed:
            raise UsageError("this Tracer is closed: create a new one to trace again")
        if self._session is not None:
            raise UsageError("this Tracer is already open")
        opts = self.options
        _core.set_verbosity(opts.verbose)
        session = self.session_class(opts)
        if not opts.batches:
            check_output(opts.output_path, opts.format or "log", opts.per_process)
        session.start()
        try:
            self.clock_offset_ns = clock_offset_ns()
            session.begin()
            session.release()  # the command execs first: if that fails, no output is created
            if not opts.batches:
                self._output = Output(opts, self.clock_offset_ns)
        except BaseException:
            session.finish()
            raise
        self._session = session

    def close(self) -> None:
        """Detach, end ``command`` and its tree if it still runs (SIGTERM, then SIGKILL after
        1 s).

        Records still in the ring or the backlog are dropped unless they were read to the end
        (a batches() loop left early), and counted in ``lost``. Idempotent.
        """
        if self._session is None or self._closed:
            return
        self._closed = True
        tracer = self._session.tracer
        if tracer is not None:
            tracer.detach()
            if not self._drained:
                # What the ring still holds will never be read: counted lost, not dropped
                # silently.
                tracer.discard()
        self.exit_status = self._session.finish()

    # Counters -------------------------------------------------------------------------------

    def report(self) -> _session.Report:
        """What was written (or handed over in batches) and lost, by cause: the accounting
        of the command line's closing line and jsonl end line (observer._session.Report)."""
        if self._session is None:
            return _session.Report()
        written = self._output.written if self._output is not None else self._delivered
        return self._session.report(written)

    def _counter(self, name: str) -> int:
        if self._session is None:
            return 0
        return int(getattr(self._session.tracer.counters(), name))

    @property
    def lost(self) -> int:
        """Records not written or handed over, every cause: the kernel could not queue them
        (ring full, no task storage, larger than the ring), the backlog was full
        (``dropped``), or they were never read: still in the ring or the backlog when the
        tracer closed, or in a batch that a batches() loop left early did not reach."""
        return self.report().lost

    @property
    def unfinished(self) -> int:
        """Calls recorded without a return (flag EVENT_UNFINISHED): their thread was killed in
        them, or they were still running when tracing stopped (EVENT_DETACHED too)."""
        return self.report().unfinished

    @property
    def resumed(self) -> int:
        """Calls of ``pids`` already running when tracing began, recorded at their return
        (flag EVENT_RESUMED)."""
        return self.report().resumed

    @property
    def abandoned(self) -> int:
        """Records still being written when the trace ended (after the drain's 100 ms wait),
        never received; part of ``lost``."""
        return self.report().abandoned

    @property
    def dropped(self) -> int:
        """Records drained from the ring but dropped because the backlog (``backlog_size``)
        was full: batches were not taken for that long; part of ``lost``."""
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

    def _start_reading(self) -> _session.Session:
        """The open session, whose records are read once, to the end of the trace."""
        if self._session is None:
            raise UsageError("open the Tracer first: 'with observer.Tracer(...) as tracer:'")
        if self._reading:
            raise UsageError("this Tracer's records were already read (batches() runs once, to "
                             "the end of the trace); keep the result of the first call")
        if self._closed:
            raise UsageError("this Tracer is closed: its records were dropped with it")
        self._reading = True
        return self._session

    def _stop_at(self, session: _session.Session, timeout: float | None
                 ) -> Callable[[Any], None]:
        """A per-poll check that stops session once timeout seconds have passed, as -d does."""
        deadline = None if timeout is None else time.monotonic() + timeout

        def check(_: Any) -> None:
            if deadline is not None and time.monotonic() >= deadline:
                session.stop(signal.SIGTERM)

        return check

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
        sink, take = _batch_sink(format, self.clock_offset_ns, self.options.host)
        session = self._start_reading()
        check = self._stop_at(session, timeout)
        for counters in session.polls(sink):
            for batch in take():
                # Counted as handed over before the yield: a loop left here has it.
                self._delivered += len(batch)
                yield batch
            check(counters)
        # Only a loop that ran to here has drained the ring: one left early leaves records
        # in the ring and the backlog for close() to count.
        self._drained = True

    def write(self, timeout: float | None = None) -> int:
        """Trace to the end (as batches() does) writing ``output`` in ``format``, as the command
        line's -o and --format do (with ``summary`` alone, the -c table); returns how many
        records were written. Raises OutputError if the output fails (the rest of the trace
        is then counted in ``lost``)."""
        if self._output is None:
            raise UsageError("give output= (and format=) to write records to a file")
        if self._drained and not self.options.records:  # summary() traced to the end
            session = self._session
            assert session is not None
        else:
            session = self._start_reading()
            session.record(self._output, self._stop_at(session, timeout))
            self._drained = True
        if session.output_error is not None:
            raise session.output_error
        if self.options.counts:  # -c -o FILE: the table goes to the file
            write_summary(self.options, session.tracer.stats(), None)
        return self._output.written

    def summary(self, timeout: float | None = None) -> pd.DataFrame:
        """The -c table as a DataFrame, one row per syscall (the columns of
        observer.summary.records(): CPU time in ``seconds`` and ``usecs_per_call``, wall time in
        ``wall_ns``), sorted by time. Needs ``summary`` or ``with_summary``; with ``summary``
        alone it traces to the end first."""
        import pandas as pd


        if not self.options.counts:
            raise UsageError("give summary=True (or with_summary=True) to count per syscall")
        if self._session is None:
            raise UsageError("open the Tracer first: 'with observer.Tracer(...) as tracer:'")
        if not self.options.records and not self._drained:
            if self._output is not None:
                self.write(timeout)
            else:
                session = self._start_reading()
                check = self._stop_at(session, timeout)
                for counters in session.polls(_core.BatchSink()):
                    check(counters)
                self._drained = True
        columns = ["syscall", "nr", "compat", "calls", "errors", "seconds", "usecs_per_call",
                   "cpu_ns", "wall_ns", "max_usecs", "p50_us", "p99_us"]
        stats = self._session.tracer.stats()
        return pd.DataFrame(tables.records(stats, self.options.summary_wall,
                                            sort=self.options.summary_sort), columns=columns)

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
        from observer.arrow import _frame

        # The batches are this call's alone: the frame may take their buffers.
        return _frame(self.batches(timeout), dtype_backend, private=True)

    def to_parquet(self, path: str | Path, timeout: float | None = None) -> int:
        """Write the records of batches(timeout) into the Parquet dataset directory ``path``
        as they come (observer.frames.ParquetStream: bounded memory, each finished file
        readable after a kill); returns the rows written."""
        from observer.frames import ParquetStream

        stream = ParquetStream(path, self.clock_offset_ns, host=self.options.host)
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


def _batch_sink(format: str, clock_offset_ns: int, host: str = ""
                ) -> tuple[Any, Callable[[], list[Any]]]:
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
    sink = _core.RecordBatchSink(clock_offset_ns, host)

    def take_batches() -> list[Any]:
        return [import_batch(capsules) for capsules in sink.take()]

    return sink, take_batches

