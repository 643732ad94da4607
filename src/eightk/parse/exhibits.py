"""The exhibit list of an 8-K: the numbers under Item 9.01 / old Item 7 or in an exhibit index.

Where the list lives, by era:

- 2004+ HTML: a table under "Item 9.01" / "(d) Exhibits", one row per line ("99.1\\tPress release...");
  often repeated as an "EXHIBIT INDEX" after the signatures;
- 1993-2004 text: "(c) Exhibits" under Item 7 with "99   Press release" columns, or an "INDEX TO
  EXHIBITS" after the signature page ("The exhibits ... are listed in the Exhibit Index");
- some filings put a standalone "Exhibits" heading in another item's body (0000092122-05-000042).

Numbers are kept as printed ("99.01", "99.4(a)", "12(c)"), minus "Exhibit"/"EX-" prefixes and trailing
dots or footnote stars. References in running text ("attached as Exhibit 99.1") are never entries:
an entry is a number at the start of a line, followed by a description. A table of contents at the
top of the document can repeat the headings (0000950135-07-002616): the last Item 9.01 heading whose
region holds entries wins. With no list at all, the attached exhibit documents are the list (inline
XBRL support files, EX-101.*, excepted).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from eightk.model import Document, Exhibit, Item, evidence_for

# "Item 9.01", "ITEM 7.", "Item 9. 01": an item heading at the start of a line.
_ITEM_HEAD = re.compile(
    r"(?im)^[ \t>*\-]*ITEMS?[^\S\n]*(?:No\.?[^\S\n]*)?(\d{1,2})(?:[^\S\n]*\.[^\S\n]*(\d{1,2}))?(?!\d)"
)
_SIG_HEAD = re.compile(
    r"(?im)^[^\S\n]*S[^\S\n]*I[^\S\n]*G[^\S\n]*N[^\S\n]*A[^\S\n]*T[^\S\n]*U[^\S\n]*R[^\S\n]*E[^\S\n]*S?[^\S\n]*[.:]?[^\S\n]*$"
)
_INDEX_HEAD = re.compile(
    r"(?im)^[^\S\n]*(?:EXHIBIT[^\S\n]+INDEX|INDEX[^\S\n]+(?:TO|OF)[^\S\n]+EXHIBITS?|EXHIBIT[^\S\n]+LIST|"
    r"LIST[^\S\n]+OF[^\S\n]+EXHIBITS|EXHIBITS?[^\S\n]+INDEX)[ \t.:]*$"
)
# "(c) Exhibits", "(d)\tExhibit", "Exhibits.", "(c) Exhibits: None", "Exhibits\tDescription" (header row)
_SUB_HEAD = re.compile(
    r"(?im)^[^\S\n]*(?:\(?[a-d]\)[ \t.]*)?Exhibits?(?:[^\S\n]+filed|[^\S\n]+furnished)?[^\S\n]*[.:]?[^\S\n]*"
    r"(?P<none>(?:-[^\S\n]*)?(?:None|Not[^\S\n]+applicable|N/?A)\.?)?[^\S\n]*$"
)
_NONE = re.compile(r"\A[ \t\n.:\-]*(?:None|Not[^\S\n]+applicable|N/?A|Inapplicable)\b\.?", re.I)
_POINTER = re.compile(
    r"(?:listed|set forth|described|contained|included)\s+(?:in|on)\s+the\s+(?:accompanying\s+)?"
    r"(?:Exhibit\s+Index|Index\s+to\s+Exhibits)|incorporated\s+by\s+reference\s+to\s+the\s+exhibit\s+index",
    re.I,
)

# One list entry at the start of a line: optional "Exhibit"/"EX-" prefix, the number, a separator, the
# description. "99.1\tPress release", "Exhibit 99.01         Press Release.", "99(a) --   Audited...",
# "EX-104\tCover Page...", " 2.1*\tStock Purchase...", "(1)    Underwriting agreement".
_NUM = r"\d{1,3}(?:[^\S\n]*\.{1,2}\d{1,3}){0,2}(?:\.(?:INS|SCH|CAL|DEF|LAB|PRE)\b)?(?:[^\S\n]?\([a-zA-Z0-9]{1,3}\))*"
_ENTRY = re.compile(
    r"[^\S\n]*(?P<prefix>(?:Exhibits?|EX)[^\S\n]*(?:No\.?|Number|#)?[^\S\n]*[-.:]?[^\S\n]*)?"
    rf"(?P<paren>\()?(?P<num>{_NUM})(?(paren)\))"
    r"(?:[^\S\n]*(?:through|to|-|–)[^\S\n]*(?P<num2>" + _NUM + r"))?"
    r"(?P<trail>\.?[*†‡#+^]{0,3}\.?)"
    r"(?P<sep>[^\S\n]*(?:--?|–|—|:)[^\S\n]*|\t[^\S\n]*|[^\S\n]{2,}|[^\S\n](?=[A-Z0-9\"'(]))"
    r"(?P<desc>\S.*)?$",
    re.I,
)
_PAGE_TAIL = re.compile(
    r"(?:[^\S\n]*\.(?:[^\S\n]*\.)+[^\S\n]*|[^\S\n]{2,}|\t)(?:Page[^\S\n]*)?\d{1,3}[^\S\n]*$|[^\S\n]*\t[^\S\n]*[EP][^\S\n]*$"
)
_HEADER_ROW = re.compile(r"(?i)^[^\S\n]*(?:Exhibit|No\.|Number|Description|Page|Document|-{3,})")

VALID_MAJOR = set(range(1, 37)) | set(range(95, 111))


@dataclass(slots=True)
class _Entry:
    number: str
    num_start: int
    num_end: int
    desc: str | None
    desc_start: int
    desc_end: int
    indent: int
    lines: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Region:
    kind: str  # "item", "index", "sub"
    start: int
    end: int
    entries: list[_Entry]
    none: bool = False
    pointer: bool = False


def _indent(line: str) -> int:
    n = 0
    for ch in line:
        if ch == " ":
            n += 1
        elif ch == "\t":
            n += 8 - n % 8
        else:
            break
    return n


_BLANKS = re.compile(r"[^\S\n]+")
_DOTS = re.compile(r"\.{2,}")
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=4096)  # pure, asked again for the same few strings
def _clean_number(raw: str) -> str:
    if raw.isdecimal():  # "99", "104": nothing to clean
        return raw
    # "99..2" (0000078003-24-000144) is a typo for "99.2".
    return _DOTS.sub(".", _BLANKS.sub("", raw)).rstrip(".")


@functools.lru_cache(maxsize=4096)  # pure, asked again for the same few strings
def _major(num: str) -> int | None:
    m = _DIGITS.match(num)
    return int(m.group()) if m else None


def _page_tail(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_PAGE_TAIL.search(text, start, end)``: both of its forms end the line with a digit or E/P
    (then blanks), so other lines are not searched."""
    j = end
    while j > start and text[j - 1].isspace():
        j -= 1
    if j == start:
        return None
    c = text[j - 1]
    if not (c.isdigit() or c == "E" or c == "P"):
        return None
    return _PAGE_TAIL.search(text, start, end)


