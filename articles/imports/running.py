"""Running one file's import within its time limit, and relating the stories a run of imports
started: what the workers, `import_articles` and the pending-upload page each do around
`import_file`.

No file may hold a worker for long: each is imported within NEWSROOM_IMPORT_ARTICLE_SECONDS
(`import_within_time_limit`), or rolled back and reported failed.
"""

import logging
import math
import signal
import sys
import threading

from django.conf import settings
from django.db import OperationalError, connection, transaction

from articles.coverage import heal_new_stories, link_all_pending_relatives
from articles.imports.storing import RETRY_SQLSTATES, FileReport, import_file, sqlstate
from articles.imports.workers import CONNECTION_ERRORS

logger = logging.getLogger(__name__)

# PostgreSQL's error code for a statement cancelled by statement_timeout.
QUERY_CANCELED = "57014"
# Code the time limit must not interrupt: an exception raised inside the database driver or
# Django's transaction handling can leave the connection mid-protocol. The alarm waits for the
# import to come out of it, trying again every RETRY_ALARM_SECONDS.
DATABASE_MODULES = ("psycopg", "django.db")
RETRY_ALARM_SECONDS = 0.005


def link_new_stories() -> None:
    """After a batch of imports committed: look again at the stories this process started
    (each may join the story of its event, see heal_new_stories), then relate the new stories
    to older ones (see PendingRelatives). A failure here loses no article: a story not healed
    stays as it was, and those not linked stay pending for the next task."""
    for step, what in (
        (heal_new_stories, "healing new stories"),
        (link_all_pending_relatives, "linking new stories to their relatives"),
    ):
        try:
            step()
        except CONNECTION_ERRORS as error:
            # A deadlock with an import touching the same stories: rolled back.
            if sqlstate(error) not in RETRY_SQLSTATES:
                raise
            logger.warning("%s was rolled back: %s", what, error)
        except Exception:
            logger.exception("%s failed", what)


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
