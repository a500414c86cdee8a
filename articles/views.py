import datetime
from functools import wraps

from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView, redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, F, OuterRef, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from articles.archives import UploadedFile, UploadRefused, expand_uploads, limits_from_settings
from articles.forms import (
    AddQuoteForm,
    AssignOutletForm,
    SearchForm,
    UploadForm,
    known_outlet_names,
)
from articles.highlight import paragraphs_html, segment_paragraphs
from articles.importer import FileReport, import_file
from articles.models import (
    Article,
    LoginAttempt,
    PendingUpload,
    Person,
    Quote,
    Source,
    StatementGroup,
    Story,
    can_edit,
)

STATEMENT_COLOURS = 8
# What highlighting a quote in a body needs, and no more (a long story has hundreds).
QUOTE_POSITION_FIELDS = (
    "article_id",
    "group_id",
    "person_id",
    "start_paragraph",
    "start_offset",
    "end_paragraph",
    "end_offset",
    "status",
)
SEARCH_RESULTS_PER_PAGE = 20
STORIES_PER_PAGE = 20
ARTICLES_PER_PAGE = 20


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


def fragment_or_page(request: HttpRequest, template: str, partial: str) -> str:
    """The htmx fragment of a page when htmx asks for it, else the whole page."""
    if request.htmx and not request.htmx.history_restore_request:
        return f"{template}#{partial}"
    return template


@vary_on_headers("HX-Request")
def home(request: HttpRequest) -> HttpResponse:
    stories = Paginator(Story.objects.recent(), STORIES_PER_PAGE).get_page(request.GET.get("page"))
    recent = Article.objects.recent()[:ARTICLES_PER_PAGE]
    unassigned = Article.objects.filter(story__isnull=True).count()
    context = {"stories": stories, "recent_articles": recent, "unassigned_count": unassigned}
    return render(request, fragment_or_page(request, "articles/home.html", "stories"), context)


@vary_on_headers("HX-Request")
def story_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The comparison: one column per chosen article, quotes of one statement marked alike."""
    story = get_object_or_404(Story, pk=pk)
    articles = list(story.articles.for_comparison())
    # Editors also see the quotes they rejected (struck through), to take a rejection back.
    editing = can_edit(request.user)
    quotes = list(
        (Quote.objects.all() if editing else Quote.objects.visible())
        .filter(article__story=story)
        .select_related("person")
        .only(*QUOTE_POSITION_FIELDS, "person__name")
        .with_tag_names()
    )
    visible = [quote for quote in quotes if quote.status != Quote.Status.REJECTED]
    colours = statement_colours(visible)
    sources = outlets_in_order(articles)
    chosen = chosen_outlets(request.GET.get("outlets"), sources)
    by_article: dict[int, list[Quote]] = {}
    for quote in quotes:
        quote.colour = colours.get(quote.group_id)
        by_article.setdefault(quote.article_id, []).append(quote)
    statement_url = statement_url_maker(story.pk)
    edit_url = quote_edit_url_maker() if editing else None
    columns = [
        {
            "article": article,
            "body": paragraphs_html(
                segment_paragraphs(article.paragraphs, by_article.get(article.pk, [])),
                statement_url,
                panel=True,
                edit_url=edit_url,
                edit_target="#statement-panel",
            ),
            "quote_count": sum(
                1 for q in by_article.get(article.pk, []) if q.status != Quote.Status.REJECTED
            ),
        }
        for source in chosen
        for article in articles
        if article.source_id == source.pk
    ]
    context = {
        "story": story,
        "articles": articles,
        "columns": columns,
        "chooser": outlet_chooser(sources, chosen),
        "chosen_slugs": ",".join(source.slug for source in chosen),
        "quote_count": len(visible),
        "statement_count": len({q.group_id for q in visible if q.group_id}),
        "shared_count": sum(1 for c in colours.values() if c is not None),
        "related": list(story.related.order_by("-start_date")),
        "story_tags": tag_counts(visible),
        "editing": editing,
    }
    template = fragment_or_page(request, "articles/story_detail.html", "comparison")
    return render(request, template, context)


def tag_counts(quotes) -> list[dict]:
    """The tags on these quotes (annotated by with_tag_names), with how many carry each."""
    counts: dict[tuple[str, str], int] = {}
    for quote in quotes:
        for name, slug in zip(quote.tag_names, quote.tag_slugs, strict=True):
            counts[name, slug] = counts.get((name, slug), 0) + 1
    return [{"name": n, "slug": s, "count": c} for (n, s), c in sorted(counts.items())]


def quote_edit_url_maker():
    """quote_edit URL by pk without reversing it once per quote."""
    return reverse("articles:quote_edit", args=[0]).replace("/0/", "/{}/").format


def statement_url_maker(story_pk: int):
    """statement_url(group_id) without reversing the URL once per quote."""
    template = reverse("articles:statement_detail", args=[story_pk, 0]).replace("/0/", "/{}/")
    return template.format


def statement_colours(quotes) -> dict[int, int | None]:
    """A colour index for each statement reported by more than one article, in reading order."""
    articles_per_group: dict[int, set[int]] = {}
    for quote in quotes:
        if quote.group_id:
            articles_per_group.setdefault(quote.group_id, set()).add(quote.article_id)
    colours: dict[int, int | None] = {}
    shared = 0
    for quote in sorted(quotes, key=lambda q: (q.article_id, q.start_paragraph, q.start_offset)):
        group = quote.group_id
        if group and group not in colours:
            if len(articles_per_group[group]) > 1:
                colours[group] = shared % STATEMENT_COLOURS
                shared += 1
            else:
                colours[group] = None
    return colours


def outlets_in_order(articles) -> list[Source]:
    """The story's outlets, in the order of their first article."""
    seen: dict[int, Source] = {}
    for article in articles:
        seen.setdefault(article.source_id, article.source)
    return list(seen.values())


