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

from eightk.store import schema as S
from eightk.store.query import (
    EVENT_TABLES,
    MULTI,
    attach_events,
    company_where,
    count_rows,
    date_where,
    event_records,
    filing_filter,
    select_filings,
)
from eightk.store.query import filing_summary as _stored_summary
from eightk.store.query import run as _all

__all__ = ["EVENT_TABLES", "MULTI"]  # re-exported: the web layer's event types are the store's

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


def with_company_key(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for r in rows:
        r["company_key"] = company_key(r.get("cik"), r.get("company"))
    return rows


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
    """A CIK whose filings carry a name that slugs to ``key`` (a slug page then redirects to it); None
    when ``key`` is a CIK itself."""
    if CIK_RE.match(key):
        return None
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
        "also_cik": cik_for_slug(conn, key),
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
    company_key_: str | None = None,
    limit: int = 50,
    offset: int = 0,
    **filters: str | None,
) -> list[dict[str, Any]]:
    """Filings, newest first: :meth:`Reader.list_filings` (``filters`` are the keywords of
    :func:`~eightk.store.query.filing_filter`, the event type included) plus a company key."""
    where: list[str] = []
    args: list[Any] = []
    filing_filter(where, args, **filters)
    if company_key_:
        key_where(conn, company_key_, where, args)
    return with_company_key(select_filings(conn, where, args, limit=limit, offset=offset))


def filing_summary(conn: sqlite3.Connection, accession: str) -> dict[str, Any] | None:
    r = _stored_summary(conn, accession)
    return with_company_key([r])[0] if r else None


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
    and only those events. Records carry their ``ordinal`` (0 for one-per-filing tables), offerings
    their ``size``."""
    where: list[str] = []
    args: list[Any] = []
    key_where(conn, key, where, args)
    filing_filter(where, args, event=event, date_from=date_from, date_to=date_to)
    out = with_company_key(select_filings(conn, where, args, order="f.date, f.accession", limit=limit))
    attach_events(conn, out, event=event, extra=_ordinal_and_size)
    return out


def _ordinal_and_size(table: str, row: dict[str, Any], rec: dict[str, Any]) -> None:
    rec["ordinal"] = row["ordinal"] if table in MULTI else 0
    if table == "offerings":
        rec["size"] = row["size"]


def timeline_events(entry: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(event type, record) of every event of one timeline entry, in :data:`EVENT_TABLES` order."""
    out = []
    for etype, table in EVENT_TABLES.items():
        recs = entry.get(table)
        for rec in recs if isinstance(recs, list) else [recs] if recs else []:
            out.append((etype, rec))
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
    date_where(where, args, date_from, date_to)
    sql = (
        "SELECT e.type, e.ordinal, f.accession, f.date, f.form_type, f.cik, f.company, f.ticker "
        f"FROM ({' UNION ALL '.join(parts)}) e JOIN filings f ON f.accession = e.accession"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY f.date DESC, f.accession, e.type, e.ordinal LIMIT ? OFFSET ?"
    )
    rows = [dict(r) for r in _all(conn, sql, [*args, int(limit), int(offset)])]
    # the page's records, a few statements per event type rather than one per row
    records: dict[tuple[str, str, int], dict[str, Any]] = {}
    for etype, table in EVENT_TABLES.items():
        keys = sorted({d["accession"] for d in rows if d["type"] == etype})
        for acc, pairs in event_records(conn, table, keys).items():
            for row, rec in pairs:
                records[(etype, acc, row["ordinal"] if table in MULTI else 0)] = rec
    out = []
    for d in rows:
        data = records.get((d["type"], d["accession"], d["ordinal"]), {})
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
    return count_rows(conn, ("filings", *EVENT_TABLES.values(), "errors"))


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
