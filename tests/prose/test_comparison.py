"""Stage tests: comparisons (basis) and measures."""

from __future__ import annotations

from decimal import Decimal

from ingest.prose.comparison import basis_of_phrase, measure_of
from ingest.prose.figures import find_figures
from ingest.prose.model import Context

SEPT_YTD = (2022, 1, 9)


def test_bases_as_the_reports_name_them():
    assert basis_of_phrase("so với dự toán TW giao", SEPT_YTD) == "plan_central"
    assert basis_of_phrase("so với dự toán HĐND tỉnh giao", SEPT_YTD) == "plan_council"
    assert basis_of_phrase("so với dự toán Chủ tịch Hội đồng Nhân dân thành phố giao", SEPT_YTD) == "plan_council"  # Hà Nội 2023
    assert basis_of_phrase("so với cùng kỳ năm trước", SEPT_YTD) == "same_period"
    assert basis_of_phrase("KH", SEPT_YTD) == "plan"
    assert basis_of_phrase("so với tháng 8", (2022, 9, 9)) == "prior_month"
    assert basis_of_phrase("so với năm 2017", SEPT_YTD) == "?"


def measure(text: str, index: int, pred: str | None, tail: str):
    fig = find_figures(text)[index]
    return measure_of(fig, pred, tail, None, text, SEPT_YTD, "", None, Context())[:2]


def test_measures_from_the_words_around_a_figure():
    text = "Tổng kim ngạch đạt 638,706 triệu USD, tăng 29%, đạt 101% KH"
    assert measure(text, 0, "đạt", " đạt ") == ("value", "none")
    assert measure(text, 1, "tăng", " tăng ") == ("growth_pct", "same_period")
    assert measure(text, 2, "đạt", " đạt ") == ("ratio_pct", "plan")
    assert measure("thấp hơn 2,45 điểm phần trăm so với kế hoạch", 0, "thấp hơn", "thấp hơn ") == ("pp", "plan")


def _facts(text, report_date, kind=None):
    import datetime as dt

    from ingest.prose import extract_facts

    return {f.printed: f for f in extract_facts(text, "x.txt", dt.date.fromisoformat(report_date), document_kind=kind)}


def test_the_same_months_of_the_year_before_are_the_same_period():
    """"so với 6 tháng đầu năm 2021" of a January-June 2022 figure is against the same period; of a
    nine-month figure it is no allowed basis."""
    assert basis_of_phrase("so với 6 tháng đầu năm 2021", (2022, 1, 6)) == "same_period"
    assert basis_of_phrase("so với quý I/2021", (2022, 1, 3)) == "same_period"
    assert basis_of_phrase("so với 6 tháng đầu năm 2021", (2022, 1, 9)) == "?"
    f = _facts("Giá trị xuất khẩu 6 tháng đầu năm ước đạt 16,8 tỷ USD, tăng 29,9% so với 6 tháng đầu năm 2021.", "2022-06-29")
    assert (f["29,9"].measure, f["29,9"].basis) == ("growth_pct", "same_period")


def test_grew_by_is_a_growth():
    """"tăng trưởng 12,5%" is said as "tăng 12,5%": a growth of the level, not a share."""
    f = _facts("Tổng mức bán lẻ hàng hóa 9 tháng tăng trưởng 12,5% so với cùng kỳ.", "2023-09-28")
    assert (f["12,5"].indicator_code, f["12,5"].measure, f["12,5"].basis) == ("retail_sales", "growth_pct", "same_period")
    assert measure("tổng mức bán lẻ tăng trưởng 12,5%", 0, "tăng trưởng", "tăng trưởng ")[0] == "growth_pct"


