"""Results announcements (Item 2.02 / old Item 12 / earnings releases under old Items 9 and 5)."""

from __future__ import annotations

import eightk
from eightk.extract.results import extract_results
from eightk.sources.local import parse_path
from tests.conftest import filing_path


def _filing(body: str, item: str = "2.02", date: str = "April 29, 2025") -> eightk.Filing:
    text = (
        "FORM 8-K\nCURRENT REPORT\n"
        f"Date of Report (Date of earliest event reported): {date}\nExample Widgets, Inc.\n"
        f"Item {item} Results of Operations and Financial Condition.\n{body}\nSIGNATURES\n"
    )
    return eightk.parse(text.encode(), "synthetic")


def test_old_item_12_period_from_the_item() -> None:
    r = extract_results(parse_path(filing_path("0000891092-03-002843"))).results
    assert r is not None
    assert r.period_end == "2003-09-27"
    assert r.period_type == "quarter"
    assert r.fiscal_quarter == 1
    assert r.press_release_exhibit == "99.1"


def test_table_of_contents_heading_does_not_hide_the_item() -> None:
    # 0000950135-07-000506: the first "ITEM 2.02" is a table-of-contents line with an empty body.
    r = extract_results(parse_path(filing_path("0000950135-07-000506"))).results
    assert r is not None
    assert r.period_end == "2006-12-31"


def test_combined_registrants_press_release() -> None:
    r = extract_results(parse_path(filing_path("0000092122-05-000042"))).results
    assert r is not None and r.period_end == "2004-12-31"


def test_named_period_without_date_is_found_without_period_end() -> None:
    f = _filing(
        "On August 14, 2012, the Company issued a press release announcing its fiscal 2012 full year and "
        "fourth quarter financial results. A copy is attached as Exhibit 99.1."
    )
    r = extract_results(f).results
    assert r is not None
    assert r.period_end is None
    assert r.press_release_exhibit == "99.1"


def test_guidance_is_not_results() -> None:
    f = _filing(
        "On January 2, 2019, the Company issued a letter to investors revising its guidance for its first "
        "fiscal quarter ending December 29, 2018. A copy is attached as Exhibit 99.1."
    )
    assert extract_results(f).results is None


def test_certification_under_old_item_9_is_not_results() -> None:
    f = _filing(
        "On November 14, 2002, the Company filed its Quarterly Report on Form 10-Q for the quarter ended "
        "September 30, 2002, accompanied by certifications under Section 906 of the Sarbanes-Oxley Act.",
        item="9",
        date="November 14, 2002",
    )
    assert extract_results(f).results is None


def test_earnings_release_under_old_item_9() -> None:
    f = _filing(
        "On April 22, 2003, the Company issued a press release announcing earnings results for the fiscal "
        "third quarter ended March 31, 2003. A copy of the press release is attached as Exhibit 99.1.",
        item="9",
        date="April 22, 2003",
    )
    r = extract_results(f).results
    assert r is not None and r.period_end == "2003-03-31"
