"""Score parser output against gold labels (rules: shared/gold/README.md).

- an absent gold key is unscored; a ``null`` gold value means the filing does not state it (a predicted
  value there is a false positive);
- a gold list in place of a scalar holds the acceptable readings (``null`` among them: may be left out);
- strings are compared folded (case, white space, punctuation; US states by name or code);
- numbers agree within 0.5 % (relative);
- list fields (items, exhibits) are scored as multisets; signatures are matched by name, offerings
  greedily by agreement, officer changes by person (and change).

Counts are micro-averaged per field and per group.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

US_STATES = {
    "AL": "alabama",
    "AK": "alaska",
    "AZ": "arizona",
    "AR": "arkansas",
    "CA": "california",
    "CO": "colorado",
    "CT": "connecticut",
    "DE": "delaware",
    "FL": "florida",
    "GA": "georgia",
    "HI": "hawaii",
    "ID": "idaho",
    "IL": "illinois",
    "IN": "indiana",
    "IA": "iowa",
    "KS": "kansas",
    "KY": "kentucky",
    "LA": "louisiana",
    "ME": "maine",
    "MD": "maryland",
    "MA": "massachusetts",
    "MI": "michigan",
    "MN": "minnesota",
    "MS": "mississippi",
    "MO": "missouri",
    "MT": "montana",
    "NE": "nebraska",
    "NV": "nevada",
    "NH": "new hampshire",
    "NJ": "new jersey",
    "NM": "new mexico",
    "NY": "new york",
    "NC": "north carolina",
    "ND": "north dakota",
    "OH": "ohio",
    "OK": "oklahoma",
    "OR": "oregon",
    "PA": "pennsylvania",
    "RI": "rhode island",
    "SC": "south carolina",
    "SD": "south dakota",
    "TN": "tennessee",
    "TX": "texas",
    "UT": "utah",
    "VT": "vermont",
    "VA": "virginia",
    "WA": "washington",
    "WV": "west virginia",
    "WI": "wisconsin",
    "WY": "wyoming",
    "DC": "district of columbia",
    "PR": "puerto rico",
}
_STATE_BY_NAME = {v: k.lower() for k, v in US_STATES.items()}

COVER_FIELDS = (
    "registrant_name",
    "incorporation_state",
    "commission_file_number",
    "irs_employer_id",
    "address_street",
    "address_city",
    "address_state",
    "address_zip",
    "phone",
    "report_date",
    "former_name",
)
OFFERING_FIELDS = (
    "security",
    "shares",
    "price_per_share",
    "warrant_shares",
    "warrant_exercise_price",
    "principal_amount",
    "interest_rate",
    "conversion_price",
    "gross_proceeds",
    "fees",
    "date",
    "registered",
    "registration_form",
    "currency",
)
NUMERIC_OFFERING_FIELDS = (
    "shares",
    "price_per_share",
    "warrant_shares",
    "warrant_exercise_price",
    "principal_amount",
    "interest_rate",
    "conversion_price",
    "gross_proceeds",
    "fees",
)


def fold(s: Any) -> str:
    s = unicodedata.normalize("NFKC", str(s)).lower()
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split())


def fold_state(s: Any) -> str:
    f = fold(s)
    return _STATE_BY_NAME.get(f, f)


def _num(v: Any) -> float | None:
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, int | float):
        return float(v)
    try:
        return float(str(v).replace(",", "").replace("$", ""))
    except ValueError:
        return None


def values_equal(gold: Any, pred: Any, key: str = "") -> bool:
    if gold is None or pred is None:
        return gold is pred
    if isinstance(gold, bool) or isinstance(pred, bool):
        return gold is pred or (isinstance(gold, bool) and isinstance(pred, bool) and gold == pred)
    g, p = _num(gold), _num(pred)
    if isinstance(gold, int | float) and g is not None:
        if p is None:
            return False
        if g == 0:
            return abs(p) < 1e-9
        return abs(p - g) / abs(g) <= 0.005
    if key in ("incorporation_state", "address_state"):
        return fold_state(gold) == fold_state(pred)
    if key == "cik":
        return str(gold).lstrip("0") == str(pred).lstrip("0")
    return fold(gold) == fold(pred)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        if self.tp + self.fp + self.fn == 0:
            return 1.0
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    fields: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    groups: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    errors: list[tuple[str, str]] = field(default_factory=list)  # (id, message)
    mistakes: list[tuple[str, str, Any, Any]] = field(default_factory=list)  # (id, field, gold, pred)
    filings: int = 0

    def count(self, group: str, fname: str, c: Counts) -> None:
        self.fields[f"{group}.{fname}"].add(c)
        self.groups[group].add(c)


def score_scalar(gold: Any, pred: Any, key: str = "") -> Counts:
    """One labeled scalar: see module docstring."""
    if isinstance(gold, list):
        options = gold
        may_omit = any(o is None for o in options)
        real = [o for o in options if o is not None]
        if pred is None:
            return Counts(fn=0 if may_omit or not real else 1)
        if any(values_equal(o, pred, key) for o in real):
            return Counts(tp=1)
        return Counts(fp=1, fn=0 if may_omit or not real else 1)
    if gold is None:
        return Counts(fp=1) if pred not in (None, "", [], {}) else Counts()
    if pred is None or pred == "":
        return Counts(fn=1)
    if values_equal(gold, pred, key):
        return Counts(tp=1)
    return Counts(fp=1, fn=1)


def score_multiset(gold: Iterable[str], pred: Iterable[str], norm: Callable[[str], str] = fold) -> Counts:
    g = [norm(x) for x in gold]
    p = [norm(x) for x in pred]
    tp = 0
    rest = list(p)
    for x in g:
        if x in rest:
            rest.remove(x)
            tp += 1
    return Counts(tp=tp, fp=len(rest), fn=len(g) - tp)


def _name_key(name: str) -> tuple[str, str]:
    """First and last name, folded, without honorifics and suffixes (middle initials do not matter)."""
    f = fold(name)
    toks = [
        t
        for t in f.split()
        if t
        not in {
            "mr",
            "mrs",
            "ms",
            "dr",
            "sir",
            "jr",
            "sr",
            "ii",
            "iii",
            "iv",
            "general",
            "ret",
            "phd",
            "md",
            "esq",
            "cpa",
            "prof",
        }
    ]
    if not toks:
        return ("", "")
    return (toks[0], toks[-1])


def _matched_pairs(
    gold: list[dict], pred: list[dict], agreement: Callable[[dict, dict], float]
) -> list[tuple[int, int]]:
    scored = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            a = agreement(g, p)
            if a > 0:
                scored.append((a, i, j))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _a, i, j in scored:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return pairs


def _offering_agreement(g: dict, p: dict) -> float:
    a = 0.0
    for k in OFFERING_FIELDS:
        gv = g.get(k, "absent")
        if gv == "absent" or gv is None:
            continue
        pv = p.get(k)
        if pv is None:
            continue
        opts = gv if isinstance(gv, list) else [gv]
        if any(o is not None and values_equal(o, pv, k) for o in opts):
            a += 1.0 if k != "security" else 0.5
    return a


def score_filing(gold: dict, pred: dict, report: Report) -> None:
    fid = gold.get("id", "?")

    def note(group: str, fname: str, c: Counts, gv: Any, pv: Any) -> None:
        report.count(group, fname, c)
        if c.fp or c.fn:
            report.mistakes.append((fid, f"{group}.{fname}", gv, pv))

    if "form_type" in gold:
        note(
            "form",
            "form_type",
            score_scalar(gold["form_type"], pred.get("form_type")),
            gold["form_type"],
            pred.get("form_type"),
        )
    if "header" in gold and isinstance(gold["header"], dict):
        ph = pred.get("header") or {}
        for k, gv in gold["header"].items():
            note("header", k, score_scalar(gv, ph.get(k), k), gv, ph.get(k))
    if "cover" in gold and isinstance(gold["cover"], dict):
        pc = pred.get("cover") or {}
        for k, gv in gold["cover"].items():
            note("cover", k, score_scalar(gv, pc.get(k), k), gv, pc.get(k))
    items = pred.get("items") or []
    if "items" in gold:
        pv = [i["code"] if isinstance(i, dict) else i for i in items]
        note("items", "items", score_multiset(gold["items"], pv), gold["items"], pv)
    if "items_2004" in gold:
        pv = []
        for i in items:
            c = i.get("code_2004") if isinstance(i, dict) else i
            if c and c not in pv:
                pv.append(c)
        note("items_2004", "items_2004", score_multiset(gold["items_2004"], pv), gold["items_2004"], pv)
    if "exhibits" in gold:
        pv = [e["number"] if isinstance(e, dict) else e for e in pred.get("exhibits") or []]
        note(
            "exhibits", "exhibits", score_multiset(gold["exhibits"], pv, _norm_exhibit), gold["exhibits"], pv
        )
    if "signatures" in gold:
        _score_signatures(gold["signatures"] or [], pred.get("signatures") or [], note)
    if "offerings" in gold:
        _score_offerings(gold["offerings"] or [], pred.get("offerings") or [], note)
    if "events" in gold and isinstance(gold["events"], dict):
        _score_events(gold["events"], pred.get("events") or {}, note)


def _norm_exhibit(x: str) -> str:
    return fold(x).replace(" ", ".")


def _score_signatures(gold: list[dict], pred: list[dict], note: Callable[..., None]) -> None:
    pairs = _matched_pairs(
        gold, pred, lambda g, p: 1.0 if _name_key(g.get("name", "")) == _name_key(p.get("name", "")) else 0.0
    )
    matched_g = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    for i, g in enumerate(gold):
        if i not in matched_g:
            note("signatures", "name", Counts(fn=1), g.get("name"), None)
    for j, p in enumerate(pred):
        if j not in matched_p:
            note("signatures", "name", Counts(fp=1), None, p.get("name"))
    for i, j in pairs:
        g, p = gold[i], pred[j]
        note("signatures", "name", Counts(tp=1), g.get("name"), p.get("name"))
        for k in ("title", "date"):
            if k in g:
                note("signatures", k, score_scalar(g[k], p.get(k), k), g[k], p.get(k))


def _score_offerings(gold: list[dict], pred: list[dict], note: Callable[..., None]) -> None:
    detected = Counts(
        tp=int(bool(gold) and bool(pred)), fp=int(bool(pred) and not gold), fn=int(bool(gold) and not pred)
    )
    note("offerings", "detected", detected, bool(gold), bool(pred))
    pairs = _matched_pairs(gold, pred, _offering_agreement)
    # Objects that agree on nothing still pair up by order when the counts allow (security may differ).
    mg = {i for i, _ in pairs}
    mp = {j for _, j in pairs}
    for i, g in enumerate(gold):
        if i in mg:
            continue
        for k in OFFERING_FIELDS:
            if g.get(k) is not None and not (isinstance(g.get(k), list) and None in g[k]):
                note("offerings", k, Counts(fn=1), g[k], None)
    for j, p in enumerate(pred):
        if j in mp:
            continue
        for k in OFFERING_FIELDS:
            if p.get(k) is not None:
                note("offerings", k, Counts(fp=1), None, p[k])
    for i, j in pairs:
        g, p = gold[i], pred[j]
        for k in OFFERING_FIELDS:
            if k in g:
                note("offerings", k, score_scalar(g[k], p.get(k), k), g[k], p.get(k))


def _score_events(gold: dict, pred: dict, note: Callable[..., None]) -> None:
    if "officer_changes" in gold:
        g_list = gold["officer_changes"] or []
        p_list = pred.get("officer_changes") or []

        def agree(g: dict, p: dict) -> float:
            if _name_key(g.get("person", "")) != _name_key(p.get("person", "")):
                return 0.0
            return 1.0 + (0.5 if g.get("change") == p.get("change") else 0.0)

        pairs = _matched_pairs(g_list, p_list, agree)
        mg = {i for i, _ in pairs}
        mp = {j for _, j in pairs}
        for i, g in enumerate(g_list):
            if i not in mg:
                note("officers", "person", Counts(fn=1), g.get("person"), None)
        for j, p in enumerate(p_list):
            if j not in mp:
                note("officers", "person", Counts(fp=1), None, p.get("person"))
        for i, j in pairs:
            g, p = g_list[i], p_list[j]
            note("officers", "person", Counts(tp=1), g.get("person"), p.get("person"))
            for k in ("change", "role", "effective_date"):
                if k in g:
                    note("officers", k, score_scalar(g[k], p.get(k), k), g[k], p.get(k))
    for key, group, subfields in (
        ("auditor_change", "auditor", ("former_auditor", "new_auditor", "date")),
        ("results", "results", ("period_end",)),
        ("shareholder_vote", "vote", ("meeting_date",)),
    ):
        if key not in gold:
            continue
        g = gold[key]
        p = pred.get(key)
        if g is None:
            note(group, "found", Counts(fp=1) if p else Counts(), None, p)
            continue
        if not p:
            note(group, "found", Counts(fn=1), g, None)
            continue
        note(group, "found", Counts(tp=1), True, True)
        for k in subfields:
            if k in g:
                note(group, k, score_scalar(g[k], p.get(k), k), g[k], p.get(k))


GROUP_ORDER = (
    "form",
    "header",
    "cover",
    "items",
    "items_2004",
    "exhibits",
    "signatures",
    "offerings",
    "officers",
    "auditor",
    "results",
    "vote",
)


def evaluate(gold_dir: Path, predict: Callable[[Path], dict], corpus_dir: Path) -> Report:
    """Score ``predict(corpus file)`` against every label in ``gold_dir``."""
    report = Report()
    for gpath in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gpath.read_text())
        target = corpus_dir / gold.get("file", gpath.stem)
        report.filings += 1
        if not target.exists():
            report.errors.append((gold.get("id", gpath.stem), f"no corpus file {target.name}"))
            pred: dict = {}
        else:
            pred = predict(target)
            if "error" in pred and "cover" not in pred:
                report.errors.append((gold.get("id", gpath.stem), pred["error"]))
        score_filing(gold, pred, report)
    return report


def format_report(report: Report, per_field: bool = True) -> str:
    lines = []
    if per_field:
        lines.append(f"{'field':40} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
        for name in sorted(report.fields, key=lambda n: (_gidx(n.split(".")[0]), n)):
            c = report.fields[name]
            lines.append(
                f"{name:40} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:5} {c.fp:5} {c.fn:5}"
            )
        lines.append("")
    lines.append(f"{'group':40} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for g in sorted(report.groups, key=_gidx):
        c = report.groups[g]
        lines.append(f"{g:40} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:5} {c.fp:5} {c.fn:5}")
    if report.errors:
        lines.append("")
        lines.append(f"{len(report.errors)} inputs failed:")
        lines += [f"  {i}: {m}" for i, m in report.errors]
    lines.append("")
    lines.append(headline(report))
    return "\n".join(lines)


def headline(report: Report) -> str:
    parts = [f"{g} {report.groups[g].f1:.3f}" for g in sorted(report.groups, key=_gidx)]
    return f"eval: {report.filings} filings, F1 " + ", ".join(parts)


def _gidx(g: str) -> int:
    return GROUP_ORDER.index(g) if g in GROUP_ORDER else len(GROUP_ORDER)


def check_floors(report: Report, floors: dict[str, float]) -> list[str]:
    """Scores that fell below their floor (the floors only ever go up).

    A key is a group ("offerings": its F1) or a field with a measure ("offerings.gross_proceeds.recall",
    "offerings.price_per_share.precision", "offerings.date.f1"): issue #3's per-field targets are gated so.
    """
    failed = []
    for key, floor in floors.items():
        parts = key.split(".")
        if len(parts) == 3 and parts[2] in ("precision", "recall", "f1"):
            c = report.fields.get(f"{parts[0]}.{parts[1]}")
            measure = parts[2]
        else:
            c = report.groups.get(key)
            measure = "f1"
        value = getattr(c, measure) if c else 0.0
        if value + 1e-9 < floor:
            failed.append(f"{key}: {measure} {value:.3f} is below the floor {floor:.3f}")
    return failed
