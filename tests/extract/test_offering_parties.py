"""Parties and terms beyond the gold fields (issue #3): underwriters, placement / sales agents, named
investors, warrant term, net proceeds, pre-funded warrants.

Sentences are quoted from corpus filings (accession in each case); the negatives adapt real sentences so
that the party belongs to an earlier offering or to another issuer. Every value must quote its words.
"""

from __future__ import annotations

import pytest

import eightk
from eightk.extract.offering_parties import names_after, names_before
from eightk.model import Filing, Offering
from tests.conftest import SHARED, filing_bytes


def _check(f: Filing, o: Offering) -> None:
    for ev in o.evidence.values():
        assert f.documents[ev.document].text[ev.start : ev.end] == ev.quote


def _one(text: str, name: str = "x") -> tuple[Filing, Offering]:
    f = eightk.parse(text.encode(), name)
    assert len(f.offerings) == 1, f.offerings
    _check(f, f.offerings[0])
    return f, f.offerings[0]


# --- the name-list reader ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # 0000950103-17-008117
            "among the Company and Merrill Lynch, Pierce, Fenner & Smith Incorporated, Morgan Stanley & Co. LLC "
            "and RBC Capital Markets, LLC",
            [
                "Merrill Lynch, Pierce, Fenner & Smith Incorporated",
                "Morgan Stanley & Co. LLC",
                "RBC Capital Markets, LLC",
            ],
        ),
        (  # 0001104659-12-009229
            "a Terms Agreement with BNP Paribas Securities Corp., Deutsche Bank Securities Inc., HSBC Securities "
            "(USA) Inc. and J.P. Morgan Securities LLC",
            [
                "BNP Paribas Securities Corp.",
                "Deutsche Bank Securities Inc.",
                "HSBC Securities (USA) Inc.",
                "J.P. Morgan Securities LLC",
            ],
        ),
        (  # 0001193125-25-036821 (an Oxford comma)
            "among the Company and Barclays Capital Inc., BofA Securities, Inc., and J.P. Morgan Securities LLC",
            ["Barclays Capital Inc.", "BofA Securities, Inc.", "J.P. Morgan Securities LLC"],
        ),
        (  # 0001140361-23-023909: the registrant is the other party
            "dated May 8, 2023 among Apple and Goldman Sachs & Co. LLC, Barclays Capital Inc. and J.P. Morgan "
            "Securities LLC",
            ["Goldman Sachs & Co. LLC", "Barclays Capital Inc.", "J.P. Morgan Securities LLC"],
        ),
        # a name with no legal suffix spoils the whole list (0001104659-25-010555, the euro notes)
        ("among International Business Machines Corporation and BNP PARIBAS, Banco Santander, S.A.", None),
        ("with Goldman Sachs & Co. LLC and certain other banks", []),
    ],
)
def test_names_before(text: str, want: list[str] | None) -> None:
    got = names_before(text, 0, len(text), {"apple", "international", "business", "machines", "corp"})
    assert (None if got is None else [text[a:b] for a, b in got]) == want


def test_names_after_stop_at_the_definition() -> None:
    # fx-011 and fx-022
    t = "Bushido Capital Master Fund, LP and Gamma Opportunity Capital Partners, LP (Classes A and C)."
    spans, _end = names_after(t, 0, len(t), None) or ([], 0)
    assert [t[a:b] for a, b in spans] == [
        "Bushido Capital Master Fund, LP",
        "Gamma Opportunity Capital Partners, LP",
    ]
    t = 'EMA Financial, LLC, a Delaware limited liability company ("Purchaser"), pursuant to which'
    spans, _end = names_after(t, 0, len(t), None) or ([], 0)
    assert [t[a:b] for a, b in spans] == ["EMA Financial, LLC"]
    # "The Hongkong and Shanghai Banking Corporation Limited, Singapore Branch" (0001104659-24-010040)
    t = "J.P. Morgan Securities Asia Private Limited and The Hongkong and Shanghai Banking Corporation Limited, Singapore Branch pursuant to which"
    spans, _end = names_after(t, 0, len(t), None) or ([], 0)
    assert [t[a:b] for a, b in spans] == [
        "J.P. Morgan Securities Asia Private Limited",
        "Hongkong and Shanghai Banking Corporation Limited, Singapore Branch",
    ]


# --- real filings -----------------------------------------------------------------------------------


def test_underwriters_of_a_notes_offering_go_to_every_series() -> None:
    f = eightk.parse(filing_bytes("0001193125-25-036821"), "0001193125-25-036821")
    assert len(f.offerings) > 1
    for o in f.offerings:
        assert o.underwriters == (
            "Barclays Capital Inc.",
            "BofA Securities, Inc.",
            "J.P. Morgan Securities LLC",
        )
        assert o.evidence["underwriters"].quote.startswith("Barclays Capital Inc.")
        assert o.evidence["underwriters.2"].quote == "J.P. Morgan Securities LLC"
        assert o.placement_agents == () and o.investors == ()
        _check(f, o)


