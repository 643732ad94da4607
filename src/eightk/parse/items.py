"""Item headings in the body of the 8-K document, in both numberings.

A heading is "Item" + a number at the start of a line (tables included: a cell starts a line or
follows a tab). References inside sentences ("as described in Item 8.01") are not headings: that is
why the pattern is anchored to the line start. Combined headings ("Items 1.01 and 3.02.",
"Item 1.01(a) and 5.02(e)") yield one item per code; statements of omission ("Items 1 through 4 are
not applicable") yield none.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from eightk.model import Document, Item

OLD_TO_NEW = {
    "1": "5.01",
    "2": "2.01",
    "3": "1.03",
    "4": "4.01",
    "5": "8.01",
    "6": "5.02",
    "7": "9.01",
    "8": "5.03",
    "10": "5.05",
    "11": "5.04",
    "12": "2.02",
}
REG_FD_START = "2000-10-23"  # old Item 9 became "Regulation FD Disclosure" (Release 33-7881)
NEW_CODES = frozenset(
    [
        "1.01",
        "1.02",
        "1.03",
        "1.04",
        "1.05",
        "2.01",
        "2.02",
        "2.03",
        "2.04",
        "2.05",
        "2.06",
        "3.01",
        "3.02",
        "3.03",
        "4.01",
        "4.02",
        "5.01",
        "5.02",
        "5.03",
        "5.04",
        "5.05",
        "5.06",
        "5.07",
        "5.08",
        "6.01",
        "6.02",
        "6.03",
        "6.04",
        "6.05",
        "6.06",
        "6.10",
        "7.01",
        "8.01",
        "9.01",
    ]
)


def to_2004(code: str, date: str | None) -> str | None:
    """Map an item code to today's numbering (gold README rules; ``date`` is the filing date, ISO)."""
    if "." in code:
        return code if code in NEW_CODES else None
    if code == "9":
        return "7.01" if (date is None or date >= REG_FD_START) else "3.02"
    return OLD_TO_NEW.get(code)


# "Item 2.02", "ITEM 5.", "Item 2. 02" (Apple-style spacing), "Item 2.02(a)", "Items 1.01 and 3.02",
# "Item No. 5", "Item 9.01." -- at the start of a line, after optional bullets, tabs or a section sign.
_HEAD = re.compile(
    r"(?m)^[ \t>*\-•·\u2022]*(?:\(?[a-z0-9]\)[ \t]+)?"
    r"(ITEMS?)[ \t\n]*(?:[-:][ \t]*)?(?:No\.?[ \t]*)?"
    # Atomic, so "Items 2.02, 7.01" cannot back off to "2"; "Item 1,000" (a number) is no heading.
    r"((?>\d{1,2}(?:[ \t]*\.[ \t]*\d{1,2})?))(?!\d|,\d{3}(?!\d))"
    r"((?:[ \t]*\([a-z0-9]{1,3}\))*)",
    re.I,
)
_MORE_CODES = re.compile(
    r"\A(?:[ \t]*(?:,|and|&|/)[ \t]*(?:(?:and|&)[ \t]*)?(?:Item[ \t]*)?(\d{1,2}(?:[ \t]*\.[ \t]*\d{1,2})?)"
    r"((?:[ \t]*\([a-z0-9]{1,3}\))*))+",
    re.I,
)
_ONE_MORE = re.compile(
    r"[ \t]*(?:,|and|&|/)[ \t]*(?:(?:and|&)[ \t]*)?(?:Item[ \t]*)?(\d{1,2}(?:[ \t]*\.[ \t]*\d{1,2})?)"
    r"((?:[ \t]*\([a-z0-9]{1,3}\))*)",
    re.I,
)
# A line that can hold a heading: "\n", the heading's leading bullets / "(a) ", then "item". Looking
# for these (a literal "\n" first, which the regex engine scans for quickly) and matching _HEAD at
# their line starts only finds the same headings as ``_HEAD.finditer`` at a fifth of the cost.
_HEAD_LINE = re.compile(r"\n[ \t>*\-•·\u2022]*(?:\(?[a-z0-9]\)[ \t]+)?items?", re.I)
_OMISSION = re.compile(r"\A[ \t]*(?:-|through|to)[ \t]*\d", re.I)
_SIGNATURES = re.compile(
    r"(?m)^[ \t]*S[ \t]*I[ \t]*G[ \t]*N[ \t]*A[ \t]*T[ \t]*U[ \t]*R[ \t]*E[ \t]*S?[ \t]*\.?[ \t]*$"
)
_SIGNATURE_WORD = re.compile(r"S[ \t]*I[ \t]*G[ \t]*N[ \t]*A[ \t]*T[ \t]*U[ \t]*R[ \t]*E")
_REFERENCE = re.compile(r"[ \t]*(?:of|in|to|under|above|below|hereof|herein)\b", re.I)
_NOT_HEADING = re.compile(r"[ \t]*\)|[ \t]+[a-z]{2,}\b")
_JOINER = re.compile(r"\band\b|&|,", re.I)
_BLANKS = re.compile(r"[ \t]")
_SPACES = re.compile(r"\s+")
_EMPTY = re.compile(r"\A[\s.:\-]*(?:none|not applicable|n/?a|inapplicable)\.?[\s.]*\Z", re.I)
_EMPTY_AT = re.compile(_EMPTY.pattern[2:], re.I)  # the same without \A, for match(text, pos, endpos)
_NON_BLANK = re.compile(r"\S")


