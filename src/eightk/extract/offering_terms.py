"""Deal-level terms shared by every offering in a filing: dates, registration basis, agents.

Each finder returns ``(value, Evidence)`` or ``None``; the caller decides which record they belong to.
"""

from __future__ import annotations

import re

from eightk.extract.offering_text import Sentence
from eightk.model import Evidence
from eightk.parse.casefold import scan_at, word_starts

# --- dates ------------------------------------------------------------------------------------------

_FUTURE = re.compile(
    r"\b(?:expect(?:s|ed)?|anticipate[sd]?|will|would|intends?|plans?\s+to|planned|may|scheduled|subject\s+to\s+(?:the\s+)?(?:satisfaction|customary))\b",
    re.I,
)
_CLOSE_VERB = re.compile(
    r"\b(?:completed|consummated|closed|issued(?!\s+and\s+outstanding|\s+by|\s+(?:a|an|the|its)\s+(?:joint\s+)?(?:press|news|earnings|notices?\b|letters?\b))|acquired|sold|settled|closing\s+(?:of\s+the\s+\w+\s+)?occurred|"
    r"Closing\s+occurred|completion\s+of)\b",
    re.I,
)
_AGREE_VERB = re.compile(
    r"\b(?:entered\s+into|agreed\s+to|executed|priced|announced\s+the\s+pricing|signed)\b", re.I
)
_AGREEMENT_DATED = re.compile(
    r"\b(?:underwriting|terms|purchase|securities\s+purchase|stock\s+purchase|subscription|placement\s+agency|"
    r"pricing|merger|exchange)\s+agreements?\b[^.;]{0,60}?\bdated\s+(?:as\s+of\s+)?$|"
    # an exhibit list names the parties first: "Agreement and Plan of Merger by and among Nuance, ...,
    # Voice Signal Technologies, Inc., ..., dated as of May 14, 2007" (0000950135-07-003247)
    r"\bAgreement\s+and\s+Plan\s+of\s+(?:Merger|Reorganization)\b[^;]{0,300}?\bdated\s+(?:as\s+of\s+)?$",
    re.I,
)


# "The effective closing date of the Securities Purchase Agreement and Note is October 17, 2017"
_CLOSING_IS = re.compile(
    r"\b(?:closing|issue|issuance)\s+date\b(?:\s+of\s+[^.;]{0,80}?)?\s+(?:is|was|occurred\s+on)\s+$", re.I
)


_ON_START = re.compile(r"(?:^|[.;:]\s*|\n\s*)(?:\([a-z0-9]{1,3}\)\s*)?(?:On|As\s+of|Effective)\s+$", re.I)


def _word_before_on(t: str, a: int) -> bool:
    """Can ``_ON_START`` match ``t[:a]`` (which it searches from its start)? Only if whitespace ends it and
    "on", "of" or "effective" stands before that whitespace (a plain test, exact on ASCII)."""
    k = a
    while k > 0 and t[k - 1].isspace():
        k -= 1
    if k == a:
        return False
    w = t[max(0, k - 9) : k]
    return not w.isascii() or w.lower().endswith(("on", "of", "effective"))


def _date_role(s: Sentence, a: int, b: int) -> str | None:
    """How the date at sentence offset ``a`` is introduced: 'on' (sentence-initial "On <date>,"),
    'verb_on' ("closed on <date>"), 'dated' ("dated <date>"), 'closing_is' ("The closing date ... is <date>")
    or None."""
    t = s.text
    before = t[max(0, a - 80) : a]
    if "date" in before and _CLOSING_IS.search(before):
        return "closing_is"
    if re.search(r"\bdated\s+(?:as\s+of\s+)?$", before, re.I):
        return "dated"
    if _word_before_on(t, a) and _ON_START.search(t[:a]):
        return "on"
    if re.search(r",\s*(?:on|as\s+of)\s+$", before, re.I) and re.match(r"\s*,", t[b : b + 3]):
        return "on"  # "After considering ..., on March 15, 2002, the Company agreed to issue"
    if re.search(r"\b(?:on|as\s+of)\s+(?:or\s+about\s+)?$", before, re.I):
        return "verb_on"
    return None


