"""The offerings extractor (GitHub issue #3) on real filings in tests/filings."""

from __future__ import annotations

import eightk
from eightk.model import Filing, Offering
from tests.conftest import filing_bytes


def _parse(name: str) -> Filing:
    return eightk.parse(filing_bytes(name), name)


def _check_evidence(f: Filing, o: Offering) -> None:
    for ev in o.evidence.values():
        assert f.documents[ev.document].text[ev.start : ev.end] == ev.quote


def test_seed_two_tranches_same_terms(seed_bytes: bytes) -> None:
    f = eightk.parse(seed_bytes, "neotherapeutics-2002-03-15")
    assert len(f.offerings) == 2
    a, b = f.offerings
    assert (a.security, a.shares, a.price_per_share) == ("common_stock", 2_575_000, 2.0)
    assert (a.warrant_shares, a.warrant_exercise_price) == (643_750, 2.75)
    assert (a.gross_proceeds, a.fees, a.date) == (5_150_000, None, "2002-03-13")
    # "525,000 more shares on the same terms": prices stated by reference to the first tranche
    assert (b.security, b.shares, b.price_per_share) == ("common_stock", 525_000, 2.0)
    assert (b.warrant_shares, b.warrant_exercise_price) == (131_250, 2.75)
    assert (b.gross_proceeds, b.fees, b.date) == (1_050_000, 70_500, "2002-03-15")
    assert "same terms" in b.evidence["same_terms"].quote
    for o in (a, b):
        assert (o.registered, o.registration_form) == (True, "S-3")
        _check_evidence(f, o)


def test_registered_direct_with_concurrent_private_warrants() -> None:
    f = _parse("fx-001")
    [o] = f.offerings
    assert (o.shares, o.price_per_share, o.warrant_shares, o.warrant_exercise_price) == (
        745_342,
        4.025,
        745_342,
        3.9,
    )
    assert (o.gross_proceeds, o.date, o.registered, o.registration_form) == (
        3_000_000,
        "2024-10-29",
        True,
        "S-3",
    )
    assert o.fees is None  # stated only as 6.0% of gross proceeds: never computed
    _check_evidence(f, o)


def test_units_with_fractional_count_leave_the_count_out() -> None:
    f = _parse("fx-008")
    [o] = f.offerings
    assert o.security == "units"
    assert o.shares is None  # 39.9 units
    assert (o.warrant_shares, o.warrant_exercise_price, o.conversion_price) == (598_500, 1.5, 1.0)
    assert (o.interest_rate, o.gross_proceeds, o.registered) == (8, 399_000, False)
    assert o.principal_amount is None  # only the per-unit $10,000 note is stated
    assert any("39.9" in w for w in f.warnings)


def test_notes_one_record_per_series() -> None:
    f = _parse("0001193125-20-139112")
    got = [(o.security, o.principal_amount, o.interest_rate, o.maturity) for o in f.offerings]
    assert got == [
        ("notes", 2_000_000_000, 0.75, "2023"),
        ("notes", 2_250_000_000, 1.125, "2025"),
        ("notes", 1_750_000_000, 1.65, "2030"),
        ("notes", 2_500_000_000, 2.65, "2050"),
    ]
    for o in f.offerings:
        assert (o.date, o.registered, o.registration_form) == ("2020-05-11", True, "S-3")
        _check_evidence(f, o)


def test_floating_rate_series_has_no_coupon() -> None:
    f = _parse("0001193125-25-036821")
    assert len(f.offerings) == 7
    floating = [o for o in f.offerings if o.interest_rate is None]
    assert sorted(o.principal_amount or 0 for o in floating) == [500_000_000, 750_000_000]
    assert all(o.date == "2025-02-26" and o.registered for o in f.offerings)


def test_convertible_notes_and_warrant_transactions() -> None:
    f = _parse("0000950123-10-080629")
    notes = [o for o in f.offerings if o.security == "convertible_notes"]
    warrants = [o for o in f.offerings if o.security == "warrants"]
    assert len(notes) == 1 and len(warrants) == 1
    n, w = notes[0], warrants[0]
    assert (n.principal_amount, n.interest_rate, n.conversion_price) == (1_150_000_000, 1.5, 52.37)
    assert (n.registered, n.registration_form) == (True, "S-3")
    assert (w.warrant_shares, w.warrant_exercise_price, w.registered) == (19_093_100, 73.33, False)


def test_initial_notes_series_size_is_a_known_gap() -> None:
    # fx-020: the $6,550,000 series size is read; the gold labels the $4,450,000 of Initial Notes
    # actually issued. Kept as a record of the current behaviour, not of the right answer.
    f = _parse("fx-020")
    [o] = f.offerings
    assert o.security == "convertible_notes"
    assert (o.interest_rate, o.date, o.registered) == (0, "2020-05-18", False)


def test_credit_agreement_is_not_an_offering() -> None:
    f = _parse("0000950123-11-065257")
    assert f.offerings == ()


# Paraphrased from domain.md §5.4 example 2 (a 2024 PIPE with pre-funded warrants); not a filing.
PIPE_TEXT = b"""FORM 8-K
CURRENT REPORT
Item 1.01 Entry into a Material Definitive Agreement.
On May 2, 2024, Acme Bio, Inc. (the "Company") entered into a securities purchase agreement with certain
institutional investors for the sale of 13,110,484 shares of common stock at a price of $2.37 per share and
pre-funded warrants to purchase up to 7,989,516 shares of common stock at a price of $2.369 per pre-funded
warrant, with an exercise price of $0.001 per share, in a private placement. The gross proceeds to the Company
were approximately $50.0 million. The offering closed on May 6, 2024. The securities were sold in reliance on
Section 4(a)(2) of the Securities Act.
"""


