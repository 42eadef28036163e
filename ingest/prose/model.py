"""The facts the extractor returns, and the plain dataclasses passed between its stages."""

from __future__ import annotations

import datetime as dt
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
    date: dt.date | None = None  # the report's date, when known to the day
    kind: str = "monthly_report"  # see ingest.prose.document
    plan_year: int | None = None  # a plan document: the year it is about
    about_growth: bool = False  # its title block names GRDP: a part of the economy grows as its value added
    reviewed_to: int | None = None  # a session's news on a quarter ("họp báo … quý III"): "đến nay" is to its end
    first_quarter: bool = False  # its title names "quý I" and no count of months: January-March is the quarter
    estimated_month: tuple[int, int] | None = None  # (year, month) its opening says it estimates ("ước tính tháng 12 năm 2023")


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
    period_kind: str = "year"  # month | cumulative | quarter | year | balance | multi_year
    scope: str = "province"  # province | national | world | other_area
    balance_date: dt.date | None = None  # a balance: the date it stands at
    compared_date: dt.date | None = None  # a balance compared with another date: that date
    document_kind: str = "monthly_report"
    subject_term: str | None = None  # the words of the document that named the indicator, as written


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
    period_kind: str = "year"
    scope: str = "province"
    balance_date: dt.date | None = None
    compared_date: dt.date | None = None
    stated_estimate: bool = False  # "ước …" said of it (not only a period not over at the report's date)


@dataclass
class Claim:
    number: int
    region: str  # text that names the subject
    subject: str
    indicator: str | None
    estimate: bool
    parent: Claim | None
    facts: list[Fact] = field(default_factory=list)
    term: str | None = None  # the words that named the indicator, as written


@dataclass
class Context:
    """What a sentence knows from outside itself."""

    period: Period | None = None
    ambiguous: bool = False
    estimate: bool = False
    basis: str | None = None
    parent: Claim | None = None
    #: the period the paragraph's first sentence said estimated ("Dự ước chỉ số … tháng 10/2022 tăng 1,34%"): a later
    #: sentence's figures of that period are estimates too ("Trong tháng 10/2022 có 23/27 ngành sản xuất tăng")
    estimated_period: Period | None = None
    other_area: bool = False  # the paragraph is about a former part of the merged province (scope.former_part)
    #: the paragraph goes on with the list of targets the one before it ends with, naming its subjects with no verb
    #: ("Năm 2025, tỉnh Hưng Yên đặt mục tiêu: …; kim ngạch xuất khẩu 8,5 tỷ USD." / "Thu ngân sách trên địa bàn 44.923 tỷ đồng; …")
    targets: bool = False


def prose_fact(report: Report, claim: Claim, fact: Fact, number: int, sentence: str, line: int, start: int, end: int) -> ProseFact:
    """The fact of a claim as the extractor gives it: in sentence ``number`` (its text ``sentence``, each run of spaces as
    one), on ``line``, at characters ``start``..``end`` of the report's text."""
    year, a, b = fact.period
    return ProseFact(
        document=report.document, sentence_no=number, sentence=sentence, line=line, span_start=start, span_end=end,
        subject=claim.subject, indicator_code=fact.indicator, period_year=year, month_from=a, month_to=b, value=fact.value,
        decimals=fact.figure.decimals, printed=report.text[start:end], unit=fact.unit, value_type=fact.value_type,
        basis=fact.basis, measure=fact.measure, status=fact.status, claim_no=claim.number, period_kind=fact.period_kind,
        scope=fact.scope, balance_date=fact.balance_date, compared_date=fact.compared_date, document_kind=report.kind,
        subject_term=claim.term if fact.indicator == claim.indicator else None,
    )
