"""The database side of reading an article: its quotes and speakers, its story, its related
stories, its statement groups.

The text work is done by the pure modules (`quotes`, `matching`); this package loads what they
need from the database and saves what they decide, inside the caller's transaction. Every
editor decision (a confirmed or rejected quote, a corrected speaker, a moved quote, an article
moved to another story) survives re-processing. `process_article` runs the steps for one
article, each in a module of its own: people, placement (its story), statements (its statement
groups) and relatives (its story's related stories, linked after the import by
`link_all_pending_relatives`).

Import is the hot path (issue 6: 100,000 articles), so a new article costs a fixed, small number
of queries whatever the size of the database: its row, its quotes and its new statement groups
are each written once, with their story and groups already decided (the models' fast inserts,
such as Article.objects.insert); what the matchers need of candidate stories comes from a
per-process cache that one query per article checks against the database; the few queries
every import runs are written out in SQL.
"""

import dataclasses

from django.db import transaction
from django.utils import timezone

from articles.models import Article, PendingRelatives, Person, Quote
from articles.quotes import extract_quotes, quotable_texts

from .healing import heal, heal_new_stories
from .people import known_people_in, save_people
from .placement import (
    article_for_story,
    article_for_story_from,
    clear_cached_stories,
    place_new_article,
    remember_new_article,
    retitle,
)
from .relatives import link_all_pending_relatives, link_relatives
from .statements import match_article_statements, refresh_groups

__all__ = [
    "heal_new_stories",
    "link_all_pending_relatives",
    "process_article",
    "reread_headline_quotes",
]


def process_article(article: Article) -> None:
    """(Re-)extract quotes, place the article in a story and match its statements.

    An article not saved yet (a fresh import) is saved here, once its story is known, so that
    each of its rows is written once.
    """
    # No savepoint of our own: the importer's transaction is the article's transaction.
    with transaction.atomic(savepoint=False):
        if article.pk is None:
            _process_new(article)
        else:
            _reprocess(article)


def _process_new(article: Article) -> None:
    article.body = article.body_text
    extraction, people = _extract_and_save_people(quotable_texts(article.paragraphs), article.title)
    quotes = [_quote_from(found, people) for found in extraction.quotes]
    names = {person.pk: person.name for person in people.values()}
    # A story is found by the body's quotes: a headline's repeat its words, and the title is
    # read already.
    body = [quote for quote in quotes if quote.place == Quote.Place.BODY]
    speakers = {quote.person_id for quote in body} - {None}
    mine = article_for_story_from(
        article, None, [(quote.text, names.get(quote.person_id)) for quote in body]
    )
    placement = place_new_article(article, mine, speakers)
    article.story_id, started = placement.story_id, placement.started
    Article.objects.insert(article)
    for quote in quotes:
        quote.article = article
    match_article_statements(article, new_quotes=quotes)
    mine = dataclasses.replace(mine, key=article.pk)
    # Relations are symmetric: a story finds its relatives once, after it starts.
    if started and speakers:
        PendingRelatives.objects.create(story_id=article.story_id)
    story = remember_new_article(article, mine, started, placement.joined)
    if story is not None:
        _heal_and_retitle(article, story, placement)


def _heal_and_retitle(article: Article, story, placement) -> None:
    """Merge the stories the new article shows to be its story's event, take in the single
    articles that now fit it, and name it by its most central headline."""
    gone = heal(
        article.story_id, story, placement.candidates, placement.also_matches, placement.near
    )
    if gone:
        clear_cached_stories([article.story_id, *gone])
    retitle(story)


def _reprocess(article: Article) -> None:
    quotes = _refresh_quotes(article)
    started = False
    if article.story_id is None:
        visible = [
            q for q in quotes if q.status != Quote.Status.REJECTED and q.place == Quote.Place.BODY
        ]
        mine = article_for_story(article, visible)
        speakers = {q.person_id for q in visible if q.person_id}
        placement = place_new_article(article, mine, speakers)
        article.story_id, started = placement.story_id, placement.started
    match_article_statements(article)
    # processed_at tells cached story samples (see story_candidates) to load this one again.
    Article.objects.filter(pk=article.pk).update(
        story_id=article.story_id,
        search_vector=Article.search_vector_of(article.title, article.standfirst, article.body),
        processed_at=timezone.now(),
    )
    article.quotes.update_search_vectors()
    article.story.refresh_date_range()
    if started:
        link_relatives([article.story_id])


