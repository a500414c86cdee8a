"""What the load test does to the site and what must survive it.

The fault: restarting the embedded PostgreSQL in the middle of the load. The checks: every
edit an editor saw acknowledged is in the database exactly as acknowledged, every imported
file is there once and whole, and nothing is half-applied. Used by bench/load.py; Django
must be set up before these functions run (they import models inside).
"""

import asyncio
import hashlib
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Restart:
    at: float  # when to restart, seconds into the load
    down: float | None = None  # when stopping began
    up: float | None = None  # when the server accepted connections again


async def restart_database(restart: Restart, now) -> None:
    """Stop the embedded server (a fast shutdown: sessions end, transactions roll back) and
    start it again on the same data folder."""
    from django.conf import settings

    from newsroom import embedded_db

    await asyncio.sleep(restart.at)
    restart.down = now()
    await asyncio.to_thread(embedded_db.restart, Path(settings.DATA_DIR))
    restart.up = now()


# ----------------------------------------------------------------------------- imports


@dataclass
class ImportAttempt:
    name: str
    fingerprint: str
    at: float
    outcome: str  # imported | duplicate | failed: <why>
    seconds: float


async def importer(files, every: float, deadline: float, now, log: list[ImportAttempt]):
    """New articles keep arriving during the load: one every `every` seconds through
    import_file (what the upload worker and import_articles call), each in its own
    transaction. A file that fails (the database is down) is tried again later, as a worker
    retries; each is tried until it is in or the load is over."""
    from django.db import DatabaseError, close_old_connections

    from articles.imports import import_file

    def import_one(name: str, data: bytes) -> str:
        close_old_connections()  # a long-lived worker drops a connection the restart broke
        try:
            return import_file(name, data).status
        except DatabaseError as error:
            return f"failed: {type(error).__name__}: {str(error).strip()[:100]}"

    waiting: list[tuple[str, bytes]] = []
    with ThreadPoolExecutor(1) as thread:  # one thread: one database connection
        loop = asyncio.get_running_loop()
        while time.monotonic() < deadline:
            await asyncio.sleep(every)
            name, data = waiting.pop(0) if waiting else next(files)
            started, at = time.monotonic(), now()
            outcome = await loop.run_in_executor(thread, import_one, name, data)
            digest = hashlib.sha256(data).hexdigest()
            log.append(ImportAttempt(name, digest, at, outcome, time.monotonic() - started))
            if outcome.startswith("failed"):
                waiting.append((name, data))


def verify_imports(log: list[ImportAttempt]) -> dict:
    """Every file reported imported is stored once and whole (in a story, with its search
    vector and every quote the extractor finds in its text); a file whose every attempt
    failed left nothing behind."""
    from django.db import connections

    from articles.models import Article, PendingUpload
    from articles.quotes import extract_quotes, quotable_texts

    connections.close_all()
    problems = []
    files = {}
    for attempt in log:
        files.setdefault(attempt.fingerprint, []).append(attempt)
    for digest, attempts in files.items():
        stored = list(Article.objects.filter(fingerprint=digest))
        imported = any(a.outcome in ("imported", "duplicate") for a in attempts)
        name = attempts[0].name
        if not imported:
            if stored or PendingUpload.objects.filter(fingerprint=digest).exists():
                problems.append(f"{name}: every attempt failed, yet something was stored")
            continue
        if len(stored) != 1:
            problems.append(f"{name}: reported imported, stored {len(stored)} times")
            continue
        article = stored[0]
        if article.story_id is None or article.search_vector is None:
            problems.append(f"{name}: stored without its story or search vector")
        found = len(extract_quotes(quotable_texts(article.paragraphs)).quotes)
        if article.quotes.exclude(origin="editor").count() != found:
            problems.append(f"{name}: stored with some of its {found} quotes missing")
    return {
        "files": len(files),
        "attempts": len(log),
        "imported": sum(a.outcome == "imported" for a in log),
        "failed_attempts": sum(a.outcome.startswith("failed") for a in log),
        "never_imported": sum(
            not any(a.outcome in ("imported", "duplicate") for a in attempts)
            for attempts in files.values()
        ),
        "problems": problems,
    }


# ----------------------------------------------------------------------------- edits


@dataclass
class Attempt:
    """One edit an editor tried, and what the site answered."""

    editor: str
    action: str  # review, tag_add, tag_remove, speaker, rename
    target: int  # quote or story id
    value: object  # the status, tag name, tag id, person id or title set
    outcome: str = "pending"  # acked | unchanged (it was so already) | failed
    at: float = 0.0


def quote_states(quotes) -> dict[int, dict]:
    """What the load's editors change on each quote: status, speaker, tags."""
    from articles.models import Quote

    state = {
        pk: {"status": status, "person_id": person, "tags": set()}
        for pk, status, person in quotes.values_list("pk", "status", "person_id")
    }
    for pk, tag in Quote.tags.through.objects.filter(quote_id__in=state).values_list(
        "quote_id", "tag_id"
    ):
        state[pk]["tags"].add(tag)
    return state


