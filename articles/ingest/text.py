"""Plain-text articles: from the text of a saved page to headline, metadata and clean body.
The article taking shape and the page's lines are in `page`.

The steps, in order:
1. split into lines, tidy whitespace;
2. walk the lines once, removing chrome and metadata lines (recorded in `stripped`);
3. re-join hard-wrapped lines into paragraphs (only when the file is hard-wrapped);
4. read the header (`header`): section label, headline, bylines, standfirst, the date;
5. read the body: captions out, subheadings marked, dateline and trailing credits split off.
"""

import re
from collections import Counter

from . import chrome
from .article import Paragraph, Stripped
from .dates import (
    MONTH_WORD,
    FoundDate,
    is_relative_date_line,
    parse_date_line,
    search_date,
)
from .errors import IngestError
from .fields import (
    caption_text,
    credits_in_line,
    named_source,
    person_names,
    provenance_name,
    split_trailing_credits,
)
from .header import (
    choose_date,
    is_subheading,
    read_header,
    search_header_date,
    split_dateline,
    take_byline,
)
from .headline import (
    COUNTER_RE,
    LEADING_STAMP_RE,
    capitalised_share,
    interface_share,
    shape_score,
)
from .outlets import (
    Outlet,
    find_outlet,
    outlet_from_domains,
    outlet_given_by_uploader,
    outlet_named_in,
    site_address_named,
)
from .page import (
    RANK_BYLINE,
    RANK_COPYRIGHT,
    RANK_DATELINE,
    RANK_DOMAIN,
    UNKNOWN,
    Item,
    TextArticle,
    known_or_not,
)
from .places import is_known_place
from .shapes import (
    ends_sentence,
    is_body_like,
    same_text,
    word_count,
)
from .site_lines import read_site_lines

# A regex rather than str.translate, which looks every character up in a dict (slower by
# far on text that has none of them, which is nearly all).
ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
COPYRIGHT_HOLDER_RE = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?P<name>[A-Z][\w.&'’ -]{1,60}?)\s*(?:[.,|]|\ball rights\b|$)",
    re.IGNORECASE,
)
BRACKETED_LINE_RE = re.compile(r"^[(\[][^()\[\]]{2,80}[)\]]\.?$")
OUTLET_IN_BRACKETS_RE = re.compile(r"^\(\s*(?P<name>[^()]{2,40}?)\s*\)$")
# "December 15, 2017, Novo-Ogaryovo, Moscow Region": a date line that says where.
DATE_PLACE_RE = re.compile(
    rf"^(?P<date>{MONTH_WORD}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH_WORD},?\s+\d{{4}}),\s+"
    r"(?P<place>[A-Z][^\W\d_][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,2})"
    r"(?:,\s*[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2})?$"
)
# An article is some hundreds of lines; ten thousand is many articles or a whole site saved as
# one file. The line rules cost some 50 µs a line, so this also bounds the time a file takes.
MAX_LINES = 10_000


