"""Story placement: the story an article reports on, found among the stories near its date, the
stories sharing its rarest words, and those quoting its people.

What the matcher (articles.matching.match_story) needs of candidate stories comes from a
per-process cache that one query per article checks against the database. Several worker
processes may import at once: an article about to start a story first waits for any other
import starting one near its date (an advisory lock), so one event does not become two stories.
"""

import dataclasses
import datetime
import functools
import threading
import time
from collections import OrderedDict
from types import SimpleNamespace

from django.db.models import F, Q, Value, Window
from django.db.models.functions import Coalesce, Greatest, Least, RowNumber
from django.utils import timezone

from articles import matching
from articles.models import SEARCH_CONFIG, Article, PersonStory, Quote, Story

from .sql import fetchall

# How many of a story's articles stand for it when matching a new article (the first and the
# latest): enough for its words and people, bounded for stories with thousands of articles.
STORY_SAMPLE = 40
# Dated stories considered for an article: those whose dates come near its date, newest first.
DATED_CANDIDATES = 200
# Undated stories considered for any article: the most recent ones (for a dated article), or
# the most recent sharing a person (for an undated one).
UNDATED_CANDIDATES = 30
# Stories found by content, dated or not: for each of the article's CONTENT_WORDS rarest words of
# its headline and lede, the stories of the latest CONTENT_ARTICLES articles using it. Content
# comes first: an undated article is placed by it, and a dated one finds its preview or follow-up.
CONTENT_WORDS = 6
CONTENT_ARTICLES = 10


def story_quotes(article: Article) -> list[Quote]:
    """The quotes placement reads: the body's (a headline's repeat its words, and the title is
    read already)."""
    return list(article.quotes.visible().filter(place=Quote.Place.BODY).select_related("person"))


def article_for_story(article: Article, quotes=None) -> matching.ArticleForStory:
    if quotes is None:
        quotes = story_quotes(article)
    return article_for_story_from(
        article,
        article.pk,
        [(quote.text, quote.person.name if quote.person_id else None) for quote in quotes],
    )


def article_for_story_from(article, key, quotes: list[tuple[str, str | None]]):
    """The article as the matcher sees it (`key`: its id, None before it is saved).

    `quotes`: (text, speaker's name or None) of the article's visible quotes, in order."""
    return matching.ArticleForStory(
        key=key,
        published=article.published_at.date() if _dated(article) else None,
        people=tuple(sorted({name for _, name in quotes if name})),
        places=(article.dateline,) if article.dateline else (),
        text=f"{article.title}\n\n{article.body}",
        quote_texts=tuple(text for text, _ in quotes),
        captions=tuple(article.captions or ()),
    )


def _dated(article: Article) -> bool:
    return (
        article.published_at is not None
        and article.published_precision != Article.Precision.UNKNOWN
    )


@dataclasses.dataclass
class Placement:
    """Where place_new_article put an article."""

    story_id: int
    started: bool  # the article starts the story
    joined: "_CachedStory | None"  # the story as the matcher saw it (None: started, or let go)
    also_matches: list[int]  # other stories the article fits as well (see healing)
    near: list[int]  # other stories whose words are near the article's (see healing)
    candidates: list[matching.StoryCandidate]  # every story the matcher compared it with


def place_new_article(
    article: Article, mine: matching.ArticleForStory, people_ids: set[int]
) -> Placement:
    """The story an article without one reports on. A date outside the story's range widens
    it; the article itself is not written."""
    words = matching.search_words(mine, CONTENT_WORDS)
    rows, candidates, match = find_story(mine, article.story_id, people_ids, words)
    if match is None:
        # Before starting a story, wait for any other import that may be starting the same
        # one, and look again: its story is there once it has committed.
        _lock_story_dates(mine.published)
        rows, candidates, match = find_story(mine, article.story_id, people_ids, words)
    day = mine.published
    if match is None:
        title = matching.story_title([mine])[:300]  # never empty: "Untitled story" at worst
        story = Story.objects.create(title=title, start_date=day, end_date=day)
        keep_newest(_story_titles, story.pk, title, STORY_CACHE_SIZE)
        note_started(story.pk)
        return Placement(story.pk, True, None, [], [], candidates)
    with cache_lock:
        joined = _story_cache.get(match.key)
    start, end = next(row[1:3] for row in rows if row[0] == match.key)
    # Dates only ever widen on import, so a date inside the range read above needs no write.
    if day is not None and (start is None or not start <= day <= end):
        Story.objects.filter(pk=match.key).update(
            start_date=Least(Coalesce("start_date", Value(day)), Value(day)),
            end_date=Greatest(Coalesce("end_date", Value(day)), Value(day)),
        )
    return Placement(match.key, False, joined, match.also_matches, match.near, candidates)


