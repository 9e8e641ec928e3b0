"""The history store: every run of every agreement in an SQLite database, and what changed since the last.

The database (default ``<output>/history.sqlite``; Python's own ``sqlite3``) has two tables::

    runs(seq, run, agreement, timestamp, as_of, prestatiecheck, figures_files,
         met, at_risk, not_met, no_data, pending)            -- one row per agreement per run
    results(seq, position, key, rule, party, project, period, status, value)  -- one per result

``key`` is ``<rule>|<party>|<project>|<period>`` (an empty party means the joint result,
an empty project: no project); ``value`` is the number (or ISO date) as the JSON
results give it. SQLite makes the store safe for concurrent runs: each run adds its
rows in one transaction (``BEGIN IMMEDIATE``; other writers wait for it), the journal is
write-ahead (WAL) so readers never block a writer, and a run killed halfway leaves
nothing of itself behind. ``(run, agreement)`` is unique, so recording the same run
twice (``check --history`` and then ``report --from-results``) adds it once.

The interchange form of a run is the record of the JSON Lines store of earlier
versions (``history export --format jsonl`` writes it)::

    {"kind": "prestatiecheck-history", "version": 1, "run": "<id>", "timestamp": "...Z",
     "as_of": "2023-03-01", "agreement": "...", "prestatiecheck": "0.1.0",
     "figures_files": [...], "summary": {...},
     "results": {"<rule>|<party>|<project>|<period>": {"status": "met", "value": 45}}}

A ``history.jsonl`` beside the database (the same name with ``.jsonl``) is read once,
strictly (a damaged line is an error naming the file and line, nothing is skipped),
moved into the database in one transaction and renamed ``history.jsonl.migrated``.
A ``--history`` path ending in ``.jsonl`` names the database beside it with ``.sqlite``.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prestatiecheck.errors import InputError
from prestatiecheck.i18n import t
from prestatiecheck.loading.resources import display_path
from prestatiecheck.model import Location, Problem, Status

if TYPE_CHECKING:
    import sqlite3

KIND = "prestatiecheck-history"
VERSION = 1
FILE_NAME = "history.sqlite"
LEGACY_SUFFIX = ".jsonl"
APPLICATION_ID = 0x50434B48  # "PCKH": this SQLite file is a prestatiecheck history
SCHEMA_VERSION = 1
BUSY_SECONDS = 120.0  # how long a run waits for another run's transaction
STATUSES = tuple(s.value for s in Status)

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS runs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    run TEXT NOT NULL,
    agreement TEXT NOT NULL,
    timestamp TEXT NOT NULL,
    as_of TEXT NOT NULL,
    prestatiecheck TEXT NOT NULL DEFAULT '',
    figures_files TEXT NOT NULL DEFAULT '[]',
    {", ".join(f"{s} INTEGER NOT NULL DEFAULT 0" for s in STATUSES)},
    UNIQUE (run, agreement)
);
CREATE INDEX IF NOT EXISTS runs_agreement ON runs (agreement, as_of);
CREATE TABLE IF NOT EXISTS results (
    seq INTEGER NOT NULL REFERENCES runs (seq) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    key TEXT NOT NULL,
    rule TEXT NOT NULL,
    party TEXT NOT NULL,
    project TEXT NOT NULL,
    period TEXT NOT NULL,
    status TEXT NOT NULL,
    value,
    PRIMARY KEY (seq, key)
) WITHOUT ROWID;
"""


@dataclass(frozen=True)
class Run:
    """One earlier run of one agreement, as read back from the store."""

    run: str
    timestamp: str
    as_of: date
    agreement: str
    results: Mapping[str, Mapping[str, Any]]
    seq: int  # the order runs were recorded in (a line number for a JSON Lines record)
    summary: Mapping[str, int] = field(default_factory=dict)
    figures_files: Sequence[str] = ()
    version: str = ""

    def record(self) -> dict[str, Any]:
        """The interchange (JSON Lines) form of this run."""
        return {
            "kind": KIND,
            "version": VERSION,
            "run": self.run,
            "timestamp": self.timestamp,
            "as_of": self.as_of.isoformat(),
            "agreement": self.agreement,
            "prestatiecheck": self.version,
            "figures_files": list(self.figures_files),
            "summary": dict(self.summary),
            "results": {k: dict(v) for k, v in self.results.items()},
        }


