"""django-tasks-db's `db_worker`, made to survive what a long import meets.

Same options and queue as the original (articles comes before django_tasks_db in
INSTALLED_APPS, so this command takes its name, as staticfiles does with runserver). Added:

- presence: the worker holds an advisory lock named after its id on a session of its own, so
  any worker can tell that a RUNNING task's worker has died;
- recovery at start and every --recover-every seconds: files of lost tasks go to new tasks;
- reconnection: when the database goes away (a restart), the worker waits and reconnects
  with a new id instead of exiting, and the task it was running is recovered.
"""

import logging
import os
import threading
import time
from contextlib import suppress

from django.core.management.base import CommandError
from django.db import DatabaseError, connection, connections
from django.db.backends.signals import connection_created
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from articles.imports.workers import CONNECTION_ERRORS, WorkerPresence, requeue_lost_items

logger = logging.getLogger("django_tasks_db")

MAX_RECONNECT_DELAY = 30


class ImportWorker(db_worker.Worker):
    def __init__(self, *, recover_every: float, worker_base: str | None, **kwargs):
        super().__init__(worker_id="starting", **kwargs)
        self.recover_every = recover_every
        self.presence = WorkerPresence(worker_base)

    def run(self) -> None:
        stop = threading.Event()
        recovery = threading.Thread(
            target=recover_periodically, args=(stop, self.recover_every), daemon=True
        )
        recovery.start()
        delay = 1
        try:
            while True:
                try:
                    self.worker_id = self.presence.announce()
                    logger.info("worker %s: recovering lost imports", self.worker_id)
                    requeue_lost_items()
                    delay = 1
                    return super().run()
                except CONNECTION_ERRORS as error:
                    if not self.running:
                        raise
                    logger.warning(
                        "worker %s lost the database (%s); reconnecting in %ss",
                        self.worker_id,
                        (str(error).strip().splitlines() or [repr(error)])[0],
                        delay,
                    )
                    self.presence.close()
                    close_connections()
                    time.sleep(delay)
                    delay = min(delay * 2, MAX_RECONNECT_DELAY)
        finally:
            stop.set()
            self.presence.close()


def recover_periodically(stop: threading.Event, every: float) -> None:
    """Catch tasks whose worker died while this one stays up (runs on its own connection)."""
    while not stop.wait(every):
        try:
            requeue_lost_items()
        except DatabaseError as error:
            logger.warning("recovering lost imports failed (%s); will try again", error)
        finally:
            connection.close()


def commit_without_waiting(sender, connection, **kwargs) -> None:
    """A worker's commits do not wait for the disk (synchronous_commit = off).

    Each file is imported in one transaction together with its item's outcome, so if the
    server crashes before writing the last commits out, those files are simply queued again
    and imported once more; what a commit shows other sessions is unchanged. The import's
    own transaction already did so; now the commit that counts a file's attempt does too.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit = off")


def close_connections() -> None:
    for wrapper in connections.all(initialized_only=True):
        with suppress(DatabaseError):
            wrapper.close()


class Command(db_worker.Command):
    help = (
        "Run a background worker (django-tasks-db's db_worker) that recovers the imports of "
        "workers that died and survives database restarts."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--recover-every",
            type=db_worker.valid_interval,
            default=30,
            help="Seconds between looks for imports whose worker died (default: %(default)r)",
        )
        # The id is "<this>-<random>", new after each reconnection; default: host and pid.
        parser.set_defaults(worker_id=None)

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        recover_every,
        **options,
    ):
        self.configure_logging(verbosity)
        connection_created.connect(commit_without_waiting)
        if reload and batch:
            reload = False
        if exclude_queues and "*" not in queue_name.split(","):
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ImportWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
            recover_every=recover_every,
            worker_base=worker_id,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
