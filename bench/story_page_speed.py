"""Story page speed under gunicorn (DEBUG off) against a minimal view returning the same bytes.

Builds a throw-away database with the demo corpus and a generated story of 50 articles (about
500 quotes), serves it with gunicorn, and loads each page from a separate process for a fixed
count of requests. Prints requests/s and p50/p95 latency for the page and for the baseline,
and the ratio (page rps / baseline rps), the headline figure.

    .venv/bin/python bench/story_page_speed.py [--requests 400] [--concurrency 4] [--workers 2]
"""

import argparse
import datetime
import io
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ.setdefault("NEWSROOM_BENCH_DB", "newsroom_bench")

import django  # noqa: E402
import psycopg  # noqa: E402
from django.conf import settings  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402
from django.test import Client  # noqa: E402

from articles.importer import import_file  # noqa: E402
from articles.models import Quote, Story  # noqa: E402
from bench.corpus import OUTLETS, STATEMENTS, make_event, render_report  # noqa: E402


def recreate_database() -> None:
    db = settings.DATABASES["default"]
    admin = psycopg.connect(
        host=db["HOST"],
        port=db.get("PORT") or None,
        user=db["USER"],
        password=db.get("PASSWORD") or None,
        dbname="postgres",
        autocommit=True,
    )
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{db["NAME"]}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{db["NAME"]}"')


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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def load(url: str, requests: int, concurrency: int) -> dict:
    output = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "load.py"),
            url,
            "--requests",
            str(requests),
            "--concurrency",
            str(concurrency),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    recreate_database()
    call_command("migrate", verbosity=0)
    call_command("setup_demo", verbosity=0, stdout=io.StringIO())
    demo = Story.objects.get(articles__source__short_name="Xinhua")
    large = build_large_story()
    pages = {
        "demo story": demo.get_absolute_url(),
        f"large story ({large.articles.count()} articles, "
        f"{Quote.objects.filter(article__story=large).count()} quotes)": large.get_absolute_url(),
    }
    baseline_dir = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
    client = Client(HTTP_HOST="127.0.0.1")
    for index, url in enumerate(pages.values()):
        response = client.get(url)
        assert response.status_code == 200
        (baseline_dir / f"page{index}.html").write_bytes(response.content)
    connections.close_all()

    port = free_port()
    env = {**os.environ, "NEWSROOM_BENCH_BASELINE": str(baseline_dir / "x")}
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "bench.wsgi",
            "--workers",
            str(args.workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        print(
            f"gunicorn {args.workers} workers, {args.requests} requests, "
            f"{args.concurrency} concurrent clients, DEBUG off"
        )
        print(f"{'page':48} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
        for index, (label, url) in enumerate(pages.items()):
            load(base + url, 20, 2)  # warm up: connections, caches
            page = load(base + url, args.requests, args.concurrency)
            minimal = load(
                f"{base}/bench/baseline/page{index}.html", args.requests, args.concurrency
            )
            for name, figures in ((label, page), ("  minimal view, same bytes", minimal)):
                print(
                    f"{name:48} {figures['rps']:8.1f} {figures['p50_ms']:8.1f} "
                    f"{figures['p95_ms']:8.1f} {figures['errors']:7d}"
                )
            print(f"  ratio (page req/s / minimal req/s): {page['rps'] / minimal['rps']:.2f}")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
