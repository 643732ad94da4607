"""Shared text helpers for the event extractors (officers, auditor, results, votes).

The extractors read only the bodies of the items that report their event (Item 5.02, 4.01, 2.02,
5.07 and their pre-2004 numbers), so :func:`item_sections` is the one place that finds those bodies.
It also repairs a common failure of the heading finder: a table of contents that repeats the item
headings ("Item 2.02 Results of Operations" listed above the real heading) leaves the first heading
with an empty body, while the real text sits under a second heading with the same number
(0000950135-07-000506, 0001000180-11-000030).

Spans are always into ``Document.text``; sentences are ``(start, end)`` pairs, never copies, so the
evidence for a value is one slice away.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from eightk.model import Document, Evidence, Filing, evidence_for

MAX_SECTION_CHARS = 200_000


@dataclass(frozen=True, slots=True)
class Section:
    """The body of one item: ``doc.text[start:end]``."""

    doc: Document
    start: int
    end: int
    code: str  # as printed
    code_2004: str | None

    def __post_init__(self) -> None:
        # Real item bodies and press releases are far below this; a multi-megabyte body (junk, a
        # mis-tagged exhibit) is read only in its first part, so extraction stays linear and bounded.
        if self.end - self.start > MAX_SECTION_CHARS:
            object.__setattr__(self, "end", self.start + MAX_SECTION_CHARS)

    @property
    def text(self) -> str:
        return self.doc.text[self.start : self.end]


# Any item heading at a line start (same shape the heading finder accepts), or the signature block.
_ANY_HEAD = re.compile(
    r"(?im)^[ \t>*\-•·]*(?:\(?[a-z0-9]\)[ \t]+)?items?[ \t]*(?:No\.?[ \t]*)?\d{1,2}(?:[ \t]*\.[ \t]*\d{1,2})?(?![\d,])"
    r"(?![ \t]*(?:of|in|to|under|above|below|hereof|herein)\b)"
    r"|^[ \t]*S[ \t]*I[ \t]*G[ \t]*N[ \t]*A[ \t]*T[ \t]*U[ \t]*R[ \t]*E[ \t]*S?[ \t]*\.?[ \t]*$"
)
_MIN_BODY = 80  # non-space characters below which a body is taken for a table-of-contents line


def _heading_re(code: str) -> re.Pattern[str]:
    if "." in code:
        a, b = code.split(".", 1)
        num = rf"0?{int(a)}[ \t]*\.[ \t]*{b}"
    else:
        num = rf"0?{int(code)}(?:[ \t]*\.)?"
    return re.compile(
        rf"(?im)^[ \t>*\-•·]*(?:\(?[a-z0-9]\)[ \t]+)?items?[ \t]*(?:No\.?[ \t]*)?{num}(?![\d,])"
        r"(?![ \t]*(?:of|in|to|under|above|below|hereof|herein)\b)"
    )


def _weight(text: str, start: int, end: int) -> int:
    seg = text[start:end]
    return len(seg) - seg.count(" ") - seg.count("\n")


def item_sections(filing: Filing, codes: Iterable[str]) -> list[Section]:
    """Bodies of the items whose 2004 code is in ``codes``, in document order (one per item)."""
    want = set(codes)
    out: list[Section] = []
    for it in filing.items:
        if it.code_2004 not in want or not (0 <= it.document < len(filing.documents)):
            continue
        doc = filing.documents[it.document]
        text = doc.text
        start, end = it.body_start, it.body_end
        if _weight(text, start, end) < _MIN_BODY:
            # A table-of-contents heading: look for the same heading again further down.
            try:
                hre = _heading_re(it.code)
            except ValueError:
                hre = None
            if hre is not None:
                for m in hre.finditer(text, it.end):
                    line_end = text.find("\n", m.end())
                    line_end = len(text) if line_end < 0 else line_end
                    nxt = _ANY_HEAD.search(text, line_end + 1)
                    b_end = nxt.start() if nxt else len(text)
                    if _weight(text, line_end + 1, b_end) > _weight(text, start, end):
                        start, end = min(line_end + 1, len(text)), b_end
                        break
        out.append(Section(doc=doc, start=start, end=end, code=it.code, code_2004=it.code_2004))
    return out


def press_releases(filing: Filing) -> list[Document]:
    """The EX-99.x documents that carry text (press releases and other furnished material)."""
    return [
        d
        for d in filing.documents
        if d.index != filing.primary and d.type.upper().startswith("EX-99") and d.text.strip()
    ]


def ev(doc: Document, start: int, end: int) -> Evidence:
    return evidence_for(doc, start, end)


# --- sentences -------------------------------------------------------------------------------

# Words after which a period does not end a sentence.
_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "sr",
        "jr",
        "inc",
        "corp",
        "co",
        "ltd",
        "no",
        "nos",
        "st",
        "u.s",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "gen",
        "lt",
        "col",
        "capt",
        "messrs",
        "prof",
        "rev",
        "hon",
        "ret",
        "l.p",
        "llc",
        "n.a",
        "s.a",
        "plc",
        "bros",
        "assn",
        "dept",
        "est",
        "fig",
        "approx",
        "e.g",
        "i.e",
        "u.k",
    ]
)
# Written as one character class first and the alternatives after it, so the engine skips ahead to
# the next candidate character instead of trying each position: the same matches as
# r"[.!?](?=[\"')\]]?(?:\s|$))|\n[ \t]*\n|\n(?=[ \t]*\([a-z0-9]{1,3}\)[ \t])".
# A semicolon or colon never ends a sentence (clauses stay together; a semicolon would split only
# lists of long clauses), so they are not looked for.
_SENT_END = re.compile(
    r"[.!?\n](?:(?<=[.!?])(?=[\"')\]]?(?:\s|$))|(?<=\n)[ \t]*\n|(?<=\n)(?=[ \t]*\([a-z0-9]{1,3}\)[ \t]))"
)


# The same ends, read over many lines at once: every line break ends a sentence too.
# (r"[.!?](?=[\"')\]]?(?:\s|$))|\n", in the same form as _SENT_END)
_SENT_END_LINES = re.compile(r"[.!?\n](?:(?<=\n)|(?=[\"')\]]?(?:\s|$)))")
# The word before a period ("Mr", "U.S", "D").
_WORD_BEFORE_DOT = re.compile(r"([A-Za-z.]+)\.?$")


def sentences(text: str, start: int, end: int, lines: bool = False) -> Iterator[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (trimmed); abbreviations and initials do not end one.

    With ``lines`` (text converted from HTML, where a line break ends a block) every line ends a
    sentence too, so a heading such as "Appointment of Mr. Cedar" stays out of the next sentence.
    """
    # One scan of the whole span. With ``lines`` a line is read as if it were the whole text: no
    # end inside a line sees past it (the lookahead after a period finds the line break, which is
    # white space, where the line's own end would match ``$``).
    s = start
    for m in (_SENT_END_LINES if lines else _SENT_END).finditer(text, start, end):
        ch = m.group()
        if ch == ".":
            w = _WORD_BEFORE_DOT.search(text, max(s, m.start() - 12), m.start())
            word = (w.group(1) if w else "").lower().strip(".")
            # An initial ("D. Jeremy"), an abbreviation, or a number ("1.5"): not an end.
            if word in _ABBREV or (w and len(w.group(1)) == 1 and w.group(1).isupper()):
                continue
        if lines and ch == "\n":
            a, b = _trim(text, s, m.start())
        else:
            a, b = _trim(text, s, m.end())
        if b > a:
            yield a, b
        s = m.end()
    a, b = _trim(text, s, end)
    if b > a:
        yield a, b


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def flat(s: str) -> str:
    """White space folded to single spaces (hard-wrapped plain text reads like HTML text)."""
    return re.sub(r"\s+", " ", s)


