"""After an article is stored: its quotes and speakers, its story, its statement groups.

The text work is done by the pure modules (`quotes`, `matching`); this module loads what they
need from the database and saves what they decide, inside the caller's transaction. Every
editor decision (a confirmed or rejected quote, a corrected speaker, a moved quote, an article
moved to another story) survives re-processing.

Import is the hot path (issue 6: 100,000 articles), so a new article costs a fixed, small number
of queries whatever the size of the database: its row, its quotes and its new statement groups
are each written once, with their story and groups already decided; what the matchers need of
candidate stories comes from a per-process cache that one query per article checks against the
database; the few queries every import runs are written out in SQL. Several worker processes
may import at once: an article about to start a story first waits for any other import
starting one near its date (an advisory lock), so one event does not become two stories.
A new story's related stories are looked for after the article's transaction, for many new
stories at once (link_pending_relatives), so that the lock is not held while they are.
"""

import dataclasses
import datetime
import json
import re
import threading
import time
from collections import Counter, OrderedDict
from dataclasses import asdict
from types import SimpleNamespace

from django.contrib.postgres.aggregates import ArrayAgg
from django.db import connection, transaction
from django.db.models import F, Prefetch, Q, Value, Window
from django.db.models.functions import Coalesce, Greatest, Least, RowNumber
from django.utils import timezone

from articles import matching
from articles.models import (
    Article,
    PendingRelatives,
    Person,
    PersonAlias,
    PersonStory,
    Quote,
    StatementGroup,
    Story,
    StoryRelatedProfile,
)
from articles.quotes import KnownPerson, extract_quotes, quotable_texts

# How many of a story's articles stand for it when matching a new article (the first and the
# latest): enough for its words and people, bounded for stories with thousands of articles.
STORY_SAMPLE = 40
# Dated stories considered for an article: those whose dates come near its date, newest first.
DATED_CANDIDATES = 200
# Undated stories considered for any article: the most recent ones (for a dated article), or
# the most recent sharing a person (for an undated one).
UNDATED_CANDIDATES = 30
# Other stories a new story may be related to: the most recent sharing a person. A relative
# is compared by its words pooled, which a few articles give: each stands for itself by its
# first and latest RELATED_SAMPLE articles, not STORY_SAMPLE (some 5% of an import's CPU on
# 100,000 articles, where relatives are a fifth of it).
RELATED_CANDIDATES = 50
RELATED_SAMPLE = 5
# Similarity above which a stored alias is worth asking match_person about.
ALIAS_TRIGRAM_MIN = 0.35
_NAME_TOKEN = re.compile(r"\b[A-Z][\w'’-]+")


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
    extraction, people = extract_and_save_people(quotable_texts(article.paragraphs))
    quotes = [_quote_from(found, people) for found in extraction.quotes]
    names = {person.pk: person.name for person in people.values()}
    speakers = {quote.person_id for quote in quotes} - {None}
    mine = _article_for_story(
        article, None, [(quote.text, names.get(quote.person_id)) for quote in quotes]
    )
    article.story_id, started, joined = _place_new_article(article, mine, speakers)
    Article.objects.insert(article)
    for quote in quotes:
        quote.article = article
    match_article_statements(article, new_quotes=quotes)
    mine = dataclasses.replace(mine, key=article.pk)
    # Relations are symmetric: a story finds its relatives once, after it starts.
    if started and speakers:
        PendingRelatives.objects.create(story_id=article.story_id)
    _remember_new_article(article, mine, started, joined)


def _reprocess(article: Article) -> None:
    quotes = refresh_quotes(article)
    started = False
    if article.story_id is None:
        visible = [q for q in quotes if q.status != Quote.Status.REJECTED]
        mine = article_for_story(article, visible)
        speakers = {q.person_id for q in visible if q.person_id}
        article.story_id, started, _ = _place_new_article(article, mine, speakers)
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


# ----------------------------------------------------------------------------- quotes


def extract_and_save_people(paragraphs: list[str]):
    """The extractor's findings for an article body, and the stored Person for each name."""
    known = known_people_in(" ".join(paragraphs))
    extraction = extract_quotes(paragraphs, known_people=list(known.values()))
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
        start_paragraph=found.start_paragraph,
        start_offset=found.start_offset,
        end_paragraph=found.end_paragraph,
        end_offset=found.end_offset,
        confidence=round(found.confidence, 3),
    )


def refresh_quotes(article: Article) -> list[Quote]:
    """Store the extractor's quotes, keeping every quote an editor has decided on."""
    extraction, people = extract_and_save_people(quotable_texts(article.paragraphs))

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


def _same_span(quote: Quote, found) -> bool:
    """Whether a stored quote and a newly found one cover overlapping text."""
    start = (quote.start_paragraph, quote.start_offset)
    end = (quote.end_paragraph, quote.end_offset)
    found_start = (found.start_paragraph, found.start_offset)
    found_end = (found.end_paragraph, found.end_offset)
    return start < found_end and found_start < end


def _with_aliases(people):
    """People with `alias_list`: all their aliases, oldest first."""
    return people.annotate(
        alias_list=ArrayAgg("aliases__alias", order_by="aliases__id", default=[])
    )


