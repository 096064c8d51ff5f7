"""observer.Tracer runs that end other than by reading to the end, and outputs it shares with
the command line: a loop left early, the summary alone into a file, one file per process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import observer

from .helpers import NR, run_observer

pytestmark = pytest.mark.bpf
pytest.importorskip("pyarrow")

# Two gates on stdin: the first half of the getppid calls after the first byte, the second
# half after the second byte.
TWO_HALVES = """
import os, sys
sys.stdin.buffer.read(1)
for _ in range({half}):
    os.getppid()
sys.stdin.buffer.read(1)
for _ in range({half}):
    os.getppid()
"""


@pytest.mark.parametrize("format", ["arrow", "numpy"])
def test_a_batches_loop_left_early_counts_what_it_never_read(format: str) -> None:
    half = 20_000
    proc = subprocess.Popen([sys.executable, "-c", TWO_HALVES.format(half=half)],
                            stdin=subprocess.PIPE)
    assert proc.stdin is not None
    seen = 0
    try:
        with observer.Tracer(pids=proc.pid, syscalls="getppid", capture_exit=True) as tracer:
            proc.stdin.write(b"x")
            proc.stdin.flush()
            for batch in tracer.batches(format=format):
                seen += len(batch)
                if seen:
                    # The second half runs to its end while the loop is held here: all of it
                    # is in the ring or the backlog when the loop is left.
                    proc.stdin.write(b"x")
                    proc.stdin.close()
                    assert proc.wait(60) == 0
                    break
    finally:
        proc.kill()
        proc.wait()
    assert 0 < seen <= half
    assert tracer.lost >= half
    assert seen + tracer.lost == 2 * half, (seen, tracer.lost)


def test_the_summary_alone_with_an_output_is_a_table_there(tmp_path: Path) -> None:
    out = tmp_path / "x.log"
    with observer.Tracer(command=[sys.executable, "-S", "-c", "import os; os.getppid()"],
                         summary=True, output=str(out)) as tracer:
        frame = tracer.summary()
        assert tracer.write() == 0
    assert frame.set_index("syscall").loc["getppid", "calls"] >= 1
    # The file holds what `observer -c -o FILE` writes there: strace -c's table.
    table = out.read_text()
    assert table.startswith("% time     seconds  usecs/call"), table
    assert any(line.split()[-1] == "getppid" for line in table.splitlines()), table
    cli = tmp_path / "cli.log"
    result = run_observer("-q", "-c", "-o", str(cli), "--", sys.executable, "-S", "-c",
                          "import os; os.getppid()")
    assert result.returncode == 0, result.stderr
    assert cli.read_text().splitlines()[0] == table.splitlines()[0]


def test_one_file_per_process_into_an_existing_directory(tmp_path: Path) -> None:
    split = tmp_path / "split"
    split.mkdir()
    script = "/bin/true; /bin/true"
    with observer.Tracer(command=["sh", "-c", script], per_process=True,
                         output=str(split)) as tracer:
        written = tracer.write()
    files = sorted(path.name for path in split.iterdir())
    assert written > 0
    # sh and its two children, each child in a file as sh and one as true after its exec,
    # as the CLI's -ff -o DIR writes them.
    assert len({name.split(":")[1] for name in files}) == 3, files
    assert sum(name.startswith("true:") for name in files) == 2, files
    cli = tmp_path / "cli"
    cli.mkdir()
    result = run_observer("-q", "-ff", "-o", str(cli), "--", "sh", "-c", script)
    assert result.returncode == 0, result.stderr
    assert sorted(name.split(":")[0] for name in files) == sorted(
        path.name.split(":")[0] for path in cli.iterdir())
    exits = [int(token) for path in split.iterdir() for token in path.read_text().split()]
    assert exits.count(NR["exit_group"]) == 3


# A host program that reaps its own children: SIGCHLD ignored, so the kernel reaps them.
REAPING_HOST = """
import signal, observer
signal.signal(signal.SIGCHLD, signal.SIG_IGN)
with observer.Tracer(command=["sh", "-c", "exit 3"], syscalls="exit_group") as tracer:
    rows = len(tracer.events(format="numpy"))
print(rows, tracer.exit_status)
"""


def test_a_command_the_host_reaps_itself_ends_the_trace_with_no_status() -> None:
    result = subprocess.run([sys.executable, "-c", REAPING_HOST], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1", "None"], result.stdout + result.stderr
