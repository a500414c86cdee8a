import pytest
from django.urls import reverse

from tests.helpers import make_user

pytestmark = pytest.mark.django_db
URL = reverse("login")
ADMIN_URL = reverse("admin:login")


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Every attempt hashes a password (an unknown user's too): the real hasher's seconds add up.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def attempt(client, username, password, *, url=URL, address="127.0.0.1"):
    data = {"username": username, "password": password}
    return client.post(url, data, REMOTE_ADDR=address)


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
    for _ in range(4):
        assert attempt(client, "ana", "guess").status_code == 200
    assert attempt(client, "ana", "guess").status_code == 429  # the fifth failure says so
    response = attempt(client, "ana", "pw-for-tests-123")
    assert response.status_code == 429
    assert b"Too many failed log-ins" in response.content
    assert b"Try again in 15 minutes" in response.content
    assert response["Retry-After"] == "900"
    assert "_auth_user_id" not in client.session


def test_other_users_are_not_locked_out_by_someone_elses_failures(client):
    make_user("ana")
    make_user("ben")
    for _ in range(5):
        attempt(client, "ana", "guess")
    assert attempt(client, "ben", "pw-for-tests-123").status_code == 302


def test_failures_from_another_address_do_not_lock_the_owner_out(client):
    make_user("ana")
    for _ in range(10):
        attempt(client, "ana", "guess", address="203.0.113.9")
    assert attempt(client, "ana", "guess", address="203.0.113.9").status_code == 429
    assert attempt(client, "ana", "pw-for-tests-123", address="198.51.100.7").status_code == 302


def test_the_admin_login_is_limited_like_the_sites(client):
    make_user("boss", staff=True)
    for _ in range(4):
        assert attempt(client, "boss", "guess", url=ADMIN_URL).status_code == 200
    assert attempt(client, "boss", "guess", url=ADMIN_URL).status_code == 429
    response = attempt(client, "boss", "pw-for-tests-123", url=ADMIN_URL)
    assert response.status_code == 429
    assert b"Too many failed log-ins" in response.content
    assert response["Retry-After"] == "900"
    assert "_auth_user_id" not in client.session


def test_failures_on_either_login_count_for_both(client):
    make_user("boss", staff=True)
    for url in (URL, ADMIN_URL, URL, ADMIN_URL, URL):
        attempt(client, "boss", "guess", url=url)
    assert attempt(client, "boss", "pw-for-tests-123", url=ADMIN_URL).status_code == 429
    assert attempt(client, "boss", "pw-for-tests-123", url=URL).status_code == 429


def test_a_successful_login_clears_that_users_failures(client):
    make_user("ana")
    for _ in range(4):
        attempt(client, "ana", "guess")
    assert attempt(client, "ana", "pw-for-tests-123").status_code == 302
    client.logout()
    for _ in range(4):
        assert attempt(client, "ana", "guess").status_code == 200
    assert attempt(client, "ana", "pw-for-tests-123").status_code == 302


@pytest.mark.parametrize("url", [URL, ADMIN_URL])
def test_a_nul_character_in_the_username_is_a_failed_login_not_an_error(client, url):
    response = attempt(client, "ana\x00", "guess", url=url)
    assert response.status_code == 200
    assert 'name="username"' in response.content.decode()
