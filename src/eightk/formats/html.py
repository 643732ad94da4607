"""HTML (and inline XBRL) to normalized text, with a map back to source offsets.

No HTML library keeps source offsets, so this is a small regex tokenizer (shared/docs/stack.md: ~1 ms
per 8-K, spans exact). Block tags become line breaks, table cells tabs, rows line breaks; script, style,
head and ``ix:header`` (hidden XBRL facts that would leak "false 0000887919 ..." into the body) are
dropped from the text. Inline XBRL ``dei:``/``ix:`` facts are collected on the way with their span
in the output text, hidden ones included (with no span).

The offset map is a flat tuple of (text_pos, source_pos) anchors, one per emitted run; within a run
characters map one-to-one except where white space was collapsed.
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, field

from eightk.formats.decode import normalize_chars

_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|<[!?][^>]*>"
    r"|<(/?)([A-Za-z][\w:.\-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)/?>"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?",
    re.S,
)

_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "ul",
        "caption",
        "title",
        "page",
    ]
)
_CELL = frozenset(("td", "th"))
_ROW = frozenset(("tr",))
_SKIP = frozenset(("script", "style", "head", "ix:header", "xml", "noscript", "template"))
_WS = re.compile(r"[ \t\n\r\f\v\u00a0]+")
_ATTR_NAME = re.compile(r"""\bname\s*=\s*["']([^"']+)["']""", re.I)
_ATTR_FORMAT = re.compile(r"""\bformat\s*=\s*["']([^"']+)["']""", re.I)
_ATTR_CONTEXT = re.compile(r"""\bcontextref\s*=\s*["']([^"']+)["']""", re.I)
_ATTR_SCALE = re.compile(r"""\bscale\s*=\s*["']([^"']+)["']""", re.I)
_ATTR_SIGN = re.compile(r"""\bsign\s*=\s*["']([^"']+)["']""", re.I)
_DISPLAY_NONE = re.compile(r"""display\s*:\s*none""", re.I)


@dataclass(slots=True)
class XbrlFact:
    """An inline XBRL fact: ``name`` ("dei:DocumentType"), its displayed text, transform format, span."""

    name: str
    value: str
    format: str | None = None
    context: str | None = None
    hidden: bool = False
    start: int = -1  # span in the output text; -1 for hidden facts
    end: int = -1
    scale: str | None = None
    sign: str | None = None


@dataclass(slots=True)
class HtmlText:
    text: str
    offsets: tuple[int, ...]
    facts: list[XbrlFact] = field(default_factory=list)


class _Out:
    """Output buffer that collapses white space and records anchors."""

    __slots__ = ("anchors", "at_line_start", "length", "parts", "pending_nl", "pending_sp", "pending_tab")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.anchors: list[int] = []
        self.length = 0
        self.pending_nl = 0
        self.pending_sp = False
        self.pending_tab = False
        self.at_line_start = True

    def block(self, n: int = 1) -> None:
        self.pending_nl = max(self.pending_nl, n)
        self.pending_tab = False

    def tab(self) -> None:
        if not self.at_line_start:
            self.pending_tab = True

    def space(self) -> None:
        self.pending_sp = True

    def _flush(self) -> None:
        if self.length == 0:
            self.pending_nl = 0
            self.pending_sp = self.pending_tab = False
            return
        if self.pending_nl:
            s = "\n" * min(self.pending_nl, 2)
        elif self.pending_tab:
            s = "\t"
        elif self.pending_sp and not self.at_line_start:
            s = " "
        else:
            s = ""
        if s:
            self.parts.append(s)
            self.length += len(s)
            self.at_line_start = s[-1] == "\n"
        self.pending_nl = 0
        self.pending_sp = self.pending_tab = False

    def text(self, s: str, src: int) -> None:
        """Emit a text run from source position ``src`` (white space inside already collapsed)."""
        if not s:
            return
        if s[0] == " ":
            self.pending_sp = True
            s = s[1:]
            src += 1
            if not s:
                return
        trailing = s[-1] == " "
        if trailing:
            s = s[:-1]
        if s:
            self._flush()
            self.anchors.append(self.length)
            self.anchors.append(src)
            self.parts.append(s)
            self.length += len(s)
            self.at_line_start = False
        if trailing:
            self.pending_sp = True


def html_to_text(src: str, base: int = 0) -> HtmlText:
    """Convert HTML ``src`` to normalized text; ``base`` is added to every source offset."""
    out = _Out()
    facts: list[XbrlFact] = []
    skip_stack: list[str] = []  # names of open skipped elements
    hidden_depth = 0  # inside <ix:header> (or a display:none wrapper holding it)
    fact_stack: list[tuple[XbrlFact, int, list[str]]] = []  # (fact, index in out.parts, text)
    pos = 0
    n = len(src)
    cell_start = -1  # output length when the current table cell opened, -1 outside cells
    unescape = _html.unescape
    ws = _WS

    def emit_text(raw: str, at: int) -> None:
        collapsed = ws.sub(" ", raw)
        if skip_stack:
            if hidden_depth and fact_stack:
                fact_stack[-1][2].append(collapsed)
            return
        for _f, _s, buf in fact_stack:
            buf.append(collapsed)
        out.text(collapsed, base + at)

    for m in _TOKEN.finditer(src):
        s = m.start()
        if s > pos:
            emit_text(src[pos:s], pos)
        pos = m.end()
        tok = m.group(0)
        name = m.group(2)
        if name is None:
            if tok[0] == "&":
                ch = unescape(tok)
                if ch == tok:
                    emit_text(tok, s)
                else:
                    emit_text(normalize_chars(ch) if ch not in ("\u00a0",) else " ", s)
            continue
        lname = name.lower()
        closing = bool(m.group(1))
        attrs = m.group(3) or ""
        if skip_stack:
            if lname == skip_stack[-1]:
                if closing:
                    skip_stack.pop()
                    if lname == "ix:header":
                        hidden_depth -= 1
                elif not tok.endswith("/>"):
                    skip_stack.append(lname)
                    if lname == "ix:header":
                        hidden_depth += 1
                continue
            if hidden_depth and lname in ("ix:nonnumeric", "ix:nonfraction"):
                _fact_tag(lname, closing, attrs, tok, facts, fact_stack, out, hidden=True)
            continue
        if lname in _SKIP and not closing:
            if not tok.endswith("/>"):
                skip_stack.append(lname)
                if lname == "ix:header":
                    hidden_depth += 1
            continue
        if lname in ("ix:nonnumeric", "ix:nonfraction"):
            _fact_tag(lname, closing, attrs, tok, facts, fact_stack, out, hidden=False)
            continue
        if lname in _BLOCK or lname == "br":
            # Inside a table cell, short cells keep their paragraphs on one line so that a row of the
            # cover page ("Delaware | 000-28782 | 93-0979187") stays a row; long cells (whole
            # documents laid out in one cell) keep their line breaks.
            if cell_start >= 0 and out.length - cell_start < 160 and lname not in ("table", "tr"):
                out.space()
            else:
                out.block(1)
        elif lname in _CELL:
            if not closing:
                out.tab()
                cell_start = out.length
            else:
                cell_start = -1
        elif lname in _ROW:
            out.block(1)
            cell_start = -1
    if pos < n and not skip_stack:
        emit_text(src[pos:], pos)
    # Unclosed facts (truncated input): close them at the end.
    while fact_stack:
        _close_fact(fact_stack, out)
    text = "".join(out.parts)
    return HtmlText(text=text, offsets=tuple(out.anchors), facts=facts)


def _fact_tag(
    lname: str,
    closing: bool,
    attrs: str,
    tok: str,
    facts: list[XbrlFact],
    fact_stack: list[tuple[XbrlFact, int, list[str]]],
    out: _Out,
    hidden: bool,
) -> None:
    if closing:
        if fact_stack:
            _close_fact(fact_stack, out)
        return
    nm = _ATTR_NAME.search(attrs)
    fmt = _ATTR_FORMAT.search(attrs)
    ctx = _ATTR_CONTEXT.search(attrs)
    scale = _ATTR_SCALE.search(attrs)
    sign = _ATTR_SIGN.search(attrs)
    fact = XbrlFact(
        name=nm.group(1) if nm else "",
        value="",
        format=fmt.group(1) if fmt else None,
        context=ctx.group(1) if ctx else None,
        hidden=hidden,
        scale=scale.group(1) if scale else None,
        sign=sign.group(1) if sign else None,
    )
    facts.append(fact)
    if tok.endswith("/>"):
        return
    # The fact's span starts at the next emitted character; pending white space is not part of it.
    fact_stack.append((fact, -1 if hidden else len(out.parts), []))


def _close_fact(fact_stack: list[tuple[XbrlFact, int, list[str]]], out: _Out) -> None:
    fact, part_index, buf = fact_stack.pop()
    fact.value = " ".join("".join(buf).split())
    if fact.hidden or part_index < 0:
        return
    # Text runs never start with white space; separators are white space only. Skip the separators
    # emitted before the fact's first character so the span starts on it.
    parts = out.parts
    start = out.length - sum(len(p) for p in parts[part_index:])
    i = part_index
    while i < len(parts) and parts[i].isspace():
        start += len(parts[i])
        i += 1
    fact.start, fact.end = start, out.length


_HTML_SNIFF = re.compile(r"<(?:html|body|div|p|table|font|br|span|center|b|i|a\s|h[1-6]|tr|td)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is HTML markup rather than plain text with the odd ``<PAGE>`` tag."""
    head = text[:4000]
    if re.search(r"<html\b|<!doctype\s+html|<body\b", head, re.I):
        return True
    return len(_HTML_SNIFF.findall(head)) >= 3


def looks_like_ixbrl(text: str) -> bool:
    head = text[:20000]
    return "ix:header" in head.lower() or "xmlns:ix=" in head or "<ix:nonnumeric" in text[:200000].lower()
