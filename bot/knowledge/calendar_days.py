"""Why a date written in the right shape (`2019-02-30`) names no day, said as a maintainer would
check it: "February 2019 has 28 days", not "write it as YYYY-MM-DD", which it already is."""

from __future__ import annotations

import calendar
import datetime as dt
import re

# YYYY-MM or YYYY-MM-DD: the shapes a knowledge file writes a date in (a year alone is always real).
_WRITTEN = re.compile(r"^\s*(\d{4})-(\d{2})(?:-(\d{2}))?\s*$")


def not_a_calendar_day(text: str) -> str | None:
    """What is wrong with a date written YYYY-MM(-DD) that the calendar does not have, quoting it
    back; None when it is a real date or not written in that shape (its problem is the shape)."""
    match = _WRITTEN.match(text)
    if match is None:
        return None
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12:
        return f"{text.strip()!r} has no month {match[2]}: months run from 01 to 12"
    if match[3] is None:
        return None
    day, days = int(match[3]), calendar.monthrange(year, month)[1]
    if 1 <= day <= days:
        return None
    month_name = dt.date(year, month, 1).strftime("%B")
    return f"{text.strip()!r} is not a day of the calendar: {month_name} {year} has {days} days"
