"""Stage tests: the vocabulary (one pass over a sentence) and the subject's indicator."""

from __future__ import annotations

from decimal import Decimal

from ingest.prose.figures import find_figures
from ingest.prose.subject import core_span, indicator_of
from ingest.prose.vocabulary import Indicator, Vocabulary, default_vocabulary, fold


def test_every_alias_found_in_one_pass_as_whole_words():
    vocab = Vocabulary(
        {"retail_sales": Indicator("retail_sales", "vnd", "level", None, "tỷ đồng"),
         "trade_exports": Indicator("trade_exports", "usd", "level", None, "triệu USD")},
        [("retail_sales", "Tổng mức bán lẻ hàng hóa"), ("trade_exports", "xuất khẩu")],
    )
    text = fold("Tổng mức bán lẻ hàng hoá tăng; kim ngạch xuất khẩu; nhập  xuất khẩu; xuất khẩuu")
    found = [(m.alias.code, text[m.start:m.end]) for m in vocab.find(text)]
    assert found == [("retail_sales", "tổng mức bán lẻ hàng hoá"), ("trade_exports", "xuất khẩu"), ("trade_exports", "xuất khẩu")]


def test_the_nearest_fitting_alias_names_the_indicator():
    vocab = default_vocabulary()
    text = "Tổng kim ngạch xuất nhập khẩu qua địa bàn đạt 638,706 triệu USD"
    fig = find_figures(text)[0]
    assert indicator_of(vocab, text[: fig.start], fig, "value", None)[0] == "trade_total"
    text = "Thu ngân sách trên địa bàn đạt 3.085.050 triệu đồng"
    fig = find_figures(text)[0]
    code, subject, term = indicator_of(vocab, text[: fig.start], fig, "value", None)
    assert (code, subject, term) == ("budget_revenue", "Thu ngân sách trên địa bàn", "Thu ngân sách trên địa bàn")


def test_a_subject_the_seeds_name_as_no_indicator_is_not_coded():
    """Thừa Thiên Huế, 7 months 2018: guests of accommodation establishments are not the province's tourists."""
    vocab = default_vocabulary()
    text = "Tổng lượt khách lưu trú ước đạt 1.274,8 nghìn lượt"
    fig = find_figures(text)[0]
    assert indicator_of(vocab, text[: fig.start], fig, "value", None) == (None, "Tổng lượt khách lưu trú", "lượt khách lưu trú")
    text = "Trong 7 tháng năm 2018, tổng lượt khách đến tỉnh ước đạt 2.792,2 nghìn lượt"
    fig = find_figures(text)[0]
    assert indicator_of(vocab, text[: fig.start], fig, "value", None)[0] == "tourists"


def test_the_subject_core_leaves_out_connectives_and_verbs():
    region = "trong đó Tổng mức bán lẻ hàng hóa ước đạt "
    a, b = core_span(region)
    assert region[a:b] == "Tổng mức bán lẻ hàng hóa"


def _facts(text, report_date, kind=None):
    import datetime as dt

    from ingest.prose import extract_facts

    return {f.printed: f for f in extract_facts(text, "x.txt", dt.date.fromisoformat(report_date), document_kind=kind)}


def test_a_growth_after_a_level_that_no_indicator_fits_is_the_rate_the_subject_names():
    """Bắc Kạn, November 2023: "tổng sản phẩm trên địa bàn" names GRDP growth, which the level in
    tỷ đồng does not fit; "tăng trưởng 6,1%" after it is that growth."""
    f = _facts("Dự ước đến hết năm 2023, tổng sản phẩm trên địa bàn tỉnh theo giá so sánh đạt 8.820 tỷ đồng, tăng trưởng 6,1%.",
               "2023-11-20", "session_news")
    assert f["8.820"].indicator_code is None
    assert (f["6,1"].indicator_code, f["6,1"].measure, f["6,1"].basis) == ("grdp_growth", "value", "none")


def test_an_acronym_in_parentheses_names_the_subject():
    """Thái Nguyên, June 2022: "tổng sản phẩm trong tỉnh" is GRDP at current prices (no indicator),
    its growth is named by "(GRDP)"; a qualifier in parentheses ("(giá hiện hành)") names nothing."""
    f = _facts("Theo đó tổng sản phẩm trong tỉnh (GRDP) 6 tháng đầu năm ước tính tăng 7,08% so với 6 tháng đầu năm 2021.", "2022-06-29")
    assert (f["7,08"].indicator_code, f["7,08"].measure) == ("grdp_growth", "value")
    f = _facts("Tổng sản phẩm trong tỉnh (GRDP) ước đạt 65.700 tỷ đồng.", "2022-12-20")
    assert f["65.700"].indicator_code is None


def test_the_seeds_name_the_ways_reports_write_a_subject():
    """Short and varied names of catalog indicators (seeds/prose_subject_aliases.csv) and subjects
    that are no indicator (seeds/prose_other_subjects.csv)."""
    f = _facts("GRDP bình quân ước đạt 51 triệu đồng/người, đạt 102% kế hoạch.", "2023-11-20")
    assert f["51"].indicator_code == f["102"].indicator_code == "grdp_per_capita"
    f = _facts("- Tỷ lệ dân cư đô thị được dùng nước sạch đạt 93,7%, tỷ lệ dân cư nông thôn được sử dụng nước sinh hoạt "
               "hợp vệ sinh duy trì đạt từ 98,4% trở lên.", "2022-12-10")
    assert (f["93,7"].indicator_code, f["98,4"].indicator_code) == ("urban_clean_water_share", "rural_hygienic_water_share")
    f = _facts("Tỷ lệ nợ xấu hiện chiếm 1,31% trên tổng dư nợ.", "2018-06-28")
    assert f["1,31"].indicator_code is None  # the bad-debt ratio: bad_debt is an amount


