"""Securities offerings reported in an 8-K (GitHub issue #3).

Two readers share the deal-level terms (dates, registration basis):

- :mod:`offering_notes` for debt sold in series ("$500,000,000 aggregate principal amount of its 4.500%
  Senior Notes due 2030"), one record per series;
- :mod:`offering_deals` for shares, units, warrants and convertible notes of smaller financings, one
  record per tranche ("an additional 525,000 shares ... on the same terms").

Only the 8-K document's financing items and its press-release exhibits (EX-99.x) are read; the press
release is used only when the 8-K itself states no offering. Precision first: a value is never computed,
and a value that cannot be attributed is left out with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date as _date

import msgspec

from eightk.extract.numbers import parse_money
from eightk.extract.offering_deals import (
    Tranche,
    consideration_stock,
    read_deals,
    split_stock_and_debt,
    uncounted_sales,
)
from eightk.extract.offering_notes import Series, find_series, history_paragraph
from eightk.extract.offering_parties import enrich
from eightk.extract.offering_terms import (
    Registration,
    agreement_date,
    closing_date,
    prospectus_date,
    registration,
)
from eightk.extract.offering_text import (
    _SALE_ITEMS,
    CUE_RE,
    OFFERING_ITEMS,
    PRESS_CUE_RE,
    KeywordPattern,
    Region,
    Sentence,
    regions,
    sentences,
)
from eightk.extract.registry import ExtractResult, extractor
from eightk.model import Evidence, Filing, Offering, evidence_for

_AGREEMENT_CUE = re.compile(
    r"\b(?:underwriting|terms|purchase|distribution|pricing)\s+agreement\b|\bprospectus\s+supplement\b", re.I
)


@extractor(
    "offerings",
    items=OFFERING_ITEMS,
    exhibits=("EX-99",),
    description="Sales of the registrant's securities: notes by series, shares, units, warrants, convertibles",
)
def extract_offerings(filing: Filing) -> ExtractResult:
    """Offerings: notes by series, equity and convertible financings by tranche."""
    main, press = regions(filing)
    if not main and not press:
        return ExtractResult()
    main = _fallback_to_body(filing, main)
    if not any(CUE_RE.exists(r.doc.text, r.start, r.end) for r in main + press):
        return ExtractResult()
    warnings: list[str] = []
    text_sents: list[Sentence] = []
    exhibit_sents: list[Sentence] = []
    for r in main:
        ss = sentences(r)
        if r.kind == "exhibits":
            exhibit_sents += ss
        else:
            text_sents += ss
            if r.kind == "body":
                exhibit_sents += ss
    ref = _ref_date(filing)
    # a paragraph recalling a sale reported earlier ("As previously disclosed, on July 10, 2023, ...") is no sale
    # of this report (silver xt-012)
    text_sents = [s for s in text_sents if not history_paragraph(s, ref)]
    all_main = text_sents + exhibit_sents

    u302 = _item_302(filing)
    offerings = _notes(text_sents, exhibit_sents, all_main, warnings, u302)
    # press releases are split only when the 8-K itself states no notes offering, and only those with a cue
    press_sents = (
        []
        if offerings
        else [s for r in press if PRESS_CUE_RE.exists(r.doc.text, r.start, r.end) for s in sentences(r)]
    )
    if not offerings and press_sents:
        offerings = _notes(press_sents, [], press_sents + all_main, warnings, u302)
    issuer = _issuer_words(filing)
    if not offerings:
        date_sents = _intro_sentences(filing) + text_sents
        offerings = _deals(text_sents, all_main, warnings, u302, issuer, date_sents)
    if not offerings and press_sents and _press_usable(filing):
        # the 8-K's own text dates the deal its press release describes ("On July 18, 2025, Chevron completed
        # the previously announced Merger", the share count only in the release: 0000950142-25-001949)
        offerings = _deals(
            press_sents, press_sents + all_main, warnings, u302, issuer, press_sents + text_sents
        )
    offerings = _drop_history(filing, offerings, warnings)
    if offerings:
        # parties and terms beyond the gold fields: the items first, then the 8-K's exhibit list (agreements
        # named with their parties), then the press releases
        listed = [s for s in exhibit_sents if s.region.kind == "exhibits" and not _by_reference(s)]
        groups: list[list[Sentence] | Callable[[], list[Sentence]]] = [text_sents, listed]
        if press and _press_usable(filing):
            groups.append(lambda: press_sents or _press_sentences(press))
        offerings = enrich(offerings, groups, issuer, _ref_date(filing), warnings)
    return ExtractResult(offerings=offerings, warnings=warnings)


_PARTY_PRESS_CUE = re.compile(
    r"underwrit|book-?running|placement\s+agent|sales\s+agent|net\s+proceeds|expire|pre-?\s?funded", re.I
)


def _press_sentences(press: list[Region]) -> list[Sentence]:
    """Press-release sentences, split only for releases that name a financing and a party or term."""
    return [
        s
        for r in press
        if PRESS_CUE_RE.exists(r.doc.text, r.start, r.end)
        and _PARTY_PRESS_CUE.search(r.doc.text, r.start, r.end)
        for s in sentences(r)
    ]


def _ref_date(filing: Filing) -> _date | None:
    ref = filing.cover.report_date or filing.filed_date
    try:
        return _date.fromisoformat(ref) if ref else None
    except ValueError:
        return None


_INTRO = KeywordPattern(
    re.compile(r"\b(?:Introductory|Explanatory)\s+Note\b", re.I), ("introductory", "explanatory")
)


def _intro_sentences(filing: Filing) -> list[Sentence]:
    """An "Introductory Note" before the first item states the closing the items then refer to as "the
    Closing Date" (0001193125-25-067902); it is read for dates only."""
    if not filing.documents or not filing.items:
        return []
    pdoc = filing.documents[filing.primary]
    first = min((i.start for i in filing.items if i.document == pdoc.index), default=0)
    m = _INTRO.search(pdoc.text, 0, first)
    if not m:
        return []
    return sentences(Region(pdoc, m.end(), first, "intro"))


