"""What the command line and the Python API share to run a session: checking and resolving
the processes to trace, starting and ending a command, and the poll cadence."""

from __future__ import annotations

import os
import shutil
import signal
import time
from typing import Any

from observer._errors import ObserverError, UsageError

#: How long one poll waits (ms). The ring is drained on this timer: records never wake the
#: consumer, so it also bounds how late Ctrl-C, a deadline or a target's exit is noticed.
POLL_MS = 10
NAME_MAX = 255  # longest program name -n matches (bpf/syscalls.h NAME_LEN - 1)
MAX_NAMES = 64  # names -n takes (bpf/syscalls.h MAX_NAMES)


def parse_pids(values: list[str]) -> list[int]:
    """Repeatable, comma-separated -p values as sorted unique pids; raises UsageError."""
    pids: list[int] = []
    for value in values:
        for item in value.split(","):
            text = item.strip()
            if not text.lstrip("-").isdigit():
                raise UsageError(f"invalid pid {text!r}: expected a positive number")
            pid = int(text)
            if pid <= 0 or pid > 0x3FFFFFFF:
                raise UsageError(f"invalid pid {pid}: expected a positive number")
            pids.append(pid)
    return sorted(set(pids))


def parse_comms(values: list[str]) -> list[str]:
    """Repeatable, comma-separated -n values as sorted unique names; raises UsageError."""
    comms: list[str] = []
    for value in values:
        for item in value.split(","):
            if not item or "/" in item or len(os.fsencode(item)) > NAME_MAX:
                raise UsageError(f"invalid program name {item!r}: expected 1-{NAME_MAX} bytes "
                                 "without '/'")
            comms.append(item)
    unique = sorted(set(comms))
    if len(unique) > MAX_NAMES:
        raise UsageError(f"{len(unique)} program names for -n: at most {MAX_NAMES}")
    return unique


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
    if "/" in name and os.path.exists(name):
        reason = "Is a directory" if os.path.isdir(name) else "Permission denied"
        raise CommandNotExecutable(f"cannot execute {name}: {reason}")
    raise CommandNotFound(f"command not found: {name}")


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


def watch_exits(tracer: Any, pids: list[int]) -> list[int]:
    """pidfds of pids, watched so that the poll loop wakes as soon as one exits."""
    fds = []
    for pid in pids:
        try:
            fd = os.pidfd_open(pid)
        except OSError:
            continue  # already gone, or no pidfd (Linux < 5.3): the next timed poll notices
        tracer.watch(fd)
        fds.append(fd)
    return fds


def finish_child(child: Any) -> int:
    """Ends a command we started: waits if it exited, else SIGTERM, then SIGKILL after 1 s."""
    status = child.poll()
    if status is not None:
        return int(status)
    child.kill(signal.SIGTERM)
    for _ in range(100):
        time.sleep(0.01)
        status = child.poll()
        if status is not None:
            return int(status)
    child.kill(signal.SIGKILL)
    return int(child.wait())
