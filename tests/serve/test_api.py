"""The REST API, in-process, over the filings shipped in tests/filings."""

from __future__ import annotations

import csv
import io
import sqlite3
from typing import Any

import pytest

from eightk.serve import queries as Q
from eightk.serve.app import QueryTimeout, create_app

from .conftest import SEED_ACCESSION, SEED_KEY, Client


def items(r: Any) -> list[dict[str, Any]]:
    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body) == {"items", "limit", "offset", "next", "previous"}
    return body["items"]


def test_filings_lists_every_stored_filing(client: Client) -> None:
    rows = items(client.get("/api/filings"))
    assert SEED_ACCESSION in {r["accession"] for r in rows}
    dates = [r["date"] for r in rows if r["date"]]
    assert dates == sorted(dates, reverse=True)  # newest first


@pytest.mark.parametrize(
    ("query", "expect_seed"),
    [
        ("company=neotherapeutics", True),
        ("company=NeoTherapeutics", True),
        ("company=zzz-nobody", False),
        ("item=8.01", True),
        ("item=2.02", False),
        ("form_type=8-K", True),
        ("date_from=2002-03-01&date_to=2002-03-31", True),
        ("date_from=2002-03", True),
        ("date_to=2001", False),
        ("event=offering", True),
        ("event=officer_change", False),
    ],
)
def test_filings_filters(client: Client, query: str, expect_seed: bool) -> None:
    rows = items(client.get(f"/api/filings?{query}"))
    assert (SEED_ACCESSION in {r["accession"] for r in rows}) is expect_seed


def test_filing_has_all_parsed_data_with_evidence(client: Client) -> None:
    r = client.get(f"/api/filings/{SEED_ACCESSION}?text=true")
    assert r.status_code == 200
    f = r.json()
    assert f["stored"]["company_key"] == SEED_KEY
    assert f["cover"]["registrant_name"]
    offs = f["offerings"]
    assert [o["shares"] for o in offs][:2] == [2575000, 525000]
    texts = [d.get("text") for d in f["documents"]]
    checked = 0
    for rec in [f["cover"], *offs, *f["exhibits"], *f["signatures"]]:
        for ev in rec.get("evidence", {}).values():
            start, end = ev["span"]
            assert texts[ev["document"]][start:end] == ev["quote"]
            checked += 1
    assert checked >= 10


def test_filing_by_unknown_accession_is_404(client: Client) -> None:
    r = client.get("/api/filings/0000000000-00-000000")
    assert r.status_code == 404
    assert r.json()["detail"]


def test_company_timeline_of_a_company_without_cik(client: Client) -> None:
    r = client.get(f"/api/companies/{SEED_KEY}")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["company"]["key"] == SEED_KEY
    assert body["company"]["cik"] is None
    assert body["company"]["name"].upper().startswith("NEOTHERAPEUTICS")
    (filing,) = body["timeline"]
    tranches = {(o["date"], o["shares"]) for o in filing["offerings"]}
    assert {("2002-03-13", 2575000), ("2002-03-15", 525000)} <= tranches
    assert filing["items"] and filing["officer_changes"] == []


def test_company_timeline_filters_by_event_type(client: Client) -> None:
    assert client.get(f"/api/companies/{SEED_KEY}?event=offering").json()["timeline"]
    assert client.get(f"/api/companies/{SEED_KEY}?event=auditor_change").json()["timeline"] == []


def test_company_by_cik(client: Client) -> None:
    rows = items(client.get("/api/companies"))
    with_cik = [c for c in rows if c["cik"]]
    assert with_cik, "the shipped filings include SGML submissions with a CIK"
    c = with_cik[0]
    assert c["key"] == c["cik"]
    r = client.get(f"/api/companies/{int(c['cik'])}")  # leading zeros optional
    assert r.status_code == 200
    assert r.json()["company"]["cik"] == c["cik"]


def test_company_timeline_csv(client: Client) -> None:
    r = client.get(f"/api/companies/{SEED_KEY}?format=csv")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["type"] for row in rows} == {"offering"}
    assert any("2,575,000 shares" in row["summary"] for row in rows)


def test_unknown_company_is_404(client: Client) -> None:
    assert client.get("/api/companies/no-such-company-anywhere").status_code == 404
    assert client.get("/api/companies/0000000001").status_code == 404


@pytest.mark.parametrize(
    ("query", "expect"),
    [
        ("", {2575000, 525000}),
        ("security=common_stock", {2575000, 525000}),
        ("security=notes", set()),
        ("registered=true", {2575000, 525000}),
        ("registered=false", set()),
        ("min_size=5000000", {2575000}),
        ("max_size=2000000", {525000}),
        ("date_from=2002-03-14&date_to=2002-03-31", {525000}),
        ("date_to=2002-03-13", {2575000}),
        ("company=neotherapeutics", {2575000, 525000}),
    ],
)
def test_offerings_filters(client: Client, query: str, expect: set[int]) -> None:
    rows = items(client.get(f"/api/offerings?{query}&limit=500"))
    seed = {r["shares"] for r in rows if r["accession"] == SEED_ACCESSION}
    assert seed == expect
    for r in rows:
        assert r["company_key"]


