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
