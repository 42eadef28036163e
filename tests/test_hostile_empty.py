"""Hostile inputs, empty input: a 0-byte or all-blank file, or a folder without documents, is
refused, never loaded as an empty success."""

from __future__ import annotations

import pytest

from .hostile import names_place, wh, write

__all__ = ["wh"]


@pytest.mark.parametrize("name", ["bao-cao.txt", "bieu.csv", "bieu.xlsx", "bao-cao.md"])
def test_a_zero_byte_file_is_refused(wh, tmp_path, name):
    doc = write(tmp_path, name, b"")
    assert wh.refused("ingest", doc) == f"ktxh: refused: {name}, whole file: the file is empty (0 bytes)"


@pytest.mark.parametrize("content", [b"\n\n  \r\n\t\n", "\ufeff\n \n".encode("utf-8"), " \n".encode("utf-16")])
def test_a_file_of_blanks_is_refused(wh, tmp_path, content):
    doc = write(tmp_path, "bao-cao.txt", content)
    assert wh.refused("ingest", doc) == "ktxh: refused: bao-cao.txt, whole file: the file has only blanks"


def test_a_folder_without_documents_is_refused(wh, tmp_path):
    folder = tmp_path / "inbox"
    write(folder, "notes.docx.tmp", b"x")
    write(folder, "~$bieu.xlsx", b"owner file of an open workbook")
    line = wh.refused("ingest", folder)
    assert names_place(line, "inbox", "no documents")


def test_office_lock_files_in_a_folder_are_not_documents(wh, tmp_path):
    from .hostile import appendix_only

    folder = tmp_path / "inbox"
    write(folder, "bieu_2022.txt", appendix_only())
    write(folder, "~$bieu_2022.xlsx", b"owner file of an open workbook")
    out, warnings = wh.accepted("ingest", folder)
    assert out.startswith("loaded bieu_2022.txt") and out.count("loaded") == 1
