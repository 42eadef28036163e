"""The department's biểu as XLSX and CSV: the readers, their refusals, and the proof that
the report text, the XLSX and the CSV of the same 2022 appendix build the same mart."""

from __future__ import annotations

import csv
import io
import unicodedata
from decimal import Decimal
from pathlib import Path

import duckdb
import openpyxl
import pytest
from polars.testing import assert_frame_equal

from .conftest import BIEU_CSV, BIEU_XLSX, REPORT, copy_warehouse, run_cli, snapshot
from ingest.appendix import AppendixTable, AppendixRow
from ingest.appendix_csv import read_csv
from ingest.appendix_text import find_appendix
from ingest.appendix_xlsx import format_decimals, read_xlsx
from ktxh.errors import IngestError
from ingest.text import read_document

SHEET = "Biểu 01"
GRDP_PC = "GRDP bình quân đầu người"
BUDGET = "Thu Ngân sách Nhà nước trên địa bàn (không bao gồm số bổ sung từ NSTW)"
LIVESTOCK = "Số hộ chăn nuôi đưa gia súc ra khỏi gầm sàn tăng thêm"
ROLES = ("prior_actual", "plan", "estimate", "pct_of_prior", "pct_of_plan", "next_plan", "next_plan_pct_of_estimate")

# Rows of the report's appendix (lines 786, 793, 810, 782, 813), every figure as printed.
PRINTED = {
    GRDP_PC: ("37,18", "40,30", "39,48", "106,2", "97,97", "43,97", "111,4"),
    BUDGET: ("1.949,545", "2.018", "4.180", "214,4", "207,1", "2.838", "67,9"),
    "Số bác sỹ/1 vạn dân": ("15,00", "15,00", "15,0", "100,0", "100,0", "15,0", "100,0"),
    "Công nghiệp": ("-3,21", "13,22", "19,85", None, None, "14,25", None),
    "Tỷ lệ dân số tham gia bảo hiểm y tế": ("94,5", "95,4", "95,4", None, "100", "97,0", None),
}
VALUES = {
    GRDP_PC: ("37.18", "40.30", "39.48", "106.2", "97.97", "43.97", "111.4"),
    BUDGET: ("1949.545", "2018", "4180", "214.4", "207.1", "2838", "67.9"),
    "Số bác sỹ/1 vạn dân": ("15.00", "15.00", "15.0", "100.0", "100.0", "15.0", "100.0"),
    "Công nghiệp": ("-3.21", "13.22", "19.85", None, None, "14.25", None),
    "Tỷ lệ dân số tham gia bảo hiểm y tế": ("94.5", "95.4", "95.4", None, "100", "97.0", None),
}


def row_named(table: AppendixTable, name: str) -> AppendixRow:
    return next(r for r in table.rows if r.name == name)


def layout(table: AppendixTable) -> list[tuple]:
    """Everything a reader gives back about the body, locations aside."""
    return [
        (r.tt, r.name, r.unit, r.note,
         tuple((v.value, v.decimals) if v else None for v in (r.values[role] for role in ROLES)))
        for r in table.rows
    ]


def assert_appendix_2022(table: AppendixTable) -> None:
    assert table.plan_year == 2022
    assert len(table.rows) == 54
    assert sum(1 for r in table.rows if any(r.values.values())) == 41
    for name, printed in PRINTED.items():
        row = row_named(table, name)
        for role, text, value in zip(ROLES, printed, VALUES[name]):
            cell = row.values[role]
            if text is None:
                assert cell is None, (name, role)
            else:
                assert (cell.text, cell.value, cell.decimals) == (
                    text, Decimal(value), len(text.partition(",")[2])), (name, role)
    assert [r.tt for r in table.rows[:9]] == ["I", "1", "-", "-", "+", "+", "-", "-", "2"]
    assert row_named(table, "Thu từ tiền sử dụng đất").tt == "+"  # "+ " moved out of the name
    assert [r.name for r in table.rows if r.name == "Trong đó:"] == ["Trong đó:"] * 3


