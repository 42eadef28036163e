"""A plan stated in a plan document is that year's plan beside the appendix's KH (issue 10, point 5)."""

from __future__ import annotations

import shutil
from pathlib import Path

from .conftest import ANNUAL_REPORT, query, run_cli

RESOLUTION = Path(__file__).parent / "fixtures" / "prose_plan_documents" / "04_cao-bang_2022-12_nghi-quyet-ke-hoach-2023.txt"
RECONCILED = ("select measure_code, value_printed, appendix_plan_printed, plan_source, agrees "
              "from marts.fct_plan_reconciliation where document = ? order by measure_code")


def test_a_resolutions_plan_is_reconciled_with_the_appendixs_kh_of_its_year(tmp_path):
    db = tmp_path / "ktxh.duckdb"
    assert run_cli(db, "ingest", str(ANNUAL_REPORT), str(RESOLUTION), "--area", "04") == 0
    assert run_cli(db, "build") == 0
    figures = query(db, "select printed, indicator_code, value_type, period_year, period_kind, document_kind "
                        "from marts.fct_reported_figures where document = ? order by fact_no", [RESOLUTION.name])
    assert figures == [
        ("8", "grdp_growth", "plan", 2023, "year", "council_resolution"),
        ("43,97", "grdp_per_capita", "plan", 2023, "year", "council_resolution"),
        ("638", "trade_total", "plan", 2023, "year", "council_resolution"),
        ("2.838", "budget_revenue", "plan", 2023, "year", "council_resolution"),
    ]
    # the 2022 appendix's "KH 2023" column is the plan of 2023 (there is no 2023 appendix)
    assert query(db, RECONCILED, [RESOLUTION.name]) == [
        ("budget_revenue", "2.838", "2.838", "plan_document", True),
        ("grdp_growth", "8", "8,00", "plan_document", True),
        ("grdp_per_capita", "43,97", "43,97", "plan_document", True),
        ("trade_total", "638", "638,0", "plan_document", True),
    ]
    assert query(db, "select count(*) from marts.fct_period_progress where plan_source = 'plan_document'")[0][0] == 0


def test_a_resolution_that_disagrees_with_the_appendix_is_a_finding(tmp_path):
    planted = tmp_path / RESOLUTION.name
    planted.write_text(RESOLUTION.read_text(encoding="utf-8").replace("đạt 2.838 tỷ đồng", "đạt 2.950 tỷ đồng"), encoding="utf-8")
    db = tmp_path / "ktxh.duckdb"
    assert run_cli(db, "ingest", str(ANNUAL_REPORT), str(planted), "--area", "04") == 0
    assert run_cli(db, "build") == 0
    rows = query(db, RECONCILED, [planted.name])
    assert ("budget_revenue", "2.950", "2.838", "plan_document", False) in rows
    run_cli(db, "check")
    findings = query(db, "select check_name, measure_code, document from checks.findings where check_name = 'prose_plan_mismatch'")
    assert ("prose_plan_mismatch", "budget_revenue", planted.name) in findings
