from django.urls import clear_script_prefix, reverse, set_script_prefix

from articles.models import url_with_pk


def test_url_with_pk_is_the_reversed_route_for_any_id():
    for name in ("articles:article_detail", "articles:story_detail", "articles:quote_edit"):
        for pk in (1, 7, 90817, 9081726354, 12345678901234):
            assert url_with_pk(name, pk) == reverse(name, args=[pk])


def test_url_with_pk_follows_the_script_prefix():
    set_script_prefix("/newsroom/")
    try:
        assert url_with_pk("articles:person_detail", 42) == "/newsroom/people/42/"
        assert url_with_pk("articles:person_detail", 42) == reverse(
            "articles:person_detail", args=[42]
        )
    finally:
        clear_script_prefix()
    assert url_with_pk("articles:person_detail", 42) == "/people/42/"


def test_url_with_pk_follows_the_urlconf(settings):
    assert url_with_pk("articles:person_detail", 42) == "/people/42/"
    settings.ROOT_URLCONF = "tests.urls_prefixed"
    assert url_with_pk("articles:person_detail", 42) == "/prefixed/people/42/"
