"""Lines anywhere on a page that name the page's own site by their shape, read once over the
page's lines after the walk (a credit at the foot counts as one on top):
- a label and the address of the site the text came from ("Source: https://www.example.ng/
  story", "Via: example.com");
- a site's address among words of its interface only: its promo heading ("CTVNews.ca Top
  Stories"), its copyright line however written ("@2024 – Chijosnews.com. All Rights
  Reserved.");
- a name in a masthead's shape alone on a line ("Medriva Newsroom" in the author's place,
  "The Kenyan DAILY POST" signing off), a weak clue: the header reads the ones atop the page
  more surely;
- a known outlet signing a paragraph off after its last sentence ("... on the occasion.
  (ANTARA)", "... and garbage. PNA-northboundasia.com"), as a dateline's agency would;
- weakest, the story naming its own outlet as the one it spoke for ("told News 12", "asked
  by Newsday", "As Ukrainian News Agency earlier reported"), a news name not known here: a
  known one told something is as often another outlet the story cites ("told Reuters"); a
  known one asking at a briefing or obtaining a document ("NHK obtained a draft") reports.
"""

import re

from articles.lexicon import BODIES

from .fields import MASTHEAD_NOUNS, masthead_name, person_names
from .headline import interface_share
from .outlets import (
    SITE_ADDRESS_RE,
    Outlet,
    current_catalogue,
    find_outlet,
    host_of,
    outlet_given_by_uploader,
    outlet_named_in,
    site_address_named,
)
from .page import (
    RANK_BYLINE,
    RANK_COPYRIGHT,
    RANK_DATELINE,
    RANK_DOMAIN,
    RANK_SELF_REFERENCE,
    UNKNOWN,
    Item,
    TextArticle,
    known_or_not,
)
from .places import is_known_place
from .shapes import same_text

# A label of one or two words, a colon, then only an address: the site the text is from
# ("Source: https://www.thecable.ng/48-youths-...", "Direct link: en.kremlin.ru/d/56295",
# a label misspelt as sites do: "Sourse: sputniknews.com").
ADDRESS_CREDIT_RE = re.compile(
    r"^(?P<label>[A-Za-z]+(?: [A-Za-z]+)?)\s*:\s*(?P<address>(?:https?://)?(?:[\w-]+\.)+"
    r"(?:[a-z]{2,6}|[A-Z]{2,6})(?:/\S*)?)\s*$"
)
# Labels of a picture's or a contact's address, not of the text's source.
_NOT_SOURCE_LABELS = """photo photos image images picture pictures credit credits video email
mail tel phone fax twitter facebook instagram telegram"""
NOT_SOURCE_LABELS = frozenset(_NOT_SOURCE_LABELS.split())
# Addresses of the places text is shared on, not of a publisher.
SHARING_HOSTS = ("facebook.com", "twitter.com", "x.com", "t.co", "instagram.com",
                 "youtube.com", "youtu.be", "t.me", "wa.me", "bit.ly")  # fmt: skip


def address_credit(line: str) -> str:
    """The host a label-and-address line credits ('thecable.ng'), or ''."""
    if len(line) > 300 or ":" not in line:
        return ""
    match = ADDRESS_CREDIT_RE.match(line)
    if not match or set(match["label"].casefold().split()) & NOT_SOURCE_LABELS:
        return ""
    host = host_of(match["address"])
    return "" if not host or is_sharing_host(host) else host


def is_sharing_host(host: str) -> bool:
    return any(host == shared or host.endswith("." + shared) for shared in SHARING_HOSTS)


# What stands beside a site's address in its copyright line or a promo heading, but words.
ADDRESS_LINE_NOISE_RE = re.compile(r"[\d©@|:.,()\[\]–—-]+")


def address_among_interface_words(line: str) -> tuple[Outlet, str] | None:
    """The site whose address stands on a short line among interface words only."""
    if len(line) > 100 or "." not in line or len(line.split()) > 8:
        return None
    match = SITE_ADDRESS_RE.search(line)
    if match is None:
        return None
    rest = ADDRESS_LINE_NOISE_RE.sub(" ", line[: match.start()] + " " + line[match.end() :])
    if rest.strip() and interface_share(rest) < 1.0:
        return None
    if set(rest.casefold().split()) & NOT_SOURCE_LABELS:
        return None  # "Photo: shutterstock.com": where a picture came from
    if is_sharing_host(host_of(match.group())):
        return None  # "Watch on YouTube.com"
    return site_address_named(match.group())


# A run of capitalised words: "Chijos News", "CTV News".
CAPITALISED_RUN_RE = re.compile(r"(?<![\w.])[A-Z][\w'’&-]*(?: [A-Z][\w'’&-]*){1,3}")


def spelled_out(outlet: Outlet, address: str, items: list[Item]) -> Outlet:
    """An outlet not known here, named by its address, under the name the page spells that
    address with ("Chijos News" for "Chijosnews.com"), the address its short name."""
    label = host_of(address).split(".", 1)[0]
    if len(label) < 4 or current_catalogue().outlet_for_domain(address):
        return outlet  # a known outlet has its name; a short label spells too many things
    for item in items:
        if label[:2].casefold() not in item.text.casefold():
            continue
        for run in CAPITALISED_RUN_RE.finditer(item.text):
            if "".join(run.group().split()).casefold() == label.casefold():
                return Outlet(run.group(), address, "", outlet.country, outlet.kind)
    return outlet