def known_people_in(text: str) -> dict[int, KnownPerson]:
    """Stored people whose aliases occur in `text`, with all their aliases, by person id."""
    tokens = set(_NAME_TOKEN.findall(text))
    if not tokens:
        return {}
    lowered = {token.lower() for token in tokens}
    known = {}
    for pk, name, role, aliases in _rows(KNOWN_PEOPLE_SQL, [sorted(lowered)]):
        # Only a person's surname in the text makes them "known" here: a title ("President")
        # would make every president known to every article.
        surname = name.split()[-1].lower() if name.split() else ""
        if surname in lowered and any(alias.lower() == surname for alias in aliases):
            known[pk] = KnownPerson(key=pk, name=name, aliases=tuple(aliases), role=role)
    return known


# The queries every import runs, written out: building them with the ORM took more time than
# running them. Each says which QuerySet it stands for.

# Person.objects.filter(aliases__alias__lower__in=...) with all their aliases, oldest first
# (alias_lower_idx finds them). The ids as an array, looked up by primary key: as a join
# (`p.id IN (SELECT ...)`) the planner expected a match for every name-like word and read the
# whole person table for each article.
KNOWN_PEOPLE_SQL = """
    SELECT p.id, p.name, p.role,
           ARRAY(SELECT a.alias FROM articles_personalias a WHERE a.person_id = p.id ORDER BY a.id)
    FROM articles_person p
    WHERE p.id = ANY(ARRAY(
        SELECT DISTINCT person_id FROM articles_personalias WHERE lower(alias) = ANY(%s)
    ))
"""


def _rows(sql: str, params) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def save_people(found_people, known: dict[int, KnownPerson]) -> dict[str, Person]:
    """The stored Person for everyone named in an article (by the name the extractor gave),
    matched, created or enriched; new aliases are stored in one query."""
    people = {}
    aliases = []
    for found in found_people:
        person = _stored_person(found, known)
        people[found.name] = person
        stored = {alias for alias in getattr(person, "alias_list", ())}
        wanted = {found.name, found.name.split()[-1], *filter(useful_alias, found.aliases)}
        aliases += [
            PersonAlias(person_id=person.pk, alias=alias[:200])
            for alias in sorted(wanted)
            if alias.strip() and alias[:200] not in stored
        ]
    if aliases:
        PersonAlias.objects.bulk_create(aliases, ignore_conflicts=True)
    return people


def _stored_person(found, known: dict[int, KnownPerson]) -> Person:
    person = None
    if found.known_key in known:
        # Loaded a moment ago by known_people_in, aliases and all: no need to ask again.
        data = known[found.known_key]
        person = Person(pk=data.key, name=data.name, role=data.role)
        person.alias_list = list(data.aliases)
    elif found.known_key is not None:
        person = _with_aliases(Person.objects.filter(pk=found.known_key)).first()
    if person is None:
        person = match_stored_person(found.name, found.role)
    if person is None:
        person = Person.objects.create(name=found.name[:200], role=found.role[:200])
        person.alias_list = []
        return person
    changed = []
    # Keep the fullest form of the name seen anywhere ("Medvedev" -> "Dmitry Medvedev").
    if len(found.name.split()) > len(person.name.split()) and _plain_name(found.name):
        person.name = found.name[:200]
        changed.append("name")
    if found.role and not person.role:
        person.role = found.role[:200]
        changed.append("role")
    if changed:
        Person.objects.filter(pk=person.pk).update(
            **{field: getattr(person, field) for field in changed}
        )
    return person


ROLE_WORDS = frozenset(
    " ".join(
        [
            "president prime minister premier chancellor secretary-general secretary general",
            "chief head leader spokesman spokeswoman spokesperson ambassador governor mayor",
            "king queen envoy commander director chairman chairwoman chair official senator",
            "judge foreign defence defense interior finance deputy vice acting former first",
        ]
    ).split()
)


def useful_alias(alias: str) -> bool:
    """Whether an alias can name this person in other articles: a name, or a role with a
    qualifier ("former Danish prime minister", "NATO Secretary-General"); not a bare title
    ("President", "the premier") that would fit anyone holding it."""
    words = alias.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words:
        return False
    lowered = [word.lower().strip(",.") for word in words]
    has_role = any(word in ROLE_WORDS for word in lowered)
    qualified = any(word not in ROLE_WORDS for word in lowered)
    if has_role:
        return qualified
    # No role word: only a proper name will do ("Fogh Rasmussen"), not "The Western".
    return alias[:1].isupper() and not alias.lower().startswith("the ")


def _plain_name(name: str) -> bool:
    return all(word[:1].isupper() for word in name.split())


# The people with an alias like a surname: spelled the same (alias_lower_idx; short names have
# too few trigrams for the other test), or with trigram similarity (`%`, threshold 0.3, then
# ALIAS_TRIGRAM_MIN) through alias_trigram_idx. Two index scans: asked in one WHERE with OR,
# PostgreSQL read every alias (25 ms with 7,500 of them).
SIMILAR_ALIASES_SQL = """
    SELECT person_id FROM (
        SELECT person_id, 1.0::real AS similarity FROM articles_personalias
        WHERE lower(alias) = lower(%(surname)s)
        UNION ALL
        SELECT person_id, similarity(alias, %(surname)s) FROM articles_personalias
        WHERE alias %% %(surname)s AND similarity(alias, %(surname)s) >= %(least)s
    ) alike
    GROUP BY person_id ORDER BY max(similarity) DESC LIMIT 200
"""


