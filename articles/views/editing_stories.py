"""Editors at work on stories and their statements: the story's editing page, moving an
article to another story, splitting, merging and renaming stories, splitting and merging
statements.

Each action runs through story_action: one transaction, a history.Change around the change
(a Story, Article or StatementGroup method) recorded as an Edit, and an answer for htmx or a
plain form.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.db import transaction
from django.db.models import F, Model, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from articles.choosing import chosen_statement, chosen_story, statement_choices, story_choices
from articles.forms import (
    MergeGroupsForm,
    MergeStoryForm,
    MoveArticleForm,
    RenameStoryForm,
    SplitGroupForm,
    SplitStoryForm,
)
from articles.history import Change, Conflict, NoChange, Refused
from articles.models import QUOTE_READING_ORDER, Article, Edit, Quote, StatementGroup, Story
from articles.views.access import editor_required, next_url
from articles.views.editing_quotes import form_problem
from articles.views.htmx import load_page

# The fields a chooser's buttons may fill in (see _choices.html).
CHOOSER_FIELDS = {"story", "other", "group"}


# ----------------------------------------------------------------------------- stories


def story_edit_context(story: Story, **extra) -> dict:
    articles = list(story.articles.listing().order_by(F("published_at").asc(nulls_last=True), "id"))
    members = (
        Quote.objects.visible()
        .select_related("article__outlet", "person")
        .only(
            "text",
            "group_id",
            "person__name",
            "article__title",
            "article__published_at",
            "article__outlet__short_name",
            "article__outlet__name",
            "version",
        )
        .order_by("article__published_at", "article_id", *QUOTE_READING_ORDER)
    )
    groups = list(
        story.statements.select_related("speaker")
        .prefetch_related(Prefetch("quotes", queryset=members, to_attr="members"))
        .order_by("id")
    )
    return {
        "story": story,
        "articles": articles,
        "groups": [group for group in groups if group.members],
        **extra,
    }


def refused_form(request: HttpRequest) -> dict:
    """Which form on the story's editing page was sent, and what it held: its view's name,
    the article or statement it is for, and the ids ticked."""
    match = request.resolver_match
    target = match.kwargs.get("group_pk")
    if match.url_name == "move_article":
        target = match.kwargs.get("pk")
    ticked = request.POST.getlist("articles") + request.POST.getlist("quotes")
    return {
        "posted": request.POST,
        "refused_form": match.url_name,
        "refused_for": target,
        "ticked": {int(pk) for pk in ticked if pk.isdigit()},
    }


def story_answer(
    request: HttpRequest, story_pk: int, partial: str, *, status=200, fallback=None, **extra
):
    """Like quote_answer, for the story editing page: the changed part for htmx, back to the
    page with a message for a plain form, the page with the problem on failure (and what the
    editor typed, in the form that was sent: refused_form)."""
    if status != 200 and request.method == "POST":
        extra = {**refused_form(request), **extra}
    story = Story.objects.filter(pk=story_pk).first()
    if story is None:
        # The story was merged away or emptied: go to where its articles went, and say what
        # happened there (a refusal too: the page it would be shown on is gone).
        target = fallback or resolve_url("articles:home")
        note = extra.get("message") or extra.get("conflict") or extra.get("error")
        if note:
            level = messages.SUCCESS if status == 200 else messages.ERROR
            messages.add_message(request, level, note)
        if request.htmx:
            return load_page(target, status=status)
        return redirect(target)
    if request.htmx:
        template = f"articles/story_edit.html#{partial}"
        return render(request, template, story_edit_context(story, **extra), status=status)
    if status == 200:
        messages.success(request, extra.get("message") or "Saved.")
        return redirect(next_url(request, resolve_url("articles:story_edit", story.pk)))
    context = story_edit_context(story, **extra)
    return render(request, "articles/story_edit.html", context, status=status)


def chooser_field(request: HttpRequest) -> str:
    field = request.GET.get("field", "")
    return field if field in CHOOSER_FIELDS else "story"


@require_GET
@editor_required()
def choose_story(request: HttpRequest, pk: int) -> HttpResponse:
    """Suggestions as the editor types, for moving an article or merging a story: stories
    other than `pk` by title, date, outlet or words, best first (buttons that submit)."""
    typed = request.GET.get("query", "")
    context = {
        "choices": story_choices(typed, besides=pk),
        "kind": "story",
        "field": chooser_field(request),
        "typed": typed.strip(),
    }
    return render(request, "articles/_choices.html", context)


@require_GET
@editor_required()
def choose_statement(request: HttpRequest, pk: int) -> HttpResponse:
    """Suggestions as the editor types, for moving a quote or merging statements: story
    `pk`'s statements by speaker, words or outlet, best first."""
    typed = request.GET.get("query", "")
    besides = request.GET.get("besides", "")
    context = {
        "choices": statement_choices(
            typed, story=pk, besides=int(besides) if besides.isdigit() else None
        ),
        "kind": "statement",
        "field": chooser_field(request),
        "typed": typed.strip(),
    }
    return render(request, "articles/_choices.html", context)


@require_GET
@editor_required("articles.change_story")
def story_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """A story's editing page: title, articles (move, split, merge) and statements."""
    story = get_object_or_404(Story, pk=pk)
    return render(request, "articles/story_edit.html", story_edit_context(story))


@dataclass
class StoryEdit:
    """What one story or statement change did, for story_action to record and report."""

    change: Change  # begun before the change, around everything it touches
    target: Model  # what the history lists the edit under
    summary: str
    fallback: str | None = None  # where to go if the story is gone afterwards


def story_action(request, story_pk: int, partial: str, form, action: str, run) -> HttpResponse:
    """Run one story or statement change: check the form, run, record, answer.

    `run(data)` makes the change in the transaction and returns a StoryEdit, which is recorded
    in the history as `action`."""
    if not form.is_valid():
        return story_answer(request, story_pk, partial, status=400, error=form_problem(form))
    try:
        with transaction.atomic():
            done = run(form.cleaned_data)
            done.change.record(request.user, action, done.target, done.summary)
    except Conflict as conflict:
        return story_answer(request, story_pk, partial, status=409, conflict=conflict.message)
    except Refused as refusal:
        return story_answer(
            request, story_pk, partial, status=400, error=str(refusal), **refusal.context
        )
    except NoChange:
        return story_answer(request, story_pk, partial, message="Nothing to change.")
    return story_answer(request, story_pk, partial, message=done.summary, fallback=done.fallback)


def articles_change(articles, stories) -> Change:
    ids = [article.pk for article in articles]
    quotes = Quote.objects.filter(article_id__in=ids)
    return Change(
        articles=ids,
        quotes=quotes.values_list("pk", flat=True),
        groups=quotes.values_list("group_id", flat=True),
        stories=stories,
    )


@editor_required("articles.change_story")
@require_POST
@vary_on_headers("HX-Request")
def move_article(request: HttpRequest, pk: int) -> HttpResponse:
    """Move an article to another story; re-processing keeps it there."""
    article = get_object_or_404(Article.objects.only("pk", "story_id", "title"), pk=pk)
    form = MoveArticleForm(request.POST)
    form.full_clean()
    # The page to answer with: the story the form was on, if that came as a number.
    came_from = form.cleaned_data.get("from_story") or article.story_id

    def run(data):
        moving = Article.objects.select_for_update().only("pk", "story_id", "title").get(pk=pk)
        if data["from_story"] is not None and moving.story_id != data["from_story"]:
            raise Conflict("Someone moved this article to another story meanwhile.")
        chosen = chosen_story(data, "story", came_from)
        target = Story.objects.filter(pk=chosen).first()
        if target is None:
            raise Refused(f"There is no story #{chosen}.")
        if target.pk == moving.story_id:
            raise Refused("The article is already in that story.")
        old = moving.story_id
        change = articles_change([moving], [old, target.pk])
        moving.move_to(target)
        Story.finish_moves([old, target.pk])
        summary = f"Moved “{moving.title}” to the story “{target.title}”"
        return StoryEdit(change, moving, summary, resolve_url("articles:story_edit", target.pk))

    return story_action(request, came_from, "body", form, Edit.Action.MOVE_ARTICLE, run)


@editor_required("articles.change_story")
@require_POST
@vary_on_headers("HX-Request")
def split_story(request: HttpRequest, pk: int) -> HttpResponse:
    """The chosen articles leave for a new story of their own."""
    get_object_or_404(Story, pk=pk)
    form = SplitStoryForm(request.POST)

    def run(data):
        story = Story.objects.select_for_update().get(pk=pk)
        members = set(story.articles.values_list("pk", flat=True))
        chosen = set(data["articles"])
        if not chosen <= members:
            raise Conflict("Some of those articles have left this story meanwhile.")
        if chosen == members:
            raise Refused("Choose some of the articles, not all of them.")
        moving = list(Article.objects.filter(pk__in=chosen).defer("original", "stripped"))
        change = articles_change(moving, [story.pk])
        new = story.split(moving, data["title"])
        change.touch(stories=[new.pk])
        summary = f"Split {len(moving)} article(s) from “{story.title}” into “{new.title}”"
        return StoryEdit(change, story, summary)

    return story_action(request, pk, "body", form, Edit.Action.SPLIT_STORY, run)


@editor_required("articles.change_story")
@require_POST
@vary_on_headers("HX-Request")
def merge_stories(request: HttpRequest, pk: int) -> HttpResponse:
    """Another story's articles join this one (their statements matched to this story's);
    the other story is gone."""
    get_object_or_404(Story, pk=pk)
    form = MergeStoryForm(request.POST)

    def run(data):
        other_pk = chosen_story(data, "other", pk)
        stories = {s.pk: s for s in Story.objects.select_for_update().filter(pk__in=[pk, other_pk])}
        if other_pk == pk:
            raise Refused("A story cannot be merged with itself.")
        if other_pk not in stories:
            raise Refused(f"There is no story #{other_pk} (merged or removed meanwhile?).")
        story, other = stories[pk], stories[other_pk]
        moving = list(other.articles.defer("original", "stripped").order_by("published_at", "id"))
        change = articles_change(moving, [pk, other_pk])
        story.merge(other, moving)
        summary = f"Merged the story “{other.title}” into “{story.title}”"
        return StoryEdit(change, story, summary)

    return story_action(request, pk, "body", form, Edit.Action.MERGE_STORIES, run)


@editor_required("articles.change_story")
@require_POST
@vary_on_headers("HX-Request")
def rename_story(request: HttpRequest, pk: int) -> HttpResponse:
    """A better title; re-processing never changes it again."""
    get_object_or_404(Story, pk=pk)
    form = RenameStoryForm(request.POST)

    def run(data):
        story = Story.objects.select_for_update().get(pk=pk)
        if data["based_on"] and data["based_on"] != story.title:
            raise Conflict(f"Someone renamed the story meanwhile, to “{story.title}”.")
        change = Change(stories=[pk])
        old = story.title
        story.rename(data["title"])
        summary = f"Renamed the story “{old}” to “{story.title}”"
        return StoryEdit(change, story, summary)

    return story_action(request, pk, "title", form, Edit.Action.RENAME_STORY, run)


# ----------------------------------------------------------------------------- statements


@editor_required("articles.change_statementgroup")
@require_POST
@vary_on_headers("HX-Request")
def split_group(request: HttpRequest, pk: int, group_pk: int) -> HttpResponse:
    """The chosen quotes become a statement of their own."""
    get_object_or_404(StatementGroup, pk=group_pk, story_id=pk)
    form = SplitGroupForm(request.POST)

    def run(data):
        chosen = set(data["quotes"])
        group = StatementGroup.objects.select_for_update().filter(pk=group_pk).first()
        if group is None:
            raise Conflict("That statement was merged or split meanwhile.")
        members = set(group.quotes.visible().values_list("pk", flat=True))
        if not chosen <= members:
            raise Conflict("Some of those quotes have left the statement meanwhile.")
        if chosen == members:
            raise Refused("Choose some of the statement's quotes, not all of them.")
        change = Change(quotes=chosen, groups=[group.pk])
        label = StatementGroup.objects.labelled().get(pk=group.pk).label()
        new = group.split(chosen)
        change.touch(groups=[new.pk])
        count = f"{len(chosen)} quote{'s' if len(chosen) > 1 else ''}"
        summary = f"Split {count} from {label} into a statement of their own"
        return StoryEdit(change, group, summary)

    return story_action(request, pk, "body", form, Edit.Action.SPLIT_GROUP, run)


@editor_required("articles.change_statementgroup")
@require_POST
@vary_on_headers("HX-Request")
def merge_groups(request: HttpRequest, pk: int, group_pk: int) -> HttpResponse:
    """Another statement's quotes join this one: the same words, reported differently."""
    get_object_or_404(StatementGroup, pk=group_pk, story_id=pk)
    form = MergeGroupsForm(request.POST)

    def run(data):
        other_pk = chosen_statement(data, "other", pk, group_pk)
        if other_pk == group_pk:
            raise Refused("A statement cannot be merged with itself.")
        found = {
            group.pk: group
            for group in StatementGroup.objects.select_for_update().filter(
                pk__in=[group_pk, other_pk], story_id=pk
            )
        }
        if group_pk not in found:
            raise Conflict("That statement was merged or split meanwhile.")
        if other_pk not in found:
            raise Refused(f"Statement #{other_pk} is not in this story (merged meanwhile?).")
        moving = list(Quote.objects.filter(group_id=other_pk).values_list("pk", flat=True))
        change = Change(quotes=moving, groups=[group_pk, other_pk])
        group = found[group_pk]
        labels = {
            each.pk: each.label()
            for each in StatementGroup.objects.labelled().filter(pk__in=[group_pk, other_pk])
        }
        group.merge(found[other_pk], moving)
        summary = f"Merged {labels[other_pk]} into {labels[group_pk]}"
        return StoryEdit(change, group, summary)

    return story_action(request, pk, "body", form, Edit.Action.MERGE_GROUPS, run)
