"""Creating outputs privately: records can hold what programs read and write (buffers, argv),
so every file observer writes is 0600 and every directory it creates 0700, whatever the
umask, and none is reached through a symlink planted where observer creates something.

The C++ sinks do the same for the text formats (src/cpp/sink.cpp ``FileSink::open_at``);
these are the Python writers' (Parquet datasets, the formatter's split files, -c's table),
and check_output, which finds what any writer would meet before anything starts.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Callable
from typing import BinaryIO, Union

from observer._errors import OutputError

__all__ = ["SYMLINK_REFUSED", "check_output", "open_directory", "open_file", "open_subdirectory",
           "replace_file", "symlink_refused"]

#: Why an output path is refused; the C++ sinks say the same (kSymlinkRefused).
SYMLINK_REFUSED = "it is a symbolic link, which observer does not follow"

StrPath = Union[str, "os.PathLike[str]"]


def symlink_refused(path: StrPath) -> OSError:
    """The error of an output path that is a symlink: ELOOP, as O_NOFOLLOW gives it."""
    return OSError(errno.ELOOP, SYMLINK_REFUSED, os.fspath(path))


def bare(path: StrPath) -> str:
    """path without trailing slashes, which would make the kernel follow a symlink at its
    last component."""
    text = os.fspath(path)
    return text.rstrip("/") or text[:1]


def _private(fd: int, mode: int) -> None:
    """Sets the mode of a regular file or directory fd: what the umask took from a new one,
    what an earlier one had. Another user's file (EPERM) stays as its owner set it."""
    st = os.fstat(fd)
    if stat.S_IMODE(st.st_mode) != mode and (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode)):
        try:
            os.fchmod(fd, mode)
        except PermissionError:
            pass


def open_directory(path: StrPath, *, parents: bool = False) -> int:
    """A descriptor of the directory path for the ``dir_fd`` calls below, creating it 0700 if
    it is missing (with parents, its missing parents too, 0700 each). An existing directory is
    used as it is. Raises OSError: ``symlink_refused`` if path is a symlink, ENOTDIR if it is
    something else, and what mkdir(2) and open(2) say."""
    text = bare(path)
    created = False
    try:
        os.mkdir(text, 0o700)
        created = True
    except FileExistsError:
        pass
    except FileNotFoundError:
        parent = os.path.dirname(text)
        if not parents or parent in ("", text):
            raise
        os.close(open_directory(parent, parents=True))
        os.mkdir(text, 0o700)
        created = True
    try:
        fd = os.open(text, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as err:
        # O_DIRECTORY | O_NOFOLLOW fails on a symlink with ENOTDIR, as on a file.
        if err.errno in (errno.ENOTDIR, errno.ELOOP) and os.path.islink(text):
            raise symlink_refused(path) from None
        raise
    if created:
        _private(fd, 0o700)
    return fd


def open_subdirectory(dir_fd: int, name: str, shown: StrPath) -> int:
    """A descriptor of the directory name in the directory dir_fd, created 0700 if missing
    (an existing one is used as it is), called shown in errors. Raises ValueError for a name
    that is not one path component, OSError: ``symlink_refused`` if name is a symlink,
    ENOTDIR if it is something else."""
    if not name or "/" in name or "\0" in name or name in (".", ".."):
        raise ValueError(f"not a directory name: {name!r}")
    created = False
    try:
        os.mkdir(name, 0o700, dir_fd=dir_fd)
        created = True
    except FileExistsError:
        pass
    try:
        fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC,
                     dir_fd=dir_fd)
    except OSError as err:
        if err.errno in (errno.ENOTDIR, errno.ELOOP) and stat.S_ISLNK(
                os.lstat(name, dir_fd=dir_fd).st_mode):
            raise symlink_refused(shown) from None
        raise
    if created:
        _private(fd, 0o700)
    return fd


