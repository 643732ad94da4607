"""Announcements of financial results (Item 2.02; old Item 12; an earnings release under old Item 9 or 5).

A non-empty Item 2.02 is a results announcement unless its text only gives guidance, forecasts,
preliminary figures for a period not yet ended, or certifications (gold README). Under old Items 9
and 5, which carried every kind of press release, the item must say it announces results or earnings.

``period_end`` is read only where the period's end is printed ("quarter ended March 30, 2024",
"three months and year ended December 31, 2015"): first in the item, then in the press release
(EX-99.x). A period that is only named ("fourth quarter of fiscal 2012") leaves it None.
"""

from __future__ import annotations

import re

from eightk.extract.events_text import (
    Folded,
    Section,
    ev,
    fold_case,
    has_stem,
    item_sections,
    press_releases,
)
from eightk.extract.registry import ExtractResult, extractor
from eightk.model import Document, Evidence, Filing, Results
from eightk.parse.dates import DATE_MDY, find_date

_W = r"[ \t\n]+"
# "(fiscal) (first) quarter (and (fiscal) year) ended DATE", "three and six months ended", "year ended".
_PERIOD_ENDED = re.compile(
    rf"\b(?P<kind>(?:(?:fiscal|financial){_W})?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th){_W}(?:fiscal{_W})?)?"
    rf"(?:quarters?|years?|(?:three|six|nine|twelve|3|6|9|12|thirteen|twenty-six|thirty-nine|fifty-two|fifty-three|13|26|39|52|53)"
    rf"(?:-|{_W})(?:months?|weeks?)|half(?:-|{_W})years?|periods?|months?)"
    rf"(?:(?:,|{_W}and|{_W}&|{_W}and{_W}the)(?:{_W}(?:fiscal|full))?(?:{_W}(?:first|second|third|fourth))?{_W}"
    rf"(?:quarters?|years?|(?:six|nine|twelve|6|9|12|twenty-six|thirty-nine|fifty-two|26|39|52)(?:-|{_W})(?:months?|weeks?)|fiscal{_W}years?|full{_W}years?))*)"
    rf"(?:{_W}of)?(?:{_W}(?:fiscal|the|its|our))?(?:{_W}(?:fiscal|calendar))?(?:{_W}year)?(?:{_W}(?:19|20)\d\d)?,?{_W}(?:then{_W})?ended(?:{_W}on)?,?{_W}",
    re.I,
)
_RESULTS_WORDS = re.compile(
    r"\b(?:results|earnings|financial[ \t\n]+(?:results|performance|information|statements)|operating[ \t\n]+results|"
    r"net[ \t\n]+(?:income|loss|sales|revenues?)|revenues?|sales|profits?)\b",
    re.I,
)
_ANNOUNCE_RESULTS = re.compile(
    r"\b(?:announc\w*|report\w*|releas\w*|issu\w*|disclos\w*|publish\w*|discuss\w*|regarding|relating|setting[ \t\n]+forth|"
    r"containing|contains|provid\w*)\b[^.]{0,160}?\b(?:results|earnings)\b",
    re.I,
)
# Guidance and certifications are not results (gold README).
_NOT_RESULTS = re.compile(
    r"\b(?:guidance|outlook|forecasts?|estimates?|expects?|expected|projections?|preliminary|anticipat\w+|"
    r"certifications?|Section[ \t\n]+906|18[ \t\n]+U\.?S\.?C\.?)\b",
    re.I,
)
# The sentence that says what was released ("issued a press release announcing ...").
# Anchored at a sentence start: an unanchored leading [^.]* under .search() retries from every
# position of a long sentence (quadratic; ~1 ms per filing over the corpus).
_LEAD_SENTENCE = re.compile(
    r"(?:\A|(?<=\.))[^.]*\b(?:press[ \t\n]+release|news[ \t\n]+release|announc\w*|issued|provided|published|letter)\b[^.]*",
    re.I,
)
_GUIDANCE = re.compile(r"\b(?:guidance|outlook|forecasts?)\b", re.I)
_EXHIBIT = re.compile(r"\bExhibits?[ \t\n]+(?:No\.?[ \t\n]*)?(99(?:\.\d{1,2})?)\b", re.I)
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


