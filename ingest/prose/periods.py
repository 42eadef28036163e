"""Stage: periods.

Period phrases ("9 tháng", "tháng 9", "quý I", "5 tháng/2023", "từ 01/01/2021
đến 20/9/2022") as (year, month_from, month_to), the nearest one before a figure,
the lead of a paragraph, and the report's own period.
"""

from __future__ import annotations

import re
from pathlib import Path

from ingest.prose import patterns as P
from ingest.prose.anchored import matches_at
from ingest.prose.anchors import WordPositions, positions
from ingest.prose.balances import balance_date_of, compared_date_of, month_end, year_of  # noqa: F401 (re-exported)
from ingest.prose.clause_bound import stays_in_clauses
from ingest.prose.figures import Figure
from ingest.prose.model import Context, Period, Report
from ingest.prose.sentences import Sentence, after_last, blank, comparison_spans
from ingest.text import nfc

#: "đến nay": from January to the report's day (``figure_period`` reads it against the report's date).
UNTIL_NOW: Period = (None, 1, -2)
#: The last day of a month's first days: a report dated then counts "đến nay" to the month before ("đến ngày 2-10": 1..9).
FIRST_DAYS = 9


def period_of(name: str, m: re.Match[str]) -> Period | None:
    g = m.groups()
    if name == "date_range":
        y1, y2 = year_of(g[2]), int(g[5])
        if y1 is not None and y1 != y2:
            return (y2, None, int(g[4]))
        return (y2, int(g[1]), int(g[4]))
    if name == "until_date":  # "đến ngày 30/11"; to a day of a month's first days, the months before ("đến ngày 2/10": 1..9)
        month = int(g[1])
        if not 1 <= month <= 12:
            return None
        return (year_of(g[2]), 1, month - 1) if int(g[0]) <= FIRST_DAYS and month > 1 else (year_of(g[2]), 1, month)
    if name == "until_start_of_month":
        n = int(g[0])
        return (year_of(g[1], g[2]), 1, n - 1) if 2 <= n <= 12 else None
    if name == "until_month":
        return (year_of(g[1], g[2]), 1, int(g[0]))
    if name == "year_to_date":
        return (year_of(g[0], g[1]), 1, 0)  # 0: up to the report month
    if name == "last_months":
        n = int(g[0])
        return (year_of(g[1]), 13 - n, 12) if 1 <= n <= 12 else None
    if name == "first_months":
        n = int(g[0])
        return (year_of(g[1], g[2], g[3]), 1, n) if 1 <= n <= 12 else None
    if name == "quarter":
        q = P.QUARTERS[g[0].upper()]
        return (year_of(g[1], g[2]), 3 * q - 2, 3 * q)
    if name == "month":
        n = int(g[0])
        return (year_of(g[1], g[2]), n, n) if 1 <= n <= 12 else None
    if name == "year":
        return (year_of(g[0], g[1]), 1, 12)
    if name == "winter_spring_crop":  # "vụ Đông Xuân 2023-2024": January to June of the later year
        return (year_of(g[1], g[0]), 1, 6)
    if name == "other_crop_season":
        return (None, None, None)  # no span of months: see _nearest_period
    if name == "this_month":
        return (None, -1, -1)  # the report's month
    if name == "until_now":
        return UNTIL_NOW
    return None


_PERIOD_CUE_WORDS = tuple(sorted({c for cues in P.PERIOD_CUES.values() for c in cues}))
_CUED_PERIODS = tuple((name, rx, frozenset(P.PERIOD_CUES[name]), P.PERIOD_STARTS[name]) for name, rx in P.PERIODS)
#: The period patterns' cues and start words, and NOT_PERIOD's and the kept periods', each family
#: found in a text in one pass (``anchors.WordPositions``) instead of one ``str.find`` per word.
_PERIOD_START_WORDS = {w for _, _, _, s in _CUED_PERIODS if isinstance(s, tuple) for w in s}
_PERIOD_WORDS = WordPositions({*_PERIOD_CUE_WORDS, *_PERIOD_START_WORDS}, present_only=set(_PERIOD_CUE_WORDS) - _PERIOD_START_WORDS)
_NOT_PERIOD_WORDS = WordPositions({*P.NOT_PERIOD_STARTS, *(w for _, s in P.KEPT_PERIODS for w in s)})


