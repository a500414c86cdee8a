import pytest
from django.core.management import call_command
from django.db.models import Count
from django.urls import reverse
from django.utils.html import escape

from articles.models import Quote, Story
from tests.helpers import AGENCY, WIRE, make_article, make_copies_story
from tests.many_outlets import make_many_outlet_story

pytestmark = pytest.mark.django_db


def demo_story() -> Story:
    call_command("setup_demo")
    return Story.objects.get(articles__outlet__short_name="Xinhua")


def test_story_page_lists_each_outlet_as_a_column_with_highlighted_quotes(client):
    story = demo_story()
    html = client.get(story.get_absolute_url()).content.decode()
    for outlet in ("Xinhua", "Reuters", "RFE/RL", "Al Jazeera"):
        assert f">{outlet}</a>" in html and f"Remove {outlet}" in html
    assert html.count('class="column"') == 4
    assert 'class="quote shared c' in html  # a statement several outlets carried
    assert "NATO head urges new start with Russia" in html  # the related 2010 story
    assert "wire agency" in html and "public broadcaster" in html


def test_outlet_choice_and_order_come_from_the_url(client):
    story = demo_story()
    html = client.get(story.get_absolute_url(), {"outlets": "al-jazeera,xinhua"}).content.decode()
    assert html.count('class="column"') == 2
    assert html.index('data-outlet="al-jazeera"') < html.index('data-outlet="xinhua"')
    assert "Add Reuters" in html and "Remove Xinhua" in html


def test_unknown_or_empty_outlet_choice_gives_a_clear_page(client):
    story = demo_story()
    response = client.get(story.get_absolute_url(), {"outlets": "nonsense,<script>"})
    assert response.status_code == 200
    assert b"No outlet chosen" in response.content


def test_story_fragment_for_htmx_is_the_comparison_only(client):
    story = demo_story()
    response = client.get(
        story.get_absolute_url(), {"outlets": "xinhua"}, headers={"HX-Request": "true"}
    )
    assert b"<html" not in response.content
    assert response.content.lstrip().startswith(b'<div id="comparison"')


def test_story_page_varies_on_htmx_header(client):
    story = demo_story()
    assert "HX-Request" in client.get(story.get_absolute_url())["Vary"]


