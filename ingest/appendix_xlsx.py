"""The department's biểu as an XLSX workbook.

Read with openpyxl, not calamine/fastexcel: those return cell values only, and
this reader needs two things they do not expose,

* the merged ranges: the header is two rows with "Năm 2022" merged over its
  children (KH, Ước TH, the two ratio columns) and "TT", "Chỉ tiêu" … merged
  vertically; a merged range keeps its value in its top-left cell only, so the
  header's ranges are filled out before the grid goes to ``parse_grid``;
* each cell's number format: a figure stored as the number 15 is printed
  "15,00" when its format is ``#,##0.00``; the format's decimals are the
  figure's precision, which the consistency checks rely on.

The reader is thin: it picks the sheet, turns cells into ``Cell`` values
(numbers stay numbers, text stays text, to be parsed strictly as Vietnamese
numbers) and leaves everything about the table's layout to ``parse_grid``.

* The sheet is the visible one whose content has the appendix header, never the
  first by position (workbooks often open with an instructions sheet).
* Only merged ranges of the header block are filled: the block starts at the
  header row and reaches down as far as the ranges anchored on that row do
  (two rows at most).
  Merges in the body (a group row "I  Chỉ tiêu kinh tế" merged across the
  figures) keep their text in their first cell, where it belongs.
* A formula whose result was never computed (a file written by a program that
  does not calculate) is refused rather than read as a blank.

Locations read ``sheet <name>, row <n>``.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
from openpyxl.cell.cell import MergedCell
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from ingest.appendix import AppendixTable, Cell, GridRow, SheetNumber, find_header_row, parse_grid
from ktxh.errors import IngestError

_QUOTED = re.compile(r'"[^"]*"')
_BRACKETED = re.compile(r"\[[^\]]*\]")  # [$-42A], [Red], [>=100]
_ESCAPED = re.compile(r"\\.|[_*].")  # \x literal, _x padding, *x fill


def _first_section(number_format: str) -> str:
    """The format used for positive numbers: the part before the first unquoted ';'."""
    section, in_quotes = [], False
    for ch in number_format:
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == ";" and not in_quotes:
            break
        section.append(ch)
    return "".join(section)


def _format_body(number_format: str | None) -> str:
    body = _first_section(number_format or "General")
    return _ESCAPED.sub("", _BRACKETED.sub("", _QUOTED.sub("", body))).strip()


def format_decimals(number_format: str | None) -> int | None:
    """Decimals a number format shows (``#,##0.00`` → 2, ``[$-42A]#,##0.0`` → 1,
    ``#,##0`` → 0), or None when the format does not fix them (General, text)."""
    body = _format_body(number_format)
    if body.lower() in ("", "general", "@"):
        return None
    fraction = re.search(r"\.([0#?]+)", body)
    if fraction:
        return len(fraction.group(1))
    return 0 if re.search(r"[0#?]", body) else None


def is_percent_format(number_format: str | None) -> bool:
    """A ``0.00%`` format: the cell stores 0.9797 and shows 97,97."""
    return "%" in _format_body(number_format)


def _cell(value: object, number_format: str | None) -> Cell:
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float, Decimal)):
        number = value
        if is_percent_format(number_format):
            number = float(Decimal(repr(value) if isinstance(value, float) else value) * 100)
        elif isinstance(value, Decimal):
            number = float(value)
        return SheetNumber(number, format_decimals(number_format))
    if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        # A date where a figure belongs (Excel turned "4.1" into a date): kept as text,
        # so that parse_grid refuses it in a value column instead of reading a number.
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    return str(value)


def _raw_grid(ws: Worksheet) -> list[list[Cell]]:
    """Every row of the sheet from row 1 (index = row - 1), merged cells blank."""
    grid: list[list[Cell]] = []
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
        grid.append([None if isinstance(c, MergedCell) else _cell(c.value, c.number_format) for c in row])
    return grid


def _grid_rows(ws: Worksheet, grid: list[list[Cell]]) -> list[GridRow]:
    rows = []
    for number, cells in enumerate(grid, start=1):
        cells = list(cells)
        while cells and (cells[-1] is None or cells[-1] == ""):
            cells.pop()
        rows.append(GridRow(cells=cells, line=number, where=f"sheet {ws.title}, row {number}"))
    return rows


def _fill_header_merges(ws: Worksheet, grid: list[list[Cell]], header_row: int) -> None:
    """Give every cell of a merged header range the value of the range's top-left cell.

    The header block is the header row and, when ranges anchored on it reach
    lower, the row below (``parse_grid`` reads at most two header rows); a range
    reaching further (into the numbering row) is filled within the block only.
    """
    ranges = list(ws.merged_cells.ranges)
    block_end = min(max([r.max_row for r in ranges if r.min_row == header_row], default=header_row), header_row + 1)
    for r in ranges:
        if not header_row <= r.min_row <= block_end:
            continue
        value = grid[r.min_row - 1][r.min_col - 1]
        for row in range(r.min_row, min(r.max_row, block_end) + 1):
            for col in range(r.min_col, r.max_col + 1):
                grid[row - 1][col - 1] = value


def _refuse_uncomputed_formulas(path: Path, sheet: str, grid: list[list[Cell]]) -> None:
    """A formula cell read as blank only because no program ever computed it."""
    ws = openpyxl.load_workbook(path, data_only=False)[sheet]
    for row in ws.iter_rows(min_row=1, max_row=len(grid)):
        for c in row:
            if isinstance(c, MergedCell) or c.data_type != "f":
                continue
            if grid[c.row - 1][c.column - 1] is None:
                formula = c.value if isinstance(c.value, str) else getattr(c.value, "text", str(c.value))
                raise IngestError(
                    path.name, f"sheet {sheet}, row {c.row}",
                    f"cell {c.coordinate} is a formula with no computed value "
                    "(saved by a program that does not calculate: open and save it in Excel or LibreOffice)",
                    formula,
                )


def read_xlsx(path: Path) -> AppendixTable:
    """Read the appendix table of a department workbook; see the module docstring."""
    path = Path(path)
    document = path.name
    try:
        wb = openpyxl.load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise IngestError(document, "whole file", "not a readable XLSX workbook", str(exc)) from None

    candidates = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        grid = _raw_grid(ws)
        start = find_header_row(_grid_rows(ws, grid))
        if start is not None:
            candidates.append((ws, grid, start + 1))
    if not candidates:
        raise IngestError(
            document, "whole workbook",
            "no visible sheet has the appendix header (a row naming 'Chỉ tiêu' and 'TT' or 'Đơn vị tính')",
            ", ".join(ws.title for ws in wb.worksheets),
        )
    if len(candidates) > 1:
        raise IngestError(
            document, "whole workbook", "several sheets have an appendix header; keep one biểu per file",
            ", ".join(ws.title for ws, _, _ in candidates),
        )
    ws, grid, header_row = candidates[0]
    _fill_header_merges(ws, grid, header_row)
    _refuse_uncomputed_formulas(path, ws.title, grid)
    return parse_grid(document, _grid_rows(ws, grid))
