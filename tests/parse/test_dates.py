"""Dates as printed to ISO; never raises."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eightk.parse.dates import find_date, iter_dates, parse_date


def test_printed_forms() -> None:
    assert parse_date("March 15, 2002") == "2002-03-15"
    assert parse_date("MARCH 15 , 2002") == "2002-03-15"
    assert parse_date("Sept. 3, 2019") == "2019-09-03"
    assert parse_date("the 5th day of June, 2010") == "2010-06-05"
    assert parse_date("3/15/02") == "2002-03-15"
    assert parse_date("2024-02-29") == "2024-02-29"
    assert parse_date("February 30, 2024") is None


def test_spans_and_order() -> None:
    s = "Dated April 4, 2024 (April 1, 2024)"
    assert find_date(s) == ("2024-04-04", 6, 19)
    assert [d for d, _, _ in iter_dates(s)] == ["2024-04-04", "2024-04-01"]


@given(st.text())
def test_never_raises(s: str) -> None:
    parse_date(s)
    iter_dates(s)
