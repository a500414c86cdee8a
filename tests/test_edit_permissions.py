"""Who may do what: every editing page and action, for anonymous visitors, logged-in readers,
editors and admins, with and without htmx, and without a CSRF token."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from articles.models import Edit, Quote, Tag
from tests.helpers import HTMX, make_editor, make_scene, make_user

pytestmark = pytest.mark.django_db


def quote_url(name):
    return lambda s: reverse(f"articles:{name}", args=[s.diallo.pk])


def story_url(name):
    return lambda s: reverse(f"articles:{name}", args=[s.story.pk])


def group_url(name):
    return lambda s: reverse(f"articles:{name}", args=[s.story.pk, s.group.pk])


def version(s):
    return Quote.objects.get(pk=s.diallo.pk).version


# name: (method, url, data); data builders see the scene.
PAGES = {
    "review_queue": (lambda s: reverse("articles:review_queue"), {}),
    "quote_edit": (quote_url("quote_edit"), {}),
    "story_edit": (story_url("story_edit"), {}),
    "activity": (lambda s: reverse("articles:activity"), {}),
    "speaker_suggestions": (lambda s: reverse("articles:speaker_suggestions"), {"name": "Dia"}),
    "add_quote_page": (lambda s: reverse("articles:add_quote", args=[s.wire.pk]), {}),
}
ACTIONS = {
    "review_quote": (quote_url("review_quote"), lambda s: {"status": "confirmed"}),
    "correct_boundaries": (
        quote_url("correct_boundaries"),
        lambda s: {"text": "We have agreed to halve the tariffs"},
    ),
    "change_speaker": (quote_url("change_speaker"), lambda s: {"name": "Paulo Ferreira"}),
    "add_tag": (quote_url("add_tag"), lambda s: {"tag": "tariffs", "create": "on"}),
    "remove_tag": (
        lambda s: reverse("articles:remove_tag", args=[s.diallo.pk, s.tag.pk]),
        lambda s: {},
    ),
    "move_quote": (quote_url("move_quote"), lambda s: {"group": ""}),
    "add_quote": (
        lambda s: reverse("articles:add_quote", args=[s.wire.pk]),
        lambda s: {"paragraph": 0, "text": "after two days of talks", "kind": "partial"},
    ),
    "move_article": (
        lambda s: reverse("articles:move_article", args=[s.agency.pk]),
        lambda s: {"story": s.other_story.pk, "from_story": s.story.pk},
    ),
    "split_story": (story_url("split_story"), lambda s: {"articles": [s.agency.pk]}),
    "merge_stories": (story_url("merge_stories"), lambda s: {"other": s.other_story.pk}),
    "rename_story": (story_url("rename_story"), lambda s: {"title": "Fertiliser tariffs halved"}),
    "split_group": (group_url("split_group"), lambda s: {"quotes": [s.diallo.pk]}),
    "merge_groups": (group_url("merge_groups"), lambda s: {"other": s.fischer.group_id}),
    "undo_edit": (lambda s: reverse("articles:undo_edit", args=[s.edit.pk]), lambda s: {}),
}


@pytest.fixture
def scene(db):
    scene = make_scene()
    scene.tag = Tag.objects.create(name="trade")
    scene.diallo.tags.add(scene.tag)
    # A statement with two members, to split.
    scene.group = scene.diallo.group
    Quote.objects.filter(pk=scene.ferreira.pk).update(group=scene.group)
    # An edit to undo, made by another editor.
    other = Client()
    other.force_login(make_editor("other-editor"))
    other.post(
        reverse("articles:review_quote", args=[scene.fischer.pk]),
        {"status": "confirmed", "version": 1},
    )
    scene.edit = Edit.objects.get()
    return scene


def post_action(client, scene, name, **kwargs):
    url, data = ACTIONS[name]
    return client.post(url(scene), {"version": version(scene), **data(scene)}, **kwargs)


def nothing_changed(scene):
    return Edit.objects.count() == 1 and Quote.objects.get(pk=scene.diallo.pk).version == 1


# ----------------------------------------------------------------------------- anonymous


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_visitor_is_sent_to_log_in_from_editing_pages(client, scene, name):
    url, params = PAGES[name]
    response = client.get(url(scene), params)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login") + "?next=")


@pytest.mark.parametrize("name", ACTIONS)
def test_anonymous_action_is_sent_to_log_in_and_changes_nothing(client, scene, name):
    page = scene.story.get_absolute_url()
    response = post_action(client, scene, name, headers={"Referer": f"http://testserver{page}"})
    assert response.status_code == 302
    # Back to the page the form was on after logging in, not to the POST-only address.
    assert response.url == f"{reverse('login')}?next={page}"
    # htmx: a 401 whose HX-Redirect header makes htmx load the login page.
    htmx = post_action(
        client, scene, name, headers={**HTMX, "HX-Current-URL": f"http://testserver{page}"}
    )
    assert htmx.status_code == 401
    assert htmx["HX-Redirect"] == f"{reverse('login')}?next={page}"
    assert nothing_changed(scene)


# ----------------------------------------------------------------------------- readers


@pytest.mark.parametrize("name", PAGES)
def test_logged_in_reader_gets_403_on_editing_pages(client, scene, name):
    client.force_login(make_user("reader"))
    url, params = PAGES[name]
    response = client.get(url(scene), params)
    assert response.status_code == 403
    assert "can’t do that" in response.content.decode()


@pytest.mark.parametrize("name", ACTIONS)
def test_logged_in_reader_gets_403_and_changes_nothing(client, scene, name):
    client.force_login(make_user("reader"))
    response = post_action(client, scene, name)
    assert response.status_code == 403
    assert b"<html" in response.content
    htmx = post_action(client, scene, name, headers=HTMX)
    assert htmx.status_code == 403
    assert b"<html" not in htmx.content and b"Editors group" in htmx.content
    assert nothing_changed(scene)


# ----------------------------------------------------------------------------- editors, admins


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("role", ["editor", "admin"])
def test_editors_and_admins_open_editing_pages(client, scene, name, role):
    client.force_login(make_editor() if role == "editor" else make_user("boss", staff=True))
    url, params = PAGES[name]
    assert client.get(url(scene), params).status_code == 200


@pytest.mark.parametrize("name", ACTIONS)
@pytest.mark.parametrize("role", ["editor", "admin"])
def test_editors_and_admins_make_every_change(client, scene, name, role):
    client.force_login(make_editor() if role == "editor" else make_user("boss", staff=True))
    response = post_action(client, scene, name)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Edit.objects.count() == 2


@pytest.mark.parametrize("name", ACTIONS)
def test_editor_htmx_action_answers_with_a_fragment(client, scene, name):
    client.force_login(make_editor())
    response = post_action(client, scene, name, headers=HTMX)
    assert response.status_code == 200, response.content.decode()[:2000]
    assert b"<html" not in response.content
    assert "HX-Request" in response["Vary"]


def test_an_editor_without_the_story_permission_cannot_merge_stories(client, scene):
    """Permissions are per action: a group with only quote rights cannot restructure stories."""
    reviewers = Group.objects.create(name="Reviewers")
    reviewers.permissions.set(
        Group.objects.get(name="Editors").permissions.filter(
            codename__in=["change_quote", "view_quote"]
        )
    )
    user = make_user("reviewer")
    user.groups.add(reviewers)
    client.force_login(user)
    assert post_action(client, scene, "review_quote").status_code == 302
    assert post_action(client, scene, "merge_stories").status_code == 403
    assert post_action(client, scene, "add_tag").status_code == 403  # creating a tag
    refused = post_action(client, scene, "add_tag", headers=HTMX)
    assert refused.status_code == 403 and b"<html" not in refused.content
    assert client.get(reverse("articles:activity")).status_code == 403


# ----------------------------------------------------------------------------- CSRF


@pytest.mark.parametrize("name", ACTIONS)
def test_actions_without_a_csrf_token_are_refused(scene, name):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_editor())
    assert post_action(client, scene, name).status_code == 403
    assert post_action(client, scene, name, headers=HTMX).status_code == 403
    assert nothing_changed(scene)


def test_htmx_sends_the_token_from_the_page_header_and_is_accepted(scene):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_editor())
    page = client.get(scene.story.get_absolute_url()).content.decode()
    token = page.split('"X-CSRFToken": "')[1].split('"')[0]
    response = post_action(client, scene, "review_quote", headers={**HTMX, "X-CSRFToken": token})
    assert response.status_code == 200
