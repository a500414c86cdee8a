"""Saved web pages: main text via trafilatura, metadata from the markup, then the text rules."""

import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

from .dates import FoundDate, parse_date_line
from .fields import parse_byline, parse_signature_byline, person_names
from .header import split_site_name
from .outlets import Outlet, find_outlet, host_of, outlet_for_domain
from .page import RANK_PAGE_URL, RANK_SITE_NAME, TextArticle
from .shapes import same_text
from .text import parse_text

HTML_START_RE = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
TAG_RE = re.compile(
    r"<(p|div|br|a|span|h[1-6]|article|body|head|meta|script|style|title|li|ul|table|section)"
    r"\b[^<>]*>",
    re.IGNORECASE,
)
XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
STANDFIRST_CLASS_RE = re.compile(
    r"\b(?:standfirst|dek|sub-?headline|subtitle|article-summary|article__summary|summary|"
    r"lede|intro|strapline|teaser)\b",
    re.IGNORECASE,
)
DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "date", "dc.date.issued", "dc.date", "sailthru.date",
    "parsely-pub-date", "article.published", "dcterms.created",
)  # fmt: skip
NOT_CONTENT = (
    "script", "style", "noscript", "template", "svg", "iframe", "object", "form", "button",
    "select", "input", "textarea", "nav", "footer", "aside", "head",
)  # fmt: skip
# Markup the text must never contain; stripped before reading any text off the tree.
NEVER_TEXT = ("script", "style", "noscript", "template")
BYLINE_MARKUP_RE = re.compile(r"\b(?:byline|author|writer|contributor)", re.IGNORECASE)
TRAFILATURA_BLOCKS = ("p", "head", "item", "quote")
# trafilatura's XPath work grows faster than the page (a page of 20,000 paragraphs took
# seconds, 40,000 four times as long); real article pages have a few thousand elements. Above
# this the plain lxml extraction, which grows with the page, reads it instead.
MAX_TRAFILATURA_ELEMENTS = 10_000
BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt")


def looks_like_html(text: str, filename: str = "") -> bool:
    head = text[:5000]
    if HTML_START_RE.match(head):
        return True
    tags = {match.group(1).lower() for match in TAG_RE.finditer(head)}
    named_html = filename.lower().endswith((".html", ".htm", ".xhtml", ".shtml"))
    return len(tags) >= 3 or (named_html and len(tags) >= 1)


@dataclass
class PageMetadata:
    title: str = ""
    standfirst: str = ""
    site_name: str = ""
    page_url: str = ""
    published: FoundDate | None = None
    byline: str = ""
    captions: tuple[str, ...] = ()
    headings: frozenset[str] = frozenset()


def _text_of(element) -> str:
    return " ".join(" ".join(element.itertext()).split())


def _meta(tree, *names: str) -> str:
    """The content of the first of these <meta> names the page has (in the order given)."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if content := (meta.get("content") or "").strip():
            found.setdefault(key, content)
    return next((found[name.lower()] for name in names if name.lower() in found), "")


def _json_ld_value(tree, key: str) -> str:
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        match = re.search(rf'"{key}"\s*:\s*"([^"]{{4,40}})"', script.text)
        if match:
            return match.group(1)
    return ""


def _main_element(tree):
    for path in ("//article", "//main", "//*[@role='main']", "//body"):
        if found := tree.xpath(path):
            # Teaser cards are <article>s too: the article is the one with the most text.
            return max(found, key=lambda element: len(element.text_content()))
    return tree


def _page_title(tree, main) -> str:
    for root in (main, tree):
        for heading in root.iter("h1"):
            if title := _text_of(heading):
                return title
    if title := _meta(tree, "og:title", "twitter:title"):
        return title
    title_element = tree.find(".//title")
    if title_element is None:
        return ""
    return split_site_name(_text_of(title_element), _meta(tree, "og:site_name"))[0]


def _published(tree, main) -> FoundDate | None:
    candidates = [_meta(tree, *DATE_META), _json_ld_value(tree, "datePublished")]
    candidates += [time.get("datetime", "") for time in main.iter("time")]
    for candidate in candidates:
        if candidate and (found := parse_date_line(candidate.strip())):
            return found
    return None


def _standfirst(main) -> str:
    for element in main.iter("p", "div", "h2", "span"):
        classes = f"{element.get('class', '')} {element.get('itemprop', '')}"
        text = _text_of(element) if STANDFIRST_CLASS_RE.search(classes) else ""
        if 5 <= len(text.split()) <= 60:
            return text
    return ""


def _byline(tree, main) -> str:
    """From markup marked as the author's, else from a short 'By ...' line above the text."""
    for element in main.iter():
        marker = " ".join(element.get(name, "") for name in ("class", "rel", "itemprop"))
        if not BYLINE_MARKUP_RE.search(marker):
            continue
        for line in _element_lines(element).splitlines():
            line = " ".join(line.split())
            if byline := parse_byline(line) or parse_signature_byline(line):
                return byline.names
            if names := person_names(line):
                return names
    for element in main.iter("p", "div", "span", "address"):
        if len(element.text_content()) > 200:
            continue
        for line in _element_lines(element).splitlines():
            if byline := parse_byline(" ".join(line.split())):
                return byline.names
    author = _meta(tree, "author", "article:author")
    return (person_names(author) or "") if not author.startswith("http") else ""


