"""Socket options, message flags (workloads/net.c) and control messages (workloads/msg.c)
against strace itself.

Levels and option names by level; option values by their type (ints, struct linger, ip_mreq,
ipv6_mreq, group_req, netlink group lists) given whole, cut short, longer than their memory,
NULL or at a bad address; unknown levels, names and flag bits; addresses of the families
strace decodes (AF_PACKET, AF_IPX, AF_X25, AF_AX25, AF_VSOCK, AF_XDP, AF_NFC, AF_ALG,
AF_IEEE802154 among them). observer's lines must be strace's
(tools/fidelity.py pairs the processes and masks addresses and pids).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .helpers import fidelity, traced_by_both

pytestmark = pytest.mark.bpf

WORKLOADS = Path(__file__).parent / "workloads"


def differing(result: Any) -> str:
    return "\n".join(f"strace:   {s}\nobserver: {o}" for s, o in result.examples)


@pytest.mark.parametrize("option", [[], ["-X", "raw"], ["-X", "verbose"]],
                         ids=lambda option: " ".join(option) or "abbrev")
def test_socket_options_and_message_flags_are_shown_as_strace_shows_them(
        tmp_path: Path, option: list[str]) -> None:
    """Also with -X raw and -X verbose: each constant as strace writes it then."""
    strace_text, observer_text = traced_by_both(WORKLOADS / "net.c", tmp_path, option)
    result = fidelity().compare(strace_text, observer_text, "net")
    assert result.strace_lines > 60, strace_text
    assert result.same == result.strace_lines, differing(result)


@pytest.mark.parametrize("option", [[], ["-X", "raw"], ["-X", "verbose"]],
                         ids=lambda option: " ".join(option) or "abbrev")
def test_control_messages_are_shown_as_strace_shows_them(tmp_path: Path,
                                                         option: list[str]) -> None:
    """workloads/msg.c: descriptors passed and received, cut and unreadable control buffers,
    SOL_IP's types (an interface by its index), unknown levels and types."""
    strace_text, observer_text = traced_by_both(WORKLOADS / "msg.c", tmp_path, option)
    result = fidelity().compare(strace_text, observer_text, "msg")
    assert strace_text.count("cmsg_level=") >= 12, strace_text
    assert result.same == result.strace_lines, differing(result)
