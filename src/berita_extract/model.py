"""The Article record (SPEC.md, "The Article record") as pydantic v2 models.

Every extracted item carries ``text`` and ``span`` ([start, end) code-point
offsets into the source text as read, BOM dropped) so that
``source[start:end] == text`` holds for everything the tool emits.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[int, int]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    path: Optional[str] = Field(None, description="the input path as given, or '-' for stdin")
    sha256: str = Field(description="SHA-256 of the input bytes")
    chars: int = Field(description="length of the decoded text in code points")


PublishedSource = Literal["html_meta", "json_field", "page_stamp", "argument"]


class Published(_Model):
    """The day the page was published, and where that was read."""

    value: str = Field(description="ISO 8601 date, YYYY-MM-DD")
    source: PublishedSource = Field(
        description="html_meta: the web page's metadata (trafilatura); json_field: the JSON Lines line's "
        "published/date; page_stamp: the stamp line in the text (span); argument: given by the caller"
    )
    field: Optional[str] = Field(None, description="the JSON field it was read from (json_field)")
    text: str = Field(description="the value as written")
    span: Optional[Span] = Field(None, description="span of the stamp line in the source (page_stamp)")


class Dateline(_Model):
    place: Optional[str] = None
    outlet: Optional[str] = None
    text: str
    span: Span


class Byline(_Model):
    reporter: Optional[str] = None
    editor: Optional[str] = None
    photographer: Optional[str] = None
    initials: Optional[str] = Field(None, description="trailing initials such as 'tri/ns' or 'ac'")


class Paragraph(_Model):
    index: int
    text: str
    span: Span


RemovedReason = Literal["duplicate", "title_repeat", "caption", "boilerplate"]


class Removed(_Model):
    span: Span
    text: str
    reason: RemovedReason
    duplicate_of: Optional[Span] = Field(None, description="span of the kept original, for duplicates and repeats")


QuantityKind = Literal["percent", "count", "money", "duration", "number"]
Qualifier = Literal["approx", "more_than", "less_than", "at_least", "at_most"]


class Quantity(_Model):
    kind: QuantityKind
    value: float
    upper: Optional[float] = None
    unit: Optional[str] = None
    qualifier: Optional[Qualifier] = None
    text: str
    span: Span


Granularity = Literal["day", "month", "year"]


class DateItem(_Model):
    value: str = Field(description="ISO 8601: YYYY-MM-DD, YYYY-MM, YYYY, or --MM-DD when no year is known")
    end: Optional[str] = None
    granularity: Granularity
    year_inferred: bool = False
    text: str
    span: Span


class Mention(_Model):
    text: str
    span: Span


RegionLevel = Literal["provinsi", "kabupaten", "kota"]


class Region(_Model):
    name: str
    level: RegionLevel
    code: Optional[str] = None
    province: Optional[str] = None
    mentions: list[Mention] = []


class Organization(_Model):
    name: str
    aliases: list[str] = []
    offices: list[str] = Field(default_factory=list, description="offices of the body named in the text, e.g. 'Cabang Kediri'")
    mentions: list[Mention] = []


class Person(_Model):
    name: str
    roles: list[str] = []
    organization: Optional[str] = None
    mentions: list[Mention] = []


class Quote(_Model):
    text: str
    span: Span
    speaker: Optional[str] = None
    cue: Optional[Mention] = None


class LegalRef(_Model):
    kind: str
    title: Optional[str] = Field(None, description="the kind as written, e.g. 'Instruksi Presiden'")
    number: Optional[str] = None
    year: Optional[int] = None
    issuer: Optional[str] = None
    subject: Optional[str] = None
    text: str
    span: Span


class Program(_Model):
    code: Literal["JKK", "JKM", "JHT", "JP", "JKP"]
    name: str
    mentions: list[Mention] = []


FactType = Literal[
    "coverage_rate", "coverage_target", "workforce", "participants", "employers", "beneficiaries", "budget"
]
Segment = Literal["total", "penerima_upah", "bukan_penerima_upah", "pekerja_rentan", "jasa_konstruksi"]


class Fact(_Model):
    type: FactType
    value: float
    unit: Optional[str] = None
    region: Optional[str] = None
    segment: Optional[Segment] = None
    period: Optional[str] = None
    qualifier: Optional[Qualifier] = None
    quantity: int = Field(description="index of the source item in `quantities`")
    details: dict[str, float | str | int] = Field(
        default_factory=dict, description="extra figures the sentence ties to the fact (beneficiaries, duration, target year)"
    )
    sentence: str
    span: Span = Field(description="span of the sentence the fact was read from")


CheckKind = Literal["ratio", "sum", "enumeration", "premium"]


class Check(_Model):
    kind: CheckKind
    statement: str
    expected: float
    computed: float
    ok: bool
    facts: list[int] = Field(default_factory=list, description="indices into `facts`")


class Article(_Model):
    id: str
    source: Source
    url: Optional[str] = Field(None, description="the page's address (HTML metadata or the JSON line's url)")
    published: Optional[Published] = Field(
        None, description="publication date: the reference for weekday-only and relative dates"
    )
    title: Optional[Mention] = None
    dateline: Optional[Dateline] = None
    byline: Byline = Byline()
    advertorial: bool = False
    paragraphs: list[Paragraph] = []
    removed: list[Removed] = []
    quantities: list[Quantity] = []
    dates: list[DateItem] = []
    event_date: Optional[DateItem] = None
    regions: list[Region] = []
    organizations: list[Organization] = []
    people: list[Person] = []
    quotes: list[Quote] = []
    legal_refs: list[LegalRef] = []
    programs: list[Program] = []
    facts: list[Fact] = []
    checks: list[Check] = []
    warnings: list[str] = Field(default_factory=list, description="non-fatal problems met while extracting")