def chosen_outlets(param: str | None, sources: list[Source]) -> list[Source]:
    """The outlets named in ?outlets=slug,slug (in that order); all of them when absent.
    Unknown slugs are ignored; a choice of none shows none."""
    if param is None:
        return sources
    by_slug = {source.slug: source for source in sources}
    chosen = []
    for slug in param.split(","):
        source = by_slug.get(slug.strip())
        if source is not None and source not in chosen:
            chosen.append(source)
    return chosen


def outlet_chooser(sources: list[Source], chosen: list[Source]) -> dict:
    """Links that add, remove or move one outlet: each is the whole new choice, in the URL."""

    def param(choice):
        return ",".join(source.slug for source in choice)

    shown = []
    for index, source in enumerate(chosen):
        left = chosen[: index - 1] + [source, chosen[index - 1]] + chosen[index + 1 :]
        right = chosen[:index] + chosen[index + 1 : index + 2] + [source] + chosen[index + 2 :]
        shown.append(
            {
                "source": source,
                "remove": param([s for s in chosen if s != source]),
                "left": param(left) if index > 0 else None,
                "right": param(right) if index < len(chosen) - 1 else None,
            }
        )
    hidden = [{"source": s, "add": param([*chosen, s])} for s in sources if s not in chosen]
    return {"shown": shown, "hidden": hidden}


