"""Shareholder votes (Item 5.07)."""

from __future__ import annotations

import eightk
from eightk.extract.votes import extract_votes
from eightk.sources.local import parse_path
from tests.conftest import filing_path


def test_annual_meeting_with_proposals() -> None:
    v = extract_votes(parse_path(filing_path("0001193125-19-011593"))).shareholder_vote
    assert v is not None
    assert v.meeting_date == "2019-01-17"
    assert v.meeting_type == "annual"
    by_desc = {p.description[:30]: p for p in v.proposals}
    assert len(v.proposals) == 5
    plan = next(p for p in v.proposals if "2000 Stock Plan" in p.description)
    assert (plan.votes_for, plan.votes_against, plan.abstentions, plan.broker_non_votes) == (
        199109556,
        35691242,
        262102,
        32297880,
    )
    assert by_desc


def test_record_date_is_not_the_meeting_date() -> None:
    text = (
        "FORM 8-K\nCURRENT REPORT\nExample Widgets, Inc.\n"
        "Item 5.07 Submission of Matters to a Vote of Security Holders.\n"
        "As of the close of business on August 1, 2023, the record date for the special meeting, "
        "49,971,347 shares were outstanding. The special meeting of shareholders was held on "
        "September 27, 2023.\nSIGNATURES\n"
    )
    v = extract_votes(eightk.parse(text.encode(), "synthetic")).shareholder_vote
    assert v is not None
    assert v.meeting_date == "2023-09-27"
    assert v.meeting_type == "special"
