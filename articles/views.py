import datetime
from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.fields import ArrayField
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Count,
    DateTimeField,
    ExpressionWrapper,
    F,
    Func,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from articles.archives import UploadedFile, UploadRefused, expand_uploads, limits_from_settings
from articles.caching import article_stamp, cached_for_readers, site_stamp, story_stamp
from articles.forms import (
    AddQuoteForm,
    AssignOutletForm,
    SearchForm,
    UploadForm,
    known_outlet_names,
)
from articles.highlight import paragraphs_html, segment_paragraphs
from articles.imports import import_within_time_limit, queue_batch
from articles.imports.running import link_new_stories
from articles.imports.storing import FileReport
from articles.imports.workers import live_worker_keys
from articles.models import (
    ARTICLE_TEXT_FIELDS,
    Article,
    ImportBatch,
    PendingUpload,
    Person,
    Quote,
    Source,
    StatementGroup,
    Story,
    Tag,
    can_edit,
)

STATEMENT_COLOURS = 8
# What highlighting a quote in a body needs, and no more (a long story has hundreds).
QUOTE_POSITION_FIELDS = (
    "article_id",
    "group_id",
    "person_id",
    "start_paragraph",
    "start_offset",
    "end_paragraph",
    "end_offset",
    "status",
)
SEARCH_RESULTS_PER_PAGE = 20
STORIES_PER_PAGE = 20
ARTICLES_PER_PAGE = 20
PERSON_STATEMENTS_PER_PAGE = 50


def staff_required(view):
    """Anonymous users are sent to log in; logged-in users who are not staff get a 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_staff:
            raise PermissionDenied("Only admins can do this.")
        return view(request, *args, **kwargs)

    return wrapped


def fragment_or_page(request: HttpRequest, template: str, partial: str) -> str:
    """The htmx fragment of a page when htmx asks for it, else the whole page."""
    if request.htmx and not request.htmx.history_restore_request:
        return f"{template}#{partial}"
    return template


@vary_on_headers("HX-Request")
@cached_for_readers(site_stamp)
def home(request: HttpRequest) -> HttpResponse:
    stories = Paginator(Story.objects.recent(), STORIES_PER_PAGE).get_page(request.GET.get("page"))
    recent = Article.objects.recent()[:ARTICLES_PER_PAGE]
    unassigned = Article.objects.filter(story__isnull=True).count()
    context = {"stories": stories, "recent_articles": recent, "unassigned_count": unassigned}
    return render(request, fragment_or_page(request, "articles/home.html", "stories"), context)


@vary_on_headers("HX-Request")
@cached_for_readers(story_stamp)
def story_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The comparison: one column per chosen article, quotes of one statement marked alike."""
    story = get_object_or_404(Story, pk=pk)
    articles = list(story.articles.for_comparison())
    # Editors also see the quotes they rejected (struck through), to take a rejection back.
    editing = can_edit(request.user)
    quotes = list(
        (Quote.objects.all() if editing else Quote.objects.visible())
        .filter(article__story=story)
        .select_related("person")
        .only(*QUOTE_POSITION_FIELDS, "person__name")
        .with_tag_names()
    )
    visible = [quote for quote in quotes if quote.status != Quote.Status.REJECTED]
    colours = statement_colours(visible)
    sources = outlets_in_order(articles)
    chosen = chosen_outlets(request.GET.get("outlets"), sources)
    by_article: dict[int, list[Quote]] = {}
    for quote in quotes:
        quote.colour = colours.get(quote.group_id)
        by_article.setdefault(quote.article_id, []).append(quote)
    statement_url = statement_url_maker(story.pk)
    edit_url = quote_edit_url_maker() if editing else None
    columns = [
        {
            "article": article,
            "body": paragraphs_html(
                segment_paragraphs(article.paragraphs, by_article.get(article.pk, [])),
                statement_url,
                panel=True,
                edit_url=edit_url,
                edit_target="#statement-panel",
            ),
            "quote_count": sum(
                1 for q in by_article.get(article.pk, []) if q.status != Quote.Status.REJECTED
            ),
        }
        for source in chosen
        for article in articles
        if article.source_id == source.pk
    ]
    context = {
        "story": story,
        "articles": articles,
        "columns": columns,
        "chooser": outlet_chooser(sources, chosen),
        "chosen_slugs": ",".join(source.slug for source in chosen),
        "quote_count": len(visible),
        "statement_count": len({q.group_id for q in visible if q.group_id}),
        "shared_count": sum(1 for c in colours.values() if c is not None),
        "related": list(story.related.order_by("-start_date")),
        "story_tags": tag_counts(visible),
        "editing": editing,
    }
    template = fragment_or_page(request, "articles/story_detail.html", "comparison")
    return render(request, template, context)


