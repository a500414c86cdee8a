"""The per-article time limit of imports (NEWSROOM_IMPORT_ARTICLE_SECONDS): a file that takes
longer is rolled back and reported failed, and the import goes on with the next file."""

import signal
import threading
import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError, connection, transaction
from django.urls import reverse

from articles.imports.batches import queue_files
from articles.imports.running import ImportTooSlow, _limit_statements, time_limit
from articles.imports.storing import fingerprint
from articles.models import Article, ImportBatch, ImportItem, PendingUpload, Quote
from tests.helpers import WIRE_STORY, make_user, run_queued_tasks, start_worker, stop, wait_for

# Between the two files' import times with a wide margin either way: the short wire story
# imports in some 15 ms, the long article below in about 2.5 s on an idle machine (and only
# more slowly on a busy one).
LIMIT = 1.0
TOO_SLOW = f"it took longer than {LIMIT:g} s to import; nothing of it was saved"


# SIGALRM, which the limit uses, is the whole process's: in an xdist worker the limit was found
# unarmed in 3 of 8 parallel runs, so make test runs this file in a process of its own.
pytestmark = pytest.mark.alone


@pytest.fixture(autouse=True)
def alarm_free():
    """time_limit arms only where nothing else holds SIGALRM (see its docstring): a handler or
    timer left by code run earlier in the same process (an xdist worker runs many files) let
    a 4.8 s file through unlimited twice. Each test here starts with the alarm free."""
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    yield


def long_article(paragraphs: int = 6000) -> bytes:
    """A real Reuters article, only very long: thousands of quoted paragraphs."""
    body = "\n\n".join(
        f'"We will keep the corridor open for shipment number {number}," said minister Anna '
        "Berg of the ministry in the capital on Tuesday."
        for number in range(paragraphs)
    )
    return f"Corridor shipments listed\n\nANKARA (Reuters) - {body}\n".encode()


