"""Search planning: the queries behind the search page's quotes and articles.

Only the newest SEARCH_CANDIDATES matches are ranked (see the figures below for why and how
they are found); the search view (views/reading.py) reads the form and renders the page.
"""

import datetime
from dataclasses import dataclass

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.fields import ArrayField
from django.core.cache import cache
from django.db import connection
from django.db.models import (
    BigIntegerField,
    BooleanField,
    DateTimeField,
    ExpressionWrapper,
    F,
    Func,
    Q,
    QuerySet,
    Value,
)
from django.utils import timezone

from articles.models import Article, Quote

SEARCH_RESULTS_PER_PAGE = 20


# Search ranks only the newest matches: ranking every match of a common word (a quarter of a
# million quotes) takes hundreds of milliseconds, and the reader of news wants recent ones first.
SEARCH_CANDIDATES = 200
# The newest candidates are looked for among the newest rows first (a short index range): a
# common word fills the candidates there. Otherwise the word is rare enough (under 1% of rows)
# for its full-text index to find every match quickly. Letting PostgreSQL choose between the
# two is not safe: it misjudges how common a word is and then walks the whole table.
RECENT_QUOTES = 20_000
RECENT_ARTICLES = 5_000
# A speaker's or tag's articles up to this many are named in the article search (see there).
FEW_ARTICLES = 5_000
# With an outlet or date filter, the newest this many articles passing it are read first:
# matching articles are looked for in their date window, then among all the filtered ones;
# fewer than this many are all named (their quotes too). One outlet's share of the windows
# over every row is too small to fill the candidates with a common word.
FILTERED_WINDOW = 1_000
# When they are all named, their quotes are looked for among the newest this many first: a
# common word fills the candidates from there (a thousand articles' quotes read whole, else).
FILTERED_FIRST = 100
# Named articles are checked against the text newest first, this many at a time: a common word
# fills the candidates from the newest of them, so the rest's vectors are never read.
NAMED_WINDOW = 1_000
ZERO = datetime.timedelta(0)


@dataclass
class ResultPage:
    """One page of results among the best `count` candidates (`more`: there were others)."""

    items: list
    count: int
    more: bool
    number: int
    num_pages: int

    def __iter__(self):
        return iter(self.items)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages


def ranked_page(
    candidates: list[tuple[int, float]], page: str | None, per_page: int = SEARCH_RESULTS_PER_PAGE
) -> tuple[list[int], dict]:
    """The ids on the requested page of candidates (id, rank), best rank first."""
    ranked = [pk for pk, _ in sorted(candidates, key=lambda c: (-c[1], -c[0]))]
    num_pages = max(1, -(-len(ranked) // per_page))
    try:
        number = min(max(int(page or 1), 1), num_pages)
    except ValueError:
        number = 1
    start = (number - 1) * per_page
    figures = {
        "count": len(ranked),
        "more": len(ranked) == SEARCH_CANDIDATES,
        "number": number,
        "num_pages": num_pages,
    }
    return ranked[start : start + per_page], figures


def in_order(objects, ids: list[int]) -> list:
    by_pk = {obj.pk: obj for obj in objects}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def published_between(data: dict) -> Q:
    """The date filters as a range on the indexed timestamp (whole days, in local time)."""
    condition = Q()
    day = datetime.timedelta(days=1)
    if data["date_from"]:
        start = datetime.datetime.combine(data["date_from"], datetime.time.min)
        condition &= Q(published_at__gte=timezone.make_aware(start))
    if data["date_to"]:
        end = datetime.datetime.combine(data["date_to"] + day, datetime.time.min)
        condition &= Q(published_at__lt=timezone.make_aware(end))
    return condition


def recent_windows() -> tuple[int | None, datetime.datetime | None]:
    """Where the newest RECENT_QUOTES quotes and RECENT_ARTICLES dated articles start (None when
    there are fewer). Kept a minute: a window grown by newer rows still holds the newest ones."""
    windows = cache.get("search-windows")
    if windows is None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT (SELECT id FROM articles_quote ORDER BY id DESC OFFSET %s LIMIT 1), "
                "(SELECT published_at FROM articles_article WHERE published_at IS NOT NULL "
                "ORDER BY published_at DESC NULLS LAST, id DESC OFFSET %s LIMIT 1)",
                [RECENT_QUOTES, RECENT_ARTICLES],
            )
            windows = cursor.fetchone()
        cache.set("search-windows", windows, 60)
    return windows


class IdArray(Func):
    """`ids` as one bigint[]: bound as one text parameter, "1,2,3", that PostgreSQL splits.
    psycopg adapting a list of 4,000 ints took 3 ms, and Django's ArrayField 10 more."""

    template = "string_to_array(%(expressions)s, ',')::bigint[]"
    output_field = ArrayField(BigIntegerField())

    def __init__(self, ids: list[int]):
        super().__init__(Value(",".join(map(str, ids))))


class IsAnyOf(Func):
    """`field = ANY(ids)`, the ids one array (IdArray, or an ArraySubquery computed once):
    `pk__in` binds one parameter per id, and binding a thousand costs more than the query
    (about 10 ms each time)."""

    arg_joiner = " = ANY("
    template = "(%(expressions)s))"
    output_field = BooleanField()


def ranked_candidates(newest, text: str, fields: list) -> list[tuple]:
    """The first SEARCH_CANDIDATES of the `newest` query as `fields` and their rank, in one
    query. Ranked apart from the search: a rank reads the whole vector (an article's is stored
    out of line), so only the candidates pay for it, not every row the search looked at."""
    candidates = newest.values("pk")[:SEARCH_CANDIDATES]
    ranked = newest.model.objects.filter(pk__in=candidates).with_rank(text).order_by()
    return list(ranked.values_list(*fields, "rank"))


def newest_candidates(text: str, fields: list, tries: list[tuple]) -> list[tuple]:
    """The SEARCH_CANDIDATES newest rows matching `text`, as `fields` and rank: from the first
    of `tries` (rows, order) that has them all, else from the last (the widest)."""
    for rows, order in tries:
        found = ranked_candidates(rows.matching(text).order_by(*order), text, fields)
        if len(found) == SEARCH_CANDIDATES:
            break
    return found


@dataclass
class Filtered:
    """The articles passing the outlet and date filters, and the newest FILTERED_WINDOW of
    them, newest first. `since`: the date of the last when there are more (the article
    search's window), else None (or when it is undated)."""

    articles: QuerySet
    newest: list[int]
    since: datetime.datetime | None

    @property
    def all_named(self) -> bool:
        return len(self.newest) < FILTERED_WINDOW


def filtered_articles(data: dict) -> Filtered | None:
    """The articles the outlet and date filters leave, or None when there are no such filters."""
    if not (data["outlet"] or data["date_from"] or data["date_to"]):
        return None
    articles = Article.objects.filter(published_between(data))
    if data["outlet"]:
        articles = articles.filter(outlet=data["outlet"])
    newest = list(
        articles.order_by(F("published_at").desc(nulls_last=True), F("id").desc()).values_list(
            "pk", "published_at"
        )[:FILTERED_WINDOW]
    )
    since = newest[-1][1] if len(newest) == FILTERED_WINDOW else None
    return Filtered(articles, [pk for pk, _ in newest], since)


def search_quotes(
    text: str,
    data: dict,
    page: str | None,
    newest_id: int | None,
    filtered: Filtered | None,
    per_page: int = SEARCH_RESULTS_PER_PAGE,
):
    """A page of quotes matching `text` and the filters, and the speakers among the candidates."""
    quotes = Quote.objects.visible()
    if data["tag"]:
        quotes = quotes.filter(tags=data["tag"])
    newest = [F("id").desc()]
    unindexed = [(F("id") + 0).desc()]
    fields = ["pk", "person_id"]
    if data["speaker"]:
        # One speaker's quotes, newest first (quote_person_recent_idx): PostgreSQL walks them
        # until it has the candidates when the word is common, and takes the full-text index
        # when it is rare; either way no more than that speaker's quotes.
        if filtered is not None:
            quotes = quotes.filter(article__in=filtered.articles.values("pk"))
        tries = [(quotes.filter(person=data["speaker"]), newest)]
    elif filtered is not None:
        # When the filtered articles are few enough to be named: the quotes of the newest
        # FILTERED_FIRST of them, where a common word fills the candidates, then those of all
        # (a named list is read whole). Else PostgreSQL walks the filtered articles newest first
        # and stops when it has the candidates, or takes the full-text index for a rare word: a
        # first try there only added a query (46 to 39 ms at p50 for a word in one quote in 75).
        # Newest means by their articles' dates, in the order the newest articles were chosen,
        # so each try gives the same candidates.
        by_date = [
            F("article__published_at").desc(nulls_last=True),
            F("article_id").desc(),
            F("id").desc(),
        ]
        if filtered.all_named:
            tries = [(named_quotes(quotes, filtered.newest), by_date)]
            if len(filtered.newest) > FILTERED_FIRST:
                first = named_quotes(quotes, filtered.newest[:FILTERED_FIRST])
                tries.insert(0, (first, by_date))
        else:
            tries = [(quotes.filter(article__in=filtered.articles.values("pk")), by_date)]
    else:
        tries = [(quotes, unindexed)]
        if newest_id is not None:
            tries.insert(0, (quotes.filter(pk__gte=newest_id), newest))
    candidates = newest_candidates(text, fields, tries)
    ids, figures = ranked_page([(pk, rank) for pk, _, rank in candidates], page, per_page)
    quotes = (
        Quote.objects.filter(pk__in=ids)
        .listing()
        .select_related("person")
        .with_snippet(text)
        .with_tag_names()
    )
    speakers = sorted({person for _, person, _ in candidates if person})
    return ResultPage(in_order(quotes, ids) if ids else [], **figures), speakers


def named_quotes(quotes, article_ids: list[int]):
    """The `quotes` of these articles. Named on both sides of the join to the articles' dates,
    else PostgreSQL hashed every article to order a thousand articles' quotes (20 of 30 ms on
    100,000 articles)."""
    ids = IdArray(article_ids)
    return quotes.filter(IsAnyOf(F("article_id"), ids), IsAnyOf(F("article__id"), ids))


def named_candidates(articles, named: list[int], text: str, unindexed: list) -> list[tuple]:
    """The SEARCH_CANDIDATES newest of the `articles` named in `named` (in date order) matching
    `text`, with their rank: the newest NAMED_WINDOW checked first, then all. The date window of
    newest_candidates would check the text of every new article, the speaker's or not
    (PostgreSQL tests the text before the names), and then of all the named."""
    windows = [named[:NAMED_WINDOW]] if len(named) > NAMED_WINDOW else []
    chosen = [articles.filter(IsAnyOf(F("pk"), IdArray(ids))) for ids in [*windows, named]]
    return newest_candidates(text, ["pk"], [(rows, unindexed) for rows in chosen])


def search_articles(
    text: str,
    data: dict,
    page: str | None,
    newest_date,
    filtered: Filtered | None,
    per_page: int = SEARCH_RESULTS_PER_PAGE,
) -> ResultPage:
    """A page of articles matching `text` and the filters, looked for first among those
    published since `newest_date` (None: no such window)."""
    articles = filtered.articles if filtered is not None else Article.objects.all()
    unindexed = [
        ExpressionWrapper(F("published_at") + ZERO, output_field=DateTimeField()).desc(
            nulls_last=True
        ),
        (F("id") + 0).desc(),
    ]
    named = None  # the speaker's or tag's articles, named one by one, newest first
    if data["speaker"] or data["tag"]:
        quoted = Quote.objects.visible()
        if data["speaker"]:
            quoted = quoted.filter(person=data["speaker"])
        if data["tag"]:
            quoted = quoted.filter(tags=data["tag"])
        quoted = quoted.order_by("article_id").values("article_id").distinct()
        # A speaker's or tag's articles are usually few: naming them lets PostgreSQL check
        # just those against the text, where a semi-join made it walk every article matching
        # a common word (250 ms against 45 ms on 25,000 articles). Put in date order in the
        # same query, as an array (a join walked all 100,000 articles' ids to merge them).
        first = ArraySubquery(quoted[:FEW_ARTICLES])
        named = list(
            Article.objects.filter(IsAnyOf(F("pk"), first))
            .order_by(*unindexed)
            .values_list("pk", flat=True)
        )
        if len(named) == FEW_ARTICLES:
            named = None
            articles = articles.filter(pk__in=quoted)
    if named is not None:
        candidates = named_candidates(articles, named, text, unindexed)
    else:
        tries = [(articles, unindexed)]
        if newest_date is not None:
            newest = [F("published_at").desc(nulls_last=True), F("id").desc()]
            tries.insert(0, (articles.filter(published_at__gte=newest_date), newest))
        candidates = newest_candidates(text, ["pk"], tries)
    ids, figures = ranked_page(candidates, page, per_page)
    articles = (
        Article.objects.filter(pk__in=ids).listing().select_related("story").with_snippet(text)
    )
    return ResultPage(in_order(articles, ids) if ids else [], **figures)


def find_quotes_and_articles(
    text: str, data: dict, page: str | None, per_page: int = SEARCH_RESULTS_PER_PAGE
) -> tuple[ResultPage, list[int], ResultPage]:
    """A page of quotes and one of articles matching `text` and the filters (the search form's
    cleaned data), and the speakers among the quote candidates. `per_page=SEARCH_CANDIDATES`:
    every candidate on one page (the downloads)."""
    newest_quote, newest_date = recent_windows()
    filtered = filtered_articles(data)
    quotes, speakers = search_quotes(text, data, page, newest_quote, filtered, per_page)
    # With filters, the window is the newest filtered articles' (an outlet's own, in
    # article_outlet_recent_idx).
    since = newest_date if filtered is None else filtered.since
    articles = search_articles(text, data, page, since, filtered, per_page)
    return quotes, speakers, articles
