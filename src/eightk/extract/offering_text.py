"""Where offerings are read from, and how that text is cut into sentences.

An offering is labeled from the 8-K document itself (the items that report financings) and its
press-release exhibits (EX-99.x), never from agreements, indentures or opinions attached as other exhibits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from heapq import heapify, heappop, heappush

from eightk.model import Document, Evidence, Filing, evidence_for
from eightk.parse.casefold import KeywordPattern
from eightk.parse.dates import iter_dates

# Items (2004 numbering) that report sales of the registrant's securities: 1.01 agreements, 1.03 a plan of
# reorganization converting debt into stock (dev 0000914260-00-000057), 2.01
# acquisitions paid in stock, 2.03 notes, 3.02 unregistered sales, 3.03 modifications, 7.01/8.01 other
# events (old Items 5 and 9), 9.01 for the exhibit list (series names of notes).
OFFERING_ITEMS = frozenset({"1.01", "1.03", "2.01", "2.03", "3.02", "3.03", "7.01", "8.01", "9.01"})

_SALE_ITEMS = frozenset({"1.01", "1.03", "2.01", "2.03", "3.02", "3.03", "7.01", "8.01"})

# Cheap gate: a filing with none of these words reports no financing.
CUE_RE = KeywordPattern(
    re.compile(
        r"\b(?:principal\s+amount|shares|private\s+placement|offering|debentures?|notes\s+due|warrants?|"
        r"convertible|units)\b",
        re.I,
    ),
    ("principal", "shares", "private", "offering", "debenture", "notes", "warrant", "convertible", "units"),
)


_EXHIBIT_INDEX = re.compile(r"^[ \t]*EXHIBIT\s+INDEX\b[^\n]*|^[ \t]*Exhibit\s+Index[ \t]*$", re.M)
_EXHIBIT_HEADING = re.compile(r"^\s*Item\s+9\.01\b[^\n]*", re.I | re.M)

# A press release is read only when it names a security sold (notes and bonds named without "due" too).
PRESS_CUE_RE = KeywordPattern(
    re.compile(
        r"\b(?:principal\s+amount|shares|private\s+placement|offering|debentures?|notes?|bonds?|warrants?|"
        r"convertible|units)\b",
        re.I,
    ),
    (
        "principal",
        "shares",
        "private",
        "offering",
        "debenture",
        "note",
        "bond",
        "warrant",
        "convertible",
        "units",
    ),
)


# a cover page before the first item heading: what precedes the heading is the cover, not narrative (words a
# narrative does not print: "Current Report on Form 8-K" is narrative, "CURRENT REPORT" / "FORM 8-K" are not)
_COVER_WORDS = (
    "FORM 8-K",
    "CURRENT REPORT",
    "ommission File",
    "ommission file",
    "OMMISSION FILE",
    "xact name",
    "xact Name",
    "XACT NAME",
    "I.R.S.",
    "Date of Report",
    "Date of report",
    "DATE OF REPORT",
    "SECURITIES AND EXCHANGE COMMISSION",
)


def _has_cover(text: str, end: int) -> bool:
    return any(text.find(w, 0, end) >= 0 for w in _COVER_WORDS)


MAX_REGION_CHARS = 200_000


@dataclass(frozen=True, slots=True)
class Region:
    doc: Document
    start: int
    end: int
    kind: str  # "item" | "body" | "press" | "exhibits"
    code: str | None = None  # item code_2004

    def __post_init__(self) -> None:
        # Real item bodies and press releases are far below this; a multi-megabyte body (junk, a
        # mis-tagged exhibit) is read only in its first part, so extraction stays linear and bounded.
        if self.end - self.start > MAX_REGION_CHARS:
            object.__setattr__(self, "end", self.start + MAX_REGION_CHARS)

    @property
    def text(self) -> str:
        return self.doc.text[self.start : self.end]


def regions(filing: Filing) -> tuple[list[Region], list[Region]]:
    """(8-K regions, press-release regions) in reading order."""
    main: list[Region] = []
    press: list[Region] = []
    if not filing.documents:
        return main, press
    pdoc = filing.documents[filing.primary]
    items = [i for i in filing.items if i.document == pdoc.index]
    if items:
        first = min(i.start for i in items)
        if not any(i.code_2004 in _SALE_ITEMS and i.body_end - i.body_start > 40 for i in items) or (
            first > 300 and not _has_cover(pdoc.text, first)
        ):
            # an excerpt or a filing whose narrative precedes the first heading (fx-015: Item 5 text
            # quoted without its heading; an excerpt that starts inside an item and runs into the next
            # heading, with no cover page before it): read the text before the first heading too
            main.append(Region(pdoc, 0, first, "body"))
        for it in items:
            if it.code_2004 in OFFERING_ITEMS and not it.empty and it.body_end > it.body_start:
                kind = "exhibits" if it.code_2004 == "9.01" else "item"
                main.append(Region(pdoc, it.body_start, it.body_end, kind, it.code_2004))
        last = max(i.body_end for i in items)
        # the heading's "9.01" is found at memory speed; the pattern runs only when it is there
        tail = _EXHIBIT_HEADING.search(pdoc.text, last) if pdoc.text.find("9.01", last) >= 0 else None
        if tail and not any(i.code_2004 == "9.01" and i.body_start >= tail.start() for i in items):
            # an exhibit list after the last item the item reader kept (0000950123-10-080629: the 9.01
            # heading was taken from the table of contents): it names the registration statement
            main.append(Region(pdoc, tail.end(), len(pdoc.text), "exhibits", "9.01"))
        elif tail is None and (pdoc.text.find("INDEX", last) >= 0 or pdoc.text.find("Index", last) >= 0):
            # "The exhibits filed herewith are listed in the Exhibit Index which follows the signature page"
            # (0000914760-99-000229): the index after the last item is the exhibit list
            ix = _EXHIBIT_INDEX.search(pdoc.text, last)
            if ix:
                main.append(Region(pdoc, ix.end(), len(pdoc.text), "exhibits", "9.01"))
    else:
        main.append(Region(pdoc, 0, len(pdoc.text), "body"))
    for d in filing.documents:
        if d.index == pdoc.index or not d.text:
            continue
        t = d.type.upper()
        if t.startswith("EX-99") and len(d.text) < 120_000:
            press.append(Region(d, 0, len(d.text), "press"))
    return main, press


_ABBREV = (
    r"(?:Inc|Co|Corp|Ltd|No|Nos|Mr|Mrs|Ms|Dr|Jr|Sr|St|L\.P|N\.A|U\.S|S\.A|N\.V|plc|Reg|Ph|Esq|vs|"
    r"approx|Sec|Ltée|LLC|L\.L\.C|P\.C|[A-Z])"
)
_SENT_END = re.compile(
    r"(?<=[.;!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9$€£])|\n\s*\n|\t(?=[A-Z])|(?<=[a-z][a-z]\.)(?=[A-Z][a-z])"
)
# _SENT_END is found faster as seven patterns that each start with one literal character, which the regex
# engine skips to at memory speed (_SENT_END, like any pattern starting with a class or a look-behind, is
# tried at every character). A _SENT_END match at p is the match at p - 1 of the pattern for the punctuation
# before it (first alternative, the end is group 1) or the match at p of the newline or tab pattern; the
# first characters differ (the two starting with "." need a space and a letter after it), so at most one applies at any position and the leftmost of them is
# _SENT_END's next match. Only an end right at a region's start is _SENT_END's alone (its look-behind sees
# the character before the start): _SENT_AT_START.
_SENT_ENDS = tuple(
    re.compile(p)
    for p in (
        *(rf"{re.escape(c)}([\"')\]]?\s+)(?=[\"'(\[]?[A-Z0-9$€£])" for c in ".;!?"),
        r"(\n\s*\n)",
        r"(\t)(?=[A-Z])",
        # "... per share of Preferred Stock.As previously reported ...": a scraped page lost the space after the
        # period (a word of two lower-case letters before it, a capitalized word after: no abbreviation)
        r"\.(?<=[a-z][a-z]\.)()(?=[A-Z][a-z])",
    )
)
_SENT_AT_START = re.compile(r"(?<=[.;!?])([\"')\]]?\s+)(?=[\"'(\[]?[A-Z0-9$€£])")
_ABBREV_TAIL = re.compile(rf"\b{_ABBREV}\.[\"')\]]?$")
# Every _ABBREV ends in one of these letters; the tail pattern runs only when the letter before the dot is one.
_ABBREV_LAST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZcopdsrtghqxe")


@dataclass(frozen=True, slots=True)
class Sentence:
    region: Region
    start: int  # absolute offsets into region.doc.text
    end: int
    # the text and its lower-case form, cut once when first asked for (every extractor pass reads them)
    _text: str | None = field(default=None, compare=False, repr=False)
    _low: str | None = field(default=None, compare=False, repr=False)
    _dates: list[tuple[str, int, int]] | None = field(default=None, compare=False, repr=False)

    @property
    def text(self) -> str:
        t = self._text
        if t is None:
            t = self.region.doc.text[self.start : self.end]
            _set_text(self, t)
        return t

    @property
    def low(self) -> str:
        """``self.text.lower()``, computed once."""
        t = self._low
        if t is None:
            t = self.text.lower()
            _set_low(self, t)
        return t

    @property
    def dates(self) -> list[tuple[str, int, int]]:
        """``iter_dates(self.text)``, computed once (the date finders read the same sentences several times);
        the list is shared: never change it."""
        d = self._dates
        if d is None:
            d = iter_dates(self.text)
            _set_dates(self, d)
        return d

    def ev(self, a: int, b: int) -> Evidence:
        """Evidence for the sentence-relative span [a, b)."""
        return evidence_for(self.region.doc, self.start + a, self.start + b)


# A frozen dataclass sets its fields through object.__setattr__; the slots' own setters are quicker.
_new_sentence = object.__new__
_set_region = Sentence.region.__set__  # type: ignore[attr-defined]
_set_start = Sentence.start.__set__  # type: ignore[attr-defined]
_set_end = Sentence.end.__set__  # type: ignore[attr-defined]
_set_text = Sentence._text.__set__  # type: ignore[attr-defined]
_set_low = Sentence._low.__set__  # type: ignore[attr-defined]
_set_dates = Sentence._dates.__set__  # type: ignore[attr-defined]


def _sentence(region: Region, a: int, b: int) -> Sentence:
    s = _new_sentence(Sentence)
    _set_region(s, region)
    _set_start(s, a)
    _set_end(s, b)
    _set_text(s, None)
    _set_low(s, None)
    _set_dates(s, None)
    return s


def _abbrev_before(text: str, pos: int, end: int) -> bool:
    """Does an abbreviation ("Inc.", "U.S.", "J.") end at ``end``: ``_ABBREV_TAIL.search(text, pos, end)``,
    skipped when the characters before ``end`` rule it out."""
    if end <= 0:
        return False
    # the pattern's match ends with the dot and at most one quote, at ``end`` or before a final newline
    k = end - 1
    c = text[k]
    if c != "\n":
        if c != ".":
            k -= 1
            if k < 0 or text[k] != ".":
                return False
        # every abbreviation ends in one of _ABBREV_LAST, and the word before the dot is at most 6 long
        if k == 0 or text[k - 1] not in _ABBREV_LAST or (k >= 7 and text[k - 7 : k].isalnum()):
            return False
        if k - 3 >= pos and text[k - 2] == "-" and text[k - 3].isdigit():
            return (
                False  # "... this Current Report on Form 8-K." ends a sentence: a form name, not an initial
            )
    return _ABBREV_TAIL.search(text, pos, end) is not None


def _sentence_ends(text: str, pos: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``_SENT_END.finditer(text, pos, end)``, when no match can start at ``pos`` by look-behind."""
    heap: list[tuple[int, int, re.Match[str], Iterator[re.Match[str]]]] = []
    for k, rx in enumerate(_SENT_ENDS):
        it = rx.finditer(text, pos, end)
        m = next(it, None)
        if m is not None:
            heap.append((m.start(), k, m, it))
    heapify(heap)
    out: list[tuple[int, int]] = []
    x = pos
    while heap:
        q, k, m, it = heappop(heap)
        if q < x:  # inside the last end found (".\n\n"): that pattern searches again after it
            it = _SENT_ENDS[k].finditer(text, x, end)
        else:
            span = m.span(1)
            out.append(span)
            x = span[1]
        m = next(it, None)
        if m is not None:
            heappush(heap, (m.start(), k, m, it))
    return out


