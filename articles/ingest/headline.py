"""Choosing the headline among the first lines of a page, by position and shape.

A saved page opens with whatever its header held: a site name, a breadcrumb, a "skip to
content" link, a section label, a time stamp, the headline, a byline, a standfirst. Taking the
first line that looks like a headline reads the site's chrome as the title on most real pages,
so every early line is scored instead:
- its shape: a headline is a few to some twenty words, mostly capitalised or a plain sentence,
  without a full stop; a line of interface words ("Accessibility links", "Menu Close"), a
  breadcrumb ("Home / World / Asia"), an outlet's name or a line ending in a colon is not;
- what follows it: the article starts under its headline (a byline, a date, a dateline, the
  standfirst or the lede), while chrome sits above other chrome;
- what it shares with the article: a headline's words come back in the lede, and pages often
  print the headline twice (the page title and the heading).
No line is chosen when none scores as a headline: the article is then "Untitled".
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .dates import MONTH_WORD
from .shapes import (
    BULLET_RE,
    FILE_NAME_RE,
    ends_sentence,
    is_body_like,
    reads_as_prose,
    same_text,
    sentence_count,
    word_count,
)

# Words that make up the interface of a site rather than the headline of a story. A line made
# mostly of them is navigation, a widget or a label.
_INTERFACE = """
    skip to main content navigation nav menu close open search home page pages top bottom
    accessibility links link copied clipboard breaking news latest updates update live
    sign log login logout register subscribe subscription newsletter account my profile
    share print email e-mail tools save comment comments most read popular viewed trending
    select language languages edition editions english on air now next listen watch video
    videos photo photos gallery audio podcast podcasts radio tv feed feeds aggregator rss
    category categories archive archives tag tags topic topics section sections more
    all rights reserved contact us about advertise advertisement online payment
    font size adjust text larger smaller back main index site map sitemap you are here
    related stories articles story article headlines top today's current issue magazine
    table of contents blog blogs opinion world local national business sport sports weather
    prev previous button post posts
"""
INTERFACE_WORDS = frozenset(_INTERFACE.split())
BREADCRUMB_SEPARATOR_RE = re.compile(r"\s(?:/|>|»|›|\|)\s|\s::\s")
# A time, a numeric date or a date with a month name: a time stamp, not a headline.
TIME_STAMP_RE = re.compile(
    r"\b\d{1,2}:\d{2}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b(?:ago|GMT|UTC)\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b,?\s*\d{0,4}"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
    r"\.?,?\s+\d{4}\b",
    re.IGNORECASE,
)
URL_OR_EMAIL_RE = re.compile(r"https?://|www\.|\S@\S|\.(?:com|org|net|gov|ru|cn)\b", re.I)
# "Views : 594", "Okunma Sayısı : 594": a counter, a label and its number.
COUNTER_RE = re.compile(r"^[^\W\d_][\w .'-]{0,30}?\s*:\s*[\d,.]+$")
# A line wholly in quotation marks: a pull quote.
QUOTATION_RE = re.compile(r"^[\"“‘'«].*[\"”’'»]$")
WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_STOP = """a an the of in on at to for from by with and or but as is are was were be been has
have had will would says said say after over into about its it his her their this that"""
STOP_WORDS = frozenset(_STOP.split())

# How far down the page the headline may stand, in kept lines.
MAX_POSITION = 14
# How many paragraphs of prose atop the page may be a notice or an appeal, not the article.
TOP_NOTICE_PARAGRAPHS = 2
# Below this, no line is taken as the headline.
MIN_SCORE = 0.5


@dataclass(frozen=True)
class Candidate:
    index: int
    score: float
    caption_end: int = 0  # past its picture's caption lines right under it; 0 when none


def content_words(text: str) -> set[str]:
    return {
        word.casefold().strip("'’")
        for word in WORD_RE.findall(text)
        if len(word) > 2 and word.casefold() not in STOP_WORDS
    }


# "date 2018-06-12 Trump and Kim make history": a time stamp saved on the headline's line.
LEADING_STAMP_RE = re.compile(
    r"^(?:date|updated|published|posted)?:?\s*\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?"
    r"\s+(?=\S)",
    re.IGNORECASE,
)


# "... Maria Zakharova, Moscow, December 30, 2021", "... Briefing #113 Wednesday, 8/5/92",
# "... on Trump and Donbas | 23 September 2019, 18:43": the date printed after the headline.
TRAILING_DATE_RE = re.compile(
    rf"(?:\s*[,|–—]\s*|\s+-\s+|\s+)(?:[A-Z][a-z]+,\s+)?(?:[A-Z][a-z]+day,?\s+)?"
    rf"(?:\d{{1,2}}\s+{MONTH_WORD},?\s+\d{{4}}|{MONTH_WORD}\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})(?:,?\s+\d{{1,2}}:\d{{2}})?$"
)


STAMP_LABEL_RE = re.compile(r"\b(?:updated|published|posted|date|time)\b|:\s*\(", re.I)


def without_stamp(text: str) -> str:
    """The line without a time stamp written before or after the headline on the same line."""
    text = LEADING_STAMP_RE.sub("", text, count=1)
    match = TRAILING_DATE_RE.search(text) if text[-1:].isdigit() else None
    # Not from a time stamp's label: "Last updated at: (Beijing Time) Tuesday, March 18, 2003".
    if match and word_count(text[: match.start()]) >= 3 and not STAMP_LABEL_RE.search(text):
        return text[: match.start()]
    return text


# "Reports from Mexico, Hong Kong, UK, and the U.S.": the full stop is the initialism's.
INITIALISM_END_RE = re.compile(r"\b(?:[A-Z]\.){2,}$")


def ends_like_prose(text: str) -> bool:
    """Ends as a sentence of prose does: a full stop, a colon, a semicolon, an ellipsis closing
    a word. Not a question or an exclamation (headlines print them), an initialism's full stop
    ("... and the U.S."), nor an ellipsis after a space, where a site cut its title short
    ("... becomes talk of …"; a caption or a teaser cut short ends mid-word: "the town…")."""
    return (
        ends_sentence(text)
        and not text.endswith(("?", "!"))
        and not INITIALISM_END_RE.search(text)
        and not text.endswith((" …", " ..."))
    )


def interface_share(text: str) -> float:
    """The share of a line's words that are interface words ('Skip to content' -> 1.0)."""
    words = [word.casefold() for word in WORD_RE.findall(text)]
    # ("Back to top", "Post a Comment": the little words count for neither.)
    words = [word for word in words if word not in STOP_WORDS] or words
    if not words:
        return 1.0
    return sum(word in INTERFACE_WORDS for word in words) / len(words)


