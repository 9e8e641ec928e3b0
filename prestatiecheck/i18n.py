"""Every user-facing string, in Dutch (default) and English.

The language is a process-wide setting chosen once at the CLI edge (``--lang`` or
``PRESTATIECHECK_LANG``). ``t(key, **params)`` looks a string up and fills it in.
"""

from __future__ import annotations

import os

LANGUAGES = ("nl", "en")
_language = "nl"


def set_language(lang: str | None) -> str:
    global _language
    chosen = (lang or os.environ.get("PRESTATIECHECK_LANG") or "nl").lower()
    _language = chosen if chosen in LANGUAGES else "nl"
    return _language


def get_language() -> str:
    return _language


def t(msg_id: str, /, **params: object) -> str:
    nl, en = MESSAGES[msg_id]
    text = en if _language == "en" else nl
    return text.format(**params) if params else text


def pick(nl: str, en: str = "") -> str:
    """A text written in both languages by people (a rule's note): English when chosen and given."""
    return en if _language == "en" and en else nl


def thousands(count: int) -> str:
    """A whole number with its thousands grouped as the language writes them (999.990 / 999,990)."""
    text = f"{count:,}"
    return text.replace(",", ".") if _language == "nl" else text


def did_you_mean(word: str, options: object) -> str:
    """' (bedoelde u ...?)' when a close match exists, else ''."""
    import difflib

    candidates = [str(o) for o in options]  # type: ignore[attr-defined]
    matches = difflib.get_close_matches(str(word), candidates, n=1, cutoff=0.6)
    if not matches:
        lowered = {c.lower(): c for c in candidates}
        if str(word).lower() in lowered:
            matches = [lowered[str(word).lower()]]
    return t("did_you_mean", suggestion=matches[0]) if matches else ""


MESSAGES: dict[str, tuple[str, str]] = {
    # generic
    "did_you_mean": (" (bedoelde u '{suggestion}'?)", " (did you mean '{suggestion}'?)"),
    "warning_prefix": ("waarschuwing: ", "warning: "),
    "error_prefix": ("fout", "error"),
    # files
    "path_missing": ("bestand bestaat niet", "no such file"),
    "path_is_directory": ("dit is een map; verwacht een bestand", "is a directory; expected a file"),
    "path_unreadable": ("kan het bestand niet lezen: {reason}", "cannot read the file: {reason}"),
    "file_empty": ("het bestand is leeg", "the file is empty"),
    "file_binary": (
        "dit is geen tekstbestand (binaire inhoud)",
        "this is not a text file (binary content)",
    ),
    "file_is_zip": (
        "dit lijkt een Excel-bestand (.xlsx) met een andere extensie; geef het de extensie .xlsx",
        "this looks like an Excel file (.xlsx) with another extension; name it .xlsx",
    ),
    "file_not_utf8": (
        "geen geldige UTF-8-tekst; sla het bestand op als UTF-8",
        "not valid UTF-8 text; save the file as UTF-8",
    ),
    "file_type_unknown": (
        "onbekend bestandstype '{suffix}'; verwacht .csv, .yaml, .yml of .xlsx",
        "unknown file type '{suffix}'; expected .csv, .yaml, .yml or .xlsx",
    ),
    # yaml
    "yaml_malformed": ("ongeldige YAML: {reason}", "malformed YAML: {reason}"),
    "yaml_duplicate_key": (
        "sleutel '{key}' komt twee keer voor (eerder op regel {line})",
        "duplicate key '{key}' (first on line {line})",
    ),
    "yaml_complex_key": ("een sleutel moet een enkele waarde zijn", "a key must be a plain value"),
    "yaml_merge_key": (
        "YAML-samenvoegsleutels (<<) worden niet ondersteund",
        "YAML merge keys (<<) are not supported",
    ),
    "yaml_tag": ("YAML-tag {tag} wordt niet ondersteund", "YAML tag {tag} is not supported"),
    "yaml_bool": (
        "'{value}' is dubbelzinnig (YAML 1.1 leest het als ja/nee); zet het tussen "
        "aanhalingstekens ('{value}') of schrijf true/false",
        "'{value}' is ambiguous (YAML 1.1 reads it as a boolean); quote it ('{value}') or write true/false",
    ),
    "yaml_exponent": (
        "'{value}' is dubbelzinnig (YAML 1.1 leest het als tekst, YAML 1.2 als getal); schrijf "
        "het getal voluit of zet het tussen aanhalingstekens",
        "'{value}' is ambiguous (YAML 1.1 reads it as text, YAML 1.2 as a number); write the "
        "number in full or quote it",
    ),
    "yaml_octal": (
        "'{value}' is dubbelzinnig (YAML 1.1 leest het als octaal getal); zet het tussen "
        "aanhalingstekens of laat de voorloopnul weg",
        "'{value}' is ambiguous (YAML 1.1 reads it as an octal number); quote it or drop the leading zero",
    ),
    "yaml_sexagesimal": (
        "'{value}' is dubbelzinnig (YAML 1.1 leest het als zestigtallig getal); zet het tussen "
        "aanhalingstekens",
        "'{value}' is ambiguous (YAML 1.1 reads it as a base-60 number); quote it",
    ),
    "yaml_underscore": (
        "'{value}' is dubbelzinnig (YAML 1.1 leest '_' in getallen als scheidingsteken); "
        "schrijf het getal zonder '_' of zet het tussen aanhalingstekens",
        "'{value}' is ambiguous (YAML 1.1 reads '_' in numbers as a separator); write the "
        "number without '_' or quote it",
    ),
    "yaml_special_float": (
        "'{value}' is geen bruikbaar getal",
        "'{value}' is not a usable number",
    ),
    "impossible_date": ("'{value}' is geen bestaande datum", "'{value}' is not a real date"),
}

