"""The signature block of an 8-K: who signed, with what title, on what date.

The block follows a "SIGNATURE(S)" heading (also "S I G N A T U R E S", "Signatures") and the
"Pursuant to the requirements of the Securities Exchange Act of 1934..." sentence. Layouts by era:

- text filings: columns ("Date: April 27, 2006          By: /s/ V. Lawrence Evans"), the typed name and
  title lines under a rule of dashes, sometimes "Name:" / "Title:" labels with a title wrapped over lines;
- HTML tables (one cell per tab): "Date:\\tJune 4, 2024\\tBy:\\t/s/ April Miller Boise", then the name and
  the title lines; sometimes name and title share a line ("Alex C. Hui President and Chief Executive
  Officer") or the whole block is one line ("By /s/W. Ron Hinson W. Ron Hinson Comptroller");
- several signers (co-registrants, CEO + CFO), signatures without "/s/" (a bare "By:").

A signer starts at "By", "/s/" (also "/S/", "\\s\\", "//") or "Name:". The printed name line wins over
the conformed "/s/" name ("/s/ Herb Glaubman" over "Herbert Glaubman"). The title is every title-like
line after the name, joined with ", " (wrapped lines with a space). The date is the one printed in the
block ("Date:", "Dated:", or a bare date cell), nearest to the signer.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from eightk.model import Document, Evidence, Item, Signature, evidence_for
from eightk.parse.casefold import KeywordPattern
from eightk.parse.dates import MONTHS, find_date
from eightk.parse.exhibits import line_spans

_SIG_NEEDLES = ("SIGNATURE", "Signature", "S I G N", "S  I  G  N")

_SIG_HEAD = re.compile(
    r"(?im)^[^\S\n]*S[^\S\n]*I[^\S\n]*G[^\S\n]*N[^\S\n]*A[^\S\n]*T[^\S\n]*U[^\S\n]*R[^\S\n]*E[^\S\n]*S?"
    r"(?:[^\S\n]+PAGE)?[^\S\n]*[.:]?[^\S\n]*$"
)
_PURSUANT = re.compile(
    r"Pursuant[^\S\n]+to[^\S\n]+the[^\S\n]+requirements[^\S\n]+of[^\S\n]+the[^\S\n]+Securities", re.I
)
_PARA_END = re.compile(
    r"(?:authorized|undersigned|authorised|person|thereunto|hereunto)[^\S\n]*(?:officer)?[^\S\n]*[.:]", re.I
)
_STOP = re.compile(
    r"(?im)^[^\S\n]*(?:EXHIBIT[^\S\n]+INDEX|INDEX[^\S\n]+(?:TO|OF)[^\S\n]+EXHIBITS?|EXHIBIT[^\S\n]+LIST|"
    r"LIST[^\S\n]+OF[^\S\n]+EXHIBITS|EXHIBITS?[^\S\n]+INDEX|Exhibit[^\S\n]+No\.?|Exhibit[^\S\n]+Number|"
    r"EXHIBIT[^\S\n]+\d{1,3}(?:\.\d{1,3})*[^\S\n]*|STATEMENT[^\S\n]+OF[^\S\n]+DIFFERENCES|"
    r"ITEM[^\S\n]+\d{1,2}(?:\.\d{2})?\b.*|Table[^\S\n]+of[^\S\n]+Contents|<PAGE>.*|"
    r"FOR[^\S\n]+IMMEDIATE[^\S\n]+RELEASE.*|CERTIFICATION.*|NEWS[^\S\n]+RELEASE.*)[^\S\n]*$"
)
_CELL_SPLIT = re.compile(r"\t|[^\S\n]{3,}")
# Every _STOP match starts (past white space) with one of these, or a non-ASCII character that
# re.I reads as one of them ("\u0130", "\u0131", "\u017f").
_STOP_FIRST = frozenset("EeIiLlSsTtFfCcNn<")
_LABEL = re.compile(
    r"(?<=\S)[^\S\n]+(?=(?:By|Name|Title|Its|Date|Dated|Signature|Print(?:ed)?[^\S\n]+Name)[^\S\n]*:)"
)
_SLASH_S = re.compile(r"(?:/s/|/S/|\\s\\|\\S\\|//|S/)")
_BY = re.compile(r"By\b[^\S\n]*:?[^\S\n]*", re.I)
_LABEL_ONLY = re.compile(r"(?i)(?:(?:Print(?:ed)?[^\S\n]+)?Name|Title|Its)[^\S\n]*:|Title")
_DATE_LABEL = re.compile(r"(?:Date|Dated)\b[^\S\n]*:?[^\S\n]*", re.I)
_NAME_LABEL = re.compile(r"(?:Print(?:ed)?[^\S\n]+)?Name[^\S\n]*:[^\S\n]*", re.I)
_TITLE_LABEL = re.compile(r"(?:Title|Its)[^\S\n]*:\s*|Title\t\s*", re.I)
_RULE = re.compile(r"[-_=.\s]*")
_PAGE = re.compile(r"(?i)-?[^\S\n]*(?:page[^\S\n]*)?\d{1,3}[^\S\n]*-?\.?|[ivx]{1,4}|\d{1,3}[^\S\n]+\d{1,3}")
_SKIP = re.compile(r"(?i)\(?(?:registrant|signature|date)\)?:?")
_TITLE_WORDS = re.compile(
    r"(?i)\b(?:President|Vice|VP|EVP|SVP|Officer|Chief|Director|Secretary|Treasurer|Counsel|Controller|"
    r"Comptroller|Chairman|Chairwoman|Chair|Chairperson|Manager|Member|Partner|Trustee|CEO|CFO|COO|CAO|CLO|"
    r"CTO|General|Executive|Principal|Accounting|Finance|Financial|Operations|Legal|Administration|Head|"
    r"Attorney|Signatory|Agent|Assistant|Deputy|Associate|Senior|Managing|Corporate|Investor|Relations|"
    r"Governance|Affairs|Founder|Owner|Sole|Administrator|Clerk|Registered|In-House|Operating|Authorized|"
    r"Superintendent|Commissioner|Liquidator|Receiver|Executor|Custodian|Servicer|Depositor|Accountant|"
    r"Controller|Regional|Division|Group|Strategy|Business|Development|Compliance|Risk|Audit|Tax|"
    r"Technology|Marketing|Sales|Human|Resources|Planning|Reporting)\b"
)
_COMPANY_WORDS = re.compile(
    r"(?i)\b(?:Inc|Incorporated|Corp|Corporation|Company|Co|LLC|L\.L\.C|Ltd|Limited|LP|L\.P|PLC|N\.V|S\.A|"
    r"LLP|Trust|Bancorp|Holdings|Group|Partners|Fund|Bank|Technologies|Systems)\b\.?"
)
_WORD_RUN = re.compile(r"\w+")


def _word_list(rx: re.Pattern[str]) -> frozenset[str]:
    body = rx.pattern.split(r"\b(?:", 1)[1].split(r")\b", 1)[0]
    return frozenset(w.lower() for w in body.split("|") if w.isalpha())


# The two word lists as sets, for ASCII strings: a listed word between word boundaries is a whole run of
# word characters. The regexes (an alternation tried at every position) stay the reference; they still
# answer for non-ASCII strings and for the few entries that are not one run ("In-House", "L.L.C").
_TITLE_SET = _word_list(_TITLE_WORDS)
_COMPANY_SET = _word_list(_COMPANY_WORDS)
_COMPANY_DOTTED = ("l.l.c", "l.p", "n.v", "s.a")


@functools.lru_cache(maxsize=4096)
def _has_title_word(s: str) -> bool:
    """``bool(_TITLE_WORDS.search(s))``."""
    if s.isascii():
        low = s.lower()
        if not _TITLE_SET.isdisjoint(_WORD_RUN.findall(low)):
            return True
        if "in-house" not in low:
            return False
    return _TITLE_WORDS.search(s) is not None


@functools.lru_cache(maxsize=4096)
def _has_company_word(s: str) -> bool:
    """``bool(_COMPANY_WORDS.search(s))``."""
    if s.isascii():
        low = s.lower()
        if not _COMPANY_SET.isdisjoint(_WORD_RUN.findall(low)):
            return True
        if "." not in low or not any(d in low for d in _COMPANY_DOTTED):
            return False
    return _COMPANY_WORDS.search(s) is not None


_SUFFIX = r"(?:Jr\.?|Sr\.?|II|III|IV|V|Esq\.?|Ph\.?D\.?|M\.?D\.?|CPA)"
_NAME_TOKEN = re.compile(
    r"(?:[A-Z][a-zA-Z'\u00C0-\u017F\-]*\.?|[A-Z]\.(?:[A-Z]\.)*|de|van|von|der|la|del|da|di|le|du|St\.)"
)
_MONTH_FUZZY = re.compile(
    r"\b([A-Za-z]{3,10})\.?[^\S\n]+(\d{1,2})(?:st|nd|rd|th)?,?[^\S\n]+((?:19|20)\d{2})\b"
)
_CONNECT_END = re.compile(
    r"(?:\b(?:and|of|the|for|&|to|in|And|Of|Chief|Vice|Senior|Deputy|Assistant)|[,/\-])$"
)
# A wrapped line that cannot start a title of its own continues the previous one.
_CONNECT_START = re.compile(
    r"(?:and\b|&|of\b|[a-z]|(?:Officer|Counsel|Financial|Operating|Accounting|Relations|Affairs)\b)"
)
_DULY = re.compile(r"duly[^\S\n]+(?:caused|authorized)", re.I)
_SUFFIX_END = re.compile(rf",?[^\S\n]+{_SUFFIX}$")
_SUFFIX_START = re.compile(rf"[^\S\n]*{_SUFFIX}\b")
_NOT_IN_NAME = re.compile(r"[:;/()\[\]@$%]")
_PUNCT = re.compile(r"[^\w\s]")
_NON_WORD = re.compile(r"[^\w]+")
_WORDS = re.compile(r"\S+")
_COMMA = re.compile(r",")
_SPACES = re.compile(r"\s+")
_DATE_WORD = re.compile(r"\(?Date\)?", re.I)
_SIGNATURE_LABEL = re.compile(r"(?i)Signature[^\S\n]*:[^\S\n]*")
_TITLE_WORD_ALONE = re.compile(r"(?:Title|Its)[^\S\n]*:?")
_TITLE_PREFIX = re.compile(r"(?:Its|Title:?)\s+")
_TITLE_PREFIX_AT_START = re.compile(r"^(?:Its|Title:?)\s+")
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Every date find_date reads starts with a digit or a month name: a cell whose first three characters
# start neither cannot begin with a date, so it is not searched.
_DATE_NEAR = re.compile(r"(?s).{0,2}?(?:\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))")
_ASCII_LOWER = re.compile(r"[a-z]")
# The first characters (ASCII) that can start a _DATE_WORD, _RULE, _PAGE or _SKIP cell (re.I; _PAGE's
# \d also reads non-ASCII digits, which the non-ASCII test covers).
_SKIP_FIRST = frozenset("(Dd-_=.PpIiVvXxRrSs0123456789 \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f")


@dataclass(slots=True)
class _Cell:
    text: str
    start: int
    end: int
    line: int


@dataclass(slots=True)
class _Signer:
    anchor: int  # text position where the signer starts
    s_name: tuple[str, int, int] | None = None  # conformed "/s/" name
    name: tuple[str, int, int] | None = None
    title: list[tuple[str, int, int]] = field(default_factory=list)
    closed: bool = False
    last_line: int = -1
    registrant: str | None = None
    labeled_title: bool = False
    line: int = -1  # line of the anchor: signers anchored on one line sit side by side


def find_block(text: str) -> tuple[int, int] | None:
    """The span of the signature block in the 8-K text (from the heading or the "Pursuant" sentence)."""
    n = len(text)
    start = None
    heads = [m for ls, le in line_spans(text, _SIG_NEEDLES) if (m := _SIG_HEAD.match(text, ls, le))]
    for m in heads:
        # The sentence must follow the heading closely: a table of contents also lists "SIGNATURE",
        # and a short document puts the real sentence within reach of it (0001193125-14-242424).
        window = text[m.end() : m.end() + 900]
        pm = _PURSUANT.search(window) or _DULY.search(window)
        if pm:
            between = [ln for ln in window[: pm.start()].split("\n")[:-1] if ln.strip()]
            if len(between) <= 3 and all(len(ln.strip()) <= 40 for ln in between):
                start = m.start()
                break
    if start is None:
        # No heading (0001012870-02-001163): the last "Pursuant to the requirements" sentence.
        ms = list(_PURSUANT.finditer(text))
        if ms:
            start = ms[-1].start()
    if start is None:
        for m in heads:
            if _SLASH_S.search(text, m.end(), min(n, m.end() + 1500)):
                start = m.start()
                break
    if start is None:
        return None
    end = min(n, start + 4000)
    return start, end


def _body_start(text: str, start: int, end: int) -> int:
    """Skip the heading and the "Pursuant to the requirements..." sentence."""
    m = _PURSUANT.search(text, start, min(end, start + 800))
    if not m:
        nl = text.find("\n", start, end)
        return end if nl < 0 else nl + 1
    e = _PARA_END_FAST.search(text, m.end(), min(end, m.end() + 700))
    if e:
        return e.end()
    nl = text.find("\n\n", m.end(), end)
    return m.end() if nl < 0 else nl


# The regex (case-insensitive, no literal start) is tried only where one of its words starts.
_PARA_END_FAST = KeywordPattern(
    _PARA_END, ("authorized", "undersigned", "authorised", "person", "thereunto", "hereunto")
)


def _cells(text: str, start: int, end: int) -> Iterator[_Cell]:
    line_no = 0
    pos = start
    find = text.find
    while pos < end:
        nl = find("\n", pos, end)
        le = end if nl < 0 else nl
        line = text[pos:le]
        stripped = line.strip()
        if stripped:
            # _STOP (case-insensitive) starts, past white space, with one of its words' first letters.
            c0 = stripped[0]
            if c0 in _STOP_FIRST or not c0.isascii():
                stop = _STOP.match(text, pos, le)
                if stop and stop.end() == le:
                    break
            row: list[_Cell] = []
            segs = []
            a = pos
            # A cell border is a tab or three white space characters in a row: three spaces, or white
            # space other than a space, which str.isprintable() calls unprintable.
            if "   " in line or not line.isprintable():
                for m in _CELL_SPLIT.finditer(text, pos, le):
                    segs.append((a, m.start()))
                    a = m.end()
            segs.append((a, le))
            for a, b in segs:
                # Labels inside one cell ("By: /s/ X Name: X Title: Y") start cells of their own; every
                # label ends with ":", so a cell without one is not searched.
                if find(":", a, b) >= 0:
                    subs = [a]
                    for lm in _LABEL.finditer(text, a, b):
                        subs.append(lm.start())
                        subs.append(lm.end())
                    subs.append(b)
                    parts = list(zip(subs[0::2], subs[1::2], strict=False))
                else:
                    parts = [(a, b)]
                for c, d in parts:
                    while c < d and text[c].isspace():
                        c += 1
                    while d > c and text[d - 1].isspace():
                        d -= 1
                    if c < d:
                        row.append(_Cell(text[c:d], c, d, line_no))
            # A label in its own table cell ("Name:\tJane Roe") joins the cell after it.
            if len(row) == 1:
                yield row[0]
            else:
                k = 0
                while k < len(row):
                    cell = row[k]
                    if k + 1 < len(row) and _LABEL_ONLY.fullmatch(cell.text):
                        nxt = row[k + 1]
                        yield _Cell(text[cell.start : nxt.end], cell.start, nxt.end, line_no)
                        k += 2
                        continue
                    yield cell
                    k += 1
        line_no += 1
        pos = le + 1


def _strip_span(text: str, s: int, e: int, chars: str = " \t,;:-_") -> tuple[int, int]:
    while s < e and (text[s] in chars or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in chars or text[e - 1].isspace()):
        e -= 1
    return s, e


# The last characters of the suffixes _SUFFIX_END removes ("Jr", "Jr.", "II", "IV", "Esq", "Ph.D", "CPA").
_SUFFIX_LAST = frozenset("r.IVqDA")


@functools.lru_cache(maxsize=4096)
def looks_like_name(s: str) -> bool:
    s = s.strip().rstrip(",")
    if s[-1:] in _SUFFIX_LAST:
        s = _SUFFIX_END.sub("", s)
    toks = s.split()
    if not (2 <= len(toks) <= 6) or len(s) > 60:
        return False
    # The tests are independent: the cheap ones first (most lines fail on a lower-case word).
    if any(map(str.isdigit, s)) or _NOT_IN_NAME.search(s):
        return False
    if not all(_NAME_TOKEN.fullmatch(t) for t in toks):
        return False
    return not (_has_title_word(s) or _has_company_word(s))


@functools.lru_cache(maxsize=4096)
def _name_key(s: str) -> tuple[str, str]:
    toks = [t for t in _PUNCT.sub(" ", s.lower()).split() if t not in _NAME_SUFFIXES]
    if not toks:
        return ("", "")
    return (toks[0], toks[-1])


def _same_person(a: str, b: str) -> bool:
    ka, kb = _name_key(a), _name_key(b)
    return bool(ka[1]) and ka[1] == kb[1]


def _looks_title(s: str) -> bool:
    return _has_title_word(s) and not _SLASH_S.match(s) and len(s) < 200


def _date_in(text: str, s: int, e: int, labeled: bool) -> tuple[str, int, int] | None:
    d = find_date(text, s, e)
    if d:
        return d
    if labeled:
        # "Marcxh 12, 2002" (0001012870-02-001163): a typo in a labeled date still names its month.
        m = _MONTH_FUZZY.search(text, s, e)
        if m:
            mon = MONTHS.get(m.group(1).lower()[:3])
            if mon:
                from eightk.parse.dates import _iso

                iso = _iso(int(m.group(3)), mon, int(m.group(2)))
                if iso:
                    return iso, m.start(), m.end()
    return None


def _is_company(cell: str, registrant: str | None) -> bool:
    c = cell.strip().rstrip(".,")
    if registrant and abs(len(c) - len(registrant)) < 6 and _fold(c) == _fold(registrant):
        return True
    if _has_title_word(c) and not c.isupper():
        return False
    if _has_company_word(c) and len(c.split()) <= 10:
        return True
    if _ASCII_LOWER.search(c):
        return False  # a lowercase letter: not a name in capitals
    letters = [ch for ch in c if ch.isalpha()]
    return (
        len(letters) >= 6
        and all(ch.isupper() for ch in letters)
        and not _has_title_word(c)
        and len(c.split()) >= 2
        and not looks_like_name(c)
    )


@functools.lru_cache(maxsize=4096)
def _fold(s: str) -> str:
    return " ".join(_NON_WORD.sub(" ", s.lower()).split())


def _split_name_title(
    text: str, c: _Cell, s_name: str | None
) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """A printed line holding the name, maybe followed by the title: spans of both, or None."""
    t = c.text
    if s_name:
        # "Jack T. Smith President and Chief Executive Officer", "W. Ron Hinson Comptroller".
        sn = _fold(s_name)
        # The fold of a prefix ending at a word's end starts the fold of the whole line (ASCII): a line
        # whose fold does not start with the name cannot hold it, and its words need no folding.
        words = list(_WORDS.finditer(t)) if not t.isascii() or _fold(t).startswith(sn) else []
        for k in range(len(words), 0, -1):
            prefix = t[: words[k - 1].end()]
            if _fold(prefix) == sn:
                ns, ne = c.start, c.start + words[k - 1].end()
                rest = _strip_span(text, ne, c.end)
                return (ns, ne), (rest if rest[1] > rest[0] else None)
    if looks_like_name(t):
        if s_name is None or _same_person(t, s_name):
            return (c.start, c.end), None
        return None
    # "Bruce J. Feldman, President and", "Herbert Glaubman, President", "Thomas B. Pickens, III"
    for m in _COMMA.finditer(t):
        head, tail = t[: m.start()], t[m.end() :]
        if _SUFFIX_START.match(tail):
            continue
        if (
            looks_like_name(head)
            and (s_name is None or _same_person(head, s_name))
            and (_looks_title(tail) or not tail.strip())
        ):
            ns, ne = c.start, c.start + m.start()
            rest = _strip_span(text, c.start + m.end(), c.end)
            return (ns, ne), (rest if rest[1] > rest[0] else None)
        break
    # "Alex C. Hui President and Chief Executive Officer" without a "/s/" line to compare with.
    words = list(_WORDS.finditer(t))
    for k in range(min(len(words) - 1, 5), 1, -1):
        head = t[: words[k - 1].end()]
        tail = t[words[k].start() :]
        if (
            looks_like_name(head)
            and _looks_title(tail)
            and not _has_title_word(head)
            and (s_name is None or _same_person(head, s_name))
        ):
            ns, ne = c.start, c.start + words[k - 1].end()
            rest = (c.start + words[k].start(), c.end)
            return (ns, ne), rest
    return None


def find_signatures(
    doc: Document, items: list[Item], registrant: str | None
) -> tuple[list[Signature], list[str]]:
    """Everyone who signs the 8-K document ``doc`` (see the module docstring)."""
    try:
        return _find(doc, registrant)
    except Exception as exc:  # a malformed block must not fail the parse
        return [], [f"signature block not read: {type(exc).__name__}"]


def _find(doc: Document, registrant: str | None) -> tuple[list[Signature], list[str]]:
    text = doc.text
    warnings: list[str] = []
    span = find_block(text)
    if span is None:
        return [], ["no signature block found"]
    bstart, bend = span
    body = _body_start(text, bstart, bend)
    cells = _cells(text, body, bend)
    signers: list[_Signer] = []
    dates: list[tuple[str, int, int, bool]] = []  # iso, start, end, labeled
    cur: _Signer | None = None
    company = registrant
    pending_date_label = False
    expect_slash = False
    pending_title = False
    label_count: dict[tuple[int, str], int] = {}
    idle = 0
    last_line = -1
    for c in cells:
        t = c.text
        blank_gap = last_line >= 0 and c.line > last_line + 1
        last_line = c.line
        if cur is not None and blank_gap and cur.name is not None and cur.title and not cur.labeled_title:
            cur.closed = True
        # Dates: "Date: March 26, 2002", "Dated:", a bare date cell, "(Date)" labels. What follows the
        # date in the same cell is read on ("Date: March 29, 2006 /s/V. Lawrence Evans",
        # "January 21, 2014 NUANCE COMMUNICATIONS, INC.").
        # Each label pattern below is tried only on a cell whose first character can start it (every
        # pattern is anchored at the cell's start; a non-ASCII first character tries them all, since
        # re.I reads "\u0130", "\u0131" and "\u017f" as "i" and "s").
        c0 = t[0]
        odd = not c0.isascii()
        dm = _DATE_LABEL.match(t) if c0 in "Dd" else None
        rest_at = None
        if dm:
            after = c.start + dm.end()
            d = _date_in(text, after, c.end, True)
            if d and d[1] - after <= 2:
                dates.append((d[0], d[1], d[2], True))
                rest_at = d[2]
            elif after >= c.end:
                pending_date_label = True
                continue
            else:
                rest_at = after
        else:
            if pending_date_label:
                pending_date_label = False
                d = _date_in(text, c.start, c.end, True)
                if d and d[1] - c.start <= 2:
                    dates.append((d[0], d[1], d[2], True))
                    rest_at = d[2]
            if rest_at is None and _DATE_NEAR.match(text, c.start, c.end):
                d = find_date(text, c.start, c.end)
                if d and d[1] - c.start <= 2:
                    dates.append((d[0], d[1], d[2], False))
                    rest_at = d[2]
        if rest_at is not None:
            rs, re_ = _strip_span(text, rest_at, c.end)
            if re_ <= rs:
                continue
            c = _Cell(text[rs:re_], rs, re_, c.line)
            t = c.text
            c0 = t[0]
            odd = not c0.isascii()
        if (odd or c0 in _SKIP_FIRST) and (
            _DATE_WORD.fullmatch(t) or _RULE.fullmatch(t) or _PAGE.fullmatch(t) or _SKIP.fullmatch(t)
        ):
            if (
                not _DATE_WORD.fullmatch(t)
                and _PAGE.fullmatch(t)
                and cur is not None
                and cur.name is not None
            ):
                cur.closed = True
            continue
        sl = _SIGNATURE_LABEL.match(t) if odd or c0 in "Ss" else None
        if sl and sl.end() < len(t):
            c = _Cell(text[c.start + sl.end() : c.end], c.start + sl.end(), c.end, c.line)
            t = c.text
            c0 = t[0]
            odd = not c0.isascii()
        if expect_slash and cur is not None:
            # "/s/" and the name in separate columns (0000950144-94-000103).
            expect_slash = False
            if looks_like_name(t) or looks_like_name(t.title()):
                cur.s_name = (t, c.start, c.end)
                continue
        bm = _BY.match(t) if c0 in "Bb" else None
        is_by = bool(bm) and (
            bm.end() == len(t) or bool(_SLASH_S.match(t, bm.end())) or t[2:3] in (":", "\t")
        )
        if is_by and bm is not None:
            rest_s = c.start + bm.end()
            if not (
                cur is not None
                and not cur.closed
                and cur.name is None
                and cur.s_name
                and rest_s >= c.end
                and c.line != cur.line
            ):
                # ("/s/ Spencer G. Smul" above "By:\tSpencer G. Smul" is one signer: 0001104659-13-084555)
                cur = _Signer(anchor=c.start, registrant=company, line=c.line)
                signers.append(cur)
            if rest_s < c.end:
                _take_slash(text, cur, rest_s, c.end)
            continue
        if c0 in "/\\S" and _SLASH_S.match(t):
            if cur is not None and cur.s_name is None and cur.name is None and not cur.closed:
                _take_slash(text, cur, c.start, c.end)
            else:
                cur = _Signer(anchor=c.start, registrant=company, line=c.line)
                signers.append(cur)
                _take_slash(text, cur, c.start, c.end)
            expect_slash = cur.s_name is None and cur.name is None
            continue
        nm = _NAME_LABEL.match(t) if c0 in "NnPp" else None
        if nm:
            s, e = _strip_span(text, c.start + nm.end(), c.end)
            if (
                cur is not None
                and cur.name is not None
                and not cur.closed
                and _same_person(cur.name[0], text[s:e])
            ):
                cur.name = (text[s:e], s, e)  # the labeled name wins over a typed line above it
                continue
            # Side-by-side signers ("By: /s/ A\tBy: /s/ B" then "Name: A\tName: B"): the label goes
            # to the signer whose conformed signature it repeats.
            owner = next(
                (
                    g
                    for g in signers
                    if g.name is None and g.s_name and e > s and _same_person(g.s_name[0], text[s:e])
                ),
                None,
            )
            if owner is None and cur is not None:
                side = _side_by_side(signers, cur, label_count, (c.line, "name"))
                owner = side if side is not cur and side.name is None else None
            if owner is not None:
                owner.name = (text[s:e], s, e)
                continue
            if cur is None or cur.name is not None or cur.closed:
                cur = _Signer(anchor=c.start, registrant=company, line=c.line)
                signers.append(cur)
            if e > s:
                cur.name = (text[s:e], s, e)
            continue
        if c0 in "TI" and _TITLE_WORD_ALONE.fullmatch(t) and cur is not None:
            pending_title = True  # "Title\tVice President - General Counsel" (0001193125-23-289222)
            continue
        if pending_title and cur is not None:
            pending_title = False
            cur.title = [(t, c.start, c.end)]
            cur.labeled_title = True
            cur.closed = False
            continue
        tm = _TITLE_LABEL.match(t) if odd or c0 in "TtIi" else None
        if tm and cur is not None:
            s, e = _strip_span(text, c.start + tm.end(), c.end)
            target = _side_by_side(signers, cur, label_count, (c.line, "title"))
            if e > s:
                target.title = [(text[s:e], s, e)]
                target.labeled_title = True
                target.closed = False
            continue
        if _is_company(t, registrant) and not (
            cur is not None and cur.name is not None and not cur.closed and _looks_title(t)
        ):
            company = t.strip().rstrip(",")
            if cur is not None:
                cur.closed = True
            continue
        if cur is None or cur.closed:
            idle += 1
            if idle >= 12 and signers:
                break  # well past the last signer: the rest is exhibit text
            continue
        idle = 0
        if cur.name is None:
            sn = cur.s_name[0] if cur.s_name else None
            split = _split_name_title(text, c, sn)
            if split:
                (ns, ne), rest = split
                cur.name = (text[ns:ne], ns, ne)
                if rest:
                    rs, re_ = _strip_span(text, rest[0], rest[1])
                    if re_ > rs and _looks_title(text[rs:re_]):
                        cur.title.append((text[rs:re_], rs, re_))
                continue
            if cur.s_name and _looks_title(t):
                cur.name = cur.s_name
                cur.title.append((t, c.start, c.end))
                continue
            if cur.s_name is None and not _looks_title(t):
                continue
            cur.closed = True
            continue
        # Title lines.
        if not cur.title:
            if _looks_title(t):
                cur.title.append((t, c.start, c.end))
            else:
                cur.closed = True
            continue
        prev = cur.title[-1][0]
        if _looks_title(t) or _CONNECT_START.match(t) or _CONNECT_END.search(prev) or t.startswith("("):
            cur.title.append((t, c.start, c.end))
            continue
        cur.closed = True
    if not signers:
        signers = _typed_signers(text, list(_cells(text, body, bend)), registrant)
    if not dates:
        # "...duly authorized, on March 3, 2002." : the date sits in the sentence itself.
        pm = _PURSUANT.search(text, bstart, body)
        if pm:
            d = find_date(text, pm.start(), body)
            if d:
                dates.append((d[0], d[1], d[2], True))
    out: list[Signature] = []
    seen: set[tuple[str, str]] = set()
    for sg in signers:
        name = sg.name or sg.s_name
        if name is None:
            continue
        ns, ne = _strip_span(text, name[1], name[2], " \t,;:-_")
        if ne <= ns:
            continue
        name = (text[ns:ne], ns, ne)
        nv = _SPACES.sub(" ", name[0]).strip()
        if _has_company_word(nv):
            continue
        conformed_only = sg.name is None and len(nv.split()) >= 2 and len(nv) < 60
        if not looks_like_name(nv) and not conformed_only and not looks_like_name(nv.title()):
            continue
        key = _name_key(nv)
        if key in seen:
            # The same person twice (a conformed and a typed signature): keep what the first lacks.
            first = next(o for o in out if _name_key(o.name) == key)
            if first.title is None and sg.title:
                ev0 = dict(first.evidence)
                ev0["title"] = evidence_for(doc, sg.title[0][1], sg.title[-1][2])
                out[out.index(first)] = Signature(
                    name=first.name,
                    title=_join_title([p[0] for p in sg.title]),
                    date=first.date,
                    registrant=first.registrant,
                    evidence=ev0,
                )
            continue
        seen.add(key)
        ev: dict[str, Evidence] = {"name": evidence_for(doc, name[1], name[2])}
        title = None
        if sg.title:
            title = _join_title([p[0] for p in sg.title])
            ts = sg.title[0][1]
            im = _TITLE_PREFIX.match(text[ts : sg.title[-1][2]])
            ev["title"] = evidence_for(doc, ts + (im.end() if im else 0), sg.title[-1][2])
        date = None
        if dates:
            best = min(dates, key=lambda d: (not d[3], abs(d[1] - sg.anchor)))
            if any(d[3] for d in dates):
                best = min((d for d in dates if d[3]), key=lambda d: abs(d[1] - sg.anchor))
            date = best[0]
            ev["date"] = evidence_for(doc, best[1], best[2])
        out.append(
            Signature(name=nv, title=title, date=date, registrant=sg.registrant or registrant, evidence=ev)
        )
    if not out:
        warnings.append("signature block found, but no signer read from it")
    return out, warnings


def _side_by_side(
    signers: list[_Signer], cur: _Signer, counts: dict[tuple[int, str], int], key: tuple[int, str]
) -> _Signer:
    """The signer a label belongs to when several signers sit side by side (anchored on one line)."""
    k = counts.get(key, 0)
    counts[key] = k + 1
    group = [g for g in signers if g.line == cur.line]
    if len(group) > 1 and k < len(group):
        return group[k]
    return cur


def _typed_signers(text: str, cells: list[_Cell], registrant: str | None) -> list[_Signer]:
    """Signers with neither "By" nor "/s/": a typed name line followed by a title (or "Name, Title")."""
    out: list[_Signer] = []
    for k, c in enumerate(cells[:40]):
        if _is_company(c.text, registrant) or (_looks_title(c.text) and "," not in c.text):
            continue
        split = _split_name_title(text, c, None)
        if not split:
            continue
        (ns, ne), rest = split
        sg = _Signer(anchor=c.start, name=(text[ns:ne], ns, ne))
        if rest and _looks_title(text[rest[0] : rest[1]]):
            sg.title.append((text[rest[0] : rest[1]], rest[0], rest[1]))
        for nxt in cells[k + 1 : k + 4]:
            if (
                nxt.line > c.line + 1 + len(sg.title)
                or not _looks_title(nxt.text)
                or looks_like_name(nxt.text)
            ):
                break
            sg.title.append((nxt.text, nxt.start, nxt.end))
        if sg.title:
            out.append(sg)
    return out


def _take_slash(text: str, cur: _Signer, s: int, e: int) -> None:
    """Read "/s/ Name" (possibly followed by the name again and the title on the same line)."""
    m = _SLASH_S.search(text, s, e)
    if not m:
        # "By:" then the typed name in the same cell, no conformed signature.
        s2, e2 = _strip_span(text, s, e)
        if e2 > s2 and looks_like_name(text[s2:e2]):
            cur.name = (text[s2:e2], s2, e2)
        return
    s2, e2 = _strip_span(text, m.end(), e)
    if e2 <= s2:
        return
    seg = text[s2:e2]
    # "/s/W. Ron Hinson W. Ron Hinson Comptroller" (0000092122-07-000008): name repeated, then the title.
    words = list(_WORDS.finditer(seg))
    # looks_like_name(a) needs at most 6 words (7 with a "Jr." it drops): longer repeats are not names.
    # The fold of words i..j is the word runs of each word, in order (ASCII: lower() keeps each word
    # apart), so each word is folded once; other text is folded span by span.
    kmax = min(len(words) // 2, 7)
    wf = [_NON_WORD.sub(" ", w.group().lower()).split() for w in words[: 2 * kmax]] if seg.isascii() else None
    for k in range(1, kmax + 1):
        a = seg[: words[k - 1].end()]
        if 2 * k <= len(words):
            b = seg[words[k].start() : words[2 * k - 1].end()]
            if wf is not None:
                same = [x for w in wf[:k] for x in w] == [x for w in wf[k : 2 * k] for x in w]
            else:
                same = _fold(a) == _fold(b)
            if same and looks_like_name(a):
                cur.s_name = (a, s2, s2 + words[k - 1].end())
                cur.name = (b, s2 + words[k].start(), s2 + words[2 * k - 1].end())
                if 2 * k < len(words):
                    ts = s2 + words[2 * k].start()
                    if _looks_title(text[ts:e2]):
                        cur.title.append((text[ts:e2], ts, e2))
                return
    # "/s/ Brandon Ehrhart General Counsel..." is not seen; but "/s/ X" may be followed by a title.
    if not looks_like_name(seg) and len(words) > 2:
        for k in range(min(len(words) - 1, 5), 1, -1):
            head = seg[: words[k - 1].end()]
            if looks_like_name(head) and _looks_title(seg[words[k].start() :]):
                cur.s_name = (head, s2, s2 + words[k - 1].end())
                ts = s2 + words[k].start()
                cur.title.append((text[ts:e2], ts, e2))
                cur.name = cur.s_name
                return
    cur.s_name = (seg, s2, e2)


def _join_title(parts: list[str]) -> str:
    out = ""
    for p in parts:
        p = _SPACES.sub(" ", p).strip()
        p = _TITLE_PREFIX_AT_START.sub("", p)
        if not out:
            out = p.rstrip(",")
            continue
        if _CONNECT_END.search(out) or _CONNECT_START.match(p):
            out = out.rstrip(",") + (", " if out.endswith(",") else " ") + p.rstrip(",")
        else:
            out = out + ", " + p.rstrip(",")
    return out
