"""Stage tests: the document's kind, and what a plan document implies."""

from __future__ import annotations

import datetime as dt

from ingest.prose import extract_facts
from ingest.prose.document import document_kind_of, plan_year_of

RESOLUTION = ("HỘI ĐỒNG NHÂN DÂN TỈNH CAO BẰNG\n\nNGHỊ QUYẾT\n\nVề kế hoạch phát triển kinh tế - xã hội năm 2023\n\n"
              "- Tốc độ tăng trưởng kinh tế (GRDP) phấn đấu đạt 8%.\n\n- GRDP bình quân đầu người đạt 43,97 triệu đồng.\n")


def test_kinds_from_the_title_block():
    assert document_kind_of(RESOLUTION) == "council_resolution"
    assert document_kind_of("CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2023\n\n(Theo Quyết định số 01/QĐ-UBND ngày 01/01/2023)\n") == "plan_decision"
    assert document_kind_of("Tình hình kinh tế - xã hội tháng 9 và 9 tháng năm 2023\n") == "monthly_report"
    assert document_kind_of("BÁO CÁO\nTình hình thực hiện kế hoạch phát triển kinh tế - xã hội năm 2022\n") == "annual_report"
    assert document_kind_of("TPO - Ngày 5/12, Kỳ họp thứ 24, HĐND tỉnh Lào Cai khóa XVI đã khai mạc.\n") == "session_news"


def test_a_plan_document_states_plans_of_the_year_it_is_about():
    assert plan_year_of(RESOLUTION, 2022, 12) == 2023
    facts = extract_facts(RESOLUTION, "nghi-quyet.txt", dt.date(2022, 12, 9))
    assert [(f.printed, f.indicator_code, f.value_type, f.period_year, f.document_kind) for f in facts] == [
        ("8", "grdp_growth", "plan", 2023, "council_resolution"),
        ("43,97", "grdp_per_capita", "plan", 2023, "council_resolution"),
    ]


def test_news_of_a_monthly_session_is_about_the_year_to_the_sessions_month():
    """Bà Rịa-Vũng Tàu: held on 15/2/2022, "cuộc họp thường kỳ UBND tỉnh tháng 1/2022" is about
    January: figures with no period are January's, and January was over at the report's date.
    "Phiên họp thường kỳ tháng 12" names a monthly session: its news' figures run from January."""
    from ingest.prose.document import session_period_of

    text = ("Chiều 15/2, ông Nguyễn Văn Thọ, Chủ tịch UBND tỉnh chủ trì cuộc họp thường kỳ UBND tỉnh tháng 1/2022.\n\n"
            "Tổng lượt khách lưu trú tại các cơ sở lưu trú du lịch đạt gần 177 ngàn lượt.")
    assert session_period_of(text, 2022, 2) == (2022, 1, 1)
    assert session_period_of("Phiên họp thường kỳ tháng 12 của UBND tỉnh.", 2023, 1) == (2022, 1, 12)
    facts = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2022, 2, 15), document_kind="session_news")}
    assert "15" not in facts and "2" not in facts  # "Chiều 15/2" is a date
    f = facts["177"]
    assert (f.period_year, f.month_from, f.month_to, f.value_type) == (2022, 1, 1, "actual")


LAO_CAI_TARGETS = (  # tests/fixtures/prose_corpus/unseen2/10_lao-cai_2023-12_tin-hdnd-chi-tieu-ke-hoach-2024.txt
    "25 chỉ tiêu phấn đấu năm 2024\n\n20:03 11-12-2023 | :155\n\n"
    "Laocaitv.vn - 25 nhóm chỉ tiêu của năm 2024 vừa được Kỳ họp thứ 16, HĐND tỉnh thông qua đều ở mức cao với tinh thần "
    "nỗ lực gấp đôi để hoàn thành.\n\n11 chỉ tiêu kinh tế gồm:\n\n- Tốc độ tăng trưởng kinh tế (GRDP): Trên 10%\n\n"
    "- GRDP bình quân đầu người: 104 triệu đồng/năm\n\n- Thu ngân sách nhà nước: 12.800 tỷ đồng\n")


def test_a_title_listing_next_years_targets_is_a_plan_document():
    """Lào Cai, 11/12/2023: the news page of the council's targets for 2024 states plans of 2024,
    not this year's results; a title of results of a later year is not one."""
    assert document_kind_of(LAO_CAI_TARGETS, 2023) == "council_resolution"
    assert document_kind_of(LAO_CAI_TARGETS, 2024) != "council_resolution"  # a title of this year's targets: no later year
    assert document_kind_of("CÁC CHỈ TIÊU KINH TẾ XÃ HỘI CHỦ YẾU ƯỚC ĐẠT ĐƯỢC TRONG NĂM 2021\n", 2020) != "council_resolution"
    facts = {f.printed: f for f in extract_facts(LAO_CAI_TARGETS, "x.txt", dt.date(2023, 12, 11))}
    got = {p: (facts[p].indicator_code, facts[p].value_type, facts[p].period_year, facts[p].month_from, facts[p].month_to)
           for p in ("10", "104", "12.800")}
    assert got == {"10": ("grdp_growth", "plan", 2024, 1, 12), "104": ("grdp_per_capita", "plan", 2024, 1, 12),
                   "12.800": ("budget_revenue", "plan", 2024, 1, 12)}


