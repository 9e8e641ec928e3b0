"""Reading figures files (CSV, YAML; XLSX in loading.xlsx) into raw rows.

A raw row is what the file says, with its position: nothing is interpreted yet
except the file's number style (a ``;``-separated file uses a decimal comma).
validation.figures turns raw rows into Figures against the agreement's rules.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prestatiecheck.i18n import did_you_mean, t, thousands
from prestatiecheck.loading import limits
from prestatiecheck.loading.csvrecords import MAX_CELL_CHARS, MAX_CELL_LINES, Malformed, OpenQuote, records
from prestatiecheck.loading.limits import Problems
from prestatiecheck.loading.resources import display_path
from prestatiecheck.loading.textfile import Unreadable, read_text
from prestatiecheck.loading.yamlsafe import YamlMapping, parse_yaml, where
from prestatiecheck.model import Location, Problem

REQUIRED_COLUMNS = ("period", "party", "metric", "value")
OPTIONAL_COLUMNS = ("agreement", "project", "note")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
# Headers a Dutch spreadsheet may carry.
COLUMN_SYNONYMS = {
    "periode": "period", "jaar": "period", "partij": "party", "corporatie": "party",
    "indicator": "metric", "metriek": "metric", "kengetal": "metric", "cijfer": "metric",
    "waarde": "value", "afspraak": "agreement", "afspraken": "agreement", "overeenkomst": "agreement",
    "toelichting": "note", "opmerking": "note", "notitie": "note", "projectnaam": "project",
}  # fmt: skip
# The Dutch name a message gives a column beside its own.
DUTCH_NAMES = {"period": "periode", "party": "partij", "metric": "kengetal", "value": "waarde"}


ABSENT = sys.maxsize  # the position of a column a file does not have


@dataclass(slots=True, unsafe_hash=True)
class RawRow:
    # Where the row is: ``place`` when a reader knows more than a file and line (a sheet's cell,
    # a YAML column); a CSV row keeps only its ``file`` and ``line``, and its Location is made
    # when asked for (a national run holds hundreds of thousands of rows while it reads).
    place: Location | None
    period: Any
    party: Any
    metric: Any
    value: Any
    number_style: str  # "point" | "comma" | "native" (already typed: YAML, XLSX)
    agreement: Any = None
    project: Any = None
    note: Any = None
    value_location: Location | None = None
    # Spreadsheets: where each column's cell is, e.g. (("metric", Location(... cell="C14")),).
    cells: tuple[tuple[str, Location], ...] = ()
    file: str = ""
    line: int = 0

    @property
    def location(self) -> Location:
        return self.place if self.place is not None else Location(self.file, self.line)

    def at(self, column: str) -> Location:
        """The cell of one column (a spreadsheet names it), else the row's location."""
        return next((loc for name, loc in self.cells if name == column), self.location)


@dataclass
class RawFigures:
    rows: list[RawRow]
    problems: list[Problem]


def read_figures(path: Path, keep: Callable[[Any], bool] | None = None) -> RawFigures:
    """Read one figures file by its extension. ``keep``: given a row's agreement cell, whether to
    keep the row (a worker of ``check --jobs`` keeps its own agreements' rows; a CSV reader skips
    the others before making them rows, the other readers leave that to the caller)."""
    shown = display_path(path)
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        try:
            if path.is_dir():
                return RawFigures([], [Problem(Location(shown), t("path_is_directory"))])
            if not path.exists():
                return RawFigures([], [Problem(Location(shown), t("path_missing"))])
        except OSError:
            pass
        return RawFigures(
            [],
            [
                Problem(
                    Location(shown),
                    t("file_type_unknown", suffix=suffix or path.name) + did_you_mean(suffix, list(READERS)),
                )
            ],
        )
    if reader is read_csv:
        return read_csv(path, shown, keep)
    return reader(path, shown)


def normalise_header(name: Any) -> str:
    text = str(name or "").strip().lower().lstrip("\ufeff")
    return COLUMN_SYNONYMS.get(text, text)


def header_problems(header: list[str], where_: Location, typed: Sequence[Any] | None = None) -> list[Problem]:
    """A problem per required column the header lacks, showing the header as it was typed."""
    shown = [str(x if x is not None else "").strip().lstrip("\ufeff") for x in (typed or header)]
    problems = []
    for column in REQUIRED_COLUMNS:
        if column not in header:
            unknown = [
                typed_name for typed_name, h in zip(shown, header, strict=False) if h and h not in COLUMNS
            ]
            problems.append(
                Problem(
                    where_,
                    t(
                        "figures_missing_column",
                        column=column,
                        dutch=DUTCH_NAMES[column],
                        header=", ".join(x for x in shown if x) or "-",
                    )
                    + (did_you_mean(column, unknown) or did_you_mean(DUTCH_NAMES[column], unknown)),
                )
            )
    return problems


