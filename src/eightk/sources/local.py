"""Inputs on disk: a submission file, or a folder holding one filing's documents. The only place
(with the rest of ``sources/``) that reads files for the parser."""

from __future__ import annotations

import os
from pathlib import Path

from eightk.errors import NotAFilingError
from eightk.model import Filing
from eightk.pipeline import parse, parse_documents

MAX_INPUT_BYTES = 200 * 1024 * 1024


def input_id(path: str | os.PathLike[str]) -> str:
    """The input's name without extension: ``.../0000950150-02-000239.txt`` -> ``0000950150-02-000239``."""
    p = Path(path)
    return p.name if p.is_dir() else p.name.split(".")[0] if p.name.count(".") == 1 else p.stem


def read_parts(path: str | os.PathLike[str]) -> list[tuple[str, bytes]]:
    p = Path(path)
    files = sorted(f for f in p.iterdir() if f.is_file() and not f.name.startswith("."))
    if not files:
        raise NotAFilingError(f"folder {p} holds no files")
    return [(f.name, _read(f)) for f in files]


def _read(p: Path) -> bytes:
    size = p.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise NotAFilingError(
            f"{p.name}: {size} bytes is larger than the {MAX_INPUT_BYTES} bytes eightk reads"
        )
    return p.read_bytes()


def parse_path(path: str | os.PathLike[str], *, full_text: bool = True) -> Filing:
    """Parse a file or a folder (one filing's documents) into a :class:`Filing`.

    ``full_text=False`` leaves documents no extractor reads (EX-4 indentures, EX-10 agreements...)
    unconverted, for callers that do not need their text (see :func:`eightk.pipeline.parse`).
    """
    p = Path(path)
    name = input_id(p)
    if p.is_dir():
        return parse_documents(read_parts(p), name, full_text=full_text)
    if not p.exists():
        raise FileNotFoundError(f"{p}: no such file or folder")
    return parse(_read(p), name, full_text=full_text)
