"""E-mail delivery of a finished report, for cron jobs.

The report command renders its files first, then calls :func:`deliver`. Settings come
from ``PRESTATIECHECK_SMTP_*`` environment variables, filled in or overridden by an
optional ``--mail-config`` file (INI or YAML). There is deliberately no password option:
a password on the command line ends up in shell history and ``ps`` output. Secrets are
never printed, logged or put into an error message; every text built from a server's
answer passes through :meth:`MailSettings.scrub`.

Interface used by ``prestatiecheck report`` (whose ``mail_options`` adds the options)::

    @mail_options
    def report(**kwargs): ...
        request = MailRequest.from_options(kwargs)   # None without --mail-to
        if request: validate_settings(request)      # exit 2 before anything is rendered
        ...render files...
        if request: click.echo(deliver(request, subject=..., ...), err=True)
"""

from __future__ import annotations

import base64
import contextlib
import ipaddress
import os
import re
import socket
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prestatiecheck.delivery import MAIL_ON
from prestatiecheck.errors import ConfigError, DeliveryError, UsageError
from prestatiecheck.i18n import did_you_mean, t
from prestatiecheck.model import Location, Problem

if TYPE_CHECKING:
    import smtplib
    from email.message import EmailMessage

SECURITY = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
DEFAULT_TIMEOUT = 30.0
ENV_PREFIX = "PRESTATIECHECK_SMTP_"
SETTING_KEYS = ("host", "port", "user", "password", "from", "security", "timeout", "cafile")
CONFIG_SECTION = "smtp"

# Attachment types by suffix; mimetypes' table differs between Python versions (.md).
MIME_TYPES = {
    ".pdf": "application/pdf",
    ".html": "text/html",
    ".htm": "text/html",
    ".md": "text/markdown",
    ".txt": "text/plain",
    ".csv": "text/csv",
    ".json": "application/json",
    ".ics": "text/calendar",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

_ADDRESS = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$")
_HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:.]+\]?$")


def valid_address(text: str) -> bool:
    return bool(_ADDRESS.match(text)) and ".." not in text


def _split_addresses(values: Iterable[str]) -> list[str]:
    """'a@x, b@y' and repeated options alike; 'Name <a@x>' keeps only the address."""
    from email.utils import getaddresses

    out: list[str] = []
    for value in values:
        for piece in re.split(r"[,;]", value):
            piece = piece.strip()
            if not piece:
                continue
            if "<" in piece:  # Name <address>
                (_, address), *rest = getaddresses([piece]) or [("", "")]
            else:  # as written: getaddresses would quietly drop a space inside it
                address, rest = piece, []
            if rest or not valid_address(address.strip()):
                raise UsageError(t("mail_bad_address", address=piece))
            if address.strip() not in out:
                out.append(address.strip())
    return out


@dataclass
class MailRequest:
    """What the user asked for on the command line; settings are resolved later (validate_settings)."""

    recipients: tuple[str, ...]
    mail_on: str = "always"
    dry_run: bool = False
    config: Path | None = None
    environ: Mapping[str, str] | None = field(default=None, repr=False)  # tests; None: os.environ
    _settings: MailSettings | None = field(default=None, repr=False)

    @classmethod
    def from_options(cls, kwargs: dict[str, Any]) -> MailRequest | None:
        """Pop the mail options from a command's kwargs; None when there is no --mail-to."""
        mail_to = tuple(kwargs.pop("mail_to", ()) or ())
        mail_on = kwargs.pop("mail_on", None)
        dry_run = bool(kwargs.pop("dry_run", False))
        config = kwargs.pop("mail_config", None)
        if not mail_to:
            given = [
                name
                for name, value in (("--mail-on", mail_on), ("--dry-run", dry_run), ("--mail-config", config))
                if value
            ]
            if given:
                raise UsageError(t("mail_needs_mail_to", options=", ".join(given)))
            return None
        if mail_on is not None and mail_on not in MAIL_ON:
            raise UsageError(t("mail_bad_mail_on", value=mail_on, choices=", ".join(MAIL_ON)))
        recipients = _split_addresses(mail_to)
        if not recipients:  # --mail-to ""
            raise UsageError(t("mail_bad_address", address=", ".join(mail_to)))
        return cls(
            recipients=tuple(recipients),
            mail_on=mail_on or "always",
            dry_run=dry_run,
            config=Path(config) if config else None,
        )

    def settings(self) -> MailSettings:
        if self._settings is None:
            self._settings = validate_settings(self)
        return self._settings


