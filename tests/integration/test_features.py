"""Start-up checks: privileges and kernel features, each failing with one clear line.

What cannot be removed from the running kernel is simulated with a fake /proc + /sys tree
(OBSERVER_PROBE_ROOT) holding a small hand-built BTF blob.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.bpf

ALL_TRACEPOINTS = ["sys_enter", "sys_exit", "sched_process_fork", "sched_process_exec", "signal_deliver",
                   "sched_process_exit", "cgroup_attach_task"]
ALL_CAPS = "000001ffffffffff"
TRACEFS_NOTE = "tracefs is not mounted; not needed: observer attaches through BTF"


#: The BPF helpers of Linux 5.17 that -n and -P need, as enum bpf_func_id names them.
HELPERS = ["BPF_FUNC_unspec", "BPF_FUNC_loop", "BPF_FUNC_strncmp"]


def btf_blob(tracepoints: list[str], map_types: list[str],
             helpers: list[str] = HELPERS) -> bytes:
    """Raw BTF with an int, ``enum bpf_map_type`` of map_types, ``enum bpf_func_id`` of
    helpers and a btf_trace_<tp> typedef each."""
    strings = bytearray(b"\0")

    def name(text: str) -> int:
        offset = len(strings)
        strings.extend(text.encode() + b"\0")
        return offset

    kind_int, kind_enum, kind_typedef = 1, 6, 8
    types = struct.pack("<IIII", name("int"), kind_int << 24, 4, 32)  # type 1: 32-bit int
    types += struct.pack("<III", name("bpf_map_type"), kind_enum << 24 | len(map_types), 4)
    for value, enumerator in enumerate(map_types):
        types += struct.pack("<Ii", name(enumerator), value)
    types += struct.pack("<III", name("bpf_func_id"), kind_enum << 24 | len(helpers), 4)
    for value, enumerator in enumerate(helpers):
        types += struct.pack("<Ii", name(enumerator), value)
    for tp in tracepoints:
        types += struct.pack("<III", name(f"btf_trace_{tp}"), kind_typedef << 24, 1)
    header = struct.pack("<HBBIIIII", 0xEB9F, 1, 0, 24, 0, len(types), len(types), len(strings))
    return header + types + bytes(strings)


def fake_root(root: Path, caps: str = ALL_CAPS, btf: bytes | None = None,
              tracefs: bool = True) -> Path:
    (root / "proc/self").mkdir(parents=True)
    (root / "proc/self/status").write_text(f"Name:\tpython3\nCapEff:\t{caps}\n")
    if btf is not None:
        (root / "sys/kernel/btf").mkdir(parents=True)
        (root / "sys/kernel/btf/vmlinux").write_bytes(btf)
    if tracefs:
        (root / "sys/kernel/tracing").mkdir(parents=True)
        (root / "sys/kernel/tracing/trace").write_text("")
    return root


def observer_with_root(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OBSERVER_PROBE_ROOT": str(root)}
    return subprocess.run([sys.executable, "-m", "observer", *args], capture_output=True,
                          text=True, timeout=60, env=env)


def assert_one_error_line(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("observer: error: "), result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


MAP_TYPES = ["BPF_MAP_TYPE_UNSPEC", "BPF_MAP_TYPE_RINGBUF", "BPF_MAP_TYPE_TASK_STORAGE"]
GOOD_BTF = btf_blob(ALL_TRACEPOINTS, MAP_TYPES)


def test_missing_btf_is_named(tmp_path: Path) -> None:
    result = observer_with_root(fake_root(tmp_path), "-d", "1", "-o", str(tmp_path / "t.log"))
    assert_one_error_line(result, "sys/kernel/btf/vmlinux is missing", "CONFIG_DEBUG_INFO_BTF")


def test_unparseable_btf_is_named(tmp_path: Path) -> None:
    result = observer_with_root(fake_root(tmp_path, btf=b"not BTF at all"), "-d", "1",
                                "-o", str(tmp_path / "t.log"))
    assert_one_error_line(result, "is not valid BTF")


def test_missing_ring_buffer_is_named(tmp_path: Path) -> None:
    btf = btf_blob(ALL_TRACEPOINTS, ["BPF_MAP_TYPE_UNSPEC", "BPF_MAP_TYPE_HASH"])
    result = observer_with_root(fake_root(tmp_path, btf=btf), "-d", "1",
                                "-o", str(tmp_path / "t.log"))
    assert_one_error_line(result, "no BPF ring buffer", "Linux >= 5.8")


def test_a_kernel_older_than_the_minimum_is_named(tmp_path: Path) -> None:
    # Linux 5.10: a ring buffer, no task storage.
    btf = btf_blob(ALL_TRACEPOINTS, ["BPF_MAP_TYPE_UNSPEC", "BPF_MAP_TYPE_RINGBUF"])
    result = observer_with_root(fake_root(tmp_path, btf=btf), "-d", "1",
                                "-o", str(tmp_path / "t.log"))
    assert_one_error_line(result, "no task storage", "Linux >= 5.12", "this is Linux")


@pytest.mark.parametrize(("args", "flag"), [(("-n", "x"), "-n/--comm"),
                                           (("-P", "/etc/passwd"), "-P/--path")])
def test_options_a_kernel_before_5_17_cannot_do_are_named(tmp_path: Path, args: tuple[str, ...],
                                                         flag: str) -> None:
    # Linux 5.12 to 5.16: task storage, no bpf_loop or bpf_strncmp.
    btf = btf_blob(ALL_TRACEPOINTS, MAP_TYPES, helpers=["BPF_FUNC_unspec"])
    result = observer_with_root(fake_root(tmp_path, btf=btf), "-d", "1",
                                "-o", str(tmp_path / "t.log"), *args)
    assert_one_error_line(result, f"{flag} needs Linux >= 5.17", "this is Linux")
    result = observer_with_root(fake_root(tmp_path / "plain", btf=btf), "-d", "0.2",
                                "-o", str(tmp_path / "t.log"))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("args", "missing"), [
    ((), "sys_enter"),
    (("-f", "--", "true"), "sched_process_fork"),
    (("-n", "x"), "sched_process_exec"),
    (("--", "true"), "sched_process_exit"),
    (("--cgroup", "."), "cgroup_attach_task"),
])
def test_tracepoint_that_cannot_attach_is_named(tmp_path: Path, args: tuple[str, ...],
                                                missing: str) -> None:
    btf = btf_blob([tp for tp in ALL_TRACEPOINTS if tp != missing], MAP_TYPES)
    result = observer_with_root(fake_root(tmp_path, btf=btf), "-d", "1",
                                "-o", str(tmp_path / "t.log"), *args)
    assert_one_error_line(result, f"no tracepoint {missing}")


def test_tracepoints_not_needed_are_not_required(tmp_path: Path) -> None:
    # Whole-system tracing uses sys_enter only: a kernel without the sched tracepoints is fine.
    btf = btf_blob(["sys_enter"], MAP_TYPES)
    result = observer_with_root(fake_root(tmp_path, btf=btf), "-d", "0.2", "-s", "getppid",
                                "-o", str(tmp_path / "t.log"))
    assert result.returncode == 0, result.stderr


def test_missing_tracefs_is_not_an_error_and_is_said_only_with_verbose(tmp_path: Path) -> None:
    root = fake_root(tmp_path / "a", btf=GOOD_BTF, tracefs=False)
    quiet = observer_with_root(root, "-d", "0.2", "-s", "getppid", "-o", str(tmp_path / "a.log"))
    assert quiet.returncode == 0, quiet.stderr
    assert "note:" not in quiet.stderr
    verbose = observer_with_root(root, "-v", "-d", "0.2", "-s", "getppid",
                                 "-o", str(tmp_path / "b.log"))
    assert verbose.returncode == 0, verbose.stderr
    assert f"observer: note: {TRACEFS_NOTE}" in verbose.stderr.splitlines()


def test_missing_capabilities_are_named(tmp_path: Path) -> None:
    # CAP_PERFMON without CAP_BPF (and no CAP_SYS_ADMIN) is not enough.
    result = observer_with_root(fake_root(tmp_path, caps=f"{1 << 38:016x}", btf=GOOD_BTF),
                                "-d", "1", "-o", str(tmp_path / "t.log"))
    assert_one_error_line(result, "Operation not permitted", "CAP_BPF and CAP_PERFMON")


def test_real_kernel_passes_the_probe() -> None:
    from observer import _core

    spec = _core.Spec()
    spec.pids, spec.follow, spec.comms, spec.capture_exit = [1], True, ["x"], True
    mounted = any(os.path.exists(f"{d}/trace") for d in ("/sys/kernel/tracing",
                                                         "/sys/kernel/debug/tracing"))
    notes = _core.probe_features("/", spec)
    assert notes == ([] if mounted else [TRACEFS_NOTE])


# Root without any capability: the exec'd process keeps root's file access but cannot use bpf().
UNPRIVILEGED = ["setpriv", "--inh-caps=-all", "--bounding-set=-all"]
needs_setpriv = pytest.mark.skipif(shutil.which("setpriv") is None, reason="setpriv missing")


def unprivileged(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*UNPRIVILEGED, *args], capture_output=True, text=True, timeout=60,
                          cwd=cwd)


@needs_setpriv
@pytest.mark.parametrize("args", [
    ("-p", "1"),
    ("-n", "sh"),
    ("-f", "--", "true"),
    ("-s", "getppid", "-d", "5"),
])
def test_tracing_without_capabilities_fails_in_one_line(tmp_path: Path,
                                                        args: tuple[str, ...]) -> None:
    result = unprivileged(sys.executable, "-m", "observer", "-o", str(tmp_path / "t.log"), *args)
    assert_one_error_line(result, "CAP_BPF")
    assert "Traceback" not in result.stderr


@needs_setpriv
def test_commands_without_bpf_work_without_capabilities(tmp_path: Path) -> None:
    for args in (["--help"], ["-l"], ["--version"]):
        result = unprivileged(sys.executable, "-m", "observer", *args)
        assert result.returncode == 0 and result.stderr == "", (args, result.stderr)
        assert result.stdout
    log = tmp_path / "t.log"
    log.write_text("12:39:sh\n12:0:sh\n13:1:cat\n")
    result = unprivileged(sys.executable, "-m", "observer.formatter", str(log),
                          "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["cat:13.log", "sh:12.log"]
    # The privileged path really is refused in this environment (else the test proves nothing).
    refused = unprivileged(sys.executable, "-m", "observer", "-d", "1", "-o", str(tmp_path / "x"))
    assert refused.returncode == 1


@needs_setpriv
def test_read_log_works_without_capabilities(tmp_path: Path) -> None:
    import observer

    if not hasattr(observer, "read_log"):
        pytest.skip("observer.read_log is not part of this version")
    log = tmp_path / "t.log"
    log.write_text("12:39:sh\n12:0:sh\n")
    code = f"import observer; print(len(observer.read_log({str(log)!r})))"
    result = unprivileged(sys.executable, "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2"
