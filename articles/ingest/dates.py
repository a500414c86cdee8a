"""Publication dates from date lines ("Updated: 2009-12-17 22:44", "December 16, 2009", ...).

Only a line that is a date and nothing else (give or take a label such as "Updated:", a weekday,
a time zone or "9 years ago") counts; dates inside sentences are events, not publication dates.
Times are kept as written (naive, no time-zone conversion).

Why not dateparser's search (installed with trafilatura): measured on header lines of the
real pages (bench/realnews) it took 1-22 ms a line against some 0.06 ms here, read
"By UPI Staff | Jan. 03, 2018" as 7 January of the current year and 7 March 2018, and took
"on October 10" in a sentence as a date of this year, where a relative or yearless phrase must
never be a publication date. Measured again on dateparser 1.5.0 (warm): search_dates took
38-125 ms a line, read "publié le 05/01/2016" as 1 May, "时间:2015-12-21 07:39" as 07:39 today
and "By UPI Staff | Jan. 03, 2018" as 8 January of this year. Every shape the real pages print
is read here. An HTML page's date is read from its markup (html.py: the meta tags, JSON-LD and
<time> that htmldate reads).
"""

import datetime
import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

# A month's name or its abbreviation, in title case ("Dec.", "December", "Sept"): a fragment for
# the patterns elsewhere that find a date written beside other words (datelines, headlines).
MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"

_MONTH_NAME = (
    r"(?P<month_name>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORDINAL = r"(?:st|nd|rd|th)?"

DATE_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        # 2009-12-16, 2009-12-16 14:05, 2009-12-16T14:05:00Z, 2009-12-16T14:05:00.000+03:00
        r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
        r"(?:[T ](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
        r"(?![\d-])",
        # 16 December 2009, 16 Dec. 2009, 16th of December, 2009
        rf"(?<!\d)(?P<day>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?{_MONTH_NAME},?\s+(?P<year>\d{{4}})(?!\d)",
        # December 16, 2009, Dec. 16 2009
        rf"\b{_MONTH_NAME}\s+(?P<day>\d{{1,2}}){_ORDINAL},?\s+(?P<year>\d{{4}})(?!\d)",
        # 2022 May. 10, 2022 May 10 (year first, as Korean and Chinese sites write in English)
        rf"(?<!\d)(?P<year>\d{{4}}),?\s+{_MONTH_NAME}\s+(?P<day>\d{{1,2}}){_ORDINAL}(?![\d:])",
        # 16.12.2009 (day first, as written in Europe)
        r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?![\d.])",
        # 12/16/2009 (month first unless the first number cannot be a month)
        r"(?<![\d/])(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})(?![\d/])",
        # 2009/12/16
        r"(?<![\d/])(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?![\d/])",
    )
]

TIME_RE = re.compile(
    r"(?<![\d:.])(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2})(?::\d{2})?)?\s*"
    r"(?P<ampm>[ap]\.?\s?m\b\.?)?(?![\d:])",
    re.IGNORECASE,
)
RELATIVE_RE = re.compile(
    r"\b(?:\d+|an?|one|a few)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?|months?|"
    r"years?)\s+ago\b|\b(?:yesterday|today|just now|moments? ago|last (?:week|month|year))\b",
    re.IGNORECASE,
)
READING_TIME_RE = re.compile(
    r"\b(?:reading time:?\s*)?\d+\s*-?\s*min(?:ute)?s?\.?(?:\s+read)?\b", re.IGNORECASE
)
LABEL_RE = re.compile(
    r"\b(?:last\s+updated|updated|first\s+published|published|posted|last\s+modified|modified|"
    r"created|issued|released|date|dated|on|at|time)\b",
    re.IGNORECASE,
)
WEEKDAY_RE = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?", re.IGNORECASE
)
TIME_ZONE_RE = re.compile(
    r"\b(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|WET|WEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|CT|"
    r"IST|JST|KST|HKT|SGT|AEST|AEDT)\b(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}\b"
)
SEPARATORS_ONLY_RE = re.compile(r"[\s,;|/·•–—\-:()\[\].]*")
# Every DATE_PATTERNS entry has a four-digit year: a line without one is not a date line.
YEAR_RE = re.compile(r"\d{4}")


@dataclass(frozen=True)
class FoundDate:
    value: datetime.datetime
    precision: str  # "minute" | "day"
    label: str  # "published" | "updated" | ""
    # "03/11/2010": read month first, but it could be 3 November; the outlet may decide.
    day_month_ambiguous: bool = False
    # "MOSCOW, December 16": the year was not written with the date but taken from elsewhere.
    inferred_year: bool = False


def _date_from_match(match: re.Match) -> datetime.date | None:
    parts = match.groupdict()
    year = int(parts["year"])
    if parts.get("first"):
        month, day = int(parts["first"]), int(parts["second"])
        if month > 12:
            month, day = day, month
    else:
        name = parts.get("month_name")
        month = MONTHS[name[:3].lower()] if name else int(parts["month"])
        day = int(parts["day"])
    if not 1900 <= year <= 2100:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _time_from_match(match: re.Match) -> datetime.time | None:
    hour = int(match["hour"])
    minute = int(match["minute"] or 0)
    ampm = (match["ampm"] or "").lower()
    if not match["minute"] and not ampm:
        return None  # a bare number is not a time
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if hour > 23 or minute > 59:
        return None
    return datetime.time(hour, minute)