MESSAGES.update(
    {
        # generic words
        "joint_word": ("gezamenlijk", "joint"),
        "article_word": ("artikel", "article"),
        "rules_word": ("regels", "rules"),
        "as_of_label": ("peildatum", "as of"),
        "figures_label": ("Cijfers", "Figures"),
        "summary_label": ("Samenvatting", "Summary"),
        "check_title": ("Toetsing prestatieafspraken", "Performance agreements check"),
        "deadlines_title": ("Termijnen (±{days} dagen)", "Deadlines (±{days} days)"),
        "note_label": ("Toelichting {party}:", "Note {party}:"),
        "nothing_to_show": ("Geen resultaten.", "No results."),
        "nothing_to_show_quiet": (
            "Niets dat niet voldaan is of aandacht vraagt.",
            "Nothing not met or at risk.",
        ),
        "provisional_suffix": (
            " (voorlopig: periode loopt nog)",
            " (provisional: the period is still running)",
        ),
        "problems_found": (
            "{count} fout(en) gevonden; er is niets getoetst.",
            "{count} error(s) found; nothing was checked.",
        ),
        "internal_error": (
            "interne fout ({error}); draai opnieuw met --debug voor de traceback en meld het",
            "internal error ({error}); rerun with --debug for the traceback and please report it",
        ),
        "written_to": ("geschreven: {path}", "written: {path}"),
        "output_failed": ("kan {path} niet schrijven: {reason}", "cannot write {path}: {reason}"),
        "validate_summary": (
            "{files} bestand(en) gecontroleerd: {errors} fout(en), {warnings} waarschuwing(en)",
            "{files} file(s) checked: {errors} error(s), {warnings} warning(s)",
        ),
        # columns
        "col_rule": ("Afspraak", "Afspraak"),
        "col_rule_id": ("Regel", "Rule"),
        "col_party": ("Partij", "Party"),
        "col_period": ("Periode", "Period"),
        "col_value": ("Waarde", "Value"),
        "col_norm": ("Norm", "Norm"),
        "col_status": ("Status", "Status"),
        "col_source": ("Bron", "Source"),
        "col_message": ("Toelichting", "Explanation"),
        "col_kind": ("Soort", "Kind"),
        "col_title": ("Titel", "Title"),
        "col_unit": ("Eenheid", "Unit"),
        "col_meaning": ("Betekenis", "Meaning"),
        "col_rules": ("Regels", "Rules"),
        "metrics_title": ("Cijfers (metrics) en hun betekenis", "Metrics and their meaning"),
        # units
        "unit_pp": ("procentpunt", "percentage points"),
        "unit_years": ("jaar", "years"),
        "unit_months": ("maanden", "months"),
        "unit_name_count": ("aantal", "count"),
        "unit_name_eur": ("euro", "EUR"),
        "unit_name_years": ("jaren", "years"),
        "unit_name_months": ("maanden", "months"),
        "unit_name_percent": ("procent", "percent"),
        "unit_name_pp": ("procentpunt", "percentage points"),
        "unit_name_date": ("datum", "date"),
        "unit_name_number": ("getal", "number"),
        # usage
        "unknown_agreement": (
            "onbekende afspraken '{agreement}'; bekend zijn: {known}",
            "unknown agreement '{agreement}'; known: {known}",
        ),
        "agreement_required": (
            "geef --agreement op (de cijfers hebben geen kolom 'agreement'); bekende afspraken: {known}",
            "give --agreement (the figures have no 'agreement' column); known agreements: {known}",
        ),
        "unknown_theme": (
            "onbekend thema '{theme}'; thema's: {known}",
            "unknown theme '{theme}'; themes: {known}",
        ),
        "unknown_party_option": (
            "onbekende partij '{party}'; partijen: {known}",
            "unknown party '{party}'; parties: {known}",
        ),
        "unknown_rule": ("onbekende regel '{rule}'", "unknown rule '{rule}'"),
        # schema
        "schema_unknown_key": ("onbekende sleutel '{key}'", "unknown key '{key}'"),
        "schema_missing_key": ("sleutel '{key}' ontbreekt", "missing key '{key}'"),
        "schema_enum": (
            "'{value}' is geen geldige waarde voor {field}; kies uit: {options}",
            "'{value}' is not a valid {field}; choose from: {options}",
        ),
        "schema_list_item": ("{field}, {number}e waarde", "{field}, value {number}"),
        "schema_type": (
            "{field}: verwacht {expected}, gevonden {value}",
            "{field}: expected {expected}, found {value}",
        ),
        "schema_pattern": (
            "'{value}' heeft niet de verwachte vorm voor {field}",
            "'{value}' does not have the expected form for {field}",
        ),
        "schema_max_or_min": ("geef precies één van 'max' of 'min'", "give exactly one of 'max' or 'min'"),
        "schema_minimum": (
            "{field}: {value} is kleiner dan {limit}",
            "{field}: {value} is less than {limit}",
        ),
        "schema_maximum": (
            "{field}: {value} is groter dan {limit}",
            "{field}: {value} is greater than {limit}",
        ),
        "schema_empty": ("{field} mag niet leeg zijn", "{field} must not be empty"),
        "schema_unique": ("{field} bevat dubbele waarden", "{field} contains duplicates"),
        "schema_invalid": ("{field}: ongeldige waarde {value}", "{field}: invalid value {value}"),
        "yaml_not_mapping": (
            "verwacht een mapping (sleutel: waarde) bovenaan het bestand",
            "expected a mapping (key: value) at the top of the file",
        ),
        # rule files
        "agreement_id_mismatch": (
            "id '{found}' wijkt af van '{expected}' in agreements.yaml",
            "id '{found}' differs from '{expected}' in agreements.yaml",
        ),
        "bad_period": (
            "'{value}' is geen periode; gebruik 2022, 2022-H1, 2022-Q3 of 2022-2023",
            "'{value}' is not a period; use 2022, 2022-H1, 2022-Q3 or 2022-2023",
        ),
        "duplicate_party": ("partij '{party}' staat er twee keer in", "party '{party}' is listed twice"),
        "duplicate_ref": (
            "ref '{ref}' komt twee keer voor (eerder op regel {line})",
            "ref '{ref}' is used twice (first on line {line})",
        ),
        "unknown_party": ("onbekende partij '{party}'", "unknown party '{party}'"),
        "unknown_metric": ("onbekend cijfer (metric) '{metric}'", "unknown metric '{metric}'"),
        "unknown_kind": (
            "onbekende soort toets '{kind}'; soorten: {kinds}",
            "unknown check kind '{kind}'; kinds: {kinds}",
        ),
        "metric_unit_clash": (
            "metric '{metric}' bestaat al in metrics.yaml met eenheid '{unit}'",
            "metric '{metric}' already exists in metrics.yaml with unit '{unit}'",
        ),
        "metric_wrong_unit": (
            "metric '{metric}' heeft eenheid '{unit}', wat niet past bij een toets van soort '{kind}'",
            "metric '{metric}' has unit '{unit}', which does not fit a check of kind '{kind}'",
        ),
        "compare_units": (
            "'{left}' ({lu}) en '{right}' ({ru}) hebben niet dezelfde eenheid",
            "'{left}' ({lu}) and '{right}' ({ru}) do not have the same unit",
        ),
        "coverage_unknown_ref": (
            "coverage noemt onbekende ref '{ref}'",
            "coverage names unknown ref '{ref}'",
        ),
        "check_average_periods": (
            "average_per_year geeft één resultaat over het hele venster; laat 'periods' weg",
            "average_per_year gives one result over the whole window; leave out 'periods'",
        ),
        "check_band_margin": (
            "de marge is groter dan de bandbreedte; dan kan niets 'voldaan' zijn",
            "the margin is larger than the tolerance; nothing could ever be 'met'",
        ),
        "check_due_required": ("een eenmalige termijn heeft 'due' nodig", "a one-off deadline needs 'due'"),
        "check_due_unknown": (
            "termijn '{due}' niet begrepen; voorbeelden: 'vóór 1 april 2021', 'uiterlijk 1 april 2021', "
            "'in 2021', 'Q2 2022', 'eerste helft van 2026', 'begin 2026', '2021-04-01'",
            "due date '{due}' not understood; examples: 'vóór 1 april 2021', 'uiterlijk 1 april 2021', "
            "'in 2021', 'Q2 2022', 'eerste helft van 2026', 'begin 2026', '2021-04-01'",
        ),
        "check_due_needs_year": (
            "termijn '{due}' heeft geen jaar; geef een jaar of een 'recurrence'",
            "due date '{due}' has no year; give a year or a 'recurrence'",
        ),
        "check_due_recurring_year": (
            "een terugkerende termijn noemt geen jaar ('{due}'); het venster bepaalt de jaren",
            "a recurring due date names no year ('{due}'); the window decides the years",
        ),
        "table_total_unknown": (
            "totaalkolom '{column}' staat niet in 'columns'",
            "total column '{column}' is not in 'columns'",
        ),
        "table_row_length": (
            "rij '{row}' heeft {found} getallen, er zijn {expected} kolommen",
            "row '{row}' has {found} numbers, there are {expected} columns",
        ),
        "table_row_unknown": ("onbekende tabelrij '{row}'", "unknown table row '{row}'"),
        "table_unknown": ("onbekende tabel '{table}'", "unknown table '{table}'"),
        "table_total_mismatch": (
            "{table}, rij '{row}': de kolommen tellen op tot {parts}, het document noemt als totaal {total}",
            "{table}, row '{row}': the columns add up to {parts}, the document prints {total} as the total",
        ),
        "table_sum_mismatch": (
            "{table}, rij '{row}', kolom '{column}': {addends} = {added}, het document noemt {printed}",
            "{table}, row '{row}', column '{column}': {addends} = {added}, the document prints {printed}",
        ),
        "targets_sum_mismatch": (
            "de doelen per partij tellen op tot {parties}, het gezamenlijke doel is {joint}",
            "the per-party targets add up to {parties}, the joint target is {joint}",
        ),
        "target_joint_missing": (
            "scope 'joint' zonder gezamenlijk doel ('joint')",
            "scope 'joint' without a joint target ('joint')",
        ),
        "target_party_missing": ("geen doel voor partij '{party}'", "no target for party '{party}'"),
        # figures
        "figures_missing_column": (
            "kolom '{column}' (of '{dutch}') ontbreekt in de kopregel ({header})",
            "column '{column}' (or '{dutch}') is missing from the header ({header})",
        ),
        "figures_too_many_fields": (
            "{found} velden, de kopregel heeft er {expected} (scheidingsteken '{delimiter}'; staat er een "
            "scheidingsteken in een getal of toelichting zonder aanhalingstekens?)",
            "{found} fields, the header has {expected} (delimiter '{delimiter}'; is there a delimiter inside a "
            "number or note without quotes?)",
        ),
        "csv_malformed": ("ongeldige CSV: {reason}", "malformed CSV: {reason}"),
        "figures_yaml_shape": (
            "verwacht 'figures:' met een lijst van cijfers (period, party, metric, value)",
            "expected 'figures:' with a list of figures (period, party, metric, value)",
        ),
        "figures_yaml_item": (
            "elk cijfer is een mapping met period, party, metric, value",
            "each figure is a mapping with period, party, metric, value",
        ),
        "unknown_agreement_row": ("onbekende afspraken '{agreement}'", "unknown agreement '{agreement}'"),
        "figures_bad_period": (
            "'{value}' is geen periode; gebruik 2022, 2022-H1, 2022-Q3 of 2022-2023",
            "'{value}' is not a period; use 2022, 2022-H1, 2022-Q3 or 2022-2023",
        ),
        "figures_unknown_party": (
            "partij '{party}' hoort niet bij {agreement}",
            "party '{party}' is not a party to {agreement}",
        ),
        "figures_unknown_metric": ("onbekend cijfer (metric) '{metric}'", "unknown metric '{metric}'"),
        "figures_bad_value": ("{metric}: {reason}", "{metric}: {reason}"),
        "figures_duplicate_row": (
            "{figure} staat er twee keer in (eerder op {first})",
            "{figure} is given twice (first at {first})",
        ),
        "figures_conflict": (
            "{figure} = {value} spreekt {first} tegen, waar het {first_value} is",
            "{figure} = {value} contradicts {first}, where it is {first_value}",
        ),
        "figures_same_twice": (
            "{figure} staat ook in {first}, met dezelfde waarde; één keer gebruikt",
            "{figure} is also in {first}, with the same value; used once",
        ),
        "figures_part_exceeds_whole": (
            "{part} ({part_value}) is groter dan {whole} ({whole_value}, {where}) voor {period}, {party}",
            "{part} ({part_value}) is larger than {whole} ({whole_value}, {where}) for {period}, {party}",
        ),
        "figures_derived_mismatch": (
            "{metric} = {value} voor {period}, {party}, maar de onderdelen geven {computed} ({formula})",
            "{metric} = {value} for {period}, {party}, but the components give {computed} ({formula})",
        ),
        "figures_parts_mismatch": (
            "{metric} voor {period}, {party} is {value}, maar {parts} = {total}",
            "{metric} for {period}, {party} is {value}, but {parts} = {total}",
        ),
        "figures_none_supplied": (
            "er staan geen ingevulde cijfers in; er is niets te toetsen",
            "no figures are filled in; there is nothing to check",
        ),
        "figures_match_nothing": (
            "de cijfers passen bij geen enkele regel van {agreement} (andere afspraken, perioden of "
            "cijfernamen?); er is niets getoetst",
            "the figures match no rule of {agreement} (another agreement, other periods or metric names?); "
            "nothing was checked",
        ),
        "value_not_number": ("'{value}' is geen getal", "'{value}' is not a number"),
        "value_date_for_number": (
            "'{value}' is een datum, verwacht een getal",
            "'{value}' is a date; expected a number",
        ),
        "value_not_whole": ("'{value}' is geen geheel aantal", "'{value}' is not a whole number"),
        "value_negative": (
            "'{value}' is negatief; een aantal is 0 of meer",
            "'{value}' is negative; a count is 0 or more",
        ),
        "value_not_date": (
            "'{value}' is geen datum; gebruik JJJJ-MM-DD (of D-M-JJJJ)",
            "'{value}' is not a date; use YYYY-MM-DD (or D-M-YYYY)",
        ),
        "value_slash_date": (
            "'{value}' is dubbelzinnig (dag/maand of maand/dag?); gebruik JJJJ-MM-DD",
            "'{value}' is ambiguous (day/month or month/day?); use YYYY-MM-DD",
        ),
        "value_space_grouping": (
            "'{value}': bedoelt u {suggestion}?",
            "'{value}': did you mean {suggestion}?",
        ),
        "value_point_in_comma_file": (
            "'{value}' heeft een decimale punt in een bestand met ';' (decimale komma); bedoelt u {suggestion}?",
            "'{value}' has a decimal point in a ';' file (decimal comma); did you mean {suggestion}?",
        ),
        "value_comma_in_point_file": (
            "'{value}' heeft een decimale komma in een bestand met ',' (decimale punt); bedoelt u {suggestion}?",
            "'{value}' has a decimal comma in a ',' file (decimal point); did you mean {suggestion}?",
        ),
        "value_grouped_in_point_file": (
            "'{value}' is dubbelzinnig in een bestand met ',' (duizendtal of decimaal?); schrijf {suggestion} "
            "als dat bedoeld is",
            "'{value}' is ambiguous in a ',' file (thousands or decimals?); write {suggestion} if that is meant",
        ),
        # result messages
        "missing_item": ("{metric} {period} ({party})", "{metric} {period} ({party})"),
        "msg_missing": ("geen gegevens: {items}", "no data: {items}"),
        "msg_missing_more": (" en {count} meer", " and {count} more"),
        "msg_zero_denominator": (
            "{denominator} is 0: het aandeel is niet te bepalen",
            "{denominator} is 0: the share cannot be determined",
        ),
        "share_counts": ("{num} van {den}", "{num} of {den}"),
        "share_years": (" over {years}", " over {years}"),
        "msg_share_max_met": (
            "{value} ({counts}), onder het maximum van {limit}",
            "{value} ({counts}), below the maximum of {limit}",
        ),
        "msg_share_max_at_risk": (
            "{value} ({counts}), binnen {margin} procentpunt van het maximum van {limit}",
            "{value} ({counts}), within {margin} percentage points of the maximum of {limit}",
        ),
        "msg_share_max_not_met": (
            "{value} ({counts}), boven het maximum van {limit}",
            "{value} ({counts}), above the maximum of {limit}",
        ),
        "msg_share_min_met": (
            "{value} ({counts}), boven het minimum van {limit}",
            "{value} ({counts}), above the minimum of {limit}",
        ),
        "msg_share_min_at_risk": (
            "{value} ({counts}), binnen {margin} procentpunt van het minimum van {limit}",
            "{value} ({counts}), within {margin} percentage points of the minimum of {limit}",
        ),
        "msg_share_min_not_met": (
            "{value} ({counts}), onder het minimum van {limit}",
            "{value} ({counts}), below the minimum of {limit}",
        ),
        "msg_band_met": ("{value} ({counts}), binnen de bandbreedte", "{value} ({counts}), within the band"),
        "msg_band_at_risk": (
            "{value} ({counts}), binnen {margin} procentpunt van de rand van de bandbreedte",
            "{value} ({counts}), within {margin} percentage points of the edge of the band",
        ),
        "msg_band_not_met": (
            "{value} ({counts}), buiten de bandbreedte",
            "{value} ({counts}), outside the band",
        ),
        "msg_value_max_met": (
            "{value}, binnen het maximum van {limit}",
            "{value}, within the maximum of {limit}",
        ),
        "msg_value_max_at_risk": (
            "{value}, dicht bij het maximum van {limit}",
            "{value}, close to the maximum of {limit}",
        ),
        "msg_value_max_not_met": (
            "{value}, boven het maximum van {limit}",
            "{value}, above the maximum of {limit}",
        ),
        "msg_value_min_met": ("{value}, minimum van {limit} gehaald", "{value}, minimum of {limit} reached"),
        "msg_value_min_at_risk": (
            "{value}, net boven het minimum van {limit}",
            "{value}, just above the minimum of {limit}",
        ),
        "msg_value_min_not_met": (
            "{value}, onder het minimum van {limit}",
            "{value}, below the minimum of {limit}",
        ),
        # compare: the metrics by name ("gehuisveste statushouders 44, taakstelling ... 57"); when not
        # met, the relation the agreement asks for is said in words.
        "msg_compare_met": ("{left} {lvalue}, {right} {rvalue}", "{left} {lvalue}, {right} {rvalue}"),
        "msg_compare_not_met_>=": (
            "{left} {lvalue}, minder dan {right} {rvalue}",
            "{left} {lvalue}, less than {right} {rvalue}",
        ),
        "msg_compare_not_met_>": (
            "{left} {lvalue}, niet meer dan {right} {rvalue}",
            "{left} {lvalue}, not more than {right} {rvalue}",
        ),
        "msg_compare_not_met_<=": (
            "{left} {lvalue}, meer dan {right} {rvalue}",
            "{left} {lvalue}, more than {right} {rvalue}",
        ),
        "msg_compare_not_met_<": (
            "{left} {lvalue}, niet minder dan {right} {rvalue}",
            "{left} {lvalue}, not less than {right} {rvalue}",
        ),
        "msg_compare_not_met_==": (
            "{left} {lvalue}, niet gelijk aan {right} {rvalue}",
            "{left} {lvalue}, not equal to {right} {rvalue}",
        ),
        "msg_target_final_at_least_met": (
            "gerealiseerd {value}, doel {target} gehaald",
            "realised {value}, target {target} reached",
        ),
        "msg_target_final_at_least_not_met": (
            "gerealiseerd {value}, doel {target} niet gehaald",
            "realised {value}, target {target} not reached",
        ),
        "msg_target_final_at_most_met": (
            "{value}, binnen het maximum van {target}",
            "{value}, within the maximum of {target}",
        ),
        "msg_target_final_at_most_not_met": (
            "{value}, boven het maximum van {target}",
            "{value}, above the maximum of {target}",
        ),
        "msg_target_running_met": (
            "tot nu toe {value}; na {reported} van {years} jaar verwacht {expected} (doel {target})",
            "so far {value}; after {reported} of {years} years {expected} expected (target {target})",
        ),
        "msg_target_running_at_risk": (
            "tot nu toe {value}, iets achter op schema: na {reported} van {years} jaar verwacht {expected} "
            "(doel {target})",
            "so far {value}, slightly behind: after {reported} of {years} years {expected} expected "
            "(target {target})",
        ),
        "msg_target_running_not_met": (
            "tot nu toe {value}, achter op schema: na {reported} van {years} jaar verwacht {expected} "
            "(doel {target})",
            "so far {value}, behind schedule: after {reported} of {years} years {expected} expected "
            "(target {target})",
        ),
        "msg_target_cap_met": ("tot nu toe {value}, maximum {target}", "so far {value}, maximum {target}"),
        "msg_target_cap_not_met": (
            "tot nu toe {value}, al boven het maximum van {target}",
            "so far {value}, already above the maximum of {target}",
        ),
        "msg_done": ("gedaan op {done}, uiterlijk {due}", "done on {done}, due {due}"),
        "msg_done_late": (
            "{days} dagen te laat gedaan: op {done}, uiterlijk {due}",
            "done {days} days late: on {done}, due {due}",
        ),
        "msg_overdue_no_date": (
            "geen datum vastgelegd; de termijn ({due}) is {days} dagen verstreken",
            "no date recorded; the deadline ({due}) passed {days} days ago",
        ),
        "msg_due_soon": ("nog {days} dagen: uiterlijk {due}", "{days} days left: due {due}"),
        "msg_not_due": ("uiterlijk {due}", "due {due}"),
        "msg_moved_working_day": (
            " (verschoven van {nominal} naar de eerstvolgende werkdag)",
            " (moved from {nominal} to the next working day)",
        ),
        "msg_done_after_as_of": (
            "; de vastgelegde datum {done} ligt na de peildatum",
            "; the recorded date {done} is after the as-of date",
        ),
        "norm_band": ("ca. {target} ({low}–{high})", "about {target} ({low}–{high})"),
        "norm_due": ("uiterlijk {due}", "by {due}"),
        # describe / explain
        "describe_share_max": (
            "{numerator} / {denominator} ten hoogste {limit}",
            "{numerator} / {denominator} at most {limit}",
        ),
        "describe_share_min": (
            "{numerator} / {denominator} ten minste {limit}",
            "{numerator} / {denominator} at least {limit}",
        ),
        "describe_per_project": (", per project", ", per project"),
        "describe_average_per_year": (
            ", gemiddeld per jaar over het venster",
            ", on average per year over the window",
        ),
        "describe_band": (
            "{numerator} / {denominator} ca. {target} (± {tolerance} procentpunt)",
            "{numerator} / {denominator} about {target} (± {tolerance} percentage points)",
        ),
        "describe_value_max": ("{metric} ten hoogste {limit}", "{metric} at most {limit}"),
        "describe_value_min": ("{metric} ten minste {limit}", "{metric} at least {limit}"),
        "describe_compare": ("{left} {op} {right}", "{left} {op} {right}"),
        "describe_target": (
            "{metric} over {window} ten minste: {targets}",
            "{metric} over {window} at least: {targets}",
        ),
        "describe_target_at_most": (
            "{metric} over {window} ten hoogste: {targets}",
            "{metric} over {window} at most: {targets}",
        ),
        "describe_per_year": (" (per jaar)", " (per year)"),
        "describe_deadline": ("{evidence} {due} ({dates})", "{evidence} {due} ({dates})"),
        "describe_recurrence_yearly": (", jaarlijks", ", yearly"),
        "describe_recurrence_half_yearly": (", halfjaarlijks", ", half-yearly"),
        "describe_recurrence_quarterly": (", per kwartaal", ", quarterly"),
        "describe_working_day": (
            ", op de eerstvolgende werkdag als de datum in een weekend of op een feestdag valt",
            ", on the next working day if the date falls on a weekend or public holiday",
        ),
        "scope_per_party": ("per partij ({parties})", "per party ({parties})"),
        "scope_joint": ("gezamenlijk ({parties})", "jointly ({parties})"),
        "scope_per_project": ("per project", "per project"),
        "explain_agreement": ("Afspraken", "Agreement"),
        "explain_theme": ("Thema", "Theme"),
        "explain_source": ("Bron", "Source"),
        "explain_quote": ("Citaat", "Quote"),
        "explain_trekker": ("Trekker", "Responsible"),
        "explain_obligation": ("Verplichting", "Obligation"),
        "explain_check": ("Toets", "Check"),
        "explain_scope": ("Voor wie", "Scope"),
        "explain_periods": ("Perioden", "Periods"),
        "explain_figures": ("Benodigde cijfers", "Figures needed"),
        "explain_note": ("Lezing", "Reading"),
        "obligation_inspanning": ("inspanningsverplichting", "best-efforts obligation (inspanning)"),
        "obligation_resultaat": ("resultaatverplichting", "obligation of result (resultaat)"),
    }
)

