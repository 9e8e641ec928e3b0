"""deadline: once and recurring, Dutch wording, working days, the warning window; never grey when missed."""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers import figure, run

MONITOR = {
    "kind": "deadline",
    "evidence": "aanlevering_woningmarktmonitor",
    "due": "vóór 1 april",
    "recurrence": "yearly",
    "parties": ["alliantie"],
}
ONCE = {"kind": "deadline", "evidence": "evaluatie_afgerond", "due": "Q2 2022", "parties": ["gemeente"]}


def evidence(
    done: date, period: str = "2022", party: str = "alliantie", metric: str = "aanlevering_woningmarktmonitor"
):  # type: ignore[no-untyped-def]
    return figure(period, party, metric, done)


def test_recurring_occurrences_and_labels() -> None:
    results = run(MONITOR, [], as_of=date(2021, 1, 1))
    assert [(r.period, r.limit) for r in results] == [
        ("2022", date(2022, 3, 31)),
        ("2023", date(2023, 3, 31)),
    ]


@pytest.mark.parametrize(
    ("done", "expected", "detail"),
    [
        (date(2022, 3, 30), "met", "done"),
        (date(2022, 3, 31), "met", "done"),  # "vóór 1 april" = by 31 March
        (date(2022, 4, 1), "not_met", "done_late"),
    ],
)
def test_done_around_the_due_date(done: date, expected: str, detail: str) -> None:
    result = run(MONITOR, [evidence(done)], as_of=date(2022, 6, 1))[0]
    assert (result.status.value, result.detail) == (expected, detail)


def test_days_late_are_counted() -> None:
    result = run(MONITOR, [evidence(date(2022, 4, 12))], as_of=date(2022, 6, 1))[0]
    assert result.facts["days_late"] == 12


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2022, 1, 1), "pending"),
        (date(2022, 2, 28), "pending"),  # 31 days before
        (date(2022, 3, 1), "at_risk"),  # 30 days before: within the warning window
        (date(2022, 3, 31), "at_risk"),  # due today, nothing recorded yet
        (date(2022, 4, 1), "not_met"),  # overdue, no date recorded: never grey
    ],
)
def test_without_a_recorded_date(as_of: date, expected: str) -> None:
    result = run(MONITOR, [], as_of=as_of)[0]
    assert result.status.value == expected
    if expected == "not_met":
        assert result.detail == "overdue_no_date"


def test_custom_warning_window() -> None:
    assert run({**MONITOR, "warning_days": 5}, [], as_of=date(2022, 3, 20))[0].status.value == "pending"


def test_a_date_after_the_as_of_date_does_not_count_yet() -> None:
    result = run(MONITOR, [evidence(date(2022, 3, 15))], as_of=date(2022, 3, 10))[0]
    assert result.status.value == "at_risk"
    assert result.facts["done_after_as_of"] == date(2022, 3, 15)


def test_once_with_quarter_wording() -> None:
    rows = [evidence(date(2022, 6, 30), party="gemeente", metric="evaluatie_afgerond")]
    (result,) = run(ONCE, rows, as_of=date(2022, 12, 1), trekker=["gemeente"])
    assert result.limit == date(2022, 6, 30) and result.status.value == "met"


@pytest.mark.parametrize(
    ("wording", "due"),
    [
        ("vóór 1 april 2021", date(2021, 3, 31)),
        ("uiterlijk 1 april 2021", date(2021, 4, 1)),
        ("in 2021", date(2021, 12, 31)),
        ("voor eind 2026", date(2026, 12, 31)),
        ("Q1 2021", date(2021, 3, 31)),
        ("eerste helft van 2026", date(2026, 6, 30)),
        ("begin 2026", date(2026, 3, 31)),
        ("medio 2021", date(2021, 6, 30)),
    ],
)
def test_dutch_wording_decides_the_due_date(wording: str, due: date) -> None:
    (result,) = run({**ONCE, "due": wording}, [], as_of=date(2020, 1, 1), trekker=["gemeente"])
    assert result.limit == due


def test_working_day_rule_moves_a_weekend_due_date() -> None:
    # 1 April 2023 is a Saturday; "uiterlijk 1 april" moves to Monday 3 April.
    check = {**ONCE, "due": "uiterlijk 1 april 2023", "working_day": True}
    rows = [evidence(date(2023, 4, 3), period="2023", party="gemeente", metric="evaluatie_afgerond")]
    (result,) = run(check, rows, as_of=date(2023, 5, 1), trekker=["gemeente"])
    assert result.limit == date(2023, 4, 3)
    assert result.facts["nominal_due"] == date(2023, 4, 1)
    assert result.status.value == "met"


