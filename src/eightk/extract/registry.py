"""Extractor registry (placeholder until issue #3 lands)."""

from __future__ import annotations

from eightk.model import Events, Filing, Offering


def run_extractors(filing: Filing) -> tuple[list[Offering], Events, list[str]]:
    return [], Events(), []
