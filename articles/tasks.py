"""Background import: the files of an ImportBatch, imported by `manage.py db_worker` processes.

A batch's files are stored as ImportItems and handed out in chunks, one task per CHUNK_SIZE
files, so a 100,000-file import is 2,000 task rows rather than 100,000. Each file is imported
in one transaction together with its item's outcome, so a worker killed at any moment leaves a
file either imported and reported, or neither; a retried chunk skips what is done.

django-tasks-db never retries a task whose worker died: its row stays RUNNING for ever. Each
worker therefore holds an advisory lock named after its worker id on a session of its own
(`WorkerPresence`); PostgreSQL releases it the moment the process dies or the server restarts,
and `requeue_lost_items` hands the unfinished files of tasks without a live worker to new tasks.

No file may hold a worker for long: each is imported within NEWSROOM_IMPORT_ARTICLE_SECONDS
(`import_within_time_limit`), or rolled back and reported failed.
"""

import functools
import logging
import math
import os
import signal
import socket
import sys
import threading
import zlib
from collections.abc import Iterable
from contextlib import suppress
from itertools import batched, groupby

from django.conf import settings
from django.db import (
    DatabaseError,
    InterfaceError,
    OperationalError,
    connection,
    connections,
    transaction,
)
from django.tasks import TaskContext, TaskResultStatus, task
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.models import DBTaskResult

from articles.imports.storing import RETRY_SQLSTATES, FileReport, import_file, sqlstate
from articles.models import ImportBatch, ImportItem
from articles.processing import link_all_pending_relatives

logger = logging.getLogger(__name__)

# Files per task: a task's own cost (claiming and finishing its row) measured about 4 ms of
# worker CPU against about 12 ms per (small) file, so 1-2% here; small enough that several
# workers share an upload of a few hundred files.
CHUNK_SIZE = 25
# Tries per file, counted before each one: a file that kills its worker every time (out of
# memory, a crash in a C library) is reported as failed rather than retried for ever.
MAX_ATTEMPTS = 3
# Advisory-lock key spaces (pg_advisory_lock(space, key)): live workers, and recovery.
WORKER_LOCK_SPACE = 0x4E57  # "NW"
RECOVERY_LOCK_SPACE = 0x4E52  # "NR"
# The database went away (restart, network): the file stays queued and is retried.
CONNECTION_ERRORS = (OperationalError, InterfaceError)
# PostgreSQL's error code for a statement cancelled by statement_timeout.
QUERY_CANCELED = "57014"
# Code the time limit must not interrupt: an exception raised inside the database driver or
# Django's transaction handling can leave the connection mid-protocol. The alarm waits for the
# import to come out of it, trying again every RETRY_ALARM_SECONDS.
DATABASE_MODULES = ("psycopg", "django.db")
RETRY_ALARM_SECONDS = 0.005