# e-mail delivery (prestatiecheck/delivery/mail.py)
MESSAGES.update(
    {
        "mail_bad_address": ("ongeldig e-mailadres: '{address}'", "invalid e-mail address: '{address}'"),
        "mail_needs_mail_to": (
            "{options} werkt alleen samen met --mail-to",
            "{options} only works together with --mail-to",
        ),
        "mail_bad_mail_on": (
            "onbekende waarde '{value}' voor --mail-on; kies uit {choices}",
            "unknown value '{value}' for --mail-on; choose from {choices}",
        ),
        "mail_bad_host": ("ongeldige SMTP-server '{value}'", "invalid SMTP host '{value}'"),
        "mail_bad_security": (
            "onbekende beveiliging '{value}'; kies uit {choices}",
            "unknown security '{value}'; choose from {choices}",
        ),
        "mail_bad_port": (
            "ongeldige poort '{value}'; verwacht een getal van 1 tot en met 65535",
            "invalid port '{value}'; expected a number from 1 to 65535",
        ),
        "mail_bad_timeout": (
            "ongeldige time-out '{value}'; verwacht een aantal seconden (groter dan 0, hoogstens 3600)",
            "invalid timeout '{value}'; expected a number of seconds (above 0, at most 3600)",
        ),
        "mail_bad_from": ("ongeldig afzenderadres '{value}'", "invalid sender address '{value}'"),
        "mail_password_without_user": (
            "er is een wachtwoord maar geen gebruiker (user / PRESTATIECHECK_SMTP_USER)",
            "a password is set but no user (user / PRESTATIECHECK_SMTP_USER)",
        ),
        "mail_user_without_password": (
            "er is een gebruiker maar geen wachtwoord (password / PRESTATIECHECK_SMTP_PASSWORD)",
            "a user is set but no password (password / PRESTATIECHECK_SMTP_PASSWORD)",
        ),
        "mail_login_in_clear": (
            "inloggen zonder versleuteling (security none) zou het wachtwoord leesbaar over het netwerk sturen; gebruik starttls of ssl",
            "logging in without encryption (security none) would send the password readable over the network; use starttls or ssl",
        ),
        "mail_missing_host": (
            "geen SMTP-server ingesteld: zet PRESTATIECHECK_SMTP_HOST of 'host' in --mail-config (of gebruik --dry-run)",
            "no SMTP host set: set PRESTATIECHECK_SMTP_HOST or 'host' in --mail-config (or use --dry-run)",
        ),
        "mail_missing_from": (
            "geen afzender ingesteld: zet PRESTATIECHECK_SMTP_FROM of 'from' in --mail-config (of gebruik --dry-run)",
            "no sender set: set PRESTATIECHECK_SMTP_FROM or 'from' in --mail-config (or use --dry-run)",
        ),
        "mail_config_unknown_key": (
            "onbekende instelling '{key}'; bekend zijn {known}",
            "unknown setting '{key}'; known are {known}",
        ),
        "mail_config_bad_line": (
            "regel niet te lezen; verwacht '[smtp]' of 'sleutel = waarde'",
            "cannot read this line; expected '[smtp]' or 'key = value'",
        ),
        "mail_config_unknown_section": (
            "onbekende sectie [{section}]; de instellingen staan in [smtp]",
            "unknown section [{section}]; the settings belong in [smtp]",
        ),
        "mail_config_duplicate": (
            "instelling '{key}' komt twee keer voor (eerder op regel {line})",
            "setting '{key}' appears twice (first on line {line})",
        ),
        "mail_config_not_mapping": (
            "verwacht sleutels als host, port, user, password, from, security (eventueel onder 'smtp:')",
            "expected keys such as host, port, user, password, from, security (optionally under 'smtp:')",
        ),
        "mail_config_quote_password": (
            "zet het wachtwoord tussen aanhalingstekens, anders leest YAML het als iets anders dan tekst",
            "put the password in quotes, otherwise YAML reads it as something other than text",
        ),
        "mail_config_not_text": ("'{key}' moet een enkele waarde zijn", "'{key}' must be a single value"),
        "mail_attachment_unreadable": (
            "bijlage {path} niet te lezen: {reason}",
            "cannot read attachment {path}: {reason}",
        ),
        "mail_skipped_always": ("e-mail niet verzonden", "e-mail not sent"),
        "mail_skipped_at_risk": (
            "e-mail niet verzonden: niets is niet voldaan of vraagt aandacht (--mail-on at_risk)",
            "e-mail not sent: nothing is not met or at risk (--mail-on at_risk)",
        ),
        "mail_skipped_not_met": (
            "e-mail niet verzonden: niets is niet voldaan (--mail-on not_met)",
            "e-mail not sent: nothing is not met (--mail-on not_met)",
        ),
        "mail_skipped_change": (
            "e-mail niet verzonden: niets veranderd sinds de vorige run (--mail-on change)",
            "e-mail not sent: nothing changed since the previous run (--mail-on change)",
        ),
        "mail_eml_failed": (
            "kan het bericht niet schrijven naar {path}: {reason}",
            "cannot write the message to {path}: {reason}",
        ),
        "mail_dry_run": (
            "e-mail niet verzonden (--dry-run); bericht voor {recipients} geschreven naar {path}",
            "e-mail not sent (--dry-run); message for {recipients} written to {path}",
        ),
        "mail_sent": (
            "e-mail verzonden aan {recipients} via {where}",
            "e-mail sent to {recipients} via {where}",
        ),
        "mail_failed": (
            "rapport geschreven, maar e-mail via {where} mislukt: {reason}",
            "report written, but e-mail via {where} failed: {reason}",
        ),
        "mail_no_starttls": (
            "de server biedt geen STARTTLS aan; zet PRESTATIECHECK_SMTP_SECURITY=ssl (poort 465) of, alleen op een vertrouwd netwerk, none",
            "the server does not offer STARTTLS; set PRESTATIECHECK_SMTP_SECURITY=ssl (port 465) or, on a trusted network only, none",
        ),
        "mail_some_refused": (
            "de server weigerde {refused} (wel afgeleverd bij: {delivered})",
            "the server refused {refused} (delivered to: {delivered})",
        ),
        "mail_auth_refused": (
            "inloggen als '{user}' geweigerd; de server antwoordde: {answer}",
            "login as '{user}' refused; the server answered: {answer}",
        ),
        "mail_not_supported": (
            "de server ondersteunt dit niet: {reason}",
            "the server does not support this: {reason}",
        ),
        "mail_recipients_refused": (
            "de server weigerde alle ontvangers: {refused}",
            "the server refused every recipient: {refused}",
        ),
        "mail_sender_refused": (
            "de server weigerde afzender {sender}: {answer}",
            "the server refused sender {sender}: {answer}",
        ),
        "mail_data_refused": (
            "de server weigerde het bericht: {answer}",
            "the server refused the message: {answer}",
        ),
        "mail_disconnected": ("de server verbrak de verbinding", "the server closed the connection"),
        "mail_connect_refused_answer": (
            "de server weigerde de verbinding: {answer}",
            "the server refused the connection: {answer}",
        ),
        "mail_server_answer": ("de server antwoordde: {answer}", "the server answered: {answer}"),
        "mail_connection_refused": (
            "verbinding geweigerd (draait daar een SMTP-server?)",
            "connection refused (is an SMTP server running there?)",
        ),
        "mail_timeout": (
            "niet klaar binnen {seconds} s (de server antwoordt niet, of te traag)",
            "not done within {seconds} s (the server does not answer, or too slowly)",
        ),
        "mail_unknown_host": ("servernaam '{host}' onbekend", "host name '{host}' not found"),
        "mail_tls_failed": ("TLS mislukt: {reason}", "TLS failed: {reason}"),
        "mail_network_error": ("netwerkfout: {reason}", "network error: {reason}"),
    }
)


# reports (prestatiecheck report), saved results and history
MESSAGES.update(
    {
        "report_title": ("Rapportage prestatieafspraken", "Performance agreements report"),
        "report_agreement": ("Afspraken", "Agreement"),
        "report_municipality": ("Gemeente", "Municipality"),
        "report_parties": ("Partijen", "Parties"),
        "report_period": ("Looptijd", "Term"),
        "report_as_of": ("Peildatum", "As of"),
        "report_figures": ("Cijfers", "Figures"),
        "report_role_gemeente": ("gemeente", "municipality"),
        "report_role_corporatie": ("corporatie", "housing association"),
        "report_role_huurdersorganisatie": ("huurdersorganisatie", "tenants' organisation"),
        "report_summary": ("Samenvatting", "Summary"),
        "report_counts_caption": (
            "Aantal resultaten per status (totaal {total})",
            "Results per status ({total} in all)",
        ),
        "report_agenda": ("Voor de agenda: niet voldaan of aandacht", "For the agenda: not met or at risk"),
        "report_agenda_none": (
            "Niets is niet voldaan en niets vraagt aandacht.",
            "Nothing is not met or at risk.",
        ),
        "report_trekker": ("Trekker", "Responsible"),
        "report_article": ("art. {article}", "art. {article}"),
        "report_changes_heading": ("Wat is er veranderd", "What changed"),
        "report_no_previous": (
            "Geen eerdere run in de geschiedenis: veranderingen zijn vanaf de volgende run te zien.",
            "No earlier run in the history: changes show from the next run on.",
        ),
        "report_changes_since": (
            "Sinds de vorige run (peildatum {as_of}, gemaakt {timestamp}):",
            "Since the previous run (as of {as_of}, made {timestamp}):",
        ),
        "report_changes_none": (
            "Geen veranderingen sinds de vorige run (peildatum {as_of}, gemaakt {timestamp}).",
            "No changes since the previous run (as of {as_of}, made {timestamp}).",
        ),
        "report_col_previous": ("Vorige", "Previous"),
        "report_change_new_not_met": ("nieuw niet voldaan", "newly not met"),
        "report_change_new_at_risk": ("nieuw aandacht", "newly at risk"),
        "report_change_improved": ("verbeterd", "improved"),
        "report_change_recovered": ("hersteld", "recovered"),
        "report_change_changed": ("gewijzigd", "changed"),
        "report_results_heading": ("Resultaten per thema", "Results per theme"),
        "report_theme_caption": ("Afspraken over {theme}", "Agreements on {theme}"),
        "report_nothing": ("Geen resultaten in deze selectie.", "No results in this selection."),
        "report_progress": ("Voortgang naar het doel", "Progress towards the target"),
        "report_progress_text": ("{party}: {value} van {target}", "{party}: {value} of {target}"),
        "report_progress_expected": ("; volgens schema nu {expected}", "; on schedule by now {expected}"),
        "report_trends": ("Aandelen per periode", "Shares per period"),
        "report_no_figures_short": ("geen gegevens", "no figures"),
        "report_deadlines": ("Termijnen in de komende {days} dagen", "Deadlines in the next {days} days"),
        "report_deadlines_caption": (
            "Nog te doen, gerekend vanaf {as_of}",
            "Still to do, counted from {as_of}",
        ),
        "report_deadlines_none": (
            "Geen open termijnen in de komende {days} dagen.",
            "No open deadlines in the next {days} days.",
        ),
        "report_col_due": ("Uiterlijk", "Due"),
        "report_days_left": ("nog {days} dagen", "{days} days left"),
        "report_no_data": ("Zonder gegevens", "Without figures"),
        "report_no_data_intro": (
            "Deze afspraken konden niet getoetst worden omdat cijfers ontbreken:",
            "These agreements could not be checked because figures are missing:",
        ),
        "report_without_results": (
            "Afspraken waarvoor in deze run geen enkel resultaat is (geen cijfers aangeleverd):",
            "Agreements without any result in this run (no figures supplied):",
        ),
        "report_no_data_none": ("Voor elke afspraak waren cijfers.", "Every agreement had figures."),
        "report_appendix": ("Bijlage: niet toetsbaar", "Appendix: not checkable"),
        "report_appendix_intro": (
            "Kwalitatieve afspraken zonder datum of cijfer: ze staan hier zodat ze niet vergeten worden, "
            "maar prestatiecheck toetst ze niet.",
            "Qualitative agreements without a date or a figure: listed so they are not forgotten, "
            "but prestatiecheck does not check them.",
        ),
        "report_not_checkable": ("niet toetsbaar", "not checkable"),
        "report_appendix_none": ("Geen.", "None."),
        "report_footer_version": (
            "Gemaakt met prestatiecheck {version}",
            "Made with prestatiecheck {version}",
        ),
        "report_footer_rules": ("Regelbestanden", "Rule files"),
        "report_disclaimer": (
            "Dit rapport leest de afspraken zoals ze in de regelbestanden zijn vastgelegd; "
            "bij verschil gaan de ondertekende documenten voor.",
            "This report reads the agreements as encoded in the rule files; "
            "where they differ, the signed documents prevail.",
        ),
        "report_mail_subject": (
            "{municipality}: prestatieafspraken per {as_of} ({counts})",
            "{municipality}: performance agreements as of {as_of} ({counts})",
        ),
        "report_results_not_json": (
            "geen resultatenbestand: ongeldige JSON ({reason})",
            "not a results file: invalid JSON ({reason})",
        ),
        "report_results_foreign": (
            "geen resultatenbestand van prestatiecheck (maak het met 'prestatiecheck check --results-json')",
            "not a prestatiecheck results file (make one with 'prestatiecheck check --results-json')",
        ),
        "report_results_version": (
            "onbekende versie {version} (deze prestatiecheck leest versie {expected})",
            "unknown version {version} (this prestatiecheck reads version {expected})",
        ),
        "report_results_incomplete": (
            "onvolledig of beschadigd resultatenbestand: {reason}",
            "incomplete or damaged results file: {reason}",
        ),
        "report_results_agreement": (
            "afspraken '{agreement}' staan niet in dit resultatenbestand (wel: {known})",
            "agreement '{agreement}' is not in this results file (it has: {known})",
        ),
        "report_history_bad_line": (
            "beschadigde regel in de geschiedenis: {reason} (herstel of verwijder deze regel; "
            "er wordt niets overgeslagen)",
            "damaged line in the history: {reason} (repair or remove this line; nothing is skipped)",
        ),
        "report_history_not_json": ("ongeldige JSON ({reason})", "invalid JSON ({reason})"),
        "report_history_foreign": (
            "geen geschiedenisregel van prestatiecheck",
            "not a prestatiecheck history record",
        ),
        "report_history_missing": ("veld '{key}' ontbreekt", "field '{key}' is missing"),
        "report_history_written": ("geschiedenis bijgewerkt: {path}", "history updated: {path}"),
        "report_template_unsafe": (
            "sjabloon probeert iets wat niet mag en is gestopt: {reason}",
            "template tried something not allowed and was stopped: {reason}",
        ),
        "report_template_syntax": ("fout in sjabloon: {reason}", "template error: {reason}"),
        "report_template_error": (
            "sjabloon kan niet worden ingevuld: {reason}",
            "template could not be filled in: {reason}",
        ),
        "report_pdf_unavailable": (
            "PDF maken lukt niet: WeasyPrint is niet bruikbaar ({reason}); installeer 'weasyprint' "
            "(pip) en pango (apt-get install libpango-1.0-0 libpangoft2-1.0-0)",
            "cannot make a PDF: WeasyPrint is not usable ({reason}); install 'weasyprint' (pip) "
            "and pango (apt-get install libpango-1.0-0 libpangoft2-1.0-0)",
        ),
        "report_source_required": (
            "geef --figures (toetsen en rapporteren) of --from-results (eerder opgeslagen resultaten)",
            "give --figures (check and report) or --from-results (results saved earlier)",
        ),
        "report_source_both": (
            "--figures en --from-results gaan niet samen: kies er één",
            "--figures and --from-results do not go together: choose one",
        ),
        "report_from_results_option": (
            "{option} gaat niet samen met --from-results: de opgeslagen resultaten liggen al vast "
            "(selectie en peildatum)",
            "{option} does not go with --from-results: the saved results are fixed "
            "(selection and as-of date)",
        ),
        "report_history_conflict": (
            "--history en --no-history gaan niet samen",
            "--history and --no-history do not go together",
        ),
    }
)

