"""Tests for observer.formatter: parsing, grouping, safe file writing and the command line."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

import observer
from observer import formatter
from observer._escape import comm_filename_part, escape_comm
from observer.formatter import Record, parse_line, split_records

SRC = Path(__file__).resolve().parents[1] / "src"


def _line(pid: int, nr: int, comm: bytes) -> bytes:
    return f"{pid}:{nr}:{escape_comm(comm)}\n".encode("ascii")


def _run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], log: bytes, *extra: str
) -> tuple[int, Path, list[str]]:
    """Write ``log``, run the formatter into tmp_path/out; return status, out dir, stderr lines."""
    log_path = tmp_path / "trace.log"
    log_path.write_bytes(log)
    out = tmp_path / "out"
    status = formatter.main([str(log_path), "-o", str(out), *extra])
    captured = capsys.readouterr()
    assert captured.out == ""
    return status, out, captured.err.splitlines()


def _files(root: Path) -> dict[str, bytes]:
    """Every regular file under ``root`` (recursively), keyed by its path relative to ``root``."""
    return {
        str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()
    }


# parse_line


@pytest.mark.parametrize(
    ("line", "record"),
    [
        (b"123:59:bash\n", Record(123, 59, "bash")),
        (b"123:59:bash", Record(123, 59, "bash")),  # last line without a newline
        (b"42:1:a:b:c\n", Record(42, 1, "a:b:c")),  # ':' stays in the comm
        (b"7:0:\n", Record(7, 0, "")),  # empty comm is valid
        (b"0:18446744073709551615:x\n", Record(0, 2**64 - 1, "x")),
        (b"4294967295:3:x\n", Record(2**32 - 1, 3, "x")),
        (b"5:-1:x\n", Record(5, -1, "x")),  # syscall(-1), as the kernel passes it
        (b"5:-2147483648:x\n", Record(5, -(2**31), "x")),
        (b"9:2:\\x1b[31m\n", Record(9, 2, "\\x1b[31m")),
        (b"9:2:" + b"a" * 15 + b"\n", Record(9, 2, "a" * 15)),
        (b"9:2:" + b"\\xff" * 15 + b"\n", Record(9, 2, "\\xff" * 15)),
    ],
)
def test_parse_line_valid(line: bytes, record: Record) -> None:
    assert parse_line(line) == record


def test_a_log_with_thread_ids_is_read_after_its_header() -> None:
    assert parse_line(b"12:13:59:a:b\n", tid=True) == Record(12, 59, "a:b", 13)
    assert parse_line(b"12:59:ab\n", tid=True) is None  # a field short
    assert parse_line(b"12:x:59:ab\n", tid=True) is None
    result = split_records([b"# pid:tid:syscall_id:comm\n", b"12:13:59:sh\n", b"12:14:1:sh\n"])
    assert result.groups == {("sh", 12): [59, 1]} and result.malformed == []
    # Without the header, the same lines are the default log's: comm "59:sh".
    assert split_records([b"12:13:59:sh\n"]).groups == {("59:sh", 12): [13]}


@pytest.mark.parametrize(
    "line",
    [
        b"",
        b"\n",  # blank line
        b"1\n",
        b"1:2\n",  # too few fields
        b"x:2:a\n",
        b"1:y:a\n",
        b"-1:2:a\n",
        b"1:-0:a\n",  # -0 is not canonical
        b"1:-2147483649:a\n",  # below a signed 32-bit nr
        b"1:--2:a\n",
        b"+1:2:a\n",
        b" 1:2:a\n",
        b"1_0:2:a\n",
        b"1:2.0:a\n",
        b"4294967296:1:a\n",  # pid beyond u32
        b"1:18446744073709551616:a\n",  # nr beyond u64
        b"1:2:a\\\n",  # trailing backslash
        b"1:2:\\xZZ\n",
        b"1:2:\\q\n",
        b"1:2:caf\xc3\xa9\n",  # not ASCII
        b"\xff\xfe\x00garbage\n",
        b"1:2:a\r\n",  # raw control byte in the comm
        b"1:2:a\n\n",  # only one newline is stripped
        b"1:2:" + b"a" * 16 + b"\n",  # longer than TASK_COMM_LEN - 1
        b"1:2:" + b"a" * 1_000_000 + b"\n",
    ],
)
def test_parse_line_malformed(line: bytes) -> None:
    assert parse_line(line) is None


# split_records


def test_split_records_groups_in_order_and_counts_malformed() -> None:
    lines = [
        b"1:0:bash\n",
        b"garbage\n",
        b"2:59:sh\n",
        b"1:1:bash\n",
        b"\n",
        b"1:3:bash\n",
        b"1:4:zsh\n",
        b"2:60:sh",
    ]
    result = split_records(lines)
    assert result.groups == {("bash", 1): [0, 1, 3], ("sh", 2): [59, 60], ("zsh", 1): [4]}
    assert list(result.groups) == [("bash", 1), ("sh", 2), ("zsh", 1)]
    assert result.malformed == [2, 5]
    assert result.records == 6


def test_split_records_empty_input() -> None:
    result = split_records([])
    assert (result.groups, result.malformed, result.records) == ({}, [], 0)


# main: output files


def test_main_writes_one_file_per_pair(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = b"1:0:bash\n2:59:sh\n1:1:bash\n1:3:bash\n3:1:bash\n"
    status, out, err = _run(tmp_path, capsys, log)
    assert status == 0
    assert _files(out) == {"bash:1.log": b"0 1 3\n", "sh:2.log": b"59\n", "bash:3.log": b"1\n"}
    assert err == [f"formatter: wrote 3 file(s) for 5 record(s) to {out}"]


def test_main_creates_nested_output_dir_and_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log_path = tmp_path / "trace.log"
    out = tmp_path / "a" / "b"
    for log, expected in [(b"5:1:x\n5:2:x\n", b"1 2\n"), (b"5:9:x\n", b"9\n")]:
        log_path.write_bytes(log)
        assert formatter.main([str(log_path), "--output", str(out)]) == 0
        assert _files(out) == {"x:5.log": expected}
    capsys.readouterr()


def test_main_defaults_to_current_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    log_path = tmp_path / "trace.log"
    log_path.write_bytes(b"8:4:cat\n")
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    assert formatter.main([str(log_path)]) == 0
    assert _files(cwd) == {"cat:8.log": b"4\n"}
    assert capsys.readouterr().err == "formatter: wrote 1 file(s) for 1 record(s) to .\n"


def test_main_empty_log(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(tmp_path, capsys, b"")
    assert status == 0
    assert _files(out) == {}
    assert err == [f"formatter: wrote 0 file(s) for 0 record(s) to {out}"]


def test_colon_in_comm_keeps_pid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(tmp_path, capsys, b"42:7:a:b:c\n42:8:a:b:c\n43:9:a:b\n")
    assert status == 0
    assert _files(out) == {"a:b:c:42.log": b"7 8\n", "a:b:43.log": b"9\n"}


HOSTILE_COMMS = [
    b"../../x",
    b"a/b",
    b"a\\x2fb",
    b"a:b:c",
    b"\n",
    b"\t",
    b"\x1b[31m",
    b"\xff\xfe\x80",
    b"",
    b"..",
    b".",
    b"/",
    b"\\",
]


def test_hostile_comms_stay_in_dir_and_never_collide(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = b"".join(_line(100, nr, comm) for nr, comm in enumerate(HOSTILE_COMMS))
    status, out, err = _run(tmp_path, capsys, log)
    assert status == 0
    assert err == [
        f"formatter: wrote {len(HOSTILE_COMMS)} file(s) for {len(HOSTILE_COMMS)} record(s) to {out}"
    ]
    # One distinct file per comm, directly in DIR, and nothing else anywhere under tmp_path.
    expected = {
        f"{comm_filename_part(escape_comm(comm))}:100.log": f"{nr}\n".encode()
        for nr, comm in enumerate(HOSTILE_COMMS)
    }
    assert len(expected) == len(HOSTILE_COMMS)
    assert _files(out) == expected
    assert all("/" not in name for name in expected)
    assert sorted(_files(tmp_path)) == sorted(["trace.log", *(f"out/{name}" for name in expected)])


def test_slash_and_literal_escape_get_separate_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = _line(1, 10, b"a/b") + _line(1, 20, b"a\\x2fb")
    status, out, _ = _run(tmp_path, capsys, log)
    assert status == 0
    assert _files(out) == {"a\\x2fb:1.log": b"10\n", "a\\\\x2fb:1.log": b"20\n"}


def test_symlink_in_dir_is_not_followed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"secret\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "x:1.log").symlink_to(victim)
    status, _, err = _run(tmp_path, capsys, b"1:2:x\n")
    assert victim.read_bytes() == b"secret\n"
    assert status == 1
    assert err == [f"formatter: error: cannot write output: {out / 'x:1.log'}: it is a symbolic "
                   "link, which observer does not follow"]


def test_hard_link_in_dir_is_replaced_not_written_through(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"secret\n")
    out = tmp_path / "out"
    out.mkdir()
    os.link(victim, out / "x:1.log")
    status, _, _ = _run(tmp_path, capsys, b"1:2:x\n")
    assert status == 0
    assert victim.read_bytes() == b"secret\n"
    assert (out / "x:1.log").read_bytes() == b"2\n"
    assert sorted(p.name for p in out.iterdir()) == ["x:1.log"]  # no temporary file left


# main: malformed lines


def test_malformed_lines_reported_and_rest_processed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = b"".join(
        [
            b"1:0:ok\n",
            b"1:2\n",  # 2: too few fields
            b"\xde\xad\xbe\xef\x00\xff\n",  # 3: binary garbage
            b"1:1:ok\n",
            b"2:3:" + b"a" * 1_000_000 + b"\n",  # 5: 1 MB line
            b"x" * 1_000_000 + b"\n",  # 6: 1 MB without separators
            b"\n",  # 7: blank
            b"1:2:ok\n",
            b"3:4",  # 9: truncated last line
        ]
    )
    status, out, err = _run(tmp_path, capsys, log)
    assert status == 0
    assert _files(out) == {"ok:1.log": b"0 1 2\n"}
    assert err == [
        "formatter: 6 malformed line(s) skipped (lines 2, 3, 5, 6, 7, 9)",
        f"formatter: wrote 1 file(s) for 3 record(s) to {out}",
    ]


def test_well_formed_last_line_without_newline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _run(tmp_path, capsys, b"1:0:ok\n1:5:ok")
    assert status == 0
    assert _files(out) == {"ok:1.log": b"0 5\n"}
    assert len(err) == 1


def test_malformed_report_lists_first_ten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = b"bad\n" * 12 + b"1:1:ok\n"
    status, _, err = _run(tmp_path, capsys, log)
    assert status == 0
    assert err[0] == (
        "formatter: 12 malformed line(s) skipped (lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ...)"
    )


# main: errors


def _assert_one_error_line(err: list[str], fragment: str) -> None:
    assert len(err) == 1, err
    assert err[0].startswith("formatter: error: ")
    assert fragment in err[0]


def test_missing_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.log"
    assert formatter.main([str(missing), "-o", str(tmp_path / "out")]) == 1
    _assert_one_error_line(capsys.readouterr().err.splitlines(), str(missing))
    assert not (tmp_path / "out").exists()


def test_input_is_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert formatter.main([str(tmp_path), "-o", str(tmp_path / "out")]) == 1
    _assert_one_error_line(capsys.readouterr().err.splitlines(), "cannot read trace log")


@pytest.mark.parametrize("below", ["", "sub"])
def test_output_dir_at_or_under_regular_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], below: str
) -> None:
    log_path = tmp_path / "trace.log"
    log_path.write_bytes(b"1:2:x\n")
    blocker = tmp_path / "file"
    blocker.write_bytes(b"")
    assert formatter.main([str(log_path), "-o", str(blocker / below)]) == 1
    _assert_one_error_line(capsys.readouterr().err.splitlines(), "cannot write output")
    assert blocker.read_bytes() == b""


@pytest.mark.parametrize(
    "argv", [[], ["a.log", "b.log"], ["a.log", "--arch", "mips"], ["a.log", "--arch", "x86_64"]]
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc_info:
        formatter.main(argv)
    assert exc_info.value.code == 2
    assert "formatter: error:" in capsys.readouterr().err


# --names


def _fake_syscalls(
    monkeypatch: pytest.MonkeyPatch, table: dict[str | None, dict[int, str]]
) -> None:
    """Install a stand-in observer.syscalls whose name() looks numbers up in ``table[arch]``."""
    module = types.ModuleType("observer.syscalls")

    def name(nr: int, arch: str | None = None) -> str | None:
        return table[arch].get(nr)

    module.name = name  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "observer.syscalls", module)
    monkeypatch.setattr(observer, "syscalls", module, raising=False)


def test_names_pass_arch_and_fall_back_to_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_syscalls(monkeypatch, {None: {1: "native"}, "aarch64": {1: "arm", 2: "two"}})
    log = b"1:1:p\n1:3:p\n1:2:p\n1:1:p\n"
    status, out, _ = _run(tmp_path, capsys, log, "--names")
    assert status == 0
    assert _files(out) == {"p:1.log": b"native 3 2 native\n"}
    status, out, _ = _run(tmp_path, capsys, log, "--names", "--arch", "aarch64")
    assert status == 0
    assert _files(out) == {"p:1.log": b"arm 3 two arm\n"}


def test_names_without_syscall_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "observer.syscalls", None)
    monkeypatch.delattr(observer, "syscalls", raising=False)
    status, out, err = _run(tmp_path, capsys, b"1:1:p\n", "--names")
    assert status == 1
    _assert_one_error_line(err, "--names")
    assert not out.exists()


@pytest.mark.parametrize(
    ("arch", "numbers", "names"),
    [
        ("x86_64", "0 1 59 257", "read write execve openat"),
        ("aarch64", "63 64 221 56", "read write execve openat"),
    ],
)
def test_names_with_real_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arch: str, numbers: str, names: str
) -> None:
    pytest.importorskip("observer.syscalls")
    log = b"".join(f"9:{nr}:sh\n".encode() for nr in [*numbers.split(), "99999"])
    status, out, _ = _run(tmp_path, capsys, log, "--names", "--arch", arch)
    assert status == 0
    assert _files(out) == {"sh:9.log": f"{names} 99999\n".encode()}


# python -m observer.formatter


def _run_module(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "observer.formatter", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_module_entry_point(tmp_path: Path) -> None:
    (tmp_path / "trace.log").write_bytes(b"5:1:a/b\n5:2:a/b\nbad\n")
    proc = _run_module("trace.log", "-o", "split", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [
        "formatter: 1 malformed line(s) skipped (lines 3)",
        "formatter: wrote 1 file(s) for 2 record(s) to split",
    ]
    assert _files(tmp_path / "split") == {"a\\x2fb:5.log": b"1 2\n"}


def test_module_entry_point_error_has_no_traceback(tmp_path: Path) -> None:
    proc = _run_module("missing.log", cwd=tmp_path)
    assert proc.returncode == 1
    _assert_one_error_line(proc.stderr.splitlines(), "missing.log")


@pytest.mark.parametrize(("content", "looks_like"), [
    (b'{"tgid": 1, "nr": 0, "comm": "sh"}\n', "observer JSON Lines"),
    (b"4242 read(3, \"\", 4096) = 0\n", "strace-style text"),
    (b"no trace here\n", "none of observer's formats"),
])
def test_input_of_another_format_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, looks_like: str
) -> None:
    status, out, err = _run(tmp_path, capsys, content)
    assert status == 1
    _assert_one_error_line(err, f"it looks like {looks_like}")
    assert not out.exists() or not any(out.iterdir())
