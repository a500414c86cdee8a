"""Editing a quote in place: review, words, speaker, tags, statement, adding a missed one."""

import pytest
from django.urls import reverse

from articles.locate import locate_quote
from articles.models import Edit, Person, Quote, StatementGroup, Tag
from tests.helpers import (
    AGENCY,
    HTMX,
    WIRE,
    fresh,
    make_article,
    make_editor,
    post_quote,
)

pytestmark = pytest.mark.django_db


# ----------------------------------------------------------------------------- builders


# ----------------------------------------------------------------------------- the panel


def test_quote_panel_shows_the_quote_in_its_paragraph_with_every_editing_form(editor_client, scene):
    html = editor_client.get(scene.diallo.get_edit_url()).content.decode()
    assert "<html" in html
    assert "<mark>We have agreed to halve the tariffs" in html
    assert "Amina Diallo" in html
    for action in ("review_quote", "add_tag", "change_speaker", "correct_boundaries"):
        assert reverse(f"articles:{action}", args=[scene.diallo.pk]) in html
    assert 'name="version" value="1"' in html
    assert "No edits yet" in html


def test_quote_panel_fragment_for_htmx_and_vary_header(editor_client, scene):
    response = editor_client.get(scene.diallo.get_edit_url(), headers=HTMX)
    assert b"<html" not in response.content
    assert response.content.lstrip().startswith(b'<section id="quote-panel-')
    assert "HX-Request" in editor_client.get(scene.diallo.get_edit_url())["Vary"]


@pytest.mark.parametrize("edits", [1, 6])
def test_quote_panel_query_count_is_fixed(
    editor_client, scene, django_assert_max_num_queries, edits
):
    for n in range(edits):
        post_quote(editor_client, "add_tag", scene.diallo, {"tag": f"topic {n}", "create": "on"})
    with django_assert_max_num_queries(11):
        response = editor_client.get(scene.diallo.get_edit_url())
    assert response.status_code == 200
    assert response.content.decode().count('class="chip-remove"') == edits


# ----------------------------------------------------------------------------- review


def test_confirming_a_quote_sets_its_status_and_records_the_edit(editor_client, scene):
    response = post_quote(editor_client, "review_quote", scene.diallo, {"status": "confirmed"})
    assert response.status_code == 302
    assert response.url == scene.diallo.get_edit_url()
    quote = fresh(scene.diallo)
    assert quote.status == "confirmed" and quote.version == 2
    edit = Edit.objects.get()
    assert edit.action == "review" and edit.user.username == "ed"
    assert edit.before["quotes"][str(quote.pk)]["status"] == "unreviewed"
    assert edit.after["quotes"][str(quote.pk)]["status"] == "confirmed"
    assert edit.quote_ids == [quote.pk]


def test_rejected_quote_disappears_for_readers_but_stays_struck_through_for_editors(client, scene):
    editor = make_editor()
    client.force_login(editor)
    post_quote(client, "review_quote", scene.fischer, {"status": "rejected"})
    editor_html = client.get(scene.story.get_absolute_url()).content.decode()
    assert "is-rejected" in editor_html and "It is a start, not a solution" in editor_html
    client.logout()
    reader_html = client.get(scene.story.get_absolute_url()).content.decode()
    assert "It is a start, not a solution" in reader_html  # still in the article's text...
    assert f'data-quote="{scene.fischer.pk}"' not in reader_html  # ...but not marked a quote
    article_html = client.get(scene.wire.get_absolute_url()).content.decode()
    assert "<q>It is a start" not in article_html


