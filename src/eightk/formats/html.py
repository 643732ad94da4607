"""HTML (and inline XBRL) to normalized text, with a map back to source offsets.

No HTML library keeps source offsets, so this is a small regex tokenizer (shared/docs/stack.md).
Block tags become line breaks, table cells tabs, rows line breaks; script, style, head and
``ix:header`` (hidden XBRL facts that would leak "false 0000887919 ..." into the body) are dropped from
the text; ``<pre>`` keeps its white space. Inline XBRL ``dei:``/``ix:`` facts are collected on the way
with their span in the output text, hidden ones included (with no span).

The offset map is a flat tuple of ``(text_pos, source_pos)`` anchors. Each anchor starts a run of
characters copied one-to-one from the source (white space inside a run is single characters turned
into spaces, so lengths match); collapsed white space, decoded entities (one anchor each, pointing at
the ``&``) and tags all start a new anchor. :func:`eightk.formats.offsets.to_source` reads it.

Speed (issue #2): one regex match per tag, with the text between tags handled in bulk; the tag regex
uses possessive quantifiers and bounded quoted values, so no input makes it backtrack (an unclosed
``<a x="`` repeated a million times stays linear).
"""

from __future__ import annotations

import html as _html
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from eightk.formats.decode import normalize_chars

# The document is cut with one ``re.split`` call (C speed) into text runs and tokens; the Python loop
# then walks the pieces four at a time: (token, "/", tag name, text after the token). The attributes
# are not a group of their own (one string less per tag): a tag's attributes are
# ``tok[len(slash) + len(name) + 1 : -1]``, and it is self-closing when ``tok`` ends with "/>" (a tag
# name never holds "/"). The attribute loop is unrolled (ordinary run, then special token + ordinary
# run, repeated): it matches exactly what ``(?:run|special)*+`` matches, with fewer loop iterations.
# A token is a start/end tag, a comment, CDATA, or a bogus comment / doctype / processing instruction.
# HTML5 tokenizing: quotes delimit an attribute value only right after "="; elsewhere a quote is an
# ordinary character. Quoted values are bounded (64 KiB) so an unclosed quote cannot make every later
# "<" rescan the rest of the document; "<" may not appear unquoted in a tag, for the same reason.
# Every alternative starts with "<", so the regex engine finds candidates with a fast literal search.
_SPLIT = re.compile(
    r"(<(?:(/?)([A-Za-z][^\t\n\f\r />]*+)"
    r"[^<>\"'=]*+(?:(?:=[\t\n\f\r ]*+(?:\"[^\"]{0,65536}+\"|'[^']{0,65536}+')?+|[\"'])[^<>\"'=]*+)*+>"
    r"|!--(?s:.*?)(?:-->|\Z)"
    r"|!\[CDATA\[(?s:.*?)(?:\]\]>|\Z)"
    r"|[!?/][^<>]*+>))"
)
# Inside a text run: an entity (group 1), a run of non-blank characters separated by single blanks
# (copied one-to-one), or a lone "&". What lies between matches is collapsible white space.
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?"
_PIECE = re.compile(
    rf"({_ENTITY})"
    r"|[^ \t\n\r\f\v\u00a0&]++(?:[ \t\n\r\f\v\u00a0][^ \t\n\r\f\v\u00a0&]++)*+"
    r"|&"
)
_ENTITY_RX = re.compile(_ENTITY)

# Actions per lower-case tag name.
_INLINE, _BLOCKTAG, _CELL, _ROW, _SKIPTAG, _RAWTEXT, _FACT, _PRE, _BODY, _TABLE = range(10)
_ACTIONS: dict[str, int] = {}
_BLOCK_NAMES = (
    "address article aside blockquote center dd dir div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr html li main menu nav ol p section tbody tfoot thead ul caption "
    "title page br"
)
for _n in _BLOCK_NAMES.split():
    _ACTIONS[_n] = _BLOCKTAG
_ACTIONS.update({"td": _CELL, "th": _CELL, "tr": _ROW, "pre": _PRE, "body": _BODY, "table": _TABLE})
_ACTIONS.update({"head": _SKIPTAG, "ix:header": _SKIPTAG, "noscript": _SKIPTAG, "template": _SKIPTAG})
# Raw-text elements: their content is never markup.
_ACTIONS.update({"script": _RAWTEXT, "style": _RAWTEXT, "xml": _RAWTEXT, "textarea": _RAWTEXT})
_ACTIONS.update({"ix:nonnumeric": _FACT, "ix:nonfraction": _FACT})
_ACTION_CACHE: dict[str, int] = {}  # tag name as printed ("FONT", "Td") -> action