# --- settings -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MailSettings:
    host: str | None = None
    port: int | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    sender: str | None = None
    security: str = "starttls"
    timeout: float = DEFAULT_TIMEOUT
    cafile: str | None = None  # an internal CA to trust besides the system's
    secrets: tuple[str, ...] = field(default=(), repr=False)

    @property
    def effective_port(self) -> int:
        return self.port or DEFAULT_PORTS[self.security]

    @property
    def where(self) -> str:
        return f"{self.host}:{self.effective_port}"

    def scrub(self, text: str) -> str:
        """Remove the password (plain or as sent in AUTH PLAIN/LOGIN) from any text we show."""
        for secret in _secret_forms(self.user, (self.password, *self.secrets)):
            if len(secret) >= 6:
                text = text.replace(secret, "***")
            else:  # a short one only as a whole word, so 'on' does not turn 'onbekend' into '***bekend'
                text = re.sub(rf"(?<![\w]){re.escape(secret)}(?![\w])", "***", text)
        return text


def _secret_forms(user: str | None, passwords: Iterable[str | None]) -> list[str]:
    forms: list[str] = []
    for password in passwords:
        if not password:
            continue
        forms.append(password)
        forms.append(base64.b64encode(password.encode()).decode())
        if user:
            forms.append(base64.b64encode(f"\0{user}\0{password}".encode()).decode())
    return sorted(set(forms), key=len, reverse=True)


def validate_settings(request: MailRequest) -> MailSettings:
    """Resolve and check the SMTP settings; raise ConfigError (exit 2) before any work is done.

    Without --dry-run a host and a sender are required. The report command calls this
    before rendering so a cron job with a broken configuration fails fast.
    """
    environ = os.environ if request.environ is None else request.environ
    raw: dict[str, tuple[str, Location]] = {}
    problems: list[Problem] = []
    for key in SETTING_KEYS:
        name = ENV_PREFIX + key.upper()
        value = environ.get(name, "").strip()
        if value:
            raw[key] = (value, Location(name))
    secrets: list[str] = []
    if request.config is not None:
        from_file, file_problems, secrets = read_config(request.config)
        raw.update(from_file)
        problems.extend(file_problems)
    settings, more = _check(raw, require=not request.dry_run, config=request.config)
    problems.extend(more)
    password = raw.get("password", ("", Location("")))[0] or None
    scrubber = MailSettings(user=settings.user, password=password, secrets=tuple(secrets))
    if problems:
        raise ConfigError([Problem(p.location, scrubber.scrub(p.message), p.severity) for p in problems])
    return MailSettings(
        host=settings.host,
        port=settings.port,
        user=settings.user,
        password=password,
        sender=settings.sender,
        security=settings.security,
        timeout=settings.timeout,
        cafile=settings.cafile,
        secrets=tuple(secrets),
    )


