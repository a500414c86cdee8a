from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from articles.archives import UploadedFile, UploadRefused, expand_uploads, limits_from_settings
from articles.forms import AssignOutletForm, UploadForm, known_outlet_names
from articles.importer import FileReport, import_file
from articles.models import Article, PendingUpload, Source, Story

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


def story_detail(request: HttpRequest, pk: int) -> HttpResponse:
    story = get_object_or_404(Story.objects.recent(), pk=pk)
    return render(request, "articles/story_detail.html", {"story": story})


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(
        Article.objects.select_related("source", "story").defer("original"), pk=pk
    )
    same_story = []
    if article.story_id:
        same_story = (
            Article.objects.filter(story_id=article.story_id).exclude(pk=article.pk).listing()
        )
    context = {"article": article, "same_story": same_story}
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
    articles = Paginator(source.articles.recent(), ARTICLES_PER_PAGE).get_page(
        request.GET.get("page")
    )
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