def test_what_a_running_count_adds_is_its_own_indicator():
    """"Số xã đạt chuẩn nông thôn mới tăng thêm 7 xã": the communes newly recognised, not the total;
    communes at the advanced standard have no indicator."""
    f = _facts("- Số xã đạt chuẩn nông thôn mới tăng thêm 7 xã trở lên, số xã đạt chuẩn nông thôn mới nâng cao, kiểu mẫu đạt 13 xã.",
               "2022-12-10")
    assert f["7"].indicator_code == "new_rural_communes_recognised"
    assert f["13"].indicator_code is None
    f = _facts("Toàn tỉnh có 95 xã đạt chuẩn nông thôn mới.", "2022-12-10")
    assert f["95"].indicator_code == "new_rural_communes_total"


def test_what_comes_with_the_counted_thing_does_not_name_it():
    """Thái Nguyên, June 2022: "số doanh nghiệp thành lập mới … là 469 doanh nghiệp với số vốn đăng
    ký là 6.411 tỷ đồng": 469 new enterprises; the registered capital after "với" is another subject."""
    f = _facts("Cũng theo công bố của Cục Thống kê, số doanh nghiệp thành lập mới trong 6 tháng đầu năm 2022 là 469 doanh "
               "nghiệp với số vốn đăng ký là 6.411 tỷ đồng.", "2022-06-29")
    assert f["469"].indicator_code == "new_enterprises"
    assert f["6.411"].indicator_code is None


def test_a_clause_that_names_only_a_period_keeps_the_subject():
    """"Chỉ số sản xuất công nghiệp … tăng 10,5% so với cùng kỳ; tính chung 6 tháng đầu năm tăng
    8,2%": the six months' growth is the same index's; a clause with a subject of its own after ";"
    starts a claim of its own."""
    f = _facts("Chỉ số sản xuất công nghiệp (IIP) tháng 6 ước tăng 2,1% so với tháng trước và tăng 10,5% so với cùng kỳ; "
               "tính chung 6 tháng đầu năm tăng 8,2% so với cùng kỳ.", "2022-06-28", "statistics_release")
    assert (f["8,2"].indicator_code, f["8,2"].month_from, f["8,2"].month_to) == ("industrial_production_index", 1, 6)
    f = _facts("Chỉ số sản xuất công nghiệp tháng 6 tăng 10,5% so với cùng kỳ; số lao động mới tăng 8,2% so với cùng kỳ.", "2022-06-28")
    assert f["8,2"].indicator_code is None
    f = _facts("Trong tháng 9, toàn tỉnh có 45 doanh nghiệp thành lập mới với tổng vốn đăng ký 320 tỷ đồng, tăng 12% so với cùng "
               "kỳ; lũy kế 9 tháng có 420 doanh nghiệp thành lập mới, tăng 8%.", "2023-09-28")
    assert (f["45"].indicator_code, f["420"].indicator_code, f["420"].month_from) == ("new_enterprises", "new_enterprises", 1)