def tag_counts(quotes) -> list[dict]:
    """The tags on these quotes (annotated by with_tag_names), with how many carry each."""
    counts: dict[tuple[str, str], int] = {}
    for quote in quotes:
        for name, slug in zip(quote.tag_names, quote.tag_slugs, strict=True):
            counts[name, slug] = counts.get((name, slug), 0) + 1
    return [{"name": n, "slug": s, "count": c} for (n, s), c in sorted(counts.items())]


def quote_edit_url_maker():
    """quote_edit URL by pk without reversing it once per quote."""
    return reverse("articles:quote_edit", args=[0]).replace("/0/", "/{}/").format


def statement_url_maker(story_pk: int):
    """statement_url(group_id) without reversing the URL once per quote."""
    template = reverse("articles:statement_detail", args=[story_pk, 0]).replace("/0/", "/{}/")
    return template.format


def statement_colours(quotes) -> dict[int, int | None]:
    """A colour index for each statement reported by more than one article, in reading order."""
    articles_per_group: dict[int, set[int]] = {}
    for quote in quotes:
        if quote.group_id:
            articles_per_group.setdefault(quote.group_id, set()).add(quote.article_id)
    colours: dict[int, int | None] = {}
    shared = 0
    for quote in sorted(quotes, key=lambda q: (q.article_id, q.start_paragraph, q.start_offset)):
        group = quote.group_id
        if group and group not in colours:
            if len(articles_per_group[group]) > 1:
                colours[group] = shared % STATEMENT_COLOURS
                shared += 1
            else:
                colours[group] = None
    return colours


def outlets_in_order(articles) -> list[Source]:
    """The story's outlets, in the order of their first article."""
    seen: dict[int, Source] = {}
    for article in articles:
        seen.setdefault(article.source_id, article.source)
    return list(seen.values())


def chosen_outlets(param: str | None, sources: list[Source]) -> list[Source]:
    """The outlets named in ?outlets=slug,slug (in that order); all of them when absent.
    Unknown slugs are ignored; a choice of none shows none."""
    if param is None:
        return sources
    by_slug = {source.slug: source for source in sources}
    chosen = []
    for slug in param.split(","):
        source = by_slug.get(slug.strip())
        if source is not None and source not in chosen:
            chosen.append(source)
    return chosen


def outlet_chooser(sources: list[Source], chosen: list[Source]) -> dict:
    """Links that add, remove or move one outlet: each is the whole new choice, in the URL."""

    def param(choice):
        return ",".join(source.slug for source in choice)

    shown = []
    for index, source in enumerate(chosen):
        left = chosen[: index - 1] + [source, chosen[index - 1]] + chosen[index + 1 :]
        right = chosen[:index] + chosen[index + 1 : index + 2] + [source] + chosen[index + 2 :]
        shown.append(
            {
                "source": source,
                "remove": param([s for s in chosen if s != source]),
                "left": param(left) if index > 0 else None,
                "right": param(right) if index < len(chosen) - 1 else None,
            }
        )
    hidden = [{"source": s, "add": param([*chosen, s])} for s in sources if s not in chosen]
    return {"shown": shown, "hidden": hidden}


