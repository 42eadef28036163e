"""The facts the extractor returns, and the plain dataclasses passed between its stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ingest.prose.figures import Figure

Period = tuple[int | None, int | None, int | None]


@dataclass(frozen=True)
class Report:
    """What the extractor knows of the report as a whole."""

    document: str
    text: str
    year: int | None
    month: int | None
    default: Period  # the report's own period


@dataclass(frozen=True)
class ProseFact:
    document: str
    sentence_no: int
    sentence: str
    line: int
    span_start: int
    span_end: int
    subject: str
    indicator_code: str | None
    period_year: int | None
    month_from: int | None
    month_to: int | None
    value: Decimal | None
    decimals: int | None
    printed: str
    unit: str | None
    value_type: str
    basis: str
    measure: str
    status: str
    claim_no: int


@dataclass
class Fact:
    figure: Figure
    measure: str
    basis: str
    value: Decimal | None
    unit: str | None
    status: str
    value_type: str
    period: Period
    indicator: str | None


@dataclass
class Claim:
    number: int
    region: str  # text that names the subject
    subject: str
    indicator: str | None
    estimate: bool
    parent: Claim | None
    facts: list[Fact] = field(default_factory=list)


@dataclass
class Context:
    """What a sentence knows from outside itself."""

    period: Period | None = None
    ambiguous: bool = False
    estimate: bool = False
    basis: str | None = None
    parent: Claim | None = None
