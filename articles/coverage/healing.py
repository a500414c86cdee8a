"""Stories that heal: after an article is placed, the stories it shows to be one event are merged
into its story, the single-article stories near it are looked at again against its story, and so
are the undated articles of a story of the same subject on another occasion (an undated report of
last year's visit, placed with this year's before last year's had a story).

Reports of one event arrive in any order: one that shares little with the first report starts a
story of its own, and the report that links the two comes later. Nothing an editor decided is
undone: a story holding an article an editor placed (story_locked), a statement an editor set
(group_locked) or a title an editor wrote is never merged away, nor is an editor's article moved.
"""

import contextlib

from django.db import transaction

from articles import matching
from articles.models import Article, Edit, Quote, Story

from .placement import (
    CONTENT_WORDS,
    STORIES_BY_ID_SQL,
    clear_cached_stories,
    find_story,
    retitle,
    story_candidates,
    take_started,
)
from .sql import fetchall

# Single-article stories looked at again after an import: those among its candidates, at most.
SINGLES_LOOKED_AT = 50
# Undated articles looked at again in each story of the same subject on another occasion.
UNDATED_LOOKED_AT = 20
# After a batch, a story of one report joins the story it fits best, as placement weighs it and
# on what placement needs (match_story's thresholds): the reports that came after it may have
# made its event's story what it now fits. A dated report may join a story this many days from
# its date then (a preview the days before, an analysis the days after); two stories of several
# reports merge only within matching.STORY_MAX_GAP_DAYS.
SINGLE_JOINS_MAX_GAP = 7


def editor_decided(story_ids) -> set[int]:
    """The stories among `story_ids` holding a decision of an editor that a merge would undo."""
    story_ids = list(story_ids)
    placed = Article.objects.filter(story_id__in=story_ids, story_locked=True).values_list(
        "story_id", flat=True
    )
    grouped = Quote.objects.filter(article__story_id__in=story_ids, group_locked=True).values_list(
        "article__story_id", flat=True
    )
    titled = Story.objects.filter(pk__in=story_ids, title_locked=True).values_list("pk", flat=True)
    return set(placed) | set(grouped) | set(titled)


def heal(
    story_id: int,
    story: matching.StoryCandidate,
    others: list[matching.StoryCandidate],
    also_matches: list[int],
    near: list[int],
) -> list[int]:
    """Merge into story `story_id` (as the matcher sees it now, `story`) the stories that tell
    its event (see matching.same_event) among those the new article fitted as well
    (`also_matches`) or came near (`near`); and move into it the article of each single-article
    story of `others` that now fits it. The stories merged away."""
    by_key = {other.key: other for other in others}
    merging = [
        key
        for key in [*also_matches, *near]
        if key in by_key and key != story_id and matching.same_event(story, by_key[key])
    ]
    # A single that the new article's words came near may fit the story now that it holds
    # the article; one the article shares little with, no more than before.
    close = set(also_matches) | set(near)
    singles = [
        other
        for other in others
        if len(other.articles) == 1
        and other.key in close
        and other.key != story_id
        and other.key not in merging
    ][:SINGLES_LOOKED_AT]
    joining = [
        single.key
        for single in singles
        if matching.match_story(single.articles[0], [story]) is not None
    ]
    leaving = _undated_of_other_occasions(story, others)
    if not merging and not joining and not leaving:
        return []
    decided = editor_decided([story_id, *merging, *joining])
    if story_id in decided:
        return []
    gone = [key for key in [*merging, *joining] if key not in decided]
    if gone:
        merge_stories(story_id, gone)
    if leaving:
        move_articles(story_id, leaving)
    return gone


def _undated_of_other_occasions(
    story: matching.StoryCandidate, others: list[matching.StoryCandidate]
) -> list[int]:
    """The undated articles of the stories of `others` dated on another occasion than `story`
    yet alike in words, that fit `story` better than their own."""
    leaving = []
    for other in others:
        if not matching.other_occasion(story, other):
            continue
        undated = [article for article in other.articles if article.published is None]
        if not undated:
            continue
        if matching.story_likeness(story, other) < matching.STORY_MERGE_MIN:
            continue
        for article in undated[:UNDATED_LOOKED_AT]:
            rest = tuple(a for a in other.articles if a is not article)
            own = matching.StoryCandidate(other.key, other.start, other.end, rest)
            found = matching.match_story(article, [story, own])
            if found is not None and found.key == story.key:
                leaving.append(article.key)
    return leaving


