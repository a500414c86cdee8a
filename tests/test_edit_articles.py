"""Editors correct what the reading got wrong about an article (headline, date and its
precision, outlet, dateline, byline), with undo; articles without a headline are listed."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Edit, Outlet, Quote, editors_group
from articles.views.editing_articles import details_initial
from tests.helpers import HTMX, make_article, make_editor, make_user

pytestmark = pytest.mark.django_db

INFERRED = (
    "MOSCOW, December 16 (Reuters) - Russia said on Wednesday it would send more grain to the "
    "region, officials told reporters in the capital after a long meeting.\n\n"
    '"We will keep the corridor open," the minister said after the talks.\n\n'
    "Copyright 2009 Reuters. All rights reserved.\n"
)
UNTITLED = (
    "Heavy rain has closed roads across the region, and hundreds of people were moved from "
    "their homes overnight as rivers burst their banks, officials said on Monday.\n\n"
    "Rescue teams worked through the night to reach villages cut off by the water, and more "
    "rain is expected.\n"
)


def details_of(article) -> dict:
    """The form's fields as the editor is shown them."""
    article = Article.objects.select_related("outlet").get(pk=article.pk)
    initial = details_initial(article)
    return {
        key: "" if value is None else value.strftime("%H:%M") if key == "published_time" else value
        for key, value in initial.items()
    }


def post_details(client, article, changes: dict, **kwargs):
    """Post the article's details as shown, with `changes`."""
    url = reverse("articles:correct_article", args=[article.pk])
    return client.post(url, {**details_of(article), **changes}, **kwargs)


def fresh(article) -> Article:
    return Article.objects.get(pk=article.pk)


def undo_last(client, article) -> None:
    edit = Edit.objects.filter(action=Edit.Action.CORRECT_ARTICLE, target_id=article.pk).first()
    response = client.post(reverse("articles:undo_edit", args=[edit.pk]))
    assert response.status_code == 302


def on_day(day: datetime.date, hour=0, minute=0) -> datetime.datetime:
    moment = datetime.datetime.combine(day, datetime.time(hour, minute))
    return timezone.make_aware(moment, timezone.get_default_timezone())


# ----------------------------------------------------------------------------- the form


def test_edit_page_shows_the_form_with_the_articles_details(editor_client, scene):
    response = editor_client.get(reverse("articles:article_edit", args=[scene.wire.pk]))
    html = response.content.decode()
    assert response.status_code == 200 and "<html" in html
    assert f'value="{scene.wire.title}"' in html
    assert 'value="Reuters"' in html and 'value="GENEVA"' in html
    assert 'value="2023-03-14"' in html and 'value="16:05"' in html
    assert reverse("articles:correct_article", args=[scene.wire.pk]) in html