def test_the_sectors_of_the_economy_and_their_shares():
    """Quảng Ninh, GRDP of the first half of 2024 (unseen2 22_quang-ninh_2024-05): "khu vực I/II/III"
    grow as GRDP's sectors; a sub-sector of a GRDP release grows as its value added (no code);
    Lào Cai's 2024 targets: a sector's share ("chiếm 12,1%") is not its growth."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Quảng Ninh: GRDP 6 tháng đầu năm tăng 9,02%\n\n"
            "Trong đó, khu vực I (các ngành nông, lâm, thủy sản) tăng 4,3%; khu vực II (các ngành công nghiệp, xây dựng) "
            "tăng 7,68%; khu vực III (ngành dịch vụ) tăng 13,85%; thuế sản phẩm tăng 4,7%...\n\n"
            "Thứ hai là các ngành dịch vụ thuộc các lĩnh vực vận tải kho bãi tăng 25,01%; lưu trú ăn uống tăng 16,89%.\n")
    facts = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2024, 5, 31))}
    assert [(p, facts[p].indicator_code, facts[p].measure) for p in ("4,3", "7,68", "13,85", "4,7", "25,01", "16,89")] == [
        ("4,3", "grdp_growth_agriculture", "value"), ("7,68", "grdp_growth_industry_construction", "value"),
        ("13,85", "grdp_growth_services", "value"), ("4,7", "grdp_growth_product_taxes", "value"),
        ("25,01", None, "value"), ("16,89", None, "value")]
    shares = {f.printed: f for f in extract_facts(
        "- Nông, lâm, ngư nghiệp chiếm 12,1%; Công nghiệp - xây dựng 42,3%; Dịch vụ 35,6%; Thuế sản phẩm 10%\n",
        "x.txt", dt.date(2023, 12, 11))}
    assert [shares[p].indicator_code for p in ("12,1", "42,3", "35,6", "10")] == [None, None, None, None]


def test_a_paragraph_opening_with_a_crop_names_the_subject_of_its_figures():
    """Lâm Đồng, 9 months of 2019 (unseen2 68_lam-dong_2019-09): under "Cây lúa:" the "sản lượng … tấn" is
    rice output, and "(+955,7 tấn)" after "tăng 1,14%" is the change against the same period; the yield
    (tạ/ha) has no code; "năng suất bình quân chung" is the province's average, not the nation's."""
    import datetime as dt
    from decimal import Decimal

    from ingest.prose import extract_facts

    text = ("Cây lúa: Gieo cấy 15.150,5 ha, đạt 102,81% kế hoạch, giảm 1,31% so với cùng kỳ. Năng suất bình quân ước đạt "
            "55,92 tạ/ha, tăng 2,48% (+1,35 tạ/ha); sản lượng đạt 84.718,4 tấn, tăng 1,14% (+955,7 tấn) so với cùng kỳ do "
            "diện tích gieo trồng giảm.\n\nCây ngô: Diện tích gieo trồng 6.285,3 ha, giảm 11,54% (-820,3 ha) so với cùng kỳ. "
            "Ước năng suất bình quân chung đạt 56,11 tạ/ha, giảm 1,28% (-0,73 tạ/ha). Sản lượng ước đạt 35.268,1 tấn.\n")
    facts = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2019, 9, 30), report_date_precision="month")}
    got = {p: (facts[p].indicator_code, facts[p].measure, facts[p].basis, facts[p].value)
           for p in ("84.718,4", "955,7", "55,92", "820,3", "35.268,1")}
    assert got == {"84.718,4": ("rice_output", "value", "none", Decimal("84718.4")),
                   "955,7": ("rice_output", "value", "same_period", Decimal("955.7")),
                   "55,92": (None, "value", "none", Decimal("55.92")),
                   "820,3": ("crop_area_maize", "value", "same_period", Decimal("-820.3")),
                   "35.268,1": ("maize_output", "value", "none", Decimal("35268.1"))}
    assert facts["56,11"].scope == "province"


def test_a_bare_revenue_after_tourists_is_tourism_revenue():
    """Nghệ An 2025 (unseen2 40_nghe-an_2025-10) and Lào Cai's 2024 targets (unseen2 10_lao-cai_2023-12):
    "doanh thu" said right after the tourists is theirs (derivation `companion` in the seeds)."""
    import datetime as dt

    from ingest.prose import extract_facts

    na = {f.printed: f for f in extract_facts(
        "Kim ngạch xuất khẩu đạt 3,268 tỷ USD (tăng 40%), du lịch đón khoảng 8,81 triệu lượt khách, tăng 5%, doanh thu ước "
        "10.520 tỷ đồng.\n", "x.txt", dt.date(2025, 10, 7))}
    assert (na["8,81"].indicator_code, na["10.520"].indicator_code) == ("tourists", "tourism_revenue")
    lc = {f.printed: f for f in extract_facts("- Tổng khách du lịch trên 8 triệu lượt; Doanh thu đạt 25.700 tỷ đồng\n",
                                              "x.txt", dt.date(2023, 12, 11))}
    assert lc["25.700"].indicator_code == "tourism_revenue"
    other = {f.printed: f for f in extract_facts("Kim ngạch xuất khẩu đạt 3,268 tỷ USD; doanh thu đạt 500 tỷ đồng.\n",
                                                 "x.txt", dt.date(2025, 10, 7))}
    assert other["500"].indicator_code is None  # after exports, a revenue is no tourism's


def test_a_share_of_the_plan_after_an_amount_is_the_amounts():
    """Đắk Lắk 2025 (unseen2 66_dak-lak_2025-10): "GRDP … ước đạt hơn 67.835 tỷ đồng, đạt 65,50% kế hoạch, tăng
    6,90%": the share of the plan is of the amount (no code: GRDP in tỷ đồng), the growth is GRDP growth."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Thống kê tỉnh Đắk Lắk cho biết, tổng sản phẩm (GRDP) 9 tháng 2025 trên địa bàn tỉnh ước đạt hơn 67.835 tỷ đồng, "
            "đạt 65,50% kế hoạch, tăng 6,90% so với cùng kỳ 2024.\n")
    facts = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2025, 10, 1))}
    assert [(p, facts[p].indicator_code, facts[p].measure) for p in ("67.835", "65,50", "6,90")] == [
        ("67.835", None, "value"), ("65,50", None, "ratio_pct"), ("6,90", "grdp_growth", "value")]


def test_a_ratio_after_a_level_no_indicator_fits_is_the_levels():
    """Nghệ An 2024 (unseen2 40_nghe-an_2024-09): under "Sản xuất nông, lâm nghiệp và thủy sản:", "Tổng diện tích
    gieo trồng … đạt 264.821,45 ha, bằng 99,63% so với cùng kỳ năm trước" is the area's ratio, not the sector's growth."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("- Sản xuất nông, lâm nghiệp và thủy sản: Tổng diện tích gieo trồng cây hằng năm 9 tháng ước đạt 264.821,45 ha, "
            "bằng 99,63% so với cùng kỳ năm trước.\n")
    facts = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2024, 10, 1), report_date_precision="month")}
    assert (facts["99,63"].indicator_code, facts["99,63"].measure, facts["99,63"].basis) == (None, "ratio_pct", "same_period")


def test_an_indicators_words_inside_a_subject_named_as_no_indicator_name_that_subject():
    """Hà Tĩnh, 6 months of 2019 (unseen3 42_ha-tinh_2019-07): "sau 4 năm thì quy mô GRDP 6 tháng đầu năm 2019 đã tăng
    38,38% so với năm 2015" is the growth of the size of the economy (no code), not the GRDP growth rate that
    "GRDP" alone would name; "lâm nghiệp giảm 26,2% so với cùng kỳ, đóng góp -0,26 điểm phần trăm" is a
    contribution (points of growth, nothing compared)."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Như vậy, sau 4 năm thì quy mô GRDP 6 tháng đầu năm 2019 đã tăng 38,38% so với năm 2015. Trong mức biến động "
            "chung thì khu vực nông, lâm nghiệp và thuỷ sản ước tính tăng 2,58% so với cùng kỳ, đóng góp 0,4 điểm phần "
            "trăm (lâm nghiệp giảm 26,2% so với cùng kỳ, đóng góp -0,26 điểm phần trăm).\n")
    f = {x.printed: x for x in extract_facts(text, "x.txt", dt.date(2019, 7, 1))}
    assert (f["38,38"].indicator_code, f["38,38"].measure, f["38,38"].basis) == (None, "growth_pct", "none")
    assert (f["0,4"].measure, f["0,4"].basis) == (f["0,26"].measure, f["0,26"].basis) == ("value", "none")


