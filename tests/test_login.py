import pytest
from django.urls import reverse

from articles.models import LoginAttempt
from tests.helpers import make_user

pytestmark = pytest.mark.django_db
URL = reverse("login")


def attempt(client, username, password):
    return client.post(URL, {"username": username, "password": password})


def test_login_page_is_in_the_sites_own_look(client):
    html = client.get(URL).content.decode()
    assert "Newsroom" in html and 'for="id_username"' in html


def test_right_password_logs_in_and_wrong_one_says_so(client):
    make_user("ana")
    assert b"did not match" in attempt(client, "ana", "wrong").content
    response = attempt(client, "ana", "pw-for-tests-123")
    assert response.status_code == 302


def test_repeated_failures_for_a_username_are_refused_even_with_the_right_password(client):
    make_user("ana")
    for _ in range(5):
        assert attempt(client, "ana", "guess").status_code == 200
    response = attempt(client, "ana", "pw-for-tests-123")
    assert response.status_code == 429
    assert b"Too many failed log-ins" in response.content
    assert response["Retry-After"] == "900"
    assert "_auth_user_id" not in client.session


def test_other_users_are_not_locked_out_by_someone_elses_failures(client):
    make_user("ana")
    make_user("ben")
    for _ in range(5):
        attempt(client, "ana", "guess")
    assert attempt(client, "ben", "pw-for-tests-123").status_code == 302


def test_many_failures_from_one_address_are_refused(client):
    for n in range(20):
        attempt(client, f"user{n}", "guess")
    make_user("carl")
    assert attempt(client, "carl", "pw-for-tests-123").status_code == 429


def test_a_successful_login_clears_that_users_failures(client):
    make_user("ana")
    for _ in range(3):
        attempt(client, "ana", "guess")
    attempt(client, "ana", "pw-for-tests-123")
    assert not LoginAttempt.objects.filter(username="ana").exists()
