"""Editors at work on quotes: a quote's editing panel (review, words, speaker, tags, statement,
history), adding a quote the extractor missed, and the review queue.

Each change to a quote runs through edit_quote: it claims the version of the quote the editor
saw (a stale one is a 409, never a silent overwrite), makes the change (a Quote method) inside
a history.Change, and answers with the panel (htmx) or a redirect with a message (plain form).
"""

from urllib.parse import parse_qs, urlsplit

from django.contrib import messages
from django.contrib.postgres.search import TrigramSimilarity, TrigramWordSimilarity
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import F, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import trigger_client_event

from articles.choosing import chosen_statement
from articles.coverage.people import match_stored_person
from articles.forms import (
    AddQuoteForm,
    BoundariesForm,
    MoveQuoteForm,
    ReviewForm,
    ReviewManyForm,
    SpeakerForm,
    TagForm,
    VersionedForm,
)
from articles.highlight import paragraphs_html, segment_paragraphs
from articles.history import Change, Conflict, NoChange, Refused
from articles.locate import QUOTE_MARKS, Span, locate_quote
from articles.models import (
    ARTICLE_TEXT_FIELDS,
    Article,
    Edit,
    Person,
    PersonAlias,
    Quote,
    StatementGroup,
    Tag,
    can_edit,
    opening,
)
from articles.reviewing import (
    add_sentences,
    filters_in,
    last_review,
    queue_filters,
    waiting_count,
)
from articles.reviewing import review_many as review_many_quotes
from articles.views.access import editor_required, next_url
from articles.views.htmx import fragment_or_page, swap_into
from articles.views.reading import (
    headline_html,
    listed_quotes,
    quote_edit_url_maker,
    statement_url_maker,
)

QUEUE_PER_PAGE = 25
NOT_ALLOWED = "Your account can’t {}. Ask an admin to add you to the Editors group."
HISTORY_SHOWN = 20
SUGGESTIONS_SHOWN = 8
# What a quote's panel leaves out of its article: all the heavy columns but the paragraphs.
ARTICLE_HEAVY = tuple(f"article__{field}" for field in ARTICLE_TEXT_FIELDS if field != "paragraphs")


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
        Quote.objects.select_related("article__outlet", "article__story", "person", "group")
        .defer(*ARTICLE_HEAVY)
        .with_tag_names(),
        pk=pk,
    )
    article = quote.article
    headline = quote.place == Quote.Place.HEADLINE
    paragraphs = [{"text": article.title}] if headline else article.paragraphs
    context_paragraphs = []
    last = min(quote.end_paragraph, len(paragraphs) - 1)
    for index in range(quote.start_paragraph, last + 1):
        text = paragraphs[index]["text"]
        start = quote.start_offset if index == quote.start_paragraph else 0
        end = quote.end_offset if index == quote.end_paragraph else len(text)
        context_paragraphs.append(
            {
                "index": "headline" if headline else index,
                "before": text[:start],
                "quoted": text[start:end],
                "after": text[end:],
            }
        )
    history = list(
        Edit.objects.for_quote(quote.pk).select_related("user", "undone_by__user")[:HISTORY_SHOWN]
    )
    return {
        "quote": quote,
        "article": article,
        "context_paragraphs": context_paragraphs,
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
    plain form goes back where it came from, or sees the quote's page with the problem.
    A refusal keeps what the editor typed, in the form that was sent (refused_form)."""
    if status != 200 and request.method == "POST":
        extra.setdefault("posted", request.POST)
        extra.setdefault("refused_form", request.resolver_match.url_name)
    if not Quote.objects.filter(pk=pk).exists():
        # An undo removed the quote an editor had added.
        if request.htmx:
            return render(request, "articles/_quote_gone.html", extra, status=status)
        messages.info(request, extra.get("message") or "The quote is gone.")
        return redirect(next_url(request, resolve_url("articles:activity")))
    if request.htmx:
        if request.POST.get("part") == "row":
            response = queue_row(request, pk, status, extra)
        else:
            context = quote_context(pk, **extra)
            response = render(request, "articles/quote_edit.html#panel", context, status=status)
        if status == 200:
            trigger_client_event(response, "quote-changed", quote_event(pk))
        return response
    if status == 200:
        messages.success(request, extra.get("message") or "Saved.")
        return redirect(next_url(request, resolve_url("articles:quote_edit", pk)))
    return render(request, "articles/quote_edit.html", quote_context(pk, **extra), status=status)


def queue_row(request: HttpRequest, pk: int, status: int, extra: dict) -> HttpResponse:
    """A row of the review queue after a review or its undo, and the queue's count (out of
    band: it changes as the editor works)."""
    quote = listed_quotes(Quote.objects).get(pk=pk)
    add_sentences([quote])
    address = request.POST.get("next", "")
    context = {"quote": quote, "undo": last_review(pk), "queue_address": address, **extra}
    response = render(request, "articles/review_queue.html#row", context, status=status)
    waiting = waiting_count(address)
    count = render(request, "articles/review_queue.html#count", {"waiting": waiting, "oob": True})
    response.content += count.content
    return response


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
    found again in the article's paragraphs (a headline quote's, in the headline)."""
    form = BoundariesForm(request.POST)

    def apply(quote, change, data):
        article = Article.objects.only("paragraphs", "title").get(pk=quote.article_id)
        in_headline = quote.place == Quote.Place.HEADLINE
        span = locate_quote(
            [article.title] if in_headline else article.quotable_paragraphs(),
            data["text"],
            near=(quote.start_paragraph, quote.start_offset),
        )
        if span is None:
            raise Refused(
                "Those words are not in the headline. Copy them exactly as printed."
                if in_headline
                else "Those words are not in the article. Copy them exactly as printed; put a "
                "line break where the quote runs on into the next paragraph."
            )
        other = article.overlapping_quote(span, besides=quote.pk, place=quote.place)
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
        # In the panel, with the name kept: someone else may add the person.
        return quote_answer(request, pk, status=403, error=NOT_ALLOWED.format("add people"))

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
            return quote_answer(request, pk, status=403, error=NOT_ALLOWED.format("create tags"))
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
        wanted = None
        if not data["new"]:
            wanted = chosen_statement(data, "group", story_id, quote.group_id)
        if wanted:
            target = StatementGroup.objects.filter(pk=wanted, story_id=story_id).first()
            if target is None:
                raise Refused("That statement is not in this quote's story.")
            if target.pk == quote.group_id:
                raise Refused("The quote is already in that statement.")
        else:
            target = StatementGroup.objects.create(story_id=story_id, speaker=quote.person)
        labels = {
            group.pk: group.label()
            for group in StatementGroup.objects.labelled().filter(
                pk__in=[quote.group_id or 0, target.pk]
            )
        }
        old = labels.get(quote.group_id, "no statement")
        new = labels[target.pk] if wanted else "a statement of its own"
        change.touch(groups=[target.pk])  # the statement joined, as it was before
        quote.move_to_statement(target)
        return f"Moved “{opening(quote.text)}” from {old} to {new}"

    return edit_quote(
        request, pk, form, Edit.Action.MOVE_QUOTE, "move it to another statement", apply
    )


