"""The appendix as it appears inside a report converted to text (markdown pipe tables).

The table follows its title ("BÁO CÁO TÌNH HÌNH THỰC HIỆN CHỈ TIÊU KẾ HOẠCH …")
and may be split in several pipe tables at page breaks; the continuation parts
have an empty header row, which is dropped.  Every row keeps its line number.
"""

from __future__ import annotations

import re

from ingest.appendix import AppendixTable, GridRow, parse_grid
from ktxh.errors import IngestError

TITLE = re.compile(r"tình hình thực hiện (các )?chỉ tiêu kế hoạch", re.IGNORECASE)
_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-*:?\s*)*\|?\s*$")
_PIPE = re.compile(r"(?<!\\)\|")


def split_pipe_row(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [c.replace("\\|", "|").strip() for c in _PIPE.split(inner)]


def find_appendix(text: str, document: str) -> AppendixTable | None:
    """The appendix table of a report's text, or None when the report has none."""
    lines = text.splitlines()
    title = next((i for i, line in enumerate(lines) if TITLE.search(line) and not line.lstrip().startswith("|")), None)
    if title is None:
        return None
    grid: list[GridRow] = []
    part_start = True
    seen_table = False
    for number, line in enumerate(lines[title + 1 :], start=title + 2):
        stripped = line.strip()
        if not stripped.startswith("|"):
            if stripped and seen_table and not TITLE.search(stripped) and len(stripped) > 200:
                break  # prose after the table: the appendix is over
            part_start = True
            continue
        seen_table = True
        if _SEPARATOR.match(stripped):
            continue
        cells = split_pipe_row(stripped)
        if part_start and grid and not any(cells):
            part_start = False
            continue  # the empty header of a continuation part
        part_start = False
        grid.append(GridRow(cells=cells, line=number, where=f"line {number}"))
    if not grid:
        return None
    _refuse_cut_row(document, text, lines, grid)
    return parse_grid(document, grid)


def _refuse_cut_row(document: str, text: str, lines: list[str], grid: list[GridRow]) -> None:
    """The file's last line is a table row with fewer cells than the header, without its closing
    pipe or line break: the file ends inside that row (or inside one of its cells)."""
    last = grid[-1]
    line = lines[last.line - 1].rstrip()
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
