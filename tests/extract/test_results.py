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


# --- round 2: results stated only by the press release -------------------------------------


def _submission(item_text: str, release: str) -> eightk.Filing:
    def doc(t: str, body: str) -> str:
        return f"<DOCUMENT>\n<TYPE>{t}\n<SEQUENCE>1\n<TEXT>\n{body}\n</TEXT>\n</DOCUMENT>\n"

    main = (
        "FORM 8-K\nCURRENT REPORT\nDate of Report (Date of earliest event reported): August 14, 2000\n"
        f"Example Widgets, Inc.\n{item_text}\n\nSIGNATURES\n"
    )
    text = (
        "<SEC-DOCUMENT>\n<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t8-K\n</SEC-HEADER>\n"
        + doc("8-K", main)
        + doc("EX-99.1", release)
        + "</SEC-DOCUMENT>\n"
    )
    return eightk.parse(text.encode(), "synthetic")


def test_bare_item_12_reads_the_release() -> None:
    # 0001125282-04-003595: Item 12 only says a press release is attached as Exhibit 99.1.
    r = extract_results(parse_path(filing_path("0001125282-04-003595"))).results
    assert r is not None
    assert r.period_end == "2004-06-30"
    assert r.press_release_exhibit == "99.1"


def test_old_item_5_earnings_release_by_its_headline() -> None:
    # 0000912057-00-043726: "... ANNOUNCES COMPLETION OF BOND RESTRUCTURING AND SECOND QUARTER RESULTS".
    f = _submission(
        "Item 5. Other Events\n\nOn August 14, 2000, the Registrant completed the restructuring of its "
        "bonds. The press release attached as Exhibit 99.1 is incorporated herein by reference.",
        "EXAMPLE WIDGETS ANNOUNCES COMPLETION OF BOND RESTRUCTURING AND SECOND QUARTER RESULTS\n\n"
        "Example Widgets, Inc. today announced results for the second quarter and six months ended "
        "July 31, 2000. Revenues were $5 million.",
    )
    r = f.events.results
    assert r is not None
    assert (r.period_end, r.fiscal_quarter) == ("2000-07-31", 2)
    assert r.evidence["found"].document == 1


def test_release_that_dates_a_future_announcement_is_not_results() -> None:
    # 0000950170-24-000282 (Tesla): deliveries, and "will post its financial results ... on January 24".
    f = _submission(
        "Item 2.02 Results of Operations and Financial Condition.\n\nOn January 2, 2024, the Company "
        "published the press release which is attached hereto as Exhibit 99.1.",
        "Example Vehicle Deliveries and Date for Financial Results Webcast for Fourth Quarter 2023\n\n"
        "In the fourth quarter, we delivered 484,000 vehicles. Example will post its financial results "
        "for the fourth quarter of 2023 after market close on January 24, 2024.",
    )
    assert f.events.results is None


def test_old_item_5_clinical_results_are_not_financial_results() -> None:
    f = _submission(
        "Item 5. Other Events\n\nThe press release attached as Exhibit 99.1 is incorporated herein.",
        "EXAMPLE WIDGETS ANNOUNCES POSITIVE RESULTS FROM ONE-YEAR PHASE 3 STUDY\n\nExample today "
        "announced results of a one-year trial.",
    )
    assert f.events.results is None


def test_fiscal_year_must_agree_with_the_period_end() -> None:
    r = extract_results(
        _filing(
            "On April 29, 2025, the Company issued a press release announcing its financial results for the "
            "first quarter of fiscal 2025 ended March 29, 2025."
        )
    ).results
    assert r is not None and (r.period_end, r.fiscal_year) == ("2025-03-29", 2025)
    r = extract_results(
        _filing(
            "The Company reported net income for the year ended December 31, 2004, compared with $25.0 "
            "million in the fourth quarter of 2003."
        )
    ).results
    assert r is not None and r.fiscal_year is None
