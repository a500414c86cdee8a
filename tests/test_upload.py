import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from articles.models import Article, ImportBatch, PendingRelatives, PendingUpload
from tests.helpers import (
    NEXT_YEAR,
    UNSIGNED_STORY,
    WIRE,
    WIRE_STORY,
    make_user,
    make_zip,
    run_queued_tasks,
)

pytestmark = pytest.mark.django_db
URL = reverse("articles:upload")


def text_file(name="story.txt", text=WIRE_STORY):
    return SimpleUploadedFile(name, text.encode() if isinstance(text, str) else text)


@pytest.fixture
def admin_client(client):
    client.force_login(make_user("boss", staff=True))
    return client


def upload_and_import(client, data):
    """Upload; it answers at once with a redirect to the import's page; then let a worker
    import the files and return that page with its report."""
    response = client.post(URL, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    batch = ImportBatch.objects.latest("pk")
    assert response.url == batch.get_absolute_url()
    run_queued_tasks()
    return client.get(response.url)


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    response = client.post(URL, {"files": text_file()})
    assert response.status_code == 302
    assert Article.objects.count() == 0


def test_logged_in_non_staff_user_gets_403(client):
    client.force_login(make_user("reader"))
    assert client.get(URL).status_code == 403
    response = client.post(URL, {"files": text_file()})
    assert response.status_code == 403
    assert b"can\xe2\x80\x99t do that" in response.content
    assert Article.objects.count() == 0


def test_upload_page_shows_the_form_to_staff(admin_client):
    response = admin_client.get(URL)
    assert response.status_code == 200
    assert b'type="file"' in response.content and b"multiple" in response.content


def test_upload_returns_at_once_and_the_files_wait_for_a_worker(admin_client):
    response = admin_client.post(URL, {"files": text_file()}, follow=True)
    assert response.status_code == 200
    assert Article.objects.count() == 0
    batch = ImportBatch.objects.get()
    assert batch.created_by.username == "boss" and batch.total == 1 and not batch.is_finished
    assert b"<progress" in response.content and b"0 of 1 file done" in response.content
    row = response.content.split(b'class="status-queued"')[1].split(b"</tr>")[0]
    assert b"story.txt" in row and b"Waiting" in row


def test_single_file_upload_reports_and_links_the_new_article(admin_client):
    response = upload_and_import(admin_client, {"files": text_file()})
    assert response.status_code == 200
    article = Article.objects.get()
    assert article.uploaded_by.username == "boss"
    assert article.get_absolute_url().encode() in response.content
    assert b"1 imported" in response.content


def test_many_files_and_a_zip_in_one_upload(admin_client):
    second = WIRE_STORY.replace("four countries", "six countries")
    archive = make_zip({"in-zip.txt": WIRE_STORY.replace("Tuesday", "Friday").encode()})
    response = upload_and_import(
        admin_client,
        {"files": [text_file("a.txt"), text_file("b.txt", second), text_file("c.zip", archive)]},
    )
    assert response.status_code == 200
    assert Article.objects.count() == 3
    assert b"3 imported" in response.content


def test_outlet_given_by_the_uploader_overrides_detection(admin_client):
    upload_and_import(admin_client, {"files": text_file(), "outlet": "Anadolu Agency"})
    assert Article.objects.get().outlet.name == "Anadolu Agency"


def test_unknown_outlet_is_asked_for_then_imported(admin_client):
    response = upload_and_import(admin_client, {"files": text_file("unsigned.txt", UNSIGNED_STORY)})
    assert b"choose the outlet" in response.content
    pending = PendingUpload.objects.get()
    assert Article.objects.count() == 0

    listing = admin_client.get(reverse("articles:pending_uploads"))
    assert b"Floods close mountain roads" in listing.content

    response = admin_client.post(
        reverse("articles:assign_outlet", args=[pending.pk]), {"outlet": "BBC News"}
    )
    article = Article.objects.get()
    assert response.status_code == 302 and response.url == article.get_absolute_url()
    assert article.title == "Floods close mountain roads"
    assert not PendingUpload.objects.exists()


def test_an_upload_waiting_for_its_outlet_keeps_the_publication_date_given(admin_client):
    files = {"files": text_file("unsigned.txt", UNSIGNED_STORY), "published": "2024-03-05"}
    upload_and_import(admin_client, files)
    pending = PendingUpload.objects.get()
    listing = admin_client.get(reverse("articles:pending_uploads"))
    assert b"published 5 Mar 2024 (as given)" in listing.content
    admin_client.post(reverse("articles:assign_outlet", args=[pending.pk]), {"outlet": "BBC News"})
    article = Article.objects.get()
    assert article.published_at.date().isoformat() == "2024-03-05"
    assert article.published_precision == "day"


def test_duplicate_upload_is_reported_as_already_present(admin_client):
    upload_and_import(admin_client, {"files": text_file()})
    response = upload_and_import(admin_client, {"files": text_file("again.txt")})
    assert b"Already present" in response.content
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", b"empty"),
        ("nul.txt", b"Title\n\n" + b"text\x00" * 200, b"binary"),
        ("fake.txt", b"%PDF-1.7\n" + b"\x00\xff" * 300, b"pdf document, not a text article"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 300, b"png image, not a text article"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(admin_client, name, data, message):
    response = admin_client.post(URL, {"files": text_file(name, data)})
    assert response.status_code == 400
    assert message in response.content.lower()
    assert name.encode() in response.content
    assert Article.objects.count() == 0
    assert not ImportBatch.objects.exists()


def test_bad_file_does_not_stop_the_good_ones(admin_client):
    files = [text_file("bad.txt", b""), text_file("chrome.html", b"<nav>Home | World</nav>")]
    response = upload_and_import(admin_client, {"files": [*files, text_file()]})
    assert response.status_code == 200
    assert Article.objects.count() == 1
    assert b"1 imported" in response.content and b"2 failed" in response.content
    assert b"The file is empty." in response.content  # told at upload
    assert b"No article text was found" in response.content  # told by the worker


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"../../etc/evil.txt": WIRE_STORY.encode()}, b"escapes the archive"),
        ({"inner.zip": make_zip({"a.txt": b"x"})}, b"archives inside archives"),
        ({"bomb.txt": b"a" * 3_000_000}, b"zip bomb"),
    ],
)
def test_unsafe_zip_is_refused_and_nothing_written(admin_client, members, message):
    members = {"fine.txt": WIRE_STORY.encode(), **members}
    response = admin_client.post(URL, {"files": text_file("batch.zip", make_zip(members))})
    assert response.status_code == 400
    assert message in response.content
    assert b"Nothing was imported" in response.content
    assert Article.objects.count() == 0
    assert not ImportBatch.objects.exists()


