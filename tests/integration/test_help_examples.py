"""Every command in the EXAMPLES block of ``observer --help`` runs and exits 0.

Placeholders become real things: pid 1234 a live process, ``make -j2`` a shell that forks,
durations one second. An example whose option this observer's --help does not list yet is
skipped with that reason (options added on other branches are written in the examples first).
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

OBSERVER = [sys.executable, "-m", "observer"]


def help_text(program: list[str] = OBSERVER) -> str:
    return subprocess.run([*program, "--help"], capture_output=True, text=True,
                          check=True).stdout


def examples() -> list[str]:
    """The commands of the examples block (text before the description's run of spaces)."""
    text = help_text()
    block = text.split("\nexamples:\n", 1)[1].split("\n\n", 1)[0]
    commands = []
    for line in block.splitlines():
        stripped = line.strip()
        if stripped.startswith(("observer ", "python -m observer")):
            commands.append(re.split(r"\s{2,}", stripped)[0])
    return commands


def test_help_lists_an_example_for_each_task() -> None:
    commands = examples()
    joined = "\n".join(commands)
    for needle in ("-p 1234", "-s openat", "-f ", "-n ", "-d 10", "-c ", "--format jsonl",
                   "observer.formatter", "-l ", "--info"):
        assert needle in joined, needle
    assert "exit status:" in help_text()


def substitute(argv: list[str], pid: int) -> list[str]:
    out = []
    for i, arg in enumerate(argv):
        if arg == "1234":
            arg = str(pid)
        elif i and argv[i - 1] == "-d":
            arg = "1"
        out.append(arg)
    if "make" in out:
        at = out.index("make")
        out[at:] = ["sh", "-c", "ls / >/dev/null; true"]
    return out


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding a real trace.log, for the examples that read one."""
    path = tmp_path_factory.mktemp("examples")
    subprocess.run([*OBSERVER, "-q", "-o", "trace.log", "--", "ls", "/"], cwd=path, check=True,
                   stdout=subprocess.DEVNULL, timeout=60)
    return path


@pytest.mark.bpf
@pytest.mark.parametrize("command", examples())
def test_example_runs(command: str, workdir: Path) -> None:
    argv = shlex.split(command)
    if argv[0] == "observer":
        program, args = OBSERVER, argv[1:]
    else:
        program, args = [sys.executable, *argv[1:3]], argv[3:]
    # The pid target lives until it is killed once observer says it is tracing, so it cannot
    # exit too early on a loaded machine; -p then ends with it.
    target = subprocess.Popen(["sleep", "infinity"])
    try:
        real = [*program, *substitute(args, target.pid)]
        proc = subprocess.Popen(real, cwd=workdir, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        assert proc.stderr is not None
        err = ""
        if "1234" in args:
            while "observer: tracing" not in err:
                line = proc.stderr.readline()
                if not line:
                    break
                err += line
            target.kill()
        out, rest = proc.communicate(timeout=120)
        err += rest
    finally:
        target.kill()
        target.wait()
    assert proc.returncode == 0, f"{real}: {err}"
    assert "Traceback" not in err
