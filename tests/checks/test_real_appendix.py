"""`ktxh check` on the real 2022 appendix (Báo cáo 2960/BC-UBND, Phụ lục): exactly the
inconsistencies verified by hand, and nothing that rounding explains.

A printed figure stands for the interval of values that round to it (181 for [180,5; 181,5],
57,19 for [57,185; 57,195]); a ratio's interval is computed from its operands' intervals and
a printed ratio is flagged only when its own interval cannot meet that one.
"""

from __future__ import annotations

import pytest

from .conftest import findings, query

# Every printed ratio of the appendix (83: 29 in column 7=6/4, 34 in 8=6/5, 20 in 10=9/6), by hand.
# measure, column, printed, outcome  # operands as printed; the quotient; the interval the operands allow
PRINTED_RATIOS = [
    ("grdp_per_capita", "pct_of_prior", "106,2", "consistent"),  # 39,48 / 37,18 = 106,186; [106,158; 106,214]
    ("grdp_per_capita", "pct_of_plan", "97,97", "consistent"),  # 39,48 / 40,30 = 97,965; [97,941; 97,990] meets [97,965; 97,975]
    ("grdp_per_capita", "next_plan_pct_of_estimate", "111,4", "consistent"),  # 43,97 / 39,48 = 111,373; [111,346; 111,400]
    ("crop_aquaculture_value_per_ha", "pct_of_prior", "104,8", "consistent"),  # 44,0 / 42,0 = 104,762; [104,518; 105,006]
    ("crop_aquaculture_value_per_ha", "pct_of_plan", "100,0", "consistent"),  # 44,0 / 44,0 = 100; [99,773; 100,228]
    ("crop_aquaculture_value_per_ha", "next_plan_pct_of_estimate", "104,5", "consistent"),  # 46,0 / 44,0 = 104,545
    ("trade_total", "pct_of_prior", "102,4", "consistent"),  # 820,0 / 800,5 = 102,436
    ("trade_total", "pct_of_plan", "130,0", "consistent"),  # 820,0 / 631 = 129,952; [129,842; 130,063] (631 is ±0,5)
    ("trade_total", "next_plan_pct_of_estimate", "77,8", "consistent"),  # 638,0 / 820,0 = 77,805
    # rounding explains it: 600,0 / 178,6 = 335,946 would print 335,9 or 336,0; [335,824; 336,068] meets [335,85; 335,95]
    ("trade_imports", "pct_of_prior", "335,9", "consistent"),
    ("trade_imports", "pct_of_plan", "480,0", "consistent"),  # 600,0 / 125 = 480; [478,048; 481,968]
    ("trade_imports", "next_plan_pct_of_estimate", "66,0", "consistent"),  # 396,0 / 600,0 = 66
    ("trade_exports", "pct_of_prior", "35,7", "consistent"),  # 120,0 / 336,2 = 35,693
    ("trade_exports", "pct_of_plan", "39,9", "consistent"),  # 120,0 / 301 = 39,867; [39,784; 39,950]
    ("trade_exports", "next_plan_pct_of_estimate", "110,0", "consistent"),  # 132,0 / 120,0 = 110
    ("trade_monitored_goods", "pct_of_prior", "35,0", "consistent"),  # 100,0 / 285,7 = 35,002
    ("trade_monitored_goods", "pct_of_plan", "48,8", "consistent"),  # 100,0 / 205 = 48,780
    ("trade_monitored_goods", "next_plan_pct_of_estimate", "110,0", "consistent"),  # 110,0 / 100,0 = 110
    ("budget_revenue", "pct_of_prior", "214,4", "consistent"),  # 4.180 / 1.949,545 = 214,409; [214,383; 214,435]
    ("budget_revenue", "pct_of_plan", "207,1", "consistent"),  # 4.180 / 2.018 = 207,136
    ("budget_revenue", "next_plan_pct_of_estimate", "67,9", "consistent"),  # 2.838 / 4.180 = 67,895
    # rounding explains it: 2.600 / 436 = 596,330, but 436 stands for [435,5; 436,5]: [595,533; 597,130] holds 596,8
    ("budget_revenue_customs", "pct_of_prior", "596,8", "consistent"),
    ("budget_revenue_customs", "pct_of_plan", "1.130,4", "consistent"),  # 2.600 / 230 = 1.130,435
    ("budget_revenue_customs", "next_plan_pct_of_estimate", "46,2", "consistent"),  # 1.200 / 2.600 = 46,154
    ("budget_revenue_domestic", "pct_of_prior", "105,4", "consistent"),  # 1.575,205 / 1.494,686 = 105,387
    ("budget_revenue_domestic", "pct_of_plan", "88,1", "consistent"),  # 1.575,205 / 1.788 = 88,099
    ("budget_revenue_domestic", "next_plan_pct_of_estimate", "104,0", "consistent"),  # 1.638 / 1.575,205 = 103,986
    # rounding explains it: 350 / 181 = 193,370; [349,5/181,5; 350,5/180,5] = [192,562; 194,183] holds 193,8
    ("budget_revenue_land_use", "pct_of_prior", "193,8", "consistent"),
    ("budget_revenue_land_use", "pct_of_plan", "70,0", "consistent"),  # 350 / 500 = 70
    ("budget_revenue_land_use", "next_plan_pct_of_estimate", "142,9", "consistent"),  # 500 / 350 = 142,857
    # rounding explains it: 15 / 14 = 107,143, but [14,5/14,5; 15,5/13,5] = [100,000; 114,815] holds 103,8
    ("budget_revenue_lottery", "pct_of_prior", "103,8", "consistent"),
    ("budget_revenue_lottery", "pct_of_plan", "100,0", "consistent"),  # 15 / 15; [93,548; 106,897]
    ("budget_revenue_lottery", "next_plan_pct_of_estimate", "100,0", "consistent"),  # 15 / 15
    # growth rate: 23,3 / -18,0 = -129,4 matches nothing plain; the index 100 + 23,3 = [123,25; 123,35] does
    ("social_investment_growth", "pct_of_prior", "123,3", "growth_index"),
    # growth rate: 23,3 / 11,0 = 211,8 no; (100 + 23,3) / (100 + 11,0) = 111,081; [110,986; 111,176] holds 111,1
    ("social_investment_growth", "pct_of_plan", "111,1", "growth_index"),
    ("district_commune_road_paved_share", "pct_of_prior", "103,3", "consistent"),  # 77,5 / 75,0 = 103,333
    ("district_commune_road_paved_share", "pct_of_plan", "100,0", "consistent"),  # 77,5 / 77,5
    ("commune_centre_road_paved_share", "pct_of_prior", "102,0", "consistent"),  # 98,8 / 96,9 = 101,961; [101,857; 102,065]
    # REAL: 98,8 / 98,0 = 100,816; [98,75/98,05; 98,85/97,95] = [100,714; 100,919]; printed [99,95; 100,05]
    ("commune_centre_road_paved_share", "pct_of_plan", "100,0", "inconsistent"),
    ("national_standard_schools_added", "pct_of_prior", "111,1", "consistent"),  # 10 / 9 = 111,111
    ("national_standard_schools_added", "pct_of_plan", "166,7", "consistent"),  # 10 / 6 = 166,667
    ("national_standard_schools_added", "next_plan_pct_of_estimate", "60,0", "consistent"),  # 6 / 10 = 60
    ("doctors_per_10k", "pct_of_prior", "100,0", "consistent"),  # 15,0 / 15,00
    ("doctors_per_10k", "pct_of_plan", "100,0", "consistent"),  # 15,0 / 15,00
    ("doctors_per_10k", "next_plan_pct_of_estimate", "100,0", "consistent"),  # 15,0 / 15,0
    # REAL: 80,1 / 69,6 = 115,086; [80,05/69,65; 80,15/69,55] = [114,932; 115,241]; printed [113,35; 113,45]
    ("commune_health_standard_share", "pct_of_plan", "113,4", "inconsistent"),
    # REAL: 82,0 / 80,1 = 102,372; [81,95/80,15; 82,05/80,05] = [102,246; 102,498]; printed [103,85; 103,95]
    ("commune_health_standard_share", "next_plan_pct_of_estimate", "103,9", "inconsistent"),
    ("hospital_beds_per_10k", "pct_of_prior", "100,3", "consistent"),  # 35,0 / 34,9 = 100,287
    ("hospital_beds_per_10k", "pct_of_plan", "100,0", "consistent"),  # 35,0 / 35,0
    ("hospital_beds_per_10k", "next_plan_pct_of_estimate", "100,0", "consistent"),  # 35,0 / 35,0
    ("health_insurance_coverage", "pct_of_plan", "100", "consistent"),  # 95,4 / 95,4
    # REAL: 85,0 / 85,5 = 99,415; [84,95/85,55; 85,05/85,45] = [99,299; 99,532]; printed [98,95; 99,05]
    ("cultural_families_share", "pct_of_prior", "99,0", "inconsistent"),
    ("cultural_families_share", "pct_of_plan", "100", "consistent"),  # 85,0 / 85,0
    ("cultural_agencies_share", "pct_of_prior", "100,0", "consistent"),  # 95,0 / 95 (95 is ±0,5): [99,424; 100,582]
    ("cultural_agencies_share", "pct_of_plan", "100", "consistent"),  # 95,0 / 95,0
    ("cultural_residential_areas_share", "pct_of_prior", "70,0", "consistent"),  # 57,0 / 81,4 = 70,025
    ("cultural_residential_areas_share", "pct_of_plan", "100", "consistent"),  # 57,0 / 57,0
    ("poverty_rate_reduction", "pct_of_prior", "99,3", "consistent"),  # 4,0 / 4,03 = 99,256; [97,893; 100,621]
    ("poverty_rate_reduction", "pct_of_plan", "100", "consistent"),  # 4,0 / 4,0
    ("poverty_rate_reduction", "next_plan_pct_of_estimate", "100,0", "consistent"),  # 4,0 / 4,0
    # REAL: 48,2 / 46,6 = 103,433; [48,15/46,65; 48,25/46,55] = [103,215; 103,652]; printed [99,95; 100,05]
    ("trained_labour_share", "pct_of_prior", "100,0", "inconsistent"),
    ("trained_labour_share", "pct_of_plan", "100,0", "consistent"),  # 48,2 / 48,2
    ("trained_labour_share", "next_plan_pct_of_estimate", "103,7", "consistent"),  # 50,0 / 48,2 = 103,734
    # REAL: 35,8 / 34,4 = 104,070; [35,75/34,45; 35,85/34,35] = [103,774; 104,367]; printed [99,95; 100,05]
    ("vocational_trained_share", "pct_of_prior", "100,0", "inconsistent"),
    ("vocational_trained_share", "pct_of_plan", "100,0", "consistent"),  # 35,8 / 35,8
    ("vocational_trained_share", "next_plan_pct_of_estimate", "104,5", "consistent"),  # 37,4 / 35,8 = 104,469
    ("urban_unemployment_rate", "pct_of_prior", "97,1", "consistent"),  # 3,35 / 3,45 = 97,101
    ("urban_unemployment_rate", "pct_of_plan", "100,0", "consistent"),  # 3,35 / 3,35
    ("new_rural_pilot_communes_added", "pct_of_prior", "83,3", "consistent"),  # 5 / 6 = 83,333
    ("new_rural_pilot_communes_added", "pct_of_plan", "100,0", "consistent"),  # 5 / 5
    ("new_rural_pilot_communes_added", "next_plan_pct_of_estimate", "100,0", "consistent"),  # 5 / 5
    ("new_rural_communes_recognised", "pct_of_plan", "0,0", "consistent"),  # 0 / 5 = 0; [-11,111; 11,111]
    ("forest_cover", "pct_of_prior", "102,3", "consistent"),  # 57,19 / 55,88 = 102,344
    ("forest_cover", "pct_of_plan", "100,0", "consistent"),  # 57,19 / 57,19
    ("urban_clean_water_share", "pct_of_plan", "100,0", "consistent"),  # 86,0 / 86,0
    ("rural_hygienic_water_share", "pct_of_prior", "101,1", "consistent"),  # 92,0 / 91,0 = 101,099
    ("rural_hygienic_water_share", "pct_of_plan", "100,0", "consistent"),  # 92,0 / 92,0
    ("livestock_out_of_stilt_houses_added", "pct_of_prior", "85,2", "consistent"),  # 2.215 / 2.600 = 85,192
    ("livestock_out_of_stilt_houses_added", "pct_of_plan", "100,0", "consistent"),  # 2.215 / 2.215
    ("livestock_out_of_stilt_houses_added", "next_plan_pct_of_estimate", "86,2", "consistent"),  # 1.909 / 2.215 = 86,185
    ("urban_solid_waste_treated_share", "pct_of_plan", "100,0", "consistent"),  # 85,0 / 85,0
    ("polluting_facilities_treated_share", "pct_of_prior", "100,0", "consistent"),  # 87,5 / 87,5
    ("polluting_facilities_treated_share", "pct_of_plan", "100,0", "consistent"),  # 87,5 / 87,5
]

