"""Stage tests (session 6): the corpus README's readings added with unseen7 (the spec; unseen7's files are not read),
each on a sentence of an in-sample document where one says it, else on the README's own quoted phrase in a sentence
of that form: "đến nay" as a period, earlier years quoted after a lead naming months, a crop season named with its
years, another area's average, a term's average rates."""

from __future__ import annotations

import datetime as dt

from ingest.prose import extract_facts
from ingest.prose.periods import until_now
from ingest.prose.document import report_of


def _facts(text: str, date: dt.date, kind: str | None = None) -> dict[str, tuple]:
    return {f.printed: (f.period_year, f.month_from, f.month_to, f.period_kind, f.value_type, f.measure, f.basis)
            for f in extract_facts(text, "x.txt", date, document_kind=kind)}


DONG_THAP = ("10 tháng đầu năm 2025, thu ngân sách tỉnh Đồng Tháp đạt 19.809 tỷ đồng.\n\n"
             "Đến nay, tỉnh Đồng Tháp đã giải ngân vốn đầu tư công 8.417 tỷ đồng (đạt 60% kế hoạch).\n")


def test_đến_nay_is_january_to_the_reports_day():
    """Đồng Tháp's briefing of 22/10/2025: "Đến nay, tỉnh Đồng Tháp đã giải ngân vốn đầu tư công 8.417 tỷ đồng" is of
    January-October, an estimate (labels 8.417 and 60); at a session of 9 December the README reads "đến nay" as the
    eleven months, actual (as "đến ngày 2-10" is 1..9); with no day known it gives way to the paragraph's period."""
    f = _facts(DONG_THAP, dt.date(2025, 10, 22))
    assert f["8.417"][:5] == (2025, 1, 10, "cumulative", "estimate")
    assert f["60"][:5] == (2025, 1, 10, "cumulative", "estimate")
    f = _facts(DONG_THAP.replace("10 tháng đầu năm 2025, ", ""), dt.date(2024, 12, 9))
    assert f["8.417"][:5] == (2024, 1, 11, "cumulative", "actual")
    assert until_now(report_of("x", "", 2025, 1, dt.date(2025, 1, 3))) == (2024, 1, 12)
    assert until_now(report_of("x", "", 2025, 10, None)) is None
    assert until_now(report_of("x", "", 2025, 10, dt.date(2025, 10, 1))) is None  # a month's date (YYYY-MM)
    hung_yen = "Thu hút đầu tư đạt kết quả cao nhất từ trước đến nay với tổng vốn đầu tư 103.312 tỷ đồng."
    f = _facts("6 tháng đầu năm 2025\n\n" + hung_yen + "\n", dt.date(2025, 7, 2))
    assert f["103.312"][:4] == (2025, 1, 6, "cumulative")  # "từ trước đến nay" (ever) is no period (label)


def test_earlier_years_listed_after_a_lead_naming_months_are_those_months():
    """The README's reading: "Tốc độ tăng IIP 6 tháng đầu năm: Năm 2020 (+6,1%); năm 2021 (+13,8%) …" are actual
    growths of those years' first halves, against the same period (a signed percentage with no verb is a change)."""
    text = ("Tình hình kinh tế - xã hội 6 tháng đầu năm 2024\n\n"
            "Tốc độ tăng chỉ số sản xuất công nghiệp (IIP) 6 tháng đầu năm: Năm 2020 (+6,1%); năm 2021 (+13,8%); năm 2022 "
            "(-9,2%); năm 2024 (+7,5%).\n")
    f = _facts(text, dt.date(2024, 6, 28))
    assert f["6,1"] == (2020, 1, 6, "cumulative", "actual", "growth_pct", "same_period")
    assert f["13,8"] == (2021, 1, 6, "cumulative", "actual", "growth_pct", "same_period")
    assert f["9,2"][:6] == (2022, 1, 6, "cumulative", "actual", "growth_pct")
    assert f["7,5"][:5] == (2024, 1, 6, "cumulative", "estimate")
    whole = _facts("Năm 2024\n\nTăng trưởng 6 tháng đầu năm: cả năm 2024 ước tăng 8%.\n", dt.date(2024, 6, 28))
    assert whole["8"][:4] == (2024, 1, 12, "year")


