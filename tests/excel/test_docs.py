"""The README's templates-and-Excel section names every option of `template` (docs that cannot go stale)."""

from __future__ import annotations

import re
from pathlib import Path

import click

README = Path(__file__).resolve().parents[2] / "README.md"
COMMON = {"--agreements", "--lang", "--debug", "--help"}


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Invulbestanden en Excel") :]
    return section[: section.index("\n## ", 1)]


def test_readme_template_section_covers_every_option() -> None:
    from prestatiecheck.cli import cli

    command = cli.commands["template"]
    with click.Context(command) as ctx:
        options = {opt for p in command.get_params(ctx) for opt in p.opts if opt.startswith("--")}
    # The section's example and text, plus the command table row above it.
    text = (
        _section()
        + README.read_text(encoding="utf-8").split("| `prestatiecheck template", 1)[1].split("\n", 1)[0]
    )
    missing = sorted(o for o in options - COMMON if not re.search(rf"(?<![\w-]){o}(?![\w-])", text))
    assert missing == []


def test_readme_names_the_xlsx_output_format() -> None:
    section = _section()
    assert "--format xlsx --output FILE" in section
