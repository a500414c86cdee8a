import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from articles.models import Article, Outlet

pytestmark = pytest.mark.django_db

CHROME = [
    "Large Medium Small",
    "Related readings",
    "Bookmark and Share",
    "Back to the Top",
    "YOU MIGHT ALSO LIKE",
    "narrow-browser-and-phone",
    "0 : 0",
    "JRL Home",
    "SOURCE: Agencies",
    "Copyright",
    "Follow Johnson's Russia List",
    "burger",
]


def demo_article(name: str) -> Article:
    return Article.objects.select_related("outlet").get(original_filename=f"demo/{name}")


def test_demo_corpus_is_imported_once_from_four_outlets(capsys):
    call_command("setup_demo")
    assert Article.objects.count() == 5
    assert Outlet.objects.with_articles().count() == 4
    call_command("setup_demo")
    assert Article.objects.count() == 5
    assert "0 article(s) imported" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "title", "outlet", "published", "precision", "dateline"),
    [
        (
            "000_584c1b2c6ad61a19.txt",
            "Russia, NATO eye cooperation in Afghanistan",
            "Xinhua",
            datetime.datetime(2009, 12, 17, 22, 44),
            "minute",
            "MOSCOW",
        ),
        (
            "001_1a7374eea1c75804.txt",
            "NATO chief asks for Russian help in Afghanistan",
            "Reuters",
            datetime.datetime(2009, 12, 16),  # from the manifest: the file has no date
            "day",
            "MOSCOW",
        ),
        (
            "002_ba46ccbaad925d34.txt",
            "NATO Chief Urges Russia To Do More In Afghanistan",
            "RFE/RL",
            datetime.datetime(2009, 12, 16),
            "day",
            "",
        ),
        (
            "003_cb6d57e9560c172e.txt",
            "NATO head urges new start with Russia",
            "Reuters",
            datetime.datetime(2010, 11, 3, 9, 26),
            "minute",
            "MOSCOW",
        ),
        (
            "004_264530aaef6d131f.txt",
            "Nato seeks Afghan help from Russia",
            "Al Jazeera",
            None,
            "unknown",
            "",
        ),
    ],
)
def test_each_demo_article_is_stored_with_the_right_metadata(
    name, title, outlet, published, precision, dateline
):
    call_command("setup_demo")
    article = demo_article(name)
    assert article.title == title
    assert article.outlet.short_name == outlet
    if published is None:
        assert article.published_at is None
    else:
        assert article.published_at.replace(tzinfo=None) == published
    assert article.published_precision == precision
    assert article.dateline == dateline


def test_no_demo_chrome_survives_into_bodies_or_captions():
    call_command("setup_demo")
    for article in Article.objects.all():
        stored = "\n".join([*(p["text"] for p in article.paragraphs), *article.captions])
        for chrome in CHROME:
            assert chrome not in stored, f"{chrome!r} left in {article.original_filename}"


def test_demo_captions_are_kept_apart_from_the_body():
    call_command("setup_demo")
    reuters = demo_article("001_1a7374eea1c75804.txt")
    assert reuters.captions == [
        "U.S. military vehicles of NATO's International Security Assistance Force (ISAF) travel "
        "on a road in Siavashan village near Herat December 14, 2009. REUTERS/Morteza Nikoubazl"
    ]
    assert not any("REUTERS/" in p["text"] for p in reuters.paragraphs)


def test_demo_original_upload_is_kept_byte_for_byte(demo_files):
    call_command("setup_demo")
    for name, data in demo_files.items():
        assert bytes(demo_article(name).original) == data


def test_demo_admin_is_created_on_the_embedded_database(capsys, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    call_command("setup_demo")
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_staff and admin.check_password("newsroom-admin")
    assert "newsroom-admin" in capsys.readouterr().out


def test_no_demo_account_when_database_url_is_set(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://somewhere/else")
    call_command("setup_demo")
    assert not get_user_model().objects.filter(username="admin").exists()
