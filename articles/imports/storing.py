"""Storing uploaded files as articles: one transaction per file, the same report everywhere.

Both `manage.py import_articles` and the admin upload page go through `import_file`, so a
file gets the same verdict whichever way it came in.
"""

import datetime
import hashlib
import re
from dataclasses import dataclass

from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import Count, F
from django.utils import timezone

from articles.coverage import process_article
from articles.imports.catalogue import outlet_catalogue
from articles.ingest import IngestError, Outlet, ParsedArticle, parse_article
from articles.ingest.decoding import decode_bytes

# The model Outlet as OutletRow: articles.ingest's Outlet (what a text says of its outlet) is
# also needed here.
from articles.models import Article, ImportBatch, ImportItem, PendingUpload
from articles.models import Outlet as OutletRow

STATUS_LABELS = {
    "imported": "Imported",
    "duplicate": "Already present",
    "needs_outlet": "Needs an outlet",
    "failed": "Failed",
}


@dataclass
class FileReport:
    name: str
    status: str  # "imported" | "duplicate" | "needs_outlet" | "failed"
    message: str
    article: Article | None = None
    pending: PendingUpload | None = None

    @property
    def label(self):
        return STATUS_LABELS[self.status]


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def text_fingerprint(parsed: ParsedArticle) -> str:
    words = [parsed.title, *(p.text for p in parsed.paragraphs)]
    normalised = re.sub(r"\W+", " ", " ".join(words)).strip().lower()
    return hashlib.sha256(normalised.encode()).hexdigest()


def import_file(
    name: str,
    data: bytes,
    *,
    outlet: str | None = None,
    published: datetime.date | None = None,
    user=None,
) -> FileReport:
    """Parse and store one uploaded file, or say clearly why not.

    `outlet` overrides what the text says; `published` is used only when the text gives no
    date (the uploader may know it when the page did not say).
    """
    digest = fingerprint(data)
    try:
        parsed = parse_article(
            data, filename=name, outlet=outlet or None, outlets=outlet_catalogue()
        )
    except IngestError as error:
        return _already_present(name, digest) or FileReport(name, "failed", str(error))
    if published is not None and parsed.published is None:
        parsed.published = datetime.datetime.combine(published, datetime.time())
        parsed.published_precision = "day"
    if parsed.outlet is None:
        if present := _already_present(name, digest):
            return present
        pending, _ = PendingUpload.objects.get_or_create(
            fingerprint=digest,
            defaults={
                "original": data,
                "original_filename": name[:255],
                "title": parsed.title[:500],
                "first_lines": first_lines(data, parsed),
                "published": published,
                "uploaded_by": user,
            },
        )
        return FileReport(
            name,
            "needs_outlet",
            "the outlet could not be told from the text; say which outlet published it",
            pending=pending,
        )
    text_digest = text_fingerprint(parsed)
    for attempt in range(1, STORE_ATTEMPTS + 1):
        outlet_row = outlet_row_for(parsed.outlet)
        if present := _already_present(name, digest, text_digest, outlet_row):
            return present
        try:
            with transaction.atomic():
                _commit_without_waiting_for_disk()
                if outlet_row.pk is None:
                    outlet_row = _saved_outlet_row(outlet_row)
                article = _article(parsed, outlet_row, name, data, digest, text_digest, user)
                process_article(article)
                # An upload waiting for its outlet can only come in with the outlet named.
                if outlet:
                    _settle_waiting(digest, article)
        except IntegrityError:
            # Another process stored the same upload between our check and our insert.
            if present := _already_present(name, digest):
                return present
            # Or an outlet remembered by this process has been deleted since.
            forget_outlet_rows()
            if attempt == STORE_ATTEMPTS:
                raise
        except OperationalError as error:
            # Two imports adding to the same story or statement at once may deadlock; the
            # database rolled ours back, so it can simply be tried again.
            if sqlstate(error) not in RETRY_SQLSTATES or attempt == STORE_ATTEMPTS:
                raise
        else:
            return FileReport(name, "imported", "imported", article=article)
    raise AssertionError("unreachable")


FIRST_LINES = 6


def first_lines(data: bytes, parsed: ParsedArticle) -> str:
    """What the admin naming the outlet sees of a file: its first lines as written (a site's
    name or a credit may be among them), or a page's headline and first paragraphs."""
    if parsed.format == "html":
        lines = [parsed.title, *(paragraph.text for paragraph in parsed.paragraphs)]
    else:
        lines = decode_bytes(data).splitlines()
    lines = [" ".join(line.split())[:300] for line in lines]
    return "\n".join([line for line in lines if line][:FIRST_LINES])


