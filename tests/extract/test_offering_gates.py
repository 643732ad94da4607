"""The candidate-position scans of offering_deals read exactly what the full patterns read."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from eightk.extract.offering_deals import (
    _GROSS,
    _MONEY_RX,
    _RATE,
    _SALE,
    _SHARES,
    _SKIP_SENT,
    _gross_iter,
    _money_iter,
    _rate_iter,
    _sale_at,
    _shares_iter,
    _skip_at,
)
from eightk.extract.offering_notes import _MONEY_CHAR as _NOTES_MONEY_CHAR
from eightk.extract.offering_notes import _SALE as _NOTES_SALE
from eightk.extract.offering_terms import _EXEMPT, _ON_START, _exempt_iter, _word_before_on
from eightk.extract.offering_text import CUE_RE, PRESS_CUE_RE

# the words and signs the patterns are built from, so random text often comes close to a match
_PIECES = [
    " ",
    "  ",
    "\n",
    ".",
    ",",
    ";",
    "(",
    ")",
    '"',
    "$",
    "U.S.",
    "US",
    "USD ",
    "EUR",
    "GBP",
    "%",
    "-",
    "_",
    "1",
    "12",
    "1,000",
    "2,500,000",
    "0.25",
    ".5",
    "million",
    "two",
    "Two",
    "hundred",
    "thousand",
    "and",
    "gross",
    "Gross",
    "proceeds",
    "aggregate",
    "purchase",
    "price",
    "of",
    "consideration",
    "for",
    "total",
    "raised",
    "financing",
    "private",
    "placement",
    "equity",
    "in",
    "exchange",
    "cash",
    "we",
    "We",
    "the",
    "Company",
    "Registrant",
    "received",
    "net",
    "offering",
    "sale",
    "its",
    "our",
    "fees",
    "shares",
    "Shares",
    "units",
    "additional",
    "new",
    "ordinary",
    "depositary",
    "common",
    "Common",
    "Stock",
    "stock",
    "preferred",
    "Series",
    "A",
    "Class",
    "per",
    "each",
    "approximately",
    "was",
    "equal",
    "to",
    "investment",
    "subscription",
    "amount",
    "x",
    "bin",
]


def _sig(ms: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in ms]  # type: ignore[attr-defined]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_scans_match_full_patterns(parts: list[str]) -> None:
    t = "".join(parts)
    assert _sig(_money_iter(t)) == _sig(_MONEY_RX.finditer(t))
    for a in range(len(t) + 1):
        if _ON_START.search(t[:a]):
            assert _word_before_on(t, a)
    for kp in (CUE_RE, PRESS_CUE_RE, _NOTES_SALE, _NOTES_MONEY_CHAR):
        assert kp.exists(t) == (kp._re.search(t) is not None)
        assert kp.exists(t, 3, len(t) - 2) == (kp._re.search(t, 3, len(t) - 2) is not None)
    if t.isascii():
        assert _sale_at(t, t.lower()) == (
            _SALE.search(t) is not None
        )  # the other scans are used on ASCII text only
        assert _sig(_gross_iter(t, t.lower())) == _sig(_GROSS.finditer(t))
        assert _sig(_shares_iter(t, t.lower())) == _sig(_SHARES.finditer(t))
        assert _sig(_rate_iter(t, t.lower())) == _sig(_RATE.finditer(t))
        assert _skip_at(t, t.lower()) == (_SKIP_SENT.search(t) is not None)
        assert _sig(_exempt_iter(t, t.lower())) == _sig(_EXEMPT.finditer(t))


def test_known_sentences() -> None:
    for t in (
        "On July 21, 2011, the Company sold two million (2,000,000) shares of its common stock at a price of "
        "twenty-five cents ($0.25) per share, for an aggregate purchase price of five hundred thousand dollars "
        "($500,000).",
        "We received $729,000, less $10,800 retained; a US$5.0 million private placement financing; gross "
        "proceeds of approximately $3.0 million; in exchange for $1,000 in cash.",
    ):
        assert _sig(_gross_iter(t, t.lower())) == _sig(_GROSS.finditer(t))
        assert _sig(_shares_iter(t, t.lower())) == _sig(_SHARES.finditer(t))
        assert _sig(_money_iter(t)) == _sig(_MONEY_RX.finditer(t))
        assert _sig(_rate_iter(t, t.lower())) == _sig(_RATE.finditer(t))
        assert re.search(r"\d", t)
