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


def _item_5_07(body: str) -> eightk.Filing:
    text = (
        "FORM 8-K\nCURRENT REPORT\nDate of Report (Date of earliest event reported): April 30, 2024\n"
        "Example Widgets, Inc.\nItem 5.07. Submission of Matters to a Vote of Security Holders.\n"
        f"{body}\nSIGNATURES\n"
    )
    return eightk.parse(text.encode(), "synthetic")


def test_unnumbered_headings_with_one_count_per_line() -> None:
    # 0001104659-24-057038 (IBM) and 0000100493-15-000029 (Tyson): "<proposal>:" then "For\tN" lines.
    f = _item_5_07(
        "(a)\tThe Company held its Annual Meeting of Stockholders on April 30, 2024.\n"
        "(b)\tElection of Directors for a Term of One Year:\n"
        "DIRECTOR\tFOR\tAGAINST\tABSTAIN\tBROKER NON-VOTES\n"
        "M.C. Brown\t542,971,427\t7,878,691\t3,463,299\t165,621,179\n"
        "Ratification of Appointment of Independent Registered Public Accounting Firm:\n"
        "For\t673,156,721\t94.0\t%\nAgainst\t43,097,322\t6.0\t%\nAbstain\t3,680,553\n"
        "(iv)\tWith respect to Shareholder Proposal No. 3:\n"
        "Votes For\t86,946,649\nVotes Against\t808,046,638\nVotes Abstained\t18,865,623\n"
        "Broker Non-Votes\t20,860,065\n"
    )
    v = extract_votes(f).shareholder_vote
    assert v is not None and v.meeting_date == "2024-04-30"
    d, r, s = v.proposals
    assert d.description.startswith("Election of Directors") and d.votes_for is None
    assert (r.votes_for, r.votes_against, r.abstentions, r.broker_non_votes) == (
        673156721,
        43097322,
        3680553,
        None,
    )
    assert (s.votes_for, s.votes_against, s.abstentions, s.broker_non_votes) == (
        86946649,
        808046638,
        18865623,
        20860065,
    )


def test_electing_directors_takes_no_nominee_counts() -> None:
    # 0000070858-24-000149: "1. Electing directors:" above one row per nominee.
    f = _item_5_07(
        "The Annual Meeting of Shareholders was held on April 24, 2024.\n1. Electing directors:\n"
        "For\tAgainst\tAbstain\tBroker Non-Votes\nSharon L. Allen\t5,404,603,520\t218,838,876\t19,944,512\t932,046,642\n"
    )
    v = extract_votes(f).shareholder_vote
    assert v is not None
    (p,) = v.proposals
    assert p.votes_for is None
