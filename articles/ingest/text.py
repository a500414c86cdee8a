"""Plain-text articles: from the text of a saved page to headline, metadata and clean body.

The steps, in order:
1. split into lines, tidy whitespace;
2. walk the lines once, removing chrome and metadata lines (recorded in `stripped`);
3. re-join hard-wrapped lines into paragraphs (only when the file is hard-wrapped);
4. read the header: section label, headline, bylines, standfirst;
5. read the body: captions out, subheadings marked, dateline and trailing credits split off.
"""

import datetime
import re
from dataclasses import dataclass, field

from . import chrome
from .article import Paragraph, Stripped
from .dates import (
    FoundDate,
    is_relative_date_line,
    parse_date_line,
    search_date,
    search_month_day,
    years_in,
)
from .errors import IngestError
from .fields import (
    caption_text,
    credits_in_line,
    named_source,
    parse_byline,
    parse_correspondent_byline,
    parse_dateline,
    parse_outlet_byline,
    parse_signature_byline,
    person_names,
    split_trailing_credits,
)
from .headline import (
    COUNTER_RE,
    capitalised_share,
    choose_headline,
    interface_share,
    without_stamp,
)
from .headline import MAX_POSITION as MAX_HEADLINE_POSITION
from .outlets import (
    Outlet,
    find_outlet,
    outlet_from_domains,
    outlet_given_by_uploader,
    outlet_named_in,
    site_address_named,
)
from .shapes import (
    ends_sentence,
    ends_statement,
    is_body_like,
    is_upper_words,
    same_text,
    sentence_count,
    word_count,
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
# An outlet named by the shape of a line but not among the known ones ranks after a known one
# named the same way.
UNKNOWN = 0.5

# Lines that sit between a standfirst and the body, and seldom between two paragraphs.
HEADER_REASONS = {"byline", "date line", "reading time", "image credit", "source line"}
# A regex rather than str.translate, which looks every character up in a dict (slower by
# far on text that has none of them, which is nearly all).
ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
COPYRIGHT_HOLDER_RE = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?P<name>[A-Z][\w.&'’ -]{1,60}?)\s*(?:[.,|]|\ball rights\b|$)",
    re.IGNORECASE,
)
DATE_LABEL_RE = re.compile(
    r"\b(?:published|posted|publication date|date published|updated|last updated|date)\b"
    r"(?:\s+(?:on|at|time))?\s*:?",
    re.IGNORECASE,
)
OUTLET_LEAD_RE = re.compile(r"^(?P<name>[A-Za-z][\w.&' ]{1,38}?)\s*(?:--|[—–]|\s-)\s*(?=[A-Z\"“])")
BRACKETED_LINE_RE = re.compile(r"^[(\[][^()\[\]]{2,80}[)\]]\.?$")
OUTLET_IN_BRACKETS_RE = re.compile(r"^\(\s*(?P<name>[^()]{2,40}?)\s*\)$")
# A news lede reports ("said on Wednesday"); a standfirst summarises ("Alliance chief says ...").
NEWS_LEDE_RE = re.compile(
    r"\b(?:said|told|announced|(?:on|last|late|early) (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
)
TITLE_PREFIX_RE = re.compile(
    r"^(?P<site>[^|–—:]{2,40}?)\s*(?:\s\||\s-|\s–|\s—|::|:)\s+(?:[^|]{2,40}\s\|\s+)?(?P<title>.{8,})$"
)
PIPE_SUFFIX_RE = re.compile(
    r"^(?P<title>(?:\S+\s+){3,}?\S+?)(?:\s+\|\s+[^|]{2,40}?(?:\s[^|\s]+){0,3}?)+$"
)
LANGUAGE_LINKS_RE = re.compile(r"(?:\s*\[[a-z]{2}\])+$")
# "By Xinhua writers Sun Jinxia and Wu Qi", "By Indonesia bureau chief Jane Doe": a byline
# that names more than people is still no headline.
BYLINE_START_RE = re.compile(r"^By:?\s+(?:[A-Z]|our\b)(?!.*:)(?:\S+\s+){0,10}\S+$")
LEADING_DATE_RE = re.compile(
    r"^date:?\s+\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?\s+(?=\S)", re.I
)
NAME_LIST_RE = re.compile(r",|\sand\s|&")
SITE_SUFFIX_RE = re.compile(r"\s(?:\||-|–|—|::)\s+((?:(?!\s(?:\||-|–|—|::)\s).){2,40})$")
TITLE_SUFFIX_RE = re.compile(r"^(?P<title>.{8,}?)\s+(?:\||-|–|—|::)\s+(?P<site>[^|–—]{2,40})$")
# An article is some hundreds of lines; ten thousand is many articles or a whole site saved as
# one file. The line rules cost some 50 µs a line, so this also bounds the time a file takes.
MAX_LINES = 10_000


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


def tidy_lines(text: str) -> list[str]:
    """Lines with any line ending, no-break and odd spaces as spaces, runs of spaces collapsed."""
    # str.split() treats NBSP, thin spaces and tabs as whitespace, so this also normalises them.
    lines = [" ".join(line.split()) for line in ZERO_WIDTH_RE.sub("", text).splitlines()]
    # "date 2018-06-12 © 2023 Aspen Public Radio": a saved page's time stamp written before
    # its first line is a line of its own (the page's date), not part of that line.
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is not None and (stamp := LEADING_DATE_RE.match(lines[first])):
        lines[first : first + 1] = [stamp.group().strip(), lines[first][stamp.end() :]]
    return lines


def items_from_lines(lines: list[str]) -> list[Item]:
    items, block = [], 0
    for number, line in enumerate(lines):
        if line:
            items.append(Item(line, number, block))
        else:
            block += 1
    return items


def parse_text(
    text: str,
    *,
    known_title: str = "",
    known_standfirst: str = "",
    known_headings: frozenset[str] = frozenset(),
    known_captions: frozenset[str] = frozenset(),
    may_be_wrapped: bool = True,
) -> TextArticle:
    """Read an article from plain text (or from the text blocks of an HTML page)."""
    article = TextArticle()
    items = items_from_lines(tidy_lines(text))
    if len(items) > MAX_LINES:
        raise IngestError(
            f"This file has {len(items):,} lines of text; one article has at most "
            f"{MAX_LINES:,}. It looks like many articles, or a whole site, saved as one file: "
            "upload the articles one by one."
        )
    dates: list[tuple[int, FoundDate]] = []
    kept = _remove_chrome(items, article, dates)
    if may_be_wrapped:
        kept = _join_wrapped_lines(kept)
    body = _read_header(kept, article, known_title, known_standfirst)
    _read_body(body, article, known_headings, known_captions)
    _repeated_site_name(article, items[:20])
    _author_note(article, items)
    first_body_line = body[0].line if body else (items[-1].line + 1 if items else 0)
    # Short lines the header did not take ("Press Statement", a name, a place) may stand
    # between the headline and the prose; the header's date lines are above the prose.
    prose_line = next((item.line for item in body[:8] if is_body_like(item.text)), first_body_line)
    _choose_date(article, dates, max(first_body_line, prose_line), items)
    if article.published is None and (date := search_date(article.dateline_text)):
        # "NAIROBI, 30 May 2018, (PSCU)—": the dateline gives the day in full.
        article.published, article.precision = date.value, date.precision
    if article.published is None:
        # The header ends where the body under the headline starts (prose kept from above
        # the headline is not where it ends).
        header_end = max(first_body_line, article.header_end)
        _search_header_date(article, items, header_end, text)
    return article


def _remove_chrome(
    items: list[Item], article: TextArticle, dates: list[tuple[int, FoundDate]]
) -> list[Item]:
    """Walk the lines once; return those that may be article text, record the rest."""
    kept: list[Item] = []
    body_seen = False
    index = 0
    # Promos cut short with an ellipsis come several to a page.
    teasers = sum(chrome.is_teaser(item.text) for item in items[:2000]) >= 2
    while index < len(items):
        item = items[index]
        text = item.text

        def remove(reason: str, item: Item = item) -> None:
            article.removed.append((item.line, Stripped(reason, item.text)))

        tail_reason = chrome.tail_marker_reason(text)
        if tail_reason == "comments section" and not body_seen:
            tail_reason = None  # "Comment" above a headline is the opinion section's label
        if tail_reason and body_seen:
            _remove_tail(items[index:], tail_reason, article)
            break
        if tail_reason or chrome.is_link_list_header(text):
            if not body_seen and _heading_repeats(items[index + 1 : index + 5]):
                # "Latest News" above a page that prints its headline twice (the page's title
                # and its heading): a label over the article, not a list of links.
                remove("section label")
                index += 1
                continue
            index = _remove_link_list(items, index, tail_reason or "link list", article)
            continue
        index += 1
        if chrome.is_inline_link(text):
            remove("link list")
            continue
        # "This article is republished from The Conversation under a Creative Commons
        # license. Read the original article here. Nigerians go to ...": the notice goes, it
        # names the outlet, and the text saved on its line stays.
        if (notice := REPUBLISHED_LEAD_RE.match(text)) and notice.end() < len(text):
            name = notice["name"]
            outlet = find_outlet(name) or outlet_given_by_uploader(name)
            article.add_clue(_known_or_not(RANK_COPYRIGHT, name), item.line, outlet, name)
            article.removed.append((item.line, Stripped("republication notice", notice.group())))
            item = Item(text[notice.end() :], item.line, item.block)
            text = item.text
        if teasers and chrome.is_teaser(text):
            remove("teaser")
            continue

        if reason := chrome.chrome_reason(text):
            remove(reason)
            _clues_from_chrome(article, item, reason)
            continue
        # "Views : 594" in the header: a counter (in the body, "Total votes: 2,692" is data).
        if not body_seen and COUNTER_RE.match(text):
            remove("share counter")
            continue
        if chrome.is_breakpoint_name(text) and _next_is_breakpoint(items, index - 1):
            remove("css breakpoints")
            continue
        if found := parse_date_line(text):
            dates.append((item.line, found))
            remove("date line")
            continue
        # "December 15, 2017, Novo-Ogaryovo, Moscow Region": the date, then where.
        if (
            len(text) <= 100
            and (match := DATE_PLACE_RE.match(text))
            and (found := search_date(match["date"]))
        ):
            dates.append((item.line, found))
            if not article.dateline and not person_names(match["place"]):
                article.dateline = match["place"].upper()
            remove("date line")
            continue
        if is_relative_date_line(text):
            remove("date line")
            continue
        if credits := credits_in_line(text):
            article.credits.append(credits)
            remove("credits")
            continue
        # "(Xinhua)" or "Reuters" on a line of its own names the source.
        bracketed = OUTLET_IN_BRACKETS_RE.match(text)
        if outlet := find_outlet(bracketed["name"] if bracketed else text):
            article.add_clue(RANK_DATELINE, item.line, outlet, text)
            remove("source line")
            continue
        # Any other short bracketed line is a photo's credit: "(Mark Wilson / Getty Images)",
        # "[Photo/Asianewsphoto]", "(Korea Summit Press Pool)".
        if BRACKETED_LINE_RE.match(text) and word_count(text) <= 8:
            remove("image credit")
            continue
        # "Read more", "Photo Gallery", "Post a Comment": a few words of the site's interface.
        if word_count(text) <= 4 and interface_share(text) == 1.0:
            remove("navigation")
            continue
        # "News.Az" alone on a line: the site's name, written as its address.
        found = site_address_named(text) if " " not in text and len(text) <= 40 else None
        if found and found[1] == text.strip(" .|-–—"):
            article.add_clue(_known_or_not(RANK_DOMAIN, found[1]), item.line, *found)
            remove("site name")
            continue
        # "- Global Voices - https://globalvoices.org -": a short line atop the page that
        # gives a known outlet's address is its site name.
        if index <= 6 and word_count(text) <= 12 and (found := outlet_from_domains(text)):
            article.add_clue(RANK_DOMAIN, item.line, found[0], found[1])
        # "2011-01-14 21:24:51 (Beijing Time) China Daily", "2017-10-29 08:30 CRIENGLISH.com
        # Web Editor: X": a header line giving the date and whose page it is.
        elif (
            index <= 12
            and len(text) <= 120
            and not body_seen
            and search_date(text)
            and (found := _outlet_beside_date(text) or site_address_named(text))
        ):
            article.add_clue(_known_or_not(RANK_DOMAIN, found[1]), item.line, *found)
        kept.append(item)
        article.kept_lines.add(item.line)
        body_seen = body_seen or is_body_like(text)
    return kept


# What separates the parts of a header's date line: brackets, pipes, wide gaps, the date and
# time themselves ("2011-01-14 21:24:51(Beijing Time) China Daily", "IOL22-04-2025").
DATE_LINE_PARTS_RE = re.compile(r"[|()\[\]•]|\s{2,}|\s[-–—]\s|\d[\d:./-]*\d|\b\d\b")


_DATE_WORDS = """jan feb mar apr may jun jul aug sep sept oct nov dec january february march
april june july august september october november december mon tue wed thu fri sat sun monday
tuesday wednesday thursday friday saturday sunday am pm a.m. p.m. gmt utc est edt bst cet ist
jst bjt updated update published posted last date time on at by of the"""
DATE_WORDS = frozenset(_DATE_WORDS.split())


def _outlet_beside_date(text: str) -> tuple[Outlet, str] | None:
    """A known outlet named as one part of a header's date line (a table look-up a part)."""
    parts = [part.strip(" ,:") for part in DATE_LINE_PARTS_RE.split(text)]
    for part in parts:
        words = part.split()[:5]
        # The part, or its first words: "IOL News", "Xinhua Web Editor: X".
        for size in range(len(words), 0, -1):
            if outlet := find_outlet(name := " ".join(words[:size])):
                return outlet, name
    # A name inside a part ("News from the White House - Thu, 07/27/2017"): the slower
    # search, only where more than a label ("Updated:", a weekday) stands beside the date.
    words = [w for part in parts for w in part.casefold().split() if w not in DATE_WORDS]
    if len(words) >= 2:
        return outlet_named_in(text)
    return None


# "Jacob Magid is the settlements correspondent for The Times of Israel.": an author's note,
# on top or at the foot, that names the outlet the author writes for.
AUTHOR_NOTE_RE = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s+is\s+(?:a|an|the)\s+"
    r"(?:[\w'’-]+\s+){0,5}?(?:correspondent|reporter|writer|editor|columnist|journalist)\s+"
    r"(?:for|at|with)\s+(?P<outlet>[A-Z][^.,;:]{1,50}?)\.?$"
)


