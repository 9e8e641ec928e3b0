"""The history: `--history`, `--no-history` and `--results-json` (check, report); `prestatiecheck history`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from prestatiecheck.cli.common import h

DEFAULT_HISTORY = Path("reports") / "history.sqlite"


def history_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--history PATH / --no-history (shared by check and report)."""
    func = click.option(
        "--no-history",
        is_flag=True,
        help=h("Schrijf en lees geen geschiedenis.", "Neither write nor read the history."),
    )(func)
    func = click.option(
        "--history",
        "history",
        type=click.Path(dir_okay=False),
        default=None,
        metavar="PATH",
        help=h(
            "Geschiedenis (SQLite-database): vorige run vergelijken en deze run toevoegen "
            "(report: standaard <output>/history.sqlite; een oude history.jsonl wordt eenmalig overgezet).",
            "History store (SQLite database): compare with the previous run and add this one "
            "(report: default <output>/history.sqlite; an old history.jsonl is moved into it once).",
        ),
    )(func)
    return func


def history_path(history: str | None, no_history: bool, default: Path | None) -> Path | None:
    """Where the history is, or None for --no-history (which cannot go with --history)."""
    from prestatiecheck.errors import UsageError
    from prestatiecheck.i18n import t

    if no_history and history:
        raise UsageError(t("report_history_conflict"))
    if no_history:
        return None
    return Path(history) if history else default


def save_results(
    evaluation: Any,
    themes: tuple[str, ...],
    parties: tuple[str, ...],
    results_json: str | None,
    history: Path | None,
) -> None:
    """`check --results-json FILE` and `check --history PATH`: keep this run for reports."""
    from prestatiecheck.errors import DeliveryError, UsageError
    from prestatiecheck.i18n import t
    from prestatiecheck.reporting import history as store
    from prestatiecheck.reporting import produce, results

    doc = results.build(evaluation, themes=themes, parties=parties)
    if results_json:
        produce.write(Path(results_json), results.dumps(doc))
        click.echo(t("written_to", path=results_json), err=True)
    if history is not None:
        try:
            if store.append(history, store.records_for(doc)):
                click.echo(t("report_history_written", path=store.database_path(history)), err=True)
        except store.RecordingFailed as e:
            raise DeliveryError(t("check_history_failed", reason=str(e))) from None
        except OSError as e:  # pragma: no cover - append turns these into RecordingFailed
            raise UsageError(str(e)) from None


def check_history(path: Path) -> None:
    """Open the history now (migrating an old JSON Lines file), so a damaged store stops the run
    before it shows anything."""
    from prestatiecheck.reporting import history as store
    from prestatiecheck.reporting.produce import migrated_note

    opened = store.open_store(path)
    opened.close()
    if opened.migrated:
        click.echo(migrated_note(opened.migrated), err=True)


# --- prestatiecheck history ---------------------------------------------------------------------


def _store_option(func: Callable[..., Any]) -> Callable[..., Any]:
    from prestatiecheck.cli.common import _set_debug, _set_lang

    func = click.option(
        "--debug",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=_set_debug,
        help=h(
            "Toon bij een interne fout de volledige traceback.",
            "Show the full traceback on an internal error.",
        ),
    )(func)
    func = click.option(
        "--lang",
        type=click.Choice(["nl", "en"]),
        default=None,
        is_eager=True,
        expose_value=False,
        callback=_set_lang,
        envvar="PRESTATIECHECK_LANG",
        help=h("Taal van de uitvoer (standaard nl).", "Output language (default nl)."),
    )(func)
    return click.option(
        "--history",
        "history",
        type=click.Path(dir_okay=False),
        default=str(DEFAULT_HISTORY),
        show_default=True,
        metavar="PATH",
        help=h("De geschiedenis (SQLite-database).", "The history store (SQLite database)."),
    )(func)


def _open(history: str) -> Any:
    """The store for a history command: it must exist (or an old history.jsonl beside it)."""
    from prestatiecheck.errors import UsageError
    from prestatiecheck.i18n import t
    from prestatiecheck.loading.resources import display_path
    from prestatiecheck.reporting import history as store
    from prestatiecheck.reporting.produce import migrated_note

    database = store.database_path(Path(history))
    if not database.exists() and not store.legacy_path(database).is_file():
        raise UsageError(t("history_missing", path=display_path(database)))
    opened = store.open_store(Path(history))
    if opened.migrated:
        click.echo(migrated_note(opened.migrated), err=True)
    return opened


def _pick(opened: Any, wanted: str, agreement: str | None) -> list[Any]:
    """The runs (one per agreement) a RUN argument names: a full id or a unique start of one."""
    from prestatiecheck.errors import UsageError
    from prestatiecheck.i18n import t
    from prestatiecheck.loading.resources import display_path
    from prestatiecheck.rendering.safetext import visible_controls

    found = opened.find(wanted.strip())
    if agreement is not None:
        found = [r for r in found if r.agreement.casefold() == agreement.casefold()]
    ids = list(dict.fromkeys(r.run for r in found))
    if not ids:
        known = [r.run[:8] for r in opened.runs()][-5:]
        raise UsageError(
            t(
                "history_run_unknown",
                run=visible_controls(wanted),
                path=display_path(opened.path),
                known=", ".join(known) or "–",
            )
        )
    if len(ids) > 1:
        raise UsageError(t("history_run_ambiguous", run=wanted, matches=", ".join(i[:12] for i in ids)))
    return [opened.load(r) for r in found]


