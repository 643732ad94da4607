"""Who took part in an offering and the terms issue #3 asks for beyond the gold fields.

- ``underwriters``: the underwriters or their representatives named ("Goldman Sachs & Co. LLC and J.P. Morgan
  Securities LLC, as representatives of the several underwriters"); initial purchasers of a Rule 144A sale
  play the same part and are read the same way;
- ``placement_agents``: the placement agent(s) of a registered direct sale or a PIPE, or the sales agent(s)
  of an at-the-market program;
- ``investors``: purchasers named in a securities purchase / subscription agreement ("with Lincoln Park
  Capital Fund, LLC"), never generic phrases ("certain institutional investors");
- ``warrant_term_years``, ``net_proceeds``, ``pre_funded`` and ``pre_funded_exercise_price``.

Names are read as printed between an anchor ("as representatives of", '(the "Placement Agent")', "acted as
placement agent", "Securities Purchase Agreement ... with") and the words around the list; every name must
look like a company (it ends in a legal suffix such as "Inc." or "LLC", or is two or more capitalized words
ending in a word like "Partners" or "Securities"). A list with one name that fails is dropped whole: a
missing list beats a wrong or partial one.

Every reader works on the document text with absolute offsets (names often run past the sentence splitter's
boundaries: "Merrill Lynch (Singapore) Pte. Ltd." in 0001104659-24-010040) and returns evidence spans.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date as _date

import msgspec

from eightk.extract.numbers import parse_money
from eightk.extract.offering_text import Sentence
from eightk.model import Document, Evidence, Offering, evidence_for
from eightk.parse.dates import iter_dates

# --- company names ----------------------------------------------------------------------------------

_SUFFIXES = frozenset(
    {
        "Inc.",
        "Inc",
        "Incorporated",
        "LLC",
        "L.L.C.",
        "LP",
        "L.P.",
        "LLP",
        "L.L.P.",
        "Ltd.",
        "Ltd",
        "Limited",
        "Corp.",
        "Corp",
        "Corporation",
        "Co.",
        "plc",
        "PLC",
        "P.L.C.",
        "N.A.",
        "AG",
        "A.G.",
        "S.A.",
        "SE",
        "N.V.",
        "B.V.",
        "GmbH",
        "Pte.",
        "Pte",
        "S.p.A.",
        "KGaA",
        "ASA",
        "A/S",
        "Ltée",
        "Branch",
    }
)
# two or more capitalized words ending in one of these name a firm without a legal suffix ("Roth Capital
# Partners", "A.G.P./Alliance Global Partners", "Deutsche Bank")
_KNOWN_LAST = frozenset(
    {
        "Partners",
        "Securities",
        "Capital",
        "Group",
        "Markets",
        "Company",
        "Advisors",
        "Fund",
        "Bank",
        "Management",
        "Investments",
        "Holdings",
        "Ventures",
        "Associates",
    }
)
_CONNECTORS = frozenset({"&", "of", "de", "du", "des", "la", "le", "y", "van", "der", "von", "+"})
# capitalized words that are never part of a firm's name in these sentences
_NOT_NAME = frozenset(
    {
        "The",
        "On",
        "In",
        "As",
        "At",
        "Under",
        "Pursuant",
        "Each",
        "Such",
        "Both",
        "Agreement",
        "Agreements",
        "Underwriters",
        "Underwriter",
        "Representatives",
        "Representative",
        "Purchasers",
        "Purchaser",
        "Agent",
        "Agents",
        "Investor",
        "Investors",
        "Notes",
        "Shares",
        "Stock",
        "Warrants",
        "Offering",
        "Act",
        "Exhibit",
        "Form",
        "Section",
        "Rule",
        "Item",
        "Securities Act",
        "Registrant",
        "Issuer",
        "Guarantors",
        "Guarantor",
        "Parties",
        "Seller",
        "Sellers",
        "Buyer",
    }
)
# names printed with commas or "and" inside them, read as one token
_KNOWN_MULTI = (
    r"Merrill\s+Lynch,\s+Pierce,\s+Fenner\s+&\s+Smith|Goldman,\s+Sachs|Keefe,\s+Bruyette|"
    r"Hongkong\s+and\s+Shanghai|[A-Z][\w'-]+\s+and\s+Company(?=,?\s+(?:L\.?L\.?C|Inc|Ltd|LLP|L\.P))"
)
_TOKEN = re.compile(rf"{_KNOWN_MULTI}|\([A-Z][A-Za-z .]{{0,20}}\)[,;]?|[^\s]+")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,4}(?:/[\w.-]+)?|[A-Z][a-z]{0,3}\.")
_GENERIC_PARTY = frozenset(
    {
        "company",
        "registrant",
        "issuer",
        "issuers",
        "corporation",
        "partnership",
        "operating partnership",
        "trust",
        "guarantors",
        "guarantor",
        "parent",
        "selling stockholders",
        "selling shareholders",
        "bank",
    }
)
# words of a registrant's name that say nothing about which company it is
_WEAK_ISSUER_WORDS = frozenset(
    {
        "inc",
        "corp",
        "corporation",
        "co",
        "company",
        "ltd",
        "llc",
        "plc",
        "the",
        "holdings",
        "group",
        "international",
        "capital",
        "of",
        "and",
        "new",
        "de",
        "lp",
        "l",
        "p",
        "sa",
        "nv",
        "trust",
        "bancorp",
    }
)


@dataclass(frozen=True, slots=True)
class _Tok:
    start: int
    end: int  # without trailing "," or ";"
    word: str  # without trailing "," or ";"
    comma: bool  # followed by a comma or semicolon printed on the token
    semi: bool


def _tokens(text: str, lo: int, hi: int) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text, lo, hi):
        w = m.group(0)
        e = m.end()
        comma = semi = False
        while w and w[-1] in ",;":
            semi = semi or w[-1] == ";"
            comma = True
            w = w[:-1]
            e -= 1
        if w:
            out.append(_Tok(m.start(), e, w, comma, semi))
    return out


def _is_suffix(w: str) -> bool:
    return w in _SUFFIXES


def _body_ok(t: _Tok) -> bool:
    w = t.word
    if w in _CONNECTORS:
        return True
    if w in _NOT_NAME or w.endswith(("'s", "s'")) or '"' in w or w.startswith("("):
        return bool(re.fullmatch(r"\([A-Z][A-Za-z .]{0,20}\)", w))  # "(USA)", "(Singapore)"
    if not (w[0].isupper() or w[0].isdigit()):
        return False
    if w.endswith(".") and not _INITIALS.fullmatch(w) and not _is_suffix(w):
        return False  # "Company." ends a sentence; "J.P.", "H.C.", "B.", "Bros." do not
    return not w.endswith((")", ":"))


def _valid(toks: list[_Tok], has_suffix: bool) -> bool:
    body = [t for t in toks if t.word not in _CONNECTORS]
    if not body or toks[0].word in _CONNECTORS or toks[-1].word in _CONNECTORS - {"&"}:
        return False
    if has_suffix:
        return True
    return len(body) >= 2 and toks[-1].word in _KNOWN_LAST


def _strip_article(toks: list[_Tok]) -> list[_Tok]:
    return toks[1:] if toks and toks[0].word in ("The", "the") and len(toks) > 1 else toks


def _name_back(toks: list[_Tok], i: int) -> tuple[int, bool] | None:
    """The name ending at token ``i``: (index of its first token, has a legal suffix), or None."""
    k = i
    has_suffix = False
    while k >= 0 and _is_suffix(toks[k].word):
        if toks[k].word == "Branch":
            # "Deutsche Bank AG, London Branch": the city, then a suffix followed by a comma
            if (
                k >= 2
                and toks[k - 1].word[:1].isupper()
                and toks[k - 2].comma
                and _is_suffix(toks[k - 2].word)
            ):
                has_suffix = True
                k -= 2
                continue
            return None
        has_suffix = True
        k -= 1
    last_body = k
    while k >= 0:
        t = toks[k]
        if t.semi or (t.comma and not (k == last_body and has_suffix)):
            break  # a separator: the name starts after it ("Securities, Inc." keeps its comma)
        if not _body_ok(t):
            break
        k -= 1
    first = k + 1
    if first > last_body:
        return None
    name = toks[first : i + 1]
    if name[0].word in ("The", "the"):
        first += 1
        name = name[1:]
    if not name or not _valid(name, has_suffix):
        return None
    return first, has_suffix


def _fold_words(s: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", s.lower()))


def _is_issuer(name: str, issuer: set[str] | None) -> bool:
    if not issuer:
        return False
    words = _fold_words(name) - _WEAK_ISSUER_WORDS
    return bool(words) and words <= issuer


def _generic_party(text: str, toks: list[_Tok], k: int, issuer: set[str] | None) -> bool:
    """Token ``k`` ends the party named before "and" in "among the Company and LIST": the registrant, a
    defined party ("the Guarantors") or words in lower case ("the guarantors party thereto")."""
    if k < 0:
        return True
    t = toks[k]
    if not t.word[0].isupper():
        return True
    j = k
    while j > 0 and toks[j - 1].word[:1].isupper() and not toks[j - 1].comma:
        j -= 1
    phrase = " ".join(x.word for x in toks[j : k + 1])
    if phrase.lower() in _GENERIC_PARTY or _is_issuer(phrase, issuer):
        return True
    return (
        j > 0 and toks[j - 1].word in ("the", "The") and len(phrase.split()) <= 3 and not _is_suffix(t.word)
    )


Span = tuple[int, int]


_AND_PARTY = re.compile(r"\s*,?\s*and\s+((?:the\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})")


def names_before(text: str, lo: int, hi: int, issuer: set[str] | None, after: str = "") -> list[Span] | None:
    """The list of firm names ending exactly at ``hi`` ("X LLC, Y Inc. and Z Corp." before ", as
    representatives"). [] when no name ends there; None when the words look like a list but a part of
    it is not a firm's name (the whole list is then left out). ``after`` is the text following the anchor
    (it may name the registrant as the other party: "among Citigroup ... and Goldman, Sachs & Co. (the
    "Initial Purchasers") and Nuance", 0000950135-07-004847)."""
    cut = text.rfind("\n\n", lo, hi)
    if cut >= 0:
        lo = cut + 2
    toks = _tokens(text, lo, hi)
    if not toks:
        return []
    names: list[Span] = []
    i = len(toks) - 1
    sep: str | None = None  # the separator before the name just read
    while i >= 0:
        r = _name_back(toks, i)
        if r is None:
            if not names:
                return []
            if sep == "and" and _generic_party(text, toks, i, issuer):
                break
            return None
        first, _suf = r
        nm = (toks[first].start, toks[i].end)
        if _is_issuer(text[nm[0] : nm[1]], issuer):
            break  # "among Apple Inc. and LIST": the registrant is the other party
        names.append(nm)
        k = first - 1
        if k >= 0 and toks[k].word in ("The", "the") and (k == 0 or not toks[k - 1].word[:1].isupper()):
            k -= 1
        if k < 0:
            break
        t = toks[k]
        if t.word == "and":
            sep = "and"
            i = k - 1
        elif t.comma:
            sep = ","
            i = k
        else:
            if t.word in ("among", "between") and len(names) >= 2:
                # "among X and LIST": X is the other party unless the registrant is named after the list
                am = _AND_PARTY.match(after)
                if not am or not (am.group(1).startswith("the Company") or _is_issuer(am.group(1), issuer)):
                    return None
            break
    names.reverse()
    return names


def _name_fwd(toks: list[_Tok], i: int) -> tuple[int, bool] | None:
    """The name starting at token ``i``: (index of its last token, has a legal suffix), or None."""
    n = len(toks)
    k = i
    if k < n and toks[k].word in ("The", "the"):
        k += 1
    start = k
    while k < n:
        t = toks[k]
        if _is_suffix(t.word) and k > start:
            # suffix chain: "Co., LLC", "Pte. Ltd.", "AG, London Branch"
            j = k
            while j + 1 < n and _is_suffix(toks[j + 1].word) and toks[j + 1].word != "Branch":
                if toks[j].semi:
                    break
                j += 1
            if (
                j + 2 < n
                and toks[j].comma
                and not toks[j].semi
                and toks[j + 2].word == "Branch"
                and toks[j + 1].word[:1].isupper()
            ):
                j += 2
            return j, True
        if not _body_ok(t) or (t.word in _CONNECTORS and k == start):
            break
        if t.semi or (t.comma and not (k + 1 < n and _is_suffix(toks[k + 1].word))):
            # the name ends at a separator without a suffix: a known last word must end it
            return (k, False) if _valid(toks[start : k + 1], False) else None
        k += 1
    if k > start and _valid(toks[start:k], False):
        return k - 1, False
    return None


def names_after(text: str, lo: int, hi: int, issuer: set[str] | None) -> tuple[list[Span], int] | None:
    """The list of firm names starting at ``lo`` ("with X, LLC and Y, LP (the ...)"): (spans, offset where
    the list ends). ([], lo) when no name starts there; None when a part of the list is not a name."""
    cut = text.find("\n\n", lo, hi)
    if cut >= 0:
        hi = cut
    toks = _tokens(text, lo, hi)
    names: list[Span] = []
    i = 0
    while i < len(toks):
        r = _name_fwd(toks, i)
        if r is None:
            if not names:
                return [], lo
            # "and certain other investors" ends the list; "and Some Fund" that is no firm's name spoils it
            return (names, names[-1][1]) if not toks[i].word[:1].isupper() else None
        last, _suf = r
        first = i + 1 if toks[i].word in ("The", "the") else i
        nm = (toks[first].start, toks[last].end)
        if _is_issuer(text[nm[0] : nm[1]], issuer):
            return None
        names.append(nm)
        j = last + 1
        if j >= len(toks) or toks[last].semi:
            break
        if toks[j].word == "and":
            i = j + 1
            continue
        if toks[last].comma:
            if toks[j].word == "and":
                i = j + 1
                continue
            if toks[j].word[:1].isupper() and _name_fwd(toks, j) is not None:
                i = j
                continue
        break
    if not names:
        return [], lo
    return names, names[-1][1]


# --- sentence filters -------------------------------------------------------------------------------

_HISTORY = re.compile(
    r"\b(?:previously\s+(?:reported|disclosed|announced|entered|engaged|sold|issued|completed|filed)|"
    r"as\s+previously|prior\s+offerings?|previous\s+offerings?|earlier\s+offerings?|initial\s+public\s+offering\s+in\s+(?:19|20)\d\d)\b",
    re.I,
)
# "completed its previously announced public offerings" reports this offering (0000950103-17-008117)
_NOW_DONE = re.compile(
    r"\b(?:completed|closed|consummated)\s+(?:its|the|their)\s+previously\s+announced\b", re.I
)


def _history(t: str, tl: str | None = None) -> bool:
    tl = t.lower() if tl is None else tl
    if not ("previous" in tl or "prior" in tl or "earlier" in tl or "initial public" in tl):
        return False
    return bool(_HISTORY.search(t)) and not _NOW_DONE.search(t)


# the registrant named or defined ('Beta Energy Inc. (the "Company")'), or the offering the filing reports
_ISSUER_REF = re.compile(
    r"\b(?:the\s+Company|the\s+Registrant|the\s+Issuer|the\s+Corporation|we|us|our|its|"
    r"(?:the|this)\s+(?:offering|private\s+placement|registered\s+direct\s+offering))\b|"
    r"\(\s*(?:the\s+)?\"(?:Company|Registrant|Issuer)\"\s*\)",
    re.I,
)
_LEAD_DATE = re.compile(r"^\s*(?:\([a-z0-9]{1,3}\)\s*)?(?:On|In|As\s+of|Effective)\s+", re.I)


def _dated_history(s: Sentence, ref: _date | None) -> bool:
    """A sentence that opens with a date more than a year before the report ("On June 3, 2019, ...")."""
    if ref is None:
        return False
    t = s.text
    m = _LEAD_DATE.match(t)
    if not m:
        return False
    for iso, a, _b in iter_dates(t, m.end(), min(len(t), m.end() + 40)):
        if a != m.end():
            break
        try:
            return (ref - _date.fromisoformat(iso)).days > 366
        except ValueError:
            return False
    return False


# a defined term of the filing's own offering: "for the offering of the Securities" (0001104659-24-024927)
_DEFINED_OFFERING = re.compile(
    r"\bthe\s+(?:Offering|Notes|Securities|Shares|Debentures|Units|Warrants|Transaction)\b"
)


def _about_issuer(t: str, issuer: set[str] | None) -> bool:
    if _ISSUER_REF.search(t) or _DEFINED_OFFERING.search(t):
        return True
    if not issuer:
        return False
    strong = issuer - _WEAK_ISSUER_WORDS
    return bool(strong & _fold_words(t))


# --- parties ----------------------------------------------------------------------------------------

_ROLE_WORDS = (
    r"(?:joint\s+|sole\s+|lead\s+|exclusive\s+|co-|senior\s+|book-?running\s+|and\s+)*"
    r"(?P<role>underwriters?|representatives?|initial\s+purchasers?|book-?running\s+managers?|bookrunners?|"
    r"lead\s+managers?|managers?|placement\s+agents?|sales\s+agents?|agents?)\b"
)
# ", for themselves and as representatives of the several underwriters"
_AS_REP = re.compile(
    r"\b(?:for\s+themselves\s+and\s+)?as\s+(?:the\s+)?(?:joint\s+)?representatives?\s+of\s+(?:the\s+)?"
    r"(?:several\s+)?(?P<role>underwriters|(?:initial\s+)?purchasers)\b|"
    # ", as underwriter" (the comma is checked by the caller)
    r"\bas\s+(?:the\s+)?(?:sole\s+|several\s+|joint\s+)*(?P<role2>underwriters?|initial\s+purchasers?|placement\s+agents?|sales\s+agents?)\b",
    re.I,
)
# '(collectively, the "Underwriters")', '(the "Placement Agent")', '(each, an "Agent" and collectively, the "Agents")'
_DEFINED = re.compile(
    r"\(\s*(?:each,?\s+(?:a|an)\s+\"[^\"]{1,30}\"\s+and\s+)?(?:together|collectively)?,?\s*(?:the\s+)?"
    r"\"(?P<term>Underwriters?|Representatives?|Initial\s+Purchasers?|Placement\s+Agents?|Sales\s+Agents?|"
    r"Agents?|Managers?|Sales\s+Managers?|Distribution\s+Agents?|Lead\s+Placement\s+Agent)\"\s*\)"
)
# "H.C. Wainwright & Co., LLC acted as the exclusive placement agent", "... were joint book-running managers"
_ACTED = re.compile(
    r"\b(?:acted|acts|act|is\s+acting|are\s+acting|will\s+act|served|serves|serve|is\s+serving|are\s+serving|"
    r"were|was|are|is)\s+(?:as\s+)?(?:the\s+)?(?:Company's\s+)?"
    rf"{_ROLE_WORDS}",
    re.I,
)
_COMMA_BEFORE = re.compile(r",\s*$")
# "for whom Goldman, Sachs & Co. and Merrill Lynch ... are acting as representatives" (0000899243-95-000310)
_FOR_WHOM = re.compile(r"\bfor\s+whom\s+", re.I)
# "an underwriting agreement (the "Underwriting Agreement") with X, Y and Z"
_UW_WITH = re.compile(
    r"\b(?:underwriting|terms)\s+agreement\b(?:\s*\((?:[^()]|\([^()]*\)){0,120}\))?"
    r"(?:,?\s*dated\s+(?:as\s+of\s+)?[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4},?)?\s+with\s+",
    re.I,
)
_ACTING = re.compile(rf"\s+(?:are|is)\s+acting\s+as\s+{_ROLE_WORDS}", re.I)
_ENGAGED = re.compile(r"\b(?:engaged|retained|appointed)\s+", re.I)
_ENGAGED_ROLE = re.compile(
    r"\s*(?:\([^()]{0,40}\))?\s*(?:,\s*)?(?:to\s+(?:act|serve)\s+)?as\s+(?:its\s+|the\s+|our\s+)?"
    rf"{_ROLE_WORDS}",
    re.I,
)
_PLACEMENT_CTX = re.compile(
    r"\bplacement\b|\bsales\s+agreement\b|\bat[\s-]the[\s-]market\b|\bequity\s+distribution\b|"
    r"\bdistribution\s+agreement\b|\bATM\b|\boffering\b",
    re.I,
)
_NOT_PLACEMENT = re.compile(
    r"\b(?:(?:administrative|collateral|paying|transfer|warrant|escrow|exchange|information|solicitation|"
    r"syndication|documentation|rights|subscription|calculation|conversion|registrar)\s+agents?|depositary|trustee|"
    r"credit\s+agreement|loan\s+agreement|credit\s+facility|term\s+loan|lenders?)\b",
    re.I,
)
# "a securities purchase agreement (the "Purchase Agreement") with Lincoln Park Capital Fund, LLC"
_INVEST_WITH = re.compile(
    r"\b(?:(?:securities|common\s+stock|note|unit|equity)\s+purchase|subscription|investment|purchase)\s+"
    r"agreements?\b(?:\s*\((?:[^()]|\([^()]*\)){0,120}\))?"
    r"(?:,?\s*dated\s+(?:as\s+of\s+)?[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4},?)?"
    r"(?:,?\s*(?:that|which)\s+(?:we|the\s+Company)\s+entered\s+into)?\s+(?:with|between\s+the\s+Company\s+and)\s+|"
    # "issued and sold to Mast Hill Fund, L.P." (fx-018), "sold 5,760,369 shares ... to Warburg Pincus Private
    # Equity VIII, L.P." (0000950135-08-003855)
    r"\b(?:issued\s+and\s+)?sold\s+(?:and\s+issued\s+)?(?P<what>(?:[^.;]|\.(?=\d)){0,250}?\s)?to\s+(?=(?-i:(?:the\s+)?[A-Z]))",
    re.I,
)
# "a securities purchase agreement ... with X": the agreement's name says securities are bought
_SPA = re.compile(r"\b(?:securities\s+purchase|subscription)\s+agreement\b", re.I)
_INVEST_SALE = re.compile(
    r"\b(?:agreed\s+to\s+(?:issue\s+and\s+)?sell|agreed\s+to\s+(?:purchase|subscribe|invest)|(?:issued\s+and\s+)?sold|"
    r"to\s+(?:issue\s+and\s+)?sell|issue\s+and\s+sell|purchased?\s+from\s+the\s+Company|private\s+placement|"
    r"registered\s+direct|financing)\b",
    re.I,
)
_INVEST_SEC = re.compile(
    r"\b(?:shares|stock|notes?|debentures?|warrants?|units|securities|preferred)\b", re.I
)
_INVEST_NOT = re.compile(
    r"\b(?:acquire|acquisition|merger|all\s+(?:of\s+)?the\s+(?:issued\s+and\s+)?outstanding|equity\s+interests|"
    r"membership\s+interests?|assets|divest\w*|disposition|receivables|credit|loan|lenders?|borrow\w*|"
    r"initial\s+purchasers?|underwriters?|representatives?|placement\s+agents?|sales\s+agents?|exchange)\b",
    re.I,
)
_PARTY_CUE = re.compile(
    r"underwrit|representative|initial\s+purchaser|book-?running|bookrunner|manager|agent|for\s+whom|"
    r"purchase\s+agreement|subscription|investment\s+agreement",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Party:
    role: str  # "underwriters" | "placement_agents" | "investors"
    names: tuple[str, ...]
    spans: tuple[Span, ...]
    doc: Document
    sentence: Sentence

    def evidence(self) -> dict[str, Evidence]:
        ev = {self.role: evidence_for(self.doc, self.spans[0][0], self.spans[-1][1])}
        if len(self.spans) > 1:
            for j, (a, b) in enumerate(self.spans):
                ev[f"{self.role}.{j}"] = evidence_for(self.doc, a, b)
        return ev


def _role(word: str, sentence: str) -> str | None:
    w = word.lower()
    if "placement" in w or "sales agent" in w or "distribution agent" in w or "sales manager" in w:
        return "placement_agents"
    if w.startswith("agent"):
        # a bare "Agent" is a placement or sales agent only in a sentence about one (not a credit
        # agreement's administrative agent)
        if _PLACEMENT_CTX.search(sentence) and not _NOT_PLACEMENT.search(sentence):
            return "placement_agents"
        return None
    if w.startswith("manager"):
        return "underwriters" if re.search(r"\bunderwrit|\bofferings?\b", sentence, re.I) else None
    return "underwriters"


def _party(role: str | None, doc: Document, spans: list[Span] | None, s: Sentence) -> Party | None:
    """A party list; a list that could not be read (``spans`` None) is kept with no names, so that a
    second list of the same role is not taken for the only one (0001104659-25-010555: the euro notes'
    underwriters are unreadable, the dollar notes' are not)."""
    if not role or spans == []:
        return None
    if spans is None:
        return Party(role, (), (), doc, s)
    names = tuple(" ".join(doc.text[a:b].split()) for a, b in spans)
    if len(set(names)) != len(names):
        return Party(role, (), (), doc, s)
    return Party(role, names, tuple(spans), doc, s)


_LONG = 1500  # a "sentence" longer than this is a table or a list: read only around the cue words
_AROUND = 700


def _windows(s: Sentence, cue: re.Pattern[str], words: tuple[str, ...]) -> list[Sentence]:
    """The sentence itself, or for a long one the stretches around its cue words (so that a page-long
    table is not scanned by every pattern); [] when no cue word occurs."""
    if s.end - s.start <= _LONG:
        low = s.low  # cut and lowered once per sentence, shared with the other readers
        return [s] if any(w in low for w in words) else []
    text = s.region.doc.text
    out: list[Sentence] = []
    a = b = -1
    for m in cue.finditer(text, s.start, s.end):
        lo, hi = max(s.start, m.start() - _AROUND), min(s.end, m.end() + _AROUND)
        if lo <= b:
            b = hi
            continue
        if b > a:
            out.append(Sentence(s.region, a, b))
        a, b = lo, hi
    if b > a:
        out.append(Sentence(s.region, a, b))
    return out


def _after_list(text: str, pos: int) -> int:
    """``pos`` moved past the comma and spaces that follow a list of names."""
    n = len(text)
    while pos < n and text[pos] in ", \t\n":
        pos += 1
    return pos


_ACT_VERBS = ("acted", "acting", " act ", "served", "serves", "serve ", "serving")
_BE_ROLES = (
    "underwriter",
    "book-running",
    "bookrunner",
    "manager",
    "placement agent",
    "sales agent",
    "representative",
    "initial purchaser",
)


def read_parties(sents: Iterable[Sentence], issuer: set[str] | None, ref: _date | None) -> list[Party]:
    """Underwriters, placement / sales agents and named investors, in reading order.

    Each pattern runs only on a sentence holding its literal words (checked with ``in`` on the lowered
    text: case-insensitive patterns cost a lot on long filings)."""
    out: list[Party] = []
    for s0 in sents:
        for s in _windows(s0, _PARTY_CUE, _PARTY_WORDS):
            doc = s.region.doc
            text = doc.text
            t = s.text
            tl = s.low
            rep = "representative" in tl or ", as " in tl
            defined = '"' in t
            acted = any(v in tl for v in _ACT_VERBS) or (
                any(v in tl for v in (" were ", " was ", " are ", " is ")) and any(r in tl for r in _BE_ROLES)
            )
            whom = "for whom" in tl
            engaged = "engaged" in tl or "retained" in tl or "appointed" in tl
            uw = ("underwriting agreement" in tl or "terms agreement" in tl) and " with " in tl
            inv = "agreement" in tl or "sold" in tl
            if not (rep or defined or acted or whom or engaged or uw or inv):
                continue
            if _history(t, tl) or _dated_history(s0, ref) or not _about_issuer(t, issuer):
                continue
            lo = max(s.region.start, s.start - 400)  # names may begin in a "sentence" cut at "Pte."
            hi = min(s.region.end, s.end + 400)
            found: list[Party] = []
            seen_ends: set[int] = set()
            for rx, on in ((_AS_REP, rep), (_DEFINED, defined), (_ACTED, acted)):
                if not on:
                    continue
                for m in rx.finditer(text, s.start, s.end):
                    role_word = (
                        m.groupdict().get("role") or m.groupdict().get("role2") or m.groupdict().get("term")
                    )
                    role = _role(role_word or "", t)
                    if role is None or m.start() in seen_ends:
                        continue
                    if rx is _ACTED and m.group("role").lower().startswith("agent"):
                        continue  # "is acting as agent" alone says too little
                    if (
                        rx is _AS_REP
                        and m.group("role2")
                        and not _COMMA_BEFORE.search(text, max(lo, m.start() - 3), m.start())
                    ):
                        continue
                    spans = names_before(text, lo, m.start(), issuer, text[m.end() : m.end() + 80])
                    p = _party(role, doc, spans, s0)
                    if p:
                        seen_ends.add(m.start())
                        found.append(p)
            if whom:
                for m in _FOR_WHOM.finditer(text, s.start, s.end):
                    r = names_after(text, m.end(), hi, issuer)
                    if r and r[0]:
                        rm = _ACTING.match(text, r[1], min(len(text), r[1] + 80))
                        if rm:
                            p = _party(_role(rm.group("role"), t), doc, r[0], s0)
                            if p:
                                found.append(p)
            if engaged:
                for m in _ENGAGED.finditer(text, s.start, s.end):
                    r = names_after(text, m.end(), hi, issuer)
                    if r and r[0]:
                        rm = _ENGAGED_ROLE.match(text, r[1], min(len(text), r[1] + 120))
                        if rm:
                            p = _party(_role(rm.group("role"), t), doc, r[0], s0)
                            if p:
                                found.append(p)
            if uw and not any(p.role == "underwriters" for p in found):
                for m in _UW_WITH.finditer(text, s.start, s.end):
                    r = names_after(text, m.end(), hi, issuer)
                    if r and r[0]:
                        k = _after_list(text, r[1])
                        if _AS_REP.match(text, k) or _DEFINED.match(text, k):
                            continue  # read above from its anchor
                        p = _party("underwriters", doc, r[0], s0)
                        if p:
                            found.append(p)
            if (
                inv
                and not found
                and ((_INVEST_SALE.search(t) and _INVEST_SEC.search(t)) or _SPA.search(t))
                and not _INVEST_NOT.search(t)
            ):
                for m in _INVEST_WITH.finditer(text, s.start, s.end):
                    w = m.group("what")
                    if w is not None and (
                        not _INVEST_SEC.search(w) or re.search(r"\bto\s+(?:the\s+)?[A-Z]", w)
                    ):
                        continue  # "sold ... to" must name the securities sold, and this "to" must be the first
                    r = names_after(text, m.end(), hi, issuer)
                    if r and r[0]:
                        p = _party("investors", doc, r[0], s0)
                        if p:
                            found.append(p)
                        break
            out += found
    return out


# --- terms ------------------------------------------------------------------------------------------

_NUM_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fifteen": 15,
    "eighteen": 18,
    "twenty": 20,
    "twenty-four": 24,
    "thirty": 30,
    "thirty-six": 36,
    "forty-two": 42,
    "forty-eight": 48,
    "sixty": 60,
    "one-half": 0.5,
}
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_NUM = r"(?:\d{1,2}(?:\.\d{1,2})?|" + "|".join(sorted(_NUM_WORDS, key=len, reverse=True)) + r")"
_ORD = r"(?:" + "|".join(_ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))"
_PAREN_NUM = r"(?:\s*\(\s*\d{1,2}\s*\))?"
_TERM = re.compile(
    rf"\b(?:expire|expires|expiring|terminate|terminates)\s+(?:on\s+the\s+(?P<ord>{_ORD})\s+anniversary\b|"
    rf"on\s+the\s+(?P<n0>{_NUM}){_PAREN_NUM}[-\s](?P<u0>year|month)\s+anniversary\b|"
    rf"(?:on\s+the\s+date\s+(?:that\s+is\s+)?)?(?P<n1>{_NUM}){_PAREN_NUM}\s+(?P<u1>years?|months?)\s+(?:from|after|following)\b)|"
    rf"\b(?:have|has|with|and)\s+(?:a\s+)?(?:term|exercise\s+period)\s+of\s+(?P<n2>{_NUM}){_PAREN_NUM}\s+(?P<u2>years?|months?)\b|"
    rf"\bexercisable\s+for\s+(?:a\s+period\s+of\s+)?(?P<n3>{_NUM}){_PAREN_NUM}\s+(?P<u3>years?|months?)\b|"
    rf"\b(?P<n4>{_NUM}){_PAREN_NUM}[-\s](?P<u4>year|month)\s+(?:(?:common\s+stock\s+purchase|common|Series\s+[A-Z0-9-]+)\s+)?warrants?\b",
    re.I,
)
_NEAREST_SEC = re.compile(
    r"\b(?:warrants?|notes?|debentures?|options?|loans?|facility|agreement|preferred\s+stock|rights?|"
    r"lease|license|term\s+loan)\b",
    re.I,
)
_AGENT_WARRANTS = re.compile(
    r"\b(?:placement\s+agent|underwriter|representative|agent|broker|finder)(?:'s|s'|s)?\s+warrants?\b", re.I
)
_PRE_FUNDED = re.compile(r"\bpre-?\s?funded\s+(?:common\s+stock\s+purchase\s+)?warrants?\b", re.I)
_PF_SALE = re.compile(
    r"\b(?:sell|sold|issue|issued|issuance|sale|offering|offered|purchase\s+agreement|in\s+lieu|placement)\b",
    re.I,
)
_PF_PRICE = re.compile(
    r"\bexercise\s+price\s+(?:of\s+|equal\s+to\s+|is\s+)?(?P<m>\$\s?0?\.\d+)|(?P<m2>\$\s?0?\.\d+)\s+(?:per\s+share\s+)?exercise\s+price\b",
    re.I,
)
_MONEY = r"(?P<money>(?:U\.?S\.?\s?\$|\$|€|£)\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s?(?:thousand|million|billion)\b)?)"
_NET = re.compile(
    rf"\bnet\s+proceeds\b(?P<fill>[^.;$€£]{{0,140}}?)\b(?:were|was|are|is|of|totaled|totaling|totalled|"
    rf"approximated|amounted\s+to|equal\s+to|be)\s+(?:expected\s+to\s+be\s+|estimated\s+to\s+be\s+)?"
    rf"(?:approximately\s+|about\s+)?{_MONEY}|"
    rf"{_MONEY.replace('money', 'money2')}\s+(?:in\s+)?net\s+proceeds\b",
    re.I,
)
_NET_FILL_BAD = re.compile(
    r"\b(?:use|used|using|repay|redeem|fund|together|plus|remaining|portion|part|any|per|each|such|sale\s+of\s+(?:its|the)|"
    r"transfer\w*|if|would|could|may)\b",
    re.I,
)
_NET_SENT = re.compile(
    r"\b(?:offering|placement|notes|debentures|shares|units|warrants|securities|underwrit\w*|initial\s+purchasers?'?)\b",
    re.I,
)
_NET_NOT = re.compile(
    r"\b(?:sale\s+agreement|divest\w*|disposition|investment\s+in|term\s+loan|credit\s+(?:agreement|facility)|"
    r"borrowings?|sale\s+of\s+(?:the|its|our)\s+(?:business|assets|interest|division|stake|investment|subsidiary))\b",
    re.I,
)
# every term read below is about warrants, pre-funded warrants or net proceeds
_TERMS_CUE = re.compile(r"warrant|pre-?\s?funded|net\s+proceeds", re.I)