def read_page_metadata(tree) -> PageMetadata:
    """Title, date, site name, captions and headings as the markup gives them."""
    published = _published(tree, _main_element(tree))
    site_name = _meta(tree, "og:site_name", "application-name")
    etree.strip_elements(
        tree, *NEVER_TEXT, etree.Comment, etree.ProcessingInstruction, with_tail=False
    )
    main = _main_element(tree)
    figcaptions = tuple(text for fig in main.iter("figcaption") if (text := _text_of(fig)))
    if not figcaptions:
        figcaptions = tuple(text for fig in tree.iter("figcaption") if (text := _text_of(fig)))
    headings = frozenset(
        text for heading in main.iter("h2", "h3", "h4", "h5", "h6") if (text := _text_of(heading))
    )
    canonical = next((link.get("href", "") for link in tree.iter("link")
                      if (link.get("rel") or "").lower() == "canonical"), "")  # fmt: skip
    return PageMetadata(
        title=_page_title(tree, main),
        standfirst=_standfirst(main),
        site_name=site_name,
        page_url=canonical or _meta(tree, "og:url"),
        published=published,
        byline=_byline(tree, main),
        captions=figcaptions,
        headings=headings,
    )


def _element_lines(element) -> str:
    """The text of an element with <br> kept as line breaks."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag in ("lb", "br") else "".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts)


@dataclass
class Extracted:
    blocks: list[str]
    author: str = ""  # "Jane Doe; John Roe"
    title: str = ""


def _trafilatura_blocks(html: str) -> Extracted:
    """Main-text blocks as trafilatura sees them, with the author and title it found."""
    try:
        document = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_formatting=True,
        )
    except Exception:
        # An extractor failing on odd markup must not lose the page: the lxml fallback reads it.
        return Extracted([])
    if document is None or document.body is None:
        return Extracted([])
    blocks = []
    for element in document.body.iter(*TRAFILATURA_BLOCKS):
        if next(element.iterdescendants(*TRAFILATURA_BLOCKS), None) is not None:
            continue  # a list item or quote holding paragraphs: they come on their own
        if text := _element_lines(element).strip():
            blocks.append(text)
    return Extracted(blocks, document.author or "", document.title or "")


def _fallback_blocks(tree) -> list[str]:
    """Plain lxml extraction for pages trafilatura finds nothing in."""
    for element in list(tree.iter(*NOT_CONTENT)):
        if element.getparent() is not None:
            element.drop_tree()
    main = _main_element(tree)
    blocks = []
    for element in main.iter(*BLOCK_TAGS):
        if element.tag in ("blockquote", "li") and any(
            child.tag in BLOCK_TAGS for child in element.iterdescendants()
        ):
            continue
        if text := _element_lines(element).strip():
            blocks.append(text)
    if not blocks:
        blocks = [line for line in main.text_content().splitlines() if line.strip()]
    return blocks


def _outlet_from_site_name(site_name: str, page_url: str) -> Outlet | None:
    if not site_name:
        return None
    known = find_outlet(site_name)
    if known:
        return known
    homepage = f"https://{host_of(page_url)}" if page_url.startswith("http") else ""
    name = " ".join(site_name.split())
    return Outlet(name=name, short_name=name, homepage=homepage, country="", kind="other")


def parse_html(html: str) -> TextArticle:
    html = XML_DECLARATION_RE.sub("", html, count=1)
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        tree = None
    metadata = read_page_metadata(tree) if tree is not None else PageMetadata()
    if tree is None or sum(1 for _ in tree.iter()) <= MAX_TRAFILATURA_ELEMENTS:
        extracted = _trafilatura_blocks(html)
    else:
        extracted = Extracted([])
    blocks = extracted.blocks
    if not blocks and tree is not None:
        blocks = _fallback_blocks(tree)
    article = parse_text(
        "\n\n".join(blocks),
        known_title=metadata.title or extracted.title,
        known_standfirst=metadata.standfirst,
        known_headings=metadata.headings,
        known_captions=frozenset(metadata.captions),
        may_be_wrapped=False,
    )
    for caption in metadata.captions:
        if not any(same_text(caption, taken) for taken in article.captions):
            article.captions.append(caption)
    if not article.standfirst and metadata.standfirst:
        article.standfirst = metadata.standfirst
    if metadata.published:
        article.published = metadata.published.value
        article.precision = metadata.published.precision
    if not article.byline:
        names = [name.strip() for name in extracted.author.split(";") if name.strip()]
        article.byline = metadata.byline or " and ".join(names)
    site_outlet = _outlet_from_site_name(metadata.site_name, metadata.page_url)
    article.add_clue(RANK_SITE_NAME, -1, site_outlet, f'og:site_name "{metadata.site_name}"')
    if metadata.page_url:
        url_outlet = outlet_for_domain(metadata.page_url)
        article.add_clue(RANK_PAGE_URL, -1, url_outlet, metadata.page_url)
    return article
