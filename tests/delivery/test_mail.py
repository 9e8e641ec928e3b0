"""E-mail delivery through a real SMTP server (aiosmtpd on localhost, started per test)."""

from __future__ import annotations

import email
import email.policy
import logging
import os
import socket
import ssl
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import pytest

pytest.importorskip("aiosmtpd")

from aiosmtpd.controller import Controller  # noqa: E402
from aiosmtpd.smtp import AuthResult  # noqa: E402

from prestatiecheck import exitcodes  # noqa: E402
from prestatiecheck.cli.common import Group  # noqa: E402
from prestatiecheck.cli.report import mail_options  # noqa: E402
from prestatiecheck.delivery import mail  # noqa: E402
from prestatiecheck.delivery.mail import MailRequest  # noqa: E402
from prestatiecheck.errors import ConfigError, DeliveryError, UsageError  # noqa: E402
from prestatiecheck.i18n import set_language  # noqa: E402

PASSWORD = "S3cret-Pa55word!"
PDF = b"%PDF-1.7\n% fake report\n%%EOF\n"
HTML = "<!doctype html><html><body><h1>Rapport</h1><p>3 niet voldaan</p></body></html>"
TEXT = "Rapport Mini per 1 maart 2023\n\nNiet voldaan: 3\n"
SUBJECT = "Prestatieafspraken Mini per 1 maart 2023: 3 niet voldaan, 1 aandacht"


# --- the server ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Recorder:
    """Records every envelope; refuses the recipients in ``reject``."""

    reject: set[str] = field(default_factory=set)
    envelopes: list[Any] = field(default_factory=list)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:  # noqa: N802
        if address in self.reject:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def message(self, index: int = 0) -> email.message.EmailMessage:
        return email.message_from_bytes(self.envelopes[index].content, policy=email.policy.default)  # type: ignore[return-value]


@dataclass
class Server:
    host: str
    port: int
    recorder: Recorder
    auth_attempts: list[tuple[str, Any]] = field(default_factory=list)


def _start(recorder: Recorder, **kwargs: Any) -> tuple[Controller, Server]:
    port = free_port()
    controller = Controller(recorder, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    return controller, Server("127.0.0.1", port, recorder)


@pytest.fixture
def smtp_server() -> Iterator[Server]:
    controller, server = _start(Recorder())
    yield server
    controller.stop()


@pytest.fixture
def rejecting_server() -> Iterator[Server]:
    controller, server = _start(Recorder(reject={"onbekend@example.nl"}))
    yield server
    controller.stop()


@pytest.fixture
def auth_server() -> Iterator[Server]:
    """Offers AUTH without TLS and refuses every login."""
    attempts: list[tuple[str, Any]] = []

    def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
        attempts.append((mechanism, auth_data))
        return AuthResult(success=False, handled=False)

    controller, server = _start(Recorder(), authenticator=authenticator, auth_require_tls=False)
    server.auth_attempts = attempts
    yield server
    controller.stop()


@pytest.fixture
def tls_files(tmp_path: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (openssl), to serve STARTTLS and to trust as cafile."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    try:
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                str(key),
                "-out",
                str(cert),
                "-days",
                "1",
                "-subj",
                "/CN=127.0.0.1",
                "-addext",
                "subjectAltName=IP:127.0.0.1",
            ],
            check=True,
            capture_output=True,
            timeout=20,
        )
    except (OSError, subprocess.SubprocessError) as e:
        pytest.skip(f"openssl cannot make a test certificate here: {e}")
    return cert, key


@pytest.fixture
def starttls_server(tls_files: tuple[Path, Path]) -> Iterator[Server]:
    cert, key = tls_files
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    controller, server = _start(Recorder(), tls_context=context, require_starttls=True)
    yield server
    controller.stop()


# --- helpers ------------------------------------------------------------------------------------


