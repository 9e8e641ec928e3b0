"""A cache of loaded rule files, so that hundreds of unchanged rule files load in a blink.

Loading a rule file means parsing YAML with positions, validating it (schema and
semantics) and building the Agreement; for a national run with 350 rule files that
is several seconds, every run, for files that rarely change. The cache keeps the
outcome of a rule file that loaded without errors (the Agreement and its
warnings), keyed by everything the outcome depends on: the file's bytes, where the
file is (its resolved path: ``rules/x.yaml`` and ``/home/me/rules/x.yaml`` are the
same file, and the names in messages are put right on loading), the shared
vocabulary, strictness, the language of the messages, and the prestatiecheck code
that did the loading. Anything else (a changed file, another
version, a corrupt or unreadable cache entry) simply loads the file again.

Location: ``PRESTATIECHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/prestatiecheck``,
else ``~/.cache/prestatiecheck``. ``PRESTATIECHECK_NO_CACHE=1`` turns it off. A
cache that cannot be written is not an error: the run just does not get faster.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent.parent


def directory() -> Path | None:
    if os.environ.get("PRESTATIECHECK_NO_CACHE"):
        return None
    explicit = os.environ.get("PRESTATIECHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "prestatiecheck"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The version and the state of the code that loads and validates rule files."""
    from prestatiecheck import __version__

    digest = hashlib.sha256(__version__.encode())
    for folder in ("loading", "validation", "schemas", "checks"):
        for path in sorted((_PACKAGE / folder).glob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    for name in ("model.py", "periods.py", "duedates.py", "i18n.py"):
        stat = (_PACKAGE / name).stat()
        digest.update(f"{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def key(content: bytes, *parts: object) -> str:
    digest = hashlib.sha256(content)
    digest.update(code_fingerprint().encode())
    for part in parts:
        digest.update(b"\0" + repr(part).encode())
    return digest.hexdigest()


def get(entry: str) -> Any | None:
    folder = directory()
    if folder is None:
        return None
    try:
        with open(folder / f"rules-{entry}.pickle", "rb") as handle:
            return pickle.load(handle)  # noqa: S301 - our own cache, in the user's own cache directory
    except Exception:  # missing, unreadable, corrupt or from an incompatible version: load the file
        return None


def put(entry: str, value: Any) -> None:
    folder = directory()
    if folder is None:
        return
    from prestatiecheck.outputs import write_atomic

    with contextlib.suppress(OSError, pickle.PicklingError):
        # (not flushed to the disk: an entry a crash damaged is found unreadable and made again)
        write_atomic(
            folder / f"rules-{entry}.pickle",
            pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL),
            durable=False,
        )
