"""Why real reports of one event end in different stories, and why reports of two share one.

Imports a real part as bench/story_quality.py --real does (same orders), then, for each gold
event split over several stories, takes each report outside the story holding most of its
event's reports (its "main" story) and asks, as the end of the import would see it:

- whether placement's candidate search (placement.candidate_rows) finds the main story;
- how match_story scores it against the main story, among those candidates: the text likeness,
  the score, the minimum it needed, and what was taken off (other days, other occasion, late);
- its date, and the main story's dates.

For each story mixing events, the same for each report outside its story's main event.

    .venv/bin/python bench/story_misses.py [--blind | --held-out blind2|blind3] [--orders 3]
"""

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from articles.matching import stories as matcher  # noqa: E402


class _Recorded(matcher.StoryMatch):
    """A StoryMatch that remembers itself: every story match_story accepts (all, with no
    minimum) is kept, with its score and reasons."""

    seen: list["_Recorded"] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _Recorded.seen.append(self)


def scores_against(mine, candidates) -> dict[object, tuple[float, list[str]]]:
    """Each candidate's score and reasons, as match_story weighs them, with no minimum."""
    saved = (
        matcher.StoryMatch,
        matcher.STORY_MIN_TEXT,
        matcher.STORY_MATCH_MIN,
        matcher.STORY_MATCH_MIN_DATED,
    )
    _Recorded.seen = []
    matcher.StoryMatch = _Recorded
    matcher.STORY_MIN_TEXT = 1e-9
    matcher.STORY_MATCH_MIN = matcher.STORY_MATCH_MIN_DATED = -10.0
    try:
        matcher.match_story(mine, candidates)
    finally:
        (
            matcher.StoryMatch,
            matcher.STORY_MIN_TEXT,
            matcher.STORY_MATCH_MIN,
            matcher.STORY_MATCH_MIN_DATED,
        ) = saved
    return {m.key: (m.score, m.reasons) for m in _Recorded.seen}


def diagnose(real, articles, seed) -> list[str]:
    from articles import matching
    from articles.coverage import placement
    from articles.models import Article, Quote
    from bench import real_coverage

    stories = real_coverage.stories_of(articles)
    events = {page.id: page.event for page in real.pages}
    by_event: dict[str, Counter] = {}
    by_story: dict[int, Counter] = {}
    for page, story in stories.items():
        by_event.setdefault(events[page], Counter())[story] += 1
        by_story.setdefault(story, Counter())[events[page]] += 1
    lines = [f"order {seed}"]
    missed: Counter = Counter()

    def explain(page: str, target: int, kind: str) -> None:
        article = Article.objects.get(pk=articles[page])
        mine = placement.article_for_story(article)
        people = set(
            Quote.objects.visible()
            .filter(article=article, person__isnull=False)
            .values_list("person_id", flat=True)
        )
        words = matching.search_words(mine, placement.CONTENT_WORDS)
        rows = placement.candidate_rows(mine.published, article.story_id, people, words)
        found = target in {row[0] for row in rows}
        candidates = placement.story_candidates(rows)
        if not found:
            candidates += placement.story_candidates(
                placement.fetchall(placement.STORIES_BY_ID_SQL, [[target]])
            )
        scores = scores_against(mine, candidates)
        own = len([p for p, s in stories.items() if s == stories[page]])
        target_events = by_story[target]
        score, reasons = scores.get(target, (None, ["text similarity < 1e-9"]))
        best = max(scores.items(), key=lambda item: item[1][0], default=(None, (None, [])))
        why = _why(found, mine.published, score, reasons)
        missed[why] += 1
        lines.append(
            f"  {kind} {page} [{events[page]}] ({why}; story of {own}) -> story {target} "
            f"{dict(target_events)}: candidate={'yes' if found else 'NO'} "
            f"dated={mine.published} score={score} best={best[0]}:{best[1][0]} "
            f"| {'; '.join(reasons)}"
        )

    for event, counts in sorted(by_event.items()):
        if len(counts) < 2:
            continue
        main = counts.most_common(1)[0][0]
        for page, story in sorted(stories.items()):
            if events[page] == event and story != main and page in real.scored:
                explain(page, main, "MISS")
    for story, counts in sorted(by_story.items()):
        if len(counts) < 2:
            continue
        main_event = counts.most_common(1)[0][0]
        for page, s in sorted(stories.items()):
            if s == story and events[page] != main_event:
                # How it scores against its story without itself.
                article = Article.objects.get(pk=articles[page])
                mine = placement.article_for_story(article)
                (whole,) = placement.story_candidates(
                    placement.fetchall(placement.STORIES_BY_ID_SQL, [[story]])
                )
                rest = tuple(a for a in whole.articles if a.key != article.pk)
                without = matching.StoryCandidate(story, whole.start, whole.end, rest)
                score, reasons = scores_against(mine, [without]).get(story, (None, []))
                lines.append(
                    f"  WRONG {page} [{events[page]}] in story {story} {dict(counts)}: "
                    f"dated={mine.published} score={score} | {'; '.join(reasons)}"
                )
    lines.append(f"  misses by why: {dict(missed.most_common())}")
    return lines


def _why(candidate: bool, published, score, reasons: list[str]) -> str:
    """The kind of a miss, from how the end of the import scores it against its event's story."""
    if score is None:
        return "dated out of the window" if published else "no shared words"
    undated = "no date to compare" in reasons
    penalised = any(r.startswith(("other days", "tells another")) for r in reasons)
    late = any("day(s) from the story" in r for r in reasons)
    minimum = (
        matcher.STORY_MATCH_MIN if undated and not penalised else matcher.STORY_MATCH_MIN_DATED
    )
    text = float(reasons[-1].rsplit(" ", 1)[-1])
    if score >= minimum:
        return "fits now, not a candidate" if not candidate else "fits now, not looked at again"
    if penalised or late:
        return "other days/occasion/late penalty"
    if score >= minimum - 0.05:
        return "just below the minimum"
    return "few shared words" if text < 0.2 else "below the minimum"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--blind", action="store_true")
    parser.add_argument("--held-out", choices=("blind2", "blind3"))
    parser.add_argument("--orders", type=int, default=3)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    from bench import real_coverage

    part = args.held_out or ("blind" if args.blind else "dev")

    def report_one(real, articles, seed):
        gold = {page.id: page.event for page in real.pages}
        found = real_coverage.stories_of(articles)
        precision, recall, f1 = real_coverage.bcubed(found, gold, real.scored)
        print(f"order {seed}: P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
        print("\n".join(diagnose(real, articles, seed)), flush=True)

    real_coverage.run(part, [args.seed + n for n in range(args.orders)], report_one)


if __name__ == "__main__":
    main()