def test_a_share_after_an_amount_of_money_or_of_a_disbursement_is_a_share_of_the_plan():
    """Bà Rịa-Vũng Tàu, January 2022: "ước khoảng hơn 2.135 tỷ đồng, đạt 8,8%" is 8,8 % of the
    plan; "giải ngân đạt gần 30%" too; "1.927 nhiệm vụ đã hoàn thành (đạt 71%)" is a share of the tasks."""
    f = _facts("Tổng chi ngân sách trên địa bàn tháng 1/2022 ước khoảng hơn 2.135 tỷ đồng, đạt 8,8% và bằng 168,9% so với cùng kỳ.",
               "2022-02-15")
    assert (f["8,8"].indicator_code, f["8,8"].measure, f["8,8"].basis) == ("budget_expenditure", "ratio_pct", "plan")
    assert (f["168,9"].indicator_code, f["168,9"].basis) == ("budget_expenditure", "same_period")
    f = _facts("Nguồn vốn ngân sách Trung ương giải ngân đạt gần 30%.", "2021-08-05")
    assert (f["30"].measure, f["30"].basis) == ("ratio_pct", "plan")
    f = _facts("UBND tỉnh đã giao 2.714 nhiệm vụ, trong đó có 1.927 nhiệm vụ đã hoàn thành (đạt 71%).", "2022-09-30")
    assert (f["71"].measure, f["71"].basis) == ("value", "none")


def test_both_ends_of_a_range_are_said_alike():
    """"Năng suất lao động xã hội tăng 9 - 10%": both ends are growths; "10-15 hợp tác xã thành
    lập mới": both ends count new cooperatives."""
    f = _facts("Năng suất lao động xã hội tăng 9 - 10%.", "2023-01-05", "plan_decision")
    assert f["9"].measure == f["10"].measure == "growth_pct"
    assert f["9"].basis == f["10"].basis
    f = _facts("- Số doanh nghiệp thành lập đạt khoảng 850 doanh nghiệp; 10-15 hợp tác xã thành lập mới.", "2023-01-05", "plan_decision")
    assert f["10"].indicator_code == f["15"].indicator_code == "new_cooperatives"


def test_a_comparison_before_and_another_verb_is_the_first_verbs():
    """Vĩnh Phúc, June 2018: "Tỷ lệ nợ xấu đã giảm so với cuối năm 2017 và hiện chiếm 1,31%": 1,31 %
    is a share, compared with nothing (the comparison is of "đã giảm")."""
    f = _facts("Tỷ lệ nợ xấu đã giảm so với cuối năm 2017 và hiện chiếm 1,31% trên tổng dư nợ.", "2018-06-28")
    assert (f["1,31"].measure, f["1,31"].basis) == ("value", "none")
    f = _facts("Tổng thu ngân sách so với cùng kỳ bằng 124,7%.", "2022-02-15")
    assert (f["124,7"].measure, f["124,7"].basis) == ("ratio_pct", "same_period")


def test_a_growth_with_no_comparison_is_against_the_same_period_for_a_year_too():
    """Thừa Thiên Huế, results of 2022: "Kim ngạch xuất khẩu ước đạt 1.230 triệu USD, tăng 11,4%"
    is against the same period (the year before), as a month's or nine months' growth is."""
    f = _facts("Năm 2022, kim ngạch xuất khẩu ước đạt 1.230 triệu USD, tăng 11,4%.", "2022-12-20")
    assert (f["11,4"].measure, f["11,4"].basis) == ("growth_pct", "same_period")
    f = _facts("Năm 2022, kim ngạch xuất khẩu ước đạt 1.230 triệu USD, tăng 11,4% so với năm 2021.", "2022-12-20")
    assert f["11,4"].basis == "prior_year"


def test_the_per_what_of_a_unit_stands_before_the_comparison():
    """Lào Cai, 2024: "tăng 8,9 triệu đồng/người/năm so với năm 2023": an absolute difference
    against the year before ("/người/năm" belongs to the unit)."""
    f = _facts("GRDP bình quân đầu người đạt 97,5 triệu đồng/người/năm, tăng 8,9 triệu đồng/người/năm so với năm 2023.",
               "2024-12-10")
    assert (f["8,9"].indicator_code, f["8,9"].measure, f["8,9"].basis) == ("grdp_per_capita", "value", "prior_year")


