"""What a report says of its occasion's place in time when no date does: whether it calls its
event a repeat ("a second earthquake", "another summit", "the latest quake"), and whether it
looks far ahead to it ("is considering a trip next year").

Undated reports of two occasions of one place and subject (a country's two earthquakes a
fortnight apart, a visit and the invitation a year before) read alike word for word; these marks
are what tells them apart. The reports of an occasion that is a repeat mostly say so (every
report of Nepal's second earthquake in the development set, most of the second Trump-Kim
summit's), and reports of an occasion do not look a month or more ahead to it: "next month" and
"next year" are written in the set only by pages of other occasions. So a report with a mark
that none of a story's reports has tells another occasion (see stories.match_story).

Measured and left out: "two weeks after", "a year ago" (days back from another occasion). Reports
of one occasion tell their own timeline that way too ("trapped two weeks ago", "70 years after
the bomb"), and it moved no page right that the marks here do not.
"""

import re
from functools import lru_cache

AHEAD_MIN_DAYS = 30  # "next week" is a preview's; "next month", "next year" another occasion's

_UNIT_DAYS = {"week": 7, "month": 30, "year": 365}
_AHEAD = re.compile(r"\b(?:next|coming)[- ](week|month|year)\b", re.IGNORECASE)
# "a second earthquake", "another summit", "the latest quake": the event told as a repeat. The
# nouns are kinds of news event, so that "a second term" or "another reason" say nothing.
_REPEAT_WORDS = r"second|2nd|third|3rd|fourth|4th|another|fresh|latest|renewed"
EVENT_KINDS = {
    "earthquake": "earthquake",
    "quake": "earthquake",
    "tremor": "earthquake",
    "temblor": "earthquake",
    "summit": "summit",
    "attack": "attack",
    "bombing": "attack",
    "blast": "attack",
    "explosion": "attack",
    "shooting": "attack",
    "eruption": "eruption",
    "flood": "flood",
    "storm": "storm",
    "hurricane": "storm",
    "typhoon": "storm",
    "cyclone": "storm",
    "crash": "crash",
    "fire": "fire",
    "wildfire": "fire",
    "blaze": "fire",
    "referendum": "vote",
    "election": "vote",
}
# One word may stand between ("a second major earthquake", "another powerful quake").
_REPEAT = re.compile(
    rf"\b(?:{_REPEAT_WORDS})[- ](?:[a-z]+[- ])?({'|'.join(EVENT_KINDS)})s?\b", re.IGNORECASE
)


@lru_cache(maxsize=1 << 12)
def marks(text: str) -> frozenset[str]:
    """The text's marks of its occasion: "repeat:<kind>" for each kind of event it calls a
    repeat, "ahead" when it looks AHEAD_MIN_DAYS or more ahead."""
    found = {"repeat:" + EVENT_KINDS[m.group(1).casefold()] for m in _REPEAT.finditer(text)}
    if any(_UNIT_DAYS[m.group(1).casefold()] >= AHEAD_MIN_DAYS for m in _AHEAD.finditer(text)):
        found.add("ahead")
    return frozenset(found)
