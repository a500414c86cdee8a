"""The days of the week in a report: the day its text names for its event ("on Tuesday"), and
the day a report without a date of its own most likely tells of, from its story's dates. Two
reports that name different days tell of two occasions when no date tells them apart.
"""

import datetime
import re
from functools import lru_cache

_WEEKDAY = re.compile(r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


@lru_cache(maxsize=1 << 12)
def days_named(text: str) -> frozenset[str]:
    """The days of the week a text names: the day of its event ("on Tuesday"), mostly."""
    return frozenset(_WEEKDAY.findall(text))


DAY_NAMES = ("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun")


def days_of(article) -> frozenset[str]:
    """The days of the week of an article's event: those its text names, or else those of its
    date and the day before (a report comes out on the day or the next)."""
    named = days_named(article.text)
    if named or article.published is None:
        return named
    day = article.published.weekday()
    return frozenset({DAY_NAMES[day], DAY_NAMES[day - 1]})


def date_in_story(
    text: str, start: datetime.date | None, end: datetime.date | None
) -> datetime.date | None:
    """The day a report without a date of its own most likely tells of, from its story's dates:
    the day of the week its text names ("on Wednesday") within the story's days or the day
    after them, the earliest if several; else the story's first day if the story spans at most
    two days. None when the story has no dates, or its days leave the report's open."""
    if start is None:
        return None
    end = end or start
    named = days_named(text)
    if named:
        span = (end - start).days + 2  # through the day after the story's last
        for offset in range(min(span, 8)):
            day = start + datetime.timedelta(days=offset)
            if DAY_NAMES[day.weekday()] in named:
                return day
    return start if (end - start).days <= 1 else None
