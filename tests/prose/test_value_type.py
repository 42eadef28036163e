"""Stage tests: value type and sections."""

from __future__ import annotations

from ingest.prose.model import Report
from ingest.prose.sentences import Section
from ingest.prose.value_type import plan_year, section_after

ANNUAL = Report("2022-11_bao-cao.txt", "", 2022, 11, (2022, 1, 12))


def test_a_heading_opens_a_results_or_a_targets_section():
    targets = section_after(ANNUAL, Section(None, False), "II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP NĂM 2023")
    assert targets.plan and targets.period == (2023, 1, 12)
    results = section_after(ANNUAL, targets, "I. KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2022")
    assert not results.plan and results.period == (2022, 1, 12)


def test_a_plan_of_a_later_year_is_a_plan():
    assert plan_year(ANNUAL, "KH năm 2023 ")
    assert not plan_year(ANNUAL, "KH năm 2022 ")


def test_estimated_is_said_after_any_word_but_a_treaty_is_not_an_estimate():
    """"giá trị sản xuất nông nghiệp ước đạt 795 tỷ đồng": "ước" after "nghiệp" is an estimate (the
    exclusion of "hiệp ước", a treaty, is of the word "hiệp" only)."""
    import datetime as dt

    from ingest.prose import extract_facts
    from ingest.prose import patterns as P

    assert P.ESTIMATE_CUE.search("giá trị sản xuất nông nghiệp ước đạt")
    assert not P.ESTIMATE_CUE.search("thực hiện hiệp ước")
    facts = extract_facts("Tháng 1/2022, giá trị sản xuất nông nghiệp ước đạt 795 tỷ đồng.", "x.txt", dt.date(2022, 2, 15))
    assert facts[0].value_type == "estimate"


def test_a_plan_named_with_a_later_year_states_that_years_plans():
    """Hà Nội, December 2023: news of the council's session reviews 2023 and lists the 2024 targets
    of its resolution (unseen2 01_ha-noi_2023-12)."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Thu hút vốn đầu tư nước ngoài FDI đạt gần 2,9 tỷ USD, tăng 62% so với năm 2022.\n\n"
            "Nghị quyết đề ra 24 chỉ tiêu chủ yếu phát triển kinh tế-xã hội năm 2024; trong đó, tốc độ tăng tổng sản "
            "phẩm trên địa bàn (GRDP) đạt từ 6,5-7%, GRDP bình quân đầu người đạt từ 160,8-162 triệu đồng.../.")
    facts = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2023, 12, 1), report_date_precision="month",
                                                  document_kind="session_news")}
    assert [(p, facts[p].value_type, facts[p].period_year) for p in ("24", "6,5", "7", "160,8", "162")] == [
        ("24", "plan", 2024), ("6,5", "plan", 2024), ("7", "plan", 2024), ("160,8", "plan", 2024), ("162", "plan", 2024)]
    assert (facts["6,5"].indicator_code, facts["160,8"].indicator_code) == ("grdp_growth", "grdp_per_capita")
    assert facts["2,9"].period_year == 2023 and facts["2,9"].value_type != "plan"  # the year under review


def test_a_grdp_period_holding_an_estimated_quarter_is_an_estimate():
    """Nghệ An, 7/10/2025 (unseen2 40_nghe-an_2025-10): "GRDP quý 3/2025 ước tăng 8,62%. Tính chung 9
    tháng năm 2025 đạt 8,61%": the nine months hold the estimated quarter, so they and their sectors are
    estimates, the lead's 8,61% (said before) too; exports over the finished nine months stay actual."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Nghệ An vẫn ghi nhận kim ngạch xuất khẩu trong 9 tháng năm 2025 đạt hơn 3,2 tỷ USD, tăng 40% so với cùng kỳ "
            "năm 2024. Đây là một trong những trụ cột quan trọng giúp GRDP của tỉnh duy trì mức tăng 8,61%...\n\n"
            "Cụ thể, GRDP quý 3/2025 của Nghệ An ước tăng 8,62%. Tính chung 9 tháng năm 2025 đạt 8,61%, cao hơn mức cùng "
            "kỳ 2024 (8,49%).\n\nKhu vực công nghiệp – xây dựng tiếp tục là trụ cột của kinh tế tỉnh này, với mức tăng "
            "13,73% trong 9 tháng.\n")
    facts = extract_facts(text, "x.txt", dt.date(2025, 10, 7), document_kind="session_news")
    got = [(f.printed, f.indicator_code, f.value_type, f.month_from, f.month_to) for f in facts]
    assert ("3,2", "trade_exports", "actual", 1, 9) in got
    assert [g for g in got if g[0] == "8,61"] == [("8,61", "grdp_growth", "estimate", 1, 9)] * 2
    assert ("8,62", "grdp_growth", "estimate", 7, 9) in got
    assert ("13,73", "grdp_growth_industry_construction", "estimate", 1, 9) in got
    quarter_first = extract_facts("Quảng Ninh: GRDP 6 tháng đầu năm tăng 9,02%\n\nTốc độ tăng trưởng kinh tế (GRDP) sơ bộ "
                                  "quý I tăng 8,97%; ước quý II tăng 9,06%.\n", "x.txt", dt.date(2024, 5, 31))
    assert {f.printed: f.value_type for f in quarter_first}["8,97"] == "actual"  # a part before the estimated one