def _check(
    raw: Mapping[str, tuple[str, Location]], *, require: bool, config: Path | None
) -> tuple[MailSettings, list[Problem]]:
    problems: list[Problem] = []

    def bad(key: str, message: str) -> None:
        problems.append(Problem(raw[key][1], message))

    host = raw["host"][0] if "host" in raw else None
    if host is not None and not _HOST.match(host):
        bad("host", t("mail_bad_host", value=host))
    security = raw["security"][0].lower() if "security" in raw else "starttls"
    if security not in SECURITY:
        bad("security", t("mail_bad_security", value=raw["security"][0], choices=", ".join(SECURITY)))
        security = "starttls"
    port: int | None = None
    if "port" in raw:
        text = raw["port"][0]
        if text.isdigit() and 0 < int(text) < 65536:
            port = int(text)
        else:
            bad("port", t("mail_bad_port", value=text))
    timeout = DEFAULT_TIMEOUT
    if "timeout" in raw:
        try:
            timeout = float(raw["timeout"][0])
            if not 0 < timeout <= 3600:
                raise ValueError
        except ValueError:
            bad("timeout", t("mail_bad_timeout", value=raw["timeout"][0]))
            timeout = DEFAULT_TIMEOUT
    sender = raw["from"][0] if "from" in raw else None
    if sender is not None:
        problem = _sender_problem(sender)
        if problem:
            bad("from", problem)
    cafile = raw["cafile"][0] if "cafile" in raw else None
    if cafile is not None:
        if not Path(cafile).is_file():
            bad("cafile", t("mail_bad_cafile", value=cafile))
        else:
            reason = _cafile_problem(cafile)
            if reason:
                bad("cafile", t("mail_cafile_unusable", value=cafile, reason=reason))
    user = raw["user"][0] if "user" in raw else None
    if user is not None and _CONTROL.search(user):
        bad("user", t("mail_user_control"))
    has_password = "password" in raw

    def where(key: str) -> Location:  # a missing setting: the config file, else the variable to set
        if config is not None:
            from prestatiecheck.loading.resources import display_path

            return Location(display_path(config))
        return Location(ENV_PREFIX + key.upper())

    if has_password and not user:
        problems.append(Problem(raw["password"][1], t("mail_password_without_user")))
    if user and not has_password:
        problems.append(Problem(raw["user"][1], t("mail_user_without_password")))
    if user and has_password and security == "none" and host and not _is_loopback(host):
        problems.append(
            Problem(raw["security"][1] if "security" in raw else where("security"), t("mail_login_in_clear"))
        )
    if require:
        if host is None:
            problems.append(Problem(where("host"), t("mail_missing_host")))
        if sender is None:
            problems.append(Problem(where("from"), t("mail_missing_from")))
    settings = MailSettings(
        host=host, port=port, user=user, sender=sender, security=security, timeout=timeout, cafile=cafile
    )
    return settings, problems


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _sender_problem(sender: str) -> str | None:
    """Why a From setting cannot be the sender (a line break would inject headers), or None."""
    from email.utils import parseaddr

    from prestatiecheck.rendering.safetext import visible_controls

    shown = visible_controls(sender, newlines=False)
    if _CONTROL.search(sender):
        return t("mail_from_control", value=shown)
    address = parseaddr(sender)[1]
    if not valid_address(address):
        return t("mail_bad_from", value=shown)
    try:  # exactly what building the message will do
        from email.message import EmailMessage

        EmailMessage()["From"] = sender
    except (ValueError, TypeError, IndexError) as e:
        return t("mail_bad_from", value=shown) + f" ({e})"
    return None


def _cafile_problem(cafile: str) -> str | None:
    """Why the CA file cannot be used to verify the server (not PEM, no certificate), or None."""
    import ssl

    try:
        ssl.create_default_context().load_verify_locations(cafile=cafile)
    except ssl.SSLError as e:
        return str(e.reason or e)
    except (OSError, ValueError) as e:
        return getattr(e, "strerror", None) or str(e)
    return None


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# --- the config file ----------------------------------------------------------------------------


def read_config(path: Path) -> tuple[dict[str, tuple[str, Location]], list[Problem], list[str]]:
    """Settings from an INI ([smtp] section) or YAML file, each with its line; plus every problem.

    Also returns the raw password text(s) found, so messages about the file can be scrubbed.
    """
    from prestatiecheck.loading.resources import display_path
    from prestatiecheck.loading.textfile import Unreadable, read_text

    shown = display_path(path)
    try:
        text = read_text(path, display=shown)
    except Unreadable as e:
        return {}, [e.problem], []
    secrets = _password_candidates(text)
    if path.suffix.lower() in (".yaml", ".yml"):
        settings, problems = _read_yaml_config(text, shown)
    else:
        settings, problems = _read_ini_config(text, shown)
    if "password" in settings and _readable_by_everyone(path):
        problems.append(Problem(Location(shown), t("mail_config_world_readable", path=shown)))
    return settings, problems, secrets


def _readable_by_everyone(path: Path) -> bool:
    """Like ssh with a private key: a password in a file every user can read is refused (POSIX)."""
    import stat

    try:
        return os.name == "posix" and bool(path.stat().st_mode & stat.S_IROTH)
    except OSError:
        return False


def _password_candidates(text: str) -> list[str]:
    found = []
    for line in text.splitlines():
        m = re.match(r"^\s*password\s*[:=]\s*(.*?)\s*$", line, re.IGNORECASE)
        if m and m[1]:
            found.append(m[1])
            found.append(_unquote(m[1]))
    return [s for s in found if s]


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _unknown_key(key: str) -> str:
    return t("mail_config_unknown_key", key=key, known=", ".join(SETTING_KEYS)) + did_you_mean(
        key, SETTING_KEYS
    )


