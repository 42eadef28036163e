"""Stage tests: the scope of a figure."""

from __future__ import annotations

import datetime as dt

from ingest.prose import extract_facts
from ingest.prose.scope import scope_of


def test_scope_from_the_words_before_a_figure():
    assert scope_of("cao hơn mức tăng trưởng chung của cả nước ") == "national"
    assert scope_of("Quỹ Tiền tệ Quốc tế (IMF) dự báo kinh tế thế giới tăng ") == "world"
    assert scope_of("Tổng sản phẩm trên địa bàn tỉnh tăng ") == "province"


def test_the_nations_figure_is_kept_with_no_provincial_indicator():
    """Lào Cai, December 2024 (tienphong.vn): the country's growth quoted beside the province's."""
    text = ("Tổng sản phẩm trên địa bàn (GRDP) của Lào Cai năm 2024 đạt mức tăng trưởng khoảng 7,38%, "
            "cao hơn mức tăng trưởng chung của cả nước (khoảng 7%).")
    facts = {f.printed: f for f in extract_facts(text, "lao-cai.txt", dt.date(2024, 12, 5))}
    assert (facts["7,38"].indicator_code, facts["7,38"].scope) == ("grdp_growth", "province")
    assert (facts["7"].indicator_code, facts["7"].scope, facts["7"].period_year) == (None, "national", 2024)


def test_a_former_part_of_a_merged_province_is_another_area():
    """Hưng Yên's news of 2/7/2025 (the merged province): a paragraph opening with "của tỉnh Hưng Yên trước khi
    hợp nhất" or "Đối với tỉnh Thái Bình" is about a former province (labels 9, 37.782, 36.154: other_area, no
    code), not the province now; the same words before the mergers, or a paragraph of the whole, stay the province's."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Tổng sản phẩm trên địa bàn tỉnh (GRDP) của tỉnh Hưng Yên trước khi hợp nhất tăng 9%. Tổng vốn đầu tư toàn "
            "xã hội đạt 37.782 tỷ đồng, tăng 18,5% so với cùng kỳ.\n\n"
            "Đối với tỉnh Thái Bình, tổng sản phẩm GRDP trên địa bàn ước đạt 36.154 tỷ đồng, tăng 9% so với cùng kỳ năm 2024.\n\n"
            "Tổng vốn đầu tư toàn xã hội đạt 60.000 tỷ đồng.\n")
    after = {f.printed: (f.scope, f.indicator_code) for f in extract_facts(text, "x.txt", dt.date(2025, 7, 2))}
    assert after["37.782"] == ("other_area", None)
    assert after["36.154"] == ("other_area", None)
    assert after["60.000"][0] == "province"
    before = {f.printed: f.scope for f in extract_facts(text, "x.txt", dt.date(2024, 7, 2))}
    assert before["37.782"] == "province"


def test_other_provinces_quoted_in_a_ranking_are_other_areas():
    """unseen4, Tây Ninh's news of October 2025: the provinces it leads are quoted with their growth; the document's own
    province (the one it names most) stays the province."""
    text = ("Tây Ninh: tăng trưởng kinh tế 9 tháng đạt 8,5%.\n\n"
            "Với kết quả này, tốc độ tăng trưởng kinh tế 9 tháng đầu năm của Tây Ninh dẫn đầu vùng Đông Nam Bộ (TPHCM đạt 7,07%; "
            "Đồng Nai đạt 8,86%) và xếp thứ 8/34 tỉnh, thành trên cả nước.\n")
    facts = {f.printed: f for f in extract_facts(text, "80_tay-ninh.txt", dt.date(2025, 10, 8))}
    assert (facts["7,07"].scope, facts["7,07"].indicator_code) == ("other_area", None)
    assert (facts["8,86"].scope, facts["8,86"].indicator_code) == ("other_area", None)
    assert (facts["8,5"].scope, facts["8,5"].indicator_code) == ("province", "grdp_growth")
    # in Đồng Nai's own news, "Đồng Nai đạt 8,86%" is the province's
    own = "Đồng Nai: kinh tế tăng trưởng. Tăng trưởng kinh tế 9 tháng của Đồng Nai cao (Đồng Nai đạt 8,86%).\n"
    assert [f.scope for f in extract_facts(own, "75_dong-nai.txt", dt.date(2025, 10, 8))] == ["province"]