def _extract_and_save_people(paragraphs: list[str], headline: str = ""):
    """The extractor's findings for an article body (its headline read for the people it
    names), and the stored Person for each name."""
    known = known_people_in(" ".join([headline, *paragraphs]))
    extraction = extract_quotes(paragraphs, list(known.values()), headline or "")
    return extraction, save_people(extraction.people, known)


def _quote_from(found, people: dict[str, Person], article: Article | None = None) -> Quote:
    person = people.get(found.speaker) if found.speaker else None
    return Quote(
        article=article,
        person_id=person.pk if person else None,
        text=found.text,
        kind=found.kind,
        speaker_mention=found.speaker_mention[:200],
        verb=found.verb[:60],
        place=found.place,
        start_paragraph=found.start_paragraph,
        start_offset=found.start_offset,
        end_paragraph=found.end_paragraph,
        end_offset=found.end_offset,
        confidence=round(found.confidence, 3),
    )


def _refresh_quotes(article: Article) -> list[Quote]:
    """Store the extractor's quotes, keeping every quote an editor has decided on."""
    extraction, people = _extract_and_save_people(quotable_texts(article.paragraphs), article.title)

    existing = list(article.quotes.all())
    kept = [quote for quote in existing if quote.is_editor_decided]
    # An unreviewed quote is the extractor's own work: replaced by what it finds now.
    stale = [q.pk for q in existing if not q.is_editor_decided]
    if stale:
        Quote.objects.filter(pk__in=stale).delete()

    fresh = []
    for found in extraction.quotes:
        decided = next((q for q in kept if _same_span(q, found)), None)
        if decided is not None:
            if not decided.speaker_locked and found.speaker in people:
                decided.person = people[found.speaker]
                decided.save(update_fields=["person", "updated_at"])
            continue  # the editor's version of this quote stands
        fresh.append(_quote_from(found, people, article))
    Quote.objects.bulk_create(fresh)
    return kept + fresh


def reread_headline_quotes(article: Article) -> list[int]:
    """After an editor changed the title: the headline's quotes read again from it. One an
    editor decided on stays, moved to where its words now are, or goes if they are gone; the
    extractor's own are replaced by what it finds now, and join the story's statements.
    Returns the ids of the quotes added (the caller's Change records them)."""
    extraction, people = _extract_and_save_people(quotable_texts(article.paragraphs), article.title)
    kept, left = [], set()
    for quote in article.quotes.filter(place=Quote.Place.HEADLINE):
        at = article.title.find(quote.text) if quote.text else -1
        if not quote.is_editor_decided or at < 0:
            left.add(quote.group_id)
            quote.delete()
            continue
        quote.start_offset, quote.end_offset = at, at + len(quote.text)
        quote.save(update_fields=["start_offset", "end_offset", "updated_at"])
        kept.append(quote)
    fresh = [
        _quote_from(found, people, article)
        for found in extraction.quotes
        if found.place == Quote.Place.HEADLINE and not any(_same_span(q, found) for q in kept)
    ]
    Quote.objects.bulk_create(fresh)
    Quote.objects.filter(pk__in=[q.pk for q in fresh]).update_search_vectors()
    if article.story_id and fresh:
        match_article_statements(article)
    # the statements the old headline quotes left: a new fullest wording, or none if emptied
    refresh_groups(left - {None})
    return [quote.pk for quote in fresh]


def _same_span(quote: Quote, found) -> bool:
    """Whether a stored quote and a newly found one cover overlapping text (in the same place:
    the headline's offsets are not the body's)."""
    if quote.place != found.place:
        return False
    start = (quote.start_paragraph, quote.start_offset)
    end = (quote.end_paragraph, quote.end_offset)
    found_start = (found.start_paragraph, found.start_offset)
    found_end = (found.end_paragraph, found.end_offset)
    return start < found_end and found_start < end