def _agreement_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--agreement",
        "-a",
        default=None,
        help=h("Alleen deze afspraken (id).", "Only this agreement (id)."),
    )(func)


def _output_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--output",
        "-o",
        "output",
        type=click.Path(dir_okay=False),
        default=None,
        help=h(
            "Schrijf naar dit bestand in plaats van naar de terminal.",
            "Write to this file instead of the terminal.",
        ),
    )(func)


def register(cli: click.Group) -> None:
    @cli.group(
        help=h(
            "Bekijk de geschiedenis van runs: list (alle runs), show RUN (één run), diff RUN RUN "
            "(wat veranderde) en export (JSON Lines of CSV). RUN is een run-id of het begin ervan "
            "(minstens 4 tekens).",
            "Look at the history of runs: list (every run), show RUN (one run), diff RUN RUN (what "
            "changed) and export (JSON Lines or CSV). RUN is a run id or its beginning (at least 4 "
            "characters).",
        )
    )
    def history() -> None:
        pass

    @history.command(
        "list",
        help=h("Alle runs in de geschiedenis, oudste eerst.", "Every run in the history, oldest first."),
    )
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "json"]),
        default="table",
        show_default=True,
        help=h("Uitvoerformaat.", "Output format."),
    )
    @_agreement_option
    @_output_option
    @_store_option
    def list_runs(history: str, fmt: str, agreement: str | None, output: str | None) -> None:
        from prestatiecheck.cli.common import emit
        from prestatiecheck.loading.resources import display_path
        from prestatiecheck.rendering import history_views as views

        opened = _open(history)
        try:
            runs = opened.runs()
        finally:
            opened.close()
        if agreement is not None:
            runs = [r for r in runs if r.agreement.casefold() == agreement.casefold()]
        text = views.list_json(runs) if fmt == "json" else views.list_table(runs, display_path(opened.path))
        emit(text, output)

    @history.command(
        "show",
        help=h("Eén run met al zijn resultaten.", "One run with all its results."),
    )
    @click.argument("run")
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "json"]),
        default="table",
        show_default=True,
        help=h("Uitvoerformaat.", "Output format."),
    )
    @_agreement_option
    @_output_option
    @_store_option
    def show(history: str, run: str, fmt: str, agreement: str | None, output: str | None) -> None:
        from prestatiecheck.cli.common import emit
        from prestatiecheck.rendering import history_views as views

        opened = _open(history)
        try:
            runs = _pick(opened, run, agreement)
        finally:
            opened.close()
        emit(views.show_json(runs) if fmt == "json" else views.show_text(runs), output)

    @history.command(
        "diff",
        help=h(
            "Wat veranderde tussen twee runs (per afspraken die in beide staan): status en waarde.",
            "What changed between two runs (per agreement in both): status and value.",
        ),
    )
    @click.argument("before")
    @click.argument("after")
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "json"]),
        default="table",
        show_default=True,
        help=h("Uitvoerformaat.", "Output format."),
    )
    @_agreement_option
    @_output_option
    @_store_option
    def diff(
        history: str, before: str, after: str, fmt: str, agreement: str | None, output: str | None
    ) -> None:
        from prestatiecheck.cli.common import emit
        from prestatiecheck.errors import UsageError
        from prestatiecheck.i18n import t
        from prestatiecheck.rendering import history_views as views

        opened = _open(history)
        try:
            old = {r.agreement: r for r in _pick(opened, before, agreement)}
            new = {r.agreement: r for r in _pick(opened, after, agreement)}
        finally:
            opened.close()
        pairs = [(old[a], new[a]) for a in old if a in new]
        if not pairs:
            raise UsageError(t("history_diff_no_common", before=", ".join(old), after=", ".join(new)))
        emit(views.diff_json(pairs) if fmt == "json" else views.diff_text(pairs), output)

    @history.command(
        "export",
        help=h(
            "De hele geschiedenis als JSON Lines (één run per regel, zoals history.jsonl) of CSV "
            "(één resultaat per regel).",
            "The whole history as JSON Lines (one run per line, as history.jsonl) or CSV (one "
            "result per line).",
        ),
    )
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(["jsonl", "csv"]),
        default="jsonl",
        show_default=True,
        help=h("Uitvoerformaat.", "Output format."),
    )
    @_agreement_option
    @_output_option
    @_store_option
    def export(history: str, fmt: str, agreement: str | None, output: str | None) -> None:
        from prestatiecheck.cli.common import emit
        from prestatiecheck.rendering import history_views as views

        opened = _open(history)
        try:
            runs = [
                opened.load(r)
                for r in opened.runs()
                if agreement is None or r.agreement.casefold() == agreement.casefold()
            ]
        finally:
            opened.close()
        emit("".join(views.export_csv(runs) if fmt == "csv" else views.export_jsonl(runs)), output)
