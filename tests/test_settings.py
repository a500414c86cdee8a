"""newsroom/settings.py: safe local defaults, and a production start that is safe or refused."""

import os
import subprocess
import sys

import pytest

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


def test_debug_is_on_by_default_so_make_run_needs_no_settings():
    assert setting("DEBUG") == "True"


def test_debug_off_without_a_secret_key_refuses_to_start():
    result = manage("check", DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


@pytest.mark.parametrize(
    "settings",
    [
        {"DEBUG": "maybe"},
        {"DEBUG": "false", "SECRET_KEY": PRODUCTION_KEY, "SECURE_COOKIES": "ture"},
        {"DEBUG": "false", "SECRET_KEY": PRODUCTION_KEY, "SECURE_SSL_REDIRECT": "2"},
    ],
)
def test_junk_in_a_boolean_setting_is_an_error_not_false(settings):
    result = manage("check", **settings)
    assert result.returncode != 0
    name, value = next((k, v) for k, v in settings.items() if k != "SECRET_KEY" and v != "false")
    assert f"{name}={value!r} is not true or false" in result.stderr


@pytest.mark.parametrize("value", ["1", "true", "True", "yes", "on", "0", "false", "No", "off"])
def test_the_usual_spellings_of_true_and_false_are_read(value):
    expected = str(value.lower() in {"1", "true", "yes", "on"})
    assert setting("DEBUG", DEBUG=value, SECRET_KEY=PRODUCTION_KEY) == expected


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
    production = {"DEBUG": "false", "SECRET_KEY": PRODUCTION_KEY}
    assert setting("SECURE_SSL_REDIRECT", **production) == "True"
    assert int(setting("SECURE_HSTS_SECONDS", **production)) >= 365 * 24 * 3600
    assert setting("SESSION_COOKIE_SECURE", **production) == "True"
    assert setting("CSRF_COOKIE_SECURE", **production) == "True"
