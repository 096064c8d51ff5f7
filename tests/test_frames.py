"""DataFrames, readers and Parquet export on records built by hand (no kernel needed)."""

from __future__ import annotations

import datetime
import json
import os
import re
import stat
from pathlib import Path

import numpy as np
import pytest

import observer
from observer import _partitions, formatter, syscalls
from observer._escape import escape_comm

pd = pytest.importorskip("pandas")

SYMLINK = "it is a symbolic link, which observer does not follow"

# struct event of bpf/syscalls.h, with the offsets src/cpp/event.h asserts.
EXPECTED_DTYPE = np.dtype({
    "names": ["ts_ns", "args", "ret", "duration_ns", "tgid", "tid", "nr", "flags", "comm",
              "cgroup_id"],
    "formats": ["<u8", ("<u8", (6,)), "<i8", "<u8", "<u4", "<u4", "<i4", "<u4", "S16", "<u8"],
    "offsets": [0, 8, 56, 64, 72, 76, 80, 84, 88, 104],
    "itemsize": 112,
})
NR = {name: syscalls.number(name) for name in ("read", "write", "openat", "getppid")}


def test_core_dtype_matches_the_c_struct() -> None:
    core = pytest.importorskip("observer._core")
    assert core.event_dtype() == EXPECTED_DTYPE
    assert core.event_dtype().itemsize == 112
    for name in EXPECTED_DTYPE.names:
        assert core.event_dtype().fields[name] == EXPECTED_DTYPE.fields[name], name


def records() -> np.ndarray:
    events = np.zeros(3, dtype=EXPECTED_DTYPE)
    events["tgid"] = [10, 10, 11]
    events["tid"] = [10, 12, 11]
    events["nr"] = [NR["openat"], NR["read"], 999]
    events["comm"] = [b"sh", b"sh", "caf\u00e9".encode() + b"\xff"]
    events["ts_ns"] = [1_000, 2_000, 0]
    events["flags"] = [3, 2, 0]
    events["ret"] = [-2, 5, 7]
    events["duration_ns"] = [50, 60, 70]
    events["args"][0] = [1, 2, 3, 4, 5, 6]
    return events


def test_to_pandas_converts_every_field() -> None:
    batches = [records()[:2], records()[2:]]
    df = observer.to_pandas(iter(batches), clock_offset_ns=1_000_000_000)
    assert list(df.columns) == list(observer.frames.COLUMNS)
    assert df["syscall"].tolist() == ["openat", "read", "999"]
    assert df["comm"].tolist() == ["sh", "sh", "caf\u00e9\\xff"]
    assert df["pid"].tolist() == [10, 10, 11] and df["tid"].tolist() == [10, 12, 11]
    assert df["time"].iloc[0] == pd.Timestamp(1_000_001_000, unit="ns")
    assert df["time"].isna().tolist() == [False, False, True]
    assert df["ts_ns"].isna().tolist() == [False, False, True]
    # ret and duration only where EVENT_HAS_RET is set.
    assert df["ret"].iloc[0] == -2 and df["ret"].isna().tolist() == [False, True, True]
    assert df["duration_ns"].iloc[0] == 50
    assert [df[f"arg{i}"].iloc[0] for i in range(6)] == [1, 2, 3, 4, 5, 6]
    assert observer.to_pandas([]).empty


def write_log(path: Path, rows: list[tuple[int, int, bytes]]) -> None:
    path.write_text("".join(f"{pid}:{nr}:{escape_comm(comm)}\n" for pid, nr, comm in rows))


def test_read_log_matches_to_pandas_on_the_shared_columns(tmp_path: Path) -> None:
    events = records()
    log = tmp_path / "trace.log"
    write_log(log, [(int(e["tgid"]), int(e["nr"]), bytes(e["comm"])) for e in events])
    df = observer.read_log(log)
    expected = observer.to_pandas(events)
    # The log records pid, nr and comm: exactly those columns, with the records' dtypes.
    assert list(df.columns) == list(observer.frames.LOG_COLUMNS)
    for column in observer.frames.LOG_COLUMNS:
        pd.testing.assert_series_equal(df[column], expected[column])
    assert df.attrs["malformed"] == 0


