"""-k against strace 6.1 -k (workloads/stack.c): the stack of a write made by main -> outer ->
inner, built with and without frame pointers (Debian's libc has none either way), and as a
position-dependent executable. Every frame strace shows is there, at the same offset in the
same module, and the workload's own frames and libc's __write by the same name (strace's
libunwind names the other libc frames by the nearest exported symbol, observer by the
function's own). Both faces: the command line's strace format, the Python API's jsonl."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import observer

from .helpers import compile_c, run_observer, wait_until

pytestmark = pytest.mark.bpf

SOURCE = Path(__file__).parent / "workloads" / "stack.c"
WRITE = re.compile(r"write\(1, .*, 6\) += 6$")
#: " > MODULE(SYMBOL+0xOFF) [0xOFFSET]", " > MODULE() [0xOFFSET]"
FRAME = re.compile(r" > (?P<module>[^(]+)\((?:(?P<symbol>[^+]+)\+0x[0-9a-f]+)?\) "
                   r"\[(?P<offset>0x[0-9a-f]+)\]")


def write_stack(text: str) -> list[str]:
    """The stack lines after the workload's write (written with its line, in one piece)."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if WRITE.search(line):
            stack = []
            for frame in lines[i + 1:]:
                if not frame.startswith(" > "):
                    break
                stack.append(frame)
            return stack
    return []


def frames(stack: list[str]) -> list[dict[str, str]]:
    parsed = []
    for line in stack:
        match = FRAME.fullmatch(line)
        assert match, f"not a frame as strace writes one: {line!r}"
        parsed.append(match.groupdict())
    return parsed


# A position-dependent executable too: its frames' addresses are not their offsets in it.
@pytest.fixture(params=["-fomit-frame-pointer", "-fno-omit-frame-pointer", "-no-pie"])
def program(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    return compile_c(tmp_path, SOURCE.read_text(), request.param)


def straces(program: Path, tmp_path: Path) -> list[str]:
    if shutil.which("strace") is None:
        pytest.fail("strace is needed as the oracle (Makefile APT_PACKAGES)")
    out = tmp_path / "strace.txt"
    subprocess.run(["strace", "-k", "-e", "trace=write", "-o", str(out), str(program)],
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, check=True,
                   timeout=120)
    stack = write_stack(out.read_text())
    assert stack, out.read_text()
    return stack


def test_the_stack_of_a_call_is_straces(program: Path, tmp_path: Path) -> None:
    expected = straces(program, tmp_path)
    out = tmp_path / "observer.txt"
    proc = subprocess.Popen([sys.executable, "-m", "observer", "-q", "-k", "-s", "write", "-o",
                             str(out), "--", str(program)], stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        # The process lives until its stack is written: its mappings name the frames.
        wait_until(lambda: out.exists() and write_stack(out.read_text()),
                   "the write's stack is written")
    finally:
        assert proc.stdin is not None and proc.stderr is not None
        proc.stdin.close()  # the workload's read ends: it exits
        stderr = proc.stderr.read()
        proc.wait(120)
    assert proc.returncode == 0, stderr
    stack = write_stack(out.read_text())
    got, want = frames(stack), frames(expected)
    assert [(f["module"], f["offset"]) for f in got] == [
        (f["module"], f["offset"]) for f in want]
    own = [line for line, f in zip(stack, got) if f["module"] == str(program)]
    assert own == [line for line, f in zip(expected, want) if f["module"] == str(program)]
    assert [f["symbol"] for f in got if f["module"] == str(program)] == [
        "inner", "outer", "main", "_start"]
    assert stack[0] == expected[0] and got[0]["symbol"] == "__write"


def test_the_python_api_writes_each_calls_stack_in_jsonl(program: Path, tmp_path: Path) -> None:
    fifo, out = tmp_path / "go", tmp_path / "trace.jsonl"
    os.mkfifo(fifo)
    tracer = observer.Tracer(command=[str(program), str(fifo)], syscalls="write",
                             stack_trace=True, output=out, format="jsonl")
    done = threading.Thread(target=tracer.write)
    with tracer:
        done.start()
        try:
            record = wait_until(lambda: next((json.loads(line) for line in out.read_text()
                                              .splitlines() if '"syscall":"write"' in line),
                                             None) if out.exists() else None,
                                "the write's record is written")
        finally:
            with open(fifo, "wb"):
                pass  # the workload's read ends: it exits
            done.join(120)
    stack = record["stack"]
    ours = [f["symbol"] for f in stack if f["module"] == str(program)]
    assert ours == ["inner", "outer", "main", "_start"]
    assert stack[0]["symbol"] == "__write" and stack[0]["module"].endswith("/libc.so.6")
    assert all(f["address"] and f["offset"] <= f["address"] for f in stack)


@pytest.mark.parametrize("args, message", [
    (["--format", "log"], "-k applies to --format strace and jsonl records, not log"),
    (["--format", "parquet", "-o", "x"], "not parquet"),
    (["-c"], "not -c alone"),
])
def test_stacks_where_a_format_cannot_show_them_are_refused(args: list[str],
                                                            message: str) -> None:
    result = run_observer("-k", *args, "--", "true")
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    with pytest.raises(observer.UsageError, match="stack_trace applies to"):
        observer.Tracer(command=["true"], stack_trace=True)


def test_info_says_whether_stacks_can_be_unwound() -> None:
    # The CI builds with libdw-dev (Makefile APT_PACKAGES): -k is there.
    result = run_observer("--info")
    assert "  stacks (-k):   yes     user stacks unwound with libdw" in result.stdout.splitlines()