def is_interface_line(text: str) -> bool:
    """A short line made mostly of interface words: 'Home | World', 'Skip to content'."""
    return word_count(text) <= 8 and interface_share(text) >= 0.5


def capitalised_share(text: str) -> float:
    words = [word for word in WORD_RE.findall(text) if word.casefold() not in STOP_WORDS]
    if not words:
        return 0.0
    return sum(word[0].isupper() for word in words) / len(words)


@lru_cache(maxsize=4096)  # each line is weighed again as a neighbour, a deck or a caption
def shape_score(text: str) -> float | None:
    """How much a line looks like a headline on its own; None when it cannot be one."""
    words = word_count(text)
    if not 2 <= words <= 30 or len(text) > 250 or sentence_count(text) > 1:
        return None
    if text.endswith(":") or COUNTER_RE.match(text):
        return None
    if URL_OR_EMAIL_RE.search(text) or FILE_NAME_RE.search(text):
        return None
    # A sentence with its full stop is prose (a lede, a caption); a headline has none, but for
    # a short one ("Talks end."). One that starts in lower case or with a bullet is a fragment
    # or a list item.
    if ends_like_prose(text) and words > 6:
        return None
    if text[:1].islower() or BULLET_RE.match(text) or text[:1] in ":;,.|/)]}":
        return None
    if not WORD_RE.search(text):
        return None
    score = 1.0
    if TIME_STAMP_RE.search(text):
        score -= 2.0
    if 4 <= words <= 20:
        score += 1.0
    elif words <= 3:
        score -= 0.5
    interface = interface_share(text)
    # Headlines use some of these words too ("sign", "deal", "link"): only a line made mostly
    # of them is the site's interface.
    score -= 3.0 * interface if interface >= 0.5 else interface
    if BREADCRUMB_SEPARATOR_RE.search(text):
        score -= 2.0
    if text.isupper() and words <= 4:
        score -= 1.0  # "WORLD NEWS", "THE WHITE HOUSE": labels and site names
    if ends_like_prose(text):
        score -= 0.5
    if capitalised_share(text) >= 0.6:
        score += 0.5
    return score


def _deck_follows(lines: list[str], index: int) -> bool:
    """Whether the next line is a deck under this one: headline-shaped, then the article."""
    if index + 2 >= len(lines):
        return False
    deck, after = lines[index + 1], lines[index + 2]
    return (
        word_count(deck) >= 4
        and not is_body_like(deck)
        and (shape_score(deck) or 0) >= 1.0
        and not TIME_STAMP_RE.search(deck)
        and is_body_like(after)
    )


def _caption_under_headline(
    lines: list[str],
    first_body: int,
    header_follows: Callable[[int], bool],
    is_other_field: Callable[[str], bool],
) -> dict[int, tuple[int, int]]:
    """{headline's index: (caption's index, past its last line)} where a headline-shaped line
    (printed once or twice) stands over a markedly shorter one (once or twice), right above the
    article. (Not a quotation over it: that is a pull quote over the headline.)"""
    found = {}
    for index in range(min(first_body, MAX_POSITION)):
        text = lines[index]
        score = shape_score(text)
        if score is None or score < 1.5 or QUOTATION_RE.match(text):
            continue
        below = index + 1
        while below < first_body and same_text(lines[below], text):
            below += 1
        if below >= first_body or index and same_text(lines[index - 1], text):
            continue
        caption = lines[below]
        if (
            word_count(caption) * 4 > word_count(text) * 3
            or len(WORD_RE.findall(caption)) < 3  # "Vanguard (Lagos)", "Staff Writer |"
            or (shape_score(caption) or 0) < 1.0
        ):
            continue
        end = below + 1
        while end < first_body and same_text(lines[end], caption):
            end += 1
        if (end == first_body or header_follows(end - 1)) and not is_other_field(caption):
            found[index] = (below, end)
    return found


