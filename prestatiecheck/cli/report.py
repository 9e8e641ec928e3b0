"""`prestatiecheck report`: the report for the bestuurlijk overleg, as HTML, Markdown, text or PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from prestatiecheck.cli.common import FAIL_ON, ExitCodesCommand, common_options, finish, h, selection_options
from prestatiecheck.cli.history import history_options, history_path
from prestatiecheck.delivery import MAIL_ON

REPORT_FORMATS = ("html", "md", "txt", "pdf")


def mail_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """--mail-to, --mail-on, --dry-run and --mail-config; read them back with MailRequest.from_options."""
    f = click.option(
        "--mail-config",
        "mail_config",
        type=click.Path(dir_okay=False),
        default=None,
        metavar="FILE",
        help=h(
            "SMTP-instellingen uit dit bestand (INI met sectie [smtp], of YAML): host, port, user, "
            "password, from, security, timeout, cafile. Vult de PRESTATIECHECK_SMTP_*-variabelen aan en gaat "
            "daarvoor. Houd het bestand privé (chmod 600).",
            "SMTP settings from this file (INI with an [smtp] section, or YAML): host, port, user, "
            "password, from, security, timeout, cafile. Fills in and overrides the PRESTATIECHECK_SMTP_* "
            "variables. Keep the file private (chmod 600).",
        ),
    )(f)
    f = click.option(
        "--dry-run",
        "dry_run",
        is_flag=True,
        help=h(
            "Verstuur niets: schrijf het e-mailbericht als .eml-bestand naast het rapport.",
            "Send nothing: write the e-mail message as an .eml file beside the report.",
        ),
    )(f)
    f = click.option(
        "--mail-on",
        "mail_on",
        type=click.Choice(MAIL_ON),
        default=None,
        help=h(
            "Wanneer mailen: always (altijd, standaard), at_risk (iets vraagt aandacht of is niet "
            "voldaan), not_met (iets is niet voldaan), change (iets is veranderd sinds de vorige run).",
            "When to send: always (the default), at_risk (something is at risk or not met), "
            "not_met (something is not met), change (something changed since the previous run).",
        ),
    )(f)
    f = click.option(
        "--mail-to",
        "mail_to",
        multiple=True,
        metavar="ADDR",
        help=h(
            "Mail het rapport naar dit adres (mag vaker). SMTP-instellingen uit de omgeving "
            "(PRESTATIECHECK_SMTP_HOST, _PORT, _USER, _PASSWORD, _FROM, _SECURITY=starttls|ssl|none) "
            "of --mail-config; een wachtwoord nooit op de opdrachtregel.",
            "E-mail the report to this address (repeatable). SMTP settings from the environment "
            "(PRESTATIECHECK_SMTP_HOST, _PORT, _USER, _PASSWORD, _FROM, _SECURITY=starttls|ssl|none) "
            "or --mail-config; never a password on the command line.",
        ),
    )(f)
    return f


def register(cli: click.Group) -> None:
    @cli.command(
        cls=ExitCodesCommand,
        help=h(
            "Maak het rapport voor het bestuurlijk overleg (HTML, Markdown, tekst, PDF): samenvatting, "
            "agendapunten, resultaten per thema, termijnen, wat ontbreekt en wat veranderde. "
            "Bestanden: <output>/<afspraken>-<peildatum>.<ext>, één per afspraken.",
            "Make the report for the bestuurlijk overleg (HTML, Markdown, text, PDF): summary, "
            "agenda items, results per theme, deadlines, what is missing and what changed. "
            "Files: <output>/<agreement>-<as-of>.<ext>, one per agreement.",
        ),
    )
    @click.option(
        "--figures",
        "-f",
        "figures",
        multiple=True,
        type=click.Path(),
        help=h(
            "Cijferbestand (CSV, YAML, XLSX); meerdere keren toegestaan.",
            "Figures file (CSV, YAML, XLSX); may be given several times.",
        ),
    )
    @click.option(
        "--from-results",
        "from_results",
        type=click.Path(dir_okay=False),
        default=None,
        metavar="FILE",
        help=h(
            "Maak het rapport uit resultaten die 'check --results-json' bewaarde, zonder opnieuw te toetsen.",
            "Render from results saved by 'check --results-json', without evaluating again.",
        ),
    )
    @selection_options
    @click.option(
        "--format",
        "formats",
        type=click.Choice(REPORT_FORMATS),
        multiple=True,
        help=h(
            "Formaat; meerdere keren toegestaan (standaard html).",
            "Format; may be given several times (default html).",
        ),
    )
    @click.option(
        "--output",
        "-o",
        "output",
        type=click.Path(file_okay=False),
        default="reports",
        show_default=True,
        help=h("Map voor de rapporten.", "Folder for the reports."),
    )
    @click.option(
        "--template-dir",
        type=click.Path(exists=True, file_okay=False),
        default=None,
        help=h(
            "Eigen sjablonen (report.html.j2, report.md.j2, report.txt.j2, report.css); ontbrekende "
            "komen uit het pakket. Ze draaien in de sandbox van Jinja2.",
            "Your own templates (report.html.j2, report.md.j2, report.txt.j2, report.css); missing ones "
            "come from the package. They run in Jinja2's sandbox.",
        ),
    )
    @history_options
    @click.option(
        "--fail-on",
        type=click.Choice(FAIL_ON),
        default="never",
        show_default=True,
        help=h(
            "Vanaf welke status de exitcode 1 is (standaard: nooit; het rapport is het product).",
            "The status from which the exit code is 1 (default: never; the report is the product).",
        ),
    )
    @mail_options
    @common_options
    @click.pass_context
    def report(ctx: click.Context, **kwargs: Any) -> None:
        from prestatiecheck.cli.progress import show_progress
        from prestatiecheck.errors import UsageError
        from prestatiecheck.i18n import t
        from prestatiecheck.reporting import produce, results

        show_progress(stdout_is_output=False)  # the report goes to files

        mail = None
        if "mail_to" in kwargs:
            from prestatiecheck.delivery.mail import MailRequest

            mail = MailRequest.from_options(kwargs)
            if mail is not None:
                mail.settings()  # bad SMTP settings: exit 2 before anything is written
        figures: tuple[str, ...] = kwargs["figures"]
        from_results: str | None = kwargs["from_results"]
        output = Path(kwargs["output"])
        if figures and from_results:
            raise UsageError(t("report_source_both"))
        if from_results:
            for name, option in (("as_of", "--as-of"), ("parties", "--party"), ("themes", "--theme")):
                if ctx.get_parameter_source(name) != click.core.ParameterSource.DEFAULT:
                    raise UsageError(t("report_from_results_option", option=option))
            doc = results.load(Path(from_results))
        elif figures:
            from prestatiecheck.pipeline import CheckOptions, run_check

            evaluation = run_check(
                CheckOptions(
                    figures=[Path(f) for f in figures],
                    agreement=kwargs["agreement"],
                    agreements_index=kwargs["agreements_index"],
                    as_of=kwargs["as_of"],
                    parties=kwargs["parties"],
                    themes=kwargs["themes"],
                    national=not kwargs["no_national"],
                )
            )
            for notice in evaluation.notices:
                click.echo(str(notice), err=True)
            doc = results.build(evaluation, themes=kwargs["themes"], parties=kwargs["parties"])
        else:
            raise UsageError(t("report_source_required"))
        outcome = produce.produce(
            doc,
            produce.ReportOptions(
                formats=tuple(dict.fromkeys(kwargs["formats"] or ("html",))),
                output_dir=output,
                template_dir=Path(kwargs["template_dir"]) if kwargs["template_dir"] else None,
                agreement=kwargs["agreement"] if from_results else None,
                history=history_path(kwargs["history"], kwargs["no_history"], output / "history.sqlite"),
                mail_bodies=mail is not None,
            ),
        )
        for note in outcome.notes:
            click.echo(note, err=True)
        for path in outcome.files:
            click.echo(t("written_to", path=path), err=True)
        if outcome.history_written:
            click.echo(t("report_history_written", path=outcome.history_written), err=True)
        failures: list[str] = []
        if outcome.history_error:  # the report is written: still send it, then exit 3
            files = ", ".join(str(p) for p in outcome.files) or "–"
            failures.append(t("report_history_failed", files=files, reason=outcome.history_error))
        if mail is not None:
            from prestatiecheck.delivery.mail import deliver
            from prestatiecheck.errors import DeliveryError

            # The PDF for the meeting papers; else the HTML; else whatever was written.
            attachments = (
                [p for p in outcome.files if p.suffix == ".pdf"]
                or [p for p in outcome.files if p.suffix == ".html"]
                or list(outcome.files)
            )
            try:
                note = deliver(
                    mail,
                    subject=outcome.subject,
                    text_body=outcome.text_body,
                    html_body=outcome.html_body,
                    attachments=attachments,
                    summary=outcome.summary,
                    changed=outcome.changed,
                    output_dir=output,
                )
                click.echo(note, err=True)
            except DeliveryError as e:
                failures.append(str(e))
        if failures:
            from prestatiecheck.errors import DeliveryError

            raise DeliveryError("\n".join(failures))
        from prestatiecheck.model import Status

        finish((Status(r["status"]) for r in outcome.results if not r.get("information")), kwargs["fail_on"])
