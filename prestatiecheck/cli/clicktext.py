"""click's own texts (usage, errors, help headings) in the language of the run.

click marks its texts with gettext (``_("Missing option")``, ``ngettext(...)``) in each of
its modules. :func:`install` points those names at :func:`gettext`/:func:`ngettext` below,
which look the English text up in :data:`DUTCH` when the language is Dutch and otherwise
give it back unchanged. A few texts click does not mark (``[OPTIONS]``, ``COMMAND
[ARGS]...``, type names such as ``TEXT`` in metavars) are set on the built command tree by
:func:`translate_tree`. Nothing else is needed for a new command or option.

When click is upgraded, ``tests/test_cli_dutch.py`` lists any new click text that has no
Dutch here yet; until it is added, that text shows in English (never an error).
"""

from __future__ import annotations

import sys
from typing import Any

import click

from prestatiecheck.i18n import get_language

DUTCH: dict[str, str] = {
    # help screens
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Commando's",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "default: {default}": "standaard: {default}",
    "env var: {var}": "omgevingsvariabele: {var}",
    "required": "verplicht",
    "(dynamic)": "(dynamisch)",
    "deprecated": "verouderd",
    "file": "bestand",
    "directory": "map",
    "path": "pad",
    # errors
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Zie '{command} {option}' voor hulp.",
    "Missing argument": "Ontbrekend argument",
    "Missing option": "Ontbrekende optie",
    "Missing parameter": "Ontbrekende parameter",
    "Missing {param_type}": "Ontbrekende {param_type}",
    "Missing parameter: {param_name}": "Ontbrekende parameter: {param_name}",
    "Missing command.": "Commando ontbreekt.",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "No such command {name!r}.": "Onbekend commando {name!r}.",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "Choice({choices})": "Keuze({choices})",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig getal.",
    "{value} is not in the range {range}.": "{value} valt niet binnen {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} is geen geldige ja/nee-waarde. Bekende waarden: {states}"
    ),
    "{value!r} is not a valid UUID.": "{value!r} is geen geldige UUID.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} is niet uitvoerbaar.",
    "Could not open file {filename!r}: {message}": "Kan bestand {filename!r} niet openen: {message}",
    "unknown error": "onbekende fout",
    "Option {name!r} does not take a value.": "Optie {name!r} neemt geen waarde.",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} neemt {nargs} waarden.",
    "Invalid start character for option ({option})": "Ongeldig beginteken voor een optie ({option})",
    "Value must be an iterable.": "De waarde moet een reeks zijn.",
    "Aborted!": "Afgebroken.",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": (
        "Let op: het commando {name!r} is verouderd.{extra_message}"
    ),
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": (
        "Let op: {param_type} {name!r} is verouderd.{extra_message}"
    ),
    # prompts and terminal
    "Do you want to continue?": "Wilt u doorgaan?",
    "Confirm the action without prompting.": "Bevestig de actie zonder te vragen.",
    "Repeat for confirmation": "Herhaal ter bevestiging",
    "Error: The two entered values do not match.": "Fout: de twee ingevoerde waarden verschillen.",
    "Error: invalid input": "Fout: ongeldige invoer",
    "Press any key to continue...": "Druk op een toets om verder te gaan...",
    "d": "d",  # days, in a progress bar's time left
    "{editor}: Editing failed": "{editor}: bewerken mislukt",
    "{editor}: Editing failed: {e}": "{editor}: bewerken mislukt: {e}",
    "Windows error: {error}": "Windows-fout: {error}",
    "Shell completion is not supported for Bash versions older than 4.4.": (
        "Aanvullen in de shell werkt niet in Bash ouder dan versie 4.4."
    ),
    "Couldn't detect Bash version, shell completion is not supported.": (
        "Kan de versie van Bash niet bepalen; aanvullen in de shell werkt niet."
    ),
    # mistakes of a programmer (a new option declared wrongly), still never English to a Dutch user
    "Name '{name}' defined twice": "Naam '{name}' twee keer gedefinieerd",
    "Boolean option {decl!r} cannot use the same flag for true/false.": (
        "Ja/nee-optie {decl!r} kan niet dezelfde vlag voor waar en onwaar gebruiken."
    ),
    "Could not determine name for option with declarations {decls!r}": (
        "Kan geen naam bepalen voor de optie met declaraties {decls!r}"
    ),
    "No options defined but a name was passed ({name}). Did you mean to declare an argument "
    "instead? Did you mean to pass '--{name}'?": (
        "Geen opties gedefinieerd maar wel een naam ({name}). Bedoelde u een argument, of '--{name}'?"
    ),
    "Arguments take exactly one parameter declaration, got {length}: {decls}.": (
        "Een argument heeft precies één declaratie, niet {length}: {decls}."
    ),
    "Unknown color {colour!r}": "Onbekende kleur {colour!r}",
    "Unknown standard stream '{name}'": "Onbekende standaardstroom '{name}'",
}

