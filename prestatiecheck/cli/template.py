"""`prestatiecheck template`: a fill-in file with exactly the figures an agreement's rules need."""

from __future__ import annotations

from pathlib import Path

import click

from prestatiecheck.cli import completion
from prestatiecheck.cli.common import common_options, emit, h, national_option

_SUFFIXES = {".xlsx": "xlsx", ".csv": "csv", ".yaml": "yaml", ".yml": "yaml"}


def register(cli: click.Group) -> None:
    @cli.command(
        help=h(
            "Maak een invulbestand met precies de cijfers die de regels van een afspraak nodig hebben "
            "(per periode en partij, met uitleg); ingevuld gaat het zo naar 'check'.",
            "Write a fill-in file with exactly the figures an agreement's rules need (per period and "
            "party, explained); once filled in, 'check' reads it as it is.",
        )
    )
    @click.option(
        "--agreement",
        "-a",
        required=True,
        shell_complete=completion.agreements,
        help=h("Id van de afspraken.", "Agreement id."),
    )
    @click.option(
        "--period",
        default=None,
        metavar=h("PERIODE", "PERIOD"),
        help=h(
            "Alleen deze periode: 2026, 2026-H1, 2026-Q3 of 2026-2027 (standaard de hele looptijd).",
            "Only this period: 2026, 2026-H1, 2026-Q3 or 2026-2027 (default the whole term).",
        ),
    )
    @click.option(
        "--party",
        "-p",
        default=None,
        shell_complete=completion.parties,
        help=h(
            "Alleen de cijfers van deze partij (id); zonder: alle partijen en de gezamenlijke cijfers.",
            "Only this party's figures (id); without: every party and the joint figures.",
        ),
    )
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(["xlsx", "csv", "yaml"]),
        default=None,
        help=h(
            "Bestandsformaat (standaard: volgens de extensie van --output, anders xlsx).",
            "File format (default: by the extension of --output, else xlsx).",
        ),
    )
    @click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False),
        default=None,
        help=h(
            "Schrijf naar dit bestand (xlsx standaard: invulbestand-AFSPRAAK[-PERIODE][-PARTIJ].xlsx; "
            "csv en yaml standaard naar de terminal).",
            "Write to this file (xlsx default: template-AGREEMENT[-PERIOD][-PARTY].xlsx; csv and yaml "
            "default to the terminal).",
        ),
    )
    @click.option(
        "--force",
        is_flag=True,
        help=h("Overschrijf een bestaand bestand.", "Overwrite an existing file."),
    )
    @national_option
    @common_options
    def template(
        agreement: str,
        period: str | None,
        party: str | None,
        fmt: str | None,
        output: str | None,
        force: bool,
        agreements_index: str | None,
        no_national: bool = False,
    ) -> None:
        from prestatiecheck.errors import UsageError
        from prestatiecheck.i18n import t
        from prestatiecheck.templating import default_filename, make_template, render

        # The file's extension and its format agree: '-o t.csv' never holds a workbook.
        implied = _SUFFIXES.get(Path(output).suffix.lower()) if output is not None else None
        if fmt is None:
            fmt = implied or "xlsx"
        elif implied is not None and implied != fmt:
            raise UsageError(
                t(
                    "template_format_mismatch",
                    path=output,
                    suffix=Path(str(output)).suffix,
                    implied=implied,
                    fmt=fmt,
                )
            )
        made = make_template(
            agreement, agreements_index=agreements_index, period=period, party=party, national=not no_national
        )
        if output is None and fmt == "xlsx":
            output = default_filename(made, fmt)
        if output is not None and Path(output).exists() and not force:
            raise UsageError(t("template_exists", path=output))
        emit(render(made, fmt), output)
        if output is not None:
            click.echo(t("template_written", rows=len(made.rows), rules=len(made.rules)), err=True)
