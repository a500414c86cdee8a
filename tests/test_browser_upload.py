"""What only a browser shows: the upload round trip, its progress polled with htmx up to the
report by a real worker, breaks no CSP rule."""

import pytest
from django.db import transaction

from articles.imports.batches import queue_files
from articles.models import Article, ImportBatch
from tests.browser import log_in
from tests.helpers import WIRE_STORY, make_user, start_worker, stop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_uploads_an_article_follows_its_progress_and_opens_it(page, live_server, tmp_path):
    make_user("boss", staff=True)
    upload = tmp_path / "grain.txt"
    upload.write_text(WIRE_STORY)
    log_in(page, live_server, "boss")

    page.get_by_role("link", name="Upload", exact=True).click()
    page.get_by_label("Article files").set_input_files(str(upload))
    page.get_by_role("button", name="Upload").click()

    report = page.locator("#upload-result")
    report.get_by_text("0 of 1 file done").wait_for()  # answered at once: no worker yet
    assert page.url == f"{live_server.url}/upload/"  # htmx swapped the progress in place
    assert Article.objects.count() == 0
    worker = start_worker()
    try:
        # htmx polls the progress until the worker has reported every file.
        report.get_by_text("1 imported").wait_for(timeout=60_000)
    finally:
        stop(worker)
    assert report.locator("progress").get_attribute("value") == "1"
    report.get_by_role("link", name="Ministers agree on grain corridor").click()
    page.get_by_role("heading", name="Ministers agree on grain corridor").wait_for()
    assert "Ministers from four countries agreed" in page.content()
    assert Article.objects.count() == 1
    assert page.errors == []  # no CSP violation or script error on the way


def test_import_page_polls_until_the_report_then_stops(page, live_server):
    make_user("boss", staff=True)
    log_in(page, live_server, "boss")
    with transaction.atomic():
        batch = ImportBatch.objects.create(label="grain.txt")
        queue_files(batch, [("grain.txt", WIRE_STORY.encode())])
    polls = []
    page.on("request", lambda r: polls.append(r.url) if r.headers.get("hx-request") else None)
    page.goto(f"{live_server.url}{batch.get_absolute_url()}")
    page.get_by_text("Importing").wait_for()
    worker = start_worker()
    try:
        page.get_by_role("heading", name="Upload report").wait_for(timeout=60_000)
    finally:
        stop(worker)
    assert polls  # it got there by polling, not by a reload
    count = len(polls)
    page.wait_for_timeout(2500)
    assert len(polls) == count  # the finished fragment has no trigger: polling stopped
    assert page.get_by_role("link", name="Ministers agree on grain corridor").count() == 1
    assert page.errors == []


def test_reader_sees_no_upload_link_and_is_refused(page, live_server):
    make_user("reader")
    log_in(page, live_server, "reader")
    assert page.get_by_role("link", name="Upload", exact=True).count() == 0
    response = page.goto(f"{live_server.url}/upload/")
    assert response.status == 403