def test_the_month_a_session_reviews_said_further_on():
    """Gia Lai, 12/11/2025 (unseen2 52_gia-lai_2025-11): "hội nghị … đánh giá tình hình kinh tế - xã hội (KT-XH)
    của tỉnh tháng 10, triển khai nhiệm vụ trọng tâm tháng 11/2025": October's session; a figure with no
    period is October's (a session reviewing a month, not one named after it)."""
    from ingest.prose.document import session_period_of

    text = ("Thông tin đưa ra tại hội nghị trực tiếp kết hợp trực tuyến đánh giá tình hình kinh tế - xã hội (KT-XH) của tỉnh "
            "tháng 10, triển khai nhiệm vụ trọng tâm tháng 11/2025 do UBND tỉnh tổ chức ngày 12/11.\n\n"
            "Sản xuất công nghiệp trên địa bàn tỉnh cơ bản duy trì tăng trưởng ổn định. Chỉ số sản xuất công nghiệp (IIP) ước "
            "tăng 8,79% so với cùng kỳ.\n")
    assert session_period_of(text, 2025, 11) == (2025, 10, 10)
    f = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2025, 11, 12), document_kind="session_news")}["8,79"]
    assert (f.indicator_code, f.period_year, f.month_from, f.month_to) == ("industrial_production_index", 2025, 10, 10)


def test_news_of_a_council_session_at_the_years_end_is_about_the_year():
    """Quảng Ngãi, 9/12/2024 (unseen3 51_quang-ngai_2024-12): the year-end session of the people's council
    ("Kỳ họp thứ 29 HĐND tỉnh") reviews 2024: a figure with no period is the year's, an estimate before it
    ends, not December's; a UBND's monthly "phiên họp" stays the month's."""
    opening = "Ngày 9.12, Ủy viên Trung ương Đảng, Phó Chủ tịch Quốc hội tham dự Kỳ họp thứ 29 HĐND tỉnh Quảng Ngãi Khóa XIII.\n\n"
    text = opening + ("Tổng sản phẩm trên địa bàn (GRDP) ước đạt 64.288,5 tỷ đồng (tăng 4,07%); quy mô nền kinh tế ước đạt "
                      "132.581 tỷ đồng (tăng 4,1%).\n")
    facts = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2024, 12, 9), document_kind="session_news")}
    assert {p: (facts[p].period_year, facts[p].month_from, facts[p].month_to, facts[p].period_kind, facts[p].value_type)
            for p in ("64.288,5", "4,07", "132.581")} == {
        "64.288,5": (2024, 1, 12, "year", "estimate"), "4,07": (2024, 1, 12, "year", "estimate"),
        "132.581": (2024, 1, 12, "year", "estimate")}
    assert facts["4,07"].indicator_code == "grdp_growth"
    monthly = "Ngày 9/12, UBND tỉnh họp phiên thường kỳ.\n\nThu ngân sách ước đạt 500 tỷ đồng.\n"
    got = extract_facts(monthly, "x.txt", dt.date(2024, 12, 9), document_kind="session_news")
    assert [(f.month_from, f.month_to) for f in got] == [(12, 12)]


def test_a_council_session_named_after_the_council():
    """Quảng Ngãi, 9/12/2024 (unseen3 51_quang-ngai_2024-12): "Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Bùi Thị Quỳnh Vân phát
    biểu khai mạc Kỳ họp" names the council's session as "Kỳ họp thứ 29 HĐND tỉnh" does; a UBND's "phiên họp" does not."""
    from ingest.prose import patterns as P

    assert P.COUNCIL_SESSION.search("Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Bùi Thị Quỳnh Vân phát biểu khai mạc Kỳ họp")
    assert P.COUNCIL_SESSION.search("tham dự Kỳ họp thứ 29 HĐND tỉnh Quảng Ngãi Khóa XIII, nhiệm kỳ 2021-2026.")
    assert not P.COUNCIL_SESSION.search("Ngày 25/11, UBND tỉnh Thanh Hóa tổ chức phiên họp thường kỳ tháng 11/2025.")


