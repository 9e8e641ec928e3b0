"""`prestatiecheck check`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from prestatiecheck.cli.common import (
    CHECK_FORMATS,
    ExitCodesCommand,
    common_options,
    emit,
    finish,
    h,
    output_options,
    render,
    selection_options,
)
from prestatiecheck.cli.history import check_history, history_options, history_path, save_results


def register(cli: click.Group) -> None:
    @cli.command(
        cls=ExitCodesCommand,
        help=h(
            "Toets cijfers aan de afspraken en toon per afspraak, partij en periode het oordeel.",
            "Check figures against the agreements: a verdict per afspraak, party and period.",
        ),
    )
    @click.option(
        "--figures",
        "-f",
        "figures",
        multiple=True,
        required=True,
        type=click.Path(),
        help=h(
            "Cijferbestand (CSV, YAML, XLSX); meerdere keren toegestaan.",
            "Figures file (CSV, YAML, XLSX); may be given several times.",
        ),
    )
    @selection_options
    @output_options((*CHECK_FORMATS, "xlsx"))
    @click.option(
        "--results-json",
        "results_json",
        type=click.Path(dir_okay=False),
        default=None,
        metavar="FILE",
        help=h(
            "Bewaar de resultaten ook in dit bestand, voor 'report --from-results'.",
            "Also save the results to this file, for 'report --from-results'.",
        ),
    )
    @click.option(
        "--jobs",
        "-j",
        "jobs",
        default="1",
        show_default=True,
        callback=parse_jobs,
        metavar="N|auto",
        help=h(
            "Toets de afspraken in N processen tegelijk ('auto': zoveel als er kernen zijn); "
            "de uitvoer is dezelfde.",
            "Check the agreements in N processes at once ('auto': as many as there are cores); "
            "the output is the same.",
        ),
    )
    @history_options
    @common_options
    def check(
        figures: tuple[str, ...],
        agreement: str | None,
        as_of: date,
        parties: tuple[str, ...],
        themes: tuple[str, ...],
        fmt: str,
        output: str | None,
        fail_on: str,
        color: str,
        quiet: bool,
        agreements_index: str | None,
        results_json: str | None = None,
        history: str | None = None,
        no_history: bool = False,
        jobs: int = 1,
        no_national: bool = False,
    ) -> None:
        from prestatiecheck.cli.progress import show_progress
        from prestatiecheck.pipeline import CheckOptions, run_check

        show_progress(stdout_is_output=output is None)
        if fmt == "xlsx" and not output:
            from prestatiecheck.errors import UsageError
            from prestatiecheck.i18n import t

            raise UsageError(t("xlsx_output_required"))
        history_file = history_path(history, no_history, None)
        if history_file is not None:
            check_history(history_file)  # a damaged history: exit 2 before anything is shown
        options = CheckOptions(
            figures=[Path(f) for f in figures],
            agreement=agreement,
            agreements_index=agreements_index,
            as_of=as_of,
            parties=parties,
            themes=themes,
            national=not no_national,
        )
        if fmt == "xlsx" or results_json or history_file is not None:
            # Every result is needed at the end (a workbook, the saved results): kept in memory.
            evaluation = run_check(options)
            for notice in evaluation.notices:
                click.echo(str(notice), err=True)
            emit(render(evaluation, fmt, color=color, quiet=quiet, output=output), output)
            if results_json or history_file is not None:
                save_results(evaluation, themes, parties, results_json, history_file)
            finish(evaluation.counted_statuses(), fail_on)
        from prestatiecheck.streaming import start_check

        streamed = start_check(options, jobs)  # every figure checked: raises before anything is written
        emit(render(streamed, fmt, color=color, quiet=quiet, output=output), output)
        for notice in streamed.notices:  # (complete once the results are: figures no rule read)
            click.echo(str(notice), err=True)
        finish(streamed.tally.counted_statuses(), fail_on)


def parse_jobs(ctx: click.Context, param: click.Parameter, value: str) -> int:
    """--jobs N (a positive number) or 'auto' (the cores this process may use)."""
    text = str(value).strip().lower()
    if text == "auto":
        from prestatiecheck.streaming import usable_cores

        return usable_cores()
    if text.isdigit() and int(text) >= 1:
        return int(text)
    from prestatiecheck.i18n import t

    raise click.BadParameter(t("bad_jobs", value=value))