@vary_on_headers("HX-Request")
def story_statements(request: HttpRequest, pk: int) -> HttpResponse:
    """One row per statement, one column per outlet: who carried what, who left it out."""
    story = get_object_or_404(Story, pk=pk)
    articles = list(story.articles.listing().order_by("published_at", "id"))
    sources = outlets_in_order(articles)
    quotes = list(
        Quote.objects.visible()
        .filter(article__story=story)
        .select_related("person")
        .order_by("article__published_at", "article_id", "start_paragraph", "start_offset")
    )
    source_of = {article.pk: article.source_id for article in articles}
    speakers = sorted({q.person for q in quotes if q.person}, key=lambda p: p.name)
    speaker = next((p for p in speakers if str(p.pk) == request.GET.get("speaker")), None)

    rows: dict[object, dict] = {}
    for quote in quotes:
        if speaker is not None and quote.person_id != speaker.pk:
            continue
        row = rows.setdefault(
            quote.group_id or f"q{quote.pk}",
            {"group_id": quote.group_id, "person": quote.person, "cells": {}},
        )
        row["cells"].setdefault(source_of[quote.article_id], []).append(quote)
    table = []
    for row in rows.values():
        row["cells"] = [row["cells"].get(source.pk, []) for source in sources]
        row["outlet_count"] = sum(1 for cell in row["cells"] if cell)
        table.append(row)

    # For each speaker, the outlets that carried none of their words.
    carried: dict[int, set[int]] = {}
    for quote in quotes:
        if quote.person_id:
            carried.setdefault(quote.person_id, set()).add(source_of[quote.article_id])
    silent = [
        {"person": person, "outlets": [s for s in sources if s.pk not in carried[person.pk]]}
        for person in speakers
        if speaker is None or person == speaker
    ]
    context = {
        "story": story,
        "sources": sources,
        "rows": table,
        "speakers": speakers,
        "speaker": speaker,
        "silent": [item for item in silent if item["outlets"]],
        "related": list(story.related.order_by("-start_date")),
    }
    template = fragment_or_page(request, "articles/story_statements.html", "table")
    return render(request, template, context)


@vary_on_headers("HX-Request")
def search(request: HttpRequest) -> HttpResponse:
    """One box for quotes and articles; filters by outlet, speaker and dates."""
    form = SearchForm(request.GET or None)
    quotes = articles = None
    query = ""
    if form.is_valid() and form.cleaned_data["q"]:
        query = form.cleaned_data["q"]
        data = form.cleaned_data
        quote_results = (
            Quote.objects.search(query)
            .select_related("person", "article__source", "article__story")
            .defer("article__original", "article__paragraphs", "article__stripped", "article__body")
        )
        article_results = Article.objects.search(query).listing().select_related("story")
        if data["outlet"]:
            quote_results = quote_results.filter(article__source=data["outlet"])
            article_results = article_results.filter(source=data["outlet"])
        if data["speaker"]:
            quote_results = quote_results.filter(person=data["speaker"])
            article_results = article_results.filter(quotes__person=data["speaker"]).distinct()
        if data["tag"]:
            quote_results = quote_results.filter(tags=data["tag"])
            article_results = article_results.filter(quotes__tags=data["tag"]).distinct()
        if data["date_from"]:
            quote_results = quote_results.filter(article__published_at__date__gte=data["date_from"])
            article_results = article_results.filter(published_at__date__gte=data["date_from"])
        if data["date_to"]:
            quote_results = quote_results.filter(article__published_at__date__lte=data["date_to"])
            article_results = article_results.filter(published_at__date__lte=data["date_to"])
        quote_results = quote_results.with_tag_names()
        page = request.GET.get("page")
        quotes = Paginator(quote_results, SEARCH_RESULTS_PER_PAGE).get_page(page)
        articles = Paginator(article_results, SEARCH_RESULTS_PER_PAGE).get_page(page)
    context = {
        "form": form,
        "query": query,
        "quotes": quotes,
        "articles": articles,
        "editing": can_edit(request.user),
    }
    return render(request, fragment_or_page(request, "articles/search.html", "results"), context)