def env_for(server: Server, security: str = "none", **extra: str) -> dict[str, str]:
    env = {
        "PRESTATIECHECK_SMTP_HOST": server.host,
        "PRESTATIECHECK_SMTP_PORT": str(server.port),
        "PRESTATIECHECK_SMTP_FROM": "Prestatiecheck <prestatiecheck@gemeente.example.nl>",
        "PRESTATIECHECK_SMTP_SECURITY": security,
        "PRESTATIECHECK_SMTP_TIMEOUT": "5",
    }
    env.update({f"PRESTATIECHECK_SMTP_{k.upper()}": v for k, v in extra.items()})
    return env


def request(env: dict[str, str], *to: str, **kwargs: Any) -> MailRequest:
    return MailRequest(recipients=to or ("beleid@example.nl",), environ=env, **kwargs)


def report_files(tmp_path: Path) -> list[Path]:
    pdf = tmp_path / "mini-2022-2023-2023-03-01.pdf"
    html = tmp_path / "mini-2022-2023-2023-03-01.html"
    pdf.write_bytes(PDF)
    html.write_text(HTML, encoding="utf-8")
    return [pdf, html]


def send(
    req: MailRequest, tmp_path: Path, *, summary: dict[str, int] | None = None, changed: bool = False
) -> str:
    return mail.deliver(
        req,
        subject=SUBJECT,
        text_body=TEXT,
        html_body=HTML,
        attachments=report_files(tmp_path),
        summary=summary if summary is not None else {"met": 5, "at_risk": 1, "not_met": 3},
        changed=changed,
        output_dir=tmp_path,
    )


def parts(message: email.message.EmailMessage) -> dict[str, Any]:
    body_text = message.get_body(preferencelist=("plain",))
    body_html = message.get_body(preferencelist=("html",))
    assert body_text is not None and body_html is not None
    return {
        "text": body_text.get_content().replace("\r\n", "\n"),  # SMTP sends CRLF line ends
        "html": body_html.get_content().replace("\r\n", "\n"),
        "attachments": {
            a.get_filename(): (a.get_content_type(), a.get_payload(decode=True))
            for a in message.iter_attachments()
        },
    }


# --- sending ------------------------------------------------------------------------------------


def test_sends_multipart_message_to_every_recipient(smtp_server: Server, tmp_path: Path) -> None:
    req = request(env_for(smtp_server), "beleid@example.nl", "bestuur@example.nl")
    note = send(req, tmp_path)

    assert (
        note == f"e-mail verzonden aan beleid@example.nl, bestuur@example.nl via 127.0.0.1:{smtp_server.port}"
    )
    (envelope,) = smtp_server.recorder.envelopes
    assert envelope.mail_from == "prestatiecheck@gemeente.example.nl"
    assert envelope.rcpt_tos == ["beleid@example.nl", "bestuur@example.nl"]
    message = smtp_server.recorder.message()
    assert message["Subject"] == SUBJECT
    assert message["To"] == "beleid@example.nl, bestuur@example.nl"
    assert message["From"] == "Prestatiecheck <prestatiecheck@gemeente.example.nl>"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Message-ID"].endswith("@gemeente.example.nl>")
    assert message.get_content_type() == "multipart/mixed"
    assert message.get_payload()[0].get_content_type() == "multipart/alternative"
    got = parts(message)
    assert got["text"] == TEXT
    assert got["html"] == HTML + "\n"
    assert got["attachments"] == {
        "mini-2022-2023-2023-03-01.pdf": ("application/pdf", PDF),
        "mini-2022-2023-2023-03-01.html": ("text/html", HTML.encode()),
    }


def test_text_only_message_and_markdown_attachment(smtp_server: Server, tmp_path: Path) -> None:
    md = tmp_path / "mini.md"
    md.write_text("# Rapport\n", encoding="utf-8")
    mail.deliver(
        request(env_for(smtp_server)),
        subject="s",
        text_body="alleen tekst",
        html_body=None,
        attachments=[md],
        summary={},
        changed=False,
        output_dir=tmp_path,
    )
    message = smtp_server.recorder.message()
    body = message.get_body(preferencelist=("plain", "html"))
    assert body is not None and body.get_content() == "alleen tekst\r\n"
    (attachment,) = message.iter_attachments()
    assert attachment.get_content_type() == "text/markdown"
    assert attachment.get_payload(decode=True) == b"# Rapport\n"


