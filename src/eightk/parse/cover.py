"""The cover page of an 8-K: registrant, incorporation, file number, EIN, address, phone, report date.

Every era prints the same fields next to the same labels (see :mod:`eightk.parse.cover_layout`), so
the parser reads values by their labels, in this order of trust:

1. inline XBRL facts shown on the page (2019+): the tagged text *is* the printed value, with its span;
2. the printed layout: the value cell in the label's column above (or below, or after) the label;
3. hidden ``dei:`` facts, only when the printed cover does not show the field (no span then).

The SEC header only helps to find the printed registrant name on covers that print it without a
label (1994 Zurn, 0000109446-94-000005); it is never the answer. Only the cover region is read: the
text before the first item heading, capped at :data:`MAX_COVER` characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from operator import attrgetter
from typing import Any

from eightk.formats.html import XbrlFact
from eightk.model import Cover, CoverConflict, Document, Evidence, Header, Security12b, evidence_for
from eightk.parse.casefold import has_fold_specials
from eightk.parse.cover_address import ZIP, Address, Seg, is_jurisdiction, parse_address
from eightk.parse.cover_data import (
    CHECKED,
    EDGAR_PROVINCE_CODES,
    EXCHANGE_CODES,
    STATE_CODE_BY_NAME,
    UNCHECKED,
)
from eightk.parse.cover_layout import Cell, Line, build_lines, column_match, is_label_text
from eightk.parse.dates import find_date, iter_dates, parse_date

MAX_COVER = 12000

_END = re.compile(
    r"^[ \t]*(?:ITEM|Item)[ \t]*\d{1,2}(?:\.\d{1,2})?\b(?![ \t]*(?:through|to)\b)"
    r"|^[ \t]*(?:SECTION|Section)[ \t]+\d\b|^[ \t]*INFORMATION[ \t]+(?:INCLUDED|TO[ \t]+BE[ \t]+INCLUDED)",
    re.M,
)
# The same, at a newline: "^" (re.M) at p >= 1 is a newline at p - 1.
_END_NL = re.compile("\n(?:" + _END.pattern.replace("|^", "|").removeprefix("^") + ")")
FILE_NO = re.compile(r"(?<![\w\-/.$])(?:\d{1,3}-\d{2,6}(?:-\d{1,3})?)(?![\w\-/])")
EIN = re.compile(r"(?<![\w\-/.$])\d{2}-?\s?\d{7}(?![\w\-/])")
PHONE = re.compile(
    r"(?<![\w\-])(?:\+?\s?1[\s.\-])?(?:\(\s?\d{3}\s?\)\s*-?\s*|\d{3}\s?[\-.\s/]\s?)\d{3}\s?[\-.]\s?\d{4}(?![\w\-])"
    r"(?:\s*(?:,\s*)?(?:ext\.?|extension|x)\s*\d{1,5})?",
    re.I,
)
# "+86-21 6605 0886", "+44 (0)20 7123 4567": read only next to a telephone label.
PHONE_INTL = re.compile(r"\+\s?\d{1,3}(?:[\s.\-]?\(\d{1,4}\))?(?:[\s.\-]?\d{1,5}){2,5}(?![\w\-])")
_NA = re.compile(
    r"^\(?\s*(?:n\.?\s*/?\s*a\.?|none|not\s+applicable|inapplicable|no\s+change[sd]?|unchanged|not\s+changed|same"
    r"|no\s+changes?\s+since\s+last\s+report|not\s+required)\s*\.?\s*\)?$",
    re.I,
)
_DATE_LABEL = re.compile(
    r"date\s+of\s+(?:this\s+)?report|date\s+of\s+earliest\s+event|earliest\s+event\s+reported", re.I
)
_NOT_NAME = re.compile(
    r"\bFORM\s+8-?K\b|CURRENT\s+REPORT|SECURITIES\s+AND\s+EXCHANGE|EXCHANGE\s+ACT|Pursuant\s+to|Washington,?\s+D"
    r"|^\(?Date\b|^Table\s+of\s+Contents$|^\(?Amendment\s+No|^UNITED\s+STATES$",
    re.I,
)
_PHONE_KEY = re.compile(r"telephone|\bphone\b|\btel\b\.?", re.I)
_FAX = re.compile(r"\bfax\b|facsimile|telecopie", re.I)
_DIGITS4 = re.compile(r"\d{4}")  # every PHONE match holds four digits in a row


def _phone_search(t: str) -> re.Match[str] | None:
    """``PHONE.search(t)``, not tried where no four digits stand in a row."""
    return PHONE.search(t) if _DIGITS4.search(t) else None


def _has_fax(t: str) -> bool:
    """Whether ``_FAX`` matches in ``t``: ASCII text without its words is read without the regex
    (on ASCII text re.IGNORECASE matches exactly what lower() gives)."""
    if t.isascii():
        low = t.lower()
        if "fax" not in low and "facsimile" not in low and "telecopie" not in low:
            return False
    return _FAX.search(t) is not None


_BOXES = (  # (field, pattern, the lower-case word opening every match)
    (
        "written_communications",
        re.compile(r"Written\s+communications?\s+pursuant\s+to\s+Rule\s+425", re.I),
        "written",
    ),
    (
        "soliciting_material",
        re.compile(r"Soliciting\s+material\s+pursuant\s+to\s+Rule\s+14a-12", re.I),
        "soliciting",
    ),
    (
        "pre_commencement_tender_offer",
        re.compile(r"communications?\s+pursuant\s+to\s+Rule\s+14d-2\s*\(b\)", re.I),
        "communication",
    ),
    (
        "pre_commencement_issuer_tender_offer",
        re.compile(r"communications?\s+pursuant\s+to\s+Rule\s+13e-4\s*\(c\)", re.I),
        "communication",
    ),
)
_GLYPH = re.compile(
    r"\[\s*[xX√]?\s*\]|\[_\]|\|[_xX]\|\|?|\(\s*[xX]?\s*\)|[☐☒☑□■✓✔✗✘¨þýqopr◻❑❒nxX\uf020-\uf0ff]|\b[xX]\b",
)
# A box glyph closing a run of text (the box before "Written communications...") or opening it
# (the box after "Emerging growth company"); a one-letter glyph ("o", "x") stands alone.
_GLYPH_END = re.compile(r"(?:^|(?<=\s))(" + _GLYPH.pattern + r")\s*$")
_GLYPH_NEXT = re.compile(r"[\s:]*(" + _GLYPH.pattern + r")(?=\s|$)")
_DEI_FIELDS = {
    "registrant_name": "dei:EntityRegistrantName",
    "incorporation_state": "dei:EntityIncorporationStateCountryCode",
    "commission_file_number": "dei:EntityFileNumber",
    "irs_employer_id": "dei:EntityTaxIdentificationNumber",
    "address_city": "dei:EntityAddressCityOrTown",
    "address_state": "dei:EntityAddressStateOrProvince",
    "address_zip": "dei:EntityAddressPostalZipCode",
    "report_date": "dei:DocumentPeriodEndDate",
}


# Patterns used inline below, compiled once (an inline re.* call pays a cache lookup each time).
_ABBR_TAIL = re.compile(r"\b[A-Za-z](?:\.[A-Za-z])+$")
_LEAD_THE = re.compile(r"\s*(the)\s+", re.I)
_OPEN_SP = re.compile(r"\(\s+")
_SP_CLOSE = re.compile(r"\s+\)")
_NON_WORD = re.compile(r"[^\w]+")
_NON_DIGIT = re.compile(r"\D")
_EIN_NOISE = re.compile(r"(?i)no\.?|#|:|I\.?R\.?S\.?|EIN|\s")
_FILE_NOISE = re.compile(r"(?i)\bnos?\b\.?|\band\b|[,;&/:#()]|file|number|commission|\s")
_STATE_NOISE = re.compile(r"(?i)\s+corporation$|^an?\s+|^(?:the\s+)?(?:state|commonwealth)\s+of\s+")
_PLACE_WORDS = re.compile(r"[A-Z][A-Za-z.'\-]*(?: (?:of |and |the )?[A-Z][A-Za-z.'\-]*){0,3}")
_NOT_PLACE = re.compile(r"(?i)\b(?:inc|corp|co|company|ltd|llc|plc|street|road|avenue|suite|trust|group)\b")
_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")
_MULTI_END = re.compile(r"(?i)\bregistrants?\b|check\s+the")
_TEL_WORD = re.compile(r"(?i)\W*(?:tel|telephone|phone)\W*")
_TELEPHONE = re.compile(r"telephone", re.I)
_TEL_NOISE_S = re.compile(r"(?i)tel\.?|telephone:?|phone:?|\s")
_TEL_NOISE_W = re.compile(r"(?i)tel\.?|telephone:?|phone:?|\W")
_DATE_LABEL_REST = re.compile(
    r"\s*(?:\((?:date\s+of\s+)?earliest\s+event\s+reported\)?|\)|\s)*\s*[:\-–—]?", re.I
)
_PAREN_LINE = re.compile(r"\s*\(([^()]{6,40})\)\s*")
_STATE_SUFFIX = re.compile(r"\s*/[A-Za-z]{2,4}/?\s*$")
_NOT_FORMER = re.compile(r"(?i)check\s+the\s+appropriate|registrant's")
_GLYPH_ON = re.compile(r"\[\s*[xX√]\s*\]|\|[xX]\|\|?|\(\s*[xX]\s*\)")
_GLYPH_OFF = re.compile(r"\[\s*_?\s*\]|\|_\|\|?|\(\s*\)")
_STRIPPED = re.compile(r"\s*(.*?)\s*")
_BOX_WORD = re.compile(r"(?i)written|soliciting|pre-?\s?commencement")
_AS_AN = re.compile(r"(?i)\bas\s*$|\ban\s*$")
_NO_SYMBOL = re.compile(r"[-–—*]+|(?i:n/?a|none)")
_NONE_ROW = re.compile(r"(?i)none|not\s+applicable|n/a")
_EXCHANGE_ROW = re.compile(r"(?i)exchange|nyse|nasdaq|market")


class _Found:
    """Values found so far, with their spans and the lines they were read from."""

    def __init__(self, doc: Document, end: int = 0, low: str | None = None) -> None:
        self.doc = doc
        self.end = end  # end of the cover region
        self.low = low  # the cover lower-cased (see _lowered)
        self.labeled: list[Line] = []  # the cover's lines holding labels, in order
        self.n = len(doc.text)
        self.values: dict[str, Any] = {}
        self.evidence: dict[str, Evidence] = {}
        self.used_lines: set[int] = set()

    def set(self, name: str, value: Any, start: int = -1, end: int = -1, line: int | None = None) -> None:
        if name in self.values or value is None or value == "":
            return
        self.values[name] = value
        if 0 <= start < end <= self.n:
            self.evidence[name] = evidence_for(self.doc, start, end)
        if line is not None:
            self.used_lines.add(line)

    def __contains__(self, name: str) -> bool:
        return name in self.values


def parse_cover(doc: Document, facts: list[XbrlFact], header: Header | None) -> tuple[Cover, list[str]]:
    """Read the cover page of the primary 8-K document (see module docstring)."""
    warnings: list[str] = []
    try:
        return _parse(doc, facts, header, warnings), warnings
    except Exception as e:  # a cover we cannot read must not cost the rest of the filing
        warnings.append(f"cover: parser error ({type(e).__name__}: {e}); cover left partial")
        return Cover(), warnings


_LAST_COVER_PART = re.compile(
    r"extended\s+transition\s+period[^\n]{0,400}|communications?\s+pursuant\s+to\s+Rule\s+13e-4\s*\(c\)[^\n]{0,200}",
    re.I,
)


def cover_end(text: str, low: str | None = None, heading: int | None = None) -> int:
    """End of the cover region: the first item heading (after the title lines), capped, and no
    further than a little past the last cover element (the EGC transition box, or the Rule
    13e-4(c) box) when the cover prints one. ``low``: see :func:`_lowered`; ``heading``:
    :func:`_first_heading` if known."""
    end = _first_heading(text) if heading is None else heading
    last = _last(_ci_finditer(_LAST_COVER_PART, ("extended", "communication"), text, low, 0, end))
    if last is not None:
        end = min(end, last.end() + 400)
    return end


def _first_heading(text: str) -> int:
    # _END at a line start p >= 200 is _END_NL at the newline p - 1 >= 199 (a search for the
    # newline, not an attempt at every position).
    m = _END_NL.search(text, 199, MAX_COVER)
    return m.start() + 1 if m else min(len(text), MAX_COVER)


# --- case-insensitive scans of the cover -----------------------------------------------------------
# A case-insensitive regex is tried at every position of the text; the cover's scans ("emerging
# growth company", the check-box texts...) instead look for the lower-case word that opens every
# match in a lower-cased copy of the cover (a fast substring search) and try the regex only there.


def _lowered(text: str, end: int) -> str | None:
    """``text[:end]`` with its ASCII letters lower-cased and every other character made "?" (one
    character for one, so offsets hold), or ``None`` when a case-insensitive match of an ASCII word
    could sit where the copy does not hold that word in lower case: re.IGNORECASE also matches the
    dotted and dotless I, the long s and the Kelvin sign to "i", "s" and "k" (the only characters
    beyond ASCII it matches to ASCII letters). Lower-casing only ASCII is several times cheaper than
    str.lower() on text that is not all ASCII."""
    seg = text[:end]
    if has_fold_specials(seg):
        return None
    return seg.encode("ascii", "replace").lower().decode("ascii")


Finder = str | tuple[str, ...] | re.Pattern[str]


def _ci_search(
    rx: re.Pattern[str], finder: Finder, text: str, low: str | None, pos: int, endpos: int
) -> re.Match[str] | None:
    """``rx.search(text, pos, endpos)`` for a case-insensitive ``rx`` whose every match opens where
    ``finder`` (a word, one of several words, or a regex run on ``low``) finds its lower-cased
    start in ``low`` (see :func:`_lowered`)."""
    if low is None or endpos > len(low):
        return rx.search(text, pos, endpos)
    find = low.find
    match = rx.match
    if type(finder) is str:  # (the common case, its loop kept tight)
        while True:
            c = find(finder, pos, endpos)
            if c < 0:
                return None
            m = match(text, c, endpos)
            if m is not None:
                return m
            pos = c + 1
    while True:
        if type(finder) is str:
            c = find(finder, pos, endpos)
        elif type(finder) is tuple:
            c = -1
            for w in finder:
                k = find(w, pos, endpos)
                if k >= 0 and (c < 0 or k < c):
                    c = k
        else:
            fm = finder.search(low, pos, endpos)
            c = fm.start() if fm else -1
        if c < 0:
            return None
        m = match(text, c, endpos)
        if m is not None:
            return m
        pos = c + 1


def _ci_finditer(
    rx: re.Pattern[str], finder: Finder, text: str, low: str | None, pos: int, endpos: int
) -> Iterator[re.Match[str]]:
    """``rx.finditer(text, pos, endpos)`` (see :func:`_ci_search`; ``rx`` never matches empty)."""
    while True:
        m = _ci_search(rx, finder, text, low, pos, endpos)
        if m is None:
            return
        yield m
        pos = m.end()


class _Words:
    """Tells, line after line (in order), whether a line may hold one of some lower-case words in
    any case: no only when the lower-cased cover shows none of them there. Keeps each word's next
    occurrence, so that lines without them cost no search."""

    def __init__(self, low: str | None, words: tuple[str, ...]) -> None:
        self.low = low
        self.words = words
        self.next = [-1] * len(words)  # next occurrence at or after the last line asked about

    def may_hold(self, start: int, end: int) -> bool:
        low = self.low
        if low is None or end > len(low):
            return True
        nxt = self.next
        for k, w in enumerate(self.words):
            q = nxt[k]
            if 0 <= q < start or (q == -1):
                q = nxt[k] = low.find(w, start)
                if q < 0:
                    nxt[k] = -2  # no more occurrences
            if q >= 0 and q + len(w) <= end:
                return True
        return False


def _lines_holding(lines: list[Line], low: str | None, words: tuple[str, ...]) -> Iterator[Line]:
    """The lines, in order, that may hold one of some lower-case words in any case: those where the
    lower-cased cover (see :func:`_lowered`) shows one of them, or every line when it cannot tell.
    Jumps from one occurrence to the next, so that lines without them cost nothing."""
    if not lines:
        return
    last = lines[-1].end
    if low is None or last > len(low):
        yield from lines
        return
    find = low.find
    pos = lines[0].start
    while True:
        q = -1
        for w in words:
            k = find(w, pos, last)
            if k >= 0 and (q < 0 or k < q):
                q = k
        if q < 0:
            return
        # The word found at q ends on q's line: it holds no newline, and the search stops at the
        # end of the last line.
        ln = _line_at(lines, q)
        yield ln
        pos = ln.end + 1


def _last(it: Iterator[re.Match[str]]) -> re.Match[str] | None:
    m = None
    for m in it:  # noqa: B007 - the last match is the point
        pass
    return m


def _clean(s: str) -> str:
    return " ".join(s.split())


def _parse(doc: Document, facts: list[XbrlFact], header: Header | None, warnings: list[str]) -> Cover:
    text = doc.text
    # Every case-insensitive scan reads at most 2,000 characters past the first item heading (_egc).
    heading = _first_heading(text)
    low = _lowered(text, heading + 2000)
    end = cover_end(text, low, heading)
    tabbed = doc.format in ("html", "ixbrl")
    lines = build_lines(text, 0, end, tabbed)
    f = _Found(doc, end, low)
    # Lines without labels hold none of the label readers' cells: those read only these.
    f.labeled = labeled = [ln for ln in lines if ln.labels]
    dei = [x for x in facts if x.name.startswith("dei:")]
    shown = _shown_facts(dei, text, end)

    _from_shown_facts(f, shown, text)
    _multi_registrant(f, lines, text, tabbed, low)
    _labeled_fields(f, lines, tabbed, header, labeled)
    _address(f, lines, text, tabbed)
    _phone(f, lines, text)
    _report_date(f, lines, text)
    _name_from_header(f, lines, header)
    _unlabeled_address_phone(f, lines, text)
    _former_name(f, lines)
    boxes = _check_boxes(text, end, low)
    egc, ex_tp = _egc(text, end, low)
    flags: dict[str, bool | None] = {}
    for name, box in (*boxes.items(), ("emerging_growth_company", egc), ("ex_transition_period", ex_tp)):
        if box is not None:
            flags[name] = box[0]
            f.evidence[name] = evidence_for(doc, box[1], box[2])
    securities = _securities_12b(lines, text, dei, low)
    xbrl, first = _dei_values(dei)
    conflicts = _hidden_facts(f, dei, xbrl, first=first)

    v = f.values
    if "report_date" not in v:
        warnings.append("cover: date of report not found")
    if "registrant_name" not in v:
        warnings.append("cover: registrant name not found")
    return Cover(
        registrant_name=v.get("registrant_name"),
        incorporation_state=v.get("incorporation_state"),
        commission_file_number=v.get("commission_file_number"),
        irs_employer_id=v.get("irs_employer_id"),
        address_street=v.get("address_street"),
        address_city=v.get("address_city"),
        address_state=v.get("address_state"),
        address_zip=v.get("address_zip"),
        phone=v.get("phone"),
        report_date=v.get("report_date"),
        former_name=v.get("former_name"),
        written_communications=flags.get("written_communications"),
        soliciting_material=flags.get("soliciting_material"),
        pre_commencement_tender_offer=flags.get("pre_commencement_tender_offer"),
        pre_commencement_issuer_tender_offer=flags.get("pre_commencement_issuer_tender_offer"),
        emerging_growth_company=flags.get("emerging_growth_company"),
        ex_transition_period=flags.get("ex_transition_period"),
        securities_12b=tuple(securities),
        co_registrants=tuple(v.get("co_registrants", ())),
        xbrl=xbrl,
        conflicts=tuple(conflicts),
        evidence={k: e for k, e in f.evidence.items() if k in v or k in flags},
    )


# --- inline XBRL ---------------------------------------------------------------------------------


def _shown_facts(dei: list[XbrlFact], text: str, end: int) -> dict[str, list[XbrlFact]]:
    """Facts displayed on the cover (a name tagged in the signature block is not the cover's)."""
    out: dict[str, list[XbrlFact]] = {}
    for x in dei:
        if not x.hidden and 0 <= x.start < x.end <= end and text[x.start : x.end].strip():
            out.setdefault(x.name, []).append(x)
    return out


def _fact_span(x: XbrlFact, text: str) -> tuple[int, int]:
    s, e = x.start, x.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    # A tag that stops mid-word ("<ix>NVIDIA CORP</ix>ORATION", 0001045810-24-000069) shows the
    # whole word: widen to word boundaries so the printed value is read.
    while e < len(text) and e > s and text[e - 1].isalnum() and text[e].isalnum():
        e += 1
    while s > 0 and s < e and text[s].isalnum() and text[s - 1].isalnum():
        s -= 1
    # ...and to the period of an abbreviation cut before it ("N.W" + ".", 0000092122-19-000063).
    if e < len(text) and text[e] == "." and _ABBR_TAIL.search(text[s:e]):
        e += 1
    return s, e


_NAME_ABBR_END = re.compile(
    r"\b(?:Inc|Corp|Co|Cos|Ltd|Bancorp|Holdings?|L\.P|N\.V|S\.A|P\.L\.C|L\.L\.C)$", re.I
)


def _whole_printed_name(got: tuple[str, int, int], text: str) -> tuple[str, int, int]:
    """The printed name wins over a tag that covers only part of it: "THE BUCKLE, INC." printed around a
    tagged "BUCKLE, INC" (x885245-2024-11-22) keeps its article and its final period."""
    _, s, e = got
    cell_start = max(text.rfind("\n", 0, s), text.rfind("\t", 0, s)) + 1
    m = _LEAD_THE.fullmatch(text[cell_start:s])
    if m:
        s = cell_start + m.start(1)
    if e < len(text) and text[e] == "." and _NAME_ABBR_END.search(text[s:e]):
        e += 1
    return (_clean(text[s:e]), s, e) if (s, e) != (got[1], got[2]) else got


def _from_shown_facts(f: _Found, shown: dict[str, list[XbrlFact]], text: str) -> None:
    if not shown:
        return  # (every reading below starts from a shown fact)

    def one(name: str) -> tuple[str, int, int] | None:
        xs = shown.get(name)
        if not xs:
            return None
        s, e = _fact_span(xs[0], text)
        return (_clean(text[s:e]), s, e) if e > s else None

    for field in (
        "registrant_name",
        "commission_file_number",
        "irs_employer_id",
        "address_city",
        "address_zip",
    ):
        got = one(_DEI_FIELDS[field])
        if got and field == "registrant_name":
            got = _whole_printed_name(got, text)
        if got and not _NA.match(got[0]):
            val = got[0].rstrip(",") if field == "address_city" else got[0]
            if field == "irs_employer_id":
                m = EIN.search(val)
                if not m:
                    continue
                f.set(field, m.group(0), got[1] + m.start(), got[1] + m.end())
                continue
            f.set(field, val, got[1], got[1] + len(text[got[1] : got[2]].rstrip(",")))
    for field, name in (("incorporation_state", "dei:EntityIncorporationStateCountryCode"),):
        got = one(name)
        if got:
            f.set(field, got[0].strip(",. "), got[1], got[2])
    got = one("dei:EntityAddressStateOrProvince")
    if got:
        f.set("address_state", got[0].strip(",. "), got[1], got[2])
    lines_ = [
        one(n)
        for n in (
            "dei:EntityAddressAddressLine1",
            "dei:EntityAddressAddressLine2",
            "dei:EntityAddressAddressLine3",
        )
    ]
    parts = [p for p in lines_ if p]
    if parts:
        f.set(
            "address_street",
            ", ".join(p[0].strip(" ,") for p in parts),
            parts[0][1],
            parts[-1][2] - (1 if text[parts[-1][2] - 1] == "," else 0),
        )
    local = one("dei:LocalPhoneNumber")
    if local:
        area = one("dei:CityAreaCode")
        s, e = local[1], local[2]
        if area and 0 <= local[1] - area[2] <= 6:
            s = area[1]
            k = s - 1
            while k > 0 and k > s - 4 and text[k].isspace():
                k -= 1
            if k >= 0 and text[k] == "(":  # "(" printed outside the tag, maybe a line above
                s = k
        if e < len(text) and text[e] == ")" and "(" in text[s:e]:
            e += 1
        f.set("phone", _OPEN_SP.sub("(", _SP_CLOSE.sub(")", _clean(text[s:e]))), s, e)
    got = one("dei:DocumentPeriodEndDate")
    if got:
        iso = parse_date(got[0])
        if iso:
            # Layout may still prefer the earliest-event date of "April 4, 2024 (April 1, 2024)".
            f.values.setdefault("_fact_date", (iso, got[1], got[2]))
    names = shown.get("dei:EntityRegistrantName", [])
    if len(names) > 1:
        co = []
        for x in names[1:]:
            s, e = _fact_span(x, text)
            n = _clean(text[s:e])
            if n and n != f.values.get("registrant_name") and n not in co:
                co.append(n)
        if co:
            f.values["co_registrants"] = co


def _dei_values(dei: list[XbrlFact]) -> tuple[dict[str, str], dict[str, str]]:
    """(:func:`_xbrl_values`, the first value of each name: what :func:`_hidden_facts` reads),
    in one pass."""
    out: dict[str, list[str]] = {}
    memo = _TRANSFORMED
    for x in dei:
        v = memo.get((x.value, x.format), memo)
        if v is memo:
            v = _transformed(x)
        if v is None:
            continue
        vals = out.get(x.name)
        if vals is None:
            out[x.name] = [v]
        elif v not in vals:
            vals.append(v)
    return {k: "; ".join(v) for k, v in out.items()}, {k: v[0] for k, v in out.items()}


def _xbrl_values(dei: list[XbrlFact], trans: list[str | None] | None = None) -> dict[str, str]:
    """``trans``: :func:`_transform` of each fact, if known."""
    out: dict[str, list[str]] = {}
    for k, x in enumerate(dei):
        v = _transform(x) if trans is None else trans[k]
        if v is None:
            continue
        vals = out.setdefault(x.name, [])
        if v not in vals:
            vals.append(v)
    return {k: "; ".join(v) for k, v in out.items()}


# _transform reads only a fact's value and format, and facts recur across filings ("false", the
# check-box glyphs, exchange names, the registrant's own name and address): each pair is read once.
_TRANSFORMED: dict[tuple[str, str | None], str | None] = {}
_MAX_TRANSFORMED = 20_000


def _transformed(x: XbrlFact) -> str | None:
    """:func:`_transform`, remembered."""
    key = (x.value, x.format)
    got = _TRANSFORMED.get(key, _TRANSFORMED)
    if got is _TRANSFORMED:
        if len(_TRANSFORMED) >= _MAX_TRANSFORMED:
            _TRANSFORMED.clear()
        got = _TRANSFORMED[key] = _transform(x)
    return got  # type: ignore[return-value]


def _transform(x: XbrlFact) -> str | None:
    v = _clean(x.value)
    fmt = (x.format or "").lower()
    if not fmt:
        return v or None
    name = fmt.split(":", 1)[-1]
    if "date" in name:
        # Full dates to ISO; yearless ones (fiscal year end "--12-31") stay as shown.
        return parse_date(v) or v
    if name in ("booleanfalse", "fixed-false"):
        return "false"
    if name in ("booleantrue", "fixed-true"):
        return "true"
    if name == "boolballotbox":
        g = v.strip()
        return "true" if g in CHECKED else "false" if g in UNCHECKED else v
    if name == "stateprovnameen":
        low = v.lower().strip(" .,")
        return STATE_CODE_BY_NAME.get(low) or EDGAR_PROVINCE_CODES.get(low) or v
    if name == "exchnameen":
        low = v.lower()
        for key, code in EXCHANGE_CODES:
            if key in low:
                return code
        return v
    return v or None


def _hidden_facts(
    f: _Found,
    dei: list[XbrlFact],
    xbrl: dict[str, str],
    trans: list[str | None] | None = None,
    first: dict[str, str] | None = None,
) -> list[CoverConflict]:
    """Fill fields the printed cover lacks from hidden facts; note printed/dei disagreements.
    ``trans``: :func:`_transform` of each fact, if known; ``first``: see :func:`_dei_values`."""
    conflicts: list[CoverConflict] = []
    if not dei:
        return conflicts
    if first is None:
        first = {}
        for k, x in enumerate(dei):
            if x.name not in first:
                t = _transform(x) if trans is None else trans[k]
                if t is not None:
                    first[x.name] = t
    else:
        first = dict(first)  # (phone and street added below)
    local = first.get("dei:LocalPhoneNumber")
    if local:
        area = first.get("dei:CityAreaCode")
        first["_phone"] = f"({area.strip('()')}) {local}" if area else local
    street = [
        first[n] for n in ("dei:EntityAddressAddressLine1", "dei:EntityAddressAddressLine2") if n in first
    ]
    if street:
        first["_street"] = ", ".join(street)
    for field, name in _PAIRS.items():
        xv = first.get(name)
        if xv is None or _NA.match(xv):
            continue
        pv = f.values.get(field)
        if pv is None:
            # Not located on the printed cover: the hidden fact, with evidence where its text appears.
            shown = _shown_text(f, xv) if field != "report_date" else None
            if shown:  # printed after all (no label led to it): the printed form is the value
                f.set(field, _clean(f.doc.text[shown[0] : shown[1]]), *shown)
            else:
                f.set(field, xv)
            continue
        if not _same(field, str(pv), xv):
            conflicts.append(CoverConflict(field=field, printed=str(pv), xbrl=xv))
    return conflicts


_PAIRS = {**_DEI_FIELDS, "phone": "_phone", "address_street": "_street"}


def _shown_text(f: _Found, value: str) -> tuple[int, int] | None:
    if len(value) < 2:
        return None
    m = re.search(
        r"(?<!\w)" + r"\s+".join(map(re.escape, value.split())) + r"(?!\w)", f.doc.text[: f.end], re.I
    )
    return (m.start(), m.end()) if m else None


@lru_cache(maxsize=8192)
def _fold(s: str) -> str:
    return " ".join(_NON_WORD.sub(" ", s.lower()).split())


def _same(field: str, printed: str, xbrl: str) -> bool:
    if field in ("incorporation_state", "address_state"):
        a, b = _fold(printed), _fold(xbrl)
        return (
            STATE_CODE_BY_NAME.get(a, a) == STATE_CODE_BY_NAME.get(b, b).lower()
            or a == b
            or (STATE_CODE_BY_NAME.get(a, a).lower() == b)
        )
    if field == "phone":
        return _NON_DIGIT.sub("", printed)[-10:] == _NON_DIGIT.sub("", xbrl)[-10:]
    if field == "irs_employer_id":
        return _NON_DIGIT.sub("", printed) == _NON_DIGIT.sub("", xbrl)
    if field == "commission_file_number":
        # "1-2360" and "001-02360" name the same file.
        def key(s: str) -> list[list[int]]:
            return [[int(p) for p in m.split("-")] for m in FILE_NO.findall(s)]

        return key(printed) == key(xbrl)
    return _fold(printed) == _fold(xbrl)


# --- layout --------------------------------------------------------------------------------------


def _neighbour_values(lines: list[Line], label: Cell, step: int, tabbed: bool, limit: int = 3) -> list[Cell]:
    """Value cells in ``label``'s column on the nearest value line above (step -1) or below (+1)."""
    i = label.line + step
    seen = 0
    own = lines[label.line].labels
    while 0 <= i < len(lines) and seen < limit:
        ln = lines[i]
        if ln.blank:
            i += step
            continue
        seen += 1
        vals = ln.values
        if (
            vals
            and vals[0].text.startswith("(")  # (what all() below reads first, without its set-up)
            and all(c.text.startswith("(") and c.text.rstrip().endswith(")") for c in vals)
            and not ln.labels
        ):
            # "(Formerly known as Evergreen International Corp.)" between a name and its label
            # (x-2024-12-20); such asides are never the value.
            i += step
            continue
        if not vals or (ln.labels and step > 0 and not _continues(ln, label)):
            if ln.labels and not _continues(ln, label) and step < 0 and not vals:
                # Another label row directly above: this label's value is not above it.
                return []
            i += step
            continue
        return column_match(label, vals, own, not (lines[label.line].visual and ln.visual))
    return []


def _continues(ln: Line, label: Cell) -> bool:
    """Whether a label line continues ``label`` (a multi-line label) rather than naming other fields."""
    fields = label.fields or frozenset()
    return all(not c.fields or (c.fields & fields) for c in ln.labels)


_NUM_TOKENS = re.compile(r"(?:\s*(?:No\.?\s*)?(?:\d{2}-\d{7}|\d{1,3}-\d{2,6}(?:-\d{1,3})?)\s*)+")


_JUR_NUMS = re.compile(r"^(?P<j>[A-Za-z][A-Za-z .]*?[A-Za-z.])\s+(?P<n>(?:No\.?\s*)?\d.*)$")


def _valid(field: str, cell: Cell) -> tuple[str, int, int] | None:
    """The value of ``field`` a value cell holds, with its span, or ``None``."""
    key = (field, cell.text)
    got = _VALID.get(key, _VALID)
    if got is _VALID:
        if len(_VALID) >= _MAX_VALID:
            _VALID.clear()
        got = _VALID[key] = _valid_in(field, cell.text)
    if got is None:
        return None
    v, s, e = got  # type: ignore[misc]
    return v, cell.start + s, cell.end if e is None else cell.start + e


# _valid reads only the cell's text (spans are offsets into it), and cover cells recur across
# filings ("FORM 8-K", "Delaware", the check-box lines...): each (field, text) is read once.
_VALID: dict[tuple[str, str], tuple[str, int, int | None] | None] = {}
_MAX_VALID = 50_000


def _valid_in(field: str, t: str) -> tuple[str, int, int | None] | None:
    """:func:`_valid` on a cell of text ``t`` at offset 0 (an end of ``None``: the cell's end)."""
    jm = _JUR_NUMS.match(t)
    if jm and is_jurisdiction(jm.group("j")) and _NUM_TOKENS.fullmatch(jm.group("n")):
        # "Delaware 1-8787 13-2592361": three columns printed with single spaces.
        g = "j" if field == "incorporation_state" else "n"
        sub = jm.group(g)
        if not (g == "n" or (field == "incorporation_state" and sub != t)):
            return None
        got = _valid_in(field, sub)
        if got is None:
            return None
        off = jm.start(g)
        return got[0], off + got[1], off + (jm.end(g) - off if got[2] is None else got[2])
    # "0-27568 65-0617076": file number and EIN in one cell under one two-part label
    # (0000914260-00-000037); each field takes its own shape.
    both = _NUM_TOKENS.fullmatch(t) is not None
    if field == "irs_employer_id":
        m = EIN.search(t)
        if m and (both or not _EIN_NOISE.sub("", t[: m.start()] + t[m.end() :])):
            return m.group(0), m.start(), m.end()
        return None
    if field == "commission_file_number":
        ms = list(FILE_NO.finditer(t))
        rest = FILE_NO.sub("", t)
        if both and EIN.search(t):
            rest = EIN.sub("", rest)
        if ms and not _FILE_NOISE.sub("", rest):
            return "; ".join(m.group(0) for m in ms), ms[0].start(), ms[-1].end()
        return None
    if field == "incorporation_state":
        s = t.strip(" ,.()")
        s2 = _STATE_NOISE.sub("", s)
        if is_jurisdiction(s2) or (_PLACE_WORDS.fullmatch(s2) and not _NOT_PLACE.search(s2) and len(s2) >= 4):
            off = t.find(s2)
            return s2, off, off + len(s2)
        return None
    if field == "registrant_name":
        s = t.strip()
        if (
            len(s) < 2
            or len(s) > 160
            or s.startswith("(")
            or not _TWO_LETTERS.search(s)
            or _NOT_NAME.search(s)
            or is_label_text(s)
            or find_date(s)
            or PHONE.search(s)
            or EIN.fullmatch(s)
        ):
            return None
        return _clean(s), 0, None
    return None


_FIELD_OF = {
    "name": "registrant_name",
    "state": "incorporation_state",
    "file": "commission_file_number",
    "irs": "irs_employer_id",
}
_FIELD_SHORTS = frozenset(_FIELD_OF)


def _labeled_fields(
    f: _Found, lines: list[Line], tabbed: bool, header: Header | None, labeled: list[Line] | None = None
) -> None:
    """``labeled``: the lines of ``lines`` holding labels, if known."""
    values = f.values
    for ln in lines if labeled is None else labeled:
        if (
            "registrant_name" in values
            and "incorporation_state" in values
            and "commission_file_number" in values
            and "irs_employer_id" in values
        ):
            return  # nothing left to read
        for lab in ln.labels:
            fields = lab.fields or ()
            if _FIELD_SHORTS.isdisjoint(fields):
                continue  # (the loop below would skip every field)
            for short, field in _FIELD_OF.items():
                if field in values or short not in fields:
                    continue
                if field == "registrant_name" and "file" in fields:
                    continue  # the multi-registrant table header
                cands: list[Cell] = [lab.inline] if lab.inline else []
                if not cands:
                    cands = _neighbour_values(lines, lab, -1, tabbed)
                got = _first_valid(field, cands)
                if got is None and not lab.inline:
                    got = _first_valid(field, _neighbour_values(lines, lab, +1, tabbed))
                if got:
                    val, s, e, line = got
                    if field == "registrant_name":
                        val, s = _name_first_line(lines, line, val, s, header)
                    f.set(field, val, s, e, line)


_BARE_SUFFIX = re.compile(
    r"^\s*(?:corporation|corp\.?|incorporated|inc\.?|company|co\.?|limited|ltd\.?|llc|l\.l\.c\.|l\.p\.|lp|plc|"
    r"n\.v\.|s\.a\.|ag|trust|bancorp(?:oration)?|holdings?(?:,?\s+inc\.?)?)\s*$",
    re.I,
)
_NAME_CONT = re.compile(r"(?:,|&|\band|\bof|\bthe|-)\s*$", re.I)


def _name_first_line(
    lines: list[Line], idx: int, name: str, start: int, header: Header | None
) -> tuple[str, int]:
    """A name printed on two lines ("AMERICAN INTERNATIONAL" / "GROUP, INC."): take the line above
    when it plainly continues (ends in ",", "&", "and", "of"), or when the two lines together read as
    the SEC header's company name (the header only confirms what is printed)."""
    k = idx - 1
    if k < 0 or len(lines[k].values) != 1 or lines[k].labels:
        return name, start
    prev = lines[k].values[0]
    if _valid("registrant_name", prev) is None:
        return name, start
    joined = _clean(prev.text + " " + name)
    want = _name_key(header.filers[0].name or "") if header and header.filers else ""
    if (
        _NAME_CONT.search(prev.text)
        or name[:1].islower()
        # A line holding only a corporate suffix ends a name begun on the line above:
        # "INTERNATIONAL BUSINESS MACHINES" / "CORPORATION" (0001104659-24-009477).
        or _BARE_SUFFIX.match(name)
        or (want and _name_key(joined) == want and _name_key(name) != want)
    ):
        return joined, prev.start
    return name, start


def _first_valid(field: str, cells: list[Cell]) -> tuple[str, int, int, int] | None:
    for c in cells:
        v = _valid(field, c)
        if v:
            return v[0], v[1], v[2], c.line
    return None


# --- multi-registrant tables ---------------------------------------------------------------------

_CORP_OF = re.compile(
    r"\(\s*(?:An?|The)\s+([A-Z][A-Za-z ]+?)\s+(?:[Cc]orporation|[Cc]ompany|[Ll]imited\s+[Ll]iability\s+[Cc]ompany|[Pp]artnership)\s*\)"
)


_MULTI_HEAD = re.compile(r"Registrant,?\s+State\s+of\s+Incorporation", re.I)
# Opens every _MULTI_HEAD match in the lower-cased copy (see _lowered), where a space beyond ASCII is "?".
_MULTI_HEAD_LOW = re.compile(r"registrant,?[^a-z]+state[^a-z]+of[^a-z]+incorporation")


def _multi_registrant(f: _Found, lines: list[Line], text: str, tabbed: bool, low: str | None = None) -> None:
    """Utility-style covers: one row per registrant under "Commission File Number | Registrant,
    State of Incorporation, Address and Telephone Number | I.R.S. Employer Identification No."
    (Southern Company, 0000092122-05-000042 text and 0000092122-07-000008 HTML)."""
    if not lines:
        return
    hm = _ci_search(_MULTI_HEAD, _MULTI_HEAD_LOW, text, low, lines[0].start, lines[-1].end)
    if hm is None:
        return
    head = _line_at(lines, hm.start())
    rows: list[list[Line]] = []
    for ln in lines[head.idx + 1 : head.idx + 80]:
        if ln.blank:
            continue
        first = ln.cells[0]
        if FILE_NO.fullmatch(first.text.strip()) and len(ln.cells) >= 2:
            rows.append([ln])
        elif (
            rows
            and len(rows[-1]) < 7
            and len(ln.cells) <= 2
            and len(ln.text.strip()) <= 90
            and (first.c0 > 8 or not ln.visual)
            and not _MULTI_END.search(ln.text)
        ):
            rows[-1].append(ln)
        elif rows:
            break
    names: list[str] = []
    for k, row in enumerate(rows):
        top = row[0]
        fc, mid = top.cells[0], top.cells[1]
        ein = top.cells[-1] if len(top.cells) >= 3 and EIN.fullmatch(top.cells[-1].text.strip()) else None
        body = mid.text
        m = _CORP_OF.search(body)
        if m and body[m.end() :].strip():
            # One cell per registrant: "The Southern Company (A Delaware Corporation) 30 Ivan Allen
            # Jr. Blvd., N.W. Atlanta, Georgia 30308 (404) 506-5000" (0000092122-07-000008).
            name = body[: m.start()].strip()
            if not name:
                continue
            names.append(name)
            if k:
                continue
            f.set("registrant_name", name, mid.start, mid.start + len(name))
            f.set("incorporation_state", m.group(1), mid.start + m.start(1), mid.start + m.end(1))
            rest_s = m.end()
            pm = _last(PHONE.finditer(body, rest_s))
            addr_end = pm.start() if pm else len(body)
            if pm:
                f.set("phone", _clean(pm.group(0)), mid.start + pm.start(), mid.start + pm.end())
            _set_address(f, [(mid.start + rest_s, body[rest_s:addr_end])])
        else:
            # One line per item under the name (0000092122-05-000042, 0000092122-19-000063).
            name = (body[: m.start()] if m else body).strip()
            names.append(name)
            if k:
                continue
            f.set("registrant_name", name, mid.start, mid.start + len(name), top.idx)
            if m:
                f.set("incorporation_state", m.group(1), mid.start + m.start(1), mid.start + m.end(1))
            cells: list[tuple[int, str]] = []
            for ln in row[1:]:
                c = ln.cells[0] if ln.visual or len(ln.cells) == 1 else ln.cells[-1]
                cm = _CORP_OF.fullmatch(c.text.strip())
                if cm:
                    f.set("incorporation_state", cm.group(1), c.start + cm.start(1), c.start + cm.end(1))
                elif PHONE.fullmatch(c.text.strip()):
                    f.set("phone", _clean(c.text), c.start, c.end)
                else:
                    cells.append((c.start, c.text))
                f.used_lines.add(ln.idx)
            _set_address(f, cells)
        if k == 0:
            f.set("commission_file_number", fc.text.strip(), fc.start, fc.end)
            if ein:
                f.set("irs_employer_id", ein.text.strip(), ein.start, ein.end)
    if len(names) > 1:
        f.values.setdefault("co_registrants", [n for n in names[1:] if n])


def _set_address(f: _Found, cells: list[tuple[int, str]]) -> None:
    a = _parse_address(cells)
    for field, seg in (
        ("address_street", a.street),
        ("address_city", a.city),
        ("address_state", a.state),
        ("address_zip", a.zip),
    ):
        if seg is not None:
            f.set(field, seg.text.strip(" ,"), seg.start, seg.end)


# parse_address reads only the cells' texts (every span it gives is an offset into one cell), and
# a registrant prints the same address on each of its filings: each block of texts is read once, with
# cell k placed at k << 32, and its spans are moved to where the cells are.
_ADDRESSES: dict[tuple[str, ...], Address] = {}
_MAX_ADDRESSES = 20_000
_CELL_BITS = 32
_CELL_MASK = (1 << _CELL_BITS) - 1


def _parse_address(cells: list[tuple[int, str]]) -> Address:
    """:func:`parse_address`, remembered by the cells' texts."""
    key = tuple([t for _, t in cells])
    a = _ADDRESSES.get(key)
    if a is None:
        if len(_ADDRESSES) >= _MAX_ADDRESSES:
            _ADDRESSES.clear()
        a = _ADDRESSES[key] = parse_address([(k << _CELL_BITS, t) for k, t in enumerate(key)])

    def at(seg: Seg | None) -> Seg | None:
        if seg is None:
            return None
        s, e = seg.start, seg.end
        return Seg(
            cells[s >> _CELL_BITS][0] + (s & _CELL_MASK),
            cells[e >> _CELL_BITS][0] + (e & _CELL_MASK),
            seg.text,
        )

    return Address(street=at(a.street), city=at(a.city), state=at(a.state), zip=at(a.zip))


# --- address and phone ---------------------------------------------------------------------------


_ADDRESS_FIELDS = ("phone", "address_zip", "address_street", "address_city", "address_state")


def _address(f: _Found, lines: list[Line], text: str, tabbed: bool) -> None:
    lab = next((c for ln in f.labeled for c in ln.labels if "address" in (c.fields or ())), None)
    if lab is None:
        return
    block: list[Line] = []
    inline: list[Cell] = []
    if lab.inline is not None:
        inline = [lab.inline] + [
            c.inline
            for c in lines[lab.line].labels
            if c is not lab and c.inline and "zip" in (c.fields or ())
        ]
    else:
        block = _address_block(f, lines, lab, -1)
        if not block:
            block = _address_block(f, lines, lab, +1)
    cells: list[Cell] = inline or [c for ln in block for c in ln.values]
    # Two addresses side by side, each over its own label (UnitedHealth, 0000731766-25-000134):
    # the first is the registrant's principal office.
    twins = [c for c in lines[lab.line].labels if "address" in (c.fields or ()) and c is not lab]
    if not inline and twins and twins[0].c0 > lab.c0:
        cells = [c for c in cells if c.c0 < twins[0].c0]
    if not cells:
        return
    v = f.values
    if all(k in v for k in _ADDRESS_FIELDS):
        # Every field read below is known (shown inline XBRL facts): only the block's lines are
        # taken (every f.set below would be a no-op).
        for ln in block:
            f.used_lines.add(ln.idx)
        return
    parts: list[tuple[int, str]] = []
    for c in cells:
        t = c.text.strip()
        pm = _phone_search(t)
        if _has_fax(t):
            continue
        if pm and (pm.start() == 0 or _TEL_WORD.fullmatch(t[: pm.start()])):
            f.set("phone", _clean(pm.group(0)), c.start + pm.start(), c.start + pm.end(), c.line)
            continue
        if "address_zip" not in f and ZIP.fullmatch(t):
            f.set("address_zip", t, c.start, c.end)
            continue
        parts.append((c.start, c.text))
    for ln in block:
        f.used_lines.add(ln.idx)
    _set_address(f, parts)
    if "address_zip" not in f:
        # The ZIP code over its own "(Zip Code)" label, apart from the address lines.
        for zl in (c for ln in f.labeled for c in ln.labels if (c.fields or frozenset()) == {"zip"}):
            for c in _neighbour_values(lines, zl, -1, tabbed):
                if ZIP.fullmatch(c.text.strip()):
                    f.set("address_zip", c.text.strip(), c.start, c.end, c.line)
                    return


_BLOCK_LABELS = frozenset({"zip", "address", "phone"})  # labels an address block may hold
_DATE_WORDS = ("date", "earliest")  # every _DATE_LABEL match holds one of these


def _may_hold(low: str | None, ln: Line, words: tuple[str, ...]) -> bool:
    """Whether line ``ln`` may hold one of some lower-case words in any case (see _lowered)."""
    if low is None or ln.end > len(low):
        return True
    find = low.find
    s, e = ln.start, ln.end
    return any(find(w, s, e) >= 0 for w in words)


def _address_block(f: _Found, lines: list[Line], lab: Cell, step: int) -> list[Line]:
    out: list[Line] = []
    # Value cells on the label's own line before it ("New York,<TAB>New York<TAB>(Zip Code)" is the
    # line above; Pfizer 0000078003-25-000111) are part of the block when the label line is mixed.
    i = lab.line + step
    while 0 <= i < len(lines):
        if len(out) >= 8:
            return []  # no end in sight: not an address block we can trust
        ln = lines[i]
        if ln.blank:
            if out and not ln.text.strip():
                break
            i += step
            continue
        if i in f.used_lines:
            break
        if ln.labels and any(not (c.fields or frozenset()) <= _BLOCK_LABELS for c in ln.labels):
            break
        if not ln.values:
            if out or step < 0:
                break
            i += step
            continue
        if (_may_hold(f.low, ln, _DATE_WORDS) and _DATE_LABEL.search(ln.text)) or (
            find_date(ln.text) and not ZIP.search(ln.text)
        ):
            break
        out.append(ln)
        i += step
    if step < 0:
        out.reverse()
    return out


def _phone(f: _Found, lines: list[Line], text: str) -> None:
    if "phone" in f:
        return
    for ln in f.labeled:
        for lab in ln.labels:
            if "phone" in (lab.fields or ()) and lab.inline is not None:
                pm = PHONE.search(lab.inline.text) or PHONE_INTL.search(lab.inline.text)
                if pm:
                    c = lab.inline
                    f.set("phone", _clean(pm.group(0)), c.start + pm.start(), c.start + pm.end(), c.line)
                    return
    for ln in _lines_holding(lines, f.low, ("tel", "phone")):  # every _PHONE_KEY match holds one
        if not _PHONE_KEY.search(ln.text) or (_FAX.search(ln.text) and not _TELEPHONE.search(ln.text)):
            continue
        key = _PHONE_KEY.search(ln.text)
        m = PHONE.search(text, ln.start + (key.end() if key else 0), ln.end) or PHONE_INTL.search(
            text, ln.start + (key.end() if key else 0), ln.end
        )
        if m:
            f.set("phone", _clean(m.group(0)), m.start(), m.end(), ln.idx)
            return
        if ln.values and not ln.labels:
            continue
        for step, limit in ((-1, 2), (1, 3)):
            i, seen = ln.idx + step, 0
            while 0 <= i < len(lines) and seen < limit:
                other = lines[i]
                i += step
                if other.blank:
                    continue
                seen += 1
                # The whole line: "(479)<TAB>290-4000" sits in two cells (0000100493-19-000117).
                t = other.text
                pm = PHONE.search(t) or PHONE_INTL.search(t)
                if (
                    pm
                    and other.values
                    and not other.labels
                    and not _has_fax(t)
                    and not _TEL_NOISE_S.sub("", t[: pm.start()] + t[pm.end() :])
                ):
                    c = other.values[0]
                    c = Cell(other.start, other.end, t, c.c0, c.c1, other.idx)
                    f.set("phone", _clean(pm.group(0)), c.start + pm.start(), c.start + pm.end(), c.line)
                    return
        return


_BOX_TEXT = re.compile(r"check\s+the\s+appropriate\s+box|Rule\s+425|Section\s+12\s*\(b\)", re.I)
_STREET_START = re.compile(r"^(?:\d|One\b|Two\b|Three\b|Four\b|Five\b|P\.?\s?O\.?\s+Box\b)", re.I)


def _unlabeled_address_phone(f: _Found, lines: list[Line], text: str) -> None:
    """Covers printing the address and phone with no label at all (Microsoft, 0001193125-25-154103:
    "One Microsoft Way, Redmond, Washington<TAB>98052-6399" / "(425) 882-8080" under the EIN row).
    Only the part of the cover before the check boxes is read, and only unmistakable shapes: a line
    ending in a state and ZIP code, a cell that is nothing but a telephone number."""
    if "address_street" in f and "phone" in f:
        return
    m = _BOX_TEXT.search(text, lines[0].start, lines[-1].end) if lines else None
    stop = m.start() if m else (lines[-1].end if lines else 0)
    region = [ln for ln in lines if ln.end <= stop and ln.values and ln.idx not in f.used_lines]
    if "phone" not in f:
        phones = []
        for ln in region:
            for c in ln.values:
                t = c.text.strip()
                pm = _phone_search(t)
                if pm and not _has_fax(t) and not _TEL_NOISE_W.sub("", t[: pm.start()] + t[pm.end() :]):
                    phones.append((c, pm))
        if len(phones) == 1:
            c, pm = phones[0]
            f.set("phone", _clean(pm.group(0)), c.start + pm.start(), c.start + pm.end(), c.line)
    if "address_street" in f or "address_zip" in f:
        return
    for k, ln in enumerate(region):
        cells = [c for c in ln.values if not _phone_search(c.text)]
        if not cells or ln.labels:
            continue
        if not ZIP.search(cells[-1].text[-12:]):
            continue
        parts = [(c.start, c.text) for c in cells]
        if k > 0 and region[k - 1].idx == ln.idx - 1:
            prev = region[k - 1]
            if len(prev.values) == 1 and _STREET_START.match(prev.values[0].text.strip()) and not prev.labels:
                parts = [(prev.values[0].start, prev.values[0].text), *parts]
        if not _STREET_START.match(parts[0][1].strip()):
            continue
        a = _parse_address(parts)
        if a.street and a.city and a.state and a.zip:
            _set_address(f, parts)
            return


# --- date of report ------------------------------------------------------------------------------


def _pick_date(text: str, s: int, e: int) -> tuple[str, int, int] | None:
    ds = iter_dates(text, s, e)
    if not ds:
        return None
    if len(ds) == 1:
        return ds[0]
    # "April 4, 2024 (April 1, 2024)": the parenthesized date is the earliest event.
    for d in ds:
        before = text[max(s, d[1] - 3) : d[1]]
        if "(" in before:
            return d
    return min(ds[:2])


def _report_date(f: _Found, lines: list[Line], text: str) -> None:
    fact = f.values.pop("_fact_date", None)
    got = _layout_date(lines, text, f.low)
    if got is None and fact is not None:
        got = fact
    elif (
        got is not None
        and fact is not None
        and got[0] != fact[0]
        and len(iter_dates(text, _line_at(lines, got[1]).start, _line_at(lines, got[1]).end)) < 2
    ):
        # The tagged date wins unless the printed line holds two dates (earliest event rule).
        got = fact
    if got:
        f.set("report_date", got[0], got[1], got[2])


def _line_at(lines: list[Line], pos: int) -> Line:
    """The line holding ``pos`` (its newline included), or the last line."""
    # Lines are contiguous: the last line starting at or before ``pos`` is the only one that may
    # hold it.
    i = bisect_right(lines, pos, key=_START) - 1
    if i >= 0 and pos <= lines[i].end:
        return lines[i]
    return lines[-1]


_START = attrgetter("start")


def _layout_date(lines: list[Line], text: str, low: str | None = None) -> tuple[str, int, int] | None:
    for ln in _lines_holding(lines, low, ("date", "earliest")):  # every _DATE_LABEL match holds one
        m = _DATE_LABEL.search(ln.text)
        if not m:
            continue
        s = ln.start + m.end()
        e = ln.end
        if text.count("(", s, e) > text.count(")", s, e) and ln.idx + 1 < len(lines):
            e = lines[ln.idx + 1].end
        # Skip the rest of the label: "(Date of earliest event reported):" (it never fails: every
        # part is optional)
        s = _DATE_LABEL_REST.match(text, s, e).end()  # type: ignore[union-attr]
        d = _pick_date(text, s, e)
        if d:
            # "Date of Report (Date of earliest event reported): October 3, 2000" with
            # "(September 21, 2000)" alone on the next line: the earliest event (0000912057-00-043726).
            if ln.idx + 1 < len(lines):
                nxt = lines[ln.idx + 1]
                pm = _PAREN_LINE.fullmatch(nxt.text)
                if pm:
                    d2 = find_date(pm.group(1))
                    if d2 and d2[0] < d[0]:
                        o = nxt.start + pm.start(1)
                        return d2[0], o + d2[1], o + d2[2]
            return d
        # Value on the next lines ("Date of Report (...)\nMay 22, 2012") or the line above
        # ("September 9, 2025\nDate of Report (date of earliest event reported)").
        for step in (1, -1):
            i, seen = ln.idx + step, 0
            while 0 <= i < len(lines) and seen < 3:
                other = lines[i]
                i += step
                if other.blank:
                    continue
                seen += 1
                t = other.text.strip()
                if _DATE_LABEL.search(t) and not find_date(t):
                    continue
                d = find_date(other.text)
                if d and not other.text[: d[1]].strip(" \t:-"):
                    tail = other.text[d[2] :].strip()
                    if not tail or tail.startswith("("):
                        return _pick_date(text, other.start, other.end)
                if step < 0 and not is_label_text(t):
                    break
        return None
    # No label (1994 Zurn, 0000109446-94-000005): a line holding only a date before the name.
    for ln in lines[:60]:
        t = ln.text.strip()
        d = find_date(t)
        if d and d[1] == 0 and d[2] == len(t):
            return _pick_date(text, ln.start, ln.end)
    return None


# --- registrant name fallback, former name -------------------------------------------------------


_SUFFIX = {"corporation": "corp", "incorporated": "inc", "company": "co", "limited": "ltd"}


@lru_cache(maxsize=8192)
def _name_key(name: str) -> str:
    """A company name folded for comparison with the SEC header's conformed name: "Microsoft
    Corporation" ~ "MICROSOFT CORP", "COSTCO WHOLESALE CORP /NEW" ~ "Costco Wholesale Corporation"."""
    n = _STATE_SUFFIX.sub("", name)
    words = _fold(n).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(_SUFFIX.get(w, w) for w in words)


def _name_from_header(f: _Found, lines: list[Line], header: Header | None) -> None:
    if "registrant_name" in f or header is None or not header.filers:
        return
    want = _name_key(header.filers[0].name or "")
    if not want:
        return
    for ln in lines[:80]:
        for c in ln.values:
            if _name_key(c.text) == want:
                f.set("registrant_name", _clean(c.text), c.start, c.end, ln.idx)
                return


def _former_name(f: _Found, lines: list[Line]) -> None:
    lab = next((c for ln in f.labeled for c in ln.labels if "former" in (c.fields or ())), None)
    if lab is None:
        return
    if lab.inline is not None:
        cells = [lab.inline]
    else:
        # The value lines right above the label (a former address spans lines: "1 Infinite Loop" /
        # "Cupertino, California 95014", 0000320193-18-000067).
        cells = []
        i = lab.line - 1
        while i >= 0 and lab.line - i <= 4:
            ln = lines[i]
            i -= 1
            if ln.blank:
                if cells and not ln.text.strip():
                    break
                continue
            if ln.labels or ln.idx in f.used_lines or len(ln.values) > 3:
                break
            cells = ln.values + cells
    if not cells:
        return
    t = ", ".join(_clean(c.text).strip(" ,") for c in cells)
    if _NA.match(t) or not _TWO_LETTERS.search(t) or _phone_search(t) or find_date(t):
        return
    if _NOT_NAME.search(t) or _NOT_FORMER.search(t):
        return
    f.set("former_name", t, cells[0].start, cells[-1].end)


# --- check boxes ---------------------------------------------------------------------------------


def _glyph_state(g: str) -> bool | None:
    g = g.strip()
    if len(g) == 1 and "\uf020" <= g <= "\uf0ff":
        # Wingdings in the private use area (0000950170-24-008809: U+F0A8 is the empty box "¨").
        g = chr(ord(g) - 0xF000)
    if g in CHECKED or _GLYPH_ON.fullmatch(g):
        return True
    if g in UNCHECKED or _GLYPH_OFF.fullmatch(g):
        return False
    return None


Box = tuple[bool, int, int] | None  # state of a printed check box and the glyph's span


def _box(g: re.Match[str] | None, base: int, group: int = 1) -> Box:
    if g is None:
        return None
    state = _glyph_state(g.group(group))
    return None if state is None else (state, base + g.start(group), base + g.end(group))


def _box_before(text: str, pos: int, floor: int) -> Box:
    """The check box printed just before ``pos`` (same line, or alone on the line above)."""
    s = max(floor, pos - 40)
    seg = text[s:pos]
    got = _BOXES_BEFORE.get(seg, _BOXES_BEFORE)
    if got is _BOXES_BEFORE:
        if len(_BOXES_BEFORE) >= _MAX_BOXES_BEFORE:
            _BOXES_BEFORE.clear()
        got = _BOXES_BEFORE[seg] = _box_before_in(seg)
    return None if got is None else (got[0], s + got[1], s + got[2])  # type: ignore[index]


# _box_before reads only the 40 characters before the check-box text, and those are the same
# boilerplate on most covers ("...(17 CFR 230.425)\n☐\t"): each is read once.
_BOXES_BEFORE: dict[str, Box] = {}
_MAX_BOXES_BEFORE = 20_000


def _box_before_in(seg: str) -> Box:
    """:func:`_box_before` for the text ``seg`` that ends where the check-box text starts (spans
    are offsets into ``seg``)."""
    nl = seg.rfind("\n")
    head = seg[nl + 1 :]
    if head.strip():
        return _box(_GLYPH_END.search(head), nl + 1)
    # The glyph alone on the previous line (text covers wrap the box onto its own line).
    prev = seg[:nl].rstrip()
    k = prev.rfind("\n") + 1
    pl = prev[k:]
    if pl.strip() and len(pl.strip()) <= 5:
        return _box(_STRIPPED.fullmatch(pl), k)
    return None


def _check_boxes(text: str, end: int, low: str | None = None) -> dict[str, Box]:
    out: dict[str, Box] = {}
    floor = 0
    # Read in place up to ``end`` (nothing read below looks past it: _box_before reads before a
    # match start, and every search stops at ``end``).
    end = min(end, len(text))
    for name, rx, word in _BOXES:
        m = _ci_search(rx, word, text, low, floor, end)
        if not m:
            continue
        # The box sits before the line's first word ("Written", "Pre-commencement").
        ls = text.rfind("\n", 0, m.start()) + 1
        word = _BOX_WORD.search(text, ls, m.end())
        start = word.start() if word else m.start()
        out[name] = _box_before(text, start, max(0, ls - 60))
        floor = m.end()
    return out


_EGC = re.compile(r"emerging\s+growth\s+company\b", re.I)
_EX_TP = re.compile(r"if\s+an\s+emerging\s+growth\s+company,\s+indicate\s+by\s+check\s+mark", re.I)
# Opens every _EX_TP match in the lower-cased copy (see _lowered), where a space beyond ASCII is "?".
_EX_TP_LOW = re.compile(r"if[^a-z]+an[^a-z]+emerging")
_EX_TP_END = re.compile(r"(?:Exchange\s+Act|Securities\s+Act)\s*\.?", re.I)


def _egc(text: str, end: int, low: str | None = None) -> tuple[Box, Box]:
    # Read in place up to ``stop``, as if the text ended there (searches take it as their end).
    stop = min(len(text), end + 2000)
    egc: Box = None
    ex: Box = None
    for m in _ci_finditer(_EGC, "emerging", text, low, 0, stop):
        me = m.end()
        got = _box(_GLYPH_NEXT.match(text, me, min(me + 12, stop)), 0)
        if got is not None:
            egc = got
            break
        b0 = max(0, m.start() - 12)
        before = text[b0 : m.start()]
        got = _box(_GLYPH_END.search(before), b0)
        if got is not None and not _AS_AN.search(before):
            egc = got
            break
    t = _ci_search(_EX_TP, _EX_TP_LOW, text, low, 0, stop)
    if t:
        sm = _ci_search(_EX_TP_END, ("exchange", "securities"), text, low, t.end(), min(t.end() + 600, stop))
        if sm:
            ex = _box(_GLYPH_NEXT.match(text, sm.end(), min(sm.end() + 12, stop)), 0)
    return egc, ex


# --- Section 12(b) table -------------------------------------------------------------------------


_12B_STOP = re.compile(r"(?i)indicate\s+by\s+check|emerging\s+growth|^check\s+the|^item\b")
_12B_HEAD = re.compile(
    r"(?i)title\s+of\s+(?:each\s+)?class|trading\s+symbol|name\s+of\s+(?:each\s+)?exchange|on\s+which\s+registered"
)


_12B = re.compile(r"registered\s+pursuant\s+to\s+Section\s+12\s*\(b\)", re.I)
# A word of every _12B_STOP and _12B_HEAD match, lower-cased.
_12B_WORDS = re.compile(r"indicate|emerging|check|item|title|trading|name|registered")
_12B_KEYS = {
    "dei:Security12bTitle": "title",
    "dei:TradingSymbol": "trading_symbol",
    "dei:SecurityExchangeName": "exchange",
}


def _securities_12b(
    lines: list[Line], text: str, dei: list[XbrlFact], low: str | None = None
) -> list[Security12b]:
    m = _ci_search(_12B, "registered", text, low, lines[0].start, lines[-1].end) if lines else None
    start = _line_at(lines, m.start()).idx if m else None
    out: list[Security12b] = []
    if start is not None:
        # Lines where the lower-cased cover shows no word of _12B_STOP or _12B_HEAD match neither.
        limit = lines[-1].end
        gate = low is not None and limit <= len(low)
        nxt = -1  # next such word at or after the line read (when gate)
        for ln in lines[start + 1 : start + 60]:
            t = ln.text.strip()
            if not t:
                continue
            if gate and nxt < ln.start:
                wm = _12B_WORDS.search(low, ln.start, limit)  # type: ignore[arg-type]
                nxt = wm.start() if wm else limit + 1
            if not gate or nxt < ln.end:
                if _12B_STOP.search(t):
                    break
                if _12B_HEAD.search(t):
                    continue
            cells = [c.strip() for c in ln.text.split("\t") if c.strip()]
            if len(cells) >= 3:
                sym = None if _NO_SYMBOL.fullmatch(cells[-2]) else cells[-2]
                out.append(
                    Security12b(title=_clean(" ".join(cells[:-2])), trading_symbol=sym, exchange=cells[-1])
                )
            elif len(cells) == 1 and _NONE_ROW.search(t):
                break
            elif len(cells) == 1 and out and len(t) <= 60 and _EXCHANGE_ROW.search(t):
                # A second exchange under the first ("New York Stock Exchange" / "NYSE Chicago").
                last = out[-1]
                out[-1] = Security12b(
                    title=last.title,
                    trading_symbol=last.trading_symbol,
                    exchange=f"{last.exchange}; {_clean(t)}",
                )
    if out:
        return out
    # Fall back to the tagged rows (one context per class).
    rows: dict[str | None, dict[str, str]] = {}
    for x in dei:
        key = _12B_KEYS.get(x.name)
        if key:
            rows.setdefault(x.context, {}).setdefault(key, _transformed(x) or "")
    return [Security12b(**r) for r in rows.values() if r.get("title") or r.get("trading_symbol")]