def test_htmx_review_answers_with_the_panel_and_tells_the_page_what_changed(editor_client, scene):
    response = post_quote(
        editor_client, "review_quote", scene.diallo, {"status": "rejected"}, headers=HTMX
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="quote-panel-')
    assert "Rejected the quote" in html and "status-rejected" in html
    assert '"quote-changed"' in response["HX-Trigger"] and '"rejected"' in response["HX-Trigger"]


def test_review_queue_row_is_answered_with_the_row(editor_client, scene):
    response = post_quote(
        editor_client,
        "review_quote",
        scene.diallo,
        {"status": "confirmed", "part": "row"},
        headers=HTMX,
    )
    html = response.content.decode()
    assert html.lstrip().startswith(f'<tr id="review-row-{scene.diallo.pk}"')
    assert "status-confirmed" in html


def test_unknown_status_or_missing_version_is_a_clear_400(editor_client, scene):
    url = reverse("articles:review_quote", args=[scene.diallo.pk])
    bad = editor_client.post(url, {"status": "deleted", "version": 1})
    assert bad.status_code == 400 and b"not one of the available choices" in bad.content
    stale = editor_client.post(url, {"status": "confirmed"})
    assert stale.status_code == 400 and b"This form is out of date" in stale.content
    assert editor_client.post(url, {"status": "confirmed", "version": "x"}).status_code == 400
    assert fresh(scene.diallo).status == "unreviewed" and not Edit.objects.exists()


def test_unknown_quote_is_a_404(editor_client, db):
    response = editor_client.post(
        reverse("articles:review_quote", args=[99999]), {"status": "confirmed", "version": 1}
    )
    assert response.status_code == 404


def test_actions_only_accept_post(editor_client, scene):
    response = editor_client.get(reverse("articles:review_quote", args=[scene.diallo.pk]))
    assert response.status_code == 405


# ----------------------------------------------------------------------------- conflicts


def test_second_editor_working_from_an_old_version_gets_a_conflict_with_the_newer_version(
    client, scene
):
    from django.test import Client

    first, second = Client(), Client()
    first.force_login(make_editor("first"))
    second.force_login(make_editor("second"))
    url = scene.diallo.get_edit_url()
    assert 'name="version" value="1"' in first.get(url).content.decode()
    assert 'name="version" value="1"' in second.get(url).content.decode()

    saved = first.post(
        reverse("articles:review_quote", args=[scene.diallo.pk]),
        {"status": "rejected", "version": 1},
    )
    assert saved.status_code == 302
    clash = second.post(
        reverse("articles:change_speaker", args=[scene.diallo.pk]),
        {"name": "Paulo Ferreira", "version": 1},
        headers=HTMX,
    )
    assert clash.status_code == 409
    html = clash.content.decode()
    assert "Someone else changed this quote after you opened it" in html
    assert "set the speaker to Paulo Ferreira" in html  # what was not saved
    assert "Latest change: Rejected the quote (first," in html  # by whom
    assert "status-rejected" in html and 'name="version" value="2"' in html  # the newer one
    quote = fresh(scene.diallo)
    assert quote.person.name == "Amina Diallo" and quote.status == "rejected"
    assert Edit.objects.count() == 1


def test_conflict_without_javascript_shows_the_whole_page(editor_client, scene):
    post_quote(editor_client, "review_quote", scene.diallo, {"status": "confirmed"})
    response = editor_client.post(
        reverse("articles:add_tag", args=[scene.diallo.pk]),
        {"tag": "trade", "create": "on", "version": 1},
    )
    assert response.status_code == 409
    assert b"<html" in response.content and b"Not saved." in response.content
    assert not Tag.objects.exists()


# ----------------------------------------------------------------------------- words


def test_correcting_the_words_finds_them_in_the_paragraph(editor_client, scene):
    quote = scene.diallo
    shorter = "We have agreed to halve the tariffs on fertiliser within two years"
    response = post_quote(editor_client, "correct_boundaries", quote, {"text": shorter})
    assert response.status_code == 302
    quote = fresh(quote)
    paragraph = scene.wire.paragraphs[quote.start_paragraph]["text"]
    assert quote.text == shorter
    assert paragraph[quote.start_offset : quote.end_offset] == shorter
    assert quote.boundaries_locked and quote.is_editor_decided


def test_words_not_in_the_article_are_refused_with_a_reason(editor_client, scene):
    response = post_quote(
        editor_client, "correct_boundaries", scene.diallo, {"text": "We never said that"}
    )
    assert response.status_code == 400
    assert b"Those words are not in the article" in response.content
    assert fresh(scene.diallo).version == 1  # the whole change was rolled back


def test_words_running_into_another_quote_are_refused(editor_client, scene):
    response = post_quote(
        editor_client,
        "correct_boundaries",
        scene.ferreira,
        {"text": "The details still have to be written"},
    )
    assert response.status_code == 302  # its own paragraph: fine
    words = scene.wire.paragraphs[1]["text"].strip('"')
    clash = post_quote(editor_client, "correct_boundaries", scene.fischer, {"text": words})
    assert clash.status_code == 400
    assert "Those words run into another quote" in clash.content.decode()


def test_locate_quote_spans_paragraphs_and_prefers_the_nearest_occurrence():
    paragraphs = ["He said: “It works.", "“It works,” she said, “and it will.”", "It works."]
    span = locate_quote(paragraphs, "It works.", near=(2, 0))
    assert (span.start_paragraph, span.start_offset) == (2, 0)
    span = locate_quote(paragraphs, "“It works.\nIt works,", near=(0, 0))
    assert (span.start_paragraph, span.start_offset, span.end_paragraph) == (0, 10, 1)
    assert span.text == "It works.\nIt works,"
    assert locate_quote(paragraphs, "   ") is None


# ----------------------------------------------------------------------------- speaker


def test_changing_the_speaker_to_a_known_person_locks_it(editor_client, scene):
    ferreira = Person.objects.get(name="Paulo Ferreira")
    response = post_quote(
        editor_client, "change_speaker", scene.fischer, {"person": ferreira.pk}, headers=HTMX
    )
    assert response.status_code == 200
    quote = fresh(scene.fischer)
    assert quote.person == ferreira and quote.speaker_locked
    assert "Speaker: Lena Fischer → Paulo Ferreira" in response.content.decode()


def test_a_change_that_changes_nothing_is_not_recorded(editor_client, scene):
    response = post_quote(editor_client, "change_speaker", scene.fischer, {"name": "Fischer"})
    assert response.status_code == 302
    assert fresh(scene.fischer).speaker_locked and Edit.objects.count() == 1
    again = post_quote(
        editor_client, "change_speaker", scene.fischer, {"name": "Lena Fischer"}, headers=HTMX
    )
    assert again.status_code == 200 and b"Nothing to change" in again.content
    assert Edit.objects.count() == 1 and fresh(scene.fischer).version == 2


def test_a_typed_name_is_resolved_by_the_matcher(editor_client, scene):
    post_quote(editor_client, "change_speaker", scene.fischer, {"name": "Ferreira"})
    assert fresh(scene.fischer).person.name == "Paulo Ferreira"


def test_an_unknown_name_asks_to_choose_or_create(editor_client, scene):
    response = post_quote(editor_client, "change_speaker", scene.fischer, {"name": "Zed Quux"})
    assert response.status_code == 400
    assert "Nobody known is called “Zed Quux”" in response.content.decode()
    created = post_quote(
        editor_client, "change_speaker", scene.fischer, {"name": "Zed Quux", "create": "on"}
    )
    assert created.status_code == 302
    person = fresh(scene.fischer).person
    assert person.name == "Zed Quux"
    assert set(person.aliases.values_list("alias", flat=True)) == {"Zed Quux", "Quux"}


def test_a_quote_can_be_marked_unattributed(editor_client, scene):
    post_quote(editor_client, "change_speaker", scene.fischer, {"clear": "on"})
    quote = fresh(scene.fischer)
    assert quote.person is None and quote.speaker_locked


def test_speaker_suggestions_are_fuzzy_over_names_and_aliases(editor_client, scene):
    url = reverse("articles:speaker_suggestions")
    html = editor_client.get(url, {"name": "Ferriera"}, headers=HTMX).content.decode()
    assert "Paulo Ferreira" in html and 'name="person"' in html
    assert "<html" not in html
    html = editor_client.get(url, {"name": "Dial"}).content.decode()
    assert "Amina Diallo" in html
    assert "Nobody known" in editor_client.get(url, {"name": "Xyzzy Plugh"}).content.decode()


# ----------------------------------------------------------------------------- tags


def test_tagging_needs_an_explicit_new_tag_for_an_unknown_name(editor_client, scene):
    refused = post_quote(editor_client, "add_tag", scene.diallo, {"tag": "Fertiliser trade"})
    assert refused.status_code == 400
    assert "There is no tag “Fertiliser trade” yet" in refused.content.decode()
    created = post_quote(
        editor_client, "add_tag", scene.diallo, {"tag": "Fertiliser trade", "create": "on"}
    )
    assert created.status_code == 302
    tag = Tag.objects.get()
    assert tag.slug == "fertiliser-trade"
    assert list(fresh(scene.diallo).tags.all()) == [tag]
    assert fresh(scene.diallo).tags_locked
    # The same tag again, written another way, is found rather than duplicated.
    post_quote(editor_client, "add_tag", scene.ferreira, {"tag": "fertiliser TRADE"})
    assert Tag.objects.count() == 1 and tag.quotes.count() == 2


def test_a_close_misspelling_of_a_tag_is_suggested(editor_client, scene):
    Tag.objects.create(name="tariffs")
    response = post_quote(editor_client, "add_tag", scene.diallo, {"tag": "tarifs"})
    assert "Did you mean “tariffs”?" in response.content.decode()


def test_removing_a_tag(editor_client, scene):
    tag = Tag.objects.create(name="trade")
    scene.diallo.tags.add(tag)
    response = editor_client.post(
        reverse("articles:remove_tag", args=[scene.diallo.pk, tag.pk]), {"version": 1}
    )
    assert response.status_code == 302
    assert not fresh(scene.diallo).tags.exists()
    assert Edit.objects.get().summary == "Removed tag “trade”"


def test_empty_or_symbol_only_tag_is_refused(editor_client, scene):
    response = post_quote(editor_client, "add_tag", scene.diallo, {"tag": "!!!", "create": "on"})
    assert response.status_code == 400 and b"A tag needs letters or digits" in response.content


# ----------------------------------------------------------------------------- statement


def test_moving_a_quote_to_another_statement_locks_it_and_refreshes_both(editor_client, scene):
    target = scene.ferreira.group
    old = scene.diallo.group_id
    response = post_quote(editor_client, "move_quote", scene.diallo, {"group": target.pk})
    assert response.status_code == 302
    quote = fresh(scene.diallo)
    assert quote.group_id == target.pk and quote.group_locked
    target.refresh_from_db()
    assert target.fullest_id is not None
    # The old statement keeps AFP's wording, which is now its fullest (it was this quote).
    assert StatementGroup.objects.get(pk=old).fullest_id == scene.agency.quotes.get(group=old).pk


def test_moving_a_quote_into_its_own_new_statement(editor_client, scene):
    before = StatementGroup.objects.count()
    old = scene.diallo.group_id
    post_quote(editor_client, "move_quote", scene.diallo, {"group": ""})
    quote = fresh(scene.diallo)
    assert quote.group_id != old
    assert quote.group.quotes.count() == 1 and quote.group_locked
    assert StatementGroup.objects.count() == before + 1  # the old one keeps AFP's wording


def test_a_statement_of_another_story_is_refused(editor_client, scene):
    elsewhere = scene.later.quotes.exclude(group=None).first().group
    response = post_quote(editor_client, "move_quote", scene.diallo, {"group": elsewhere.pk})
    assert response.status_code == 400
    assert b"not in this quote" in response.content


# ----------------------------------------------------------------------------- adding


def test_adding_a_missed_quote_by_selection_offsets(editor_client, scene):
    paragraph = scene.wire.paragraphs[0]["text"]  # the lede: no quote in it
    words = "agreed on Tuesday to cut tariffs"
    start = paragraph.find(words)
    response = editor_client.post(
        reverse("articles:add_quote", args=[scene.wire.pk]),
        {
            "paragraph": 0,
            "end_paragraph": 0,
            "start_offset": start - 1,  # a space taken along by the selection is dropped
            "end_offset": start + len(words),
            "text": words,
            "kind": "partial",
            "speaker": "Diallo",
        },
    )
    assert response.status_code == 302
    added = Quote.objects.get(origin="editor")
    assert (added.start_paragraph, added.start_offset) == (0, start)
    assert added.text == words
    assert added.status == "confirmed" and added.person.name == "Amina Diallo"
    assert added.speaker_locked and added.group_id is not None  # matched into a statement
    # No other outlet reported these words: the quote starts a statement of its own, whose
    # fullest wording and speaker are its.
    group = added.group
    assert list(group.quotes.all()) == [added]
    assert (group.fullest_id, group.speaker_id, group.story_id) == (
        added.pk,
        added.person_id,
        scene.wire.story_id,
    )
    assert response.url == added.get_edit_url()


def test_adding_a_missed_quote_by_pasting_its_words(editor_client, scene):
    response = editor_client.post(
        reverse("articles:add_quote", args=[scene.wire.pk]),
        {"paragraph": 0, "text": "after two days of talks in Geneva", "kind": "partial"},
        headers={**HTMX, "HX-Current-URL": f"http://testserver{scene.wire.get_absolute_url()}"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="quote-panel-')
    assert 'id="article-body" class="article-body" hx-swap-oob="true"' in html
    assert response["HX-Retarget"] == "#quote-editor"
    added = Quote.objects.get(origin="editor")
    assert f'data-quote="{added.pk}"' in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"paragraph": 0, "text": "words nowhere in it"}, "not in that paragraph"),
        ({"paragraph": 1, "text": "after two days"}, "not in that paragraph"),
        ({"paragraph": 99, "text": "Geneva"}, "Choose a paragraph"),
        ({"paragraph": 1, "text": "We have agreed"}, "overlap a quote already marked"),
        (
            {"paragraph": 0, "text": "x", "start_offset": 5, "end_offset": 99999},
            "outside the paragraph",
        ),
        ({"paragraph": 0, "text": "x", "start_offset": 9, "end_offset": 9}, "Select some words"),
        ({"paragraph": 0, "text": "Geneva", "speaker": "Nobody Atall"}, "Nobody known"),
    ],
)
def test_a_bad_added_quote_is_refused_with_a_reason(editor_client, scene, data, message):
    response = editor_client.post(
        reverse("articles:add_quote", args=[scene.wire.pk]), {"kind": "full", **data}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Quote.objects.filter(origin="editor").exists()


def test_add_quote_page_lists_the_numbered_paragraphs_for_use_without_javascript(
    editor_client, scene
):
    response = editor_client.get(reverse("articles:add_quote", args=[scene.wire.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Add a quote the extractor missed" in html
    assert '<option value="0"' in html and "Farm ministers from 20 countries" in html


def test_add_quote_form_fragment_for_htmx_and_vary_header(editor_client, scene):
    url = reverse("articles:add_quote", args=[scene.wire.pk])
    fragment = editor_client.get(url, headers=HTMX)
    assert fragment.content.lstrip().startswith(b'<form id="add-quote-form"')
    assert "HX-Request" in editor_client.get(url)["Vary"]
    refused = editor_client.post(url, {"paragraph": 0, "text": "nowhere"}, headers=HTMX)
    assert refused.status_code == 400
    assert refused.content.lstrip().startswith(b'<form id="add-quote-form"')


def test_article_page_for_editors_has_the_editor_and_add_form_but_not_for_readers(client, scene):
    html = client.get(scene.wire.get_absolute_url()).content.decode()
    assert 'id="add-quote-form"' not in html and "editing.js" not in html
    client.force_login(make_editor())
    html = client.get(scene.wire.get_absolute_url()).content.decode()
    assert 'id="add-quote-form"' in html and 'id="quote-editor"' in html
    assert "editing.js" in html
    assert f'hx-get="{scene.diallo.get_edit_url()}"' in html


@pytest.mark.parametrize("size", [1, 8])
def test_article_page_query_count_for_editors_is_fixed(client, django_assert_max_num_queries, size):
    article = make_article(WIRE, name="wire.txt")
    for n in range(size):
        make_article(AGENCY.replace("farm groups", f"{n} groups"), name=f"{n}.txt", outlet=f"O{n}")
    for quote in article.quotes.all():
        quote.tags.add(Tag.objects.get_or_create(name=f"t{quote.pk}")[0])
    client.force_login(make_editor())
    # The reader's 4, plus the session, the user and the user's and group permissions.
    with django_assert_max_num_queries(8):
        assert client.get(article.get_absolute_url()).status_code == 200