# Everything `ktxh check` reports on the 2022 appendix: (check, severity, measure, figure, printed).
EXPECTED_FINDINGS = [
    # the six printed ratios above marked REAL
    ("printed_ratio", "warning", "commune_centre_road_paved_share", "pct_of_plan", "100,0"),
    ("printed_ratio", "warning", "commune_health_standard_share", "pct_of_plan", "113,4"),
    ("printed_ratio", "warning", "commune_health_standard_share", "next_plan_pct_of_estimate", "103,9"),
    ("printed_ratio", "warning", "cultural_families_share", "pct_of_prior", "99,0"),
    ("printed_ratio", "warning", "trained_labour_share", "pct_of_prior", "100,0"),
    ("printed_ratio", "warning", "vocational_trained_share", "pct_of_prior", "100,0"),
    # investment growth's ratio columns carry the growth index
    ("growth_index_convention", "info", "social_investment_growth", "pct_of_prior", "123,3"),
    ("growth_index_convention", "info", "social_investment_growth", "pct_of_plan", "111,1"),
    # estimate / prior beyond the catalog's review factor (3 for these):
    ("large_change", "info", "grdp_growth_industry_construction", "estimate", "9,17"),  # 9,17 / 0,17 = 53,9 > 3
    ("large_change", "info", "grdp_growth_industry", "estimate", "19,85"),  # 19,85 after -3,21: sign changes
    ("large_change", "info", "trade_imports", "estimate", "600,0"),  # 600,0 / 178,6 = 3,36 > 3
    ("large_change", "info", "budget_revenue_customs", "estimate", "2.600"),  # 2.600 / 436 = 5,96 > 3
    ("large_change", "info", "social_investment_growth", "estimate", "23,3"),  # 23,3 after -18,0: sign changes
    # "trong đó" residuals (sum_partial): total minus the parts printed under it
    ("partial_residual", "info", "budget_revenue", "prior_actual", "1.949,545"),  # - 436 - 1.494,686 = 18,859
    ("partial_residual", "info", "budget_revenue", "plan", "2.018"),  # - 230 - 1.788 = 0
    ("partial_residual", "info", "budget_revenue", "estimate", "4.180"),  # - 2.600 - 1.575,205 = 4,795
    ("partial_residual", "info", "budget_revenue", "next_plan", "2.838"),  # - 1.200 - 1.638 = 0
    ("partial_residual", "info", "budget_revenue_domestic", "prior_actual", "1.494,686"),  # - 181 - 14 = 1.299,686
    ("partial_residual", "info", "budget_revenue_domestic", "plan", "1.788"),  # - 500 - 15 = 1.273
    ("partial_residual", "info", "budget_revenue_domestic", "estimate", "1.575,205"),  # - 350 - 15 = 1.210,205
    ("partial_residual", "info", "budget_revenue_domestic", "next_plan", "1.638"),  # - 500 - 15 = 1.123
    ("partial_residual", "info", "trained_labour_share", "prior_actual", "46,6"),  # - 34,4 = 12,2 points
    ("partial_residual", "info", "trained_labour_share", "plan", "48,2"),  # - 35,8 = 12,4
    ("partial_residual", "info", "trained_labour_share", "estimate", "48,2"),  # - 35,8 = 12,4
    ("partial_residual", "info", "trained_labour_share", "next_plan", "50,0"),  # - 37,4 = 12,6
    # prose figures in a unit with no conversion to the catalog's ("Bác sỹ", "giường bệnh"):
    # "15 bác sỹ/vạn dân" (lines 40 and 570), "35 giường bệnh/vạn dân" (line 570)
    ("unit_not_convertible", "warning", "doctors_per_10k", "unit", "15"),
    ("unit_not_convertible", "warning", "doctors_per_10k", "unit", "15"),
    ("unit_not_convertible", "warning", "hospital_beds_per_10k", "unit", "35"),
]


