"""Cached reader pages: served from memory to anonymous readers, fresh after any commit.

These tests commit (transaction=True): the change stamps are renewed by triggers at commit,
and inside a test's transaction the cache is bypassed on purpose.
"""

import psycopg
import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from articles.coverage import process_article
from articles.models import Article, Outlet, Person, Quote, Story
from tests.helpers import WIRE, fresh, make_article, make_editor, make_scene, make_user, post_quote

pytestmark = pytest.mark.django_db(transaction=True)
HTMX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def empty_cache():
    caches["pages"].clear()


@pytest.fixture
def scene():
    return make_scene()


@pytest.fixture
def editor():
    client = Client()
    client.force_login(make_editor())
    return client


def story_url(scene):
    return scene.story.get_absolute_url()


def reader_pages(scene) -> list[str]:
    group = scene.diallo.group
    return [
        reverse("articles:home"),
        story_url(scene),
        reverse("articles:story_statements", args=[scene.story.pk]),
        reverse("articles:statement_detail", args=[scene.story.pk, group.pk]),
        scene.wire.get_absolute_url(),
        scene.diallo.person.get_absolute_url(),
        reverse("articles:outlet_list"),
        scene.wire.outlet.get_absolute_url(),
    ]


def test_a_second_anonymous_request_costs_one_query(client, scene, django_assert_num_queries):
    for url in reader_pages(scene):
        first = client.get(url)
        assert first.status_code == 200
        with django_assert_num_queries(1):  # the change stamps
            second = client.get(url)
        assert second.content == first.content, url
        assert "default-src 'self'" in second["Content-Security-Policy"]


def test_an_import_into_the_story_shows_on_the_next_request(client, scene):
    url = story_url(scene)
    assert "TASS" not in client.get(url).content.decode()
    make_article(WIRE.replace("20 countries", "21 countries"), name="tass.txt", outlet="TASS")
    assert Story.objects.get(pk=scene.story.pk).articles.filter(outlet__name="TASS").exists()
    assert "Remove TASS" in client.get(url).content.decode()
    assert "TASS" in client.get(reverse("articles:home")).content.decode()


def test_a_rejected_quote_disappears_for_readers_at_once(client, editor, scene):
    marked = f'data-quote="{scene.fischer.pk}"'
    pages = [story_url(scene), scene.wire.get_absolute_url()]
    for url in pages:
        assert marked in client.get(url).content.decode()
    response = post_quote(editor, "review_quote", scene.fischer, {"status": "rejected"})
    assert response.status_code == 302
    for url in pages:
        assert marked not in client.get(url).content.decode()


def test_a_changed_speaker_shows_at_once(client, editor, scene):
    statements = reverse("articles:story_statements", args=[scene.story.pk])
    assert "Lena Fischer" in client.get(statements).content.decode()
    post_quote(editor, "change_speaker", scene.fischer, {"name": "Paulo Ferreira"})
    assert fresh(scene.fischer).person.name == "Paulo Ferreira"
    assert "Lena Fischer" not in client.get(statements).content.decode()


def test_a_new_tag_shows_at_once(client, editor, scene):
    url = story_url(scene)
    assert "Tagged:" not in client.get(url).content.decode()
    post_quote(editor, "add_tag", scene.diallo, {"tag": "tariffs", "create": "on"})
    assert "Tagged:" in client.get(url).content.decode()


def test_a_renamed_story_shows_on_its_page_the_home_page_and_related_stories(client, editor, scene):
    scene.story.related.add(scene.other_story)
    pages = [story_url(scene), reverse("articles:home"), scene.other_story.get_absolute_url()]
    for url in pages:
        assert "Fertiliser deal signed" not in client.get(url).content.decode()
    response = editor.post(
        reverse("articles:rename_story", args=[scene.story.pk]),
        {"title": "Fertiliser deal signed", "based_on": scene.story.title},
    )
    assert response.status_code == 302
    for url in pages:
        assert "Fertiliser deal signed" in client.get(url).content.decode(), url


def test_merged_and_split_statements_show_at_once(client, editor, scene):
    statements = reverse("articles:story_statements", args=[scene.story.pk])
    before = client.get(statements).content.decode().count("<tr")
    keep, other = scene.diallo.group, scene.fischer.group
    response = editor.post(
        reverse("articles:merge_groups", args=[scene.story.pk, keep.pk]), {"other": other.pk}
    )
    assert response.status_code == 302
    merged = client.get(statements).content.decode().count("<tr")
    assert merged == before - 1
    response = editor.post(
        reverse("articles:split_group", args=[scene.story.pk, keep.pk]),
        {"quotes": [scene.fischer.pk]},
    )
    assert response.status_code == 302
    assert client.get(statements).content.decode().count("<tr") == before


