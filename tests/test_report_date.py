"""Each report's own date (ingest/report_date.py) and the prose periods worked out from it."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from ktxh.errors import IngestError
from ingest.report_date import date_in_file_name, date_in_text, parse_option, resolve
from ktxh import cli

from .conftest import ANNUAL_REPORT, DOCUMENTS, query

APRIL = DOCUMENTS / "2022-04_thong-bao-ket-luan-phien-hop-thang-4.txt"
JUNE_2021 = DOCUMENTS / "2021-06_bao-cao-kiem-diem-6-thang-dau-nam.txt"
SEPT = DOCUMENTS / "2022-09_bao-cao-chi-dao-dieu-hanh-thang-9.txt"


@pytest.mark.parametrize(
    "path, expected, line",
    [
        (JUNE_2021, dt.date(2021, 6, 8), "line 5: Cao Bằng, ngày 08 tháng 6 năm 2021"),
        (APRIL, dt.date(2022, 4, 28), "line 3: Cao Bằng, ngày 28 tháng 4 năm 2022"),
        # the annual report's text has no date line; its appendix names the report: BC 2960/BC-UBND of 14/11/2022
        (ANNUAL_REPORT, dt.date(2022, 11, 14), "line 772: (Biểu kèm theo Báo cáo số 2960/BC-UBND ngày 14 tháng 11 năm 2022"),
    ],
)
def test_date_line_of_the_bundled_reports(path, expected, line):
    found = date_in_text(path.read_text(encoding="utf-8"))
    assert (found.date, found.source, found.precision, found.evidence) == (expected, "text", "day", line)


def test_dates_inside_sentences_are_not_the_report_date():
    # the September report prints only dates of other documents ("Quyết định số 38/2021/QĐ-UBND ngày 08/11/2021")
    assert date_in_text(SEPT.read_text(encoding="utf-8")) is None
    assert date_in_text("Thực hiện Nghị quyết số 01/NQ-CP, ngày 08/01/2022 của Chính phủ.\n") is None


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Thừa Thiên Huế, ngày 01 tháng 12 năm 2022", dt.date(2022, 12, 1)),
        ("ngày 01/12/2022", dt.date(2022, 12, 1)),
        ("*Hà Nội, ngày 5-9-2023*", dt.date(2023, 9, 5)),
        # a web page republishing a report (Thừa Thiên Huế, BC 185/BC-UBND)
        ("(Theo Báo cáo số 185/BC-UBND ngày 27/7/2018 của UBND tỉnh)", dt.date(2018, 7, 27)),
    ],
)
def test_date_line_wordings(line, expected):
    assert date_in_text(f"BÁO CÁO\n\n{line}\n\nNội dung.\n").date == expected


def test_an_impossible_date_is_not_taken():
    assert date_in_text("Cao Bằng, ngày 31 tháng 2 năm 2022\n") is None


def test_order_of_sources():
    option, name = parse_option("2022-09"), "2022-10_bao-cao.txt"
    assert resolve(name, "Cao Bằng, ngày 28 tháng 4 năm 2022\n", option=option).source == "text"
    assert resolve(name, "không có ngày", option=option).date == dt.date(2022, 9, 1)
    assert resolve(name, "không có ngày", option=option).precision == "month"
    assert resolve(name, "không có ngày").source == "file_name"
    assert resolve("BC 491-UBND.docx", "không có ngày").source == "none"
    assert date_in_file_name("2022-09-30_bc.pdf").date == dt.date(2022, 9, 30)


def test_malformed_option_is_refused(warehouse_env, capsys):
    assert cli.main(["ingest", str(APRIL), "--report-date", "2022-13"]) == 1
    assert "--report-date" in capsys.readouterr().err
    with pytest.raises(IngestError):
        parse_option("09/2022")


def test_neutral_file_names_keep_the_dates(warehouse_env, tmp_path):
    april = tmp_path / "TB 123-UBND.txt"
    shutil.copy(APRIL, april)
    sept = tmp_path / "BC 491-UBND.txt"
    shutil.copy(SEPT, sept)
    assert cli.main(["ingest", str(april)]) == 0
    assert cli.main(["ingest", str(sept), "--report-date", "2022-09"]) == 0
    rows = dict((d, (r, s, p)) for d, r, s, p in query(
        warehouse_env, "select document, report_date, report_date_source, report_date_precision from raw.load_batches"))
    assert rows == {
        "TB 123-UBND.txt": (dt.date(2022, 4, 28), "text", "day"),
        "BC 491-UBND.txt": (dt.date(2022, 9, 1), "option", "month"),
    }


def test_prose_periods_follow_the_report_date_not_the_file_name(warehouse_env, tmp_path):
    sept = tmp_path / "BC 491-UBND.txt"
    shutil.copy(SEPT, sept)
    assert cli.main(["ingest", str(sept), "--report-date", "2022-09"]) == 0
    assert cli.main(["ingest", str(SEPT)]) == 0  # the same content under its dated name: the same batch
    # "Thu ngân sách … ước đạt 3.085.050 triệu đồng" is the 9 months of 2022 in the September report
    facts = query(warehouse_env, "select period_year, month_from, month_to from raw.prose_facts where printed = '3.085.050'")
    assert facts and set(facts) == {(2022, 1, 9)}


def test_undated_report_loads_with_a_warning_and_no_guessed_year(warehouse_env, tmp_path, capsys):
    # a news item quoting the September 2022 report without its heading: no year printed, no date anywhere
    news = tmp_path / "tin-kinh-te.txt"
    news.write_text(
        "Tổng kim ngạch xuất nhập khẩu qua địa bàn đạt 638,706 triệu USD, tăng 29%, đạt 101% KH; "
        "Thu ngân sách trên địa bàn đạt 3.085.050 triệu đồng; đạt 183% so với dự toán TW giao.\n",
        encoding="utf-8",
    )
    assert cli.main(["ingest", str(news)]) == 0
    assert "ktxh: warning: tin-kinh-te.txt: no report date" in capsys.readouterr().err
    [(date, source, precision)] = query(
        warehouse_env, "select report_date, report_date_source, report_date_precision from raw.load_batches")
    assert (date, source, precision) == (None, "none", None)
    facts = query(warehouse_env, "select printed, period_year from raw.prose_facts order by fact_no")
    assert ("3.085.050", None) in facts and all(year is None for _, year in facts)
    # the same text with the option: the year is the option's
    assert cli.main(["ingest", str(news), "--report-date", "2022-09-30"]) == 0
    assert query(warehouse_env, "select period_year from raw.prose_facts where printed = '3.085.050'") == [(2022,)]


def test_the_year_a_heading_prints_is_kept_without_a_report_date(warehouse_env, tmp_path):
    # the September report names its period in its heading ("tháng 9 năm 2022"): that is the text, not a guess
    sept = tmp_path / "BC 491-UBND.txt"
    shutil.copy(SEPT, sept)
    assert cli.main(["ingest", str(sept)]) == 0
    assert query(warehouse_env, "select period_year, month_to from raw.prose_facts where printed = '3.085.050'") == [(2022, 9)]