@pytest.mark.parametrize("nameless", [".", ""])
def test_zip_member_without_a_file_name_is_reported_and_the_others_imported(admin_client, nameless):
    archive = make_zip({nameless: WIRE_STORY.encode(), "fine.txt": WIRE_STORY.encode()})
    response = upload_and_import(admin_client, {"files": text_file("batch.zip", archive)})
    assert response.status_code == 200
    assert Article.objects.get().original_filename == "batch.zip/fine.txt"
    assert b"1 imported" in response.content and b"1 failed" in response.content
    assert escape(f"has no file name ({nameless!r})").encode() in response.content


def test_a_zip_member_named_with_a_line_break_is_imported_and_its_original_served(
    admin_client,
):
    archive = make_zip({"line\nbreak.txt": WIRE_STORY.encode()})
    response = upload_and_import(admin_client, {"files": text_file("batch.zip", archive)})
    assert b"1 imported" in response.content
    article = Article.objects.get()
    assert article.original_filename == "batch.zip/line\ufffdbreak.txt"
    original = admin_client.get(reverse("articles:article_original", args=[article.pk]))
    assert original.status_code == 200
    assert original["Content-Disposition"] == "inline; filename*=utf-8''line%EF%BF%BDbreak.txt"


@pytest.mark.parametrize("published", ["9999-12-31", "2999-01-01", "0001-01-01", "1899-12-31"])
def test_a_publication_date_no_article_can_have_is_refused_at_the_form(admin_client, published):
    response = admin_client.post(URL, {"files": text_file(), "published": published})
    assert response.status_code == 400
    assert b"Give a date from 1 January 1900 to today." in response.content
    assert not ImportBatch.objects.exists()


def test_todays_date_is_accepted_on_upload(admin_client):
    from django.utils import timezone

    today = timezone.localdate().isoformat()
    upload_and_import(
        admin_client, {"files": text_file("u.txt", UNSIGNED_STORY), "published": today}
    )
    assert PendingUpload.objects.exists()


@override_settings(NEWSROOM_MAX_UPLOAD_FILES=2)
def test_too_many_files_in_one_request_is_refused(admin_client):
    files = [text_file(f"{i}.txt", WIRE_STORY.replace("four", str(i))) for i in range(3)]
    response = admin_client.post(URL, {"files": files})
    assert response.status_code == 400
    assert b"3 files in one upload; at most 2" in response.content
    assert Article.objects.count() == 0


@override_settings(NEWSROOM_MAX_UPLOAD_REQUEST_BYTES=len(WIRE_STORY) * 2)
def test_files_coming_to_more_than_the_request_limit_are_refused_at_the_form(admin_client):
    files = [text_file(f"{i}.txt", WIRE_STORY.replace("four", f"{i:04}")) for i in range(3)]
    response = admin_client.post(URL, {"files": files})
    assert response.status_code == 400
    total, limit = 3 * len(WIRE_STORY), 2 * len(WIRE_STORY)
    assert f"These files come to {total:,} bytes; at most {limit:,} bytes".encode() in (
        response.content
    )
    assert not ImportBatch.objects.exists()


