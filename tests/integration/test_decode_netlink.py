"""Netlink messages (workloads/netlink.c) against strace itself.

Headers with their types and flags by the socket's protocol (NETLINK_ROUTE, NETLINK_SOCK_DIAG),
several messages in one buffer, lengths shorter than a header or past the data, NLMSG_ERROR
with the message it answers and its attributes, NLMSG_DONE, messages running into an unreadable
page, more messages than -s shows, and the kernel's answer read back (also by sendmsg and
recvmsg, the messages in their iovecs); rtnetlink's messages of every kind strace decodes, with
their nested attributes by family and link kind; netfilter's struct nfgenmsg, SELinux's
notices, libudev's header on a NETLINK_KOBJECT_UEVENT socket. observer's lines must be
strace's (tools/fidelity.py pairs the processes and masks addresses and pids).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import fidelity, traced_by_both

pytestmark = pytest.mark.bpf

WORKLOADS = Path(__file__).parent / "workloads"


@pytest.mark.parametrize("option", [[], ["-X", "raw"], ["-X", "verbose"]],
                         ids=lambda option: " ".join(option) or "abbrev")
def test_netlink_messages_are_shown_as_strace_shows_them(tmp_path: Path,
                                                         option: list[str]) -> None:
    """Also with -X raw and -X verbose: each constant as strace writes it then."""
    strace_text, observer_text = traced_by_both(WORKLOADS / "netlink.c", tmp_path, option)
    result = fidelity().compare(strace_text, observer_text, "netlink")
    assert strace_text.count("nlmsg_type=") >= 30, strace_text
    for decoded in ("tca_family=", "TCA_ACT_STATS", "NDTPA_REACHABLE_TIME", "ncm_family=",
                    "NETNSA_PID", "ifal_prefixlen=", "nh_scope=", "cmd=DCB_CMD_GSTATE",
                    "MDBA_MDB_ENTRY_INFO", "MDBA_ROUTER_PATTR_TYPE", "TCA_STAB_BASE",
                    "mem_start=", "vsi_type_id=", "RTEXT_FILTER_VF", "IFLA_INET_CONF",
                    "IFLA_INET6_TOKEN", "IFLA_BR_AGEING_TIME", "IFLA_TUN_TYPE",
                    "IFLA_INET6_FLAGS", "IFLA_BRIDGE_VLAN_INFO", "nfgen_family=",
                    "htons(NFNL_SUBSYS_NFTABLES)", "prefix=\"libudev\"",
                    "msg_iov=[{iov_base={nlmsg_len=20", "msg_iov=[{iov_base=[{nlmsg_len="):
        assert decoded in strace_text or option, decoded
    # NETLINK_SELINUX exists where the kernel has SELinux.
    assert "{val=-1}" in strace_text or option or "SELNL_MSG_SETENFORCE" not in strace_text
    differing = "\n".join(f"strace:   {s}\nobserver: {o}" for s, o in result.examples)
    assert result.same == result.strace_lines, differing


@pytest.mark.parametrize("option", [[], ["-X", "raw"], ["-X", "verbose"], ["-v"]],
                         ids=lambda option: " ".join(option) or "abbrev")
def test_sock_diag_messages_are_shown_as_strace_shows_them(tmp_path: Path,
                                                           option: list[str]) -> None:
    """workloads/netlink_diag.c: NETLINK_SOCK_DIAG's requests of every family (real ones
    among them), answers with their attributes, the kernel's NLMSG_ERROR answer read back."""
    strace_text, observer_text = traced_by_both(WORKLOADS / "netlink_diag.c", tmp_path, option)
    result = fidelity().compare(strace_text, observer_text, "netlink_diag")
    for decoded in ("idiag_family=AF_INET6", "udiag_family=AF_UNIX", "ndiag_family=AF_NETLINK",
                    "pdiag_family=AF_PACKET", "diag_family=AF_SMC", "error=",
                    "INET_DIAG_REQ_BYTECODE", "INET_ULP_INFO_TLS", "SK_MEMINFO_"):
        assert decoded in strace_text or option, decoded
    assert strace_text.count("nlmsg_len=") >= 16, strace_text
    differing = "\n".join(f"strace:   {s}\nobserver: {o}" for s, o in result.examples)
    assert result.same == result.strace_lines, differing
