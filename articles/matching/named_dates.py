"""The dates a report's text names ("Friday, Nov. 13, 2020", "on 7 December 2024", "in April
2018"), and what they say of when it was written: not before the latest of them.

A report without a date of its own still names days in its text: the day of its event in the
lede or in a photo's caption (wire copy's "The cathedral is seen in Paris, Saturday, Dec. 7,
2024"), and older days of its story's background ("on Aug. 6, 1945"). Days it names are past or
present when it is written, so the latest is a lower bound of its date; "in April 2018" is
written about a month that is over. Over the 216 real pages of the development and blind sets,
no undated report names a day more than a day after its event, nor its own month as "in
<month> <year>". A day named as a deadline ("by March 29, 2019", "until June 1, 2016") may lie
ahead, and is not counted.

Two occasions of one subject told by undated reports (the first crewed launch and the second,
five months later) read alike word for word; a report naming days months after the dates of a
story's reports is of another occasion (see stories.match_story).
"""

import datetime
import re
from functools import lru_cache

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
# A deadline or a schedule may lie ahead: a day named after one of these is not counted.
_AHEAD = r"(?<!\bby )(?<!\buntil )(?<!\btill )(?<!\bbefore )(?<!\bthrough )"
_DAYS_NAMED = (
    re.compile(rf"{_AHEAD}\b{_MONTH} {_DAY},? {_YEAR}\b", re.IGNORECASE),  # Nov. 13, 2020
    re.compile(rf"{_AHEAD}\b{_DAY} {_MONTH},? {_YEAR}\b", re.IGNORECASE),  # 7 December 2024
)
_MONTH_NAMED = re.compile(rf"\bin {_MONTH},? {_YEAR}\b", re.IGNORECASE)


@lru_cache(maxsize=1 << 12)
def written_after(text: str) -> datetime.date | None:
    """The earliest day the text can have been written on, from the days it names (the latest
    of them; the first day of the month after one named "in <month> <year>"), or None when it
    names none."""
    latest = None
    for match in (m for pattern in _DAYS_NAMED for m in pattern.finditer(text)):
        year, month, day = _parts(match)
        try:
            named = datetime.date(year, month, day)
        except ValueError:
            continue
        latest = named if latest is None else max(latest, named)
    for match in _MONTH_NAMED.finditer(text):
        year, month, _ = _parts(match)
        named = datetime.date(year + month // 12, month % 12 + 1, 1)
        latest = named if latest is None else max(latest, named)
    return latest


def _parts(match: re.Match) -> tuple[int, int, int]:
    groups = match.groupdict()
    return (
        int(groups["year"]),
        _MONTHS[groups["month"].casefold().rstrip(".")],
        int(groups.get("day") or 1),
    )