# deadline calendar (prestatiecheck/rendering/ics.py, deadlines --ics) and one more mail string
MESSAGES.update(
    {
        "mail_bad_cafile": ("CA-bestand '{value}' bestaat niet", "CA file '{value}' does not exist"),
        "ics_calendar_name": (
            "Termijnen prestatieafspraken: {agreements}",
            "Performance agreement deadlines: {agreements}",
        ),
        "ics_summary": ("Termijn: {title}", "Deadline: {title}"),
        "ics_summary_party": ("Termijn: {title} ({party})", "Deadline: {title} ({party})"),
        "ics_reminder": ("Over {days} dagen: {title}", "In {days} days: {title}"),
        "ics_rule": ("Afspraak {rule} ({agreement})", "Agreement rule {rule} ({agreement})"),
        "ics_responsible": ("Verantwoordelijk: {parties}", "Responsible: {parties}"),
        "ics_period": ("Periode: {period}", "Period: {period}"),
        "ics_source": ("Bron: artikel {article} ({document})", "Source: article {article} ({document})"),
        "ics_quote": ('Citaat: "{quote}"', 'Quote: "{quote}"'),
        "ics_status": ("Stand op {as_of}: {status}: {message}", "Status on {as_of}: {status}: {message}"),
        "ics_written": (
            "{count} termijnen in de agenda geschreven naar {path}",
            "{count} deadlines written to the calendar {path}",
        ),
        "ics_failed": (
            "kan de agenda niet schrijven naar {path}: {reason}",
            "cannot write the calendar to {path}: {reason}",
        ),
    }
)

# Periods not yet begun, and "1 dag" rather than "1 dagen".
MESSAGES.update(
    {
        "msg_not_started": (
            "de periode {period} is nog niet begonnen",
            "the period {period} has not begun yet",
        ),
        "msg_done_late_one": (
            "1 dag te laat gedaan: op {done}, uiterlijk {due}",
            "done 1 day late: on {done}, due {due}",
        ),
        "msg_overdue_no_date_one": (
            "geen datum vastgelegd; de termijn ({due}) is 1 dag verstreken",
            "no date recorded; the deadline ({due}) passed 1 day ago",
        ),
        "msg_due_soon_one": ("nog 1 dag: uiterlijk {due}", "1 day left: due {due}"),
    }
)

# docs/agreements.md: the audit listing of every encoded rule.
MESSAGES.update(
    {
        "audit_title": ("Gecodeerde prestatieafspraken", "Encoded performance agreements"),
        "audit_intro": (
            "Gegenereerd door `prestatiecheck list --format audit --output docs/agreements.md`; niet met de hand "
            "bewerken. Elke regel staat naast de bron, zodat u de codering artikel voor artikel kunt nalopen tegen "
            "het ondertekende document. Het ondertekende document gaat altijd voor.",
            "Generated by `prestatiecheck list --format audit --output docs/agreements.md`; do not edit by hand. "
            "Every rule stands beside its source, so the encoding can be audited article by article against the "
            "signed document. The signed document always prevails.",
        ),
        "audit_col_agreement": ("Afspraken", "Agreement"),
        "audit_col_period": ("Periode", "Period"),
        "audit_col_source": ("Bron", "Source"),
        "audit_col_rules": ("Regels", "Rules"),
        "audit_col_context": ("Niet toetsbaar", "Not checkable"),
        "audit_municipality": ("Gemeente", "Municipality"),
        "audit_signed": ("ondertekend", "signed"),
        "audit_parties": ("Partijen", "Parties"),
        "audit_warnings": (
            "Wat `prestatiecheck validate` over het document zelf meldt",
            "What `prestatiecheck validate` reports about the document itself",
        ),
        "audit_context": ("Niet toetsbaar (context)", "Not checkable (context)"),
        "audit_coverage": ("Dekking van de inventaris", "Coverage of the inventory"),
        "audit_inventory_ref": ("Inventaris", "Inventory"),
    }
)

# e-mail delivery: a password file everyone can read
MESSAGES.update(
    {
        "mail_config_world_readable": (
            "dit bestand bevat een wachtwoord en iedereen op deze computer kan het lezen; maak het privé met: chmod 600 {path}",
            "this file holds a password and every user on this computer can read it; make it private with: chmod 600 {path}",
        ),
    }
)

# A configuration problem (e.g. mail settings) stops the run before anything is rendered or sent.
MESSAGES.update(
    {
        "config_problems_found": (
            "{count} fout(en) in de configuratie; er is niets gemaakt of verzonden.",
            "{count} error(s) in the configuration; nothing was rendered or sent.",
        ),
    }
)

# A report template that cannot be rendered: nothing is written.
MESSAGES.update(
    {
        "template_problems_found": (
            "{count} fout(en) in het sjabloon; er is geen rapport geschreven.",
            "{count} error(s) in the template; no report was written.",
        ),
    }
)

# Excel figures in and results out (loading/xlsx.py, rendering/xlsx_output.py)
MESSAGES.update(
    {
        "xlsx_encrypted_or_xls": (
            "dit bestand is met een wachtwoord beveiligd of is een oud Excel-bestand (.xls); haal het wachtwoord weg of sla het op als Excel-werkmap (.xlsx)",
            "this workbook is password-protected or an old Excel file (.xls); remove the password or save it as an Excel workbook (.xlsx)",
        ),
        "xlsx_looks_like_text": (
            "dit is geen Excel-werkmap maar tekst; is het een CSV-bestand met de extensie .xlsx? Geef het dan de extensie .csv",
            "this is not an Excel workbook but text; is it a CSV file named .xlsx? Then name it .csv",
        ),
        "xlsx_not_a_workbook": (
            "dit is geen Excel-werkmap (.xlsx); sla het bestand in Excel of LibreOffice op als Excel-werkmap",
            "this is not an Excel workbook (.xlsx); save it from Excel or LibreOffice as an Excel workbook",
        ),
        "xlsx_corrupt": (
            "de Excel-werkmap is beschadigd en kan niet gelezen worden ({reason}); open en bewaar het bestand opnieuw in Excel of LibreOffice",
            "the Excel workbook is damaged and cannot be read ({reason}); open and save it again in Excel or LibreOffice",
        ),
        "xlsx_no_header": (
            "geen blad met de kopregel period, party, metric, value (bladen: {sheets}):",
            "no sheet with the header period, party, metric, value (sheets: {sheets}):",
        ),
        "xlsx_empty": (
            "de werkmap bevat geen gegevens (bladen: {sheets})",
            "the workbook holds no data (sheets: {sheets})",
        ),
        "xlsx_formula_uncached": (
            "de formule {formula} heeft geen opgeslagen uitkomst (het bestand is nooit in Excel of LibreOffice geopend en bewaard); open en bewaar het bestand, of typ het getal in",
            "the formula {formula} has no saved result (the file was never opened and saved in Excel or LibreOffice); open and save the file, or type the number",
        ),
        "xlsx_error_value": (
            "de cel bevat de foutwaarde {value}; verbeter de formule of typ het getal in",
            "the cell holds the error value {value}; fix the formula or type the number",
        ),
        "xlsx_boolean": (
            "de cel bevat {value} (een ja/nee-waarde), geen cijfer",
            "the cell holds {value} (a yes/no value), not a figure",
        ),
        "xlsx_true": ("WAAR", "TRUE"),
        "xlsx_false": ("ONWAAR", "FALSE"),
        "xlsx_value_point_in_text": (
            "'{value}' staat als tekst in de cel met een decimale punt; bedoelt u {suggestion}? (of typ het als getal)",
            "'{value}' is text in the cell with a decimal point; did you mean {suggestion}? (or type it as a number)",
        ),
        "xlsx_output_required": (
            "--format xlsx schrijft een Excel-bestand; geef met --output de bestandsnaam op",
            "--format xlsx writes an Excel file; name it with --output",
        ),
        "xlsx_ods": (
            "dit is een OpenDocument-rekenblad (.ods); sla het in LibreOffice op als Excel-werkmap (.xlsx) of als CSV",
            "this is an OpenDocument spreadsheet (.ods); save it from LibreOffice as an Excel workbook (.xlsx) or as CSV",
        ),
        "xlsx_binary_to_terminal": (
            "een Excel-bestand kan niet naar de terminal; gebruik --output",
            "an Excel file cannot go to the terminal; use --output",
        ),
    }
)

# Fill-in templates (templating.py, rendering/template_*.py, cli/template.py)
MESSAGES.update(
    {
        "template_col_party_name": ("naam partij", "party name"),
        "template_col_meaning": ("betekenis", "meaning"),
        "template_col_unit": ("eenheid", "unit"),
        "template_col_rules": ("gebruikt door regel", "used by rule"),
        "template_col_article": ("bron", "source"),
        "template_joint_explained": (
            "gezamenlijk cijfer (alle partijen samen)",
            "joint figure (all parties together)",
        ),
        "template_all_parties": ("alle partijen", "all parties"),
        "template_per_project": (
            "één regel per project: vul de kolom project in en kopieer de regel voor elk volgend project",
            "one row per project: fill in the project column and copy the row for each further project",
        ),
        "template_unit_count": ("aantal (geheel getal, 0 of meer)", "count (whole number, 0 or more)"),
        "template_unit_count_signed": (
            "aantal (geheel getal, mag negatief zijn)",
            "count (whole number, may be negative)",
        ),
        "template_unit_eur": ("euro (bedrag, bijv. 131,37)", "euro (amount, e.g. 131.37)"),
        "template_unit_years": ("jaren", "years"),
        "template_unit_months": ("maanden", "months"),
        "template_unit_percent": ("procent (34,1 voor 34,1%)", "percent (34.1 for 34.1%)"),
        "template_unit_pp": ("procentpunten", "percentage points"),
        "template_unit_date": ("datum (JJJJ-MM-DD of D-M-JJJJ)", "date (YYYY-MM-DD or D-M-YYYY)"),
        "template_unit_number": ("getal", "number"),
        "template_unknown_party": (
            "partij '{party}' hoort niet bij {agreement} (partijen: {known})",
            "party '{party}' is not a party to {agreement} (parties: {known})",
        ),
        "template_bad_period": (
            "'{value}' is geen periode; gebruik 2026, 2026-H1, 2026-Q3 of 2026-2027",
            "'{value}' is not a period; use 2026, 2026-H1, 2026-Q3 or 2026-2027",
        ),
        "template_period_outside": (
            "periode {value} valt buiten de looptijd van {agreement} ({window})",
            "period {value} is outside the term of {agreement} ({window})",
        ),
        "template_nothing_needed": (
            "geen enkele regel van {agreement} heeft cijfers nodig voor {period}, {party}; er is geen invulbestand gemaakt",
            "no rule of {agreement} needs figures for {period}, {party}; no template was written",
        ),
        "template_unknown_format": (
            "onbekend formaat '{format}' (xlsx, csv of yaml)",
            "unknown format '{format}' (xlsx, csv or yaml)",
        ),
        "template_format_mismatch": (
            "{path}: de extensie {suffix} hoort bij {implied}, maar --format is {fmt}; "
            "noem het bestand anders of laat --format weg",
            "{path}: the extension {suffix} belongs to {implied}, but --format is {fmt}; "
            "name the file otherwise or leave out --format",
        ),
        "template_exists": (
            "{path} bestaat al; kies een andere naam of gebruik --force om het te overschrijven",
            "{path} already exists; choose another name or use --force to overwrite it",
        ),
        "template_written": (
            "{rows} cijfer(s) in te vullen, voor {rules} regel(s)",
            "{rows} figure(s) to fill in, for {rules} rule(s)",
        ),
        "template_file_word": ("invulbestand", "template"),
        "template_sheet_figures": ("Cijfers", "Figures"),
        "template_sheet_explanation": ("Toelichting", "Explanation"),
        "template_value_comment": (
            "Vul hier het cijfer in. Leeg laten = niet aangeleverd (nooit 0 invullen voor 'weet niet').",
            "Fill in the figure here. Left empty = not supplied (never type 0 for 'unknown').",
        ),
        "template_validation_title": ("Ongeldig cijfer", "Invalid figure"),
        "template_validation_count": (
            "Een aantal: een geheel getal, 0 of meer.",
            "A count: a whole number, 0 or more.",
        ),
        "template_validation_whole": ("Een geheel getal.", "A whole number."),
        "template_validation_date": ("Een datum (bijv. 30-3-2026).", "A date (e.g. 2026-03-30)."),
        "template_validation_decimal": (
            "Een getal, 0 of meer (decimalen toegestaan).",
            "A number, 0 or more (decimals allowed).",
        ),
        "template_validation_decimal_signed": (
            "Een getal (decimalen toegestaan).",
            "A number (decimals allowed).",
        ),
        "template_about_agreement": ("Afspraken", "Agreement"),
        "template_about_period": ("Periode", "Period"),
        "template_about_party": ("Partij", "Party"),
        "template_about_rows": ("Cijfers in te vullen", "Figures to fill in"),
        "template_how_title": ("Zo vult u het in", "How to fill it in"),
        "template_how_value": (
            "Vul alleen de kolom value in (en eventueel note); laat de andere kolommen staan.",
            "Fill in only the value column (and note if you like); leave the other columns as they are.",
        ),
        "template_how_numbers": (
            "Een leeg vak betekent: niet aangeleverd (de toets zegt dan 'geen gegevens'); vul nooit 0 in als u het niet weet. Decimalen mogen met een komma (34,1).",
            "An empty cell means: not supplied (the check then says 'no data'); never type 0 when you do not know. Decimals may use a comma (34,1).",
        ),
        "template_how_dates": (
            "Datums (bijv. wanneer iets is aangeleverd) als datum: 30-3-2026 of 2026-03-30.",
            "Dates (e.g. when something was delivered) as a date: 2026-03-30 or 30-3-2026.",
        ),
        "template_how_joint": (
            "Een regel met partij 'gezamenlijk' vraagt één cijfer voor alle partijen samen; aantallen per partij worden voor het gezamenlijke oordeel opgeteld.",
            "A row with party 'joint' asks one figure for all parties together; counts per party are added up for the joint verdict.",
        ),
        "template_how_projects": (
            "Regels met 'per project': vul de kolom project in; voor meer projecten kopieert u de regel (de beveiliging van het blad heeft geen wachtwoord: Controleren > Beveiliging blad opheffen).",
            "Rows 'per project': fill in the project column; for more projects copy the row (the sheet protection has no password: Review > Unprotect Sheet).",
        ),
        "template_how_check": (
            "Ingevuld toetsen: prestatiecheck check --figures DIT-BESTAND (de afspraak {agreement} staat in de kolom agreement). Cijfers van meerdere partijen: geef elk bestand met --figures.",
            "Check once filled in: prestatiecheck check --figures THIS-FILE (the agreement {agreement} is in the agreement column). Figures from several parties: give each file with --figures.",
        ),
        "template_rules_title": ("Wat wordt getoetst", "What is checked"),
        "template_rules_ref": ("Nr.", "Ref"),
        "template_rules_rule": ("Afspraak", "Afspraak"),
        "template_rules_check": ("Toets", "Check"),
        "template_rules_scope": ("Voor wie", "For whom"),
        "template_rules_periods": ("Perioden", "Periods"),
        "template_rules_source": ("Bron", "Source"),
        "template_text_title": (
            "Invulbestand {title}, {period}, {party}",
            "Fill-in template {title}, {period}, {party}",
        ),
    }
)

