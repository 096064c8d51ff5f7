"""The order of strace's lines with -f: a call's result comes after what it waited for.

The kernel writes a call's record when the call returns, so a parent's wait4 reaches the ring
after its child's lines; strace's text shows the wait begun ("<unfinished ...>"), the child's
lines, then the wait's result ("<... wait4 resumed>"). Each workload below waits for children
many times in one run, so a trace that writes a wait's result early shows it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import observer

from .helpers import run_observer

pytestmark = pytest.mark.bpf

LINE = re.compile(r"(?P<tid>\d+) +(?P<rest>.*)")
# A wait that returned a child: the whole call, or the part written at its exit.
WAITED = re.compile(r"(?:(?:wait4|waitid)\(|<\.\.\. (?:wait4|waitid) resumed>).*\) += (?P<pid>\d+)")

WORKLOADS = {
    # A pipeline, eight times: the shell waits for each side in turn.
    "pipeline": ["sh", "-c", "for i in 1 2 3 4 5 6 7 8; do cat /etc/hostname | wc -c; done"],
    # Five stages: four children end while the shell waits.
    "long pipeline": ["sh", "-c", "for i in 1 2 3 4; do "
                      "cat /etc/hostname | cat | cat | cat | wc -c; done"],
    # Six children in the background, then bash's wait, which blocks in wait4: three rounds.
    "background and wait": ["bash", "-c", "for r in 1 2 3; do for i in 1 2 3 4 5 6; do "
                            "cat /etc/hostname >/dev/null & done; wait; done"],
}


def trace(command: list[str], out: Path) -> tuple[list[tuple[int, str]], int]:
    """(tid, text) of each line of `observer -f -y --format strace -- command`, and the
    records its closing message says it wrote."""
    if shutil.which(command[0]) is None:
        pytest.fail(f"{command[0]} is needed for the workload")
    result = run_observer("-f", "-y", "--format", "strace", "-o", str(out), "--", *command)
    assert result.returncode == 0, result.stderr
    written = re.search(r"observer: (\d+) events written, 0 lost", result.stderr)
    assert written, result.stderr
    lines = []
    for raw in out.read_text().splitlines():
        match = LINE.fullmatch(raw)
        assert match, raw
        lines.append((int(match["tid"]), match["rest"]))
    return lines, int(written[1])


@pytest.mark.parametrize("workload", WORKLOADS)
def test_a_wait_returns_after_every_line_of_its_child(workload: str, tmp_path: Path) -> None:
    lines, _ = trace(WORKLOADS[workload], tmp_path / "trace.txt")
    last = {tid: i for i, (tid, _) in enumerate(lines)}
    ended = {tid: i for i, (tid, rest) in enumerate(lines) if rest.startswith("+++ exited")}
    waits = 0
    for i, (tid, rest) in enumerate(lines):
        waited = WAITED.match(rest)
        if waited is None or int(waited["pid"]) == 0:
            continue
        waits += 1
        child = int(waited["pid"])
        context = "\n".join(f"{t} {r}" for t, r in lines[max(0, i - 8):i + 3])
        assert ended.get(child, len(lines)) < i, f"{child} ends after the wait:\n{context}"
        assert last[child] < i, f"a line of {child} after the wait that returned it:\n{context}"
    assert waits >= 8


def test_calls_split_by_other_lines_pair_up_and_count_once(tmp_path: Path) -> None:
    out = tmp_path / "trace.txt"
    lines, written = trace(WORKLOADS["pipeline"], out)
    begun: dict[int, str] = {}
    split = 0
    for tid, rest in lines:
        resumed = re.match(r"<\.\.\. (\w+) resumed>", rest)
        if resumed:
            # The exit part follows its own entry part, with nothing of its thread between.
            assert begun.pop(tid, None) == resumed[1], (tid, rest)
            split += 1
            continue
        assert tid not in begun, (tid, rest)
        if rest.endswith(" <unfinished ...>"):
            begun[tid] = rest.split("(", 1)[0]
    assert not begun
    assert split > 0  # cat and wc run together, and the shell waits for them
    # A call written in two parts is one record, read back as one call.
    table = observer.read_table(out)
    assert table.schema.metadata[b"malformed"] == b"0"
    events = sum(rest.startswith(("+++", "---")) for _, rest in lines)
    assert table.num_rows + events == written
