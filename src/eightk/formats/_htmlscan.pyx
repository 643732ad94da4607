# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False, cdivision=True
"""Compiled twin of :func:`eightk.formats.html.html_to_text_py` (issue #2: the tokenizer was ~1.8 ms of CPU
per filing in Python).

The output is byte-identical to the Python version, which stays the reference implementation and the
fallback (``EIGHTK_PURE_PYTHON=1``, or no C compiler at install time). Instead of ``_SPLIT.split`` and
``_PIECE.finditer`` this walks the characters once with C integers, reproducing exactly what those regexes
match (every alternative, in order, including the 64 KiB bound on quoted attribute values and the
non-ASCII rules of ``str.isspace``); the state machine is the same as the Python loop, statement for
statement. Rare work (entity decoding, XBRL fact attributes and values, non-ASCII tag names) calls back
into the very same Python helpers of ``html.py``, bound once by :func:`bind`.
"""

from cpython.mem cimport PyMem_Free, PyMem_Malloc, PyMem_Realloc
from cpython.ref cimport Py_INCREF
from cpython.tuple cimport PyTuple_New, PyTuple_SET_ITEM
from cpython.unicode cimport (
    Py_UNICODE_ISSPACE,
    PyUnicode_4BYTE_KIND,
    PyUnicode_DATA,
    PyUnicode_FromKindAndData,
    PyUnicode_KIND,
    PyUnicode_READ,
)
from libc.stdint cimport uint8_t, uint16_t, uint32_t
from libc.string cimport memchr, memcmp, memcpy

# The three storage kinds of a str (PEP 393): one scanner per kind.
cdef extern from "Python.h":
    int PyUnicode_READY(object o) except -1

ctypedef fused char_t:
    uint8_t
    uint16_t
    uint32_t

# Actions: the same numbers as html.py (_INLINE, _BLOCKTAG, ... checked by bind()).
cdef enum:
    INLINE = 0
    BLOCKTAG = 1
    CELL = 2
    ROW = 3
    SKIPTAG = 4
    RAWTEXT = 5
    FACT = 6
    PRE = 7
    BODY = 8
    TABLE = 9
    FALLBACK = -1  # non-ASCII tag name: ask Python (str.lower() has Unicode rules, e.g. KELVIN SIGN -> "k")
    MAXNAME = 16
    MAXTABLE = 128
    QUOTE_BOUND = 65536  # as in _SPLIT: [^"]{0,65536}+

cdef struct Entry:
    int length
    int action
    char name[MAXNAME]

cdef Entry _table[MAXTABLE]
cdef int _ntable = 0
# _table is sorted by (first letter, length): the entries of a name start at _first[letter][length] and
# end at _first[letter][length + 1] (a tag is mostly <font>, <span>, <b>: an empty or tiny bucket).
cdef int _first[26][MAXNAME + 1]
cdef list _names = []  # the lower-case names of _table, same order (Python strings for the skip stack)

# Python helpers of html.py, set by bind().
cdef object _entity = None
cdef object _new_fact = None
cdef object _unescape = None
cdef object _HtmlText = None
cdef object _reference = None
cdef dict _entity_cache = None
cdef dict _actions = None
cdef frozenset _blank_entities = None


def bind(dict actions, object entity, dict entity_cache, object new_fact, object unescape, object html_text,
         frozenset blank_entities, object reference):
    """Called once by html.py: its action table and helpers (one source of truth for both versions)."""
    global _entity, _new_fact, _unescape, _HtmlText, _entity_cache, _actions, _blank_entities, _ntable
    global _reference
    _reference = reference
    _entity = entity
    _entity_cache = entity_cache
    _new_fact = new_fact
    _unescape = unescape
    _HtmlText = html_text
    _actions = actions
    _blank_entities = blank_entities
    _ntable = 0
    del _names[:]
    cdef bytes b
    cdef int letter, length
    for name in actions:
        if (not name.isascii() or not "a" <= name[0] <= "z" or len(name) >= MAXNAME or len(actions) > MAXTABLE
                or name != name.lower()):
            raise ValueError(f"action table entry {name!r} does not fit the compiled tokenizer")
    for letter in range(26):
        for length in range(MAXNAME + 1):
            _first[letter][length] = _ntable
            for name, act in actions.items():
                if ord(name[0]) - 97 == letter and len(name) == length:
                    b = name.encode("ascii")
                    _table[_ntable].length = len(b)
                    _table[_ntable].action = act
                    memcpy(_table[_ntable].name, <const char*>b, len(b))
                    _names.append(name)
                    _ntable += 1


