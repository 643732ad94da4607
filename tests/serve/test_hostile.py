"""Hostile requests get 4xx (never a 500) and change nothing: injection strings, huge pages, unknown
parameters, path traversal, malformed numbers and encodings, over-long queries, wrong methods."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import SEED_ACCESSION, Client

INJECTIONS = [
    "' OR '1'='1",
    "1; DROP TABLE filings; --",
    "x' UNION SELECT sql, 1, 2 FROM sqlite_master --",
    '" OR ""="',
    "%' OR 1=1 --",
    "\\",
    "'; ATTACH DATABASE '/tmp/x.db' AS x; --",
]

# Parameters with a shape (dates, CIKs, item codes, keys...): a hostile value is refused (4xx).
REFUSED = [
    "/api/filings?cik=1%20OR%201=1",
    "/api/filings?cik=00000000001",
    "/api/filings?date_from=2002'--",
    "/api/filings?date_to=2002-01-01%20OR%201=1",
    "/api/filings?item=2.02'%20OR%20'1'='1",
    "/api/filings?ticker=A'B",
    "/api/filings?form_type=8-K'--",
    "/api/filings?event=offering'--",
    "/api/offerings?security=common_stock'--",
    "/api/offerings?registered=1'--",
    "/api/filings/1'%20OR%20'1'='1",
    "/api/filings/x%27%3BDROP%20TABLE%20filings",
    "/api/companies/x';DROP%20TABLE%20filings;--",
    "/api/companies/Neo%20Therapeutics",
    # page sizes and offsets
    "/api/offerings?limit=100000",
    "/api/offerings?limit=501",
    "/api/offerings?limit=0",
    "/api/offerings?limit=-1",
    "/api/offerings?limit=abc",
    "/api/offerings?limit=1e9",
    "/api/offerings?limit=99999999999999999999999999999",
    "/api/offerings?offset=-1",
    "/api/offerings?offset=99999999999999999999999999999",
    "/api/filings?limit=5&limit=100000",
    "/api/companies/neotherapeutics-inc?limit=1000000",
    "/api/search?q=x&limit=100000",
    # numbers
    "/api/offerings?min_size=nan",
    "/api/offerings?min_size=inf",
    "/api/offerings?max_size=-inf",
    "/api/offerings?min_size=1e400",
    "/api/offerings?min_size=-5",
    "/api/offerings?max_size=0x10",
    # unknown parameters (a typo must not silently widen a query)
    "/api/filings?foo=bar",
    "/api/filings?limti=5",
    "/api/offerings?size=1",
    f"/api/filings/{SEED_ACCESSION}?x=1",
    "/api/companies/neotherapeutics-inc?q=1",
    "/api/stats?debug=1",
    "/api/search?q=x&sql=select",
    "/?x=1",
    "/offerings?foo=bar",
    f"/filings/{SEED_ACCESSION}?doc=1&x=2",
    "/companies/neotherapeutics-inc?format=csv",
    # path traversal
    "/api/filings/..%2F..%2F..%2Fetc%2Fpasswd",
    "/api/filings/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/api/filings/....//....//etc/passwd",
    "/api/companies/..%2F..%2Fetc%2Fpasswd",
    "/static/..%2F..%2Fapp.py",
    "/static/%2e%2e%2fapp.py",
    "/static/..%5c..%5capp.py",
    "/static/app.py",
    "/static/.htaccess",
    "/static/%00app.js",
    "/filings/..%2F..%2Fetc%2Fpasswd",
    "/etc/passwd",
    "/../../etc/passwd",
    "/api/../../../../etc/passwd",
    # encodings and lengths
    "/api/search?q=",
    "/api/search",
    "/api/search?q=" + "a" * 501,
    "/api/filings?company=" + "a" * 201,
    "/api/filings?date_from=%ED%A0%80",
    "/api/filings?cik=%EF%BC%91",  # a full-width digit one
    f"/filings/{SEED_ACCESSION}?doc=999999999",
    f"/filings/{SEED_ACCESSION}?doc=5000",
    "/api/offerings?x=" + "y" * 9000,
]

# Free text (company names, search queries) is data: an injection string is searched for, literally,
# and finds nothing (it cannot widen the result or touch the database).
# (Full-text search is left out: it looks for the words of the string, "1" and "OR" included.)
FREE_TEXT = [
    "/api/filings?company={}",
    "/api/offerings?company={}",
    "/api/events?company={}",
    "/api/companies?q={}",
]


@pytest.mark.parametrize("url", REFUSED)
def test_refused_with_4xx(client: Client, url: str) -> None:
    r = client.get(url)
    assert 400 <= r.status_code < 500, (r.status_code, r.text[:300])
    assert b"root:" not in r.content and b"import " not in r.content


@pytest.mark.parametrize("template", FREE_TEXT)
@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_in_free_text_is_only_data(client: Client, template: str, value: str) -> None:
    from urllib.parse import quote

    r = client.get(template.format(quote(value, safe="")))
    assert r.status_code < 500, r.text
    if r.status_code == 200:
        assert r.json()["items"] == []


@pytest.mark.parametrize(
    "q",
    [
        '"',
        '"unbalanced',
        "NEAR(",
        "a AND",
        "*",
        "OR OR",
        "col:value",
        "^",
        "(((",
        "a NOT",
        "\x00",
        "-x",
        "{a b}",
    ],
)
def test_malformed_full_text_queries(client: Client, q: str) -> None:
    r = client.get("/api/search", params={"q": q})
    assert r.status_code in (200, 422), r.text
    r = client.get("/search", params={"q": q})
    assert r.status_code in (200, 400), r.text


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_writes_are_not_allowed(client: Client, method: str) -> None:
    for url in ("/api/filings", f"/api/filings/{SEED_ACCESSION}", "/"):
        r = client.request(method, url, content=b"DROP TABLE filings")
        assert r.status_code == 405


def test_unknown_paths_are_404(client: Client) -> None:
    assert client.get("/api/nowhere").status_code == 404
    assert client.get("/nowhere").status_code == 404
    assert client.get("/docs").status_code == 404  # no CDN-backed Swagger UI


def test_pages_refuse_bad_input_with_a_page(client: Client) -> None:
    r = client.get("/offerings?min_size=lots")
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("text/html")
    assert "min_size" in r.text


def test_error_pages_escape_what_they_echo(client: Client) -> None:
    r = client.get("/offerings?<script>alert(1)</script>=1")
    assert r.status_code == 400
    assert "<script>alert(1)</script>" not in r.text
    r = client.get("/search", params={"q": "<script>alert(1)</script>"})
    assert "<script>alert(1)</script>" not in r.text


def test_database_unchanged_after_hostile_requests(client: Client) -> None:
    before = client.get("/api/stats").json()
    for url in REFUSED[:20]:
        client.get(url)
    for v in INJECTIONS:
        client.get("/api/filings", params={"company": v})
    assert client.get("/api/stats").json() == before


_values = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["-1", "0", "1e999", "nan", "null", "true", "2002-03", "' OR 1=1", "%", "_", "\\", "0" * 30]
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(
        [
            "/api/filings",
            "/api/offerings",
            "/api/events",
            "/api/search",
            "/api/companies",
            "/offerings",
            "/search",
        ]
    ),
    params=st.dictionaries(
        st.sampled_from(
            [
                "company",
                "cik",
                "ticker",
                "item",
                "form_type",
                "event",
                "date_from",
                "date_to",
                "limit",
                "offset",
                "security",
                "min_size",
                "max_size",
                "registered",
                "q",
                "type",
                "format",
                "zzz",
            ]
        ),
        _values,
        max_size=4,
    ),
)
def test_fuzzed_parameters_never_500(client: Client, path: str, params: dict[str, Any]) -> None:
    r = client.get(path, params=params)
    assert r.status_code < 500, (path, params, r.text[:300])