def test_every_printed_ratio_has_the_outcome_worked_out_by_hand(real_2022):
    got = query(real_2022.db, "select measure_code, figure, printed_text, outcome from checks.chk_printed_ratios")
    assert sorted(got) == sorted(PRINTED_RATIOS)
    assert len(got) == 83


def test_findings_are_exactly_the_verified_ones(real_2022):
    assert findings(real_2022.db) == sorted(EXPECTED_FINDINGS, key=repr)


def test_no_structural_error_so_check_exits_zero(real_2022):
    assert real_2022.build_code == 0
    assert real_2022.check_code == 0
    assert "0 errors, 9 warnings, 19 info" in real_2022.check_output


@pytest.mark.parametrize("measure, figure, low, high", [
    ("commune_centre_road_paved_share", "pct_of_plan", 98.75 / 98.05 * 100, 98.85 / 97.95 * 100),
    ("commune_health_standard_share", "pct_of_plan", 80.05 / 69.65 * 100, 80.15 / 69.55 * 100),
    ("commune_health_standard_share", "next_plan_pct_of_estimate", 81.95 / 80.15 * 100, 82.05 / 80.05 * 100),
    ("cultural_families_share", "pct_of_prior", 84.95 / 85.55 * 100, 85.05 / 85.45 * 100),
    ("trained_labour_share", "pct_of_prior", 48.15 / 46.65 * 100, 48.25 / 46.55 * 100),
    ("vocational_trained_share", "pct_of_prior", 35.75 / 34.45 * 100, 35.85 / 34.35 * 100),
])
def test_a_ratio_warning_gives_the_interval_the_operands_allow(real_2022, measure, figure, low, high):
    [(got_low, got_high, document, message_vi, message_en)] = query(real_2022.db, f"""
        select expected_low, expected_high, document, message_vi, message_en from checks.findings
        where check_name = 'printed_ratio' and measure_code = '{measure}' and figure = '{figure}'""")
    assert got_low == pytest.approx(low, rel=1e-12) and got_high == pytest.approx(high, rel=1e-12)
    assert document == "2022-11_bao-cao-kt-xh-2022-phuong-huong-2023.txt"
    assert "làm tròn không giải thích được" in message_vi and "rounding cannot explain" in message_en


