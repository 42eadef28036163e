"""Hostile inputs, structure: a table without its KH column is refused for that reason;
sub-rows "a)", "b)" and group numbers in lower case are read exactly; a row with figures
and an unknown TT marker, a stray figure beyond the last column and KH and Ước TH merged
into one cell are refused naming the row; a measure printed twice builds and is reported
by `ktxh check` as an error finding."""

from __future__ import annotations

from decimal import Decimal

import duckdb

from .checks.conftest import AppendixText, findings, ingest_build_check
from .hostile import APPENDIX_ROWS, appendix_only, names_place, wh, write

__all__ = ["wh"]

GRDP = "| 2 | GRDP bình quân đầu người | Triệu đồng | 37,18 | 40,30 | 39,48 | 106,2 | 97,97 | 43,97 | 111,4 | |"


def _without_column(text: str, index: int) -> str:
    out = []
    for line in text.splitlines(keepends=True):
        if line.startswith("|"):
            cells = line.rstrip("\n").strip().strip("|").split("|")
            del cells[index]
            line = "|" + "|".join(cells) + "|\n"
        out.append(line)
    return "".join(out)


def test_a_table_without_its_kh_column_is_refused_for_that_reason(wh, tmp_path):
    doc = write(tmp_path, "bieu_2022_no_kh.txt", _without_column(appendix_only(), 4))  # column 5, KH 2022
    assert wh.refused("ingest", doc) == ("ktxh: refused: bieu_2022_no_kh.txt, line 5: no column for the plan of 2022 "
                                         "(KH 2022); the only KH column is next year's: 'KH 2023'")


def test_sub_rows_a_b_and_lower_case_group_numbers_are_read_exactly(wh, tmp_path):
    text = (appendix_only().replace("| 4.1 | Kim ngạch nhập", "| a) | Kim ngạch nhập")
            .replace("| 4.2 | Kim ngạch xuất", "| b) | Kim ngạch xuất").replace("| I | Chỉ tiêu kinh tế", "| i | Chỉ tiêu kinh tế"))
    doc = write(tmp_path, "bieu_2022_a_b.txt", text)
    wh.accepted("ingest", doc)
    assert wh.row_count("bieu_2022_a_b.txt") == APPENDIX_ROWS
    with duckdb.connect(str(wh.db), read_only=True) as con:
        tts = con.execute("select tt from raw.appendix_rows join raw.load_batches using (batch_id) "
                          "where document = 'bieu_2022_a_b.txt' order by row_order").fetchall()
    assert [t for (t,) in tts][:1] == ["i"] and ("a)",) in tts and ("b)",) in tts
    assert wh.cells("bieu_2022_a_b.txt", "Kim ngạch xuất khẩu hàng hóa trên địa bàn")["plan"] == "301"


def test_a_row_with_figures_and_an_unknown_marker_is_refused_not_taken_for_the_end(wh, tmp_path):
    doc = write(tmp_path, "bieu_2022_marker.txt", appendix_only().replace("| 4.1 | Kim ngạch nhập", "| 4,1 | Kim ngạch nhập"))
    line = wh.refused("ingest", doc)
    assert names_place(line, "bieu_2022_marker.txt", r"line 21: a row with figures whose TT is not a row marker")
    assert line.endswith("'4,1'")


def test_a_stray_figure_beyond_the_last_column_is_refused(wh, tmp_path):
    doc = write(tmp_path, "bieu_2022_stray.txt", appendix_only().replace(GRDP, GRDP + " 5 |"))
    assert wh.refused("ingest", doc) == "ktxh: refused: bieu_2022_stray.txt, line 17: a cell beyond the table's last column: '5'"


def test_kh_and_estimate_merged_into_one_cell_are_refused_naming_both(wh, tmp_path):
    doc = write(tmp_path, "bieu_2022_merged.txt", appendix_only().replace(GRDP, GRDP.replace("| 40,30 | 39,48 |", "| 40,30 39,48 | |")))
    assert wh.refused("ingest", doc) == (
        "ktxh: refused: bieu_2022_merged.txt, line 17: 2 figures in one cell (two columns merged?) "
        "in column 'Năm 2022 / KH 2022': '40,30 39,48'")


def test_a_measure_printed_twice_builds_and_is_an_error_finding(tmp_path):
    # with sub-rows a), b) and a lower-case group number too: none of them is an unmatched row
    appendix = AppendixText.clean_2022().duplicate("GRDP bình quân đầu người")
    text = "\n".join(appendix.lines).replace("| 4.1 | Kim ngạch nhập", "| a) | Kim ngạch nhập").replace(
        "| I | Chỉ tiêu kinh tế", "| i | Chỉ tiêu kinh tế")
    checked = ingest_build_check(tmp_path / "ktxh.duckdb", write(tmp_path, "bieu_2022.md", text + "\n"))
    assert (checked.build_code, checked.check_code) == (0, 1)
    assert findings(checked.db, "severity = 'error'") == [("duplicate_measure_row", "error", "grdp_per_capita", "row", None)] * 2
    with duckdb.connect(str(checked.db), read_only=True) as con:
        assert con.execute("select count(*), any_value(estimate) from marts.fct_plan_attainment "
                           "where measure_code = 'grdp_per_capita'").fetchone() == (1, Decimal("39.48"))