# Results as an Excel workbook (rendering/xlsx_output.py)
MESSAGES.update(
    {
        "xlsx_sheet_results": ("Resultaten", "Results"),
        "xlsx_sheet_summary": ("Samenvatting", "Summary"),
        "xlsx_col_agreement": ("Afspraken", "Agreement"),
        "xlsx_col_ref": ("Nr.", "Ref"),
        "xlsx_col_title": ("Afspraak", "Afspraak"),
        "xlsx_col_theme": ("Thema", "Theme"),
        "xlsx_col_party": ("Partij", "Party"),
        "xlsx_col_project": ("Project", "Project"),
        "xlsx_col_period": ("Periode", "Period"),
        "xlsx_col_status": ("Status", "Status"),
        "xlsx_col_value": ("Waarde", "Value"),
        "xlsx_col_norm": ("Norm", "Norm"),
        "xlsx_col_limit": ("Grens", "Limit"),
        "xlsx_col_expected": ("Verwacht", "Expected"),
        "xlsx_col_unit": ("Eenheid", "Unit"),
        "xlsx_col_provisional": ("Voorlopig", "Provisional"),
        "xlsx_col_message": ("Toelichting", "Explanation"),
        "xlsx_col_article": ("Artikel", "Article"),
        "xlsx_col_notes": ("Opmerkingen bij de cijfers", "Notes with the figures"),
        "xlsx_col_rule": ("Regel-id", "Rule id"),
        "xlsx_col_status_code": ("Statuscode", "Status code"),
        "xlsx_yes": ("ja", "yes"),
        "xlsx_no": ("nee", "no"),
        "xlsx_total": ("Totaal", "Total"),
        "xlsx_notices": ("Meldingen bij de cijfers", "Notices about the figures"),
    }
)

# A recurring deadline without wording falls on the last day of each period.
MESSAGES.update(
    {
        "describe_deadline_period_end": (
            "{evidence} uiterlijk aan het eind van elke periode ({dates})",
            "{evidence} by the end of each period ({dates})",
        ),
    }
)

MESSAGES.update(
    {
        "bad_signed_date": (
            "signed: '{value}' is geen datum (schrijf bijvoorbeeld 2021-12-14)",
            "signed: '{value}' is not a date (write e.g. 2021-12-14)",
        ),
    }
)

# strict limits: the limit itself is not allowed ("meer dan 10 jaar", "onder de grens").
MESSAGES.update(
    {
        "msg_strict_max": (
            "{value}, precies op de grens; de afspraak vraagt minder ({norm})",
            "{value}, exactly at the limit; the agreement asks for less ({norm})",
        ),
        "msg_strict_min": (
            "{value}, precies op de grens; de afspraak vraagt meer ({norm})",
            "{value}, exactly at the limit; the agreement asks for more ({norm})",
        ),
        "describe_value_max_strict": ("{metric} minder dan {limit}", "{metric} less than {limit}"),
        "describe_value_min_strict": ("{metric} meer dan {limit}", "{metric} more than {limit}"),
        "describe_share_max_strict": (
            "{numerator} / {denominator} minder dan {limit}",
            "{numerator} / {denominator} less than {limit}",
        ),
        "describe_share_min_strict": (
            "{numerator} / {denominator} meer dan {limit}",
            "{numerator} / {denominator} more than {limit}",
        ),
    }
)

MESSAGES.update(
    {
        "describe_reports_on_previous": (
            "; over de voorgaande periode (het cijfer staat bij die periode)",
            "; about the period before (the figure is given for that period)",
        ),
    }
)

MESSAGES.update(
    {
        "figures_duplicate_values": (
            ", met een ander getal: {value} tegen {first_value}",
            ", with a different value: {value} against {first_value}",
        ),
    }
)

MESSAGES.update(
    {
        "figures_too_few_fields": (
            "{found} velden, de kopregel heeft er {expected}: de regel houdt op vóór de waarde "
            "(een aanhalingsteken niet gesloten, of een regel in tweeën gebroken?); laat een waarde leeg "
            "met een lege cel",
            "{found} fields, the header has {expected}: the line stops before the value (a quote left "
            "open, or a line broken in two?); leave a value empty with an empty cell",
        ),
    }
)

# Readings and joint-only afspraken (fidelity, issue 10): the "interpretatie" marker beside a
# verdict, and per-party results of a joint-only afspraak shown for information, not counted.
MESSAGES.update(
    {
        "mark_interpretation": ("interpretatie", "interpretation"),
        "mark_information": ("ter informatie", "for information"),
        "explain_interpretation": ("Interpretatie", "Interpretation"),
        "explain_interpretation_text": (
            "ja: het oordeel berust op een lezing van de tekst die ook anders had gekund (zie de lezing); "
            "elk resultaat toont 'interpretatie'",
            "yes: the verdict rests on a reading of the text that could have been otherwise (see the "
            "reading); every result shows 'interpretation'",
        ),
        "explain_joint_only": ("Alleen gezamenlijk", "Joint only"),
        "explain_joint_only_text": (
            "de afspraak geldt voor de partijen samen: het gezamenlijke resultaat is het oordeel; de "
            "resultaten per partij zijn ter informatie en tellen niet mee in de samenvatting en de exitcode",
            "the afspraak binds the parties together: the joint result is the verdict; the per-party "
            "results are for information and do not count in the summary or the exit code",
        ),
        "summary_information": (
            "ter informatie (niet meegeteld): {count}",
            "for information (not counted): {count}",
        ),
        "joint_only_scope": (
            "joint_only: true vraagt scope [party, joint]: het gezamenlijke resultaat telt, de resultaten "
            "per partij zijn ter informatie",
            "joint_only: true needs scope [party, joint]: the joint result counts, the per-party results "
            "are for information",
        ),
        "xlsx_col_reading": ("Lezing", "Reading"),
        "xlsx_col_information": ("Ter informatie", "For information"),
        "xlsx_information_row": ("Ter informatie (niet meegeteld)", "For information (not counted)"),
        "document_inconsistency": (
            "inconsistentie in het document: {places}. {note}",
            "document inconsistency: {places}. {note}",
        ),
        "inconsistency_place": ("{where} (\u201c{quote}\u201d)", "{where} (\u201c{quote}\u201d)"),
        "inconsistency_against": (" tegenover ", " against "),
    }
)

# The command line (issue 13, CLI part): list overview, ids, progress
MESSAGES.update(
    {
        "col_agreement": ("Afspraken", "Agreement"),
        "col_municipality": ("Gemeente", "Municipality"),
        "list_overview_hint": (
            "De regels van één afspraak: prestatiecheck list -a ID",
            "The rules of one agreement: prestatiecheck list -a ID",
        ),
        "list_rule_ref_hint": (
            "Regel-id's zonder '{agreement}/' ervoor (voluit: {example}).",
            "Rule ids without '{agreement}/' before them (in full: {example}).",
        ),
        "rule_ambiguous": (
            "'{rule}' is een regel in meer dan één afspraak; kies de volledige id: {candidates}",
            "'{rule}' is a rule in more than one agreement; give the full id: {candidates}",
        ),
        "progress_figures": ("Cijfers lezen", "Reading figures"),
        "progress_evaluate": ("Toetsen", "Evaluating"),
        "progress_pdf": ("PDF maken", "Rendering the PDF"),
        "progress_working": ("Bezig", "Working"),
        "progress_seconds": ("{seconds} s", "{seconds} s"),
    }
)

# -- input (issue 12): notices about figures that count for nothing, figures of another agreement --
MESSAGES.update(
    {
        "places_lines": ("regels {places}", "lines {places}"),
        "places_cells": ("cellen {places}", "cells {places}"),
        "places_more": (" en {count} meer", " and {count} more"),
        "and_word": (" en ", " and "),
        "figures_not_begun": (
            "{figure}: een cijfer voor {period}, maar de peildatum is {as_of}; die periode is nog niet "
            "begonnen, dus het telt niet mee (de resultaten voor {period} zijn 'nog niet aan de orde')",
            "{figure}: a figure for {period}, but the as-of date is {as_of}; that period has not begun, so "
            "it is not used (the results for {period} are 'pending')",
        ),
        "figures_not_begun_many": (
            "{count} cijfers voor {period} ({places}), maar de peildatum is {as_of}; die periode is nog niet "
            "begonnen, dus ze tellen niet mee (de resultaten voor {period} zijn 'nog niet aan de orde')",
            "{count} figures for {period} ({places}), but the as-of date is {as_of}; that period has not "
            "begun, so they are not used (the results for {period} are 'pending')",
        ),
        "figures_unread": ("{figure} telt niet mee: {reason}", "{figure} is not used: {reason}"),
        "figures_unread_many": (
            "{count} cijfers tellen niet mee ({places}; het eerste: {figure}): {reason}",
            "{count} figures are not used ({places}; the first: {figure}): {reason}",
        ),
        "unread_these_figures": ("deze cijfers", "these figures"),
        "unread_metric": (
            "geen van de gekozen regels leest '{metric}'",
            "none of the selected rules reads '{metric}'",
        ),
        "unread_joint": (
            "de regels lezen {what} per partij ({parties}), niet gezamenlijk",
            "the rules read {what} per party ({parties}), not jointly",
        ),
        "unread_only_joint": (
            "de regels lezen {what} alleen gezamenlijk (partij leeg of 'gezamenlijk'), niet van '{party}'",
            "the rules read {what} only jointly (party empty or 'joint'), not from '{party}'",
        ),
        "unread_party": (
            "de regels lezen {what} niet van '{party}', wel van {parties}",
            "the rules read {what} not from '{party}' but from {parties}",
        ),
        "unread_without_project": (
            "de regels lezen {what} zonder project, niet voor project '{project}'; laat de kolom project "
            "leeg en tel de projecten op",
            "the rules read {what} without a project, not for project '{project}'; leave the project "
            "column empty and add the projects up",
        ),
        "unread_project": (
            "de regels lezen {what} niet voor project '{project}'",
            "the rules read {what} not for project '{project}'",
        ),
        "unread_per_project": (
            "de regels lezen {what} alleen per project: vul de kolom project in",
            "the rules read {what} only per project: fill in the project column",
        ),
        "unread_period_parts": (
            "de regels lezen {what} voor {parts}, niet voor {period} als geheel; bedoelde u {parts} "
            "afzonderlijk?",
            "the rules read {what} for {parts}, not for {period} as a whole; did you mean {parts} "
            "separately?",
        ),
        "unread_period_whole": (
            "de regels lezen {what} alleen voor {periods}, niet voor een deel ervan ({period})",
            "the rules read {what} only for {periods}, not for a part of it ({period})",
        ),
        "unread_period_other": (
            "de regels lezen {what} niet voor {period}, wel voor {periods}",
            "the rules read {what} not for {period} but for {periods}",
        ),
        "figures_other_agreement_skipped": (
            "een rij voor afspraken '{figure}' overgeslagen: gekozen is {asked} (--agreement)",
            "a row for agreement '{figure}' skipped: {asked} was chosen (--agreement)",
        ),
        "figures_other_agreement_skipped_many": (
            "{count} rijen voor afspraken '{figure}' overgeslagen ({places}): gekozen is {asked} "
            "(--agreement)",
            "{count} rows for agreement '{figure}' skipped ({places}): {asked} was chosen (--agreement)",
        ),
        "figures_belong_elsewhere_column": (
            "deze cijfers horen volgens de kolom agreement bij {found}, niet bij '{asked}' waarnaar "
            "gevraagd is; kies -a {first} of laat --agreement weg",
            "according to the agreement column these figures belong to {found}, not to '{asked}' that "
            "was asked for; use -a {first} or leave --agreement out",
        ),
        "figures_belong_elsewhere": (
            "deze cijfers horen bij afspraken '{best}', niet bij '{asked}' waarnaar gevraagd is: "
            "{fit} van de {count} rijen noemen partijen en kengetallen van '{best}', {fit_asked} van "
            "'{asked}'; kies -a {best}",
            "these figures belong to agreement '{best}', not to '{asked}' that was asked for: {fit} of "
            "the {count} rows name parties and metrics of '{best}', {fit_asked} of '{asked}'; use -a {best}",
        ),
        "figures_file_twice": (
            "hetzelfde bestand is nogmaals opgegeven (eerst als {first}); het is één keer gelezen",
            "the same file is given again (first as {first}); it was read once",
        ),
    }
)

