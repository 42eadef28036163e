"""Stage: the kind of document, and what it implies for its figures.

A monthly report, a statistics release, a council resolution or plan decision,
news of a session, an annual report.  The kind is read from the document's title
block (its first lines).  A plan document (a resolution or decision on a year's
plan) states targets: its figures are plans, for the year it is about.
"""

from __future__ import annotations

import datetime as dt

from ingest.prose import patterns as P
from ingest.prose.model import Report
from ingest.prose.periods import default_period, find_periods, not_period_spans
from ingest.prose.sentences import blank

PLAN_KINDS = frozenset({"council_resolution", "plan_decision"})
KINDS = tuple(name for name, _ in P.DOCUMENT_KIND_PATTERNS)

#: How much of the start of a document is its title block.
TITLE_LINES = 4
TITLE_CHARS = 500


def title_block(text: str) -> str:
    """The first TITLE_LINES lines that are not blank (at most TITLE_CHARS characters), read from the
    start of the text only as far as they go (not every line of the report split and stripped)."""
    reach = 4096
    while True:
        complete = reach >= len(text)
        lines = text[:reach].splitlines()
        if not complete:
            lines = lines[:-1]  # the last line may go on past the cut
        kept = [ln.strip() for ln in lines if ln.strip()][:TITLE_LINES]
        if len(kept) == TITLE_LINES or complete:
            return "\n".join(kept)[:TITLE_CHARS]
        reach *= 4


def document_kind_of(text: str, report_year: int | None = None, report_month: int | None = None) -> str:
    """The document's kind from its title block; a report with no telling title is a monthly report.

    A title that lists a later year's targets ("25 chỉ tiêu phấn đấu năm 2024" in December 2023:
    the news page of a council's resolution on next year's plan) is a plan document as the
    resolution itself is."""
    head = title_block(text)
    kinds = dict(P.DOCUMENT_KINDS)
    first_line = head.split("\n", 1)[0]
    for name, rx in P.DOCUMENT_KINDS:
        if name == "statistics_release" and targets_title(first_line, report_year, report_month):
            return "council_resolution"
        if name == "monthly_report" and kinds["session_news"].search(first_line):
            return "session_news"  # news that opens with a session ("Ngày 5/12, Kỳ họp thứ 24 …")
        if rx.search(head):
            return name
    return "monthly_report"


def targets_title(line: str, report_year: int | None, report_month: int | None = None) -> bool:
    """A title naming the targets of a year after the report's ("… chỉ tiêu … năm 2024"), or of the
    year just begun ("Nhiều mục tiêu, nhiệm vụ phát triển kinh tế năm 2023" in January 2023).
    "chỉ tiêu" needs a target word after it ("phấn đấu", "chủ yếu" …); "mục tiêu" is one."""
    m = P.TARGETS_TITLE.search(line)
    if not m or not (m.group("head").lower().startswith("mục") or P.TARGET_WORDS.search(m.group("words"))):
        return False
    if P.ESTIMATE_CUE.search(line) or P.ACTUAL_HEADING.search(line):
        return False  # "CÁC CHỈ TIÊU … CHỦ YẾU ƯỚC ĐẠT ĐƯỢC TRONG NĂM 2021": results, not targets
    if report_year is None:
        return True
    year = int(m.group("year"))
    return year > report_year or (year == report_year and (report_month or 12) <= P.YEAR_JUST_BEGUN_MONTHS)


def plan_year_of(text: str, report_year: int | None, report_month: int | None) -> int | None:
    """The year a plan document is about: named in its title, else the next year late in the year."""
    m = P.PLAN_DOCUMENT_YEAR.search(title_block(text))
    if m:
        return int(m.group(1))
    if report_year is None:
        return None
    return report_year + 1 if (report_month or 12) >= 10 else report_year


def session_period_of(text: str, report_year: int | None, report_month: int | None) -> tuple[int | None, int, int] | None:
    """The period a session's news is about, from the month named with the session in its opening: the
    year to that month for a monthly session named so ("cuộc họp thường kỳ UBND tỉnh tháng 1/2022", "Phiên
    họp thường kỳ tháng 9"), the month itself for a session that reviews the month ("hội nghị … đánh giá
    tình hình KT-XH của tỉnh tháng 10"); a month after the report's month is of the year before."""
    opening = text[:SESSION_OPENING_CHARS]
    named = P.SESSION_MONTH.search(opening)
    m = named or P.SESSION_REVIEW_MONTH.search(opening)
    if not m or not 1 <= int(m.group(1)) <= 12:
        return None
    month = int(m.group(1))
    year = int(m.group(2) or m.group(3)) if (m.group(2) or m.group(3)) else report_year
    if not (m.group(2) or m.group(3)) and report_year and report_month and month > report_month:
        year = report_year - 1
    return year, 1 if named else month, month


