"""observer.Tracer against the real kernel: batches, DataFrames, the callback API, round trips."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

import observer

from .helpers import NR, STATE_TIMEOUT, Observer, Workload, wait_until

pytestmark = pytest.mark.bpf
pd = pytest.importorskip("pandas")

# Waits for a byte on stdin, then calls getpgid(1), getpgid(2), ... getpgid(N): each record's
# first argument says which call it is.
COUNTING = """
import os, sys
sys.stdin.buffer.read(1)
for i in range(1, {n} + 1):
    try:
        os.getpgid(i)
    except OSError:
        pass
"""


@pytest.mark.parametrize("format", ["numpy", "arrow"])
def test_every_syscall_arrives_exactly_once_across_batches(format: str) -> None:
    n = 150_000
    proc = subprocess.Popen([sys.executable, "-c", COUNTING.format(n=n)], stdin=subprocess.PIPE)
    try:
        with observer.Tracer(pids=proc.pid, syscalls="getpgid") as tracer:
            assert proc.stdin is not None
            proc.stdin.write(b"x")
            proc.stdin.close()
            batches = list(tracer.batches(timeout=120, format=format))
        assert proc.wait(60) == 0
    finally:
        proc.kill()
        proc.wait()
    assert tracer.lost == 0
    assert len(batches) > 1, "expected the records to arrive in several polls"
    if format == "numpy":
        for batch in batches:
            assert batch.dtype == observer.event_dtype
            assert batch.base is not None  # owned by the C++ vector behind a capsule
        events = np.concatenate(batches)
        pid, nr, arg0, ts_ns = events["tgid"], events["nr"], events["args"][:, 0], events["ts_ns"]
    else:
        pa = pytest.importorskip("pyarrow")
        for batch in batches:
            assert isinstance(batch, pa.RecordBatch)
            assert batch.schema.equals(observer.arrow.schema())
        table = pa.Table.from_batches(batches)
        pid, nr, arg0, ts_ns = (table.column(name).to_numpy()
                                for name in ("pid", "nr", "arg0", "ts_ns"))
        assert len(set(table.column("comm").to_pylist())) == 1
        assert table.column("syscall").unique().to_pylist() == ["getpgid"]
    assert (pid == proc.pid).all()
    assert (nr == NR["getpgid"]).all()
    assert np.array_equal(np.sort(arg0), np.arange(1, n + 1))
    # One thread, so the ring holds them in call order, and every record is timestamped.
    assert np.array_equal(arg0, np.arange(1, n + 1))
    assert (np.diff(ts_ns.astype(np.int64)) >= 0).all()


def test_records_wait_in_the_backlog_while_python_does_not_read() -> None:
    # 300,000 records are 34 MB, eight rings of 4 MiB: Python reads none until the workload
    # has ended, so all but a ring's worth of what it gets the core drained meanwhile. (On an
    # idle machine none is lost; on a loaded one the drain thread may wait for a CPU while
    # the workload fills the ring, and the kernel counts what it drops.)
    with Workload(getppid=300_000, sched_yield=0) as work:
        with observer.Tracer(pids=work.pid, syscalls="getppid", ring_size=4) as tracer:
            assert work.go() == 0
            records = sum(len(b) for b in tracer.batches(timeout=60, format="numpy"))
    ring_holds = (4 << 20) // (observer.event_dtype.itemsize + 8)  # a record and its header
    assert records >= 4 * ring_holds, records
    report = tracer.report()
    assert records + tracer.lost == 300_000 and report.lost == report.lost_ring
    assert tracer.dropped == 0


def test_a_full_backlog_drops_records_and_counts_them() -> None:
    with Workload(getppid=300_000, sched_yield=0) as work:
        with observer.Tracer(pids=work.pid, syscalls="getppid", ring_size=1,
                             backlog_size=1) as tracer:
            assert work.go() == 0
            records = sum(len(b) for b in tracer.batches(timeout=60, format="numpy"))
    assert tracer.dropped > 0
    # lost counts every cause, the full backlog among them.
    report = tracer.report()
    assert tracer.dropped == report.dropped <= tracer.lost == report.lost
    assert records + tracer.lost == 300_000


def test_command_to_pandas_and_exit_status() -> None:
    with observer.Tracer(command=["sh", "-c", "cat /dev/null; exit 3"], follow=True) as tracer:
        df = tracer.to_pandas()
    assert tracer.exit_status == 3
    assert df["syscall"].iloc[0] == "execve"
    assert set(df["comm"]) >= {"sh", "cat"}
    assert df.groupby("pid")["syscall"].last().eq("exit_group").all()
    # Wall-clock time: within a minute of now, in order per thread.
    now = pd.Timestamp.now()
    assert (abs(df["time"] - now) < pd.Timedelta(minutes=1)).all()
    for _, thread in df.groupby("tid"):
        assert thread["time"].is_monotonic_increasing


def test_capture_exit_records_return_values() -> None:
    with observer.Tracer(command=["cat", "/nonexistent/x"], syscalls="openat",
                         capture_exit=True) as tracer:
        df = tracer.to_pandas()
    failed = df[df["arg1"].notna() & (df["ret"] == -2)]  # ENOENT
    assert len(failed) >= 1
    assert df["duration_ns"].notna().all()


def test_cli_log_and_tracer_dataframe_agree(tmp_path: Path) -> None:
    log = tmp_path / "t.log"
    work = Workload(getppid=700, sched_yield=5)
    try:
        cli = Observer("-p", str(work.pid), "-o", str(log)).start()
        with observer.Tracer(pids=work.pid) as tracer:
            assert work.go() == 0
            live = tracer.to_pandas(timeout=60)
        assert cli.wait() == 0
    finally:
        work.kill()
    read = observer.read_log(log)
    assert read.attrs["malformed"] == 0
    assert len(live) == len(read) > 705
    assert tracer.lost == 0
    # The log has no thread ids; the workload has one thread, so its order is the thread's.
    for column in ("pid", "nr", "syscall", "comm"):
        pd.testing.assert_series_equal(live[column], read[column])
    assert (live["tid"] == work.pid).all()


def test_callback_api_sees_every_record() -> None:
    seen: list[int] = []
    work = Workload(getppid=300, sched_yield=0)
    try:
        with observer.Tracer(pids=work.pid, syscalls=["getppid"]) as tracer:
            work.go()
            count = tracer.run(lambda record: seen.append(int(record["nr"])), timeout=60)
    finally:
        work.kill()
    assert count == len(seen) == 300
    assert set(seen) == {NR["getppid"]}


def test_ctrl_c_interrupts_batches() -> None:
    iterating = threading.Event()
    missed: list[str] = []

    def interrupt() -> None:
        # Another process's getppid gives the loop a batch: Ctrl-C comes once it is iterating
        # (or when it never gets there, so that the test ends and says so).
        subprocess.run([sys.executable, "-c", "import os; os.getppid()"], check=True, timeout=60)
        if not iterating.wait(STATE_TIMEOUT):
            missed.append("batches() yielded nothing for a traced getppid")
        os.kill(os.getpid(), signal.SIGINT)

    with observer.Tracer(syscalls="getppid") as tracer:  # the whole system: never ends alone
        sender = threading.Thread(target=interrupt)
        sender.start()
        with pytest.raises(KeyboardInterrupt):
            for _ in tracer.batches():
                iterating.set()
    sender.join()
    assert not missed, missed


def test_straces_display_options_are_the_strace_formats() -> None:
    """As on the command line, with the keywords' names in the messages."""
    tracer = observer.Tracer(output="t.txt", hex_strings=1, xlat="verbose", read_fds="3,4")
    assert tracer.format == "strace" and tracer.options.read_fds == [3, 4]
    with pytest.raises(observer.UsageError, match="hex_strings applies to format='strace', "
                                                  "not batches"):
        observer.Tracer(hex_strings=1)
    with pytest.raises(observer.UsageError, match="xlat, write_fds apply to format='strace', "
                                                  "not jsonl"):
        observer.Tracer(format="jsonl", xlat="raw", write_fds=1)
    with pytest.raises(observer.UsageError, match="invalid xlat= 'both'"):
        observer.Tracer(format="strace", xlat="both")
    with pytest.raises(observer.UsageError, match="invalid fd 'x' for read_fds="):
        observer.Tracer(format="strace", read_fds="x")


