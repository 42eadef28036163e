"""The appendix inside the annual report text: every row and figure, and each refusal."""

from __future__ import annotations

import pytest

from ingest.appendix_text import find_appendix
from ktxh.errors import IngestError
from ingest.text import decode_document, read_document

from .conftest import ANNUAL_REPORT, DOCUMENTS


@pytest.fixture(scope="module")
def table():
    return find_appendix(read_document(ANNUAL_REPORT), ANNUAL_REPORT.name)


def test_header_found_by_labels_and_year_from_parent_header(table):
    assert table.plan_year == 2022
    assert table.header_labels["plan"] == "Năm 2022 / KH 2022"
    assert table.header_labels["estimate"] == "Năm 2022 / Ước TH năm 2022"
    assert table.header_labels["prior_actual"] == "Thực hiện 2021"
    assert table.header_labels["next_plan"] == "KH 2023"
    assert table.header_labels["next_plan_pct_of_estimate"] == "KH 2023 so với ước TH 2022 (%)"


def test_all_three_parts_of_the_split_table_are_read(table):
    # 54 body rows: 3 groups, 7 headings, 3 "Trong đó:" rows and 41 measure rows, over three pipe tables.
    assert len(table.rows) == 54
    with_values = [r for r in table.rows if any(r.values.values())]
    assert len(with_values) == 41
    assert table.rows[0].line == 778 and table.rows[-1].line == 837


def test_figures_and_markers_as_printed(table):
    by_name = {r.name: r for r in table.rows}
    per_capita = by_name["GRDP bình quân đầu người"]
    assert [per_capita.values[k].text for k in ("prior_actual", "plan", "estimate", "pct_of_prior", "pct_of_plan", "next_plan")] == [
        "37,18", "40,30", "39,48", "106,2", "97,97", "43,97"]
    land = by_name["Thu từ tiền sử dụng đất"]  # "+ Thu từ ..." in the name cell, TT blank
    assert land.tt == "+" and str(land.values["estimate"].value) == "350"
    assert by_name["Trong đó:"].values["plan"] is None  # "<i>Trong đó:</i>" with tags removed
    industry = by_name["Công nghiệp"]
    assert str(industry.values["prior_actual"].value) == "-3.21"
    assert by_name["Tỷ lệ số xã đạt chuẩn quốc gia về y tế xã"].values["pct_of_prior"] is None  # blank stays null


def test_reports_without_appendix_give_none():
    path = DOCUMENTS / "2022-09_bao-cao-chi-dao-dieu-hanh-thang-9.txt"
    assert find_appendix(read_document(path), path.name) is None


def _appendix(body: str, header: str | None = None) -> str:
    header = header or (
        "| TT | Chỉ tiêu | Đơn vị tính | Thực hiện 2021 | Năm 2022 | | | | KH 2023 | KH 2023 so với ước TH 2022 (%) |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n"
        "| | | | | KH 2022 | Ước TH năm 2022 | Ước TH năm 2022 so với TH 2021 (%) | Ước TH năm 2022 so với KH 2022 (%) | | |\n"
        "| 1 | 2 | 3 | 4 | 5 | 6 | 7=6/4 | 8=6/5 | 9 | 10=9/6 |\n"
    )
    return "Phụ lục\n\nBÁO CÁO TÌNH HÌNH THỰC HIỆN CHỈ TIÊU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2022\n\n" + header + body


def test_nfd_text_reads_like_nfc():
    import unicodedata

    text = _appendix("| 2 | GRDP bình quân đầu người | Triệu đồng | 37,18 | 40,30 | 39,48 | 106,2 | 97,97 | 43,97 | 111,4 |\n")
    nfd = unicodedata.normalize("NFD", text).encode("utf-8")
    table = find_appendix(decode_document(nfd, "nfd.txt"), "nfd.txt")
    assert table.plan_year == 2022 and table.rows[0].unit == "Triệu đồng"


def test_malformed_number_refuses_the_table_naming_file_line_and_text():
    text = _appendix("| 2 | GRDP bình quân đầu người | Triệu đồng | 37,18 | 40.30 | 39,48 | | | | |\n")
    with pytest.raises(IngestError) as err:
        find_appendix(text, "bieu_loi.txt")
    message = str(err.value)
    assert "bieu_loi.txt" in message and "line 9" in message and "'40.30'" in message and "KH 2022" in message


def test_header_years_that_disagree_are_refused():
    header = (
        "| TT | Chỉ tiêu | Đơn vị tính | Thực hiện 2020 | KH 2022 | Ước TH năm 2022 |\n|---|---|---|---|---|---|\n")
    with pytest.raises(IngestError, match="plan year 2022"):
        find_appendix(_appendix("| 2 | GRDP | Triệu đồng | 1 | 2 | 3 |\n", header), "years.txt")


def test_numbering_row_must_agree_with_the_headings():
    header = (
        "| TT | Chỉ tiêu | Đơn vị tính | Thực hiện 2021 | KH 2022 | Ước TH năm 2022 | Ước TH năm 2022 so với KH 2022 (%) |\n"
        "|---|---|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 | 6 | 7=6/4 |\n")
    with pytest.raises(IngestError, match="numbering row"):
        find_appendix(_appendix("| 2 | GRDP | Triệu đồng | 1 | 2 | 3 | 150 |\n", header), "numbering.txt")