def initial_state(stories: list[int]) -> dict:
    """The editors' stories before the load, and where the history ends (a reused database
    holds the edits of earlier runs)."""
    from articles.models import Article, Edit, Quote, Story

    return {
        "quotes": quote_states(Quote.objects.filter(article__story__in=stories)),
        "titles": dict(Story.objects.filter(pk__in=stories).values_list("pk", "title")),
        "last_edit": Edit.objects.order_by("-pk").values_list("pk", flat=True).first() or 0,
        "articles": Article.objects.count(),
    }


def verify_edits(log: list[Attempt], before: dict, users: list[str]) -> dict:
    """Every acknowledged edit is recorded and in the data; nothing is half-applied.

    - Not lost: each acknowledged attempt has its Edit row (by that editor, on that target,
      with that value in its "after" state), in the order the editor made them.
    - Not half-applied: every quote and story the editors touched is now exactly as its
      newest Edit row says (a change without its record, or a record without its change,
      would differ); untouched ones are as they were before the load.
    - Edit rows no acknowledged attempt explains may only come from attempts that failed
      (the change committed but the answer was lost): counted, and checked as above.
    """
    from django.db import connections

    from articles.models import Edit, Quote, Story, Tag

    connections.close_all()  # the database may have restarted since
    tag_ids = dict(Tag.objects.values_list("name", "pk"))
    edits = list(
        Edit.objects.filter(user__username__in=users, pk__gt=before["last_edit"])
        .select_related("user")
        .order_by("id")
        .only("user__username", "action", "target_id", "after", "quote_ids")
    )
    problems = []

    def edit_value(edit: Edit, action: str, target: int):
        if action == "rename":
            return (edit.after["stories"].get(str(target)) or {}).get("title")
        row = edit.after["quotes"].get(str(target)) or {}
        if action == "review":
            return row.get("status")
        if action == "speaker":
            return row.get("person_id")
        return row.get("tags", [])

    def matches(edit, attempt) -> bool:
        action = "rename_story" if attempt.action == "rename" else attempt.action
        if (edit.user.username, edit.action, edit.target_id) != (
            attempt.editor,
            action,
            attempt.target,
        ):
            return False
        value = edit_value(edit, attempt.action, attempt.target)
        if attempt.action == "tag_add":
            return tag_ids.get(attempt.value) in value
        if attempt.action == "tag_remove":
            return attempt.value not in value
        return value == attempt.value

    # Not lost: each acknowledged attempt, in order, finds its Edit row; then the failed
    # attempts whose change committed all the same (the answer was lost) find theirs.
    unused = list(edits)
    failed_used = 0
    for outcome in ("acked", "failed"):
        for attempt in (attempt for attempt in log if attempt.outcome == outcome):
            found = next((edit for edit in unused if matches(edit, attempt)), None)
            if found is not None:
                unused.remove(found)
                failed_used += outcome == "failed"
            elif outcome == "acked":
                problems.append(f"lost: {attempt}")
    if unused:
        problems.append(f"{len(unused)} Edit rows no attempt explains, e.g. {unused[0].pk}")

    # Not half-applied: the data is as the newest record says. (Quotes of articles imported
    # during the load have no "before"; they are checked once an editor touched them.)
    quote_ids = {pk for edit in edits for pk in edit.quote_ids}
    newest_quote = {}
    for edit in edits:
        for pk in edit.quote_ids:
            if (row := edit.after["quotes"].get(str(pk))) is not None:
                newest_quote[pk] = row
    current = quote_states(Quote.objects.filter(pk__in=quote_ids | set(before["quotes"])))
    for pk, now in current.items():
        if pk in newest_quote:
            row = newest_quote[pk]
            expected = {"status": row["status"], "person_id": row["person_id"]}
            expected["tags"] = set(row["tags"])
        else:
            expected = before["quotes"][pk]
        if now != expected:
            problems.append(f"quote {pk} is {now}, its record says {expected}")
    newest_title = {}
    for edit in edits:
        for pk, row in edit.after.get("stories", {}).items():
            if row is not None:
                newest_title[int(pk)] = row["title"]
    for pk, title in Story.objects.filter(pk__in=before["titles"]).values_list("pk", "title"):
        expected = newest_title.get(pk, before["titles"][pk])
        if title != expected:
            problems.append(f"story {pk} is titled {title!r}, its record says {expected!r}")

    outcomes = {}
    for attempt in log:
        outcomes[attempt.outcome] = outcomes.get(attempt.outcome, 0) + 1
    return {
        "attempts": len(log),
        "acked": outcomes.get("acked", 0),
        "unchanged": outcomes.get("unchanged", 0),
        "failed": outcomes.get("failed", 0),
        "failed_but_applied": failed_used,
        "edit_rows": len(edits),
        "quotes_touched": len(quote_ids),
        "problems": problems,
    }
