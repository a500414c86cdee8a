"""The review queue: unconfirmed quotes, least sure first, filtered and paginated."""

import pytest
from django.urls import reverse

from articles.models import Quote
from tests.helpers import AGENCY, HTMX, make_article, post_quote

pytestmark = pytest.mark.django_db


URL = reverse("articles:review_queue")


def rows(html: str) -> list[int]:
    return [int(part.split('"')[0]) for part in html.split('id="review-row-')[1:]]


def test_queue_lists_unreviewed_quotes_least_sure_first(editor_client, scene):
    post_quote(editor_client, "review_quote", scene.diallo, {"status": "confirmed"})
    Quote.objects.filter(pk=scene.fischer.pk).update(confidence=0.1)
    html = editor_client.get(URL).content.decode()
    listed = rows(html)
    assert scene.diallo.pk not in listed
    assert listed[0] == scene.fischer.pk
    confidences = [Quote.objects.get(pk=pk).confidence for pk in listed]
    assert confidences == sorted(confidences)
    assert f"{len(listed)} quotes waiting" in html


def test_queue_filters_by_story_outlet_and_speaker(editor_client, scene):
    by_outlet = rows(editor_client.get(URL, {"outlet": scene.agency.outlet.slug}).content.decode())
    assert by_outlet and set(by_outlet) == set(scene.agency.quotes.values_list("pk", flat=True))
    by_story = rows(editor_client.get(URL, {"story": scene.other_story.pk}).content.decode())
    assert set(by_story) == set(scene.later.quotes.values_list("pk", flat=True))
    person = scene.fischer.person
    by_speaker = rows(editor_client.get(URL, {"speaker": person.pk}).content.decode())
    assert set(by_speaker) == set(Quote.objects.filter(person=person).values_list("pk", flat=True))


def test_invalid_filters_are_a_clear_400(editor_client, scene):
    response = editor_client.get(URL, {"story": "abc", "outlet": "nope"})
    assert response.status_code == 400
    assert b"Those filters are not valid" in response.content


def test_queue_is_paginated_with_links_that_keep_the_filters(editor_client, db):
    for n in range(14):
        make_article(AGENCY.replace("farm groups", f"{n} groups"), name=f"{n}.txt", outlet=f"O{n}")
    assert Quote.objects.count() > 25
    html = editor_client.get(URL, {"speaker": ""}).content.decode()
    assert "Page 1 of 2" in html
    assert 'href="?speaker=&amp;page=2"' in html
    second = editor_client.get(URL, {"page": 2}).content.decode()
    assert len(rows(second)) == Quote.objects.count() - 25


def test_queue_fragment_for_htmx_and_vary_header(editor_client, scene):
    response = editor_client.get(URL, {"outlet": "afp"}, headers=HTMX)
    assert response.content.lstrip().startswith(b'<div id="queue"')
    assert "HX-Request" in editor_client.get(URL)["Vary"]


def test_confirming_from_the_queue_without_javascript_comes_back_to_the_queue(editor_client, scene):
    page = f"{URL}?outlet=afp"
    response = post_quote(
        editor_client, "review_quote", scene.diallo, {"status": "confirmed", "next": page}
    )
    assert response.status_code == 302 and response.url == page
    followed = editor_client.get(page).content.decode()
    assert "Confirmed the quote" in followed  # the message


def test_a_decision_on_a_row_someone_decided_meanwhile_shows_the_row_as_it_is_now(
    editor_client, scene
):
    post_quote(editor_client, "review_quote", scene.diallo, {"status": "confirmed"})
    response = editor_client.post(
        reverse("articles:review_quote", args=[scene.diallo.pk]),
        {"status": "rejected", "version": 1, "part": "row"},
        headers=HTMX,
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert html.lstrip().startswith(f'<tr id="review-row-{scene.diallo.pk}"')
    assert "Not saved." in html and "your change (reject it) was not saved" in html
    assert "status-confirmed" in html  # what the other decision made of it
    assert Quote.objects.get(pk=scene.diallo.pk).status == "confirmed"


def test_an_unsafe_next_address_is_ignored(editor_client, scene):
    response = post_quote(
        editor_client,
        "review_quote",
        scene.diallo,
        {"status": "confirmed", "next": "https://evil.example/"},
    )
    assert response.url == scene.diallo.get_edit_url()


@pytest.mark.parametrize("copies", [1, 8])
def test_queue_query_count_is_fixed(editor_client, django_assert_max_num_queries, copies):
    for n in range(copies):
        make_article(AGENCY.replace("farm groups", f"{n} groups"), name=f"{n}.txt", outlet=f"O{n}")
    # Log-in 4, the outlet filter, the count, the three filter lists, the page.
    with django_assert_max_num_queries(10):
        response = editor_client.get(URL, {"outlet": "o0"})
    assert response.status_code == 200