def _settle_waiting(digest: str, article: Article) -> None:
    """The upload waiting for its outlet came in: the imports that stopped at it say so (their
    file now points at the article, and counts as imported rather than waiting), and it stops
    waiting. In the article's transaction, so the report and the article never disagree."""
    waiting = PendingUpload.objects.filter(fingerprint=digest)
    items = ImportItem.objects.filter(pending__in=waiting, status=ImportItem.Status.NEEDS_OUTLET)
    for row in items.values("batch").annotate(files=Count("pk")).order_by("batch"):
        ImportBatch.objects.filter(pk=row["batch"]).update(
            needs_outlet=F("needs_outlet") - row["files"], imported=F("imported") + row["files"]
        )
    items.update(
        status=ImportItem.Status.IMPORTED,
        article=article,
        message="imported once its outlet was named",
    )
    waiting.delete()


def _already_present(name, digest, text_digest=None, outlet_row=None) -> FileReport | None:
    """A report when the same upload, or the same text from the same outlet, is stored."""
    if text_digest is None or outlet_row is None or outlet_row.pk is None:
        text_digest, outlet_id = "", 0
    else:
        outlet_id = outlet_row.pk
    # Article.objects.filter(Q(fingerprint=...) | Q(text_fingerprint=..., outlet=...)), written
    # out: every import asks, and building the query cost more than running it.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, fingerprint = %(digest)s FROM articles_article "
            "WHERE fingerprint = %(digest)s "
            "OR (text_fingerprint = %(text)s AND outlet_id = %(outlet)s) LIMIT 2",
            {"digest": digest, "text": text_digest, "outlet": outlet_id},
        )
        found = sorted(cursor.fetchall(), key=lambda row: not row[1])  # the same upload first
    if not found:
        return None
    pk, exact = found[0]
    message = "already present" if exact else "already present (same text)"
    return FileReport(name, "duplicate", message, article=Article.objects.get(pk=pk))


def _commit_without_waiting_for_disk() -> None:
    """Let this transaction's commit return before its WAL reaches the disk.

    A flush per article is most of a commit's cost in a bulk import. A crash of the database
    server may lose the last moments of imports, each one whole (nothing half-written, no
    corruption); importing the same files again brings them back and skips the rest.
    """
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit = off")


# Deadlock, serialization failure: the transaction was rolled back and may be tried again.
RETRY_SQLSTATES = {"40P01", "40001"}
STORE_ATTEMPTS = 3


def sqlstate(error: Exception) -> str | None:
    return getattr(error.__cause__, "sqlstate", None)


# Outlets by name, as stored: every article asks, and outlets are only ever added (one with
# articles cannot be deleted). Filled after commit, so a rolled-back outlet is never kept.
# A plain dict: each of its single operations is atomic, so threads need no lock.
_outlet_rows: dict[str, OutletRow] = {}


def forget_outlet_rows() -> None:
    _outlet_rows.clear()


def outlet_row_for(outlet: Outlet) -> OutletRow:
    """The stored outlet row for an outlet, or an unsaved one when it is new."""
    key = outlet.name.casefold()
    if (known := _outlet_rows.get(key)) is not None:
        return known
    outlet_row = OutletRow.objects.filter(name__iexact=outlet.name).first()
    if outlet_row is None:
        outlet_row = OutletRow.objects.filter(short_name__iexact=outlet.short_name).first()
    if outlet_row is None:
        return OutletRow(
            name=outlet.name,
            short_name=outlet.short_name,
            homepage=outlet.homepage,
            country=outlet.country,
            kind=outlet.kind if outlet.kind in OutletRow.Kind.values else OutletRow.Kind.OTHER,
        )
    _remember_outlet_row(key, outlet_row)
    return outlet_row


def _saved_outlet_row(outlet_row: OutletRow) -> OutletRow:
    outlet_row.save()
    _remember_outlet_row(outlet_row.name.casefold(), outlet_row)
    return outlet_row


def _remember_outlet_row(key: str, outlet_row: OutletRow) -> None:
    def remember():
        _outlet_rows[key] = outlet_row

    transaction.on_commit(remember)


def _article(parsed, outlet_row, name, data, digest, text_digest, user) -> Article:
    """The article as it will be stored; process_article saves it once its story is known."""
    published = parsed.published
    if published is not None and timezone.is_naive(published):
        published = timezone.make_aware(published, timezone.get_default_timezone())
    return Article(
        outlet=outlet_row,
        title=parsed.title[:500],  # "" when no line is a credible headline: "Untitled"
        standfirst=parsed.standfirst,
        dateline=parsed.dateline[:200],
        published_at=published,
        published_precision=parsed.published_precision,
        published_inferred=parsed.published_inferred,
        byline=parsed.byline[:300],
        credits=parsed.credits[:500],
        paragraphs=[{"kind": p.kind, "text": p.text} for p in parsed.paragraphs],
        captions=list(parsed.captions),
        stripped=[{"reason": s.reason, "text": s.text} for s in parsed.stripped],
        outlet_evidence=parsed.outlet_evidence[:300],
        original=data,
        original_filename=name[:255],
        original_format=parsed.format,
        fingerprint=digest,
        text_fingerprint=text_digest,
        uploaded_by=user,
    )
