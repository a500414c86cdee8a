"""The header of a plain-text article: section label, headline, bylines, standfirst, the outlet's
name lines, the dateline split from the lede, and the article's date among the header's dates."""

import re

from .article import Paragraph, Stripped
from .dates import (
    FoundDate,
    page_years,
    search_date,
    search_machine_stamp,
    search_month_day,
)
from .fields import (
    CALENDAR_WORDS,
    MASTHEAD_NOUNS,
    NOT_PLACES,
    Byline,
    caption_text,
    masthead_name,
    parse_byline,
    parse_correspondent_byline,
    parse_dateline,
    parse_outlet_byline,
    parse_signature_byline,
    person_names,
)
from .headline import MAX_POSITION as MAX_HEADLINE_POSITION
from .headline import (
    Candidate,
    choose_headline,
    shape_score,
    without_stamp,
)
from .outlets import (
    Outlet,
    find_outlet,
    outlet_given_by_uploader,
    site_address_named,
)
from .page import (
    HEADER_REASONS,
    RANK_BYLINE,
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
    ends_statement,
    is_body_like,
    is_upper_words,
    same_text,
    sentence_count,
    word_count,
)

# Marks a list item or a byline's run may open with before a label ("• Published").
LIST_MARKS = " •·|-–—*"
DATE_LABEL_RE = re.compile(
    r"\b(?:published|posted|publication date|date published|updated|last updated|date)\b"
    r"(?:\s+(?:on|at|time))?\s*:?",
    re.IGNORECASE,
)
# "(MENAFN) After five years ...", "(Ottawa) Federal ministers ...": a bracket alone opens the
# lede, naming who filed it or where.
BRACKET_LEAD_RE = re.compile(r"^\((?P<name>[A-Z][\w.&'’ -]{1,38})\)\s+(?=[A-Z\"“])")
# "(Eagle News) — The ...", "(CMC): The ...", "Dubai, 29th November, 2015 (WAM) - His ...": a
# bracket and a dash or a colon, the credit's punctuation, open the lede or close the words of
# a dateline the dateline rules do not read (an ordinal, a region in brackets).
CREDIT_BRACKET_RE = re.compile(
    r"\((?P<name>[A-Z][\w.&'’ -]{1,38})\)\s*(?::-?|--|[—–-])\s*(?=[A-Z\"“])"
)
# An acronym signs a story as a name does ("(CMC):", "(PNA) -"); a longer word in capitals
# there is a place ("(CHARLEVOIX) -"), and these are a wire story's labels ("(LEAD) -").
ACRONYM_RE = re.compile(r"^[A-Z]{2,5}$")
STORY_LABELS = frozenset(
    {"LEAD", "AUDIO", "URGENT", "RECAP", "WRAP", "ADDS", "REFILE", "FOCUS", "UPDATES", "NEWS"}
)
OUTLET_LEAD_RE = re.compile(
    r"^(?:(?P<place>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2}),\s*)?"
    r"(?P<name>[A-Za-z][\w.&' ]{1,38}?)\s*(?:--|[—–]|\s-|:\s?[-—–])\s*(?=[A-Z\"“])"
)
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
NAME_LIST_RE = re.compile(r",|\sand\s|&")
SITE_SUFFIX_RE = re.compile(r"\s(?:\||-|–|—|::)\s+((?:(?!\s(?:\||-|–|—|::)\s).){2,40})$")
TITLE_SUFFIX_RE = re.compile(r"^(?P<title>.{8,}?)\s+(?:\||-|–|—|::)\s+(?P<site>[^|–—]{2,40})$")


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


# "By Indonesia bureau chief Samantha Hawley": the writer's post, then the name.
POST_AND_NAME_BYLINE_RE = re.compile(
    r"^By:?\s+(?:[\w'’-]+\s+){1,5}?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,2})$"
)