def test_bad_options_raise_usage_errors() -> None:
    with pytest.raises(observer.UsageError, match="unknown syscall"):
        observer.Tracer(syscalls="openatt")
    with pytest.raises(observer.UsageError, match="invalid pid"):
        observer.Tracer(pids="12x")
    with pytest.raises(observer.UsageError, match="either pids or command"):
        observer.Tracer(pids=1, command=["true"])
    with pytest.raises(observer.UsageError, match="ring size"):
        observer.Tracer(ring_size=3)


def _exit_during_load(target: subprocess.Popen[bytes]) -> observer.Tracer:
    """A Tracer whose target exits, unreaped, while the programs load: the race a real target
    can win between the pid check and its insertion into the traced map."""
    from observer import _session

    class Session(_session.Session):
        def load(self, spec: object) -> None:
            assert target.stdin is not None
            target.stdin.close()  # the target reads EOF and exits
            stat = Path(f"/proc/{target.pid}/stat")
            wait_until(lambda: stat.read_text().rsplit(")", 1)[1].split()[0] == "Z",
                       "the target is a zombie")
            super().load(spec)

    tracer = observer.Tracer(pids=target.pid)
    tracer.session_class = Session
    return tracer


def test_a_target_that_becomes_a_zombie_during_load_ends_the_trace() -> None:
    target = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                              stdin=subprocess.PIPE)
    done = threading.Event()

    def trace() -> None:
        with _exit_during_load(target) as tracer:
            tracer.events()
        done.set()

    worker = threading.Thread(target=trace, daemon=True)
    worker.start()
    try:
        # kill(pid, 0) succeeds on a zombie: checking with it, batches() never ended.
        assert done.wait(STATE_TIMEOUT), ("batches() did not end for a target that exited "
                                          "during load")
    finally:
        target.wait()


