"""--history / --no-history and --results-json: keeping a run for later reports (check and report)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from prestatiecheck.cli.common import h


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
            "Geschiedenis (JSON Lines): vorige run vergelijken en deze run toevoegen "
            "(report: standaard <output>/history.jsonl).",
            "History store (JSON Lines): compare with the previous run and add this one "
            "(report: default <output>/history.jsonl).",
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
    from prestatiecheck.i18n import t
    from prestatiecheck.reporting import history as store
    from prestatiecheck.reporting import produce, results

    doc = results.build(evaluation, themes=themes, parties=parties)
    if results_json:
        produce.write(Path(results_json), results.dumps(doc))
        click.echo(t("written_to", path=results_json), err=True)
    if history is not None:
        store.read(history)  # read again just before appending: never append to a damaged file
        produce.append_history(history, store.records_for(doc))
        click.echo(t("report_history_written", path=history), err=True)


def check_history(path: Path) -> None:
    """Read the whole history store now, so a damaged line stops the run before it shows anything."""
    from prestatiecheck.reporting import history as store

    store.read(path)
