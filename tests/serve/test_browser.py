"""End to end in a real browser: Debian's chromium, headless, driven by Playwright (never downloads a
browser). Skipped with a reason when /usr/bin/chromium or playwright is missing, except in CI
(CI=true), where a missing browser fails. Screenshots are kept in tests/artifacts/."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import SEED_ACCESSION, SEED_KEY

CHROMIUM = Path(os.environ.get("EIGHTK_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).parent.parent / "artifacts"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


def _need_browser() -> Any:
    in_ci = os.environ.get("CI") == "true"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if in_ci:
            pytest.fail("playwright is not installed (pip install -e '.[test]')")
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    if not CHROMIUM.exists():
        if in_ci:
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium): browser tests skipped")
    return sync_playwright


@pytest.fixture(scope="module")
def server(app: Any) -> Iterator[str]:
    """The app on a free loopback port, in a thread of this process."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not t.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    t.join(10)


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    sync_playwright = _need_browser()
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.problems = problems
    yield pg
    ctx.close()


def _in_view(page: Any, selector: str) -> bool:
    return bool(
        page.eval_on_selector(
            selector,
            "e => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight; }",
        )
    )


def _active_text(page: Any) -> str:
    return str(
        page.eval_on_selector_all("pre.doctext mark.ev.active", "ms => ms.map(m => m.textContent).join('')")
    )


def test_company_page_tranches_then_evidence_in_the_filing(server: str, page: Any) -> None:
    page.goto(f"{server}/companies/{SEED_KEY}")
    table = page.locator("table.offerings")
    rows = table.locator("tbody tr")
    assert rows.count() >= 2
    text = table.inner_text()
    for want in ("2002-03-13", "2002-03-15", "2,575,000", "525,000"):
        assert want in text
    assert page.locator("svg.chart rect.bar-shares").count() >= 2
    page.screenshot(path=str(ARTIFACTS / "company-neotherapeutics.png"), full_page=True)

    # click the first tranche's share count: the filing opens with those words highlighted and in view
    page.locator(f'a.val[href="/filings/{SEED_ACCESSION}#ev-offerings-0-shares"]').click()
    page.wait_for_url(f"**/filings/{SEED_ACCESSION}#ev-offerings-0-shares")
    page.wait_for_selector("pre.doctext mark.ev.active")
    assert _active_text(page) == "2,575,000"
    assert _in_view(page, "pre.doctext mark.ev.active")
    assert page.locator('a.field.active[data-ev="offerings-0-shares"]').count() == 1
    page.screenshot(path=str(ARTIFACTS / "filing-evidence-from-company-page.png"))
    assert page.problems == []  # no script error, nothing blocked by the Content-Security-Policy


def test_clicking_a_field_scrolls_to_its_evidence(server: str, page: Any) -> None:
    page.set_viewport_size({"width": 1280, "height": 500})  # short, so the evidence must be scrolled to
    page.goto(f"{server}/filings/{SEED_ACCESSION}")
    before = page.evaluate("window.scrollY")
    field = page.locator('a.field[data-ev="offerings-1-gross_proceeds"]')
    assert field.inner_text() == "$1,050,000"
    field.click()
    page.wait_for_selector("pre.doctext mark.ev.active")
    assert _active_text(page) == "$1,050,000"
    assert _in_view(page, "pre.doctext mark.ev.active")
    assert page.evaluate("window.scrollY") != before
    assert page.evaluate("location.hash") == "#ev-offerings-1-gross_proceeds"
    page.screenshot(path=str(ARTIFACTS / "filing-field-click.png"))

    # the other direction: clicking highlighted words marks the value they support
    page.locator('pre.doctext mark.ev[data-ev~="offerings-0-warrant_shares"]').first.click()
    assert page.locator('a.field.active[data-ev="offerings-0-warrant_shares"]').count() == 1
    assert page.problems == []


def test_search_box_leads_to_the_company(server: str, page: Any) -> None:
    page.goto(server + "/")
    page.fill('.bigsearch input[name="q"]', "NeoTherapeutics")
    page.press('.bigsearch input[name="q"]', "Enter")
    page.wait_for_load_state()
    page.locator(f'a[href="/companies/{SEED_KEY}"]').first.click()
    page.wait_for_url(f"**/companies/{SEED_KEY}")
    assert "NEOTHERAPEUTICS" in page.locator("h1").inner_text().upper()
    page.screenshot(path=str(ARTIFACTS / "search-to-company.png"))
    assert page.problems == []


def test_offerings_screener_form(server: str, page: Any) -> None:
    page.goto(server + "/offerings")
    page.select_option('select[name="security"]', "common_stock")
    page.fill('input[name="min_size"]', "5000000")
    page.click('.filters-form button[type="submit"]')
    page.wait_for_load_state()
    body = page.locator("table.offerings").inner_text()
    assert "2,575,000" in body and "525,000" not in body.replace("2,575,000", "")
    page.screenshot(path=str(ARTIFACTS / "offerings-screener.png"), full_page=True)
    assert page.problems == []