def _num(s: str) -> float | None:
    s = s.lower()
    if s in _NUM_WORDS:
        return float(_NUM_WORDS[s])
    try:
        return float(s)
    except ValueError:
        return None


@dataclass
class Terms:
    warrant_terms: list[tuple[float, Evidence, Sentence]]
    net: list[tuple[float, Evidence, Sentence]]
    pre_funded: list[tuple[Evidence, Sentence]]
    pre_funded_price: list[tuple[float, Evidence, Sentence]]


_TERM_CUES = (
    "expir",
    "terminat",
    "term of",
    "exercise period",
    "exercisable for",
    "-year",
    " year",
    "-month",
)


def read_terms(sents: Iterable[Sentence], ref: _date | None) -> Terms:
    out = Terms([], [], [], [])
    for s0 in sents:
        for s in _windows(s0, _TERMS_CUE, _TERM_WORDS):
            t = s.text
            tl = s.low
            term = "warrant" in tl and any(w in tl for w in _TERM_CUES) and "option" not in tl
            pf = "funded" in tl
            net = ("net proceeds" in tl and "$" in t) or ("net proceeds" in tl and "€" in t)
            if not (term or pf or net) or _history(t, tl) or _dated_history(s0, ref):
                continue
            if term and not _AGENT_WARRANTS.search(t):
                for m in _TERM.finditer(t):
                    near = list(_NEAREST_SEC.finditer(t, 0, m.start()))
                    own = m.group(0).lower()
                    if "warrant" not in own and not (
                        near and near[-1].group(0).lower().startswith("warrant")
                    ):
                        continue
                    if _PRE_FUNDED.search(t[max(0, m.start() - 120) : m.start()]) and not re.search(
                        r"\b(?:common|series\s+[a-z0-9-]+)\s+warrants?\b",
                        t[max(0, m.start() - 120) : m.start()],
                        re.I,
                    ):
                        continue  # the term of pre-funded warrants (they do not expire)
                    if m.group("ord"):
                        w = m.group("ord").lower()
                        v = float(_ORDINALS[w]) if w in _ORDINALS else _num(re.sub(r"\D", "", w))
                        a, b = m.start("ord"), m.end(0)
                    else:
                        g = next(k for k in ("n0", "n1", "n2", "n3", "n4") if m.group(k))
                        u = m.group("u" + g[1:]).lower()
                        n = _num(m.group(g))
                        v = None if n is None else (n if u.startswith("year") else n / 12)
                        a = m.start(g)
                        b = m.end("u" + g[1:])
                    if v is not None and 0 < v <= 30:
                        out.warrant_terms.append((round(v, 4), s.ev(a, b), s0))
            if pf:
                pm = _PRE_FUNDED.search(t)
                if pm and _PF_SALE.search(t):
                    out.pre_funded.append((s.ev(pm.start(), pm.end()), s0))
                    for m in _PF_PRICE.finditer(t):
                        g = "m" if m.group("m") else "m2"
                        amt = parse_money(m.group(g))
                        if amt and 0 < amt.value <= 0.01:
                            out.pre_funded_price.append((amt.value, s.ev(m.start(g), m.end(g)), s0))
            if net and _NET_SENT.search(t) and not _NET_NOT.search(t):
                for m in _NET.finditer(t):
                    if m.group("money"):
                        if _NET_FILL_BAD.search(m.group("fill")):
                            continue
                        g = "money"
                    else:
                        pre = t[max(0, m.start() - 40) : m.start()]
                        if re.search(
                            r"\b(?:of|to|use|repay|fund|transfer)\b[^$]*$", pre, re.I
                        ) and not re.search(
                            r"\b(?:received|receive|generated|raised|yielded|resulted\s+in)\s+(?:approximately\s+|about\s+)?$",
                            pre,
                            re.I,
                        ):
                            continue
                        g = "money2"
                    amt = parse_money(m.group(g))
                    if amt and amt.value >= 1000:
                        st = m.start(g)
                        out.net.append((amt.value, s.ev(st + amt.start, st + amt.end), s0))
    return out