def result_key(rec: Mapping[str, Any]) -> str:
    return "|".join((rec["rule"], rec.get("party") or "", rec.get("project") or "", rec["period"]))


def split_key(key: str) -> tuple[str, str, str, str]:
    """rule, party, project, period (a project may hold '|'; rule ids, parties and periods never do)."""
    parts = key.split("|")
    if len(parts) < 4:
        raise ValueError(key)
    return parts[0], parts[1], "|".join(parts[2:-1]), parts[-1]


def records_for(doc: Mapping[str, Any], timestamp: datetime | None = None) -> list[dict[str, Any]]:
    """The history records of a results document: one per agreement."""
    from prestatiecheck import __version__

    stamp = (timestamp or datetime.now(UTC)).isoformat(timespec="seconds").replace("+00:00", "Z")
    out = []
    for agreement in doc["report"]["agreements"]:
        mine = [rec for rec in doc["results"] if rec["agreement"] == agreement["id"]]
        results = {result_key(rec): {"status": rec["status"], "value": rec.get("value")} for rec in mine}
        summary = {s: 0 for s in STATUSES}
        for rec in mine:
            if not rec.get("information"):  # per-party results of a joint-only afspraak: not counted
                summary[rec["status"]] += 1
        out.append(
            {
                "kind": KIND,
                "version": VERSION,
                "run": doc["run"],
                "timestamp": stamp,
                "as_of": doc["as_of"],
                "agreement": agreement["id"],
                "prestatiecheck": __version__,
                "figures_files": list(doc.get("figures_files", [])),
                "summary": summary,
                "results": results,
            }
        )
    return out


# --- where the store is -------------------------------------------------------------------------


def database_path(path: Path) -> Path:
    """The database a --history PATH means: PATH itself, or PATH with .sqlite for a .jsonl name."""
    path = Path(path)
    return path.with_suffix(".sqlite") if path.suffix == LEGACY_SUFFIX else path


def legacy_path(database: Path) -> Path:
    """The JSON Lines history of earlier versions that belongs to this database."""
    return database.with_suffix(LEGACY_SUFFIX) if database.suffix != LEGACY_SUFFIX else database


def _problem(path: Path, message: str, line: int = 0) -> InputError:
    return InputError([Problem(Location(display_path(path), line), message)])


def _refuse_non_file(path: Path) -> None:
    """A history is a regular file (or none yet): never a device, FIFO, socket or folder."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as e:
        raise _problem(path, t("history_unreadable", reason=e.strerror or str(e))) from None
    if not stat.S_ISREG(info.st_mode):
        raise _problem(path, t("history_not_a_file"))


# --- the JSON Lines form: reading earlier versions' files and exports ---------------------------


def _bad(path: Path, line: int, reason: str) -> InputError:
    return _problem(path, t("report_history_bad_line", reason=reason), line)


def _check_value(value: Any) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float, str))):
        raise TypeError(t("history_bad_value", value=json.dumps(value, ensure_ascii=False)[:40]))


def parse_record(path: Path, number: int, text: str) -> Run:
    """One JSON Lines record, strictly: anything wrong is an error naming the file and line."""
    try:
        rec = json.loads(text)
    except json.JSONDecodeError as e:
        raise _bad(path, number, t("report_history_not_json", reason=e.msg)) from None
    except RecursionError:
        raise _bad(path, number, t("report_history_not_json", reason="nesting")) from None
    if not isinstance(rec, dict) or rec.get("kind") != KIND:
        raise _bad(path, number, t("report_history_foreign"))
    if rec.get("version") != VERSION:
        raise _bad(path, number, t("report_results_version", version=rec.get("version"), expected=VERSION))
    try:
        as_of = date.fromisoformat(rec["as_of"])
        results = rec["results"]
        if not isinstance(results, dict):
            raise TypeError(t("history_field_type", key="results"))
        for key in ("agreement", "run", "timestamp"):
            if not isinstance(rec[key], str) or not rec[key]:
                raise TypeError(t("history_field_type", key=key))
        for key, entry in results.items():
            split_key(key)
            if not isinstance(entry, dict) or entry.get("status") not in STATUSES:
                status = entry.get("status") if isinstance(entry, dict) else entry
                raise ValueError(f"{key}: status '{status}'")
            _check_value(entry.get("value"))
        files = rec.get("figures_files", [])
        if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
            raise TypeError(t("history_field_type", key="figures_files"))
        summary = _summary(rec)
        return Run(
            rec["run"],
            rec["timestamp"],
            as_of,
            rec["agreement"],
            results,
            number,
            summary,
            tuple(files),
            str(rec.get("prestatiecheck", "")),
        )
    except KeyError as e:
        raise _bad(path, number, t("report_history_missing", key=e.args[0])) from None
    except (TypeError, ValueError, AttributeError) as e:
        raise _bad(path, number, str(e)) from None


def _summary(rec: Mapping[str, Any]) -> dict[str, int]:
    """The record's summary (results given for information are not in it); counted when it has none."""
    given = rec.get("summary")
    if (
        isinstance(given, dict)
        and given
        and all(isinstance(given.get(s), int) and not isinstance(given.get(s), bool) for s in STATUSES)
    ):
        return {s: int(given[s]) for s in STATUSES}
    counts = {s: 0 for s in STATUSES}
    for entry in rec["results"].values():
        counts[entry["status"]] += 1
    return counts


