"""The report command hands its files and texts to e-mail delivery (here: --dry-run, a .eml file)."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

import pytest

from tests.reporting.conftest import STEM

pytest.importorskip("prestatiecheck.delivery.mail")


def _message(path: Path) -> email.message.EmailMessage:
    return email.message_from_bytes(path.read_bytes(), policy=email.policy.default)  # type: ignore[return-value]


def test_dry_run_message_has_subject_bodies_and_report(report, tmp_path: Path) -> None:
    result = report("--format", "html", "--mail-to", "beleid@example.org", "--dry-run")
    assert result.exit_code == 0, result.stderr
    eml = tmp_path / "out" / f"{STEM}.eml"
    message = _message(eml)
    subject = message["Subject"]
    assert subject.startswith("Mini: prestatieafspraken per 1 maart 2023")
    assert "6 niet voldaan" in subject and "6 aandacht" in subject and "7 voldaan" in subject
    text = message.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    html = message.get_body(preferencelist=("html",)).get_content()  # type: ignore[union-attr]
    assert text.startswith("RAPPORTAGE PRESTATIEAFSPRAKEN") and "53,3%" in text
    assert "<h1>Rapportage prestatieafspraken</h1>" in html
    attachments = [part.get_filename() for part in message.iter_attachments()]
    assert attachments == [f"{STEM}.html"]


def test_mail_on_change_skips_an_unchanged_second_run(report, tmp_path: Path) -> None:
    args = ("--format", "txt", "--mail-to", "beleid@example.org", "--dry-run", "--mail-on", "change")
    first = report(*args, history=True)
    assert first.exit_code == 0 and (tmp_path / "out" / f"{STEM}.eml").is_file()  # a first run counts as news
    (tmp_path / "out" / f"{STEM}.eml").unlink()
    second = report(*args, history=True)
    assert second.exit_code == 0
    assert "--mail-on change" in second.stderr
    assert not (tmp_path / "out" / f"{STEM}.eml").exists()


def test_english_subject(report, tmp_path: Path) -> None:
    assert report("--format", "md", "--mail-to", "a@example.org", "--dry-run", "--lang", "en").exit_code == 0
    message = _message(tmp_path / "out" / f"{STEM}.eml")
    assert message["Subject"].startswith("Mini: performance agreements as of 1 March 2023 (6 not met")
    # without html or pdf on disk, what was written is attached
    assert [part.get_filename() for part in message.iter_attachments()] == [f"{STEM}.md"]
