"""Editors at work: review, tag and correct quotes, statements and stories, with a history.

Every action is a POST that works as a plain form (it redirects back with a message) and, under
htmx, answers with just the part of the page it changed. Each runs in one transaction and
records an Edit holding the state of everything it touched before and after (articles/history.py):
undo puts the "before" back. Quote edits carry the version the editor saw; a stale one is a
409, never a silent overwrite.

The actions are in editing_quotes.py and editing_stories.py; here, the history of edits and
undoing one. (The tag pages, the editors' vocabulary that readers browse, are in reading.py.)
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from articles.history import Conflict, names_for, undo
from articles.models import Edit, can_edit
from articles.views.access import editor_required, forbidden, next_url, permission_for
from articles.views.editing_quotes import queue_answer, quote_answer
from articles.views.htmx import fragment_or_page

ACTIVITY_PER_PAGE = 30


@editor_required()
@require_POST
@vary_on_headers("HX-Request")
def undo_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Put back what an edit changed, if nothing it touched has changed since (else a 409:
    undo the later changes first). The undo is itself an edit, and can be undone."""
    edit = get_object_or_404(Edit, pk=pk)
    if not can_edit(request.user, permission_for(edit)):
        return forbidden(request)
    problem = ""
    try:
        edit = undo(pk, request.user)
    except Conflict as conflict:
        problem = conflict.message
    status = 409 if problem else 200
    message = problem or f"Undone: {edit.summary}"
    if request.htmx and request.POST.get("part") == "queue":
        # Undoing a review of several quotes, from the review queue: the queue again.
        return queue_answer(request, message, status=status)
    quote_pk = request.POST.get("quote", "")
    if quote_pk.isdigit():
        key = "conflict" if problem else "message"
        return quote_answer(request, int(quote_pk), status=status, **{key: message})
    if request.htmx:
        edit = Edit.objects.select_related("user", "undone_by__user").get(pk=pk)
        in_words([edit])
        context = {"edit": edit, "problem": problem, "done": "" if problem else message}
        return render(request, "articles/activity.html#edit", context, status=status)
    if problem:
        messages.error(request, problem)
    else:
        messages.success(request, message)
    return redirect(next_url(request, resolve_url("articles:activity")))


def in_words(edits) -> None:
    """Give each edit its changes in words (`lines`), naming everything with one look-up for
    all of them."""
    edits = list(edits)
    names = names_for(edits)
    for edit in edits:
        edit.lines = edit.changes(names)


@require_GET
@editor_required("articles.view_edit")
@vary_on_headers("HX-Request")
def activity(request: HttpRequest) -> HttpResponse:
    """Recent editorial changes, newest first, each with what it changed and an undo."""
    edits = Edit.objects.select_related("user", "undone_by__user")
    editor = request.GET.get("editor", "").strip()
    automatic = request.GET.get("automatic") == "on"
    if automatic:
        edits = edits.filter(automatic=True)  # what the imports decided on their own
    elif editor:
        edits = edits.filter(user__username=editor)
    page = Paginator(edits, ACTIVITY_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)  # the very edits the page shows get their words
    in_words(page.object_list)
    context = {"edits": page, "editor": editor, "automatic": automatic}
    return render(request, fragment_or_page(request, "articles/activity.html", "edits"), context)