def _remove(pattern: re.Pattern, text: str) -> str:
    # Blank out rather than delete, so positions of what is left stay comparable.
    return pattern.sub(lambda match: " " * len(match.group()), text)


def parse_date_line(line: str) -> FoundDate | None:
    """The date a line states, if the whole line is a date (with label, time, zone, ...)."""
    if len(line) > 120 or not YEAR_RE.search(line):
        return None
    found, rest = None, line
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(rest):
            date = _date_from_match(match)
            if date is None:
                return None
            if found is None or match.start() < found[1]:
                found = (match, match.start())
        rest = _remove(pattern, rest)
    if found is None:
        return None
    match = found[0]
    date = _date_from_match(match)
    time = None
    if match.groupdict().get("hour"):
        time = datetime.time(int(match["hour"]), int(match["minute"]))
    for pattern in (RELATIVE_RE, READING_TIME_RE, TIME_ZONE_RE):
        rest = _remove(pattern, rest)
    time_match = TIME_RE.search(rest)
    if time_match and _time_from_match(time_match):
        time = time or _time_from_match(time_match)
        rest = rest[: time_match.start()] + " " + rest[time_match.end() :]
    lowered = line.lower()
    label = "updated" if re.search(r"updated|modified", lowered) else ""
    if re.search(r"published|posted", lowered):
        label = "published"
    for pattern in (LABEL_RE, WEEKDAY_RE):
        rest = _remove(pattern, rest)
    if not SEPARATORS_ONLY_RE.fullmatch(rest):
        return None
    ambiguous = bool(match.groupdict().get("first")) and _day_month_ambiguous(match)
    if time is None:
        return FoundDate(datetime.datetime.combine(date, datetime.time()), "day", label, ambiguous)
    return FoundDate(datetime.datetime.combine(date, time), "minute", label, ambiguous)


def _day_month_ambiguous(match: re.Match) -> bool:
    first, second = int(match["first"]), int(match["second"])
    return first != second and first <= 12 and second <= 12


# Outlets from these countries write numeric dates month first; the rest of the world day first.
MONTH_FIRST_COUNTRIES = frozenset({"United States", "Philippines"})


def day_first_reading(value: datetime.datetime) -> datetime.datetime:
    """The same date with day and month swapped: 03/11 as 3 November rather than 11 March."""
    return value.replace(month=value.day, day=value.month)


def is_relative_date_line(line: str) -> bool:
    """'9 years ago', 'Updated 2 hours ago': a date line that gives no date."""
    if len(line) > 60 or not RELATIVE_RE.search(line):
        return False
    rest = _remove(LABEL_RE, _remove(RELATIVE_RE, line))
    return bool(SEPARATORS_ONLY_RE.fullmatch(rest))


# --- Dates inside a header line: "By UPI Staff | Jan. 03, 2018", "20:42 JST, July 8, 2022",
# "Thu, 07/27/2017 - 4:08pm", "Publication date: December 5, 2017, 17:20", "22-04-2025".
# Only lines of the page's header are searched (see text.py): in the body a date is an event.
EMBEDDED_PATTERNS = [
    *DATE_PATTERNS,
    # 22-04-2025 (day first, as written outside the US)
    re.compile(r"(?<![\d-])(?P<day>\d{1,2})-(?P<month>\d{1,2})-(?P<year>\d{4})(?![\d-])"),
    # 8/5/92: a two-digit year, month first as in the US
    re.compile(r"(?<![\d/])(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<short_year>\d{2})(?![\d/])"),
]
# A month and a day without the year: "September 15, 13:36 UTC+3", "Feb. 4" in a dateline.
MONTH_DAY_RE = re.compile(
    rf"\b{_MONTH_NAME}\s+(?P<day>\d{{1,2}}){_ORDINAL}\b(?!\s*,?\s*\d{{4}})"
    rf"|(?<!\d)(?P<day2>\d{{1,2}}){_ORDINAL}\s+(?P<month_name2>jan(?:uary)?|feb(?:ruary)?|"
    r"mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?)\b\.?(?!\s*,?\s*\d{4})",
    re.IGNORECASE,
)


def _embedded_date(match: re.Match) -> datetime.date | None:
    parts = match.groupdict()
    if parts.get("short_year"):
        short = int(parts["short_year"])
        year = 1900 + short if short >= 50 else 2000 + short
        month, day = int(parts["first"]), int(parts["second"])
        if month > 12:
            month, day = day, month
        try:
            return datetime.date(year, month, day)
        except ValueError:
            return None
    return _date_from_match(match)


TWO_DIGITS_RE = re.compile(r"\d\d")