def _drop_history(filing: Filing, offerings: list[Offering], warnings: list[str]) -> list[Offering]:
    """An offering dated more than a year before the report is history ("On April 15, 2014, the
    Registrant issued ..." in a 2023 notice to the trustee), not an offering the filing reports."""
    ref = filing.cover.report_date or filing.filed_date
    if not ref:
        return offerings
    try:
        ref_d = _date.fromisoformat(ref)
    except ValueError:
        return offerings
    keep = []
    for o in offerings:
        if o.date:
            try:
                if (ref_d - _date.fromisoformat(o.date)).days > 366:
                    warnings.append(f"offering dated {o.date} is history for a report of {ref}: left out")
                    continue
            except ValueError:
                pass
        keep.append(o)
    return keep


def _fallback_to_body(filing: Filing, main: list[Region]) -> list[Region]:
    """When the item bodies are empty (headings found only in a table of contents), read the whole 8-K."""
    if not filing.items or not filing.documents:
        return main
    sale_items = [i for i in filing.items if i.code_2004 in _SALE_ITEMS and not i.empty]
    if not sale_items:
        return main
    body = sum(i.body_end - i.body_start for i in sale_items)
    pdoc = filing.documents[filing.primary]
    if body < 200 and len(pdoc.text) > 2000:
        # 0000950123-10-080629: the headings were read from a table of contents, so every body is empty
        return [Region(pdoc, 0, len(pdoc.text), "body")]
    return main


def _item_302(filing: Filing) -> Evidence | None:
    for it in filing.items:
        if it.code_2004 == "3.02" and not it.empty and filing.documents:
            return evidence_for(filing.documents[it.document], it.start, it.end)
    return None


