"""Stage tests: period phrases."""

from __future__ import annotations

from ingest.prose.periods import default_period, find_periods, guess_report_month, nearest_period


def test_period_phrases_as_year_and_months():
    assert [p for *_, p in find_periods("9 tháng đầu năm 2022")] == [(2022, 1, 9)]
    assert [p for *_, p in find_periods("tháng 9")] == [(None, 9, 9)]
    assert [p for *_, p in find_periods("quý III/2022")] == [(2022, 7, 9)]
    assert [p for *_, p in find_periods("5 tháng/2023")] == [(2023, 1, 5)]
    assert [p for *_, p in find_periods("từ 01/01/2021 đến 20/9/2022")] == [(2022, None, 9)]


def test_month_and_cumulative_side_by_side_are_ambiguous():
    assert nearest_period("Kết quả tháng 9 và 9 tháng ") == (None, True)
    assert nearest_period("Lũy kế 9 tháng đầu năm, ") == ((None, 1, 9), False)


def test_the_reports_own_period():
    assert default_period("BÁO CÁO\nTình hình kinh tế - xã hội 9 tháng đầu năm 2022\n", 2022, 9) == (2022, 1, 9)
    assert default_period("Báo cáo tháng\n", 2022, 4) == (2022, 1, 4)
    assert guess_report_month("2022-09_bao-cao.txt", "") == (2022, 9)


def test_a_balance_at_a_date_compared_with_the_end_of_last_year():
    """Vĩnh Phúc, June 2022 (the provincial portal): loans outstanding at 30/6 are a stock, not a half-year flow."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Ước đến ngày 30/6, tổng dư nợ cho vay trên địa bàn tỉnh đạt 113.000 tỷ đồng, tăng 10,74% so với "
            "cuối năm 2021; tăng 17,76% so với cùng kỳ.")
    facts = {f.printed: f for f in extract_facts(text, "vinh-phuc.txt", dt.date(2022, 6, 1), report_date_precision="month")}
    level, since_december, year_on_year = facts["113.000"], facts["10,74"], facts["17,76"]
    assert (level.period_kind, level.month_from, level.month_to, level.balance_date, level.value_type) == (
        "balance", None, 6, dt.date(2022, 6, 30), "estimate")
    assert (since_december.basis, since_december.compared_date) == ("prior_year", dt.date(2021, 12, 31))
    assert (year_on_year.basis, year_on_year.compared_date) == ("same_period", dt.date(2021, 6, 30))


def test_period_kinds():
    from ingest.prose.periods import period_kind_of

    assert [period_kind_of(p) for p in [(2022, 9, 9), (2022, 1, 9), (2022, 7, 9), (2022, 1, 12), (2022, None, 9)]] == [
        "month", "cumulative", "quarter", "year", "multi_year"]
    assert [p for *_, p in find_periods("Đến đầu tháng 8/2021")] == [(2021, 1, 7)]


def _facts(text, report_date, kind=None):
    import datetime as dt

    from ingest.prose import extract_facts

    return {f.printed: f for f in extract_facts(text, "x.txt", dt.date.fromisoformat(report_date), document_kind=kind)}


def test_a_period_said_right_after_the_figure_is_its_own():
    """Quảng Nam, September 2015: "đạt gần 61 triệu USD trong tháng 9 đã nâng giá trị xuất khẩu 9
    tháng lên 423 triệu USD": 61 is September's, 423 the nine months'."""
    f = _facts("Kim ngạch xuất khẩu đạt gần 61 triệu USD trong tháng 9 đã nâng giá trị xuất khẩu 9 tháng lên 423 triệu USD.",
               "2015-09-25")
    assert (f["61"].month_from, f["61"].month_to, f["61"].period_kind) == (9, 9, "month")
    assert (f["423"].month_from, f["423"].month_to) == (1, 9)


def test_what_a_stock_has_is_a_stock_at_its_date():
    """Thái Nguyên, June 2022: "có 172 dự án còn hiệu lực với tổng mức đầu tư đăng ký đạt gần 10,3
    tỷ USD": the capital of the projects in force stands at the same date."""
    f = _facts("Tính lũy kế, hiện nay trên địa bàn tỉnh có 172 dự án còn hiệu lực với tổng mức đầu tư đăng ký đạt gần 10,3 tỷ USD.",
               "2022-06-28", "statistics_release")
    assert f["172"].period_kind == f["10,3"].period_kind == "balance"
    assert f["10,3"].balance_date == f["172"].balance_date and f["10,3"].month_from is None


