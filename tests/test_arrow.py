"""The one record schema: batches built in C++, pandas, Polars and DuckDB on them, readers."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import observer
from observer import arrow, syscalls

pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")
core = pytest.importorskip("observer._core")

NR = {name: syscalls.number(name) for name in ("read", "openat", "getppid")}


def records() -> np.ndarray:
    events = np.zeros(3, dtype=core.event_dtype())
    events["tgid"] = [10, 10, 11]
    events["tid"] = [10, 12, 11]
    events["nr"] = [NR["openat"], NR["read"], NR["getppid"]]
    events["comm"] = [b"sh", b"sh", b"x\xff"]
    events["ts_ns"] = [1_000, 2_000, 3_000]
    events["flags"] = [3, 3, 2]
    events["ret"] = [-2, 5, 0]
    events["args"][0] = [1, 2, 3, 4, 5, 6]
    return events


def test_batches_built_in_cpp_have_the_python_schema() -> None:
    batch = arrow.from_records(records(), clock_offset_ns=7)
    assert batch.schema.equals(arrow.schema())
    assert tuple(batch.schema.names) == arrow.COLUMNS
    assert batch.column("syscall").to_pylist() == ["openat", "read", "getppid"]
    assert batch.column("error").to_pylist() == ["ENOENT", None, None]
    assert batch.column("ret").to_pylist() == [-2, 5, None]
    assert batch.column("comm").to_pylist() == ["sh", "sh", "x\\xff"]
    assert batch.column("time").cast(pa.int64()).to_pylist() == [1_007, 2_007, 3_007]
    assert batch.column("arg5").to_pylist()[0] == 6
    assert batch.column("path").null_count == 3
    # An imported batch owns its columns: nothing refers to the capsules any more.
    assert batch.validate(full=True) is None


def test_to_pandas_keeps_its_dtypes() -> None:
    df = observer.to_pandas(records(), clock_offset_ns=0)
    assert list(df.columns) == list(arrow.COLUMNS)
    assert df["pid"].dtype == np.uint32 and df["nr"].dtype == np.int32
    assert str(df["ts_ns"].dtype) == "UInt64" and str(df["ret"].dtype) == "Int64"
    assert df["time"].dtype == "datetime64[ns]"
    assert df["ret"].isna().tolist() == [False, False, True]
    assert df["error"].tolist()[0] == "ENOENT" and pd.isna(df["error"].iloc[1])
    assert df["path"].isna().all() and df["argv"].isna().all()
    assert str(df["compat"].dtype) == "boolean"


def test_the_pyarrow_backend_wraps_the_columns_without_a_copy() -> None:
    batch = arrow.from_records(records(), clock_offset_ns=0)
    df = arrow.to_frame(batch, dtype_backend="pyarrow")
    column = df["ts_ns"].array.__arrow_array__().chunk(0)
    assert column.buffers()[1].address == batch.column("ts_ns").buffers()[1].address
    assert df["comm"].dtype == "category"
    with pytest.raises(ValueError, match="dtype_backend"):
        arrow.to_frame(batch, dtype_backend="python")


def test_polars_takes_the_columns_without_a_copy() -> None:
    pl = pytest.importorskip("polars")
    batch = arrow.from_records(records(), clock_offset_ns=0)
    frame = pl.from_arrow(batch)
    assert frame["pid"].to_list() == [10, 10, 11]
    assert frame["syscall"].to_list() == ["openat", "read", "getppid"]
    # Polars' buffer for ts_ns is the one the C++ core filled.
    address = frame["ts_ns"].to_arrow().buffers()[1].address
    assert address == batch.column("ts_ns").buffers()[1].address


def test_duckdb_queries_a_batch_in_place() -> None:
    duckdb = pytest.importorskip("duckdb")
    batch = arrow.from_records(records(), clock_offset_ns=0)
    rows = duckdb.sql("SELECT syscall, count(*) FROM batch GROUP BY syscall ORDER BY 1"
                      ).fetchall()
    assert rows == [("getppid", 1), ("openat", 1), ("read", 1)]


def test_parquet_keeps_the_schema(tmp_path: Path) -> None:
    observer.to_parquet(arrow.from_records(records(), clock_offset_ns=0), tmp_path / "d")
    (file,) = (tmp_path / "d").rglob("*.parquet")
    table = observer.read_table(file)
    # The schema, and the partition's date (the host's is the schema's own column).
    assert table.schema.remove_metadata().equals(arrow.schema().append(
        pa.field("date", pa.date32())))
    assert table.column("error").to_pylist() == ["ENOENT", None, None]


def jsonl_line(**fields: object) -> str:
    row: dict[str, object] = {"ts_ns": 5, "wall_ns": 1005, "tgid": 7, "tid": 8, "comm": "sh",
                              "nr": NR["openat"], "syscall": "openat", "compat": False,
                              "args": [0] * 6, "ret": 3, "error": None, "duration_ns": 9,
                              "strings": [], "buffers": []}
    row.update(fields)
    return json.dumps(row) + "\n"


def test_jsonl_strings_and_buffers_become_the_capture_columns(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    # enum argv_tag: a string, one cut at --data-limit, then elements not kept.
    argv = "\u0001ls\u0000\u0002-l\u0000\u0003"
    path.write_text(
        # As the JSON sink writes bytes: UTF-8 as text, any other byte as \udcXX.
        jsonl_line(strings=[{"arg": 1, "value": "/etc/caf\u00e9\udcff", "truncated": False}])
        + jsonl_line(nr=syscalls.number("execve"), syscall="execve",
                     strings=[{"arg": 0, "value": "/bin/ls", "truncated": False}],
                     buffers=[{"arg": 1, "value": argv, "truncated": False}])
        + jsonl_line(nr=syscalls.number("read"), ret=-2, error="ENOENT",
                     buffers=[{"arg": 1, "value": "a\u0000\udcff", "truncated": True}])
        + '{"kind":"exit","ts_ns":9,"tgid":7,"tid":7,"comm":"sh","status":0,"exit_code":0}\n')
    table = observer.read_table(path)
    assert table.schema.remove_metadata().equals(arrow.schema())
    assert table.column("path").to_pylist() == ["/etc/caf\u00e9\\xff", "/bin/ls", None]
    assert table.column("argv").to_pylist() == [None, ["ls", "-l"], None]
    assert table.column("data").to_pylist() == [None, None, b"a\x00\xff"]
    assert table.column("truncated").to_pylist() == [False, True, True]
    assert table.column("error").to_pylist() == [None, None, "ENOENT"]
    assert table.column("time").cast(pa.int64()).to_pylist() == [1005] * 3
    assert observer.read_jsonl(path)["syscall"].tolist() == ["openat", "execve", "read"]


def test_jsonl_items_of_a_few_rows_land_on_those_rows(tmp_path: Path) -> None:
    # Most records carry no strings, buffers or fd paths: those of the few that do must stay
    # on their own rows, with hostile names and non-UTF-8 bytes (\udcXX) in every text field.
    hostile = 'a"b\\c\nd\udcfe'
    lines = []
    for i in range(40):
        fields: dict[str, object] = {"ts_ns": i, "wall_ns": 1000 + i, "comm": f"w{i % 3}",
                                     "cgroup_id": 4 if i % 2 else 5}
        if i % 13 == 5:
            fields.update(comm=hostile, strings=[{"arg": 1, "value": f"/tmp/{hostile}{i}",
                                                  "truncated": False}])
        if i % 17 == 3:
            fields.update(nr=syscalls.number("read"), syscall="read",
                          buffers=[{"arg": 1, "value": f"x\u0000{i}\udc80", "truncated": i > 20}],
                          fd_paths=[{"of": "arg0", "path": f"/d/{hostile}"}])
        lines.append(jsonl_line(**fields))
    path = tmp_path / "t.jsonl"
    path.write_text(r'{"kind":"cgroup","cgroup_id":4,"cgroup":"/c\udcff"}' + "\n" + "".join(lines))
    table = observer.read_table(path)
    rows = table.to_pylist()
    shown = 'a"b\\c\nd\\xfe'  # the byte as the C++ builder shows it in text
    for i, row in enumerate(rows):
        assert row["cgroup"] == ("/c\\xff" if i % 2 else None)
        assert row["comm"] == (shown if i % 13 == 5 else f"w{i % 3}")
        assert row["path"] == (f"/tmp/{shown}{i}" if i % 13 == 5 else None)
        assert row["data"] == (f"x\x00{i}".encode() + b"\x80" if i % 17 == 3 else None)
        assert row["fd_path"] == (f"/d/{shown}" if i % 17 == 3 else None)
        assert row["truncated"] == ((i > 20) if i % 17 == 3 else False if i % 13 == 5
                                    else None)
        assert row["arg5"] == 0
    assert [row["ts_ns"] for row in rows] == list(range(40))


def test_strace_text_becomes_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "t.strace"
    path.write_text(
        '100 execve("/usr/bin/cat", ["cat", "/etc/hostname"], 0x7ffd /* 3 vars */) = 0\n'
        '100 openat(AT_FDCWD, "/etc/h\\xffost", O_RDONLY) = -1 ENOENT (No such file or '
        'directory) <0.000012>\n'
        '100 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|SIGCHLD) = 101\n'
        '101 write(1, "hi\\n", 3) = 3\n'
        '100 clone(child_stack=0x7f, flags=CLONE_VM|CLONE_THREAD|CLONE_SIGHAND) = 102\n'
        '102 read(3, "ab"..., 2) = 2\n'
        '[pid   102] wait4(-1,  <unfinished ...>\n'
        '[pid   102] <... wait4 resumed>NULL, 0, NULL) = ? ERESTARTSYS (To be restarted)\n'
        '100 --- SIGCHLD {si_signo=SIGCHLD} ---\n'
        '100 +++ exited with 0 +++\n')
    table = observer.read_table(path)
    assert table.schema.remove_metadata().equals(arrow.schema())
    columns = table.to_pydict()
    assert columns["syscall"] == ["execve", "openat", "clone", "write", "clone", "read",
                                  "wait4"]
    assert columns["tid"] == [100, 100, 100, 101, 100, 102, 102]
    # A new process from clone without CLONE_THREAD; a thread of 100 with it.
    assert columns["pid"] == [100, 100, 100, 101, 100, 100, 100]
    assert columns["comm"] == ["cat"] * 7
    assert columns["argv"][0] == ["cat", "/etc/hostname"]
    assert columns["path"][:2] == ["/usr/bin/cat", "/etc/h\\xffost"]
    assert columns["ret"][1] == -2 and columns["error"][1] == "ENOENT"
    assert columns["duration_ns"][1] == 12_000
    assert columns["data"][3] == b"hi\n" and columns["data"][5] == b"ab"
    assert columns["truncated"][5] is True and columns["truncated"][3] is False
    assert columns["ret"][6] == -512 and columns["error"][6] == "ERESTARTSYS"
    assert table.schema.metadata[b"malformed"] == b"0"


def test_a_log_has_the_log_columns_of_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "t.log"
    path.write_text(f"10:{NR['openat']}:sh\n11:{NR['read']}:x\\xff\n")
    table = observer.read_table(path)
    assert table.schema.remove_metadata().equals(arrow.log_schema())
    expected = arrow.from_records(records()[[0, 2]], 0).select(list(arrow.LOG_COLUMNS))
    assert table.column("comm").to_pylist() == expected.column("comm").to_pylist()
