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


def split_rows(text: str, delimiter: str) -> list[GridRow]:
    """The CSV's records as grid rows, each with the line it starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
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
    return parse_grid(document, split_rows(text, detect_delimiter(text, document)))
