"""``eightk fetch`` and ``eightk watch`` against the local EDGAR."""

from __future__ import annotations

from click.testing import CliRunner

from eightk.cli import cli

from .conftest import UA


def run(args, server, tmp_path, env_ua=UA):
    env = {"EIGHTK_EDGAR_URL": server.url, "EIGHTK_CACHE_DIR": str(tmp_path / "cache")}
    env["EIGHTK_USER_AGENT"] = env_ua
    if args[0] == "fetch" or args[0] == "watch":
        args = [*args, "--rate", "1000"]
    return CliRunner().invoke(cli, args, env=env, catch_exceptions=False)


def test_fetch_by_company_and_range_then_resume(edgar_server, tmp_path):
    out = tmp_path / "out"
    r = run(
        ["fetch", "AAPL", "--from", "1999-01-01", "--to", "2000-12-31", "--out", str(out), "-q"],
        edgar_server,
        tmp_path,
    )
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == ["0000320193-99-000010.txt", "0000912057-00-002128.txt"]
    assert "fetched 2, skipped 0" in r.stderr
    n = len(edgar_server.log)
    r = run(["fetch", "320193", "--from", "1990-01-01", "--out", str(out), "-q"], edgar_server, tmp_path)
    assert "fetched 1, skipped 2" in r.stderr
    assert not any("99-000010" in p or "00-002128" in p for p in edgar_server.paths()[n:])


def test_fetch_by_daily_index(edgar_server, tmp_path):
    out = tmp_path / "out"
    r = run(
        ["fetch", "--from", "2005-01-10", "--to", "2005-01-31", "--out", str(out), "-q"],
        edgar_server,
        tmp_path,
    )
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == ["0000092122-05-000042.txt", "0001275287-05-000056.txt"]


def test_fetch_list_from_full_index(edgar_server, tmp_path):
    r = run(
        [
            "fetch",
            "--source",
            "full",
            "--from",
            "2005-01-01",
            "--to",
            "2005-03-31",
            "--list",
            "--form",
            "8-K",
        ],
        edgar_server,
        tmp_path,
    )
    assert r.exit_code == 0, r.output
    assert r.stdout.count('"accession"') == 3


def test_fetch_from_feed(edgar_server, tmp_path):
    out = tmp_path / "out"
    r = run(
        ["fetch", "--source", "feed", "--date", "2005-01-25", "--out", str(out), "-q"], edgar_server, tmp_path
    )
    assert r.exit_code == 0, r.output
    assert [p.name for p in out.iterdir()] == ["0000092122-05-000042.nc"]


def test_fetch_refuses_without_user_agent(edgar_server, tmp_path):
    r = run(["fetch", "AAPL", "--out", str(tmp_path / "o")], edgar_server, tmp_path, env_ua="")
    assert r.exit_code == 2
    assert "EIGHTK_USER_AGENT" in r.output and "--user-agent" in r.output
    assert edgar_server.log == []


def test_watch_ingests_new_filings_into_a_folder(edgar_server, tmp_path):
    out = tmp_path / "w"
    r = run(["watch", "--polls", "1", "--out", str(out)], edgar_server, tmp_path)
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == ["0000092122-05-000042.txt", "0001275287-05-000056.txt"]
    assert r.stderr.count("after it was seen in the feed") == 2


def test_watch_ingests_into_the_store(edgar_server, tmp_path, monkeypatch):
    import types

    calls = []
    fake = types.ModuleType("eightk.store.sqlite")
    fake.ingest_bytes = lambda db, name, data: calls.append((db, name, len(data))) or name  # type: ignore[attr-defined]
    monkeypatch.setitem(__import__("sys").modules, "eightk.store.sqlite", fake)
    import eightk.store

    monkeypatch.setattr(eightk.store, "sqlite", fake, raising=False)
    db = str(tmp_path / "f.db")
    r = run(["watch", "--polls", "1", "--db", db], edgar_server, tmp_path)
    assert r.exit_code == 0, r.output
    assert [c[:2] for c in calls] == [(db, "0001275287-05-000056"), (db, "0000092122-05-000042")]
