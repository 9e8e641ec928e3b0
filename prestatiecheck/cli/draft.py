"""`prestatiecheck draft`: a draft rule file from an agreement document."""

from __future__ import annotations

from pathlib import Path

import click

from prestatiecheck.cli.common import common_options, emit, h


def register(cli: click.Group) -> None:
    @cli.command(
        help=h(
            "Maak een concept-regelbestand uit een afsprakendocument (.txt, .pdf, .docx): één voorstel "
            "per zin of tabelrij met een toetsbare afspraak (percentage, bedrag, aantal, datum of termijn), "
            "met artikel, letterlijk citaat, soort toets, norm of termijn, genoemde partijen en een 'todo:' "
            "die 'validate' meldt tot iemand hem weghaalt. Zinnen zonder getal of datum worden context.",
            "Make a draft rule file from an agreement document (.txt, .pdf, .docx): one proposal per "
            "sentence or table row holding a checkable promise (percentage, amount, count, date or "
            "deadline), with article, verbatim quote, check kind, threshold or due date, the parties named "
            "and a 'todo:' that 'validate' reports until a person removes it. Sentences without a figure or "
            "date become context.",
        )
    )
    @click.argument("document", type=click.Path(dir_okay=False))
    @click.option(
        "--id",
        "agreement_id",
        default=None,
        help=h(
            "Id van de afspraken (standaard: gemeente en periode uit het document).",
            "Agreement id (default: municipality and period from the document).",
        ),
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
    @click.option(
        "--force", is_flag=True, help=h("Overschrijf een bestaand bestand.", "Overwrite an existing file.")
    )
    @common_options
    def draft(
        document: str, agreement_id: str | None, output: str | None, force: bool, agreements_index: str | None
    ) -> None:
        from prestatiecheck.drafting.writer import draft_file
        from prestatiecheck.errors import UsageError
        from prestatiecheck.i18n import t

        if agreement_id is not None:
            import re

            if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", agreement_id):
                raise UsageError(t("draft_bad_id", id=agreement_id))
        if output is not None and Path(output).exists() and not force:
            raise UsageError(t("draft_exists", path=output))
        made = draft_file(Path(document), agreement_id)
        emit(made.text, output)
        click.echo(t("draft_made", rules=made.rules, context=made.context), err=True)
