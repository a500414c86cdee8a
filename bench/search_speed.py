"""Search speed: p50/p95 of the search page for common and rare terms, with and without filters.

Runs against an existing database (default: the bench database `newsroom_bench`, as
bench/settings.py; `--database NAME` for another on the same server), through the whole view
(form, queries, template) with DEBUG off, in this process. The terms are read from the data:
"common" are the words in the most articles of a sample, "rare" words found in only a handful
of quotes; filters are the outlet with the most articles, the speaker with the most quotes and a
one-year date range; "misspelt" terms have their last vowel changed (helicopter: helicoptor),
so that they find nothing and are offered close matches. Prints p50/p95 per kind, the queries
each request made, and the kind's slowest term (the one that sets its p95).

    .venv/bin/python bench/search_speed.py [--database newsroom_bench] [--repeat 20]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import percentile, setup_django  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default=os.environ.get("NEWSROOM_BENCH_DB", "newsroom_bench"))
    parser.add_argument("--repeat", type=int, default=20, help="requests per term and kind")
    parser.add_argument("--terms", type=int, default=4, help="common and rare terms each")
    return parser.parse_args()


ARGS = parse_args()
setup_django(ARGS.database)

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from articles.models import Article, Outlet, Person, Quote  # noqa: E402

# Words too short or too frequent to be what anyone searches for.
SKIP = {"said", "say", "says", "would", "also", "one", "two", "year", "new"}


def sample_words(table: str, percent: float) -> list[tuple[str, int]]:
    """(lexeme, documents) in a sample of the table's vectors, most frequent first."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word, ndoc FROM ts_stat(%s) ORDER BY ndoc DESC, word",
            [f"SELECT search_vector FROM {table} TABLESAMPLE SYSTEM ({percent}) REPEATABLE (7)"],
        )
        return cursor.fetchall()


def choose_terms(count: int) -> tuple[list[str], list[str]]:
    common = [
        word
        for word, _ in sample_words("articles_article", 2)
        if word.isalpha() and len(word) > 3 and word not in SKIP
    ][:count]
    rare = []
    for word, _ in reversed(sample_words("articles_quote", 1)):
        if len(word) < 5 or not any(c.isalpha() for c in word):
            continue
        matches = Quote.objects.visible().filter(search_vector=word).count()
        if 1 <= matches <= 200:
            rare.append(word)
        if len(rare) == count:
            break
    return common, rare


def misspelt(word: str) -> str:
    """`word` with its last vowel but a first letter changed: helicopter -> helicoptor."""
    for index in range(len(word) - 1, 0, -1):
        if word[index] in VOWELS:
            return word[:index] + VOWELS[word[index]] + word[index + 1 :]
    return word + "x"


VOWELS = {"a": "e", "e": "o", "i": "e", "o": "a", "u": "o", "y": "i"}


def choose_filters() -> dict[str, dict[str, str]]:
    outlet = (
        Outlet.objects.annotate(n=Count("articles")).order_by("-n").values_list("slug", flat=True)
    )[0]
    top_speaker = (
        Quote.objects.filter(person__isnull=False)
        .values("person_id")
        .annotate(n=Count("id"))
        .order_by("-n")[0]["person_id"]
    )
    latest = Article.objects.exclude(published_at=None).order_by("-published_at")[0].published_at
    start = latest.date().replace(year=latest.year - 1)
    return {
        "outlet": {"outlet": outlet},
        "speaker": {"speaker": str(top_speaker)},
        "dates": {"date_from": start.isoformat(), "date_to": latest.date().isoformat()},
        "outlet+dates": {"outlet": outlet, "date_from": start.isoformat()},
    }


def measure(client: Client, params: dict, repeat: int) -> tuple[list[float], int]:
    url = reverse("articles:search")
    client.get(url, params)  # warm: plans, caches
    timings = []
    with CaptureQueriesContext(connection) as queries:
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get(url, params)
            timings.append(time.perf_counter() - started)
            assert response.status_code == 200, (params, response.status_code)
    return timings, len(queries) // repeat


def main():
    print(
        f"database {ARGS.database}: {Article.objects.count():,} articles, "
        f"{Quote.objects.count():,} quotes, {Person.objects.count():,} people, "
        f"{Outlet.objects.count():,} outlets"
    )
    common, rare = choose_terms(ARGS.terms)
    filters = choose_filters()
    print(f"common terms: {', '.join(common)}")
    print(f"rare terms:   {', '.join(rare)}")
    print(f"misspelt:     {', '.join(misspelt(term) for term in common + rare)}")
    print(f"filters:      {filters}")
    client = Client(HTTP_HOST="127.0.0.1")
    kinds = []
    for label, terms in (("common", common), ("rare", rare)):
        kinds.append((label, [{"q": term} for term in terms]))
        kinds.append((f"{label}, typing (prefix)", [{"q": term[:4]} for term in terms]))
        kinds.append((f"{label}, misspelt", [{"q": misspelt(term)} for term in terms]))
        for name, extra in filters.items():
            kinds.append((f"{label} + {name}", [{"q": term, **extra} for term in terms]))
    print(f"\n{ARGS.repeat} requests per term, {ARGS.terms} terms per kind, DEBUG off, in-process")
    print(
        f"{'kind':34} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'queries':>8}  "
        "slowest term (its p50 ms)"
    )
    worst = 0.0
    for label, requests in kinds:
        timings, queries, slowest = [], 0, (0.0, "")
        for params in requests:
            took, queries = measure(client, params, ARGS.repeat)
            timings += took
            slowest = max(slowest, (statistics.median(took), params["q"]))
        p95 = percentile(timings, 0.95) * 1000
        worst = max(worst, p95)
        print(
            f"{label:34} {statistics.median(timings) * 1000:8.1f} {p95:8.1f} "
            f"{max(timings) * 1000:8.1f} {queries:8d}  {slowest[1]} ({slowest[0] * 1000:.1f})"
        )
    print(f"\nworst p95: {worst:.1f} ms (target <= 50 ms)")


if __name__ == "__main__":
    main()
