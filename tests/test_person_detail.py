"""The speaker page: what a person is quoted as saying, newest statement first, by story."""

import re

import pytest
from django.core.cache import caches

from articles.models import Quote, StatementGroup
from articles.views.reading import PERSON_STATEMENTS_PER_PAGE
from tests.helpers import make_scene

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


@pytest.fixture
def scene(db):
    return make_scene()


def add_statements(person, articles, count: int, *, grouped: bool = True) -> None:
    """`count` more statements by `person`, each carried by every one of `articles` (one story),
    numbered in the order made: "Statement 0.", "Statement 1."..."""
    for n in range(count):
        group = StatementGroup.objects.create(story=articles[0].story, speaker=person)
        Quote.objects.bulk_create(
            Quote(
                article=article,
                person=person,
                group=group if grouped else None,
                text=f"Statement {n}.",
                verb="said",
                start_paragraph=0,
                start_offset=0,
                end_paragraph=0,
                end_offset=1,
            )
            for article in articles
        )


def statements_on(html: str) -> list[str]:
    return re.findall(r"<blockquote>(.*?)</blockquote>", html, re.S)


def outlets_of(html: str) -> list[tuple[str, str]]:
    """(statement, "Carried by ..." line) for each statement on the page."""
    return re.findall(r"<blockquote>(.*?)</blockquote>\s*<p class=\"meta\">(.*?)</p>", html, re.S)


def test_person_page_lists_statements_by_story_with_the_outlets_that_carried_them(client, scene):
    diallo = scene.diallo.person
    html = client.get(diallo.get_absolute_url()).content.decode()
    assert "<html" in html and "Amina Diallo" in html
    assert len(statements_on(html)) == 2
    # Newest first: the statement of 2024 before that of 2023, each under its story.
    assert html.index("Farmers are already paying less") < html.index("We have agreed to halve")
    assert html.index(scene.other_story.title) < html.index(scene.story.title)
    [carried] = [line for text, line in outlets_of(html) if text.startswith("We have agreed")]
    assert "Reuters" in carried and "AFP" in carried and "compare wordings" in carried
    assert "Page 1 of" not in html  # one page: no page links


def test_person_page_hides_rejected_quotes(client, scene):
    Quote.objects.filter(pk=scene.diallo.pk).update(status=Quote.Status.REJECTED)
    html = client.get(scene.diallo.person.get_absolute_url()).content.decode()
    assert "We have agreed to halve" not in html
    assert "to halve the tariffs on fertiliser within two years" in html  # AFP's wording stays


def test_person_page_is_paginated_newest_statement_first(client, scene):
    diallo = scene.diallo.person
    add_statements(diallo, [scene.wire, scene.agency], PERSON_STATEMENTS_PER_PAGE + 10)
    url = diallo.get_absolute_url()
    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    newest = PERSON_STATEMENTS_PER_PAGE + 9
    shown = statements_on(first)
    assert shown[0].startswith("Farmers are already paying less")  # 2024
    assert shown[1:3] == [f"Statement {newest}.", f"Statement {newest - 1}."]
    assert len(statements_on(first)) == PERSON_STATEMENTS_PER_PAGE
    assert "62 statements, newest first" in first and "Page 1 of 2" in first
    assert 'href="?page=2" rel="next"' in first and "Newer" not in first
    # The rest, the first statement last; each statement keeps all its outlets on one page.
    assert statements_on(second)[-1].startswith("We have agreed to halve")
    assert len(statements_on(second)) == 62 - PERSON_STATEMENTS_PER_PAGE
    assert not set(statements_on(first)) & set(statements_on(second))
    for html in (first, second):
        for text, carried in outlets_of(html):
            if text.startswith("Statement"):
                assert "Reuters" in carried and "AFP" in carried, text
    assert 'href="?page=1" rel="prev"' in second and "Older" not in second


def test_quotes_in_no_statement_group_are_listed_one_by_one(client, scene):
    diallo = scene.diallo.person
    add_statements(diallo, [scene.wire, scene.agency], 2, grouped=False)
    html = client.get(diallo.get_absolute_url()).content.decode()
    assert statements_on(html).count("Statement 1.") == 2  # one per outlet's quote
    assert statements_on(html).count("Statement 0.") == 2


