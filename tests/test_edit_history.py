"""Every change is recorded with who, when, before and after; any can be undone."""

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article, Edit, Quote, StatementGroup, Story, Tag
from tests.helpers import HTMX, fresh, make_editor, post_quote

pytestmark = pytest.mark.django_db


def undo(client, edit, **kwargs):
    return client.post(
        reverse("articles:undo_edit", args=[edit.pk]), kwargs.pop("data", {}), **kwargs
    )


# ----------------------------------------------------------------------------- recording


def test_quote_history_shows_each_change_with_who_made_it(editor_client, scene):
    post_quote(editor_client, "add_tag", scene.diallo, {"tag": "tariffs", "create": "on"})
    post_quote(editor_client, "review_quote", scene.diallo, {"status": "confirmed"})
    html = editor_client.get(scene.diallo.get_edit_url()).content.decode()
    history = html.split('class="history"')[1]
    assert history.index("Confirmed the quote") < history.index("Tagged “tariffs”")  # newest first
    assert history.count(">ed · <time") == 2


def test_structural_changes_appear_in_the_history_of_each_quote_they_moved(editor_client, scene):
    editor_client.post(
        reverse("articles:merge_groups", args=[scene.story.pk, scene.diallo.group_id]),
        {"other": scene.fischer.group_id},
    )
    html = editor_client.get(scene.fischer.get_edit_url()).content.decode()
    # In words: each statement by its speaker and how it begins.
    assert "Merged Lena Fischer: “It is a start, not a solution,” into Amina Diallo: “" in html


def test_the_activity_log_names_what_changed_in_words(editor_client, scene):
    post_quote(editor_client, "move_quote", scene.diallo, {"group": scene.fischer.group_id})
    html = editor_client.get(reverse("articles:activity")).content.decode()
    assert "Moved “We have agreed to halve the tariffs…” from Amina Diallo: “" in html
    assert "to Lena Fischer: “It is a start, not a solution,”" in html
    # The table of changes names the quote and the statements, not their numbers.
    table = html.split('class="table changes"')[1].split("</table>")[0]
    assert "quote “We have agreed to halve the tariffs…” statement" in table
    assert f"#{scene.fischer.group_id}" not in table
    assert "Lena Fischer: “It is a start, not a solution,”" in table


def test_edit_lists_what_changed_before_and_after(editor_client, scene):
    post_quote(editor_client, "change_speaker", scene.fischer, {"name": "Paulo Ferreira"})
    changes = Edit.objects.get().changes()
    assert {
        "what": f"quote #{scene.fischer.pk} speaker",
        "before": "Lena Fischer",
        "after": "Paulo Ferreira",
    } in changes


# ----------------------------------------------------------------------------- activity


def test_activity_page_lists_recent_changes_newest_first(editor_client, scene):
    post_quote(editor_client, "review_quote", scene.diallo, {"status": "confirmed"})
    post_quote(editor_client, "review_quote", scene.fischer, {"status": "rejected"})
    response = editor_client.get(reverse("articles:activity"))
    html = response.content.decode().split('<ol class="activity">')[1]
    assert html.index("Rejected the quote") < html.index("Confirmed the quote")
    assert "unreviewed" in html and "rejected" in html  # before and after
    assert "HX-Request" in response["Vary"]
    fragment = editor_client.get(reverse("articles:activity"), headers=HTMX)
    assert fragment.content.lstrip().startswith(b'<div id="edits"')


def test_activity_is_paginated_and_filtered_by_editor(client, scene):
    first, second = Client(), Client()
    first.force_login(make_editor("ann"))
    second.force_login(make_editor("bob"))
    for n in range(31):
        post_quote(first, "add_tag", scene.diallo, {"tag": f"t{n}", "create": "on"})
    post_quote(second, "review_quote", scene.fischer, {"status": "confirmed"})
    page_one = first.get(reverse("articles:activity")).content.decode()
    assert "Page 1 of 2" in page_one and "?page=2" in page_one
    by_bob = first.get(reverse("articles:activity"), {"editor": "bob"}).content.decode()
    assert "Confirmed the quote" in by_bob and "Tagged" not in by_bob


