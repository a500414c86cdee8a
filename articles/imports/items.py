"""Importing the files a task was handed (a batch's ImportItems), each in one transaction
together with its outcome, so a worker killed at any moment leaves a file either imported and
reported, or neither; a retried chunk skips what is done.
"""

import functools
import logging

from django.db import connection, transaction
from django.utils import timezone

from articles.imports.running import import_within_time_limit, link_new_stories
from articles.imports.storing import FileReport
from articles.imports.workers import CONNECTION_ERRORS
from articles.models import ImportBatch, ImportItem

logger = logging.getLogger(__name__)

# Tries per file, counted before each one: a file that kills its worker every time (out of
# memory, a crash in a C library) is reported as failed rather than retried for ever.
MAX_ATTEMPTS = 3


def import_queued_items(batch_id: int, task_id) -> dict[str, int]:
    """Import the unfinished files of the batch handed to task `task_id`; return how many
    ended how."""
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