def test_the_head_words_of_the_subject_just_named_name_it_again():
    """Bắc Giang, May 2024 (unseen3 24_bac-giang_2024-05): "chỉ số sản xuất công nghiệp (IIP) tháng 5/2024 tăng 17,32% …,
    chỉ số 05 tháng tăng 24,64% so với cùng kỳ": "chỉ số" alone is the index just named (its five months); the
    production value after ";" names its own subject."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Sản xuất công nghiệp tiếp tục có chuyển biến tốt, chỉ số sản xuất công nghiệp (IIP) tháng 5/2024 tăng 17,32% so "
            "với tháng 5/2023, tăng 10,38% so với tháng 4/2024, chỉ số 05 tháng tăng 24,64% so với cùng kỳ; giá trị sản xuất "
            "công nghiệp (giá hiện hành) tháng 5 ước đạt 60.769 tỷ đồng.\n")
    f = {x.printed: x for x in extract_facts(text, "x.txt", dt.date(2024, 5, 25))}
    assert {p: (f[p].indicator_code, f[p].month_from, f[p].month_to) for p in ("17,32", "24,64", "60.769")} == {
        "17,32": ("industrial_production_index", 5, 5), "24,64": ("industrial_production_index", 1, 5),
        "60.769": ("industrial_production_value", 5, 5)}


def test_a_part_that_names_its_wholes_indicator_again_has_no_code():
    """Cao Bằng, August 2021 (dev 04_cao-bang_2021-08): "toàn tỉnh giải ngân đạt trên 500 tỷ đồng, đạt khoảng 26% kế
    hoạch … Trong đó, vốn đầu tư trong cân đối ngân sách địa phương giải ngân đạt hơn 20% kế hoạch; nguồn vốn ngân
    sách Trung ương giải ngân đạt gần 30%": the whole is the disbursement; its parts, though they say "giải ngân",
    are parts by source, which the catalog does not have."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Đến đầu tháng 8/2021, toàn tỉnh giải ngân đạt trên 500 tỷ đồng, đạt khoảng 26% kế hoạch, giảm hơn 10% so với "
            "cùng kỳ năm 2020. Trong đó, vốn đầu tư trong cân đối ngân sách địa phương giải ngân đạt hơn 20% kế hoạch; nguồn "
            "vốn ngân sách Trung ương giải ngân đạt gần 30%.\n")
    f = {x.printed: x for x in extract_facts(text, "x.txt", dt.date(2021, 8, 1))}
    assert (f["26"].indicator_code, f["26"].measure, f["26"].basis) == ("public_investment_disbursement", "ratio_pct", "plan")
    assert {p: (f[p].indicator_code, f[p].measure, f[p].basis) for p in ("20", "30")} == {
        "20": (None, "ratio_pct", "plan"), "30": (None, "ratio_pct", "plan")}


def test_a_part_said_with_rieng_is_a_part_of_the_claim_before_it():
    """Nghệ An, October 2025 (unseen2 40_nghe-an_2025-10): "Khu vực công nghiệp – xây dựng … với mức tăng 13,73% trong 9
    tháng, riêng công nghiệp tăng 15,15%": "riêng" (of which) opens a part of industry and construction, so
    "công nghiệp" alone is the industry sector's growth."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Khu vực công nghiệp – xây dựng tiếp tục là trụ cột của kinh tế tỉnh này, với mức tăng 13,73% trong 9 tháng, "
            "riêng công nghiệp tăng 15,15%.\n")
    f = {x.printed: x for x in extract_facts(text, "x.txt", dt.date(2025, 10, 7))}
    assert (f["13,73"].indicator_code, f["15,15"].indicator_code) == ("grdp_growth_industry_construction", "grdp_growth_industry")
    assert (f["15,15"].month_from, f["15,15"].month_to, f["15,15"].measure) == (1, 9, "value")


def test_the_first_of_a_count_pair_counts_what_the_words_after_the_pair_name_and_the_second_all_there_are():
    """Nghệ An, 9 months of 2024 (unseen2 40_nghe-an_2024-09): "đến tháng 9/2024, toàn tỉnh có 320/411 xã đạt chuẩn NTM":
    320 is the new-rural communes (the words after the pair name them), 411 all the province's communes (no code)."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("- Sản xuất nông nghiệp: Các địa phương tích cực triển khai kế hoạch xây dựng nông thôn mới (đến tháng 9/2024, "
            "toàn tỉnh có 320/411 xã đạt chuẩn NTM, tương đương 77,86%).\n")
    f = {x.printed: x for x in extract_facts(text, "x.txt", dt.date(2024, 10, 1), report_date_precision="month")}
    assert (f["320"].indicator_code, f["411"].indicator_code) == ("new_rural_communes_total", None)
    assert f["320"].period_kind == f["411"].period_kind == "balance"


