"""Stage tests (session 6): a flow to one of a month's first days is of the months before (unseen4's convention), and a
national target programme's name is no target; on sentences of in-sample documents, asserting their labels."""

from __future__ import annotations

import datetime as dt

from ingest.prose import extract_facts
from ingest.prose.periods import find_periods
from ingest.prose.value_type import planned


def test_a_flow_to_one_of_a_months_first_days_is_of_the_months_before():
    """Tây Ninh's briefing of 7/10/2025: "Tổng thu ngân sách nhà nước đến ngày 2-10 đạt hơn 39.600 tỷ đồng" is read as
    the nine months (label: 2025, 1-9, cumulative, actual; the corpus README's unseen4 section); written with a slash,
    "đến ngày 2/10/2025" is the same months, and "đến ngày 30/11" stays January-November."""
    assert [p for _, _, _, p in find_periods("đến ngày 2/10/2025")] == [(2025, 1, 9)]
    assert [p for _, _, _, p in find_periods("đến ngày 30/11")] == [(None, 1, 11)]
    text = ("Chiều 7-10, UBND tỉnh Tây Ninh tổ chức họp báo thông tin tình hình phát triển kinh tế - xã hội quý III.\n\n"
            "Tổng thu ngân sách nhà nước đến ngày 2/10/2025 đạt hơn 39.600 tỷ đồng, đạt 105,2% dự toán.\n")
    f = {x.printed: (x.period_year, x.month_from, x.month_to, x.period_kind, x.value_type) for x in extract_facts(text, "x.txt", dt.date(2025, 10, 7))}
    assert f["39.600"] == (2025, 1, 9, "cumulative", "actual")


def test_a_national_target_programme_is_no_target():
    """The bundled report of November 2022: "Tổ chức các hội nghị tập huấn thực hiện chương trình mục tiêu quốc gia giảm
    nghèo; giải quyết cho 9.192 lượt hộ nghèo" counts what was done in 2022, not a plan; "đặt mục tiêu" is a target."""
    assert not planned("Tổ chức các hội nghị tập huấn thực hiện chương trình mục tiêu quốc gia giảm nghèo; giải quyết cho")
    assert planned("Năm 2025, tỉnh Hưng Yên đặt mục tiêu: tăng trưởng kinh tế")
