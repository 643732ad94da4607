"""The EDGAR SEC header, both dialects, to :class:`eightk.model.Header`.

Text dialect (``.txt``): ``LABEL:<tabs>value`` lines nested by leading tabs; long values wrap onto
indented continuation lines; ``ITEM INFORMATION:`` gives item *titles* (2004+) or old integers.
Tagged dialect (``.hdr.sgml``, feed ``.nc``): ``<ACCESSION-NUMBER>...`` with ``<ITEMS>5.02`` as codes.
"""

from __future__ import annotations

import difflib
import re

from eightk.model import Address, Filer, FormerName, Header

ITEM_TITLES: dict[str, str] = {
    "1.01": "Entry into a Material Definitive Agreement",
    "1.02": "Termination of a Material Definitive Agreement",
    "1.03": "Bankruptcy or Receivership",
    "1.04": "Mine Safety - Reporting of Shutdowns and Patterns of Violations",
    "1.05": "Material Cybersecurity Incidents",
    "2.01": "Completion of Acquisition or Disposition of Assets",
    "2.02": "Results of Operations and Financial Condition",
    "2.03": "Creation of a Direct Financial Obligation or an Obligation under an Off-Balance Sheet "
    "Arrangement of a Registrant",
    "2.04": "Triggering Events That Accelerate or Increase a Direct Financial Obligation or an Obligation "
    "under an Off-Balance Sheet Arrangement",
    "2.05": "Cost Associated with Exit or Disposal Activities",
    "2.06": "Material Impairments",
    "3.01": "Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard; Transfer of Listing",
    "3.02": "Unregistered Sales of Equity Securities",
    "3.03": "Material Modifications to Rights of Security Holders",
    "4.01": "Changes in Registrant's Certifying Accountant",
    "4.02": "Non-Reliance on Previously Issued Financial Statements or a Related Audit Report or Completed "
    "Interim Review",
    "5.01": "Changes in Control of Registrant",
    "5.02": "Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain "
    "Officers: Compensatory Arrangements of Certain Officers",
    "5.03": "Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year",
    "5.04": "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans",
    "5.05": "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics",
    "5.06": "Change in Shell Company Status",
    "5.07": "Submission of Matters to a Vote of Security Holders",
    "5.08": "Shareholder Nominations Pursuant to Exchange Act Rule 14a-11",
    "6.01": "ABS Informational and Computational Material",
    "6.02": "Change of Servicer or Trustee",
    "6.03": "Change in Credit Enhancement or Other External Support",
    "6.04": "Failure to Make a Required Distribution",
    "6.05": "Securities Act Updating Disclosure",
    "6.06": "Static Pool",
    "6.10": "Alternative Filings of Asset-Backed Issuers",
    "7.01": "Regulation FD Disclosure",
    "8.01": "Other Events",
    "9.01": "Financial Statements and Exhibits",
}
_OLD_TITLES: dict[str, str] = {
    "changes in control of registrant": "1",
    "acquisition or disposition of assets": "2",
    "bankruptcy or receivership": "3",
    "changes in registrant's certifying accountant": "4",
    "other events": "5",
    "other events and regulation fd disclosure": "5",
    "resignations of registrant's directors": "6",
    "financial statements and exhibits": "7",
    "financial statements, pro forma financial information and exhibits": "7",
    "change in fiscal year": "8",
    "regulation fd disclosure": "9",
    "results of operations and financial condition": "12",
}
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_FOLDED_TITLES = {_NOT_ALNUM.sub(" ", t.lower()).strip(): c for c, t in ITEM_TITLES.items()}
_FOLDED_TITLES.update(
    {
        "departure of directors or principal officers election of directors appointment of principal officers": "5.02",
        "departure of directors or certain officers election of directors appointment of certain officers": "5.02",
        "shareholder director nominations": "5.08",
        "costs associated with exit or disposal activities": "2.05",
        "material modification to rights of security holders": "3.03",
    }
)


def _fold(s: str) -> str:
    return _NOT_ALNUM.sub(" ", s.lower()).strip()


_OLD_FOLDED = [(_fold(k), v) for k, v in _OLD_TITLES.items()]
_CODE_ONLY = re.compile(r"(?:<ITEMS>)?\s*(\d{1,2}(?:\.\d{2})?)")
# The same titles recur in filing after filing; the fuzzy match (difflib, dozens of comparisons) is a
# pure function of the title and the numbering regime, so answers are kept.
_TITLE_CODES: dict[tuple[str, bool], str | None] = {}


