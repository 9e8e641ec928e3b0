"""JSON Schemas for editors (`prestatiecheck schema`): the validation schemas, explained.

The schemas in ``prestatiecheck/schemas/*.schema.json`` say what ``validate`` accepts; this
module adds, for an editor's hover and completion, a Dutch and English ``description``, an
``examples`` entry and the allowed values of every key it knows, and spells out the keys of
each check kind (from the kinds' own ``SCHEMA``, one ``if kind == ... then`` per kind). The
result is written to ``prestatiecheck/schemas/editor/`` (a test keeps those files equal to this
output) and is what the ``# yaml-language-server: $schema=...`` line of a rule file points at.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from prestatiecheck.loading.resources import PACKAGE_DIR

KINDS_OF_FILE = ("rule-file", "figures", "agreements", "metrics")
EDITOR_DIR = PACKAGE_DIR / "schemas" / "editor"

# key -> (Dutch, English, example). Keys are looked up by their name within their object.
D: dict[str, tuple[str, str, Any]] = {
    # agreements.yaml
    "agreements.metrics": (
        "Pad naar de cijferlijst (metrics.yaml), ten opzichte van dit bestand. In een eigen index: "
        "eigen cijfers naast de meegeleverde (weglaten: alleen de meegeleverde).",
        "Path of the metric vocabulary (metrics.yaml), relative to this file. In an index of your "
        "own: metrics added to the shipped ones (left out: the shipped ones only).",
        "metrics.yaml",
    ),
    "agreements.agreements": ("De afspraken die deze index kent.", "The agreements this index knows.", None),
    "agreement_entry.id": (
        "Id van de afspraken: kleine letters, cijfers, streepjes.",
        "Agreement id: lower case, digits, hyphens.",
        "utrecht-2025-2027",
    ),
    "agreement_entry.file": (
        "Het regelbestand, ten opzichte van deze index.",
        "The rule file, relative to this index.",
        "rules/utrecht-2025-2027.yaml",
    ),
    # metrics.yaml
    "metrics.metrics": (
        "De cijfers (metrics): per naam de eenheid en de betekenis in het Nederlands en Engels.",
        "The metrics: per name the unit and the meaning in Dutch and English.",
        None,
    ),
    # rule file, top level
    "root.agreement": (
        "De kop: id, titel, gemeente, periode, bron en partijen.",
        "The head: id, title, municipality, period, source and parties.",
        None,
    ),
    "root.metrics": (
        "Cijfers die alleen deze afspraken gebruiken (zelfde vorm als metrics.yaml).",
        "Metrics only this agreement uses (same shape as metrics.yaml).",
        None,
    ),
    "root.tables": (
        "De tabellen van het document, zoals gedrukt.",
        "The document's tables, as printed.",
        None,
    ),
    "root.rules": (
        "De toetsbare afspraken: één regel per afspraak (of deel ervan).",
        "The checkable afspraken: one rule per afspraak (or part of one).",
        None,
    ),
    "root.context": (
        "Afspraken zonder getal of datum: genoemd, niet getoetst.",
        "Afspraken without a figure or date: mentioned, not checked.",
        None,
    ),
    "root.inconsistencies": (
        "Waar het document zichzelf (of een ander document, of de wet) tegenspreekt; validate meldt elk.",
        "Where the document contradicts itself (or another document, or the law); validate reports each.",
        None,
    ),
    "inconsistency.places": (
        "Twee of meer plaatsen, elk met de woorden van het document.",
        "Two or more places, each with the document's own words.",
        None,
    ),
    "inconsistency.note": ("Hoe de regels het lezen (Nederlands).", "How the rules read it (Dutch).", None),
    "inconsistency.note_en": ("Hetzelfde in het Engels.", "The same in English.", None),
    "place.document": (
        "Een ander document (afspraken-id of de wet); leeg: dit document.",
        "Another document (agreement id, or the law); empty: this document.",
        "amersfoort-2021",
    ),
    "place.article": (
        "Artikel of tabel, zoals het document het noemt.",
        "Article or table, as the document names it.",
        "14",
    ),
    "place.quote": ("Letterlijk citaat.", "Verbatim quote.", None),
    "root.coverage": (
        "Inventarisnummer -> de regels (of 'context') die het dekken.",
        "Inventory ref -> the rules (or 'context') that cover it.",
        {"7": ["7"]},
    ),
    # agreement head
    "agreement.id": (
        "Id van de afspraken; gelijk aan de index.",
        "Agreement id; the same as in the index.",
        "utrecht-2025-2027",
    ),
    "agreement.title": (
        "Titel zoals op het document.",
        "Title as on the document.",
        "Prestatieafspraken Utrecht 2025-2027",
    ),
    "agreement.municipality": ("De gemeente.", "The municipality.", "Utrecht"),
    "agreement.period": (
        "Looptijd: 2025, 2025-H1, 2025-Q3 of 2025-2027.",
        "Term: 2025, 2025-H1, 2025-Q3 or 2025-2027.",
        "2025-2027",
    ),
    "agreement.signed": (
        "Datum van ondertekening (JJJJ-MM-DD), als het document die noemt.",
        "Signing date (YYYY-MM-DD), where the document gives it.",
        "2024-12-12",
    ),
    "agreement.source": (
        "Bestandsnaam of titel van het brondocument.",
        "File name or title of the source document.",
        "prestatieafspraken-2025.pdf",
    ),
    "agreement.parties": ("De ondertekenaars.", "The signatories.", None),
    "party.id": (
        "Id van de partij: kleine letters, cijfers, streepjes.",
        "Party id: lower case, digits, hyphens.",
        "alliantie",
    ),
    "party.name": ("Naam zoals in het document.", "Name as in the document.", "de Alliantie"),
    "party.role": ("Rol van de partij.", "The party's role.", "corporatie"),
    # metrics
    "metric.unit": ("Eenheid van het cijfer.", "Unit of the figure.", "count"),
    "metric.nl": ("Betekenis in het Nederlands.", "Meaning in Dutch.", "Verhuringen aan urgenten"),
    "metric.en": ("Betekenis in het Engels.", "Meaning in English.", "Lettings to urgent seekers"),
    "metric.part_of": (
        "Een cijfer dat dit nooit kan overschrijden.",
        "A metric this one can never exceed.",
        "verhuringen_totaal",
    ),
    "metric.signed": ("Alleen aantallen: mag negatief zijn.", "Counts only: may be negative.", True),
    "metric.derived": (
        "Berekend uit andere cijfers: plus en min.",
        "Derived from other metrics: plus and minus.",
        None,
    ),
    "metric.plus": ("Cijfers die optellen.", "Metrics that add.", ["toevoegingen"]),
    "metric.minus": ("Cijfers die aftrekken.", "Metrics that subtract.", ["sloop"]),
    "agreement.note": (
        "Toelichting bij de afspraken als geheel (Nederlands).",
        "A note on the agreement as a whole (Dutch).",
        None,
    ),
    "agreement.note_en": ("Hetzelfde in het Engels.", "The same in English.", None),
    "agreement.todo": (
        "Wat nog nagelopen moet worden; validate meldt het tot het weg is.",
        "What still has to be checked; validate reports it until removed.",
        None,
    ),
    "table.note": ("Hoe de tabel gelezen is (Nederlands).", "How the table was read (Dutch).", None),
    "table.note_en": ("Hetzelfde in het Engels.", "The same in English.", None),
    "context.note": ("Toelichting (Nederlands).", "Note (Dutch).", None),
    "context.note_en": ("Hetzelfde in het Engels.", "The same in English.", None),
    "context.todo": (
        "Wat nog nagelopen moet worden; validate meldt het tot het weg is.",
        "What still has to be checked; validate reports it until removed.",
        None,
    ),
    # tables
    "table.id": ("Id van de tabel (om naar te verwijzen).", "Table id (to refer to).", "tabel-1"),
    "table.title": ("Titel zoals gedrukt.", "Title as printed.", "Tabel 1: Prognose voorraad"),
    "table.article": ("Waar de tabel staat.", "Where the table stands.", "Tabel 1"),
    "table.columns": (
        "Kolommen: partij-ids en een totaalkolom.",
        "Columns: party ids and a total column.",
        ["alliantie", "portaal", "totaal"],
    ),
    "table.total_column": (
        "Deze kolom moet de som van de andere zijn.",
        "This column must be the sum of the others.",
        "totaal",
    ),
    "table.rows": (
        "Rijnaam -> getallen per kolom, zoals gedrukt.",
        "Row name -> figures per column, as printed.",
        {"sloop": [-144, -4, -148]},
    ),
    "table.sums": (
        "Een rij die de som van andere rijen moet zijn.",
        "A row that must be the sum of other rows.",
        {"netto": ["toevoeging", "sloop"]},
    ),
    # rules
    "rule.ref": (
        "Nummer of letter van de afspraak in het document (uniek in het bestand).",
        "The afspraak's number or letter in the document (unique in the file).",
        "19",
    ),
    "rule.title": ("Korte titel.", "Short title.", "Maximaal 15% vrije toewijzing"),
    "rule.theme": (
        "Het hoofdstuk of thema van het document.",
        "The document's chapter or theme.",
        "Beschikbaarheid",
    ),
    "rule.source": ("Artikel en letterlijk citaat.", "Article and verbatim quote.", None),
    "rule.trekker": (
        "Wie de afspraak trekt (partij-ids).",
        "Who leads the afspraak (party ids).",
        ["alliantie", "portaal"],
    ),
    "rule.obligation": (
        "Inspanningsverplichting of resultaatverplichting.",
        "Best-efforts or result obligation.",
        "inspanning",
    ),
    "rule.reading": (
        "literal: de tekst laat één lezing toe; interpretation: het oordeel berust op een lezing (zie note).",
        "literal: the text allows one reading; interpretation: the verdict rests on a reading (see note).",
        "literal",
    ),
    "rule.note": ("Hoe de tekst gelezen is (Nederlands).", "How the text was read (Dutch).", None),
    "rule.note_en": ("Hetzelfde in het Engels.", "The same in English.", None),
    "rule.check": (
        "De toets: kind en de sleutels van die soort.",
        "The check: kind and that kind's keys.",
        None,
    ),
    "rule.todo": (
        "Wat nog nagelopen moet worden; validate meldt het tot het weg is.",
        "What still has to be checked; validate reports it until removed.",
        "drempel nalopen",
    ),
    "rule.examples": (
        "Voorbeelden die 'prestatiecheck verify' doorrekent: cijfers, peildatum en verwachte status.",
        "Examples 'prestatiecheck verify' evaluates: figures, as-of date and expected status.",
        None,
    ),
    "source.article": (
        "Artikel, nummer of kop zoals het document het noemt.",
        "Article, number or heading as the document names it.",
        "19",
    ),
    "source.quote": (
        "Letterlijk citaat uit het document.",
        "Verbatim quote from the document.",
        "Corporaties wijzen per jaar maximaal 15% ... toe",
    ),
    "context.ref": ("Nummer of slug (uniek).", "Number or slug (unique).", "1"),
    "context.title": ("Korte titel.", "Short title.", "Inzet voor gezamenlijke opgave"),
    "context.theme": ("Hoofdstuk of thema.", "Chapter or theme.", "Beschikbaarheid"),
    "context.quote": ("Letterlijk citaat.", "Verbatim quote.", None),
    "example.as_of": ("Peildatum van het voorbeeld.", "The example's as-of date.", "2024-04-15"),
    "example.figures": (
        "De cijfers van het voorbeeld (zoals in een cijferbestand).",
        "The example's figures (as in a figures file).",
        None,
    ),
    "example.expect": (
        "Wat eruit moet komen: status (en waarde) per partij/periode.",
        "What it must give: status (and value) per party/period.",
        None,
    ),
    "example.note": ("Waarom dit voorbeeld.", "Why this example.", "precies op de grens"),
    # figures rows (figures files and examples)
    "figure.period": (
        "Periode: 2022, 2022-H1, 2022-Q3 of 2022-2023.",
        "Period: 2022, 2022-H1, 2022-Q3 or 2022-2023.",
        2022,
    ),
    "figure.party": (
        "Partij-id; leeg of 'gezamenlijk' voor een gezamenlijk cijfer.",
        "Party id; empty or 'joint' for a joint figure.",
        "alliantie",
    ),
    "figure.metric": (
        "Naam van het cijfer (metrics.yaml).",
        "Metric name (metrics.yaml).",
        "verhuringen_urgent",
    ),
    "figure.value": (
        "Het getal of de datum; leeg is 'niet aangeleverd', nooit nul.",
        "The number or date; empty is 'not supplied', never zero.",
        57,
    ),
    "figure.note": (
        "Toelichting die met het resultaat meegaat.",
        "A note that travels with the result.",
        None,
    ),
    "figure.project": ("Project (bij project_share).", "Project (for project_share).", "Hoog Soestdijk"),
    "figure.agreement": (
        "Id van de afspraken (dan is -a niet nodig).",
        "Agreement id (then -a is not needed).",
        "utrecht-2025-2027",
    ),
    "expect.party": (
        "Partij-id, of 'joint' voor het gezamenlijke resultaat.",
        "Party id, or 'joint' for the joint result.",
        "joint",
    ),
    "expect.period": ("Periode van het resultaat.", "The result's period.", 2022),
    "expect.project": ("Project van het resultaat.", "The result's project.", None),
    "expect.status": (
        "De status die het resultaat moet hebben.",
        "The status the result must have.",
        "at_risk",
    ),
    "expect.value": (
        "De waarde die het resultaat moet hebben (getal, breuk als '179/12', of datum).",
        "The value the result must have (number, fraction such as '179/12', or date).",
        15,
    ),
    "targets.table": ("Id van de tabel met de doelen.", "Id of the table holding the targets.", "tabel-1"),
    "targets.row": (
        "Rij van die tabel; de totaalkolom is het gezamenlijke doel.",
        "Row of that table; the total column is the joint target.",
        "netto_groei",
    ),
    # check keys (every kind)
    "check.kind": ("Soort toets.", "Check kind.", "share"),
    "check.parties": (
        "Partijen waarvoor getoetst wordt (standaard: de trekker).",
        "Parties checked (default: the trekker).",
        ["alliantie"],
    ),
    "check.scope": (
        "party: een resultaat per partij; joint: één gezamenlijk (gepoold) resultaat.",
        "party: a result per party; joint: one pooled result.",
        ["party", "joint"],
    ),
    "check.periods": (
        "yearly, half-yearly, quarterly, window, of een lijst periodes.",
        "yearly, half-yearly, quarterly, window, or a list of periods.",
        "yearly",
    ),
    "check.window": (
        "De jaren die de toets beslaat (standaard: de looptijd).",
        "The years the check covers (default: the term).",
        "2022-2023",
    ),
    "check.margin": (
        "Waarschuwingsmarge (procentpunten bij aandelen).",
        "Warning margin (percentage points for shares).",
        2,
    ),
    "check.strict": (
        "De grens zelf is niet toegestaan ('meer dan', 'minder dan').",
        "The limit itself is not allowed ('meer dan', 'minder dan').",
        False,
    ),
    "check.joint_only": (
        "Alleen gezamenlijk bindend: resultaten per partij ter informatie.",
        "Binding only jointly: per-party results for information.",
        False,
    ),
    "check.numerator": ("Teller (cijfernaam).", "Numerator (metric name).", "verhuringen_urgent"),
    "check.denominator": ("Noemer (cijfernaam).", "Denominator (metric name).", "verhuringen_totaal"),
    "check.max": (
        "Maximum (procent bij aandelen, anders in de eenheid van het cijfer).",
        "Maximum (per cent for shares, else in the metric's unit).",
        15,
    ),
    "check.min": (
        "Minimum (procent bij aandelen, anders in de eenheid van het cijfer).",
        "Minimum (per cent for shares, else in the metric's unit).",
        35,
    ),
    "check.average_per_year": (
        "Eén resultaat over het hele venster, gepoold.",
        "One result over the whole window, pooled.",
        True,
    ),
    "check.target": ("Doel in procent (band).", "Target in per cent (band).", 30),
    "check.tolerance": (
        "Toegestane afwijking in procentpunten (band).",
        "Allowed deviation in percentage points (band).",
        5,
    ),
    "check.metric": (
        "Het cijfer (metrics.yaml of de eigen metrics).",
        "The metric (metrics.yaml or the file's own).",
        "netto_toename",
    ),
    "check.left": (
        "Linkerkant van de vergelijking.",
        "Left side of the comparison.",
        "huurverhoging_energiemaatregelen",
    ),
    "check.op": ("Vergelijking.", "Comparison.", "<="),
    "check.right": (
        "Rechterkant van de vergelijking.",
        "Right side of the comparison.",
        "daling_energielasten",
    ),
    "check.targets": (
        "Doelen per partij en 'joint', of {table, row}.",
        "Targets per party and 'joint', or {table, row}.",
        {"alliantie": 78, "joint": 213},
    ),
    "check.direction": ("at_least (standaard) of at_most.", "at_least (default) or at_most.", "at_least"),
    "check.per_year": (
        "Het doel geldt voor elk jaar apart.",
        "The target applies to each year separately.",
        True,
    ),
    "check.evidence": (
        "Datum-cijfer dat bewijst dat het gedaan is.",
        "Date metric that shows it was done.",
        "evaluatie_afgerond",
    ),
    "check.due": (
        "Termijn in Nederlandse woorden of ISO-datum.",
        "Due date in Dutch wording or an ISO date.",
        "vóór 1 april",
    ),
    "check.recurrence": ("Herhaling van de termijn.", "Recurrence of the deadline.", "yearly"),
    "check.reports_on": (
        "previous: het bewijs gaat over de periode ervoor.",
        "previous: the evidence is about the period before.",
        "previous",
    ),
    "check.warning_days": (
        "Dagen vóór de termijn dat 'aandacht' begint.",
        "Days before the due date that 'at risk' starts.",
        30,
    ),
    "check.working_day": (
        "Termijn op weekend of feestdag schuift naar de volgende werkdag.",
        "A due date on a weekend or holiday moves to the next working day.",
        True,
    ),
    # national law (issue 11): dated parameters, limits that name them, agreement settings
    "agreement_entry.national": (
        "true: de landelijke regelset (wettelijke normen), toegepast op de corporaties van elke afspraak.",
        "true: the national rule set (statutory norms), applied to the corporations of every agreement.",
        True,
    ),
    "agreement.kind": (
        "national voor de landelijke regelset (geen eigen partijen); anders weglaten.",
        "national for the national rule set (no parties of its own); otherwise leave out.",
        "national",
    ),
    "agreement.national": (
        "Wettelijke parameters die deze afspraken rechtmatig zelf vastleggen, met het artikel.",
        "Statutory parameters these afspraken lawfully set themselves, with the article.",
        None,
    ),
    "agreement_national.value": ("De afgesproken waarde.", "The agreed value.", 15),
    "agreement_national.article": ("Het artikel van de afspraken.", "The article of the agreement.", "19"),
    "agreement_national.quote": ("Letterlijk citaat.", "Verbatim quote.", None),
    "root.parameters": (
        "Landelijke parameters met gedateerde waarden (alleen in de landelijke regelset).",
        "National parameters with dated values (in the national rule set only).",
        None,
    ),
    "parameter.unit": ("Eenheid van de waarden.", "Unit of the values.", "percent"),
    "parameter.nl": ("Betekenis in het Nederlands.", "Meaning in Dutch.", None),
    "parameter.en": ("Betekenis in het Engels.", "Meaning in English.", None),
    "parameter.values": (
        "De waarden met de data waarop ze golden en hun bron.",
        "The values with the dates they were in force and their source.",
        None,
    ),
    "dated_value.value": ("De waarde.", "The value.", 7.5),
    "dated_value.complement_of": (
        "100 min de waarde van deze andere parameter (in plaats van value).",
        "100 minus the value of this other parameter (instead of value).",
        "daeb-vrije-ruimte",
    ),
    "dated_value.valid_from": (
        "Eerste dag waarop de waarde gold.",
        "First day the value was in force.",
        "2022-01-01",
    ),
    "dated_value.valid_to": (
        "Laatste dag waarop de waarde gold (inclusief); weglaten zolang ze geldt.",
        "Last day the value was in force (inclusive); leave out while it applies.",
        "2021-12-31",
    ),
    "dated_value.source": ("Waar de waarde staat.", "Where the value is laid down.", None),
    "dated_value.verified": (
        "false: niet geverifieerd tegen de wettekst of een officiële publicatie (de uitkomst zegt het).",
        "false: not verified against the law's text or an official publication (the result says so).",
        False,
    ),
    "dated_value.agreements_may_set": (
        "Binnen welke grenzen prestatieafspraken een eigen waarde mogen afspreken.",
        "Within which bounds prestatieafspraken may agree a value of their own.",
        {"max": 15},
    ),
    "dated_value.note": ("Toelichting (Nederlands).", "Explanation (Dutch).", None),
    "dated_value.note_en": ("Toelichting (Engels).", "Explanation (English).", None),
    "may_set.min": ("Laagste toegestane waarde.", "Lowest value allowed.", 85),
    "may_set.max": ("Hoogste toegestane waarde.", "Highest value allowed.", 15),
    "legal_source.law": ("De wet of het besluit.", "The law or decree.", "Woningwet"),
    "legal_source.article": ("Het artikel (en lid).", "The article (and paragraph).", "48 lid 1"),
    "legal_source.version": (
        "Versiedatum van de geconsolideerde tekst.",
        "Version date of the consolidated text.",
        "2022-01-01",
    ),
    "legal_source.url": (
        "Link naar de tekst (wetten.overheid.nl met de versiedatum) of de publicatie.",
        "Link to the text (wetten.overheid.nl with the version date) or the publication.",
        "https://wetten.overheid.nl/BWBR0005181/2022-01-01#Artikel48",
    ),
    "legal_source.publication": (
        "De officiële publicatie, als de waarde niet in de geconsolideerde tekst staat.",
        "The official publication, when the value is not in the consolidated text.",
        None,
    ),
    "root.pending": (
        "Wetten die (nog) niet gelden: vastgelegd, nooit getoetst.",
        "Laws not (yet) in force: recorded, never checked.",
        None,
    ),
    "pending.ref": ("Korte naam.", "Short name.", "wet-versterking-regie"),
    "pending.title": ("Naam van de wet.", "Name of the law.", None),
    "pending.status": ("Stand van zaken (Nederlands).", "Status (Dutch).", None),
    "pending.status_en": ("Stand van zaken (Engels).", "Status (English).", None),
    "pending.source": ("Bron van de stand van zaken.", "Source of the status.", None),
    "pending.mentions": (
        "Woorden waaraan afspraken herkenbaar naar deze wet verwijzen.",
        "Words by which afspraken recognisably refer to this law.",
        ["Wet versterking regie"],
    ),
    "root.local_norms": (
        "Welke lokale normen validate tegen welke parameter houdt.",
        "Which local norms validate holds against which parameter.",
        None,
    ),
    "local_norm.id": ("Korte naam.", "Short name.", "vrije-toewijzing"),
    "local_norm.parameter": ("De landelijke parameter.", "The national parameter.", "daeb-vrije-ruimte"),
    "local_norm.kind": ("Soort toets van de lokale regel.", "Check kind of the local rule.", "share"),
    "local_norm.metric": (
        "Het cijfer (de teller bij share) van de lokale regel.",
        "The metric (the numerator of a share) of the local rule.",
        "verhuringen_vrije_toewijzing",
    ),
    "local_norm.bound": ("max of min van de lokale regel.", "max or min of the local rule.", "max"),
    "local_norm.compare": ("Wanneer validate waarschuwt.", "When validate warns.", "above_lawful"),
    "rule.valid_from": (
        "Landelijke norm: eerste dag waarop de norm geldt.",
        "National norm: first day the norm is in force.",
        "2022-01-01",
    ),
    "rule.valid_to": (
        "Landelijke norm: laatste dag waarop de norm geldt (inclusief).",
        "National norm: last day the norm is in force (inclusive).",
        "2021-12-31",
    ),
    "rule.shows": (
        "Landelijke parameters die explain en het rapport naast de regel tonen.",
        "National parameters explain and the report show beside the rule.",
        ["daeb-inkomensgrens"],
    ),
    "national_ref.national": (
        "De landelijke parameter waarvan de waarde voor de periode de grens is.",
        "The national parameter whose value for the period is the limit.",
        "leefbaarheid-maximum",
    ),
}
_FALLBACK = ("(nog geen beschrijving)", "(no description yet)")


def _describe(node: Any, scope: str, key: str) -> None:
    if not isinstance(node, dict):
        return
    nl, en, example = D.get(f"{scope}.{key}", (*_FALLBACK, None))
    node.setdefault("description", f"{nl}\n\n{en}")
    node.setdefault("markdownDescription", f"{nl}\n\n*{en}*")
    if example is not None:
        node.setdefault("examples", [example])


def _walk(props: dict[str, Any], scope: str, scopes: dict[str, str]) -> None:
    for key, node in props.items():
        _describe(node, scope, key)
        child = scopes.get(f"{scope}.{key}")
        if child and isinstance(node, dict):
            target = node.get("items", node) if node.get("type") == "array" else node
            if isinstance(target, dict) and "properties" not in target:
                target = target.get("additionalProperties")  # a mapping of named entries
            if isinstance(target, dict) and "properties" in target:
                _walk(target["properties"], child, scopes)


def _load(name: str) -> dict[str, Any]:
    from prestatiecheck.validation.schema import load_schema

    return copy.deepcopy(load_schema(name))


def _rule_file() -> dict[str, Any]:
    from prestatiecheck import checks
    from prestatiecheck.checks.base import COMMON_PROPERTIES

    schema = _load("rule-file.schema.json")
    defs = schema.get("$defs", {})
    scopes = {
        "root.agreement": "agreement",
        "agreement.parties": "party",
        "root.tables": "table",
        "root.rules": "rule",
        "rule.source": "source",
        "root.context": "context",
        "root.inconsistencies": "inconsistency",
        "inconsistency.places": "place",
        "metric.derived": "metric",
        "example.figures": "figure",
        "example.expect": "expect",
        "agreement.national": "agreement_national",
        "root.parameters": "parameter",
        "root.pending": "pending",
        "root.local_norms": "local_norm",
        "dated_value.agreements_may_set": "may_set",
    }
    _walk(schema["properties"], "root", scopes)
    if "datedValue" in defs:
        _walk(defs["datedValue"]["properties"], "dated_value", scopes)
    if "legalSource" in defs:
        _walk(defs["legalSource"]["properties"], "legal_source", scopes)
    if "metric" in defs:
        _walk(defs["metric"]["properties"], "metric", scopes)
    if "example" in defs:
        _walk(defs["example"]["properties"], "example", scopes)
    rule = schema["properties"]["rules"]["items"]
    check = rule["properties"]["check"]
    kinds = list(checks.KINDS)
    check["properties"] = copy.deepcopy(COMMON_PROPERTIES) | {"kind": {"enum": kinds}}
    check.setdefault("allOf", [])
    for kind, module in checks.KINDS.items():
        own = copy.deepcopy(module.SCHEMA.get("properties", {}))
        check["allOf"].append(
            {
                "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                "then": {"properties": own, "required": module.SCHEMA.get("required", [])},
            }
        )
        for key, node in own.items():
            _describe(node, "check", key)
            for alternative in node.get("anyOf", []) if isinstance(node, dict) else []:
                scope = "national_ref" if "national" in alternative.get("properties", {}) else "targets"
                _walk(alternative.get("properties", {}), scope, {})
    for key, node in check["properties"].items():
        _describe(node, "check", key)
    return schema


def _agreements() -> dict[str, Any]:
    schema = _load("agreements.schema.json")
    _walk(schema["properties"], "agreements", {"agreements.agreements": "agreement_entry"})
    return schema


def _metrics() -> dict[str, Any]:
    schema = _load("metrics.schema.json")
    _walk(schema["properties"], "metrics", {})
    _walk(schema["$defs"]["metric"]["properties"], "metric", {"metric.derived": "metric"})
    return schema


def _figures() -> dict[str, Any]:
    row: dict[str, Any] = {
        "type": "object",
        "properties": {
            key: {"type": types}
            for key, types in (
                ("period", ["string", "integer"]),
                ("party", ["string", "null"]),
                ("metric", "string"),
                ("value", ["number", "integer", "string", "null"]),
                ("note", ["string", "null"]),
                ("project", ["string", "null"]),
                ("agreement", ["string", "null"]),
            )
        },
        "required": ["period", "metric", "value"],
    }
    _walk(row["properties"], "figure", {})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "prestatiecheck figures file (YAML)",
        "description": "Monitoringcijfers: een lijst rijen.\n\nMonitoring figures: a list of rows.",
        "type": "array",
        "items": row,
    }


def _standard_types(node: Any) -> Any:
    """Our loader's "date" type (an unquoted YAML date) is, for an editor, a string in date format."""
    if isinstance(node, dict):
        out = {k: _standard_types(v) for k, v in node.items()}
        types = out.get("type")
        if types == "date":
            out["type"], out["format"] = "string", "date"
        elif isinstance(types, list) and "date" in types:
            out["type"] = list(dict.fromkeys("string" if x == "date" else x for x in types))
        return out
    if isinstance(node, list):
        return [_standard_types(x) for x in node]
    return node


def editor_schema(kind: str) -> dict[str, Any]:
    made = {"rule-file": _rule_file, "figures": _figures, "agreements": _agreements, "metrics": _metrics}[
        kind
    ]()
    return _standard_types(made)  # type: ignore[no-any-return]


def editor_schema_text(kind: str) -> str:
    return json.dumps(editor_schema(kind), ensure_ascii=False, indent=2) + "\n"
