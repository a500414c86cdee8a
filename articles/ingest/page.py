"""The page being read: its lines as items, and the article taking shape as the text module
reads them (fields, removed lines, the clues to its outlet, ranked)."""

import datetime
from dataclasses import dataclass, field

from .article import Paragraph, Stripped
from .outlets import (
    Outlet,
    find_outlet,
    outlet_given_by_uploader,
)

# How strongly a clue names the outlet that published the text (lower is stronger). A copyright
# notice names the publisher; a dateline names the agency that wrote the story, which a
# publisher may be reprinting; a byline's "Jane Doe, Reuters" is weaker still.
RANK_SITE_NAME = 0
RANK_PAGE_URL = 1
RANK_COPYRIGHT = 2
RANK_DATELINE = 3
RANK_DOMAIN = 4
RANK_BYLINE = 5
# An outlet the story names as the one reporting it ("told Example News"): the weakest.
RANK_SELF_REFERENCE = 6
# An outlet named by the shape of a line but not among the known ones ranks after a known one
# named the same way.
UNKNOWN = 0.5

# Lines that sit between a standfirst and the body, and seldom between two paragraphs.
HEADER_REASONS = {"byline", "date line", "reading time", "image credit", "source line"}


@dataclass
class Item:
    text: str
    line: int  # line number, to keep removals in document order
    block: int  # paragraphs separated by blank lines have different blocks


@dataclass
class OutletClue:
    rank: float
    line: int
    outlet: Outlet
    evidence: str


@dataclass
class TextArticle:
    title: str = ""
    standfirst: str = ""
    byline: str = ""
    credits: list[str] = field(default_factory=list)
    dateline: str = ""
    published: datetime.datetime | None = None
    precision: str = "unknown"
    published_ambiguous: bool = False  # numeric day/month that could be read either way
    published_inferred: bool = False  # the year was not written with the date
    dateline_text: str = ""  # "BEIJING, Feb. 4 (Xinhua) --" as written
    header_end: int = 0  # the line where the body under the headline starts
    title_line: int = -1  # the headline's line, -1 when it was not read from a line
    paragraphs: list[Paragraph] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    removed: list[tuple[int, Stripped]] = field(default_factory=list)  # (line, what)
    kept_lines: set[int] = field(default_factory=set)
    clues: list[OutletClue] = field(default_factory=list)

    @property
    def stripped(self) -> list[Stripped]:
        return merge_adjacent(self.removed, self.kept_lines)

    def add_clue(self, rank: int, line: int, outlet: Outlet | None, evidence: str) -> None:
        if outlet:
            self.clues.append(OutletClue(rank, line, outlet, evidence))

    def add_named_clue(self, rank: int, line: int, name: str) -> None:
        """A clue from an outlet's name as the page writes it: a known outlet's at this rank,
        one not known (by that name) weaker."""
        if known := find_outlet(name):
            self.add_clue(rank, line, known, name)
        else:
            self.add_clue(rank + UNKNOWN, line, outlet_given_by_uploader(name), name)

    def best_clue(self) -> OutletClue | None:
        return min(self.clues, key=lambda clue: (clue.rank, clue.line), default=None)


def merge_adjacent(removed: list[tuple[int, Stripped]], kept_lines: set[int]) -> list[Stripped]:
    """One entry per run of lines removed for the same reason (a list of 14 breakpoints is one)."""
    merged: list[tuple[int, Stripped]] = []
    for line, entry in sorted(removed, key=lambda pair: pair[0]):
        if (
            merged
            and merged[-1][1].reason == entry.reason
            and line - merged[-1][0] <= 2
            and not any(merged[-1][0] < kept < line for kept in kept_lines)
        ):
            previous = merged[-1][1]
            merged[-1] = (line, Stripped(entry.reason, previous.text + "\n" + entry.text))
        else:
            merged.append((line, Stripped(entry.reason, entry.text)))
    return [entry for _, entry in merged]


def known_or_not(rank: int, words: str) -> float:
    """The rank of a clue: as given when its words name a known outlet, weaker when not."""
    return rank if find_outlet(words) else rank + UNKNOWN