def take_byline(item: Item, article: TextArticle, *, after_title: bool) -> bool:
    byline = parse_byline(item.text) or parse_signature_byline(item.text)
    if byline is None and after_title:
        byline = parse_correspondent_byline(item.text)
    if (
        byline is None
        and after_title
        and (post := POST_AND_NAME_BYLINE_RE.match(item.text))
        and (names := person_names(post["name"]))
    ):
        byline = Byline(names, None, "")
    if byline is None:
        outlet, words = parse_outlet_byline(item.text)
        if outlet is None:
            return False
        article.add_clue(known_or_not(RANK_BYLINE, words), item.line, outlet, words)
        article.removed.append((item.line, Stripped("byline", item.text)))
        return True
    if not article.byline:
        article.byline = byline.names
    article.add_clue(
        known_or_not(RANK_BYLINE, byline.outlet_text), item.line, byline.outlet, byline.outlet_text
    )
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
        # "The Mercury News", "Ministry of Foreign Affairs of Ukraine": a name not known here,
        # in a masthead's shape, in the header is the site's (or the issuer's); as weak a clue
        # as a site named twice atop the page.
        if name := masthead_name(item.text):
            article.add_named_clue(RANK_DOMAIN, item.line, name)
            article.removed.append((item.line, Stripped("site name", item.text)))
            return True
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


# "Press Releases: Violence in Basrah", "PRESS RELEASE : First Lady of ...": a label of a few
# words and a colon before the headline.
LABEL_PREFIX_RE = re.compile(r"^(?P<label>[^\W\d][\w'’&-]*(?: [\w'’&-]+){0,2})\s?:\s+(?=\S)")


def _label_key(text: str) -> str:
    return " ".join(text.casefold().split()).removesuffix("s")


def without_shared_label(title: str, lines: list[str]) -> str:
    """The headline without its label when the page prints that label elsewhere: before
    another headline ("Press Releases: ..." atop each release of a list) or alone as its tag
    ("Tag: Press Release"). A speaker before a claim ("ANC: Party can deal ...") is printed
    once, and a list of one official's remarks ("Suga: ...", "Joko Widodo: ...") names him
    before each: a label is of two words or more, and no person's name."""
    match = LABEL_PREFIX_RE.match(title)
    if not match or word_count(match["label"]) < 2 or person_names(match["label"]):
        return title
    label, rest = _label_key(match["label"]), title[match.end() :]
    for line in lines[:400]:
        text = line.lstrip("•·▪*- ")
        if same_text(text, title) or same_text(text, rest) or is_body_like(text):
            continue
        if word_count(text) > 30:
            continue
        other = LABEL_PREFIX_RE.match(text)
        tag = re.match(r"^(?:tags?|category|categories|filed under)\s*:\s*(?P<tag>.+)$", text, re.I)
        if (other and _label_key(other["label"]) == label) or (
            tag and _label_key(tag["tag"]) == label
        ):
            return rest
    return title


def read_header(
    items: list[Item], article: TextArticle, known_title: str, known_standfirst: str
) -> list[Item]:
    """Take section labels, headline, bylines and standfirst off the top; return the body."""
    index = 0
    lead: list[Item] = []  # prose that stood above the headline
    # Before the headline.
    while index < len(items) and index < 10:
        item = items[index]
        if take_byline(item, article, after_title=False) or _take_outlet_name_line(item, article):
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
            take_byline(item, article, after_title=True) or _take_outlet_name_line(item, article)
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
        or masthead_name(text)
        # One name on a short line, or a list of names: "Chinese New Premier Meets Press" is a
        # headline in title case, "John Vidal, Suzanne Goldenberg and Lenore Taylor" a byline.
        or ((word_count(text) <= 3 or NAME_LIST_RE.search(text)) and person_names(text))
        or BYLINE_START_RE.match(text)
        or parse_byline(text)
        or parse_signature_byline(text)
        or parse_correspondent_byline(text)
        or parse_outlet_byline(text)[0]
        or caption_text(text)
        or _is_dateline_line(text)
    )