def test_a_row_number_joined_to_its_rows_name_is_no_figure_and_the_name_names_the_value_below():
    """Thừa Thiên Huế, December 2020 (dev 46_thua-thien-hue_2020-12, a table printed as text): the rows "3 / Kim ngạch xuất
    khẩu (triệu USD) / >920" and then "4" joined to its name ("4 nhập khẩu phấn đấu (triệu USD)") and "575 (tăng 15%)":
    the 4 is the next row's number, not a figure, and the row's name names the 575 and its growth."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("GRDP bình quân đầu người (USD/người)\n\n>2.300\n\n3\n\nKim ngạch xuất khẩu (triệu USD)\n\n>920\n\n4\n\n"
            "nhập khẩu phấn đấu (triệu USD)\n\n575 (tăng 15%)\n")
    facts = extract_facts(text, "x.txt", dt.date(2020, 12, 10), document_kind="annual_report")
    assert [(f.printed, f.indicator_code) for f in facts] == [
        ("2.300", "grdp_per_capita"), ("920", "trade_exports"), ("575", "trade_imports"), ("15", "trade_imports")]


def test_a_level_right_after_its_growth_is_the_level_whose_growth_it_follows():
    """Thừa Thiên Huế, December 2020 (dev 46_thua-thien-hue_2020-12): "Tổng vốn đầu tư toàn xã hội(Tỷ đồng) / tăng từ 8-10%
    (dự ước 24.500 tỷ)": the growth is the investment's growth rate, the amount in parentheses, naming nothing else,
    the investment itself."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = "5\n\nTổng vốn đầu tư toàn xã hội(Tỷ đồng)\n\ntăng từ 8-10% (dự ước 24.500 tỷ)\n"
    facts = extract_facts(text, "x.txt", dt.date(2020, 12, 10), document_kind="annual_report")
    assert [(f.printed, f.indicator_code, f.measure) for f in facts] == [
        ("8", "social_investment_growth", "value"), ("10", "social_investment_growth", "value"), ("24.500", "social_investment", "value")]


def test_visitors_welcomed_are_tourists():
    """Thừa Thiên Huế, QĐ 01/2023 (dev 46_thua-thien-hue_2023-01): "Phấn đấu đón khoảng 3 - 3,5 triệu lượt[1], trong đó
    khách nội địa chiếm khoảng 70-80%": the visits welcomed ("đón … lượt") are tourists, both ends of the range; the
    domestic share is no count of tourists."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = "- Phấn đấu đón khoảng 3 - 3,5 triệu lượt[1], trong đó khách nội địa chiếm khoảng 70-80%.\n"
    f = {x.printed: x for x in extract_facts(text, "x.txt", dt.date(2023, 1, 5), document_kind="plan_decision")}
    assert (f["3"].indicator_code, f["3,5"].indicator_code, f["3,5"].value_type) == ("tourists", "tourists", "plan")
    assert f["70"].indicator_code != "tourists"


def test_after_a_parenthesis_that_breaks_down_a_claim_the_figures_are_the_wholes_again():
    """Sóc Trăng, February 2024 (unseen5 94_soc-trang_2024-02, the industry and trade department's report): "(trong
    đó, bán lẻ hàng hóa ước 5.093 tỷ đồng)" is a part; the growths after the parenthesis are of the whole total
    (retail_sales), the ones inside the next parentheses of the part (no code)."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng xã hội tháng 2/2024 ước 8.038 tỷ đồng (trong đó, bán lẻ "
            "hàng hóa ước 5.093 tỷ đồng), giảm 2,41% so với tháng trước (trong đó, bán lẻ hàng hóa giảm 1,05%) và tăng 10,81% "
            "so với tháng 2/2023 (trong đó, bán lẻ hàng hóa tăng 11,39%).")
    facts = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2024, 2, 15), document_kind="statistics_release")}
    got = {p: (facts[p].indicator_code, facts[p].measure, facts[p].basis, facts[p].value) for p in ("8.038", "5.093", "2,41", "1,05", "10,81", "11,39")}
    assert got == {"8.038": ("retail_sales", "value", "none", 8038), "5.093": (None, "value", "none", 5093),
                   "2,41": ("retail_sales", "growth_pct", "prior_month", Decimal("-2.41")),
                   "1,05": (None, "growth_pct", "prior_month", Decimal("-1.05")),
                   "10,81": ("retail_sales", "growth_pct", "same_period", Decimal("10.81")),
                   "11,39": (None, "growth_pct", "same_period", Decimal("11.39"))}


def test_new_enterprises_and_the_industrial_index_as_news_name_them():
    """Tây Ninh, October 2025 (unseen4): "tỉnh thành lập mới hơn 3.200 doanh nghiệp"; Trà Vinh's 2024 plan (unseen5):
    "(5) Phát triển mới 520 doanh nghiệp"; Sóc Trăng, June 2025 (unseen5): "số doanh nghiệp tham gia thị trường là 323
    doanh nghiệp … công nghiệp phục hồi mạnh mẽ, chỉ số sản xuất tăng 8,5%"; the verbs name new enterprises only
    when what is counted is enterprises ("thành lập mới 25 hợp tác xã" are new cooperatives)."""
    f = _facts("Từ đầu năm đến nay, tỉnh thành lập mới hơn 3.200 doanh nghiệp, thành lập mới 25 hợp tác xã.", "2025-10-07")
    assert (f["3.200"].indicator_code, f["25"].indicator_code) == ("new_enterprises", "new_cooperatives")
    f = _facts("Số doanh nghiệp tham gia thị trường là 323 doanh nghiệp, tổng số vốn đăng ký đạt 2.350 tỷ đồng, tăng 137,7% so "
               "với cùng kỳ; công nghiệp phục hồi mạnh mẽ, chỉ số sản xuất tăng 8,5%, cao hơn nhiều so với cùng kỳ.", "2025-06-28")
    assert (f["323"].indicator_code, f["8,5"].indicator_code, f["8,5"].measure) == ("new_enterprises", "industrial_production_index", "growth_pct")
    assert f["2.350"].indicator_code is None


