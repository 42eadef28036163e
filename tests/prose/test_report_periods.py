"""Stage tests: the period a figure gets from its sentence's asides and from the report's own period
(a January release on the year just ended, a session's news on the months just over), on sentences of
unseen6's documents, with their labels (tests/fixtures/prose_corpus/unseen6/*.csv)."""

from __future__ import annotations

import datetime as dt

from ingest.prose import extract_facts
from ingest.prose.document import estimated_month_of, reviewed_span_of
from ingest.prose.periods import default_period


def _facts(text: str, date: dt.date, kind: str | None = None) -> dict[str, tuple]:
    return {f.printed: (f.period_year, f.month_from, f.month_to, f.period_kind, f.value_type)
            for f in extract_facts(text, "x.txt", date, document_kind=kind)}


def test_the_period_in_a_closed_aside_of_figures_is_not_the_period_of_the_figures_after_it():
    """Điện Biên's statistics release of 2/10/2024: the sectors after "(6 tháng tăng 11,29%, quý III tăng
    9,09%), trong đó:" are of the nine months (labels 1.574,1 and 3,74: 2024, 1-9, cumulative), not the
    third quarter the aside names last; inside the aside each figure keeps its own period."""
    text = ("TÌNH HÌNH KINH TẾ - XÃ HỘI TỈNH ĐIỆN BIÊN THÁNG 9 VÀ 9 THÁNG NĂM 2024\n\n"
            "Tổng sản phẩm trên địa bàn tỉnh Điện Biên (GRDP) ước 9 tháng đầu năm 2024 theo giá so sánh năm 2010 đạt "
            "11.423,4 tỷ đồng, tăng 10,55% so với cùng kỳ năm trước (6 tháng tăng 11,29%, quý III tăng 9,09%), trong đó: "
            "Khu vực nông, lâm nghiệp thủy sản đạt 1.574,1 tỷ đồng, tăng 3,74%; khu vực dịch vụ đạt 7.006,35 tỷ đồng, "
            "tăng 12,82%.\n")
    f = _facts(text, dt.date(2024, 10, 2), "statistics_release")
    assert f["1.574,1"][:4] == (2024, 1, 9, "cumulative")
    assert f["3,74"][:4] == (2024, 1, 9, "cumulative")
    assert f["12,82"][:4] == (2024, 1, 9, "cumulative")
    assert f["11,29"][:4] == (2024, 1, 6, "cumulative")
    assert f["9,09"][:4] == (2024, 7, 9, "quarter")


def test_a_january_release_on_december_and_the_year_is_about_the_year_just_ended():
    """Bình Phước's release of 2/1/2024, "Tình hình kinh tế - xã hội tháng 12 và năm 2023", resting on
    "ước tính tháng 12 năm 2023": a sector paragraph naming no year is of 2023 (label 17.513,34: 2023, 1-12,
    estimate), not of 2024, and the year's figures are estimates though the year is over."""
    title = "Tình hình kinh tế - xã hội tháng 12 và năm 2023\n\n"
    assert default_period(title, 2024, 1) == (2023, 1, 12)
    opening = ("Trên cơ sở kết quả thực hiện 11 tháng, ước tính tháng 12 năm 2023, Cục Thống kê tỉnh Bình Phước báo cáo "
               "kết quả thực hiện một số chỉ tiêu phát triển kinh tế - xã hội năm 2023 như sau:\n")
    assert estimated_month_of(opening, 2024, 1) == (2023, 12)
    text = (title + "Thứ ba - 02/01/2024 09:57\n" + opening + "I. TĂNG TRƯỞNG KINH TẾ\n\n"
            "Khu vực nông, lâm nghiệp và thủy sản (theo giá so sánh 2010) đạt 17.513,34 tỷ đồng, tăng 10,25%, đóng góp "
            "3,21 điểm phần trăm vào tăng trưởng GRDP của tỉnh.\n")
    f = _facts(text, dt.date(2024, 1, 2), "statistics_release")
    assert f["17.513,34"] == (2023, 1, 12, "year", "estimate")
    assert f["10,25"] == (2023, 1, 12, "year", "estimate")


def test_a_sessions_news_just_after_the_months_it_reviews_is_about_them():
    """Hưng Yên's news of the UBND session of 2/7/2025 on "kết quả thực hiện các chỉ tiêu … 6 tháng đầu năm;
    nhiệm vụ, giải pháp tháng 7 và 6 tháng cuối năm 2025": its figures with no period are of the first half
    (labels 37.782 and 18,5: 2025, 1-6, cumulative, actual), not of July."""
    opening = ("Tại cuộc họp họp UBND tỉnh Hưng Yên sáng ngày 2/7, lãnh đạo Sở Tài chính báo cáo kết quả thực hiện các chỉ "
               "tiêu chủ yếu về phát triển kinh tế - xã hội 6 tháng đầu năm; nhiệm vụ, giải pháp tháng 7 và 6 tháng cuối năm "
               "2025 của tỉnh.\n\n")
    assert reviewed_span_of(opening, 2025, 7) == (2025, 1, 6)
    text = opening + "Tổng vốn đầu tư toàn xã hội đạt 37.782 tỷ đồng, tăng 18,5% so với cùng kỳ.\n"
    f = _facts(text, dt.date(2025, 7, 2), "session_news")
    assert f["37.782"] == (2025, 1, 6, "cumulative", "actual")
    assert f["18,5"] == (2025, 1, 6, "cumulative", "actual")


def test_the_provinces_count_now_is_a_balance_at_the_reports_date():
    """Yên Bái's news of January 2025: "Đến nay, toàn tỉnh đã có 113/146 xã đạt chuẩn nông thôn mới" is what
    the province has at the report's date (labels 113, 146: balance at January 2025, actual), not January's
    flow; "Đến nay, có 20/76 nhiệm vụ đã hoàn thành" (a report's count of its tasks, no place) stays the month's."""
    text = ("Đến nay, toàn tỉnh đã có 113/146 xã đạt chuẩn nông thôn mới, đạt 77,4% tổng số xã toàn tỉnh; có 5/9 "
            "đơn vị hành chính cấp huyện được công nhận đạt chuẩn nông thôn mới.\n")
    f = _facts(text, dt.date(2025, 1, 1), "session_news")
    assert f["113"] == (2025, None, 1, "balance", "actual")
    assert f["146"] == (2025, None, 1, "balance", "actual")
    assert f["77,4"] == (2025, None, 1, "balance", "actual")
    tasks = _facts("Đến nay, có 20/76 nhiệm vụ đã hoàn thành.\n", dt.date(2022, 9, 30))
    assert tasks["20"][3] != "balance"


def test_to_the_end_of_a_month_is_cumulative_in_a_first_quarter_release():
    """Hòa Bình's first-quarter news (April 2025): "Thu ngân sách nhà nước thực hiện hết tháng 3 ước đạt 2.350 tỷ
    đồng" is January to March counted as months (label: 2025, 1-3, cumulative, estimate), not the quarter, nor March."""
    text = ("Kinh tế Hòa Bình quý I/2025 tăng trưởng cao\n\n"
            "Thu ngân sách nhà nước thực hiện hết tháng 3 ước đạt 2.350 tỷ đồng (bằng 42,11% dự toán Trung ương giao).\n")
    f = _facts(text, dt.date(2025, 4, 1), "statistics_release")
    assert f["2.350"] == (2025, 1, 3, "cumulative", "estimate")
