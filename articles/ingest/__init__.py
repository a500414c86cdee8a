"""The ingest pipeline: one uploaded file (bytes) in, one clean article out.

Pure code: no database, no Django. `parse_article` is the whole public entry point; the
dataclasses it returns are plain and JSON-ready through `ParsedArticle.to_dict()`.
"""

import logging

from .article import Paragraph, ParsedArticle, Stripped
from .dates import MONTH_FIRST_COUNTRIES, day_first_reading
from .decoding import decode_bytes
from .errors import IngestError
from .html import looks_like_html, parse_html
from .outlets import (
    KNOWN_OUTLETS,
    Catalogue,
    KnownOutlet,
    Outlet,
    current_catalogue,
    find_outlet,
    outlet_given_by_uploader,
    reading_with,
)
from .page import RANK_SELF_REFERENCE, TextArticle
from .text import parse_text

__all__ = [
    "KNOWN_OUTLETS",
    "Catalogue",
    "IngestError",
    "KnownOutlet",
    "Outlet",
    "Paragraph",
    "ParsedArticle",
    "Stripped",
    "find_outlet",
    "parse_article",
]

logger = logging.getLogger(__name__)


def parse_article(
    data: bytes,
    *,
    filename: str = "",
    outlet: str | None = None,
    outlets: Catalogue | None = None,
) -> ParsedArticle:
    """Turn one uploaded file into a clean article, or raise IngestError saying what is wrong.

    `outlet` is the uploader's word for who published it (a name, short name or domain); it
    overrides whatever the text says. `outlets` are the outlets to recognise (the stored ones,
    for an import); the list in known_outlets.json if None.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"parse_article() takes bytes, not {type(data).__name__}")
    try:
        with reading_with(outlets):
            return _parse(bytes(data), filename, outlet)
    except IngestError:
        raise
    except Exception as error:
        # A bug of ours must still reach the uploader as a clear refusal, not a traceback.
        logger.exception("ingest failed unexpectedly on %r", filename)
        raise IngestError(
            "This file could not be read as an article (the parser failed on it). "
            "Try saving the article again as plain text."
        ) from error


def _parse(data: bytes, filename: str, outlet: str | None) -> ParsedArticle:
    text = decode_bytes(data)
    is_html = looks_like_html(text, filename)
    parsed = parse_html(text) if is_html else parse_text(text)
    if not any(paragraph.kind == "text" for paragraph in parsed.paragraphs):
        raise IngestError(
            "No article text was found in this file: after removing menus, share buttons and "
            "other page furniture nothing like paragraphs of prose was left."
        )
    chosen, evidence = _choose_outlet(parsed, outlet)
    published = parsed.published
    # The order of a numeric date's day and month is the site's: an outlet the story only
    # names as the one it reports for may be a supplier printed on another country's site.
    site_outlet = chosen if not _named_only_in_story(parsed, outlet) else None
    if (
        published
        and parsed.published_ambiguous
        and site_outlet is not None
        and site_outlet.country not in MONTH_FIRST_COUNTRIES
    ):
        published = day_first_reading(published)
    return ParsedArticle(
        format="html" if is_html else "text",
        title=parsed.title,
        standfirst=parsed.standfirst,
        outlet=chosen,
        outlet_evidence=evidence,
        published=published,
        published_precision=parsed.precision if published else "unknown",
        dateline=parsed.dateline,
        byline=parsed.byline,
        credits="; ".join(parsed.credits),
        paragraphs=parsed.paragraphs,
        captions=parsed.captions,
        stripped=parsed.stripped,
        published_inferred=bool(published) and parsed.published_inferred,
    )


def _named_only_in_story(parsed: TextArticle, given: str | None) -> bool:
    """Whether the outlet read comes only from the story's words about itself."""
    clue = parsed.best_clue()
    return not (given and given.strip()) and clue is not None and clue.rank >= RANK_SELF_REFERENCE


def _choose_outlet(parsed: TextArticle, given: str | None) -> tuple[Outlet | None, str]:
    if given and given.strip():
        return outlet_given_by_uploader(given), ""
    if clue := parsed.best_clue():
        return clue.outlet, clue.evidence
    # Last, the credit shapes outlets are known to print ("Reporting by ... for Kyiv Post").
    texts = [
        *parsed.credits,
        *(p.text for p in parsed.paragraphs),
        *(s.text for s in parsed.stripped),
    ]
    found = current_catalogue().outlet_in_credit_forms(texts)
    return found if found else (None, "")
