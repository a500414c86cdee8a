"""The readers' pages: recent stories, a story's comparison and statements, search, people,
articles, outlets and tags. Cached for readers (articles/caching.py); every htmx fragment is
a named partial of its page's template."""

import copy

from django.core.paginator import Paginator
from django.db.models import BigIntegerField, Count, F, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from articles.caching import article_stamp, cached_for_readers, site_stamp, story_stamp
from articles.forms import AddQuoteForm, SearchForm
from articles.highlight import (
    in_headline,
    paragraphs_html,
    segment_headline,
    segment_paragraphs,
    segments_html,
)
from articles.models import (
    QUOTE_READING_ORDER,
    Article,
    Outlet,
    Person,
    Quote,
    StatementGroup,
    Story,
    Tag,
    can_edit,
)
from articles.search import find_quotes_and_articles
from articles.spelling import FEW_RESULTS, close_matches
from articles.views.htmx import fragment_or_page

STATEMENT_COLOURS = 8
# What highlighting a quote in a body needs, and no more (a long story has hundreds).
QUOTE_POSITION_FIELDS = (
    "article_id",
    "group_id",
    "person_id",
    "place",
    "start_paragraph",
    "start_offset",
    "end_paragraph",
    "end_offset",
    "status",
)
STORIES_PER_PAGE = 20
ARTICLES_PER_PAGE = 20
PERSON_STATEMENTS_PER_PAGE = 50
TAG_QUOTES_PER_PAGE = 30


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
        .only(*QUOTE_POSITION_FIELDS, "confidence", "speaker_locked", "person__name")
        .with_tag_names()
    )
    visible = [quote for quote in quotes if quote.status != Quote.Status.REJECTED]
    colours = statement_colours(visible)
    outlets = outlets_in_order(articles)
    chosen = chosen_outlets(request.GET.get("outlets"), outlets)
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
            # its headline's quotes marked in the column's heading (a link: marks, no links)
            "headline": headline_html(article, by_article.get(article.pk, [])),
            "quote_count": sum(
                1 for q in by_article.get(article.pk, []) if q.status != Quote.Status.REJECTED
            ),
        }
        for outlet in chosen
        for article in articles
        if article.outlet_id == outlet.pk
    ]
    context = {
        "story": story,
        "articles": articles,
        "columns": columns,
        "outlets": outlets,  # each once, though an outlet may run several articles
        "chooser": outlet_chooser(outlets, chosen, articles),
        "chosen_slugs": ",".join(outlet.slug for outlet in chosen),
        "quote_count": len(visible),
        "statement_count": len({q.group_id for q in visible if q.group_id}),
        "shared_count": sum(1 for c in colours.values() if c is not None),
        "related": list(story.related.order_by("-start_date")),
        "story_tags": tag_counts(visible),
        "editing": editing,
    }
    template = fragment_or_page(request, "articles/story_detail.html", "comparison")
    return render(request, template, context)


def headline_html(article: Article, quotes, statement_url=None, **links) -> str:
    """The article's headline with its own quotes marked ("" when it has none: the plain title
    is shown); the links as paragraphs_html's."""
    if not article.title or not any(in_headline(q) for q in quotes):
        return ""
    return segments_html(segment_headline(article.title, quotes), statement_url, **links)


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
    reading_order = sorted(
        quotes, key=lambda q: (q.article_id, not in_headline(q), q.start_paragraph, q.start_offset)
    )
    for quote in reading_order:
        group = quote.group_id
        if group and group not in colours:
            if len(articles_per_group[group]) > 1:
                colours[group] = shared % STATEMENT_COLOURS
                shared += 1
            else:
                colours[group] = None
    return colours


def outlets_in_order(articles) -> list[Outlet]:
    """The story's outlets, in the order of their first article."""
    seen: dict[int, Outlet] = {}
    for article in articles:
        seen.setdefault(article.outlet_id, article.outlet)
    return list(seen.values())


def chosen_outlets(param: str | None, outlets: list[Outlet]) -> list[Outlet]:
    """The outlets named in ?outlets=slug,slug (in that order); all of them when absent.
    Unknown slugs are ignored; a choice of none shows none."""
    if param is None:
        return outlets
    by_slug = {outlet.slug: outlet for outlet in outlets}
    chosen = []
    for slug in param.split(","):
        outlet = by_slug.get(slug.strip())
        if outlet is not None and outlet not in chosen:
            chosen.append(outlet)
    return chosen


