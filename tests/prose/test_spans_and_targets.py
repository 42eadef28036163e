"""Stage tests (session 6): finished periods quoted beside an estimate, spans of several years (yearly averages, a
Party congress's term), "cả năm", a period said right after its figure, targets running on into the next paragraph
and a session's own acts; on sentences of the in-sample documents (tests/fixtures/prose_corpus/*/), asserting their
labels."""

from __future__ import annotations

import datetime as dt

from ingest.prose import extract_facts
from ingest.prose.terms import term_end
from ingest.prose.value_type import planned


def _facts(text: str, date: dt.date, kind: str | None = None) -> dict[str, tuple]:
    return {f.printed: (f.period_year, f.month_from, f.month_to, f.period_kind, f.value_type, f.indicator_code)
            for f in extract_facts(text, "x.txt", date, document_kind=kind)}


HAI_DUONG = ("Hải Dương: Tăng trưởng kinh tế 6 tháng đầu năm 2022 đứng thứ 6 cả nước, đứng thứ 2 vùng đồng bằng sông Hồng\n\n"
             "Tăng trưởng quý II của tỉnh ước tăng 9,2%, mặc dù mức tăng thấp hơn quý I (14,8%) nhưng đây vẫn là mức tăng "
             "cao và tương đương với thời điểm chưa xảy ra dịch Covid - 19 (giai đoạn 2015 - 2019 tăng trưởng bình quân của "
             "tỉnh Hải Dương đạt 9,1%/năm). Theo Cục Thống kê tỉnh dự báo, nếu trong 6 tháng cuối năm tăng trưởng của tỉnh "
             "Hải Dương tiếp tục đạt mục tiêu theo kịch bản đề ra (tăng 9,4%) thì tăng trưởng cả năm của tỉnh sẽ đạt 10,5%.\n")


def test_a_finished_period_quoted_beside_an_estimate_is_not_estimated_with_it():
    """Hải Dương's release of 29/6/2022: the second quarter "ước tăng 9,2%" is an estimate, the first quarter quoted
    beside it "(14,8%)" is over and actual (labels); Điện Biên's nine months "ước … (6 tháng tăng 11,29%, quý III
    tăng 9,09%)": the half-year is actual, the third quarter being estimated an estimate (labels)."""
    f = _facts(HAI_DUONG, dt.date(2022, 6, 29), "statistics_release")
    assert f["9,2"][:5] == (2022, 4, 6, "quarter", "estimate")
    assert f["14,8"][:5] == (2022, 1, 3, "quarter", "actual")
    text = ("TÌNH HÌNH KINH TẾ - XÃ HỘI TỈNH ĐIỆN BIÊN THÁNG 9 VÀ 9 THÁNG NĂM 2024\n\n"
            "Tổng sản phẩm trên địa bàn tỉnh Điện Biên (GRDP) ước 9 tháng đầu năm 2024 theo giá so sánh năm 2010 đạt "
            "11.423,4 tỷ đồng, tăng 10,55% so với cùng kỳ năm trước (6 tháng tăng 11,29%, quý III tăng 9,09%).\n")
    f = _facts(text, dt.date(2024, 10, 2), "statistics_release")
    assert f["10,55"][4] == "estimate"
    assert f["11,29"][:5] == (2024, 1, 6, "cumulative", "actual")
    assert f["9,09"][:5] == (2024, 7, 9, "quarter", "estimate")


def test_a_yearly_average_is_of_the_stage_it_is_over_and_cả_năm_is_the_whole_year():
    """Hải Dương: "giai đoạn 2015 - 2019 tăng trưởng bình quân … đạt 9,1%/năm" is multi_year, period_year 2019, actual,
    no code (label); "thì tăng trưởng cả năm của tỉnh sẽ đạt 10,5%" is of the whole of 2022 (label: 2022, 1-12, year),
    not of the second half named before it. Yên Bái (January 2025): "Tỷ lệ hộ nghèo đa chiều bình quân giảm
    3,5%/năm" is the term's average to 2024 (label: multi_year, 2024, no code)."""
    f = _facts(HAI_DUONG, dt.date(2022, 6, 29), "statistics_release")
    assert f["9,1"] == (2019, 1, 12, "multi_year", "actual", None)
    assert f["10,5"][:5] == (2022, 1, 12, "year", "estimate")
    yen = ("Bí thư Tỉnh ủy Yên Bái Trần Huy Tuấn cho biết, kết thúc năm 2024, Đảng bộ tỉnh Yên Bái đã đạt nhiều kết quả.\n\n"
           "Tỷ lệ hộ nghèo đa chiều bình quân giảm 3,5%/năm, đến nay còn 8,67%, đứng thứ 6/14 tỉnh trong vùng.\n")
    f = _facts(yen, dt.date(2025, 1, 1))
    assert f["3,5"] == (2024, 1, 12, "multi_year", "actual", None)


def test_counts_of_a_congress_terms_targets_are_of_the_term():
    """Yên Bái (January 2025): "hoàn thành 41/46 chỉ tiêu chủ yếu của năm, trong đó có 7/19 chỉ tiêu hoàn thành sớm 1 năm
    so với Nghị quyết Đại hội XIX": 41 and 46 are the year's (2024, year), 19 the resolution's count of the 2020-2025
    term (plan, multi_year, 2025), 7 those reached by 2024 (actual, multi_year, 2024) (labels)."""
    assert (term_end(2024), term_end(2025), term_end(2021)) == (2025, 2025, 2025)
    text = ("Bí thư Tỉnh ủy Yên Bái Trần Huy Tuấn cho biết, kết thúc năm 2024, Đảng bộ tỉnh Yên Bái đã hoàn thành 41/46 chỉ "
            "tiêu chủ yếu của năm, trong đó có 7/19 chỉ tiêu hoàn thành sớm 1 năm so với Nghị quyết Đại hội XIX Đảng bộ tỉnh.\n")
    f = _facts(text, dt.date(2025, 1, 1))
    assert f["41"][:5] == (2024, 1, 12, "year", "actual")
    assert f["46"][:5] == (2024, 1, 12, "year", "plan")
    assert f["19"][:5] == (2025, 1, 12, "multi_year", "plan")
    assert f["7"][:5] == (2024, 1, 12, "multi_year", "actual")


