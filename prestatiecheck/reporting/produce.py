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
    history_error: str | None = None  # the report is written, but recording it in the history failed
    notes: list[str] = field(default_factory=list)  # for stderr (a history migrated)
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
    """Decide, render, write; then record the run in the history (once per run id).

    Everything that decides something (the summary and so the exit code, what changed and
    so ``--mail-on change``, the history records) is taken from the results document
    before any template runs; templates get a deep copy of their context in Jinja2's
    immutable sandbox, so not even a hostile ``--template-dir`` can change a decision.
    """
    import copy

    ids = selected_agreements(doc, options.agreement)
    outcome = Outcome()
    previous_runs = {}
    if options.history is not None:
        history = open_history(options.history)
        try:
            for agreement_id in ids:
                previous_runs[agreement_id] = history.previous(
                    agreement_id, run=doc["run"], as_of=_as_of(doc)
                )
        finally:
            history.close()
        if history.migrated:
            outcome.notes.append(migrated_note(history.migrated))
    contexts = []
    changed = False
    for agreement_id in ids:
        previous = previous_runs.get(agreement_id)
        ctx = report_context.build(
            doc, agreement_id, previous=previous, history_used=options.history is not None
        )
        # A first run (nothing to compare with) counts as a change: --mail-on change sends it.
        changed = changed or previous is None or bool(ctx["changes"])
        contexts.append((agreement_id, ctx))
    outcome.results = copy.deepcopy([r for r in doc["results"] if r["agreement"] in ids])
    outcome.summary = {s.value: 0 for s in STATUS_ORDER}
    for rec in outcome.results:
        if not rec.get("information"):  # a per-party result of a joint-only afspraak: not counted
            outcome.summary[rec["status"]] += 1
    outcome.changed = changed
    records = (
        [r for r in store.records_for(doc) if r["agreement"] in ids] if options.history is not None else []
    )
    htmls: list[str] = []
    texts: list[str] = []
    municipalities: list[str] = []
    needed = {"html" if f == "pdf" else f for f in options.formats}
    if options.mail_bodies:
        needed |= {"html", "txt"}
    for agreement_id, ctx in contexts:
        municipalities.append(str(ctx["agreement"]["municipality"]))
        rendered = {f: templates.render(copy.deepcopy(ctx), f, options.template_dir) for f in sorted(needed)}
        # Everything is rendered before anything is written: a template error writes nothing.
        pdf = templates.pdf(rendered["html"]) if "pdf" in options.formats else b""
        for fmt_name in options.formats:
            target = options.output_dir / file_name(agreement_id, doc["as_of"], fmt_name)
            write(target, pdf if fmt_name == "pdf" else rendered[fmt_name])
            outcome.files.append(target)
        htmls.append(rendered.get("html", ""))
        texts.append(rendered.get("txt", ""))
    outcome.subject = subject(", ".join(dict.fromkeys(municipalities)), _as_of(doc), outcome.summary)
    outcome.text_body = "\n\n".join(texts)
    outcome.html_body = join_html(htmls)
    if options.history is not None:
        try:
            if store.append(options.history, records):
                outcome.history_written = store.database_path(options.history)
        except store.RecordingFailed as e:
            outcome.history_error = str(e)
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


def open_history(path: Path) -> store.Store:
    """The history, read now (a damaged or foreign store: exit 2 before anything is written)."""
    return store.open_store(path)


def migrated_note(migrated: tuple[Path, Path, int]) -> str:
    from prestatiecheck.loading.resources import display_path

    source, renamed, runs = migrated
    return t("history_migrated", source=display_path(source), runs=runs, renamed=display_path(renamed))
