"""Structural faults are errors and make `ktxh check` (and `ktxh run`) exit 1; a consistent
table exits 0.  Every table here is the 2022 appendix with its six inconsistent ratios
corrected (conftest.CORRECTIONS_2022), then changed as each test says."""

from __future__ import annotations

import pytest

from ktxh import cli

from .conftest import AppendixText, findings, ingest_build_check, ktxh, query

ERRORS_AND_WARNINGS = "severity <> 'info'"


def test_a_consistent_table_has_no_error_and_no_warning(tmp_path):
    appendix = AppendixText.clean_2022()
    # units may add a per-what, and y / i spellings are one unit
    appendix.set("GRDP bình quân đầu người", "unit", "Triệu đồng/người")
    appendix.set("Số bác sỹ/1 vạn dân", "unit", "Bác sĩ")
    checked = ingest_build_check(tmp_path / "ktxh.duckdb", appendix.write(tmp_path / "bieu_2022.md"))
    assert (checked.build_code, checked.check_code) == (0, 0)
    assert findings(checked.db, ERRORS_AND_WARNINGS) == []
    # the rounding-explained ratios of the real table are still there, and pass
    assert query(checked.db, """select measure_code, printed_text, outcome from checks.chk_printed_ratios
        where measure_code in ('budget_revenue_customs', 'budget_revenue_lottery', 'trade_imports') and figure = 'pct_of_prior'
        order by 1""") == [("budget_revenue_customs", "596,8", "consistent"), ("budget_revenue_lottery", "103,8", "consistent"),
                           ("trade_imports", "335,9", "consistent")]
    assert "0 errors, 0 warnings" in checked.check_output


def test_an_indicator_missing_for_the_year_is_an_error(tmp_path):
    appendix = AppendixText.clean_2022().drop("Số hộ chăn nuôi đưa gia súc ra khỏi gầm sàn tăng thêm")  # indicator 16
    checked = ingest_build_check(tmp_path / "ktxh.duckdb", appendix.write(tmp_path / "bieu_2022.md"))
    assert checked.build_code == 0 and checked.check_code == 1
    assert findings(checked.db, ERRORS_AND_WARNINGS) == [
        ("indicator_missing", "error", "livestock_out_of_stilt_houses_added", "indicator", None)]
    [(message,)] = query(checked.db, "select message_vi from checks.findings where check_name = 'indicator_missing'")
    assert message.startswith("Chỉ tiêu 16 «Số hộ chăn nuôi đưa gia súc ra khỏi gầm sàn tăng thêm» không có số liệu")
    assert "1 errors" in checked.check_output


def test_a_sub_row_missing_is_only_noted(tmp_path):
    appendix = AppendixText.clean_2022().drop("Tỷ lệ dân số tham gia bảo hiểm y tế")
    checked = ingest_build_check(tmp_path / "ktxh.duckdb", appendix.write(tmp_path / "bieu_2022.md"))
    assert checked.check_code == 0
    assert findings(checked.db, "check_name = 'measure_missing'") == [("measure_missing", "info", "health", "measure", None)]


def test_a_unit_that_disagrees_with_the_catalog_is_an_error(tmp_path):
    appendix = AppendixText.clean_2022().set("Thu từ xổ số kiến thiết", "unit", "Triệu đồng")  # catalog: Tỷ đồng
    checked = ingest_build_check(tmp_path / "ktxh.duckdb", appendix.write(tmp_path / "bieu_2022.md"))
    assert checked.check_code == 1
    assert findings(checked.db, ERRORS_AND_WARNINGS) == [("unit_mismatch", "error", "budget_revenue_lottery", "unit", None)]
    [(message,)] = query(checked.db, "select message_en from checks.findings where check_name = 'unit_mismatch'")
    assert "'Triệu đồng' disagrees with the catalog's 'Tỷ đồng'" in message


