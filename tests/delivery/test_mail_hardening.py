"""Mail settings that used to crash the mail step, a server that trickles, and non-ASCII passwords."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("aiosmtpd")

from aiosmtpd.smtp import AuthResult, LoginPassword  # noqa: E402

from prestatiecheck import exitcodes  # noqa: E402
from prestatiecheck.delivery import mail  # noqa: E402
from prestatiecheck.errors import ConfigError, DeliveryError  # noqa: E402
from tests.delivery.test_mail import (  # noqa: E402
    Recorder,
    Server,
    _start,
    env_for,
    request,
    run,
    send,
)

NON_ASCII = "wächtwoörd€2026"


@pytest.fixture
def smtp_server() -> Iterator[Server]:
    controller, server = _start(Recorder())
    yield server
    controller.stop()


# --- refused before anything is sent ----------------------------------------------------------------


def test_a_cafile_that_is_not_pem_is_a_configuration_error(smtp_server: Server, tmp_path: Path) -> None:
    cafile = tmp_path / "ca.der"
    cafile.write_bytes(b"0\x82\x01\x0a not a certificate in PEM")
    env = env_for(smtp_server, security="starttls", cafile=str(cafile))
    with pytest.raises(ConfigError) as caught:
        mail.validate_settings(request(env))
    text = "\n".join(str(p) for p in caught.value.problems)
    assert "PRESTATIECHECK_SMTP_CAFILE: CA-bestand" in text and "is onbruikbaar" in text and "PEM" in text
    result = run(["--output", str(tmp_path / "out"), "--mail-to", "beleid@example.nl"], env)
    assert result.exit_code == exitcodes.INVALID, result.stderr
    assert not (tmp_path / "out").exists()  # refused before the report was made
    assert not smtp_server.recorder.envelopes


@pytest.mark.parametrize(
    "sender",
    [
        "Prestatiecheck\nBcc: iedereen@example.org <rapportage@gemeente.example.nl>",
        "Prestatiecheck <rapportage@gemeente.example.nl>\r\nX-Spam: yes",
        "Presta\x1b[2Jtiecheck <rapportage@gemeente.example.nl>",
    ],
)
def test_a_sender_with_a_line_break_is_refused_before_sending(
    smtp_server: Server, tmp_path: Path, sender: str
) -> None:
    env = {**env_for(smtp_server), "PRESTATIECHECK_SMTP_FROM": sender}
    result = run(["--output", str(tmp_path / "out"), "--mail-to", "beleid@example.nl"], env)
    assert result.exit_code == exitcodes.INVALID, result.stderr
    assert "PRESTATIECHECK_SMTP_FROM: afzender" in result.stderr
    assert "regeleinde of ander stuurteken" in result.stderr
    assert "\n" not in result.stderr.split("afzender '", 1)[1].split("'", 1)[0]  # shown escaped
    assert not (tmp_path / "out").exists() and not smtp_server.recorder.envelopes


def test_a_sender_with_a_line_break_in_a_yaml_config_names_file_and_line(
    smtp_server: Server, tmp_path: Path
) -> None:
    config = tmp_path / "smtp.yaml"
    config.write_text(
        f'host: 127.0.0.1\nport: {smtp_server.port}\nsecurity: none\nfrom: "A\\nBcc: x@example.org <a@example.nl>"\n',
        encoding="utf-8",
    )
    result = run(
        ["--output", str(tmp_path / "out"), "--mail-to", "b@example.nl", "--mail-config", str(config)], {}
    )
    assert result.exit_code == exitcodes.INVALID
    assert "smtp.yaml:4:" in result.stderr and "stuurteken" in result.stderr
    assert not smtp_server.recorder.envelopes


# --- the timeout bounds the whole delivery ------------------------------------------------------------


@pytest.fixture
def trickling_server() -> Iterator[int]:
    """Accepts, then sends its greeting one byte at a time, every 0.3 s (each read gets a byte in time)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    stop = threading.Event()

    def serve() -> None:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        with conn:
            for byte in b"220 smtp.example.nl ESMTP a very slow but never silent server\r\n":
                if stop.wait(0.3):
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield int(listener.getsockname()[1])
    stop.set()
    listener.close()
    thread.join(5)


def test_a_trickling_server_cannot_hold_the_run(trickling_server: int, tmp_path: Path) -> None:
    env = {
        "PRESTATIECHECK_SMTP_HOST": "127.0.0.1",
        "PRESTATIECHECK_SMTP_PORT": str(trickling_server),
        "PRESTATIECHECK_SMTP_FROM": "a@example.nl",
        "PRESTATIECHECK_SMTP_SECURITY": "none",
        "PRESTATIECHECK_SMTP_TIMEOUT": "1",
    }
    started = time.monotonic()
    result = run(["--output", str(tmp_path), "--mail-to", "beleid@example.nl"], env)
    elapsed = time.monotonic() - started
    assert result.exit_code == exitcodes.DELIVERY_FAILED
    assert f"127.0.0.1:{trickling_server} mislukt: niet klaar binnen 1 s" in result.stderr
    # the greeting alone takes 20 s at this pace; the run ends at its 1 s deadline
    assert elapsed < 10


# --- non-ASCII passwords ------------------------------------------------------------------------------


@pytest.fixture
def utf8_auth_server() -> Iterator[Server]:
    """Accepts exactly the user 'rapportage' with NON_ASCII as password (sent as UTF-8)."""
    attempts: list[tuple[str, Any]] = []

    def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
        attempts.append((mechanism, auth_data))
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"rapportage"
        ok = ok and auth_data.password == NON_ASCII.encode("utf-8")
        return AuthResult(success=ok, handled=False)

    controller, server = _start(Recorder(), authenticator=authenticator, auth_require_tls=False)
    server.auth_attempts = attempts
    yield server
    controller.stop()


def test_a_non_ascii_password_is_sent_as_utf8(utf8_auth_server: Server, tmp_path: Path) -> None:
    env = env_for(utf8_auth_server, user="rapportage", password=NON_ASCII)
    note = send(request(env), tmp_path)
    assert "e-mail verzonden aan beleid@example.nl" in note
    assert len(utf8_auth_server.recorder.envelopes) == 1


def test_a_refused_non_ascii_password_discloses_nothing(utf8_auth_server: Server, tmp_path: Path) -> None:
    wrong = "fóut€"
    env = env_for(utf8_auth_server, user="rapportage", password=wrong)
    with pytest.raises(DeliveryError) as caught:
        send(request(env), tmp_path)
    text = str(caught.value)
    assert "inloggen als 'rapportage' geweigerd" in text
    assert wrong not in text and "ó" not in text and "€" not in text and "position" not in text


def test_an_encoding_error_never_quotes_the_character() -> None:
    error = UnicodeEncodeError("ascii", "geheim€", 6, 7, "ordinal not in range(128)")
    text = mail._explain(error, mail.MailSettings(host="h", user="u", password="geheim€"))
    assert "€" not in text and "6" not in text and "position" not in text