def read_site_lines(article: TextArticle, items: list[Item]) -> None:
    """Add the clues these lines give to the article's clues about its outlet."""
    credited = addressed = masthead = False
    for item in items:
        if not credited and (host := address_credit(item.text)):
            credited = True
            if known := current_catalogue().outlet_for_domain(host):
                article.add_clue(RANK_COPYRIGHT, item.line, known, item.text)
            else:
                outlet = Outlet(name=host, short_name=host, homepage="", country="", kind="other")
                outlet = spelled_out(outlet, host, items)
                article.add_clue(RANK_COPYRIGHT + UNKNOWN, item.line, outlet, item.text)
        if not addressed and (found := address_among_interface_words(item.text)):
            addressed = True
            outlet = spelled_out(found[0], found[1], items)
            article.add_clue(known_or_not(RANK_DOMAIN, found[1]), item.line, outlet, found[1])
        if not masthead and (name := _masthead_alone(item, article)):
            masthead = True
            article.add_named_clue(RANK_BYLINE, item.line, name)
    read_sign_off(article)
    if not article.clues:
        read_self_reference(article)


def _masthead_alone(item: Item, article: TextArticle) -> str | None:
    """A masthead anywhere: not in the lines removed as menus or promos, nor the headline."""
    text = item.text.strip(" •·|-–—")
    last = text.rsplit(None, 1)[-1].strip(".'’").casefold() if text else ""
    if len(text) > 80 or (last not in MASTHEAD_NOUNS and last != "edition"):
        return None  # (a quick look at the last word first: most lines end otherwise)
    if (
        (name := masthead_name(text))
        and name.split()[-1].casefold() in NEWS_NOUNS
        and item.line in article.kept_lines
        and item.line != article.title_line
        and not same_text(text, article.title)
    ):
        return name
    return None


# "... on the occasion. (ANTARA)", "... and garbage. PNA-northboundasia.com": after a
# sentence's end, a name in brackets, or a name joined to the address of the site carrying it.
SIGN_OFF_RE = re.compile(
    r"[.!?”\"]\s*(?:\((?P<bracketed>[A-Za-z][\w .&-]{1,30})\)|(?P<name>[A-Z][\w-]{1,20})[-–/]"
    r"(?:[\w-]+\.)+[a-z]{2,6})\.?$"
)


def read_sign_off(article: TextArticle) -> None:
    """A known outlet signing off a paragraph of the story: the agency whose copy it is. (One
    not known there is as often a picture's credit: "(Chinese media/Yao Dawei)".)"""
    for paragraph in article.paragraphs:
        if paragraph.kind != "text":
            continue
        match = SIGN_OFF_RE.search(paragraph.text[-80:])
        if match and (outlet := find_outlet(match["bracketed"] or match["name"])):
            article.add_clue(RANK_DATELINE, -1, outlet, match.group()[1:].strip())
            return


# "told News 12", "asked by Newsday", "told the Ghana News Agency", "As Ukrainian News Agency
# earlier reported", "Example News has learned": where a story names the outlet it reports
# for. (Not "X reported" alone, nor "in an interview with X": those cite another outlet.)
_SELF_NAME = r"(?:the )?(?P<name>[A-Z][\w&'’-]*(?: (?:of )?[A-Z0-9][\w&'’-]*){0,3})"
# Each with words a paragraph must hold for it to be searched (most hold none), and whether
# a known outlet there is the page's own: the one asking at a briefing, or that obtained a
# document, reports; one told something is as often another outlet the story cites.
SELF_REFERENCE_RES = (
    (("told", "spok"), re.compile(rf"\b(?:told|speaking to|spoke to) {_SELF_NAME}"), False),
    (("asked by",), re.compile(rf"\basked by {_SELF_NAME}"), True),
    (
        ("reported", "revealed"),
        re.compile(
            rf"\b[Aa]s {_SELF_NAME} (?:earlier |previously |first )?(?:reported|revealed)\b"
        ),
        False,
    ),
    (
        ("learn", "obtained"),
        re.compile(rf"{_SELF_NAME} (?:(?:has|had) (?:learned|learnt|obtained)|obtained)\b"),
        True,
    ),
)
# Nouns that end the names of news outlets, not of other bodies ("Agency", "Service" end both).
NEWS_NOUNS = MASTHEAD_NOUNS - BODIES


def is_news_name(name: str) -> bool:
    """'News 12', 'Newsday', 'Ghana News Agency', 'The Steppe Times': a name only a news outlet
    goes by (not a person's, a place's, a parliament's)."""
    words = name.split()
    if any("news" in word.casefold() for word in words):
        return True
    # "Jane Post" may be a person, "Washington Post" is not a place.
    return (
        words[-1].casefold() in NEWS_NOUNS and not person_names(name) and not is_known_place(name)
    )


def read_self_reference(article: TextArticle) -> None:
    """The first news name the story writes as the one it reports for."""
    for paragraph in article.paragraphs:
        if paragraph.kind != "text":
            continue
        for words, pattern, known_too in SELF_REFERENCE_RES:
            if not any(word in paragraph.text for word in words):
                continue
            for match in pattern.finditer(paragraph.text):
                name = match["name"].removesuffix("’s").removesuffix("'s")
                if known_too and (known := find_outlet(name)):
                    article.add_clue(RANK_SELF_REFERENCE, -1, known, match.group())
                    return
                if is_news_name(name) and not outlet_named_in(name):
                    outlet = outlet_given_by_uploader(name)
                    article.add_clue(RANK_SELF_REFERENCE, -1, outlet, match.group())
                    return