def _author_note(article: TextArticle, items: list[Item]) -> None:
    """An outlet named in an author's note, as weak a clue as a byline's."""
    for item in items:
        if " is " in item.text and len(item.text) <= 200:
            match = AUTHOR_NOTE_RE.match(item.text)
            if match and person_names(match["name"]) and (outlet := find_outlet(match["outlet"])):
                article.add_clue(RANK_BYLINE, item.line, outlet, match["outlet"])
                return


def _repeated_site_name(article: TextArticle, top: list[Item]) -> None:
    """'Business Standard', 'Pakistan Ministry of Foreign Affairs': a short name in title case
    printed twice atop the page (the site's banner and its logo's text), not the headline."""
    seen: dict[str, Item] = {}
    for item in top:
        text = item.text.strip(" |-–—")
        key = text.casefold()
        if key in seen:
            words = word_count(text)
            if (
                2 <= words <= 6
                and seen[key].line < article.title_line  # the first above the headline
                and "," not in text  # "Jane Doe, Department Spokesperson" under each item
                and not ends_sentence(text)
                and not any(char.isdigit() for char in text)
                and capitalised_share(text) >= 0.6
                and interface_share(text) < 0.75  # "Business Standard", not "Latest News"
                and not same_text(text, article.title)
            ):
                outlet = find_outlet(text) or outlet_given_by_uploader(text)
                article.add_clue(_known_or_not(RANK_DOMAIN, text), item.line, outlet, text)
                return
        seen.setdefault(key, item)


