"""Hostile inputs, XLSX: a cut sheet, HTML entities from a third-party writer, a formatted
empty cell at XFD1048576, dates where Excel ate a TT marker, numbers stored with more
decimals than shown, and the size caps.  Each workbook is the committed biểu fixture,
changed by openpyxl or at the ZIP level here."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
import pytest

from .conftest import BIEU_XLSX
from .hostile import APPENDIX_ROWS, GRDP_PER_CAPITA, names_place, wh, write

__all__ = ["wh"]


def _edited(tmp_path, name, edit) -> "Path":
    wb = openpyxl.load_workbook(BIEU_XLSX)
    edit(wb["Biểu 01"])
    path = tmp_path / name
    wb.save(path)
    return path


def _row_of(ws, name: str) -> int:
    return next(c.row for c in ws["B"] if c.value == name)


def _rezipped(tmp_path, name, change) -> "Path":
    out = io.BytesIO()
    with zipfile.ZipFile(BIEU_XLSX) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            w.writestr(info, change(info.filename, z.read(info)))
    return write(tmp_path, name, out.getvalue())


def _sheet_part() -> str:
    with zipfile.ZipFile(BIEU_XLSX) as z:
        return sorted(n for n in z.namelist() if n.startswith("xl/worksheets/sheet"))[-1]  # Biểu 01 is the 2nd


def test_the_fixture_loads_exactly(wh):
    out, warnings = wh.accepted("ingest", BIEU_XLSX)
    assert warnings == []
    assert wh.row_count(BIEU_XLSX.name) == APPENDIX_ROWS


def test_a_formatted_empty_cell_at_xfd1048576_is_not_part_of_the_table(wh, tmp_path):
    def far_cell(ws):
        ws.cell(1_048_576, 16_384).number_format = "#,##0.00"  # styled, no value: dimension A1:XFD1048576

    doc = _edited(tmp_path, "bieu_2022_xfd.xlsx", far_cell)
    with zipfile.ZipFile(doc) as z:
        assert b"XFD1048576" in z.read(_sheet_part())
    out, warnings = wh.accepted("ingest", doc)
    assert warnings == []
    assert wh.row_count("bieu_2022_xfd.xlsx") == APPENDIX_ROWS


def test_a_value_far_outside_the_table_is_refused_by_the_cell_cap(wh, tmp_path):
    doc = _edited(tmp_path, "bieu_2022_far.xlsx", lambda ws: ws.cell(1_048_576, 16_384, "x"))
    line = wh.refused("ingest", doc)
    assert names_place(line, "bieu_2022_far.xlsx", r"sheet Biểu 01, cell XFD1048576: the cells in use span "
                       r"A1:XFD1048576, 17,179,869,184 cells, over the limit of 200,000")


def test_a_sheet_over_the_cell_limit_is_refused_before_it_is_expanded(wh, tmp_path, monkeypatch):
    monkeypatch.setenv("KTXH_MAX_CELLS_PER_SHEET", "200")
    line = wh.refused("ingest", BIEU_XLSX)
    assert names_place(line, BIEU_XLSX.name, r"xl/worksheets/sheet\d\.xml: [\d,]+ cells, over the limit of 200")


def test_a_workbook_over_the_uncompressed_limit_is_refused(wh, monkeypatch):
    monkeypatch.setenv("KTXH_MAX_XLSX_UNCOMPRESSED_BYTES", "10000")
    line = wh.refused("ingest", BIEU_XLSX)
    assert names_place(line, BIEU_XLSX.name, r"whole workbook: [\d,]+ bytes uncompressed, over the limit of 10,000")


def test_a_cut_sheet_is_refused_naming_the_part(wh, tmp_path):
    part = _sheet_part()
    doc = _rezipped(tmp_path, "bieu_2022_cut.xlsx", lambda name, body: body[: len(body) // 2] if name == part else body)
    line = wh.refused("ingest", doc)
    assert names_place(line, "bieu_2022_cut.xlsx", rf"{part}: not readable XML \(.*\): the file is cut short or damaged")


def test_a_file_cut_short_is_refused(wh, tmp_path):
    data = BIEU_XLSX.read_bytes()
    doc = write(tmp_path, "bieu_2022_half.xlsx", data[: len(data) * 2 // 3])
    line = wh.refused("ingest", doc)
    assert names_place(line, "bieu_2022_half.xlsx", "whole file: not a readable XLSX workbook")


def test_html_entities_from_another_writer_are_read_as_their_characters(wh, tmp_path):
    def nbsp(name, body):
        return body.replace("Chỉ tiêu kinh tế".encode(), "Chỉ&nbsp;tiêu kinh tế".encode()) if name.endswith(".xml") else body

    doc = _rezipped(tmp_path, "bieu_2022_nbsp.xlsx", nbsp)
    with zipfile.ZipFile(doc) as z:
        assert any(b"&nbsp;" in z.read(n) for n in z.namelist())
    out, warnings = wh.accepted("ingest", doc)
    assert len(warnings) == 1 and "use HTML entities (&nbsp; …) that XML does not define" in warnings[0]
    assert wh.row_count("bieu_2022_nbsp.xlsx") == APPENDIX_ROWS


def test_a_tt_marker_excel_turned_into_a_date_is_refused_naming_the_cell(wh, tmp_path):
    def date_tt(ws):
        row = _row_of(ws, "Kim ngạch nhập khẩu hàng hóa trên địa bàn")  # TT 4.1
        ws.cell(row, 1, dt.datetime(2022, 1, 4)).number_format = "d/m"

    doc = _edited(tmp_path, "bieu_2022_date.xlsx", date_tt)
    line = wh.refused("ingest", doc)
    assert names_place(line, "bieu_2022_date.xlsx", r"sheet Biểu 01, row \d+: cell A\d+ holds a date")
    assert line.endswith("'2022-01-04T00:00:00'")


def test_a_number_stored_with_more_decimals_than_shown_is_read_as_the_department_sees_it(wh, tmp_path):
    # GRDP per capita, Ước TH 2022: printed 39,48; here the cell stores 39.485 under #,##0.00
    def stored(ws):
        cell = ws.cell(_row_of(ws, "GRDP bình quân đầu người"), 6)
        assert cell.value == pytest.approx(39.48) and cell.number_format.endswith("0.00")
        cell.value = 39.485

    doc = _edited(tmp_path, "bieu_2022_hidden.xlsx", stored)
    out, warnings = wh.accepted("ingest", doc)
    assert warnings == ["ktxh: warning: bieu_2022_hidden.xlsx: sheet Biểu 01: 1 cell(s) store more decimals than "
                        "their number format shows (first: F16 stores 39.485); read as shown, as the department sees them"]
    # Excel shows 39.485 under 0.00 as 39,49 (half away from zero), not 39,48
    assert wh.cells("bieu_2022_hidden.xlsx", "GRDP bình quân đầu người")["estimate"] == "39,49"
