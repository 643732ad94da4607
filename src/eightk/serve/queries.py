"""Read queries the web layer needs beyond :class:`eightk.store.query.Reader`.

Everything here is parameterized SQL against the tables of :mod:`eightk.store.schema`, run on the
read-only connection of a :class:`~eightk.store.query.Reader` (so the per-request time limit set by
:mod:`eightk.serve.app` applies to these queries too).

Company keys: a company's page and API address use its **CIK** (10 digits) when a filing of it carries
one, else a **slug of the registrant name** (``NeoTherapeutics, Inc.`` -> ``neotherapeutics-inc``). Old
plain-text filings without an SEC header (the seed filing) have no CIK, so the name is the only key they
have; a slug page shows the filings without a CIK whose name slugs the same way.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from typing import Any

from eightk.errors import StoreError
from eightk.store import schema as S
from eightk.store.query import FILING_SUMMARY, company_where
from eightk.store.rows import record_dict

# Event types of a company timeline -> the table holding them (issue #6).
EVENT_TABLES: dict[str, str] = {
    "offering": "offerings",
    "officer_change": "officer_changes",
    "auditor_change": "auditor_change",
    "results": "results",
    "shareholder_vote": "shareholder_vote",
}
MULTI = {"offerings", "officer_changes"}  # tables with several records per filing (an ordinal each)

CIK_RE = re.compile(r"^[0-9]{1,10}$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slug(name: str | None) -> str:
    """``NEOTHERAPEUTICS, INC.`` -> ``neotherapeutics-inc`` (ASCII letters and digits, dash-separated)."""
    if not name:
        return "unknown"
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")[:120].strip("-")
    if not s:
        return "unknown"
    if s.isdigit():  # would read as a CIK
        s = "n-" + s
    return s


def company_key(cik: str | None, name: str | None) -> str:
    return cik if cik else slug(name)


def _all(conn: sqlite3.Connection, sql: str, args: list[Any] | tuple[Any, ...] = ()) -> list[sqlite3.Row]:
    try:
        return conn.execute(sql, tuple(args)).fetchall()
    except sqlite3.OperationalError as e:
        raise StoreError(f"query failed: {e}") from e


def _summary(r: sqlite3.Row) -> dict[str, Any]:
    d = dict(r)
    codes = d.pop("item_codes", None)
    d["items"] = codes.split() if codes else []
    d["company_key"] = company_key(d.get("cik"), d.get("company"))
    return d


def with_company_key(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for r in rows:
        r["company_key"] = company_key(r.get("cik"), r.get("company"))
    return rows


_SUMMARY_COLS = ", ".join("f." + S.quote(c) for c in FILING_SUMMARY)


# --- companies -------------------------------------------------------------------------------------


def key_where(
    conn: sqlite3.Connection, key: str, where: list[str], args: list[Any], alias: str = "f"
) -> None:
    """Conditions selecting the filings of the company ``key`` (a CIK, or the slug of a name)."""
    if CIK_RE.match(key):
        where.append(f"{alias}.cik = ?")
        args.append(key.zfill(10))
        return
    names = names_for_slug(conn, key, cik_null=True)
    if not names:
        where.append("0")
        return
    where.append(f"{alias}.cik IS NULL AND {alias}.company IN ({', '.join('?' for _ in names)})")
    args += names


def names_for_slug(conn: sqlite3.Connection, key: str, *, cik_null: bool) -> list[str]:
    """The stored company names that slug to ``key`` (among filings without a CIK when ``cik_null``).

    The words of the slug, joined by ``%``, make a LIKE pattern that the (NOCASE) company index can
    answer when the name starts with the first word; names starting with punctuation fall back to a scan.
    """
    if not SLUG_RE.match(key):
        return []
    words = key.split("-")
    if words[0] == "n" and len(words) > 1 and words[1].isdigit():
        words = words[1:]
    cond = "cik IS NULL" if cik_null else "cik IS NOT NULL"
    found: list[str] = []
    for pattern in ("%".join(words) + "%", "%" + "%".join(words) + "%"):
        rows = _all(
            conn,
            f"SELECT DISTINCT company FROM filings WHERE company LIKE ? AND {cond} LIMIT 1000",
            (pattern,),
        )
        found = [r[0] for r in rows if slug(r[0]) == key]
        if found:
            break
    return found


def cik_for_slug(conn: sqlite3.Connection, key: str) -> str | None:
    """A CIK whose filings carry a name that slugs to ``key`` (a slug page then redirects to it)."""
    names = names_for_slug(conn, key, cik_null=False)
    if not names:
        return None
    r = _all(
        conn,
        f"SELECT cik FROM filings WHERE company IN ({', '.join('?' for _ in names)}) AND cik IS NOT NULL "
        "ORDER BY date DESC LIMIT 1",
        names,
    )
    return str(r[0][0]) if r else None


def company_info(conn: sqlite3.Connection, key: str) -> dict[str, Any] | None:
    """Name (latest), CIK, ticker (latest known), filing count and date range of one company."""
    where: list[str] = []
    args: list[Any] = []
    key_where(conn, key, where, args)
    w = " AND ".join(where)
    r = _all(
        conn,
        f"SELECT count(*) AS filings, min(f.date) AS first_date, max(f.date) AS last_date FROM filings f WHERE {w}",
        args,
    )
    if not r or not r[0]["filings"]:
        return None
    latest = _all(
        conn, f"SELECT f.company, f.cik FROM filings f WHERE {w} ORDER BY f.date DESC LIMIT 1", args
    )
    ticker = _all(
        conn,
        f"SELECT f.ticker FROM filings f WHERE {w} AND f.ticker IS NOT NULL ORDER BY f.date DESC LIMIT 1",
        args,
    )
    return {
        # the same name also files under a CIK (its other filings carry an SEC header): link them
        "also_cik": None if CIK_RE.match(key) else cik_for_slug(conn, key),
        "key": key if not CIK_RE.match(key) else key.zfill(10),
        "name": latest[0]["company"],
        "cik": latest[0]["cik"],
        "ticker": ticker[0]["ticker"] if ticker else None,
        "filings": int(r[0]["filings"]),
        "first_date": r[0]["first_date"],
        "last_date": r[0]["last_date"],
    }


def companies(
    conn: sqlite3.Connection, q: str | None, *, limit: int, offset: int, recent: int | None = None
) -> list[dict[str, Any]]:
    """Companies whose name contains ``q`` (or whose ticker or CIK is ``q``), most filings first.
    ``recent``: only companies among the latest ``recent`` filings (a bounded query on a big database)."""
    where: list[str] = []
    args: list[Any] = []
    if q:
        company_where(where, args, q, None, None)
    if recent:
        where.append("f.accession IN (SELECT accession FROM filings ORDER BY date DESC LIMIT ?)")
        args.append(int(recent))
    sql = (
        "SELECT f.cik, max(f.company) AS company, max(f.ticker) AS ticker, count(*) AS filings, "
        "min(f.date) AS first_date, max(f.date) AS last_date FROM filings f"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " GROUP BY f.cik, CASE WHEN f.cik IS NULL THEN upper(f.company) END"
        " ORDER BY filings DESC, company LIMIT ? OFFSET ?"
    )
    out: dict[str, dict[str, Any]] = {}
    for r in _all(conn, sql, [*args, int(limit), int(offset)]):
        d = dict(r)
        k = company_key(d["cik"], d["company"])
        if k in out:  # two spellings of one name (case, punctuation): one company
            prev = out[k]
            prev["filings"] += d["filings"]
            dates = [x for x in (prev["first_date"], prev["last_date"], d["first_date"], d["last_date"]) if x]
            prev["first_date"], prev["last_date"] = (min(dates), max(dates)) if dates else (None, None)
            continue
        d["key"] = k
        out[k] = d
    return list(out.values())


# --- filings ---------------------------------------------------------------------------------------


def list_filings(
    conn: sqlite3.Connection,
    *,
    company: str | None = None,
    cik: str | None = None,
    ticker: str | None = None,
    company_key_: str | None = None,
    item: str | None = None,
    form_type: str | None = None,
    event: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Filings, newest first: :meth:`Reader.list_filings` plus the event-type filter (issue #6)."""
    where: list[str] = []
    args: list[Any] = []
    company_where(where, args, company, cik, ticker)
    if company_key_:
        key_where(conn, company_key_, where, args)
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
    if date_from:
        where.append("f.date >= ?")
        args.append(date_from)
    if date_to:
        where.append("f.date <= ?")
        args.append(date_to + "\uffff")
    sql = f"SELECT {_SUMMARY_COLS} FROM filings f"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY f.date DESC, f.accession LIMIT ? OFFSET ?"
    return [_summary(r) for r in _all(conn, sql, [*args, int(limit), int(offset)])]