def _known_or_not(rank: int, words: str) -> float:
    """The rank of a clue: as given when its words name a known outlet, weaker when not."""
    return rank if find_outlet(words) else rank + UNKNOWN


def _remove_tail(tail: list[Item], reason: str, article: TextArticle) -> None:
    """Everything from a promo or comments header on is not the article."""
    block = "\n".join(item.text for item in tail)
    article.removed.append((tail[0].line, Stripped(reason, block)))
    # The page footer's copyright notice may still say whose page it was.
    for item in tail[1:]:
        _clues_from_chrome(article, item, chrome.chrome_reason(item.text) or "")


def _remove_link_list(items: list[Item], start: int, reason: str, article: TextArticle) -> int:
    """Remove a 'Related' header and the short link-like lines under it; return where they end."""
    end = start + 1
    while (
        end < len(items)
        and end - start <= 12
        and chrome.is_link_like(items[end].text)
        and not chrome.chrome_reason(items[end].text)
    ):
        end += 1
    block = "\n".join(item.text for item in items[start:end])
    article.removed.append((items[start].line, Stripped(reason, block)))
    return end


def _heading_repeats(items: list[Item]) -> bool:
    """Whether a headline-sized line among these comes back among them."""
    texts = [item.text for item in items if 3 <= word_count(item.text) <= 30]
    return any(same_text(text, other) for i, text in enumerate(texts) for other in texts[i + 1 :])