@pytest.fixture(scope="module")
def text_table() -> AppendixTable:
    return find_appendix(read_document(REPORT), REPORT.name)


# --- the committed fixtures are what they claim to be ------------------------

def test_xlsx_fixture_is_kept_like_the_department_keeps_it():
    wb = openpyxl.load_workbook(BIEU_XLSX)
    assert wb.sheetnames[0] != SHEET  # the biểu is not the first sheet
    ws = wb[SHEET]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"E5:H5", "A5:A6", "B5:B6", "D5:D6", "I5:I6", "J5:J6", "K5:K6", "B8:K8"} <= merged
    assert ws["E5"].value == "Năm 2022" and ws["E6"].value == "KH" and ws["F6"].value == "Ước TH"
    grdp = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == GRDP_PC)
    assert (ws.cell(grdp, 4).value, ws.cell(grdp, 4).number_format) == (37.18, "#,##0.00")
    assert (ws.cell(grdp, 7).value, ws.cell(grdp, 7).number_format) == (106.2, "[$-42A]#,##0.0")
    budget = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == BUDGET)
    assert ws.cell(budget, 4).value == "1.949,545"  # typed as text
    assert any(str(ws.cell(r, 1).value).startswith("Ghi chú") for r in range(1, ws.max_row + 1))
    assert any(ws.cell(r, 2).value == "Người lập biểu" for r in range(1, ws.max_row + 1))


def test_csv_fixture_is_utf8_with_bom_comma_and_quoted():
    data = BIEU_CSV.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert '"5","Thu Ngân sách Nhà nước trên địa bàn' in text and '"1.949,545","2.018","4.180"' in text
    assert "\r\n" in text


# --- the XLSX reader ---------------------------------------------------------

def test_xlsx_reader_reads_the_2022_appendix(text_table):
    table = read_xlsx(BIEU_XLSX)
    assert_appendix_2022(table)
    assert table.header_labels["plan"] == "Năm 2022 / KH"  # the year is in the merged parent only
    assert table.header_labels["estimate"] == "Năm 2022 / Ước TH"
    assert table.header_labels["pct_of_plan"] == "Năm 2022 / Ước TH so với KH (%)"
    assert table.header_labels["prior_actual"] == "Thực hiện 2021"
    assert table.header_labels["next_plan"] == "KH 2023"
    assert row_named(table, GRDP_PC).where == f"sheet {SHEET}, row 16"
    assert layout(table) == layout(text_table)


@pytest.mark.parametrize("fmt, decimals", [
    ("General", None), ("@", None), ("#,##0", 0), ("#,##0.00", 2), ("0.000", 3),
    ("[$-42A]#,##0.0", 1), ("#,##0.00;[Red]-#,##0.00", 2), ('0.0" %"', 1), ("0.00%", 2), ("#,##0.0_);(#,##0.0)", 1),
])
def test_number_format_decimals(fmt, decimals):
    assert format_decimals(fmt) == decimals


