"""Worker presence and recovery: telling a dead worker from a busy one, and handing the files
of the tasks it left behind to new tasks.

django-tasks-db never retries a task whose worker died: its row stays RUNNING for ever. Each
worker therefore holds an advisory lock named after its worker id on a session of its own
(`WorkerPresence`); PostgreSQL releases it the moment the process dies or the server restarts,
and `requeue_lost_items` hands the unfinished files of tasks without a live worker to new tasks.
"""

import logging
import os
import socket
import zlib
from contextlib import suppress
from itertools import batched, groupby

from django.db import (
    DatabaseError,
    InterfaceError,
    OperationalError,
    connection,
    connections,
    transaction,
)
from django.tasks import TaskResultStatus
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.models import DBTaskResult

from articles.imports.batches import CHUNK_SIZE
from articles.models import ImportItem
from articles.tasks import import_items

logger = logging.getLogger(__name__)

# Advisory-lock key spaces (pg_advisory_lock(space, key)): live workers, and recovery.
WORKER_LOCK_SPACE = 0x4E57  # "NW"
RECOVERY_LOCK_SPACE = 0x4E52  # "NR"
# The database went away (restart, network): the file stays queued and is retried.
CONNECTION_ERRORS = (OperationalError, InterfaceError)


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
