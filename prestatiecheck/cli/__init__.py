"""The command line: parse options, call the core, show the outcome, set the exit code.

One module per command; each has ``register(cli)``. Nothing here evaluates or
validates (see pipeline.py). Heavy modules (rich, Babel, jsonschema, Jinja2) are
imported inside the commands that use them, so that ``prestatiecheck --help``
starts about as fast as click itself.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Sequence
from typing import Any

import click

from prestatiecheck import __version__
from prestatiecheck.cli import (
    check,
    clicktext,
    deadlines,
    draft,
    explain,
    history,
    listing,
    new,
    report,
    schema,
    template,
    validate,
    verify,
)
from prestatiecheck.cli.common import Group, h, write_exit_codes
from prestatiecheck.i18n import get_language, set_language

clicktext.install()  # click's own texts (usage, errors, headings) follow --lang

COMMANDS = [
    check,
    validate,
    listing,
    explain,
    deadlines,
    report,
    template,
    draft,
    history,
    verify,
    schema,
    new,
]


def _group_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """``prestatiecheck --lang en COMMAND``: remembered for the command (ctx.meta is shared)."""
    if value:
        ctx.meta["prestatiecheck.lang"] = value
        set_language(value)


class RootGroup(Group):
    """``prestatiecheck``: runs in the language of ``--lang`` (anywhere on the line) or PRESTATIECHECK_LANG.

    Help texts are chosen when the tree is built, so a run in another language than the one
    this tree was built in is handed to a tree built in that language.
    """

    language = "nl"

    def main(  # type: ignore[override]
        self, args: Sequence[str] | None = None, prog_name: str | None = None, **extra: Any
    ) -> Any:
        args = list(sys.argv[1:] if args is None else args)
        # Asked for on the line, else in the environment, else the language this tree speaks.
        wanted = set_language(
            _language_from_argv(args) or os.environ.get("PRESTATIECHECK_LANG") or self.language
        )
        if wanted != self.language:
            return cli_for(wanted).main(args, prog_name, **extra)
        return super().main(args, prog_name, **extra)

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_help_text(ctx, formatter)
        write_exit_codes(formatter)

    def _main_shell_completion(self, ctx_args: Any, prog_name: str, complete_var: str | None = None) -> None:
        name = complete_var or f"_{prog_name}_COMPLETE".replace("-", "_").upper()
        if os.environ.get(name):  # completing: click.shell_completion's texts go through clicktext too
            import click.shell_completion  # noqa: F401

            clicktext.install()
        super()._main_shell_completion(ctx_args, prog_name, complete_var)


def build_cli(lang: str | None = None) -> RootGroup:
    """The command group, with help texts in ``lang`` (default: the language chosen at this moment)."""
    if lang is not None:
        set_language(lang)

    @click.group(
        cls=RootGroup,
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
        help=h(
            "prestatiecheck toetst monitoringcijfers aan prestatieafspraken (art. 44 Woningwet).",
            "prestatiecheck checks monitoring figures against housing performance agreements "
            "(prestatieafspraken, art. 44 Woningwet).",
        ),
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
    cli.language = get_language()
    clicktext.translate_tree(cli)
    return cli


_built: dict[str, RootGroup] = {}


def cli_for(lang: str) -> RootGroup:
    """The command tree in ``lang``, built once per process."""
    if lang not in _built:
        _built[lang] = build_cli(lang)
    return _built[lang]


def _language_from_argv(argv: Sequence[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


cli = cli_for(set_language(None))


def main(argv: Sequence[str] | None = None) -> None:
    # A run builds hundreds of thousands of small acyclic objects (figures, results): with the
    # default thresholds the cyclic collector scans them again and again (17% of a national run).
    gc.set_threshold(100_000, 50, 1000)
    # Output piped into `head` or a pager that quits: stop quietly, as cat and grep do,
    # instead of reporting a broken pipe as an internal error.
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    cli.main(args=list(sys.argv[1:] if argv is None else argv), prog_name="prestatiecheck")
