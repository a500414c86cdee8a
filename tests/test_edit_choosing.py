"""Choosing a story or a statement by what an editor remembers of it (title, date, outlet,
words, speaker) rather than its number: the suggestions, and the forms that use them."""

import pytest
from django.urls import reverse

from articles.choosing import read_query, statement_choices, story_choices
from articles.models import Article, Quote, StatementGroup
from tests.helpers import AGENCY, HTMX, make_article, make_user, post_quote

pytestmark = pytest.mark.django_db

UNRELATED = """Harbour bridge reopens after repairs

June 2, 2022 / 8:00 AM

LISBON (Reuters) - The harbour bridge reopened on Thursday after a year of repairs.

"The bridge is safe and open again," said Rui Costa, the city's engineer.
"""


def titles(stories) -> list[str]:
    return [story.title for story in stories]


@pytest.fixture
def bridge(scene):
    return make_article(UNRELATED, name="bridge.txt").story


# ----------------------------------------------------------------------------- reading a query


def test_a_query_is_read_as_a_number_a_date_a_year_outlets_and_words(scene):
    assert read_query("#42").number == 42 and read_query("42").number == 42
    dated = read_query("11 March 2024 tariffs")
    assert str(dated.day) == "2024-03-11" and dated.words == "tariffs"
    assert read_query("tariffs 2024").year == 2024
    outlet = scene.wire.outlet
    named = read_query(f"{outlet.short_name} tariffs")
    assert named.outlets == [[outlet.pk]] and named.words == "tariffs"


# ----------------------------------------------------------------------------- stories


def test_stories_are_found_by_title_words_date_year_and_outlet(scene, bridge):
    other = scene.other_story.title
    assert titles(story_choices("comes into force", besides=scene.story.pk)) == [other]
    assert titles(story_choices("harbour", besides=scene.story.pk)) == [bridge.title]
    # Words of its articles, not only of its title.
    assert titles(story_choices("paying less", besides=scene.story.pk)) == [other]
    assert titles(story_choices("11 March 2024", besides=scene.story.pk)) == [other]
    assert titles(story_choices("2022", besides=scene.story.pk)) == [bridge.title]
    assert titles(story_choices(f"#{bridge.pk}", besides=scene.story.pk)) == [bridge.title]
    assert story_choices("no such words anywhere", besides=scene.story.pk) == []
    # Never the story being edited itself.
    assert scene.story.title not in titles(story_choices("fertiliser", besides=scene.story.pk))


def test_a_word_naming_several_outlets_means_any_of_them(scene):
    for n in range(3):
        text = AGENCY.replace("Geneva", f"Town{n}").replace("14/03/2023", f"1{n}/0{n + 1}/2021")
        make_article(text, name=f"{n}.txt", outlet=f"Gazette {n}")
    assert read_query("gazette").outlets and len(read_query("gazette").outlets[0]) == 3
    assert len(story_choices("gazette", besides=scene.story.pk)) >= 1


def test_stories_sharing_people_come_first(scene, bridge):
    # Amina Diallo speaks in both fertiliser stories, nobody in the bridge story.
    choices = story_choices("", besides=scene.story.pk)
    assert titles(choices)[0] == scene.other_story.title
    assert choices[0].shared_people >= 1 and bridge.title in titles(choices)
    outlet = scene.later.outlet.short_name
    assert outlet in choices[0].outlet_names and choices[0].article_count == 1


def test_the_story_chooser_offers_buttons_that_submit_the_form(editor_client, scene, bridge):
    url = reverse("articles:choose_story", args=[scene.story.pk])
    response = editor_client.get(url, {"query": "harbour", "field": "other"})
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert f'name="other" value="{bridge.pk}"' in html and bridge.title in html
    # Only the fields the forms have.
    html = editor_client.get(url, {"query": "harbour", "field": "evil"}).content.decode()
    assert f'name="story" value="{bridge.pk}"' in html
    nothing = editor_client.get(url, {"query": "zzzz qqqq"}).content.decode()
    assert "Nothing matches “zzzz qqqq”" in nothing


def test_the_first_letter_typed_gets_an_answer(editor_client, scene):
    # The chooser asks as the editor types: one letter names no outlet, and is only words.
    assert read_query("a").outlets == [] and read_query("a").words == "a"
    for name in ("choose_story", "choose_statement"):
        response = editor_client.get(
            reverse(f"articles:{name}", args=[scene.story.pk]), {"query": "a"}
        )
        assert response.status_code == 200


def test_readers_get_no_suggestions(client, scene):
    client.force_login(make_user())
    url = reverse("articles:choose_story", args=[scene.story.pk])
    response = client.get(url, {"query": "fertiliser"})
    assert response.status_code in (302, 403)
    assert scene.other_story.title.encode() not in response.content


