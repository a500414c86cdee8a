"""Queueing files for the background workers (`manage.py db_worker`): one batch per upload
request or `import_articles --background` run, checked the same way whichever it is.

A batch's files are stored as ImportItems and handed out in chunks, one task per CHUNK_SIZE
files, so a 100,000-file import is 2,000 task rows rather than 100,000.
"""

import datetime
from collections.abc import Iterable
from itertools import batched, chain

from django.db import transaction
from django.utils import timezone

from articles.ingest import IngestError
from articles.ingest.decoding import decode_bytes
from articles.models import ImportBatch, ImportItem
from articles.tasks import import_items

# Files per task: a task's own cost (claiming and finishing its row) measured about 4 ms of
# worker CPU against about 12 ms per (small) file, so 1-2% here; small enough that several
# workers share an upload of a few hundred files.
CHUNK_SIZE = 25


def queue_batch(
    files: Iterable[tuple[str, bytes]],
    refused: list[tuple[str, str]],
    *,
    label: str,
    origin: ImportBatch.Origin = ImportBatch.Origin.UPLOAD,
    outlet: str | None = None,
    published: datetime.date | None = None,
    user=None,
) -> ImportBatch | None:
    """Queue the files as one batch, the `refused` ones (name, reason) reported in it as
    failed; None, writing nothing, when no file is left to import. The upload page and
    `import_articles --background` both queue through here, so a file gets the same check.

    A file that cannot be read as text (empty, binary) is refused at once and added to
    `refused`. `files` is read as it is queued, so a generator keeps a large folder out of
    memory."""
    screened = _screened(files, refused)
    first = next(screened, None)
    if first is None:
        return None
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            created_by=user,
            origin=origin,
            label=label[:300],
            outlet=outlet or "",
            published=published,
        )
        queue_files(batch, chain([first], screened), refused)
    return batch


def _screened(files: Iterable[tuple[str, bytes]], refused: list[tuple[str, str]]):
    """The files that decode as text; the others go to `refused` with the reason."""
    for name, data in files:
        # Empty and binary files are told at once; the rest is the workers' job.
        try:
            decode_bytes(data)
        except IngestError as error:
            refused.append((name, str(error)))
        else:
            yield name, data


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