def _issuer_words(filing: Filing) -> set[str] | None:
    """Folded words of the registrant's name(s), to tell its own stock from another company's."""
    names = [f.name for f in (filing.header.filers if filing.header else ()) if f.name]
    if filing.cover.registrant_name:
        names.append(filing.cover.registrant_name)
    if not names:
        return None
    words = {w for n in names for w in re.findall(r"[a-z0-9]+", n.lower())}
    if filing.documents:
        words |= _aliases(filing.documents[filing.primary].text, names)
    return words


_ALIAS = re.compile(r'\(\s*(?:the\s+)?"(?P<a>[A-Z][\w&.-]{1,24})"\s*\)')


def _aliases(text: str, names: list[str]) -> set[str]:
    """Short names the registrant defines for itself: "Advanced Micro Devices, Inc., a Delaware corporation
    ("AMD")" (0001193125-25-067902), "Turner Broadcasting System, Inc. ... ("TBS")"."""
    out: set[str] = set()
    heads = {n.split()[0].lower() for n in names if n.split() and n.split()[0].lower() not in ("the", "a")}
    if not heads:
        return out
    for m in _ALIAS.finditer(text, 0, min(len(text), 60_000)):
        before = text[max(0, m.start() - 90) : m.start()]
        if "(" in before[-60:] or ")" in before[-60:]:
            before = before[max(before.rfind("("), before.rfind(")")) + 1 :]
        if any(_has_word(before, h) for h in heads):
            out.add(m.group("a").lower())
    return out


def _is_w(c: str) -> bool:
    return c.isalnum() or c == "_"


def _has_word(text: str, h: str) -> bool:
    """``re.search(rf"\b{re.escape(h)}\b", text, re.I)`` without compiling a pattern per registrant name
    (thousands of distinct names thrash the re module's cache in a bulk run): literal search in ASCII text,
    the pattern itself otherwise."""
    if not h:
        return False
    if not (text.isascii() and h.isascii()):
        return re.search(rf"\b{re.escape(h)}\b", text, re.I) is not None
    low = text.lower()
    hw0, hw1 = _is_w(h[0]), _is_w(h[-1])
    i = low.find(h)
    while i >= 0:
        j = i + len(h)
        left = i > 0 and _is_w(low[i - 1])
        right = j < len(low) and _is_w(low[j])
        if left != hw0 and right != hw1:
            return True
        i = low.find(h, i + 1)
    return False


def _press_usable(filing: Filing) -> bool:
    codes = {i.code_2004 for i in filing.items if i.code_2004}
    if not codes or codes & {"1.01", "2.01", "2.03", "3.02", "8.01"}:
        return True
    # a Regulation FD release may announce a financing; beside results (2.02) it is an earnings release
    return "7.01" in codes and "2.02" not in codes


def _deal_date(sents: list[Sentence], fallback: list[Sentence]) -> tuple[str, Evidence] | None:
    return (
        closing_date(sents)
        or agreement_date(sents)
        or closing_date(fallback)
        or agreement_date(fallback)
        or prospectus_date(fallback)
    )


def _reg_fields(reg: Registration) -> tuple[dict[str, object], dict[str, Evidence]]:
    vals: dict[str, object] = {}
    ev: dict[str, Evidence] = {}
    if reg.registered:
        vals["registered"], ev["registered"] = reg.registered
    if reg.form:
        vals["registration_form"], ev["registration_form"] = reg.form
    if reg.exemption:
        vals["exemption"], ev["exemption"] = reg.exemption
    if reg.shelf and reg.registered and reg.registered[0]:
        vals["shelf_file_number"], ev["shelf_file_number"] = reg.shelf
    return vals, ev


