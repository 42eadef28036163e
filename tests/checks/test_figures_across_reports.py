"""Warnings and facts (exit 0): inconsistent figures within a table, growth-rate conventions,
continuity between two years' reports and disagreement between two documents of one year.

One warehouse holds three synthetic documents, all from the 2022 appendix (ratios corrected):
  bieu_2022_a.md  the 2022 table with the faults below, loaded first;
  bieu_2022_b.md  the same table as a second document (the department's copy), loaded last,
                  so it is the authoritative one, differing from the first in a few figures;
  bieu_2023.md    the 2023 table: TH 2022 = ước TH 2022, KH 2023 = the 2022 table's KH 2023,
                  with the continuity faults below.
"""

from __future__ import annotations

import time

import pytest

from .conftest import AppendixText, findings, ingest_build_check, query

TRADE_EXPORTS = "Kim ngạch xuất khẩu hàng hóa trên địa bàn"
LAND_USE = "Thu từ tiền sử dụng đất"
FOREST = "Tỷ lệ che phủ rừng"
SCHOOLS = "Xây dựng trường chuẩn quốc gia tăng thêm"
GRDP = "Tốc độ tăng trưởng GRDP"
AGRICULTURE = "Nông, lâm nghiệp, thủy sản"
SERVICES = "Dịch vụ"
PRODUCT_TAXES = "Thuế sản phẩm trừ trợ cấp sản phẩm"
CONSTRUCTION = "Xây dựng"


def table_2022() -> AppendixText:
    appendix = AppendixText.clean_2022()
    # complete breakdown: KH 2022 exports 311 (was 301): 125 + 311 + 205 = 641, total printed 631
    appendix.set(TRADE_EXPORTS, "plan", "311").set(TRADE_EXPORTS, "pct_of_plan", "38,6")  # 120,0 / 311 = 38,59
    # "trong đó": KH 2022 land-use fees 1.800 (was 500): 1.800 + 15 = 1.815 > domestic revenue 1.788
    appendix.set(LAND_USE, "plan", "1.800").set(LAND_USE, "pct_of_plan", "19,4")  # 350 / 1.800 = 19,44
    # a rate above 100 %: KH 2022 forest cover 105,00
    appendix.set(FOREST, "plan", "105,00").set(FOREST, "pct_of_plan", "54,5")  # 57,19 / 105,00 = 54,47
    # a negative count: KH 2022 schools -6
    appendix.set(SCHOOLS, "plan", "-6").set(SCHOOLS, "pct_of_plan", "-166,7")  # 10 / -6 = -166,67
    # growth rates: GRDP 150,0 matches no convention (5,55 / 8,00 = 69,4; (100 + 5,55) / (100 + 8,00) = 97,7)
    appendix.set(GRDP, "pct_of_plan", "150,0")
    # agriculture 99,7 is the growth index: (100 + 2,74) / (100 + 3,07) x 100 = 99,68
    appendix.set(AGRICULTURE, "pct_of_plan", "99,7")
    return appendix


def table_2022_department_copy() -> AppendixText:
    appendix = table_2022()
    appendix.set(SERVICES, "plan", "8,05")  # the first document prints 8,50
    appendix.set(PRODUCT_TAXES, "prior_actual", "")  # the first prints 7,19
    appendix.set(CONSTRUCTION, "plan", "10,4")  # the first prints 10,40: the same figure
    return appendix


def table_2023() -> AppendixText:
    appendix = table_2022_department_copy().next_year()
    appendix.set(FOREST, "plan", "57,90")  # the 2022 report gave KH 2023 as 57,83
    appendix.set("GRDP bình quân đầu người", "prior_actual", "39,52")  # the 2022 estimate was 39,48: a final figure
    appendix.set(GRDP, "plan", "8,0")  # 8,00 in the 2022 report: the same figure
    appendix.set("Giảm tỷ lệ hộ nghèo", "prior_actual", "4,00")  # 4,0 in the 2022 report: the same figure
    return appendix


@pytest.fixture(scope="module")
def years(tmp_path_factory):
    folder = tmp_path_factory.mktemp("years")
    first = table_2022().write(folder / "bieu_2022_a.md")
    second = table_2022_department_copy().write(folder / "bieu_2022_b.md")
    later = table_2023().write(folder / "bieu_2023.md")
    from .conftest import ktxh

    db = folder / "ktxh.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KTXH_DB", str(db))
        assert ktxh("ingest", str(first))[0] == 0
    time.sleep(1.1)  # load times are kept to the second: the copy is loaded later, so it is authoritative
    return ingest_build_check(db, second, later)