def council_session_period(text: str, year: int | None, month: int) -> tuple[int | None, int, int]:
    """The period a session's news with no month named is about: a council's (HĐND) regular session reviews
    the year at its end (November, December) and the first half-year at mid-year (June, July); any other
    session, the report's month."""
    if P.COUNCIL_SESSION.search(text[:SESSION_OPENING_CHARS]):
        if month >= 11:
            return (year, 1, 12)
        if month in (6, 7):
            return (year, 1, 6)
    return (year, month, month)


def reviewed_span_of(text: str, year: int | None, month: int) -> tuple[int | None, int, int] | None:
    """The months from January a session reviews, named in its news's opening and over by the report's month: "báo cáo
    kết quả thực hiện các chỉ tiêu … 6 tháng đầu năm; nhiệm vụ, giải pháp tháng 7 và 6 tháng cuối năm 2025" on 2 July
    (the first half-year, not July: July's and the second half's tasks are plans)."""
    opening = text[:SESSION_OPENING_CHARS]
    for _, _, name, (y, a, b) in find_periods(blank(opening, not_period_spans(opening))):
        if name == "first_months" and y in (None, year) and b < month:
            return (year, a, b)
    return None


#: How much of a session's news names the session.
SESSION_OPENING_CHARS = 600


def report_of(document: str, text: str, year: int | None, month: int | None, day: dt.date | None,
              kind: str | None = None) -> Report:
    """What the extractor knows of a report as a whole: its kind (read from the title block unless
    given), the year a plan document is about, its own period (a figure with no period is of it)."""
    kind = kind or document_kind_of(text, year, month)
    plan_year = plan_year_of(text, year, month) if kind in PLAN_KINDS else None
    default = (plan_year, 1, 12) if plan_year else default_period(text, year, month)
    if kind == "session_news" and month:  # news of a session: a figure with no period is of the year to the session's month
        default = (session_period_of(text, year, month) or reviewed_span_of(text, year, month)
                   or council_session_period(text, year, month))
        review = P.SESSION_REVIEW_YEAR.search(text[:SESSION_OPENING_CHARS]) if month in P.YEAR_REVIEW_MONTHS else None
        if review and int(review.group(1)) == year:
            default = (year, 1, 12)  # a session late in the year reviewing the year ("đánh giá tình hình … năm 2025")
    head = title_block(text)
    about_growth = bool(P.GROWTH_DOCUMENT.search(head))
    first_line = head.split("\n", 1)[0]
    first_quarter = bool(P.FIRST_QUARTER_TITLE.search(first_line)) and not P.MONTH_COUNT_TITLE.search(first_line)
    return Report(document, text, year, month, default, day, kind, plan_year, about_growth,
                  reviewed_quarter_end(text, month), first_quarter, estimated_month_of(text, year, month))


def estimated_month_of(text: str, year: int | None, month: int | None) -> tuple[int, int] | None:
    """The (year, month) a release's opening says its figures rest on as an estimate ("Trên cơ sở kết quả thực hiện
    11 tháng, ước tính tháng 12 năm 2023"); a month after the report's, with no year, is of the year before."""
    m = P.ESTIMATED_MONTH.search(text[:P.ESTIMATED_MONTH_CHARS])
    if not m or not 1 <= int(m.group(1)) <= 12:
        return None
    n = int(m.group(1))
    named = m.group(2) or m.group(3)
    y = int(named) if named else (year - 1 if year and month and n > month else year)
    return (y, n) if y else None


def reviewed_quarter_end(text: str, month: int | None) -> int | None:
    """The last month of the quarter a session (told of in the news or a report) reviews, named with the session in its opening ("họp báo
    thông tin tình hình phát triển kinh tế - xã hội quý III" on 7 October: September), when it is over."""
    m = P.SESSION_QUARTER.search(text[:SESSION_OPENING_CHARS])
    if not m or month is None:
        return None
    end = 3 * ("I", "II", "III", "IV").index(m.group(1).upper()) + 3
    return end if end < month else None