def _notes(
    text_sents: list[Sentence],
    exhibit_sents: list[Sentence],
    all_sents: list[Sentence],
    warnings: list[str],
    u302: Evidence | None,
) -> list[Offering]:
    series = find_series(text_sents, exhibit_sents)
    if not series:
        return []
    if all(s.from_exhibit_list for s in series) and not any(_AGREEMENT_CUE.search(s.text) for s in all_sents):
        return []  # forms of notes listed with no sale reported
    date = _deal_date(text_sents, all_sents)
    reg_vals, reg_ev = _reg_fields(registration(all_sents, u302))
    out_w = _warrant_side_deals(text_sents, warnings)
    conv = [s for s in series if s.security == "convertible_notes"]
    conv_price = _conversion_price(text_sents) if len(conv) == 1 else None
    out: list[Offering] = []
    for ser in series:
        o = _series_offering(ser, date, reg_vals, reg_ev, warnings)
        if conv_price and ser.security == "convertible_notes":
            o = msgspec.structs.replace(
                o, conversion_price=conv_price[0], evidence={**o.evidence, "conversion_price": conv_price[1]}
            )
        out.append(o)
    return out + out_w


def _warrant_word(tr: Tranche) -> Evidence | None:
    """The word "warrant(s)" in the sentence the warrant count was read from (evidence for the security)."""
    q = tr.evidence.get("warrant_shares")
    for s in tr.sentences:
        if q is not None and s.start <= q.start < s.end:
            m = re.search(r"\bwarrants?\b", s.text, re.I)
            if m:
                return s.ev(m.start(), m.end())
    return None


def _warrant_side_deals(text_sents: list[Sentence], warnings: list[str]) -> list[Offering]:
    """Warrants sold beside a notes offering (0000950123-10-080629: warrant transactions with the
    dealers of a convertible note, 19,093,100 shares at a $73.33 strike). Only warrants standing alone:
    a tranche with shares, principal or proceeds belongs to the notes just read."""
    out: list[Offering] = []
    if not any("warrant" in s.low for s in text_sents):
        return out  # a warrant count is read only from a sentence naming warrants
    for tr in read_deals(text_sents):
        v = tr.values
        if "warrant_shares" not in v or any(k in v for k in ("shares", "principal_amount", "gross_proceeds")):
            continue
        vals: dict[str, object] = {"security": "warrants"}
        ev: dict[str, Evidence] = {}
        w = _warrant_word(tr)
        if w is not None:
            ev["security"] = w
        for k in ("warrant_shares", "warrant_exercise_price"):
            if k in v:
                vals[k], ev[k] = v[k], tr.evidence[k]
        reg_vals, reg_ev = _reg_fields(registration(tr.sentences))
        vals.update(reg_vals)
        ev.update(reg_ev)
        out.append(Offering(confidence=0.5, rule="warrants-beside-notes", evidence=ev, **vals))  # type: ignore[arg-type]
    return out


_CONV_PRICE = re.compile(
    r"\bconversion\s+price\s+(?:of|equal\s+to|is)\s+(?:approximately\s+)?(?P<m>\$\s?\d[\d,]*(?:\.\d+)?)(?=\s+per\s+share)",
    re.I,
)


def _conversion_price(sents: list[Sentence]) -> tuple[float, Evidence] | None:
    """ "equivalent to an initial conversion price of approximately $52.37 per share" (one convertible series)."""
    for s in sents:
        m = _CONV_PRICE.search(s.text)
        if m:
            a = parse_money(m.group("m"))
            if a:
                return a.value, s.ev(m.start("m"), m.end("m"))
    return None


def _series_offering(
    ser: Series,
    date: tuple[str, Evidence] | None,
    reg_vals: dict[str, object],
    reg_ev: dict[str, Evidence],
    warnings: list[str],
) -> Offering:
    ev: dict[str, Evidence] = dict(reg_ev)
    vals: dict[str, object] = dict(reg_vals)
    if "security" in ser.evidence:
        ev["security"] = ser.evidence["security"]
    if ser.principal:
        vals["principal_amount"], ev["principal_amount"] = ser.principal
    else:
        warnings.append(f"notes due {ser.key[1]}: principal amount not stated per series")
    if ser.rate:
        vals["interest_rate"], ev["interest_rate"] = ser.rate
    elif ser.floating:
        warnings.append(f"floating-rate notes due {ser.key[1]}: no fixed coupon, interest_rate left out")
    if ser.currency:
        vals["currency"], ev["currency"] = ser.currency
    if ser.maturity_year:
        vals["maturity"], ev["maturity"] = str(ser.maturity_year[0]), ser.maturity_year[1]
    if date:
        vals["date"], ev["date"] = date
    conf = 0.9 if ser.principal and not ser.from_exhibit_list else 0.7
    return Offering(
        security=ser.security,  # type: ignore[arg-type]
        confidence=conf,
        rule="notes-series" + ("-exhibit-list" if ser.from_exhibit_list else ""),
        evidence=ev,
        **vals,  # type: ignore[arg-type]
    )


