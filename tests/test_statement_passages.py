"""A passage an outlet quoted in one piece holds several statements: it is linked to each
(Quote.also_in), and the statement pages show it there."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Quote, Story
from tests.helpers import make_article

pytestmark = pytest.mark.django_db

REUTERS = """Farm ministers agree to cut fertiliser tariffs

March 14, 2023 / 4:05 PM

GENEVA (Reuters) - Farm ministers from 20 countries agreed on Tuesday to cut tariffs
on fertiliser, after two days of talks in Geneva.

"We have agreed to halve the tariffs on fertiliser within two years," said Amina Diallo,
Senegal's agriculture minister, who chaired the talks.

Diallo said the cut would reach farms quickly. "Every farmer in our countries will feel the
difference by the next harvest," she told reporters.
"""

# The same two statements, quoted as one passage.
AFP = """Deal on fertiliser tariffs reached in Geneva

Published: 14/03/2023 18:30

GENEVA, March 14 (AFP) - Agriculture ministers from 20 countries meeting in Geneva agreed on
Tuesday to cut fertiliser tariffs, after two days of talks.

"We have agreed to halve the tariffs on fertiliser within two years. Every farmer in our
countries will feel the difference by the next harvest, and the poorest will feel it first,"
said Amina Diallo, Senegal's agriculture minister.
"""


def quote_starting(words: str) -> Quote:
    return Quote.objects.get(text__startswith=words)


def test_a_passage_is_linked_to_every_statement_it_holds_and_shown_there(client):
    make_article(REUTERS, name="reuters.txt")
    make_article(AFP, name="afp.txt")
    story = Story.objects.get()
    halve = quote_starting("We have agreed to halve the tariffs on fertiliser within two years,")
    farmer = quote_starting("Every farmer in our countries")
    passage = quote_starting("We have agreed to halve the tariffs on fertiliser within two years.")
    assert halve.group_id != farmer.group_id
    # The passage is in one of the two statements and linked to the other.
    groups = {passage.group_id, *passage.also_in.values_list("pk", flat=True)}
    assert groups == {halve.group_id, farmer.group_id}
    other = (groups - {passage.group_id}).pop()

    table = client.get(reverse("articles:story_statements", args=[story.pk])).content.decode()
    assert table.count("within a longer quote:") == 1
    assert "only one outlet" not in table  # both statements carried by both outlets
    panel = client.get(reverse("articles:statement_detail", args=[story.pk, other])).content
    assert b"Within longer quotes" in panel and b"the poorest will feel it first" in panel
    assert b"Not reported by" not in panel


def test_passages_cost_no_query_each_on_the_statement_pages(client):
    # the statements table and the panel of the statement held in passages: one passage, then four
    make_article(REUTERS, name="reuters.txt")
    make_article(AFP, name="afp.txt")
    story = Story.objects.get()
    passage = quote_starting("We have agreed to halve the tariffs on fertiliser within two years.")
    held = passage.also_in.get().pk
    urls = [
        reverse("articles:story_statements", args=[story.pk]),
        reverse("articles:statement_detail", args=[story.pk, held]),
    ]

    def counts():
        found = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200, url
            found.append(len(queries))
        return found

    counts()  # the outlet catalogue, read once
    one = counts()
    for n in range(3):
        make_article(AFP.replace("two days", f"{n + 3} days"), name=f"{n}.txt", outlet=f"O{n}")
    assert Quote.objects.filter(also_in=held).count() == 4
    assert counts() == one


def test_a_statement_starting_after_the_passage_is_linked_to_it():
    make_article(AFP, name="afp.txt")
    make_article(REUTERS, name="reuters.txt")
    passage = quote_starting("We have agreed to halve the tariffs on fertiliser within two years.")
    halve = quote_starting("We have agreed to halve the tariffs on fertiliser within two years,")
    farmer = quote_starting("Every farmer in our countries")
    # One of Reuters' two quotes joins the passage's statement; the other, which the one
    # quote per article rule keeps out of it, starts its own with the passage linked to it.
    assert passage.group_id in {halve.group_id, farmer.group_id}
    alone = farmer if halve.group_id == passage.group_id else halve
    assert list(passage.also_in.values_list("pk", flat=True)) == [alone.group_id]


def test_a_moved_article_takes_no_links_into_its_new_story():
    make_article(REUTERS, name="reuters.txt")
    afp = make_article(AFP, name="afp.txt")
    passage = quote_starting("We have agreed to halve the tariffs on fertiliser within two years.")
    assert passage.also_in.exists()
    elsewhere = Story.objects.create(title="Another story")
    afp.move_to(elsewhere)
    assert not passage.also_in.exists()
    assert Quote.also_in.through.objects.count() == 0