def test_the_year_named_before_cả_năm_in_its_sentence_is_its_year():
    """Điện Biên's news of 9/3/2026: "Trong năm 2025 vừa qua, … tăng trưởng kinh tế cả năm đạt 7,34%; … kim ngạch xuất
    nhập khẩu đạt 141,8 triệu USD" are 2025's (labels: 2025, 1-12, actual), not the report's year."""
    text = ("Thủ tướng: Điện Biên cần đạt tăng trưởng 11% năm 2026\n\n"
            "Trong năm 2025 vừa qua, kinh tế tỉnh Điện Biên đã ghi nhận nhiều kết quả tích cực như: tăng trưởng kinh tế cả năm "
            "đạt 7,34%, xếp thứ 24/34 tỉnh, thành phố trên cả nước; quy mô tổng sản phẩm trên địa bàn (GRDP) đạt 35.657 tỷ "
            "đồng; kim ngạch xuất nhập khẩu đạt 141,8 triệu USD, tăng 1,31%.\n")
    f = _facts(text, dt.date(2026, 3, 9))
    for printed in ("7,34", "35.657", "141,8", "1,31"):
        assert f[printed][:5] == (2025, 1, 12, "year", "actual")
    assert planned("Điện Biên cần đạt tăng trưởng")  # the Prime Minister's target (a plan once its subject is coded)


def test_a_period_said_right_after_its_figure_is_its_own():
    """Sóc Trăng's release (February 2024), its headline: "Bán lẻ hàng hóa và dịch vụ tiêu dùng ước đạt 16.275 tỷ đồng 2
    tháng đầu năm" (label: 2024, 1-2, cumulative), not February alone."""
    text = ("Sóc Trăng: Bán lẻ hàng hóa và dịch vụ tiêu dùng ước đạt 16.275 tỷ đồng 2 tháng đầu năm\n\n"
            "Theo Báo cáo về hoạt động công thương của tỉnh Sóc Trăng, chỉ số sản xuất công nghiệp ước tháng 2/2024 giảm "
            "19,63% so với tháng trước.\n")
    f = _facts(text, dt.date(2024, 2, 1))
    assert f["16.275"][:5] == (2024, 1, 2, "cumulative", "estimate")
    assert f["19,63"][:4] == (2024, 2, 2, "month")


def test_a_paragraph_naming_subjects_with_no_verb_goes_on_with_the_targets_before_it():
    """Hưng Yên's council news of 11/12/2024: after "Năm 2025, tỉnh Hưng Yên đặt mục tiêu: …; kim ngạch xuất khẩu 8,5
    tỷ USD." the next paragraph "Thu ngân sách trên địa bàn 44.923 tỷ đồng; đô thị hóa đạt 48%; …" is the same list
    (labels 44.923, 48: plan, 2025); a paragraph that opens with a verb after it is not carried."""
    text = ("Kỳ họp thứ 23, Hội đồng nhân dân tỉnh Hưng Yên khóa 17, nhiệm kỳ 2021-2026.\n\n"
            "Năm 2025, tỉnh Hưng Yên đặt mục tiêu: tăng trưởng kinh tế 8%; chỉ số sản xuất công nghiệp tăng 10%; tổng sản "
            "phẩm bình quân đầu người đạt 131,4 triệu đồng; kim ngạch xuất khẩu 8,5 tỷ USD.\n\n"
            "Thu ngân sách trên địa bàn 44.923 tỷ đồng; đô thị hóa đạt 48%; phấn đấu có thêm 10-15 xã đạt chuẩn nông thôn "
            "mới kiểu mẫu.\n\n"
            "Năm 2024, thu ngân sách đạt 40.100 tỷ đồng.\n")
    f = _facts(text, dt.date(2024, 12, 11))
    assert f["8,5"][:5] == (2025, 1, 12, "year", "plan")
    assert f["44.923"][:5] == (2025, 1, 12, "year", "plan")
    assert f["48"][:5] == (2025, 1, 12, "year", "plan")
    assert f["40.100"][:5] == (2024, 1, 12, "year", "estimate")


def test_a_count_of_a_sessions_own_acts_is_of_its_month():
    """Đà Nẵng's council news of 11/12/2025: "đã bế mạc với việc thông qua 62 nghị quyết" is an actual figure of
    December (label: 2025, 12-12, month, actual), though the page is a council resolution's on 2026's plan."""
    text = ("Đà Nẵng: HĐND thành phố thông qua các chỉ tiêu kinh tế - xã hội năm 2026\n\n"
            "Sau 2 ngày tiến hành Kỳ họp thứ 5 (kỳ họp cuối năm 2025), chiều 11/12, HĐND thành phố Đà Nẵng khóa X, nhiệm kỳ "
            "2021-2026 đã bế mạc với việc thông qua 62 nghị quyết và quyết định nhiều nội dung quan trọng; trong đó, thống "
            "nhất các chỉ tiêu kinh tế - xã hội chủ yếu năm 2026, đặt mục tiêu tăng trưởng GRDP từ 11% trở lên.\n")
    f = _facts(text, dt.date(2025, 12, 11), "council_resolution")
    assert f["62"][:5] == (2025, 12, 12, "month", "actual")
    assert f["11"][:5] == (2026, 1, 12, "year", "plan")