def item_code_from_title(title: str, filed_date: str | None) -> str | None:
    """Map an ``ITEM INFORMATION`` string to a code: exact, then alias, then ~0.9 similarity."""
    old_regime = filed_date is not None and filed_date < "2004-08-23"
    key = (title, old_regime)
    try:
        return _TITLE_CODES[key]
    except KeyError:
        pass
    code = _code_from_title(title, old_regime)
    if len(_TITLE_CODES) >= 4096:
        _TITLE_CODES.clear()
    _TITLE_CODES[key] = code
    return code


def _code_from_title(title: str, old_regime: bool) -> str | None:
    t = title.strip()
    m = _CODE_ONLY.fullmatch(t)
    if m:
        return m.group(1)
    folded = _fold(t)
    if not folded:
        return None
    if old_regime:
        for k, v in _OLD_FOLDED:
            if k == folded:
                return v
    if folded in _FOLDED_TITLES:
        return _FOLDED_TITLES[folded]
    best, score = None, 0.0
    for k, v in _FOLDED_TITLES.items():
        r = difflib.SequenceMatcher(None, folded, k).ratio()
        if r > score:
            best, score = v, r
    if score >= 0.88:
        return best
    for k, v in _OLD_FOLDED:
        if difflib.SequenceMatcher(None, folded, k).ratio() >= 0.9:
            return v
    return None


def _iso(d: str | None) -> str | None:
    if not d:
        return None
    d = d.strip()
    if _D8.fullmatch(d):
        y, m, dd = d[:4], d[4:6], d[6:]
        if "01" <= m <= "12" and "01" <= dd <= "31":
            return f"{y}-{m}-{dd}"
    if _ISO_DATE.fullmatch(d):
        return d
    return None