@task(takes_context=True)
def import_items(context: TaskContext, batch_id: int) -> dict[str, int]:
    """Import the unfinished files handed to this task; return how many ended how."""
    task_id = context.task_result.id
    counts: dict[str, int] = {}
    item_ids = list(
        ImportItem.objects.filter(task_id=task_id, status=ImportItem.Status.QUEUED)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    # Read once for the chunk: its files share the batch's options.
    batch = ImportBatch.objects.select_related("created_by").filter(pk=batch_id).first()
    if batch is None:  # deleted, with its files
        return counts
    for item_id in item_ids:
        status = import_item(batch, item_id, task_id)
        if status:
            counts[status] = counts.get(status, 0) + 1
    link_new_stories()
    return counts


def link_new_stories() -> None:
    """Relate the stories the imports started to older ones, after the articles committed
    (see PendingRelatives). A failure here loses no article: the stories stay pending and the
    next task links them."""
    try:
        link_all_pending_relatives()
    except CONNECTION_ERRORS as error:
        # A deadlock with an import touching the same stories: rolled back, left pending.
        if sqlstate(error) not in RETRY_SQLSTATES:
            raise
        logger.warning("linking new stories to their relatives was rolled back: %s", error)
    except Exception:
        logger.exception("linking new stories to their relatives failed")


def import_item(batch: ImportBatch, item_id: int, task_id) -> str | None:
    """Import one queued file of `batch` and record its outcome in the same transaction.
    None when another worker has it or it is already done."""
    # The attempt is counted, and committed, before the import: a file that kills its worker
    # every time is given up after MAX_ATTEMPTS.
    with transaction.atomic():
        counted = _count_attempt(item_id, task_id)
        if counted is None:
            return None
        attempts, name, data = counted
        if attempts > MAX_ATTEMPTS:
            report = FileReport(
                name,
                "failed",
                f"the import stopped {MAX_ATTEMPTS} times on this file (the worker was killed "
                "or lost the database); it was not tried again",
            )
            _record(item_id, batch.pk, report)
            return report.status

    with transaction.atomic():
        if not _lock_queued_item(item_id, task_id):
            return None
        try:
            report = import_within_time_limit(
                name,
                bytes(data),
                outlet=batch.outlet or None,
                published=batch.published,
                user=batch.created_by,
            )
        except CONNECTION_ERRORS:
            raise
        except Exception as error:
            logger.exception("importing %r failed unexpectedly", name)
            report = FileReport(
                name, "failed", f"the import failed ({type(error).__name__}: {error})"
            )
        _record(item_id, batch.pk, report)
    return report.status


class ImportTooSlow(BaseException):
    """An import ran past its time limit. A BaseException, like KeyboardInterrupt, so the
    `except Exception` of the parser's own fallbacks cannot swallow it and carry on."""


def import_within_time_limit(name: str, data: bytes, **options) -> FileReport:
    """`import_file` within NEWSROOM_IMPORT_ARTICLE_SECONDS: a file that takes longer is rolled
    back (it runs in a savepoint, or its own transaction) and reported failed."""
    seconds = settings.NEWSROOM_IMPORT_ARTICLE_SECONDS
    # A worker's transaction goes on (the item's outcome is written next, without the limit).
    in_transaction = connection.in_atomic_block
    try:
        with transaction.atomic():
            previous = _limit_statements(seconds)
            with time_limit(seconds):
                report = import_file(name, data, **options)
            if in_transaction and previous is not None:
                _set_statement_timeout(previous)
    except ImportTooSlow:
        pass
    except OperationalError as error:
        # A query still running at the limit, cancelled by the server (statement_timeout).
        if getattr(error.__cause__, "sqlstate", None) != QUERY_CANCELED:
            raise
    else:
        return report
    return FileReport(
        name, "failed", f"it took longer than {seconds:g} s to import; nothing of it was saved"
    )


def _limit_statements(seconds: float) -> str | None:
    """Have the server cancel any query of this transaction still running at the limit (the
    alarm never interrupts a query); the setting it replaced, to restore, or None."""
    if seconds <= 0:
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('statement_timeout'), "
            "set_config('statement_timeout', %s, true)",
            [f"{math.ceil(seconds * 1000)}ms"],
        )
        return cursor.fetchone()[0]


