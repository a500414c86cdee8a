"""newsroom.middleware: a lost database connection is a 503 with Retry-After, not a 500; a
NUL character in a query string is a 400."""

import pytest
from django.db import InterfaceError, OperationalError
from django.test import RequestFactory, override_settings

from articles.models import Person
from newsroom.middleware import RETRY_AFTER_SECONDS, DatabaseUnavailableMiddleware
from tests.helpers import make_article, make_user


def handle(exception: Exception):
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    return middleware.process_exception(RequestFactory().get("/stories/1/"), exception)


@pytest.mark.parametrize(
    "exception",
    [OperationalError("server closed the connection unexpectedly"), InterfaceError("closed")],
)
def test_a_lost_connection_is_a_503_that_says_to_retry(exception):
    response = handle(exception)
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert b"temporarily unavailable" in response.content
    assert b"server closed" not in response.content  # the error itself stays in the log


def test_other_errors_are_left_to_django():
    assert handle(ValueError("a bug")) is None


# Every view that reads a GET parameter, with a NUL in it (and one in a parameter's name).
NUL_URLS = [
    "/activity/?editor=%00",
    "/activity/?editor=ana%00&page=2",
    "/people/suggestions/?name=Ana%00",
    "/review/?story=%00&speaker=1%00",
    "/search/?q=nato%00",
    "/search/?q=nato&outlet=%00",
    "/?page=%00",
    "/stories/{story}/?outlets=%00",
    "/stories/{story}/statements/?speaker=%00",
    "/articles/{article}/quotes/new/?paragraph=%00",
    "/people/{person}/?page=1%00",
    "/outlets/reuters/?page=%00",
    "/tags/?%00=1",
    "/upload/batches/?page=%00",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", NUL_URLS)
def test_a_nul_character_in_a_query_string_is_a_clear_400(client, url):
    article = make_article()
    person = Person.objects.create(name="Ana Lima")
    client.force_login(make_user("boss", staff=True))
    url = url.format(story=article.story_id, article=article.pk, person=person.pk)
    response = client.get(url)
    assert response.status_code == 400
    assert b"NUL" in response.content and b"<html" in response.content


@pytest.mark.django_db
def test_a_query_string_without_nul_characters_goes_through(client):
    client.force_login(make_user("boss", staff=True))
    assert client.get("/activity/", {"editor": "ana", "page": "2"}).status_code == 200


@pytest.mark.django_db
@override_settings(NEWSROOM_MAX_REQUEST_BODY_BYTES=10_000)
def test_a_request_body_over_the_hard_limit_is_a_413_before_it_is_read(client):
    client.force_login(make_user("boss", staff=True))
    body = b"x" * 10_001
    response = client.post("/upload/", body, content_type="application/octet-stream")
    assert response.status_code == 413
    assert b"10,001 bytes" in response.content and b"at most 10,000" in response.content
    ok = client.post("/upload/", b"x" * 10_000, content_type="application/octet-stream")
    assert ok.status_code == 400  # read, and refused by the upload page itself