# Several rows merged into one table cell: "3.1 99.1\tCertificate ... Press Release ..."
# (0001171200-22-000059): the numbers are certain, which description goes with which is not.
_NUM_RX = re.compile(_NUM)
_MULTI = re.compile(rf"[^\S\n]*((?:{_NUM})(?:[^\S\n]+(?:{_NUM}))+)[^\S\n]*\t")


def parse_entry(text: str, ls: int, le: int, parens: bool = False) -> _Entry | list[_Entry] | None:
    """The list entry on the line ``text[ls:le]``, or None (a range or a merged cell yields several)."""
    mm = _MULTI.match(text, ls, le) if text.find("\t", ls, le) >= 0 else None
    if mm:
        out = []
        for nm in _NUM_RX.finditer(mm.group(1)):
            num = _clean_number(nm.group())
            major = _major(num)
            if major is None or major not in VALID_MAJOR:
                return None
            s0 = mm.start(1) + nm.start()
            out.append(_Entry(num, s0, s0 + len(nm.group()), None, mm.end(), mm.end(), 0, [text[ls:le]]))
        return out
    m = _ENTRY.match(text, ls, le)
    if not m or m.end() != le:
        return None
    if m.group("paren") and not parens:
        # "(1) The financial statements required by Item 9.01(a)..." numbers a paragraph, not an exhibit.
        return None
    num = _clean_number(m.group("num"))
    major = _major(num)
    if major is None or major not in VALID_MAJOR:
        return None
    desc = m.group("desc")
    if desc is None:
        return None
    if desc[:1].islower():
        return None  # "Exhibit 99.1 to the Company's report": running text
    if _RUNNING.match(desc):
        return None
    if _NUMBERS_ROW.fullmatch(desc):
        return None  # a number table row, not an exhibit
    d_start = m.start("desc")
    d_end = le
    pt = _page_tail(text, d_start, le)
    if pt and pt.start() > d_start:
        d_end = pt.start()
    while d_end > d_start and text[d_end - 1] in " \t":
        d_end -= 1
    line = text[ls:le]
    entry = _Entry(
        number=num,
        num_start=m.start("num"),
        num_end=m.start("num") + len(m.group("num").rstrip(". \t")),
        desc=text[d_start:d_end] or None,
        desc_start=d_start,
        desc_end=d_end,
        indent=len(text[ls:d_start].expandtabs(8)),
        lines=[line],
    )
    if m.group("num2"):
        n2 = _clean_number(m.group("num2"))
        rng = _expand_range(num, n2)
        if rng:
            return [
                _Entry(n, entry.num_start, m.end("num2"), entry.desc, d_start, d_end, entry.indent, [line])
                for n in rng
            ]
    return entry


