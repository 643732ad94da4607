from __future__ import annotations

import pytest

import eightk
from eightk.errors import NotAFilingError
from tests.conftest import filing_bytes, filing_path


def test_seed_plain_text_parses_items_in_both_numberings(seed_bytes: bytes) -> None:
    f = eightk.parse(seed_bytes, "neotherapeutics-2002-03-15")
    assert f.id == "neotherapeutics-2002-03-15"
    assert f.source_format == "text"
    assert f.form_type == "8-K"
    assert [(i.code, i.code_2004) for i in f.items] == [("5", "8.01"), ("7", "9.01")]
    body = f.documents[f.primary].text[f.items[0].body_start : f.items[0].body_end]
    assert "2,575,000 shares" in body


def test_ims_1994_submission_reads_header_and_items() -> None:
    f = eightk.parse(filing_bytes("0000109446-94-000005"))
    assert f.source_format == "ims"
    assert f.header is not None
    assert f.header.accession_number == "0000109446-94-000005"
    assert f.header.cik == "0000109446"
    assert f.header.filed_date == "1994-03-22"
    assert f.id == "0000109446-94-000005"
    assert [i.code for i in f.items] == ["5"]


def test_modern_submission_skips_binary_parts_and_keeps_exhibits() -> None:
    f = eightk.parse(filing_bytes("0001193125-25-036821"))
    assert f.source_format == "sgml"
    assert f.header is not None and f.header.filers[0].name == "CHEVRON CORP"
    assert f.header.items == ("8.01", "9.01")
    types = [d.type for d in f.documents]
    assert types[0] == "8-K" and "EX-5.1" in types
    graphic = next(d for d in f.documents if d.type == "GRAPHIC")
    assert graphic.skipped == "uuencoded" and graphic.text == ""
    assert f.documents[f.primary].format == "ixbrl"


def test_html_document_block() -> None:
    f = eightk.parse_path(str(filing_path("0000320193-18-000142")))
    assert [i.code for i in f.items] == ["2.02", "9.01"]
    assert "Results of Operations" in (f.items[0].title or "")


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n", b"\x00\x01\x02\xff" * 100, bytes(range(256)) * 50],
)
def test_bad_input_is_a_clear_error(data: bytes) -> None:
    with pytest.raises(NotAFilingError):
        eightk.parse(data)


def test_a_10k_is_refused_with_its_name() -> None:
    data = b"<SEC-DOCUMENT>x\n<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t10-K\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>10-K\n<TEXT>\nANNUAL REPORT\n</TEXT>\n</DOCUMENT>\n"
    with pytest.raises(NotAFilingError, match="10-K"):
        eightk.parse(data)


def test_truncated_submission_gives_partial_result_with_warning(seed_bytes: bytes) -> None:
    data = filing_bytes("0001193125-25-036821")
    cut = data[: len(data) // 50]
    f = eightk.parse(cut)
    assert f.header is not None and f.header.accession_number == "0001193125-25-036821"
    assert any("truncated" in w or "</TEXT>" in w for w in f.warnings)


def test_multi_megabyte_item_body_is_read_in_bounded_time() -> None:
    # A 2.7 MB item body of repeated sentences once took 22 s in the officer extractor: extractors
    # now read at most the first 200,000 characters of a section, so the cost stays bounded.
    import time

    head = b"FORM 8-K\nCURRENT REPORT\nDate of Report (Date of earliest event reported): March 1, 2024\n"
    body = (
        b"Item 5.02 Departure of Directors\n"
        + b"Mr. John Smith was appointed Chief Financial Officer. " * 50000
    )
    t = time.process_time()
    f = eightk.parse(head + body)
    assert [i.code for i in f.items] == ["5.02"]
    assert time.process_time() - t < 60  # generous: the point is "not minutes", not a benchmark


@pytest.mark.parametrize("accession", ["0001193125-25-036821", "0000950135-07-006391", "fx-001"])
def test_lean_parse_reads_the_same_values_and_leaves_unread_documents_unconverted(accession: str) -> None:
    """``full_text=False`` (what ``eightk parse`` uses) changes nothing but the unread documents' text."""
    from eightk.pipeline import NOT_CONVERTED, parse
    from eightk.serialize import filing_to_dict

    data = filing_bytes(accession)
    full, lean = parse(data, accession), parse(data, accession, full_text=False)
    a, b = filing_to_dict(full), filing_to_dict(lean)
    docs_a, docs_b = a.pop("documents"), b.pop("documents")
    assert a == b
    for d_full, d_lean in zip(full.documents, lean.documents, strict=True):
        if d_lean.skipped == NOT_CONVERTED:
            assert not d_lean.type.startswith(("8-K", "EX-99")) and d_lean.text == ""
            assert d_full.text and d_full.skipped is None and d_full.format == d_lean.format
        else:
            assert d_lean == d_full
    assert len(docs_a) == len(docs_b)


def test_lean_parse_of_the_chevron_filing_skips_its_legal_opinion() -> None:
    from eightk.pipeline import NOT_CONVERTED, parse

    f = parse(filing_bytes("0001193125-25-036821"), full_text=False)
    opinion = next(d for d in f.documents if d.type == "EX-5.1")
    assert opinion.skipped == NOT_CONVERTED and opinion.text == ""
    assert f.documents[f.primary].text


@pytest.mark.parametrize(
    "data",
    [
        b"UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nFORM 10-K\nANNUAL REPORT\nItem 1. Business\nWe make things.\n",
        b"<html><body><p>FORM 10-Q</p><p>QUARTERLY REPORT</p><p>Item 2. Management</p></body></html>",
    ],
)
def test_a_bare_document_of_another_form_is_refused(data: bytes) -> None:
    # Bare files carry no EDGAR <TYPE>; the form is read from the first page.
    with pytest.raises(NotAFilingError, match="not an 8-K"):
        eightk.parse(data)


def test_an_excerpt_naming_form_s3_in_a_sentence_is_not_refused() -> None:
    text = (
        b"On March 13, 2002, the Company sold 2,575,000 shares of its common stock at $2.00 per share\n"
        b"pursuant to an effective Registration Statement on Form S-3.\n"
    )
    f = eightk.parse(text, "excerpt")
    assert f.form_type is None and any("form type not found" in w for w in f.warnings)