def read_jsonl(path: Path) -> list[Run]:
    """Every record of a JSON Lines history, oldest first; an empty file is an empty history."""
    from prestatiecheck.loading.textfile import Unreadable, read_text

    try:
        text = read_text(path, display=display_path(path))
    except Unreadable as e:
        if e.problem.message == t("file_empty"):
            return []
        raise InputError([e.problem]) from None
    return [parse_record(path, n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]


# --- the database -------------------------------------------------------------------------------


@dataclass
class Store:
    """An open history database (use :func:`open_store`)."""

    path: Path  # as the user named it (for messages)
    database: Path  # the file SQLite opens (symbolic links followed)
    connection: sqlite3.Connection | None
    migrated: tuple[Path, Path, int] | None = None  # (from, renamed to, runs) when this run migrated
    read_only: bool = True

    # reading

    def runs(self, agreement: str | None = None) -> list[Run]:
        """Every run (of one agreement), oldest first, without their results (see :meth:`load`)."""
        if self.connection is None:
            return []
        sql = "SELECT seq, run, agreement, timestamp, as_of, prestatiecheck, figures_files, " + ", ".join(
            STATUSES
        )
        sql += " FROM runs" + (" WHERE agreement = ?" if agreement is not None else "") + " ORDER BY seq"
        rows = self._query(sql, () if agreement is None else (agreement,))
        return [self._run(row, {}) for row in rows]

    def load(self, run: Run) -> Run:
        """The run with its results, each checked (a damaged row is an error naming the run)."""
        rows = self._query(
            "SELECT key, status, value FROM results WHERE seq = ? ORDER BY position", (run.seq,)
        )
        results: dict[str, dict[str, Any]] = {}
        for key, status_code, value in rows:
            if status_code not in STATUSES:
                raise self._damaged(t("history_bad_row", run=run.run, key=key, status=status_code))
            results[key] = {"status": status_code, "value": value}
        return Run(
            run.run,
            run.timestamp,
            run.as_of,
            run.agreement,
            results,
            run.seq,
            run.summary,
            run.figures_files,
            run.version,
        )

    def previous(self, agreement: str, *, run: str, as_of: date) -> Run | None:
        """The latest earlier run of this agreement (another run, as-of date not later), with results."""
        found = previous(self.runs(agreement), agreement, run=run, as_of=as_of)
        return self.load(found) if found is not None else None

    def find(self, wanted: str) -> list[Run]:
        """The runs (one per agreement) whose id is ``wanted`` or starts with it; [] when none."""
        matches = [r for r in self.runs() if r.run == wanted]
        if not matches and len(wanted) >= 4:
            matches = [r for r in self.runs() if r.run.startswith(wanted.lower())]
        return matches

    def _run(self, row: Sequence[Any], results: Mapping[str, Any]) -> Run:
        seq, run, agreement, timestamp, as_of, version, files, *counts = row
        try:
            when = date.fromisoformat(as_of)
            figures = json.loads(files)
            if not isinstance(figures, list):
                raise ValueError(files)
        except (TypeError, ValueError) as e:
            raise self._damaged(t("history_bad_run", run=run, reason=str(e))) from None
        summary = dict(zip(STATUSES, (int(c or 0) for c in counts), strict=True))
        return Run(run, timestamp, when, agreement, results, seq, summary, tuple(figures), version or "")

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        import sqlite3

        assert self.connection is not None
        try:
            return self.connection.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as e:
            raise self._damaged(str(e)) from None

    def _damaged(self, reason: str) -> InputError:
        return _problem(self.path, t("history_damaged", reason=reason))

    # writing

    def add(self, records: Iterable[Mapping[str, Any]]) -> int:
        """Add the records in one transaction (a run already recorded is left alone); how many were new.

        Raises OSError or sqlite3.Error (a full disk: ``database or disk is full``); the
        store is then as it was before.
        """
        import sqlite3

        connection = self._writable()
        added = 0
        try:
            with _transaction(connection):
                for rec in records:
                    added += _insert(connection, rec)
        except sqlite3.OperationalError:
            raise  # a full disk, locked too long: the caller says the history was not written
        except sqlite3.DatabaseError as e:
            raise self._damaged(str(e)) from None
        return added

    def _writable(self) -> sqlite3.Connection:
        if self.connection is None or self.read_only:
            self.close()
            self.connection = _connect(self.database, create=True, shown=self.path)
            self.read_only = False
        assert self.connection is not None
        return self.connection

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def _insert(connection: sqlite3.Connection, rec: Mapping[str, Any]) -> int:
    results: Mapping[str, Mapping[str, Any]] = rec["results"]
    counts = _summary(rec)
    cursor = connection.execute(
        "INSERT OR IGNORE INTO runs (run, agreement, timestamp, as_of, prestatiecheck, figures_files, "
        + ", ".join(STATUSES)
        + ") VALUES (?, ?, ?, ?, ?, ?"
        + ", ?" * len(STATUSES)
        + ")",
        (
            rec["run"],
            rec["agreement"],
            rec["timestamp"],
            rec["as_of"],
            rec.get("prestatiecheck", ""),
            json.dumps(list(rec.get("figures_files", [])), ensure_ascii=False),
            *(counts[s] for s in STATUSES),
        ),
    )
    if cursor.rowcount != 1:
        return 0  # this run of this agreement is already there
    seq = cursor.lastrowid
    connection.executemany(
        "INSERT INTO results (seq, position, key, rule, party, project, period, status, value)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (seq, position, key, *split_key(key), entry["status"], entry.get("value"))
            for position, (key, entry) in enumerate(results.items())
        ),
    )
    return 1


