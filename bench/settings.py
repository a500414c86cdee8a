"""Production-like settings for the benchmarks: DEBUG off, the bench database, bench URLs."""

import os

# With DEBUG off in the environment (a worker's, import_speed.py's), the app needs a key.
os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret-" + "b" * 40)

from newsroom.settings import *  # noqa: E402, F403
from newsroom.settings import DATABASES, STORAGES  # noqa: E402

DEBUG = False
# Served over plain HTTP on the loopback: no HTTPS redirect, HSTS or HTTPS-only cookies.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.urls"
DATABASES["default"]["NAME"] = os.environ.get("NEWSROOM_BENCH_DB", "newsroom_bench")
DATABASES["default"]["CONN_MAX_AGE"] = 60
# Plain static storage: the benchmark measures views, not collectstatic.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
