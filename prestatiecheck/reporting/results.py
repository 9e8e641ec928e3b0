"""The results document: what a report needs, saved as JSON so it can be rendered again later.

It is the JSON document of ``check --format json`` (``rendering.json_output``) plus a
``report`` block with what that contract leaves out: the agreements' parties, rule
files, rules (trekker, article) and context items, the selection, and every shown
text in both languages, so that ``report --from-results --lang en`` needs no
re-evaluation. ``kind`` and ``version`` tell a results file from any other JSON.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from prestatiecheck.errors import InputError
from prestatiecheck.evaluation import Evaluation, select_rules
from prestatiecheck.i18n import LANGUAGES, get_language, set_language, t
from prestatiecheck.loading.resources import display_path
from prestatiecheck.model import Agreement, Location, Problem, Status

KIND = "prestatiecheck-results"
VERSION = 1
TEXT_KEYS = ("status_label", "value_text", "norm_text", "message", "party_name")


@contextlib.contextmanager
def language(lang: str) -> Iterator[None]:
    before = get_language()
    set_language(lang)
    try:
        yield
    finally:
        set_language(before)


def _agreement_block(agreement: Agreement, themes: Sequence[str], parties: Sequence[str]) -> dict[str, Any]:
    selected = select_rules(agreement, themes or None)
    if parties:
        selected = [r for r in selected if set(r.trekker) & set(parties) or not r.trekker]
    return {
        "id": agreement.id,
        "title": agreement.title,
        "municipality": agreement.municipality,
        "period": agreement.period.label,
        "signed": agreement.signed.isoformat() if agreement.signed else None,
        "source": agreement.source,
        "rule_file": display_path(agreement.file),
        # what the report's footer names: the file and its content, not where it is installed
        "rule_file_name": agreement.file.name,
        "rule_file_sha256": _sha256(agreement.file),
        "rule_file_shipped": _shipped(agreement.file),
        "parties": [{"id": p.id, "name": p.name, "role": p.role} for p in agreement.parties],
        "rules": [
            {
                "id": r.id,
                "ref": r.ref,
                "title": r.title,
                "theme": r.theme,
                "kind": r.kind,
                "reading": r.reading,
                "joint_only": r.joint_only,
                "trekker": list(r.trekker),
                "article": r.source.article,
                "document": r.source.document,
            }
            for r in selected
        ],
        "context": [
            {
                "ref": c.ref,
                "title": c.title,
                "theme": c.theme,
                "quote": c.quote,
                "note": c.note,
                "note_en": c.note_en,
            }
            for c in agreement.context
            if not themes or c.theme.casefold() in {x.casefold() for x in themes}
        ],
    }


def _shipped(path: Path) -> bool:
    from prestatiecheck.loading.resources import PACKAGED_INDEX

    # a file in the shipped rules folder (in a checkout data/rules links to rules/)
    try:
        return path.resolve().is_relative_to((PACKAGED_INDEX.parent / "rules").resolve())
    except OSError:
        return False


def _sha256(path: Path) -> str | None:
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def build(
    evaluation: Evaluation, *, themes: Sequence[str] = (), parties: Sequence[str] = ()
) -> dict[str, Any]:
    """The results document of one run (every result, whatever --quiet says)."""
    from prestatiecheck.rendering.json_output import document
    from prestatiecheck.rendering.options import RenderOptions

    doc: dict[str, Any] = {"kind": KIND, "version": VERSION, "run": uuid.uuid4().hex}
    doc.update(document(evaluation, RenderOptions()))
    texts: dict[str, list[dict[str, Any]]] = {}
    for lang in LANGUAGES:
        records: list[dict[str, Any]]
        if lang == doc["language"]:
            records = doc["results"]
        else:
            with language(lang):
                records = document(evaluation, RenderOptions())["results"]  # type: ignore[assignment]
        texts[lang] = [{k: rec[k] for k in TEXT_KEYS} for rec in records]
    doc["report"] = {
        "selection": {"themes": list(themes), "parties": list(parties)},
        "agreements_index": display_path(evaluation.catalogue.index_file),
        "agreements": [_agreement_block(a, themes, parties) for a in evaluation.agreements],
        "texts": texts,
    }
    # The national rule set applied to the agreements' corporations (its results name the
    # agreement they were applied to in ``applies_to``): its rules, every corporation.
    law = evaluation.catalogue.national
    checked = {a.id for a in evaluation.agreements}
    if law is not None and law.id not in checked and any(r["agreement"] == law.id for r in doc["results"]):
        doc["report"]["national"] = _agreement_block(evaluation.catalogue.agreements[law.id], themes, ())
    return doc


def dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def save(doc: dict[str, Any], path: Path) -> None:
    from prestatiecheck.outputs import write_atomic

    write_atomic(path, dumps(doc))


def _problem(path: Path, message: str, line: int = 0, col: int = 0) -> InputError:
    return InputError([Problem(Location(display_path(path), line, col), message)])


def load(path: Path) -> dict[str, Any]:
    """Read a results file; anything broken or foreign is an InputError naming the file (exit 2)."""
    from prestatiecheck.loading.textfile import Unreadable, read_text

    try:
        text = read_text(path, display=display_path(path))
    except Unreadable as e:
        raise InputError([e.problem]) from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise _problem(path, t("report_results_not_json", reason=e.msg), e.lineno, e.colno) from None
    if not isinstance(doc, dict) or doc.get("kind") != KIND:
        raise _problem(path, t("report_results_foreign"))
    if doc.get("version") != VERSION:
        raise _problem(path, t("report_results_version", version=doc.get("version"), expected=VERSION))
    problems = shape_problems(doc)
    if problems:
        raise InputError([Problem(Location(display_path(path)), message) for message in problems])
    return doc


# --- the shape of a results document ----------------------------------------------------------------
# Everything the report reads, with its type: a damaged or hand-edited file is refused with the
# path of what is wrong ("results[3].status"), never a crash or a blame on the template. Fields
# that later versions of prestatiecheck added to version 1 are optional (older files lack them).

_TEXT = {"type": "string"}
_OPTIONAL_TEXT = {"type": ["string", "null"]}
_NUMBER_OR_DATE = {"type": ["number", "string", "null"]}
_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_TEXT_LIST = {"type": "array", "items": _TEXT}

RESULT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": [
        "rule", "agreement", "ref", "title", "theme", "kind", "source", "party", "project", "period",
        "status", "value", "provisional", "notes",
    ],
    "properties": {
        **{k: _TEXT for k in ("rule", "agreement", "ref", "title", "theme", "kind", "period")},
        **{k: _TEXT for k in ("party_name", "status_label", "value_text", "norm_text", "message", "unit")},
        **{k: _OPTIONAL_TEXT for k in ("party", "project", "bound", "obligation", "reading")},
        "status": {"enum": [s.value for s in Status]},
        "source": {
            "type": "object",
            "required": ["article"],
            "properties": {"article": _TEXT, "document": _OPTIONAL_TEXT},
        },
        **{k: _NUMBER_OR_DATE for k in ("value", "limit", "target", "expected")},
        **{k: {"type": ["number", "null"]} for k in ("margin", "numerator", "denominator", "days_late",
                                                        "days_left", "years_reported", "years")},
        "band": {"type": ["array", "null"], "items": _NUMBER_OR_DATE},
        "provisional": {"type": "boolean"},
        "information": {"type": "boolean"},
        "due": _DATE,
        "notes": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["note"],
                "properties": {"party": _OPTIONAL_TEXT, "note": _TEXT},
            },
        },
        "missing": {"type": "array", "items": {"type": "object"}},
    },
    # A date (a deadline's evidence) is an ISO text; every other figure is a number: charts and
    # progress bars compute with it.
    "if": {"required": ["unit"], "properties": {"unit": {"const": "date"}}},
    "then": {"properties": {k: {"anyOf": [_DATE, {"type": "null"}]} for k in ("value", "limit")}},
    "else": {
        "properties": {
            **{k: {"type": ["number", "null"]} for k in ("value", "limit", "target", "expected")},
            "band": {"type": ["array", "null"], "items": {"type": "number"}},
        }
    },
}  # fmt: skip

AGREEMENT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id", "title", "municipality", "period", "parties", "rules", "rule_file"],
    "properties": {
        **{k: _TEXT for k in ("id", "title", "municipality", "period", "rule_file")},
        "source": _OPTIONAL_TEXT,
        # the footer's name and content hash of the rule file (absent in files saved before them)
        "rule_file_name": _OPTIONAL_TEXT,
        "rule_file_sha256": _OPTIONAL_TEXT,
        "rule_file_shipped": {"type": ["boolean", "null"]},
        "signed": {"anyOf": [_DATE, {"type": "null"}]},
        "parties": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "name", "role"],
                "properties": {"id": _TEXT, "name": _TEXT, "role": _TEXT},
            },
        },
        "rules": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "ref", "title", "theme", "trekker", "article"],
                "properties": {
                    **{k: _TEXT for k in ("id", "ref", "title", "theme", "kind", "article")},
                    "document": _OPTIONAL_TEXT,
                    "trekker": _TEXT_LIST,
                },
            },
        },
        "context": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["ref", "title", "theme", "quote"],
                "properties": {
                    **{k: _TEXT for k in ("ref", "title", "theme")},
                    **{k: _OPTIONAL_TEXT for k in ("quote", "note", "note_en")},
                },
            },
        },
    },
}

_SHOWN = {
    "type": "array",
    "items": {"type": "object", "required": list(TEXT_KEYS), "properties": {k: _TEXT for k in TEXT_KEYS}},
}

SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["run", "as_of", "results", "report"],
    "properties": {
        "run": {"type": "string", "minLength": 1},
        "as_of": _DATE,
        "prestatiecheck": _TEXT,
        "figures_files": _TEXT_LIST,
        "results": {"type": "array", "items": RESULT_SCHEMA},
        "report": {
            "type": "object",
            "required": ["agreements", "texts"],
            "properties": {
                "agreements_index": _OPTIONAL_TEXT,
                "agreements": {"type": "array", "items": AGREEMENT_SCHEMA},
                "national": AGREEMENT_SCHEMA,
                "texts": {
                    "type": "object",
                    "required": list(LANGUAGES),
                    "properties": {lang: _SHOWN for lang in LANGUAGES},
                },
                "selection": {
                    "type": "object",
                    "properties": {"themes": _TEXT_LIST, "parties": _TEXT_LIST},
                },
            },
        },
    },
}

MAX_PROBLEMS = 10


def _order(part: Any) -> tuple[int, int, str]:
    return (0, part, "") if isinstance(part, int) else (1, 0, str(part))


def _where(path: Sequence[Any]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(document)"


def _type_words(expected: Any) -> str:
    names = expected if isinstance(expected, list) else [expected]
    return t("results_or").join(t(f"results_type_{name}") for name in names)


def _shown_value(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _message(error: Any) -> list[str]:
    path = list(error.absolute_path)
    where = _where(path)
    kind = error.validator
    if kind == "required":
        present = error.instance if isinstance(error.instance, dict) else {}
        return [
            t("results_key_missing", path=_where([*path, key]))
            for key in error.validator_value
            if key not in present
        ]
    if kind == "type":
        return [
            t("results_key_type", path=where, expected=_type_words(error.validator_value),
              value=_shown_value(error.instance))
        ]  # fmt: skip
    if kind == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value)
        return [t("results_key_value", path=where, value=_shown_value(error.instance), allowed=allowed)]
    if kind in ("pattern", "anyOf"):
        return [t("results_key_date", path=where, value=_shown_value(error.instance))]
    return [f"{where}: {error.message}"]


def shape_problems(doc: dict[str, Any]) -> list[str]:
    """What is wrong with a results document, each with its path; [] when the report can read it."""
    from jsonschema import Draft202012Validator

    found: list[str] = []
    validator = Draft202012Validator(SCHEMA)
    errors = sorted(validator.iter_errors(doc), key=lambda e: [_order(p) for p in e.absolute_path])
    for error in errors:
        for message in _message(error):
            if message not in found:
                found.append(message)
    if not found:
        found = _consistency(doc)
    if len(found) > MAX_PROBLEMS:
        found = [*found[:MAX_PROBLEMS], t("results_more_problems", count=len(found) - MAX_PROBLEMS)]
    return [t("report_results_incomplete", reason=m) for m in found]


def _consistency(doc: dict[str, Any]) -> list[str]:
    """What the types cannot say: real dates, texts for every result, results of a known agreement."""
    found = []
    for where, text in [("as_of", doc["as_of"])] + [
        (f"results[{i}].due", rec["due"]) for i, rec in enumerate(doc["results"]) if "due" in rec
    ]:
        try:
            date.fromisoformat(text)
        except ValueError:
            found.append(t("results_key_date", path=where, value=_shown_value(text)))
    for lang in LANGUAGES:
        texts = doc["report"]["texts"][lang]
        if len(texts) != len(doc["results"]):
            found.append(
                t(
                    "results_texts_count",
                    path=f"report.texts.{lang}",
                    count=len(texts),
                    results=len(doc["results"]),
                )
            )
    ids = [a["id"] for a in doc["report"]["agreements"]]
    if doc["report"].get("national") is not None:  # the national rule set applied to their corporations
        ids.append(doc["report"]["national"]["id"])
    for i, rec in enumerate(doc["results"]):
        if rec["agreement"] not in ids:
            found.append(
                t("results_agreement_unknown", path=f"results[{i}].agreement", agreement=rec["agreement"],
                  known=", ".join(ids) or "–")
            )  # fmt: skip
    return found
