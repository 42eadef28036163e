"""The department's biểu as CSV, as a spreadsheet saves it.

* Encoding: UTF-8 with or without BOM, else a legacy Vietnamese encoding, all
  through ``ingest.text.decode_document`` (which also normalises to NFC).
* Delimiter: ``,`` ``;`` or tab (a Vietnamese-locale Excel separates with
  ``;`` because ``,`` is its decimal mark).  It is detected explicitly rather than
  with ``csv.Sniffer``, which guesses from character counts and is misled by
  Vietnamese numbers whose decimal mark is a comma: the file is split with each
  candidate, and the delimiter kept is the one under which a row reads as the
  appendix header (TT | Chỉ tiêu | Đơn vị tính …); if several do, the one
  giving that row the most cells.
* Fields may be quoted and may span lines (a header label with a line break);
  every row keeps the physical line it starts on: ``line <n>``.
* A text cell starting with ``'`` followed by ``=``, ``+``, ``-``, ``@``, tab or CR
  carries the apostrophe that guards it from being run as a formula (our own
  export writes TT markers ``-``/``+`` that way); the apostrophe is dropped.

Everything about the table itself (two header rows, the numbering row, footers,
strict numbers) is ``parse_grid``'s.
"""

from __future__ import annotations

import csv
import io

from ingest.appendix import AppendixTable, GridRow, find_header_row, parse_grid
from ktxh.errors import IngestError
from ingest.text import clean_cell, decode_document

DELIMITERS = (",", ";", "\t")
FORMULA_GUARD = "'"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _unguard(cell: str) -> str:
    if cell.startswith(FORMULA_GUARD) and cell[1:2] and cell[1] in FORMULA_STARTS:
        return cell[1:]
    return cell


def split_rows(text: str, delimiter: str, strict: bool = False) -> list[GridRow]:
    """The CSV's records as grid rows, each with the line it starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=strict)
    rows: list[GridRow] = []
    previous_end = 0
    try:
        for record in reader:
            line = previous_end + 1
            previous_end = reader.line_num
            rows.append(GridRow(cells=[_unguard(c) for c in record], line=line, where=f"line {line}"))
    except csv.Error as exc:
        raise csv.Error(f"line {previous_end + 1}: {exc}") from None
    return rows


def detect_delimiter(text: str, document: str) -> str:
    """The delimiter under which the appendix header reads as a row of labels."""
    found: list[tuple[int, int, str]] = []
    for rank, delimiter in enumerate(DELIMITERS):
        try:
            rows = split_rows(text, delimiter)
        except csv.Error:
            continue
        start = find_header_row(rows)
        if start is not None:
            labels = sum(1 for c in rows[start].cells if clean_cell(c))
            found.append((labels, -rank, delimiter))
    if not found:
        raise IngestError(
            document, "whole file",
            "no appendix header (a row naming 'Chỉ tiêu' and 'TT' or 'Đơn vị tính') "
            "with ',', ';' or tab as the delimiter",
        )
    return max(found)[2]


def read_csv(data: bytes, document: str) -> AppendixTable:
    """Read the appendix table of a department CSV; see the module docstring."""
    text = decode_document(data, document)
    delimiter = detect_delimiter(text, document)
    try:
        rows = split_rows(text, delimiter, strict=True)
    except csv.Error as exc:
        where, _, why = str(exc).partition(": ")
        if "unexpected end of data" in why:
            why = "a quoted cell opened here is never closed (the file is cut short, or a quote is missing)"
        raise IngestError(document, where, why) from None
    _refuse_cut_last_row(document, text, rows)
    return parse_grid(document, rows)


def _refuse_cut_last_row(document: str, text: str, rows: list[GridRow]) -> None:
    """A file that ends inside a row: no line break at the end, and fewer cells than the header."""
    start = find_header_row(rows)
    if start is None or text.endswith(("\n", "\r")) or not rows:
        return
    last, width = rows[-1], len(rows[start].cells)
    if last.line > rows[start].line and len(last.cells) < width:
        raise IngestError(
            document, last.where,
            f"the last row has {len(last.cells)} of the header's {width} cells and the file ends without "
            "a line break: the file is cut short",
        )
