"""Equity and small-company financings: shares, units, warrants, convertible notes and debentures.

The text of a deal is read as a stream of mentions in reading order ("2,575,000 shares of its common
stock", "warrants to purchase up to 643,750 shares", "$2.75 per share", "gross proceeds of $5,150,000").
A price is attributed by its own label ("exercise price", "conversion price") or, unlabeled, to the
instrument named last before it: in "warrants to purchase up to 643,750 shares ... at a purchase price per
share of $2.75" the price is the warrants'. A tranche is a new record when the text sells *additional*
shares after a first sale; "on the same terms" copies the earlier tranche's prices (they are stated by
reference, so they count as stated).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eightk.extract.numbers import iter_counts, iter_percents, parse_count, parse_money
from eightk.extract.offering_text import Sentence
from eightk.model import Evidence
from eightk.parse.casefold import all_starts as _all_starts
from eightk.parse.casefold import word_starts as _word_starts

_NW = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)"
)
# "2,575,000", "8.3 million", "two million (2,000,000)": the words are optional and must be number words
_NUMW = (
    rf"(?:(?:\b{_NW}(?:[\s-]+(?:and[\s-]+)?{_NW}){{0,8}}\s*\(\s*)?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?\s*\)?"
    r"(?:\s(?:million|billion)\b)?)"
)
_COUNT = rf"(?P<n>{_NUMW})"
# "five hundred thousand dollars ($500,000)": the figure in brackets after the amount in words
_WORDS_PAREN = rf"(?:(?:(?:{_NW}|and|dollars|cents)[\s-]+){{1,12}}\(\s*)?"
_MONEY = r"(?P<money>(?:U\.?S\.?\s?\$|\$|€|£|¥|(?:USD|EUR|GBP)\s?)\s?(?:\d{1,3}(?:,\d{3})+|\d+|(?=\.\d))(?:\.\d+)?(?!\d|[.,]\d)(?:\s?(?:thousand|million|billion)\b)?)"

_WARRANT_SHARES = re.compile(
    rf"\bwarrants?\b[^.;$]{{0,90}}?\b(?:to\s+(?:purchase|acquire)|exercisable\s+(?:for|into))(?:,[^,.;$]{{0,60}},)?\s+(?:up\s+to\s+)?"
    rf"(?:an\s+aggregate\s+(?:of\s+)?|a\s+total\s+of\s+|approximately\s+)?{_COUNT}\s+(?:additional\s+)?shares",
    re.I,
)
_WARRANT_TOTAL = re.compile(
    rf"\btotal\s+(?:number\s+of\s+)?warrants\s+issued\b[^.;]{{0,40}}?\s(?:were|was|is|of)\s+{_COUNT}", re.I
)
_SHARES = re.compile(
    rf"(?<![\w$.,]){_COUNT}\s+(?:of\s+)?(?P<adj>(?:(?:newly[\s-]issued|additional|restricted|unregistered|new|depositary|ordinary)\s+){{1,2}})?"
    rf"(?P<unit>shares|units)\b(?P<cls>(?:\s*\((?:the\s+)?\"[^\"]{{1,30}}\"\))?\s+of\s+(?:its|our|the\s+\w+(?:'s)?|\w+'s)?\s*(?:[A-Z][\w.]*\s+){{0,3}}?"
    rf"(?:(?:Class|Series)\s+[A-Z0-9-]+\s+)?(?:(?:Redeemable\s+)?(?:Convertible\s+)?(?:Common|Preferred|Capital)\s+Stock|"
    rf"(?:common|preferred)\s+shares|stock))?",
    re.I,
)
_PRICE_TAIL = re.compile(r"^\)?\s*(?:per|a|for\s+each|for\s+every)\s+(?P<per>share|unit)\b", re.I)
_PRICE_HEAD = re.compile(
    r"(?:price(?:\s+(?:per|for\s+(?:a|each|one))\s+(?:share|unit))?|rate|at)\s+(?:of\s+|equal\s+to\s+|is\s+|to\s+)?(?:approximately\s+)?$",
    re.I,
)
# "at a total purchase price of approximately $7.9 million": an aggregate, never a price per share
_AGGREGATE_HEAD = re.compile(
    r"\b(?:total|aggregate)\s+(?:\w+\s+){0,2}?price\s+(?:of\s+|is\s+|was\s+)?(?:approximately\s+)?$",
    re.I,
)
# "$0.01 par value, at a purchase price of": the words right after an earlier amount label that amount
_DISCOUNT = re.compile(r"\boriginal\s+issue\s+discount\b|\bOID\b|\bpurchase\s+price\b|\bdiscount\b", re.I)
_FORMULA_BEFORE = re.compile(r"\b(?:lower|lesser|greater)\s+of\b|\breduc(?:e|ed|tion)\b", re.I)
_AMOUNT_LABEL = re.compile(r"^[\d.,]*\s*(?:par\s+value(?:\s+per\s+share)?|stated\s+value)\b", re.I)
_OFFERING_PRICE = re.compile(
    r"\b(?:public\s+)?offering\s+price\s+(?:of\s+|is\s+|was\s+)?(?:approximately\s+)?$", re.I
)
_EXERCISE_LBL = re.compile(r"\b(?:exercise|strike)\s+price\b|\bexercisable\s+at\b", re.I)
_CONVERSION_LBL = re.compile(
    r"\bconversion\s+(?:price|rate)\b|"
    # "convertible ... at $0.85", not the name "Series B Convertible Preferred Stock at a price of $1,000 per share"
    r"\bconvertible\b(?!\s+(?:(?:Senior|Subordinated|Secured|Promissory|Redeemable)\s+)*(?:Preferred|Notes?|Debentures?)\b)"
    r"[^.;$]{0,80}?\bat\b|\bconverts?\s+at\b",
    re.I,
)
_PRICE_SKIP = re.compile(
    r"\b(?:par\s+value|closing(?:\s+bid)?\s+price|trading\s+price|market\s+price|exceeds?|at\s+least|VWAP|deemed|"
    r"stated\s+value|liquidation|redemption|floor|reset|adjust\w*|premium|book\s+value|minimum|cap|dividend|"
    r"trigger|call|threshold|(?:below|above)(?=\s+(?:\w+\s+)?$)|average|less\s+than|greater\s+than|valu(?:e|ation)|buyer\s+stock|"
    r"based\s+on|estimat\w*|assum\w*)\b",
    re.I,
)
_PRINCIPAL = re.compile(
    rf"{_MONEY}\s+(?:in\s+)?(?:the\s+)?(?:aggregate\s+)?(?:original\s+)?princip(?:al|le)\s+amount|"
    rf"\bprincip(?:al|le)(?:\s+amount|\s+balance)?(?:\s+of\s+(?:the|each|such)\s+\w+)?\s+(?:is|of|equal\s+to|totaling)\s+{_MONEY.replace('money', 'money2')}|"
    rf"{_MONEY.replace('money', 'money3')}\s+(?:of\s+)?(?:its|our|the\s+Company's)?\s*(?:\d{{1,2}}(?:\.\d+)?%\s+)?"
    rf"(?:[\w-]+\s+){{0,4}}?(?:convertible\s+)?(?:promissory\s+)?(?:notes|debentures)\b",
    re.I,
)
_PRINCIPAL_NOTE = re.compile(
    # "we issued an unsecured convertible note payable to EMA Financial, LLC, ("EMA") in the amount of $185,000"
    rf"\b(?:note|debenture)s?\b[^.;$]{{0,100}}?\bin\s+the\s+(?:aggregate\s+)?(?:original\s+)?(?:principal\s+|face\s+)?"
    rf"amount\s+of\s+{_MONEY.replace('money', 'money4')}|"
    # "a 12% Convertible Note for $55,000" (no discount named: the face amount is what is paid)
    rf"\b(?:note|debenture)\s+for\s+{_MONEY.replace('money', 'money5')}(?!\s*(?:per|in\s+cash|of\s+which))",
    re.I,
)
_RATE = re.compile(
    r"\b(?:interest|bear\w*)\s+(?:interest\s+)?(?:at\s+)?(?:the\s+|a\s+|an\s+)?(?:fixed\s+)?(?:annual\s+)?(?:rate\s+of\s+)?"
    r"(?:(?:per\s+annum\s+)?(?:equal\s+to\s+)?)(?P<r>\d{1,2}(?:\.\d+)?\s?(?:%|percent\b))|"
    r"(?P<r2>\d{1,2}(?:\.\d+)?\s?%)\s+(?:[\w-]+\s+){0,3}?(?:convertible\s+)?(?:promissory\s+)?(?:notes?|debentures?)\b",
    re.I,
)
_NO_INTEREST = re.compile(
    r"\b(?:do(?:es)?|will|shall)\s+not\s+bear\s+(?:any\s+)?(?:accrued\s+)?interest\b", re.I
)
_GROSS = re.compile(
    rf"\bgross\s+proceeds\b(?:(?!\b(?:fees?|commissions?)\b)[^.;$€%]){{0,80}}?{_MONEY}|"
    rf"\baggregate\s+(?:additional\s+)?(?:cash\s+)?(?:purchase\s+price|consideration|offering\s+price|subscription\s+amount|"
    rf"investment)\s+(?:in\s+cash\s+)?(?:of\s+|was\s+|equal\s+to\s+)?(?:approximately\s+)?{_WORDS_PAREN}{_MONEY.replace('money', 'money2')}|"
    rf"\bfor\s+(?:total|aggregate)\s+(?:gross\s+)?(?:proceeds|consideration)\s+of\s+(?:approximately\s+)?{_MONEY.replace('money', 'money3')}|"
    rf"{_MONEY.replace('money', 'money4')}\s+(?:private\s+placement\s+|equity\s+)?financing\b|"
    rf"\braised\s+(?:gross\s+proceeds\s+of\s+)?(?:approximately\s+)?{_MONEY.replace('money', 'money5')}|"
    rf"\bpurchase\s+price\s+of\s+(?:approximately\s+)?{_MONEY.replace('money', 'money6')}(?!\s*(?:per|for\s+each))|"
    rf"\bin\s+exchange\s+for\s+{_MONEY.replace('money', 'money7')}\s+(?:in\s+)?cash|"
    # "In consideration of the Convertible Note and Warrant we received $729,000, less $10,800 retained by ..."
    rf"\b(?:we|the\s+Company|the\s+Registrant)\s+received\s+(?:gross\s+proceeds\s+of\s+)?{_MONEY.replace('money', 'money8')}"
    r"(?!\s+(?:in\s+|of\s+)?net\b)|"
    # "completed a unit offering of an aggregate of $1,215,000 of its Series K 10% Convertible Preferred Stock"
    rf"\b(?:offering|sale|placement)\s+of\s+(?:an\s+aggregate\s+of\s+)?{_MONEY.replace('money', 'money9')}\s+of\s+"
    r"(?:its|our|the\s+Company's)\s",
    re.I,
)
_NET = re.compile(rf"\bnet\s+proceeds\b[^.;$€]{{0,100}}?{_MONEY}", re.I)
_FEES = re.compile(
    rf"\b(?:fees?|commissions?)\b(?:\s+and\s+expenses)?[^.;$%]{{0,50}}?{_MONEY}(?!\s*%)|"
    rf"{_MONEY.replace('money', 'money2')}\s+in\s+(?:fees|commissions)\b",
    re.I,
)
_FEE_SKIP = re.compile(
    r"original\s+issue\s+discount|\bOID\b|commitment\s+fee|legal\s+fees|investor'?s|due\s+diligence|monitoring|"
    r"late\s+fee|penalt|per\s+month|annual\s+fee|management\s+fee|filing\s+fee|net\s+proceeds|after\s+deducting|"
    r"before\s+deducting",
    re.I,
)
_SKIP_SENT = re.compile(
    r"\b(?:stock\s+options?|options\s+to\s+purchase|restricted\s+stock|equity\s+incentive|incentive\s+(?:stock\s+)?plan|"
    r"proposed|letter\s+of\s+intent|non-binding|term\s+sheet|previously\s+(?:sold|issued|reported|disclosed)|"
    r"was\s+the\s+(?:last|first|second)\s+of|credit\s+(?:agreement|facility)|revolving|term\s+loan|loan\s+agreement|"
    r"lenders?\b|borrow\w*|repurchas\w*|buyback|redeem(?:ed|s)?\b|redemption|dividend\s+reinvestment|employee\s+stock\s+purchase)\b",
    re.I,
)
_SALE = re.compile(
    r"\b(?:sold|sale|sell|issued|issue|issuance|purchase\s+agreement|subscription|private\s+placement|offering|"
    r"financing|closed|placement|purchased|raised|consideration|merger|acquisition|to\s+exchange|"
    # "The Investors have agreed to purchase an aggregate of 1,000,000 shares" (silver xt-011)
    r"(?:investors?|purchasers?|subscribers?|buyers?)\s+(?:have\s+|has\s+)?agreed\s+to\s+purchase)\b",
    re.I,
)
# "the underwriters exercised their option to purchase an additional 558,750 shares": an option closing sells
# the shares (a second closing, silver xt-004/xt-010), unlike an option merely granted or one included in a total
_OPTION_CLOSING = re.compile(r"\s+(?:sold\s+)?in\s+the\s+(?:over-?allotment\s+)?option\s+closing\b", re.I)
_CUMULATIVE = re.compile(r"\b(?:total|increased\s+to|bringing|aggregate\s+(?:number|gross))\b", re.I)
_OPTION_EXERCISED = re.compile(
    r"\bexercised\s+(?:(?:in\s+full|in\s+part|fully)\s+)?(?:its|their|the|this)\s+(?:over-?allotment\s+)?option\s+"
    r"(?:in\s+full\s+)?to\s+purchase\s+(?:an?\s+)?(?:additional\s+)?$",
    re.I,
)
_NOT_SOLD_SHARES = re.compile(
    r"\b(?:convertible|conversion|convert|exercis\w*|issuable|underlying|reserved|authorized|outstanding|up\s+to|"
    r"beneficial|option\w*|warrants?(?!\s+holders?)|register(?:ed)?\s+for\s+resale|resale\s+of|cover(?:ing|s)?|in\s+lieu|"
    r"maximum\s+of|estimat\w*)\b",
    re.I,
)
_SHARES_AFTER_SKIP = re.compile(
    r"^\s*(?:of\s+(?:its|our|the)\s+\w+\s+stock\s+)?(?:\w+\s+){0,2}?(?:outstanding|issuable|underlying|reserved|"
    r"held\s+by|beneficially|authorized|designated|remains?)\b|^\s*(?:per|for\s+each|for\s+every)\s+(?:unit|share|\$)|"
    r"^\s+of\s+(?!the\b|its\b|our\b|which\b)[\w&.-]+(?:\s+[A-Z][\w&.-]+)*\s*[(,]|"
    # "57,555,366 shares of Common Stock may be issued upon conversion of the ... Debenture"
    r"^\s*(?:of\s+(?:\w+\s+){0,3}?stock\s+)?(?:may|could|would|will|shall)\s+be\s+issu(?:ed|able)\s+upon\s+(?:the\s+)?(?:conversion|exercise)",
    re.I,
)
_SECURITY_WORDS = re.compile(
    r"\b(?:shares|stock|notes?|debentures?|units|warrants|securities|private\s+placement|offering)\b", re.I
)
_NEW_DEAL = re.compile(
    r"\s*(?:\([a-z0-9]{1,3}\)\s*)?On\s+[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4},\s+(?:[^,.;]{0,80}?\s)?(?:sold|issued|agreed\s+to\s+(?:sell|issue))\b"
)
_ADDITIONAL = re.compile(r"\b(?:additional|second\s+closing|second\s+tranche|subsequent\s+closing)\b", re.I)
_SAME_TERMS = re.compile(
    r"\bon\s+the\s+same\s+terms\b|\bon\s+identical\s+terms\b|\bsame\s+terms\s+as\b", re.I
)


@dataclass
class Tranche:
    values: dict[str, object] = field(default_factory=dict)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    sentences: list[Sentence] = field(default_factory=list)
    same_terms: Evidence | None = None
    warnings: list[str] = field(default_factory=list)
    partition: bool = False  # one of several tranches of one agreement ("of which X ... and Y ...")
    consideration: bool = False  # stock paid as consideration, stated only as a ratio or a dollar amount
    blocked: set[str] = field(default_factory=set)  # fields found ambiguous: never filled
    more_principal: list[tuple[float, Evidence]] = field(default_factory=list)  # later aggregates stated
    debt_word: tuple[str, Evidence] | None = None  # the notes/debentures the principal amount is of
    uncounted: bool = False  # a sale reported with no figure ("the offer and sale of the Series A Preferred")
    commitment: bool = False  # commitment shares issued beside a note
    option: bool = False  # shares sold when the underwriters exercised their option (a second closing)

    def put(self, k: str, v: object, ev: Evidence) -> None:
        if k not in self.values and k not in self.blocked:
            self.values[k] = v
            self.evidence[k] = ev

    def has_substance(self) -> bool:
        if self.consideration or self.uncounted:
            return True
        v = self.values
        if any(k in v for k in ("shares", "principal_amount", "warrant_shares", "conversion_price")):
            return True
        if "gross_proceeds" in v:
            # proceeds alone: only when the sentence names securities (not "a purchase price of $400
            # million in cash" for a business)
            q = self.evidence["gross_proceeds"]
            return any(s.start <= q.start < s.end and _SECURITY_WORDS.search(s.text) for s in self.sentences)
        if "interest_rate" in v and any(_NOTE_SALE.search(s.text) for s in self.sentences):
            return True
        return "warrant_exercise_price" in v


def _money(s: Sentence, m: re.Match[str]) -> tuple[float, Evidence, str | None, int, int] | None:
    for g in ("money", "money2", "money3", "money4", "money5", "money6", "money7", "money8", "money9"):
        if m.groupdict().get(g):
            a = parse_money(m.group(g))
            if a is None:
                return None
            st = m.start(g)
            return a.value, s.ev(st + a.start, st + a.end), a.currency, st + a.start, st + a.end
    return None


def _security_from_cls(unit: str, cls: str | None, sent: str) -> str:
    c = (cls or "").lower()
    if unit.lower() == "units":
        return "units"
    if "preferred" in c:
        return "preferred_stock"
    if "series" in c and "common" not in c and re.search(r"\bseries\s+[a-z0-9-]+\s+(?:\w+\s+)?stock\b", c):
        return "preferred_stock"  # "shares of the Series A Stock": a series is preferred unless named common
    return "common_stock"


_GENERIC_CLS = {
    "its",
    "our",
    "the",
    "company",
    "companys",
    "registrant",
    "registrants",
    "class",
    "series",
    "common",
    "preferred",
    "capital",
    "stock",
    "shares",
    "of",
    "buyer",
    "parent",
    "issuer",
    "corporation",
    "new",
    "voting",
    "non",
    "ordinary",
    "a",
    "b",
    "c",
    "redeemable",
    "convertible",
    "s",
    "corporations",
}
_NOT_ISSUER_SALE = re.compile(
    r"\b(?:agreed\s+to\s+(?:purchase|acquire)|purchase\s+from|acquire\s+(?:all|substantially)|"
    r"outstanding\s+(?:shares|stock|capital\s+stock|equity(?:\s+interests)?)\s+of|assets|disposition|divest\w*|"
    r"sold\s+(?:its|all|substantially))\b",
    re.I,
)


def _other_issuer(cls: str | None, issuer: set[str] | None) -> bool:
    """ "shares of Sanmina common stock" in an AMD filing: another company's stock."""
    if not cls or issuer is None:
        return False
    words = re.findall(r"[A-Za-z0-9]+", re.sub(r"'s\b", "", cls))
    named = [w.lower() for w in words if w[0].isupper() and w.lower() not in _GENERIC_CLS]
    return any(w not in issuer for w in named[:1]) and not any(w in issuer for w in named)


