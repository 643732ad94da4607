"""Every offering value extracted from the dev filings quotes the words it was read from.

Runs over ``shared/corpus/dev`` when the checkout sits beside it (skipped otherwise): for each value,
``documents[i].text[start:end] == quote`` and the quote itself states the value (a money amount that
parses to it, a date that reads as it, the form name, a security word...).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import eightk
from eightk.extract.numbers import iter_counts, iter_money, iter_percents
from eightk.model import Filing
from eightk.parse.dates import parse_date
from tests.conftest import SHARED

DEV = SHARED / "corpus" / "dev"
MONEY_FIELDS = {
    "price_per_share",
    "warrant_exercise_price",
    "principal_amount",
    "conversion_price",
    "gross_proceeds",
    "fees",
    "net_proceeds",
    "pre_funded_exercise_price",
}
COUNT_FIELDS = {"shares", "warrant_shares"}
SECURITY_WORDS = re.compile(r"shares|stock|units?|notes?|debentures?|warrants?|preferred", re.I)


def _dev_files() -> list[Path]:
    return sorted(DEV.iterdir()) if DEV.is_dir() else []


def _parse(p: Path) -> Filing:
    if p.is_dir():
        from eightk.pipeline import parse_documents

        return parse_documents([(x.name, x.read_bytes()) for x in sorted(p.iterdir()) if x.is_file()], p.name)
    return eightk.parse(p.read_bytes(), p.stem)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


@pytest.mark.skipif(not DEV.is_dir(), reason="shared dev corpus not available")
@pytest.mark.parametrize("path", _dev_files(), ids=lambda p: p.name)
def test_offering_evidence_states_the_value(path: Path) -> None:
    f = _parse(path)
    for o in f.offerings:
        for name in o.__struct_fields__:
            v = getattr(o, name)
            if v is None or name in ("evidence", "confidence", "rule") or v == ():
                continue
            ev = o.evidence.get(name)
            assert ev is not None, f"{name}={v!r} has no evidence"
            assert f.documents[ev.document].text[ev.start : ev.end] == ev.quote
            q = ev.quote
            if name in MONEY_FIELDS:
                assert any(_close(a.value, v) for a in iter_money(q)), (name, v, q)
            elif name in COUNT_FIELDS:
                assert any(_close(a.value, v) for a in iter_counts(q)), (name, v, q)
            elif name == "interest_rate":
                assert any(_close(a.value, v) for a in iter_percents(q)) or (
                    v == 0 and re.search(r"not\s+bear", q, re.I)
                ), (name, v, q)
            elif name == "date":
                assert parse_date(q) == v, (name, v, q)
            elif name in ("registration_form", "maturity", "shelf_file_number"):
                assert str(v).lower() in q.lower(), (name, v, q)
            elif name == "security":
                assert SECURITY_WORDS.search(q), (name, v, q)
            elif name == "currency":
                assert q.strip() in ("€", "£", "¥") or v.lower() in q.lower(), (name, v, q)
            else:
                assert q.strip(), (name, v, q)
