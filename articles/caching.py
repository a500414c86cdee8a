"""Rendered reader pages, cached for anonymous readers until the data they show changes.

A page is stored under the change stamps it was rendered with: values that database triggers
(migration 0009) renew at the commit of every transaction touching a story, the site, or the
outlets and tags every page shows. Each request reads the stamps (one indexed query) before
anything else, so a change committed by any process (another gunicorn worker, a task worker,
a script) is seen on the very next request; an entry under old stamps is simply never asked
for again and ages out of the cache.

Only anonymous GET requests use the cache: logged-in pages carry the user's name and a CSRF
token. A response that set a cookie or used a CSRF token is never stored.
"""

import hashlib
from functools import wraps

from django.core.cache import caches
from django.db import connection
from django.http import HttpRequest, HttpResponse

# Scopes of articles_change_stamp besides story ids.
SITE = 0  # renewed by every change
SHARED = -1  # outlets, tags, emptied tables: things every page may show
OUTLETS = -2  # any change to an outlet: the catalogue imports read (articles/imports/catalogue.py)


def stamps(*scopes: int) -> str:
    """The current values of these scopes, as part of a cache key (0 for one never changed)."""
    # Integers written into the statement: adapting parameters costs more than the query.
    listed = ",".join(str(int(scope)) for scope in scopes)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT scope, value FROM articles_change_stamp WHERE scope IN ({listed})")
        values = dict(cursor.fetchall())
    return ".".join(f"{scope}:{values.get(scope, 0)}" for scope in scopes)


def site_stamp(**kwargs) -> str:
    return stamps(SITE)


def story_stamp(*, pk: int, **kwargs) -> str:
    return stamps(pk, SHARED)


def article_stamp(*, pk: int, **kwargs) -> str:
    """The stamps of the article's story (of the site for an article in none), in one query."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT s.scope, coalesce(c.value, 0) FROM (VALUES "
            f"(coalesce((SELECT story_id FROM articles_article WHERE id = {int(pk)}), {SITE})), "
            f"({SHARED})) AS s (scope) LEFT JOIN articles_change_stamp c ON c.scope = s.scope"
        )
        return ".".join(f"{scope}:{value}" for scope, value in cursor.fetchall())


def cacheable(request: HttpRequest) -> bool:
    """Anonymous readers' GETs, outside any transaction: inside one, this connection may see
    changes not committed yet, which the stamps do not count (they are renewed at commit)."""
    if request.method != "GET" or connection.in_atomic_block:
        return False
    if request.user.is_authenticated:
        return False
    messages = getattr(request, "_messages", None)
    return not (messages is not None and len(messages))


def storable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.has_header("Set-Cookie")
    )


def page_key(request: HttpRequest, view_name: str, stamp: str) -> str:
    fragment = bool(request.htmx and not request.htmx.history_restore_request)
    path = hashlib.blake2b(request.get_full_path().encode(), digest_size=16).hexdigest()
    return f"page:{view_name}:{int(fragment)}:{path}:{stamp}"


def cached_for_readers(stamp_for):
    """Serve the view's page from the cache to anonymous readers while `stamp_for(**kwargs)`
    (the view's URL arguments) is unchanged."""

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not cacheable(request):
                return view(request, *args, **kwargs)
            key = page_key(request, view.__name__, stamp_for(**kwargs))
            pages = caches["pages"]
            content = pages.get(key)
            if content is not None:
                return HttpResponse(content)
            response = view(request, *args, **kwargs)
            if storable(request, response):
                pages.set(key, response.content)
            return response

        return wrapped

    return decorator