def tidy_lines(text: str) -> list[str]:
    """Lines with any line ending, no-break and odd spaces as spaces, runs of spaces collapsed."""
    # str.split() treats NBSP, thin spaces and tabs as whitespace, so this also normalises them.
    lines = [" ".join(line.split()) for line in ZERO_WIDTH_RE.sub("", text).splitlines()]
    # "date 2018-06-12 © 2023 Aspen Public Radio": a saved page's time stamp written before
    # its first line is a line of its own (the page's date), not part of that line.
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is not None and (stamp := LEADING_STAMP_RE.match(lines[first])):
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
    body = read_header(kept, article, known_title, known_standfirst)
    _read_body(body, article, known_headings, known_captions)
    _repeated_site_name(article, items[:20])
    _author_note(article, items)
    read_site_lines(article, items)
    first_body_line = body[0].line if body else (items[-1].line + 1 if items else 0)
    # Short lines the header did not take ("Press Statement", a name, a place) may stand
    # between the headline and the prose; the header's date lines are above the prose.
    prose_line = next((item.line for item in body[:8] if is_body_like(item.text)), first_body_line)
    choose_date(article, dates, max(first_body_line, prose_line), items)
    if article.published is None and (date := search_date(article.dateline_text)):
        # "NAIROBI, 30 May 2018, (PSCU)—": the dateline gives the day in full.
        article.published, article.precision = date.value, date.precision
    if article.published is None:
        # The header ends where the body under the headline starts (prose kept from above
        # the headline is not where it ends).
        header_end = max(first_body_line, article.header_end)
        search_header_date(article, items, header_end, text)
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
    repeated = _repeated_short_lines(items)
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
        if (
            tail_reason
            or chrome.is_link_list_header(text)
            or (body_seen and chrome.names_a_list_of_stories(text) and _links_follow(items, index))
        ):
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
        if (notice := chrome.REPUBLISHED_LEAD_RE.match(text)) and notice.end() < len(text):
            article.add_named_clue(RANK_COPYRIGHT, item.line, notice["name"])
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
        if text in repeated:
            remove("repeated label")
            continue
        # "LOCATION/ TORONTO, ON" over "DATE: AUGUST 17, 2010", "Event Press Briefing" over
        # "Location Press Briefing Room, ...": an event's details printed as a form.
        if (form := EVENT_FIELD_RE.match(text)) and _beside_event_field(items, index - 1):
            # A place the gazetteer knows is where the event was: the dateline.
            place = form["value"].split(",")[0].strip()
            if form["label"].casefold() in PLACE_LABELS and is_known_place(place):
                article.dateline = article.dateline or place.upper()
            remove("event details")
            continue
        if credits := credits_in_line(text):
            article.credits.append(credits)
            remove("credits")
            continue
        # "From Wikinews, the free news source ...": a known outlet whose text the page carries
        # (one not known may be a place: "From Greece" in a menu; a person: "From Jane Doe").
        if (name := provenance_name(text)) and (outlet := find_outlet(name)):
            article.add_clue(RANK_COPYRIGHT, item.line, outlet, name)
            remove("source line")
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
            article.add_clue(known_or_not(RANK_DOMAIN, found[1]), item.line, *found)
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
            article.add_clue(known_or_not(RANK_DOMAIN, found[1]), item.line, *found)
        kept.append(item)
        article.kept_lines.add(item.line)
        body_seen = body_seen or is_body_like(text)
    return kept


# A short line printed this many times on one page is the page's furniture: a label or a
# widget repeated for each item of a list ("Available in:", "Advertisment", a photographer's
# name under each picture), not the article's text.
MIN_REPEATS = 3
MAX_REPEATED_WORDS = 6


def _repeated_short_lines(items: list[Item]) -> set[str]:
    """(Not a headline the page prints over and over as a running header, nor a place line,
    'Washington, DC', over each of a list's items: the header reads them.)"""
    counts = Counter(
        item.text
        for item in items
        if len(item.text) <= 80
        and "," not in item.text  # (cheap first: every line goes here)
        and word_count(item.text) <= MAX_REPEATED_WORDS
    )
    return {
        text
        for text, count in counts.items()
        if count >= MIN_REPEATS and (shape_score(text) or 0) < 1.5
    }


# A form's label and its value: "LOCATION/ TORONTO, ON", "Venue: ...", or, where a table lost
# its cells' borders, "Event Press Briefing".
EVENT_FIELD_RE = re.compile(
    r"^(?P<label>(?i:location|venue|place|event|date|time))(?:\s*(?P<mark>[:/])\s*|\s+(?=[A-Z0-9]))"
    r"(?P<value>\S.{0,100})$"
)
PLACE_LABELS = {"location", "venue", "place"}


