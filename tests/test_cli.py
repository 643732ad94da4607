from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eightk.cli import cli
from tests.conftest import FILINGS, filing_path


def run(*args: str) -> tuple[int, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.output


def test_parse_prints_gold_schema_json() -> None:
    code, out = run("parse", str(filing_path("neotherapeutics-2002-03-15")))
    assert code == 0, out
    obj = json.loads(out)
    assert obj["id"] == "neotherapeutics-2002-03-15"
    assert obj["form_type"] == "8-K"
    assert [i["code"] for i in obj["items"]] == ["5", "7"]
    assert [i["code_2004"] for i in obj["items"]] == ["8.01", "9.01"]
    for key in ("cover", "exhibits", "signatures", "offerings", "events", "warnings"):
        assert key in obj
    heading = obj["items"][0]["evidence"]["heading"]
    assert heading["quote"] == "Item 5"


def test_parse_jsonl_keeps_input_order_and_reports_errors(tmp_path: Path) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00\xff" * 1000)
    files = [str(filing_path("0000109446-94-000005")), str(junk), str(filing_path("neotherapeutics-2002-03-15"))]
    code, out = run("parse", "--format", "jsonl", "--jobs", "2", *files)
    assert code == 1
    lines = [json.loads(x) for x in out.strip().splitlines() if x.startswith("{")]
    assert [o["id"] for o in lines] == ["0000109446-94-000005", "junk", "neotherapeutics-2002-03-15"]
    assert "error" in lines[1] and "Traceback" not in out


def test_text_prints_the_text_spans_point_into() -> None:
    path = str(filing_path("neotherapeutics-2002-03-15"))
    _, out = run("parse", path)
    obj = json.loads(out)
    code, text = run("text", path)
    assert code == 0
    s, e = obj["items"][0]["evidence"]["heading"]["span"]
    assert text[s:e] == "Item 5"


def test_usage_error_exits_2() -> None:
    code, _ = run("parse")
    assert code == 2
    code, _ = run("parse", "--format", "xml", str(FILINGS))
    assert code == 2


def test_help_lists_commands() -> None:
    code, out = run("--help")
    assert code == 0
    for c in ("parse", "text", "eval"):
        assert c in out


def test_eval_floors_gate_fields_as_well_as_groups(tmp_path: Path) -> None:
    from eightk.evaluate import Counts, Report, check_floors

    report = Report()
    report.count("offerings", "gross_proceeds", Counts(tp=8, fp=0, fn=2))
    report.groups["offerings"].add(Counts(tp=8, fp=0, fn=2))
    assert check_floors(report, {"offerings.gross_proceeds.precision": 0.97}) == []
    failed = check_floors(report, {"offerings.gross_proceeds.recall": 0.9, "offerings": 0.95})
    assert [f.split(":")[0] for f in failed] == ["offerings.gross_proceeds.recall", "offerings"]
    assert check_floors(report, {"offerings.fees.recall": 0.9})  # a field never scored fails its floor