@contextlib.contextmanager
def _transaction(connection: sqlite3.Connection, *, immediate: bool = True) -> Iterator[None]:
    """BEGIN IMMEDIATE: take the write lock at once (waiting for another run), commit or roll back."""
    connection.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
    try:
        yield
    except BaseException:
        with contextlib.suppress(Exception):
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError:
        return False
    return head == b"SQLite format 3\x00" or head == b""


def _connect(database: Path, *, create: bool, shown: Path) -> sqlite3.Connection | None:
    """Open (and, when asked, create) the database; check it is ours; WAL. None: empty and not created."""
    import sqlite3

    if database.exists() and not _is_sqlite(database):
        hint = t("history_jsonl_hint", name=legacy_path(database).name) if _looks_like_jsonl(database) else ""
        raise _problem(shown, t("history_not_sqlite") + hint)
    if create:
        database.parent.mkdir(parents=True, exist_ok=True)
    uri = database.resolve().as_uri() + ("?mode=rwc" if create else "?mode=rw")
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_SECONDS, isolation_level=None)
    except sqlite3.Error as e:
        raise OSError(str(e)) from None
    try:
        # Look and create in one transaction: two first runs at once must not see half a schema.
        with _transaction(connection, immediate=create):
            app = connection.execute("PRAGMA application_id").fetchone()[0]
            user = connection.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if app not in (0, APPLICATION_ID) or (app == 0 and tables - {"sqlite_sequence"}):
                raise _problem(shown, t("history_foreign_database"))
            if user > SCHEMA_VERSION:
                raise _problem(shown, t("report_results_version", version=user, expected=SCHEMA_VERSION))
            empty = app == 0
            if empty and create:
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        connection.execute(statement)
                connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        if empty and not create:
            connection.close()
            return None
        if create:
            with contextlib.suppress(sqlite3.Error):  # no shared memory (a network drive): rollback journal
                connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
    except sqlite3.OperationalError as e:
        connection.close()
        raise OSError(str(e)) from None  # locked for too long, disk full, read-only: not damage
    except sqlite3.DatabaseError as e:
        connection.close()
        raise _problem(shown, t("history_damaged", reason=str(e))) from None
    except BaseException:
        connection.close()
        raise
    return connection