def match_stored_person(name: str, role: str = "") -> Person | None:
    """A stored person this name refers to: candidates by trigram similarity of the surname,
    the decision by `matching.match_person` (titles, misspellings, shared surnames).
    The person comes with `alias_list`, all their aliases."""
    surname = name.split()[-1] if name.split() else name
    alias_rows = [
        pk for (pk,) in _rows(SIMILAR_ALIASES_SQL, {"surname": surname, "least": ALIAS_TRIGRAM_MIN})
    ]
    if not alias_rows:
        return None
    people = list(_with_aliases(Person.objects.filter(pk__in=alias_rows)))
    candidates = [
        matching.PersonCandidate(key=person.pk, name=person.name, aliases=tuple(person.alias_list))
        for person in people
    ]
    key = matching.match_person(name, candidates, role=role)
    return next((person for person in people if person.pk == key), None)


# ----------------------------------------------------------------------------- stories


def article_for_story(article: Article, quotes=None) -> matching.ArticleForStory:
    if quotes is None:
        quotes = list(article.quotes.visible().select_related("person"))
    return _article_for_story(
        article,
        article.pk,
        [(quote.text, quote.person.name if quote.person_id else None) for quote in quotes],
    )


def _article_for_story(article, key, quotes: list[tuple[str, str | None]]):
    """`quotes`: (text, speaker's name or None) of the article's visible quotes, in order."""
    return matching.ArticleForStory(
        key=key,
        published=article.published_at.date() if _dated(article) else None,
        people=tuple(sorted({name for _, name in quotes if name})),
        places=(article.dateline,) if article.dateline else (),
        text=f"{article.title}\n\n{article.body}",
        quote_texts=tuple(text for text, _ in quotes),
    )


def _dated(article: Article) -> bool:
    return (
        article.published_at is not None
        and article.published_precision != Article.Precision.UNKNOWN
    )


# Story rows as story_candidates wants them: the key, then what tells whether it changed (its
# dates and its revision, which a trigger moves on every change to its articles: see migration
# 0011_story_revision), for the story ids {stories} selects (one column, no duplicates). Each
# story is looked up by its key (LIMIT 1 keeps the subquery from being flattened into a join):
# with `IN`, or a join, the planner read all 28,000 stories of the 100k archive to hash them
# for a hundred ids (3 ms of every import; 0.4 ms looked up).
STORY_ROWS_SQL = """
    SELECT s.id, s.start_date, s.end_date, r.value
    FROM ({stories}) c
    CROSS JOIN LATERAL (
        SELECT id, start_date, end_date FROM articles_story WHERE id = c.id LIMIT 1
    ) s
    LEFT JOIN articles_story_revision r ON r.story_id = s.id
    ORDER BY s.id DESC
"""
REVISION_SQL = "SELECT value FROM articles_story_revision WHERE story_id = %s"

# Dated stories overlapping the days around an article's date (story_dates_idx finds them) and
# the latest undated ones (story_undated_idx).
NEAR_STORIES_SQL = STORY_ROWS_SQL.format(
    stories="""
        (SELECT id FROM articles_story
         WHERE start_date IS NOT NULL AND id <> %(exclude)s
           AND daterange(start_date, end_date, '[]') && daterange(%(start)s, %(end)s, '[]')
         ORDER BY id DESC LIMIT %(dated)s)
        UNION ALL
        (SELECT id FROM articles_story WHERE start_date IS NULL AND id <> %(exclude)s
         ORDER BY id DESC LIMIT %(undated)s)
    """
)

# The latest stories quoting any of some people: each person's latest stories by their latest
# quote there (PersonStory, person_story_recent_idx), the newest stories of those.
PEOPLES_STORIES_SQL = STORY_ROWS_SQL.format(
    stories=f"""
        SELECT DISTINCT latest.story_id AS id
        FROM unnest(%(people)s::bigint[]) AS person(id)
        CROSS JOIN LATERAL (
            SELECT ps.story_id FROM {PersonStory._meta.db_table} ps
            WHERE ps.person_id = person.id AND ps.story_id <> %(exclude)s
            ORDER BY ps.person_id, ps.latest_quote DESC LIMIT %(stories)s
        ) latest
        ORDER BY latest.story_id DESC LIMIT %(stories)s
    """
)


# peoples_stories' rows for a new story's relatives, each with the story's stored related
# profile (terms, people) if it was made for the story as it is now, else two NULLs.
RELATED_CANDIDATES_SQL = f"""
    SELECT c.*, p.terms, p.people FROM ({PEOPLES_STORIES_SQL}) c
    LEFT JOIN {StoryRelatedProfile._meta.db_table} p ON p.story_id = c.id AND p.revision = c.value
    ORDER BY c.id DESC
"""


def peoples_stories(
    people_ids: set[int], exclude: int | None, limit: int, sql: str = PEOPLES_STORIES_SQL
) -> list[tuple]:
    """Rows for `story_candidates` of the latest `limit` stories quoting one of these people
    (`sql`: PEOPLES_STORIES_SQL, or RELATED_CANDIDATES_SQL for their stored profiles too)."""
    if not people_ids:
        return []
    return _rows(
        sql,
        {
            "people": sorted(people_ids),
            "exclude": exclude or 0,
            "stories": limit,
        },
    )