def sentences(region: Region) -> list[Sentence]:
    text = region.doc.text
    start = region.start
    end = min(region.end, len(text))
    out: list[Sentence] = []
    spans = None
    if 0 < start < end and text[start - 1] in ".;!?":
        m0 = _SENT_AT_START.match(text, start, end)
        if m0 is not None:
            spans = [m0.span(), *_sentence_ends(text, m0.end(), end)]
    if spans is None:
        spans = _sentence_ends(text, start, end)
    s = start
    for a, b in spans:
        if (
            (a == b or text[a].isspace())  # a whitespace-only or empty end (no closing quote)
            and text.find("\n\n", a, b) < 0
            and _abbrev_before(text, max(s, a - 12), a)
        ):
            continue  # "Inc. " inside a sentence
        if a > s:
            if text[s].isspace() or text[a - 1].isspace():
                _append_trimmed(out, region, text, s, a)
            else:
                out.append(_sentence(region, s, a))
        s = b
    if s < end:
        if text[s].isspace() or text[end - 1].isspace():
            _append_trimmed(out, region, text, s, end)
        else:
            out.append(_sentence(region, s, end))
    return out


def _append_trimmed(out: list[Sentence], region: Region, text: str, a: int, b: int) -> None:
    """The sentence in ``text[a:b]`` without its surrounding whitespace, if it is not all whitespace."""
    rest = text[a:b].lstrip()
    if rest:
        a = b - len(rest)
        out.append(_sentence(region, a, a + len(rest.rstrip())))


__all__ = ["OFFERING_ITEMS", "Region", "Sentence", "iter_dates", "regions", "sentences"]