def test_a_winter_spring_crop_named_with_its_years_is_january_to_june_of_the_later():
    """The README's reading: "Kết thúc vụ đông xuân 2023-2024, cả tỉnh gieo trồng được 31.394,4 ha" in a March report
    is 2024's January-June (estimate in March); dev's "vụ Đông Xuân năm 2021 ước đạt 123.126 tấn" stays 2021, 1-6."""
    text = ("Tình hình kinh tế - xã hội quý I năm 2024\n\nKết thúc vụ đông xuân 2023-2024, cả tỉnh gieo trồng được 31.394,4 "
            "ha. Tổng sản lượng lương thực có hạt vụ Đông Xuân năm 2021 ước đạt 123.126 tấn, tăng 1,6% so cùng vụ năm trước.\n")
    f = _facts(text, dt.date(2024, 3, 28))
    assert f["31.394,4"][:5] == (2024, 1, 6, "cumulative", "estimate")
    assert f["123.126"][:4] == (2021, 1, 6, "cumulative")
    assert f["1,6"][5:] == ("growth_pct", "same_period")


def test_a_growth_above_another_areas_average_has_no_basis():
    """The README's reading: "cao hơn tăng trưởng bình quân cả nước 2,68 điểm phần trăm" is pp with basis none."""
    text = ("Tình hình kinh tế - xã hội 6 tháng đầu năm 2024\n\nTổng sản phẩm trên địa bàn tỉnh (GRDP) 6 tháng đầu năm 2024 "
            "ước tăng 8,6%, cao hơn tăng trưởng bình quân cả nước 2,68 điểm phần trăm.\n")
    f = _facts(text, dt.date(2024, 6, 28))
    assert f["2,68"][5:] == ("pp", "none")


def test_a_terms_average_rates_are_multi_year_plans_of_its_last_year():
    """The README's reading of a Party congress's 2025-2030 targets: the averages over the term ("bình quân đạt 10%",
    "tăng bình quân 7%") are multi_year plan figures of 2030; a level "đến năm 2030" is the plan of the year 2030."""
    text = ("Đại hội Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025 - 2030 đề ra mục tiêu đến năm 2030\n\n"
            "Tốc độ tăng trưởng kinh tế (GRDP) bình quân đạt 10%/năm; thu ngân sách tăng bình quân 7%; GRDP bình quân đầu "
            "người đến năm 2030 đạt 180 triệu đồng.\n")
    f = _facts(text, dt.date(2025, 11, 10))
    assert f["10"][:5] == (2030, 1, 12, "multi_year", "plan")
    assert f["7"][:5] == (2030, 1, 12, "multi_year", "plan")
    assert f["180"][:5] == (2030, 1, 12, "year", "plan")


def test_a_flow_to_a_day_is_of_the_months_the_day_ends():
    """The README's readings: "tính đến ngày 10/6/2024, toàn tỉnh có 368 doanh nghiệp thành lập mới" at a half-year
    conference of 28/6 is a flow of 1..6 (new enterprises are no stock), an estimate; unseen4's Tây Ninh "Tổng thu ngân
    sách nhà nước đến ngày 2-10 đạt hơn 39.600 tỷ đồng" is 1..9 (label), as a day of a month's first days is."""
    text = "Hội nghị sơ kết 6 tháng đầu năm 2024\n\nTính đến ngày 10/6/2024, toàn tỉnh có 368 doanh nghiệp thành lập mới.\n"
    f = _facts(text, dt.date(2024, 6, 28))
    assert f["368"][:5] == (2024, 1, 6, "cumulative", "estimate")
    f = _facts("Họp báo quý III\n\nTổng thu ngân sách nhà nước đến ngày 2/10/2025 đạt hơn 39.600 tỷ đồng.\n", dt.date(2025, 10, 7))
    assert f["39.600"][:5] == (2025, 1, 9, "cumulative", "actual")
    stock = "Tính đến ngày 10/6/2024, toàn tỉnh có 5.200 doanh nghiệp đang hoạt động.\n"
    assert _facts("Tin\n\n" + stock, dt.date(2024, 6, 28))["5.200"][3] == "balance"
