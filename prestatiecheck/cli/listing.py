"""`prestatiecheck list`."""

from __future__ import annotations

import click

from prestatiecheck.cli.common import (
    common_options,
    h,
)


def register(cli: click.Group) -> None:
    @cli.command(
        name="list",
        help=h(
            "Toon de gecodeerde afspraken en regels, of met --metrics de cijfers die ze nodig hebben.",
            "Show the encoded agreements and rules, or with --metrics the figures they need.",
        ),
    )
    @click.option(
        "--agreement",
        "-a",
        "agreements",
        multiple=True,
        help=h("Alleen deze afspraken.", "Only these agreements."),
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
        type=click.Choice(["table", "markdown", "json"]),
        default="table",
        show_default=True,
        help=h("Uitvoerformaat.", "Output format."),
    )
    @common_options
    def list_(
        agreements: tuple[str, ...], show_metrics: bool, fmt: str, agreements_index: str | None
    ) -> None:
        from prestatiecheck.pipeline import load_selected
        from prestatiecheck.rendering import listing

        catalogue, ids = load_selected(agreements, agreements_index)
        if show_metrics:
            click.echo(listing.metrics(catalogue, ids, fmt), nl=False)
        else:
            click.echo(listing.rules(catalogue, ids, fmt), nl=False)
