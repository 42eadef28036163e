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


def test_a_balance_at_a_date_compared_with_the_end_of_last_year():
    """Vĩnh Phúc, June 2022 (the provincial portal): loans outstanding at 30/6 are a stock, not a half-year flow."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Ước đến ngày 30/6, tổng dư nợ cho vay trên địa bàn tỉnh đạt 113.000 tỷ đồng, tăng 10,74% so với "
            "cuối năm 2021; tăng 17,76% so với cùng kỳ.")
    facts = {f.printed: f for f in extract_facts(text, "vinh-phuc.txt", dt.date(2022, 6, 1), report_date_precision="month")}
    level, since_december, year_on_year = facts["113.000"], facts["10,74"], facts["17,76"]
    assert (level.period_kind, level.month_from, level.month_to, level.balance_date, level.value_type) == (
        "balance", None, 6, dt.date(2022, 6, 30), "estimate")
    assert (since_december.basis, since_december.compared_date) == ("prior_year", dt.date(2021, 12, 31))
    assert (year_on_year.basis, year_on_year.compared_date) == ("same_period", dt.date(2021, 6, 30))


def test_period_kinds():
    from ingest.prose.periods import period_kind_of

    assert [period_kind_of(p) for p in [(2022, 9, 9), (2022, 1, 9), (2022, 7, 9), (2022, 1, 12), (2022, None, 9)]] == [
        "month", "cumulative", "quarter", "year", "multi_year"]
    assert [p for *_, p in find_periods("Đến đầu tháng 8/2021")] == [(2021, 1, 7)]
