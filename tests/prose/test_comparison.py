"""Stage tests: comparisons (basis) and measures."""

from __future__ import annotations

from ingest.prose.comparison import basis_of_phrase, measure_of
from ingest.prose.figures import find_figures
from ingest.prose.model import Context

SEPT_YTD = (2022, 1, 9)


def test_bases_as_the_reports_name_them():
    assert basis_of_phrase("so với dự toán TW giao", SEPT_YTD) == "plan_central"
    assert basis_of_phrase("so với dự toán HĐND tỉnh giao", SEPT_YTD) == "plan_council"
    assert basis_of_phrase("so với cùng kỳ năm trước", SEPT_YTD) == "same_period"
    assert basis_of_phrase("KH", SEPT_YTD) == "plan"
    assert basis_of_phrase("so với tháng 8", (2022, 9, 9)) == "prior_month"
    assert basis_of_phrase("so với năm 2017", SEPT_YTD) == "?"


def measure(text: str, index: int, pred: str | None, tail: str):
    fig = find_figures(text)[index]
    return measure_of(fig, pred, tail, None, text, SEPT_YTD, "", None, Context())[:2]


def test_measures_from_the_words_around_a_figure():
    text = "Tổng kim ngạch đạt 638,706 triệu USD, tăng 29%, đạt 101% KH"
    assert measure(text, 0, "đạt", " đạt ") == ("value", "none")
    assert measure(text, 1, "tăng", " tăng ") == ("growth_pct", "same_period")
    assert measure(text, 2, "đạt", " đạt ") == ("ratio_pct", "plan")
    assert measure("thấp hơn 2,45 điểm phần trăm so với kế hoạch", 0, "thấp hơn", "thấp hơn ") == ("pp", "plan")