def cued_periods(lower: str) -> list[tuple[str, re.Pattern[str], tuple[str, ...]]]:
    """(name, pattern, start words) of the period patterns, in order, that hold one of their cues
    (``PERIOD_CUES``) in ``lower`` (a text in lower case): no match of the others can be in it."""
    present = {c for c in _PERIOD_CUE_WORDS if c in lower}
    return [(name, rx, starts) for name, rx, cues, starts in _CUED_PERIODS if not present.isdisjoint(cues)]


def _anchored(rx: re.Pattern[str], starts, found: dict[str, list[int]], text: str, lower: str) -> list[re.Match[str]]:
    """``P.find_anchored(rx, starts, text, lower)``, the start words' places given (``found``: every
    occurrence of every word of ``starts`` in ``lower``, ``WordPositions.find``)."""
    if not isinstance(starts, tuple) or len(lower) != len(text):
        return P.find_anchored(rx, starts, text, lower)
    return matches_at(rx, positions(found, starts), text, 0, len(text))


def find_periods(text: str) -> list[tuple[int, int, str, Period]]:
    """Period phrases in text (dates that are not periods and comparisons blanked by the caller)."""
    if not P.PERIOD_WORD.search(text):
        return []  # no period pattern can match
    found: list[tuple[int, int, str, Period]] = []
    taken: list[tuple[int, int]] = []
    lower = text.lower()
    words = _PERIOD_WORDS.find(lower)  # a cue is in the text if and only if it is found
    for name, rx, cues, starts in _CUED_PERIODS:
        if words.keys().isdisjoint(cues):
            continue
        for m in _anchored(rx, starts, words, text, lower):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            period = period_of(name, m)
            if period is not None:
                found.append((m.start(), m.end(), name, period))
                taken.append((m.start(), m.end()))
    return sorted(found)


def not_period_spans(text: str) -> list[tuple[int, int]]:
    """Dates and names with years that are not periods; "đến ngày …" stays a period."""
    if not P.NOT_PERIOD_WORD.search(text):
        return []  # NOT_PERIOD cannot match
    lower = text.lower()
    words = _NOT_PERIOD_WORDS.find(lower)
    found = [(m.start(), m.end()) for m in _anchored(P.NOT_PERIOD, P.NOT_PERIOD_STARTS, words, text, lower)]
    if not found:
        return []  # the periods that stay are only looked for when something would be blanked
    kept = [(m.start(), m.end()) for rx, starts in P.KEPT_PERIODS for m in _anchored(rx, starts, words, text, lower)]
    return [(s, e) for s, e in found if not any(a <= s and e <= b for a, b in kept)]


#: No pattern of the period search looks across a ';' (``clause_bound``, checked here on the patterns).
CLAUSES_APART = stays_in_clauses([P.NOT_PERIOD, *(rx for rx, _ in P.KEPT_PERIODS), *(rx for _, rx in P.PERIODS),
                                  P.SO_VOI, *(rx for _, _, rx in P.BASIS), P.PERIOD_TRACE, P.PERIOD_WORD, P.NOT_PERIOD_WORD])