def test_pre_funded_warrants_keep_their_nominal_exercise_price_apart() -> None:
    f = eightk.parse(PIPE_TEXT, "pipe")
    [o] = f.offerings
    assert (o.shares, o.price_per_share, o.warrant_shares) == (13_110_484, 2.37, 7_989_516)
    assert (o.pre_funded, o.pre_funded_exercise_price) == (True, 0.001)
    assert (
        o.warrant_exercise_price is None
    )  # $2.369 is the warrant's purchase price, $0.001 its exercise price
    assert (o.gross_proceeds, o.date, o.registered, o.exemption) == (
        50_000_000,
        "2024-05-06",
        False,
        "Section 4(a)(2)",
    )
    _check_evidence(f, o)


# --- round 2: patterns found on the silver set (tests/silver/offerings) ---------------------------------


def test_closed_amount_with_over_allotment_and_not_registered() -> None:
    # "closed the sale of $250 million ... including the exercise of the ... over-allotment option in full";
    # "The Debentures have not been registered under the Securities Act" is no registration
    f = _parse("0000950135-07-005171")
    (o,) = f.offerings
    assert (o.security, o.principal_amount, o.date, o.registered) == (
        "convertible_notes",
        250_000_000,
        "2007-08-13",
        False,
    )
    _check_evidence(f, o)


def test_escrow_holdback_is_part_of_the_consideration() -> None:
    # "(i) up to approximately 5,017,132 shares ..., of which approximately 584,924 shares ... will be placed
    # into escrow ... to secure indemnity obligations"; the merger agreement is "dated as of October 21"
    f = _parse("0000950135-07-006391")
    (o,) = f.offerings
    assert (o.security, o.shares, o.date, o.registered) == ("common_stock", 5_017_132, "2007-10-21", False)


def test_stock_consideration_stated_in_dollars() -> None:
    f = _parse("0000950135-08-005674")
    (o,) = f.offerings
    assert (o.security, o.shares, o.price_per_share, o.date) == ("common_stock", None, None, "2008-08-13")
    assert (o.registered, o.exemption) == (False, "Section 4(2)")
    _check_evidence(f, o)


def test_stock_exchanged_for_debentures_one_record_per_part() -> None:
    f = _parse("0001193125-21-178760")
    got = [
        (o.security, o.shares, o.date, o.registered, o.principal_amount, o.interest_rate) for o in f.offerings
    ]
    assert got == [
        ("common_stock", 14_700_000, "2021-05-25", False, None, None),
        ("common_stock", 3_200_000, "2021-05-25", False, None, None),
        ("common_stock", 4_200_000, "2021-05-27", False, None, None),
    ]


_DEPOSITARY = b"""UNITED STATES SECURITIES AND EXCHANGE COMMISSION
FORM 8-K
EXAMPLE BANCORP, INC.
(Exact name of registrant as specified in its charter)

Item 8.01 Other Events.

On March 12, 2024, Example Bancorp, Inc. (the "Company") completed the issuance and sale of 2,500,000
depositary shares (the "Depositary Shares"), each representing a 1/10th interest in a share of its 6.875%
Non-Cumulative Preferred Stock, Series A, liquidation preference $10,000 per share, pursuant to an
Underwriting Agreement, dated March 5, 2024. The sale of the Depositary Shares was made pursuant to the
Company's Registration Statement on Form S-3 (File No. 333-263304).
"""


def test_preferred_sold_as_depositary_shares() -> None:
    f = eightk.parse(_DEPOSITARY, "depositary")
    (o,) = f.offerings
    assert (o.security, o.shares, o.price_per_share, o.interest_rate) == (
        "preferred_stock",
        2_500_000,
        None,
        None,
    )
    assert (o.date, o.registered, o.registration_form) == ("2024-03-12", True, "S-3")
    _check_evidence(f, o)


_RATIO = b"""UNITED STATES SECURITIES AND EXCHANGE COMMISSION
FORM 8-K
EXAMPLE OIL CORPORATION
(Exact name of registrant as specified in its charter)

Item 2.01 Completion of Acquisition or Disposition of Assets.

On May 3, 2024, Example Oil Corporation (the "Company") consummated the previously announced acquisition of
Target Co. ("Target") pursuant to the Agreement and Plan of Merger dated as of October 10, 2023.
At the effective time of the Merger, each share of common stock of Target was converted into the right to
receive 2.3234 shares of common stock, without par value, of the Company ("Company common stock").
"""

_RATIO_OTHER = _RATIO.replace(b"without par value, of the Company", b"without par value, of Buyer Inc.")


def test_merger_ratio_is_one_stock_record_without_a_count() -> None:
    f = eightk.parse(_RATIO, "ratio")
    (o,) = f.offerings
    assert (o.security, o.shares, o.date) == ("common_stock", None, "2024-05-03")
    _check_evidence(f, o)
    # another company's stock received in a merger is not the registrant's offering
    assert not eightk.parse(_RATIO_OTHER, "ratio-other").offerings
