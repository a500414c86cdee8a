"""The load test (bench/load.py), short, on every change: readers, an editor and imports
against gunicorn get no errors and every acknowledged edit and import is in the database;
and with PostgreSQL restarted in the middle, requests fail only while it is down, with a 503,
and the site recovers by itself.

Each run has its own embedded PostgreSQL in a temporary folder, so restarting it never
disturbs the server the rest of the suite uses.
"""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command

from articles.models import Quote, Story, editors_group
from bench.faults import Attempt, initial_state, verify_edits
from newsroom import embedded_db
from tests.helpers import make_user

ROOT = Path(__file__).resolve().parent.parent
SMALL = [
    "--readers", "4",
    "--editors", "1",
    "--workers", "2",
    "--events", "6",
    "--reports", "3",
    "--think-min", "0.2",
    "--think-max", "0.8",
    "--import-every", "1",
]  # fmt: skip


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("load")
    yield path
    embedded_db.stop(path)


def run_load(data_dir: Path, *options: str) -> tuple[dict, subprocess.CompletedProcess]:
    result_file = data_dir / "result.json"
    result_file.unlink(missing_ok=True)
    env = {**os.environ, "NEWSROOM_DATA_DIR": str(data_dir)}
    for name in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "NEWSROOM_BENCH_DB"):
        env.pop(name, None)
    completed = subprocess.run(
        [sys.executable, "bench/load.py", *SMALL, "--json-out", str(result_file), *options],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result_file.exists(), completed.stdout + completed.stderr
    return json.loads(result_file.read_text()), completed


def edit_rows(data_dir: Path) -> int:
    """Edit rows the load's editor left, counted straight from its database."""
    with psycopg.connect(
        host=str(data_dir / "postgres"), user="postgres", dbname="newsroom_load"
    ) as connection:
        return connection.execute(
            "SELECT count(*) FROM articles_edit e JOIN auth_user u ON u.id = e.user_id "
            "WHERE u.username LIKE 'load-editor-%%'"
        ).fetchone()[0]


def postmaster_pid(data_dir: Path) -> int:
    return int((data_dir / "postgres" / "postmaster.pid").read_text().split()[0])


# One run proves both what a quiet load and a restart under load must keep: outside the
# restart's window every page kind is served without an error (a run without a restart
# proved no more, and cost as much again).
def test_load_gets_no_errors_loses_nothing_and_a_database_restart_fails_only_while_down(data_dir):
    embedded_db.connection_settings(data_dir)  # started here, so that its restart shows
    before = postmaster_pid(data_dir)
    result, completed = run_load(data_dir, "--duration", "16", "--restart-db-at", "6")

    assert completed.returncode == 0, completed.stdout[-3000:]
    assert postmaster_pid(data_dir) != before  # it really was restarted
    restart = result["restart"]
    assert restart["db_started_at_s"] > restart["db_stopped_at_s"] >= 6
    # No error outside the restart; within it, "temporarily unavailable", never a traceback
    # or a 500; and the site recovers by itself at once.
    assert result["errors"] == 0, result["error_examples"]
    assert set(restart["failed_statuses"]) <= {503}, restart["failed_notes"]
    assert restart["recovered_after_db_start_s"] < 3
    for kind in ("home", "story", "statements", "article", "quote panel (htmx)", "login"):
        assert result["pages"][kind]["requests"] > 0, kind
    assert result["p95_ms"] is not None
    # Afterwards every acknowledged edit and every import is there, none half-applied.
    edits = result["edits"]
    assert edits["acked"] > 0
    assert edits["problems"] == []
    assert edit_rows(data_dir) == edits["edit_rows"] >= edits["acked"]
    assert result["imports"]["imported"] > 0
    assert result["imports"]["problems"] == []
    assert result["imports"]["never_imported"] == 0  # those that failed got in later
    assert result["memory"]["max_mib"] > 0


@pytest.mark.django_db(transaction=True)
def test_the_edit_check_catches_a_lost_edit_and_a_change_without_its_record(client):
    call_command("setup_demo", stdout=io.StringIO())
    story = Story.objects.get(articles__outlet__short_name="Xinhua")
    first, second = Quote.objects.filter(article__story=story).order_by("pk")[:2]
    before = initial_state([story.pk])
    editor = make_user("load-editor-1")
    editor.groups.add(editors_group())
    client.force_login(editor)
    response = client.post(
        f"/quotes/{first.pk}/review/",
        {"version": first.version, "status": "confirmed"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    made = Attempt("load-editor-1", "review", first.pk, "confirmed", outcome="acked")
    assert verify_edits([made], before, ["load-editor-1"])["problems"] == []

    never_made = Attempt("load-editor-1", "review", second.pk, "rejected", outcome="acked")
    problems = verify_edits([made, never_made], before, ["load-editor-1"])["problems"]
    assert len(problems) == 1 and problems[0].startswith("lost:")

    Quote.objects.filter(pk=second.pk).update(status="rejected")  # no Edit row recorded
    problems = verify_edits([made], before, ["load-editor-1"])["problems"]
    assert problems == [
        f"quote {second.pk} is {{'status': 'rejected', 'person_id': {second.person_id}, "
        f"'tags': set()}}, its record says {{'status': 'unreviewed', 'person_id': "
        f"{second.person_id}, 'tags': set()}}"
    ]