def test_a_breakdown_sentence_is_of_the_period_of_what_it_breaks_down():
    """Thừa Thiên Huế, July 2018: "Tổng mức bán lẻ … tháng 7/2018 ước đạt 3.243,0 tỷ đồng, tăng
    1,93% so với tháng trước … Trong đó, kinh tế Nhà nước đạt 238,3 tỷ đồng, tăng 0,61%": July's
    part, against the month before, as its whole."""
    f = _facts("Hoạt động thương mại, giá cả: Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 7/2018 ước đạt "
               "3.243,0 tỷ đồng, tăng 1,93% so với tháng trước và tăng 10,72% so với cùng kỳ năm trước. Trong đó, kinh tế Nhà "
               "nước đạt 238,3 tỷ đồng, chiếm 7,35% tổng số, tăng 0,61%.", "2018-07-25")
    assert (f["238,3"].month_from, f["238,3"].month_to) == (7, 7)
    assert (f["0,61"].month_from, f["0,61"].basis) == (7, "prior_month")
    f = _facts("Dự ước chỉ số sản xuất công nghiệp tháng 10/2022 tăng 1,34% so với tháng trước, trong đó ngành khai khoáng "
               "tăng 1,75%; ngành chế biến tăng 3% so với cùng kỳ.", "2022-10-25")
    assert (f["1,75"].basis, f["3"].basis) == ("prior_month", "same_period")


def test_mobilised_deposits_are_a_stock():
    """"Huy động vốn trên địa bàn đến 30/6/2022 ước đạt 25.000 tỷ đồng, tăng 5,2% so với cuối năm
    2021": the deposits stand at 30 June, compared with the end of 2021."""
    f = _facts("Huy động vốn trên địa bàn đến 30/6/2022 ước đạt 25.000 tỷ đồng, tăng 5,2% so với cuối năm 2021.", "2022-06-25")
    assert (f["25.000"].indicator_code, f["25.000"].period_kind, str(f["25.000"].balance_date)) == ("deposits_mobilised", "balance", "2022-06-30")
    assert (f["5,2"].basis, str(f["5,2"].compared_date)) == ("prior_year", "2021-12-31")


def test_what_there_is_at_a_dated_moment_is_a_balance():
    """Nghệ An, 9 months of 2024 (unseen2 40_nghe-an_2024-09): "đến tháng 9/2024, toàn tỉnh có 320/411 xã đạt
    chuẩn NTM" is a stock at the end of September, not a flow over nine months; "Đến nay, có 20/76 nhiệm vụ đã
    hoàn thành" (no date, bundled 2022-09) is no balance."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("- Sản xuất nông nghiệp: Các địa phương tích cực triển khai kế hoạch xây dựng nông thôn mới (đến tháng 9/2024, "
            "toàn tỉnh có 320/411 xã đạt chuẩn NTM, tương đương 77,86%; 101/320 xã đạt chuẩn NTM nâng cao, tương đương "
            "31,56%).\n")
    facts = extract_facts(text, "x.txt", dt.date(2024, 10, 1), report_date_precision="month")
    assert {(f.printed, f.period_kind, f.month_from, f.month_to, f.balance_date) for f in facts if f.printed in ("411", "77,86", "101")} == {
        ("411", "balance", None, 9, dt.date(2024, 9, 30)), ("77,86", "balance", None, 9, dt.date(2024, 9, 30)),
        ("101", "balance", None, 9, dt.date(2024, 9, 30))}
    tasks = extract_facts("Đến nay, có 20/76 nhiệm vụ đã hoàn thành.\n", "x.txt", dt.date(2022, 9, 28))
    assert "balance" not in {f.period_kind for f in tasks}


def test_the_winter_spring_crop_is_january_to_june_and_a_part_keeps_its_own_period():
    """Nghệ An, 9 months of 2024 (unseen2 40_nghe-an_2024-09): the winter-spring crop (vụ Đông Xuân) is 1..6,
    over at the report's date and said "đạt": actual, and "bằng 99,88%" is against the same period as its
    whole's "bằng 99,63% so với cùng kỳ năm trước"; the summer-autumn crop names no months (the 9 months)."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("- Sản xuất nông, lâm nghiệp và thủy sản: Tổng diện tích gieo trồng cây hằng năm 9 tháng ước đạt 264.821,45 ha, "
            "bằng 99,63% so với cùng kỳ năm trước, trong đó vụ Đông Xuân toàn tỉnh đạt 184.989,53 ha, bằng 99,88%; vụ Hè Thu "
            "ước đạt 79.831,92 ha, bằng 99,07%.\n")
    facts = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2024, 10, 1), report_date_precision="month")}
    got = {p: (facts[p].month_from, facts[p].month_to, facts[p].value_type, facts[p].basis) for p in ("184.989,53", "99,88", "79.831,92", "99,07")}
    assert got == {"184.989,53": (1, 6, "actual", "none"), "99,88": (1, 6, "actual", "same_period"),
                   "79.831,92": (1, 9, "estimate", "none"), "99,07": (1, 9, "estimate", "same_period")}


