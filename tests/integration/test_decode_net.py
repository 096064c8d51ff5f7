"""Socket options and message flags against strace itself (workloads/net.c).

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

import pytest

from .helpers import fidelity

pytestmark = pytest.mark.bpf

SOURCE = Path(__file__).parent / "workloads" / "net.c"


@pytest.mark.parametrize("option", [[], ["-X", "raw"], ["-X", "verbose"]],
                         ids=lambda option: " ".join(option) or "abbrev")
def test_socket_options_and_message_flags_are_shown_as_strace_shows_them(
        tmp_path: Path, option: list[str]) -> None:
    """Also with -X raw and -X verbose: each constant as strace writes it then."""
    if shutil.which("strace") is None or shutil.which("gcc") is None:
        pytest.fail("strace (the oracle) and gcc are needed (Makefile APT_PACKAGES)")
    program = tmp_path / "net"
    subprocess.run(["gcc", "-O1", "-o", str(program), str(SOURCE)], check=True)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C", "LC_ALL": "C"}
    s_out, o_out = tmp_path / "net.strace", tmp_path / "net.observer"
    subprocess.run(["strace", "-f", *option, "-o", str(s_out), str(program)], cwd=tmp_path,
                   env=env, check=True, timeout=120)
    own = {k: v for k, v in os.environ.items() if k in ("PYTHONPATH", "VIRTUAL_ENV")}
    subprocess.run([sys.executable, "-m", "observer", "-q", "-f", "--format", "strace", *option,
                    "-o", str(o_out), "--", str(program)], cwd=tmp_path, env={**env, **own},
                   check=True, timeout=120)
    result = fidelity().compare(s_out.read_text(), o_out.read_text(), "net")
    differing = "\n".join(f"strace:   {s}\nobserver: {o}" for s, o in result.examples)
    assert result.strace_lines > 60, s_out.read_text()
    assert result.same == result.strace_lines, differing