def outlet_chooser(outlets: list[Outlet], chosen: list[Outlet], articles=()) -> dict:
    """Links that add, remove or move one outlet: each is the whole new choice, in the URL.
    Each shown outlet also links to its first column (`anchor`), with its article count: the
    outlets are the page's tabs, one per outlet even when it ran several articles."""
    first_column: dict[int, int] = {}
    article_count: dict[int, int] = {}
    for article in articles:
        first_column.setdefault(article.outlet_id, article.pk)
        article_count[article.outlet_id] = article_count.get(article.outlet_id, 0) + 1

    def param(choice):
        return ",".join(outlet.slug for outlet in choice)

    shown = []
    for index, outlet in enumerate(chosen):
        left = chosen[: index - 1] + [outlet, chosen[index - 1]] + chosen[index + 1 :]
        right = chosen[:index] + chosen[index + 1 : index + 2] + [outlet] + chosen[index + 2 :]
        shown.append(
            {
                "outlet": outlet,
                "anchor": f"col-{first_column[outlet.pk]}" if outlet.pk in first_column else "",
                "articles": article_count.get(outlet.pk, 0),
                "remove": param([s for s in chosen if s != outlet]),
                "left": param(left) if index > 0 else None,
                "right": param(right) if index < len(chosen) - 1 else None,
            }
        )
    hidden = [{"outlet": s, "add": param([*chosen, s])} for s in outlets if s not in chosen]
    return {"shown": shown, "hidden": hidden, "total": len(outlets)}


@vary_on_headers("HX-Request")
@cached_for_readers(story_stamp)
def story_statements(request: HttpRequest, pk: int) -> HttpResponse:
    """One row per statement, one column per outlet: who carried what, who left it out."""
    story = get_object_or_404(Story, pk=pk)
    articles = list(story.articles.listing().order_by("published_at", "id"))
    outlets = outlets_in_order(articles)
    quotes = list(
        Quote.objects.visible()
        .filter(article__story=story)
        .select_related("person")
        .order_by("article__published_at", "article_id", *QUOTE_READING_ORDER)
    )
    outlet_of = {article.pk: article.outlet_id for article in articles}
    speakers = sorted({q.person for q in quotes if q.person}, key=lambda p: p.name)
    speaker = next((p for p in speakers if str(p.pk) == request.GET.get("speaker")), None)

    rows: dict[object, dict] = {}
    for quote in quotes:
        if speaker is not None and quote.person_id != speaker.pk:
            continue
        row = rows.setdefault(
            quote.group_id or f"q{quote.pk}",
            {"group_id": quote.group_id, "person": quote.person, "cells": {}, "unsure": True},
        )
        row["unsure"] = row["unsure"] and quote.speaker_unsure  # unsure in every outlet
        row["cells"].setdefault(outlet_of[quote.article_id], []).append(quote)
    # A passage quoted in one piece shows in the rows of the other statements it holds too.
    by_pk = {quote.pk: quote for quote in quotes}
    for quote_id, group_id in Quote.also_in.through.objects.filter(
        quote_id__in=by_pk, statementgroup__story=story
    ).values_list("quote_id", "statementgroup_id"):
        if group_id in rows:
            passage = copy.copy(by_pk[quote_id])
            passage.passage = True
            rows[group_id]["cells"].setdefault(outlet_of[passage.article_id], []).append(passage)
    table = []
    for row in rows.values():
        row["cells"] = [row["cells"].get(outlet.pk, []) for outlet in outlets]
        row["outlet_count"] = sum(1 for cell in row["cells"] if cell)
        table.append(row)

    # For each speaker, the outlets that carried none of their words.
    carried: dict[int, set[int]] = {}
    for quote in quotes:
        if quote.person_id:
            carried.setdefault(quote.person_id, set()).add(outlet_of[quote.article_id])
    silent = [
        {"person": person, "outlets": [s for s in outlets if s.pk not in carried[person.pk]]}
        for person in speakers
        if speaker is None or person == speaker
    ]
    context = {
        "story": story,
        "outlets": outlets,
        "rows": table,
        "speakers": speakers,
        "speaker": speaker,
        "silent": [item for item in silent if item["outlets"]],
        "related": list(story.related.order_by("-start_date")),
    }
    template = fragment_or_page(request, "articles/story_statements.html", "table")
    return render(request, template, context)


