"""Word, PDF and web versions of the bundled reports read as the text is.

The .docx and .pdf files are made by the tests from the bundled text
(tests/document_fixtures.py): nothing generated is committed.  The PDF is
LibreOffice's export of the Word file when LibreOffice is installed, else
fpdf2's drawing (pure Python); the fpdf2 path is tested on its own too.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from ingest.appendix_text import find_appendix
from ingest.loader import parse_document
from ingest.text import read_document
from ktxh import cli

from . import document_fixtures as fx
from .conftest import ANNUAL_REPORT, DOCUMENTS, query

APRIL = DOCUMENTS / "2022-04_thong-bao-ket-luan-phien-hop-thang-4.txt"
SEPT = DOCUMENTS / "2022-09_bao-cao-chi-dao-dieu-hanh-thang-9.txt"


def cells(table) -> list[tuple]:
    """Every row of an appendix with its printed values, place aside."""
    return [
        (r.tt, r.name, r.unit, r.note, tuple((k, v.text) for k, v in r.values.items() if v is not None))
        for r in table.rows
    ]


@pytest.fixture(scope="session")
def text_appendix():
    return find_appendix(read_document(ANNUAL_REPORT), ANNUAL_REPORT.name)


@pytest.fixture(scope="session")
def office(tmp_path_factory) -> dict[str, Path]:
    """Neutral-named Word and PDF versions of the annual report and the April notice."""
    out = tmp_path_factory.mktemp("office")
    annual = ANNUAL_REPORT.read_text(encoding="utf-8")
    april = APRIL.read_text(encoding="utf-8")
    files = {
        "annual_docx": fx.text_to_docx(annual, out / "BC 2960-UBND.docx"),
        "april_docx": fx.text_to_docx(april, out / "TB 93-UBND.docx"),
    }
    files["annual_pdf"] = fx.to_pdf(annual, files["annual_docx"], out / "BC 2960-UBND.pdf")
    files["april_pdf"] = fx.to_pdf(april, files["april_docx"], out / "TB 93-UBND.pdf")
    return files


@pytest.fixture(scope="session")
def parsed(office):
    """Each generated file parsed once (pdfplumber on the 55-page PDF takes a while)."""
    cache: dict[str, object] = {}

    def get(key: str):
        if key not in cache:
            cache[key] = parse_document(office[key], "04")
        return cache[key]

    return get


def test_docx_appendix_is_the_text_appendix(parsed, text_appendix):
    doc = parsed("annual_docx")
    assert doc.document_format == "docx"
    assert cells(doc.appendix) == cells(text_appendix)
    assert doc.appendix.header_labels == text_appendix.header_labels
    counts = Counter(k for r in doc.appendix.rows for k, v in r.values.items() if v is not None)
    assert sum(counts[k] for k in ("prior_actual", "plan", "estimate", "next_plan")) == 164
    # every value keeps its place in the Word file: GRDP per capita is row 12 of the first table (two header rows, the numbering row, then body rows)
    [row] = [r for r in doc.appendix.rows if r.name == "GRDP bình quân đầu người"]
    assert row.where == "table 1, row 12" and row.values["pct_of_plan"].text == "97,97"
    assert doc.warnings == []


def test_pdf_appendix_is_the_text_appendix(parsed, text_appendix):
    doc = parsed("annual_pdf")
    assert doc.document_format == "pdf"
    assert cells(doc.appendix) == cells(text_appendix)
    counts = Counter(k for r in doc.appendix.rows for k, v in r.values.items() if v is not None)
    assert sum(counts[k] for k in ("prior_actual", "plan", "estimate", "next_plan")) == 164
    [row] = [r for r in doc.appendix.rows if r.name.startswith("Thu Ngân sách Nhà nước")]
    assert re.fullmatch(r"page \d+, table \d+, row \d+", row.where)
    assert (row.values["estimate"].text, row.values["pct_of_plan"].text) == ("4.180", "207,1")


def test_pdf_drawn_without_libreoffice_reads_the_same(tmp_path, text_appendix):
    # the pure-Python fallback: the appendix pages drawn by fpdf2 with ruled cells
    text = ANNUAL_REPORT.read_text(encoding="utf-8")
    appendix_part = text[text.index("BÁO CÁO TÌNH HÌNH THỰC HIỆN CHỈ TIÊU KẾ HOẠCH PHÁT TRIỂN"):]
    pdf = fx.text_to_pdf_fpdf(appendix_part, tmp_path / "Phu luc.pdf")
    doc = parse_document(pdf, "04")
    assert cells(doc.appendix) == cells(text_appendix)


def _facts(doc) -> Counter:
    """Prose figures as the marts see them: value, indicator, period, type, basis, measure."""
    keys = ("indicator_code", "period_year", "month_from", "month_to", "printed", "value", "decimals", "unit",
            "value_type", "basis", "measure", "status")
    return Counter(tuple(row[k] for k in keys) for row in doc.extras["prose_facts"])


def test_monthly_report_prose_from_its_pdf_equals_its_text(parsed):
    text_doc = parse_document(APRIL, "04")
    pdf_doc = parsed("april_pdf")
    # 44 figures are labelled in the April notice (tests/fixtures/prose_labels)
    assert len(text_doc.extras["prose_facts"]) >= 44
    assert _facts(pdf_doc) == _facts(text_doc)
    assert pdf_doc.report_date.date == dt.date(2022, 4, 28) and pdf_doc.report_date.source == "text"


def test_monthly_report_prose_from_its_docx_equals_its_text(parsed):
    assert _facts(parsed("april_docx")) == _facts(parse_document(APRIL, "04"))


def test_pdf_drops_page_numbers_and_keeps_paragraphs_whole(parsed):
    text = parsed("annual_pdf").text
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert not [ln for ln in lines if re.fullmatch(r"\W*\d{1,3}\W*", ln)]
    assert fx.RUNNING_HEADER not in text  # the header printed on every page
    # a paragraph of the report, rejoined across the layout's line breaks
    assert ("(2) GRDP bình quân đầu người đạt 39,48 triệu đồng, đạt 98% KH: không đạt KH.") in lines


def test_dates_of_neutral_file_names(parsed, tmp_path):
    assert parsed("annual_docx").report_date.date == dt.date(2022, 11, 14)
    assert parsed("april_pdf").report_date.date == dt.date(2022, 4, 28)
    # the September report prints no date: a Word file's own 'created' property gives it
    sept = fx.text_to_docx(SEPT.read_text(encoding="utf-8"), tmp_path / "BC 491-UBND.docx",
                           created=dt.datetime(2022, 9, 30, 8, 0))
    dated = parse_document(sept, "04").report_date
    assert (dated.date, dated.source) == (dt.date(2022, 9, 30), "metadata")
    # and --report-date comes before the metadata
    from ingest.report_date import parse_option

    assert parse_document(sept, "04", parse_option("2022-09-29")).report_date.date == dt.date(2022, 9, 29)


def test_a_scan_is_refused_naming_the_file(tmp_path, warehouse_env, capsys):
    from fpdf import FPDF
    from PIL import Image

    image = tmp_path / "page.png"
    Image.new("RGB", (200, 280), "white").save(image)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(image), x=10, y=10, w=190)
    scan = tmp_path / "BC 2960-UBND scan.pdf"
    pdf.output(str(scan))
    assert cli.main(["ingest", str(scan)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("ktxh: refused: BC 2960-UBND scan.pdf, whole file: no text layer")
    assert not warehouse_env.exists() or query(warehouse_env, "select count(*) from raw.load_batches") == [(0,)]


def test_docx_footnotes_are_kept_apart(tmp_path):
    text = ("Cao Bằng, ngày 14 tháng 11 năm 2022\n\n"
            "Tổng sản phẩm (GRDP) trên địa bàn ước tăng 5,55%.\n")
    note = "Theo Công văn số 1563/TCTK-TKQG, ngày 29/9/2022 của Tổng cục Thống kê."
    path = fx.text_to_docx(text, tmp_path / "bc.docx", footnote=("ước tăng 5,55%.", note))
    doc = parse_document(path, "04")
    lines = doc.text.splitlines()
    assert lines[1] == "Tổng sản phẩm (GRDP) trên địa bàn ước tăng 5,55%.¹"
    assert lines[-1] == f"¹ {note}"
    # the note's numbers are not figures of the report
    assert [f["printed"] for f in doc.extras["prose_facts"]] == ["5,55"]


def test_docx_ingests_and_builds_the_same_marts(office, built_warehouse, tmp_path):
    from .conftest import build_warehouse

    db = build_warehouse(tmp_path / "docx.duckdb", office["annual_docx"])
    sql = ("select measure_code, plan_year, prior_actual, plan, estimate, next_plan, pct_of_plan, status "
           "from marts.fct_plan_attainment order by all")
    assert query(db, sql) == query(built_warehouse, sql)
    assert query(db, "select document_format, report_date, report_date_source from raw.load_batches") == [
        ("docx", dt.date(2022, 11, 14), "text")]


@pytest.mark.parametrize("name, content, message", [
    ("BC 1-UBND.docx", b"not a zip at all", "not a readable Word (.docx) document"),
    ("BC 1-UBND.pdf", b"%PDF-1.4\n garbage", "not a readable PDF"),
])
def test_damaged_office_files_are_refused_naming_the_file(tmp_path, warehouse_env, capsys, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    assert cli.main(["ingest", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"ktxh: refused: {name}, whole file: {message}") and "Traceback" not in err


def test_monthly_report_prose_from_a_pdf_drawn_without_libreoffice(tmp_path):
    pdf = fx.text_to_pdf_fpdf(APRIL.read_text(encoding="utf-8"), tmp_path / "TB 93-UBND.pdf")
    assert _facts(parse_document(pdf, "04")) == _facts(parse_document(APRIL, "04"))


@pytest.mark.skipif(fx.libreoffice() is None, reason="LibreOffice not installed (optional): footnotes in a PDF need Writer's export")
def test_pdf_footnotes_are_kept_apart(tmp_path):
    note = "Theo Công văn số 602/CTK-TKTH ngày 04/11/2022 của Cục Thống kê tỉnh Cao Bằng."
    source = fx.text_to_docx(APRIL.read_text(encoding="utf-8"), tmp_path / "TB 93-UBND.docx",
                             footnote=("Chủ tịch UBND tỉnh kết luận như sau:", note))
    try:
        pdf = fx.docx_to_pdf_libreoffice(source, tmp_path)
    except Exception:  # Calc-only LibreOffice cannot open Word files
        pytest.skip("LibreOffice Writer not installed")
    if not pdf.exists():
        pytest.skip("LibreOffice Writer not installed")
    lines = parse_document(pdf, "04").text.splitlines()
    assert lines[-1] == f"¹ {note}"  # the note, in smaller type at the page foot, follows the body
    assert [ln for ln in lines if "602/CTK-TKTH" in ln] == [lines[-1]]
    assert any(ln.endswith("Chủ tịch UBND tỉnh kết luận như sau:¹") for ln in lines)
