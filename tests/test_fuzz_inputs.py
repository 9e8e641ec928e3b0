"""Fuzzing the inputs (issue #12, "Tests that keep it so"): the shipped example figures, as CSV, YAML and
XLSX, and a rule file of the user's own, mutated at random (bytes flipped, lines deleted or doubled, cells
replaced by hostile values, files cut short, YAML structure changed, workbook cells changed).

Whatever the input, ``check`` and ``validate`` end with exit 0, 1 or 2, never exit 4 or a traceback,
and within a generous time bound (a watchdog, not a speed assertion: a run that never ends fails
instead of hanging the suite). Equivalent encodings of the same figures (a UTF-8 BOM, CRLF line ends,
``;`` with decimal commas, another column order, the same rows in YAML or a workbook) give the same
JSON document.

Each property runs a few examples in the normal suite; a longer run:

    PRESTATIECHECK_FUZZ_EXAMPLES=5000 python -m pytest -p no:cacheprovider tests/test_fuzz_inputs.py
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import threading
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import MINI, MINI_FIGURES, MINI_INDEX

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.csv"))
EXAMPLE_NAMES = [e.stem for e in EXAMPLES]
AS_OF = ["2022-06-01", "2024-06-01", "2026-11-23"]
BOUND = 30  # seconds one run may take before the watchdog stops it: far beyond any real run

EXAMPLES_ENV = "PRESTATIECHECK_FUZZ_EXAMPLES"
FUZZ_EXAMPLES = int(os.environ.get(EXAMPLES_ENV) or 5)
fuzz = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,  # time is bounded by the watchdog, never asserted
    # The suite's few examples are the same on every run (a landing is never failed by chance);
    # a long run explores at random and remembers what failed (.hypothesis/).
    derandomize=not os.environ.get(EXAMPLES_ENV),
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


def agreement_of(example: str) -> str:
    return example.removesuffix("-excel")


# -- running the CLI under a watchdog ------------------------------------------------------------


class Overran(BaseException):
    """Raised by the watchdog; a BaseException, so the CLI's handler of internal errors does not catch it."""


@contextmanager
def watchdog(seconds: float) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield  # no alarm outside the main thread (or on Windows): unbounded, but still checked
        return

    def stop(signum: int, frame: Any) -> None:
        raise Overran(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run(*args: str) -> Result:
    from prestatiecheck.cli import cli

    with watchdog(BOUND):
        try:
            return CliRunner().invoke(cli, list(args), catch_exceptions=False)
        except Overran as e:
            pytest.fail(f"prestatiecheck {' '.join(args)}: {e}")


def survives(*args: str, inputs: Callable[[], str] = lambda: "") -> Result:
    """Run; exit 0, 1 or 2 and no traceback, else fail with the input and the traceback (--debug)."""
    result = run(*args)
    output = result.stdout + result.stderr
    if result.exit_code not in (0, 1, 2) or "Traceback" in output or "interne fout (" in output:
        debug = run(*args, "--debug") if result.exit_code == 4 else result
        pytest.fail(
            f"prestatiecheck {' '.join(args)} -> exit {result.exit_code}\n"
            f"--- input ---\n{inputs()[:3000]}\n--- stderr (--debug) ---\n{debug.stderr[-6000:]}"
        )
    if args[0] == "check" and args[-1] == "json" and result.stdout.strip():
        json.loads(result.stdout)  # never half a document on stdout
    return result


# -- hostile values ------------------------------------------------------------------------------

HOSTILE = [
    "",
    " ",
    "-1",
    "-0",
    "0",
    "1e28",
    "1e999",
    "-1e999",
    "1e-999",
    "9" * 27,
    "9" * 5000,
    "١٥",
    "１５",
    "٣٫٥",
    "1.380",
    "1,380",
    "1.380,5",
    "12,5",
    "0.0000001",
    "NaN",
    "inf",
    "-Infinity",
    "0x1F",
    "1_000",
    "€ 1.000,00",
    "50%",
    "1/2",
    "12.3.4",
    "TRUE",
    "null",
    "~",
    '"',
    '""',
    '"open',
    'a "quoted" word',
    '=HYPERLINK("http://evil.example","klik")',
    "+1+1",
    "@SUM(1)",
    "-2+3",
    "\x0b",
    "\x00",
    "\x1b[31mrood\x07",
    "\u202egnirts",
    "\ufeff",
    "\r",
    "\n",
    "a\nb",
    "2021/2022",
    "2022-2021",
    "2022-H3",
    "2022-Q5",
    "2022-13",
    "0000",
    "9999",
    "99999999999",
    "2024-02-30",
    "31-2-2024",
    "28-3-2024",
    "2024-03-28",
    "1-1-1",
    "gezamenlijk",
    "totaal",
    "alliantie",
    "verkoop",
    "x" * 40000,
]
hostile_text = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12))
hostile_number = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([10**28, -(10**28), 1e300, 1e-300, -0.0, 0.1 + 0.2]),
)