def _next_is_breakpoint(items: list[Item], index: int) -> bool:
    neighbours = items[max(index - 1, 0) : index] + items[index + 1 : index + 2]
    return any(chrome.is_breakpoint_name(other.text) for other in neighbours)


def _clues_from_chrome(article: TextArticle, item: Item, reason: str) -> None:
    # "Source: The Daily Courier" on a repost, "... appeared first on Example News." under a
    # feed's item: the page names the outlet whose text it is, known or not.
    if reason in {"source line", "feed footer"} and (name := named_source(item.text)):
        if known := find_outlet(name) or outlet_named_in(name):
            known = known if isinstance(known, Outlet) else known[0]
            article.add_clue(RANK_COPYRIGHT, item.line, known, item.text)
        else:
            outlet = outlet_given_by_uploader(name)
            article.add_clue(RANK_COPYRIGHT + UNKNOWN, item.line, outlet, name)
        return
    if reason == "republication notice" and (match := REPUBLISHED_LEAD_RE.match(item.text)):
        name = match["name"]
        outlet = find_outlet(name) or outlet_given_by_uploader(name)
        article.add_clue(_known_or_not(RANK_COPYRIGHT, name), item.line, outlet, name)
        return
    if reason == "subscription appeal" and (match := chrome.SUBSCRIBE_RE.match(item.text)):
        name = match["site"]
        outlet = find_outlet(name) or outlet_given_by_uploader(name)
        article.add_clue(_known_or_not(RANK_COPYRIGHT, name), item.line, outlet, name)
        return
    # A site asks for money in its own name: "Donate today to keep Global Voices strong!"
    if reason in {"copyright notice", "donation appeal"} and (named := outlet_named_in(item.text)):
        article.add_clue(RANK_COPYRIGHT, item.line, named[0], item.text)
    elif reason == "copyright notice" and (found := outlet_from_domains(item.text)):
        article.add_clue(RANK_COPYRIGHT, item.line, found[0], item.text)
    elif reason in {"url line", "source line", "breadcrumb", "newsletter header"} and (
        found := outlet_from_domains(item.text)
    ):
        article.add_clue(RANK_DOMAIN, item.line, found[0], found[1])
    elif reason == "copyright notice" and (name := copyright_holder(item.text)):
        # An outlet we do not know, named by its own copyright line: weaker than a known one.
        article.add_clue(RANK_COPYRIGHT + UNKNOWN, item.line, outlet_given_by_uploader(name), name)


def copyright_holder(line: str) -> str:
    """The name a copyright line gives ('© 2018 The Iran Project. All rights reserved.')."""
    match = COPYRIGHT_HOLDER_RE.search(line)
    if not match:
        return ""
    name = re.sub(r"\s+\d{4}$", "", match["name"]).strip(" .,-–—|")
    words = name.split()
    if not 1 <= len(words) <= 6 or not name[:1].isupper() or person_names(name):
        return ""
    return name


def _join_wrapped_lines(items: list[Item]) -> list[Item]:
    """Re-join lines of a hard-wrapped file (an e-mail, a newsletter) into paragraphs."""
    long_lines = sorted(len(item.text) for item in items if len(item.text) >= 30)
    if len(long_lines) < 5:
        return _join_continuations(items)
    width = long_lines[int(0.9 * (len(long_lines) - 1))]
    unfinished = sum(not ends_sentence(item.text) for item in items if len(item.text) >= 30)
    # No line of wrapped text runs far past the width: a paragraph on one long line says the
    # short lines around it are separate lines (metadata), not a wrapped paragraph.
    unwrapped = long_lines[-1] >= 2 * width
    if width > 100 or unfinished / len(long_lines) < 0.4 or unwrapped:
        return _join_continuations(items)  # one paragraph per line, but for stray wraps
    joined: list[Item] = []
    last_length = 0
    for item in items:
        previous = joined[-1] if joined else None
        # A line ending well short of the wrap width ended its paragraph.
        if previous and previous.block == item.block and last_length >= 0.6 * width:
            glue = "" if previous.text.endswith("-") and item.text[:1].islower() else " "
            previous.text = previous.text + glue + item.text
        else:
            joined.append(Item(item.text, item.line, item.block))
        last_length = len(item.text)
    return joined