_D8 = re.compile(r"\d{8}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_D14 = re.compile(r"\d{14}")
_D18 = re.compile(r"\d{18}")
_ACCESSION = re.compile(r"\d{10}-\d{2}-\d{6}")
_SIC_BRACKETS = re.compile(r"\[(\d{3,4})\]")
_SIC_ALONE = re.compile(r"\s*(\d{3,4})\s*")
_TAGGED = re.compile(r"<ACCESSION-NUMBER>|<SUBMISSION>|<FILING-DATE>", re.I)
_TAG_LINE = re.compile(r"\s*<([A-Z-]+)>\s*(.*)")


def _iso_dt(d: str | None) -> str | None:
    if not d or not _D14.fullmatch(d.strip()):
        return None
    d = d.strip()
    return f"{d[:4]}-{d[4:6]}-{d[6:8]}T{d[8:10]}:{d[10:12]}:{d[12:14]}"


_LINE = re.compile(r"^(\t*)([A-Z][A-Z0-9 ()/&.'-]*?):[^\S\n]*(.*)$")


def parse_header(text: str | None) -> Header | None:
    """Parse either header dialect; ``None`` when there is no header text."""
    if not text or not text.strip():
        return None
    if _TAGGED.search(text, 0, 5000):
        return _parse_tagged(text)
    return _parse_text(text)


def _parse_text(text: str) -> Header:
    # Join continuation lines: a line with deeper indentation and no "LABEL:" continues the previous value.
    lines: list[tuple[int, str, str]] = []  # (depth, label, value)
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            continue
        if stripped[0] == "<":
            tag = _TAG_LINE.match(raw)
            if tag:
                lines.append((0, tag.group(1), tag.group(2).strip()))
            continue
        m = _LINE.match(raw)
        if m:
            lines.append((len(m.group(1)), m.group(2).strip(), m.group(3).strip()))
        elif lines:
            d, lab, val = lines[-1]
            lines[-1] = (d, lab, (val + " " + raw.strip()).strip())
    top: dict[str, str] = {}
    items_raw: list[str] = []
    filers: list[Filer] = []
    cur: dict[str, str] | None = None
    section = ""
    sub: dict[str, dict[str, str]] = {}
    formers: list[FormerName] = []
    former_cur: dict[str, str] | None = None
    role_blocks = {"FILER", "SUBJECT COMPANY", "FILED BY", "ISSUER", "REPORTING-OWNER", "REPORTING OWNER"}

    def close_filer() -> None:
        nonlocal cur, sub, formers, former_cur
        if cur is not None:
            if former_cur:
                formers.append(_former(former_cur))
            filers.append(_filer_from(cur, sub, formers))
        cur, sub, formers, former_cur = None, {}, [], None

    for depth, label, value in lines:
        if label in role_blocks and not value:
            close_filer()
            cur = {} if label in ("FILER", "SUBJECT COMPANY") else None
            section = label
            continue
        if (
            cur is not None
            and depth >= 1
            and not value
            and label
            in (
                "COMPANY DATA",
                "FILING VALUES",
                "BUSINESS ADDRESS",
                "MAIL ADDRESS",
                "FORMER COMPANY",
            )
        ):
            if former_cur:
                formers.append(_former(former_cur))
                former_cur = None
            section = label
            if label == "FORMER COMPANY":
                former_cur = {}
            else:
                sub.setdefault(label, {})
            continue
        if cur is not None and depth >= 1:
            if section == "FORMER COMPANY" and former_cur is not None:
                former_cur[label] = value
            elif section in ("BUSINESS ADDRESS", "MAIL ADDRESS"):
                sub.setdefault(section, {})[label] = value
            else:
                cur[label] = value
            continue
        if depth == 0:
            if cur is not None and label not in role_blocks:
                close_filer()
            if label == "ITEM INFORMATION":
                if value:
                    items_raw.append(value)
            elif label not in top:
                top[label] = value
    close_filer()
    filed = _iso(top.get("FILED AS OF DATE"))
    codes = _codes(items_raw, filed)
    pdc = top.get("PUBLIC DOCUMENT COUNT", "")
    return Header(
        accession_number=_accession(top.get("ACCESSION NUMBER")),
        form_type=top.get("CONFORMED SUBMISSION TYPE") or None,
        filed_date=filed,
        period=_iso(top.get("CONFORMED PERIOD OF REPORT")),
        acceptance_datetime=_iso_dt(top.get("ACCEPTANCE-DATETIME")),
        date_of_change=_iso(top.get("DATE AS OF CHANGE")),
        public_document_count=int(pdc) if pdc.isdigit() else None,
        items=tuple(codes),
        items_raw=tuple(items_raw),
        filers=tuple(filers),
        dialect="ims" if "IMS-DOCUMENT" in text[:300] else "text",
    )


_MAX_ITEM_LINES = 64  # a real header declares at most a dozen; junk must not cost 40 difflib calls a line


def _codes(items_raw: list[str], filed: str | None) -> list[str]:
    out: list[str] = []
    for raw in items_raw[:_MAX_ITEM_LINES]:
        code = item_code_from_title(raw[:300], filed)
        if code and code not in out:
            out.append(code)
    return out


def _accession(v: str | None) -> str | None:
    if not v:
        return None
    v = v.strip()
    if _D18.fullmatch(v):
        return f"{v[:10]}-{v[10:12]}-{v[12:]}"
    return v if _ACCESSION.fullmatch(v) else v or None


def _former(d: dict[str, str]) -> FormerName:
    return FormerName(
        name=d.get("FORMER CONFORMED NAME", ""), date_changed=_iso(d.get("DATE OF NAME CHANGE"))
    )


def _sic(v: str | None) -> tuple[str | None, str | None]:
    if not v:
        return None, None
    m = _SIC_BRACKETS.search(v)
    if m:
        desc = v[: m.start()].strip() or None
        return m.group(1).zfill(4), desc
    m = _SIC_ALONE.fullmatch(v)
    if m:
        return m.group(1).zfill(4), None
    return None, v.strip() or None


def _addr(d: dict[str, str] | None) -> Address | None:
    if not d:
        return None
    return Address(
        street1=d.get("STREET 1") or d.get("STREET1") or None,
        street2=d.get("STREET 2") or d.get("STREET2") or None,
        city=d.get("CITY") or None,
        state=d.get("STATE") or None,
        zip=d.get("ZIP") or None,
        phone=d.get("BUSINESS PHONE") or d.get("PHONE") or None,
    )


def _filer_from(cur: dict[str, str], sub: dict[str, dict[str, str]], formers: list[FormerName]) -> Filer:
    sic, sic_desc = _sic(cur.get("STANDARD INDUSTRIAL CLASSIFICATION") or cur.get("ASSIGNED-SIC"))
    cik = cur.get("CENTRAL INDEX KEY") or cur.get("CIK")
    return Filer(
        cik=cik.strip().zfill(10) if cik and cik.strip().isdigit() else cik,
        name=cur.get("COMPANY CONFORMED NAME") or cur.get("CONFORMED-NAME") or None,
        sic=sic,
        sic_description=sic_desc,
        irs_number=cur.get("IRS NUMBER") or cur.get("EIN") or cur.get("IRS-NUMBER") or None,
        state_of_incorporation=cur.get("STATE OF INCORPORATION") or cur.get("STATE-OF-INCORPORATION") or None,
        fiscal_year_end=cur.get("FISCAL YEAR END") or cur.get("FISCAL-YEAR-END") or None,
        form_type=cur.get("FORM TYPE") or cur.get("FORM-TYPE") or None,
        sec_act=cur.get("SEC ACT") or cur.get("ACT") or None,
        file_number=cur.get("SEC FILE NUMBER") or cur.get("FILE-NUMBER") or None,
        film_number=cur.get("FILM NUMBER") or cur.get("FILM-NUMBER") or None,
        business_address=_addr(sub.get("BUSINESS ADDRESS")),
        mail_address=_addr(sub.get("MAIL ADDRESS")),
        former_names=tuple(formers),
    )


_TAG = re.compile(r"<(/?)([A-Z0-9][A-Z0-9-]*)>[^\S\n]*([^<\n]*)", re.I)


def _parse_tagged(text: str) -> Header:
    top: dict[str, str] = {}
    items: list[str] = []
    filers: list[Filer] = []
    stack: list[str] = []
    cur: dict[str, str] | None = None
    sub: dict[str, dict[str, str]] = {}
    formers: list[FormerName] = []
    former_cur: dict[str, str] | None = None
    containers = {
        "FILER",
        "SUBJECT-COMPANY",
        "FILED-BY",
        "COMPANY-DATA",
        "FILING-VALUES",
        "BUSINESS-ADDRESS",
        "MAIL-ADDRESS",
        "FORMER-COMPANY",
        "SUBMISSION",
        "SEC-HEADER",
        "REPORTING-OWNER",
        "ISSUER",
        "OWNER-DATA",
        "SERIES-AND-CLASSES-CONTRACTS-DATA",
    }
    for m in _TAG.finditer(text):
        closing, tag, value = m.group(1), m.group(2).upper(), m.group(3).strip()
        if tag in containers and not value:
            if closing:
                if tag in ("FILER", "SUBJECT-COMPANY") and cur is not None:
                    filers.append(_filer_from(cur, sub, formers))
                    cur, sub, formers = None, {}, []
                elif tag == "FORMER-COMPANY" and former_cur is not None:
                    formers.append(_former(former_cur))
                    former_cur = None
                if stack and stack[-1] == tag:
                    stack.pop()
            else:
                stack.append(tag)
                if tag in ("FILER", "SUBJECT-COMPANY"):
                    cur, sub, formers = {}, {}, []
                elif tag == "FORMER-COMPANY":
                    former_cur = {}
            continue
        if closing:
            continue
        section = stack[-1] if stack else ""
        if tag == "ITEMS":
            if value:
                items.append(value)
            continue
        if cur is not None and section in ("BUSINESS-ADDRESS", "MAIL-ADDRESS"):
            key = {"STREET1": "STREET 1", "STREET2": "STREET 2"}.get(tag, tag)
            sub.setdefault(section.replace("-", " "), {})[key] = value
        elif former_cur is not None and section == "FORMER-COMPANY":
            former_cur[
                {"FORMER-CONFORMED-NAME": "FORMER CONFORMED NAME", "DATE-CHANGED": "DATE OF NAME CHANGE"}.get(
                    tag, tag
                )
            ] = value
        elif cur is not None:
            cur[tag] = value
        elif tag not in top:
            top[tag] = value
    if cur is not None:
        filers.append(_filer_from(cur, sub, formers))
    filed = _iso(top.get("FILING-DATE"))
    pdc = top.get("PUBLIC-DOCUMENT-COUNT", "")
    return Header(
        accession_number=_accession(top.get("ACCESSION-NUMBER")),
        form_type=top.get("TYPE") or None,
        filed_date=filed,
        period=_iso(top.get("PERIOD")),
        acceptance_datetime=_iso_dt(top.get("ACCEPTANCE-DATETIME")),
        date_of_change=_iso(top.get("DATE-OF-FILING-DATE-CHANGE")),
        public_document_count=int(pdc) if pdc.isdigit() else None,
        items=tuple(_codes(items, filed)),
        items_raw=tuple(items),
        filers=tuple(filers),
        dialect="tagged",
    )
