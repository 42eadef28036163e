"""Hostile inputs, truncated files: a file that ends inside a table row or cell is refused
naming the row, never loaded as the rows before the cut (nor a cut number as if whole); an
unbalanced quote in a CSV is refused naming the line where it opens, never allowed to
swallow the rows after it."""

from __future__ import annotations

import pytest

from .hostile import CSV_TEXT, appendix_only, names_place, wh, write

__all__ = ["wh"]


@pytest.mark.parametrize("cut_after", [
    "| 4.2 | Kim ngạch xuất khẩu hàng",   # inside the name cell
    "| 1.494,686 | 1.788 | 1.5",          # inside a figure: 1.575,205 cut to 1.5
    "| 1.494,686 | 1.788 |",              # after a cell's pipe
])
def test_a_report_cut_inside_a_table_row_is_refused(wh, tmp_path, cut_after):
    text = appendix_only()
    doc = write(tmp_path, "bieu_2022_cut.txt", text[: text.index(cut_after) + len(cut_after)])
    line = wh.refused("ingest", doc)
    assert names_place(line, "bieu_2022_cut.txt", r"line \d+: the table's last row has \d+ of 11 cells and the "
                                                  r"file ends inside it \(cut short\?\)")


def test_a_report_whose_last_row_is_whole_loads(wh, tmp_path):
    text = appendix_only()
    end = text.index("\n", text.index("| 4.2 | Kim ngạch xuất khẩu hàng")) + 1
    doc = write(tmp_path, "bieu_2022_short.txt", text[:end])
    out, warnings = wh.accepted("ingest", doc)
    assert wh.row_count("bieu_2022_short.txt") == 14  # I, 1 and its 6 sectors, 2, 3, 4, Trong đó, 4.1, 4.2


def test_a_csv_cut_inside_a_quoted_cell_is_refused(wh, tmp_path):
    cut = CSV_TEXT[: CSV_TEXT.index('"Thu nội địa","Tỷ đồng","1.494') + 25]
    doc = write(tmp_path, "bieu_2022_cut.csv", cut)
    line = wh.refused("ingest", doc)
    assert names_place(line, "bieu_2022_cut.csv", r"line \d+: a quoted cell opened here is never closed")


def test_a_csv_cut_between_cells_is_refused(wh, tmp_path):
    end = CSV_TEXT.index('"-","Thu nội địa","Tỷ đồng",') + len('"-","Thu nội địa","Tỷ đồng",')
    doc = write(tmp_path, "bieu_2022_cut_between.csv", CSV_TEXT[:end])
    line = wh.refused("ingest", doc)
    assert names_place(line, "bieu_2022_cut_between.csv", r"line \d+: the last row has 4 of the header's 11 cells "
                                                          r"and the file ends without a line break")


def test_an_unbalanced_quote_in_a_csv_is_refused_naming_its_line(wh, tmp_path):
    # a quote lost before 37,18: the rest of the file would become one cell
    broken = CSV_TEXT.replace('"GRDP bình quân đầu người","Triệu đồng","37,18"', '"GRDP bình quân đầu người","Triệu đồng",37,18"')
    assert broken != CSV_TEXT
    doc = write(tmp_path, "bieu_2022_quote.csv", broken)
    line = wh.refused("ingest", doc)
    assert names_place(line, "bieu_2022_quote.csv", r"line 19: ")
