"""Coverage as plain data for taking away: stories with their articles, quotes and statements
(who carried each statement and who left it out), people, and search results; as JSON-ready
dicts and CSV rows. Used by `manage.py export_coverage`, the story and search downloads and the
API (articles/api/), so that every way out gives the same fields."""

import csv
import io

from django.db.models import Prefetch

from articles.models import QUOTE_READING_ORDER, Article, Person, Quote, StatementGroup, Story

CSV_FIELDS = [
    "story_id",
    "story_title",
    "article_id",
    "outlet",
    "published",
    "article_title",
    "quote_id",
    "text",
    "kind",
    "speaker_id",
    "speaker",
    "speaker_mention",
    "verb",
    "place",
    "status",
    "statement_id",
    "confidence",
    "tags",
]


def stories_for_export(*, rejected: bool = True):
    """Stories with everything story_json reads, prefetched (a fixed number of queries).
    `rejected=False`: without the quotes an editor rejected, as readers see them."""
    quotes = Quote.objects.all() if rejected else Quote.objects.visible()
    return Story.objects.order_by("start_date", "id").prefetch_related(
        "related",
        Prefetch(
            "articles",
            queryset=Article.objects.select_related("outlet")
            .defer("original", "stripped", "body", "search_vector", "paragraphs", "captions")
            .order_by("published_at", "id")
            .prefetch_related(
                Prefetch(
                    "quotes",
                    queryset=quotes.select_related("person")
                    .defer("search_vector")
                    .with_tag_names()
                    .order_by(*QUOTE_READING_ORDER, "id"),
                )
            ),
        ),
        Prefetch(
            "statements",
            queryset=StatementGroup.objects.prefetch_related(
                Prefetch(
                    "quotes",
                    queryset=quotes.select_related("article__outlet")
                    .defer("search_vector", *ARTICLE_HEAVY)
                    .order_by("article__published_at", "article_id", "id"),
                )
            ),
        ),
    )


ARTICLE_HEAVY = tuple(
    f"article__{field}"
    for field in ("original", "stripped", "body", "search_vector", "paragraphs", "captions")
)


def story_outlets(story: Story) -> list[str]:
    """The names of the (prefetched) story's outlets, in order of first coverage."""
    return [outlet.name for outlet in story.outlets()]


def statement_json(group: StatementGroup, outlets: list[str]) -> dict:
    """One statement: its wordings, the outlets that carried it and those that left it out."""
    members = list(group.quotes.all())
    carried = {quote.article.outlet.name for quote in members}
    return {
        "id": group.pk,
        "speaker_id": group.speaker_id,
        "fullest_quote_id": group.fullest_id,
        "outlets": sorted(carried),
        "not_reported_by": [name for name in outlets if name not in carried],
        "members": [
            {
                "quote_id": quote.pk,
                "article_id": quote.article_id,
                "outlet": quote.article.outlet.name,
                "text": quote.text,
                "diff": quote.diff,
            }
            for quote in members
        ],
    }


def story_json(story: Story) -> dict:
    outlets = story_outlets(story)
    return {
        "id": story.pk,
        "title": story.title,
        "start_date": iso(story.start_date),
        "end_date": iso(story.end_date),
        "related": [other.pk for other in story.related.all()],
        "outlets": outlets,
        "articles": [
            {
                "id": article.pk,
                "outlet": {
                    "name": article.outlet.name,
                    "short_name": article.outlet.short_name,
                    "kind": article.outlet.kind,
                    "country": article.outlet.country,
                },
                "title": article.title,
                "published": iso(article.published_at),
                "published_precision": article.published_precision,
                "dateline": article.dateline,
                "byline": article.byline,
                "quotes": [quote_json(quote) for quote in article.quotes.all()],
            }
            for article in story.articles.all()
        ],
        # A statement whose quotes were all rejected is left out.
        "statements": [
            statement_json(group, outlets) for group in story.statements.all() if group.quotes.all()
        ],
    }


def quote_json(quote: Quote) -> dict:
    return {
        "id": quote.pk,
        "text": quote.text,
        "kind": quote.kind,
        "speaker_id": quote.person_id,
        "speaker": quote.person.name if quote.person else None,
        "speaker_mention": quote.speaker_mention,
        "verb": quote.verb,
        "place": quote.place,
        "start_paragraph": quote.start_paragraph,
        "start_offset": quote.start_offset,
        "end_paragraph": quote.end_paragraph,
        "end_offset": quote.end_offset,
        "confidence": quote.confidence,
        "status": quote.status,
        "statement_id": quote.group_id,
        "tags": list(quote.tag_names),
    }


def people_json(stories: list[Story]) -> list[dict]:
    """The people quoted in these (prefetched) stories, with their aliases: one query."""
    person_ids = {
        quote.person_id
        for story in stories
        for article in story.articles.all()
        for quote in article.quotes.all()
        if quote.person_id
    }
    if not person_ids:
        return []
    people = Person.objects.filter(pk__in=person_ids).order_by("name", "id")
    return [
        {
            "id": person.pk,
            "name": person.name,
            "role": person.role,
            "aliases": sorted(alias.alias for alias in person.aliases.all()),
        }
        for person in people.prefetch_related("aliases")
    ]


def coverage_json(stories) -> dict:
    stories = list(stories)
    return {"stories": [story_json(story) for story in stories], "people": people_json(stories)}


def quote_rows(stories):
    """One CSV row (a dict of CSV_FIELDS) per quote of these prefetched stories."""
    for story in stories:
        for article in story.articles.all():
            for quote in article.quotes.all():
                yield {
                    "story_id": story.pk,
                    "story_title": story.title,
                    "article_id": article.pk,
                    "outlet": article.outlet.name,
                    "published": iso(article.published_at),
                    "article_title": article.title,
                    "quote_id": quote.pk,
                    "text": quote.text,
                    "kind": quote.kind,
                    "speaker_id": quote.person_id or "",
                    "speaker": quote.person.name if quote.person else "",
                    "speaker_mention": quote.speaker_mention,
                    "verb": quote.verb,
                    "place": quote.place,
                    "status": quote.status,
                    "statement_id": quote.group_id or "",
                    "confidence": quote.confidence,
                    "tags": "; ".join(quote.tag_names),
                }


def statement_table(story: Story) -> tuple[list[str], list[list]]:
    """Who left what out, as a table: one row per statement, one column per outlet holding
    that outlet's wording, or "" where it did not report the statement."""
    outlets = story_outlets(story)
    header = ["statement_id", "speaker_id", "outlet_count", *outlets]
    rows = []
    for group in story.statements.all():
        wordings: dict[str, list[str]] = {}
        for quote in group.quotes.all():
            wordings.setdefault(quote.article.outlet.name, []).append(quote.text)
        if wordings:
            cells = [" / ".join(wordings.get(name, [])) for name in outlets]
            rows.append([group.pk, group.speaker_id or "", len(wordings), *cells])
    return header, rows


def write_csv(out, header: list[str], rows) -> None:
    """Rows (dicts keyed by `header`, or lists in its order) as CSV into `out`."""
    rows = iter(rows)
    first = next(rows, None)
    if isinstance(first, dict):
        writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
        writer.writeheader()
    else:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
    if first is not None:
        writer.writerow(first)
        writer.writerows(rows)


def csv_text(header: list[str], rows) -> str:
    out = io.StringIO()
    write_csv(out, header, rows)
    return out.getvalue()


def iso(value):
    return value.isoformat() if value else None
