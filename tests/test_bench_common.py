"""bench/common.py: the CPU budget the import benchmark prints next to its rates."""

import os
import time

import pytest
from django.db import connection

from bench.common import cpu_budget, cpu_seconds, database_server_cpu


def test_cpu_budget_adds_workers_and_server_and_divides_the_cores_among_them():
    line = cpu_budget(200, workers_cpu=2.0, server_cpu=1.0)
    cores = os.cpu_count()
    assert "workers 10.0 ms + PostgreSQL 5.0 ms = 15.0 ms" in line
    assert f"{cores} cores import at most {cores * 1000 / 15:.0f} articles/s" in line


def test_cpu_budget_without_the_server_says_it_is_elsewhere():
    line = cpu_budget(100, workers_cpu=1.5, server_cpu=None)
    assert line == "CPU per article: workers 15.0 ms (the database server is elsewhere)"


def test_a_process_cpu_time_grows_with_its_work():
    before = cpu_seconds(os.getpid())
    started = time.process_time()
    while time.process_time() - started < 0.2:
        sum(range(10_000))
    assert cpu_seconds(os.getpid()) - before >= 0.15


@pytest.mark.django_db
def test_the_server_cpu_is_read_on_this_machine_and_counts_its_queries():
    if not connection.settings_dict["HOST"].startswith("/"):
        pytest.skip("the database server is reached over TCP: it may be on another machine")
    before = database_server_cpu()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM generate_series(1, 3000000)")
    after = database_server_cpu()
    assert before is not None
    assert after - before >= 0.05
