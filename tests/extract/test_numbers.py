"""Money, counts and percentages as printed in financing paragraphs (eightk.extract.numbers)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eightk.extract.numbers import (
    iter_counts,
    iter_money,
    iter_percents,
    parse_count,
    parse_money,
    words_to_int,
)


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("$5,150,000", 5_150_000, None),
        ("$5.15 million", 5_150_000, None),
        ("$1.5 billion", 1_500_000_000, None),
        ("€750,000,000", 750_000_000, "EUR"),
        ("EUR 3,500,000,000", 3_500_000_000, "EUR"),
        ("US$ 2.00", 2.0, None),
        ("$.14", 0.14, None),
        ("$ 4,450,000", 4_450_000, None),
        ("750 million euros", 750_000_000, "EUR"),
    ],
)
def test_money_forms(text: str, value: float, currency: str | None) -> None:
    a = parse_money(f"for {text} in cash")
    assert a is not None
    assert a.value == pytest.approx(value)
    assert a.currency == currency
    assert f"for {text} in cash"[a.start : a.end].strip() != ""


def test_money_span_covers_the_scale_word() -> None:
    s = "gross proceeds of approximately $3 million before fees"
    a = parse_money(s)
    assert a is not None and s[a.start : a.end] == "$3 million"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two million (2,000,000) shares", 2_000_000),
        ("2,575,000 shares", 2_575_000),
        ("8.3 million shares", 8_300_000),
        ("five hundred thousand shares", 500_000),
    ],
)
def test_counts_in_words_and_figures(text: str, value: int) -> None:
    assert parse_count(text) == value


def test_words_to_int() -> None:
    assert words_to_int("two million five hundred thousand") == 2_500_000
    assert words_to_int("not a number") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4.500% Senior Notes", 4.5),
        ("6 3/4% Notes", 6.75),
        ("6-3/4%", 6.75),
        ("10 percent", 10.0),
        ("0.250%", 0.25),
    ],
)
def test_percents(text: str, value: float) -> None:
    assert next(iter_percents(text)).value == pytest.approx(value)


@given(st.integers(min_value=1, max_value=10**12))
def test_formatted_dollars_round_trip(n: int) -> None:
    s = f"a price of ${n:,} per share"
    a = parse_money(s)
    assert a is not None and a.value == n and s[a.start : a.end] == f"${n:,}"


@given(st.text(max_size=300))
def test_never_crash_and_spans_stay_inside(text: str) -> None:
    for finder in (iter_money, iter_counts, iter_percents):
        for a in finder(text):
            assert 0 <= a.start < a.end <= len(text)


# The shared text machinery the number finders run over (eightk.extract.offering_text) is built for speed;
# these check it against the plain forms it replaces, on text made of the characters that matter to it.

_PIECES = [
    ".",
    ". ",
    ".  ",
    ";",
    "!",
    "?",
    " ",
    "\n",
    "\n\n",
    "\n \n",
    "\t",
    '"',
    "'",
    ")",
    "]",
    "(",
    "$",
    "€",
    "Inc.",
    "Co.",
    "L.P.",
    "U.S.",
    "J.",
    "approx.",
    "xapprox.",
    "Company.",
    "Ltée.",
    "_Inc.",
    "No. 5",
    "The",
    "A",
    "shares",
    "ſhares",
    "SHARES",
    "Notes due",
    "notes\tdue",
    "private  placement",
    "İ",
    "ı",
    "\u212a",
    "units_",
    "xunits",
    "warranty",
    "principal amount",
    "2024",
    "e",
    "Inc. The",
    "Co.\tA",
    "U.S. A",
    'L.P." The',
    "J.\nThe",
    "Ltd.\n \nA",
    "approx. 5",
    "Nos. 3",
    "agreement. The",
    "Ltée. The",
    "Form 8-K. The",
    "Stock.As",
    "Inc.The",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


def _reference_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence splitter as first written: one pattern, every end checked for an abbreviation."""
    from eightk.extract.offering_text import _ABBREV_TAIL, _SENT_END

    out = []
    s = start
    for m in _SENT_END.finditer(text, start, end):
        if (
            m.group(0).strip() == ""
            and "\n\n" not in m.group(0)
            and _ABBREV_TAIL.search(text, max(s, m.start() - 12), m.start())
            # "Form 8-K." ends a sentence: a form name, not an initial
            and not re.search(r"\d-[A-Z]\.[\"')\]]?$", text[max(s, m.start() - 6) : m.start()])
        ):
            continue
        if not text[s : m.start()].isspace() and m.start() > s:
            a, b = s, m.start()
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            out.append((a, b))
        s = m.end()
    if text[s:end].strip():
        a, b = s, end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        out.append((a, b))
    return out


@settings(max_examples=400)
@given(_TEXT, st.integers(0, 400), st.integers(0, 400))
def test_sentences_match_the_plain_splitter(text: str, i: int, j: int) -> None:
    from eightk.extract.offering_text import Region, sentences
    from eightk.model import Document

    # a window of the text; often all of it
    start, end = sorted((i % (len(text) + 1), j % (len(text) + 1))) if i % 3 else (0, len(text))
    doc = Document(index=0, type="8-K", text=text)
    got = [(s.start, s.end) for s in sentences(Region(doc, start, end, "body"))]
    assert got == _reference_sentences(text, start, end)


def test_sentences_keep_abbreviations_and_split_after_a_region_start() -> None:
    from eightk.extract.offering_text import Region, sentences
    from eightk.model import Document

    text = "Acme Inc. sold 5 shares to J. Smith. The closing was today.\n\nItem 9.01. Exhibits"
    doc = Document(index=0, type="8-K", text=text)
    got = [s.text for s in sentences(Region(doc, 0, len(text), "body"))]
    assert got == ["Acme Inc. sold 5 shares to J. Smith.", "The closing was today.", "Item 9.01.", "Exhibits"]
    # a region that starts right after a period: its first end is the whitespace there
    k = text.index(" The closing")
    assert next(s.text for s in sentences(Region(doc, k, len(text), "body"))) == "The closing was today."


@given(_TEXT, st.integers(-2, 400), st.one_of(st.none(), st.integers(-2, 400)))
def test_keyword_pattern_finds_what_its_regex_finds(text: str, pos: int, endpos: int | None) -> None:
    from eightk.extract.offering_text import CUE_RE, PRESS_CUE_RE

    for kp in (CUE_RE, PRESS_CUE_RE):
        rx = kp._re
        want = rx.search(text, pos) if endpos is None else rx.search(text, pos, endpos)
        got = kp.search(text, pos) if endpos is None else kp.search(text, pos, endpos)
        assert (got and got.span()) == (want and want.span())
        want_all = [
            m.span() for m in (rx.finditer(text, pos) if endpos is None else rx.finditer(text, pos, endpos))
        ]
        got_all = [
            m.span() for m in (kp.finditer(text, pos) if endpos is None else kp.finditer(text, pos, endpos))
        ]
        assert got_all == want_all
