"""Person names in narrative 8-K text: "Amit R. Ghai", "D. Jeremy Darroch", "Francis A. deSouza".

A name is a run of capitalized words and initials (particles such as "de" or "van" allowed inside),
with honorifics and ranks removed ("Mr.", "Dr.", "General (Ret.)", a leading "Director"), that
contains none of the words of company names, offices or calendars. Later references such as
"Mr. Ghai" are resolved to the full name printed first (:class:`NameBook`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_CAP = r"(?:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*|[A-Z]'[A-Z][a-z]+|(?:Mc|Mac|de|De|Di|La|Le|van|Van)[A-Z][a-z]+|[A-Z][a-z]?[A-Z][a-z]+)"
_INIT = r"[A-Z]\.(?:[ \t]?[A-Z]\.)?"
_PART = r"(?:de|da|di|del|della|der|den|du|la|le|van|von|y|bin|al|st\.)"
_SUFFIX = r"(?:,?[ \t]+(?:Jr\.?|Sr\.?|II|III|IV)(?![A-Za-z]))"
_HONOR = r"(?:(?:Mr|Mrs|Ms|Dr|Messrs|Prof|Sir|Hon)\.?|Director|General|Gen\.|Admiral|Adm\.|Governor|Senator|Ambassador|Judge|Professor|Lt\.|Colonel|Col\.)"
_NICK = r"(?:\"[A-Z][a-z]+\"|\([A-Z][a-z]+\))"
_RET = r"(?:[ \t]*\((?:Ret\.?|ret\.?|Retired)\))"

# A candidate run: optional honorific, then 2+ name tokens on one line (or a hard wrap).
# The lookahead (every honorific and name token starts with a capital, "de" or "van") is only a quick
# rejection of the other positions: the search tries every position of the text.
# The honorific group is tried only where one can start (each of _HONOR's words starts with one of
# these capitals): entering the optional group costs more than that test.
NAME_RUN = re.compile(
    rf"(?=[A-Zdv])(?<![A-Za-z0-9.'-])(?:(?=[ACDGHJLMPS])(?P<honor>{_HONOR}{_RET}?)[ \t\n]+)?"
    rf"(?P<name>(?:{_INIT}[ \t\n]+)?{_CAP}(?:[ \t\n]+(?:{_INIT}|{_CAP}|{_NICK}|{_PART}(?=[ \t\n]+[A-Z])))*{_SUFFIX}?)(?![A-Za-z])"
)
HONOR_SURNAME = re.compile(
    rf"\b(?:Mr|Mrs|Ms|Dr|Messrs|Sir|Prof)\.?[ \t\n]+(?P<sur>(?:{_PART}[ \t]+)?{_CAP}(?:-{_CAP})?)"
)
# What every HONOR_SURNAME match holds: a cheap test before it.
_HONOR_GATE = re.compile(r"Mr|Ms|Dr|Messrs|Sir|Prof")
_WS = re.compile(r"\s+")
_WS_RUN = re.compile(r"[ \t\n]+")
_PART_RX = re.compile(_PART)
_CAP_RX = re.compile(_CAP)
_NICK_RX = re.compile(_NICK)
_INIT_TOKEN = re.compile(r"[A-Z]\.(?:[A-Z]\.)?")
_INIT_SPACED = re.compile(r"[A-Z]\.(?:[ \t]?[A-Z]\.)?")
_SUFFIX_TOKEN = re.compile(r"(?:Jr\.?|Sr\.?|II|III|IV)")
_ROLE_WORD = re.compile(r"[a-z]+")
_DIGIT_AFTER = re.compile(r"[ \t\n]*\d")

# Words that never occur in a person's name but start or fill capitalized runs in filings.
STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "as",
        "with",
        "from",
        "into",
        "upon",
        "under",
        "effective",
        "after",
        "before",
        "during",
        "on",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
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
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "company",
        "companies",
        "corporation",
        "corp",
        "inc",
        "incorporated",
        "llc",
        "ltd",
        "plc",
        "co",
        "lp",
        "llp",
        "limited",
        "group",
        "holdings",
        "holding",
        "bank",
        "bancorp",
        "trust",
        "partners",
        "capital",
        "fund",
        "financial",
        "technologies",
        "technology",
        "systems",
        "services",
        "solutions",
        "international",
        "global",
        "national",
        "american",
        "america",
        "north",
        "south",
        "east",
        "west",
        "pacific",
        "atlantic",
        "united",
        "states",
        "board",
        "directors",
        "director",
        "committee",
        "council",
        "officer",
        "officers",
        "chief",
        "executive",
        "president",
        "vice",
        "senior",
        "chairman",
        "chair",
        "chairwoman",
        "chairperson",
        "treasurer",
        "secretary",
        "controller",
        "counsel",
        "general",
        "principal",
        "interim",
        "operating",
        "operations",
        "finance",
        "financial",
        "accounting",
        "legal",
        "human",
        "resources",
        "marketing",
        "sales",
        "strategy",
        "audit",
        "compensation",
        "nominating",
        "governance",
        "risk",
        "succession",
        "plan",
        "agreement",
        "act",
        "exchange",
        "securities",
        "commission",
        "report",
        "form",
        "item",
        "items",
        "section",
        "rule",
        "regulation",
        "exhibit",
        "schedule",
        "proxy",
        "statement",
        "annual",
        "meeting",
        "shareholders",
        "stockholders",
        "university",
        "school",
        "college",
        "institute",
        "association",
        "foundation",
        "department",
        "registrant",
        "firm",
        "business",
        "division",
        "segment",
        "unit",
        "office",
        "new",
        "york",
        "street",
        "avenue",
        "road",
        "effective",
        "pursuant",
        "following",
        "further",
        "additionally",
        "also",
        "however",
        "accordingly",
        "prior",
        "since",
        "currently",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "fiscal",
        "quarter",
        "year",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "messrs",
        "offer",
        "letter",
        "employment",
        "separation",
        "release",
        "transition",
        "retirement",
        "resignation",
        "appointment",
        "election",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "our",
        "we",
        "he",
        "she",
        "they",
        "it",
        "there",
        "in",
        "following",
        "standard",
        "agreements",
        "awards",
        "award",
        "equity",
        "incentive",
        "stock",
        "options",
        "restricted",
        "units",
        "performance",
        "global",
        "commercial",
        "oncology",
        "research",
        "development",
        "products",
        "product",
        "data",
        "center",
        "digital",
        "cloud",
    ]
)
# Words of business names ("Boeing Defense, Space & Security", "PepsiCo Beverages North America").
_ORG_WORDS = (
    "defense security energy health healthcare pharmaceuticals pharmaceutical airlines motors industries "
    "resources networks communications media entertainment brands beverages foods materials labs "
    "laboratories therapeutics biosciences sciences software semiconductor semiconductors electric power "
    "oil petroleum chemical chemicals insurance investments realty properties ventures studios airplanes "
    "aerospace automotive retail stores markets mobile wireless platforms pharma medical "
    "web corporate transformation regulatory affairs change control eligible service expiration date "
    "period base salary term start end closing agreement plan"
)
STOP = STOP | frozenset(_ORG_WORDS.split())
_COMPANY_AFTER = re.compile(
    r"[ \t\n]+(?:Committee|Board|Council|Division|Department|Fund|Foundation|University|Institute|Center|"
    r"Centre|Plan|Agreement|Act|Program|Trust|Partners|Group|Team|Segment|Unit)\b|"
    r",?[ \t\n]*(?:(?:[A-Z][a-z]+[ \t\n]+)?&|Inc\b|Corp\b|Corporation\b|Company\b|Co\.|LLC\b|L\.L\.C|Ltd\b|L\.P\.|LP\b|plc\b|PLC\b|N\.A\.|S\.A\.|AG\b|N\.V\.|GmbH\b|Limited\b)"
)
_ROLEISH = frozenset(
    [
        "chief",
        "officer",
        "president",
        "director",
        "chairman",
        "chair",
        "treasurer",
        "secretary",
        "controller",
        "counsel",
    ]
)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # span of the name itself (honorific excluded)
    end: int
    name: str  # full name as printed, white space folded
    key: tuple[str, str]  # (first, last) folded


@functools.lru_cache(maxsize=4096)
def name_key(name: str) -> tuple[str, str]:
    toks = [
        t.lower().strip(".,")
        for t in _WS.split(name)
        if t.strip(".,") and t.lower().strip(".,") not in {"jr", "sr", "ii", "iii", "iv"}
    ]
    toks = [t for t in toks if len(t) > 1] or toks  # initials do not identify
    if not toks:
        return ("", "")
    return (toks[0], toks[-1])


@functools.lru_cache(maxsize=4096)
def surname(name: str) -> str:
    toks = [t for t in _WS.split(name) if t.strip(".,")]
    toks = [t for t in toks if t.strip(".,").lower() not in {"jr", "sr", "ii", "iii", "iv"}]
    if not toks:
        return ""
    # "de Germay", "van der Berg": a surname keeps its particles.
    out = [toks[-1]]
    i = len(toks) - 2
    while i > 0 and _PART_RX.fullmatch(toks[i]):
        out.insert(0, toks[i])
        i -= 1
    return " ".join(out).strip(",")


def _is_init(t: str) -> bool:
    return bool(_INIT_TOKEN.fullmatch(t))


_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def _valid(tokens: list[str]) -> bool:
    words = [t for t in tokens if not _INIT_SPACED.fullmatch(t) and not _NICK_RX.fullmatch(t)]
    if len(words) < 2 and not (len(words) == 1 and len(tokens) >= 2):
        return False
    if len(tokens) > 6:
        return False
    if any(t.lower().strip(".,") in STOP for t in words[:-1]) or (
        words and words[-1].lower().strip(".,") in STOP and words[-1].lower() not in _MONTHS
    ):
        return False
    last = tokens[-1].strip(",")
    if _SUFFIX_TOKEN.fullmatch(last):
        last = tokens[-2] if len(tokens) > 1 else ""
    return bool(_CAP_RX.fullmatch(last.strip(",")))


def find_names(text: str, start: int, end: int) -> list[Mention]:
    """Full-name mentions in ``text[start:end]`` (at least a first and a last name)."""
    out: list[Mention] = []
    runs = _RUNS
    if len(runs) > 50_000:
        runs.clear()  # bounded: a long-lived process reads many filings
    for m in NAME_RUN.finditer(text, start, end):
        raw = m.group("name")
        if " " not in raw and "\t" not in raw and "\n" not in raw:
            continue  # one word: never a first and a last name (_valid)
        if "\n\n" in raw:
            continue
        entry = runs.get(raw)
        if entry is None:
            # "Erin May": a month ends the run; it is a surname unless a day follows the run.
            last = raw[max(raw.rfind(" "), raw.rfind("\t"), raw.rfind("\n")) + 1 :]
            month = last.lower() in _MONTHS
            no_day = _read_run(raw, False)
            entry = runs[raw] = (month, no_day, _read_run(raw, True) if month else no_day)
        core = entry[2] if entry[0] and _DIGIT_AFTER.match(text, m.end()) else entry[1]
        if core is None:
            continue
        s = m.start("name")
        cs, ce, e, name, nkey = core
        # "Meta Platforms, Inc.", "Marygold & Co.": a company, not a person.
        if _COMPANY_AFTER.match(text, s + ce, min(len(text), s + ce + 20)):
            continue
        out.append(Mention(start=s + cs, end=s + e, name=name, key=nkey))
    return out


# What a run of capitalized words holds, by its text: whether it ends in a month, and its name when
# no day follows it and when one does. The same runs recur ("Chief Executive Officer", a person's
# name), so each is read once.
_Core = tuple[int, int, int, str, tuple[str, str]]
_RUNS: dict[str, tuple[bool, _Core | None, _Core | None]] = {}


def _read_run(raw: str, day: bool) -> _Core | None:
    """The name in a run of capitalized words: offsets in ``raw`` of its start, of the end of its last
    word, of its end without a trailing comma, and the name and its key; None when none.
    ``day``: the run ends in a month and a day follows it."""
    toks = _WS_RUN.split(raw)
    # Trim stop words at either end ("On December", "Director Fred"): keep the longest clean core.
    i, j = 0, len(toks)
    while i < j and toks[i].lower().strip(".,") in STOP and not _is_init(toks[i]):
        i += 1
    while j > i and toks[j - 1].lower().strip(".,") in STOP and not _is_init(toks[j - 1]):
        if toks[j - 1].lower() in _MONTHS and j == len(toks) and not day:
            break  # "Erin May": a surname, not a month (a month is followed by a day)
        j -= 1
    core = toks[i:j]
    if not core or not _valid(core):
        return None
    # The span of the core inside the run (words are separated by white space only).
    off = 0
    for t in toks[:i]:
        off = raw.index(t, off) + len(t)
    cs = raw.index(core[0], off)
    ce = cs
    for t in core:
        ce = raw.index(t, ce) + len(t)
    name = _WS.sub(" ", raw[cs:ce]).strip(" ,")
    return cs, ce, cs + len(raw[cs:ce].rstrip(" ,")), name, name_key(name)


class NameBook:
    """Full names seen so far in a section, for resolving "Mr. Ghai" to "Amit R. Ghai"."""

    def __init__(self) -> None:
        self.by_surname: dict[str, str] = {}
        self.ambiguous: set[str] = set()

    def add(self, name: str) -> None:
        sur = surname(name).lower()
        if not sur:
            return
        prev = self.by_surname.get(sur)
        if prev and name_key(prev) != name_key(name):
            self.ambiguous.add(sur)
        self.by_surname.setdefault(sur, name)

    def longer(self, name: str) -> str | None:
        """A longer full name ending with ``name`` ("Powell McCormick" -> "Dina Powell McCormick")."""
        toks = name.split()
        for full in self.by_surname.values():
            ft = full.split()
            if len(ft) > len(toks) and ft[-len(toks) :] == toks:
                return full
        return None

    def resolve(self, sur: str) -> str | None:
        s = sur.lower()
        if s in self.ambiguous:
            return None
        return self.by_surname.get(s)


def names_in(known: list[Mention], text: str, start: int, end: int) -> list[Mention]:
    """``find_names(text, start, end)`` from the names already found in a larger span (sorted by
    start): the same result unless a known name straddles the border, which is then re-read."""
    # A capitalized run may cross the border ("... Acting Chief Executive Officer\nDaniel J.
    # Tempesta, ..." where a heading line has no period): the section-wide reading saw one run
    # there, the span on its own would see a name, so read the span itself.
    p = start - 1
    while p >= 0 and text[p] in " \t\n":
        p -= 1
    if p >= 0 and start < len(text) and text[start].isupper() and text[p].isalpha():
        return find_names(text, start, end)
    q = end
    while q < len(text) and text[q] in " \t\n":
        q += 1
    if end > start and q < len(text) and text[end - 1].isalpha() and text[q].isupper():
        return find_names(text, start, end)
    lo, hi = 0, len(known)
    while lo < hi:  # first name that ends after start
        mid = (lo + hi) // 2
        if known[mid].end <= start:
            lo = mid + 1
        else:
            hi = mid
    out: list[Mention] = []
    for m in known[lo:]:
        if m.start >= end:
            break
        if m.start < start or m.end > end:
            return find_names(text, start, end)
        out.append(m)
    return out


def mentions(
    text: str, start: int, end: int, book: NameBook, known: list[Mention] | None = None
) -> list[Mention]:
    """Full names and resolved "Mr. Surname" references in ``text[start:end]``, in order.

    ``known``: the full names of an enclosing span (``find_names``), so a section is read once."""
    full = find_names(text, start, end) if known is None else names_in(known, text, start, end)
    out = []
    for f in full:
        longer = book.longer(f.name)
        out.append(Mention(start=f.start, end=f.end, name=longer, key=name_key(longer)) if longer else f)
    for m in HONOR_SURNAME.finditer(text, start, end) if _HONOR_GATE.search(text, start, end) else ():
        sur = m.group("sur")
        if any(f.start <= m.start("sur") < f.end for f in full):
            continue
        name = book.resolve(sur)
        if name:
            out.append(Mention(start=m.start("sur"), end=m.end("sur"), name=name, key=name_key(name)))
    out.sort(key=lambda x: x.start)
    return out


@functools.lru_cache(maxsize=4096)
def is_roleish(s: str) -> bool:
    return any(w in _ROLEISH for w in _ROLE_WORD.findall(s.lower()))
