"""The README's report section names every option of the command (docs that cannot go stale)."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"
MAIL_AND_COMMON = {
    "--mail-to",
    "--mail-on",
    "--dry-run",
    "--mail-config",
    "--agreements",
    "--lang",
    "--debug",
    "--help",
}


def test_readme_report_section_covers_every_option() -> None:
    from prestatiecheck.cli import cli

    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Rapporten") :]
    section = section[: section.index("\n## ", 1)]
    command = cli.commands["report"]
    import click

    with click.Context(command) as ctx:
        options = {opt for p in command.get_params(ctx) for opt in p.opts if opt.startswith("--")}
    missing = sorted(
        o for o in options - MAIL_AND_COMMON if not re.search(rf"(?<![\w-]){o}(?![\w-])", section)
    )
    assert missing == []
