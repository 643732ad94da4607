"""EDGAR's lists of filings, parsed into :class:`FilingRef` records. Pure functions over bytes, no I/O.

- :func:`parse_master_idx`: ``master.idx`` / ``master.YYYYMMDD.idx`` / ``xbrl.idx`` (pipe-delimited).
- :func:`parse_fixed_idx`: ``form.idx`` / ``company.idx`` (fixed width). The column offsets have changed over
  the years, so rows are read from the right: the last three fields (date, CIK, file name) hold no spaces,
  and the form type is told from the company name by the header's column position, falling back to the
  widest known form-type prefix.
- :func:`parse_submissions`: the data.sec.gov submissions JSON, both the main file (arrays under
  ``filings.recent``, older pages listed in ``filings.files``) and an older page (arrays at top level).
- :func:`parse_company_tickers`: ``company_tickers.json`` -> ticker -> CIK.

Index files list a co-registrant filing once per CIK: :func:`dedupe` keeps the first row per accession.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import msgspec

# Form 8-K and its variants (domain.md §1): the current report, its amendment, and the succession /
# shell-company variants 8-K12B, 8-K12G3 and 8-K15D5 with theirs.
FORMS_8K: tuple[str, ...] = (
    "8-K",
    "8-K/A",
    "8-K12B",
    "8-K12B/A",
    "8-K12G3",
    "8-K12G3/A",
    "8-K15D5",
    "8-K15D5/A",
)


class FilingRef(msgspec.Struct, frozen=True, kw_only=True):
    """One filing as an index lists it; enough to download its complete submission ``.txt``."""

    accession: str  # 0001213900-25-032135
    cik: str  # unpadded, as in Archives paths: "1173313"
    form: str
    filed: str | None = None  # ISO date
    company: str | None = None
    path: str | None = None  # Archives path of the submission .txt, relative to the EDGAR root
    items: tuple[str, ...] = ()  # from the submissions JSON: ("2.02", "9.01")
    report_date: str | None = None
    acceptance: str | None = None  # as the submissions JSON prints it
    primary_document: str | None = None

    @property
    def accession_nodash(self) -> str:
        return self.accession.replace("-", "")

    def txt_path(self) -> str:
        """``Archives/edgar/data/{cik}/{acc_nodash}/{acc}.txt`` (domain.md §4.1)."""
        return f"Archives/edgar/data/{int(self.cik)}/{self.accession_nodash}/{self.accession}.txt"


_ACC = re.compile(r"(\d{10})-?(\d{2})-?(\d{6})")


def normalize_accession(s: str) -> str | None:
    m = _ACC.search(s)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def normalize_forms(forms: Iterable[str] | None) -> frozenset[str]:
    """Upper-cased form types; ``None``, empty or ``"all"`` mean every 8-K variant."""
    out = {" ".join(f.upper().split()) for f in (forms or ()) if f.strip()}
    if not out or "ALL" in out:
        return frozenset(FORMS_8K)
    return frozenset(out)


def iso_date(s: str | None) -> str | None:
    """``YYYY-MM-DD`` from ``YYYY-MM-DD``, ``YYYYMMDD`` or a longer timestamp; None if not a date."""
    if not s:
        return None
    s = s.strip()
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", s)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def _body_lines(data: bytes) -> tuple[list[str], list[str]]:
    """(preamble lines up to the dashed rule, rows after it). The preamble length varies (9-11 lines)."""
    text = data.decode("latin-1").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("-----") and set(line.strip()) == {"-"}:
            return lines[:i], lines[i + 1 :]
    return [], lines


def parse_master_idx(data: bytes) -> list[FilingRef]:
    """Rows of a pipe-delimited ``master``/``xbrl`` index: ``CIK|Company Name|Form Type|Date Filed|Filename``."""
    _, rows = _body_lines(data)
    out: list[FilingRef] = []
    for line in rows:
        parts = line.split("|")
        if len(parts) != 5 or not parts[0].strip().isdigit():
            continue
        cik, company, form, filed, filename = (p.strip() for p in parts)
        acc = normalize_accession(filename.rsplit("/", 1)[-1])
        if acc is None:
            continue
        out.append(
            FilingRef(
                accession=acc,
                cik=str(int(cik)),
                form=form,
                filed=iso_date(filed),
                company=company or None,
                path=filename,
            )
        )
    return out


_TAIL = re.compile(r"^(?P<head>.*?)\s+(?P<cik>\d{1,10})\s+(?P<date>\d{4}-?\d{2}-?\d{2})\s+(?P<file>\S+)\s*$")


def parse_fixed_idx(data: bytes) -> list[FilingRef]:
    """Rows of ``form.idx`` (form type first) or ``company.idx`` (company name first), fixed width."""
    pre, rows = _body_lines(data)
    header = next((ln for ln in reversed(pre) if ln.strip()), "")
    form_first = header.lstrip().lower().startswith("form type")
    # Column where the second field starts, from the header ("Form Type   Company Name ...").
    second = "Company Name" if form_first else "Form Type"
    split_at = header.find(second)
    out: list[FilingRef] = []
    for line in rows:
        m = _TAIL.match(line)
        if m is None:
            continue
        head = m.group("head")
        a, b = _split_head(head, split_at)
        form, company = (a, b) if form_first else (b, a)
        acc = normalize_accession(m.group("file").rsplit("/", 1)[-1])
        if acc is None or not form:
            continue
        out.append(
            FilingRef(
                accession=acc,
                cik=str(int(m.group("cik"))),
                form=form,
                filed=iso_date(m.group("date")),
                company=company or None,
                path=m.group("file"),
            )
        )
    return out


def _split_head(head: str, split_at: int) -> tuple[str, str]:
    """Split "first-field  second-field": at two or more spaces when present (form types like "SC 13G"
    have single spaces), else at the header's column."""
    parts = re.split(r"\s{2,}", head.strip(), maxsplit=1)
    if len(parts) == 2:
        return parts[0].strip(), parts[1].strip()
    if 0 < split_at < len(head):
        return head[:split_at].strip(), head[split_at:].strip()
    return head.strip(), ""


