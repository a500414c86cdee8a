import csv
import io
import json

import pytest
from django.core.management import call_command

from articles.models import Quote, Story

pytestmark = pytest.mark.django_db


def export(fmt):
    out = io.StringIO()
    call_command("export_coverage", "--format", fmt, stdout=out)
    return out.getvalue()


def test_json_export_has_stories_articles_quotes_speakers_and_statements():
    call_command("setup_demo")
    document = json.loads(export("json"))
    assert len(document["stories"]) == Story.objects.count() == 2
    visit = next(s for s in document["stories"] if len(s["articles"]) == 4)
    quotes = [q for a in visit["articles"] for q in a["quotes"]]
    assert {q["speaker"] for q in quotes} >= {"Anders Fogh Rasmussen", "Dmitry Medvedev"}
    first = quotes[0]
    for key in ("text", "kind", "verb", "start_paragraph", "end_offset", "statement_id"):
        assert key in first
    shared = [s for s in visit["statements"] if len(s["outlets"]) > 1]
    assert len(shared) == 4
    assert any(m["diff"] for s in shared for m in s["members"])
    names = {p["name"] for p in document["people"]}
    assert "Vladimir Putin" in names
    assert visit["related"] and visit["related"][0] != visit["id"]


def test_csv_export_has_one_row_per_quote():
    call_command("setup_demo")
    rows = list(csv.DictReader(io.StringIO(export("csv"))))
    assert len(rows) == Quote.objects.count()
    assert {row["outlet"] for row in rows} == {
        "Xinhua",
        "Reuters",
        "Radio Free Europe/Radio Liberty",
        "Al Jazeera",
    }
    assert all(row["text"] and row["story_id"] for row in rows)
