"""Small builders for test data, and background workers to run the queued tasks."""

import io
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import reverse
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from articles.coverage import link_all_pending_relatives
from articles.imports import import_file
from articles.models import Quote, Story, editors_group
from articles.quotes import extract_quotes

ROOT = Path(__file__).resolve().parent.parent

WIRE_STORY = (
    "Ministers agree on grain corridor\n\n"
    "ANKARA (Reuters) - Ministers from four countries agreed on Tuesday to reopen a grain "
    "corridor through the Black Sea, officials said.\n\n"
    "The deal was reached after two days of talks in the Turkish capital.\n\n"
    "Reporting by Ali Kucukgocmen; Editing by Jane Merriman\n"
)

UNSIGNED_STORY = (
    "Floods close mountain roads\n\n"
    "Heavy rain has closed roads across the region, and hundreds of people were moved from "
    "their homes overnight as rivers burst their banks.\n\n"
    "Rescue teams worked through the night to reach villages cut off by the water.\n"
)


def make_user(username="reader", *, staff=False, password="pw-for-tests-123"):
    user = get_user_model().objects.create_user(username=username, password=password)
    user.is_staff = staff
    user.save()
    return user


def make_article(text: str = WIRE_STORY, *, name="story.txt", outlet=None):
    report = import_file(name, text.encode(), outlet=outlet)
    assert report.article is not None, report.message
    link_all_pending_relatives()  # as the worker does after its files
    return report.article


def make_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# ----------------------------------------------------------------------------- background tasks


def run_queued_tasks() -> int:
    """Run every ready task in this process with django-tasks-db's own Worker.run_task, so
    tests in a rolled-back transaction see them (the worker loop would close the connection)."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = 0
    while (row := DBTaskResult.objects.ready().first()) is not None:
        row.claim(worker.worker_id)
        worker.run_task(row)
        ran += 1
    return ran


def worker_env() -> dict:
    """The test database, for a worker in another process."""
    settings = connection.settings_dict
    url = (
        f"postgres://{settings['USER']}@{quote(settings['HOST'], safe='')}:"
        f"{settings['PORT']}/{settings['NAME']}"
    )
    env = {**os.environ, "DATABASE_URL": url, "DEBUG": "false", "LOG_LEVEL": "WARNING"}
    env.setdefault("SECRET_KEY", "tests-only-worker-key-" + "k" * 40)  # required without DEBUG
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def start_worker(*args: str) -> subprocess.Popen:
    """`manage.py db_worker` in its own process; its output goes to a file (`.log`)."""
    log = tempfile.TemporaryFile("w+")  # noqa: SIM115 (closed with the test process)
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
        + ["--interval", "0.2", *args],
        cwd=ROOT,
        env=worker_env(),
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    worker.log = log
    return worker


def wait_for(condition, *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def finish(worker: subprocess.Popen, *, timeout: float = 300) -> str:
    """Wait for the worker to exit; its output."""
    worker.wait(timeout=timeout)
    worker.log.seek(0)
    return worker.log.read()


def stop(worker: subprocess.Popen) -> str:
    if worker.poll() is None:
        worker.terminate()
    return finish(worker, timeout=30)


# ----------------------------------------------------------------------------- sample articles
# Reports of one event by two outlets, and of its sequel a year later.

WIRE = """Farm ministers agree to cut fertiliser tariffs

March 14, 2023 / 4:05 PM

GENEVA (Reuters) - Farm ministers from 20 countries agreed on Tuesday to cut tariffs
on fertiliser, after two days of talks in Geneva.

"We have agreed to halve the tariffs on fertiliser within two years, and that is good news for
every farmer," said Amina Diallo, Senegal's agriculture minister, who chaired the talks.

Brazil's minister, Paulo Ferreira, was more cautious. "The details still have to be written, and
the details are where deals like this fail," Ferreira told reporters.

"It is a start, not a solution," said Lena Fischer, a farm economist at the University of Bonn.
"""


AGENCY = """Deal on fertiliser tariffs reached in Geneva

Published: 14/03/2023 18:30

GENEVA, March 14 (AFP) - Agriculture ministers meeting in Geneva struck a deal on Tuesday
to lower fertiliser tariffs, a move hailed by farm groups.

Senegal's Amina Diallo, who chaired the meeting, told AFP the ministers had agreed "to halve
the tariffs on fertiliser within two years".

Paulo Ferreira of Brazil warned: "The details still need to be written, and the details are where
such deals fail."
"""


NEXT_YEAR = """Fertiliser tariff deal comes into force

March 11, 2024 / 9:00 AM

GENEVA (Reuters) - Fertiliser tariffs fell on Monday as the deal agreed by farm
ministers a year ago came into force.

"Farmers are already paying less for fertiliser, and we will hold every country to its word," said
Amina Diallo, Senegal's agriculture minister.
"""


def make_copies_story(copies: int) -> Story:
    """One story of WIRE, AGENCY and `copies` reworded copies of WIRE, each outlet its own, with
    shared statements: the story the query-count tests grow."""
    make_article(WIRE, name="wire.txt")
    make_article(AGENCY, name="afp.txt")
    for n in range(copies):
        text = WIRE.replace("20 countries", f"{21 + n} countries")
        make_article(text, name=f"copy{n}.txt", outlet=f"Outlet {n}")
    story = Story.objects.get()
    assert story.articles.count() == 2 + copies
    return story


# ----------------------------------------------------------------------------- editing

HTMX = {"HX-Request": "true"}


def make_editor(username="ed"):
    user = make_user(username)
    user.groups.add(editors_group())
    return user


def make_scene():
    """Two outlets' articles in one story, a year-later article in another story."""
    wire = make_article(WIRE, name="wire.txt")
    agency = make_article(AGENCY, name="afp.txt")
    later = make_article(NEXT_YEAR, name="later.txt")
    quotes = list(wire.quotes.order_by("start_paragraph", "start_offset"))
    return SimpleNamespace(
        wire=wire,
        agency=agency,
        later=later,
        story=wire.story,
        other_story=later.story,
        diallo=quotes[0],
        ferreira=quotes[1],
        fischer=quotes[-1],
    )


def fresh(quote) -> Quote:
    return Quote.objects.get(pk=quote.pk)


def post_quote(client, name, quote, data=None, **kwargs):
    """Post to a quote action with the version the editor saw."""
    payload = {"version": fresh(quote).version, **(data or {})}
    return client.post(reverse(f"articles:{name}", args=[quote.pk]), payload, **kwargs)


def speakers(*paragraphs: str) -> list[str | None]:
    """The speaker of each quote the reading finds in these paragraphs, in order."""
    return [q.speaker for q in extract_quotes(list(paragraphs)).quotes]