# -- text files: bytes flipped, lines deleted or doubled, cells replaced, cut short ----------------

HOSTILE_LINES = [
    b'2022,alliantie,verkoop,3,"Inclusief 6 woningen uit de verkoopvijver ""Soesterkwartier,',
    b'"',
    b"2021/2022,alliantie,sloop,5,,",
    b"2026,alliantie,toevoegingen,10,,",
    b"2022,alliantie,toevoegingen,1e999,,",
    b",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
    b"\x00\x00\x00\x00",
    b"period,party,metric,value",
    "2022;portaal;verkoop;١٥;;".encode(),
]


def mutate_text(data: st.DataObject, raw: bytes, delimiter: bytes = b",") -> bytes:
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        lines = raw.split(b"\n")
        op = data.draw(
            st.sampled_from(["flip", "delete", "duplicate", "cell", "cut", "insert", "swap", "encoding"]),
            label="op",
        )
        if op == "flip" and raw:
            at = data.draw(st.integers(0, len(raw) - 1), label="at")
            raw = raw[:at] + bytes([data.draw(st.integers(0, 255), label="byte")]) + raw[at + 1 :]
        elif op == "cut":
            raw = raw[: data.draw(st.integers(0, len(raw)), label="at")]
        elif op in ("delete", "duplicate", "cell", "insert", "swap"):
            i = data.draw(st.integers(0, len(lines) - 1), label="line")
            if op == "delete":
                del lines[i]
            elif op == "duplicate":
                lines.insert(i, lines[i])
            elif op == "swap":
                j = data.draw(st.integers(0, len(lines) - 1), label="other line")
                lines[i], lines[j] = lines[j], lines[i]
            elif op == "insert":
                lines.insert(i, data.draw(st.sampled_from(HOSTILE_LINES), label="hostile line"))
            else:
                cells = lines[i].split(delimiter)
                c = data.draw(st.integers(0, len(cells)), label="cell")
                value = data.draw(hostile_text, label="value")
                if data.draw(st.booleans(), label="quoted"):
                    value = '"' + value.replace('"', '""') + '"'
                cells[c : c + 1] = [value.encode("utf-8", "surrogatepass")]
                lines[i] = delimiter.join(cells)
            raw = b"\n".join(lines)
        elif op == "encoding":
            codec = data.draw(st.sampled_from(["latin-1", "utf-16", "cp1252"]), label="codec")
            raw = raw.decode("utf-8", "replace").encode(codec, "replace")
    return raw


# -- the examples in other forms -----------------------------------------------------------------


def example_rows(example: str) -> tuple[list[str], list[list[str]], str]:
    """(header, rows, delimiter) of an example as written."""
    text = (ROOT / "examples" / f"{example}.csv").read_text(encoding="utf-8-sig")
    delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    return rows[0], [r for r in rows[1:] if r], delimiter


def point_examples() -> list[str]:
    """The examples written with ',' and decimal points (the ';' one is a variant of its own)."""
    return [e for e in EXAMPLE_NAMES if example_rows(e)[2] == ","]