# the count is what a sale verb governs: "relates to the public offering of 304,348 shares", "sold 2,000 shares"
_OWN_SALE_PRE = re.compile(
    r"\b(?:offering|sale|issuance|sold|issued|sell|issue)\s+(?:of\s+)?(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?$",
    re.I,
)
_DEFINED_SHARES = re.compile(r'\((?:the\s+)?"Shares"\)')
_PREFERRED = re.compile(r"\bpreferred\s+(?:stock|shares)\b", re.I)
_ESCROW_PART = re.compile(
    r"^[^;]{0,120}?\b(?:placed|held|deposited)\s+(?:in|into)\s+(?:an\s+)?escrow\b[^;]{0,120}?\bindemn", re.I
)
# "The aggregate consideration consists of (i) up to approximately 5,017,132 shares": the merger's share
# consideration, capped, not a reserve (0000950135-07-006391); contingent "additional consideration" is not
_UPTO_CONSIDERATION = re.compile(
    r"(?<!additional\s)(?<!contingent\s)\bconsideration\s+(?:consists|consisting|comprised|shall\s+consist|will\s+consist)\s+"
    r"of\s+(?:\([a-z0-9]{1,3}\)\s*)?up\s+to\s+(?:approximately\s+)?$",
    re.I,
)
_ENUM_FIRST = re.compile(r"\((?:i|a|1)\)\s+(?:\w+\s+){0,3}$", re.I)
_ENUM_NEXT = re.compile(r"\((?:ii|b|2)\)\s+(?:\w+\s+){0,3}$", re.I)
_MONEY_RX = re.compile(_MONEY)
_DIGIT = re.compile(r"\d")
_MONEY_CHAR = re.compile(r"[$€£¥]|\b(?:USD|EUR|GBP)\b")
_CTX_CONV = re.compile(r"\b(?:convertible|conversion|converts?)\b", re.I)
_CTX_WARRANT = re.compile(r"\bwarrants?\b", re.I)
_LAST_MONEY = re.compile(r".*\$", re.S)


