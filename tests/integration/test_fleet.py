"""Records from many machines: the host, container and pod every record names, Hive-partitioned
datasets of several hosts merged by copying, and the analyses on a Dask cluster."""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

import observer
from observer import _partitions, analysis

from .helpers import Observer, wait_until
from .test_services import mount, release, removed, start_family

pytestmark = pytest.mark.bpf

ROOT = Path(__file__).resolve().parents[2]


def uid() -> str:
    text = secrets.token_hex(16)
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


@pytest.fixture
def made() -> Iterator[list[Path]]:
    """The cgroup directories a test creates, removed deepest first at the end (each once
    the kernel has let its processes go)."""
    created: list[Path] = []
    yield created
    for path in sorted(created, key=lambda p: -len(p.parts)):
        wait_until(lambda: removed(str(path)), f"{path} can be removed")  # noqa: B023


def make(made: list[Path], relative: str) -> Path:
    """The cgroup at relative below the v2 root, exactly so, with the parents it lacked."""
    path = mount()
    for part in relative.strip("/").split("/"):
        path = path / part
        if not path.exists():
            path.mkdir()
            made.append(path)
    return path


def test_records_name_the_container_and_pod_of_each_runtime_shape(
        tmp_path: Path, made: list[Path]) -> None:
    ids = [secrets.token_hex(32) for _ in range(6)]
    pods = [uid(), uid()]
    # (cgroup path, container id, pod uid) as docker, podman, CRI-O and the kubelet name them.
    shapes = [
        (f"/docker/{ids[0]}", ids[0], None),  # docker, cgroupfs driver
        (f"/system.slice/docker-{ids[1]}.scope", ids[1], None),  # docker, systemd driver
        (f"/machine.slice/libpod-{ids[2]}.scope", ids[2], None),  # podman
        (f"/system.slice/crio-{ids[3]}.scope", ids[3], None),  # CRI-O
        (f"/kubepods/burstable/pod{pods[0]}/{ids[4]}", ids[4], pods[0]),  # cgroupfs kubelet
        ("/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod"
         f"{pods[1].replace('-', '_')}.slice/cri-containerd-{ids[5]}.scope", ids[5], pods[1]),
        (f"/observer-test-{secrets.token_hex(4)}/{secrets.token_hex(32)}", None, None),  # none
    ]
    for fmt in ("jsonl", "parquet"):
        procs = [start_family(5, 3, make(made, path)) for path, _, _ in shapes]
        out = tmp_path / f"t.{fmt}"
        pids = ",".join(str(proc.pid) for proc in procs)
        try:
            with Observer("-f", "-p", pids, "--host", "node-1", "--format", fmt,
                          "-s", "getppid", "-o", str(out)) as obs:
                families = release(*procs)
                assert obs.wait() == 0, obs.stderr  # -p: ends with its targets
        finally:
            for proc in procs:
                if proc.poll() is None:
                    proc.kill()
        table = observer.read_table(out)
        rows = table.select(["pid", "host", "container_id", "pod_uid"]).to_pylist()
        expected = {pid: (container, pod) for (parent, child), (_, container, pod)
                    in zip(families, shapes) for pid in (parent, child)}
        assert len(rows) == 8 * len(shapes)
        assert {(r["pid"], r["container_id"], r["pod_uid"]) for r in rows} == {
            (pid, *origin) for pid, origin in expected.items()}
        assert {r["host"] for r in rows} == {"node-1"}
    # jsonl: on each record's line, where known; never a guess.
    lines = [json.loads(line) for line in (tmp_path / "t.jsonl").read_text().splitlines()]
    calls = [line for line in lines if line.get("syscall") == "getppid"]
    assert all(line["host"] == "node-1" for line in calls)
    assert {line.get("container_id") for line in calls} == {*ids, None}


# A workload of some variety: a shell that runs a few programs, some of them twice.
WORKLOAD = "ls / >/dev/null; cat /etc/hostname /etc/passwd >/dev/null; ls -lR /usr/share/doc >/dev/null; " \
           "id >/dev/null; cat /etc/hostname >/dev/null"


#: The baseline does less: what only the fleet's runs do (id, and ls -lR) is foreign to it.
BASELINE = "ls / >/dev/null; cat /etc/hostname /etc/passwd >/dev/null"


