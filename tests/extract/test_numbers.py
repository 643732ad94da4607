"""Money, counts and percentages as printed in financing paragraphs (eightk.extract.numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eightk.extract.numbers import (
    iter_counts,
    iter_money,
    iter_percents,
    parse_count,
    parse_money,
    words_to_int,
)


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("$5,150,000", 5_150_000, None),
        ("$5.15 million", 5_150_000, None),
        ("$1.5 billion", 1_500_000_000, None),
        ("€750,000,000", 750_000_000, "EUR"),
        ("EUR 3,500,000,000", 3_500_000_000, "EUR"),
        ("US$ 2.00", 2.0, None),
        ("$.14", 0.14, None),
        ("$ 4,450,000", 4_450_000, None),
        ("750 million euros", 750_000_000, "EUR"),
    ],
)
def test_money_forms(text: str, value: float, currency: str | None) -> None:
    a = parse_money(f"for {text} in cash")
    assert a is not None
    assert a.value == pytest.approx(value)
    assert a.currency == currency
    assert f"for {text} in cash"[a.start : a.end].strip() != ""


def test_money_span_covers_the_scale_word() -> None:
    s = "gross proceeds of approximately $3 million before fees"
    a = parse_money(s)
    assert a is not None and s[a.start : a.end] == "$3 million"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two million (2,000,000) shares", 2_000_000),
        ("2,575,000 shares", 2_575_000),
        ("8.3 million shares", 8_300_000),
        ("five hundred thousand shares", 500_000),
    ],
)
def test_counts_in_words_and_figures(text: str, value: int) -> None:
    assert parse_count(text) == value


def test_words_to_int() -> None:
    assert words_to_int("two million five hundred thousand") == 2_500_000
    assert words_to_int("not a number") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4.500% Senior Notes", 4.5),
        ("6 3/4% Notes", 6.75),
        ("6-3/4%", 6.75),
        ("10 percent", 10.0),
        ("0.250%", 0.25),
    ],
)
def test_percents(text: str, value: float) -> None:
    assert next(iter_percents(text)).value == pytest.approx(value)


@given(st.integers(min_value=1, max_value=10**12))
def test_formatted_dollars_round_trip(n: int) -> None:
    s = f"a price of ${n:,} per share"
    a = parse_money(s)
    assert a is not None and a.value == n and s[a.start : a.end] == f"${n:,}"


@given(st.text(max_size=300))
def test_never_crash_and_spans_stay_inside(text: str) -> None:
    for finder in (iter_money, iter_counts, iter_percents):
        for a in finder(text):
            assert 0 <= a.start < a.end <= len(text)
