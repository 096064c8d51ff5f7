"""Structures and signals as strace shows them, against strace itself.

workloads/structs.c: openat2's open_how, fcntl's struct flock, sendfile's offset before and
after, wait4's and waitid's rusage and siginfo, the timespecs of sleeps, clocks and timers,
itimervals and rlimits, each with valid values, unknown bits, NULL, a bad pointer and a struct
that ends where an unreadable page begins. workloads/signals.c: a process that stops and is
continued, one that kills itself with a signal, one killed in pause() and one whose handler
ends it there. workloads/mux.c: the multiplexers (prctl, arch_prctl, syslog, keyctl, futex)
with commands that take different arguments and unknown ones, personality's result, and the
flags of the mount API, fanotify_mark, mbind, set_mempolicy, move_pages, close_range,
kexec_file_load, landlock, pkey_alloc and io_uring_enter, io_uring_register's opcodes, and
ptrace's requests with the arguments each reads. workloads/uring.c: io_uring_register's
arguments by opcode, a real ring's probe and worker limits among them, and the
io_uring_params io_uring_setup was given and filled. workloads/perf.c:
perf_event_open's struct perf_event_attr of several types, E2BIG's size and a short struct.
workloads/bpf.c: bpf's commands and union bpf_attr, a real array map among them.
workloads/siginfo.c: siginfos of every layout, queued and taken (rt_sigqueueinfo,
rt_tgsigqueueinfo, rt_sigtimedwait, pidfd_send_signal) and given to ptrace, and the masks,
PEEKSIGINFO arguments and seccomp metadata ptrace's requests read. workloads/ldt.c: x86's
struct user_desc of set_thread_area, get_thread_area and modify_ldt.
workloads/keys.c: keyctl's buffers and structs by command, a real thread keyring described.
workloads/attrs.c: clone3's struct clone_args and what follows it, capget's and capset's
structs, setgroups' groups, the AIO context, kexec_file_load's command line, landlock's
rules and mount_setattr's struct mount_attr. workloads/values.c: strings strace reads to
-s + 1 bytes, extended attributes, time zones, iovecs by address, SysV messages, node masks
_sysctl, quotactl_fd, fsconfig's binary value, signal mask structs and clone's flags.
observer's lines must be strace's
(tools/fidelity.py pairs the processes and masks addresses and pids; times are masked here).
"""

from __future__ import annotations

import platform
import re
from pathlib import Path

import pytest

from .helpers import fidelity, traced_by_both

pytestmark = pytest.mark.bpf

WORKLOADS = Path(__file__).parent / "workloads"
# ldt.c's calls are x86's: elsewhere it makes none.
_LDT_LINES = 10 if platform.machine() == "x86_64" else 0
# Times differ between any two runs: rusage, the time a sleep left, a timer's remaining time.
_TIMES = re.compile(r"\b(tv_sec|tv_usec|tv_nsec)=\d+")
# So does the clock adjtimex shows, where a time daemon steers it.
_TIMEX = re.compile(r"\b(offset|freq|maxerror|esterror|ppsfreq|jitter|stabil)=-?\d+")
# So do the ids of SysV message queues: msgget's result and the calls on it.
_QUEUE_IDS = re.compile(r"^(\d+ +)?(msgget\(.*\) += |msg(?:snd|rcv|ctl)\()\d+", re.M)
# signals.c polls /proc/PID/syscall (fd 5) until a child is in pause(): how many rounds that
# takes depends on the scheduler, not on the tracer, so those lines are left out (-X raw
# writes AT_FDCWD as -100).
_POLLING = {"signals": re.compile(r'^(openat\((AT_FDCWD|-100), "/proc/\d+/syscall"'
                                  r'|(newfstatat|read|close)\(5[,)]|clock_nanosleep\()')}


def _steady(text: str) -> str:
    """text with what differs between two runs masked: times, and adjtimex's clock."""
    text = _TIMES.sub(r"\1=N", text)
    return "\n".join(_TIMEX.sub(r"\1=N", line) if "adjtime" in line else line
                     for line in text.split("\n"))


@pytest.mark.parametrize("option", [[], ["-X", "raw"], ["-X", "verbose"]],
                         ids=lambda option: " ".join(option) or "abbrev")
@pytest.mark.parametrize("name,least", [("structs", 90), ("signals", 60), ("mux", 80),
                                         ("uring", 30), ("perf", 5), ("bpf", 15),
                                         ("siginfo", 45), ("ldt", _LDT_LINES),
                                         ("keys", 30), ("attrs", 60), ("values", 60),
                                         ("aio", 20)])
def test_lines_are_strace_lines(tmp_path: Path, name: str, least: int,
                                option: list[str]) -> None:
    """Also with -X raw and -X verbose: each constant as strace writes it then."""
    strace_text, observer_text = traced_by_both(WORKLOADS / f"{name}.c", tmp_path, option)
    strace = _QUEUE_IDS.sub(r"\1\2Q", _steady(strace_text))
    observer = _QUEUE_IDS.sub(r"\1\2Q", _steady(observer_text))
    result = fidelity().compare(strace, observer, name, _POLLING.get(name))
    differing = "\n".join(f"strace:   {s}\nobserver: {o}" for s, o in result.examples)
    assert result.strace_lines > least, strace
    assert result.same == result.strace_lines, differing
