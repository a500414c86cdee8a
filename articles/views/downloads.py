"""Coverage to take away: a story (its articles, quotes, statements and who left what out)
and search results, as CSV or JSON files. Readers get what the pages show; editors also get
the quotes they rejected, with their status. The fields are articles/export.py's, the same as
`manage.py export_coverage` and the API give."""

import json

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from articles.export import (
    CSV_FIELDS,
    coverage_json,
    csv_text,
    iso,
    quote_rows,
    statement_table,
    stories_for_export,
)
from articles.forms import SearchForm
from articles.models import can_edit
from articles.search import SEARCH_CANDIDATES, find_quotes_and_articles

CONTENT_TYPES = {"json": "application/json", "csv": "text/csv; charset=utf-8"}
SEARCH_CSV_FIELDS = [
    "result",
    "id",
    "text",
    "speaker_id",
    "speaker",
    "verb",
    "outlet",
    "published",
    "article_id",
    "article_title",
    "story_id",
    "url",
]


def download(content: str, filename: str, format: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[format])
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@require_GET
def story_download(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    """story-ID.json: the story as `export_coverage --story ID` gives it, each statement with
    the outlets that did not report it; story-ID.csv: one row per quote, or with
    ?table=statements one row per statement and one column per outlet (its wording, or empty
    where it left the statement out)."""
    story = get_object_or_404(stories_for_export(rejected=can_edit(request.user)), pk=pk)
    if format == "json":
        content = json.dumps(coverage_json([story]), ensure_ascii=False, indent=2)
        return download(content, f"story-{story.pk}.json", format)
    if request.GET.get("table") == "statements":
        header, rows = statement_table(story)
        return download(csv_text(header, rows), f"story-{story.pk}-statements.csv", format)
    return download(csv_text(CSV_FIELDS, quote_rows([story])), f"story-{story.pk}.csv", format)


@require_GET
def search_download(request: HttpRequest, format: str) -> HttpResponse:
    """The search's results, every one the page would show over all its pages (the best of
    the newest SEARCH_CANDIDATES matches): quotes, then articles."""
    form = SearchForm(request.GET)
    if not form.is_valid() or not form.cleaned_data["q"]:
        raise Http404("Give a search (?q=...) with valid filters to download its results.")
    query = form.cleaned_data["q"]
    quotes, _, articles = find_quotes_and_articles(
        query, form.cleaned_data, None, per_page=SEARCH_CANDIDATES
    )
    quote_items = [
        {
            "result": "quote",
            "id": quote.pk,
            "text": quote.text,
            "speaker_id": quote.person_id,
            "speaker": quote.person.name if quote.person else None,
            "verb": quote.verb,
            "outlet": quote.article.outlet.name,
            "published": iso(quote.article.published_at),
            "article_id": quote.article_id,
            "article_title": quote.article.title,
            "story_id": quote.article.story_id,
            "statement_id": quote.group_id,
            "tags": list(quote.tag_names),
            "url": request.build_absolute_uri(quote.article.get_absolute_url()),
        }
        for quote in quotes
    ]
    article_items = [
        {
            "result": "article",
            "id": article.pk,
            "title": article.title,
            "outlet": article.outlet.name,
            "published": iso(article.published_at),
            "story_id": article.story_id,
            "url": request.build_absolute_uri(article.get_absolute_url()),
        }
        for article in articles
    ]
    filters = {
        name: str(getattr(value, "slug", None) or getattr(value, "pk", None) or value)
        for name, value in form.cleaned_data.items()
        if value and name != "q"
    }
    if format == "json":
        document = {
            "query": query,
            "filters": filters,
            "quotes": quote_items,
            "more": quotes.more or articles.more,
            "articles": article_items,
        }
        content = json.dumps(document, ensure_ascii=False, indent=2)
        return download(content, "search-results.json", format)
    rows = [
        {field: item.get(field, "") for field in SEARCH_CSV_FIELDS}
        | {"text": item.get("text", item.get("title"))}
        for item in quote_items + article_items
    ]
    for row in rows:
        if row["result"] == "article":
            row["article_id"], row["article_title"] = row["id"], row["text"]
    rows = [{k: ("" if v is None else v) for k, v in row.items()} for row in rows]
    return download(csv_text(SEARCH_CSV_FIELDS, rows), "search-results.csv", format)