_SEC_FALLBACK = re.compile(
    r"(?P<unit>\bunit\s+offering\b|\b(?:sale|offering|placement)\s+of\s+(?:\w+\s+)?units\b)|"
    r"(?P<conv>\bconvertible\s+(?:senior\s+)?(?:secured\s+)?(?:subordinated\s+)?(?:promissory\s+)?(?:notes?|debentures?)\b)|"
    r"(?P<pref>\bshares\s+of\s+(?:[\w-]+\s+){0,4}?preferred\s+stock\b)|"
    r"(?P<note>\b(?:promissory\s+)?notes?\b(?!\s+(?:to|that|and\s+the\s+other))|\bdebentures?\b)",
    re.I,
)

_OFFERING_FIELDS = {
    "shares",
    "price_per_share",
    "warrant_shares",
    "warrant_exercise_price",
    "principal_amount",
    "interest_rate",
    "conversion_price",
    "gross_proceeds",
    "fees",
    "net_proceeds",
    "currency",
    "pre_funded",
    "pre_funded_exercise_price",
}


def _deals(
    text_sents: list[Sentence],
    all_sents: list[Sentence],
    warnings: list[str],
    u302: Evidence | None,
    issuer: set[str] | None,
    date_sents: list[Sentence],
) -> list[Offering]:
    tranches = (
        read_deals(text_sents, issuer)
        or consideration_stock(text_sents, issuer)
        or uncounted_sales(text_sents)
    )
    tranches = [x for tr in tranches for x in split_stock_and_debt(tr)]
    if not tranches:
        return []
    reg_vals, reg_ev = _reg_fields(registration(all_sents, u302))
    listed = [s for s in all_sents if s.region.kind == "exhibits" and not _by_reference(s)]
    out: list[Offering] = []
    for i, tr in enumerate(tranches):
        out.append(
            _tranche_offering(
                tr, i, len(tranches) == 1, text_sents, date_sents, reg_vals, reg_ev, warnings, listed
            )
        )
    return out


# an exhibit filed earlier and incorporated by reference dates an earlier agreement, not this deal
_BY_REFERENCE = re.compile(r"\bincorporat\w*\s+(?:herein\s+)?by\s+reference\b|\bpreviously\s+filed\b", re.I)


def _by_reference(s: Sentence) -> bool:
    """``_BY_REFERENCE.search(s.text)``, tried only where "reference" or "filed" occurs (exact on ASCII)."""
    t = s.text
    if t.isascii() and "reference" not in s.low and "filed" not in s.low:
        return False
    return _BY_REFERENCE.search(t) is not None


_BASE_CLOSED = re.compile(r"\b(?:that|which)\s+(?:was\s+)?(?:closed|completed|consummated)\s+on\s+$", re.I)


def _base_closed(sents: list[Sentence], q: Evidence) -> bool:
    for s in sents:
        if s.region.doc.index == q.document and s.start <= q.start < s.end:
            return bool(_BASE_CLOSED.search(s.region.doc.text, max(s.start, q.start - 40), q.start))
    return False


