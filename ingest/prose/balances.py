"""Stage: balances (stocks at a date).

The date a balance stands at ("đến ngày 30/6", "hết tháng 6/2022", "đến nay": the report's date) and the date it
is compared with (the end of last year, the same day a year before, last month's end); ``periods`` re-exports them.
"""

from __future__ import annotations

import calendar
import datetime as dt

from ingest.prose import patterns as P
from ingest.prose.model import Period, Report


def year_of(*groups: str | None) -> int | None:
    for g in groups:
        if g:
            return int(g)
    return None


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def balance_date_of(text_before: str, period: Period, report: Report | None = None) -> dt.date | None:
    """The date a balance stands at: the last "đến ngày 30/6", "hết tháng 6/2022" before it ("đến nay": the report's
    date, or its month's end), else its period's end."""
    year, _, month_to = period
    found = None
    for m in P.BALANCE_DATE.finditer(text_before):
        found = m
    try:
        if found is not None and found.group("now"):
            if report is None or not (report.date or (report.year and report.month)):
                return None
            return report.date or month_end(report.year, report.month)
        if found is not None and found.group(2):
            y = int(found.group(4)) if found.group(4) else year
            return dt.date(y, int(found.group(3)), int(found.group(2))) if y else None
        if found is not None:
            y = year_of(found.group(6), found.group(7)) or year
            return month_end(y, int(found.group(5))) if y else None
        return month_end(year, month_to) if year and month_to else None
    except ValueError:  # 31/02: not a date
        return None


def compared_date_of(basis: str, balance: dt.date | None) -> dt.date | None:
    """The date a balance is compared with: the end of last year, the same day a year before, last month's end."""
    if balance is None:
        return None
    if basis == "prior_year":
        return dt.date(balance.year - 1, 12, 31)
    if basis == "same_period":
        return month_end(balance.year - 1, balance.month) if balance == month_end(balance.year, balance.month) else balance.replace(year=balance.year - 1)
    if basis == "prior_month":
        first = balance.replace(day=1)
        return first - dt.timedelta(days=1)
    return None