def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything a person is quoted as saying, by story and statement, with the outlets."""
    person = get_object_or_404(Person.objects.prefetch_related("aliases"), pk=pk)
    quotes = (
        person.quotes.visible()
        .select_related("article__source", "article__story")
        .defer("article__original", "article__paragraphs", "article__stripped")
        .order_by("article__story_id", "group_id", "article__published_at")
    )
    stories: dict[int, dict] = {}
    for quote in quotes:
        story = stories.setdefault(
            quote.article.story_id, {"story": quote.article.story, "statements": {}}
        )
        story["statements"].setdefault(quote.group_id or f"q{quote.pk}", []).append(quote)
    context = {
        "person": person,
        "stories": [
            {"story": item["story"], "statements": list(item["statements"].values())}
            for item in stories.values()
        ],
    }
    return render(request, "articles/person_detail.html", context)


@vary_on_headers("HX-Request")
def statement_detail(request: HttpRequest, pk: int, group_pk: int) -> HttpResponse:
    """Every outlet's wording of one statement, differences marked against the fullest."""
    group = get_object_or_404(
        StatementGroup.objects.select_related("story", "speaker", "fullest"),
        pk=group_pk,
        story_id=pk,
    )
    members = list(
        group.quotes.visible()
        .select_related("article__source", "person")
        .defer("article__original", "article__paragraphs", "article__stripped")
        .order_by("article__published_at", "article_id")
    )
    fullest = group.fullest or (members[0] if members else None)
    reported_by = {member.article.source_id for member in members}
    missing = [
        article.source
        for article in group.story.articles.listing()
        if article.source_id not in reported_by
    ]
    context = {
        "story": group.story,
        "group": group,
        "members": members,
        "fullest": fullest,
        "missing_outlets": list({source.pk: source for source in missing}.values()),
    }
    template = fragment_or_page(request, "articles/statement_detail.html", "panel")
    return render(request, template, context)


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(
        Article.objects.select_related("source", "story").defer("original"), pk=pk
    )
    same_story = []
    if article.story_id:
        same_story = (
            Article.objects.filter(story_id=article.story_id).exclude(pk=article.pk).listing()
        )
    editing = can_edit(request.user)
    # Editors also see rejected quotes, marked, so a rejection can be taken back.
    # How many articles carry each quote's statement, counted in the same query.
    carriers = (
        Quote.objects.visible()
        .filter(group_id=OuterRef("group_id"))
        .values("group_id")
        .annotate(n=Count("article_id", distinct=True))
        .values("n")
    )
    quotes = list(
        (article.quotes.all() if editing else article.quotes.visible())
        .select_related("person")
        .with_tag_names()
        .annotate(statement_articles=Subquery(carriers))
    )
    context = {
        "article": article,
        "same_story": same_story,
        "quotes": quotes,
        "body": paragraphs_html(
            segment_paragraphs(article.paragraphs, quotes),
            statement_url_maker(article.story_id) if article.story_id else None,
            edit_url=quote_edit_url_maker() if editing else None,
            edit_target="#quote-editor",
        ),
        "editing": editing,
        "add_quote_form": AddQuoteForm() if editing else None,
        "paragraphs": [
            {"index": index, "text": p["text"]}
            for index, p in enumerate(article.paragraphs)
            if p.get("kind", "text") == "text"
        ]
        if editing
        else [],
    }
    return render(request, "articles/article_detail.html", context)


def article_original(request: HttpRequest, pk: int) -> HttpResponse:
    """The upload byte for byte. Always plain text, never rendered: it may be hostile HTML."""
    article = get_object_or_404(Article.objects.only("original", "original_filename"), pk=pk)
    response = HttpResponse(bytes(article.original), content_type="text/plain")
    response["X-Content-Type-Options"] = "nosniff"
    filename = article.original_filename.rsplit("/", 1)[-1].replace('"', "")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def source_detail(request: HttpRequest, slug: str) -> HttpResponse:
    source = get_object_or_404(Source, slug=slug)
    # Grouped by story on the page (regroup), newest story first.
    by_story = (
        source.articles.listing()
        .select_related("story")
        .order_by(
            F("story__end_date").desc(nulls_last=True),
            "story_id",
            F("published_at").desc(nulls_last=True),
        )
    )
    articles = Paginator(by_story, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "articles/source_detail.html", {"source": source, "articles": articles})


def source_list(request: HttpRequest) -> HttpResponse:
    sources = Source.objects.annotate(article_count=Count("articles")).order_by("name")
    return render(request, "articles/source_list.html", {"sources": sources})