DUTCH_PLURAL: dict[tuple[str, str], tuple[str, str]] = {
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Bedoelde u {possibility}?",
        "(Bedoelde u een van: {possibilities}?)",
    ),
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Onverwacht extra argument ({args})",
        "Onverwachte extra argumenten ({args})",
    ),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "Neemt {nargs} waarden maar kreeg er 1.",
        "Neemt {nargs} waarden maar kreeg er {len}.",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "Optie {name!r} heeft een waarde nodig.",
        "Optie {name!r} heeft {nargs} waarden nodig.",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} is niet {choice}.",
        "{value!r} is niet een van {choices}.",
    ),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."): (
        "{value!r} past niet bij het formaat {format}.",
        "{value!r} past niet bij de formaten {formats}.",
    ),
    (
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ): (
        "{len_type} waarden nodig, maar {len_value} gegeven.",
        "{len_type} waarden nodig, maar {len_value} gegeven.",
    ),
}

# Texts click writes without gettext: the usage line's placeholders and the metavar of an
# option whose type has none of its own (``--theme TEXT``).
DUTCH_USAGE = {
    "[OPTIONS]": "[OPTIES]",
    "COMMAND [ARGS]...": "COMMANDO [ARGUMENTEN]...",
    "COMMAND1 [ARGS]... [COMMAND2 [ARGS]...]...": "COMMANDO1 [ARGUMENTEN]... [COMMANDO2 [ARGUMENTEN]...]...",
}
DUTCH_TYPE_NAMES = {
    "text": "TEKST",
    "integer": "GETAL",
    "integer range": "GETAL",
    "float": "GETAL",
    "float range": "GETAL",
    "boolean": "JA|NEE",
    "uuid": "UUID",
    "filename": "BESTAND",
}


# Common English metavars given by hand (``metavar="FILE"``), so that a new option needs no Dutch of its own.
DUTCH_METAVARS = {
    "FILE": "BESTAND",
    "PATH": "PAD",
    "DIR": "MAP",
    "FOLDER": "MAP",
    "ADDR": "ADRES",
    "ADDRESS": "ADRES",
    "TEXT": "TEKST",
    "DATE": "DATUM",
    "YYYY-MM-DD": "JJJJ-MM-DD",
    "PERIOD": "PERIODE",
    "NUMBER": "GETAL",
    "RULE": "REGEL",
    "PARTY": "PARTIJ",
    "THEME": "THEMA",
    "AGREEMENT": "AFSPRAKEN",
    "NAME": "NAAM",
    "RUN": "RUN",
}


def gettext(message: str) -> str:
    if get_language() != "nl":
        return message
    return DUTCH.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    if get_language() == "nl" and (singular, plural) in DUTCH_PLURAL:
        singular, plural = DUTCH_PLURAL[(singular, plural)]
    return singular if n == 1 else plural


def install() -> None:
    """Route click's gettext calls here (idempotent; run again for click modules imported later)."""
    import gettext as stdlib

    for name, module in list(sys.modules.items()):
        if not name.startswith("click.") or module is None:
            continue
        if module.__dict__.get("_") is stdlib.gettext:
            module._ = gettext  # type: ignore[attr-defined]
        if module.__dict__.get("ngettext") is stdlib.ngettext:
            module.ngettext = ngettext  # type: ignore[attr-defined]


def translate_tree(command: click.Command) -> None:
    """The texts click builds without gettext, on a command tree built in Dutch."""
    if get_language() != "nl":
        return
    install()  # click.shell_completion and friends are imported on demand
    if command.options_metavar in DUTCH_USAGE:
        command.options_metavar = DUTCH_USAGE[command.options_metavar]
    if isinstance(command, click.Group):
        if command.subcommand_metavar in DUTCH_USAGE:
            command.subcommand_metavar = DUTCH_USAGE[command.subcommand_metavar]
        for sub in command.commands.values():
            translate_tree(sub)
    for param in command.params:
        _translate_metavar(param)


def _translate_metavar(param: Any) -> None:
    if param.metavar is not None:
        base, dots = (param.metavar[:-3], "...") if param.metavar.endswith("...") else (param.metavar, "")
        param.metavar = DUTCH_METAVARS.get(base, base) + dots
        return
    if not isinstance(param, click.Option) or param.is_flag:
        return
    name = DUTCH_TYPE_NAMES.get(param.type.name)  # never a Choice: that shows its choices
    if name is None:
        return
    param.metavar = name + ("..." if param.nargs != 1 else "")