def typed(value: str) -> Any:
    """A value as a YAML file or a workbook holds it: a number as a number, the rest as text."""
    try:
        return int(value)
    except ValueError:
        pass
    try:
        return float(value) if value.replace(".", "", 1).lstrip("-").isdigit() else value
    except ValueError:
        return value


def as_yaml_data(example: str, edited: tuple[list[str], list[list[str]]] | None = None) -> dict[str, Any]:
    header, rows = edited or example_rows(example)[:2]
    return {
        "figures": [
            {k: typed(v) if k == "value" else v for k, v in zip(header, row, strict=True) if v != ""}
            for row in rows
        ]
    }


def dump(data: Any) -> bytes:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000).encode("utf-8")


def as_workbook(example: str, edited: tuple[list[str], list[list[str]]] | None = None) -> Any:
    import openpyxl
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    header, rows = edited or example_rows(example)[:2]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Cijfers"
    sheet.append(header)
    for row in rows:
        sheet.append(
            [
                typed(v) if k in ("value", "period") else (ILLEGAL_CHARACTERS_RE.sub("", v) or None)
                for k, v in zip(header, row, strict=True)
            ]
        )
    return book


def save(book: Any) -> bytes:
    """The workbook's bytes, the same every time (openpyxl stamps the time of saving; a fuzzer that
    damages the zip must get the same bytes again to replay and shrink what it found)."""
    out = io.BytesIO()
    book.save(out)
    fixed = io.BytesIO()
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "docProps/core.xml":
                part = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2024-01-01T00:00:00Z", part
                )
            target.writestr(zipfile.ZipInfo(info.filename, (2024, 1, 1, 0, 0, 0)), part, zipfile.ZIP_DEFLATED)
    return fixed.getvalue()


def check_args(example: str, path: Path, as_of: str) -> tuple[str, ...]:
    return ("check", "-a", agreement_of(example), "-f", str(path), "--as-of", as_of, "--format", "json")


OUTPUTS = ["json", "json", "table", "csv", "markdown", "xlsx", "report"]


def output_args(data: st.DataObject, args: tuple[str, ...], folder: Path) -> tuple[str, ...]:
    """The check of ``args`` in JSON (most often), in another format, or as a report."""
    how = data.draw(st.sampled_from(OUTPUTS), label="output")
    if how == "json":
        return args
    if how == "report":
        formats = data.draw(st.sampled_from(["txt", "md", "html"]), label="report format")
        rest = [a for a in args[1:-2] if a != "-q"]  # (report has no --quiet)
        return ("report", *rest, "--format", formats, "-o", str(folder / "reports"))
    return (*args[:-1], how, *(("-o", str(folder / "results.xlsx")) if how == "xlsx" else ()))


# -- plausible edits: rows that still read, so that evaluation and rendering get the odd values too --

EXTRA = {
    "period": ["2019", "2021", "2022", "2023", "2026", "2030", "2022-H1", "2023-H2", "2022-Q3", "2021-2022",
               "2022-2023", "2026-2030", "2021/2022"],
    "party": ["", "gezamenlijk", "totaal"],
    "metric": ["netto_toename", "verhuringen_urgent", "verhuringen_totaal", "toevoegingen", "sloop"],
}  # fmt: skip
plausible_number = st.one_of(
    st.integers(0, 10**6).map(str),
    st.integers(-1000, -1).map(str),
    st.decimals(min_value=-(10**6), max_value=10**6, places=3).map(lambda d: f"{d:f}"),
    st.sampled_from(["0", "-0", "0.000001", "999999999", "1000000000", "100", "50.5", "12.25"]),
    st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31)).map(lambda d: data_format(d)),
)


def data_format(day: date) -> str:
    return day.isoformat() if day.day % 2 else f"{day.day}-{day.month}-{day.year}"


