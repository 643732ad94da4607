"""Signature block (placeholder until the signature parser lands)."""

from __future__ import annotations

from eightk.model import Document, Item, Signature


def find_signatures(
    doc: Document, items: list[Item], registrant: str | None
) -> tuple[list[Signature], list[str]]:
    return [], []