def _set_statement_timeout(value: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('statement_timeout', %s, true)", [value])


class time_limit:  # noqa: N801 - used as a context manager, like contextlib's
    """Raise ImportTooSlow in the block once `seconds` have passed (SIGALRM).

    Only in the main thread of a process, where Python delivers signals, and only when nothing
    else uses SIGALRM; otherwise the block runs without a limit. Never raised inside database
    code (see DATABASE_MODULES): there the alarm is retried a moment later, and a long query
    is the server's to cancel. Disarmed on leaving the block, however it is left."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.armed = False
        self.expired = False  # the alarm went off while the block was in database code
        self.previous_handler = None
        self.entry_frame = None

    def __enter__(self):
        if (
            self.seconds > 0
            and threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN)
            and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        ):
            self.entry_frame = sys._getframe(1)
            self.previous_handler = signal.signal(signal.SIGALRM, self._alarm)
            self.armed = True
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, exc_type, exc_value, traceback) -> None:
        self._disarm()
        if self.expired and exc_type is None:
            # Past the limit, though the alarm found no moment to interrupt: the same verdict.
            raise ImportTooSlow(f"took longer than {self.seconds:g} s")

    def _disarm(self) -> None:
        self.armed = False  # first: an alarm arriving from here on is ignored
        if self.previous_handler is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous_handler)
            self.previous_handler = None
        self.entry_frame = None

    def _alarm(self, signum, frame) -> None:
        if not self.armed:
            return
        if self._in_database_code(frame):
            self.expired = True
            signal.setitimer(signal.ITIMER_REAL, RETRY_ALARM_SECONDS)
            return
        self._disarm()
        raise ImportTooSlow(f"took longer than {self.seconds:g} s")

    def _in_database_code(self, frame) -> bool:
        while frame is not None and frame is not self.entry_frame:
            if frame.f_globals.get("__name__", "").startswith(DATABASE_MODULES):
                return True
            frame = frame.f_back
        return False


# ImportItem.objects.select_for_update(skip_locked=True).filter(pk=..., task_id=..., queued)
# .update(attempts=F("attempts") + 1), returning the new count and the file, in one statement.
QUEUED_ITEM = "id = %(item)s AND task_id = %(task)s AND status = %(queued)s"
COUNT_ATTEMPT_SQL = f"""
    UPDATE articles_importitem SET attempts = attempts + 1
    WHERE id = (SELECT id FROM articles_importitem WHERE {QUEUED_ITEM} FOR UPDATE SKIP LOCKED)
    RETURNING attempts, name, data
"""
LOCK_QUEUED_ITEM_SQL = (
    f"SELECT 1 FROM articles_importitem WHERE {QUEUED_ITEM} FOR UPDATE SKIP LOCKED"
)


def _count_attempt(item_id: int, task_id) -> tuple[int, str, bytes] | None:
    """Count one more try at a queued file of this task: the number of tries, the file's name
    and its bytes; None when another worker has it or it is done. skip_locked: another
    worker's file is its business."""
    return _queued_item_row(COUNT_ATTEMPT_SQL, item_id, task_id)


def _lock_queued_item(item_id: int, task_id) -> bool:
    """Lock a queued file of this task for the rest of the transaction; False when another
    worker has it or it is done."""
    return _queued_item_row(LOCK_QUEUED_ITEM_SQL, item_id, task_id) is not None


def _queued_item_row(sql: str, item_id: int, task_id) -> tuple | None:
    with connection.cursor() as cursor:
        cursor.execute(
            sql, {"item": item_id, "task": task_id, "queued": ImportItem.Status.QUEUED.value}
        )
        return cursor.fetchone()


# The file's outcome, and the batch's count of it one more, with whether that was its last
# file; the update locks the batch row until commit, so the count is exact with many workers.
# The file's bytes go: the article (or the pending upload) keeps its own copy.
RECORD_SQL = """
    WITH item AS (
        UPDATE articles_importitem
        SET status = %(status)s, message = %(message)s, article_id = %(article)s,
            pending_id = %(pending)s, finished_at = %(finished)s, data = ''::bytea
        WHERE id = %(item)s
    )
    UPDATE articles_importbatch SET {field} = {field} + 1 WHERE id = %(batch)s
    RETURNING {done} >= total AND finished_at IS NULL
"""


@functools.cache
def _record_sql(status: str) -> str:
    """RECORD_SQL for an outcome: the batch column counting it."""
    quote_name = connection.ops.quote_name
    return RECORD_SQL.format(
        field=quote_name(ImportBatch._meta.get_field(status).column),
        done=" + ".join(quote_name(field) for field in ImportBatch.COUNT_FIELDS),
    )


def _record(item_id: int, batch_id: int, report: FileReport) -> None:
    finished = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            _record_sql(report.status),
            {
                "status": report.status,
                "message": report.message,
                "article": report.article.pk if report.article else None,
                "pending": report.pending.pk if report.pending else None,
                "finished": finished,
                "item": item_id,
                "batch": batch_id,
            },
        )
        (last,) = cursor.fetchone()
    if last:
        ImportBatch.objects.filter(pk=batch_id).update(finished_at=finished)


