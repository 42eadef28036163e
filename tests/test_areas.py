"""Province codes over time: padding, refusals, pre-2025 codes, and batches keyed by area."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest

from ingest import areas
from ktxh.errors import IngestError
from ktxh import cli

from .conftest import ANNUAL_REPORT, query

Y2022 = areas.document_date("bieu.xlsx", 2022)
MARCH_2026 = areas.document_date("2026-03_bao-cao.txt", None)


def test_seed_is_what_the_libraries_give(tmp_path):
    pytest.importorskip("vietnamadminunits")
    from ingest import areas_seed

    fresh = tmp_path / "areas.csv"
    areas_seed.write(fresh)
    assert fresh.read_text(encoding="utf-8") == areas.SEED.read_text(encoding="utf-8")


def test_the_seed_has_63_codes_before_july_2025_and_34_after():
    rows = list(csv.DictReader(areas.SEED.open(encoding="utf-8")))
    legacy = {r["area_code"] for r in rows if r["era"] == "63_provinces"}
    current = {r["area_code"] for r in rows if r["era"] == "34_provinces"}
    assert (len(legacy), len(current)) == (63, 34)
    assert current <= {r["current_area_code"] for r in rows}


@pytest.mark.parametrize("given, padded", [("4", "04"), ("04", "04"), (" 4 ", "04"), ("46", "46")])
def test_unpadded_codes_are_padded(given, padded):
    assert areas.normalise_code(given, "doc") == padded


@pytest.mark.parametrize("given, message", [
    ("", "an empty province code"),
    ("040", "one or two digits"),
    ("4a", "one or two digits"),
    ("٠٤", "digits 0-9"),      # Arabic-Indic digits
    ("０４", "digits 0-9"),     # full-width digits
])
def test_bad_codes_are_refused(given, message):
    with pytest.raises(IngestError, match=message):
        areas.normalise_code(given, "doc")


def test_pre_2025_codes_before_the_reorganisation():
    # Quảng Nam, Gia Lai (old 64), Bà Rịa-Vũng Tàu: valid for every document before July 2025
    assert [(a.code, a.name, a.current_code, a.current_name) for a in
            (areas.resolve(c, "doc", Y2022) for c in ("49", "64", "77"))] == [
        ("49", "Quảng Nam", "48", "Thành phố Đà Nẵng"),
        ("64", "Gia Lai", "52", "Gia Lai"),
        ("77", "Bà Rịa - Vũng Tàu", "79", "Thành phố Hồ Chí Minh"),
    ]


def test_a_code_names_the_province_in_force_at_the_date():
    # 52 was Bình Định until 2025-06-30 and is (the merged) Gia Lai since 2025-07-01
    assert areas.resolve("52", "doc", Y2022).name == "Bình Định"
    assert areas.resolve("52", "doc", MARCH_2026).name == "Gia Lai"
    # 46 was the province Thừa Thiên Huế until it became a city on 2025-01-01
    assert areas.resolve("46", "doc", areas.document_date("x", 2019)).name == "Thừa Thiên Huế"
    assert areas.resolve("46", "doc", MARCH_2026).name == "Thành phố Huế"


def test_an_old_code_after_the_reorganisation_is_refused_with_its_successor():
    with pytest.raises(IngestError) as refused:
        areas.resolve("64", "2026-03_bao-cao.txt", MARCH_2026)
    text = str(refused.value)
    assert "valid until 2025-06-30" in text and "2026-03" in text and "52 Gia Lai" in text


def test_a_year_spanning_the_reorganisation_takes_the_latest_valid_name():
    in_2025 = areas.document_date("bieu.xlsx", 2025)
    assert areas.resolve("49", "doc", in_2025).name == "Quảng Nam"   # valid until June
    assert areas.resolve("48", "doc", in_2025).valid_from == dt.date(2025, 7, 1)


def test_document_date_sources():
    assert areas.document_date("2022-11_bao-cao.txt", 2022).source == "file_name"
    assert str(areas.document_date("2022-11_bao-cao.txt", 2022)) == "2022-11"
    assert areas.document_date("bieu.csv", 2019).source == "plan_year"
    assert areas.document_date("x.txt", 2019, dt.date(2019, 12, 6)).source == "report_date"

    class ReportDate:  # the shape of ingest.report_date.ReportDate
        def __init__(self, date, precision):
            self.date, self.precision = date, precision

    assert str(areas.document_date("x.txt", None, ReportDate(dt.date(2025, 6, 1), "month"))) == "2025-06"
    assert str(areas.document_date("x.txt", None, ReportDate(dt.date(2025, 7, 14), "day"))) == "2025-07-14"
    # no date found: the file name, then the plan year
    assert areas.document_date("bieu.csv", 2019, ReportDate(None, "day")).source == "plan_year"


def test_area_4_and_04_are_one_batch_and_two_provinces_are_two(warehouse_env, tmp_path):
    assert cli.main(["ingest", str(ANNUAL_REPORT), "--area", "4"]) == 0
    assert cli.main(["ingest", str(ANNUAL_REPORT), "--area", "04"]) == 0
    assert query(warehouse_env, "select area_code, area_name from raw.load_batches") == [("04", "Cao Bằng")]
    # the same bytes for another province (a pre-2025 code, the document is of 2022) are another batch
    assert cli.main(["ingest", str(ANNUAL_REPORT), "--area", "49"]) == 0
    rows = query(warehouse_env, "select batch_id, area_code, area_name, content_sha256 from raw.load_batches order by 2")
    assert [(r[1], r[2]) for r in rows] == [("04", "Cao Bằng"), ("49", "Quảng Nam")]
    assert rows[0][0] != rows[1][0] and rows[0][3] == rows[1][3]
    counts = query(warehouse_env, "select batch_id, count(*) from raw.appendix_rows group by 1")
    assert sorted(n for _, n in counts) == [54, 54]


@pytest.mark.parametrize("code, message", [
    ("", "an empty province code"), ("040", "one or two digits"), ("٠٤", "digits 0-9"),
    ("99", "not an official province code"),
])
def test_the_cli_refuses_bad_codes_and_leaves_the_warehouse(warehouse_env, capsys, code, message):
    assert cli.main(["ingest", str(ANNUAL_REPORT), "--area", code]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ktxh: ") and message in err and ANNUAL_REPORT.name in err
    assert not warehouse_env.exists() or query(warehouse_env, "select count(*) from raw.load_batches") == [(0,)]


def test_the_cli_refuses_a_code_not_valid_at_the_documents_date(warehouse_env, tmp_path, capsys):
    # the annual report, re-dated by its own text to March 2026 (after the 2025 reorganisation)
    later = tmp_path / "2026-03_bao-cao-thang-3.txt"
    text = Path(ANNUAL_REPORT).read_text(encoding="utf-8")
    later.write_text(text.replace("ngày 14 tháng 11 năm 2022", "ngày 14 tháng 3 năm 2026"), encoding="utf-8")
    assert cli.main(["ingest", str(later), "--area", "49"]) == 1
    err = capsys.readouterr().err
    assert "49 (Quảng Nam)" in err and "48 Thành phố Đà Nẵng" in err


def test_a_document_dated_before_the_earliest_code_list_is_read_with_it():
    # Word's and fpdf2's default properties say 2000-01-01; the 63 codes of 2008 were the
    # 2004 list's codes for those provinces, so 04 is still Cao Bằng, and 52 Bình Định
    in_2000 = areas.document_date("x.pdf", None, dt.date(2000, 1, 1))
    assert areas.resolve("04", "x.pdf", in_2000).name == "Cao Bằng"
    assert areas.resolve("52", "x.pdf", in_2000).name == "Bình Định"
    with pytest.raises(IngestError, match="not an official province code"):
        areas.resolve("03", "x.pdf", in_2000)
