import pytest
from django.urls import reverse

from articles.models import Story
from tests.helpers import WIRE_STORY, make_article

pytestmark = pytest.mark.django_db
URL = reverse("articles:home")


def make_story_with_articles(n_articles: int, label: str) -> Story:
    story = Story.objects.create(title=f"Grain corridor talks {label}")
    for i in range(n_articles):
        outlet = ["Reuters", "AFP", "TASS", "BBC News"][i % 4]
        article = make_article(
            WIRE_STORY.replace("four countries", f"{label}-{i} countries"),
            name=f"{label}-{i}.txt",
            outlet=outlet,
        )
        article.story = story
        article.save()
    story.refresh_date_range()
    return story


def test_home_lists_stories_with_their_outlets_and_recent_articles(client):
    make_story_with_articles(3, "a")
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Grain corridor talks a" in html
    assert "3 articles" in html
    for outlet in ("Reuters", "AFP", "TASS"):
        assert f"<li>{outlet}</li>" in html
    assert "Ministers agree on grain corridor" in html


def test_home_without_data_says_so(client):
    response = client.get(URL)
    assert b"No stories yet." in response.content
    assert b"No articles yet." in response.content


@pytest.mark.parametrize("size", [1, 6])
def test_home_query_count_does_not_grow_with_the_data(client, django_assert_max_num_queries, size):
    for n in range(size):
        make_story_with_articles(size, f"s{n}")
    with django_assert_max_num_queries(6):
        response = client.get(URL)
    assert response.status_code == 200


def test_home_paginates_stories(client):
    for n in range(23):
        Story.objects.create(title=f"Story number {n}")
    first = client.get(URL).content.decode()
    assert "Page 1 of 2" in first
    second = client.get(URL, {"page": 2}).content.decode()
    assert "Page 2 of 2" in second
    # Links in place with htmx, and plain links without it.
    assert (
        '<a href="?page=1" rel="prev" hx-get="?page=1" hx-target="#story-list" '
        'hx-swap="outerHTML" hx-push-url="true">Newer</a>'
    ) in second
    assert 'href="?page=2" rel="next"' in first and ">Older</a>" in first
    assert ">Older</a>" not in second and ">Newer</a>" not in first


def test_home_fragment_for_htmx_has_no_page_chrome(client):
    Story.objects.create(title="Only story")
    response = client.get(URL, {"page": 1}, headers={"HX-Request": "true"})
    assert b"<html" not in response.content
    assert b'id="story-list"' in response.content


def test_home_varies_on_htmx_header(client):
    assert "HX-Request" in client.get(URL)["Vary"]


def test_home_sends_a_strict_content_security_policy(client):
    policy = client.get(URL)["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_favicon_ico_leads_to_the_site_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")