@staff_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def upload(request: HttpRequest) -> HttpResponse:
    reports: list[FileReport] = []
    problem = ""
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            reports, problem = import_uploads(
                [UploadedFile(f.name, f.read()) for f in form.cleaned_data["files"]],
                outlet=form.cleaned_data["outlet"],
                published=form.cleaned_data["published"],
                user=request.user,
            )
            if not problem:
                form = UploadForm()
    else:
        form = UploadForm()
    summary = summarise(reports)
    # A request that stored nothing because of bad input is a client error; a mixed batch
    # is a success with a per-file report.
    refused_all = reports and not (summary["imported"] or summary["duplicate"])
    status = 400 if problem or form.errors or refused_all else 200
    context = {
        "form": form,
        "reports": reports,
        "problem": problem,
        "summary": summary,
        "outlet_names": known_outlet_names(),
        "pending_count": PendingUpload.objects.count(),
    }
    template = fragment_or_page(request, "articles/upload.html", "result")
    return render(request, template, context, status=status)


def import_uploads(uploads, *, outlet, published, user) -> tuple[list[FileReport], str]:
    """Import every article of one upload request; a refused request imports nothing."""
    try:
        expansion = expand_uploads(uploads, limits_from_settings())
    except UploadRefused as refusal:
        return [], str(refusal)
    reports = [FileReport(r.name, "failed", r.reason) for r in expansion.refused]
    for file in expansion.files:
        reports.append(
            import_file(file.name, file.data, outlet=outlet, published=published, user=user)
        )
    return reports, ""


def summarise(reports: list[FileReport]) -> dict[str, int]:
    summary = {"imported": 0, "duplicate": 0, "needs_outlet": 0, "failed": 0}
    for report in reports:
        summary[report.status] += 1
    return summary


@staff_required
def pending_uploads(request: HttpRequest) -> HttpResponse:
    pending = PendingUpload.objects.defer("original")
    context = {"pending": pending, "outlet_names": known_outlet_names(), "form": AssignOutletForm()}
    return render(request, "articles/pending_uploads.html", context)


@staff_required
@require_http_methods(["POST"])
def assign_outlet(request: HttpRequest, pk: int) -> HttpResponse:
    pending = get_object_or_404(PendingUpload, pk=pk)
    form = AssignOutletForm(request.POST)
    if not form.is_valid():
        context = {
            "pending": PendingUpload.objects.defer("original"),
            "outlet_names": known_outlet_names(),
            "form": form,
            "failed_pk": pending.pk,
        }
        return render(request, "articles/pending_uploads.html", context, status=400)
    report = import_file(
        pending.original_filename,
        bytes(pending.original),
        outlet=form.cleaned_data["outlet"],
        user=request.user,
    )
    if report.article is not None:
        PendingUpload.objects.filter(pk=pending.pk).delete()
        return redirect(report.article)
    context = {"reports": [report], "summary": summarise([report]), "form": UploadForm()}
    return render(request, "articles/upload.html", context, status=400)


# Log-in rate limit: failures per address and per username within the window.
LOGIN_WINDOW = datetime.timedelta(minutes=15)
LOGIN_MAX_FAILURES_PER_IP = 20
LOGIN_MAX_FAILURES_PER_USERNAME = 5


def login(request: HttpRequest) -> HttpResponse:
    """Django's log-in, refusing with 429 after too many recent failures (password guessing)."""
    ip = request.META.get("REMOTE_ADDR") or "0.0.0.0"
    username = request.POST.get("username", "")[:150] if request.method == "POST" else ""
    if request.method == "POST":
        since = timezone.now() - LOGIN_WINDOW
        by_ip, by_name = LoginAttempt.objects.recent_failures(ip=ip, username=username, since=since)
        if by_ip >= LOGIN_MAX_FAILURES_PER_IP or by_name >= LOGIN_MAX_FAILURES_PER_USERNAME:
            minutes = int(LOGIN_WINDOW.total_seconds() // 60)
            context = {
                "form": AuthenticationForm(request),
                "too_many": f"Too many failed log-ins. Try again in {minutes} minutes.",
                "next": request.POST.get("next", ""),
            }
            response = render(request, "registration/login.html", context, status=429)
            response["Retry-After"] = str(int(LOGIN_WINDOW.total_seconds()))
            return response
    response = LoginView.as_view()(request)
    if request.method == "POST":
        if request.user.is_authenticated:
            LoginAttempt.objects.filter(username__iexact=username).delete()
        else:
            LoginAttempt.objects.create(ip=ip, username=username)
    return response