def test_a_contribution_to_growth_is_points_not_a_difference():
    """Đắk Lắk, 9 months of 2025 (unseen2 66_dak-lak_2025-10): "đóng góp 3,36 điểm phần trăm vào tốc độ tăng"."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Khu vực dịch vụ chính là điểm sáng nhất với tốc độ tăng trưởng 7,22%, đóng góp lớn nhất 3,36 điểm phần trăm "
            "vào tốc độ tăng tổng giá trị tăng thêm của toàn nền kinh tế.\n")
    f = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2025, 10, 1))}["3,36"]
    assert (f.measure, f.basis) == ("value", "none")


def test_a_growth_scenario_is_the_plan_and_quoted_values_are_of_what_they_are_compared_with():
    """Quảng Ninh 2024 (unseen2 22_quang-ninh_2024-05): "tăng 0,02% so với kịch bản tăng trưởng" is a rate
    against its planned rate (pp); Nghệ An 2025 (unseen2 40_nghe-an_2025-10): "cao hơn mức cùng kỳ 2024
    (8,49%), và tiệm cận kịch bản tăng trưởng đề ra (8,96–9,61%)" quotes last year's value and the plan."""
    import datetime as dt

    from ingest.prose import extract_facts

    qn = {f.printed: f for f in extract_facts(
        "Tốc độ tăng trưởng kinh tế (GRDP) tỉnh Quảng Ninh ước 6 tháng đầu năm tăng 9,02% và tăng 0,02% so với kịch bản "
        "tăng trưởng.\n", "x.txt", dt.date(2024, 5, 31))}
    assert (qn["0,02"].indicator_code, qn["0,02"].measure, qn["0,02"].basis) == ("grdp_growth", "pp", "plan")
    na = {f.printed: f for f in extract_facts(
        "Cụ thể, GRDP quý 3/2025 của Nghệ An ước tăng 8,62%. Tính chung 9 tháng năm 2025 đạt 8,61%, cao hơn mức cùng kỳ "
        "2024 (8,49%), và tiệm cận kịch bản tăng trưởng đề ra (8,96–9,61%).\n", "x.txt", dt.date(2025, 10, 7))}
    assert [(p, na[p].indicator_code, na[p].value_type, na[p].period_year) for p in ("8,49", "8,96", "9,61")] == [
        ("8,49", "grdp_growth", "actual", 2024), ("8,96", "grdp_growth", "plan", 2025), ("9,61", "grdp_growth", "plan", 2025)]