def _read_ini_config(text: str, shown: str) -> tuple[dict[str, tuple[str, Location]], list[Problem]]:
    """A tiny INI reader: no interpolation (a '%' in a password stays a '%'), positions kept."""
    settings: dict[str, tuple[str, Location]] = {}
    problems: list[Problem] = []
    section: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped[0] in "#;":
            continue
        where = Location(shown, number)
        if stripped.startswith("["):
            if not stripped.endswith("]"):
                problems.append(Problem(where, t("mail_config_bad_line")))
                continue
            section = stripped[1:-1].strip().lower()
            if section != CONFIG_SECTION:
                problems.append(Problem(where, t("mail_config_unknown_section", section=section)))
            continue
        separator = re.search(r"[=:]", stripped)
        if not separator:
            problems.append(Problem(where, t("mail_config_bad_line")))
            continue
        key = stripped[: separator.start()].strip().lower()
        after = stripped[separator.end() :]
        value = _unquote(after.strip())
        column = line.index(stripped) + separator.end() + (len(after) - len(after.lstrip())) + 1
        if section not in (None, CONFIG_SECTION):
            continue  # already reported the section
        key = key.removeprefix(ENV_PREFIX.lower()).replace("sender", "from")
        if key not in SETTING_KEYS:
            problems.append(Problem(where, _unknown_key(key)))
            continue
        if key in settings:
            problems.append(Problem(where, t("mail_config_duplicate", key=key, line=settings[key][1].line)))
            continue
        if value:
            settings[key] = (value, Location(shown, number, column))
    return settings, problems


def _read_yaml_config(text: str, shown: str) -> tuple[dict[str, tuple[str, Location]], list[Problem]]:
    from prestatiecheck.loading.yamlsafe import YamlMapping, parse_yaml

    data, problems = parse_yaml(text, shown)
    if data is None:
        return {}, problems
    if isinstance(data, YamlMapping) and set(data) == {CONFIG_SECTION}:
        data = data[CONFIG_SECTION]
    if not isinstance(data, YamlMapping):
        where = getattr(data, "location", Location(shown, 1))
        return {}, [*problems, Problem(where, t("mail_config_not_mapping"))]
    password_at = data.where("password") if "password" in data else None
    # YAML warnings about the password's value would quote it: say it without the value.
    problems = [
        Problem(p.location, t("mail_config_quote_password")) if p.location == password_at else p
        for p in problems
    ]
    settings: dict[str, tuple[str, Location]] = {}
    for key, value in data.items():
        name = str(key).lower().replace("sender", "from")
        if name not in SETTING_KEYS:
            problems.append(Problem(data.where_key(key), _unknown_key(str(key))))
            continue
        if value is None:
            continue
        if isinstance(value, (dict, list, bool)):
            problems.append(Problem(data.where(key), t("mail_config_not_text", key=name)))
            continue
        settings[name] = (str(value), data.where(key))
    return settings, problems


# --- deciding, building, sending ----------------------------------------------------------------


def should_send(mail_on: str, summary: Mapping[str, int], changed: bool) -> bool:
    not_met = int(summary.get("not_met", 0))
    at_risk = int(summary.get("at_risk", 0))
    if mail_on == "not_met":
        return not_met > 0
    if mail_on == "at_risk":
        return not_met > 0 or at_risk > 0
    if mail_on == "change":
        return changed
    return True


def mime_type(path: Path) -> tuple[str, str]:
    known = MIME_TYPES.get(path.suffix.lower())
    if known is None:
        import mimetypes

        known = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    maintype, _, subtype = known.partition("/")
    return maintype, subtype


def build_message(
    *,
    sender: str,
    recipients: Iterable[str],
    subject: str,
    text_body: str,
    html_body: str | None,
    attachments: Iterable[Path],
) -> EmailMessage:
    """multipart/mixed: multipart/alternative (text, HTML) plus the attachments."""
    from email.message import EmailMessage
    from email.utils import formatdate, make_msgid, parseaddr

    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Subject"] = " ".join(subject.split())  # no header injection through a newline
    message["Date"] = formatdate(localtime=True)
    domain = parseaddr(sender)[1].rpartition("@")[2] or "prestatiecheck.invalid"
    message["Message-ID"] = make_msgid(domain=domain)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies to cron mail
    message.set_content(text_body)
    if html_body:
        message.add_alternative(html_body, subtype="html")
    for path in attachments:
        try:
            data = Path(path).read_bytes()
        except OSError as e:
            raise DeliveryError(t("mail_attachment_unreadable", path=path, reason=e.strerror or e)) from e
        maintype, subtype = mime_type(Path(path))
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=Path(path).name)
    return message


