"""The SQLite store: round trip, replace by accession, errors, read-only readers, queries."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import msgspec
import pytest

from eightk.errors import StoreError
from eightk.model import Evidence, Filing, Offering, OfficerChange, evidence_for
from eightk.store.query import Reader
from eightk.store.rows import filing_key
from eightk.store.sqlite import Store, connect_readonly, ingest_bytes
from tests.conftest import filing_bytes, filing_path


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'items_fts_%'"
        )
    ]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def with_events(f: Filing) -> Filing:
    """The filing plus an offering and an officer change with evidence (extractors vary; the store must not)."""
    doc = f.documents[f.primary]
    ev = evidence_for(doc, 0, 10)
    off = Offering(
        security="common_stock",
        shares=1_000_000,
        price_per_share=2.5,
        registered=False,
        placement_agents=("Agent LLC",),
        date="2002-03-11",
        evidence={
            "shares": ev,
            "price_per_share": Evidence(document=doc.index, start=2, end=5, quote=doc.text[2:5]),
        },
    )
    oc = OfficerChange(
        person="Jane Roe", change="appointment", role="Chief Financial Officer", evidence={"person": ev}
    )
    events = msgspec.structs.replace(f.events, officer_changes=(oc,))
    return msgspec.structs.replace(f, offerings=(off,), events=events)


def test_round_trip_gives_back_the_same_filing(db: Path, real_filings: list[tuple[str, Filing]]) -> None:
    with Reader(db) as r:
        for name, f in real_filings:
            assert r.load_filing(filing_key(f, name)) == f


def test_round_trip_with_offerings_events_and_evidence(
    tmp_path: Path, real_filings: list[tuple[str, Filing]]
) -> None:
    name, f = next((n, f) for n, f in real_filings if n.startswith("neotherapeutics"))
    g = with_events(f)
    with Store(tmp_path / "e.db") as st:
        key = st.ingest_filing(g, name)
    with Reader(tmp_path / "e.db") as r:
        assert r.load_filing(key) == g
        out = r.get_filing(key)
        assert out is not None
        assert out["offerings"][0]["evidence"]["shares"]["quote"] == g.documents[g.primary].text[0:10]
        assert out["stored"]["accession"] == key


def test_reingest_replaces_never_duplicates(db: Path, real_filings: list[tuple[str, Filing]]) -> None:
    before = counts(db)
    with Store(db) as st:
        for name, f in real_filings:
            st.ingest_filing(f, name)
    assert counts(db) == before
    conn = sqlite3.connect(db)
    assert (
        conn.execute("SELECT count(*) FROM items_fts").fetchone()
        == conn.execute("SELECT count(*) FROM items").fetchone()
    )


def test_parser_version_on_every_row(db: Path) -> None:
    conn = sqlite3.connect(db)
    for t, n in counts(db).items():
        cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')]
        if "parser_version" in cols and n:
            assert (
                conn.execute(
                    f'SELECT count(*) FROM "{t}" WHERE parser_version IS NULL OR parser_version = ""'
                ).fetchone()[0]
                == 0
            ), t


def test_ingest_bytes_stores_or_records_the_error(tmp_path: Path) -> None:
    path = tmp_path / "b.db"
    key = ingest_bytes(path, "0001193125-25-036821", filing_bytes("0001193125-25-036821"))
    assert key == "0001193125-25-036821"
    assert ingest_bytes(path, "junk", b"\x00\x01\x02 not a filing at all \xff" * 20) is None
    assert ingest_bytes(path, "empty", b"") is None
    with Reader(path) as r:
        errs = {e["input_id"]: e["reason"] for e in r.errors()}
        assert set(errs) == {"junk", "empty"}
        assert all(errs.values())
        assert r.count_filings() == 1
    # the input stored later: its error is history
    ingest_bytes(path, "junk", filing_bytes("neotherapeutics-2002-03-15"))
    with Reader(path) as r:
        assert {e["input_id"] for e in r.errors()} == {"empty"}


def test_readers_cannot_write(db: Path) -> None:
    conn = connect_readonly(db)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM filings")
    with pytest.raises(StoreError):
        connect_readonly(db.parent / "missing.db")


def test_readers_see_committed_data_while_a_writer_holds_a_transaction(
    db: Path, real_filings: list[tuple[str, Filing]]
) -> None:
    r = Reader(db)
    n = r.count_filings()
    st = Store(db)
    st.begin()
    st.conn.execute("DELETE FROM filings")
    assert r.count_filings() == n  # WAL: the reader is not blocked and sees the last commit
    st.rollback()
    st.close()
    r.close()


def test_queries(tmp_path: Path, real_filings: list[tuple[str, Filing]]) -> None:
    path = tmp_path / "q.db"
    with Store(path) as st:
        for name, f in real_filings:
            st.ingest_filing(with_events(f) if name.startswith("neotherapeutics") else f, name)
    r = Reader(path)
    everything = r.list_filings(limit=100)
    assert len(everything) == len(real_filings)
    dates = [f["date"] for f in everything if f["date"]]
    assert dates == sorted(dates, reverse=True)
    # (other tests add fixtures: check that each filter keeps its matches and only them)
    key = "0001193125-25-036821"  # Chevron, CIK 93410, ticker CVX, items 8.01 9.01, filed 2025-02-26
    cvx = r.list_filings(cik="93410", limit=1000)  # CIKs match padded or not
    assert key in {f["accession"] for f in cvx} and {f["cik"] for f in cvx} == {"0000093410"}
    assert r.list_filings(cik="0000093410", limit=1000) == cvx
    assert r.list_filings(company="0000093410", limit=1000) == cvx
    for kw in ({"ticker": "cvx"}, {"company": "CVX"}, {"company": "chevron"}, {"item": "8.01"}):
        assert key in {f["accession"] for f in r.list_filings(**kw, limit=1000)}, kw
    assert all(f["ticker"] == "CVX" for f in r.list_filings(ticker="cvx", limit=1000))
    assert all(
        "chevron" in (f["company"] or "").lower() or f["ticker"] == "CHEVRON"
        for f in r.list_filings(company="chevron", limit=1000)
    )
    assert all("8.01" in f["items"] for f in r.list_filings(item="8.01", limit=1000))
    assert key not in {f["accession"] for f in r.list_filings(item="2.02", limit=1000)}
    day = r.list_filings(date_from="2025-02-26", date_to="2025-02-26", limit=1000)
    assert key in {f["accession"] for f in day} and {f["date"] for f in day} == {"2025-02-26"}
    apple = r.list_filings(company="apple", limit=1000)
    assert "0000320193-18-000142" in {f["accession"] for f in apple}  # no header: the name is the cover's
    assert r.list_filings(limit=1, offset=1) == everything[1:2]
    assert r.resolve_key("0001193125-25-036821") == "0001193125-25-036821"

    neo = next(filing_key(f, n) for n, f in real_filings if n.startswith("neotherapeutics"))
    offs = [
        o
        for o in r.list_offerings(security="common_stock", min_size=2e6, limit=1000)
        if o["accession"] == neo
    ]
    assert len(offs) == 1 and offs[0]["size"] == 2_500_000 and offs[0]["registered"] is False
    assert offs[0]["placement_agents"] == ["Agent LLC"]
    assert offs[0]["filing_date"] and offs[0]["company"]
    assert neo not in {o["accession"] for o in r.list_offerings(min_size=3e6, limit=1000)}
    assert neo not in {o["accession"] for o in r.list_offerings(max_size=2e6, limit=1000)}
    assert neo not in {o["accession"] for o in r.list_offerings(registered=True, limit=1000)}
    assert neo not in {o["accession"] for o in r.list_offerings(security="notes", limit=1000)}
    sizes = [o["size"] for o in r.list_offerings(min_size=1e6, limit=1000)]
    assert all(s >= 1e6 for s in sizes)

    filing = r.get_filing(neo)
    assert filing is not None and filing["events"]["officer_changes"][0]["person"] == "Jane Roe"
    tl = r.timeline(offs[0]["company"][:8])
    assert neo in [e["accession"] for e in tl]
    entry = next(e for e in tl if e["accession"] == neo)
    assert entry["offerings"][0]["shares"] == 1_000_000
    assert entry["officer_changes"][0]["role"] == "Chief Financial Officer"

    items = r.items(neo)
    assert [i["code"] for i in items] == ["5", "7"]
    assert items[0]["text"]
    text = r.document_text(neo, 0)
    assert text is not None and items[0]["text"] in text

    # A phrase of the item's own words: a single common word may rank other fixtures first.
    words = re.findall(r"\w+", items[0]["text"])[:5]
    hits = r.search('"' + " ".join(words) + '"', limit=500)
    assert neo in {h["accession"] for h in hits}
    assert "[" in hits[0]["snippet"]
    assert isinstance(r.search('unbalanced "quote'), list)  # bad FTS syntax is not an error
    r.close()


def test_filing_without_accession_is_keyed_by_input_id(tmp_path: Path) -> None:
    p = filing_path("0000320193-18-000142")  # bare HTML: no SEC header
    with Store(tmp_path / "k.db") as st:
        from eightk.sources.local import parse_path

        key = st.ingest_filing(parse_path(p), "0000320193-18-000142")
    assert key == "0000320193-18-000142"
