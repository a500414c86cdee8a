"""newsroom/settings.py: safe local defaults, and a production start that is safe or refused."""

import json
import os
import subprocess
import sys

from tests.helpers import ROOT

PRODUCTION_KEY = "a-long-random-production-key-" + "x7Qp2Lm9Zr4Tb8Wn" * 3
# Settings a developer's or CI's shell may hold, which each case here sets itself.
OWN_SETTINGS = ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SECURE_", "DJANGO_", "PROXY_COUNT")


def manage(*args: str, **settings: str) -> subprocess.CompletedProcess:
    """manage.py in a fresh process with only these settings from the environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(OWN_SETTINGS)}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**env, **settings},
        capture_output=True,
        text=True,
    )


def setting(name: str, **settings: str) -> str:
    """A setting as the app reads it under these environment settings."""
    code = f"from django.conf import settings; print(settings.{name})"
    result = manage("shell", "--no-imports", "-c", code, **settings)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


# Imported afresh for each case, as Django imports it at start; one process for all the cases
# (a process each took two seconds, most of it starting Django).
READ_SETTINGS = """
import importlib, json, os, sys
from django.core.exceptions import ImproperlyConfigured
names, cases, outer = sys.argv[1].split(","), json.loads(sys.argv[2]), dict(os.environ)
results = []
for case in cases:
    os.environ.clear()
    os.environ.update(outer, **case)
    sys.modules.pop("newsroom.settings", None)
    try:
        module = importlib.import_module("newsroom.settings")
    except ImproperlyConfigured as refusal:
        results.append(str(refusal))
    else:
        results.append({name: str(getattr(module, name)) for name in names})
print(json.dumps(results))
"""


def settings_under(cases: list[dict[str, str]], *names: str) -> list[dict[str, str] | str]:
    """For each case (environment settings), the named settings as newsroom/settings.py sets
    them, or the message it refuses to start with."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(OWN_SETTINGS)}
    result = subprocess.run(
        [sys.executable, "-c", READ_SETTINGS, ",".join(names), json.dumps(cases)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_debug_is_on_by_default_so_make_run_needs_no_settings():
    assert setting("DEBUG") == "True"


def test_debug_off_without_a_secret_key_refuses_to_start():
    result = manage("check", DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_junk_in_a_boolean_setting_is_an_error_not_false():
    # manage.py itself stops on the first: the start is refused, not just the setting.
    result = manage("check", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG='maybe' is not true or false" in result.stderr
    production = {"DEBUG": "false", "SECRET_KEY": PRODUCTION_KEY}
    refusals = settings_under(
        [{**production, "SECURE_COOKIES": "ture"}, {**production, "SECURE_SSL_REDIRECT": "2"}],
        "DEBUG",
    )
    assert refusals == [
        "SECURE_COOKIES='ture' is not true or false (nor 1/0, yes/no, on/off).",
        "SECURE_SSL_REDIRECT='2' is not true or false (nor 1/0, yes/no, on/off).",
    ]


SPELLINGS = {"1": True, "true": True, "True": True, "yes": True, "on": True}
SPELLINGS |= {"0": False, "false": False, "No": False, "off": False}


def test_the_usual_spellings_of_true_and_false_are_read():
    cases = [{"DEBUG": spelling, "SECRET_KEY": PRODUCTION_KEY} for spelling in SPELLINGS]
    read = settings_under(cases, "DEBUG")
    assert dict(zip(SPELLINGS, read, strict=True)) == {
        spelling: {"DEBUG": str(value)} for spelling, value in SPELLINGS.items()
    }


def test_deploy_checks_are_clean_with_only_a_secret_key_and_allowed_hosts():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY=PRODUCTION_KEY,
        ALLOWED_HOSTS="news.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_defaults_redirect_to_https_with_hsts_and_secure_cookies():
    names = ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS")
    names += ("SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE")
    [read] = settings_under([{"DEBUG": "false", "SECRET_KEY": PRODUCTION_KEY}], *names)
    assert read["SECURE_SSL_REDIRECT"] == "True"
    assert int(read["SECURE_HSTS_SECONDS"]) >= 365 * 24 * 3600
    assert read["SESSION_COOKIE_SECURE"] == "True"
    assert read["CSRF_COOKIE_SECURE"] == "True"