def test_warnings_and_info_only_exit_zero(years):
    assert years.build_code == 0
    assert years.check_code == 0
    assert findings(years.db, "severity = 'error'") == []
    # every warning, each made on purpose above; the tests below look at them one check at a time
    assert [(check, measure) for check, _, measure, _, _ in findings(years.db, "severity = 'warning'")] == [
        ("cross_document", "grdp_growth_product_taxes"), ("cross_document", "grdp_growth_services"),
        ("negative_value", "national_standard_schools_added"), ("parts_exceed_total", "budget_revenue_domestic"),
        ("parts_sum", "trade_total"), ("plan_continuity", "forest_cover"), ("printed_ratio", "grdp_growth"),
        ("rate_out_of_range", "forest_cover"),
    ]
    assert "0 errors, 8 warnings" in years.check_output


def test_complete_breakdown_must_add_up_and_partial_must_not_exceed(years):
    assert findings(years.db, "check_name in ('parts_sum', 'parts_exceed_total')") == [
        ("parts_exceed_total", "warning", "budget_revenue_domestic", "plan", "1.788"),  # 1.800 + 15 > 1.788
        ("parts_sum", "warning", "trade_total", "plan", "631"),  # 125 + 311 + 205 = 641; [639,5; 642,5] misses [630,5; 631,5]
    ]
    [(low, high)] = query(years.db, "select expected_low, expected_high from checks.findings where check_name = 'parts_sum'")
    assert (low, high) == (pytest.approx(639.5), pytest.approx(642.5))


def test_rates_within_0_100_and_counts_not_negative(years):
    assert findings(years.db, "check_name in ('rate_out_of_range', 'negative_value')") == [
        ("negative_value", "warning", "national_standard_schools_added", "plan", "-6"),
        ("rate_out_of_range", "warning", "forest_cover", "plan", "105,00"),
    ]
    [(low, high)] = query(years.db, "select expected_low, expected_high from checks.findings where check_name = 'rate_out_of_range'")
    assert (low, high) == (0, 100)


def test_growth_rate_ratio_matching_a_convention_is_info_otherwise_a_warning(years):
    assert findings(years.db, "measure_code like 'grdp_growth%' and check_name in ('printed_ratio', 'growth_index_convention')") == [
        ("growth_index_convention", "info", "grdp_growth_agriculture", "pct_of_plan", "99,7"),
        ("printed_ratio", "warning", "grdp_growth", "pct_of_plan", "150,0"),
    ]
    [(message,)] = query(years.db, "select message_vi from checks.findings where measure_code = 'grdp_growth' and check_name = 'printed_ratio'")
    # 5,545 / 8,005 = 69,27 .. 5,555 / 7,995 = 69,48;  105,545 / 108,005 = 97,72 .. 105,555 / 107,995 = 97,74
    assert "5,55 / 8,00 × 100 = 69,27–69,48" in message and "(100 + 5,55) / (100 + 8,00) × 100 = 97,72–97,74" in message


def test_plan_year_kh_against_the_previous_reports_kh_nam_sau(years):
    # KH 2023 of forest cover: 57,90 in the 2023 report, 57,83 in the 2022 report. GRDP growth 8,0 against 8,00
    # and every other measure agree, so they are not reported.
    assert findings(years.db, "check_name = 'plan_continuity'") == [
        ("plan_continuity", "warning", "forest_cover", "plan", "57,90")]
    [(year, document, low, high, message)] = query(years.db, """select plan_year, document, expected_low, expected_high, message_vi
        from checks.findings where check_name = 'plan_continuity'""")
    assert (year, document) == (2023, "bieu_2023.md")
    assert (low, high) == (pytest.approx(57.825), pytest.approx(57.835))
    assert "bieu_2022_b.md" in message and "57,83" in message


def test_prior_actual_is_the_previous_estimate_or_a_later_final_figure(years):
    assert findings(years.db, "check_name = 'actual_revised'") == [
        ("actual_revised", "info", "grdp_per_capita", "prior_actual", "39,52")]
    outcomes = dict(query(years.db, """select outcome, count(*) from checks.chk_continuity
        where figure = 'prior_actual' group by outcome"""))
    assert outcomes == {"later_final_figure": 1, "same_as_estimate": 40}  # 41 measures; poverty 4,00 = 4,0 among the same


def test_two_documents_of_the_same_year_disagreeing(years):
    got = query(years.db, """select measure_code, figure, document, printed_text, message_en from checks.findings
        where check_name = 'cross_document' order by measure_code""")
    assert [row[:4] for row in got] == [
        ("grdp_growth_product_taxes", "prior_actual", "bieu_2022_a.md", "7,19"),
        ("grdp_growth_services", "plan", "bieu_2022_a.md", "8,50"),
    ]
    assert "but bieu_2022_b.md prints '8,05'" in got[1][4]
    assert "but bieu_2022_b.md prints ''" in got[0][4]
    # 10,40 against 10,4 is the same figure printed with another precision
    assert query(years.db, """select outcome from checks.chk_cross_document
        where measure_code = 'grdp_growth_construction' and figure = 'plan'""") == [("same",)]
