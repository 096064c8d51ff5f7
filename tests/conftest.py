"""Shared test setup: the ``bpf`` marker skips without root/BPF, and fails instead when CI=true."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI") == "true"


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
