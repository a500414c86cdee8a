"""How well imported articles land in stories: generated reports against their true events.

Imports the first --articles files of a generated corpus (bench/corpus.py; each file name
carries its event, e.g. 2016/01/04/event000001-02-rferl.txt) into a throw-away database and
scores the stories against the events, over pairs of articles: precision (two articles put in
one story really report one event) and recall (two reports of one event share a story).

    .venv/bin/python bench/story_quality.py [--articles 2000] [--seed 5] [--workers 2]
    .venv/bin/python bench/story_quality.py --database newsroom_bench

`--database` scores what an existing database holds instead (e.g. the 100k corpus that
bench/worker_import.py imported through the workers) and imports nothing.

`--workers 2` imports through two processes at once, in chunks as the background import hands
them out, so that stories started by both at the same time show.

`--real` scores real coverage instead: the event pages of bench/realnews/ imported as a user
would, in random orders (bench/real_coverage.py), by B-cubed precision, recall and F1 of the
stories against the gold events. The development part; `--blind` the blind part, `--held-out blind2`
the second blind set (bench/realnews/BLIND2.md), `--held-out blind3` the third, `blind4` the fourth.

    .venv/bin/python bench/story_quality.py --real [--orders 3] [--verbose]
    .venv/bin/python bench/story_quality.py --real --blind
    .venv/bin/python bench/story_quality.py --real --held-out blind2|blind3|blind4
"""

import argparse
import os
import re
import sys
from collections import Counter
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from articles.imports import import_file  # noqa: E402
from articles.models import Article  # noqa: E402
from bench.corpus import stream  # noqa: E402

EVENT = re.compile(r"event(\d+)")


def pairs(sizes) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def score(assignments: list[tuple[str, int]]) -> tuple[float, float, int, int]:
    """(precision, recall, stories, events) over article pairs."""
    events = Counter(event for event, _ in assignments)
    stories = Counter(story for _, story in assignments)
    both = Counter(assignments)
    together = pairs(both.values())
    precision = together / pairs(stories.values()) if pairs(stories.values()) else 1.0
    recall = together / pairs(events.values()) if pairs(events.values()) else 1.0
    return precision, recall, len(stories), len(events)


def largest(assignments: list[tuple[str, int]]) -> str:
    """The story with the most articles, and how many events it mixes (a snowball shows here)."""
    by_story: dict[int, list[str]] = {}
    for event, story in assignments:
        by_story.setdefault(story, []).append(event)
    events = max(by_story.values(), key=len, default=[])
    return f"{len(events)} articles of {len(set(events))} event(s)"


def report() -> None:
    assignments = [
        (EVENT.search(name).group(1), story)
        for name, story in Article.objects.values_list("original_filename", "story_id")
    ]
    precision, recall, stories, events = score(assignments)
    print(
        f"{len(assignments)} articles of {events} events in {stories} stories: "
        f"pair precision {precision:.1%}, recall {recall:.1%}"
    )
    print(f"largest story: {largest(assignments)}")


def real(part: str, orders: int, seed: int, verbose: bool) -> None:
    from bench import real_coverage

    figures = []

    def report_one(real_set, articles, order_seed):
        gold = {page.id: page.event for page in real_set.pages}
        stories = real_coverage.stories_of(articles)
        precision, recall, f1 = real_coverage.bcubed(stories, gold, real_set.scored)
        figures.append((precision, recall, f1))
        count = len({stories[p] for p in real_set.scored if p in stories})
        print(
            f"order {order_seed}: {len(articles)} articles in {len(set(stories.values()))} "
            f"stories ({count} holding scored pages): B-cubed precision {precision:.3f}, "
            f"recall {recall:.3f}, F1 {f1:.3f}"
        )
        if verbose:
            print("\n".join(real_coverage.describe_stories(real_set, articles)))

    real_coverage.run(part, [seed + n for n in range(orders)], report_one)
    mean = [sum(values) / len(values) for values in zip(*figures, strict=True)]
    print(
        f"real {part}, mean of {len(figures)} orders: B-cubed precision {mean[0]:.3f}, "
        f"recall {mean[1]:.3f}, F1 {mean[2]:.3f}"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--database", help="score this existing database; import nothing")
    parser.add_argument("--real", action="store_true", help="real coverage (bench/realnews)")
    parser.add_argument("--blind", action="store_true", help="with --real: the blind part")
    parser.add_argument(
        "--held-out",
        choices=("blind2", "blind3", "blind4"),
        help="with --real: a later held-out set (BLIND2.md, BLIND3.md, BLIND4.md), once",
    )
    parser.add_argument("--orders", type=int, default=3, help="with --real: import orders")
    parser.add_argument("--verbose", action="store_true", help="with --real: every story")
    args = parser.parse_args()
    if args.real:
        part = args.held_out or ("blind" if args.blind else "dev")
        real(part, args.orders, args.seed, args.verbose)
        return
    if args.database:
        connection.settings_dict["NAME"] = args.database
        report()
        return
    files = [(name, data) for name, data, _ in islice(stream(args.seed), args.articles)]
    old_name = connection.settings_dict["NAME"]
    # A database of its own: the tests may be running beside it.
    connection.settings_dict.setdefault("TEST", {})["NAME"] = f"test_{old_name}_stories"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        if args.workers > 1:
            from bench.import_speed import import_two_workers

            import_two_workers(files, args.workers)
        else:
            for name, data in files:
                import_file(name, data)
        report()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
