"""EdgarClient against the miniature EDGAR on 127.0.0.1 (tests/edgar_tree): finding and downloading 8-Ks."""

from __future__ import annotations

import pytest

from eightk.errors import UserAgentRequired
from eightk.pipeline import parse
from eightk.sources.edgar import EdgarClient
from eightk.sources.http import NotFound, check_user_agent

from .conftest import UA

APPLE = ["0000320193-96-000027", "0000320193-99-000010", "0000912057-00-002128"]


def accs(refs):
    return [r.accession for r in refs]


def test_company_by_ticker_reads_older_pages(client_factory, edgar_server):
    c = client_factory()
    assert accs(c.company_filings("AAPL")) == APPLE
    assert "/submissions/CIK0000320193-submissions-001.json" in edgar_server.paths()


def test_company_by_cik_and_date_range_skips_pages_outside_it(client_factory, edgar_server):
    c = client_factory()
    assert accs(c.company_filings("0000320193", start="2000-01-01", end="2000-12-31")) == APPLE[2:]
    assert not any("submissions-001" in p for p in edgar_server.paths())
    assert accs(c.company_filings(320193, start="1999-01-01", end="1999-12-31")) == APPLE[1:2]
    # Other forms in the JSON (10-Q, 10-K) are filtered out; asking for them finds them.
    assert accs(c.company_filings("AAPL", forms=["10-Q"])) == ["0000320193-99-000009"]


def test_unknown_ticker_is_a_clear_error(client_factory):
    from eightk.errors import FetchError

    with pytest.raises(FetchError, match="unknown ticker"):
        client_factory().company_filings("NOPE")


def test_daily_index(client_factory):
    c = client_factory()
    assert accs(c.daily_index("2005-01-10")) == ["0001275287-05-000056"]
    # Seven co-registrant rows, one filing.
    assert accs(c.daily_index("2005-01-25")) == ["0000092122-05-000042"]
    # No master.20050202.idx in the tree: form.20050202.idx is read instead.
    assert accs(c.daily_index("2005-02-02")) == ["0001275287-05-000371"]
    assert c.daily_index("2005-01-14") == []  # no index that day
    assert accs(c.daily_index("2005-01-25", ciks=["PSEM"])) == []


def test_full_index_and_range(client_factory, edgar_server):
    c = client_factory()
    q1 = ["0001275287-05-000056", "0000092122-05-000042", "0001275287-05-000371"]
    assert accs(c.full_index(2005, 1)) == q1
    assert accs(c.filings_between("2005-01-20", "2005-02-10", source="full")) == q1[1:]
    n = len(edgar_server.log)
    assert accs(c.filings_between("2005-01-10", "2005-02-02")) == q1
    days = [p for p in edgar_server.paths()[n:] if "daily-index" in p]
    assert not any("20050115" in p or "20050116" in p for p in days)  # weekends are not asked for


def test_download_is_cached_and_parses(client_factory, edgar_server):
    c = client_factory()
    ref = c.company_filings("AAPL")[0]
    data = c.download(ref)
    assert data.rstrip().endswith(b"-----END PRIVACY-ENHANCED MESSAGE-----")
    n = len(edgar_server.log)
    assert c.download(ref) == data
    assert len(edgar_server.log) == n  # no URL is fetched twice
    # A second client on the same cache folder does not fetch it either.
    c2 = client_factory()
    assert c2.download(ref) == data and len(edgar_server.log) == n
    assert parse(data, ref.accession).header.accession_number == ref.accession


def test_co_registrant_download_by_any_cik(client_factory):
    c = client_factory()
    [ref] = c.company_filings("SO")
    assert ref.accession == "0000092122-05-000042" and ref.cik == "92122"
    assert b"ALABAMA POWER CO" in c.download(ref)


def test_feed_is_streamed_and_filtered(client_factory, tmp_path):
    c = client_factory()
    got = list(c.iter_feed("2005-01-25"))
    assert [(r.accession, r.form, r.cik) for r, _ in got] == [("0000092122-05-000042", "8-K", "3153")]
    filing = parse(got[0][1], got[0][0].accession)
    assert filing.header.accession_number == "0000092122-05-000042"
    # The archive went to the cache compressed; nothing was unpacked to disk.
    assert not list(tmp_path.rglob("*.nc"))
    assert [r.form for r, _ in c.iter_feed("2005-01-25", forms=["4", "10-Q"])] == ["4", "10-Q"]
    with pytest.raises(NotFound):
        list(c.iter_feed("2005-01-26"))


def test_latest_filings_is_never_cached(client_factory, edgar_server):
    c = client_factory()
    e1 = c.latest_filings()
    assert [(e.accession, e.cik, e.form) for e in e1] == [
        ("0000092122-05-000042", "3153", "8-K"),
        ("0001275287-05-000056", "1001426", "8-K"),
    ]
    c.latest_filings()
    assert sum("browse-edgar" in p for p in edgar_server.paths()) == 2


@pytest.mark.parametrize("ua", ["", "   ", "eightk", "Jane Doe", "jane@example.com", "Jane <jane@localhost>"])
def test_user_agent_without_name_and_email_is_refused(ua, edgar_server, tmp_path, monkeypatch):
    monkeypatch.delenv("EIGHTK_USER_AGENT", raising=False)
    with pytest.raises(UserAgentRequired, match="EIGHTK_USER_AGENT"):
        EdgarClient(user_agent=ua, base_url=edgar_server.url, cache_dir=tmp_path)
    assert edgar_server.log == []


def test_user_agent_from_environment(monkeypatch, edgar_server, tmp_path):
    monkeypatch.setenv("EIGHTK_USER_AGENT", "Env Person env@example.org")
    with EdgarClient(base_url=edgar_server.url, cache_dir=tmp_path) as c:
        c.latest_filings()
    assert edgar_server.log[0][3]["User-Agent"] == "Env Person env@example.org"
    assert check_user_agent("  Jane   Doe jane.doe@example.com ") == "Jane Doe jane.doe@example.com"


def test_every_request_carries_the_user_agent(client_factory, edgar_server):
    c = client_factory()
    for ref in c.company_filings("AAPL") + c.filings_between("2005-01-10", "2005-02-02"):
        c.download(ref)
    list(c.iter_feed("2005-01-25"))
    c.latest_filings()
    assert len(edgar_server.log) > 10
    assert {h.get("User-Agent") for _t, _m, _p, h in edgar_server.log} == {UA}
