"""Hostile inputs, numbers: a figure the raw layer cannot hold exactly (a value in đồng
instead of tỷ đồng; more decimals than decimal(18, 6) keeps) is refused with its row and
column, never rounded; a run of digits too long to be a figure never raises."""

from __future__ import annotations

from .hostile import appendix_only, names_place, wh, write

__all__ = ["wh"]

BUDGET_ROW = "| 5 | Thu Ngân sách Nhà nước trên địa bàn (không bao gồm số bổ sung từ NSTW) | Tỷ đồng | 1.949,545 |"


def test_a_figure_in_dong_instead_of_ty_dong_is_refused_naming_the_cell(wh, tmp_path):
    text = appendix_only()
    assert BUDGET_ROW in text
    # 1.949,545 tỷ đồng written in đồng: 13 integer digits
    doc = write(tmp_path, "bieu_2022_dong.txt", text.replace(BUDGET_ROW, BUDGET_ROW.replace("1.949,545", "1.949.545.000.000")))
    line = wh.refused("ingest", doc)
    assert names_place(line, "bieu_2022_dong.txt", r"line 24, column 'Thực hiện 2021'")
    assert "13 integer digits, more than the 12 the warehouse keeps (is it in đồng rather than Tỷ đồng?)" in line
    assert line.endswith("'1.949.545.000.000'")


def test_sixteen_integer_digits_are_refused_too(wh, tmp_path):
    doc = write(tmp_path, "bieu_2022_dong16.txt",
                appendix_only().replace(BUDGET_ROW, BUDGET_ROW.replace("1.949,545", "1.949.545.000.000.000")))
    assert "16 integer digits" in wh.refused("ingest", doc)


def test_more_decimals_than_the_raw_column_keeps_are_refused_not_rounded(wh, tmp_path):
    row = "| 2 | GRDP bình quân đầu người | Triệu đồng | 37,18 |"
    text = appendix_only()
    assert row in text
    doc = write(tmp_path, "bieu_2022_decimals.txt", text.replace(row, row.replace("37,18", "37,1812345")))
    line = wh.refused("ingest", doc)
    assert names_place(line, "bieu_2022_decimals.txt", r"line 17, column 'Thực hiện 2021'")
    assert "more than 6 decimals, which the warehouse would round; refused rather than rounded: '37,1812345'" in line


def test_six_decimals_are_kept_exactly(wh, tmp_path):
    row = "| 2 | GRDP bình quân đầu người | Triệu đồng | 37,18 |"
    doc = write(tmp_path, "bieu_2022_six.txt", appendix_only().replace(row, row.replace("37,18", "37,181234")))
    wh.accepted("ingest", doc)
    assert wh.cells("bieu_2022_six.txt", "GRDP bình quân đầu người")["prior_actual"] == "37,181234"


def test_a_run_of_digits_in_a_table_cell_is_a_malformed_number(wh, tmp_path):
    row = "| 2 | GRDP bình quân đầu người | Triệu đồng | 37,18 |"
    doc = write(tmp_path, "bieu_2022_run.txt", appendix_only().replace(row, row.replace("37,18", "9." * 200 + "9")))
    line = wh.refused("ingest", doc)
    assert names_place(line, "bieu_2022_run.txt", r"line 17: malformed number in column 'Thực hiện 2021'")


def test_huge_figures_in_prose_are_kept_as_printed_and_flagged(wh, tmp_path):
    import duckdb

    prose = ("Thu ngân sách nhà nước trên địa bàn ước đạt 1.949.545.000.000.000 đồng, tăng 5% so với cùng kỳ.\n")
    doc = write(tmp_path, "2022-09_bao-cao-thang-9.txt", prose)
    out, warnings = wh.accepted("ingest", doc)
    with duckdb.connect(str(wh.db), read_only=True) as con:
        facts = con.execute("select printed, value, status from raw.prose_facts order by fact_no").fetchall()
    assert ("1.949.545.000.000.000", None, "malformed") in facts
    assert any("line 1: the figure '1.949.545.000.000.000' has more digits than the warehouse keeps" in w for w in warnings)