def closing_date(sents: list[Sentence]) -> tuple[str, Evidence] | None:
    """The date an offering was completed, closed or issued, as stated in the past tense.

    Sentences are read in order; within one, "were issued on July 17, 2024" / "closed on October 29,
    2024" wins over a sentence-initial "On May 11, 2020, Apple consummated the issuance" (which must
    have no future or agreement verb between the date and the completion verb)."""
    for s in sents:
        t = s.text
        # the pattern needs "existing" or "previously" (a plain test first, exact on ASCII text)
        if (not t.isascii() or "existing" in s.low or "previously" in s.low) and _HISTORY_SENT.search(t):
            continue
        dates = s.dates
        for iso, a, b in dates:
            role = _date_role(s, a, b)
            if role == "closing_is" and not _FUTURE.search(t[max(0, a - 120) : a]):
                return iso, s.ev(a, b)
            if role == "verb_on":
                pre = t[max(0, a - 60) : a]
                vms = list(_CLOSE_VERB.finditer(pre))
                vm = vms[-1] if vms else None
                if (
                    vm
                    and not _FUTURE.search(pre[vm.start() :])
                    and not _FUTURE.search(pre[max(0, vm.start() - 25) : vm.start()])
                ):
                    return iso, s.ev(a, b)
                if _DATE_THEN_CLOSE.match(t, b):
                    # the date between subject and verb: "The Registrant (the "Company") on September 12,
                    # 1996, completed 670,000 Units" (silver xt-005)
                    return iso, s.ev(a, b)
        for iso, a, b in dates:
            if _date_role(s, a, b) == "on":
                m2 = _CLOSE_VERB.search(t, b)
                if m2 and not _FUTURE.search(t[b : m2.end()]) and not _AGREE_VERB.search(t[b : m2.start()]):
                    return iso, s.ev(a, b)
    return None


_DATE_THEN_CLOSE = re.compile(
    r",?\s*(?:completed|consummated|closed|sold)\s+(?:the\s+|an?\s+|its\s+)?[\w$]", re.I
)

_HISTORY_SENT = re.compile(r"\b(?:existing|previously\s+(?:issued|sold|outstanding))\b", re.I)


_ANNOUNCED = re.compile(r"\bannounc(?:ed|ing|es)\b|\bpress\s+release\b", re.I)
_INDENTURE = re.compile(r"^\s+(?:an?|the)\s+(?:\w+\s+){0,2}?(?:indenture|supplemental|officer)", re.I)


def agreement_date(sents: list[Sentence]) -> tuple[str, Evidence] | None:
    """The date of the underwriting / purchase agreement, or of the pricing."""
    for s in sents:
        t = s.text
        for iso, a, b in s.dates:
            role = _date_role(s, a, b)
            if role == "on":
                vm = _AGREE_VERB.search(t, b)
                if vm and _ANNOUNCED.search(t, b, vm.start()):
                    # "On October 22, 2007, Nuance announced it had entered into an Agreement ..., dated as
                    # of October 21, 2007": the announcement date is not the agreement's (0000950135-07-006391)
                    continue
                if vm and not _INDENTURE.match(t[vm.end() : vm.end() + 60]):
                    # "On February 9, 2012, the Company entered into a Terms Agreement"
                    return iso, s.ev(a, b)
            if role == "dated" and _AGREEMENT_DATED.search(t[max(0, a - 400) : a]):
                if re.match(r"\s*(?:;|,?\s+and\s+(?:[A-Z][a-z]+\s+\d))", t[b : b + 12]):
                    continue  # a list of dates: several closings, no single one
                return iso, s.ev(a, b)
    return None


def prospectus_date(sents: list[Sentence]) -> tuple[str, Evidence] | None:
    for s in sents:
        t = s.text
        for iso, a, b in s.dates:
            if re.search(r"prospectus\s+supplement\s+dated\s+(?:as\s+of\s+)?$", t[max(0, a - 40) : a], re.I):
                return iso, s.ev(a, b)
    return None


# --- registration -----------------------------------------------------------------------------------