def candidate_rows(article: Article, people_ids: set[int]) -> list[tuple]:
    """Stories the article may belong to, as rows for `story_candidates`: in one query, those
    whose dates come within STORY_MAX_GAP_DAYS of its date, and the latest undated ones; for an
    undated article, the latest stories quoting one of its people."""
    if not _dated(article):
        return peoples_stories(people_ids, article.story_id, UNDATED_CANDIDATES)
    day = article.published_at.date()
    window = datetime.timedelta(days=matching.STORY_MAX_GAP_DAYS)
    return _rows(
        NEAR_STORIES_SQL,
        {
            "exclude": article.story_id or 0,
            "start": day - window,
            "end": day + window,
            "dated": DATED_CANDIDATES,
            "undated": UNDATED_CANDIDATES,
        },
    )


# Candidate stories as the matcher sees them, kept between articles in this process. Each use
# checks them against a row read in the same query that finds the candidates (dates and
# revision), so an article added, moved, changed or re-processed by any process makes the story
# load again. Editors' corrections to single quotes (a rejected quote,
# a new speaker) change none of these; they reach the cache within STORY_CACHE_SECONDS.
STORY_CACHE_SIZE = 2048  # a few weeks of news: the stories candidate for the next article
ARTICLE_CACHE_SIZE = 4096
STORY_CACHE_SECONDS = 300
_cache_lock = threading.Lock()


@dataclasses.dataclass(frozen=True, slots=True)
class _CachedStory:
    version: tuple  # the row from STORY_ROWS_SQL, without the key
    loaded_at: float  # time.monotonic()
    candidate: matching.StoryCandidate
    # Each sampled article's place in publication order, as the database orders them.
    order: tuple[tuple, ...]
    sample: int  # the most articles it was sampled with


_story_cache: OrderedDict[int, _CachedStory] = OrderedDict()
_article_cache: OrderedDict[int, tuple[datetime.datetime, matching.ArticleForStory]] = OrderedDict()


def clear_caches() -> None:
    with _cache_lock:
        _story_cache.clear()
        _article_cache.clear()
        _stored_profiles.clear()


def _remember(cache: OrderedDict, key, value, size: int) -> None:
    """Keep `value` as the newest entry of `cache`, which holds the newest `size`."""
    with _cache_lock:
        cache[key] = value
        cache.move_to_end(key)
        while len(cache) > size:
            cache.popitem(last=False)


def _order_key(published: datetime.datetime | None, pk: int) -> tuple:
    # ORDER BY published_at, id: undated last.
    return (published is None, published.timestamp() if published else 0.0, pk)


def _sample(entries, size: int) -> tuple[tuple, tuple]:
    """(order keys, articles) of the first article and the `size` - 1 latest, from
    (order key, article) pairs of the story."""
    entries = sorted(entries, key=lambda entry: entry[0])
    if len(entries) > size:
        entries = [entries[0], *entries[-(size - 1) :]]
    return tuple(key for key, _ in entries), tuple(article for _, article in entries)


def story_candidates(
    rows: list[tuple], sample: int = STORY_SAMPLE
) -> list[matching.StoryCandidate]:
    """The stories of `rows` (see STORY_ROWS_SQL) as the matcher sees them: the first article and
    the latest ones, `sample` at most, with their visible quotes. Only what changed is loaded; a
    story kept with a larger sample serves as it is."""
    now = time.monotonic()
    found: dict[int, matching.StoryCandidate] = {}
    stale: dict[int, tuple] = {}
    with _cache_lock:
        for key, *version in rows:
            cached = _story_cache.get(key)
            if (
                cached
                and cached.version == tuple(version)
                and cached.sample >= sample
                and now - cached.loaded_at < STORY_CACHE_SECONDS
            ):
                _story_cache.move_to_end(key)
                found[key] = cached.candidate
            else:
                stale[key] = tuple(version)
    if stale:
        for key, cached in _load_story_candidates(stale, now, sample).items():
            found[key] = cached.candidate
            _remember(_story_cache, key, cached, STORY_CACHE_SIZE)
    return [found[key] for key, *_ in rows if key in found]


def _load_story_candidates(
    versions: dict[int, tuple], now: float, size: int
) -> dict[int, _CachedStory]:
    # The sample: each story's first article and its latest ones, ids only.
    first = Window(
        RowNumber(), partition_by=[F("story_id")], order_by=[F("published_at").asc(), F("id")]
    )
    latest = Window(
        RowNumber(),
        partition_by=[F("story_id")],
        order_by=[F("published_at").desc(), F("id").desc()],
    )
    sample = list(
        Article.objects.filter(story_id__in=versions)
        .annotate(first=first, latest=latest)
        .filter(Q(first=1) | Q(latest__lt=size))
        .order_by()
        .values_list("story_id", "id", "published_at", "processed_at")
    )
    with _cache_lock:
        cached = {pk: _article_cache.get(pk) for _, pk, _, _ in sample}
    wanted = [
        pk for _, pk, _, processed in sample if cached[pk] is None or cached[pk][0] != processed
    ]
    articles = {pk: entry[1] for pk, entry in cached.items() if entry is not None}
    articles.update(_load_articles_for_story(wanted))

    by_story: dict[int, list] = {}
    for story_id, pk, published, _ in sample:
        by_story.setdefault(story_id, []).append((_order_key(published, pk), articles[pk]))
    loaded = {}
    for key, entries in by_story.items():
        order, sampled = _sample(entries, size)
        start, end = versions[key][:2]
        loaded[key] = _CachedStory(
            versions[key], now, matching.StoryCandidate(key, start, end, sampled), order, size
        )
    return loaded