def test_offerings_csv_download(client: Client) -> None:
    r = client.get("/api/offerings?company=neotherapeutics&format=csv")
    assert r.status_code == 200
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["shares"] for row in rows} == {"2575000", "525000"}
    assert {row["registered"] for row in rows} == {"true"}


def test_paging_walks_every_row_once(client: Client) -> None:
    everything = items(client.get("/api/offerings?limit=500"))
    assert len(everything) >= 3
    seen = []
    url: str | None = "/api/offerings?limit=2"
    while url:
        body = client.get(url).json()
        seen += [(r["accession"], r["ordinal"]) for r in body["items"]]
        assert len(body["items"]) <= 2
        if body["offset"]:
            assert body["previous"]
        url = body["next"]
    assert seen == [(r["accession"], r["ordinal"]) for r in everything]


def test_search_full_text(client: Client) -> None:
    rows = items(client.get("/api/search?q=warrants"))
    assert any(r["accession"] == SEED_ACCESSION for r in rows)
    hit = next(r for r in rows if r["accession"] == SEED_ACCESSION)
    assert "[" in hit["snippet"] and hit["company_key"] == SEED_KEY
    assert items(client.get('/api/search?q="purchase price per share"'))
    assert items(client.get("/api/search?q=xyzzyplugh")) == []


def test_events_list_and_type_filter(client: Client) -> None:
    rows = items(client.get("/api/events?type=offering&limit=500"))
    assert rows and {r["type"] for r in rows} == {"offering"}
    seed = [r for r in rows if r["accession"] == SEED_ACCESSION]
    assert {r["record"]["shares"] for r in seed} == {2575000, 525000}
    assert all(r["summary"].startswith("Offering:") for r in seed)
    assert items(client.get("/api/events?type=shareholder_vote&company=neotherapeutics")) == []


def test_stats_and_openapi(client: Client) -> None:
    assert client.get("/api/stats").json()["filings"] >= 4
    spec = client.get("/api/openapi.json").json()
    for path in (
        "/api/filings",
        "/api/filings/{accession}",
        "/api/companies/{key}",
        "/api/offerings",
        "/api/search",
    ):
        assert path in spec["paths"]
    params = {p["name"] for p in spec["paths"]["/api/offerings"]["get"]["parameters"]}
    assert {"security", "min_size", "registered", "date_from", "limit", "offset", "format"} <= params


def test_security_headers_on_api_and_pages(client: Client) -> None:
    for url in ("/api/filings", "/", f"/filings/{SEED_ACCESSION}", "/static/app.js", "/api/nowhere"):
        h = client.get(url).headers
        assert "script-src 'self'" in h["content-security-policy"]
        assert "frame-ancestors 'none'" in h["content-security-policy"]
        assert h["x-content-type-options"] == "nosniff"
        assert h["referrer-policy"] == "no-referrer"
        assert "server" not in h


def test_head_is_answered_without_body(client: Client) -> None:
    r = client.request("HEAD", "/api/stats")
    assert r.status_code == 200 and r.content == b""


def test_connection_is_read_only(app: Any) -> None:
    with app.state.db.read() as r, pytest.raises(sqlite3.OperationalError):
        r.conn.execute("DELETE FROM filings")


def test_query_time_is_bounded(db_path: Any) -> None:
    app = create_app(db_path, query_timeout=0.2)
    slow = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
    with pytest.raises(QueryTimeout), app.state.db.read() as r:
        Q._all(r.conn, slow)
    # the same reader works again afterwards
    with app.state.db.read() as r:
        assert Q._all(r.conn, "SELECT count(*) FROM filings")[0][0] >= 1


def test_slow_query_is_a_400_not_a_500(db_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(db_path, query_timeout=0.2)

    def slow(conn: Any, **kw: Any) -> list[dict[str, Any]]:
        Q._all(conn, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c")
        return []

    monkeypatch.setattr(Q, "list_filings", slow)
    c = Client(app)
    r = c.get("/api/filings")
    assert r.status_code == 400 and "longer than" in r.json()["detail"]
    r = c.get("/filings")
    assert r.status_code == 400 and "longer than" in r.text


def test_name_slug_of_a_company_with_cik_redirects_to_the_cik(client: Client) -> None:
    rows = items(client.get("/api/companies?limit=500"))
    by_name = {c["key"] for c in rows if not c["cik"]}
    c = next(c for c in rows if c["cik"] and Q.slug(c["company"]) not in by_name)
    r = client.get(f"/api/companies/{Q.slug(c['company'])}?event=offering", follow_redirects=False)
    assert r.status_code == 307
    assert r.headers["location"] == f"/api/companies/{c['cik']}?event=offering"
    r = client.get(f"/companies/{Q.slug(c['company'])}", follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == f"/companies/{c['cik']}"


def test_name_keyed_company_points_to_its_cik_when_one_exists(client: Client) -> None:
    rows = items(client.get("/api/companies?limit=500"))
    ciks = {Q.slug(c["company"]): c["cik"] for c in rows if c["cik"]}
    both = [c for c in rows if not c["cik"] and c["key"] in ciks]
    if not both:
        pytest.skip("no company in tests/filings has filings both with and without a CIK")
    info = client.get(f"/api/companies/{both[0]['key']}").json()["company"]
    assert info["also_cik"] == ciks[both[0]["key"]]
    assert f"/companies/{info['also_cik']}" in client.get(f"/companies/{both[0]['key']}").text