def _columns(d: dict) -> list[tuple]:
    acc = d.get("accessionNumber") or []
    n = len(acc)

    def col(name: str) -> list:
        v = d.get(name) or []
        return list(v) + [None] * (n - len(v))

    forms, filed, items = col("form"), col("filingDate"), col("items")
    report, accept, primary = col("reportDate"), col("acceptanceDateTime"), col("primaryDocument")
    return [
        (i, acc[i], forms[i], filed[i], items[i], report[i], accept[i], primary[i])  # type: ignore[misc]
        for i in range(n)
    ]


def parse_submissions(data: bytes | dict) -> tuple[dict, list[FilingRef], list[str]]:
    """(company facts, filings, names of older pages) from a submissions JSON main file or older page."""
    doc = msgspec.json.decode(data) if isinstance(data, bytes | bytearray) else data
    if not isinstance(doc, dict):
        return {}, [], []
    filings = doc.get("filings")
    if isinstance(filings, dict):
        recent = filings.get("recent") or {}
        pages = [f["name"] for f in filings.get("files") or [] if isinstance(f, dict) and f.get("name")]
        facts = {k: v for k, v in doc.items() if k != "filings"}
    else:  # an older page: the arrays at top level
        recent, pages, facts = doc, [], {}
    cik = str(int(doc.get("cik") or 0)) if str(doc.get("cik") or "").isdigit() else None
    name = doc.get("name")
    out: list[FilingRef] = []
    for _i, acc, form, filed, items, report, accept, primary in _columns(recent):  # type: ignore[misc]
        a = normalize_accession(str(acc or ""))
        if a is None or not form:
            continue
        out.append(
            FilingRef(
                accession=a,
                # An older page carries no CIK of its own: the caller fills it in from the main file.
                cik=cik or str(int(a[:10])),
                form=str(form),
                filed=iso_date(filed),
                company=name,
                items=tuple(x.strip() for x in str(items or "").split(",") if x.strip()),
                report_date=iso_date(report),
                acceptance=accept or None,
                primary_document=primary or None,
            )
        )
    return facts, out, pages


def parse_company_tickers(data: bytes) -> dict[str, str]:
    """``company_tickers.json`` (``{"0": {"cik_str": 320193, "ticker": "AAPL", ...}}``) -> {"AAPL": "320193"}.

    Also accepts ``company_tickers_exchange.json`` (``{"fields": [...], "data": [[cik, name, ticker, ex]]}``).
    """
    doc = msgspec.json.decode(data)
    out: dict[str, str] = {}
    if isinstance(doc, dict) and "fields" in doc and "data" in doc:
        fields = list(doc["fields"])
        ci, ti = fields.index("cik"), fields.index("ticker")
        for row in doc["data"]:
            if row[ti]:
                out.setdefault(str(row[ti]).upper(), str(int(row[ci])))
        return out
    values = doc.values() if isinstance(doc, dict) else doc
    for v in values:
        if isinstance(v, dict) and v.get("ticker") and v.get("cik_str") is not None:
            out.setdefault(str(v["ticker"]).upper(), str(int(v["cik_str"])))
    return out


def dedupe(refs: Iterable[FilingRef]) -> list[FilingRef]:
    """First row per accession (co-registrant filings are listed under each CIK)."""
    seen: set[str] = set()
    out: list[FilingRef] = []
    for r in refs:
        if r.accession not in seen:
            seen.add(r.accession)
            out.append(r)
    return out


def select(
    refs: Iterable[FilingRef],
    forms: frozenset[str] | None = None,
    start: str | None = None,
    end: str | None = None,
    ciks: set[str] | None = None,
) -> list[FilingRef]:
    """Filter by form (exact, case-insensitive), ISO date range (inclusive) and unpadded CIKs."""
    forms = forms if forms is not None else frozenset(FORMS_8K)
    out = []
    for r in refs:
        if r.form.upper() not in forms:
            continue
        if start and (r.filed is None or r.filed < start):
            continue
        if end and (r.filed is None or r.filed > end):
            continue
        if ciks is not None and r.cik not in ciks:
            continue
        out.append(r)
    return dedupe(out)