def _defined_shares(sents: list[Sentence]) -> str | None:
    """The class a defined term "Shares" stands for ("250,000 shares (the "Shares") of ... Preferred Stock")."""
    for s in sents:
        t = s.text
        if '"Shares"' not in t:
            continue
        m = _DEFINED_SHARES.search(t)
        if m:
            return (
                "preferred_stock"
                if _PREFERRED.search(t, max(0, m.start() - 150), m.end() + 150)
                else "common_stock"
            )
    return None


_MODIFIED_WARRANTS = re.compile(
    r"\b(?:reduc\w*|amend\w*|adjust\w*|repric\w*|modif\w*|extend\w*|extension|lower\w*)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:exercise\s+price|term|expiration(?:\s+date)?)\s+of\s+(?:the\s+|its\s+|our\s+|certain\s+)?(?:outstanding\s+|existing\s+)?$",
    re.I,
)
_DOLLAR_OF_STOCK = re.compile(
    r"(?<!re)\b(?:purchase|sale|sell|issue|issuance)\s+of\s+(?:\$|U\.?S\.?\$)\s?\d[\d,]*(?:\.\d+)?(?:\s+(?:million|billion))?\s+"
    r"(?:of|in)\s+(?:(?:its|our|the\s+Company's)\s+)?(?:shares\s+of\s+)?"
    r"(?P<cls>(?:Class\s+[A-Z]\s+)?Common\s+Stock|(?:Series\s+[A-Z0-9-]+\s+)?(?:Convertible\s+)?Preferred\s+Stock)\b",
    re.I,
)
# the security a sentence sells, by its noun (no count needed)
_SOLD_NOUN = re.compile(
    r"\b(?:purchase|buy|sale\s+of|sell|offering\s+of|issu(?:e|ance\s+of))\s+(?:an\s+aggregate\s+of\s+)?"
    r"(?:(?P<units>units)\b|(?:shares\s+of\s+)?(?:its\s+|our\s+|the\s+Company's\s+)?(?P<pref>Series\s+[A-Z0-9-]+\s+(?:Convertible\s+)?Preferred)\b)",
    re.I,
)
_SOLD_NOUN_SEC = {"units": "units", "pref": "preferred_stock"}
_WARRANT_SERIES = re.compile(
    r"\b(?:Series|Class|Tranche)\s+[A-Z0-9]{1,3}\s+(?:Common\s+(?:Stock\s+)?)?Warrants?\b"
)
_EACH_UNIT = re.compile(r"\b[Ee]ach\s+(?:unit|Unit)\b[^.;]{0,30}?\b(?:consist\w*|compris\w*|includ\w*)\b")
# debt given up in the deal, not notes sold
_RETIRED_DEBT = re.compile(
    r"\b(?:converted|exchanged|cancell?ed|retired|surrender\w*|extinguish\w*)\s+(?:(?:all|certain|its|their|the)\s+)?"
    r"(?:outstanding\s+)?(?:debt|indebtedness|notes?|loans?|debentures?)\b[^.;]{0,60}$",
    re.I,
)
_RETIRED_AFTER = re.compile(
    r"[^.;]{0,80}?\b(?:was|were|is|are|will\s+be)\s+(?:concurrently\s+|immediately\s+)?(?:exchanged|converted|surrendered|cancell?ed)\b",
    re.I,
)
_DOUBLE_SCALE = re.compile(r"^(\d{1,3}(?:,\d{3}){2,})\s+(?:million|billion)$")
_FACE_PREF = re.compile(
    rf"{_MONEY}\s+(?:in\s+)?(?:aggregate\s+)?(?:face|stated|liquidation)\s+(?:amount|value)\s+of\s+(?:the\s+Company's\s+|the\s+|its\s+|our\s+)?"
    r"(?P<cls>(?:Series\s+[A-Z0-9-]+\s+)?(?:(?:Convertible|Redeemable|Cumulative|Participating)\s+)*Preferred\s+(?:Stock|Shares))\b",
    re.I,
)
_COMMITMENT = re.compile(
    r'\(\s*(?:the\s+)?"Commitment\s+Shares"\s*\)|\bas\s+(?:a\s+|an\s+)?(?:additional\s+)?commitment\s+(?:fee|shares)\b',
    re.I,
)
# a note sold with its coupon stated, though the page lost its amount: "the Company issued a 12% promissory
# convertible note"
_NOTE_SALE = re.compile(
    r"\b(?:issued|sold|sell|issue)\s+(?:to\s+[^.;]{1,60}?\s)?an?\s+\d{1,2}(?:\.\d+)?\s?%\s+(?:[\w-]+\s+){0,3}?(?:notes?|debentures?)\b",
    re.I,
)
_PCT_OF = re.compile(r"(?:%|\bpercent)\s+of\s+(?:the\s+)?(?:aggregate\s+|total\s+)?$", re.I)
_EXPENSE_AFTER = re.compile(
    r"\s+(?:for|of|in)\s+(?:certain\s+|its\s+|their\s+)?(?:\w+\s+)?(?:expenses|costs)\b", re.I
)
# warrants that pay an agent: "issued to Wainwright's designees warrants", "the Placement Agent Warrants",
# "warrants to the representative of the underwriters", "StockBlock or its designees warrants"
_AGENT_WARRANT = re.compile(
    r"\b(?:placement\s+agents?|underwriters?|representatives?|finders?|(?:financial\s+)?advis[eo]rs?|designees?|"
    r"(?:sales|selling)\s+agents?|broker-?dealers?)(?:'s|s'|')?\s+(?:(?:compensation|purchase|common\s+stock|"
    r"unit|placement|cashless)\s+)*warrants?\b|"
    r"\b(?:issued|issue|issuing|grant(?:ed)?|deliver(?:ed)?|pay|paid)\s+(?:to\s+)?(?:the\s+)?(?:[A-Z][\w.&-]*\s+){0,4}?"
    r"(?:or\s+its\s+|and\s+its\s+|its\s+|their\s+)?(?:designees|placement\s+agents?|underwriters?|representatives?|finders?)"
    r"(?:'s|s'|')?\s+(?:[^.;]{0,40}?\s)?warrants?\b|"
    r"\bwarrants?\b[^.;]{0,40}?\bto\s+(?:the\s+)?(?:placement\s+agents?|underwriters?|representatives?|finders?|"
    r"(?:[A-Z][\w.&-]*\s+){1,4}?(?:or|and)\s+its\s+designees|designees)\b|"
    r"\b(?:as|for)\s+(?:placement\s+agent|underwriting|agent|finder'?s?)\s+(?:compensation|fees?)\b|"
    # "acted as placement agent and received warrants to purchase 120,000 shares"
    r"\b(?:placement\s+agents?|underwriters?|representatives?|finders?|(?:sales|selling)\s+agents?)\b[^.;]{0,40}?"
    r"\b(?:received|receives?|will\s+receive|(?:was|were|will\s+be)\s+issued|is\s+entitled\s+to)\s+(?:[^.;]{0,30}?\s)?warrants?\b",
    re.I,
)
_WARRANT_TERM = re.compile(
    r'\(\s*(?:the\s+|each,?\s+an?\s+|collectively,?\s+the\s+)?"([^"]{1,40}?Warrants?)"\s*\)'
)


def _agent_warrant_starts(t: str, tl: str, agent_terms: list[str]) -> list[int]:
    """Where the sentence starts to speak of an agent's warrants (and records their defined names)."""
    out: list[int] = []
    if not any(w in tl for w in _AGENT_CUES) and not any(a in t for a in agent_terms):
        return out
    for m in _AGENT_WARRANT.finditer(t):
        out.append(m.start())
        d = _WARRANT_TERM.search(t, m.end(), m.end() + 260)
        if d and d.group(1) not in agent_terms and d.group(1).lower() not in ("warrants", "warrant"):
            agent_terms.append(d.group(1))
    for a in agent_terms:
        i = t.find(a)
        while i >= 0:
            out.append(i)
            i = t.find(a, i + 1)
    return sorted(out)


_AGENT_CUES = (
    "agent",
    "underwriter",
    "representative",
    "finder",
    "advis",
    "designee",
    "broker",
    "compensation",
)


def _in_agent_clause(t: str, pos: int, starts: list[int]) -> bool:
    """An agent's warrants were named before ``pos`` in the same clause (no ';' between)."""
    return any(a <= pos and pos - a <= 240 and ";" not in t[a:pos] for a in starts)


_PURCHASE_PRICE_HEAD = re.compile(r"\b(?:purchase|offering)\s+price\b", re.I)
_PREFUNDED_BEFORE = re.compile(r"\bpre-?\s?funded\s+(?:common\s+stock\s+)?$", re.I)


def _after_prefunded(t: str, a: int) -> bool:
    """Is the last "warrant(s)" before ``a`` a pre-funded one?"""
    w = t.rfind("arrant", 0, a)
    return w > 0 and bool(_PREFUNDED_BEFORE.search(t, max(0, w - 30), w - 1))


# one literal of every branch of _SKIP_SENT / _GROSS (lower case)
_SKIP_STEMS = (
    "option",
    "restricted",
    "incentive",
    "proposed",
    "intent",
    "binding",
    "sheet",
    "previously",
    "last",
    "first",
    "second",
    "credit",
    "revolving",
    "loan",
    "lender",
    "borrow",
    "repurchas",
    "buyback",
    "redeem",
    "redempt",
    "reinvest",
    "employee",
)
_GROSS_STEMS = (
    "gross",
    "aggregate",
    "total",
    "financing",
    "raised",
    "purchase",
    "exchange",
    "received",
    "offering",
    "sale",
    "placement",
)


def _skip_sent(s: Sentence, t: str) -> bool:
    """``_SKIP_SENT.search(t) is not None``, tried only where one of its stems occurs (ASCII text)."""
    if not t.isascii():
        return _SKIP_SENT.search(t) is not None
    tl = s.low
    return _any_word(tl, _SKIP_STEMS) and _skip_at(t, tl)


def _skip_at(t: str, tl: str) -> bool:
    """``_SKIP_SENT.search(t) is not None`` for ASCII ``t``: every branch starts a word with one of these
    words, and needs the later words tested first (``tl`` is ``t.lower()``)."""
    c: list[int] = []
    if "option" in tl:
        _word_starts(tl, "stock", c)  # stock options
        _word_starts(tl, "options", c)  # options to purchase
    _word_starts(tl, "restricted", c)
    if "incentive" in tl:
        _word_starts(tl, "equity", c)  # equity incentive
        _word_starts(tl, "incentive", c)  # incentive (stock) plan
    _word_starts(tl, "proposed", c)
    if "intent" in tl:
        _word_starts(tl, "letter", c)
    if "binding" in tl:
        _word_starts(tl, "non", c)
    if "sheet" in tl or "loan" in tl:
        _word_starts(tl, "term", c)
    _word_starts(tl, "previously", c)
    if "of" in tl:
        _word_starts(tl, "was", c)  # was the last/first/second of
    _word_starts(tl, "credit", c)
    _word_starts(tl, "revolving", c)
    _word_starts(tl, "loan", c)
    _word_starts(tl, "lender", c)
    _word_starts(tl, "borrow", c)
    _word_starts(tl, "repurchas", c)
    _word_starts(tl, "buyback", c)
    _word_starts(tl, "rede", c)  # redeem, redemption
    if "reinvest" in tl:
        _word_starts(tl, "dividend", c)
    _word_starts(tl, "employee", c)
    match = _SKIP_SENT.match
    for p in c:  # noqa: SIM110
        if match(t, p) is not None:
            return True
    return False


