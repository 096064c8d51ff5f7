"""observer: a low-overhead Linux syscall tracer built on precompiled CO-RE eBPF.

The command line is ``python -m observer``; see ``observer.cli``. Importing this package
does not load the compiled core; the names that need it import it on first use.
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import Any

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

# Public name -> module that defines it; imported on first access (PEP 562), so that importing
# observer (or the pure-Python observer.formatter) never loads the compiled core.
_LAZY = {
    "Tracer": "observer.tracer",
    "clock_offset_ns": "observer.tracer",
    "event_dtype": "observer.tracer",
    "to_pandas": "observer.frames",
    "read_log": "observer.frames",
    "read_jsonl": "observer.frames",
    "read_strace": "observer.frames",
    "read_table": "observer.frames",
    "read_split_dir": "observer.frames",
    "to_parquet": "observer.frames",
    "analysis": "observer.analysis",
    "arrow": "observer.arrow",
}

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
    "analysis",
    "arrow",
    "clock_offset_ns",
    "event_dtype",
    "read_jsonl",
    "read_log",
    "read_split_dir",
    "read_strace",
    "read_table",
    "to_pandas",
    "to_parquet",
    "Tracer",
]


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'observer' has no attribute {name!r}")
    try:
        module = importlib.import_module(_LAZY[name])
    except ImportError as err:
        if err.name != "observer._core":
            raise
        raise ImportError(f"observer.{name} needs the compiled extension observer._core, which "
                          f"cannot be imported ({err}); did you build the extension? Install "
                          "with 'pip install .' from the source tree.", name=err.name) from err
    value = module if name in ("analysis", "arrow") else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
