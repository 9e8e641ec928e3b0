"""Periods, due-date wording and the strict YAML loader."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from prestatiecheck.duedates import DueDateError, next_working_day, parse_due
from prestatiecheck.loading.yamlsafe import parse_yaml
from prestatiecheck.periods import PeriodError, parse_period


@pytest.mark.parametrize(
    ("label", "start", "end", "kind"),
    [
        ("2022", date(2022, 1, 1), date(2022, 12, 31), "year"),
        (2022, date(2022, 1, 1), date(2022, 12, 31), "year"),
        ("2022-H2", date(2022, 7, 1), date(2022, 12, 31), "half"),
        ("2022-q3", date(2022, 7, 1), date(2022, 9, 30), "quarter"),
        ("2022-2023", date(2022, 1, 1), date(2023, 12, 31), "window"),
    ],
)
def test_periods(label: object, start: date, end: date, kind: str) -> None:
    period = parse_period(label)
    assert (period.start, period.end, period.kind) == (start, end, kind)


@pytest.mark.parametrize("label", ["2022-H3", "2022-Q5", "2023-2022", "22", "", "1850", None, True])
def test_bad_periods(label: object) -> None:
    with pytest.raises(PeriodError):
        parse_period(label)


@pytest.mark.parametrize(
    ("wording", "due"),
    [
        ("vóór 1 april 2021", date(2021, 3, 31)),
        ("voor 1 april 2021", date(2021, 3, 31)),
        ("uiterlijk 1 april 2021", date(2021, 4, 1)),
        ("in 2021", date(2021, 12, 31)),
        ("voor eind 2026", date(2026, 12, 31)),
        ("vóór eind 2026", date(2026, 12, 31)),
        ("Q1 2021", date(2021, 3, 31)),
        ("Q2-3 2021", date(2021, 9, 30)),
        ("in het tweede kwartaal van 2022", date(2022, 6, 30)),
        ("laatste kwartaal 2022", date(2022, 12, 31)),
        ("eerste helft van 2026", date(2026, 6, 30)),
        ("tweede helft 2026", date(2026, 12, 31)),
        ("begin 2026", date(2026, 3, 31)),
        ("medio 2021", date(2021, 6, 30)),
        ("september 2021", date(2021, 9, 30)),
        ("2021-04-01", date(2021, 4, 1)),
    ],
)
def test_due_wording(wording: str, due: date) -> None:
    assert parse_due(wording).date == due


@pytest.mark.parametrize("wording", ["ooit", "31 februari 2021", "2021-02-30", "na de zomer"])
def test_due_wording_not_understood(wording: str) -> None:
    with pytest.raises(DueDateError):
        parse_due(wording)


def test_next_working_day() -> None:
    assert next_working_day(date(2026, 4, 27)) == date(2026, 4, 28)  # Koningsdag (Monday)
    assert next_working_day(date(2023, 5, 5)) == date(2023, 5, 8)  # Bevrijdingsdag, then the weekend
    assert next_working_day(date(2024, 12, 25)) == date(2024, 12, 27)
    assert next_working_day(date(2024, 12, 24)) == date(2024, 12, 24)


def test_yaml_types_and_positions() -> None:
    data, problems = parse_yaml("a: 1\nb: 1.50\nc: '1e3'\nd: 2022-03-01\ne: true\nf: ~\n", "x.yaml")
    assert problems == []
    assert data == {"a": 1, "b": Decimal("1.50"), "c": "1e3", "d": date(2022, 3, 1), "e": True, "f": None}
    assert isinstance(data["b"], Decimal)
    assert str(data.where("d")) == "x.yaml:4:4"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("a: no\n", "'no' is dubbelzinnig"),
        ("a: On\n", "'On' is dubbelzinnig"),
        ("a: 1e3\n", "'1e3'"),
        ("a: 012\n", "octaal"),
        ("a: 1:30\n", "zestigtallig"),
        ("a: 1_000\n", "'_'"),
        ("a: .nan\n", "geen bruikbaar getal"),
        ("a: 2023-02-30\n", "geen bestaande datum"),
        ("a: 1\na: 2\n", "twee keer"),
        ("a: !!python/object:os.system x\n", "wordt niet ondersteund"),
        ("base: &b {x: 1}\nother:\n  <<: *b\n", "samenvoegsleutels"),
    ],
)
def test_yaml_refusals(text: str, fragment: str) -> None:
    _, problems = parse_yaml(text, "x.yaml")
    assert any(fragment in p.message for p in problems), problems


@pytest.mark.parametrize("count", [0, 1, 3])
def test_streamed_json_is_one_valid_document(count: int, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json as json_module
    from datetime import date as date_type
    from pathlib import Path as PathType

    from prestatiecheck.evaluation import Evaluation, evaluate
    from prestatiecheck.loading.rules import load_catalogue
    from prestatiecheck.outputs import write_atomic
    from prestatiecheck.pipeline import load_figures
    from prestatiecheck.rendering import json_output
    from prestatiecheck.rendering.options import RenderOptions

    mini = PathType(__file__).parent / "fixtures" / "mini"
    index = str(mini / "agreements.yaml")
    loaded = load_figures([mini / "figures.csv"], agreement="mini-2022-2023", agreements_index=index)
    results, _ = evaluate(loaded.catalogue, loaded.figures, ["mini-2022-2023"], date_type(2024, 4, 15))
    catalogue = load_catalogue(index)
    evaluation = Evaluation(
        date_type(2024, 4, 15), catalogue, [catalogue.agreements["mini-2022-2023"]], results[:count]
    )
    options = RenderOptions(color=False, quiet=False, width=120, ascii_only=False, title=None)
    target = tmp_path / "out.json"
    write_atomic(target, json_output.chunks(evaluation, options))
    document = json_module.loads(target.read_text(encoding="utf-8"))
    assert len(document["results"]) == count
    assert sum(document["summary"].values()) == count
    assert target.read_text(encoding="utf-8") == json_output.render(evaluation, options)


def test_atomic_writes_follow_the_umask_and_keep_existing_permissions(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os

    from prestatiecheck.outputs import write_atomic

    old = os.umask(0o022)
    try:
        new = tmp_path / "new.txt"
        write_atomic(new, "x")
        assert new.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "kept.txt"
        kept.write_text("old")
        kept.chmod(0o640)
        write_atomic(kept, "new")
        assert kept.stat().st_mode & 0o777 == 0o640 and kept.read_text() == "new"
    finally:
        os.umask(old)


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    import string

    from prestatiecheck.i18n import MESSAGES

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, (nl, en) in MESSAGES.items():
        assert nl.strip() and en.strip(), key
        assert fields(nl) == fields(en), key


def test_yaml_parsed_again_is_a_fresh_copy_in_the_current_language() -> None:
    """A small text is remembered parsed (yamlsafe.parse_yaml): each caller still gets its own
    data to change, and the problems in the language of the moment."""
    from prestatiecheck.i18n import set_language

    text = "a: yes\nb: [1, 2]\n"
    first, problems = parse_yaml(text, "x.yaml")
    assert problems and problems[0].location.line == 1
    first["a"] = "changed"
    first["b"].append(3)
    again, again_problems = parse_yaml(text, "x.yaml")
    assert again == {"a": "yes", "b": [1, 2]} and again is not first
    assert again.where("b").line == 2 and again["b"].where(1).col == 8
    assert again_problems == problems
    assert parse_yaml(text, "y.yaml")[1][0].location.file == "y.yaml"
    set_language("en")
    assert parse_yaml(text, "x.yaml")[1][0].message != problems[0].message