def test_re_processing_shows_at_once(client, scene):
    url = story_url(scene)
    marked = '<span class="who" data-label="Fischer"></span>'
    Quote.objects.filter(pk=scene.fischer.pk).delete()
    assert marked not in client.get(url).content.decode()
    process_article(Article.objects.get(pk=scene.wire.pk))
    assert marked in client.get(url).content.decode()


def test_a_change_committed_by_another_process_shows_at_once(client, scene):
    """No signal in this process: the stamps come from the database."""
    url = story_url(scene)
    client.get(url)
    db = settings.DATABASES["default"]

    def commit_elsewhere(sql: str, params=()) -> None:
        with psycopg.connect(
            host=db["HOST"], port=db["PORT"], user=db["USER"], dbname=db["NAME"]
        ) as other:
            other.execute(sql, params)

    commit_elsewhere(
        "UPDATE articles_story SET title = 'Written elsewhere' WHERE id = %s", [scene.story.pk]
    )
    assert "Written elsewhere" in client.get(url).content.decode()
    commit_elsewhere("UPDATE articles_outlet SET name = name || ' (renamed)'")
    assert "(renamed)" in client.get(url).content.decode()


def test_readers_and_logged_in_users_never_share_a_page(client, editor, scene):
    url = story_url(scene)
    reader_html = client.get(url).content.decode()
    editor_html = editor.get(url).content.decode()
    assert "Log out" in editor_html and "X-CSRFToken" in editor_html
    assert "Log out" not in reader_html
    # The editor's page was not stored for readers, nor the readers' served to a user.
    again = client.get(url)
    assert again.content.decode() == reader_html
    assert "csrftoken" not in again.cookies
    other = Client()
    other.force_login(make_user("another"))
    html = other.get(url).content.decode()
    assert "another" in html and "Log out" in html and "ed</span>" not in html


def test_reader_pages_carry_no_csrf_token(client, scene):
    for url in reader_pages(scene):
        response = client.get(url)
        assert b"csrfmiddlewaretoken" not in response.content
        assert b"X-CSRFToken" not in response.content
        assert settings.CSRF_COOKIE_NAME not in response.cookies


def test_fragment_and_full_page_are_cached_apart(client, scene):
    url = story_url(scene)
    assert b"<html" in client.get(url).content
    fragment = client.get(url, headers=HTMX).content
    assert b"<html" not in fragment and fragment.lstrip().startswith(b'<div id="comparison"')
    restore = client.get(url, headers={**HTMX, "HX-History-Restore-Request": "true"})
    assert b"<html" in restore.content
    assert b"<html" not in client.get(url, headers=HTMX).content


def test_outlet_choice_is_part_of_the_cached_page(client, scene):
    url = story_url(scene)
    both = client.get(url).content.decode()
    one = client.get(url, {"outlets": "afp"}).content.decode()
    assert both.count('class="column"') == 2 and one.count('class="column"') == 1


def test_errors_are_not_cached(client, scene):
    missing = scene.story.pk + 1000
    url = reverse("articles:story_detail", args=[missing])
    assert client.get(url).status_code == 404
    Story.objects.create(pk=missing, title="Now it exists")
    assert client.get(url).status_code == 200


def test_a_new_outlet_name_reaches_every_story(client, scene):
    url = story_url(scene)
    client.get(url)
    Outlet.objects.filter(short_name="AFP").update(name="Agence France-Presse")
    assert "Agence France-Presse" in client.get(url).content.decode()


def test_a_renamed_person_shows_on_their_page_and_the_stories_quoting_them(client, scene):
    person = scene.fischer.person
    pages = [person.get_absolute_url(), story_url(scene)]
    for url in pages:
        assert "Lena Fischer-Braun" not in client.get(url).content.decode()
    Person.objects.filter(pk=person.pk).update(name="Lena Fischer-Braun")
    for url in pages:
        assert "Braun" in client.get(url).content.decode(), url


def test_outlet_pages_show_a_new_article_at_once(client, scene):
    pages = [reverse("articles:outlet_list"), scene.agency.outlet.get_absolute_url()]
    for url in pages:
        client.get(url)
    make_article(
        WIRE.replace("Farm ministers agree", "Ministers meet"), name="afp2.txt", outlet="AFP"
    )
    assert "Ministers meet to cut fertiliser tariffs" in client.get(pages[1]).content.decode()
    assert "<td>2</td>" in client.get(pages[0]).content.decode()