# output (issue 12, part B): the SQLite history and its commands, safe writes
MESSAGES.update(
    {
        "output_is_directory": ("dit is een map, geen bestand", "this is a folder, not a file"),
        "output_not_regular": (
            "dit is geen gewoon bestand (een socket of blokapparaat) en wordt niet vervangen",
            "this is not a regular file (a socket or block device) and is not replaced",
        ),
        "history_unreadable": (
            "kan de geschiedenis niet openen: {reason}",
            "cannot open the history: {reason}",
        ),
        "history_not_a_file": (
            "de geschiedenis moet een gewoon bestand zijn (geen map, apparaat, FIFO of socket)",
            "the history must be a regular file (not a folder, device, FIFO or socket)",
        ),
        "history_bad_value": (
            "waarde {value} is geen getal, datum of leeg",
            "value {value} is not a number, a date or empty",
        ),
        "history_field_type": ("veld '{key}' heeft het verkeerde type", "field '{key}' has the wrong type"),
        "history_bad_row": (
            "run {run}, resultaat {key}: onbekende status '{status}'",
            "run {run}, result {key}: unknown status '{status}'",
        ),
        "history_bad_run": ("run {run} is beschadigd: {reason}", "run {run} is damaged: {reason}"),
        "history_damaged": (
            "beschadigde geschiedenis ({reason}); herstel de database uit een reservekopie, of verplaats "
            "hem en begin opnieuw",
            "damaged history ({reason}); restore the database from a backup, or move it away and start again",
        ),
        "history_not_sqlite": (
            "geen geschiedenisdatabase (SQLite) van prestatiecheck",
            "not a prestatiecheck history database (SQLite)",
        ),
        "history_jsonl_hint": (
            "; het lijkt een JSON Lines-geschiedenis van een eerdere versie: noem het bestand {name}, "
            "dan wordt het eenmalig overgezet",
            "; it looks like a JSON Lines history of an earlier version: name the file {name} and it is "
            "moved into the database once",
        ),
        "history_foreign_database": (
            "deze SQLite-database is van een ander programma, niet de geschiedenis van prestatiecheck",
            "this SQLite database belongs to another program, not prestatiecheck's history",
        ),
        "history_migration_failed": (
            "kan de oude geschiedenis {source} niet overzetten: {reason} (er is niets veranderd)",
            "cannot move the old history {source} into the database: {reason} (nothing was changed)",
        ),
        "history_migration_rename": (
            "de runs zijn overgezet, maar het oude bestand kan niet hernoemd worden: {reason}",
            "the runs were moved into the database, but the old file cannot be renamed: {reason}",
        ),
        "history_migrated": (
            "geschiedenis overgezet: {runs} run(s) uit {source} staan nu in de database; het oude bestand "
            "heet nu {renamed}",
            "history moved: {runs} run(s) from {source} are now in the database; the old file is now "
            "called {renamed}",
        ),
        "check_history_failed": (
            "de uitvoer is geschreven, maar de geschiedenis is niet bijgewerkt: {reason}",
            "the output was written, but the history was not updated: {reason}",
        ),
        "report_history_failed": (
            "het rapport is geschreven ({files}), maar de geschiedenis is niet bijgewerkt: {reason}; "
            "de volgende run vergelijkt met de run hiervoor",
            "the report was written ({files}), but the history was not updated: {reason}; the next "
            "run compares with the run before this one",
        ),
        "history_missing": (
            "geen geschiedenis in {path} (een report-run maakt er een; --history PATH voor een andere plek)",
            "no history at {path} (a report run makes one; --history PATH for another place)",
        ),
        "history_list_empty": ("geen runs in {path}", "no runs in {path}"),
        "history_list_heading": ("{count} run(s) in {path}", "{count} run(s) in {path}"),
        "history_col_run": ("Run", "Run"),
        "history_col_made": ("Gemaakt", "Made"),
        "history_col_as_of": ("Peildatum", "As of"),
        "history_col_agreement": ("Afspraken", "Agreement"),
        "history_col_files": ("Cijfers", "Figures"),
        "history_col_version": ("Versie", "Version"),
        "history_summary_line": ("Samenvatting", "Summary"),
        "history_col_rule": ("Afspraak", "Rule"),
        "history_col_party": ("Partij", "Party"),
        "history_col_project": ("Project", "Project"),
        "history_col_period": ("Periode", "Period"),
        "history_col_status": ("Status", "Status"),
        "history_col_value": ("Waarde", "Value"),
        "history_col_before": ("Eerst", "Before"),
        "history_col_after": ("Daarna", "After"),
        "history_col_change": ("Verandering", "Change"),
        "history_diff_heading": (
            "{agreement}: run {before} (peildatum {before_as_of}) → run {after} (peildatum {after_as_of})",
            "{agreement}: run {before} (as of {before_as_of}) → run {after} (as of {after_as_of})",
        ),
        "history_diff_none": ("Geen verschillen.", "No differences."),
        "history_change_new_not_met": ("nieuw niet voldaan", "newly not met"),
        "history_change_new_at_risk": ("nieuw aandacht", "newly at risk"),
        "history_change_improved": ("verbeterd", "improved"),
        "history_change_recovered": ("hersteld", "recovered"),
        "history_change_changed": ("gewijzigd", "changed"),
        "history_change_added": ("nieuw", "new"),
        "history_change_removed": ("vervallen", "gone"),
        "history_run_unknown": (
            "run '{run}' staat niet in {path} (laatste runs: {known}; zie 'prestatiecheck history list')",
            "run '{run}' is not in {path} (latest runs: {known}; see 'prestatiecheck history list')",
        ),
        "history_run_ambiguous": (
            "'{run}' past bij meer dan één run: {matches}; geef meer tekens",
            "'{run}' matches more than one run: {matches}; give more characters",
        ),
        "mail_cafile_unusable": (
            "CA-bestand '{value}' is onbruikbaar ({reason}); verwacht: certificaten in PEM "
            "('-----BEGIN CERTIFICATE-----')",
            "CA file '{value}' cannot be used ({reason}); expected: certificates in PEM "
            "('-----BEGIN CERTIFICATE-----')",
        ),
        "mail_from_control": (
            "afzender '{value}' bevat een regeleinde of ander stuurteken; één regel, bijvoorbeeld "
            "'Prestatiecheck <rapportage@gemeente.example.nl>'",
            "sender '{value}' contains a line break or another control character; one line, for example "
            "'Prestatiecheck <rapportage@gemeente.example.nl>'",
        ),
        "mail_user_control": (
            "gebruikersnaam bevat een regeleinde of ander stuurteken",
            "user name contains a line break or another control character",
        ),
        "mail_encoding_failed": (
            "een instelling (gebruiker of wachtwoord?) kan niet worden verzonden in de codering die de "
            "server vraagt",
            "a setting (user or password?) cannot be sent in the encoding the server asks for",
        ),
        "results_or": (" of ", " or "),
        "results_type_string": ("tekst", "text"),
        "results_type_number": ("getal", "number"),
        "results_type_array": ("lijst", "list"),
        "results_type_object": ("object", "object"),
        "results_type_null": ("leeg (null)", "empty (null)"),
        "results_type_boolean": ("true/false", "true/false"),
        "results_key_missing": ("{path} ontbreekt", "{path} is missing"),
        "results_key_type": (
            "{path} moet {expected} zijn, niet {value}",
            "{path} must be {expected}, not {value}",
        ),
        "results_key_value": (
            "{path} is {value}; dat kan niet (wel: {allowed})",
            "{path} is {value}, which is not allowed (allowed: {allowed})",
        ),
        "results_key_date": (
            "{path} is {value}, geen datum JJJJ-MM-DD",
            "{path} is {value}, not a date YYYY-MM-DD",
        ),
        "results_more_problems": ("… en nog {count} fout(en)", "… and {count} more problem(s)"),
        "results_texts_count": (
            "{path} heeft {count} teksten voor {results} resultaten",
            "{path} has {count} texts for {results} results",
        ),
        "results_agreement_unknown": (
            "{path}: afspraken '{agreement}' staan niet in report.agreements ({known})",
            "{path}: agreement '{agreement}' is not in report.agreements ({known})",
        ),
        "history_diff_no_common": (
            "de twee runs hebben geen afspraken gemeen ({before} tegen {after})",
            "the two runs have no agreement in common ({before} against {after})",
        ),
    }
)

# encoding (#15): `draft`, `schema`, `new`, `verify`, user agreements beside the shipped ones.
MESSAGES.update(
    {
        "draft_unsupported_document": (
            "dit soort document kan prestatiecheck niet lezen; gebruik {suffixes}",
            "prestatiecheck cannot read this kind of document; use {suffixes}",
        ),
        "draft_no_text": (
            "geen tekst gevonden (een gescande PDF zonder tekstlaag? Laat er eerst tekstherkenning op los)",
            "no text found (a scanned PDF without a text layer? Run text recognition on it first)",
        ),
        "draft_pdf_encrypted": (
            "de PDF is versleuteld; sla hem eerst op zonder wachtwoord",
            "the PDF is encrypted; save it without a password first",
        ),
        "draft_pdf_unreadable": ("geen leesbare PDF: {reason}", "not a readable PDF: {reason}"),
        "draft_docx_unreadable": (
            "geen leesbaar Word-bestand (.docx): {reason}",
            "not a readable Word file (.docx): {reason}",
        ),
        "draft_docx_missing": (
            "python-docx ontbreekt; installeer prestatiecheck opnieuw",
            "python-docx is missing; reinstall prestatiecheck",
        ),
        "draft_header": (
            "Concept-regelbestand, gemaakt door 'prestatiecheck draft' uit {document}.",
            "Draft rule file, made by 'prestatiecheck draft' from {document}.",
        ),
        "draft_header_todo": (
            "Alles hieronder is een voorstel. Controleer elke regel tegen het document en haal dan zijn "
            "'todo:' weg; 'prestatiecheck validate' meldt elke 'todo:' die er nog staat.",
            "Everything below is a proposal. Check every rule against the document, then remove its "
            "'todo:'; 'prestatiecheck validate' reports every 'todo:' still there.",
        ),
        "draft_header_counts": (
            "{rules} voorgestelde regels en {context} context-items.",
            "{rules} proposed rules and {context} context items.",
        ),
        "draft_todo_head": (
            "titel, gemeente, periode, datum van ondertekening en partijen nalopen (uit de kop van het document geraden)",
            "check title, municipality, period, signing date and parties (guessed from the document's head)",
        ),
        "draft_todo_municipality": (
            "gemeente niet gevonden: vul hem in",
            "municipality not found: fill it in",
        ),
        "draft_todo_period": (
            "periode niet gevonden: vul hem in (bijvoorbeeld 2025-2027)",
            "period not found: fill it in (for example 2025-2027)",
        ),
        "draft_todo_rule": (
            "voorstel: soort '{kind}' ({where}); controleer soort, norm, periode en partijen",
            "proposal: kind '{kind}' ({where}); check kind, threshold, period and parties",
        ),
        "draft_todo_trekker": (
            "de zin noemt geen partij: vul de trekker in",
            "the sentence names no party: fill in the trekker",
        ),
        "draft_todo_context": (
            "voorstel voor context ({where}): een afspraak zonder getal of datum; toetsbaar maken of zo laten",
            "proposed as context ({where}): an afspraak without a figure or date; make it checkable or leave it",
        ),
        "draft_where_line": ("regel {line}", "line {line}"),
        "draft_where_page": ("pagina {page}", "page {page}"),
        "draft_metric_en": ("(in het Engels beschrijven) {text}", "(describe in English) {text}"),
        "draft_metric_date": ("Datum waarop: {text}", "Date on which: {text}"),
        "draft_note_metric_guess": (
            "metriek '{metric}' geraden uit de woorden van de zin",
            "metric '{metric}' guessed from the sentence's words",
        ),
        "draft_note_metric_new": (
            "nieuwe metriek voorgesteld (zie metrics:); gebruik een bestaande uit metrics.yaml als die past",
            "new metric proposed (see metrics:); use an existing one from metrics.yaml where it fits",
        ),
        "draft_note_footnote_caret": (
            "voetnootteken {marker} uit de tekst gehaald",
            "footnote marker {marker} taken out of the text",
        ),
        "draft_note_footnote_super": (
            "voetnootteken {marker} na '{before}': gelezen als voetnoot {digits}, niet als deel van het getal",
            "footnote marker {marker} after '{before}': read as footnote {digits}, not as part of the figure",
        ),
        "draft_note_footnote_glued": (
            "'{text}': voetnoot {marker} aan het woord '{word}' vastgeplakt? Gelezen als '{word}'",
            "'{text}': footnote {marker} glued to the word '{word}'? Read as '{word}'",
        ),
        "draft_note_year_footnote": (
            "'{text}': het jaar {year} met voetnoot {marker} erachter?",
            "'{text}': the year {year} followed by footnote {marker}?",
        ),
        "draft_note_percent": ("'{text}' gelezen als {value} procent", "'{text}' read as {value} per cent"),
        "draft_note_euro": ("'{text}' gelezen als {value} euro", "'{text}' read as {value} euro"),
        "draft_note_thousands": (
            "'{text}' gelezen als {value} (punt als duizendtalscheiding)",
            "'{text}' read as {value} (full stop as thousands separator)",
        ),
        "draft_note_decimal_comma": (
            "'{text}' gelezen als {value} (komma als decimaalteken)",
            "'{text}' read as {value} (comma as decimal separator)",
        ),
        "draft_note_direction_unclear": (
            "bij '{figure}' staat niet of het een minimum of een maximum is: kies min of max",
            "'{figure}' does not say whether it is a minimum or a maximum: choose min or max",
        ),
        "draft_note_several_figures": (
            "de zin heeft meer dan één percentage ({figures}): kies de norm",
            "the sentence has more than one percentage ({figures}): choose the threshold",
        ),
        "draft_note_unit": ("eenheid voorgesteld: {unit}", "unit proposed: {unit}"),
        "draft_note_average": (
            "'gemiddeld': een doel per jaar (per_year) of over het hele venster?",
            "'gemiddeld' (on average): a target per year (per_year) or over the whole window?",
        ),
        "draft_note_due_unread": (
            "een jaar of termijn zonder leesbare datum: vul 'due' in (bijvoorbeeld 'in 2026', 'vóór 1 april 2026')",
            "a year or deadline without a readable date: fill in 'due' (for example 'in 2026', 'vóór 1 april 2026')",
        ),
        "draft_note_due_period_end": (
            "terugkerend zonder datum: valt op het eind van elke periode tenzij je 'due' invult",
            "recurring without a date: falls on the end of each period unless you fill in 'due'",
        ),
        "draft_note_column_unknown": (
            "kolom '{column}' (waarde {value}) hoort bij geen bekende partij",
            "column '{column}' (value {value}) belongs to no known party",
        ),
        "draft_note_table_row": (
            "een rij uit '{table}': neem de hele tabel over onder tables: en verwijs ernaar",
            "a row of '{table}': copy the whole table under tables: and refer to it",
        ),
    }
)
MESSAGES.update(
    {
        "draft_note_quota": (
            "een taakstelling: vergelijk wat gerealiseerd is met de taakstelling (compare, left >= right)",
            "a quota (taakstelling): compare what was achieved with the quota (compare, left >= right)",
        ),
        "draft_note_half": ("'de helft' gelezen als 50 procent", "'de helft' (half) read as 50 per cent"),
        "draft_note_times": (
            "'tweemaal'/'twee keer' gelezen als een aantal; per jaar of over de hele periode?",
            "'tweemaal'/'twee keer' (twice) read as a count; per year or over the whole period?",
        ),
    }
)
MESSAGES.update(
    {
        "todo_left": (
            "todo bij {item}: {text} (haal de 'todo:' weg als dit is nagelopen)",
            "todo at {item}: {text} (remove the 'todo:' once this is checked)",
        ),
    }
)
MESSAGES.update(
    {
        "draft_bad_id": (
            "'{id}' is geen geldig id: kleine letters, cijfers en streepjes (bijvoorbeeld utrecht-2025-2027)",
            "'{id}' is not a valid id: lower-case letters, digits and hyphens (for example utrecht-2025-2027)",
        ),
        "draft_exists": (
            "{path} bestaat al; kies een andere naam of gebruik --force",
            "{path} already exists; choose another name or use --force",
        ),
        "draft_made": (
            "{rules} voorgestelde regels en {context} context-items; loop elke 'todo:' na en controleer met "
            "'prestatiecheck validate'",
            "{rules} proposed rules and {context} context items; work through every 'todo:' and check with "
            "'prestatiecheck validate'",
        ),
    }
)
MESSAGES.update(
    {
        "draft_note_row_total": (
            "de kolommen zijn niet te herkennen: het laatste getal ({value}) is als totaal (joint) genomen",
            "the columns cannot be recognised: the last figure ({value}) is taken as the total (joint)",
        ),
    }
)
MESSAGES.update(
    {
        "example_not_mapping": (
            "een voorbeeld is een mapping met as_of, figures en expect",
            "an example is a mapping with as_of, figures and expect",
        ),
        "example_bad_as_of": (
            "as_of '{value}' is geen datum (JJJJ-MM-DD)",
            "as_of '{value}' is not a date (YYYY-MM-DD)",
        ),
        "example_no_expect": (
            "het voorbeeld zegt niet wat eruit moet komen (expect: met status)",
            "the example does not say what it must give (expect: with a status)",
        ),
        "example_bad_status": (
            "status '{status}' bestaat niet; kies uit {known}",
            "status '{status}' does not exist; choose from {known}",
        ),
        "example_selects_nothing": (
            "geen resultaat met deze partij/periode/project; de regel gaf: {got}",
            "no result with this party/period/project; the rule gave: {got}",
        ),
        "example_failed": (
            "voorbeeld klopt niet op {as_of}: verwacht {wanted}, gekregen {got}",
            "example does not hold on {as_of}: expected {wanted}, got {got}",
        ),
        "verify_without_examples_item": ("zonder voorbeelden: {rule}", "without examples: {rule}"),
        "verify_summary": (
            "{examples} voorbeeld(en) in {rules} regel(s): {failed} klopt/kloppen niet; "
            "{without} regel(s) zonder voorbeelden (--verbose noemt ze)",
            "{examples} example(s) in {rules} rule(s): {failed} do(es) not hold; "
            "{without} rule(s) without examples (--verbose lists them)",
        ),
    }
)

