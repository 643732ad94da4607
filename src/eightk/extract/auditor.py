"""Changes in the registrant's certifying accountant (Item 4.01; old Item 4).

The body of Item 4.01 follows Regulation S-K Item 304 closely: a paragraph on the firm that was
dismissed, resigned or declined to stand for re-appointment (with its date), statements on
disagreements and reportable events, and a paragraph on the firm engaged. Firms are found by their
legal suffix ("Grant Thornton LLP", "PMB Helin Donovan, LLP", "Burr, Pilger & Mayer LLP") or a
well-known name ("KPMG", "Ernst & Young"); each firm is then classed by the verb of its sentence.

An Item 4.01 that only engages a new firm (0001275287-06-001989) still reports a change; the former
firm is then unknown (None).
"""

from __future__ import annotations

import re

from eightk.extract.events_text import Section, ev, flat, item_sections, sentences
from eightk.extract.registry import ExtractResult, extractor
from eightk.model import AuditorChange, Evidence, Filing
from eightk.parse.dates import find_date

_SUFFIX = (
    r"(?:LLP|L\.L\.P\.?|LLC|L\.L\.C\.?|P\.C\.?|P\.A\.?|PLLC|P\.L\.L\.C\.?|Chartered|CPAs?|Ltd\.?|Limited)"
)
_TOKEN = r"(?:[A-Z][A-Za-z'’\-]*\.?|&)"
FIRM = re.compile(
    rf"(?<![\w&])(?:{_TOKEN},?[ \t\n]+){{1,6}}?,?[ \t\n]*{_SUFFIX}(?![A-Za-z])"
    r"|(?<![\w&])(?:KPMG(?:[ \t\n]+(?:LLP|Peat[ \t\n]+Marwick))?|Deloitte[ \t\n]*&[ \t\n]*Touche(?:[ \t\n]+LLP)?|"
    r"Ernst[ \t\n]*&[ \t\n]*Young(?:,?[ \t\n]+LLP)?|PricewaterhouseCoopers(?:[ \t\n]+LLP)?|Arthur[ \t\n]+Andersen(?:[ \t\n]+LLP)?|"
    r"Grant[ \t\n]+Thornton(?:[ \t\n]+LLP)?|BDO(?:[ \t\n]+(?:USA|Seidman))?(?:,?[ \t\n]+LLP)?|Moss[ \t\n]+Adams(?:[ \t\n]+LLP)?)(?![A-Za-z])"
)
# Capitalized words that start a sentence or a clause, not a firm's name.
_LEAD_JUNK = re.compile(
    r"^(?:(?:The|On|In|As|At|By|For|During|Each|Neither|Prior|Company|Committee|Audit|Board|Directors|Registrant|"
    r"Inc\.?|Corporation|And|Our|We|It|Its|Also|Effective|Item|Exhibit|A|An)[ \t\n,]+)+"
)
_FORMER = re.compile(
    r"\b(?:dismiss(?:ed|al|ing)?|terminat(?:ed|e|ion)|replac(?:ed|e|ing)|"
    r"resign(?:ed|s|ation)?|declin(?:ed|e|es)[ \t\n]+to[ \t\n]+stand|will[ \t\n]+not[ \t\n]+stand|not[ \t\n]+to[ \t\n]+stand|"
    r"(?:former|previous|prior)[ \t\n]+(?:independent|certifying|registered|auditor|accountant))",
    re.I,
)
_NEW = re.compile(
    r"\b(?:engag(?:ed|e|ement|ing)|appoint(?:ed|ment)|retain(?:ed)?|select(?:ed|ion)|approv(?:ed|al)[ \t\n]+(?:of[ \t\n]+)?the[ \t\n]+(?:engagement|appointment)|"
    r"new[ \t\n]+(?:independent|certifying|registered|auditor|accountant))",
    re.I,
)
_NOT_CONSULTED = re.compile(r"\b(?:consult(?:ed)?|letter|agrees|concur|furnish|copy|provided)\b", re.I)


_FIRMS_RX1 = re.compile(r"[A-Z]")


