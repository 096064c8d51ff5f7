"""_core.Child in a host program that reaps its own children: the exit status is gone, the
calls that ask for it raise ObserverError, and dropping the Child never ends the interpreter.

Each case runs in a fresh interpreter, so that an abort (std::terminate from the C++ side)
shows as that interpreter's exit status instead of killing the test run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("observer._core", reason="observer._core is not built")

START = """
import errno, gc, os, signal, sys
from observer import _core
from observer._errors import ObserverError

def started():
    child = _core.Child(b"/bin/true", [b"true"])
    child.release()
    return child

def reaped_by_host():
    child = started()
    pid, _ = os.waitpid(-1, 0)  # the host's own reaper takes any child, ours included
    assert pid == child.pid, (pid, child.pid)
    return child

def wait_error(call):
    try:
        call()
    except ObserverError as err:
        assert err.errno == errno.ECHILD, err.errno
        assert "reaped" in str(err), str(err)
        return str(err)
    raise AssertionError("no ObserverError")
"""


def run(body: str) -> subprocess.CompletedProcess[str]:
    script = START + textwrap.dedent(body) + "\nprint('clean')\n"
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60)


def assert_clean(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0 and result.stdout.endswith("clean\n"), (
        f"exit status {result.returncode}\n{result.stdout}{result.stderr}")


def test_dropping_a_child_the_host_reaped_is_clean() -> None:
    assert_clean(run("""
        child = reaped_by_host()
        del child
        gc.collect()
    """))


def test_wait_and_poll_after_the_host_reaped_raise_observer_error() -> None:
    assert_clean(run("""
        child = reaped_by_host()
        message = wait_error(child.wait)
        assert message.startswith("wait for /bin/true: "), message
        wait_error(child.poll)
        child.kill(signal.SIGKILL)  # nothing left to signal: a no-op, not a stray kill
        del child
        gc.collect()
    """))


def test_a_child_reaped_before_its_release_reports_it() -> None:
    # The held child killed and reaped by the host: release() finds nobody to start.
    assert_clean(run("""
        child = _core.Child(b"/bin/true", [b"true"])
        os.kill(child.pid, signal.SIGKILL)
        os.waitpid(child.pid, 0)
        try:
            child.release()
        except ObserverError:
            pass
        else:
            raise AssertionError("release() of a reaped child succeeded")
        del child
        gc.collect()
    """))


def test_ignored_sigchld_makes_wait_raise_instead_of_aborting() -> None:
    # With SIGCHLD ignored the kernel reaps children itself, and waitpid finds none.
    assert_clean(run("""
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)
        child = started()
        wait_error(child.wait)
        del child
        gc.collect()
    """))


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("unshare") is None,
                    reason="needs root and unshare (util-linux) for a pid namespace")
def test_a_pid_given_to_another_process_after_the_host_reaped_is_left_alone() -> None:
    # In a pid namespace of its own the next pid can be chosen (ns_last_pid): the host reaps
    # the command, then starts another child that gets the same pid. Child must neither
    # signal it nor take its exit status.
    script = START + textwrap.dedent("""
        import subprocess
        def reuse(pid, argv):
            with open("/proc/sys/kernel/ns_last_pid", "w") as f:
                f.write(str(pid - 1))
            other = subprocess.Popen(argv)
            assert other.pid == pid, (other.pid, pid)
            return other

        def pending(pid):
            with open(f"/proc/{pid}/status") as f:
                fields = dict(line.split(":\\t", 1) for line in f)
            return int(fields["ShdPnd"], 16) | int(fields["SigPnd"], 16)

        child = reaped_by_host()
        # SIGUSR1 blocked in the other process (the mask survives exec): one that reached
        # it stays pending, where /proc shows it.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
        other = reuse(child.pid, ["sleep", "100"])
        child.kill(signal.SIGUSR1)
        assert not pending(other.pid) & (1 << (signal.SIGUSR1 - 1)), "signalled another"
        other.kill()
        other.wait()

        other = reuse(child.pid, ["sh", "-c", "exit 7"])
        wait_error(child.wait)  # and not the status of the other process
        _, status = os.waitpid(other.pid, 0)  # still there for its parent to take
        assert os.waitstatus_to_exitcode(status) == 7, status
        other.returncode = 7
        del child
        gc.collect()
        print("clean")
    """)
    result = subprocess.run(["unshare", "--pid", "--fork", "--mount-proc", sys.executable,
                             "-c", script], capture_output=True, text=True, timeout=60)
    assert_clean(result)