def test_a_price_base_year_is_no_period():
    """Hà Tĩnh, 6 months of 2019 (unseen3 42_ha-tinh_2019-07): "theo giá so sánh (năm) 2010" names the prices
    the GRDP is measured at, not the year of the figures: they are of the six months of 2019."""
    f = _facts("- Giá trị tổng sản phẩm trong tỉnh theo giá so sánh 2010: GRDP 6 tháng đầu năm 2019 theo giá so sánh năm 2010 "
               "ước đạt 24.190 tỷ đồng, tốc độ tăng trưởng kinh tế ước tăng 12,78% so với cùng kỳ năm 2018, là tỉnh có tốc độ "
               "tăng cao thứ 5 trên 63 tỉnh, thành phố.", "2019-07-01")
    assert {p: (f[p].period_year, f[p].month_from, f[p].month_to, f[p].period_kind) for p in ("24.190", "12,78")} == {
        "24.190": (2019, 1, 6, "cumulative"), "12,78": (2019, 1, 6, "cumulative")}
    assert f["12,78"].indicator_code == "grdp_growth"


def test_a_sum_up_to_the_end_of_a_month_is_cumulative():
    """Quảng Bình, August 2024 (unseen3 44_quang-binh_2024-09): "sản xuất cộng dồn đến cuối tháng 8 năm 2024"
    is the output of January to August, not of August alone."""
    f = _facts("Một số sản phẩm công nghiệp chủ yếu của tỉnh này sản xuất cộng dồn đến cuối tháng 8 năm 2024 so với cùng kỳ "
               "năm trước: Quặng titan đạt 29.428 tấn, giảm 11,5%; đá xây dựng đạt 1,7 triệu m3, giảm 6,4%.", "2024-09-01")
    assert {p: (f[p].period_year, f[p].month_from, f[p].month_to, f[p].period_kind) for p in ("29.428", "11,5", "6,4")} == {
        "29.428": (2024, 1, 8, "cumulative"), "11,5": (2024, 1, 8, "cumulative"), "6,4": (2024, 1, 8, "cumulative")}
    assert (f["11,5"].measure, f["11,5"].basis, str(f["11,5"].value)) == ("growth_pct", "same_period", "-11.5")


def test_what_there_will_be_at_the_years_end_is_a_balance_and_the_flows_after_it_are_not():
    """Sơn La, 5/12/2024 (unseen3 14_son-la_2024-12): "Dự kiến đến hết năm, toàn tỉnh có 88.688 ha cây công nghiệp,
    tăng 4,1% và 84.780 ha cây ăn quả …, tăng 0,7% so với năm trước" are areas standing at 31/12/2024, both growths
    against the year before (said once, after the list); the output and the recognitions in the clauses after
    ";" ("sản lượng quả ước đạt 378.500 tấn; công nhận … 188 sản phẩm OCOP") are the year's flows."""
    import datetime as dt

    f = _facts("Dự kiến đến hết năm, toàn tỉnh có 88.688 ha cây công nghiệp, tăng 4,1% và 84.780 ha cây ăn quả và cây sơn "
               "tra, tăng 0,7% so với năm trước; sản lượng quả ước đạt 378.500 tấn; công nhận 8 vùng nông nghiệp ứng dụng "
               "công nghệ cao và 188 sản phẩm OCOP.", "2024-12-05")
    assert {p: (f[p].period_kind, f[p].month_to, f[p].balance_date, f[p].value_type) for p in ("88.688", "4,1", "84.780", "0,7")} == {
        p: ("balance", 12, dt.date(2024, 12, 31), "estimate") for p in ("88.688", "4,1", "84.780", "0,7")}
    assert (f["4,1"].basis, f["4,1"].compared_date) == ("prior_year", dt.date(2023, 12, 31))
    assert {p: (f[p].period_kind, f[p].month_from, f[p].month_to) for p in ("378.500", "188")} == {
        "378.500": ("year", 1, 12), "188": ("year", 1, 12)}


