"""Bytes to str, never failing: UTF-8 first, stray Windows-1252 bytes decoded one by one.

EDGAR documents are mostly ASCII or UTF-8, with stray cp1252 bytes (smart quotes, NBSP) in older HTML;
a strict decoder would fail on them and a blanket latin-1 decode garbles real UTF-8. The error handler
below decodes each undecodable byte as cp1252 (latin-1 for the five bytes cp1252 leaves undefined).

Normalization is length-preserving (one character in, one out), so offsets stay valid:
NUL and other C0 controls become spaces, NBSP a space, typographic quotes and dashes their ASCII forms.
"""

from __future__ import annotations

import codecs
import re

_UNDEF = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeDecodeError):
        raise err
    bad = err.object[err.start : err.end]
    chars = []
    for b in bad:
        chars.append(chr(b) if b in _UNDEF or b < 0x80 else bytes([b]).decode("cp1252"))
    return "".join(chars), err.end


codecs.register_error("eightk-cp1252", _cp1252_fallback)

_TRANSLATE = {c: " " for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)}
_TRANSLATE.update(
    {
        0x7F: " ",
        0xA0: " ",  # NBSP
        0x2007: " ",
        0x2009: " ",
        0x200A: " ",
        0x202F: " ",
        0x200B: " ",  # zero-width space: keep length, lose the character
        0xFEFF: " ",
        0x2018: "'",
        0x2019: "'",
        0x201A: "'",
        0x201B: "'",
        0x2032: "'",
        0x201C: '"',
        0x201D: '"',
        0x201E: '"',
        0x201F: '"',
        0x2033: '"',
        0x2010: "-",
        0x2011: "-",
        0x2012: "-",
        0x2013: "-",
        0x2014: "-",
        0x2015: "-",
        0x2212: "-",
        0x00AD: "-",
        0x2022: "*",
        0x00B7: "*",
    }
)
# Other Unicode spaces (en, em, thin... ideographic) are spaces too.
_TRANSLATE.update({c: " " for c in (*range(0x2000, 0x200B), 0x205F, 0x3000, 0x1680)})
_SPECIAL = re.compile("[" + re.escape("".join(chr(c) for c in sorted(_TRANSLATE))) + "]")
_REPLACEMENT = {chr(c): r for c, r in _TRANSLATE.items()}


def decode(data: bytes) -> str:
    """Decode filing bytes leniently; never raises."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    return data.decode("utf-8", errors="eightk-cp1252")


def normalize_chars(text: str) -> str:
    """Length-preserving clean-up used on every document's text (see module docstring)."""
    if text.isascii():
        return text.translate(_TRANSLATE)  # CPython's fast path for ASCII input
    # str.translate falls back to a per-character dict lookup on non-ASCII text (about 60 ns a
    # character); a regex that visits only the special characters is ten times faster.
    return _SPECIAL.sub(lambda m: _REPLACEMENT[m.group()], text)


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR (seen in feed .nc files) to LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def is_binary(data: bytes) -> bool:
    """More than 5 % control bytes in the first 64 KiB: an image, archive or random bytes, not a filing.

    Stray NULs in real filings are far rarer than that; UTF-16 text (half NULs) carries a BOM and is decoded.
    """
    sample = data[:65536]
    if sample[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return False
    ctrl = len(sample) - len(sample.translate(None, _CONTROL))
    return ctrl > 0.05 * len(sample)
