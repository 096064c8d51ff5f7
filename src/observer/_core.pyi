# Type stubs for observer._core, the pybind11 module built from src/cpp/bindings.cpp.
# tests/test_stubs.py fails when a name, a parameter or a property's writability here no
# longer matches the compiled module.
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

MAX_SYSCALLS: int
TASK_COMM_LEN: int
NAME_LEN: int
EVENT_HAS_RET: int
EVENT_HAS_TIME: int
EVENT_HAS_STRINGS: int
EVENT_COMPAT: int
EVENT_UNFINISHED: int
EVENT_DETACHED: int
EVENT_RESUMED: int
EVENT_STOPPED: int
STRING_MAX: int
COMPAT_STATS: int
LATENCY_SUB_BITS: int
LATENCY_BUCKETS: int
STACK_TRACES: bool

def event_dtype() -> np.dtype[np.void]:
    """The NumPy dtype of one record (imports NumPy on first call, not with this module)."""

def read_log_columns(
    path: str,
) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.int32], npt.NDArray[np.uint32], list[bytes],
           int, npt.NDArray[np.uint32] | None]:
    """Parse a trace log into (pid, nr, comm indexes, distinct escaped comms, malformed, tid
    of a log with thread ids or None)."""

def read_jsonl_columns(path: str, execve: int = -1,
                       execveat: int = -1) -> dict[str, Any] | None:
    """Observer's own JSON Lines as the record schema's columns (NumPy arrays), or None
    when some line is not in the sink's shape."""

def record_batch(events: npt.NDArray[np.void], clock_offset_ns: int,
                 host: str | bytes = "") -> tuple[object, object]:
    """Records of dtype event_dtype as one Arrow batch: (schema, array) PyCapsules."""

def cgroup_origin(path: str) -> tuple[str | None, str | None]:
    """(container_id, pod_uid) a cgroup v2 path shows, None where it shows none."""

def decoding_table(
    compat: bool = False,
) -> list[tuple[int, str, str, bool, list[str] | None]]:
    """How the strace format decodes each syscall: (nr, name, level, hand_written, args)."""

def set_verbosity(level: int) -> None:
    """Print libbpf's messages to stderr: 0 none, 1 warnings, 2 debug."""

def probe_features(probe_root: str = "/", spec: Spec = ...) -> list[str]:
    """Raise if tracing as spec says cannot work here; return notes on unneeded features."""

def probe_kernel(probe_root: str = "/") -> list[Feature]:
    """What the kernel offers and observer uses, in display order (observer --info)."""

class Feature:
    """One line of the kernel feature report."""

    @property
    def name(self) -> str: ...
    @property
    def available(self) -> bool | None: ...
    @property
    def detail(self) -> str: ...
    @property
    def required(self) -> bool: ...

class Spec:
    """What to trace; read once by Tracer()."""

    pids: list[int]
    syscalls: list[int]
    compat_syscalls: list[int]
    compat_syscalls_set: bool
    comms: list[str] | list[bytes]
    paths: list[str] | list[bytes]
    follow: bool
    capture_exit: bool
    capture_time: bool
    emit_records: bool
    compact_records: bool
    count_stats: bool
    count_latency: bool
    failed_only: bool
    successful_only: bool
    unfinished_only: bool
    exit_records: bool
    string_limit: int
    data_limit: int
    fd_paths: bool
    stack_trace: bool
    absolute_paths: bool
    envp_strings: bool
    whole_data: bool
    resume_pids: list[int]
    ring_size: int
    backlog_size: int
    self_tgid: int
    cgroup_id: int
    cgroup_level: int
    uid: int
    syscall_tracepoints: bool
    probe_root: str
    def __init__(self) -> None: ...

class Counters:
    """What the kernel side counted."""

    @property
    def lost(self) -> int: ...
    @property
    def lost_ring(self) -> int: ...
    @property
    def lost_storage(self) -> int: ...
    @property
    def lost_oversized(self) -> int: ...
    @property
    def lost_notices(self) -> int: ...
    @property
    def untraced_forks(self) -> int: ...
    @property
    def untraced_execs(self) -> int: ...
    @property
    def traced_alive(self) -> int: ...
    @property
    def dropped(self) -> int: ...

class Sink:
    """Destination of records."""

    def flush(self) -> None: ...
    @property
    def written(self) -> int: ...

