"""A value cell as printed: a number, a range, a bound or "duy trì".

Plans are often printed as ranges ("6,5-7,5", "1.200-1.250", "từ 8-10", "8 - 10%"),
bounds (">98", "≥98", "trên 98", "dưới 3,25", "tối thiểu 60", "không quá 2") or "duy trì"
(keep last year's level).  Every number inside is parsed by :func:`ingest.numbers.parse_vn_number`
(Babel, strict): the grouping rules are the same as for a plain figure.  Beside them:

* a negative printed in parentheses, "(2,15)", is -2,15 (only a lone number in parentheses);
* a remark in parentheses after the figure, "0,7% (còn 4,33%)", is kept in the printed text
  and is not part of the value;
* "%" after a figure or a range end is the column's unit and is dropped;
* a change stated instead of the figure, "tăng 7,4 - 8,4%", "tăng từ 8-10%", "giảm 2%", is form
  ``change`` with the change as its interval (negative for "giảm") and no value: for a growth rate
  the change is the figure itself, for a level it is not (dbt decides, knowing the measure's kind);
* words where a figure would stand and no digit at all ("Xuất siêu", "Hoàn thành") are form
  ``words``: kept as printed, no value, never assessed.

Anything else (a digit in a cell that is none of these, two numbers without a range mark) is
malformed, as before.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from ingest.numbers import MalformedNumber, PrintedNumber, parse_vn_number

NUMBER, RANGE, AT_LEAST, AT_MOST, MAINTAIN = "number", "range", "at_least", "at_most", "maintain"
CHANGE, WORDS = "change", "words"

_LOWER_BOUND = re.compile(r"^(>=|≥|>|trên|tối thiểu|ít nhất|không dưới|không thấp hơn)\s*", re.IGNORECASE)
_UPPER_BOUND = re.compile(r"^(<=|≤|<|dưới|tối đa|không quá|không vượt quá|không cao hơn)\s*", re.IGNORECASE)
_MAINTAIN = re.compile(r"^duy trì\b\s*", re.IGNORECASE)
_CHANGE = re.compile(r"^(?P<way>tăng|giảm)\s+(?:từ\s+)?(?=[\d(])", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_PREFIX = re.compile(r"^(từ|khoảng|đạt)\s+", re.IGNORECASE)
_RANGE_MARK = re.compile(r"(?<=[\d%])\s*(?:-|–|—|đến)\s*(?=[\d])")
_REMARK = re.compile(r"\s*\(([^()]*[^\W\d_][^()]*)\)\s*$")  # a parenthesis holding a letter
_NEGATIVE = re.compile(r"^\(\s*([\d.,]+)\s*%?\s*\)$")


@dataclass(frozen=True)
class PrintedValue:
    """A value cell: its form, the single value where there is one, the two ends of the interval
    the plan allows (one is None for a bound; both for "duy trì"), and the text as printed."""

    form: str
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    decimals: int | None
    text: str

    @classmethod
    def of(cls, number: PrintedNumber) -> "PrintedValue":
        """A plain figure (e.g. a number stored as a number in a spreadsheet)."""
        return cls(NUMBER, number.value, number.value, number.value, number.decimals, number.text)

    @property
    def number(self) -> PrintedNumber | None:
        if self.value is None or self.decimals is None:
            return None
        return PrintedNumber(value=self.value, decimals=self.decimals, text=self.text)


def _one(text: str) -> PrintedNumber:
    core = text.strip()
    negative = _NEGATIVE.match(core)
    if negative:
        number = parse_vn_number(negative.group(1))
        return PrintedNumber(value=-number.value, decimals=number.decimals, text=text.strip())
    if core.endswith("%"):
        core = core[:-1].rstrip()
    number = parse_vn_number(core)
    if number is None:
        raise MalformedNumber(f"not a number: {text!r}")
    return number


def parse_printed(text: str) -> PrintedValue | None:
    """Parse a value cell; blank gives None; anything not a number, range, bound or "duy trì"
    raises MalformedNumber."""
    printed = unicodedata.normalize("NFC", text).strip()
    if printed == "":
        return None
    body = printed
    while (remark := _REMARK.search(body)) and remark.start() > 0:
        body = body[: remark.start()].rstrip()
    if not _DIGIT.search(printed) and _LETTER.search(printed) and not _MAINTAIN.match(body):
        return PrintedValue(WORDS, None, None, None, None, printed)
    if change := _CHANGE.match(body):
        stated = parse_printed(body[change.end():])
        if stated is None or stated.form not in (NUMBER, RANGE):
            raise MalformedNumber(f"a change that is not a number or a range: {printed!r}")
        low, high = stated.low, stated.high
        if change.group("way").lower() == "giảm":
            low, high = -high, -low
        return PrintedValue(CHANGE, None, low, high, stated.decimals, printed)
    if maintain := _MAINTAIN.match(body):
        rest = body[maintain.end():].strip()
        if not rest:
            return PrintedValue(MAINTAIN, None, None, None, None, printed)
        body = rest  # "duy trì 100%": the level to keep is printed
    for pattern, form in ((_LOWER_BOUND, AT_LEAST), (_UPPER_BOUND, AT_MOST)):
        if bound := pattern.match(body):
            number = _one(body[bound.end():])
            low, high = (number.value, None) if form == AT_LEAST else (None, number.value)
            return PrintedValue(form, None, low, high, number.decimals, printed)
    body = _PREFIX.sub("", body).strip()
    ends = _RANGE_MARK.split(body)
    if len(ends) == 2:
        low, high = _one(ends[0]), _one(ends[1])
        if low.value > high.value:
            raise MalformedNumber(f"a range whose first end is above its second: {printed!r}")
        return PrintedValue(RANGE, None, low.value, high.value, max(low.decimals, high.decimals), printed)
    if len(ends) > 2:
        raise MalformedNumber(f"more than two ends in a range: {printed!r}")
    number = _one(body)
    return PrintedValue(NUMBER, number.value, number.value, number.value, number.decimals, printed)
