"""Dates as printed in filings ("March 15, 2002", "3/15/02", "15 March 2002", "2002-03-15") to ISO."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# "March 15, 2002", "MARCH 15 , 2002", "Mar. 15, 2002", "March 15th, 2002"
DATE_MDY = re.compile(
    rf"\b({_MONTH_RE})\.?[ \t\n]{{0,3}}(\d{{1,2}})(?:st|nd|rd|th)?[ \t\n]{{0,3}},?[ \t\n]{{0,3}}((?:19|20)\d{{2}})\b",
    re.I,
)
DATE_DMY = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?:day[ \t]+of[ \t]+)?({_MONTH_RE})\.?,?[ \t]+((?:19|20)\d{{2}})\b",
    re.I,
)
DATE_NUM = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)?\d{2})\b")
DATE_ISO = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")
ANY_DATE = re.compile("|".join(p.pattern for p in (DATE_MDY, DATE_DMY, DATE_NUM, DATE_ISO)), re.I)


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_date(s: str) -> str | None:
    """The first date found in ``s`` as ISO, or ``None``."""
    m = find_date(s)
    return m[0] if m else None


# A pattern is tried only when the text holds what every match of it holds: a year ("19xx" or
# "20xx") for all but DATE_NUM, a slash for DATE_NUM. Matches are walked with search() from the last
# match's end, which is what finditer() does (no pattern matches the empty string) without its setup
# cost, the larger part of a call on the short strings most callers pass.
_PATTERNS: tuple[tuple[re.Pattern[str], str, bool], ...] = (  # (pattern, kind, needs a slash)
    (DATE_MDY, "mdy", False),
    (DATE_DMY, "dmy", False),
    (DATE_NUM, "num", True),
    (DATE_ISO, "iso", False),
)


def _gates(s: str, pos: int, end: int) -> tuple[bool, bool]:
    """(whether ``s[pos:end]`` holds "19" or "20", whether it holds "/")."""
    return (s.find("20", pos, end) >= 0 or s.find("19", pos, end) >= 0), s.find("/", pos, end) >= 0


def find_date(s: str, pos: int = 0, endpos: int | None = None) -> tuple[str, int, int] | None:
    """The first date in ``s[pos:endpos]``: ``(iso, start, end)``."""
    best: tuple[str, int, int] | None = None
    end = len(s) if endpos is None else endpos
    year, slash = _gates(s, pos, end)
    if not year and not slash:
        return None
    for rx, kind, needs_slash in _PATTERNS:
        if not (slash if needs_slash else year):
            continue
        m = rx.search(s, pos, end)
        while m is not None:
            if best is not None and m.start() >= best[1]:
                break  # this pattern's later matches start later still: none can win
            iso = _from_match(m, kind)
            if iso:
                best = (iso, m.start(), m.end())
                break
            m = rx.search(s, m.end(), end)
    return best


def iter_dates(s: str, pos: int = 0, endpos: int | None = None) -> list[tuple[str, int, int]]:
    """All dates in ``s[pos:endpos]`` in order of position: ``(iso, start, end)``."""
    end = len(s) if endpos is None else endpos
    found: list[tuple[str, int, int]] = []
    year, slash = _gates(s, pos, end)
    if not year and not slash:
        return found
    for rx, kind, needs_slash in _PATTERNS:
        if not (slash if needs_slash else year):
            continue
        m = rx.search(s, pos, end)
        while m is not None:
            iso = _from_match(m, kind)
            if iso and not any(a < m.end() and m.start() < b for _, a, b in found):
                found.append((iso, m.start(), m.end()))
            m = rx.search(s, m.end(), end)
    found.sort(key=lambda t: t[1])
    return found


# Characters a case-insensitive match takes for ASCII letters but lower() does not turn into them:
# "ſep" (long s) matches the month pattern under re.I, and must find "sep" in MONTHS.
_FOLD = str.maketrans({"ſ": "s", "ı": "i", "İ": "i", "\u212a": "k"})


def _month(name: str) -> int | None:
    return MONTHS.get(name.translate(_FOLD).lower().rstrip(".")[:3])


def _from_match(m: re.Match[str], kind: str) -> str | None:
    if kind == "mdy":
        month = _month(m.group(1))
        return _iso(int(m.group(3)), month, int(m.group(2))) if month else None
    if kind == "dmy":
        month = _month(m.group(2))
        return _iso(int(m.group(3)), month, int(m.group(1))) if month else None
    if kind == "num":
        y = int(m.group(3))
        if y < 100:
            y += 1900 if y >= 50 else 2000
        return _iso(y, int(m.group(1)), int(m.group(2)))
    return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
