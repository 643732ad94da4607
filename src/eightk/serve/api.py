"""The REST API under ``/api``: JSON (or CSV with ``format=csv``) over the store, read-only."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from eightk.serve import queries as Q
from eightk.serve.app import get_db, json_bytes
from eightk.serve.params import (
    ACCESSION_RE,
    COMPANY_KEY_RE,
    CompaniesQuery,
    CompanyQuery,
    EventsQuery,
    FilingQuery,
    FilingsQuery,
    NoParams,
    OfferingsQuery,
    Paged,
    SearchQuery,
)

router = APIRouter(prefix="/api", tags=["api"])

_LIST = {
    200: {
        "description": "`{items, limit, offset, next, previous}` (JSON) or a CSV download (`format=csv`)",
        "content": {"application/json": {}, "text/csv": {}},
    },
    422: {"description": "an invalid or unknown parameter"},
    400: {"description": "the query took too long"},
}

Accession = Annotated[
    str,
    Path(
        pattern=ACCESSION_RE,
        max_length=100,
        description="accession number (or input id of a filing without one)",
    ),
]
CompanyKey = Annotated[
    str,
    Path(
        pattern=COMPANY_KEY_RE,
        max_length=130,
        description="CIK, or the slug of the name when no CIK is known",
    ),
]


class JSON(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json_bytes(content)


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list | tuple):
        if all(not isinstance(x, dict | list) for x in v):
            return " ".join(str(x) for x in v)
        return json_bytes(v).decode()
    if isinstance(v, dict):
        return json_bytes(v).decode()
    return v


def csv_response(rows: list[dict[str, Any]], name: str) -> Response:
    cols: dict[str, None] = {}
    for r in rows:
        for k in r:
            cols.setdefault(k, None)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(list(cols))
    for r in rows:
        w.writerow([_cell(r.get(c)) for c in cols])
    return Response(
        buf.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}.csv"'},
    )


def page_url(request: Request, offset: int) -> str:
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "offset"]
    if offset:
        params.append(("offset", str(offset)))
    return request.url.path + ("?" + urlencode(params) if params else "")


def paged(request: Request, rows: list[dict[str, Any]], p: Paged, name: str) -> Response:
    """``rows`` were fetched with ``limit + 1``: the extra row says a next page exists."""
    more = len(rows) > p.limit
    rows = rows[: p.limit]
    if p.format == "csv":
        return csv_response(rows, name)
    return JSON(
        {
            "items": rows,
            "limit": p.limit,
            "offset": p.offset,
            "next": page_url(request, p.offset + p.limit) if more else None,
            "previous": page_url(request, max(0, p.offset - p.limit)) if p.offset else None,
        }
    )


@router.get("/filings", responses=_LIST, summary="Filings, newest first")
def filings(request: Request, p: Annotated[FilingsQuery, Query()]) -> Response:
    """Filter by company (CIK, ticker or part of the name), CIK, ticker, item code, form type, event
    type and date range."""
    with get_db(request).read() as r:
        rows = Q.list_filings(r.conn, **p.filters(), limit=p.limit + 1, offset=p.offset)
    return paged(request, rows, p, "filings")


@router.get(
    "/filings/{accession}",
    summary="One filing: everything parsed, with evidence",
    responses={404: {"description": "no such filing"}, 422: {"description": "invalid parameter"}},
)
def filing(request: Request, accession: Accession, p: Annotated[FilingQuery, Query()]) -> Response:
    """The JSON of `eightk parse` (cover, items, exhibits, signatures, offerings, events; each value's
    evidence as `{document, span, quote}`), plus the store's summary under `stored`."""
    with get_db(request).read() as r:
        f = r.get_filing(accession, with_text=p.text)
    if f is None:
        raise HTTPException(404, f"no filing {accession}")
    s = f["stored"]
    s["company_key"] = Q.company_key(s.get("cik"), s.get("company"))
    return JSON(f)