def test_underwriters_defined_after_the_names() -> None:
    # 'with Morgan Stanley & Co. Incorporated and Goldman, Sachs & Co. (collectively the "Underwriters")'
    f = eightk.parse(filing_bytes("0000950123-10-080629"), "0000950123-10-080629")
    conv = [o for o in f.offerings if o.security == "convertible_notes"]
    assert conv and conv[0].underwriters == ("Morgan Stanley & Co. Incorporated", "Goldman, Sachs & Co.")


def test_placement_agent_defined_in_an_engagement_letter() -> None:
    f = eightk.parse(filing_bytes("fx-001"), "fx-001")
    [o] = f.offerings
    assert o.placement_agents == ("H.C. Wainwright & Co., LLC",)
    assert o.investors == ()  # "certain institutional and accredited investors" names nobody
    _check(f, o)


def test_five_year_warrants() -> None:
    f = eightk.parse(filing_bytes("fx-008"), "fx-008")
    [o] = f.offerings
    assert o.warrant_term_years == 5.0
    assert o.evidence["warrant_term_years"].quote == "five-year"


@pytest.mark.skipif(not (SHARED / "corpus" / "dev").is_dir(), reason="shared dev corpus not available")
def test_two_underwriting_agreements_one_unreadable_give_no_list() -> None:
    """0001104659-25-010555: euro and dollar notes, each with its own underwriters; the euro list names
    banks without a legal suffix ("BNP PARIBAS"), so neither list can be given to every series."""
    p = SHARED / "corpus" / "dev" / "0001104659-25-010555.txt"
    f = eightk.parse(p.read_bytes(), p.stem)
    assert f.offerings and all(o.underwriters == () for o in f.offerings)


# --- sentences from corpus filings ------------------------------------------------------------------

RD = (
    "Item 1.01 Entry into a Material Definitive Agreement.\n"
    'On October 28, 2024, the Company entered into a securities purchase agreement with certain institutional and accredited investors (the "Purchase Agreement") relating to the offering and sale of an aggregate of 745,342 shares of Common Stock at an offering price of $4.025 per share in a registered direct offering. '
    "The closing of the offering occurred on October 30, 2024. "
)


def test_placement_agent_acting_and_net_proceeds() -> None:
    text = (
        RD
        + "H.C. Wainwright & Co., LLC acted as the exclusive placement agent for the offering. "
        + "The net proceeds to the Company from the offering were approximately $2.6 million, after deducting placement agent fees and other offering expenses.\n"
    )
    _f, o = _one(text)
    assert o.placement_agents == ("H.C. Wainwright & Co., LLC",)
    assert o.net_proceeds == 2_600_000
    assert o.investors == ()


def test_placement_agent_of_an_earlier_offering_is_history() -> None:
    text = (
        RD
        + "As previously reported, on March 4, 2024, the Company sold 1,000,000 shares of its common stock in a registered direct offering for which Maxim Group LLC acted as the exclusive placement agent.\n"
    )
    _f, o = _one(text)
    assert o.placement_agents == ()


def test_underwriter_of_another_issuer_is_not_taken() -> None:
    # adapted from 0001140361-23-023909: the agreement is between another company and its underwriters
    text = (
        "Item 8.01 Other Events.\n"
        'On May 10, 2023, Apple Inc. ("Apple") issued $1,000,000,000 aggregate principal amount of its 4.421% Notes due 2026 (the "Notes"). '
        "Separately, an underwriting agreement dated May 8, 2023 among Acme Holdings, Inc. and Goldman Sachs & Co. LLC, Barclays Capital Inc. and J.P. Morgan Securities LLC, as representatives of the several underwriters named therein, governs Acme Holdings' own notes.\n"
    )
    f = eightk.parse(text.encode(), "x")
    assert f.offerings and all(o.underwriters == () for o in f.offerings)


def test_financial_advisors_are_not_underwriters() -> None:
    # 0000914760-99-000229 (a merger press release)
    text = (
        "Item 8.01 Other Events.\n"
        "On December 13, 1999, the Company issued 1,000,000 shares of its common stock to the former stockholders of Teltrend Inc. in the merger. "
        "Goldman, Sachs & Co. and Hambrecht & Quist acted as the Company's financial advisors while Soundview Financial advised Teltrend.\n"
    )
    f = eightk.parse(text.encode(), "x")
    assert all(o.underwriters == () and o.placement_agents == () for o in f.offerings)