_SALE_WORDS = (
    "sold",
    "sale",
    "sell",
    "issu",
    "purchase",  # purchase agreement, purchased, purchasers agreed to purchase
    "subscri",  # subscription, subscribers agreed to purchase
    "private",
    "offering",
    "financing",
    "closed",
    "placement",
    "raised",
    "consideration",
    "merger",
    "acquisition",
)


def _sale_at(t: str, tl: str) -> bool:
    """``_SALE.search(t) is not None`` for ASCII ``t``: every branch starts a word with one of these words;
    the pattern is tried only there."""
    match = _SALE.match
    ws = _SALE_WORDS
    if "exchange" in tl:
        ws = (*ws, "to")  # to exchange
    if "agreed" in tl:
        ws = (*ws, "investor", "buyer")  # investors / buyers (have) agreed to purchase
    for w in ws:
        i = tl.find(w)
        while i >= 0:
            if (i == 0 or not (tl[i - 1].isalnum() or tl[i - 1] == "_")) and match(t, i) is not None:
                return True
            i = tl.find(w, i + 1)
    return False


def _money_iter(t: str) -> list[re.Match[str]]:
    """``list(_MONEY_RX.finditer(t))``: the pattern (case-sensitive) starts with "U" (U.S.$, US$, USD), "$",
    a currency sign, "EUR" or "GBP", and is tried only there, in order, from the end of the last match."""
    c: list[int] = []
    _all_starts(t, "$", c)
    _all_starts(t, "U", c)
    if not t.isascii():
        _all_starts(t, "\u20ac", c)
        _all_starts(t, "\u00a3", c)
        _all_starts(t, "\u00a5", c)
    _all_starts(t, "EUR", c)
    _all_starts(t, "GBP", c)
    c.sort()
    out: list[re.Match[str]] = []
    pos = 0
    match = _MONEY_RX.match
    for p in c:
        if p < pos:
            continue
        m = match(t, p)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


def _rate_iter(t: str, tl: str) -> list[re.Match[str]]:
    """``list(_RATE.finditer(t))`` for ASCII ``t``: a match starts with the word "interest" or "bear...", or
    with the digits of a figure right before "%" (``\\d{1,2}(?:\\.\\d+)?\\s?%``); tried only there."""
    c: list[int] = []
    _word_starts(tl, "interest", c)
    _word_starts(tl, "bear", c)
    q = t.find("%")
    while q >= 0:
        j = q
        if j > 0 and t[j - 1].isspace():  # \s as the regex reads it
            j -= 1
        k = j
        while k > 0 and (t[k - 1].isdigit() or t[k - 1] == "."):
            k -= 1
        for i in range(k, j):
            if t[i] != ".":
                c.append(i)
        q = t.find("%", q + 1)
    c.sort()
    out: list[re.Match[str]] = []
    pos = 0
    match = _RATE.match
    for p in c:
        if p < pos:
            continue
        m = match(t, p)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


def _gross_iter(t: str, tl: str) -> list[re.Match[str]]:
    """``list(_GROSS.finditer(t))`` for ASCII ``t`` (``tl`` its lower-case form), read faster: every branch of
    _GROSS starts with a word or a currency sign, so a match can start only where one of them stands; the
    pattern is tried only there (``match`` at a position sees the text before it, as ``finditer`` does), in
    order, from the end of the last match -- the same matches, without running the whole alternation at every
    character (~0.5 us a character)."""
    c: list[int] = []
    _word_starts(tl, "gross", c)  # gross proceeds
    _word_starts(tl, "aggregate", c)  # aggregate purchase price
    if "total" in tl or "aggregate" in tl:
        _word_starts(tl, "for", c)  # for total proceeds of
    if "financing" in tl:  # $N financing: U.S.$, US$, USD, EUR, GBP, $
        _all_starts(tl, "$", c)
        _all_starts(tl, "u", c)
        _all_starts(tl, "eur", c)
        _all_starts(tl, "gbp", c)
    _word_starts(tl, "raised", c)
    _word_starts(tl, "purchase", c)  # purchase price of
    if "exchange" in tl:
        _word_starts(tl, "in", c)  # in exchange for $N in cash
    if "received" in tl:
        _word_starts(tl, "we", c)  # we / the Company / the Registrant received
        _word_starts(tl, "the", c)
    _word_starts(tl, "offering", c)  # offering / sale / placement of $N of its
    _word_starts(tl, "sale", c)
    _word_starts(tl, "placement", c)
    out: list[re.Match[str]] = []
    if not c:
        return out
    c.sort()
    pos = 0
    match = _GROSS.match
    for p in c:
        if p < pos:
            continue
        m = match(t, p)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


# where a count of _SHARES can start: a digit after no word character, sign or separator, or (before a figure
# in brackets, "two million (2,000,000)") a number word after none (lower-case text)
_COUNT_DIGIT = re.compile(r"\d(?<![\w$.,]\d)")
_COUNT_WORD = re.compile(rf"(?<![\w$.,]){_NW}")
_PAREN_DIGIT = re.compile(r"\(\s*\d")


def _shares_iter(t: str, tl: str) -> list[re.Match[str]]:
    """``list(_SHARES.finditer(t))`` for ASCII ``t`` (``tl`` its lower-case form), read faster: a match starts
    with a digit or a number word not preceded by ``[\\w$.,]``, so the pattern is tried only there, in order,
    from the end of the last match (as in :func:`_gross_iter`)."""
    c = [m.start() for m in _COUNT_DIGIT.finditer(t)]
    if "(" in t and _PAREN_DIGIT.search(t):
        c += [m.start() for m in _COUNT_WORD.finditer(tl)]
        c.sort()
    out: list[re.Match[str]] = []
    pos = 0
    match = _SHARES.match
    for p in c:
        if p < pos:
            continue
        m = match(t, p)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


def _has_digit(t: str) -> bool:
    """``_DIGIT.search(t) is not None``: on ASCII text (where ``\\d`` is 0-9) ten plain character tests, each
    a memory scan, instead of the regex stepping through the text."""
    if not t.isascii():
        return _DIGIT.search(t) is not None
    for c in "0123456789":  # noqa: SIM110
        if c in t:
            return True
    return False


def _has_money_char(t: str) -> bool:
    """``_MONEY_CHAR.search(t) is not None``, by literal tests first."""
    if "$" in t or "€" in t or "£" in t or "¥" in t:
        return True
    if "USD" in t or "EUR" in t or "GBP" in t:
        return _MONEY_CHAR.search(t) is not None
    return False


_EVENT_WORDS = ("share", "unit", "warrant", "%", "percent", "conver")


def _any_word(tl: str, words: tuple[str, ...]) -> bool:
    """Does any of ``words`` occur in ``tl``: a plain loop (faster than any() over a generator or a regex
    alternation of the literals, measured)."""
    for w in words:  # noqa: SIM110
        if w in tl:
            return True
    return False