_FORM = r"Form\s+(?P<form>[SF]-\d{1,2}(?:ASR)?|S-3ASR)\b"
_REG_POS = re.compile(
    r"(?:registered\s+(?:direct|public|underwritten)\s+offering|"
    r"\b(?:pursuant\s+to|under|off|from|by\s+means\s+of|into|in\s+connection\s+with|(?:a\s+)?part\s+of)\s+(?:[\w.'&,()-]+\s+){0,7}?"
    r"(?:shelf\s+)?registration\s+statements?\b|"
    r"\bregistered\s+(?:under|with|pursuant\s+to)\s+(?:the\s+Securities\s+Act|a\s+registration|an?\s+(?:effective\s+)?(?:shelf\s+)?registration)|"
    r"\bhas\s+been\s+registered\b|\bwere\s+registered\b|\bRule\s+424\s*\(\s*b\s*\))",
    re.I,
)
_REG_NEG_CTX = re.compile(
    r"\b(?:resale|re-sale|registration\s+rights|registrable|agreed\s+to\s+file|obligated\s+to\s+(?:file|register)|"
    r"will\s+file|shall\s+file|required\s+to\s+(?:file|register)|to\s+register\s+the\s+(?:re)?sale|"
    r"underlying|upon\s+(?:exercise|conversion)\s+of|S-8|exchange\s+offer|offer\s+to\s+exchange|"
    r"substantially\s+identical|S-4)\b",
    re.I,
)
_EXEMPT = re.compile(
    r"\b(?:Section\s+4\s*\(\s*a?\s*\)?\s*\(?\s*2\s*\)|Section\s+4\(2\)|Section\s+3\s*\(\s*a\s*\)\s*\(\s*(?:9|10)\s*\)|"
    r"Rule\s+506(?:\s*\(\s*[bc]\s*\))?|Regulation\s+D\b|Regulation\s+S(?![-\w])|Rule\s+144A|private(?:ly\s+negotiated)?\s+placements?|"
    r"privately\s+negotiated|exempt(?:ion)?\s+from\s+(?:the\s+)?registration|not\s+(?:been\s+)?registered\s+under|"
    r"unregistered\s+sales?\s+of\s+equity|accredited\s+investors?)",
    re.I,
)


def _exempt_iter(t: str, tl: str) -> list[re.Match[str]]:
    """``list(_EXEMPT.finditer(t))`` for ASCII ``t``: every branch starts a word with one of these words."""
    c: list[int] = []
    word_starts(tl, "section", c)
    word_starts(tl, "rule", c)
    word_starts(tl, "regulation", c)
    word_starts(tl, "privat", c)  # private placement, privately negotiated
    word_starts(tl, "exempt", c)
    if "registered" in tl:
        word_starts(tl, "not", c)  # not (been) registered under
        word_starts(tl, "unregistered", c)
    word_starts(tl, "accredited", c)
    return scan_at(_EXEMPT, t, c)


_EXEMPT_NAME = [
    (re.compile(r"Section\s+4\s*\(\s*a\s*\)\s*\(\s*2\s*\)", re.I), "Section 4(a)(2)"),
    (re.compile(r"Section\s+4\s*\(\s*2\s*\)", re.I), "Section 4(2)"),
    (re.compile(r"Section\s+3\s*\(\s*a\s*\)\s*\(\s*10\s*\)", re.I), "Section 3(a)(10)"),
    (re.compile(r"Section\s+3\s*\(\s*a\s*\)\s*\(\s*9\s*\)", re.I), "Section 3(a)(9)"),
    (re.compile(r"Rule\s+506\s*\(\s*b\s*\)", re.I), "Rule 506(b)"),
    (re.compile(r"Rule\s+506\s*\(\s*c\s*\)", re.I), "Rule 506(c)"),
    (re.compile(r"Rule\s+506", re.I), "Rule 506"),
    (re.compile(r"Regulation\s+D\b", re.I), "Regulation D"),
    (re.compile(r"Rule\s+144A", re.I), "Rule 144A"),
    (re.compile(r"Regulation\s+S(?![-\w])", re.I), "Regulation S"),
]
_REG_WEAK = re.compile(
    r"\b(?:underwritten\s+)?public\s+offering\b(?!\s+price)|\bprospectus\s+supplement\b|\bRule\s+424\s*\(\s*b\s*\)",
    re.I,
)
_SHELF_NO = re.compile(r"\b(?:File|Registration|Reg\.)\s+Nos?\.?:?\s*(?P<no>333-\d{5,6}(?:-\d{2})?)", re.I)


