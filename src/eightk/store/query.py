"""Read-only queries over the store, for ``eightk query``, the REST API and the web pages.

Every function returns plain JSON-ready values (dicts, lists), decoded from the stored cells.
The :class:`Reader` opens the database with ``mode=ro``; it can be shared by threads (sqlite3
serializes calls on one connection), or open one per thread.

>>> r = Reader("eightk.db")
>>> r.list_offerings(security="common_stock", min_size=10e6, date_from="2020-01-01")
>>> r.timeline("0000320193")            # a company's events by date (CIK, ticker or name)
>>> r.get_filing("0000320193-18-000142")  # everything, with evidence
>>> r.search("going concern", limit=20)  # full text over item bodies (FTS5 syntax)
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable
from typing import Any

from eightk.errors import StoreError
from eightk.model import Filing
from eightk.store import schema as S
from eightk.store.rows import record_dict, rows_to_filing
from eightk.store.sqlite import connect_readonly

FILING_SUMMARY = (
    "accession",
    "input_id",
    "cik",
    "company",
    "ticker",
    "form_type",
    "date",
    "filed_date",
    "report_date",
    "item_codes",
    "source_format",
    "parser_version",
)


# Event types of a company timeline -> the table holding them (issue #6).
EVENT_TABLES: dict[str, str] = {
    "offering": "offerings",
    "officer_change": "officer_changes",
    "auditor_change": "auditor_change",
    "results": "results",
    "shareholder_vote": "shareholder_vote",
}
MULTI = {"offerings", "officer_changes"}  # tables with several records per filing (an ordinal each)


def _like(s: str) -> str:
    return "%" + s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _cik(s: str) -> str | None:
    s = s.strip()
    return s.zfill(10) if s.isdigit() and len(s) <= 10 else None


def company_where(
    where: list[str],
    args: list[Any],
    company: str | None,
    cik: str | None,
    ticker: str | None,
    alias: str = "f",
) -> None:
    """Append the conditions selecting a company (CIK; ticker; CIK, ticker or part of the name)."""
    if cik:
        where.append(f"{alias}.cik = ?")
        args.append(_cik(cik) or cik)
    if ticker:
        where.append(f"{alias}.ticker = ? COLLATE NOCASE")
        args.append(ticker)
    if company:
        c = _cik(company)
        if c:
            where.append(f"{alias}.cik = ?")
            args.append(c)
        else:
            where.append(f"({alias}.company LIKE ? ESCAPE '\\' OR {alias}.ticker = ? COLLATE NOCASE)")
            args += [_like(company), company]


def date_where(
    where: list[str], args: list[Any], date_from: str | None, date_to: str | None, column: str = "f.date"
) -> None:
    """Append an inclusive ISO date range on ``column``; ``date_to`` "2020" or "2020-06" covers the
    whole year or month (every stored date starting with it sorts below ``date_to + U+FFFF``)."""
    if date_from:
        where.append(f"{column} >= ?")
        args.append(date_from)
    if date_to:
        where.append(f"{column} <= ?")
        args.append(date_to + "\uffff")


def filing_filter(
    where: list[str],
    args: list[Any],
    *,
    company: str | None = None,
    cik: str | None = None,
    ticker: str | None = None,
    item: str | None = None,
    form_type: str | None = None,
    event: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> None:
    """Append the conditions over ``filings f`` that ``eightk query filings``, ``eightk export`` and the
    API's filing lists share. ``company`` matches a CIK, a ticker or part of the name; ``item`` is a code
    in today's numbering ("2.02"); ``event`` (a key of :data:`EVENT_TABLES`) keeps the filings holding
    that kind of event; dates are ISO (inclusive) on the filed (else report) date."""
    company_where(where, args, company, cik, ticker)
    if item:
        where.append("f.item_codes LIKE ?")
        args.append(f"% {item.strip()} %")
    if form_type:
        where.append("f.form_type = ? COLLATE NOCASE")
        args.append(form_type)
    if event:
        where.append(
            f"EXISTS (SELECT 1 FROM {S.quote(EVENT_TABLES[event])} e WHERE e.accession = f.accession)"
        )
    date_where(where, args, date_from, date_to)


def run(conn: sqlite3.Connection, sql: str, args: tuple[Any, ...] | list[Any] = ()) -> list[sqlite3.Row]:
    """``sql`` on ``conn``, a failure (a bad FTS query, the request time limit) as :class:`StoreError`."""
    try:
        return conn.execute(sql, tuple(args)).fetchall()
    except sqlite3.OperationalError as e:
        raise StoreError(f"query failed: {e}") from e


SUMMARY_COLS = ", ".join("f." + S.quote(c) for c in FILING_SUMMARY)


def select_filings(
    conn: sqlite3.Connection,
    where: list[str],
    args: list[Any],
    *,
    order: str = "f.date DESC, f.accession",
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """The summaries (:data:`FILING_SUMMARY`, item codes as a list) of the filings matching ``where``."""
    sql = f"SELECT {SUMMARY_COLS} FROM filings f"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order} LIMIT ? OFFSET ?"
    return [_summary(r) for r in run(conn, sql, [*args, int(limit), int(offset)])]


def count_rows(conn: sqlite3.Connection, tables: tuple[str, ...]) -> dict[str, int]:
    """table -> number of rows."""
    return {t: int(run(conn, f"SELECT count(*) FROM {S.quote(t)}")[0][0]) for t in tables}


def filing_summary(conn: sqlite3.Connection, accession: str) -> dict[str, Any] | None:
    r = select_filings(conn, ["f.accession = ?"], [accession], limit=1)
    return r[0] if r else None


def rows_by_accession(
    conn: sqlite3.Connection, table: str, keys: list[str], cols: str
) -> dict[str, list[dict[str, Any]]]:
    """Rows of ``table`` for many filings (a few statements, not one per filing), grouped by accession,
    in ordinal order."""
    out: dict[str, list[dict[str, Any]]] = {}
    order = " ORDER BY accession, ordinal" if "ordinal" in S.TABLES[table].column_names else ""
    for i in range(0, len(keys), 500):
        chunk = keys[i : i + 500]
        sql = (
            f"SELECT accession AS _acc, {cols} FROM {S.quote(table)} "
            f"WHERE accession IN ({', '.join('?' for _ in chunk)}){order}"
        )
        for r in run(conn, sql, chunk):
            d = dict(r)
            out.setdefault(d.pop("_acc"), []).append(d)
    return out


def event_records(
    conn: sqlite3.Connection, table: str, keys: list[str]
) -> dict[str, list[tuple[dict[str, Any], dict[str, Any]]]]:
    """(stored row, decoded record without evidence) of an event table for many filings, by accession."""
    t = S.TABLES[table]
    cols = ", ".join(c.quoted for c in t.columns)
    out: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
    for acc, rows in rows_by_accession(conn, table, keys, cols).items():
        recs = []
        for r in rows:
            d = record_dict(t, r)
            d.pop("evidence", None)
            recs.append((r, d))
        out[acc] = recs
    return out


def attach_events(
    conn: sqlite3.Connection,
    entries: list[dict[str, Any]],
    *,
    event: str | None = None,
    extra: Callable[[str, dict[str, Any], dict[str, Any]], None] | None = None,
) -> None:
    """Give each filing summary of a timeline its items (code, today's code, title) and its events:
    a list under ``offerings`` and ``officer_changes``, one record or None under the other event tables.
    ``event`` fetches that kind only (the others stay empty); ``extra(table, row, record)`` may add
    stored columns to each record."""
    keys = [e["accession"] for e in entries]
    items = rows_by_accession(conn, "items", keys, "code, code_2004, title")
    recs: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for etype, table in EVENT_TABLES.items():
        if event and etype != event:
            continue
        recs[table] = {}
        for acc, pairs in event_records(conn, table, keys).items():
            if extra:
                for row, rec in pairs:
                    extra(table, row, rec)
            recs[table][acc] = [rec for _, rec in pairs]
    for entry in entries:
        k = entry["accession"]
        entry["items"] = items.get(k, [])
        for table in EVENT_TABLES.values():
            got = recs.get(table, {}).get(k, [])
            entry[table] = got if table in MULTI else (got[0] if got else None)


class Reader:
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = path
        self.conn = connect_readonly(path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _all(self, sql: str, args: tuple[Any, ...] | list[Any] = ()) -> list[sqlite3.Row]:
        return run(self.conn, sql, args)

    # -- filings ----------------------------------------------------------------------------------
    def list_filings(
        self,
        *,
        company: str | None = None,
        cik: str | None = None,
        ticker: str | None = None,
        item: str | None = None,
        form_type: str | None = None,
        event: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Filings, newest first, selected by :func:`filing_filter`."""
        where: list[str] = []
        args: list[Any] = []
        filing_filter(
            where,
            args,
            company=company,
            cik=cik,
            ticker=ticker,
            item=item,
            form_type=form_type,
            event=event,
            date_from=date_from,
            date_to=date_to,
        )
        return select_filings(self.conn, where, args, limit=limit, offset=offset)

    def count_filings(self) -> int:
        return int(self._all("SELECT count(*) FROM filings")[0][0])

    def _rows(self, table: str, key: str) -> list[dict[str, Any]]:
        t = S.TABLES[table]
        cols = ", ".join(c.quoted for c in t.columns)
        return [
            dict(r) for r in self._all(f"SELECT {cols} FROM {S.quote(table)} WHERE accession = ?", (key,))
        ]

    def resolve_key(self, key: str) -> str | None:
        """An accession number or an input id -> the stored key."""
        for sql in (
            "SELECT accession FROM filings WHERE accession = ?",
            "SELECT accession FROM filings WHERE input_id = ?",
        ):
            r = self._all(sql, (key,))
            if r:
                return str(r[0][0])
        return None

    def load_filing(self, key: str) -> Filing | None:
        """The stored :class:`~eightk.model.Filing` itself (documents' text included)."""
        k = self.resolve_key(key)
        if k is None:
            return None
        return rows_to_filing({t.name: self._rows(t.name, k) for t in S.FILING_TABLES})

    def get_filing(self, key: str, *, with_text: bool = False) -> dict[str, Any] | None:
        """One filing with everything (the JSON of ``eightk parse``, evidence included) plus the store's
        summary columns under ``"stored"``. Document text only when ``with_text``."""
        from eightk.serialize import filing_to_dict

        k = self.resolve_key(key)
        if k is None:
            return None
        filing = self.load_filing(k)
        assert filing is not None
        out = filing_to_dict(filing, with_text=with_text)
        out["stored"] = filing_summary(self.conn, k)
        return out

    def filing_summary(self, key: str) -> dict[str, Any] | None:
        """The store's summary columns of one filing (``get_filing(key)["stored"]`` without decoding
        the filing)."""
        k = self.resolve_key(key)
        return filing_summary(self.conn, k) if k is not None else None

    def items(self, key: str, *, with_text: bool = True) -> list[dict[str, Any]]:
        """A filing's items in order: code, today's code, title, and the body text."""
        k = self.resolve_key(key) or key
        cols = "ordinal, code, code_2004, title, empty" + (", text" if with_text else "")
        return [
            {**dict(r), "empty": bool(r["empty"])}
            for r in self._all(f"SELECT {cols} FROM items WHERE accession = ? ORDER BY ordinal", (k,))
        ]

    def document_text(self, key: str, index: int) -> str | None:
        """The normalized text of one document (what evidence spans index into)."""
        k = self.resolve_key(key) or key
        r = self._all('SELECT text FROM documents WHERE accession = ? AND "index" = ?', (k, index))
        return S.from_cell("ztext", r[0][0]) if r and r[0][0] is not None else None

    # -- offerings --------------------------------------------------------------------------------
    def list_offerings(
        self,
        *,
        company: str | None = None,
        cik: str | None = None,
        ticker: str | None = None,
        security: str | None = None,
        min_size: float | None = None,
        max_size: float | None = None,
        registered: bool | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Offerings with their filing's company and date, newest first. ``size`` is gross proceeds,
        else principal amount, else shares x price."""
        where: list[str] = []
        args: list[Any] = []
        company_where(where, args, company, cik, ticker)
        if security:
            where.append("o.security = ?")
            args.append(security)
        if min_size is not None:
            where.append("o.size >= ?")
            args.append(float(min_size))
        if max_size is not None:
            where.append("o.size <= ?")
            args.append(float(max_size))
        if registered is not None:
            where.append("o.registered = ?")
            args.append(int(registered))
        date_where(where, args, date_from, date_to, column="coalesce(o.date, f.date)")
        cols = ", ".join(
            "o." + c.quoted for c in S.OFFERINGS.columns if c.name not in ("accession", "evidence")
        )
        sql = (
            f"SELECT o.accession, f.cik, f.company, f.ticker, f.date AS filing_date, f.form_type, {cols} "
            "FROM offerings o JOIN filings f ON f.accession = o.accession"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY coalesce(o.date, f.date) DESC, o.accession, o.ordinal LIMIT ? OFFSET ?"
        out = []
        for r in self._all(sql, [*args, int(limit), int(offset)]):
            d = dict(r)
            for c in S.OFFERINGS.field_columns:
                if c.name in d:
                    d[c.name] = S.from_cell(c.kind, d[c.name])
            out.append(d)
        return out

    # -- timeline ---------------------------------------------------------------------------------
    def timeline(self, company: str, *, limit: int = 500) -> list[dict[str, Any]]:
        """A company's events by date: each filing with its items, offerings, officer changes,
        auditor change, results and shareholder vote (CIK, ticker or part of the name)."""
        where: list[str] = []
        args: list[Any] = []
        company_where(where, args, company, None, None)
        out = select_filings(self.conn, where, args, order="f.date, f.accession", limit=limit)
        attach_events(self.conn, out)
        return out

    # -- full text --------------------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Items whose body matches ``query`` (FTS5 syntax: words, "a phrase", NEAR, OR, prefix*),
        best first, with a snippet that brackets the matches."""
        sql = (
            "SELECT i.accession, i.ordinal, i.code, i.code_2004, i.title, f.cik, f.company, f.date, "
            "snippet(items_fts, 0, '[', ']', '…', 16) AS snippet, bm25(items_fts) AS score "
            "FROM items_fts JOIN items i ON i.rowid = items_fts.rowid JOIN filings f ON f.accession = i.accession "
            "WHERE items_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?"
        )
        try:
            rows = self.conn.execute(sql, (query, int(limit), int(offset))).fetchall()
        except sqlite3.OperationalError:
            # Not valid FTS5 syntax (a stray quote, a colon...): search the words as a phrase-free AND.
            words = re.findall(r"\w+", query)
            if not words:
                return []
            rows = self._all(sql, (" ".join(f'"{w}"' for w in words), int(limit), int(offset)))
        return [dict(r) for r in rows]

    # -- errors and stats -------------------------------------------------------------------------
    def errors(self, *, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        return [
            dict(r)
            for r in self._all(
                "SELECT * FROM errors ORDER BY input_id LIMIT ? OFFSET ?", (int(limit), int(offset))
            )
        ]

    def stats(self) -> dict[str, int]:
        return count_rows(
            self.conn, ("filings", "items", "exhibits", "offerings", "officer_changes", "errors")
        )


def _summary(r: sqlite3.Row) -> dict[str, Any]:
    d = dict(r)
    codes = d.pop("item_codes", None)
    d["items"] = codes.split() if codes else []
    return d
