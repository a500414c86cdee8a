"""Import speed through the whole pipeline (parse, quotes, story, statements, insert).

Prints, for the first N articles of the large generated corpus (bench/corpus.py), articles per
second end to end with one worker process and then with two importing at once (the next N
articles, handed out in chunks of 25 as the background import does), with queries and CPU time
per article and the peak memory (RSS) of the processes; then the time to add one article to a
story that already has 1,000 articles.

    .venv/bin/python bench/import_speed.py [--articles 3000] [--workers 1 2] [--story-size 1000]
    .venv/bin/python bench/import_speed.py --corpus DIR --articles 100000 --workers 1

`--corpus` reads the zips that `bench/corpus.py --out DIR` wrote instead of generating. Runs
against a throw-away database on the same server as the app (created and dropped here). The
machine's other work shows in the rates: compare queries and CPU per article, which it does not
change, before reading much into a few percent of articles/s.
"""

import argparse
import datetime
import itertools
import multiprocessing
import os
import random
import resource
import statistics
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
# As a production worker runs: DEBUG would keep the last 9,000 queries (article texts and all)
# in memory and count them in the peak RSS.
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret-" + "b" * 40)  # needed without DEBUG

import django  # noqa: E402

django.setup()

from django.db import connection, connections  # noqa: E402

from articles.imports import import_file  # noqa: E402
from articles.imports.running import link_new_stories  # noqa: E402
from articles.models import Article, Quote, Story  # noqa: E402
from bench.common import machine_reference  # noqa: E402
from bench.corpus import OUTLETS, make_event, render_report, stream  # noqa: E402

CHUNK = 25  # files per task, as articles/imports/batches.py hands them out


def corpus_files(corpus: Path | None, seed: int) -> Iterator[tuple[str, bytes]]:
    if corpus is None:
        for name, data, _quotations in stream(seed):
            yield name, data
        return
    for path in sorted(corpus.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                yield info.filename, archive.read(info)


def peak_rss_mb(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def import_one_worker(files) -> None:
    statuses: Counter[str] = Counter()
    queries = QueryCounter()
    cpu, started = time.process_time(), time.perf_counter()
    with connection.execute_wrapper(queries):
        for chunk in itertools.batched(files, CHUNK, strict=False):
            for name, data in chunk:
                statuses[import_file(name, data).status] += 1
            link_new_stories()  # as each import task does after its chunk
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    n = sum(statuses.values())
    print(
        f"1 worker:  {n} articles in {elapsed:.1f}s = {n / elapsed:.1f} articles/s; "
        f"{queries.count / n:.1f} queries and {cpu / n * 1000:.1f} ms CPU per article "
        f"(this process); {dict(statuses)}; peak RSS {peak_rss_mb():.0f} MB"
    )


def _worker(files, next_chunk, results) -> None:
    connections.close_all()  # a connection of its own, not the parent's
    statuses: Counter[str] = Counter()
    cpu = time.process_time()
    while True:
        with next_chunk.get_lock():
            chunk = next_chunk.value
            next_chunk.value += 1
        batch = files[chunk * CHUNK : (chunk + 1) * CHUNK]
        if not batch:
            break
        for name, data in batch:
            statuses[import_file(name, data).status] += 1
        link_new_stories()
    results.put((dict(statuses), time.process_time() - cpu, peak_rss_mb()))
    connections.close_all()


def import_two_workers(files, workers: int) -> None:
    connections.close_all()
    context = multiprocessing.get_context("fork")
    next_chunk, results = context.Value("i", 0), context.Queue()
    started = time.perf_counter()
    processes = [
        context.Process(target=_worker, args=(files, next_chunk, results)) for _ in range(workers)
    ]
    for process in processes:
        process.start()
    outcomes = [results.get() for _ in processes]
    for process in processes:
        process.join()
    elapsed = time.perf_counter() - started
    statuses = sum((Counter(s) for s, _, _ in outcomes), Counter())
    n = sum(statuses.values())
    cpu = sum(c for _, c, _ in outcomes)
    print(
        f"{workers} workers: {n} articles in {elapsed:.1f}s = {n / elapsed:.1f} articles/s; "
        f"{cpu / n * 1000:.1f} ms CPU per article (workers); {dict(statuses)}; "
        f"peak RSS per worker {max(r for _, _, r in outcomes):.0f} MB"
    )


def grow_one_story(size: int, samples: int) -> None:
    """Import `size` reports of one event, then time adding a few more."""
    rng = random.Random(11)
    event = make_event(rng, 999_999, datetime.date(2030, 6, 1))
    started = time.perf_counter()
    timings = []
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
    parser.add_argument("--articles", type=int, default=3000, help="per measurement")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--corpus", type=Path, help="zips written by bench/corpus.py")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--story-size", type=int, default=1000, help="0 to skip")
    parser.add_argument("--samples", type=int, default=5)
    args = parser.parse_args()
    print(f"machine reference: {machine_reference():.0f} ms (bench/common.py, lower is faster)")
    creation = connection.creation
    old_name = connection.settings_dict["NAME"]
    creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        files = corpus_files(args.corpus, args.seed)
        for workers in args.workers:
            batch = list(itertools.islice(files, args.articles))
            if workers == 1:
                import_one_worker(batch)
            else:
                import_two_workers(batch, workers)
        print(
            f"database: {Article.objects.count()} articles, {Quote.objects.count()} quotes, "
            f"{Story.objects.count()} stories"
        )
        if args.story_size:
            grow_one_story(args.story_size, args.samples)
        print(
            f"peak RSS: this process {peak_rss_mb():.0f} MB, "
            f"worker processes {peak_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB"
        )
    finally:
        connections.close_all()
        creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
