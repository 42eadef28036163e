"""Stage: comparisons and measures.

What a figure is measured against (its basis: "KH" -> plan, "dự toán TW" ->
plan_central, "dự toán HĐND" -> plan_council, "cùng kỳ" -> same_period, "tháng
trước" -> prior_month, "năm trước" -> prior_year) and what it measures (value,
ratio_pct, growth_pct, pp), from the words around it.
"""

from __future__ import annotations


from ingest.prose import patterns as P
from ingest.prose.figures import Figure
from ingest.prose.model import Context, Period
from ingest.prose.periods import year_of
from ingest.prose.sentences import comparison_spans, figure_right_basis, last_clause, right_basis
from ingest.prose.subject import residue


def basis_of_phrase( phrase: str, period: Period) -> str | None:
    phrase = P.LEADING_SO_VOI.sub("", phrase.strip())
    year, a_month, month_to = period
    for name, basis, rx in P.BASIS:
        m = rx.match(phrase)
        if not m:
            continue
        if basis == "?month":
            n = int(m.group(1))
            y = year_of(m.group(2), m.group(3))
            if month_to and (n == month_to - 1 or (n == 12 and month_to == 1)) and (y is None or y == year or (n == 12 and y == (year or 0) - 1)):
                return "prior_month"
            if y is not None and year and y == year - 1 and n == month_to:
                return "same_period"
            return "?"
        if basis == "?year":
            y = int(m.group(1))
            text = m.group(0).lower()
            if year and (y == year - 1 or (text.startswith("đầu") and y == year)):
                return "prior_year"
            return "?"
        if basis == "?year_end":
            return "prior_year" if year and int(m.group(1)) == year - 1 else "?"
        if basis == "?named":
            return _named_period_basis(m, period)
        if name == "prior_year" and a_month is not None and month_to and (a_month, month_to) != (1, 12):
            return "same_period"  # "tăng 14,1% so năm trước" of ten months: the same months of the year before
        if basis == "?plan_year":
            if year is None or int(m.group(1)) != year:
                return "?"
            return "plan_council" if P.COUNCIL_PLAN.search(m.group(0)) else "plan"
        return basis
    return None


def _named_period_basis(m, period: Period) -> str:
    """"so với 6 tháng đầu năm 2021" of a figure of January-June 2022, "so với quý I/2021" of the
    first quarter of 2022: the same months of the year before, the same period; else no basis."""
    year, a, b = period
    q, qy1, qy2, n, ny1, ny2 = m.groups()
    if q:
        quarter = P.QUARTERS[q.upper()]
        months, y = (3 * quarter - 2, 3 * quarter), year_of(qy1, qy2)
    else:
        months, y = (1, int(n)), year_of(ny1, ny2)
    if y is not None and year and y == year - 1 and months == (a, b):
        return "same_period"
    return "?"


