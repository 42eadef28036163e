"""Estimates as printed: a province's list that prints its estimates as ranges, bounds, changes and
remarks reaches the marts whole.  Thừa Thiên Huế's "chỉ tiêu chủ yếu ước đạt được trong năm 2021"
(per Báo cáo 438/BC-UBND, tests/fixtures/provinces/46_thua-thien-hue_2021_source.txt) has one
value column, "Ước TH năm 2021", whose cells read "tăng 7,4 - 8,4% (…)", ">2.300", "13-14",
"tăng từ 8-10% (dự ước 24.500 tỷ)", "6.065,2 (giảm 28,3% …)".  The rules for these forms were
written for plans; this table was not used to write them, and loaded on the first run.
Every figure asserted here is copied from the source text."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from .conftest import query, run_cli

PROVINCES = Path(__file__).resolve().parent / "fixtures" / "provinces"
HUE_2021 = PROVINCES / "bieu_chi_tieu_uoc_2021_thua_thien_hue.csv"
SOURCE = (PROVINCES / "46_thua-thien-hue_2021_source.txt").read_text(encoding="utf-8")

# (name as printed, Ước TH năm 2021 as printed, estimate, estimate_low, estimate_high, estimate_assessed)
SOURCE_ROWS = [
    ("Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)",
     "tăng 7,4 - 8,4% (do năm 2020 là năm gốc, tăng 2,06%)", None, "7.4", "8.4", "7.4"),  # a growth rate: the change is the figure
    ("GRDP bình quân đầu người (USD/người)", ">2.300", None, "2300", None, "2300"),
    ("Kim ngạch xuất khẩu (triệu USD)", ">920", None, "920", None, "920"),
    ("nhập khẩu phấn đấu (triệu USD)", "575 (tăng 15%)", "575", "575", "575", "575"),
    # a growth printed for a total in tỷ đồng: not the total, so nothing to assess (the text is kept)
    ("Tổng vốn đầu tư toàn xã hội(Tỷ đồng)", "tăng từ 8-10% (dự ước 24.500 tỷ)", None, None, None, None),
    ("Thu ngân sách Nhà nước (Tỷ đồng)", "6.065,2 (giảm 28,3% so với thực hiện năm 2020)",
     "6065.2", "6065.2", "6065.2", "6065.2"),
    ("Tỷ lệ lao động qua đào tạo (%)", "67", "67", "67", "67", "67"),
    ("Bác sỹ/vạn dân", "13-14", None, "13", "14", "13"),
    ("Giường bệnh/vạn dân", "58-60", None, "58", "60", "58"),
    # poverty is better lower: a single figure is its own least favourable end
    ("Tỷ lệ hộ nghèo", "0,4% (theo chuẩn nghèo giai đoạn 2016– 2020)", "0.4", "0.4", "0.4", "0.4"),
    ("Phấn đấu xã đạt chuẩn nông thôn mới", "07 - 09", None, "7", "9", "7"),
    ("Lực lượng lao động từ 15 tuổi trở lên (người)", "650.000 (tăng 4,5% so với năm 2020)",
     "650000", "650000", "650000", "650000"),
    ("Tỉ lệ dân số sử dụng nước sạch (%)", "94", "94", "94", "94", "94"),
    ("Tỉ lệ khu công nghiệp đang hoạt động có hệ thống xử lý nước thải tập trung đạt tiêu chuẩn môi trường (%)",
     "30 - 40", None, "30", "40", "30"),
    ("Tỉ lệ che phủ rừng ổn định (%)", "57-57,5", None, "57", "57.5", "57"),
]


def _d(text):
    return None if text is None else Decimal(text)


@pytest.fixture(scope="module")
def hue_2021(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("hue_2021") / "w.duckdb"
    assert run_cli(db, "ingest", str(HUE_2021), "--area", "46", "--report-date", "2020-12-04") == 0
    assert run_cli(db, "build") == 0
    assert run_cli(db, "check") == 0
    return db


def test_the_source_prints_what_the_test_asserts():
    for name, printed, *_ in SOURCE_ROWS:
        assert name in SOURCE and printed in SOURCE


def test_every_estimate_reaches_the_mart_as_printed_with_its_ends(hue_2021):
    rows = query(hue_2021, """
        select measure_name_printed, estimate_text, estimate, estimate_low, estimate_high, estimate_assessed
        from marts.fct_plan_attainment order by sort_order""")
    assert rows == [(n, text, _d(v), _d(lo), _d(hi), _d(a)) for n, text, v, lo, hi, a in SOURCE_ROWS]
    # no plan column: nothing is judged, nothing is guessed
    assert query(hue_2021, "select distinct plan_year, status from marts.fct_plan_attainment") == [(2021, "not_assessed")]


def test_a_range_estimate_is_judged_by_its_least_favourable_end(tmp_path):
    # the same list with a plan column: 13-14 doctors against a plan of 13 is met (13 reached),
    # against 14 missed (13 is short); 57-57,5 forest cover against 57,5 missed
    grid = HUE_2021.read_text(encoding="utf-8").splitlines()
    planned = {"Bác sỹ/vạn dân": "13", "Giường bệnh/vạn dân": "61", "Tỉ lệ che phủ rừng ổn định (%)": "57,5"}
    # and a verdict column headed "Đánh giá", as the national table prints it (read as Ghi chú)
    verdicts = {"Bác sỹ/vạn dân": "Đạt", "Giường bệnh/vạn dân": "Không đạt"}
    out = ["Stt,Chỉ tiêu chủ yếu,KH năm 2021,Ước TH năm 2021,Đánh giá"]
    for line in grid[1:]:
        tt, name, estimate = line.split(",", 2)
        out.append(f'{tt},{name},"{planned.get(name, "")}",{estimate},{verdicts.get(name, "")}')
    path = tmp_path / "bieu_2021_co_ke_hoach.csv"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    assert run_cli(db, "ingest", str(path), "--area", "46", "--report-date", "2020-12-04") == 0
    assert run_cli(db, "build") == 0
    statuses = dict(query(db, "select measure_name_printed, status from marts.fct_plan_attainment where plan is not null"))
    assert statuses == {"Bác sỹ/vạn dân": "met", "Giường bệnh/vạn dân": "missed", "Tỉ lệ che phủ rừng ổn định (%)": "missed"}
    assert query(db, """select measure_name_printed, printed_status, status from marts.fct_plan_attainment
        where printed_status is not null order by 1""") == [
        ("Bác sỹ/vạn dân", "Đạt", "met"), ("Giường bệnh/vạn dân", "Không đạt", "missed")]


def test_the_bieu_prints_an_estimate_with_no_single_value_as_printed(hue_2021, tmp_path):
    import csv

    assert run_cli(hue_2021, "export", "--out", str(tmp_path)) == 0
    bieu = tmp_path / "bieu_chi_tieu_2021.csv"
    rows = {r[1]: r for r in csv.reader(bieu.open(encoding="utf-8-sig"))}
    assert "13-14" in rows["Bác sỹ/vạn dân"]
    assert "tăng từ 8-10% (dự ước 24.500 tỷ)" in rows["Tổng vốn đầu tư toàn xã hội(Tỷ đồng)"]
