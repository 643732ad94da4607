"""Every event value the extractors return on the dev corpus carries evidence that quotes its source words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eightk.model import Filing
from eightk.parse.dates import parse_date
from eightk.sources.local import parse_path
from tests.conftest import SHARED

DEV = SHARED / "corpus" / "dev"


def _fold(s: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9&]+", " ", s.lower()).split())


def _check(filing: Filing) -> list[str]:
    bad: list[str] = []
    docs = filing.documents

    def quote(ev) -> str:
        if docs[ev.document].text[ev.start : ev.end] != ev.quote:
            bad.append(f"{filing.id}: span does not match quote {ev.quote!r}")
        return ev.quote

    for c in filing.events.officer_changes:
        if _fold(quote(c.evidence["person"])) != _fold(c.person):
            bad.append(f"{filing.id}: person {c.person!r} vs {c.evidence['person'].quote!r}")
        quote(c.evidence["change"])
        if c.role is not None:
            q = _fold(quote(c.evidence["role"]))
            if c.role == "director":
                if not re.search(r"director|board|trustee", q):
                    bad.append(f"{filing.id}: role director vs {q!r}")
            elif _fold(c.role) != q:
                bad.append(f"{filing.id}: role {c.role!r} vs {q!r}")
        if (
            c.effective_date is not None
            and parse_date(quote(c.evidence["effective_date"])) != c.effective_date
        ):
            bad.append(f"{filing.id}: date {c.effective_date} vs {c.evidence['effective_date'].quote!r}")
    a = filing.events.auditor_change
    if a is not None:
        for k in ("former_auditor", "new_auditor"):
            v = getattr(a, k)
            if v is not None and _fold(quote(a.evidence[k])) != _fold(v):
                bad.append(f"{filing.id}: {k} {v!r}")
        if a.date is not None and parse_date(quote(a.evidence["date"])) != a.date:
            bad.append(f"{filing.id}: auditor date {a.date}")
    r = filing.events.results
    if r is not None:
        if r.period_end is not None and parse_date(quote(r.evidence["period_end"])) != r.period_end:
            bad.append(f"{filing.id}: period_end {r.period_end}")
        if (
            r.press_release_exhibit is not None
            and quote(r.evidence["press_release_exhibit"]) != r.press_release_exhibit
        ):
            bad.append(f"{filing.id}: exhibit {r.press_release_exhibit}")
    v = filing.events.shareholder_vote
    if v is not None:
        if v.meeting_date is not None and parse_date(quote(v.evidence["meeting_date"])) != v.meeting_date:
            bad.append(f"{filing.id}: meeting_date {v.meeting_date}")
        if v.meeting_type is not None and v.meeting_type not in quote(v.evidence["meeting_type"]).lower():
            bad.append(f"{filing.id}: meeting_type {v.meeting_type}")
    return bad


@pytest.mark.skipif(not DEV.is_dir(), reason="shared dev corpus not available")
def test_event_evidence_quotes_the_values_on_every_dev_filing() -> None:
    bad: list[str] = []
    seen = 0
    for p in sorted(Path(DEV).iterdir()):
        try:
            f = parse_path(p)
        except Exception:  # not every corpus file is an 8-K
            continue
        seen += 1
        bad += _check(f)
    assert seen > 100
    assert bad == []