def deliver(
    request: MailRequest,
    *,
    subject: str,
    text_body: str,
    html_body: str | None,
    attachments: list[Path],
    summary: dict[str, int],
    changed: bool,
    output_dir: Path,
) -> str:
    """Send the report (or write it as .eml with --dry-run); return a one-line note for stderr.

    Raises DeliveryError (exit 3) when sending fails; the report files are already on disk.
    """
    if not should_send(request.mail_on, summary, changed):
        return t(f"mail_skipped_{request.mail_on}")
    settings = request.settings()
    sender = settings.sender or "prestatiecheck@localhost"
    message = build_message(
        sender=sender,
        recipients=request.recipients,
        subject=subject,
        text_body=text_body,
        html_body=html_body,
        attachments=attachments,
    )
    recipients = ", ".join(request.recipients)
    if request.dry_run:
        from prestatiecheck.outputs import write_atomic

        stem = Path(attachments[0]).stem if attachments else "prestatiecheck-mail"
        target = Path(output_dir) / f"{stem}.eml"
        try:
            write_atomic(target, bytes(message))
        except OSError as e:
            raise DeliveryError(t("mail_eml_failed", path=target, reason=e.strerror or e)) from e
        return t("mail_dry_run", path=target, recipients=recipients)
    send(settings, message, request.recipients)
    return t("mail_sent", recipients=recipients, where=settings.where)


def send(settings: MailSettings, message: EmailMessage, recipients: Iterable[str]) -> None:
    """Hand the message to the SMTP server; every failure becomes a DeliveryError naming host:port.

    The timeout bounds the whole delivery, not each socket read: the conversation runs in a
    worker thread, and when it is not done in time its connection is shut and the run goes
    on (a server that trickles a byte every two seconds cannot hold a cron job).
    """
    import threading

    recipients = list(recipients)
    assert settings.host is not None and settings.sender is not None
    conversation = _Conversation(settings, message, recipients)
    worker = threading.Thread(target=conversation.run, name="prestatiecheck-smtp", daemon=True)
    worker.start()
    worker.join(settings.timeout)
    if worker.is_alive():
        conversation.abandon()
        worker.join(1.0)
        raise DeliveryError(_failed(settings, t("mail_timeout", seconds=f"{settings.timeout:g}"))) from None
    error = conversation.error
    if isinstance(error, DeliveryError):
        raise DeliveryError(str(error)) from None
    if error is not None:
        if not isinstance(error, Exception):
            raise error
        raise DeliveryError(_failed(settings, _explain(error, settings))) from None
    refused = conversation.refused
    if refused:
        delivered = [r for r in recipients if r not in refused]
        raise DeliveryError(
            _failed(
                settings,
                t(
                    "mail_some_refused",
                    refused=_refusals(refused),
                    delivered=", ".join(delivered) or "-",
                ),
            )
        ) from None


class _Utf8(str):
    """A login text smtplib sends as UTF-8 (RFC 4616) where it would insist on ASCII.

    smtplib encodes AUTH responses with ``.encode('ascii')``: a password with 'é' or '€'
    would fail with an error naming the character and its position.
    """

    def encode(self, encoding: str = "utf-8", errors: str = "strict") -> bytes:
        return str.encode(self, "utf-8", errors)


def _utf8_client(base: type) -> type:
    class Client(base):  # type: ignore[valid-type,misc]
        def auth_plain(self, challenge: bytes | None = None) -> str:
            return _Utf8(super().auth_plain(challenge))

        def auth_login(self, challenge: bytes | None = None) -> str:
            return _Utf8(super().auth_login(challenge))

    return Client