# [<>"'=]: what ends an ordinary run of a tag's attributes.
cdef bint _attr_stop[128]
for _c in range(128):
    _attr_stop[_c] = chr(_c) in "<>\"'="


cdef inline bint _blank(Py_UCS4 c) noexcept nogil:
    # The blank class of _PIECE: [ \t\n\r\f\v\u00a0]
    return c == 32 or (9 <= c <= 13) or c == 0xA0


cdef inline bint _alpha(Py_UCS4 c) noexcept nogil:
    return (65 <= c <= 90) or (97 <= c <= 122)


cdef inline bint _digit(Py_UCS4 c) noexcept nogil:
    return 48 <= c <= 57


cdef inline bint _hexdigit(Py_UCS4 c) noexcept nogil:
    return (48 <= c <= 57) or (65 <= c <= 70) or (97 <= c <= 102)


cdef inline bint _alnum(Py_UCS4 c) noexcept nogil:
    return (48 <= c <= 57) or (65 <= c <= 90) or (97 <= c <= 122)


cdef inline bint _tagsep(Py_UCS4 c) noexcept nogil:
    # [\t\n\f\r ]  (no \v)
    return c == 32 or c == 9 or c == 10 or c == 12 or c == 13


cdef Py_ssize_t _entity_end(const char_t* s, Py_ssize_t k, Py_ssize_t lim) noexcept nogil:
    """End of the _ENTITY match at ``k`` (s[k] == "&"), or -1.

    &(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?
    """
    cdef Py_ssize_t j = k + 1, e, d
    if j >= lim:
        return -1
    if s[j] == 35:  # "#"
        e = j + 1
        d = 0
        while e < lim and d < 7 and _digit(s[e]):
            e += 1
            d += 1
        if d == 0:
            if j + 1 < lim and (s[j + 1] == 120 or s[j + 1] == 88):  # x X
                e = j + 2
                while e < lim and d < 6 and _hexdigit(s[e]):
                    e += 1
                    d += 1
            if d == 0:
                return -1
    elif _alpha(s[j]):
        e = j + 1
        d = 0
        while e < lim and d < 31 and _alnum(s[e]):
            e += 1
            d += 1
        if d == 0:
            return -1
    else:
        return -1
    if e < lim and s[e] == 59:  # ";"
        e += 1
    return e


cdef Py_ssize_t _word_end(const char_t* s, Py_ssize_t k, Py_ssize_t lim) noexcept nogil:
    """[^B&]++(?:[B][^B&]++)*+ from ``k`` (s[k] is neither blank nor "&")."""
    cdef Py_ssize_t j = k + 1
    cdef Py_UCS4 c
    while True:
        while j < lim:
            c = s[j]
            if c == 38 or _blank(c):
                break
            j += 1
        if j + 1 < lim and _blank(s[j]):
            c = s[j + 1]
            if c != 38 and not _blank(c):
                j += 2
                continue
        return j


