"""Background import: tasks in PostgreSQL, real `manage.py db_worker` processes, killed ones."""

import math
import os
import signal

import psycopg
import pytest
from django.db import OperationalError, connection, transaction
from django.db.backends.signals import connection_created
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from articles.imports import running
from articles.imports.batches import CHUNK_SIZE, queue_files
from articles.imports.items import MAX_ATTEMPTS
from articles.imports.running import link_new_stories
from articles.imports.workers import (
    WorkerPresence,
    live_worker_keys,
    requeue_lost_items,
    worker_key,
)
from articles.management.commands.db_worker import commit_without_waiting
from articles.models import Article, ImportBatch, ImportItem, PendingRelatives
from articles.tasks import import_items
from tests.helpers import (
    NEXT_YEAR,
    ROOT,
    WIRE,
    WIRE_STORY,
    finish,
    make_user,
    run_queued_tasks,
    start_worker,
    stop,
    wait_for,
)

CHROME_ONLY = b"<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav></body></html>"


def wire_story(number: int) -> bytes:
    """A distinct Reuters article (its own text fingerprint) for each number."""
    return (
        WIRE_STORY.replace("grain corridor", f"grain corridor number {number}")
        .replace("four countries", f"{number + 5} countries")
        .encode()
    )


def queue(files, refused=(), **batch_fields) -> ImportBatch:
    with transaction.atomic():
        batch = ImportBatch.objects.create(label="test", **batch_fields)
        queue_files(batch, files, refused)
    return batch


# ----------------------------------------------------------------------------- in one process


@pytest.mark.django_db
def test_files_are_stored_as_items_and_enqueued_in_chunks():
    files = [(f"wire-{n}.txt", wire_story(n)) for n in range(CHUNK_SIZE * 2 + 1)]
    batch = queue(files, refused=[("x.rar", "only zip archives are accepted")])
    assert batch.total == len(files) + 1 and batch.failed == 1 and not batch.is_finished
    tasks = DBTaskResult.objects.filter(task_path=import_items.module_path)
    assert tasks.count() == math.ceil(len(files) / CHUNK_SIZE) == 3
    assert all(task.args_kwargs == {"args": [batch.pk], "kwargs": {}} for task in tasks)
    queued = batch.items.filter(status=ImportItem.Status.QUEUED)
    assert queued.count() == len(files)
    assert set(queued.values_list("task_id", flat=True)) == set(tasks.values_list("pk", flat=True))
    assert Article.objects.count() == 0  # nothing imported until a worker runs


@pytest.mark.django_db
def test_a_failing_file_is_reported_with_its_message_and_the_rest_go_on():
    user = make_user("boss", staff=True)
    batch = queue(
        [
            ("one.txt", wire_story(1)),
            ("chrome.html", CHROME_ONLY),
            ("empty.txt", b""),
            ("two.txt", wire_story(2)),
        ],
        created_by=user,
    )
    run_queued_tasks()
    batch.refresh_from_db()
    assert batch.is_finished
    assert batch.summary == {"imported": 2, "duplicate": 0, "needs_outlet": 0, "failed": 2}
    items = {item.name: item for item in batch.items.all()}
    assert "No article text was found" in items["chrome.html"].message
    assert items["empty.txt"].message == "The file is empty."
    assert items["one.txt"].article.uploaded_by == user
    assert all(bytes(item.data) == b"" for item in items.values())  # the copy is let go
    assert all(item.attempts == 1 and item.finished_at for item in items.values())


@pytest.mark.django_db
def test_the_stories_a_task_starts_are_linked_to_their_relatives_when_its_files_are_done():
    queue([("wire.txt", WIRE.encode()), ("later.txt", NEXT_YEAR.encode())])
    run_queued_tasks()
    first, later = (a.story for a in Article.objects.order_by("published_at"))
    assert first != later
    assert list(first.related.all()) == [later]
    assert not PendingRelatives.objects.exists()


