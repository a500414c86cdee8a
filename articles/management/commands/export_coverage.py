import json

from django.core.management.base import BaseCommand

from articles.export import CSV_FIELDS, coverage_json, quote_rows, stories_for_export, write_csv


class Command(BaseCommand):
    help = "Print every story with its articles, quotes, speakers and statement groups."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--story", type=int, help="only this story (id)")

    def handle(self, *, format, story=None, **options):
        stories = stories_for_export()
        if story is not None:
            stories = stories.filter(pk=story)
        if format == "csv":
            write_csv(self.stdout, CSV_FIELDS, quote_rows(stories))
        else:
            document = coverage_json(stories)
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
