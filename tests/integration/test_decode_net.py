"""Socket options, message flags (workloads/net.c) and control messages (workloads/msg.c)
against strace itself.

Levels and option names by level; option values by their type (ints, struct linger, ip_mreq,
ipv6_mreq, netlink group lists) given whole, cut short, longer than their memory, NULL or at a
bad address; unknown levels, names and flag bits. observer's lines must be strace's
(tools/fidelity.py pairs the processes and masks addresses and pids).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .helpers import fidelity

pytestmark = pytest.mark.bpf

WORKLOADS = Path(__file__).parent / "workloads"


def compare_with_strace(tmp_path: Path, name: str) -> tuple[Any, str]:
    """Runs workloads/NAME.c under strace and under observer; the comparison of the logs."""
    if shutil.which("strace") is None or shutil.which("gcc") is None:
        pytest.fail("strace (the oracle) and gcc are needed (Makefile APT_PACKAGES)")
    program = tmp_path / name
    subprocess.run(["gcc", "-O1", "-o", str(program), str(WORKLOADS / f"{name}.c")], check=True)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C", "LC_ALL": "C"}
    s_out, o_out = tmp_path / f"{name}.strace", tmp_path / f"{name}.observer"
    subprocess.run(["strace", "-f", "-o", str(s_out), str(program)], cwd=tmp_path, env=env,
                   check=True, timeout=120)
    own = {k: v for k, v in os.environ.items() if k in ("PYTHONPATH", "VIRTUAL_ENV")}
    subprocess.run([sys.executable, "-m", "observer", "-q", "-f", "--format", "strace", "-o",
                    str(o_out), "--", str(program)], cwd=tmp_path, env={**env, **own},
                   check=True, timeout=120)
    return fidelity().compare(s_out.read_text(), o_out.read_text(), name), s_out.read_text()


def differing(result: Any) -> str:
    return "\n".join(f"strace:   {s}\nobserver: {o}" for s, o in result.examples)


def test_socket_options_and_message_flags_are_shown_as_strace_shows_them(
        tmp_path: Path) -> None:
    result, oracle = compare_with_strace(tmp_path, "net")
    assert result.strace_lines > 60, oracle
    assert result.same == result.strace_lines, differing(result)


def test_control_messages_are_shown_as_strace_shows_them(tmp_path: Path) -> None:
    """workloads/msg.c: descriptors passed and received, cut and unreadable control buffers,
    SOL_IP's types, unknown levels and types."""
    result, oracle = compare_with_strace(tmp_path, "msg")
    assert oracle.count("cmsg_level=") >= 12, oracle
    assert result.same == result.strace_lines, differing(result)