def test_a_figure_of_a_later_year_is_a_plan_unless_said_estimated():
    """In December 2023 a figure of 2024 is a target (the issue's council resolutions: "phấn đấu đạt X%"),
    wherever the words of a plan are missing; "dự kiến" of a later year stays an estimate."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Năm 2024, thu ngân sách nhà nước trên địa bàn tăng 10% so với năm 2023. Năm 2024, tổng vốn đầu tư toàn xã hội "
            "dự kiến đạt 60.000 tỷ đồng.\n")
    facts = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2023, 12, 11))}
    assert (facts["10"].value_type, facts["10"].period_year) == ("plan", 2024)
    assert (facts["60.000"].value_type, facts["60.000"].period_year) == ("estimate", 2024)


def _by_printed(text, report_date, kind=None):
    import datetime as dt

    from ingest.prose import extract_facts

    facts = extract_facts(text, "x.txt", dt.date.fromisoformat(report_date), document_kind=kind)
    return [(f.printed, f.period_year, f.month_from, f.month_to, f.period_kind, f.value_type) for f in facts]


def test_a_count_of_targets_is_the_plans_and_those_met_are_the_years():
    """Quảng Ngãi, 9/12/2024 (unseen3 51_quang-ngai_2024-12) and Thanh Hóa, 25/11/2025 (unseen3 38_thanh-hoa_2025-11):
    the targets there are ("trong 25 chỉ tiêu … năm 2024", the 25 of "25/25") are the plan's count, of its year;
    the targets met ("tất cả 25", "có 9 chỉ tiêu vượt", "19 chỉ tiêu chủ yếu đạt và vượt kế hoạch năm 2025") are
    the year's, an estimate before it ends, not the month of the session."""
    text = ("Theo báo cáo của UBND tỉnh, trong 25 chỉ tiêu kinh tế - xã hội chủ yếu năm 2024, tất cả 25/25 chỉ tiêu đều "
            "đạt, trong đó có 9 chỉ tiêu vượt so với Nghị quyết số 85 của HĐND tỉnh đề ra.\n")
    assert _by_printed(text, "2024-12-09", "session_news") == [
        ("25", 2024, 1, 12, "year", "plan"), ("25", 2024, 1, 12, "year", "estimate"), ("25", 2024, 1, 12, "year", "plan"),
        ("9", 2024, 1, 12, "year", "estimate")]
    text = ("Ngày 25/11, UBND tỉnh Thanh Hóa tổ chức phiên họp thường kỳ tháng 11/2025.\n\nThanh Hóa: 19 chỉ tiêu chủ yếu "
            "đạt và vượt kế hoạch năm 2025.\n")
    assert _by_printed(text, "2025-11-25", "session_news") == [("19", 2025, 1, 12, "year", "estimate")]


