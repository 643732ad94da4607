"""The cover page as a grid: lines split into cells, each cell a value or a printed label.

Covers of every era print each value next to a label naming it: below it (the common case, 1990s
fixed-width text and HTML tables alike), above it, after it on the same line ("Registrant's
telephone number, including area code: (408) 996-1010") or in one cell ("Delaware (State or other
jurisdiction of incorporation)"). This module finds the labels and the value cell each one names;
:mod:`eightk.parse.cover` turns values into fields.

Cells of HTML documents are the table cells (our HTML->text puts TABs between them); cells of plain
text documents are runs separated by two or more spaces or TABs, with their visual columns (TABs
expanded to 8) so that a label can be matched with the value printed above it by column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# --- labels --------------------------------------------------------------------------------------

_LABEL_WORDS = frozenset(
    [
        "state",
        "states",
        "or",
        "other",
        "jurisdiction",
        "juris",
        "diction",
        "juris-",
        "of",
        "incorporation",
        "incorporated",
        "organization",
        "organisation",
        "commission",
        "file",
        "number",
        "numbers",
        "no",
        "no.",
        "nos",
        "nos.",
        "i.r.s.",
        "irs",
        "i.r.s",
        "employer",
        "employers",
        "identification",
        "ident",
        "id",
        "i.d.",
        "tax",
        "address",
        "addresses",
        "principal",
        "executive",
        "offices",
        "office",
        "zip",
        "code",
        "codes",
        "registrant",
        "registrant's",
        "registrants",
        "registrants'",
        "company's",
        "telephone",
        "phone",
        "including",
        "include",
        "includes",
        "area",
        "exact",
        "name",
        "names",
        "as",
        "specified",
        "in",
        "its",
        "charter",
        "former",
        "if",
        "changed",
        "since",
        "last",
        "report",
        "date",
        "earliest",
        "event",
        "reported",
        "and",
        "the",
        "with",
        "postal",
        "fiscal",
        "year",
        "place",
        "business",
        "country",
        "other",
        "to",
        "a",
        "an",
        "for",
        "each",
        "incorporation)",
        "organization)",
        "number)",
        "no.)",
        "identification)",
        "offices)",
        "code)",
        "report)",
        "charter)",
        "reported)",
        "included",
        "applicable",
        "issuer",
        "issuer's",
        "corporation's",
        "principal's",
        "rule",
        "pursuant",
        "section",
        "under",
        "act",
        "security",
        "securities",
    ]
)
_WORD = re.compile(r"[A-Za-z][A-Za-z.'\-]*\)?|\d+")

FIELD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("former", re.compile(r"\bformer\b", re.I)),
    (
        "date",
        re.compile(r"\bdate\s+of\s+(?:report|earliest)|\bearliest\s+event|\bdate\s+of\s+this\s+report", re.I),
    ),
    (
        "name",
        re.compile(
            r"\bexact\s+name|\bname\s+of\s+(?:the\s+)?(?:registrant|issuer)|registrant\s+as\s+specified|"
            r"specified\s+in\s+(?:its\s+)?charter|^\(?registrant\s*(?:[,)]|$)",
            re.I,
        ),
    ),
    (
        "state",
        re.compile(
            r"jurisdiction|\bincorporation\b|\bstate\s+(?:of|or)\b|\borganization\b|^\(?state\b", re.I
        ),
    ),
    ("file", re.compile(r"\bcommission\b|\bfile\s+n|\bfile\s*$", re.I)),
    ("irs", re.compile(r"\bi\.?\s?r\.?\s?s\b|\bemployer\b|\bidentification\b|\btax\b", re.I)),
    (
        "address",
        re.compile(r"\baddress|\bexecutive\s+offices?\b|\bprincipal\s+(?:executive\s+)?offices?\b", re.I),
    ),
    ("zip", re.compile(r"\bzip\b|\bpostal\s+code", re.I)),
    ("phone", re.compile(r"\btelephone|\bphone\b", re.I)),
)


@lru_cache(maxsize=4096)
def label_fields(text: str) -> frozenset[str]:
    """The cover fields a label names ("(Address of principal executive offices) (Zip Code)" ->
    address, zip). A former-name label names nothing else."""
    found = {f for f, rx in FIELD_PATTERNS if rx.search(text)}
    if "former" in found:
        return frozenset({"former"})
    if "date" in found:
        return frozenset({"date"})
    if "name" in found and "irs" in found and "state" not in found and "address" not in found:
        # "(I.R.S. Employer Identification No.)" never names the registrant; "Name" alone does not.
        found.discard("name")
    return frozenset(found)


_DIGIT = re.compile(r"\d")
_DIGIT_OK = re.compile(r"\b(?:12\(b\)|\d{1,2}\(\w\))")


@lru_cache(maxsize=16384)
def is_label_text(text: str) -> bool:
    """Whether a cell reads as a printed label rather than a value."""
    t = text.strip()
    if not t or len(t) > 200:
        return False
    # Labels carry no digits (values do): "(Commission File Number)" vs "0-27026".
    if _DIGIT.search(t) and not _DIGIT_OK.search(t):
        return False
    return _is_label(t)


_BARE_LABEL = re.compile(r"[(]?(?:number|no\.?|code|of\s+\w+)[).]*", re.I)


@lru_cache(maxsize=8192)
def _is_label(t: str) -> bool:
    words = _WORD.findall(t)
    n = len(words)
    if not n:
        return False
    known = unknown = 0
    for w in words:
        lw = w.lower()
        if lw.rstrip(",.:;)") in _LABEL_WORDS or lw in _LABEL_WORDS:
            known += 1
        else:
            unknown += 1
            if 2 * unknown > n:
                return False  # the ratio of known words is below 0.5 whatever follows
    ratio = known / n
    if ratio < 0.5:
        return False
    if not label_fields(t) and not _BARE_LABEL.fullmatch(t):
        return ratio >= 0.99 and len(words) <= 3 and t.endswith(")")
    if t.startswith("(") or t.endswith(")"):
        return ratio >= 0.5
    return ratio >= 0.75


# --- grid ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class Cell:
    start: int  # offsets in Document.text
    end: int
    text: str
    c0: float  # column range: visual columns (text) or a share of the row (tab-separated HTML rows)
    c1: float
    line: int
    fields: frozenset[str] | None = None  # label cells: the fields they name
    inline: Cell | None = None  # label cells: the value printed in the same cell ("Delaware (State ...)")

    @property
    def is_label(self) -> bool:
        return self.fields is not None


class Line:
    """One line of the cover: its cells, value cells and label cells (lists never mutated).

    Most lines hold no label and are never read cell by cell; their cells are made from the line's
    template (see :func:`build_lines`) the first time ``cells`` or ``values`` is read."""

    __slots__ = ("_tpl", "blank", "cells", "end", "idx", "labels", "start", "text", "values", "visual")

    idx: int
    start: int
    end: int
    text: str
    visual: bool  # cells placed by visual column (plain text, or HTML laid out with spaces)
    cells: list[Cell]
    values: list[Cell]  # value cells
    labels: list[Cell]  # label cells
    blank: bool  # no cells

    def __init__(
        self,
        idx: int,
        start: int,
        end: int,
        text: str,
        visual: bool = False,
        cells: list[Cell] | None = None,
        values: list[Cell] | None = None,
        labels: list[Cell] | None = None,
    ) -> None:
        self.idx = idx
        self.start = start
        self.end = end
        self.text = text
        self.visual = visual
        self.cells = [] if cells is None else cells
        self.values = [] if values is None else values
        self.labels = [] if labels is None else labels
        self.blank = not self.cells
        self._tpl = None

    def __getattr__(self, name: str) -> list[Cell]:
        # Only called for a slot never set: the cells and values of a line made lazily.
        tpl = self._tpl
        if tpl is None or name not in ("cells", "values"):
            raise AttributeError(name)
        cells = _cells_of(tpl, self.idx, self.start)
        self.cells = cells
        self.values = cells.copy()
        return self.cells if name == "cells" else self.values

    def __repr__(self) -> str:
        return f"Line(idx={self.idx}, start={self.start}, end={self.end}, text={self.text!r})"


_RULE = re.compile(r"^[\s\-_=*~.·•,]*$")  # rules, and the stray commas of split HTML (x1588272-2023-12-20)
_TEXT_SPLIT = re.compile(r"\t+| {2,}")
_HTML_SPACED = re.compile(r" {3,}")
# "Delaware (State or other jurisdiction of incorporation)", "10153 (Zip Code)"
_VALUE_THEN_LABEL = re.compile(r"^(?P<v>[^()]*?[^\s(])\s*(?P<l>\([^()]*\)?)\s*$")
# "Registrant's telephone number, including area code: (408) 996-1010", "Commission File No.: 1-442"
_LABEL_THEN_NUMBER = re.compile(
    r"^(?P<l>[A-Za-z][A-Za-z .,'()/&-]{2,120}?)[\s:.#-]*(?P<v>(?:No\.\s*)?\(?\d[\d\s().-]*\d)$"
)
_LABEL_COLON_VALUE = re.compile(r"^(?P<l>[^:]{3,120}?):\s*(?P<v>\S.*)$")


def _visual_cols(line: str) -> list[int]:
    cols = []
    col = 0
    for ch in line:
        cols.append(col)
        col = (col // 8 + 1) * 8 if ch == "\t" else col + 1
    cols.append(col)
    return cols


def build_lines(text: str, start: int, end: int, tabbed: bool) -> list[Line]:
    """Split ``text[start:end]`` into lines of cells. ``tabbed``: cells are TAB-separated (HTML)."""
    lines: list[Line] = []
    append = lines.append
    cache = _TEMPLATES[tabbed]
    new = object.__new__
    raws = text[start:end].split("\n")
    if not raws[-1]:
        raws.pop()  # the region ends with a newline (or is empty): no line starts at ``end``
    pos = start
    for n, raw in enumerate(raws):
        le = pos + len(raw)
        tpl = cache.get(raw)
        if tpl is None:
            if len(cache) >= _MAX_TEMPLATES:
                cache.clear()
            tpl = cache[raw] = _template(raw, tabbed)
        if tpl[4]:
            # A line with labels: its cells now (every reader walks the labels).
            cells = _cells_of(tpl, n, pos)
            ln = new(Line)
            ln.idx = n
            ln.start = pos
            ln.end = le
            ln.text = raw
            ln.visual = tpl[0]
            ln.cells = cells
            ln.values = [cells[k] for k in tpl[3]]
            ln.labels = [cells[k] for k in tpl[4]]
            ln.blank = False
            ln._tpl = None
        else:
            # No label: cells and values made when first read (Line.__getattr__), blank lines none.
            ln = new(Line)
            ln.idx = n
            ln.start = pos
            ln.end = le
            ln.text = raw
            ln.visual = tpl[0]
            ln.labels = _NO_CELLS
            ln._tpl = tpl
            if tpl[1]:
                ln.blank = False
            else:
                ln.blank = True
                ln.cells = _NO_CELLS
                ln.values = _NO_CELLS
        append(ln)
        pos = le + 1
    return lines


_NO_CELLS: list[Cell] = []  # shared by lines without cells or labels: never mutated


# A line's cells depend only on its text (and on ``tabbed``), and cover lines recur across filings
# (labels, check-box texts, exchange names: over 90% of the corpus's cover lines were seen before),
# so each distinct line is split and classified once and its cells are re-placed at each offset.
# A template: (visual, cell specs (start, end, text, c0, c1, fields) relative to the line, inline
# links (cell index, index of the inline cell or the spec of an inline cell that is not listed),
# indices of value cells, indices of label cells).
_Spec = tuple[int, int, str, float, float, "frozenset[str] | None"]
_Template = tuple[
    bool,
    tuple[_Spec, ...],
    tuple[tuple[int, "int | tuple[int, int, str, float, float]"], ...],
    tuple[int, ...],
    tuple[int, ...],
]
_BLANK: _Template = (False, (), (), (), ())
_MAX_TEMPLATES = 50_000
_TEMPLATES: dict[bool, dict[str, _Template]] = {False: {}, True: {}}


def _template(raw: str, tabbed: bool) -> _Template:
    if not raw.strip() or _RULE.match(raw):
        return _BLANK
    visual, cells = _split_cells(raw, tabbed)
    vidx: list[int] = []
    lidx: list[int] = []
    inl: list[tuple[int, int | tuple[int, int, str, float, float]]] = []
    where: dict[int, int] | None = None
    for k, c in enumerate(cells):
        if c.fields is None:
            vidx.append(k)
        else:
            lidx.append(k)
        if c.inline is not None:
            if where is None:
                where = {id(c): k for k, c in enumerate(cells)}
            i = c.inline
            inl.append((k, where.get(id(i), (i.start, i.end, i.text, i.c0, i.c1))))
    return (
        visual,
        tuple([(c.start, c.end, c.text, c.c0, c.c1, c.fields) for c in cells]),
        tuple(inl),
        tuple(vidx),
        tuple(lidx),
    )


def _cells_of(tpl: _Template, n: int, pos: int) -> list[Cell]:
    """The cells of line ``n`` starting at ``pos`` whose text made ``tpl``."""
    cells = [Cell(pos + a, pos + b, t, c0, c1, n, f) for a, b, t, c0, c1, f in tpl[1]]
    for k, i in tpl[2]:
        cells[k].inline = cells[i] if type(i) is int else Cell(pos + i[0], pos + i[1], i[2], i[3], i[4], n)
    return cells


def _split_cells(raw: str, tabbed: bool) -> tuple[bool, list[Cell]]:
    """(whether the cells are placed by visual column, the cells of line ``raw`` at offset 0)."""
    cells: list[Cell] = []
    # HTML laid out with runs of non-breaking spaces instead of table cells is read like fixed-width
    # text (x-2024-12-20: "Delaware      000-30432      22-2335094").
    notab = "\t" not in raw
    spaced = tabbed and notab and "   " in raw.strip()  # _HTML_SPACED
    visual = not tabbed or spaced
    if tabbed and not spaced:
        if notab:
            # One HTML paragraph: one cell (the common case, kept cheap). ``raw`` is no rule
            # (see _template), and neither is its stripped text.
            t = raw.strip()
            return visual, _classify(t, len(raw) - len(raw.lstrip()), 0.0, 100.0, 0)
        pieces: list[tuple[int, int]] = []
        i = 0
        for part in raw.split("\t"):
            j = i + len(part)
            s = len(part) - len(part.lstrip())
            e = len(part.rstrip())
            if e > s:
                pieces.append((i + s, i + e))
            i = j + 1
        k = len(pieces)
        spans = [(100.0 * a / k, 100.0 * (a + 1) / k) for a in range(k)]
    else:
        pieces = []
        stop = len(raw.rstrip())
        i = 0
        for m in (_HTML_SPACED if spaced else _TEXT_SPLIT).finditer(raw):
            a = m.start()
            if a > i:
                ls = raw[i:a].lstrip()
                if ls:
                    pieces.append((a - len(ls), a))
            i = m.end()
        if i < stop:
            ls = raw[i:stop].lstrip()
            if ls:
                pieces.append((stop - len(ls), stop))
        if notab:
            spans = [(float(a), float(b)) for a, b in pieces]
        elif "\r" not in raw:
            # A TAB moves to the next multiple of 8: str.expandtabs (which restarts at "\r").
            spans = [
                (float(len(raw[:a].expandtabs(8))), float(len(raw[:b].expandtabs(8)))) for a, b in pieces
            ]
        else:
            cols = _visual_cols(raw)
            spans = [(float(cols[a]), float(cols[b])) for a, b in pieces]
    for (a, b), (c0, c1) in zip(pieces, spans, strict=True):
        t = raw[a:b]
        if _RULE.match(t):
            continue
        cells.extend(_classify(t, a, c0, c1, 0))
    return visual, cells


_PAREN = re.compile(r"\([^()]*\)")
_NUMBERISH = re.compile(r"(?:No\.\s*)?\d[\d-]*\d")


def _pairs(t: str, start: int, c0: float, c1: float, line: int) -> list[Cell] | None:
    """A cell holding several "value (label)" pairs, as flattened HTML prints them:
    "California (State or other jurisdiction of incorporation) 001-36743 (Commission File Number)
    One Apple Park Way ... (Address of principal executive offices) (Zip Code)" (0001140361-25-000228),
    or values first: "Nevada 000-29913 90-1133909 (state of incorporation) (Commission File Number)
    (IRS Employer I.D. Number) 120 Calle Iglesia..." (0001437749-22-024640)."""
    groups = [m for m in _PAREN.finditer(t) if is_label_text(m.group())]
    if len(groups) < 2:
        return None
    out: list[Cell] = []
    pos = 0
    runs: list[tuple[tuple[int, int] | None, list[re.Match[str]]]] = []
    for m in groups:
        v = t[pos : m.start()]
        if v.strip() or not runs:
            a = pos + len(v) - len(v.lstrip())
            runs.append(((a, pos + len(v.rstrip())) if v.strip() else None, [m]))
        else:
            runs[-1][1].append(m)
        pos = m.end()
    if all(v is None for v, _ in runs):
        return None  # labels only: "(Address of principal executive offices) (Zip Code)"
    for vspan, labs in runs:
        values: list[tuple[int, int] | None] = [vspan] + [None] * (len(labs) - 1)
        if vspan and len(labs) > 1:
            # "Nevada 000-29913 90-1133909" under three labels: text, then one number per label.
            seg = t[vspan[0] : vspan[1]]
            nums = list(_NUMBERISH.finditer(seg))
            lead = seg[: nums[0].start()].strip() if nums else seg
            parts = ([(vspan[0], vspan[0] + len(lead))] if lead else []) + [
                (vspan[0] + n.start(), vspan[0] + n.end()) for n in nums
            ]
            if (
                len(parts) == len(labs)
                and not _NUMBERISH.sub("", seg[nums[0].start() :] if nums else "").strip()
            ):
                values = list(parts)
        for span, m in zip(values, labs, strict=True):
            lab = Cell(
                start + m.start(), start + m.end(), m.group(), c0, c1, line, fields=label_fields(m.group())
            )
            if span:
                v = Cell(start + span[0], start + span[1], t[span[0] : span[1]], c0, c1, line)
                out.append(v)
                lab.inline = v
            else:
                lab.inline = Cell(start + m.start(), start + m.start(), "", c0, c1, line)
            out.append(lab)
    tail = t[pos:]
    if tail.strip():
        a = pos + len(tail) - len(tail.lstrip())
        out.append(Cell(start + a, start + pos + len(tail.rstrip()), tail.strip(), c0, c1, line))
    return out