@extractor("results", items=("2.02", "7.01", "8.01"), description="Announcement of financial results")
def extract_results(filing: Filing) -> ExtractResult:
    """Announcement of financial results for a period."""
    dotted = any("." in i.code for i in filing.items)
    codes = {i.code for i in filing.items}
    secs: list[tuple[Section, bool]] = []
    for sec in item_sections(filing, ("2.02", "7.01", "8.01")):
        if sec.code_2004 == "2.02":
            if dotted and "." not in sec.code and sec.code != "12":
                continue
            secs.append((sec, False))
        elif sec.code in ("9", "5") and not dotted:
            # Old Item 9 (Regulation FD) and Item 5 (other events) carried earnings releases before
            # Item 12 existed (0001012870-03-001933).
            secs.append((sec, True))
    old_item = not dotted and bool(codes & {"5", "9", "12"})
    if not secs and not old_item:
        return ExtractResult()
    try:
        rec = _read(filing, secs) if secs else None
        if rec is None and old_item and not any(s.code == "12" for s, _ in secs):
            # An old Item 5 / 9 whose body the item finder could not delimit, with an attached
            # earnings release headed "... ANNOUNCES ... SECOND QUARTER RESULTS" (0000912057-00-043726).
            rec = _from_release(filing, None, "results.release_headline", headline=True)
    except Exception as e:  # never lose the filing to a rule's bug
        return ExtractResult(warnings=[f"results: {type(e).__name__}: {e}"])
    return ExtractResult(results=rec)


# A release headline or opening that reports results: "ANNOUNCES ... SECOND QUARTER RESULTS",
# "reported results for the three months and nine months ended June 30, 2004".
_RELEASE_RESULTS = re.compile(
    r"\b(?:announc\w*|report\w*|post\w*|releas\w*)\b[^.]{0,160}?"
    r"(?:\b(?:quarter|year|months|half|fiscal|annual|quarterly|weeks)\b[^.]{0,60}?\b(?:results|earnings)\b"
    r"|\b(?:results|earnings)[ \t\n]+(?:for|of)[ \t\n]+[^.]{0,60}?\b(?:quarter|year|months|half|fiscal|weeks)\b)",
    re.I,
)
# Results that are not financial: "announces positive Phase 3 results from a one-year study".
_OTHER_RESULTS = re.compile(
    r"\b(?:trials?|study|studies|clinical|phase|survey|tests?|testing|tender|offer|election|voting|drilling)\b",
    re.I,
)
_FUTURE = re.compile(
    r"\b(?:will|to|shall|plans?[ \t\n]+to|expects?[ \t\n]+to|intends?[ \t\n]+to|scheduled[ \t\n]+to)[ \t\n]+(?:\w+[ \t\n]+)?\Z",
    re.I,
)


_FROM_RELEASE_RX1 = re.compile(r"\b(?:will|to)[ \t\n]+(?:announce|report|release|post)\b", re.I)


def _from_release(
    filing: Filing, number: str | None, rule: str, headline: bool = False, sec: Section | None = None
) -> Results | None:
    """Results read from the press release alone: its headline (``headline``), or its opening,
    announces results of a period; guidance, outlooks and preliminary figures are not results."""
    for doc in _releases(filing, number):
        head = doc.text[: 600 if headline else 3000]
        rm = next(
            (
                m
                for m in _RELEASE_RESULTS.finditer(head)
                # "Tesla will post its financial results for the fourth quarter ... on January 24"
                # (0000950170-24-000282), "XYZ to Announce Third Quarter Results": a date, not results.
                if not _FUTURE.search(head, max(0, m.start() - 30), m.start())
            ),
            None,
        )
        if rm is None or _FROM_RELEASE_RX1.search(head[:300]):
            continue
        if _NOT_RESULTS.search(head[: rm.end()]) or _OTHER_RESULTS.search(rm.group(0)):
            continue
        if headline and head[: rm.start()].count("\n\n") > 6:
            continue  # not the headline: the words sit deep in the body
        period = _find_period(doc, 0, min(len(doc.text), 60000))
        evd: dict[str, Evidence] = {"found": ev(doc, rm.start(), rm.end())}
        kw = _period_fields(period, evd)
        _fiscal_year(kw, evd, [(doc, 0, 1500)])
        kw["press_release_exhibit"] = doc.type.upper().removeprefix("EX-") or None
        if sec is not None:
            evd["found"] = ev(sec.doc, *_trim_span(sec.doc.text, sec.start, min(sec.end, sec.start + 300)))
        return Results(
            confidence=0.8 if period else 0.65,
            rule=rule,
            evidence=evd,
            **kw,  # type: ignore[arg-type]
        )
    return None


