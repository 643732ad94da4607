"""eightk: SEC Form 8-K current reports of every era as clean, queryable data, with evidence.

>>> import eightk
>>> filing = eightk.parse(open("0000950150-02-000239.txt", "rb").read())
>>> filing.cover.report_date, [i.code_2004 for i in filing.items]
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

from eightk.errors import EightkError, FetchError, NotAFilingError, StoreError, UserAgentRequired
from eightk.model import (
    Cover,
    Document,
    Events,
    Evidence,
    Exhibit,
    Filing,
    Header,
    Item,
    Offering,
    Signature,
)
from eightk.pipeline import parse, parse_documents


def parse_path(path: str) -> Filing:
    """Parse a file or a folder holding one filing's documents (see :func:`eightk.sources.local.read_input`)."""
    from eightk.sources.local import parse_path as _parse_path

    return _parse_path(path)


logging.getLogger("eightk").addHandler(logging.NullHandler())

__all__ = [
    "Cover",
    "Document",
    "EightkError",
    "Events",
    "Evidence",
    "Exhibit",
    "FetchError",
    "Filing",
    "Header",
    "Item",
    "NotAFilingError",
    "Offering",
    "Signature",
    "StoreError",
    "UserAgentRequired",
    "__version__",
    "parse",
    "parse_documents",
    "parse_path",
]
