"""The embedded PostgreSQL: started once, shared, and recovered after a crash.

These tests start their own server in a temporary data folder, so they never disturb the
one the rest of the suite uses.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import psycopg
import pytest

from newsroom import embedded_db


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("embedded")
    yield path
    embedded_db.stop(path)


def connect(settings: dict):
    return psycopg.connect(
        host=settings["HOST"], user=settings["USER"], dbname=settings["NAME"], connect_timeout=5
    )


def postmaster_pid(data_dir: Path) -> int:
    return int((data_dir / "postgres" / "postmaster.pid").read_text().splitlines()[0])


def test_server_starts_in_the_data_folder_and_creates_the_database(data_dir):
    settings = embedded_db.connection_settings(data_dir)
    assert settings["HOST"].startswith(str(data_dir))  # socket in the folder: no shared port
    with connect(settings) as connection:
        assert connection.execute("SELECT current_database()").fetchone() == ("newsroom",)
        extensions = {
            row[0] for row in connection.execute("SELECT name FROM pg_available_extensions")
        }
    assert {"pg_trgm", "unaccent"} <= extensions


def test_second_call_reuses_the_running_server(data_dir):
    embedded_db.connection_settings(data_dir)
    pid = postmaster_pid(data_dir)
    embedded_db.connection_settings(data_dir)
    assert postmaster_pid(data_dir) == pid


def test_several_processes_share_the_server_at_once(data_dir):
    code = (
        "import sys; from pathlib import Path; from newsroom import embedded_db; "
        "print(embedded_db.connection_settings(Path(sys.argv[1]))['HOST'])"
    )
    root = Path(__file__).resolve().parent.parent
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(data_dir)],
            cwd=root,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    hosts = {process.communicate(timeout=60)[0].strip() for process in processes}
    assert all(process.returncode == 0 for process in processes)
    assert len(hosts) == 1


def test_killed_server_is_recovered_with_a_message(data_dir, capsys):
    embedded_db.connection_settings(data_dir)
    old_pid = postmaster_pid(data_dir)
    os.kill(old_pid, signal.SIGKILL)
    psutil.Process(old_pid).wait(10) if psutil.pid_exists(old_pid) else None
    time.sleep(0.5)  # let the children notice their parent is gone

    settings = embedded_db.connection_settings(data_dir)

    assert postmaster_pid(data_dir) != old_pid
    with connect(settings) as connection:
        assert connection.execute("SELECT 1").fetchone() == (1,)
    assert "not shut down cleanly" in capsys.readouterr().err


def test_stale_pid_file_naming_another_live_process_is_recovered(data_dir, capsys):
    embedded_db.connection_settings(data_dir)
    embedded_db.stop(data_dir)
    # A crash leaves postmaster.pid behind; its pid may since belong to any process.
    pid_file = data_dir / "postgres" / "postmaster.pid"
    socket_dir = data_dir / "postgres"
    pid_file.write_text(f"{os.getpid()}\n{socket_dir}\n0\n5432\n{socket_dir}\n\n0 0\nready\n")

    settings = embedded_db.connection_settings(data_dir)

    with connect(settings) as connection:
        assert connection.execute("SELECT 1").fetchone() == (1,)
    assert postmaster_pid(data_dir) != os.getpid()
    assert "recovering" in capsys.readouterr().err


def test_stop_does_not_wait_for_connected_clients(data_dir):
    settings = embedded_db.connection_settings(data_dir)
    idle = connect(settings)  # like the app's persistent connections
    started = time.monotonic()
    assert embedded_db.stop(data_dir) is True
    # A "fast" shutdown ends the sessions; a "smart" one would wait for them to leave.
    assert time.monotonic() - started < 8
    with pytest.raises(psycopg.OperationalError):
        idle.execute("SELECT 1")
    idle.close()


def test_restart_comes_back_on_the_same_socket_and_keeps_the_data(data_dir):
    settings = embedded_db.connection_settings(data_dir)
    with connect(settings) as connection:
        connection.execute("CREATE TABLE IF NOT EXISTS kept (n int)")
        connection.execute("INSERT INTO kept VALUES (1)")
    old_pid = postmaster_pid(data_dir)

    again = embedded_db.restart(data_dir)

    assert postmaster_pid(data_dir) != old_pid
    assert again["HOST"] == settings["HOST"]  # the app's settings stay valid
    with connect(again) as connection:
        assert connection.execute("SELECT count(*) FROM kept").fetchone()[0] >= 1


def test_stop_reports_whether_a_server_was_running(data_dir):
    embedded_db.connection_settings(data_dir)
    assert embedded_db.stop(data_dir) is True
    assert embedded_db.stop(data_dir) is False


def test_data_folder_follows_newsroom_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSROOM_DATA_DIR", str(tmp_path / "elsewhere"))
    assert embedded_db.default_data_dir(Path("/project")) == tmp_path / "elsewhere"
    monkeypatch.delenv("NEWSROOM_DATA_DIR")
    assert embedded_db.default_data_dir(Path("/project")) == Path("/project/.data")


def test_with_database_url_set_that_server_is_used_and_nothing_is_started(tmp_path):
    root = Path(__file__).resolve().parent.parent
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'newsroom.settings'; "
        "django.setup(); from django.conf import settings; "
        "print(settings.DATABASES['default']['NAME'], settings.DATABASES['default']['HOST'])"
    )
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://someone:secret@db.example:5433/elsewhere",
        "NEWSROOM_DATA_DIR": str(tmp_path / "unused"),
    }
    output = subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, check=True
    ).stdout
    assert output.split() == ["elsewhere", "db.example"]
    assert not (tmp_path / "unused").exists()