_READ_RX1 = re.compile(r"[\s.]*(?:none|not applicable|n/?a)[\s.]*", re.I)
_READ_RX2 = re.compile(r"\b(?:results|earnings)\b", re.I)
_READ_RX3 = re.compile(r"\bended\b", re.I)
_READ_RX4 = re.compile(r"\b(?:quarter|year|months)\b", re.I)


def _read(filing: Filing, secs: list[tuple[Section, bool]]) -> Results | None:
    for sec, strict in secs:
        text = sec.text
        if len(text.strip()) < 20 or _READ_RX1.fullmatch(text):
            continue
        low = fold_case(text)
        lead = _LEAD_SENTENCE_F.search(text, low)
        if lead and _GUIDANCE.search(lead.group(0)) and not _READ_RX2.search(lead.group(0)):
            continue  # "provided updated financial guidance for ...", "revising its guidance": not results
        announce = _ANNOUNCE_RESULTS_F.search(text, low)
        period = _find_period(sec.doc, sec.start, sec.end)
        if strict:
            # An old Item 9 / Item 5 must announce results of an ended period.
            if not announce or (period is None and not _READ_RX4.search(text)):
                continue
            sent = _sentence_at(text, announce.start())
            if _NOT_RESULTS.search(sent) and not _READ_RX3.search(sent):
                continue
        elif not announce and period is None and _NOT_RESULTS.search(text):
            continue  # Item 2.02 that speaks of guidance, a forecast, a certification
        elif not announce and period is None and not _RESULTS_WORDS.search(text):
            # Item 2.02 / old Item 12 that only points to its exhibit ("issued a press release,
            # attached hereto as Exhibit 99.1"): the release says whether it reports results
            # (0001125282-04-003595).
            ex = _EXHIBIT.search(text)
            rec = _from_release(
                filing,
                ex.group(1) if ex else None,
                "results.item_" + sec.code.replace(".", "_") + "_release",
                sec=sec,
            )
            if rec is not None:
                return rec
            continue
        ex = _EXHIBIT.search(text)
        if period is None:
            for doc in _releases(filing, ex.group(1) if ex else None):
                period = _find_period(doc, 0, min(len(doc.text), 60000), _named_years(text))
                if period is not None:
                    break
        evd: dict[str, Evidence] = {
            "found": ev(sec.doc, *_trim_span(sec.doc.text, sec.start, min(sec.end, sec.start + 300)))
        }
        kw = _period_fields(period, evd)
        _fiscal_year(
            kw,
            evd,
            [(sec.doc, sec.start, sec.end)]
            + [(d, 0, 1500) for d in _releases(filing, ex.group(1) if ex else None)[:1]],
        )
        if ex:
            kw["press_release_exhibit"] = ex.group(1)
            evd["press_release_exhibit"] = ev(sec.doc, sec.start + ex.start(1), sec.start + ex.end(1))
        return Results(
            confidence=0.9 if period else 0.75,
            rule="results.item_" + sec.code.replace(".", "_"),
            evidence=evd,
            **kw,  # type: ignore[arg-type]
        )
    return None


_PERIOD_FIELDS_RX1 = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\b", re.I)
_PERIOD_FIELDS_RX2 = re.compile(r"\b(?:three|3|thirteen|13)[ -]")
_PERIOD_FIELDS_RX3 = re.compile(r"\bhalf|\b(?:six|6)[ -]months")
_PERIOD_FIELDS_RX4 = re.compile(r"\byears?\b|months")
_PERIOD_FIELDS_RX5 = re.compile(r"\byears?\b|twelve|52|53|fifty")


