import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.archives import (
    UploadRefused,
    expand_zip,
    is_zip,
    limits_from_settings,
    safe_file_name,
)
from articles.imports import import_within_time_limit, queue_batch
from articles.imports.batches import CHUNK_SIZE
from articles.imports.running import link_new_stories
from articles.models import ImportBatch


class Command(BaseCommand):
    help = "Import article files (plain text or HTML), folders of them, and zip archives."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files, folders or .zip archives")
        parser.add_argument(
            "--outlet",
            "--source",  # its name before the model Source became Outlet
            help="the outlet that published every file (overrides detection)",
        )
        parser.add_argument(
            "--background",
            action="store_true",
            help="queue the files for the background workers (manage.py db_worker) and return "
            "at once, printing where to follow the import",
        )

    def handle(self, *, paths, outlet=None, background=False, **options):
        if background:
            return self.queue(paths, outlet)
        started = time.monotonic()
        counts = dict.fromkeys(ImportBatch.COUNT_FIELDS, 0)
        files, refused = self.collect(paths)
        for name, reason in refused:
            counts["failed"] += 1
            self.stdout.write(self.style.ERROR(f"failed: {name}: {reason}"))
        total = len(files)
        for number, (name, loader) in enumerate(files, start=1):
            try:
                data = loader()
            except OSError as error:
                report_status, message = "failed", f"cannot read the file ({error.strerror})"
            else:
                # Each file in its own transaction, within the per-article time limit.
                report = import_within_time_limit(name, data, outlet=outlet)
                report_status, message = report.status, report.message
                if report.status == "needs_outlet":
                    message += " (pass --outlet)"
            if number % CHUNK_SIZE == 0 or number == total:
                link_new_stories()  # the new stories' relatives, as a worker does per task
            counts[report_status] += 1
            line = f"[{number}/{total}] {report_status.replace('_', ' ')}: {name}"
            if report_status not in {"imported", "duplicate"}:
                line += f": {message}"
            style = (
                self.style.SUCCESS
                if report_status == "imported"
                else (self.style.WARNING if report_status == "duplicate" else self.style.ERROR)
            )
            self.stdout.write(style(line))
        elapsed = time.monotonic() - started
        self.stdout.write(
            f"{counts['imported']} imported, {counts['duplicate']} already present, "
            f"{counts['needs_outlet']} need an outlet, {counts['failed']} failed "
            f"in {elapsed:.1f}s."
        )
        if counts["failed"] or counts["needs_outlet"]:
            raise CommandError("some files were not imported (see above)")

    def queue(self, paths, outlet):
        """Store every file as an item of one batch, in one transaction, and enqueue it."""
        files, refused = self.collect(paths)

        def readable():
            for name, loader in files:
                try:
                    yield name, loader()
                except OSError as error:
                    refused.append((name, f"cannot read the file ({error.strerror})"))

        batch = queue_batch(
            readable(),
            refused,
            label=", ".join(paths),
            origin=ImportBatch.Origin.COMMAND,
            outlet=outlet,
        )
        for name, reason in refused:
            self.stdout.write(self.style.ERROR(f"failed: {name}: {reason}"))
        if batch is None:
            raise CommandError("no file was queued: every one was refused (see above)")
        queued = batch.total - batch.failed
        self.stdout.write(
            f"Queued {queued} file{'s' if queued != 1 else ''} as import #{batch.pk}"
            f" ({batch.failed} refused). Progress: {batch.get_absolute_url()} on the site; "
            "the workers (manage.py db_worker) import them."
        )
        if refused:
            raise CommandError("some files were refused (see above)")

    def collect(self, paths):
        """(name, loader) for every article file, and (name, reason) for what is refused.
        Loaders read lazily so a large folder is not held in memory at once."""
        limits = limits_from_settings()
        files, refused = [], []
        for raw in paths:
            path = Path(raw)
            if not path.exists():
                refused.append((safe_file_name(raw), "no such file or folder"))
            elif path.is_dir():
                for child in sorted(p for p in path.rglob("*") if p.is_file()):
                    if not child.name.startswith("."):
                        self.add_file(child, limits, files, refused)
            else:
                self.add_file(path, limits, files, refused)
        return files, refused

    def add_file(self, path, limits, files, refused):
        if path.suffix.lower() == ".md" or path.suffix.lower() == ".json":
            return  # READMEs and manifests that travel with a corpus
        name = safe_file_name(str(path))  # a line break, or a byte that is not UTF-8
        with path.open("rb") as handle:
            head = handle.read(4)
        if is_zip(path.name, head):
            try:
                expansion = expand_zip(name, path.read_bytes(), limits)
            except UploadRefused as error:
                refused.append((name, str(error)))
                return
            files.extend((f.name, (lambda data=f.data: data)) for f in expansion.files)
            refused.extend((r.name, r.reason) for r in expansion.refused)
        elif path.stat().st_size > limits.max_file_bytes:
            refused.append(
                (
                    name,
                    f"the file is {path.stat().st_size:,} bytes; at most "
                    f"{limits.max_file_bytes:,} are accepted",
                )
            )
        else:
            files.append((name, path.read_bytes))