# perf (#14): parallel checks
MESSAGES.update(
    {
        "bad_jobs": (
            "'{value}' is geen aantal processen; geef een getal vanaf 1 of 'auto'",
            "'{value}' is not a number of processes; give a number from 1 or 'auto'",
        ),
    }
)
# encoding (#15): user agreements beside the shipped ones, `new`
MESSAGES.update(
    {
        "agreement_id_shipped": (
            "afspraken-id '{agreement}' is al in gebruik bij de meegeleverde afspraken ({file}, in {index}); "
            "kies een ander id",
            "agreement id '{agreement}' is already used by a shipped agreement ({file}, in {index}); "
            "choose another id",
        ),
        "agreement_id_twice": (
            "afspraken-id '{agreement}' komt twee keer voor (eerder: {file}, in {index}); kies een ander id",
            "agreement id '{agreement}' appears twice (before: {file}, in {index}); choose another id",
        ),
        "metric_unit_clash_file": (
            "metric '{metric}' heeft hier eenheid '{unit}', maar in {file} eenheid '{known}'; "
            "geef het cijfer een eigen naam",
            "metric '{metric}' has unit '{unit}' here but unit '{known}' in {file}; give the figure a name of its own",
        ),
        "new_bad_id": (
            "'{id}' is geen bruikbaar id: kleine letters, cijfers en streepjes, bijvoorbeeld utrecht-2025-2026",
            "'{id}' is not a usable id: lower case, digits and hyphens, e.g. utrecht-2025-2026",
        ),
        "new_bad_party": (
            "--party '{value}' niet begrepen; schrijf ID=NAAM:ROL, bijvoorbeeld "
            "--party 'portaal=Portaal Utrecht:corporatie'",
            "--party '{value}' not understood; write ID=NAME:ROLE, e.g. --party 'portaal=Portaal Utrecht:corporatie'",
        ),
        "new_bad_party_id": (
            "partij-id '{party}' kan niet: begin met een kleine letter, dan kleine letters, cijfers en streepjes",
            "party id '{party}' cannot be used: start with a lower-case letter, then lower case, digits and hyphens",
        ),
        "new_bad_role": (
            "onbekende rol '{role}'; kies uit {known}",
            "unknown role '{role}'; choose from {known}",
        ),
        "new_no_party": (
            "geef de partijen met --party ID=NAAM:ROL (één keer per partij)",
            "give the parties with --party ID=NAME:ROLE (once per party)",
        ),
        "new_bad_municipality": (
            "--municipality '{value}' kan niet: geef de naam van de gemeente",
            "--municipality '{value}' cannot be used: give the municipality's name",
        ),
        "new_period_needed": (
            "het id '{id}' eindigt niet op een periode; geef --period (bijvoorbeeld 2025-2026)",
            "the id '{id}' does not end in a period; give --period (e.g. 2025-2026)",
        ),
        "new_exists": (
            "{path} bestaat al; prestatiecheck new overschrijft niets",
            "{path} already exists; prestatiecheck new overwrites nothing",
        ),
        "new_id_in_index": (
            "'{id}' staat al in {path}; kies een ander id",
            "'{id}' is already in {path}; choose another id",
        ),
        "new_index_unusable": (
            "kan {path} niet veilig aanvullen; voeg zelf toe onder 'agreements:':\n{entry}",
            "cannot add to {path} safely; add under 'agreements:' yourself:\n{entry}",
        ),
        "new_index_head": (
            "Afspraken van uzelf, naast de meegeleverde. Gebruik: prestatiecheck check --agreements <dit bestand>\n"
            "(of zet PRESTATIECHECK_AGREEMENTS). Paden gelden vanaf dit bestand. Zonder 'metrics:' is de\n"
            "meegeleverde metrics.yaml de cijferlijst; 'metrics: eigen.yaml' voegt eigen cijfers toe.",
            "Agreements of your own, beside the shipped ones. Use: prestatiecheck check --agreements <this file>\n"
            "(or set PRESTATIECHECK_AGREEMENTS). Paths are relative to this file. Without 'metrics:' the\n"
            "shipped metrics.yaml is the vocabulary; 'metrics: own.yaml' adds metrics of your own.",
        ),
        "new_rule_head": (
            "Regelbestand van {id}: één regel per toetsbare afspraak, in de woorden van het document.\n"
            "Het formaat: docs/rule-format.md; 'prestatiecheck schema rule-file' geeft het schema voor de editor.\n"
            "Controleer na elke wijziging: prestatiecheck validate --agreements {index}",
            "Rule file of {id}: one rule per checkable afspraak, in the document's words.\n"
            "The format: docs/rule-format.md; 'prestatiecheck schema rule-file' gives the editor's schema.\n"
            "Check after every change: prestatiecheck validate --agreements {index}",
        ),
        "new_rule_source": (
            "het ondertekende document: bestandsnaam of titel",
            "the signed document: file name or title",
        ),
        "new_rule_signed": (
            "signed: 2025-01-31   # de datum van ondertekening, als het document die noemt",
            "signed: 2025-01-31   # the date of signing, where the document gives it",
        ),
        "new_rule_context": (
            "Afspraken zonder cijfer of datum: genoemd, niet getoetst. Vervang 'context: []' door\n"
            "'context:' en haal '# ' weg bij het voorbeeld.",
            "Afspraken without a figure or date: mentioned, not checked. Replace 'context: []' by\n"
            "'context:' and remove '# ' from the example.",
        ),
        "new_rule_rules": (
            "De regels. Vervang 'rules: []' door 'rules:' en haal bij elk voorbeeld dat u nodig hebt '# '\n"
            "weg; pas ref, titel, artikel, citaat en norm aan het document aan (ref: het nummer van de\n"
            "afspraak in het document; obligation: inspanning of resultaat). De cijfers (numerator, metric,\n"
            "...) staan in metrics.yaml ('prestatiecheck list --metrics'). 'examples:' (bij de eerste) zijn\n"
            "voorbeelden die 'prestatiecheck verify' narekent. Zonder regels meldt validate een waarschuwing.",
            "The rules. Replace 'rules: []' by 'rules:' and remove '# ' from each example you need;\n"
            "fit ref, title, article, quote and threshold to the document (ref: the afspraak's number in\n"
            "the document; obligation: inspanning or resultaat). The metrics (numerator, metric, ...) are\n"
            "in metrics.yaml ('prestatiecheck list --metrics'). 'examples:' (on the first) are examples\n"
            "'prestatiecheck verify' checks. Without rules validate gives a warning.",
        ),
        "new_kind_share": (
            "share: een aandeel (teller / noemer) van ten hoogste (max) of ten minste (min) zoveel procent",
            "share: a share (numerator / denominator) of at most (max) or at least (min) so many per cent",
        ),
        "new_kind_band": (
            "band: een aandeel binnen target ± tolerance procent (de randen tellen mee)",
            "band: a share within target ± tolerance per cent (the edges count as inside)",
        ),
        "new_kind_value": (
            "value: een waarde (euro, jaren, ...) van ten hoogste (max) of ten minste (min)",
            "value: a value (euro, years, ...) of at most (max) or at least (min)",
        ),
        "new_kind_compare": (
            "compare: twee cijfers van dezelfde partij en periode vergeleken (op: <=, <, >=, >, ==)",
            "compare: two figures of the same party and period compared (op: <=, <, >=, >, ==)",
        ),
        "new_kind_target": (
            "target: een opgave over de hele periode (targets per partij en/of joint), opgeteld",
            "target: a task over the whole period (targets per party and/or joint), summed",
        ),
        "new_kind_count": (
            "count: een aantal per periode van ten minste (min) of ten hoogste (max)",
            "count: a number per period of at least (min) or at most (max)",
        ),
        "new_kind_deadline": (
            "deadline: iets is gedaan vóór een termijn (due, in het Nederlands), eenmalig of terugkerend",
            "deadline: something is done by a due date (due, in Dutch wording), once or recurring",
        ),
        "new_kind_project_share": (
            "project_share: een aandeel per project (de kolom 'project' in de cijfers)",
            "project_share: a share per project (the 'project' column of the figures)",
        ),
        "new_figures_head": (
            "Cijfers voor {id} ({title}): één regel per cijfer; een lege partij is een gezamenlijk cijfer.\n"
            "Perioden: 2025, 2025-H1, 2025-Q3. Haal het '#' weg bij het voorbeeld en vul aan.",
            "Figures for {id} ({title}): one line per figure; an empty party is a joint figure.\n"
            "Periods: 2025, 2025-H1, 2025-Q3. Remove the '#' from the example and add yours.",
        ),
        "new_written": ("geschreven: {path}", "written: {path}"),
        "new_added": ("aangevuld: {path}", "added to: {path}"),
        "new_next": (
            "volgende stap: vul {rules} in en controleer met: prestatiecheck validate --agreements {index}",
            "next: fill in {rules} and check with: prestatiecheck validate --agreements {index}",
        ),
        "no_rules_yet": (
            "nog geen regels: dit bestand toetst niets (zie de voorbeelden onder 'rules:')",
            "no rules yet: this file checks nothing (see the examples under 'rules:')",
        ),
    }
)


# -- input (issue 12): a derived figure with only some components given --
MESSAGES.update(
    {
        "msg_missing_parts": (
            " (onderdelen van {whole}; vul 0 in waar er geen waren)",
            " (components of {whole}; write 0 where there were none)",
        ),
    }
)

# -- input (issue 12): CSV quotes left open, Dutch column names --
MESSAGES.update(
    {
        "csv_quote_open_row": (
            'een aanhalingsteken (") op deze regel is niet gesloten: regel {line} is een eigen rij cijfers, '
            'maar zou met alles ertussen in één cel belanden; sluit de tekst met " of haal het '
            "aanhalingsteken weg",
            'a quote (") on this line is not closed: line {line} is a row of figures of its own, but would '
            'end up in one cell with everything in between; close the text with " or remove the quote',
        ),
        "csv_quote_open_long": (
            'een aanhalingsteken (") op deze regel is niet gesloten binnen {chars} tekens of {lines} regels '
            '(een cel loopt nooit verder); sluit de tekst met " of haal het aanhalingsteken weg',
            'a quote (") on this line is not closed within {chars} characters or {lines} lines (no cell '
            'runs further); close the text with " or remove the quote',
        ),
        "csv_quote_open_end": (
            'een aanhalingsteken (") op deze regel wordt nergens gesloten: de rest van het bestand ({lines} '
            'regels) zou in één cel belanden; sluit de tekst met " of haal het aanhalingsteken weg',
            'a quote (") on this line is never closed: the rest of the file ({lines} lines) would end up in '
            'one cell; close the text with " or remove the quote',
        ),
        "csv_line_break_in_column": (
            "een regeleinde in de kolom '{column}' (regels {first} tot en met {last}): alleen een toelichting "
            '(note) mag over meer regels lopen; is een aanhalingsteken (") niet gesloten?',
            "a line break in the '{column}' column (lines {first} to {last}): only a note may run over "
            'several lines; is a quote (") left open?',
        ),
        "figures_yaml_column_twice": (
            "'{key}' is dezelfde kolom als '{first}' hierboven",
            "'{key}' is the same column as '{first}' above",
        ),
    }
)