@vary_on_headers("HX-Request")
@cached_for_readers(story_stamp)
def story_statements(request: HttpRequest, pk: int) -> HttpResponse:
    """One row per statement, one column per outlet: who carried what, who left it out."""
    story = get_object_or_404(Story, pk=pk)
    articles = list(story.articles.listing().order_by("published_at", "id"))
    sources = outlets_in_order(articles)
    quotes = list(
        Quote.objects.visible()
        .filter(article__story=story)
        .select_related("person")
        .order_by("article__published_at", "article_id", "start_paragraph", "start_offset")
    )
    source_of = {article.pk: article.source_id for article in articles}
    speakers = sorted({q.person for q in quotes if q.person}, key=lambda p: p.name)
    speaker = next((p for p in speakers if str(p.pk) == request.GET.get("speaker")), None)

    rows: dict[object, dict] = {}
    for quote in quotes:
        if speaker is not None and quote.person_id != speaker.pk:
            continue
        row = rows.setdefault(
            quote.group_id or f"q{quote.pk}",
            {"group_id": quote.group_id, "person": quote.person, "cells": {}},
        )
        row["cells"].setdefault(source_of[quote.article_id], []).append(quote)
    table = []
    for row in rows.values():
        row["cells"] = [row["cells"].get(source.pk, []) for source in sources]
        row["outlet_count"] = sum(1 for cell in row["cells"] if cell)
        table.append(row)

    # For each speaker, the outlets that carried none of their words.
    carried: dict[int, set[int]] = {}
    for quote in quotes:
        if quote.person_id:
            carried.setdefault(quote.person_id, set()).add(source_of[quote.article_id])
    silent = [
        {"person": person, "outlets": [s for s in sources if s.pk not in carried[person.pk]]}
        for person in speakers
        if speaker is None or person == speaker
    ]
    context = {
        "story": story,
        "sources": sources,
        "rows": table,
        "speakers": speakers,
        "speaker": speaker,
        "silent": [item for item in silent if item["outlets"]],
        "related": list(story.related.order_by("-start_date")),
    }
    template = fragment_or_page(request, "articles/story_statements.html", "table")
    return render(request, template, context)


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


