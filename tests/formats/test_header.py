"""SEC header parser: both dialects; never raises."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from eightk.formats.container import load
from eightk.formats.header import item_code_from_title, parse_header
from tests.conftest import filing_bytes

FEED = Path(__file__).parent / "feed-0000092122-05-000042.nc"  # built by tests/formats/feed.py

_LINES = st.sampled_from(
    [
        "ACCESSION NUMBER:\t\t0000950150-02-000239",
        "CONFORMED SUBMISSION TYPE:\t8-K",
        "ITEM INFORMATION:\t\tOther Events",
        "ITEM INFORMATION:\t\tResults of Operations and Financial Condition",
        "FILED AS OF DATE:\t\t20020326",
        "FILED AS OF DATE:\t\t2002",
        "PUBLIC DOCUMENT COUNT:\t\tx",
        "FILER:",
        "\tCOMPANY DATA:\t",
        "\t\tCENTRAL INDEX KEY:\t\t\t0000909281",
        "\tFORMER COMPANY:",
        "\t\tDATE OF NAME CHANGE:\t19990101",
        "\tBUSINESS ADDRESS:",
        "\t\tSTREET 1:\t\t157 TECHNOLOGY DR",
        "<ACCESSION-NUMBER>0000950150-02-000239",
        "<FILER>",
        "</FILER>",
        "<ITEMS>5.02",
        "<FORMER-COMPANY>",
        "</COMPANY-DATA>",
        "   continued value",
        "",
    ]
)


@settings(max_examples=300)
@given(st.lists(_LINES, max_size=40).map("\n".join))
def test_never_raises_on_shuffled_header_lines(text: str) -> None:
    parse_header(text)


@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    parse_header(text)


def test_text_dialect_with_co_registrants() -> None:
    h = parse_header(load(filing_bytes("0000092122-05-000042.txt")).header_text)
    assert h is not None and h.dialect == "text"
    assert h.accession_number == "0000092122-05-000042" and h.filed_date == "2005-01-25"
    assert h.items == ("2.02",)
    assert len(h.filers) == 7 and h.filers[0].name == "ALABAMA POWER CO" and h.cik == "0000003153"
    assert h.filers[0].business_address is not None and h.filers[0].business_address.city == "BIRMINGHAM"


def test_tagged_dialect_reads_the_same_header() -> None:
    text = parse_header(load(filing_bytes("0000092122-05-000042.txt")).header_text)
    tagged = parse_header(load(FEED.read_bytes()).header_text)
    assert tagged is not None and text is not None and tagged.dialect == "tagged"
    for f in ("accession_number", "form_type", "filed_date", "period", "items", "public_document_count"):
        assert getattr(tagged, f) == getattr(text, f), f
    assert [f.cik for f in tagged.filers] == [f.cik for f in text.filers]
    assert tagged.filers[0].sic == "4911" and tagged.filers[0].file_number == "001-03164"


def test_item_titles_in_both_regimes() -> None:
    assert item_code_from_title("Other Events", "2002-03-26") == "5"
    assert item_code_from_title("Other Events", "2010-01-01") == "8.01"
    assert item_code_from_title("Regulation FD Disclosure", "2003-01-01") == "9"
    assert item_code_from_title("<ITEMS>5.02", None) == "5.02"
    assert item_code_from_title(
        "Departure of Directors or Principal Officers; Election of Directors", None
    ) in (
        "5.02",
        None,
    )


def test_junk_header_with_many_item_lines_is_cheap() -> None:
    # difflib on every line of a junk header used to make this take minutes.
    text = "FILED AS OF DATE:\t20100101\n" + "ITEM INFORMATION:\t" + "x" * 5000 + "\n"
    h = parse_header(text * 2000)
    assert h is not None and h.items == ()
