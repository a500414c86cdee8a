"""Stories that heal: one event's reports meet in one story whatever order they come in."""

import datetime
import io
import random

import pytest
from django.core.management import call_command

from articles import history, matching
from articles.coverage import healing, placement
from articles.imports import import_file
from articles.imports.running import link_new_stories
from articles.models import Article, Edit, Quote, Story
from tests.helpers import ROOT, make_article, make_editor

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


def test_importing_a_folder_of_one_visits_coverage_in_any_order_gives_one_story(tmp_path):
    # As a user would: a folder of the visit's reports (Al Jazeera's undated), in an order of
    # their own, through the import command (which heals and links after its batch).
    names = [next(DEMO.glob(f"{number}_*.txt")).name for number in VISIT_2009]
    for position, name in enumerate(random.Random(7).sample(names, len(names))):
        (tmp_path / f"{position}-{name}").write_bytes((DEMO / name).read_bytes())
    call_command("import_articles", str(tmp_path), outlet="Unnamed outlet", stdout=io.StringIO())
    articles = list(Article.objects.all())
    assert len(articles) == len(VISIT_2009)
    assert any(article.published_at is None for article in articles)
    (story,) = Story.objects.all()
    assert story.title in {article.title for article in articles}
    assert " and " not in story.title


def _split_unseen(article: Article) -> Story:
    """The article put in a story of its own, as if an import had started it there before
    the rest of its event came in (no editor's doing: nothing is locked)."""
    alone = Story.objects.create(title=article.title)
    Article.objects.filter(pk=article.pk).update(story=alone)
    placement.clear_caches()
    placement.note_started(alone.pk)
    return alone


def test_after_a_batch_a_story_started_apart_joins_its_event_recorded_and_undoable():
    articles = import_demo(VISIT_2009)
    story_id = articles["000"].story_id
    assert {article.story_id for article in articles.values()} == {story_id}
    alone = _split_unseen(articles["001"])
    versions = dict(Quote.objects.filter(article=articles["001"]).values_list("pk", "version"))
    assert versions

    link_new_stories()  # what a worker runs after its chunk of files

    joined = Article.objects.get(pk=articles["001"].pk)
    assert joined.story_id == story_id
    assert not joined.story_locked  # the import's doing: healing may move it again
    # Its quotes were regrouped: an editor's form opened before is refused, not applied.
    for pk, version in Quote.objects.filter(pk__in=versions).values_list("pk", "version"):
        assert version > versions[pk]
    assert not Story.objects.filter(pk=alone.pk).exists()
    edit = Edit.objects.get(action=Edit.Action.MERGE_STORIES)
    assert edit.user is None
    assert edit.summary.startswith("Automatically merged")

    history.undo(edit.pk, make_editor())

    # Undone by an editor: the article is back in its story, and stays there.
    moved_back = Article.objects.get(pk=articles["001"].pk)
    assert moved_back.story_id == alone.pk
    assert moved_back.story_locked
    placement.note_started(alone.pk)
    link_new_stories()
    assert Article.objects.get(pk=articles["001"].pk).story_id == alone.pk


def test_a_story_started_alone_is_looked_at_again_after_the_next_batches_too():
    # Its own batch's look came before its event's story had grown to fit it (the first
    # look is used up here with nothing to join): a later batch's look still finds it.
    articles = import_demo(VISIT_2009)
    alone = _split_unseen(articles["001"])
    assert placement.take_started() == [alone.pk]
    link_new_stories()  # after the next batch
    assert Article.objects.get(pk=articles["001"].pk).story_id == articles["000"].story_id
    # Looked at STARTED_LOOKS times in all, then no more.
    other = _split_unseen(articles["002"])
    for _ in range(placement.STARTED_LOOKS):
        assert other.pk in placement.take_started()
    assert placement.take_started() == []


def test_healing_never_merges_a_story_an_editor_split():
    articles = import_demo(VISIT_2009)
    story = Story.objects.get(pk=articles["000"].story_id)
    split = story.split([Article.objects.get(pk=articles["001"].pk)])  # an editor's split
    placement.note_started(split.pk)
    link_new_stories()
    assert Article.objects.get(pk=articles["001"].pk).story_id == split.pk
    assert not Edit.objects.filter(action=Edit.Action.MERGE_STORIES).exists()


def test_an_undated_report_shows_a_date_inferred_from_its_story(client):
    articles = import_demo(VISIT_2009)
    undated = articles["004"]  # Al Jazeera's page gives no date
    assert undated.published_at is None
    story = Story.objects.get(pk=undated.story_id)
    assert story.start_date is not None
    inferred = Article.objects.select_related("story").get(pk=undated.pk).date_from_story()
    assert story.start_date <= inferred <= story.end_date + datetime.timedelta(days=1)
    page = client.get(undated.get_absolute_url()).content.decode()
    assert "(date inferred from its story)" in page
    assert f'datetime="{inferred:%Y-%m-%d}"' in page
    # A dated report shows its own date, nothing inferred.
    dated = client.get(articles["000"].get_absolute_url()).content.decode()
    assert "inferred from its story" not in dated


def test_the_activity_log_shows_an_automatic_merge_as_automatic(editor_client):
    articles = import_demo(VISIT_2009)
    _split_unseen(articles["001"])
    link_new_stories()

    page = editor_client.get("/activity/").content.decode()

    assert "Automatically merged" in page
    assert ">automatic</a>" in page


def test_a_story_is_retitled_only_while_its_first_reports_come_in():
    # One rule for an import and for a batch's healing alike: after TITLE_SETTLES reports the
    # title stays, for readers who know the story by it.
    def report(number: int, headline: str):
        text = f"{headline}\n\nThe ministers met in Geneva on Tuesday for talks on report {number}."
        return matching.ArticleForStory(number, None, (), (), text)

    headlines = [f"Geneva talks on the treaty end round {n}" for n in range(6)]
    settled = Story.objects.create(title="As readers know it")
    many = [report(n, headline) for n, headline in enumerate(headlines)]
    placement.retitle(matching.StoryCandidate(settled.pk, None, None, tuple(many)))
    settled.refresh_from_db()
    assert settled.title == "As readers know it"

    young = Story.objects.create(title="As readers know it")
    few = many[: placement.TITLE_SETTLES]
    placement.retitle(matching.StoryCandidate(young.pk, None, None, tuple(few)))
    young.refresh_from_db()
    assert young.title in headlines[: placement.TITLE_SETTLES]
