"""Stage tests: figures and units (what is a figure, what is not)."""

from __future__ import annotations

from decimal import Decimal

from ingest.prose.figures import find_figures


def printed(text: str) -> list[tuple[str, str | None]]:
    return [(f.printed, f.unit) for f in find_figures(text)]


def test_figures_with_their_units_from_the_september_2022_report():
    text = "Tổng kim ngạch xuất nhập khẩu qua địa bàn đạt 638,706 triệu USD, tăng 29%, đạt 101% KH"
    figs = find_figures(text)
    assert [(f.printed, f.unit, f.unit_class) for f in figs] == [
        ("638,706", "triệu USD", "usd"), ("29", "%", "pct"), ("101", "%", "pct")]
    assert figs[0].value == Decimal("638.706") and figs[0].decimals == 3


def test_dates_years_documents_and_ordinals_are_not_figures():
    text = ("Thực hiện Nghị quyết số 38/NQ-HĐND ngày 10/12/2021, đến 30/9/2022 kỳ họp thứ 5 "
            "của năm 2022 thu ngân sách đạt 3.085.050 triệu đồng")
    assert printed(text) == [("3.085.050", "triệu đồng")]


def test_a_malformed_number_is_kept_as_malformed():
    (fig,) = find_figures("Toàn tỉnh ghi nhận 5.3407 ca mắc")
    assert fig.malformed and fig.value is None and fig.unit == "ca"


def test_actual_and_plan_pairs_are_marked():
    first, second, _ = find_figures("Diện tích gieo trồng 3.669,25 ha/3.621,7 ha, đạt 101,3% KH")
    assert first.has_pair_second and second.pair_second and first.unit == "ha"
