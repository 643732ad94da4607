"""Dates as printed to ISO; never raises."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from eightk.parse.dates import (
    DATE_DMY,
    DATE_ISO,
    DATE_MDY,
    DATE_NUM,
    _from_match,
    find_date,
    iter_dates,
    parse_date,
)


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


# The plain finditer loops find_date and iter_dates were first written as: their faster walk (gates
# on "19"/"20" and "/", search() from each match's end, early stop) must return the same.
_REFERENCE = (
    (DATE_MDY, "mdy"),
    (DATE_DMY, "dmy"),
    (DATE_NUM, "num"),
    (DATE_ISO, "iso"),
)


def _find_date_reference(s: str, pos: int = 0, endpos: int | None = None) -> tuple[str, int, int] | None:
    best: tuple[str, int, int] | None = None
    end = len(s) if endpos is None else endpos
    for rx, kind in _REFERENCE:
        for m in rx.finditer(s, pos, end):
            iso = _from_match(m, kind)
            if iso:
                if best is None or m.start() < best[1]:
                    best = (iso, m.start(), m.end())
                break
    return best


def _iter_dates_reference(s: str, pos: int = 0, endpos: int | None = None) -> list[tuple[str, int, int]]:
    end = len(s) if endpos is None else endpos
    found: list[tuple[str, int, int]] = []
    for rx, kind in _REFERENCE:
        for m in rx.finditer(s, pos, end):
            iso = _from_match(m, kind)
            if iso and not any(a < m.end() and m.start() < b for _, a, b in found):
                found.append((iso, m.start(), m.end()))
    found.sort(key=lambda t: t[1])
    return found


_DATE_BITS = st.sampled_from(
    [
        "March 15, 2002",
        "Feb 30, 2024",
        "Sept. 3, 2019",
        "5th day of June, 2010",
        "3/15/02",
        "13/45/2020",
        "2024-02-29",
        "2023-02-29",
        "1999",
        "20",
        "19",
        "/",
        " ",
        "\n",
        ", ",
        "(",
        ")",
        "May",
        "MAY 1 2001",
        "12",
        "x",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_DATE_BITS | st.text(max_size=4), max_size=20), st.integers(0, 60), st.integers(0, 80))
def test_same_as_reference(parts: list[str], pos: int, span: int) -> None:
    s = "".join(parts)
    assert find_date(s) == _find_date_reference(s)
    assert iter_dates(s) == _iter_dates_reference(s)
    end = min(len(s), pos + span)
    assert find_date(s, pos, end) == _find_date_reference(s, pos, end)
    assert iter_dates(s, pos, end) == _iter_dates_reference(s, pos, end)


@given(st.sampled_from(["ſep", "ſept.", "Sep", "SEPT", "jan", "Dec."]), st.integers(1, 28))
def test_months_that_case_insensitive_matching_accepts_are_read(month: str, day: int) -> None:
    # "ſep" (long s) matches the month pattern under re.I; it used to raise KeyError in the month lookup.
    found = find_date(f"{month} {day}, 2002")
    assert found is not None and found[0].startswith("2002-") and found[0].endswith(f"-{day:02d}")