# The report for the meeting (report helper, issue 13): the stoplicht, the agenda per afspraak,
# sources by document and article, the footer without install paths, charts for any sign.
MESSAGES.update(
    {
        "report_matrix": ("Stoplicht per afspraak", "Traffic lights per afspraak"),
        "report_matrix_caption": (
            "Per afspraak en partij de stand in de meest recente periode (peildatum {as_of}); "
            "eerdere perioden staan bij de resultaten per thema",
            "Per afspraak and party the state in the most recent period (as of {as_of}); "
            "earlier periods are in the results per theme",
        ),
        "report_matrix_no_result": ("geen resultaat voor deze partij", "no result for this party"),
        "report_matrix_several": ("{count} van {total} projecten", "{count} of {total} projects"),
        "report_matrix_not_yet": (
            "Nog niet aan de orde (de termijn of periode loopt nog; de resultaten staan bij het thema): {rules}.",
            "Pending (the deadline or period is still running; the results are under their theme): {rules}.",
        ),
        "report_matrix_parties_without": (
            "Zonder resultaat in dit rapport (geen afspraak met cijfers voor deze partij): {parties}.",
            "Without a result in this report (no afspraak with figures for this party): {parties}.",
        ),
        "report_agenda_caption": (
            "Per afspraak, met de trekker: wat niet voldaan is of aandacht vraagt",
            "Per afspraak, with who is responsible: what is not met or at risk",
        ),
        "report_col_finding": ("Bevinding", "Finding"),
        "report_source": ("Bron", "Source"),
        "report_source_text": (
            "{document}; 'art.' verwijst naar dit document",
            "{document}; 'art.' refers to this document",
        ),
        "report_signed": ("ondertekend {date}", "signed {date}"),
        "report_footer_rule_file": ("{name} (sha256 {sha256})", "{name} (sha256 {sha256})"),
        "report_footer_rule_file_shipped": (
            "{name} (meegeleverd, sha256 {sha256})",
            "{name} (shipped, sha256 {sha256})",
        ),
        "report_progress_norm": ("{party}: {value}, norm {norm}", "{party}: {value}, norm {norm}"),
        "report_progress_legend": (
            "Balk: gerealiseerd, gemeten vanaf nul (de grijze lijn; links daarvan is negatief); dikke "
            "lijn: het doel of maximum, met de norm erboven; stippellijn: wat volgens schema nu "
            "gerealiseerd zou zijn.",
            "Bar: realised, measured from zero (the grey line; left of it is negative); thick line: the "
            "target or maximum, with the norm above it; dotted line: what would be realised by now on "
            "schedule.",
        ),
        "report_trends_legend": (
            "Eén staaf per periode, met status en waarde erboven; stippellijn: de norm; ?: geen gegevens.",
            "One bar per period, with status and value above it; dotted line: the norm; ?: no figures.",
        ),
    }
)
MESSAGES.update({"report_col_verdict": ("Status en toelichting", "Status and explanation")})

# -- input (issue 12): figures beyond sane bounds, digits of another script, 1.380 in a ',' file --
MESSAGES.update(
    {
        "value_too_large": (
            "'{value}' is groter dan dit kengetal ooit kan zijn (ten hoogste {bound})",
            "'{value}' is larger than this metric can ever be (at most {bound})",
        ),
        "value_too_precise": (
            "'{value}' heeft meer dan {decimals} decimalen",
            "'{value}' has more than {decimals} decimals",
        ),
        "value_foreign_digits": (
            "'{value}' heeft cijfers uit een ander schrift; typ ze als 0-9 ({suggestion}?)",
            "'{value}' has digits of another script; type them as 0-9 ({suggestion}?)",
        ),
        "value_point_grouped_in_point_file": (
            "'{value}' is dubbelzinnig in een bestand met ',' (duizendtal of decimaal?); schrijf {grouped} "
            "voor het duizendtal of {decimal} voor het decimale getal",
            "'{value}' is ambiguous in a ',' file (thousands or decimals?); write {grouped} for the "
            "thousands or {decimal} for the decimal number",
        ),
        "figures_period_foreign_digits": (
            "periode '{value}' heeft cijfers uit een ander schrift; typ ze als 0-9 ({suggestion}?)",
            "period '{value}' has digits of another script; type them as 0-9 ({suggestion}?)",
        ),
    }
)
MESSAGES.update(
    {
        "xlsx_number_not_finite": (
            "de cel bevat een getal dat geen getal is (oneindig of ongeldig)",
            "the cell holds a number that is not a number (infinite or invalid)",
        ),
    }
)
MESSAGES.update(
    {
        "yaml_number_too_long": (
            "een getal van meer dan {chars} tekens: zo'n getal is geen cijfer en geen grens",
            "a number of more than {chars} characters: no figure or limit is one",
        ),
    }
)
MESSAGES.update(
    {
        "yaml_too_deep": (
            "meer dan {depth} lagen genest; zo diep gaat geen cijferbestand of regelbestand",
            "nested more than {depth} levels deep; no figures or rule file goes that deep",
        ),
        "yaml_recursive_alias": (
            "een alias (*naam) die naar zichzelf verwijst: deze tekst zou eindeloos doorgaan",
            "an alias (*name) that refers to itself: this text would go on forever",
        ),
        "yaml_alias_bomb": (
            "aliassen (*naam) die dit stuk laten uitdijen tot meer dan {nodes} extra onderdelen; "
            "schrijf de tekst uit of gebruik minder aliassen",
            "aliases (*name) that make this part grow by more than {nodes} extra items; write the text "
            "out or use fewer aliases",
        ),
    }
)
MESSAGES.update(
    {
        "rule_number_too_large": (
            "een getal groter dan {bound}: zo'n grens, doel of tabelwaarde staat in geen afspraak",
            "a number larger than {bound}: no agreement sets such a limit, target or table value",
        ),
        "rule_number_too_precise": (
            "'{value}' heeft meer dan 6 decimalen",
            "'{value}' has more than 6 decimals",
        ),
    }
)

# -- input (issue 12): input limits (prestatiecheck/loading/limits.py, README "Input limits") --
MESSAGES.update(
    {
        "file_too_large": (
            "het bestand is groter dan {limit} MB; zo groot is geen cijfer- of regelbestand",
            "the file is larger than {limit} MB; no figures or rule file is that large",
        ),
        "figures_too_many_rows": (
            "meer dan {rows} rijen cijfers; splits het bestand",
            "more than {rows} rows of figures; split the file",
        ),
        "problems_more": (
            "… en {count} meer fouten in dit bestand (alleen de eerste worden genoemd)",
            "… and {count} more errors in this file (only the first are named)",
        ),
        "xlsx_too_many_parts": (
            "de werkmap bestaat uit {parts} delen (ten hoogste {limit}); is het wel een werkmap?",
            "the workbook consists of {parts} parts (at most {limit}); is it a workbook at all?",
        ),
        "xlsx_part_too_large": (
            "het deel '{part}' van de werkmap wordt uitgepakt {size} MB (ten hoogste {limit} MB); "
            "sla alleen de cijfers op in een nieuwe werkmap of als CSV",
            "the part '{part}' of the workbook unpacks to {size} MB (at most {limit} MB); save only the "
            "figures in a new workbook or as CSV",
        ),
        "xlsx_unpacked_too_large": (
            "de werkmap wordt uitgepakt {size} MB (ten hoogste {limit} MB); sla alleen de cijfers op in "
            "een nieuwe werkmap of als CSV",
            "the workbook unpacks to {size} MB (at most {limit} MB); save only the figures in a new "
            "workbook or as CSV",
        ),
    }
)

# -- national law (issue 11): the national rule set, dated values, law checks in validate ------------
MESSAGES.update(
    {
        "national_title": ("Wettelijke normen", "National law"),
        "report_law_values": (
            "Wettelijke normen: de waarde die gold, met de bron",
            "National law: the value in force, with its source",
        ),
        "report_col_law_source": ("Bron van de wettelijke waarde", "Source of the statutory value"),
        "xlsx_national_agreement": ("{title} ({law}) bij {agreement}", "{title} ({law}) for {agreement}"),
        "national_parties_required": (
            "een afspraak heeft ten minste één partij nodig (alleen de landelijke regelset, kind: national, "
            "heeft er geen)",
            "an agreement needs at least one party (only the national rule set, kind: national, has none)",
        ),
        "national_bad_date": (
            "{value!r} is geen datum (gebruik JJJJ-MM-DD)",
            "{value!r} is not a date (use YYYY-MM-DD)",
        ),
        "national_ends_before_start": (
            "valid_to ligt vóór valid_from",
            "valid_to is before valid_from",
        ),
        "national_unknown_parameter": (
            "onbekende landelijke parameter {parameter!r}",
            "unknown national parameter {parameter!r}",
        ),
        "national_overlap": (
            "twee waarden van {parameter} gelden op {day}: een waarde moet eindigen voor de volgende begint",
            "two values of {parameter} are in force on {day}: a value must end before the next begins",
        ),
        "national_version": (" (versie {version})", " (version {version})"),
        "national_override_unlawful": (
            "de afspraak zet {parameter} op {value} (artikel {article}), maar de wet staat in {period} alleen "
            "{low} tot en met {high} toe ({source}); de wettelijke waarde {law} geldt",
            "the agreement sets {parameter} to {value} (article {article}), but in {period} the law only allows "
            "{low} to {high} ({source}); the statutory value {law} applies",
        ),
        "national_local_above": (
            "{rule} staat in {period} {local} toe, meer dan de wet toestaat: {parameter} ten hoogste {law} "
            "({source})",
            "{rule} allows {local} in {period}, more than the law allows: {parameter} at most {law} ({source})",
        ),
        "national_local_below": (
            "{rule} vraagt in {period} ten minste {local}, minder dan de wet vraagt: {parameter} ten minste {law} "
            "({source})",
            "{rule} asks at least {local} in {period}, less than the law asks: {parameter} at least {law} "
            "({source})",
        ),
        "national_local_differs": (
            "{rule} gebruikt in {period} {local}, de wettelijke waarde is {law}: {parameter} ({source})",
            "{rule} uses {local} in {period}, the statutory value is {law}: {parameter} ({source})",
        ),
        "national_claimed_not_in_force": (
            "{rule} noemt een wettelijk maximum voor {period}, maar de wet kende in {period} geen {parameter} "
            "(zie de landelijke regelset)",
            "{rule} cites a statutory maximum for {period}, but the law had no {parameter} in {period} "
            "(see the national rule set)",
        ),
        "national_pending_mention": (
            "Verwijst naar de {title}: {status}",
            "Refers to the {title}: {status}",
        ),
    }
)

MESSAGES.update(
    {
        "describe_national_limit": (
            "de wettelijke waarde van {parameter}",
            "the statutory value of {parameter}",
        ),
        "describe_national_periods": (
            "elk kalenderjaar in de cijfers van een gecontroleerde afspraak",
            "every calendar year in the figures of a checked agreement",
        ),
        "describe_valid_from_to": (
            " (geldig van {start} tot en met {end})",
            " (in force from {start} to {end})",
        ),
        "describe_valid_from": (" (geldig vanaf {start})", " (in force from {start})"),
        "describe_valid_to": (" (geldig tot en met {end})", " (in force until {end})"),
        "explain_national_values": (
            "Wettelijke waarden — {parameter} ({name})",
            "Statutory values — {parameter} ({name})",
        ),
        "explain_national_override": (
            "deze afspraken zetten de waarde op {value} (artikel {article}); binnen wat de wet toestaat geldt "
            "die voor de jaren van de afspraken",
            "these agreements set the value to {value} (article {article}); within what the law allows it "
            "applies for the agreement's years",
        ),
        "national_version_word": ("versie {version}", "version {version}"),
        "national_span_open": ("vanaf {start}", "from {start}"),
        "national_span": ("{start} tot en met {end}", "{start} to {end}"),
        "national_complement": ("100% min {parameter}", "100% minus {parameter}"),
        "national_agreements_max": (
            " (prestatieafspraken mogen ten hoogste {value} afspreken)",
            " (prestatieafspraken may agree at most {value})",
        ),
        "national_agreements_any": (
            " (prestatieafspraken mogen een ander bedrag afspreken)",
            " (prestatieafspraken may agree another amount)",
        ),
        "national_agreements_range": (
            " (prestatieafspraken mogen {low} tot en met {high} afspreken)",
            " (prestatieafspraken may agree {low} to {high})",
        ),
        "national_unverified": ("niet geverifieerd", "not verified"),
        "national_no_value": ("geen wettelijke waarde vastgelegd", "no statutory value recorded"),
        "national_set_by_agreement": (
            "waarde uit de prestatieafspraken, artikel {article}",
            "value from the prestatieafspraken, article {article}",
        ),
        "national_override_refused": (
            "de afspraak ({value}, artikel {article}) gaat verder dan de wet toestaat; de wettelijke waarde geldt",
            "the agreement's value ({value}, article {article}) goes beyond what the law allows; the statutory "
            "value applies",
        ),
        "national_changed": (
            "tot {day} gold {value}",
            "until {day} the value was {value}",
        ),
    }
)

MESSAGES.update(
    {
        "msg_national_value_missing": (
            "geen wettelijke waarde van {parameter} vastgelegd voor {period}: niet te toetsen",
            "no statutory value of {parameter} recorded for {period}: cannot be checked",
        ),
        "national_remark_suffix": (" [wettelijke waarde: {remarks}]", " [statutory value: {remarks}]"),
    }
)

MESSAGES.update(
    {
        "template_national_direct": (
            "{agreement} is de landelijke regelset: die heeft geen eigen partijen. Vraag de cijfers op met het "
            "invulbestand van een afspraak (de wettelijke normen staan daarin voor de corporaties)",
            "{agreement} is the national rule set: it has no parties of its own. Ask its figures with an "
            "agreement's template (the national law is in it for the corporations)",
        ),
    }
)