def plausible(data: st.DataObject, example: str) -> tuple[list[str], list[list[str]]]:
    """An example's rows after a few edits that keep them rows: another period, party, metric or
    number of the kind the file already has, hostile text in a note or project, rows dropped,
    doubled or made up."""
    header, rows, _ = example_rows(example)
    rows = [list(r) for r in rows]
    pools = {c: sorted({r[header.index(c)] for r in rows} | set(EXTRA.get(c, []))) for c in EXTRA}

    def cell(column: str) -> str:
        if column in pools:
            return data.draw(st.sampled_from(pools[column]), label=column)
        if column == "value":
            return data.draw(plausible_number, label="value")
        return data.draw(hostile_text.filter(lambda s: "\x00" not in s), label=column)  # note, project, ...

    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        op = data.draw(st.sampled_from(["cell", "cell", "cell", "drop", "double", "new"]), label="edit")
        i = data.draw(st.integers(0, len(rows) - 1), label="row") if rows else 0
        if op == "cell" and rows:
            c = data.draw(st.integers(0, len(header) - 1), label="column")
            rows[i][c] = cell(header[c])
        elif op == "drop" and rows:
            del rows[i]
        elif op == "double" and rows:
            rows.insert(i, list(rows[i]))
        else:
            rows.insert(i, [cell(c) for c in header])
    return header, rows