def test_the_automatic_author_link_lists_only_what_the_imports_did(editor_client, scene):
    post_quote(editor_client, "review_quote", scene.fischer, {"status": "confirmed"})
    for automatic, summary in [(True, "Automatically moved the report"), (False, "Renamed")]:
        Edit.objects.create(
            user=None,  # an import's own change, or a change by an editor since removed
            automatic=automatic,
            action=Edit.Action.MOVE_ARTICLE,
            target_type=Edit.Target.ARTICLE,
            target_id=scene.agency.pk,
            summary=summary,
        )
    page = editor_client.get(reverse("articles:activity")).content.decode()
    assert "a removed account · " in page
    link = page.split(">automatic</a>")[0].rsplit('<a href="', 1)[1].split('"')[0]
    assert "editor=" not in link  # an empty name would list everyone's changes
    automatic = editor_client.get(link.replace("&amp;", "&")).content.decode()
    assert "Automatically moved the report" in automatic
    assert "Confirmed the quote" not in automatic and "Renamed" not in automatic
    assert "Changes made automatically" in automatic


@pytest.mark.parametrize("edits", [2, 20])
def test_activity_query_count_is_fixed(editor_client, scene, django_assert_max_num_queries, edits):
    for n in range(edits):
        post_quote(editor_client, "add_tag", scene.diallo, {"tag": f"t{n}", "create": "on"})
    Edit.objects.filter(pk=Edit.objects.first().pk).update(
        undone_by=Edit.objects.last()
    )  # one undone edit, to show who undid it
    with django_assert_max_num_queries(7):
        assert editor_client.get(reverse("articles:activity")).status_code == 200


# ----------------------------------------------------------------------------- undo


def test_undoing_a_review_restores_the_status_and_is_itself_recorded(editor_client, scene):
    post_quote(editor_client, "review_quote", scene.fischer, {"status": "rejected"})
    edit = Edit.objects.get()
    response = undo(editor_client, edit, headers=HTMX)
    assert response.status_code == 200
    assert response.content.lstrip().startswith(f'<li id="edit-{edit.pk}"'.encode())
    assert fresh(scene.fischer).status == "unreviewed"
    assert fresh(scene.fischer).group_id is not None
    edit.refresh_from_db()
    assert edit.undone_by.action == "undo" and edit.undone_by.target_id == edit.pk
    assert edit.undone_by.summary == "Undid: Rejected the quote"


def test_undo_from_the_quote_panel_answers_with_the_panel(editor_client, scene):
    post_quote(editor_client, "add_tag", scene.diallo, {"tag": "tariffs", "create": "on"})
    response = undo(
        editor_client, Edit.objects.get(), data={"quote": scene.diallo.pk}, headers=HTMX
    )
    html = response.content.decode()
    assert html.lstrip().startswith(f'<section id="quote-panel-{scene.diallo.pk}"')
    assert "Undone: Tagged “tariffs”" in html
    assert not fresh(scene.diallo).tags.exists()
    assert Tag.objects.filter(name="tariffs").exists()  # the vocabulary keeps the word


def test_undo_is_refused_once_something_it_touched_changed_again(editor_client, scene):
    post_quote(editor_client, "review_quote", scene.diallo, {"status": "confirmed"})
    first = Edit.objects.get()
    post_quote(editor_client, "change_speaker", scene.diallo, {"name": "Paulo Ferreira"})
    response = undo(editor_client, first)
    assert response.status_code == 302  # a plain form goes back with the message
    assert fresh(scene.diallo).status == "confirmed"
    htmx = undo(editor_client, first, headers=HTMX)
    assert htmx.status_code == 409
    # The change in the way is named, with who made it.
    html = htmx.content.decode()
    assert "A later change stands in the way: “Speaker: Amina Diallo → Paulo Ferreira” (ed," in html
    assert "Undo it first." in html
    # Newest first works.
    undo(editor_client, Edit.objects.get(action="speaker"))
    undo(editor_client, first)
    quote = fresh(scene.diallo)
    assert quote.status == "unreviewed" and quote.person.name == "Amina Diallo"


