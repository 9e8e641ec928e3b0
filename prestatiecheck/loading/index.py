"""The agreements index: the shipped one, and the user's own beside it.

prestatiecheck always reads the index shipped inside the package (``prestatiecheck/data``).
An index named by ``--agreements`` or ``PRESTATIECHECK_AGREEMENTS`` ADDS its agreements to the
shipped ones; it never replaces them. An id the user's index shares with a shipped agreement is
an error naming both files. The user's index may name a metrics file of its own (paths are
relative to the index); its metrics add to the shipped vocabulary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prestatiecheck.errors import RuleFileError
from prestatiecheck.i18n import t
from prestatiecheck.loading.resources import PACKAGED_INDEX, display_path, index_path, is_packaged
from prestatiecheck.loading.yamlsafe import load_yaml, where
from prestatiecheck.model import Location, Problem


@dataclass(frozen=True)
class IndexFile:
    """One agreements.yaml as read."""

    path: Path
    shown: str
    data: Mapping[str, Any]
    packaged: bool

    @property
    def metrics_file(self) -> Path | None:
        named = self.data.get("metrics")
        return self.path.parent / str(named) if named else None


@dataclass(frozen=True)
class Index:
    """The shipped index and, if given, the user's own: their agreements together."""

    files: tuple[IndexFile, ...]  # the shipped index first, then the user's own
    entries: tuple[Mapping[str, Any], ...]  # every agreement entry as written, shipped first
    rule_files: Mapping[str, Path]  # agreement id -> its rule file
    origin: Mapping[str, IndexFile]  # agreement id -> the index that names it

    @property
    def ids(self) -> list[str]:
        return [str(e["id"]) for e in self.entries]

    @property
    def shipped(self) -> IndexFile:
        return self.files[0]

    @property
    def user(self) -> IndexFile | None:
        return self.files[1] if len(self.files) > 1 else None

    def metrics_files(self) -> list[tuple[Path, IndexFile]]:
        """The vocabulary files, the shipped one first; a file named twice counts once."""
        out: list[tuple[Path, IndexFile]] = []
        seen: set[Path] = set()
        for index in self.files:
            path = index.metrics_file
            if path is None:
                continue
            try:
                key = path.resolve()
            except OSError:
                key = path
            if key not in seen:
                seen.add(key)
                out.append((path, index))
        return out


def _read_one(path: Path) -> IndexFile:
    shown = display_path(path)
    packaged = is_packaged(path)
    data, problems = load_yaml(path, shown)
    if data is not None and not isinstance(data, Mapping):
        problems.append(Problem(Location(shown, 1, 1), t("yaml_not_mapping")))
        data = None
    if data is not None and not packaged:
        from prestatiecheck.validation.schema import load_schema, schema_problems

        problems += schema_problems(data, load_schema("agreements.schema.json"), shown)
    errors = [p for p in problems if p.severity == "error"]
    if errors or data is None:
        raise RuleFileError(errors or [Problem(Location(shown), t("file_empty"))])
    return IndexFile(path, shown, data, packaged)


def user_index_path(explicit: str | Path | None = None) -> Path | None:
    """The user's own index (``--agreements``, else the environment), unless it is the shipped one."""
    path = index_path(explicit)
    return None if is_packaged(path) else path


def read_index(explicit: str | Path | None = None) -> Index:
    """The shipped index plus the user's own; raises RuleFileError if either cannot be read or an
    agreement id is used twice."""
    files = [_read_one(PACKAGED_INDEX)]
    user = user_index_path(explicit)
    if user is not None:
        files.append(_read_one(user))
    entries: list[Mapping[str, Any]] = []
    rule_files: dict[str, Path] = {}
    origin: dict[str, IndexFile] = {}
    problems: list[Problem] = []
    for index in files:
        listed = index.data.get("agreements") or []
        for i, entry in enumerate(listed):
            agreement_id = str(entry["id"])
            rule_file = index.path.parent / str(entry["file"])
            if agreement_id in origin:
                first = origin[agreement_id]
                key = "agreement_id_shipped" if first.packaged else "agreement_id_twice"
                problems.append(
                    Problem(
                        where(listed, i, Location(index.shown)),
                        t(
                            key,
                            agreement=agreement_id,
                            file=display_path(rule_files[agreement_id]),
                            index=first.shown,
                        ),
                    )
                )
                continue
            entries.append(entry)
            rule_files[agreement_id] = rule_file
            origin[agreement_id] = index
    if problems:
        raise RuleFileError(problems)
    return Index(tuple(files), tuple(entries), rule_files, origin)