cdef int _match_token(const char_t* s, Py_ssize_t n, Py_ssize_t q, Py_ssize_t* te,
                      Py_ssize_t* ns, Py_ssize_t* ne, bint* slash) noexcept nogil:
    """The _SPLIT match at ``q`` (s[q] == "<"): 0 none, 1 tag (name in ns..ne), 2 comment/CDATA/bogus."""
    cdef Py_ssize_t j = q + 1, k, lim
    cdef Py_UCS4 c, qc
    cdef bint sl = False
    cdef const void* hit
    # <(/?)([A-Za-z][^\t\n\f\r />]*+)[^<>"'=]*+(?:(?:=[\t\n\f\r ]*+(?:"[^"]{0,65536}+"|'[^']{0,65536}+')?+|["'])[^<>"'=]*+)*+>
    if j < n and s[j] == 47:  # "/"
        sl = True
        j += 1
    if j < n and _alpha(s[j]):
        ns[0] = j
        j += 1
        while j < n:
            c = s[j]
            if _tagsep(c) or c == 47 or c == 62:
                break
            j += 1
        ne[0] = j
        while True:
            while j < n:
                c = s[j]
                if c < 128 and _attr_stop[c]:
                    break
                j += 1
            if j >= n:
                break
            c = s[j]
            if c == 62:  # ">"
                te[0] = j + 1
                slash[0] = sl
                return 1
            if c == 60:  # "<": not a tag
                break
            j += 1
            if c == 61:  # "=": white space, then maybe a quoted value
                while j < n and _tagsep(s[j]):
                    j += 1
                if j < n and (s[j] == 34 or s[j] == 39):
                    qc = s[j]
                    k = j + 1
                    lim = k + QUOTE_BOUND
                    if lim > n:
                        lim = n
                    if char_t is uint8_t:
                        hit = memchr(s + k, <int>qc, <size_t>(lim - k))
                        k = lim if hit == NULL else <const uint8_t*>hit - s
                    else:
                        while k < lim and s[k] != qc:
                            k += 1
                    if k < n and s[k] == qc:
                        j = k + 1
    j = q + 1
    if j >= n:
        return 0
    c = s[j]
    if c == 33:  # "!"
        if j + 2 < n and s[j + 1] == 45 and s[j + 2] == 45:
            # !--(?s:.*?)(?:-->|\Z)
            k = q + 4
            while k + 2 < n:
                if s[k] == 45 and s[k + 1] == 45 and s[k + 2] == 62:
                    te[0] = k + 3
                    return 2
                k += 1
            te[0] = n
            return 2
        if (j + 7 < n and s[j + 1] == 91 and s[j + 2] == 67 and s[j + 3] == 68 and s[j + 4] == 65
                and s[j + 5] == 84 and s[j + 6] == 65 and s[j + 7] == 91):
            # !\[CDATA\[(?s:.*?)(?:\]\]>|\Z)
            k = q + 9
            while k + 2 < n:
                if s[k] == 93 and s[k + 1] == 93 and s[k + 2] == 62:
                    te[0] = k + 3
                    return 2
                k += 1
            te[0] = n
            return 2
    if c == 33 or c == 63 or c == 47:
        # [!?/][^<>]*+>
        k = j + 1
        while k < n:
            c = s[k]
            if c == 60 or c == 62:
                break
            k += 1
        if k < n and s[k] == 62:
            te[0] = k + 1
            return 2
    return 0


cdef int _next_token(const char_t* s, Py_ssize_t n, Py_ssize_t p, Py_ssize_t* ts, Py_ssize_t* te,
                     Py_ssize_t* ns, Py_ssize_t* ne, bint* slash) noexcept nogil:
    """The next _SPLIT match at or after ``p`` (0 when none; start in ts)."""
    cdef const void* hit
    cdef int r
    while p < n:
        if char_t is uint8_t:
            hit = memchr(s + p, 60, <size_t>(n - p))
            if hit == NULL:
                return 0
            p = <const uint8_t*>hit - s
        else:
            while p < n and s[p] != 60:
                p += 1
            if p >= n:
                return 0
        r = _match_token(s, n, p, te, ns, ne, slash)
        if r:
            ts[0] = p
            return r
        p += 1
    return 0


cdef int _action_of(const char_t* s, Py_ssize_t a, Py_ssize_t b, int* index) noexcept nogil:
    """The action of the tag name s[a:b] (ASCII names), FALLBACK for non-ASCII names."""
    cdef char buf[MAXNAME]
    cdef Py_ssize_t L = b - a, i
    cdef unsigned int c
    cdef int t
    for i in range(L):
        if s[a + i] >= 128:
            return FALLBACK
    if L >= MAXNAME:
        return INLINE
    for i in range(L):
        c = s[a + i]
        if 65 <= c <= 90:
            c += 32
        buf[i] = <char>c
    c = <unsigned int>buf[0] - 97  # a tag name starts with a letter
    for t in range(_first[c][L], _first[c][L + 1]):
        if memcmp(_table[t].name, buf, L) == 0:
            index[0] = t
            return _table[t].action
    return INLINE