def test_an_odd_page_number_gives_a_page_not_an_error(client, scene):
    url = scene.diallo.person.get_absolute_url()
    for page in ("abc", "0", "-1", "99999", "1.5", "１"):
        response = client.get(url, {"page": page})
        assert response.status_code == 200, page
        assert "Farmers are already paying less" in response.content.decode()


def test_unknown_person_is_a_404(client, db):
    assert client.get("/people/999999/").status_code == 404


def test_person_page_fragment_and_vary_header(client, scene):
    diallo = scene.diallo.person
    add_statements(diallo, [scene.wire, scene.agency], PERSON_STATEMENTS_PER_PAGE)
    response = client.get(diallo.get_absolute_url(), {"page": 2}, headers=HTMX)
    fragment = response.content.decode()
    assert "<html" not in fragment and fragment.lstrip().startswith('<div id="person-statements"')
    assert "We have agreed to halve" in fragment and "Page 2 of 2" in fragment
    assert 'hx-get="?page=1"' in fragment and 'hx-target="#person-statements"' in fragment
    assert "HX-Request" in client.get(diallo.get_absolute_url())["Vary"]


@pytest.mark.parametrize("extra", [0, 3 * PERSON_STATEMENTS_PER_PAGE])
def test_person_page_query_count_does_not_grow_with_quotes(
    client, scene, django_assert_max_num_queries, extra
):
    diallo = scene.diallo.person
    add_statements(diallo, [scene.wire, scene.agency], extra // 2)
    add_statements(diallo, [scene.wire, scene.agency], extra // 2, grouped=False)
    for page in (1, 2, 4):
        # The person, their aliases, the count of statements, the page's statements, their quotes.
        with django_assert_max_num_queries(5):
            assert client.get(diallo.get_absolute_url(), {"page": page}).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_each_page_is_cached_apart(client, django_assert_num_queries):
    caches["pages"].clear()
    scene = make_scene()
    diallo = scene.diallo.person
    add_statements(diallo, [scene.wire, scene.agency], PERSON_STATEMENTS_PER_PAGE)
    url = diallo.get_absolute_url()
    pages = {page: client.get(url, {"page": page}).content for page in (1, 2)}
    assert pages[1] != pages[2]
    with django_assert_num_queries(1):  # the change stamp; the page itself from the cache
        assert client.get(url, {"page": 2}).content == pages[2]
    Quote.objects.filter(pk=scene.diallo.pk).update(status=Quote.Status.REJECTED)
    assert b"We have agreed to halve" not in client.get(url, {"page": 2}).content


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_page_links_swap_the_statements_in_place_and_back_restores_them(page, live_server):
    from axe_playwright_python.sync_playwright import Axe

    scene = make_scene()
    add_statements(scene.diallo.person, [scene.wire, scene.agency], PERSON_STATEMENTS_PER_PAGE)
    url = f"{live_server.url}{scene.diallo.person.get_absolute_url()}"
    page.goto(url)
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
    oldest = page.get_by_text("We have agreed to halve")
    assert oldest.count() == 0
    page.get_by_role("navigation", name="Statement pages").get_by_role("link", name="Older").click()
    page.wait_for_url("**?page=2")
    oldest.wait_for()
    assert page.locator("h1", has_text="Amina Diallo").count() == 1  # swapped in place
    page.go_back()
    page.get_by_text(f"Statement {PERSON_STATEMENTS_PER_PAGE - 1}.").wait_for()
    assert oldest.count() == 0
    assert page.errors == []


def test_a_surname_that_is_also_a_trade_stands_among_the_aliases_a_bare_title_does_not(client):
    from articles.models import Person

    person = Person.objects.create(name="James Baker")
    for alias in ("Baker", "Mr", "Secretary", "former US secretary of state"):
        person.aliases.create(alias=alias)

    html = client.get(person.get_absolute_url()).content.decode()
    api = client.get(f"/api/people/{person.pk}/").json()["aliases"]

    for shown in (re.findall(r'<span class="alias">([^<]+)</span>', html), api):
        assert "Baker" in shown and "former US secretary of state" in shown
        assert not {"Mr", "Secretary"} & set(shown)
