"""Tags: their pages, the search filter, the exports, and what readers see of them."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Quote, Story, Tag
from tests.helpers import AGENCY, HTMX, WIRE, make_article, make_editor, make_scene

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(db):
    return make_scene()


@pytest.fixture
def tagged(scene):
    trade = Tag.objects.create(name="Trade", description="Tariffs, quotas and deals.")
    doubt = Tag.objects.create(name="Doubt")
    scene.diallo.tags.add(trade)
    scene.ferreira.tags.add(trade, doubt)
    scene.trade, scene.doubt = trade, doubt
    return scene


# ----------------------------------------------------------------------------- tag pages


def test_tag_list_shows_each_tag_with_how_many_quotes_readers_see(client, tagged):
    Quote.objects.filter(pk=tagged.ferreira.pk).update(status="rejected")
    html = client.get(reverse("articles:tag_list")).content.decode()
    assert "Tariffs, quotas and deals." in html
    assert html.index("Doubt") < html.index("Trade")
    assert "0 quotes" in html and "1 quote<" in html


def test_tag_page_lists_its_quotes_across_stories_and_outlets(client, tagged):
    later = tagged.later.quotes.first()
    later.tags.add(tagged.trade)
    html = client.get(tagged.trade.get_absolute_url()).content.decode()
    assert "3 quotes" in html
    assert tagged.story.title in html and tagged.other_story.title in html
    assert "Amina Diallo" in html and "Paulo Ferreira" in html
    assert 'href="/tags/doubt/"' in html  # the other tags of a quote
    fragment = client.get(tagged.trade.get_absolute_url(), headers=HTMX)
    assert fragment.content.lstrip().startswith(b'<div id="tag-quotes"')
    assert "HX-Request" in client.get(tagged.trade.get_absolute_url())["Vary"]


def test_unknown_tag_is_a_404(client, db):
    assert client.get(reverse("articles:tag_detail", args=["nope"])).status_code == 404


@pytest.mark.parametrize("copies", [1, 8])
def test_tag_page_query_count_is_fixed(client, django_assert_max_num_queries, copies):
    tag = Tag.objects.create(name="Fertiliser")
    for n in range(copies):
        article = make_article(
            AGENCY.replace("farm groups", f"{n} groups"), name=f"{n}.txt", outlet=f"O{n}"
        )
        for quote in article.quotes.all():
            quote.tags.add(tag, Tag.objects.get_or_create(name=f"other {n}")[0])
    with django_assert_max_num_queries(3):
        assert client.get(tag.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(1):
        assert client.get(reverse("articles:tag_list")).status_code == 200


# ----------------------------------------------------------------------------- search


def test_search_filters_by_tag_and_shows_tags_on_quotes(client, tagged):
    url = reverse("articles:search")
    everything = client.get(url, {"q": "fertiliser"}).content.decode()
    assert 'href="/tags/trade/"' in everything  # tags on the results
    assert '<option value="trade">Trade</option>' in everything
    doubt = client.get(url, {"q": "details", "tag": "doubt"}).content.decode()
    assert "<mark>details</mark>" in doubt
    none = client.get(url, {"q": "fertiliser", "tag": "doubt"}).content.decode()
    assert 'Quotes <span class="muted">(0)</span>' in none
    assert 'Articles <span class="muted">(1)</span>' in none  # the wire has a doubtful quote
    bad = client.get(url, {"q": "fertiliser", "tag": "no-such-tag"})
    assert bad.status_code == 200 and b"Please correct the filters" in bad.content


# ----------------------------------------------------------------------------- exports


def test_exports_include_each_quotes_tags(tagged, capsys):
    call_command("export_coverage", "--format", "json")
    document = json.loads(capsys.readouterr().out)
    quotes = {q["id"]: q for s in document["stories"] for a in s["articles"] for q in a["quotes"]}
    assert quotes[tagged.ferreira.pk]["tags"] == ["Doubt", "Trade"]
    assert quotes[tagged.fischer.pk]["tags"] == []
    call_command("export_coverage", "--format", "csv")
    rows = {int(r["quote_id"]): r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert rows[tagged.ferreira.pk]["tags"] == "Doubt; Trade"
    assert rows[tagged.fischer.pk]["tags"] == ""


# ----------------------------------------------------------------------------- readers


def test_readers_see_tags_on_the_story_and_article_pages_but_no_editing_controls(client, tagged):
    html = client.get(tagged.story.get_absolute_url()).content.decode()
    assert '<span class="quote-tags" data-label="Doubt, Trade"></span>' in html
    assert 'Tagged: <a class="tag-link" href="/tags/doubt/">Doubt</a>' in html
    for control in ("editing.js", "/edit/", "/quotes/", "Review queue", "hx-post"):
        assert control not in html
    article = client.get(tagged.wire.get_absolute_url()).content.decode()
    assert 'href="/tags/trade/">Trade</a>' in article
    for control in ("editing.js", "add-quote-form", "/quotes/", "hx-post"):
        assert control not in article


@pytest.mark.parametrize("copies", [1, 5])
def test_story_page_query_count_stays_fixed_for_readers_and_editors(
    client, django_assert_max_num_queries, copies
):
    articles = [make_article(WIRE, name="wire.txt"), make_article(AGENCY, name="afp.txt")]
    for n in range(copies):
        text = WIRE.replace("20 countries", f"{21 + n} countries")
        articles.append(make_article(text, name=f"copy{n}.txt", outlet=f"Outlet {n}"))
    tag = Tag.objects.create(name="Trade")
    for quote in Quote.objects.all():
        quote.tags.add(tag)
    Quote.objects.filter(pk=Quote.objects.first().pk).update(status="rejected")
    story = Story.objects.get()
    with django_assert_max_num_queries(10):
        assert client.get(story.get_absolute_url()).status_code == 200
    client.force_login(make_editor())
    # Being logged in costs the session and the user; an editor's rights two more.
    with django_assert_max_num_queries(14):
        html = client.get(story.get_absolute_url()).content.decode()
    assert "is-rejected" in html
