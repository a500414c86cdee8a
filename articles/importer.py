"""Storing uploaded files as articles: one transaction per file, the same report everywhere.

Both `manage.py import_articles` and the admin upload page go through `import_file`, so a
file gets the same verdict whichever way it came in.
"""

import datetime
import hashlib
import re
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.ingest import IngestError, Outlet, ParsedArticle, parse_article
from articles.models import Article, PendingUpload, Source
from articles.processing import process_article

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
    existing = Article.objects.filter(fingerprint=digest).first()
    if existing:
        return FileReport(name, "duplicate", "already present", article=existing)
    try:
        parsed = parse_article(data, filename=name, outlet=outlet or None)
    except IngestError as error:
        return FileReport(name, "failed", str(error))
    if published is not None and parsed.published is None:
        parsed.published = datetime.datetime.combine(published, datetime.time())
        parsed.published_precision = "day"
    if parsed.outlet is None:
        pending, _ = PendingUpload.objects.get_or_create(
            fingerprint=digest,
            defaults={
                "original": data,
                "original_filename": name[:255],
                "title": parsed.title[:500],
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
    same_text = Article.objects.filter(
        text_fingerprint=text_digest, source__name=parsed.outlet.name
    ).first()
    if same_text:
        return FileReport(name, "duplicate", "already present (same text)", article=same_text)
    try:
        with transaction.atomic():
            article = _store(parsed, name, data, digest, text_digest, user)
            process_article(article)
            PendingUpload.objects.filter(fingerprint=digest).delete()
    except IntegrityError:
        # Another process stored the same upload between our check and our insert.
        article = Article.objects.filter(fingerprint=digest).first()
        if article is None:
            raise
        return FileReport(name, "duplicate", "already present", article=article)
    return FileReport(name, "imported", "imported", article=article)


def source_for(outlet: Outlet) -> Source:
    source = Source.objects.filter(name__iexact=outlet.name).first()
    if source is None:
        source = Source.objects.filter(short_name__iexact=outlet.short_name).first()
    if source is None:
        source = Source(
            name=outlet.name,
            short_name=outlet.short_name,
            homepage=outlet.homepage,
            country=outlet.country,
            kind=outlet.kind if outlet.kind in Source.Kind.values else Source.Kind.OTHER,
        )
        source.save()
    return source


def _store(parsed, name, data, digest, text_digest, user) -> Article:
    published = parsed.published
    if published is not None and timezone.is_naive(published):
        published = timezone.make_aware(published, timezone.get_default_timezone())
    return Article.objects.create(
        source=source_for(parsed.outlet),
        title=parsed.title[:500] or name[:500],
        standfirst=parsed.standfirst,
        dateline=parsed.dateline[:200],
        published_at=published,
        published_precision=parsed.published_precision,
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