def test_named_investors_and_generic_ones() -> None:
    # 0000050863-25-000126
    text = (
        "Item 1.01 Entry into a Material Definitive Agreement.\n"
        'On August 18, 2025, Intel Corporation (the "Company") entered into a Securities Purchase Agreement (the "Purchase Agreement") with SoftBank Group Corp. ("SoftBank") pursuant to which SoftBank agreed to purchase 86,956,522 shares of the Company\'s common stock, par value $0.001 per share (the "Shares"), for an aggregate purchase price in cash of $2.0 billion.\n'
    )
    _f, o = _one(text)
    assert o.investors == ("SoftBank Group Corp.",)
    # fx-016: "certain investors (the "Purchasers")" names nobody
    text = (
        "Item 3.02 Unregistered Sales of Equity Securities.\n"
        'On September 9, 2002, the Registrant entered into a Securities Purchase Agreement with certain investors (the "Purchasers"), pursuant to which the Registrant issued and sold to the Purchasers on September 10, 2002, 21,500,000 of shares of its common stock for total gross proceeds of $3,010,000.\n'
    )
    _f, o = _one(text)
    assert o.investors == ()


def test_sold_to_a_named_fund() -> None:
    # 0000950135-08-003855
    text = (
        "Item 3.02 Unregistered Sales of Equity Securities.\n"
        'On May 20, 2008, Nuance sold 5,760,369 shares of Nuance common stock for a purchase price of $100.0 million, and warrants to purchase 3,700,000 shares of Nuance common stock for a purchase price of $0.5 million, to Warburg Pincus Private Equity VIII, L.P. and certain of its affiliated entities (collectively "Warburg Pincus") pursuant to the terms of a purchase agreement dated April 7, 2008 by and among Nuance and Warburg Pincus (the "Purchase Agreement"). '
        "The warrants have an exercise price of $20.00 per share and a term of four years.\n"
    )
    f = eightk.parse(text.encode(), "x")
    [o] = [o for o in f.offerings if o.shares == 5_760_369]
    assert o.investors == ("Warburg Pincus Private Equity VIII, L.P.",)
    assert o.warrant_term_years == 4.0


def test_credit_agreement_agent_is_no_placement_agent() -> None:
    text = (
        RD
        + 'On the same day, the Company entered into a credit agreement with Bank of America, N.A. (the "Agent") and the lenders party thereto.\n'
    )
    _f, o = _one(text)
    assert o.placement_agents == ()


def test_sales_agent_of_an_at_the_market_program() -> None:
    text = (
        "Item 8.01 Other Events.\n"
        'On November 1, 2022, Beta Energy Inc. (the "Company") entered into an At Market Issuance Sales Agreement (the "Sales Agreement") with B. Riley Securities, Inc. (the "Agent"). '
        "During the quarter, the Company sold 1,200,000 shares of its common stock under the Sales Agreement at an average price of $3.10 per share.\n"
    )
    f = eightk.parse(text.encode(), "x")
    for o in f.offerings:
        assert o.placement_agents == ("B. Riley Securities, Inc.",)
        _check(f, o)


@pytest.mark.parametrize(
    ("sentence", "years"),
    [
        (
            "The Warrants are exercisable immediately upon issuance and will expire five years from the date of issuance.",
            5.0,
        ),
        ("The Warrants have a term of five (5) years from the initial exercise date.", 5.0),
        (
            "The Warrants will be exercisable beginning six months after issuance and will expire on the fifth anniversary of the Closing Date.",
            5.0,
        ),
        ("The Warrants will expire eighteen months from the date of issuance.", 1.5),
        # the placement agent's warrants have their own term
        (
            "The Placement Agent Warrants will expire five years from the commencement of sales in the offering.",
            None,
        ),
    ],
)
def test_warrant_term(sentence: str, years: float | None) -> None:
    text = (
        "Item 3.02 Unregistered Sales of Equity Securities.\n"
        "On March 4, 2024, the Company issued and sold 1,250,000 shares of its common stock at a price of $2.40 per share and warrants to purchase up to 1,250,000 shares of common stock at an exercise price of $2.28 per share in a private placement. "
        + sentence
        + "\n"
    )
    _f, o = _one(text)
    assert o.warrant_term_years == years


def test_pre_funded_deal_with_common_warrants() -> None:
    """domain.md example 7: the warrant count is left out (two kinds), but the deal sells pre-funded warrants."""
    text = (
        "Item 1.01 Entry into a Material Definitive Agreement.\n"
        "On December 10, 2024, the Company entered into a securities purchase agreement with certain institutional investors, pursuant to which the Company agreed to sell, in a registered direct offering, an aggregate of 2,200,000 shares of common stock and, in lieu of shares, pre-funded warrants to purchase up to 800,000 shares of common stock, together with Series A warrants to purchase up to 3,000,000 shares of common stock. "
        "The combined offering price is $1.00 per share and accompanying Series A warrant. The pre-funded warrants have an exercise price of $0.001 per share.\n"
    )
    _f, o = _one(text)
    assert (o.pre_funded, o.pre_funded_exercise_price) == (True, 0.001)
    assert o.investors == ()


def test_use_of_proceeds_is_not_net_proceeds() -> None:
    # 0001193125-16-790800
    text = (
        RD
        + "The Company intends to use the net proceeds, together with cash on hand, to redeem approximately $600 million in aggregate principal amount of its 5.375% Senior Notes due 2020.\n"
    )
    _f, o = _one(text)
    assert o.net_proceeds is None