# --- attaching to the offerings ---------------------------------------------------------------------

_DEAL_KEYS = frozenset({"registered", "registration_form", "exemption", "shelf_file_number"})


def _owns(o: Offering, s: Sentence) -> bool:
    d = s.region.doc.index
    return any(
        e.document == d and s.start <= e.start < s.end for k, e in o.evidence.items() if k not in _DEAL_KEYS
    )


def _sells_warrants(o: Offering) -> bool:
    return o.security == "warrants" or o.warrant_shares is not None or o.warrant_exercise_price is not None


def _targets(offerings: list[Offering], s: Sentence, one_deal: bool) -> list[int]:
    """The offerings a deal-level fact read in ``s`` belongs to: the one offering; those whose values were
    read from ``s``; or, for one deal sold in several series (notes), every record."""
    if len(offerings) == 1:
        return [0]
    own = [i for i, o in enumerate(offerings) if _owns(o, s)]
    if own:
        return own
    return list(range(len(offerings))) if one_deal else []


# Keyword gates (lower case): a sentence is read only when one of these occurs in it. ``str.find`` over the
# lowered document is several times cheaper than a case-insensitive regex run sentence by sentence.
_PARTY_WORDS = (
    "underwrit",
    "representative",
    "purchaser",
    "book",
    "manager",
    "agent",
    "whom",
    "purchase agreement",
    "subscription",
    "investment agreement",
)
_TERM_WORDS = ("warrant", "funded", "net proceeds")


