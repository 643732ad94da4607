"""Cover page (placeholder until the cover parser lands; see issue #2)."""

from __future__ import annotations

from eightk.formats.html import XbrlFact
from eightk.model import Cover, Document, Header


def parse_cover(doc: Document, facts: list[XbrlFact], header: Header | None) -> tuple[Cover, list[str]]:
    return Cover(), []
