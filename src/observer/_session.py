"""One tracing session, shared by the command line and ``observer.Tracer``: the options as the
kernel side takes them (Settings), checking and resolving the processes to trace, starting the
command gated, the poll loop with its stop rules, the drain, and ending what was started."""

from __future__ import annotations

import errno
import os
import select
import shutil
import signal
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from observer._errors import ObserverError, OutputError, UsageError

#: How long one poll waits (ms). The ring is drained on this timer: records never wake the
#: consumer, so it also bounds how late Ctrl-C, a deadline or a target's exit is noticed.
POLL_MS = 10


class CommandNotFound(ObserverError):
    """The command after -- is not an executable file."""


class CommandNotExecutable(ObserverError):
    """The command after -- exists but cannot be run (a directory, no execute permission)."""


def resolve_command(name: str) -> str:
    """The path of the command after --, found as the shell would; raises CommandNotFound
    (127 in a shell) or CommandNotExecutable (126) as a shell tells them apart."""
    path = shutil.which(name)
    if path is not None:
        return path
    if "/" in name:
        try:
            is_dir = os.path.isdir(name) or stat.S_ISDIR(os.stat(name).st_mode)
        except PermissionError:  # a directory on the way that may not be searched
            is_dir = False
        except OSError:
            raise CommandNotFound(f"command not found: {name}") from None
        reason = "Is a directory" if is_dir else "Permission denied"
        raise CommandNotExecutable(f"cannot execute {name}: {reason}")
    raise CommandNotFound(f"command not found: {name}")


def command_error(name: str, err: ObserverError) -> ObserverError:
    """The shell's words for a command whose exec failed (err from the compiled core): not
    found (127) or cannot execute (126), never the BPF privilege hint an EACCES would get."""
    code = err.errno or 0
    if code == errno.ENOENT:
        return CommandNotFound(f"command not found: {name}")
    if code in (errno.EACCES, errno.EPERM, errno.ENOEXEC, errno.EISDIR, errno.ETXTBSY,
                errno.ELOOP, errno.ENAMETOOLONG, errno.E2BIG, errno.ENOTDIR):
        return CommandNotExecutable(f"cannot execute {name}: {os.strerror(code)}")
    return err


def fs_bytes(values: list[str]) -> list[bytes]:
    """Command arguments, names and paths as the bytes the kernel takes: Linux file names and
    arguments need not be UTF-8, and Python keeps such bytes in str as surrogates."""
    return [os.fsencode(value) for value in values]


def has_exited(pid: int) -> bool:
    """True if every thread of pid has exited: the kernel has already seen it go.

    kill(pid, 0) succeeds on a zombie, but a zombie's exit is past, so tracing it would wait
    forever. A zombie leader whose other threads still run is a live process."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        pass  # it exists; loading the programs will tell whether we may trace
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return True
    except OSError:
        return False  # no /proc to ask: trust kill()
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                state = f.read().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state not in ("Z", "X"):
            return False
    return True


def thread_group(pid: int) -> int:
    """The process id (tgid) of pid, which may be a thread id; raises UsageError if none."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        raise UsageError(f"no process with pid {pid}") from None
    except PermissionError:
        pass  # it exists; loading the programs will tell whether we may trace
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Tgid:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return pid


def resolve_pids(pids: list[int]) -> list[int]:
    """Map each pid (or thread id) to its process, so every thread of it is traced; refuses
    one that has already exited (a zombie would never be seen exiting)."""
    tgids = sorted({thread_group(pid) for pid in pids})
    for tgid in tgids:
        if has_exited(tgid):
            raise UsageError(f"process {tgid} has already exited")
        if tgid == os.getpid():
            raise UsageError(f"pid {tgid} is observer itself, which it never traces")
        if is_kernel_thread(tgid):
            raise UsageError(f"pid {tgid} is a kernel thread: it makes no syscalls to trace")
    return tgids


