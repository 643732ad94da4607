"""Results of a shareholder vote (Item 5.07, "Submission of Matters to a Vote of Security Holders").

``meeting_date`` is the date of the meeting whose results are reported: a date in a sentence that
speaks of the meeting ("held its Annual Meeting of Shareholders on May 17, 2024", "On January 17,
2019, at the Annual Meeting, ..."), never the record date or the date a proxy statement was filed.
When Item 5.07 prints no date, the other items of the 8-K are read the same way
(0000320187-25-000060 prints it in Item 5.02 too).

Proposals are read from the usual layout: a numbered heading ("Proposal 2 - Advisory Vote on
Executive Compensation", "3. Ratification of ...") followed by a header row ("For Against Abstain
Broker Non-Votes") and a row of counts. Director elections list one row per nominee and are kept as
one proposal without counts.
"""

from __future__ import annotations

import re

from eightk.extract.events_text import Section, ev, item_sections, sentences
from eightk.extract.registry import ExtractResult, extractor
from eightk.model import Evidence, Filing, Proposal, ShareholderVote
from eightk.parse.dates import iter_dates

_MEETING = re.compile(
    r"\b(?:(?P<type>annual|special)(?:[ \t\n]+(?:general|shareholders'?|stockholders'?|shareowners'?))?[ \t\n]+)?meeting\b",
    re.I,
)
# Dates that are not the meeting's: record dates, filing dates of proxy statements, plan dates.
_NOT_MEETING_DATE = re.compile(
    r"(?:record[ \t\n]+date|close[ \t\n]+of[ \t\n]+business|filed|dated|as[ \t\n]+of|proxy[ \t\n]+statement|"
    r"expir\w*|through|until|fiscal[ \t\n]+year|ending|ended|adjourned[ \t\n]+to)[^.]{0,40}$",
    re.I,
)
_HELD = re.compile(r"\b(?:held|convened|took[ \t\n]+place|meeting|at[ \t\n]+the)\b", re.I)


@extractor("votes", items=("5.07",), description="Results of a shareholder vote")
def extract_votes(filing: Filing) -> ExtractResult:
    """Results of a vote of security holders (Item 5.07)."""
    secs = [s for s in item_sections(filing, ("5.07",)) if "." in s.code]
    if not secs:
        return ExtractResult()
    sec = secs[0]
    if len(sec.text.strip()) < 20:
        return ExtractResult()
    try:
        return ExtractResult(shareholder_vote=_read(filing, sec))
    except Exception as e:  # never lose the filing to a rule's bug
        return ExtractResult(
            shareholder_vote=ShareholderVote(confidence=0.5, rule="votes.item_5_07"),
            warnings=[f"votes: {type(e).__name__}: {e}"],
        )


def _read(filing: Filing, sec: Section) -> ShareholderVote:
    evd: dict[str, Evidence] = {}
    kw: dict[str, object] = {}
    found = _meeting_date(sec)
    if found is None:
        for other in item_sections(filing, ("5.02", "8.01", "5.03", "7.01")):
            found = _meeting_date(other)
            if found is not None:
                break
    if found is not None:
        iso, doc, ds, de, mtype, ts, te = found
        kw["meeting_date"] = iso
        evd["meeting_date"] = ev(doc, ds, de)
        if mtype:
            kw["meeting_type"] = mtype
            evd["meeting_type"] = ev(doc, ts, te)
    else:
        mm = _MEETING.search(sec.text)
        if mm and mm.group("type"):
            kw["meeting_type"] = mm.group("type").lower()
            evd["meeting_type"] = ev(sec.doc, sec.start + mm.start(), sec.start + mm.end())
    proposals = _proposals(sec)
    return ShareholderVote(
        proposals=tuple(proposals),
        confidence=0.9 if "meeting_date" in kw else 0.7,
        rule="votes.item_5_07",
        evidence=evd,
        **kw,  # type: ignore[arg-type]
    )


def _meeting_date(sec: Section) -> tuple[str, object, int, int, str | None, int, int] | None:
    text, doc = sec.doc.text, sec.doc
    for a, b in sentences(text, sec.start, sec.end, lines=doc.format in ("html", "ixbrl")):
        mm = _MEETING.search(text, a, b)
        if not mm:
            continue
        sent = text[a:b]
        if not _HELD.search(sent):
            continue
        best = None
        for iso, ds, de in iter_dates(text, a, b):
            if _NOT_MEETING_DATE.search(text[max(a, ds - 60) : ds]):
                continue
            dist = abs(ds - mm.start())
            if best is None or dist < best[0]:
                best = (dist, iso, ds, de)
        if best is None:
            continue
        mtype = mm.group("type").lower() if mm.group("type") else None
        return best[1], doc, best[2], best[3], mtype, mm.start(), mm.end()
    return None


