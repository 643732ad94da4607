"""Cover page parser on real filings of every era (fixtures in tests/filings, named by accession)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eightk.model import Document, Filing
from eightk.parse import cover as cov
from eightk.parse import cover_layout as lay
from eightk.parse.cover import parse_cover
from eightk.parse.cover_address import parse_address
from eightk.pipeline import parse
from tests.conftest import filing_bytes, filing_path

MAIN = (
    "registrant_name",
    "incorporation_state",
    "commission_file_number",
    "irs_employer_id",
    "address_street",
    "address_city",
    "address_state",
    "address_zip",
    "phone",
    "report_date",
)


def _filing(name: str) -> Filing:
    return parse(filing_bytes(name), filing_path(name).stem)


BOXES = (
    "written_communications",
    "soliciting_material",
    "pre_commencement_tender_offer",
    "pre_commencement_issuer_tender_offer",
    "emerging_growth_company",
    "ex_transition_period",
)


def _check_evidence(f: Filing) -> None:
    """Every printed value has evidence whose quote is the text slice, and the quote reads as the value."""
    doc = f.documents[f.primary]
    for field in BOXES:
        if getattr(f.cover, field) is not None:
            ev = f.cover.evidence[field]
            assert doc.text[ev.start : ev.end] == ev.quote and 1 <= len(ev.quote) <= 5, field
    for field in MAIN:
        value = getattr(f.cover, field)
        if value is None:
            continue
        ev = f.cover.evidence.get(field)
        assert ev is not None, field
        assert doc.text[ev.start : ev.end] == ev.quote, field
        if field != "report_date":
            assert (
                " ".join(ev.quote.replace(",", " ").split())
                .lower()
                .startswith(" ".join(str(value).replace(",", " ").split()).lower()[:6])
            ), (field, value, ev.quote)


EXPECTED = {
    # 1994 plain text: labels above the values, no label for the name or the date.
    "0000109446-94-000005": {
        "registrant_name": "ZURN INDUSTRIES, INC.",
        "incorporation_state": "Pennsylvania",
        "commission_file_number": "1-5502",
        "irs_employer_id": "25-1040754",
        "address_street": "One Zurn Place",
        "address_city": "Erie",
        "address_state": "Pennsylvania",
        "address_zip": "16505",
        "phone": "814-452-2111",
        "report_date": "1994-03-22",
    },
    # 1996 text with TABs; "Date of Report" and "Date of earliest event reported" on separate lines.
    "0000320193-96-000027": {
        "registrant_name": "Apple Computer, Inc.",
        "incorporation_state": "California",
        "commission_file_number": "0-10030",
        "irs_employer_id": "94-2404110",
        "address_street": "1 Infinite Loop",
        "address_city": "Cupertino",
        "address_state": "California",
        "address_zip": "95014",
        "phone": "(408) 996-1010",
        "report_date": "1996-12-24",
        "former_name": None,
    },
    # 2000: "August 28,2000 (August 25,\n2000)": the earliest event wins.
    "0000914260-00-000057": {
        "registrant_name": "INNOVATIVE CLINICAL SOLUTIONS, LTD.",
        "incorporation_state": "Delaware",
        "commission_file_number": "0-27568",
        "irs_employer_id": "65-0617076",
        "address_street": "10 Dorrance Street, Suite 400",
        "address_city": "Providence",
        "address_state": "RI",
        "address_zip": "02903",
        "report_date": "2000-08-25",
        "former_name": None,
    },
    # 2005 multi-registrant table (Southern Company): the first registrant is reported.
    "0000092122-05-000042": {
        "registrant_name": "The Southern Company",
        "incorporation_state": "Delaware",
        "commission_file_number": "1-3526",
        "irs_employer_id": "58-0690070",
        "address_street": "270 Peachtree Street, N.W.",
        "address_city": "Atlanta",
        "address_state": "Georgia",
        "address_zip": "30303",
        "phone": "(404) 506-5000",
        "report_date": "2005-01-25",
        "written_communications": False,
        "pre_commencement_issuer_tender_offer": False,
    },
    # The same table as HTML, one cell per registrant.
    "0000092122-07-000008": {
        "registrant_name": "The Southern Company",
        "incorporation_state": "Delaware",
        "address_street": "30 Ivan Allen Jr. Blvd., N.W.",
        "address_city": "Atlanta",
        "address_zip": "30308",
        "phone": "(404) 506-5000",
    },
    # 2007 text, Canadian address: street words and the city on one line.
    "0001164150-07-000163": {
        "registrant_name": "ExperTelligence, Inc.",
        "incorporation_state": "Nevada",
        "address_street": "83 Stanley Road, UN 1 Box 103, RR6",
        "address_city": "Woodville",
        "address_state": "Ontario",
        "address_zip": "K0M 2T0",
        "phone": "(416) 554-6546",
        "written_communications": False,
    },
    # 2008 HTML: value and label in one cell; Wingdings "þ" is a checked box.
    "0000950135-08-005642": {
        "incorporation_state": "Delaware",
        "commission_file_number": "000-27038",
        "irs_employer_id": "94-3156479",
        "report_date": "2008-08-18",
        "written_communications": False,
        "pre_commencement_tender_offer": True,
    },
    # 2022 inline XBRL, "Tel. (949) 429-5370" and a fax line inside the address block.
    "0001171200-22-000363": {
        "registrant_name": "The Marygold Companies, Inc.",
        "address_street": "120 Calle Iglesia, Unit B",
        "address_city": "San Clemente",
        "address_state": "CA",
        "address_zip": "92672",
        "phone": "(949) 429-5370",
        "report_date": "2022-11-21",
        "emerging_growth_company": False,
    },
    # 2024 inline XBRL: printed "THE BOEING COMPANY" beats the hidden dei "BOEING CO".
    "0000012927-24-000064": {
        "registrant_name": "THE BOEING COMPANY",
        "incorporation_state": "Delaware",
        "commission_file_number": "1-442",
        "address_street": "929 Long Bridge Drive",
        "address_city": "Arlington",
        "address_state": "VA",
        "phone": "(703) 465-3500",
        "report_date": "2024-09-20",
        "emerging_growth_company": False,
        "ex_transition_period": False,
        "soliciting_material": False,
    },
    # HTML laid out with runs of spaces; an aside between the name and its label; foreign phone.
    "x-2024-12-20": {
        "registrant_name": "Liaoning Shuiyun Qinghe Rice Industry Co., Ltd.",
        "incorporation_state": "Delaware",
        "commission_file_number": "000-30432",
        "irs_employer_id": "22-2335094",
        "address_city": "Shanghai",
        "address_state": None,
        "phone": "+86-21 6605 0886",
        "report_date": "2024-12-20",
    },
    # A former address printed on two lines above its label.
    "0000320193-18-000067": {
        "registrant_name": "Apple Inc.",
        "former_name": "1 Infinite Loop, Cupertino, California 95014",
        "report_date": "2018-05-01",
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cover_values(name: str) -> None:
    f = _filing(name)
    got = {k: getattr(f.cover, k) for k in EXPECTED[name]}
    assert got == EXPECTED[name]
    _check_evidence(f)


def test_boeing_conflict_and_xbrl() -> None:
    c = _filing("0000012927-24-000064").cover
    assert c.xbrl["dei:EntityRegistrantName"] == "BOEING CO"
    assert c.xbrl["dei:DocumentPeriodEndDate"] == "2024-09-20"
    assert c.xbrl["dei:EntityIncorporationStateCountryCode"] == "DE"
    assert any(x.field == "registrant_name" and x.xbrl == "BOEING CO" for x in c.conflicts)
    assert [(s.trading_symbol, s.exchange) for s in c.securities_12b] == [("BA", "New York Stock Exchange")]


def test_co_registrants() -> None:
    c = _filing("0000092122-05-000042").cover
    assert c.co_registrants[0] == "Alabama Power Company"
    assert "Southern Power Company" in c.co_registrants
    assert "The Southern Company" not in c.co_registrants


def test_pre_2004_cover_has_no_boxes() -> None:
    c = _filing("0000320193-96-000027").cover
    assert c.written_communications is None
    assert c.emerging_growth_company is None
    assert c.securities_12b == ()


def test_address_split_without_comma() -> None:
    text = "1395 Crossman Avenue Sunnyvale, CA 94089"
    a = parse_address([(10, text)])
    assert a.street and a.street.text == "1395 Crossman Avenue"
    assert a.city and a.city.text == "Sunnyvale"
    assert a.state and a.state.text == "CA"
    assert a.zip and a.zip.text == "94089"
    assert text[a.city.start - 10 : a.city.end - 10] == "Sunnyvale"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=3000))
def test_never_crashes(text: str) -> None:
    doc = Document(index=0, type="8-K", text=text, format="text")
    cover, warnings = parse_cover(doc, [], None)
    assert not any("parser error" in w for w in warnings)
    for ev in cover.evidence.values():
        assert text[ev.start : ev.end] == ev.quote


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Delaware\t001-12345\t12-3456789",
                "(State or other jurisdiction of incorporation)\t(Commission File Number)\t(IRS Employer Identification No.)",
                "ACME CORP",
                "(Exact name of registrant as specified in its charter)",
                "100 Main Street, Springfield, Illinois 62701",
                "(Address of principal executive offices) (Zip Code)",
                "Registrant's telephone number, including area code: (217) 555-1212",
                "Date of Report (Date of earliest event reported): May 1, 2020",
                "N/A",
                "(Former name or former address, if changed since last report)",
                "☐ Written communications pursuant to Rule 425 under the Securities Act",
                "",
                "  ",
                "(",
            ]
        ),
        max_size=25,
    ),
    st.sampled_from(["text", "html"]),
)
def test_shuffled_cover_lines(lines: list[str], fmt: str) -> None:
    text = "\n".join(lines)
    doc = Document(index=0, type="8-K", text=text, format=fmt)  # type: ignore[arg-type]
    cover, warnings = parse_cover(doc, [], None)
    assert not any("parser error" in w for w in warnings)
    for ev in cover.evidence.values():
        assert text[ev.start : ev.end] == ev.quote


def test_hidden_fact_fallback_prefers_printed_form() -> None:
    from eightk.formats.html import XbrlFact

    text = "FORM 8-K\nAcme Corp\n"
    facts = [
        XbrlFact(name="dei:EntityRegistrantName", value="ACME CORP", hidden=True),
        XbrlFact(name="dei:EntityFileNumber", value="001-12345", hidden=True),
        XbrlFact(
            name="dei:DocumentPeriodEndDate",
            value="May 1, 2020",
            format="ixt:date-monthname-day-year-en",
            hidden=True,
        ),
    ]
    cover, _ = parse_cover(Document(index=0, type="8-K", text=text, format="ixbrl"), facts, None)
    assert cover.registrant_name == "Acme Corp"
    assert cover.evidence["registrant_name"].quote == "Acme Corp"
    assert cover.commission_file_number == "001-12345"  # not printed: the fact, without evidence
    assert "commission_file_number" not in cover.evidence
    assert cover.report_date == "2020-05-01"
    assert cover.xbrl["dei:DocumentPeriodEndDate"] == "2020-05-01"


# --- the speed paths read the same as the plain ones ---------------------------------------------

_SCAN_BITS = st.sampled_from(
    [
        "Emerging growth company",
        "EMERGING  GROWTH\nCOMPANY",
        "emergıng growth company",  # dotless i: re.IGNORECASE matches it to "i"
        "ſoliciting material pursuant to Rule 14a-12",  # long s
        "İf an emerging growth company, indicate by check mark",  # dotted I grows when lower-cased
        "If\u2003an emerging growth company, indicate by check mark",  # a space beyond ASCII
        "Indicate by chec\u212a mark",  # Kelvin sign: re.IGNORECASE matches it to "k"
        "Item 1.01 Entry into a Material Definitive Agreement",
        "Title of each class\tTrading Symbol(s)\tName of each exchange on which registered",
        "Telephone: (212) 555-1234",
        "Date of Report (Date of earliest event reported): May 1, 2024",
        "Café Société",  # beyond ASCII: "?" in the lower-cased copy
        "of the Exchange Act.",
        "SECURITIES\n ACT",
        "Registrant,\u2003State of Incorporation",
        "If an emerging growth company, indicate by check mark",
        "Written communications pursuant to Rule 425",
        "Pre-commencement communications pursuant to Rule 13e-4(c)",
        "extended transition period",
        "Registrant, State of Incorporation",
        "registered pursuant to Section 12(b)",
        "communication",
        "emerging",
        " ",
        "\n",
        "x",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_SCAN_BITS, max_size=12), st.integers(0, 40))
def test_case_insensitive_scans_match_plain_regex(parts: list[str], pos: int) -> None:
    c = cov
    text = "".join(parts)
    low = c._lowered(text, len(text))
    scans = [
        (c._EGC, "emerging"),
        (c._EX_TP, c._EX_TP_LOW),
        (c._LAST_COVER_PART, ("extended", "communication")),
        (c._MULTI_HEAD, "registrant"),
        (c._12B, "registered"),
        (c._MULTI_HEAD, c._MULTI_HEAD_LOW),
        (c._EX_TP_END, ("exchange", "securities")),
        *((rx, word) for _name, rx, word in c._BOXES),
    ]
    for rx, finder in scans:
        want = [m.span() for m in rx.finditer(text, pos)]
        got = [m.span() for m in c._ci_finditer(rx, finder, text, low, pos, len(text))]
        assert got == want
    words = c._Words(low, ("date", "tel"))
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if not words.may_hold(start, end):
            assert "date" not in line.lower() and "tel" not in line.lower()
        start = end + 1
    # The line jumps pass over no line the case-insensitive patterns they gate can match.
    lines = lay.build_lines(text, 0, len(text), False)
    for word_set, rx in (
        (("date", "earliest"), c._DATE_LABEL),
        (("tel", "phone"), c._PHONE_KEY),
        (("indicate", "emerging", "check", "item"), c._12B_STOP),
        (("title", "trading", "name", "registered"), c._12B_HEAD),
    ):
        held = {ln.idx for ln in c._lines_holding(lines, low, word_set)}
        assert {ln.idx for ln in lines if rx.search(ln.text.strip())} <= held
        if low is not None:
            gate = c._12B_WORDS if rx in (c._12B_STOP, c._12B_HEAD) else None
            for ln in lines:
                if rx.search(ln.text.strip()) and gate is not None:
                    assert gate.search(low, ln.start, ln.end)
    for pos in range(len(text) + 1):
        want = next((ln for ln in lines if ln.start <= pos <= ln.end), lines[-1] if lines else None)
        if lines:
            assert c._line_at(lines, pos) is want


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Item 1.01", "ITEM 2", "  Item 9.01", "Items 1 through 3", "SECTION 5", "x", "\n", " "]
        ),
        max_size=40,
    ),
    st.integers(180, 220),
)
def test_first_heading_matches_line_anchored_regex(parts: list[str], pad: int) -> None:
    c = cov
    text = "a" * pad + "".join(parts)
    m = c._END.search(text, 200, c.MAX_COVER)
    assert c._first_heading(text) == (m.start() if m else min(len(text), c.MAX_COVER))


def _split_cells_reference(raw: str, tabbed: bool) -> tuple[bool, list]:
    """The plain form of cover_layout._split_cells: every piece, then every column, counted."""
    import re

    cells: list = []
    pieces: list[tuple[int, int]] = []
    spaced = tabbed and "\t" not in raw and "   " in raw.strip()
    visual = not tabbed or spaced
    if tabbed and not spaced and "\t" not in raw:
        pieces.append((len(raw) - len(raw.lstrip()), len(raw.rstrip())))
        spans = [(0.0, 100.0)]
    elif tabbed and not spaced:
        i = 0
        for part in raw.split("\t"):
            s, e = len(part) - len(part.lstrip()), len(part.rstrip())
            if e > s:
                pieces.append((i + s, i + e))
            i += len(part) + 1
        k = len(pieces)
        spans = [(100.0 * a / k, 100.0 * (a + 1) / k) for a in range(k)]
    else:
        cols = lay._visual_cols(raw)
        i = 0
        for m in re.finditer(r" {3,}" if spaced else r"\t+| {2,}", raw):
            if m.start() > i:
                pieces.append((i, m.start()))
            i = m.end()
        if i < len(raw.rstrip()):
            pieces.append((i, len(raw.rstrip())))
        pieces = [(a + len(raw[a:b]) - len(raw[a:b].lstrip()), b) for a, b in pieces if raw[a:b].strip()]
        spans = [(float(cols[a]), float(cols[b])) for a, b in pieces]
    for (a, b), (c0, c1) in zip(pieces, spans, strict=True):
        t = raw[a:b]
        if not lay._RULE.match(t):
            cells.extend(lay._classify(t, a, c0, c1, 0))
    return visual, cells


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab(): \t\r.-1\u2003", max_size=40))
def test_split_cells_like_the_plain_split(raw: str) -> None:
    # Pieces found run by run and columns from str.expandtabs, as by counting every character.
    if not raw.strip() or lay._RULE.match(raw):
        return  # blank and rule lines are never split (_template)
    for tabbed in (False, True):
        assert lay._split_cells(raw, tabbed) == _split_cells_reference(raw, tabbed)


@pytest.mark.parametrize("tabbed", [False, True])
def test_line_templates_place_cells_like_a_fresh_split(tabbed: bool) -> None:
    text = (
        "ACME CORP\n(Exact name of registrant as specified in its charter)\n"
        "Delaware\t001-12345\t12-3456789\n"
        "(State or other jurisdiction of incorporation)\t(Commission File Number)\t(IRS Employer Identification No.)\n"
        "California (State of incorporation) 001-36743 (Commission File Number)\n"
        "Commission File Number 1-1234\n\n----\n"
    )

    def dump(lines: list) -> list:
        out = []
        for ln in lines:
            row = [ln.idx, ln.start, ln.end, ln.text, ln.visual, ln.blank]
            for c in ln.cells:
                inl = c.inline
                row.append(
                    (c.start, c.end, c.text, c.c0, c.c1, c.line, c.fields, inl and (inl.start, inl.end))
                )
                if inl is not None and inl.text:
                    assert inl in ln.cells  # the inline value is one of the line's cells
            row.append([c.text for c in ln.values])
            row.append([c.text for c in ln.labels])
            out.append(row)
        return out

    lay._TEMPLATES[tabbed].clear()
    fresh = dump(lay.build_lines(text, 0, len(text), tabbed))
    shifted = "FORM 8-K\n" + text  # the same lines again, from the templates, at other offsets
    again = dump(lay.build_lines(shifted, 9, len(shifted), tabbed))
    for a, b in zip(fresh, again, strict=True):
        assert a[0] == b[0] and a[3:6] == b[3:6]
        assert a[1] + 9 == b[1]
        for x, y in zip(a[6:-2], b[6:-2], strict=True):
            assert (x[0] + 9, x[1] + 9, *x[2:7]) == y[:7]
        assert a[-2:] == b[-2:]


@pytest.mark.parametrize(
    "text",
    [
        "Delaware 1-8787 13-2592361",
        "Delaware No. 1-8787",
        "0-27568 65-0617076",
        "ACME CORP",
        "  Acme Holdings, Inc.  ",
        "New York",
        "FORM 8-K",
        "13-2592361",
    ],
)
def test_remembered_cell_readings_shift_with_the_cell(text: str) -> None:
    # _valid remembers a reading by the cell's text; a cell elsewhere gets the same value at its span.
    fields = ("registrant_name", "incorporation_state", "commission_file_number", "irs_employer_id")
    cov._VALID.clear()
    at0 = {fd: cov._valid(fd, lay.Cell(0, len(text), text, 0.0, 1.0, 0)) for fd in fields}
    at9 = {fd: cov._valid(fd, lay.Cell(9, 9 + len(text), text, 0.0, 1.0, 3)) for fd in fields}
    for fd in fields:
        assert at0[fd] == cov._valid_in(fd, text) or at0[fd][2] == len(text)
        if at0[fd] is None:
            assert at9[fd] is None
        else:
            assert at9[fd] == (at0[fd][0], at0[fd][1] + 9, at0[fd][2] + 9)
            assert text[at0[fd][1] : at0[fd][2]].strip()


def test_remembered_box_readings_shift_with_the_text() -> None:
    body = "Written communications pursuant to Rule 425"
    for pre in ("[X] ", "☐\t", "o  ", "x\n", "(17 CFR 230.425)\n[ ]\n", "no box here "):
        cov._BOXES_BEFORE.clear()
        for pad in ("", "abc\n", "z" * 50 + "\n"):
            text = pad + pre + body
            pos = len(pad) + len(pre)
            got = cov._box_before(text, pos, 0)
            s = max(0, pos - 40)
            want = cov._box_before_in(text[s:pos])
            assert got == (None if want is None else (want[0], s + want[1], s + want[2]))


@pytest.mark.parametrize(
    "texts",
    [
        ["929 Long Bridge Drive, Arlington, VA", "22202"],
        ["ONE BOWERMAN DRIVE", "BEAVERTON, OR 97005-6453"],
        ["1400 Smith Street", "Houston,", "TX", "77002"],
        ["1395 Crossman Avenue Sunnyvale, CA 94089"],
        ["83 Stanley Road, UN 1 Box 103, RR6 Woodville,", "Ontario K0M 2T0"],
        ["No. 8 Road, Shanghai, China"],
    ],
)
def test_remembered_addresses_read_like_parse_address(texts: list[str]) -> None:
    cov._ADDRESSES.clear()
    for starts in ([0, 100, 200, 300], [5000, 40, 9, 70000]):
        cells = list(zip(starts, texts, strict=False))
        for _ in range(2):  # read, then remembered
            assert cov._parse_address(cells) == parse_address(cells)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "(212) 555-1234",
                "212.555.1234",
                "555-1234",
                "+1 212 555 1234",
                "ext. 12",
                "Fax",
                "FAX:",
                "fax",
                "Facsimile",
                "TELECOPIER",
                "٣٤٥٦",
                "1",
                "-",
                " ",
                "\t",
                "(",
                ")",
                "x",
                "Tel",
                "é",
            ]
        ),
        max_size=10,
    )
)
def test_phone_and_fax_gates_read_like_the_regexes(parts: list[str]) -> None:
    t = "".join(parts)
    want = cov.PHONE.search(t)
    got = cov._phone_search(t)
    assert (got and got.span()) == (want and want.span())
    assert cov._has_fax(t) == (cov._FAX.search(t) is not None)
