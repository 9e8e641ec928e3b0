"""The command line: parse options, call the core, show the outcome, set the exit code.

One module per command; each has ``register(cli)``. Nothing here evaluates or
validates (see pipeline.py). Heavy modules (rich, Babel, jsonschema, Jinja2) are
imported inside the commands that use them, so that ``prestatiecheck --help``
starts about as fast as click itself.
"""

from __future__ import annotations

import gc
import signal
import sys
from collections.abc import Sequence

import click

from prestatiecheck import __version__
from prestatiecheck.cli import check, deadlines, explain, listing, report, template, validate
from prestatiecheck.cli.common import Group, exit_codes_help, h
from prestatiecheck.i18n import set_language

COMMANDS = [check, validate, listing, explain, deadlines, report, template]


def _group_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """``prestatiecheck --lang en COMMAND``: remembered for the command (ctx.meta is shared)."""
    if value:
        ctx.meta["prestatiecheck.lang"] = value
        set_language(value)


def build_cli() -> click.Group:
    """The command group, with help texts in the language chosen at this moment."""

    @click.group(
        cls=Group,
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
        help=h(
            "prestatiecheck toetst monitoringcijfers aan prestatieafspraken (art. 44 Woningwet).",
            "prestatiecheck checks monitoring figures against housing performance agreements "
            "(prestatieafspraken, art. 44 Woningwet).",
        )
        + "\n\n"
        + exit_codes_help(),
        epilog=h(
            "Zie 'prestatiecheck COMMANDO --help' per commando.",
            "See 'prestatiecheck COMMAND --help' for each command.",
        ),
    )
    @click.version_option(__version__, prog_name="prestatiecheck")
    @click.option(
        "--lang",
        type=click.Choice(["nl", "en"]),
        default=None,
        is_eager=True,
        expose_value=False,
        callback=_group_lang,
        help=h("Taal van de uitvoer (ook per commando).", "Output language (also per command)."),
    )
    def cli() -> None:
        pass

    for module in COMMANDS:
        module.register(cli)
    return cli


def _language_from_argv(argv: Sequence[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


set_language(None)
cli = build_cli()


def main(argv: Sequence[str] | None = None) -> None:
    # A run builds hundreds of thousands of small acyclic objects (figures, results): with the
    # default thresholds the cyclic collector scans them again and again (17% of a national run).
    gc.set_threshold(100_000, 50, 1000)
    # Output piped into `head` or a pager that quits: stop quietly, as cat and grep do,
    # instead of reporting a broken pipe as an internal error.
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    args = list(sys.argv[1:] if argv is None else argv)
    wanted = _language_from_argv(args)
    command = cli
    if wanted and set_language(wanted) != "nl":
        command = build_cli()
    command.main(args=args, prog_name="prestatiecheck")
