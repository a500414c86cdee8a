"""Load and fault test under gunicorn, and a small fixed-count client.

The scenario builds a bench database (demo corpus plus generated events, so there are many
stories), serves it with gunicorn on 127.0.0.1 (DEBUG off), and runs reader and editor
clients until --duration is up. Readers browse home -> story -> statements -> person ->
article and search; editors log in once, then confirm, reject, tag, untag, change speakers and
rename stories through the forms and htmx endpoints the site uses, with CSRF. Every client
waits a think time between requests. At the end it prints latencies per page kind, errors,
gunicorn's memory, and checks that every acknowledged edit is in the database exactly as
acknowledged (nothing lost, nothing half-applied). --restart-db-at restarts PostgreSQL
mid-load and reports when requests failed and how soon the site recovered.

    .venv/bin/python bench/load.py [--duration 600] [--readers 50] [--editors 5]
                                   [--restart-db-at 300] [--json-out result.json]

Run it with its own data folder (NEWSROOM_DATA_DIR): it starts and, with --restart-db-at,
restarts that folder's embedded PostgreSQL. Exit status 1 when anything failed.

The fixed-count mode (used by story_page_speed.py) GETs one URL N times over C keep-alive
connections and prints JSON figures:

    .venv/bin/python bench/load.py http://127.0.0.1:8123/path --requests 500 --concurrency 4
"""

import argparse
import asyncio
import contextlib
import html
import http.client
import io
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

if __name__ == "__main__":  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    free_port,
    percentile,
    recreate_database,
    setup_django,
    start_gunicorn,
)
from bench.faults import (  # noqa: E402
    Attempt,
    ImportAttempt,
    Restart,
    importer,
    initial_state,
    restart_database,
    verify_edits,
    verify_imports,
)

LOOPBACK = ("127.0.0.1", "localhost", "::1")


# ----------------------------------------------------------------------------- fixed count


def run(url: str, requests: int, concurrency: int) -> dict:
    parts = urlsplit(url)
    # This client only ever loads servers on this machine.
    assert parts.hostname in LOOPBACK, "load only loopback servers"
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(requests))

    def worker():
        nonlocal errors
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        while True:
            with lock:
                if next(counter, None) is None:
                    break
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                errors += not ok
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = time.perf_counter() - started
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / total,
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": percentile(latencies, 0.95) * 1000,
    }


# ----------------------------------------------------------------------------- HTTP client

REQUEST_TIMEOUT = 30.0


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    cookies: dict[str, str]
    text: str