def _tranche_offering(
    tr: Tranche,
    i: int,
    single: bool,
    text_sents: list[Sentence],
    date_sents: list[Sentence],
    reg_vals: dict[str, object],
    reg_ev: dict[str, Evidence],
    warnings: list[str],
    listed: list[Sentence] = (),  # type: ignore[assignment]
) -> Offering:
    vals: dict[str, object] = dict(reg_vals)
    ev: dict[str, Evidence] = dict(reg_ev)
    for k, v in tr.values.items():
        if k in _OFFERING_FIELDS or k == "security":
            vals[k] = v
            ev[k] = tr.evidence[k]
    if tr.option:
        # an option closing: never the base offering's date ("its public offering that closed on December 18,
        # 2020, have exercised ... their option", silver xt-010/xt-004)
        date = closing_date(tr.sentences)
        if date is not None and _base_closed(tr.sentences, date[1]):
            date = None
    elif single:
        # one tranche: the closing wherever the text states it ("The Offering ... closed on October 29")
        date = closing_date(tr.sentences) or closing_date(date_sents) or agreement_date(tr.sentences)
    else:
        date = closing_date(tr.sentences) or agreement_date(tr.sentences)
    if date is None and (i == 0 or tr.partition) and not tr.option:
        # a part of one agreement with no date of its own takes the agreement's date
        date = _deal_date([], date_sents)
        if date is None and listed:
            # "On May 14, 2007, Nuance announced it had entered into ... Agreement and Plan of Merger" with
            # the agreement "dated as of May 14, 2007" only in the exhibit list (0000950135-07-003247)
            date = agreement_date(listed)
    if date:
        vals["date"], ev["date"] = date
    sec_sents = tr.sentences + (text_sents if single else [])
    sec = vals.get("security")
    if sec in (None, "notes"):
        # the most specific wording anywhere in the deal wins: "convertible promissory notes" over "Note"
        best: tuple[int, str, Sentence, re.Match[str]] | None = None
        for s in sec_sents:
            for m in _SEC_FALLBACK.finditer(s.text):
                g = m.lastgroup or "note"
                rank = {"conv": 0, "unit": 1, "pref": 2, "note": 3}[g]
                if best is None or rank < best[0]:
                    best = (rank, g, s, m)
        if best and (sec is None or best[1] == "conv"):
            _r, g, s, m = best
            vals["security"] = {
                "conv": "convertible_notes",
                "unit": "units",
                "pref": "preferred_stock",
                "note": "notes",
            }[g]
            ev["security"] = s.ev(m.start(), m.end())
    if "price_per_share" in vals and "shares" not in vals and vals.get("security") not in ("units",):
        # a price with no count sold beside it is more often a valuation or a threshold than a sale price
        warnings.append(f"price {vals['price_per_share']} per share without a share count: left out")
        del vals["price_per_share"]
        del ev["price_per_share"]
    if vals.get("security") == "notes" and "conversion_price" in vals:
        vals["security"] = (
            "convertible_notes"  # "the Note ... is convertible at a conversion price of $0.015"
        )
    if vals.get("security") == "common_stock" and "principal_amount" in vals:
        vals["security"] = "convertible_notes" if "conversion_price" in vals else "notes"
    if vals.get("security") in ("common_stock", "preferred_stock") and "interest_rate" in vals:
        # stock bears no interest: the rate is the debt's retired in exchange (0001193125-21-178760)
        del vals["interest_rate"]
        del ev["interest_rate"]
    warnings += tr.warnings
    if tr.same_terms is not None:
        ev["same_terms"] = tr.same_terms
    if (
        "security" not in vals
        and "warrant_shares" in vals
        and not any(k in vals for k in ("shares", "principal_amount"))
    ):
        w = _warrant_word(tr)
        if w is not None:
            vals["security"], ev["security"] = "warrants", w
    if tr.uncounted:
        warnings.append(f"{vals.get('security')} reported as sold with no figures stated")
    return Offering(
        confidence=0.4 if tr.uncounted else 0.6 if i == 0 else 0.55,
        rule="deal-uncounted" if tr.uncounted else "deal-tranche" + ("-same-terms" if tr.same_terms else ""),
        evidence=ev,
        **vals,  # type: ignore[arg-type]
    )