cdef class _Out:
    """The output text (UCS4 buffer), the anchors and the separator state of html_to_text."""

    cdef Py_UCS4* buf
    cdef Py_ssize_t length, cap
    cdef Py_ssize_t* anc
    cdef Py_ssize_t nanc, capanc
    cdef int pending  # 0 none, 1 space, 2 tab, 3 line break (highest wins)
    cdef bint at_line_start
    cdef list awaiting  # opened facts whose first character is not emitted yet

    def __cinit__(self, Py_ssize_t size_hint):
        self.cap = size_hint + 64
        self.buf = <Py_UCS4*>PyMem_Malloc(self.cap * sizeof(Py_UCS4))
        self.capanc = 1024
        self.anc = <Py_ssize_t*>PyMem_Malloc(self.capanc * sizeof(Py_ssize_t))
        if self.buf == NULL or self.anc == NULL:
            raise MemoryError()
        self.length = 0
        self.nanc = 0
        self.pending = 0
        self.at_line_start = True
        self.awaiting = []

    def __dealloc__(self):
        PyMem_Free(self.buf)
        PyMem_Free(self.anc)

    cdef int begin(self, Py_ssize_t at, Py_ssize_t seglen) except -1:
        """Everything ``emit`` does before copying a segment of ``seglen`` characters from ``at``."""
        cdef Py_ssize_t need = self.length + seglen + 1
        cdef Py_UCS4* nb
        cdef Py_ssize_t* na
        if need > self.cap:
            if need < self.cap * 2:
                need = self.cap * 2
            nb = <Py_UCS4*>PyMem_Realloc(self.buf, need * sizeof(Py_UCS4))
            if nb == NULL:
                raise MemoryError()
            self.buf = nb
            self.cap = need
        if self.nanc + 2 > self.capanc:
            na = <Py_ssize_t*>PyMem_Realloc(self.anc, self.capanc * 2 * sizeof(Py_ssize_t))
            if na == NULL:
                raise MemoryError()
            self.anc = na
            self.capanc *= 2
        if self.length:
            if self.pending == 3:
                self.buf[self.length] = 10
                self.length += 1
            elif self.pending == 2:
                self.buf[self.length] = 9
                self.length += 1
            elif self.pending == 1 and not self.at_line_start:
                self.buf[self.length] = 32
                self.length += 1
        self.pending = 0
        if self.awaiting:
            for f in self.awaiting:
                f.start = self.length
            del self.awaiting[:]
        self.anc[self.nanc] = self.length
        self.anc[self.nanc + 1] = at
        self.nanc += 2
        return 0

    cdef int put_str(self, str seg, Py_ssize_t at) except -1:
        """emit(seg, at) for a decoded entity (non-empty)."""
        cdef Py_ssize_t L = len(seg), i
        cdef int kind = PyUnicode_KIND(seg)
        cdef void* data = PyUnicode_DATA(seg)
        self.begin(at, L)
        for i in range(L):
            self.buf[self.length + i] = PyUnicode_READ(kind, data, i)
        self.length += L
        self.at_line_start = self.buf[self.length - 1] == 10
        return 0

    cdef object text(self):
        return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, self.buf, self.length)

    cdef tuple offsets(self):
        cdef tuple t = PyTuple_New(self.nanc)
        cdef Py_ssize_t i
        cdef object v
        for i in range(self.nanc):
            v = self.anc[i]
            Py_INCREF(v)
            PyTuple_SET_ITEM(t, i, v)
        return t


cdef int _put_src(_Out out, const char_t* s, Py_ssize_t a, Py_ssize_t b, Py_ssize_t base,
                  bint translate) except -1:
    """emit(src[a:b], base + a); blanks turned into spaces when ``translate`` (a _PIECE word)."""
    cdef Py_ssize_t i, L = b - a
    cdef Py_UCS4* dst
    cdef Py_UCS4 c
    out.begin(base + a, L)
    dst = out.buf + out.length
    if translate:
        for i in range(L):
            c = s[a + i]
            if _blank(c):
                c = 32
            dst[i] = c
        out.at_line_start = False
    else:
        for i in range(L):
            dst[i] = s[a + i]
        out.at_line_start = s[b - 1] == 10
    out.length += L
    return 0