def nearest_period(text: str, heading: bool = False, clauses: dict | None = None) -> tuple[Period | None, bool]:
    """The period phrase nearest the end of text, and whether it is ambiguous.

    In a heading, "KẾ HOẠCH … NĂM 2024" is the period of the section, not a document's name.
    No period pattern, date or comparison looks across a ';' (``CLAUSES_APART``), so the periods of
    the whole text are those of its clauses (each with its ';') in turn: the answer is the last
    clause's that names a period, and a joiner between two periods never spans a ';'.  The clauses
    are read from the last, and each clause's answer is kept in ``clauses`` (one dict per sentence,
    ``figure_period``): its other figures read it, not the whole text before them again.
    """
    cut = text.rfind(";") if not heading else -1
    if cut < 0:
        return _nearest_period(text, heading)
    period, ambiguous = _nearest_period(text[cut + 1 :], False)
    if period is not None or ambiguous or not CLAUSES_APART:
        return (period, ambiguous) if period is not None or ambiguous else _nearest_period(text, heading)
    end = cut + 1
    while end > 0:
        start = text.rfind(";", 0, end - 1) + 1
        clause = text[start:end]
        found = clauses.get(clause) if clauses is not None else None
        if found is None:
            found = _nearest_period(clause, False)
            if clauses is not None:
                clauses[clause] = found
        if found[0] is not None or found[1]:
            return found
        end = start
    return None, False


def _nearest_period(text: str, heading: bool) -> tuple[Period | None, bool]:
    if not heading and not P.PERIOD_TRACE.search(text):
        return None, False  # no period can be found, before or after blanking
    spans = not_period_spans(text)
    if heading:  # keep "… NĂM 2024" after a plan's name; still drop dates
        spans = [(a, b) for a, b in spans if text[a:b].lower().startswith(("ngày", "tháng", "tuần"))]
    text = blank(text, spans)
    text = blank(text, [(a, b) for a, b, _ in comparison_spans(text)])
    found = find_periods(text)
    if heading and not found:
        m = P.HEADING_YEAR.search(text.strip())
        if m:
            return (int(m.group(1)), 1, 12), False
    if not found:
        return None, False
    last = found[-1]
    if last[2] == "other_crop_season":
        return None, True  # "vụ Hè Thu ước đạt …": the period the context gives, not the season before
    if len(found) >= 2:
        prev = found[-2]
        kinds = {prev[2], last[2]}
        if P.PERIOD_JOINER.match(text[prev[1] : last[0]]) and len(kinds) == 2 and kinds & {"month"}:
            return None, True
    return last[3], False


def lead_period(first_sentence: str, lead: str) -> tuple[Period | None, bool]:
    """The period a paragraph's first sentence opens with; ambiguous when that sentence
    also speaks of another kind of period ("Trong tháng 10, …; lũy kế 10 tháng …")."""
    period, ambiguous = nearest_period(lead)
    if period is None or ambiguous:
        return period, ambiguous
    text = blank(first_sentence, not_period_spans(first_sentence))
    text = blank(text, [(a, b) for a, b, _ in comparison_spans(text)])
    single = {name in ("month", "this_month") for _, _, name, _ in find_periods(text)}  # "Trong tháng, …; lũy kế 10 tháng …"
    return (None, True) if len(single) > 1 else (period, False)


def default_period(text: str, year: int | None, month: int | None) -> Period:
    """The report's own period, from its title area; else January to the report month."""
    head = text[:1500]
    head = blank(head, not_period_spans(head))
    head = blank(head, [(m.start(), m.end()) for m in P.DATE_IN_WORDS.finditer(head)])
    for _, _, name, (y, a, b) in find_periods(head):
        if y is None and year and month and b and b > month and month <= P.YEAR_JUST_BEGUN_MONTHS and name != "last_months":
            y = year - 1  # "tháng 12 và năm 2023" in a release of 2 January 2024: the month just ended, last year's
        y = y or year
        if name in ("first_months", "last_months", "quarter"):
            return (y, a, b)
        if name == "month":
            return (y, 1, b)
        if name == "year" and (y == year or year is None or (y == year - 1 and month and month <= P.YEAR_JUST_BEGUN_MONTHS)):
            return (y, 1, 12)  # (and "Năm 2025, …" in news of January 2026: the year just ended)
    return (year, 1, month) if month else (year, 1, 12)


