"""htmx helpers: the fragment or the whole page, and answers that steer htmx, written with
django-htmx's own response helpers rather than HX-* headers set by hand."""

from django.http import HttpRequest, HttpResponse
from django_htmx.http import HttpResponseClientRedirect, reswap, retarget


def fragment_or_page(request: HttpRequest, template: str, partial: str) -> str:
    """The htmx fragment of a page when htmx asks for it, else the whole page."""
    if request.htmx and not request.htmx.history_restore_request:
        return f"{template}#{partial}"
    return template


def load_page(url: str, *, status: int = 200, content: str = "") -> HttpResponse:
    """An answer that has htmx load `url` as a whole page (HX-Redirect). htmx follows it
    whatever the status, so a refusal (401) or a conflict (409) can send the editor on too."""
    return HttpResponseClientRedirect(url, content=content, status=status)


def swap_into(response: HttpResponse, target: str) -> HttpResponse:
    """Show the answer inside `target` rather than where the request's element would put it
    (HX-Retarget, HX-Reswap)."""
    return reswap(retarget(response, target), "innerHTML")