def firms(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    out = []
    for m in FIRM.finditer(text, start, end):
        s, e = m.start(), m.end()
        junk = _LEAD_JUNK.match(text, s, e)
        if junk:
            s = junk.end()
        name = flat(text[s:e]).strip(" ,")
        if len(name) < 4 or not _FIRMS_RX1.match(name):
            continue
        if re.fullmatch(rf"{_SUFFIX}", name):
            continue
        out.append((name, s, e))
    return out


_KEY_RX1 = re.compile(r"[^a-z& ]+")
_KEY_RX2 = re.compile(r"\b(?:llp|l l p|llc|l l c|p c|p a|pllc|chartered|cpas?|ltd|limited)\b")


def _key(name: str) -> str:
    n = _KEY_RX1.sub(" ", name.lower())
    n = _KEY_RX2.sub(" ", n)
    return " ".join(n.split())


@extractor("auditor", items=("4.01",), description="Change in the certifying accountant")
def extract_auditor(filing: Filing) -> ExtractResult:
    """Change in the registrant's certifying accountant."""
    dotted = any("." in i.code for i in filing.items)
    secs = [s for s in item_sections(filing, ("4.01",)) if not (dotted and "." not in s.code)]
    for sec in secs:
        try:
            rec = _read(sec)
        except Exception as e:  # never lose the filing to a rule's bug
            return ExtractResult(warnings=[f"auditor: item {sec.code}: {type(e).__name__}: {e}"])
        if rec is not None:
            return ExtractResult(auditor_change=rec)
    return ExtractResult()


_READ_RX1 = re.compile(
    r"\b(?:no|not[ \t\n]+(?:been[ \t\n]+)?any|were[ \t\n]+no|have[ \t\n]+been[ \t\n]+no|neither)\b[^.]{0,60}\bdisagreements?\b",
    re.I,
)
_READ_RX2 = re.compile(
    r"\b(?:no|none[ \t\n]+of[ \t\n]+the|not[ \t\n]+(?:been[ \t\n]+)?any|were[ \t\n]+no)\b[^.]{0,40}\breportable[ \t\n]+events?\b",
    re.I,
)
_READ_RX3 = re.compile(
    r"\b(?:approved|recommended|made|authorized)\b[^.]{0,60}\baudit[ \t\n]+committee\b|\baudit[ \t\n]+committee\b[^.]{0,80}\b(?:approved|engaged|dismissed|decided|authorized)\b",
    re.I,
)
_READ_RX4 = re.compile(r"[\s.]*(?:none|not applicable|n/?a)[\s.]*", re.I)
_READ_RX5 = re.compile(r"dismiss|resign|declin", re.I)


def _read(sec: Section) -> AuditorChange | None:
    text, doc = sec.doc.text, sec.doc
    if sec.end - sec.start < 40 or _READ_RX4.fullmatch(sec.text):
        return None
    evd: dict[str, Evidence] = {}
    former = new = date = kind = None
    for a, b in sentences(text, sec.start, sec.end, lines=doc.format in ("html", "ixbrl")):
        fs = firms(text, a, b)
        if not fs:
            continue
        sent = text[a:b]
        for name, s, e in fs:
            before = text[max(a, s - 160) : s]
            after = text[e : min(b, e + 160)]
            fm = _FORMER.search(before + " " + after)
            nm = _NEW.search(before)
            if former is None and fm and not (nm and nm.end() > fm.end() and not _FORMER.search(before)):
                word = fm.group(0).lower()
                if "consult" in sent.lower() and not _READ_RX5.search(sent):
                    continue
                former = name
                evd["former_auditor"] = ev(doc, s, e)
                kind = (
                    "resigned"
                    if word.startswith("resign")
                    else "declined"
                    if ("declin" in word or "stand" in word)
                    else "dismissed"
                )
                d = find_date(text, a, b)
                if d:
                    date = d[0]
                    evd["date"] = ev(doc, d[1], d[2])
                evd["kind"] = ev(doc, a, b)
                continue
            if (
                new is None
                and nm
                and _key(name) != _key(former or "")
                and not _NOT_CONSULTED.search(before[-60:])
            ):
                new = name
                evd["new_auditor"] = ev(doc, s, e)
    if former is None and new is None:
        return None
    disagreements = reportable = approved = None
    body = sec.text
    if _READ_RX1.search(body):
        disagreements = False
    if _READ_RX2.search(body):
        reportable = False
    if _READ_RX3.search(body):
        approved = True
    conf = 0.9 if former and new else 0.75
    return AuditorChange(
        former_auditor=former,
        new_auditor=new,
        date=date,
        kind=kind,  # type: ignore[arg-type]
        disagreements=disagreements,
        reportable_events=reportable,
        approved_by_audit_committee=approved,
        confidence=conf,
        rule="auditor.item_4_01",
        evidence=evd,
    )