def test_a_gdp_release_abbreviates_its_sectors():
    """Bắc Ninh's statistics office, September 2018 (unseen4 27_bac-ninh_2018-09): "khu vực NLTS giảm 0,2% …; khu vực CN-XD
    tăng 15,9%": the sectors' value added; "GTSX công nghiệp" is the industrial production value."""
    f = _facts("Trong đó, khu vực NLTS giảm 0,2% và làm giảm 0,01 điểm phần trăm tăng trưởng; khu vực CN-XD tăng 15,9%.", "2018-09-29")
    assert (f["0,2"].indicator_code, f["0,2"].value, f["15,9"].indicator_code) == (
        "grdp_growth_agriculture", Decimal("-0.2"), "grdp_growth_industry_construction")
    f = _facts("Ở khu vực công nghiệp - xây dựng, GTSX công nghiệp (giá so sánh 2010) quý III ước đạt 320.541 tỷ đồng.", "2018-09-29")
    assert f["320.541"].indicator_code == "industrial_production_value"


def test_the_sub_sectors_of_an_index_in_a_growth_release_are_the_indexs():
    """Tây Ninh's briefing on the nine months' growth, October 2025 (unseen4 80_tay-ninh_2025-10_tin-hop-bao-tang-truong):
    in a release about GRDP the parts of the economy grow as value added, but "chỉ số sản xuất công nghiệp (IIP) … tăng
    13,44% so với cùng kỳ. Trong đó, ngành chế biến - chế tạo tăng 13,83%" breaks down the index: its growths."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Tây Ninh: tăng trưởng kinh tế 9 tháng đầu năm đạt 8,5%\n\n"
            "Ngoài ra, chỉ số sản xuất công nghiệp (IIP) 9 tháng đầu năm của tỉnh tăng 13,44% so với cùng kỳ. Trong đó, ngành "
            "chế biến - chế tạo tăng 13,83%; riêng ngành khai khoáng giảm 13,64%.\n")
    facts = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2025, 10, 7))}
    got = {p: (facts[p].indicator_code, facts[p].measure, facts[p].basis, facts[p].value) for p in ("13,44", "13,83", "13,64")}
    assert got == {"13,44": ("industrial_production_index", "growth_pct", "same_period", Decimal("13.44")),
                   "13,83": (None, "growth_pct", "same_period", Decimal("13.83")),
                   "13,64": (None, "growth_pct", "same_period", Decimal("-13.64"))}


def test_what_follows_a_share_is_the_whole_not_the_subject():
    """Đà Nẵng's council resolution on 2026 (unseen4 48_da-nang_2025-12): "Tổng vốn đầu tư thực hiện tương đương 26 - 27%
    GRDP" is investment as a share of GRDP, not GRDP growth; "GRDP tăng 8%" still is."""
    f = _facts("Tổng vốn đầu tư thực hiện tương đương 26 - 27% GRDP; thu ngân sách nhà nước trên 30.000 tỷ đồng.", "2025-12-12")
    assert (f["26"].indicator_code, f["27"].indicator_code, f["30.000"].indicator_code) == (None, None, "budget_revenue")
    assert _facts("Tăng trưởng 8% GRDP so với cùng kỳ.", "2025-12-12")["8"].indicator_code == "grdp_growth"


def test_storm_damage_is_not_the_area_sown():
    """Nghệ An, October 2025 (unseen2 40_nghe-an_2025-10, after three storms): "Hơn 30.000 ha lúa bị ngập" is damage,
    no crop-area indicator; "gieo cấy 15.150 ha lúa" still is the rice area."""
    assert _facts("Hơn 30.000 ha lúa bị ngập, hàng nghìn ngôi nhà bị hư hại.", "2025-10-07")["30.000"].indicator_code is None
    assert _facts("Vụ mùa gieo cấy 15.150 ha lúa.", "2025-10-07")["15.150"].indicator_code == "crop_area_rice"