_RUNNING = re.compile(
    r"(?i)(?:of|to|and|or|hereto|thereto|percent|%|million|billion|shares|days|years|am|pm|a\.m|p\.m)\b"
)
_NUMBERS_ROW = re.compile(r"[\d.,%$ \t\-]+")
_DESC_START = re.compile(r"[A-Z\"'(]")
_NONE_LINE = re.compile(r"(?i)(?:none|not applicable)\.?")
_RULE_LINE = re.compile(r"[^\S\n]*[-=_*]{3,}")
_PAGE_LINE = re.compile(r"[^\S\n]*-?[^\S\n]*\d{1,3}[^\S\n]*-?[ \t.]*")
_INDEX_WORD = "ndex"  # every _POINTER sentence names the exhibit "index"


# A number alone on its line, the description on the next one (table cells laid out as paragraphs):
# only dotted numbers or "Exhibit"-prefixed ones, so that page numbers ("2") never qualify.
_ALONE = re.compile(
    rf"[^\S\n]*(?:(?P<prefix>(?:Exhibit|EX)[^\S\n]*(?:No\.?|Number)?[^\S\n]*[-.:]?[^\S\n]*)(?P<n1>{_NUM})|"
    r"(?P<n2>\d{1,3}\.\d{1,3}(?:\.\d{1,3})?(?:[^\S\n]?\([a-zA-Z0-9]{1,3}\))*))[*†‡#+^.]{0,3}[^\S\n]*$",
    re.I,
)


def _split_entry(text: str, ls: int, le: int, end: int) -> tuple[_Entry | None, int]:
    """A number alone on the line ``text[ls:le]`` with its description on one of the next two lines
    (up to ``end``): the entry and the end of the description line (-1 when none)."""
    m = _ALONE.match(text, ls, le)
    if not m or m.end() != le:
        return None, -1
    ds = le + 1
    for _ in range(2):
        if ds >= end:
            break
        nl = text.find("\n", ds, end)
        de = end if nl < 0 else nl
        d = text[ds:de].strip()
        if not d:
            ds = de + 1
            continue
        if not _DESC_START.match(d) or _ALONE.match(text, ds, de) or _ENTRY.match(text, ds, de):
            return None, -1
        if _SIG_HEAD.match(d) or _INDEX_HEAD.match(d) or _ITEM_HEAD.match(d) or _HEADER_ROW.match(d):
            return None, -1
        g = "n1" if m.group("n1") else "n2"
        num = _clean_number(m.group(g))
        major = _major(num)
        if major is None or major not in VALID_MAJOR:
            return None, -1
        d_start = ds + (len(text[ds:de]) - len(text[ds:de].lstrip()))
        d_end = ds + len(text[ds:de].rstrip())
        return _Entry(
            num, m.start(g), m.start(g) + len(m.group(g).rstrip(". ")), d, d_start, d_end, 0, [d]
        ), de
    return None, -1


