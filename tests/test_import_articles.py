import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.models import Article, ImportBatch, PendingRelatives, PendingUpload
from tests.helpers import NEXT_YEAR, UNSIGNED_STORY, WIRE, WIRE_STORY, make_zip, run_queued_tasks

pytestmark = pytest.mark.django_db


def run(*args):
    """Run the command; return (output, error or None)."""
    from io import StringIO

    out = StringIO()
    try:
        call_command("import_articles", *args, stdout=out, stderr=out)
    except CommandError as error:
        return out.getvalue(), error
    return out.getvalue(), None


def test_imports_files_folders_and_zips_with_a_line_each(tmp_path):
    (tmp_path / "one.txt").write_text(WIRE_STORY)
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "two.txt").write_text(WIRE_STORY.replace("four countries", "five countries"))
    (tmp_path / "batch.zip").write_bytes(
        make_zip({"three.txt": WIRE_STORY.replace("Tuesday", "Wednesday").encode()})
    )
    output, error = run(str(tmp_path / "one.txt"), str(folder), str(tmp_path / "batch.zip"))
    assert error is None
    assert Article.objects.count() == 3
    assert "[1/3] imported:" in output and "[3/3] imported:" in output
    assert "3 imported, 0 already present, 0 need an outlet, 0 failed" in output