def test_totals_add_up_and_growth_index_interval(real_2022):
    # trade: 178,6 + 336,2 + 285,7 = 800,5; 125 + 301 + 205 = 631; 600,0 + 120,0 + 100,0 = 820,0; 396,0 + 132,0 + 110,0 = 638,0
    assert query(real_2022.db, "select figure, outcome from checks.chk_totals where measure_code = 'trade_total' order by figure") == [
        ("estimate", "adds_up"), ("next_plan", "adds_up"), ("plan", "adds_up"), ("prior_actual", "adds_up")]
    [(low, high)] = query(real_2022.db, """select expected_low, expected_high from checks.findings
        where check_name = 'growth_index_convention' and figure = 'pct_of_plan'""")
    assert (low, high) == (pytest.approx(123.25 / 111.05 * 100), pytest.approx(123.35 / 110.95 * 100))


def test_messages_are_in_both_languages_and_nfc(real_2022):
    import unicodedata

    rows = query(real_2022.db, "select message_vi, message_en from checks.findings")
    assert len(rows) == len(EXPECTED_FINDINGS)
    for vi, en in rows:
        assert vi and en and vi != en
        assert unicodedata.is_normalized("NFC", vi)


def test_data_docs_are_written_and_their_path_printed(real_2022):
    site = real_2022.db.parent / "checks_site"
    assert f"Data Docs: {site / 'index.html'}" in real_2022.check_output
    index = (site / "index.html").read_text(encoding="utf-8")
    for suite in ("printed_ratios", "totals_and_parts", "appendix_structure", "plausibility"):
        assert suite in index
    pages = list((site / "validations" / "printed_ratios").rglob("*.html"))
    page = pages[0].read_text(encoding="utf-8") if len(pages) == 1 else ""
    assert "04/2022 commune_health_standard_share pct_of_plan (line 811)" in page
