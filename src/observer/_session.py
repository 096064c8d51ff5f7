"""One tracing session, shared by the command line and ``observer.Tracer``: the options as the
kernel side takes them (make_spec), checking and resolving the processes to trace, starting the
command gated, the poll loop with its stop rules, the drain, writing an output, the report of
what was written and lost, and ending what was started."""

from __future__ import annotations

import errno
import os
import select
import shutil
import signal
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from observer import syscalls
from observer._errors import ObserverError, OutputError, UsageError
from observer._options import Options
from observer._outputs import Output

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


# The kernel's side of the options and the session -----------------------------------------


def make_spec(opts: Options, pids: list[int], running: list[int] | None = None) -> Any:
    """The compiled core's Spec of opts, tracing pids; running are those of them that were
    already running (-p), whose calls in progress end as resumed ones.

    Each format gets what it shows: records at syscall exit for every format but the log
    (and always for counts, -Z, -y), path strings, buffers and structs for jsonl, strace and
    Parquet, process exits for jsonl and strace. Batches (no format) hold the fixed fields,
    and with capture_exit every column of the record schema."""
    from observer import _core

    fmt = opts.format
    full = fmt in ("jsonl", "strace", "parquet") or (fmt is None and opts.capture_exit)
    spec = _core.Spec()
    spec.pids = pids
    spec.syscalls = opts.syscalls
    if opts.compat_syscalls is not None:
        spec.compat_syscalls, spec.compat_syscalls_set = opts.compat_syscalls, True
    # A selection is taken at the selected syscalls' own tracepoints where the loader finds
    # that this keeps every guarantee (else at the raw ones): the others then run nothing.
    spec.syscall_tracepoints = bool(opts.syscalls)
    spec.comms = fs_bytes(opts.comms)
    spec.paths = fs_bytes(opts.paths)
    if opts.cgroup is not None:
        spec.cgroup_id, spec.cgroup_level = opts.cgroup.id, opts.cgroup.level
    spec.uid = -1 if opts.uid is None else opts.uid
    spec.follow, spec.ring_size, spec.backlog_size = opts.follow, opts.ring_size, opts.backlog
    spec.probe_root = opts.probe_root
    # -P follows the fds that opens return, at their exit.
    spec.capture_exit = (opts.full_records or full or opts.decode_fds or opts.absolute
                         or bool(opts.paths))
    # The log's line needs no arguments and no time: the kernel writes a record a third the
    # size, and reads no clock.
    spec.compact_records = fmt == "log"
    spec.capture_time = opts.capture_time and fmt != "log"
    spec.emit_records, spec.count_stats, spec.count_latency = (opts.records, opts.counts,
                                                               opts.latency)
    # Buffers and structs are kept by the jsonl, strace and Parquet writers (data columns).
    spec.string_limit = opts.string_limit if full else 0
    spec.data_limit = opts.data_limit if full else 0
    # Process exits and signals are not syscalls: strace writes them whatever -Z selects.
    spec.exit_records = fmt in ("jsonl", "strace")
    spec.failed_only, spec.successful_only = opts.failed, opts.successful
    spec.unfinished_only = opts.unfinished
    spec.fd_paths, spec.absolute_paths = opts.decode_fds, opts.absolute
    if opts.stack_trace and not _core.STACK_TRACES:
        raise UsageError(f"{opts.spell('stack_trace')} needs an observer built with libdw "
                         "(libdw-dev) on x86_64: this one cannot unwind stacks")
    spec.stack_trace = opts.stack_trace
    # strace -v (-e abbrev= without them) shows execve's environment.
    spec.whole_data = fmt == "strace" and bool(opts.read_fds or opts.write_fds)
    exec_calls = [syscalls.number(name) for name in ("execve", "execveat")]
    spec.envp_strings = fmt == "strace" and opts.abbrev_syscalls is not None and any(
        nr not in opts.abbrev_syscalls for nr in exec_calls)
    # -p joins processes mid-call: a call they are in returns as strace's "<... resumed>".
    spec.resume_pids = list(running or []) if spec.capture_exit and opts.records else []
    return spec


