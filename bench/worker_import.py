"""Background import speed and memory: a whole corpus through the queue and real workers.

Queues every zip of a corpus made by bench/corpus.py into a fresh bench database, then runs
`manage.py db_worker` processes on it, as many in each phase as --phases says (by default one
for the first 10,000 articles, two for the rest). Prints articles per second with each (since
the phase began, and since the last line: the rate as the database grows), and each worker's
resident memory as the import goes on (peak included). For each phase it also prints the CPU
an article cost the workers and the PostgreSQL server, and so the most articles per second the
machine's cores could import at that cost.

    .venv/bin/python bench/corpus.py --articles 100000 --seed 1 --out /tmp/corpus
    .venv/bin/python bench/worker_import.py --corpus /tmp/corpus [--phases 1:10000,2:rest]

The database it fills (NEWSROOM_BENCH_DB, default newsroom_bench) is the one the page and
search benchmarks read afterwards.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    ROOT,
    cpu_budget,
    cpu_seconds,
    database_server_cpu,
    machine_reference,
    recreate_database,
    setup_django,
)

setup_django()

from django.db import connections, transaction  # noqa: E402
from django.db.models import Sum  # noqa: E402

from articles.archives import expand_zip, limits_from_settings  # noqa: E402
from articles.imports.batches import queue_files  # noqa: E402
from articles.models import (  # noqa: E402
    Article,
    ImportBatch,
    ImportItem,
    Quote,
    StatementGroup,
    Story,
)


def queue_corpus(corpus: Path) -> int:
    """One batch per zip, as an admin uploading the archive would; returns files queued."""
    limits = limits_from_settings()
    queued = 0
    for path in sorted(corpus.glob("*.zip")):
        expansion = expand_zip(path.name, path.read_bytes(), limits)
        with transaction.atomic():
            batch = ImportBatch.objects.create(origin=ImportBatch.Origin.COMMAND, label=path.name)
            queue_files(
                batch,
                ((f.name, f.data) for f in expansion.files),
                ((r.name, r.reason) for r in expansion.refused),
            )
        queued += batch.total
    return queued


def finished() -> int:
    totals = ImportBatch.objects.aggregate(
        *(Sum(field) for field in ("imported", "duplicate", "needs_outlet", "failed"))
    )
    return sum(value or 0 for value in totals.values())


def memory_kib(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of a process, in KiB: resident now and at its peak."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return int(fields.get("VmRSS", "0 kB").split()[0]), int(fields.get("VmHWM", "0 kB").split()[0])


def start_worker(number: int, log_dir: Path) -> subprocess.Popen:
    log = (log_dir / f"worker-{number}.log").open("w")
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
        + ["--interval", "0.2"],
        cwd=ROOT,
        env={**os.environ, "LOG_LEVEL": "WARNING"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def parse_phases(text: str) -> list[tuple[int, int | None]]:
    """ "1:10000,2:rest" -> [(1, 10000), (2, None)]: how many workers import how many files."""
    phases = []
    for part in text.split(","):
        workers, _, articles = part.partition(":")
        phases.append((int(workers), None if articles == "rest" else int(articles)))
    if not phases or phases[-1][1] is not None or any(n is None for _, n in phases[:-1]):
        raise argparse.ArgumentTypeError("phases end with one 'rest': e.g. 1:10000,2:rest")
    return phases


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="folder of corpus zips")
    parser.add_argument(
        "--phases",
        type=parse_phases,
        default=parse_phases("1:10000,2:rest"),
        help="workers:articles for each phase in turn, the last one 'rest' "
        "(default: 1:10000,2:rest; e.g. 2:95000,1:rest measures one worker on the full database)",
    )
    parser.add_argument("--every", type=float, default=10.0, help="seconds between reports")
    parser.add_argument("--keep", action="store_true", help="reuse the queued database")
    parser.add_argument(
        "--max-seconds", type=float, default=None, help="stop the workers after this long"
    )
    args = parser.parse_args()

    if not args.keep:
        recreate_database()
        started = time.perf_counter()
        total = queue_corpus(args.corpus)
        took = time.perf_counter() - started
        print(f"queued {total:,} files in {took:.0f}s ({total / took:,.0f} files/s)", flush=True)
    total = ImportBatch.objects.aggregate(n=Sum("total"))["n"] or 0
    connections.close_all()

    reference = machine_reference()
    print(f"machine reference before: {reference:.0f} ms (bench/common.py, lower is faster)")
    log_dir = Path("/tmp/newsroom-bench-workers")
    log_dir.mkdir(exist_ok=True)
    plan = list(args.phases)
    workers = [start_worker(n + 1, log_dir) for n in range(plan[0][0])]
    phases = []  # (workers, articles, seconds, workers' CPU seconds, server's or None)
    peak = {}
    phase_start, phase_done = time.perf_counter(), finished()
    cpu_start = {worker.pid: cpu_seconds(worker.pid) for worker in workers}
    server_start = database_server_cpu()
    last_report = phase_start
    deadline = phase_start + args.max_seconds if args.max_seconds else None
    print(f"-- {len(workers)} worker(s)", flush=True)
    print(" elapsed  done      rate/s  last/s  workers' RSS MiB", flush=True)
    last_done = phase_done
    try:
        while True:
            time.sleep(1)
            done = finished()
            now = time.perf_counter()
            for worker in workers:
                if worker.poll() is not None:
                    raise SystemExit(f"worker {worker.pid} exited; see {log_dir}")
                rss, hwm = memory_kib(worker.pid)
                peak[worker.pid] = max(peak.get(worker.pid, 0), hwm)
            if now - last_report >= args.every or done >= total:
                rate = (done - phase_done) / (now - phase_start)
                recent = (done - last_done) / (now - last_report)  # since the last line
                rss = " ".join(f"{memory_kib(w.pid)[0] / 1024:.0f}" for w in workers)
                print(
                    f"{now - phase_start:7.0f}s {done:7,}  {rate:7.1f}  {recent:6.1f}  {rss}",
                    flush=True,
                )
                last_report, last_done = now, done
            out_of_time = deadline is not None and now >= deadline
            wanted = plan[0][1]
            if out_of_time or done >= total or (wanted is not None and done - phase_done >= wanted):
                workers_cpu = sum(cpu_seconds(w.pid) - cpu_start[w.pid] for w in workers)
                server_now = database_server_cpu()
                server_cpu = (
                    None if None in (server_start, server_now) else server_now - server_start
                )
                phases.append(
                    (len(workers), done - phase_done, now - phase_start, workers_cpu, server_cpu)
                )
                if done >= total or out_of_time:
                    if out_of_time:
                        print(f"-- stopped after {args.max_seconds:.0f}s (--max-seconds)")
                    break
                plan.pop(0)
                while len(workers) > plan[0][0]:
                    stopping = workers.pop()
                    stopping.terminate()  # finishes its file, its task's rest is recovered
                    stopping.wait(timeout=60)
                while len(workers) < plan[0][0]:
                    workers.append(start_worker(len(workers) + 1, log_dir))
                phase_start, phase_done = now, done
                cpu_start = {worker.pid: cpu_seconds(worker.pid) for worker in workers}
                server_start = database_server_cpu()
                print(f"-- {len(workers)} worker(s)", flush=True)
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=60)

    print()
    print(
        f"machine reference: {reference:.0f} ms before, {machine_reference():.0f} ms after "
        "(a fixed Python workload on one core: compare runs with like references)"
    )
    for count, articles, seconds, workers_cpu, server_cpu in phases:
        print(
            f"{count} worker{'s' if count > 1 else ''}: {articles:,} articles in {seconds:.0f}s "
            f"= {articles / seconds:.1f} articles/s end to end"
        )
        if articles:
            print("  " + cpu_budget(articles, workers_cpu, server_cpu))
    for pid, hwm in peak.items():
        print(f"worker {pid}: peak RSS {hwm / 1024:.0f} MiB")
    failures = ImportItem.objects.exclude(status__in=["imported", "duplicate"])
    print(
        f"database: {Article.objects.count():,} articles, {Quote.objects.count():,} quotes, "
        f"{Story.objects.count():,} stories, {StatementGroup.objects.count():,} statements; "
        f"{failures.count()} files not imported"
    )
    for name, status, message in failures.values_list("name", "status", "message")[:5]:
        print(f"  {name}: {status}: {message}")


if __name__ == "__main__":
    main()