cdef int _run(_Out out, const char_t* s, Py_ssize_t a, Py_ssize_t b, str src, Py_ssize_t base) except -1:
    """run(): a text run with white space to collapse and entities to decode (the _PIECE loop)."""
    cdef Py_ssize_t prev = a, k = a, e
    cdef Py_UCS4 c
    cdef object seg
    while k < b:
        c = s[k]
        if c == 38:  # "&"
            e = _entity_end(s, k, b)
            if k > prev and not out.pending:
                out.pending = 1
            if e > 0:
                prev = e
                ent = src[k:e]
                seg = _entity_cache.get(ent)
                if seg is None:
                    seg = _entity(ent)
                if not seg or seg.isspace():
                    if not out.pending:
                        out.pending = 1
                else:
                    out.put_str(seg, base + k)
                k = e
            else:  # a lone "&"
                prev = k + 1
                _put_src(out, s, k, k + 1, base, True)
                k += 1
        elif _blank(c):
            k += 1
        else:
            e = _word_end(s, k, b)
            if k > prev and not out.pending:
                out.pending = 1
            prev = e
            _put_src(out, s, k, e, base, True)
            k = e
    if prev < b and not out.pending:
        out.pending = 1
    return 0


cdef int _pre(_Out out, const char_t* s, Py_ssize_t a, Py_ssize_t b, str src, Py_ssize_t base) except -1:
    """pre(): white space kept as printed, entities decoded."""
    cdef Py_ssize_t prev = a, k = a, e
    cdef object ch
    while k < b:
        if s[k] == 38:
            e = _entity_end(s, k, b)
            if e > 0:
                if k > prev:
                    _put_src(out, s, prev, k, base, False)
                ch = _entity(src[k:e])
                if ch:
                    out.put_str(ch, base + k)
                prev = e
                k = e
                continue
        k += 1
    if prev < b:
        _put_src(out, s, prev, b, base, False)
    return 0


cdef inline bint _all_space(const char_t* s, Py_ssize_t a, Py_ssize_t b) noexcept:
    """str.isspace() of a non-empty s[a:b]."""
    cdef Py_ssize_t i
    for i in range(a, b):
        if not Py_UNICODE_ISSPACE(s[i]):
            return False
    return True


cdef inline str _fact_value(list buf):
    return " ".join(_unescape("".join(buf)).split())


cdef int _close_fact(object f, list buf, list awaiting, Py_ssize_t length, bint drop=True) except -1:
    """A visible fact ends at ``length``; when nothing was emitted inside it, it starts there too."""
    f.value = _fact_value(buf)
    if any(x is f for x in awaiting):  # nothing emitted inside the fact
        if drop:
            awaiting[:] = [x for x in awaiting if x is not f]
        f.start = length
    f.end = length
    return 0


