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


STRUCTS = Path(__file__).parent / "workloads" / "ioctl_structs.c"


@pytest.mark.parametrize("option", [(), ("-v",), ("-X", "raw")], ids=["abbrev", "v", "raw"])
def test_ioctl_structs_are_shown_as_strace_shows_them(tmp_path: Path,
                                                      option: tuple[str, ...]) -> None:
    """Structs read at entry (TCSETS, KDSKBENT) and filled by the call (TCGETS, TIOCGWINSZ),
    of requests whose number says their size and of plain numbers (0x5401), with -v's c_line
    and c_cc and -X raw's numbers."""
    strace_text, observer_text = traced_by_both(STRUCTS, tmp_path, option)
    result = fidelity().compare(strace_text, observer_text, "ioctl_structs")
    differing = "\n".join(f"strace:   {s}\nobserver: {o}" for s, o in result.examples)
    assert "c_iflag=" in strace_text and "kb_value=" in strace_text, strace_text
    assert "ifr_hwaddr=" in strace_text and "ifr_ifindex=1" in strace_text, strace_text
    assert "ifc_buf=NULL" in strace_text and "ifc_buf=[]" in strace_text, strace_text
    assert "qgroupid=259" in strace_text and "vvvvvvvv" in strace_text, strace_text
    assert "debounce_period_us=5000" in strace_text and "kb_string=" in strace_text, strace_text
    assert "kbdiacr=[{diacr=" in strace_text and "advised_hashlevel=7" in strace_text, strace_text
    assert "charcount=256, data=NULL" in strace_text and "minlen=4096" in strace_text, strace_text
    assert "svalue=-42" in strace_text, strace_text
    assert result.same == result.strace_lines, differing


DEVICES = Path(__file__).parent / "workloads" / "ioctl_devices.c"


@pytest.mark.parametrize("option", [(), ("-v",), ("-X", "raw"), ("-X", "verbose")],
                         ids=["abbrev", "v", "raw", "verbose"])
def test_device_structs_are_shown_as_strace_shows_them(tmp_path: Path,
                                                       option: tuple[str, ...]) -> None:
    """PTP clocks', seccomp notifications', block and loop devices', inode flags', RTC, input,
    perf, disk, counter, NBD, MTD and KVM requests of plain and sized numbers, read at entry,
    with -v's fields and -X's constants; a namespace's type and owner; the video devices'
    NULL."""
    strace_text, observer_text = traced_by_both(DEVICES, tmp_path, option)
    result = fidelity().compare(strace_text, observer_text, "ioctl_devices")
    differing = "\n".join(f"strace:   {s}\nobserver: {o}" for s, o in result.examples)
    assert "n_samples=5" in strace_text and "lo_file_name=" in strace_text, strace_text
    assert "[4096, 1048576]" in strace_text and "srcfd=3" in strace_text, strace_text
    assert "pll_clock=32768" in strace_text and "[250, 33]" in strace_text, strace_text
    assert "direction=16384" in strace_text and "channel=3}" in strace_text, strace_text
    assert result.same == result.strace_lines, differing


POINTERS = Path(__file__).parent / "workloads" / "ioctl_pointers.c"


@pytest.mark.parametrize("option", [(), ("-X", "raw"), ("-X", "verbose")],
                         ids=["abbrev", "raw", "verbose"])
def test_what_ioctl_structs_point_to_is_shown_as_strace_shows_it(
        tmp_path: Path, option: tuple[str, ...]) -> None:
    """A TEE's arguments and parameters behind the struct's pointer, of every parameter type
    and login, as far as their memory goes; lengths and counts that do not fit, as the
    address. SG_IO's v3 and v4 headers with the buffers they point to, given and received,
    plain and as iovecs, read at exit though the call failed."""
    strace_text, observer_text = traced_by_both(POINTERS, tmp_path, option)
    result = fidelity().compare(strace_text, observer_text, "ioctl_pointers")
    differing = "\n".join(f"strace:   {s}\nobserver: {o}" for s, o in result.examples)
    assert "shm_id=" in strace_text and "clnt_uuid=1001" in strace_text, strace_text
    assert "params=NULL" in strace_text and "... /* 0x" in strace_text, strace_text
    assert "sbp=\"\\x70\\x00\\x05\"" in strace_text and "din_xferp=[" in strace_text, strace_text
    assert result.same == result.strace_lines, differing