@override_settings(NEWSROOM_MAX_UPLOAD_EXPANDED_BYTES=50_000)
def test_zips_expanding_to_more_than_the_request_limit_in_all_are_refused(admin_client):
    numbers = b"".join(b"%07d\n" % n for n in range(5_000))  # 40,000 bytes, no zip bomb
    zips = [text_file(f"{n}.zip", make_zip({"a.txt": numbers})) for n in range(2)]
    response = admin_client.post(URL, {"files": zips})
    assert response.status_code == 400
    assert b"1.zip/a.txt: this upload would expand to more than 50,000 bytes" in response.content
    assert not ImportBatch.objects.exists()


@override_settings(NEWSROOM_MAX_UPLOAD_FILE_BYTES=500)
def test_oversized_file_is_refused(admin_client):
    response = admin_client.post(URL, {"files": text_file("long.txt", WIRE_STORY * 5)})
    assert response.status_code == 400
    assert b"at most 500 bytes" in response.content


def test_upload_without_files_shows_the_form_error(admin_client):
    response = admin_client.post(URL, {})
    assert response.status_code == 400
    assert b"This field is required" in response.content


def test_htmx_upload_returns_only_the_progress_fragment_that_polls(admin_client):
    response = admin_client.post(URL, {"files": text_file()}, headers={"HX-Request": "true"})
    assert response.status_code == 202
    assert b"<html" not in response.content
    assert b'id="upload-result"' in response.content
    batch = ImportBatch.objects.get()
    assert f'hx-get="{batch.get_absolute_url()}"'.encode() in response.content
    assert b'hx-trigger="every 1s"' in response.content


def test_upload_page_varies_on_htmx_header(admin_client):
    assert "HX-Request" in admin_client.get(URL)["Vary"]


def test_upload_requires_the_csrf_token(client):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(make_user("boss2", staff=True))
    response = csrf_client.post(URL, {"files": text_file()})
    assert response.status_code == 403
    assert Article.objects.count() == 0


def test_pending_upload_without_an_outlet_is_refused_and_kept(admin_client):
    upload_and_import(admin_client, {"files": text_file("unsigned.txt", UNSIGNED_STORY)})
    pending = PendingUpload.objects.get()
    response = admin_client.post(
        reverse("articles:assign_outlet", args=[pending.pk]), {"outlet": "  "}
    )
    assert response.status_code == 400
    assert b"This field is required" in response.content
    assert PendingUpload.objects.filter(pk=pending.pk).exists()
    assert Article.objects.count() == 0


def test_new_outlets_get_distinct_slugs(admin_client):
    upload_and_import(admin_client, {"files": text_file("a.txt"), "outlet": "Daily News"})
    other = WIRE_STORY.replace("four countries", "nine countries")
    # Not "Daily-News": that is now the stored "Daily News" by another spelling.
    upload_and_import(admin_client, {"files": text_file("b.txt", other), "outlet": "Daily News!"})
    slugs = sorted(Article.objects.values_list("outlet__slug", flat=True))
    assert slugs == ["daily-news", "daily-news-2"]


# ----------------------------------------------------------------------------- an import's page


def queued_batch(client, count=1):
    files = [text_file(f"{n}.txt", WIRE_STORY.replace("four", f"{n + 5}")) for n in range(count)]
    client.post(URL, {"files": files})
    return ImportBatch.objects.latest("pk")


def test_batch_page_polls_while_files_wait_and_stops_with_the_report(admin_client):
    batch = queued_batch(admin_client)
    page = admin_client.get(batch.get_absolute_url())
    assert page.status_code == 200 and b"<html" in page.content
    assert b'hx-trigger="every 1s"' in page.content and b"Importing" in page.content
    assert b'<progress max="1" value="0"' in page.content

    run_queued_tasks()
    page = admin_client.get(batch.get_absolute_url())
    assert b"hx-trigger" not in page.content  # finished: the fragment stops the polling
    assert b'<progress max="1" value="1"' in page.content
    assert Article.objects.get().get_absolute_url().encode() in page.content


