"""Stage: value type (actual, estimate, plan) and sections.

``plan`` in a targets section ("Mục tiêu …", "Phương hướng … năm 2023") or with
"phấn đấu"; ``estimate`` when stated ("ước …", "dự kiến") or when the period had
not ended at the report date; else ``actual``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ingest.prose import patterns as P
from ingest.prose.document import PLAN_KINDS
from ingest.prose.figures import Figure
from ingest.prose.model import Claim, Fact, Period, ProseFact, Report
from ingest.prose.periods import month_end, nearest_period
from ingest.prose.sentences import Section, Sentence, after_last, blank, comparison_spans


def section_after(report: Report, section: Section, heading: str) -> Section:
    """The section a heading opens: results (actual) or targets (plan), and its period."""
    period, ambiguous = nearest_period(heading, heading=True)
    plan = section.plan
    estimate = bool(P.ESTIMATE_CUE.search(heading))  # "CÁC CHỈ TIÊU … ƯỚC ĐẠT ĐƯỢC TRONG NĂM 2021"
    if P.ACTUAL_HEADING.search(heading) or estimate:
        plan = False
    elif P.PLAN_HEADING.search(heading):
        plan = True
    if period is not None and period[0] is not None and report.year and period[0] > report.year and not estimate:
        plan = True
    new_period = section.period if plan == section.plan else None
    if ambiguous:
        new_period = None
    elif period is not None:
        new_period = period
    return Section(new_period, plan, estimate or (section.estimate and plan == section.plan and not P.ACTUAL_HEADING.search(heading)))


def value_type_of(report: Report, sent: Sentence, claim: Claim, tail: str, measure: str, estimate: bool, period: Period,
                  balance: dt.date | None = None, quoted_plan: bool = False) -> str:
    """plan in a plan document, a targets section or with "phấn đấu"; estimate when stated or when the
    period (or the balance's date) had not ended at the report's date."""
    if report.kind in PLAN_KINDS:
        return "plan"
    subject_text = after_last(claim.region, ";") + tail
    if measure == "value" and (sent.section.plan or planned(subject_text) or plan_year(report, claim.region + tail)):
        return "plan"
    if sent.section.plan or quoted_plan:
        return "plan"
    if period[0] and report.year and period[0] > report.year and not (estimate or sent.section.estimate):
        return "plan"  # "năm 2024, tỉnh phấn đấu thu ngân sách tăng 10%" in December 2023: a later year's target
    if estimate or sent.section.estimate:
        return "estimate"
    year, month_from, month_to = period
    if report.estimated_month and year == report.estimated_month[0] and month_to and (month_from or 1) <= report.estimated_month[1] <= month_to:
        return "estimate"  # a year's figures resting on December's estimate ("ước tính tháng 12 năm 2023", on 2 January)
    if balance is not None and balance == report.date:
        return "actual"  # a stock now, at the report's date ("Lũy kế đến nay, … có gần 32.000 doanh nghiệp")
    if report.date is not None and year and month_to:
        end = balance or month_end(year, month_to)
        return "estimate" if end >= report.date else "actual"  # a period ending on the report's day is not over at it
    if year and report.year and month_to and report.month and (year, month_to) > (report.year, report.month):
        return "estimate"
    return "actual"


def earlier_than_estimated(period: Period, last: Fact | None, tail: str) -> bool:
    """Whether a figure said with no "ước" of its own is of a period that ended before the period of the estimate said
    just before it: a finished period quoted beside the estimate is not estimated with it ("Tăng trưởng quý II … ước
    tăng 9,2%, … thấp hơn quý I (14,8%)"; "ước 9 tháng … tăng 10,55% (6 tháng tăng 11,29%, quý III tăng 9,09%)": the
    half-year is not, the third quarter is); its value type follows from the report's date."""
    if last is None or not last.stated_estimate or P.ESTIMATE_CUE.search(tail):
        return False
    year, _, month_to = period
    last_year, _, last_to = last.period
    return bool(year and month_to and last_to) and year == last_year and month_to < last_to


def planned(subject_text: str) -> bool:
    """A target word in the words before a figure, with no estimate said after it: "giữ vững mục tiêu tăng trưởng hai con
    số khi GRDP ước đạt 10,45%" tells the estimate that keeps to a target, not the target."""
    cues = list(P.PLAN_CUE.finditer(subject_text))
    return bool(cues) and not P.ESTIMATE_CUE.search(subject_text, cues[-1].end())


def plans_of_pairs(claim: Claim) -> None:
    """The second of an "actual/plan" pair is the plan when the claim compares with a plan."""
    has_plan_ratio = any(f.basis in ("plan", "plan_central", "plan_council") for f in claim.facts)
    for f in claim.facts:
        if f.figure.pair_second and has_plan_ratio and f.measure == "value":
            f.value_type = "plan"


def plan_year(report: Report, text: str) -> bool:
    m = P.PLAN_YEAR_CUE.search(text)
    return bool(m and report.year and int(m.group(1)) > report.year)


def named_plan_year(report: Report, sentence: str, start: int, unit_end: int) -> int | None:
    """The year of a plan named before a figure (at ``start``, its unit ending at ``unit_end``) or in its own
    clause ("Nghị quyết đề ra 24 chỉ tiêu … năm 2024; trong đó …"), when it is after the report's year: the
    figure is that year's plan.  Comparisons are not names."""
    text = sentence[:start] + " " + P.CLAUSE_DELIMITER.split(sentence[unit_end:], 1)[0]
    if report.year is None or not P.PLAN_NAME_YEAR.search(text):
        return None
    text = blank(text, [(a, b) for a, b, _ in comparison_spans(text)])
    names = list(P.PLAN_NAME_YEAR.finditer(text))
    if not names or int(names[-1].group(1)) <= report.year:
        return None
    last = names[-1]
    # "… kế hoạch … năm 2025, đồng chí … nhấn mạnh: Năm 2024, …; dự ước có 25/28 chỉ tiêu": another year named
    # between the plan's name and the figure is the figure's
    if last.end() < start and any(int(y.group(0)[-4:]) != int(last.group(1)) for y in P.NAMED_YEAR.finditer(text, last.end(), start)):
        return None
    return int(last.group(1))


#: The units of a count of a plan's targets.
TARGET_UNITS = frozenset({"chỉ tiêu"})
#: The units of a count of those at the session a news item reports (the delegates present) and of its own acts (the
#: resolutions it passed, "thông qua 62 nghị quyết"): the report's month, as counted there.
EVENT_UNITS = frozenset({"đại biểu", "nghị quyết"})


def plan_of_named_year(text_after: str, period: Period, value_type: str, report: Report | None = None, sentence: str = "") -> Period:
    """A target whose own clause names the year's plan after it ("Phấn đấu hoàn thành giải ngân trên 95% kế hoạch vốn
    đầu tư công năm 2023", under "NHIỆM VỤ TRỌNG TÂM THÁNG 11 NĂM 2023") is that whole year's, not the section's month.
    In the news of a session at the year's end a target with no year said is the next year's: the session passes the
    next year's plan ("HĐND tỉnh Kon Tum đặt ra mục tiêu thu ngân sách đạt 4.600 tỉ đồng" in December 2023: 2024's)."""
    if (value_type == "plan" and report is not None and report.kind == "session_news" and report.year
            and (report.month or 0) in P.YEAR_REVIEW_MONTHS and period == (report.year, 1, 12) and not P.NAMED_YEAR.search(sentence)):
        return (report.year + 1, 1, 12)
    if value_type != "plan" or period[1:] == (1, 12) or "năm" not in text_after:
        return period
    named = P.PLAN_NAME_YEAR.search(P.CLAUSE_DELIMITER.split(text_after, 1)[0])  # not "… còn lại của năm 2021"
    return (int(named.group(1)), 1, 12) if named else period


def count_of_targets(report: Report, fig: Figure, period: Period, value_type: str) -> tuple[Period, str]:
    """A count of a plan's targets is of the plan's whole year: the targets there are ("trong 25 chỉ tiêu … năm
    2024", the 28 of "25/28 chỉ tiêu") are the plan's; those met ("25/28 chỉ tiêu hoàn thành", "19 chỉ tiêu chủ
    yếu đạt và vượt kế hoạch năm 2025") are of the year assessed, an estimate before it ends.  The delegates at a
    session ("51/53 đại biểu HĐND tỉnh") are counted in the report's month."""
    if fig.unit in EVENT_UNITS and report.year and report.month and (report.kind == "session_news" or report.kind in PLAN_KINDS):
        return (report.year, report.month, report.month), "actual"  # "51/53 đại biểu HĐND tỉnh" at the session
    if fig.unit not in TARGET_UNITS or report.kind in PLAN_KINDS or not period[0]:
        return period, value_type
    year = period[0]
    met = fig.has_pair_second or (not fig.pair_second and bool(P.TARGETS_MET.search(fig.after)))
    if not met:
        return (year, 1, 12), "plan"
    if value_type == "plan":
        return (year, 1, 12), value_type
    ended = report.date is not None and report.date > month_end(year, 12) or (report.year or 0) > year
    return (year, 1, 12), "actual" if ended and value_type != "estimate" else "estimate"


def estimates_of_containing_periods(facts: list[ProseFact], families: list[tuple[str | None, bool]]) -> list[ProseFact]:
    """A figure of a period that contains a period said to be estimated ("ước") for the same indicator
    family, in the same document, is an estimate too: "GRDP quý 3/2025 ước tăng 8,62%. Tính chung 9
    tháng năm 2025 đạt 8,61%" (the nine months hold the estimated third quarter); the first quarter
    before an estimated half-year is not.  Only for the GRDP family a document's title names (the extractor
    passes no family for others): GRDP is compiled for the whole period, an index of months is not ("IIP
    tháng 10 ước tăng …; tính chung 10 tháng tăng 7,3%" stays as the month says)."""
    estimated: dict[str, list[tuple[int, int, int]]] = {}
    for fact, (family, stated) in zip(facts, families):
        if family and stated and fact.period_year and fact.month_from and fact.month_to:
            estimated.setdefault(family, []).append((fact.period_year, fact.month_from, fact.month_to))
    if not estimated:
        return facts
    out = []
    for fact, (family, _) in zip(facts, families):
        year, a, b = fact.period_year, fact.month_from, fact.month_to
        if (fact.value_type == "actual" and family in estimated and year and a and b
                and any(y == year and a <= ea and eb <= b for y, ea, eb in estimated[family])):
            fact = replace(fact, value_type="estimate")
        out.append(fact)
    return out
