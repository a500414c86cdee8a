import csv
import json

from django.core.management.base import BaseCommand
from django.db.models import Prefetch

from articles.models import Article, Person, Quote, StatementGroup, Story

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
    "status",
    "statement_id",
    "confidence",
    "tags",
]


class Command(BaseCommand):
    help = "Print every story with its articles, quotes, speakers and statement groups."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--story", type=int, help="only this story (id)")

    def handle(self, *, format, story=None, **options):
        stories = Story.objects.order_by("start_date", "id").prefetch_related(
            "related",
            Prefetch(
                "articles",
                queryset=Article.objects.select_related("outlet")
                .defer("original", "stripped")
                .order_by("published_at", "id")
                .prefetch_related(
                    Prefetch(
                        "quotes", queryset=Quote.objects.select_related("person").with_tag_names()
                    )
                ),
            ),
            Prefetch(
                "statements",
                queryset=StatementGroup.objects.prefetch_related(
                    Prefetch("quotes", queryset=Quote.objects.select_related("article__outlet"))
                ),
            ),
        )
        if story is not None:
            stories = stories.filter(pk=story)
        if format == "csv":
            self.write_csv(stories)
        else:
            self.write_json(stories)

    def write_csv(self, stories):
        writer = csv.DictWriter(self.stdout, fieldnames=CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        for story in stories:
            for article in story.articles.all():
                for quote in article.quotes.all():
                    writer.writerow(
                        {
                            "story_id": story.pk,
                            "story_title": story.title,
                            "article_id": article.pk,
                            "outlet": article.outlet.name,
                            "published": _iso(article.published_at),
                            "article_title": article.title,
                            "quote_id": quote.pk,
                            "text": quote.text,
                            "kind": quote.kind,
                            "speaker_id": quote.person_id or "",
                            "speaker": quote.person.name if quote.person else "",
                            "speaker_mention": quote.speaker_mention,
                            "verb": quote.verb,
                            "status": quote.status,
                            "statement_id": quote.group_id or "",
                            "confidence": quote.confidence,
                            "tags": "; ".join(quote.tag_names),
                        }
                    )

    def write_json(self, stories):
        stories = list(stories)
        person_ids = {
            quote.person_id
            for story in stories
            for article in story.articles.all()
            for quote in article.quotes.all()
            if quote.person_id
        }
        people = Person.objects.filter(pk__in=person_ids).prefetch_related("aliases")
        document = {
            "stories": [story_json(story) for story in stories],
            "people": [
                {
                    "id": person.pk,
                    "name": person.name,
                    "role": person.role,
                    "aliases": sorted(alias.alias for alias in person.aliases.all()),
                }
                for person in people
            ],
        }
        self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))


def story_json(story: Story) -> dict:
    return {
        "id": story.pk,
        "title": story.title,
        "start_date": _iso(story.start_date),
        "end_date": _iso(story.end_date),
        "related": [other.pk for other in story.related.all()],
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
                "published": _iso(article.published_at),
                "published_precision": article.published_precision,
                "dateline": article.dateline,
                "byline": article.byline,
                "quotes": [quote_json(quote) for quote in article.quotes.all()],
            }
            for article in story.articles.all()
        ],
        "statements": [
            {
                "id": group.pk,
                "speaker_id": group.speaker_id,
                "fullest_quote_id": group.fullest_id,
                "outlets": sorted({q.article.outlet.name for q in group.quotes.all()}),
                "members": [
                    {
                        "quote_id": quote.pk,
                        "article_id": quote.article_id,
                        "outlet": quote.article.outlet.name,
                        "text": quote.text,
                        "diff": quote.diff,
                    }
                    for quote in group.quotes.all()
                ],
            }
            for group in story.statements.all()
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
        "start_paragraph": quote.start_paragraph,
        "start_offset": quote.start_offset,
        "end_paragraph": quote.end_paragraph,
        "end_offset": quote.end_offset,
        "confidence": quote.confidence,
        "status": quote.status,
        "statement_id": quote.group_id,
        "tags": list(quote.tag_names),
    }


def _iso(value):
    return value.isoformat() if value else None