def test_a_year_named_after_a_later_plans_name_is_the_figures():
    """Sơn La, 5/12/2024 (unseen3 14_son-la_2024-12): "Báo cáo … kế hoạch … năm 2024, kế hoạch … năm 2025, …
    nhấn mạnh: Năm 2024, …; dự ước có 25/28 chỉ tiêu hoàn thành": the figures are of 2024 (the 2025 plan is
    only named), 25 met (an estimate), 28 the plan's count."""
    text = ("Báo cáo tình hình thực hiện kế hoạch phát triển kinh tế - xã hội năm 2024, kế hoạch phát triển kinh tế - xã "
            "hội năm 2025, đồng chí Nguyễn Đình Việt, Chủ tịch UBND tỉnh Sơn La nhấn mạnh: Năm 2024, tỉnh Sơn La đạt nhiều "
            "kết quả quan trọng; dự ước có 25/28 chỉ tiêu hoàn thành và vượt kế hoạch.\n")
    assert _by_printed(text, "2024-12-05", "annual_report") == [
        ("25", 2024, 1, 12, "year", "estimate"), ("28", 2024, 1, 12, "year", "plan")]


def test_a_plan_or_scenario_quoted_with_a_verb_or_after_la_is_the_plan():
    """Hải Phòng, 28/12/2023 (unseen3 31_hai-phong_2023-12): "GRDP năm 2023 … tăng 10,34% so với cùng kỳ năm trước (kế
    hoạch tăng từ 12,7%-13%)": both ends are the year's plan for the GRDP growth; Kiên Giang, 1/7/2020 (unseen3
    91_kien-giang_2020-07): "dự báo tăng trưởng kinh tế (GRDP) … lên con số 3,03%, cao hơn so với dự báo kịch bản tăng
    trưởng trước đó là 1,96%": the earlier scenario is the plan of the same GRDP growth."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Cụ thể, GRDP năm 2023 của thành phố Hải Phòng tăng 10,34% so với cùng kỳ năm trước (kế hoạch tăng từ 12,7%-13%), "
            "đứng thứ 5 cả nước.\n")
    f = {x.printed: x for x in extract_facts(text, "x.txt", dt.date(2023, 12, 28), document_kind="statistics_release")}
    assert {p: (f[p].indicator_code, f[p].value_type, f[p].period_year) for p in ("10,34", "12,7", "13")} == {
        "10,34": ("grdp_growth", "estimate", 2023), "12,7": ("grdp_growth", "plan", 2023), "13": ("grdp_growth", "plan", 2023)}
    text = ("Với việc gỡ bỏ phong tỏa xã hội sớm hơn dự kiến, dự báo tăng trưởng kinh tế (GRDP) tỉnh ta 6 tháng đầu năm 2020 "
            "lên con số 3,03%, cao hơn so với dự báo kịch bản tăng trưởng trước đó là 1,96%.\n")
    g = {x.printed: x for x in extract_facts(text, "x.txt", dt.date(2020, 7, 1), document_kind="statistics_release")}
    assert (g["1,96"].indicator_code, g["1,96"].value_type, g["1,96"].month_to) == ("grdp_growth", "plan", 6)
    assert (g["3,03"].indicator_code, g["3,03"].value_type) == ("grdp_growth", "estimate")


def test_the_delegates_at_a_session_are_counted_in_its_month():
    """Lào Cai, 5/12/2024 (dev 10_lao-cai_2024-12): at the council's year-end session, "51/53 đại biểu HĐND tỉnh" are the
    delegates present, counted that day (December, actual), while the session's other figures are the year's; in an
    annual report "cung cấp thông tin thời sự 06 cuộc cho 839 đại biểu người uy tín" is the year's flow."""
    text = ("TPO - Ngày 5/12, Kỳ họp thứ 24, HĐND tỉnh Lào Cai khóa XVI, nhiệm kỳ 2021-2026 đã chính thức khai mạc.\n\n"
            "Tham dự kỳ họp có lãnh đạo các sở, ban, ngành tỉnh; 51/53 đại biểu HĐND tỉnh khóa XVI nhiệm kỳ 2021 - 2026.\n\n"
            "Quy mô kinh tế toàn tỉnh đạt khoảng 77.223 tỷ đồng.\n")
    assert _by_printed(text, "2024-12-05", "session_news") == [
        ("51", 2024, 12, 12, "month", "actual"), ("53", 2024, 12, 12, "month", "actual"),
        ("77.223", 2024, 1, 12, "year", "estimate")]
    annual = "BÁO CÁO\nTình hình kinh tế - xã hội năm 2022\n\nCung cấp thông tin thời sự 06 cuộc cho 839 đại biểu người uy tín.\n"
    assert [r[2:4] for r in _by_printed(annual, "2022-11-20", "annual_report") if r[0] == "839"] == [(1, 12)]


