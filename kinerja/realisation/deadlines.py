"""When a month's realisation is due, in plain Python (no Django).

A government sets how many days after the end of a month its units have to finish that
month: 10 means "by the 10th of the following month". The deadline day itself still
counts as on time; a month is overdue from the day after.
"""

from __future__ import annotations

import calendar
import datetime as dt

MAX_DAYS = 90


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def month_deadline(year: int, month: int, days_after: int) -> dt.date:
    """The last day on which the month is on time."""
    return month_end(year, month) + dt.timedelta(days=days_after)


def is_past(year: int, month: int, days_after: int, today: dt.date) -> bool:
    return today > month_deadline(year, month, days_after)


def months_past(year: int, days_after: int, today: dt.date) -> list[int]:
    """The months of ``year`` whose deadline has passed on ``today``, in order."""
    return [m for m in range(1, 13) if is_past(year, m, days_after, today)]


def days_late(year: int, month: int, days_after: int, today: dt.date) -> int:
    """Days since the deadline (0 when not past)."""
    return max(0, (today - month_deadline(year, month, days_after)).days)
