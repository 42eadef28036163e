"""The exports: the biểu regenerated from the warehouse (XLSX, CSV) and the marts' machine CSVs."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import duckdb
import openpyxl
import pytest

from .conftest import REPORT, copy_warehouse, run_cli
from extracts.bieu import FindingRow
from extracts.export import Bieu, Num, export_all, export_marts, write_csv, write_findings_csv, write_xlsx
from ingest.appendix import AppendixTable
from ingest.appendix_csv import read_csv
from ingest.appendix_text import find_appendix
from ingest.appendix_xlsx import read_xlsx
from ingest.text import read_document

GRDP_PC = "GRDP bình quân đầu người"
BUDGET = "Thu Ngân sách Nhà nước trên địa bàn (không bao gồm số bổ sung từ NSTW)"
UNEMPLOYMENT = "Tỷ lệ thất nghiệp ở thành thị"
HEADER_TOP = ["TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện 2021", "Năm 2022", "", "", "", "KH 2023",
              "KH 2023 so với ước TH 2022 (%)", "Đánh giá", "Ghi chú"]
HEADER_SUB = ["", "", "", "", "KH 2022", "Ước TH năm 2022", "Ước TH năm 2022 so với TH 2021 (%)",
              "Ước TH năm 2022 so với KH 2022 (%)", "", "", "", ""]
VN_NUMBER = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$")
FIGURES = ("prior_actual", "plan", "estimate", "next_plan")


@pytest.fixture(scope="module")
def exported(warehouses, tmp_path_factory) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("exports")
    return out, export_all(warehouses["text"], out)


@pytest.fixture(scope="module")
def source() -> AppendixTable:
    return find_appendix(read_document(REPORT), REPORT.name)


@pytest.fixture(scope="module")
def sheet(exported):
    return openpyxl.load_workbook(exported[0] / "bieu_chi_tieu_2022.xlsx").active


@pytest.fixture(scope="module")
def csv_rows(exported) -> list[list[str]]:
    data = (exported[0] / "bieu_chi_tieu_2022.csv").read_bytes()
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def header_row(ws) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "TT")


def xlsx_row(ws, name: str) -> list:
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == name)
    return [ws.cell(row, c) for c in range(1, 13)]


def test_files_written(exported):
    out, paths = exported
    assert sorted(p.relative_to(out).as_posix() for p in paths) == [
        "bieu_chi_tieu_2022.csv", "bieu_chi_tieu_2022.xlsx", "bieu_chi_tieu_2022_phat_hien.csv",
        "marts/dim_areas.csv", "marts/dim_measures.csv", "marts/fct_indicator_assessment.csv", "marts/fct_monthly_series.csv",
        "marts/fct_period_progress.csv",
        "marts/fct_plan_attainment.csv", "marts/fct_plan_reconciliation.csv", "marts/fct_plan_scorecard.csv",
        "marts/fct_reported_figures.csv",
    ]
    assert all(p.is_file() for p in paths)


# --- the XLSX biểu -----------------------------------------------------------------

def test_xlsx_header_is_the_sources_two_row_merged_header(sheet):
    top = header_row(sheet)
    assert top == 8
    assert [sheet.cell(8, c).value or "" for c in range(1, 13)] == HEADER_TOP
    assert [sheet.cell(9, c).value or "" for c in range(1, 13)] == HEADER_SUB
    assert [sheet.cell(10, c).value for c in range(1, 13)] == [1, 2, 3, 4, 5, 6, "7=6/4", "8=6/5", 9, "10=9/6", 11, 12]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"E8:H8", "A8:A9", "B8:B9", "C8:C9", "D8:D9", "I8:I9", "J8:J9", "K8:K9", "L8:L9"} <= merged
    assert sheet.freeze_panes == "C11"
    assert sheet.column_dimensions["B"].width > 40
    assert [sheet["A1"].value, sheet["A2"].value, sheet["J1"].value] == ["ỦY BAN NHÂN DÂN", "TỈNH CAO BẰNG", "Biểu số 01"]
    assert sheet["A4"].value == "BÁO CÁO TÌNH HÌNH THỰC HIỆN CHỈ TIÊU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2022"
    # the source is a reference: the document and the lines of its table (779-837 in the report text)
    assert sheet["A6"].value == ("(Nguồn số liệu: 2022-11_bao-cao-kt-xh-2022-phuong-huong-2023.txt, "
                                 "bảng chỉ tiêu, dòng 779–837)")


def test_xlsx_rows_follow_the_catalog_like_the_source(sheet, source):
    body = [(str(sheet.cell(r, 1).value or ""), sheet.cell(r, 2).value, sheet.cell(r, 3).value or "")
            for r in range(11, 11 + 54)]
    assert body == [(r.tt, r.name, r.unit) for r in source.rows]
    names = [name for _, name, _ in body]
    assert names[:2] == ["Chỉ tiêu kinh tế", "Tốc độ tăng trưởng GRDP"]
    assert ("7", "Giao thông", "") in body and ("9", "Y tế", "") in body and ("III", "Các chỉ tiêu về môi trường", "") in body
    assert names.count("Trong đó:") == 3 and "Trong đó: Tỷ lệ qua đào tạo nghề" in names
    assert sheet.cell(11 + 54, 1).value is None  # nothing else in the body


def test_xlsx_figures_at_printed_precision_and_assessment(sheet):
    cells = xlsx_row(sheet, GRDP_PC)
    # the ratios as the department printed them: 97,97 (two decimals), not 98,0 recomputed
    assert [c.value for c in cells[3:11]] == [37.18, 40.3, 39.48, 106.2, 97.97, 43.97, 111.4, "Không đạt"]
    assert [c.number_format for c in cells[3:10]] == [
        "[$-42A]#,##0.00", "[$-42A]#,##0.00", "[$-42A]#,##0.00", "[$-42A]#,##0.0", "[$-42A]#,##0.00",
        "[$-42A]#,##0.00", "[$-42A]#,##0.0"]
    # customs revenue's 596,8 % is kept: 2.600 / 436 = 596,3 is within rounding of 436 (435,5-436,5)
    assert xlsx_row(sheet, "Thu thuế xuất, nhập khẩu")[6].value == 596.8
    assert all(c.data_type == "n" for c in cells[3:10])
    budget = xlsx_row(sheet, BUDGET)
    assert [c.value for c in budget[3:11]] == [1949.545, 2018, 4180, 214.4, 207.1, 2838, 67.9, "Vượt"]
    assert [budget[3].number_format, budget[4].number_format] == ["[$-42A]#,##0.000", "[$-42A]#,##0"]
    assert xlsx_row(sheet, UNEMPLOYMENT)[10].value == "Đạt"
    assert xlsx_row(sheet, "Số bác sỹ/1 vạn dân")[3].number_format == "[$-42A]#,##0.00"  # 15,00
    assert [c.value for c in xlsx_row(sheet, "Y tế")[2:12]] == [None] * 10
    # a growth rate's ratios are the growth index: 100 + 23,3 and (100 + 23,3) / (100 + 11,0)
    assert [c.value for c in xlsx_row(sheet, "Tổng vốn đầu tư toàn xã hội tăng thêm")[6:8]] == [123.3, 111.1]


def test_xlsx_round_trip_gives_back_the_figures(exported, source):
    table = read_xlsx(exported[0] / "bieu_chi_tieu_2022.xlsx")
    assert table.plan_year == 2022 and len(table.rows) == 54
    assert table.header_labels["estimate"] == "Năm 2022 / Ước TH năm 2022"
    figures = [[(r.values[f].value, r.values[f].decimals) if r.values[f] else None for f in FIGURES]
               for r in table.rows]
    assert figures == [[(r.values[f].value, r.values[f].decimals) if r.values[f] else None for f in FIGURES]
                       for r in source.rows]
    grdp = next(r for r in table.rows if r.name == GRDP_PC)
    assert [grdp.values[k].text for k in ("pct_of_prior", "pct_of_plan", "next_plan_pct_of_estimate")] == [
        "106,2", "97,97", "111,4"]  # as printed
    # every ratio reads back as the source printed it (text and precision)
    ratios = ("pct_of_prior", "pct_of_plan", "next_plan_pct_of_estimate")
    assert [[r.values[k] and r.values[k].text for k in ratios] for r in table.rows] == [
        [r.values[k] and r.values[k].text for k in ratios] for r in source.rows]


# --- the CSV biểu -------------------------------------------------------------------

def test_csv_is_utf8_with_bom_comma_and_quoted(exported):
    data = (exported[0] / "bieu_chi_tieu_2022.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert ('"2","GRDP bình quân đầu người","Triệu đồng","37,18","40,30","39,48","106,2","97,97","43,97",'
            '"111,4","Không đạt",""') in lines
    assert all(line.count('","') == 11 for line in lines if line)  # 12 quoted fields, comma-separated
    assert b";" not in data


def test_csv_header_and_real_figures(csv_rows):
    header = next(i for i, row in enumerate(csv_rows) if row[:2] == ["TT", "Chỉ tiêu"])
    assert csv_rows[header] == HEADER_TOP and csv_rows[header + 1] == HEADER_SUB
    by_name = {row[1]: row for row in csv_rows if len(row) > 1}
    assert by_name[BUDGET][3:11] == ["1.949,545", "2.018", "4.180", "214,4", "207,1", "2.838", "67,9", "Vượt"]
    assert by_name[UNEMPLOYMENT][3:11] == ["3,45", "3,35", "3,35", "97,1", "100,0", "3,25", "", "Đạt"]  # 10 blank as printed
    assert by_name["Công nghiệp"][:6] == ["'+", "Công nghiệp", "%", "-3,21", "13,22", "19,85"]
    assert by_name["Số bác sỹ/1 vạn dân"][3:6] == ["15,00", "15,00", "15,0"]


def test_csv_has_no_cell_a_spreadsheet_would_run(csv_rows, source):
    risky = [cell for row in csv_rows for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert risky, "the biểu has negative figures"
    assert all(VN_NUMBER.match(cell) for cell in risky), [c for c in risky if not VN_NUMBER.match(c)]
    markers = sum(r.tt in ("-", "+") for r in source.rows)
    assert markers > 20 and sum(row[0] in ("'-", "'+") for row in csv_rows) == markers  # TT markers, guarded


def test_csv_round_trip_gives_back_the_figures(exported, source):
    table = read_csv((exported[0] / "bieu_chi_tieu_2022.csv").read_bytes(), "bieu_chi_tieu_2022.csv")
    assert [(r.tt, r.name) for r in table.rows] == [(r.tt, r.name) for r in source.rows]
    assert [[r.values[f] and (r.values[f].value, r.values[f].decimals) for f in FIGURES] for r in table.rows] == [
        [r.values[f] and (r.values[f].value, r.values[f].decimals) for f in FIGURES] for r in source.rows]


def test_guards_apply_to_text_never_to_figures(tmp_path):
    cells = ["=1+1", "@SUM(A1)", "-", "+ x", "\tx", Num(Decimal("-3.21"), 2), Num(Decimal("1949.545"), 3),
             "\rx", "Đạt", None, "", "x"]
    finding = FindingRow("Cảnh báo", "printed_ratio", "-", "=HYPERLINK(\"http://x\")", "8", "+1", "", "@doc", "=2+2")
    bieu = Bieu("04", "Cao Bằng", 2022, ["=HYPERLINK(\"http://x\")", "", ""], ["TT"] * 12,
                ["", "", "", "", "KH", "Ước TH", "a", "b", "", "", "", ""],
                [str(i) for i in range(1, 13)], [("measure", cells)], [], issuer=["=cmd|' /C calc'!A0"],
                findings=[finding])
    write_csv(bieu, tmp_path / "b.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "b.csv").read_bytes().decode("utf-8-sig"), newline="")))
    assert rows[0][0] == "'=cmd|' /C calc'!A0" and rows[1][0] == "'=HYPERLINK(\"http://x\")"
    assert rows[8] == ["'=1+1", "'@SUM(A1)", "'-", "'+ x", "'\tx", "-3,21", "1.949,545", "'\rx", "Đạt", "", "", "x"]
    write_findings_csv(bieu, tmp_path / "f.csv")
    [_, listed] = list(csv.reader(io.StringIO((tmp_path / "f.csv").read_bytes().decode("utf-8-sig"), newline="")))
    assert listed == ["1", "Cảnh báo", "printed_ratio", "'-", "'=HYPERLINK(\"http://x\")", "8", "'+1", "", "'@doc",
                      "'=2+2"]
    write_xlsx(bieu, tmp_path / "b.xlsx")
    book = openpyxl.load_workbook(tmp_path / "b.xlsx")
    ws = book.active
    assert (ws["A1"].value, ws["A1"].data_type) == ("=cmd|' /C calc'!A0", "s")
    assert (ws["A3"].value, ws["A3"].data_type) == ("=HYPERLINK(\"http://x\")", "s")
    assert (ws["A10"].value, ws["A10"].data_type) == ("=1+1", "s")
    assert (ws["F10"].value, ws["F10"].data_type) == (-3.21, "n")
    assert book["Phát hiện"]["J5"].value == "=2+2"
    cells_of_book = [c for sheet_ in book.worksheets for row in sheet_.iter_rows() for c in row]
    assert not [c.coordinate for c in cells_of_book if c.data_type == "f"]


# --- several provinces, filters, the CLI ----------------------------------------------

@pytest.fixture(scope="module")
def two_areas(warehouses, tmp_path_factory) -> Path:
    """The text warehouse with a second province (Lạng Sơn, 20) copied in at the mart level,
    its GRDP per capita row without an assessment."""
    db = copy_warehouse(warehouses["text"], tmp_path_factory.mktemp("areas") / "ktxh.duckdb")
    with duckdb.connect(str(db)) as con:
        con.execute("insert into marts.fct_plan_attainment select * replace ('20' as area_code, 'Lạng Sơn' as area_name) "
                    "from marts.fct_plan_attainment where area_code = '04'")
        con.execute("update marts.fct_plan_attainment set estimate = null, estimate_text = null, status = 'not_assessed' "
                    "where area_code = '20' and measure_code = 'grdp_per_capita'")
    return db


def test_several_areas_get_the_area_in_the_file_name(two_areas, tmp_path):
    paths = export_all(two_areas, tmp_path / "all")
    assert sorted(p.name for p in paths if p.name.startswith("bieu")) == [
        "bieu_chi_tieu_2022_04.csv", "bieu_chi_tieu_2022_04.xlsx", "bieu_chi_tieu_2022_04_phat_hien.csv",
        "bieu_chi_tieu_2022_20.csv", "bieu_chi_tieu_2022_20.xlsx", "bieu_chi_tieu_2022_20_phat_hien.csv"]
    ws = openpyxl.load_workbook(tmp_path / "all" / "bieu_chi_tieu_2022_20.xlsx").active
    assert [ws["A2"].value, ws["A5"].value] == ["TỈNH LẠNG SƠN", "Địa phương: Lạng Sơn (mã 20)"]
    grdp = xlsx_row(ws, GRDP_PC)
    assert [c.value for c in grdp[3:6]] == [37.18, 40.3, None] and grdp[10].value is None  # not assessed: blank
    one = export_all(two_areas, tmp_path / "one", area="20")
    assert sorted(p.name for p in one if p.name.startswith("bieu")) == [
        "bieu_chi_tieu_2022.csv", "bieu_chi_tieu_2022.xlsx", "bieu_chi_tieu_2022_phat_hien.csv"]
    assert export_all(two_areas, tmp_path / "none", year=2030) == [
        tmp_path / "none" / "marts" / f"{t}.csv"
        for t in ("dim_areas", "dim_measures", "fct_indicator_assessment", "fct_monthly_series", "fct_period_progress", "fct_plan_attainment",
                  "fct_plan_reconciliation", "fct_plan_scorecard", "fct_reported_figures")]


def test_cli_export(warehouses, tmp_path, capsys):
    assert run_cli(warehouses["text"], "export", "--year", "2022", "--out", str(tmp_path)) == 0
    assert f"wrote {tmp_path / 'bieu_chi_tieu_2022.xlsx'}" in capsys.readouterr().out
    assert run_cli(tmp_path / "missing.duckdb", "export", "--out", str(tmp_path / "x")) == 2
    assert "no warehouse" in capsys.readouterr().err


# --- the machine CSVs of the marts ------------------------------------------------------

def test_marts_csvs_are_plain_utf8_dot_decimal(exported):
    marts = exported[0] / "marts"
    data = (marts / "fct_plan_attainment.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert len(rows) == 41
    grdp = next(r for r in rows if r["measure_code"] == "grdp_per_capita")
    assert [Decimal(grdp[f]) for f in FIGURES] == [Decimal("37.18"), Decimal("40.30"), Decimal("39.48"), Decimal("43.97")]
    assert re.fullmatch(r"97\.96\d+", grdp["pct_of_plan"]) and grdp["status"] == "missed"
    assert grdp["area_name"] == "Cao Bằng"
    scorecard = {r["rule"]: r for r in csv.DictReader(io.StringIO((marts / "fct_plan_scorecard.csv").read_text("utf-8")))}
    assert json.loads(scorecard["headline"]["indicators_missed"]) == [1, 2, 13]
    assert json.loads(scorecard["headline"]["missed_measures"]) == [
        "grdp_growth", "grdp_per_capita", "new_rural_communes_recognised"]
    assert scorecard["all_measures"]["indicators_met"] == "12"


def test_marts_csv_of_an_empty_table_has_its_header_and_lists_are_json(tmp_path):
    db = tmp_path / "small.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("create schema marts")
        con.execute("create table marts.empty_facts (area_code varchar, missed varchar[], share decimal(5, 2))")
        con.execute("create table marts.lists (n integer, names varchar[], point struct(x double, y double))")
        con.execute("insert into marts.lists values (1, ['a, b', 'c\"d'], {'x': 1.5, 'y': -2.25})")
    with duckdb.connect(str(db), read_only=True) as con:
        paths = export_marts(con, tmp_path / "out")
    assert [p.name for p in paths] == ["empty_facts.csv", "lists.csv"]
    assert (tmp_path / "out" / "empty_facts.csv").read_text(encoding="utf-8").splitlines() == ["area_code,missed,share"]
    [row] = list(csv.DictReader(io.StringIO((tmp_path / "out" / "lists.csv").read_text(encoding="utf-8"))))
    assert json.loads(row["names"]) == ["a, b", 'c"d'] and json.loads(row["point"]) == {"x": 1.5, "y": -2.25}