def test_an_edit_is_undone_only_once_and_an_undo_can_be_undone(editor_client, scene):
    post_quote(editor_client, "review_quote", scene.diallo, {"status": "rejected"})
    edit = Edit.objects.get()
    undo(editor_client, edit)
    again = undo(editor_client, edit, headers=HTMX)
    assert again.status_code == 409 and b"undone already" in again.content
    undo(editor_client, Edit.objects.get(action="undo"))  # redo
    assert fresh(scene.diallo).status == "rejected"
    assert Edit.objects.count() == 3


def test_undoing_a_story_merge_brings_the_story_back_with_its_articles(editor_client, scene):
    other_pk, other_title = scene.other_story.pk, scene.other_story.title
    groups_before = set(scene.later.quotes.values_list("group_id", flat=True))
    editor_client.post(
        reverse("articles:merge_stories", args=[scene.story.pk]), {"other": other_pk}
    )
    assert not Story.objects.filter(pk=other_pk).exists()
    response = undo(editor_client, Edit.objects.get())
    assert response.status_code == 302
    restored = Story.objects.get(pk=other_pk)
    assert restored.title == other_title and restored.start_date is not None
    later = Article.objects.get(pk=scene.later.pk)
    assert later.story_id == other_pk and not later.story_locked
    assert set(later.quotes.values_list("group_id", flat=True)) == groups_before
    assert StatementGroup.objects.get(pk=min(groups_before)).story_id == other_pk


def test_undoing_a_story_split_removes_the_new_story(editor_client, scene):
    editor_client.post(
        reverse("articles:split_story", args=[scene.story.pk]), {"articles": [scene.agency.pk]}
    )
    assert Story.objects.count() == 3
    undo(editor_client, Edit.objects.get())
    assert Story.objects.count() == 2
    assert Article.objects.get(pk=scene.agency.pk).story_id == scene.story.pk


def test_undoing_an_added_quote_removes_it(editor_client, scene):
    editor_client.post(
        reverse("articles:add_quote", args=[scene.wire.pk]),
        {"paragraph": 0, "text": "after two days of talks in Geneva", "kind": "partial"},
    )
    added = Quote.objects.get(origin="editor")
    response = undo(editor_client, Edit.objects.get(), data={"quote": added.pk}, headers=HTMX)
    assert response.status_code == 200 and b"Undone: Added a quote" in response.content
    assert not Quote.objects.filter(pk=added.pk).exists()
    # And back again: the quote returns with the same id.
    undo(editor_client, Edit.objects.get(action="undo"))
    assert Quote.objects.get(pk=added.pk).origin == "editor"


def test_undoing_a_statement_merge_brings_the_statement_back(editor_client, scene):
    keep, other = scene.diallo.group_id, scene.fischer.group_id
    editor_client.post(
        reverse("articles:merge_groups", args=[scene.story.pk, keep]), {"other": other}
    )
    undo(editor_client, Edit.objects.get())
    fischer = fresh(scene.fischer)
    assert fischer.group_id == other and not fischer.group_locked
    assert StatementGroup.objects.get(pk=other).fullest_id == fischer.pk


def test_undoing_a_correction_of_the_words_puts_the_old_words_back(editor_client, scene):
    old = fresh(scene.diallo)
    post_quote(editor_client, "correct_boundaries", scene.diallo, {"text": "We have agreed"})
    undo(editor_client, Edit.objects.get())
    quote = fresh(scene.diallo)
    assert (quote.text, quote.start_offset, quote.end_offset) == (
        old.text,
        old.start_offset,
        old.end_offset,
    )
    assert not quote.boundaries_locked
    assert quote.version == 3  # a form opened before the undo is now out of date


def test_an_undo_blocked_by_no_editor_says_so(editor_client, scene):
    post_quote(editor_client, "review_quote", scene.diallo, {"status": "confirmed"})
    # Changed since by something other than an editor (as an import or re-processing would).
    Quote.objects.filter(pk=scene.diallo.pk).update(status="rejected")
    response = undo(editor_client, Edit.objects.get(), headers=HTMX)
    assert response.status_code == 409
    assert "by an import or re-processing rather than an editor" in response.content.decode()