def _is_dateline_line(text: str) -> bool:
    """A dateline opens a paragraph of prose; "ANC: Party can deal with spying claims" (a
    speaker and a claim, no full stop) is a headline in a dateline's shape."""
    dateline = parse_dateline(text)
    if dateline is None:
        return False
    rest = text[dateline.length :]
    return not rest or ends_sentence(text) or word_count(text) > 20


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
        # (A picture's credit stands under its caption, not under the headline.)
        return bool(
            between & (HEADER_REASONS - {"image credit"})
            or parse_dateline(following.text)
            or parse_byline(following.text)
            or BYLINE_START_RE.match(following.text)
            or parse_signature_byline(following.text)
        )

    chosen = choose_headline(
        [item.text for item in candidates],
        header_follows=header_follows,
        is_other_field=_is_other_field,
    )
    block = _headline_over_byline(items, start, article)
    far = block is not None and (chosen is None or block - start >= len(candidates))
    if far:
        candidates = items[start : block + 1]
        chosen = Candidate(block - start, 0.0)
    # Prose above a header block is the body, saved first: all of it is kept, short lines too.
    body_first = block is not None and chosen.index == block - start
    if chosen is None:
        # No headline: what stands above the first paragraph of prose (menus, labels, a
        # caption's credit) is still not the article; a byline or an outlet's name there is
        # read as such.
        prose = next((i for i in range(start, len(items)) if is_body_like(items[i].text)), None)
        while prose is not None and start < prose:
            item = items[start]
            if not (
                take_byline(item, article, after_title=False)
                or _take_outlet_name_line(item, article)
            ):
                article.removed.append((item.line, Stripped("page header", item.text)))
            start += 1
        return start, []
    lead = []
    for item in candidates[: chosen.index]:
        if take_byline(item, article, after_title=False) or _take_outlet_name_line(item, article):
            continue
        headline = candidates[chosen.index].text
        # On a page saved body first, every line from the body's first paragraph on is its.
        if is_body_like(item.text) or (body_first and lead):
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
    lines = [item.text for item in items] + [stripped.text for _, stripped in article.removed]
    article.title = without_shared_label(article.title, lines)
    # The picture's caption or alt text right under the headline goes with it (not a place
    # line, "Ottawa, Ontario": that is the dateline, read further on).
    captions = candidates[chosen.index + 1 : chosen.caption_end]
    if not captions or any(_place_line(item.text) for item in captions):
        return start + chosen.index + 1, lead
    for item in captions:
        reason = "duplicate title" if same_text(item.text, headline.text) else "caption"
        article.removed.append((item.line, Stripped(reason, item.text)))
    return start + chosen.caption_end, lead


# How far down the page, in kept lines, a headline over its byline and date may stand.
FAR_HEADLINE_POSITION = 80


def _headline_over_byline(items: list[Item], start: int, article: TextArticle) -> int | None:
    """The article's header block, "Headline / By Jane Doe / Published: Mar 16, 2022": a
    headline-shaped line with a byline and then a date right under it. Below a long menu it
    stands past the first lines; on a page saved body first, under the body. The first one
    on the page only (those further down head other stories)."""
    end = min(len(items) - 1, start + FAR_HEADLINE_POSITION)
    for index in range(start, end):
        text, byline = items[index].text, items[index + 1].text
        if not parse_byline(byline) or (shape_score(text) or 0) < 1.5 or _is_other_field(text):
            continue
        after = items[index + 2] if index + 2 < len(items) else None
        dated = any(
            stripped.reason == "date line"
            for line, stripped in article.removed
            if items[index + 1].line < line and (after is None or line < after.line)
        )
        return index if dated or (after and search_date(after.text)) else None
    return None


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


def is_subheading(text: str, following: str | None) -> bool:
    if following is None or word_count(text) > 12 or len(text) > 100 or ends_sentence(text):
        return False
    if not re.match(r"^[\"'“‘(]?[A-Z0-9]", text):
        return False
    return ends_sentence(following) and not caption_text(following)


def after_labels(article: TextArticle) -> Paragraph | None:
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


# "Ottawa, Ontario", "Washington, DC", "KATHMANDU, NEPAL": a place on a line of its own.
PLACE_LINE_RE = re.compile(
    r"^(?P<place>[A-Z][^\W\d_][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,2}),\s*"
    r"[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2}$"
)