def as_csv(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    return out.getvalue().encode("utf-8", "surrogatepass")


# -- YAML structure: a node replaced, deleted, doubled, wrapped, nested deep ---------------------

YAML_SNIPPETS = [
    # a "billion laughs" (aliases of aliases), a recursive alias, nesting beyond the limit, a long integer
    "bomb: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"b{i}: &a{i} [*{'a' if i == 0 else f'a{i - 1}'}, *{'a' if i == 0 else f'a{i - 1}'}, "
        f"*{'a' if i == 0 else f'a{i - 1}'}, *{'a' if i == 0 else f'a{i - 1}'}]\n"
        for i in range(12)
    ),
    "loop: &l [*l]\n",
    "deep: " + "[" * 300 + "]" * 300 + "\n",
    "long: " + "7" * 5000 + "\n",
    "anchor: &x {a: 1}\nmerge: {<<: *x, <<: *x}\n",
    "%YAML 1.1\n---\n",
    "--- !!python/object/apply:os.system ['true']\n",
]


def walk(data: st.DataObject, node: Any) -> tuple[Any, Any]:
    """(container, key or index) of a node somewhere inside ``node`` (a mapping or list)."""
    parent: Any = None
    key: Any = None
    while isinstance(node, (dict, list)) and node:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        k = data.draw(st.sampled_from(keys), label="key")
        parent, key, node = node, k, node[k]
        if not isinstance(node, (dict, list)) or data.draw(st.booleans(), label="stop here"):
            break
    return parent, key


def yaml_value(data: st.DataObject) -> Any:
    return data.draw(
        st.one_of(
            hostile_text,
            hostile_number,
            st.sampled_from([None, True, False, [], {}, date(2024, 2, 29), datetime(2024, 1, 1, 12)]),
            st.lists(hostile_text, max_size=3),
            st.dictionaries(hostile_text, hostile_text, max_size=2),
        ),
        label="value",
    )


def scalars(node: Any) -> list[Any]:
    if isinstance(node, dict):
        return [s for v in node.values() for s in scalars(v)]
    if isinstance(node, list):
        return [s for v in node for s in scalars(v)]
    return [node]


PLAUSIBLE_NUMBERS = st.one_of(
    st.integers(-100, 10**6),
    st.decimals(min_value=-1000, max_value=10**6, places=2).map(float),
    st.sampled_from([0, 1, -1, 0.5, 100, 99.999, 10**12, 2022, 2026]),
)


def mutate_yaml(data: st.DataObject, tree: Any) -> bytes:
    """Nodes changed: most often in a way that may still read (a value of the same type from elsewhere
    in the file, another number), else replaced by hostile values, deleted, doubled, wrapped, renamed
    or nested deep; then now and then the text itself damaged or prefixed with a YAML bomb."""
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        parent, key = walk(data, tree)
        if parent is None:
            break
        op = data.draw(
            st.sampled_from(
                [
                    "borrow",
                    "borrow",
                    "number",
                    "number",
                    "replace",
                    "delete",
                    "duplicate",
                    "wrap",
                    "rename",
                    "deep",
                ]
            ),
            label="op",
        )
        if op == "borrow":
            alike = [v for v in scalars(tree) if type(v) is type(parent[key])]
            if alike:
                parent[key] = data.draw(st.sampled_from(alike), label="borrowed")
        elif op == "number":
            if isinstance(parent[key], (int, float)) and not isinstance(parent[key], bool):
                parent[key] = data.draw(PLAUSIBLE_NUMBERS, label="number")
        elif op == "replace":
            parent[key] = yaml_value(data)
        elif op == "delete":
            del parent[key]
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(key, parent[key])
        elif op == "wrap":
            parent[key] = data.draw(st.sampled_from([[parent[key]], {"x": parent[key]}]), label="wrapped")
        elif op == "rename" and isinstance(parent, dict):
            new = data.draw(st.one_of(hostile_text, st.integers(), st.none()), label="new key")
            parent[new] = parent.pop(key)
        elif op == "deep":
            nested: Any = parent[key]
            for _ in range(data.draw(st.integers(60, 120), label="depth")):
                nested = [nested]
            parent[key] = nested
    raw = dump(tree)
    how = data.draw(st.sampled_from(["as is", "as is", "as is", "bytes", "snippet"]), label="text")
    if how == "bytes":
        raw = mutate_text(data, raw, b": ")
    elif how == "snippet":
        raw = data.draw(st.sampled_from(YAML_SNIPPETS), label="snippet").encode() + raw
    return raw


# -- the properties: never a crash ---------------------------------------------------------------


@fuzz
@given(data=st.data(), example=st.sampled_from(EXAMPLE_NAMES), as_of=st.sampled_from(AS_OF))
def test_mutated_csv_figures(tmp_path: Path, data: st.DataObject, example: str, as_of: str) -> None:
    """An example as shipped (its bytes mutated), its rows edited plausibly, with an agreement column (its
    own or another's), or two examples in one file; checked with or without --agreement, alone or
    beside the example as shipped."""
    shipped = ROOT / "examples" / f"{example}.csv"
    raw = shipped.read_bytes()
    shape = data.draw(
        st.sampled_from(["as shipped", "edited", "edited", "agreement column", "two agreements"]),
        label="shape",
    )
    if example.endswith("-excel"):
        shape = "as shipped"
    if shape == "edited":
        raw = as_csv(*plausible(data, example))
    elif shape != "as shipped":
        others = [e for e in point_examples() if agreement_of(e) != agreement_of(example)]
        named = data.draw(st.sampled_from([example, *others]), label="agreement named")
        raw = with_agreement(example, named)
        if shape == "two agreements":
            raw += with_agreement(data.draw(st.sampled_from(others), label="second"), None).split(b"\n", 1)[1]
    mutated = raw
    if shape == "as shipped" or data.draw(st.integers(0, 2), label="bytes too") == 0:
        mutated = mutate_text(data, raw, b";" if example.endswith("-excel") else b",")
    path = tmp_path / f"{example}.csv"
    path.write_bytes(mutated)
    args = check_args(example, path, as_of)
    if shape != "as shipped" and data.draw(st.booleans(), label="without --agreement"):
        args = args[:1] + args[3:]
    also = data.draw(
        st.sampled_from([(), ("-f", str(shipped)), ("--lang", "en"), ("-q",), ("--fail-on", "at_risk")]),
        label="also",
    )
    args = output_args(data, (*args[:-2], *also, *args[-2:]), tmp_path)
    survives(*args, inputs=lambda: mutated.decode("utf-8", "replace"))


def with_agreement(example: str, agreement: str | None) -> bytes:
    """An example's rows with an agreement column: ``agreement``, or the example's own."""
    header, rows, _ = example_rows(example)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*header, "agreement"])
    writer.writerows([*row, agreement_of(agreement or example)] for row in rows)
    return out.getvalue().encode("utf-8")