def heal_new_stories() -> list[int]:
    """Look again at the stories this process started since the last call and that still hold
    one report, now that the rest of the batch is in: each joins the story it now fits, if no
    editor decided otherwise. The stories merged away."""
    started = take_started()
    if not started:
        return []
    gone: list[int] = []
    for story in story_candidates(fetchall(STORIES_BY_ID_SQL, [started])):
        # A story its event's later reports joined was found by them: singles are looked at.
        if story.key in gone or len(story.articles) != 1:
            continue
        with transaction.atomic():
            target = _story_it_fits(story)
            if target is None or editor_decided([story.key, target.key]):
                continue
            merge_stories(target.key, [story.key])
        clear_cached_stories([story.key, target.key])
        gone.append(story.key)
        (merged,) = story_candidates(fetchall(STORIES_BY_ID_SQL, [[target.key]])) or [None]
        if merged is not None:
            retitle(merged)
    return gone


def _story_it_fits(story: matching.StoryCandidate) -> matching.StoryCandidate | None:
    """The story that tells the event of `story` (a story of one report this process started),
    found among the candidates of its report as placement finds them."""
    first = story.articles[0]
    # Only an undated report finds candidates by its people (see candidate_rows).
    people = set()
    if first.published is None:
        people = set(
            Quote.objects.visible()
            .filter(article__story_id=story.key, person__isnull=False)
            .values_list("person_id", flat=True)
        )
    words = matching.search_words(first, CONTENT_WORDS)
    # The story the report fits best as placement weighs it (its words weighed by their rarity
    # among these candidates too: "Hiroshima" tells little between two events held there), if
    # nothing says it is another occasion.
    _, others, match = find_story(first, story.key, people, words)
    if match is None:
        return None
    target = next(other for other in others if other.key == match.key)
    if not matching.same_event(story, target, 0.0, SINGLE_JOINS_MAX_GAP):
        return None
    return target


def merge_stories(story_id: int, others: list[int]) -> None:
    """Move every article of the `others` stories into story `story_id`, their quotes matched
    afresh against its statements, and delete the emptied stories: recorded in the history as
    an editor's merge is, without an editor, so that an editor can undo it."""
    _move(story_id, Article.objects.filter(story_id__in=others), Edit.Action.MERGE_STORIES)


def move_articles(story_id: int, article_ids: list[int]) -> None:
    """Move these articles (those no editor placed) into story `story_id`; a story left
    without articles is deleted. Recorded in the history, as merge_stories."""
    articles = Article.objects.filter(pk__in=article_ids, story_locked=False)
    _move(story_id, articles.exclude(quotes__group_locked=True), Edit.Action.MOVE_ARTICLE)


def _move(story_id: int, articles, action: str) -> None:
    # history imports coverage.statements: imported when first needed, as the models do.
    from articles.history import Change, NoChange

    moving = list(articles.order_by("published_at", "id").only("pk", "story_id", "title"))
    if not moving:
        return
    others = {article.story_id for article in moving} - {story_id}
    moved_ids = [article.pk for article in moving]
    quotes = Quote.objects.filter(article_id__in=moved_ids)
    # The stories merged away, to be put back by an undo; the receiving story's row is not
    # changed by the move (its title follows its reports, and must not make the undo refused).
    change = Change(
        articles=moved_ids,
        quotes=quotes.values_list("pk", flat=True),
        groups=quotes.values_list("group_id", flat=True),
        stories=others,
    )
    titles = dict(Story.objects.filter(pk__in=[story_id, *others]).values_list("pk", "title"))
    target = Story.objects.get(pk=story_id)
    for article in moving:
        article.move_to(target, by_editor=False)  # as an editor's move, but not locked there
    Story.finish_moves([story_id, *others])
    if action == Edit.Action.MERGE_STORIES:
        named = ", ".join(f"“{titles.get(pk, pk)}”" for pk in sorted(others))
        summary = f"Automatically merged the story {named} into “{titles[story_id]}”"
    else:
        summary = f"Automatically moved {len(moving)} article(s) into “{titles[story_id]}”"
    with contextlib.suppress(NoChange):  # the articles' own rows all as they were
        change.record(None, action, target, summary, automatic=True)