def place_again(article: Article) -> tuple[int | None, int | None]:
    """Place an article again after an editor corrected its date or outlet, as an import
    would place it now: it may stay, join another story or start one. An article an editor
    put in its story stays there. Returns its story's id before and after.

    The article is taken out of its story while the matcher looks, so that it is not
    compared with itself; a story it was alone in keeps it rather than being swapped for a
    new one."""
    from .relatives import link_relatives  # it imports this module
    from .statements import match_article_statements, refresh_groups

    old = article.story_id
    if article.story_locked:
        if old:
            Story.objects.get(pk=old).refresh_date_range()
        return old, old
    alone = not Article.objects.filter(story_id=old).exclude(pk=article.pk).exists()
    Article.objects.filter(pk=article.pk).update(story=None)
    article.story_id = None
    quotes = story_quotes(article)
    speakers = {quote.person_id for quote in quotes if quote.person_id}
    placed = place_new_article(article, article_for_story(article, quotes), speakers)
    new, started = placed.story_id, placed.started
    if started and alone and old:
        Story.objects.filter(pk=new).delete()
        new, started = old, False
    if new != old:
        old_groups = set(
            article.quotes.exclude(group=None).values_list("group_id", flat=True).distinct()
        )
        article.quotes.update(
            group=None, group_locked=False, version=F("version") + 1, updated_at=timezone.now()
        )
        Quote.also_in.through.objects.filter(quote__article=article).delete()
        refresh_groups(old_groups)
    Article.objects.filter(pk=article.pk).update(story_id=new)
    article.story_id = new
    if new != old:
        match_article_statements(article)
    Story.finish_moves([pk for pk in (old, new) if pk])
    if started:
        link_relatives([new])
    return old, new


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
    fetchall(f"SELECT {calls}", [value for key in keys for value in (STORY_LOCK_SPACE, key)])


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

STORIES_BY_ID_SQL = STORY_ROWS_SQL.format(stories="SELECT unnest(%s::bigint[]) AS id")

# Dated stories overlapping the days around an article's date (story_dates_idx finds them), the
# latest undated ones (story_undated_idx), and the stories found by content (CONTENT_STORY).
NEAR_STORIES = """
    (SELECT id FROM articles_story
     WHERE start_date IS NOT NULL AND id <> %(exclude)s
       AND daterange(start_date, end_date, '[]') && daterange(%(start)s, %(end)s, '[]')
     ORDER BY id DESC LIMIT %(dated)s)
    UNION
    (SELECT id FROM articles_story WHERE start_date IS NULL AND id <> %(exclude)s
     ORDER BY id DESC LIMIT %(undated)s)
"""

# The latest stories quoting any of some people: each person's latest stories by their latest
# quote there (PersonStory, person_story_recent_idx), the newest stories of those.
PEOPLES_STORIES = f"""
    SELECT DISTINCT latest.story_id AS id
    FROM unnest(%(people)s::bigint[]) AS person(id)
    CROSS JOIN LATERAL (
        SELECT ps.story_id FROM {PersonStory._meta.db_table} ps
        WHERE ps.person_id = person.id AND ps.story_id <> %(exclude)s
        ORDER BY ps.person_id, ps.latest_quote DESC LIMIT %(stories)s
    ) latest
    ORDER BY latest.story_id DESC LIMIT %(stories)s
"""
PEOPLES_STORIES_SQL = STORY_ROWS_SQL.format(stories=PEOPLES_STORIES)

