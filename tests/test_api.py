"""The read-only JSON API (articles/api/): shapes, pagination, filters, permissions, queries."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from rest_framework.authtoken.models import Token

from articles.history import Change
from articles.models import (
    Article,
    Edit,
    Outlet,
    Person,
    Quote,
    StatementGroup,
    Story,
    editors_group,
)
from tests.helpers import AGENCY, WIRE, make_article, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("setup_demo")
    return Story.objects.get(articles__outlet__short_name="Xinhua")


@pytest.fixture
def editor(db):
    user = make_user("api-editor")
    user.groups.add(editors_group())
    return user


def get(client, name, *args, **params):
    response = client.get(reverse(f"api:{name}", args=args), params)
    assert response["Content-Type"] == "application/json", response.content[:200]
    return response


def results(client, name, *args, **params):
    response = get(client, name, *args, **params)
    assert response.status_code == 200, response.content[:300]
    return response.json()["results"]


def test_root_lists_every_endpoint(client):
    body = get(client, "api_root").json()
    assert set(body) == {"outlet", "story", "article", "quote", "statement", "person"} | {
        "review",
        "edit",
    }
    assert body["quote"].endswith("/api/quotes/")


def test_outlets_list_and_detail(client, demo):
    outlets = results(client, "outlet_list")  # a page of the known outlets, by name
    for slug in ("xinhua", "reuters", "al-jazeera"):
        assert get(client, "outlet_detail", slug).status_code == 200
    first = outlets[0]
    assert set(first) == {"id", "slug", "name", "short_name", "kind", "country", "homepage", "page"}
    detail = get(client, "outlet_detail", "xinhua").json()
    assert detail["name"] == "Xinhua" and detail["page"].endswith("/outlets/xinhua/")
    assert get(client, "outlet_detail", "nowhere").status_code == 404


def test_stories_have_counts_outlets_and_filter_by_date_outlet_and_speaker(client, demo):
    stories = results(client, "story_list")
    assert len(stories) == 2
    visit = next(s for s in stories if s["id"] == demo.pk)
    assert visit["article_count"] == 4 and visit["quote_count"] > 0
    assert [o["slug"] for o in visit["outlets"]][0] and len(visit["outlets"]) == 4
    assert visit["related"] and visit["start_date"] == str(demo.start_date)
    only_2009 = results(client, "story_list", date_from="2009-12-01", date_to="2009-12-31")
    assert [s["id"] for s in only_2009] == [demo.pk]
    assert [s["id"] for s in results(client, "story_list", outlet="xinhua")] == [demo.pk]
    medvedev = Person.objects.get(name="Dmitry Medvedev")
    assert [s["id"] for s in results(client, "story_list", speaker=medvedev.pk)] == [demo.pk]
    assert get(client, "story_detail", demo.pk).json()["title"] == demo.title


def test_articles_filter_by_story_outlet_dates_and_words(client, demo):
    articles = results(client, "article_list", story=demo.pk)
    assert len(articles) == 4
    assert set(articles[0]) == {
        "id",
        "story_id",
        "outlet",
        "title",
        "dateline",
        "byline",
        "published",
        "published_precision",
        "page",
    }
    assert [a["outlet"]["slug"] for a in results(client, "article_list", outlet="xinhua")] == [
        "xinhua"
    ]
    assert len(results(client, "article_list", date_from="2010-01-01")) == 1
    assert results(client, "article_list", q="helicopters")
    assert not results(client, "article_list", q="zeppelin")
    detail = get(client, "article_detail", articles[0]["id"]).json()
    assert detail["paragraphs"][0]["text"] and "original" not in detail


def test_quotes_filter_like_the_pages(client, demo):
    quotes = results(client, "quote_list", story=demo.pk, page_size=200)
    assert len(quotes) == Quote.objects.visible().filter(article__story=demo).count()
    first = quotes[0]
    for key in ("text", "speaker", "speaker_id", "outlet", "story_id", "statement_id", "tags"):
        assert key in first
    medvedev = Person.objects.get(name="Dmitry Medvedev")
    by_him = results(client, "quote_list", speaker=medvedev.pk)
    assert by_him and all(q["speaker"] == "Dmitry Medvedev" for q in by_him)
    assert {q["outlet"] for q in results(client, "quote_list", outlet="reuters")} == {"reuters"}
    assert results(client, "quote_list", q="Afghanistan")
    assert not results(client, "quote_list", q="zeppelin")
    assert not results(client, "quote_list", date_to="2009-01-01")
    group = StatementGroup.objects.filter(story=demo).first()
    in_group = results(client, "quote_list", statement=group.pk)
    assert {q["statement_id"] for q in in_group} == {group.pk}
    assert get(client, "quote_detail", first["id"]).json()["id"] == first["id"]


def test_bad_filters_are_a_400_naming_the_field(client, demo):
    response = get(client, "quote_list", speaker="someone", date_from="1066-10-14")
    assert response.status_code == 400
    assert {"speaker", "date_from"} <= set(response.json())


def test_lists_are_paginated(client, demo):
    total = Quote.objects.visible().count()
    response = get(client, "quote_list", page_size=5)
    body = response.json()
    assert body["count"] == total and len(body["results"]) == 5
    assert body["previous"] is None and "page=2" in body["next"]
    second = client.get(body["next"]).json()
    assert not {q["id"] for q in second["results"]} & {q["id"] for q in body["results"]}
    assert get(client, "quote_list", page=999).status_code == 404
    assert len(results(client, "quote_list", page_size=10_000)) == min(total, 200)


def test_statements_say_which_outlets_carried_each_and_which_left_it_out(client, demo):
    statements = results(client, "statement_list", story=demo.pk, page_size=200)
    shared = [s for s in statements if len(s["outlets"]) > 1]
    assert len(shared) == 4
    for statement in statements:
        assert len(statement["outlets"]) + len(statement["not_reported_by"]) == 4
        assert {m["outlet"] for m in statement["members"]} == set(statement["outlets"])
    assert any(m["diff"] for s in shared for m in s["members"])
    detail = get(client, "statement_detail", shared[0]["id"]).json()
    assert detail == shared[0]
    carried = results(client, "statement_list", story=demo.pk, outlet="xinhua", page_size=200)
    assert carried and all("xinhua" in s["outlets"] for s in carried)


def test_people_by_name_or_alias_and_by_story(client, demo):
    found = results(client, "person_list", q="rasmussen")
    assert [p["name"] for p in found] == ["Anders Fogh Rasmussen"]
    assert "aliases" in found[0]
    quoted = {p["name"] for p in results(client, "person_list", story=demo.pk)}
    assert {"Anders Fogh Rasmussen", "Dmitry Medvedev"} <= quoted
    assert get(client, "person_detail", found[0]["id"]).json()["name"] == "Anders Fogh Rasmussen"


def reject(quote: Quote, user) -> None:
    change = Change(quotes=[quote.pk], groups=[quote.group_id])
    quote.review(Quote.Status.REJECTED)
    change.record(user, Edit.Action.REVIEW, quote, "rejected")


def test_readers_do_not_get_rejected_quotes_editors_do(client, demo, editor):
    quote = Quote.objects.filter(article__story=demo).first()
    reject(quote, editor)
    assert get(client, "quote_detail", quote.pk).status_code == 404
    reader_ids = {q["id"] for q in results(client, "quote_list", story=demo.pk, page_size=200)}
    assert quote.pk not in reader_ids
    client.force_login(editor)
    rejected = results(client, "quote_list", status="rejected")
    assert [q["id"] for q in rejected] == [quote.pk]


def test_editors_data_needs_an_editors_session_or_token(client, demo, editor):
    for name in ("review_list", "edit_list"):
        response = get(client, name)
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Token"
    client.force_login(make_user("plain-reader"))
    assert get(client, "review_list").status_code == 403
    client.logout()
    client.force_login(editor)
    queue = results(client, "review_list", story=demo.pk)
    assert queue and all(q["status"] == "unreviewed" for q in queue)
    confidences = [q["confidence"] for q in queue]
    assert confidences == sorted(confidences)
    client.logout()
    token = Token.objects.create(user=editor)
    headers = {"Authorization": f"Token {token.key}"}
    response = client.get(reverse("api:review_list"), headers=headers)
    assert response.status_code == 200
    bad = client.get(reverse("api:quote_list"), headers={"Authorization": "Token nonsense"})
    assert bad.status_code == 401


def test_edit_history_for_editors_filtered_by_quote(client, demo, editor):
    quote = Quote.objects.filter(article__story=demo).first()
    reject(quote, editor)
    client.force_login(editor)
    edits = results(client, "edit_list", quote=quote.pk)
    assert len(edits) == 1
    edit = edits[0]
    assert edit["user"] == "api-editor" and edit["action"] == "review"
    assert quote.pk in edit["quote_ids"] and "before" in edit and "after" in edit
    assert not results(client, "edit_list", quote=quote.pk + 10_000)


def test_api_is_read_only(client, demo, editor):
    client.force_login(editor)
    url = reverse("api:quote_list")
    assert client.post(url, {}, content_type="application/json").status_code in (403, 405)
    assert client.delete(reverse("api:story_detail", args=[demo.pk])).status_code in (403, 405)


def test_api_responses_keep_the_content_security_policy(client, demo):
    response = client.get(reverse("api:story_list"))
    assert "default-src 'self'" in response["Content-Security-Policy"]


# ----------------------------------------------------------------------------- query counts


def coverage(copies: int) -> Story:
    """One story of 2 + copies articles, each outlet its own, with shared statements."""
    make_article(WIRE, name="wire.txt")
    make_article(AGENCY, name="afp.txt")
    for n in range(copies):
        text = WIRE.replace("20 countries", f"{21 + n} countries")
        make_article(text, name=f"copy{n}.txt", outlet=f"Outlet {n}")
    story = Story.objects.get()
    assert story.articles.count() == 2 + copies
    return story


ENDPOINTS = [
    ("api_root", None, {}),
    ("outlet_list", None, {}),
    ("outlet_detail", "outlet", {}),
    ("story_list", None, {}),
    ("story_list", None, {"outlet": "reuters", "date_from": "2023-01-01"}),
    ("story_detail", "story", {}),
    ("article_list", None, {}),
    ("article_list", None, {"story": "story", "q": "tariffs"}),
    ("article_detail", "article", {}),
    ("quote_list", None, {}),
    ("quote_list", None, {"story": "story", "speaker": "speaker", "tag": "none", "q": "cut"}),
    ("quote_detail", "quote", {}),
    ("statement_list", None, {}),
    ("statement_list", None, {"story": "story", "outlet": "reuters"}),
    ("statement_detail", "statement", {}),
    ("person_list", None, {}),
    ("person_list", None, {"q": "a", "story": "story"}),
    ("person_detail", "person", {}),
    ("review_list", None, {}),
    ("edit_list", None, {}),
    ("edit_list", None, {"quote": "quote"}),
]


@pytest.mark.parametrize("copies", [1, 6])
@pytest.mark.parametrize(("name", "arg", "params"), ENDPOINTS)
def test_api_query_count_is_fixed(
    client, editor, django_assert_max_num_queries, copies, name, arg, params
):
    story = coverage(copies)
    quote = Quote.objects.filter(article__story=story, person__isnull=False).first()
    for shown in Quote.objects.filter(article__story=story)[:3]:
        reject(shown, editor) if shown != quote else None
    objects = {
        "story": story.pk,
        "outlet": Outlet.objects.first().slug,
        "article": Article.objects.first().pk,
        "quote": quote.pk,
        "statement": StatementGroup.objects.filter(story=story).first().pk,
        "person": quote.person_id,
        "speaker": quote.person_id,
    }
    args = [objects[arg]] if arg else []
    params = {key: objects.get(value, value) for key, value in params.items()}
    client.force_login(editor)  # editors' endpoints too; the session costs its queries
    with django_assert_max_num_queries(9):
        response = client.get(reverse(f"api:{name}", args=args), params)
    assert response.status_code == 200, response.content[:300]
