import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from articles.imports.catalogue import outlet_catalogue
from articles.ingest import IngestError, parse_article
from articles.quotes import extract_quotes, quotable_texts


def quotes_of(parsed) -> list[dict]:
    """The article's quotations, as `manage.py extract --json` prints them: the headline's
    first (place "headline", offsets into the title), then the body's, as on import."""
    paragraphs = quotable_texts(parsed.paragraphs)
    return [
        {
            "text": quote.text,
            "speaker": quote.speaker,
            "speaker_mention": quote.speaker_mention,
            "verb": quote.verb,
            "kind": quote.kind,
            "place": quote.place,
            "start_paragraph": quote.start_paragraph,
            "start_offset": quote.start_offset,
            "end_paragraph": quote.end_paragraph,
            "end_offset": quote.end_offset,
            "confidence": round(quote.confidence, 3),
        }
        for quote in extract_quotes(paragraphs, headline=parsed.title or "").quotes
    ]


class Command(BaseCommand):
    help = "Run the ingest pipeline on files and print the result; stores nothing."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="one JSON object per line"
        )
        parser.add_argument(
            "--outlet",
            "--source",  # its name before the model Source became Outlet
            help="the outlet (overrides detection)",
        )

    def handle(self, *, paths, as_json=False, outlet=None, **options):
        # The outlets an import would recognise (the stored rows an admin edits), so that
        # extract reads a file as the upload does; the code's list when there is no database.
        try:
            outlets = outlet_catalogue()
        except DatabaseError:
            outlets = None
            self.stderr.write("No database: outlets are recognised from the code's list only.")
        failed = 0
        for raw in paths:
            path = Path(raw)
            try:
                data = path.read_bytes()
                parsed = parse_article(data, filename=path.name, outlet=outlet, outlets=outlets)
            except OSError as error:
                failed += 1
                self.stderr.write(f"{raw}: cannot read the file ({error.strerror})")
                continue
            except IngestError as error:
                failed += 1
                self.stderr.write(f"{raw}: {error}")
                continue
            result = {"file": str(path), **parsed.to_dict(), "quotes": quotes_of(parsed)}
            if as_json:
                self.stdout.write(json.dumps(result, ensure_ascii=False))
            else:
                self.stdout.write(self.describe(result))
        if failed:
            raise CommandError(f"{failed} file(s) could not be read")

    def describe(self, result):
        outlet = result["outlet"]["name"] if result.get("outlet") else "(unknown outlet)"
        lines = [
            f"== {result['file']}",
            f"title:     {result['title'] or '(untitled)'}",
            f"outlet:    {outlet}",
            f"published: {result['published'] or '-'} ({result['published_precision']}"
            f"{', year inferred' if result['published_inferred'] else ''})",
            f"dateline:  {result['dateline'] or '-'}",
            f"byline:    {result['byline'] or '-'}",
            f"body:      {len(result['paragraphs'])} paragraphs, "
            f"{len(result['captions'])} captions, {len(result['stripped'])} chrome blocks removed",
            f"quotes:    {len(result['quotes'])}",
        ]
        return "\n".join(lines)