def test_a_figure_before_a_clause_of_the_cumulative_period_is_the_months():
    """Bắc Giang, May 2024 (unseen3 24_bac-giang_2024-05): "thu nội địa ước đạt 1.007,5 tỷ đồng, gấp gần 1,7 lần so với
    cùng kỳ; 05 tháng ước đạt 7.071,6 tỷ đồng": the first amount, with no period, is May's (the five months follow
    in a clause of their own); the Cao Bằng April 2022 notice's "…; Chỉ số sản xuất công nghiệp 4 tháng tăng
    11,51%" names a subject of its own, and the figures before it keep the report's four months."""
    f = _facts("Thu ngân sách đạt kết quả khá (thu nội địa ước đạt 1.007,5 tỷ đồng, gấp gần 1,7 lần so với cùng kỳ; 05 tháng "
               "ước đạt 7.071,6 tỷ đồng, tăng 16%, bằng 49,2% dự toán giao).", "2024-05-25")
    assert {p: (f[p].month_from, f[p].month_to, f[p].period_kind) for p in ("1.007,5", "1,7", "7.071,6", "16")} == {
        "1.007,5": (5, 5, "month"), "1,7": (5, 5, "month"), "7.071,6": (1, 5, "cumulative"), "16": (1, 5, "cumulative")}
    g = _facts("Giá trị sản xuất công nghiệp, tăng 9,02%, bằng 32,86% kế hoạch năm; Chỉ số sản xuất công nghiệp 4 tháng "
               "tăng 11,51%.", "2022-04-28")
    assert (g["9,02"].month_from, g["9,02"].month_to) == (1, 4)


def test_the_first_quarter_named_as_a_quarter_is_a_quarter_and_three_months_are_cumulative():
    """Quảng Ninh, May 2024 (unseen2 22_quang-ninh_2024-05): "GRDP sơ bộ quý I tăng 8,97%; ước quý II tăng 9,06%":
    January to March named as the first quarter is a quarter, as the second is; "3 tháng đầu năm" counts months
    from January (cumulative)."""
    f = _facts("Theo đó, tỉnh Quảng Ninh có tốc độ tăng trưởng kinh tế (GRDP) sơ bộ quý I tăng 8,97%; ước quý II tăng "
               "9,06%.", "2024-05-31")
    assert {p: (f[p].month_from, f[p].month_to, f[p].period_kind) for p in ("8,97", "9,06")} == {
        "8,97": (1, 3, "quarter"), "9,06": (4, 6, "quarter")}
    g = _facts("Tốc độ tăng trưởng kinh tế (GRDP) 3 tháng đầu năm tăng 8,97%.", "2024-05-31")
    assert (g["8,97"].month_from, g["8,97"].month_to, g["8,97"].period_kind) == (1, 3, "cumulative")


def test_up_to_a_day_of_a_month_with_no_year_is_january_to_that_month():
    """Thái Nguyên, June 2022 (unseen 19_thai-nguyen_2022-06): "Tính đến ngày 25/6 số người từ 18 tuổi trở lên đã tiêm …"
    runs up to June (the year is the report's), as "đến ngày 31/10/2025" runs up to October 2025 (unseen2 Gia Lai)."""
    assert [p for *_, p in find_periods("Tính đến ngày 25/6 số người từ 18 tuổi trở lên đã tiêm ít nhất 01 mũi")] == [(None, 1, 6)]
    assert [p for *_, p in find_periods("Tổng thu ngân sách nhà nước đến ngày 31/10/2025 là")] == [(2025, 1, 10)]
    assert find_periods("đến ngày 30/13") == []


