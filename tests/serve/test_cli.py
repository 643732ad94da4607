"""``eightk serve --get`` (one request in-process) and ``eightk demo --no-serve``."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eightk.cli import cli

from .conftest import FILINGS, SEED_ACCESSION, SEED_KEY


def test_serve_get_prints_one_api_answer(db_path: Path) -> None:
    r = CliRunner().invoke(cli, ["serve", str(db_path), "--get", f"/api/companies/{SEED_KEY}"])
    assert r.exit_code == 0, r.output
    body = json.loads(r.stdout)
    assert body["company"]["key"] == SEED_KEY


def test_serve_get_csv_and_errors(db_path: Path) -> None:
    r = CliRunner().invoke(
        cli, ["serve", str(db_path), "--get", "/api/offerings?format=csv&company=neotherapeutics"]
    )
    assert r.exit_code == 0
    assert r.stdout.splitlines()[0].startswith("accession,")
    r = CliRunner().invoke(cli, ["serve", str(db_path), "--get", "/api/filings/nope-nope"])
    assert r.exit_code == 1
    assert "HTTP 404" in r.stderr
    r = CliRunner().invoke(cli, ["serve", str(db_path), "--get", "api/filings"])
    assert r.exit_code == 2


def test_serve_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["serve", str(tmp_path / "none.db"), "--get", "/api/stats"])
    assert r.exit_code == 1
    assert "no such database" in r.output


def test_demo_ingests_then_can_be_served(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    r = CliRunner().invoke(cli, ["demo", str(FILINGS), "--db", str(db), "--no-serve"])
    assert r.exit_code == 0, r.output
    assert "eightk serve" in r.stderr
    r = CliRunner().invoke(cli, ["serve", str(db), "--get", f"/api/filings/{SEED_ACCESSION}"])
    assert r.exit_code == 0
    assert json.loads(r.stdout)["offerings"]
    # running it again changes nothing (resumable ingest, keyed by accession)
    r = CliRunner().invoke(cli, ["demo", str(FILINGS), "--db", str(db), "--no-serve"])
    assert r.exit_code == 0 and "already done" in r.stderr