def _join_continuations(items: list[Item]) -> list[Item]:
    """Join a line to the one above it, in the same block, when it plainly continues it: the
    line above ends mid-sentence and this one starts in lower case (a stray hard wrap)."""
    joined: list[Item] = []
    for item in items:
        previous = joined[-1] if joined else None
        if (
            previous
            and previous.block == item.block
            and item.text[:1].islower()
            and not ends_sentence(previous.text)
            and len(previous.text) >= 30
        ):
            previous.text = previous.text + " " + item.text
        else:
            joined.append(Item(item.text, item.line, item.block))
    return joined


def _is_headline_like(text: str) -> bool:
    if len(text) > 250 or word_count(text) > 30 or sentence_count(text) > 1:
        return False
    if ends_statement(text) and not (text.endswith(".") and word_count(text) <= 10):
        return False
    return not caption_text(text) and not parse_dateline(text)


def _is_section_label(text: str, following: str) -> bool:
    """'Global General', 'WORLD NEWS': a short label above a longer headline."""
    short = (word_count(text) <= 3 and len(text) <= 30) or (
        is_upper_words(text) and word_count(text) <= 5
    )
    return (
        short
        and not ends_sentence(text)
        and _is_headline_like(following)
        and word_count(following) > word_count(text)
    )


def _take_byline(item: Item, article: TextArticle, *, after_title: bool) -> bool:
    byline = parse_byline(item.text) or parse_signature_byline(item.text)
    if byline is None and after_title:
        byline = parse_correspondent_byline(item.text)
    if byline is None:
        outlet, words = parse_outlet_byline(item.text)
        if outlet is None:
            return False
        article.add_clue(_known_or_not(RANK_BYLINE, words), item.line, outlet, words)
        article.removed.append((item.line, Stripped("byline", item.text)))
        return True
    if not article.byline:
        article.byline = byline.names
    article.add_clue(RANK_BYLINE, item.line, byline.outlet, byline.outlet_text)
    article.removed.append((item.line, Stripped("byline", item.text)))
    return True


# Where a site's logo text runs into its motto or a stamp with no space: "The Washington
# PostDemocracy Dies in Darkness", "News24News24 on 2024-01-16".
GLUED_WORDS_RE = re.compile(r"(?<=[a-z\d])(?=[A-Z][a-z])")


def _glued_outlet_name(text: str) -> Outlet | None:
    """The known outlet whose name opens the line, glued to what follows it."""
    if len(text) > 120:
        return None
    for glue in list(GLUED_WORDS_RE.finditer(text[:60]))[:3]:
        if outlet := find_outlet(text[: glue.start()]):
            return outlet
    return None


def _take_outlet_name_line(item: Item, article: TextArticle) -> bool:
    """A line that is only an outlet's name ('BBC News', 'Reuters') near the headline, or
    one that opens with it and its motto glued on (the logo and the tagline)."""
    outlet = (
        find_outlet(item.text)
        or find_outlet(re.sub(r",\s*[A-Z][\w ]{1,30}$", "", item.text))
        or _glued_outlet_name(item.text)
    )
    if outlet is None:
        return False
    article.add_clue(RANK_DATELINE, item.line, outlet, item.text)
    article.removed.append((item.line, Stripped("source line", item.text)))
    return True


def split_site_name(title: str, site_name: str = "") -> tuple[str, str]:
    """'Talks end | Reuters' -> ('Talks end', 'Reuters') when the suffix names the site; the
    same for a prefix ('News24 | Talks end', 'Xinhua: Talks end')."""
    match = TITLE_SUFFIX_RE.match(title)
    if match and (find_outlet(match["site"]) or same_text(match["site"], site_name)):
        return match["title"], match["site"]
    match = TITLE_PREFIX_RE.match(title)
    if match and (find_outlet(match["site"]) or same_text(match["site"], site_name)):
        return match["title"], match["site"]
    # "Egypt Blog - Live Blogs - Al Jazeera English": the site last of several parts.
    match = SITE_SUFFIX_RE.search(title)
    if match and match.start() >= 8 and find_outlet(match[1]):
        return title[: match.start()].rstrip(), match[1]
    return title, ""


def _set_title(article: TextArticle, item: Item) -> None:
    text = LANGUAGE_LINKS_RE.sub("", item.text)
    article.title_line = item.line
    article.title, site = split_site_name(text)
    if match := PIPE_SUFFIX_RE.match(article.title):
        # "Headline | Environment", "Headline | 60 Minutes": a section or site named after a
        # pipe, which headlines themselves do not use (also left of a site's name).
        article.title = match["title"]
    if site:
        article.add_clue(RANK_DATELINE, item.line, find_outlet(site), site)


