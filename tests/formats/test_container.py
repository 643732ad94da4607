"""container.load: every era's container, binary parts skipped, never raises, offsets into the source."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eightk
from eightk.errors import NotAFilingError
from eightk.formats.container import load
from eightk.formats.decode import normalize_chars
from eightk.formats.folder import exhibit_type_from_name, load_parts
from eightk.formats.offsets import to_source, to_text
from eightk.model import Document
from tests.conftest import SHARED, filing_bytes

FEED = Path(__file__).parent / "feed-0000092122-05-000042.nc"  # built by tests/formats/feed.py

_PIECES = st.sampled_from(
    [
        "<SEC-DOCUMENT>",
        "<SEC-HEADER>",
        "</SEC-HEADER>",
        "<IMS-DOCUMENT>",
        "<IMS-HEADER>",
        "<SUBMISSION>",
        "-----BEGIN PRIVACY-ENHANCED MESSAGE-----\n",
        "- -----\n",
        "<DOCUMENT>",
        "</DOCUMENT>",
        "<TYPE>8-K\n",
        "<TYPE>GRAPHIC\n",
        "<TYPE>EX-101.INS\n",
        "<SEQUENCE>1\n",
        "<FILENAME>a.htm\n",
        "<TEXT>\n",
        "</TEXT>\n",
        "<XBRL>\n",
        "</XBRL>",
        "<PDF>",
        "begin 644 a.jpg\nM_]C_X\nend\n",
        "<html><body><p>Item 2.02 Results</p>",
        "<ix:header>",
        "ITEM 5. OTHER EVENTS\n",
        "FORM 8-K\n",
        "\r",
        "\x00",
        "\xff",
        "<PAGE>",
        "<TABLE><S><C>",
    ]
)


def _check_document_offsets(source: str, doc: Document) -> None:
    for pos, ch in enumerate(doc.text):
        if ch.isspace():
            continue
        s = to_source(doc, pos)
        assert s is not None and 0 <= s < len(source)
        assert normalize_chars(source[s]) == ch or source[s] == "&", (doc.index, pos, ch, source[s : s + 12])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_never_raises_on_shuffled_sgml(text: str) -> None:
    c = load(text.encode("utf-8", "surrogatepass"))
    for d in c.documents:
        _check_document_offsets(c.source, d)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_never_raises_on_any_bytes(data: bytes) -> None:
    load(data)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=3000))
def test_pipeline_parses_or_refuses_any_bytes(data: bytes) -> None:
    with contextlib.suppress(NotAFilingError):
        eightk.parse(data)


@pytest.mark.parametrize(
    "name",
    [
        "0000092122-05-000042.txt",  # PEM-wrapped SGML, co-registrants
        "feed",  # the feed dialect built from it (tests/formats/feed.py)
        "0000109446-94-000005",  # 1994 IMS
        "0001193125-25-036821",  # modern iXBRL with binary parts
        "x-2024-12-20",  # bare HTML in <pre>
        "neotherapeutics-2002-03-15",  # plain text
    ],
)
def test_offsets_map_back_into_the_source(name: str) -> None:
    c = load(FEED.read_bytes() if name == "feed" else filing_bytes(name))
    assert c.documents
    for d in c.documents:
        _check_document_offsets(c.source, d)
        if d.text:
            assert c.source.startswith(d.text.lstrip()[:1], to_source(d, len(d.text) - len(d.text.lstrip())))


def test_to_text_inverts_to_source() -> None:
    c = load(filing_bytes("0001193125-25-036821"))
    d = c.documents[0]
    i = d.text.index("Item 8.01")
    s = to_source(d, i)
    assert s is not None and c.source[s : s + 4] == "Item"
    assert to_text(d, s) == i


def test_feed_dialect_matches_the_full_submission() -> None:
    txt = eightk.parse(filing_bytes("0000092122-05-000042.txt"))
    nc = eightk.parse(FEED.read_bytes())
    assert nc.source_format == "feed" and txt.source_format == "sgml"
    assert nc.header is not None and nc.header.dialect == "tagged"
    assert nc.id == txt.id == "0000092122-05-000042"
    assert [d.type for d in nc.documents] == [d.type for d in txt.documents]
    assert [d.text for d in nc.documents] == [d.text for d in txt.documents]
    assert [i.code for i in nc.items] == [i.code for i in txt.items] == ["2.02"]


def test_pem_dash_escapes_are_undone() -> None:
    c = load(filing_bytes("0000092122-05-000042.txt"))
    assert "BEGIN PRIVACY" not in c.source and "\n- -" not in c.source
    assert c.kind == "sgml" and c.header_text and "ACCESSION NUMBER" in c.header_text


def test_binary_parts_are_skipped_not_decoded() -> None:
    c = load(filing_bytes("0001193125-25-036821"))
    skipped = {d.type: d.skipped for d in c.documents if d.skipped}
    assert skipped.get("GRAPHIC") == "uuencoded"
    assert all(not d.text for d in c.documents if d.skipped)
    zipped = b"<DOCUMENT>\n<TYPE>ZIP\n<TEXT>\nbegin 644 x.zip\nM4$L#!!0\nend\n</TEXT>\n</DOCUMENT>\n"
    pdf = b"<DOCUMENT>\n<TYPE>PDF\n<TEXT>\n<PDF>\nbegin 644 x.pdf\nMJ5!$\nend\n</PDF>\n</TEXT>\n</DOCUMENT>\n"
    c = load(zipped + pdf)
    assert [(d.type, d.format, d.skipped) for d in c.documents] == [
        ("ZIP", "binary", "uuencoded"),
        ("PDF", "pdf", "<PDF> part"),
    ]


def test_bare_document_block_and_missing_end_tags() -> None:
    data = (
        b"<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\nFORM 8-K\nItem 5. Other Events\nx\n"
        b"<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\npress release\n</TEXT>\n</DOCUMENT>\n"
    )
    c = load(data)
    assert c.kind == "document"
    assert [d.type for d in c.documents] == ["8-K", "EX-99"]
    assert "press release" not in c.documents[0].text  # the unclosed block stops at the next one
    assert any("no </TEXT>" in w for w in c.warnings)


def test_document_without_text_tag_keeps_its_first_lines() -> None:
    c = load(b"<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\nFORM 8-K\nItem 5. Other Events\n</DOCUMENT>\n")
    assert c.documents[0].text.startswith("FORM 8-K")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x00" * 10_000,
        b"<SEC-DOCUMENT>",
        b"<SEC-DOCUMENT>\n<SEC-HEADER>\nACCESSION NUMBER: 1\n",
        b"<DOCUMENT>" * 50_000,
        b"<SUBMISSION>" + b"<ITEMS>1.01\n" * 50_000,
        b"<html>" + b"<div>" * 200_000,
        b"-----BEGIN PRIVACY-ENHANCED MESSAGE-----\n" + b"- -" * 100_000,
        bytes(range(256)) * 4000,
    ],
)
def test_hostile_inputs_return_quickly(data: bytes) -> None:
    c = load(data)
    for d in c.documents:
        assert d.format in ("text", "html", "ixbrl", "xml", "pdf", "binary", "empty")
    with contextlib.suppress(NotAFilingError):
        eightk.parse(data)


def test_truncated_corpus_filings_parse_or_refuse() -> None:
    data = filing_bytes("0001193125-25-036821")
    for cut in (100, 2_000, 20_000, len(data) // 2, len(data) - 50):
        try:
            f = eightk.parse(data[:cut])
        except NotAFilingError:
            continue
        assert f.documents


def test_folder_of_files() -> None:
    parts = [
        ("d123dex991.htm", b"<html><body><p>Press release</p></body></html>"),
        ("d123d8k.htm", b"<html><body><p>FORM 8-K</p><p>Item 8.01 Other Events</p></body></html>"),
    ]
    c = load_parts(parts)
    assert [(d.type, d.filename) for d in c.documents] == [
        ("8-K", "d123d8k.htm"),
        ("EX-99.1", "d123dex991.htm"),
    ]
    assert exhibit_type_from_name("ex10-2.htm") == "EX-10.2"


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="shared corpus not available")
def test_every_corpus_file_loads_with_valid_offsets() -> None:
    files = sorted(p for s in ("dev", "unlabeled") for p in (SHARED / "corpus" / s).iterdir() if p.is_file())
    for p in files[::25]:
        c = load(Path(p).read_bytes())
        for d in c.documents:
            if d.offsets:
                assert d.offsets[1] >= d.source_start


def test_pending_documents_materialize_to_what_an_eager_load_gives() -> None:
    from tests.conftest import filing_bytes

    data = filing_bytes("0001193125-25-036821")
    eager = load(data)
    lazy = load(data, convert=lambda index, type_, sequence: index == 0)
    assert lazy.pending and 0 not in lazy.pending
    for i in lazy.pending:
        assert lazy.documents[i].text == "" and lazy.documents[i].format == eager.documents[i].format
    lazy.materialize_all()
    assert not lazy.pending
    assert lazy.documents == eager.documents
    assert lazy.facts == eager.facts
