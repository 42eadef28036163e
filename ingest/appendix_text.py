"""The appendix as it appears inside a report converted to text or markdown.

The report's tables are markdown pipe tables, or HTML ``<table>`` blocks (a
report pasted from a web page or written by a converter that keeps merged
cells).  Both become ``ingest.tables.Table`` parts, every row with its line
number, and the appendix is picked from them the one way every format shares
(``ingest.tables.find_appendix_table``): by its header, whatever its title
("BÁO CÁO TÌNH HÌNH THỰC HIỆN CHỈ TIÊU KẾ HOẠCH …", "KẾT QUẢ THỰC HIỆN CÁC
CHỈ TIÊU CHỦ YẾU …").  A table split at page breaks continues in the next pipe
table when nothing but short lines (page footers, a repeated title) stands
between; the continuation's empty header row is dropped.
"""

from __future__ import annotations

import re

from ingest.appendix import AppendixTable, GridRow
from ingest.tables import Table, TableFinding, find_appendix_table
from ktxh.errors import IngestError

_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-*:?\s*)*\|?\s*$")
_PIPE = re.compile(r"(?<!\\)\|")
PROSE_LINE = 200  # a longer line between two tables is prose: the first table is over


def split_pipe_row(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [c.replace("\\|", "|").strip() for c in _PIPE.split(inner)]


def text_tables(text: str) -> list[Table]:
    """Every pipe table and HTML table of a text, in reading order."""
    from ingest.html_reader import tables_in_markdown

    lines = text.splitlines()
    html = {first: (last, rows) for first, last, rows in tables_in_markdown(text)} if "<table" in text.lower() else {}
    tables: list[Table] = []
    current: list[GridRow] = []
    between: list[str] = []  # non-table lines since the last table

    def close() -> None:
        if current:
            add(list(current), current[0].line)
            current.clear()

    def add(rows: list[GridRow], first: int) -> None:
        follows = bool(tables) and not any(len(s) > PROSE_LINE for s in between)
        title = between[-1] if between else ""
        tables.append(Table(rows, f"line {first}", follows_directly=follows, title=title))
        between.clear()

    number = 0
    while number < len(lines):
        line_no, stripped = number + 1, lines[number].strip()
        if line_no in html:
            close()
            last, rows = html[line_no]
            if rows:
                add(rows, line_no)
            number = last
            continue
        if stripped.startswith("|"):
            if not _SEPARATOR.match(stripped):
                current.append(GridRow(cells=split_pipe_row(stripped), line=line_no, where=f"line {line_no}"))
        else:
            close()
            if stripped:
                between.append(stripped)
        number += 1
    close()
    return tables


def read_text_tables(text: str, document: str) -> TableFinding:
    """The appendix of a report's text (or None) and warnings about tables it cannot read."""
    tables = text_tables(text)
    if tables and tables[-1].rows:
        _refuse_cut_row(document, text, text.splitlines(), tables[-1].rows)
    return find_appendix_table(document, tables)


def _refuse_cut_row(document: str, text: str, lines: list[str], grid: list[GridRow]) -> None:
    """The file's last line is a table row with fewer cells than the header, without its closing
    pipe or line break: the file ends inside that row (or inside one of its cells)."""
    last = grid[-1]
    line = lines[last.line - 1].rstrip()
    if not line.lstrip().startswith("|"):
        return  # an HTML table: lxml closes what is cut
    is_last_line = not any(l.strip() for l in lines[last.line:])
    width = len(grid[0].cells)  # the header row's
    unfinished = not line.endswith("|") or not text.endswith(("\n", "\r"))
    if is_last_line and unfinished and len(grid) > 1 and len(last.cells) < width:
        raise IngestError(
            document, last.where,
            f"the table's last row has {len(last.cells)} of {width} cells and the file ends inside it "
            "(cut short?)",
            line[-40:],
        )


def find_appendix(text: str, document: str) -> AppendixTable | None:
    """The appendix table of a report's text, or None when the report has none."""
    return read_text_tables(text, document).appendix