# The stories of the latest articles using a word (article_search_idx): one subquery per word,
# each with the word written into the statement, so that the planner weighs it with the index's
# statistics. A rare word (the article's rarest are searched for) then reads its few articles
# from the index; with the words unnested from an array it could not tell them apart, and read
# the primary key backwards through the whole table for a word no other article uses (1.9 s at
# 200,000 rows, against 1.4 ms for six words this way).
CONTENT_STORY = f"""
    (SELECT a.story_id AS id FROM articles_article a
     WHERE a.search_vector @@ plainto_tsquery('{SEARCH_CONFIG}', %(word{{index}})s)
       AND a.story_id IS NOT NULL AND a.story_id <> %(exclude)s
     ORDER BY a.id DESC LIMIT %(per_word)s)
"""
NEAR_STORIES_SQL = STORY_ROWS_SQL.format(stories=f"{NEAR_STORIES}{{content}}")
UNDATED_STORIES_SQL = STORY_ROWS_SQL.format(stories=f"({PEOPLES_STORIES}){{content}}")


@functools.cache
def _with_content_stories(sql: str, words: int) -> str:
    """`sql` (NEAR_STORIES_SQL or UNDATED_STORIES_SQL) finding the stories of `words` words."""
    content = "".join(" UNION " + CONTENT_STORY.format(index=i) for i in range(words))
    return sql.replace("{content}", content)


def peoples_stories(
    people_ids: set[int], exclude: int | None, limit: int, sql: str = PEOPLES_STORIES_SQL
) -> list[tuple]:
    """Rows for `story_candidates` of the latest `limit` stories quoting one of these people
    (`sql`: PEOPLES_STORIES_SQL, or relatives.RELATED_CANDIDATES_SQL for their stored profiles
    too)."""
    if not people_ids:
        return []
    return fetchall(
        sql,
        {
            "people": sorted(people_ids),
            "exclude": exclude or 0,
            "stories": limit,
        },
    )


def find_story(
    mine: matching.ArticleForStory, exclude: int | None, people_ids: set[int], words: list[str]
) -> tuple[list[tuple], list[matching.StoryCandidate], matching.StoryMatch | None]:
    """The candidate stories of an article (other than story `exclude`) as rows and as the
    matcher sees them, and the one it reports on: how placement and healing both look."""
    rows = candidate_rows(mine.published, exclude, people_ids, words)
    candidates = story_candidates(rows)
    return rows, candidates, matching.match_story(mine, candidates)


def candidate_rows(
    day: datetime.date | None, exclude: int | None, people_ids: set[int], words: list[str]
) -> list[tuple]:
    """Stories an article of this `day` (None: undated) may belong to, other than story
    `exclude`, as rows for `story_candidates`, in one query: those sharing its rarest `words`;
    and those whose dates come within STORY_MAX_GAP_DAYS of its day with the latest undated
    ones, or, for an undated article, the latest stories quoting one of its people."""
    params = {"exclude": exclude or 0, "per_word": CONTENT_ARTICLES}
    params.update((f"word{index}", word) for index, word in enumerate(words))
    if day is None:
        params.update(people=sorted(people_ids), stories=UNDATED_CANDIDATES)
        return fetchall(_with_content_stories(UNDATED_STORIES_SQL, len(words)), params)
    window = datetime.timedelta(days=matching.STORY_MAX_GAP_DAYS)
    params.update(
        start=day - window, end=day + window, dated=DATED_CANDIDATES, undated=UNDATED_CANDIDATES
    )
    return fetchall(_with_content_stories(NEAR_STORIES_SQL, len(words)), params)


# Candidate stories as the matcher sees them, kept between articles in this process. Each use
# checks them against a row read in the same query that finds the candidates (dates and
# revision), so an article added, moved, changed or re-processed by any process makes the story
# load again. Editors' corrections to single quotes (a rejected quote,
# a new speaker) change none of these; they reach the cache within STORY_CACHE_SECONDS.
STORY_CACHE_SIZE = 2048  # a few weeks of news: the stories candidate for the next article
ARTICLE_CACHE_SIZE = 4096
STORY_CACHE_SECONDS = 300
# One lock for the caches of this process (the related profiles' in relatives too).
cache_lock = threading.Lock()


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
    with cache_lock:
        _story_cache.clear()
        _article_cache.clear()
        _story_titles.clear()
        _started.clear()


