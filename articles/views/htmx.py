"""htmx helpers: the fragment of a page or the whole page."""

from django.http import HttpRequest


def fragment_or_page(request: HttpRequest, template: str, partial: str) -> str:
    """The htmx fragment of a page when htmx asks for it, else the whole page."""
    if request.htmx and not request.htmx.history_restore_request:
        return f"{template}#{partial}"
    return template
