"""Faults injected by the local EDGAR (429/403/503 with and without Retry-After, dropped connections, bodies
cut short with a wrong or a lying Content-Length, resets) are survived with identical results."""

from __future__ import annotations

import hashlib

import pytest

from eightk.errors import FetchError
from eightk.sources.http import NotFound

TXT = "0000092122-05-000042.txt"  # the largest submission in the tree (36 KB)


def workload(c) -> dict[str, str]:
    """Everything the client can do, as {what: sha256 of the result}."""
    out: dict[str, str] = {}
    refs = c.company_filings("AAPL") + c.filings_between("2005-01-10", "2005-02-02") + c.full_index(2005, 1)
    out["refs"] = hashlib.sha256(repr(sorted(refs, key=lambda r: r.accession)).encode()).hexdigest()
    for r in refs:
        out[r.accession] = hashlib.sha256(c.download(r)).hexdigest()
    for r, data in c.iter_feed("2005-01-25"):
        out["feed " + r.accession] = hashlib.sha256(data).hexdigest()
    out["latest"] = repr(c.latest_filings())
    return out


@pytest.fixture
def baseline(client_factory, tmp_path):
    return workload(client_factory(cache_dir=tmp_path / "baseline-cache"))


FAULTS = [
    ("company_tickers", "429", 7),
    ("CIK0000320193.json", "503", None),
    ("submissions-001", "403", 2),
    ("master.20050110", "drop", 0.3),
    ("master.idx", "short", 0.5),
    (TXT, "drop", 0.5),
    (TXT, "drop", 0.9),
    ("0000320193-96-000027.txt", "short", 0.7),
    ("0000912057-00-002128.txt", "reset", None),
    ("browse-edgar", "503", 1),
    ("browse-edgar", "short", 0.5),
    ("nc.tar.gz", "drop", 0.4),
    ("nc.tar.gz", "short", 0.6),
    ("nc.tar.gz", "429", None),
]


@pytest.mark.parametrize("gzip", [False, True])
def test_faults_are_survived_with_identical_results(client_factory, edgar_server, baseline, tmp_path, gzip):
    edgar_server.gzip = gzip
    for part, kind, arg in FAULTS:
        edgar_server.fault(part, kind, arg)
    c = client_factory(cache_dir=tmp_path / f"cache-{gzip}", throttle_wait=600)
    assert workload(c) == baseline
    assert edgar_server.faults == []  # every fault was met
    # Retry-After was honoured; a 429 without it waits the long throttle pause.
    assert 7 in c.waits and 2 in c.waits and 600 in c.waits
    # Interrupted downloads resumed with a byte range instead of starting over.
    ranged = [p for _t, _m, p, h in edgar_server.log if "Range" in h]
    assert any(TXT in p for p in ranged) and any("nc.tar.gz" in p for p in ranged)


def test_retries_give_up_with_a_clear_error(client_factory, edgar_server):
    for _ in range(6):
        edgar_server.fault("browse-edgar", "503", 0)
    c = client_factory(attempts=6)
    with pytest.raises(FetchError, match="HTTP 503"):
        c.latest_filings()
    assert len(edgar_server.log) == 6


def test_not_found_is_not_retried(client_factory, edgar_server):
    from eightk.sources.indexes import FilingRef

    c = client_factory()
    with pytest.raises(NotFound):
        c.download(FilingRef(accession="0000000001-05-000001", cik="1", form="8-K"))
    assert len(edgar_server.log) == 1


def test_resume_survives_restart_of_the_process(client_factory, edgar_server, tmp_path):
    """A download cut off in one run continues from its partial file in the next."""
    edgar_server.fault(TXT, "drop", 0.6)
    c1 = client_factory(attempts=1)
    [ref] = c1.daily_index("2005-01-25")
    with pytest.raises(FetchError):
        c1.download(ref)
    c2 = client_factory()
    data = c2.download(ref)
    last = edgar_server.log[-1]
    assert TXT in last[2] and last[3]["Range"].startswith("bytes=")
    assert int(last[3]["Range"][6:-1]) > 0
    from .conftest import TREE

    assert data == next(TREE.rglob(TXT)).read_bytes()


def test_polled_feed_and_uncached_client_resume_in_memory(client_factory, edgar_server):
    edgar_server.fault("browse-edgar", "drop", 0.5)
    edgar_server.fault("company_tickers", "drop", 0.5)
    c = client_factory(cache_dir=False)
    assert len(c.latest_filings()) == 2
    assert c.resolve_cik("AAPL") == "320193"
    ranged = [p for _t, _m, p, h in edgar_server.log if "Range" in h]
    assert len(ranged) == 2
