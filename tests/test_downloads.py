"""Story and search downloads (articles/views/downloads.py): content, headers, permissions,
and the links to them on the story and search pages."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.history import Change
from articles.models import Edit, Quote, Story, editors_group
from tests.helpers import AGENCY, WIRE, make_article, make_user

pytestmark = pytest.mark.django_db
OUTLETS = {"Xinhua", "Reuters", "Radio Free Europe/Radio Liberty", "Al Jazeera"}


@pytest.fixture
def demo(db):
    call_command("setup_demo")
    return Story.objects.get(articles__outlet__short_name="Xinhua")


def story_url(story, format):
    return reverse("articles:story_download", args=[story.pk, format])


def test_story_json_has_articles_quotes_statements_and_who_left_each_out(client, demo):
    response = client.get(story_url(demo, "json"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == f'attachment; filename="story-{demo.pk}.json"'
    document = json.loads(response.content)
    [story] = document["stories"]
    assert story["id"] == demo.pk and set(story["outlets"]) == OUTLETS
    assert len(story["articles"]) == 4
    quotes = [q for a in story["articles"] for q in a["quotes"]]
    assert len(quotes) == Quote.objects.visible().filter(article__story=demo).count()
    for statement in story["statements"]:
        assert set(statement["outlets"]) | set(statement["not_reported_by"]) == OUTLETS
        assert not set(statement["outlets"]) & set(statement["not_reported_by"])
    assert any(s["not_reported_by"] for s in story["statements"])
    assert {"Anders Fogh Rasmussen", "Dmitry Medvedev"} <= {p["name"] for p in document["people"]}


def test_story_csv_has_one_row_per_quote(client, demo):
    response = client.get(story_url(demo, "csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="story-{demo.pk}.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == Quote.objects.visible().filter(article__story=demo).count()
    assert {row["outlet"] for row in rows} == OUTLETS
    assert all(row["story_id"] == str(demo.pk) and row["text"] for row in rows)


def test_statements_csv_has_a_column_per_outlet_empty_where_it_left_the_statement_out(client, demo):
    response = client.get(story_url(demo, "csv"), {"table": "statements"})
    assert 'filename="story-' in response["Content-Disposition"]
    assert "-statements.csv" in response["Content-Disposition"]
    table = list(csv.reader(io.StringIO(response.content.decode())))
    header, rows = table[0], table[1:]
    assert header[:3] == ["statement_id", "speaker_id", "outlet_count"]
    assert set(header[3:]) == OUTLETS
    for row in rows:
        assert int(row[2]) == sum(1 for cell in row[3:] if cell)
    assert any(int(row[2]) > 1 for row in rows) and any("" in row[3:] for row in rows)


def test_story_download_leaves_rejected_quotes_to_editors(client, demo):
    editor = make_user("dl-editor")
    editor.groups.add(editors_group())
    quote = Quote.objects.filter(article__story=demo).first()
    change = Change(quotes=[quote.pk], groups=[quote.group_id])
    quote.review(Quote.Status.REJECTED)
    change.record(editor, Edit.Action.REVIEW, quote, "rejected")
    reader_rows = list(csv.DictReader(io.StringIO(client.get(story_url(demo, "csv")).text)))
    assert str(quote.pk) not in {row["quote_id"] for row in reader_rows}
    client.force_login(editor)
    rows = list(csv.DictReader(io.StringIO(client.get(story_url(demo, "csv")).text)))
    assert {row["status"] for row in rows if row["quote_id"] == str(quote.pk)} == {"rejected"}


def test_unknown_story_or_format_is_a_404(client, demo):
    assert client.get(reverse("articles:story_download", args=[99999, "csv"])).status_code == 404
    assert client.get(f"/stories/{demo.pk}/download.xml").status_code == 404


def test_story_page_links_to_its_downloads(client, demo):
    html = client.get(demo.get_absolute_url()).content.decode()
    assert f'href="{story_url(demo, "csv")}"' in html
    assert f'href="{story_url(demo, "csv")}?table=statements"' in html
    assert f'href="{story_url(demo, "json")}"' in html


def search_url(format):
    return reverse("articles:search_download", args=[format])


def test_search_json_has_every_matching_quote_and_article(client, demo):
    response = client.get(search_url("json"), {"q": "Afghanistan", "outlet": "reuters"})
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="search-results.json"'
    document = json.loads(response.content)
    assert document["query"] == "Afghanistan" and document["filters"] == {"outlet": "reuters"}
    assert document["quotes"] and document["articles"]
    assert {q["outlet"] for q in document["quotes"]} == {"Reuters"}
    assert all("afghanistan" in q["text"].lower() for q in document["quotes"])
    assert all(a["url"].startswith("http://testserver/articles/") for a in document["articles"])


def test_search_csv_has_a_row_per_result_quotes_first(client, demo):
    response = client.get(search_url("csv"), {"q": "Afghanistan"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="search-results.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    kinds = [row["result"] for row in rows]
    assert kinds == sorted(kinds, key=lambda kind: kind != "quote") and set(kinds) == {
        "quote",
        "article",
    }
    assert all(row["text"] and row["outlet"] and row["article_id"] for row in rows)


def test_search_download_needs_a_search(client, demo):
    assert client.get(search_url("csv")).status_code == 404
    assert client.get(search_url("csv"), {"q": "x", "date_from": "1066-10-14"}).status_code == 404


def test_search_page_links_to_its_results_as_files(client, demo):
    html = client.get(reverse("articles:search"), {"q": "Afghanistan", "page": "1"}).text
    assert f'href="{search_url("csv")}?q=Afghanistan"' in html
    assert f'href="{search_url("json")}?q=Afghanistan"' in html


# ----------------------------------------------------------------------------- query counts


def coverage(copies: int) -> Story:
    make_article(WIRE, name="wire.txt")
    make_article(AGENCY, name="afp.txt")
    for n in range(copies):
        text = WIRE.replace("20 countries", f"{21 + n} countries")
        make_article(text, name=f"copy{n}.txt", outlet=f"Outlet {n}")
    return Story.objects.get()


@pytest.mark.parametrize("copies", [1, 6])
@pytest.mark.parametrize(
    ("format", "params"), [("json", {}), ("csv", {}), ("csv", {"table": "statements"})]
)
def test_story_download_query_count_is_fixed(
    client, django_assert_max_num_queries, copies, format, params
):
    story = coverage(copies)
    with django_assert_max_num_queries(8):
        response = client.get(story_url(story, format), params)
    assert response.status_code == 200


@pytest.mark.parametrize("copies", [1, 6])
@pytest.mark.parametrize("format", ["json", "csv"])
@pytest.mark.parametrize("params", [{"q": "tariffs"}, {"q": "tariffs", "outlet": "reuters"}])
def test_search_download_query_count_is_fixed(
    client, django_assert_max_num_queries, copies, format, params
):
    coverage(copies)
    with django_assert_max_num_queries(12):
        response = client.get(search_url(format), params)
    assert response.status_code == 200
    assert response.content.count(b"tariff") >= 2
