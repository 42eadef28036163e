"""Marts and findings read without joins: names beside codes, ratios as DECIMAL, no repeated figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import query


def test_no_double_in_marts(checked_warehouse):
    floats = query(checked_warehouse, """
        select table_schema || '.' || table_name || '.' || column_name from information_schema.columns
        where table_schema = 'marts' and data_type in ('DOUBLE', 'FLOAT', 'REAL') order by all""")
    assert floats == []
    [(kind,)] = query(checked_warehouse, "select data_type from information_schema.columns where table_schema = "
                                         "'marts' and table_name = 'fct_plan_attainment' and column_name = 'pct_of_plan'")
    assert kind == "DECIMAL(18,4)"


def test_ratios_at_four_decimals(checked_warehouse):
    rows = dict(query(checked_warehouse, "select measure_code, pct_of_plan from marts.fct_plan_attainment "
                                         "where plan_year = 2022"))
    assert rows["grdp_per_capita"] == Decimal("97.9653")  # 39,48 / 40,30: 97,97 % of plan
    assert rows["grdp_growth"] == Decimal("97.7315")  # (100 + 5,55) / (100 + 8), not 97.73148148148148
    assert rows["budget_revenue_customs"] == Decimal("1130.4348")  # 2.600 / 230


def test_scorecard_and_assessment_name_the_indicators(checked_warehouse):
    card = {rule: (names, measures) for rule, names, measures in query(checked_warehouse, """
        select rule, indicators_missed_names, missed_measure_names from marts.fct_plan_scorecard
        where area_code = '04' and plan_year = 2022""")}
    assert card["headline"] == (
        ["Tốc độ tăng trưởng GRDP", "GRDP bình quân đầu người", "Xây dựng nông thôn mới"],
        ["Tốc độ tăng trưởng GRDP", "GRDP bình quân đầu người", "Số xã được công nhận đạt chuẩn nông thôn mới"])
    assert len(card["all_measures"][0]) == 5  # 12/17
    [(name, area, missed)] = query(checked_warehouse, """
        select indicator_name, area_name, missed_measure_names from marts.fct_indicator_assessment
        where rule = 'all_measures' and indicator_no = 4 and plan_year = 2022""")
    assert (name, area) == ("Tổng kim ngạch xuất nhập khẩu qua địa bàn (bao gồm cả giá trị hàng hóa giám sát)", "Cao Bằng")
    assert missed == ["Kim ngạch xuất khẩu hàng hóa trên địa bàn", "Giá trị hàng hóa Giám sát"]


def test_findings_carry_names(checked_warehouse):
    rows = query(checked_warehouse, """
        select measure_name, indicator_no, indicator_name, area_name, printed_value, expected_low
        from checks.findings where check_name = 'printed_ratio' and measure_code = 'commune_health_standard_share'
          and figure = 'pct_of_plan'""")
    assert rows == [("Tỷ lệ số xã đạt chuẩn quốc gia về y tế xã", 9, "Y tế", "Cao Bằng", 113.4,
                     pytest.approx(80.05 / 69.65 * 100))]


def test_a_figure_stated_twice_is_one_row_with_both_places(built_warehouse):
    repeated = query(built_warehouse, """
        select document, indicator_code, period_year, month_from, month_to, value_type, value, plan_source, count(*)
        from marts.fct_period_progress group by all having count(*) > 1""")
    assert repeated == []
    rows = query(built_warehouse, """
        select fact_nos, source_lines, value, pct_of_plan from marts.fct_period_progress
        where indicator_code = 'trade_imports' and plan_source = 'appendix'
          and document like '2022-11%' and month_to = 12""")
    # "Kim ngạch nhập khẩu ... 600 triệu USD" in the summary and again in section 1.3
    assert len(rows) == 1 and len(rows[0][0]) == 2 and len(rows[0][1]) == 2
    assert rows[0][2] == Decimal("600") and rows[0][3] == Decimal("480.0000")  # 600 / 125