def _read_header(
    items: list[Item], article: TextArticle, known_title: str, known_standfirst: str
) -> list[Item]:
    """Take section labels, headline, bylines and standfirst off the top; return the body."""
    index = 0
    lead: list[Item] = []  # prose that stood above the headline
    # Before the headline.
    while index < len(items) and index < 10:
        item = items[index]
        if _take_byline(item, article, after_title=False) or _take_outlet_name_line(item, article):
            index += 1
            continue
        if known_title:
            if same_text(item.text, known_title):
                index += 1
            elif _is_headline_like(item.text) and any(
                same_text(later.text, known_title) for later in items[index + 1 : index + 4]
            ):
                article.removed.append((item.line, Stripped("section label", item.text)))
                index += 1
                continue
            article.title = known_title
            break
        index, lead = _take_headline(items, index, article)
        break
    # After the headline: bylines, outlet names, a repeated headline, the standfirst.
    while index < len(items):
        item = items[index]
        if article.title and same_text(item.text, article.title):
            article.removed.append((item.line, Stripped("duplicate title", item.text)))
        elif not (
            _take_byline(item, article, after_title=True) or _take_outlet_name_line(item, article)
        ):
            if article.standfirst or not _is_standfirst(items, index, article, known_standfirst):
                break
            article.standfirst = item.text
        index += 1
    if index < len(items):
        article.header_end = items[index].line
    return lead + items[index:]


def _is_other_field(text: str) -> bool:
    """A line that is an outlet's name, a byline, a caption or a dateline: not a headline."""
    return bool(
        find_outlet(text)
        # One name on a short line, or a list of names: "Chinese New Premier Meets Press" is a
        # headline in title case, "John Vidal, Suzanne Goldenberg and Lenore Taylor" a byline.
        or ((word_count(text) <= 3 or NAME_LIST_RE.search(text)) and person_names(text))
        or BYLINE_START_RE.match(text)
        or parse_byline(text)
        or parse_signature_byline(text)
        or parse_correspondent_byline(text)
        or parse_outlet_byline(text)[0]
        or caption_text(text)
        or parse_dateline(text)
    )


def _take_headline(items: list[Item], start: int, article: TextArticle) -> tuple[int, list[Item]]:
    """Choose the headline among the first lines (see headline.py); return where the header
    goes on, and the prose lines that stood above the headline (kept as the article's start)."""
    candidates = items[start : start + MAX_HEADLINE_POSITION + 4]

    def header_follows(position: int) -> bool:
        if position >= len(candidates):
            return False
        item = candidates[position]
        following = candidates[position + 1] if position + 1 < len(candidates) else None
        if following is None:
            return False
        between = {
            stripped.reason
            for line, stripped in article.removed
            if item.line < line < following.line
        }
        return bool(
            between & HEADER_REASONS
            or parse_dateline(following.text)
            or parse_byline(following.text)
            or parse_signature_byline(following.text)
        )

    chosen = choose_headline(
        [item.text for item in candidates],
        header_follows=header_follows,
        is_other_field=_is_other_field,
    )
    if chosen is None:
        # No headline: what stands above the first paragraph of prose (menus, labels, a
        # caption's credit) is still not the article; a byline or an outlet's name there is
        # read as such.
        prose = next((i for i in range(start, len(items)) if is_body_like(items[i].text)), None)
        while prose is not None and start < prose:
            item = items[start]
            if not (
                _take_byline(item, article, after_title=False)
                or _take_outlet_name_line(item, article)
            ):
                article.removed.append((item.line, Stripped("page header", item.text)))
            start += 1
        return start, []
    lead = []
    for item in candidates[: chosen.index]:
        if _take_byline(item, article, after_title=False) or _take_outlet_name_line(item, article):
            continue
        headline = candidates[chosen.index].text
        if is_body_like(item.text):
            lead.append(item)
        elif _is_section_label(item.text, headline):
            article.removed.append((item.line, Stripped("section label", item.text)))
        else:
            article.removed.append((item.line, Stripped("page header", item.text)))
            # The page's title above its heading: "Egypt Blog - Live Blogs - Al Jazeera".
            if (suffix := SITE_SUFFIX_RE.search(item.text)) and (site := find_outlet(suffix[1])):
                article.add_clue(RANK_DATELINE, item.line, site, suffix[1])
    headline = candidates[chosen.index]
    _set_title(article, Item(without_stamp(headline.text), headline.line, headline.block))
    return start + chosen.index + 1, lead


def _is_standfirst(items: list[Item], index: int, article: TextArticle, known: str) -> bool:
    item = items[index]
    text = item.text
    if known:
        return same_text(text, known)
    if not 5 <= word_count(text) <= 40 or sentence_count(text) > 2:
        return False
    if caption_text(text) or parse_dateline(text) or index + 1 >= len(items):
        return False
    following = items[index + 1]
    removed_between = {
        stripped.reason for line, stripped in article.removed if item.line < line < following.line
    }
    return bool(
        (caption_text(following.text) and not NEWS_LEDE_RE.search(text))
        or parse_dateline(following.text)
        or parse_byline(following.text)
        or parse_signature_byline(following.text)
        or parse_correspondent_byline(following.text)
        or removed_between & HEADER_REASONS
        # A deck without a full stop right under the headline, then prose.
        or (not ends_sentence(text) and word_count(text) >= 6 and is_body_like(following.text))
    )


def _is_subheading(text: str, following: str | None) -> bool:
    if following is None or word_count(text) > 12 or len(text) > 100 or ends_sentence(text):
        return False
    if not re.match(r"^[\"'“‘(]?[A-Z0-9]", text):
        return False
    return ends_sentence(following) and not caption_text(following)


# A byline line at the article's foot starts as one on top does ("By ", "BY ", "Published:
# by "): a line that is only names is not read there ("Jane Doe, Reuters" may be a photo's
# credit).
BYLINE_FOOT_RE = re.compile(r"^(?-i:By|BY)\s|^(?:Posted|Published|Written|Filed)\s*:?\s*by\b", re.I)