def read_csv(path: Path, shown: str, keep: Callable[[Any], bool] | None = None) -> RawFigures:
    try:
        text = read_text(path, display=shown, fallback="cp1252")
    except Unreadable as e:
        return RawFigures([], [e.problem])
    header_line = next((x for x in text.splitlines() if x.strip() and not x.startswith("#")), None)
    if header_line is None:
        return RawFigures([], [Problem(Location(shown), t("file_empty"))])
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    if delimiter == "," and "\t" in header_line and header_line.count("\t") > header_line.count(","):
        delimiter = "\t"
    style = "comma" if delimiter == ";" else "point"
    rows: list[RawRow] = []
    problems = Problems()
    header: list[str] | None = None
    count = 0
    # Where each column is in a row (the last of two columns of one name, as a dict of the cells
    # would keep; a column the header lacks, or a short row, gives None): set by the header.
    at: dict[str, int] = {}
    twice = False
    texts: dict[str, str] = {}
    value_first = ABSENT  # the first value column: a row that stops before it is broken
    for item in records(text, delimiter):
        if isinstance(item, OpenQuote):
            problems.append(Problem(Location(shown, item.line), _open_quote(item)))
            continue
        if isinstance(item, Malformed):
            problems.append(Problem(Location(shown, item.line), t("csv_malformed", reason=item.reason)))
            continue
        record, line = item.fields, item.first
        if (
            not record
            or record[0].startswith("#")
            or (not record[0].strip() and all(not cell.strip() for cell in record))
        ):
            continue
        if header is not None:
            count += 1
            if count > limits.MAX_ROWS:
                problems.append(
                    Problem(
                        Location(shown, line), t("figures_too_many_rows", rows=thousands(limits.MAX_ROWS))
                    )
                )
                break
        if header is None:
            header = [normalise_header(h) for h in record]
            found = header_problems(header, Location(shown, line), typed=record)
            if found:
                return RawFigures([], found)
            at = {name: i for i, name in enumerate(header)}
            twice = any(header.count(name) > 1 for name in COLUMNS)
            value_first = header.index("value") if "value" in header else ABSENT
            continue
        width = len(header)
        if len(record) > width and any(cell.strip() for cell in record[width:]):
            problems.append(
                Problem(
                    Location(shown, line),
                    t(
                        "figures_too_many_fields",
                        found=len(record),
                        expected=len(header),
                        delimiter=delimiter,
                    ),
                )
            )
            continue
        if len(record) <= value_first:
            # Not an empty value (that is "not supplied") but a row that stops before its value:
            # a line broken in two.
            problems.append(
                Problem(
                    Location(shown, line),
                    t("figures_too_few_fields", found=len(record), expected=len(header)),
                )
            )
            continue
        if item.last != item.first:  # (a record on one line has no line break in a cell)
            broken = [
                name
                for name, cell in zip(header, record, strict=False)
                if name in COLUMNS and name != "note" and ("\n" in cell or "\r" in cell)
            ]
            if broken:
                # Only a note may run over lines; anywhere else a line break is a quote left open.
                problems.append(
                    Problem(
                        Location(shown, line),
                        t("csv_line_break_in_column", column=broken[0], first=item.first, last=item.last),
                    )
                )
                continue
        # (the same texts repeat on every row: one string each, not one per row and column)
        stripped = list(map(str.strip, record[:width]))
        cells = list(map(texts.setdefault, stripped, stripped))
        n = len(cells)
        if twice:  # a column named twice: the last one the row reaches, as a dict of the cells keeps
            at = {name: i for i, name in enumerate(header[:n])}
        agreement = cells[i] if (i := at.get("agreement", ABSENT)) < n else None
        if keep is not None and not keep(agreement):
            continue
        rows.append(
            RawRow(
                None,
                cells[i] if (i := at.get("period", ABSENT)) < n else None,
                cells[i] if (i := at.get("party", ABSENT)) < n else None,
                cells[i] if (i := at.get("metric", ABSENT)) < n else None,
                cells[i] if (i := at.get("value", ABSENT)) < n else "",
                style,
                agreement,
                cells[i] if (i := at.get("project", ABSENT)) < n else None,
                cells[i] if (i := at.get("note", ABSENT)) < n else None,
                file=shown,
                line=line,
            )
        )
    if header is None:
        problems.append(Problem(Location(shown), t("file_empty")))
    return RawFigures(rows, problems.closed())


