"""The biểu as the department prints it: page setup, marks and notes, the findings sheet, and the
workbook rendered to PDF by LibreOffice (skipped, with a message, where soffice is not installed)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from .conftest import query
from extracts.export import export_all

HEALTH = "Tỷ lệ số xã đạt chuẩn quốc gia về y tế xã"
# the six printed ratios of the 2022 appendix that rounding cannot explain (README, consistency checks)
MARKED = {
    ("Tỷ lệ xã có đường đến trung tâm xã được nhựa hóa/ bê tông hóa", 8),
    (HEALTH, 8), (HEALTH, 10),
    ("Tỷ lệ gia đình văn hóa", 7),
    ("Tỷ lệ lao động qua đào tạo", 7),
    ("Trong đó: Tỷ lệ qua đào tạo nghề", 7),
}


@pytest.fixture(scope="module")
def printed(checked_warehouse, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("printed")
    export_all(checked_warehouse, out, year=2022)
    return out / "bieu_chi_tieu_2022.xlsx"


@pytest.fixture(scope="module")
def book(printed):
    return openpyxl.load_workbook(printed)


def rows_by_name(ws) -> dict[str, int]:
    return {ws.cell(r, 2).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value}


def test_page_setup_is_a4_landscape_one_page_wide_with_repeated_titles(book):
    ws = book["Biểu 2022"]
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) and ws.page_setup.orientation == "landscape"
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight, ws.sheet_properties.pageSetUpPr.fitToPage) == (
        1, 0, True)
    assert (ws.print_title_rows.replace("$", ""), ws.print_title_cols.replace("$", "")) == ("8:10", "A:B")
    assert ws.oddFooter.center.text == "Trang &P/&N"
    assert [ws["A1"].value, ws["A2"].value, ws["J1"].value] == ["ỦY BAN NHÂN DÂN", "TỈNH CAO BẰNG", "Biểu số 01"]


def test_row_heights_fit_the_text_and_indicator_rows_are_bold(book):
    ws = book["Biểu 2022"]
    rows = rows_by_name(ws)
    body = range(11, 11 + 54)
    assert all(ws.row_dimensions[r].height for r in body)  # every row's height is set
    one_line = ws.row_dimensions[rows["Xây dựng"]].height
    # 84 characters of bold name in a 44-wide column take two lines
    assert ws.row_dimensions[rows["Tổng kim ngạch xuất nhập khẩu qua địa bàn (bao gồm cả giá trị hàng hóa giám sát)"]
                             ].height >= 2 * one_line - 2
    assert ws.row_dimensions[9].height >= 3 * 15  # "Ước TH năm 2022 so với TH 2021 (%)" wraps to three lines
    assert ws.cell(rows["Tốc độ tăng trưởng GRDP"], 2).font.b and ws.cell(rows["Y tế"], 2).font.b
    assert ws.cell(rows["Chỉ tiêu kinh tế"], 2).font.b
    assert not ws.cell(rows["Nông, lâm nghiệp, thủy sản"], 2).font.b
    assert ws.cell(rows["GRDP bình quân đầu người"], 6).font.b  # the whole indicator row


def test_printed_ratios_kept_marked_where_rounding_cannot_explain_them(book, checked_warehouse):
    ws = book["Biểu 2022"]
    rows = rows_by_name(ws)
    marked = {(ws.cell(r, 2).value, c) for r in range(11, 11 + 54) for c in (7, 8, 10)
              if "(*)" in ws.cell(r, c).number_format}
    assert marked == MARKED
    health = [ws.cell(rows[HEALTH], c) for c in range(1, 13)]
    assert [health[7].value, health[9].value] == [113.4, 103.9]  # as printed
    note = health[11].value
    assert "(*) Cột 8 tính lại: 115,1." in note and "(*) Cột 10 tính lại: 102,4." in note
    [(message,)] = query(checked_warehouse, "select message_vi from checks.findings where measure_code = "
                                  "'commune_health_standard_share' and figure = 'pct_of_plan'")
    assert message.replace(";", ",") in note
    assert "80,1 / 69,6 × 100 = 114,93–115,24" in note
    # no note where nothing is wrong, and none for info findings (the growth index of investment)
    assert ws.cell(rows["GRDP bình quân đầu người"], 12).value is None
    assert ws.cell(rows["Tổng vốn đầu tư toàn xã hội tăng thêm"], 12).value is None
    noted = {ws.cell(r, 2).value.removeprefix("Trong đó: ") for r in range(11, 11 + 54) if ws.cell(r, 12).value}
    faults = {name for (name,) in query(checked_warehouse, "select distinct measure_name from checks.findings "
                                                          "where severity in ('error', 'warning') and area_code = '04' "
                                                          "and plan_year = 2022")}
    assert noted == faults and {name.removeprefix("Trong đó: ") for name, _ in MARKED} <= noted


def test_footnote_states_the_growth_index_per_column(book):
    ws = book["Biểu 2022"]
    footer = " ".join(str(ws.cell(r, 1).value) for r in range(66, ws.max_row + 1) if ws.cell(r, 1).value)
    assert ("cột 7 = 100 + tốc độ ước TH năm 2022, cột 8 = (100 + tốc độ ước TH năm 2022) / (100 + tốc độ KH 2022)"
            " × 100, cột 10 = 100 + tốc độ KH 2023") in footer


def test_second_sheet_lists_every_finding(book, checked_warehouse):
    ws = book["Phát hiện"]
    [(count,)] = query(checked_warehouse, "select count(*) from checks.findings where area_code = '04' and plan_year = 2022")
    listed = [[ws.cell(r, c).value for c in range(1, 11)] for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value]
    [(warnings,)] = query(checked_warehouse, "select count(*) from checks.findings where area_code = '04' "
                                             "and plan_year = 2022 and severity = 'warning'")
    assert count >= 25 and len(listed) == count  # 25 when written; later checks may add findings
    assert [row[1] for row in listed].count("Cảnh báo") == warnings >= 6
    health = next(row for row in listed if row[4] == HEALTH and row[5].startswith("8 "))
    assert health[:9] == [
        health[0], "Cảnh báo", "printed_ratio", "-", HEALTH, "8 (Ước TH năm 2022 so với KH 2022 (%))", "113,4",
        "114,93–115,24", "2022-11_bao-cao-kt-xh-2022-phuong-huong-2023.txt, dòng 811"]


# --- rendered by LibreOffice -------------------------------------------------------------

@pytest.fixture(scope="module")
def pdf(printed, tmp_path_factory) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui to render the biểu")
    out = tmp_path_factory.mktemp("pdf")
    profile = out / "profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(printed)], check=True, capture_output=True, timeout=180)
    return out / "bieu_chi_tieu_2022.pdf"


def test_rendered_biểu_has_every_column_and_the_row_labels_on_every_page(pdf, book):
    from pypdf import PdfReader

    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    bieu_pages = [p for p in pages if "Trang" in p and "Ghi chú" in p and "Chỉ tiêu" in p]
    # 54 rows on A4 landscape at one page wide: three pages of biểu, then the findings
    assert len(bieu_pages) == 3, [p[:80] for p in pages]
    assert len(pages) == 4
    for n, text in enumerate(bieu_pages, start=1):
        words = text.split()
        assert f"{n}/4" in words  # page numbers: Trang n/4
        # the repeated header: TT, Chỉ tiêu, and the last column (the page is one page wide)
        assert {"TT", "Chỉ", "tiêu", "Đánh", "giá", "Ghi", "chú", "10=9/6"} <= set(words)
    flat = " ".join(" ".join(p.split()) for p in bieu_pages)
    ws = book["Biểu 2022"]
    for r in range(11, 11 + 54):  # every row label is printed, none cut
        assert " ".join(str(ws.cell(r, 2).value).split()) in flat
    assert "BÁO CÁO TÌNH HÌNH THỰC HIỆN CHỈ TIÊU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2022" in " ".join(
        pages[0].split())
    assert "CÁC PHÁT HIỆN KIỂM TRA" in pages[3]
