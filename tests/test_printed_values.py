"""Plans as printed (ingest/printed_values.py) and the table's outline (ingest/structure.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ingest.numbers import MalformedNumber
from ingest.printed_values import parse_printed
from ingest.structure import parent_rows


@pytest.mark.parametrize("printed, form, low, high, decimals", [
    ("6,5-7,5", "range", "6.5", "7.5", 1),        # GRDP growth, the example
    ("1.200-1.250", "range", "1200", "1250", 0),
    ("từ 8-10", "range", "8", "10", 0),
    ("8 - 10%", "range", "8", "10", 0),
    ("2.670 - 2.760", "range", "2670", "2760", 0),  # Thừa Thiên Huế KH 2023, GRDP per capita (USD)
    ("57-57,5", "range", "57", "57.5", 1),
    (">98", "at_least", "98", None, 0),
    ("≥98", "at_least", "98", None, 0),
    ("trên 98", "at_least", "98", None, 0),
    ("tối thiểu 60", "at_least", "60", None, 0),
    ("dưới 3,25", "at_most", None, "3.25", 2),
    ("< 7,6", "at_most", None, "7.6", 1),
    ("không quá 2", "at_most", None, "2", 0),
])
def test_ranges_and_bounds(printed, form, low, high, decimals):
    value = parse_printed(printed)
    assert (value.form, value.value, value.low, value.high, value.decimals, value.text) == (
        form, None, low and Decimal(low), high and Decimal(high), decimals, printed)


@pytest.mark.parametrize("printed, value, decimals", [
    ("(2,15)", "-2.15", 2),                # a negative in parentheses
    ("-4,13%", "-4.13", 2),
    ("0,7% (còn 4,33%)", "0.7", 1),        # a remark after the figure stays in the text only
    ("1.949,545", "1949.545", 3),
    ("duy trì 100%", "100", 0),
])
def test_single_values(printed, value, decimals):
    parsed = parse_printed(printed)
    assert (parsed.form, parsed.value, parsed.low, parsed.high, parsed.decimals, parsed.text) == (
        "number", Decimal(value), Decimal(value), Decimal(value), decimals, printed)


def test_maintain_has_no_number_of_its_own():
    parsed = parse_printed("duy trì")
    assert (parsed.form, parsed.value, parsed.low, parsed.high, parsed.decimals) == ("maintain", None, None, None, None)


@pytest.mark.parametrize("printed, low, high, decimals", [
    ("tăng 7,4 - 8,4% (do năm 2020 là năm gốc, tăng 2,06%)", "7.4", "8.4", 1),  # Thừa Thiên Huế, ước TH 2021
    ("tăng từ 8-10% (dự ước 24.500 tỷ)", "8", "10", 0),
    ("giảm 28,3%", "-28.3", "-28.3", 1),
    ("giảm 1-2%", "-2", "-1", 0),
])
def test_a_change_printed_instead_of_the_figure(printed, low, high, decimals):
    parsed = parse_printed(printed)
    assert (parsed.form, parsed.value, parsed.low, parsed.high, parsed.decimals) == (
        "change", None, Decimal(low), Decimal(high), decimals)


@pytest.mark.parametrize("printed", ["Xuất siêu", "Hoàn thành", "abc (ghi chú)"])
def test_words_without_a_digit_are_kept_as_printed(printed):
    # qdnd.vn's 2019 table prints "Xuất siêu" as the estimate of the trade-deficit ratio
    parsed = parse_printed(printed)
    assert (parsed.form, parsed.value, parsed.low, parsed.high, parsed.text) == ("words", None, None, None, printed)


@pytest.mark.parametrize("printed", ["5.3407", "4.18.0", "10-8", "1-2-3", "(2.15.0)", "tăng 5.3407%", "tăng >5", "l0,5 (x)"])
def test_anything_else_stays_malformed(printed):
    with pytest.raises(MalformedNumber):
        parse_printed(printed)


def test_blank_is_none():
    assert parse_printed("  ") is None


def test_outline_of_a_table():
    rows = [
        ("I", "Kinh tế", False),            # 0 a group: nobody's parent
        ("1", "Tốc độ tăng GRDP", True),     # 1
        ("", "Trong đó:", False),           # 2 a marker: nobody's parent
        ("-", "Dịch vụ", True),              # 3 under 1
        ("+", "Du lịch", True),              # 4 under 3
        ("4", "Kim ngạch", True),            # 5
        ("4.1", "Xuất khẩu", True),          # 6 under 5
        ("", "Trong đó: hàng nông sản", True),  # 7 under the row above (6)
        ("", "Tỷ lệ khác", True),            # 8 under the last numbered row (6)
        ("II", "Xã hội", False),            # 9
        ("-", "Không số", True),             # 10 no numbered row above in this group
    ]
    assert parent_rows(rows) == [None, None, None, 1, 3, None, 5, 6, 6, None, None]