@dataclass(frozen=True)
class Report:
    """What one trace wrote and lost, by cause: the same accounting for the command line's
    closing line and jsonl end line as for observer.Tracer. The calls written and the calls
    lost (lost_ring + lost_storage + lost_oversized + dropped + not_written + abandoned)
    cover every call traced threads made while attached, and resumed ones begun before;
    lost_notices are process exits and signals."""

    written: int = 0  # records written to the output, or handed to the caller in batches
    unfinished: int = 0  # of them, calls that never returned
    resumed: int = 0  # of them, calls begun before tracing did (-p)
    lost_ring: int = 0  # the kernel's ring was full
    lost_storage: int = 0  # no task storage for the call's start
    lost_oversized: int = 0  # a record larger than the ring
    lost_notices: int = 0  # process exits and signals, ring full
    dropped: int = 0  # drained, but the backlog was full
    not_written: int = 0  # taken from the ring, never written: the output failed, or the
    #                       caller stopped reading (or never read) before the end
    abandoned: int = 0  # still being written in the kernel when the trace ended

    @property
    def lost(self) -> int:
        """Records not written, every cause."""
        return (self.lost_ring + self.lost_storage + self.lost_oversized + self.lost_notices
                + self.dropped + self.not_written + self.abandoned)

    def counts(self) -> dict[str, int]:
        """The counts in the order of the jsonl end line."""
        counts = {"written": self.written, "unfinished": self.unfinished,
                  "resumed": self.resumed, "lost": self.lost}
        counts.update((name, getattr(self, name)) for name in (
            "lost_ring", "lost_storage", "lost_oversized", "lost_notices", "dropped",
            "not_written", "abandoned"))
        return counts


class Session:
    """One run: load and attach, let the command start, poll until a stop rule holds, drain,
    end what observer started. Used from one thread; not reusable.

    The phases are explicit so that a caller can act between them (the command line creates
    its outputs once tracing works, before the command runs)::

        session = Session(options)
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

    def __init__(self, options: Options) -> None:
        self.options = options
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
        self.output_error: OutputError | None = None

    # Phases -----------------------------------------------------------------------------------

    def start(self) -> None:
        """Resolve the targets, start the command (it waits), load and attach the programs.
        Raises UsageError, CommandNotFound/CommandNotExecutable or an ObserverError from the
        kernel; the command is ended if anything fails."""
        from observer import _core

        self.pids = resolve_pids(self.options.pids)
        command = self.options.command
        path = resolve_command(command[0]) if command else ""
        self.child = _core.Child(os.fsencode(path), fs_bytes(command)) if command else None
        try:
            self.load(make_spec(self.options, self.pids + ([self.child.pid] if self.child
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
        if self.options.comms:
            add_running(self.tracer, self.options.comms)
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
            self._tree = StartedTree(self.child, self.tracer, self.options.follow)
            try:
                self.child.release()
            except ObserverError as err:
                self._end_child_now()
                raise command_error(self.options.command[0], err) from None
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
        deadline = (self.start_time + self.options.duration
                    if self.options.duration else None)
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

    def record(self, output: Output, on_poll: Callable[[Any], None] | None = None) -> Report:
        """Poll into output until a stop rule holds (see polls), moving records into it after
        each poll and calling on_poll(counters); then end it and return the report. If the
        output fails, the rest is drained into nothing (counted in not_written), its end
        line is not written and the error is kept in output_error."""
        from observer import _core

        try:
            for counters in self.polls(output.sink):
                output.feed()
                if on_poll is not None:
                    on_poll(counters)
            output.feed(final=True)
        except OutputError as err:
            self.output_error = err
            # What is left in the ring can no longer be written: counted, not dropped silently.
            self.tracer.detach()
            self.tracer.drain(_core.DiscardSink())
        report = self.report(output.written)
        if self.output_error is None:
            try:
                output.end(report.counts())
            except OutputError as err:
                self.output_error = err
        return report

    def report(self, written: int) -> Report:
        """The accounting of the trace so far, written records having reached the output."""
        counters = self.tracer.counters()
        return Report(
            written=written, unfinished=self.tracer.unfinished, resumed=self.tracer.resumed,
            lost_ring=counters.lost_ring, lost_storage=counters.lost_storage,
            lost_oversized=counters.lost_oversized, lost_notices=counters.lost_notices,
            dropped=counters.dropped, not_written=self.tracer.consumed - written,
            abandoned=self.tracer.abandoned)

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
