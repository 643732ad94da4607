"""HTML pieces built in Python: a filing's text with every extracted value highlighted, the list of
extracted values (each linking to its evidence), and the offerings chart (inline SVG, no script).

Evidence ids are stable and readable, ``<record>-<ordinal>-<field>`` (``offerings-0-shares``), so any
page can link straight to a value's evidence: ``/filings/<accession>#ev-offerings-0-shares``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import msgspec
from markupsafe import Markup, escape

from eightk.model import Evidence, Filing

_ID_BAD = re.compile(r"[^A-Za-z0-9_-]")
_SKIP = {"evidence", "confidence", "rule"}


def ev_id(record: str, ordinal: int, fname: str) -> str:
    return _ID_BAD.sub("_", f"{record}-{ordinal}-{fname}")


@dataclass
class Value:
    name: str
    text: str
    ev: str | None = None  # evidence id when the value has evidence
    quote: str | None = None
    document: int | None = None


@dataclass
class Group:
    title: str
    anchor: str = ""  # element id of the group: rec-<record>-<ordinal>
    note: str = ""
    values: list[Value] = field(default_factory=list)


def fmt(v: Any) -> str:
    """A value as people read it: 2,575,000; 2.75; yes/no; lists joined."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, int):
        return f"{v:,}"
    if isinstance(v, float):
        if v.is_integer() and abs(v) >= 1000:
            return f"{int(v):,}"
        return f"{v:,.6g}" if abs(v) < 1e6 else f"{v:,.2f}"
    if isinstance(v, list | tuple):
        return "; ".join(fmt(x) for x in v)
    if isinstance(v, msgspec.Struct):
        return ", ".join(
            f"{k}: {fmt(getattr(v, k))}" for k in v.__struct_fields__ if getattr(v, k) not in (None, ())
        )
    if isinstance(v, dict):
        return ", ".join(f"{k}: {fmt(x)}" for k, x in v.items())
    return str(v)


MONEY_FIELDS = frozenset(
    {
        "price_per_share",
        "warrant_exercise_price",
        "principal_amount",
        "conversion_price",
        "gross_proceeds",
        "net_proceeds",
        "fees",
        "pre_funded_exercise_price",
    }
)


def fmt_field(name: str, v: Any) -> str:
    """``fmt`` with dollars for money fields ($2.00, $5,150,000) and percent for rates."""
    if isinstance(v, int | float) and not isinstance(v, bool):
        if name in MONEY_FIELDS:
            if float(v).is_integer() and abs(v) >= 1000:
                return f"${v:,.0f}"
            s = f"{v:,.6f}".rstrip("0")  # $2.00, $2.75, $0.0015: at least cents, no noise
            whole, _, frac = s.partition(".")
            return f"${whole}.{frac.ljust(2, '0')}"
        if name == "interest_rate":
            return f"{v:g}%"
    return fmt(v)


def compact(v: float | None, money: bool = False) -> str:
    if v is None:
        return ""
    sign = "$" if money else ""
    a = abs(v)
    for div, suf in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if a >= div:
            return f"{sign}{v / div:.3g}{suf}"
    return f"{sign}{v:,.4g}"


def _record_group(
    title: str, record: str, ordinal: int, obj: Any, spans: dict[int, list[tuple[int, int, str]]]
) -> Group:
    ev: dict[str, Evidence] = getattr(obj, "evidence", {}) or {}
    g = Group(title, anchor=f"rec-{record}-{ordinal}")
    rule = getattr(obj, "rule", "")
    conf = getattr(obj, "confidence", None)
    if rule:
        g.note = f"rule {rule}, confidence {conf:g}" if conf is not None else f"rule {rule}"
    for name in obj.__struct_fields__:
        if name in _SKIP:
            continue
        v = getattr(obj, name)
        if v is None or v == () or v == {} or name == "xbrl":
            continue
        val = Value(name, fmt_field(name, v))
        e = ev.get(name)
        if e is not None:
            val.ev = ev_id(record, ordinal, name)
            val.quote = e.quote
            val.document = e.document
            spans[e.document].append((e.start, e.end, val.ev))
        g.values.append(val)
    # evidence of a field that is not an attribute (a derived span): still show and highlight it
    for name, e in ev.items():
        if name not in obj.__struct_fields__:
            i = ev_id(record, ordinal, name)
            spans[e.document].append((e.start, e.end, i))
            g.values.append(Value(name, e.quote, i, e.quote, e.document))
    return g


def filing_groups(filing: Filing) -> tuple[list[Group], dict[int, list[tuple[int, int, str]]]]:
    """The extracted values of a filing in reading order, and the evidence spans of each document."""
    spans: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    groups: list[Group] = []
    cover = _record_group("Cover page", "cover", 0, filing.cover, spans)
    if cover.values:
        groups.append(cover)
    if filing.items:
        g = Group("Items", anchor="rec-items-0")
        for i, it in enumerate(filing.items):
            label = f"Item {it.code}" + (
                f" ({it.code_2004})" if it.code_2004 and it.code_2004 != it.code else ""
            )
            v = Value(label, it.title or "")
            if it.end > it.start:
                v.ev = ev_id("items", i, "heading")
                v.document = it.document
                spans[it.document].append((it.start, it.end, v.ev))
            g.values.append(v)
        groups.append(g)
    for i, o in enumerate(filing.offerings):
        what = (o.security or "securities").replace("_", " ")
        groups.append(
            _record_group(
                f"Offering {i + 1}: {what}{', ' + o.date if o.date else ''}", "offerings", i, o, spans
            )
        )
    for i, oc in enumerate(filing.events.officer_changes):
        groups.append(_record_group(f"Officer {oc.change}: {oc.person}", "officer_changes", i, oc, spans))
    ev = filing.events
    if ev.auditor_change is not None:
        groups.append(_record_group("Auditor change", "auditor_change", 0, ev.auditor_change, spans))
    if ev.results is not None:
        groups.append(_record_group("Results", "results", 0, ev.results, spans))
    if ev.shareholder_vote is not None:
        groups.append(_record_group("Shareholder vote", "shareholder_vote", 0, ev.shareholder_vote, spans))
    for i, ex in enumerate(filing.exhibits):
        groups.append(_record_group(f"Exhibit {ex.number}", "exhibits", i, ex, spans))
    for i, s in enumerate(filing.signatures):
        groups.append(_record_group(f"Signature: {s.name}", "signatures", i, s, spans))
    return groups, spans