def _expand_range(a: str, b: str) -> list[str] | None:
    pa, pb = a.split("."), b.split(".")
    if len(pa) != len(pb) or len(pa) < 2 or pa[:-1] != pb[:-1]:
        return None
    if not (pa[-1].isdigit() and pb[-1].isdigit()):
        return None
    lo, hi = int(pa[-1]), int(pb[-1])
    if not (lo < hi <= lo + 50):
        return None
    width = len(pa[-1]) if pa[-1].startswith("0") else 0
    stem = ".".join(pa[:-1])
    return [f"{stem}.{str(k).zfill(width)}" for k in range(lo, hi + 1)]


def _parse_list(
    text: str, start: int, end: int, max_lead: int = 12, parens: bool = False
) -> tuple[list[_Entry], bool, bool]:
    """Entries from ``start``; returns (entries, says_none, points_to_index)."""
    entries: list[_Entry] = []
    lead = 0
    misses = 0
    none = False
    pointer = False
    head = text[start : min(end, start + 600)]
    if _NONE.match(head):
        return [], True, False
    if _INDEX_WORD in head.lower() and _POINTER.search(head):
        pointer = True
    skip_to = -1  # the end of a description line _split_entry took
    pos = start
    while pos < end:  # line by line; the loop usually stops long before ``end``
        ls = pos
        nl = text.find("\n", ls, end)
        le = end if nl < 0 else nl
        pos = le + 1
        if ls <= skip_to:
            continue
        line = text[ls:le]
        stripped = line.strip()
        if not stripped:
            continue
        # Each pattern is tried only where the line's first character (past white space) can start it;
        # a non-ASCII one tries them all (re.I reads "\u0130", "\u0131", "\u017f" as "i" and "s").
        c0 = stripped[0]
        odd = not c0.isascii()
        if (odd or c0 in "Ss") and _SIG_HEAD.match(line):
            break
        if entries and (odd or c0 in "EeIiLl") and _INDEX_HEAD.match(line):
            break
        if (odd or c0 in "Ii>*-") and _ITEM_HEAD.match(line):
            break
        # An entry (also a merged cell, a number alone on its line) starts with "Exhibit"/"EX", "(" or
        # a digit.
        if odd or c0 in "Ee(" or c0.isdigit():
            got = parse_entry(text, ls, le, parens)
            if got is None:
                got, skip_to = _split_entry(text, ls, le, end)
        else:
            got = None
        if got is not None:
            new = got if isinstance(got, list) else [got]
            entries.extend(new)
            misses = 0
            continue
        if not entries:
            if _HEADER_ROW.match(line) or _SUB_HEAD.match(line):
                continue
            lead += 1
            if lead > max_lead:
                break
            continue
        last = entries[-1]
        if _NONE.fullmatch(stripped) or _NONE_LINE.fullmatch(stripped):
            # "(16) Letter re change in certifying accountant / Not Applicable." (0000703901-98-000003)
            last.desc = None
            last.number = ""
            misses = 0
            continue
        ind = len(line[: len(line) - len(line.lstrip(" \t"))].expandtabs(8))
        if (
            ind >= last.indent - 2
            and ind > 0
            and not _RULE_LINE.match(line)
            and not _PAGE_LINE.fullmatch(line)
        ):
            # A wrapped description (text filings indent continuations under the description column).
            if len(last.lines) < 6:
                last.lines.append(line)
                pt = _page_tail(text, ls, le)
                last.desc_end = pt.start() if pt and pt.start() > ls else le
            continue
        misses += 1
        if misses >= 2:
            break
    entries = [e for e in entries if e.number]
    return entries, none, pointer


