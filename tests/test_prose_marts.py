"""Figures stated in prose, in the warehouse: fct_reported_figures, fct_period_progress and the
reconciliation of monthly figures with the appendix's plan (checks.findings)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import REPORT, query, run_cli

SEPT = "2022-09_bao-cao-chi-dao-dieu-hanh-thang-9.txt"
APRIL = "2022-04_thong-bao-ket-luan-phien-hop-thang-4.txt"


def figures(db, document: str, indicator: str) -> set[tuple]:
    return set(query(db, """
        select printed, measure, basis, value_type, period_year, month_from, month_to
        from marts.fct_reported_figures where document = ? and indicator_code = ?""", [document, indicator]))


def test_september_trade_and_budget_sentences(built_warehouse):
    # "Tổng kim ngạch xuất nhập khẩu qua địa bàn đạt 638,706 triệu USD, tăng 29%, đạt 101% KH"
    trade = figures(built_warehouse, SEPT, "trade_total")
    assert {("638,706", "value", "none", "actual", 2022, 1, 9), ("29", "growth_pct", "same_period", "actual", 2022, 1, 9),
            ("101", "ratio_pct", "plan", "actual", 2022, 1, 9)} <= trade
    # "Thu ngân sách trên địa bàn đạt 3.085.050 triệu đồng; đạt 183% so với dự toán TW giao;
    #  đạt 153% so với dự toán HĐND tỉnh giao, tăng 181%"
    budget = {f[:3] for f in figures(built_warehouse, SEPT, "budget_revenue")}
    assert {("3.085.050", "value", "none"), ("183", "ratio_pct", "plan_central"),
            ("153", "ratio_pct", "plan_council"), ("181", "growth_pct", "same_period")} <= budget


def test_each_figure_is_traceable_to_its_sentence_and_span(built_warehouse):
    [(sentence, line, start, end, unit, value)] = query(built_warehouse, """
        select sentence, line, span_start, span_end, unit, value from marts.fct_reported_figures
        where document = ? and printed = '3.085.050'""", [SEPT])
    assert "Thu ngân sách trên địa bàn đạt 3.085.050" in sentence and unit == "triệu đồng"
    assert value == Decimal("3085050")
    text = (REPORT.parent / SEPT).read_text(encoding="utf-8")
    assert text[start:end] == "3.085.050"
    # the sentence starts on line 121 ("… Lĩnh vực kinh doanh dịch vụ …"), mid-line after a footnote's first sentence
    assert line == 121 and " ".join(sentence.split()[:4]) in text.splitlines()[line - 1]


def test_malformed_number_is_recorded_not_guessed(built_warehouse):
    # April 2022: "tháng 3 có 5.3407 ca mắc" is not a well-formed Vietnamese number
    rows = query(built_warehouse, """
        select printed, value, status from marts.fct_reported_figures
        where document = ? and status = 'malformed' order by fact_no""", [APRIL])
    assert ("5.3407", None, "malformed") in rows
    # the rest of the notice was loaded all the same: its budget figure is there
    assert ("1.095.056", "value", "none") in {f[:3] for f in figures(built_warehouse, APRIL, "budget_revenue")}


def test_2022_budget_year_to_date_against_both_plans(built_warehouse):
    rows = {(r[0], r[1]): r[2:] for r in query(built_warehouse, """
        select month_to, plan_source, round(plan_value, 1), plan_is_implied, round(pct_of_plan, 1)
        from marts.fct_period_progress
        where indicator_code = 'budget_revenue' and period_year = 2022 and month_from = 1 and month_to in (4, 9)""")}
    # April: 1.095.056 triệu đồng, 65% of the central estimate, 54% of the council's
    assert rows[(4, "plan_central")] == (1684701.5, True, 65.0)  # 1.095.056 / 0,65
    assert rows[(4, "plan_council")] == (2027881.5, True, 54.0)  # 1.095.056 / 0,54
    assert rows[(4, "appendix")] == (Decimal("2018000"), False, Decimal("54.3"))  # KH 2022 = 2.018 tỷ đồng
    # September: 3.085.050 triệu đồng, 183% and 153%
    assert rows[(9, "plan_central")] == (Decimal("1685819.7"), True, Decimal("183.0"))
    assert rows[(9, "plan_council")] == (2016372.5, True, 153.0)
    assert rows[(9, "appendix")] == (Decimal("2018000"), False, Decimal("152.9"))


def test_monthly_figures_reconcile_with_the_appendix_plan(built_warehouse):
    [(low, high, plan, agrees)] = query(built_warehouse, """
        select round(implied_plan_low, 1), round(implied_plan_high, 1), appendix_plan, agrees
        from marts.fct_plan_reconciliation where document = ? and measure_code = 'trade_total'""", [SEPT])
    # 638,706 at 101% KH: 638,7055 / 1,015 to 638,7065 / 1,005, against KH 2022 = 631
    assert (low, high, plan, agrees) == (Decimal("629.3"), Decimal("635.5"), Decimal("631"), True)
    # the council's budget estimate implied in April (54%) and September (153%) fits 2.018 tỷ
    budget = query(built_warehouse, """
        select document, agrees from marts.fct_plan_reconciliation
        where measure_code = 'budget_revenue' and plan_source = 'plan_council' order by document""")
    assert budget == [(APRIL, True), (SEPT, True), (REPORT.name, True)]
    # every figure of the bundled reports stated against the plan fits the appendix
    assert query(built_warehouse, "select count(*), bool_and(agrees) from marts.fct_plan_reconciliation") == [(31, True)]


def test_a_monthly_figure_that_contradicts_the_plan_is_a_warning(tmp_path):
    monthly = tmp_path / "2022-10_bao-cao-thang-10.txt"
    monthly.write_text(
        "BÁO CÁO tình hình kinh tế - xã hội tháng 10 năm 2022\n\n"
        "Tổng kim ngạch xuất nhập khẩu qua địa bàn 10 tháng ước đạt 700 triệu USD, đạt 150% KH.\n",
        encoding="utf-8")
    db = tmp_path / "w.duckdb"
    assert run_cli(db, "ingest", str(REPORT), str(monthly)) == 0
    assert run_cli(db, "build") == 0
    assert run_cli(db, "check") == 0  # a warning, not an error
    [(severity, measure, low, high, document, where, message)] = query(db, """
        select severity, measure_code, round(expected_low, 1)::decimal(18, 1), round(expected_high, 1)::decimal(18, 1),
               document, source_ref, message_vi
        from checks.findings where check_name = 'prose_plan_mismatch'""")
    # 700 / 631 = 110,9%: the appendix's KH allows 110,8–111,1%, not the 150% stated
    assert (severity, measure, low, high, document, where) == ("warning", "trade_total", Decimal("110.8"), Decimal("111.1"), monthly.name, "line 3")
    assert "464,8–468,6" in message and "631" in message


@pytest.mark.parametrize("document, count", [(SEPT, 48), (APRIL, 44)])
def test_every_number_of_the_monthly_reports_is_kept(built_warehouse, document, count):
    # the hand-labelled figures of these reports number 47 and 44 (tests/fixtures/prose_labels);
    # September also keeps "7 tỉnh" of a conference's name, which is not a figure
    assert query(built_warehouse, "select count(*) from marts.fct_reported_figures where document = ?", [document])[0][0] == count