def busy(seconds: float) -> None:
    """Pure-Python work, the kind only an alarm can interrupt."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pass


def statement_timeout() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        return cursor.fetchone()[0]


def assert_alarm_disarmed() -> None:
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL


def assert_nothing_of_the_long_article_saved(slow: bytes) -> None:
    assert not Article.objects.filter(fingerprint=fingerprint(slow)).exists()
    assert not Article.objects.filter(title="Corridor shipments listed").exists()
    assert not Quote.objects.filter(text__contains="shipment number").exists()
    assert not PendingUpload.objects.exists()


def queue(files, user=None) -> ImportBatch:
    with transaction.atomic():
        batch = ImportBatch.objects.create(label="test", created_by=user)
        queue_files(batch, files)
    return batch


# ----------------------------------------------------------------------------- the worker


@pytest.mark.django_db
def test_a_file_over_the_limit_is_rolled_back_reported_and_the_next_file_imported(settings, client):
    settings.NEWSROOM_IMPORT_ARTICLE_SECONDS = LIMIT
    slow = long_article()
    before = statement_timeout()
    user = make_user(staff=True)
    batch = queue([("long.txt", slow), ("wire.txt", WIRE_STORY.encode())], user)
    started = time.monotonic()
    run_queued_tasks()
    took = time.monotonic() - started

    batch.refresh_from_db()
    assert batch.is_finished and batch.summary["failed"] == 1 and batch.summary["imported"] == 1
    items = {item.name: item for item in batch.items.all()}
    assert items["long.txt"].status == ImportItem.Status.FAILED
    assert items["long.txt"].message == TOO_SLOW and items["long.txt"].article is None
    assert items["wire.txt"].status == ImportItem.Status.IMPORTED
    assert_nothing_of_the_long_article_saved(slow)
    assert list(Article.objects.values_list("title", flat=True)) == [
        "Ministers agree on grain corridor"
    ]
    assert took < 30  # stopped at the limit, not imported to the end in the worker's time
    # The connection and its transaction are usable, as they were before.
    assert statement_timeout() == before
    assert_alarm_disarmed()
    client.force_login(user)
    page = client.get(batch.get_absolute_url())
    assert page.status_code == 200 and TOO_SLOW in page.content.decode()


@pytest.mark.django_db
def test_without_a_limit_nothing_is_armed(settings):
    settings.NEWSROOM_IMPORT_ARTICLE_SECONDS = 0
    before = statement_timeout()
    batch = queue([("wire.txt", WIRE_STORY.encode())])
    run_queued_tasks()
    assert batch.items.get().status == ImportItem.Status.IMPORTED
    assert statement_timeout() == before
    assert_alarm_disarmed()


@pytest.mark.django_db
def test_import_articles_command_reports_a_file_over_the_limit_and_goes_on(settings, tmp_path):
    settings.NEWSROOM_IMPORT_ARTICLE_SECONDS = LIMIT
    slow = long_article()
    (tmp_path / "a-long.txt").write_bytes(slow)
    (tmp_path / "b-wire.txt").write_text(WIRE_STORY)
    out = StringIO()
    try:
        call_command("import_articles", str(tmp_path), stdout=out, stderr=out)
    except CommandError:
        pass
    else:  # seen once in a parallel run, unexplained: what the command said, to look into
        pytest.fail(f"the command reported no failure:\n{out.getvalue()}")
    output = out.getvalue()
    assert f"[1/2] failed: {tmp_path / 'a-long.txt'}: {TOO_SLOW}" in output
    assert f"[2/2] imported: {tmp_path / 'b-wire.txt'}" in output
    assert "1 imported, 0 already present, 0 need an outlet, 1 failed" in output
    assert_nothing_of_the_long_article_saved(slow)
    assert Article.objects.count() == 1
    assert_alarm_disarmed()


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_stops_a_file_at_the_limit_and_keeps_working(monkeypatch):
    # The worker process reads the limit from its environment, as in production.
    monkeypatch.setenv("NEWSROOM_IMPORT_ARTICLE_SECONDS", f"{LIMIT:g}")
    slow = long_article()
    worker = start_worker()
    try:
        first = queue([("long.txt", slow), ("wire.txt", WIRE_STORY.encode())])
        wait_for(lambda: ImportBatch.objects.get(pk=first.pk).is_finished, timeout=120,
                 what="the first import")  # fmt: skip
        second = queue([("next.txt", WIRE_STORY.replace("four", "five").encode())])
        wait_for(lambda: ImportBatch.objects.get(pk=second.pk).is_finished, timeout=60,
                 what="the second import")  # fmt: skip
        assert worker.poll() is None  # the same worker, still running
    finally:
        output = stop(worker)
    items = {item.name: item for item in ImportItem.objects.all()}
    assert items["long.txt"].message == TOO_SLOW, output
    assert items["long.txt"].attempts == 1  # stopped once, not killed and retried
    assert items["wire.txt"].status == items["next.txt"].status == ImportItem.Status.IMPORTED
    assert_nothing_of_the_long_article_saved(slow)
    assert Article.objects.count() == 2


# ----------------------------------------------------------------------------- the mechanism


def test_pure_python_work_is_stopped_at_the_limit():
    started = time.monotonic()
    with pytest.raises(ImportTooSlow), time_limit(0.05):
        busy(10)
    assert time.monotonic() - started < 5
    assert_alarm_disarmed()


def test_the_alarm_is_disarmed_however_the_block_ends():
    with time_limit(0.05):
        pass
    with pytest.raises(ValueError), time_limit(0.05):
        raise ValueError("a bad file")
    busy(0.2)  # well past both limits: no alarm goes off
    assert_alarm_disarmed()


def test_the_limit_is_not_armed_outside_the_main_thread():
    # Signals reach only the main thread: a thread (a web server's, say) runs without a limit.
    outcome = []

    def work():
        try:
            with time_limit(0.01):
                busy(0.3)
        except BaseException as error:  # noqa: BLE001 - whatever it is, the test shows it
            outcome.append(error)
        else:
            outcome.append("finished")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert outcome == ["finished"]
    assert_alarm_disarmed()


@pytest.mark.django_db
def test_the_alarm_never_interrupts_a_query_and_the_connection_stays_usable():
    started = time.monotonic()
    with (
        pytest.raises(ImportTooSlow),
        transaction.atomic(),
        time_limit(0.05),
        connection.cursor() as cursor,
    ):
        cursor.execute("SELECT pg_sleep(0.5)")
    # Raised once the query had finished (an interrupted query would leave the connection
    # mid-protocol: "another command is already in progress").
    assert time.monotonic() - started >= 0.5
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
    assert_alarm_disarmed()


@pytest.mark.django_db
def test_a_query_still_running_at_the_limit_is_cancelled_by_the_server():
    before = statement_timeout()
    started = time.monotonic()
    with pytest.raises(OperationalError) as caught, transaction.atomic():
        _limit_statements(0.2)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(30)")
    assert caught.value.__cause__.sqlstate == "57014"  # query_canceled
    assert time.monotonic() - started < 10
    # The savepoint rolled back, and the setting with it.
    assert statement_timeout() == before
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_an_admin_choosing_the_outlet_of_a_slow_file_is_told_and_the_upload_kept(
    settings, admin_client
):
    """The one import in a web request (an outlet chosen for a pending upload) has the limit
    too: the page says why, nothing is saved, and the upload waits to be dealt with."""
    settings.NEWSROOM_IMPORT_ARTICLE_SECONDS = LIMIT
    slow = long_article().replace(b" (Reuters)", b"")
    pending = PendingUpload.objects.create(
        original=slow, original_filename="long.txt", fingerprint=fingerprint(slow)
    )
    response = admin_client.post(
        reverse("articles:assign_outlet", args=[pending.pk]), {"outlet": "BBC News"}
    )
    assert response.status_code == 400 and TOO_SLOW in response.content.decode()
    assert not Article.objects.exists() and not Quote.objects.exists()
    assert PendingUpload.objects.filter(pk=pending.pk).exists()
    assert_alarm_disarmed()