def test_a_paragraph_opening_with_the_month_and_its_cumulative_gives_no_period_to_the_next_sentence():
    """The synthetic October 2023 report (prose_holdout 2023-10): "Trong tháng, toàn tỉnh giải quyết việc làm cho 2.350 lao
    động; lũy kế 10 tháng … 21.400 lao động": the paragraph speaks of the month and of the ten months, so "Tỷ lệ dân số
    tham gia bảo hiểm y tế đạt 92,7%" after it takes the report's own period (January to October), not October."""
    f = _facts("Trong tháng, toàn tỉnh giải quyết việc làm cho 2.350 lao động; lũy kế 10 tháng giải quyết việc làm cho 21.400 "
               "lao động, đạt 89,2% kế hoạch năm. Tỷ lệ dân số tham gia bảo hiểm y tế đạt 92,7%.", "2023-10-25")
    assert {p: (f[p].month_from, f[p].month_to) for p in ("2.350", "21.400", "92,7")} == {
        "2.350": (10, 10), "21.400": (1, 10), "92,7": (1, 10)}


NAM_DINH_Q1 = (  # tests/fixtures/prose_corpus/unseen4/36_nam-dinh_2024-03_bao-cao-cuc-thong-ke-quy-1.txt
    "Báo cáo tình hình kinh tế - xã hội tháng 3 và quý I năm 2024\n\nThứ sáu - 29/03/2024 00:16\n\n"
    "Tổng sản phẩm trên địa bàn (GRDP) quý I/2024 theo giá so sánh 2010 ước đạt 12.930 tỷ đồng, tăng 7,07% so với cùng "
    "kỳ năm trước. Trong đó: khu vực nông, lâm nghiệp và thủy sản tăng 1,89%, đóng góp 0,33 điểm phần trăm vào mức tăng "
    "trưởng chung; khu vực công nghiệp và xây dựng tăng 9,52%, đóng góp 3,89 điểm phần trăm;\n")


def test_a_first_quarter_release_gives_its_january_to_march_figures_the_quarter():
    """Nam Định, 29/3/2024: a release titled "… tháng 3 và quý I năm 2024" is about the quarter: a sentence
    after the one naming "quý I/2024" that gets January-March from it is the quarter's too, not cumulative;
    a title counting "3 tháng" keeps them cumulative."""
    f = _facts(NAM_DINH_Q1, "2024-03-29")
    assert {p: (f[p].indicator_code, f[p].period_year, f[p].month_from, f[p].month_to, f[p].period_kind)
            for p in ("1,89", "9,52")} == {
        "1,89": ("grdp_growth_agriculture", 2024, 1, 3, "quarter"),
        "9,52": ("grdp_growth_industry_construction", 2024, 1, 3, "quarter")}
    g = _facts(NAM_DINH_Q1.replace("quý I năm 2024", "3 tháng đầu năm 2024"), "2024-03-29")
    assert g["1,89"].period_kind == "cumulative"


TAY_NINH_Q3 = (  # tests/fixtures/prose_corpus/unseen4/80_tay-ninh_2025-10_tin-hop-bao-ubnd-quy-3.txt
    "Chiều 7-10, UBND tỉnh Tây Ninh tổ chức họp báo thông tin tình hình phát triển kinh tế - xã hội quý III và phương "
    "hướng, nhiệm vụ trọng tâm quý IV năm 2025 của địa phương.\n\n"
    "Từ đầu năm đến nay, tỉnh thành lập mới hơn 3.200 doanh nghiệp, tăng hơn gấp rưỡi so với cùng kỳ, với tổng vốn "
    "đăng ký hơn 22.000 tỷ đồng.\n")


def test_the_year_to_date_of_a_briefing_on_a_quarter_runs_to_the_quarters_end():
    """Tây Ninh, 7/10/2025: at a briefing on the third quarter, "Từ đầu năm đến nay" is January to September
    (over, so actual), not to the briefing's October; without the quarter named it runs to the report's month."""
    f = _facts(TAY_NINH_Q3, "2025-10-07")
    assert {p: (f[p].period_year, f[p].month_from, f[p].month_to, f[p].period_kind, f[p].value_type)
            for p in ("3.200", "22.000")} == {
        "3.200": (2025, 1, 9, "cumulative", "actual"), "22.000": (2025, 1, 9, "cumulative", "actual")}
    g = _facts(TAY_NINH_Q3.replace("quý III và phương hướng, nhiệm vụ trọng tâm quý IV", "tháng 9"), "2025-10-07")
    assert (g["3.200"].month_from, g["3.200"].month_to, g["3.200"].value_type) == (1, 10, "estimate")


