"""Hostile inputs, encodings: legacy Vietnamese font encodings and UTF-8 encoded twice are
decoded correctly (with a warning naming the encoding) or refused naming it; never mojibake."""

from __future__ import annotations

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252, the codec of double encoding)
import random

import pytest

from ingest.legacy_encodings import from_tcvn3, from_vni

from .conftest import BIEU_XLSX
from .hostile import APPENDIX_ROWS, CSV_TEXT, GRDP_PER_CAPITA, appendix_only, names_place, to_cp1258, to_tcvn3, to_vni, wh, write

__all__ = ["wh"]


def test_the_tables_read_published_samples():
    # samples of the two encodings as published by converters, not made by this project
    assert from_vni("Xin chaøo caùc baïn".encode("cp1252").decode("cp1252")) == "Xin chào các bạn"
    assert from_vni("Baùo caùo tình hình thöïc hieän chæ tieâu") == "Báo cáo tình hình thực hiện chỉ tiêu"
    assert from_tcvn3("B¶o Th¾ng") == "Bảo Thắng"
    assert from_tcvn3("M\u00adêng Kh\u00ad¬ng") == "Mường Khương"
    assert from_tcvn3("B¸t X¸t") == "Bát Xát"


def _grdp(wh, document):
    cells = wh.cells(document, "GRDP bình quân đầu người")
    return tuple(cells[role] for role in ("prior_actual", "plan", "estimate", "next_plan"))


def test_a_vni_windows_report_is_decoded_with_a_warning(wh, tmp_path):
    doc = write(tmp_path, "bieu_2022_vni.txt", to_vni(appendix_only()))
    out, warnings = wh.accepted("ingest", doc)
    assert warnings == ["ktxh: warning: bieu_2022_vni.txt: the text is VNI-Windows, not UTF-8: decoded from it; "
                        "check the names, and save it as UTF-8"]
    assert wh.row_count("bieu_2022_vni.txt") == APPENDIX_ROWS
    assert _grdp(wh, "bieu_2022_vni.txt") == GRDP_PER_CAPITA
    # names exactly as in the UTF-8 original
    assert wh.cells("bieu_2022_vni.txt", "Tổng kim ngạch xuất nhập khẩu qua địa bàn%")["estimate"] == "820,0"


def test_a_tcvn3_csv_is_decoded_with_a_warning(wh, tmp_path):
    doc = write(tmp_path, "bieu_2022_tcvn3.csv", to_tcvn3(CSV_TEXT))
    out, warnings = wh.accepted("ingest", doc)
    assert [w.split(": ", 3)[-1] for w in warnings] == [
        "the text is TCVN3 (ABC), not UTF-8: decoded from it; check the names, and save it as UTF-8"]
    assert wh.row_count("bieu_2022_tcvn3.csv") == APPENDIX_ROWS
    assert _grdp(wh, "bieu_2022_tcvn3.csv") == GRDP_PER_CAPITA


@pytest.mark.parametrize("codec", ["sloppy-windows-1252", "latin-1"])
def test_utf8_encoded_twice_is_repaired_with_a_warning(wh, tmp_path, codec):
    mojibake = appendix_only().encode("utf-8").decode(codec)
    assert "BÃ¡O CÃ" in mojibake or "BÁO" not in mojibake  # the damage is real
    doc = write(tmp_path, "bieu_2022_twice.txt", mojibake.encode("utf-8"))
    out, warnings = wh.accepted("ingest", doc)
    assert len(warnings) == 1 and "UTF-8 encoded twice" in warnings[0] and "ftfy" in warnings[0]
    assert wh.row_count("bieu_2022_twice.txt") == APPENDIX_ROWS
    assert _grdp(wh, "bieu_2022_twice.txt") == GRDP_PER_CAPITA


def test_a_windows_1258_report_is_decoded_with_a_warning(wh, tmp_path):
    doc = write(tmp_path, "bieu_2022_cp1258.txt", to_cp1258(appendix_only()))
    out, warnings = wh.accepted("ingest", doc)
    assert [w.split(": ", 3)[-1] for w in warnings] == [
        "the text is Windows-1258, not UTF-8: decoded from it; check the names, and save it as UTF-8"]
    assert wh.row_count("bieu_2022_cp1258.txt") == APPENDIX_ROWS
    assert _grdp(wh, "bieu_2022_cp1258.txt") == GRDP_PER_CAPITA


def test_excel_unicode_text_utf16_is_read_exactly(wh, tmp_path):
    doc = write(tmp_path, "bieu_2022_utf16.csv", CSV_TEXT.encode("utf-16"))
    out, warnings = wh.accepted("ingest", doc)
    assert warnings == []
    assert _grdp(wh, "bieu_2022_utf16.csv") == GRDP_PER_CAPITA


def test_bytes_that_read_as_no_vietnamese_are_refused_naming_the_encoding(wh, tmp_path):
    # the table in a code page ktxh does not know: the VNI bytes above 0x7F permuted
    high = list(range(0x80, 0x100))
    random.Random(11).shuffle(high)
    garbled = bytes(high[b - 0x80] if b >= 0x80 else b for b in to_vni(appendix_only()))
    doc = write(tmp_path, "bieu_2022_unknown.txt", garbled)
    line = wh.refused("ingest", doc)
    assert names_place(line, "bieu_2022_unknown.txt", r"byte \d+")
    assert "not UTF-8, and no Vietnamese words read in Windows-1258, VNI-Windows or TCVN3" in line


def test_a_workbook_renamed_csv_is_refused_saying_what_it_is(wh, tmp_path):
    doc = write(tmp_path, "bieu_2022.csv", BIEU_XLSX.read_bytes())
    line = wh.refused("ingest", doc)
    assert line == "ktxh: refused: bieu_2022.csv, whole file: this is a ZIP archive (an XLSX or DOCX file?), not text: give it its own extension"
