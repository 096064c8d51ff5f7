"""observer: a low-overhead Linux syscall tracer built on precompiled CO-RE eBPF.

The command line is ``python -m observer``; see ``observer.cli``. Importing this package
does not load the compiled core; the names that need it import it on first use.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from observer._errors import (
    AttachError,
    LoadError,
    MapError,
    ObserverError,
    OutputError,
    TracerPermissionError,
    UnsupportedKernelError,
    UsageError,
)

try:
    __version__ = version("observer")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "AttachError",
    "LoadError",
    "MapError",
    "ObserverError",
    "OutputError",
    "TracerPermissionError",
    "UnsupportedKernelError",
    "UsageError",
    "__version__",
]
