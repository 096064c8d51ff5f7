"""strace's display options against strace 6.1 (workloads/display.c): -x and -xx (strings in
hex), -X raw|abbrev|verbose (constants as numbers, names or both), -v and -e abbrev= (struct
stat in full), -e verbose=none (structures by address), -e raw= (arguments and results as
hex numbers) and -e read=/-e write= (hex dumps of the data). Each option runs the workload
under `strace -f OPTION` and `observer -f --format strace OPTION`; the workload's lines must
be the same, pids and addresses masked as tools/fidelity.py masks them."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .helpers import compile_c, fidelity, run_observer

pytestmark = pytest.mark.bpf

SOURCE = Path(__file__).parent / "workloads" / "display.c"
MARKERS = ('access("/display-begin"', 'access("\\x2f\\x64\\x69\\x73')

#: Addresses: long hex numbers only, so that -X raw's 0x241 is compared as written.
ADDRESSES = re.compile(r"0x[0-9a-f]{7,}")


@pytest.fixture(scope="module")
def workload(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("strace") is None:
        pytest.fail("strace is needed as the oracle (Makefile APT_PACKAGES)")
    directory = tmp_path_factory.mktemp("display")
    program = compile_c(directory, SOURCE.read_text())
    data = directory / "data"
    data.mkdir()
    (data / "stable").write_text("not read, not changed\n")
    return program, data


def the_workload_lines(text: str) -> list[str]:
    """The workload's own lines, from its marker on, masked."""
    tool = fidelity()
    lines, order = tool.split_processes(text)
    mine = lines[order[-1]] if order else []
    start = next((i for i, line in enumerate(mine) if line.startswith(MARKERS)), len(mine))
    pids = {order[-1]: "<pid>"} if order else {}
    return [tool.normalise(line, pids, ADDRESSES) for line in mine[start:]]


def both(workload: tuple[Path, Path], tmp_path: Path, *option: str) -> tuple[list[str],
                                                                          list[str]]:
    program, data = workload
    s_out, o_out = tmp_path / "strace.log", tmp_path / "observer.log"
    subprocess.run(["strace", "-f", *option, "-o", str(s_out), str(program), str(data)],
                   check=True, timeout=60)
    traced = run_observer("-q", "-f", "--format", "strace", *option, "-o", str(o_out), "--",
                          str(program), str(data))
    assert traced.returncode == 0, traced.stderr
    return the_workload_lines(s_out.read_text()), the_workload_lines(o_out.read_text())


@pytest.mark.parametrize("option", [
    ["-x"], ["-xx"], ["-X", "raw"], ["-X", "abbrev"], ["-X", "verbose"], ["-v"],
    ["-e", "abbrev=none"], ["-e", "abbrev=openat,newfstatat"], ["-e", "verbose=none"],
    ["-e", "raw=openat,lseek,read"], ["-e", "write=4,3", "-e", "read=3"],
], ids=lambda option: " ".join(option))
def test_option_shows_lines_as_strace_does(workload: tuple[Path, Path], tmp_path: Path,
                                           option: list[str]) -> None:
    expected, actual = both(workload, tmp_path, *option)
    assert len(expected) > 20, expected
    assert actual == expected


def test_the_options_change_what_they_should(workload: tuple[Path, Path],
                                             tmp_path: Path) -> None:
    """The lines above are not the default lines: each option is seen at work."""
    _, plain = both(workload, tmp_path)
    _, verbose = both(workload, tmp_path, "-X", "verbose", "-xx", "-v", "-e", "read=3")
    changed = [line for line in verbose if line not in plain]
    assert any("/* O_WRONLY|O_CREAT|O_TRUNC */" in line for line in changed), changed
    assert any("st_ino=" in line for line in changed), changed
    assert any(line.startswith("| 00000 ") for line in changed), changed
    assert any('"\\x70\\x6c\\x61\\x69\\x6e' in line for line in changed), changed
    # -v: the environment the workload gave /bin/true.
    assert any(line.startswith('execve("\\x2f\\x62') and line.endswith(
        '["\\x41\\x3d\\x31", "\\x42\\x3d\\x74\\x77\\x6f\\x20\\x77\\x6f\\x72\\x64\\x73"]) = 0')
        for line in changed), changed
