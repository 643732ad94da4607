"""Debt offerings: one record per series of notes ("$500,000,000 aggregate principal amount of its
4.500% Senior Notes due 2030"), as big issuers report them under Items 1.01, 2.03 and 8.01.

A series is keyed by (coupon, maturity year) so that the same series named again (in the exhibit list,
in the maturity paragraph, or as the existing series a reopening adds to) is counted once; the first
mention that carries a principal amount wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as _date

from eightk.extract.numbers import MONEY_RE, iter_percents, parse_money
from eightk.extract.offering_text import Sentence
from eightk.model import Evidence
from eightk.parse.casefold import KeywordPattern
from eightk.parse.dates import iter_dates

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_RATE = r"(?P<rate>\d{1,2}(?:\.\d{1,4})?(?:[\s-]+\d/\d{1,2})?\s?(?:%|percent\b))"
_FILLER = r"(?:(?!(?:of|and|the|in|aggregate|principal|amount|its|our|due)\b)[A-Za-z][\w-]*\s+){0,4}?"
_NOTE_NAME = (
    rf"(?P<name>\b(?:{_RATE}\s+|(?P<float>(?:Fixed[\s-]to[\s-])?Floating[\s-]Rate\s+))?{_FILLER}"
    rf"(?P<kind>Notes?|Debentures?|Bonds?)"
    rf"(?:\s+(?:due|Due|DUE|maturing\s+in)\s+(?:{_MONTH}\s+(?:\d{{1,2}},?\s+)?)?(?P<year>(?:19|20)\d{{2}}))?)"
)
_MONEY = r"(?P<money>(?:U\.?S\.?\s?\$|\$|€|£|¥|(?:USD|EUR|GBP|JPY|CHF)\s?)\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d|[.,]\d)(?:\s?(?:thousand|million|billion)\b)?)"
_POSS = r"(?:(?:its|our|their|the\s+(?:Company|Registrant|Issuer|Corporation)'s|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}'s)\s+)?"

# every _MONEY starts with one of these (case-insensitively): "US$", "U.S. $", "USD", "$", ...
_MONEY_STEMS = ("us", "u.s", "$", "€", "£", "¥", "eur", "gbp", "jpy", "chf")

# "$500,000,000 aggregate principal amount of its 4.500% Senior Notes due 2030"; "$300,000,000 6 3/4% Notes due ..."
_A = KeywordPattern(
    re.compile(
        rf"{_MONEY}\s+(?:(?:(?:in\s+)?(?:the\s+|an\s+)?(?:aggregate\s+)?(?:original\s+)?principal\s+amount\s+)?of\s+{_POSS})?{_NOTE_NAME}",
        re.I,
    ),
    _MONEY_STEMS,
)
# "its 4.405% Notes Due 2027 in the aggregate principal amount of $750,000,000"
_C = re.compile(
    rf"{_NOTE_NAME}\s+in\s+(?:the\s+|an\s+)?aggregate\s+principal\s+amount\s+of\s+{_MONEY}",
    re.I,
)
# "$1,000,000,000 in aggregate principal amount that bear interest at the rate of 6.259% per annum and will
# mature on May 1, 2027"
_D = re.compile(
    rf"{_MONEY}\s+in\s+aggregate\s+principal\s+amount\s+that\s+bears?\s+interest\s+at\s+(?:the\s+|a\s+)?rate\s+of\s+"
    rf"{_RATE}\s+per\s+annum\s+and\s+(?:will\s+)?matures?\s+on\s+{_MONTH}\s+\d{{1,2}},?\s+(?P<year>(?:19|20)\d{{2}})",
    re.I,
)
# Exhibit list: "4.2  Form of 4.700% Note due 2026", "Form of Note for the 6.259% Senior Notes due 2027"
_F = KeywordPattern(
    re.compile(rf"\bForm\s+of\s+(?:Global\s+)?(?:Notes?\s+for\s+(?:the\s+)?)?{_NOTE_NAME}", re.I), ("form",)
)

_HISTORY = re.compile(
    r"\b(?:repay|repayment|redeem|redemption|repurchase|tender(?:ed)?|exchange\s+offer|retire|refinanc\w*|"
    r"existing|previously\s+issued|outstanding|purchase\s+price\s+for|consent\s+solicitation)\b",
    re.I,
)
_SALE = KeywordPattern(
    re.compile(
        r"\b(?:offer\w*|issu\w*|sale|sold|sell|priced|pricing|complet\w*|closed|consummat\w*|underwrit\w*|"
        r"purchase\s+agreement|placement)\b",
        re.I,
    ),
    (
        "offer",
        "issu",
        "sale",
        "sold",
        "sell",
        "pric",
        "complet",
        "closed",
        "consummat",
        "underwrit",
        "purchase",
        "placement",
    ),
)


_MONEY_CHAR = KeywordPattern(
    re.compile(r"[$€£¥]|\b(?:USD|EUR|GBP|JPY|CHF)\b", re.I),
    ("$", "€", "£", "¥", "usd", "eur", "gbp", "jpy", "chf"),
)


@dataclass
class Series:
    key: tuple[float | str | None, int | None]
    security: str
    principal: tuple[float, Evidence] | None = None
    rate: tuple[float, Evidence] | None = None
    floating: bool = False
    currency: tuple[str, Evidence] | None = None
    maturity_year: tuple[int, Evidence] | None = None
    from_exhibit_list: bool = False
    evidence: dict[str, Evidence] = field(default_factory=dict)


def _rate_value(s: str) -> float | None:
    for a in iter_percents(s):
        return a.value
    return None


def find_series(
    sents: list[Sentence], exhibit_sents: list[Sentence], ref: _date | None = None
) -> list[Series]:
    found: dict[tuple, Series] = {}
    order: list[tuple] = []
    for s in sents:
        # cheap gates: every series is named by a figure, a kind word and a currency sign (the kind word
        # first: a plain substring test, where the two patterns would scan every sentence)
        tl = s.low
        if not ("note" in tl or "debenture" in tl or "bond" in tl):
            continue
        t = s.text
        if not _MONEY_CHAR.exists(t) or not _SALE.exists(t):
            continue
        for m in _A.finditer(t):
            _add(found, order, s, m, t, exhibit=False)
        if "principal" in tl:
            # _C says "aggregate principal amount" (a plain test first, exact on ASCII text)
            for m in _C.finditer(t) if ("aggregate" in tl or not t.isascii()) else ():
                _add(found, order, s, m, t, exhibit=False)
            if "annum" in tl:  # _D says "per annum"
                for m in _D.finditer(t):
                    _add(found, order, s, m, t, exhibit=False)
    for s in exhibit_sents:
        if "form" not in s.low:
            continue
        t = s.text
        for m in _F.finditer(t):
            _add(found, order, s, m, t, exhibit=True)
    out = [found[k] for k in order]
    if len(out) == 1 and out[0].principal is not None:
        _closed_total(sents, out[0])
    if any(x.from_exhibit_list and x.currency is None for x in out):
        _exhibit_currency(sents, out)
    return out


# "As previously disclosed, on July 10, 2023, the Company entered into a Securities Purchase Agreement ...
# to sell ... $340,000,000 in aggregate principal amount of 0% senior convertible notes due 2025": a paragraph
# that opens by recalling a dated earlier report tells history, sentence by sentence, unless a sentence reports
# a completion ("closed", "issued") (silver xt-012)
_HISTORY_OPEN = re.compile(
    r"\s*As\s+previously\s+(?:disclosed|reported|announced)\b[^.;]{0,40}?\b(?:on|dated)\s+", re.I
)
_DONE_NOW = re.compile(r"\b(?:completed|closed|consummated|issued|sold)\b", re.I)


def history_paragraph(s: Sentence, ref: _date | None) -> bool:
    """The paragraph opens "As previously disclosed, on <date>," with a date more than a month before the
    report (the latest date the document states when the report date is unknown), and this sentence reports
    no completion."""
    text = s.region.doc.text
    para = text.rfind("\n", 0, s.start) + 1
    if "reviously" not in text[para : para + 16]:
        return False
    m = _HISTORY_OPEN.match(text, para)
    if m is None or _DONE_NOW.search(text, s.start, s.end):
        return False
    d = iter_dates(text, m.end(), min(len(text), m.end() + 30))
    if not d or d[0][1] != m.end():
        return False
    then = _date.fromisoformat(d[0][0])
    if ref is None:
        later = [x[0] for x in iter_dates(text)]
        ref = _date.fromisoformat(max(later)) if later else None
    return ref is not None and (ref - then).days > 31


# "the documents included as (1) Exhibits 1.1, 4.1, 4.2, 4.3 and 4.4 relating to €3,500,000,000 aggregate
# principal amount of debt securities of the Registrant (the "Euro Notes")" (0001104659-25-010555): the forms
# of notes filed as those exhibits are that currency's series
_EXHIBITS_CURRENCY = re.compile(
    r"\bExhibits?\s+(?P<nums>(?:\d{1,3}\.\d{1,3}(?:\s*,\s*(?:and\s+)?|\s+and\s+))*\d{1,3}\.\d{1,3})\s+"
    r"(?:relating|related|relate)\s+to\s+(?:the\s+)?(?P<cur>€|£|¥|EUR\b|GBP\b|JPY\b|CHF\b)\s?\d"
)
_CURRENCY_CODE = {"€": "EUR", "£": "GBP", "¥": "JPY", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CHF": "CHF"}
_EXHIBIT_NO_BEFORE = re.compile(r"(?:^|\n)\s*(\d{1,3}\.\d{1,3})\s*$")


def _exhibit_currency(sents: list[Sentence], series: list[Series]) -> None:
    groups: dict[str, tuple[str, Evidence]] = {}
    for s in sents:
        t = s.text
        if "xhibit" not in t:
            continue
        for m in _EXHIBITS_CURRENCY.finditer(t):
            code = _CURRENCY_CODE[m.group("cur")]
            ev = s.ev(m.start("cur"), m.end("cur"))
            for n in re.findall(r"\d{1,3}\.\d{1,3}", m.group("nums")):
                groups.setdefault(n, (code, ev))
    if not groups:
        return
    for ser in series:
        q = ser.evidence.get("security")
        if not ser.from_exhibit_list or ser.currency is not None or q is None:
            continue
        doc_text = _doc_text_of(sents, q)
        if doc_text is None:
            continue
        line_start = doc_text.rfind("\n", 0, q.start) + 1
        m = _EXHIBIT_NO_BEFORE.search(doc_text, max(0, line_start - 1), q.start) or re.match(
            r"\s*(\d{1,3}\.\d{1,3})\b", doc_text[line_start : q.start]
        )
        if m and m.group(1) in groups:
            ser.currency = groups[m.group(1)]


def _doc_text_of(sents: list[Sentence], q: Evidence) -> str | None:
    for s in sents:
        if s.region.doc.index == q.document:
            return s.region.doc.text
    return None


# "On October 24, 2011, Nuance closed the sale of $690 million aggregate principal amount of the
# Debentures, including the exercise of the Initial Purchasers' over-allotment option in full": the
# amount closed (0000950123-11-091518, 0000950135-07-005171), not the base amount of the agreement
_CLOSED_TOTAL = re.compile(
    rf"\b(?:(?:closed|completed|consummated)\s+(?:the\s+|its\s+)?(?:sale|issuance|offering|placement)\s+of|issued\s+and\s+sold|sold)\s+"
    rf"(?:an\s+aggregate\s+of\s+)?{_MONEY}\s+(?:in\s+)?aggregate\s+principal\s+amount\s+of\s+(?:the|such|its)\s+"
    r"(?:[A-Z][\w-]*\s+){0,4}?(?:Notes|Debentures)\b,?\s+(?:which\s+)?includ(?:ing|es|ed)\s+(?:\$[\d.,]+\s+(?:million\s+)?\w+\s+)?"
    r"(?:[\w'-]+\s+){0,6}?(?:over-?allotment|option\s+to\s+purchase\s+additional|additional\s+(?:notes|debentures))",
    re.I,
)


def _closed_total(sents: list[Sentence], ser: Series) -> None:
    assert ser.principal is not None
    for s in sents:
        if "llotment" not in s.text and "dditional" not in s.text:
            continue
        m = _CLOSED_TOTAL.search(s.text)
        if m:
            a = parse_money(m.group("money"))
            if a is not None and a.value > ser.principal[0] and not a.currency:
                ser.principal = (a.value, s.ev(m.start("money"), m.end("money")))
            return


_KIND_WORD = re.compile(r"\b(?:notes?|debentures?|bonds?)\b", re.I)
_FLOATING = re.compile(r"floating", re.I)
_CONVERTIBLE = re.compile(r"\bconvertible\b", re.I)
_FIXED = re.compile(r"fixed", re.I)


def _name_ev(s: Sentence, m: re.Match[str]) -> Evidence:
    if m.groupdict().get("name"):
        return s.ev(m.start("name"), m.end("name"))
    # "$10,000,000,000 ... of senior notes consisting of (1) $1,000,000,000 in aggregate principal amount
    # that bear interest ...": the series is named by the last "notes" before it
    words = list(_KIND_WORD.finditer(s.text[: m.start()]))
    if words:
        return s.ev(words[-1].start(), words[-1].end())
    return s.ev(m.start(), m.end())


def _add(found: dict, order: list, s: Sentence, m: re.Match[str], t: str, *, exhibit: bool) -> None:
    gd = m.groupdict()
    year = int(gd["year"]) if gd.get("year") else None
    rate = _rate_value(gd["rate"]) if gd.get("rate") else None
    name = gd.get("name") or ""
    floating = bool(_FLOATING.search(name))
    if year is None:
        return  # "$1.5 billion aggregate principal amount of senior notes, consisting of ...": a total
    if rate is None and not floating:
        return
    if rate is not None and rate > 25:
        return
    if not exhibit:
        pre = t[max(0, m.start() - 110) : m.start()]
        # "to redeem its $500,000,000 5% Notes due 2026": an existing series, not this offering
        if _HISTORY.search(pre):
            return
    kind = "convertible_notes" if _CONVERTIBLE.search(name) else "notes"
    key = (rate if rate is not None else ("ftf" if _FIXED.search(name) else "float"), year)
    ser = found.get(key)
    if ser is not None and "security" not in ser.evidence:
        ser.evidence["security"] = _name_ev(s, m)
    if ser is None:
        if exhibit and found and any(x.principal for x in found.values()):
            return  # the exhibit list only names series already found in the text, or unrelated forms
        ser = Series(key=key, security=kind, floating=floating, from_exhibit_list=exhibit)
        ser.evidence["security"] = _name_ev(s, m)
        found[key] = ser
        order.append(key)
    if gd.get("money") and ser.principal is None:
        a = parse_money(gd["money"])
        if a is not None:
            ms, me = m.start("money"), m.end("money")
            ser.principal = (a.value, s.ev(ms, me))
            if a.currency:
                ser.currency = (a.currency, s.ev(ms, ms + 1 if t[ms] in "€£¥" else ms + 3))
    if rate is not None and ser.rate is None:
        ser.rate = (rate, s.ev(m.start("rate"), m.end("rate")))
    if ser.maturity_year is None:
        ser.maturity_year = (year, s.ev(m.start("year"), m.end("year")))


__all__ = ["MONEY_RE", "Series", "find_series", "history_paragraph"]