def test_moving_an_article_by_typed_words_offers_the_stories_and_keeps_the_words(
    editor_client, scene, bridge
):
    url = reverse("articles:move_article", args=[scene.agency.pk])
    data = {"query": "harbour bridge", "from_story": scene.story.pk}
    response = editor_client.post(url, data, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Which story do you mean by “harbour bridge”?" in html
    assert f'name="story" value="{bridge.pk}"' in html  # the candidate, to click
    assert 'value="harbour bridge"' in html  # what the editor typed, still there
    assert Article.objects.get(pk=scene.agency.pk).story_id == scene.story.pk
    # The candidate's button sends its id: the move is made.
    response = editor_client.post(url, {**data, "story": bridge.pk}, headers=HTMX)
    assert response.status_code == 200
    assert Article.objects.get(pk=scene.agency.pk).story_id == bridge.pk


def test_a_number_typed_in_the_chooser_still_works(editor_client, scene, bridge):
    url = reverse("articles:merge_stories", args=[scene.story.pk])
    response = editor_client.post(url, {"query": f"#{bridge.pk}"}, headers=HTMX)
    assert response.status_code == 200
    assert not type(bridge).objects.filter(pk=bridge.pk).exists()


def test_merging_with_nothing_chosen_asks_to_choose(editor_client, scene):
    url = reverse("articles:merge_stories", args=[scene.story.pk])
    response = editor_client.post(url, {"query": ""}, headers=HTMX)
    assert response.status_code == 400
    assert "Choose the story: type its title" in response.content.decode()


# ----------------------------------------------------------------------------- statements


def test_statements_are_found_by_speaker_words_and_outlet(scene):
    story, diallo = scene.story.pk, scene.diallo.group_id
    ferreira, fischer = scene.ferreira.group_id, scene.fischer.group_id
    assert [g.pk for g in statement_choices("Ferreira", story=story, besides=diallo)] == [ferreira]
    found = statement_choices("solution", story=story, besides=diallo)
    assert [g.pk for g in found] == [fischer]
    # The AFP article carries Diallo's and Ferreira's words, not Fischer's.
    afp = scene.agency.outlet.short_name
    by_outlet = {g.pk for g in statement_choices(afp, story=story, besides=diallo)}
    assert ferreira in by_outlet and fischer not in by_outlet
    everything = statement_choices("", story=story, besides=diallo)
    assert diallo not in [g.pk for g in everything] and len(everything) >= 2
    assert all(group.quote_count >= 1 for group in everything)


def test_statements_by_the_same_speaker_come_first(scene):
    story = scene.story.pk
    # A second statement of Diallo's: it ranks above the others for her statement.
    second = StatementGroup.objects.create(story_id=story, speaker=scene.diallo.person)
    Quote.objects.filter(pk=scene.agency.quotes.order_by("pk").first().pk).update(group=second)
    first = statement_choices("", story=story, besides=scene.diallo.group_id)[0]
    assert first.pk == second.pk


def test_moving_a_quote_by_typed_words_offers_the_statements(editor_client, scene):
    response = post_quote(
        editor_client, "move_quote", scene.diallo, {"query": "Fischer"}, headers=HTMX
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert f'name="group" value="{scene.fischer.group_id}"' in html
    assert 'value="Fischer"' in html
    response = post_quote(
        editor_client, "move_quote", scene.diallo, {"group": scene.fischer.group_id}, headers=HTMX
    )
    assert response.status_code == 200
    assert Quote.objects.get(pk=scene.diallo.pk).group_id == scene.fischer.group_id


def test_the_statement_chooser_answers_with_buttons(editor_client, scene):
    url = reverse("articles:choose_statement", args=[scene.story.pk])
    params = {"query": "details", "field": "other", "besides": scene.diallo.group_id}
    html = editor_client.get(url, params).content.decode()
    assert f'name="other" value="{scene.ferreira.group_id}"' in html
    assert "Paulo Ferreira" in html


# ----------------------------------------------------------------------------- query counts


@pytest.mark.parametrize("copies", [1, 6])
def test_choosers_query_count_is_fixed(editor_client, scene, django_assert_max_num_queries, copies):
    for n in range(copies):
        text = AGENCY.replace("Geneva", f"Town{n}").replace("14/03/2023", f"1{n}/0{n + 1}/2021")
        make_article(text, name=f"{n}.txt", outlet=f"Outlet {n}")
    stories = reverse("articles:choose_story", args=[scene.story.pk])
    statements = reverse("articles:choose_statement", args=[scene.story.pk])
    for url, query in [
        (stories, ""),
        (stories, "fertiliser"),
        (stories, "Outlet 2021 tariffs"),
        (statements, ""),
        (statements, "details"),
    ]:
        # Session, user and permissions (4), the outlets a word names, the candidates.
        with django_assert_max_num_queries(6):
            response = editor_client.get(url, {"query": query, "besides": scene.diallo.group_id})
        assert response.status_code == 200
