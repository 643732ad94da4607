"""Case-insensitive patterns searched fast: find where a match can start with plain ``str.find`` on a
lower-cased copy, and try the pattern only there.

CPython's regex engine cannot skip ahead to a case-insensitive alternation: it tries such a pattern at
every character, and folds case per character as it goes. Every fast path in the parsers and extractors
(issue #2) rests on the same fact, kept here once: outside the four characters of
:data:`FOLD_SPECIALS`, ``str.lower()`` folds case exactly as ``re.IGNORECASE`` does, one character for one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

# Characters the regex engine matches case-insensitively to an ASCII letter without being that letter in
# either case ("ſ" for s, the Kelvin sign for k, dotted and dotless i), and the only one whose lower() is
# two characters long (U+0130): where none occurs, ``text.lower()`` folds case exactly as ``re.I`` does.
FOLD_SPECIALS = ("\u0130", "\u0131", "\u017f", "\u212a")


class KeywordPattern:
    """A compiled case-insensitive pattern whose every match starts with one of a few plain words, searched
    by looking for those words first (for patterns that never match an empty string).

    The regex engine cannot skip ahead to a case-insensitive alternation: it tries the pattern at every
    character. Here ``stems`` (lowercase; each match of the pattern starts with one of them) are found in
    the lowercased text at memory speed, and the pattern is tried only where one starts, leftmost first, so
    ``search`` and ``finditer`` return exactly the matches of ``rx.search`` and ``rx.finditer``. Text holding a character that ``lower()`` does
    not fold as ``re.I`` does is searched by the pattern alone. Other attributes are the pattern's.
    """

    __slots__ = ("_re", "_stems")

    def __init__(self, rx: re.Pattern[str], stems: tuple[str, ...]) -> None:
        self._re = rx
        self._stems = stems

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """``rx.search``."""
        return next(self._matches(text, pos, endpos), None)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """``rx.finditer``."""
        return self._matches(text, pos, endpos)

    def exists(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """``rx.search(text, pos, endpos) is not None``: the stems are tried one by one (a match found at any
        place will do), so a stem found early saves scanning for the others."""
        n = len(text)
        a = min(max(pos, 0), n)
        e = n if endpos is None else min(max(endpos, 0), n)
        seg = text[a:e]
        for c in FOLD_SPECIALS:
            if c in seg:
                return self._re.search(text, a, e) is not None
        low = seg.lower()
        match = self._re.match
        for w in self._stems:
            i = low.find(w)
            while i >= 0:
                if match(text, a + i, e) is not None:
                    return True
                i = low.find(w, i + 1)
        return False

    def _matches(self, text: str, pos: int, endpos: int | None) -> Iterator[re.Match[str]]:
        n = len(text)
        a = min(max(pos, 0), n)
        e = n if endpos is None else min(max(endpos, 0), n)
        seg = text[a:e]
        for c in FOLD_SPECIALS:
            if c in seg:
                yield from self._re.finditer(text, a, e)
                return
        low = seg.lower()
        nxt: dict[str, int] = {}
        for w in self._stems:
            i = low.find(w)
            if i >= 0:
                nxt[w] = i
        match = self._re.match
        k = 0
        while nxt:
            i = min(nxt.values())  # the leftmost place a match can start
            m = match(text, a + i, e)
            if m is None:
                x = i + 1
            else:
                yield m
                k += 1
                if m.end() == m.start():
                    # after an empty match the regex's own stepping rules apply: its matches so far were these
                    yield from islice(self._re.finditer(text, a, e), k, None)
                    return
                x = m.end() - a  # the next match is the leftmost from the end of this one
            for w, j in list(nxt.items()):
                if j < x:
                    j = low.find(w, x)
                    if j < 0:
                        del nxt[w]
                    else:
                        nxt[w] = j

    def __getattr__(self, name: str) -> object:
        return getattr(self._re, name)


def word_starts(tl: str, w: str, out: list[int]) -> None:
    """Append every position where ``w`` starts a word of ``tl`` (``\\bw``; ``w`` begins with a letter, ``tl``
    is ASCII, where ``\\w`` is a letter, a digit or ``_``)."""
    i = tl.find(w)
    while i >= 0:
        if i == 0 or not (tl[i - 1].isalnum() or tl[i - 1] == "_"):
            out.append(i)
        i = tl.find(w, i + 1)


def all_starts(tl: str, w: str, out: list[int]) -> None:
    """Append every position where ``w`` occurs in ``tl``."""
    i = tl.find(w)
    while i >= 0:
        out.append(i)
        i = tl.find(w, i + 1)


def scan_at(rx: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """``list(rx.finditer(text))`` when every match of ``rx`` (never empty) starts at one of ``starts``: the
    pattern is tried there only, leftmost first, from the end of the last match (``match`` at a position
    sees the text before it, as ``finditer`` does)."""
    out: list[re.Match[str]] = []
    if not starts:
        return out
    starts.sort()
    pos = 0
    match = rx.match
    for p in starts:
        if p < pos:
            continue
        m = match(text, p)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


def has_fold_specials(seg: str) -> bool:
    """Whether ``seg`` holds a character for which ``lower()`` and ``re.I`` disagree (then only the plain
    pattern is exact)."""
    if seg.isascii():
        return False
    for c in FOLD_SPECIALS:  # noqa: SIM110 (a loop of `in` tests beats any() over a generator)
        if c in seg:
            return True
    return False
