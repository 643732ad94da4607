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


# --- the faster forms of the event patterns agree with the patterns ------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from eightk.extract import events_text, officers, results  # noqa: E402

_WORDS = (
    "Mr. ", "Smith ", "John ", "resigned ", "RETIRED ", "appointed ", "Elected ", "the ", "Company",
    "interim ", "ACTING ", "will ", "succeed ", "not ", "stand ", "for ", "re-election", "quarter ",
    "ended ", "December 31, 2024", "fiscal ", "year ", "2024 ", "Q3 ", "press release ", "results ",
    ", ", ". ", "\n", "\t", "é", "\u212a", "\u017f", "\u0131", "\u0130", "Σ ", "ß",
)  # fmt: skip


def _folded_patterns() -> list[events_text.Folded]:
    found = [v for m in (officers, results) for v in vars(m).values() if isinstance(v, events_text.Folded)]
    return [*found, events_text.Folded(results._PERIOD_ENDED), events_text.Folded(results._FISCAL_YEAR)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30))
def test_folded_patterns_match_where_their_re_i_form_does(words: list[str]) -> None:
    text = "".join(words)
    low = events_text.fold_case(text)
    for f in _folded_patterns():
        assert [m.span() for m in f.finditer(text, low)] == [m.span() for m in f.rx.finditer(text)]
        s, r = f.search(text, low), f.rx.search(text)
        assert (s and s.span()) == (r and r.span())


def test_fold_case_refuses_only_the_letters_re_i_reads_otherwise() -> None:
    # Every character of the first planes that lower() keeps one-for-one and re.I matches to an
    # ASCII letter exactly when its lower case is that letter, except the two listed.
    odd = []
    for cp in range(0x80, 0x3000):
        c = chr(cp)
        low = c.lower()
        if len(low) != 1:
            assert events_text.fold_case(c) is None
            continue
        for x in "abcdefghijklmnopqrstuvwxyz":
            if bool(re.fullmatch(x, c, re.I)) != (low == x):
                odd.append(c)
                break
    assert sorted(odd) == sorted(events_text._UNFOLDABLE)
    assert all(events_text.fold_case("a" + c) is None for c in odd)