def _period_fields(period: tuple | None, evd: dict[str, Evidence]) -> dict[str, object]:
    kw: dict[str, object] = {}
    if period is None:
        return kw
    iso, doc, ps, pe, kind_span, kind = period
    kw["period_end"] = iso
    evd["period_end"] = ev(doc, ps, pe)
    evd["period_type"] = ev(doc, *kind_span)
    k = kind.lower()
    if ("quarter" in k and not _PERIOD_FIELDS_RX4.search(k)) or (
        _PERIOD_FIELDS_RX2.search(k) and "and" not in k
    ):
        kw["period_type"] = "quarter"
    elif _PERIOD_FIELDS_RX3.search(k) and "and" not in k:
        kw["period_type"] = "half"
    elif _PERIOD_FIELDS_RX5.search(k) and "quarter" not in k and "and" not in k:
        kw["period_type"] = "year"
    om = _PERIOD_FIELDS_RX1.search(k)
    if om and "quarter" in k:
        kw["fiscal_quarter"] = _ORDINAL[om.group(1).lower()]
    return kw


# "first quarter of fiscal 2024", "fiscal year 2023", "fourth quarter and full year 2023", "Q3 2024",
# "2024 second quarter": the year that names the reported period.
_FISCAL_YEAR = re.compile(
    r"\b(?:fiscal(?:[ \t\n]+year)?|(?:first|second|third|fourth)[ \t\n]+quarter(?:[ \t\n]+of)?(?:[ \t\n]+fiscal(?:[ \t\n]+year)?)?|"
    r"full[ \t\n]+(?:fiscal[ \t\n]+)?year|Q[1-4])[ \t\n]+(?:FY)?(?P<y>(?:19|20)\d\d)\b"
    r"|\b(?P<y2>(?:19|20)\d\d)[ \t\n]+(?:fiscal[ \t\n]+year|(?:first|second|third|fourth)[ \t\n]+(?:fiscal[ \t\n]+)?quarter)\b",
    re.I,
)


def _fiscal_year(
    kw: dict[str, object], evd: dict[str, Evidence], where: list[tuple[Document, int, int]]
) -> None:
    """The fiscal year the filing names for its period: the first one printed in a sentence about
    results (item, then the release's opening), never in one about guidance or estimates
    ("estimates related to its fiscal 2013 second quarter"). It must agree with a printed period
    end: a calendar-named period ("fourth quarter of 2003") ends in its year, a fiscal year may
    end in the next calendar year or, when it ends in January or February, be named for the
    year before."""
    pe = str(kw["period_end"]) if kw.get("period_end") else None
    for doc, a, b in where:
        text = doc.text
        b = min(b, len(text))
        # Over the lower-case text (see events_text.Folded) from one character before ``a``, what
        # ``\b`` there looks at; a text without any of the words every match holds has none.
        off = max(0, a - 1)
        low = fold_case(text[off:b])
        if low is not None and not has_stem(low, _FISCAL_YEAR_STEMS):
            continue
        shift = off if low is not None else 0
        for m in (
            _FISCAL_YEAR_F.finditer(low, a - off) if low is not None else _FISCAL_YEAR.finditer(text, a, b)
        ):
            sent = _sentence_at(text, m.start() + shift)
            if _NOT_YEAR_SENTENCE.search(sent) or not _YEAR_SENTENCE.search(sent):
                continue
            g = "y" if m.group("y") else "y2"
            y = int(m.group(g))
            if pe is not None:
                ey, month = int(pe[:4]), int(pe[5:7])
                ok = {ey} | ({ey - 1} if month <= 2 else set())
                if "fiscal" in m.group(0).lower():
                    ok.add(ey + 1)
                if y not in ok:
                    return  # the first year named is not this period's: leave it unset
            kw["fiscal_year"] = y
            evd["fiscal_year"] = ev(doc, m.start(g) + shift, m.end(g) + shift)
            return


_FISCAL_YEAR_F = Folded(_FISCAL_YEAR).low
_FISCAL_YEAR_STEMS = ("fiscal", "quarter", "year", "q1", "q2", "q3", "q4")
_YEAR_SENTENCE = re.compile(r"\b(?:results|earnings|report\w*|announc\w*|ended)\b", re.I)
_NOT_YEAR_SENTENCE = re.compile(
    r"\b(?:guidance|outlook|forecasts?|estimates?|expects?|expected|forward-looking|projections?|anticipat\w+)\b",
    re.I,
)


