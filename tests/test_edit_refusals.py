"""A refused edit is shown where it was made, with what the editor typed still in the form:
the tag, the speaker's name, the quoted words, a story's title, the articles ticked."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.helpers import HTMX, post_quote

pytestmark = pytest.mark.django_db


def test_a_refused_new_tag_keeps_the_typed_name(editor_client, scene):
    response = post_quote(
        editor_client, "add_tag", scene.diallo, {"tag": "Tariff deal"}, headers=HTMX
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is no tag “Tariff deal” yet." in html
    assert 'placeholder="Add a tag" value="Tariff deal"' in html
    assert "<html" not in html  # the panel, to swap in place


def test_a_refused_speaker_keeps_the_name_and_the_tick(editor_client, scene):
    data = {"name": "Nobody Atall"}
    html = post_quote(editor_client, "change_speaker", scene.diallo, data, headers=HTMX)
    assert 'value="Nobody Atall"' in html.content.decode()


def test_refused_words_stay_in_the_open_form(editor_client, scene):
    data = {"text": "words that are not in the article"}
    response = post_quote(editor_client, "correct_boundaries", scene.diallo, data, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 400
    assert '<details class="panel-section" open>' in html
    assert ">words that are not in the article</textarea>" in html


def test_a_successful_edit_does_not_carry_old_input(editor_client, scene):
    data = {"tag": "Tariffs", "create": "on"}
    html = post_quote(editor_client, "add_tag", scene.diallo, data, headers=HTMX).content.decode()
    assert 'placeholder="Add a tag">' in html


def test_a_refused_split_keeps_the_title_and_the_ticks(editor_client, scene):
    ticked = [scene.wire.pk, scene.agency.pk]  # all of them: refused
    url = reverse("articles:split_story", args=[scene.story.pk])
    response = editor_client.post(url, {"articles": ticked, "title": "Mine"}, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 400 and "not all of them" in html
    assert 'placeholder="optional" value="Mine"' in html
    assert html.count(" checked>") == 2


def test_a_refused_plain_form_shows_the_page_with_the_input(editor_client, scene):
    response = post_quote(editor_client, "add_tag", scene.diallo, {"tag": "Tariff deal"})
    html = response.content.decode()
    assert response.status_code == 400 and "<html" in html
    assert 'value="Tariff deal"' in html


def test_editors_pages_load_the_refusal_script_and_readers_pages_do_not(editor_client, scene):
    assert b"js/refusals.js" in editor_client.get(scene.story.get_absolute_url()).content
    reader = Client()
    assert b"js/refusals.js" not in reader.get(scene.story.get_absolute_url()).content
