"""Stage tests: period phrases."""

from __future__ import annotations

from ingest.prose.periods import default_period, find_periods, guess_report_month, nearest_period


def test_period_phrases_as_year_and_months():
    assert [p for *_, p in find_periods("9 tháng đầu năm 2022")] == [(2022, 1, 9)]
    assert [p for *_, p in find_periods("tháng 9")] == [(None, 9, 9)]
    assert [p for *_, p in find_periods("quý III/2022")] == [(2022, 7, 9)]
    assert [p for *_, p in find_periods("5 tháng/2023")] == [(2023, 1, 5)]
    assert [p for *_, p in find_periods("từ 01/01/2021 đến 20/9/2022")] == [(2022, None, 9)]


def test_month_and_cumulative_side_by_side_are_ambiguous():
    assert nearest_period("Kết quả tháng 9 và 9 tháng ") == (None, True)
    assert nearest_period("Lũy kế 9 tháng đầu năm, ") == ((None, 1, 9), False)


def test_the_reports_own_period():
    assert default_period("BÁO CÁO\nTình hình kinh tế - xã hội 9 tháng đầu năm 2022\n", 2022, 9) == (2022, 1, 9)
    assert default_period("Báo cáo tháng\n", 2022, 4) == (2022, 1, 4)
    assert guess_report_month("2022-09_bao-cao.txt", "") == (2022, 9)
