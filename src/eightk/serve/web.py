"""The web pages: search, company timeline with offerings chart, filing text with highlighted evidence,
offerings screener, filings list, API reference. Server-rendered HTML (Jinja2, autoescaped); one small
script (``static/app.js``) makes evidence clicks scroll and highlight. Everything works offline."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from eightk import __version__
from eightk.serve import queries as Q
from eightk.serve import render
from eightk.serve.app import get_db
from eightk.serve.params import (
    ACCESSION_RE,
    COMPANY_KEY_RE,
    CompanyPageQuery,
    FilingPageQuery,
    FilingsQuery,
    NoParams,
    OfferingsQuery,
    Paged,
    PageSearchQuery,
)

router = APIRouter(include_in_schema=False)

env = Environment(
    loader=PackageLoader("eightk.serve", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
env.filters["fmt"] = render.fmt
env.filters["fmt_field"] = render.fmt_field
env.filters["compact"] = render.compact
env.filters["snippet"] = render.snippet
env.globals["version"] = __version__
env.globals["EVENT_TYPES"] = [
    ("offering", "Offerings"),
    ("officer_change", "Officer changes"),
    ("auditor_change", "Auditor changes"),
    ("results", "Results"),
    ("shareholder_vote", "Votes"),
]
env.globals["SECURITIES"] = [
    "common_stock",
    "preferred_stock",
    "units",
    "convertible_notes",
    "notes",
    "warrants",
    "other",
]


def page(request: Request, template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    html = env.get_template(template).render(request=request, path=request.url.path, **ctx)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return page(request, "error.html", status=status, status_code=status, message=message)


def with_params(request: Request, **changes: Any) -> str:
    """The current URL with some query parameters changed (None removes one)."""
    params = {k: v for k, v in request.query_params.items() if v != ""}
    for k, v in changes.items():
        if v is None or v == "":
            params.pop(k, None)
        else:
            params[k] = str(v)
    return request.url.path + ("?" + urlencode(params) if params else "")


env.globals["with_params"] = with_params


def pager(request: Request, n: int, limit: int, offset: int) -> dict[str, str | None]:
    return {
        "previous": with_params(request, offset=max(0, offset - limit) or None) if offset else None,
        "next": with_params(request, offset=offset + limit) if n > limit else None,
    }


AccessionP = Annotated[str, Path(pattern=ACCESSION_RE, max_length=100)]
CompanyKeyP = Annotated[str, Path(pattern=COMPANY_KEY_RE, max_length=130)]


# --- static ----------------------------------------------------------------------------------------


@router.get("/static/{name}")
def static(request: Request, name: Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9._-]{0,60}$")]) -> Response:
    """Files read from the package at start; the name is only a dictionary key."""
    f = request.app.state.static.get(name)
    if f is None:
        raise HTTPException(404, "not found")
    return Response(f[0], media_type=f[1], headers={"cache-control": "public, max-age=3600"})


@router.get("/favicon.ico")
def favicon(request: Request) -> Response:
    return RedirectResponse("/static/favicon.svg", status_code=301)


# --- pages -----------------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def home(request: Request, p: Annotated[NoParams, Query()]) -> Response:
    with get_db(request).read() as r:
        stats = Q.stats(r.conn)
        companies = Q.companies(r.conn, None, limit=25, offset=0, recent=2000)
        recent = Q.list_filings(r.conn, limit=15)
    return page(request, "home.html", stats=stats, companies=companies, recent=recent)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, p: Annotated[PageSearchQuery, Query()]) -> Response:
    q = p.q.strip()
    companies: list[dict[str, Any]] = []
    hits: list[dict[str, Any]] = []
    if q:
        with get_db(request).read() as r:
            if not p.offset:
                companies = Q.companies(r.conn, q[:200], limit=20, offset=0)
            hits = Q.with_company_key(r.search(q, limit=p.limit + 1, offset=p.offset))
    if len(companies) == 1 and not hits and not p.offset:
        return RedirectResponse(f"/companies/{companies[0]['key']}", status_code=303)
    return page(
        request,
        "search.html",
        q=q,
        companies=companies,
        hits=hits[: p.limit],
        pager=pager(request, len(hits), p.limit, p.offset),
    )


@router.get("/companies/{key}", response_class=HTMLResponse)
def company(request: Request, key: CompanyKeyP, p: Annotated[CompanyPageQuery, Query()]) -> Response:
    with get_db(request).read() as r:
        info = Q.company_info(r.conn, key)
        if info is None:
            cik = Q.cik_for_slug(r.conn, key)
            if cik:
                return RedirectResponse(
                    with_params(request).replace(f"/companies/{key}", f"/companies/{cik}", 1), 307
                )
            raise HTTPException(404, f"no company {key} in this database")
        tl = Q.timeline(r.conn, key, event=p.event, date_from=p.date_from, date_to=p.date_to, limit=1000)
        # the offerings table and chart show every offering, whatever the event filter
        all_tl = (
            tl
            if p.event in (None, "offering")
            else Q.timeline(
                r.conn, key, event="offering", date_from=p.date_from, date_to=p.date_to, limit=1000
            )
        )
        offerings = []
        for f in all_tl:
            for o in f["offerings"]:
                offerings.append({**o, "accession": f["accession"], "when": o.get("date") or f["date"]})
        evidence = Q.evidence_fields(r.conn, "offerings", sorted({o["accession"] for o in offerings}))
    offerings.sort(key=lambda o: (o["when"] or "", o["accession"], o["ordinal"]))
    events = []
    for f in tl:
        evs = [
            {"type": etype, "summary": Q.event_summary(etype, rec), "ordinal": rec.get("ordinal", 0)}
            for etype, rec in Q.timeline_events(f)
        ]
        events.append({**f, "events": evs})
    return page(
        request,
        "company.html",
        info=info,
        timeline=events,
        offerings=offerings,
        evidence=evidence,
        chart=render.offerings_chart(offerings, evidence),
        event=p.event,
        ev_id=render.ev_id,
        api=f"/api/companies/{info['key']}" + (f"?{request.url.query}" if request.url.query else ""),
    )


@router.get("/filings/{accession}", response_class=HTMLResponse)
def filing(request: Request, accession: AccessionP, p: Annotated[FilingPageQuery, Query()]) -> Response:
    with get_db(request).read() as r:
        key = r.resolve_key(accession)
        f = r.load_filing(key) if key else None
        summary = Q.filing_summary(r.conn, key) if key else None
    if f is None or summary is None:
        raise HTTPException(404, f"no filing {accession} in this database")
    groups, spans = render.filing_groups(f)
    show = {f.primary, *spans.keys()}
    if p.doc is not None:
        if not 0 <= p.doc < len(f.documents):
            raise HTTPException(404, f"filing {accession} has no document {p.doc}")
        show.add(p.doc)
    docs = []
    for d in f.documents:
        entry: dict[str, Any] = {"doc": d, "shown": d.index in show, "marks": len(spans.get(d.index, []))}
        if entry["shown"]:
            entry["html"] = render.highlight(d.text, spans.get(d.index, []))
        docs.append(entry)
    return page(request, "filing.html", f=f, s=summary, groups=groups, docs=docs)


@router.get("/offerings", response_class=HTMLResponse)
def offerings(request: Request, p: Annotated[OfferingsQuery, Query()]) -> Response:
    if p.format != "json":
        return RedirectResponse("/api/offerings?" + request.url.query, status_code=303)
    with get_db(request).read() as r:
        rows = Q.with_company_key(r.list_offerings(**p.filters(), limit=p.limit + 1, offset=p.offset))
        evidence = Q.evidence_fields(r.conn, "offerings", sorted({o["accession"] for o in rows}))
    return list_page(
        request, "offerings.html", "/api/offerings", p, rows, evidence=evidence, ev_id=render.ev_id
    )


@router.get("/filings", response_class=HTMLResponse)
def filings(request: Request, p: Annotated[FilingsQuery, Query()]) -> Response:
    if p.format != "json":
        return RedirectResponse("/api/filings?" + request.url.query, status_code=303)
    with get_db(request).read() as r:
        rows = Q.list_filings(r.conn, **p.filters(), limit=p.limit + 1, offset=p.offset)
    return list_page(request, "filings.html", "/api/filings", p, rows)


def list_page(
    request: Request, template: str, api: str, p: Paged, rows: list[dict[str, Any]], **ctx: Any
) -> HTMLResponse:
    """A page of a list the API also serves: ``rows`` were fetched with ``limit + 1`` (the extra row
    says a next page exists); links to the same list as JSON and as a CSV download."""
    q = request.url.query
    return page(
        request,
        template,
        p=p,
        rows=rows[: p.limit],
        pager=pager(request, len(rows), p.limit, p.offset),
        csv=f"{api}?"
        + urlencode(
            [*[(k, v) for k, v in request.query_params.multi_items() if k != "format"], ("format", "csv")]
        ),
        json=api + (f"?{q}" if q else ""),
        **ctx,
    )


@router.get("/api", response_class=HTMLResponse)
def api_docs(request: Request, p: Annotated[NoParams, Query()]) -> Response:
    """The API reference, rendered from the OpenAPI document (Swagger UI would need a CDN)."""
    spec = request.app.openapi()
    endpoints = []
    for path, ops in spec.get("paths", {}).items():
        for method, op in ops.items():
            params = []
            for prm in op.get("parameters", []):
                sch = prm.get("schema", {})
                params.append(
                    {
                        "name": prm["name"],
                        "in": prm["in"],
                        "required": prm.get("required", False),
                        "type": _schema_type(sch),
                        "description": prm.get("description") or sch.get("description") or "",
                        "default": sch.get("default"),
                    }
                )
            endpoints.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "params": params,
                }
            )
    return page(request, "apidocs.html", spec=spec, endpoints=endpoints)


def _schema_type(s: dict[str, Any]) -> str:
    if "enum" in s:
        return " | ".join(str(x) for x in s["enum"])
    if "anyOf" in s:
        return " | ".join(_schema_type(x) for x in s["anyOf"] if x.get("type") != "null") or "any"
    t = str(s.get("type", "any"))
    bounds = []
    if "minimum" in s:
        bounds.append(f">= {s['minimum']:g}")
    if "maximum" in s:
        bounds.append(f"<= {s['maximum']:g}")
    if "pattern" in s:
        bounds.append(f"pattern {s['pattern']}")
    return t + (f" ({', '.join(bounds)})" if bounds else "")
