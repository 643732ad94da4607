"""Exhibit list (placeholder until the exhibit parser lands)."""

from __future__ import annotations

from eightk.model import Document, Exhibit, Item


def find_exhibits(doc: Document, items: list[Item], docs: list[Document]) -> tuple[list[Exhibit], list[str]]:
    return [], []
