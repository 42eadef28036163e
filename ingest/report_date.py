"""Each report's own date, and where it came from.

The date decides the year of every prose figure and whether a figure is an
estimate (a period not yet over at the report's date).  It is taken from, in
this order:

``text``
    the document's date line, the line a Vietnamese administrative document
    carries under its number: "Cao Bằng, ngày 08 tháng 6 năm 2021",
    "ngày 01/12/2022"; else the appendix's reference to the report it belongs
    to: "(Biểu kèm theo Báo cáo số 2960/BC-UBND ngày 14 tháng 11 năm 2022 …)".
    A date inside a sentence ("Nghị quyết số 01/NQ-CP, ngày 08/01/2022 …") is
    the date of something else and is never taken.
``option``
    ``ktxh ingest PATH... --report-date YYYY-MM[-DD]``: the user's word, for
    documents that do not state their date.  It comes before the metadata,
    which is often the date a template was made or a file was exported.
``metadata``
    the document's own properties: a Word file's ``created`` date, a PDF's
    ``CreationDate``, a web page's ``article:published_time`` / ``<time>``.
``file_name``
    a ``YYYY-MM`` or ``YYYY-MM-DD`` prefix of the file name, the last resort.
``none``
    no source gives a date: the document loads with a warning, and prose
    figures whose year the text does not print carry no year.

A date known to the month only (``--report-date 2022-09``, a ``2022-09_`` file
name) is stored as the month's first day with ``precision = 'month'``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePath

from ktxh.errors import IngestError

SOURCES = ("text", "option", "metadata", "file_name", "none")

_DAY_MONTH_YEAR = (
    r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
    r"|ngày\s+(?P<d2>\d{1,2})\s*[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>\d{4})"
)
# The date line: an optional place name and comma, the date, nothing after it
# but punctuation or markdown emphasis.  Short by construction.
_DATE_LINE = re.compile(
    r"^[\s*_#>]*(?:[^\W\d][^,\d\n]{0,60},\s*)?(?:" + _DAY_MONTH_YEAR + r")[\s*_.)]*$", re.IGNORECASE
)
# A line of its own referring to the report the text is (part of): an appendix's
# "(Biểu kèm theo Báo cáo số 2960/BC-UBND ngày 14 tháng 11 năm 2022 …)", a web
# page's "(Theo Báo cáo số 185/BC-UBND ngày 27/7/2018 của UBND tỉnh)".
_ATTACHED_TO = re.compile(
    r"^[\s*_(]*(?:biểu\s+|phụ\s+lục\s+)?(?:kèm\s+)?theo\s+(?:báo\s+cáo|tờ\s+trình|công\s+văn|thông\s+báo|quyết\s+định|kế\s+hoạch)\s+số\s+[^\s,;]+\s*,?\s*"
    r"(?:" + _DAY_MONTH_YEAR + r")",
    re.IGNORECASE,
)
_FILE_DATE = re.compile(r"^(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?(?=[_\-. ]|$)")
_OPTION = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?$")


@dataclass(frozen=True)
class ReportDate:
    """A report's date (None when no source gives one), its source and precision."""

    date: dt.date | None
    source: str  # one of SOURCES
    precision: str | None = None  # day | month; None when there is no date
    evidence: str = ""  # what the date was read from, as printed, with its place

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @property
    def month(self) -> int | None:
        return self.date.month if self.date else None


NO_DATE = ReportDate(None, "none")


def _make(year: str, month: str, day: str | None) -> tuple[dt.date, str] | None:
    try:
        if day:
            return dt.date(int(year), int(month), int(day)), "day"
        return dt.date(int(year), int(month), 1), "month"
    except ValueError:
        return None


def _from_match(m: re.Match) -> tuple[dt.date, str] | None:
    if m.group("y"):
        return _make(m.group("y"), m.group("m"), m.group("d"))
    return _make(m.group("y2"), m.group("m2"), m.group("d2"))


def date_in_text(text: str) -> ReportDate | None:
    """The date the text gives itself: its date line, else the appendix's reference to its report."""
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        if len(line) > 120 or "ngày" not in line.lower():
            continue
        m = _DATE_LINE.match(line)
        if m and (found := _from_match(m)):
            return ReportDate(found[0], "text", found[1], f"line {number}: {line.strip()}")
    for number, line in enumerate(lines, start=1):
        m = _ATTACHED_TO.match(line) if len(line) <= 200 else None
        if m and (found := _from_match(m)):
            return ReportDate(found[0], "text", found[1], f"line {number}: {m.group(0)}")
    return None


def date_in_file_name(document: str) -> ReportDate | None:
    m = _FILE_DATE.match(PurePath(document).name)
    if m and (found := _make(m.group("y"), m.group("m"), m.group("d"))):
        return ReportDate(found[0], "file_name", found[1], PurePath(document).name)
    return None


def parse_option(value: str) -> ReportDate:
    """``--report-date YYYY-MM[-DD]``; a malformed value is refused."""
    m = _OPTION.match(value.strip())
    found = _make(m.group("y"), m.group("m"), m.group("d")) if m else None
    if found is None:
        raise IngestError("--report-date", "option", "not a date of the form YYYY-MM or YYYY-MM-DD", value)
    return ReportDate(found[0], "option", found[1], f"--report-date {value}")


def from_metadata(value: dt.date | dt.datetime | None, what: str) -> ReportDate | None:
    """A date from the document's properties (``what`` names the property)."""
    if value is None:
        return None
    date = value.date() if isinstance(value, dt.datetime) else value
    return ReportDate(date, "metadata", "day", f"{what} {date.isoformat()}")


def resolve(
    document: str,
    text: str | None,
    metadata: ReportDate | None = None,
    option: ReportDate | None = None,
) -> ReportDate:
    """The report's date from the first source that gives one (see the module docstring)."""
    return (
        (date_in_text(text) if text else None)
        or option
        or metadata
        or date_in_file_name(document)
        or NO_DATE
    )
