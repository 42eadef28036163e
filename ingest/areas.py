"""Province codes over time: which area a document belongs to, at the document's date.

The codes, names, validity and the province each area belongs to today come from
``seeds/areas.csv`` (built from vietnamadminunits and vietnam-provinces by
``ingest/areas_seed.py``; see there).  A document is keyed by the code in force at its
date: the 63 pre-2025 codes before 2025-07-01, the 34 current ones after.

``--area`` takes one or two ASCII digits: ``4`` means ``04``.  An empty code, ``040``,
non-ASCII digits, an unknown code or a code not in force at the document's date is
refused with an :class:`IngestError` naming the document and what to write instead.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ktxh.errors import IngestError
from ktxh.settings import SEEDS_DIR

SEED = SEEDS_DIR / "areas.csv"
_CODE = re.compile(r"[0-9]{1,2}")
_FILE_MONTH = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})-(0[1-9]|1[0-2])(?![0-9])")


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    valid_from: dt.date
    valid_to: dt.date | None
    current_code: str
    current_name: str

    def valid_during(self, start: dt.date, end: dt.date) -> bool:
        return self.valid_from <= end and (self.valid_to is None or self.valid_to >= start)


@dataclass(frozen=True)
class DocumentDate:
    """When a document speaks from: a day, a month or a year, and how that was found."""

    start: dt.date
    end: dt.date
    source: str  # report_date | file_name | plan_year | none

    def __str__(self) -> str:
        if self.start == self.end:
            return self.start.isoformat()
        if self.start.year == self.end.year and self.start.month == self.end.month:
            return self.start.strftime("%Y-%m")
        return str(self.start.year) if self.start.year == self.end.year else f"{self.start}..{self.end}"


@lru_cache(maxsize=1)
def all_areas() -> tuple[Area, ...]:
    with SEED.open(encoding="utf-8", newline="") as f:
        return tuple(
            Area(code=r["area_code"], name=r["area_name"], valid_from=dt.date.fromisoformat(r["valid_from"]),
                 valid_to=dt.date.fromisoformat(r["valid_to"]) if r["valid_to"] else None,
                 current_code=r["current_area_code"], current_name=r["current_area_name"])
            for r in csv.DictReader(f)
        )


def _month(day: dt.date) -> tuple[dt.date, dt.date]:
    start = day.replace(day=1)
    return start, (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def document_date(file_name: str, plan_year: int | None, report_date=None,
                  today: dt.date | None = None) -> DocumentDate:
    """The document's date: its report date (a ``datetime.date``, or the ``ReportDate`` of
    ``ingest.report_date`` with its precision), else the yyyy-mm in its file name, else its
    appendix's plan year (the whole year), else today (a document without any date is
    keyed by today's codes)."""
    if report_date is not None and not isinstance(report_date, dt.date):
        precision = getattr(report_date, "precision", "day")
        report_date = getattr(report_date, "date", None)
        if report_date is not None and precision == "month":
            return DocumentDate(*_month(report_date), "report_date")
    if isinstance(report_date, dt.date):
        return DocumentDate(report_date, report_date, "report_date")
    if m := _FILE_MONTH.search(file_name):
        return DocumentDate(*_month(dt.date(int(m.group(1)), int(m.group(2)), 1)), "file_name")
    if plan_year is not None:
        return DocumentDate(dt.date(plan_year, 1, 1), dt.date(plan_year, 12, 31), "plan_year")
    day = today or dt.date.today()
    return DocumentDate(day, day, "none")


def normalise_code(code: str | None, document: str) -> str:
    """``4`` -> ``04``; refuses what is not one or two ASCII digits."""
    text = (code or "").strip()
    if not text:
        raise IngestError(document, "--area", "an empty province code: give the official code, e.g. --area 04")
    if not text.isascii():
        raise IngestError(document, "--area", "a province code must be written with the digits 0-9", text)
    if not _CODE.fullmatch(text):
        raise IngestError(document, "--area", "a province code has one or two digits, e.g. 04 or 4 (Cao Bằng)", text)
    return f"{int(text):02d}"


def resolve(code: str | None, document: str, when: DocumentDate) -> Area:
    """The area ``code`` names at the document's date, or an IngestError saying why not."""
    padded = normalise_code(code, document)
    known = [a for a in all_areas() if a.code == padded]
    if not known:
        raise IngestError(document, "--area", "not an official province code (63 before July 2025, 34 after)", code)
    valid = [a for a in known if a.valid_during(when.start, when.end)]
    first_list = min(a.valid_from for a in all_areas())
    if not valid and when.end < first_list:
        # Dated before the earliest code list held (2008-08-01): the provinces of that
        # list carried the same codes since the 2004 list (Decision 124/2004/QĐ-TTg), and
        # a writer's default date ("2000-01-01" in a template's properties) lands here too.
        # The code is read with the earliest list; a code that list lacks is still refused.
        valid = [a for a in known if a.valid_from == first_list]
    if not valid:
        latest = max(known, key=lambda a: a.valid_from)
        until = f"until {latest.valid_to}" if latest.valid_to else f"from {latest.valid_from}"
        hint = ""
        if latest.valid_to is not None and when.start > latest.valid_to:
            hint = f"; since the 2025 reorganisation it is part of {latest.current_code} {latest.current_name}"
        raise IngestError(
            document, "--area",
            f"province code {padded} ({latest.name}) is valid {until}, not at the document's date "
            f"{when} (from its {when.source.replace('_', ' ')}){hint}",
            code,
        )
    # a year that spans the reorganisation: the code as it stood at the latest date it was valid
    return max(valid, key=lambda a: a.valid_from)
