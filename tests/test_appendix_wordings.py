"""The appendix under the wordings provinces use, on the real figures of the 2022 appendix.

Each case rewrites the bundled 2022 appendix (its real rows) the way another
province or another converter prints it, and checks that the same figures are
read: an HTML table inside a .md report, a web page, the title "KẾT QUẢ THỰC
HIỆN CÁC CHỈ TIÊU CHỦ YẾU …", ratio columns headed "So với thực hiện năm
2021 (%)" or under "So sánh (%)".
"""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.appendix_text import split_pipe_row
from ingest.loader import parse_document
from ingest.text import read_document
from ktxh import cli

from .conftest import ANNUAL_REPORT, query
from .test_documents import cells

TEXT = read_document(ANNUAL_REPORT)
# The body rows of the appendix as printed (after the header, numbering row and continuation headers).
BODY = [
    split_pipe_row(line)
    for line in TEXT[TEXT.index("| I | Chỉ tiêu kinh tế"):].splitlines()
    if line.startswith("|") and not set(line) <= set("|- ") and any(split_pipe_row(line))
]


@pytest.fixture(scope="module")
def text_doc():
    return parse_document(ANNUAL_REPORT, "04")


def _html_table() -> str:
    """The appendix as a converter keeping merged cells writes it: rowspan/colspan header."""
    head = (
        "<tr><th rowspan=\"2\">TT</th><th rowspan=\"2\">Chỉ tiêu</th><th rowspan=\"2\">Đơn vị tính</th>"
        "<th rowspan=\"2\">Thực hiện 2021</th><th colspan=\"4\">Năm 2022</th><th rowspan=\"2\">KH 2023</th>"
        "<th rowspan=\"2\">KH 2023 so với ước TH 2022 (%)</th><th rowspan=\"2\">Ghi chú</th></tr>\n"
        "<tr><th>KH 2022</th><th>Ước TH năm 2022</th><th>Ước TH năm 2022 so với TH 2021 (%)</th>"
        "<th>Ước TH năm 2022 so với KH 2022 (%)</th></tr>\n"
        "<tr>" + "".join(f"<td>{n}</td>" for n in ["1", "2", "3", "4", "5", "6", "7=6/4", "8=6/5", "9", "10=9/6", "11"])
        + "</tr>\n"
    )
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>\n" for row in BODY)
    return f"<table>\n<thead>\n{head}</thead>\n<tbody>\n{body}</tbody>\n</table>\n"


def test_html_table_inside_markdown(tmp_path, text_doc):
    md = tmp_path / "bao-cao-2022.md"
    md.write_text(
        "# Báo cáo\n\nCao Bằng, ngày 14 tháng 11 năm 2022\n\n"
        "## Phụ lục: BÁO CÁO TÌNH HÌNH THỰC HIỆN CHỈ TIÊU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2022\n\n"
        + _html_table(), encoding="utf-8")
    doc = parse_document(md, "04")
    assert cells(doc.appendix) == cells(text_doc.appendix)
    assert doc.appendix.header_labels == text_doc.appendix.header_labels
    [row] = [r for r in doc.appendix.rows if r.name == "GRDP bình quân đầu người"]
    assert (row.values["estimate"].text, row.values["pct_of_plan"].text) == ("39,48", "97,97")
    assert row.where.startswith("line ")
    # a table is not prose: its figures are not read again as sentences
    assert not [f for f in doc.extras["prose_facts"] if f["printed"] == "97,97"]


def test_web_page_article_and_table(tmp_path, text_doc):
    page = tmp_path / "ket-qua-2022.html"
    page.write_text(
        "<!doctype html><html><head><meta property=\"article:published_time\" content=\"2022-11-15T08:00:00+07:00\">"
        "<script>var x = 1;</script></head><body><nav>Trang chủ | Tin tức</nav><article>"
        "<h1>Kết quả thực hiện các chỉ tiêu năm 2022</h1>"
        "<p>GRDP bình quân đầu người đạt 39,48 triệu đồng, đạt 98% KH.</p>"
        + _html_table() + "</article><footer>Bản quyền 2022</footer></body></html>", encoding="utf-8")
    doc = parse_document(page, "04")
    assert doc.document_format == "html"
    assert cells(doc.appendix) == cells(text_doc.appendix)
    assert (doc.report_date.date, doc.report_date.source) == (dt.date(2022, 11, 15), "metadata")
    assert "Trang chủ" not in doc.text and "var x" not in doc.text
    assert [f["printed"] for f in doc.extras["prose_facts"]] == ["39,48", "98"]


def test_title_variant_ket_qua_thuc_hien(tmp_path, text_doc):
    start = TEXT.index("BÁO CÁO TÌNH HÌNH THỰC HIỆN CHỈ TIÊU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2022\n")
    variant = TEXT[:start] + TEXT[start:].replace(
        "BÁO CÁO TÌNH HÌNH THỰC HIỆN CHỈ TIÊU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2022",
        "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2022", 1)
    assert "TÌNH HÌNH THỰC HIỆN CHỈ TIÊU KẾ HOẠCH PHÁT TRIỂN" not in variant[start:]
    path = tmp_path / "bao-cao.txt"
    path.write_text(variant, encoding="utf-8")
    doc = parse_document(path, "04")
    assert cells(doc.appendix) == cells(text_doc.appendix)
    assert len(doc.appendix.rows) == 54


