"""_core.Child in a host program that reaps its own children: the exit status is gone, the
calls that ask for it raise ObserverError, and dropping the Child never ends the interpreter.

Each case runs in a fresh interpreter, so that an abort (std::terminate from the C++ side)
shows as that interpreter's exit status instead of killing the test run."""

from __future__ import annotations

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
