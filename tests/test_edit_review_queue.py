"""The review queue: unconfirmed quotes, least sure first, filtered and paginated."""

import pytest
from django.urls import reverse

from articles.models import Edit, Quote
from tests.helpers import AGENCY, HTMX, WIRE, make_article, post_quote

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
    assert f"<strong>{len(listed)}</strong> quotes waiting" in html


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
    # Log-in 4, the outlet filter, the count, the three filter lists, the page, the page's
    # paragraphs (each quote in its sentence).
    with django_assert_max_num_queries(11):
        response = editor_client.get(URL, {"outlet": "o0"})
    assert response.status_code == 200


# ----------------------------------------------------------------------------- in its sentence


def test_each_quote_is_shown_in_its_sentence_with_the_attribution(editor_client, scene):
    html = editor_client.get(URL).content.decode()
    row = html.split(f'id="review-row-{scene.diallo.pk}"')[1].split("</tr>")[0]
    assert "<mark>We have agreed to halve the tariffs on fertiliser" in row
    assert "said Amina Diallo, Senegal&#x27;s agriculture minister, who chaired the talks." in row
    # An attribution in the sentence before the quote is taken along.
    ferreira = html.split(f'id="review-row-{scene.ferreira.pk}"')[1].split("</tr>")[0]
    assert "Ferreira told reporters." in ferreira


def test_the_page_lists_its_keyboard_shortcuts(editor_client, scene):
    html = editor_client.get(URL).content.decode()
    keys = html.split('id="review-keys"')[1].split("</p>")[0]
    for word in ("next", "previous", "confirm", "reject", "select", "undo"):
        assert word in keys
    assert "js/review.js" in html


# ----------------------------------------------------------------------------- as you work


def test_a_decision_on_a_row_sends_the_new_count_and_an_undo(editor_client, scene):
    waiting = Quote.objects.unreviewed().count()
    response = post_quote(
        editor_client,
        "review_quote",
        scene.diallo,
        {"status": "confirmed", "part": "row", "next": URL},
        headers=HTMX,
    )
    html = response.content.decode()
    assert html.lstrip().startswith(f'<tr id="review-row-{scene.diallo.pk}"')
    assert 'id="queue-count"' in html and 'hx-swap-oob="true"' in html
    assert f"<strong>{waiting - 1}</strong> quote" in html
    edit = Edit.objects.get()
    assert reverse("articles:undo_edit", args=[edit.pk]) in html
    # The undo answers with the row again, waiting, and the count back up.
    undone = editor_client.post(
        reverse("articles:undo_edit", args=[edit.pk]),
        {"quote": scene.diallo.pk, "part": "row", "next": URL},
        headers=HTMX,
    ).content.decode()
    assert "is-unreviewed" in undone and f"<strong>{waiting}</strong> quote" in undone


def test_the_count_follows_the_queues_filters(editor_client, scene):
    afp = f"{URL}?outlet={scene.agency.outlet.slug}"
    waiting = Quote.objects.unreviewed().filter(article=scene.agency).count()
    quote = scene.agency.quotes.first()
    html = post_quote(
        editor_client,
        "review_quote",
        quote,
        {"status": "rejected", "part": "row", "next": afp},
        headers=HTMX,
    ).content.decode()
    assert f"<strong>{waiting - 1}</strong> quote" in html


def test_several_quotes_are_confirmed_at_once_in_one_undoable_edit(editor_client, scene):
    chosen = [scene.diallo, scene.ferreira, scene.fischer]
    data = {"quotes": [q.pk for q in chosen], "status": "confirmed", "next": URL}
    data |= {f"version-{q.pk}": q.version for q in chosen}
    response = editor_client.post(reverse("articles:review_many"), data, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and html.lstrip().startswith('<div id="queue"')
    assert "Confirmed 3 quotes." in html
    assert {q.status for q in Quote.objects.filter(pk__in=data["quotes"])} == {"confirmed"}
    edit = Edit.objects.get()
    assert edit.summary.startswith("Confirmed 3 quotes at once: “We have agreed")
    assert set(edit.quote_ids) == set(data["quotes"])
    # One undo takes all three back, and answers with the queue.
    undone = editor_client.post(
        reverse("articles:undo_edit", args=[edit.pk]),
        {"part": "queue", "next": URL},
        headers=HTMX,
    )
    assert undone.content.lstrip().startswith(b'<div id="queue"')
    assert {q.status for q in Quote.objects.filter(pk__in=data["quotes"])} == {"unreviewed"}


def test_a_quote_changed_meanwhile_is_left_out_of_a_decision_on_several(editor_client, scene):
    post_quote(editor_client, "review_quote", scene.fischer, {"status": "rejected"})
    data = {
        "quotes": [scene.diallo.pk, scene.fischer.pk],
        "status": "confirmed",
        f"version-{scene.diallo.pk}": scene.diallo.version,
        f"version-{scene.fischer.pk}": scene.fischer.version,  # stale: it was rejected since
    }
    response = editor_client.post(reverse("articles:review_many"), data)
    assert response.status_code == 302
    assert Quote.objects.get(pk=scene.fischer.pk).status == "rejected"
    assert Quote.objects.get(pk=scene.diallo.pk).status == "confirmed"
    followed = editor_client.get(response.url).content.decode()
    assert "Confirmed 1 quote. 1 changed meanwhile" in followed


def test_nothing_ticked_is_a_clear_refusal(editor_client, scene):
    response = editor_client.post(
        reverse("articles:review_many"), {"status": "confirmed", "next": URL}, headers=HTMX
    )
    assert response.status_code == 400 and b"Tick the quotes first." in response.content


@pytest.mark.parametrize("copies, ticked", [(1, 3), (8, 12)])
def test_a_decision_on_several_has_a_fixed_query_count(
    editor_client, django_assert_max_num_queries, copies, ticked
):
    make_article(WIRE, name="first.txt")
    for n in range(copies):
        make_article(AGENCY.replace("farm groups", f"{n} groups"), name=f"{n}.txt", outlet=f"O{n}")
    chosen = list(Quote.objects.order_by("pk")[:ticked])
    assert len(chosen) == ticked
    data = {"quotes": [q.pk for q in chosen], "status": "confirmed", "next": URL}
    data |= {f"version-{q.pk}": q.version for q in chosen}
    # Log-in, the ticked quotes locked and read, the snapshots before and after, one claim,
    # one update and one reading of their statements, the edit, and the queue's page again:
    # 26, however many are ticked and whatever the queue holds.
    with django_assert_max_num_queries(26):
        response = editor_client.post(reverse("articles:review_many"), data, headers=HTMX)
    assert response.status_code == 200
    assert set(Quote.objects.filter(pk__in=data["quotes"]).values_list("status", flat=True)) == {
        "confirmed"
    }