def tiny_workbook(path: Path, body: list[list], sheets: dict[str, str] | None = None) -> Path:
    """A minimal biểu: a flat header and the given body rows (cells or (value, format))."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu"
    ws.append(["TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện 2021", "KH 2022", "Ước TH 2022",
               "Ước TH 2022 so với KH 2022 (%)"])
    for r, row in enumerate(body, start=2):
        for c, cell in enumerate(row, start=1):
            value, fmt = cell if isinstance(cell, tuple) else (cell, None)
            ws.cell(r, c, value)
            if fmt:
                ws.cell(r, c).number_format = fmt
    for title, state in (sheets or {}).items():
        copy = wb.copy_worksheet(ws)
        copy.title, copy.sheet_state = title, state
    wb.save(path)
    return path


def test_xlsx_percent_format_is_read_as_shown(tmp_path):
    path = tiny_workbook(tmp_path / "pct.xlsx", [
        [2, GRDP_PC, "Triệu đồng", (37.18, "#,##0.00"), (40.3, "#,##0.00"), (39.48, "#,##0.00"), (0.9797, "0.00%")],
    ])
    cell = read_xlsx(path).rows[0].values["pct_of_plan"]
    assert (cell.value, cell.decimals, cell.text) == (Decimal("97.97"), 2, "97,97")
    assert read_xlsx(path).rows[0].values["plan"].text == "40,30"


def test_xlsx_formula_without_a_computed_value_is_refused(tmp_path):
    path = tiny_workbook(tmp_path / "formula.xlsx", [
        [2, GRDP_PC, "Triệu đồng", 37.18, 40.3, 39.48, "=F2/E2*100"],
    ])
    with pytest.raises(IngestError) as err:
        read_xlsx(path)
    assert err.value.location == "sheet Biểu, row 2"
    assert err.value.text == "=F2/E2*100"
    assert "formula.xlsx" in str(err.value)


def test_xlsx_sheet_is_chosen_by_content_hidden_copies_ignored(tmp_path):
    body = [[2, GRDP_PC, "Triệu đồng", 37.18, 40.3, 39.48, 97.97]]
    table = read_xlsx(tiny_workbook(tmp_path / "hidden.xlsx", body, {"Biểu cũ": "hidden"}))
    assert table.rows[0].where == "sheet Biểu, row 2"
    with pytest.raises(IngestError, match="several sheets") as err:
        read_xlsx(tiny_workbook(tmp_path / "two.xlsx", body, {"Biểu (2)": "visible"}))
    assert err.value.text == "Biểu, Biểu (2)"


def test_xlsx_header_merge_reaching_the_numbering_row_is_filled_in_the_header_only(tmp_path, text_table):
    def edit(ws):
        ws.unmerge_cells("K5:K6")
        ws.merge_cells("K5:K7")  # "Ghi chú" merged down over its number "11"
    table = read_xlsx(edited_xlsx(tmp_path, edit))
    assert layout(table) == layout(text_table)
    assert table.header_labels["note"] == "Ghi chú"


def test_xlsx_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "bieu.xlsx"
    path.write_bytes(b"TT,Chi tieu\n")
    with pytest.raises(IngestError, match="not a readable XLSX workbook"):
        read_xlsx(path)


# --- the CSV reader ----------------------------------------------------------

def test_csv_reader_reads_the_2022_appendix(text_table):
    table = read_csv(BIEU_CSV.read_bytes(), BIEU_CSV.name)
    assert_appendix_2022(table)
    assert table.header_labels["plan"] == "Năm 2022 / KH"
    assert table.header_labels["estimate"] == "Năm 2022 / Ước TH"
    assert table.header_labels["prior_actual"] == "Thực hiện 2021"  # a line break inside the quoted label
    # physical lines: the header records span several lines, so a row is not its record number
    line = next(i for i, text in enumerate(BIEU_CSV.read_text(encoding="utf-8-sig").splitlines(), 1)
                if GRDP_PC in text)
    assert line == 19
    assert row_named(table, GRDP_PC).where == "line 19"
    assert layout(table) == layout(text_table)


def fixture_records() -> list[list[str]]:
    return list(csv.reader(io.StringIO(BIEU_CSV.read_text(encoding="utf-8-sig"), newline="")))


def to_cp1258(text: str) -> bytes:
    """Windows-1258 keeps tone marks as combining characters after a precomposed base."""
    out = []
    for ch in text:
        base, *marks = unicodedata.normalize("NFD", ch)
        tones = [m for m in marks if m in "\u0300\u0301\u0303\u0309\u0323"]
        rest = [m for m in marks if m not in tones]
        out.append(unicodedata.normalize("NFC", base + "".join(rest)) + "".join(tones))
    return "".join(out).encode("cp1258")


def write_records(records, delimiter=",", quoting=csv.QUOTE_ALL) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\r\n").writerows(records)
    return buffer.getvalue()


@pytest.mark.parametrize("variant", ["semicolon", "tab", "no_bom", "nfd", "cp1258"])
def test_csv_reader_takes_every_department_style(variant, text_table):
    records = fixture_records()
    data = {
        "semicolon": lambda: write_records(records, ";", csv.QUOTE_MINIMAL).encode("utf-8-sig"),
        "tab": lambda: write_records(records, "\t", csv.QUOTE_MINIMAL).encode("utf-8"),
        "no_bom": lambda: write_records(records).encode("utf-8"),
        "nfd": lambda: unicodedata.normalize("NFD", write_records(records)).encode("utf-8"),
        "cp1258": lambda: to_cp1258(write_records(records, ";", csv.QUOTE_MINIMAL)),
    }[variant]()
    if variant == "semicolon":
        assert b";1.949,545;2.018;4.180;" in data  # unquoted: the comma is not the delimiter here
    table = read_csv(data, f"bieu_{variant}.csv")
    assert table.plan_year == 2022
    assert layout(table) == layout(text_table)


# --- refusals ------------------------------------------------------------------

def edited_xlsx(tmp_path: Path, edit) -> Path:
    wb = openpyxl.load_workbook(BIEU_XLSX)
    edit(wb[SHEET])
    path = tmp_path / "bieu_sua.xlsx"
    wb.save(path)
    return path


def sheet_row(ws, name: str) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == name)


def drop_estimate_column(ws) -> None:
    for merged in list(ws.merged_cells.ranges):
        ws.unmerge_cells(str(merged))
    assert ws["F6"].value == "Ước TH"
    ws.delete_cols(6)


def test_xlsx_malformed_number_refuses_the_sheet(tmp_path):
    def edit(ws):
        ws.cell(sheet_row(ws, LIVESTOCK), 6).value = "5.3407"
    with pytest.raises(IngestError) as err:
        read_xlsx(edited_xlsx(tmp_path, edit))
    assert str(err.value) == (
        "bieu_sua.xlsx, sheet Biểu 01, row 58: malformed number in column 'Năm 2022 / Ước TH': '5.3407'"
    )


def test_xlsx_without_an_estimate_column_is_refused(tmp_path):
    with pytest.raises(IngestError) as err:
        read_xlsx(edited_xlsx(tmp_path, drop_estimate_column))
    assert (err.value.document, err.value.location) == ("bieu_sua.xlsx", "sheet Biểu 01, row 5")
    assert "no column labelled as estimate" in str(err.value)


def test_xlsx_header_whose_years_disagree_is_refused(tmp_path):
    def edit(ws):
        ws["E5"].value = "Năm 2023"  # KH / Ước TH under it become 2023, "Thực hiện 2021" does not fit
    with pytest.raises(IngestError) as err:
        read_xlsx(edited_xlsx(tmp_path, edit))
    assert (err.value.document, err.value.location, err.value.text) == (
        "bieu_sua.xlsx", "sheet Biểu 01, row 5", "Thực hiện 2021")
    assert "plan year 2023" in str(err.value)


def edited_csv(edit) -> bytes:
    records = fixture_records()
    edit(records)
    return write_records(records).encode("utf-8-sig")


def test_csv_malformed_number_refuses_the_file():
    def edit(records):
        next(r for r in records if r[1] == LIVESTOCK)[5] = "5.3407"
    with pytest.raises(IngestError) as err:
        read_csv(edited_csv(edit), "bieu.csv")
    line = next(i for i, text in enumerate(BIEU_CSV.read_text(encoding="utf-8-sig").splitlines(), 1)
                if LIVESTOCK in text)
    assert str(err.value) == f"bieu.csv, line {line}: malformed number in column 'Năm 2022 / Ước TH': '5.3407'"


def test_csv_without_an_estimate_column_is_refused():
    def edit(records):
        for record in records:
            del record[5]
    with pytest.raises(IngestError) as err:
        read_csv(edited_csv(edit), "bieu.csv")
    assert (err.value.document, err.value.location) == ("bieu.csv", "line 5")
    assert "no column labelled as estimate" in str(err.value)


def test_csv_header_whose_years_disagree_is_refused():
    def edit(records):
        records[4][4] = "Năm 2023"
    with pytest.raises(IngestError) as err:
        read_csv(edited_csv(edit), "bieu.csv")
    assert (err.value.location, err.value.text) == ("line 5", "Thực hiện 2021")


def test_csv_without_a_header_is_refused():
    with pytest.raises(IngestError, match="no appendix header") as err:
        read_csv("Phụ lục\n1;2;3\n".encode("utf-8"), "rac.csv")
    assert err.value.document == "rac.csv"


def test_refused_ingest_leaves_the_warehouse_unchanged(warehouses, tmp_path, capsys):
    db = copy_warehouse(warehouses["text"], tmp_path / "ktxh.duckdb")
    before = snapshot(db)
    assert sum(len(rows) for rows in before.values()) > 0
    bad_xlsx = edited_xlsx(tmp_path, lambda ws: setattr(ws.cell(sheet_row(ws, LIVESTOCK), 6), "value", "5.3407"))
    good_csv = tmp_path / "bieu_tot.csv"
    good_csv.write_bytes(BIEU_CSV.read_bytes())
    # a good document and a bad one together: all or nothing
    assert run_cli(db, "ingest", str(good_csv), str(bad_xlsx), "--area", "04") == 1
    err = capsys.readouterr().err
    assert "refused" in err and "bieu_sua.xlsx" in err and "row 58" in err and "'5.3407'" in err
    bad_csv = tmp_path / "bieu_sai.csv"
    bad_csv.write_bytes(edited_csv(lambda records: records[4].__setitem__(4, "Năm 2023")))
    assert run_cli(db, "ingest", str(bad_csv), "--area", "04") == 1
    assert "bieu_sai.csv, line 5" in capsys.readouterr().err
    assert snapshot(db) == before


# --- the same appendix in three forms builds the same mart -------------------------

def attainment(db: Path):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.sql(
            "select * exclude (document, source_ref, source_line, batch_id) "
            "from marts.fct_plan_attainment order by area_code, plan_year, measure_code"
        ).pl()


def test_text_xlsx_and_csv_build_the_same_plan_attainment(warehouses):
    frames = {form: attainment(db) for form, db in warehouses.items()}
    assert frames["text"].height == 41
    assert_frame_equal(frames["text"], frames["xlsx"], check_exact=True)
    assert_frame_equal(frames["text"], frames["csv"], check_exact=True)
    for form, db in warehouses.items():
        with duckdb.connect(str(db), read_only=True) as con:
            fmt = con.sql("select document_format from raw.load_batches").fetchall()
            assert fmt == [({"text": "report_text"}.get(form, form),)]


@pytest.mark.parametrize("form", ["text", "xlsx", "csv"])
def test_real_figures_in_every_form(warehouses, form):
    with duckdb.connect(str(warehouses[form]), read_only=True) as con:
        def fact(code: str) -> dict:
            return con.sql(
                "select * from marts.fct_plan_attainment where measure_code = ?", params=[code]
            ).pl().to_dicts()[0]

        grdp = fact("grdp_per_capita")
        assert [grdp[k] for k in ("prior_actual", "plan", "estimate", "next_plan")] == [
            Decimal("37.18"), Decimal("40.30"), Decimal("39.48"), Decimal("43.97")]
        assert round(grdp["pct_of_plan"], 2) == Decimal("97.97") and grdp["status"] == "missed"
        budget = fact("budget_revenue")
        assert [budget[k] for k in ("prior_actual", "plan", "estimate", "next_plan")] == [
            Decimal("1949.545"), Decimal("2018"), Decimal("4180"), Decimal("2838")]
        assert [budget[k] for k in ("prior_actual_decimals", "plan_decimals", "estimate_decimals")] == [3, 0, 0]
        assert budget["status"] == "exceeded"
        unemployment = fact("urban_unemployment_rate")
        assert (unemployment["plan"], unemployment["estimate"], unemployment["status"]) == (
            Decimal("3.35"), Decimal("3.35"), "met")
        assert fact("doctors_per_10k")["prior_actual_decimals"] == 2  # "15,00"