def choose_headline(
    lines: list[str],
    *,
    header_follows: Callable[[int], bool],
    is_other_field: Callable[[str], bool],
) -> Candidate | None:
    """The headline among the first lines of a page, or None when no line is credible.

    `header_follows(i)` tells whether the article's header (a byline, a date, a dateline)
    follows line i; `is_other_field(line)` a line that is another field: an outlet's name, a
    byline, a caption, a dateline.
    """
    first_body = next(
        (i for i, line in enumerate(lines) if is_body_like(line) or reads_as_prose(line)),
        len(lines),
    )
    body_words: set[str] = set()
    for line in lines[first_body : first_body + 3]:
        body_words |= content_words(line)
    folded = [" ".join(line.casefold().split()) for line in lines]
    # A summary line atop the page is a sentence or two, not the article's opening run.
    summary_on_top = (
        first_body == 0
        and len(lines) > 1
        and not is_body_like(lines[1])
        and sentence_count(lines[0]) <= 2
    )
    caption_under = _caption_under_headline(lines, first_body, header_follows, is_other_field)
    best: Candidate | None = None
    for index, text in enumerate(without_stamp(line) for line in lines[:MAX_POSITION]):
        if is_body_like(text) and word_count(text) > 30:
            continue
        score = shape_score(text)
        if score is None or is_other_field(text):
            continue
        following = lines[index + 1 : index + 2]
        if header_follows(index):
            score += 1.5
        elif following and is_body_like(following[0]):
            score += 1.0
        elif (
            header_follows(index + 1)
            and following
            and len(following[0]) > len(text)
            and capitalised_share(following[0]) < 0.6
        ):
            # A longer standfirst between the headline and the byline (a standfirst is
            # written as a sentence; a longer line in title case is the headline itself,
            # under a label).
            score += 1.5
        elif _deck_follows(lines, index) and word_count(text) >= 4:
            # Two headline-shaped lines right above the article: the headline and its deck
            # (a subtitle, a second headline), in that order.
            score += 1.0
        # A shorter line between the headline and the article: its picture's caption or alt
        # text ("Kim and Trump shake hands" under "Trump-Kim meeting: Leaders shake hands to
        # open momentous summit"), standing where the article's header would.
        if index in caption_under:
            score += 1.5
        elif index in {caption for caption, _ in caption_under.values()}:
            score -= 1.5
        # A standfirst (a sentence, not in title case) sits under a shorter headline.
        previous = lines[index - 1] if index else ""
        if (
            previous
            and len(previous) < len(text)
            and capitalised_share(text) < 0.6
            and (shape_score(previous) or 0) >= 1.5
        ):
            score -= 1.0
        words = content_words(text)
        if words and body_words:
            score += 2.0 * min(len(words & body_words) / len(words), 0.6)
        # The page title and the heading: the same line twice, close together. (A header
        # repeated for every entry of a list page is further apart.)
        if folded[index] in folded[index + 1 : index + 4]:
            score += 1.0
        # Earlier is likelier, but only a little: chrome comes first on most pages.
        score -= 0.05 * index
        if index > first_body:
            # Under the article's first paragraph stand crossheads, captions and promos; a
            # headline only where that paragraph stood alone above it (a summary line atop
            # the page), not where the body had begun.
            if not summary_on_top:
                continue
            score -= 1.0
        if best is None or score > best.score:
            best = Candidate(index, score, caption_under.get(index, (0, 0))[1])
    if best and best.score >= MIN_SCORE:
        return best
    return _headline_under_a_notice(lines, first_body, is_other_field)


def _headline_under_a_notice(
    lines: list[str], first_body: int, is_other_field: Callable[[str], bool]
) -> Candidate | None:
    """An appeal or a forum's notice atop the page (a paragraph or two of prose, then short
    lines of chrome) when nothing above it is a headline: the article's own prose starts
    further down, under its headline, whose words come back in it."""
    top_end = next(
        (i for i in range(first_body, len(lines)) if not is_body_like(lines[i])), len(lines)
    )
    article_body = next(
        (i for i in range(top_end, len(lines)) if is_body_like(lines[i])), len(lines)
    )
    if top_end - first_body > TOP_NOTICE_PARAGRAPHS or article_body >= MAX_POSITION:
        return None
    article_words: set[str] = set()
    for line in lines[article_body : article_body + 3]:
        article_words |= content_words(line)
    best: Candidate | None = None
    for index in range(top_end, article_body):
        text = without_stamp(lines[index])
        score = shape_score(text)
        words = content_words(text)
        if score is None or is_other_field(text) or not words:
            continue
        shared = len(words & article_words) / len(words)
        if shared < 0.5:
            continue
        score += 2.0 * min(shared, 0.6) - 0.05 * index
        if best is None or score > best.score:
            best = Candidate(index, score)
    return best if best and best.score >= MIN_SCORE else None