def test_grew_fairly_strongly_is_a_growth():
    """Đắk Lắk 2025 (unseen2 66_dak-lak_2025-10): "tăng trưởng khá 13,42% so với cùng kỳ" grew by 13,42%
    (in a GRDP release, a sub-sector's growth is its value added's: no code, measure value)."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Đắk Lắk: tổng sản phẩm (GRDP) 9 tháng 2025 ước tăng 6,90%.\n\nNổi bật trong ngành công nghiệp, chính là ngành sản "
            "xuất và phân phối điện tăng trưởng khá 13,42% so với cùng kỳ.\n")
    f = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2025, 10, 1))}["13,42"]
    assert (f.indicator_code, f.measure, f.basis) == (None, "value", "none")


def test_a_year_said_without_nam_is_the_year():
    """TT-Huế QĐ 01/2023 (dev): "tăng 12% so với thực hiện 2022" in the 2023 plan is against last year."""
    assert basis_of_phrase("so với thực hiện 2022", (2023, 1, 12)) == "prior_year"
    assert basis_of_phrase("so với năm 2022", (2023, 1, 12)) == "prior_year"


def test_a_comparison_said_once_after_a_list_of_growths_is_every_items():
    """Quảng Bình, August 2024 (unseen3 44_quang-binh_2024-09): the whole's index grows "0,3% so với tháng trước và
    11,6% so với cùng kỳ"; its parts, listed with ";", say their comparison once, after the last one: every part's
    growth is against the same month of 2023, not the month before (the whole's first comparison)."""
    text = ("Theo thông tin từ Cục Thống kê tỉnh Quảng Bình, chỉ số sản xuất toàn ngành công nghiệp tháng 8 năm 2024 tăng "
            "0,3% so với tháng trước và tăng 11,6% so với cùng kỳ năm trước. Trong đó, ngành khai khoáng tăng 2,7%; ngành "
            "công nghiệp chế biến, chế tạo tăng 12,4%; ngành sản xuất và phân phối điện tăng 11,9%; ngành cung cấp nước, "
            "hoạt động quản lý và xử lý rác thải, nước thải tăng 4,0% so với cùng kỳ năm trước.\n")
    f = _facts(text, "2024-09-01")
    assert {p: f[p].basis for p in ("0,3", "11,6", "2,7", "12,4", "11,9", "4,0")} == {
        "0,3": "prior_month", "11,6": "same_period", "2,7": "same_period", "12,4": "same_period", "11,9": "same_period",
        "4,0": "same_period"}


def test_one_subject_compared_twice_keeps_its_first_growth_unqualified():
    """Quảng Ninh, 6 months of 2024 (unseen2 22_quang-ninh_2024-05): "ước 6 tháng đầu năm tăng 9,02% và tăng 0,02%
    so với kịch bản tăng trưởng": the scenario is the second growth's comparison, not the first's (no new subject)."""
    text = ("Theo số liệu Tổng cục Thống kê vừa công bố, tốc độ tăng trưởng kinh tế (GRDP) tỉnh Quảng Ninh ước 6 tháng đầu "
            "năm tăng 9,02% và tăng 0,02% so với kịch bản tăng trưởng.\n")
    f = _facts(text, "2024-05-31")
    assert (f["9,02"].indicator_code, f["9,02"].measure, f["9,02"].basis) == ("grdp_growth", "value", "none")
    assert (f["0,02"].measure, f["0,02"].basis) == ("pp", "plan")


def test_a_change_of_a_share_of_the_economy_is_in_points():
    """Hà Tĩnh, 6 months of 2019 (unseen3 42_ha-tinh_2019-07): "cơ cấu kinh tế khu vực nông, lâm nghiệp và thủy
    sản giảm 1,02%; khu vực công nghiệp và xây dựng tăng 4,19%; …" compares the sectors' shares with those of the
    year before: points (pp), signed, no sector's growth code; a share's fall in another clause ("cơ cấu thu …,
    trong khi thu ngân sách của khu vực này giảm 3,05%", Vĩnh Phúc 2018) stays a growth."""
    text = ("Với kết quả như trên thì cơ cấu kinh tế khu vực nông, lâm nghiệp và thủy sản giảm 1,02%; khu vực công "
            "nghiệp và xây dựng tăng 4,19%; khu vực dịch vụ giảm 2,19% và thuế sản phẩm trừ trợ cấp sản phẩm giảm 0,99% "
            "so với cùng kỳ năm trước.\n")
    f = _facts(text, "2019-07-01")
    assert {p: (f[p].indicator_code, f[p].measure, f[p].basis, str(f[p].value)) for p in ("1,02", "4,19", "2,19", "0,99")} == {
        "1,02": (None, "pp", "same_period", "-1.02"), "4,19": (None, "pp", "same_period", "4.19"),
        "2,19": (None, "pp", "same_period", "-2.19"), "0,99": (None, "pp", "same_period", "-0.99")}
    other = _facts("Nguyên nhân do cơ cấu thu của tỉnh chủ yếu từ khu vực có vốn đầu tư nước ngoài, trong khi thu ngân "
                   "sách của khu vực này giảm 3,05% so cùng kỳ.\n", "2018-06-30")
    assert (other["3,05"].measure, other["3,05"].basis) == ("growth_pct", "same_period")


def test_the_plan_said_after_a_ranges_high_end_is_both_ends():
    """Cao Bằng, August 2021 (dev 04_cao-bang_2021-08): "tỷ lệ tiêm đạt thấp, đạt từ 30 - 42% kế hoạch (KH)": both ends
    are shares of the plan, not only the 42."""
    f = _facts("Đến hết tháng 7, toàn tỉnh kết thúc tiêm phòng các loại vắc xin định kỳ đợt I/2021 cho đàn gia súc, gia cầm, "
               "tỷ lệ tiêm đạt thấp, đạt từ 30 - 42% kế hoạch (KH).", "2021-08-01")
    assert {p: (f[p].measure, f[p].basis, f[p].month_to) for p in ("30", "42")} == {
        "30": ("ratio_pct", "plan", 7), "42": ("ratio_pct", "plan", 7)}


def test_an_amount_above_a_plan_is_a_difference_against_the_plan():
    """Thừa Thiên Huế, December 2022 (dev 46_thua-thien-hue_2022-12): "GRDP bình quân đầu người … 2.405 USD, tăng 10% so
    cùng kỳ, vượt 50 USD so với kế hoạch": 50 USD above the plan (a value against the plan, as the corpus labels it)."""
    f = _facts("Tổng sản phẩm trong tỉnh (GRDP) ước đạt 65.700 tỷ đồng, GRDP bình quân đầu người ước đạt 56,4 triệu đồng, "
               "tương đương 2.405 USD, tăng 10% so cùng kỳ, vượt 50 USD so với kế hoạch.", "2022-12-07")
    assert (f["50"].indicator_code, f["50"].measure, f["50"].basis) == ("grdp_per_capita", "value", "plan")


def test_a_growth_rate_that_reaches_a_figure_compared_with_last_year_is_the_rate_itself():
    """Trà Vinh's plan decision for 2024 (unseen5 84_tra-vinh_2023-12): "Phấn đấu tăng trưởng GRDP năm 2024 đạt 8,5%
    so với thực hiện năm 2023" is the growth rate (value, no basis), not 8,5 % of 2023's; Cà Mau, November 2025
    (unseen4 96_ca-mau): "ước đạt 8% so cùng kỳ" likewise.  A share of GRDP ("chiếm 73,07% trong GRDP") is no index."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Cụ thể: lĩnh vực kinh tế: (1) Phấn đấu tăng trưởng GRDP năm 2024 đạt 8,5% so với thực hiện năm 2023; (2) GRDP "
            "bình quân đầu người đạt 88,89 triệu đồng/người/năm, tương đương 3.782 USD; (3) Tỷ trọng công nghiệp, xây dựng, "
            "dịch vụ và thuế sản phẩm chiếm 73,07% trong GRDP.")
    facts = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2023, 12, 11), document_kind="plan_decision")}
    got = {p: (facts[p].indicator_code, facts[p].measure, facts[p].basis, facts[p].value_type, facts[p].period_year)
           for p in ("8,5", "73,07")}
    assert got == {"8,5": ("grdp_growth", "value", "none", "plan", 2024), "73,07": (None, "value", "none", "plan", 2024)}
    ca_mau = "Tốc độ tăng trưởng kinh tế của tỉnh năm 2025 ước đạt 8% so cùng kỳ (đạt mục tiêu nghị quyết đề ra)."
    f = extract_facts(ca_mau, "x.txt", dt.date(2025, 11, 28))[0]
    assert (f.printed, f.indicator_code, f.measure, f.basis, f.value_type) == ("8", "grdp_growth", "value", "none", "estimate")
    index = "Tốc độ tăng trưởng kinh tế năm 2025 ước đạt 108% so cùng kỳ."  # an index: 100 + the growth
    assert extract_facts(index, "x.txt", dt.date(2025, 11, 28))[0].measure == "ratio_pct"


def test_a_sectors_negative_contribution_to_growth_is_points_of_growth():
    """Quảng Trị, June 2022 (unseen4 45_quang-tri_2022-06): "khu vực nông, lâm nghiệp và thuỷ sản giảm 4,38%, làm giảm 1,02
    điểm phần trăm mức tăng trưởng chung" is a contribution of -1,02 points (value, no basis), not a difference of
    two rates; Bắc Ninh, September 2018 (unseen4 27_bac-ninh): "làm giảm 0,01 điểm phần trăm tăng trưởng" likewise."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Trong đó: khu vực nông, lâm nghiệp và thuỷ sản giảm 4,38%, làm giảm 1,02 điểm phần trăm mức tăng trưởng chung; "
            "khu vực dịch vụ tăng 7,5%, đóng góp 3,36 điểm phần trăm.")
    facts = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2022, 6, 30))}
    got = {p: (facts[p].measure, facts[p].basis, facts[p].value) for p in ("1,02", "3,36")}
    assert got == {"1,02": ("value", "none", Decimal("-1.02")), "3,36": ("value", "none", Decimal("3.36"))}