def test_history_restore_request_gets_the_full_page(client):
    story = demo_story()
    response = client.get(
        story.get_absolute_url(),
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert b"<html" in response.content


@pytest.mark.parametrize("copies", [1, 5])
def test_story_page_query_count_is_fixed(client, django_assert_max_num_queries, copies):
    story = make_copies_story(copies)
    with django_assert_max_num_queries(10):
        assert client.get(story.get_absolute_url()).status_code == 200


def test_statement_panel_marks_the_differences_against_the_fullest(client):
    story = demo_story()
    reuters = Quote.objects.get(text__startswith="I have invited Russia to strengthen")
    url = reverse("articles:statement_detail", args=[story.pk, reuters.group_id])
    html = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in html
    # One wording is the fullest; the other's difference against it is marked.
    marked = {
        ("step up its</del>" in html and "strengthen Russia’s</ins>" in html),
        ("strengthen Russia’s</del>" in html and "step up its</ins>" in html),
    }
    assert True in marked
    assert "Not reported by: Al Jazeera, RFE/RL" in html
    full_page = client.get(url).content.decode()
    assert "<html" in full_page and "One statement, as each outlet reported it" in full_page


def test_statements_view_has_a_row_per_statement_and_marks_what_was_left_out(client):
    story = demo_story()
    url = reverse("articles:story_statements", args=[story.pk])
    html = client.get(url).content.decode()
    assert "not reported" in html
    assert "only one outlet" in html
    assert "Outlets that carried none of a speaker" in html
    medvedev = Quote.objects.filter(person__name="Dmitry Medvedev").first().person
    filtered = client.get(url, {"speaker": medvedev.pk}).content.decode()
    assert "Disagreements should not overshadow" not in filtered
    assert "stronger and more productive" in filtered
    fragment = client.get(url, {"speaker": medvedev.pk}, headers={"HX-Request": "true"})
    assert b"<html" not in fragment.content and b'id="statements-table"' in fragment.content
    assert "HX-Request" in client.get(url)["Vary"]


@pytest.mark.parametrize("copies", [1, 5])
def test_statements_view_query_count_is_fixed(client, django_assert_max_num_queries, copies):
    make_article(WIRE, name="wire.txt")
    for n in range(copies):
        make_article(
            AGENCY.replace("farm groups", f"{n} farm groups"),
            name=f"a{n}.txt",
            outlet=f"Outlet {n}",
        )
    story = Story.objects.get()
    with django_assert_max_num_queries(6):
        client.get(reverse("articles:story_statements", args=[story.pk]))


def test_person_page_groups_quotes_by_statement_with_outlets(client):
    demo_story()
    rasmussen = Quote.objects.filter(person__name="Anders Fogh Rasmussen").first().person
    html = client.get(rasmussen.get_absolute_url()).content.decode()
    # Both visits, each under its story's title (the most central of its headlines).
    for title in Story.objects.values_list("title", flat=True):
        assert escape(title) in html
    assert "compare wordings" in html


def test_statement_page_varies_on_htmx_header(client):
    story = demo_story()
    group = story.statements.first()
    url = reverse("articles:statement_detail", args=[story.pk, group.pk])
    assert "HX-Request" in client.get(url)["Vary"]


def test_statement_of_another_story_is_a_404(client):
    story = demo_story()
    other = Story.objects.exclude(pk=story.pk).get()
    group = story.statements.first()
    assert (
        client.get(reverse("articles:statement_detail", args=[other.pk, group.pk])).status_code
        == 404
    )


@pytest.mark.parametrize("copies", [1, 5])
def test_statement_person_and_outlet_pages_query_counts_are_fixed(
    client, django_assert_max_num_queries, copies
):
    make_article(WIRE, name="wire.txt")
    for n in range(copies):
        make_article(
            AGENCY.replace("farm groups", f"{n} farm groups"), name=f"a{n}.txt", outlet="AFP"
        )
    quote = Quote.objects.filter(group__isnull=False, person__isnull=False).first()
    urls = [
        reverse("articles:statement_detail", args=[quote.group.story_id, quote.group_id]),
        quote.person.get_absolute_url(),
        reverse("articles:outlet_detail", args=["afp"]),
    ]
    for url in urls:
        with django_assert_max_num_queries(6):
            assert client.get(url).status_code == 200, url


def test_many_outlets_one_chip_and_one_tab_per_outlet_leading_to_its_first_column(client):
    story = make_many_outlet_story(10)
    html = client.get(story.get_absolute_url()).content.decode()
    assert html.count('class="column"') == 11  # one outlet ran two articles
    assert "Outlets shown (10 of 10)" in html
    facts = html.split('class="outlet-facts"')[1].split("</ul>")[0]
    assert facts.count(">Reuters</a>") == 1  # two articles, listed once
    tabs = html.split('class="column-tabs"')[1].split("</nav>")[0]
    assert tabs.count("<a ") == 10
    first = story.articles.filter(outlet__name="Reuters").order_by("published_at", "pk").first()
    assert f'href="#col-{first.pk}" data-column="col-{first.pk}" data-outlet="reuters"' in tabs
    assert 'class="strip-bar' in html and 'class="sheet-close' in html


def test_speaker_labels_are_not_part_of_the_text(client):
    story = demo_story()
    html = client.get(story.get_absolute_url()).content.decode()
    assert '<span class="who" data-label="Rasmussen"></span>I have invited' in html


def test_a_statement_of_one_article_has_no_fullest_or_legend(client):
    story = demo_story()
    single = (
        Quote.objects.filter(article__story=story, group__isnull=False)
        .values("group_id")
        .annotate(n=Count("id"))
        .filter(n=1)
        .order_by("group_id")
        .first()
    )
    url = reverse("articles:statement_detail", args=[story.pk, single["group_id"]])
    html = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "Reported by one article only" in html
    assert "fullest" not in html and "<del>" not in html


@pytest.mark.parametrize("outlets", [3, 12])
def test_story_page_query_count_is_fixed_for_many_outlets(
    client, django_assert_max_num_queries, outlets
):
    story = make_many_outlet_story(outlets)
    with django_assert_max_num_queries(10):
        assert client.get(story.get_absolute_url()).status_code == 200


UNSURE = '<span class="who unsure" data-label="Rasmussen" title="Speaker uncertain'
UNSURE_MARK = '<abbr class="unsure-mark" title="Speaker uncertain'


@pytest.mark.parametrize("copies", [1, 5])
def test_unsure_speaker_marks_cost_no_query_per_quote(
    client, django_assert_max_num_queries, copies
):
    story = make_copies_story(copies)
    unsure = Quote.objects.filter(article__story=story, person__isnull=False)
    assert unsure.update(confidence=Quote.UNSURE_BELOW - 0.1)
    with django_assert_max_num_queries(10):
        html = client.get(story.get_absolute_url()).content.decode()
    assert html.count('class="who unsure"') == unsure.count()
    with django_assert_max_num_queries(6):
        html = client.get(reverse("articles:story_statements", args=[story.pk])).content.decode()
    assert UNSURE_MARK in html


def test_a_speaker_the_reading_was_unsure_of_is_marked_until_an_editor_settles_it(client):
    story = demo_story()
    invited = Quote.objects.filter(text__startswith="I have invited Russia")
    group = invited.first().group_id
    page, statements = (
        story.get_absolute_url(),
        reverse("articles:story_statements", args=[story.pk]),
    )
    statement = reverse("articles:statement_detail", args=[story.pk, group])
    html = client.get(page).content.decode()
    assert UNSURE not in html and UNSURE_MARK not in client.get(statement).content.decode()

    invited.update(confidence=Quote.UNSURE_BELOW - 0.1)  # every outlet's reading unsure
    html = client.get(page).content.decode()
    assert f'{UNSURE}: the reading was not sure who said this"></span>I have invited' in html
    assert html.count('class="who unsure"') == invited.count()
    assert UNSURE_MARK in client.get(statement).content.decode()
    row = client.get(statements).content.decode().split("I have invited")[0].rsplit("<tr", 1)[1]
    assert "Anders Fogh Rasmussen</a> " + UNSURE_MARK in row

    invited.update(status=Quote.Status.CONFIRMED)  # an editor confirmed: no longer marked
    assert "who unsure" not in client.get(page).content.decode()
    assert UNSURE_MARK not in client.get(statement).content.decode()
