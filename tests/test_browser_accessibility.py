"""A basic accessibility check (axe-core) of every reader-facing page, and keyboard focus."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from articles.models import Article, Person, Story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_urls(live_server):
    call_command("setup_demo")
    story = Story.objects.get(articles__outlet__short_name="Xinhua")
    statement = story.statements.filter(quotes__article__outlet__short_name="Reuters").first()
    return [
        "/",
        story.get_absolute_url(),
        f"{story.get_absolute_url()}statements/",
        f"{story.get_absolute_url()}statements/{statement.pk}/",
        Article.objects.first().get_absolute_url(),
        Person.objects.get(name="Dmitry Medvedev").get_absolute_url(),
        "/outlets/",
        "/outlets/xinhua/",
        "/search/?q=helicopter",
        "/accounts/login/",
    ]


def test_pages_have_no_serious_accessibility_violations(page, live_server, demo_urls):
    axe = Axe()
    problems = []
    for url in demo_urls:
        page.goto(f"{live_server.url}{url}")
        results = axe.run(page)
        for violation in results.response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                problems.append(f"{url}: {violation['id']}: {violation['help']}")
    assert problems == []
    assert page.errors == []


def test_focus_is_visible_on_links(page, live_server, demo_urls):
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
