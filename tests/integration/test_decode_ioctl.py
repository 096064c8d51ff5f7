"""Device ioctls against strace itself (workloads/ioctl.c).

Requests by every name the uapi headers give their value (data/uapi/ioctl_requests.tsv), by
the names their numbers carry (EVIOCGBIT(EV_KEY, 8)), unknown ones as _IOC(); arguments that
are none, numbers, descriptors, flags, signals, and pointers NULL or not. observer's lines
must be strace's (tools/fidelity.py pairs the processes and masks addresses and pids).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import fidelity, traced_by_both

pytestmark = pytest.mark.bpf

SOURCE = Path(__file__).parent / "workloads" / "ioctl.c"


def test_device_ioctls_are_shown_as_strace_shows_them(tmp_path: Path) -> None:
    strace_text, observer_text = traced_by_both(SOURCE, tmp_path)
    result = fidelity().compare(strace_text, observer_text, "ioctl")
    differing = "\n".join(f"strace:   {s}\nobserver: {o}" for s, o in result.examples)
    assert strace_text.count("ioctl(") > 40, strace_text
    assert result.same == result.strace_lines, differing