@fuzz
@given(data=st.data(), example=st.sampled_from(point_examples()), as_of=st.sampled_from(AS_OF))
def test_mutated_yaml_figures(tmp_path: Path, data: st.DataObject, example: str, as_of: str) -> None:
    tree = as_yaml_data(
        example, plausible(data, example) if data.draw(st.booleans(), label="edited") else None
    )
    mutated = dump(tree) if data.draw(st.integers(0, 2), label="as edited") == 0 else mutate_yaml(data, tree)
    path = tmp_path / f"{example}.yaml"
    path.write_bytes(mutated)
    args = output_args(data, check_args(example, path, as_of), tmp_path)
    survives(*args, inputs=lambda: mutated.decode("utf-8", "replace"))


def workbook_value(data: st.DataObject) -> Any:
    return data.draw(
        st.one_of(
            hostile_text.filter(lambda s: "\x00" not in s and not any(0xD800 <= ord(c) <= 0xDFFF for c in s)),
            hostile_number,
            st.sampled_from(
                [
                    None,
                    True,
                    datetime(2024, 3, 28),
                    datetime(1900, 1, 1),
                    date(9999, 12, 31),
                    time(12, 30),
                    "=1/0",
                    '=HYPERLINK("http://evil.example","klik")',
                    "=A1",
                    "#DIV/0!",
                ]
            ),
        ),
        label="cell value",
    )


@fuzz
@given(data=st.data(), example=st.sampled_from(point_examples()), as_of=st.sampled_from(AS_OF))
def test_mutated_workbooks(tmp_path: Path, data: st.DataObject, example: str, as_of: str) -> None:
    from openpyxl.utils.exceptions import IllegalCharacterError

    edited = plausible(data, example) if data.draw(st.booleans(), label="edited") else None
    book = as_workbook(example, edited)
    sheet = book.active
    for _ in range(data.draw(st.integers(0 if edited else 1, 4), label="mutations")):
        op = data.draw(
            st.sampled_from(["cell", "cell", "delete rows", "insert rows", "sheet", "bytes"]), label="op"
        )
        if op == "cell":
            row = data.draw(st.integers(1, sheet.max_row + 1), label="row")
            column = data.draw(st.integers(1, sheet.max_column + 1), label="column")
            try:
                sheet.cell(row, column).value = workbook_value(data)
            except (ValueError, TypeError, IllegalCharacterError):  # a value openpyxl refuses to store
                continue
        elif op == "delete rows":
            sheet.delete_rows(
                data.draw(st.integers(1, sheet.max_row), label="row"), data.draw(st.integers(1, 3))
            )
        elif op == "insert rows":
            sheet.insert_rows(
                data.draw(st.integers(1, sheet.max_row), label="row"), data.draw(st.integers(1, 3))
            )
        elif op == "sheet":
            other = book.create_sheet(data.draw(st.sampled_from(["Blad2", "Toelichting", "x" * 30])), 0)
            other.append(data.draw(st.sampled_from([["period", "party", "metric", "value"], ["uitleg"], []])))
    raw = save(book)
    if data.draw(st.booleans(), label="damage the zip"):
        raw = mutate_text(data, raw, b"PK")
    path = tmp_path / f"{example}.xlsx"
    path.write_bytes(raw)
    args = output_args(data, check_args(example, path, as_of), tmp_path)
    survives(*args, inputs=lambda: f"{len(raw)} bytes of workbook")


@pytest.fixture(scope="module")
def mini_rules() -> Any:
    return yaml.safe_load((MINI_INDEX.parent / "rules" / f"{MINI}.yaml").read_text(encoding="utf-8"))


