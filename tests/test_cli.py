"""CLI parsing and error messages: pure Python, no BPF."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from observer import cli, syscalls
from observer._session import Report
from observer._errors import UsageError
from observer._selection import parse_list


def test_pids_are_repeatable_and_comma_separated() -> None:
    opts = cli.parse_options(["-p", "12,7", "-p", "9", "-p", "7"])
    assert opts.pids == [7, 9, 12]


@pytest.mark.parametrize("value", ["0", "-3", "abc", "1.5", "", "99999999999"])
def test_bad_pids_are_usage_errors(value: str) -> None:
    with pytest.raises(UsageError, match="invalid pid"):
        cli.parse_options(["-p", value])


def test_syscalls_accept_names_numbers_and_lists() -> None:
    opts = cli.parse_options(["-s", "openat,0", "-s", "getppid"])
    assert opts.syscalls == sorted({syscalls.number("openat"), 0, syscalls.number("getppid")})


def test_unknown_syscall_suggests_close_names() -> None:
    with pytest.raises(UsageError, match=r"unknown syscall 'opnat'.*did you mean openat"):
        cli.parse_options(["-s", "opnat"])


@pytest.mark.parametrize("value", ["1024", "-1", "99999"])
def test_syscall_numbers_out_of_range(value: str) -> None:
    with pytest.raises(UsageError, match="out of range"):
        cli.parse_options(["-s", value])


@pytest.mark.parametrize("duration", ["0", "-1"])
def test_duration_must_be_positive(duration: str) -> None:
    with pytest.raises(UsageError, match="duration must be > 0"):
        cli.parse_options(["-d", duration])


def test_pid_and_command_conflict() -> None:
    with pytest.raises(UsageError, match="not both"):
        cli.parse_options(["-p", "1", "--", "ls"])


def test_command_after_double_dash_keeps_its_options() -> None:
    opts = cli.parse_options(["-o", "x.log", "--", "ls", "-l", "/tmp"])
    assert opts.command == ["ls", "-l", "/tmp"] and opts.output == "x.log"


@pytest.mark.parametrize("name", ["a/b", ""])
def test_bad_program_names(name: str) -> None:
    with pytest.raises(UsageError, match="invalid program name"):
        cli.parse_options(["-n", name])


def test_long_program_names_are_kept_whole() -> None:
    name = "a_program_name_longer_than_sixteen_bytes"
    assert cli.parse_options(["-n", f"{name},x"]).comms == [name, "x"]


def test_main_prints_one_line_and_exits_2_on_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["-s", "nosuchcall"]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("observer: error: unknown syscall")


def test_missing_pid_is_reported_before_loading(capsys: pytest.CaptureFixture[str]) -> None:
    # pid_max is at most 2^22, so this pid cannot exist.
    assert cli.main(["-p", str(2**22 + 5)]) == cli.EXIT_USAGE
    assert capsys.readouterr().err == f"observer: error: no process with pid {2**22 + 5}\n"


def test_list_syscalls_prints_the_native_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["-l"]) == 0
    out = capsys.readouterr().out.splitlines()
    table = syscalls.table()
    assert len(out) == len(table) + 1
    assert out[1].split() == ["0", table[0]]


def test_version_matches_package_metadata() -> None:
    from importlib.metadata import version

    result = subprocess.run([sys.executable, "-m", "observer", "--version"], capture_output=True,
                            text=True)
    assert result.stdout.strip() == f"observer {version('observer')}"


def test_help_has_examples() -> None:
    text = cli.build_parser().format_help()
    assert "examples:" in text and "exit status" in text


@pytest.mark.parametrize(("text", "size"), [("16", 16 << 20), ("1M", 1 << 20), ("4K", 4096),
                                            ("64k", 64 << 10), ("1024", 1 << 30)])
def test_ring_size_accepts_mib_and_suffixes(text: str, size: int) -> None:
    assert cli.parse_options(["--ring-size", text]).ring_size == size


@pytest.mark.parametrize("text", ["0", "3", "2K", "2048", "12M", "-4", "2G", "x", ""])
def test_ring_size_must_be_a_power_of_two_from_a_page(text: str) -> None:
    with pytest.raises(UsageError, match="ring size must be a power of two"):
        cli.parse_options(["--ring-size", text])


def test_argparse_errors_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["-d", "soon"]) == cli.EXIT_USAGE
    assert capsys.readouterr().err == ("observer: error: argument -d/--duration: invalid float "
                                       "value: 'soon' (see observer --help)\n")

def test_syscall_classes_and_negation() -> None:
    file_calls = set(parse_list(["%file"]))
    assert syscalls.number("openat") in file_calls and syscalls.number("read") not in file_calls
    without = set(parse_list(["!%file"]))
    assert without == set(syscalls.table()) - file_calls
    mixed = parse_list(["%memory,read", "!mmap"])
    assert syscalls.number("read") in mixed and syscalls.number("munmap") in mixed
    assert syscalls.number("mmap") not in mixed


@pytest.mark.parametrize("value,message", [(["%files"], "unknown syscall class"),
                                           (["read,!read"], "selection is empty"),
                                           (["!"], "empty syscall name")])
def test_bad_syscall_selections(value: list[str], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        parse_list(value)


def test_record_options() -> None:
    assert cli.parse_options([]).format == "log" and not cli.parse_options([]).full_records
    opts = cli.parse_options(["-tt", "-T"])
    assert (opts.format, opts.timestamps, opts.durations) == ("strace", 2, True)
    assert cli.parse_options(["-Z"]).full_records
    opts = cli.parse_options(["-c"])
    assert opts.counts and opts.full_records and not opts.records
    opts = cli.parse_options(["-C"])
    assert opts.counts and opts.records
    assert cli.parse_options(["--format", "jsonl", "--string-limit", "9"]).string_limit == 9
    # -y and --absolute are strace's: they pick its format, and jsonl carries them too.
    opts = cli.parse_options(["-y"])
    assert opts.format == "strace" and opts.decode_fds and not opts.absolute
    opts = cli.parse_options(["--format", "jsonl", "--absolute", "--decode-fds"])
    assert opts.format == "jsonl" and opts.decode_fds and opts.absolute
    # -k too: the strace format's stacks, or jsonl's "stack".
    assert cli.parse_options(["-k"]).format == "strace"
    opts = cli.parse_options(["--format", "jsonl", "--stack-trace"])
    assert opts.format == "jsonl" and opts.stack_trace and opts.full_records


@pytest.mark.parametrize("argv,message", [(["--format", "log", "-t"], "apply to --format strace"),
                                          (["--format", "jsonl", "-T"], "apply to --format"),
                                          (["--string-limit", "0"], "string limit"),
                                          (["--string-limit", "4096"], "string limit"),
                                          (["--format", "log", "-y"], "-y applies to"),
                                          (["--format", "parquet", "--absolute"],
                                           "--absolute applies to"),
                                          (["--format", "log", "-k"], "-k applies to"),
                                          (["-c", "-k"], "not -c alone")])
def test_bad_record_options(argv: list[str], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        cli.parse_options(argv)


@pytest.mark.parametrize(("argv", "own", "command"), [
    (["-o", "t.log", "ls", "-f"], ["-o", "t.log"], ["ls", "-f"]),
    (["-f", "--", "ls", "-q"], ["-f"], ["ls", "-q"]),
    (["-ot.log", "-s", "read", "cat", "-n"], ["-ot.log", "-s", "read"], ["cat", "-n"]),
    (["--output=t.log", "-T", "true"], ["--output=t.log", "-T"], ["true"]),
    (["-l", "open*"], ["-l", "open*"], []),
    (["-l", "-q"], ["-l", "-q"], []),
    (["-o", "-", "--", "--odd-name"], ["-o", "-"], ["--odd-name"]),
])
def test_options_end_at_the_command_as_straces_do(argv: list[str], own: list[str],
                                                  command: list[str]) -> None:
    assert cli.split_command(cli.build_parser(), argv) == (own, command)
    opts = cli.parse_options(argv)
    assert opts.command == command
    # The command's own options never become observer's.
    assert not opts.follow or "-f" in own


def test_straces_e_expressions() -> None:
    opts = cli.parse_options(["-e", "trace=openat,read", "-e", "status=failed", "-e", "close"])
    assert opts.syscalls == sorted(parse_list(["openat,read,close"]))
    assert opts.failed and not opts.successful and opts.full_records
    assert cli.parse_options(["-e", "trace=all"]).syscalls == []
    assert cli.parse_options(["-e", "status=successful"]).successful
    for bad in (["-e", "signal=all"], ["-e", "status=failed", "-e", "status=successful"]):
        with pytest.raises(UsageError):
            cli.parse_options(bad)


def test_straces_display_options_pick_its_format_and_fill_one_model() -> None:
    opts = cli.parse_options(["-xx", "-X", "verbose", "-e", "raw=openat", "-e", "read=3,0",
                              "-e", "write=1", "-e", "verbose=none", "-v"])
    assert (opts.format, opts.hex_strings, opts.xlat) == ("strace", 2, "verbose")
    assert opts.raw_syscalls == parse_list(["openat"])
    assert (opts.read_fds, opts.write_fds) == ([0, 3], [1])
    assert opts.verbose_syscalls == [] and opts.abbrev_syscalls == []  # -v: abbrev=none
    calls = opts.call_display(max(syscalls.table()) + 1)
    openat = parse_list(["openat"])[0]
    assert calls[openat] == 1 | 2 | 4
    # -v alone keeps the log format: there it says more, as it always did.
    opts = cli.parse_options(["-v"])
    assert opts.format == "log" and opts.abbrev_syscalls is None
    assert cli.parse_options(["-v", "--format", "strace"]).abbrev_syscalls == []
    assert cli.parse_options(["-e", "abbrev=all"]).abbrev_syscalls == sorted(syscalls.table())


@pytest.mark.parametrize("argv,message", [
    (["--format", "jsonl", "-x"], "-x/-xx applies to --format strace, not jsonl"),
    (["--format", "log", "-X", "raw", "-e", "read=3"],
     "-X, -e read= apply to --format strace, not log"),
    (["-X", "names"], "invalid -X 'names': expected raw, abbrev or verbose"),
    (["-e", "read=stdin"], "invalid fd 'stdin' for -e read="),
    (["-e", "write=-1"], "invalid fd '-1' for -e write="),
    (["-e", "raw=nosuchcall"], "unknown syscall"),
    (["-e", "signal=all"], "unsupported -e 'signal=all'"),
])
def test_bad_display_options(argv: list[str], message: str) -> None:
    with pytest.raises(UsageError, match=re.escape(message) if "syscall" not in message
                       else message):
        cli.parse_options(argv)


def test_the_closing_line_accounts_for_every_call() -> None:
    assert cli.closing_line(Report(written=146), 0.11) == ("observer: 146 events written, 0 "
                                                           "lost, 110 ms")
    line = cli.closing_line(Report(written=90, lost_ring=7, lost_storage=1, lost_oversized=1,
                                   not_written=3), 2.5)
    assert line == ("observer: 90 events written, 12 lost (7 ring full, 1 no task storage, 1 "
                    "larger than the ring, 3 not written: output failed), 2.50 s")
    line = cli.closing_line(Report(written=5, dropped=4, abandoned=2), 1.0)
    assert line == ("observer: 5 events written, 6 lost (4 dropped: backlog full, 2 still being "
                    "written at the end), 1.00 s")
    line = cli.closing_line(Report(written=8, unfinished=2, resumed=1), 0.5)
    assert line == "observer: 8 events written, 0 lost, 500 ms; 2 unfinished and 1 resumed among them"


def test_the_report_counts_every_cause_in_the_end_lines_order() -> None:
    report = Report(written=3, lost_ring=1, lost_notices=2, dropped=4, not_written=5,
                    abandoned=6)
    assert report.lost == 18
    assert list(report.counts()) == ["written", "unfinished", "resumed", "lost", "lost_ring",
                                     "lost_storage", "lost_oversized", "lost_notices",
                                     "dropped", "not_written", "abandoned"]
    assert report.counts()["lost"] == report.lost


def test_minus_u_is_refused_with_the_option_that_filters_by_user() -> None:
    with pytest.raises(UsageError, match=r"-u USER would run the command as USER.*--user USER"):
        cli.parse_options(["-u", "nobody", "--", "true"])
    assert cli.parse_options(["--user", "0", "--", "true"]).uid == 0


def test_trace_all_and_none_and_a_regex_are_read_from_e() -> None:
    assert cli.parse_options(["-e", "trace=all", "--", "true"]).syscalls == []
    none = cli.parse_options(["-e", "trace=none", "--", "true"])
    assert none.syscalls == [] and none.compat_syscalls == []
    assert cli.parse_options(["-s", "/^getpp", "--", "true"]).syscalls == [
        syscalls.number("getppid")]
    assert cli.parse_options(["-s", "128", "--", "true"]).numeric_syscalls == ["128"]


def test_sizes_take_a_g_suffix_and_say_their_limits() -> None:
    assert cli.parse_size("1G") == cli.parse_size("1024M") == 1 << 30
    assert cli.parse_size("2048M", power_of_two=False) == 2 << 30
    assert cli.parse_size("1024G", power_of_two=False) == 1 << 40
    with pytest.raises(UsageError, match="from 1K to 1024G, not '1025G'"):
        cli.parse_size("1025G", power_of_two=False, name="backlog size")
    with pytest.raises(UsageError, match="power of two from 4K to 1G"):
        cli.parse_size("2G")
    # What --help says is what is accepted.
    help_text = " ".join(cli.build_parser().format_help().split())
    assert "from 4K to 1G" in help_text and "from 1K to 1024G" in help_text


def test_the_host_comes_from_the_option_then_node_name_then_the_hostname(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    monkeypatch.setenv("NODE_NAME", "node-7")
    assert cli.parse_options(["--host", "a/../b\nc", "-p", "1"]).host == "a/../b\nc"
    assert cli.parse_options(["-p", "1"]).host == "node-7"
    monkeypatch.setenv("NODE_NAME", "")  # set but empty, as a manifest without a value
    assert cli.parse_options(["-p", "1"]).host == socket.gethostname()
    monkeypatch.setenv("NODE_NAME", "n" * 300)
    with pytest.raises(UsageError, match=r"^NODE_NAME='n{64}\.\.\.': too long for a dataset's "
                                         r"host= directory: 300 bytes"):
        cli.parse_options(["-p", "1"])


@pytest.mark.parametrize("name", ["", "x" * 251, "__HIVE_DEFAULT_PARTITION__"])
def test_a_host_name_that_no_partition_can_hold_is_one_error_line(
        name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--host", name, "-p", "1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("observer: error: --host ") and err.count("\n") == 1