def test_the_size_of_the_economy_in_a_grdp_release_is_estimated_with_it():
    """Hà Tĩnh, 6 months of 2019 (unseen3 42_ha-tinh_2019-07, a release whose title block names the economy's growth):
    "Quy mô GRDP 6 tháng đầu năm 2019 … ước đạt 37.303 tỷ đồng …. Như vậy, sau 4 năm thì quy mô GRDP 6 tháng đầu năm
    2019 đã tăng 38,38% so với năm 2015": the size of the economy is compiled with the GRDP, an estimate as the half-year's
    GRDP is, though the sentence says "đã tăng" and the half-year was over."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Tình hình kinh tế xã hội tỉnh Hà Tĩnh 6 tháng đầu năm 2019\n\n7/1/2019\n\n1. Tăng trưởng kinh tế\n\n"
            "1.1. Quy mô và tốc độ tăng trưởng giá trị tổng sản phẩm trong tỉnh (GRDP)\n\n"
            "- Giá trị tổng sản phẩm trong tỉnh theo giá hiện hành: Quy mô GRDP 6 tháng đầu năm 2019 theo giá hiện hành ước "
            "đạt 37.303 tỷ đồng, tăng 15,98% so với cùng kỳ năm 2018. Như vậy, sau 4 năm thì quy mô GRDP 6 tháng đầu năm 2019 "
            "đã tăng 38,38% so với năm 2015.\n")
    f = {x.printed: x for x in extract_facts(text, "x.txt", dt.date(2019, 7, 1))}
    assert {p: (f[p].value_type, f[p].month_from, f[p].month_to) for p in ("37.303", "38,38")} == {
        "37.303": ("estimate", 1, 6), "38,38": ("estimate", 1, 6)}


def test_a_target_naming_the_years_plan_after_it_is_the_whole_years():
    """The synthetic October 2023 report (prose_holdout 2023-10): under "NHIỆM VỤ TRỌNG TÂM THÁNG 11 NĂM 2023", "Phấn đấu
    hoàn thành giải ngân trên 95% kế hoạch vốn đầu tư công năm 2023" is a target for the whole of 2023, not for
    November; the bundled June 2021 report's "tiết kiệm thêm 10% chi thường xuyên khác còn lại của năm 2021", under the
    tasks of the last six months, names no plan ("khác" is no "KH") and keeps July-December."""
    text = "II. NHIỆM VỤ TRỌNG TÂM THÁNG 11 NĂM 2023\n\nPhấn đấu hoàn thành giải ngân trên 95% kế hoạch vốn đầu tư công năm 2023.\n"
    assert _by_printed(text, "2023-10-25") == [("95", 2023, 1, 12, "year", "plan")]
    text = ("II. NHIỆM VỤ, GIẢI PHÁP 6 THÁNG CUỐI NĂM 2021\n\nPhấn đấu tiết kiệm thêm 10% chi thường xuyên khác còn lại của "
            "năm 2021 để bổ sung nguồn phòng, chống dịch COVID-19.\n")
    assert [r[1:4] for r in _by_printed(text, "2021-06-20")] == [(2021, 7, 12)]


def test_a_paragraph_opening_with_an_estimate_of_a_period_estimates_its_later_figures_of_that_period():
    """Đồng Nai, October 2022 (dev 75_dong-nai_2022-10, page of 11/11/2022): "Dự ước chỉ số sản xuất công nghiệp tháng
    10/2022 tăng 1,34% so với tháng trước …. Trong tháng 10/2022 có 23/27 ngành sản xuất tăng so tháng trước": the
    industries counted in the estimated month are estimated with it, though October was over at the page's date."""
    text = ("Dự ước chỉ số sản xuất công nghiệp tháng 10/2022 tăng 1,34% so với tháng trước, trong đó ngành khai khoáng tăng "
            "1,75%. Trong tháng 10/2022 có 23/27 ngành sản xuất tăng so tháng trước như sau: Sản xuất chế biến thực phẩm.\n")
    assert [r for r in _by_printed(text, "2022-11-11") if r[0] in ("23", "27")] == [
        ("23", 2022, 10, 10, "month", "estimate"), ("27", 2022, 10, 10, "month", "estimate")]
    # the same sentence in a paragraph of its own, with no estimate said before it: October was over, actual
    alone = "Trong tháng 10/2022 có 23/27 ngành sản xuất tăng so tháng trước như sau: Sản xuất chế biến thực phẩm.\n"
    assert [r[5] for r in _by_printed(alone, "2022-11-11")] == ["actual", "actual"]


