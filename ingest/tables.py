"""Tables of any document format, and the one way the appendix is picked from them.

Every reader (report text, markdown with HTML tables, Word, PDF, web page)
hands over its tables as :class:`Table` parts, each a ``list[GridRow]`` laid
out the same way: a merged cell keeps its text in its top-left cell and the
cells it covers are blank (as a pipe table prints it).  :func:`find_appendix_table`
then

* takes the first table whose header block ``parse_grid`` recognises
  (``find_header_row``), wherever it stands and whatever title is over it;
* appends the parts that continue it after a page break: the next tables of
  the same width that follow it directly (no paragraph of prose between),
  without a header of their own or repeating the first part's, dropping the
  repeated header and blank leading rows;
* reports every other table that carries figures but no appendix header, and
  a second appendix, as warnings naming the table's place: they are not loaded,
  and the user is told so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from ingest.appendix import AppendixTable, GridRow, _text, find_header_row, parse_grid

# Titles the appendix goes by; used to tell a user that a table under such a
# title could not be read (the table itself is found by its header).
APPENDIX_TITLES = re.compile(
    r"(tình hình|kết quả|đánh giá)\s+thực hiện\s+(các\s+|một số\s+)?(mục tiêu,?\s+)?chỉ tiêu"
    r"|biểu\s+(tổng hợp\s+)?(các\s+)?chỉ tiêu",
    re.IGNORECASE,
)
_FIGURE = re.compile(r"\d")


@dataclass
class Table:
    rows: list[GridRow]
    where: str  # the table's place: "line 774", "table 2 (after paragraph 40)", "page 5, table 1"
    follows_directly: bool = False  # no prose between the previous table and this one
    title: str = ""  # the text just above the table, if the reader knows it


@dataclass
class TableFinding:
    appendix: AppendixTable | None
    warnings: list[str] = field(default_factory=list)


def expand_spans(rows: Sequence[Sequence[tuple[str, int, int]]]) -> list[list[str]]:
    """Cells given as (text, colspan, rowspan), as in HTML, laid out on a grid: the
    text in the top-left cell of its span, blanks in the cells it covers."""
    grid: list[list[str | None]] = []
    for r, row in enumerate(rows):
        while len(grid) <= r:
            grid.append([])
        c = 0
        for text, colspan, rowspan in row:
            while c < len(grid[r]) and grid[r][c] is not None:
                c += 1
            for dr in range(max(rowspan, 1)):
                while len(grid) <= r + dr:
                    grid.append([])
                line = grid[r + dr]
                while len(line) < c + max(colspan, 1):
                    line.append(None)
                for dc in range(max(colspan, 1)):
                    line[c + dc] = text if (dr, dc) == (0, 0) else ""
            c += max(colspan, 1)
    return [[cell or "" for cell in row] for row in grid]


def _texts(row: GridRow) -> list[str]:
    texts = [_text(c) for c in row.cells]
    while texts and not texts[-1]:
        texts.pop()
    return texts


def _width(table: Table) -> int:
    return max((len(r.cells) for r in table.rows), default=0)


def _has_figures(table: Table) -> bool:
    return sum(1 for r in table.rows for t in _texts(r)[1:] if _FIGURE.search(t)) >= 2


def _continuation_rows(first: Table, header_texts: list[list[str]], part: Table) -> list[GridRow]:
    rows = list(part.rows)
    while rows and (not any(_texts(rows[0])) or _texts(rows[0]) in header_texts):
        rows.pop(0)
    return rows


def find_appendix_table(document: str, tables: Sequence[Table]) -> TableFinding:
    """The appendix among a document's tables (see the module docstring)."""
    finding = TableFinding(None)
    i = 0
    while i < len(tables):
        table = tables[i]
        start = find_header_row(table.rows)
        if start is None:
            if APPENDIX_TITLES.search(table.title) and _has_figures(table):
                finding.warnings.append(
                    f"{table.where}: a table under the title {table.title.strip()[:80]!r} has no header "
                    "row ktxh can read (one naming 'Chỉ tiêu' and 'TT' or 'Đơn vị tính'); its figures are not loaded"
                )
            elif _has_figures(table):
                finding.warnings.append(
                    f"{table.where}: a table that is not an appendix (no header row naming 'Chỉ tiêu' "
                    "and 'TT' or 'Đơn vị tính'); its figures are not loaded"
                )
            i += 1
            continue
        # The header block: the header row, a second header row, the numbering row.
        header_texts = [_texts(r) for r in table.rows[start:start + 3]]
        rows = list(table.rows)
        width = _width(table)
        j = i + 1
        while j < len(tables) and tables[j].follows_directly and _width(tables[j]) == width:
            part = tables[j]
            own = find_header_row(part.rows)
            if own is not None and _texts(part.rows[own]) != header_texts[0]:
                break
            rows.extend(_continuation_rows(table, header_texts, part))
            j += 1
        if finding.appendix is None:
            finding.appendix = parse_grid(document, rows)
        else:
            finding.warnings.append(
                f"{table.where}: a second appendix table; ktxh loads one biểu per document "
                "(the first), so this one's figures are not loaded: save it as a document of its own"
            )
        i = j
    return finding