def _read_body(
    items: list[Item],
    article: TextArticle,
    known_headings: frozenset[str],
    known_captions: frozenset[str],
) -> None:
    for position, item in enumerate(items):
        text = item.text
        following = items[position + 1].text if position + 1 < len(items) else None
        if BYLINE_FOOT_RE.match(text) and _take_byline(item, article, after_title=False):
            # "By Fredrick Obura, The Standard" under the last paragraph, "By Ben McKay" under
            # a photo: a byline the header did not reach is still a byline, not body text, and
            # names the outlet as one on top would.
            continue
        if any(same_text(text, caption) for caption in known_captions):
            article.captions.append(text)
        elif caption := caption_text(text):
            article.captions.append(caption)
        elif any(same_text(text, heading) for heading in known_headings) or _is_subheading(
            text, following
        ):
            article.paragraphs.append(Paragraph("subheading", text))
        else:
            article.paragraphs.append(Paragraph("text", text))
    _split_dateline(article)
    for paragraph in article.paragraphs:
        if paragraph.kind == "text":
            paragraph.text, credits = split_trailing_credits(paragraph.text)
            if credits:
                article.credits.append(credits)
    article.paragraphs = _without_repeats([p for p in article.paragraphs if p.text], article)
    # A "subheading" with no text after it is a stray line, not a heading.
    if article.paragraphs and article.paragraphs[-1].kind == "subheading":
        article.paragraphs[-1].kind = "text"


def _after_labels(article: TextArticle) -> Paragraph | None:
    """'Russian Politics & Diplomacy' between the headline and 'MOSCOW, September 15. /TASS/.':
    a label or two of a few words, then the paragraph with the dateline. The labels go."""
    labels = []
    for paragraph in article.paragraphs[:3]:
        if parse_dateline(paragraph.text):
            for label in labels:
                article.paragraphs.remove(label)
                article.removed.append((-1, Stripped("section label", label.text)))
            return paragraph
        if word_count(paragraph.text) > 6 or ends_sentence(paragraph.text):
            return None
        labels.append(paragraph)
    return None


def _without_repeats(paragraphs: list[Paragraph], article: TextArticle) -> list[Paragraph]:
    """A page that prints its body twice (a scraped copy, a teaser repeating the lede) keeps
    each paragraph of prose once: its quotes must not count twice."""
    seen: set[str] = set()
    kept = []
    for paragraph in paragraphs:
        key = " ".join(re.sub(r"[^\w\s]", "", paragraph.text.casefold()).split())
        if article.title and same_text(paragraph.text, article.title):
            article.removed.append((-1, Stripped("duplicate title", paragraph.text)))
            continue
        if paragraph.kind == "text" and word_count(paragraph.text) >= 8 and key in seen:
            article.removed.append((-1, Stripped("repeated paragraph", paragraph.text)))
            continue
        seen.add(key)
        kept.append(paragraph)
    return kept


REPUBLISHED_LEAD_RE = re.compile(
    r"^this (?:article|story|piece) (?:is|was) (?:re)?published from (?P<name>[A-Z][\w.'’&-]*"
    r"(?: [A-Z][\w.'’&-]*){0,5}) under [^.]{1,80}\.(?:\s*read the original article[^.]{0,40}\.)?"
    r"\s*",
    re.IGNORECASE,
)
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATE_PLACE_RE = re.compile(
    rf"^(?P<date>{_MONTH_WORD}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH_WORD},?\s+\d{{4}}),\s+"
    r"(?P<place>[A-Z][^\W\d_][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,2})"
    r"(?:,\s*[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2})?$"
)
# "Ottawa, Ontario", "Washington, DC", "KATHMANDU, NEPAL": a place on a line of its own.
PLACE_LINE_RE = re.compile(
    r"^(?P<place>[A-Z][^\W\d_][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,2}),\s*"
    r"[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2}$"
)


def _place_line(text: str) -> re.Match | None:
    """'Washington, DC', but not 'Terry Slevin, Cancer Council' (a name and what they do)."""
    match = PLACE_LINE_RE.match(text)
    return match if match and not person_names(match["place"]) else None


def _header_leftovers(article: TextArticle) -> None:
    """Short lines the header left above the lede ("Press Statement", "Heather Nauert",
    "Washington, DC"): the place is the dateline, a name the byline, the rest chrome."""
    leftovers = []
    for paragraph in article.paragraphs[:5]:
        if is_body_like(paragraph.text):
            break
        if word_count(paragraph.text) > 5 or ends_sentence(paragraph.text):
            return
        leftovers.append(paragraph)
    else:
        return
    places = [_place_line(p.text) for p in leftovers]
    if not any(places):
        return  # only where the place shows these lines are the header's, not the body's
    for paragraph, place in zip(leftovers, places, strict=True):
        article.paragraphs.remove(paragraph)
        if place and not article.dateline:
            article.dateline = place["place"].upper()
            article.removed.append((-1, Stripped("dateline", paragraph.text)))
        elif (names := person_names(paragraph.text)) and not article.byline:
            article.byline = names
            article.removed.append((-1, Stripped("byline", paragraph.text)))
        else:
            article.removed.append((-1, Stripped("page header", paragraph.text)))