# ----------------------------------------------------------------------------- adding quotes


def article_body_html(article: Article) -> str:
    """The article's body as an editor sees it: every quote a link to its editing panel."""
    return paragraphs_html(
        segment_paragraphs(article.paragraphs, editor_quotes(article)),
        statement_url_maker(article.story_id) if article.story_id else None,
        edit_url=quote_edit_url_maker(),
        edit_target="#quote-editor",
    )


def article_headline_html(article: Article) -> str:
    """The article's headline as an editor sees it ("" without quotes), as article_body_html."""
    return headline_html(
        article,
        editor_quotes(article),
        statement_url_maker(article.story_id) if article.story_id else None,
        edit_url=quote_edit_url_maker(),
        edit_target="#quote-editor",
    )


def editor_quotes(article: Article) -> list[Quote]:
    """The article's quotes (rejected ones too) with what marking them needs."""
    return list(
        article.quotes.select_related("person")
        .with_tag_names()
        .only(
            "article_id",
            "group_id",
            "person_id",
            "person__name",
            "place",
            "start_paragraph",
            "start_offset",
            "end_paragraph",
            "end_offset",
            "status",
            "confidence",
            "speaker_locked",
        )
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
        Article.objects.select_related("outlet", "story").defer("original", "stripped", "body"),
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
                swap_into(response, "#quote-editor")
                return trigger_client_event(response, "quote-added", {"id": quote.pk})
        status = 400
    context = {"article": article, "form": form, "paragraphs": paragraph_choices(article)}
    template = fragment_or_page(request, "articles/add_quote.html", "form")
    return render(request, template, context, status=status)


# ----------------------------------------------------------------------------- review queue


def queue_context(params, page_number, **extra) -> dict:
    """The review queue's page for these filters: its quotes in their sentences."""
    form, quotes = queue_filters(params)
    page = Paginator(listed_quotes(quotes), QUEUE_PER_PAGE).get_page(page_number)
    add_sentences(page.object_list)
    return {"form": form, "quotes": page, "waiting": page.paginator.count, **extra}


@require_GET
@editor_required()
@vary_on_headers("HX-Request")
def review_queue(request: HttpRequest) -> HttpResponse:
    """Quotes nobody has confirmed or rejected yet, least sure first, each in its sentence;
    worked through with the keyboard (review.js), one by one or several at once."""
    context = queue_context(
        request.GET, request.GET.get("page"), queue_address=request.get_full_path()
    )
    status = 400 if context["form"].errors else 200
    template = fragment_or_page(request, "articles/review_queue.html", "queue")
    return render(request, template, context, status=status)


@editor_required()
@require_POST
@vary_on_headers("HX-Request")
def review_many(request: HttpRequest) -> HttpResponse:
    """Confirm or reject the ticked quotes in one edit (one undo takes it back); a quote
    someone changed meanwhile is left alone and said so."""
    form = ReviewManyForm(request.POST)
    back = next_url(request, resolve_url("articles:review_queue"))
    if form.is_valid():
        result = review_many_quotes(
            request.user, form.versions(request.POST), form.cleaned_data["status"]
        )
        message, status = result.message, 200
    else:
        message, status = form_problem(form), 400
    if not request.htmx:
        (messages.success if status == 200 else messages.error)(request, message)
        return redirect(back)
    undo = result.edit if status == 200 else None
    return queue_answer(request, message, status=status, undo_many=undo)


def queue_answer(
    request: HttpRequest, message: str, *, status: int = 200, undo_many=None
) -> HttpResponse:
    """The review queue's list again (htmx), with a message about the whole of it, for the
    filters and page of the address the form carried (`next`)."""
    back = next_url(request, resolve_url("articles:review_queue"))
    page = parse_qs(urlsplit(back).query).get("page", [None])[0]
    context = queue_context(
        filters_in(back),
        page,
        queue_address=back,
        queue_message=message if status == 200 else "",
        queue_error="" if status == 200 else message,
        undo_many=undo_many,
    )
    return render(request, "articles/review_queue.html#queue", context, status=status)
