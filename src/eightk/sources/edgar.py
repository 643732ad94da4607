"""The EDGAR client: find 8-K filings and download them, politely. Library API of ``eightk fetch``/``watch``.

Usage::

    from eightk.sources.edgar import EdgarClient

    with EdgarClient(user_agent="Jane Doe jane@example.com") as edgar:
        refs = edgar.company_filings("AAPL", start="2024-01-01", end="2024-12-31")  # 8-K and variants
        refs = edgar.daily_index("2024-03-15")                      # every 8-K of one day
        refs = edgar.full_index(2024, 1)                            # every 8-K of a quarter
        data = edgar.download(refs[0])                              # the complete submission .txt, bytes
        for ref, nc in edgar.iter_feed("2024-03-15"):               # the day's feed archive, streamed
            ...
        entries = edgar.latest_filings()                            # the latest-filings Atom feed

Constructor (each argument falls back to an environment variable, then a default):

- ``user_agent`` / ``EIGHTK_USER_AGENT``: "Name email@domain", required (the SEC refuses undeclared tools):
  :class:`~eightk.errors.UserAgentRequired` is raised before any request is possible.
- ``base_url`` / ``EIGHTK_EDGAR_URL``: ``https://www.sec.gov``. The submissions API lives on another host
  (``https://data.sec.gov``); when ``base_url`` is changed (a mirror, or a test server on 127.0.0.1) the
  submissions API is looked up on the same host unless ``data_url`` says otherwise.
- ``cache_dir`` / ``EIGHTK_CACHE_DIR``: ``$XDG_CACHE_HOME/eightk/edgar`` (``~/.cache/eightk/edgar``); the
  content-addressed cache (:mod:`eightk.sources.cache`) and the shared rate-limit log. ``cache_dir=False``
  disables the cache (the rate limit then covers this process only).
- ``rate``: requests per second across all processes that share the cache folder; at most 10 (SEC fair
  access), default 10. Only a ``base_url`` on a loopback address (a local test server) may use more.

Filing lists are :class:`~eightk.sources.indexes.FilingRef` records, deduplicated on accession, oldest
first. Form filters take exact form types; the default is every 8-K variant
(:data:`~eightk.sources.indexes.FORMS_8K`). Dates are ISO strings or :class:`datetime.date`, inclusive.

Freshness: Archives files never change and are cached for good; the submissions JSON and the ticker map
for an hour; today's and recent index files for an hour; the Atom feed is never cached.
Errors: :class:`~eightk.errors.FetchError` (after all retries), :class:`~eightk.sources.http.NotFound`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import msgspec

from eightk.errors import FetchError
from eightk.sources.cache import Cache
from eightk.sources.feed import FeedEntry, iter_nc_archive, parse_atom
from eightk.sources.http import NotFound, PoliteHttp
from eightk.sources.indexes import (
    FilingRef,
    normalize_forms,
    parse_company_tickers,
    parse_fixed_idx,
    parse_master_idx,
    parse_submissions,
    select,
)
from eightk.sources.ratelimit import RateLimiter

DEFAULT_BASE_URL = "https://www.sec.gov"
DEFAULT_DATA_URL = "https://data.sec.gov"
MAX_RATE = 10.0
HOUR = 3600.0

DateLike = str | dt.date | None


def default_cache_dir() -> Path:
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "eightk" / "edgar"


def _date(d: DateLike) -> dt.date | None:
    if d is None or d == "":
        return None
    if isinstance(d, dt.datetime):
        return d.date()
    if isinstance(d, dt.date):
        return d
    s = str(d).strip()
    try:
        return dt.date.fromisoformat(s) if "-" in s else dt.datetime.strptime(s, "%Y%m%d").date()
    except ValueError:
        raise ValueError(f"not a date: {d!r} (expected YYYY-MM-DD)") from None


def _iso(d: DateLike) -> str | None:
    x = _date(d)
    return x.isoformat() if x else None


def _is_loopback(url: str) -> bool:
    import ipaddress
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def quarter(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


# -- body validators: a body that fails one was cut short and is fetched again ------------------------------
def valid_json(data: bytes) -> bool:
    try:
        msgspec.json.decode(data)
    except msgspec.DecodeError:
        return False
    return True


def valid_submission(data: bytes) -> bool:
    """A complete submission ``.txt`` reaches the closing tag its opening promises."""
    head = data[:200].lstrip().upper()
    tail = data[-600:].upper()
    if head.startswith(b"-----BEGIN PRIVACY-ENHANCED MESSAGE-----"):
        return b"-----END PRIVACY-ENHANCED MESSAGE-----" in tail
    if head.startswith(b"<SEC-DOCUMENT>"):
        return b"</SEC-DOCUMENT>" in tail
    if head.startswith(b"<IMS-DOCUMENT>"):
        return b"</IMS-DOCUMENT>" in tail
    if head.startswith(b"<SUBMISSION>"):
        return b"</SUBMISSION>" in tail
    return bool(data.strip())


def valid_index(data: bytes) -> bool:
    """An index file ends with a complete line and has its dashed rule."""
    return data.endswith(b"\n") and b"\n-----" in data[:4000]


def valid_atom(data: bytes) -> bool:
    return b"</feed>" in data[-200:]


class EdgarClient:
    """See the module docstring."""

    def __init__(
        self,
        user_agent: str | None = None,
        base_url: str | None = None,
        cache_dir: str | os.PathLike[str] | bool | None = None,
        rate: float = MAX_RATE,
        *,
        data_url: str | None = None,
        log: Callable[[str], None] | None = None,
        attempts: int = 8,
        throttle_wait: float = 600.0,
        backoff: float = 1.0,
        timeout: float = 60.0,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        ua = user_agent if user_agent is not None else os.environ.get("EIGHTK_USER_AGENT")
        base = (base_url or os.environ.get("EIGHTK_EDGAR_URL") or DEFAULT_BASE_URL).rstrip("/")
        self.base_url = base
        self.data_url = (data_url or (DEFAULT_DATA_URL if base == DEFAULT_BASE_URL else base)).rstrip("/")
        if cache_dir is False:
            root: Path | None = None
        elif cache_dir is None or cache_dir is True:
            env = os.environ.get("EIGHTK_CACHE_DIR")
            root = Path(env) if env else default_cache_dir()
        else:
            root = Path(cache_dir)
        # The SEC's cap binds every EDGAR host; only a server on this machine (a test double) may go faster.
        if not 0 < rate <= (float("inf") if _is_loopback(self.base_url) else MAX_RATE):
            raise ValueError(f"rate must be between 0 and {MAX_RATE:g} requests per second (SEC fair access)")
        self.cache = Cache(root)
        self.limiter = RateLimiter(root / "ratelimit.state" if root else None, rate=rate)
        kw: dict[str, Any] = {}
        if sleep is not None:
            kw["sleep"] = sleep
        self.http = PoliteHttp(
            ua,
            self.cache,
            self.limiter,
            attempts=attempts,
            throttle_wait=throttle_wait,
            backoff=backoff,
            timeout=timeout,
            log=log,
            **kw,
        )
        self._tickers: dict[str, str] | None = None

    # -- lifecycle ---------------------------------------------------------------------------------------
    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> EdgarClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def requests_sent(self) -> int:
        return self.http.requests_sent

    # -- URLs --------------------------------------------------------------------------------------------
    def url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}"

    def submissions_url(self, cik: str) -> str:
        return f"{self.data_url}/submissions/CIK{int(cik):010d}.json"

    def daily_index_url(self, day: dt.date, kind: str = "master") -> str:
        return self.url(f"Archives/edgar/daily-index/{day.year}/QTR{quarter(day)}/{kind}.{day:%Y%m%d}.idx")

    def full_index_url(self, year: int, qtr: int, kind: str = "master") -> str:
        return self.url(f"Archives/edgar/full-index/{year}/QTR{qtr}/{kind}.idx")

    def feed_url(self, day: dt.date) -> str:
        return self.url(f"Archives/edgar/Feed/{day.year}/QTR{quarter(day)}/{day:%Y%m%d}.nc.tar.gz")

    def latest_url(self, form: str = "8-K", count: int = 100) -> str:
        return self.url(
            f"cgi-bin/browse-edgar?action=getcurrent&type={form}&company=&dateb=&owner=include"
            f"&start=0&count={count}&output=atom"
        )

    # -- companies ---------------------------------------------------------------------------------------
    def tickers(self) -> dict[str, str]:
        """Ticker -> unpadded CIK, from ``files/company_tickers.json`` (current listings only)."""
        if self._tickers is None:
            data = self.http.get(
                self.url("files/company_tickers.json"), max_age=24 * HOUR, validate=valid_json
            )
            self._tickers = parse_company_tickers(data)
        return self._tickers

    def resolve_cik(self, cik_or_ticker: str | int) -> str:
        """Unpadded CIK for a CIK (any padding) or a ticker (``AAPL``, ``brk-b``)."""
        s = str(cik_or_ticker).strip()
        if s.isdigit():
            return str(int(s))
        t = self.tickers().get(s.upper()) or self.tickers().get(s.upper().replace(".", "-"))
        if t is None:
            raise FetchError(
                f"unknown ticker {s!r}: company_tickers.json lists current tickers only; pass the CIK instead"
            )
        return t

    def company_filings(
        self,
        cik_or_ticker: str | int,
        forms: Iterable[str] | None = None,
        start: DateLike = None,
        end: DateLike = None,
    ) -> list[FilingRef]:
        """The company's filings of ``forms`` filed in ``[start, end]``, from the submissions JSON and those of
        its older pages (``filings.files``) whose date span overlaps the range."""
        cik = self.resolve_cik(cik_or_ticker)
        s, e = _iso(start), _iso(end)
        data = self.http.get(self.submissions_url(cik), max_age=HOUR, validate=valid_json)
        doc = msgspec.json.decode(data)
        _, refs, _names = parse_submissions(doc)
        pages = (doc.get("filings") or {}).get("files") or [] if isinstance(doc, dict) else []
        for page in pages:
            if not isinstance(page, dict) or not page.get("name"):
                continue
            lo, hi = page.get("filingFrom"), page.get("filingTo")
            if (e and lo and lo > e) or (s and hi and hi < s):
                continue  # the page holds no filing in the range: do not fetch it
            # Older pages never change once written, but may be re-cut: an hour, like the main file.
            pdata = self.http.get(
                f"{self.data_url}/submissions/{page['name']}", max_age=HOUR, validate=valid_json
            )
            _, more, _ = parse_submissions(pdata)
            refs += [msgspec.structs.replace(r, cik=cik, company=r.company or doc.get("name")) for r in more]
        refs = [msgspec.structs.replace(r, cik=cik) for r in refs]
        out = select(refs, normalize_forms(forms), s, e)
        return sorted(out, key=lambda r: (r.filed or "", r.accession))

    # -- index files -------------------------------------------------------------------------------------
    def _index_max_age(self, newest: dt.date) -> float | None:
        # An index can still change until a few days after its period ends (late disseminations, PACs).
        return HOUR if (dt.date.today() - newest).days < 4 else None

    def daily_index(
        self, day: DateLike, forms: Iterable[str] | None = None, ciks: Iterable[str] | None = None
    ) -> list[FilingRef]:
        """The filings of one business day (``master.YYYYMMDD.idx``, else ``form.YYYYMMDD.idx``); ``[]`` for a
        day without an index (weekends, holidays)."""
        d = _date(day)
        if d is None:
            raise ValueError("daily_index needs a date")
        age = self._index_max_age(d)
        try:
            refs = parse_master_idx(self.http.get(self.daily_index_url(d), max_age=age, validate=valid_index))
        except NotFound:
            try:
                data = self.http.get(self.daily_index_url(d, "form"), max_age=age, validate=valid_index)
            except NotFound:
                return []
            refs = parse_fixed_idx(data)
        return self._pick(refs, forms, None, None, ciks)

    def full_index(
        self,
        year: int,
        qtr: int,
        forms: Iterable[str] | None = None,
        start: DateLike = None,
        end: DateLike = None,
        ciks: Iterable[str] | None = None,
    ) -> list[FilingRef]:
        """The filings of one quarter (``full-index/{year}/QTR{qtr}/master.idx``, else ``form.idx``)."""
        if qtr not in (1, 2, 3, 4):
            raise ValueError("qtr must be 1-4")
        last = dt.date(year, qtr * 3, 1) + dt.timedelta(days=31)
        age = self._index_max_age(last.replace(day=1) - dt.timedelta(days=1))
        try:
            refs = parse_master_idx(
                self.http.get(self.full_index_url(year, qtr), max_age=age, validate=valid_index)
            )
        except NotFound:
            data = self.http.get(self.full_index_url(year, qtr, "form"), max_age=age, validate=valid_index)
            refs = parse_fixed_idx(data)
        return self._pick(refs, forms, _iso(start), _iso(end), ciks)

    def _pick(
        self,
        refs: list[FilingRef],
        forms: Iterable[str] | None,
        start: str | None,
        end: str | None,
        ciks: Iterable[str] | None,
    ) -> list[FilingRef]:
        cset = {self.resolve_cik(c) for c in ciks} if ciks else None
        out = select(refs, normalize_forms(forms), start, end, cset)
        return sorted(out, key=lambda r: (r.filed or "", r.accession))

    def filings_between(
        self,
        start: DateLike,
        end: DateLike,
        forms: Iterable[str] | None = None,
        ciks: Iterable[str] | None = None,
        source: str = "daily",
    ) -> list[FilingRef]:
        """All filings in ``[start, end]`` from the daily indexes (one request per business day) or the
        quarterly ones (``source="full"``: one request per quarter)."""
        s, e = _date(start), _date(end) or _date(start)
        if s is None or e is None:
            raise ValueError("a start date is needed")
        out: list[FilingRef] = []
        if source == "full":
            y, q = s.year, quarter(s)
            while (y, q) <= (e.year, quarter(e)):
                out += self.full_index(y, q, forms, s, e, ciks)
                y, q = (y + 1, 1) if q == 4 else (y, q + 1)
        else:
            d = s
            while d <= e:
                if d.weekday() < 5:  # EDGAR builds no index for weekends
                    out += self.daily_index(d, forms, ciks)
                d += dt.timedelta(days=1)
        return select(out, normalize_forms(forms))

    # -- downloads ---------------------------------------------------------------------------------------
    def submission_url(self, ref: FilingRef) -> str:
        return self.url(ref.txt_path())

    def download(self, ref: FilingRef) -> bytes:
        """The complete submission ``<accession>.txt`` of ``ref`` (cached for good: it never changes)."""
        return self.http.get(self.submission_url(ref), validate=valid_submission)

    def iter_feed(
        self, day: DateLike, forms: Iterable[str] | None = None, keep: bool = True
    ) -> Iterator[tuple[FilingRef, bytes]]:
        """Yield ``(ref, nc_bytes)`` for each submission of ``forms`` in the day's feed archive
        (``Feed/{YYYY}/QTR{n}/{YYYYMMDD}.nc.tar.gz``), read as a stream (``tarfile`` mode ``"r|gz"``): the
        archive is never unpacked to disk, and only one member is in memory at a time. A dropped connection
        resumes where it stopped. ``keep`` also stores the (compressed) archive in the cache as it streams."""
        d = _date(day)
        if d is None:
            raise ValueError("iter_feed needs a date")
        fset = normalize_forms(forms)
        with self.http.open_stream(self.feed_url(d), keep=keep, expect_gzip=True) as f:
            yield from iter_nc_archive(f, fset)

    def latest_filings(self, form: str = "8-K", count: int = 100) -> list[FeedEntry]:
        """Entries of the latest-filings Atom feed for ``form`` (newest first; never cached)."""
        data = self.http.get(self.latest_url(form, count), max_age=0, validate=valid_atom)
        return parse_atom(data)

    def ref_from_entry(self, entry: FeedEntry) -> FilingRef:
        return FilingRef(
            accession=entry.accession,
            cik=entry.cik or str(int(entry.accession[:10])),
            form=entry.form,
            company=entry.company,
            filed=(entry.updated or "")[:10] or None,
        )