def _norm_code(raw: str) -> str | None:
    raw = _BLANKS.sub("", raw)
    if "." in raw:
        a, b = raw.split(".", 1)
        if not a or not b:
            return a or None
        if len(b) == 1:
            b = "0" + b  # "Item 2.2" -> "2.02"? only when it then is a real code
        code = f"{int(a)}.{b}"
        return code
    return str(int(raw)) if raw else None


def find_items(doc: Document, filed_date: str | None) -> tuple[list[Item], list[str]]:
    """Find the item headings of the 8-K document ``doc``; ``filed_date`` picks the numbering regime."""
    text = doc.text
    warnings: list[str] = []
    heads: list[tuple[str, int, int, int]] = []  # (code, start, end of heading codes, line end)
    for m in _heads(text):
        after = text[m.end() : m.end() + 40]
        if _OMISSION.match(after):
            continue
        codes = [(m.group(2), m.start(2), m.end(3) if m.group(3) else m.end(2))]
        end = m.end()
        plural = m.group(1).lower() == "items"
        while True:
            mm = _ONE_MORE.match(text, end)
            if not mm:
                break
            # A heading continues with more codes only for "Items" or an explicit "and Item"/"and".
            codes.append((mm.group(1), mm.start(1), mm.end()))
            end = mm.end()
        if not plural and len(codes) > 1 and not _JOINER.search(text[m.end() : end]):
            codes = codes[:1]
            end = m.end()
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        rest = text[end:line_end]
        # "Item 5 of Form 8-K", "Item 2.02 of this report": a reference, not a heading.
        if _REFERENCE.match(rest):
            continue
        # A cross-reference wrapped onto a new line: "(see" / "Item 5) which had previously been held"
        # (0000912057-00-043726): a heading's code is never followed by ")" or a lowercase word, and in
        # fixed-width text a line that continues an unfinished sentence is not a heading either.
        if _NOT_HEADING.match(rest) or (doc.format == "text" and _continues_sentence(text, m.start())):
            continue
        # "Items 2, 3 and 4. Not applicable." lists what the report omits: not headings.
        if len(codes) > 2 and _OMITTED.match(rest):
            continue
        for raw, _s, _e in codes:
            code = _norm_code(raw)
            if code is None:
                continue
            if "." in code and code not in NEW_CODES:
                # "Item 2.2" style typos: accept only when the padded form is a real code.
                continue
            if "." not in code and not (1 <= int(code) <= 12):
                continue
            heads.append((code, m.start(), end, line_end))
    if not heads:
        return [], warnings
    heads = _one_numbering(heads, filed_date)
    heads = _skip_contents_entries(heads, text)
    sig = _signatures_heading(text, heads[-1][2])
    doc_end = sig.start() if sig else len(text)
    items: list[Item] = []
    seen: set[str] = set()
    # Group heads sharing a heading line (combined headings) so they share the body.
    starts = sorted({h[1] for h in heads})
    for code, hstart, hend, line_end in heads:
        if code in seen:
            continue
        seen.add(code)
        k = bisect.bisect_right(starts, hstart)  # next heading line (linear scan was O(n^2))
        nxt = starts[k] if k < len(starts) else None
        body_start = min(line_end + 1, len(text))
        body_end = min(nxt if nxt is not None else doc_end, doc_end) if hstart < doc_end else len(text)
        if body_end < body_start:
            body_end = body_start
        title = _title(text[hend:line_end])
        # The body is read in place (no copy of what can be most of the document).
        blank = _NON_BLANK.search(text, body_start, body_end) is None
        empty = bool(_EMPTY_AT.match(text, body_start, body_end)) or (
            blank and bool(title) and bool(_EMPTY.match(title))
        )
        # "Item 3.02 Unregistered Sales of Equity Securities. None." on one line.
        empty = empty or (blank and bool(title) and bool(_TITLE_THEN_NONE.search(title or "")))
        if title and _EMPTY.match(title):
            title = None
            empty = True
        items.append(
            Item(
                code=code,
                code_2004=to_2004(code, filed_date),
                title=title,
                document=doc.index,
                start=hstart + (len(text[hstart:hend]) - len(text[hstart:hend].lstrip(" \t>*-•·"))),
                end=hend,
                body_start=body_start,
                body_end=body_end,
                empty=empty,
            )
        )
    mixed = {("." in i.code) for i in items}
    if len(mixed) > 1:
        warnings.append("item headings mix the old (1-12) and the 2004 (1.01-9.01) numbering")
    if (
        filed_date
        and items
        and (
            filed_date >= "2004-08-23"
            and all("." not in i.code for i in items)
            and filed_date >= "2005-03-01"
        )
    ):
        warnings.append("old-style item numbers in a filing made after the 2004 reform")
    return items, warnings


