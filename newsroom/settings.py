"""Newsroom settings: one file, configured by environment variables (see .env.example)."""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from newsroom import embedded_db

BASE_DIR = Path(__file__).resolve().parent.parent


TRUE, FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


def env_bool(name: str, default: bool) -> bool:
    """A yes/no setting; anything else is refused, not read as no (DEBUG=maybe)."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if value.lower() in TRUE | FALSE:
        return value.lower() in TRUE
    raise ImproperlyConfigured(f"{name}={value!r} is not true or false (nor 1/0, yes/no, on/off).")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
# The fallback key is public, only good for local development: without DEBUG, no start without
# a key of its own (sessions, password resets and CSRF tokens would be forgeable).
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off: a long random string, kept secret "
            "(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    SECRET_KEY = "django-insecure-local-development-only"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_htmx",
    "rest_framework",
    "rest_framework.authtoken",
    # Before django_tasks_db: articles' db_worker (recovery, reconnecting) overrides its own.
    "articles",
    "django_tasks_db",
    "axes",
]

# Background work (imports) through Django's tasks framework, queued in PostgreSQL; any number
# of `manage.py db_worker` processes, on any machine reaching the database, share the queue.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "newsroom.middleware.RequestBodyLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "newsroom.middleware.RejectNulCharactersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "newsroom.middleware.DatabaseUnavailableMiddleware",
    # Last: it turns a log-in refused for too many failures into the page saying so.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

# PostgreSQL always: DATABASE_URL when set, otherwise the project's own embedded server.
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.config(conn_max_age=60, conn_health_checks=True)}
else:
    DATA_DIR = embedded_db.default_data_dir(BASE_DIR)
    # Persistent connections, checked before reuse: after a database restart the next
    # request reconnects instead of failing on a dead connection.
    DATABASES = {
        "default": {
            **embedded_db.connection_settings(DATA_DIR),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    }

# No parallel workers for a query: this app's queries are short, and starting workers cost
# more than they saved (a filtered search took 40 ms with a worker, 15 ms without, on 2 cores).
DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c max_parallel_workers_per_gather=0"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rendered reader pages (articles/caching.py) live in each process's memory: they are keyed by
# change stamps read from the database on every request, so no process serves a page older
# than the last commit, and no shared cache server is needed.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Log-in rate limit (django-axes, newsroom/logins.py), on the site's log-in and the admin's: 5
# failures for one username from one address lock that pair out for 15 minutes (a stranger's
# guesses never lock the owner out). A success clears the pair's failures.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "newsroom.logins.locked_out"
AXES_DISABLE_ACCESS_LOG = True  # failures only: no record of every successful log-in
# Behind reverse proxies the address is the one they put in X-Forwarded-For (PROXY_COUNT of
# them in front); without any, the connection's own.
if PROXY_COUNT := env_int("PROXY_COUNT", 0):
    AXES_IPWARE_PROXY_COUNT = PROXY_COUNT
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "articles:home"
LOGOUT_REDIRECT_URL = "articles:home"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
WHITENOISE_USE_FINDERS = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# The read-only API (articles/api/): JSON only (DRF's browsable pages would need inline
# scripts, which the CSP below forbids); an editor's token first, so that a request without
# credentials for editors' data gets a 401 saying how to authenticate.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
}

# Strict CSP from the first page: no inline scripts or styles anywhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}

# Upload limits: per file, per request and for what a zip may expand to.
NEWSROOM_MAX_UPLOAD_FILE_BYTES = env_int("NEWSROOM_MAX_UPLOAD_FILE_BYTES", 5_000_000)
NEWSROOM_MAX_UPLOAD_FILES = env_int("NEWSROOM_MAX_UPLOAD_FILES", 200)
NEWSROOM_MAX_ZIP_MEMBERS = env_int("NEWSROOM_MAX_ZIP_MEMBERS", 2000)
NEWSROOM_MAX_ZIP_TOTAL_BYTES = env_int("NEWSROOM_MAX_ZIP_TOTAL_BYTES", 200_000_000)
NEWSROOM_MAX_ZIP_RATIO = env_int("NEWSROOM_MAX_ZIP_RATIO", 100)
NEWSROOM_MAX_ARCHIVE_BYTES = env_int("NEWSROOM_MAX_ARCHIVE_BYTES", 50_000_000)
# One upload request: its files together, and all they expand to (what a web process holds).
NEWSROOM_MAX_UPLOAD_REQUEST_BYTES = env_int("NEWSROOM_MAX_UPLOAD_REQUEST_BYTES", 100_000_000)
NEWSROOM_MAX_UPLOAD_EXPANDED_BYTES = env_int("NEWSROOM_MAX_UPLOAD_EXPANDED_BYTES", 200_000_000)
# A hard stop on any request's body, answered 413 before it is read: well above the upload
# limit, so that a normal excess gets the upload page's clear message.
NEWSROOM_MAX_REQUEST_BODY_BYTES = 2 * NEWSROOM_MAX_UPLOAD_REQUEST_BYTES
# Seconds one file may take to import (read, store, find its quotes); a slower file is rolled
# back and reported failed, so no file can hold a worker for minutes. 0 means no limit.
NEWSROOM_IMPORT_ARTICLE_SECONDS = float(os.environ.get("NEWSROOM_IMPORT_ARTICLE_SECONDS", 10))
DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000_000
# A hard stop above our own limit, so a normal excess gets the upload page's clear message.
DATA_UPLOAD_MAX_NUMBER_FILES = NEWSROOM_MAX_UPLOAD_FILES + 50
FILE_UPLOAD_MAX_MEMORY_SIZE = 10_000_000

# Without DEBUG, HTTPS only by default (`manage.py check --deploy` is clean with SECRET_KEY and
# ALLOWED_HOSTS alone); a setup that serves plain HTTP must say so (docker-compose.yml does).
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
