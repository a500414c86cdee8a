"""Stories that heal: after an article is placed, the stories it shows to be one event are merged
into its story, the single-article stories near it are looked at again against its story, and so
are the undated articles of a story of the same subject on another occasion (an undated report of
last year's visit, placed with this year's before last year's had a story).

Reports of one event arrive in any order: one that shares little with the first report starts a
story of its own, and the report that links the two comes later. Nothing an editor decided is
undone: a story holding an article an editor placed (story_locked), a statement an editor set
(group_locked) or a title an editor wrote is never merged away, nor is an editor's article moved.
"""

from django.db.models import Q

from articles import matching
from articles.models import Article, Quote, Story

from .statements import match_article_statements, refresh_groups

# Single-article stories looked at again after an import: those among its candidates, at most.
SINGLES_LOOKED_AT = 50
# Undated articles looked at again in each story of the same subject on another occasion.
UNDATED_LOOKED_AT = 20


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


def merge_stories(story_id: int, others: list[int]) -> None:
    """Move every article of the `others` stories into story `story_id`, their quotes matched
    afresh against its statements, and delete the emptied stories."""
    _move(story_id, Article.objects.filter(story_id__in=others))


def move_articles(story_id: int, article_ids: list[int]) -> None:
    """Move these articles (those no editor placed) into story `story_id`; a story left
    without articles is deleted."""
    articles = Article.objects.filter(pk__in=article_ids, story_locked=False)
    _move(story_id, articles.exclude(quotes__group_locked=True))


def _move(story_id: int, articles) -> None:
    moving = list(articles.order_by("published_at", "id").only("pk", "story_id"))
    if not moving:
        return
    others = {article.story_id for article in moving} - {story_id}
    old_groups = set(
        Quote.objects.filter(article__in=moving, group__isnull=False).values_list(
            "group_id", flat=True
        )
    )
    Quote.objects.filter(article__in=moving).update(group=None, diff=[])
    Article.objects.filter(pk__in=[article.pk for article in moving]).update(story_id=story_id)
    refresh_groups(old_groups)
    for article in moving:
        article.story_id = story_id
        match_article_statements(article)
    Story.objects.filter(Q(pk__in=others), articles__isnull=True).delete()
    for story in Story.objects.filter(pk__in=[story_id, *others]):
        story.refresh_date_range()
