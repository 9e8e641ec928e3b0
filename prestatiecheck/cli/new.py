"""`prestatiecheck new`: start a new agreement of your own (rule file, index entry, figures file)."""

from __future__ import annotations

from pathlib import Path

import click

from prestatiecheck.cli.common import common_options, h


def register(cli: click.Group) -> None:
    @cli.command(
        help=h(
            "Begin nieuwe afspraken: schrijft een regelbestand met de kop, de partijen en per soort toets "
            "een voorbeeld in commentaar (DIR/rules/ID.yaml), een regel in DIR/agreements.yaml (nieuw of "
            "aangevuld) en een voorbeeld-cijferbestand (DIR/figures/ID.csv). Overschrijft niets. Gebruik "
            "het daarna met --agreements DIR/agreements.yaml, naast de meegeleverde afspraken.",
            "Start a new agreement: writes a rule file with the head, the parties and a commented example "
            "of each check kind (DIR/rules/ID.yaml), an entry in DIR/agreements.yaml (new or added to) and "
            "an example figures file (DIR/figures/ID.csv). Overwrites nothing. Then use it with "
            "--agreements DIR/agreements.yaml, beside the shipped agreements.",
        )
    )
    @click.argument("agreement_id", metavar="ID")
    @click.option(
        "--municipality",
        required=True,
        help=h("De gemeente, bijvoorbeeld Utrecht.", "The municipality, e.g. Utrecht."),
    )
    @click.option(
        "--party",
        "parties",
        multiple=True,
        metavar="ID=NAAM:ROL",
        help=h(
            "Een partij: id, naam en rol (gemeente, corporatie, huurdersorganisatie); één keer per partij.",
            "A party: id, name and role (gemeente, corporatie, huurdersorganisatie); once per party.",
        ),
    )
    @click.option(
        "--period",
        default=None,
        help=h(
            "De periode (2025 of 2025-2026); standaard de periode waarop het id eindigt.",
            "The period (2025 or 2025-2026); by default the period the id ends with.",
        ),
    )
    @click.option(
        "--dir",
        "directory",
        type=click.Path(file_okay=False),
        default=None,
        help=h(
            "De map van uw eigen afspraken (standaard: die van --agreements of PRESTATIECHECK_AGREEMENTS, "
            "anders hier).",
            "The folder of your own agreements (default: that of --agreements or PRESTATIECHECK_AGREEMENTS, "
            "else here).",
        ),
    )
    @common_options
    def new(
        agreement_id: str,
        municipality: str,
        parties: tuple[str, ...],
        period: str | None,
        directory: str | None,
        agreements_index: str | None,
    ) -> None:
        from prestatiecheck.i18n import t
        from prestatiecheck.scaffold import parse_party, write

        made = write(
            agreement_id,
            municipality,
            [parse_party(p) for p in parties],
            period,
            Path(directory) if directory is not None else None,
            agreements_index,
        )
        for path in (made.rule_file, made.figures_file):
            click.echo(t("new_written", path=path), err=True)
        click.echo(t("new_written" if made.index_created else "new_added", path=made.index_file), err=True)
        click.echo(t("new_next", rules=made.rule_file, index=made.index_file), err=True)
