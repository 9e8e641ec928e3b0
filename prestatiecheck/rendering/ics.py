"""The deadline calendar: every deadline occurrence as an all-day iCalendar event (RFC 5545).

Outlook and Google Calendar import the file; re-importing a newer file updates the
events instead of duplicating them because each UID is stable: rule id, party and
period. ``icalendar`` is imported here only, when a calendar is asked for.

iCalendar text may not hold control characters (RFC 5545, TSAFE-CHAR), and a calendar
program must never be handed a title or quote that steers a terminal: every text from
a rule file is put through :func:`~prestatiecheck.rendering.safetext.visible_controls`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from prestatiecheck.i18n import get_language, t
from prestatiecheck.rendering.safetext import visible_controls

if TYPE_CHECKING:
    from prestatiecheck.evaluation import Evaluation
    from prestatiecheck.model import Agreement, Result

REMINDER_DAYS = 14
"""The reminder (VALARM) fires this many days before the due date."""

QUOTE_LIMIT = 200
"""A quote longer than this many characters is cut at a word boundary, with an ellipsis."""


def shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` on one line; if longer than ``limit``, its first whole words and '…' (never a cut word).

    A first word longer than the limit is kept whole: a word is never cut.
    """
    words = text.split()
    whole = " ".join(words)
    if len(whole) <= limit:
        return whole
    kept: list[str] = []
    length = 0
    for word in words:
        extra = len(word) + (1 if kept else 0)
        if kept and length + extra + 1 > limit:  # room for the '…'
            break
        kept.append(word)
        length += extra
    shown = " ".join(kept)
    return (shown.rstrip(",;: ") or shown) + "…"


def uid(result: Result) -> str:
    """Stable across runs: the same deadline keeps its UID, so a re-import updates it."""
    rule = result.rule
    # A statutory deadline recurs per agreement (the bod goes to each municipality): its UID
    # names the agreement whose corporations it was applied to.
    scope = f"/{rule.applies_to}" if rule.applies_to and rule.applies_to != rule.agreement_id else ""
    raw = f"{rule.id}{scope}/{result.party or 'samen'}/{result.period}"
    return "".join("-" if c.isspace() or c == "@" else c for c in raw) + "@prestatiecheck"


def calendar(
    evaluation: Evaluation,
    *,
    reminder_days: int = REMINDER_DAYS,
    stamp: datetime | None = None,
) -> bytes:
    """One VEVENT per deadline result (rule, party, period), due date as an all-day event."""
    import icalendar

    from prestatiecheck import __version__

    cal = icalendar.Calendar()
    cal.add("prodid", f"-//prestatiecheck//prestatiecheck {__version__}//{get_language().upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", t("ics_calendar_name", agreements=_agreement_titles(evaluation.agreements)))
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    for result in sorted(evaluation.results, key=lambda r: (_due(r), r.rule.id, r.party or "")):
        due = _due(result)
        if due is None:
            continue
        agreement = evaluation.catalogue.agreements.get(result.rule.agreement_id)
        event = icalendar.Event()
        event.add("uid", uid(result))
        event.add("dtstamp", stamp)
        event.add("dtstart", due)
        event.add("dtend", due + timedelta(days=1))
        event.add("summary", summary(result, agreement))
        event.add("description", description(result, agreement, evaluation.as_of))
        event.add("categories", [visible_controls(result.rule.theme)])
        event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy all day
        if reminder_days > 0:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("trigger", timedelta(days=-reminder_days))
            alarm.add("description", t("ics_reminder", title=summary(result, agreement), days=reminder_days))
            event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())


def render(evaluation: Evaluation, options: Any = None) -> str:
    """The renderer interface (text); the CLI writes :func:`calendar`'s bytes."""
    return calendar(evaluation).decode("utf-8")


def _due(result: Result) -> date | None:
    return result.limit if isinstance(result.limit, date) else None


def _agreement_titles(agreements: Sequence[Agreement]) -> str:
    return visible_controls(", ".join(a.title for a in agreements))


def _party(agreement: Agreement | None, party_id: str) -> str:
    party = agreement.party(party_id) if agreement else None
    return party.name if party else party_id


def summary(result: Result, agreement: Agreement | None) -> str:
    if result.party:
        text = t("ics_summary_party", title=result.rule.title, party=_party(agreement, result.party))
    else:
        text = t("ics_summary", title=result.rule.title)
    return visible_controls(text)


def description(result: Result, agreement: Agreement | None, as_of: date) -> str:
    from prestatiecheck.rendering.formatting import long_date
    from prestatiecheck.rendering.labels import label
    from prestatiecheck.rendering.present import present

    rule = result.rule
    responsible = ", ".join(_party(agreement, p) for p in rule.trekker)
    shown = present(result, agreement)
    lines = [
        t("ics_rule", rule=rule.id, agreement=agreement.title if agreement else rule.agreement_id),
        t("ics_responsible", parties=responsible or "-"),
        t("ics_period", period=result.period),
        t("ics_source", article=rule.source.article, document=rule.source.document),
    ]
    if rule.source.quote:
        lines.append(t("ics_quote", quote=shorten(rule.source.quote)))
    lines.append(
        t("ics_status", as_of=long_date(as_of), status=label(result.status), message=shown.message).rstrip(
            ": "
        )
    )
    return visible_controls("\n".join(lines))
