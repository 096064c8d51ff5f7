"""Where a trace's records and counts go: the file sink of each format (log, jsonl, strace, one
file per process), a Parquet dataset fed between polls, and the -c table; the same for the
command line and observer.Tracer."""

from __future__ import annotations

import errno
import os
import sys
from typing import Any, TextIO

from observer import summary
from observer._clock import clock_offset_ns as offset
from observer._errors import OutputError, UsageError
from observer._files import open_file
from observer._options import Options
from observer.syscalls import table


class Output:
    """Where the records of opts go: the file sink of its format (log, jsonl, strace; -ff:
    one file per process), a Parquet dataset fed from an in-memory sink between polls, or
    (-c alone) a sink that stays empty. Creating it creates the file: do it once tracing
    works. clock_offset_ns: CLOCK_REALTIME - CLOCK_MONOTONIC for Parquet's times (None:
    measured now)."""

    def __init__(self, opts: Options, clock_offset_ns: int | None = None) -> None:
        from observer import _core

        fmt = opts.format if opts.records else None
        self.path = path = opts.output_path
        self.format = fmt
        self.end_line = fmt == "jsonl" and not opts.per_process
        self.parquet: Any = None
        self.sink: Any
        shape = (opts.timestamps, opts.durations, opts.relative)
        display = strace_display(opts) if fmt == "strace" else {}
        if opts.per_process and fmt is not None:  # -ff
            self.sink = _core.SplitSink(os.fsencode(path), fmt, *shape, opts.host, **display)
        elif fmt is None:
            self.sink = _core.BatchSink()
        elif fmt == "parquet":
            # Arrow batches of the record schema, built in C++ between polls, for the dataset.
            self.parquet = _open_parquet(path, opts.rotate, clock_offset_ns, opts.host)
            self.sink = _core.RecordBatchSink(self.parquet.clock_offset_ns, opts.host)
        elif fmt == "jsonl":
            self.sink = _core.JsonSink(os.fsencode(path), opts.host)
        elif fmt == "strace":
            self.sink = _core.StraceSink(os.fsencode(path), *shape, **display)
        elif fmt == "log":
            sink = _core.TidTextSink if opts.tid else _core.TextSink
            self.sink = sink(os.fsencode(path))
        else:
            raise UsageError(f"unknown format {fmt!r}: expected log, jsonl, strace or parquet")
        if opts.stack_trace and fmt in ("jsonl", "strace"):
            self.sink.set_stacks()  # -k

    def feed(self, final: bool = False) -> None:
        """Moves the records collected for Parquet into the dataset (a file is written when
        due, and at the end with final); raises OutputError."""
        if self.parquet is None:
            if final and hasattr(self.sink, "close"):
                self.sink.close()  # -ff: the sequence files get their final newline
            return
        import pyarrow as pa

        try:
            from observer.arrow import import_batch

            for capsules in self.sink.take():
                self.parquet.add(import_batch(capsules))
            if final:
                self.parquet.close()
        except OSError as err:
            # A part refused for a symlink is named, as the text formats name their file.
            if err.errno == errno.ELOOP and err.filename:
                raise OutputError(f"open {err.filename}: {err.strerror}") from None
            raise OutputError(f"write {self.path}: {err.strerror or err}") from None
        except pa.ArrowException as err:  # pyarrow's own errors that are not OSErrors
            raise OutputError(f"write {self.path}: {err}") from None

    @property
    def written(self) -> int:
        """Records written; Parquet ones count once they are in a complete file."""
        return int(self.parquet.written if self.parquet is not None else self.sink.written)

    def end(self, counts: dict[str, int]) -> None:
        """The last line of a jsonl file: {"kind": "end", ...counts}; raises OutputError."""
        if self.end_line:
            self.sink.write_end(counts)


def summary_text(opts: Options, stats: list[Any]) -> str:
    """The -c table of stats as opts shapes it: strace -c's text, or with --format jsonl one
    JSON object per syscall."""
    if opts.format == "jsonl":
        return summary.format_jsonl(stats, wall=opts.summary_wall, sort=opts.summary_sort)
    return summary.format_table(stats, wall=opts.summary_wall, latency=opts.latency,
                                sort=opts.summary_sort,
                                columns=opts.summary_columns or summary.DEFAULT_COLUMNS)


def strace_display(opts: Options) -> dict[str, Any]:
    """The core's display arguments of the strace sinks: -x, -X, -e raw=/abbrev=/verbose=
    (per native syscall number), -e read=/write=, and -s (what is shown of data kept longer:
    dumps' buffers, a netlink socket's messages, and strace's -s elements of their arrays)."""
    calls = b""
    if opts.raw_syscalls or opts.abbrev_syscalls is not None or opts.verbose_syscalls is not None:
        calls = opts.call_display(max(table()) + 1)
    return {"hex_strings": opts.hex_strings, "xlat": opts.xlat, "calls": calls,
            "read_fds": opts.read_fds, "write_fds": opts.write_fds,
            "data_limit": opts.data_limit}


def write_summary(opts: Options, stats: list[Any], stream: TextIO | None) -> None:
    """The -c table where strace -c puts it: into -o FILE (-c alone), on standard output with
    -o -, else (-C, or no -o) on stream (the command line's stderr; None: nowhere, the
    caller reads Tracer.summary() instead). Raises OutputError."""
    text = summary_text(opts, stats)
    if opts.with_summary or opts.output is None:
        if stream is not None:
            stream.write(text)
    elif opts.output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_summary_file(opts.output, text)


def write_summary_file(path: str, text: str) -> None:
    """The -c table into path (-c -o FILE), private and never through a symlink; raises
    OutputError."""
    try:
        with os.fdopen(open_file(path), "w", encoding="utf-8") as out:
            out.write(text)
    except OSError as err:
        code = err.errno or errno.EIO
        # A symlink is refused in check_output's words.
        reason = (err.strerror if code == errno.ELOOP and err.strerror
                  else f"{os.strerror(code)} ({errno.errorcode.get(code, code)})")
        raise OutputError(f"open {path}: {reason}") from None


def _open_parquet(path: str, rotate: int, clock_offset_ns: int | None, host: str) -> Any:
    try:
        from observer.frames import ParquetStream

        return ParquetStream(path, offset() if clock_offset_ns is None else clock_offset_ns,
                             max_bytes=rotate, host=host)
    except ImportError as err:
        raise OutputError(f"--format parquet needs pyarrow and pandas: {err}") from None
    except OSError as err:
        verb = "open" if err.errno == errno.ELOOP else "create"
        raise OutputError(f"{verb} {path}: {err.strerror or err}") from None
