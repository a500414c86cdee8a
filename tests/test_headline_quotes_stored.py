"""A quote in an article's headline, stored: place "headline" with offsets into the title,
highlighted in the headline (never in the body's first paragraph), read again when an editor
changes the title (recorded, undone with it), and labelled in the API and the export."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.export import quote_json
from articles.ingest import parse_article
from articles.management.commands.extract import quotes_of
from articles.models import QUOTE_READING_ORDER, Edit, Quote, StatementGroup
from articles.reviewing import add_sentences
from tests.helpers import make_article, post_quote
from tests.test_edit_articles import post_details

pytestmark = pytest.mark.django_db

STORY = (
    "Corridor 'will stay open' says foreign minister\n\n"
    "ANKARA (Reuters) - Foreign Minister Mevlut Kaya said on Tuesday that the grain corridor "
    "through the Black Sea would stay open for ships from every country.\n\n"
    '"The corridor will stay open for every ship," Kaya told reporters after two days of '
    "talks in the Turkish capital.\n\n"
    "Reporting by Ali Kucukgocmen; Editing by Jane Merriman\n"
)


def headline_quote(article) -> Quote:
    return article.quotes.get(place=Quote.Place.HEADLINE)


def test_the_headline_quote_is_stored_with_offsets_into_the_title_and_its_speaker():
    article = make_article(STORY)
    quote = headline_quote(article)
    assert article.title == "Corridor 'will stay open' says foreign minister"
    assert article.title[quote.start_offset : quote.end_offset] == "will stay open"
    assert (quote.start_paragraph, quote.end_paragraph) == (0, 0)
    assert quote.person is not None and quote.person.name == "Mevlut Kaya"
    body = article.quotes.get(place=Quote.Place.BODY)
    assert body.text.startswith("The corridor will stay open")
    # listed first, as printed
    assert list(article.quotes.all()) == [quote, body]


def test_the_headline_quote_is_marked_in_the_headline_and_not_in_the_first_paragraph(client):
    article = make_article(STORY)
    quote = headline_quote(article)
    html = client.get(article.get_absolute_url()).content.decode()
    h1 = html[html.index("<h1>") : html.index("</h1>")]
    assert f'data-quote="{quote.pk}"' in h1
    assert "will stay open</" in h1 and h1.startswith("<h1>Corridor &#x27;")
    at = html.index("Foreign Minister Mevlut Kaya said")
    first = html[html.rindex("<p>", 0, at) : html.index("</p>", at)]
    assert "quote" not in first  # the title's offsets are never drawn into paragraph 0
    assert html[html.index("</h1>") :].count('data-quote="') == 1  # the body's own quote


def test_the_story_column_marks_the_headline_quote_in_its_heading(client):
    article = make_article(STORY)
    html = client.get(article.story.get_absolute_url()).content.decode()
    heading = html[html.index(f'id="col-title-{article.pk}"') :]
    heading = heading[: heading.index("</h2>")]
    assert "<mark" in heading and "will stay open</mark>" in heading


def test_a_new_title_reads_the_headline_quotes_again_recorded_with_the_correction(
    editor_client,
):
    article = make_article(STORY)
    old = headline_quote(article)
    response = post_details(
        editor_client, article, {"title": "Kaya: corridor will stay 'open for every ship'"}
    )
    assert response.status_code == 302
    new = headline_quote(article)
    assert new.pk != old.pk and new.text == "open for every ship"
    assert new.person is not None and new.person.name == "Mevlut Kaya"
    assert not Quote.objects.filter(pk=old.pk).exists()
    edit = Edit.objects.get(action=Edit.Action.CORRECT_ARTICLE, target_id=article.pk)
    assert {old.pk, new.pk} <= set(edit.quote_ids)
    # undone with the title: the old headline quote comes back, the new one goes
    assert editor_client.post(reverse("articles:undo_edit", args=[edit.pk])).status_code == 302
    assert list(article.quotes.filter(place="headline").values_list("pk", flat=True)) == [old.pk]


def test_a_title_without_the_words_drops_its_headline_quotes_even_an_editors(editor_client):
    article = make_article(STORY)
    quote = headline_quote(article)
    quote.review(Quote.Status.CONFIRMED)
    post_details(editor_client, article, {"title": "Grain corridor stays open"})
    assert not article.quotes.filter(place="headline").exists()
    assert article.quotes.filter(place="body").count() == 1


def test_an_editors_headline_quote_stays_where_its_words_moved(editor_client):
    article = make_article(STORY)
    quote = headline_quote(article)
    quote.review(Quote.Status.CONFIRMED)
    post_details(editor_client, article, {"title": "Black Sea corridor 'will stay open'"})
    moved = Quote.objects.get(pk=quote.pk)
    assert moved.status == Quote.Status.CONFIRMED
    assert fresh_title(article)[moved.start_offset : moved.end_offset] == "will stay open"


def fresh_title(article) -> str:
    return type(article).objects.get(pk=article.pk).title


def test_api_export_and_extract_say_where_each_quote_is(client):
    article = make_article(STORY)
    rows = client.get("/api/quotes/", {"article": article.pk}).json()["results"]
    assert [row["place"] for row in rows] == ["headline", "body"]
    exported = quote_json(Quote.objects.with_tag_names().get(pk=headline_quote(article).pk))
    assert exported["place"] == "headline"
    parsed = parse_article(STORY.encode(), filename="story.txt")
    found = quotes_of(parsed)
    assert [(q["place"], q["text"]) for q in found][0] == ("headline", "will stay open")
    json.dumps(found)


OTHER = (
    "Turkey keeps Black Sea grain corridor open\n\n"
    "ISTANBUL (AP) - Turkish Foreign Minister Mevlut Kaya said on Tuesday the Black Sea grain "
    "corridor would stay open to ships from every country after two days of talks in Ankara.\n\n"
    '"The corridor will stay open for every ship," Kaya told reporters in the Turkish capital.\n'
)


def test_the_headline_quote_is_a_rendition_of_the_statement_its_body_quotes(client):
    article = make_article(STORY, name="a.txt")
    other = make_article(OTHER, name="b.txt")
    assert other.story_id == article.story_id
    headline = headline_quote(article)
    body = article.quotes.get(place=Quote.Place.BODY)
    assert headline.group_id is not None and headline.group_id == body.group_id
    assert other.quotes.get().group_id == body.group_id
    assert headline.group.fullest_id != headline.pk  # the body's fuller wording leads
    html = client.get(reverse("articles:story_statements", args=[article.story_id])).content
    assert html.decode().count("<tr") == 2  # the header and one statement, all three in it


def test_an_editor_sees_and_corrects_a_headline_quote_in_the_headline(editor_client):
    article = make_article(STORY)
    quote = headline_quote(article)
    panel = editor_client.get(reverse("articles:quote_edit", args=[quote.pk])).content.decode()
    assert "Headline</span> Corridor &#x27;<mark>will stay open</mark>&#x27; says" in panel
    response = post_quote(editor_client, "correct_boundaries", quote, {"text": "stay open"})
    assert response.status_code == 302
    moved = Quote.objects.get(pk=quote.pk)
    assert moved.place == Quote.Place.HEADLINE and moved.text == "stay open"
    assert article.title[moved.start_offset : moved.end_offset] == "stay open"
    # words only the body prints are not the headline's
    response = post_quote(editor_client, "correct_boundaries", quote, {"text": "for every ship"})
    assert response.status_code == 400
    assert "not in the headline" in response.content.decode()


def test_the_review_queue_shows_a_headline_quote_in_its_headline():
    article = make_article(STORY)
    quote = headline_quote(article)
    add_sentences([quote])
    assert "says foreign minister" in str(quote.in_sentence)


def test_the_speaker_page_words_a_statement_by_its_body_quote_not_the_headline_fragment(client):
    article = make_article(STORY)
    person = headline_quote(article).person
    html = client.get(reverse("articles:person_detail", args=[person.pk])).content.decode()
    shown = html[html.index("<blockquote>") : html.index("</blockquote>")]
    assert "The corridor will stay open for every ship" in shown
    assert html.count("<blockquote>") == 1  # one statement, carried twice by the article


def test_a_title_correction_leaves_no_empty_statement_behind(editor_client):
    article = make_article(STORY.replace("Corridor 'will stay open'", "Kaya: 'We keep our word'"))
    quote = headline_quote(article)
    assert quote.group_id is not None and quote.group.quotes.count() == 1  # a statement alone
    post_details(editor_client, article, {"title": "Grain corridor stays open"})
    assert not StatementGroup.objects.filter(pk=quote.group_id).exists()
    edit = Edit.objects.get(action=Edit.Action.CORRECT_ARTICLE, target_id=article.pk)
    assert editor_client.post(reverse("articles:undo_edit", args=[edit.pk])).status_code == 302
    assert Quote.objects.get(pk=quote.pk).group_id == quote.group_id  # undone with its statement


def test_the_header_htmx_gets_back_marks_the_quotes_of_the_new_title(editor_client):
    article = make_article(STORY)
    response = post_details(
        editor_client,
        article,
        {"title": "Kaya: corridor will stay 'open for every ship'"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and b"<html" not in response.content
    new = headline_quote(article)
    html = response.content.decode()
    h1 = html[html.index("<h1>") : html.index("</h1>")]
    assert f'data-quote="{new.pk}"' in h1 and "open for every ship</a>" in h1


def test_headline_quotes_cost_no_query_each_on_the_pages_that_mark_them(client, editor_client):
    # the same pages with one article and with four, each with a headline quote and its speaker
    first = make_article(STORY)
    urls = [first.story.get_absolute_url(), first.get_absolute_url()]

    def counts():
        found = []
        for browser in (client, editor_client):
            for url in urls:
                with CaptureQueriesContext(connection) as queries:
                    assert browser.get(url).status_code == 200, url
                found.append(len(queries))
        return found

    counts()  # the outlet catalogue and the session, read once
    alone = counts()
    for n in range(3):
        make_article(STORY.replace("two days", f"{n + 3} days"), name=f"{n}.txt", outlet=f"O{n}")
    assert Quote.objects.filter(place=Quote.Place.HEADLINE, person__isnull=False).count() == 4
    assert counts() == alone


def test_reading_order_puts_the_headlines_quotes_first_because_its_place_sorts_last():
    # QUOTE_READING_ORDER (and STATEMENT_MEMBERS_ORDER's SQL) order by place descending.
    assert sorted(Quote.Place.values) == [Quote.Place.BODY, Quote.Place.HEADLINE]
    assert QUOTE_READING_ORDER[0] == "-place"