SO_VOI_HEADER = (
    "| STT | Chỉ tiêu | ĐVT | Thực hiện năm 2021 | Kế hoạch năm 2022 | Ước thực hiện năm 2022 "
    "| So với thực hiện năm 2021 (%) | So với kế hoạch năm 2022 (%) | Dự kiến KH năm 2023 | Ghi chú |\n"
    "|---|---|---|---|---|---|---|---|---|---|\n"
)


def _without_column_10(row: list[str]) -> str:
    return "| " + " | ".join(row[:9] + row[10:]) + " |\n"


def test_ratio_columns_headed_so_voi_thuc_hien_nam(tmp_path):
    path = tmp_path / "bieu.md"
    path.write_text("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2022\n\n" + SO_VOI_HEADER
                    + "".join(_without_column_10(r) for r in BODY), encoding="utf-8")
    table = parse_document(path, "04").appendix
    assert table.plan_year == 2022
    assert table.header_labels["pct_of_prior"] == "So với thực hiện năm 2021 (%)"
    assert table.header_labels["next_plan"] == "Dự kiến KH năm 2023"
    [row] = [r for r in table.rows if r.name == "GRDP bình quân đầu người"]
    printed = {k: v.text for k, v in row.values.items() if v is not None}
    assert printed == {"prior_actual": "37,18", "plan": "40,30", "estimate": "39,48", "pct_of_prior": "106,2",
                       "pct_of_plan": "97,97", "next_plan": "43,97"}


def test_ratio_columns_under_so_sanh(tmp_path):
    header = (
        "| TT | Chỉ tiêu | Đơn vị tính | TH 2021 | KH 2022 | Ước TH 2022 | So sánh (%) | | KH 2023 | Ghi chú |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n"
        "| | | | | | | Với TH 2021 | Với KH | | |\n"
    )
    path = tmp_path / "bieu.md"
    path.write_text(header + "".join(_without_column_10(r) for r in BODY), encoding="utf-8")
    table = parse_document(path, "04").appendix
    assert table.header_labels["pct_of_prior"] == "So sánh (%) / Với TH 2021"
    assert table.header_labels["pct_of_plan"] == "So sánh (%) / Với KH"
    [row] = [r for r in table.rows if r.name.startswith("Thu Ngân sách Nhà nước")]
    assert (row.values["pct_of_prior"].text, row.values["pct_of_plan"].text) == ("214,4", "207,1")


def test_a_table_ktxh_cannot_read_is_reported(tmp_path, warehouse_env, capsys):
    path = tmp_path / "bao-cao.md"
    path.write_text(
        "Cao Bằng, ngày 14 tháng 11 năm 2022\n\nGRDP bình quân đầu người đạt 39,48 triệu đồng, đạt 98% KH.\n\n"
        "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2022\n\n"
        "| | 2021 | 2022 |\n|---|---|---|\n| GRDP bình quân đầu người | 37,18 | 39,48 |\n| Thu ngân sách | 1.949,545 | 4.180 |\n",
        encoding="utf-8")
    assert cli.main(["ingest", str(path)]) == 0
    err = capsys.readouterr().err
    assert "ktxh: warning: bao-cao.md: line 7: a table under the title 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2022'" in err


def test_a_document_that_yields_nothing_is_an_error(tmp_path, warehouse_env, capsys):
    path = tmp_path / "trang-trong.docx"
    from . import document_fixtures as fx

    fx.text_to_docx("Kính gửi: các sở, ban, ngành.\n\nĐề nghị các đơn vị báo cáo đúng hạn.\n", path)
    assert cli.main(["ingest", str(path)]) == 1
    assert "ktxh: refused: trang-trong.docx, whole file: nothing to load" in capsys.readouterr().err
    assert not warehouse_env.exists() or query(warehouse_env, "select count(*) from raw.load_batches") == [(0,)]


def test_report_made_after_the_year_prints_actuals_only(tmp_path):
    # the same figures as a final report would head them: TH 2022 where the estimate stood
    header = (
        "| TT | Chỉ tiêu | Đơn vị tính | TH 2021 | KH 2022 | TH 2022 | TH 2022 so với TH 2021 (%) "
        "| TH 2022 so với KH 2022 (%) | KH 2023 | Ghi chú |\n|---|---|---|---|---|---|---|---|---|---|\n"
    )
    path = tmp_path / "bieu.md"
    path.write_text(header + "".join(_without_column_10(r) for r in BODY), encoding="utf-8")
    table = parse_document(path, "04").appendix
    assert table.plan_year == 2022
    assert (table.header_labels["prior_actual"], table.header_labels["estimate"]) == ("TH 2021", "TH 2022")
    [row] = [r for r in table.rows if r.name == "GRDP bình quân đầu người"]
    printed = {k: v.text for k, v in row.values.items() if v is not None}
    assert printed == {"prior_actual": "37,18", "plan": "40,30", "estimate": "39,48", "pct_of_prior": "106,2",
                       "pct_of_plan": "97,97", "next_plan": "43,97"}