def _beside_event_field(items: list[Item], index: int) -> bool:
    """Whether the line above or below is another field of the same form, written the same
    way (with its label's mark, or without): one such line alone, or one beside a labelled
    date, may be a headline ("Time To Act On The Grain Corridor" over "Date: May 19")."""
    marked = bool(EVENT_FIELD_RE.match(items[index].text)["mark"])
    neighbours = items[max(index - 1, 0) : index] + items[index + 1 : index + 2]
    return any(
        (field := EVENT_FIELD_RE.match(item.text)) and bool(field["mark"]) == marked
        for item in neighbours
    )


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
                and not person_names(text)  # a photographer's credit under each picture
                and not ends_sentence(text)
                and not any(char.isdigit() for char in text)
                and capitalised_share(text) >= 0.6
                and interface_share(text) < 0.75  # "Business Standard", not "Latest News"
                and not same_text(text, article.title)
            ):
                article.add_named_clue(RANK_DOMAIN, item.line, text)
                return
        seen.setdefault(key, item)


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


def _links_follow(items: list[Item], index: int) -> bool:
    """Whether a link-like line follows (a crosshead, "Survivors' stories", heads prose)."""
    return index + 1 < len(items) and chrome.is_link_like(items[index + 1].text)


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
    if reason == "republication notice" and (match := chrome.REPUBLISHED_LEAD_RE.match(item.text)):
        article.add_named_clue(RANK_COPYRIGHT, item.line, match["name"])
        return
    if reason == "subscription appeal" and (match := chrome.SUBSCRIBE_RE.match(item.text)):
        article.add_named_clue(RANK_COPYRIGHT, item.line, match["site"])
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
    if name.casefold().startswith("all rights"):
        return ""  # "HGN NEWS® ©2020 All Rights Reserved": the holder stood before the sign
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
        if BYLINE_FOOT_RE.match(text) and take_byline(item, article, after_title=False):
            # "By Fredrick Obura, The Standard" under the last paragraph, "By Ben McKay" under
            # a photo: a byline the header did not reach is still a byline, not body text, and
            # names the outlet as one on top would.
            continue
        if any(same_text(text, caption) for caption in known_captions):
            article.captions.append(text)
        elif caption := caption_text(text):
            article.captions.append(caption)
        elif any(same_text(text, heading) for heading in known_headings) or is_subheading(
            text, following
        ):
            article.paragraphs.append(Paragraph("subheading", text))
        else:
            article.paragraphs.append(Paragraph("text", text))
    split_dateline(article)
    for paragraph in article.paragraphs:
        if paragraph.kind == "text":
            paragraph.text, glued = chrome.split_glued_chrome(paragraph.text)
            article.removed.extend((-1, Stripped("link list", cut)) for cut in glued)
            paragraph.text, credits = split_trailing_credits(paragraph.text)
            if credits:
                article.credits.append(credits)
    article.paragraphs = _without_repeats([p for p in article.paragraphs if p.text], article)
    _remove_trailing_links(article)
    # A "subheading" with no text after it is a stray line, not a heading.
    if article.paragraphs and article.paragraphs[-1].kind == "subheading":
        article.paragraphs[-1].kind = "text"


# Under the article's last paragraph of prose, a run of this many short lines or more, none a
# sentence, is the page's links (promos, a sidebar, a footer menu), not the article's.
MIN_TRAILING_LINKS = 3
# A list's bullet ("> All social media accounts" is a link's arrow).
LIST_BULLET_RE = re.compile(r"^[•·▪◦‣●■*+–-]\s+")


def _remove_trailing_links(article: TextArticle) -> None:
    """'MFA on social media', '> All social media accounts', '10 facts on ...' under the last
    paragraph: a list of links with no prose after it. (A crosshead has prose under it; one
    line cut short ends an excerpt; a bulleted list is the article's.)"""
    paragraphs = article.paragraphs
    last = next(
        (i for i in range(len(paragraphs) - 1, -1, -1) if is_body_like(paragraphs[i].text)), None
    )
    if last is None:
        return
    tail = paragraphs[last + 1 :]
    if len(tail) < MIN_TRAILING_LINKS or not all(
        word_count(p.text) <= 12 and not ends_sentence(p.text) and not LIST_BULLET_RE.match(p.text)
        for p in tail
    ):
        return
    del paragraphs[last + 1 :]
    for paragraph in tail:
        article.removed.append((-1, Stripped("link list", paragraph.text)))


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
