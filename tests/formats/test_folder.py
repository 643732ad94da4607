"""A filing kept as a folder of files: binary parts are kept as skipped documents, never read as text."""

from __future__ import annotations

import pytest

from eightk import NotAFilingError, parse_documents
from tests.conftest import FILINGS

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64
PRIMARY = "0001193125-21-178760.html"


def test_a_graphic_sorted_first_is_not_taken_for_the_8k() -> None:
    html = (FILINGS / PRIMARY).read_bytes()
    filing = parse_documents([("0001.png", PNG), ("d123d8k.htm", html)], "folder")
    assert filing.documents[filing.primary].filename == "d123d8k.htm"
    graphic = next(d for d in filing.documents if d.filename == "0001.png")
    assert graphic.format == "binary" and graphic.text == "" and graphic.skipped
    assert filing.items  # the 8-K itself was read


def test_a_folder_of_binary_files_is_refused() -> None:
    with pytest.raises(NotAFilingError):
        parse_documents([("junk.bin", bytes(range(256)) * 40)], "junk")


def test_a_folder_of_empty_files_is_refused() -> None:
    with pytest.raises(NotAFilingError, match="empty"):
        parse_documents([("a.htm", b""), ("b.htm", b"  \n")], "empty")