def find_flat(pattern: re.Pattern[str], text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``pattern.finditer`` over ``text[start:end]``; patterns use ``\\s+`` so hard wraps match."""
    yield from pattern.finditer(text, start, end)


# --- case-insensitive patterns, read faster -----------------------------------------------------

# re.I folds these onto "i" and "s"; lower() keeps them. (A brute-force check over every code point
# finds no other character that re.I and lower() treat differently, besides "İ", which lower() turns
# into two characters; tests/extract/test_event_evidence.py repeats it for Latin-1 and more.)
_UNFOLDABLE = ("\u0131", "\u017f")


def fold_case(text: str, low: str | None = None) -> str | None:
    """``text.lower()`` (or ``low``, that already) when it can stand in for ``text`` under a
    :class:`Folded` pattern: one character for one (the same offsets), and no character that re.I
    reads other than its lower case. Else None."""
    if low is None:
        low = text.lower()
    if len(low) != len(text) or (not low.isascii() and any(c in low for c in _UNFOLDABLE)):
        return None
    return low


# Pieces of a pattern: escapes and group names stay as written, the rest goes to lower case.
_PATTERN_PIECE = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)|\(\?[a-zA-Z-]+[:)]|[^\\(]+|\(")


def _lower_pattern(pattern: str) -> str:
    out = []
    for m in _PATTERN_PIECE.finditer(pattern):
        t = m.group()
        if t.startswith("\\"):
            if t[1] in "xuUN0123456789":
                raise ValueError(f"cannot fold a pattern with the escape {t!r}")
            out.append(t)
        elif t.startswith("(?P"):
            out.append(t)
        elif t.startswith("(?") and len(t) > 2 and (t[2].isalpha() or t[2] == "-"):
            raise ValueError(f"cannot fold a pattern with the inline flags {t!r}")
        else:
            out.append(t.lower())
    return "".join(out)


def has_stem(low: str, stems: tuple[str, ...]) -> bool:
    """Whether ``low`` holds one of ``stems``: a loop of ``in`` tests (faster than any() over a
    generator, and than one regex of the stems)."""
    for k in stems:  # noqa: SIM110
        if k in low:
            return True
    return False


class Folded:
    """A case-insensitive (re.I) pattern read faster: over the lower-case text (:func:`fold_case`),
    in lower case and without re.I (case folding per character is what makes re.I slow), and, with
    ``stems``, only when the text holds one of them: substrings one of which every match holds.

    Matches start and end at the offsets of the pattern's matches over the original text; their
    text is in lower case (read the original text at their offsets where the case matters). A word
    added to a pattern must keep a stem listed with it."""

    __slots__ = ("low", "rx", "stems")

    def __init__(self, rx: re.Pattern[str], stems: tuple[str, ...] = ()) -> None:
        if not (rx.flags & re.I) or not rx.pattern.isascii():
            raise ValueError("Folded reads ASCII re.I patterns only")
        self.rx = rx
        self.low = re.compile(_lower_pattern(rx.pattern), rx.flags & ~re.I)
        self.stems = stems

    def search(self, text: str, low: str | None) -> re.Match[str] | None:
        """``rx.search(text)``; ``low`` is ``fold_case(text)``."""
        if low is None:
            return self.rx.search(text)
        if self.stems and not has_stem(low, self.stems):
            return None
        return self.low.search(low)

    def finditer(self, text: str, low: str | None) -> Iterator[re.Match[str]]:
        """``rx.finditer(text)``; ``low`` is ``fold_case(text)``."""
        if low is None:
            return self.rx.finditer(text)
        if self.stems and not has_stem(low, self.stems):
            return iter(())
        return self.low.finditer(low)
