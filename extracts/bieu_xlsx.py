"""The biểu as the department prints it: an XLSX workbook laid out for A4 paper (openpyxl).

Sheet "Biểu <year>": the issuing body (top left) and "Biểu số 01" (top right), the title, the
province and the source reference, the two-row header and the column numbers, then the rows.
Printing: A4 landscape, fitted to one page wide (as many pages tall as needed), the header rows
and the TT / Chỉ tiêu columns repeated on every page, "Trang N/M" in the page footer, row heights
set from the length of the text so wrapped names and header labels never overlap, indicator and
group rows in bold.  Printed ratios that differ from their recomputed value beyond rounding are
shown as printed with a ``(*)`` mark (in the number format, so the cell stays a number) on a light
fill; "Ghi chú" gives the recomputed value and the finding.

Sheet "Phát hiện": every finding of ``ktxh check`` for the province and year.

Figures are numbers with a number format at their printed precision tagged with the Vietnamese
locale (``[$-42A]#,##0.00``).  Text is always stored as text: openpyxl would store a string
starting with ``=`` as a formula, so every text cell is forced to the string type.
"""

from __future__ import annotations

import math
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from extracts.bieu import MARK, Bieu, Num

VN_LOCALE = "[$-42A]"
WIDTHS = (5, 44, 10, 10, 9, 10, 11, 11, 9, 11, 9, 30)
FINDING_HEADER = ("Số", "Mức độ", "Kiểm tra", "Số thứ tự", "Tên chỉ tiêu", "Cột", "Số in", "Số liệu cho phép",
                  "Nguồn", "Phát hiện")  # no "TT"/"STT" nor "Nội dung": readers take those for a biểu header
FINDING_WIDTHS = (5, 9, 16, 5, 34, 20, 9, 14, 30, 70)
LINE_HEIGHT = 15.0  # points, for 11 pt text
FONT = "Times New Roman"
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
MARKED_FILL = PatternFill("solid", fgColor="FFF2CC")


def number_format(decimals: int, marked: bool = False) -> str:
    body = f"{VN_LOCALE}#,##0" + ("." + "0" * decimals if decimals else "")
    return body + (f'" {MARK}"' if marked else "")


def text_lines(text: str | None, width: float, bold: bool = False) -> int:
    """Lines a wrapped text takes in a column ``width`` characters wide (Times New Roman 11)."""
    if not text:
        return 1
    per_line = max(1.0, width * (1.3 if bold else 1.55) - 2)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in str(text).split("\n"))


def set_text(cell, value: str) -> None:
    """A text cell that never runs as a formula, whatever it starts with."""
    cell.value = value
    cell.data_type = "s"


def _font(bold=False, italic=False, size=11) -> Font:
    return Font(name=FONT, size=size, bold=bold, italic=italic)


def _merged_line(ws: Worksheet, row: int, first: int, last: int, text: str, font: Font, horizontal: str) -> None:
    set_text(ws.cell(row, first), text)
    ws.cell(row, first).font = font
    ws.cell(row, first).alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True)
    if last > first:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


def _page_setup(ws: Worksheet, title_rows: str, last_column: int, last_row: int) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top, ws.page_margins.bottom = 0.5, 0.6
    ws.page_margins.footer = 0.3
    ws.print_title_rows = title_rows
    ws.print_area = f"A1:{get_column_letter(last_column)}{last_row}"
    ws.oddFooter.center.text = "Trang &P/&N"
    ws.oddFooter.center.font = FONT