def parse_response(raw: bytes) -> Response:
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers, cookies = {}, {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        name, value = name.strip().lower(), value.strip()
        headers[name] = value
        if name == "set-cookie":
            cookie_name, _, cookie_value = value.split(";")[0].partition("=")
            cookies[cookie_name.strip()] = cookie_value.strip()
    if headers.get("transfer-encoding") == "chunked":
        body = dechunk(body)
    return Response(status, headers, cookies, body.decode("utf-8", "replace"))


def dechunk(body: bytes) -> bytes:
    out, position = [], 0
    while True:
        line_end = body.index(b"\r\n", position)
        size = int(body[position:line_end].split(b";")[0], 16)
        if size == 0:
            return b"".join(out)
        out.append(body[line_end + 2 : line_end + 2 + size])
        position = line_end + 2 + size + 2


async def exchange(port: int, request: bytes) -> Response:
    """One request on a fresh connection (gunicorn's sync workers close after each answer)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(request)
        await writer.drain()
        return parse_response(await reader.read(-1))
    finally:
        writer.close()


class RequestFailed(Exception):
    """A request that did not get the answer it expected; already counted."""


@dataclass
class Record:
    started: float  # seconds since the load began
    kind: str
    seconds: float
    status: int  # 0: no HTTP answer (refused, reset, timed out)
    ok: bool
    note: str = ""


@dataclass
class Stats:
    began: float = field(default_factory=time.monotonic)
    records: list[Record] = field(default_factory=list)

    def now(self) -> float:
        return time.monotonic() - self.began


class Browser:
    """One user: cookies, the CSRF token the last page carried, and timed requests."""

    def __init__(self, port: int, stats: Stats):
        self.port = port
        self.stats = stats
        self.cookies: dict[str, str] = {}
        self.csrf_token = ""
        self.current_url = "/"

    async def request(self, kind, method, path, *, data=None, htmx=False, expect=200):
        headers = {"Host": f"127.0.0.1:{self.port}", "Connection": "close"}
        headers["User-Agent"] = "newsroom-load"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if htmx:
            headers["HX-Request"] = "true"
            headers["HX-Current-URL"] = f"http://127.0.0.1:{self.port}{self.current_url}"
        body = b""
        if method == "POST":
            body = urlencode(data or {}, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://127.0.0.1:{self.port}"
            if htmx:  # htmx sends the token from <body hx-headers>
                headers["X-CSRFToken"] = self.csrf_token
        headers["Content-Length"] = str(len(body))
        head = f"{method} {path} HTTP/1.1\r\n" + "".join(
            f"{k}: {v}\r\n" for k, v in headers.items()
        )
        started = time.monotonic()
        at = started - self.stats.began
        try:
            response = await asyncio.wait_for(
                exchange(self.port, head.encode() + b"\r\n" + body), REQUEST_TIMEOUT
            )
        except (OSError, TimeoutError, ValueError, IndexError) as error:
            elapsed = time.monotonic() - started
            self.stats.records.append(
                Record(at, kind, elapsed, 0, False, type(error).__name__ + f": {error}"[:120])
            )
            raise RequestFailed from error
        elapsed = time.monotonic() - started
        ok = response.status == expect
        note = "" if ok else first_line_of(response)
        self.stats.records.append(Record(at, kind, elapsed, response.status, ok, note))
        if not ok:
            raise RequestFailed(f"{kind} {path}: {response.status}")
        self.cookies.update(response.cookies)
        token = CSRF_HEADER.search(response.text) or CSRF_FIELD.search(response.text)
        if token:
            self.csrf_token = token.group(1)
        if method == "GET" and not htmx:
            self.current_url = path
        return response

    async def get(self, kind, path, **options):
        return await self.request(kind, "GET", path, **options)

    async def post(self, kind, path, data, **options):
        return await self.request(kind, "POST", path, data=data, **options)


def first_line_of(response: Response) -> str:
    title = re.search(r"<h1>(.*?)</h1>", response.text, re.S)
    return (title.group(1) if title else response.text[:80]).strip()


CSRF_HEADER = re.compile(r'"X-CSRFToken": "([\w-]+)"')
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([\w-]+)"')
STORY_LINK = re.compile(r'href="(/stories/\d+/)"')
STATEMENTS_LINK = re.compile(r'href="(/stories/\d+/statements/)"')
STATEMENT_LINK = re.compile(r'href="(/stories/\d+/statements/\d+/)"')
PERSON_LINK = re.compile(r'href="(/people/\d+/)"')
ARTICLE_LINK = re.compile(r'href="(/articles/\d+/)"')
OUTLET_LINK = re.compile(r'href="(/outlets/[\w-]+/)"')
OUTLET_CHOICE = re.compile(r'hx-get="(\?outlets=[^"]*)"')
QUOTE_LINK = re.compile(r'href="/quotes/(\d+)/"')
OLDER_LINK = re.compile(r'hx-get="(\?page=\d+)"')


def links(pattern: re.Pattern, text: str) -> list[str]:
    return [html.unescape(match) for match in pattern.findall(text)]


def pick(rng: random.Random, items: list, browser: "Browser", kind: str):
    """A link to follow; a page without any is an error (the visit starts again)."""
    if not items:
        browser.stats.records.append(
            Record(browser.stats.now(), kind, 0.0, 200, False, "no link to follow")
        )
        raise RequestFailed(f"{kind}: no link to follow")
    return rng.choice(items)


# ----------------------------------------------------------------------------- clients


@dataclass
class Plan:
    port: int
    duration: float
    think: tuple[float, float]
    search_terms: list[str]
    deadline: float = 0.0  # time.monotonic() when the load stops


async def think(rng: random.Random, plan: Plan) -> None:
    await asyncio.sleep(rng.uniform(*plan.think))


async def reader(plan: Plan, stats: Stats, seed: int) -> None:
    """A reader's visits: home, a story, maybe other outlets, its statements, a statement, a
    person, an article, sometimes a search or an outlet page. Failures start a new visit."""
    rng = random.Random(seed)
    await asyncio.sleep(rng.uniform(0, plan.think[1]))  # do not all arrive at once
    while time.monotonic() < plan.deadline:
        browser = Browser(plan.port, stats)
        try:
            await reader_visit(browser, rng, plan)
        except RequestFailed:
            await think(rng, plan)


async def reader_visit(browser: Browser, rng: random.Random, plan: Plan) -> None:
    home = await browser.get("home", "/")
    await think(rng, plan)
    if rng.random() < 0.5:  # further down the list of stories: "Older", a few times
        for _ in range(rng.randint(1, 4)):
            older = links(OLDER_LINK, home.text)
            if not older:
                break
            home = await browser.get("home older (htmx)", "/" + older[-1], htmx=True)
            await think(rng, plan)
    story_path = pick(rng, links(STORY_LINK, home.text), browser, "home")
    story = await browser.get("story", story_path)
    await think(rng, plan)
    choices = links(OUTLET_CHOICE, story.text)
    if choices and rng.random() < 0.4:
        await browser.get("story outlets (htmx)", story_path + rng.choice(choices), htmx=True)
        await think(rng, plan)
    statements_path = pick(rng, links(STATEMENTS_LINK, story.text), browser, "story")
    statements = await browser.get("statements", statements_path)
    await think(rng, plan)
    groups = links(STATEMENT_LINK, statements.text) + links(STATEMENT_LINK, story.text)
    if groups and rng.random() < 0.6:
        await browser.get("statement (htmx)", rng.choice(groups), htmx=True)
        await think(rng, plan)
    people = links(PERSON_LINK, statements.text) or links(PERSON_LINK, story.text)
    page = story
    if people:
        page = await browser.get("person", rng.choice(people))
        await think(rng, plan)
    articles = links(ARTICLE_LINK, page.text) or links(ARTICLE_LINK, story.text)
    if articles:
        article = await browser.get("article", rng.choice(articles))
        await think(rng, plan)
        outlets = links(OUTLET_LINK, article.text)
        if outlets and rng.random() < 0.15:
            await browser.get("outlet", rng.choice(outlets))
            await think(rng, plan)
    if rng.random() < 0.5:
        term = rng.choice(plan.search_terms)
        await browser.get("search", "/search/?" + urlencode({"q": term}))
        await think(rng, plan)
        if rng.random() < 0.5:  # typing on: the results update in place
            refined = f"{term} {rng.choice(plan.search_terms)}"
            await browser.get("search (htmx)", "/search/?" + urlencode({"q": refined}), htmx=True)
            await think(rng, plan)


TAGS = ["economy", "security", "diplomacy", "energy", "health", "labour", "trade", "climate"]
STATUS_RE = re.compile(r'class="status status-(\w+)"')
VERSION_RE = re.compile(r'name="version" value="(\d+)"')
TAG_CHIP_RE = re.compile(r'action="/quotes/\d+/tags/(\d+)/remove/"')
MESSAGE_RE = re.compile(r'<p class="message" role="status">(.*?)</p>', re.S)
SUGGESTION_RE = re.compile(r'name="person" value="(\d+)" class="suggestion"')
BASED_ON_RE = re.compile(r'name="based_on" value="([^"]*)"')


async def editor(plan: Plan, stats: Stats, seed: int, username, password, stories, log) -> None:
    """An editor logs in once, then works on its own stories (so editors never race for the
    same quote, and a 409 would be a bug): opens a quote's panel, changes one thing."""
    rng = random.Random(seed)
    browser = Browser(plan.port, stats)
    await asyncio.sleep(rng.uniform(0, plan.think[1]))
    while time.monotonic() < plan.deadline and "sessionid" not in browser.cookies:
        try:
            await browser.get("login", "/accounts/login/")
            form = {"username": username, "password": password}
            form["csrfmiddlewaretoken"] = browser.csrf_token
            await browser.post("login", "/accounts/login/", form, expect=302)
        except RequestFailed:
            await think(rng, plan)
    titles = {}
    while time.monotonic() < plan.deadline:
        with contextlib.suppress(RequestFailed):
            await editor_step(browser, rng, plan, username, stories, titles, log)
        await think(rng, plan)


async def editor_step(browser, rng, plan, username, stories, titles, log) -> None:
    story_id = rng.choice(stories)
    roll = rng.random()
    if roll < 0.08:
        await browser.get("review queue", f"/review/?story={story_id}")
        return
    if roll < 0.16:
        page = await browser.get("story edit", f"/stories/{story_id}/edit/")
        await think(rng, plan)
        current = html.unescape(BASED_ON_RE.search(page.text).group(1))
        titles.setdefault(story_id, current.split(" · ")[0])
        title = f"{titles[story_id]} · {username} {rng.randrange(10**6)}"
        attempt = Attempt(username, "rename", story_id, title)
        form = {"title": title, "based_on": current}
        shows = f'name="based_on" value="{html.escape(title)}"'
        await submit(browser, attempt, log, f"/stories/{story_id}/rename/", form, shows)
        return
    story = await browser.get("story (editor)", f"/stories/{story_id}/")
    await think(rng, plan)
    quotes = links(QUOTE_LINK, story.text)
    if not quotes:
        return
    quote_id = int(rng.choice(quotes))
    panel = await browser.get("quote panel (htmx)", f"/quotes/{quote_id}/", htmx=True)
    await think(rng, plan)
    version = VERSION_RE.search(panel.text).group(1)
    roll = rng.random()
    if roll < 0.45:
        status = STATUS_RE.search(panel.text).group(1)
        wanted = rng.choice([s for s in ("confirmed", "rejected", "unreviewed") if s != status])
        attempt = Attempt(username, "review", quote_id, wanted)
        form = {"version": version, "status": wanted}
        shows = f'class="status status-{wanted}"'
        await submit(browser, attempt, log, f"/quotes/{quote_id}/review/", form, shows)
    elif roll < 0.70:
        chips = TAG_CHIP_RE.findall(panel.text)
        if chips and rng.random() < 0.4:
            tag_id = int(rng.choice(chips))
            attempt = Attempt(username, "tag_remove", quote_id, tag_id)
            path = f"/quotes/{quote_id}/tags/{tag_id}/remove/"
            shows = '<p class="message" role="status">Removed tag'
            await submit(browser, attempt, log, path, {"version": version}, shows)
        else:
            tag = rng.choice(TAGS)
            attempt = Attempt(username, "tag_add", quote_id, tag)
            form = {"version": version, "tag": tag, "create": "on"}
            shows = f'<p class="message" role="status">Tagged “{tag}”'
            await submit(browser, attempt, log, f"/quotes/{quote_id}/tags/", form, shows)
    else:
        # Type a surname, pick one of the suggestions, as the panel's autocomplete does.
        name = rng.choice(plan.search_terms[:40])
        suggestions = await browser.get(
            "speaker suggestions (htmx)",
            "/people/suggestions/?" + urlencode({"name": name}),
            htmx=True,
        )
        await think(rng, plan)
        people = SUGGESTION_RE.findall(suggestions.text)
        if not people:
            return
        person = int(rng.choice(people))
        attempt = Attempt(username, "speaker", quote_id, person)
        form = {"version": version, "person": person}
        shows = f'<dt>Speaker</dt><dd><a href="/people/{person}/">'
        await submit(browser, attempt, log, f"/quotes/{quote_id}/speaker/", form, shows)


async def submit(browser, attempt, log, path, form, shows: str) -> None:
    """Post an edit the htmx way; acknowledged = 200 and the answer shows the change."""
    attempt.at = browser.stats.now()
    log.append(attempt)
    kind = f"edit: {attempt.action}"
    try:
        response = await browser.post(kind, path, form, htmx=True)
    except RequestFailed:
        attempt.outcome = "failed"
        raise
    message = MESSAGE_RE.search(response.text)
    message = html.unescape(message.group(1)) if message else ""
    if message.startswith(("Nothing to change", "Already tagged")):
        attempt.outcome = "unchanged"
    elif shows in response.text:
        attempt.outcome = "acked"
    else:  # a 200 that does not show the change: count it as a failed request
        attempt.outcome = "failed"
        record = browser.stats.records[-1]
        record.ok, record.note = False, f"answer does not show the change: {message[:80]}"


# ----------------------------------------------------------------------------- bench database


def prepare_database(events: int, reports: int, editors: int, password: str, reuse: bool):
    """The bench database: migrated, demo corpus, generated events, editor accounts."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from articles.imports import import_file
    from articles.models import Article, editors_group
    from bench.corpus import generate

    db = settings.DATABASES["default"]
    recreate_database(keep_existing=reuse)
    if not (reuse and Article.objects.exists()):
        started = time.monotonic()
        call_command("setup_demo", verbosity=0, stdout=io.StringIO())
        for name, data in generate(seed=7, events=events, reports_per_event=reports):
            report = import_file(name, data)
            assert report.status in ("imported", "duplicate"), report.message
        print(
            f"bench database {db['NAME']}: {Article.objects.count()} articles imported "
            f"in {time.monotonic() - started:.0f} s"
        )
    users = []
    User = get_user_model()
    for number in range(1, editors + 1):
        user, _ = User.objects.get_or_create(username=f"load-editor-{number}")
        user.set_password(password)
        user.save()
        user.groups.add(editors_group())
        users.append(user.username)
    return users


def editor_stories(editors: int) -> list[list[int]]:
    """Each editor its own stories (those with quotes), so no two edit the same thing."""
    from articles.models import Story

    stories = list(
        Story.objects.filter(articles__quotes__isnull=False)
        .distinct()
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    assert len(stories) >= editors, "not enough stories for the editors"
    return [stories[number::editors] for number in range(editors)]


def search_terms() -> list[str]:
    from bench.corpus import FAMILY, PLACES, TOPICS

    words = list(FAMILY)
    words += [topic for topic, _, _ in TOPICS] + [group for _, group, _ in TOPICS]
    words += [place.title() for place in PLACES]
    words += ['"good news"', "deal -tariffs", "agreed or progress", "Rasmussen", "NATO Russia"]
    return words


# ----------------------------------------------------------------------------- the server


def server_rss(server: subprocess.Popen) -> tuple[int, set[int]]:
    """Resident memory of gunicorn's master and workers, in bytes, and the worker pids."""
    import psutil

    master = psutil.Process(server.pid)
    total, workers = 0, set()
    for process in [master, *master.children(recursive=True)]:
        try:
            total += process.memory_info().rss
            if process.pid != master.pid:
                workers.add(process.pid)
        except psutil.NoSuchProcess:
            pass
    return total, workers


# ----------------------------------------------------------------------------- the run


async def sample_memory(server, plan: Plan, stats: Stats, samples: list, every: float):
    while time.monotonic() < plan.deadline:
        rss, workers = server_rss(server)
        samples.append((stats.now(), rss, workers))
        await asyncio.sleep(every)


@dataclass
class Logs:
    """What the run leaves behind for the report and the checks."""

    edits: list[Attempt] = field(default_factory=list)
    imports: list[ImportAttempt] = field(default_factory=list)
    memory: list[tuple[float, int, set[int]]] = field(default_factory=list)


async def run_load(server, plan, args, accounts, password, stories, before, restart, logs):
    from bench.corpus import generate

    stats = Stats()
    plan.deadline = time.monotonic() + plan.duration
    tasks = [reader(plan, stats, seed) for seed in range(args.readers)]
    tasks += [
        editor(plan, stats, 1000 + number, username, password, stories[number], logs.edits)
        for number, username in enumerate(accounts)
    ]
    tasks.append(sample_memory(server, plan, stats, logs.memory, every=5.0))
    if args.import_every:
        # Files not imported before, also when the database is reused.
        files = generate(seed=99 + before["articles"], events=10_000, reports_per_event=4)
        tasks.append(importer(files, args.import_every, plan.deadline, stats.now, logs.imports))
    if restart is not None:
        tasks.append(restart_database(restart, stats.now))
    await asyncio.gather(*tasks)
    return stats


def summarise(stats: Stats, duration: float, restart: Restart | None, samples: list) -> dict:
    records = stats.records
    window = None
    if restart is not None and restart.down is not None:
        failures = [r for r in records if not r.ok and r.started + r.seconds >= restart.down]
        after_up = [r for r in records if r.ok and r.started >= (restart.up or 0)]
        last_failure = max((r.started + r.seconds for r in failures), default=None)
        first_success = min((r.started + r.seconds for r in after_up), default=None)
        window = {
            "db_stopped_at_s": round(restart.down, 2),
            "db_started_at_s": round(restart.up, 2) if restart.up else None,
            "failed_requests": len(failures),
            "failed_statuses": sorted({r.status for r in failures}),
            "failed_notes": sorted({r.note for r in failures})[:5],
            "first_failure_at_s": round(min(r.started for r in failures), 2) if failures else None,
            "last_failure_at_s": round(last_failure, 2) if last_failure else None,
            "first_success_after_start_s": round(first_success - restart.up, 2)
            if first_success and restart.up
            else None,
            "recovered_after_db_start_s": round(max(0.0, last_failure - restart.up), 2)
            if last_failure and restart.up
            else 0.0,
        }

    def in_window(record: Record) -> bool:
        # Failing is allowed from the stop until the server is back (plus the time the
        # requests already waiting take to fail).
        if window is None or restart.up is None:
            return False
        return restart.down <= record.started + record.seconds and record.started <= restart.up

    kinds = {}
    for record in records:
        kinds.setdefault(record.kind, []).append(record)
    pages = {}
    for kind, group in sorted(kinds.items()):
        seconds = [r.seconds for r in group if r.ok]
        pages[kind] = {
            "requests": len(group),
            "errors": sum(not r.ok for r in group),
            "p50_ms": round(statistics.median(seconds) * 1000, 1) if seconds else None,
            "p95_ms": round(percentile(seconds, 0.95) * 1000, 1) if seconds else None,
            "max_ms": round(max(seconds) * 1000, 1) if seconds else None,
        }
    errors = [r for r in records if not r.ok and not in_window(r)]
    ok_seconds = [r.seconds for r in records if r.ok]
    span = min(60.0, duration / 4)
    first = [rss for at, rss, _ in samples if at <= span]
    last = [rss for at, rss, _ in samples if at >= samples[-1][0] - span] if samples else []
    mib = 1024 * 1024
    memory = {
        "samples": len(samples),
        "window_s": round(span),
        "first_window_mib": round(statistics.mean(first) / mib, 1) if first else None,
        "last_window_mib": round(statistics.mean(last) / mib, 1) if last else None,
        "max_mib": round(max(rss for _, rss, _ in samples) / mib, 1) if samples else None,
        "worker_pids_seen": len(set().union(*(w for _, _, w in samples))) if samples else 0,
        "by_minute_mib": [
            round(
                statistics.mean(rss for at, rss, _ in samples if minute <= at / 60 < minute + 1)
                / mib
            )
            for minute in range(int(samples[-1][0] // 60) + 1)
            if any(minute <= at / 60 < minute + 1 for at, _, _ in samples)
        ]
        if samples
        else [],
    }
    return {
        "duration_s": round(duration),
        "requests": len(records),
        "rps": round(len(records) / duration, 1),
        "p50_ms": round(statistics.median(ok_seconds) * 1000, 1) if ok_seconds else None,
        "p95_ms": round(percentile(ok_seconds, 0.95) * 1000, 1) if ok_seconds else None,
        "errors": len(errors),
        "error_examples": [f"{r.kind} {r.status} {r.note}" for r in errors[:5]],
        "pages": pages,
        "memory": memory,
        "restart": window,
    }


def print_report(result: dict, args) -> None:
    print(
        f"\n{args.readers} readers + {args.editors} editors for {result['duration_s']} s against "
        f"gunicorn ({args.workers} sync workers, DEBUG off); think time "
        f"{args.think_min}-{args.think_max} s between requests per client"
    )
    print(f"{'page':34} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for kind, page in result["pages"].items():
        figures = [
            page[key] if page[key] is not None else float("nan")
            for key in ("p50_ms", "p95_ms", "max_ms")
        ]
        print(
            f"{kind:34} {page['requests']:8d} {page['errors']:6d} "
            f"{figures[0]:8.1f} {figures[1]:8.1f} {figures[2]:8.1f}"
        )
    print(
        f"all: {result['requests']} requests, {result['rps']} req/s, p50 {result['p50_ms']} ms, "
        f"p95 {result['p95_ms']} ms, errors {result['errors']} (outside any database restart)"
    )
    for example in result["error_examples"]:
        print(f"  error: {example}")
    memory = result["memory"]
    print(
        f"gunicorn memory (master + workers RSS, every 5 s): first {memory['window_s']} s "
        f"{memory['first_window_mib']} MiB, last {memory['window_s']} s "
        f"{memory['last_window_mib']} MiB, max {memory['max_mib']} MiB; "
        f"{memory['worker_pids_seen']} worker pids seen ({args.workers} expected)"
    )
    print(f"  mean by minute (MiB): {memory['by_minute_mib']}")
    if result["restart"]:
        window = result["restart"]
        print(
            f"PostgreSQL restart: stopped at {window['db_stopped_at_s']} s, up again at "
            f"{window['db_started_at_s']} s; {window['failed_requests']} requests failed "
            f"(statuses {window['failed_statuses']}) between {window['first_failure_at_s']} s "
            f"and {window['last_failure_at_s']} s; first success "
            f"{window['first_success_after_start_s']} s after the start; last failure "
            f"{window['recovered_after_db_start_s']} s after it"
        )
        for note in window["failed_notes"]:
            print(f"  failed: {note}")
    edits = result["edits"]
    print(
        f"edits: {edits['attempts']} attempted, {edits['acked']} acknowledged, "
        f"{edits['unchanged']} already so, {edits['failed']} failed "
        f"({edits['failed_but_applied']} of them applied all the same); {edits['edit_rows']} "
        f"Edit rows; {edits['quotes_touched']} quotes touched"
    )
    print(
        "every acknowledged edit present, nothing half-applied: "
        + ("yes" if not edits["problems"] else f"NO ({len(edits['problems'])} problems)")
    )
    for problem in edits["problems"][:10]:
        print(f"  {problem}")
    imports = result["imports"]
    print(
        f"imports during the load: {imports['files']} files, {imports['attempts']} attempts, "
        f"{imports['failed_attempts']} failed and retried "
        f"({imports['failed_outside_restart']} outside the restart), "
        f"{imports['never_imported']} never "
        "got in; each imported file stored once and whole: "
        + ("yes" if not imports["problems"] else f"NO ({len(imports['problems'])} problems)")
    )
    for problem in imports["problems"][:10]:
        print(f"  {problem}")
    print(f"load client CPU: {result['client_cpu_share']:.0%} of one core")


def scenario(args) -> int:
    setup_django(os.environ.get("NEWSROOM_BENCH_DB", "newsroom_load"))
    from django.conf import settings
    from django.db import connections

    if args.restart_db_at is not None and os.environ.get("DATABASE_URL"):
        raise SystemExit("--restart-db-at restarts the embedded PostgreSQL; unset DATABASE_URL")
    password = "load-editor-password"
    accounts = prepare_database(args.events, args.reports, args.editors, password, args.reuse)
    stories = editor_stories(args.editors) if args.editors else []
    before = initial_state([pk for own in stories for pk in own])
    connections.close_all()

    port = free_port()
    log_path = Path(tempfile.mkdtemp(prefix="newsroom-load-")) / "gunicorn.log"
    print(
        f"gunicorn on 127.0.0.1:{port}, database {settings.DATABASES['default']['NAME']} "
        f"in {settings.DATABASES['default']['HOST']}; its log: {log_path}"
    )
    server = start_gunicorn(port, args.workers, log_path)
    # Warm up every worker (templates, URL resolvers, connections) before the clock starts.
    warm = run(f"http://127.0.0.1:{port}/", 10 * args.workers, args.workers)
    if warm["errors"]:
        server.kill()
        raise SystemExit(f"the site does not answer; see {log_path}")
    logs = Logs()
    restart = Restart(args.restart_db_at) if args.restart_db_at is not None else None
    plan = Plan(port, args.duration, (args.think_min, args.think_max), search_terms())
    cpu = time.process_time()
    try:
        stats = asyncio.run(
            run_load(server, plan, args, accounts, password, stories, before, restart, logs)
        )
    finally:
        server.terminate()
        server.wait(30)
    client_cpu = time.process_time() - cpu
    result = summarise(stats, args.duration, restart, logs.memory)
    result["client_cpu_share"] = client_cpu / args.duration
    result["edits"] = verify_edits(logs.edits, before, accounts)
    result["imports"] = verify_imports(logs.imports)
    result["imports"]["failed_outside_restart"] = sum(
        attempt.outcome.startswith("failed")
        and not (restart and restart.up and restart.down <= attempt.at + attempt.seconds)
        for attempt in logs.imports
    )
    result["gunicorn_log"] = str(log_path)
    print_report(result, args)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(result, indent=2))
    failed = (
        result["errors"]
        or result["edits"]["problems"]
        or result["imports"]["problems"]
        or result["imports"]["failed_outside_restart"]
    )
    return 1 if failed else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", nargs="?", help="fixed-count mode: the page to GET")
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--duration", type=float, default=600)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--editors", type=int, default=5)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--think-min", type=float, default=0.5)
    parser.add_argument("--think-max", type=float, default=2.0)
    parser.add_argument("--restart-db-at", type=float, default=None, metavar="SECONDS")
    parser.add_argument("--events", type=int, default=80, help="generated events (stories)")
    parser.add_argument("--reports", type=int, default=5, help="articles per event")
    parser.add_argument(
        "--import-every", type=float, default=3.0, help="seconds between imports; 0: none"
    )
    parser.add_argument("--reuse", action="store_true", help="keep a bench database built before")
    parser.add_argument("--json-out", help="also write the figures to this file")
    args = parser.parse_args()
    if args.url:
        print(json.dumps(run(args.url, args.requests, args.concurrency)))
        return
    if args.restart_db_at is not None and not 0 < args.restart_db_at < args.duration:
        parser.error("--restart-db-at must fall within --duration")
    sys.exit(scenario(args))


if __name__ == "__main__":
    main()
