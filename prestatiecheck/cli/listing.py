"""`prestatiecheck list`."""

from __future__ import annotations

import click

from prestatiecheck.cli import completion
from prestatiecheck.cli.common import (
    common_options,
    emit,
    h,
)


def register(cli: click.Group) -> None:
    @cli.command(
        name="list",
        help=h(
            "Toon de gecodeerde afspraken (één regel per afspraak), met -a ID de regels van die afspraak, "
            "of met --metrics de cijfers die ze nodig hebben.",
            "Show the encoded agreements (one line each), with -a ID the rules of that agreement, "
            "or with --metrics the figures they need.",
        ),
    )
    @click.option(
        "--agreement",
        "-a",
        "agreements",
        multiple=True,
        metavar="ID",
        shell_complete=completion.agreements,
        help=h(
            "Toon de regels van deze afspraken; meerdere keren toegestaan.",
            "Show the rules of these agreements; may be given several times.",
        ),
    )
    @click.option(
        "--metrics",
        "show_metrics",
        is_flag=True,
        help=h(
            "Toon de cijfers (metrics) met betekenis en eenheid.",
            "Show the metrics with their meaning and unit.",
        ),
    )
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "markdown", "json", "audit"]),
        default="table",
        show_default=True,
        help=h(
            "Uitvoerformaat; audit: elke regel met bron, citaat, tabellen en dekking (docs/agreements.md).",
            "Output format; audit: every rule with source, quote, tables and coverage (docs/agreements.md).",
        ),
    )
    @click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False),
        help=h(
            "Schrijf naar dit bestand in plaats van de terminal.",
            "Write to this file instead of the terminal.",
        ),
    )
    @common_options
    def list_(
        agreements: tuple[str, ...],
        show_metrics: bool,
        fmt: str,
        output: str | None,
        agreements_index: str | None,
    ) -> None:
        import sys

        from prestatiecheck.pipeline import load_selected
        from prestatiecheck.rendering import listing
        from prestatiecheck.terminal import width

        catalogue, ids = load_selected(agreements, agreements_index)
        if fmt == "audit":
            from prestatiecheck.pipeline import run_validate
            from prestatiecheck.rendering.audit import document

            outcome = run_validate([], agreement=None, agreements_index=agreements_index)
            warnings = [p for p in outcome.problems if p.severity == "warning"]
            emit(document(catalogue, ids, warnings), output)
            return
        columns = width(sys.stdout) if output is None else 120
        if show_metrics:
            text = listing.metrics(catalogue, ids, fmt, columns)
        elif agreements:
            text = listing.rules(catalogue, ids, fmt, columns)
        else:  # a short overview; `list -a ID` for the rules
            text = listing.overview(catalogue, ids, fmt, columns)
        if output:
            emit(text, output)
        else:
            click.echo(text, nl=False)
