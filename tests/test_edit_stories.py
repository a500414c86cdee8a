"""Correcting stories and statements: rename, move, split and merge."""

import pytest
from django.urls import reverse

from articles.models import Article, Edit, Quote, StatementGroup, Story
from tests.helpers import AGENCY, HTMX, make_article, make_editor

pytestmark = pytest.mark.django_db


def story_post(client, name, story, data, **kwargs):
    return client.post(reverse(f"articles:{name}", args=[story.pk]), data, **kwargs)


# ----------------------------------------------------------------------------- the page


def test_story_edit_page_lists_articles_and_statements_with_their_forms(editor_client, scene):
    html = editor_client.get(reverse("articles:story_edit", args=[scene.story.pk])).content.decode()
    assert scene.wire.title in html and scene.agency.title in html
    assert reverse("articles:split_story", args=[scene.story.pk]) in html
    assert reverse("articles:merge_stories", args=[scene.story.pk]) in html
    assert reverse("articles:move_article", args=[scene.wire.pk]) in html
    assert f'<option value="{scene.other_story.pk}">' in html  # a story to move or merge to
    assert reverse("articles:split_group", args=[scene.story.pk, scene.diallo.group_id]) in html
    assert "Amina Diallo" in html


def test_story_page_links_editors_to_editing_and_quotes_to_their_panels(client, scene):
    client.force_login(make_editor())
    html = client.get(scene.story.get_absolute_url()).content.decode()
    assert reverse("articles:story_edit", args=[scene.story.pk]) in html
    assert f'hx-get="{scene.diallo.get_edit_url()}" hx-target="#statement-panel"' in html
    assert "editing.js" in html


@pytest.mark.parametrize("copies", [1, 5])
def test_story_edit_page_query_count_is_fixed(editor_client, django_assert_max_num_queries, copies):
    for n in range(copies):
        make_article(AGENCY.replace("farm groups", f"{n} groups"), name=f"{n}.txt", outlet=f"O{n}")
    story = Story.objects.get()
    with django_assert_max_num_queries(9):
        response = editor_client.get(reverse("articles:story_edit", args=[story.pk]))
    assert response.status_code == 200


# ----------------------------------------------------------------------------- rename