def test_a_deadlock_while_linking_leaves_the_stories_pending_and_a_lost_database_is_raised(
    monkeypatch, caplog
):
    """link_new_stories: PostgreSQL rolled back a deadlock (40P01): logged, the task goes on
    and the next one links. A lost connection is raised, so that the worker reconnects."""

    def fail_with(cause):
        def link():
            try:
                raise cause
            except psycopg.Error as error:
                raise OperationalError(str(error)) from error

        monkeypatch.setattr(running, "link_all_pending_relatives", link)

    fail_with(psycopg.errors.DeadlockDetected("deadlock detected"))
    link_new_stories()
    assert "rolled back: deadlock detected" in caplog.text

    fail_with(psycopg.errors.AdminShutdown("terminating connection"))
    with pytest.raises(OperationalError, match="terminating connection"):
        link_new_stories()


@pytest.mark.django_db
def test_outlet_and_date_of_the_batch_apply_to_its_files():
    undated = WIRE_STORY.replace(" on Tuesday", "").encode()
    batch = queue([("a.txt", undated)], outlet="Anadolu Agency", published="2024-03-05")
    run_queued_tasks()
    article = Article.objects.get()
    assert article.outlet.name == "Anadolu Agency"
    assert article.published_at.date().isoformat() == "2024-03-05"
    assert batch.items.get().article == article


@pytest.mark.django_db
def test_a_retried_task_skips_finished_files():
    batch = queue([("one.txt", wire_story(1)), ("two.txt", wire_story(2))])
    run_queued_tasks()
    task = DBTaskResult.objects.get()
    # Run the same task again, as a retry would: nothing is imported twice.
    task.status = TaskResultStatus.READY
    task.save()
    run_queued_tasks()
    batch.refresh_from_db()
    assert Article.objects.count() == 2
    assert batch.summary["imported"] == 2 and batch.done == batch.total == 2
    assert DBTaskResult.objects.get().return_value == {}  # the retry had nothing left to do


@pytest.mark.django_db
def test_a_file_that_stopped_the_worker_too_often_is_given_up():
    batch = queue([("poison.txt", wire_story(1)), ("fine.txt", wire_story(2))])
    batch.items.filter(name="poison.txt").update(attempts=MAX_ATTEMPTS)
    run_queued_tasks()
    poison = batch.items.get(name="poison.txt")
    assert poison.status == "failed" and f"stopped {MAX_ATTEMPTS} times" in poison.message
    assert batch.items.get(name="fine.txt").status == "imported"
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_running_task_of_a_live_worker_is_left_alone_and_of_a_dead_one_requeued():
    batch = queue([("one.txt", wire_story(1))])
    task = DBTaskResult.objects.get()
    presence = WorkerPresence("test")
    worker_id = presence.announce()
    try:
        task.claim(worker_id)
        assert worker_key(worker_id) in live_worker_keys()
        assert requeue_lost_items() == 0
        assert DBTaskResult.objects.get(pk=task.pk).status == TaskResultStatus.RUNNING
    finally:
        presence.close()
    assert worker_key(worker_id) not in live_worker_keys()
    assert requeue_lost_items() == 1
    lost = DBTaskResult.objects.get(pk=task.pk)
    assert lost.status == TaskResultStatus.FAILED
    assert lost.exception_class_path == "articles.tasks.WorkerLost"
    item = batch.items.get()
    assert item.task_id != task.pk and DBTaskResult.objects.ready().filter(pk=item.task_id)
    run_queued_tasks()
    assert batch.items.get().status == "imported"


@pytest.mark.django_db
def test_files_of_a_task_that_failed_are_requeued():
    batch = queue([("one.txt", wire_story(1)), ("two.txt", wire_story(2))])
    # What django-tasks-db records when a task raises (the database went away under it).
    DBTaskResult.objects.update(status=TaskResultStatus.FAILED)
    assert requeue_lost_items() == 2
    assert requeue_lost_items() == 0  # the new task is waiting: nothing more to do
    run_queued_tasks()
    batch.refresh_from_db()
    assert batch.is_finished and batch.imported == 2


# ----------------------------------------------------------------------------- real workers


def done(batch: ImportBatch) -> int:
    batch.refresh_from_db()
    return batch.done