def test_a_tracer_opened_in_a_thread_that_exits_leaves_its_command_running(
        tmp_path: Path) -> None:
    # The command outlives the thread that started it (PR_SET_PDEATHSIG is per thread): it
    # runs until that thread is gone from the kernel's view.
    go = tmp_path / "go"
    command = ["sh", "-c", f"until [ -e {shlex.quote(str(go))} ]; do sleep 0.01; done; exit 7"]
    holder: list[observer.Tracer] = []
    opened = threading.Thread(target=lambda: holder.append(
        observer.Tracer(command=command).__enter__()))
    opened.start()
    opened.join()
    (tracer,) = holder
    try:
        assert opened.native_id is not None
        wait_until(lambda: not Path(f"/proc/self/task/{opened.native_id}").exists(),
                   "the thread that opened the tracer has exited")
        go.touch()
        df = tracer.to_pandas()
    finally:
        tracer.close()
    assert tracer.exit_status == 7
    assert df["syscall"].iloc[-1] == "exit_group"


def test_records_are_read_once_and_a_closed_tracer_is_not_reopened() -> None:
    with observer.Tracer(command=["true"]) as tracer:
        assert len(tracer.to_pandas()) > 0
        with pytest.raises(observer.UsageError, match="already read"):
            tracer.to_pandas()
    with pytest.raises(observer.UsageError, match="closed: create a new one"):
        tracer.open()
    unread = observer.Tracer(command=["true"])
    with unread:
        pass
    with pytest.raises(observer.UsageError, match="closed"):
        unread.events()


def test_a_failed_load_leaves_no_command_waiting(tmp_path: Path) -> None:
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv (util-linux) missing")
    # Without capabilities the programs cannot load: the started command must not stay behind.
    code = """
import os, sys, observer
try:
    with observer.Tracer(command=["sleep", "600"]):
        pass
except observer.ObserverError as err:
    print(type(err).__name__)
children = set()
for tid in os.listdir("/proc/self/task"):
    children |= set(open(f"/proc/self/task/{tid}/children").read().split())
print(len(children))
"""
    result = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                             "--inh-caps=-all", "--bounding-set=-all", sys.executable, "-c",
                             code], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.stdout.split() == ["TracerPermissionError", "0"], result.stderr