def test_a_year_reported_on_its_last_day_is_not_over_at_it():
    """Nam Định, 31/12/2020 (unseen4 36_nam-dinh_2020-12): the year's results printed on the year's last day are
    estimates ("Thu nhập bình quân đầu người khu vực nông thôn năm 2020 đạt 52 triệu đồng"); a day later, an actual."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("9. Thu nhập bình quân đầu người khu vực nông thôn năm 2020 đạt 52 triệu đồng, gấp 4,1 lần so với trước "
            "khi xây dựng nông thôn mới.\n\n10. An sinh xã hội được đảm bảo, tỷ lệ hộ nghèo giảm còn 0,7%.\n")
    on_the_day = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2020, 12, 31))}
    assert {p: (on_the_day[p].indicator_code, on_the_day[p].period_year, on_the_day[p].month_to, on_the_day[p].value_type)
            for p in ("52", "0,7")} == {"52": (None, 2020, 12, "estimate"), "0,7": ("poverty_rate", 2020, 12, "estimate")}
    after = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2021, 1, 1))}
    assert after["52"].value_type == "actual"


def test_an_estimate_said_after_a_target_word_is_the_estimate():
    """Ninh Bình, 7/10/2025 (unseen5 37_ninh-binh_2025-10): "vẫn giữ vững mục tiêu tăng trưởng hai con số khi GRDP ước
    đạt 10,45%" is the nine months' estimate (labelled so), not a target; "mục tiêu … đạt 10%" stays a plan."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("9 tháng đầu năm 2025, trong bối cảnh kinh tế nhiều biến động, Ninh Bình vẫn giữ vững mục tiêu tăng trưởng hai con "
            "số khi GRDP ước đạt 10,45%, đứng thứ 3/34 tỉnh, thành trong cả nước.")
    f = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2025, 10, 7), document_kind="session_news")}["10,45"]
    assert (f.indicator_code, f.value_type, f.period_year, f.month_from, f.month_to) == ("grdp_growth", "estimate", 2025, 1, 9)
    plan = extract_facts("Năm 2026, tỉnh đặt mục tiêu tăng trưởng GRDP đạt 10%.", "x.txt", dt.date(2025, 10, 7))[0]
    assert (plan.indicator_code, plan.value_type) == ("grdp_growth", "plan")