def traced_run(out: Path, node: str, rotate: str = "4K", workload: str = WORKLOAD) -> None:
    """A real traced run whose node name comes from NODE_NAME, as a DaemonSet sets it; a
    small --rotate cuts processes across files."""
    env = {**os.environ, "NODE_NAME": node}
    result = subprocess.run([sys.executable, "-m", "observer", "-q", "-f", "--format",
                             "parquet", "--rotate", rotate, "-o", str(out), "--", "sh", "-c",
                             workload], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def fleet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Datasets of three hosts (the last node name hostile) copied into one directory, and a
    fourth host's as a baseline beside it."""
    root = tmp_path_factory.mktemp("fleet")
    merged = root / "fleet"
    for i, node in enumerate(["node-a", "node-b", "../evil/\nnode c"]):
        run = root / f"run{i}"
        traced_run(run, node)
        shutil.copytree(run, merged, dirs_exist_ok=True)
    traced_run(root / "baseline", "node-base", workload=BASELINE)
    return root


def test_merged_datasets_are_one_partitioned_dataset(fleet: Path) -> None:
    merged = fleet / "fleet"
    hosts = sorted(p.name for p in merged.iterdir())
    assert hosts == sorted("host=" + _partitions.encode(n)
                           for n in ["node-a", "node-b", "../evil/\nnode c"])
    # Nothing escaped: every file is under merged, two directories down, private.
    files = [p for p in fleet.rglob("*") if p.is_file()]
    assert all(re.fullmatch(r"(fleet|run\d|baseline)/host=[^/]+/date=\d{4}-\d\d-\d\d/"
                            r"part-[0-9a-f-]+\.parquet", str(p.relative_to(fleet)))
               for p in files), files
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in files)
    assert all(p.stat().st_mode & 0o777 == 0o700 for p in fleet.rglob("*") if p.is_dir())
    table = observer.read_table(merged)
    assert set(table.column("host").to_pylist()) == {"node-a", "node-b", "../evil/\nnode c"}
    # Other readers see the same hosts, decoded from the directory names.
    import duckdb
    import pyarrow.dataset as ds

    pattern = str(merged / "**" / "*.parquet")
    rows = duckdb.sql(f"SELECT host, count(*) FROM read_parquet('{pattern}', "
                      "hive_partitioning=true) GROUP BY host").fetchall()
    counts = table.group_by("host").aggregate([("pid", "count")]).to_pylist()
    assert dict(rows) == {r["host"]: r["pid_count"] for r in counts}
    arrow = ds.dataset(merged, partitioning="hive").to_table(columns=["host"])
    assert set(arrow.column("host").to_pylist()) == set(dict(rows))


def readme_snippet() -> str:
    text = (ROOT / "README.md").read_text()
    match = re.search(r"<!-- dask snippet: tests/integration/test_fleet.py runs it -->\n"
                      r"```python\n(.*?)```", text, re.S)
    assert match, "the README's Dask snippet is missing"
    return match.group(1)


def test_the_readme_dask_snippet_equals_duckdb_and_memory_on_a_local_cluster(
        fleet: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")  # fails instead under CI=true (conftest)
    monkeypatch.chdir(fleet)
    scope: dict[str, object] = {}
    exec(compile(readme_snippet(), "README.md", "exec"), scope)  # noqa: S102
    for engine in ("duckdb", "memory"):
        counts = analysis.ngram_counts("fleet", 3, engine=engine)
        np.testing.assert_array_equal(scope["counts"].grams, counts.grams)  # type: ignore
        np.testing.assert_array_equal(scope["counts"].counts, counts.counts)  # type: ignore
        matrix = analysis.transition_matrix("fleet", engine=engine)
        np.testing.assert_array_equal(scope["matrix"].counts, matrix.counts)  # type: ignore
        foreign = analysis.stide("fleet", "baseline", 6, engine=engine)
        np.testing.assert_array_equal(scope["foreign"], foreign)
    assert scope["counts"].counts.sum() > 1000  # type: ignore
    assert 0 < np.count_nonzero(scope["foreign"]) < len(scope["foreign"])  # type: ignore


@pytest.mark.parametrize("which", ["one host", "empty"])
def test_one_host_and_empty_datasets_agree_on_every_engine(fleet: Path, tmp_path: Path,
                                                           which: str) -> None:
    pytest.importorskip("distributed")
    path = fleet / "run0" if which == "one host" else tmp_path
    results = []
    for engine in ("memory", "duckdb", "dask"):
        counts = analysis.ngram_counts(path, 2, engine=engine)
        flags = analysis.tstide(path, fleet / "baseline", 4, threshold=0.01, engine=engine)
        results.append((counts.grams.tolist(), counts.counts.tolist(), flags.tolist()))
    assert results[0] == results[1] == results[2]
    assert bool(results[0][0]) == (which == "one host")
