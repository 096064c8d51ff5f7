"""The exceptions observer raises. The C++ core's errors are translated into these."""

from __future__ import annotations

PRIVILEGE_HINT = "run as root, or grant CAP_BPF and CAP_PERFMON (Linux >= 5.8)"


class ObserverError(Exception):
    """Base class. ``op`` names what failed, ``errno`` is the system error number (or 0)."""

    op: str = ""
    errno: int | None = 0


class TracerPermissionError(ObserverError, PermissionError):
    """Loading or attaching BPF programs was refused: the process lacks privileges."""

    def __str__(self) -> str:
        return f"{self.args[0] if self.args else ''} ({PRIVILEGE_HINT})"


class LoadError(ObserverError):
    """The kernel refused the BPF programs; ``log`` holds libbpf's and the verifier's output."""

    log: str = ""


class AttachError(ObserverError):
    """A BPF program could not be attached to its tracepoint."""


class MapError(ObserverError):
    """A BPF map operation failed (e.g. the traced-process map is full)."""


class UnsupportedKernelError(ObserverError):
    """The running kernel lacks a feature observer needs (BTF, BPF ring buffer, ...)."""


class OutputError(ObserverError):
    """Writing the trace output failed (disk full, closed pipe, I/O error)."""


class UsageError(ObserverError, ValueError):
    """Bad options: unknown syscall, invalid pid, conflicting flags."""
