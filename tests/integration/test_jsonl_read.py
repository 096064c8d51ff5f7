"""Observer's own jsonl reads back the same through the compiled core's reader of the sink's
exact shape as through the general JSON reader it falls back to for any other: a real trace
with a hostile comm, bytes that are not UTF-8 in paths, buffers and argv, fd paths (-y), the
directories paths were resolved in (--absolute), a host name and the cgroup lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from observer import frames
from observer.arrow import to_frame

from .helpers import compile_c, run_observer

pytestmark = pytest.mark.bpf
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

PROGRAM = r"""
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/prctl.h>
#include <unistd.h>

int main(int argc, char **argv, char **envp) {
  if (argc != 2) return 0;  /* the program again, after its execve */
  if (chdir(argv[1])) return 1;  /* the directory to write its file in */
  prctl(PR_SET_NAME, "a\"b\\c\nd\xfe\x80", 0, 0, 0);
  int p[2];
  if (pipe(p)) return 1;
  static const char data[] = "x\0\xff\xe2\x82 caf\xc3\xa9\x7f\x01\"\\";
  if (write(p[1], data, sizeof data) < 0) return 1;
  char buf[64];
  if (read(p[0], buf, sizeof buf) < 0) return 1;
  int fd = open("j\xffk\xe2\x82\n.txt", O_CREAT | O_WRONLY | O_TRUNC, 0600);
  if (fd < 0 || write(fd, data, sizeof data) < 0) return 1;
  close(fd);
  char *args[] = {argv[0], "st\xffge\n", "t\"q\\", "", "\x02x", "a\x01" "b", NULL};
  execve(argv[0], args, envp);
  return 1;
}
"""


@pytest.fixture(scope="module")
def trace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("jsonl")
    program = compile_c(tmp, PROGRAM)
    out = tmp / "trace.jsonl"
    result = run_observer("-q", "-f", "-y", "--absolute", "--format", "jsonl", "--host",
                          "h\u00f4st\"1", "-o", str(out), "--", str(program), str(tmp))
    assert result.returncode == 0, result.stderr
    return out


def test_the_sinks_jsonl_reads_the_same_through_both_readers(trace: Path) -> None:
    own = frames._own_jsonl(trace, None, None)
    assert own is not None  # every line is in the sink's shape
    general, malformed = frames._any_jsonl(trace, None, None)
    assert malformed == 0
    assert own.equals(general)
    frame = to_frame(own)
    pd.testing.assert_frame_equal(frame, to_frame(general))
    # What the trace holds is there, not nulls on both sides.
    comms = set(frame["comm"].dropna())
    assert 'a"b\\c\nd\\xfe\\x80' in comms
    assert frame["cgroup"].notna().all()
    assert set(frame["host"]) == {"h\u00f4st\"1"}
    data = set(frame["data"].dropna())
    assert b'x\x00\xff\xe2\x82 caf\xc3\xa9\x7f\x01"\\\x00' in data
    assert any("j\\xffk\\xe2\\x82\n.txt" in path for path in frame["fd_path"].dropna())
    argv = [list(v) for v in frame["argv"].dropna()]
    # The program's path is longer than the 32 bytes of --data-limit: cut, and said so.
    # Bytes that mark the blob's elements, inside strings, are the strings' own.
    assert [v[1:] for v in argv if len(v) == 6] == [["st\\xffge\n", 't"q\\', "", "\x02x",
                                                     "a\x01b"]]
    assert frame.loc[frame["argv"].notna(), "truncated"].all()


def test_a_line_in_another_shape_reads_through_the_general_reader(trace: Path,
                                                                   tmp_path: Path) -> None:
    # The same records, one with its fields in another order (as a hand edit leaves it),
    # and a last line cut by a crash.
    lines = trace.read_bytes().splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.startswith(b'{"ts_ns":'))
    head, rest = lines[first].split(b",", 1)
    lines[first] = b"{" + rest[:-2] + b"," + head[1:] + b"}\n"
    edited = tmp_path / "edited.jsonl"
    edited.write_bytes(b"".join(lines) + b'{"ts_ns":1,"wall')
    assert frames._own_jsonl(edited, None, None) is None
    expected = to_frame(frames._own_jsonl(trace, None, None))
    frame = frames.read_jsonl(edited)
    assert frame.attrs["malformed"] == 1
    pd.testing.assert_frame_equal(frame, expected)


def test_a_trace_with_stacks_reads_through_the_cores_reader(tmp_path: Path) -> None:
    # -k's frames follow each record; the record schema has no column for them, and both
    # readers leave them out.
    out = tmp_path / "stacks.jsonl"
    result = run_observer("-q", "-k", "--format", "jsonl", "-o", str(out), "--", "/bin/true")
    assert result.returncode == 0, result.stderr
    assert b',"stack":[{"address":' in out.read_bytes()
    own = frames._own_jsonl(out, None, None)
    assert own is not None
    general, malformed = frames._any_jsonl(out, None, None)
    assert malformed == 0
    assert own.num_rows > 10 and own.equals(general)


def test_a_large_file_read_in_two_parts_reads_as_the_general_reader(trace: Path,
                                                                      tmp_path: Path) -> None:
    # Past 32 MiB the core reads the file's two halves at once and appends the second's rows
    # to the first's: names first seen in the second half (other comms), cgroup lines in both.
    lines = trace.read_bytes().splitlines(keepends=True)
    other = [line.replace(b'"comm":"', b'"comm":"late ') for line in reversed(lines)]
    copies = (33 << 20) // (2 * len(b"".join(lines))) + 1
    big = tmp_path / "big.jsonl"
    big.write_bytes(b"".join(lines) * copies + b"".join(other) * copies)
    own = frames._own_jsonl(big, None, None)
    assert own is not None
    general, malformed = frames._any_jsonl(big, None, None)
    assert malformed == 0
    assert own.equals(general)
    comms = set(to_frame(own)["comm"].dropna())
    assert any(c.startswith("late ") for c in comms) and any(not c.startswith("late ")
                                                              for c in comms)
