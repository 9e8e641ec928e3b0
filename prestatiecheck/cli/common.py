"""Shared pieces of the command line: option groups, error handling, output and exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import click

from prestatiecheck import exitcodes
from prestatiecheck.cli import completion
from prestatiecheck.i18n import get_language, set_language, t

FAIL_ON = ("not_met", "at_risk", "never")
CHECK_FORMATS = ("table", "json", "csv", "markdown")


def h(nl: str, en: str) -> str:
    """Help text in the language chosen when the CLI is built."""
    return en if get_language() == "en" else nl


class PrestatiecheckError(click.ClickException):
    """A core error turned into a message on stderr and an exit code; never a traceback."""

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file: Any = None) -> None:
        from prestatiecheck.rendering.safetext import visible_controls

        # Messages quote names and values from files: control characters shown, never obeyed.
        click.echo(f"prestatiecheck: {visible_controls(self.format_message())}", err=True)


class Group(click.Group):
    """Turns the core's exceptions into exit codes at the edge (exitcodes.py is the contract)."""

    def invoke(self, ctx: click.Context) -> Any:
        from prestatiecheck import errors

        try:
            return super().invoke(ctx)
        except errors.InputError as e:
            lines = [str(p) for p in e.problems]
            errors_count = sum(1 for p in e.problems if p.severity == "error")
            key = (
                "config_problems_found"
                if isinstance(e, errors.ConfigError)
                else "template_problems_found"
                if isinstance(e, errors.TemplateError)
                else "problems_found"
            )
            lines.append(t(key, count=errors_count))
            raise PrestatiecheckError("\n".join(lines), exitcodes.INVALID) from None
        except errors.UsageError as e:
            raise PrestatiecheckError(str(e), exitcodes.INVALID) from None
        except errors.DeliveryError as e:
            raise PrestatiecheckError(str(e), exitcodes.DELIVERY_FAILED) from None
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except KeyboardInterrupt:
            raise
        except Exception as e:  # a bug of ours: no traceback unless asked for
            if _debug_requested(ctx):
                # The traceback, and still exit 4: --debug never changes an exit code.
                import traceback

                traceback.print_exc(file=sys.stderr)
            raise PrestatiecheckError(
                t("internal_error", error=f"{type(e).__name__}: {e}"), exitcodes.INTERNAL
            ) from None


def _debug_requested(ctx: click.Context) -> bool:
    if os.environ.get("PRESTATIECHECK_DEBUG"):
        return True
    sub = ctx.invoked_subcommand
    args = sys.argv[1:] if sub is None else sys.argv
    return "--debug" in args or bool(getattr(ctx, "_debug", False)) or bool(ctx.meta.get("debug"))


def parse_as_of(ctx: click.Context, param: click.Parameter, value: str | None) -> date:
    """The forms a figures file accepts (2024-04-15, 15-4-2024, 15-04-2024): one date parser for both."""
    if value is None:
        return date.today()
    from prestatiecheck.loading.values import ValueProblem, parse_date

    try:
        return parse_date(value)
    except ValueProblem as e:
        raise click.BadParameter(str(e)) from None


def _set_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    """A command's --lang; without it, the group's (``prestatiecheck --lang en check``), else the default."""
    if value is None:
        value = ctx.meta.get("prestatiecheck.lang")
    return set_language(value)


def _set_debug(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    if value:
        ctx.find_root().meta["debug"] = True
    return value


def common_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--agreements, --lang and --debug on every command."""
    func = click.option(
        "--debug",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=_set_debug,
        help=h(
            "Toon bij een interne fout de volledige traceback.",
            "Show the full traceback on an internal error.",
        ),
    )(func)
    func = click.option(
        "--lang",
        type=click.Choice(["nl", "en"]),
        default=None,
        is_eager=True,
        expose_value=False,
        callback=_set_lang,
        envvar="PRESTATIECHECK_LANG",
        help=h(
            "Taal van de uitvoer (standaard nl; ook PRESTATIECHECK_LANG).",
            "Output language (default nl; also PRESTATIECHECK_LANG).",
        ),
    )(func)
    func = click.option(
        "--agreements",
        "agreements_index",
        type=click.Path(dir_okay=False),
        default=None,
        envvar="PRESTATIECHECK_AGREEMENTS",
        help=h(
            "Index (agreements.yaml) van eigen afspraken, naast de meegeleverde.",
            "Index (agreements.yaml) of agreements of your own, beside the shipped ones.",
        ),
    )(func)
    return func


def output_options(formats: Sequence[str]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        func = click.option(
            "--quiet",
            "-q",
            is_flag=True,
            help=h(
                "Toon alleen wat niet voldaan is of aandacht vraagt.", "Show only what is not met or at risk."
            ),
        )(func)
        func = click.option(
            "--color",
            "color",
            type=click.Choice(["auto", "always", "never"]),
            default="auto",
            show_default=True,
            help=h(
                "Kleur in de tabel; 'auto' volgt NO_COLOR/FORCE_COLOR en is uit "
                "als de uitvoer geen terminal is.",
                "Colour in the table; 'auto' follows NO_COLOR/FORCE_COLOR and is off "
                "when output is not a terminal.",
            ),
        )(func)
        func = click.option(
            "--fail-on",
            type=click.Choice(FAIL_ON),
            default="not_met",
            show_default=True,
            help=h("Vanaf welke status de exitcode 1 is.", "The status from which the exit code is 1."),
        )(func)
        func = click.option(
            "--output",
            "-o",
            "output",
            type=click.Path(dir_okay=False),
            default=None,
            help=h(
                "Schrijf naar dit bestand in plaats van naar de terminal.",
                "Write to this file instead of the terminal.",
            ),
        )(func)
        func = click.option(
            "--format",
            "fmt",
            type=click.Choice(list(formats)),
            default="table",
            show_default=True,
            help=h("Uitvoerformaat.", "Output format."),
        )(func)
        return func

    return decorate


def national_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """--no-national: leave the national rule set (Wettelijke normen) out."""
    return click.option(
        "--no-national",
        "no_national",
        is_flag=True,
        help=h(
            "Laat de wettelijke normen (de landelijke regelset, toegepast op de corporaties) weg.",
            "Leave out the national law (the national rule set, applied to the corporations).",
        ),
    )(func)


def selection_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--agreement, --as-of, --party, --theme and --no-national: which results a check or report is about."""
    func = national_option(func)
    func = click.option(
        "--theme",
        "themes",
        multiple=True,
        help=h(
            "Alleen dit thema; meerdere keren toegestaan.", "Only this theme; may be given several times."
        ),
    )(func)
    func = click.option(
        "--party",
        "-p",
        "parties",
        multiple=True,
        shell_complete=completion.parties,
        help=h(
            "Alleen deze partij (id); meerdere keren toegestaan.",
            "Only this party (id); may be given several times.",
        ),
    )(func)
    func = as_of_option(func)
    return click.option(
        "--agreement",
        "-a",
        default=None,
        shell_complete=completion.agreements,
        help=h(
            "Id van de afspraken (niet nodig als de cijfers een kolom 'agreement' hebben).",
            "Agreement id (not needed when the figures have an 'agreement' column).",
        ),
    )(func)


def as_of_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--as-of",
        callback=parse_as_of,
        metavar=h("DATUM", "DATE"),
        help=h(
            "Peildatum voor termijnen en trajecten, als 2024-04-15 of 15-4-2024 (standaard vandaag).",
            "The date that counts as 'now' for deadlines and trajectories, as 2024-04-15 or 15-4-2024 "
            "(default today).",
        ),
    )(func)


