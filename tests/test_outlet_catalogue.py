"""Outlets as data: the seed of the rows, the catalogue imports read, the admin."""

import importlib
import json

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse

from articles.imports.catalogue import outlet_catalogue
from articles.ingest import KNOWN_OUTLETS, find_outlet, parse_article
from articles.models import Article, Outlet
from tests.helpers import ROOT, make_article

pytestmark = pytest.mark.django_db

seed = importlib.import_module("articles.migrations.0023_seed_outlets")

STORY = (
    "Floods close mountain roads\n\n"
    "({name}) -- Heavy rain has closed roads across the region, and hundreds of people were "
    "moved from their homes overnight as rivers burst their banks.\n\n"
    "Rescue teams worked through the night to reach villages cut off by the water.\n"
)


def test_the_code_list_is_read_from_its_json_file():
    listed = json.loads((ROOT / "articles" / "ingest" / "known_outlets.json").read_text())
    assert len(KNOWN_OUTLETS) == len(listed) > 250
    assert find_outlet("Thomson Reuters").name == "Reuters"
    assert find_outlet("news.cn").name == "Xinhua"


def test_the_seed_creates_missing_outlets_and_fills_those_already_there():
    Outlet.objects.all().delete()
    demo = Outlet.objects.create(name="Reuters", short_name="Reuters", slug="reuters")
    seed.seed_outlets(apps, None)
    assert Outlet.objects.count() == 272
    demo.refresh_from_db()
    assert demo.aliases == ["Thomson Reuters"] and demo.domains == ["reuters.com"]
    assert demo.credit_forms == ["(Reuters)"] and demo.homepage == "https://www.reuters.com"
    xinhua = Outlet.objects.get(name="Xinhua")
    assert "news.cn" in xinhua.domains and xinhua.kind == "wire" and xinhua.slug == "xinhua"
    assert len(set(Outlet.objects.values_list("slug", flat=True))) == 272


def test_the_seed_is_undone_but_for_outlets_with_articles():
    Outlet.objects.all().delete()
    seed.seed_outlets(apps, None)
    article = make_article()  # a Reuters wire story
    seed.unseed_outlets(apps, None)
    assert list(Outlet.objects.values_list("name", "aliases")) == [(article.outlet.name, [])]


def test_an_outlet_an_admin_adds_is_recognised_in_the_next_import(admin_client):
    response = admin_client.post(
        reverse("admin:articles_outlet_add"),
        {
            "name": "Steppe Courier Daily",
            "short_name": "Steppe Courier",
            "slug": "steppe-courier",
            "kind": "newspaper",
            "country": "Kazakhstan",
            "homepage": "",
            "aliases": "Courier of the Steppe\r\n\r\nSC Daily",
            "domains": "https://www.SteppeCourier.kz/\r\n",
            "credit_forms": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    outlet = Outlet.objects.get(name="Steppe Courier Daily")
    assert outlet.aliases == ["Courier of the Steppe", "SC Daily"]
    assert outlet.domains == ["steppecourier.kz"]

    article = make_article(STORY.format(name="Courier of the Steppe"), name="courier.txt")
    assert article.outlet == outlet
    assert article.outlet_evidence == "(Courier of the Steppe)"


def test_the_outlets_admin_lists_and_searches_by_alias_and_domain(admin_client):
    Outlet.objects.create(
        name="Steppe Courier", short_name="Courier", slug="courier", domains=["courier.kz"]
    )
    Outlet.objects.create(name="Harbour Times", short_name="Times", slug="times")
    changelist = reverse("admin:articles_outlet_changelist")
    assert "courier.kz" in admin_client.get(changelist, {"kind__exact": "other"}).content.decode()
    for query in ("courier.kz", "Steppe"):
        page = admin_client.get(changelist, {"q": query}).content.decode()
        assert "Steppe Courier" in page and "Harbour Times" not in page


def test_a_credit_form_names_its_outlet():
    Outlet.objects.create(
        name="Steppe Courier",
        short_name="Courier",
        slug="courier",
        credit_forms=["Reporting by ... for the Steppe Courier"],
    )
    text = STORY.replace("({name}) -- ", "") + (
        "\nReporting by Anna Berg for the Steppe Courier; editing by Tom Lee\n"
    )
    assert parse_article(text.encode()).outlet is None  # the code's list does not know it
    article = make_article(text, name="credited.txt")
    assert article.outlet.name == "Steppe Courier"
    assert article.outlet_evidence == "Reporting by Anna Berg for the Steppe Courier"


def test_the_catalogue_is_built_once_and_rebuilt_when_an_outlet_changes():
    catalogue = outlet_catalogue()
    assert outlet_catalogue() is catalogue
    assert catalogue.find_outlet("Steppe Courier") is None
    outlet = Outlet.objects.create(name="Steppe Courier", short_name="Courier", slug="courier")
    assert outlet_catalogue().find_outlet("Steppe Courier").name == "Steppe Courier"
    outlet.aliases = ["Kurier Stepi"]
    outlet.save()
    assert outlet_catalogue().find_outlet("kurier stepi").name == "Steppe Courier"
    outlet.delete()
    assert outlet_catalogue().find_outlet("Steppe Courier") is None


def test_an_import_asks_the_database_only_whether_outlets_changed(django_assert_num_queries):
    """Each file's import reads the outlets' change stamp (one query), not the outlet table."""
    outlet_catalogue()
    with django_assert_num_queries(1):
        outlet_catalogue()
    Outlet.objects.create(name="Steppe Courier", short_name="Courier", slug="courier")
    with django_assert_num_queries(2):  # the stamp, then the outlets once to rebuild
        outlet_catalogue()


def test_a_stored_row_stands_in_place_of_the_listed_outlet():
    Outlet.objects.filter(name="Reuters").delete()
    Outlet.objects.create(
        name="Reuters", short_name="Reuters", slug="reuters", aliases=["Reuters Wire"]
    )
    catalogue = outlet_catalogue()
    assert catalogue.find_outlet("Reuters Wire").name == "Reuters"
    assert catalogue.find_outlet("Thomson Reuters") is None  # the admin took the alias away
    assert catalogue.find_outlet("AFP").name == "Agence France-Presse"  # the list's, still


@pytest.mark.django_db(transaction=True)
def test_an_outlet_committed_by_another_process_is_seen_by_the_next_import():
    """Another process's change reaches this one through the outlets' change stamp alone (a
    plain SQL insert here: no signal of this process hears it)."""
    before = outlet_catalogue()
    assert outlet_catalogue() is before
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO articles_outlet (name, short_name, slug, homepage, country, kind, "
            "aliases, domains, credit_forms) VALUES ('Steppe Courier', 'Courier', 'courier', "
            "'', '', 'newspaper', ARRAY['Courier of the Steppe'], '{}', '{}')"
        )
    assert outlet_catalogue() is not before
    article = make_article(STORY.format(name="Courier of the Steppe"), name="courier.txt")
    assert article.outlet.name == "Steppe Courier"
    assert Article.objects.filter(outlet__name="Steppe Courier").count() == 1