def test_batch_fragment_is_only_the_progress(admin_client):
    batch = queued_batch(admin_client)
    response = admin_client.get(batch.get_absolute_url(), headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert f'id="batch-{batch.pk}"'.encode() in response.content


def test_batch_page_varies_on_htmx_header(admin_client):
    batch = queued_batch(admin_client)
    assert "HX-Request" in admin_client.get(batch.get_absolute_url())["Vary"]


def test_batch_page_says_when_no_worker_is_running(admin_client):
    batch = queued_batch(admin_client)
    assert b"No worker is running" in admin_client.get(batch.get_absolute_url()).content
    from articles.imports.workers import WorkerPresence

    presence = WorkerPresence("test")
    presence.announce()
    try:
        assert b"No worker is running" not in admin_client.get(batch.get_absolute_url()).content
    finally:
        presence.close()


def test_batch_pages_are_for_staff_only(client):
    admin = make_user("boss", staff=True)
    client.force_login(admin)
    batch = queued_batch(client)
    client.logout()
    for url in (batch.get_absolute_url(), reverse("articles:upload_batches")):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    client.force_login(make_user("reader"))
    for url in (batch.get_absolute_url(), reverse("articles:upload_batches")):
        assert client.get(url).status_code == 403


def test_recent_imports_lists_batches_newest_first(admin_client):
    first = queued_batch(admin_client)
    run_queued_tasks()
    second = queued_batch(admin_client)
    response = admin_client.get(reverse("articles:upload_batches"))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.index(f"#{second.pk}<") < content.index(f"#{first.pk}<")
    assert "1 imported" in content


def test_missing_batch_is_404(admin_client):
    assert admin_client.get(reverse("articles:upload_batch", args=[999999])).status_code == 404


@pytest.mark.parametrize("count", [1, 12])
def test_batch_report_queries_do_not_grow_with_its_files(
    admin_client, django_assert_max_num_queries, count
):
    batch = queued_batch(admin_client, count)
    run_queued_tasks()
    with django_assert_max_num_queries(7):
        response = admin_client.get(batch.get_absolute_url())
    assert f"{count} imported".encode() in response.content


def test_batch_report_reads_no_file_or_article_text(admin_client):
    queued_batch(admin_client, 2)
    batch = queued_batch(admin_client, 3)  # two duplicates of the first batch's files
    upload_and_import(admin_client, {"files": text_file("unsigned.txt", UNSIGNED_STORY)})
    run_queued_tasks()
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(batch.get_absolute_url())
    assert b"1 imported" in response.content and b"2 already present" in response.content
    heavy = ('"articles_importitem"."data"', '"articles_article"."original"', '"body"')
    assert not [q["sql"] for q in queries if any(column in q["sql"] for column in heavy)]
    pending = ImportBatch.objects.latest("pk")
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(pending.get_absolute_url())
    assert b"choose the outlet" in response.content
    assert not [q["sql"] for q in queries if '"articles_pendingupload"."original"' in q["sql"]]


# ----------------------------------------------------------------------------- in /admin/


@pytest.fixture
def superuser_client(client):
    user = make_user("root", staff=True)
    user.is_superuser = True
    user.save()
    client.force_login(user)
    return client


def test_imports_and_their_files_are_readable_in_the_admin_without_their_bytes(
    superuser_client,
):
    batch = queued_batch(superuser_client, 3)  # queued: the files' bytes are still stored
    item = batch.items.first()
    pages = [
        reverse("admin:articles_importbatch_changelist"),
        reverse("admin:articles_importbatch_change", args=[batch.pk]),
        reverse("admin:articles_importitem_changelist") + f"?batch={batch.pk}",
        reverse("admin:articles_importitem_change", args=[item.pk]),
    ]
    for url in pages:
        with CaptureQueriesContext(connection) as queries:
            response = superuser_client.get(url)
        assert response.status_code == 200, url
        assert not [q for q in queries if '"articles_importitem"."data"' in q["sql"]], url
    batch_page, items_page = (superuser_client.get(url).content.decode() for url in pages[1:3])
    assert f"{pages[2]}".replace("&", "&amp;") in batch_page  # the batch links its files
    assert all(f"{n}.txt" in items_page for n in range(3))
    # The workers keep these up to date: nothing to add, change or delete by hand.
    assert "Save" not in batch_page and "Delete" not in batch_page
    add = reverse("admin:articles_importbatch_add")
    assert superuser_client.get(add).status_code == 403
    delete = reverse("admin:articles_importbatch_delete", args=[batch.pk])
    assert superuser_client.post(delete, {"post": "yes"}).status_code == 403
    assert ImportBatch.objects.filter(pk=batch.pk).exists()


def test_a_story_started_by_an_upload_given_its_outlet_is_related_at_once(admin_client):

    upload_and_import(admin_client, {"files": text_file("wire.txt", WIRE)})
    unsigned = NEXT_YEAR.replace("GENEVA (Reuters) - ", "GENEVA - ")
    upload_and_import(admin_client, {"files": text_file("later.txt", unsigned)})
    pending = PendingUpload.objects.get()
    admin_client.post(reverse("articles:assign_outlet", args=[pending.pk]), {"outlet": "Reuters"})
    first, later = (a.story for a in Article.objects.order_by("published_at"))
    assert first != later
    assert list(later.related.all()) == [first]
    assert not PendingRelatives.objects.exists()
