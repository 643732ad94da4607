"""A :class:`~eightk.model.Filing` to table rows and back.

:func:`filing_rows` is pure and runs in the worker processes (JSON encoding and zlib compression are most
of the cost of storing), so the single writer only executes inserts. :func:`rows_to_filing` rebuilds the
Filing from stored rows: ``rows_to_filing(filing_rows(f)) == f``, which a test checks on real filings.
"""

from __future__ import annotations

from typing import Any

import msgspec

from eightk.model import Evidence, Filing, Item
from eightk.store import schema as S

Rows = dict[str, list[tuple[Any, ...]]]


def filing_key(filing: Filing, input_id: str | None = None) -> str:
    """Accession number from the header, else the input id, else the filing's id."""
    return filing.accession_number or input_id or filing.id


def company_of(filing: Filing) -> tuple[str | None, str | None, str | None]:
    """(CIK, name, ticker): CIK from the header; name from the cover, else the header's first filer."""
    h = filing.header
    cik = h.cik if h else None
    name = filing.cover.registrant_name or (h.filers[0].name if h and h.filers else None)
    ticker = next((s.trading_symbol for s in filing.cover.securities_12b if s.trading_symbol), None)
    if ticker is None:
        ticker = filing.cover.xbrl.get("dei:TradingSymbol") or filing.cover.xbrl.get("TradingSymbol")
    if cik is None:
        x = filing.cover.xbrl.get("dei:EntityCentralIndexKey") or filing.cover.xbrl.get(
            "EntityCentralIndexKey"
        )
        if x and x.strip().isdigit():
            cik = x.strip().zfill(10)
    return cik, name, ticker


def offering_size(o: Any) -> float | None:
    if o.gross_proceeds is not None:
        return float(o.gross_proceeds)
    if o.principal_amount is not None:
        return float(o.principal_amount)
    if o.shares is not None and o.price_per_share is not None:
        return float(o.shares) * float(o.price_per_share)
    return None


def _record_row(table: S.Table, obj: msgspec.Struct, keys: dict[str, Any], extra: dict[str, Any]) -> tuple:
    out = []
    for c in table.columns:
        if c.field is not None:
            out.append(S.to_cell(c.kind, getattr(obj, c.field)))
        elif c.name in keys:
            out.append(keys[c.name])
        else:
            out.append(extra.get(c.name))
    return tuple(out)


def filing_rows(filing: Filing, input_id: str | None = None) -> Rows:
    """Rows of every filing table for one filing (tables with no rows are present and empty)."""
    key = filing_key(filing, input_id)
    pv = filing.parser_version
    rows: Rows = {t.name: [] for t in S.FILING_TABLES}
    base = {"accession": key, "parser_version": pv}
    evidence = rows["evidence"]

    def add_ev(record: str, ordinal: int, ev: dict[str, Evidence]) -> None:
        for fname, e in sorted(ev.items()):
            evidence.append(
                _record_row(S.EVIDENCE, e, {**base, "record": record, "ordinal": ordinal, "field": fname}, {})
            )

    cik, name, ticker = company_of(filing)
    filed = filing.filed_date
    report = filing.cover.report_date
    codes = [i.code_2004 or i.code for i in filing.items]
    rows["filings"].append(
        _record_row(
            S.FILINGS,
            filing,
            base,
            {
                "input_id": input_id,
                "cik": cik,
                "company": name,
                "ticker": ticker,
                "filed_date": filed,
                "report_date": report,
                "date": filed or report,
                "item_codes": (" " + " ".join(codes) + " ") if codes else None,
            },
        )
    )
    if filing.header is not None:
        rows["headers"].append(_record_row(S.HEADERS, filing.header, base, {}))
        for i, f in enumerate(filing.header.filers):
            rows["filers"].append(_record_row(S.FILERS, f, {**base, "ordinal": i}, {}))
    rows["covers"].append(_record_row(S.COVERS, filing.cover, base, {}))
    add_ev("covers", 0, filing.cover.evidence)
    docs = filing.documents
    for i, it in enumerate(filing.items):
        text = _item_text(it, docs)
        rows["items"].append(_record_row(S.ITEMS, it, {**base, "ordinal": i}, {"text": text}))
    for table, records in (
        (S.EXHIBITS, filing.exhibits),
        (S.SIGNATURES, filing.signatures),
        (S.OFFERINGS, filing.offerings),
        (S.OFFICER_CHANGES, filing.events.officer_changes),
    ):
        for i, r in enumerate(records):
            extra = {"size": offering_size(r)} if table is S.OFFERINGS else {}
            rows[table.name].append(_record_row(table, r, {**base, "ordinal": i}, extra))
            add_ev(table.name, i, r.evidence)  # type: ignore[attr-defined]
    for table, rec in (
        (S.AUDITOR_CHANGE, filing.events.auditor_change),
        (S.RESULTS, filing.events.results),
        (S.SHAREHOLDER_VOTE, filing.events.shareholder_vote),
    ):
        if rec is not None:
            rows[table.name].append(_record_row(table, rec, base, {}))
            add_ev(table.name, 0, rec.evidence)  # type: ignore[attr-defined]
    for d in docs:
        rows["documents"].append(_record_row(S.DOCUMENTS, d, base, {}))
    for i, w in enumerate(filing.warnings):
        rows["warnings"].append(_record_row(S.WARNINGS, None, {**base, "ordinal": i}, {"message": w}))  # type: ignore[arg-type]
    return rows


