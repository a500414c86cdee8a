"""Editors correct what the reading got wrong about an article: its headline, date and the
date's precision, outlet, dateline and byline; and the articles the reading found no headline
for, listed for them.

A correction runs in one transaction inside a history.Change (so it can be undone) through
Article.correct; a new date or outlet places the article in a story again.
"""

import hashlib

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from articles.coverage import reread_headline_quotes
from articles.forms import ArticleDetailsForm, known_outlet_names
from articles.history import Conflict, NoChange
from articles.models import Article, Edit
from articles.views.access import editor_required
from articles.views.editing_quotes import article_headline_html
from articles.views.editing_stories import articles_change
from articles.views.htmx import fragment_or_page

CORRECTIONS_SHOWN = 10
UNTITLED_PER_PAGE = 50
CHANGE_PERMISSION = "articles.change_article"
FIELD_NAMES = {
    "title": "headline",
    "published_at": "date",
    "published_precision": "date’s precision",
    "outlet_id": "outlet",
    "dateline": "dateline",
    "byline": "byline",
}


def details_stamp(article: Article) -> str:
    """What the editor saw of the correctable fields: a form based on other values is stale."""
    values = "\x1f".join(str(getattr(article, field)) for field in Article.CORRECTABLE)
    return hashlib.sha256(values.encode()).hexdigest()[:20]


def details_initial(article: Article) -> dict:
    local = (
        timezone.localtime(article.published_at, timezone.get_default_timezone())
        if article.published_at
        else None
    )
    minute = article.published_precision == Article.Precision.MINUTE
    return {
        "title": article.title,
        "published": local.date() if local else None,
        "published_time": local.time() if local and minute else None,
        "published_precision": article.published_precision,
        "outlet": article.outlet.name,
        "dateline": article.dateline,
        "byline": article.byline,
        "based_on": details_stamp(article),
    }


def load_article(pk: int) -> Article:
    return get_object_or_404(
        Article.objects.select_related("outlet", "story").defer("original", "stripped"), pk=pk
    )


def edit_context(article: Article, form=None, **extra) -> dict:
    corrections = Edit.objects.filter(
        target_type=Edit.Target.ARTICLE, target_id=article.pk, action=Edit.Action.CORRECT_ARTICLE
    ).select_related("user", "undone_by__user")[:CORRECTIONS_SHOWN]
    return {
        "article": article,
        "form": form or ArticleDetailsForm(initial=details_initial(article)),
        "outlet_names": known_outlet_names(),
        "corrections": list(corrections),
        **extra,
    }


@require_GET
@editor_required(CHANGE_PERMISSION)
@vary_on_headers("HX-Request")
def article_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The form correcting an article's headline, date, outlet, dateline and byline: on the
    article's page for htmx, a page of its own without JavaScript."""
    template = fragment_or_page(request, "articles/article_edit.html", "form")
    return render(request, template, edit_context(load_article(pk)))


@editor_required(CHANGE_PERMISSION)
@require_POST
@vary_on_headers("HX-Request")
def correct_article(request: HttpRequest, pk: int) -> HttpResponse:
    """Save an editor's corrections, recorded with undo; a new date or outlet places the
    article again. htmx gets the article's header back; a plain form goes to the article."""
    load_article(pk)
    form = ArticleDetailsForm(request.POST)
    if not form.is_valid():
        return edit_answer(
            request, pk, form, status=400, error="Not saved: see what to correct below."
        )
    data = form.cleaned_data
    try:
        with transaction.atomic():
            article = (
                Article.objects.select_for_update(of=("self",))
                .select_related("outlet", "story")
                .defer("original", "stripped")
                .get(pk=pk)
            )
            if data["based_on"] and data["based_on"] != details_stamp(article):
                raise Conflict(
                    "Someone corrected this article after you opened the form. These are the "
                    "newer details; your change was not saved. Make it again if it still applies."
                )
            old_story = article.story_id
            change = articles_change([article], [old_story])
            changed = article.correct(
                title=data["title"],
                published_at=data["published_at"],
                published_precision=data["published_precision"],
                outlet_id=data["outlet"].pk,
                dateline=data["dateline"],
                byline=data["byline"],
            )
            if not changed:
                raise NoChange
            if "title" in changed:  # its quotes are read again: the same edit records them
                for quote_pk in reread_headline_quotes(article):
                    change.add_new_quote(quote_pk)
            change.touch(stories=[article.story_id])
            names = ", ".join(FIELD_NAMES[field] for field in changed)
            summary = f"Corrected the {names} of “{article.headline}”"
            if article.story_id != old_story:
                summary += " (placed in another story)"
            edit = change.record(request.user, Edit.Action.CORRECT_ARTICLE, article, summary)
    except Conflict as conflict:
        return edit_answer(request, pk, None, status=409, conflict=conflict.message)
    except NoChange:
        return edit_answer(request, pk, None, message="Nothing to change: it is so already.")
    if request.htmx:
        article = load_article(pk)
        context = {
            "article": article,
            "headline": article_headline_html(article),  # its quotes, read again, marked
            "editing": True,
            "message": summary,
            "edit": edit,
        }
        return render(request, "articles/article_detail.html#header", context)
    messages.success(request, summary)
    return redirect(article.get_absolute_url())


def edit_answer(request: HttpRequest, pk: int, form, *, status: int = 200, **extra):
    """The form again, with what went wrong (the editor's input kept) or, after a conflict,
    with the article's details as they are now."""
    context = edit_context(load_article(pk), form, **extra)
    template = "articles/article_edit.html#form" if request.htmx else "articles/article_edit.html"
    return render(request, template, context, status=status)


@require_GET
@editor_required(CHANGE_PERMISSION)
@vary_on_headers("HX-Request")
def untitled_articles(request: HttpRequest) -> HttpResponse:
    """Articles the reading found no credible headline for, newest first, each with a link
    to give it one."""
    untitled = (
        Article.objects.filter(title="")
        .select_related("outlet")
        .only(
            "published_at",
            "published_precision",
            "published_inferred",
            "original_filename",
            "outlet__name",
            "outlet__short_name",
            "outlet__slug",
            "imported_at",
        )
        .order_by("-id")
    )
    page = Paginator(untitled, UNTITLED_PER_PAGE).get_page(request.GET.get("page"))
    template = fragment_or_page(request, "articles/untitled_articles.html", "articles")
    return render(request, template, {"articles": page})
