import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.forms import SearchForm
from articles.models import SNIPPET_START, SNIPPET_STOP, Article, Person, Quote
from tests.helpers import make_article
from tests.test_processing import AGENCY, WIRE

pytestmark = pytest.mark.django_db
URL = reverse("articles:search")


@pytest.fixture
def demo(db):
    call_command("setup_demo")


def test_search_finds_quotes_and_articles_with_highlighted_snippets(client, demo):
    html = client.get(URL, {"q": "helicopter"}).content.decode()
    assert "<mark>helicopter</mark> package" in html
    assert 'Quotes <span class="muted">(2)</span>' in html
    assert "Nato seeks Afghan help from Russia" in html


def test_search_stems_and_ranks(client, demo):
    html = client.get(URL, {"q": "helicopters"}).content.decode()
    assert "<mark>helicopter</mark>" in html  # the stem matches the singular too


def test_search_filters_by_outlet_speaker_and_dates(client, demo):
    by_outlet = client.get(URL, {"q": "helicopter", "outlet": "al-jazeera"}).content.decode()
    assert "progress on implementing" not in by_outlet
    assert "<mark>helicopter</mark> package" in by_outlet
    html_2010 = client.get(
        URL, {"q": "helicopter", "date_from": "2010-01-01", "date_to": "2010-12-31"}
    ).content.decode()
    assert "progress on implementing the <mark>helicopter</mark> package" in html_2010
    assert "I suggested a" not in html_2010  # undated Al Jazeera is outside any date range


def test_search_by_speaker_name_finds_their_quotes(client, demo):
    html = client.get(URL, {"q": "Putin"}).content.decode()
    assert "A unification of Russian and NATO efforts" in html


def test_search_is_accent_insensitive(client):
    make_article(WIRE.replace("Amina Diallo", "Amína Dialló"), name="accents.txt")
    html = client.get(URL, {"q": "Diallo"}).content.decode()
    # The speaker is written with accents; the plain query still finds the quote and article.
    assert "We have agreed to halve the tariffs" in html
    assert "Farm ministers agree to cut fertiliser tariffs" in html


@pytest.mark.parametrize(
    "query", ["", "   ", "zzqqxx", "<script>alert(1)</script>", '"unclosed', "&|!():*", "-", "or"]
)
def test_odd_or_empty_queries_give_a_clear_page(client, demo, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_invalid_filters_are_explained_not_crashed(client, demo):
    for params in (
        {"q": "nato", "outlet": "nope"},
        {"q": "nato", "speaker": "abc"},
        {"q": "nato", "date_from": "garbage"},
        {"q": "nato", "date_from": "2010-01-01", "date_to": "2009-01-01"},
        {"q": "nato\x00"},
    ):
        response = client.get(URL, params)
        assert response.status_code == 200
        assert b"Please correct the filters" in response.content


def test_search_fragment_and_vary_header(client, demo):
    response = client.get(URL, {"q": "helicopter"}, headers={"HX-Request": "true"})
    assert b"<html" not in response.content and b'id="results"' in response.content
    assert "HX-Request" in client.get(URL, {"q": "helicopter"})["Vary"]
    full = client.get(URL, {"q": "helicopter"})  # a pushed URL loads as a full page
    assert b"<html" in full.content


@pytest.mark.parametrize("copies", [1, 6])
def test_search_query_count_is_fixed(client, django_assert_max_num_queries, copies):
    for n in range(copies):
        make_article(AGENCY.replace("farm groups", f"{n} groups"), name=f"{n}.txt", outlet=f"O{n}")
    with django_assert_max_num_queries(8):
        response = client.get(URL, {"q": "fertiliser"})
    assert response.status_code == 200


def test_excluded_word_stays_excluded(client, demo):
    html = client.get(URL, {"q": "helicopter -narcotics"}).content.decode()
    assert "progress on implementing the" not in html
    assert "I suggested a" in html


def test_a_word_being_typed_matches_as_a_prefix(client, demo):
    html = client.get(URL, {"q": "helicop"}).content.decode()
    assert "<mark>helicopter</mark>" in html


@pytest.mark.parametrize("window", [1, 3, 1000])
def test_the_newest_matches_are_ranked_whether_found_in_the_recent_window_or_beyond(
    client, monkeypatch, window
):
    """Common words are looked for among the newest rows first, rare ones by the index alone:
    both give the newest candidates, best ranked first."""
    from django.core.cache import cache

    from articles import views

    monkeypatch.setattr(views, "SEARCH_CANDIDATES", 3)
    monkeypatch.setattr(views, "RECENT_QUOTES", window)
    monkeypatch.setattr(views, "RECENT_ARTICLES", window)
    cache.delete("search-windows")
    for n in range(6):
        text = AGENCY.replace("farm groups", f"farm groups{' fertiliser' * (6 - n)}")
        text = text.replace("Published: 14/03/2023", f"Published: {14 + n:02d}/03/2023")
        make_article(text, name=f"{n}.txt", outlet=f"Outlet {n}")
    page = client.get(URL, {"q": "fertiliser"}).content.decode()
    cache.delete("search-windows")
    html = page.split('id="article-results"')[1]
    assert '>Articles <span class="muted">(the newest 3, best first)</span>' in html
    # The three newest articles (Outlets 5, 4, 3), the one saying "fertiliser" most first.
    found = [html.index(f"Outlet {n}") for n in (3, 4, 5)]
    assert found == sorted(found)
    assert "Outlet 2" not in html and "Outlet 0" not in html


def test_ranking_reads_the_stored_vectors_instead_of_parsing_them_again(db):
    """SearchRank("search_vector") would cast each row's stored vector to text and parse it
    again (seconds for a common word on a million quotes); F("search_vector") ranks it as is."""
    for matches in (Quote.objects.search("tariffs"), Article.objects.search("tariffs")):
        sql = str(matches.query)
        assert "ts_rank(" in sql and "to_tsvector" not in sql


def test_quote_and_article_search_rank_best_first_and_mark_snippets(db):
    make_article(WIRE, name="wire.txt")
    make_article(AGENCY.replace("farm groups", "farm groups and fertiliser makers"), name="afp.txt")
    quotes = list(Quote.objects.search("tariffs fertiliser").with_snippet("tariffs fertiliser"))
    assert sorted(q.text[:22] for q in quotes) == [
        "We have agreed to halv",
        "to halve the tariffs o",
    ]
    assert quotes[0].rank >= quotes[1].rank
    assert f"{SNIPPET_START}tariffs{SNIPPET_STOP}" in quotes[0].snippet
    Quote.objects.filter(pk=quotes[0].pk).update(status=Quote.Status.REJECTED)
    assert Quote.objects.search("tariffs fertiliser").count() == 1  # readers' quotes only
    articles = list(Article.objects.search("fertiliser").with_snippet("fertiliser"))
    assert [a.source.short_name for a in articles] == ["AFP", "Reuters"]  # says it more often
    assert articles[0].rank > articles[1].rank
    assert f"{SNIPPET_START}fertiliser{SNIPPET_STOP}" in articles[0].snippet


def test_the_speaker_filter_takes_anyone_even_a_person_not_quoted(db):
    nobody = Person.objects.create(name="Not Quoted Yet")
    form = SearchForm({"q": "tariffs", "speaker": nobody.pk})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["speaker"] == nobody
    assert not SearchForm({"q": "tariffs", "speaker": nobody.pk + 1000}).is_valid()
