"""The project's middleware: a database that is down or restarting is a 503 "temporarily
unavailable", not a 500; a NUL character in a query string is a 400; a request body over the
hard limit is a 413."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

# Long enough for the embedded server (or a managed one failing over) to come back.
RETRY_AFTER_SECONDS = 5


class DatabaseUnavailableMiddleware:
    """Answer 503 with Retry-After when a view loses its database connection.

    OperationalError covers a refused or dropped connection (and a deadlock or lock timeout,
    which a retry also cures); InterfaceError a connection already closed. The page is
    rendered without the request, so it needs no database (no user, no session)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.warning("Database unavailable: %s %s: %s", request.method, request.path, exception)
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response


class RejectNulCharactersMiddleware:
    """Answer 400 to a query string holding a NUL character, whatever the view.

    PostgreSQL cannot store or compare text holding NUL, so a parameter a view passes to a
    query unchecked (a name to look up, a filter) fails there, as a 500. No link or form of
    the site makes one: refusing them here covers every view's GET parameters at once. After
    the authentication middleware, so the page shows who is logged in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in key + "".join(values) for key, values in request.GET.lists()):
            reason = "The address holds a NUL character, which no search or filter can use."
            return render(request, "400.html", {"reason": reason}, status=400)
        return self.get_response(request)


class RequestBodyLimitMiddleware:
    """Answer 413 to a request whose body is larger than NEWSROOM_MAX_REQUEST_BODY_BYTES, from
    its Content-Length, before anything reads it.

    Django has no limit on uploaded files' size: any POST (the CSRF check reads the form of
    every one, even an anonymous visitor's) would otherwise be read and spooled to disk
    whole, however large. The upload page's own limits give the clear messages below this."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.NEWSROOM_MAX_REQUEST_BODY_BYTES
        if length > limit:
            reason = f"It carries {length:,} bytes; at most {limit:,} are accepted in one request."
            return render(request, "400.html", {"reason": reason}, status=413)
        return self.get_response(request)
