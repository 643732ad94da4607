"""The web pages in-process (HTML), and the highlighting that puts evidence into a filing's text."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from eightk.serve import queries as Q
from eightk.serve.render import highlight

from .conftest import SEED_ACCESSION, SEED_KEY, Client


def test_home_has_a_search_box_and_the_companies(client: Client) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert 'name="q"' in r.text and 'action="/search"' in r.text
    assert f'href="/companies/{SEED_KEY}"' in r.text


def test_search_finds_companies_and_item_text(client: Client) -> None:
    r = client.get("/search?q=warrants")
    assert r.status_code == 200
    assert f"/filings/{SEED_ACCESSION}" in r.text
    assert "<mark>" in r.text
    # one company and no text hit: straight to its page
    r = client.get("/search?q=neotherapeutics%20inc", follow_redirects=False)
    assert r.status_code in (200, 303)


def test_company_page_shows_both_tranches_with_links_to_evidence(client: Client) -> None:
    r = client.get(f"/companies/{SEED_KEY}")
    assert r.status_code == 200
    t = r.text
    assert "2,575,000" in t and "525,000" in t
    assert "2002-03-13" in t and "2002-03-15" in t
    assert f'href="/filings/{SEED_ACCESSION}#ev-offerings-0-shares"' in t
    assert f'href="/filings/{SEED_ACCESSION}#ev-offerings-1-shares"' in t
    assert '<svg class="chart"' in t  # the chart is drawn server-side
    assert "Timeline of 8-K events" in t


def test_company_page_event_filter(client: Client) -> None:
    r = client.get(f"/companies/{SEED_KEY}?event=officer_change")
    assert r.status_code == 200
    assert "No filings with this kind of event" in r.text
    assert "2,575,000" in r.text  # the offerings table is still there


def test_filing_page_highlights_every_value_with_evidence(client: Client) -> None:
    r = client.get(f"/filings/{SEED_ACCESSION}")
    assert r.status_code == 200
    t = r.text
    f = client.get(f"/api/filings/{SEED_ACCESSION}").json()
    n = 0
    for i, o in enumerate(f["offerings"]):
        for field in o["evidence"]:
            assert f'id="ev-offerings-{i}-{field}"' in t
            assert f'data-ev="offerings-{i}-{field}"' in t
            n += 1
    for field in f["cover"].get("evidence", {}):
        assert f'id="ev-cover-0-{field}"' in t
    assert n >= 10
    assert "<script>" not in t.replace('<script src="/static/app.js" defer></script>', "")  # no inline script


def test_filing_page_unknown_is_404_page(client: Client) -> None:
    r = client.get("/filings/0000000000-00-000000")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")


def test_offerings_screener(client: Client) -> None:
    r = client.get("/offerings?security=common_stock&registered=true&min_size=&date_from=")
    assert r.status_code == 200
    assert "2,575,000" in r.text
    assert "/api/offerings?" in r.text and "format=csv" in r.text
    r = client.get("/offerings?registered=false")
    assert "2,575,000" not in r.text
    r = client.get("/offerings?format=csv", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/api/offerings?")


def test_filings_page_and_api_reference(client: Client) -> None:
    assert SEED_ACCESSION in client.get("/filings?event=offering").text
    r = client.get("/api")
    assert r.status_code == 200 and "/api/offerings" in r.text and "min_size" in r.text


def test_static_files_come_from_memory(client: Client) -> None:
    for name, kind in (("app.js", "javascript"), ("style.css", "css"), ("favicon.svg", "svg")):
        r = client.get(f"/static/{name}")
        assert r.status_code == 200 and kind in r.headers["content-type"]
    assert client.get("/static/__init__.py").status_code == 400  # not even a valid name
    assert client.get("/static/web.py").status_code == 404  # a file of the package, never served


def test_slug() -> None:
    assert Q.slug("NEOTHERAPEUTICS, INC.") == "neotherapeutics-inc"
    assert Q.slug("NeoTherapeutics,  Inc") == "neotherapeutics-inc"
    assert Q.slug("Société Générale") == "societe-generale"
    assert Q.slug("1-800-Flowers.com") == "1-800-flowers-com"
    assert Q.slug("7777") == "n-7777"  # never mistaken for a CIK
    assert Q.slug("") == Q.slug(None) == "unknown"
    assert Q.company_key("0000320193", "Apple Inc.") == "0000320193"


# --- highlight ---------------------------------------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")


def _strip(h: str) -> str:
    return html.unescape(_TAG.sub("", h))


def test_highlight_overlapping_spans() -> None:
    text = "sold 2,575,000 shares of its common stock at $2.00 <each>"
    spans = [(5, 14, "a"), (5, 41, "b"), (15, 41, "c"), (45, 50, "d"), (0, 999, "bad"), (7, 7, "empty")]
    h = str(highlight(text, spans))
    assert _strip(h) == text
    assert h.count('id="ev-a"') == h.count('id="ev-b"') == 1
    assert 'id="ev-bad"' not in h and 'id="ev-empty"' not in h
    assert "&lt;each&gt;" in h
    for sid, (s, e) in {"a": (5, 14), "b": (5, 41), "c": (15, 41), "d": (45, 50)}.items():
        marked = "".join(
            html.unescape(seg)
            for ids, seg in re.findall(r'<mark class="ev" data-ev="([^"]*)">([^<]*)</mark>', h)
            if sid in ids.split()
        )
        assert marked == text[s:e]


@given(
    text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80),
    raw=st.lists(st.tuples(st.integers(0, 90), st.integers(0, 90)), max_size=6),
)
def test_highlight_keeps_text_and_marks_exactly_each_span(text: str, raw: list[tuple[int, int]]) -> None:
    spans = [(min(a, b), max(a, b), f"s{i}") for i, (a, b) in enumerate(raw)]
    h = str(highlight(text, spans))
    assert _strip(h) == text
    segs = re.findall(r'<mark class="ev" data-ev="([^"]*)">(.*?)</mark>', h, flags=re.S)
    for s, e, sid in spans:
        marked = "".join(html.unescape(seg) for ids, seg in segs if sid in ids.split())
        if 0 <= s < e <= len(text):
            assert marked == text[s:e]
            assert h.count(f'id="ev-{sid}"') == 1
        else:
            assert marked == ""
