"""`prestatiecheck explain`."""

from __future__ import annotations

import click

from prestatiecheck.cli import completion
from prestatiecheck.cli.common import (
    common_options,
    h,
)


def register(cli: click.Group) -> None:
    @cli.command(
        help=h(
            "Leg één regel uit: bron, citaat, norm en de cijfers die nodig zijn.",
            "Explain one rule: source, quote, threshold and the figures it needs.",
        )
    )
    @click.argument("rule_id", metavar=h("REGEL", "RULE"), shell_complete=completion.rules)
    @common_options
    def explain(rule_id: str, agreements_index: str | None) -> None:
        from prestatiecheck.pipeline import find_rule
        from prestatiecheck.rendering import listing

        catalogue, rule = find_rule(rule_id, agreements_index)
        click.echo(listing.explain(catalogue, rule), nl=False)
