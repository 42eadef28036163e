from decimal import Decimal

import pytest

from ingest.numbers import MalformedNumber, format_vn_number, from_spreadsheet_number, parse_vn_number


@pytest.mark.parametrize(
    "printed, value, decimals",
    [
        ("1.949,545", Decimal("1949.545"), 3),  # budget revenue TH 2021, Tỷ đồng
        ("4.180", Decimal("4180"), 0),  # budget revenue ước TH 2022: thousands, not 4,18
        ("4.180.000", Decimal("4180000"), 0),
        ("57,19", Decimal("57.19"), 2),  # forest cover
        ("-3,21", Decimal("-3.21"), 2),  # industry growth 2021
        ("15,00", Decimal("15.00"), 2),  # doctors per 10,000: precision kept
        ("1.130,4", Decimal("1130.4"), 1),
        ("100", Decimal("100"), 0),
        ("98%", Decimal("98"), 0),
    ],
)
def test_vietnamese_numbers_parse_exactly(printed, value, decimals):
    number = parse_vn_number(printed)
    assert number.value == value and number.decimals == decimals and number.text == printed


def test_blank_is_null():
    assert parse_vn_number("") is None and parse_vn_number("  ") is None


@pytest.mark.parametrize("printed", ["5.3407", "12.3", "1,2,3", "1.94,5", "abc", "4 180", "--3"])
def test_malformed_numbers_are_refused_not_guessed(printed):
    with pytest.raises(MalformedNumber):
        parse_vn_number(printed)


def test_formatting_round_trips():
    assert format_vn_number(Decimal("1949.545"), 3) == "1.949,545"
    assert format_vn_number(Decimal("97.9652"), 2) == "97,97"
    assert parse_vn_number(format_vn_number(Decimal("-3.21"), 2)).value == Decimal("-3.21")


def test_spreadsheet_numbers_take_the_format_precision():
    assert from_spreadsheet_number(15.0, 2).text == "15,00"
    assert from_spreadsheet_number(1949.545).value == Decimal("1949.545")
    assert from_spreadsheet_number(2018).decimals == 0
