"""Change in certifying accountant (Item 4.01 / old Item 4)."""

from __future__ import annotations

import eightk
from eightk.extract.auditor import extract_auditor, firms
from eightk.sources.local import parse_path
from tests.conftest import filing_path


def test_old_item_4_dismissal_and_engagement() -> None:
    # 0001193125-04-090958: SPACEHAB dismisses Ernst & Young and engages Grant Thornton.
    a = extract_auditor(parse_path(filing_path("0001193125-04-090958"))).auditor_change
    assert a is not None
    assert (a.former_auditor, a.new_auditor, a.date, a.kind) == (
        "Ernst & Young LLP",
        "Grant Thornton LLP",
        "2004-05-17",
        "dismissed",
    )
    assert a.disagreements is False
    assert a.reportable_events is False
    assert a.approved_by_audit_committee is True
    for k, e in a.evidence.items():
        assert e.quote, k


def test_resignation_with_no_successor() -> None:
    text = (
        "FORM 8-K\nCURRENT REPORT\nExample Widgets, Inc.\n"
        "Item 4.01 Changes in Registrant's Certifying Accountant.\n"
        "On June 3, 2021, Smith, Jones & Co., LLP notified the Company that it resigned as the Company's "
        "independent registered public accounting firm. There were no disagreements with Smith, Jones & Co., "
        "LLP on any matter of accounting principles. The Company has not yet engaged a new firm.\n"
        "SIGNATURES\n"
    )
    a = extract_auditor(eightk.parse(text.encode(), "synthetic")).auditor_change
    assert a is not None
    assert a.former_auditor == "Smith, Jones & Co., LLP"
    assert a.kind == "resigned"
    assert a.date == "2021-06-03"
    assert a.new_auditor is None
    assert a.disagreements is False


def test_firm_names() -> None:
    t = "the Company dismissed PMB Helin Donovan, LLP and engaged KPMG LLP and Burr, Pilger & Mayer LLP."
    assert [n for n, _s, _e in firms(t, 0, len(t))] == [
        "PMB Helin Donovan, LLP",
        "KPMG LLP",
        "Burr, Pilger & Mayer LLP",
    ]
