"""Hostile inputs, size and shape: limits (``ktxh.settings.input_limits``) refuse what would
run for minutes or use gigabytes, naming the limit; pathological sentences within the limits
load without raising.  Timings are measured in bench/hostile.py, never here: these tests set
small limits to prove the refusal paths."""

from __future__ import annotations

import pytest

from .hostile import REPORT_TEXT, appendix_only, names_place, wh, write

__all__ = ["wh"]


def test_a_report_on_one_line_is_refused_by_the_line_budget(wh, tmp_path):
    # a PDF converted without line breaks: the annual report, 1 MB, on one line
    one_line = (" ".join(REPORT_TEXT.splitlines()) * 8)[:1_000_000]
    doc = write(tmp_path, "bao-cao-mot-dong.txt", one_line)
    line = wh.refused("ingest", doc)
    assert line == ("ktxh: refused: bao-cao-mot-dong.txt, line 1: a line of 1,000,000 characters, over the limit "
                    "of 100,000 (KTXH_MAX_LINE_CHARS): a PDF converted without line breaks? convert it again keeping them")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(wh, tmp_path, monkeypatch):
    monkeypatch.setenv("KTXH_MAX_FILE_BYTES", "100000")
    doc = write(tmp_path, "bao-cao-2022.txt", REPORT_TEXT)
    size = doc.stat().st_size
    assert wh.refused("ingest", doc) == (
        f"ktxh: refused: bao-cao-2022.txt, whole file: {size:,} bytes, over the limit of 100,000 (KTXH_MAX_FILE_BYTES)")


def test_a_document_over_the_time_budget_is_refused(wh, tmp_path, monkeypatch):
    monkeypatch.setenv("KTXH_MAX_SECONDS_PER_DOCUMENT", "0.05")
    doc = write(tmp_path, "bao-cao-2022.txt", REPORT_TEXT)  # about 1 s of prose extraction
    line = wh.refused("ingest", doc)
    assert line == ("ktxh: refused: bao-cao-2022.txt, whole file: reading it took longer than 0.05 s "
                    "(KTXH_MAX_SECONDS_PER_DOCUMENT); split it, or raise the limit if it is a genuine report")


@pytest.mark.parametrize("run", ["1.1.", "((((", "9,9,", "1.000.", "-", "%"])
def test_pathological_sentences_within_the_line_budget_load(wh, tmp_path, run):
    # 60 KB of one pattern inside a sentence of the September report's kind
    sentence = "Tổng thu ngân sách ước đạt " + run * (60_000 // len(run)) + " tỷ đồng, tăng 12% so với cùng kỳ.\n"
    doc = write(tmp_path, "2022-09_bao-cao.txt", sentence)
    out, warnings = wh.accepted("ingest", doc)
    assert out.startswith("loaded 2022-09_bao-cao.txt")


def test_a_huge_note_cell_is_refused_for_its_length_not_as_no_header(wh, tmp_path):
    from .hostile import CSV_TEXT

    csv_text = CSV_TEXT.replace('"37,18","40,30","39,48","106,2","97,97","43,97","111,4",""',
                                '"37,18","40,30","39,48","106,2","97,97","43,97","111,4","' + "ghi chú " * 131_072 + '"')
    assert csv_text != CSV_TEXT
    doc = write(tmp_path, "bieu_2022_note.csv", csv_text)
    line = wh.refused("ingest", doc)
    assert names_place(line, "bieu_2022_note.csv", r"line 19: a line of 1,048,6\d\d characters, over the limit of 100,000 "
                                                           r"\(KTXH_MAX_LINE_CHARS\): a spreadsheet cell holds at most 32,767")


def test_a_document_over_the_memory_budget_is_refused(wh, tmp_path, monkeypatch):
    monkeypatch.setenv("KTXH_MAX_MEMORY_BYTES", "1")  # any growth at the timer's first look
    doc = write(tmp_path, "bao-cao-2022.txt", REPORT_TEXT * 10)  # 1.7 MB, a few seconds of prose
    assert wh.refused("ingest", doc) == (
        "ktxh: refused: bao-cao-2022.txt, whole file: reading it took more than 0 MB of memory "
        "(KTXH_MAX_MEMORY_BYTES); split it, or raise the limit if it is a genuine report")