def read_deals(sents: list[Sentence], issuer: set[str] | None = None) -> list[Tranche]:
    tranches: list[Tranche] = []
    defined = _defined_shares(sents)
    cur: Tranche | None = None
    part_head: Tranche | None = None
    part_sent: Sentence | None = None
    agent_terms: list[str] = []  # defined names of agents' warrants ("the Wainwright Warrants")
    for s in sents:
        t = s.text
        # Every value read below is a figure: a sentence without a digit can only say "does not bear
        # interest" (checked here) -- the cheap gates keep the costly patterns off most sentences.
        if not _has_digit(t):
            if cur is not None and "interest" in t:
                _no_interest(cur, s, t)
            continue
        tl = s.low
        money = _has_money_char(t)
        # stem gates (exact for ASCII text, where re.I and lower() agree letter for letter): a pattern whose
        # every branch needs one of these words cannot match a sentence without them
        ascii_ = t.isascii()
        if not money and not _any_word(tl, _EVENT_WORDS):
            # no event below can be read (each needs money or one of these words): only "does not bear
            # interest" is left to check
            if cur is not None and "interest" in t and not _skip_sent(s, t):
                _no_interest(cur, s, t)
            continue
        if _skip_sent(s, t):
            continue
        events: list[tuple[int, str, re.Match[str]]] = []
        wspans: list[tuple[int, int]] = []
        if "warrant" in tl:
            for m in _WARRANT_SHARES.finditer(t):
                events.append((m.start("n"), "warrant_shares", m))
                wspans.append((m.start(), m.end()))
            for m in _WARRANT_TOTAL.finditer(t):
                events.append((m.start("n"), "warrant_shares", m))
            for m in _CTX_WARRANT.finditer(t):
                events.append((m.start(), "ctx_warrant", m))
        if "share" in tl or "unit" in tl:
            for m in _shares_iter(t, tl) if ascii_ else _SHARES.finditer(t):
                if any(a <= m.start("n") < b for a, b in wspans):
                    continue
                events.append((m.start(), "shares", m))
        if money:
            if "princip" in tl or "note" in tl or "debenture" in tl:
                for m in _PRINCIPAL.finditer(t):
                    events.append((m.start(), "principal", m))
                if "amount of" in tl or "e for" in tl:
                    for m in _PRINCIPAL_NOTE.finditer(t):
                        events.append((m.start(), "principal", m))
            if not ascii_:
                for m in _GROSS.finditer(t):
                    events.append((m.start(), "gross", m))
            elif _any_word(tl, _GROSS_STEMS):
                for m in _gross_iter(t, tl):
                    events.append((m.start(), "gross", m))
            if "net proceeds" in tl:
                for m in _NET.finditer(t):
                    events.append((m.start(), "net", m))
            if "fee" in tl or "commission" in tl:
                for m in _FEES.finditer(t):
                    events.append((m.start(), "fees", m))
            for m in _money_iter(t):
                tail = t[m.end() : m.end() + 20]
                head = t[max(0, m.start() - 40) : m.start()]
                if _PRICE_TAIL.match(tail) or _PRICE_HEAD.search(head):
                    events.append((m.start(), "price", m))
        if money and "stock" in tl and ("of $" in t or "of U" in t):
            for m in _DOLLAR_OF_STOCK.finditer(t):
                events.append((m.start(), "dollar_stock", m))
        if money and "preferred" in tl and (" face " in tl or "stated" in tl or "liquidation" in tl):
            for m in _FACE_PREF.finditer(t):
                events.append((m.start(), "face_pref", m))
        if "%" in t or "percent" in tl:
            for m in _rate_iter(t, tl) if ascii_ else _RATE.finditer(t):
                events.append((m.start(), "rate", m))
        if "conver" in tl:
            for m in _CTX_CONV.finditer(t):
                events.append((m.start(), "ctx_conv", m))
        agent_at = _agent_warrant_starts(t, tl, agent_terms) if "warrant" in tl else []
        if not events:
            if cur is not None and "interest" in t:
                _no_interest(cur, s, t)  # "will not bear any accrued interest, but ... a default rate of 15%"
            continue
        events.sort(key=lambda e: e[0])
        has_sale = _sale_at(t, tl) if ascii_ else bool(_SALE.search(t))
        ctx = "shares"
        used: list[tuple[int, int]] = []
        for _pos, kind, m in events:
            if kind == "ctx_conv":
                if not any(a <= m.start() < b for a, b in used):  # not a word of a name just read
                    ctx = "conversion"
                continue
            if kind == "ctx_warrant":
                ctx = "warrant"
                continue
            if any(a <= m.start() < b for a, b in used):
                continue
            if kind == "shares":
                cnt = next(iter_counts(m.group("n")), None)
                n = int(cnt.value) if cnt else None
                frac = bool(cnt and cnt.value != int(cnt.value))
                dm = _DOUBLE_SCALE.match(m.group("n"))
                if dm and n is not None:
                    # "5,935,483 million shares": a full figure followed by a scale word (a drafting slip; trillions
                    # of shares are never sold): the figure as written
                    n = int(dm.group(1).replace(",", ""))
                    cur_w = cur.warnings if cur is not None else []
                    cur_w.append(f"count {m.group('n')!r} read without its scale word")
                pre = t[max(0, m.start() - 70) : m.start()]
                upto = _UPTO_CONSIDERATION.search(pre)
                if upto:
                    pre = pre[: upto.start()]
                if (
                    n is not None
                    and not frac
                    and has_sale
                    and ("ommitment" in m.group(0) or "ommitment" in t[m.end() : m.end() + 120])
                    and _COMMITMENT.search(t, m.start(), min(len(t), m.end() + 120))
                    and not _other_issuer(m.group("cls"), issuer)
                ):
                    # "we issued to Mast Hill 10,855,047 shares (the "Commitment Shares") of our common stock",
                    # "issued 935 shares of its common stock to FirstFire as a commitment fee": stock issued
                    # beside a note on other terms (none paid for it) is its own record
                    ct = Tranche(partition=True, commitment=True)
                    ct.put("security", "common_stock", s.ev(m.start("unit"), m.end()))
                    ct.put("shares", n, s.ev(m.start("n"), m.end("n")))
                    ct.sentences.append(s)
                    tranches.append(ct)
                    if cur is not None:
                        cur.partition = True
                    used.append((m.start(), m.end()))
                    continue
                opt = _OPTION_EXERCISED.search(pre) if "exercised" in pre else None
                if (
                    n is None
                    or _NOT_SOLD_SHARES.search(pre, 0, opt.start() if opt else len(pre))
                    or _SHARES_AFTER_SKIP.match(t[m.end() :])
                ):
                    continue
                if not has_sale or _other_issuer(m.group("cls"), issuer):
                    continue
                if re.search(r"\bof\s+which\s+(?:approximately\s+)?$", pre, re.I) and _ESCROW_PART.match(
                    t, m.end()
                ):
                    continue  # "of which approximately 584,924 shares ... will be placed into escrow" to secure indemnity
                adj = (m.group("adj") or "").lower()
                sec_over: str | None = None
                if "depositary" in adj:
                    # "100,000,000 depositary shares ..., each representing a 1/20th interest in a share of
                    # ... Preferred Stock" (0001193125-24-248743)
                    if not _PREFERRED.search(t):
                        continue
                    sec_over = "preferred_stock"
                elif "ordinary" in adj:
                    sec_over = "common_stock"  # "4,000,000 ordinary shares": a foreign issuer's common stock
                elif (
                    m.group("unit").lower() == "shares"
                    and not opt
                    and not m.group("cls")
                    and not re.search(r"\b(?:common|preferred|stock)\b", t[m.end() : m.end() + 60], re.I)
                ):
                    if m.group("unit") == "Shares" and defined:
                        # a defined term "Shares" for the class named where it is defined (0001193125-24-065885)
                        sec_over = defined
                    # "of which 274,583,000 Shares": a defined term for the common stock named in the sentence
                    elif not (m.group("unit") == "Shares" and re.search(r"\bcommon\s+stock\b", t, re.I)):
                        continue  # "1,000 shares" of something unnamed
                is_add = bool(m.group("adj") and "additional" in m.group("adj").lower()) or bool(
                    _ADDITIONAL.search(t[max(0, m.start() - 40) : m.start()])
                )
                if (
                    cur is not None
                    and "shares" in cur.values
                    and is_add
                    # the option closing restated ("... have exercised in full their option to purchase an
                    # additional 558,750 shares of its common stock") is no further closing
                    and not (opt and any(x.values.get("shares") == n for x in tranches))
                ):
                    prev = cur
                    cur = Tranche()
                    tranches.append(cur)
                    sm = _SAME_TERMS.search(t)
                    if sm:
                        cur.same_terms = s.ev(sm.start(), sm.end())
                        for k in (
                            "price_per_share",
                            "warrant_exercise_price",
                            "conversion_price",
                            "interest_rate",
                        ):
                            if k in prev.values:
                                cur.put(k, prev.values[k], prev.evidence[k])
                elif cur is None:
                    cur = Tranche()
                    tranches.append(cur)
                elif "shares" in cur.values and part_head is not None and part_sent is s:
                    # "of which 274,583,000 Shares are to be issued on the Closing Date ... and 158,740,000
                    # Shares are to be issued into escrow ...": each part is its own tranche
                    cur = Tranche(partition=True)
                    part_head.partition = True
                    tranches.append(cur)
                elif (
                    "shares" in cur.values
                    and s in cur.sentences
                    and _ENUM_NEXT.search(t, max(0, m.start() - 40), m.start())
                    and _ENUM_FIRST.search(
                        t,
                        max(0, cur.evidence["shares"].start - s.start - 40),
                        cur.evidence["shares"].start - s.start,
                    )
                ):
                    # "to exchange (i) an aggregate of 14.7 million shares ... for ... and (ii) an aggregate of
                    # 3.2 million shares ... for ...": enumerated parts on their own terms (0001193125-21-178760)
                    cur.partition = True
                    cur = Tranche(partition=True)
                    tranches.append(cur)
                elif (
                    "shares" in cur.values
                    and s not in cur.sentences
                    and _NEW_DEAL.match(t)
                    and all(x.values.get("shares") != n for x in tranches)
                ):
                    # "On May 20, 2008, Nuance sold 5,760,369 shares ..." after a merger paid in stock
                    # (0000950135-08-003855): a second sale with its own date and count is its own record
                    cur = Tranche()
                    tranches.append(cur)
                elif (
                    "shares" in cur.values
                    and s not in cur.sentences
                    and _OWN_SALE_PRE.search(pre)
                    and (sec_over or _security_from_cls(m.group("unit"), m.group("cls"), t))
                    != cur.values.get("security")
                    and all(x.values.get("shares") != n for x in tranches)
                ):
                    # concurrent offerings of two classes, each sold in its own sentence: "... the public
                    # offering of 10,000,000 shares of Common Stock at $11.50 ... The second Underwriting
                    # Agreement relates to the public offering of 304,348 shares of the Series A Stock"
                    cur = Tranche(partition=True)
                    tranches.append(cur)
                elif "shares" in cur.values:
                    continue  # a second count for the same tranche: keep the first
                if re.search(r"\bof\s+which\s+$", t[max(0, m.start() - 25) : m.start()], re.I):
                    part_head, part_sent = cur, s
                if (opt or (is_add and _OPTION_CLOSING.match(t, m.end()))) and "shares" not in cur.values:
                    cur.option = True
                    if _CUMULATIVE.search(t):
                        # "..., raising total shares sold to 4,283,750": the proceeds stated next are the whole
                        # offering's (silver xt-010)
                        cur.blocked.add("gross_proceeds")
                sec = sec_over or _security_from_cls(m.group("unit"), m.group("cls"), t)
                cur.put("security", sec, s.ev(m.start("unit"), m.end()))
                ev = s.ev(m.start("n"), m.end("n"))
                if frac:
                    cur.warnings.append(f"non-integer count {m.group('n')!r} of {m.group('unit')} left out")
                else:
                    cur.put("shares", n, ev)
                used.append((m.start(), m.end()))
                ctx = "shares"
                _note(cur, s)
                continue
            if cur is None:
                if not has_sale and kind != "dollar_stock":
                    continue
                cur = Tranche()
                tranches.append(cur)
            if kind == "warrant_shares" and _in_agent_clause(t, m.start("n"), agent_at):
                # "issued to Wainwright's designees warrants to purchase up to 141,772 shares": the agent's
                # compensation, not warrants sold to the investors
                ctx = "other_warrants"
                used.append((m.start("n"), m.end("n")))
                (cur or Tranche()).warnings.append("placement agent / underwriter warrants left out")
                continue
            if kind == "warrant_shares" and _MODIFIED_WARRANTS.search(t, max(0, m.start() - 100), m.start()):
                # "the further reduction of the exercise price of the warrants to purchase a total of 30,000,000
                # shares ... issued under the original Backstop Agreement": existing warrants amended, none sold
                ctx = "other_warrants"
                used.append((m.start("n"), m.end("n")))
                continue
            if kind == "warrant_shares":
                if re.match(
                    r"\s*(?:shares\s+)?(?:of\s+\w+\s+stock\s+)?(?:per|for\s+each)\s", t[m.end() :], re.I
                ):
                    continue  # "15,000 shares of Common Stock per unit"
                if _EACH_UNIT.search(t, 0, m.start()):
                    # "Each unit sold consisted of one share ... and Warrants to purchase up to an aggregate of
                    # 333,333 shares": a count per unit, not the total sold
                    (cur or Tranche()).warnings.append("warrant count stated per unit: left out")
                    used.append((m.start("n"), m.end("n")))
                    ctx = "warrant"
                    continue
                n = parse_count(m.group("n"))
                if n:
                    # warrants issued with a partitioned sale go with its first (closing-date) part
                    wt = part_head if (part_head is not None and part_sent is s) else cur
                    w0 = max(0, m.start() - 15)
                    pf = re.search(r"\bpre-?\s?funded\b", t[w0 : m.start() + 12], re.I)
                    if "warrant_shares" in wt.values and bool(pf) != bool(wt.values.get("pre_funded")):
                        # pre-funded warrants and common warrants sold together: two counts for one field,
                        # and the exercise price stated may be either's -- leave the count out
                        wt.warnings.append("pre-funded and common warrants both sold: warrant count left out")
                        for k in ("warrant_shares", "pre_funded"):
                            wt.values.pop(k, None)
                            wt.evidence.pop(k, None)
                            wt.blocked.add(k)
                    elif (
                        "warrant_shares" in wt.values
                        and wt.values["warrant_shares"] != n
                        and _WARRANT_SERIES.search(t, 0, m.end())
                    ):
                        # "The Series X Warrants are ... exercisable ... for an aggregate of 4,049,999 shares ...
                        # The Series Z Warrants ... 8,100,001 shares": several series, one field (fx-018's rule)
                        wt.warnings.append("warrants sold in several series: warrant count left out")
                        wt.values.pop("warrant_shares", None)
                        wt.evidence.pop("warrant_shares", None)
                        wt.blocked.add("warrant_shares")
                    wt.put("warrant_shares", n, s.ev(m.start("n"), m.end("n")))
                    if pf:
                        wt.put("pre_funded", True, s.ev(w0 + pf.start(), w0 + pf.end()))
                    _note(wt, s)
                ctx = "warrant"
                used.append((m.start("n"), m.end("n")))
            elif kind == "dollar_stock":
                if cur.values.get("security") not in (None, "common_stock", "preferred_stock"):
                    continue
                # "A minimum aggregate purchase of $15,500,000 of Common Stock by the Investors": stock bought by
                # a dollar amount (a minimum or cap is no proceeds; the amount is read as proceeds only where
                # the proceeds patterns say so)
                sec = "preferred_stock" if "referred" in m.group("cls") else "common_stock"
                cur.put("security", sec, s.ev(m.start("cls"), m.end("cls")))
                cur.uncounted = cur.uncounted or "shares" not in cur.values
                _note(cur, s)
            elif kind == "face_pref":
                if (
                    _CONV_WORDS.search(t, max(0, m.start() - 60), m.start())
                    or "redempt" in t[max(0, m.start() - 60) : m.start()]
                ):
                    continue  # "The conversion of the resultant $881,600 face value of the Series C ... Preferred"
                if cur is not None and cur.values.get("security") not in (None, "preferred_stock"):
                    continue
                # "the Company has agreed to issue to IIG an additional $500,000 face amount of the Series C
                # Convertible Preferred Stock": preferred sold by face amount (no field holds the amount)
                cur.put("security", "preferred_stock", s.ev(m.start("cls"), m.end("cls")))
                cur.uncounted = cur.uncounted or "shares" not in cur.values
                used.append((m.start(), m.end()))
                _note(cur, s)
            elif kind == "principal":
                r = _money(s, m)
                if r:
                    v, ev, cur_code, a, b = r
                    if m.groupdict().get("money5") and _DISCOUNT.search(t):
                        continue  # "a Note for $55,000" with a discount named: the price paid, not the face
                    if re.search(
                        r"\b(?:a|each|per|up\s+to|not\s+to\s+exceed|additional)\s+(?:\w+\s+){0,1}$",
                        t[max(0, a - 25) : a],
                        re.I,
                    ):
                        continue
                    if _RETIRED_DEBT.search(t, max(0, a - 120), a) or _RETIRED_AFTER.match(t, b):
                        continue  # "converted outstanding debt in the original principal amount of $2,050,000 into ..."
                    if re.search(r"\b(?:outstanding|remains?)\b", t[b : b + 80], re.I) or re.search(
                        r"\bremains?\s+outstanding\b", t[b:], re.I
                    ):
                        continue  # "$450 million aggregate principal amount of Notes remains outstanding"
                    if "principal_amount" in cur.values and cur.values["principal_amount"] != v:
                        cur.more_principal.append((v, ev))
                    cur.put("principal_amount", v, ev)
                    if cur_code:
                        cur.put("currency", cur_code, ev)
                    conv = re.search(r"\bconvertible\b", t, re.I)
                    kindw = re.search(r"\b(notes?|debentures?)\b", t[m.start() :], re.I)
                    if kindw:
                        sec = "convertible_notes" if conv else "notes"
                        kev = s.ev(m.start() + kindw.start(), m.start() + kindw.end())
                        cur.put("security", sec, kev)
                        if cur.debt_word is None:
                            cur.debt_word = (sec, kev)
                    used.append((a, b))
                    _note(cur, s)
            elif kind == "rate":
                g = "r" if m.group("r") else "r2"
                if not re.search(r"\b(?:notes?|debentures?|loan|interest)\b", t, re.I):
                    continue
                pre = t[max(0, m.start() - 40) : m.start()]
                if re.search(r"\bdefault\b|\bpenalty\b|\bdividends?\b", pre + m.group(0), re.I):
                    continue
                v = next(iter_percents(m.group(g)), None)
                if v is not None and v.value <= 25:
                    cur.put("interest_rate", v.value, s.ev(m.start(g), m.end(g)))
                    _note(cur, s)
            elif kind in ("gross", "net", "fees"):
                r = _money(s, m)
                if not r:
                    continue
                v, ev, cur_code, a, b = r
                if any(x <= a < y for x, y in used):
                    continue
                pre = t[max(0, m.start() - 30) : a]
                if re.search(r"\b(?:minimum|maximum|up\s+to|at\s+least)\b", pre, re.I):
                    continue
                if kind == "gross" and (
                    _PCT_OF.search(t, max(0, m.start() - 30), m.start()) or _EXPENSE_AFTER.match(t, b)
                ):
                    # "a cash fee equal to 7.0% of the gross proceeds ..., and an aggregate of $85,000 for certain
                    # expenses": proceeds named as a fee's base; the amount is an expense reimbursement
                    continue
                if kind == "gross" and _NOT_ISSUER_SALE.search(t) and not (cur and "shares" in cur.values):
                    continue  # the registrant buys a business or sells assets for cash: not its securities
                if kind == "fees":
                    clause = t[max(0, m.start() - 80) : min(len(t), b + 60)]
                    if _FEE_SKIP.search(clause):
                        continue
                    cur.put("fees", v, ev)
                elif kind == "net":
                    cur.put("net_proceeds", v, ev)
                else:
                    sold = _SOLD_NOUN.search(t) if s not in cur.sentences else None
                    if (
                        sold
                        and ("shares" in cur.values or "principal_amount" in cur.values)
                        and _SOLD_NOUN_SEC[sold.lastgroup or ""] != cur.values.get("security")
                    ):
                        # a later paragraph sells another security for its own proceeds: "the Company had
                        # received binding subscription agreements to purchase units at a total purchase price of
                        # approximately $7.9 million" after shares issued in a note exchange
                        cur = Tranche()
                        tranches.append(cur)
                        cur.put(
                            "security",
                            _SOLD_NOUN_SEC[sold.lastgroup or ""],
                            s.ev(sold.start(sold.lastgroup), sold.end()),
                        )
                    cur.put("gross_proceeds", v, ev)
                    if cur_code:
                        cur.put("currency", cur_code, ev)
                used.append((a, b))
                _note(cur, s)
            elif kind == "price":
                mm = parse_money(m.group("money"))
                if mm is None:
                    continue
                a, b = m.start(), m.end()
                if any(x <= a < y for x, y in used):
                    continue
                head = t[max(0, a - 70) : a]
                own = head[-45:]
                lm = own.rfind("$")
                if lm >= 0:
                    # "par value $0.001 per share (the "Shares"), at $23.28 per share": the par value is the
                    # earlier amount's label (0000050863-25-000155); so is a label right after it ("$0.01 par
                    # value, at a purchase price of $6.00 per share")
                    own = own[lm + 1 :]
                    lab = _AMOUNT_LABEL.match(own)
                    if lab:
                        own = own[lab.end() :]
                if _AGGREGATE_HEAD.search(head) and not _PRICE_TAIL.match(t[b : b + 20]):
                    continue  # "a total purchase price of approximately $7.9 million": proceeds, not a price
                if _PRICE_SKIP.search(own):
                    continue
                if re.match(r"\s*per\s+(?:pre-?\s?funded\s+|common\s+)?warrant", t[b : b + 30], re.I):
                    continue  # the purchase price of a warrant, not its exercise price
                tail = _PRICE_TAIL.match(t[b : b + 20])
                if (ctx == "other_warrants" or _in_agent_clause(t, a, agent_at)) and (
                    _EXERCISE_LBL.search(head) or ctx == "other_warrants"
                ):
                    continue  # the exercise price of the agent's warrants
                if _EXERCISE_LBL.search(head):
                    k = "warrant_exercise_price"
                elif (tail and tail.group("per").lower() == "unit") or _OFFERING_PRICE.search(head[-40:]):
                    # "one warrant to purchase 0.5 shares ..., at a public offering price of $1.50 per unit":
                    # the price of what is sold, named after the warrant it includes
                    k = "price_per_share"
                elif _CONVERSION_LBL.search(head):
                    k = "conversion_price"
                elif ctx == "warrant":
                    if not re.search(r"\bprice\b|\bat\s+$", head, re.I):
                        continue
                    if _PURCHASE_PRICE_HEAD.search(head[-40:]) and _after_prefunded(t, a):
                        # "pre-funded warrants to purchase 500,000 shares at a purchase price of $2.00": what a
                        # pre-funded warrant costs, not its exercise price
                        used.append((a, b))
                        continue
                    k = "warrant_exercise_price"
                elif ctx == "conversion":
                    k = "conversion_price"
                else:
                    if not (tail or re.search(r"\bprice\b", head[-40:], re.I)):
                        continue
                    k = "price_per_share"
                if (
                    k in ("warrant_exercise_price", "price_per_share")
                    and mm.value <= 0.01
                    and re.search(r"\bpre-?\s?funded\b", t, re.I)
                ):
                    k = "pre_funded_exercise_price"  # "$0.001 per share" of a pre-funded warrant
                if k == "conversion_price" and _FORMULA_BEFORE.search(t, 0, a):
                    # "the lower of (i) ... or (ii) 60% of ...; ... reduced ... to a fixed conversion price of
                    # $0.00001": one arm of a formula or a fallback, not the conversion price
                    cur.warnings.append(f"conversion price {mm.value} is part of a formula: left out")
                    used.append((a, b))
                    continue
                target = cur
                if k == "warrant_exercise_price":
                    # the exercise price belongs to the tranche the warrants were sold with
                    with_w = [x for x in tranches if "warrant_shares" in x.values]
                    if with_w:
                        target = with_w[-1]
                target.put(k, mm.value, s.ev(a, b))
                if mm.currency and k == "price_per_share":
                    target.put("currency", mm.currency, s.ev(a, b))
                used.append((a, b))
                _note(target, s)
        if cur is not None and "interest" in t:
            _no_interest(cur, s, t)
    if any(tr.more_principal for tr in tranches) and any(_MORE_LATER.search(s.text) for s in sents):
        for tr in tranches:
            _issued_now(tr)
    out = [tr for tr in tranches if tr.has_substance()]
    if any(tr.commitment for tr in out) and not any(
        not tr.commitment
        and any(k in tr.values for k in ("principal_amount", "interest_rate", "conversion_price"))
        for tr in out
    ):
        # commitment shares are their own record only beside a note sold (an equity line's commitment fee
        # reports no sale)
        out = [tr for tr in out if not tr.commitment]
    if any(tr.partition and "gross_proceeds" not in tr.values for tr in out):
        _funds_per_part(out, sents)
    if len(out) > 1:
        for tr in out:
            q = tr.evidence.get("gross_proceeds")
            if q is not None and any(
                x.start <= q.start < x.end and _COMBINED.search(x.text, 0, q.start - x.start)
                for x in tr.sentences
            ):
                # "separate, concurrent underwritten public offerings ..., which together are expected to result in
                # gross proceeds ... of approximately $150 million": the total of several records, none's own
                tr.warnings.append("gross proceeds stated for several offerings together: left out")
                del tr.values["gross_proceeds"], tr.evidence["gross_proceeds"]
                tr.values.pop("currency", None)
                tr.evidence.pop("currency", None)
    return out


