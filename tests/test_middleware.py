"""newsroom.middleware: a lost database connection is a 503 with Retry-After, not a 500."""

import pytest
from django.db import InterfaceError, OperationalError
from django.test import RequestFactory

from newsroom.middleware import RETRY_AFTER_SECONDS, DatabaseUnavailableMiddleware


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
