"""Item headings: both numberings, combined headings, tables, omissions, references, contents lists."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from eightk.model import Document
from eightk.parse.items import find_items, to_2004


def _items(text: str, date: str | None = "2024-05-01") -> list[tuple[str, str | None, bool]]:
    items, _ = find_items(Document(index=0, type="8-K", text=text), date)
    return [(i.code, i.code_2004, i.empty) for i in items]


def _codes(text: str, date: str | None = "2024-05-01") -> list[str]:
    return [c for c, _, _ in _items(text, date)]


def test_combined_headings_give_one_item_per_code() -> None:
    text = (
        "Items 1.01 and 3.02. Entry into a Material Definitive Agreement; Unregistered Sales\nOn May 1...\n"
    )
    assert _codes(text) == ["1.01", "3.02"]
    assert _codes("Item 1.01(a) and 5.02(e) Agreements\nbody\nItem 9.01 Exhibits\n") == [
        "1.01",
        "5.02",
        "9.01",
    ]
    assert _codes("Items 2.02, 7.01 and 9.01\nbody\n") == ["2.02", "7.01", "9.01"]


def test_heading_in_a_table_row_and_odd_spacing() -> None:
    assert _codes("FORM 8-K\n\tItem 2.02\tResults of Operations\nThe company...\n") == ["2.02"]
    assert _codes("Item 2. 02 Results of Operations and Financial Condition.\nx\n") == ["2.02"]
    assert _codes("ITEM - 5.02 Departure of Directors\nx\n") == ["5.02"]
    assert _codes("Item No. 5. Other Events\nx\n", "1998-01-01") == ["5"]


def test_items_keep_document_order() -> None:
    assert _codes("Item 8.01 Other Events\nx\nItem 1.01 Agreement\ny\nItem 9.01 Exhibits\nz\n") == [
        "8.01",
        "1.01",
        "9.01",
    ]


def test_none_and_not_applicable_items_count_and_are_empty() -> None:
    got = _items(
        "Item 5. Other Events\nNews.\nItem 7. Financial Statements and Exhibits\nNot applicable.\n",
        "2002-03-15",
    )
    assert got == [("5", "8.01", False), ("7", "9.01", True)]
    assert _items("Item 3.02 Unregistered Sales. None.\n")[0][2] is True


def test_statements_of_omission_are_not_items() -> None:
    text = (
        "Items 1 through 4 are not applicable.\nItem 5. Other Events\nx\nItems 2, 3 and 4. Not applicable.\n"
    )
    assert _codes(text, "1999-06-01") == ["5"]
    assert _codes("Items 1-4. Not applicable.\nItem 5. Other Events\nx\n", "1999-06-01") == ["5"]


def test_references_in_sentences_are_not_headings() -> None:
    text = (
        "Item 2.02 Results of Operations\n"
        "The information in this Item 2.02, including Exhibit 99.1, is furnished.\n"
        "Item 7.01 of this report is incorporated by reference.\n"
        "Item 9.01 Financial Statements and Exhibits\n"
    )
    assert _codes(text) == ["2.02", "9.01"]


def test_contents_list_counts_each_item_once_at_its_body() -> None:
    text = "Item 1.01 Agreement\nItem 9.01 Exhibits\n\nItem 1.01 Agreement\nThe company entered...\nItem 9.01 Exhibits\n(d) 99.1\n"
    items, _ = find_items(Document(index=0, type="8-K", text=text), "2024-01-02")
    assert [i.code for i in items] == ["1.01", "9.01"]
    assert text[items[0].body_start : items[0].body_end].startswith("The company entered")


def test_numbered_vote_proposals_under_item_5_07_are_not_items() -> None:
    # Coca-Cola numbers its proposals "Item 2. ..." under Item 5.07 (0001552781-24-000261).
    text = (
        "Item 5.07. Submission of Matters to a Vote of Security Holders.\n"
        "Item 1. Election of Directors.\nvotes\nItem 2. Advisory Vote to Approve Executive Compensation.\nvotes\n"
        "Item 9.01(d). Financial Statements and Exhibits\n"
    )
    assert _codes(text) == ["5.07", "9.01"]


def test_old_numbering_maps_by_filing_date() -> None:
    assert _items("Item 9. Regulation FD Disclosure\nx\n", "2001-01-02") == [("9", "7.01", False)]
    assert _items("Item 9. Sales of Equity Securities\nx\n", "1999-01-02") == [("9", "3.02", False)]
    assert (
        to_2004("12", "2003-05-01") == "2.02"
        and to_2004("2.02", None) == "2.02"
        and to_2004("2.2", None) is None
    )


def test_bodies_end_at_the_signatures() -> None:
    text = "Item 8.01 Other Events\nNews.\nSIGNATURES\nPursuant to the requirements...\n"
    items, _ = find_items(Document(index=0, type="8-K", text=text), "2024-01-02")
    assert text[items[0].body_start : items[0].body_end] == "News.\n"


def test_contents_block_with_trailing_entries_is_skipped() -> None:
    # 0000950135-07-002970: the contents list ends with "SIGNATURE" and the exhibit line.
    text = (
        "TABLE OF CONTENTS\nITEM 2.02 Results of Operation\nITEM 9.01 Financial Statements and Exhibits\n"
        "SIGNATURE\nEX-99.1 PRESS RELEASE DATED MAY 8, 2007\n"
        "ITEM 2.02 Results of Operation\nOn May 8, 2007 the company announced its results for the quarter, "
        "as described in the press release furnished with this report.\n"
        "ITEM 9.01 Financial Statements and Exhibits\n(d) Exhibits\n"
    )
    assert _codes(text, "2007-05-08") == ["2.02", "9.01"]


def test_wrapped_cross_reference_is_not_a_heading() -> None:
    # 0000912057-00-043726: a sentence wrapped so that "Item 5)" starts a line.
    from eightk.model import Document
    from eightk.parse.items import find_items

    text = (
        "Item 1. Change in Control of Registrant\n\n"
        "     The plan cancelled the shares held by the controlling group (see\n"
        "Item 5) which had previously been held by the Controlling Group.\n\n"
        "Item 5. Other Events\n\n     The plan became effective.\n"
    )
    items, _ = find_items(Document(index=0, type="8-K", text=text), "2000-10-03")
    assert [(i.code, i.title) for i in items] == [
        ("1", "Change in Control of Registrant"),
        ("5", "Other Events"),
    ]


# The fast heading scans must find exactly what the plain regex scans find.
_PIECES = st.sampled_from(
    [
        "Item",
        "ITEMS",
        "item",
        "ıtem",
        "Items",
        " ",
        "\t",
        "\n",
        "\n\n",
        "2.02",
        "5",
        "9.01",
        "1,000",
        "(a) ",
        "a) ",
        "- ",
        "• ",
        ">",
        "*",
        "and",
        " 3.02",
        "S I G N A T U R E S",
        "SIGNATURE",
        "SIGNATURES.",
        "x",
        "S",
    ]
)


@given(st.lists(_PIECES, max_size=40).map("".join), st.integers(min_value=0, max_value=60))
@settings(max_examples=400, deadline=None)
def test_fast_heading_scans_equal_the_regex_scans(text: str, pos: int) -> None:
    from eightk.parse.items import _HEAD, _SIGNATURES, _heads, _signatures_heading

    got = [(m.span(), m.groups()) for m in _heads(text)]
    assert got == [(m.span(), m.groups()) for m in _HEAD.finditer(text)]
    a, b = _signatures_heading(text, pos), _SIGNATURES.search(text, pos)
    assert (a and a.span()) == (b and b.span())
