"""Signature blocks on real filings of several eras, plus small synthetic layouts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import eightk
from eightk.model import Document, Filing
from eightk.parse.signatures import find_block, find_signatures
from tests.conftest import filing_bytes


def _parse(name: str) -> Filing:
    return eightk.parse(filing_bytes(name), name)


def _sig(f: Filing) -> list[tuple[str, str | None, str | None]]:
    return [(s.name, s.title, s.date) for s in f.signatures]


def _check_evidence(f: Filing) -> None:
    for s in f.signatures:
        for ev in s.evidence.values():
            assert f.documents[ev.document].text[ev.start : ev.end] == ev.quote


def test_2002_seed_name_title_labels_with_wrapped_title() -> None:
    f = _parse("neotherapeutics-2002-03-15")
    assert _sig(f) == [
        (
            "Samuel Gulko",
            "Senior Vice President, Finance, Chief Financial Officer, Secretary and Treasurer",
            "2002-03-26",
        )
    ]
    s = f.signatures[0]
    assert s.evidence["name"].quote == "Samuel Gulko"
    assert s.evidence["date"].quote == "March 26, 2002"
    assert s.evidence["title"].quote.startswith("Senior Vice President, Finance, Chief\n")
    assert s.registrant == "NEOTHERAPEUTICS, INC."
    _check_evidence(f)


def test_1994_slash_s_in_its_own_column_then_name_and_title_labels() -> None:
    f = _parse("0000950144-94-000103")
    assert _sig(f) == [
        ("William S. Ghegan", "Vice President and Controller and Chief Accounting Officer", "1994-01-24")
    ]
    _check_evidence(f)


def test_1994_ims_date_cell_before_signature() -> None:
    f = _parse("0000109446-94-000005")
    assert _sig(f) == [("William A. Freeman", "President", "1994-03-22")]
    assert f.signatures[0].evidence["name"].quote == "William A. Freeman"


def test_1996_typed_name_with_trailing_comma_and_date_after() -> None:
    f = _parse("0000320193-96-000027")
    assert _sig(f) == [
        ("Fred D. Anderson", "Executive Vice President and Chief Financial Officer", "1996-12-24")
    ]
    assert f.signatures[0].evidence["name"].quote == "Fred D. Anderson"
    _check_evidence(f)


def test_1998_by_without_slash_s_and_no_date() -> None:
    f = _parse("0001000685-98-000008")
    assert _sig(f) == [("Bruce J. Feldman", "President and Chief Executive Officer", None)]
    _check_evidence(f)


def test_1998_printed_name_wins_over_conformed_signature() -> None:
    # "By: /s/ Herb Glaubman" / "Herbert Glaubman, President"; the exhibit index below is not a signer.
    f = _parse("0000703901-98-000003")
    assert _sig(f) == [("Herbert Glaubman", "President", "1998-01-26")]


def test_2002_no_heading_typo_in_date_and_its_title() -> None:
    f = _parse("0001012870-02-001163")
    assert _sig(f) == [("Alex Chi-Ming Hui", "President and Chief Executive Officer", "2002-03-12")]
    s = f.signatures[0]
    assert s.evidence["date"].quote == "Marcxh 12, 2002"
    assert s.evidence["title"].quote.startswith("President and Chief Executive")
    _check_evidence(f)


def test_2005_two_registrants_two_signers_one_date() -> None:
    f = _parse("0000092122-05-000042")
    assert _sig(f) == [
        ("W. Dean Hudson", "Comptroller", "2005-01-25"),
        ("Wayne Boston", "Assistant Secretary", "2005-01-25"),
    ]
    assert f.signatures[0].registrant == "THE SOUTHERN COMPANY"
    assert f.signatures[1].registrant == "SOUTHERN POWER COMPANY"


def test_2007_whole_signer_on_one_line() -> None:
    # "By /s/W. Ron Hinson W. Ron Hinson Comptroller"
    f = _parse("0000092122-07-000008")
    assert _sig(f) == [
        ("W. Ron Hinson", "Comptroller", "2007-01-25"),
        ("Wayne Boston", "Assistant Secretary", "2007-01-25"),
    ]
    _check_evidence(f)


def test_2006_html_two_signers() -> None:
    f = _parse("0001193125-06-074824")
    assert _sig(f) == [
        ("Alex Hui", "President and CEO", "2005-04-06"),
        ("Angela Chen", "Chief Financial Officer", "2005-04-06"),
    ]


def test_2010_name_and_title_labels_in_html() -> None:
    f = _parse("0000950123-10-080629")
    assert _sig(f) == [
        (
            "Judy Bruner",
            "Executive Vice President, Administration and Chief Financial Officer "
            "(Principal Financial and Accounting Officer)",
            "2010-08-25",
        )
    ]


def test_2018_html_table_by_cell() -> None:
    f = _parse("0000320193-18-000142")
    assert _sig(f) == [("Luca Maestri", "Senior Vice President, Chief Financial Officer", "2018-11-01")]
    assert f.signatures[0].evidence["date"].quote == "November 1, 2018"
    _check_evidence(f)


def test_2024_dated_after_the_title() -> None:
    f = _parse("0000012927-24-000064")
    assert _sig(f) == [
        ("John C. Demers", "Vice President, Assistant General Counsel and Corporate Secretary", "2024-09-20")
    ]


def _doc(text: str) -> Document:
    return Document(index=0, type="8-K", text=text)


def test_synthetic_spaced_heading_and_name_title_on_one_line() -> None:
    text = (
        "Item 5. Other Events.\nNothing.\n\n                      S I G N A T U R E S\n\n"
        "Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly\n"
        "caused this report to be signed on its behalf by the undersigned hereunto duly authorized.\n\n"
        "                                   ACME CORP.\n"
        "Date: July 1, 1999                 By: /s/ Jane Q. Doe\n"
        "                                   Jane Q. Doe, President and\n"
        "                                   Chief Executive Officer\n\n"
        "                               EXHIBIT INDEX\n99.1   Press release\n"
    )
    sigs, w = find_signatures(_doc(text), [], "ACME CORP.")
    assert [(s.name, s.title, s.date) for s in sigs] == [
        ("Jane Q. Doe", "President and Chief Executive Officer", "1999-07-01")
    ]
    assert w == []


def test_synthetic_table_of_contents_signature_entry_is_skipped() -> None:
    text = (
        "SIGNATURE\nEXHIBIT LIST\nItem 2.02 Results\n" + "Results were announced. " * 10 + "\nSIGNATURE\n"
        "Pursuant to the requirements of the Securities Exchange Act of 1934, the Registrant has duly caused "
        "this report to be signed on its behalf by the undersigned hereunto duly authorized.\n"
        "Dated: June 19, 2014\tBy:\t/S/ WILLIAM COREY WEST\n"
        "William Corey West Senior Vice President, Corporate Controller and Chief Accounting Officer\n"
    )
    span = find_block(text)
    assert span is not None and text[span[0] :].startswith("SIGNATURE\nPursuant")
    sigs, _ = find_signatures(_doc(text), [], None)
    assert [(s.name, s.title, s.date) for s in sigs] == [
        (
            "William Corey West",
            "Senior Vice President, Corporate Controller and Chief Accounting Officer",
            "2014-06-19",
        )
    ]


def test_no_block_warns() -> None:
    sigs, w = find_signatures(_doc("Item 8.01 Other Events.\nNothing to sign.\n"), [], None)
    assert sigs == [] and w == ["no signature block found"]


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("SIGNATURE\n\t /s/ByName:Title:Date:JaneDoePresident,March 1 2002.-")),
        max_size=400,
    )
)
def test_never_raises_and_evidence_matches(text: str) -> None:
    sigs, _ = find_signatures(_doc("SIGNATURES\n" + text), [], None)
    full = "SIGNATURES\n" + text
    for s in sigs:
        for ev in s.evidence.values():
            assert full[ev.start : ev.end] == ev.quote


def test_synthetic_side_by_side_signers_with_label_cells() -> None:
    text = (
        "SIGNATURES\nPursuant to the requirements of the Securities Exchange Act of 1934, the registrant has "
        "duly caused this report to be signed on its behalf by the undersigned hereunto duly authorized.\n"
        "ACME INC.\tACME SUB LLC\nBy:\t/s/ Jane Roe\tBy:\t/s/ John Smith\n"
        "Name:\tJane Roe\tName:\tJohn Smith\nTitle:\tPresident\tTitle:\tTreasurer\nDate: May 5, 2010\n"
    )
    sigs, _ = find_signatures(_doc(text), [], "ACME INC.")
    assert [(s.name, s.title, s.date) for s in sigs] == [
        ("Jane Roe", "President", "2010-05-05"),
        ("John Smith", "Treasurer", "2010-05-05"),
    ]
    for s in sigs:
        for ev in s.evidence.values():
            assert text[ev.start : ev.end] == ev.quote


def test_synthetic_typed_signer_and_date_in_the_sentence() -> None:
    text = (
        "SIGNATURES\nPursuant to the requirements of the Securities Exchange Act of 1934, the registrant has "
        "duly caused this report to be signed on its behalf by the undersigned, thereunto duly authorized, "
        "on March 3, 2002.\n\n   ACME INC.\n   (Registrant)\n\n   JOHN DOE\n   ---------\n   John Doe, President\n"
    )
    sigs, _ = find_signatures(_doc(text), [], "ACME INC.")
    assert [(s.name, s.title, s.date) for s in sigs] == [("John Doe", "President", "2002-03-03")]


# The fast word-list tests and the date gate must answer exactly like the regexes they stand for.
_WORDY = st.lists(
    st.sampled_from(
        [
            "John",
            "Smith",
            "President",
            "PRESIDENT",
            "In-House",
            "in-house",
            "Counsel",
            "L.L.C.",
            "L.P.",
            "N.V.",
            "S.A.",
            "U.S.A.",
            "Inc",
            "Inc.",
            "INC",
            "Co",
            "Corp.",
            "Preſident",
            "ınc",
            "Kelvin",
            "Vice-",
            "_VP",
            "VP2",
            "CFO",
            "Group",
            "March 5, 2002",
            "3/5/02",
            "ſep 5, 2002",
            "Date:",
            "/s/",
            " ",
            ", ",
            "-",
            "\t",
            "é",
            "x",
        ]
    ),
    max_size=12,
).map(" ".join)


@given(st.one_of(_WORDY, st.text(max_size=30)))
@settings(max_examples=500, deadline=None)
def test_word_list_tests_equal_the_regexes(s: str) -> None:
    from eightk.parse import signatures as sg

    assert sg._has_title_word(s) == bool(sg._TITLE_WORDS.search(s))
    assert sg._has_company_word(s) == bool(sg._COMPANY_WORDS.search(s))


@given(st.one_of(_WORDY, st.text(max_size=30)))
@settings(max_examples=500, deadline=None)
def test_date_gate_never_hides_a_date_at_the_cell_start(s: str) -> None:
    from eightk.parse import signatures as sg
    from eightk.parse.dates import find_date

    try:
        d = find_date(s, 0, len(s))
    except KeyError:  # find_date fails on "ſep 5, 2002" (a month spelled with a long s): not this test's
        return
    if d and d[1] <= 2:
        assert sg._DATE_NEAR.match(s, 0, len(s))


@given(
    st.lists(
        st.sampled_from(
            [
                "authorized",
                "AUTHORIZED.",
                "authorızed.",
                "undersigned:",
                "perſon.",
                "person",
                " officer",
                " ",
                ".",
                ":",
                "\n",
                "thereunto",
                "hereunto.",
                "İ",
                "x",
                "duly authorised officer.",
            ]
        ),
        max_size=14,
    ).map("".join),
    st.integers(min_value=0, max_value=5),
)
@settings(max_examples=500, deadline=None)
def test_para_end_equals_the_search(text: str, pos: int) -> None:
    from eightk.parse import signatures as sg

    a, b = sg._PARA_END_FAST.search(text, pos, len(text)), sg._PARA_END.search(text, pos, len(text))
    assert (a and a.span()) == (b and b.span())


# The first-character gates in front of the label patterns (speed): every character that can start a
# match passes its gate, checked over the first 0x3000 code points with the rest of a likely match.
def _starts(rx, tails: list[str]) -> set[str]:  # type: ignore[no-untyped-def]
    out = set()
    for c in range(0x3000):
        ch = chr(c)
        if any(rx.fullmatch(ch + t) or rx.match(ch + t) for t in tails):
            out.add(ch)
    return out


def test_first_character_gates_admit_every_match_start() -> None:
    from eightk.parse import signatures as s

    cases = [
        (s._DATE_LABEL, "Dd", False, ["ate", "ated:", "ATE:"]),
        (s._DATE_WORD, s._SKIP_FIRST, True, ["ate", "ate)", "Date)"]),
        (s._PAGE, s._SKIP_FIRST, True, ["", "1", "age 1", " 2 -", "i", "12 13"]),
        (s._SKIP, s._SKIP_FIRST, True, ["egistrant", "ignature", "ate", "egistrant)", "Date):"]),
        (s._SIGNATURE_LABEL, "Ss", True, ["ignature:", "IGNATURE :"]),
        (s._BY, "Bb", False, ["y", "y:", "Y :"]),
        (s._SLASH_S, "/\\S", False, ["s/", "S/", "/", "s\\", "S\\"]),
        (s._NAME_LABEL, "NnPp", False, ["ame:", "rint Name:", "rinted Name:", "AME :"]),
        (s._TITLE_WORD_ALONE, "TI", False, ["itle", "ts", "itle:", "ts:"]),
        (s._TITLE_LABEL, "TtIi", True, ["itle:", "ts:", "itle\t", "TS :"]),
    ]
    for rx, gate, odd_ok, tails in cases:
        bad = [c for c in _starts(rx, tails) if c not in gate and not (odd_ok and not c.isascii())]
        assert not bad, (rx.pattern, bad)
    # _RULE: a cell of rule characters only (cells are stripped, never empty).
    for c in map(chr, range(0x3000)):
        if s._RULE.fullmatch(c):
            assert c in s._SKIP_FIRST or not c.isascii()
    # _STOP and the cell border: the first character past white space, and the border's white space.
    for c in _starts(s._STOP, ["XHIBIT INDEX", "TEM 1", "able of Contents", "PAGE>", "OR IMMEDIATE RELEASE"]):
        assert c in s._STOP_FIRST or not c.isascii()
    for c in map(chr, range(0x3000)):
        if c != "\n" and c.isspace() and c != " ":
            assert not (c * 3).isprintable()