def highlight(text: str, spans: list[tuple[int, int, str]]) -> Markup:
    """``text`` as HTML with each span in ``<mark class="ev" data-ev="id ...">`` (overlapping spans split
    the text into segments that name every span covering them) and an empty anchor ``#ev-<id>`` where
    each span starts."""
    n = len(text)
    good = [(s, e, i) for s, e, i in spans if 0 <= s < e <= n]
    starts: dict[int, list[tuple[int, str]]] = defaultdict(list)
    bounds = {0, n}
    for s, e, i in good:
        starts[s].append((e, i))
        bounds.add(s)
        bounds.add(e)
    cuts = sorted(bounds)
    active: dict[str, int] = {}
    out: list[str] = []
    for a, b in pairwise(cuts):
        if active:
            active = {i: e for i, e in active.items() if e > a}
        for e, i in starts.get(a, ()):
            active[i] = e
            out.append(f'<span class="ev-anchor" id="ev-{escape(i)}"></span>')
        seg = escape(text[a:b])
        if active:
            out.append(f'<mark class="ev" data-ev="{escape(" ".join(active))}">{seg}</mark>')
        else:
            out.append(str(seg))
    return Markup("".join(out))


_SNIP = re.compile(r"\[([^\[\]]{1,300})\]")


def snippet(s: str | None) -> Markup:
    """An FTS snippet with its [matches] as <mark>."""
    return Markup(_SNIP.sub(lambda m: f"<mark>{m.group(1)}</mark>", str(escape(s or ""))))


# --- the offerings chart ---------------------------------------------------------------------------

_PANELS = (
    ("shares", "Shares sold", False),
    ("gross_proceeds", "Gross proceeds", True),
    ("warrant_shares", "Warrant shares", False),
)


def offerings_chart(offerings: list[dict[str, Any]], evidence: set[tuple[str, int, str]]) -> Markup:
    """Small multiples (shares, gross proceeds, warrant shares), one bar per offering in date order;
    each bar links to the value's evidence in the filing. Inline SVG: no script, works offline."""
    rows = sorted(offerings, key=lambda o: (o.get("when") or "", o["accession"], o["ordinal"]))
    panels = [p for p in _PANELS if any(o.get(p[0]) is not None for o in rows)]
    if not rows or not panels:
        return Markup("")
    n = len(rows)
    left, right, slot = 110, 16, max(26, min(90, 680 // n))
    width = left + n * slot + right
    ph, top = 96, 18  # bar area height, space above bars for labels
    height = len(panels) * (ph + top + 10) + 40
    out = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="Offerings over time" xmlns="http://www.w3.org/2000/svg">'
    ]
    y0 = 0
    for key, title, money in panels:
        vals = [o.get(key) for o in rows]
        vmax = max((float(v) for v in vals if v is not None), default=0.0) or 1.0
        base = y0 + top + ph
        out.append(f'<text class="ptitle" x="4" y="{y0 + top + 12}">{escape(title)}</text>')
        out.append(f'<line class="axis" x1="{left - 4}" y1="{base}" x2="{width - right}" y2="{base}"/>')
        for j, (o, v) in enumerate(zip(rows, vals, strict=True)):
            if v is None:
                continue
            h = max(1.0, float(v) / vmax * ph)
            x = left + j * slot + slot * 0.15
            w = slot * 0.7
            label = compact(float(v), money)
            tip = f"{o.get('when') or ''}: {title.lower()} {fmt_field(key, v)}"
            bar = (
                f'<rect class="bar bar-{key}" x="{x:.1f}" y="{base - h:.1f}" width="{w:.1f}" height="{h:.1f}">'
                f"<title>{escape(tip)}</title></rect>"
                f'<text class="vlabel" x="{x + w / 2:.1f}" y="{base - h - 3:.1f}">{escape(label)}</text>'
            )
            if (o["accession"], o["ordinal"], key) in evidence:
                href = f"/filings/{o['accession']}#ev-{ev_id('offerings', o['ordinal'], key)}"
                bar = f'<a href="{escape(href)}">{bar}</a>'
            out.append(bar)
        y0 += ph + top + 10
    # dates under the last panel; thinned so labels never overlap
    every = max(1, (70 + slot - 1) // slot)
    for j, o in enumerate(rows):
        if j % every == 0:
            x = left + j * slot + slot / 2
            out.append(
                f'<text class="xlabel" x="{x:.1f}" y="{y0 + 14}">{escape(o.get("when") or "?")}</text>'
            )
    out.append("</svg>")
    return Markup("".join(out))