TAY_NINH_GROWTH = (  # tests/fixtures/prose_corpus/unseen4/80_tay-ninh_2025-10_tin-hop-bao-tang-truong-9-thang.txt
    "Ngày 7/10, tại buổi họp báo về tình hình kinh tế - xã hội quý III và nhiệm vụ trọng tâm quý IV, Chánh Văn phòng "
    "UBND tỉnh Tây Ninh Võ Thành Trí cho biết, tốc độ tăng trưởng kinh tế (GRDP) 9 tháng đầu năm của tỉnh đạt 9,52%.\n\n"
    "Trong đó, lĩnh vực nông - lâm - thủy sản tăng 4,33%; công nghiệp - xây dựng tăng 12,76% (riêng công nghiệp tăng "
    "13,19%); thương mại - dịch vụ tăng 8,07%; thuế sản phẩm trừ trợ cấp sản phẩm tăng 7,19%.\n")


def test_a_breakdown_opening_a_paragraph_breaks_down_the_claim_ending_the_paragraph_before():
    """Tây Ninh, 7/10/2025: "Trong đó, …" opening the next paragraph breaks down the nine months' GRDP growth
    of the paragraph before: its sectors grow over January-September, not over the quarter the briefing is on."""
    f = _facts(TAY_NINH_GROWTH, "2025-10-07", "session_news")
    assert {p: (f[p].indicator_code, f[p].period_year, f[p].month_from, f[p].month_to, f[p].period_kind)
            for p in ("4,33", "12,76", "8,07", "7,19")} == {
        "4,33": ("grdp_growth_agriculture", 2025, 1, 9, "cumulative"),  # "nông - lâm - thủy sản", "thương mại - dịch vụ":
        "8,07": ("grdp_growth_services", 2025, 1, 9, "cumulative"),     # the sectors named with dashes
        "12,76": ("grdp_growth_industry_construction", 2025, 1, 9, "cumulative"),
        "7,19": ("grdp_growth_product_taxes", 2025, 1, 9, "cumulative")}


def test_since_a_month_is_no_period():
    """Bắc Ninh, September 2018 (unseen4 27_bac-ninh_2018-09): "Trong đó, khu vực công nghiệp - xây dựng … (+11,5%), nhờ có
    thêm dòng sản phẩm mới được tung ra thị trường từ tháng 7 …; khu vực dịch vụ tăng 8,1%": the services' growth is of
    the third quarter the sentence breaks down, not of July; "từ tháng 1 đến tháng 9" stays a period."""
    assert nearest_period("được tung ra thị trường từ tháng 7 và đã chiếm lĩnh được thị phần; khu vực dịch vụ tăng ") == (None, False)
    from ingest.prose.periods import not_period_spans

    assert not_period_spans("từ tháng 1 đến tháng 9 ") == [] and not_period_spans("từ tháng 7 và tháng 8 ") == []


def test_what_there_is_now_is_a_balance_at_the_reports_date():
    """Tây Ninh's briefing on the third quarter, 7/10/2025 (unseen4 80_tay-ninh_2025-10_tin-hop-bao-ubnd-quy-3): "Lũy kế đến
    nay, Tây Ninh có gần 32.000 doanh nghiệp và 1.928 dự án FDI" are stocks at the report's date (October), observed there
    (actual), not the nine months' flows; "Đến nay, có 20/76 nhiệm vụ đã hoàn thành" (the bundled September 2022 report)
    stays a count over a period, not a balance."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = "Lũy kế đến nay, Tây Ninh có gần 32.000 doanh nghiệp và 1.928 dự án FDI với tổng vốn trên 24,3 tỷ USD."
    facts = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2025, 10, 7))}
    got = {p: (facts[p].period_kind, facts[p].period_year, facts[p].month_from, facts[p].month_to, facts[p].value_type,
               facts[p].balance_date) for p in ("32.000", "1.928", "24,3")}
    assert set(got.values()) == {("balance", 2025, None, 10, "actual", dt.date(2025, 10, 7))}
    f = {f.printed: f for f in extract_facts("Đến nay, có 20/76 nhiệm vụ đã hoàn thành.", "x.txt", dt.date(2022, 9, 30))}["20"]
    assert f.period_kind != "balance" and f.month_from is not None