def guess_report_month(document_name: str, text: str) -> tuple[int | None, int | None]:
    """(year, month) of a report: the file name's ``YYYY-MM_`` prefix, else the first date line."""
    m = P.FILE_DATE.search(Path(document_name).name if "/" in document_name else document_name)
    if m and 1 <= int(m.group(2)) <= 12:
        return int(m.group(1)), int(m.group(2))
    m = P.TEXT_DATE.search(nfc(text))
    if m:
        month, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        return int(year), int(month)
    return None, None


def figure_period(report: Report, sent: Sentence, fig: Figure, para_lead, ctx: Context, parent_period: Period | None = None) -> Period:
    """The nearest period phrase before the figure in its sentence, else the period of the claim
    a breakdown sentence breaks down, the paragraph's lead, the referencing sentence of a
    footnote, the section heading, the report's period."""
    quoted = P.QUOTED_PLAN_YEAR.search(sent.text, max(0, fig.start - 60), fig.start) if "(" in sent.text else None
    if quoted:
        return (int(quoted.group(1)), 1, 12)  # "(kế hoạch năm 2023 là 7,5%)": that year's plan
    after = P.PERIOD_AFTER_FIGURE.match(sent.text, fig.unit_end)
    own = find_periods(after.group(1) or after.group(2)) if after else []
    # "đạt gần 61 triệu USD trong tháng 9 đã nâng …": a period right after the figure is its own
    levels = [(own[0][3], False)] if own else [nearest_period(_without_asides(sent.text[: fig.start]), clauses=_clauses_of(sent))]
    if parent_period is not None and parent_period[1] is not None:
        levels.append((parent_period, False))
    if para_lead is not None:
        levels.append(para_lead)
    if sent.footnote_no is not None:
        levels.append((ctx.period, ctx.ambiguous))
    found: Period | None = None
    ambiguous = False
    for period, unclear in levels:
        if unclear:
            ambiguous = True
            break
        if period == UNTIL_NOW:
            period = until_now(report)  # the report's day not known: the next level's period
        if period is not None:
            found = period
            break
    if (found is not None and found is levels[0][0] and found[1:] == (1, 12) and ":" in sent.text[: fig.start]
            and not P.WHOLE_YEAR_SAID.search(sent.text, max(0, fig.start - 40), fig.start)):
        found = _same_months_of(found, sent.text[: sent.text.index(":")], report)
    if found is None and not ambiguous and sent.section.period is not None:
        found = sent.section.period
    if found is None:
        found = _month_before_its_cumulative(report, sent.text[fig.unit_end :]) or report.default
    year, a, b = found
    if year is None and found is levels[0][0] and "năm " in sent.text:
        year = _year_said_before(sent.text[: fig.start])  # "Trong năm 2025 vừa qua, …: tăng trưởng kinh tế cả năm đạt 7,34%"
    if year is None:
        base = sent.section.period if sent.section.period and sent.section.period[0] else report.default
        year = base[0]
    if b == 0:  # year to date: to the report's month, or to the end of the quarter a session reviews
        b = (report.reviewed_to or report.month) if year == report.year and report.month else 12
    if b == -1:  # "trong tháng": the report's month
        a = b = report.month or report.default[2]
    return (year, a, b)


def _same_months_of(year_period: Period, lead: str, report: Report) -> Period:
    """A year named alone in a list after a lead that names months ("Tốc độ tăng IIP 6 tháng đầu năm: Năm 2020 (+6,1%);
    năm 2021 (+13,8%) …"): the same months of that year, not its whole."""
    months, _ = nearest_period(lead) if P.PERIOD_TRACE.search(lead) else (None, False)
    if months is None or months[1] is None or months[2] is None or months[2] <= 0 or months[1:] == (1, 12):
        return year_period
    if months[0] not in (None, report.year):
        return year_period
    return (year_period[0], months[1], months[2])


