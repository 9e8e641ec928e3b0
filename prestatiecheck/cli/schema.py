"""`prestatiecheck schema`: the JSON Schema of a file kind, for editors (hover and completion)."""

from __future__ import annotations

import click

from prestatiecheck.cli.common import common_options, emit, h


def register(cli: click.Group) -> None:
    @cli.command(
        help=h(
            "Schrijf het JSON Schema (draft 2020-12) van een soort bestand, met beschrijving (Nederlands "
            "en Engels), voorbeeld en toegestane waarden per sleutel, voor de editor.",
            "Write the JSON Schema (draft 2020-12) of a file kind, with a description (Dutch and "
            "English), an example and the allowed values of every key, for an editor.",
        )
    )
    @click.argument(
        "kind",
        type=click.Choice(["rule-file", "figures", "agreements", "metrics"]),
        default="rule-file",
        required=False,
    )
    @click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False),
        default=None,
        help=h(
            "Schrijf naar dit bestand (standaard: de terminal).",
            "Write to this file (default: the terminal).",
        ),
    )
    @common_options
    def schema(kind: str, output: str | None, agreements_index: str | None) -> None:
        from prestatiecheck.editorschema import editor_schema_text

        emit(editor_schema_text(kind), output)
