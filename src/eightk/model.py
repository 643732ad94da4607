"""The one data model every stage of eightk shares.

Records are frozen ``msgspec.Struct`` classes: cheap to build on the hot path (about 2 µs each),
immutable, and free of I/O. Serialization lives in :mod:`eightk.serialize`, never here.

Evidence convention: every extracted value may carry an :class:`Evidence` that names the
document (its index in ``Filing.documents``) and a ``[start, end)`` span into that document's
normalized ``text``; ``document.text[start:end] == evidence.quote`` always holds.
Records with several values keep their evidence in an ``evidence`` mapping keyed by field name.
"""

from __future__ import annotations

from typing import Literal

import msgspec


class Evidence(msgspec.Struct, frozen=True, kw_only=True):
    """Where a value was read: document index, span into its normalized text, and the quoted words."""

    document: int
    start: int
    end: int
    quote: str


Ev = dict[str, Evidence]

DocFormat = Literal["text", "html", "ixbrl", "xml", "pdf", "binary", "empty"]


class Document(msgspec.Struct, frozen=True, kw_only=True):
    """One document of a submission (primary 8-K, an exhibit, a graphic...).

    ``text`` is the normalized text that evidence spans point into. ``offsets`` maps it back to the
    source: a flat tuple of ``(text_pos, source_pos)`` anchor pairs, sorted, where each anchor starts a run
    of characters copied one-to-one (see :func:`eightk.formats.offsets.to_source`). ``source_start`` is the
    offset of the document's content within the decoded submission.
    """

    index: int
    type: str  # EDGAR <TYPE>: "8-K", "EX-99.1", "GRAPHIC"...
    sequence: str | None = None
    filename: str | None = None
    description: str | None = None
    format: DocFormat = "text"
    text: str = ""
    source_start: int = 0
    offsets: tuple[int, ...] = ()
    skipped: str | None = None  # why the content was not turned into text (uuencoded, zip, ...)


class Address(msgspec.Struct, frozen=True, kw_only=True):
    street1: str | None = None
    street2: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    phone: str | None = None