_TITLE_THEN_NONE = re.compile(r"[.:;][ \t]*(?:none|not[ \t]+applicable)\.?$", re.I)
_OMITTED = re.compile(
    r"[ \t.:\-]*(?:(?:are|is)[ \t]+)?(?:none|not[ \t]+applicable|inapplicable|omitted|n/?a)\b", re.I
)


def _heads(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_HEAD.finditer(text)``, trying only the line starts _HEAD_LINE finds."""
    last = 0
    m = _HEAD.match(text, 0)
    if m:
        yield m
        last = m.end()
    for c in _HEAD_LINE.finditer(text):
        ls = c.start() + 1
        if ls < last:  # inside the previous heading ("ITEM\n5"): finditer would not look there either
            continue
        m = _HEAD.match(text, ls)
        if m:
            yield m
            last = m.end()


def _signatures_heading(text: str, pos: int) -> re.Match[str] | None:
    """``_SIGNATURES.search(text, pos)``, trying only the lines that spell the word."""
    tried = -1
    for w in _SIGNATURE_WORD.finditer(text, pos):
        ls = text.rfind("\n", 0, w.start()) + 1
        if ls < pos or ls == tried:  # a line starting before pos cannot match (``^``)
            continue
        tried = ls
        m = _SIGNATURES.match(text, ls)
        if m:
            return m
    return None


def _one_numbering(
    heads: list[tuple[str, int, int, int]], filed_date: str | None
) -> list[tuple[str, int, int, int]]:
    """A document is numbered in one regime: drop headings numbered in the other one.

    Shareholder-vote reports number their proposals "Item 2. Advisory Vote..." under Item 5.07
    (Coca-Cola, 0001552781-24-000261); those integers are not items once decimal headings are present.
    Before the 2004 reform the integer headings win.
    """
    decimal = [h for h in heads if "." in h[0]]
    integer = [h for h in heads if "." not in h[0]]
    if not decimal or not integer:
        return heads
    old_regime = filed_date is not None and filed_date < "2004-08-23"
    return integer if old_regime else decimal


def _skip_contents_entries(
    heads: list[tuple[str, int, int, int]], text: str
) -> list[tuple[str, int, int, int]]:
    """A code listed twice (a table of contents, then the body) counts once, at its body heading.

    The earlier entry is dropped only when no prose follows it before the next heading.
    """
    codes = [h[0] for h in heads]
    if len(set(codes)) == len(codes):
        return heads
    last = {c: i for i, c in enumerate(codes)}
    starts = sorted({h[1] for h in heads})
    keep: list[tuple[str, int, int, int]] = []
    for i, h in enumerate(heads):
        if last[h[0]] > i:
            k = bisect.bisect_right(starts, h[1])
            nxt = starts[k] if k < len(starts) else len(text)
            body = text[h[3] : nxt] if nxt > h[3] else ""
            # A contents entry is followed by nothing, or by a few short lines ("SIGNATURE",
            # "EX-99.1 PRESS RELEASE", 0000950135-07-002970), never by prose.
            if len("".join(body.split())) < 3 or (
                len(body) < 500 and all(len(line) < 80 for line in body.split("\n"))
            ):
                continue
        keep.append(h)
    return keep


def _continues_sentence(text: str, start: int) -> bool:
    """The line before ``start`` is a long line of running text ending mid-sentence (no blank line
    between): the "Item" at ``start`` continues that sentence."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    prev_end = line_start - 1
    if prev_end <= 0:
        return False
    prev_start = text.rfind("\n", 0, prev_end) + 1
    prev = text[prev_start:prev_end].rstrip()
    return len(prev.strip()) >= 50 and prev[-1:].isalpha() and prev[-1:].islower()


def _title(s: str) -> str | None:
    s = s.strip(" \t.:-–—")
    s = _SPACES.sub(" ", s).strip()
    if not s or len(s) > 200:
        return s[:200] if s else None
    return s
