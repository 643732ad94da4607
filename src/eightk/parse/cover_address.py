"""Split a printed address block into street, city, state and ZIP code, keeping spans.

Input: the value cells printed above (or below) the "(Address of principal executive offices)" label,
in reading order. Forms seen: "929 Long Bridge Drive, Arlington, VA<TAB>22202"; "ONE BOWERMAN DRIVE" /
"BEAVERTON, OR 97005-6453"; "1400 Smith Street<TAB>Houston,<TAB>TX<TAB>77002"; "1395 Crossman Avenue
Sunnyvale, CA 94089" (no comma before the city); "83 Stanley Road, UN 1 Box 103, RR6 Woodville,
Ontario K0M 2T0".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eightk.parse.cover_data import (
    CA_PROVINCES,
    DIRECTIONS,
    OTHER_JURISDICTIONS,
    STATE_CODE_BY_NAME,
    STREET_WORDS,
    US_STATES,
)

ZIP = re.compile(r"(?<![\w-])(?:\d{5}(?:\s?-\s?\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d)(?![\w-])")
_COUNTRY = re.compile(r"^(?:USA|U\.S\.A\.?|United States(?: of America)?|Canada)$", re.I)
_STATE_NAMES = {**{k.lower(): k for k in US_STATES}, **{v.lower(): v for v in US_STATES.values()}}
_PROVINCES = {**{k.lower(): k for k in CA_PROVINCES}, **{v.lower(): v for v in CA_PROVINCES.values()}}
# Abbreviations printed with periods: "Calif.", "Mass.", "N.Y.", "Ill."
_STATE_ABBR = {
    "calif": "CA",
    "mass": "MA",
    "ill": "IL",
    "penn": "PA",
    "conn": "CT",
    "fla": "FL",
    "tex": "TX",
    "mich": "MI",
    "minn": "MN",
    "wash": "WA",
    "ariz": "AZ",
    "colo": "CO",
    "ore": "OR",
    "wis": "WI",
    "okla": "OK",
    "tenn": "TN",
    "ind": "IN",
    "ga": "GA",
    "va": "VA",
    "md": "MD",
    "mo": "MO",
    "nev": "NV",
    "n.y": "NY",
    "n.j": "NJ",
    "n.c": "NC",
    "s.c": "SC",
    "d.c": "DC",
}


_STATE_OF = re.compile(r"^(?:the\s+)?(?:state|commonwealth)\s+of\s+")
_COMMA = re.compile(r"(,)")
_NONSPACE = re.compile(r"\S+")


@dataclass(slots=True)
class Seg:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Address:
    street: Seg | None = None
    city: Seg | None = None
    state: Seg | None = None
    zip: Seg | None = None


_COUNTRIES = frozenset(
    j for j in OTHER_JURISDICTIONS if j not in {v.lower() for v in CA_PROVINCES.values()}
) - {"united states"}


def is_state(text: str) -> bool:
    t = text.strip().strip(".,").lower()
    return (
        t in _STATE_NAMES
        or t in _PROVINCES
        or t.rstrip(".") in _STATE_ABBR
        or t.replace(" ", "") in _STATE_ABBR
    )


def is_jurisdiction(text: str) -> bool:
    t = " ".join(text.strip().strip(".,()").split()).lower()
    t = _STATE_OF.sub("", t)
    return t in STATE_CODE_BY_NAME or t in _PROVINCES or t in OTHER_JURISDICTIONS or t.upper() in US_STATES


def _segments(cells: list[tuple[int, str]]) -> list[Seg]:
    """Cells (start offset, text) -> comma-separated segments with their spans."""
    out: list[Seg] = []
    for start, text in cells:
        pos = 0
        for part in _COMMA.split(text):
            if part == ",":
                pos += 1
                continue
            s = len(part) - len(part.lstrip())
            e = len(part.rstrip())
            if e > s:
                out.append(Seg(start + pos + s, start + pos + e, " ".join(part[s:e].split())))
            pos += len(part)
    return out


def parse_address(cells: list[tuple[int, str]]) -> Address:
    """Street, city, state and ZIP of an address block (cells in reading order)."""
    addr = Address()
    segs = _segments(cells)
    while segs and _COUNTRY.match(segs[-1].text):
        segs.pop()
    # A foreign country closing the address is not a state: "..., Shanghai, China" (x-2024-12-20).
    country = bool(segs) and segs[-1].text.lower() in _COUNTRIES
    if country:
        segs.pop()
    if not segs:
        return addr
    # ZIP: a segment of its own, or the tail of the last segments ("Texas 77389-1425").
    for k in range(len(segs) - 1, max(-1, len(segs) - 4), -1):
        sg = segs[k]
        m = None
        for m in ZIP.finditer(sg.text):  # noqa: B007 - the last ZIP-shaped token
            pass
        if m is None or m.end() != len(sg.text):
            continue
        if k < len(segs) - 1 and not all(is_state(x.text) for x in segs[k + 1 :]):
            continue
        addr.zip = Seg(sg.start + m.start(), sg.start + m.end(), m.group(0))
        head = sg.text[: m.start()].rstrip(" ,")
        if head:
            segs[k] = Seg(sg.start, sg.start + len(head), head)
        else:
            segs.pop(k)
        break
    if not segs:
        return addr
    if country and segs and not is_state(segs[-1].text) and not any(ch.isdigit() for ch in segs[-1].text):
        addr.city = segs.pop()
        if segs:
            addr.street = Seg(segs[0].start, segs[-1].end, ", ".join(s.text for s in segs))
        return addr
    # State: the last segment, or the last words of it ("San Jose California").
    last = segs[-1]
    if is_state(last.text):
        addr.state = last
        segs.pop()
    else:
        words = list(_NONSPACE.finditer(last.text))
        for n in (2, 1, 3):
            if len(words) > n:
                tail = last.text[words[-n].start() :]
                if is_state(tail) and (n > 1 or len(tail) > 2 or tail.isupper()):
                    addr.state = Seg(last.start + words[-n].start(), last.end, tail)
                    head = last.text[: words[-n].start()].rstrip(" ,")
                    segs[-1] = Seg(last.start, last.start + len(head), head)
                    break
    if not segs or addr.state is None:
        return addr
    # City: the segment before the state, minus street words printed on the same line.
    city = segs.pop()
    words = list(_NONSPACE.finditer(city.text))
    cut = -1
    for i, w in enumerate(words[:-1]):
        lw = w.group(0).lower().rstrip(",")
        if (
            any(ch.isdigit() for ch in lw)
            or lw in STREET_WORDS
            or (
                lw in DIRECTIONS and ((cut >= 0 and cut == i - 1) or (i == 0 and ("." in lw or len(lw) == 2)))
            )
        ):
            cut = i
    if cut >= 0:
        head_end = words[cut].end()
        street_tail = Seg(city.start, city.start + head_end, city.text[:head_end])
        rest = words[cut + 1].start()
        city = Seg(city.start + rest, city.end, city.text[rest:])
        segs.append(street_tail)
    if any(ch.isdigit() for ch in city.text) or not city.text[:1].isalpha():
        return Address(zip=addr.zip, state=addr.state)
    addr.city = city
    if segs:
        addr.street = Seg(segs[0].start, segs[-1].end, ", ".join(s.text for s in segs))
    return addr
