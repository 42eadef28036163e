"""Stage: periods of several years (``period_kind`` multi_year).

A yearly average over a stage or a term ("giai đoạn 2015 - 2019 tăng trưởng bình quân … đạt 9,1%/năm", "bình quân
giảm 3,5%/năm") and the targets of a Party congress's term ("7/19 chỉ tiêu hoàn thành sớm 1 năm so với Nghị quyết
Đại hội XIX") are of a span of years, not of the year they are said in: ``period_year`` is the span's last year, months
1..12, as the corpus labels them.
"""

from __future__ import annotations

from ingest.prose import patterns as P
from ingest.prose.figures import Figure
from ingest.prose.model import Period
from ingest.prose.value_type import TARGET_UNITS

#: A provincial Party congress's term ends in a year that is a multiple of this (2015-2020, 2020-2025, 2025-2030).
TERM_YEARS = 5


def term_end(year: int) -> int:
    """The last year of the Party congress term a year is in (2024 -> 2025; 2025 -> 2025, the term ending)."""
    return -(-year // TERM_YEARS) * TERM_YEARS


def multi_year_of(fig: Figure, text: str, period: Period, value_type: str, report_year: int | None,
                  opening: str = "") -> tuple[Period, str] | None:
    """The span of years a figure is of, when it is of several (its period then: the span's last year, 1..12), and its
    value type (a span that ended before the report's year is no estimate); else None.

    A share "%/năm" is a yearly average over a stage named in its sentence ("giai đoạn 2015 - 2019"), else over the
    years to the figure's own; an average rate ("tăng bình quân 7%", "bình quân đạt 10%") of a stage or term named in its
    sentence or the document's opening ("nhiệm kỳ 2025 - 2030") and not over is of it (a plan when it ends later); a count of targets of a congress's resolution ("… so với Nghị quyết Đại hội XIX") is
    of its term: the resolution's count (a plan) ends with the term, the count reached with the year assessed."""
    year = period[0]
    if year is None:
        return None
    before = text[max(0, fig.start - 40) : fig.start]
    if fig.unit_class == "pct" and fig.after.startswith("/năm"):
        stages = list(P.STAGE_YEARS.finditer(text)) or [m for m in P.STAGE_YEARS.finditer(opening) if int(m.group(2)) >= (report_year or 0)]
        end = int(stages[-1].group(2)) if stages else year
        ended = value_type == "estimate" and report_year is not None and end < report_year
        return (end, 1, 12), "actual" if ended else value_type
    if fig.unit_class == "pct" and P.AVERAGE_RATE.search(before):
        spans = list(P.STAGE_YEARS.finditer(text)) or list(P.STAGE_YEARS.finditer(opening))
        end = int(spans[-1].group(2)) if spans else None
        if end is not None and report_year is not None and end >= report_year:  # "tăng bình quân 7%" of a term 2025-2030
            return (end, 1, 12), "plan" if end > report_year and value_type != "estimate" else value_type
    if fig.unit in TARGET_UNITS and P.CONGRESS_RESOLUTION.search(P.CLAUSE_DELIMITER.split(text[fig.unit_end :], 1)[0]):
        return ((term_end(year), 1, 12) if value_type == "plan" else (year, 1, 12)), value_type
    return None