@fuzz
@given(data=st.data(), as_of=st.sampled_from(["2022-06-01", "2023-06-01", "2024-06-01"]))
def test_mutated_rule_files(tmp_path: Path, mini_rules: Any, data: st.DataObject, as_of: str) -> None:
    """A rule file of the user's own (through a user agreements index), its structure and text mutated;
    now and then the index too."""
    import copy

    mutated = mutate_yaml(data, copy.deepcopy(mini_rules))
    folder = tmp_path / "eigen"
    (folder / "rules").mkdir(parents=True, exist_ok=True)
    (folder / "rules" / f"{MINI}.yaml").write_bytes(mutated)
    index = folder / "agreements.yaml"
    entries = {
        "metrics": str(ROOT / "metrics.yaml"),
        "agreements": [{"id": MINI, "file": f"rules/{MINI}.yaml"}],
    }
    written = dump(entries)
    if data.draw(st.integers(0, 3), label="index mutated") == 0:
        written = mutate_yaml(data, entries)
    index.write_bytes(written)
    shown = lambda: written.decode("utf-8", "replace") + "\n---\n" + mutated.decode("utf-8", "replace")  # noqa: E731
    survives("validate", "--agreements", str(index), inputs=shown)
    survives(
        "check", "--agreements", str(index), "-a", MINI, "-f", str(MINI_FIGURES), "--as-of", as_of,
        "--format", "json", inputs=shown,
    )  # fmt: skip
    kind = data.draw(st.sampled_from(["xlsx", "csv", "yaml"]), label="template format")
    also = data.draw(
        st.sampled_from(
            [
                ("list", "-a", MINI, "--format", data.draw(st.sampled_from(["table", "markdown", "json", "audit"]))),
                ("list", "--metrics"),
                ("explain", f"{MINI}/{data.draw(st.sampled_from(['1', '2', '3', '8']))}"),
                ("deadlines", "-a", MINI, "--as-of", as_of, "--all", "--ics", str(tmp_path / "termijnen.ics")),
                ("template", "-a", MINI, "--force", "--format", kind, "-o", str(tmp_path / f"invul.{kind}")),
                ("report", "-a", MINI, "-f", str(MINI_FIGURES), "--as-of", as_of, "--format", "md",
                 "-o", str(tmp_path / "reports")),
            ]
        ),
        label="command",
    )  # fmt: skip
    survives(*also, "--agreements", str(index), inputs=shown)


def test_the_unmutated_inputs_are_accepted(tmp_path: Path, mini_rules: Any) -> None:
    """The fuzzers start from inputs that work: a crash they find is the mutation's doing."""
    for example in point_examples()[:2]:
        yaml_path = tmp_path / f"{example}.yaml"
        yaml_path.write_bytes(dump(as_yaml_data(example)))
        xlsx_path = tmp_path / f"{example}.xlsx"
        xlsx_path.write_bytes(save(as_workbook(example)))
        for path in (yaml_path, xlsx_path):
            assert survives(*check_args(example, path, "2024-06-01")).exit_code in (0, 1)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / f"{MINI}.yaml").write_bytes(dump(mini_rules))
    index = tmp_path / "agreements.yaml"
    index.write_text(f"agreements:\n  - id: {MINI}\n    file: rules/{MINI}.yaml\n", encoding="utf-8")
    assert survives("validate", "--agreements", str(index)).exit_code == 0


# -- the properties: equivalent encodings, the same document -------------------------------------


def comparable(stdout: str, path: Path, *, locations: bool = True) -> dict[str, Any]:
    """A check's JSON document without what names the file (or, across formats, lines and cells)."""
    document = json.loads(stdout)
    document.pop("figures_files")
    for notice in document["notices"]:
        assert notice.pop("file") in (str(path), os.path.relpath(path), None), notice
        if not locations:
            for key in ("line", "sheet", "cell"):
                notice.pop(key)
            notice.pop("message")  # names lines ("regels 57, 59") or cells
    return document


def named(stderr: str, path: Path) -> str:
    """Messages with the file's name as one placeholder."""
    return stderr.replace(str(path), "FILE").replace(os.path.relpath(path), "FILE")


