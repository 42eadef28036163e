"""No silent drops between prose and plan: a figure whose unit cannot be converted to its
measure's catalog unit keeps its row (with no plan) and becomes a finding; the count units of
the catalog (hộ, xã, Trường, Bác sỹ, giường bệnh) convert."""

from __future__ import annotations

from .conftest import findings, query


def test_count_units_reach_their_plan(real_2022):
    rows = query(real_2022.db, """
        select indicator_code, value::double, unit, plan_value::double, round(pct_of_plan, 2)::double
        from marts.fct_period_progress where plan_source = 'appendix' and plan_unit_converted
            and indicator_code in ('hospital_beds_per_10k', 'new_rural_pilot_communes_added',
                                   'livestock_out_of_stilt_houses_added', 'national_standard_schools_added')""")
    # 2022 report: "35 giường, đạt 100% kế hoạch" against KH 35 (giường bệnh); "5 xã, đạt 100%"
    # against KH 5 (xã); "2.215 hộ, đạt 100% KH" (hộ); "mới 10 trường ... đạt 166,7%" against KH 6 (Trường)
    assert ("hospital_beds_per_10k", 35.0, "giường", 35.0, 100.0) in rows
    assert ("new_rural_pilot_communes_added", 5.0, "xã", 5.0, 100.0) in rows
    assert ("livestock_out_of_stilt_houses_added", 2215.0, "hộ", 2215.0, 100.0) in rows
    assert ("national_standard_schools_added", 10.0, "trường", 6.0, 166.67) in rows


def test_a_unit_without_conversion_is_a_finding_not_a_drop(real_2022):
    # "15 bác sỹ/vạn dân" (line 40) against the catalog's unit "Bác sỹ": no conversion row
    kept = query(real_2022.db, """
        select value::double, unit, plan_value, plan_unit_converted from marts.fct_period_progress
        where plan_source = 'appendix' and indicator_code = 'doctors_per_10k'""")
    assert kept == [(15.0, "bác sỹ/vạn dân", None, False)]
    assert ("unit_not_convertible", "warning", "doctors_per_10k", "unit", "15") in findings(real_2022.db)
    # every figure left without a plan for want of a conversion has its finding
    unflagged = query(real_2022.db, """
        select p.document, p.fact_no from marts.fct_period_progress as p
        where p.plan_source = 'appendix' and not p.plan_unit_converted
          and not exists (select 1 from checks.findings as f
                          where f.check_name = 'unit_not_convertible' and f.document = p.document
                            and f.measure_code = p.indicator_code)""")
    assert unflagged == []
    # nor is it reported as a disagreement with the plan
    assert [f for f in findings(real_2022.db, "check_name = 'prose_plan_mismatch'")] == []
