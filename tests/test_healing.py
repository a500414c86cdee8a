"""Stories that heal: one event's reports meet in one story whatever order they come in."""

import random

import pytest

from articles.coverage import healing
from articles.imports import import_file
from articles.models import Article, Story
from tests.helpers import ROOT, make_article

pytestmark = pytest.mark.django_db

DEMO = ROOT / "articles" / "demo"
VISIT_2009 = ["000", "001", "002", "004"]  # Xinhua, Reuters, RFE/RL, Al Jazeera (undated)
VISIT_2010 = "003"


def import_demo(order: list[str]) -> dict[str, Article]:
    imported = {}
    for number in order:
        path = next(DEMO.glob(f"{number}_*.txt"))
        report = import_file(path.name, path.read_bytes())
        if report.status == "needs_outlet":
            report = import_file(path.name, path.read_bytes(), outlet="Unnamed outlet")
        assert report.article is not None, report.message
        imported[number] = report.article
    return {number: Article.objects.get(pk=a.pk) for number, a in imported.items()}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_folder_of_one_visits_coverage_in_any_order_gives_one_story_with_a_headline(seed):
    order = [*VISIT_2009, VISIT_2010]
    random.Random(seed).shuffle(order)
    articles = import_demo(order)
    stories = {number: article.story_id for number, article in articles.items()}
    assert len({stories[number] for number in VISIT_2009}) == 1
    assert stories[VISIT_2010] != stories[VISIT_2009[0]]
    title = Story.objects.get(pk=stories["000"]).title
    assert title in {article.title for article in articles.values()}


def test_an_undated_report_placed_with_the_next_years_visit_moves_to_its_own():
    articles = import_demo([VISIT_2010, "004", "000", "001", "002"])
    assert articles["004"].story_id == articles["000"].story_id
    assert articles[VISIT_2010].story_id != articles["000"].story_id


def test_stories_an_editor_placed_an_article_in_are_never_merged_away():
    first = make_article(name="first.txt")
    Article.objects.filter(pk=first.pk).update(story_locked=True)
    other = Story.objects.create(title="Another part")
    Article.objects.filter(pk=first.pk).update(story=other)
    assert healing.editor_decided([other.pk]) == {other.pk}
    assert healing.editor_decided([first.story_id]) == set()
