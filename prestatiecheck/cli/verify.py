"""`prestatiecheck verify`: every rule's examples, evaluated; what does not hold is reported."""

from __future__ import annotations

import sys

import click

from prestatiecheck import exitcodes
from prestatiecheck.cli.common import common_options, h


def register(cli: click.Group) -> None:
    @cli.command(
        help=h(
            "Reken de voorbeelden (examples:) van de regels door en meld elk voorbeeld dat niet de "
            "verwachte status geeft als bestand:regel: melding (exitcode 1), en hoeveel regels geen "
            "voorbeelden hebben. ID: een afspraken-id of een regel-id (afspraak/ref); standaard alles.",
            "Evaluate the rules' examples (examples:) and report every example that does not give "
            "its expected status as file:line: message (exit code 1), and how many rules have no "
            "examples. ID: an agreement id or a rule id (agreement/ref); default everything.",
        )
    )
    @click.argument("ids", nargs=-1, metavar="[ID]...")
    @click.option(
        "--verbose",
        "-v",
        is_flag=True,
        help=h("Noem de regels zonder voorbeelden.", "List the rules without examples."),
    )
    @common_options
    def verify(ids: tuple[str, ...], verbose: bool, agreements_index: str | None) -> None:
        from prestatiecheck.i18n import t
        from prestatiecheck.pipeline import load_selected
        from prestatiecheck.verification import verify as run

        agreements = sorted({i.partition("/")[0] for i in ids})
        rule_ids = [i for i in ids if "/" in i]
        catalogue, selected = load_selected(agreements, agreements_index)
        unknown = [r for r in rule_ids if catalogue.rule(r) is None]
        if unknown:
            from prestatiecheck.errors import UsageError
            from prestatiecheck.i18n import did_you_mean

            known = [r.id for a in selected for r in catalogue.agreements[a].rules]
            raise UsageError(t("unknown_rule", rule=unknown[0]) + did_you_mean(unknown[0], known))
        plain = [a for a in selected if not any(r.startswith(f"{a}/") for r in rule_ids)]
        outcome = run(catalogue, plain, ())
        if rule_ids:
            rules_only = run(catalogue, sorted({r.partition("/")[0] for r in rule_ids}), rule_ids)
            outcome.failures = sorted(outcome.failures + rules_only.failures)
            outcome.examples += rules_only.examples
            outcome.rules_with_examples += rules_only.rules_with_examples
            outcome.without_examples += rules_only.without_examples
        for problem in outcome.failures:
            click.echo(str(problem))
        if verbose:
            for rule_id in outcome.without_examples:
                click.echo(t("verify_without_examples_item", rule=rule_id))
        click.echo(
            t(
                "verify_summary",
                examples=outcome.examples,
                rules=outcome.rules_with_examples,
                failed=len(outcome.failures),
                without=len(outcome.without_examples),
            ),
            err=True,
        )
        sys.exit(exitcodes.FINDINGS if outcome.failures else exitcodes.OK)