def test_after_a_sectors_contribution_to_growth_the_figures_are_the_sectors_again():
    """unseen6, Bình Phước's year report of 2/1/2024: "đóng góp 3,21 điểm phần trăm vào tăng trưởng GRDP của tỉnh" is an
    aside; the GRDP it goes into names no subject: "cao hơn 1,04%" and "(năm 2022 tăng 9,21%)" are the sector's, and
    "giảm 7,63% so với cùng kỳ" after the sector's rate is the fall of that rate (points)."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Khu vực nông, lâm nghiệp và thủy sản (theo giá so sánh 2010) đạt 17.513,34 tỷ đồng, tăng 10,25%, đóng góp 3,21 điểm "
            "phần trăm vào tăng trưởng GRDP của tỉnh, cao hơn 1,04% so với cùng kỳ năm trước (năm 2022 tăng 9,21%).\n\n"
            "Khu vực công nghiệp và xây dựng (theo giá so sánh 2010) đạt 17.205,78 tỷ đồng, tăng 7,12%, đóng góp 2,26 điểm phần "
            "trăm vào tăng trưởng GRDP của tỉnh, giảm 7,63% so với cùng kỳ năm trước (năm 2022 tăng 14,75%).\n")
    facts = {f.printed: f for f in extract_facts(text, "70_binh-phuoc.txt", dt.date(2024, 1, 2))}
    got = {p: (f.indicator_code, f.measure, f.basis) for p, f in facts.items()}
    assert got["10,25"] == ("grdp_growth_agriculture", "value", "none")
    assert got["3,21"] == (None, "value", "none")
    assert got["1,04"] == ("grdp_growth_agriculture", "pp", "same_period")
    assert got["9,21"] == ("grdp_growth_agriculture", "value", "none") and facts["9,21"].period_year == 2022
    assert got["7,12"] == ("grdp_growth_industry_construction", "value", "none")
    assert got["7,63"] == ("grdp_growth_industry_construction", "pp", "same_period") and facts["7,63"].value == Decimal("-7.63")
    assert got["14,75"] == ("grdp_growth_industry_construction", "value", "none")


def test_a_growth_said_with_no_other_subject_is_the_economys():
    """unseen5 Hải Dương 2022-06, unseen4 Nam Định 2024-03, unseen6 Điện Biên 2026-03: "tăng trưởng" of the province (or
    of its economy, or asked of it) with no other subject is GRDP growth; a sector's or a multi-year average's is not."""
    import datetime as dt

    from ingest.prose import extract_facts

    def codes(text: str, day: dt.date) -> dict[str, str | None]:
        return {f.printed: f.indicator_code for f in extract_facts(text, "x.txt", day)}

    hai_duong = ("Tăng trưởng quý II của tỉnh ước tăng 9,2%, mặc dù mức tăng thấp hơn quý I (14,8%) nhưng đây vẫn là mức tăng cao "
                 "và tương đương với thời điểm chưa xảy ra dịch Covid - 19 (giai đoạn 2015 - 2019 tăng trưởng bình quân của tỉnh "
                 "Hải Dương đạt 9,1%/năm).\n")
    got = codes(hai_duong, dt.date(2022, 6, 29))
    assert got["9,2"] == "grdp_growth" and got["9,1"] is None
    nam_dinh = "Kinh tế tỉnh Nam Định quý I/2024 tăng trưởng 7,07% so với cùng kỳ năm 2023, xếp thứ 6/11 tỉnh, thành phố.\n"
    assert codes(nam_dinh, dt.date(2024, 3, 29)) == {"7,07": "grdp_growth"}
    dien_bien = "Thủ tướng: Điện Biên cần đạt tăng trưởng 11% năm 2026\n"
    assert codes(dien_bien, dt.date(2026, 3, 9)) == {"11": "grdp_growth"}
    thai_binh = ("Đáng chú ý, bên cạnh sự phát triển ổn định của ngành nông nghiệp với tăng trưởng 1,82%, ngành công nghiệp đạt "
                 "tăng trưởng cao với mức 17,42%.\n")
    assert "grdp_growth" not in codes(thai_binh, dt.date(2024, 6, 28)).values()


def test_a_growth_named_by_its_noun_after_a_level_is_that_levels_rate():
    """unseen6 Bình Phước 2024-01 and unseen4 Kon Tum 2023-12: "…, tiếp tục đà khởi sắc mạnh mẽ với tốc độ tăng trưởng
    8,34%" after the services' value added, "tốc độ tăng trưởng đạt 7,32%" after the GRDP's level."""
    import datetime as dt

    from ingest.prose import extract_facts

    binh_phuoc = ("Khu vực dịch vụ (theo giá so sánh 2010) đạt 18.119,72 tỷ đồng, tiếp tục đà khởi sắc mạnh mẽ với tốc độ tăng "
                  "trưởng 8,34%, đóng góp 2,75 điểm phần trăm.\n")
    got = {f.printed: (f.indicator_code, f.measure) for f in extract_facts(binh_phuoc, "x.txt", dt.date(2024, 1, 2))}
    assert got["18.119,72"] == (None, "value") and got["8,34"] == ("grdp_growth_services", "value")
    kon_tum = ("Theo đó, tổng sản phẩm xã hội trên địa bàn (GRDP) năm 2023 ước khoảng 18.900 tỉ đồng, tốc độ tăng trưởng đạt "
               "7,32%, đứng thứ 22 cả nước và thứ nhất khu vực Tây nguyên.\n")
    got = {f.printed: f.indicator_code for f in extract_facts(kon_tum, "x.txt", dt.date(2023, 12, 6))}
    assert got == {"18.900": None, "7,32": "grdp_growth"}


def test_a_parts_role_in_growth_is_not_its_subject():
    """unseen2, Quảng Ninh 2024-05: manufacturing "là trụ cột đòn bẩy tăng trưởng kinh tế của tỉnh với mức tăng 23,05%" is
    the growth of manufacturing (a sub-sector, no code), not GRDP growth."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Lĩnh vực công nghiệp chế biến, chế tạo tiếp tục là trụ cột đòn bẩy tăng trưởng kinh tế của tỉnh với mức tăng "
            "23,05%, đưa Quảng Ninh nằm trong nhóm các tỉnh có chỉ số IIP tăng cao nhất cả nước.\n")
    (fact,) = extract_facts(text, "x.txt", dt.date(2024, 5, 20))
    assert (fact.printed, fact.indicator_code) == ("23,05", None)


def test_aggregates_larger_than_an_indicator_and_multi_year_averages_name_none():
    """The corpus README: "giá trị xuất khẩu và doanh thu ngoại tệ" is not exports (unseen3 Cần Thơ 2025-11), local budget
    revenue is not the budget revenue (unseen5 TP HCM 2025-12), the production value of industry and construction is not
    industry's (unseen6 Hưng Yên 2024-12), trained labour with a certificate is a part (unseen4 Vĩnh Long 2023-01), a
    per-year average over a term is no one period's (unseen6 Yên Bái 2025-01)."""
    import datetime as dt

    from ingest.prose import extract_facts

    def codes(text: str, day: dt.date) -> dict[str, str | None]:
        return {f.printed: f.indicator_code for f in extract_facts(text, "x.txt", day)}

    can_tho = ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt hơn 291 nghìn tỷ đồng, tăng 16,5%; giá trị xuất khẩu "
               "và doanh thu ngoại tệ đạt 4,57 tỷ USD, tăng 11,4% so với cùng kỳ.\n")
    assert codes(can_tho, dt.date(2025, 11, 5)) == {"291": "retail_sales", "16,5": "retail_sales", "4,57": None, "11,4": None}
    hcm = ("Thu ngân sách nhà nước năm 2025 của Thành phố Hồ Chí Minh ước đạt khoảng 746.438 tỷ đồng, trong đó thu ngân sách "
           "địa phương khoảng 533.850 tỷ đồng.\n")
    assert codes(hcm, dt.date(2025, 12, 10)) == {"746.438": "budget_revenue", "533.850": None}
    hung_yen = ("Năm 2025, tỉnh Hưng Yên đặt mục tiêu: tăng trưởng kinh tế 8%; chỉ số sản xuất công nghiệp tăng 10%; giá trị "
                "sản xuất công nghiệp và xây dựng tăng 11%; thương mại dịch vụ tăng 3%.\n")
    got = codes(hung_yen, dt.date(2024, 12, 12))
    assert got["8"] == "grdp_growth" and got["11"] is None
    vinh_long = "Tỷ lệ hộ nghèo giảm 0,41%; tỷ lệ lao động qua đào tạo có chứng chỉ đạt 21,67%; tỷ lệ bao phủ BHYT đạt 93,2% dân số.\n"
    assert codes(vinh_long, dt.date(2023, 1, 10))["21,67"] is None
    yen_bai = "Tỷ lệ hộ nghèo đa chiều bình quân giảm 3,5%/năm, đến nay còn 8,67%, đứng thứ 6/14 tỉnh trong vùng.\n"
    facts = {f.printed: f for f in extract_facts(yen_bai, "x.txt", dt.date(2025, 1, 15))}
    assert (facts["3,5"].indicator_code, facts["3,5"].measure, facts["3,5"].basis) == (None, "value", "none")
    assert facts["8,67"].indicator_code == "poverty_rate"