def filing_summary(conn: sqlite3.Connection, accession: str) -> dict[str, Any] | None:
    r = _all(conn, f"SELECT {_SUMMARY_COLS} FROM filings f WHERE f.accession = ?", (accession,))
    return _summary(r[0]) if r else None


# --- events and timelines --------------------------------------------------------------------------


def timeline(
    conn: sqlite3.Connection,
    key: str,
    *,
    event: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 500,
) -> list[dict[str, Any]]:
    """A company's filings, oldest first, each with its items and events (offerings, officer changes,
    auditor change, results, shareholder vote). ``event`` keeps the filings holding that kind of event
    and only those events."""
    where: list[str] = []
    args: list[Any] = []
    key_where(conn, key, where, args)
    if event:
        where.append(
            f"EXISTS (SELECT 1 FROM {S.quote(EVENT_TABLES[event])} e WHERE e.accession = f.accession)"
        )
    if date_from:
        where.append("f.date >= ?")
        args.append(date_from)
    if date_to:
        where.append("f.date <= ?")
        args.append(date_to + "\uffff")
    rows = _all(
        conn,
        f"SELECT {_SUMMARY_COLS} FROM filings f WHERE {' AND '.join(where)} ORDER BY f.date, f.accession LIMIT ?",
        [*args, int(limit)],
    )
    out = [_summary(f) for f in rows]
    keys = [e["accession"] for e in out]
    items = _by_accession(conn, "items", keys, "code, code_2004, title")
    recs = {
        table: _records_of(conn, table, keys)
        for etype, table in EVENT_TABLES.items()
        if not event or etype == event
    }
    for entry in out:
        k = entry["accession"]
        entry["items"] = items.get(k, [])
        for table in EVENT_TABLES.values():
            got = recs.get(table, {}).get(k, [])
            entry[table] = got if table in MULTI else (got[0] if got else None)
    return out