def queue_files(
    batch: ImportBatch,
    files: Iterable[tuple[str, bytes]],
    refused: Iterable[tuple[str, str]] = (),
) -> ImportBatch:
    """Store the files as items of `batch` and enqueue the tasks that import them; `refused`
    files are recorded as failed at once. Call it inside the transaction that created the
    batch: django-tasks-db writes the tasks there too, so workers see all or nothing."""
    total = 0
    for chunk in batched(files, CHUNK_SIZE, strict=False):
        result = import_items.enqueue(batch.pk)
        ImportItem.objects.bulk_create(
            ImportItem(batch=batch, name=name[:500], data=data, size=len(data), task_id=result.id)
            for name, data in chunk
        )
        total += len(chunk)
    now = timezone.now()
    failed = ImportItem.objects.bulk_create(
        ImportItem(
            batch=batch,
            name=name[:500],
            status=ImportItem.Status.FAILED,
            message=reason,
            finished_at=now,
        )
        for name, reason in refused
    )
    batch.total = total + len(failed)
    batch.failed = len(failed)
    batch.finished_at = now if total == 0 else None
    batch.save(update_fields=["total", "failed", "finished_at"])
    return batch


def requeue_lost_items() -> int:
    """Give the unfinished files of lost tasks to new tasks; return how many were requeued.

    A task is lost when it is RUNNING but its worker's advisory lock is free (the worker died
    or the database restarted under it), or when it ended (failed, or pruned) with files still
    queued. Safe to run anywhere at any time: it takes a lock so two recoveries never overlap,
    and a file is imported under its own row lock, so even a wrongly requeued file is imported
    once."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, 0)", [RECOVERY_LOCK_SPACE])
        live = live_worker_keys()
        running = DBTaskResult.objects.running().filter(task_path=import_items.module_path)
        lost = [
            pk
            for pk, worker_ids in running.values_list("pk", "worker_ids")
            if not worker_ids or worker_key(worker_ids[-1]) not in live
        ]
        if lost:
            DBTaskResult.objects.filter(pk__in=lost).update(
                status=TaskResultStatus.FAILED,
                finished_at=timezone.now(),
                exception_class_path="articles.tasks.WorkerLost",
                traceback="The worker running this task stopped before it finished (killed, "
                "or the database restarted); its unfinished files went to a new task.",
            )
            logger.warning("%d import task(s) lost their worker", len(lost))
        waiting = DBTaskResult.objects.filter(
            status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
        ).values("pk")
        orphans = (
            ImportItem.objects.filter(status=ImportItem.Status.QUEUED)
            .exclude(task_id__in=waiting)
            .order_by("batch_id", "pk")
            .values_list("batch_id", "pk")
        )
        requeued = 0
        for batch_id, rows in groupby(orphans, key=lambda row: row[0]):
            for chunk in batched((pk for _, pk in rows), CHUNK_SIZE, strict=False):
                result = import_items.enqueue(batch_id)
                ImportItem.objects.filter(pk__in=chunk).update(task_id=result.id)
                requeued += len(chunk)
        if requeued:
            logger.warning("requeued %d file(s) of lost import tasks", requeued)
        return requeued


def worker_key(worker_id: str) -> int:
    return zlib.crc32(worker_id.encode()) & 0x7FFFFFFF


def live_worker_keys() -> set[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND granted "
            "AND classid = %s AND objsubid = 2 "
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            [WORKER_LOCK_SPACE],
        )
        return {key for (key,) in cursor.fetchall()}


class WorkerPresence:
    """A database session a worker holds open while it lives, holding an advisory lock named
    after its worker id: how other workers tell a dead worker from a busy one, no timeouts."""

    def __init__(self, base: str | None = None):
        self.base = (base or f"{socket.gethostname()[:30]}-{os.getpid()}")[:56]
        self.session = None

    def announce(self) -> str:
        """Open the session and take a fresh worker id (a new one after each reconnection, so
        the tasks claimed before it count as lost)."""
        self.close()
        # A copy: a session of its own, which close_old_connections() never closes.
        session = connections["default"].copy()
        while True:
            worker_id = f"{self.base}-{get_random_string(7)}"
            with session.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_try_advisory_lock(%s, %s)",
                    [WORKER_LOCK_SPACE, worker_key(worker_id)],
                )
                if cursor.fetchone()[0]:
                    self.session = session
                    return worker_id

    def close(self) -> None:
        if self.session is not None:
            with suppress(DatabaseError):
                # Let go at once: a closed session's backend ends (and frees its locks) a
                # moment after the client has gone, which another worker may look inside.
                with self.session.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock_all()")
                self.session.close()
            self.session = None
