"""Editor accounts: the Editors group from the migration, and the demo editor login."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_editors_group_may_review_and_restructure_but_not_administer():
    codenames = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=1))
    assert {"change_quote", "add_quote", "add_tag", "change_story", "view_edit"} <= codenames
    assert not {"delete_article", "add_article", "change_outlet", "change_tag"} & codenames


def test_migration_and_code_agree_on_what_editors_may_do():
    from articles.models import EDITOR_PERMISSIONS

    group = Group.objects.get(name="Editors")
    assert set(group.permissions.values_list("codename", flat=True)) == set(EDITOR_PERMISSIONS)


def test_a_lost_editors_group_is_made_again_with_its_permissions(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    Group.objects.filter(name="Editors").delete()
    call_command("setup_demo")
    assert get_user_model().objects.get(username="editor").has_perm("articles.change_story")


def test_demo_editor_is_created_next_to_the_admin_on_the_embedded_database(capsys, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    call_command("setup_demo")
    editor = get_user_model().objects.get(username="editor")
    assert editor.check_password("newsroom-editor")
    assert not editor.is_staff and not editor.is_superuser
    assert editor.groups.filter(name="Editors").exists()
    assert editor.has_perm("articles.change_quote")
    out = capsys.readouterr().out
    assert "'admin' with password 'newsroom-admin'" in out
    assert "'editor' with password 'newsroom-editor'" in out
    call_command("setup_demo")  # a second run changes nothing
    assert get_user_model().objects.filter(username="editor").count() == 1


def test_no_demo_editor_when_database_url_is_set(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://somewhere/else")
    call_command("setup_demo")
    assert not get_user_model().objects.filter(username="editor").exists()


def test_demo_editor_can_log_in_and_is_sent_back_to_the_review_queue(client, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    call_command("setup_demo")
    assert client.get("/review/").status_code == 302
    response = client.post(
        "/accounts/login/",
        {"username": "editor", "password": "newsroom-editor", "next": "/review/"},
    )
    assert response.status_code == 302 and response.url == "/review/"
    assert client.get("/review/").status_code == 200
