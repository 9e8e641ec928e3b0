"""`prestatiecheck validate`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from prestatiecheck import exitcodes
from prestatiecheck.cli import completion
from prestatiecheck.cli.common import (
    common_options,
    h,
)
from prestatiecheck.i18n import t


def register(cli: click.Group) -> None:
    @cli.command(
        help=h(
            "Controleer agreements.yaml, alle regelbestanden en de opgegeven cijferbestanden; "
            "meldt elk probleem als bestand:regel:kolom: melding. Exitcode 2 bij een fout.",
            "Validate agreements.yaml, every rule file and the figures files given; reports "
            "every problem as file:line:col: message. Exit code 2 on any error.",
        )
    )
    @click.argument("paths", nargs=-1, type=click.Path())
    @click.option(
        "--agreement",
        "-a",
        default=None,
        shell_complete=completion.agreements,
        help=h("Afspraken waarbij de cijferbestanden horen.", "The agreement the figures files belong to."),
    )
    @click.option(
        "--strict-warnings",
        is_flag=True,
        help=h(
            "Ook waarschuwingen (tegenstrijdigheden in de documenten) geven exitcode 2.",
            "Warnings (inconsistencies in the documents) also give exit code 2.",
        ),
    )
    @common_options
    def validate(
        paths: tuple[str, ...], agreement: str | None, strict_warnings: bool, agreements_index: str | None
    ) -> None:
        from prestatiecheck.pipeline import run_validate

        outcome = run_validate(
            [Path(p) for p in paths], agreement=agreement, agreements_index=agreements_index
        )
        for problem in outcome.problems:
            click.echo(str(problem))
        errors_count = sum(1 for p in outcome.problems if p.severity == "error")
        warnings_count = len(outcome.problems) - errors_count
        click.echo(
            t("validate_summary", files=outcome.files, errors=errors_count, warnings=warnings_count), err=True
        )
        if errors_count or (strict_warnings and warnings_count):
            sys.exit(exitcodes.INVALID)
        sys.exit(exitcodes.OK)