class FormerName(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    date_changed: str | None = None  # ISO date


class Filer(msgspec.Struct, frozen=True, kw_only=True):
    """One FILER block of the SEC header (co-registrants have one each)."""

    cik: str | None = None  # 10 digits
    name: str | None = None
    sic: str | None = None  # 4-digit code
    sic_description: str | None = None
    irs_number: str | None = None
    state_of_incorporation: str | None = None
    fiscal_year_end: str | None = None  # MMDD
    form_type: str | None = None
    sec_act: str | None = None
    file_number: str | None = None
    film_number: str | None = None
    business_address: Address | None = None
    mail_address: Address | None = None
    former_names: tuple[FormerName, ...] = ()


class Header(msgspec.Struct, frozen=True, kw_only=True):
    """The EDGAR SEC header (text ``ACCESSION NUMBER:`` style or tagged ``<ACCESSION-NUMBER>`` style)."""

    accession_number: str | None = None
    form_type: str | None = None
    filed_date: str | None = None  # ISO
    period: str | None = None  # ISO
    acceptance_datetime: str | None = None  # ISO, Eastern wall clock as EDGAR prints it
    date_of_change: str | None = None
    public_document_count: int | None = None
    items: tuple[str, ...] = ()  # declared items, as codes ("2.02") or old integers ("5")
    items_raw: tuple[str, ...] = ()  # ITEM INFORMATION strings as printed
    filers: tuple[Filer, ...] = ()
    dialect: Literal["text", "tagged", "ims"] = "text"

    @property
    def cik(self) -> str | None:
        return self.filers[0].cik if self.filers else None


class Security12b(msgspec.Struct, frozen=True, kw_only=True):
    title: str | None = None
    trading_symbol: str | None = None
    exchange: str | None = None


class CoverConflict(msgspec.Struct, frozen=True, kw_only=True):
    """A cover field whose printed value and inline XBRL ``dei:`` fact disagree."""

    field: str
    printed: str | None
    xbrl: str | None


class Cover(msgspec.Struct, frozen=True, kw_only=True):
    """The cover page as printed (field meanings: shared/gold/README.md)."""

    registrant_name: str | None = None
    incorporation_state: str | None = None
    commission_file_number: str | None = None
    irs_employer_id: str | None = None
    address_street: str | None = None
    address_city: str | None = None
    address_state: str | None = None
    address_zip: str | None = None
    phone: str | None = None
    report_date: str | None = None
    former_name: str | None = None
    # 2004+ General Instruction A.2 boxes; None when the cover does not print them.
    written_communications: bool | None = None  # Rule 425
    soliciting_material: bool | None = None  # Rule 14a-12
    pre_commencement_tender_offer: bool | None = None  # Rule 14d-2(b)
    pre_commencement_issuer_tender_offer: bool | None = None  # Rule 13e-4(c)
    emerging_growth_company: bool | None = None  # 2017+
    ex_transition_period: bool | None = None
    securities_12b: tuple[Security12b, ...] = ()  # 2019+
    co_registrants: tuple[str, ...] = ()
    xbrl: dict[str, str] = msgspec.field(default_factory=dict)  # dei: facts, name -> value
    conflicts: tuple[CoverConflict, ...] = ()
    evidence: Ev = msgspec.field(default_factory=dict)


class Item(msgspec.Struct, frozen=True, kw_only=True):
    """One item heading in the body of the 8-K document."""

    code: str  # as printed: "5", "2.02"
    code_2004: str | None  # in today's numbering
    title: str | None = None
    document: int = 0
    start: int = 0  # heading span
    end: int = 0
    body_start: int = 0  # text of the item, up to the next heading or the signatures
    body_end: int = 0
    empty: bool = False  # "None" / "Not applicable"


class Exhibit(msgspec.Struct, frozen=True, kw_only=True):
    number: str  # as printed: "99.1", "99.01", "104"
    description: str | None = None
    document: int | None = None  # index of the attached document it links to, if any
    filename: str | None = None
    evidence: Ev = msgspec.field(default_factory=dict)


class Signature(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    title: str | None = None
    date: str | None = None  # ISO
    registrant: str | None = None
    evidence: Ev = msgspec.field(default_factory=dict)


SecurityType = Literal[
    "common_stock", "preferred_stock", "units", "convertible_notes", "notes", "warrants", "other"
]


class Offering(msgspec.Struct, frozen=True, kw_only=True):
    """One sale or issuance of the registrant's own securities (gold README, "An offering object")."""

    security: SecurityType | None = None
    shares: int | None = None
    price_per_share: float | None = None
    warrant_shares: int | None = None
    warrant_exercise_price: float | None = None
    principal_amount: float | None = None
    interest_rate: float | None = None
    conversion_price: float | None = None
    gross_proceeds: float | None = None
    fees: float | None = None
    date: str | None = None
    registered: bool | None = None
    registration_form: str | None = None
    currency: str | None = None
    # beyond the gold
    net_proceeds: float | None = None
    maturity: str | None = None
    warrant_term_years: float | None = None
    pre_funded: bool | None = None
    pre_funded_exercise_price: float | None = None
    placement_agents: tuple[str, ...] = ()
    underwriters: tuple[str, ...] = ()
    investors: tuple[str, ...] = ()
    exemption: str | None = None
    shelf_file_number: str | None = None
    confidence: float = 0.5
    rule: str = ""
    evidence: Ev = msgspec.field(default_factory=dict)


OfficerChangeKind = Literal["departure", "appointment"]


class OfficerChange(msgspec.Struct, frozen=True, kw_only=True):
    person: str
    change: OfficerChangeKind
    role: str | None = None
    effective_date: str | None = None
    reason: str | None = None  # resignation, retirement, termination, death, not_standing
    interim: bool | None = None
    age: int | None = None
    committees: tuple[str, ...] = ()
    predecessor: str | None = None
    successor: str | None = None
    confidence: float = 0.5
    rule: str = ""
    evidence: Ev = msgspec.field(default_factory=dict)


class AuditorChange(msgspec.Struct, frozen=True, kw_only=True):
    former_auditor: str | None = None
    new_auditor: str | None = None
    date: str | None = None
    kind: Literal["dismissed", "resigned", "declined"] | None = None
    disagreements: bool | None = None
    reportable_events: bool | None = None
    approved_by_audit_committee: bool | None = None
    confidence: float = 0.5
    rule: str = ""
    evidence: Ev = msgspec.field(default_factory=dict)


class Results(msgspec.Struct, frozen=True, kw_only=True):
    period_end: str | None = None
    period_type: Literal["quarter", "year", "half", "month", "other"] | None = None
    fiscal_quarter: int | None = None
    fiscal_year: int | None = None
    press_release_exhibit: str | None = None
    confidence: float = 0.5
    rule: str = ""
    evidence: Ev = msgspec.field(default_factory=dict)


class Proposal(msgspec.Struct, frozen=True, kw_only=True):
    description: str
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    broker_non_votes: int | None = None
    outcome: Literal["approved", "not_approved", "elected"] | None = None


class ShareholderVote(msgspec.Struct, frozen=True, kw_only=True):
    meeting_date: str | None = None
    meeting_type: Literal["annual", "special"] | None = None
    proposals: tuple[Proposal, ...] = ()
    confidence: float = 0.5
    rule: str = ""
    evidence: Ev = msgspec.field(default_factory=dict)


class Events(msgspec.Struct, frozen=True, kw_only=True):
    officer_changes: tuple[OfficerChange, ...] = ()
    auditor_change: AuditorChange | None = None
    results: Results | None = None
    shareholder_vote: ShareholderVote | None = None


FormType = Literal["8-K", "8-K/A", "8-K12B", "8-K12B/A", "8-K12G3", "8-K12G3/A", "8-K15D5", "8-K15D5/A"]


class Filing(msgspec.Struct, frozen=True, kw_only=True):
    """Everything eightk reads from one 8-K submission."""

    id: str
    source_format: str  # "sgml", "feed", "ims", "html", "ixbrl", "text", "folder"
    form_type: str | None = None
    header: Header | None = None
    cover: Cover = msgspec.field(default_factory=Cover)
    items: tuple[Item, ...] = ()
    exhibits: tuple[Exhibit, ...] = ()
    signatures: tuple[Signature, ...] = ()
    offerings: tuple[Offering, ...] = ()
    events: Events = msgspec.field(default_factory=Events)
    documents: tuple[Document, ...] = ()
    primary: int = 0  # index of the 8-K document in ``documents``
    warnings: tuple[str, ...] = ()
    parser_version: str = ""

    @property
    def accession_number(self) -> str | None:
        return self.header.accession_number if self.header else None

    @property
    def filed_date(self) -> str | None:
        return self.header.filed_date if self.header else None

    @property
    def primary_document(self) -> Document | None:
        return self.documents[self.primary] if self.documents else None


def evidence_for(doc: Document, start: int, end: int) -> Evidence:
    """Build the evidence for ``doc.text[start:end]`` (the quote is taken from the text, so it always matches)."""
    return Evidence(document=doc.index, start=start, end=end, quote=doc.text[start:end])
