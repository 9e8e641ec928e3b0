"""`prestatiecheck deadlines`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from prestatiecheck.cli.common import (
    CHECK_FORMATS,
    as_of_option,
    common_options,
    emit,
    exit_codes_help,
    finish,
    h,
    output_options,
    render,
)
from prestatiecheck.i18n import t


def register(cli: click.Group) -> None:
    @cli.command(
        help=h(
            "De agenda: gemiste en naderende termijnen van alle afspraken, eerstvolgende eerst.",
            "The agenda: missed and upcoming deadlines across agreements, soonest first.",
        )
        + "\n\n"
        + exit_codes_help()
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
        "--party", "-p", "parties", multiple=True, help=h("Alleen deze partij (id).", "Only this party (id).")
    )
    @click.option(
        "--all",
        "include_done",
        is_flag=True,
        help=h("Toon ook termijnen die al gehaald zijn.", "Also show deadlines already met."),
    )
    @output_options(CHECK_FORMATS)
    @common_options
    def deadlines(
        within: int,
        as_of: date,
        agreements: tuple[str, ...],
        figures: tuple[str, ...],
        parties: tuple[str, ...],
        include_done: bool,
        fmt: str,
        output: str | None,
        fail_on: str,
        color: str,
        quiet: bool,
        agreements_index: str | None,
    ) -> None:
        from prestatiecheck.pipeline import DeadlineOptions, run_deadlines

        evaluation = run_deadlines(
            DeadlineOptions(
                as_of=as_of,
                within=within,
                agreements=agreements,
                agreements_index=agreements_index,
                figures=[Path(f) for f in figures],
                parties=parties,
                include_done=include_done,
            )
        )
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
        finish(evaluation.results, fail_on)
