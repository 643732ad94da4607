"""serialize: records become plain dicts (fields in order, evidence reshaped, put last, omitted when
empty); checked against a plain recursive rendering of the same rules on real filings."""

from __future__ import annotations

import json
from typing import Any

import msgspec
import pytest

from eightk.model import (
    AuditorChange,
    Cover,
    Events,
    Evidence,
    Filing,
    Offering,
    OfficerChange,
    Proposal,
    Security12b,
    ShareholderVote,
    Signature,
)
from eightk.pipeline import parse
from eightk.serialize import filing_to_dict, to_json

from .conftest import FILINGS


def _ref_record(obj: msgspec.Struct) -> dict[str, Any]:
    out = {n: _ref_plain(getattr(obj, n)) for n in obj.__struct_fields__ if n != "evidence"}
    ev = getattr(obj, "evidence", None)
    if ev:
        out["evidence"] = {
            k: {"document": e.document, "span": [e.start, e.end], "quote": e.quote} for k, e in ev.items()
        }
    return out


def _ref_plain(v: Any) -> Any:
    if isinstance(v, msgspec.Struct):
        return _ref_record(v)
    if isinstance(v, tuple | list):
        return [_ref_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _ref_plain(x) for k, x in v.items()}
    return v


def _check(f: Filing) -> None:
    d = filing_to_dict(f)
    expect = {
        "header": None if f.header is None else {**_ref_record(f.header), "cik": f.header.cik},
        "cover": _ref_record(f.cover),
        "exhibits": [_ref_record(e) for e in f.exhibits],
        "signatures": [_ref_record(s) for s in f.signatures],
        "offerings": [_ref_record(o) for o in f.offerings],
        "events": _ref_record(f.events),
    }
    for k, v in expect.items():
        got = d.get(k)
        # Same plain values (lists, not tuples) and the same key order (the JSON is compared byte for byte).
        assert got == v, k
        assert json.dumps(got) == json.dumps(v), k
    assert to_json(d) == msgspec.json.encode(d)


@pytest.mark.parametrize("path", sorted(p.name for p in FILINGS.iterdir() if p.is_file()))
def test_real_filings_match_the_plain_rendering(path: str) -> None:
    try:
        f = parse((FILINGS / path).read_bytes(), path.rsplit(".", 1)[0])
    except Exception:
        pytest.skip("not a parsable filing")
    _check(f)


def test_nested_evidence_and_empty_evidence() -> None:
    ev = Evidence(document=0, start=1, end=3, quote="ab")
    f = Filing(
        id="x",
        source_format="text",
        cover=Cover(registrant_name="A", securities_12b=(Security12b(title="Common"),), xbrl={"k": "v"}),
        signatures=(Signature(name="Jane Roe"), Signature(name="John Doe", evidence={"name": ev})),
        offerings=(Offering(shares=5, investors=("a", "b"), evidence={"shares": ev}),),
        events=Events(
            officer_changes=(OfficerChange(person="P", change="appointment", evidence={"person": ev}),),
            auditor_change=AuditorChange(former_auditor="KPMG"),
            shareholder_vote=ShareholderVote(proposals=(Proposal(description="d"),), evidence={"x": ev}),
        ),
    )
    _check(f)
    d = filing_to_dict(f)
    assert "evidence" not in d["signatures"][0]
    assert d["signatures"][1]["evidence"] == {"name": {"document": 0, "span": [1, 3], "quote": "ab"}}
    assert list(d["events"]["officer_changes"][0])[-1] == "evidence"
    assert "evidence" not in d["events"]["auditor_change"]
    assert d["events"]["shareholder_vote"]["proposals"] == [
        {
            "description": "d",
            "votes_for": None,
            "votes_against": None,
            "abstentions": None,
            "broker_non_votes": None,
            "outcome": None,
        }
    ]