def _with_words(sents: list[Sentence], words: tuple[str, ...]) -> list[Sentence]:
    """The sentences (in order) that contain one of ``words``."""
    if not sents:
        return sents
    by_doc: dict[int, list[int]] = {}
    for s in sents:
        by_doc.setdefault(s.region.doc.index, [])
    spans: dict[int, tuple[int, int]] = {}
    for s in sents:
        d = s.region.doc.index
        a, b = spans.get(d, (s.start, s.end))
        spans[d] = (min(a, s.start), max(b, s.end))
    docs = {s.region.doc.index: s.region.doc for s in sents}
    for d, (a, b) in spans.items():
        low = docs[d].text[a:b].lower()  # only the part read: a primary document may be megabytes
        hits = by_doc[d]
        for w in words:
            i = low.find(w)
            while i >= 0:
                hits.append(a + i)
                i = low.find(w, i + 1)
        hits.sort()
    out: list[Sentence] = []
    for s in sents:
        hits = by_doc[s.region.doc.index]
        j = bisect_left(hits, s.start)
        if j < len(hits) and hits[j] < s.end:
            out.append(s)
    return out


def enrich(
    offerings: list[Offering],
    groups: list[list[Sentence] | Callable[[], list[Sentence]]],
    issuer: set[str] | None,
    ref: _date | None,
    warnings: list[str],
) -> list[Offering]:
    """Fill the parties and terms beyond the gold fields. ``groups`` are sentence lists in order of trust
    (the 8-K's items, its exhibit list, the press releases): a field is read from the first group that
    states it."""
    if not offerings:
        return offerings
    vals: list[dict[str, object]] = [{} for _ in offerings]
    evs: list[dict[str, Evidence]] = [{} for _ in offerings]
    notes_deal = all(o.rule.startswith("notes-series") for o in offerings)
    done: set[str] = set()
    wanted = {
        "underwriters",
        "placement_agents",
        "investors",
        "warrant_term_years",
        "net_proceeds",
        "pre_funded",
    }
    for gi, group in enumerate(groups):
        if done >= wanted:
            break
        sents = group() if callable(group) else group
        if not sents:
            continue
        parties = read_parties(_with_words(sents, _PARTY_WORDS), issuer, ref)
        for role in ("underwriters", "placement_agents", "investors"):
            if role in done:
                continue
            ps = [p for p in parties if p.role == role]
            if not ps:
                continue
            if role == "investors" and gi > 0:
                continue  # investors only from the 8-K's own narrative
            distinct = {p.names for p in ps}
            done.add(role)
            if len(distinct) > 1:
                # two lists for one role (or one that could not be read): each goes only to the offerings
                # read from its own sentence
                for p in ps:
                    if not p.names:
                        continue
                    for i in [i for i, o in enumerate(offerings) if _owns(o, p.sentence)]:
                        if not vals[i].get(role):
                            vals[i][role] = p.names
                            evs[i].update(p.evidence())
                continue
            p = ps[0]
            for i in _targets(offerings, p.sentence, notes_deal and role == "underwriters"):
                vals[i][role] = p.names
                evs[i].update(p.evidence())
        if gi == 1:
            continue  # the exhibit list names agreements, not terms
        terms = read_terms(_with_words(sents, _TERM_WORDS), ref)
        if "warrant_term_years" not in done and terms.warrant_terms:
            done.add("warrant_term_years")
            if len({v for v, _e, _s in terms.warrant_terms}) > 1:
                warnings.append("warrants with different terms: warrant_term_years left out")
            else:
                v, e, s = terms.warrant_terms[0]
                with_w = [i for i, o in enumerate(offerings) if _sells_warrants(o)]
                own = [i for i in with_w if _owns(offerings[i], s)]
                for i in own or (with_w if len(with_w) == 1 else []):
                    vals[i]["warrant_term_years"], evs[i]["warrant_term_years"] = v, e
        if "net_proceeds" not in done and terms.net:
            done.add("net_proceeds")
            if len({v for v, _e, _s in terms.net}) == 1:
                v, e, s = terms.net[0]
                for i in _targets(offerings, s, False):
                    o = offerings[i]
                    cap = o.gross_proceeds or o.principal_amount
                    if o.net_proceeds is None and (cap is None or v <= cap):
                        vals[i]["net_proceeds"], evs[i]["net_proceeds"] = v, e
        if "pre_funded" not in done and terms.pre_funded:
            done.add("pre_funded")
            e, s = terms.pre_funded[0]
            prices = {v for v, _e, _s in terms.pre_funded_price}
            for i in _targets(offerings, s, False):
                o = offerings[i]
                if o.pre_funded is None:
                    vals[i]["pre_funded"], evs[i]["pre_funded"] = True, e
                if o.pre_funded_exercise_price is None and len(prices) == 1:
                    pv, pe, _ps = terms.pre_funded_price[0]
                    vals[i]["pre_funded_exercise_price"], evs[i]["pre_funded_exercise_price"] = pv, pe
    out: list[Offering] = []
    for o, v, e in zip(offerings, vals, evs, strict=True):
        if v:
            o = msgspec.structs.replace(o, evidence={**o.evidence, **e}, **v)  # type: ignore[arg-type]
        out.append(o)
    return out
