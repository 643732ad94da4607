"""eightk ingest / query / export from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eightk.cli import cli
from tests.conftest import FILINGS


def run(*args: str) -> tuple[int, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.output


def test_ingest_query_export(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    code, out = run("ingest", str(FILINGS), "--db", db, "-j", "1", "--no-progress")
    assert code == 0, out
    assert "stored" in out and "0 errors" in out

    code, out = run("query", "--db", db, "filings", "--json")
    assert code == 0, out
    filings = json.loads(out)
    assert {"accession", "date", "company", "items"} <= set(filings[0])
    code, out = run("query", "--db", db, "filings", "--ticker", "CVX")
    assert code == 0 and "0001193125-25-036821" in out

    code, out = run("query", "--db", db, "filing", "0001193125-25-036821")
    assert code == 0 and "8.01" in out
    code, out = run("query", "--db", db, "filing", "0001193125-25-036821", "--json")
    assert json.loads(out)["stored"]["ticker"] == "CVX"
    code, out = run("query", "--db", db, "filing", "nope")
    assert code != 0 and "no filing" in out

    code, out = run("query", "--db", db, "timeline", "CVX", "--json")
    assert code == 0 and json.loads(out)[0]["accession"] == "0001193125-25-036821"
    code, out = run("query", "--db", db, "timeline", "chevron")
    assert code == 0 and "0001193125-25-036821" in out

    code, out = run("query", "--db", db, "offerings", "--json")
    assert code == 0 and isinstance(json.loads(out), list)
    code, out = run("query", "--db", db, "search", "the", "--json", "--limit", "2")
    assert code == 0 and len(json.loads(out)) == 2
    code, out = run("query", "--db", db, "errors")
    assert code == 0

    code, out = run("export", "--db", db, "--format", "parquet", "--out", str(tmp_path / "pq"))
    assert code == 0, out
    assert (tmp_path / "pq" / "filings").is_dir()


def test_query_on_a_missing_database_is_a_clean_error(tmp_path: Path) -> None:
    code, out = run("query", "--db", str(tmp_path / "missing.db"), "filings")
    assert code != 0 and "no such database" in out


def test_ingest_exit_status_says_when_some_inputs_became_errors(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "neotherapeutics-2002-03-15.txt").write_bytes(
        (FILINGS / "neotherapeutics-2002-03-15.txt").read_bytes()
    )
    (corpus / "junk.txt").write_bytes(bytes(range(256)) * 40)  # binary: not a filing
    db = str(tmp_path / "e.db")
    code, out = run("ingest", str(corpus), "--db", db, "-j", "1", "--no-progress")
    assert code == 1, out
    assert "1 stored" in out or "stored: 1" in out or "1 errors" in out, out
    code, out = run("query", "--db", db, "errors", "--json")
    assert code == 0 and "junk" in out
    code, out = run("query", "--db", db, "filings", "--json")
    assert len(json.loads(out)) == 1