def variant(example: str, *, bom: bool, crlf: bool, semicolon: bool, reverse: bool) -> bytes:
    header, rows, _ = example_rows(example)
    order = list(reversed(range(len(header)))) if reverse else list(range(len(header)))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if semicolon else ",", lineterminator="\r\n" if crlf else "\n")
    writer.writerow([header[i] for i in order])
    value = header.index("value")
    for row in rows:
        if semicolon:  # the Dutch Excel style: a decimal comma
            row = [v.replace(".", ",") if i == value else v for i, v in enumerate(row)]
        writer.writerow([row[i] for i in order])
    return (b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode("utf-8")


ALL_AT_ONCE = dict(bom=True, crlf=True, semicolon=True, reverse=True)
ONE_BY_ONE = [
    dict(bom=True, crlf=False, semicolon=False, reverse=False),
    dict(bom=False, crlf=True, semicolon=False, reverse=False),
    dict(bom=False, crlf=False, semicolon=True, reverse=False),
    dict(bom=False, crlf=False, semicolon=False, reverse=True),
]


@pytest.mark.parametrize("example", point_examples())
def test_equivalent_encodings_give_the_same_document(tmp_path: Path, example: str) -> None:
    """A BOM, CRLF, ';' with decimal commas and another column order (all at once, and for the example
    with decimals and notes one by one): the same document and messages; the same rows as YAML or a
    workbook: the same results and notices (which name lines or cells of their own)."""
    as_of = "2024-06-01"
    original = ROOT / "examples" / f"{example}.csv"
    base = run(*check_args(example, original, as_of))
    assert base.exit_code in (0, 1), base.stderr
    expected = comparable(base.stdout, original)
    kinds = [ALL_AT_ONCE, *(ONE_BY_ONE if example == "amersfoort-2022-2023" else [])]
    for kind in kinds:
        path = tmp_path / f"{'-'.join(k for k, on in kind.items() if on)}.csv"
        path.write_bytes(variant(example, **kind))
        result = run(*check_args(example, path, as_of))
        assert (result.exit_code, named(result.stderr, path)) == (
            base.exit_code,
            named(base.stderr, original),
        )
        assert comparable(result.stdout, path) == expected, kind
    yaml_path = tmp_path / f"{example}.yaml"
    yaml_path.write_bytes(dump(as_yaml_data(example)))
    xlsx_path = tmp_path / f"{example}.xlsx"
    xlsx_path.write_bytes(save(as_workbook(example)))
    elsewhere = comparable(base.stdout, original, locations=False)
    for path in (yaml_path, xlsx_path):
        result = run(*check_args(example, path, as_of))
        assert result.exit_code == base.exit_code, result.stderr
        assert comparable(result.stdout, path, locations=False) == elsewhere, path.suffix


def test_the_excel_export_example_reads_as_its_plain_twin() -> None:
    """examples/amersfoort-2022-2023-excel.csv is the plain example as Dutch Excel saves it (a BOM, ';',
    CRLF, decimal commas, 1.018 grouped; a ';' in a note became ','): the same document."""
    plain, excel = (ROOT / "examples" / f"amersfoort-2022-2023{suffix}.csv" for suffix in ("", "-excel"))
    documents = []
    for path in (plain, excel):
        result = run(*check_args("amersfoort-2022-2023", path, "2024-06-01"))
        assert result.exit_code in (0, 1), result.stderr
        document = comparable(result.stdout, path)
        for row in document["results"]:
            for note in row.get("notes") or []:
                note["note"] = note["note"].replace(";", ",")
        documents.append((document, named(result.stderr, path)))
    assert documents[0] == documents[1]


# -- the harness itself can fail -------------------------------------------------------------------


def test_a_crash_fails_the_fuzzer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An internal error (exit 4) in a run is a failure that shows the input and the traceback."""
    from prestatiecheck.loading import figures

    def broken(path: Path, shown: str) -> Any:
        raise RuntimeError("a bug in the YAML reader")

    monkeypatch.setitem(figures.READERS, ".yaml", broken)
    path = tmp_path / "cijfers.yaml"
    path.write_bytes(dump(as_yaml_data("nijkerk-2025-2027")))
    with pytest.raises(pytest.fail.Exception) as failed:
        survives(*check_args("nijkerk-2025-2027", path, "2025-06-01"), inputs=lambda: "the input")
    assert "exit 4" in str(failed.value) and "the input" in str(failed.value)
    assert "RuntimeError: a bug in the YAML reader" in str(failed.value)  # the --debug traceback


def test_the_watchdog_stops_a_run_that_never_ends() -> None:
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        pytest.skip("no SIGALRM here")
    with pytest.raises(Overran), watchdog(0.05):
        while True:
            pass