def ranked_page(candidates: list[tuple[int, float]], page: str | None) -> tuple[list[int], dict]:
    """The ids on the requested page of candidates (id, rank), best rank first."""
    ranked = [pk for pk, _ in sorted(candidates, key=lambda c: (-c[1], -c[0]))]
    num_pages = max(1, -(-len(ranked) // SEARCH_RESULTS_PER_PAGE))
    try:
        number = min(max(int(page or 1), 1), num_pages)
    except ValueError:
        number = 1
    start = (number - 1) * SEARCH_RESULTS_PER_PAGE
    figures = {
        "count": len(ranked),
        "more": len(ranked) == SEARCH_CANDIDATES,
        "number": number,
        "num_pages": num_pages,
    }
    return ranked[start : start + SEARCH_RESULTS_PER_PAGE], figures


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
        articles = articles.filter(source=data["outlet"])
    newest = list(
        articles.order_by(F("published_at").desc(nulls_last=True), F("id").desc()).values_list(
            "pk", "published_at"
        )[:FILTERED_WINDOW]
    )
    since = newest[-1][1] if len(newest) == FILTERED_WINDOW else None
    return Filtered(articles, [pk for pk, _ in newest], since)


def search_quotes(
    text: str, data: dict, page: str | None, newest_id: int | None, filtered: Filtered | None
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
    ids, figures = ranked_page([(pk, rank) for pk, _, rank in candidates], page)
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
    text: str, data: dict, page: str | None, newest_date, filtered: Filtered | None
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
    ids, figures = ranked_page(candidates, page)
    articles = (
        Article.objects.filter(pk__in=ids).listing().select_related("story").with_snippet(text)
    )
    return ResultPage(in_order(articles, ids) if ids else [], **figures)


def search_filters(form: SearchForm, speakers: list[int]) -> list[dict]:
    """The filter fields, the selects with their <option>s: every outlet and tag, and as
    speakers the chosen one and those among the results, not everyone ever quoted."""
    people = Person.objects.filter(pk__in=speakers).order_by("name") if speakers else []
    outlets = Source.objects.values_list("slug", "short_name", "name")
    choices = {
        "outlet": [("", "Any outlet")]
        + [(slug, Source.label(short, name)) for slug, short, name in outlets],
        "speaker": [("", "Anyone")] + [(str(p.pk), p.name) for p in people],
        "tag": [("", "Any tag")] + list(Tag.objects.order_by("name").values_list("slug", "name")),
    }
    filters = []
    for field in form:
        if field.name == "q":
            continue
        chosen = str(field.value() or "")
        options = None
        if field.name in choices:
            # Written out here: a template loop (or Django's widget, a template per option)
            # made a quarter of the page's rendering work (function calls) for 46 outlets.
            options = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (value, " selected" if value == chosen else "", label)
                    for value, label in choices[field.name]
                ),
            )
        filters.append({"field": field, "options": options})
    return filters


@vary_on_headers("HX-Request")
def search(request: HttpRequest) -> HttpResponse:
    """One box for quotes and articles; filters by outlet, speaker and dates."""
    form = SearchForm(request.GET or None)
    speakers: list[int] = []
    quotes = articles = None
    query = ""
    if form.is_valid() and form.cleaned_data["q"]:
        query = form.cleaned_data["q"]
        page = request.GET.get("page")
        newest_quote, newest_date = recent_windows()
        filtered = filtered_articles(form.cleaned_data)
        quotes, speakers = search_quotes(query, form.cleaned_data, page, newest_quote, filtered)
        # With filters, the window is the newest filtered articles' (an outlet's own, in
        # article_source_recent_idx).
        since = newest_date if filtered is None else filtered.since
        articles = search_articles(query, form.cleaned_data, page, since, filtered)
    template = fragment_or_page(request, "articles/search.html", "results")
    if form.is_valid() and form.cleaned_data["speaker"]:
        speakers.append(form.cleaned_data["speaker"].pk)
    context = {
        "form": form,
        # Only the full page shows the filters (htmx asks for the results alone).
        "filters": search_filters(form, speakers) if "#" not in template else [],
        "query": query,
        "quotes": quotes,
        "articles": articles,
        "page_number": max(quotes.number, articles.number) if query else 1,
        "editing": can_edit(request.user),
    }
    return render(request, template, context)


@vary_on_headers("HX-Request")
@cached_for_readers(site_stamp)
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """What a person is quoted as saying, newest statement first, a page at a time: by story,
    each statement with the outlets that carried it. Paginated by statement, not by quote, so
    that one statement's outlets are never split across pages."""
    person = get_object_or_404(Person.objects.prefetch_related("aliases"), pk=pk)
    quotes = person.quotes.visible()
    # A statement is its group, or a quote in none: that quote's id negated (group ids are > 0).
    statement = Coalesce("group_id", -F("id"), output_field=BigIntegerField())
    statements = (
        quotes.values(statement=statement)
        .annotate(latest=Max("article__published_at"), newest=Max("id"))
        .order_by(F("latest").desc(nulls_last=True), "-newest")
    )
    page = Paginator(statements, PERSON_STATEMENTS_PER_PAGE).get_page(request.GET.get("page"))
    keys = [row["statement"] for row in page]
    members: dict[int, list] = {key: [] for key in keys}
    if keys:
        shown = (
            quotes.filter(
                Q(group_id__in=[key for key in keys if key > 0])
                | Q(pk__in=[-key for key in keys if key < 0])
            )
            .listing()
            .order_by(F("article__published_at").asc(nulls_last=True), "id")
        )
        for quote in shown:
            members[quote.group_id or -quote.pk].append(quote)
    stories: dict[int | None, dict] = {}
    for key in keys:
        if members[key]:  # empty only if its quotes were rejected meanwhile
            story = members[key][0].article.story
            item = stories.setdefault(story and story.pk, {"story": story, "statements": []})
            item["statements"].append(members[key])
    context = {"person": person, "page": page, "stories": list(stories.values())}
    template = fragment_or_page(request, "articles/person_detail.html", "statements")
    return render(request, template, context)


@vary_on_headers("HX-Request")
@cached_for_readers(story_stamp)
def statement_detail(request: HttpRequest, pk: int, group_pk: int) -> HttpResponse:
    """Every outlet's wording of one statement, differences marked against the fullest."""
    group = get_object_or_404(
        StatementGroup.objects.select_related("story", "speaker", "fullest"),
        pk=group_pk,
        story_id=pk,
    )
    members = list(
        group.quotes.visible()
        .select_related("article__source", "person")
        .defer("article__original", "article__paragraphs", "article__stripped")
        .order_by("article__published_at", "article_id")
    )
    fullest = group.fullest or (members[0] if members else None)
    reported_by = {member.article.source_id for member in members}
    missing = [
        article.source
        for article in group.story.articles.listing()
        if article.source_id not in reported_by
    ]
    context = {
        "story": group.story,
        "group": group,
        "members": members,
        "fullest": fullest,
        "missing_outlets": list({source.pk: source for source in missing}.values()),
    }
    template = fragment_or_page(request, "articles/statement_detail.html", "panel")
    return render(request, template, context)


@cached_for_readers(article_stamp)
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(
        Article.objects.select_related("source", "story").defer("original"), pk=pk
    )
    same_story = []
    if article.story_id:
        same_story = (
            Article.objects.filter(story_id=article.story_id).exclude(pk=article.pk).listing()
        )
    editing = can_edit(request.user)
    # Editors also see rejected quotes, marked, so a rejection can be taken back.
    # How many articles carry each quote's statement, counted in the same query.
    carriers = (
        Quote.objects.visible()
        .filter(group_id=OuterRef("group_id"))
        .values("group_id")
        .annotate(n=Count("article_id", distinct=True))
        .values("n")
    )
    quotes = list(
        (article.quotes.all() if editing else article.quotes.visible())
        .select_related("person")
        .with_tag_names()
        .annotate(statement_articles=Subquery(carriers))
    )
    context = {
        "article": article,
        "same_story": same_story,
        "quotes": quotes,
        "body": paragraphs_html(
            segment_paragraphs(article.paragraphs, quotes),
            statement_url_maker(article.story_id) if article.story_id else None,
            edit_url=quote_edit_url_maker() if editing else None,
            edit_target="#quote-editor",
        ),
        "editing": editing,
        "add_quote_form": AddQuoteForm() if editing else None,
        "paragraphs": [
            {"index": index, "text": p["text"]}
            for index, p in enumerate(article.paragraphs)
            if p.get("kind", "text") == "text"
        ]
        if editing
        else [],
    }
    return render(request, "articles/article_detail.html", context)


def article_original(request: HttpRequest, pk: int) -> HttpResponse:
    """The upload byte for byte. Always plain text, never rendered: it may be hostile HTML."""
    article = get_object_or_404(Article.objects.only("original", "original_filename"), pk=pk)
    response = HttpResponse(bytes(article.original), content_type="text/plain")
    response["X-Content-Type-Options"] = "nosniff"
    filename = article.original_filename.rsplit("/", 1)[-1]
    response["Content-Disposition"] = content_disposition_header(False, filename) or "inline"
    return response


@cached_for_readers(site_stamp)
def source_detail(request: HttpRequest, slug: str) -> HttpResponse:
    source = get_object_or_404(Source, slug=slug)
    # Grouped by story on the page (regroup), newest story first.
    by_story = (
        source.articles.listing()
        .select_related("story")
        .order_by(
            F("story__end_date").desc(nulls_last=True),
            "story_id",
            F("published_at").desc(nulls_last=True),
        )
    )
    articles = Paginator(by_story, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "articles/source_detail.html", {"source": source, "articles": articles})


@cached_for_readers(site_stamp)
def source_list(request: HttpRequest) -> HttpResponse:
    sources = Source.objects.annotate(article_count=Count("articles")).order_by("name")
    return render(request, "articles/source_list.html", {"sources": sources})


@staff_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def upload(request: HttpRequest) -> HttpResponse:
    """Check an upload and queue its files for the background workers; answer at once."""
    reports: list[FileReport] = []
    problem = ""
    batch = None
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            uploads = [UploadedFile(f.name, f.read()) for f in form.cleaned_data["files"]]
            # A refused request (zip bomb, too many files...) writes nothing and says why.
            try:
                expansion = expand_uploads(uploads, limits_from_settings())
            except UploadRefused as refusal:
                problem = str(refusal)
            else:
                refused = [(r.name, r.reason) for r in expansion.refused]
                batch = queue_batch(
                    [(file.name, file.data) for file in expansion.files],
                    refused,
                    label=", ".join(upload.name for upload in uploads),
                    outlet=form.cleaned_data["outlet"],
                    published=form.cleaned_data["published"],
                    user=request.user,
                )
                if batch is None:
                    reports = [FileReport(name, "failed", reason) for name, reason in refused]
            if batch is not None and not request.htmx:
                return redirect(batch)
            if batch is not None:
                form = UploadForm()
    else:
        form = UploadForm()
    # A request that stored nothing because of bad input is a client error.
    status = 202 if batch else (400 if problem or form.errors or reports else 200)
    context = {
        "form": form,
        **(batch_progress(batch) if batch else {}),
        "reports": reports,
        "problem": problem,
        "summary": summarise(reports),
        "outlet_names": known_outlet_names(),
        "pending_count": PendingUpload.objects.count(),
    }
    template = fragment_or_page(request, "articles/upload.html", "result")
    return render(request, template, context, status=status)


REPORT_ROWS_PER_PAGE = 500
BATCHES_PER_PAGE = 20


@staff_required
@vary_on_headers("HX-Request")
def upload_batch(request: HttpRequest, pk: int) -> HttpResponse:
    """An import's progress and per-file report; htmx polls the fragment until every file is
    reported."""
    batch = get_object_or_404(ImportBatch.objects.select_related("created_by"), pk=pk)
    template = fragment_or_page(request, "articles/upload_batch.html", "progress")
    return render(request, template, batch_progress(batch, request.GET.get("page")))


def batch_progress(batch: ImportBatch, page: str | None = None) -> dict:
    """What the progress fragment shows: counts, one page of the per-file report, and whether
    any worker is there to do the work."""
    # The report names and links each file's article or pending upload: none of their text.
    items = batch.items.select_related("article", "pending").defer(
        "data", "pending__original", *(f"article__{field}" for field in ARTICLE_TEXT_FIELDS)
    )
    return {
        "batch": batch,
        "report_page": Paginator(items, REPORT_ROWS_PER_PAGE).get_page(page),
        "no_worker": not batch.is_finished and not live_worker_keys(),
    }


@staff_required
def upload_batches(request: HttpRequest) -> HttpResponse:
    batches = ImportBatch.objects.select_related("created_by")
    page = Paginator(batches, BATCHES_PER_PAGE).get_page(request.GET.get("page"))
    context = {"batches": page, "no_worker": not live_worker_keys()}
    return render(request, "articles/upload_batches.html", context)


def summarise(reports: list[FileReport]) -> dict[str, int]:
    summary = dict.fromkeys(ImportBatch.COUNT_FIELDS, 0)
    for report in reports:
        summary[report.status] += 1
    return summary


@staff_required
def pending_uploads(request: HttpRequest) -> HttpResponse:
    pending = PendingUpload.objects.defer("original")
    context = {"pending": pending, "outlet_names": known_outlet_names(), "form": AssignOutletForm()}
    return render(request, "articles/pending_uploads.html", context)


@staff_required
@require_http_methods(["POST"])
def assign_outlet(request: HttpRequest, pk: int) -> HttpResponse:
    pending = get_object_or_404(PendingUpload, pk=pk)
    form = AssignOutletForm(request.POST)
    if not form.is_valid():
        context = {
            "pending": PendingUpload.objects.defer("original"),
            "outlet_names": known_outlet_names(),
            "form": form,
            "failed_pk": pending.pk,
        }
        return render(request, "articles/pending_uploads.html", context, status=400)
    # Within the per-article time limit, as in the workers (in a server's threads, the
    # database's statement_timeout alone).
    report = import_within_time_limit(
        pending.original_filename,
        bytes(pending.original),
        outlet=form.cleaned_data["outlet"],
        published=pending.published,
        user=request.user,
    )
    if report.article is not None:
        PendingUpload.objects.filter(pk=pending.pk).delete()
        link_new_stories()  # a story it started is related to others before the editor sees it
        return redirect(report.article)
    context = {"reports": [report], "summary": summarise([report]), "form": UploadForm()}
    return render(request, "articles/upload.html", context, status=400)
