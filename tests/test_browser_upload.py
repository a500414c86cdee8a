"""What only a browser shows: the upload round trip works with htmx and breaks no CSP rule."""

import pytest

from articles.models import Article
from tests.helpers import WIRE_STORY, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, username, password="pw-for-tests-123"):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/")


def test_admin_uploads_an_article_and_opens_it(page, live_server, tmp_path):
    make_user("boss", staff=True)
    upload = tmp_path / "grain.txt"
    upload.write_text(WIRE_STORY)
    log_in(page, live_server, "boss")

    page.get_by_role("link", name="Upload", exact=True).click()
    page.get_by_label("Article files").set_input_files(str(upload))
    page.get_by_role("button", name="Upload").click()

    report = page.locator("#upload-result")
    report.get_by_text("1 imported").wait_for()
    assert page.url == f"{live_server.url}/upload/"  # htmx swapped the report in place
    report.get_by_role("link", name="Ministers agree on grain corridor").click()
    page.get_by_role("heading", name="Ministers agree on grain corridor").wait_for()
    assert "Ministers from four countries agreed" in page.content()
    assert Article.objects.count() == 1
    assert page.errors == []  # no CSP violation or script error on the way


def test_reader_sees_no_upload_link_and_is_refused(page, live_server):
    make_user("reader")
    log_in(page, live_server, "reader")
    assert page.get_by_role("link", name="Upload", exact=True).count() == 0
    response = page.goto(f"{live_server.url}/upload/")
    assert response.status == 403