def _load_articles_for_story(pks: list[int]) -> dict[int, matching.ArticleForStory]:
    if not pks:
        return {}
    quotes: dict[int, list[tuple[str, str | None]]] = {}
    for article_id, text, name in (
        Quote.objects.visible()
        .filter(article_id__in=pks)
        .values_list("article_id", "text", "person__name")
    ):
        quotes.setdefault(article_id, []).append((text, name))
    loaded = {}
    fields = ("pk", "title", "body", "dateline", "published_at", "published_precision")
    for row in Article.objects.filter(pk__in=pks).order_by().values_list(*fields, "processed_at"):
        # The fields _article_for_story reads, without building a model instance (a tenth of
        # linking a new story's relatives, which loads some 200 articles).
        article = SimpleNamespace(**dict(zip(fields, row[:-1], strict=True)))
        loaded[article.pk] = _article_for_story(article, article.pk, quotes.get(article.pk, []))
        _remember(_article_cache, article.pk, (row[-1], loaded[article.pk]), ARTICLE_CACHE_SIZE)
    return loaded


def _remember_new_article(
    article: Article, mine: matching.ArticleForStory, started: bool, joined: _CachedStory | None
) -> None:
    """Put the article just stored in the cache, and its story as it is now, as the next
    article's candidate_rows will find it after commit: the next article needs no query for it.
    The story's revision, read after this article moved it, is final: the trigger that moved it
    holds its row until commit, so no other import moves it in between."""
    _remember(_article_cache, article.pk, (article.processed_at, mine), ARTICLE_CACHE_SIZE)
    if not started and joined is None:
        return  # a story this process no longer keeps: it loads again when a candidate
    (revision,) = _rows(REVISION_SQL, [article.story_id])[0]
    entry = (_order_key(article.published_at, article.pk), mine)
    if started:
        start = end = mine.published
        size = STORY_SAMPLE
        order, sampled = _sample([entry], size)
        loaded_at = time.monotonic()
    else:
        start, end, _ = joined.version
        if mine.published is not None:
            start = mine.published if start is None else min(start, mine.published)
            end = mine.published if end is None else max(end, mine.published)
        size = joined.sample
        order, sampled = _sample(
            [*zip(joined.order, joined.candidate.articles, strict=True), entry], size
        )
        loaded_at = joined.loaded_at
    candidate = matching.StoryCandidate(article.story_id, start, end, sampled)
    cached = _CachedStory((start, end, revision), loaded_at, candidate, order, size)
    _remember(_story_cache, article.story_id, cached, STORY_CACHE_SIZE)


# Advisory-lock key space (pg_advisory_xact_lock(space, key)) for placing articles in stories,
# next to articles/tasks.py's.
STORY_LOCK_SPACE = 0x4E53  # "NS"
STORY_LOCK_DAYS = 2 * matching.STORY_MAX_GAP_DAYS  # days per lock: a window spans two at most
UNDATED_LOCK = -1


def _lock_story_dates(day: datetime.date | None) -> None:
    """Wait until no other import is starting a story this article could belong to.

    Without it, two workers given two reports of a new event at once would each start a story
    of their own, neither seeing the other's until it commits. Held to the end of the
    transaction, and taken only by imports about to start a story; those of dates more than a
    window apart never wait for each other. Keys are taken in ascending order, so two imports
    cannot each hold one the other wants.
    """
    if day is None:
        keys = [UNDATED_LOCK]
    else:
        window = datetime.timedelta(days=matching.STORY_MAX_GAP_DAYS)
        keys = sorted(
            {
                (day - window).toordinal() // STORY_LOCK_DAYS,
                (day + window).toordinal() // STORY_LOCK_DAYS,
            }
        )
    calls = ", ".join(["pg_advisory_xact_lock(%s, %s)"] * len(keys))
    _rows(f"SELECT {calls}", [value for key in keys for value in (STORY_LOCK_SPACE, key)])


def _place_new_article(
    article: Article, mine: matching.ArticleForStory, people_ids: set[int]
) -> tuple[int, bool, _CachedStory | None]:
    """The story an article without one reports on (its id), whether the article starts it,
    and the story as the matcher saw it (None if it starts it, or if this process has let it
    go). A date outside the story's range widens it; the article itself is not written."""
    rows = candidate_rows(article, people_ids)
    match = matching.match_story(mine, story_candidates(rows))
    if match is None:
        # Before starting a story, wait for any other import that may be starting the same
        # one, and look again: its story is there once it has committed.
        _lock_story_dates(mine.published)
        rows = candidate_rows(article, people_ids)
        match = matching.match_story(mine, story_candidates(rows))
    day = mine.published
    if match is None:
        title = matching.story_title([mine])[:300]  # never empty: "Untitled story" at worst
        story = Story.objects.create(title=title, start_date=day, end_date=day)
        return story.pk, True, None
    with _cache_lock:
        joined = _story_cache.get(match.key)
    start, end = next(row[1:3] for row in rows if row[0] == match.key)
    # Dates only ever widen on import, so a date inside the range read above needs no write.
    if day is not None and (start is None or not start <= day <= end):
        Story.objects.filter(pk=match.key).update(
            start_date=Least(Coalesce("start_date", Value(day)), Value(day)),
            end_date=Greatest(Coalesce("end_date", Value(day)), Value(day)),
        )
    return match.key, False, joined


