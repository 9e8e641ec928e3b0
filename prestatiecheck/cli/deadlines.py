"""`prestatiecheck deadlines`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from prestatiecheck.cli import completion
from prestatiecheck.cli.common import (
    CHECK_FORMATS,
    ExitCodesCommand,
    as_of_option,
    common_options,
    emit,
    finish,
    h,
    national_option,
    output_options,
    render,
)
from prestatiecheck.i18n import t

if TYPE_CHECKING:
    from prestatiecheck.pipeline import DeadlineOptions


def register(cli: click.Group) -> None:
    @cli.command(
        cls=ExitCodesCommand,
        help=h(
            "De agenda: gemiste en naderende termijnen van alle afspraken, eerstvolgende eerst.",
            "The agenda: missed and upcoming deadlines across agreements, soonest first.",
        ),
    )
    @click.option(
        "--within",
        type=click.IntRange(min=0),
        default=60,
        show_default=True,
        help=h(
            "Aantal dagen vooruit (en terug voor gemiste termijnen).",
            "Number of days ahead (and back, for missed deadlines).",
        ),
    )
    @as_of_option
    @click.option(
        "--agreement",
        "-a",
        "agreements",
        multiple=True,
        shell_complete=completion.agreements,
        help=h("Alleen deze afspraken.", "Only these agreements."),
    )
    @click.option(
        "--figures",
        "-f",
        "figures",
        multiple=True,
        type=click.Path(),
        help=h(
            "Cijfers met de datums waarop iets gedaan is.",
            "Figures with the dates on which things were done.",
        ),
    )
    @click.option(
        "--party",
        "-p",
        "parties",
        multiple=True,
        shell_complete=completion.parties,
        help=h("Alleen deze partij (id).", "Only this party (id)."),
    )
    @click.option(
        "--all",
        "include_done",
        is_flag=True,
        help=h("Toon ook termijnen die al gehaald zijn.", "Also show deadlines already met."),
    )
    @click.option(
        "--ics",
        "ics",
        type=click.Path(dir_okay=False),
        default=None,
        metavar="FILE",
        help=h(
            "Schrijf ook een agenda (iCalendar, voor Outlook en Google Agenda) met elke termijn binnen "
            "de looptijd van de afspraken, ook gehaalde en ongeacht --within; met een herinnering "
            "14 dagen vooraf.",
            "Also write a calendar (iCalendar, for Outlook and Google Calendar) with every deadline within "
            "the agreements' periods, including those met and regardless of --within; with a reminder "
            "14 days before.",
        ),
    )
    @national_option
    @output_options(CHECK_FORMATS)
    @common_options
    def deadlines(
        within: int,
        as_of: date,
        agreements: tuple[str, ...],
        figures: tuple[str, ...],
        parties: tuple[str, ...],
        include_done: bool,
        ics: str | None,
        fmt: str,
        output: str | None,
        fail_on: str,
        color: str,
        quiet: bool,
        agreements_index: str | None,
        no_national: bool = False,
    ) -> None:
        from prestatiecheck.pipeline import DeadlineOptions, run_deadlines

        options = DeadlineOptions(
            as_of=as_of,
            within=within,
            agreements=agreements,
            agreements_index=agreements_index,
            figures=[Path(f) for f in figures],
            parties=parties,
            include_done=include_done,
            national=not no_national,
        )
        evaluation = run_deadlines(options)
        if ics:
            write_calendar(options, Path(ics))
        emit(
            render(
                evaluation,
                fmt,
                color=color,
                quiet=quiet,
                output=output,
                title=t("deadlines_title", days=within),
            ),
            output,
        )
        finish(evaluation.counted_statuses(), fail_on)


def write_calendar(options: DeadlineOptions, path: Path) -> None:
    """Every occurrence within the agreements' periods (done or not) as an .ics file, atomically."""
    import dataclasses

    from prestatiecheck.cli.common import PrestatiecheckError
    from prestatiecheck.exitcodes import INVALID
    from prestatiecheck.outputs import write_atomic
    from prestatiecheck.pipeline import run_deadlines
    from prestatiecheck.rendering.ics import calendar

    # run_deadlines keeps what falls within `within` days of the as-of date; occurrences already
    # stop at the agreement's period, so the widest window gives every one of them.
    widest = min((date.max - options.as_of).days, (options.as_of - date.min).days)
    everything = run_deadlines(dataclasses.replace(options, within=widest, include_done=True))
    try:
        write_atomic(path, calendar(everything))
    except OSError as e:
        raise PrestatiecheckError(t("ics_failed", path=path, reason=e.strerror or e), INVALID) from None
    click.echo(t("ics_written", count=len(everything.results), path=path), err=True)
