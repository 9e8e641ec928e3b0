"""Reading a user's file safely: every way a path can be wrong becomes a Problem."""

from __future__ import annotations

from pathlib import Path

from prestatiecheck.i18n import t
from prestatiecheck.loading import limits
from prestatiecheck.loading.limits import size_text
from prestatiecheck.model import Location, Problem

ZIP_MAGIC = b"PK\x03\x04"


class Unreadable(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def read_bytes(path: Path, *, display: str | None = None, limit: int | None = None) -> bytes:
    """The file's bytes, at most ``limit`` of them (a larger file, or a device that never ends,
    is refused by name)."""
    where = Location(display or str(path))
    if limit is None:
        limit = limits.MAX_TEXT_BYTES
    try:
        if path.is_dir():
            raise Unreadable(Problem(where, t("path_is_directory")))
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise Unreadable(Problem(where, t("file_too_large", limit=size_text(limit))))
    except FileNotFoundError as e:
        raise Unreadable(Problem(where, t("path_missing"))) from e
    except PermissionError as e:
        raise Unreadable(Problem(where, t("path_unreadable", reason=e.strerror or str(e)))) from e
    except OSError as e:
        raise Unreadable(Problem(where, t("path_unreadable", reason=e.strerror or str(e)))) from e
    if not data.strip():
        raise Unreadable(Problem(where, t("file_empty")))
    return data


def read_text(path: Path, *, display: str | None = None, fallback: str | None = None) -> str:
    """Decode a text file (UTF-8, with or without BOM). Binary files are refused by name."""
    return decode_text(read_bytes(path, display=display), display or str(path), fallback=fallback)


def decode_text(data: bytes, display: str, *, fallback: str | None = None) -> str:
    """The text of a file's bytes (read with ``read_bytes``); raises Unreadable naming the line."""
    where = Location(display)
    if data.startswith(ZIP_MAGIC):
        raise Unreadable(Problem(where, t("file_is_zip")))
    if b"\x00" in data[:4096]:
        raise Unreadable(Problem(where, t("file_binary")))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        if fallback:
            # Dutch Excel saves "CSV (gescheiden door lijstscheidingsteken)" as Windows-1252.
            try:
                return data.decode(fallback)
            except UnicodeDecodeError:
                pass
        line = data[: e.start].count(b"\n") + 1
        raise Unreadable(Problem(Location(where.file, line), t("file_not_utf8"))) from e
