"""An editor corrects an article's headline on its page in a real browser, and undoes it."""

import pytest

from articles.models import Article
from tests.browser import log_in
from tests.helpers import WIRE, make_article, make_editor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_corrects_a_headline_in_place_and_undoes_it(page, live_server):
    article = make_article(WIRE, name="wire.txt")
    make_editor("ed")
    log_in(page, live_server, "ed")
    page.goto(f"{live_server.url}{article.get_absolute_url()}")

    page.get_by_role("link", name="Correct headline, date, outlet…").click()
    form = page.locator("#article-header form")
    form.wait_for()
    assert form.get_by_label("Outlet").input_value() == "Reuters"
    form.get_by_label("Headline").fill("Twenty countries cut fertiliser tariffs")
    form.get_by_role("button", name="Save corrections").click()

    page.locator(
        "#article-header h1", has_text="Twenty countries cut fertiliser tariffs"
    ).wait_for()
    assert "Corrected the headline" in page.locator("#article-header .message").inner_text()
    assert page.url.endswith(article.get_absolute_url())  # swapped in place, not a new page
    assert Article.objects.get(pk=article.pk).title == "Twenty countries cut fertiliser tariffs"

    page.get_by_role("button", name="Undo this correction").click()
    page.locator("#article-header h1", has_text=article.title).wait_for()
    assert Article.objects.get(pk=article.pk).title == article.title
    assert page.errors == []