def _exhibit_item_codes(items: list[Item]) -> set[str]:
    codes = {"9.01"}
    for it in items:
        if it.code_2004 == "9.01":
            codes.add(it.code)
    return codes


def line_spans(
    text: str, needles: tuple[str, ...], start: int = 0, end: int | None = None
) -> list[tuple[int, int]]:
    """Spans of the lines of ``text[start:end]`` holding one of ``needles``, in order.

    Plain ``str.find`` is an order of magnitude faster than a multiline ``^...`` regex run over the
    whole document, so headings are looked for on these lines only. Over the whole text, each needle's
    lines are kept for the document last asked about (exhibits and signatures look for the same words).
    """
    global _LINES_OF
    n = len(text)
    end = n if end is None else end
    if start == 0 and end == n:
        c = _LINES_OF
        if c[0] is not text:
            c = _LINES_OF = (text, {})
        cache = c[1]
        per = []
        for nd in needles:
            got = cache.get(nd)
            if got is None:
                got = cache[nd] = _needle_lines(text, nd, 0, end)
            per.append(got)
    else:
        per = [_needle_lines(text, nd, start, end) for nd in needles]
    if len(per) == 1:
        return list(per[0])
    return sorted(set().union(*per))


# (text, needle -> its lines): one tuple, replaced whole, so a thread never reads another text's lines.
_LINES_OF: tuple[str | None, dict[str, list[tuple[int, int]]]] = (None, {})


def _needle_lines(text: str, nd: str, start: int, end: int) -> list[tuple[int, int]]:
    """The lines holding ``nd`` (one span per line, in order)."""
    n = len(text)
    out: list[tuple[int, int]] = []
    i = text.find(nd, start, end)
    while i >= 0:
        ls = text.rfind("\n", 0, i) + 1
        le = text.find("\n", i)
        le = n if le < 0 else le
        out.append((ls, le))
        i = text.find(nd, le, end)
    return out


_ITEM_NEEDLES = ("ITEM", "Item")
_SIG_NEEDLES = ("SIGNATURE", "Signature", "S I G N")
_EX_NEEDLES = ("EXHIBIT", "Exhibit")


def _heads(text: str, rx: re.Pattern[str], needles: tuple[str, ...], start: int = 0, end: int | None = None):  # type: ignore[no-untyped-def]
    for ls, le in line_spans(text, needles, start, end):
        m = rx.match(text, ls, le)
        if m:
            yield m


