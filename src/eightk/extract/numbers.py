"""Money, share counts, percentages and numbers in words, as printed in financing paragraphs.

Every finder returns the value with the ``[start, end)`` span of the words it was read from, so the
caller can quote them as evidence. Nothing here computes a value the text does not state: "$5.15 million"
is 5,150,000 because the words say so, but a price is never derived from proceeds and a count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

try:  # spoken numbers ("two million"); optional so a broken install only loses the word forms
    from text_to_num import text2num as _text2num
except ImportError:  # pragma: no cover
    _text2num = None

SCALES = {
    "thousand": 1_000,
    "million": 1_000_000,
    "mm": 1_000_000,
    "m": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}

# Currency markers before an amount; the value is the ISO code (None = US dollars).
_CUR_PREFIX = {
    "$": None,
    "us$": None,
    "u.s.$": None,
    "usd": None,
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
    "jpy": "JPY",
    "chf": "CHF",
    "c$": "CAD",
    "cad": "CAD",
    "cdn$": "CAD",
    "a$": "AUD",
    "aud": "AUD",
}
_CUR_RE = r"(?:U\.?S\.?\s?\$|C\$|CDN\$|A\$|\$|€|£|¥|(?:USD|EUR|GBP|JPY|CHF|CAD|AUD)\s?)"
_NUM_RE = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_SCALE_RE = r"(?:\s?(?:thousand|million|billion|trillion)\b|\s?(?:mm|bn)\b|[MB]\b)"
MONEY_RE = re.compile(rf"(?P<cur>{_CUR_RE})\s?(?P<num>{_NUM_RE})(?P<scale>{_SCALE_RE})?", re.I)
# "5,000,000 euros", "EUR" after the number is rare in 8-Ks; "750 million euros"
MONEY_SUFFIX_RE = re.compile(
    rf"(?P<num>{_NUM_RE})(?P<scale>{_SCALE_RE})?\s(?P<cur>euros?|dollars|pounds sterling)\b", re.I
)

_WORD_NUM = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"thousand|million|billion)"
)
WORDS_RE = re.compile(rf"\b{_WORD_NUM}(?:[\s-]+(?:and[\s-]+)?{_WORD_NUM})*\b", re.I)
# "two million (2,000,000)" -> the figure in brackets is the value; the words are part of the quote
WORDS_FIG_RE = re.compile(
    rf"(?P<words>\b{_WORD_NUM}(?:[\s-]+(?:and[\s-]+)?{_WORD_NUM})*)\s*\((?P<fig>{_NUM_RE})\)", re.I
)
PLAIN_NUM_RE = re.compile(
    rf"(?<![\w.$€£¥])(?P<num>{_NUM_RE})(?P<scale>\s(?:thousand|million|billion)\b)?", re.I
)

# "4.500%", "6 3/4%", "6-3/4%", "4.5 percent", "10% per annum"
PERCENT_RE = re.compile(
    r"(?P<whole>\d{1,2})(?:(?P<dec>\.\d+)|[\s-]+(?P<fn>\d)/(?P<fd>\d{1,2}))?\s?(?:%|percent\b|per\s?cent\b)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Amount:
    value: float
    start: int
    end: int
    currency: str | None = None  # ISO code when not USD


def to_decimal(num: str) -> Decimal | None:
    try:
        return Decimal(num.replace(",", ""))
    except InvalidOperation:
        return None


def _scaled(num: str, scale: str | None) -> float | None:
    d = to_decimal(num)
    if d is None:
        return None
    if scale:
        s = scale.strip().lower()
        mult = SCALES.get(s)
        if mult is None:
            return None
        d *= mult
    return float(d)


_SPACE = re.compile(r"\s")
_WORD_SEP = re.compile(r"[\s-]+")


def _currency(marker: str) -> str | None:
    m = _SPACE.sub("", marker.lower())
    if m.endswith("euros") or m == "euro":
        return "EUR"
    if m.startswith("pounds"):
        return "GBP"
    if m == "dollars":
        return None
    return _CUR_PREFIX.get(m)


def iter_money(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Amount]:
    """Money amounts in ``text[pos:endpos]`` in order: "$5,150,000", "$5.15 million", "€750,000,000"."""
    end = len(text) if endpos is None else endpos
    found: list[Amount] = []
    for m in MONEY_RE.finditer(text, pos, end):
        scale = m.group("scale")
        # "$2.00 M" is rare; a bare capital M/B after a price is more often a following word
        if scale and scale.strip() in ("M", "B") and "." not in m.group("num") and "," in m.group("num"):
            scale = None
        v = _scaled(m.group("num"), scale)
        if v is None:
            continue
        e = m.end() if scale else m.start("scale") if m.group("scale") else m.end()
        found.append(Amount(v, m.start(), e, _currency(m.group("cur"))))
    for m in MONEY_SUFFIX_RE.finditer(text, pos, end):
        if any(a.start <= m.start() < a.end for a in found):
            continue
        v = _scaled(m.group("num"), m.group("scale"))
        if v is not None:
            found.append(Amount(v, m.start(), m.end(), _currency(m.group("cur"))))
    found.sort(key=lambda a: a.start)
    yield from found


def parse_money(s: str) -> Amount | None:
    """The first money amount in ``s``."""
    return next(iter_money(s), None)


def words_to_int(words: str) -> int | None:
    """ "two million five hundred thousand" -> 2500000; None when the words are not a number."""
    if _text2num is None:
        return None
    w = _WORD_SEP.sub(" ", words.strip().lower()).replace(" and ", " ")
    try:
        return int(_text2num(w, "en"))
    except (ValueError, TypeError):
        return None


def iter_counts(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Amount]:
    """Plain counts (no currency) in figures or words: "2,575,000", "2.5 million", "two million (2,000,000)"."""
    end = len(text) if endpos is None else endpos
    found: list[Amount] = []
    for m in WORDS_FIG_RE.finditer(text, pos, end):
        d = to_decimal(m.group("fig"))
        if d is not None:
            found.append(Amount(float(d), m.start(), m.end()))
    for m in PLAIN_NUM_RE.finditer(text, pos, end):
        if any(a.start <= m.start() < a.end for a in found):
            continue
        v = _scaled(m.group("num"), m.group("scale"))
        if v is not None:
            found.append(Amount(v, m.start(), m.end()))
    for m in WORDS_RE.finditer(text, pos, end):
        if any(a.start <= m.start() < a.end or m.start() <= a.start < m.end() for a in found):
            continue
        v = words_to_int(m.group(0))
        if v is not None:
            found.append(Amount(float(v), m.start(), m.end()))
    found.sort(key=lambda a: a.start)
    yield from found


def parse_count(s: str) -> int | None:
    a = next(iter_counts(s), None)
    return int(a.value) if a and a.value == int(a.value) else None


def iter_percents(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Amount]:
    """Percentages: "4.500%" -> 4.5, "6 3/4%" -> 6.75, "10 percent" -> 10."""
    end = len(text) if endpos is None else endpos
    for m in PERCENT_RE.finditer(text, pos, end):
        v = float(m.group("whole"))
        if m.group("dec"):
            v = float(m.group("whole") + m.group("dec"))
        elif m.group("fn"):
            den = int(m.group("fd"))
            if den == 0:
                continue
            v += int(m.group("fn")) / den
        yield Amount(v, m.start(), m.end())


def parse_percent(s: str) -> float | None:
    a = next(iter_percents(s), None)
    return a.value if a else None