class _Conversation:
    """One SMTP conversation, run in a worker thread; the main thread may abandon it."""

    def __init__(self, settings: MailSettings, message: EmailMessage, recipients: list[str]) -> None:
        import threading

        self.settings = settings
        self.message = message
        self.recipients = recipients
        self.error: BaseException | None = None
        self.refused: dict[str, tuple[int, bytes]] = {}
        self._client: smtplib.SMTP | None = None
        self._abandoned = threading.Event()

    def abandon(self) -> None:
        """Stop it: shut the connection so a blocked read returns, and let no later step run."""
        self._abandoned.set()
        client = self._client
        sock = getattr(client, "sock", None) if client is not None else None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.close()

    def _step(self) -> None:
        if self._abandoned.is_set():
            raise TimeoutError("abandoned")

    def run(self) -> None:
        try:
            self._run()
        except BaseException as e:  # noqa: BLE001 - reported by the main thread
            self.error = e

    def _run(self) -> None:
        import smtplib
        import ssl
        from email.utils import parseaddr

        settings = self.settings
        assert settings.host is not None and settings.sender is not None
        envelope_from = parseaddr(settings.sender)[1]
        context = ssl.create_default_context()
        if settings.cafile:
            context.load_verify_locations(cafile=settings.cafile)
        # Each socket read may take the whole timeout (and a little more): the deadline of the
        # main thread, not a read, is what ends a slow conversation.
        per_read = settings.timeout + 1.0
        client: smtplib.SMTP
        if settings.security == "ssl":
            client = _utf8_client(smtplib.SMTP_SSL)(
                settings.host, settings.effective_port, timeout=per_read, context=context
            )
        else:
            client = _utf8_client(smtplib.SMTP)(settings.host, settings.effective_port, timeout=per_read)
        self._client = client
        with client:
            self._step()
            client.ehlo()
            if settings.security == "starttls":
                if not client.has_extn("starttls"):
                    raise DeliveryError(_failed(settings, t("mail_no_starttls")))
                self._step()
                client.starttls(context=context)
                client.ehlo()
            if settings.user and settings.password:
                self._step()
                client.login(_Utf8(settings.user), _Utf8(settings.password))
            self._step()
            self.refused = client.send_message(
                self.message, from_addr=envelope_from, to_addrs=self.recipients
            )


def _failed(settings: MailSettings, reason: str) -> str:
    return settings.scrub(t("mail_failed", where=settings.where, reason=reason))


def _answer(code: int, text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{code} {' '.join(text.split())}".strip()


def _refusals(refused: Mapping[str, tuple[int, bytes]]) -> str:
    return "; ".join(f"{address}: {_answer(*answer)}" for address, answer in refused.items())


def _explain(error: Exception, settings: MailSettings) -> str:
    import smtplib
    import ssl

    if isinstance(error, smtplib.SMTPAuthenticationError):
        return t("mail_auth_refused", user=settings.user, answer=_answer(error.smtp_code, error.smtp_error))
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return t("mail_not_supported", reason=str(error))
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return t("mail_recipients_refused", refused=_refusals(error.recipients))
    if isinstance(error, smtplib.SMTPSenderRefused):
        return t(
            "mail_sender_refused", sender=error.sender, answer=_answer(error.smtp_code, error.smtp_error)
        )
    if isinstance(error, smtplib.SMTPDataError):
        return t("mail_data_refused", answer=_answer(error.smtp_code, error.smtp_error))
    if isinstance(error, smtplib.SMTPServerDisconnected):
        if isinstance(error.__context__, TimeoutError):  # smtplib turns a read timeout into this
            return t("mail_timeout", seconds=f"{settings.timeout:g}")
        return t("mail_disconnected")
    if isinstance(error, smtplib.SMTPConnectError):
        return t("mail_connect_refused_answer", answer=_answer(error.smtp_code, error.smtp_error))
    if isinstance(error, smtplib.SMTPResponseException):
        return t("mail_server_answer", answer=_answer(error.smtp_code, error.smtp_error))
    if isinstance(error, ConnectionRefusedError):
        return t("mail_connection_refused")
    if isinstance(error, (TimeoutError, socket.timeout)):
        return t("mail_timeout", seconds=f"{settings.timeout:g}")
    if isinstance(error, socket.gaierror):
        return t("mail_unknown_host", host=settings.host)
    if isinstance(error, ssl.SSLError):
        return t("mail_tls_failed", reason=error.reason or str(error))
    if isinstance(error, OSError):
        return t("mail_network_error", reason=error.strerror or str(error))
    if isinstance(error, UnicodeError):  # its text names a character (of a password?) and its position
        return t("mail_encoding_failed")
    return f"{type(error).__name__}: {error}"