# Pending stories linked per transaction (see link_pending_relatives): a worker's chunk of
# files starts a few; more are left only by a worker that stopped before linking them.
RELATIVES_BATCH = 100
# The pick is made once (a materialised CTE): as an `IN (subquery)`, the planner may run the
# LIMIT ... SKIP LOCKED subquery again for each row and take more than the limit.
CLAIM_PENDING_RELATIVES_SQL = """
    WITH claimed AS MATERIALIZED (
        SELECT story_id FROM articles_pendingrelatives ORDER BY story_id
        LIMIT %s FOR UPDATE SKIP LOCKED
    )
    DELETE FROM articles_pendingrelatives p USING claimed c WHERE p.story_id = c.story_id
    RETURNING p.story_id
"""
STORY_SPEAKERS_SQL = """
    SELECT a.story_id, array_agg(DISTINCT q.person_id)
    FROM articles_article a JOIN articles_quote q ON q.article_id = a.id
    WHERE a.story_id = ANY(%s) AND q.person_id IS NOT NULL AND q.status <> %s
    GROUP BY a.story_id
"""
STORIES_BY_ID_SQL = STORY_ROWS_SQL.format(stories="SELECT unnest(%s::bigint[]) AS id")


def link_pending_relatives() -> int:
    """Link the related stories of up to RELATIVES_BATCH new stories waiting for them, in one
    transaction; return how many were done. Those another process is linking are skipped.

    Imports leave their new stories pending (PendingRelatives) rather than comparing each
    with fifty others inside the article's transaction, where the story-date lock makes the
    other worker wait; stories started by the same run of imports share their candidates.
    """
    with transaction.atomic():
        story_ids = [pk for (pk,) in _rows(CLAIM_PENDING_RELATIVES_SQL, [RELATIVES_BATCH])]
        if story_ids:
            link_relatives(story_ids)
    return len(story_ids)


def link_all_pending_relatives() -> int:
    """link_pending_relatives until none is left; how many stories were linked."""
    linked = 0
    while (done := link_pending_relatives()) > 0:
        linked += done
        if done < RELATIVES_BATCH:
            break
    return linked


def link_relatives(story_ids: list[int]) -> None:
    """Relate each of these stories to the other stories about its people and subject (see
    matching.related_stories), both ways: the latest RELATED_CANDIDATES stories quoting one
    of its speakers, each standing for itself by its first and latest articles.

    A candidate's profile is read from StoryRelatedProfile while it is valid; those made here
    are stored for the next stories.
    """
    speakers = dict(_rows(STORY_SPEAKERS_SQL, [list(story_ids), Quote.Status.REJECTED]))
    if not speakers:
        return
    rows = _rows(STORIES_BY_ID_SQL, [sorted(speakers)])
    revisions = {key: revision for key, _, _, revision in rows}
    made = {
        story.key: matching.related_profile(story)
        for story in story_candidates(rows, RELATED_SAMPLE)
    }
    profiles = dict(made)
    pairs = set()
    for key in [key for key in speakers if key in made]:
        found = peoples_stories(
            set(speakers[key]), key, RELATED_CANDIDATES, sql=RELATED_CANDIDATES_SQL
        )
        unknown = []
        for other, start, end, revision, terms, people in found:
            if other in profiles:
                continue
            if terms is not None:
                profiles[other] = _stored_related_profile(terms, people)
            else:
                unknown.append((other, start, end, revision))
                revisions[other] = revision
        for candidate in story_candidates(unknown, RELATED_SAMPLE):
            profiles[candidate.key] = made[candidate.key] = matching.related_profile(candidate)
        others = [(other, profiles[other]) for other, *_ in found if other in profiles]
        for other, _score in matching.related_by_profile(profiles[key], others):
            pairs |= {(key, other), (other, key)}
    _store_related_profiles(
        {key: (revisions[key], profile) for key, profile in made.items() if revisions.get(key)}
    )
    if pairs:
        pairs = sorted(pairs)
        with connection.cursor() as cursor:
            cursor.execute(RELATE_SQL, [[a for a, _ in pairs], [b for _, b in pairs]])


# Stored related profiles decoded lately, by their JSON text (jsonb comes as text: Django's
# loader leaves it to the field): a busy speaker's stories are candidates for one new story
# after another. Decoding took 0.53 ms per import at 100k, a quarter of the linking; 0.32 ms
# with this cache.
STORED_PROFILE_CACHE_SIZE = 1024
_stored_profiles: OrderedDict[tuple[str, str], matching.RelatedProfile] = OrderedDict()


