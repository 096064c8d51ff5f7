"""The Hive-style partitions of a Parquet dataset: ``host=<node>/date=<yyyy-mm-dd>/part-*.parquet``.

Partition values are percent-encoded as pyarrow (``segment_encoding="uri"``), DuckDB, Dask and
Spark decode them: every byte outside RFC 3986's unreserved characters (letters, digits,
``-._~``) becomes ``%XX``, so a value holds no ``/`` and no newline, and a directory's name,
``host=`` and the value, is never ``.`` or ``..``. A null value is Hive's
``__HIVE_DEFAULT_PARTITION__``. A directory name holds at most 255 bytes, so a value is at most
``MAX_VALUE_BYTES`` once encoded. Pure functions, apart from ``dataset_files``, which lists a
dataset's files.
"""

from __future__ import annotations

import datetime
import glob
import os
import re
from pathlib import Path
from typing import Optional
from urllib.parse import quote, unquote_to_bytes

__all__ = ["KEYS", "MAX_VALUE_BYTES", "NULL", "dataset_files", "decode", "directory", "encode",
           "values_of"]

#: The partition keys, outermost first.
KEYS = ("host", "date")
#: Hive's name of the null partition (pyarrow's null_fallback, Spark's and DuckDB's too).
NULL = "__HIVE_DEFAULT_PARTITION__"
#: The longest encoded value of a key: a directory name ("host=" + value) is at most 255 bytes.
MAX_VALUE_BYTES = 255 - len("host=")
_SEGMENT = re.compile(r"(?P<key>[A-Za-z_][A-Za-z0-9_]*)=(?P<value>[^/]*)")


def encode(value: Optional[str]) -> str:
    """value as a partition directory's value: UTF-8, percent-encoded (None: NULL)."""
    if value is None:
        return NULL
    return quote(value.encode("utf-8"), safe="-._~")


def decode(text: str) -> Optional[str]:
    """The value of an encoded one (NULL: None); bytes that are not UTF-8 as \\xHH."""
    if text == NULL:
        return None
    return unquote_to_bytes(text).decode("utf-8", "backslashreplace")


def directory(host: Optional[str], date: Optional[datetime.date]) -> str:
    """The relative directory of a partition, "host=<node>/date=<yyyy-mm-dd>"."""
    day = None if date is None else date.isoformat()
    return f"host={encode(host)}/date={encode(day)}"


def values_of(relative: str | os.PathLike[str]) -> dict[str, Optional[str]]:
    """The partition values of a file's path relative to the dataset's root (the ``key=value``
    directories it is in, decoded); {} for a file of a flat dataset (an older observer's)."""
    parts = os.fspath(relative).split("/")[:-1]
    found: dict[str, Optional[str]] = {}
    for part in parts:
        match = _SEGMENT.fullmatch(part)
        if match and match["key"] in KEYS:
            found[match["key"]] = decode(match["value"])
    return found


def _listed(name: str) -> bool:
    """Whether a file or directory name is data: pyarrow, Dask and Spark skip names that
    start with "." (a part being written) or "_" (_SUCCESS, _metadata), and so does observer."""
    return not name.startswith((".", "_"))


def dataset_files(path: str | os.PathLike[str]) -> list[tuple[str, dict[str, Optional[str]]]]:
    """The Parquet files of a dataset, in path order, each with its partition values: a
    directory (--format parquet's Hive-partitioned one, an older observer's flat one, or
    several hosts' copied into one), searched recursively (an empty directory is an empty
    dataset); one file; or a glob. Raises FileNotFoundError for a path that does not exist or
    a glob that matches nothing."""
    where = Path(path)
    text = os.fspath(path)
    if where.is_dir():
        found = []
        for root, dirs, names in os.walk(where):
            dirs[:] = [d for d in dirs if _listed(d)]
            found += [os.path.join(root, n) for n in names
                      if n.endswith(".parquet") and _listed(n)]
        return [(f, values_of(os.path.relpath(f, where))) for f in sorted(found)]
    if any(ch in text for ch in "*?["):
        found = sorted(glob.glob(text, recursive=True))
        if not found:
            raise FileNotFoundError(f"no Parquet files match {text}")
        return [(f, values_of(f)) for f in found]
    if not where.exists():
        raise FileNotFoundError(f"no such Parquet dataset: {where}")
    return [(text, values_of(text))]