def _place_line(text: str) -> re.Match | None:
    """'Washington, DC', but not 'Terry Slevin, Cancer Council' (a name and what they do)."""
    match = PLACE_LINE_RE.match(text)
    return match if match and not person_names(match["place"]) else None


# The longest label the header leaves above the lede ("Press Statement", "Trump Putin").
MAX_LABEL_WORDS = 3


def header_leftovers(article: TextArticle) -> None:
    """Short lines the header left above the lede ("Press Statement", "Heather Nauert",
    "Washington, DC"): the place is the dateline, a name the byline, the rest chrome."""
    leftovers = []
    for paragraph in article.paragraphs[:5]:
        if is_body_like(paragraph.text):
            break
        if (
            word_count(paragraph.text) > 5
            or ends_sentence(paragraph.text)
            or parse_dateline(paragraph.text)  # "KATHMANDU – Reuters": the lede's dateline
        ):
            return
        leftovers.append(paragraph)
    else:
        return
    places = [_place_line(p.text) for p in leftovers]
    # Where a place shows, these lines are the header's; else only labels of three words or
    # fewer ("Press Statement", "Nigerian Police", "Guest"), where no standfirst stands above
    # them (under one, the first crosshead of the body may stand: "'Shared threats'").
    labels = not article.standfirst and all(
        word_count(p.text) <= MAX_LABEL_WORDS for p in leftovers
    )
    if not any(places) and not labels:
        return
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


# How many paragraphs of text down the page a dateline in capitals may open the lede.
DATELINE_DEPTH = 5


def _capitals_dateline_below(article: TextArticle) -> Paragraph | None:
    """'SEOUL, South Korea - North Korea's military ...' under a standfirst, a caption or a
    byline the header did not take: a dateline with its place in capitals and a dash opens the
    lede a few paragraphs down. (In title case, or before a colon alone, it may open any
    sentence: "Abuja — ...", "ANC: ...".)"""
    texts = [p for p in article.paragraphs if p.kind == "text"][1:DATELINE_DEPTH]
    for paragraph in texts:
        dateline = parse_dateline(paragraph.text)
        if dateline is None or not dateline.place or not dateline.place.isupper():
            continue
        if paragraph.text[: dateline.length].rstrip().endswith(":"):
            continue
        return paragraph
    return None


def split_dateline(article: TextArticle) -> None:
    header_leftovers(article)
    first = next((p for p in article.paragraphs if p.kind == "text"), None)
    below = None
    if first is not None and not parse_dateline(first.text):
        labelled = after_labels(article)
        below = None if labelled else _capitals_dateline_below(article)
        first = labelled or below or first
    # "Press TV--Iran's Foreign Ministry ...", "SKY NEWS:- David ...", "JAKARTA, NETRALNEWS.COM
    # - A number ...": the outlet's name stands in the dateline's slot, after its place or alone.
    lead = OUTLET_LEAD_RE.match(first.text) if first is not None else None
    if lead and _outlet_in_dateline_slot(article, lead):
        first.text = first.text[lead.end() :]
        return
    if first is not None and (bracket := BRACKET_LEAD_RE.match(first.text)):
        _bracket_lead(article, first, bracket)
        return
    if first is not None and _credit_bracket_lead(article, first):
        return
    if first is not None and not parse_dateline(first.text):
        _known_place_lead(article, first)
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
    elif dateline.agency and dateline.place and first is not below:
        # "LONDON, July 26 (Itar-Tass) --": the bracket after a place names who filed it. (Not
        # in a dateline further down, where "(UPDATED)", "(Chinese media)" stand there too.)
        outlet = outlet_given_by_uploader(dateline.agency)
        article.add_clue(RANK_DATELINE + UNKNOWN, -1, outlet, dateline.evidence)


