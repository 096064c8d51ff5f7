"""Finding the cgroup v2 directory that --cgroup, --unit and --container name.

The kernel side decides per syscall whether the calling task is in a cgroup or below it, by
comparing the task's ancestor at the cgroup's depth with the cgroup's id; this module turns what
the user gave into that (id, depth) pair. The cgroup v2 hierarchy is mounted at /sys/fs/cgroup
on current distributions and at /sys/fs/cgroup/unified on hybrid ones; mountinfo says where.
Pure apart from reading /proc, the cgroup file system and asking systemctl.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from observer._errors import UsageError

__all__ = ["Cgroup", "container_cgroup", "resolve_cgroup", "unit_cgroup", "v2_mount"]

@dataclass(frozen=True)
class Cgroup:
    """A cgroup v2 directory: its path, its id (the directory's inode, which is what the
    kernel's cgroup id is on cgroup v2) and its depth below the hierarchy's root (root = 0)."""

    path: Path
    id: int
    level: int


def v2_mount(mountinfo: str = "/proc/self/mountinfo") -> tuple[Path, str] | None:
    """Where the cgroup v2 hierarchy is mounted and which of its directories that mount shows
    (normally "/"; another one inside a cgroup namespace), or None without cgroup v2."""
    try:
        lines = Path(mountinfo).read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        fields = line.split()
        if "-" not in fields:
            continue
        dash = fields.index("-")
        if len(fields) > dash + 1 and fields[dash + 1] == "cgroup2":
            return Path(_unescape_mount(fields[4])), _unescape_mount(fields[3])
    return None


def _unescape_mount(text: str) -> str:
    """mountinfo writes space, tab, newline and backslash in paths as octal escapes."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), text)


def _mount_or_error() -> tuple[Path, str]:
    found = v2_mount()
    if found is None:
        raise UsageError("this system has no cgroup v2 hierarchy mounted (see observer --info)")
    return found


def resolve_cgroup(path: str) -> Cgroup:
    """The cgroup v2 directory at path: absolute, or relative to the v2 mount
    ("system.slice/nginx.service"). Raises UsageError naming what is wrong."""
    mount, mount_root = _mount_or_error()
    given = Path(path)
    full = given if given.is_absolute() else mount / given
    try:
        rel = Path(os.path.realpath(full)).relative_to(os.path.realpath(mount))
    except ValueError:
        raise UsageError(f"--cgroup {path}: not inside the cgroup v2 hierarchy at {mount}") from None
    if not (full / "cgroup.procs").is_file():
        raise UsageError(f"--cgroup {path}: no such cgroup v2 directory ({full})")
    inner = [part for part in (*Path(mount_root).parts, *rel.parts) if part not in ("/", ".")]
    return Cgroup(full, os.stat(full).st_ino, len(inner))


def unit_cgroup(unit: str) -> Cgroup:
    """The cgroup of a systemd unit ("nginx.service", "user@1000.service"; no suffix means
    .service, as for systemctl). Raises UsageError without systemd or for a unit that has no
    cgroup (not loaded or not running)."""
    if not Path("/run/systemd/system").is_dir() or shutil.which("systemctl") is None:
        raise UsageError(f"--unit {unit}: systemd is not running here; give the cgroup with "
                         "--cgroup PATH")
    try:
        result = subprocess.run(["systemctl", "show", "--property=ControlGroup", "--value",
                                 "--", unit], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise UsageError(f"--unit {unit}: systemctl failed: {err}") from None
    group = result.stdout.strip()
    if result.returncode != 0 or not group:
        raise UsageError(f"--unit {unit}: the unit has no cgroup (is it loaded and running?)")
    return resolve_cgroup(group.lstrip("/"))


def container_cgroup(prefix: str) -> Cgroup:
    """The cgroup of the container whose id starts with prefix (at least 4 hex digits), found
    under the cgroup layouts of docker, containerd, CRI-O and podman (the compiled core's
    cgroup_origin, which also gives the records their container_id). Raises UsageError if
    none or several containers match."""
    if not re.fullmatch(r"[0-9a-f]{4,64}", prefix):
        raise UsageError(f"--container {prefix!r}: expected 4 to 64 hex digits of a container id")
    from observer import _core

    mount, _ = _mount_or_error()
    found: dict[str, Path] = {}
    for root, dirs, _files in os.walk(mount):
        for name in dirs:
            path = Path(root) / name
            # The runtimes' directory names, by the rules the records' container_id follows.
            container, _pod = _core.cgroup_origin("/" + str(path.relative_to(mount)))
            if container and container.startswith(prefix):
                # The outermost directory of a container: runtimes may nest one inside it.
                if container not in found or len(path.parts) < len(found[container].parts):
                    found[container] = path
    if not found:
        raise UsageError(f"--container {prefix}: no container cgroup with that id under {mount}")
    if len(found) > 1:
        raise UsageError(f"--container {prefix}: {len(found)} containers match; give more of "
                         "the id")
    (path,) = found.values()
    return resolve_cgroup(str(path))