def until_now(report: Report) -> Period | None:
    """"Đến nay" as a period: January to the report's month, or to the month before in its first days ("Đến nay, …" at a
    session of 9 December: the eleven months); none when the report's day is not known (the paragraph's period then; a
    date on the 1st is taken for a month's, as a report date given as YYYY-MM is)."""
    if report.date is None or report.date.day == 1:
        return None
    year, month = report.date.year, report.date.month
    if report.date.day <= FIRST_DAYS:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return (year, 1, month)


def _year_said_before(before: str) -> int | None:
    """The year of the last period phrase naming one in a figure's sentence before it (dates, names and comparisons blanked)."""
    if not P.NAMED_YEAR.search(before):
        return None
    text = blank(before, not_period_spans(before))
    years = [y for _, _, _, (y, _, _) in find_periods(blank(text, [(a, b) for a, b, _ in comparison_spans(text)])) if y]
    return years[-1] if years else None


def _without_asides(before: str) -> str:
    """The text before a figure with the closed parentheses of figures of their own blanked (``FIGURE_ASIDE``): "(6 tháng
    tăng 11,29%, quý III tăng 9,09%), trong đó: Khu vực nông, lâm nghiệp thủy sản đạt …" is of the nine months before it."""
    if ")" not in before:
        return before
    return blank(before, [(m.start(), m.end()) for m in P.FIGURE_ASIDE.finditer(before)])


_sentence_clauses: tuple[Sentence | None, dict] = (None, {})


def _clauses_of(sent: Sentence) -> dict:
    """The answers of ``nearest_period`` for the clauses of this sentence read so far (one sentence kept)."""
    global _sentence_clauses
    if _sentence_clauses[0] is not sent:
        _sentence_clauses = (sent, {})
    return _sentence_clauses[1]


def _month_before_its_cumulative(report: Report, rest: str) -> Period | None:
    """A figure with no period before a clause that opens with the report's cumulative period, in its sentence,
    is the report's month: "thu nội địa ước đạt 1.007,5 tỷ đồng, …; 05 tháng ước đạt 7.071,6 tỷ đồng" in May."""
    year, a, b = report.default
    if a != 1 or not b or b < 2 or b != report.month or "tháng" not in rest:
        return None
    for start, _, name, (y, m_from, m_to) in find_periods(rest):
        # the cumulative opens a clause of its own, with no subject of its own ("…; Chỉ số … 4 tháng tăng" has one)
        opens = not rest[max(rest.rfind(",", 0, start), rest.rfind(";", 0, start)) + 1 : start].strip()
        if name in ("first_months", "year_to_date") and (m_from, m_to or b) == (1, b) and y in (None, year) and opens:
            return (year, b, b)
    return None


def period_kind_of(period: Period, text_before: str = "") -> str:
    """month (one month), cumulative (from January), quarter, year, or multi_year (from an earlier year).
    January to March is the first quarter when the nearest period phrase in ``text_before`` names it so
    ("sơ bộ quý I tăng 8,97%"), cumulative when it counts months ("3 tháng đầu năm")."""
    _, a, b = period
    if a is None:
        return "multi_year"
    if a == b:
        return "month"
    if (a, b) == (1, 12):
        return "year"
    if b is not None and b - a == 2 and a in (4, 7, 10):
        return "quarter"
    if (a, b) == (1, 3) and "quý" in text_before.lower():
        found = find_periods(after_last(text_before, ";")) or find_periods(text_before)
        if found and found[-1][2] == "quarter":
            return "quarter"
    return "cumulative"


CUMULATIVE_NAMES = frozenset({"first_months", "until_month", "until_date", "year_to_date"})


def states_cumulative(text_before: str) -> bool:
    """Whether the nearest period phrase before a figure counts from January ("hết tháng 3", "3 tháng đầu năm"): a
    first-quarter release's January-March figure said so is cumulative, not the quarter."""
    if "tháng" not in text_before and "năm" not in text_before:
        return False
    found = find_periods(after_last(text_before, ";")) or find_periods(text_before)
    return bool(found) and found[-1][2] in CUMULATIVE_NAMES
