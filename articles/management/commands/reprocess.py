from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.coverage import process_article
from articles.models import Article


class Command(BaseCommand):
    help = (
        "Run quote extraction, story placement and statement matching again on stored "
        "articles (after the rules improved), keeping every editor decision."
    )

    def add_arguments(self, parser):
        parser.add_argument("articles", nargs="*", type=int, help="article ids")
        parser.add_argument("--story", type=int, action="append", help="every article of a story")
        parser.add_argument("--all", action="store_true", dest="every", help="every stored article")

    def handle(self, *, articles, story=None, every=False, **options):
        if not (articles or story or every):
            raise CommandError("name article ids, --story ID or --all")
        chosen = Article.objects.all() if every else Article.objects.none()
        if articles:
            chosen |= Article.objects.filter(pk__in=articles)
        if story:
            chosen |= Article.objects.filter(story__in=story)
        ids = list(chosen.order_by("pk").values_list("pk", flat=True))
        missing = sorted(set(articles) - set(ids))
        if missing:
            raise CommandError(f"no article with id {', '.join(map(str, missing))}")
        for number, pk in enumerate(ids, 1):
            # One transaction per article, as at import: a failure leaves the others done.
            with transaction.atomic():
                article = Article.objects.select_for_update().get(pk=pk)
                process_article(article)
            self.stdout.write(f"[{number}/{len(ids)}] {article.title[:80]}")
        self.stdout.write(f"Reprocessed {len(ids)} article{'s' if len(ids) != 1 else ''}.")