# "Abuja — Nigeria's President ...", "London, England — On Wednesday ...": a place in title
# case and a dash open the lede.
TITLE_PLACE_LEAD_RE = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})"
    r"(?:,\s*(?P<region>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}))?"
    r"\s*(?:--|[—–]|\s-)\s+(?=[A-Z\"“])"
)


def _known_place_lead(article: TextArticle, first: Paragraph) -> None:
    """A capitalised word and a dash may open any sentence ("Astana - ..." is a dateline
    only by luck of shape); a place the gazetteer knows, or whose region it knows, opening
    the lede, is the dateline. (Not a town named like a word the article writes in lower
    case: "Police — ...", "Split — ...".)"""
    match = TITLE_PLACE_LEAD_RE.match(first.text)
    if not match or not (is_known_place(match["place"]) or is_known_place(match["region"] or "")):
        return
    text = " ".join(paragraph.text for paragraph in article.paragraphs)
    if re.search(rf"\b{re.escape(match['place'].lower())}\b", text):
        return
    article.dateline = match["place"].upper()
    article.dateline_text = match.group()
    first.text = first.text[match.end() :]


def _outlet_in_dateline_slot(article: TextArticle, lead: re.Match) -> bool:
    """Whether the lede opens with an outlet's name where a dateline's place would be (and the
    clue added): a known outlet's, a site's address, or, alone, a name in a masthead's shape
    the gazetteer does not know ("MYSTERY WIRE — ...")."""
    name, place = lead["name"].strip(), lead["place"]
    if place and not (place.isupper() or is_known_place(place)):
        return False
    if outlet := find_outlet(name):
        article.add_clue(RANK_DATELINE, -1, outlet, name)
    elif (found := site_address_named(name)) and found[1] == name:
        # "PanARMENIAN.Net - North Korea will ...": a site's address opens the story.
        article.add_clue(RANK_DATELINE + UNKNOWN, -1, found[0], found[1])
    elif (
        not place
        and (masthead := masthead_name(name))
        and masthead.split()[-1].casefold() in MASTHEAD_NOUNS
        and not is_known_place(name)
    ):
        article.add_clue(RANK_DATELINE + UNKNOWN, -1, outlet_given_by_uploader(name), name)
    else:
        return False
    if place:
        article.dateline = place.upper()
    article.dateline_text = lead.group()
    return True


def _credit_bracket_lead(article: TextArticle, first: Paragraph) -> bool:
    """A credit in brackets and its dash or colon, opening the lede or after the words of a
    dateline no dateline rule reads: a known outlet's; a name not known there only in an
    outlet's shape ("(Eagle News) —", "(CMC):"), opening the lede. Whether the lede was cut."""
    credit = CREDIT_BRACKET_RE.search(first.text, 0, 140)
    if credit is None or parse_dateline(first.text):
        return False
    before = first.text[: credit.start()]
    name = credit["name"].strip()
    if before:
        # After a dateline's words ("Margao (Goa) [India], February 8"): no sentence, no
        # quotation, a few words; only a known outlet (a bracket in a sentence is anything).
        if (
            len(before.split()) > 10
            or re.search(r"[.!?][\s\"”]|[\"“”]", before)
            or not before[:1].isupper()
        ):
            return False
        if outlet := find_outlet(name):
            article.add_clue(RANK_DATELINE, -1, outlet, credit.group().strip())
        return False
    if outlet := find_outlet(name):
        article.add_clue(RANK_DATELINE, -1, outlet, credit.group().strip())
    elif is_known_place(name) or name.upper() in NOT_PLACES | STORY_LABELS | CALENDAR_WORDS:
        return False
    elif masthead_name(name) or ACRONYM_RE.match(name):
        article.add_clue(
            RANK_DATELINE + UNKNOWN, -1, outlet_given_by_uploader(name), credit.group().strip()
        )
    else:
        return False
    article.dateline_text = credit.group()
    first.text = first.text[credit.end() :]
    return True


