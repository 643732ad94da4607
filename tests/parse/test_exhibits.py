"""Exhibit lists on real filings of several eras, plus small synthetic layouts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import eightk
from eightk.model import Document, Filing
from eightk.parse.exhibits import find_exhibits
from tests.conftest import filing_bytes


def _parse(name: str) -> Filing:
    return eightk.parse(filing_bytes(name), name)


def _check_evidence(f: Filing) -> None:
    for e in f.exhibits:
        for ev in e.evidence.values():
            doc = f.documents[ev.document]
            assert doc.text[ev.start : ev.end] == ev.quote


def test_1996_text_list_links_ex99_document_to_99_1() -> None:
    # Item 7 "(c) Exhibits / 99.1 Text of press release"; the attachment is typed EX-99.
    f = _parse("0000320193-96-000027")
    assert [e.number for e in f.exhibits] == ["99.1"]
    e = f.exhibits[0]
    assert e.description == "Text of press release dated December 20, 1996."
    assert e.document == 1 and f.documents[1].type == "EX-99"
    assert e.evidence["number"].quote == "99.1"
    _check_evidence(f)
    assert not [w for w in f.warnings if "exhibit" in w]


def test_1994_lettered_numbers_as_printed_and_mismatch_warnings() -> None:
    f = _parse("0000950144-94-000103")
    assert [e.number for e in f.exhibits] == ["12(c)", "12(d)", "24(d)", "24(e)", "99(a)", "99(b)"]
    by = {e.number: e for e in f.exhibits}
    assert f.documents[by["12(c)"].document].type == "EX-12.(C)"  # type: ignore[index]
    assert by["24(d)"].document is None  # filed as EX-23.(D): listed and attached numbers disagree
    assert by["24(d)"].description == "Consent of Price Waterhouse"
    assert "exhibits listed but not attached: 24(d), 24(e)" in f.warnings
    assert "exhibit documents attached but not listed: EX-23.(D), EX-23.(E)" in f.warnings
    _check_evidence(f)


def test_1998_index_of_not_applicable_categories_is_empty() -> None:
    # "INDEX TO EXHIBITS (1) Underwriting agreement / Not Applicable. ... (99) Additional Exhibits / None."
    f = _parse("0000703901-98-000003")
    assert f.exhibits == ()


def test_1998_index_after_signatures_with_incorporated_exhibits() -> None:
    # Item 7 holds the acquired company's financial statements, then "(c) Exhibits".
    f = _parse("0000891020-98-001352")
    assert [e.number for e in f.exhibits] == ["2.1", "23.1", "99.1"]
    assert f.exhibits[1].description == "Independent Auditors' Consent"
    assert f.documents[f.exhibits[1].document].type == "EX-23.1"  # type: ignore[index]
    # 2.1 and 99.1 are incorporated by reference: not attached, and no warning for that.
    assert not [w for w in f.warnings if "listed but not attached" in w]
    _check_evidence(f)


def test_2002_exhibit_index_with_bare_majors() -> None:
    # "(c) Exhibits. The exhibits ... are incorporated by reference to the exhibit index" then "4." and "99."
    f = _parse("0001012870-02-001163")
    assert [e.number for e in f.exhibits] == ["4", "99"]
    assert f.exhibits[0].description is not None
    assert f.exhibits[0].description.startswith("Rights Agreement between Pericom Semiconductor")


def test_2005_standalone_exhibits_heading_with_exhibit_prefix() -> None:
    f = _parse("0000092122-05-000042")
    assert [e.number for e in f.exhibits] == ["99.01", "99.02", "99.03", "99.04", "99.05", "99.06"]
    assert [f.documents[e.document].type for e in f.exhibits if e.document is not None] == [
        "EX-99.01",
        "EX-99.02",
        "EX-99.03",
        "EX-99.04",
        "EX-99.05",
        "EX-99.06",
    ]
    assert f.exhibits[0].evidence["description"].quote == "Press Release."
    _check_evidence(f)


def test_2006_exhibits_none() -> None:
    f = _parse("0001193125-06-074824")
    assert f.exhibits == ()


def test_2007_table_of_contents_does_not_hide_the_real_list() -> None:
    # The TOC repeats "Item 9.01 ... Ex-99.1"; the real list under the second Item 9.01 also has 2.1.
    f = _parse("0000950135-07-002616")
    assert [e.number for e in f.exhibits] == ["2.1", "99.1"]
    assert f.exhibits[1].description == "Press Release dated April 25, 2007 by Nuance Communications, Inc."
    _check_evidence(f)


def test_2010_exhibit_index_after_signature_when_item_body_is_a_toc() -> None:
    f = _parse("0000950123-10-080629")
    assert [e.number for e in f.exhibits] == ["1.1", "4.1", "5.1", "23.1"]
    assert f.exhibits[2].description == "Opinion of Jones Day"


def test_2024_xbrl_only_attachments_and_no_list_is_empty() -> None:
    f = _parse("0000012927-24-000064")
    assert f.exhibits == ()


def test_2025_modern_table_with_cover_page_104() -> None:
    f = _parse("0001193125-25-036821")
    nums = [e.number for e in f.exhibits]
    assert nums == ["1.1", "4.1", "4.2", "4.3", "5.1", "5.2", "23.1", "23.2", "104"]
    by = {e.number: e for e in f.exhibits}
    assert f.documents[by["5.2"].document].type == "EX-5.2"  # type: ignore[index]
    assert by["104"].document is None
    assert (
        by["104"].description
        == "Cover Page Interactive Data File (embedded within the Inline XBRL document)."
    )
    # 4.1 is incorporated by reference and 4.3 is contained in 4.2: neither is reported missing.
    assert not [w for w in f.warnings if "listed but not attached" in w]
    _check_evidence(f)


def _doc(text: str, index: int = 0, type_: str = "8-K") -> Document:
    return Document(index=index, type=type_, text=text)


def test_synthetic_layouts() -> None:
    text = (
        "Item 8.01 Other Events.\nA copy is attached as Exhibit 99.1 to this report.\n"
        "Item 9.01 Financial Statements and Exhibits.\n(d) Exhibits.\nExhibit No.\tDescription\n"
        "\u2002 2.1*\tStock Purchase Agreement\n10.1*#\tCredit Agreement\nExhibit 99..2\tEmail\n"
        "EX-104\tCover Page Interactive Data File\n*\tSchedules omitted.\nSIGNATURES\n"
    )
    ex, w = find_exhibits(_doc(text), [], [_doc(text)])
    assert [e.number for e in ex] == ["2.1", "10.1", "99.2", "104"]
    assert w == []


def test_synthetic_ranges_and_merged_cells() -> None:
    text = "Item 9.01 Financial Statements and Exhibits.\n(d) Exhibits\n3.1 99.1\tCertificate Press Release\n"
    ex, _ = find_exhibits(_doc(text), [], [])
    assert [e.number for e in ex] == ["3.1", "99.1"]
    text = "ITEM 7. FINANCIAL STATEMENTS AND EXHIBITS\n(c) Exhibits\n99.1 through 99.3   Monthly reports\n"
    ex, _ = find_exhibits(_doc(text), [], [])
    assert [e.number for e in ex] == ["99.1", "99.2", "99.3"]


def test_no_list_falls_back_to_attachments() -> None:
    main = _doc("Item 8.01 Other Events.\nSomething happened.\n")
    docs = [main, _doc("x", 1, "EX-99.1"), _doc("y", 2, "EX-101.SCH"), _doc("z", 3, "GRAPHIC")]
    ex, w = find_exhibits(main, [], docs)
    assert [(e.number, e.document) for e in ex] == [("99.1", 1)]
    assert w == []


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Item 9.01Exhibits()\t\n 99.1-abcXYZ*:.EX-104")), max_size=400))
def test_never_raises_and_evidence_matches(text: str) -> None:
    doc = _doc(text)
    ex, _w = find_exhibits(doc, [], [doc])
    for e in ex:
        for ev in e.evidence.values():
            assert text[ev.start : ev.end] == ev.quote


def test_synthetic_number_and_description_on_separate_lines() -> None:
    text = (
        "Item 9.01 Financial Statements and Exhibits.\n(d) Exhibits\nExhibit No.\nDescription\n99.1\n"
        "Press release dated May 1, 2024\nExhibit 104\nCover Page Interactive Data File\n2\nSIGNATURES\n"
    )
    ex, _ = find_exhibits(_doc(text), [], [])
    assert [(e.number, e.description) for e in ex] == [
        ("99.1", "Press release dated May 1, 2024"),
        ("104", "Cover Page Interactive Data File"),
    ]


@given(
    st.lists(
        st.sampled_from(
            [" ", "\t", "  ", "Page", "12", "1", "E", "P", "x", ".", " . . ", "\u2003", "é", "٣"]
        ),
        max_size=12,
    ).map("".join)
)
@settings(max_examples=500, deadline=None)
def test_page_tail_gate_equals_the_search(s: str) -> None:
    from eightk.parse import exhibits as ex

    a, b = ex._page_tail(s, 0, len(s)), ex._PAGE_TAIL.search(s, 0, len(s))
    assert (a and a.span()) == (b and b.span())


@given(
    st.lists(
        st.sampled_from(["ITEM", "Item", "Exhibit", "SIGNATURE", "x", " ", "\n", "\n\n"]), max_size=20
    ).map("".join),
    st.integers(min_value=0, max_value=10),
)
@settings(max_examples=300, deadline=None)
def test_line_spans_cache_gives_the_plain_scan(text: str, start: int) -> None:
    from eightk.parse.exhibits import line_spans

    def plain(needles: tuple[str, ...], start: int = 0) -> list[tuple[int, int]]:
        seen, out = set(), []
        for nd in needles:
            i = text.find(nd, start)
            while i >= 0:
                ls = text.rfind("\n", 0, i) + 1
                le = text.find("\n", i)
                le = len(text) if le < 0 else le
                if ls not in seen:
                    seen.add(ls)
                    out.append((ls, le))
                i = text.find(nd, le)
        return sorted(out)

    for needles in (("ITEM", "Item"), ("Exhibit",), ("SIGNATURE", "Item", "x")):
        assert line_spans(text, needles) == plain(needles)
        assert line_spans(text, needles) == plain(needles)  # from the cache
        assert line_spans(text, needles, start) == plain(needles, start)


def test_list_line_gates_admit_every_match_start() -> None:
    """The first-character gates _parse_list puts in front of its heading and entry patterns (speed)."""
    from eightk.parse import exhibits as e

    def starts(rx, tails):  # type: ignore[no-untyped-def]
        return {chr(c) for c in range(0x3000) if any(rx.match(chr(c) + t) for t in tails)}

    cases = [
        (e._SIG_HEAD, "Ss", ["IGNATURES", "ignature", "IGNATURE:"]),
        (e._INDEX_HEAD, "EeIiLl", ["XHIBIT INDEX", "NDEX TO EXHIBITS", "IST OF EXHIBITS", "xhibit index"]),
        (e._ITEM_HEAD, "Ii>*-", ["TEM 9.01", "tem 1", " ITEM 1", "TEMS 7"]),
        (e._ENTRY, "Ee(", ["1\tFoo", "X-99.1 Foo", "xhibit 99.1  Foo", "1) Foo", ".1 Foo", "9.1\tFoo"]),
        (e._ALONE, "Ee", ["X 99", "xhibit 99.1", ".1", "9.1"]),
        (e._MULTI, "", [" 99.1\t", "9.1 99.2\t", ".1 99.2\t"]),
    ]
    for rx, gate, tails in cases:
        bad = [
            c
            for c in starts(rx, tails)
            if c not in gate and c.isascii() and not c.isdigit() and not c.isspace()
        ]
        assert not bad, (rx.pattern, bad)