def test_renaming_a_story_locks_its_title(editor_client, scene):
    response = story_post(
        editor_client,
        "rename_story",
        scene.story,
        {"title": "Fertiliser tariffs halved", "based_on": scene.story.title},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert response.content.lstrip().startswith(b'<section id="story-title"')
    story = Story.objects.get(pk=scene.story.pk)
    assert story.title == "Fertiliser tariffs halved" and story.title_locked


def test_renaming_from_a_stale_title_is_a_conflict(editor_client, scene):
    story_post(editor_client, "rename_story", scene.story, {"title": "First", "based_on": ""})
    response = story_post(
        editor_client, "rename_story", scene.story, {"title": "Second", "based_on": "Old"}
    )
    assert response.status_code == 409
    assert "Someone renamed the story meanwhile, to “First”" in response.content.decode()
    assert Story.objects.get(pk=scene.story.pk).title == "First"


def test_an_empty_title_is_refused(editor_client, scene):
    response = story_post(editor_client, "rename_story", scene.story, {"title": "  "})
    assert response.status_code == 400 and b"This field is required" in response.content


# ----------------------------------------------------------------------------- articles


def test_moving_an_article_to_another_story_takes_its_quotes_along(editor_client, scene):
    response = editor_client.post(
        reverse("articles:move_article", args=[scene.agency.pk]),
        {"story": scene.other_story.pk, "from_story": scene.story.pk},
    )
    assert response.status_code == 302
    agency = Article.objects.get(pk=scene.agency.pk)
    assert agency.story_id == scene.other_story.pk and agency.story_locked
    for quote in agency.quotes.all():
        assert quote.group.story_id == scene.other_story.pk  # matched in its new story
    edit = Edit.objects.get()
    assert edit.action == "move_article"
    assert edit.before["articles"][str(agency.pk)]["story_id"] == scene.story.pk


def test_moving_the_last_article_removes_the_empty_story_and_goes_to_the_new_one(
    editor_client, scene
):
    response = editor_client.post(
        reverse("articles:move_article", args=[scene.later.pk]),
        {"story": scene.story.pk, "from_story": scene.other_story.pk},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("articles:story_edit", args=[scene.story.pk])
    assert not Story.objects.filter(pk=scene.other_story.pk).exists()
    assert Story.objects.get(pk=scene.story.pk).end_date.year == 2024  # dates follow


def test_moving_an_article_someone_already_moved_is_a_conflict(editor_client, scene):
    response = editor_client.post(
        reverse("articles:move_article", args=[scene.agency.pk]),
        {"story": scene.other_story.pk, "from_story": scene.other_story.pk},
    )
    assert response.status_code == 409
    assert b"moved this article to another story meanwhile" in response.content


def test_a_move_from_a_story_merged_away_meanwhile_says_so_where_it_lands(editor_client, scene):
    gone = scene.other_story.pk
    story_post(editor_client, "merge_stories", scene.story, {"other": gone})
    data = {"story": scene.story.pk, "from_story": gone}
    url = reverse("articles:move_article", args=[scene.later.pk])
    response = editor_client.post(url, data)
    assert response.status_code == 302 and response.url == reverse("articles:home")
    landed = editor_client.get(response.url).content.decode()
    assert "Someone moved this article to another story meanwhile" in landed
    htmx = editor_client.post(url, data, headers=HTMX)
    assert htmx.status_code == 409 and htmx["HX-Redirect"] == reverse("articles:home")
    assert b"moved this article to another story" in editor_client.get("/").content


def test_a_story_number_that_is_no_number_is_a_400_not_a_server_error(editor_client, scene):
    response = editor_client.post(
        reverse("articles:move_article", args=[scene.agency.pk]),
        {"story": scene.other_story.pk, "from_story": "abc"},
    )
    assert response.status_code == 400
    assert "Enter a whole number" in response.content.decode()
    assert Article.objects.get(pk=scene.agency.pk).story_id == scene.story.pk


@pytest.mark.parametrize(
    ("story", "message"), [("999999", "There is no story"), ("abc", "Enter a whole number")]
)
def test_moving_to_an_unknown_story_is_refused(editor_client, scene, story, message):
    response = editor_client.post(
        reverse("articles:move_article", args=[scene.agency.pk]),
        {"story": story, "from_story": scene.story.pk},
    )
    assert response.status_code == 400
    assert message in response.content.decode()


def test_splitting_a_story_moves_the_chosen_articles_to_a_new_one(editor_client, scene):
    response = story_post(
        editor_client,
        "split_story",
        scene.story,
        {"articles": [scene.agency.pk], "title": "AFP's account"},
        headers=HTMX,
    )
    assert response.status_code == 200
    new = Story.objects.get(title="AFP's account")
    assert new.title_locked
    assert list(new.articles.values_list("pk", flat=True)) == [scene.agency.pk]
    assert list(scene.story.articles.values_list("pk", flat=True)) == [scene.wire.pk]
    # No statement mixes the two stories any more.
    for group in StatementGroup.objects.filter(story=scene.story):
        assert set(group.quotes.values_list("article__story_id", flat=True)) == {scene.story.pk}


@pytest.mark.parametrize(
    ("articles", "status", "message"),
    [
        ("all", 400, "not all of them"),
        ("foreign", 409, "have left this story meanwhile"),
        ("none", 400, "Tick the articles"),
        ("junk", 400, "Choose from the list"),
    ],
)
def test_bad_story_splits_are_refused(editor_client, scene, articles, status, message):
    chosen = {
        "all": [scene.wire.pk, scene.agency.pk],
        "foreign": [scene.later.pk],
        "none": [],
        "junk": ["x"],
    }[articles]
    response = story_post(editor_client, "split_story", scene.story, {"articles": chosen})
    assert response.status_code == status
    assert message in response.content.decode()
    assert Story.objects.count() == 2


def test_merging_stories_moves_every_article_and_removes_the_other(editor_client, scene):
    response = story_post(
        editor_client, "merge_stories", scene.story, {"other": scene.other_story.pk}
    )
    assert response.status_code == 302
    assert not Story.objects.filter(pk=scene.other_story.pk).exists()
    assert scene.story.articles.count() == 3
    assert Article.objects.get(pk=scene.later.pk).story_locked
    assert "Merged the story" in Edit.objects.get().summary


def test_merging_a_story_with_itself_or_a_missing_one_is_refused(editor_client, scene):
    same = story_post(editor_client, "merge_stories", scene.story, {"other": scene.story.pk})
    assert same.status_code == 400 and b"cannot be merged with itself" in same.content
    gone = story_post(editor_client, "merge_stories", scene.story, {"other": 999999})
    assert gone.status_code == 400 and b"There is no story #999999" in gone.content


# ----------------------------------------------------------------------------- statements


def two_member_group(scene):
    group = scene.diallo.group
    Quote.objects.filter(pk=scene.ferreira.pk).update(group=group)
    return group


def test_splitting_a_statement_moves_the_chosen_quotes_to_a_new_one(editor_client, scene):
    group = two_member_group(scene)
    response = editor_client.post(
        reverse("articles:split_group", args=[scene.story.pk, group.pk]),
        {"quotes": [scene.ferreira.pk]},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert response.content.lstrip().startswith(b'<div id="story-body"')
    ferreira = Quote.objects.get(pk=scene.ferreira.pk)
    assert ferreira.group_id != group.pk and ferreira.group_locked
    assert ferreira.group.fullest_id == ferreira.pk
    remaining = set(group.quotes.values_list("pk", flat=True))
    assert scene.diallo.pk in remaining and scene.ferreira.pk not in remaining


def test_splitting_off_every_member_or_a_stranger_is_refused(editor_client, scene):
    group = two_member_group(scene)
    url = reverse("articles:split_group", args=[scene.story.pk, group.pk])
    every = editor_client.post(url, {"quotes": list(group.quotes.values_list("pk", flat=True))})
    assert every.status_code == 400 and b"not all of them" in every.content
    stranger = editor_client.post(url, {"quotes": [scene.fischer.pk]})
    assert stranger.status_code == 409 and b"left the statement meanwhile" in stranger.content


def test_merging_statements_moves_all_quotes_and_removes_the_emptied_one(editor_client, scene):
    keep, other = scene.diallo.group, scene.fischer.group
    response = editor_client.post(
        reverse("articles:merge_groups", args=[scene.story.pk, keep.pk]), {"other": other.pk}
    )
    assert response.status_code == 302
    assert not StatementGroup.objects.filter(pk=other.pk).exists()
    fischer = Quote.objects.get(pk=scene.fischer.pk)
    assert fischer.group_id == keep.pk and fischer.group_locked
    assert fischer.version == 2


def test_merging_a_statement_of_another_story_is_refused(editor_client, scene):
    elsewhere = scene.later.quotes.exclude(group=None).first().group
    response = editor_client.post(
        reverse("articles:merge_groups", args=[scene.story.pk, scene.diallo.group_id]),
        {"other": elsewhere.pk},
    )
    assert response.status_code == 400 and b"is not in this story" in response.content


def test_statement_of_another_story_in_the_url_is_a_404(editor_client, scene):
    elsewhere = scene.later.quotes.exclude(group=None).first().group
    response = editor_client.post(
        reverse("articles:split_group", args=[scene.story.pk, elsewhere.pk]), {"quotes": [1]}
    )
    assert response.status_code == 404