def test_edit_form_is_a_fragment_for_htmx(editor_client, scene):
    response = editor_client.get(
        reverse("articles:article_edit", args=[scene.wire.pk]), headers=HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert 'id="article-header"' in html and "Save corrections" in html


def test_edit_form_varies_on_htmx(editor_client, scene):
    response = editor_client.get(reverse("articles:article_edit", args=[scene.wire.pk]))
    assert "HX-Request" in response["Vary"]


def test_article_page_links_editors_to_the_form_but_not_readers(client, scene):
    url = reverse("articles:article_edit", args=[scene.wire.pk])
    assert url not in client.get(scene.wire.get_absolute_url()).content.decode()
    client.force_login(make_editor())
    assert (
        f'hx-get="{url}" hx-target="#article-header"'
        in client.get(scene.wire.get_absolute_url()).content.decode()
    )


# ----------------------------------------------------------------------------- corrections


CORRECTIONS = {
    "title": ({"title": "Twenty countries cut fertiliser tariffs"}, "title"),
    "dateline": ({"dateline": "BERN"}, "dateline"),
    "byline": ({"byline": "Jane Doe"}, "byline"),
    "precision": ({"published_precision": "day", "published_time": ""}, "published_precision"),
}


@pytest.mark.parametrize("name", CORRECTIONS)
def test_each_detail_is_corrected_recorded_and_undone(editor_client, scene, name):
    changes, field = CORRECTIONS[name]
    before = getattr(fresh(scene.wire), field)
    response = post_details(editor_client, scene.wire, changes)
    assert response.status_code == 302
    assert getattr(fresh(scene.wire), field) != before
    edit = Edit.objects.get(action=Edit.Action.CORRECT_ARTICLE)
    assert edit.target_id == scene.wire.pk and edit.changes()
    undo_last(editor_client, scene.wire)
    assert getattr(fresh(scene.wire), field) == before


def test_a_new_headline_is_found_by_search(editor_client, scene):
    post_details(editor_client, scene.wire, {"title": "Zanzibar accord"})
    assert list(Article.objects.search("zanzibar")) == [fresh(scene.wire)]


def test_the_outlet_is_corrected_and_undone(editor_client, scene):
    afp = scene.agency.outlet
    post_details(editor_client, scene.wire, {"outlet": "afp"})  # a short name, any case
    assert fresh(scene.wire).outlet == afp
    undo_last(editor_client, scene.wire)
    assert fresh(scene.wire).outlet == scene.wire.outlet


def test_a_new_date_a_year_away_takes_the_article_out_of_its_story(editor_client, scene):
    groups_before = set(scene.wire.quotes.values_list("group_id", flat=True))
    response = post_details(
        editor_client, scene.wire, {"published": "2024-03-11", "published_time": "08:00"}
    )
    assert response.status_code == 302
    wire = fresh(scene.wire)
    assert wire.published_at == on_day(datetime.date(2024, 3, 11), 8)
    assert wire.story_id != scene.story.pk
    assert wire.story.start_date == datetime.date(2024, 3, 11)
    assert not wire.story_locked  # placed by the matcher, not by an editor
    assert "placed in another story" in Edit.objects.get().summary
    undo_last(editor_client, scene.wire)
    wire = fresh(scene.wire)
    assert wire.story_id == scene.story.pk
    assert wire.published_at == scene.wire.published_at
    assert set(wire.quotes.values_list("group_id", flat=True)) == groups_before


def test_a_new_outlet_places_the_article_again(editor_client, scene):
    # A misplacement the reading made: next year's article filed with this year's story.
    Article.objects.filter(pk=scene.later.pk).update(story=scene.story)
    post_details(editor_client, scene.later, {"outlet": "AFP"})
    assert fresh(scene.later).story_id != scene.story.pk


def test_an_article_an_editor_placed_keeps_its_story_when_its_date_changes(editor_client, scene):
    Article.objects.filter(pk=scene.wire.pk).update(story_locked=True)
    post_details(editor_client, scene.wire, {"published": "2024-03-11", "published_time": "08:00"})
    assert fresh(scene.wire).story_id == scene.story.pk
    scene.story.refresh_from_db()
    assert scene.story.end_date == datetime.date(2024, 3, 11)


def test_a_date_can_be_made_unknown(editor_client, scene):
    post_details(
        editor_client,
        scene.wire,
        {"published": "", "published_time": "", "published_precision": "unknown"},
    )
    wire = fresh(scene.wire)
    assert wire.published_at is None and wire.published_precision == "unknown"


def test_nothing_changed_is_not_recorded(editor_client, scene):
    response = post_details(editor_client, scene.wire, {}, headers=HTMX)
    assert response.status_code == 200 and "Nothing to change" in response.content.decode()
    assert not Edit.objects.exists()


def test_htmx_correction_answers_with_the_articles_header(editor_client, scene):
    response = post_details(editor_client, scene.wire, {"byline": "Jane Doe"}, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert 'id="article-header"' in html and "Jane Doe" in html
    assert "Corrected the byline" in html
    edit = Edit.objects.get()
    assert reverse("articles:undo_edit", args=[edit.pk]) in html


def test_htmx_correction_varies_on_htmx(editor_client, scene):
    response = post_details(editor_client, scene.wire, {"byline": "Jane Doe"}, headers=HTMX)
    assert "HX-Request" in response["Vary"]


def test_a_form_opened_before_someone_elses_correction_is_a_conflict(editor_client, scene):
    stale = details_of(scene.wire)
    post_details(editor_client, scene.wire, {"byline": "Jane Doe"})
    response = editor_client.post(
        reverse("articles:correct_article", args=[scene.wire.pk]), {**stale, "dateline": "BERN"}
    )
    assert response.status_code == 409
    assert "Someone corrected this article" in response.content.decode()
    assert fresh(scene.wire).dateline == "GENEVA"


BAD_INPUT = {
    "unknown outlet": ({"outlet": "Daily Nowhere"}, "There is no outlet"),
    "no outlet": ({"outlet": ""}, "This field is required"),
    "minute without time": ({"published_time": ""}, "Give the time"),
    "date of unknown precision": ({"published_precision": "unknown"}, "choose “to the day”"),
    "no date": ({"published": "", "published_precision": "day"}, "Give the date"),
    "not a date": ({"published": "14 Marchember"}, "Enter a valid date"),
    "too early": ({"published": "1850-01-01"}, "Give a date from"),
    "not a precision": ({"published_precision": "hour"}, "Select a valid choice"),
    "long title": ({"title": "x" * 501}, "at most 500"),
}


@pytest.mark.parametrize("case", BAD_INPUT)
def test_bad_input_is_refused_with_a_reason_and_nothing_changes(editor_client, scene, case):
    changes, reason = BAD_INPUT[case]
    before = details_of(scene.wire)
    response = post_details(editor_client, scene.wire, changes)
    assert response.status_code == 400
    assert reason in response.content.decode()
    assert details_of(fresh(scene.wire)) == before
    assert not Edit.objects.exists()


def test_refusal_for_htmx_is_the_form_with_the_editors_input(editor_client, scene):
    response = post_details(
        editor_client, scene.wire, {"outlet": "Daily Nowhere", "byline": "Jo"}, headers=HTMX
    )
    html = response.content.decode()
    assert response.status_code == 400 and "<html" not in html
    assert 'value="Daily Nowhere"' in html and 'value="Jo"' in html


# ----------------------------------------------------------------------------- permissions


def test_readers_cannot_open_or_send_the_form(client, scene):
    client.force_login(make_user("reader"))
    assert client.get(reverse("articles:article_edit", args=[scene.wire.pk])).status_code == 403
    assert post_details(client, scene.wire, {"title": "Mine"}).status_code == 403
    assert fresh(scene.wire).title == scene.wire.title


def test_anonymous_visitors_are_sent_to_log_in(client, scene):
    response = post_details(client, scene.wire, {"title": "Mine"})
    assert response.status_code == 302 and "/login" in response["Location"]
    response = post_details(client, scene.wire, {"title": "Mine"}, headers=HTMX)
    assert response.status_code == 401
    assert fresh(scene.wire).title == scene.wire.title


def test_editors_group_may_correct_articles(db):
    assert editors_group().permissions.filter(codename="change_article").exists()


# ----------------------------------------------------------------------------- untitled


def test_an_article_without_a_credible_headline_is_stored_untitled(db):
    article = make_article(UNTITLED, name="floods-2023.txt", outlet="Reuters")
    assert article.title == ""
    assert article.headline == "Untitled"


def test_untitled_article_is_shown_as_untitled(client, db):
    article = make_article(UNTITLED, name="floods-2023.txt", outlet="Reuters")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<title>Untitled" in html and ">Untitled</span></h1>" in html


def test_untitled_listing_links_each_to_its_headline_form(editor_client, scene):
    article = make_article(UNTITLED, name="floods-2023.txt", outlet="Reuters")
    response = editor_client.get(reverse("articles:untitled_articles"))
    html = response.content.decode()
    assert response.status_code == 200 and "<html" in html
    assert reverse("articles:article_edit", args=[article.pk]) in html
    assert "floods-2023.txt" in html
    assert scene.wire.get_absolute_url() not in html  # titled articles are not listed


def test_untitled_listing_is_a_fragment_for_htmx(editor_client, db):
    make_article(UNTITLED, name="floods-2023.txt", outlet="Reuters")
    response = editor_client.get(reverse("articles:untitled_articles"), headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html and "Give a headline" in html


def test_untitled_listing_varies_on_htmx(editor_client, db):
    response = editor_client.get(reverse("articles:untitled_articles"))
    assert "HX-Request" in response["Vary"]


def test_untitled_listing_is_linked_from_the_editors_bar(editor_client, scene):
    html = editor_client.get(reverse("articles:review_queue")).content.decode()
    assert reverse("articles:untitled_articles") in html


def test_untitled_listing_is_for_editors(client, db):
    client.force_login(make_user("reader"))
    assert client.get(reverse("articles:untitled_articles")).status_code == 403


def test_giving_an_untitled_article_a_headline_takes_it_off_the_list(editor_client, db):
    article = make_article(UNTITLED, name="floods-2023.txt", outlet="Reuters")
    post_details(editor_client, article, {"title": "Floods close mountain roads"})
    html = editor_client.get(reverse("articles:untitled_articles")).content.decode()
    assert reverse("articles:article_edit", args=[article.pk]) not in html


@pytest.mark.parametrize("size", [1, 8])
def test_untitled_listing_query_count_is_fixed(editor_client, django_assert_max_num_queries, size):
    for n in range(size):
        make_article(UNTITLED.replace("Monday", f"day {n}"), name=f"{n}.txt", outlet=f"O{n}")
    with django_assert_max_num_queries(6):
        response = editor_client.get(reverse("articles:untitled_articles"))
    assert response.content.decode().count("Give a headline") == size


@pytest.mark.parametrize("size", [1, 8])
def test_edit_page_query_count_is_fixed(editor_client, django_assert_max_num_queries, size):
    article = make_article(UNTITLED, name="floods.txt", outlet="Reuters")
    for n in range(size):
        Outlet.objects.create(name=f"Outlet {n}", short_name=f"O{n}")
        post_details(editor_client, article, {"byline": f"Reporter {n}"})
    with django_assert_max_num_queries(8):
        response = editor_client.get(reverse("articles:article_edit", args=[article.pk]))
    assert response.status_code == 200


# ----------------------------------------------------------------------------- inferred dates


def test_a_date_whose_year_was_inferred_is_stored_so(db):
    article = make_article(INFERRED, name="moscow.txt")
    assert article.published_inferred
    assert article.published_at.date() == datetime.date(2009, 12, 16)


def test_an_inferred_date_is_shown_as_inferred_on_the_article_and_story_pages(client, db):
    article = make_article(INFERRED, name="moscow.txt")
    for url in (article.get_absolute_url(), article.story.get_absolute_url()):
        assert "(year inferred)" in client.get(url).content.decode()


def test_a_date_the_editor_corrected_is_no_longer_inferred(editor_client, db):
    article = make_article(INFERRED, name="moscow.txt")
    post_details(editor_client, article, {"published": "2009-12-17"})
    assert not fresh(article).published_inferred
    assert Quote.objects.filter(article=article).exists()