cdef object _convert(const char_t* s, Py_ssize_t n, str src, Py_ssize_t base):
    cdef _Out out = _Out(n)
    cdef list facts = []
    cdef list open_facts = []  # visible facts still open, with their raw text
    cdef list hidden_facts = []  # facts open inside ix:header
    cdef list skip_stack = []  # names of open skipped elements (head, ix:header...)
    cdef Py_ssize_t hidden_depth = 0, pre_depth = 0
    cdef object raw_skip = None  # inside <script>/<style>: the name whose end tag ends it
    cdef Py_ssize_t cell_start = -1
    cdef Py_ssize_t ts = 0, te = 0, ns = 0, ne = 0, cur_end, text_end, index = 0
    cdef bint slash = False, selfclose
    cdef int tk, act, idx = 0
    cdef object lname, top, f, buf, text
    cdef list awaiting = out.awaiting

    tk = _next_token(s, n, 0, &ts, &te, &ns, &ne, &slash)
    text_end = ts if tk else n
    if text_end > 0:
        _run(out, s, 0, text_end, src, base)
    while tk:
        cur_end = te
        if tk == 1:
            act = _action_of(s, ns, ne, &idx)
            if act == FALLBACK:
                lname = src[ns:ne].lower()
                act = _actions.get(lname, INLINE)
            elif act:
                lname = _names[idx]
            if not act:
                # Inline formatting (span, font, b, a...) changes nothing in any state.
                pass
            else:
                selfclose = s[te - 2] == 47
                if raw_skip is not None:
                    if slash and lname == raw_skip:
                        raw_skip = None
                elif skip_stack:
                    top = skip_stack[len(skip_stack) - 1]
                    if lname == top:
                        if slash:
                            skip_stack.pop()
                            if lname == "ix:header":
                                hidden_depth -= 1
                        elif not selfclose:
                            skip_stack.append(lname)
                            if lname == "ix:header":
                                hidden_depth += 1
                    elif act == RAWTEXT and not slash and not selfclose:
                        raw_skip = lname
                    elif act == BODY and top == "head" and not slash:
                        # <body> with no </head> before it (hand-written HTML): the head is over.
                        del skip_stack[:]
                        out.pending = 3
                    elif act == FACT and hidden_depth:
                        if slash:
                            if hidden_facts:
                                f, buf = hidden_facts.pop()
                                f.value = _fact_value(buf)
                        else:
                            f = _new_fact(src[ne : te - 1], hidden=True)
                            facts.append(f)
                            if not selfclose:
                                hidden_facts.append((f, []))
                elif act == CELL:
                    if not slash:
                        if not out.at_line_start and out.pending < 2:
                            out.pending = 2
                        cell_start = out.length
                    else:
                        cell_start = -1
                elif act == BLOCKTAG or act == BODY:
                    if cell_start >= 0 and out.length - cell_start < 160:  # _SHORT_CELL
                        if not out.pending:
                            out.pending = 1
                    else:
                        out.pending = 3
                elif act == ROW:
                    out.pending = 3
                    cell_start = -1
                elif act == TABLE:
                    out.pending = 3
                elif act == FACT:
                    if slash:
                        if open_facts:
                            f, buf = open_facts.pop()
                            _close_fact(f, buf, awaiting, out.length)
                    else:
                        f = _new_fact(src[ne : te - 1], hidden=False)
                        facts.append(f)
                        if not selfclose:
                            open_facts.append((f, []))
                            awaiting.append(f)
                elif act == PRE:
                    out.pending = 3
                    if slash:
                        pre_depth = max(0, pre_depth - 1)
                    else:
                        pre_depth += 1
                elif act == SKIPTAG:
                    if not slash and not selfclose:
                        skip_stack.append(lname)
                        if lname == "ix:header":
                            hidden_depth += 1
                elif act == RAWTEXT and not slash and not selfclose:
                    raw_skip = lname
        tk = _next_token(s, n, cur_end, &ts, &te, &ns, &ne, &slash)
        text_end = ts if tk else n
        if text_end <= cur_end:
            continue
        if raw_skip is not None:
            pass
        elif skip_stack:
            if hidden_facts:
                text = src[cur_end:text_end]
                for _f, buf in hidden_facts:
                    buf.append(text)
        else:
            if open_facts:
                text = src[cur_end:text_end]
                for _f, buf in open_facts:
                    buf.append(text)
            if pre_depth:
                _pre(out, s, cur_end, text_end, src, base)
            elif _all_space(s, cur_end, text_end) or (
                s[cur_end] == 38 and text_end - cur_end <= 12 and src[cur_end:text_end] in _blank_entities
            ):
                if not out.pending:
                    out.pending = 1
            else:
                _run(out, s, cur_end, text_end, src, base)
    # Unclosed facts (truncated input): close them at the end.
    for f, buf in open_facts:
        _close_fact(f, buf, awaiting, out.length, False)
    for f, buf in hidden_facts:
        f.value = _fact_value(buf)
    return _HtmlText(text=out.text(), offsets=out.offsets(), facts=facts)


def html_to_text(object src, Py_ssize_t base=0):
    """Convert HTML ``src`` to normalized text; ``base`` is added to every source offset. Never raises."""
    if type(src) is not str:  # a str subclass (or not a str): the reference implementation decides
        return _reference(src, base)
    PyUnicode_READY(src)  # a no-op for every str made by Python itself
    cdef int kind = PyUnicode_KIND(src)
    cdef void* data = PyUnicode_DATA(src)
    cdef Py_ssize_t n = len(src)
    if kind == 1:
        return _convert(<const uint8_t*>data, n, src, base)
    if kind == 2:
        return _convert(<const uint16_t*>data, n, src, base)
    return _convert(<const uint32_t*>data, n, src, base)