def test_a_growth_alone_in_a_parenthesis_after_its_predicate():
    """TP HCM's council session, 9/12/2025 (unseen5 79_tp-ho-chi-minh_2025-12): "tổng mức bán lẻ hàng hóa và doanh thu dịch
    vụ tiêu dùng tăng khá (13,5%) so với năm 2024" is retail sales' growth on 2024; Bắc Ninh, September 2018 (unseen4):
    "GTSX nông, lâm nghiệp và thuỷ sản … đạt 6.613,1 tỷ đồng, chỉ giảm nhẹ (-0,2%) so cùng kỳ năm trước" a fall of 0,2 %."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Hoạt động thương mại, dịch vụ tiếp tục khởi sắc; tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tăng khá "
            "(13,5%) so với năm 2024.")
    f = extract_facts(text, "x.txt", dt.date(2025, 12, 9))[0]
    assert (f.printed, f.indicator_code, f.measure, f.basis, f.period_year) == ("13,5", "retail_sales", "growth_pct", "prior_year", 2025)
    text = ("Khu vực nông, lâm nghiệp và thủy sản: Tính chung 9 tháng, GTSX nông, lâm nghiệp và thuỷ sản (giá so sánh 2010) "
            "đạt 6.613,1 tỷ đồng, chỉ giảm nhẹ (-0,2%) so cùng kỳ năm trước.")
    f = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2018, 9, 29))}["0,2"]
    assert (f.indicator_code, f.measure, f.basis, f.value) == (None, "growth_pct", "same_period", Decimal("-0.2"))


def test_the_figures_alone_in_a_parenthesis_are_compared_by_what_follows_it():
    """Vĩnh Phúc, June 2022 (dev 26_vinh-phuc_2022-06): "tín dụng hết tháng 6/2022 tăng trưởng tốt (+10,74%; +10.960 tỷ
    đồng) so với cuối năm 2021": the credit's growth and its change since the end of 2021, at 30/6."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Theo đánh giá của Ngân hàng Nhà nước chi nhánh tỉnh, nhu cầu vốn tiếp tục tăng; tín dụng hết tháng 6/2022 tăng "
            "trưởng tốt (+10,74%; +10.960 tỷ đồng) so với cuối năm 2021.")
    facts = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2022, 6, 28))}
    got = {p: (facts[p].indicator_code, facts[p].measure, facts[p].basis, facts[p].period_kind, facts[p].balance_date,
               facts[p].compared_date) for p in ("10,74", "10.960")}
    assert got == {"10,74": ("credit_outstanding", "growth_pct", "prior_year", "balance", dt.date(2022, 6, 30), dt.date(2021, 12, 31)),
                   "10.960": ("credit_outstanding", "value", "prior_year", "balance", dt.date(2022, 6, 30), dt.date(2021, 12, 31))}


def test_a_plan_given_by_the_centre_said_with_duoc():
    """Khánh Hòa, July 2025 (unseen4 56_khanh-hoa_2025-07): "Thu ngân sách nhà nước đạt 15.390 tỷ đồng, bằng 55% dự toán
    được Trung ương giao, tăng 27,9% so với cùng kỳ năm trước": the central government's plan (plan_central)."""
    assert basis_of_phrase("dự toán được Trung ương giao", (2025, 1, 6)) == "plan_central"
    assert basis_of_phrase("kế hoạch vốn được Thủ tướng Chính phủ giao", (2025, 1, 6)) == "plan_central"
    assert basis_of_phrase("dự toán được HĐND tỉnh giao", (2025, 1, 6)) == "plan_council"
    assert basis_of_phrase("dự toán được giao", (2025, 1, 6)) == "plan"