def test_working_day_rule_skips_easter_monday() -> None:
    check = {**ONCE, "due": "uiterlijk 5 april 2021", "working_day": True}  # Tweede Paasdag
    (result,) = run(check, [], as_of=date(2021, 1, 1), trekker=["gemeente"])
    assert result.limit == date(2021, 4, 6)


def test_half_yearly_without_wording_falls_on_period_ends() -> None:
    check = {
        "kind": "deadline",
        "evidence": "evaluatie_afgerond",
        "recurrence": "half-yearly",
        "parties": ["gemeente"],
    }
    results = run(check, [], as_of=date(2021, 1, 1), trekker=["gemeente"])
    assert [(r.period, r.limit) for r in results] == [
        ("2022-H1", date(2022, 6, 30)),
        ("2022-H2", date(2022, 12, 31)),
        ("2023-H1", date(2023, 6, 30)),
        ("2023-H2", date(2023, 12, 31)),
    ]


def test_quarterly_with_wording() -> None:
    check = {
        "kind": "deadline",
        "evidence": "evaluatie_afgerond",
        "recurrence": "quarterly",
        "due": "uiterlijk 15 april",
        "parties": ["gemeente"],
        "window": "2022",
    }
    results = run(check, [], as_of=date(2021, 1, 1), trekker=["gemeente"])
    assert [r.limit for r in results] == [
        date(2022, 1, 15),
        date(2022, 4, 15),
        date(2022, 7, 15),
        date(2022, 10, 15),
    ]
    assert [r.period for r in results] == ["2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4"]


def test_joint_deadline_is_done_when_the_last_party_did_it() -> None:
    check = {**MONITOR, "parties": ["alliantie", "portaal"], "scope": ["joint"]}
    rows = [evidence(date(2022, 3, 1)), evidence(date(2022, 4, 2), party="portaal")]
    result = run(check, rows, as_of=date(2022, 6, 1))[0]
    assert result.party is None and result.value == date(2022, 4, 2) and result.status.value == "not_met"


@pytest.mark.parametrize(
    ("lang", "done", "words"),
    [
        ("nl", date(2022, 4, 1), "1 dag te laat"),
        ("nl", date(2022, 4, 2), "2 dagen te laat"),
        ("en", date(2022, 4, 1), "1 day late"),
        ("en", date(2022, 4, 2), "2 days late"),
    ],
)
def test_days_late_in_words(lang: str, done: date, words: str) -> None:
    from prestatiecheck.i18n import set_language
    from prestatiecheck.rendering.present import present

    result = run(MONITOR, [evidence(done)], as_of=date(2022, 6, 1))[0]
    set_language(lang)
    try:
        assert words in present(result, None).message
    finally:
        set_language("nl")


REPORT_ON_CLOSED_YEAR = {
    "kind": "deadline",
    "evidence": "evaluatie_afgerond",
    "due": "vóór 1 maart",
    "recurrence": "yearly",
    "reports_on": "previous",
    "parties": ["gemeente"],
}


def test_a_report_on_the_closed_year_is_labelled_with_that_year() -> None:
    """'vóór 1 maart over het afgesloten jaar': the 2022 report is due 28 February 2023."""
    results = run(REPORT_ON_CLOSED_YEAR, [], as_of=date(2021, 1, 1))
    assert [(r.period, r.limit) for r in results] == [
        ("2022", date(2023, 2, 28)),
        ("2023", date(2024, 2, 29)),
    ]
    done = run(
        REPORT_ON_CLOSED_YEAR,
        [figure("2022", "gemeente", "evaluatie_afgerond", date(2023, 2, 20))],
        as_of=date(2023, 6, 1),
    )
    assert [(r.period, r.status.value) for r in done] == [("2022", "met"), ("2023", "pending")]


def test_a_half_yearly_report_on_the_previous_half_without_wording() -> None:
    check = {**REPORT_ON_CLOSED_YEAR, "recurrence": "half-yearly"}
    del check["due"]
    results = run(check, [], as_of=date(2021, 1, 1))
    assert [(r.period, r.limit) for r in results] == [
        ("2022-H1", date(2022, 12, 31)),
        ("2022-H2", date(2023, 6, 30)),
        ("2023-H1", date(2023, 12, 31)),
        ("2023-H2", date(2024, 6, 30)),
    ]
