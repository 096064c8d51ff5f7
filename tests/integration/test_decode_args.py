"""How arguments are printed across syscalls, against strace (workloads/args.c).

The workload calls syscalls with int arguments carrying junk in their upper half, uids
above 2^31, values and flags no table knows, NULL arrays and mknod's modes; observer's
strace format must write each of its lines as strace does, addresses and pids masked as
tools/fidelity.py masks them.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .helpers import compile_c, fidelity, run_observer

pytestmark = pytest.mark.bpf

SOURCE = Path(__file__).parent / "workloads" / "args.c"
MARKER = 'access("/args-begin", '  # F_OK, 0 or 0 /* F_OK */ as -X says


def the_workload_lines(text: str) -> list[str]:
    """The workload's own lines, from its marker on, masked."""
    tool = fidelity()
    lines, order = tool.split_processes(text)
    mine = lines[order[-1]] if order else []
    start = next((i for i, line in enumerate(mine) if line.startswith(MARKER)), len(mine))
    return [tool.normalise(line, {}) for line in mine[start:]]


@pytest.mark.parametrize("option", [[], ["-X", "raw"], ["-X", "verbose"]],
                         ids=lambda option: " ".join(option) or "abbrev")
def test_arguments_are_printed_as_strace_prints_them(tmp_path: Path,
                                                     option: list[str]) -> None:
    """Also with -X raw and -X verbose: modes, devices and flags as strace writes them then."""
    if shutil.which("strace") is None:
        pytest.fail("strace is needed as the oracle (Makefile APT_PACKAGES)")
    program = compile_c(tmp_path, SOURCE.read_text())
    s_out, o_out = tmp_path / "strace.log", tmp_path / "observer.log"
    subprocess.run(["strace", "-f", *option, "-o", str(s_out), str(program)], check=True,
                   timeout=60)
    traced = run_observer("-q", "-f", "--format", "strace", *option, "-o", str(o_out), "--",
                          str(program))
    assert traced.returncode == 0, traced.stderr
    expected = the_workload_lines(s_out.read_text())
    actual = the_workload_lines(o_out.read_text())
    assert len(expected) > 25, expected
    assert actual == expected
