"""Importing files as articles: now (`import_file`, `import_within_time_limit`) or in the
background (`queue_batch`), the files of an ImportBatch imported by `manage.py db_worker`.

- batches.py: queueing an upload's files as one batch, one task per CHUNK_SIZE files;
- items.py: a task's files, each imported in one transaction together with its outcome;
- running.py: one file within its time limit, and relating the stories a run of files started;
- storing.py: storing one parsed file as an article (or a pending upload), one transaction;
- workers.py: worker presence, and recovery of the files of tasks whose worker died.
"""

from .batches import queue_batch
from .running import import_within_time_limit
from .storing import import_file

__all__ = ["import_file", "import_within_time_limit", "queue_batch"]
