"""Property-based tests: figures parsing round trips, pooled shares, verdicts that agree with what is shown."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from prestatiecheck.checks.base import judge_max, judge_min
from prestatiecheck.i18n import set_language
from prestatiecheck.loading.values import parse_count, parse_date, parse_number
from prestatiecheck.model import Status
from prestatiecheck.periods import parse_period
from prestatiecheck.rendering.formatting import decimals_for, to_decimal
from tests.helpers import examples, figure, run

amounts = st.decimals(
    min_value=Decimal("-1000000"),
    max_value=Decimal("1000000"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)


def dutch(value: Decimal, grouped: bool) -> str:
    sign = "-" if value < 0 else ""
    whole, _, frac = f"{abs(value):.2f}".partition(".")
    if grouped:
        groups = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = ".".join([whole, *groups])
    return f"{sign}{whole},{frac}"


@given(amounts, st.booleans())
def test_dutch_numbers_round_trip(value: Decimal, grouped: bool) -> None:
    assert parse_number(dutch(value, grouped), "comma", "eur") == value


@given(amounts)
def test_point_numbers_round_trip(value: Decimal) -> None:
    assert parse_number(f"{value:.2f}", "point", "number") == value


@given(st.integers(min_value=0, max_value=10**7))
def test_counts_in_both_styles(count: int) -> None:
    assert parse_count(str(count), "point", signed=False) == count
    assert (
        parse_count(dutch(Decimal(count), grouped=True).removesuffix(",00"), "comma", signed=False) == count
    )


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_dates_iso_and_dutch(day: date) -> None:
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.day}-{day.month}-{day.year}") == day


@given(st.sampled_from(["2022", "2022-H1", "2022-H2", "2022-Q1", "2022-Q4", "2022-2025"]))
def test_period_labels_round_trip(label: str) -> None:
    assert parse_period(label).label == label


parts = st.lists(st.tuples(st.integers(0, 500), st.integers(1, 500)), min_size=1, max_size=5)


@settings(max_examples=60, deadline=None)
@given(parts)
def test_joint_share_is_the_pooled_share(numbers: list[tuple[int, int]]) -> None:
    numbers = [(min(n, d), d) for n, d in numbers]
    parties = ["alliantie", "portaal", "gemeente", "alliantie", "portaal"][: len(numbers)]
    unique = dict(zip(parties, numbers, strict=False))
    rows = []
    for party, (n, d) in unique.items():
        rows += [
            figure("2022", party, "verhuringen_urgent", n),
            figure("2022", party, "verhuringen_totaal", d),
        ]
    check = {
        "kind": "share",
        "numerator": "verhuringen_urgent",
        "denominator": "verhuringen_totaal",
        "max": 50,
        "periods": ["2022"],
        "scope": ["joint"],
        "parties": list(unique),
    }
    (joint,) = run(check, rows)
    expected = Fraction(sum(n for n, _ in unique.values()) * 100, sum(d for _, d in unique.values()))
    assert joint.value == expected


@given(st.fractions(min_value=0, max_value=100), st.integers(1, 99), st.integers(0, 5))
def test_verdicts_are_monotonic(value: Fraction, limit: int, margin: int) -> None:
    order = {Status.MET: 0, Status.AT_RISK: 1, Status.NOT_MET: 2}
    higher = value + Fraction(1, 7)
    assert (
        order[judge_max(value, Decimal(limit), Decimal(margin))]
        <= order[judge_max(higher, Decimal(limit), Decimal(margin))]
    )
    assert (
        order[judge_min(value, Decimal(limit), Decimal(margin))]
        >= order[judge_min(higher, Decimal(limit), Decimal(margin))]
    )


limits = st.decimals(min_value=Decimal("-1000"), max_value=Decimal("1000"), places=3)
margins = st.decimals(min_value=Decimal("0"), max_value=Decimal("10"), places=3)
values = st.one_of(st.fractions(min_value=-2000, max_value=2000), limits, st.integers(-2000, 2000))


def defined_verdict(outside: bool, near: bool) -> Status:
    if outside:
        return Status.NOT_MET
    return Status.AT_RISK if near else Status.MET


@given(values, limits, margins, st.booleans())
def test_verdicts_follow_their_definition(
    value: Fraction, limit: Decimal, margin: Decimal, strict: bool
) -> None:
    # The judges compare in integers; the definition is in exact fractions.
    v, lim, m = Fraction(value), Fraction(limit), Fraction(margin)
    high = defined_verdict(v > lim or (strict and v == lim), v > lim - m)
    low = defined_verdict(v < lim or (strict and v == lim), v < lim + m)
    assert judge_max(value, limit, margin, strict) is high  # type: ignore[arg-type]
    assert judge_min(value, limit, margin, strict) is low  # type: ignore[arg-type]


@settings(max_examples=200)
@given(st.integers(0, 10**6), st.integers(1, 10**6), st.integers(1, 99), st.integers(0, 5))
def test_shown_value_never_contradicts_the_verdict(num: int, den: int, limit: int, margin: int) -> None:
    value = Fraction(min(num, den) * 100, den)
    bounds = [Fraction(limit), Fraction(limit - margin)]
    decimals = decimals_for(value, bounds)
    shown = Fraction(to_decimal(value, decimals))
    status = judge_max(value, Decimal(limit), Decimal(margin))
    assert judge_max(shown, Decimal(limit), Decimal(margin)) == status


@settings(max_examples=50, deadline=None)
@given(
    st.dates(min_value=date(2022, 1, 1), max_value=date(2023, 12, 31)),
    st.one_of(st.none(), st.dates(min_value=date(2021, 6, 1), max_value=date(2024, 6, 1))),
)
def test_a_missed_deadline_is_never_grey(as_of: date, done: date | None) -> None:
    rows = [figure("2022", "alliantie", "aanlevering_woningmarktmonitor", done)] if done else []
    check = {
        "kind": "deadline",
        "evidence": "aanlevering_woningmarktmonitor",
        "due": "vóór 1 april",
        "recurrence": "yearly",
        "parties": ["alliantie"],
    }
    for result in run(check, rows, as_of=as_of):
        assert result.status is not Status.NO_DATA
        if result.limit < as_of - timedelta(days=0) and result.status is Status.PENDING:  # type: ignore[operator]
            raise AssertionError("overdue but pending")


def test_formatting_in_both_languages() -> None:
    from prestatiecheck.rendering import formatting as fmt

    set_language("nl")
    assert (fmt.number(1380), fmt.percent(Fraction(341, 10)), fmt.money(Decimal("131.37"))) == (
        "1.380",
        "34,1%",
        "€\xa0131,37",
    )
    assert fmt.long_date(date(2026, 4, 1)) == "1 april 2026"
    set_language("en")
    assert (fmt.number(1380), fmt.percent(Fraction(341, 10))) == ("1,380", "34.1%")
    set_language("nl")


# -- the fast number formatting says exactly what Babel says ------------------------------------
@settings(max_examples=300, deadline=None)
@given(
    value=st.decimals(min_value=-(10**9), max_value=10**9, allow_nan=False, allow_infinity=False, places=4),
    decimals=st.integers(min_value=0, max_value=4),
    lang=st.sampled_from(["nl", "en"]),
)
def test_number_and_money_agree_with_babel(value: Decimal, decimals: int, lang: str) -> None:
    from babel.numbers import format_currency, format_decimal

    from prestatiecheck.rendering.formatting import LOCALES, money, number

    set_language(lang)
    try:
        # Babel writes a value that rounds to zero as "-0"; we write "0" (a sign on nothing misleads).
        rounded = to_decimal(value, decimals)
        rounded = rounded.copy_abs() if rounded.is_zero() else rounded
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        expected = format_decimal(rounded, format=pattern, locale=LOCALES[lang], decimal_quantization=True)
        assert number(value, decimals) == expected
        cents = to_decimal(value, 2)
        cents = cents.copy_abs() if cents.is_zero() else cents
        expected_money = format_currency(cents, "EUR", locale=LOCALES[lang])
        assert money(value) == expected_money
    finally:
        set_language("nl")


@settings(max_examples=300, deadline=None)
@given(
    day=st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)), lang=st.sampled_from(["nl", "en"])
)
def test_long_dates_agree_with_babel(day: date, lang: str) -> None:
    """Dates are written from the locale data in formatting._CLDR, as Babel writes them."""
    from babel.dates import format_date

    from prestatiecheck.rendering.formatting import _CLDR, LOCALES, _long_date

    expected = format_date(day, format="long", locale=LOCALES[lang])
    assert _long_date(day, LOCALES[lang]) == expected
    _long_date.cache_clear()
    assert set(_CLDR) == set(LOCALES.values())


def test_every_month_and_symbol_is_babels() -> None:
    from babel.dates import format_date
    from babel.numbers import get_decimal_symbol, get_group_symbol

    from prestatiecheck.rendering.formatting import _CLDR, LOCALES, _long_date

    for locale in LOCALES.values():
        decimal, group, _, _, months = _CLDR[locale]
        assert (decimal, group) == (get_decimal_symbol(locale), get_group_symbol(locale))
        for month in range(1, 13):
            day = date(2024, month, 28)
            assert _long_date(day, locale) == format_date(day, format="long", locale=locale)


@settings(max_examples=examples(100, long=1000), deadline=None)
@given(
    value=st.fractions(min_value=-1000, max_value=1000, max_denominator=10**6),
    bound=st.fractions(min_value=-1000, max_value=1000, max_denominator=1000),
)
def test_decimals_for_keeps_the_shown_value_on_the_exact_side(value: Fraction, bound: Fraction) -> None:
    decimals = decimals_for(value, [bound], minimum=0)
    shown = Fraction(to_decimal(value, decimals))
    if decimals < 12:
        assert (shown > bound) == (value > bound) and (shown < bound) == (value < bound)
