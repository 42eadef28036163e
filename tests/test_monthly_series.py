"""Monthly series (issue 13): fct_monthly_series, the expected progress of fct_period_progress,
and the monthly checks (outliers, gaps), on the bundled reports and on a second year of reports
made from them.

The second year (2023) is made from the bundled April and September 2022 reports: years moved on
by one, and the budget revenue sentence rewritten with 2023's figures:

* 2023-04 (from the April 2022 notice): 760.000 triệu đồng, 27 % of the council's estimate: an
  ordinary change (its rate per month is 45 % below the figure before it), left alone;
* 2023-05 (the same notice moved to May: "5 tháng"): 935.000 triệu đồng for 1..5, so May alone is
  derived as 175.000 triệu đồng;
* 2023-09 (from the September 2022 report): ước đạt 2.110.000 triệu đồng, 75 % of the council's;
* 2023-10 (the September report restated in October): 2.125 "triệu đồng" for the same 9 months, a
  planted unit slip (tỷ written as triệu, x 1/1.000) that supersedes the September estimate and
  that the outlier check must name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ktxh import settings

from .conftest import DOCUMENTS, query, run_cli

APRIL_2022 = DOCUMENTS / "2022-04_thong-bao-ket-luan-phien-hop-thang-4.txt"
SEPT_2022 = DOCUMENTS / "2022-09_bao-cao-chi-dao-dieu-hanh-thang-9.txt"
APRIL_BUDGET = ("Thu ngân sách trên địa bàn đạt 1.095.056 triệu đồng; bằng 229% so với cùng kỳ năm trước, "
                "đạt 65% so với dự toán TW giao; đạt 54% so với dự toán HĐND giao.")
SEPT_BUDGET = ("Thu ngân sách trên địa bàn đạt 3.085.050  triệu đồng; \n\nđạt 183% so với dự toán TW giao; "
               "đạt 153% so với dự toán HĐND tỉnh giao, tăng 181%.")


def _next_year(text: str) -> str:
    return text.replace("2022", "\0").replace("2021", "2022").replace("\0", "2023")


def april_2023(budget: str = "760.000", council: str = "27") -> str:
    text = APRIL_2022.read_text(encoding="utf-8")
    assert APRIL_BUDGET in text
    text = text.replace(APRIL_BUDGET, f"Thu ngân sách trên địa bàn đạt {budget} triệu đồng; bằng 69% so với cùng kỳ "
                                      f"năm trước, đạt 30% so với dự toán TW giao; đạt {council}% so với dự toán HĐND giao.")
    return _next_year(text)


def may_2023() -> str:
    text = april_2023("935.000", "33")
    for old, new in (("tháng 5", "tháng 6"), ("tháng 4", "tháng 5"), ("tháng 3", "tháng 4"), ("4 tháng", "5 tháng"),
                     ("28/4/2023", "30/5/2023"), ("ngày 28", "ngày 30")):
        text = text.replace(old, new)
    return text


def september_2023(budget: str = "ước đạt 2.110.000") -> str:
    text = SEPT_2022.read_text(encoding="utf-8")
    assert SEPT_BUDGET in text
    text = text.replace(SEPT_BUDGET, f"Thu ngân sách trên địa bàn {budget}  triệu đồng; \n\nđạt 84% so với dự toán "
                                     "TW giao; đạt 75% so với dự toán HĐND tỉnh giao, tăng 2%.")
    return _next_year(text)


SECOND_YEAR = {
    "2023-04_thong-bao-ket-luan-phien-hop-thang-4.txt": april_2023,
    "2023-05_thong-bao-ket-luan-phien-hop-thang-5.txt": may_2023,
    "2023-09_bao-cao-chi-dao-dieu-hanh-thang-9.txt": september_2023,
    "2023-10_bao-cao-chi-dao-dieu-hanh-thang-9-bo-sung.txt": lambda: september_2023("đạt 2.125"),
}


@pytest.fixture(scope="module")
def two_years(tmp_path_factory) -> Path:
    """The bundled reports and the 2023 reports made from them, ingested, built and checked."""
    root = tmp_path_factory.mktemp("two_years")
    folder = root / "04_cao-bang"
    folder.mkdir()
    for name, make in SECOND_YEAR.items():
        (folder / name).write_text(make(), encoding="utf-8")
    db = root / "ktxh.duckdb"
    assert run_cli(db, "ingest", str(DOCUMENTS), str(folder)) == 0
    assert run_cli(db, "build") == 0
    assert run_cli(db, "check") == 0
    return db


def budget_series(db: Path) -> list[tuple]:
    return query(db, """
        select period_year, month_from, month_to, period_kind, derivation, vintage, is_current, value_type,
               printed, unit_stated, round(value_in_indicator_unit, 3)::double, document
        from marts.fct_monthly_series where indicator_code = 'budget_revenue' and area_code = '04'
        order by period_year, month_to, month_from, derivation, vintage""")


def progress(db: Path, year: int, month: int, source: str) -> tuple:
    [row] = query(db, """
        select round(pct_of_plan, 1)::double, round(expected_pct_of_plan, 1)::double, profile_kind, profile_years,
               round(gap_pp, 1)::double, progress_status
        from marts.fct_period_progress
        where indicator_code = 'budget_revenue' and period_year = ? and month_from = 1 and month_to = ?
            and plan_source = ?""", [year, month, source])
    return row


# --- the bundled reports --------------------------------------------------------------------------


def test_bundled_budget_revenue_series(built_warehouse):
    rows = {r[:3]: r for r in budget_series(built_warehouse)}
    # April 2022 notice: "Thu ngân sách trên địa bàn đạt 1.095.056 triệu đồng" (4 months), in tỷ đồng
    # the notice is dated "ngày 28 tháng 4 năm 2022" (its text's date line): 4 months not yet over, an estimate
    assert rows[(2022, 1, 4)][3:] == ("cumulative", "stated", 1, True, "estimate", "1.095.056", "triệu đồng", 1095.056,
                                      "2022-04_thong-bao-ket-luan-phien-hop-thang-4.txt")
    # September 2022 report: 3.085.050 triệu đồng for 9 months
    assert rows[(2022, 1, 9)][8:11] == ("3.085.050", "triệu đồng", 3085.05)
    # 4 and 9 are not consecutive months: no single month is derived from them
    assert not [r for r in rows.values() if r[4] == "derived"]


def test_bundled_progress_against_the_2022_plan_is_linear(built_warehouse):
    # 1.095.056 triệu đồng against KH 2022 = 2.018 tỷ: 54,3 %; no April figure in an earlier year,
    # so the expected share is linear, 4/12 = 33,3 %: 20,9 points ahead
    assert progress(built_warehouse, 2022, 4, "appendix") == (54.3, 33.3, "linear", 0, 20.9, "ahead")
    # September: 3.085.050 / 2.018 tỷ = 152,9 % against 9/12 = 75 %
    assert progress(built_warehouse, 2022, 9, "appendix") == (152.9, 75.0, "linear", 0, 77.9, "ahead")
    # the council's 54 % stated in April, against the same linear share
    assert progress(built_warehouse, 2022, 4, "plan_council") == (54.0, 33.3, "linear", 0, 20.7, "ahead")


def test_bundled_months_without_a_report(built_warehouse):
    rows = query(built_warehouse, """
        select printed_text from checks.chk_monthly_gaps where outcome = 'month_without_report' and area_code = '04'""")
    missing = {r[0] for r in rows}
    # reports of 06/2021, 04/2022, 09/2022 and 11/2022: the months between them have none
    assert {"07/2021", "03/2022", "05/2022", "08/2022", "10/2022"} <= missing
    assert not {"06/2021", "04/2022", "09/2022", "11/2022"} & missing
    assert len(missing) == 14


# --- a second year of reports --------------------------------------------------------------------


def test_second_year_series_vintages_and_derived_month(two_years):
    rows = budget_series(two_years)
    y2023 = [r for r in rows if r[0] == 2023]
    assert [r[1:11] for r in y2023] == [
        # the April and May notices are dated within their month (their text's date line), before the
        # months they report on were over: estimates, and so is the month derived from them
        (1, 4, "cumulative", "stated", 1, True, "estimate", "760.000", "triệu đồng", 760.0),
        (1, 5, "cumulative", "stated", 1, True, "estimate", "935.000", "triệu đồng", 935.0),
        # May alone: 935.000 - 760.000 triệu đồng
        (5, 5, "month", "derived", 1, True, "estimate", None, None, 175.0),
        # September's estimate, superseded by the October report's figure for the same 9 months
        (1, 9, "cumulative", "stated", 1, False, "estimate", "2.110.000", "triệu đồng", 2110.0),
        (1, 9, "cumulative", "stated", 2, True, "actual", "2.125", "triệu đồng", 2.125),
    ]
    [derived] = [r for r in y2023 if r[4] == "derived"]
    [(source,)] = query(two_years, """select derived_from_document from marts.fct_monthly_series
                                      where derivation = 'derived' and indicator_code = 'budget_revenue'""")
    assert derived[11] == "2023-05_thong-bao-ket-luan-phien-hop-thang-5.txt" and source.startswith("2023-04_")


def test_second_year_progress_follows_the_first_years_profile(two_years):
    # April 2023: 760.000 at 27 % of the council's estimate. In 2022, April's 1.095.056 was 26,2 % of the
    # year's 4.180 tỷ (the annual report's estimate), so 27 % is on track; a linear 33,3 % would say behind.
    assert progress(two_years, 2023, 4, "plan_council") == (27.0, 26.2, "history", 1, 0.8, "on_track")
    # September 2023: 75 % against 2022's 3.085.050 / 4.180 tỷ = 73,8 %
    rows = query(two_years, """
        select document, round(pct_of_plan, 1)::double, round(expected_pct_of_plan, 1)::double, profile_kind, progress_status
        from marts.fct_period_progress where indicator_code = 'budget_revenue' and period_year = 2023
            and month_to = 9 and plan_source = 'plan_council' order by document""")
    assert rows[0] == ("2023-09_bao-cao-chi-dao-dieu-hanh-thang-9.txt", 75.0, 73.8, "history", "on_track")
    # May 2023: 2022 has no May figure, but 2021 does (641.062 triệu đồng for 5 months of the 2021 TH)
    assert progress(two_years, 2023, 5, "plan_council")[2:4] == ("history", 1)


def test_planted_unit_slip_is_named_and_the_ordinary_change_left_alone(two_years):
    findings = query(two_years, """
        select check_name, severity, document, printed_text, message_en from checks.findings
        where check_name like 'monthly_%' order by document""")
    # the October report's 2.125 "triệu đồng" for 9 months is a thousand times below the series
    assert [f[:4] for f in findings if f[1] == "warning"] == [
        ("monthly_unit_slip", "warning", "2023-10_bao-cao-chi-dao-dieu-hanh-thang-9-bo-sung.txt", "2.125")]
    # (1/966: 2,125 tỷ for 9 months against the median of the series' other rates per month)
    assert any("states 2.125 triệu đồng, 1/966 times the rest of its series (factor_1000)" in f[4] for f in findings)
    # a real one in the bundled June 2021 report, out of line but not a power of ten: trade "từ ngày 01/5
    # đến ngày 31/5/2021 đạt 278,8 triệu USD … đạt 39,7% KH" (a month that holds 39,7 % of the year's plan)
    assert [f[:4] for f in findings if f[1] == "info"] == [
        ("monthly_out_of_line", "info", "2021-06_bao-cao-kiem-diem-6-thang-dau-nam.txt", "278,8")]
    outcomes = dict(query(two_years, """
        select document, outcome from checks.chk_monthly_outliers
        where measure_code = 'budget_revenue' and plan_year = 2023"""))
    # April 2023's 760.000 (190 tỷ a month after 2022's 348) is an ordinary change
    assert outcomes["2023-04_thong-bao-ket-luan-phien-hop-thang-4.txt"] == "in_line"
    assert outcomes["2023-05_thong-bao-ket-luan-phien-hop-thang-5.txt"] == "in_line"


def test_second_year_gaps(two_years):
    rows = set(query(two_years, "select outcome, measure_code, printed_text from checks.chk_monthly_gaps"))
    assert {("month_without_report", None, m) for m in ("06/2023", "07/2023", "08/2023")} <= rows
    assert ("month_without_report", None, "05/2023") not in rows
    # new enterprises are in the April notices (04/2022, 04/2023, 05/2023), not in the last two reports
    stopped = {r[1]: r[2] for r in rows if r[0] == "indicator_stopped"}
    assert stopped.get("new_enterprises") == "05/2023"
    assert "budget_revenue" not in stopped


def test_band_and_history_settings_agree_with_the_models():
    sql = (settings.PROJECT_DIR / "models" / "marts" / "fct_period_progress.sql").read_text(encoding="utf-8")
    assert f"env_var('KTXH_PROGRESS_BAND_PP', '{settings.DEFAULT_PROGRESS_BAND_PP}')" in sql
    sql = (settings.PROJECT_DIR / "models" / "intermediate" / "int_expected_progress.sql").read_text(encoding="utf-8")
    assert f"env_var('KTXH_PROGRESS_MIN_YEARS', '{settings.DEFAULT_PROGRESS_MIN_YEARS}')" in sql