def test_note_in_english(smtp_server: Server, tmp_path: Path) -> None:
    set_language("en")
    note = send(request(env_for(smtp_server)), tmp_path)
    assert note == f"e-mail sent to beleid@example.nl via 127.0.0.1:{smtp_server.port}"


def test_subject_newline_cannot_inject_headers(smtp_server: Server, tmp_path: Path) -> None:
    mail.deliver(
        request(env_for(smtp_server)),
        subject="Rapport\nBcc: evil@example.com",
        text_body=TEXT,
        html_body=HTML,
        attachments=[],
        summary={},
        changed=False,
        output_dir=tmp_path,
    )
    message = smtp_server.recorder.message()
    assert message["Subject"] == "Rapport Bcc: evil@example.com"
    assert message["Bcc"] is None
    assert smtp_server.recorder.envelopes[0].rcpt_tos == ["beleid@example.nl"]


# --- --mail-on ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mail_on", "summary", "changed", "sent"),
    [
        ("always", {"met": 3}, False, True),
        ("at_risk", {"met": 3, "at_risk": 0, "not_met": 0}, True, False),
        ("at_risk", {"at_risk": 1}, False, True),
        ("at_risk", {"not_met": 1}, False, True),
        ("not_met", {"at_risk": 4, "not_met": 0}, True, False),
        ("not_met", {"not_met": 2}, False, True),
        ("change", {"not_met": 5}, False, False),
        ("change", {"met": 1}, True, True),
    ],
)
def test_mail_on_decides(
    smtp_server: Server, tmp_path: Path, mail_on: str, summary: dict[str, int], changed: bool, sent: bool
) -> None:
    note = send(request(env_for(smtp_server), mail_on=mail_on), tmp_path, summary=summary, changed=changed)
    assert len(smtp_server.recorder.envelopes) == (1 if sent else 0)
    assert note.startswith("e-mail verzonden" if sent else "e-mail niet verzonden")
    if not sent:
        assert f"--mail-on {mail_on}" in note


# --- dry run ------------------------------------------------------------------------------------