def test_importing_the_same_file_twice_changes_nothing(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text(WIRE_STORY)
    run(str(path))
    output, error = run(str(path))
    assert error is None
    assert Article.objects.count() == 1
    assert "already present" in output


def test_bad_file_fails_alone_and_the_command_exits_non_zero(tmp_path):
    (tmp_path / "good.txt").write_text(WIRE_STORY)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x89PNG\x00\x00" * 50)
    output, error = run(str(tmp_path))
    assert error is not None
    assert Article.objects.count() == 1
    assert "failed: " in output and "empty.txt" in output and "binary.txt" in output
    assert "1 imported, 0 already present, 0 need an outlet, 2 failed" in output


def test_missing_path_is_reported(tmp_path):
    output, error = run(str(tmp_path / "nope.txt"))
    assert error is not None
    assert "no such file or folder" in output


def test_unknown_outlet_asks_for_outlet_and_outlet_option_forces_it(tmp_path):
    path = tmp_path / "unsigned.txt"
    path.write_text(UNSIGNED_STORY)
    output, error = run(str(path))
    assert error is not None
    assert "need an outlet" in output and "--outlet" in output
    assert Article.objects.count() == 0

    output, error = run(str(path), "--outlet", "Deutsche Welle")
    assert error is None
    article = Article.objects.get()
    assert article.outlet.name == "Deutsche Welle"
    assert not PendingUpload.objects.exists()


def test_unsafe_zip_is_refused_whole(tmp_path):
    (tmp_path / "evil.zip").write_bytes(make_zip({"../escape.txt": WIRE_STORY.encode()}))
    output, error = run(str(tmp_path / "evil.zip"))
    assert error is not None
    assert "escapes the archive" in output
    assert Article.objects.count() == 0


def test_zip_member_without_a_file_name_fails_alone(tmp_path):
    archive = make_zip({".": WIRE_STORY.encode(), "fine.txt": WIRE_STORY.encode()})
    (tmp_path / "batch.zip").write_bytes(archive)
    output, error = run(str(tmp_path / "batch.zip"))
    assert error is not None  # some files were not imported
    assert "has no file name ('.')" in output
    assert "1 imported, 0 already present, 0 need an outlet, 1 failed" in output
    assert Article.objects.count() == 1


def test_file_names_with_line_breaks_or_undecodable_bytes_are_stored_cleaned(tmp_path):
    import os

    (tmp_path / "line\nbreak.txt").write_text(WIRE_STORY)
    os.mkdir(os.fsencode(tmp_path) + b"/latin-\xe9t\xe9")  # not UTF-8: surrogates in str
    (tmp_path / os.fsdecode(b"latin-\xe9t\xe9") / "two.txt").write_text(
        WIRE_STORY.replace("four", "five")
    )
    output, error = run(str(tmp_path))
    assert error is None, output
    names = sorted(Article.objects.values_list("original_filename", flat=True))
    assert names == [f"{tmp_path}/latin-\ufffdt\ufffd/two.txt", f"{tmp_path}/line\ufffdbreak.txt"]


def test_background_queues_a_batch_and_returns_at_once(tmp_path):
    (tmp_path / "one.txt").write_text(WIRE_STORY)
    (tmp_path / "batch.zip").write_bytes(
        make_zip({"two.txt": WIRE_STORY.replace("Tuesday", "Wednesday").encode()})
    )
    output, error = run(str(tmp_path), "--background", "--source", "Reuters")
    assert error is None
    batch = ImportBatch.objects.get()
    assert batch.origin == "command" and batch.outlet == "Reuters" and batch.total == 2
    assert f"Queued 2 files as import #{batch.pk}" in output
    assert batch.get_absolute_url() in output
    assert Article.objects.count() == 0  # the workers import them

    run_queued_tasks()
    batch.refresh_from_db()
    assert batch.is_finished and batch.imported == 2 and Article.objects.count() == 2


def test_background_reports_refused_paths_and_exits_non_zero(tmp_path):
    (tmp_path / "one.txt").write_text(WIRE_STORY)
    output, error = run(str(tmp_path / "one.txt"), str(tmp_path / "nope.txt"), "--background")
    assert error is not None
    assert "failed: " in output and "no such file or folder" in output
    batch = ImportBatch.objects.get()
    assert batch.total == 2 and batch.failed == 1
    assert batch.items.get(status="failed").name.endswith("nope.txt")


# Files the upload page refuses before queueing: read, but not as text.
UNREADABLE = {"empty.txt": b"", "photo.txt": b"\x89PNG\r\n\x1a\n" + b"\x00" * 300}


def test_background_refuses_at_once_what_the_upload_page_refuses_with_its_words(
    tmp_path, admin_client
):
    files = {"good.txt": WIRE_STORY.encode(), **UNREADABLE}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    other = WIRE_STORY.replace("Tuesday", "Wednesday").encode()  # not a duplicate of good.txt
    uploads = [
        SimpleUploadedFile(name, data) for name, data in {**files, "good.txt": other}.items()
    ]
    assert admin_client.post(reverse("articles:upload"), {"files": uploads}).status_code == 302
    page = ImportBatch.objects.get()

    output, error = run(str(tmp_path), "--background")

    assert error is not None
    batch = ImportBatch.objects.exclude(pk=page.pk).get()
    assert batch.total == 3 and batch.failed == 2  # refused at once, not left to a worker
    told = {i.name.rsplit("/", 1)[-1]: i.message for i in batch.items.filter(status="failed")}
    assert told == dict(page.items.filter(status="failed").values_list("name", "message"))
    assert set(told) == set(UNREADABLE)
    for name, message in told.items():
        assert f"failed: {tmp_path / name}: {message}" in output
    run_queued_tasks()
    batch.refresh_from_db()
    assert batch.is_finished and batch.imported == 1


def test_background_with_every_file_refused_queues_nothing(tmp_path):
    for name, data in UNREADABLE.items():
        (tmp_path / name).write_bytes(data)
    output, error = run(str(tmp_path), "--background")
    assert error is not None
    assert "failed: " in output and "empty.txt" in output and "photo.txt" in output
    assert not ImportBatch.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_an_outlet_deleted_after_this_process_remembered_it_is_made_again():
    from articles.imports.storing import _outlet_rows, import_file
    from articles.models import Outlet

    first = import_file("one.txt", WIRE_STORY.encode())
    assert first.status == "imported" and _outlet_rows  # remembered once committed
    Article.objects.all().delete()
    Outlet.objects.all().delete()

    again = import_file("two.txt", WIRE_STORY.replace("four", "five").encode())

    assert again.status == "imported", again.message
    assert again.article.outlet.pk != first.article.outlet.pk
    assert Outlet.objects.get().name == first.article.outlet.name


def test_the_stories_it_starts_are_related_to_older_ones_when_it_ends(tmp_path):

    (tmp_path / "wire.txt").write_text(WIRE)
    (tmp_path / "later.txt").write_text(NEXT_YEAR)
    output, error = run(str(tmp_path))
    assert error is None, output
    first, later = (a.story for a in Article.objects.order_by("published_at"))
    assert first != later
    assert list(first.related.all()) == [later]
    assert not PendingRelatives.objects.exists()