@router.get("/companies", responses=_LIST, summary="Companies, most filings first")
def companies(request: Request, p: Annotated[CompaniesQuery, Query()]) -> Response:
    with get_db(request).read() as r:
        rows = Q.companies(r.conn, p.q, limit=p.limit + 1, offset=p.offset)
    return paged(request, rows, p, "companies")


def timeline_rows(timeline: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A timeline as flat rows (one per event; a filing without events is one row of type ``filing``)."""
    out = []
    for f in timeline:
        base = {
            "date": f["date"],
            "accession": f["accession"],
            "form_type": f["form_type"],
            "items": " ".join(i["code_2004"] or i["code"] for i in f["items"]),
        }
        events = Q.timeline_events(f)
        for etype, rec in events:
            out.append({**base, "type": etype, "summary": Q.event_summary(etype, rec), "record": rec})
        if not events:
            out.append({**base, "type": "filing", "summary": "", "record": None})
    return out


@router.get(
    "/companies/{key}",
    summary="A company and the timeline of its 8-K events",
    responses={
        **_LIST,
        404: {"description": "no such company"},
        307: {"description": "the company has a CIK"},
    },
)
def company(request: Request, key: CompanyKey, p: Annotated[CompanyQuery, Query()]) -> Response:
    """`key` is the CIK, or the slug of the registrant name for filings without one. Each filing on the
    timeline lists its items and events: offerings, officer changes, auditor change, results,
    shareholder vote; `event` keeps one kind."""
    with get_db(request).read() as r:
        info = Q.company_info(r.conn, key)
        if info is None:
            cik = Q.cik_for_slug(r.conn, key)
            if cik:
                q = request.url.query
                return RedirectResponse(f"/api/companies/{cik}" + (f"?{q}" if q else ""), status_code=307)
            raise HTTPException(404, f"no company {key}")
        tl = Q.timeline(r.conn, key, event=p.event, date_from=p.date_from, date_to=p.date_to, limit=p.limit)
    if p.format == "csv":
        return csv_response(timeline_rows(tl), f"timeline-{info['key']}")
    return JSON({"company": info, "timeline": tl})


@router.get("/offerings", responses=_LIST, summary="Offerings, newest first")
def offerings(request: Request, p: Annotated[OfferingsQuery, Query()]) -> Response:
    """Filter by company, security type, size (gross proceeds, else principal, else shares x price),
    registered or not, and date (the offering's date, else the filing's)."""
    with get_db(request).read() as r:
        rows = r.list_offerings(**p.filters(), limit=p.limit + 1, offset=p.offset)
    return paged(request, Q.with_company_key(rows), p, "offerings")


@router.get("/events", responses=_LIST, summary="Events of every company, newest first")
def events(request: Request, p: Annotated[EventsQuery, Query()]) -> Response:
    """One row per event: offering, officer_change, auditor_change, results or shareholder_vote
    (`type` keeps one kind), with its filing, company, a one-line summary and the record."""
    with get_db(request).read() as r:
        rows = Q.list_events(
            r.conn,
            event=p.type,
            company=p.company,
            date_from=p.date_from,
            date_to=p.date_to,
            limit=p.limit + 1,
            offset=p.offset,
        )
    return paged(request, rows, p, "events")


@router.get("/search", responses=_LIST, summary="Full-text search over the items of every filing")
def search(request: Request, p: Annotated[SearchQuery, Query()]) -> Response:
    """Best matches first, each with a snippet (matches in [brackets]). A query that is not valid FTS5
    syntax is searched as plain words."""
    with get_db(request).read() as r:
        rows = r.search(p.q, limit=p.limit + 1, offset=p.offset)
    return paged(request, Q.with_company_key(rows), p, "search")


@router.get("/stats", summary="How many filings, offerings and events the database holds")
def stats(request: Request, p: Annotated[NoParams, Query()]) -> Response:
    with get_db(request).read() as r:
        return JSON(Q.stats(r.conn))