def _open_quote(found: OpenQuote) -> str:
    if found.reason == "row":
        return t("csv_quote_open_row", line=found.until)
    if found.reason == "long":
        return t("csv_quote_open_long", chars=f"{MAX_CELL_CHARS:,}".replace(",", "."), lines=MAX_CELL_LINES)
    return t("csv_quote_open_end", lines=found.until - found.line + 1)


def read_yaml(path: Path, shown: str) -> RawFigures:
    try:
        text = read_text(path, display=shown)
    except Unreadable as e:
        return RawFigures([], [e.problem])
    data, problems = parse_yaml(text, shown)
    if data is None:
        return RawFigures([], problems)
    root = getattr(data, "location", Location(shown, 1, 1))
    if not isinstance(data, Mapping):
        return RawFigures([], problems + [Problem(root, t("figures_yaml_shape"))])
    top = {_yaml_key(k, TOP_KEYS): k for k in data}
    if "figures" not in top:
        return RawFigures([], problems + [Problem(root, t("figures_yaml_shape"))])
    for name, key in top.items():
        if name not in ("figures", "agreement"):
            problems.append(
                Problem(
                    data.where_key(key) if isinstance(data, YamlMapping) else root,
                    t("schema_unknown_key", key=key) + did_you_mean(key, ["figures", "agreement"]),
                )
            )
    default_agreement = data.get(top.get("agreement"))
    items = data[top["figures"]]
    if not isinstance(items, list):
        return RawFigures(
            [], problems + [Problem(where(data, top["figures"], root), t("figures_yaml_shape"))]
        )
    if len(items) > limits.MAX_ROWS:
        problems.append(
            Problem(
                where(items, limits.MAX_ROWS, root),
                t("figures_too_many_rows", rows=thousands(limits.MAX_ROWS)),
            )
        )
        return RawFigures([], problems)
    problems = Problems(problems)
    rows: list[RawRow] = []
    for i, item in enumerate(items):
        loc = where(items, i, root)
        if not isinstance(item, Mapping):
            problems.append(Problem(loc, t("figures_yaml_item")))
            continue
        keys: dict[str, Any] = {}  # column -> the key as written (English or Dutch)
        bad = False
        for key in item:
            name = _yaml_key(key, COLUMN_SYNONYMS)
            at = item.where_key(key) if isinstance(item, YamlMapping) else loc
            if name not in COLUMNS:
                problems.append(Problem(at, t("schema_unknown_key", key=key) + did_you_mean(key, COLUMNS)))
                bad = True
            elif name in keys:
                problems.append(Problem(at, t("figures_yaml_column_twice", key=key, first=keys[name])))
                bad = True
            else:
                keys[name] = key

        def get(name: str, default: Any = None) -> Any:
            return item.get(keys[name]) if name in keys else default  # noqa: B023 - used right away

        missing = [c for c in ("period", "metric") if get(c) is None]
        for column in missing:
            problems.append(Problem(loc, t("schema_missing_key", key=column)))
        if bad or missing:
            continue
        value = get("value")
        rows.append(
            RawRow(
                place=loc,
                period=get("period"),
                party=get("party"),
                metric=get("metric"),
                value="" if value is None else value,
                number_style="native",
                agreement=get("agreement", default_agreement),
                project=get("project"),
                note=get("note"),
                value_location=where(item, keys.get("value"), loc),
            )
        )
    return RawFigures(rows, problems.closed() if isinstance(problems, Problems) else problems)


# The top keys of a YAML figures file, in English or Dutch.
TOP_KEYS = {"cijfers": "figures", "afspraak": "agreement", "afspraken": "agreement"}


def _yaml_key(key: Any, synonyms: Mapping[str, str]) -> Any:
    """A key as the column (or top key) it names: a Dutch name is read as its English one."""
    if not isinstance(key, str):
        return key
    name = key.strip().lower()
    return synonyms.get(name, name)


def read_xlsx(path: Path, shown: str) -> RawFigures:
    """Excel workbooks; openpyxl is imported only when one is read."""
    from prestatiecheck.loading import xlsx

    return xlsx.read_xlsx(path, shown)


READERS: dict[str, Callable[[Path, str], RawFigures]] = {
    ".xlsx": read_xlsx,
    ".xlsm": read_xlsx,
    ".xls": read_xlsx,  # an old Excel file: says to save it as .xlsx
    ".ods": read_xlsx,  # says to save it as .xlsx
    ".csv": read_csv,
    ".txt": read_csv,
    ".tsv": read_csv,
    ".yaml": read_yaml,
    ".yml": read_yaml,
}