def test_a_duplicate_measure_row_is_an_error_finding_not_a_failed_build(tmp_path):
    appendix = AppendixText.clean_2022()
    line = appendix.line_of("Số bác sỹ/1 vạn dân")
    appendix.duplicate("Số bác sỹ/1 vạn dân")
    checked = ingest_build_check(tmp_path / "ktxh.duckdb", appendix.write(tmp_path / "bieu_2022.md"))
    # the marts keep the first row (one row per measure), so the build passes; the check reports both
    assert checked.build_code == 0
    assert checked.check_code == 1
    assert findings(checked.db, ERRORS_AND_WARNINGS) == [
        ("duplicate_measure_row", "error", "doctors_per_10k", "row", None)] * 2
    assert sorted(r for (r,) in query(checked.db, "select source_ref from checks.findings where check_name = 'duplicate_measure_row'")) \
        == [f"line {line}", f"line {line + 1}"]


def test_a_row_no_catalog_knows_is_a_provisional_measure_not_an_error(tmp_path, monkeypatch):
    db = tmp_path / "wh" / "ktxh.duckdb"
    monkeypatch.setenv("KTXH_DB", str(db))
    monkeypatch.setattr(cli, "_export", lambda *args, **kwargs: None)  # the exports are another branch's work
    appendix = AppendixText.clean_2022().insert_after(
        "Thu từ xổ số kiến thiết", ["", "+ Thu cổ tức và lợi nhuận được chia", "Tỷ đồng", "5", "6", "6", "120,0", "100,0", "7", "116,7", ""])
    code, output = ktxh("run", str(appendix.write(tmp_path / "docs" / "bieu_2022.md")))
    assert code == 0
    assert "0 errors, 0 warnings" in output
    [(measure, check, message, where)] = query(db, """select measure_code, check_name, message_en, source_ref
        from checks.findings where check_name = 'provisional_measure'""")
    assert "'Thu cổ tức và lợi nhuận được chia'" in message and "ktxh catalog draft" in message
    assert where.startswith("line ") and measure.startswith("p04_thu_co_tuc_va_loi_nhuan_duoc_chia_")
    # its figures reach the mart, under the "-" row it is printed beneath (Thu nội địa)
    assert query(db, """select prior_actual, plan, estimate, next_plan, status, catalog_status, parent_measure_code
        from marts.fct_plan_attainment where catalog_status = 'provisional'""") == [
        (5, 6, 6, 7, "met", "provisional", "budget_revenue_domestic")]


def test_a_row_with_figures_but_no_name_is_still_an_error(tmp_path, monkeypatch):
    db = tmp_path / "wh" / "ktxh.duckdb"
    monkeypatch.setenv("KTXH_DB", str(db))
    monkeypatch.setattr(cli, "_export", lambda *args, **kwargs: None)
    appendix = AppendixText.clean_2022().insert_after(
        "Thu từ xổ số kiến thiết", ["", "", "Tỷ đồng", "5", "6", "6", "", "", "7", "", ""])
    code, output = ktxh("run", str(appendix.write(tmp_path / "docs" / "bieu_2022.md")))
    assert code == 1
    assert findings(db, ERRORS_AND_WARNINGS) == [("unmatched_row", "error", None, "row", None)]


def test_check_before_build_exits_2(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KTXH_DB", str(tmp_path / "ktxh.duckdb"))
    assert cli.main(["check"]) == 2
    assert "no warehouse" in capsys.readouterr().err
    assert cli.main(["ingest", str(AppendixText.clean_2022().write(tmp_path / "bieu_2022.md"))]) == 0
    assert cli.main(["check"]) == 2
    assert "run `ktxh build` before `ktxh check`" in capsys.readouterr().err


def test_a_malformed_figure_is_refused_at_ingest(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KTXH_DB", str(tmp_path / "ktxh.duckdb"))
    appendix = AppendixText.clean_2022().set("Thu nội địa", "estimate", "1.575.205,0.1")
    line = appendix.line_of("Thu nội địa")
    assert cli.main(["ingest", str(appendix.write(tmp_path / "bieu_2022.md"))]) == 1
    err = capsys.readouterr().err
    assert "malformed number" in err and "'1.575.205,0.1'" in err and f"line {line}" in err
