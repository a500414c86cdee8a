"""Who may do what: admins (staff) for uploads, editors for changes; and where an editor goes
back to after logging in or after a change made with a plain form."""

from functools import wraps
from urllib.parse import quote as urlquote
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme

from articles.models import EDITOR_PERMISSION, Edit, can_edit
from articles.views.htmx import load_page

# The permission each action needs; undoing an edit needs the one its action needed.
ACTION_PERMISSIONS = {
    Edit.Action.REVIEW: "articles.change_quote",
    Edit.Action.BOUNDARIES: "articles.change_quote",
    Edit.Action.SPEAKER: "articles.change_quote",
    Edit.Action.TAG_ADD: "articles.change_quote",
    Edit.Action.TAG_REMOVE: "articles.change_quote",
    Edit.Action.ADD_QUOTE: "articles.add_quote",
    Edit.Action.MOVE_QUOTE: "articles.change_statementgroup",
    Edit.Action.SPLIT_GROUP: "articles.change_statementgroup",
    Edit.Action.MERGE_GROUPS: "articles.change_statementgroup",
    Edit.Action.MOVE_ARTICLE: "articles.change_story",
    Edit.Action.SPLIT_STORY: "articles.change_story",
    Edit.Action.MERGE_STORIES: "articles.change_story",
    Edit.Action.RENAME_STORY: "articles.change_story",
    Edit.Action.CORRECT_ARTICLE: "articles.change_article",
}


def staff_required(view):
    """Anonymous users are sent to log in; logged-in users who are not staff get a 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_staff:
            raise PermissionDenied("Only admins can do this.")
        return view(request, *args, **kwargs)

    return wrapped


def editor_required(permission: str = EDITOR_PERMISSION):
    """Anonymous users are sent to log in (htmx: a 401 whose HX-Redirect does it); logged-in
    users without the permission get a 403 (htmx: a short fragment saying so)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                back = page_to_return_to(request)
                if request.htmx:
                    login = resolve_url(settings.LOGIN_URL)
                    next_page = f"{login}?next={urlquote(back)}"
                    return load_page(next_page, status=401, content="Log in to edit.")
                return redirect_to_login(back)
            if not can_edit(request.user, permission):
                return forbidden(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def page_to_return_to(request: HttpRequest) -> str:
    """Where to come back after logging in: this page, or for a form post the page that had
    the form (a POST-only URL would only answer 405 to the GET after login)."""
    if request.method == "GET":
        return request.get_full_path()
    for candidate in (request.htmx.current_url, request.headers.get("Referer")):
        if candidate and is_safe(request, candidate):
            parts = urlsplit(candidate)
            return parts.path + (f"?{parts.query}" if parts.query else "")
    return "/"


def is_safe(request: HttpRequest, url: str) -> bool:
    return url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def next_url(request: HttpRequest, default: str) -> str:
    candidate = request.POST.get("next") or ""
    return candidate if candidate and is_safe(request, candidate) else default


def forbidden(request: HttpRequest) -> HttpResponse:
    """403: the site's page, or for htmx a line saying so where the answer goes."""
    if request.htmx:
        return render(request, "articles/_edit_refused.html", status=403)
    raise PermissionDenied("Your account can’t make this change. Ask an admin.")


def permission_for(edit: Edit) -> str:
    if edit.action == Edit.Action.UNDO:
        undone = Edit.objects.filter(pk=edit.target_id).only("action").first()
        return permission_for(undone) if undone else EDITOR_PERMISSION
    return ACTION_PERMISSIONS.get(edit.action, EDITOR_PERMISSION)
