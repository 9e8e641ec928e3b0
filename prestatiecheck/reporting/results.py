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

    # the same file as the one shipped under that name (in a checkout data/ links to rules/)
    try:
        return (PACKAGED_INDEX.parent / "rules" / path.name).resolve() == path.resolve()
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
    try:
        _check_shape(doc)
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise _problem(path, t("report_results_incomplete", reason=_reason(e))) from None
    return doc


def _reason(e: Exception) -> str:
    return f"'{e.args[0]}'" if isinstance(e, KeyError) else str(e)


def _check_shape(doc: dict[str, Any]) -> None:
    """Everything the report reads must be there with the right type; fail on the first gap."""
    date.fromisoformat(doc["as_of"])
    results = doc["results"]
    report = doc["report"]
    if not isinstance(results, list):
        raise TypeError("results")
    statuses = {s.value for s in Status}
    for rec in results:
        for key in ("rule", "agreement", "ref", "title", "theme", "kind", "period", "status", "source"):
            rec[key]  # noqa: B018 -- presence check
        if rec["status"] not in statuses:
            raise ValueError(f"status '{rec['status']}'")
    for lang in LANGUAGES:
        texts = report["texts"][lang]
        if len(texts) != len(results):
            raise ValueError(f"texts/{lang}")
        for shown in texts:
            for key in TEXT_KEYS:
                if not isinstance(shown[key], str):
                    raise TypeError(key)
    ids = {a["id"] for a in report["agreements"]}
    for agreement in report["agreements"]:
        for key in ("title", "municipality", "period", "parties", "rules", "context", "rule_file"):
            agreement[key]  # noqa: B018
    for rec in results:
        if rec["agreement"] not in ids:
            raise ValueError(f"agreement '{rec['agreement']}'")
    if not isinstance(doc.get("figures_files", []), list):
        raise TypeError("figures_files")
