"""Production-like settings for the benchmarks: DEBUG off, the bench database, bench URLs."""

import os

from newsroom.settings import *  # noqa: F403
from newsroom.settings import DATABASES, STORAGES

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.urls"
DATABASES["default"]["NAME"] = os.environ.get("NEWSROOM_BENCH_DB", "newsroom_bench")
DATABASES["default"]["CONN_MAX_AGE"] = 60
# Plain static storage: the benchmark measures views, not collectstatic.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