def search_filters(form: SearchForm, speakers: list[int]) -> list[dict]:
    """The filter fields, the selects with their <option>s: every outlet and tag, and as
    speakers the chosen one and those among the results, not everyone ever quoted."""
    people = Person.objects.filter(pk__in=speakers).order_by("name") if speakers else []
    outlets = Outlet.objects.with_articles().values_list("slug", "short_name", "name")
    choices = {
        "outlet": [("", "Any outlet")]
        + [(slug, Outlet.label(short, name)) for slug, short, name in outlets],
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
    """One box for quotes and articles; filters by outlet, speaker and dates. A search that
    finds little offers the close match of its words and the people named like it."""
    form = SearchForm(request.GET or None)
    speakers: list[int] = []
    quotes = articles = suggestion = None
    people = []
    query = ""
    if form.is_valid() and form.cleaned_data["q"]:
        query = form.cleaned_data["q"]
        page = request.GET.get("page")
        quotes, speakers, articles = find_quotes_and_articles(query, form.cleaned_data, page)
        if quotes.count + articles.count < FEW_RESULTS:
            close = close_matches(query)
            suggestion, people = close.suggestion, close.people
            speakers += [person.pk for person in people]  # offered by the speaker filter
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
        "suggestion": suggestion,
        "people": people,
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
        for quotes_of_statement in members.values():
            # The first quote's words stand for the statement: a body quote's, never a
            # headline's few words when a body prints the statement whole (a stable sort).
            quotes_of_statement.sort(key=lambda quote: quote.place == Quote.Place.HEADLINE)
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
        .select_related("article__outlet", "person")
        .defer("article__original", "article__paragraphs", "article__stripped")
        .order_by("article__published_at", "article_id")
    )
    fullest = group.fullest or (members[0] if members else None)
    # The story's quotes of other statements that hold this one in a longer passage.
    passages = list(
        group.passages.visible()
        .filter(article__story_id=group.story_id)
        .select_related("article__outlet", "person")
        .defer("article__original", "article__paragraphs", "article__stripped")
        .order_by("article__published_at", "article_id")
    )
    reported_by = {quote.article.outlet_id for quote in [*members, *passages]}
    missing = [
        article.outlet
        for article in group.story.articles.listing()
        if article.outlet_id not in reported_by
    ]
    context = {
        "story": group.story,
        "group": group,
        "members": members,
        "passages": passages,
        "fullest": fullest,
        "missing_outlets": list({outlet.pk: outlet for outlet in missing}.values()),
    }
    template = fragment_or_page(request, "articles/statement_detail.html", "panel")
    return render(request, template, context)


@cached_for_readers(article_stamp)
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(
        Article.objects.select_related("outlet", "story").defer("original"), pk=pk
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
    statement_url = statement_url_maker(article.story_id) if article.story_id else None
    edit_url = quote_edit_url_maker() if editing else None
    context = {
        "article": article,
        "same_story": same_story,
        "quotes": quotes,
        "headline": headline_html(
            article, quotes, statement_url, edit_url=edit_url, edit_target="#quote-editor"
        ),
        "body": paragraphs_html(
            segment_paragraphs(article.paragraphs, quotes),
            statement_url,
            edit_url=edit_url,
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
def outlet_detail(request: HttpRequest, slug: str) -> HttpResponse:
    outlet = get_object_or_404(Outlet, slug=slug)
    # Grouped by story on the page (regroup), newest story first.
    by_story = (
        outlet.articles.listing()
        .select_related("story")
        .order_by(
            F("story__end_date").desc(nulls_last=True),
            "story_id",
            F("published_at").desc(nulls_last=True),
        )
    )
    articles = Paginator(by_story, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "articles/outlet_detail.html", {"outlet": outlet, "articles": articles})


@cached_for_readers(site_stamp)
def outlet_list(request: HttpRequest) -> HttpResponse:
    outlets = Outlet.objects.annotate(article_count=Count("articles")).filter(article_count__gt=0)
    return render(request, "articles/outlet_list.html", {"outlets": outlets})


def listed_quotes(quotes):
    """Quotes as the review queue and the tag pages list them: speaker, outlet, story, tags."""
    return quotes.listing().select_related("person").with_tag_names()


@require_GET
def tag_list(request: HttpRequest) -> HttpResponse:
    tags = Tag.objects.with_quote_counts().order_by("name")
    return render(request, "articles/tag_list.html", {"tags": tags})


@require_GET
@vary_on_headers("HX-Request")
def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Every quote carrying the tag, across stories and outlets, newest first."""
    tag = get_object_or_404(Tag, slug=slug)
    quotes = listed_quotes(tag.quotes.visible()).order_by(
        F("article__published_at").desc(nulls_last=True), "article_id", *QUOTE_READING_ORDER
    )
    page = Paginator(quotes, TAG_QUOTES_PER_PAGE).get_page(request.GET.get("page"))
    context = {"tag": tag, "quotes": page}
    return render(request, fragment_or_page(request, "articles/tag_detail.html", "quotes"), context)