def _by_accession(
    conn: sqlite3.Connection, table: str, keys: list[str], cols: str
) -> dict[str, list[dict[str, Any]]]:
    """Rows of ``table`` for many filings (a few statements, not one per filing), grouped by accession."""
    out: dict[str, list[dict[str, Any]]] = {}
    order = " ORDER BY accession, ordinal" if "ordinal" in S.TABLES[table].column_names else ""
    for i in range(0, len(keys), 500):
        chunk = keys[i : i + 500]
        sql = (
            f"SELECT accession AS _acc, {cols} FROM {S.quote(table)} "
            f"WHERE accession IN ({', '.join('?' for _ in chunk)}){order}"
        )
        for r in _all(conn, sql, chunk):
            d = dict(r)
            out.setdefault(d.pop("_acc"), []).append(d)
    return out


def _records_of(conn: sqlite3.Connection, table: str, keys: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Decoded records of an event table for many filings, evidence left out, ordinal and size kept."""
    t = S.TABLES[table]
    cols = ", ".join(c.quoted for c in t.columns)
    out: dict[str, list[dict[str, Any]]] = {}
    for acc, rows in _by_accession(conn, table, keys, cols).items():
        recs = []
        for r in rows:
            d = record_dict(t, r)
            d.pop("evidence", None)
            d["ordinal"] = r["ordinal"] if table in MULTI else 0
            if table == "offerings":
                d["size"] = r["size"]
            recs.append(d)
        out[acc] = recs
    return out


def list_events(
    conn: sqlite3.Connection,
    *,
    event: str | None = None,
    company: str | None = None,
    company_key_: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Events of every company, newest first, one row each: type, filing, company, and the record."""
    parts = []
    for etype, table in EVENT_TABLES.items():
        if event and etype != event:
            continue
        ordinal = "ordinal" if table in MULTI else "0"
        parts.append(f"SELECT '{etype}' AS type, accession, {ordinal} AS ordinal FROM {S.quote(table)}")
    where: list[str] = []
    args: list[Any] = []
    company_where(where, args, company, None, None)
    if company_key_:
        key_where(conn, company_key_, where, args)
    if date_from:
        where.append("f.date >= ?")
        args.append(date_from)
    if date_to:
        where.append("f.date <= ?")
        args.append(date_to + "\uffff")
    sql = (
        "SELECT e.type, e.ordinal, f.accession, f.date, f.form_type, f.cik, f.company, f.ticker "
        f"FROM ({' UNION ALL '.join(parts)}) e JOIN filings f ON f.accession = e.accession"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY f.date DESC, f.accession, e.type, e.ordinal LIMIT ? OFFSET ?"
    )
    out = []
    for r in _all(conn, sql, [*args, int(limit), int(offset)]):
        d = dict(r)
        table = EVENT_TABLES[d["type"]]
        t = S.TABLES[table]
        cols = ", ".join(c.quoted for c in t.columns)
        cond = "accession = ? AND ordinal = ?" if table in MULTI else "accession = ?"
        a = (d["accession"], d["ordinal"]) if table in MULTI else (d["accession"],)
        rec = _all(conn, f"SELECT {cols} FROM {S.quote(table)} WHERE {cond}", a)
        data = record_dict(t, dict(rec[0])) if rec else {}
        data.pop("evidence", None)
        d["company_key"] = company_key(d["cik"], d["company"])
        d["summary"] = event_summary(d["type"], data)
        d["record"] = data
        out.append(d)
    return out


def _num(v: Any) -> str:
    if v is None:
        return "?"
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return f"{v:,}"


def event_summary(etype: str, r: dict[str, Any]) -> str:
    """One line that says what happened, for timelines and CSV."""
    if etype == "offering":
        what = (r.get("security") or "securities").replace("_", " ")
        bits = []
        if r.get("shares") is not None:
            bits.append(f"{_num(r['shares'])} shares of {what}")
        elif r.get("principal_amount") is not None:
            bits.append(f"${_num(r['principal_amount'])} of {what}")
        else:
            bits.append(what)
        if r.get("price_per_share") is not None:
            bits.append(f"at ${r['price_per_share']:,.4g}")
        if r.get("warrant_shares") is not None:
            bits.append(f"with warrants for {_num(r['warrant_shares'])} shares")
        if r.get("gross_proceeds") is not None:
            bits.append(f"(${_num(r['gross_proceeds'])} gross)")
        return "Offering: " + " ".join(bits)
    if etype == "officer_change":
        verb = "appointed" if r.get("change") == "appointment" else "departed"
        role = f" ({r['role']})" if r.get("role") else ""
        return f"Officer {verb}: {r.get('person') or '?'}{role}"
    if etype == "auditor_change":
        return f"Auditor change: {r.get('former_auditor') or '?'} -> {r.get('new_auditor') or '?'}"
    if etype == "results":
        when = r.get("period_end") or ""
        fq = f"Q{r['fiscal_quarter']} " if r.get("fiscal_quarter") else ""
        fy = f"FY{r['fiscal_year']} " if r.get("fiscal_year") else ""
        return f"Results: {fq}{fy}{('period ended ' + when) if when else ''}".strip()
    if etype == "shareholder_vote":
        n = len(r.get("proposals") or [])
        kind = r.get("meeting_type") or "shareholder"
        return f"Vote: {kind} meeting {r.get('meeting_date') or ''}, {n} proposal{'s' if n != 1 else ''}".replace(
            "  ", " "
        )
    return etype


def stats(conn: sqlite3.Connection) -> dict[str, int]:
    out = {}
    for t in (
        "filings",
        "offerings",
        "officer_changes",
        "auditor_change",
        "results",
        "shareholder_vote",
        "errors",
    ):
        out[t] = int(_all(conn, f"SELECT count(*) FROM {S.quote(t)}")[0][0])
    return out


def evidence_fields(
    conn: sqlite3.Connection, record: str, accessions: list[str]
) -> set[tuple[str, int, str]]:
    """(accession, ordinal, field) of every value of ``record`` rows that has evidence."""
    out: set[tuple[str, int, str]] = set()
    for i in range(0, len(accessions), 500):
        chunk = accessions[i : i + 500]
        rows = _all(
            conn,
            f"SELECT accession, ordinal, field FROM evidence WHERE record = ? AND accession IN ({', '.join('?' for _ in chunk)})",
            [record, *chunk],
        )
        out.update((r[0], int(r[1]), r[2]) for r in rows)
    return out