# Empty table cells hold these alone (about one text run in five).
_BLANK_ENTITIES = frozenset(["&nbsp;", "&#160;", "&#xa0;", "&#xA0;", "&nbsp;&nbsp;", "&#160;&#160;", "&nbsp"])
_ONE_TO_ONE = str.maketrans({"\t": " ", "\n": " ", "\r": " ", "\f": " ", "\v": " ", "\u00a0": " "})
_ATTR_NAME = re.compile(r"""\bname\s*=\s*["']([^"']+)["']""", re.I)
_ATTR_FORMAT = re.compile(r"""\bformat\s*=\s*["']([^"']+)["']""", re.I)
_ATTR_CONTEXT = re.compile(r"""\bcontextref\s*=\s*["']([^"']+)["']""", re.I)
_ATTR_SCALE = re.compile(r"""\bscale\s*=\s*["']([^"']+)["']""", re.I)
_ATTR_SIGN = re.compile(r"""\bsign\s*=\s*["']([^"']+)["']""", re.I)
_ENTITY_CACHE: dict[str, str] = {}
_SHORT_CELL = 160  # a table cell shorter than this keeps its paragraphs on one line


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


def _action(name: str) -> int:
    a = _ACTIONS.get(name.lower(), _INLINE)
    if len(_ACTION_CACHE) < 4096:
        _ACTION_CACHE[name] = a
    return a


def _entity(tok: str) -> str:
    """The text of one entity, normalized ("&#8217;" -> "'"); unknown ones stay as printed."""
    ch = _ENTITY_CACHE.get(tok)
    if ch is None:
        try:
            ch = _html.unescape(tok)
        except (ValueError, OverflowError):  # defensive: keep what cannot be decoded as printed
            ch = tok
        if ch != tok:
            ch = normalize_chars(ch)
        if len(_ENTITY_CACHE) < 4096:
            _ENTITY_CACHE[tok] = ch
    return ch


def _unescape(raw: str) -> str:
    return _ENTITY_RX.sub(lambda m: _entity(m.group()), raw) if "&" in raw else raw