def _write_bieu_sheet(ws: Worksheet, bieu: Bieu) -> None:
    width = len(bieu.header_top)
    bold, italic, plain = _font(bold=True), _font(italic=True), _font()
    total_width = sum(WIDTHS)

    # issuing body (top left) and form number (top right)
    issuer = bieu.issuer or [""]
    for i, line in enumerate(issuer, start=1):
        _merged_line(ws, i, 1, 3, line, bold, "center")
    _merged_line(ws, 1, width - 2, width, bieu.form_no, _font(bold=True, italic=True), "right")
    r = len(issuer) + 2
    for i, line in enumerate(bieu.title):
        font = _font(bold=True, size=13) if i == 0 else italic
        _merged_line(ws, r, 1, width, line, font, "center")
        ws.row_dimensions[r].height = LINE_HEIGHT * 1.2 * text_lines(line, total_width * 0.85, bold=i == 0)
        r += 1
    r += 1

    top, sub, numbering = r, r + 1, r + 2
    for c, label in enumerate(bieu.header_top, start=1):
        if label:
            set_text(ws.cell(top, c), label)
    for c, label in enumerate(bieu.header_sub, start=1):
        if label:
            set_text(ws.cell(sub, c), label)
    for c, label in enumerate(bieu.numbering, start=1):
        if label.isdigit():
            ws.cell(numbering, c, int(label))
        else:
            set_text(ws.cell(numbering, c), label)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in (top, sub, numbering):
        for c in range(1, width + 1):
            cell = ws.cell(row, c)
            cell.font, cell.alignment, cell.border = bold, centre, BOX
    children = [c for c, label in enumerate(bieu.header_sub, start=1) if label]
    ws.merge_cells(start_row=top, start_column=min(children), end_row=top, end_column=max(children))
    for c in range(1, width + 1):
        if c not in children:
            ws.merge_cells(start_row=top, start_column=c, end_row=sub, end_column=c)
    # the spanning labels (TT, Thực hiện 2021, KH 2023 so với…) share both rows' height
    span_lines = max(text_lines(label, WIDTHS[c], bold=True) for c, label in enumerate(bieu.header_top)
                     if label and c + 1 not in children)
    sub_lines = max(text_lines(label, WIDTHS[c], bold=True) for c, label in enumerate(bieu.header_sub) if label)
    ws.row_dimensions[top].height = LINE_HEIGHT * max(1, span_lines - sub_lines) + 4
    ws.row_dimensions[sub].height = LINE_HEIGHT * sub_lines + 4
    ws.row_dimensions[numbering].height = LINE_HEIGHT + 2

    r = numbering
    for kind, cells in bieu.body:
        r += 1
        row_bold = kind in ("group", "heading", "indicator")
        font = bold if row_bold else italic if kind == "trong_do" else plain
        lines = 1
        for c, value in enumerate(cells, start=1):
            cell = ws.cell(r, c)
            if isinstance(value, Num):
                cell.value = int(value.value) if value.decimals == 0 else float(value.value)
                cell.number_format = number_format(value.decimals, value.marked)
                if value.marked:
                    cell.fill = MARKED_FILL
            elif value is not None and value != "":
                if c == 1 and value.isdigit():
                    cell.value = int(value)
                else:
                    set_text(cell, value)
                if c in (2, width):
                    lines = max(lines, text_lines(value, WIDTHS[c - 1], bold=row_bold))
            cell.border = BOX
            cell.font = font
            cell.alignment = Alignment(vertical="center", wrap_text=c in (2, width),
                                       horizontal="center" if c in (1, 3, width - 1) else None)
        ws.row_dimensions[r].height = LINE_HEIGHT * lines + 2

    r += 2
    for line in bieu.footer:
        _merged_line(ws, r, 1, width, line, italic, "left")
        ws.cell(r, 1).alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
        ws.row_dimensions[r].height = LINE_HEIGHT * text_lines(line, total_width * 0.95) + 2
        r += 1

    for c, w in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.freeze_panes = f"C{numbering + 1}"
    _page_setup(ws, f"{top}:{numbering}", width, r - 1)
    ws.print_title_cols = "A:B"


def _write_findings_sheet(ws: Worksheet, bieu: Bieu) -> None:
    bold, plain = _font(bold=True), _font()
    width = len(FINDING_HEADER)
    _merged_line(ws, 1, 1, width, f"CÁC PHÁT HIỆN KIỂM TRA SỐ LIỆU BIỂU CHỈ TIÊU NĂM {bieu.plan_year} – "
                 f"{bieu.area_name.upper()}", _font(bold=True, size=13), "center")
    _merged_line(ws, 2, 1, width, "Mức độ: Lỗi (bảng không dùng được), Cảnh báo (số liệu trong tài liệu mâu "
                 "thuẫn nhau), Thông tin (cần biết, không phải lỗi). Nguồn: tài liệu và dòng (hàng) của số liệu.",
                 _font(italic=True), "center")
    ws.row_dimensions[2].height = LINE_HEIGHT * 2 + 2
    header = 4
    for c, label in enumerate(FINDING_HEADER, start=1):
        cell = ws.cell(header, c)
        set_text(cell, label)
        cell.font, cell.border = bold, BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[header].height = LINE_HEIGHT * 2 + 2
    r = header
    if not bieu.findings:
        r += 1
        _merged_line(ws, r, 1, width, "Không có phát hiện (hoặc chưa chạy kiểm tra: ktxh check).", plain, "left")
    for n, f in enumerate(bieu.findings, start=1):
        r += 1
        values = (n, f.severity, f.check_name, f.tt, f.measure_name, f.column, f.printed, f.expected,
                  f.source, f.message)
        lines = 1
        for c, value in enumerate(values, start=1):
            cell = ws.cell(r, c)
            if isinstance(value, int):
                cell.value = value
            elif value:
                set_text(cell, value)
                lines = max(lines, text_lines(value, FINDING_WIDTHS[c - 1]))
            cell.font, cell.border = (bold if c == 2 and f.severity != "Thông tin" else plain), BOX
            cell.alignment = Alignment(vertical="top", wrap_text=True,
                                       horizontal="center" if c in (1, 2, 4, 7) else None)
        ws.row_dimensions[r].height = LINE_HEIGHT * lines + 2
    for c, w in enumerate(FINDING_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.freeze_panes = f"A{header + 1}"
    _page_setup(ws, f"{header}:{header}", width, r)


def write_xlsx(bieu: Bieu, path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = f"Biểu {bieu.plan_year}"
    _write_bieu_sheet(ws, bieu)
    _write_findings_sheet(wb.create_sheet("Phát hiện"), bieu)
    wb.save(path)
