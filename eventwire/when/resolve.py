"""Resolve date expressions against the publication date: a calendar range and its precision.

Conventions (those of TimeML's TIMEX3 values, which news event data and its evaluation sets use):
a range covers the whole unit the expression names ("earlier this year" is this year, "late
November" is November, "this week" is Monday to Sunday). A weekday is the nearer of the last such
day (on or before the publication date) and the next one, or the next one when the words before it
speak of the future ("will meet on Monday"). A month or a month and day without a year is the one
nearest the publication date ("Feb. 10" in an article of 7 January is next month's).
"The quarter" is the last completed quarter; a named quarter ("the third quarter") is this year's
once it has begun. Without a publication date, relative expressions stay unresolved.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from eventwire.when.expressions import MONTHS, NUMBERS, ORDINALS, SEASONS, WEEKDAYS, Expression

Range = tuple[dt.date, dt.date, str]
# Words just before a weekday that put it in the future ("will meet on Monday").
_FUTURE = re.compile(
    r"\b(will|'ll|shall|would|due|scheduled|set to|expected to|plans? to|planning to|going to)\b[^.;]*$", re.I
)
# ... and words that put it in the past ("walked out on Friday").
_PAST = re.compile(r"\b(was|were|had|did|said|\w{3,}ed)\b", re.I)
FUTURE_WINDOW = 60  # characters before the expression that are looked at


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _week_range(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _quarter_range(year: int, q: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, 3 * q - 2, 1)
    return first, _month_range(year, 3 * q)[1]


def _season_range(year: int, first_month: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, first_month, 1)
    end_month = (first_month + 2 - 1) % 12 + 1
    end_year = year + (1 if end_month < first_month else 0)
    return start, _month_range(end_year, end_month)[1]


def _month_name(value: str) -> int:
    return MONTHS[value.lower().rstrip(".")]


def _shift_months(day: dt.date, months: int) -> tuple[int, int]:
    total = day.year * 12 + day.month - 1 + months
    return total // 12, total % 12 + 1


def _nearest(anchor: dt.date, make: Callable[[int], dt.date]) -> int:
    """The year (anchor's, the one before or after) that puts a month or day nearest the anchor:
    news speaks of the recent past and the near future ("Feb. 10" in an article of 7 January)."""
    years = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            years.append((abs((make(year) - anchor).days), year))
        except ValueError:
            continue
    return min(years)[1]


def resolve(exp: Expression, anchor: dt.date | None, before: str = "") -> Range | None:
    """The (from, to, precision) of ``exp``; None when it cannot be resolved. ``before`` is the
    text of its sentence before it (for the tense)."""
    p = exp.parts
    kind = exp.kind
    # Absolute expressions need no anchor.
    if kind in ("day_month_year", "month_day_year", "iso"):
        month = int(p["mon"]) if kind == "iso" else _month_name(p["month"])
        try:
            day = dt.date(int(p["year"]), month, int(p["day"]))
        except ValueError:
            return None
        return day, day, "day"
    if kind == "month_year":
        return (*_month_range(int(p["year"]), _month_name(p["month"])), "month")
    if kind == "year":
        return (*_year_range(int(p["year"])), "year")
    if kind == "decade":
        start = int(p["decade"])
        return dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "decade"
    if kind == "edge_month" and p.get("year"):
        return (*_month_range(int(p["year"]), _month_name(p["month"])), "month")
    if anchor is None:
        return None
    future = bool(_FUTURE.search(before[-FUTURE_WINDOW:]))
    if kind == "deictic":
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[p["word"].lower()]
        day = anchor + dt.timedelta(days=offset)
        return day, day, "day"
    if kind == "weekday":
        target = WEEKDAYS[p["weekday"].lower()]
        rel = (p.get("rel") or "").lower()
        back = (anchor.weekday() - target) % 7
        ahead = (target - anchor.weekday()) % 7 or 7
        if rel == "last":
            day = anchor - dt.timedelta(days=back or 7)
        elif rel == "next" or future or (ahead == 1 and not _PAST.search(before[-FUTURE_WINDOW:])):
            # News reports the last few days, but "Tuesday" in Monday's paper is tomorrow.
            day = anchor + dt.timedelta(days=ahead)
        else:
            day = anchor - dt.timedelta(days=back)
        return day, day, "day"
    if kind in ("month_day", "day_month"):
        month, number = _month_name(p["month"]), int(p["day"])
        try:
            day = dt.date(_nearest(anchor, lambda y: dt.date(y, month, number)), month, number)
        except ValueError:
            return None
        return day, day, "day"
    if kind in ("month", "part_month", "edge_month"):
        month = _month_name(p["month"])
        year = _nearest(anchor, lambda y: dt.date(y, month, 15))
        return (*_month_range(year, month), "month")
    if kind == "ago":
        n = NUMBERS.get(p["n"].lower(), None) if not p["n"].isdigit() else int(p["n"])
        if not n:
            return None
        unit = p["unit"].lower()
        if unit == "day":
            day = anchor - dt.timedelta(days=n)
            return day, day, "day"
        if unit == "week":
            return (*_week_range(anchor - dt.timedelta(weeks=n)), "week")
        if unit == "month":
            return (*_month_range(*_shift_months(anchor, -n)), "month")
        if unit == "quarter":
            y, m = _shift_months(anchor, -3 * n)
            return (*_quarter_range(y, (m - 1) // 3 + 1), "quarter")
        return (*_year_range(anchor.year - n), "year")
    if kind == "year_earlier":
        if "quarter" in before.lower():  # "profit rose from $2 a share a year earlier": that quarter
            last_year, last_q = _last_quarter(anchor)
            return (*_quarter_range(last_year - 1, last_q), "quarter")
        return (*_year_range(anchor.year - 1), "year")
    if kind == "the_year":
        return (*_year_range(anchor.year), "year")
    if kind in ("quarter", "quarter_code"):
        named = ORDINALS[p["ord"].lower()]
        year = anchor.year if _quarter_range(anchor.year, named)[0] <= anchor else anchor.year - 1
        return (*_quarter_range(year, named), "quarter")
    if kind == "latest_quarter":
        return (*_quarter_range(*_last_quarter(anchor)), "quarter")
    if kind == "half":
        first = ORDINALS[p["ord"].lower()] == 1
        year = anchor.year if first or anchor.month >= 7 else anchor.year - 1
        return (
            (dt.date(year, 1, 1), dt.date(year, 6, 30), "half")
            if first
            else (dt.date(year, 7, 1), dt.date(year, 12, 31), "half")
        )
    if kind == "relative":
        return _relative(p, anchor)
    return None


def _last_quarter(anchor: dt.date) -> tuple[int, int]:
    """The last quarter that has ended by the anchor (year, quarter)."""
    q = (anchor.month - 1) // 3 + 1
    return (anchor.year, q - 1) if q > 1 else (anchor.year - 1, 4)


def _relative(p: dict[str, str], anchor: dt.date) -> Range | None:
    rel = p["rel"].lower()
    unit = p["unit"].lower()
    step = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}[rel]
    if unit == "week":
        return (*_week_range(anchor + dt.timedelta(weeks=step)), "week")
    if unit == "weekend":
        saturday = _week_range(anchor + dt.timedelta(weeks=step))[0] + dt.timedelta(days=5)
        if step == 0 and anchor.weekday() < 5:  # "this weekend" said on a weekday: the coming one
            pass
        elif step == -1 and anchor.weekday() >= 5:
            saturday = _week_range(anchor)[0] + dt.timedelta(days=5) - dt.timedelta(weeks=1)
        return saturday, saturday + dt.timedelta(days=1), "week"
    if unit == "month":
        return (*_month_range(*_shift_months(anchor, step)), "month")
    if unit == "year":
        return (*_year_range(anchor.year + step), "year")
    if unit == "quarter":
        q = (anchor.month - 1) // 3 + 1 + step
        year = anchor.year + (q - 1) // 4
        return (*_quarter_range(year, (q - 1) % 4 + 1), "quarter")
    first = SEASONS["fall" if unit == "autumn" else unit]
    # The season "this" names is the one of the anchor's year (winter: the one starting in December
    # of the year before when the anchor is in January or February).
    year = anchor.year - (1 if first == 12 and anchor.month <= 2 else 0)
    start = _season_range(year, first)[0]
    if step == -1:
        year = year if _season_range(year, first)[1] < anchor else year - 1
    elif step == 1:
        year = year if start > anchor else year + 1
    return (*_season_range(year, first), "season")
