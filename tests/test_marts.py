"""marts.fct_plan_attainment and the scorecard against the 2022 appendix as printed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ingest.numbers import parse_vn_number

from .conftest import query

# Every value cell of the 2022 appendix (Báo cáo 2960/BC-UBND, Phụ lục), copied from the document:
# measure code: Thực hiện 2021 | KH 2022 | Ước TH 2022 | KH 2023
APPENDIX_2022 = """
grdp_growth                          | 3,34      | 8,00  | 5,55      | 8,00
grdp_growth_agriculture              | 3,97      | 3,07  | 2,74      | 3,10
grdp_growth_industry_construction    | 0,17      | 11,43 | 9,17      | 11,71
grdp_growth_industry                 | -3,21     | 13,22 | 19,85     | 14,25
grdp_growth_construction             | 2,14      | 10,40 | 3,25      | 10,08
grdp_growth_services                 | 4,16      | 8,50  | 5,04      | 8,35
grdp_growth_product_taxes            | 7,19      | 8,70  | 8,32      | 8,40
grdp_per_capita                      | 37,18     | 40,30 | 39,48     | 43,97
crop_aquaculture_value_per_ha        | 42,0      | 44,0  | 44,0      | 46,0
trade_total                          | 800,5     | 631   | 820,0     | 638,0
trade_imports                        | 178,6     | 125   | 600,0     | 396,0
trade_exports                        | 336,2     | 301   | 120,0     | 132,0
trade_monitored_goods                | 285,7     | 205   | 100,0     | 110,0
budget_revenue                       | 1.949,545 | 2.018 | 4.180     | 2.838
budget_revenue_customs               | 436       | 230   | 2.600     | 1.200
budget_revenue_domestic              | 1.494,686 | 1.788 | 1.575,205 | 1.638
budget_revenue_land_use              | 181       | 500   | 350       | 500
budget_revenue_lottery               | 14        | 15    | 15        | 15
social_investment_growth             | -18,0     | 11,0  | 23,3      | 11,0
district_commune_road_paved_share    | 75,0      | 77,5  | 77,5      | 82,5
commune_centre_road_paved_share      | 96,9      | 98,0  | 98,8      | 99,38
national_standard_schools_added      | 9         | 6     | 10        | 6
doctors_per_10k                      | 15,00     | 15,00 | 15,0      | 15,0
commune_health_standard_share        | 80,1      | 69,6  | 80,1      | 82,0
hospital_beds_per_10k                | 34,9      | 35,0  | 35,0      | 35,0
health_insurance_coverage            | 94,5      | 95,4  | 95,4      | 97,0
cultural_families_share              | 85,5      | 85,0  | 85,0      | 85,0
cultural_agencies_share              | 95        | 95,0  | 95,0      | 95,0
cultural_residential_areas_share     | 81,4      | 57,0  | 57,0      | 58,0
poverty_rate_reduction               | 4,03      | 4,0   | 4,0       | 4,0
trained_labour_share                 | 46,6      | 48,2  | 48,2      | 50,0
vocational_trained_share             | 34,4      | 35,8  | 35,8      | 37,4
urban_unemployment_rate              | 3,45      | 3,35  | 3,35      | 3,25
new_rural_pilot_communes_added       | 6         | 5     | 5         | 5
new_rural_communes_recognised        | 0         | 5     | 0         | 3
forest_cover                         | 55,88     | 57,19 | 57,19     | 57,83
urban_clean_water_share              | 85,0      | 86,0  | 86,0      | 86,5
rural_hygienic_water_share           | 91,0      | 92,0  | 92,0      | 93,0
livestock_out_of_stilt_houses_added  | 2.600     | 2.215 | 2.215     | 1.909
urban_solid_waste_treated_share      | 83,0      | 85,0  | 85,0      | 87,0
polluting_facilities_treated_share   | 87,5      | 87,5  | 87,5      | 87,5
"""


def expected_rows() -> dict[str, tuple]:
    rows = {}
    for line in APPENDIX_2022.strip().splitlines():
        code, *printed = (part.strip() for part in line.split("|"))
        rows[code] = tuple((parse_vn_number(p).value, parse_vn_number(p).decimals) for p in printed)
    return rows


@pytest.fixture(scope="module")
def attainment(built_warehouse):
    rows = query(built_warehouse, """
        select measure_code, prior_actual, prior_actual_decimals, plan, plan_decimals, estimate, estimate_decimals,
               next_plan, next_plan_decimals, pct_of_prior, pct_of_plan, next_plan_pct_of_estimate, pp_vs_plan,
               status, area_code, plan_year, document, source_ref
        from marts.fct_plan_attainment""")
    return {r[0]: r for r in rows}


def test_every_value_cell_of_the_2022_appendix_is_in_the_mart_exactly(attainment):
    expected = expected_rows()
    assert len(expected) == 41 and set(attainment) == set(expected)
    for code, cells in expected.items():
        row = attainment[code]
        got = ((row[1], row[2]), (row[3], row[4]), (row[5], row[6]), (row[7], row[8]))
        assert got == cells, code


def test_grdp_per_capita(attainment):
    row = attainment["grdp_per_capita"]
    assert (row[14], row[15]) == ("04", 2022)
    assert round(row[10], 2) == Decimal("97.97") and row[13] == "missed"  # 39,48 / 40,30 = 97,97% of plan
    assert round(row[9], 1) == Decimal("106.2") and round(row[11], 1) == Decimal("111.4")  # as the appendix prints
    assert row[16] == "2022-11_bao-cao-kt-xh-2022-phuong-huong-2023.txt" and row[17] == "line 786"


def test_growth_rates_compare_in_points(attainment):
    grdp = attainment["grdp_growth"]
    assert grdp[12] == Decimal("-2.45") and grdp[13] == "missed"  # "thấp hơn 2,45 điểm phần trăm so với KH"
    investment = attainment["social_investment_growth"]
    assert investment[12] == Decimal("12.3") and investment[13] == "exceeded"  # "vượt 12,3 điểm phần trăm"
    # the appendix fills the ratio columns of a growth rate with the index (100 + g): 123,3 and 111,1
    assert round(investment[9], 1) == Decimal("123.3") and round(investment[10], 1) == Decimal("111.1")


def test_lower_is_better_and_equal_at_printed_precision(attainment):
    assert attainment["urban_unemployment_rate"][13] == "met"  # 3,35 against a plan of 3,35 ("dưới")
    assert attainment["doctors_per_10k"][13] == "met"  # 15,0 against 15,00
    assert attainment["forest_cover"][12] == Decimal("0") and attainment["forest_cover"][13] == "met"
    assert attainment["trade_exports"][13] == "missed"  # 120,0 against 301
    assert attainment["commune_health_standard_share"][12] == Decimal("10.5")  # "vượt 10,5 điểm phần trăm"


def test_rates_get_points_levels_do_not(attainment):
    assert attainment["budget_revenue"][12] is None
    assert round(attainment["budget_revenue"][10], 1) == Decimal("207.1")  # "bằng 207,1% KH"
    assert round(attainment["trade_total"][10], 0) == 130  # "đạt 130% KH"


def test_scorecard_under_both_rules(built_warehouse):
    rows = {r[0]: r[1:] for r in query(built_warehouse, """
        select rule, indicators_assessed, indicators_met, indicators_missed, missed_measures
        from marts.fct_plan_scorecard where area_code = '04' and plan_year = 2022""")}
    # The report claims "13/17 chỉ tiêu đạt và vượt"; neither rule gives 13.
    assert rows["headline"][:3] == (17, 14, [1, 2, 13])
    assert rows["headline"][3] == ["grdp_growth", "grdp_per_capita", "new_rural_communes_recognised"]
    assert rows["all_measures"][:3] == (17, 12, [1, 2, 4, 5, 13])
    assert {"trade_exports", "trade_monitored_goods", "budget_revenue_domestic", "budget_revenue_land_use"} <= set(
        rows["all_measures"][3])


def test_descriptions_are_persisted_as_comments(built_warehouse):
    comments = dict(query(built_warehouse, """
        select column_name, comment from duckdb_columns()
        where schema_name = 'marts' and table_name = 'fct_plan_attainment'"""))
    assert all(comments.values()), [c for c, v in comments.items() if not v]
    assert "percentage points" in comments["pp_vs_plan"]