def _regions(doc: Document, items: list[Item]) -> list[_Region]:
    text = doc.text
    n = len(text)
    codes = _exhibit_item_codes(items)
    old_style = any("." not in it.code for it in items)
    heads = []  # (start, end of line, code)
    for m in _heads(text, _ITEM_HEAD, _ITEM_NEEDLES):
        code = m.group(1) + (f".{m.group(2).zfill(2)}" if m.group(2) else "")
        if m.group(2) is None:
            code = str(int(m.group(1)))
        le = text.find("\n", m.end())
        le = n if le < 0 else le
        heads.append((m.start(), le, code))
    sigs = [m.start() for m in _heads(text, _SIG_HEAD, _SIG_NEEDLES)]
    ex_lines = line_spans(text, _EX_NEEDLES)
    regions: list[_Region] = []
    for i, (hs, le, code) in enumerate(heads):
        title = text[le - min(le - hs, 200) : le]
        is_ex = code == "9.01" or (
            code == "7"
            and (
                code in codes
                or (old_style and _EXHIBIT_WORD.search(title) is not None)
                or _EXHIBITS_WORD.search(title) is not None
            )
        )
        if not is_ex:
            continue
        nxt = heads[i + 1][0] if i + 1 < len(heads) else n
        nxt_sig = next((s for s in sigs if s > le), n)
        end = min(nxt, nxt_sig, n)
        # The title can sit on its own line after the number ("ITEM 7.\nFinancial Statements...").
        start = min(le + 1, n)
        sub = None
        for ls, lend in ex_lines:
            if start <= ls < end:
                sub = _SUB_HEAD.match(text, ls, lend)
                if sub:
                    break
        if sub is not None and sub.group("none"):
            regions.append(_Region("item", hs, end, [], none=True))
            continue
        s0 = sub.end() if sub else start
        entries, none, pointer = _parse_list(text, s0, end, max_lead=14 if sub else 8)
        if none and sub is None:
            none = bool(_NONE.match(text[s0:end]))
        regions.append(_Region("item", hs, end, entries, none=none, pointer=pointer))
    item_spans = [(r.start, r.end) for r in regions]
    for ls, le in ex_lines:
        m = _INDEX_HEAD.match(text, ls, le)
        if m:
            s0 = min(m.end() + 1, n)
            end = min(n, s0 + 20000)
            entries, none, _ = _parse_list(text, s0, end, max_lead=8, parens=True)
            regions.append(_Region("index", m.start(), end, entries, none=none))
            continue
        m = _SUB_HEAD.match(text, ls, le)
        if not m or any(a <= m.start() < b for a, b in item_spans):
            continue
        if m.group("none"):
            regions.append(_Region("sub", m.start(), m.end(), [], none=True))
            continue
        s0 = min(m.end() + 1, n)
        end = min(n, s0 + 8000)
        entries, none, _ = _parse_list(text, s0, end, max_lead=12)
        regions.append(_Region("sub", m.start(), end, entries, none=none))
    return regions


_EXHIBIT_WORD = re.compile(r"(?i)exhibit")
_EXHIBITS_WORD = re.compile(r"(?i)exhibits")
_TYPE_NUMBER = re.compile(r"(?i)EX-(\d{1,3}(?:\.\d{1,3}){0,2})\.?((?:\([A-Za-z0-9]{1,3}\))*)")
_XBRL_MAJOR = re.compile(r"10[0-9]$")
_NOT_ATTACHED = re.compile(
    r"(?i)incorporated|included|contained|filed as|previously filed|herein by reference"
)


@functools.lru_cache(maxsize=2048)  # the same few keys ("99.1", "EX-99.1") in filing after filing
def _doc_key(s: str) -> str:
    """ "EX-99.4(A)" / "99.4(a)" / "99.4 (a)" -> "99.4a"; "EX-99.(A)" / "99(a)" -> "99a"."""
    s = s.strip().lower()
    s = _KEY_PREFIX.sub("", s)
    s = _KEY_PARENS.sub("", s)
    s = _KEY_DOT.sub("", s)
    return s


_KEY_PREFIX = re.compile(r"^ex(?:hibit)?[-\s.]*")
_KEY_PARENS = re.compile(r"[()\s]")
_KEY_DOT = re.compile(r"\.(?=[a-z]|$)")


_FILE_EX = re.compile(r"ex(?:hibit)?[-_]?(\d{1,3})(?:[-_.]?(\d{1,3}))?", re.I)


def _attachments(docs: list[Document], primary: int, xbrl: bool = False) -> list[Document]:
    """The attached exhibit documents; inline XBRL support files (EX-100/EX-101.*) only when asked."""
    out = []
    for d in docs:
        if d.index == primary:
            continue
        t = d.type.strip().upper()
        if not t.startswith("EX-"):
            continue
        if not xbrl and t.startswith(("EX-101", "EX-100")):
            continue
        out.append(d)
    return out


