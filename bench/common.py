"""What the benchmark scripts share: Django on the bench settings, a fresh bench database,
gunicorn on a free loopback port, the percentile the figures quote, and a reference workload
that tells how fast the machine was during a run.

The scripts run as `.venv/bin/python bench/NAME.py` put the project on sys.path before
importing this.
"""

import contextlib
import ctypes
import difflib
import json
import os
import random
import re
import signal
import socket
import subprocess
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(database: str | None = None) -> None:
    """Django with bench/settings.py (DEBUG off, the bench URLs) on `database`, by default
    $NEWSROOM_BENCH_DB or newsroom_bench."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    if database:
        os.environ["NEWSROOM_BENCH_DB"] = database
    import django

    django.setup()


def recreate_database(*, keep_existing: bool = False) -> None:
    """Drop and create the bench database on the app's server (unless `keep_existing` and it
    is there), then migrate it."""
    from django.core.management import call_command
    from django.db import connection

    name = connection.settings_dict["NAME"]
    connection.close()
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not (keep_existing and cursor.fetchone()):
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{name}"')
    call_command("migrate", verbosity=0)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[int(share * (len(ordered) - 1))]


def machine_reference(rounds: int = 5) -> float:
    """Milliseconds a fixed pure-Python workload takes on one core, the best of `rounds`.

    It uses none of the project's code, so it tells how fast this machine ran at the time (the
    development VM varies by 20% from hour to hour): compare two runs' figures only when their
    references are alike. Words split and counted, word lists compared, JSON written and read:
    the kind of work an import does."""
    rng = random.Random(7)
    vocabulary = [
        "".join(rng.choice("abcdefghijklmnoprstuw") for _ in range(6)) for _ in range(400)
    ]
    texts = [" ".join(rng.choice(vocabulary) for _ in range(120)) for _ in range(40)]
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for text, other_text in zip(texts * 40, (texts[-1:] + texts[:-1]) * 40, strict=True):
            words = re.findall(r"\w+", text)
            counts = Counter(words)
            other = re.findall(r"\w+", other_text)
            difflib.SequenceMatcher(None, words, other).ratio()
            json.loads(json.dumps({"counts": counts, "words": words}))
        best = min(best, time.perf_counter() - started)
    return best * 1000


def _stat_fields(pid: int) -> list[str]:
    """/proc/PID/stat after the command name (which may hold spaces): state, parent, ..."""
    return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()


def cpu_seconds(pid: int) -> float:
    """CPU time (user and system) a process on this machine has used, with that of its children
    that have ended and been waited for."""
    return sum(int(value) for value in _stat_fields(pid)[11:15]) / os.sysconf("SC_CLK_TCK")


def _parent_pid(pid: int) -> int:
    return int(_stat_fields(pid)[1])


def database_server_cpu() -> float | None:
    """CPU seconds the PostgreSQL server behind Django's connection has used so far: its main
    process, the processes it runs now, and those that have ended (sessions of workers that
    have stopped). None when the server is not on this machine.

    The difference over a run is what the server spent on it (with whatever else it served)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    try:
        if not Path(f"/proc/{backend}/comm").read_text().startswith("postgres"):
            return None  # a process of that number here, but the server is elsewhere
        postmaster = _parent_pid(backend)
        total = cpu_seconds(postmaster)
    except OSError:
        return None
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, ValueError, IndexError):
            if _parent_pid(int(entry.name)) == postmaster:
                total += cpu_seconds(int(entry.name))
    return total


def cpu_budget(articles: int, workers_cpu: float, server_cpu: float | None) -> str:
    """Workers' and server's CPU per article, and the most articles per second this machine's
    cores could import at that cost if nothing else ran: the ceiling the rate is measured
    against."""
    cores = os.cpu_count() or 1
    worker_ms = workers_cpu / articles * 1000
    if server_cpu is None:
        return f"CPU per article: workers {worker_ms:.1f} ms (the database server is elsewhere)"
    server_ms = server_cpu / articles * 1000
    ceiling = cores * 1000 / (worker_ms + server_ms)
    return (
        f"CPU per article: workers {worker_ms:.1f} ms + PostgreSQL {server_ms:.1f} ms "
        f"= {worker_ms + server_ms:.1f} ms; at that cost {cores} cores import at most "
        f"{ceiling:.0f} articles/s"
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


PR_SET_PDEATHSIG = 1


def stop_with_parent() -> None:
    """In the child: have Linux send SIGTERM when the benchmark dies, however it dies, so a
    killed run leaves no server behind."""
    ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def start_gunicorn(
    port: int, workers: int, log_path: Path | None = None, env: dict | None = None
) -> subprocess.Popen:
    """gunicorn serving bench.wsgi on 127.0.0.1:port, once it accepts connections. Its output
    goes to `log_path`, or to this script's own when there is none."""
    # The child keeps its own copy of the log's descriptor.
    with open(log_path, "w") if log_path else contextlib.nullcontext() as log:
        server = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "bench.wsgi"]
            + ["--workers", str(workers), "--bind", f"127.0.0.1:{port}"]
            + ["--log-level", "warning"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT if log else None,
            preexec_fn=stop_with_parent,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.1)
    server.kill()
    raise SystemExit(f"gunicorn did not start; see {log_path or 'its output above'}")
