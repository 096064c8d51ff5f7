"""Shared test setup: the ``bpf`` marker skips without root/BPF, and fails instead when CI=true;
the benchmark scripts loaded as modules."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

IN_CI = os.environ.get("CI") == "true"
BENCH = Path(__file__).resolve().parent.parent / "bench"


def bpf_unavailable() -> str | None:
    """Why BPF tests cannot run here, or None if they can."""
    if os.geteuid() != 0:
        return "needs root (or CAP_BPF + CAP_PERFMON)"
    if not Path("/sys/kernel/btf/vmlinux").exists():
        return "kernel has no BTF (/sys/kernel/btf/vmlinux)"
    try:
        import observer._core  # noqa: F401
    except ImportError as err:
        return f"observer._core is not built: {err}"
    return None


@pytest.fixture(scope="session")
def bench_script() -> Callable[[str], ModuleType]:
    """Loads bench/NAME.py as a module: the benchmark's scripts are not a package."""

    def load(name: str) -> ModuleType:
        spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
        return module

    return load


@pytest.fixture(autouse=True)
def _require_bpf(request: pytest.FixtureRequest) -> None:
    if request.node.get_closest_marker("bpf") is None:
        return
    reason = bpf_unavailable()
    if reason is None:
        return
    if IN_CI:
        pytest.fail(f"BPF test cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _no_leaked_processes(request: pytest.FixtureRequest,
                         monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every process a test starts is over when it ends: one left running is killed and the
    test fails, and every pipe to it is closed, so that with filterwarnings = error a leak
    never surfaces as a ResourceWarning in some later test."""
    started: list[subprocess.Popen[Any]] = []
    popen_init = subprocess.Popen.__init__

    def tracking_init(self: subprocess.Popen[Any], *args: Any, **kwargs: Any) -> None:
        popen_init(self, *args, **kwargs)
        started.append(self)

    monkeypatch.setattr(subprocess.Popen, "__init__", tracking_init)
    yield
    leaked = []
    for proc in started:
        if proc.poll() is None:
            leaked.append(proc.args)
            proc.kill()
            proc.wait()
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
    failed = getattr(request.node, "rep_call", None)
    if leaked and not (failed is not None and failed.failed):
        pytest.fail(f"the test left {len(leaked)} process(es) running: {leaked}")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Keeps each phase's report on the test item (rep_call), for fixtures' teardown."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    setattr(item, f"rep_{report.when}", report)
    # In CI every capability and optional dependency is expected to be there: a test that
    # skips (pytest.skip, importorskip, skipif) fails instead, so a missing piece is seen.
    if IN_CI and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI (CI=true), which counts as a failure: {report.longrepr}"


if IN_CI:

    def pytest_collectreport(report: pytest.CollectReport) -> None:
        """A module skipped at collection (importorskip at module level) fails in CI."""
        if report.skipped:
            report.outcome = "failed"
            report.longrepr = f"module skipped in CI (CI=true): {report.longrepr}"