# "have not been registered", "shall have been registered" (a registration-rights term): no registration
_NOT_BEFORE = re.compile(r"\b(?:not|shall|will|would|may)\s+(?:have\s+)?(?:been\s+|be\s+)?$", re.I)


_NEITHER = re.compile(r"\bNeither\b[^.;]*\bnor\b", re.I)

_REG_WORDS = ("regist", "rule", "section", "regulation", "privat", "exempt", "accredited")


class Registration:
    __slots__ = ("exemption", "form", "registered", "shelf")

    def __init__(self) -> None:
        self.registered: tuple[bool, Evidence] | None = None
        self.form: tuple[str, Evidence] | None = None
        self.exemption: tuple[str, Evidence] | None = None
        self.shelf: tuple[str, Evidence] | None = None


def registration(sents: list[Sentence], unregistered_item: Evidence | None = None) -> Registration:
    """Registered (an effective registration statement, a shelf takedown) or exempt (Section 4(a)(2),
    Rule 506, Regulation S, a private placement). A registered-direct sale with a concurrent private
    placement of warrants is registered (the shares are the offering)."""
    r = Registration()
    pos: tuple[bool, Evidence] | None = None
    neg: tuple[bool, Evidence] | None = None
    for s in sents:
        t = s.text
        tl = s.low
        if not any(w in tl for w in _REG_WORDS):
            continue  # cheap gate: no word any registration or exemption pattern starts from
        # _REG_POS needs "registered", "registration ... statement" or "Rule 424" (exact on ASCII text)
        reg_pos = not t.isascii() or (
            "registered" in tl
            or ("registration" in tl and "statement" in tl)
            or ("rule" in tl and "424" in tl)
        )
        for m in _REG_POS.finditer(t) if reg_pos else ():
            clause = t[max(0, m.start() - 150) : m.end() + 120]
            if _REG_NEG_CTX.search(clause):
                continue
            if _NOT_BEFORE.search(t, max(0, m.start() - 20), m.start()):
                continue
            if _NEITHER.search(t, max(0, m.start() - 160), m.start()):
                continue  # "Neither the Shares nor the Series B Preferred have been registered under the Securities Act"  # "The Debentures have not been registered under the Securities Act" (0000950135-07-005171)
            if pos is None:
                pos = (True, s.ev(m.start(), m.end()))
            if r.form is None:
                fm = re.compile(_FORM, re.I).search(t, m.start(), min(len(t), m.end() + 120))
                if fm:
                    r.form = (fm.group("form").upper(), s.ev(fm.start("form"), fm.end("form")))
            if r.shelf is None:
                sm = _SHELF_NO.search(t, m.start(), min(len(t), m.end() + 200))
                if sm:
                    r.shelf = (sm.group("no"), s.ev(sm.start("no"), sm.end("no")))
        for m in _exempt_iter(t, tl) if t.isascii() else _EXEMPT.finditer(t):
            if re.search(
                r"\b(?:resale|upon\s+(?:exercise|conversion))\b", t[max(0, m.start() - 60) : m.start()], re.I
            ):
                continue
            if neg is None:
                neg = (False, s.ev(m.start(), m.end()))
            if r.exemption is None:
                for rx, name in _EXEMPT_NAME:
                    em = rx.search(t, m.start(), min(len(t), m.end() + 80))
                    if em:
                        r.exemption = (name, s.ev(em.start(), em.end()))
                        break
    weak: tuple[bool, Evidence] | None = None
    if pos is None and neg is None:
        for s in sents:
            tl = s.low
            if s.text.isascii() and not ("public" in tl or "prospectus" in tl or "rule" in tl):
                continue  # every branch of _REG_WEAK holds one of these words
            m = _REG_WEAK.search(s.text)
            if m and not _REG_NEG_CTX.search(s.text[max(0, m.start() - 150) : m.end() + 120]):
                weak = (True, s.ev(m.start(), m.end()))
                if r.form is None:
                    fm = re.compile(_FORM, re.I).search(s.text)
                    if fm:
                        r.form = (fm.group("form").upper(), s.ev(fm.start("form"), fm.end("form")))
                break
    # Item 3.02 ("Unregistered Sales of Equity Securities") reports an exempt sale when nothing else is said
    r.registered = pos or neg or ((False, unregistered_item) if unregistered_item else None) or weak
    if r.registered and not r.registered[0]:
        r.form = None
    return r