def html_to_text_py(src: str, base: int = 0) -> HtmlText:
    """Convert HTML ``src`` to normalized text; ``base`` is added to every source offset. Never raises.

    The reference implementation; ``html_to_text`` is its compiled twin when that is built.
    """
    parts: list[str] = []
    anchors: list[int] = []
    length = 0
    # Pending separator before the next text: 0 none, 1 space, 2 tab, 3 line break (highest wins).
    pending = 0
    at_line_start = True
    awaiting: list[XbrlFact] = []  # opened facts whose first character is not emitted yet
    facts: list[XbrlFact] = []
    open_facts: list[tuple[XbrlFact, list[str]]] = []  # visible facts still open, with their raw text
    hidden_facts: list[tuple[XbrlFact, list[str]]] = []  # facts open inside ix:header
    skip_stack: list[str] = []  # names of open skipped elements (head, ix:header...)
    hidden_depth = 0
    pre_depth = 0
    raw_skip: str | None = None  # inside <script>/<style>: the name whose end tag ends it
    cell_start = -1  # output length when the current table cell opened, -1 outside cells
    append = parts.append
    anchor = anchors.append
    piece_iter = _PIECE.finditer
    entity_cache = _ENTITY_CACHE

    def emit(s: str, at: int) -> None:
        """Append ``s`` (copied from source position ``at``) after the pending separator."""
        nonlocal length, pending, at_line_start
        if length:
            if pending == 3:
                append("\n")
                length += 1
            elif pending == 2:
                append("\t")
                length += 1
            elif pending == 1 and not at_line_start:
                append(" ")
                length += 1
        pending = 0
        if awaiting:
            for f in awaiting:
                f.start = length
            awaiting.clear()
        anchor(length)
        anchor(at)
        append(s)
        length += len(s)
        at_line_start = s[-1] == "\n"

    def run(raw: str, at: int) -> None:
        """A text run with white space to collapse and/or entities to decode (``emit`` inlined)."""
        nonlocal pending, length, at_line_start
        prev = 0
        for m in piece_iter(raw):
            a, prev_next = m.span()
            if a > prev and not pending:
                pending = 1
            prev = prev_next
            ent = m.group(1)
            if ent is not None:
                seg = entity_cache.get(ent)
                if seg is None:
                    seg = _entity(ent)
                if not seg or seg.isspace():
                    if not pending:
                        pending = 1
                    continue
                line_end = seg[-1] == "\n"
            else:
                seg = m.group()
                if "\n" in seg or "\t" in seg or "\r" in seg or "\u00a0" in seg or "\f" in seg or "\v" in seg:
                    seg = seg.translate(_ONE_TO_ONE)
                line_end = False
            if length:
                if pending == 3:
                    append("\n")
                    length += 1
                elif pending == 2:
                    append("\t")
                    length += 1
                elif pending == 1 and not at_line_start:
                    append(" ")
                    length += 1
            pending = 0
            if awaiting:
                for f in awaiting:
                    f.start = length
                awaiting.clear()
            anchor(length)
            anchor(at + a)
            append(seg)
            length += len(seg)
            at_line_start = line_end
        if prev < len(raw) and not pending:
            pending = 1

    def pre(raw: str, at: int) -> None:
        """Preformatted text: white space kept as printed; entities decoded."""
        if "&" not in raw:
            emit(raw, at)
            return
        prev = 0
        for m in _ENTITY_RX.finditer(raw):
            if m.start() > prev:
                emit(raw[prev : m.start()], at + prev)
            ch = _entity(m.group())
            if ch:
                emit(ch, at + m.start())
            prev = m.end()
        if prev < len(raw):
            emit(raw[prev:], at + prev)

    # Blanks other than space, tab and newline force the careful path for every run.
    careful = not src.isascii() or "\r" in src or "\f" in src or "\v" in src
    action_cache = _ACTION_CACHE
    pieces = _SPLIT.split(src)
    it = iter(pieces)
    first = next(it)
    pos = base
    if first:
        run(first, pos)
        pos += len(first)
    for tok, slash, name, text in zip(it, it, it, it, strict=False):
        pos += len(tok)
        if name is not None:
            act = action_cache.get(name)
            if act is None:
                act = _action(name)
            if not act:
                # Inline formatting (span, font, b, a...) changes nothing in any state: a skipped
                # element or raw text only ends on its own (non-inline) name.
                pass
            elif raw_skip is not None:
                if slash and name.lower() == raw_skip:
                    raw_skip = None
            elif skip_stack:
                lname = name.lower()
                top = skip_stack[-1]
                if lname == top:
                    if slash:
                        skip_stack.pop()
                        if lname == "ix:header":
                            hidden_depth -= 1
                    elif not tok.endswith("/>"):
                        skip_stack.append(lname)
                        if lname == "ix:header":
                            hidden_depth += 1
                elif act == _RAWTEXT and not slash and not tok.endswith("/>"):
                    raw_skip = lname
                elif act == _BODY and top == "head" and not slash:
                    # <body> with no </head> before it (hand-written HTML): the head is over.
                    skip_stack.clear()
                    pending = 3
                elif act == _FACT and hidden_depth:
                    if slash:
                        if hidden_facts:
                            f, buf = hidden_facts.pop()
                            f.value = " ".join(_unescape("".join(buf)).split())
                    else:
                        f = _new_fact(tok[len(slash) + len(name) + 1 : -1], hidden=True)
                        facts.append(f)
                        if not tok.endswith("/>"):
                            hidden_facts.append((f, []))
            elif act == _CELL:
                if not slash:
                    if not at_line_start and pending < 2:
                        pending = 2
                    cell_start = length
                else:
                    cell_start = -1
            elif act in (_BLOCKTAG, _BODY):
                # Inside a table cell, short cells keep their paragraphs on one line so that a row of
                # the cover page ("Delaware | 000-28782 | 93-0979187") stays a row; long cells (whole
                # documents laid out in one cell) keep their line breaks.
                if cell_start >= 0 and length - cell_start < _SHORT_CELL:
                    if not pending:
                        pending = 1
                else:
                    pending = 3
            elif act == _ROW:
                pending = 3
                cell_start = -1
            elif act == _TABLE:
                pending = 3
            elif act == _FACT:
                if slash:
                    if open_facts:
                        f, buf = open_facts.pop()
                        f.value = " ".join(_unescape("".join(buf)).split())
                        if any(x is f for x in awaiting):  # nothing emitted inside the fact
                            awaiting[:] = [x for x in awaiting if x is not f]
                            f.start = length
                        f.end = length
                else:
                    f = _new_fact(tok[len(slash) + len(name) + 1 : -1], hidden=False)
                    facts.append(f)
                    if not tok.endswith("/>"):
                        open_facts.append((f, []))
                        awaiting.append(f)
            elif act == _PRE:
                pending = 3
                if slash:
                    pre_depth = max(0, pre_depth - 1)
                else:
                    pre_depth += 1
            elif act == _SKIPTAG:
                if not slash and not tok.endswith("/>"):
                    lname = name.lower()
                    skip_stack.append(lname)
                    if lname == "ix:header":
                        hidden_depth += 1
            elif act == _RAWTEXT and not slash and not tok.endswith("/>"):
                raw_skip = name.lower()
        if not text:
            continue
        if raw_skip is not None:
            pass
        elif skip_stack:
            for _f, buf in hidden_facts:
                buf.append(text)
        else:
            if open_facts:
                for _f, buf in open_facts:
                    buf.append(text)
            if pre_depth:
                pre(text, pos)
            elif text.isspace() or text in _BLANK_ENTITIES:
                if not pending:
                    pending = 1
            elif (
                careful
                or "&" in text
                or "  " in text
                or "\n" in text
                or "\t" in text
                or text[0] == " "
                or text[-1] == " "
            ):
                run(text, pos)
            else:
                # Common case: words separated by single spaces, copied as they are.
                if length:
                    if pending == 3:
                        append("\n")
                        length += 1
                    elif pending == 2:
                        append("\t")
                        length += 1
                    elif pending == 1 and not at_line_start:
                        append(" ")
                        length += 1
                pending = 0
                if awaiting:
                    for f in awaiting:
                        f.start = length
                    awaiting.clear()
                anchor(length)
                anchor(pos)
                append(text)
                length += len(text)
                at_line_start = False
        pos += len(text)
    # Unclosed facts (truncated input): close them at the end.
    for f, buf in open_facts:
        f.value = " ".join(_unescape("".join(buf)).split())
        if any(x is f for x in awaiting):
            f.start = length
        f.end = length
    for f, buf in hidden_facts:
        f.value = " ".join(_unescape("".join(buf)).split())
    return HtmlText(text="".join(parts), offsets=tuple(anchors), facts=facts)


