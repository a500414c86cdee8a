"""Match speakers, statements and stories across outlets.

The only package in the project that imports rapidfuzz. Pure text code: it takes strings and plain
dataclasses and returns plain dataclasses; callers load from and save to the database.

- `names`: whether a name refers to a known person (`match_person`).
- `statements`: which of a story's statements each quote of a new article renders
  (`match_statements`), and which rendition is the fullest (`fullest_wording`).
- `differences`: how each rendition's words differ from the fullest (`word_diff`).
- `stories`: which story an article reports on (`match_story`), related stories
  (`related_stories`); `titles`: a story's title (`story_title`); `days`: the days of the week
  a report names, and the date an undated one takes from its story (`date_in_story`);
  `occasions` and `named_dates`: what a report's text says of its occasion's time when no date
  does.
- `words`: what they share: text into words and content words, and the cached analysis
  (`clear_caches()` empties every cache of the package).

The entry points that other modules call are importable from here.
"""

from .days import date_in_story
from .differences import DiffToken, word_diff
from .names import PersonCandidate, match_person
from .statements import (
    GroupAssignment,
    QuoteForMatching,
    StatementGroup,
    fullest_wording,
    match_statements,
)
from .stories import (
    STORY_MATCH_MIN,
    STORY_MAX_GAP_DAYS,
    STORY_MERGE_MIN,
    ArticleForStory,
    RelatedProfile,
    StoryCandidate,
    StoryMatch,
    match_story,
    other_occasion,
    related_by_profile,
    related_profile,
    related_stories,
    same_event,
    search_words,
    story_likeness,
)
from .titles import story_title
from .words import clear_caches

__all__ = [
    "STORY_MATCH_MIN",
    "STORY_MAX_GAP_DAYS",
    "STORY_MERGE_MIN",
    "ArticleForStory",
    "DiffToken",
    "GroupAssignment",
    "PersonCandidate",
    "QuoteForMatching",
    "RelatedProfile",
    "StatementGroup",
    "StoryCandidate",
    "StoryMatch",
    "clear_caches",
    "fullest_wording",
    "match_person",
    "match_statements",
    "match_story",
    "date_in_story",
    "other_occasion",
    "related_by_profile",
    "related_profile",
    "related_stories",
    "same_event",
    "search_words",
    "story_likeness",
    "story_title",
    "word_diff",
]