def open_file(path: StrPath, *, dir_fd: int | None = None, exclusive: bool = False) -> int:
    """A descriptor of the file path (in dir_fd), opened to write: created 0600, or (unless
    exclusive) truncated and made 0600. Raises OSError: ``symlink_refused`` if path is a
    symlink, FileExistsError if exclusive and it exists."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
    flags |= os.O_EXCL if exclusive else os.O_TRUNC
    try:
        fd = os.open(path, flags, 0o600, dir_fd=dir_fd)
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise symlink_refused(path) from None
        raise
    try:
        _private(fd, 0o600)
    except BaseException:
        os.close(fd)
        raise
    return fd


def replace_file(dir_fd: int, name: str, shown: StrPath, write: Callable[[BinaryIO], object]
                 ) -> None:
    """Writes the file name in the directory dir_fd whole, or not at all: write(file) fills a
    new hidden file that then takes name's place (rename(2)), so a reader never sees half of
    it and a hard link at name is replaced, not written through. A symlink at name is refused
    (``symlink_refused``, shown naming it). Raises OSError and what write raises."""
    if "/" in name or name in (".", ".."):
        raise ValueError(f"not a file name: {name!r}")
    try:
        if stat.S_ISLNK(os.lstat(name, dir_fd=dir_fd).st_mode):
            raise symlink_refused(shown)
    except FileNotFoundError:
        pass
    tmp = f".{name}.{secrets.token_hex(4)}.tmp"
    fd = open_file(tmp, dir_fd=dir_fd, exclusive=True)
    try:
        with open(fd, "wb") as file:
            write(file)
        os.replace(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    except BaseException:
        try:
            os.unlink(tmp, dir_fd=dir_fd)
        except FileNotFoundError:
            pass
        raise


def _cannot_open(path: str, err: int, detail: str = "") -> OutputError:
    """The error the sink would raise on opening path, in its words."""
    reason = detail or f"{os.strerror(err)} ({errno.errorcode.get(err, err)})"
    return OutputError(f"open {path}: {reason}")


def check_output(path: str, fmt: str, per_process: bool = False) -> None:
    """Raises OutputError if path cannot be written as the writers of fmt (and -ff with
    per_process) will write it, without creating or changing anything: a directory given as a
    file, a file given as a directory (--format parquet, -ff with the log), a symlink at
    either (never followed), a missing, read-only or unwritable directory, a read-only file.
    The real cause is named, as open(2) would. Called before anything is launched or
    attached; "-" (standard output) is always fine."""
    if path == "-":
        return
    if per_process and fmt != "log":  # FILE.PID files beside FILE
        _check_writable(path, os.path.dirname(os.path.abspath(path)))
        return
    # A directory of files (--format parquet, -ff with the log) or a file: the writers open
    # either with O_NOFOLLOW, the directory named without its trailing slashes.
    directory = fmt == "parquet" or per_process
    try:
        st: os.stat_result | None = os.lstat(bare(path) if directory else path)
    except FileNotFoundError:
        st = None
    except OSError as err:  # a component that is no directory, or may not be searched
        raise _cannot_open(path, err.errno or errno.ENOENT) from None
    if st is not None and stat.S_ISLNK(st.st_mode):
        raise _cannot_open(path, errno.ELOOP, SYMLINK_REFUSED)
    if directory:
        if st is not None and not stat.S_ISDIR(st.st_mode):
            raise _cannot_open(path, errno.ENOTDIR)
    elif (st is not None and stat.S_ISDIR(st.st_mode)) or (st is None and path.endswith("/")):
        raise _cannot_open(path, errno.EISDIR)
    if st is None:
        _check_writable(path, os.path.dirname(os.path.abspath(path)))
    else:  # used as it is: a directory to create files in, a file to replace
        _check_writable(path, path)


def _check_writable(path: str, target: str) -> None:
    """Raises OutputError for path if target (path itself, or the directory it is to be
    created in) is not a writable directory or file."""
    try:
        if target != path and not stat.S_ISDIR(os.stat(target).st_mode):
            raise _cannot_open(path, errno.ENOTDIR)
    except OSError as err:  # missing, or not searchable by this user
        raise _cannot_open(path, err.errno or errno.ENOENT) from None
    if os.statvfs(target).f_flag & os.ST_RDONLY:
        raise _cannot_open(path, errno.EROFS)
    if not os.access(target, os.W_OK, effective_ids=os.access in os.supports_effective_ids):
        raise _cannot_open(path, errno.EACCES)
