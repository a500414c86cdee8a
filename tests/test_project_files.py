"""The project's own files agree with each other: compose, README, .env.example, settings."""

import re
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_compose_runs_the_app_with_gunicorn_against_a_healthy_postgres():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    db, web = compose["services"]["db"], compose["services"]["web"]
    assert db["image"].startswith("postgres")
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    assert web["environment"]["DEBUG"] == "false"
    assert web["environment"]["DATABASE_URL"].startswith("postgres://")
    assert "gunicorn newsroom.wsgi" in web["command"]
    assert "collectstatic" in web["command"]


def test_compose_opts_out_of_the_https_redirect_for_its_local_trial_and_says_so():
    text = (ROOT / "docker-compose.yml").read_text()
    web = yaml.safe_load(text)["services"]["web"]
    assert web["environment"]["SECURE_SSL_REDIRECT"] == "false"
    assert web["environment"]["SECURE_COOKIES"] == "false"
    line = next(line for line in text.splitlines() if "SECURE_SSL_REDIRECT" in line)
    comment = text.split(line)[0].rstrip().splitlines()[-1].strip()
    assert comment.startswith("#") and "HTTPS" in comment


def test_compose_runs_a_worker_like_the_web_service_once_it_has_migrated():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    web, worker = compose["services"]["web"], compose["services"]["worker"]
    assert worker["image"] == web["image"] and worker["volumes"] == web["volumes"]
    for name in ("DATABASE_URL", "DEBUG", "SECRET_KEY"):
        assert worker["environment"][name] == web["environment"][name]
    assert worker["command"].endswith("manage.py db_worker")
    assert worker["depends_on"]["db"]["condition"] == "service_healthy"
    # web migrates (and fills the shared venv) before the worker starts
    assert worker["depends_on"]["web"]["condition"] == "service_healthy"
    assert "urlopen" in " ".join(web["healthcheck"]["test"])


def test_make_run_starts_a_worker_and_readme_shows_the_worker_commands():
    makefile = (ROOT / "Makefile").read_text()
    run_recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "db_worker &" in run_recipe and "trap " in run_recipe and "runserver" in run_recipe
    assert "\nworker: install\n\t$(MANAGE) db_worker\n" in makefile
    readme = (ROOT / "README.md").read_text()
    for command in (
        "make worker",
        ".venv/bin/python manage.py db_worker",
        "docker compose up --scale worker=3",
        "import_articles PATH... --background",
    ):
        assert command in readme, command


def test_make_audit_fails_unless_every_package_is_audited_and_falls_back_to_pypi_pages():
    recipe = subprocess.run(
        ["make", "-n", "audit"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    audit = recipe[recipe.index("pip-audit") :]
    # --strict: a package pip-audit could not audit fails it, as a vulnerable one does; only
    # then does the fallback run (which fails on anything it leaves unchecked too).
    pip_audit, fallback = audit.split("||", 1)
    assert "--strict" in pip_audit and "-r /tmp/newsroom-requirements.txt" in pip_audit
    assert "python -m newsroom.dependency_audit" in fallback
    assert "make audit" in (ROOT / "README.md").read_text()


def test_readme_shows_make_run_and_make_test_first_and_the_compose_command():
    readme = (ROOT / "README.md").read_text()
    first_block = readme.split("```")[1]
    assert "make run" in first_block and "make test" in first_block
    assert "docker compose up" in readme


def test_env_example_lists_every_setting_read_from_the_environment():
    sources = (ROOT / "newsroom" / "settings.py").read_text() + (
        ROOT / "newsroom" / "embedded_db.py"
    ).read_text()
    names = set(re.findall(r'(?:environ\.get|env_bool|env_int|env_list)\(\s*"([A-Z_]+)"', sources))
    names |= {"DATABASE_URL"}
    example = (ROOT / ".env.example").read_text()
    missing = sorted(name for name in names if name not in example)
    assert names and missing == []
