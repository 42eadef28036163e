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
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
from openpyxl.cell.cell import MergedCell
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ingest import notes

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


def _raw_grid(ws: Worksheet, document: str) -> list[list[Cell]]:
    """Every row of the sheet from row 1 (index = row - 1), merged cells blank.

    The used range is that of the cells holding a value, never the sheet's dimension tag
    nor a formatted empty cell (one styled cell at XFD1048576 makes openpyxl's
    ``max_row`` × ``max_column`` 17 billion cells); it must stay within
    ``KTXH_MAX_CELLS_PER_SHEET``.  A date is refused (Excel turns "4.1" into 4 January).
    A number stored with more decimals than its format shows is read as shown, which is
    what the department sees, with a warning.
    """
    from ktxh.settings import input_limits

    present = [(r, c, cell) for (r, c), cell in ws._cells.items()
               if cell.value is not None and not isinstance(cell, MergedCell)]
    if not present:
        return []
    max_row = max(r for r, _, _ in present)
    max_col = max(c for _, c, _ in present)
    limit = input_limits().max_cells_per_sheet
    if max_row * max_col > limit:
        far = max(present, key=lambda p: p[0] * p[1])[2]
        raise IngestError(
            document, f"sheet {ws.title}, cell {far.coordinate}",
            f"the cells in use span A1:{far.coordinate if far.row == max_row and far.column == max_col else get_column_letter(max_col) + str(max_row)}, "
            f"{max_row * max_col:,} cells, over the limit of {limit:,} (KTXH_MAX_CELLS_PER_SHEET): "
            "delete what lies outside the table",
        )
    grid: list[list[Cell]] = [[None] * max_col for _ in range(max_row)]
    hidden_decimals: list[str] = []
    for r, c, cell in present:
        if isinstance(cell.value, (dt.datetime, dt.date, dt.time)):
            raise IngestError(
                document, f"sheet {ws.title}, row {r}",
                f"cell {cell.coordinate} holds a date where the table has a number or a TT marker "
                "(Excel turns '4.1' into 4 January): format the column as text and type it again",
                cell.value.isoformat(),
            )
        value = _cell(cell.value, cell.number_format)
        if isinstance(value, SheetNumber) and value.decimals is not None and isinstance(cell.value, (int, float)):
            stored = Decimal(repr(value.value)) if isinstance(value.value, float) else Decimal(value.value)
            exponent = stored.normalize().as_tuple().exponent
            if isinstance(exponent, int) and -exponent > value.decimals:
                hidden_decimals.append(f"{cell.coordinate} stores {stored}")
        grid[r - 1][c - 1] = value
    if hidden_decimals:
        notes.warn(
            f"sheet {ws.title}: {len(hidden_decimals)} cell(s) store more decimals than their number format shows "
            f"(first: {hidden_decimals[0]}); read as shown, as the department sees them"
        )
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
    ws = _load(path, data_only=False)[0][sheet]
    for (r, col), c in sorted(ws._cells.items()):
        if isinstance(c, MergedCell) or c.data_type != "f":
            continue
        if r > len(grid) or col > len(grid[r - 1]) or grid[r - 1][col - 1] is None:
            formula = c.value if isinstance(c.value, str) else getattr(c.value, "text", str(c.value))
            raise IngestError(
                path.name, f"sheet {sheet}, row {c.row}",
                f"cell {c.coordinate} is a formula with no computed value "
                "(saved by a program that does not calculate: open and save it in Excel or LibreOffice)",
                formula,
            )


_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]*);")
_XML_ENTITIES = {b"amp", b"lt", b"gt", b"quot", b"apos"}


def _check_package(path: Path, data: bytes) -> None:
    """The ZIP's parts, before openpyxl expands them: within the uncompressed size limit and
    the cell limit (cells counted in the sheet XML, so that a huge sheet is refused cheaply)."""
    from ktxh.settings import input_limits

    limits = input_limits()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            total = sum(i.file_size for i in infos)
            cap = limits.max_xlsx_uncompressed_bytes
            if total > cap:
                raise IngestError(path.name, "whole workbook",
                                  f"{total:,} bytes uncompressed, over the limit of {cap:,} (KTXH_MAX_XLSX_UNCOMPRESSED_BYTES)")
            for info in infos:
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    with z.open(info) as part:
                        cells = sum(chunk.count(b"<c ") + chunk.count(b"<c>") for chunk in iter(lambda: part.read(1 << 20), b""))
                    if cells > limits.max_cells_per_sheet:
                        raise IngestError(path.name, info.filename,
                                          f"{cells:,} cells, over the limit of {limits.max_cells_per_sheet:,} (KTXH_MAX_CELLS_PER_SHEET)")
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise IngestError(path.name, "whole file", "not a readable XLSX workbook (a ZIP archive)", str(exc)) from None


def _broken_part(data: bytes) -> tuple[str, str] | None:
    """The first XML part of the package that does not parse, and why."""
    from xml.etree import ElementTree

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                try:
                    ElementTree.fromstring(z.read(name))
                except ElementTree.ParseError as exc:
                    return name, str(exc)
                except Exception as exc:  # zlib errors of a cut part
                    return name, str(exc)
    return None


def _without_html_entities(data: bytes) -> tuple[bytes, list[str]]:
    """The package with HTML entities in its XML parts replaced by character references."""
    from html.entities import name2codepoint

    out, changed = io.BytesIO(), []
    with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            body = z.read(info)
            if info.filename.endswith(".xml"):
                fixed = _ENTITY.sub(
                    lambda m: m.group(0) if m.group(1) in _XML_ENTITIES or m.group(1).decode() not in name2codepoint
                    else f"&#{name2codepoint[m.group(1).decode()]};".encode(), body)
                if fixed != body:
                    changed.append(info.filename)
                body = fixed
            w.writestr(info, body)
    return out.getvalue(), changed


def _load(path: Path, data_only: bool):
    """openpyxl's workbook, or an IngestError naming the part that cannot be read.
    Returns (workbook, the parts repaired of HTML entities or "")."""
    data = path.read_bytes()
    _check_package(path, data)
    try:
        return openpyxl.load_workbook(io.BytesIO(data), data_only=data_only), ""
    except Exception as first:  # openpyxl raises whatever its XML parser or zipfile raise
        if "undefined entity" in str(first):
            fixed, parts = _without_html_entities(data)
            try:
                return openpyxl.load_workbook(io.BytesIO(fixed), data_only=data_only), ", ".join(parts)
            except Exception:
                pass
        broken = _broken_part(data)
        if broken:
            part, why = broken
            raise IngestError(path.name, part, f"not readable XML ({why}): the file is cut short or damaged") from None
        raise IngestError(path.name, "whole file", "not a readable XLSX workbook", str(first).splitlines()[0]) from None


def read_xlsx(path: Path) -> AppendixTable:
    """Read the appendix table of a department workbook; see the module docstring."""
    path = Path(path)
    document = path.name
    wb, repaired = _load(path, data_only=True)
    if repaired:
        notes.warn(f"{repaired} use HTML entities (&nbsp; …) that XML does not define: read as the characters they name")

    candidates = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        grid = _raw_grid(ws, document)
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
