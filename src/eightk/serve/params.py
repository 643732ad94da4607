"""Request parameters: every one typed, bounded and documented; unknown ones are refused.

Each endpoint takes one model (``extra="forbid"``), so ``?limti=5`` is an error rather than silently
ignored. Empty values (what an HTML form sends for a blank field) mean "not given".
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000
MAX_TIMELINE = 2000

DATE_RE = r"^[0-9]{4}(-[0-9]{2}){0,2}$"
ACCESSION_RE = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"
COMPANY_KEY_RE = r"^([0-9]{1,10}|[a-z0-9]+(-[a-z0-9]+)*)$"


def _blank_none(v: Any) -> Any:
    return None if isinstance(v, str) and not v.strip() else v


def _opt(t: Any, **field: Any) -> Any:
    """An optional parameter: blank means None; ``field`` constrains the value when given."""
    return Annotated[Annotated[t, Field(**field)] | None, BeforeValidator(_blank_none)]


Date = _opt(str, pattern=DATE_RE, description="ISO date, inclusive (YYYY, YYYY-MM or YYYY-MM-DD)")
Text = _opt(str, max_length=200)
Cik = _opt(str, pattern=r"^[0-9]{1,10}$", description="Central Index Key (leading zeros optional)")
Ticker = _opt(str, pattern=r"^[A-Za-z0-9.\-]{1,12}$")
ItemCode = _opt(
    str, pattern=r"^[0-9]{1,2}(\.[0-9]{1,2})?$", description="item code in today's numbering: 2.02, 8.01"
)
FormType = _opt(str, pattern=r"^[A-Za-z0-9/-]{1,20}$", description="8-K, 8-K/A, ...")
Size = _opt(float, ge=0, le=1e15, allow_inf_nan=False)
Security = _opt(
    Literal["common_stock", "preferred_stock", "units", "convertible_notes", "notes", "warrants", "other"]
)
EventType = _opt(Literal["offering", "officer_change", "auditor_change", "results", "shareholder_vote"])
Registered = _opt(bool, description="true: registered offerings; false: unregistered (private placements)")

Limit = Annotated[int, Field(ge=1, le=MAX_LIMIT, description=f"page size, 1-{MAX_LIMIT}")]
Offset = Annotated[int, Field(ge=0, le=MAX_OFFSET, description="rows to skip")]
Format = Annotated[Literal["json", "csv"], Field(description="json (default) or csv (a download)")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Paged(Strict):
    limit: Limit = 50
    offset: Offset = 0
    format: Format = "json"

    def filters(self) -> dict[str, Any]:
        """The parameters that select rows (all but paging and format), as query keywords: the API
        and the web pages pass them on the same way."""
        return self.model_dump(exclude={"limit", "offset", "format"})


class FilingsQuery(Paged):
    company: Text = Field(None, description="CIK, ticker or part of the company name")
    cik: Cik = None
    ticker: Ticker = None
    item: ItemCode = None
    form_type: FormType = None
    event: EventType = Field(None, description="filings holding this kind of event")
    date_from: Date = None
    date_to: Date = None


class OfferingsQuery(Paged):
    company: Text = Field(None, description="CIK, ticker or part of the company name")
    cik: Cik = None
    ticker: Ticker = None
    security: Security = None
    min_size: Size = Field(
        None, description="smallest size in dollars (gross proceeds, else principal, else shares x price)"
    )
    max_size: Size = None
    registered: Registered = None
    date_from: Date = None
    date_to: Date = None


class EventsQuery(Paged):
    type: EventType = None
    company: Text = Field(None, description="CIK, ticker or part of the company name")
    date_from: Date = None
    date_to: Date = None


class SearchQuery(Paged):
    q: str = Field(
        min_length=1,
        max_length=500,
        description='full-text query over item bodies (FTS5: words, "a phrase", a OR b, prefix*)',
    )


class PageSearchQuery(Strict):
    q: Annotated[str, Field(max_length=500)] = ""
    limit: Limit = 20
    offset: Offset = 0


class CompaniesQuery(Paged):
    q: Text = Field(None, description="part of the name, a ticker or a CIK")


class CompanyQuery(Strict):
    event: EventType = Field(None, description="only this kind of event")
    date_from: Date = None
    date_to: Date = None
    limit: Annotated[int, Field(ge=1, le=MAX_TIMELINE, description="most filings on the timeline")] = 500
    format: Format = "json"


class CompanyPageQuery(Strict):
    event: EventType = None
    date_from: Date = None
    date_to: Date = None


class FilingQuery(Strict):
    text: bool = Field(
        False, description="include the documents' normalized text (what evidence spans index)"
    )


class FilingPageQuery(Strict):
    doc: Annotated[int, Field(ge=0, le=100_000)] | None = Field(None, description="also show this document")


class NoParams(Strict):
    pass
