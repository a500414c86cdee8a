"""Uploads: checking an upload and queueing its files for the workers, following the batches,
and the uploads that wait for an admin to name their outlet."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from articles.archives import UploadedFile, UploadRefused, expand_uploads, limits_from_settings
from articles.forms import AssignOutletForm, UploadForm, known_outlet_names
from articles.imports import import_within_time_limit, queue_batch
from articles.imports.running import link_new_stories
from articles.imports.storing import FileReport
from articles.imports.workers import live_worker_keys
from articles.models import ARTICLE_TEXT_FIELDS, ImportBatch, ImportItem, PendingUpload
from articles.views.access import staff_required
from articles.views.htmx import fragment_or_page


@staff_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def upload(request: HttpRequest) -> HttpResponse:
    """Check an upload and queue its files for the background workers; answer at once."""
    reports: list[FileReport] = []
    problem = ""
    batch = None
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            uploads = [UploadedFile(f.name, f.read()) for f in form.cleaned_data["files"]]
            # A refused request (zip bomb, too many files...) writes nothing and says why.
            try:
                expansion = expand_uploads(uploads, limits_from_settings())
            except UploadRefused as refusal:
                problem = str(refusal)
            else:
                refused = [(r.name, r.reason) for r in expansion.refused]
                batch = queue_batch(
                    [(file.name, file.data) for file in expansion.files],
                    refused,
                    label=", ".join(upload.name for upload in uploads),
                    outlet=form.cleaned_data["outlet"],
                    published=form.cleaned_data["published"],
                    user=request.user,
                )
                if batch is None:
                    reports = [FileReport(name, "failed", reason) for name, reason in refused]
            if batch is not None and not request.htmx:
                return redirect(batch)
            if batch is not None:
                form = UploadForm()
    else:
        form = UploadForm()
    # A request that stored nothing because of bad input is a client error.
    status = 202 if batch else (400 if problem or form.errors or reports else 200)
    context = {
        "form": form,
        **(batch_progress(batch) if batch else {}),
        "reports": reports,
        "problem": problem,
        "summary": summarise(reports),
        "outlet_names": known_outlet_names(),
        "pending_count": PendingUpload.objects.count(),
    }
    template = fragment_or_page(request, "articles/upload.html", "result")
    return render(request, template, context, status=status)


REPORT_ROWS_PER_PAGE = 500
BATCHES_PER_PAGE = 20


@staff_required
@vary_on_headers("HX-Request")
def upload_batch(request: HttpRequest, pk: int) -> HttpResponse:
    """An import's progress and per-file report; htmx polls the fragment until every file is
    reported."""
    batch = get_object_or_404(ImportBatch.objects.select_related("created_by"), pk=pk)
    template = fragment_or_page(request, "articles/upload_batch.html", "progress")
    return render(request, template, batch_progress(batch, request.GET.get("page")))


def batch_progress(batch: ImportBatch, page: str | None = None) -> dict:
    """What the progress fragment shows: counts, one page of the per-file report, and whether
    any worker is there to do the work."""
    # The report names and links each file's article or pending upload: none of their text.
    items = batch.items.select_related("article", "pending").defer(
        "data", "pending__original", *(f"article__{field}" for field in ARTICLE_TEXT_FIELDS)
    )
    return {
        "batch": batch,
        "report_page": Paginator(items, REPORT_ROWS_PER_PAGE).get_page(page),
        "no_worker": not batch.is_finished and not live_worker_keys(),
    }


@staff_required
def upload_batches(request: HttpRequest) -> HttpResponse:
    batches = ImportBatch.objects.select_related("created_by")
    page = Paginator(batches, BATCHES_PER_PAGE).get_page(request.GET.get("page"))
    context = {"batches": page, "no_worker": not live_worker_keys()}
    return render(request, "articles/upload_batches.html", context)


def summarise(reports: list[FileReport]) -> dict[str, int]:
    summary = dict.fromkeys(ImportBatch.COUNT_FIELDS, 0)
    for report in reports:
        summary[report.status] += 1
    return summary


@staff_required
def pending_uploads(request: HttpRequest) -> HttpResponse:
    return render(request, "articles/pending_uploads.html", pending_context(AssignOutletForm()))


@dataclass
class PendingGroup:
    """The uploads of one import (batch None: of none) waiting for an outlet."""

    batch: ImportBatch | None
    uploads: list[PendingUpload]


def pending_context(form: AssignOutletForm, **extra) -> dict:
    """The uploads waiting, by the import that brought them, newest first; a fixed number of
    queries however many there are."""
    uploads = list(PendingUpload.objects.defer("original"))
    # An upload in several imports (the same file sent twice) is listed under the latest.
    batch_of = dict(
        ImportItem.objects.filter(pending__isnull=False)
        .order_by("batch_id")
        .values_list("pending_id", "batch_id")
    )
    batches = ImportBatch.objects.only("label", "created_at").in_bulk(set(batch_of.values()))
    groups: dict[int | None, PendingGroup] = {}
    for upload in uploads:
        batch = batches.get(batch_of.get(upload.pk))
        key = batch.pk if batch else None
        groups.setdefault(key, PendingGroup(batch, [])).uploads.append(upload)
    return {
        "groups": groups.values(),
        "pending_count": len(uploads),
        "outlet_names": known_outlet_names(),
        "form": form,
        **extra,
    }


@staff_required
@require_http_methods(["POST"])
def assign_outlet(request: HttpRequest, pk: int) -> HttpResponse:
    pending = get_object_or_404(PendingUpload, pk=pk)
    form = AssignOutletForm(request.POST)
    if not form.is_valid():
        context = pending_context(form, failed_pk=pending.pk)
        return render(request, "articles/pending_uploads.html", context, status=400)
    # Within the per-article time limit, as in the workers (in a server's threads, the
    # database's statement_timeout alone).
    report = import_within_time_limit(
        pending.original_filename,
        bytes(pending.original),
        outlet=form.cleaned_data["outlet"],
        published=pending.published,
        user=request.user,
    )
    if report.article is not None:
        PendingUpload.objects.filter(pk=pending.pk).delete()
        link_new_stories()  # a story it started is related to others before the editor sees it
        return redirect(report.article)
    context = {"reports": [report], "summary": summarise([report]), "form": UploadForm()}
    return render(request, "articles/upload.html", context, status=400)


@staff_required
@require_http_methods(["POST"])
def assign_batch_outlet(request: HttpRequest, pk: int) -> HttpResponse:
    """One outlet for every upload of an import still waiting for one: they are queued again,
    with it, as a new import, and its page follows them."""
    batch = get_object_or_404(ImportBatch, pk=pk)
    form = AssignOutletForm(request.POST)
    if not form.is_valid():
        context = pending_context(form, failed_batch=batch.pk)
        return render(request, "articles/pending_uploads.html", context, status=400)
    waiting = PendingUpload.objects.filter(
        pk__in=batch.items.filter(pending__isnull=False).values("pending")
    ).order_by("pk")
    outlet = form.cleaned_data["outlet"]
    queued = queue_batch(
        ((upload.original_filename, bytes(upload.original)) for upload in waiting.iterator()),
        [],
        label=f"{batch.label} (as {outlet})",
        outlet=outlet,
        published=batch.published,
        user=request.user,
    )
    # None: nothing of it was waiting any more (named meanwhile, one by one or by another admin).
    return redirect(queued or "articles:pending_uploads")