def _classify(t: str, start: int, c0: float, c1: float, line: int) -> list[Cell]:
    if len(t) > 400:  # running text, not a cover cell
        return [Cell(start, start + len(t), t, c0, c1, line)]
    if t.count("(") >= 2:
        pairs = _pairs(t, start, c0, c1, line)
        if pairs:
            return pairs
    m = _VALUE_THEN_LABEL.match(t) if t.endswith(")") else None
    if m and not is_label_text(m.group("v")) and is_label_text(m.group("l")):
        v = Cell(start, start + m.end("v"), m.group("v"), c0, c1, line)
        lab = Cell(start + m.start("l"), start + len(t), m.group("l"), c0, c1, line)
        lab.fields = label_fields(lab.text)
        lab.inline = v
        return [v, lab]
    m = _LABEL_COLON_VALUE.match(t) if ":" in t else None
    if m and is_label_text(m.group("l")) and not is_label_text(m.group("v")):
        # "State of Incorporation: Delaware" reads as a label with its value, not as one label.
        v = Cell(start + m.start("v"), start + len(t), m.group("v"), c0, c1, line)
        lab = Cell(start, start + m.end("l"), m.group("l"), c0, c1, line)
        lab.fields = label_fields(lab.text)
        lab.inline = v
        return [lab, v]
    if is_label_text(t):
        return [Cell(start, start + len(t), t, c0, c1, line, fields=label_fields(t))]
    if m and is_label_text(m.group("l")):
        v = Cell(start + m.start("v"), start + len(t), m.group("v"), c0, c1, line)
        lab = Cell(start, start + m.end("l"), m.group("l"), c0, c1, line)
        lab.fields = label_fields(lab.text)
        lab.inline = v
        return [lab, v]
    m = _LABEL_THEN_NUMBER.match(t) if t[-1:].isdigit() else None
    if m and is_label_text(m.group("l")) and label_fields(m.group("l")):
        # "Commission File Number 1-1234", "Registrant's telephone number, including area code (214)
        # 861-2500" (0000950109-02-005824): a label run straight into its value.
        v = Cell(start + m.start("v"), start + len(t), m.group("v"), c0, c1, line)
        lab = Cell(start, start + m.end("l"), m.group("l"), c0, c1, line)
        lab.fields = label_fields(lab.text)
        lab.inline = v
        return [lab, v]
    return [Cell(start, start + len(t), t, c0, c1, line)]


def _overlap(a: Cell, b: Cell) -> float:
    return min(a.c1, b.c1) - max(a.c0, b.c0)


def column_match(label: Cell, row: list[Cell], label_row: list[Cell], tabbed: bool) -> list[Cell]:
    """The cells of ``row`` (values) that sit in ``label``'s column.

    Same number of values as labels on the label's line: pair them in order (robust to ragged
    fixed-width columns). Otherwise by column overlap, or for plain text the nearest cell when it is
    close (values centred over a wide label).
    """
    if not row:
        return []
    if len(row) == len(label_row) and label in label_row:
        return [row[label_row.index(label)]]
    hits = [c for c in row if _overlap(label, c) > 0]
    if hits:
        return hits
    if tabbed:
        return []
    mid = (label.c0 + label.c1) / 2
    best = min(row, key=lambda c: abs((c.c0 + c.c1) / 2 - mid))
    gap = max(best.c0 - label.c1, label.c0 - best.c1)
    return [best] if gap <= 6 else []
