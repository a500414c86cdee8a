import pytest
from django.urls import reverse

from articles.models import Story
from tests.helpers import WIRE_STORY, make_article

pytestmark = pytest.mark.django_db

HTML_WITH_SCRIPT = b"""<!doctype html><html><head><title>Port reopens after strike</title>
<meta property="og:site_name" content="The Guardian">
<script>alert('owned')</script></head><body><article><h1>Port reopens after strike</h1>
<p>The port of Felixstowe reopened on Monday after a week-long strike ended, union leaders
said, and the first ships were unloaded overnight.</p>
<p onclick="alert(1)">Dock workers voted to accept a pay offer of eight per cent over two
years, the union said in a statement.</p></article></body></html>"""


def test_article_page_shows_clean_text_and_metadata(client):
    article = make_article()
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Ministers agree on grain corridor</h1>" in html
    assert "Ministers from four countries agreed on Tuesday" in html
    assert "ANKARA" in html  # the dateline, shown as metadata
    assert reverse("articles:article_original", args=[article.pk]) in html


def test_original_upload_is_served_byte_for_byte_as_inert_text(client):
    article = make_article(HTML_WITH_SCRIPT.decode(), name="page.html")
    response = client.get(reverse("articles:article_original", args=[article.pk]))
    assert response.content == HTML_WITH_SCRIPT
    assert response["Content-Type"].startswith("text/plain")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("batch.zip/line\nbreak.txt", "inline; filename*=utf-8''line%0Abreak.txt"),
        ("batch.zip/carriage\rreturn.txt", "inline; filename*=utf-8''carriage%0Dreturn.txt"),
        ('say "hello".txt', 'inline; filename="say \\"hello\\".txt"'),
        ("café.txt", "inline; filename*=utf-8''caf%C3%A9.txt"),
    ],
)
def test_original_of_any_stored_file_name_is_served_with_a_well_formed_header(client, name, header):
    # Names stored before uploads' names were cleaned may hold anything.
    article = make_article(name=name)
    response = client.get(reverse("articles:article_original", args=[article.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == header


def test_html_article_page_carries_no_script_or_markup_from_the_upload(client):
    article = make_article(HTML_WITH_SCRIPT.decode(), name="page.html")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "alert(" not in html
    assert "onclick" not in html
    assert "Dock workers voted to accept a pay offer" in html


def test_article_page_links_the_same_storys_other_coverage(client):
    story = Story.objects.create(title="Grain deal")
    first = make_article(name="a.txt")
    second = make_article(WIRE_STORY.replace("four", "five"), name="b.txt", outlet="TASS")
    first.story = second.story = story
    first.save()
    second.save()
    html = client.get(first.get_absolute_url()).content.decode()
    assert "Other coverage of this story" in html
    assert second.get_absolute_url() in html


def test_unknown_article_is_a_404_page(client):
    response = client.get(reverse("articles:article_detail", args=[999999]))
    assert response.status_code == 404
    assert b"Page not found" in response.content


@pytest.mark.parametrize("size", [1, 8])
def test_article_page_query_count_is_fixed(client, django_assert_max_num_queries, size):
    story = Story.objects.create(title="Grain deal")
    articles = [
        make_article(WIRE_STORY.replace("four", f"{i}"), name=f"{i}.txt") for i in range(size)
    ]
    for article in articles:
        article.story = story
        article.save()
    with django_assert_max_num_queries(4):
        assert client.get(articles[0].get_absolute_url()).status_code == 200


def test_outlet_pages_list_outlets_and_their_articles(client):
    article = make_article()
    listing = client.get(reverse("articles:outlet_list")).content.decode()
    assert "Reuters" in listing
    page = client.get(article.outlet.get_absolute_url()).content.decode()
    assert "Ministers agree on grain corridor" in page
    assert "Wire agency" in page


def test_article_page_links_other_wordings_only_for_statements_others_carried(client):
    from django.core.management import call_command

    call_command("setup_demo")
    xinhua = Story.objects.get(articles__outlet__short_name="Xinhua").articles.get(
        outlet__short_name="Xinhua"
    )
    html = client.get(xinhua.get_absolute_url()).content.decode()
    # Four of Xinhua's seven quotes are statements other outlets also carried.
    assert html.count("other outlets' wording") == 4