class TextSink(Sink):
    """The trace log: one 'tgid:nr:comm' line per syscall."""

    def __init__(self, path: str | bytes) -> None: ...

class TidTextSink(TextSink):
    """The trace log with thread ids: '# pid:tid:syscall_id:comm', then 'tgid:tid:nr:comm'."""

    def __init__(self, path: str | bytes) -> None: ...

class SplitSink(Sink):
    """-ff: one file per process (log: DIR/<comm>:<pid>.log; jsonl, strace: FILE.<pid>)."""

    def __init__(self, path: str | bytes, format: str, timestamps: int = 0,
                 durations: bool = False, relative: bool = False,
                 host: str | bytes = "", hex_strings: int = 0, xlat: str = "abbrev",
                 calls: bytes = b"", read_fds: list[int] = ...,
                 write_fds: list[int] = ..., data_limit: int = 0) -> None: ...
    def close(self) -> None: ...
    @property
    def files(self) -> int: ...
    def set_stacks(self) -> None: ...

class DiscardSink(Sink):
    """Counts records and drops them."""

    def __init__(self) -> None: ...

class JsonSink(Sink):
    """JSON Lines: one object per syscall, all fields."""

    def __init__(self, path: str | bytes, host: str | bytes = "") -> None: ...
    def write_end(self, counts: dict[str, int]) -> None: ...
    def set_stacks(self) -> None: ...

class StraceSink(Sink):
    """strace-style lines with decoded arguments."""

    def __init__(self, path: str | bytes, timestamps: int = 0, durations: bool = False,
                 relative: bool = False, hex_strings: int = 0, xlat: str = "abbrev",
                 calls: bytes = b"", read_fds: list[int] = ...,
                 write_fds: list[int] = ..., data_limit: int = 0) -> None: ...
    def set_stacks(self) -> None: ...

class SyscallStats:
    """Totals of one syscall from summary mode."""

    @property
    def nr(self) -> int: ...
    @property
    def calls(self) -> int: ...
    @property
    def errors(self) -> int: ...
    @property
    def total_ns(self) -> int: ...
    @property
    def max_ns(self) -> int: ...
    @property
    def cpu_ns(self) -> int: ...
    @property
    def returned(self) -> int: ...
    @property
    def min_ns(self) -> int: ...
    @property
    def min_cpu_ns(self) -> int: ...
    @property
    def max_cpu_ns(self) -> int: ...
    @property
    def latency(self) -> list[int]: ...

class BatchSink(Sink):
    """Collects records for NumPy."""

    def __init__(self) -> None: ...
    def take(self) -> npt.NDArray[np.void]: ...

class RecordBatchSink(Sink):
    """Collects records as Arrow record batches of the record schema, built in C++."""

    def __init__(self, clock_offset_ns: int, host: str | bytes = "") -> None: ...
    def take(self) -> list[tuple[object, object]]: ...

class Tracer:
    """Loaded programs, their ring buffer and the thread that drains it. Used from one thread."""

    def __init__(self, spec: Spec) -> None: ...
    def attach(self) -> None: ...
    def detach(self) -> None: ...
    def poll(self, sink: Sink, timeout_ms: int) -> int: ...
    def drain(self, sink: Sink) -> int: ...
    def discard(self) -> int: ...
    def add_pid(self, pid: int) -> bool: ...
    def erase_pid(self, pid: int) -> None: ...
    def traced(self, pid: int) -> bool: ...
    def traced_count(self) -> int: ...
    def watch(self, fd: int) -> None: ...
    def counters(self) -> Counters: ...
    @property
    def consumed(self) -> int: ...
    @property
    def unfinished(self) -> int: ...
    @property
    def resumed(self) -> int: ...
    @property
    def discarded(self) -> int: ...
    @property
    def abandoned(self) -> int: ...
    @property
    def backlog(self) -> int: ...
    @property
    def peak_backlog(self) -> int: ...
    @property
    def notes(self) -> list[str]: ...
    def stats(self) -> list[SyscallStats]: ...

class Child:
    """A command that execs only when released."""

    def __init__(self, path: str | bytes, argv: Sequence[str] | Sequence[bytes]) -> None: ...
    @property
    def pid(self) -> int: ...
    def release(self) -> None: ...
    def poll(self) -> int | None: ...
    def wait(self) -> int: ...
    def kill(self, sig: int) -> None: ...