def _split_dateline(article: TextArticle) -> None:
    _header_leftovers(article)
    first = next((p for p in article.paragraphs if p.kind == "text"), None)
    if first is not None and not parse_dateline(first.text):
        first = _after_labels(article) or first
    # "Press TV--Iran's Foreign Ministry ...": the outlet's name opens the story.
    lead = OUTLET_LEAD_RE.match(first.text) if first is not None else None
    if lead and (outlet := find_outlet(lead["name"])):
        article.add_clue(RANK_DATELINE, -1, outlet, lead["name"])
        first.text = first.text[lead.end() :]
        return
    # "PanARMENIAN.Net - North Korea will ...": a site's address opens the story.
    if lead and (found := site_address_named(lead["name"])) and found[1] == lead["name"]:
        article.add_clue(RANK_DATELINE + UNKNOWN, -1, found[0], found[1])
        first.text = first.text[lead.end() :]
        return
    if first is None or not (dateline := parse_dateline(first.text)):
        return
    article.dateline_text = first.text[: dateline.length]
    first.text = first.text[dateline.length :].strip()
    article.dateline = dateline.place.upper()
    # "KATHMANDU – Reuters" on a line of its own: the agency follows the dash.
    if not dateline.agency and (agency := find_outlet(first.text.rstrip("."))):
        article.add_clue(RANK_DATELINE, -1, agency, first.text)
        article.removed.append((-1, Stripped("source line", first.text)))
        article.paragraphs.remove(first)
        return
    if dateline.agency and (known := find_outlet(dateline.agency)):
        article.add_clue(RANK_DATELINE, -1, known, dateline.evidence)
    elif dateline.agency and dateline.place:
        # "LONDON, July 26 (Itar-Tass) --": the bracket after a place names who filed it.
        outlet = outlet_given_by_uploader(dateline.agency)
        article.add_clue(RANK_DATELINE + UNKNOWN, -1, outlet, dateline.evidence)


def _choose_date(
    article: TextArticle, dates: list[tuple[int, FoundDate]], body_line: int, items: list[Item]
) -> None:
    """Prefer a date line in the header ("Published" over "Updated"), else any labelled one.
    Under the headline before above it: above stand the site's own date ("Sunday, December
    21, 2025"), a forum post's, a feed's; under it, the article's (also inside a byline)."""
    header = [found for line, found in dates if line < body_line]
    if article.title_line >= 0 and header:
        # Down to the first prose under the headline (a standfirst, the lede): further down
        # a list page's next item has its own date.
        end = next(
            (i.line for i in items if i.line > article.title_line and is_body_like(i.text)),
            body_line,
        )
        end = min(end, body_line)
        below = [found for line, found in dates if article.title_line < line < end]
        if not below:
            below = [
                found
                for item in items
                if article.title_line < item.line < end
                and not caption_text(item.text)  # a photo's date (see _search_header_date)
                and (found := search_date(item.text))
            ][:1]
        header = below or header
    labelled = [found for line, found in dates if found.label]
    # A page without a header may print its date on a line of its own under the first
    # paragraph (a caption, a summary) rather than above it.
    near = [found for line, found in dates if body_line <= line < body_line + 8]
    if article.title:
        near = []  # under a headline, the header holds the date; one below the body is not it
    chosen = next((found for found in header if found.label == "published"), None)
    chosen = (
        chosen
        or (header[0] if header else None)
        or (labelled[0] if labelled else None)
        or (near[0] if near else None)
    )
    if chosen:
        article.published, article.precision = chosen.value, chosen.precision
        article.published_ambiguous = chosen.day_month_ambiguous


def _search_header_date(article: TextArticle, items: list[Item], body_line: int, text: str) -> None:
    """No line was a date on its own: look for a date written inside a header line (a byline
    with its date, a time stamp with a label), nearest the body first; then for a day and
    month without the year, in the dateline or the header, the year taken from the page."""
    # A photo's caption dates the photo ("... in Rio de Janeiro on December 31, 2018. (Screen
    # capture/YouTube)"), not the article: a page that prints no date of its own has none.
    header = [item for item in items if item.line < body_line and not caption_text(item.text)][-40:]
    found = [(item, date) for item in header if (date := search_date(item.text))]
    if not found:
        # Just under the first paragraph, a short line may still be the date ("Source: X,
        # December 7, 2010"); prose there dates events, so only short lines count.
        # Under a headline only the line right after that paragraph; below the body, a date
        # is a promo's or a comment's.
        below = [item for item in items if item.line >= body_line][: 2 if article.title else 6]
        found = [
            (item, date)
            for item in below
            if len(item.text) <= 100
            and not ends_sentence(item.text)
            and not caption_text(item.text)
            and (date := search_date(item.text))
        ]
    if not found:
        # A labelled date at the start of a long line ("Published time: 9 Oct, 2018 10:25 ...")
        for item in items[:30]:
            label = DATE_LABEL_RE.search(item.text[:200])
            if label and (date := search_date(item.text[label.start() : label.end() + 60])):
                found = [(item, date)]
                break
    published = [pair for pair in found if pair[1].label == "published"]
    chosen = (published or found or [None])[-1]
    if chosen is None:
        years = years_in(text[:20_000])
        if not years:
            return
        # The year the page names most often; the latest of equals (a copyright line, the
        # date of a promo or of the archive page are each written once).
        year = max(set(years), key=lambda y: (years.count(y), y))
        for line in [article.dateline_text, *(item.text for item in reversed(header))]:
            if line and (date := search_month_day(line, year)):
                article.published, article.precision = date.value, date.precision
                article.published_inferred = True
                return
        return
    date = chosen[1]
    article.published, article.precision = date.value, date.precision
    article.published_ambiguous = date.day_month_ambiguous
