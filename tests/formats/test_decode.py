"""decode/normalize: never raise, keep lengths (offsets depend on it)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eightk.formats.decode import decode, normalize_chars, normalize_newlines


@given(st.binary())
def test_decode_never_raises(data: bytes) -> None:
    assert isinstance(decode(data), str)


@given(st.text())
def test_utf8_round_trips(text: str) -> None:
    assert decode(text.encode("utf-8")) == text.removeprefix("\ufeff")


@given(st.text())
def test_normalize_chars_keeps_length_and_is_idempotent(text: str) -> None:
    out = normalize_chars(text)
    assert len(out) == len(text)
    assert normalize_chars(out) == out
    assert "\u00a0" not in out and "\x00" not in out


def test_stray_cp1252_bytes() -> None:
    # Windows-1252 smart quotes inside otherwise UTF-8 text (older HTML exhibits).
    assert decode(b"Company\x92s \x93Plan\x94 caf\xc3\xa9") == "Company\u2019s \u201cPlan\u201d caf\u00e9"
    assert normalize_chars(decode(b"Company\x92s\xa0Plan")) == "Company's Plan"


def test_utf16_with_bom() -> None:
    assert decode("FORM 8-K".encode("utf-16")) == "FORM 8-K"


def test_newlines() -> None:
    assert normalize_newlines("a\r\nb\rc\n") == "a\nb\nc\n"
