"""Map positions in a document's normalized text back to its source.

``Document.offsets`` is a flat tuple of ``(text_pos, source_pos)`` anchors sorted by ``text_pos``. Each
anchor starts a run of characters copied one-to-one from the source; separators the converter inserted
(line breaks for block tags, tabs for table cells, one space for collapsed white space) sit between runs.
Source positions index the decoded submission (``Container.source``: newlines normalized, PEM envelope
removed); for a folder of files, the decoded file the document came from.
"""

from __future__ import annotations

from eightk.model import Document


def to_source(doc: Document, pos: int) -> int | None:
    """Source position of ``doc.text[pos]``; ``None`` when the document has no map or ``pos`` is out of range.

    For a character copied from the source, ``source[to_source(doc, pos)]`` is that character (before
    character normalization: a smart quote in the source is ``'`` in the text); for a decoded entity it
    is the ``&`` that starts the entity; for an inserted separator it is a position in or after the
    markup that produced it.
    """
    offs = doc.offsets
    if not offs or pos < 0 or pos >= max(len(doc.text), 1):
        return None
    lo, hi = 0, len(offs) // 2 - 1
    if pos < offs[0]:
        return offs[1]
    while lo < hi:  # last anchor with text_pos <= pos
        mid = (lo + hi + 1) // 2
        if offs[2 * mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return offs[2 * lo + 1] + (pos - offs[2 * lo])


def to_text(doc: Document, source_pos: int) -> int | None:
    """Text position whose run covers ``source_pos`` (the inverse of :func:`to_source`), or ``None``."""
    offs = doc.offsets
    if not offs:
        return None
    best: int | None = None
    for i in range(0, len(offs), 2):
        t, s = offs[i], offs[i + 1]
        if s > source_pos:
            break
        best = t + (source_pos - s)
        nxt = offs[i + 2] if i + 2 < len(offs) else len(doc.text)
        if best >= nxt:
            best = nxt
    if best is None or best > len(doc.text):
        return None
    return best