def measure_of( fig: Figure, pred: str | None, tail: str, left_basis_phrase: str | None, text: str, period: Period, group_lead: str, lead_basis: str | None, ctx: Context):
    """Raw measure, basis, sign, unit and status from the words around a figure."""
    status = "ok"
    right = figure_right_basis(text, fig)
    if right and fig.unit_class not in ("pct", "pp", "times") and P.BASIS_THEN_FIGURE.match(text[fig.unit_end + right[1] :]):
        right = None
    explicit = None
    if right is None and (P.OTHER_COMPARISON.match(text, fig.unit_end) or (fig.unit_class in ("pct", "pp") and P.AREA_AVERAGE_BEFORE.search(tail))):
        explicit = "?"  # "tăng 16,3 triệu đồng so với đầu nhiệm kỳ", "gấp 1,5 lần bình quân chung của Vùng", "cao hơn tăng
        # trưởng bình quân cả nước 2,68 điểm phần trăm": no basis fits
    elif right:
        explicit = basis_of_phrase(right[0], period)
    elif left_basis_phrase:
        explicit = basis_of_phrase(left_basis_phrase, period)
    context_basis = None
    for phrase in [p for _, _, p in comparison_spans(group_lead)][-1:] + ([lead_basis] if lead_basis else []):
        context_basis = context_basis or basis_of_phrase(phrase, period)
    if context_basis is None and ctx.basis:
        context_basis = ctx.basis
    if context_basis == "?":
        context_basis = None

    def default_basis() -> str:
        # a growth with no comparison said is against the same period of the year before, for a
        # whole year too ("Kim ngạch xuất khẩu ước đạt 1.230 triệu USD, tăng 11,4%")
        return "same_period"

    unit = fig.unit
    sign = 1
    cls = fig.unit_class
    negative = pred in P.NEGATIVE_PREDICATES if pred else False
    contribution = P.CONTRIBUTION.search(tail) if cls == "pp" else None
    if contribution:
        measure, basis = "value", "none"  # "đóng góp 3,36 điểm phần trăm": points of growth, nothing compared
        sign = -1 if contribution.group("fall") else 1  # "làm giảm 0,01 điểm phần trăm tăng trưởng"
    elif cls == "pp":
        measure = "pp"
        sign = -1 if P.PP_NEGATIVE.search(tail) else 1
        basis = explicit or context_basis or default_basis()
    elif cls == "pct":
        if P.VUOT_PLAN.search(tail):
            measure, basis = "growth_pct", "plan"
        elif pred and pred.startswith("vượt"):
            measure, basis = "growth_pct", explicit or "plan"
        elif pred in P.GROWTH_PREDICATES:
            measure = "growth_pct"
            sign = -1 if negative else 1
            basis = explicit or context_basis or default_basis()
        elif pred in ("cao hơn", "thấp hơn", "kém"):
            measure = "growth_pct"
            sign = -1 if negative else 1
            basis = explicit or context_basis or default_basis()
        elif pred and pred.startswith("gấp"):
            measure, basis = "ratio_pct", explicit or context_basis or "?"
        elif explicit:
            measure, basis = "ratio_pct", explicit
        elif pred == "bằng":
            measure, basis = "ratio_pct", context_basis or "?"
        elif pred is None and not fig.range_high and P.SIGNED_PCT_BEFORE.search(text, max(0, fig.start - 4), fig.start):
            measure, basis = "growth_pct", explicit or context_basis or default_basis()  # "Năm 2020 (+6,1%)": a change
            sign = -1 if text[: fig.start].rstrip()[-1:] in "-–−" else 1
        else:
            measure, basis = "value", "none"
    elif cls == "times":  # "gấp 2,6 lần": against the same period when unsaid
        measure = "ratio_pct"
        basis = explicit or context_basis or default_basis()
        if pred and pred.startswith("giảm"):
            unit = "lần (giảm)"
    else:
        if pred in P.GROWTH_PREDICATES and pred != "lên":
            measure = "value"
            sign = -1 if negative else 1
            basis = explicit or context_basis or default_basis()
            if pred == "tăng thêm" and explicit is None:
                basis = "none"
        elif pred == "bằng" and explicit:
            measure, basis = "ratio_pct", explicit
        elif pred and pred.startswith("vượt") and explicit:
            measure, basis = "value", explicit  # "vượt 50 USD so với kế hoạch": the amount above it
        else:
            measure, basis = "value", "none"
    if basis == "?":  # compared with something that is not an allowed basis ("so với năm 2017")
        basis, status = "none", "unclassified"
    elif (right or left_basis_phrase) and explicit is None:
        status = "unclassified"
    return measure, basis, sign, unit, status


def trailing_basis(text: str, figures: list[Figure], index: int) -> str | None:
    """The comparison said once at the end of a list of growths, after its last one, for the growths before it
    that say none: "Trong đó, ngành khai khoáng tăng 2,7%; …; ngành cung cấp nước … tăng 4,0% so với cùng kỳ năm
    trước", "88.688 ha cây công nghiệp, tăng 4,1% và 84.780 ha cây ăn quả …, tăng 0,7% so với năm trước".  Each
    item names its own subject ("X tăng 9,02% và tăng 0,02% so với kịch bản" compares one subject twice); every
    figure on the way is a growth of the same unit, or a level when the list's items are "level, growth"; not
    across another comparison or period phrase, nor past the sentence."""
    fig = figures[index]
    levels = index > 0 and figures[index - 1].unit_class != fig.unit_class and "," in text[figures[index - 1].unit_end : fig.start]
    end = fig.unit_end
    for later in figures[index + 1 :]:
        between = text[end : later.start]
        if P.SO_VOI.search(between) or P.PERIOD_TRACE.search(between):
            return None
        if later.unit_class != fig.unit_class:
            if not levels:
                return None
            continue
        pred = P.PREDICATE.search(last_clause(between))
        if pred is None or P.WHITESPACE_RUN.sub(" ", pred.group("pred").lower()) not in P.GROWTH_PREDICATES or not residue(text[fig.unit_end : later.start]):
            return None
        right = right_basis(text[later.unit_end :])
        if right is not None:
            return right[0]
        end = later.unit_end
    return None
