"""The DaemonSet in deploy/kubernetes, checked against what observer needs on a node, since no
cluster runs here: the host's pids, BTF, the cgroup hierarchy, the capabilities that load BPF
programs, NODE_NAME for the host column, an output directory on the node, and a command line
that observer's own parser accepts."""

from __future__ import annotations

import copy
from importlib.metadata import version
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from observer import cli
from observer._errors import UsageError

yaml = pytest.importorskip("yaml")

MANIFEST = Path(__file__).resolve().parent.parent / "deploy" / "kubernetes" / "observer-daemonset.yaml"

# CAP_BPF + CAP_PERFMON load and attach (what --info's "privileges" line asks for),
# CAP_SYS_RESOURCE raises RLIMIT_MEMLOCK on kernels before 5.11, CAP_DAC_READ_SEARCH walks
# every cgroup directory (--container) and reads other users' /proc entries.
CAPABILITIES = {"BPF", "PERFMON", "SYS_RESOURCE", "DAC_READ_SEARCH"}
# Host directories observer reads, mounted where it looks for them, read-only.
HOST_MOUNTS = {"/sys/kernel/btf": "/sys/kernel/btf", "/sys/fs/cgroup": "/sys/fs/cgroup"}


def daemonset(documents: list[Any]) -> dict[str, Any]:
    (found,) = [doc for doc in documents if doc and doc.get("kind") == "DaemonSet"]
    assert found["apiVersion"] == "apps/v1"
    return found  # type: ignore[no-any-return]


def problems(ds: dict[str, Any]) -> list[str]:
    """What in a DaemonSet keeps observer from tracing its node, one line each."""
    found: list[str] = []
    pod = ds["spec"]["template"]["spec"]
    if pod.get("hostPID") is not True:
        found.append("hostPID is not true: -p and the pids in records would be the pod's")
    (container,) = pod["containers"]
    security = container.get("securityContext", {})
    added = set(security.get("capabilities", {}).get("add", []))
    if not security.get("privileged") and not CAPABILITIES <= added:
        found.append(f"capabilities missing: {sorted(CAPABILITIES - added)}")
    # A runtime's default seccomp profile lets bpf() through only with CAP_SYS_ADMIN.
    seccomp = security.get("seccompProfile", pod.get("securityContext", {}).get("seccompProfile"))
    if not security.get("privileged") and (seccomp or {}).get("type") != "Unconfined":
        found.append("seccomp is not Unconfined: runtime defaults refuse bpf() without "
                     "CAP_SYS_ADMIN")

    env = {item["name"]: item for item in container.get("env", [])}
    field = env.get("NODE_NAME", {}).get("valueFrom", {}).get("fieldRef", {}).get("fieldPath")
    if field != "spec.nodeName":
        found.append("NODE_NAME is not set from the fieldRef spec.nodeName")

    volumes = {vol["name"]: vol for vol in pod.get("volumes", [])}
    mounts = {}
    for mount in container.get("volumeMounts", []):
        host = volumes.get(mount["name"], {}).get("hostPath", {}).get("path")
        mounts[mount["mountPath"]] = (host, bool(mount.get("readOnly")))
    for host, inside in HOST_MOUNTS.items():
        if mounts.get(inside) != (host, True):
            found.append(f"{host} is not mounted read-only at {inside}")

    if container.get("command") != ["observer"]:
        found.append("the command is not the image's observer")
    try:
        opts = cli.parse_options(container.get("args", []))
    except UsageError as err:
        return found + [f"observer refuses the arguments: {err}"]
    if opts.format != "parquet" or opts.output is None:
        found.append("the output is not a Parquet dataset at a path given with -o")
    else:
        output = PurePosixPath(opts.output)
        writable = [path for path, (host, read_only) in mounts.items()
                    if host and not read_only and PurePosixPath(path) in output.parents]
        if not writable:
            found.append(f"{output} is not inside a writable hostPath mount")
    if opts.command or opts.pids:
        found.append("a node-wide tracer traces the whole system, not a command or pids")
    return found


@pytest.fixture(scope="module")
def shipped() -> dict[str, Any]:
    return daemonset(list(yaml.safe_load_all(MANIFEST.read_text())))


def test_the_manifest_gives_observer_what_it_needs(shipped: dict[str, Any]) -> None:
    assert problems(shipped) == []


def test_the_image_is_this_version_of_observer(shipped: dict[str, Any]) -> None:
    (container,) = shipped["spec"]["template"]["spec"]["containers"]
    assert container["image"].rpartition("/")[2] == f"observer:{version('observer')}"


def test_the_dataset_rotates(shipped: dict[str, Any]) -> None:
    (container,) = shipped["spec"]["template"]["spec"]["containers"]
    assert "--rotate" in container["args"]
    assert cli.parse_options(container["args"]).rotate == 64 << 20


def _drop_mount(ds: dict[str, Any], path: str) -> None:
    container = ds["spec"]["template"]["spec"]["containers"][0]
    container["volumeMounts"] = [m for m in container["volumeMounts"] if m["mountPath"] != path]


def _set_args(ds: dict[str, Any], args: list[str]) -> None:
    ds["spec"]["template"]["spec"]["containers"][0]["args"] = args


def _drop_capability(ds: dict[str, Any], cap: str) -> None:
    caps = ds["spec"]["template"]["spec"]["containers"][0]["securityContext"]["capabilities"]
    caps["add"].remove(cap)


@pytest.mark.parametrize(("change", "problem"), [
    (lambda ds: ds["spec"]["template"]["spec"].pop("hostPID"), "hostPID"),
    (lambda ds: _drop_capability(ds, "BPF"), "capabilities missing: ['BPF']"),
    (lambda ds: _drop_capability(ds, "DAC_READ_SEARCH"), "capabilities missing"),
    (lambda ds: ds["spec"]["template"]["spec"]["containers"][0].pop("env"), "NODE_NAME"),
    (lambda ds: ds["spec"]["template"]["spec"]["containers"][0]["securityContext"].pop(
        "seccompProfile"), "seccomp is not Unconfined"),
    (lambda ds: _drop_mount(ds, "/sys/kernel/btf"), "/sys/kernel/btf is not mounted"),
    (lambda ds: _drop_mount(ds, "/sys/fs/cgroup"), "/sys/fs/cgroup is not mounted"),
    (lambda ds: _drop_mount(ds, "/var/lib/observer"), "not inside a writable hostPath"),
    (lambda ds: _set_args(ds, ["--format", "parquet", "--rotate", "1X"]), "refuses"),
    (lambda ds: _set_args(ds, ["--format", "parquet", "-o", "/tmp/t.parquet"]),
     "not inside a writable hostPath"),
    (lambda ds: _set_args(ds, ["-o", "/var/lib/observer/t.parquet", "--", "ls"]),
     "not a Parquet dataset"),
])
def test_each_check_catches_what_it_is_for(shipped: dict[str, Any], change: Any,
                                           problem: str) -> None:
    broken = copy.deepcopy(shipped)
    change(broken)
    assert any(problem in line for line in problems(broken)), problems(broken)