def write_exit_codes(formatter: click.HelpFormatter) -> None:
    """The exit codes (exitcodes.py) as a section of the help, wrapped to the terminal as the
    options are (click's formatter: ``max_content_width``, ``COLUMNS``)."""
    with formatter.section(h("Exitcodes", "Exit codes")):
        formatter.write_dl([(str(code), h(nl, en)) for code, (nl, en) in exitcodes.DESCRIPTIONS.items()])


class ExitCodesCommand(click.Command):
    """A command whose help lists the exit codes after its description (``cls=`` of the commands
    whose exit code is a contract with cron jobs: check, deadlines, report)."""

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_help_text(ctx, formatter)
        write_exit_codes(formatter)


def emit(text: str | bytes | Iterable[str | bytes], output: str | None) -> None:
    """Text (or text or UTF-8 chunks, written as they come, or a binary file) to a file, atomically,
    or to stdout."""
    if output:
        from prestatiecheck.outputs import write_atomic

        try:
            write_atomic(Path(output), text)
        except OSError as e:
            raise PrestatiecheckError(
                t("output_failed", path=output, reason=e.strerror or str(e)), exitcodes.INVALID
            ) from None
        click.echo(t("written_to", path=output), err=True)
    elif isinstance(text, bytes):  # a binary file (xlsx) never goes to a terminal
        raise PrestatiecheckError(t("xlsx_binary_to_terminal"), exitcodes.INVALID)
    elif not isinstance(text, str):
        for chunk in text:
            # Colour codes are only there when --color/NO_COLOR/FORCE_COLOR asked for them: keep them.
            coloured = isinstance(chunk, str) and "\x1b[" in chunk
            click.echo(chunk, nl=False, color=True if coloured else None)
    else:
        # Colour codes are only there when --color/NO_COLOR/FORCE_COLOR asked for them: keep them.
        click.echo(text, nl=False, color=True if "\x1b[" in text else None)


def finish(statuses: Iterable[Any], fail_on: str) -> NoReturn:
    """Exit with the code the statuses ask for (1 when any is at or above --fail-on)."""
    threshold = {"not_met": 2, "at_risk": 1, "never": 99}[fail_on]
    worst = max((status.severity for status in statuses), default=0)
    sys.exit(exitcodes.FINDINGS if worst >= threshold else exitcodes.OK)


def render(
    evaluation: Any, fmt_name: str, *, color: str, quiet: bool, output: str | None, title: str | None = None
) -> str | bytes | Iterator[str | bytes]:
    """The rendered text; a renderer that can stream (``chunks``) gives its text piece by piece."""
    from prestatiecheck import rendering
    from prestatiecheck.rendering.options import RenderOptions
    from prestatiecheck.terminal import can_encode, color_system, use_color, width

    stream = sys.stdout  # (click.get_text_stream is deprecated from click 8.5)
    to_terminal = output is None
    options = RenderOptions(
        color=fmt_name == "table" and to_terminal and use_color(color, stream),
        color_system=color_system(),
        quiet=quiet,
        width=width(stream) if to_terminal else 120,
        ascii_only=to_terminal and not can_encode(stream),
        title=title,
    )
    renderer = rendering.get(fmt_name)
    if hasattr(renderer, "part"):
        return rendering.chunks(fmt_name, evaluation, options)
    return renderer.render(evaluation, options)  # type: ignore[no-any-return]