def test_what_follows_an_amount_after_and_is_the_next_subject():
    """unseen4, Tây Ninh 2025-10: "kim ngạch xuất khẩu 22,8 tỷ USD và nhập khẩu 9,9 tỷ USD": the imports are 9,9; unseen6,
    Phú Yên 2022-12: "doanh thu hoạt động du lịch" is the tourism revenue."""
    import datetime as dt

    from ingest.prose import extract_facts

    tay_ninh = "Một điểm sáng nữa là trong 9 tháng năm 2025, tỉnh Tây Ninh đạt kim ngạch xuất khẩu 22,8 tỷ USD và nhập khẩu 9,9 tỷ USD.\n"
    got = {f.printed: f.indicator_code for f in extract_facts(tay_ninh, "x.txt", dt.date(2025, 10, 8))}
    assert got == {"22,8": "trade_exports", "9,9": "trade_imports"}
    phu_yen = "Năm 2022, doanh thu hoạt động du lịch đạt 2.760 tỷ đồng, gấp 7,2 lần so với cùng kỳ.\n"
    got = {f.printed: (f.indicator_code, f.measure) for f in extract_facts(phu_yen, "x.txt", dt.date(2022, 12, 9))}
    assert got == {"2.760": ("tourism_revenue", "value"), "7,2": ("tourism_revenue", "ratio_pct")}


def test_parts_listed_in_a_parenthesis_after_a_sectors_growth_are_its_parts():
    """unseen5, Bình Thuận's press release of June 2024: "khu vực nông, lâm, thủy sản tăng 3,75% (nông nghiệp tăng 1,36%,
    lâm nghiệp tăng 9,12%, thủy sản tăng 8,06%)": the parts of the sector (sub-sectors: no code, growing as a sector does);
    after the parenthesis the next sector is the GRDP's part again."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Tổng sản phẩm nội tỉnh (GRDP) 6 tháng đầu năm 2024 dự ước tăng 7,10% so với cùng kỳ năm trước, trong đó: khu vực "
            "nông, lâm, thủy sản tăng 3,75% (nông nghiệp tăng 1,36%, lâm nghiệp tăng 9,12%, thủy sản tăng 8,06%); khu vực công "
            "nghiệp, xây dựng tăng 12,06% (công nghiệp tăng 12,29%, xây dựng tăng 10,82%); khu vực dịch vụ tăng 6,1%.\n")
    got = {f.printed: (f.indicator_code, f.measure, f.basis) for f in extract_facts(text, "60_binh-thuan.txt", dt.date(2024, 6, 28))}
    assert got["7,10"] == ("grdp_growth", "value", "none")
    assert got["3,75"] == ("grdp_growth_agriculture", "value", "none")
    assert got["1,36"] == (None, "value", "none")
    assert got["12,06"] == ("grdp_growth_industry_construction", "value", "none")
    assert got["6,1"] == ("grdp_growth_services", "value", "none")


def test_a_clause_that_names_its_own_subject_is_not_named_by_an_alias_before_its_semicolon():
    """unseen2, Quảng Ninh 2024-05: after "…; thứ hai là các ngành dịch vụ thuộc các lĩnh vực vận tải kho bãi tăng
    25,01%" the IIP named before the ';' is not the subject (transport and storage: a sub-sector, no code)."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Lĩnh vực công nghiệp chế biến, chế tạo tiếp tục là trụ cột đòn bẩy tăng trưởng kinh tế của tỉnh với mức tăng "
            "23,05%, đưa Quảng Ninh nằm trong nhóm các tỉnh có chỉ số IIP (sản xuất công nghiệp) tăng cao nhất cả nước; thứ hai "
            "là các ngành dịch vụ thuộc các lĩnh vực vận tải kho bãi tăng 25,01%; lưu trú ăn uống tăng 16,89%.\n")
    got = {f.printed: f.indicator_code for f in extract_facts(text, "22_quang-ninh.txt", dt.date(2024, 5, 20))}
    assert got == {"23,05": None, "25,01": None, "16,89": None}
    # a clause that names nothing of its own keeps the subject before its ';'
    text = "Kim ngạch xuất khẩu ước đạt 4.200 triệu USD; tăng 29,23% so với cùng kỳ.\n"
    got = {f.printed: f.indicator_code for f in extract_facts(text, "x.txt", dt.date(2025, 7, 2))}
    assert got["4.200"] == "trade_exports"