@pytest.mark.django_db(transaction=True)
def test_worker_killed_mid_import_is_retried_and_nothing_is_imported_twice():
    count = 40
    batch = queue([(f"wire-{n}.txt", wire_story(n)) for n in range(count)])
    first = start_worker()
    try:
        wait_for(lambda: done(batch) >= 3, timeout=120, what="the first worker to import")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        stop(first)
    killed_at = done(batch)
    assert killed_at < count, "the worker finished before it could be killed"
    # django-tasks-db leaves the dead worker's task RUNNING; its lock is gone with its session.
    running = list(DBTaskResult.objects.running().values_list("pk", flat=True))
    assert running
    wait_for(lambda: not live_worker_keys(), timeout=10, what="the dead worker's session to end")

    second = start_worker("--batch")
    output = finish(second)
    assert second.returncode == 0, output
    batch.refresh_from_db()
    assert batch.is_finished, output
    assert batch.summary == {"imported": count, "duplicate": 0, "needs_outlet": 0, "failed": 0}
    assert Article.objects.count() == count
    article_ids = list(batch.items.values_list("article_id", flat=True))
    assert len(set(article_ids)) == count and None not in article_ids
    assert not DBTaskResult.objects.running().exists()
    assert set(
        DBTaskResult.objects.filter(pk__in=running).values_list("exception_class_path", flat=True)
    ) == {"articles.tasks.WorkerLost"}


@pytest.mark.django_db(transaction=True)
def test_two_workers_share_one_queue():
    count = CHUNK_SIZE * 4
    workers = [start_worker(), start_worker()]
    # Both are up before there is work, or a fast one could take every task alone.
    wait_for(lambda: len(live_worker_keys()) == 2, timeout=60, what="two live workers")
    batch = queue([(f"wire-{n}.txt", wire_story(n)) for n in range(count)])
    wait_for(lambda: done(batch) == count, timeout=300, what="the import to finish")
    outputs = [stop(worker) for worker in workers]
    batch.refresh_from_db()
    assert batch.imported == count and Article.objects.count() == count, outputs
    claimed_by = {row[-1] for row in DBTaskResult.objects.values_list("worker_ids", flat=True)}
    assert len(claimed_by) == 2  # both workers took tasks from the one queue


@pytest.mark.restarts_database
@pytest.mark.django_db(transaction=True)
def test_import_resumes_after_postgresql_restarts_under_the_worker():
    from newsroom import embedded_db

    if os.environ.get("DATABASE_URL"):
        pytest.skip("restarts the embedded PostgreSQL only")
    if os.environ.get("PYTEST_XDIST_WORKER"):
        # The restart cut the other workers' tests off mid-transaction (37 failed, 94 errors
        # in the first parallel run); make test runs this one after them, on its own.
        pytest.skip("restarts the server every xdist worker uses: run it without -n")
    count = 30
    batch = queue([(f"wire-{n}.txt", wire_story(n)) for n in range(count)])
    worker = start_worker()
    try:
        wait_for(lambda: done(batch) >= 3, timeout=120, what="the worker to import")
        connection.close()
        embedded_db.restart(embedded_db.default_data_dir(ROOT))
        wait_for(lambda: done(batch) >= count, timeout=180, what="the import to resume")
    finally:
        output = stop(worker)
    batch.refresh_from_db()
    assert batch.summary == {"imported": count, "duplicate": 0, "needs_outlet": 0, "failed": 0}
    assert Article.objects.count() == count
    assert "lost the database" in output


@pytest.mark.django_db
def test_a_workers_new_connections_commit_without_waiting_for_the_disk():
    """db_worker connects this to every connection it opens (see its docstring for why it is
    safe): a file's outcome and its rows commit together, so a lost commit is re-imported."""

    def setting() -> str:
        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            return cursor.fetchone()[0]

    assert setting() == "on"
    connection_created.connect(commit_without_waiting)
    try:
        connection_created.send(sender=type(connection), connection=connection)
        assert setting() == "off"
    finally:
        connection_created.disconnect(commit_without_waiting)
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit = on")
