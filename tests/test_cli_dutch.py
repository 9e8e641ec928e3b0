"""click's own texts (usage, errors, help headings, --version) in Dutch by default, English with --lang en."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from prestatiecheck.cli import clicktext


def _click_texts() -> Iterator[tuple[str, ...]]:
    """Every literal text click passes to gettext/ngettext, read from the installed click's source."""
    for path in sorted(Path(click.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            literals = [
                a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
            ]
            if node.func.id == "_" and literals:
                yield (literals[0],)
            elif node.func.id == "ngettext" and len(literals) >= 2:
                yield (literals[0], literals[1])


CLICK_TEXTS = sorted(set(_click_texts()))


def _fields(text: str) -> set[str]:
    names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    return names | set(re.findall(r"%\((\w+)\)s", text))


def test_click_texts_are_found() -> None:
    assert ("Missing option",) in CLICK_TEXTS and len(CLICK_TEXTS) > 50


@pytest.mark.parametrize("texts", CLICK_TEXTS, ids=lambda texts: texts[0][:40])
def test_every_click_text_has_dutch_with_no_new_placeholders(texts: tuple[str, ...]) -> None:
    if len(texts) == 1:
        assert texts[0] in clicktext.DUTCH, f"no Dutch for click's {texts[0]!r}: add it to cli/clicktext.py"
        dutch: tuple[str, ...] = (clicktext.DUTCH[texts[0]],)
    else:
        assert texts in clicktext.DUTCH_PLURAL, f"no Dutch for click's {texts!r}: add it to cli/clicktext.py"
        dutch = clicktext.DUTCH_PLURAL[texts]  # type: ignore[index]
    for english, nl in zip(texts, dutch, strict=True):
        # Dutch may leave a placeholder out (click's English type name), never add one.
        assert _fields(nl) <= _fields(english), (english, nl)
        assert nl != english or not re.search(r"[a-z]{3}", english), english


def _english_fragments() -> set[str]:
    """Pieces of click's English texts that must not reach a Dutch user."""
    pieces = {"[OPTIONS]", "COMMAND", "[ARGS]", "TEXT", "INTEGER", "FILENAME", "PATH", "FILE", "ADDR"}
    for texts in CLICK_TEXTS:
        for text in texts:
            for piece in re.split(r"\{[^}]*\}|%\(\w+\)s|\n|\t", text):
                piece = piece.strip(" .,:'()!?")
                if len(piece) >= 5 and piece not in {"Choice", "Windows", "deprecated"}:
                    pieces.add(piece)
    return pieces


ENGLISH = _english_fragments()


def _english_in(text: str) -> list[str]:
    return sorted(
        piece for piece in ENGLISH if re.search(r"(?<![\w-])" + re.escape(piece) + r"(?![\w-])", text)
    )


def _invocations(command: click.Command, path: list[str]) -> Iterator[list[str]]:
    """Help screens and usage errors for one command (and, for a group, each of its commands)."""
    yield [*path, "--help"]
    yield [*path, "-h"]
    yield [*path, "--no-such-option"]
    yield [*path, "--hel"]  # click suggests --help
    if isinstance(command, click.Group):
        yield path
        yield [*path, "no-such-command"]
        for name, sub in sorted(command.commands.items()):
            yield [*path, name[:-1]]  # click suggests the command
            yield from _invocations(sub, [*path, name])
        return
    required = [p for p in command.params if p.required]
    if required:
        yield path  # missing option or argument
    if not any(isinstance(p, click.Argument) and p.nargs == -1 for p in command.params):
        yield [
            *path,
            *(["x"] * sum(isinstance(p, click.Argument) for p in command.params)),
            "extra1",
            "extra2",
        ]
    for param in command.params:
        if (
            not isinstance(param, click.Option)
            or param.is_flag
            or param.expose_value is False
            and param.name == "lang"
        ):
            continue
        option = max(param.opts, key=len)
        yield [*path, option]  # an option without its value
        if isinstance(param.type, click.Choice):
            yield [*path, option, "zzz"]
        if isinstance(param.type, click.IntRange | click.types.IntParamType):
            yield [*path, option, "abc"]
            yield [*path, option, "-5"]
        if isinstance(param.type, click.Path) and param.type.exists:
            yield [*path, option, "/no/such/thing"]
    if any(p.name == "as_of" for p in command.params):
        yield [*path, "--as-of", "gisteren"]


def _all_invocations() -> list[list[str]]:
    from prestatiecheck.cli import cli_for

    return [["--version"], ["--lang"], ["--lang", "xx"], *_invocations(cli_for("nl"), [])]


def _run(args: list[str], env: dict[str, str] | None = None) -> tuple[int, str]:
    from prestatiecheck.cli import cli

    result = CliRunner().invoke(cli, args, env=env, prog_name="prestatiecheck")
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), (
        args,
        result.exception,
    )
    return result.exit_code, result.stdout + result.stderr


def test_no_english_click_text_reaches_a_dutch_user() -> None:
    invocations = _all_invocations()
    assert len(invocations) > 60
    leaks = {}
    for args in invocations:
        code, text = _run(args)
        assert code in (0, 2), (args, code, text)
        assert text.strip(), args
        if found := _english_in(text):
            leaks[" ".join(args)] = (found, text)
    assert not leaks, leaks


def test_the_same_screens_in_english_show_clicks_english() -> None:
    """The detector above finds click's English where it is meant to be: with --lang en."""
    missing = [args for args in _all_invocations() if not _english_in(_run(["--lang", "en", *args])[1])]
    assert not missing


def test_dutch_usage_error_reads_as_dutch() -> None:
    code, text = _run(["check"])
    assert code == 2
    assert "Gebruik: prestatiecheck check [OPTIES]" in text
    assert "Zie 'prestatiecheck check --help' voor hulp." in text
    assert "Fout: Ontbrekende optie '--figures' / '-f'." in text
    code, text = _run(["chck"])
    assert "Fout: Onbekend commando 'chck'. Bedoelde u 'check'?" in text
    code, text = _run(["check", "-f", "x.csv", "--format", "pdf"])
    assert "Ongeldige waarde voor '--format': 'pdf' is niet een van 'table'," in text
    assert _run(["--version"])[1].startswith("prestatiecheck, versie ")
    help_text = _run(["deadlines", "--help"])[1]
    assert "Opties:" in help_text and "Toon deze hulp en stop." in help_text
    assert "[standaard: 60; x>=0]" in help_text and "--within GETAL" in help_text
    assert "Commando's:" in _run(["--help"])[1]


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--lang", "en", "check"], None),
        (["check", "--lang", "en"], None),
        (["check", "--lang=en"], None),
        (["check"], {"PRESTATIECHECK_LANG": "en"}),
    ],
)
def test_english_with_lang_en_before_or_after_the_command_or_from_the_environment(
    args: list[str], env: dict[str, str] | None
) -> None:
    code, text = _run(args, env)
    assert code == 2
    assert "Usage: prestatiecheck check [OPTIONS]" in text
    assert "Try 'prestatiecheck check --help' for help." in text
    assert "Error: Missing option '--figures' / '-f'." in text
    assert "Gebruik" not in text and "Fout" not in text


def test_english_help_and_version() -> None:
    text = _run(["--lang", "en", "deadlines", "--help"])[1]
    assert "Options:" in text and "Show this message and exit." in text and "[default: 60; x>=0]" in text
    assert "--within INTEGER" in text
    assert _run(["--lang", "en", "--version"])[1].startswith("prestatiecheck, version ")
    text = _run(["--lang", "en", "--help"])[1]
    assert "Usage: prestatiecheck [OPTIONS] COMMAND [ARGS]..." in text and "Commands:" in text


def test_the_language_switches_back_within_one_process() -> None:
    assert "Fout:" in _run(["check"])[1]
    assert "Error:" in _run(["check", "--lang", "en"])[1]
    assert "Fout:" in _run(["check"])[1]
