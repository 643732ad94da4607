"""Where offerings are read from, and how that text is cut into sentences.

An offering is labeled from the 8-K document itself (the items that report financings) and its
press-release exhibits (EX-99.x), never from agreements, indentures or opinions attached as other exhibits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eightk.model import Document, Evidence, Filing, evidence_for
from eightk.parse.dates import iter_dates

# Items (2004 numbering) that report sales of the registrant's securities: 1.01 agreements, 1.03 a plan of
# reorganization converting debt into stock (dev 0000914260-00-000057), 2.01
# acquisitions paid in stock, 2.03 notes, 3.02 unregistered sales, 3.03 modifications, 7.01/8.01 other
# events (old Items 5 and 9), 9.01 for the exhibit list (series names of notes).
OFFERING_ITEMS = frozenset({"1.01", "1.03", "2.01", "2.03", "3.02", "3.03", "7.01", "8.01", "9.01"})

_SALE_ITEMS = frozenset({"1.01", "1.03", "2.01", "2.03", "3.02", "3.03", "7.01", "8.01"})

# Cheap gate: a filing with none of these words reports no financing.
CUE_RE = re.compile(
    r"\b(?:principal\s+amount|shares|private\s+placement|offering|debentures?|notes\s+due|warrants?|"
    r"convertible|units)\b",
    re.I,
)


_EXHIBIT_HEADING = re.compile(r"^\s*Item\s+9\.01\b[^\n]*", re.I | re.M)

# A press release is read only when it names a security sold (notes and bonds named without "due" too).
PRESS_CUE_RE = re.compile(
    r"\b(?:principal\s+amount|shares|private\s+placement|offering|debentures?|notes?|bonds?|warrants?|"
    r"convertible|units)\b",
    re.I,
)


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
        if not any(i.code_2004 in _SALE_ITEMS and i.body_end - i.body_start > 40 for i in items):
            # an excerpt or a filing whose narrative precedes the first heading (fx-015: Item 5 text
            # quoted without its heading): read the text before the first heading too
            main.append(Region(pdoc, 0, first, "body"))
        for it in items:
            if it.code_2004 in OFFERING_ITEMS and not it.empty and it.body_end > it.body_start:
                kind = "exhibits" if it.code_2004 == "9.01" else "item"
                main.append(Region(pdoc, it.body_start, it.body_end, kind, it.code_2004))
        last = max(i.body_end for i in items)
        tail = _EXHIBIT_HEADING.search(pdoc.text, last)
        if tail and not any(i.code_2004 == "9.01" and i.body_start >= tail.start() for i in items):
            # an exhibit list after the last item the item reader kept (0000950123-10-080629: the 9.01
            # heading was taken from the table of contents): it names the registration statement
            main.append(Region(pdoc, tail.end(), len(pdoc.text), "exhibits", "9.01"))
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
_SENT_END = re.compile(r"(?<=[.;!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9$€£])|\n\s*\n|\t(?=[A-Z])")
_ABBREV_TAIL = re.compile(rf"\b{_ABBREV}\.[\"')\]]?$")


@dataclass(frozen=True, slots=True)
class Sentence:
    region: Region
    start: int  # absolute offsets into region.doc.text
    end: int

    @property
    def text(self) -> str:
        return self.region.doc.text[self.start : self.end]

    def ev(self, a: int, b: int) -> Evidence:
        """Evidence for the sentence-relative span [a, b)."""
        return evidence_for(self.region.doc, self.start + a, self.start + b)


def sentences(region: Region) -> list[Sentence]:
    text = region.doc.text
    out: list[Sentence] = []
    s = region.start
    for m in _SENT_END.finditer(text, region.start, region.end):
        if (
            m.group(0).strip() == ""
            and "\n\n" not in m.group(0)
            and _ABBREV_TAIL.search(text, max(s, m.start() - 12), m.start())
        ):
            continue  # "Inc. " inside a sentence
        if not text[s : m.start()].isspace() and m.start() > s:
            out.append(_trim(region, s, m.start()))
        s = m.end()
    if text[s : region.end].strip():
        out.append(_trim(region, s, region.end))
    return out


def _trim(region: Region, a: int, b: int) -> Sentence:
    t = region.doc.text
    while a < b and t[a].isspace():
        a += 1
    while b > a and t[b - 1].isspace():
        b -= 1
    return Sentence(region, a, b)


__all__ = ["OFFERING_ITEMS", "Region", "Sentence", "iter_dates", "regions", "sentences"]
