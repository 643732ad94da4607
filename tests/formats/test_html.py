"""html_to_text: never raises, same words as an HTML5 parser (selectolax), offsets back to the source."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from eightk.formats.decode import normalize_chars
from eightk.formats.html import html_to_text
from eightk.formats.offsets import to_source
from eightk.model import Document

# ---------------------------------------------------------------- random markup
_WORD = st.text(alphabet="abcXYZ0123456789.,;:()$%'\"-/=?!", min_size=1, max_size=8)
_SPACE = st.sampled_from([" ", "  ", "\n", "\n  ", "\t", " \n\t "])
_ENTITY = st.sampled_from(
    ["&amp;", "&lt;", "&gt;", "&nbsp;", "&#160;", "&#8217;", "&#x2014;", "&quot;", "&copy;", "& ", "&#8194;"]
)
_TEXT = st.lists(st.one_of(_WORD, _SPACE, _ENTITY), min_size=1, max_size=6).map("".join)
_INLINE = ["span", "b", "i", "font", "a", "u", "sup", "strong", "em", "small", "SPAN", "Font"]
_BLOCK = ["p", "div", "center", "h1", "li", "ul", "blockquote", "P", "DIV"]
_ATTRS = st.sampled_from(
    [
        "",
        ' style="font-family:Times New Roman; margin:0pt"',
        " class=x",
        ' title="a > b < c"',
        " data-x='<b>quoted</b>'",
        ' align="center" ',
        " id=a1 /",
    ]
)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    tag = st.sampled_from(_INLINE + _BLOCK)
    return st.builds(lambda t, a, inner: f"<{t}{a}>{inner}</{t}>", tag, _ATTRS, children)


def _table(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    cell = st.builds(lambda a, inner: f"<td{a}>{inner}</td>", _ATTRS, children)
    row = st.lists(cell, min_size=1, max_size=3).map(lambda cs: "<tr>" + "".join(cs) + "</tr>")
    return st.lists(row, min_size=1, max_size=3).map(lambda rs: "<table>" + "\n".join(rs) + "</table>")


_VOID = st.sampled_from(
    ["<br>", "<br/>", "<BR>", "<hr>", "<img src='x.jpg' alt=\"a>b\">", "<!-- a <b> comment -->"]
)
_NODE = st.recursive(
    st.one_of(_TEXT, _VOID),
    lambda kids: st.one_of(
        _element(st.lists(kids, max_size=4).map("".join)),
        _table(st.lists(kids, max_size=3).map("".join)),
    ),
    max_leaves=25,
)
_DOC = st.lists(_NODE, min_size=1, max_size=6).map("".join)


def _breaks(text: str) -> tuple[str, set[int]]:
    """Non-blank characters of ``text`` and the positions (in that stream) where a word ends."""
    words = normalize_chars(text).split()
    out, k = set(), 0
    for w in words:
        k += len(w)
        out.add(k)
    return "".join(words), out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOC)
def test_words_match_an_html5_parser(markup: str) -> None:
    ours = html_to_text(markup).text
    tree = HTMLParser(markup)
    root = tree.body if tree.body is not None else tree.root
    dense = root.text(separator="") if root is not None else ""
    spaced = root.text(separator=" ") if root is not None else ""
    chars_ours, b_ours = _breaks(ours)
    chars_dense, b_dense = _breaks(dense)
    chars_spaced, b_spaced = _breaks(spaced)
    # Same characters in the same order...
    assert chars_ours == chars_dense == chars_spaced
    # ...and words split no finer than every text node apart, no coarser than white space alone.
    assert b_dense <= b_ours <= b_spaced


def _check_offsets(src: str, text: str, offsets: tuple[int, ...]) -> None:
    doc = Document(index=0, type="X", text=text, offsets=offsets)
    assert list(offsets[0::2]) == sorted(offsets[0::2])
    for pos, ch in enumerate(text):
        if ch.isspace():
            continue
        s = to_source(doc, pos)
        assert s is not None and 0 <= s < len(src), (pos, s)
        # A copied character maps to itself; a decoded entity maps to its "&".
        assert normalize_chars(src[s]) == normalize_chars(ch) or src[s] == "&", (pos, ch, src[s : s + 10])


@settings(max_examples=300, deadline=None)
@given(_DOC)
def test_offsets_map_every_character_back_to_the_source(markup: str) -> None:
    ht = html_to_text(markup)
    _check_offsets(markup, ht.text, ht.offsets)


@settings(max_examples=100, deadline=None)
@given(_DOC, st.integers(min_value=0, max_value=5000))
def test_offsets_honour_base(markup: str, base: int) -> None:
    a = html_to_text(markup)
    b = html_to_text(markup, base=base)
    assert a.text == b.text
    assert b.offsets[1::2] == tuple(x + base for x in a.offsets[1::2])


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from([*list("<>/!-&#;\"'= abp\n\tx:[]"), "<p>", "</td>", "<td>", "<ix:header>", "<pre>"])
    ).map("".join)
)
def test_never_raises_on_markup_soup(src: str) -> None:
    ht = html_to_text(src)
    assert len(ht.offsets) % 2 == 0
    _check_offsets(src, ht.text, ht.offsets)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(src: str) -> None:
    ht = html_to_text(src)
    assert all(o >= 0 for o in ht.offsets)


def test_blocks_cells_and_rows() -> None:
    ht = html_to_text("<p>Item&nbsp;2.02</p><table><tr><td>Delaware</td><td>000-1</td></tr></table><p>x</p>")
    assert ht.text == "Item 2.02\nDelaware\t000-1\nx"


def test_short_cell_keeps_its_paragraphs_on_one_line() -> None:
    ht = html_to_text("<table><tr><td><p>(State of</p><p>incorporation)</p></td><td>x</td></tr></table>")
    assert ht.text == "(State of incorporation)\tx"


def test_script_style_head_and_ix_header_are_not_text() -> None:
    src = (
        "<html><head><title>T</title><style>p {x:1}</style></head><body>"
        "<script>if (a<b) { x = '</p>'; }</script>"
        '<div style="display:none"><ix:header><ix:hidden>'
        '<ix:nonNumeric name="dei:EntityCentralIndexKey" contextRef="c">0000887919</ix:nonNumeric>'
        "</ix:hidden></ix:header></div>"
        '<p>Name: <ix:nonNumeric name="dei:EntityRegistrantName" contextRef="c">ACME &amp; CO</ix:nonNumeric></p>'
        "</body></html>"
    )
    ht = html_to_text(src)
    assert ht.text == "Name: ACME & CO"
    hidden, shown = ht.facts
    assert (hidden.name, hidden.value, hidden.hidden, hidden.start) == (
        "dei:EntityCentralIndexKey",
        "0000887919",
        True,
        -1,
    )
    assert (shown.name, shown.value, shown.hidden) == ("dei:EntityRegistrantName", "ACME & CO", False)
    assert ht.text[shown.start : shown.end] == "ACME & CO"


def test_head_without_end_tag_ends_at_body() -> None:
    assert (
        html_to_text("<HTML><HEAD><TITLE>x</TITLE><BODY><P>Item 5. Other Events").text
        == "Item 5. Other Events"
    )


def test_pre_keeps_layout() -> None:
    ht = html_to_text("<p>a</p><pre>  Item 5.   Other\n    Events</pre><p>b</p>")
    assert ht.text == "a\n  Item 5.   Other\n    Events\nb"


def test_quoted_greater_than_does_not_end_a_tag() -> None:
    assert html_to_text("<img alt=\"a > b\">x<a title='<p>'>y</a>").text == "xy"
    # A quote that does not follow "=" is an ordinary character (HTML5), not an opening quote.
    assert html_to_text('<font face=Arial">z</font> w').text == "z w"


def test_adversarial_inputs_stay_linear() -> None:
    # Each of these made a backtracking tag regex rescan the rest of the input at every "<".
    for src in (
        '<a x="' * 50_000,
        "<" * 200_000,
        "<a " + "b=" * 100_000,
        "<!--" * 50_000,
        "<div>" * 100_000 + "x" + "</div>" * 100_000,
        "&#" * 100_000 + "&amp" * 50_000,
        "<table><tr><td>" * 30_000,
        "<ix:header>" * 10_000 + "x",
        "<p " + "'" * 100_000 + ">",
    ):
        ht = html_to_text(src)
        _check_offsets(src, ht.text, ht.offsets)


def test_deep_nesting_and_unclosed_facts() -> None:
    src = '<ix:nonNumeric name="dei:DocumentType">8-K' + "<span>" * 5000 + "more"
    ht = html_to_text(src)
    assert ht.text == "8-Kmore"
    assert ht.facts[0].value == "8-Kmore" and ht.text[ht.facts[0].start : ht.facts[0].end] == "8-Kmore"


def test_collapsed_white_space_restarts_the_map() -> None:
    src = "<p>alpha   beta\n\n  gamma</p>"
    ht = html_to_text(src)
    assert ht.text == "alpha beta gamma"
    doc = Document(index=0, type="X", text=ht.text, offsets=ht.offsets)
    for word in ("alpha", "beta", "gamma"):
        i = ht.text.index(word)
        s = to_source(doc, i)
        assert s is not None and src[s : s + len(word)] == word
    assert re.search("gamma", ht.text)


def test_self_closing_and_fact_attributes_read_from_the_tag() -> None:
    # Self-closing <script/> and <head/> open nothing; fact attributes come from the tag itself.
    src = (
        '<script/>A <HEAD/>B <ix:nonNumeric name="dei:DocumentType" format=\'ixt:x\' contextRef="c1">'
        '8-K</ix:nonNumeric> <ix:nonFraction name="us-gaap:X" scale="3" sign="-"/>C'
    )
    ht = html_to_text(src)
    assert ht.text == "A B 8-K C"
    doc_type, empty = ht.facts
    assert (doc_type.name, doc_type.value, doc_type.format, doc_type.context) == (
        "dei:DocumentType",
        "8-K",
        "ixt:x",
        "c1",
    )
    assert ht.text[doc_type.start : doc_type.end] == "8-K"
    assert (empty.name, empty.scale, empty.sign, empty.value) == ("us-gaap:X", "3", "-", "")