def _stored_related_profile(terms: str, people: str) -> matching.RelatedProfile:
    key = (terms, people)
    with _cache_lock:
        profile = _stored_profiles.get(key)
        if profile is not None:
            _stored_profiles.move_to_end(key)
            return profile
    profile = matching.RelatedProfile.from_stored(json.loads(terms), json.loads(people))
    _remember(_stored_profiles, key, profile, STORED_PROFILE_CACHE_SIZE)
    return profile


# Story.related pairs, in one statement without a model instance per pair (some 40 per new
# story); pairs already there are left as they are.
RELATE_SQL = f"""
    INSERT INTO {Story.related.through._meta.db_table} (from_story_id, to_story_id)
    SELECT * FROM unnest(%s::bigint[], %s::bigint[]) ON CONFLICT DO NOTHING
"""


# Stored in story order, so that two processes storing the same stories lock them in the same
# order; a profile of an older revision never replaces a newer one.
STORE_RELATED_PROFILES_SQL = f"""
    INSERT INTO {StoryRelatedProfile._meta.db_table} (story_id, revision, terms, people)
    SELECT * FROM unnest(%s::bigint[], %s::bigint[], %s::jsonb[], %s::jsonb[])
    ON CONFLICT (story_id) DO UPDATE
    SET revision = EXCLUDED.revision, terms = EXCLUDED.terms, people = EXCLUDED.people
    WHERE {StoryRelatedProfile._meta.db_table}.revision < EXCLUDED.revision
"""


def _store_related_profiles(profiles: dict[int, tuple[int, matching.RelatedProfile]]) -> None:
    if not profiles:
        return
    keys = sorted(profiles)
    revisions, made = zip(*(profiles[key] for key in keys), strict=True)
    with connection.cursor() as cursor:
        cursor.execute(
            STORE_RELATED_PROFILES_SQL,
            [
                keys,
                list(revisions),
                [json.dumps(profile.terms) for profile in made],
                [json.dumps(profile.people) for profile in made],
            ],
        )


# ----------------------------------------------------------------------------- statements


def match_article_statements(article: Article, new_quotes: list[Quote] | None = None) -> None:
    """Put the article's ungrouped quotes into its story's statement groups.

    `new_quotes`: the article's quotes not saved yet (an import); they are saved here, already
    in their groups. Without it, the article's visible, ungrouped, unlocked quotes are matched.
    """
    saved = new_quotes is None
    if new_quotes is None:
        new_quotes = list(
            article.quotes.visible().filter(group__isnull=True, group_locked=False).order_by("id")
        )
    if not new_quotes:
        return
    plan = _plan_statements(article, new_quotes)
    if saved:
        Quote.objects.bulk_update(plan.grouped, ["group", "diff"])
    else:
        Quote.objects.insert_many(new_quotes)
    plan.save()


# The visible quotes in a story's statement groups, with their group's fullest quote and
# speaker: Quote.objects.visible().filter(group__story_id=...).values_list(...).
STATEMENT_MEMBERS_SQL = """
    SELECT q.id, q.group_id, q.article_id, q.text, q.person_id, q.start_paragraph,
           q.start_offset, g.fullest_id, g.speaker_id
    FROM articles_quote q JOIN articles_statementgroup g ON g.id = q.group_id
    WHERE g.story_id = %(story)s AND q.status <> %(rejected)s
"""
STATEMENT_MEMBERS_ORDER = " ORDER BY q.article_id, q.start_paragraph, q.start_offset"


@dataclasses.dataclass(slots=True)
class _Member:
    """A quote already in one of the story's statements, as loaded for matching."""

    pk: int
    group_id: int
    article_id: int
    text: str
    person_id: int | None
    start_paragraph: int
    start_offset: int
    fullest_id: int | None  # the group's
    speaker_id: int | None  # the group's


@dataclasses.dataclass
class _StatementPlan:
    """Where an article's quotes go: written once the new quotes have ids."""

    grouped: list[Quote]  # the new quotes placed in a group (their group and diff are set)
    groups: list[tuple[int, object, int | None]]  # (group id, fullest quote, speaker) to save
    rediffed: list[Quote]  # earlier members whose diff changed (a new fullest wording)

    def save(self) -> None:
        _update_rows(
            StatementGroup,
            {"fullest_id": "bigint", "speaker_id": "bigint"},
            [(pk, fullest.pk, speaker) for pk, fullest, speaker in self.groups],
        )
        _update_rows(
            Quote,
            {"diff": "jsonb"},
            [(quote.pk, json.dumps(quote.diff)) for quote in self.rediffed],
        )


def _update_rows(model, columns: dict[str, str], rows: list[tuple]) -> None:
    """Set `columns` (name: SQL type) of many rows, (id, value...) each, in one statement.

    QuerySet.bulk_update builds a CASE expression per row and field, which costs more than the
    rest of an import together; UPDATE ... FROM (VALUES ...) is one plain statement. Rows go in
    id order, so two imports locking the same rows take them in the same order.
    """
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(name) for name in columns)
    values = "(%s::bigint, " + ", ".join(f"%s::{kind}" for kind in columns.values()) + ")"
    assignments = ", ".join(
        f"{connection.ops.quote_name(name)} = v.{connection.ops.quote_name(name)}"
        for name in columns
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {assignments} FROM (VALUES {', '.join([values] * len(rows))}) "
            f"AS v(id, {names}) WHERE {table}.id = v.id",
            [value for row in sorted(rows, key=lambda row: row[0]) for value in row],
        )


