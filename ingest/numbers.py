"""Vietnamese-style numbers as printed: ``.`` groups thousands, ``,`` is the decimal mark.

Parsing is delegated to Babel's CLDR data for the ``vi`` locale in strict mode,
which checks the grouping (``4.180`` is 4180, ``5.3407`` is refused) instead of
guessing.  A printed number also carries its precision: the count of decimals it
was printed with, which the consistency checks need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from babel.numbers import NumberFormatError, parse_decimal

# What a printed figure may look like before Babel validates it: an optional
# sign, digits with '.' groups, an optional ',' decimal part.  Anything else
# (letters, two commas, spaces inside) is not a number at all.
_CANDIDATE = re.compile(r"^[-−+]?\d[\d.]*(,\d+)?$")


# A figure longer than this (digits, group marks, decimals) is not a figure: Babel's
# strict check would fail inside the decimal module on a run of "9.9.9…" instead.
MAX_FIGURE_CHARS = 40


class MalformedNumber(ValueError):
    """Text that is meant as a number but is not a well-formed Vietnamese one."""


@dataclass(frozen=True)
class PrintedNumber:
    """A number with the text and precision it was printed with."""

    value: Decimal
    decimals: int
    text: str


def parse_vn_number(text: str) -> PrintedNumber | None:
    """Parse one printed figure; blank gives ``None``; malformed raises ``MalformedNumber``."""
    raw = text.strip()
    if raw == "":
        return None
    cleaned = raw.replace("\u2212", "-")
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1].rstrip()
    if len(cleaned) > MAX_FIGURE_CHARS:
        raise MalformedNumber(f"{len(cleaned)} characters: too long to be one figure")
    if not _CANDIDATE.match(cleaned):
        raise MalformedNumber(f"not a number: {raw!r}")
    try:
        value = parse_decimal(cleaned, locale="vi", strict=True)
    except (NumberFormatError, InvalidOperation) as exc:
        raise MalformedNumber(f"malformed Vietnamese number {raw!r}: {exc}") from None
    decimals = len(cleaned.split(",", 1)[1]) if "," in cleaned else 0
    return PrintedNumber(value=value, decimals=decimals, text=raw)


def format_vn_number(value: Decimal | float | int, decimals: int) -> str:
    """Render a number the Vietnamese way with a fixed count of decimals."""
    quantised = f"{Decimal(str(value)):,.{decimals}f}"
    return quantised.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def from_spreadsheet_number(value: float | int, decimals: int | None = None) -> PrintedNumber:
    """A number stored as a number in a spreadsheet cell.

    ``decimals`` comes from the cell's number format when it names one; otherwise
    the shortest representation of the stored float decides.
    """
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if decimals is None:
        exponent = exact.normalize().as_tuple().exponent
        decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    # as the spreadsheet shows it: Excel rounds half away from zero (39.485 under 0.00 shows 39,49)
    quantum = Decimal(1).scaleb(-decimals) if decimals else Decimal(1)
    exact = exact.quantize(quantum, rounding=ROUND_HALF_UP)
    return PrintedNumber(value=exact, decimals=decimals, text=format_vn_number(exact, decimals))