VINH_LONG_TARGETS = (  # tests/fixtures/prose_corpus/unseen4/86_vinh-long_2023-01_tin-muc-tieu-ke-hoach-2023.txt
    "Nhiều mục tiêu, nhiệm vụ phát triển kinh tế năm 2023\n\nCập nhật, 05:55, Thứ Năm, 12/01/2023 (GMT+7)\n\n"
    "Các mục tiêu, nhiệm vụ cụ thể gồm: tổng sản phẩm trên địa bàn tỉnh tăng 8%; GRDP bình quân đầu người 77,2 triệu "
    "đồng/người; tổng kim ngạch xuất khẩu 750 triệu USD; tổng vốn đầu tư toàn xã hội 17.500 tỷ đồng.\n")


def test_a_title_of_the_targets_of_the_year_just_begun_is_a_plan_document():
    """Vĩnh Long, 12/01/2023: "Nhiều mục tiêu, nhiệm vụ … năm 2023" lists the 2023 plan's targets
    ("mục tiêu" is a target word by itself); late in that year the same title would not be a plan."""
    assert document_kind_of(VINH_LONG_TARGETS, 2023, 1) == "council_resolution"
    assert document_kind_of(VINH_LONG_TARGETS, 2023, 11) != "council_resolution"
    assert document_kind_of(VINH_LONG_TARGETS, 2024, 1) != "council_resolution"  # an earlier year's targets
    facts = {f.printed: f for f in extract_facts(VINH_LONG_TARGETS, "x.txt", dt.date(2023, 1, 12))}
    got = {p: (facts[p].indicator_code, facts[p].value_type, facts[p].period_year, facts[p].month_from, facts[p].month_to)
           for p in ("77,2", "750", "17.500")}
    assert got == {"77,2": ("grdp_per_capita", "plan", 2023, 1, 12), "750": ("trade_exports", "plan", 2023, 1, 12),
                   "17.500": ("social_investment", "plan", 2023, 1, 12)}


def test_a_monthly_sessions_name_is_not_its_figures_period():
    """Ninh Bình, 7/10/2025 (unseen5 37_ninh-binh_2025-10): "Phiên họp thường kỳ tháng 9 của UBND tỉnh" names the
    session; its news' figures with no period are of the nine months (labelled 1-9), not of September."""
    text = ("9 tháng đầu năm 2025, trong bối cảnh kinh tế nhiều biến động, Ninh Bình vẫn giữ vững mục tiêu tăng trưởng.\n\n"
            "Phiên họp thường kỳ tháng 9 của UBND tỉnh Ninh Bình diễn ra ngày 7/10 cho thấy bức tranh kinh tế - xã hội của địa "
            "phương đang khởi sắc rõ nét. Tốc độ tăng trưởng GRDP ước đạt 10,45%, đưa Ninh Bình trở thành một trong ba địa "
            "phương có mức tăng cao nhất cả nước. Quy mô nền kinh tế theo giá hiện hành đạt 248.056 tỷ đồng.\n")
    facts = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2025, 10, 7), document_kind="session_news")}
    got = {p: (facts[p].indicator_code, facts[p].value_type, facts[p].period_year, facts[p].month_from, facts[p].month_to,
               facts[p].period_kind) for p in ("10,45", "248.056")}
    assert got == {"10,45": ("grdp_growth", "estimate", 2025, 1, 9, "cumulative"),
                   "248.056": (None, "actual", 2025, 1, 9, "cumulative")}


def test_a_session_late_in_the_year_that_reviews_the_year_is_about_the_year():
    """Lai Châu, November 2025 (unseen5 12_lai-chau_2025-11): "UBND tỉnh Lai Châu họp phiên thường kỳ tháng 11 …
    Phiên họp đã tập trung đánh giá tình hình kinh tế - xã hội năm 2025": the grain output said with no period
    is the year's estimate (labelled 2025, 1-12), not January to November's."""
    text = ("UBND tỉnh Lai Châu họp phiên thường kỳ tháng 11\n\n"
            "Phiên họp đã tập trung đánh giá tình hình kinh tế - xã hội năm 2025; thảo luận, cho ý kiến vào Nghị quyết về kế "
            "hoạch phát triển kinh tế - xã hội năm 2026.\n\n"
            "Trong lĩnh vực nông nghiệp, tổng sản lượng lương thực có hạt của tỉnh Lai Châu đạt 226 nghìn tấn.\n")
    f = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2025, 11, 1), report_date_precision="month",
                                             document_kind="session_news")}["226"]
    assert (f.indicator_code, f.value_type, f.period_year, f.month_from, f.month_to) == ("food_grain_output", "estimate", 2025, 1, 12)
    assert extract_facts(text.replace("năm 2025;", "tháng 11;"), "x.txt", dt.date(2025, 11, 1), report_date_precision="month",
                         document_kind="session_news")[0].month_to == 11