def _match_docs(exhibits: list[_Entry], atts: list[Document]) -> dict[int, int]:
    """Entry position -> attached document index (by EDGAR type, then file name, then the bare major)."""
    if not atts:
        return {}
    ekeys = [_doc_key(e.number) for e in exhibits]
    dkeys = {d.index: _doc_key(d.type) for d in atts}
    used: set[int] = set()
    out: dict[int, int] = {}
    for i, k in enumerate(ekeys):
        for d in atts:
            if d.index not in used and dkeys[d.index] == k:
                out[i] = d.index
                used.add(d.index)
                break
    for i, k in enumerate(ekeys):
        if i in out:
            continue
        for d in atts:
            if d.index in used or not d.filename:
                continue
            fm = _FILE_EX.search(d.filename)
            if fm and (fm.group(1) + ("." + str(int(fm.group(2))) if fm.group(2) else "")) == k:
                out[i] = d.index
                used.add(d.index)
                break
    # "99.1" listed, "EX-99" attached (0000320193-96-000027), or the reverse: only when unambiguous.
    majors = [k.split(".")[0] for k in ekeys]
    for i, major in enumerate(majors):
        if i in out or majors.count(major) != 1:
            continue
        cands = [d for d in atts if d.index not in used and dkeys[d.index].split(".")[0] == major]
        if len(cands) == 1:
            out[i] = cands[0].index
            used.add(cands[0].index)
    return out


def _number_from_type(t: str) -> str | None:
    m = _TYPE_NUMBER.match(t.strip())
    if not m:
        return None
    return m.group(1) + m.group(2).lower()


def find_exhibits(doc: Document, items: list[Item], docs: list[Document]) -> tuple[list[Exhibit], list[str]]:
    """The exhibit list of the 8-K document ``doc`` (see the module docstring for the rules)."""
    warnings: list[str] = []
    try:
        regions = _regions(doc, items)
    except Exception as exc:  # never fail the whole parse on a list we cannot read
        return [], [f"exhibit list not read: {type(exc).__name__}"]
    atts = _attachments(docs, doc.index)
    item_regions = [r for r in regions if r.kind == "item"]
    chosen: _Region | None = None
    for r in reversed(item_regions):
        if r.entries:
            chosen = r
            break
    if chosen is None:
        for kind in ("index", "sub"):
            cands = [r for r in regions if r.kind == kind and r.entries]
            if cands:
                chosen = cands[-1] if kind == "index" else cands[0]
                break
    if chosen is None:
        said_none = any(r.none for r in item_regions) or (not item_regions and any(r.none for r in regions))
        if said_none:
            if atts:
                warnings.append(
                    "exhibit list says none, but exhibit documents are attached: "
                    + ", ".join(d.type for d in atts)
                )
            return [], warnings
        # No list: the attached exhibit documents are the list.
        out = []
        for d in atts:
            num = _number_from_type(d.type)
            if num is None:
                continue
            out.append(
                Exhibit(number=num, description=d.description or None, document=d.index, filename=d.filename)
            )
        return out, warnings
    entries = chosen.entries
    # One number listed twice (a wrapped table) counts once.
    seen: set[str] = set()
    uniq = []
    for e in entries:
        if e.number in seen:
            continue
        seen.add(e.number)
        uniq.append(e)
    entries = uniq
    # A list that names "101.INS" links to the EX-101.INS document.
    links = _match_docs(entries, _attachments(docs, doc.index, xbrl=True))
    out = []
    text = doc.text
    for i, e in enumerate(entries):
        desc = None
        ev = {"number": evidence_for(doc, e.num_start, e.num_end)}
        if e.desc is not None and e.desc_end > e.desc_start:
            raw = text[e.desc_start : e.desc_end]
            desc = _SPACES.sub(" ", raw).strip() or None
            if desc:
                ev["description"] = evidence_for(doc, e.desc_start, e.desc_end)
        di = links.get(i)
        out.append(
            Exhibit(
                number=e.number,
                description=desc,
                document=di,
                filename=docs[di].filename if di is not None and di < len(docs) else None,
                evidence=ev,
            )
        )
    if len(docs) > 1:
        linked = set(links.values())
        missing = [
            e.number
            for i, e in enumerate(entries)
            if i not in links
            and not _XBRL_MAJOR.match(_doc_key(e.number).split(".")[0])
            and not _NOT_ATTACHED.search(" ".join(e.lines))
        ]
        if missing and atts:
            warnings.append("exhibits listed but not attached: " + ", ".join(missing))
        extra = [d.type for d in atts if d.index not in linked]
        if extra:
            warnings.append("exhibit documents attached but not listed: " + ", ".join(extra))
    return out, warnings