def _plan_statements(article: Article, new_quotes: list[Quote]) -> _StatementPlan:
    """Match the quotes against the story's statements; start the statements they begin."""
    speakers = {quote.person_id for quote in new_quotes}
    # Narrow by speaker before any scoring: only statements by these people, or by nobody
    # known, can take these quotes. Every visible member of those groups comes (this article's
    # too: they count for the fullest wording and the speaker), in refresh_groups' order.
    sql = STATEMENT_MEMBERS_SQL + (
        ""
        if None in speakers
        else " AND (g.speaker_id = ANY(%(speakers)s) OR g.speaker_id IS NULL)"
    )
    params = {
        "story": article.story_id,
        "rejected": Quote.Status.REJECTED.value,
        "speakers": sorted(speaker for speaker in speakers if speaker is not None),
    }
    rows = [_Member(*row) for row in _rows(sql + STATEMENT_MEMBERS_ORDER, params)]
    by_group: dict[int, list[matching.QuoteForMatching]] = {}
    for member in rows:
        if member.article_id != article.pk:
            by_group.setdefault(member.group_id, []).append(
                matching.QuoteForMatching(
                    member.pk, member.text, member.person_id, member.article_id
                )
            )
    groups = [matching.StatementGroup(key, quotes) for key, quotes in by_group.items()]
    # Keyed by position: new quotes may have no id yet.
    assignments = matching.match_statements(
        [
            matching.QuoteForMatching(i, quote.text, quote.person_id, article.pk)
            for i, quote in enumerate(new_quotes)
        ],
        groups,
    )
    starting: list[Quote] = []  # each starts a statement of its own
    joining: dict[int, list[Quote]] = {}
    for assignment in assignments:
        quote = new_quotes[assignment.quote_key]
        if assignment.group_key is not None:
            quote.group_id = assignment.group_key
            joining.setdefault(quote.group_id, []).append(quote)
        elif assignment.new_group_index is not None:
            starting.append(quote)
    created = StatementGroup.objects.start_many(article.story_id, starting)
    plan = _StatementPlan(grouped=[*starting], groups=[], rediffed=[])
    for quote, group_id in zip(starting, created, strict=True):
        quote.group_id, quote.diff = group_id, []
        if quote.pk is None:
            plan.groups.append((group_id, quote, quote.person_id))
    old_members: dict[int, list[_Member]] = {}
    for member in rows:
        if member.group_id in joining:
            old_members.setdefault(member.group_id, []).append(member)
    for group_id, quotes in sorted(joining.items()):
        _plan_group(plan, group_id, old_members.get(group_id, []), quotes)
    return plan


def _plan_group(plan: _StatementPlan, group_id: int, old: list[_Member], new: list[Quote]):
    """refresh_groups for one group that new quotes join, from members already loaded."""
    members = sorted([*old, *new], key=lambda q: (q.article_id, q.start_paragraph, q.start_offset))
    fullest = members[matching.fullest_wording([q.text for q in members])]
    speaker = _main_speaker(members)
    previous = old[0] if old else None
    # A group keeps its diffs while its fullest wording stays: only the new quotes are diffed.
    same_fullest = (
        previous is not None and isinstance(fullest, _Member) and previous.fullest_id == fullest.pk
    )
    for member in new if same_fullest else members:
        diff = _diff(fullest, member)
        if isinstance(member, Quote):
            member.diff = diff
        else:
            plan.rediffed.append(Quote(pk=member.pk, diff=diff))
    plan.grouped += new
    if not same_fullest or previous is None or previous.speaker_id != speaker:
        plan.groups.append((group_id, fullest, speaker))


def _diff(fullest, member) -> list[dict]:
    """A member's word diff against its statement's fullest wording (none for that one)."""
    if member is fullest:
        return []
    return [asdict(token) for token in matching.word_diff(fullest.text, member.text)]


def _main_speaker(members) -> int | None:
    """A statement's speaker: the person most of its quotes are attributed to."""
    speakers = Counter(q.person_id for q in members if q.person_id)
    return speakers.most_common(1)[0][0] if speakers else None


def refresh_groups(group_ids) -> None:
    """Recompute each group's fullest wording, members' diffs and speaker."""
    groups = StatementGroup.objects.filter(pk__in=group_ids).prefetch_related(
        Prefetch(
            "quotes", queryset=Quote.objects.only("id", "group_id", "text", "person_id", "status")
        )
    )
    changed_quotes = []
    changed_groups = []
    for group in groups:
        members = [q for q in group.quotes.all() if q.status != Quote.Status.REJECTED]
        if not members:
            group.delete()
            continue
        fullest = members[matching.fullest_wording([q.text for q in members])]
        for member in members:
            member.diff = _diff(fullest, member)
        changed_quotes += members
        group.fullest = fullest
        group.speaker_id = _main_speaker(members)
        changed_groups.append(group)
    StatementGroup.objects.bulk_update(changed_groups, ["fullest", "speaker"])
    Quote.objects.bulk_update(changed_quotes, ["diff"])