_COMBINED = re.compile(
    r"\b(?:together|combined|collectively)\b(?!\s+with\b)|\bconcurrent\s+(?:\w+\s+){0,3}?offerings\b", re.I
)


# "274,583,000 Shares are to be issued to the DOC on the Closing Date (or such later date or dates as the Released
# Funds are received ...)": the part is paid by funds the text defines with an amount ("... in the amount of
# $5,695,000,000, ... (the "Released Funds")"), 0000050863-25-000129
_PAID_AS_RECEIVED = re.compile(
    r"\bas\s+(?:and\s+when\s+)?(?:the\s+)?(?P<term>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})\s+(?:is|are)\s+received\b"
)


def _funds_per_part(tranches: list[Tranche], sents: list[Sentence]) -> None:
    """Proceeds of each part of a partitioned sale, where the part is issued as defined funds are received."""
    parts = [tr for tr in tranches if tr.partition and "shares" in tr.values]
    for i, tr in enumerate(parts):
        q = tr.evidence["shares"]
        s = next((x for x in tr.sentences if x.start <= q.start < x.end), None)
        if s is None or "gross_proceeds" in tr.values:
            continue
        a = q.end - s.start
        nxt = [
            p.evidence["shares"].start - s.start
            for p in parts[i + 1 :]
            if s.start <= p.evidence["shares"].start < s.end
        ]
        b = min([*nxt, len(s.text)])
        semi = s.text.find(";", a, b)
        m = _PAID_AS_RECEIVED.search(s.text, a, semi if semi >= 0 else b)
        if not m:
            continue
        found = _defined_amount(m.group("term"), sents)
        if found is not None:
            tr.put("gross_proceeds", found[0], found[1])