def _trim_span(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _sentence_at(text: str, pos: int) -> str:
    a = max(text.rfind(". ", 0, pos), text.rfind("\n\n", 0, pos))
    b = text.find(". ", pos)
    return text[a + 1 : b if b >= 0 else len(text)]


def _releases(filing: Filing, number: str | None) -> list[Document]:
    docs = press_releases(filing)
    if number:
        # The exhibit the item names first ("furnished as Exhibit 99.1"), then the others.
        want = number.replace("99.0", "99.")
        docs.sort(key=lambda d: 0 if d.type.upper().replace("EX-", "").replace("99.0", "99.") == want else 1)
    return docs


_NAMED_YEARS_RX1 = re.compile(
    r"\b(?:quarter|year|fiscal|half)[ \t\n]+(?:of[ \t\n]+)?(?:fiscal[ \t\n]+)?((?:19|20)\d\d)\b", re.I
)


def _named_years(text: str) -> set[int]:
    """Years the item names for its period ("first quarter of 2025", "fiscal 2012 full year")."""
    return {int(y) for y in _NAMED_YEARS_RX1.findall(text)}


def _find_period(
    doc: Document, start: int, end: int, years: set[int] | None = None
) -> tuple[str, Document, int, int, tuple[int, int], str] | None:
    """The first "<period> ended <date>" whose sentence speaks of results, not of guidance.

    ``years``: the years the item names for the period; a date in another year (a prior-year
    comparison) is skipped. A fiscal year may end early in the next calendar year.
    """
    text = doc.text
    # Read over the lower-case text (see events_text.Folded) from one character before ``start``,
    # what ``\b`` there looks at; every match ends with "ended", so a text without it has none.
    off = max(0, start - 1)
    low = fold_case(text[off:end])
    if low is not None and "ended" not in low:
        return None
    found = (
        (
            (m.start() + off, m.end() + off, m.start("kind") + off, m.end("kind") + off)
            for m in _PERIOD_ENDED_F.finditer(low, start - off)
        )
        if low is not None
        else (
            (m.start(), m.end(), m.start("kind"), m.end("kind"))
            for m in _PERIOD_ENDED.finditer(text, start, end)
        )
    )
    for m_start, m_end, k_start, k_end in found:
        d = find_date(text, m_end, min(end, m_end + 30))
        if d is None or d[1] != m_end:
            # "quarter ended March 31" without a year: only a full date counts.
            dm = DATE_MDY.match(text, m_end)
            if not dm:
                continue
            d = find_date(text, dm.start(), dm.end())
            if d is None:
                continue
        if years and not any(abs(int(d[0][:4]) - y) <= 1 for y in years):
            continue
        if _FILING_BEFORE.search(text[max(0, m_start - 60) : m_start]):
            continue  # "our annual report on Form 10-K for the fiscal year ended ...": a filing, not results
        sent = _sentence_at(text, m_start)
        if ("Form" in sent or "Report" in sent) and _FILING_IN.search(sent) and not _RESULTS_IN.search(sent):
            continue  # "filed its Quarterly Report on Form 10-Q for the quarter ended ...": a filing, not results
        if _GUIDANCE_IN_F.search(sent, fold_case(sent)) and not _RESULTS_REPORTED_IN.search(sent):
            continue
        return d[0], doc, d[1], d[2], (k_start, k_end), text[k_start:k_end]
    return None


_PERIOD_ENDED_F = Folded(_PERIOD_ENDED).low
_LEAD_SENTENCE_F = Folded(
    _LEAD_SENTENCE, ("press", "news", "announc", "issued", "provided", "published", "letter")
)
_ANNOUNCE_RESULTS_F = Folded(_ANNOUNCE_RESULTS, ("results", "earnings"))
_FILING_BEFORE = re.compile(r"(?:Form[ \t\n]+10-[QK]|Report)\b[^.]{0,40}$")
_FILING_IN = re.compile(r"\b(?:Form[ \t\n]+10-[QK]|Quarterly[ \t\n]+Report|Annual[ \t\n]+Report)\b")
_RESULTS_IN = re.compile(r"\b(?:results|earnings)\b", re.I)
_GUIDANCE_IN = re.compile(r"\b(?:guidance|outlook|forecast|expects?|estimates?)\b", re.I)
_RESULTS_REPORTED_IN = re.compile(r"\b(?:results|earnings|reported|announc\w*)\b", re.I)
_GUIDANCE_IN_F = Folded(_GUIDANCE_IN, ("guidance", "outlook", "forecast", "expect", "estimate"))