#: PF_KTHREAD in the flags field of /proc/PID/stat (include/linux/sched.h).
_PF_KTHREAD = 0x00200000


def is_kernel_thread(pid: int) -> bool:
    """True for a kernel thread (kthreadd, kworker/...), which never makes a syscall."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return bool(int(fields[6]) & _PF_KTHREAD)
    except (OSError, IndexError, ValueError):
        return False




# What observer started ---------------------------------------------------------------------

#: How long the processes of a command get to end on the signal observer forwards before
#: SIGKILL ends the rest; their last syscalls are still recorded meanwhile.
END_GRACE = 1.0


def _parents() -> dict[int, int]:
    """pid -> parent pid of every process in /proc (this pid namespace's view)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                parents[int(entry)] = int(f.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile
    return parents


def descendants(roots: list[int], parents: dict[int, int] | None = None) -> list[int]:
    """Every process in /proc below one of roots (by parent pid), roots excluded, parents
    before their children."""
    children: dict[int, list[int]] = {}
    for pid, ppid in (_parents() if parents is None else parents).items():
        children.setdefault(ppid, []).append(pid)
    found: list[int] = []
    seen = set(roots)
    todo = list(roots)
    while todo:
        for child in children.get(todo.pop(0), ()):
            if child not in seen:
                seen.add(child)
                found.append(child)
                todo.append(child)
    return found


def _ended(pidfd: int) -> bool:
    """Whether the process of pidfd has ended (a pidfd reads as ready then, zombie or not)."""
    return bool(select.select([pidfd], [], [], 0)[0])


def _pgid(pid: int) -> int | None:
    try:
        return os.getpgid(pid)
    except OSError:
        return None


def _running(child: Any) -> bool:
    """Whether the command still runs. One that the host program reaped itself (a
    waitpid(-1) of its own, SIGCHLD ignored: the core's ECHILD) has ended."""
    try:
        return child.poll() is None
    except ObserverError as err:
        if err.errno == errno.ECHILD:
            return False
        raise


def _exit_status(child: Any) -> int | None:
    """The command's exit status once it has ended; None if the host program reaped it."""
    try:
        return int(child.wait())
    except ObserverError as err:
        if err.errno == errno.ECHILD:
            return None
        raise


class StartedTree:
    """The processes observer started: the command and everything it forked, including
    children that outlived their parent (traced with -f, so the kernel keeps them in its map
    after they are handed to init). Each is held by a pidfd, so a reused pid is never hit."""

    def __init__(self, child: Any, tracer: Any, follow: bool) -> None:
        self.child = child
        self.tracer = tracer
        self.follow = follow
        self.members: dict[int, int] = {}  # pid -> pidfd

    def _collect(self) -> None:
        # In tree order, parents first: a parent signalled after its children could see them
        # end and exit by itself first (sh's wait), with a status that hides the stop. Only
        # processes still running are asked for children: an ended one's pid may be reused.
        parents = _parents()
        roots = [pid for pid, fd in self.members.items() if not _ended(fd)]
        if _running(self.child) and self.child.pid not in self.members:
            roots.insert(0, self.child.pid)  # not reaped, so the pid is still the command's
        pids = roots + descendants(roots, parents)
        if self.follow:  # orphans handed to init are found by the kernel's map
            pids += [pid for pid in parents if pid not in self.members and self.tracer.traced(pid)]
        for pid in pids:
            if pid in self.members:
                continue
            try:
                self.members[pid] = os.pidfd_open(pid)
            except OSError:
                continue  # already gone

    def alive(self) -> list[int]:
        """Members still running (a zombie has ended), found anew: a process forked since the
        last look is one too."""
        self._collect()
        _running(self.child)  # reap the command itself, so its pidfd reads as ended
        return [pid for pid, fd in self.members.items() if not _ended(fd)]

    def signal(self, sig: int, skip_pgid: int | None = None) -> None:
        """Send sig to every member (found anew), except those in process group skip_pgid:
        a terminal's Ctrl-C has already reached its foreground group."""
        for pid in self.alive():
            if skip_pgid is not None and _pgid(pid) == skip_pgid:
                continue
            try:
                signal.pidfd_send_signal(self.members[pid], sig)
            except OSError:
                continue  # ended meanwhile

    def close(self) -> None:
        """Closes the pidfds."""
        for fd in self.members.values():
            os.close(fd)
        self.members.clear()


# Settings and the session ------------------------------------------------------------------


@dataclass
class Settings:
    """What to trace and what to capture, validated: the kernel side's view of the options
    that the command line and observer.Tracer share (see docs/options.md)."""

    pids: list[int] = field(default_factory=list)
    comms: list[str] = field(default_factory=list)
    command: list[str] = field(default_factory=list)
    follow: bool = False
    syscalls: list[int] = field(default_factory=list)
    compat_syscalls: list[int] | None = None  # syscalls.Selection.compat
    paths: list[str] = field(default_factory=list)  # -P, as parse_paths gives them
    cgroup: Any = None  # observer._cgroups.Cgroup of --cgroup/--unit/--container
    uid: int | None = None
    duration: float | None = None
    ring_size: int = 16 << 20
    backlog_size: int = 0  # bytes drained records may wait; 0: 16 ring sizes, at most 1 GiB
    capture_time: bool = True
    capture_exit: bool = False
    emit_records: bool = True
    count_stats: bool = False
    count_latency: bool = False  # -c --latency: per-syscall latency histograms
    compact_records: bool = False  # the kernel's 32-byte records of the log format
    fd_paths: bool = False  # -y: what fd arguments and results name, resolved in the kernel
    absolute_paths: bool = False  # --absolute: relative paths from their directory
    failed: bool = False
    successful: bool = False
    unfinished: bool = False  # -e status=unfinished: only calls that never returned
    string_limit: int = 0
    data_limit: int = 0
    exit_records: bool = False
    probe_root: str = "/"


def set_format(settings: Settings, fmt: str | None, string_limit: int, data_limit: int) -> None:
    """Capture what fmt shows: records at syscall exit for every format but the log (and
    always for counts, -Z, -y), path strings, buffers and structs for jsonl, strace and
    Parquet, process exits for jsonl and strace. fmt None: the Python API's batches, which
    hold the fixed fields, and with capture_exit every column of the record schema."""
    full = fmt in ("jsonl", "strace", "parquet") or (fmt is None and settings.capture_exit)
    # -P follows the fds that opens return, at their exit.
    settings.capture_exit = (settings.capture_exit or full or settings.count_stats
                             or settings.failed or settings.successful or settings.unfinished
                             or settings.fd_paths or settings.absolute_paths
                             or bool(settings.paths))
    settings.string_limit = string_limit if full else 0
    # The log's line needs no arguments and no time: the kernel writes a record a third the
    # size, and reads no clock.
    if fmt == "log":
        settings.compact_records, settings.capture_time = True, False
    # Buffers and structs are kept by the jsonl, strace and Parquet writers (data columns).
    settings.data_limit = data_limit if full else 0
    # Process exits and signals are not syscalls: strace writes them whatever -Z selects.
    settings.exit_records = fmt in ("jsonl", "strace")


def make_spec(settings: Settings, pids: list[int], running: list[int] | None = None) -> Any:
    """The compiled core's Spec of settings, tracing pids; running are those of them that
    were already running (-p), whose calls in progress end as resumed ones."""
    from observer import _core

    spec = _core.Spec()
    spec.pids = pids
    spec.syscalls = settings.syscalls
    if settings.compat_syscalls is not None:
        spec.compat_syscalls, spec.compat_syscalls_set = settings.compat_syscalls, True
    spec.comms = fs_bytes(settings.comms)
    spec.paths = fs_bytes(settings.paths)
    if settings.cgroup is not None:
        spec.cgroup_id, spec.cgroup_level = settings.cgroup.id, settings.cgroup.level
    spec.uid = -1 if settings.uid is None else settings.uid
    # The same names on both sides.
    for name in ("follow", "ring_size", "backlog_size", "compact_records", "probe_root",
                 "capture_time", "capture_exit", "emit_records", "count_stats", "count_latency",
                 "string_limit", "data_limit", "exit_records"):
        setattr(spec, name, getattr(settings, name))
    spec.failed_only, spec.successful_only = settings.failed, settings.successful
    spec.unfinished_only = settings.unfinished
    spec.fd_paths, spec.absolute_paths = settings.fd_paths, settings.absolute_paths
    # -p joins processes mid-call: a call they are in returns as strace's "<... resumed>".
    spec.resume_pids = (list(running or []) if settings.capture_exit and settings.emit_records
                        else [])
    return spec


class Session:
    """One run: load and attach, let the command start, poll until a stop rule holds, drain,
    end what observer started. Used from one thread; not reusable.

    The phases are explicit so that a caller can act between them (the command line creates
    its outputs once tracing works, before the command runs)::

        session = Session(settings)
        session.start()            # resolve targets, start the command gated, load, attach
        session.begin()            # drop dead targets, pick up running -n programs
        session.release()          # let the command exec
        for _ in session.polls(sink): ...   # ends detached and drained
        status = session.finish()  # the command's exit status (None without one)

    Stop rules: ``duration``; every traced process gone when there are any to wait for (pids
    or a command, with or without ``comms``; ``comms`` alone runs until stopped); stop(),
    which callers use for signals. When a stop comes while the command still runs, its whole
    tree gets the signal (SIGTERM for the duration), then SIGKILL after END_GRACE seconds,
    and their records up to then are kept.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.tracer: Any = None
        self.child: Any = None
        self.pids: list[int] = []
        self.start_time = 0.0
        self.stopped_by: str | None = None  # "duration", "signal" or None (targets ended)
        self._stop: tuple[int, int | None] | None = None  # (signal, process group it reached)
        self._exit_fds: list[int] = []
        self._tree: StartedTree | None = None
        self._status: int | None = None
        self._finished = False

    # Phases -----------------------------------------------------------------------------------

    def start(self) -> None:
        """Resolve the targets, start the command (it waits), load and attach the programs.
        Raises UsageError, CommandNotFound/CommandNotExecutable or an ObserverError from the
        kernel; the command is ended if anything fails."""
        from observer import _core

        self.pids = resolve_pids(self.settings.pids)
        command = self.settings.command
        path = resolve_command(command[0]) if command else ""
        self.child = _core.Child(os.fsencode(path), fs_bytes(command)) if command else None
        try:
            self.load(make_spec(self.settings, self.pids + ([self.child.pid] if self.child
                                                            else []), self.pids))
        except BaseException:
            # The command waits for its release: end it rather than leave it waiting.
            self._end_child_now()
            raise

    def load(self, spec: Any) -> None:
        """Load and attach the programs of spec (a separate step for tests to interpose)."""
        from observer import _core

        self.tracer = _core.Tracer(spec)
        self.tracer.attach()

    def begin(self) -> None:
        """Start tracing for real: drop targets that died meanwhile, add running -n programs
        and watch the targets' pidfds. Then release() lets the command exec."""
        # A target that died between the check and its insertion would never be seen exiting;
        # nor would a zombie, which kill(pid, 0) still finds.
        for pid in self.pids:
            if has_exited(pid):
                self.tracer.erase_pid(pid)
        if self.settings.comms:
            add_running(self.tracer, self.settings.comms)
        watched = self.pids + ([self.child.pid] if self.child else [])
        for pid in watched:
            try:
                fd = os.pidfd_open(pid)
            except OSError:
                continue  # already gone, or no pidfd (Linux < 5.3): the next timed poll notices
            self.tracer.watch(fd)
            self._exit_fds.append(fd)
        self.start_time = time.monotonic()

    def release(self) -> None:
        """Let the command exec (its first records wait in the ring for the first poll).
        Raises CommandNotFound/CommandNotExecutable if the exec fails."""
        if self.child is not None:
            self._tree = StartedTree(self.child, self.tracer, self.settings.follow)
            try:
                self.child.release()
            except ObserverError as err:
                self._end_child_now()
                raise command_error(self.settings.command[0], err) from None
            except BaseException:
                self._end_child_now()
                raise

    @property
    def waits_for_targets(self) -> bool:
        """Whether the session ends once every traced process is gone."""
        return bool(self.pids) or self.child is not None

    def stop(self, sig: int = signal.SIGTERM, reached_group: int | None = None) -> None:
        """Ask the poll loop to stop; a running command's tree gets sig, except the processes
        in reached_group (a terminal's Ctrl-C has already reached them)."""
        if self._stop is None:
            self._stop = (sig, reached_group)
            self.stopped_by = self.stopped_by or "signal"

    def polls(self, sink: Any) -> Iterator[Any]:
        """Poll into sink until a stop rule holds, yielding the counters after each poll;
        then detach, drain (see Tracer.drain) and yield once more."""
        deadline = (self.start_time + self.settings.duration
                    if self.settings.duration else None)
        kill_at: float | None = None
        while True:
            self.tracer.poll(sink, POLL_MS)
            counters = self.tracer.counters()
            yield counters
            now = time.monotonic()
            if kill_at is not None:  # ending the command's tree
                alive = self._tree.alive() if self._tree else []
                if not alive:
                    break
                if now >= kill_at:
                    assert self._tree is not None
                    self._tree.signal(signal.SIGKILL)
                    kill_at = now + END_GRACE  # SIGKILL is final: wait only for the exit
                continue
            if deadline is not None and now >= deadline:
                self.stopped_by = self.stopped_by or "duration"
                self.stop(signal.SIGTERM)
            if self._stop is None and self.waits_for_targets and counters.traced_alive <= 0:
                break
            if self._stop is not None:
                if self._tree is None or not self._tree.alive():
                    break
                sig, group = self._stop
                self._tree.signal(sig, skip_pgid=group)
                kill_at = now + END_GRACE
        self.tracer.detach()
        self.tracer.drain(sink)
        yield self.tracer.counters()

    def finish(self) -> int | None:
        """Detach, end what observer started if it still runs (SIGTERM, SIGKILL after
        END_GRACE s), close the pidfds; returns the command's exit status. Idempotent."""
        if self._finished:
            return self._status
        self._finished = True
        if self.tracer is not None:
            self.tracer.detach()
        for fd in self._exit_fds:
            os.close(fd)
        self._exit_fds.clear()
        if self.child is not None:
            self._status = self._end_tree()
        return self._status

    # Ending the command ---------------------------------------------------------------------

    def _end_tree(self) -> int | None:
        """The command's exit status, once its whole tree has ended (None: the host program
        reaped it, so its status is unknown)."""
        assert self.child is not None
        if self._tree is not None:
            if self._tree.alive():
                self._tree.signal(signal.SIGTERM)
                limit = time.monotonic() + END_GRACE
                while self._tree.alive() and time.monotonic() < limit:
                    time.sleep(0.01)
                if self._tree.alive():
                    self._tree.signal(signal.SIGKILL)
            self._tree.close()
        return _exit_status(self.child)

    def _end_child_now(self) -> None:
        if self.child is not None:
            self.child.kill(signal.SIGKILL)
            _exit_status(self.child)
            self.child = None


def add_running(tracer: Any, comms: list[str]) -> int:
    """Adds the processes already running under one of comms (their comm, or the basename of
    their executable) to tracer's map; returns how many it added.

    Runs after attach, so a process that execs one of the names from then on is added by the
    kernel instead; the map's insert-if-absent keeps either from counting it twice. A process
    that ends between the scan and its insert is removed again, so no stale entry waits
    forever. Pids are those of /proc, the tracer's pid namespace."""
    wanted = set(fs_bytes(comms))
    me = os.getpid()
    added = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == me:
            continue
        pid = int(entry)
        try:
            fd = os.pidfd_open(pid)
        except OSError:
            continue
        try:
            if not _named(pid, wanted) or is_kernel_thread(pid):
                continue
            if tracer.add_pid(pid):
                added += 1
                if _ended(fd):  # ended before it was in the map
                    tracer.erase_pid(pid)
                    added -= 1
        finally:
            os.close(fd)
    return added


def _named(pid: int, wanted: set[bytes]) -> bool:
    """The kernel's rule for a running process: its comm, or its executable's basename."""
    try:
        with open(f"/proc/{pid}/comm", "rb") as f:
            if f.read().removesuffix(b"\n") in wanted:
                return True
        exe = os.readlink(f"/proc/{pid}/exe").removesuffix(" (deleted)")
    except OSError:
        return False  # gone, or a kernel thread (no exe)
    return os.fsencode(os.path.basename(exe)) in wanted


class Output:
    """Where records go: the file sink of a format (log, jsonl, strace), a Parquet dataset
    fed from an in-memory sink between polls, or (fmt None: -c alone) a sink that stays empty.
    Creating it creates the file: do it once tracing works."""

    def __init__(self, fmt: str | None, path: str, *, timestamps: int = 0,
                 durations: bool = False, relative: bool = False, rotate: int = 64 << 20,
                 clock_offset_ns: int | None = None, tid: bool = False,
                 per_process: bool = False) -> None:
        from observer import _core

        self.path = path
        self.parquet: Any = None
        self.sink: Any
        if per_process and fmt is not None:  # -ff
            self.sink = _core.SplitSink(os.fsencode(path), fmt, timestamps, durations, relative)
        elif fmt is None:
            self.sink = _core.BatchSink()
        elif fmt == "parquet":
            # Arrow batches of the record schema, built in C++ between polls, for the dataset.
            self.parquet = _open_parquet(path, rotate, clock_offset_ns)
            self.sink = _core.RecordBatchSink(self.parquet.clock_offset_ns)
        elif fmt == "jsonl":
            self.sink = _core.JsonSink(os.fsencode(path))
        elif fmt == "strace":
            self.sink = _core.StraceSink(os.fsencode(path), timestamps, durations, relative)
        elif fmt == "log":
            sink = _core.TidTextSink if tid else _core.TextSink
            self.sink = sink(os.fsencode(path))
        else:
            raise UsageError(f"unknown format {fmt!r}: expected log, jsonl, strace or parquet")

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


def write_summary_file(path: str, text: str) -> None:
    """The -c table into path (-c -o FILE), private and never through a symlink; raises
    OutputError."""
    from observer._files import open_file

    try:
        with os.fdopen(open_file(path), "w", encoding="utf-8") as out:
            out.write(text)
    except OSError as err:
        code = err.errno or errno.EIO
        # A symlink is refused in check_output's words.
        reason = (err.strerror if code == errno.ELOOP and err.strerror
                  else f"{os.strerror(code)} ({errno.errorcode.get(code, code)})")
        raise OutputError(f"open {path}: {reason}") from None


def _open_parquet(path: str, rotate: int, clock_offset_ns: int | None) -> Any:
    try:
        from observer.frames import ParquetStream
        from observer._clock import clock_offset_ns as offset

        return ParquetStream(path, offset() if clock_offset_ns is None else clock_offset_ns,
                             max_bytes=rotate)
    except ImportError as err:
        raise OutputError(f"--format parquet needs pyarrow and pandas: {err}") from None
    except OSError as err:
        verb = "open" if err.errno == errno.ELOOP else "create"
        raise OutputError(f"{verb} {path}: {err.strerror or err}") from None