def _defined_amount(term: str, sents: list[Sentence]) -> tuple[float, Evidence] | None:
    """The amount right before a definition '(the "<term>")', in a sentence that speaks of no loan."""
    needle = f'"{term}"'
    for s in sents:
        t = s.text
        i = t.find(needle)
        if i < 0 or not re.search(r"\(\s*(?:the\s+)?$", t[max(0, i - 12) : i]) or _LOAN_WORDS.search(t):
            continue
        last = None
        for mm in _MONEY_RX.finditer(t, max(0, i - 220), i):
            last = mm
        if last is None:
            continue
        money = parse_money(last.group("money"))
        if money is None:
            continue
        return money.value, s.ev(last.start() + money.start, last.start() + money.end)
    return None


# "Additional Convertible Notes in an aggregate original principal amount not to exceed $2,100,000 may also be
# issued ... at a later date": the first aggregate stated was the series' capacity
_MORE_LATER = re.compile(
    r"\badditional\s+(?:[\w-]+\s+){0,4}?(?:notes|debentures)\b[^.;]{0,160}?\b(?:may|could)\s+(?:also\s+)?be\s+(?:issued|sold)\b",
    re.I,
)


def _issued_now(tr: Tranche) -> None:
    """A series sized $6,550,000 of which "two Convertible Notes ... in an aggregate original principal amount
    of $4,450,000 will be issued" now, more later (fx-020): the smaller aggregate stated after the capacity
    is what is sold. Chosen among stated amounts only; nothing is computed."""
    first = tr.values.get("principal_amount")
    if not isinstance(first, float):
        return
    smaller = [(v, ev) for v, ev in tr.more_principal if v < first]
    if smaller:
        tr.values["principal_amount"], tr.evidence["principal_amount"] = smaller[0]


def _no_interest(cur: Tranche, s: Sentence, t: str) -> None:
    nm = _NO_INTEREST.search(t)
    if nm and re.search(r"\b(?:notes?|debentures?)\b", t, re.I):
        cur.put("interest_rate", 0.0, s.ev(nm.start(), nm.end()))


def _note(tr: Tranche, s: Sentence) -> None:
    if not tr.sentences or tr.sentences[-1] is not s:
        tr.sentences.append(s)


# --- stock paid as consideration with no count sold -------------------------------------------------
# "converted into the right to receive 2.3234 shares of common stock, without par value, of the Company"
# (0000950103-24-006322), "0.96386 of a share ... of Class B Common Stock ..., of TBS": the registrant's stock
# issued in a merger, one common_stock record with no count (as the dev gold labels New Line and Westell).
_RATIO = re.compile(
    r"\b(?:right\s+to\s+receive|entitled\s+to\s+receive)\s+(?:\$[\d.,]+\s+in\s+cash\s+and\s+)?"
    r"(?:\d+(?:\.\d+)?|one)\s+(?:of\s+a\s+)?shares?\b",
    re.I,
)
# "Nuance will issue to the stockholders of SNAPin approximately $180,000,000 in shares of Nuance common
# stock" (0000950135-08-005674)
_DOLLAR_STOCK = re.compile(
    rf"(?<!up\sto\s){_MONEY}\s+(?:in|of|worth\s+of)\s+(?:shares\s+of\s+)?(?P<o>the\s+Company's|its|[A-Z][\w&.-]*)\s+"
    r"(?:Class\s+[A-Z]\s+)?common\s+stock\b",
    re.I,
)
# a confirmed plan of reorganization converting debt into new stock: "the conversion of $100 million of
# 6 3/4% Convertible Subordinated Debentures due 2003 ... into newly issued common stock ... pursuant to a
# joint prepackaged plan of reorganization" (0000912057-00-043726, dev 0000914260-00-000057)
_PLAN = re.compile(
    r"\bconversion\s+of\s+(?P<money>\$\s?\d[\d,.]*(?:\s+(?:million|billion))?)\s+(?:aggregate\s+principal\s+amount\s+)?of\s+[^.;]{0,120}?\b(?:Debentures|Notes)\b"
    r"[^.;]{0,80}?\binto\s+(?:newly[\s-]issued\s+)?(?:shares\s+of\s+)?(?:new\s+)?common\s+stock\b[^.;]{0,200}?"
    r"\bplan\s+of\s+reorganization\b",
    re.I,
)
_PLAN_DONE = re.compile(
    r"\border\s+confirming\b|\bconfirmation\s+order\b|\bplan\b[^.;]{0,60}\bbecame\s+effective\b", re.I
)
_PAREN = re.compile(r"\([^()]*\)")
_PAR_VALUE = re.compile(
    r",?\s*(?:par\s+value\s+(?:of\s+)?\$[\d.]+\s+per\s+share|without\s+par\s+value)\s*,?", re.I
)
_OWNER_OF = re.compile(r"\bof\s+(?P<o>the\s+(?:Company|Registrant|Corporation)\b|[A-Z][\w&.-]*)")
_OWNER_ADJ = re.compile(
    r"(?P<o>the\s+Company's|[A-Z][\w&.-]*)\s+(?:Class\s+[A-Z]\s+)?common\s+(?:stock|shares)\b", re.I
)
_OWNER_GENERIC = {"class", "series", "common", "preferred", "capital", "new", "a", "an"}
_COMMON_WORDS = re.compile(r"\bcommon\s+(?:stock|shares)\b", re.I)
_MERGER_WORDS = re.compile(r"\b(?:merger|converted|acquisition|exchange\s+ratio)\b", re.I)


def _owner_is_issuer(o: str, issuer: set[str] | None) -> bool:
    ol = o.lower()
    if ol.startswith("the ") or ol == "its":
        return True  # "of the Company", "the Company's", "its": the registrant
    return issuer is not None and re.sub(r"'s$", "", ol) in issuer


def _ratio_owner(tail: str, issuer: set[str] | None) -> bool:
    """Whose stock follows "right to receive 2.3234 shares": "of common stock, ..., of the Company"."""
    cut = re.split(r";|\btogether\s+with\b|\band\s+(?:\$|cash)\b", tail, maxsplit=1)[0]
    w = _PAR_VALUE.sub(" ", _PAREN.sub(" ", cut))[:140]
    for m in _OWNER_OF.finditer(w):
        o = m.group("o")
        if o.lower() in _OWNER_GENERIC:
            continue
        return _owner_is_issuer(o, issuer)
    m2 = _OWNER_ADJ.search(w)
    return bool(
        m2 and m2.group("o").lower() not in _OWNER_GENERIC and _owner_is_issuer(m2.group("o"), issuer)
    )


def consideration_stock(sents: list[Sentence], issuer: set[str] | None) -> list[Tranche]:
    """The registrant's common stock paid in a merger or a confirmed plan, stated with no count sold."""
    for s in sents:
        t = s.text
        if not ("receive" in t or "$" in t or "reorganization" in t) or _skip_sent(s, t):
            continue
        if "receive" in t and _MERGER_WORDS.search(t):
            for m in _RATIO.finditer(t):
                if _ratio_owner(t[m.end() : m.end() + 260], issuer):
                    # evidence: the class named after the ratio ("... of Class B Common Stock"), else "share"
                    cm = _COMMON_WORDS.search(t, m.end(), m.end() + 260)
                    if cm:
                        return [_consideration(s, cm.start(), cm.end())]
                    sw = re.search(r"shares?\b", t[m.start() : m.end()], re.I)
                    a = m.start() + sw.start() if sw else m.start()
                    return [_consideration(s, a, m.end())]
        if "$" in t and re.search(r"\bissu\w*", t):
            m = _DOLLAR_STOCK.search(t)
            if m and _owner_is_issuer(m.group("o"), issuer):
                return [_consideration(s, m.start("o"), m.end())]
        if "reorganization" in t:
            m = _PLAN.search(t)
            if m and any(_PLAN_DONE.search(x.text) for x in sents):
                cm = re.search(r"common\s+stock", t[m.start() : m.end()], re.I)
                a = m.start() + cm.start() if cm else m.start()
                return [_consideration(s, a, a + (cm.end() - cm.start() if cm else 0))]
    return []


def _consideration(s: Sentence, a: int, b: int) -> Tranche:
    tr = Tranche(consideration=True)
    tr.put("security", "common_stock", s.ev(a, b))
    tr.sentences.append(s)
    return tr


_STOCK_SIDE = ("shares", "price_per_share")
_DEBT_SIDE = ("principal_amount", "interest_rate", "conversion_price", "maturity")


def split_stock_and_debt(tr: Tranche) -> list[Tranche]:
    """Shares and notes sold together ("sold an aggregate of 888,889 shares of the Company's common stock ...
    and an aggregate of $8 million principal amount of the Company's 4% Convertible Subordinated Debentures"):
    two securities on different terms, one record each. Proceeds, fees and warrants stated once for both
    cannot be given to either: they are left out."""
    v = tr.values
    if not (
        "shares" in v
        and "principal_amount" in v
        and v.get("security") in ("common_stock", "preferred_stock")
        and tr.debt_word is not None
    ):
        return [tr]
    stock = Tranche(sentences=list(tr.sentences), warnings=list(tr.warnings), same_terms=tr.same_terms)
    debt = Tranche(sentences=list(tr.sentences), partition=True)
    stock.partition = True
    for k, val in v.items():
        if k == "security" or k in _STOCK_SIDE:
            stock.put(k, val, tr.evidence[k])
        elif k in _DEBT_SIDE or (k == "currency" and tr.evidence[k] == tr.evidence.get("principal_amount")):
            debt.put(k, val, tr.evidence[k])
        elif k != "currency":
            stock.warnings.append(f"{k} stated for shares and notes together: left out")
    debt.put("security", tr.debt_word[0], tr.debt_word[1])
    return [stock, debt]


# --- sales reported with no figure -------------------------------------------------------------------
# "The Shares, the Warrants and the shares of Common Stock issuable upon exercise of the Warrants were offered
# and sold by the Company pursuant to an effective shelf registration statement", "the offer and sale of the
# Shares and the Series B Preferred was exempt from registration under Section 4(a)(2)", "These Class A common
# shares of the Company were issued pursuant to ... the registration exemption provided by Section 4(a)(2)":
# a sale the filing reports (registered or exempt) whose figures it does not state (or a page lost them).
_SOLD_PHRASE = re.compile(
    r"\b(?:(?P<of>offer\s+and\s+sale|issuance\s+and\s+sale|sale\s+and\s+issuance)\s+of\b|"
    r"(?P<subj>(?:were|was|have\s+been|has\s+been)\s+(?:offered\s+and\s+sold|issued\s+and\s+sold|sold|issued)\b))",
    re.I,
)
_SOLD_GATE = re.compile(
    r"\bregistration\s+statement\b|\bexempt\w*\b|\bSection\s+4\s*\(|\bRegulation\s+[DS]\b|\bRule\s+506\b|"
    r"\bnot\s+involving\s+(?:a|any)\s+public\s+offering\b|\bregistered\s+(?:direct|public|underwritten)\s+offering\b|"
    r"\bprivate\s+placement\b|\bunderwritten\s+(?:public\s+)?offering\b",
    re.I,
)
_SOLD_GATE_WORDS = (
    "egistration statement",
    "xempt",
    "Section 4",
    "SECTION 4",
    "egulation",
    "EGULATION",
    "Rule 506",
    "RULE 506",
    "public offering",
    "Public Offering",
    "PUBLIC OFFERING",
    "egistered",
    "EGISTERED",
    "lacement",
    "LACEMENT",
    "nderwritten",
    "NDERWRITTEN",
    "REGISTRATION STATEMENT",
    "XEMPT",
    "Registration Statement",
)
_UNCOUNTED_SKIP = re.compile(
    r"\b(?:in\s+lieu|S-8|resale|dividend|as\s+(?:a\s+)?(?:payment|compensation)|employees?|directors?|consultants?|"
    r"options?)\b",
    re.I,
)
_CONV_WORDS = re.compile(r"\b(?:conver\w*|exercis\w*)\b", re.I)
_NOUN_NOT_SOLD_AFTER = re.compile(
    r"\s*(?:(?:issued|received|delivered)\s+)?(?:issuable|underlying|upon|on\s+(?:conversion|exercise))\b",
    re.I,
)
# _SKIP_SENT without the loan words: stock issued to lenders is still the registrant's sale
_UNCOUNTED_SENT_SKIP = re.compile(
    r"\b(?:stock\s+options?|options\s+to\s+purchase|restricted\s+stock|equity\s+incentive|incentive\s+(?:stock\s+)?plan|"
    r"proposed|letter\s+of\s+intent|non-binding|term\s+sheet|previously\s+(?:sold|issued|reported|disclosed)|"
    r"repurchas\w*|buyback|redeem(?:ed|s)?\b|redemption|dividend\s+reinvestment|employee\s+stock\s+purchase|"
    r"may\s+(?:offer|sell|issue)|from\s+time\s+to\s+time|at[\s-]the[\s-]market)\b",
    re.I,
)
_LOAN_WORDS = re.compile(
    r"\b(?:credit\s+(?:agreement|facility)|revolving|term\s+loan|loan\s+agreement|lenders?|borrow\w*)\b", re.I
)
_SEC_NOUN = re.compile(
    r"(?P<pref>\bSeries\s+(?P<ser>[A-Z0-9][\w-]{0,3})\s+(?:(?:Convertible|Redeemable|Junior|Senior)\s+)*Preferred(?:\s+(?:Stock|Shares))?\b|"
    r"\bpreferred\s+(?:stock|shares)\b)|"
    r"(?P<common>\bshares\s+of\s+(?:our\s+|its\s+|the\s+Company's\s+)?(?:Class\s+[A-Z]\s+)?common\s+stock\b|"
    r"\b(?:Class\s+[A-Z]\s+)?common\s+(?:stock|shares)\b|\bShares\b)|"
    r"(?P<notes>\b(?:(?P<conv>convertible)\s+)?(?:(?:senior|secured|subordinated|unsecured|promissory)\s+)*(?:Notes|Debentures)\b)|"
    r"(?P<units>\bUnits\b)|(?P<warrants>\bWarrants\b)"
)


# a deal the text names by a defined term and reports as made: "In connection with the Private Placement",
# "The Offering closed on"
_DEAL_CUE = re.compile(
    r"\b(?:[Ii]n\s+connection\s+with|[Tt]he\s+closing\s+of|[Uu]pon\s+the\s+closing\s+of)\s+the\s+(?:Private\s+Placement|Offering)\b|"
    r"\bThe\s+(?:Private\s+Placement|Offering)\s+(?:closed|was\s+completed|was\s+consummated)\b"
)
_DEFINED_NOUN = re.compile(r"\b[Tt]he\s+(?:(?P<notes>Notes|Debentures)|(?P<shares>Shares))\b")


def _defined_deal(sents: list[Sentence]) -> list[Tranche]:
    """A deal named only by its defined term, with the securities it sold named the same way ("the Shares",
    "the Notes"): one record for the security the text speaks of most, and a notes coupon if one is stated."""
    cue = next(
        (s for s in sents if ("Placement" in s.text or "Offering" in s.text) and _DEAL_CUE.search(s.text)),
        None,
    )
    if cue is None or any(_LOAN_WORDS.search(s.text) for s in sents):
        return []
    counts = {"notes": 0, "shares": 0}
    first: dict[str, tuple[Sentence, re.Match[str]]] = {}
    conv = False
    for s in sents:
        for m in _DEFINED_NOUN.finditer(s.text):
            g = m.lastgroup or ""
            counts[g] += 1
            first.setdefault(g, (s, m))
            if g == "notes" and _CTX_CONV.search(s.text):
                conv = True
    if counts["notes"] == counts["shares"]:
        return []
    g = "notes" if counts["notes"] > counts["shares"] else "shares"
    s0, m0 = first[g]
    tr = Tranche(uncounted=True)
    sec = ("convertible_notes" if conv else "notes") if g == "notes" else "common_stock"
    tr.put("security", sec, s0.ev(m0.start(g), m0.end(g)))
    tr.sentences.append(cue)
    if g == "notes":
        for s in sents:
            t = s.text
            if "Notes" not in t or "%" not in t:
                continue
            m = _RATE.search(t)
            if m is None:
                continue
            grp = "r" if m.group("r") else "r2"
            if re.search(r"\bdefault\b|\bpenalty\b|\blate\b", t[max(0, m.start() - 40) : m.end()], re.I):
                continue
            v = next(iter_percents(m.group(grp)), None)
            if v is not None and v.value <= 25:
                tr.put("interest_rate", v.value, s.ev(m.start(grp), m.end(grp)))
                tr.sentences.append(s)
            break
    return [tr]


def uncounted_sales(sents: list[Sentence]) -> list[Tranche]:
    """Sales of the registrant's securities reported with no figures: one record per class named as sold
    (shares with their accompanying warrants are one sale; warrants alone are warrants)."""
    out: list[Tranche] = []
    seen: set[tuple[str, str]] = set()
    for s in sents:
        t = s.text
        if "sold" not in t and "sale" not in t and "issued" not in t:
            continue
        if not any(w in t for w in _SOLD_GATE_WORDS):
            continue  # cheap gate: no word any _SOLD_GATE alternative is spelled with
        if not _SOLD_GATE.search(t) or _UNCOUNTED_SENT_SKIP.search(t):
            continue
        loan = _LOAN_WORDS.search(t) is not None
        for m in _SOLD_PHRASE.finditer(t):
            if m.group("of"):
                a = m.end()
                stop = re.search(
                    r"\b(?:was|were|is|are|has|have|pursuant|under|in\s+reliance|by\s+the)\b|[,;(]", t[a:]
                )
                b = a + (stop.start() if stop else min(len(t) - a, 120))
            else:
                b = m.start()
                cut = max(t.rfind(";", 0, b), t.rfind(":", 0, b), 0)
                a = cut + 1 if cut else 0
                a = max(a, b - 160)
            seg = t[a:b]
            if not seg.strip() or _UNCOUNTED_SKIP.search(seg) or re.search(r"\d", seg):
                continue
            nouns: list[tuple[str, str, int, int]] = []
            for nm in _SEC_NOUN.finditer(seg):
                if _NOUN_NOT_SOLD_AFTER.match(seg, nm.end()) or _CONV_WORDS.search(seg, 0, nm.start()):
                    continue  # "the shares of Common Stock issuable upon exercise of the Warrants"
                g = nm.lastgroup if nm.lastgroup in ("pref", "common", "notes", "units", "warrants") else None
                if nm.group("pref"):
                    g = "pref"
                elif nm.group("common"):
                    g = "common"
                elif nm.group("notes"):
                    g = "notes"
                if g is None:
                    continue
                sec = {
                    "pref": "preferred_stock",
                    "common": "common_stock",
                    "notes": "convertible_notes" if nm.group("conv") else "notes",
                    "units": "units",
                    "warrants": "warrants",
                }[g]
                nouns.append((sec, (nm.group("ser") or "").upper(), a + nm.start(), a + nm.end()))
            if any(n[0] != "warrants" for n in nouns):
                nouns = [n for n in nouns if n[0] != "warrants"]
            for sec, key, x, y in nouns:
                if loan and sec in ("notes", "convertible_notes"):
                    continue  # notes given to lenders under a loan: not an offering
                k = (sec, key)
                if k in seen or (sec == "preferred_stock" and not key and any(q[0] == sec for q in seen)):
                    continue
                seen.add(k)
                tr = Tranche(uncounted=True)
                tr.put("security", sec, s.ev(x, y))
                tr.sentences.append(s)
                out.append(tr)
    return out or _defined_deal(sents)