def _bracket_lead(article: TextArticle, first: Paragraph, bracket: re.Match) -> None:
    """The bracket names a known outlet, else a place (the gazetteer's), else a name that is
    no place: the site's own, as it signs its stories ("(MENAFN)", against "(Ottawa)")."""
    name = bracket["name"].strip()
    if name.upper() in NOT_PLACES or name.upper() in CALENDAR_WORDS:
        return
    if outlet := find_outlet(name):
        article.add_clue(RANK_DATELINE, -1, outlet, bracket.group().strip())
    elif is_known_place(name):
        article.dateline = name.upper()
    else:
        article.add_clue(
            RANK_DATELINE + UNKNOWN, -1, outlet_given_by_uploader(name), bracket.group().strip()
        )
    article.dateline_text = bracket.group()
    first.text = first.text[bracket.end() :]


def choose_date(
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
                and not caption_text(item.text)  # a photo's date (see search_header_date)
                # The headline printed again (or a breadcrumb ending with it) carries the
                # headline's date: the event's ("Briefing July 25, 2023"), not the page's.
                and not (article.title and article.title.casefold() in item.text.casefold())
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
    if chosen and (own := _dateline_date_over_date_above(article, dates, chosen)):
        article.published, article.precision = own.value, own.precision
        article.published_inferred = own.inferred_year
    elif chosen:
        article.published, article.precision = chosen.value, chosen.precision
        article.published_ambiguous = chosen.day_month_ambiguous


def _dateline_date_over_date_above(
    article: TextArticle, dates: list[tuple[int, FoundDate]], chosen: FoundDate
) -> FoundDate | None:
    """A date above the headline is the site's (a blog's post date, a mirror's, a day's bar);
    the dateline's own date is the story's: "WASHINGTON, Aug. 3, 2012" under a blog's
    "Saturday, August 4, 2012". A dateline without the year takes the year of the date above
    ("HANGZHOU, May 1 (Xinhua)" under "Thursday, April 30, 2009")."""
    if not article.dateline_text or article.title_line < 0:
        return None
    above = any(found is chosen and line < article.title_line for line, found in dates)
    if not above:
        return None
    own = search_date(article.dateline_text) or search_month_day(
        article.dateline_text, chosen.value.year
    )
    if own is None or own.value.date() == chosen.value.date():
        return None
    return own


def search_header_date(article: TextArticle, items: list[Item], body_line: int, text: str) -> None:
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
        # A labelled date at the start of a long line ("Published time: 9 Oct, 2018 10:25 ...").
        # At the start only: inside a sentence the label is a verb and the date an event's
        # ("... what was published by the newspaper on September 26, 2018, ...").
        for item in items[:30]:
            start = len(item.text) - len(item.text.lstrip(LIST_MARKS))
            label = DATE_LABEL_RE.match(item.text[:200], start)
            if label and (date := search_date(item.text[label.start() : label.end() + 60])):
                found = [(item, date)]
                break
    if not found:
        # A feed saved as text: its fields run together on long lines, the item's stamp
        # among them ("... Sports Fri, 24 Oct 2014 18:10:00 +0500 Azerbaijani ...").
        for item in items[:30]:
            if date := search_machine_stamp(item.text):
                found = [(item, date)]
                break
    published = [pair for pair in found if pair[1].label == "published"]
    chosen = (published or found or [None])[-1]
    if chosen is None:
        # A day and month without the year ("MOSCOW, December 16"), first in the dateline.
        # (Looked for in a leap year, so that 29 February counts; the page's year comes after:
        # most pages have no such line, and the page's years cost a pass over its text.)
        lines = [article.dateline_text, *(item.text for item in reversed(header))]
        line = next((line for line in lines if line and search_month_day(line, 2000)), None)
        years = page_years(text[:20_000]) if line else []
        if not years:
            return
        # The year the page's dates and copyright name most often; the latest of equals (a
        # copyright line, the date of a promo or of the archive page are each written once).
        year = max(set(years), key=lambda y: (years.count(y), y))
        if date := search_month_day(line, year):
            article.published, article.precision = date.value, date.precision
            article.published_inferred = True
        return
    date = chosen[1]
    article.published, article.precision = date.value, date.precision
    article.published_ambiguous = date.day_month_ambiguous
