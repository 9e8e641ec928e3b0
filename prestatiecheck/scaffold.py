"""`prestatiecheck new`: the files a new agreement starts from.

A rule file with the agreement head, the parties and one commented example of each check kind
(the format of docs/rule-format.md), an index entry (a new agreements.yaml, or one more entry in
an existing one) and an example figures file with the header. Nothing is overwritten: every
file is checked before the first one is written. The comments follow the run's language; the
YAML keys are the format's own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from prestatiecheck.errors import UsageError
from prestatiecheck.i18n import did_you_mean, t

if TYPE_CHECKING:
    from prestatiecheck.loading.index import Index

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
PARTY_ID_PATTERN = re.compile(r"[a-z][a-z0-9-]*")
ROLES = ("gemeente", "corporatie", "huurdersorganisatie")
_TRAILING_PERIOD = re.compile(r"-((?:19|20)\d\d(?:-(?:19|20)\d\d)?)$")
_PLAIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w .,'()&/-]*", re.UNICODE)
_YAML_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false", "null", "~"}


@dataclass(frozen=True)
class PartySpec:
    id: str
    name: str
    role: str


@dataclass(frozen=True)
class Scaffold:
    """What `new` writes: each path with its text; ``index_created``: the index is new."""

    rule_file: Path
    rule_text: str
    figures_file: Path
    figures_text: str
    index_file: Path
    index_text: str
    index_created: bool


def parse_party(raw: str) -> PartySpec:
    """``ID=NAME:ROLE`` (the name may hold ':' and '='; the role is after the last ':')."""
    party_id, equals, rest = raw.partition("=")
    name, colon, role = rest.rpartition(":")
    party_id, name, role = party_id.strip(), name.strip(), role.strip()
    if not equals or not colon or not party_id or not name or not role:
        raise UsageError(t("new_bad_party", value=raw))
    if not PARTY_ID_PATTERN.fullmatch(party_id):
        raise UsageError(t("new_bad_party_id", party=party_id))
    if role not in ROLES:
        raise UsageError(t("new_bad_role", role=role, known=", ".join(ROLES)) + did_you_mean(role, ROLES))
    if any(ord(c) < 32 for c in name):
        raise UsageError(t("new_bad_party", value=raw))
    return PartySpec(party_id, name, role)


def period_for(agreement_id: str, given: str | None) -> str:
    """The period given, else the one the id ends with (``utrecht-2025-2026``); never a guess."""
    from prestatiecheck.periods import PeriodError, parse_period

    label = given.strip() if given else None
    if label is None:
        found = _TRAILING_PERIOD.search(agreement_id)
        if found is None:
            raise UsageError(t("new_period_needed", id=agreement_id))
        label = found.group(1)
    try:
        parse_period(label)
    except PeriodError:
        raise UsageError(t("bad_period", value=label)) from None
    return label


def scalar(text: str) -> str:
    """``text`` as a YAML scalar the strict loader reads back unchanged."""
    if _PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS and text == text.strip():
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def plan(
    agreement_id: str,
    municipality: str,
    parties: Sequence[PartySpec],
    period: str | None,
    directory: Path,
    known: Index | None = None,
) -> Scaffold:
    """The files for ``agreement_id`` in ``directory``; a UsageError if any would be overwritten.
    ``known``: the agreements there are already (shipped, and those of the folder's index)."""
    if not ID_PATTERN.fullmatch(agreement_id):
        raise UsageError(t("new_bad_id", id=agreement_id))
    if not municipality.strip() or any(ord(c) < 32 for c in municipality):
        raise UsageError(t("new_bad_municipality", value=municipality))
    if not parties:
        raise UsageError(t("new_no_party"))
    seen: set[str] = set()
    for party in parties:
        if party.id in seen:
            raise UsageError(t("duplicate_party", party=party.id))
        seen.add(party.id)
    label = period_for(agreement_id, period)
    rule_file = directory / "rules" / f"{agreement_id}.yaml"
    figures_file = directory / "figures" / f"{agreement_id}.csv"
    index_file = directory / "agreements.yaml"
    for path in (rule_file, figures_file):
        if path.exists() or path.is_symlink():
            raise UsageError(t("new_exists", path=path))
    if known is not None and agreement_id in known.origin:
        from prestatiecheck.loading.resources import display_path

        origin = known.origin[agreement_id]
        if not origin.packaged:
            raise UsageError(t("new_id_in_index", id=agreement_id, path=origin.shown))
        shipped = display_path(known.rule_files[agreement_id])
        raise UsageError(t("agreement_id_shipped", agreement=agreement_id, file=shipped, index=origin.shown))
    title = f"Prestatieafspraken {municipality.strip()} {label}"
    index_created = not index_file.exists()
    index_text = _new_index(agreement_id) if index_created else _appended_index(index_file, agreement_id)
    return Scaffold(
        rule_file=rule_file,
        rule_text=rule_text(agreement_id, title, municipality.strip(), label, parties, index_file),
        figures_file=figures_file,
        figures_text=figures_text(agreement_id, title, label, parties),
        index_file=index_file,
        index_text=index_text,
        index_created=index_created,
    )


def _schema_line(kind: str) -> str:
    from prestatiecheck.editorschema import EDITOR_DIR

    return f"# yaml-language-server: $schema={(EDITOR_DIR / f'{kind}.schema.json').as_uri()}\n"


def _entry(agreement_id: str, indent: str) -> str:
    return f"{indent}- id: {agreement_id}\n{indent}  file: rules/{agreement_id}.yaml\n"


def _new_index(agreement_id: str) -> str:
    return (
        _schema_line("agreements")
        + "".join(f"# {line}\n" for line in t("new_index_head").splitlines())
        + "agreements:\n"
        + _entry(agreement_id, "  ")
    )


def _appended_index(path: Path, agreement_id: str) -> str:
    """The existing index with one more entry, written in the indentation of its entries; refused
    (naming the file) when the result would not read back as the old entries plus the new one."""
    from prestatiecheck.loading.textfile import Unreadable, read_text
    from prestatiecheck.loading.yamlsafe import parse_yaml

    try:
        text = read_text(path, display=str(path))
    except Unreadable as e:
        raise UsageError(str(e.problem)) from None
    before, problems = parse_yaml(text, str(path))
    old = _entries(before) if not problems else None
    if old is None:
        raise UsageError(t("new_index_unusable", path=path, entry=_entry(agreement_id, "  ").rstrip()))
    if agreement_id in [e[0] for e in old]:
        raise UsageError(t("new_id_in_index", id=agreement_id, path=path))
    indent = next((m.group(1) for m in re.finditer(r"(?m)^([ \t]*)- id:", text)), "  ")
    entry = _entry(agreement_id, indent)
    after_text = (text if text.endswith("\n") or not text else text + "\n") + entry
    after, problems = parse_yaml(after_text, str(path))
    if problems or _entries(after) != [*old, (agreement_id, f"rules/{agreement_id}.yaml")]:
        raise UsageError(t("new_index_unusable", path=path, entry=_entry(agreement_id, "  ").rstrip()))
    return after_text


def _entries(data: object) -> list[tuple[str, str]] | None:
    if not isinstance(data, dict) or not isinstance(data.get("agreements"), list):
        return None
    out = []
    for entry in data["agreements"]:
        if not isinstance(entry, dict):
            return None
        out.append((str(entry.get("id")), str(entry.get("file"))))
    return out


def _comment(key: str, indent: str = "", **values: str) -> str:
    return "".join(f"{indent}# {line}".rstrip() + "\n" for line in t(key, **values).splitlines())


def rule_text(
    agreement_id: str,
    title: str,
    municipality: str,
    period: str,
    parties: Sequence[PartySpec],
    index_file: Path,
) -> str:
    corporations = [p.id for p in parties if p.role == "corporatie"] or [p.id for p in parties]
    trekker = "[" + ", ".join(corporations) + "]"
    first = corporations[0]
    year = int(period[:4])  # every period label starts with its year
    lines = [
        _schema_line("rule-file"),
        _comment("new_rule_head", id=agreement_id, index=str(index_file)),
        "agreement:\n",
        f"  id: {agreement_id}\n",
        f"  title: {scalar(title)}\n",
        f"  municipality: {scalar(municipality)}\n",
        f"  period: {period}\n",  # a label parse_period read: plain YAML reads it back
        f"  source: {scalar(title)}  # {t('new_rule_source')}\n",
        _comment("new_rule_signed", "  "),
        "  parties:\n",
        *(f"    - {{id: {p.id}, name: {scalar(p.name)}, role: {p.role}}}\n" for p in parties),
        "\n",
        _comment("new_rule_context"),
        "context: []\n",
        '# - ref: "1"\n',
        "#   title: Samenwerking\n",
        "#   theme: Samenwerking\n",
        '#   quote: "..."\n',
        "\n",
        _comment("new_rule_rules"),
        "rules: []\n",
    ]
    for kind, example in _examples(trekker, first, year).items():
        lines.append("#\n")
        lines.append(_comment(f"new_kind_{kind}"))
        lines.extend(f"# {line}".rstrip() + "\n" for line in example.strip("\n").splitlines())
    return "".join(lines)


def _examples(trekker: str, first: str, year: int) -> dict[str, str]:
    """One example per check kind (the keys of tests' uncommenting: each stands on its own)."""
    head = """
- ref: "{ref}"
  title: {title}
  theme: {theme}
  source: {{article: "{ref}", quote: "{quote}"}}
  trekker: {trekker}
  obligation: {obligation}
  check:
"""

    def rule(ref: str, title: str, theme: str, quote: str, obligation: str, check: str) -> str:
        return (
            head.format(
                ref=ref, title=title, theme=theme, quote=quote, trekker=trekker, obligation=obligation
            )
            + check
        )

    return {
        "share": rule(
            "1",
            "Ten hoogste 50% van de verhuringen aan urgenten",
            "Woonruimteverdeling",
            "maximaal 50% van het vrijkomend aanbod gaat naar urgenten",
            "inspanning",
            f"""    kind: share
    numerator: verhuringen_urgent
    denominator: verhuringen_totaal
    max: 50
    scope: [party, joint]
  examples:
    - as_of: {year + 1}-04-01
      figures:
        - {{period: {year}, party: {first}, metric: verhuringen_urgent, value: 50}}
        - {{period: {year}, party: {first}, metric: verhuringen_totaal, value: 100}}
      expect:
        - {{party: {first}, period: {year}, status: at_risk, value: 50}}
    - as_of: {year + 1}-04-01
      figures: []
      expect:
        - {{party: {first}, period: {year}, status: no_data}}
""",
        ),
        "band": rule(
            "2",
            "Tussen 25% en 35% vrije toewijzing",
            "Woonruimteverdeling",
            "30% (met een marge van 5%) vrije toewijzing",
            "inspanning",
            """    kind: band
    numerator: verhuringen_vrije_toewijzing
    denominator: verhuringen_totaal
    target: 30
    tolerance: 5
""",
        ),
        "value": rule(
            "3",
            "Leefbaarheid ten hoogste 131,37 euro per woning",
            "Leefbaarheid",
            "maximaal € 131,37 per woning aan leefbaarheid",
            "resultaat",
            """    kind: value
    metric: leefbaarheid_uitgaven_per_woning
    max: 131.37
""",
        ),
        "compare": rule(
            "4",
            "Huurverhoging na verduurzaming niet hoger dan de daling van de energielasten",
            "Duurzaamheid",
            "de huurverhoging is niet hoger dan de daling van de energielasten",
            "resultaat",
            """    kind: compare
    left: huurverhoging_energiemaatregelen
    op: "<="
    right: daling_energielasten
""",
        ),
        "target": rule(
            "5",
            "Samen ten minste 100 sociale huurwoningen erbij",
            "Beschikbaarheid",
            "de corporaties voegen in de periode 100 sociale huurwoningen toe",
            "inspanning",
            """    kind: target
    metric: toevoegingen
    targets: {joint: 100}
    scope: [joint]
    direction: at_least
""",
        ),
        "count": rule(
            "6",
            "Ten minste 40 statushouders per jaar gehuisvest",
            "Bijzondere doelgroepen",
            "de corporaties huisvesten jaarlijks ten minste 40 statushouders",
            "inspanning",
            """    kind: count
    metric: statushouders_gehuisvest
    min: 40
""",
        ),
        "deadline": rule(
            "7",
            "Gegevens voor de woningmarktmonitor vóór 1 april",
            "Monitoring",
            "de corporaties leveren jaarlijks vóór 1 april de gegevens aan",
            "resultaat",
            """    kind: deadline
    evidence: aanlevering_woningmarktmonitor
    due: vóór 1 april
    recurrence: yearly
""",
        ),
        "project_share": rule(
            "8",
            "Ten minste 30% sociale huur per nieuwbouwproject",
            "Nieuwbouw",
            "in elk nieuwbouwproject is ten minste 30% sociale huur",
            "resultaat",
            """    kind: project_share
    numerator: nieuwbouw_sociale_huur
    denominator: nieuwbouw_woningen
    min: 30
""",
        ),
    }


def figures_text(agreement_id: str, title: str, period: str, parties: Sequence[PartySpec]) -> str:
    corporations = [p.id for p in parties if p.role == "corporatie"] or [p.id for p in parties]
    return (
        _comment("new_figures_head", id=agreement_id, title=title)
        + f"# {agreement_id},{period[:4]},{corporations[0]},verhuringen_totaal,120,,\n"
        + "agreement,period,party,metric,value,note,project\n"
    )


def write(
    agreement_id: str,
    municipality: str,
    parties: Sequence[PartySpec],
    period: str | None,
    directory: Path | None,
    agreements_index: str | None = None,
) -> Scaffold:
    """Plan, then write: the rule file and the figures file (created, never replaced), then the
    index (so that it never names a file that is not there). ``directory`` None: the folder of the
    user's own index (--agreements, PRESTATIECHECK_AGREEMENTS), else the working directory."""
    from prestatiecheck.errors import PrestatiecheckError
    from prestatiecheck.exitcodes import INVALID
    from prestatiecheck.loading.index import read_index, user_index_path
    from prestatiecheck.outputs import write_atomic

    if directory is None:
        user = user_index_path(agreements_index)
        directory = user.parent if user is not None else Path(".")
    index_file = directory / "agreements.yaml"
    known = read_index(index_file if index_file.exists() else None)
    made = plan(agreement_id, municipality, parties, period, directory, known)
    try:
        for path, text in ((made.rule_file, made.rule_text), (made.figures_file, made.figures_text)):
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8", newline="\n") as out:
                out.write(text)
        write_atomic(made.index_file, made.index_text)
    except FileExistsError as e:
        raise UsageError(t("new_exists", path=e.filename)) from None
    except OSError as e:
        raise PrestatiecheckError(
            t("output_failed", path=e.filename or directory, reason=e.strerror or str(e)), INVALID
        ) from None
    return made
