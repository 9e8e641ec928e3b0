"""Writing files so that nothing is lost: atomic replace, never a half-written file.

Every file prestatiecheck writes (``-o``, ``--ics``, ``--results-json``, the reports, the
rule-file cache) goes through :func:`write_atomic`:

- a regular file (or a new one) is written to a temporary file beside it, flushed to
  disk and renamed over it, so an existing file is only ever replaced by a complete one;
- a symbolic link is written *through*: its target is replaced atomically, the link stays;
- a character device or a FIFO (``-o /dev/null``, ``-o /dev/stdout`` on a pipe or a
  terminal) is written to directly, and never replaced;
- ``/dev/stdout`` (or any ``/proc/.../fd/N``) that is a regular file is appended to, as the
  shell opened it, instead of replacing the file behind the shell's back;
- anything else that is not a regular file (a directory, a socket, a block device) is
  refused with :class:`NotRegularFile` and left alone.

Temporary files are named ``.<name>.<pid>@<host>.<random>.tmp``; one left behind by a
killed run (its process is gone, or it is more than a day old) is removed by the next
write into the same folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import socket
import stat
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

STALE_SECONDS = (
    24 * 3600
)  # a temporary file of another host (or an old-style name) older than this is left over
_HOST = re.sub(r"[^A-Za-z0-9-]", "", socket.gethostname())[:16] or "host"
_NAME_MAX = 120  # the part of the file name kept in a temporary file's name


class NotRegularFile(OSError):
    """The path exists but is not a file we may replace (directory, socket, block device)."""


def _mode_for(path: Path) -> int:
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


_OWN_FD = re.compile(r"^/(?:proc/(?:self|(\d+))/fd|dev/fd)/(\d+)$")


def _follow(path: Path) -> tuple[Path, bool, int | None]:
    """Where a chain of symbolic links ends; whether it went through /proc or /dev/fd; our own fd.

    ``/dev/stdout -> /proc/self/fd/1``: that is this process's file descriptor 1 (a
    pipe, a terminal, a socket or the file the shell opened), written as it is.
    """
    current = Path(os.path.abspath(path))
    magic = False
    for _ in range(40):
        text = str(current)
        own = _OWN_FD.match(text)
        if own and (own[1] is None or int(own[1]) == os.getpid()):
            return current, True, int(own[2])
        magic = magic or text.startswith(("/proc/", "/dev/fd/"))
        if not current.is_symlink():
            break
        target = os.readlink(current)
        current = Path(os.path.normpath(os.path.join(os.path.realpath(current.parent), target)))
    return current, magic, None


def _chunks(data: str | bytes | Iterable[str | bytes]) -> Iterable[bytes]:
    if isinstance(data, str):
        yield data.encode("utf-8")
    elif isinstance(data, bytes):
        yield data
    else:
        for chunk in data:
            yield chunk if isinstance(chunk, bytes) else chunk.encode("utf-8")


def _write_direct(path: Path, data: str | bytes | Iterable[str | bytes], *, append: bool) -> None:
    """Write into an existing device, FIFO or shell-opened file, without creating or truncating it."""
    flags = os.O_WRONLY | (os.O_APPEND if append else 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "wb") as handle:
        for chunk in _chunks(data):
            handle.write(chunk)
        handle.flush()


def _write_fd(fd: int, data: str | bytes | Iterable[str | bytes]) -> None:
    import sys

    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    for chunk in _chunks(data):
        view = memoryview(chunk)
        while view:
            written = os.write(fd, view)
            view = view[written:]


def write_atomic(path: Path, data: str | bytes | Iterable[str | bytes], *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` so that nothing is lost (see the module docstring).

    ``data`` may be an iterable of text or UTF-8 chunks (a large JSON document written as
    it is made, never whole in memory). Raises OSError (``NotRegularFile`` for a path that is
    neither a file nor a device or FIFO we may write to). ``durable`` False: not flushed to
    the disk before the rename (a cache entry, which is made again when it is found damaged).
    """
    path = Path(path)
    try:
        info = os.stat(path)  # follows symbolic links
    except FileNotFoundError:
        info = None
    target, magic, own_fd = _follow(path)
    if own_fd is not None and info is not None:
        _write_fd(own_fd, data)  # -o /dev/stdout: where the shell sent our output
        return
    if info is not None:
        kind = info.st_mode
        if stat.S_ISDIR(kind):
            raise NotRegularFile(errno.EISDIR, _message("output_is_directory"), str(path))
        if magic and (stat.S_ISREG(kind) or stat.S_ISSOCK(kind)):
            _write_direct(path, data, append=True)  # the shell's own stdout: as the shell opened it
            return
        if stat.S_ISCHR(kind) or stat.S_ISFIFO(kind):
            _write_direct(path, data, append=False)
            return
        if not stat.S_ISREG(kind):
            raise NotRegularFile(errno.EINVAL, _message("output_not_regular"), str(path))
    _replace(target, data, durable=durable)


def _message(key: str) -> str:
    from prestatiecheck.i18n import t

    return t(key)


def _replace(path: Path, data: str | bytes | Iterable[str | bytes], *, durable: bool = True) -> None:
    """Temporary file beside ``path``, flushed to disk, then renamed over it."""
    directory = path.parent if str(path.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    cleanup_stale(directory, path.name)
    fd, tmp = tempfile.mkstemp(
        prefix=f"{_temp_prefix(path.name)}{os.getpid()}@{_HOST}.", suffix=".tmp", dir=directory
    )
    try:
        # mkstemp makes the file private (0600); a report on a shared drive should get the
        # permissions any new file gets (the umask), or keep those of the file it replaces.
        os.chmod(tmp, _mode_for(path))
        with os.fdopen(fd, "wb") as handle:
            for chunk in _chunks(data):
                handle.write(chunk)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _temp_prefix(name: str) -> str:
    return f".{name[:_NAME_MAX]}."


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # someone else's process (or a number we cannot check): leave its file alone
    return True


def cleanup_stale(directory: Path, name: str) -> list[Path]:
    """Remove temporary files for ``name`` in ``directory`` that a killed run left behind.

    Ours are ``.<name>.<pid>@<host>.<random>.tmp``: removed when that process no longer
    runs on this host, or (another host's, or an older ``.<name>.<random>.tmp``) when
    they are more than a day old. A file of a run still writing is never touched.
    """
    prefix = _temp_prefix(name)
    removed: list[Path] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
            continue
        owner = entry.name[len(prefix) :].partition(".")[0]
        pid_text, at, host = owner.partition("@")
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            if at and pid_text.isdigit() and host == _HOST:
                stale = not _alive(int(pid_text))
            else:
                stale = now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
            if stale:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed
