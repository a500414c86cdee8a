"""Editors at work: review, tag and correct quotes, statements and stories, with a history.

Every action is a POST that works as a plain form (it redirects back with a message) and, under
htmx, answers with just the part of the page it changed. Each runs in one transaction and
records an Edit holding the state of everything it touched before and after: undo puts the
"before" back. Quote edits carry the version the editor saw; a stale one is a 409, never a
silent overwrite.

The tag pages live here too: tags are the editors' vocabulary, readers browse them.
"""

import json
from functools import wraps
from urllib.parse import quote as urlquote
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.contrib.postgres.search import TrigramSimilarity, TrigramWordSimilarity
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import F, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from articles.forms import (
    AddQuoteForm,
    BoundariesForm,
    MergeGroupsForm,
    MergeStoryForm,
    MoveArticleForm,
    MoveQuoteForm,
    RenameStoryForm,
    ReviewFilterForm,
    ReviewForm,
    SpeakerForm,
    SplitGroupForm,
    SplitStoryForm,
    TagForm,
    VersionedForm,
)
from articles.highlight import paragraphs_html, segment_paragraphs
from articles.history import Change, Conflict, NoChange, Refused, undo
from articles.locate import QUOTE_MARKS, Span, locate_quote
from articles.models import (
    ARTICLE_TEXT_FIELDS,
    EDITOR_PERMISSION,
    Article,
    Edit,
    Person,
    PersonAlias,
    Quote,
    StatementGroup,
    Story,
    Tag,
    can_edit,
)
from articles.processing import match_stored_person
from articles.views import fragment_or_page, quote_edit_url_maker, statement_url_maker

QUEUE_PER_PAGE = 25
ACTIVITY_PER_PAGE = 30
TAG_QUOTES_PER_PAGE = 30
HISTORY_SHOWN = 20
SUGGESTIONS_SHOWN = 8
# Stories offered when moving or merging: the most recent ones (any id can still be posted).
STORY_CHOICES = 200
# Statements offered when moving a quote (a story rarely has more).
GROUP_CHOICES = 300
# What quote lists never need of their article.
# What a quote's panel leaves out of its article: all the heavy columns but the paragraphs.
ARTICLE_HEAVY = tuple(f"article__{field}" for field in ARTICLE_TEXT_FIELDS if field != "paragraphs")

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
}


# ----------------------------------------------------------------------------- access


def editor_required(permission: str = EDITOR_PERMISSION):
    """Anonymous users are sent to log in (htmx: a 401 whose HX-Redirect does it); logged-in
    users without the permission get a 403 (htmx: a short fragment saying so)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                back = page_to_return_to(request)
                if request.htmx:
                    response = HttpResponse("Log in to edit.", status=401)
                    login = resolve_url(settings.LOGIN_URL)
                    response["HX-Redirect"] = f"{login}?next={urlquote(back)}"
                    return response
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
    for candidate in (request.headers.get("HX-Current-URL"), request.headers.get("Referer")):
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


# ----------------------------------------------------------------------------- quotes


def claim_quote(pk: int, version: int) -> Quote:
    """The quote, taken for this change if it is still at `version`. The update both checks
    the version and locks the row until the transaction ends, so a concurrent edit waits for
    this one and then finds the version moved on."""
    taken = Quote.objects.filter(pk=pk, version=version).update(
        version=F("version") + 1, updated_at=timezone.now()
    )
    if not taken:
        raise Conflict
    return Quote.objects.select_related("article", "person").defer(*ARTICLE_HEAVY).get(pk=pk)


def quote_context(pk: int, **extra) -> dict:
    """Everything the quote's editing panel shows."""
    quote = get_object_or_404(
        Quote.objects.select_related("article__source", "article__story", "person", "group")
        .defer(*ARTICLE_HEAVY)
        .with_tag_names(),
        pk=pk,
    )
    article = quote.article
    paragraphs = article.paragraphs
    context_paragraphs = []
    last = min(quote.end_paragraph, len(paragraphs) - 1)
    for index in range(quote.start_paragraph, last + 1):
        text = paragraphs[index]["text"]
        start = quote.start_offset if index == quote.start_paragraph else 0
        end = quote.end_offset if index == quote.end_paragraph else len(text)
        context_paragraphs.append(
            {"index": index, "before": text[:start], "quoted": text[start:end], "after": text[end:]}
        )
    groups = []
    if article.story_id:
        groups = list(
            StatementGroup.objects.filter(story_id=article.story_id)
            .exclude(pk=quote.group_id or 0)
            .select_related("speaker", "fullest")
            .only("pk", "speaker__name", "fullest__text")
            .order_by("id")[:GROUP_CHOICES]
        )
    history = list(
        Edit.objects.for_quote(quote.pk).select_related("user", "undone_by__user")[:HISTORY_SHOWN]
    )
    return {
        "quote": quote,
        "article": article,
        "context_paragraphs": context_paragraphs,
        "groups": groups,
        "history": history,
        "tag_options": list(Tag.objects.values_list("name", flat=True)),
        **extra,
    }


def quote_event(pk: int) -> dict:
    """What the comparison columns need to show the change without reloading (editing.js)."""
    quote = Quote.objects.select_related("person").with_tag_names().get(pk=pk)
    return {
        "id": quote.pk,
        "status": quote.status,
        "who": quote.person.surname if quote.person else "",
        "tags": list(quote.tag_names),
    }


def quote_answer(request: HttpRequest, pk: int, *, status: int = 200, **extra) -> HttpResponse:
    """The answer to a quote action: htmx gets the panel (or the review queue row) back; a
    plain form goes back where it came from, or sees the quote's page with the problem."""
    if not Quote.objects.filter(pk=pk).exists():
        # An undo removed the quote an editor had added.
        if request.htmx:
            return render(request, "articles/_quote_gone.html", extra, status=status)
        messages.info(request, extra.get("message") or "The quote is gone.")
        return redirect(next_url(request, resolve_url("articles:activity")))
    if request.htmx:
        if request.POST.get("part") == "row":
            context = {"quote": listed_quotes(Quote.objects).get(pk=pk), **extra}
            response = render(request, "articles/review_queue.html#row", context, status=status)
        else:
            context = quote_context(pk, **extra)
            response = render(request, "articles/quote_edit.html#panel", context, status=status)
        if status == 200:
            response["HX-Trigger"] = json.dumps({"quote-changed": quote_event(pk)})
        return response
    if status == 200:
        messages.success(request, extra.get("message") or "Saved.")
        return redirect(next_url(request, resolve_url("articles:quote_edit", pk)))
    return render(request, "articles/quote_edit.html", quote_context(pk, **extra), status=status)


def form_problem(form) -> str:
    if any(name == "version" for name in form.errors):
        return "This form is out of date: reload the page and try again."
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


def conflict_message(attempted: str) -> str:
    return (
        "Someone else changed this quote after you opened it. This is the newer version; "
        f"your change ({attempted}) was not saved. Make it again if it still applies."
    )


@require_GET
@editor_required()
@vary_on_headers("HX-Request")
def quote_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """A quote's editing panel: review, speaker, words, tags, statement, history."""
    template = fragment_or_page(request, "articles/quote_edit.html", "panel")
    return render(request, template, quote_context(pk))


def edit_quote(request: HttpRequest, pk: int, form, action: str, attempted: str, apply):
    """Run one quote edit: check the form, claim the version, apply, record, answer.

    `apply(quote, change, data)` makes the change and returns the summary for the history."""
    get_object_or_404(Quote, pk=pk)
    if not form.is_valid():
        return quote_answer(request, pk, status=400, error=form_problem(form))
    try:
        with transaction.atomic():
            quote = claim_quote(pk, form.cleaned_data["version"])
            change = Change(quotes=[pk], groups=[quote.group_id])
            summary = apply(quote, change, form.cleaned_data)
            change.record(request.user, action, quote, summary)
    except Conflict:
        return quote_answer(request, pk, status=409, conflict=conflict_message(attempted))
    except Refused as refusal:
        return quote_answer(request, pk, status=400, error=str(refusal), **refusal.context)
    except NoChange:
        return quote_answer(request, pk, message="Nothing to change: it is so already.")
    return quote_answer(request, pk, message=summary)


@editor_required()
@require_POST
@vary_on_headers("HX-Request")
def review_quote(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm a quote, reject it (readers stop seeing it), or send it back to the queue."""
    form = ReviewForm(request.POST)
    wanted = request.POST.get("status", "")

    def apply(quote, change, data):
        quote.review(data["status"])
        return {
            Quote.Status.CONFIRMED: "Confirmed the quote",
            Quote.Status.REJECTED: "Rejected the quote",
            Quote.Status.UNREVIEWED: "Sent the quote back for review",
        }[quote.status]

    attempted = {"confirmed": "confirm it", "rejected": "reject it"}.get(wanted, "review it")
    return edit_quote(request, pk, form, Edit.Action.REVIEW, attempted, apply)


@editor_required()
@require_POST
@vary_on_headers("HX-Request")
def correct_boundaries(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct where a quote starts and ends: the editor edits the quoted words and they are
    found again in the article's paragraphs."""
    form = BoundariesForm(request.POST)

    def apply(quote, change, data):
        article = Article.objects.only("paragraphs").get(pk=quote.article_id)
        span = locate_quote(
            article.quotable_paragraphs(),
            data["text"],
            near=(quote.start_paragraph, quote.start_offset),
        )
        if span is None:
            raise Refused(
                "Those words are not in the article. Copy them exactly as printed; put a line "
                "break where the quote runs on into the next paragraph."
            )
        other = article.overlapping_quote(span, besides=quote.pk)
        if other is not None:
            raise Refused(f"Those words run into another quote (“{other.text[:60]}”).")
        quote.correct_words(span)
        return "Corrected the quoted words"

    return edit_quote(request, pk, form, Edit.Action.BOUNDARIES, "correct the words", apply)


def new_person(name: str) -> Person:
    person = Person.objects.create(name=name[:200])
    aliases = {name, name.split()[-1]}
    PersonAlias.objects.bulk_create(
        [PersonAlias(person=person, alias=alias[:200]) for alias in aliases],
        ignore_conflicts=True,
    )
    return person


def speaker_candidates(name: str) -> list[dict]:
    """People the typed name may mean: the matcher's pick first (it knows titles, typos and
    transliterations), then by trigram similarity of their names and aliases."""
    name = " ".join(name.split())[:200]
    if len(name) < 2:
        return []
    best = match_stored_person(name)
    rows = (
        PersonAlias.objects.annotate(similarity=TrigramWordSimilarity(name, "alias"))
        .filter(Q(similarity__gte=0.3) | Q(alias__icontains=name))
        .order_by("-similarity", "alias")
        .values_list("person_id", "alias")[:40]
    )
    matched_alias: dict[int, str] = {}
    if best is not None:
        matched_alias[best.pk] = ""
    for person_id, alias in rows:
        matched_alias.setdefault(person_id, alias)
    people = Person.objects.in_bulk(list(matched_alias)[:SUGGESTIONS_SHOWN])
    return [
        {
            "person": people[pk],
            "alias": alias if alias and alias != people[pk].name else "",
            "best": best is not None and pk == best.pk,
        }
        for pk, alias in matched_alias.items()
        if pk in people
    ]


@require_GET
@editor_required()
def speaker_suggestions(request: HttpRequest) -> HttpResponse:
    """Autocomplete for the speaker field: people as buttons that submit the speaker form."""
    candidates = speaker_candidates(request.GET.get("name", ""))
    context = {"candidates": candidates, "typed": request.GET.get("name", "").strip()}
    return render(request, "articles/quote_edit.html#suggestions", context)


@editor_required()
@require_POST
@vary_on_headers("HX-Request")
def change_speaker(request: HttpRequest, pk: int) -> HttpResponse:
    """Set who said the quote: a known person, a name the matcher resolves, or a new person."""
    form = SpeakerForm(request.POST)
    creates = form.is_valid() and form.cleaned_data["create"]
    if creates and not can_edit(request.user, "articles.add_person"):
        return forbidden(request)

    def apply(quote, change, data):
        old = quote.person.name if quote.person else "nobody"
        if data["person"]:
            person = Person.objects.filter(pk=data["person"]).first()
            if person is None:
                raise Refused("That person no longer exists. Choose another.")
        elif data["clear"]:
            person = None
        elif data["create"]:
            person = new_person(data["name"])
        else:
            person = match_stored_person(data["name"])
            if person is None:
                # Show whom the name may mean, to choose with one click (with or without JS).
                raise Refused(
                    f"Nobody known is called “{data['name']}”. Pick someone below, or tick "
                    "“Create a new person with this name”.",
                    candidates=speaker_candidates(data["name"]),
                    typed=data["name"],
                )
        quote.set_speaker(person)
        return f"Speaker: {old} → {person.name if person else 'nobody'}"

    typed = request.POST.get("name") or "another person"
    return edit_quote(request, pk, form, Edit.Action.SPEAKER, f"set the speaker to {typed}", apply)


def find_tag(name: str) -> Tag | None:
    return Tag.objects.filter(Q(name__iexact=name) | Q(slug=Tag.slug_for(name))).first()


@editor_required()
@require_POST
@vary_on_headers("HX-Request")
def add_tag(request: HttpRequest, pk: int) -> HttpResponse:
    """Tag a quote with a known tag, or with a new one when the editor says so."""
    form = TagForm(request.POST)
    if form.is_valid():
        tag = find_tag(form.cleaned_data["tag"])
        creates = tag is None and form.cleaned_data["create"]
        if creates and not can_edit(request.user, "articles.add_tag"):
            return forbidden(request)
        if tag is not None and Quote.objects.filter(pk=pk, tags=tag).exists():
            return quote_answer(request, pk, message=f"Already tagged “{tag.name}”.")

    def apply(quote, change, data):
        tag = find_tag(data["tag"])
        if tag is None:
            if not data["create"]:
                similar = Tag.objects.annotate(s=TrigramSimilarity("name", data["tag"])).filter(
                    s__gte=0.3
                )
                names = ", ".join(f"“{t.name}”" for t in similar.order_by("-s")[:5])
                raise Refused(
                    f"There is no tag “{data['tag']}” yet."
                    + (f" Did you mean {names}?" if names else "")
                    + " Tick “New tag” to create it."
                )
            # get_or_create: two editors may create the same new tag at once.
            tag, _ = Tag.objects.get_or_create(
                slug=Tag.slug_for(data["tag"]), defaults={"name": data["tag"]}
            )
        quote.add_tag(tag)
        return f"Tagged “{tag.name}”"

    return edit_quote(request, pk, form, Edit.Action.TAG_ADD, "add a tag", apply)


@editor_required()
@require_POST
@vary_on_headers("HX-Request")
def remove_tag(request: HttpRequest, pk: int, tag_pk: int) -> HttpResponse:
    tag = get_object_or_404(Tag, pk=tag_pk)
    form = VersionedForm(request.POST)

    def apply(quote, change, data):
        quote.remove_tag(tag)
        return f"Removed tag “{tag.name}”"

    return edit_quote(
        request, pk, form, Edit.Action.TAG_REMOVE, f"remove the tag “{tag.name}”", apply
    )


@editor_required("articles.change_statementgroup")
@require_POST
@vary_on_headers("HX-Request")
def move_quote(request: HttpRequest, pk: int) -> HttpResponse:
    """Put a quote into another statement of its story, or make it a statement of its own."""
    form = MoveQuoteForm(request.POST)

    def apply(quote, change, data):
        story_id = quote.article.story_id
        if story_id is None:
            raise Refused("This article is in no story yet, so it has no statements.")
        if data["group"]:
            target = StatementGroup.objects.filter(pk=data["group"], story_id=story_id).first()
            if target is None:
                raise Refused("That statement is not in this quote's story.")
            if target.pk == quote.group_id:
                raise Refused("The quote is already in that statement.")
        else:
            target = StatementGroup.objects.create(story_id=story_id, speaker=quote.person)
            change.touch(groups=[target.pk])
        quote.move_to_statement(target)
        return f"Moved the quote to statement #{target.pk}"

    return edit_quote(
        request, pk, form, Edit.Action.MOVE_QUOTE, "move it to another statement", apply
    )


# ----------------------------------------------------------------------------- adding quotes


def article_body_html(article: Article) -> str:
    """The article's body as an editor sees it: every quote a link to its editing panel."""
    quotes = list(
        article.quotes.select_related("person")
        .with_tag_names()
        .only(
            "article_id",
            "group_id",
            "person_id",
            "person__name",
            "start_paragraph",
            "start_offset",
            "end_paragraph",
            "end_offset",
            "status",
        )
    )
    return paragraphs_html(
        segment_paragraphs(article.paragraphs, quotes),
        statement_url_maker(article.story_id) if article.story_id else None,
        edit_url=quote_edit_url_maker(),
        edit_target="#quote-editor",
    )


def span_from_form(article: Article, data: dict) -> Span:
    """The span the editor chose: offsets from a selection, or the words found in the
    chosen paragraph. Quotation marks and spaces at the ends are left out."""
    paragraphs = article.quotable_paragraphs()
    start_paragraph = data["paragraph"]
    if start_paragraph >= len(paragraphs) or not paragraphs[start_paragraph]:
        raise Refused("Choose a paragraph of the article's text (not a subheading).")
    if data["start_offset"] is not None and data["end_offset"] is not None:
        end_paragraph = start_paragraph if data["end_paragraph"] is None else data["end_paragraph"]
        if end_paragraph < start_paragraph or end_paragraph >= len(paragraphs):
            raise Refused("The selection runs outside the article's text.")
        start, end = data["start_offset"], data["end_offset"]
        if start > len(paragraphs[start_paragraph]) or end > len(paragraphs[end_paragraph]):
            raise Refused("The selection runs outside the paragraph.")
        # Trim marks and spaces the selection took along.
        first = paragraphs[start_paragraph]
        while start < len(first) and (first[start].isspace() or first[start] in QUOTE_MARKS):
            start += 1
        last = paragraphs[end_paragraph]
        while end > 0 and (last[end - 1].isspace() or last[end - 1] in QUOTE_MARKS):
            end -= 1
        if (start_paragraph, start) >= (end_paragraph, end):
            raise Refused("Select some words to quote.")
        parts = []
        for index in range(start_paragraph, end_paragraph + 1):
            text = paragraphs[index]
            begin = start if index == start_paragraph else 0
            stop = end if index == end_paragraph else len(text)
            parts.append(text[begin:stop].strip())
        return Span(start_paragraph, start, end_paragraph, end, "\n".join(p for p in parts if p))
    # No offsets: the words as pasted, looked for from the chosen paragraph on.
    span = locate_quote(paragraphs, data["text"], near=(start_paragraph, 0))
    if span is None or span.start_paragraph != start_paragraph:
        raise Refused(
            "Those words are not in that paragraph. Paste them exactly as printed, or select "
            "them in the text."
        )
    return span


def create_quote(user, article: Article, data: dict) -> Quote:
    """Store a quote the extractor missed, confirmed and marked as the editor's."""
    span = span_from_form(article, data)
    other = article.overlapping_quote(span)
    if other is not None:
        raise Refused(
            f"Those words overlap a quote already marked (“{other.text[:60]}”). Correct its "
            "words instead, or reject it first."
        )
    person = None
    if data["speaker"].strip():
        person = match_stored_person(data["speaker"].strip())
        if person is None:
            raise Refused(
                f"Nobody known is called “{data['speaker'].strip()}”. Leave the speaker empty "
                "and set it on the new quote, where you can also create a person."
            )
    change = Change()
    quote = article.add_quote(span, person=person, kind=data["kind"])
    change.add_new_quote(quote.pk)
    change.record(user, Edit.Action.ADD_QUOTE, quote, f"Added a quote: “{span.text[:80]}”")
    return quote


def paragraph_choices(article: Article) -> list[dict]:
    return [
        {"index": index, "text": text}
        for index, text in enumerate(article.quotable_paragraphs())
        if text
    ]


@editor_required("articles.add_quote")
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def add_quote(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a quote the extractor missed: select it in the article (editing.js fills in the
    offsets) or paste its words and pick the paragraph."""
    article = get_object_or_404(
        Article.objects.select_related("source", "story").defer("original", "stripped", "body"),
        pk=pk,
    )
    form = AddQuoteForm(request.POST or None, initial={"paragraph": request.GET.get("paragraph")})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                with transaction.atomic():
                    quote = create_quote(request.user, article, form.cleaned_data)
            except Refused as refusal:
                form.add_error(None, str(refusal))
            else:
                message = "Added the quote."
                if not request.htmx:
                    messages.success(request, message)
                    return redirect(quote.get_edit_url())
                # The new quote's panel in the editor, and on the article page the body
                # again with the quote marked in it.
                context = quote_context(quote.pk, message=message)
                response = render(request, "articles/quote_edit.html#panel", context)
                current = urlsplit(request.htmx.current_url or "").path
                if current == article.get_absolute_url():
                    body = {"article": article, "body": article_body_html(article)}
                    oob = render(request, "articles/add_quote.html#body", body)
                    response.content += oob.content
                response["HX-Retarget"] = "#quote-editor"
                response["HX-Reswap"] = "innerHTML"
                response["HX-Trigger"] = json.dumps({"quote-added": {"id": quote.pk}})
                return response
        status = 400
    context = {"article": article, "form": form, "paragraphs": paragraph_choices(article)}
    template = fragment_or_page(request, "articles/add_quote.html", "form")
    return render(request, template, context, status=status)


# ----------------------------------------------------------------------------- stories


def story_edit_context(story: Story, **extra) -> dict:
    articles = list(story.articles.listing().order_by(F("published_at").asc(nulls_last=True), "id"))
    members = (
        Quote.objects.visible()
        .select_related("article__source", "person")
        .only(
            "text",
            "group_id",
            "person__name",
            "article__title",
            "article__published_at",
            "article__source__short_name",
            "article__source__name",
            "version",
        )
        .order_by("article__published_at", "article_id", "start_paragraph")
    )
    groups = list(
        story.statements.select_related("speaker")
        .prefetch_related(Prefetch("quotes", queryset=members, to_attr="members"))
        .order_by("id")
    )
    others = list(
        Story.objects.exclude(pk=story.pk)
        .only("title", "start_date", "end_date")
        .order_by(F("end_date").desc(nulls_last=True), "-id")[:STORY_CHOICES]
    )
    return {
        "story": story,
        "articles": articles,
        "groups": [group for group in groups if group.members],
        "other_stories": others,
        **extra,
    }


def story_answer(
    request: HttpRequest, story_pk: int, partial: str, *, status=200, fallback=None, **extra
):
    """Like quote_answer, for the story editing page: the changed part for htmx, back to the
    page with a message for a plain form, the page with the problem on failure."""
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
            response = HttpResponse(status=status)
            response["HX-Redirect"] = target
            return response
        return redirect(target)
    if request.htmx:
        template = f"articles/story_edit.html#{partial}"
        return render(request, template, story_edit_context(story, **extra), status=status)
    if status == 200:
        messages.success(request, extra.get("message") or "Saved.")
        return redirect(next_url(request, resolve_url("articles:story_edit", story.pk)))
    context = story_edit_context(story, **extra)
    return render(request, "articles/story_edit.html", context, status=status)


@require_GET
@editor_required("articles.change_story")
def story_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """A story's editing page: title, articles (move, split, merge) and statements."""
    story = get_object_or_404(Story, pk=pk)
    return render(request, "articles/story_edit.html", story_edit_context(story))


def story_action(request, story_pk: int, partial: str, form, run) -> HttpResponse:
    """Check the form, run one story or statement change in a transaction, answer for it.

    `run(data)` makes the change and returns its summary and, when the story may be gone
    afterwards, where to go instead."""
    if not form.is_valid():
        return story_answer(request, story_pk, partial, status=400, error=form_problem(form))
    try:
        with transaction.atomic():
            summary, fallback = run(form.cleaned_data)
    except Conflict as conflict:
        return story_answer(request, story_pk, partial, status=409, conflict=conflict.message)
    except Refused as refusal:
        return story_answer(request, story_pk, partial, status=400, error=str(refusal))
    except NoChange:
        return story_answer(request, story_pk, partial, message="Nothing to change.")
    return story_answer(request, story_pk, partial, message=summary, fallback=fallback)


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
        target = Story.objects.filter(pk=data["story"]).first()
        if target is None:
            raise Refused(f"There is no story #{data['story']}.")
        if target.pk == moving.story_id:
            raise Refused("The article is already in that story.")
        old = moving.story_id
        change = articles_change([moving], [old, target.pk])
        moving.move_to(target)
        Story.finish_moves([old, target.pk])
        summary = f"Moved “{moving.title}” to the story “{target.title}”"
        change.record(request.user, Edit.Action.MOVE_ARTICLE, moving, summary)
        return summary, resolve_url("articles:story_edit", target.pk)

    return story_action(request, came_from, "body", form, run)


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
        change.record(request.user, Edit.Action.SPLIT_STORY, story, summary)
        return summary, None

    return story_action(request, pk, "body", form, run)


@editor_required("articles.change_story")
@require_POST
@vary_on_headers("HX-Request")
def merge_stories(request: HttpRequest, pk: int) -> HttpResponse:
    """Another story's articles join this one (their statements matched to this story's);
    the other story is gone."""
    get_object_or_404(Story, pk=pk)
    form = MergeStoryForm(request.POST)

    def run(data):
        other_pk = data["other"]
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
        change.record(request.user, Edit.Action.MERGE_STORIES, story, summary)
        return summary, None

    return story_action(request, pk, "body", form, run)


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
        change.record(request.user, Edit.Action.RENAME_STORY, story, summary)
        return summary, None

    return story_action(request, pk, "title", form, run)


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
        new = group.split(chosen)
        change.touch(groups=[new.pk])
        summary = f"Split {len(chosen)} quote(s) from statement #{group.pk} into #{new.pk}"
        change.record(request.user, Edit.Action.SPLIT_GROUP, group, summary)
        return summary, None

    return story_action(request, pk, "body", form, run)


@editor_required("articles.change_statementgroup")
@require_POST
@vary_on_headers("HX-Request")
def merge_groups(request: HttpRequest, pk: int, group_pk: int) -> HttpResponse:
    """Another statement's quotes join this one: the same words, reported differently."""
    get_object_or_404(StatementGroup, pk=group_pk, story_id=pk)
    form = MergeGroupsForm(request.POST)

    def run(data):
        other_pk = data["other"]
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
        group.merge(found[other_pk], moving)
        summary = f"Merged statement #{other_pk} into #{group_pk}"
        change.record(request.user, Edit.Action.MERGE_GROUPS, group, summary)
        return summary, None

    return story_action(request, pk, "body", form, run)


# ----------------------------------------------------------------------------- history


def permission_for(edit: Edit) -> str:
    if edit.action == Edit.Action.UNDO:
        undone = Edit.objects.filter(pk=edit.target_id).only("action").first()
        return permission_for(undone) if undone else EDITOR_PERMISSION
    return ACTION_PERMISSIONS.get(edit.action, EDITOR_PERMISSION)


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
    quote_pk = request.POST.get("quote", "")
    if quote_pk.isdigit():
        key = "conflict" if problem else "message"
        return quote_answer(request, int(quote_pk), status=status, **{key: message})
    if request.htmx:
        edit = Edit.objects.select_related("user", "undone_by__user").get(pk=pk)
        context = {"edit": edit, "problem": problem, "done": "" if problem else message}
        return render(request, "articles/activity.html#edit", context, status=status)
    if problem:
        messages.error(request, problem)
    else:
        messages.success(request, message)
    return redirect(next_url(request, resolve_url("articles:activity")))


@require_GET
@editor_required("articles.view_edit")
@vary_on_headers("HX-Request")
def activity(request: HttpRequest) -> HttpResponse:
    """Recent editorial changes, newest first, each with what it changed and an undo."""
    edits = Edit.objects.select_related("user", "undone_by__user")
    editor = request.GET.get("editor", "").strip()
    if editor:
        edits = edits.filter(user__username=editor)
    page = Paginator(edits, ACTIVITY_PER_PAGE).get_page(request.GET.get("page"))
    context = {"edits": page, "editor": editor}
    return render(request, fragment_or_page(request, "articles/activity.html", "edits"), context)


# ----------------------------------------------------------------------------- review queue


def listed_quotes(quotes):
    """Quotes as the review queue and the tag pages list them: speaker, outlet, story, tags."""
    return quotes.listing().select_related("person").with_tag_names()


@require_GET
@editor_required()
@vary_on_headers("HX-Request")
def review_queue(request: HttpRequest) -> HttpResponse:
    """Quotes nobody has confirmed or rejected yet, least sure first."""
    form = ReviewFilterForm(request.GET or None)
    quotes = listed_quotes(Quote.objects.unreviewed())
    status = 200
    if form.is_bound and not form.is_valid():
        quotes, status = quotes.none(), 400
    elif form.is_bound:
        data = form.cleaned_data
        if data["story"]:
            quotes = quotes.filter(article__story=data["story"])
        if data["outlet"]:
            quotes = quotes.filter(article__source=data["outlet"])
        if data["speaker"]:
            quotes = quotes.filter(person=data["speaker"])
    page = Paginator(quotes, QUEUE_PER_PAGE).get_page(request.GET.get("page"))
    context = {"form": form, "quotes": page}
    template = fragment_or_page(request, "articles/review_queue.html", "queue")
    return render(request, template, context, status=status)


# ----------------------------------------------------------------------------- tags


@require_GET
def tag_list(request: HttpRequest) -> HttpResponse:
    tags = Tag.objects.with_quote_counts().order_by("name")
    return render(request, "articles/tag_list.html", {"tags": tags})


@require_GET
@vary_on_headers("HX-Request")
def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Every quote carrying the tag, across stories and outlets, newest first."""
    tag = get_object_or_404(Tag, slug=slug)
    quotes = listed_quotes(tag.quotes.visible()).order_by(
        F("article__published_at").desc(nulls_last=True), "article_id", "start_paragraph"
    )
    page = Paginator(quotes, TAG_QUOTES_PER_PAGE).get_page(request.GET.get("page"))
    context = {"tag": tag, "quotes": page}
    return render(request, fragment_or_page(request, "articles/tag_detail.html", "quotes"), context)
