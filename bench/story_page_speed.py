"""Story page and home page speed under gunicorn (DEBUG off) against a minimal view returning
the same bytes.

By default builds a throw-away database (`newsroom_pages`, not the bench database the import
and search benchmarks share) with the demo corpus and a generated story of 50 articles (about
500 quotes); with `--database NAME` it uses that existing database on the same server instead
(e.g. a 100,000-article one), with its largest story and a story of median size. Serves it
with gunicorn and loads each page with N concurrent keep-alive clients for a fixed count of
requests, as an anonymous reader (the pages are cached for readers until the data changes; see
articles/caching.py). Prints requests/s and p50/p95 latency for each page and for the
baseline, the ratio (page req/s / minimal req/s), and, measured in this process, what a page
costs to render when it is not cached.

    .venv/bin/python bench/story_page_speed.py [--database NAME] [--requests 1000]
        [--concurrency 20] [--workers 2] [--rounds 3]
"""

import argparse
import datetime
import io
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import free_port, recreate_database, setup_django, start_gunicorn  # noqa: E402
from bench.load import run as load  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", help="an existing database to read (default: build one)")
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--rounds", type=int, default=3, help="page and baseline alternate; medians are shown"
    )
    return parser.parse_args()


ARGS = parse_args()
setup_django(ARGS.database or "newsroom_pages")

from django.conf import settings  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402

from articles.imports import import_file  # noqa: E402
from articles.models import Article, Quote, Story  # noqa: E402
from bench.corpus import OUTLETS, STATEMENTS, make_event, render_report  # noqa: E402


def build_large_story(articles: int = 50) -> Story:
    rng = random.Random(5)
    event = make_event(rng, 424242, datetime.date(2021, 3, 1))
    speakers = event["speakers"]
    while len(event["statements"]) < 15:
        template = rng.choice(STATEMENTS)
        text = template.format(
            verb="review",
            topic=event["topic"],
            n=len(event["statements"]),
            group=event["group"],
            place2="Oslo",
            period="year",
            thing="the network",
        )
        event["statements"].append({"speaker": rng.choice(speakers), "text": text})
    first = None
    for i in range(articles):
        name, layout = OUTLETS[i % len(OUTLETS)]
        text = render_report(rng, event, (name, layout), i)
        report = import_file(f"large-{i}.txt", text.encode(), outlet=f"{name} {i // 10 + 1}")
        first = first or report.article
    return Story.objects.get(pk=first.story_id)


def describe(story: Story) -> str:
    quotes = Quote.objects.filter(article__story=story).count()
    return f"story {story.pk} ({story.articles.count()} articles, {quotes} quotes)"


def pages_to_load() -> dict[str, str]:
    """{label: url}: the home page and a typical and a large story."""
    if ARGS.database:
        sizes = Story.objects.annotate(n=Count("articles")).filter(n__gt=0).order_by("n", "id")
        count = sizes.count()
        typical, large = sizes[count // 2], sizes.order_by("-n", "id")[0]
    else:
        recreate_database()
        call_command("setup_demo", verbosity=0, stdout=io.StringIO())
        typical = Story.objects.get(articles__outlet__short_name="Xinhua")
        large = build_large_story()
    return {
        "home page": "/",
        describe(typical): typical.get_absolute_url(),
        describe(large): large.get_absolute_url(),
    }


def uncached_ms(url: str, times: int = 15) -> float:
    """Median time to render the page in this process with an empty cache (DEBUG off)."""
    client = Client(HTTP_HOST="127.0.0.1")
    timings = []
    for _ in range(times):
        caches["pages"].clear()
        started = time.perf_counter()
        assert client.get(url).status_code == 200
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def main():
    pages = pages_to_load()
    print(
        f"database {settings.DATABASES['default']['NAME']}: {Article.objects.count():,} "
        f"articles, {Quote.objects.count():,} quotes, {Story.objects.count():,} stories"
    )
    baseline_dir = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
    client = Client(HTTP_HOST="127.0.0.1")
    rendering = {}
    for index, url in enumerate(pages.values()):
        response = client.get(url)
        assert response.status_code == 200
        (baseline_dir / f"page{index}.html").write_bytes(response.content)
        rendering[url] = uncached_ms(url)
    connections.close_all()

    port = free_port()
    env = {**os.environ, "NEWSROOM_BENCH_BASELINE_DIR": str(baseline_dir)}
    server = start_gunicorn(port, ARGS.workers, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        print(
            f"gunicorn {ARGS.workers} workers, {ARGS.requests} requests, "
            f"{ARGS.concurrency} concurrent clients, DEBUG off, anonymous reader; "
            f"medians of {ARGS.rounds} alternating rounds"
        )
        print(f"{'page':52} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
        for index, (label, url) in enumerate(pages.items()):
            load(base + url, 40, 2)  # warm up: connections, each worker's cache
            # Alternating rounds, medians: other work on the machine moves single runs a lot.
            rounds = {"page": [], "minimal": []}
            for _ in range(ARGS.rounds):
                rounds["page"].append(load(base + url, ARGS.requests, ARGS.concurrency))
                rounds["minimal"].append(
                    load(f"{base}/bench/baseline/page{index}.html", ARGS.requests, ARGS.concurrency)
                )
            page, minimal = (
                {key: statistics.median(r[key] for r in rounds[kind]) for key in rounds[kind][0]}
                for kind in ("page", "minimal")
            )
            for name, figures in ((label, page), ("  minimal view, same bytes", minimal)):
                print(
                    f"{name:52} {figures['rps']:8.1f} {figures['p50_ms']:8.1f} "
                    f"{figures['p95_ms']:8.1f} {figures['errors']:7.0f}"
                )
            print(
                f"  ratio (page req/s / minimal req/s): {page['rps'] / minimal['rps']:.2f}; "
                f"rendering it uncached: {rendering[url]:.1f} ms"
            )
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
