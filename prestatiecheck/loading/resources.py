"""Where the shipped agreements live, and where the user's own index is named.

The agreements shipped inside the package (``prestatiecheck/data``) are always used. The user's
own index, which adds to them (see loading/index.py), is the first of:

1. ``--agreements PATH`` on the command line;
2. the ``PRESTATIECHECK_AGREEMENTS`` environment variable.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent
PACKAGED_INDEX = PACKAGE_DIR / "data" / "agreements.yaml"
ENV_VAR = "PRESTATIECHECK_AGREEMENTS"


def index_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The index named by the user, else the shipped one."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    return PACKAGED_INDEX


def is_packaged(path: Path) -> bool:
    try:
        return path.resolve() == PACKAGED_INDEX.resolve()
    except OSError:
        return False


def display_path(path: Path) -> str:
    """A path as the user would recognise it: relative to the working directory when inside it.

    Run from the root of the file system every path is "inside" it; there the path stays
    absolute ('/srv/cijfers.csv', not 'srv/cijfers.csv').
    """
    try:
        cwd = Path.cwd().resolve()
        resolved = path.resolve()
        if cwd == Path(cwd.anchor):
            return str(resolved)
        return str(resolved.relative_to(cwd))
    except (ValueError, OSError):
        return str(path)