def search_date(line: str) -> FoundDate | None:
    """The first full date (with its year) written anywhere in a header line, with the time
    written next to it; None if the line has none."""
    # Every full date has its year: two digits in a row at least (most lines have none).
    if len(line) > 200 or not TWO_DIGITS_RE.search(line):
        return None
    best: tuple[int, re.Match, datetime.date] | None = None
    for pattern in EMBEDDED_PATTERNS:
        for match in pattern.finditer(line):
            date = _embedded_date(match)
            if date and (best is None or match.start() < best[0]):
                best = (match.start(), match, date)
                break
    if best is None:
        return None
    start, match, date = best
    time = None
    if match.groupdict().get("hour"):
        time = datetime.time(int(match["hour"]), int(match["minute"]))
    else:
        time = _time_near(line, match.start(), match.end())
    lowered = line.lower()
    label = "updated" if re.search(r"updated|modified", lowered) else ""
    if re.search(r"published|posted|publication", lowered):
        label = "published"
    ambiguous = bool(match.groupdict().get("first")) and _day_month_ambiguous(match)
    if ambiguous and (written := _written_out_reading(line, date)):
        # "06/05/2025June 5, 2025": the page spells the same date out, which settles it.
        date, ambiguous = written, False
    precision = "minute" if time else "day"
    value = datetime.datetime.combine(date, time or datetime.time())
    return FoundDate(value, precision, label, ambiguous)


# "16 December 2009", "December 16, 2009": dates whose month is a word.
WRITTEN_OUT_PATTERNS = [p for p in DATE_PATTERNS if "month_name" in p.groupindex]
DIGIT_LETTER_GLUE_RE = re.compile(r"(?<=\d)(?=[A-Za-z]{3})")


def _written_out_reading(line: str, date: datetime.date) -> datetime.date | None:
    """The reading of an ambiguous numeric date that the line also writes with a month name."""
    readings = {date, date.replace(month=date.day, day=date.month)}
    line = DIGIT_LETTER_GLUE_RE.sub(" ", line)  # a saved page may glue the two together
    for pattern in WRITTEN_OUT_PATTERNS:
        for match in pattern.finditer(line):
            if (found := _date_from_match(match)) in readings:
                return found
    return None


def _time_near(line: str, start: int, end: int) -> datetime.time | None:
    """A time written just before or after the date ("20:42 JST, July 8", "2018, 17:20")."""
    window = _remove(TIME_ZONE_RE, line[max(0, start - 16) : start] + " " + line[end : end + 24])
    for match in TIME_RE.finditer(window):
        if time := _time_from_match(match):
            return time
    return None


def search_month_day(line: str, year: int) -> FoundDate | None:
    """A month and day written without the year ("September 15, 13:36"), in the given year."""
    if len(line) > 200:
        return None
    match = MONTH_DAY_RE.search(line)
    if not match:
        return None
    name = match["month_name"] or match["month_name2"]
    day = int(match["day"] or match["day2"])
    try:
        date = datetime.date(year, MONTHS[name[:3].lower()], day)
    except ValueError:
        return None
    time = _time_near(line, match.start(), match.end())
    value = datetime.datetime.combine(date, time or datetime.time())
    return FoundDate(value, "minute" if time else "day", "", inferred_year=True)


# "Sun, 18 Jun 2023 15:05:47 +0000": the stamp a feed (RFC 822) or a mail header writes. Its
# weekday, seconds and numeric offset are a machine's, never a sentence's, so it counts even
# inside a long line (a feed saved as text runs its fields together on one line).
MACHINE_STAMP_RE = re.compile(
    rf"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (?P<day>\d{{1,2}}) {_MONTH_NAME} (?P<year>\d{{4}}) "
    r"(?P<hour>\d{2}):(?P<minute>\d{2}):\d{2} (?:[+-]\d{4}|GMT|UT|UTC)\b",
    re.IGNORECASE,
)


def search_machine_stamp(text: str) -> FoundDate | None:
    """The first feed or mail time stamp ("Fri, 24 Oct 2014 18:10:00 +0500") in the text."""
    for match in MACHINE_STAMP_RE.finditer(text):
        hour, minute = int(match["hour"]), int(match["minute"])
        if (date := _date_from_match(match)) and hour < 24 and minute < 60:
            value = datetime.datetime.combine(date, datetime.time(hour, minute))
            return FoundDate(value, "minute", "")
    return None


# "Copyright 2009 Reuters.", "© 2008-2010 RFE/RL": the page's own year (the last of a range).
COPYRIGHT_YEAR_RE = re.compile(
    r"(?:©|\(c\)|\bcopyright\b)\s*(?:\d{4}\s*[-–]\s*)?(?P<year>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)


def page_years(text: str) -> list[int]:
    """The years of the full dates (day, month and year) and of the copyright notices written in
    the text: where a yearless dateline ("PYONGYANG, May 30") may take its year from. A year
    written alone in a sentence ("in 2009") is an event's, not the page's."""
    if not YEAR_RE.search(text):
        return []
    years = [
        date.year
        for pattern in DATE_PATTERNS
        for match in pattern.finditer(text)
        if (date := _date_from_match(match))
    ]
    return years + [int(match["year"]) for match in COPYRIGHT_YEAR_RE.finditer(text)]