_PROP_HEAD = re.compile(
    r"(?m)^[ \t]*(?:\(?(?:Proposal|Item|Management[ \t]+Proposal|Shareholder[ \t]+Proposal)(?:[ \t]+No\.?)?[ \t]*"
    r"(?P<n1>\d{1,2})\)?|\(?(?P<n2>\d{1,2})[.)])[ \t]*[:.\-–—]?[ \t]*(?P<desc>[^\n]{3,300})"
)
_HEADER = re.compile(r"(?i)\b(?:votes[ \t]+)?(?:cast[ \t]+)?for\b")
_NUM = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\w.,])\d{1,9}(?![\d,.])")
_COLS = (
    ("votes_for", re.compile(r"(?i)^(?:votes[ \t]+)?(?:cast[ \t]+)?for$|^shares[ \t]+for$")),
    (
        "votes_against",
        re.compile(r"(?i)^(?:votes[ \t]+)?(?:cast[ \t]+)?against$|^withheld$|^votes[ \t]+withheld$"),
    ),
    ("abstentions", re.compile(r"(?i)^(?:votes[ \t]+)?abstain(?:ed|s|tions?)?$|^abstentions?$")),
    ("broker_non_votes", re.compile(r"(?i)^broker[ \t-]*non[ \t-]*votes?$")),
)


# An unnumbered heading line ending with a colon, directly above its counts (0001104659-24-057038,
# IBM: "Ratification of Appointment of Independent Registered Public Accounting Firm:" then
# "For\t673,156,721\t94.0\t%" / "Against\t..." / "Abstain\t..."): used when no heading is numbered.
_COLON_HEAD = re.compile(
    r"(?m)^[ \t]*(?:\(?[a-z]{1,4}\)[ \t]+)?(?P<desc>[A-Z][^\n\t:]{5,250}):[ \t]*$(?=\n[ \t]*(?:for|votes|director|nominee|name)\b)",
    re.I,
)


_SPACES = re.compile(r"\s+")
_NUMBERS_ONLY = re.compile(r"[\d,.%\s]+")
_DIRECTORS = re.compile(r"\belect(?:ion|ed|ing)?\b[^\n]{0,40}\bdirectors?\b|\bnominees?\b")
_ELECTED = re.compile(r"\bwere[ \t\n]+(?:duly[ \t\n]+)?elected|\belected\b")
_NOT_APPROVED = re.compile(
    r"\b(?:not[ \t\n]+approved|did[ \t\n]+not[ \t\n]+(?:pass|receive|approve)|failed|was[ \t\n]+not[ \t\n]+ratified|rejected)\b"
)
_APPROVED = re.compile(r"\b(?:approved|ratified|adopted|passed)\b")


def _proposals(sec: Section) -> list[Proposal]:
    text = sec.text
    heads = [
        m for m in _PROP_HEAD.finditer(text) if not _NUM.fullmatch(m.group("desc").split("\t")[0].strip())
    ]
    if not heads:
        heads = list(_COLON_HEAD.finditer(text))
    out: list[Proposal] = []
    for i, m in enumerate(heads):
        block = text[m.start() : heads[i + 1].start() if i + 1 < len(heads) else len(text)]
        desc = _SPACES.sub(" ", m.group("desc").split("\t")[0]).strip(" :.-")
        if len(desc) < 3 or _NUMBERS_ONLY.fullmatch(desc):
            continue
        low = block.lower()
        director = bool(_DIRECTORS.search(low))
        counts = {} if director else _counts(block)
        outcome = None
        if director and _ELECTED.search(low):
            outcome = "elected"
        elif _NOT_APPROVED.search(low):
            outcome = "not_approved"
        elif _APPROVED.search(low):
            outcome = "approved"
        out.append(Proposal(description=desc[:300], outcome=outcome, **counts))  # type: ignore[arg-type]
        if len(out) >= 40:
            break
    return out


def _counts(block: str) -> dict[str, int]:
    lines = block.split("\n")
    for i, line in enumerate(lines):
        if "for" not in line.lower():
            continue  # no "For" column (every votes_for cell ends in "for"): no header row
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        names = []
        for c in cells:
            for key, rx in _COLS:
                if rx.match(c):
                    names.append(key)
                    break
        if len(names) < 2 or "votes_for" not in names:
            continue
        for row in lines[i + 1 : i + 4]:
            cells = [c.strip() for c in row.split("\t") if c.strip()]
            nums = [c for c in cells if _NUM.fullmatch(c)]
            if len(nums) >= len(names):
                nums = nums[-len(names) :]
                return {k: int(v.replace(",", "")) for k, v in zip(names, nums, strict=True)}
    # One count per line: "For\t673,156,721\t94.0\t%", "Against\t43,097,322", "Abstain\t3,680,553".
    got: dict[str, int] = {}
    for line in lines[1:12]:
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        if len(cells) < 2 or not _NUM.fullmatch(cells[1]):
            if got:
                break
            continue
        key = next((k for k, rx in _COLS if rx.match(cells[0])), None)
        if key is None or key in got:
            break
        got[key] = int(cells[1].replace(",", ""))
    return got if "votes_for" in got and len(got) >= 2 else {}
