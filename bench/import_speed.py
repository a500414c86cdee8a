"""Import speed through the whole pipeline (parse, quotes, story, statements, insert).

Prints articles per second for importing a generated corpus into a fresh database, then the
time to add one article to a story that already has N articles (default 1,000).

    .venv/bin/python bench/import_speed.py [--events 100] [--story-size 1000]

Runs against a throw-away database on the same server as the app (created and dropped here).
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from articles.importer import import_file  # noqa: E402
from articles.models import Article, Quote, Story  # noqa: E402
from bench.corpus import OUTLETS, generate, make_event, render_report  # noqa: E402


def import_corpus(events: int) -> None:
    files = list(generate(seed=7, events=events, reports_per_event=4))
    started = time.perf_counter()
    for name, data in files:
        report = import_file(name, data)
        assert report.status == "imported", (name, report.message)
    elapsed = time.perf_counter() - started
    print(
        f"import: {len(files)} articles in {elapsed:.1f}s = {len(files) / elapsed:.1f} "
        f"articles/s ({Quote.objects.count()} quotes, {Story.objects.count()} stories)"
    )


def grow_one_story(size: int, samples: int) -> None:
    """Import `size` reports of one event, then time adding a few more."""

    rng = random.Random(11)
    event = make_event(rng, 999_999, datetime.date(2020, 6, 1))
    started = time.perf_counter()
    for i in range(size + samples):
        outlet = OUTLETS[i % len(OUTLETS)]
        # Each report differs in its lead, so none is taken for a duplicate of another.
        text = render_report(rng, event, outlet, i).replace(
            "after two days of talks", f"after {i + 2} hours of talks", 1
        )
        t0 = time.perf_counter()
        report = import_file(f"big-{i}.txt", text.encode())
        took = time.perf_counter() - t0
        assert report.status == "imported", report.message
        if i == size - 1:
            print(f"built a story of {size} articles in {time.perf_counter() - started:.1f}s")
            timings = []
        if i >= size:
            timings.append(took * 1000)
    story = Article.objects.get(original_filename=f"big-{size}.txt").story
    print(
        f"add one article to a story of {size} articles "
        f"(it holds {story.articles.count()} now; the rest started stories of their own): "
        f"median {statistics.median(timings):.0f} ms, max {max(timings):.0f} ms "
        f"over {samples} articles"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100)
    parser.add_argument("--story-size", type=int, default=1000)
    parser.add_argument("--samples", type=int, default=5)
    args = parser.parse_args()
    creation = connection.creation
    old_name = connection.settings_dict["NAME"]
    creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        import_corpus(args.events)
        grow_one_story(args.story_size, args.samples)
    finally:
        creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
