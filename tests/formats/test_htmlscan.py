"""The compiled HTML tokenizer (``_htmlscan``) gives exactly what the Python reference gives.

Identical means every field: the text, the offset anchors and every field of every XBRL fact. The
Python version (``html_to_text_py``) is the specification; the compiled one only has to be faster.
CI sets ``EIGHTK_REQUIRE_COMPILED=1`` so that a build that silently fell back to Python fails there.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eightk.formats import html as H
from eightk.formats.decode import decode

FILINGS = Path(__file__).parent.parent / "filings"

compiled = pytest.mark.skipif(
    H._htmlscan is None, reason="the compiled tokenizer is not built (no C compiler)"
)


def _both(src: str, base: int = 0) -> None:
    ref = H.html_to_text_py(src, base)
    got = H._htmlscan.html_to_text(src, base)
    assert type(got) is H.HtmlText
    assert type(got.text) is str
    assert got.text == ref.text
    assert got.offsets == ref.offsets
    assert [dataclasses.astuple(f) for f in got.facts] == [dataclasses.astuple(f) for f in ref.facts]


def test_compiled_tokenizer_is_active_when_required() -> None:
    if os.environ.get("EIGHTK_REQUIRE_COMPILED", "") in ("", "0"):
        pytest.skip("EIGHTK_REQUIRE_COMPILED is not set")
    assert H._htmlscan is not None, "eightk.formats._htmlscan was not built: is a C compiler installed?"
    assert H.TOKENIZER == "compiled"
    assert H.html_to_text is H._htmlscan.html_to_text


@compiled
@pytest.mark.parametrize("path", sorted(FILINGS.iterdir()), ids=lambda p: p.name)
def test_same_on_fixture_filings(path: Path) -> None:
    # The whole submission, SGML envelope included: the tokenizers must agree on any string.
    _both(decode(path.read_bytes()), 17)


@compiled
@pytest.mark.parametrize(
    "src",
    [
        "",
        "plain words",
        " lead and trail ",
        "<p>Item&nbsp;2.02</p><table><tr><td>Delaware</td><td>000-1</td></tr></table><p>x</p>",
        "<HTML><HEAD><TITLE>x</TITLE><BODY><P>Item 5. Other Events",
        "<p>a</p><pre>  Item 5.   Other\n    Events &amp; &#8217;x&#10;</pre><p>b</p>",
        "<img alt=\"a > b\">x<a title='<p>'>y</a>",
        '<font face=Arial">z</font> w',
        "<!-- unterminated comment <p>x",
        "<![CDATA[ unterminated <p>x",
        "<!-->x-->y<!--->z",
        '</>a</ b>c<?pi x?>d<!DOCTYPE html>e</a x=">" <f>',
        "<a<b>x</a<b>",
        "<script>if (a<b) {}</SCRIPT >after<style/>still",
        "AT&T &amp &#12345678; &#x110000; &#0; &#1; &bogus; &NotEqualTilde; &#xA0;&nbsp",
        "a\r\nb\fc\vd\u00a0e\x00f\u2003g\x1ch",
        "\u2003",
        "<td>\x1c</td>",
        "<body><ix:header><ix:hidden><ix:nonNumeric name='dei:A' contextRef=c>&lt;x&gt;</ix:nonNumeric>"
        "</ix:hidden></ix:header><ix:nonNumeric name=\"dei:B\" format='ixt:num'></ix:nonNumeric>"
        "<IX:NONFRACTION NAME='us-gaap:C' scale='3' sign='-'>1,0<b>00</b></IX:NONFRACTION>",
        "<ix:nonNumeric name='dei:Open'>never closed <ix:nonFraction name='x'/>",
        "x<ix:nonNumeric name='empty'></ix:nonNumeric><p>y<ix:nonNumeric name='e2'><b></b></ix:nonNumeric>",
        "<head><ix:header><ix:nonNumeric name='h'>kept",
        "<bloc\u212aquote>kelvin</bloc\u212aquote><SPAN>x</SPAN><İ>y",
        "<p>\u00e9t\u00e9 \u2019quoted\u2019 \U0001f600</p>",
    ],
)
def test_same_on_edge_cases(src: str) -> None:
    _both(src)
    _both(src, 1_000_000)


@compiled
@pytest.mark.parametrize("size", [65535, 65536, 65537])
@pytest.mark.parametrize("quote", ['"', "'"])
def test_same_around_the_quoted_value_bound(size: int, quote: str) -> None:
    # _SPLIT bounds a quoted attribute value at 64 KiB: a longer one is not a value.
    value = ("v<>" * size)[:size]
    _both(f"a<span title={quote}{value}{quote}>b</span>c<p>d")
    _both(f"a<span title= \t{quote}{value}")


# Markup from pieces chosen to hit every branch of the tokenizer and of the state machine.
_NAMES = st.sampled_from(
    [
        "p", "P", "div", "Div", "br", "td", "TD", "th", "tr", "TR", "table", "Table", "pre", "PRE", "body",
        "BODY", "head", "Head", "title", "script", "SCRIPT", "style", "xml", "textarea", "noscript",
        "template", "ix:header", "IX:HEADER", "ix:hidden", "ix:nonNumeric", "IX:NONNUMERIC", "ix:nonFraction",
        "ix:nonfraction", "span", "font", "b", "a", "blockquote", "bloc\u212aquote", "h1", "li", "x<y", "é",
        "a\x00", "a\u00a0b", "a\vb", "verylongtagnamethatisnotinthetable",
    ]
)  # fmt: skip
_ATTR = st.sampled_from(
    [
        "", " ", " x", " x=1", ' name="dei:DocumentType"', " name='dei:X'", " NAME=\"n\"", ' contextRef="c-1"',
        ' format="ixt:num-dot-decimal"', " scale='3'", ' sign="-"', ' x="unclosed', " x='unclosed", " x= \"v\"",
        " x=\t'a>b'", ' "', " '", " =", " ==", " a=b=c", ' style="a<b"', " /", " x=\"\"", " name=\"\"",
        ' title="&amp;"', " x=\"\n\"", " \v", " é='ü'",
    ]
)  # fmt: skip
_TEXT = st.text(
    alphabet=st.sampled_from(
        [*"abcXYZ019 ;#&<>=/!?-[]\"'", *"\t\n\r\f\v\u00a0\x00\x1c\u2003", *"é\u2019\u201c\U0001f600\u3000\x85"]
    ),
    max_size=12,
)  # fmt: skip
_ENTITIES = st.sampled_from(
    [
        "&nbsp;", "&nbsp", "&#160;", "&#xa0;", "&#xA0;", "&nbsp;&nbsp;", "&#160;&#160;", "&amp;", "&amp", "&lt;",
        "&#8217;", "&#x2019;", "&#10;", "&#13;", "&#9;", "&#0;", "&#1;", "&#12345678;", "&#9999999;",
        "&#x110000;", "&#xFFFFFF;", "&#xD800;", "&bogus;", "&NotEqualTilde;", "&acE;", "&a", "&#", "&#x",
        "&#x;", "&;", "& ", "&AMP;", "&Tab;", "&NewLine;", "&zwnj;",
    ]
)  # fmt: skip
_SPECIAL = st.sampled_from(
    [
        "<!--", "-->", "--", "<!-- c -->", "<![CDATA[", "]]>", "<![CDATA[x]]>", "<!DOCTYPE html>", "<?xml x?>",
        "</>", "</ p>", "<", ">", "< p>", "<!", "<?", "</", "<!x", "<a", "<a ", "<p/>", "<br/>", "<td/>",
    ]
)  # fmt: skip
# Well-formed pieces that open and close the states (facts, hidden facts, cells, <pre>) often.
_STATES = st.sampled_from(
    [
        "<ix:nonNumeric name='dei:N' contextRef='c'>", "</ix:nonNumeric>", "<ix:nonFraction name='n' scale='3'>",
        "</ix:nonFraction>", "<ix:header>", "</ix:header>", "<head>", "</head>", "<body>", "<td>", "</td>",
        "<tr>", "<table>", "<p>", "</p>", "<pre>", "</pre>", "<script>", "</script>", "<span>",
    ]
)  # fmt: skip


@st.composite
def _tag(draw: st.DrawFn) -> str:
    name = draw(_NAMES)
    kind = draw(st.integers(0, 2))
    attrs = "".join(draw(st.lists(_ATTR, max_size=3)))
    if kind == 0:
        return f"<{name}{attrs}>"
    if kind == 1:
        return f"</{name}{attrs}>"
    return f"<{name}{attrs}/>"


_MARKUP = st.lists(st.one_of(_tag(), _TEXT, _ENTITIES, _SPECIAL, _STATES, _STATES), max_size=40).map("".join)


@compiled
@settings(
    max_examples=int(os.environ.get("EIGHTK_HYPOTHESIS_EXAMPLES", "500")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(_MARKUP, st.integers(0, 10**9))
def test_same_on_generated_markup(src: str, base: int) -> None:
    _both(src, base)


@compiled
@settings(max_examples=int(os.environ.get("EIGHTK_HYPOTHESIS_EXAMPLES", "500")), deadline=None)
@given(st.text(max_size=200))
def test_same_on_any_text(src: str) -> None:
    _both(src)