def test_dry_run_writes_eml_and_needs_no_server(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    req = MailRequest(recipients=("beleid@example.nl",), dry_run=True, environ={})
    note = mail.deliver(
        req,
        subject=SUBJECT,
        text_body=TEXT,
        html_body=HTML,
        attachments=report_files(out),
        summary={"not_met": 3},
        changed=False,
        output_dir=out,
    )
    eml = out / "mini-2022-2023-2023-03-01.eml"
    assert note == f"e-mail niet verzonden (--dry-run); bericht voor beleid@example.nl geschreven naar {eml}"
    assert sorted(p.name for p in out.iterdir()) == [
        "mini-2022-2023-2023-03-01.eml",
        "mini-2022-2023-2023-03-01.html",
        "mini-2022-2023-2023-03-01.pdf",
    ]  # atomic: no temporary file left behind
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert message["Subject"] == SUBJECT
    assert message["To"] == "beleid@example.nl"
    got = parts(message)  # type: ignore[arg-type]
    assert got["text"] == TEXT
    assert got["attachments"]["mini-2022-2023-2023-03-01.pdf"] == ("application/pdf", PDF)


def test_dry_run_respects_mail_on(tmp_path: Path) -> None:
    req = MailRequest(recipients=("a@example.nl",), dry_run=True, mail_on="not_met", environ={})
    note = send(req, tmp_path, summary={"met": 4})
    assert "niet verzonden" in note
    assert not list(tmp_path.glob("*.eml"))


# --- failures -----------------------------------------------------------------------------------


def test_server_down_names_host_and_port(tmp_path: Path) -> None:
    port = free_port()  # nothing listens here
    env = {
        "PRESTATIECHECK_SMTP_HOST": "127.0.0.1",
        "PRESTATIECHECK_SMTP_PORT": str(port),
        "PRESTATIECHECK_SMTP_FROM": "a@example.nl",
        "PRESTATIECHECK_SMTP_SECURITY": "none",
    }
    with pytest.raises(DeliveryError) as caught:
        send(request(env), tmp_path)
    assert str(caught.value) == (
        f"rapport geschreven, maar e-mail via 127.0.0.1:{port} mislukt: "
        "verbinding geweigerd (draait daar een SMTP-server?)"
    )


def test_server_that_never_answers_times_out(tmp_path: Path) -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        env = {
            "PRESTATIECHECK_SMTP_HOST": "127.0.0.1",
            "PRESTATIECHECK_SMTP_PORT": str(port),
            "PRESTATIECHECK_SMTP_FROM": "a@example.nl",
            "PRESTATIECHECK_SMTP_TIMEOUT": "0.3",
        }
        started = time.monotonic()
        with pytest.raises(DeliveryError, match=rf"127\.0\.0\.1:{port} mislukt: niet klaar binnen 0\.3 s"):
            send(request(env), tmp_path)
        assert time.monotonic() - started < 3


def test_auth_refused_and_password_never_shown(
    auth_server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    env = env_for(auth_server, user="rapportage", password=PASSWORD)
    req = request(env)
    with pytest.raises(DeliveryError) as caught:
        send(req, tmp_path)
    text = str(caught.value)
    assert f"127.0.0.1:{auth_server.port}" in text
    assert (
        "inloggen als 'rapportage' geweigerd; de server antwoordde: 535 5.7.8 Authentication credentials invalid"
        in text
    )
    assert auth_server.auth_attempts, "the client did try to log in"
    assert not auth_server.recorder.envelopes
    assert_no_secret(text, repr(caught.value), repr(req), repr(req.settings()), capsys, caplog)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_recipient_rejected_550(rejecting_server: Server, tmp_path: Path) -> None:
    req = request(env_for(rejecting_server), "beleid@example.nl", "onbekend@example.nl")
    with pytest.raises(DeliveryError) as caught:
        send(req, tmp_path)
    assert str(caught.value) == (
        f"rapport geschreven, maar e-mail via 127.0.0.1:{rejecting_server.port} mislukt: de server weigerde "
        "onbekend@example.nl: 550 5.1.1 <onbekend@example.nl>: Recipient address rejected: User unknown "
        "(wel afgeleverd bij: beleid@example.nl)"
    )
    assert rejecting_server.recorder.envelopes[0].rcpt_tos == ["beleid@example.nl"]


def test_every_recipient_rejected(rejecting_server: Server, tmp_path: Path) -> None:
    set_language("en")
    with pytest.raises(
        DeliveryError, match="the server refused every recipient: onbekend@example.nl: 550 5.1.1"
    ):
        send(request(env_for(rejecting_server), "onbekend@example.nl"), tmp_path)
    assert not rejecting_server.recorder.envelopes


def test_starttls_is_the_default_and_required(smtp_server: Server, tmp_path: Path) -> None:
    env = env_for(smtp_server)
    del env["PRESTATIECHECK_SMTP_SECURITY"]
    req = request(env)
    assert req.settings().security == "starttls"
    with pytest.raises(DeliveryError) as caught:
        send(req, tmp_path)
    assert f"127.0.0.1:{smtp_server.port} mislukt: de server biedt geen STARTTLS aan" in str(caught.value)
    assert not smtp_server.recorder.envelopes


def test_default_ports_follow_security() -> None:
    for security, port in (("starttls", 587), ("ssl", 465), ("none", 25)):
        env = {
            "PRESTATIECHECK_SMTP_HOST": "smtp.example.nl",
            "PRESTATIECHECK_SMTP_FROM": "a@example.nl",
            "PRESTATIECHECK_SMTP_SECURITY": security,
        }
        assert request(env).settings().effective_port == port


def test_starttls_verifies_the_certificate(starttls_server: Server, tmp_path: Path) -> None:
    env = env_for(starttls_server, security="starttls")
    with pytest.raises(DeliveryError, match="TLS mislukt: CERTIFICATE_VERIFY_FAILED"):
        send(request(env), tmp_path)
    assert not starttls_server.recorder.envelopes


def test_starttls_with_trusted_cafile_delivers(
    starttls_server: Server, tls_files: tuple[Path, Path], tmp_path: Path
) -> None:
    env = env_for(starttls_server, security="starttls", cafile=str(tls_files[0]))
    send(request(env), tmp_path)
    assert parts(starttls_server.recorder.message())["text"] == TEXT


def test_unreadable_attachment_is_a_delivery_error(smtp_server: Server, tmp_path: Path) -> None:
    with pytest.raises(DeliveryError, match="bijlage .*ontbreekt.pdf niet te lezen"):
        mail.deliver(
            request(env_for(smtp_server)),
            subject="s",
            text_body="t",
            html_body=None,
            attachments=[tmp_path / "ontbreekt.pdf"],
            summary={},
            changed=False,
            output_dir=tmp_path,
        )


# --- options and settings -----------------------------------------------------------------------


def test_from_options_pops_keys() -> None:
    kwargs: dict[str, Any] = {
        "mail_to": ("a@example.nl", "b@example.nl, Bestuur <c@example.nl>"),
        "mail_on": "not_met",
        "dry_run": True,
        "mail_config": None,
        "fmt": "pdf",
    }
    req = MailRequest.from_options(kwargs)
    assert kwargs == {"fmt": "pdf"}
    assert req is not None
    assert req.recipients == ("a@example.nl", "b@example.nl", "c@example.nl")
    assert (req.mail_on, req.dry_run, req.config) == ("not_met", True, None)


def test_from_options_none_without_mail_to() -> None:
    kwargs: dict[str, Any] = {"mail_to": (), "mail_on": None, "dry_run": False, "mail_config": None}
    assert MailRequest.from_options(kwargs) is None
    assert kwargs == {}


def test_mail_on_without_mail_to_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="--mail-on, --dry-run werkt alleen samen met --mail-to"):
        MailRequest.from_options({"mail_to": (), "mail_on": "not_met", "dry_run": True, "mail_config": None})


@pytest.mark.parametrize(
    "bad", ["beleid", "beleid@", "@example.nl", "a b@example.nl", "a@exa mple.nl", "a@@b.nl"]
)
def test_bad_address_named(bad: str) -> None:
    with pytest.raises(UsageError) as caught:
        MailRequest.from_options({"mail_to": ("ok@example.nl", bad)})
    assert str(caught.value) == f"ongeldig e-mailadres: '{bad}'"


def test_missing_host_and_from_is_a_config_error() -> None:
    with pytest.raises(ConfigError) as caught:
        mail.validate_settings(request({}))
    assert [str(p) for p in caught.value.problems] == [
        "PRESTATIECHECK_SMTP_FROM: geen afzender ingesteld: zet PRESTATIECHECK_SMTP_FROM of 'from' in "
        "--mail-config (of gebruik --dry-run)",
        "PRESTATIECHECK_SMTP_HOST: geen SMTP-server ingesteld: zet PRESTATIECHECK_SMTP_HOST of 'host' in "
        "--mail-config (of gebruik --dry-run)",
    ]


def test_dry_run_needs_no_settings() -> None:
    settings = mail.validate_settings(MailRequest(recipients=("a@example.nl",), dry_run=True, environ={}))
    assert settings.host is None


def test_bad_environment_values_named() -> None:
    env = {
        "PRESTATIECHECK_SMTP_HOST": "smtp.example.nl",
        "PRESTATIECHECK_SMTP_FROM": "geen-adres",
        "PRESTATIECHECK_SMTP_PORT": "587x",
        "PRESTATIECHECK_SMTP_SECURITY": "tls",
    }
    with pytest.raises(ConfigError) as caught:
        mail.validate_settings(request(env))
    shown = [str(p) for p in caught.value.problems]
    assert "PRESTATIECHECK_SMTP_FROM: ongeldig afzenderadres 'geen-adres'" in shown
    assert (
        "PRESTATIECHECK_SMTP_PORT: ongeldige poort '587x'; verwacht een getal van 1 tot en met 65535" in shown
    )
    assert "PRESTATIECHECK_SMTP_SECURITY: onbekende beveiliging 'tls'; kies uit starttls, ssl, none" in shown


def test_no_password_in_clear_to_a_remote_host() -> None:
    env = {
        "PRESTATIECHECK_SMTP_HOST": "smtp.example.nl",
        "PRESTATIECHECK_SMTP_FROM": "a@example.nl",
        "PRESTATIECHECK_SMTP_SECURITY": "none",
        "PRESTATIECHECK_SMTP_USER": "u",
        "PRESTATIECHECK_SMTP_PASSWORD": PASSWORD,
    }
    with pytest.raises(ConfigError, match="zonder versleuteling") as caught:
        mail.validate_settings(request(env))
    assert PASSWORD not in str(caught.value)


def test_ini_config_overrides_environment(tmp_path: Path) -> None:
    config = tmp_path / "smtp.ini"
    config.write_text(
        "# SMTP voor de maandrapportage\n[smtp]\nhost = smtp.example.nl\nport = 2525\n"
        f"user = rapportage\npassword = {PASSWORD}%\nfrom = rapport@example.nl\n",
        encoding="utf-8",
    )
    config.chmod(0o600)
    env = {"PRESTATIECHECK_SMTP_HOST": "old.example.nl", "PRESTATIECHECK_SMTP_TIMEOUT": "7"}
    settings = mail.validate_settings(request(env, config=config))
    assert (settings.host, settings.port, settings.user, settings.sender) == (
        "smtp.example.nl",
        2525,
        "rapportage",
        "rapport@example.nl",
    )
    assert settings.password == PASSWORD + "%"  # no INI interpolation
    assert settings.timeout == 7.0
    assert PASSWORD not in repr(settings)


def test_ini_config_errors_name_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("smtp.ini").write_text(
        "[smtp]\nhost = smtp.example.nl\nprot = 25\nsecurity = tls\nzomaar een regel\n"
        f"password = {PASSWORD}\nuser = u\nhost = x\n[elders]\nfrom = a@example.nl\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as caught:
        mail.validate_settings(request({}, config=Path("smtp.ini")))
    shown = [str(p) for p in caught.value.problems]
    assert (
        "smtp.ini:3: onbekende instelling 'prot'; bekend zijn host, port, user, password, from, security, timeout, cafile (bedoelde u 'port'?)"
        in shown
    )
    assert "smtp.ini:4:12: onbekende beveiliging 'tls'; kies uit starttls, ssl, none" in shown
    assert "smtp.ini:5: regel niet te lezen; verwacht '[smtp]' of 'sleutel = waarde'" in shown
    assert "smtp.ini:8: instelling 'host' komt twee keer voor (eerder op regel 2)" in shown
    assert "smtp.ini:9: onbekende sectie [elders]; de instellingen staan in [smtp]" in shown
    assert (
        "smtp.ini: geen afzender ingesteld: zet PRESTATIECHECK_SMTP_FROM of 'from' in --mail-config (of gebruik --dry-run)"
        in shown
    )
    assert PASSWORD not in str(caught.value)


def test_yaml_config(tmp_path: Path) -> None:
    config = tmp_path / "smtp.yaml"
    config.write_text(
        f"smtp:\n  host: smtp.example.nl\n  port: 465\n  security: ssl\n  user: u\n  password: '{PASSWORD}'\n"
        "  from: rapport@example.nl\n",
        encoding="utf-8",
    )
    config.chmod(0o600)
    settings = mail.validate_settings(request({}, config=config))
    assert (settings.host, settings.effective_port, settings.security, settings.password) == (
        "smtp.example.nl",
        465,
        "ssl",
        PASSWORD,
    )


def test_yaml_config_problems_never_quote_the_password(tmp_path: Path) -> None:
    config = tmp_path / "smtp.yaml"
    config.write_text(
        "host: smtp.example.nl\nfrom: a@example.nl\nuser: u\npassword: on\nsecurty: ssl\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError) as caught:
        mail.validate_settings(request({}, config=config))
    shown = [str(p) for p in caught.value.problems]
    assert any(
        s.endswith(
            "smtp.yaml:4:11: zet het wachtwoord tussen aanhalingstekens, anders leest YAML het als iets anders dan tekst"
        )
        for s in shown
    )
    assert any(":5:1: onbekende instelling 'securty'" in s and "(bedoelde u 'security'?)" in s for s in shown)
    assert "'on'" not in str(caught.value)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="bestaat niet"):
        mail.validate_settings(request({}, config=tmp_path / "geen.ini"))


def test_scrub_removes_plain_and_base64_password() -> None:
    import base64

    settings = mail.MailSettings(user="u", password=PASSWORD)
    sent = base64.b64encode(f"\0u\0{PASSWORD}".encode()).decode()
    assert settings.scrub(f"x {PASSWORD} y {sent}") == "x *** y ***"


# --- through a click command, as `prestatiecheck report` will use it ----------------------------


@click.group(cls=Group)
def fake_cli() -> None:
    pass


@fake_cli.command()
@mail_options
@click.option("--output", "output", type=click.Path(file_okay=False))
def report(**kwargs: Any) -> None:
    req = MailRequest.from_options(kwargs)
    if req is not None:
        mail.validate_settings(req)
    out = Path(kwargs["output"])
    files = report_files(out)  # "rendering"
    if req is not None:
        note = mail.deliver(
            req,
            subject=SUBJECT,
            text_body=TEXT,
            html_body=HTML,
            attachments=files,
            summary={"not_met": 1},
            changed=False,
            output_dir=out,
        )
        click.echo(note, err=True)


def run(args: list[str], env: dict[str, str]) -> Any:
    from click.testing import CliRunner

    return CliRunner().invoke(fake_cli, ["report", *args], env=env, catch_exceptions=False)


def test_cli_sends_and_exits_0(smtp_server: Server, tmp_path: Path) -> None:
    result = run(["--output", str(tmp_path), "--mail-to", "beleid@example.nl"], env_for(smtp_server))
    assert result.exit_code == exitcodes.OK, result.stderr
    assert "e-mail verzonden aan beleid@example.nl" in result.stderr


def test_cli_delivery_failure_exits_3_report_on_disk(auth_server: Server, tmp_path: Path) -> None:
    env = env_for(auth_server, user="rapportage", password=PASSWORD)
    result = run(["--output", str(tmp_path), "--mail-to", "beleid@example.nl"], env)
    assert result.exit_code == exitcodes.DELIVERY_FAILED
    assert result.stderr.startswith(
        f"prestatiecheck: rapport geschreven, maar e-mail via 127.0.0.1:{auth_server.port} mislukt"
    )
    assert (tmp_path / "mini-2022-2023-2023-03-01.pdf").read_bytes() == PDF
    assert PASSWORD not in result.output + result.stderr


def test_cli_missing_settings_exit_2_before_rendering(tmp_path: Path) -> None:
    result = run(
        ["--output", str(tmp_path / "out"), "--mail-to", "beleid@example.nl"],
        {
            "PRESTATIECHECK_SMTP_HOST": "",
            "PRESTATIECHECK_SMTP_FROM": "",
        },
    )
    assert result.exit_code == exitcodes.INVALID
    assert "geen SMTP-server ingesteld" in result.stderr
    assert "er is niets gemaakt of verzonden" in result.stderr
    assert not (tmp_path / "out").exists()


def test_cli_bad_address_exit_2(tmp_path: Path) -> None:
    result = run(["--output", str(tmp_path), "--mail-to", "beleid-at-example.nl"], {})
    assert result.exit_code == exitcodes.INVALID
    assert result.stderr == "prestatiecheck: ongeldig e-mailadres: 'beleid-at-example.nl'\n"


def test_cli_has_no_password_option() -> None:
    from click.testing import CliRunner

    help_text = CliRunner().invoke(fake_cli, ["report", "--help"]).output
    assert "--mail-to" in help_text and "--mail-config" in help_text and "--dry-run" in help_text
    assert "--password" not in help_text and "--smtp-password" not in help_text


def assert_no_secret(*texts: Any) -> None:
    for item in texts:
        if isinstance(item, pytest.CaptureFixture):
            captured = item.readouterr()
            item = captured.out + captured.err
        elif isinstance(item, pytest.LogCaptureFixture):
            item = "\n".join(r.getMessage() for r in item.records if not r.name.startswith("mail.log"))
        assert PASSWORD not in str(item)


@pytest.fixture
def ssl_server(tls_files: tuple[Path, Path]) -> Iterator[Server]:
    """Implicit TLS from the first byte (SMTPS, security=ssl)."""
    cert, key = tls_files
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    controller, server = _start(Recorder(), ssl_context=context)
    yield server
    controller.stop()


def test_ssl_with_trusted_cafile_delivers(
    ssl_server: Server, tls_files: tuple[Path, Path], tmp_path: Path
) -> None:
    env = env_for(ssl_server, security="ssl", cafile=str(tls_files[0]))
    send(request(env), tmp_path)
    assert ssl_server.recorder.envelopes[0].rcpt_tos == ["beleid@example.nl"]


def test_ssl_refuses_an_untrusted_certificate(ssl_server: Server, tmp_path: Path) -> None:
    with pytest.raises(
        DeliveryError,
        match=rf"127\.0\.0\.1:{ssl_server.port} mislukt: TLS mislukt: CERTIFICATE_VERIFY_FAILED",
    ):
        send(request(env_for(ssl_server, security="ssl")), tmp_path)


def test_cli_bad_config_file_exit_2_names_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("smtp.ini").write_text(
        "[smtp]\nhost = smtp.example.nl\nport = vijf\nfrom = a@example.nl\n", encoding="utf-8"
    )
    result = run(["--output", "out", "--mail-to", "a@example.nl", "--mail-config", "smtp.ini"], {})
    assert result.exit_code == exitcodes.INVALID
    assert "smtp.ini:3:8: ongeldige poort 'vijf'" in result.stderr
    assert not Path("out").exists()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_password_file_readable_by_everyone_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "smtp.ini"
    config.write_text(
        f"[smtp]\nhost = h.example.nl\nfrom = a@example.nl\nuser = u\npassword = {PASSWORD}\n",
        encoding="utf-8",
    )
    config.chmod(0o644)
    with pytest.raises(ConfigError) as caught:
        mail.validate_settings(request({}, config=config))
    assert "iedereen op deze computer kan het lezen; maak het privé met: chmod 600" in str(caught.value)
    assert PASSWORD not in str(caught.value)
    config.chmod(0o640)  # group-readable is the admin's choice
    assert mail.validate_settings(request({}, config=config)).password == PASSWORD


def test_dry_run_message_holds_no_secret(tmp_path: Path) -> None:
    env = {
        "PRESTATIECHECK_SMTP_USER": "u",
        "PRESTATIECHECK_SMTP_PASSWORD": PASSWORD,
        "PRESTATIECHECK_SMTP_FROM": "a@example.nl",
    }
    note = send(MailRequest(recipients=("b@example.nl",), dry_run=True, environ=env), tmp_path)
    eml = next(tmp_path.glob("*.eml")).read_bytes()
    assert PASSWORD.encode() not in eml and PASSWORD not in note
    assert b"From: a@example.nl" in eml


@pytest.mark.parametrize("empty", ["", " , "])
def test_empty_mail_to_is_a_usage_error(empty: str) -> None:
    with pytest.raises(UsageError, match="ongeldig e-mailadres"):
        MailRequest.from_options({"mail_to": (empty,)})
