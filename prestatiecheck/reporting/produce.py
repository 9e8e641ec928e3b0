"""Every requested format for every agreement in a results document, written atomically.

File names are stable and dated: ``<agreement>-<as-of>.<ext>`` in the output folder,
one file per agreement (a bestuurlijk overleg is about one agreement). The texts for
an e-mail (subject, plain text, HTML) are made here too, whether or not those formats
are written to disk.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prestatiecheck.errors import UsageError
from prestatiecheck.i18n import t
from prestatiecheck.model import STATUS_ORDER, Status
from prestatiecheck.rendering import formatting as fmt
from prestatiecheck.rendering.labels import label
from prestatiecheck.reporting import context as report_context
from prestatiecheck.reporting import history as store
from prestatiecheck.reporting import templates

EXTENSIONS = {"html": "html", "md": "md", "txt": "txt", "pdf": "pdf"}


@dataclass(frozen=True, kw_only=True)
class ReportOptions:
    formats: Sequence[str] = ("html",)
    output_dir: Path = Path("reports")
    template_dir: Path | None = None
    agreement: str | None = None  # only this agreement of the document
    history: Path | None = None  # None: no history
    mail_bodies: bool = False  # also make the text and HTML for an e-mail


@dataclass
class Outcome:
    files: list[Path] = field(default_factory=list)
    summary: dict[str, int] = field(default_factory=dict)
    changed: bool = False
    subject: str = ""
    text_body: str = ""
    html_body: str = ""
    history_written: Path | None = None
    results: list[Mapping[str, Any]] = field(default_factory=list)


def file_name(agreement_id: str, as_of: str, fmt_name: str) -> str:
    return f"{agreement_id}-{as_of}.{EXTENSIONS[fmt_name]}"


def selected_agreements(doc: Mapping[str, Any], wanted: str | None) -> list[str]:
    ids = [a["id"] for a in doc["report"]["agreements"]]
    if wanted is None:
        return ids
    if wanted not in ids:
        raise UsageError(t("report_results_agreement", agreement=wanted, known=", ".join(ids)))
    return [wanted]


def produce(doc: Mapping[str, Any], options: ReportOptions) -> Outcome:
    """Render and write; then record the run in the history (once per run id)."""
    ids = selected_agreements(doc, options.agreement)
    runs = store.read(options.history) if options.history is not None else []
    outcome = Outcome()
    htmls: list[str] = []
    texts: list[str] = []
    changed = False
    municipalities: list[str] = []
    for agreement_id in ids:
        previous = (
            store.previous(runs, agreement_id, run=doc["run"], as_of=_as_of(doc)) if options.history else None
        )
        ctx = report_context.build(
            doc, agreement_id, previous=previous, history_used=options.history is not None
        )
        municipalities.append(ctx["agreement"]["municipality"])
        # A first run (nothing to compare with) counts as a change: --mail-on change sends it.
        changed = changed or previous is None or bool(ctx["changes"])
        needed = {"html" if f == "pdf" else f for f in options.formats}
        if options.mail_bodies:
            needed |= {"html", "txt"}
        rendered = {f: templates.render(ctx, f, options.template_dir) for f in sorted(needed)}
        # Everything is rendered before anything is written: a template error writes nothing.
        pdf = templates.pdf(rendered["html"]) if "pdf" in options.formats else b""
        for fmt_name in options.formats:
            target = options.output_dir / file_name(agreement_id, doc["as_of"], fmt_name)
            write(target, pdf if fmt_name == "pdf" else rendered[fmt_name])
            outcome.files.append(target)
        htmls.append(rendered.get("html", ""))
        texts.append(rendered.get("txt", ""))
    outcome.results = [r for r in doc["results"] if r["agreement"] in ids]
    outcome.summary = {s.value: 0 for s in STATUS_ORDER}
    for rec in outcome.results:
        if not rec.get("information"):  # a per-party result of a joint-only afspraak: not counted
            outcome.summary[rec["status"]] += 1
    outcome.changed = changed
    outcome.subject = subject(", ".join(dict.fromkeys(municipalities)), _as_of(doc), outcome.summary)
    outcome.text_body = "\n\n".join(texts)
    outcome.html_body = join_html(htmls)
    if options.history is not None and not store.recorded(runs, doc["run"]):
        records = [r for r in store.records_for(doc) if r["agreement"] in ids]
        append_history(options.history, records)
        outcome.history_written = options.history
    return outcome


def _as_of(doc: Mapping[str, Any]):  # type: ignore[no-untyped-def]
    from datetime import date

    return date.fromisoformat(doc["as_of"])


def subject(municipality: str, as_of: Any, summary: Mapping[str, int]) -> str:
    counts = ", ".join(
        f"{summary.get(s.value, 0)} {label(s)}"
        for s in STATUS_ORDER
        if summary.get(s.value) or s == Status.NOT_MET
    )
    return t("report_mail_subject", municipality=municipality, as_of=fmt.long_date(as_of), counts=counts)


def join_html(documents: Sequence[str]) -> str:
    """Several agreements' HTML reports as one document (for one e-mail): the bodies in a row."""
    if len(documents) <= 1:
        return documents[0] if documents else ""
    first = documents[0]
    head, _, _ = first.partition("<body>")
    bodies = [d.partition("<body>")[2].rpartition("</body>")[0] for d in documents]
    return head + "<body>" + '<hr style="page-break-after:always">'.join(bodies) + "</body>\n</html>\n"


def write(path: Path, data: str | bytes) -> None:
    from prestatiecheck.outputs import write_atomic

    try:
        write_atomic(path, data)
    except OSError as e:
        raise UsageError(t("output_failed", path=str(path), reason=e.strerror or str(e))) from None


def append_history(path: Path, records: Sequence[Mapping[str, Any]]) -> None:
    try:
        store.append(path, records)
    except OSError as e:
        raise UsageError(t("output_failed", path=str(path), reason=e.strerror or str(e))) from None