def test_an_estimate_said_as_its_subjects_verb_reaches_the_end_of_its_clause():
    """Tuyên Quang's council session, 1-4/7/2024 (unseen4 08_tuyen-quang_2024-07): "Giá trị sản xuất công nghiệp ước đạt
    11.587,6 tỷ đồng, …; thu hút trên 1,86 triệu lượt khách du lịch, tổng thu từ khách du lịch đạt 2.271 tỷ đồng, tăng 59%
    …": the clauses after the ';' that say no "ước" are the half-year's results (the six months were over at the
    session); "Ước tính 6 tháng đầu năm, …; …" opens the whole sentence and reaches every clause.  The gross output of
    agriculture is no GRDP sector's growth; the revenue from tourists is tourism revenue."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Tuyên Quang đạt được nhiều kết quả quan trọng trong phát triển kinh tế - xã hội 6 tháng đầu năm 2024\n\n"
            "Giá trị sản xuất công nghiệp ước đạt 11.587,6 tỷ đồng, tăng 19% so với cùng kỳ năm 2023; giá trị sản xuất nông, "
            "lâm nghiệp, thủy sản ước đạt 4.852,7 tỷ đồng, tăng 5,4% so với cùng kỳ năm 2023; thu hút trên 1,86 triệu lượt "
            "khách du lịch, tổng thu từ khách du lịch đạt 2.271 tỷ đồng, tăng 59% so với cùng kỳ; tạo việc làm cho 17.125 "
            "lao động, đạt 75,9% kế hoạch.")
    facts = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2024, 7, 1))}
    got = {p: (facts[p].indicator_code, facts[p].measure, facts[p].value_type) for p in ("11.587,6", "5,4", "1,86", "2.271", "59", "17.125")}
    assert got == {"11.587,6": ("industrial_production_value", "value", "estimate"), "5,4": (None, "growth_pct", "estimate"),
                   "1,86": ("tourists", "value", "actual"), "2.271": ("tourism_revenue", "value", "actual"),
                   "59": ("tourism_revenue", "growth_pct", "actual"), "17.125": ("jobs_created", "value", "actual")}
    opener = "Tình hình 6 tháng đầu năm 2024\n\nƯớc tính 6 tháng đầu năm, giá trị sản xuất công nghiệp đạt 11.587,6 tỷ đồng; tạo việc làm cho 17.125 lao động."
    assert {f.value_type for f in extract_facts(opener, "x.txt", dt.date(2024, 7, 1))} == {"estimate"}


def test_targets_at_a_year_end_session_are_the_next_years_and_a_leads_target_word_reaches_its_list():
    """Kon Tum's council session, December 2023 (unseen4 62_kon-tum_2023-12): "HĐND tỉnh Kon Tum đặt ra mục tiêu thu ngân
    sách đạt 4.600 tỉ đồng, tốc độ tăng trưởng GRDP của tỉnh đạt từ 10%" names no year: the session passes 2024's plan;
    the target word of the sentence's lead reaches every figure of its list.  A year said stays ("năm 2023")."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Kỳ họp HĐND tỉnh Kon Tum: Mục tiêu tăng trưởng GRDP\n\nHĐND tỉnh Kon Tum đặt ra mục tiêu thu ngân sách đạt 4.600 tỉ "
            "đồng, tốc độ tăng trưởng GRDP của tỉnh đạt từ 10% trở lên.\n\nNgày 6.12, HĐND tỉnh Kon Tum khóa XII, nhiệm kỳ 2021 - "
            "2026, đã khai mạc kỳ họp thứ 6.\n")
    facts = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2023, 12, 6), document_kind="session_news")}
    got = {p: (facts[p].indicator_code, facts[p].value_type, facts[p].period_year) for p in ("4.600", "10")}
    assert got == {"4.600": ("budget_revenue", "plan", 2024), "10": ("grdp_growth", "plan", 2024)}
    said = text.replace("đặt ra mục tiêu thu ngân sách", "đặt ra mục tiêu năm 2023 thu ngân sách")
    assert {f.period_year for f in extract_facts(said, "x.txt", dt.date(2023, 12, 6), document_kind="session_news")} == {2023}