def test_read_log_skips_and_counts_malformed_lines(tmp_path: Path) -> None:
    log = tmp_path / "trace.log"
    log.write_bytes(b"1:0:ok:with:colons\nnot a record\n2:x:sh\n3:1:bad\\q\n4:1:\n")
    df = observer.read_log(log)
    assert df["pid"].tolist() == [1, 4]
    assert df["comm"].tolist() == ["ok:with:colons", ""]
    assert df.attrs["malformed"] == 3


def test_read_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "trace.jsonl"
    rows = [
        {"ts_ns": 5, "args": [1, 2, 3, 4, 5, 6], "ret": 3, "duration_ns": 9, "tgid": 7,
         "tid": 8, "nr": NR["write"], "flags": 3, "comm": "sh", "syscall": "write"},
        {"ts_ns": 6, "args": [0] * 6, "ret": 0, "duration_ns": 0, "tgid": 7, "tid": 7,
         "nr": NR["getppid"], "flags": 2, "comm": "sh", "syscall": "getppid"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n")
    df = observer.read_log(path, clock_offset_ns=100)
    assert df["syscall"].tolist() == ["write", "getppid"]
    assert df["tid"].tolist() == [8, 7]
    assert df["time"].tolist() == [pd.Timestamp(105, unit="ns"), pd.Timestamp(106, unit="ns")]
    assert df["ret"].tolist()[0] == 3 and pd.isna(df["ret"].iloc[1])
    assert df["arg5"].tolist() == [6, 0]
    assert df.attrs["malformed"] == 1
    with pytest.raises(ValueError, match="unknown trace format"):
        observer.read_log(path, format="csv")


@pytest.mark.parametrize("text", [
    b"1:0:sh\n2:1:cat\n",
    b'{"ts_ns":5,"args":[1,2,3,4,5,6],"ret":3,"duration_ns":9,"tgid":7,"tid":8,"nr":1,'
    b'"flags":3,"comm":"sh","syscall":"write"}\n',
    b'7 write(1, "hi\\n", 3) = 3\n7 +++ exited with 0 +++\n',
])
def test_readers_take_a_pipe_as_they_take_its_file(tmp_path: Path, text: bytes) -> None:
    # `observer ... -o - | python -c 'read_log("/dev/stdin")'`: the head they sniff and the
    # rest are read from one copy, not lost with the pipe's first bytes.
    def piped(**kwargs: object) -> pd.DataFrame:
        read, write = os.pipe()
        try:
            os.write(write, text)  # less than a pipe holds
            os.close(write)
            return observer.read_log(f"/proc/self/fd/{read}", clock_offset_ns=0, **kwargs)
        finally:
            os.close(read)

    file = tmp_path / "trace"
    file.write_bytes(text)
    frame = piped()
    pd.testing.assert_frame_equal(frame, observer.read_log(file, clock_offset_ns=0))
    assert len(frame) >= 1 and frame.attrs["malformed"] == 0
    # A pipe of another format is named by its own path, as a file would be.
    with pytest.raises(ValueError, match=r"^/proc/self/fd/\d+ is not"):
        piped(format="strace" if text[:1] != b"7" else "jsonl")


def test_read_split_dir_reads_formatter_output(tmp_path: Path) -> None:
    log = tmp_path / "trace.log"
    write_log(log, [(1, 0, b"a/b"), (2, 1, b"sh"), (1, 3, b"a/b"), (2, 0, b"sh")])
    with log.open("rb") as lines:
        result = formatter.split_records(lines)
    formatter.write_split(result, tmp_path / "numbers")
    formatter.write_split(result, tmp_path / "names", names=True)
    for sub in ("numbers", "names"):
        seqs = observer.read_split_dir(tmp_path / sub)
        assert {k: v.tolist() for k, v in seqs.items()} == {("a/b", 1): [0, 3], ("sh", 2): [1, 0]}


def test_read_split_dir_reads_adfa_style_directories(tmp_path: Path) -> None:
    (tmp_path / "Attack_Data_Master" / "Adduser_1").mkdir(parents=True)
    (tmp_path / "Training_Data_Master").mkdir()
    (tmp_path / "Training_Data_Master" / "UTD-0001.txt").write_text("6 6 63 6 42 120 6 \n")
    (tmp_path / "Attack_Data_Master" / "Adduser_1" / "UAD-Adduser-1-1.txt").write_text("3 4\n")
    seqs = observer.read_split_dir(tmp_path)
    assert {k: v.tolist() for k, v in seqs.items()} == {
        ("Attack_Data_Master/Adduser_1/UAD-Adduser-1-1.txt", None): [3, 4],
        ("Training_Data_Master/UTD-0001.txt", None): [6, 6, 63, 6, 42, 120, 6],
    }
    (tmp_path / "bad.txt").write_text("6 nosuchcall\n")
    with pytest.raises(ValueError, match="nosuchcall"):
        observer.read_split_dir(tmp_path)


def test_to_parquet_writes_comm_and_pid_columns_and_keeps_existing_files(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    out = tmp_path / "dataset"
    observer.to_parquet([records()], out)
    observer.to_parquet(observer.to_pandas(records()), out)
    # One file a time, in today's partition (UTC): the untimed row goes under the day it
    # is written, the others were made today.
    today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    assert [f.parent.name for f in out.rglob("*.parquet")] == [f"date={today}"] * 2
    back = pd.read_parquet(out)
    assert len(back) == 6
    assert sorted(back["syscall"].tolist()) == ["999", "999", "openat", "openat", "read", "read"]
    assert sorted(set(back["comm"].astype(str))) == ["caf\u00e9\\xff", "sh"]
    row = back[back["syscall"] == "openat"].iloc[0]
    assert row["ret"] == -2 and row["tid"] == 10


def test_read_table_takes_the_dataset_directory_as_the_command_line_writes_it(
        tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    out = tmp_path / "t.parquet"  # --format parquet -o t.parquet: a directory of parts
    observer.to_parquet([records()], out)
    observer.to_parquet([records()], out)
    (out / ".part-x.parquet.tmp").write_bytes(b"PAR1 not finished")  # a part being written
    table = observer.read_table(out)
    assert table.num_rows == 6
    assert sorted(table.column("syscall").to_pylist()).count("openat") == 2
    # One file alone keeps the date of the partition it is in.
    for file in out.rglob("*.parquet"):
        one = observer.read_table(file)
        day = file.parent.name.removeprefix("date=")
        assert {str(d) for d in one.column("date").to_pylist()} == {day}
    assert sum(observer.read_table(f).num_rows for f in out.rglob("*.parquet")) == 6
    with pytest.raises(ValueError, match=r"is not an observer trace log .*: it looks like a "
                                         "Parquet dataset directory"):
        observer.read_log(out)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(IsADirectoryError, match="directory without Parquet files"):
        observer.read_table(empty)


def test_parquet_stream_writes_complete_files_as_it_goes(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "stream"
    stream = observer.frames.ParquetStream(out, clock_offset_ns=0, max_bytes=1,
                                           max_seconds=3600)
    batch = records()
    batch = batch[batch["flags"] & 2 != 0]  # timed records: one partition
    stream.add(batch)  # over max_bytes: written at once
    assert stream.written == len(batch) and len(stream.files) == 1
    stream.add(batch[:0])  # nothing buffered: no file
    assert len(stream.files) == 1
    big = observer.frames.ParquetStream(out, clock_offset_ns=0, max_bytes=1 << 30,
                                        max_seconds=3600)
    big.add(batch)
    assert big.written == 0 and len(list(out.rglob("*.parquet"))) == 1  # still buffered
    big.close()
    assert big.written == len(batch)
    files = sorted(out.rglob("*.parquet"))
    assert len(files) == 2 and not list(out.rglob(".*"))
    # One partition: records without a host, under this machine's node name, made on the
    # first day of the epoch (offset 0).
    host = observer.frames.ParquetStream(out).host
    assert {f.parent.relative_to(out) for f in files} == {
        Path(_partitions.directory(host, datetime.date(1970, 1, 1)))}
    # Rows grouped by pid in their order, comm and syscall dictionary-encoded.
    table = pq.read_table(files[0])
    assert table.column("pid").to_pylist() == sorted(batch["tgid"].tolist())
    assert str(table.schema.field("comm").type).startswith("dictionary")
def test_read_log_of_jsonl_keeps_64_bit_arguments(tmp_path: Path) -> None:
    path = tmp_path / "trace.jsonl"
    at_fdcwd = (1 << 64) - 100
    rows = [{"ts_ns": 5, "args": [at_fdcwd, 2, 3, 4, 5, 6], "ret": 3, "duration_ns": 9,
             "tgid": 7, "tid": 8, "nr": NR["write"], "flags": 3,
             # The JSON writer's UTF-8 text (json.dumps escapes it as \u00e9).
             "comm": "caf\u00e9",
             "syscall": "write", "strings": [{"arg": 1, "value": "x", "truncated": False}]}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows * 3))
    df = observer.read_log(path, clock_offset_ns=0)
    assert df["arg0"].tolist() == [at_fdcwd] * 3
    assert df["comm"].tolist() == ["caf\u00e9"] * 3
    assert df.attrs["malformed"] == 0


@pytest.mark.parametrize(("content", "looks_like"), [
    (b"PAR1\x00\x00", "a Parquet file"),
    (b"59 12 9 21\n", "a per-process sequence file"),
    (b"hello world\n", "none of observer's formats"),
])
def test_read_log_names_the_format_of_a_foreign_file(tmp_path: Path, content: bytes,
                                                       looks_like: str) -> None:
    path = tmp_path / "trace.txt"
    path.write_bytes(content)
    with pytest.raises(ValueError, match=f"it looks like {re.escape(looks_like)}"):
        observer.read_log(path)


@pytest.mark.parametrize("content", [
    b"4242 openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY) = 3\n",
    b"12:00:01.123456 read(3, \"\", 4096) = 0\n",
])
def test_read_log_reads_strace_text_and_refuses_it_as_a_log(tmp_path: Path,
                                                           content: bytes) -> None:
    path = tmp_path / "trace.txt"
    path.write_bytes(content)
    assert len(observer.read_log(path)) == 1
    with pytest.raises(ValueError, match="it looks like strace-style text"):
        observer.read_log(path, format="log")


def test_a_child_that_execs_before_its_parents_clone_returns_keeps_its_name(
        tmp_path: Path) -> None:
    # strace's order: the parent's clone is split by the child's lines, its exec included.
    path = tmp_path / "trace.txt"
    path.write_text(
        '10 execve("/bin/sh", ["sh"], 0x7ffd /* 1 var */) = 0\n'
        "10 clone(child_stack=NULL, flags=SIGCHLD <unfinished ...>\n"
        '11 execve("/bin/true", ["true"], 0x7ffd /* 1 var */) = 0\n'
        "10 <... clone resumed>) = 11\n"
        "11 exit_group(0) = ?\n"
        "11 +++ exited with 0 +++\n")
    frame = observer.read_log(path)
    names = dict(zip(frame["syscall"].astype(str), frame["comm"].astype(str)))
    assert names["exit_group"] == "true" and names["clone"] == "sh"


def test_read_log_refuses_a_format_other_than_the_one_asked_for(tmp_path: Path) -> None:
    log = tmp_path / "trace.log"
    log.write_text("1:0:sh\n")
    with pytest.raises(ValueError, match="not observer JSON Lines"):
        observer.read_log(log, format="jsonl")
    blank = tmp_path / "blank.log"
    blank.write_text("\n\n")
    assert observer.read_log(blank).empty


def test_read_split_dir_reads_hidden_and_escaped_process_names(tmp_path: Path) -> None:
    log = tmp_path / "trace.log"
    names = [b".hidden", b"/", b"\\x2f", b"a:b", b"\xff"]
    write_log(log, [(10 + i, i, comm) for i, comm in enumerate(names)])
    with log.open("rb") as lines:
        formatter.write_split(formatter.split_records(lines), tmp_path / "out")
    # A temporary file the formatter left behind is not a process.
    (tmp_path / "out" / ".sh:1.log.0123abcd.tmp").write_text("1 2\n")
    seqs = observer.read_split_dir(tmp_path / "out")
    expected = {(comm.decode("utf-8", "backslashreplace"), 10 + i): [i]
                for i, comm in enumerate(names)}
    assert {k: v.tolist() for k, v in seqs.items()} == expected


@pytest.mark.parametrize("existing", [False, True], ids=["new", "existing"])
def test_parquet_stream_writes_private_files_and_follows_no_symlink(tmp_path: Path,
                                                                     existing: bool) -> None:
    pytest.importorskip("pyarrow")
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious\n")
    out = tmp_path / "nested" / "dataset"
    if existing:
        out.mkdir(parents=True)
    mask = os.umask(0)  # the modes are observer's, not the umask's
    try:
        stream = observer.frames.ParquetStream(out, clock_offset_ns=0, max_bytes=1 << 30,
                                               max_seconds=3600)
        # A symlink where the partition's directory goes is refused, never followed.
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        hosts = out / _partitions.directory(stream.host, None).split("/")[0]
        out.mkdir(parents=True, exist_ok=True)
        hosts.symlink_to(elsewhere)
        timed = records()[:2]  # one partition
        stream.add(timed)
        with pytest.raises(OSError, match=SYMLINK):
            stream.flush()
        hosts.unlink()
        # And one where a file goes.
        partition = hosts / "date=1970-01-01"
        partition.mkdir(parents=True)
        first = partition / f"{stream.prefix}-00001.parquet"
        first.symlink_to(victim)
        stream.add(timed)
        with pytest.raises(OSError, match=SYMLINK):
            stream.flush()
        assert victim.read_bytes() == b"precious\n" and not list(elsewhere.iterdir())
        first.unlink()
        stream.add(timed)
        stream.close()
    finally:
        os.umask(mask)
    assert stream.written == len(timed)
    (written,) = [p for p in out.rglob("*") if p.is_file()]  # no temporary file left
    assert written.name == f"{stream.prefix}-00002.parquet" and written.parent == partition
    assert stat.S_IMODE(written.lstat().st_mode) == 0o600
    if not existing:  # created with its missing parent, both 0700
        assert stat.S_IMODE(out.stat().st_mode) == 0o700
        assert stat.S_IMODE(out.parent.stat().st_mode) == 0o700
    link = tmp_path / "link"
    link.symlink_to(out)
    with pytest.raises(OSError, match=SYMLINK):
        observer.frames.ParquetStream(link)
    assert [p for p in out.rglob("*") if p.is_file()] == [written]


def test_frames_own_their_columns(tmp_path: Path) -> None:
    # Lines in JsonSink's own shape (the compiled reader's path), then a table of the user's.
    path = tmp_path / "trace.jsonl"
    with open(path, "w") as out:
        for i in range(4):
            out.write(f'{{"ts_ns":{i},"wall_ns":{i + 10**18},"tgid":7,"tid":{7 + i},'
                      f'"comm":"sh","nr":{NR["read"]},"syscall":"read","compat":false,'
                      f'"args":[3,{i},64,0,0,0],"ret":{i},"error":null,"duration_ns":9,'
                      f'"strings":[],"buffers":[]}}\n')
    df = observer.read_log(path)
    assert df["arg1"].tolist() == [0, 1, 2, 3]
    # Every column takes a new value in place, and no other column shares its memory.
    df.loc[1, "pid"] = 8
    df.loc[1, "tid"] = 99
    df.loc[1, "arg1"] = 5
    df.loc[1, "ret"] = -1
    df.loc[1, "time"] = pd.Timestamp(0)
    df.loc[1, "compat"] = True
    assert df.loc[1, ["pid", "tid", "arg1", "ret", "compat"]].tolist() == [8, 99, 5, -1, True]
    assert df["time"].iloc[1] == pd.Timestamp(0)
    assert df["ts_ns"].tolist() == [0, 1, 2, 3]
    assert df["arg0"].tolist() == [3] * 4 and df["arg2"].tolist() == [64] * 4
    assert df["pid"].tolist() == [7, 8, 7, 7]
    # A table passed to to_frame is left as it was when its frame is changed.
    table = observer.read_table(path)
    frame = observer.arrow.to_frame(table)
    frame.loc[0, "arg1"] = 42
    frame.loc[0, "pid"] = 42
    assert table.column("arg1").to_pylist() == [0, 1, 2, 3]
    assert table.column("pid").to_pylist() == [7] * 4