def _attr(rx: re.Pattern[str], attrs: str, low: str | None, word: str) -> str | None:
    """``rx.search(attrs)``'s value. With ``low`` (``attrs`` lower-cased, ASCII only, so positions match)
    the regex is tried only where its attribute name starts: the same leftmost match (the word boundary
    at the start of ``rx`` sees the character before ``pos``), without a case-insensitive boundary test
    at every position (issue #2: that was a third of the compiled tokenizer's time)."""
    if low is None:
        m = rx.search(attrs)
        return m.group(1) if m else None
    i = low.find(word)
    while i >= 0:
        m = rx.match(attrs, i)
        if m is not None:
            return m.group(1)
        i = low.find(word, i + 1)
    return None


def _new_fact(attrs: str, hidden: bool) -> XbrlFact:
    low = attrs.lower() if attrs.isascii() else None
    return XbrlFact(
        name=_attr(_ATTR_NAME, attrs, low, "name") or "",
        value="",
        format=_attr(_ATTR_FORMAT, attrs, low, "format"),
        context=_attr(_ATTR_CONTEXT, attrs, low, "contextref"),
        hidden=hidden,
        scale=_attr(_ATTR_SCALE, attrs, low, "scale"),
        sign=_attr(_ATTR_SIGN, attrs, low, "sign"),
    )


# The compiled tokenizer (eightk/formats/_htmlscan.pyx, ~5x faster, identical output) when it was built at
# install time (it needs a C compiler; without one the install still works and this Python version is
# used). EIGHTK_PURE_PYTHON=1 forces the Python version. TOKENIZER says which one is active. A stale
# build that no longer fits this module (bind() refuses it) is ignored: rebuild with `pip install -e .`.
try:
    from eightk.formats import _htmlscan  # type: ignore[attr-defined]

    _htmlscan.bind(
        _ACTIONS, _entity, _ENTITY_CACHE, _new_fact, _unescape, HtmlText, _BLANK_ENTITIES, html_to_text_py
    )
except (ImportError, TypeError, ValueError):
    _htmlscan = None

html_to_text: Callable[[str, int], HtmlText] = html_to_text_py
TOKENIZER = "python"
if _htmlscan is not None and os.environ.get("EIGHTK_PURE_PYTHON", "") in ("", "0"):
    html_to_text = _htmlscan.html_to_text
    TOKENIZER = "compiled"


_HTML_SNIFF = re.compile(
    r"<(?:html|body|div|p|table|font|br|span|center|b|i|a\s|h[1-6]|tr|td)\b[^<>]{0,2000}>", re.I
)
_HTML_ROOT = re.compile(r"<html\b|<!doctype\s+html|<body\b", re.I)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is HTML markup rather than plain text with the odd ``<PAGE>`` tag."""
    head = text[:4000]
    if _HTML_ROOT.search(head):
        return True
    return len(_HTML_SNIFF.findall(head)) >= 3


def looks_like_ixbrl(text: str) -> bool:
    head = text[:20000]
    if "ix:header" in head or "xmlns:ix=" in head or "IX:HEADER" in head:
        return True
    big = text[:200000]
    return "<ix:nonNumeric" in big or "<ix:nonnumeric" in big or "ix:header" in head.lower()