def _item_text(it: Item, docs: tuple[Any, ...]) -> str | None:
    if not 0 <= it.document < len(docs):
        return None
    return docs[it.document].text[it.body_start : it.body_end]


# --- back -------------------------------------------------------------------------------------------


def record_dict(table: S.Table, row: dict[str, Any]) -> dict[str, Any]:
    """The Struct fields of one stored row, decoded (JSON parsed, text decompressed, 0/1 to bool)."""
    return {c.field: S.from_cell(c.kind, row[c.name]) for c in table.field_columns if c.field}


def rows_to_filing(tables: dict[str, list[dict[str, Any]]]) -> Filing:
    """Rebuild a Filing from its rows (each a column -> value dict, as read with ``sqlite3.Row``)."""
    ev: dict[tuple[str, int], dict[str, dict[str, Any]]] = {}
    for r in tables.get("evidence", []):
        ev.setdefault((r["record"], r["ordinal"]), {})[r["field"]] = record_dict(S.EVIDENCE, r)

    def recs(name: str, with_ev: bool = True) -> list[dict[str, Any]]:
        out = []
        for r in sorted(tables.get(name, []), key=lambda r: r.get("ordinal") or 0):
            d = record_dict(S.TABLES[name], r)
            if with_ev and "evidence" in S.TABLES[name].children:
                d["evidence"] = ev.get((name, r.get("ordinal") or 0), {})
            out.append(d)
        return out

    (f,) = recs("filings", with_ev=False)
    headers = recs("headers", with_ev=False)
    if headers:
        headers[0]["filers"] = recs("filers", with_ev=False)
        f["header"] = headers[0]
    else:
        f["header"] = None
    f["cover"] = recs("covers")[0]
    f["items"] = recs("items", with_ev=False)
    f["exhibits"] = recs("exhibits")
    f["signatures"] = recs("signatures")
    f["offerings"] = recs("offerings")
    events: dict[str, Any] = {"officer_changes": recs("officer_changes")}
    for name in ("auditor_change", "results", "shareholder_vote"):
        r = recs(name)
        events[name] = r[0] if r else None
    f["events"] = events
    f["documents"] = sorted(recs("documents", with_ev=False), key=lambda d: d["index"])
    f["warnings"] = [r["message"] for r in sorted(tables.get("warnings", []), key=lambda r: r["ordinal"])]
    return msgspec.convert(f, Filing)