# The stories this process started that healing (healing.heal_new_stories) is to look at again,
# with how many more times: a report that shared too little with its event's first reports to
# join them starts a story, and is looked at again once the rest of its batch is in, and after
# the next two batches: its event's story may only grow to fit it then (reports of one event
# come in any order, and a folder is imported in several batches). An id whose import rolled
# back, or a story no longer of one report, is simply passed over then.
_started: dict[int, int] = {}
STARTED_LOOKS = 3


def note_started(story_id: int) -> None:
    """A story this process started, for healing to look at again after the batch."""
    with cache_lock:
        _started[story_id] = STARTED_LOOKS


def take_started() -> list[int]:
    """The stories this process started that are to be looked at again now, oldest first."""
    with cache_lock:
        started = sorted(_started)
        for story_id in started:
            _started[story_id] -= 1
            if not _started[story_id]:
                del _started[story_id]
    return started


# The title this process last gave each story, so that an unchanged one is not written again.
_story_titles: OrderedDict[int, str] = OrderedDict()


# Reports after which a story's title is settled.
TITLE_SETTLES = 4


def retitle(story: matching.StoryCandidate) -> None:
    """Name the story by its most central headline (matching.story_title), unless an editor
    named it. A story is named while its first reports come in; then its title stays, for
    readers who know it by that name."""
    if not 1 < len(story.articles) <= TITLE_SETTLES:
        return
    title = matching.story_title(story.articles)[:300]
    with cache_lock:
        if _story_titles.get(story.key) == title:
            return
    Story.objects.filter(pk=story.key, title_locked=False).exclude(title=title).update(title=title)
    keep_newest(_story_titles, story.key, title, STORY_CACHE_SIZE)


def clear_cached_stories(keys) -> None:
    """Forget these stories (merged, or merged away): they load again when candidates."""
    with cache_lock:
        for key in keys:
            _story_cache.pop(key, None)


def keep_newest(cache: OrderedDict, key, value, size: int) -> None:
    """Keep `value` as the newest entry of `cache`, which holds the newest `size`."""
    with cache_lock:
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
    with cache_lock:
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
            keep_newest(_story_cache, key, cached, STORY_CACHE_SIZE)
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
    with cache_lock:
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
        .filter(article_id__in=pks, place=Quote.Place.BODY)
        .values_list("article_id", "text", "person__name")
    ):
        quotes.setdefault(article_id, []).append((text, name))
    loaded = {}
    fields = ("pk", "title", "body", "dateline", "published_at", "published_precision", "captions")
    for row in Article.objects.filter(pk__in=pks).order_by().values_list(*fields, "processed_at"):
        # The fields article_for_story_from reads, without building a model instance (a tenth of
        # linking a new story's relatives, which loads some 200 articles).
        article = SimpleNamespace(**dict(zip(fields, row[:-1], strict=True)))
        loaded[article.pk] = article_for_story_from(article, article.pk, quotes.get(article.pk, []))
        keep_newest(_article_cache, article.pk, (row[-1], loaded[article.pk]), ARTICLE_CACHE_SIZE)
    return loaded


def remember_new_article(
    article: Article, mine: matching.ArticleForStory, started: bool, joined: _CachedStory | None
) -> matching.StoryCandidate | None:
    """Put the article just stored in the cache, and its story as it is now, as the next
    article's candidate_rows will find it after commit: the next article needs no query for it.
    The story's revision, read after this article moved it, is final: the trigger that moved it
    holds its row until commit, so no other import moves it in between."""
    keep_newest(_article_cache, article.pk, (article.processed_at, mine), ARTICLE_CACHE_SIZE)
    if not started and joined is None:
        return None  # a story this process no longer keeps: it loads again when a candidate
    (revision,) = fetchall(REVISION_SQL, [article.story_id])[0]
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
    keep_newest(_story_cache, article.story_id, cached, STORY_CACHE_SIZE)
    return candidate