def _looks_like_jsonl(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(64).lstrip().startswith(b"{")
    except OSError:
        return False


def open_store(path: Path, *, create: bool = False) -> Store:
    """The history at ``path`` (a ``.jsonl`` name means the ``.sqlite`` beside it).

    Without ``create`` a missing database is an empty store and nothing is written;
    a JSON Lines history of an earlier version beside it is migrated either way (once).
    Errors: InputError (exit 2) for a damaged or foreign store, naming the file.
    """
    import sqlite3

    shown = database_path(Path(path))
    _refuse_non_file(shown)
    database = Path(os.path.realpath(shown))
    legacy = legacy_path(shown)
    store = Store(shown, database, None)
    try:
        if database.exists():
            store.connection = _connect(database, create=create, shown=shown)
        if legacy != shown and legacy.is_file():
            store.migrated = _migrate(store, legacy)
        elif create and store.connection is None:
            store.connection = _connect(database, create=True, shown=shown)
    except sqlite3.Error as e:
        store.close()
        raise _problem(shown, t("history_damaged", reason=str(e))) from None
    except OSError as e:
        store.close()
        if create:
            raise
        raise _problem(shown, t("history_unreadable", reason=e.strerror or str(e))) from None
    except BaseException:
        store.close()
        raise
    return store


def _migrate(store: Store, legacy: Path) -> tuple[Path, Path, int] | None:
    """Move a JSON Lines history into the database (idempotent), then rename it out of the way."""
    runs = read_jsonl(legacy)  # strict: a damaged line stops here, nothing is changed
    import sqlite3

    try:
        store.add(run.record() for run in runs)
    except (OSError, sqlite3.OperationalError) as e:
        reason = getattr(e, "strerror", None) or str(e)
        raise _problem(
            store.path, t("history_migration_failed", source=display_path(legacy), reason=reason)
        ) from None
    target = legacy.with_name(legacy.name + ".migrated")
    number = 2
    while target.exists():
        target = legacy.with_name(f"{legacy.name}.migrated.{number}")
        number += 1
    try:
        os.rename(legacy, target)
    except FileNotFoundError:
        return None  # another run migrated it at the same moment (its runs are in, once)
    except OSError as e:
        raise _problem(legacy, t("history_migration_rename", reason=e.strerror or str(e))) from None
    return legacy, target, len(runs)


def read(path: Path) -> list[Run]:
    """Every run in the store with its results, oldest first; a missing store is an empty history."""
    store = open_store(path)
    try:
        return [store.load(r) for r in store.runs()]
    finally:
        store.close()


def previous(runs: Sequence[Run], agreement: str, *, run: str, as_of: date) -> Run | None:
    """The latest earlier run of this agreement (another run, as-of date not later than this one)."""
    for candidate in reversed(runs):
        if candidate.agreement == agreement and candidate.run != run and candidate.as_of <= as_of:
            return candidate
    return None


def recorded(runs: Iterable[Run], run: str) -> bool:
    return any(r.run == run for r in runs)


class RecordingFailed(Exception):
    """The history could not be written (a full disk, no permission, locked too long); it is as it was."""


def append(path: Path, records: Sequence[Mapping[str, Any]]) -> int:
    """Add records in one transaction (a run already in the store is not added again); how many were new.

    Raises RecordingFailed when the store cannot be written, InputError when it is damaged.
    """
    import sqlite3

    try:
        store = open_store(path, create=True)
        try:
            return store.add(records)
        finally:
            store.close()
    except (OSError, sqlite3.OperationalError) as e:
        reason = getattr(e, "strerror", None) or str(e)
        raise RecordingFailed(
            t("output_failed", path=display_path(database_path(path)), reason=reason)
        ) from None


# What changed, per result: a mark code (report_change_<code> in i18n) or None.
CHANGES = ("new_not_met", "new_at_risk", "improved", "recovered", "changed")


def change(now: str, before: str | None) -> str | None:
    if before == now:
        return None
    if now == Status.NOT_MET:
        return "new_not_met"
    if now == Status.AT_RISK:
        return "improved" if before == Status.NOT_MET else "new_at_risk"
    if now == Status.MET and before in (Status.NOT_MET, Status.AT_RISK):
        return "recovered"
    if before is None:
        return None
    return "changed"
